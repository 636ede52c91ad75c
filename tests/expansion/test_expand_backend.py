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


class _FakeTransport(asyncio.Transport):
    """A transport that only records whether it was closed."""

    def __init__(self) -> None:
        super().__init__()
        self.closed = False

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed


def test_cancellation_as_the_connect_completes_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """A caller cancelled just as its (fake) connection is made is still cancelled."""
    transports: list[_FakeTransport] = []

    async def main() -> None:
        caller: asyncio.Task[None] | None = None
        loop = asyncio.get_running_loop()

        async def connected_as_cancelled(
            factory: Callable[[], asyncio.Protocol], host: str, port: int, **_: object
        ) -> tuple[asyncio.Transport, asyncio.Protocol]:
            transport = _FakeTransport()
            transports.append(transport)
            protocol = factory()
            protocol.connection_made(transport)
            assert caller is not None
            caller.cancel()  # the cancellation lands as the connect completes
            return transport, protocol

        monkeypatch.setattr(loop, "create_connection", connected_as_cancelled)
        steps: list[str] = []

        async def connect_then_continue() -> None:
            stream = await AsyncioBackend().connect_tcp("127.0.0.1", 9, timeout=5)
            try:
                await asyncio.sleep(0)  # the caller's next step: the cancellation lands here
                steps.append("went on")
            finally:
                await stream.aclose()

        caller = asyncio.ensure_future(connect_then_continue())
        with pytest.raises(asyncio.CancelledError):
            await caller
        assert steps == []

    asyncio.run(main())
    assert len(transports) == 1
    assert transports[0].closed


def test_connect_timeout_cancels_the_connect(monkeypatch: pytest.MonkeyPatch) -> None:
    """A connect that never completes ends in ConnectTimeout, and the connect is cancelled."""
    cancelled: list[bool] = []

    async def main() -> None:
        loop = asyncio.get_running_loop()

        async def never(*_: object, **__: object) -> tuple[asyncio.Transport, asyncio.Protocol]:
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                cancelled.append(True)
                raise
            raise AssertionError("unreachable")

        monkeypatch.setattr(loop, "create_connection", never)
        with pytest.raises(httpcore.ConnectTimeout):
            await AsyncioBackend().connect_tcp("127.0.0.1", 9, timeout=0.01)

    asyncio.run(main())
    assert cancelled == [True]
