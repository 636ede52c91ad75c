"""An httpx transport that checks every address it connects to, with a lean pool.

:class:`GuardedTransport` is an ordinary :class:`httpx.AsyncBaseTransport`, so the
expander keeps httpx's client API, and it does two things httpx's default transport
does not:

* **Address policy at connect time.**  It resolves the host name itself, checks every
  address with :class:`~tweetresolve.expansion.guard.AddressPolicy`, and connects to the
  checked address; the ``Host`` header and TLS server name stay the host name.  A
  redirect is a new request and goes through the same check, and a name that
  resolves differently a second later (DNS rebinding) is checked again.
* **O(1) connection reuse.**  Idle HTTP/1.1 connections are kept per origin in a
  plain list.  httpcore's general pool re-scans every queued request against every
  connection on each change, which costs milliseconds of CPU per request at high
  concurrency; the expander already bounds concurrency per host and overall, so the
  pool only has to remember idle connections.

The resolver and the connect step (an httpcore network backend) are injectable:
tests replace the connect step with a recording fake, so even a broken policy could
not send a packet anywhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import socket
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import Final

import httpcore
import httpx

from tweetresolve.expansion._asyncio_backend import AsyncioBackend
from tweetresolve.expansion.guard import AddressPolicy, literal_address

__all__ = ["GuardedTransport", "NameResolutionError", "Resolver", "system_resolver"]

logger = logging.getLogger(__name__)

#: Resolve ``(host, port)`` to a list of IP address strings.
Resolver = Callable[[str, int], Awaitable[list[str]]]

_DEFAULT_PORTS: Final = {b"http": 80, b"https": 443}

# httpcore exceptions and the httpx exception each becomes, most specific first,
# so that callers of this transport see the same types as with httpx's own.
_HTTPCORE_TO_HTTPX: Final[tuple[tuple[type[Exception], type[httpx.TransportError]], ...]] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


class NameResolutionError(httpx.ConnectError):
    """A host name did not resolve to any address."""

    def __init__(self, message: str, *, host: str) -> None:
        super().__init__(message)
        self.host = host


@contextlib.contextmanager
def _httpx_errors() -> Iterator[None]:
    try:
        yield
    except httpx.HTTPError:
        raise
    except Exception as exc:
        for source, target in _HTTPCORE_TO_HTTPX:
            if isinstance(exc, source):
                raise target(str(exc) or type(exc).__name__) from exc
        raise


async def system_resolver(host: str, port: int) -> list[str]:
    """Resolve ``host`` with the operating system's resolver, off the event loop."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise NameResolutionError(f"cannot resolve {host!r}: {exc}", host=host) from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _is_ip_text(answer: object) -> bool:
    if not isinstance(answer, str):
        return False
    try:
        ipaddress.ip_address(answer.split("%", 1)[0])
    except ValueError:
        return False
    return True


class _DnsCache:
    """A small time-limited memo of resolutions; addresses are re-checked on every use."""

    __slots__ = ("_entries", "_max_entries", "_ttl")

    def __init__(self, ttl: float, max_entries: int) -> None:
        self._ttl = ttl
        self._max_entries = max_entries
        self._entries: dict[tuple[str, int], tuple[float, list[str]]] = {}

    def get(self, key: tuple[str, int]) -> list[str] | None:
        entry = self._entries.get(key)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def put(self, key: tuple[str, int], addresses: list[str]) -> None:
        if len(self._entries) >= self._max_entries:
            self._entries.clear()
        self._entries[key] = (time.monotonic() + self._ttl, addresses)


class GuardedTransport(httpx.AsyncBaseTransport):
    """An HTTP/1.1 transport that enforces an address policy on every connection.

    ``trusted_hosts`` / ``policy`` decide which addresses are allowed;
    ``resolver`` and ``network_backend`` replace name resolution and the TCP connect
    step (for tests and custom stacks).  Proxies are not supported on purpose: with
    a proxy the checked address would be the proxy's, not the target's.
    """

    def __init__(
        self,
        *,
        trusted_hosts: list[str] | tuple[str, ...] = (),
        policy: AddressPolicy | None = None,
        resolver: Resolver | None = None,
        network_backend: httpcore.AsyncNetworkBackend | None = None,
        ssl_context: ssl.SSLContext | None = None,
        keepalive_expiry: float = 5.0,
        max_idle_per_host: int = 64,
        max_idle: int = 512,
        dns_ttl: float = 30.0,
    ) -> None:
        self._policy = policy if policy is not None else AddressPolicy(trusted_hosts)
        self._resolver: Resolver = resolver or system_resolver
        self._backend = network_backend or AsyncioBackend()
        self._ssl_context = ssl_context
        self._keepalive_expiry = keepalive_expiry
        self._max_idle_per_host = max_idle_per_host
        self._max_idle = max_idle
        self._idle: dict[tuple[bytes, bytes, int], list[httpcore.AsyncHTTP11Connection]] = {}
        self._idle_count = 0
        self._dns = _DnsCache(dns_ttl, 4096)
        self._closed = False

    @property
    def policy(self) -> AddressPolicy:
        """The address policy this transport enforces."""
        return self._policy

    def _tls_context(self) -> ssl.SSLContext:
        if self._ssl_context is None:
            context = httpx.create_ssl_context()
            context.set_alpn_protocols(["http/1.1"])
            self._ssl_context = context
        return self._ssl_context

    async def _resolve(self, host: str, port: int) -> list[str]:
        literal = literal_address(host)
        if literal is not None:
            return [str(literal)]
        cached = self._dns.get((host, port))
        if cached is not None:
            return cached
        addresses = await self._resolver(host, port)
        if not addresses:
            raise NameResolutionError(f"{host!r} resolved to no address", host=host)
        for answer in addresses:
            # A resolver is pluggable: an answer that is not an address is its
            # failure to resolve, not a crash of the request.
            if not _is_ip_text(answer):
                raise NameResolutionError(
                    f"{host!r} resolved to {answer!r}, which is not an IP address", host=host
                )
        self._dns.put((host, port), addresses)
        return addresses

    async def _connect(
        self, origin: httpcore.Origin, timeouts: dict[str, float | None]
    ) -> httpcore.AsyncHTTP11Connection:
        host = origin.host.decode("ascii")
        addresses = self._policy.check_addresses(
            host, await self._resolve(host, origin.port), origin.port
        )
        stream: httpcore.AsyncNetworkStream | None = None
        error: Exception | None = None
        for address in addresses:
            try:
                stream = await self._backend.connect_tcp(
                    address, origin.port, timeout=timeouts.get("connect")
                )
                break
            except (httpcore.ConnectError, httpcore.ConnectTimeout, OSError) as exc:
                error = exc
        if stream is None:
            if isinstance(error, OSError):
                raise httpcore.ConnectError(str(error)) from error
            raise error or httpcore.ConnectError(f"no address to connect to for {host!r}")
        if origin.scheme == b"https":
            try:
                stream = await stream.start_tls(
                    self._tls_context(), server_hostname=host, timeout=timeouts.get("connect")
                )
            except BaseException:
                await stream.aclose()
                raise
        return httpcore.AsyncHTTP11Connection(
            origin=origin, stream=stream, keepalive_expiry=self._keepalive_expiry
        )

    async def _acquire(
        self, origin: httpcore.Origin, timeouts: dict[str, float | None]
    ) -> tuple[httpcore.AsyncHTTP11Connection, bool]:
        key = (origin.scheme, origin.host, origin.port)
        idle = self._idle.get(key)
        while idle:
            connection = idle.pop()
            self._idle_count -= 1
            if not idle:
                del self._idle[key]
            if connection.is_idle() and not connection.has_expired():
                return connection, True
            await connection.aclose()
            idle = self._idle.get(key)
        return await self._connect(origin, timeouts), False

    async def _release(
        self, origin: httpcore.Origin, connection: httpcore.AsyncHTTP11Connection
    ) -> None:
        key = (origin.scheme, origin.host, origin.port)
        idle = self._idle.setdefault(key, [])
        if (
            not self._closed
            and connection.is_idle()
            and len(idle) < self._max_idle_per_host
            and self._idle_count < self._max_idle
        ):
            idle.append(connection)
            self._idle_count += 1
            return
        if not idle:
            del self._idle[key]
        await connection.aclose()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` over a checked connection (new or reused)."""
        if self._closed:
            raise RuntimeError("this transport is closed")
        scheme = request.url.raw_scheme
        if scheme not in _DEFAULT_PORTS:
            raise httpx.UnsupportedProtocol(f"unsupported URL scheme {request.url.scheme!r}")
        # Port 0 is a port (refused below), not "the default": compare with None.
        port = request.url.port if request.url.port is not None else _DEFAULT_PORTS[scheme]
        self._policy.check_port(request.url.host, port)
        self._policy.check_url_host(request.url.host, port)
        origin = httpcore.Origin(scheme=scheme, host=request.url.raw_host, port=port)
        timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _httpx_errors():
            connection, reused = await self._acquire(origin, timeouts)
            try:
                response = await connection.handle_async_request(core_request)
            except (httpcore.RemoteProtocolError, httpcore.ReadError, httpcore.WriteError):
                await connection.aclose()
                if not reused or request.method not in ("GET", "HEAD"):
                    raise
                # The server closed a kept-alive connection just as we reused it:
                # an idempotent request is safely sent again on a fresh one.
                connection = await self._connect(origin, timeouts)
                try:
                    response = await connection.handle_async_request(core_request)
                except BaseException:
                    # A handler's own exception is not caught by its sibling
                    # clause below: close the fresh connection here, or a
                    # timeout or cancellation during the retry leaks it.
                    await connection.aclose()
                    raise
            except BaseException:
                await connection.aclose()
                raise
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_PooledStream(self, origin, connection, response),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        """Close every idle connection; responses still open close their own."""
        self._closed = True
        idle, self._idle, self._idle_count = self._idle, {}, 0
        for connections in idle.values():
            for connection in connections:
                await connection.aclose()

    async def __aenter__(self) -> GuardedTransport:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        await self.aclose()


class _PooledStream(httpx.AsyncByteStream):
    """A response body that hands its connection back to the pool when closed."""

    __slots__ = ("_closed", "_connection", "_origin", "_response", "_transport")

    def __init__(
        self,
        transport: GuardedTransport,
        origin: httpcore.Origin,
        connection: httpcore.AsyncHTTP11Connection,
        response: httpcore.Response,
    ) -> None:
        self._transport = transport
        self._origin = origin
        self._connection = connection
        self._response = response
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _httpx_errors():
            async for part in self._response.aiter_stream():
                yield part

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            with _httpx_errors():
                await self._response.aclose()
        finally:
            await self._transport._release(self._origin, self._connection)
