"""Tests of the asyncio network backend against a raw TCP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpcore
import pytest

from tweetresolve.expansion._asyncio_backend import AsyncioBackend

pytestmark = pytest.mark.integration

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def with_server(handler: Handler, client: Callable[[int], Awaitable[None]]) -> None:
    """Run ``client(port)`` against a server whose connections all finish before return."""
    handlers: list[asyncio.Task[None]] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await handler(reader, writer)
        finally:
            writer.close()
            await writer.wait_closed()

    def track(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        handlers.append(asyncio.ensure_future(serve(reader, writer)))

    server = await asyncio.start_server(track, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        await client(port)
    finally:
        server.close()
        await server.wait_closed()
        await asyncio.wait_for(asyncio.gather(*handlers, return_exceptions=True), 5)


def test_echo_then_eof() -> None:
    """Bytes written come back; a closed peer reads as b'' and is readable."""

    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(await reader.readexactly(5))
        await writer.drain()

    async def client(port: int) -> None:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        await stream.write(b"hello", timeout=5)
        assert await stream.read(3, timeout=5) == b"hel"
        assert await stream.read(10, timeout=5) == b"lo"
        assert await stream.read(10, timeout=5) == b""
        assert stream.get_extra_info("is_readable")
        assert stream.get_extra_info("server_addr")[1] == port
        await stream.aclose()

    asyncio.run(with_server(echo, client))


def test_read_timeout() -> None:
    """A silent peer raises ReadTimeout after the timeout."""

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(1)  # returns when the client leaves

    async def client(port: int) -> None:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        assert not stream.get_extra_info("is_readable")
        with pytest.raises(httpcore.ReadTimeout):
            await stream.read(10, timeout=0.05)
        await stream.aclose()

    asyncio.run(with_server(silent, client))


def test_large_body_is_buffered_with_backpressure() -> None:
    """Much more data than the buffer limit arrives intact, read in pieces."""
    payload = bytes(range(256)) * 8192  # 2 MiB

    async def blast(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(payload)
        await writer.drain()

    async def client(port: int) -> None:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)
        received = bytearray()
        for _ in range(10_000):  # bounded
            chunk = await stream.read(65536, timeout=5)
            if not chunk:
                break
            received += chunk
        assert bytes(received) == payload
        await stream.aclose()

    asyncio.run(with_server(blast, client))


def test_refused_connection() -> None:
    """Nobody listening is a ConnectError."""

    async def idle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        return None

    async def main() -> None:
        server = await asyncio.start_server(idle, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        server.close()
        await server.wait_closed()
        with pytest.raises(httpcore.ConnectError):
            await AsyncioBackend().connect_tcp("127.0.0.1", port, timeout=5)

    asyncio.run(main())
