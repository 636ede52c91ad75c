"""Hostile markup through ``extract``: time, output size and memory per document.

The documents are the makers of ``tests/hostile.py`` that once broke linearity
(embeds nested hundreds deep, a start tag with tens of thousands of attributes), at
doubling sizes.  Each run is a fresh interpreter with a time limit, so a slow case
is reported as such rather than hanging the benchmark.  Per run: seconds, seconds
per MB, posts, total characters of post text, entities, links and peak RSS.

Run: ``python benchmarks/bench_hostile.py [--sizes 100000 200000 ...] [--timeout 60]
[--cases nested_tiktok ...]``.
To compare with another version, run it with that version first on ``PYTHONPATH``
(``PYTHONPATH=/path/to/old/checkout python benchmarks/bench_hostile.py``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CASES = (
    "nested_tiktok",
    "nested_bluesky",
    "nested_reddit",
    "nested_instagram",
    "nested_same_tiktok",
    "many_attributes",
    "many_attributes_lt",
    "permalink_row",
    "quote_chains",
    "nested_paragraph_links",
    "past_depth_limit",
    "nested_quotations",
    "nested_snippets_unlinked",
    "nested_foreign_quotes",
    "nested_cards",
    "unclosed_comment_quoted_lt",
    "huge_class_over_links",
    "link_feed",
    "nested_open_links",
)

# Run in the child: build one document, extract, print the measures as JSON.
_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {tests!r})
import tweetresolve
from hostile import HOSTILE
document = HOSTILE[{name!r}]({size})
for warm in HOSTILE.values():  # import-time and first-call costs, out of the timing
    tweetresolve.extract(warm(2000))
start = time.perf_counter()
posts = tweetresolve.extract(document)
seconds = time.perf_counter() - start
print(json.dumps({{
    "seconds": seconds,
    "bytes": len(document),
    "posts": len(posts),
    "text": sum(len(p.text or "") for p in posts),
    "entities": sum(len(p.entities) for p in posts),
    "links": sum(len(p.links) for p in posts),
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}}))
"""


def run_case(name: str, size: int, timeout: float) -> dict[str, float] | None:
    """Measures of one document in a fresh interpreter; None when it ran out of time."""
    code = _CHILD.format(tests=str(ROOT / "tests"), name=name, size=size)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
            cwd=tempfile.gettempdir(),  # import the installed package, or PYTHONPATH's
        )
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 100_000, 200_000])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES))
    args = parser.parse_args(argv)
    print(
        f"{'document':<22} {'KB':>6} {'seconds':>8} {'s/MB':>7} {'posts':>6} "
        f"{'text chars':>11} {'entities':>9} {'links':>6} {'RSS MB':>7}"
    )
    for name in args.cases:
        for size in args.sizes:
            found = run_case(name, size, args.timeout)
            if found is None:
                print(f"{name:<22} {size / 1000:>6.0f} {'> ' + str(args.timeout):>8}  (timed out)")
                continue
            per_mb = found["seconds"] / (found["bytes"] / 1_000_000)
            print(
                f"{name:<22} {found['bytes'] / 1000:>6.0f} {found['seconds']:>8.3f} "
                f"{per_mb:>7.2f} {found['posts']:>6.0f} {found['text']:>11.0f} "
                f"{found['entities']:>9.0f} {found['links']:>6.0f} {found['rss_mb']:>7.0f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
