"""Regenerate ``tweetresolve/_tlds.py``, the top-level domains the URL extractor accepts.

The URL rules of tweetresolve follow the twitter-text reference, which accepts a host only
when it ends in a known top-level domain. This script writes that list as a Python module
so the package needs no data file at run time.

Two sources are supported:

* ``--conformance PATH`` (the default): the ``tlds.yml`` file of the twitter-text
  conformance suite, whose cases are ``https://twitter.<tld>`` split into ``country`` and
  ``generic`` sections. This reproduces the list the reference implementations were built
  with (IANA root zone, March 2020), so the conformance suite passes unchanged.
* ``--iana PATH``: IANA's ``tlds-alpha-by-domain.txt`` (one upper-case ASCII label per
  line, ``XN--`` labels for internationalised names). Labels are decoded to Unicode;
  two-letter ASCII labels are classed as country codes, everything else as generic (the
  extractor treats both classes alike).

Usage, from the repository root::

    python tools/gen_tlds.py                       # ../shared/conformance/twitter-text/tlds.yml
    python tools/gen_tlds.py --conformance path/to/tlds.yml
    python tools/gen_tlds.py --iana path/to/tlds-alpha-by-domain.txt

The output is deterministic: the same input always gives the same file.
"""

from __future__ import annotations

import argparse
import codecs
import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONFORMANCE = ROOT.parent / "shared" / "conformance" / "twitter-text" / "tlds.yml"
OUTPUT = ROOT / "tweetresolve" / "_tlds.py"
PREFIX = "https://twitter."


def from_conformance(path: Path) -> tuple[list[str], list[str], str]:
    """Read ``tlds.yml`` and return (country, generic, source description)."""
    tests = yaml.safe_load(path.read_text(encoding="utf-8"))["tests"]
    sections: dict[str, list[str]] = {}
    for name in ("country", "generic"):
        names = []
        for case in tests[name]:
            text = case["text"]
            if not text.startswith(PREFIX):
                raise SystemExit(f"unexpected case text in {path}: {text!r}")
            names.append(text[len(PREFIX) :].lower())
        sections[name] = names
    return sections["country"], sections["generic"], "twitter-text conformance tlds.yml"


def from_iana(path: Path) -> tuple[list[str], list[str], str]:
    """Read IANA's ``tlds-alpha-by-domain.txt`` and return (country, generic, source)."""
    country: list[str] = []
    generic: list[str] = []
    for raw in path.read_text(encoding="ascii").splitlines():
        label = raw.strip().lower()
        if not label or label.startswith("#"):
            continue
        if label.startswith("xn--"):
            label = codecs.decode(label[4:].encode("ascii"), "punycode")
        (country if len(label) == 2 and label.isascii() else generic).append(label)
    return country, generic, "IANA tlds-alpha-by-domain.txt"


def render(country: list[str], generic: list[str], source: str) -> str:
    """Return the text of the generated module."""

    def block(name: str, names: list[str]) -> list[str]:
        lines = [f"{name}: tuple[str, ...] = ("]
        lines += [f"    {json.dumps(item, ensure_ascii=False)}," for item in sorted(set(names))]
        lines.append(")")
        return lines

    out = [
        '"""Top-level domains accepted by the URL extractor (generated; do not edit).',
        "",
        f"Source: {source}. Regenerate with ``python tools/gen_tlds.py``.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        '__all__ = ["COUNTRY_TLDS", "GENERIC_TLDS"]',
        "",
        *block("COUNTRY_TLDS", country),
        "",
        *block("GENERIC_TLDS", generic),
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--conformance", type=Path, help="path to twitter-text tlds.yml")
    group.add_argument("--iana", type=Path, help="path to IANA tlds-alpha-by-domain.txt")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="module to write")
    args = parser.parse_args(argv)
    if args.iana is not None:
        country, generic, source = from_iana(args.iana)
    else:
        country, generic, source = from_conformance(args.conformance or DEFAULT_CONFORMANCE)
    args.output.write_text(render(country, generic, source), encoding="utf-8")
    print(f"wrote {args.output}: {len(set(country))} country, {len(set(generic))} generic")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
