"""Score the plain-text path on generated residue variants, per family.

The variants (``tests/text_variants.py``) are invented posts of every platform in
each residue shape (attribution lines, site-made cards, embed fallback lines),
flattened as four converters would, inside invented article prose, plus decoys
that hold no post.  For each family the scorer prints recall, precision (false
posts per family), and the share of found posts whose id, handle, date and text
start are right (over the posts that show them).

Usage::

    python benchmarks/score_text_variants.py [--per-family N] [--seed S] [--misses]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from tweetresolve import extract

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from text_variants import all_variants, field_errors, matches


def main(argv: list[str] | None = None) -> int:
    """Print the per-family table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--per-family", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--misses", action="store_true", help="print every miss and false post")
    args = parser.parse_args(argv)
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for variant in all_variants(args.per_family, seed=args.seed):
        row = rows[variant.family]
        posts = extract(variant.text, kind="text")
        unused = list(posts)
        for expected in variant.expected:
            row["expected"] += 1
            found = next((post for post in unused if matches(expected, post)), None)
            if found is None:
                if args.misses:
                    print(
                        f"MISS {variant.family} {variant.converter} {variant.seed}\n{variant.text}"
                    )
                continue
            unused.remove(found)
            row["found"] += 1
            errors = field_errors(expected, found)
            for key in ("post_id", "date", "text_start"):
                if expected.get(key):
                    row[f"{key}_n"] += 1
                    name = {"post_id": "id", "date": "date", "text_start": "text"}[key]
                    row[f"{key}_ok"] += not any(e.startswith(name) for e in errors)
            if errors and args.misses:
                print(f"FIELD {variant.family} {variant.converter} {variant.seed} {errors}")
        row["false"] += len(unused)
        if unused and args.misses:
            print(f"FALSE {variant.family} {variant.converter} {[p.platform for p in unused]}")
            print(variant.text)
    print(f"{'family':28} {'recall':>7} {'prec':>7} {'id':>7} {'date':>7} {'text':>7}")
    total: dict[str, int] = defaultdict(int)
    for family, row in rows.items():
        for key, value in row.items():
            total[key] += value
        _print_row(family, row)
    _print_row("ALL", total)
    return 0


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:7.3f}" if whole else f"{'-':>7}"


def _print_row(family: str, row: dict[str, int]) -> None:
    predicted = row["found"] + row["false"]
    print(
        f"{family:28} {_ratio(row['found'], row['expected'])} {_ratio(row['found'], predicted)}"
        f" {_ratio(row['post_id_ok'], row['post_id_n'])} {_ratio(row['date_ok'], row['date_n'])}"
        f" {_ratio(row['text_start_ok'], row['text_start_n'])}"
        + (f"  false={row['false']}" if row["false"] else "")
    )


if __name__ == "__main__":
    raise SystemExit(main())
