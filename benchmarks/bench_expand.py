"""Benchmark URL expansion against a local redirect server with a fixed latency.

Everything runs on this machine: the server listens on 127.0.0.1 only, and every
URL points there.  One run prints, for N URLs of H hops each at concurrency C:

* wall time (median of ``--repeat`` runs where cheap) and its ratio to the latency
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
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from tweetresolve.expand import AsyncExpander  # noqa: E402

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
    async with AsyncExpander(
        trusted_hosts=["127.0.0.1"],
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


def measure(
    label: str,
    *,
    runs: int,
    make: Callable[[], Awaitable[int]],
    bound: float,
    requests: int,
    rows: list[dict[str, Any]],
) -> None:
    walls, cpus, bad = [], [], 0
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        bad += asyncio.run(make())  # type: ignore[arg-type]
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    wall = statistics.median(walls)
    rows.append(
        {
            "label": label,
            "wall": wall,
            "ratio": wall / bound,
            "cpu_ms": statistics.median(cpus) / requests * 1000,
            "runs": runs,
            "bad": bad,
        }
    )
    print(f"  {label:<44} {wall:7.2f} s  {wall / bound:5.2f}x bound", flush=True)


def measure_urlexpander(
    python: str, *, port: int, n: int, hops: int, workers: int, bound: float, requests: int
) -> dict[str, Any] | str:
    if not Path(python).exists():
        return f"no Python with urlexpander at {python} (see benchmarks/requirements-bench.txt)"
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["NO_PROXY"] = "*"
    try:
        done = subprocess.run(
            [python, "-c", URLEXPANDER_CHILD, str(port), str(n), str(hops), str(workers)],
            capture_output=True,
            text=True,
            timeout=900,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "did not finish within 900 s"
    if done.returncode != 0:
        return "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "label": f"urlexpander 0.0.37 (GET, n_workers={workers})",
        "wall": data["wall"],
        "ratio": data["wall"] / bound,
        "cpu_ms": data["cpu"] / requests * 1000,
        "runs": 1,
        "bad": data["bad"],
    }


async def stream_many(port: int, n: int, default_cache: bool) -> dict[str, Any]:
    def inputs() -> Iterator[str]:
        for i in range(n):
            yield f"http://127.0.0.1:{port}/r/s{i}/0"

    options: dict[str, Any] = {} if default_cache else {"cache": None}
    seen = ok = 0
    start = time.perf_counter()
    async with AsyncExpander(
        trusted_hosts=["127.0.0.1"], concurrency=64, per_host=64, retries=0, **options
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
    rows: list[dict[str, Any]] = []
    with loopback_server(latency) as port:
        counter = iter(range(1_000_000))

        def fresh() -> list[str]:
            return make_urls(port, n, hops, f"t{next(counter)}-")

        measure(
            "tweetresolve (GuardedTransport)",
            runs=args.repeat,
            make=lambda: run_tweetresolve(fresh(), width),
            bound=bound,
            requests=requests,
            rows=rows,
        )
        if aiohttp_transport(width) is not None:
            measure(
                "tweetresolve engine + httpx-aiohttp transport",
                runs=args.repeat,
                make=lambda: run_tweetresolve(fresh(), width, aiohttp_transport(width)),
                bound=bound,
                requests=requests,
                rows=rows,
            )
        else:
            print("  tweetresolve engine + httpx-aiohttp: skipped (httpx_aiohttp not importable)")
        if args.full:
            pool = httpx.Limits(max_connections=width, max_keepalive_connections=width)
            measure(
                "tweetresolve engine + httpx's own pool",
                runs=1,
                make=lambda: run_tweetresolve(
                    fresh(), width, httpx.AsyncHTTPTransport(limits=pool)
                ),
                bound=bound,
                requests=requests,
                rows=rows,
            )
        measure(
            "plain httpx, default limits",
            runs=1,
            make=lambda: run_plain_httpx(fresh(), width, httpx.Limits()),
            bound=bound,
            requests=requests,
            rows=rows,
        )
        if args.full:
            measure(
                f"plain httpx, {width} keep-alive connections",
                runs=1,
                make=lambda: run_plain_httpx(
                    fresh(), width, httpx.Limits(max_keepalive_connections=width)
                ),
                bound=bound,
                requests=requests,
                rows=rows,
            )
        urlexpander = measure_urlexpander(
            args.urlexpander_python,
            port=port,
            n=n,
            hops=hops,
            workers=width,
            bound=bound,
            requests=requests,
        )
        if isinstance(urlexpander, str):
            print(f"  urlexpander: skipped ({urlexpander})")
        else:
            rows.append(urlexpander)
            print(f"  {urlexpander['label']:<44} {urlexpander['wall']:7.2f} s", flush=True)
        rss: list[tuple[str, dict[str, Any] | str]] = []
        if not args.no_rss:
            with loopback_server(0.0) as rss_port:
                for default_cache in (True, False):
                    label = "default in-memory cache" if default_cache else "cache=None"
                    rss.append((label, measure_rss(rss_port, args.rss_n, default_cache)))

    print()
    print(f"{'contender':<46} {'wall s':>7} {'x bound':>8} {'CPU ms/req':>11} {'runs':>5}")
    for row in rows:
        flag = f"  ({row['bad']} wrong results)" if row["bad"] else ""
        print(
            f"{row['label']:<46} {row['wall']:7.2f} {row['ratio']:8.2f} "
            f"{row['cpu_ms']:11.2f} {row['runs']:5d}{flag}"
        )
    ours = rows[0]["wall"]
    for row in rows[1:]:
        print(f"tweetresolve is {row['wall'] / ours:.1f}x faster than {row['label']}")
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
