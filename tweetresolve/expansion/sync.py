"""The synchronous twin: :class:`Expander` runs the async engine on a private loop.

The loop lives in a daemon thread of its own, so the sync API also works where
an event loop is already running (notebooks, async frameworks), and several
threads may share one ``Expander``.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncGenerator, Coroutine, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from tweetresolve.errors import ExpanderClosedError
from tweetresolve.expansion.cache import ExpansionCache
from tweetresolve.expansion.engine import AsyncExpander
from tweetresolve.expansion.inputs import as_list
from tweetresolve.expansion.loop_thread import LoopThread
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
        self._runner: LoopThread | None = None
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
                self._runner = LoopThread("tweetresolve-expander")
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
