"""A lean asyncio network backend for httpcore: plain protocol callbacks, no task per read.

httpcore's own asyncio support goes through anyio streams, whose per-call
bookkeeping (cancel scopes, checkpoints, locks) is a large share of the CPU of a
small request.  This backend reads into a buffer from :class:`asyncio.Protocol`
callbacks and wakes the reader with one future, with timeouts as timer handles.
It is used by :class:`~tweetresolve.expansion.transport.GuardedTransport` under
asyncio; pass ``network_backend=httpcore.AnyIOBackend()`` to use anyio's instead.
"""

from __future__ import annotations

import asyncio
import ssl
import sys
import typing
from typing import Any, Final

import anyio
import httpcore

__all__ = ["AsyncioBackend"]

# Stop reading from the socket while this much is buffered and unread.
_HIGH_WATER: Final = 256 * 1024

# How long aclose() waits for a closing connection to release its socket (a TLS
# close waits for the peer's answer) before it aborts the connection instead.
_CLOSE_GRACE: Final = 1.0


class _Protocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.buffer = bytearray()
        self.eof = False
        self.error: BaseException | None = None
        self.transport: asyncio.Transport | None = None
        self.reader: asyncio.Future[None] | None = None
        self.writer: asyncio.Future[None] | None = None
        self.closer: asyncio.Future[None] | None = None
        self.lost = False
        self.reading_paused = False
        self.writing_paused = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > _HIGH_WATER and self.transport is not None:
            self.transport.pause_reading()
            self.reading_paused = True
        self._wake_reader()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake_reader()
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.eof = True
        self.error = exc
        self.lost = True
        self._wake_reader()
        self._wake_writer()
        if self.closer is not None and not self.closer.done():
            self.closer.set_result(None)

    def pause_writing(self) -> None:
        self.writing_paused = True

    def resume_writing(self) -> None:
        self.writing_paused = False
        self._wake_writer()

    def _wake_reader(self) -> None:
        if self.reader is not None and not self.reader.done():
            self.reader.set_result(None)

    def _wake_writer(self) -> None:
        if self.writer is not None and not self.writer.done():
            self.writer.set_result(None)


def _expire(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_exception(TimeoutError())


async def _wait(future: asyncio.Future[None], timeout: float | None) -> None:
    if timeout is None:
        await future
        return
    handle = asyncio.get_running_loop().call_later(timeout, _expire, future)
    try:
        await future
    finally:
        handle.cancel()


class _Stream(httpcore.AsyncNetworkStream):
    def __init__(self, transport: asyncio.Transport, protocol: _Protocol) -> None:
        self._transport = transport
        self._protocol = protocol

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        protocol = self._protocol
        if not protocol.buffer and not protocol.eof:
            protocol.reader = asyncio.get_running_loop().create_future()
            try:
                await _wait(protocol.reader, timeout)
            except TimeoutError as exc:
                raise httpcore.ReadTimeout("timed out while reading") from exc
            finally:
                protocol.reader = None
        if protocol.buffer:
            data = bytes(protocol.buffer[:max_bytes])
            del protocol.buffer[:max_bytes]
            if protocol.reading_paused and len(protocol.buffer) <= _HIGH_WATER // 2:
                protocol.reading_paused = False
                self._transport.resume_reading()
            return data
        if protocol.error is not None:
            raise httpcore.ReadError(str(protocol.error)) from protocol.error
        return b""

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        if self._transport.is_closing():
            raise httpcore.WriteError("the connection is closed")
        self._transport.write(buffer)
        protocol = self._protocol
        if protocol.writing_paused:
            protocol.writer = asyncio.get_running_loop().create_future()
            try:
                await _wait(protocol.writer, timeout)
            except TimeoutError as exc:
                raise httpcore.WriteTimeout("timed out while writing") from exc
            finally:
                protocol.writer = None

    async def aclose(self) -> None:
        protocol = self._protocol
        self._transport.close()
        if protocol.lost:
            return
        if self._transport.get_extra_info("ssl_object") is None:
            # A plain close releases the socket on the next loop turn.
            await asyncio.sleep(0)
            return
        # close() finishes later: the socket is released in a callback on a later
        # loop turn, and a TLS close first waits for the peer's answer.  Wait for
        # it, so that a loop stopping right after this call leaves no socket
        # behind; abort (which releases it on the next turn) when the peer is slow
        # or this task is cancelled.
        protocol.closer = asyncio.get_running_loop().create_future()
        try:
            await _wait(protocol.closer, _CLOSE_GRACE)
        except TimeoutError:
            self._transport.abort()
            await asyncio.sleep(0)
        except BaseException:
            self._transport.abort()
            raise
        finally:
            protocol.closer = None

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            transport = await loop.start_tls(
                self._transport,
                self._protocol,
                ssl_context,
                server_hostname=server_hostname,
                ssl_handshake_timeout=timeout,
            )
        except (TimeoutError, asyncio.TimeoutError) as exc:
            await self.aclose()
            raise httpcore.ConnectTimeout("timed out during the TLS handshake") from exc
        except (OSError, ssl.SSLError) as exc:
            await self.aclose()
            raise httpcore.ConnectError(str(exc)) from exc
        if transport is None:
            raise httpcore.ConnectError("the connection closed during the TLS handshake")
        assert isinstance(transport, asyncio.Transport)
        return _Stream(transport, self._protocol)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            return bool(self._protocol.buffer) or self._protocol.eof
        if info == "ssl_object":
            return self._transport.get_extra_info("ssl_object")
        if info == "client_addr":
            return self._transport.get_extra_info("sockname")
        if info == "server_addr":
            return self._transport.get_extra_info("peername")
        if info == "socket":
            return self._transport.get_extra_info("socket")
        return None


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    """Connect TCP streams on the running asyncio loop (see the module docstring)."""

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        local = (local_address, 0) if local_address else None
        connecting = loop.create_connection(_Protocol, host, port, local_addr=local)
        try:
            # Not wait_for: before Python 3.12 it runs the connect as a task of its own
            # and, when the caller is cancelled as that task completes, returns the
            # connection and drops the cancellation.  Both timeouts below cancel the
            # connect in this task, and a connection made as the cancellation lands
            # is closed by create_connection itself.
            if timeout is None:
                transport, protocol = await connecting
            elif sys.version_info >= (3, 11):
                async with asyncio.timeout(timeout):
                    transport, protocol = await connecting
            else:
                with anyio.fail_after(timeout):
                    transport, protocol = await connecting
        except (TimeoutError, asyncio.TimeoutError) as exc:
            raise httpcore.ConnectTimeout(f"timed out connecting to {host}:{port}") from exc
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        assert isinstance(transport, asyncio.Transport)
        for option in socket_options or ():
            sock = transport.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(*option)
        return _Stream(transport, protocol)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not supported by this transport")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
