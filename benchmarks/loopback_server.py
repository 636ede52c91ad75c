"""A tiny HTTP/1.1 redirect server for benchmarks: 127.0.0.1 only, fixed latency.

``GET /r/<id>/<k>`` answers after ``latency`` seconds with a 302 to
``/r/<id>/<k-1>`` while ``k > 0``, and with a small 200 page at ``k == 0``.
Connections are kept alive.  Run as a script it prints its port and serves until
stdin closes (so it stops with its parent) or ``--lifetime`` seconds pass.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys

_FINAL_BODY = b"<html><body>final</body></html>\n"
_FINAL_HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
    + str(len(_FINAL_BODY)).encode()
    + b"\r\n\r\n"
)


class _Protocol(asyncio.Protocol):
    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        loop = asyncio.get_running_loop()
        while b"\r\n\r\n" in self.buffer:
            head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
            method, path = head.split(b" ", 2)[:2]
            loop.call_later(self.latency, self._answer, path, method == b"HEAD")

    def _answer(self, path: bytes, head_only: bool) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        parts = path.split(b"/")
        left = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else 0
        if left > 0:
            location = b"/".join(parts[:3]) + b"/" + str(left - 1).encode()
            self.transport.write(
                b"HTTP/1.1 302 Found\r\nLocation: " + location + b"\r\nContent-Length: 0\r\n\r\n"
            )
        else:
            self.transport.write(_FINAL_HEAD if head_only else _FINAL_HEAD + _FINAL_BODY)

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None


async def serve(latency: float, lifetime: float) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: _Protocol(latency), "127.0.0.1", 0, backlog=1024, reuse_address=True
    )
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    stdin_closed = loop.run_in_executor(None, sys.stdin.read)
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(stdin_closed, lifetime)
    server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--lifetime", type=float, default=1800.0)
    args = parser.parse_args()
    asyncio.run(serve(args.latency, args.lifetime))


if __name__ == "__main__":
    main()
