"""Time entity extraction and weighted length against input size on hostile inputs.

Run: ``python benchmarks/bench_entities.py [--max-size N] [--repeat R]``.

Each family of inputs doubles in size from row to row; linear code shows a ratio to the
previous row of about 2 (time per character stays flat). A backtracking URL pattern, by
contrast, doubles its time with every few extra commas in the first family. A plain
``str.split()`` over the same text is timed as an in-process baseline.

Nothing is asserted about time: this prints a table and exits.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator

from tweetresolve.entities import extract_entities, weighted_length

Family = tuple[str, Callable[[int], str]]

FAMILIES: list[Family] = [
    ("URL + N commas", lambda n: "see https://example.com/path" + "," * n + " ok"),
    ("host + N commas", lambda n: "see example.com" + "," * n + "x"),
    ("URL path + N '.;'", lambda n: "https://example.com/a" + ".;" * (n // 2)),
    ("query + N '!'", lambda n: "https://example.com/?q=" + "!" * n),
    ("N '@'", lambda n: "@" * n),
    ("N '@a'", lambda n: "@a" * (n // 2)),
    ("N '#'", lambda n: "#" * n),
    ("'#' + N digits", lambda n: "#" + "1" * n),
    ("N '#a'", lambda n: "#a" * (n // 2)),
    ("N '$A '", lambda n: "$A " * (n // 3)),
    ("label of N letters", lambda n: "http://" + "a" * n + ".com"),
    ("N 'a.' labels", lambda n: "a." * (n // 2) + "x"),
    ("N 'a_a.' labels", lambda n: "a_a." * (n // 4) + "com"),
    ("N CJK, one dot", lambda n: "日" * n + ".com"),
    ("URL + N '('", lambda n: "https://example.com/" + "(" * n),
    ("URL + nested N", lambda n: "https://example.com/" + "(a" * (n // 4) + ")" * (n // 4)),
    ("URL + N '(a)'", lambda n: "https://example.com/" + "(a)" * (n // 3)),
    ("N 'http://'", lambda n: "http://" * (n // 7)),
    ("N emoji + ZWJ", lambda n: "\U0001f468\u200d" * (n // 2)),
    ("N digits", lambda n: "1" * n),
    ("N words", lambda n: "word " * (n // 5)),
]


def sizes(max_size: int) -> Iterator[int]:
    """10, 20, 40, … up to ``max_size``."""
    size = 10
    while size <= max_size:
        yield size
        size *= 2


def best_time(func: Callable[[str], object], text: str, repeat: int) -> float:
    """Fastest of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-size", type=int, default=100_000, help="largest N (default 1e5)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per row; the best is kept")
    parser.add_argument("--families", default="", help="comma-separated name filter")
    args = parser.parse_args(argv)
    wanted = [w.strip() for w in args.families.split(",") if w.strip()]

    header = (
        f"{'input':<20} {'N':>8} {'chars':>9} {'entities s':>11} {'x prev':>7} "
        f"{'us/kchar':>9} {'length s':>10} {'split s':>9}"
    )
    print(header)
    print("-" * len(header))
    for name, make in FAMILIES:
        if wanted and not any(w in name for w in wanted):
            continue
        previous = None
        for n in sizes(args.max_size):
            text = make(n)
            spent = best_time(extract_entities, text, args.repeat)
            measured = best_time(weighted_length, text, args.repeat)
            baseline = best_time(str.split, text, args.repeat)
            ratio = f"{spent / previous:7.2f}" if previous else " " * 7
            per_kchar = spent / max(len(text), 1) * 1e6 * 1000
            print(
                f"{name:<20} {n:>8} {len(text):>9} {spent:>11.6f} {ratio} "
                f"{per_kchar:>9.1f} {measured:>10.6f} {baseline:>9.6f}"
            )
            previous = spent
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
