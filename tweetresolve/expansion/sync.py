"""The synchronous twin: :class:`Expander` runs the async engine on a private loop.

The loop lives in a daemon thread of its own, so the sync API also works where
an event loop is already running (notebooks, async frameworks), and several
threads may share one ``Expander``.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncGenerator, Coroutine, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from tweetresolve.errors import ExpanderClosedError
from tweetresolve.expansion.cache import ExpansionCache
from tweetresolve.expansion.engine import AsyncExpander
from tweetresolve.expansion.inputs import as_list
from tweetresolve.expansion.settings import (
    DEFAULT_CACHE,
    CacheOption,
    ExpanderOptions,
    ExpanderSettings,
)
from tweetresolve.records import Expansion

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["Expander"]

_T = TypeVar("_T")


async def _anext(generator: AsyncGenerator[Expansion, None]) -> Expansion:
    return await generator.__anext__()


async def _finish_loop() -> None:
    """Cancel what is left on this loop, close its async generators and executor.

    Run last, on the loop itself, so that nothing is destroyed pending ("Task was
    destroyed but it is pending", "Event loop is closed") and every socket is
    closed by its owner rather than left to the garbage collector.
    """
    loop = asyncio.get_running_loop()
    current = asyncio.current_task()
    tasks = [task for task in asyncio.all_tasks(loop) if task is not current]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await loop.shutdown_asyncgens()
    await loop.shutdown_default_executor()
    # Let callbacks already scheduled (transports finishing their close) run.
    await asyncio.sleep(0)


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
        """Finish every task and generator on the loop, then stop and close it."""
        self.call(_finish_loop())
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
        cache: CacheOption = DEFAULT_CACHE,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ExpanderOptions],
    ) -> None:
        self._engine = AsyncExpander(cache=cache, transport=transport, **options)
        self._runner: _LoopThread | None = None
        self._lock = threading.Lock()
        self._closed = False
        # The engine generators of streams still open, closed first by close().
        self._streams: set[AsyncGenerator[Expansion, None]] = set()

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
        return self._call(self._engine.expand_many(as_list(urls)))

    def stream(self, urls: Iterable[str]) -> Iterator[Expansion]:
        """Yield expansions as they complete, with bounded memory."""
        generator = self._engine.stream(urls)
        with self._lock:
            self._streams.add(generator)
        try:
            while True:
                try:
                    yield self._call(_anext(generator))
                except StopAsyncIteration:
                    return
        finally:
            # Also when the caller drops a half-read stream: the engine's
            # generator cancels its work and closes its connections.
            self._close_stream(generator)

    def _close_stream(self, generator: AsyncGenerator[Expansion, None]) -> None:
        with self._lock:
            if generator not in self._streams:
                return
            self._streams.discard(generator)
            runner = self._runner
        if runner is None:
            # Never started: nothing runs, only the coroutine object is left.
            return
        runner.call(generator.aclose())

    def close(self) -> None:
        """Close connections and stop the background loop."""
        if self._closed:
            return
        with self._lock:
            streams = list(self._streams)
        for generator in streams:  # streams still open: close them first
            self._close_stream(generator)
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
