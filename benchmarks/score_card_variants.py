"""Score the site-made card family on generated card variants and decoys.

Usage::

    python benchmarks/score_card_variants.py [--seeds N] [--extract] [--show FAMILY]

The variants come from the test suite's generator (``tests/card_variants.py`` and
``tests/card_decoys.py``): invented posts drawn as CMS and newsletter cards of every
platform, live-blog items, feed widgets, screenshots, link previews, redirect-wrapped
cards and cards quoting a post, with random class names (or none), wrappers, orders,
languages, icons, action rows and follow buttons; and decoys that show no post.

For each family: recall (expected posts found), precision (found posts that are
expected), and the accuracy of each checked field over the posts found.  For each
decoy family: the number of false posts.  ``--extract`` runs the whole ``extract()``
instead of the card family alone (the platforms' own card readers included);
``--show`` prints the misses of one family with the card markup.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from card_decoys import DECOY_FAMILIES, decoy
from card_scoring import FIELDS, field_errors, pair, shown_fields
from card_variants import CARD_FAMILIES, variant

import tweetresolve as tr
from tweetresolve.families.cards import find_cards
from tweetresolve.html import parse_page


def found_posts(markup: str, *, whole: bool) -> list[dict[str, Any]]:
    if whole:
        return [shown_fields(p) for p in tr.extract(markup) if p.form == "card"]
    page = parse_page(markup)
    return [] if page is None else [shown_fields(c.post) for c in find_cards(page)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=40, help="variants per family")
    parser.add_argument("--extract", action="store_true", help="score extract(), not the family")
    parser.add_argument("--show", help="print the misses of this family")
    args = parser.parse_args(argv)

    header = f"{'family':<22}{'posts':>6}{'found':>6}{'extra':>6}{'recall':>8}{'prec':>8}"
    header += "".join(f"{f[:6]:>8}" for f in FIELDS)
    print(header)
    totals: collections.Counter[str] = collections.Counter()
    for family in CARD_FAMILIES:
        count: collections.Counter[str] = collections.Counter()
        for seed in range(args.seeds):
            v = variant(family, seed)
            pairs, extra = pair(found_posts(v.markup, whole=args.extract), v.expected)
            count["posts"] += len(pairs)
            count["extra"] += len(extra)
            shown = []
            for want, got in pairs:
                if got is None:
                    shown.append(f"  MISS {want}")
                    continue
                count["found"] += 1
                errors = field_errors(want, got)
                for key in FIELDS:
                    if key in want:
                        count[f"{key}/n"] += 1
                        count[f"{key}/ok"] += not any(e.startswith(key[:4]) for e in errors)
                shown.extend(f"  FIELD {e}" for e in errors)
            shown.extend(f"  EXTRA {e}" for e in extra)
            if family == args.show and shown:
                body = v.markup.split("<article>", 1)[-1].split("</article>", 1)[0]
                print(f"=== {family} seed {seed}\n{body}\n" + "\n".join(shown))
        totals.update(count)
        print(_row(family, count))
    print(_row("all cards", totals))
    print()
    print(f"{'decoy family':<22}{'pages':>6}{'false posts':>12}")
    false_total = 0
    for family in DECOY_FAMILIES:
        false = 0
        for seed in range(args.seeds):
            markup = decoy(family, seed)
            false_posts = found_posts(markup, whole=args.extract)
            false += len(false_posts)
            if family == args.show and false_posts:
                body = markup.split("<article>", 1)[-1].split("</article>", 1)[0]
                print(f"=== {family} seed {seed}\n{body}\n  FALSE {false_posts}")
        false_total += false
        print(f"{family:<22}{args.seeds:>6}{false:>12}")
    print(f"{'all decoys':<22}{args.seeds * len(DECOY_FAMILIES):>6}{false_total:>12}")
    return 0


def _row(name: str, count: collections.Counter[str]) -> str:
    found, posts, extra = count["found"], count["posts"], count["extra"]
    recall = found / posts if posts else 1.0
    precision = found / (found + extra) if found + extra else 1.0
    row = f"{name:<22}{posts:>6}{found:>6}{extra:>6}{recall:>8.3f}{precision:>8.3f}"
    for key in FIELDS:
        n = count[f"{key}/n"]
        row += f"{count[f'{key}/ok'] / n:>8.3f}" if n else f"{'-':>8}"
    return row


if __name__ == "__main__":
    sys.exit(main())
