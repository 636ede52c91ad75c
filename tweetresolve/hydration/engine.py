"""The hydration engine: :class:`AsyncHydrator`, its sync twin :class:`Hydrator`.

Per post: find its platform's sources (:mod:`tweetresolve.hydration.sources`),
ask them in order until one answers for good (with the post, or saying it is
gone), and merge the answer into the post by the provenance rule
(:mod:`tweetresolve.hydration.merge`).  Answers are cached per source and post;
identical lookups in flight at once are sent once.  Nothing is sent before a
hydrator is asked to hydrate, and nothing at construction.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import AsyncGenerator, AsyncIterable, AsyncIterator, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Final

import httpx

from tweetresolve.errors import ExpanderClosedError, InvalidOptionError
from tweetresolve.expansion.lifecycle import OwnedClientLifecycle
from tweetresolve.expansion.loop_thread import LoopThread
from tweetresolve.hydration.cache import (
    HydrationCache,
    MemoryHydrationCache,
    SQLiteHydrationCache,
)
from tweetresolve.hydration.codes import GONE_CODES
from tweetresolve.hydration.fetch import JsonClient
from tweetresolve.hydration.merge import merge, with_failure
from tweetresolve.hydration.result import Answer, Hydration, Lookup
from tweetresolve.hydration.settings import HydratorOptions, HydratorSettings
from tweetresolve.hydration.sources import Source, sources_for
from tweetresolve.records import Post

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["DEFAULT_HYDRATION_CACHE", "AsyncHydrator", "Hydrator", "ahydrate", "hydrate"]

logger = logging.getLogger(__name__)

#: Answers after which no further source is asked.
_FINAL_CODES: Final = frozenset({"deleted", "protected", "suspended", "needs_token"})


class _DefaultCache:
    """Marker for "the library default cache" (in memory)."""

    def __repr__(self) -> str:
        return "<default: in-memory>"


#: Pass as ``cache`` to get the default: an in-memory cache (:class:`MemoryHydrationCache`).
DEFAULT_HYDRATION_CACHE: Final = _DefaultCache()

CacheOption = HydrationCache | str | os.PathLike[str] | _DefaultCache | None
Item = Post | str


class HydrateOptions(HydratorOptions, total=False):
    """:class:`HydratorOptions` plus ``cache`` and ``transport``, for the one-call functions."""

    cache: CacheOption
    transport: httpx.AsyncBaseTransport | None


def _make_cache(cache: CacheOption) -> tuple[HydrationCache | None, bool]:
    if cache is None:
        return None, False
    if isinstance(cache, _DefaultCache):
        return MemoryHydrationCache(), True
    if isinstance(cache, (str, os.PathLike)):
        return SQLiteHydrationCache(cache), True
    if isinstance(cache, HydrationCache):
        return cache, False
    raise InvalidOptionError(
        f"cache must be a path, a cache object or None, got {type(cache).__name__}",
        option="cache",
    )


def _pick(answers: list[Answer]) -> Answer:
    """The answer that tells most: a hit, else a "gone", else the first real failure."""
    for wanted in (
        lambda a: a.ok,
        lambda a: a.error in GONE_CODES or a.error in _FINAL_CODES,
        lambda a: a.error == "rate_limited",
        lambda a: a.error != "unsupported",
    ):
        for answer in answers:
            if wanted(answer):
                return answer
    return answers[0]


def _check_items(items: object) -> None:
    if isinstance(items, (str, Post)):
        raise TypeError("expected an iterable of posts or URLs; wrap a single one in a list")


class AsyncHydrator(OwnedClientLifecycle[JsonClient, HydrationCache]):
    """Hydrate posts from the platforms' public endpoints, concurrently.

    Use it as an async context manager (or call :meth:`aclose`)::

        async with AsyncHydrator(meta_access_token=token) as hydrator:
            one = await hydrator.hydrate(post_or_url)
            many = await hydrator.hydrate_many(posts)        # input order
            async for result in hydrator.stream(posts):      # completion order
                ...

    Options are those of :class:`HydratorSettings`, plus ``cache`` (an in-memory
    cache by default; a path to a SQLite file, a :class:`HydrationCache`, or None) and
    ``transport`` (an :class:`httpx.AsyncBaseTransport`; by default a
    :class:`~tweetresolve.expansion.GuardedTransport` enforcing the address policy).
    """

    def __init__(
        self,
        *,
        cache: CacheOption = DEFAULT_HYDRATION_CACHE,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[HydratorOptions],
    ) -> None:
        try:
            self.settings = HydratorSettings(**options)
        except TypeError as exc:
            raise InvalidOptionError(str(exc), option="options") from exc
        if transport is not None and not isinstance(transport, httpx.AsyncBaseTransport):
            raise InvalidOptionError(
                "transport must be an httpx.AsyncBaseTransport (an async transport)",
                option="transport",
            )
        self._cache, self._owns_cache = _make_cache(cache)
        self._transport = transport
        self._client: JsonClient | None = None
        self._global: asyncio.Semaphore | None = None
        self._inflight: dict[str, asyncio.Future[Answer]] = {}
        self._closed = False

    def __repr__(self) -> str:
        return f"AsyncHydrator({self.settings!r}, cache={self._cache!r})"

    @property
    def cache(self) -> HydrationCache | None:
        """The cache in use, or None."""
        return self._cache

    def _ensure_client(self) -> JsonClient:
        if self._closed:
            raise ExpanderClosedError("this hydrator is closed; create a new one")
        if self._client is None:
            self._client = JsonClient(self.settings, self._transport)
            self._global = asyncio.Semaphore(self.settings.concurrency)
        return self._client

    # -- public API ----------------------------------------------------------------

    async def hydrate(self, item: Item) -> Hydration:
        """Hydrate one post (a :class:`~tweetresolve.Post` or a permalink)."""
        post, lookup = _prepare(item)
        self._ensure_client()
        if lookup is None:
            return Hydration(post=post, error="unsupported", detail="not a post permalink")
        if not sources_for(lookup.platform):
            return Hydration(post=post, error="unsupported", detail="no source for the platform")
        assert self._global is not None
        async with self._global:
            answers: list[Answer] = []
            for source in sources_for(lookup.platform):
                answer = await self._ask(source, lookup)
                answers.append(answer)
                if answer.ok or answer.error in _FINAL_CODES:
                    break
        final = _pick(answers)
        if final.ok and final.post is not None:
            post = merge(post, final.post)
        elif final.error:
            post = with_failure(post, final.error)
        return Hydration(
            post=post,
            ok=final.ok,
            error=final.error,
            source=final.source,
            status=final.status,
            from_cache=final.from_cache,
            detail=final.detail,
        )

    async def hydrate_many(self, items: Iterable[Item]) -> list[Hydration]:
        """Hydrate many posts: one result per input, in input order."""
        _check_items(items)
        batch = list(items)
        for item in batch:
            _prepare(item)  # type errors surface before anything is sent
        results: list[Hydration | None] = [None] * len(batch)
        async for index, result in self._run_pool(enumerate(batch)):
            results[index] = result
        return [result for result in results if result is not None]

    async def stream(
        self, items: Iterable[Item] | AsyncIterable[Item]
    ) -> AsyncGenerator[Hydration, None]:
        """Yield one result per input as each completes, with bounded memory."""
        _check_items(items)
        async for _, result in self._run_pool(_numbered(items)):
            yield result

    # -- engine --------------------------------------------------------------------

    async def _ask(self, source: Source, lookup: Lookup) -> Answer:
        key = source.cache_key(lookup)
        if key is None:
            return Answer(source=source.name, error="unsupported", detail="nothing to look up")
        cache = self._cache
        if cache is not None:
            hit = cache.get(key)
            if hit is not None:
                return hit
        pending = self._inflight.get(key)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            answer = await self._fetch(source, lookup)
            if cache is not None:
                cache.put(key, answer)
            future.set_result(answer)
            return answer
        finally:
            if not future.done():
                future.cancel()
            del self._inflight[key]

    async def _fetch(self, source: Source, lookup: Lookup) -> Answer:
        settings = self.settings
        endpoint = settings.endpoints.get(source.name, source.endpoint)
        request = source.request_url(lookup, endpoint, settings)
        if isinstance(request, Answer):
            return request
        client = self._ensure_client()
        reply = await client.get_json(
            request,
            per_host=settings.per_host or source.per_host,
            interval=source.min_interval
            if settings.min_interval is None
            else settings.min_interval,
        )
        answer = source.read(lookup, reply)
        if not answer.ok:
            logger.debug("%s: %s for %s (%s)", source.name, answer.error, lookup, answer.detail)
        return answer

    async def _run_pool(
        self, numbered: AsyncIterator[tuple[int, Item]] | Iterator[tuple[int, Item]]
    ) -> AsyncIterator[tuple[int, Hydration]]:
        """Hydrate with ``concurrency`` workers, yielding ``(index, result)`` as they complete."""
        self._ensure_client()
        width = self.settings.concurrency
        queue: asyncio.Queue[tuple[int, Hydration] | None] = asyncio.Queue(maxsize=width)
        lock = asyncio.Lock()

        async def next_item() -> tuple[int, Item] | None:
            async with lock:
                if isinstance(numbered, AsyncIterator):
                    return await anext(numbered, None)
                return next(numbered, None)

        async def worker() -> None:
            while (pair := await next_item()) is not None:
                await queue.put((pair[0], await self.hydrate(pair[1])))

        async def supervise(workers: list[asyncio.Task[None]]) -> None:
            try:
                await asyncio.gather(*workers)
            finally:
                await queue.put(None)

        workers = [asyncio.ensure_future(worker()) for _ in range(width)]
        supervisor = asyncio.ensure_future(supervise(workers))
        try:
            while (item := await queue.get()) is not None:
                yield item
            await supervisor  # re-raises a worker's exception (a bad input type)
        finally:
            for task in (*workers, supervisor):
                task.cancel()
            await asyncio.gather(*workers, supervisor, return_exceptions=True)


async def _anumbered(items: AsyncIterable[Item]) -> AsyncIterator[tuple[int, Item]]:
    index = 0
    async for item in items:
        yield index, item
        index += 1


def _numbered(
    items: Iterable[Item] | AsyncIterable[Item],
) -> AsyncIterator[tuple[int, Item]] | Iterator[tuple[int, Item]]:
    if isinstance(items, AsyncIterable):
        return _anumbered(items)
    return enumerate(items)


def _prepare(item: object) -> tuple[Post, Lookup | None]:
    """The post to fill and what to look up; TypeError for anything else."""
    if isinstance(item, Post):
        return item, Lookup.from_post(item)
    if isinstance(item, str):
        lookup = Lookup.from_url(item.strip())
        if lookup is None:
            return Post(platform="unknown", url=item, form="link"), None
        return lookup.as_post(), lookup
    raise TypeError(f"expected a Post or a permalink str, got {type(item).__name__}")


class Hydrator:
    """The synchronous twin of :class:`AsyncHydrator`, with the same options.

    >>> with Hydrator(retries=1) as hydrator:
    ...     hydrator.settings.retries
    1
    """

    def __init__(
        self,
        *,
        cache: CacheOption = DEFAULT_HYDRATION_CACHE,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[HydratorOptions],
    ) -> None:
        self._engine = AsyncHydrator(cache=cache, transport=transport, **options)
        self._runner: LoopThread | None = None
        self._lock = threading.Lock()
        self._closed = False

    @property
    def settings(self) -> HydratorSettings:
        """The settings, shared with the async engine underneath."""
        return self._engine.settings

    @property
    def cache(self) -> HydrationCache | None:
        """The cache in use, or None."""
        return self._engine.cache

    def _runner_for_call(self) -> LoopThread:
        if self._closed:
            raise ExpanderClosedError("this hydrator is closed; create a new one")
        with self._lock:
            if self._runner is None:
                self._runner = LoopThread("tweetresolve-hydrator")
            return self._runner

    def hydrate(self, item: Item) -> Hydration:
        """Hydrate one post (see :meth:`AsyncHydrator.hydrate`)."""
        _prepare(item)
        return self._runner_for_call().call(self._engine.hydrate(item))

    def hydrate_many(self, items: Iterable[Item]) -> list[Hydration]:
        """Hydrate many posts, one result per input in input order."""
        _check_items(items)
        batch = list(items)
        return self._runner_for_call().call(self._engine.hydrate_many(batch))

    def stream(self, items: Iterable[Item]) -> Iterator[Hydration]:
        """Yield results as they complete, with bounded memory."""
        runner = self._runner_for_call()
        generator = self._engine.stream(items)
        try:
            while True:
                try:
                    yield runner.call(_anext(generator))
                except StopAsyncIteration:
                    return
        finally:
            if not self._closed:
                runner.call(generator.aclose())

    def close(self) -> None:
        """Close connections and stop the background loop."""
        if self._closed:
            return
        if self._runner is not None:
            self._runner.call(self._engine.aclose())
            self._runner.stop()
            self._runner = None
        else:
            cache = self._engine.cache
            if self._engine._owns_cache and cache is not None:
                cache.close()
        self._closed = True

    def __enter__(self) -> Hydrator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        self.close()


async def _anext(generator: AsyncGenerator[Hydration, None]) -> Hydration:
    return await generator.__anext__()


def hydrate(items: Iterable[Item], **options: Unpack[HydrateOptions]) -> list[Hydration]:
    """Hydrate posts or permalinks with a short-lived :class:`Hydrator`; results in input order.

    Failures are values:

    >>> [h.error for h in hydrate(["https://example.com/not-a-post"])]
    ['unsupported']
    """
    _check_items(items)
    batch = list(items)
    with Hydrator(**options) as hydrator:
        return hydrator.hydrate_many(batch)


async def ahydrate(
    items: Iterable[Item],
    *,
    hydrator: AsyncHydrator | None = None,
    **options: Unpack[HydrateOptions],
) -> list[Hydration]:
    """The async twin of :func:`hydrate`; uses ``hydrator`` when given (its cache and options)."""
    _check_items(items)
    if hydrator is not None:
        if options:
            raise InvalidOptionError(
                "pass options to the hydrator, not beside it", option=next(iter(options))
            )
        return await hydrator.hydrate_many(items)
    async with AsyncHydrator(**options) as own:
        return await own.hydrate_many(items)
