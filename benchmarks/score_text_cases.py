"""Score the plain-text path over the labelled converter outputs in ``text_cases.jsonl``.

Each case is the text an HTML-to-text converter (trafilatura, html2text, BeautifulSoup)
made of a real page, with the posts that the text still shows.  The scorer runs
``extract(text, kind="text")`` on every case and prints, per platform, precision /
recall / F1 overall, for the cases whose byline survived (``has_byline``), and per
converter; then per-field accuracy over the matched posts.

A prediction is matched to a labelled post by ``(platform, post_id)`` when both have
an id, else by ``(platform, handle)``.  Cases without posts (prose whose link the
converter dropped) only count false positives.

Usage::

    python benchmarks/score_text_cases.py [path/to/text_cases.jsonl] [--links] [--misses]

``--links`` also returns bare links to posts (``include_links=True``); ``--misses``
lists every miss and false positive.  ``--wild`` scores a second set instead: cases
made from the wild corpus pages by ``tools/make_wild_text_cases.py`` (the four
converters, three article lines above each post), generated into a temporary file
at each run because they hold third-party text (needs ``pip install -e ".[corpus]"``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tweetresolve import extract
from tweetresolve.records import Post

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import Counts, FieldScore, collapse, normalise_handle

#: The corpus beside the project root: ``<root>/../shared/corpus/text_cases.jsonl``.
DEFAULT_CASES = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "text_cases.jsonl"
)

FIELDS = ("id", "handle", "name", "date", "text_start")

# A Markdown backslash escape: "29\\. April 2018".
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def converter_name(converter: str) -> str:
    """Short name of a converter description from the corpus."""
    if converter.startswith("trafilatura"):
        return "trafilatura"
    if converter.startswith("beautifulsoup"):
        return "bs4"
    if converter.startswith("html2text"):
        return "html2text-plain" if "ignore_links" in converter else "html2text-md"
    return converter.split(maxsplit=1)[0]


def load_cases(path: Path) -> list[dict[str, Any]]:
    """Read the JSON-lines file of cases."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _shown(text: str) -> str:
    """The case text as a reader sees it: Markdown escapes undone, spaces collapsed."""
    return collapse(_MD_ESCAPE.sub(r"\1", text)) or ""


@dataclass
class Report:
    """Everything the scorer measured."""

    groups: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counts))
    )
    fields: dict[str, FieldScore] = field(default_factory=lambda: defaultdict(FieldScore))
    byline_fields: dict[str, FieldScore] = field(default_factory=lambda: defaultdict(FieldScore))
    misses: list[str] = field(default_factory=list)


def match_posts(
    labels: Sequence[dict[str, Any]], predictions: Sequence[Post]
) -> tuple[list[tuple[dict[str, Any], Post]], list[dict[str, Any]], list[Post]]:
    """Pair labels with predictions: by id when both have one, else by handle."""
    free = list(predictions)
    pairs: list[tuple[dict[str, Any], Post]] = []
    unmatched: list[dict[str, Any]] = []
    pending = []
    for label in labels:
        found = next(
            (
                p
                for p in free
                if label["post_id"]
                and p.post_id
                and p.platform == label["platform"]
                and p.post_id == label["post_id"]
            ),
            None,
        )
        if found is None:
            pending.append(label)
        else:
            free.remove(found)
            pairs.append((label, found))
    for label in pending:
        same_author = [
            p
            for p in free
            if p.platform == label["platform"]
            and not (label["post_id"] and p.post_id)
            and normalise_handle(label["author_handle"]) is not None
            and normalise_handle(p.handle) == normalise_handle(label["author_handle"])
        ]
        # Two posts of one author: the one showing the label's date is this one.
        same_date = [
            p for p in same_author if collapse(p.date_text) == collapse(label["date_text"])
        ]
        choices = same_date or same_author
        if not choices:
            unmatched.append(label)
        else:
            free.remove(choices[0])
            pairs.append((label, choices[0]))
    return pairs, unmatched, free


def _score_fields(
    scores: dict[str, FieldScore], case_text: str, label: dict[str, Any], post: Post
) -> None:
    if label["post_id"] and label["post_id"] in case_text:
        scores["id"].add(post.post_id == label["post_id"])
    if label["author_handle"]:
        scores["handle"].add(
            normalise_handle(post.handle) == normalise_handle(label["author_handle"])
        )
    if label["author_name"]:
        name = post.author.name if post.author else None
        scores["name"].add(collapse(name) == collapse(label["author_name"]))
    shown_date = collapse(label["date_text"])
    if shown_date and shown_date in _shown(case_text):
        scores["date"].add(collapse(post.date_text) == collapse(label["date_text"]))
    if label["text_start"]:
        # The label holds up to 40 characters of the first paragraph of the markup;
        # the text path returns every paragraph, so the start must match.
        text = collapse(post.text) or ""
        scores["text_start"].add(text.startswith(label["text_start"]))


def score(cases: Iterable[dict[str, Any]], *, include_links: bool = False) -> Report:
    """Run the text path over ``cases`` and count."""
    report = Report()
    for number, case in enumerate(cases):
        text = case["text"]
        predictions = extract(text, kind="text", include_links=include_links)
        pairs, missed, extra = match_posts(case["posts"], predictions)
        converter = converter_name(case["source"]["converter"])
        groups = ["overall", f"converter {converter}"]
        if case.get("has_byline"):
            groups += ["has_byline", f"has_byline {converter}"]
        if not case["posts"]:
            groups.append("negatives")
        for group in groups:
            counts = report.groups[group]
            for label, _ in pairs:
                counts[label["platform"]].tp += 1
            for label in missed:
                counts[label["platform"]].fn += 1
            for post in extra:
                counts[post.platform].fp += 1
        for label, post in pairs:
            _score_fields(report.fields, text, label, post)
            if case.get("has_byline"):
                _score_fields(report.byline_fields, text, label, post)
            wrong = _wrong_fields(text, label, post)
            if wrong:
                report.misses.append(f"case {number}: field {', '.join(wrong)}: {_describe(post)}")
        for label in missed:
            byline = "byline" if case.get("has_byline") else "no byline"
            report.misses.append(
                f"case {number}: MISSED ({byline}) {label['platform']} {label['post_id']}"
                f" {label['author_handle']} {label.get('form')}"
            )
        for post in extra:
            report.misses.append(f"case {number}: FALSE POSITIVE {_describe(post)}")
    return report


def _wrong_fields(text: str, label: dict[str, Any], post: Post) -> list[str]:
    scores: dict[str, FieldScore] = defaultdict(FieldScore)
    _score_fields(scores, text, label, post)
    return [name for name, s in scores.items() if s.right != s.total]


def _describe(post: Post) -> str:
    start = (collapse(post.text) or "")[:40]
    name = post.author.name if post.author else None
    return (
        f"{post.platform} id={post.post_id} @{post.handle} name={name!r}"
        f" date={post.date_text!r} text={start!r}"
    )


def print_report(report: Report, *, misses: bool = False, out: Any = None) -> None:
    """Print the tables of ``report``."""
    out = out or sys.stdout
    order = sorted(
        report.groups,
        key=lambda g: (g != "overall", not g.startswith("has_byline"), g != "has_byline", g),
    )
    print(f"{'group':<28} {'platform':<10} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn", file=out)
    for group in order:
        for platform, counts in sorted(report.groups[group].items()):
            print(
                f"{group:<28} {platform:<10} {counts.precision:6.3f} {counts.recall:6.3f}"
                f" {counts.f1:6.3f} {counts.tp:4d}{counts.fp:4d}{counts.fn:4d}",
                file=out,
            )
    print(file=out)
    print("field accuracy over matched posts (id: only where the text holds the id)", file=out)
    for name in FIELDS:
        print(
            f"  {name:<11} all {report.fields[name]!s:<22} has_byline {report.byline_fields[name]}",
            file=out,
        )
    if misses:
        print(file=out)
        for line in report.misses:
            print(line, file=out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("cases", nargs="?", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--links", action="store_true", help="also return bare links to posts")
    parser.add_argument("--misses", action="store_true", help="list misses and false positives")
    parser.add_argument(
        "--wild", action="store_true", help="score cases made from the wild corpus pages"
    )
    args = parser.parse_args(argv)
    if args.wild:
        return _score_wild(args)
    if not args.cases.exists():
        print(f"no cases at {args.cases}", file=sys.stderr)
        return 2
    report = score(load_cases(args.cases), include_links=args.links)
    print_report(report, misses=args.misses)
    return 0


def _score_wild(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import make_wild_text_cases

    wild = make_wild_text_cases.DEFAULT_WILD
    if not (wild / "labels.jsonl").exists():
        print(f"no wild corpus at {wild}", file=sys.stderr)
        return 2
    try:
        cases = make_wild_text_cases.make_cases(wild)
    except ImportError as exc:
        print(f"the converters are not installed ({exc}): pip install -e '.[corpus]'")
        return 2
    print(f"wild text cases: {len(cases)} (made now from {wild.resolve()})")
    report = score(cases, include_links=args.links)
    print_report(report, misses=args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
