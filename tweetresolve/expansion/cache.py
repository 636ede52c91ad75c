"""A SQLite cache of expansions, safe across processes and crashes.

Results are keyed by the lossless normal form of the input URL
(:func:`~tweetresolve.expansion.canonical.normalize_url`).  Successes and failures
have separate lifetimes, because a timeout today says little about tomorrow.

The file is in WAL mode and every result is committed as soon as it is known, so
several processes can share one file (readers never wait for the writer, writers
wait up to ``busy_timeout``) and a process killed mid-run leaves every completed
result readable and nothing half-written.

>>> from tweetresolve.records import Expansion
>>> cache = SQLiteCache()            # in memory
>>> done = Expansion(url="https://t.co/a", final_url="https://example.com/", ok=True)
>>> cache.put("https://t.co/a", done)
>>> cache.get("https://t.co/a").from_cache
True
>>> cache.close()
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from typing import Protocol, runtime_checkable

import attrs

from tweetresolve.errors import InvalidOptionError
from tweetresolve.expansion.sqlite_store import SQLiteStore
from tweetresolve.records import Expansion

__all__ = ["DEFAULT_ERROR_TTL", "DEFAULT_TTL", "ExpansionCache", "SQLiteCache"]

#: How long a successful expansion is trusted: 30 days.
DEFAULT_TTL = 30 * 24 * 3600.0
#: How long a failed expansion is remembered: 1 hour.
DEFAULT_ERROR_TTL = 3600.0

_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS expansions (
    key     TEXT PRIMARY KEY,
    ok      INTEGER NOT NULL,
    stored  REAL NOT NULL,
    expires REAL NOT NULL,
    data    TEXT NOT NULL
)
"""


@runtime_checkable
class ExpansionCache(Protocol):
    """What the expander needs from a cache; implement it to plug in another store."""

    def get(self, key: str) -> Expansion | None:
        """Return the stored expansion for ``key`` (with ``from_cache=True``), or None."""

    def put(self, key: str, expansion: Expansion) -> None:
        """Store ``expansion`` under ``key``."""

    def close(self) -> None:
        """Release the store."""


class SQLiteCache(SQLiteStore):
    """An :class:`ExpansionCache` in one SQLite file (or in memory, the default).

    ``ttl`` and ``error_ttl`` are lifetimes in seconds for successful and failed
    expansions; ``clock`` returns the current time (for tests).
    """

    _TABLE = "expansions"
    _SCHEMA = _SCHEMA
    _SCHEMA_VERSION = _SCHEMA_VERSION
    _PURPOSE = "an expansion cache"

    def __init__(
        self,
        path: str | os.PathLike[str] = ":memory:",
        *,
        ttl: float = DEFAULT_TTL,
        error_ttl: float = DEFAULT_ERROR_TTL,
        busy_timeout: float = 30.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if ttl < 0 or error_ttl < 0:
            raise InvalidOptionError("cache lifetimes must be >= 0 seconds", option="cache")
        super().__init__(path, busy_timeout=busy_timeout, clock=clock)
        self.ttl = ttl
        self.error_ttl = error_ttl

    def __repr__(self) -> str:
        return f"SQLiteCache({self.path!r}, ttl={self.ttl}, error_ttl={self.error_ttl})"

    def open(self) -> None:
        """Open the store now, so that a file that cannot serve as a cache fails here.

        Raises :class:`~tweetresolve.errors.CacheError` for a file that is not a
        SQLite database (or is corrupt, or cannot be created or read).
        """
        with self._lock:
            self._connect()

    def get(self, key: str) -> Expansion | None:
        """Return the unexpired expansion stored under ``key``, marked ``from_cache``."""
        with self._lock:
            row = (
                self._connect()
                .execute("SELECT data, expires FROM expansions WHERE key = ?", (key,))
                .fetchone()
            )
        if row is None or row[1] < self._clock():
            return None
        try:
            expansion = Expansion.from_dict(json.loads(row[0]))
        except (ValueError, TypeError, KeyError):
            return None
        return attrs.evolve(expansion, from_cache=True)

    def put(self, key: str, expansion: Expansion) -> None:
        """Store ``expansion`` under ``key``, committed at once."""
        now = self._clock()
        lifetime = self.ttl if expansion.ok else self.error_ttl
        data = json.dumps(attrs.evolve(expansion, from_cache=False).to_dict())
        with self._lock:
            self._connect().execute(
                "INSERT OR REPLACE INTO expansions (key, ok, stored, expires, data) "
                "VALUES (?, ?, ?, ?, ?)",
                (key, int(expansion.ok), now, now + lifetime, data),
            )

    def purge(self) -> int:
        """Delete expired entries; return how many were removed."""
        with self._lock:
            cursor = self._connect().execute(
                "DELETE FROM expansions WHERE expires < ?", (self._clock(),)
            )
        return cursor.rowcount
