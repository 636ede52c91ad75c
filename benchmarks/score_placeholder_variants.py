"""Recall and precision of ``extract`` on generated placeholder and page-data variants.

Usage::

    python benchmarks/score_placeholder_variants.py [--seed N] [--per-family N] [--decoys N]
        [--show-misses]

The generators of ``tests/placeholder_variants.py`` and ``tests/pagedata_variants.py``
compose invented ids, handles,
class names, attribute orders, nesting, quoting and escaping for each family of forms
a site keeps a post in for its own code, with decoys beside every post and decoy-only
pages.  Each page goes through ``extract()`` (the prefilter included); a post counts
when its platform and id are expected, and its form is checked too.  One row per
family: TP, FP, FN, precision, recall, wrong forms.
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from pagedata_variants import pagedata_variants  # noqa: E402
from placeholder_variants import placeholder_variants  # noqa: E402
from variant_ids import Variant  # noqa: E402

import tweetresolve  # noqa: E402


def found_posts(variant: Variant) -> list[tuple[str, str, str]]:
    """(platform, id, form) of every post ``extract`` finds in the variant's page."""
    return [(p.platform, p.post_id or "", p.form) for p in tweetresolve.extract(variant.markup)]


def _score(variants: Sequence[Variant], show_misses: bool) -> list[tuple[str, list[int]]]:
    rows: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    for variant in variants:
        found = found_posts(variant)
        wanted = {(platform, post_id): form for platform, post_id, form in variant.expected}
        got = {(platform, post_id): form for platform, post_id, form in found}
        row = rows[variant.family]
        row[0] += len(wanted.keys() & got.keys())
        row[1] += len(got.keys() - wanted.keys())
        row[2] += len(wanted.keys() - got.keys())
        row[3] += sum(1 for key in wanted.keys() & got.keys() if wanted[key] != got[key])
        if show_misses and sorted(variant.expected) != sorted(found):
            print(f"--- {variant.name}: wanted {variant.expected} got {found}")
            print(variant.markup[:1500])
    return sorted(rows.items())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("--per-family", type=int, default=60)
    parser.add_argument("--decoys", type=int, default=120)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    groups = {
        "placeholders": placeholder_variants(
            seed=args.seed, per_family=args.per_family, decoys=args.decoys
        ),
        "page data": pagedata_variants(
            seed=args.seed, per_family=args.per_family, decoys=args.decoys
        ),
    }
    for title, variants in groups.items():
        print(f"== {title}: {len(variants)} generated pages (seed {args.seed})")
        print(
            f"{'family':<32} {'TP':>5} {'FP':>4} {'FN':>4} {'prec':>7} {'recall':>7} {'form!':>6}"
        )
        total = [0, 0, 0, 0]
        for family, (tp, fp, fn, wrong) in _score(variants, args.show_misses):
            total = [a + b for a, b in zip(total, (tp, fp, fn, wrong), strict=True)]
            print(_row(family, tp, fp, fn, wrong))
        print(_row("all", *total))
    return 0


def _row(label: str, tp: int, fp: int, fn: int, wrong: int) -> str:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"{label:<32} {tp:>5} {fp:>4} {fn:>4} {precision:7.3f} {recall:7.3f} {wrong:>6}"


if __name__ == "__main__":
    sys.exit(main())
