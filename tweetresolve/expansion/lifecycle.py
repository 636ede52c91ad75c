"""Shared close/context-manager lifecycle for engines that own an HTTP client.

Both the expander and the hydrator open a client lazily, may own their cache, and
close both exactly once; keeping that sequence in one place keeps them in step.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, Generic, Protocol, TypeVar


class _AsyncClosable(Protocol):
    async def aclose(self) -> None: ...


class _Closable(Protocol):
    def close(self) -> None: ...


_ClientT = TypeVar("_ClientT", bound=_AsyncClosable)
_CacheT = TypeVar("_CacheT", bound=_Closable)
_Engine = TypeVar("_Engine", bound="OwnedClientLifecycle[Any, Any]")


class OwnedClientLifecycle(Generic[_ClientT, _CacheT]):
    """Mixin: ``aclose`` and ``async with`` for an engine with a lazily opened client.

    Subclasses set ``_client``, ``_cache``, ``_owns_cache`` and ``_closed`` in their
    ``__init__`` and provide ``_ensure_client`` (which opens the client on entry).
    """

    _client: _ClientT | None
    _cache: _CacheT | None
    _owns_cache: bool
    _closed: bool

    def _ensure_client(self) -> object:
        raise NotImplementedError

    async def aclose(self) -> None:
        """Close connections (and the cache, when this object opened it)."""
        if self._closed:
            return
        self._closed = True
        if self._client is not None:
            await self._client.aclose()
            self._client = None
        if self._owns_cache and self._cache is not None:
            self._cache.close()

    async def __aenter__(self: _Engine) -> _Engine:
        self._ensure_client()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        await self.aclose()
