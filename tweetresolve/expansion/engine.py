"""The expansion engine: :class:`AsyncExpander`, behind every other API.

One implementation does the work (``AsyncExpander``); the sync twin
:class:`~tweetresolve.expansion.sync.Expander` runs it on a private event loop in
a background thread, so both share one settings object and behave the same.

The engine schedules: it bounds concurrency overall and per host, fetches
identical inputs once (within a batch and across concurrent calls), and consults
and fills the cache.  Following one URL's chain is
:class:`~tweetresolve.expansion.chain.ChainFollower`'s job; failures are values
with a code from :data:`~tweetresolve.expansion.codes.ERROR_CODES`, never
exceptions.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import http.cookiejar
from collections.abc import AsyncGenerator, AsyncIterable, Iterable
from typing import TYPE_CHECKING, Any

import attrs
import httpx

from tweetresolve.errors import ExpanderClosedError, InvalidOptionError
from tweetresolve.expansion.cache import ExpansionCache
from tweetresolve.expansion.canonical import normalize_url
from tweetresolve.expansion.chain import ChainFollower
from tweetresolve.expansion.guard import DEFAULT_ALLOWED_PORTS, AddressPolicy
from tweetresolve.expansion.inputs import as_list, check_url, input_reader, with_scheme
from tweetresolve.expansion.lifecycle import OwnedClientLifecycle
from tweetresolve.expansion.settings import (
    DEFAULT_CACHE,
    CacheOption,
    ExpanderOptions,
    ExpanderSettings,
    make_cache,
)
from tweetresolve.expansion.slots import HostSlots
from tweetresolve.expansion.transport import GuardedTransport
from tweetresolve.records import Expansion

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["AsyncExpander"]


class _RefuseAllCookies(http.cookiejar.DefaultCookiePolicy):
    """The client-wide jar keeps nothing: cookies live only inside one chain."""

    def set_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False

    def return_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False


async def _cancel_and_wait(tasks: list[asyncio.Task[None]]) -> None:
    """Cancel ``tasks`` and wait until every one has ended.

    A task can swallow a cancellation (``asyncio.wait_for`` before Python 3.12
    returns the inner result when it completes just as it is cancelled), and a
    worker that went on would wait forever for a reader that has left; so
    whatever is still running after a short wait is cancelled again.
    """
    pending = {task for task in tasks if not task.done()}
    interrupted = False
    while pending:
        for task in pending:
            task.cancel()
        try:
            _, pending = await asyncio.wait(pending, timeout=0.05)
        except asyncio.CancelledError:
            interrupted = True  # finish the clean-up first, then pass it on
    for task in tasks:
        if not task.cancelled():
            task.exception()  # retrieved: never logged as "never retrieved"
    if interrupted:
        raise asyncio.CancelledError


def cache_scope(policy: AddressPolicy, transport: httpx.AsyncBaseTransport | None) -> str:
    """The part of a cache key that names the policy a result was obtained under.

    A cached result is only as safe as the policy that fetched it: a chain that
    reached ``10.0.0.5`` under ``trusted_hosts=["10.0.0.0/8"]`` must not be served
    to an expander without that trust (a cache file outlives the run that wrote
    it).  So results are keyed by the normalised URL plus, when the policy is not
    the default, a digest of it: the trusted entries, the allowed ports and, for a
    transport given by the caller, its kind and its own policy.  The default
    policy's key is the bare URL.

    >>> cache_scope(AddressPolicy(allowed_ports=DEFAULT_ALLOWED_PORTS), None)
    ''
    >>> trusting = AddressPolicy(["10.0.0.0/8"], allowed_ports=DEFAULT_ALLOWED_PORTS)
    >>> cache_scope(trusting, None).startswith(" policy=")
    True
    """
    parts = [f"trust={entry}" for entry in policy.trusted_entries()]
    if policy.allowed_ports != DEFAULT_ALLOWED_PORTS:
        ports = "any" if policy.allowed_ports is None else sorted(policy.allowed_ports)
        parts.append(f"ports={ports}")
    if transport is not None:
        kind = type(transport)
        parts.append(f"transport={kind.__module__}.{kind.__qualname__}")
        if isinstance(transport, GuardedTransport):
            parts.extend(f"transport-trust={e}" for e in transport.policy.trusted_entries())
    if not parts:
        return ""
    digest = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]
    return f" policy={digest}"


class AsyncExpander(OwnedClientLifecycle[httpx.AsyncClient, ExpansionCache]):
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
        cache: CacheOption = DEFAULT_CACHE,
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
        self._cache, self._owns_cache = make_cache(cache)
        self._transport = transport
        self._policy = AddressPolicy(
            self.settings.trusted_hosts, allowed_ports=self.settings.allowed_ports
        )
        self._cache_scope = cache_scope(self._policy, transport)
        self._client: httpx.AsyncClient | None = None
        self._chains: ChainFollower | None = None
        self._inflight: dict[str, asyncio.Future[Expansion]] = {}
        self._global: asyncio.Semaphore | None = None
        self._hosts = HostSlots(self.settings.per_host)
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
            self._chains = ChainFollower(
                settings,
                policy=self._policy,
                hosts=self._hosts,
                client=self._client,
                # Requests go straight to the transport (see ChainFollower).
                sender=transport.handle_async_request,
            )
        return self._client

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
        items = as_list(urls)
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
        # aclosing: leaving this generator early closes the pool's at once
        # (cancelling its workers), not whenever the garbage collector gets to it.
        async with contextlib.aclosing(self._run_pool(urls)) as results:
            async for expansion in results:
                yield expansion

    # -- engine --------------------------------------------------------------------

    def _prepare_key(self, url: str) -> str:
        return normalize_url(with_scheme(url.strip()))

    def _prepare(self, url: str) -> str | Expansion:
        """Return the cache key for ``url``, or an ``invalid_url`` result."""
        if not isinstance(url, str):
            raise TypeError(f"URLs must be str, got {type(url).__name__}")
        text = with_scheme(url.strip())
        problem = check_url(text)
        if problem is not None:
            return Expansion(url=url, error="invalid_url", detail=f"the URL {problem[1]}")
        return normalize_url(text)

    async def _run_pool(
        self, urls: Iterable[str] | AsyncIterable[str]
    ) -> AsyncGenerator[Expansion, None]:
        """Expand ``urls`` with ``concurrency`` workers, yielding as results arrive."""
        width = self.settings.concurrency
        # At most ``width`` results wait to be taken: a worker holds a room before
        # it queues a result, and the consumer frees it.  The queue itself is
        # unbounded, so the end marker can always be put, even while the
        # supervisor is being cancelled.
        rooms = asyncio.Semaphore(width)
        queue: asyncio.Queue[Expansion | None] = asyncio.Queue()
        next_url = input_reader(urls)

        async def worker() -> None:
            while True:
                url = await next_url()
                if url is None:
                    return
                result = await self.expand(url)
                await rooms.acquire()
                queue.put_nowait(result)

        async def supervise(workers: list[asyncio.Task[None]]) -> None:
            try:
                await asyncio.gather(*workers)
            finally:
                queue.put_nowait(None)

        workers = [asyncio.ensure_future(worker()) for _ in range(width)]
        supervisor = asyncio.ensure_future(supervise(workers))
        try:
            while True:
                item = await queue.get()
                if item is None:
                    break
                rooms.release()
                yield item
            await supervisor  # re-raises a worker's exception (a bug or a bad input type)
        finally:
            await _cancel_and_wait([*workers, supervisor])

    async def _expand_key(self, key: str, url: str) -> Expansion:
        cache = self._cache
        cache_key = key + self._cache_scope
        if cache is not None:
            hit = cache.get(cache_key)
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
                assert self._chains is not None  # set with the client
                result = await self._chains.run(url)
            if cache is not None and result.error not in ("invalid_url", "blocked_address"):
                cache.put(cache_key, result)
            future.set_result(result)
            return result
        finally:
            if not future.done():
                future.cancel()
            del self._inflight[key]
