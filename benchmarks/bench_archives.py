"""Archive scanning: reading overhead, worker processes, memory, and Spark local[2].

Prints, on the WARC made by ``benchmarks/make_warc.py`` (both its ``.warc`` and
``.warc.gz`` forms):

1. **Reading overhead**: ``extract()`` on every archived page already in memory
   (the baseline) against ``tr.extract_archive`` on the file, which also cuts,
   inflates and parses the records.  Target: at most 10 % more.
2. **Worker processes**: the scan's worker pool with 1 and 2 workers on the
   gzipped file (wall time, MB/s of file and of pages), the speed-up (target
   >= 1.8x on two cores), and the peak RSS of the largest worker (target <= 200 MB).
   With ``--cli``, the same through ``tweetresolve scan --jobs N`` in a subprocess.
3. **Spark** ``local[2]`` (with ``--spark``): session start-up, then the job on the
   gzipped file cut into four archives at member boundaries, and the per-record cost
   against the pool's ``--jobs 2``.

Every time is the best of ``--passes`` runs; the load average is printed, since
other processes on the machine slow the parallel runs most.

Run: ``python benchmarks/bench_archives.py /tmp/tweetresolve-bench/corpus.warc.gz
[--passes 3] [--cli] [--spark]``.
"""

from __future__ import annotations

import argparse
import collections
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tweetresolve as tr
from tweetresolve.archives import read_archive
from tweetresolve.archives.framing import Unit, iter_units
from tweetresolve.archives.reader import page_document
from tweetresolve.parallel import Job, plan_tasks, read_file, render_jsonl, run_tasks

MB = 1_000_000


def best_of(
    passes: int, run: Callable[[], Any], clock: Callable[[], float] = time.perf_counter
) -> tuple[float, Any]:
    """The shortest time of ``passes`` runs on ``clock`` (default: wall), and the last result."""
    best = float("inf")
    result = None
    for _ in range(passes):
        started = clock()
        result = run()
        best = min(best, clock() - started)
    return best, result


def load() -> str:
    """The 1-minute load average, to read the parallel numbers by."""
    return f"{os.getloadavg()[0]:.1f}"


def reading_overhead(path: Path, passes: int) -> None:
    """extract() on pages in memory against extract_archive() on the file."""
    pages = [(page_document(p), p.origin.uri) for p in read_archive(path)]
    html_bytes = sum(len(d.encode() if isinstance(d, str) else d) for d, _ in pages)

    def in_memory() -> int:
        return sum(len(tr.extract(document, base_url=uri)) for document, uri in pages)

    def from_file() -> int:
        return sum(1 for _ in tr.extract_archive(path))

    # CPU time of this process: other processes on the machine do not count.
    base, posts = best_of(passes, in_memory, time.process_time)
    archive, archive_posts = best_of(passes, from_file, time.process_time)
    assert posts == archive_posts, (posts, archive_posts)
    print(
        f"| {path.name} | {len(pages)} | {posts} | {html_bytes / MB / base:.1f} | "
        f"{base:.2f} | {archive:.2f} | {100 * (archive - base) / base:+.1f} % |"
    )


PEAK_RSS: dict[int, int] = {}
#: CPU seconds per worker process, of the last run with N workers.
CPU: dict[int, dict[int, float]] = {}


def pool_run(path: Path, jobs: int) -> tuple[int, int]:
    """(records, posts) of the worker pool on ``path`` with ``jobs`` workers."""
    job = Job(read=read_file, render=render_jsonl)
    records = posts = 0
    CPU[jobs] = collections.defaultdict(float)
    for result in run_tasks(plan_tasks([str(path)]), job, jobs=jobs):
        CPU[jobs][result.pid] += result.cpu_seconds
        records += result.records
        posts += result.posts
        PEAK_RSS[jobs] = max(PEAK_RSS.get(jobs, 0), result.peak_rss)
    return records, posts


def workers(path: Path, passes: int, html_mb: float) -> float:
    """Pool with 1 and 2 workers, runs interleaved; returns the seconds per record with 2."""
    size = path.stat().st_size / MB
    times: dict[int, float] = {1: float("inf"), 2: float("inf")}
    counts: dict[int, tuple[int, int]] = {}
    loads: dict[int, str] = {}
    for _ in range(passes):
        for jobs in (1, 2):
            started = time.perf_counter()
            counts[jobs] = pool_run(path, jobs)
            times[jobs] = min(times[jobs], time.perf_counter() - started)
            loads[jobs] = load()
    for jobs in (1, 2):
        records, posts = counts[jobs]
        seconds = times[jobs]
        print(
            f"| pool, {jobs} worker{'s' if jobs > 1 else ''} | {records} | {posts} | "
            f"{seconds:.2f} | {size / seconds:.1f} | {html_mb / seconds:.1f} | load {loads[jobs]} |"
        )
    one = sum(CPU[1].values())
    per_worker = sorted(CPU[2].values(), reverse=True)
    print(f"\nspeed-up 2 workers / 1, wall clock: {times[1] / times[2]:.2f}x (target >= 1.8x)")
    print(
        f"CPU seconds: 1 worker {one:.2f}; 2 workers {' + '.join(f'{c:.2f}' for c in per_worker)}"
        f" = {sum(per_worker):.2f}; speed-up on two idle cores (1 worker's CPU over the"
        f" busier worker's): {one / per_worker[0]:.2f}x"
    )
    print(f"peak RSS of the largest worker process: {PEAK_RSS[2] / MB:.0f} MB (target <= 200 MB)")
    print(
        f"this process (parent, 1-worker runs in-process): "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    return times[2] / counts[2][0]


def cli_runs(path: Path, passes: int) -> None:
    """``tweetresolve scan --jobs N`` in a subprocess, output to a file."""
    size = path.stat().st_size / MB
    with tempfile.TemporaryDirectory() as folder:
        for jobs in (1, 2):
            out = Path(folder) / f"out-{jobs}.jsonl"
            command = [sys.executable, "-m", "tweetresolve", "scan", "--jobs", str(jobs),
                       "--no-progress", "--output", str(out), str(path)]  # fmt: skip

            def run(command: list[str] = command) -> str:
                done = subprocess.run(command, capture_output=True, text=True, check=False)
                return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""

            seconds, summary = best_of(passes, run)
            print(
                f"| scan --jobs {jobs} | {seconds:.2f} s | {size / seconds:.1f} MB/s | {summary} |"
            )


def split_archive(path: Path, parts: int, folder: Path) -> list[Path]:
    """Cut a gzipped archive into ``parts`` archives at member boundaries."""
    data = path.read_bytes()
    with path.open("rb") as stream:
        starts = [u.offset for u in iter_units(stream) if isinstance(u, Unit)]
    cuts = [0] + [starts[len(starts) * k // parts] for k in range(1, parts)] + [len(data)]
    files = []
    for k in range(parts):
        target = folder / f"part-{k}.warc.gz"
        target.write_bytes(data[cuts[k] : cuts[k + 1]])
        files.append(target)
    return files


def spark_runs(path: Path, per_record_pool: float) -> None:
    """Spark local[2]: start-up, then the job on four parts of the archive."""
    from pyspark.sql import SparkSession

    from tweetresolve.spark import posts_dataframe

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    started = time.perf_counter()
    builder: Any = SparkSession.builder
    spark = (
        builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.parallelize([1, 2], 2).map(lambda x: x).collect()  # workers up
    startup = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        files = split_archive(path, 4, Path(folder))
        records = sum(1 for f in files for _ in read_archive(f))
        runs = []
        for _ in range(2):  # the second run has warm Python workers
            started = time.perf_counter()
            rows = posts_dataframe(spark, [str(f) for f in files]).count()
            runs.append(time.perf_counter() - started)
    spark.stop()
    seconds = min(runs)
    size = path.stat().st_size / MB
    print(f"Spark session start-up (JVM, context, Python workers): {startup:.1f} s")
    print(f"Spark job runs: {', '.join(f'{r:.2f} s' for r in runs)}; {rows} posts, {records} pages")
    print(
        f"Spark local[2]: {size / seconds:.1f} MB/s of gzipped WARC, "
        f"{1000 * seconds / records:.2f} ms per record; pool --jobs 2: "
        f"{1000 * per_record_pool:.2f} ms per record "
        f"(Spark / pool = {seconds / records / per_record_pool:.2f})"
    )


def main(argv: list[str] | None = None) -> int:
    """Run every part and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warc_gz", type=Path, help="the .warc.gz made by make_warc.py")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--cli", action="store_true", help="also time tweetresolve scan --jobs")
    parser.add_argument("--spark", action="store_true", help="also time Spark local[2]")
    args = parser.parse_args(argv)
    plain = args.warc_gz.with_suffix("")
    print(f"cores: {os.cpu_count()}, load average {load()}\n")
    print(
        "| file | pages | posts | extract() MB/s in memory | in memory s | from file s | overhead |"
    )
    print("|---|---|---|---|---|---|---|")
    for path in (plain, args.warc_gz):
        if path.exists():
            reading_overhead(path, args.passes)
    html_mb = sum(len(p.content) for p in read_archive(args.warc_gz)) / MB
    print("\n| run | records | posts | s | MB/s of file | MB/s of pages | |")
    print("|---|---|---|---|---|---|---|")
    per_record = workers(args.warc_gz, args.passes, html_mb)
    if args.cli:
        print("\n| command | time | MB/s | summary |\n|---|---|---|---|")
        cli_runs(args.warc_gz, args.passes)
    if args.spark:
        print()
        spark_runs(args.warc_gz, per_record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
