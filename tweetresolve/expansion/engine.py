"""The expansion engine: :class:`AsyncExpander`, its sync twin :class:`Expander`.

One implementation does the work (``AsyncExpander``); ``Expander`` runs it on a
private event loop in a background thread, so both share one settings object and
behave the same, and the sync API also works where an event loop is already
running (notebooks, async frameworks).

Per URL the engine follows the chain step by step, recording a
:class:`~tweetresolve.records.Hop` per step, and returns one
:class:`~tweetresolve.records.Expansion`; failures are values with a code from
:data:`~tweetresolve.expansion.codes.ERROR_CODES`, never exceptions.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import email.utils
import http.cookiejar
import logging
import os
import random
import threading
import time
import zlib
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Iterable,
    Iterator,
    Mapping,
)
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Literal, TypedDict, TypeVar
from urllib.parse import urlsplit

import attrs
import httpx

from tweetresolve.errors import ExpanderClosedError, InvalidOptionError
from tweetresolve.expansion import offline, redirects
from tweetresolve.expansion.cache import ExpansionCache, SQLiteCache
from tweetresolve.expansion.canonical import host_matches, normalize_url
from tweetresolve.expansion.codes import RETRYABLE_CODES, ErrorCode, code_for_exception
from tweetresolve.expansion.guard import AddressPolicy, BlockedAddressError
from tweetresolve.expansion.policy import DEFAULT_USER_AGENT, is_shortener, user_agent_for
from tweetresolve.expansion.transport import GuardedTransport
from tweetresolve.records import Expansion, Hop

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = [
    "AsyncExpander",
    "ExpandOptions",
    "Expander",
    "ExpanderOptions",
    "ExpanderSettings",
    "expand",
    "expand_many",
]

logger = logging.getLogger(__name__)

_T = TypeVar("_T")

#: Longest input URL accepted; longer inputs are ``invalid_url``.
MAX_URL_LENGTH: Final = 8192
# Statuses worth another attempt after a pause.
_RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
# A redirect or error body up to this size is read to the end so that the
# connection can be reused; a longer one is cut off.
_DRAIN_BYTES: Final = 16 * 1024
# On an ordinary page a meta refresh sits in <head> and a script redirect right
# after it; this much past "</head>" is read before giving up.
_AFTER_HEAD_BYTES: Final = 4096
_HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
_CONTROL_CHARS: Final = frozenset(chr(c) for c in (*range(32), 127))


class _DefaultCache:
    """Marker for "the library default cache" (in memory)."""

    def __repr__(self) -> str:
        return "<default: in-memory>"


#: Pass as ``cache`` to get the default: an in-memory SQLite cache.
DEFAULT_CACHE: Final = _DefaultCache()


def _positive(option: str, value: float, *, integer: bool = False, zero: bool = False) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidOptionError(f"{option} must be a number, got {value!r}", option=option)
    if integer and not isinstance(value, int):
        raise InvalidOptionError(f"{option} must be an integer, got {value!r}", option=option)
    if value < 0 or (value == 0 and not zero):
        bound = ">= 0" if zero else "> 0"
        raise InvalidOptionError(f"{option} must be {bound}, got {value!r}", option=option)


def _lower_keys(table: Mapping[str, str]) -> Mapping[str, str]:
    if not isinstance(table, Mapping):
        raise InvalidOptionError(
            "host_user_agents must map host names to User-Agent strings",
            option="host_user_agents",
        )
    return {str(host).lower().rstrip("."): agent for host, agent in table.items()}


def _host_list(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InvalidOptionError(
            "trusted_hosts must be a list of host names or networks, not a str",
            option="trusted_hosts",
        )
    try:
        return tuple(value)
    except TypeError as exc:
        raise InvalidOptionError(
            "trusted_hosts must be a list of host names or networks", option="trusted_hosts"
        ) from exc


@attrs.frozen(kw_only=True)
class ExpanderSettings:
    """Every tunable of an expander, validated once; shared by the sync and async twins."""

    #: URLs expanded at the same time.
    concurrency: int = 64
    #: Requests in flight to one host at the same time.
    per_host: int = 8
    #: Seconds allowed for each connect, read and write.
    timeout: float = 10.0
    #: Seconds allowed for a whole chain, retries and pauses included.
    deadline: float = 30.0
    #: Redirects followed before giving up with ``too_many_redirects``.
    max_redirects: int = 20
    #: Most bytes of an HTML body read (after decompression) to look for a redirect.
    max_body_bytes: int = 256 * 1024
    #: Further attempts after a retryable failure (5xx, 429, timeout, connect).
    retries: int = 2
    #: First backoff pause in seconds; doubles per attempt, with jitter.
    backoff: float = 0.5
    #: Longest ``Retry-After`` honoured, in seconds; a longer one ends the chain.
    max_retry_after: float = 30.0
    #: User-Agent for hosts without a per-host rule.
    user_agent: str = DEFAULT_USER_AGENT
    #: Extra per-host User-Agent rules (host → User-Agent), over the built-in ones.
    host_user_agents: Mapping[str, str] = attrs.field(factory=dict, converter=_lower_keys)
    #: ``GET`` (default), or ``HEAD`` with a fallback to GET where HEAD is refused.
    method: Literal["GET", "HEAD"] = "GET"
    #: Hosts and networks exempt from the address policy.
    trusted_hosts: tuple[str, ...] = attrs.field(default=(), converter=_host_list)

    def __attrs_post_init__(self) -> None:
        _positive("concurrency", self.concurrency, integer=True)
        _positive("per_host", self.per_host, integer=True)
        _positive("timeout", self.timeout)
        _positive("deadline", self.deadline)
        _positive("max_redirects", self.max_redirects, integer=True, zero=True)
        _positive("max_body_bytes", self.max_body_bytes, integer=True)
        _positive("retries", self.retries, integer=True, zero=True)
        _positive("backoff", self.backoff, zero=True)
        _positive("max_retry_after", self.max_retry_after, zero=True)
        if not isinstance(self.user_agent, str) or not self.user_agent.strip():
            raise InvalidOptionError("user_agent must be a non-empty string", option="user_agent")
        if self.method not in ("GET", "HEAD"):
            raise InvalidOptionError(
                f"method must be 'GET' or 'HEAD', got {self.method!r}", option="method"
            )
        try:
            AddressPolicy(self.trusted_hosts)
        except (TypeError, ValueError) as exc:
            raise InvalidOptionError(str(exc), option="trusted_hosts") from exc


class ExpanderOptions(TypedDict, total=False):
    """The keyword options of every expander, as :class:`ExpanderSettings` documents them."""

    concurrency: int
    per_host: int
    timeout: float
    deadline: float
    max_redirects: int
    max_body_bytes: int
    retries: int
    backoff: float
    max_retry_after: float
    user_agent: str
    host_user_agents: Mapping[str, str]
    method: Literal["GET", "HEAD"]
    trusted_hosts: Iterable[str]


class ExpandOptions(ExpanderOptions, total=False):
    """:class:`ExpanderOptions` plus ``cache`` and ``transport``, for the one-call functions."""

    cache: ExpansionCache | str | os.PathLike[str] | _DefaultCache | None
    transport: httpx.AsyncBaseTransport | None


@attrs.define
class _Fetched:
    """What one request told us, after the body was read as far as needed."""

    status: int
    headers: httpx.Headers
    body: str | None = None
    truncated: bool = False


@attrs.define
class _Chain:
    """The state of one chain, kept outside the deadline so a timeout can report it."""

    url: str
    current: str
    hops: list[Hop] = attrs.field(factory=list)
    started: float = attrs.field(factory=time.monotonic)

    def result(
        self,
        *,
        ok: bool,
        error: ErrorCode | None = None,
        status: int | None = None,
        final_url: str | None = None,
        detail: str | None = None,
    ) -> Expansion:
        return Expansion(
            url=self.url,
            final_url=final_url if final_url is not None else self.current,
            hops=tuple(self.hops),
            ok=ok,
            error=error,
            status=status,
            detail=detail,
        )


class _RefuseAllCookies(http.cookiejar.DefaultCookiePolicy):
    """The client-wide jar keeps nothing: cookies live only inside one chain."""

    def set_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False

    def return_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False


class _HostSlots:
    """A semaphore per host, dropped when unused so memory stays bounded."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._slots: dict[str, list[Any]] = {}

    @contextlib.asynccontextmanager
    async def hold(self, host: str) -> AsyncIterator[None]:
        entry = self._slots.get(host)
        if entry is None:
            entry = self._slots[host] = [asyncio.Semaphore(self._limit), 0]
        entry[1] += 1
        try:
            async with entry[0]:
                yield
        finally:
            entry[1] -= 1
            if entry[1] == 0:
                del self._slots[host]


def _retry_after(headers: httpx.Headers) -> float | None:
    """Read ``Retry-After`` as seconds (delta or HTTP date), or None."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def _is_html(headers: httpx.Headers) -> bool:
    content_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return content_type in _HTML_TYPES or content_type == ""


def _charset(headers: httpx.Headers) -> str:
    for part in headers.get("content-type", "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            candidate = value.strip().strip("'\"")
            try:
                return codecs.lookup(candidate).name
            except LookupError:
                break
    return "utf-8"


def _check_url(text: str) -> tuple[str, str] | None:
    """Return ``(error detail, …)`` problems with a URL we are about to request."""
    if len(text) > MAX_URL_LENGTH:
        return ("url_too_long", f"longer than {MAX_URL_LENGTH} characters")
    if any(char in _CONTROL_CHARS for char in text):
        return ("control_characters", "contains control characters")
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018  (raises ValueError for a port out of range)
    except ValueError as exc:
        return ("unparseable", str(exc))
    if parts.scheme.lower() not in ("http", "https"):
        return ("scheme", f"scheme {parts.scheme!r} is not http or https")
    if not host:
        return ("no_host", "has no host")
    if parts.username is not None or parts.password is not None:
        return ("credentials", "carries credentials (user:password@)")
    return None


def _with_scheme(text: str) -> str:
    """Read a scheme-less ``host/path`` (as written in text) as https."""
    if "://" not in text.split("?", 1)[0] and not text.lower().startswith(("http:", "https:")):
        head = text.split("/", 1)[0]
        if "." in head and " " not in head and ":" not in head:
            return "https://" + text
    return text


def _carry_fragment(previous: str, target: str) -> str:
    # RFC 9110 10.2.2: a Location without a fragment inherits the request's.
    fragment = urlsplit(previous).fragment
    if fragment and "#" not in target:
        return f"{target}#{fragment}"
    return target


class AsyncExpander:
    """Expand short and wrapped URLs concurrently; the engine behind every API.

    Use it as an async context manager (or call :meth:`aclose`)::

        async with AsyncExpander(concurrency=32) as expander:
            expansion = await expander.expand("https://t.co/abc")
            results = await expander.expand_many(urls)       # input order
            async for expansion in expander.stream(urls):     # completion order
                ...

    Options (all keyword-only) are those of :class:`ExpanderSettings`, plus:

    ``cache``      ``DEFAULT_CACHE`` (an in-memory SQLite cache, the default), a
                   path to a SQLite file, an :class:`ExpansionCache`, or None.
    ``transport``  an :class:`httpx.AsyncBaseTransport` to send requests with.  By
                   default a :class:`GuardedTransport` that applies the address
                   policy to every address connected to; with another transport
                   the policy only sees literal addresses in URLs.

    An ``AsyncExpander`` belongs to the event loop it is first used on (its
    connections do); from threads or several loops, use :class:`Expander`.
    """

    def __init__(
        self,
        *,
        cache: ExpansionCache | str | os.PathLike[str] | _DefaultCache | None = DEFAULT_CACHE,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ExpanderOptions],
    ) -> None:
        try:
            self.settings = ExpanderSettings(**options)
        except TypeError as exc:
            raise InvalidOptionError(str(exc), option="options") from exc
        if transport is not None and not isinstance(transport, httpx.AsyncBaseTransport):
            raise InvalidOptionError(
                "transport must be an httpx.AsyncBaseTransport (an async transport)",
                option="transport",
            )
        self._cache, self._owns_cache = _make_cache(cache)
        self._transport = transport
        self._policy = AddressPolicy(self.settings.trusted_hosts)
        self._client: httpx.AsyncClient | None = None
        self._sender: Callable[[httpx.Request], Awaitable[httpx.Response]] | None = None
        self._inflight: dict[str, asyncio.Future[Expansion]] = {}
        self._global: asyncio.Semaphore | None = None
        self._hosts = _HostSlots(self.settings.per_host)
        self._closed = False

    def __repr__(self) -> str:
        return f"AsyncExpander({self.settings!r}, cache={self._cache!r})"

    @property
    def cache(self) -> ExpansionCache | None:
        """The cache in use, or None."""
        return self._cache

    # -- lifecycle ---------------------------------------------------------------

    def _ensure_client(self) -> httpx.AsyncClient:
        if self._closed:
            raise ExpanderClosedError("this expander is closed; create a new one")
        if self._client is None:
            settings = self.settings
            transport = self._transport or GuardedTransport(policy=self._policy)
            self._client = httpx.AsyncClient(
                transport=transport,
                follow_redirects=False,
                trust_env=False,
                timeout=httpx.Timeout(settings.timeout),
                cookies=http.cookiejar.CookieJar(policy=_RefuseAllCookies()),
                headers={
                    "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
                    # Bodies are decoded here under a size cap, never by httpx.
                    "Accept-Encoding": "identity",
                    "Accept-Language": "en;q=0.9, *;q=0.5",
                },
            )
            self._global = asyncio.Semaphore(settings.concurrency)
            self._sender = transport.handle_async_request
        return self._client

    async def aclose(self) -> None:
        """Close connections (and the cache, when the expander opened it)."""
        if self._closed:
            return
        self._closed = True
        if self._client is not None:
            await self._client.aclose()
            self._client = None
        if self._owns_cache and self._cache is not None:
            self._cache.close()

    async def __aenter__(self) -> AsyncExpander:
        self._ensure_client()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        await self.aclose()

    # -- public API ----------------------------------------------------------------

    async def expand(self, url: str) -> Expansion:
        """Expand one URL; failures come back as ``Expansion(ok=False, error=…)``."""
        self._ensure_client()
        key_or_result = self._prepare(url)
        if isinstance(key_or_result, Expansion):
            return key_or_result
        result = await self._expand_key(key_or_result, url)
        return result if result.url == url else attrs.evolve(result, url=url)

    async def expand_many(self, urls: Iterable[str]) -> list[Expansion]:
        """Expand many URLs: one result per input, in input order.

        Identical inputs (after normalisation) are fetched once.
        """
        items = _as_list(urls)
        self._ensure_client()
        first_spelling: dict[str, str] = {}
        keys: list[str | Expansion] = []
        for url in items:
            key = self._prepare(url)
            keys.append(key)
            if isinstance(key, str):
                first_spelling.setdefault(key, url)
        by_key: dict[str, Expansion] = {}
        async for expansion in self._run_pool(first_spelling.values()):
            by_key[self._prepare_key(expansion.url)] = expansion
        results: list[Expansion] = []
        for url, key in zip(items, keys, strict=True):
            found = key if isinstance(key, Expansion) else by_key[key]
            results.append(found if found.url == url else attrs.evolve(found, url=url))
        return results

    async def stream(
        self, urls: Iterable[str] | AsyncIterable[str]
    ) -> AsyncGenerator[Expansion, None]:
        """Yield one expansion per input as each completes (completion order).

        Inputs are read lazily and at most ``concurrency`` URLs are in flight, so
        memory stays bounded however long the input is; match results to inputs
        with ``Expansion.url``.
        """
        self._ensure_client()
        async for expansion in self._run_pool(urls):
            yield expansion

    # -- engine --------------------------------------------------------------------

    def _prepare_key(self, url: str) -> str:
        return normalize_url(_with_scheme(url.strip()))

    def _prepare(self, url: str) -> str | Expansion:
        """Return the cache key for ``url``, or an ``invalid_url`` result."""
        if not isinstance(url, str):
            raise TypeError(f"URLs must be str, got {type(url).__name__}")
        text = _with_scheme(url.strip())
        problem = _check_url(text)
        if problem is not None:
            return Expansion(url=url, error="invalid_url", detail=f"the URL {problem[1]}")
        return normalize_url(text)

    async def _run_pool(self, urls: Iterable[str] | AsyncIterable[str]) -> AsyncIterator[Expansion]:
        """Expand ``urls`` with ``concurrency`` workers, yielding as results arrive."""
        width = self.settings.concurrency
        queue: asyncio.Queue[Expansion | None] = asyncio.Queue(maxsize=width)
        next_url = _input_reader(urls)

        async def worker() -> None:
            while True:
                url = await next_url()
                if url is None:
                    return
                await queue.put(await self.expand(url))

        async def supervise(workers: list[asyncio.Task[None]]) -> None:
            try:
                await asyncio.gather(*workers)
            finally:
                await queue.put(None)

        workers = [asyncio.ensure_future(worker()) for _ in range(width)]
        supervisor = asyncio.ensure_future(supervise(workers))
        try:
            while True:
                item = await queue.get()
                if item is None:
                    break
                yield item
            await supervisor  # re-raises a worker's exception (a bug or a bad input type)
        finally:
            for task in (*workers, supervisor):
                task.cancel()
            await asyncio.gather(*workers, supervisor, return_exceptions=True)

    async def _expand_key(self, key: str, url: str) -> Expansion:
        cache = self._cache
        if cache is not None:
            hit = cache.get(key)
            if hit is not None:
                return hit
        pending = self._inflight.get(key)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[Expansion] = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            assert self._global is not None
            async with self._global:
                result = await self._run_chain(url)
            if cache is not None and result.error not in ("invalid_url", "blocked_address"):
                cache.put(key, result)
            future.set_result(result)
            return result
        finally:
            if not future.done():
                future.cancel()
            del self._inflight[key]

    async def _run_chain(self, url: str) -> Expansion:
        chain = _Chain(url=url, current=_with_scheme(url.strip()))
        deadline = self.settings.deadline
        try:
            return await asyncio.wait_for(self._follow(chain), deadline)
        except asyncio.TimeoutError:
            return chain.result(ok=False, error="timeout", detail=f"deadline of {deadline}s passed")

    async def _follow(self, chain: _Chain) -> Expansion:
        settings = self.settings
        cookies = httpx.Cookies()
        seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
        followed = 0
        while True:
            url = chain.current
            state = (
                normalize_url(url),
                tuple(sorted((c.name, c.value or "") for c in cookies.jar)),
            )
            if state in seen:
                return chain.result(ok=False, error="redirect_loop", detail=f"{url} seen twice")
            seen.add(state)

            # Steps that need no request: a wrapper holding its target, or a known
            # warning page whose URL already names the target.
            step: tuple[str, str] | None = None
            target = offline.destination(url)
            if target is not None:
                step = (target, "offline")
            else:
                target = redirects.url_interstitial_target(url)
                if target is not None:
                    step = (target, "interstitial")
            if step is not None:
                if followed >= settings.max_redirects:
                    return chain.result(ok=False, error="too_many_redirects")
                followed += 1
                chain.hops.append(Hop(url=url, status=None, via=step[1]))
                chain.current = step[0]
                host = urlsplit(step[0]).hostname or ""
                if (
                    step[1] == "offline"
                    and not is_shortener(host)
                    and offline.destination(step[0]) is None
                ):
                    # The URL held the destination: no request at all.
                    return chain.result(ok=True)
                continue

            problem = _check_url(url)
            if problem is not None:
                code: ErrorCode = "invalid_url" if not chain.hops else "invalid_redirect"
                return chain.result(ok=False, error=code, detail=f"the URL {problem[1]}")
            try:
                self._policy.check_url_host(urlsplit(url).hostname or "")
                fetched = await self._fetch(url, cookies, chain)
            except httpx.HTTPError as exc:
                code = code_for_exception(exc)
                return chain.result(ok=False, error=code, detail=f"{type(exc).__name__}: {exc}")
            except httpx.InvalidURL as exc:
                # What urlsplit accepts but httpx does not (an octal IPv4 host, a
                # port out of range): nothing was sent.
                code = "invalid_url" if not chain.hops else "invalid_redirect"
                return chain.result(ok=False, error=code, detail=f"the URL is invalid: {exc}")

            status = fetched.status
            found = self._next_step(url, fetched)
            if found is not None:
                target, via = found
                logger.debug("%s -> %s (%s %s)", url, target, status, via)
                chain.hops.append(Hop(url=url, status=status, via=via))
                if followed >= settings.max_redirects:
                    return chain.result(
                        ok=False, error="too_many_redirects", status=status, final_url=url
                    )
                followed += 1
                scheme = urlsplit(target).scheme.lower()
                if scheme not in ("http", "https"):
                    return chain.result(
                        ok=False,
                        error="unsupported_scheme",
                        status=status,
                        final_url=target,
                        detail=f"redirect to a {scheme or 'relative'}: URL",
                    )
                if not (urlsplit(target).hostname or "").isascii():
                    # Hosts are reported in their ASCII (IDNA) form: a look-alike
                    # Unicode name must not pass for the real one.
                    target = normalize_url(target)
                chain.current = _carry_fragment(url, target)
                continue

            chain.hops.append(Hop(url=url, status=status, via=None))
            host = urlsplit(url).hostname or ""
            if not 200 <= status < 300:
                return chain.result(ok=False, error="http_status", status=status)
            if fetched.truncated and is_shortener(host):
                return chain.result(
                    ok=False,
                    error="body_too_large",
                    status=status,
                    detail=f"no redirect within the first {settings.max_body_bytes} bytes",
                )
            return chain.result(ok=True, status=status)

    def _next_step(self, url: str, fetched: _Fetched) -> tuple[str, str] | None:
        headers = fetched.headers
        if fetched.status in redirects.REDIRECT_STATUSES and "location" in headers:
            target = redirects.location_target(url, headers["location"])
            return (target, "location") if target else None
        found: tuple[str, str] | None = None
        target = redirects.refresh_target(url, headers.get("refresh"))
        if target:
            found = (target, "refresh")
        elif fetched.body:
            found = redirects.body_target(url, fetched.body)
        if found is not None and normalize_url(found[0]) == normalize_url(url.partition("#")[0]):
            # A page that refreshes or reloads itself is a destination, not a loop.
            return None
        return found

    async def _fetch(self, url: str, cookies: httpx.Cookies, chain: _Chain) -> _Fetched:
        """One step, with retries for 5xx/429 and transient network failures."""
        settings = self.settings
        host = urlsplit(url).hostname or ""
        method = settings.method
        attempt = 0
        while True:
            try:
                async with self._hosts.hold(host):
                    fetched = await self._request(method, url, host, cookies)
            except BlockedAddressError:
                raise
            except httpx.HTTPError as exc:
                if code_for_exception(exc) not in RETRYABLE_CODES or attempt >= settings.retries:
                    raise
                await self._pause(chain, self._backoff(attempt), reraise=exc)
                attempt += 1
                continue
            if method == "HEAD" and (
                fetched.status in (405, 501)
                or (
                    200 <= fetched.status < 300
                    and is_shortener(host)
                    and _is_html(fetched.headers)
                    and "refresh" not in fetched.headers
                )
            ):
                # HEAD refused, or a shortener answering HEAD with a page whose
                # redirect is in the body: ask again the ordinary way.
                method = "GET"
                continue
            if fetched.status in _RETRY_STATUSES and attempt < settings.retries:
                wait = _retry_after(fetched.headers)
                if wait is None:
                    wait = self._backoff(attempt)
                elif wait > settings.max_retry_after:
                    return fetched
                if not await self._pause(chain, wait):
                    return fetched
                attempt += 1
                continue
            return fetched

    def _backoff(self, attempt: int) -> float:
        return float(self.settings.backoff * (2**attempt) * random.uniform(0.5, 1.0))

    async def _pause(
        self, chain: _Chain, seconds: float, *, reraise: Exception | None = None
    ) -> bool:
        """Sleep before a retry if the deadline allows it; else give up."""
        remaining = self.settings.deadline - (time.monotonic() - chain.started)
        if seconds >= remaining:
            if reraise is not None:
                raise reraise
            return False
        logger.debug("retrying %s in %.2fs", chain.current, seconds)
        await asyncio.sleep(seconds)
        return True

    async def _request(self, method: str, url: str, host: str, cookies: httpx.Cookies) -> _Fetched:
        client = self._ensure_client()
        settings = self.settings
        agent = user_agent_for(
            host, default=settings.user_agent, overrides=settings.host_user_agents
        )
        # The fragment never goes on the wire; it stays in the chain's URLs.
        request = client.build_request(method, url.partition("#")[0], headers={"User-Agent": agent})
        cookies.set_cookie_header(request)
        # Sent through the transport, not client.send(): the client would also
        # build a follow-up request for every 3xx and run auth and event-hook
        # machinery this engine does not use, ~17% of the CPU per request
        # (measured with benchmarks/bench_expand.py).
        assert self._sender is not None  # set with the client
        response = await self._sender(request)
        response.request = request
        try:
            cookies.extract_cookies(response)
            headers = response.headers
            status = response.status_code
            fetched = _Fetched(status=status, headers=headers)
            if method == "HEAD":
                return fetched
            is_redirect = status in redirects.REDIRECT_STATUSES and "location" in headers
            if is_redirect or "refresh" in headers or not _is_html(headers):
                await _drain(response)
                return fetched
            full = is_shortener(host) or host_matches(host, redirects.INTERSTITIAL_HOSTS)
            fetched.body, fetched.truncated = await _read_html(
                response, settings.max_body_bytes, read_all=full
            )
            return fetched
        finally:
            await response.aclose()


async def _drain(response: httpx.Response) -> None:
    """Read a short body to its end so the connection can be reused."""
    seen = 0
    async for chunk in response.aiter_raw():
        seen += len(chunk)
        if seen > _DRAIN_BYTES:
            return


async def _read_html(
    response: httpx.Response, limit: int, *, read_all: bool
) -> tuple[str | None, bool]:
    """Read at most ``limit`` decoded bytes of an HTML body.

    Returns the text and whether the body was cut short.  gzip and deflate are
    decoded here with an output cap, so a small compressed body cannot expand
    into a huge one; other encodings are not read at all.
    """
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    decoder: Any = None
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    elif encoding not in ("identity", ""):
        return None, False
    parts: list[bytes] = []
    size = 0
    head_end = -1
    truncated = False
    try:
        async for raw in response.aiter_raw():
            chunk = decoder.decompress(raw, limit - size + 1) if decoder else raw
            parts.append(chunk)
            size += len(chunk)
            if size > limit:
                truncated = True
                break
            if not read_all:
                if head_end < 0:
                    joined = b"".join(parts)
                    parts = [joined]
                    position = joined.lower().find(b"</head>")
                    head_end = position if position >= 0 else -1
                if head_end >= 0 and size - head_end > _AFTER_HEAD_BYTES:
                    break
    except zlib.error:
        return None, False
    body = b"".join(parts)[:limit]
    return body.decode(_charset(response.headers), errors="replace"), truncated


def _input_reader(urls: Iterable[str] | AsyncIterable[str]) -> Any:
    """Return an async function giving the next input URL, or None at the end."""
    if isinstance(urls, str):
        raise TypeError("expected an iterable of URLs, got a single str")
    if isinstance(urls, AsyncIterable):
        iterator = urls.__aiter__()
        lock = asyncio.Lock()

        async def next_async() -> str | None:
            async with lock:
                try:
                    return await iterator.__anext__()
                except StopAsyncIteration:
                    return None

        return next_async
    sync_iterator = iter(urls)

    async def next_sync() -> str | None:
        return next(sync_iterator, None)

    return next_sync


def _as_list(urls: Iterable[str]) -> list[str]:
    if isinstance(urls, str):
        raise TypeError("expected an iterable of URLs, got a single str")
    return list(urls)


def _make_cache(
    cache: ExpansionCache | str | os.PathLike[str] | _DefaultCache | None,
) -> tuple[ExpansionCache | None, bool]:
    if cache is None:
        return None, False
    if isinstance(cache, _DefaultCache):
        return SQLiteCache(), True
    if isinstance(cache, (str, os.PathLike)):
        return SQLiteCache(cache), True
    if isinstance(cache, ExpansionCache):
        return cache, False
    raise InvalidOptionError(
        f"cache must be a path, a cache object or None, got {type(cache).__name__}",
        option="cache",
    )


async def _anext(generator: AsyncGenerator[Expansion, None]) -> Expansion:
    return await generator.__anext__()


class _LoopThread:
    """A private event loop in a daemon thread, for the sync twin."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="tweetresolve-expander", daemon=True
        )
        self._thread.start()

    def call(self, coroutine: Coroutine[Any, Any, _T]) -> _T:
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result()
        except BaseException:
            future.cancel()
            raise

    def stop(self) -> None:
        # Let callbacks already scheduled (sockets finishing their close) run.
        self.call(asyncio.sleep(0))
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()


class Expander:
    """The synchronous twin of :class:`AsyncExpander`, with the same options.

    >>> with Expander(retries=1) as expander:
    ...     expander.settings.retries
    1
    """

    def __init__(
        self,
        *,
        cache: ExpansionCache | str | os.PathLike[str] | _DefaultCache | None = DEFAULT_CACHE,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ExpanderOptions],
    ) -> None:
        self._engine = AsyncExpander(cache=cache, transport=transport, **options)
        self._runner: _LoopThread | None = None
        self._lock = threading.Lock()
        self._closed = False

    @property
    def settings(self) -> ExpanderSettings:
        """The settings, shared with the async engine underneath."""
        return self._engine.settings

    @property
    def cache(self) -> ExpansionCache | None:
        """The cache in use, or None."""
        return self._engine.cache

    def _call(self, coroutine: Coroutine[Any, Any, _T]) -> _T:
        if self._closed:
            coroutine.close()
            raise ExpanderClosedError("this expander is closed; create a new one")
        with self._lock:  # one background loop, even when threads race to start it
            if self._runner is None:
                self._runner = _LoopThread()
            runner = self._runner
        return runner.call(coroutine)

    def expand(self, url: str) -> Expansion:
        """Expand one URL (see :meth:`AsyncExpander.expand`)."""
        return self._call(self._engine.expand(url))

    def expand_many(self, urls: Iterable[str]) -> list[Expansion]:
        """Expand many URLs, one result per input in input order."""
        return self._call(self._engine.expand_many(_as_list(urls)))

    def stream(self, urls: Iterable[str]) -> Iterator[Expansion]:
        """Yield expansions as they complete, with bounded memory."""
        generator = self._engine.stream(urls)
        try:
            while True:
                try:
                    yield self._call(_anext(generator))
                except StopAsyncIteration:
                    return
        finally:
            if not self._closed and self._runner is not None:
                self._runner.call(generator.aclose())

    def close(self) -> None:
        """Close connections and stop the background loop."""
        if self._closed:
            return
        if self._runner is not None:
            self._runner.call(self._engine.aclose())
            self._runner.stop()
            self._runner = None
        elif self._engine._owns_cache and self._engine.cache is not None:
            self._engine.cache.close()
        self._closed = True

    def __enter__(self) -> Expander:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        self.close()


def expand(url: str, **options: Unpack[ExpandOptions]) -> Expansion:
    """Expand one URL with a short-lived :class:`Expander` (options as there).

    Failures are values:

    >>> expand("ftp://example.com/file").error
    'invalid_url'
    """
    with Expander(**options) as expander:
        return expander.expand(url)


def expand_many(urls: Iterable[str], **options: Unpack[ExpandOptions]) -> list[Expansion]:
    """Expand many URLs with a short-lived :class:`Expander`; one result per input, in order."""
    items = _as_list(urls)
    with Expander(**options) as expander:
        return expander.expand_many(items)
