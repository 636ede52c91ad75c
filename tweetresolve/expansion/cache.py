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
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable
from typing import Protocol, runtime_checkable

import attrs

from tweetresolve.errors import CacheError, InvalidOptionError
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


class SQLiteCache:
    """An :class:`ExpansionCache` in one SQLite file (or in memory, the default).

    ``ttl`` and ``error_ttl`` are lifetimes in seconds for successful and failed
    expansions; ``clock`` returns the current time (for tests).
    """

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
        self.path = os.fspath(path)
        self.ttl = ttl
        self.error_ttl = error_ttl
        self._busy_timeout = busy_timeout
        self._clock = clock
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    def __repr__(self) -> str:
        return f"SQLiteCache({self.path!r}, ttl={self.ttl}, error_ttl={self.error_ttl})"

    def open(self) -> None:
        """Open the store now, so that a file that cannot serve as a cache fails here.

        Raises :class:`~tweetresolve.errors.CacheError` for a file that is not a
        SQLite database (or is corrupt, or cannot be created or read).
        """
        with self._lock:
            self._connect()

    def _connect(self) -> sqlite3.Connection:
        # Opened on first use (or by open()), never at construction;
        # isolation_level=None makes every statement its own committed transaction.
        if self._connection is None:
            try:
                if self.path != ":memory:":
                    parent = os.path.dirname(os.path.abspath(self.path))
                    os.makedirs(parent, exist_ok=True)
                connection = sqlite3.connect(
                    self.path,
                    timeout=self._busy_timeout,
                    isolation_level=None,
                    check_same_thread=False,
                )
            except (OSError, sqlite3.Error) as exc:
                raise CacheError(
                    f"cannot open the cache {self.path!r}: {exc}", path=self.path
                ) from exc
            try:
                _prepare(connection, self.path, self._busy_timeout)
            except sqlite3.Error as exc:
                # Closed on every failure: an unclosed connection is a
                # ResourceWarning (Python 3.13) and keeps the file open.
                connection.close()
                raise CacheError(
                    f"{self.path!r} cannot be used as an expansion cache: {exc}", path=self.path
                ) from exc
            # A cache dropped without close() (a test's, a script's) still closes
            # its database when collected, instead of a ResourceWarning (3.13).
            weakref.finalize(self, connection.close)
            self._connection = connection
        return self._connection

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

    def __len__(self) -> int:
        with self._lock:
            row = self._connect().execute("SELECT COUNT(*) FROM expansions").fetchone()
        return int(row[0])

    def close(self) -> None:
        """Close the database; the cache reopens it if used again."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


def _prepare(connection: sqlite3.Connection, path: str, busy_timeout: float) -> None:
    connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    if path != ":memory:":
        connection.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode: a committed row survives a killed process
        # (not a power cut), at a fraction of FULL's cost.
        connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute(_SCHEMA)
    connection.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
