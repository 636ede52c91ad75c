"""Per-host request slots: at most ``per_host`` requests in flight to one host.

One semaphore per host, created on first use and dropped when its last holder
leaves, so the table stays as small as the set of hosts being worked on.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

__all__ = ["HostSlots"]


class HostSlots:
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
