"""Regenerate ``tweetresolve/_emoji.py``, the emoji sequences the length counter groups.

Under the current post-length rules an emoji counts 2 whatever its number of code points
(a family joined by zero-width joiners, a flag, a skin-tone variant). This script reads
Unicode's ``emoji-test.txt`` (every fully-qualified, minimally-qualified, unqualified and
component sequence) and writes it as a Python module, split into single code points (as
ranges) and longer sequences.

Usage, from the repository root (Debian and Ubuntu ship the file in ``unicode-data``)::

    python tools/gen_emoji.py                          # reads /usr/share/unicode/emoji/
    python tools/gen_emoji.py path/to/emoji-test.txt

The output is deterministic: the same input always gives the same file.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = Path("/usr/share/unicode/emoji/emoji-test.txt")
OUTPUT = ROOT / "tweetresolve" / "_emoji.py"
LINE_RE = re.compile(r"^([0-9A-F ]+?)\s*;\s*([a-z-]+)\s*#")
VERSION_RE = re.compile(r"^# Version: (\S+)", re.MULTILINE)


def escape(text: str) -> str:
    """A double-quoted Python literal with every non-ASCII character escaped."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0x20 < code < 0x7F and ch not in '\\"':
            out.append(ch)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def ranges(codes: list[int]) -> list[tuple[int, int]]:
    """Collapse sorted code points into inclusive ranges."""
    out: list[tuple[int, int]] = []
    for code in codes:
        if out and out[-1][1] == code - 1:
            out[-1] = (out[-1][0], code)
        else:
            out.append((code, code))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", type=Path, nargs="?", default=DEFAULT_INPUT)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    source = args.input.read_text(encoding="utf-8")
    version_match = VERSION_RE.search(source)
    version = version_match.group(1) if version_match else "unknown"
    singles: set[int] = set()
    sequences: set[str] = set()
    for line in source.splitlines():
        match = LINE_RE.match(line)
        if not match:
            continue
        codes = [int(part, 16) for part in match.group(1).split()]
        if len(codes) == 1:
            singles.add(codes[0])
        else:
            sequences.add("".join(chr(c) for c in codes))
    lines = [
        f'"""Emoji sequences of Unicode emoji-test.txt {version} (generated; do not edit).',
        "",
        "Regenerate with ``python tools/gen_emoji.py``. Data derived from the Unicode",
        "Character Database, (c) Unicode, Inc., used under the Unicode License.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        '__all__ = ["EMOJI_VERSION", "SEQUENCES", "SINGLE_RANGES"]',
        "",
        f'EMOJI_VERSION = "{version}"',
        "",
        "#: Inclusive ranges of code points that are an emoji on their own.",
        "SINGLE_RANGES: tuple[tuple[int, int], ...] = (",
    ]
    lines += [f"    (0x{a:04X}, 0x{b:04X})," for a, b in ranges(sorted(singles))]
    lines += [")", "", "#: Emoji made of several code points.", "SEQUENCES: tuple[str, ...] = ("]
    lines += [f"    {escape(seq)}," for seq in sorted(sequences)]
    lines += [")", ""]
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.output}: {len(singles)} single, {len(sequences)} sequences ({version})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
