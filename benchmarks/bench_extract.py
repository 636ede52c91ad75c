"""Extraction speed over the real pages, against plain parses of the same pages, in one run.

Prints, over the labelled pages in ``../shared/corpus/pages`` and
``../shared/corpus/wild/pages`` (beside the project):

* MB/s of ``tweetresolve.extract`` (bytes in, posts out: decoding, prefilter,
  parse where needed, detection), of a plain ``lxml.html`` parse of the same
  bytes, and of a whole-page ``BeautifulSoup(page, "lxml")`` parse; each the
  median of repeated passes, with ratios.  Target: extract >= 0.5 x lxml.
  extract is timed with each marker-search engine available: the Aho-Corasick
  automaton (``ahocorasick_rs``, the ``fast`` extra) and the pure-Python gates.
* What each cross-platform family costs: extract with the placeholder family, the
  page-data family, or both switched off, as MB/s beside the full run.
* Whether the fast path finds exactly what a full parse finds: every page and
  every text case is run again with the prefilter disabled (every platform's
  detector on every document) and the posts compared, for each engine.
* The time-versus-size curve of the hostile inputs (``tests/hostile.py``), sizes
  doubling, with the time per megabyte, so superlinear growth shows.

Run: ``python benchmarks/bench_extract.py [--passes N] [--quick] [--corpus DIR]``.
Exit status 1 when the fast path and the full parse disagree.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import lxml.html
from bs4 import BeautifulSoup

from tweetresolve import extract
from tweetresolve.decode import decode

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "tests"))

from hostile import HOSTILE  # noqa: E402

MB = 1_000_000

# The module, not the function of the same name that the package exports.
extract_module: Any = sys.modules["tweetresolve.extract"]
prefilter_module: Any = sys.modules["tweetresolve.prefilter"]


def load_pages(pages_dir: Path) -> list[tuple[str, bytes]]:
    """Every page as raw bytes (``.html.gz`` decompressed), in name order."""
    pages = []
    for path in sorted(pages_dir.iterdir()):
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        pages.append((path.name, data))
    return pages


def load_texts(corpus: Path) -> list[str]:
    """The plain-text cases (converter output over the same pages)."""
    path = corpus / "text_cases.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def time_pass(work: Callable[[bytes], object], pages: Sequence[tuple[str, bytes]]) -> float:
    """Seconds for one pass of ``work`` over every page (garbage collection paused)."""
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        for _, data in pages:
            work(data)
        return time.perf_counter() - started
    finally:
        gc.enable()


def median_time(
    work: Callable[[bytes], object], pages: Sequence[tuple[str, bytes]], passes: int
) -> float:
    """Median seconds of ``passes`` passes, after one warm-up pass."""
    time_pass(work, pages)
    return statistics.median(time_pass(work, pages) for _ in range(passes))


def lxml_parse(data: bytes) -> object:
    """The baseline: lxml's HTML parser over the same bytes."""
    return lxml.html.document_fromstring(data)


def soup_parse(data: bytes) -> object:
    """The slow baseline: a whole-page BeautifulSoup tree on lxml."""
    return BeautifulSoup(data, "lxml")


@contextmanager
def prefilter_disabled() -> Iterator[None]:
    """Make every platform look present on every document: the full-parse path."""
    saved = extract_module._prefilter, extract_module.markers_present
    extract_module._prefilter = lambda *args, **kwargs: (list(extract_module.PLATFORMS), True, True)
    extract_module.markers_present = lambda lowered, markers: True
    try:
        yield
    finally:
        extract_module._prefilter, extract_module.markers_present = saved


@contextmanager
def families_off(names: Sequence[str]) -> Iterator[None]:
    """Switch off cross-platform families (``placeholders``, ``pagedata``, ``cards``) for a
    measure.  Without the card family, the platforms' own card readers still run."""
    modules = {
        "placeholders": extract_module.placeholders,
        "pagedata": extract_module.pagedata,
        "cards": extract_module,
    }
    finders = {
        "placeholders": "find_placeholders",
        "pagedata": "find_page_data",
        "cards": "find_cards",
    }
    off = {
        "placeholders": lambda page: [],
        "pagedata": lambda page: [],
        "cards": lambda page, official, fallback=(): list(fallback),
    }
    saved = {name: getattr(modules[name], finders[name]) for name in names}
    for name in names:
        setattr(modules[name], finders[name], off[name])
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(modules[name], finders[name], function)


@contextmanager
def marker_engine(engine: str) -> Iterator[None]:
    """Run extract's prefilter with the given MarkerScan engine."""
    saved = prefilter_module._ahocorasick
    if engine == "gates":
        prefilter_module._ahocorasick = None
    extract_module._marker_scan.cache_clear()
    try:
        yield
    finally:
        prefilter_module._ahocorasick = saved
        extract_module._marker_scan.cache_clear()


def compare_paths(pages: Sequence[tuple[str, bytes]], texts: Sequence[str]) -> list[str]:
    """Names of the documents where the fast path and the full parse disagree."""
    documents: list[tuple[str, str | bytes]] = [*pages]
    documents += [(f"text_cases[{i}]", text) for i, text in enumerate(texts)]
    fast: dict[tuple[str, bool], list[dict[str, Any]]] = {}
    for name, document in documents:
        for links in (False, True):
            fast[name, links] = [p.to_dict() for p in extract(document, include_links=links)]
    differ = []
    with prefilter_disabled():
        for name, document in documents:
            for links in (False, True):
                full = [p.to_dict() for p in extract(document, include_links=links)]
                if full != fast[name, links]:
                    differ.append(
                        f"{name} (include_links={links}): fast {len(fast[name, links])}"
                        f" posts, full parse {len(full)}"
                    )
    return differ


def hostile_curve(sizes: Sequence[int]) -> None:
    """Print time against size for every hostile input, sizes doubling."""
    print("\nHostile inputs: extract() time by size (kind=auto; one run each)")
    print(f"{'input':20s} " + " ".join(f"{s / MB:>8.3g}MB" for s in sizes) + "   s/MB first->last")
    for name, make in HOSTILE.items():
        extract(make(sizes[0]))  # warm-up: first use compiles grammars and fills caches
        cells = []
        per_mb = []
        for size in sizes:
            document = make(size)
            length = len(document)
            gc.collect()
            started = time.perf_counter()
            extract(document)
            elapsed = time.perf_counter() - started
            cells.append(f"{elapsed:>9.3f}s")
            per_mb.append(elapsed / max(length / MB, 1e-9))
        growth = per_mb[-1] / per_mb[0] if per_mb[0] > 0 else float("inf")
        # Over a 64-fold range of sizes a quadratic cost grows s/MB 64-fold; noise,
        # caches and content that changes with the size move it a few-fold at most.
        flag = "  <- grows faster than size" if growth > 8 else ""
        print(
            f"{name:20s} "
            + " ".join(cells)
            + f"   {per_mb[0]:.3f} -> {per_mb[-1]:.3f} (x{growth:.1f}){flag}"
        )


@contextmanager
def only_platforms(names: Sequence[str]) -> Iterator[None]:
    """Run extract with a subset of the registered platforms (the registry as it once was)."""
    saved = extract_module.PLATFORMS
    extract_module.PLATFORMS = tuple(p for p in saved if p.name in names)
    extract_module._marker_scan.cache_clear()
    try:
        yield
    finally:
        extract_module.PLATFORMS = saved
        extract_module._marker_scan.cache_clear()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return 1 when the fast path misses what a full parse finds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="folder holding pages/ and text_cases.jsonl",
    )
    parser.add_argument("--passes", type=int, default=5, help="timed passes per measure")
    parser.add_argument(
        "--quick", action="store_true", help="fewer passes and smaller hostile inputs"
    )
    args = parser.parse_args(argv)
    passes = 2 if args.quick else args.passes

    pages_dir = args.corpus / "pages"
    if not pages_dir.is_dir():
        print(f"no corpus at {pages_dir}: nothing to measure")
        return 0
    pages = load_pages(pages_dir)
    wild_dir = args.corpus / "wild" / "pages"
    if wild_dir.is_dir():
        pages += [(f"wild/{name}", data) for name, data in load_pages(wild_dir)]
    texts = load_texts(args.corpus)
    total = sum(len(data) for _, data in pages)
    print(
        f"Corpus: {len(pages)} pages, {total / MB:.1f} MB; "
        f"{len(texts)} text cases; median of {passes} passes"
    )

    engines = ["automaton", "gates"] if prefilter_module._ahocorasick is not None else ["gates"]
    timings: dict[str, float] = {}
    for engine in engines:
        with marker_engine(engine):
            timings[engine] = median_time(extract, pages, passes)
    # The cost of every other platform: the same run with Twitter's detector alone.
    with marker_engine(engines[0]), only_platforms(["twitter"]):
        twitter_only_s = median_time(extract, pages, passes)
    family_rows = []
    for label, names in (
        ("extract, no placeholder family", ["placeholders"]),
        ("extract, no page-data family", ["pagedata"]),
        ("extract, no card family", ["cards"]),
        ("extract, no families", ["placeholders", "pagedata", "cards"]),
    ):
        with marker_engine(engines[0]), families_off(names):
            family_rows.append((label, median_time(extract, pages, passes)))
    lxml_s = median_time(lxml_parse, pages, passes)
    soup_s = median_time(soup_parse, pages, max(1, min(passes, 3)))
    rows = [(f"tweetresolve.extract ({engine})", seconds) for engine, seconds in timings.items()]
    rows.append((f"extract, twitter only ({engines[0]})", twitter_only_s))
    rows += family_rows
    rows += [("lxml.html parse", lxml_s), ("BeautifulSoup(lxml) parse", soup_s)]
    print(f"\n{'':34s}{'MB/s':>8s}{'s/pass':>9s}{'vs lxml':>9s}")
    for label, seconds in rows:
        print(f"{label:34s}{total / MB / seconds:8.1f}{seconds:9.3f}{lxml_s / seconds:8.2f}x")
    extract_s = timings[engines[0]]
    ratio = lxml_s / extract_s
    verdict = "met" if ratio >= 0.5 else "NOT met"
    print(
        f"\nextract ({engines[0]} prefilter) runs at {ratio:.2f}x the lxml parse "
        f"(target >= 0.5x: {verdict}); {soup_s / extract_s:.1f}x a whole-page BeautifulSoup parse"
    )

    parsed = sum(
        1
        for _, data in pages
        if any(
            extract_module.markers_present(decode(data).lower(), p.markers)
            for p in extract_module.PLATFORMS
        )
    )
    print(f"pages with an embed marker (parsed): {parsed} of {len(pages)}")

    differ: list[str] = []
    checked = 2 * (len(pages) + len(texts))
    for engine in engines:
        with marker_engine(engine):
            found = compare_paths(pages, texts)
        differ += [f"[{engine}] {line}" for line in found]
        if found:
            print(f"\nfast path ({engine}) vs full parse: {len(found)} of {checked} runs DIFFER:")
            for line in found:
                print(f"  {line}")
        else:
            print(
                f"\nfast path ({engine}) vs full parse: identical posts on all {checked} runs "
                f"({len(pages)} pages and {len(texts)} texts, with and without links)"
            )

    sizes = [62_500 * 2**i for i in range(5 if args.quick else 7)]
    hostile_curve(sizes)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
