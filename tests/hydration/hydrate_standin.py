"""A stand-in for every hydration endpoint, on 127.0.0.1 only, with a fixed latency.

Routes (GET; each answer waits ``latency`` seconds, connections are kept alive):

``/twitter_syndication?id=I&token=T&lang=L``
    the syndication answer for tweet I, if T is the widget's token for I (else 404):
    ids ending in ``404`` do not exist, in ``410`` are deleted (a tombstone), in
    ``403`` are protected, in ``429`` answer 429 once (``Retry-After: 0``)
``/<source name>[/<anything>]?url=U``
    that source's full oEmbed answer (from ``bodies.py``) for U, whatever the path
    after the name (a Mastodon ``{host}`` part, say)
``/huge``, ``/html``
    a body larger than 2 MiB; an HTML error page

Imported, :func:`running_standin` serves on a background thread; run as a script it
prints its port and serves until stdin closes or ``--lifetime`` seconds pass.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

from bodies import CASE_BY_SOURCE, SYNDICATION_FULL, tombstone

from tweetresolve.hydration.token import syndication_token

_TOMBSTONES = {
    "410": "This Post was deleted by the Post author. Learn more",
    "403": "You're unable to view this Post because this account owner limits who can view "
    "their Posts. Learn more",
}


def _response(status: int, body: bytes, content_type: str, extra: str = "") -> bytes:
    reason = {200: "OK", 404: "Not Found", 429: "Too Many Requests"}.get(status, "Status")
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n{extra}\r\n"
    )
    return head.encode() + body


def _json(status: int, data: Any, extra: str = "") -> bytes:
    return _response(status, json.dumps(data).encode(), "application/json", extra)


class _State:
    """What the stand-in remembers between requests (the ids already rate-limited)."""

    def __init__(self) -> None:
        self.limited: set[str] = set()
        self.requests = 0
        self.connections: set[asyncio.Transport] = set()


def answer(target: str, state: _State) -> bytes:
    """The bytes answering one request target (path and query)."""
    state.requests += 1
    parts = urlsplit(target)
    query = parse_qs(parts.query)
    name = parts.path.strip("/").split("/", 1)[0]
    if name == "twitter_syndication":
        tweet_id = query.get("id", [""])[0]
        if not tweet_id.isdigit() or query.get("token", [""])[0] != syndication_token(tweet_id):
            return _response(404, b"", "text/plain")
        ending = tweet_id[-3:]
        if ending == "404":
            return _response(404, b"", "text/plain")
        if ending in _TOMBSTONES:
            return _json(200, tombstone(_TOMBSTONES[ending]))
        if ending == "429" and tweet_id not in state.limited:
            state.limited.add(tweet_id)
            return _json(429, {"errors": []}, "Retry-After: 0\r\n")
        return _json(200, {**SYNDICATION_FULL, "id_str": tweet_id})
    if name == "huge":
        return _response(200, b"[" + b"0," * (1 << 20) + b"0]", "application/json")
    if name == "html":
        return _response(200, b"<html><body>Rate limit exceeded</body></html>", "text/html")
    case = CASE_BY_SOURCE.get(name)
    if case is None or "url" not in query:
        return _response(404, b"", "text/plain")
    return _json(200, case.full)


class _Protocol(asyncio.Protocol):
    def __init__(self, latency: float, state: _State) -> None:
        self.latency = latency
        self.state = state
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.state.connections.add(transport)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        loop = asyncio.get_running_loop()
        while b"\r\n\r\n" in self.buffer:
            head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
            target = head.split(b" ", 2)[1].decode("latin-1")
            reply = answer(target, self.state)
            if self.latency:
                loop.call_later(self.latency, self._send, reply)
            else:
                self._send(reply)

    def _send(self, reply: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(reply)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.transport is not None:
            self.state.connections.discard(self.transport)
        self.transport = None


async def start(latency: float, state: _State) -> asyncio.Server:
    loop = asyncio.get_running_loop()
    return await loop.create_server(
        lambda: _Protocol(latency, state), "127.0.0.1", 0, backlog=1024, reuse_address=True
    )


@contextlib.contextmanager
def running_standin(latency: float = 0.0) -> Iterator[tuple[int, _State]]:
    """Serve on a background thread; yield the port and the server's state."""
    loop = asyncio.new_event_loop()
    state = _State()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    server = asyncio.run_coroutine_threadsafe(start(latency, state), loop).result()
    try:
        yield server.sockets[0].getsockname()[1], state
    finally:
        server.close()
        asyncio.run_coroutine_threadsafe(_close_all(server, state), loop).result(timeout=5)
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


async def _close_all(server: asyncio.Server, state: _State) -> None:
    # Server.close() leaves open connections open (before Python 3.12): close them.
    for transport in list(state.connections):
        transport.close()
    await asyncio.sleep(0)
    await server.wait_closed()


def endpoints(port: int) -> dict[str, str]:
    """Every source's endpoint pointed at the stand-in."""
    base = f"http://127.0.0.1:{port}"
    table = {name: f"{base}/{name}" for name in CASE_BY_SOURCE}
    table["mastodon_oembed"] = f"{base}/mastodon_oembed/{{host}}/api/oembed"
    return table


async def _serve(latency: float, lifetime: float) -> None:
    server = await start(latency, _State())
    print(server.sockets[0].getsockname()[1], flush=True)
    stdin_closed = asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(stdin_closed, lifetime)
    server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--lifetime", type=float, default=1800.0)
    args = parser.parse_args()
    asyncio.run(_serve(args.latency, args.lifetime))


if __name__ == "__main__":
    main()
