"""Fetching JSON politely and safely: the one network path every source uses.

Built from the expander's public pieces: the address policy
(:class:`~tweetresolve.expansion.guard.AddressPolicy`) checked on every URL and,
through :class:`~tweetresolve.expansion.transport.GuardedTransport`, on every
address connected to; the expander's error codes for network failures.  Added
here: per-host politeness (a concurrency limit *and* a least interval between
requests, both chosen per source), a host-wide pause after a 429, retries with
backoff that honour ``Retry-After``, a deadline per lookup, a body cap (also on
compressed bodies), and a check that the answer really is JSON.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import sys
import time
import zlib
from collections.abc import AsyncIterator, Coroutine
from typing import Any, Final, TypeVar
from urllib.parse import urljoin, urlsplit

import anyio
import attrs
import httpx

from tweetresolve.expansion.codes import RETRYABLE_CODES, code_for_exception
from tweetresolve.expansion.guard import AddressPolicy, BlockedAddressError
from tweetresolve.expansion.responses import retry_after
from tweetresolve.expansion.transport import GuardedTransport
from tweetresolve.hydration.settings import HydratorSettings

__all__ = ["HostGate", "JsonClient", "Reply"]

logger = logging.getLogger(__name__)

_T = TypeVar("_T")

# Statuses worth another attempt after a pause.
_RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUSES: Final = frozenset({301, 302, 303, 307, 308})
# Endpoints redirect at most once or twice (publish.twitter.com -> publish.x.com).
_MAX_REDIRECTS: Final = 5
# Content types an endpoint may label JSON with; anything else (an HTML error or
# consent page, above all) is a bad response.
_JSON_TYPES: Final = ("application/json", "text/json", "text/javascript", "application/javascript")


@attrs.frozen
class Reply:
    """What one lookup's request told us: JSON data, or an error code."""

    #: HTTP status of the last response, None when none came.
    status: int | None = None
    #: The JSON object (a dict) the endpoint answered; also read on error statuses.
    data: dict[str, Any] | None = None
    #: A hydration error code when the request failed (network, 429, bad body).
    error: str | None = None
    #: Human-readable detail, for logs.
    detail: str | None = None


@attrs.define
class _HostState:
    semaphore: asyncio.Semaphore
    interval: float
    next_start: float = 0.0
    paused_until: float = 0.0
    users: int = 0


class HostGate:
    """Per-host politeness: at most ``limit`` requests in flight, spaced ``interval`` apart."""

    def __init__(self) -> None:
        self._hosts: dict[str, _HostState] = {}

    @contextlib.asynccontextmanager
    async def hold(self, host: str, limit: int, interval: float) -> AsyncIterator[None]:
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _HostState(asyncio.Semaphore(limit), interval)
        state.users += 1
        try:
            async with state.semaphore:
                now = time.monotonic()
                # The start time is reserved before sleeping, so concurrent waiters
                # queue up one interval apart instead of all waking together.
                start = max(now, state.next_start, state.paused_until)
                state.next_start = start + state.interval
                if start > now:
                    await asyncio.sleep(start - now)
                yield
        finally:
            state.users -= 1
            if state.users == 0 and state.next_start <= time.monotonic():
                del self._hosts[host]

    def pause(self, host: str, seconds: float) -> None:
        """Hold every request to ``host`` for ``seconds`` (after a 429)."""
        state = self._hosts.get(host)
        if state is not None:
            state.paused_until = max(state.paused_until, time.monotonic() + seconds)


def _is_json(headers: httpx.Headers) -> bool:
    kind = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return kind in _JSON_TYPES or kind.endswith("+json")


class _TooLarge(Exception):
    """The body passed the cap."""


async def _read_capped(response: httpx.Response, limit: int) -> bytes:
    """Read at most ``limit`` decoded bytes, decoding gzip and deflate under the cap."""
    if response.is_stream_consumed:
        # A transport that read the body already (httpx.MockTransport does).
        if len(response.content) > limit:
            raise _TooLarge
        return response.content
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    decoder: Any = None
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    elif encoding not in ("identity", ""):
        raise ValueError(f"content encoding {encoding!r} is not supported")
    parts: list[bytes] = []
    size = 0
    async for raw in response.aiter_raw():
        chunk = decoder.decompress(raw, limit - size + 1) if decoder else raw
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        parts.append(chunk)
    return b"".join(parts)


class JsonClient:
    """GETs JSON under the settings' limits; one per hydrator, bound to one event loop."""

    def __init__(
        self, settings: HydratorSettings, transport: httpx.AsyncBaseTransport | None
    ) -> None:
        self.settings = settings
        self.policy = AddressPolicy(settings.trusted_hosts)
        self._transport = transport or GuardedTransport(policy=self.policy)
        self._headers = {
            "Accept": "application/json",
            "Accept-Encoding": "gzip",
            "User-Agent": settings.user_agent,
        }
        timeout = settings.timeout
        self._extensions = {
            "timeout": {"connect": timeout, "read": timeout, "write": timeout, "pool": timeout}
        }
        self.gate = HostGate()

    async def aclose(self) -> None:
        await self._transport.aclose()

    async def get_json(self, url: str, *, per_host: int, interval: float) -> Reply:
        """GET ``url`` with retries and redirects; every failure is a :class:`Reply` code."""
        try:
            return await self._get_json(url, per_host, interval)
        except BlockedAddressError as exc:
            return Reply(error="blocked_address", detail=str(exc))

    async def _get_json(self, url: str, per_host: int, interval: float) -> Reply:
        settings = self.settings
        started: float | None = None
        attempt = 0
        redirects = 0
        while True:
            problem = self._check(url)
            if problem is not None:
                code = "invalid_url" if redirects == 0 else "invalid_redirect"
                return Reply(error=code, detail=problem)
            host = urlsplit(url).hostname or ""
            self.policy.check_url_host(host)
            try:
                async with self.gate.hold(host, per_host, interval):
                    if started is None:
                        started = time.monotonic()
                    remaining = settings.deadline - (time.monotonic() - started)
                    status, headers, body = await _within(remaining, self._send(url))
            except (asyncio.TimeoutError, httpx.HTTPError) as exc:
                timed_out = isinstance(exc, asyncio.TimeoutError)  # not TimeoutError on 3.10
                code = "timeout" if timed_out else code_for_exception(exc)
                pause = self._backoff(attempt)
                retry = code in RETRYABLE_CODES and attempt < settings.retries
                if retry and self._fits(started, pause):
                    await asyncio.sleep(pause)
                    attempt += 1
                    continue
                return Reply(error=code, detail=f"{type(exc).__name__}: {exc}")
            if status in _REDIRECT_STATUSES and "location" in headers:
                redirects += 1
                if redirects > _MAX_REDIRECTS:
                    return Reply(status=status, error="too_many_redirects")
                url = urljoin(url, headers["location"])
                continue
            if status in _RETRY_STATUSES:
                wait = retry_after(headers)
                pause = wait if wait is not None else self._backoff(attempt)
                if status == 429:
                    # The whole host waits, not only this lookup: the gate holds
                    # every request to it until the pause is over.
                    self.gate.pause(host, min(pause, settings.max_retry_after))
                allowed = wait is None or wait <= settings.max_retry_after
                if attempt < settings.retries and allowed and self._fits(started, pause):
                    if status != 429:
                        await asyncio.sleep(pause)
                    attempt += 1
                    continue
                code = "rate_limited" if status == 429 else "http_status"
                return Reply(status=status, error=code, detail=f"status {status}")
            if body is None:
                limit = settings.max_body_bytes
                return Reply(status=status, error="body_too_large", detail=f"over {limit} bytes")
            data = _json_object(body) if _is_json(headers) else None
            if status == 200 and data is None:
                kind = headers.get("content-type", "none")
                return Reply(
                    status=status, error="bad_response", detail=f"not a JSON object ({kind})"
                )
            return Reply(status=status, data=data)

    def _check(self, url: str) -> str | None:
        try:
            parts = urlsplit(url)
        except ValueError as exc:
            return str(exc)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return f"not an absolute http(s) URL: {url[:200]!r}"
        if parts.username is not None or parts.password is not None:
            return "the URL carries credentials"
        return None

    async def _send(self, url: str) -> tuple[int, httpx.Headers, bytes | None]:
        # Straight to the transport, as the expander does: a client's URL merging,
        # redirect, auth and hook machinery is not used and costs CPU per request.
        request = httpx.Request("GET", url, headers=self._headers, extensions=self._extensions)
        response = await self._transport.handle_async_request(request)
        response.request = request
        try:
            try:
                body: bytes | None = await _read_capped(response, self.settings.max_body_bytes)
            except _TooLarge:
                body = None
            except (ValueError, zlib.error):
                body = b""
            return response.status_code, response.headers, body
        finally:
            await response.aclose()

    def _backoff(self, attempt: int) -> float:
        return float(self.settings.backoff * (2**attempt) * random.uniform(0.5, 1.0))

    def _fits(self, started: float | None, seconds: float) -> bool:
        """Tell whether a pause of ``seconds`` still leaves time before the deadline."""
        elapsed = 0.0 if started is None else time.monotonic() - started
        return seconds < self.settings.deadline - elapsed


async def _within(seconds: float, work: Coroutine[Any, Any, _T]) -> _T:
    """Await ``work`` for at most ``seconds`` (asyncio.TimeoutError after that)."""
    if sys.version_info >= (3, 11):
        # A timeout scope costs a timer; wait_for would also make a task per request.
        async with asyncio.timeout(seconds):
            return await work
    # Python 3.10: anyio's cancel scope keeps every cancellation (wait_for may drop one)
    try:
        with anyio.fail_after(seconds):
            return await work
    except TimeoutError as timeout:  # anyio raises the builtin; callers expect asyncio's
        raise asyncio.TimeoutError from timeout


def _json_object(body: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None
