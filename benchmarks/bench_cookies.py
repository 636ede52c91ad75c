"""Benchmark a cookie-amplifying server: memory and time of the expander against it.

The server (127.0.0.1 only, in a child process) answers every request with a 302 back
to the same URL and ``--cookies`` new ``Set-Cookie`` headers (2,500 by default), so a
client that keeps every cookie, and remembers every hop's cookies for loop detection,
grows without bound.  Two scenarios, each in a fresh process so that its peak RSS is
its own:

* ``one``: one chain with ``max_redirects=200``;
* ``many``: 64 such chains at concurrency 64 with a ``--deadline`` (default 5 s): how
  far past the deadline the last result arrives.

Usage::

    python benchmarks/bench_cookies.py             # both scenarios
    python benchmarks/bench_cookies.py --cookies 500 --deadline 2

Point ``PYTHONPATH`` at another checkout to measure it with the same script.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any


class _CookieServer(asyncio.Protocol):
    hits = 0  # responses sent, across connections: makes every cookie name new

    def __init__(self, cookies: int) -> None:
        self.cookies = cookies
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
            path = head.split(b" ", 2)[1]
            _CookieServer.hits += 1
            hit = _CookieServer.hits
            cookies = b"".join(
                b"Set-Cookie: k%d_%d=v; Path=/\r\n" % (hit, n) for n in range(self.cookies)
            )
            assert self.transport is not None
            self.transport.write(
                b"HTTP/1.1 302 Found\r\nLocation: " + path + b"\r\n" + cookies
                + b"Content-Length: 0\r\n\r\n"
            )  # fmt: skip


async def _serve(cookies: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _CookieServer(cookies), "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    # Serve until the parent closes stdin (or an hour passes).
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(reader.read(), 3600)
    server.close()


@contextlib.contextmanager
def cookie_server(cookies: int) -> Iterator[int]:
    """Run the server in a child process; yield its port."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--cookies", str(cookies)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        yield int(child.stdout.readline())
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(10)


def _run_scenario(scenario: str, port: int, deadline: float) -> dict[str, object]:
    from tweetresolve.expansion import AsyncExpander

    trust = ["127.0.0.1", f"127.0.0.1:{port}"]
    chains = 1 if scenario == "one" else 64

    async def main() -> list[object]:
        options: dict[str, Any] = {
            "cache": None,
            "retries": 0,
            "max_redirects": 200,
            # One chain may take its time to reach max_redirects; many race the deadline.
            "deadline": 300.0 if scenario == "one" else deadline,
            "concurrency": 64,
            "per_host": 64,
        }
        try:
            expander = AsyncExpander(trusted_hosts=trust, allowed_ports=[port], **options)
        except Exception:  # an older version: no ports in trust, no allowed_ports
            expander = AsyncExpander(trusted_hosts=["127.0.0.1"], **options)
        async with expander:
            urls = [f"http://127.0.0.1:{port}/loop/{n}" for n in range(chains)]
            return list(await expander.expand_many(urls))

    started = time.perf_counter()
    results = asyncio.run(main())
    elapsed = time.perf_counter() - started
    codes = collections.Counter(
        f"{getattr(r, 'error', None)}/{len(getattr(r, 'hops', ()))} hops" for r in results
    )
    return {
        "scenario": scenario,
        "seconds": round(elapsed, 2),
        "past_deadline": round(elapsed - deadline, 2) if scenario == "many" else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "results": dict(codes),
    }


def main() -> None:
    """Parse the arguments; serve, run one scenario, or run both and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cookies", type=int, default=2500, help="Set-Cookie headers per hop")
    parser.add_argument("--deadline", type=float, default=5.0, help="per-URL deadline, seconds")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--scenario", choices=["one", "many"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(_serve(args.cookies))
        return
    if args.scenario:
        print(json.dumps(_run_scenario(args.scenario, args.port, args.deadline)))
        return
    print(
        f"server: 302 to itself with {args.cookies} new cookies per hop; deadline {args.deadline} s"
    )
    with cookie_server(args.cookies) as port:
        for scenario in ("one", "many"):
            output = subprocess.run(
                [sys.executable, __file__, "--scenario", scenario, "--port", str(port),
                 "--deadline", str(args.deadline)],
                capture_output=True, text=True, check=True, timeout=600,
            ).stdout  # fmt: skip
            row = json.loads(output.strip().splitlines()[-1])
            late = row["past_deadline"]
            print(
                f"{row['scenario']:>5}: {row['seconds']:7.2f} s"
                + (f" ({late:+.2f} s vs deadline)" if late is not None else "")
                + f", peak RSS {row['peak_rss_mb']:7.1f} MB, results {row['results']}"
            )


if __name__ == "__main__":
    main()
