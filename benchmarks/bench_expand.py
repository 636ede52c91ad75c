"""Benchmark URL expansion against a local redirect server with a fixed latency.

Everything runs on this machine: the server listens on 127.0.0.1 only, and every
URL points there.  One run prints, for N URLs of H hops each at concurrency C:

* wall time (median of ``--repeat`` interleaved runs where cheap) and its ratio to the latency
  bound N x H x latency / C, plus client CPU per request, for
  - tweetresolve (``AsyncExpander`` on its own ``GuardedTransport``),
  - tweetresolve's engine on httpx-aiohttp's transport, when that package is importable,
  - tweetresolve's engine on httpx's own transport and pool (``--full``),
  - plain httpx (``AsyncClient(follow_redirects=True)``, default limits; and with 64
    keep-alive connections under ``--full``),
  - urlexpander (GET, ``n_workers=C``), run by another Python that has it installed
    (``--urlexpander-python``; see ``requirements-bench.txt``), else "skipped";
* peak RSS of a separate process streaming ``--rss-n`` URLs through
  ``AsyncExpander.stream`` (default 100,000), with the library's default in-memory
  cache and with ``cache=None``.

Usage::

    python benchmarks/bench_expand.py            # full sizes
    python benchmarks/bench_expand.py --quick    # small sizes, a few seconds

The server stops when this script ends (its stdin closes) or after 30 minutes;
every loop here is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from tweetresolve.expansion import AsyncExpander  # noqa: E402

SERVER = Path(__file__).resolve().parent / "loopback_server.py"
DEFAULT_URLEXPANDER_PYTHON = "/tmp/bench-urlexpander/bin/python"

# Run by the urlexpander Python.  tldextract is switched to its bundled suffix
# list so that it never tries to download one.
URLEXPANDER_CHILD = """
import json, sys, time
import tldextract
import urlexpander.core.api as api
offline = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=())
api.tldextract = type("Offline", (), {"extract": staticmethod(offline)})
port, n, hops, workers = (int(a) for a in sys.argv[1:5])
urls = [f"http://127.0.0.1:{port}/r/u{i}/{hops - 1}" for i in range(n)]
start, cpu = time.perf_counter(), time.process_time()
resolved = api.expand(urls, n_workers=workers, use_head=False, timeout=30)
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
bad = sum(1 for r in resolved if not str(r).endswith("/0"))
print(json.dumps({"wall": wall, "cpu": cpu, "bad": bad}))
"""


@contextlib.contextmanager
def loopback_server(latency: float) -> Iterator[int]:
    """Start the redirect server on 127.0.0.1 and yield its port."""
    process = subprocess.Popen(
        [sys.executable, str(SERVER), "--latency", str(latency), "--lifetime", "1800"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline())
        yield port
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def make_urls(port: int, n: int, hops: int, tag: str) -> list[str]:
    return [f"http://127.0.0.1:{port}/r/{tag}{i}/{hops - 1}" for i in range(n)]


async def run_tweetresolve(
    urls: list[str], concurrency: int, transport: httpx.AsyncBaseTransport | None = None
) -> int:
    port = urlsplit(urls[0]).port  # the server's random port, trusted with its address
    async with AsyncExpander(
        trusted_hosts=[f"127.0.0.1:{port}"],
        concurrency=concurrency,
        per_host=concurrency,
        retries=0,
        cache=None,
        transport=transport,
    ) as expander:
        results = await expander.expand_many(urls)
    return sum(1 for r in results if not r.ok or not (r.final_url or "").endswith("/0"))


async def run_plain_httpx(urls: list[str], concurrency: int, limits: httpx.Limits) -> int:
    semaphore = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(follow_redirects=True, limits=limits, trust_env=False) as client:

        async def one(url: str) -> bool:
            async with semaphore:
                response = await client.get(url)
                return response.status_code == 200

        results = await asyncio.gather(*(one(url) for url in urls))
    return results.count(False)


def aiohttp_transport(concurrency: int) -> httpx.AsyncBaseTransport | None:
    try:
        module = importlib.import_module("httpx_aiohttp")
    except ImportError:
        return None
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    transport: httpx.AsyncBaseTransport = module.AiohttpTransport(limits=limits)
    return transport


#: One timed run: (wall seconds, client CPU seconds, wrong results).
Sample = tuple[float, float, int]


def in_process(make: Callable[[], Coroutine[Any, Any, int]]) -> Callable[[], Sample]:
    """Time ``make()`` on a fresh event loop in this process."""

    def run() -> Sample:
        start, cpu = time.perf_counter(), time.process_time()
        bad = asyncio.run(make())
        return time.perf_counter() - start, time.process_time() - cpu, bad

    return run


def urlexpander_runner(
    python: str, *, port: int, n: int, hops: int, workers: int
) -> Callable[[], Sample] | str:
    """A runner for urlexpander in its own Python, or why it cannot run."""
    if not Path(python).exists():
        return f"no Python with urlexpander at {python} (see benchmarks/requirements-bench.txt)"
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["NO_PROXY"] = "*"
    probe = subprocess.run(
        [python, "-c", "import urlexpander, tldextract"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    if probe.returncode != 0:
        return "cannot import urlexpander: " + (probe.stderr.strip().splitlines() or ["?"])[-1]

    def run() -> Sample:
        done = subprocess.run(
            [python, "-c", URLEXPANDER_CHILD, str(port), str(n), str(hops), str(workers)],
            capture_output=True,
            text=True,
            timeout=900,
            env=env,
            check=True,
        )
        data = json.loads(done.stdout.strip().splitlines()[-1])
        return data["wall"], data["cpu"], data["bad"]

    return run


def measure_all(
    contenders: list[tuple[str, Callable[[], Sample], int]],
    *,
    bound: float,
    requests: int,
) -> list[dict[str, Any]]:
    """Run each contender its number of times, in interleaved rounds, and take medians.

    Interleaving spreads any background load on the machine over all contenders
    alike instead of penalising whichever happened to run during it.
    """
    samples: dict[str, list[Sample]] = {label: [] for label, _, _ in contenders}
    rounds = max(runs for _, _, runs in contenders)
    for round_number in range(rounds):
        for label, run, runs in contenders:
            if round_number < runs:
                wall, cpu, bad = run()
                samples[label].append((wall, cpu, bad))
                print(f"  round {round_number + 1}: {label:<44} {wall:7.2f} s", flush=True)
    rows = []
    for label, _, runs in contenders:
        walls = [sample[0] for sample in samples[label]]
        cpus = [sample[1] for sample in samples[label]]
        wall = statistics.median(walls)
        rows.append(
            {
                "label": label,
                "wall": wall,
                "min": min(walls),
                "ratio": wall / bound,
                "cpu_ms": statistics.median(cpus) / requests * 1000,
                "runs": runs,
                "bad": sum(sample[2] for sample in samples[label]),
            }
        )
    return rows


async def stream_many(port: int, n: int, default_cache: bool) -> dict[str, Any]:
    def inputs() -> Iterator[str]:
        for i in range(n):
            yield f"http://127.0.0.1:{port}/r/s{i}/0"

    options: dict[str, Any] = {} if default_cache else {"cache": None}
    seen = ok = 0
    start = time.perf_counter()
    async with AsyncExpander(
        trusted_hosts=[f"127.0.0.1:{port}"], concurrency=64, per_host=64, retries=0, **options
    ) as expander:
        async for expansion in expander.stream(inputs()):
            seen += 1
            ok += expansion.ok
    return {
        "n": seen,
        "ok": ok,
        "wall": time.perf_counter() - start,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure_rss(port: int, n: int, default_cache: bool) -> dict[str, Any] | str:
    command = [
        sys.executable,
        __file__,
        "--rss-child",
        "--port",
        str(port),
        "--rss-n",
        str(n),
    ]
    if default_cache:
        command.append("--default-cache")
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=1200, check=False)
    except subprocess.TimeoutExpired:
        return "did not finish within 1200 s"
    if done.returncode != 0:
        return "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="URLs per run")
    parser.add_argument("--hops", type=int, default=3, help="requests per URL")
    parser.add_argument("--latency", type=float, default=0.05, help="server latency, seconds")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the fast contenders")
    parser.add_argument("--rss-n", type=int, default=100_000, help="URLs for the RSS run")
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--full", action="store_true", help="also the slow httpx-pool variants")
    parser.add_argument("--no-rss", action="store_true", help="skip the RSS runs")
    parser.add_argument("--urlexpander-python", default=DEFAULT_URLEXPANDER_PYTHON)
    parser.add_argument("--rss-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--default-cache", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.rss_child:
        print(json.dumps(asyncio.run(stream_many(args.port, args.rss_n, args.default_cache))))
        return
    if args.quick:
        args.n, args.repeat, args.rss_n = 200, 1, 5000

    n, hops, latency, width = args.n, args.hops, args.latency, args.concurrency
    requests = n * hops
    bound = requests * latency / width
    print(
        f"{n} URLs x {hops} requests, {latency * 1000:.0f} ms latency, concurrency {width}: "
        f"latency bound {bound:.2f} s  (Python {sys.version.split()[0]}, httpx {httpx.__version__})"
    )
    with loopback_server(latency) as port:
        counter = iter(range(1_000_000))

        def fresh() -> list[str]:
            return make_urls(port, n, hops, f"t{next(counter)}-")

        repeat = args.repeat
        contenders: list[tuple[str, Callable[[], Sample], int]] = [
            (
                "tweetresolve (GuardedTransport)",
                in_process(lambda: run_tweetresolve(fresh(), width)),
                repeat,
            )
        ]
        if aiohttp_transport(width) is not None:
            contenders.append(
                (
                    "tweetresolve engine + httpx-aiohttp transport",
                    in_process(lambda: run_tweetresolve(fresh(), width, aiohttp_transport(width))),
                    repeat,
                )
            )
        else:
            print("  tweetresolve engine + httpx-aiohttp: skipped (httpx_aiohttp not importable)")
        urlexpander = urlexpander_runner(
            args.urlexpander_python, port=port, n=n, hops=hops, workers=width
        )
        if isinstance(urlexpander, str):
            print(f"  urlexpander: skipped ({urlexpander})")
        else:
            contenders.append((f"urlexpander 0.0.37 (GET, n_workers={width})", urlexpander, repeat))
        # The httpx pool variants are CPU-bound and slow: one run each.
        contenders.append(
            (
                "plain httpx, default limits",
                in_process(lambda: run_plain_httpx(fresh(), width, httpx.Limits())),
                1,
            )
        )
        if args.full:
            pool = httpx.Limits(max_connections=width, max_keepalive_connections=width)
            contenders.append(
                (
                    "tweetresolve engine + httpx's own pool",
                    in_process(
                        lambda: run_tweetresolve(
                            fresh(), width, httpx.AsyncHTTPTransport(limits=pool)
                        )
                    ),
                    1,
                )
            )
            contenders.append(
                (
                    f"plain httpx, {width} keep-alive connections",
                    in_process(
                        lambda: run_plain_httpx(
                            fresh(), width, httpx.Limits(max_keepalive_connections=width)
                        )
                    ),
                    1,
                )
            )
        rows = measure_all(contenders, bound=bound, requests=requests)
        rss: list[tuple[str, dict[str, Any] | str]] = []
        if not args.no_rss:
            with loopback_server(0.0) as rss_port:
                for default_cache in (False, True):
                    label = "default in-memory cache" if default_cache else "cache=None"
                    rss.append((label, measure_rss(rss_port, args.rss_n, default_cache)))

    print()
    print(
        f"{'contender':<46} {'median s':>8} {'min s':>6} {'x bound':>8} "
        f"{'CPU ms/req':>11} {'runs':>5}"
    )
    for row in rows:
        flag = f"  ({row['bad']} wrong results)" if row["bad"] else ""
        print(
            f"{row['label']:<46} {row['wall']:8.2f} {row['min']:6.2f} {row['ratio']:8.2f} "
            f"{row['cpu_ms']:11.2f} {row['runs']:5d}{flag}"
        )
    ours = rows[0]["wall"]
    for row in rows[1:]:
        print(f"{row['label']} takes {row['wall'] / ours:.2f}x tweetresolve's time")
    for label, result in rss:
        if isinstance(result, str):
            print(f"peak RSS streaming {args.rss_n} URLs ({label}): skipped ({result})")
        else:
            print(
                f"peak RSS streaming {result['n']} URLs ({label}): {result['maxrss_mb']:.0f} MB "
                f"({result['ok']} ok, {result['wall']:.1f} s)"
            )


if __name__ == "__main__":
    main()
