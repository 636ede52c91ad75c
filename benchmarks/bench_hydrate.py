"""Benchmark hydration against a local stand-in for the endpoints with a fixed latency.

Everything runs on this machine: the stand-in (``tests/hydration/hydrate_standin.py``)
listens on 127.0.0.1 only and answers every endpoint after ``--latency`` seconds;
the hydrator's endpoints point there.  N tweet ids are hydrated (each is one
syndication request, token checked by the stand-in) at concurrency C, in a
separate process per run, which reports:

* wall time and its ratio to the latency bound N x latency / C (target: <= 1.5),
* client CPU per post,
* peak RSS of that process (target: <= 150 MB),

for ``hydrate_many`` (the whole batch in memory, with the default in-memory cache)
and for ``stream`` (bounded memory, ``cache=None``).

Usage::

    python benchmarks/bench_hydrate.py            # 10,000 ids at 50 ms, concurrency 64
    python benchmarks/bench_hydrate.py --quick    # 1,000 ids, a few seconds

The stand-in stops when this script ends (its stdin closes) or after 30 minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tweetresolve.hydration import AsyncHydrator  # noqa: E402

STANDIN = ROOT / "tests" / "hydration" / "hydrate_standin.py"
# Ids ending in 1 are ordinary tweets for the stand-in (404/410/403/429 endings are not).
FIRST_ID = 1768312345678900001


@contextlib.contextmanager
def standin(latency: float) -> Iterator[int]:
    """Start the stand-in on 127.0.0.1 and yield its port."""
    process = subprocess.Popen(
        [sys.executable, str(STANDIN), "--latency", str(latency), "--lifetime", "1800"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield int(process.stdout.readline())
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def child(port: int, n: int, concurrency: int, mode: str) -> dict[str, float]:
    """One measured run, in this (child) process."""
    urls = [f"https://x.com/bench_user/status/{FIRST_ID + 10 * i}" for i in range(n)]
    options = {
        "endpoints": {"twitter_syndication": f"http://127.0.0.1:{port}/twitter_syndication"},
        "trusted_hosts": ["127.0.0.1"],
        "concurrency": concurrency,
        "per_host": concurrency,
        "min_interval": 0.0,
        "retries": 0,
    }
    start, cpu = time.perf_counter(), time.process_time()
    if mode == "many":
        async with AsyncHydrator(**options) as hydrator:  # type: ignore[arg-type]
            results = await hydrator.hydrate_many(urls)
        bad = sum(1 for r in results if not r.ok)
    else:
        bad = 0
        async with AsyncHydrator(cache=None, **options) as hydrator:  # type: ignore[arg-type]
            async for result in hydrator.stream(urls):
                bad += not result.ok
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"wall": wall, "cpu": cpu, "bad": bad, "rss_mb": rss_mb}


def measure(port: int, n: int, concurrency: int, mode: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(port), str(n), str(concurrency)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", nargs=4, metavar=("MODE", "PORT", "N", "C"))
    args = parser.parse_args()
    if args.child:
        mode, port, n, concurrency = args.child
        print(json.dumps(asyncio.run(child(int(port), int(n), int(concurrency), mode))))
        return
    n = 1_000 if args.quick else args.n
    bound = n * args.latency / args.concurrency
    print(
        f"{n} tweet ids, latency {args.latency * 1000:.0f} ms, concurrency {args.concurrency}: "
        f"bound {bound:.2f} s"
    )
    with standin(args.latency) as port:
        for mode, label in (
            ("many", "hydrate_many, in-memory cache"),
            ("stream", "stream, no cache"),
        ):
            run = measure(port, n, args.concurrency, mode)
            print(
                f"  {label:<32} wall {run['wall']:6.2f} s  x{run['wall'] / bound:4.2f} bound  "
                f"CPU {run['cpu'] / n * 1000:5.2f} ms/post  peak RSS {run['rss_mb']:5.0f} MB  "
                f"failed {run['bad']:.0f}"
            )


if __name__ == "__main__":
    main()
