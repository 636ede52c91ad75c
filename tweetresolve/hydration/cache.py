"""A SQLite cache of source answers, with separate lifetimes for hits and "gone" answers.

Keyed by source name and post (never by request URL, which may carry an access
token).  A post that was there is trusted for ``ttl`` (7 days by default); an
answer that it is gone (not found, deleted, protected, suspended) for
``gone_ttl`` (1 day: accounts come back from protection or suspension); other
failures (network, rate limits, bad answers) are never cached.  The table lives
beside the expander's in the same file when both are given one path.

>>> from tweetresolve.hydration.result import Answer
>>> cache = SQLiteHydrationCache()
>>> cache.put("twitter_syndication|20", Answer(source="twitter_syndication", ok=True))
>>> cache.get("twitter_syndication|20").from_cache
True
>>> cache.close()
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Final, Protocol, runtime_checkable

import attrs

from tweetresolve.errors import InvalidOptionError
from tweetresolve.expansion.sqlite_store import SQLiteStore
from tweetresolve.hydration.codes import GONE_CODES
from tweetresolve.hydration.result import Answer

__all__ = [
    "DEFAULT_GONE_TTL",
    "DEFAULT_TTL",
    "HydrationCache",
    "MemoryHydrationCache",
    "SQLiteHydrationCache",
]

#: How long an answer with the post is trusted: 7 days.
DEFAULT_TTL: Final = 7 * 24 * 3600.0
#: How long a "gone" answer is trusted: 1 day.
DEFAULT_GONE_TTL: Final = 24 * 3600.0

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS hydrations (
    key     TEXT PRIMARY KEY,
    stored  REAL NOT NULL,
    expires REAL NOT NULL,
    data    TEXT NOT NULL
)
"""


@runtime_checkable
class HydrationCache(Protocol):
    """What a hydrator needs from a cache; implement it to plug in another store."""

    def get(self, key: str) -> Answer | None:
        """Return the stored answer for ``key`` (with ``from_cache=True``), or None."""

    def put(self, key: str, answer: Answer) -> None:
        """Store ``answer`` under ``key`` when it is worth keeping."""

    def close(self) -> None:
        """Release the store."""


def lifetime(answer: Answer, *, ttl: float, gone_ttl: float) -> float | None:
    """Seconds to keep ``answer``, or None for an answer not worth caching."""
    if answer.ok:
        return ttl
    if answer.error in GONE_CODES:
        return gone_ttl
    return None


class MemoryHydrationCache:
    """A :class:`HydrationCache` in memory, the library default: answers kept as objects.

    Nothing is serialised (answers are immutable records), which saves a fifth of
    the CPU per post against an in-memory SQLite table.  At most ``max_entries``
    answers are kept, the least recently used going first.

    >>> from tweetresolve.hydration.result import Answer
    >>> cache = MemoryHydrationCache(max_entries=1)
    >>> cache.put("a", Answer(source="s", ok=True)); cache.put("b", Answer(source="s", ok=True))
    >>> cache.get("a") is None, cache.get("b").from_cache
    (True, True)
    """

    def __init__(
        self,
        *,
        ttl: float = DEFAULT_TTL,
        gone_ttl: float = DEFAULT_GONE_TTL,
        max_entries: int = 100_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if ttl < 0 or gone_ttl < 0 or max_entries < 1:
            raise InvalidOptionError(
                "cache lifetimes must be >= 0 seconds and max_entries >= 1", option="cache"
            )
        self.ttl = ttl
        self.gone_ttl = gone_ttl
        self.max_entries = max_entries
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, tuple[float, Answer]] = OrderedDict()

    def __repr__(self) -> str:
        return f"MemoryHydrationCache(ttl={self.ttl}, gone_ttl={self.gone_ttl})"

    def get(self, key: str) -> Answer | None:
        """Return the unexpired answer stored under ``key``, marked ``from_cache``."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] < self._clock():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
        return attrs.evolve(entry[1], from_cache=True)

    def put(self, key: str, answer: Answer) -> None:
        """Keep ``answer`` if it is a hit or a "gone" answer."""
        keep = lifetime(answer, ttl=self.ttl, gone_ttl=self.gone_ttl)
        if keep is None:
            return
        with self._lock:
            self._entries[key] = (self._clock() + keep, answer)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)

    def close(self) -> None:
        """Forget everything."""
        with self._lock:
            self._entries.clear()


class SQLiteHydrationCache(SQLiteStore):
    """A :class:`HydrationCache` in one SQLite file (or in memory, the default)."""

    _TABLE = "hydrations"
    _SCHEMA = _SCHEMA
    _PURPOSE = "a hydration cache"

    def __init__(
        self,
        path: str | os.PathLike[str] = ":memory:",
        *,
        ttl: float = DEFAULT_TTL,
        gone_ttl: float = DEFAULT_GONE_TTL,
        busy_timeout: float = 30.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if ttl < 0 or gone_ttl < 0:
            raise InvalidOptionError("cache lifetimes must be >= 0 seconds", option="cache")
        super().__init__(path, busy_timeout=busy_timeout, clock=clock)
        self.ttl = ttl
        self.gone_ttl = gone_ttl

    def __repr__(self) -> str:
        return f"SQLiteHydrationCache({self.path!r}, ttl={self.ttl}, gone_ttl={self.gone_ttl})"

    def get(self, key: str) -> Answer | None:
        """Return the unexpired answer stored under ``key``, marked ``from_cache``."""
        with self._lock:
            row = (
                self._connect()
                .execute("SELECT data, expires FROM hydrations WHERE key = ?", (key,))
                .fetchone()
            )
        if row is None or row[1] < self._clock():
            return None
        try:
            answer = Answer.from_dict(json.loads(row[0]))
        except (ValueError, TypeError, KeyError):
            return None
        return attrs.evolve(answer, from_cache=True)

    def put(self, key: str, answer: Answer) -> None:
        """Store ``answer`` under ``key`` if it is a hit or a "gone" answer."""
        keep = lifetime(answer, ttl=self.ttl, gone_ttl=self.gone_ttl)
        if keep is None:
            return
        now = self._clock()
        data = json.dumps(attrs.evolve(answer, from_cache=False).to_dict())
        with self._lock:
            self._connect().execute(
                "INSERT OR REPLACE INTO hydrations (key, stored, expires, data) "
                "VALUES (?, ?, ?, ?)",
                (key, now, now + keep, data),
            )
