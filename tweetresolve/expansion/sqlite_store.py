"""One lazily opened SQLite connection, shared by threads: the base of the SQLite caches.

The expansion and hydration caches keep different tables (they can share one file)
but open, prepare, count and close the database the same way, here.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable
from typing import ClassVar

from tweetresolve.errors import CacheError


class SQLiteStore:
    """Base class: ``path`` opened on first use in WAL mode, every statement committed.

    Subclasses name their ``_TABLE``, its ``_SCHEMA`` (``CREATE TABLE IF NOT
    EXISTS``), an optional ``_SCHEMA_VERSION`` and the ``_PURPOSE`` named in errors.
    """

    _TABLE: ClassVar[str]
    _SCHEMA: ClassVar[str]
    _SCHEMA_VERSION: ClassVar[int | None] = None
    _PURPOSE: ClassVar[str]

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        busy_timeout: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = os.fspath(path)
        self._busy_timeout = busy_timeout
        self._clock = clock
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        # Opened on first use, never at construction; callers hold self._lock.
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
                self._prepare(connection)
            except sqlite3.Error as exc:
                # Closed on every failure: an unclosed connection is a
                # ResourceWarning (Python 3.13) and keeps the file open.
                connection.close()
                raise CacheError(
                    f"{self.path!r} cannot be used as {self._PURPOSE}: {exc}", path=self.path
                ) from exc
            # A cache dropped without close() (a test's, a script's) still closes
            # its database when collected, instead of a ResourceWarning (3.13).
            weakref.finalize(self, connection.close)
            self._connection = connection
        return self._connection

    def _prepare(self, connection: sqlite3.Connection) -> None:
        connection.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout * 1000)}")
        if self.path != ":memory:":
            connection.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode: a committed row survives a killed process
            # (not a power cut), at a fraction of FULL's cost.
            connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute(self._SCHEMA)
        if self._SCHEMA_VERSION is not None:
            connection.execute(f"PRAGMA user_version = {self._SCHEMA_VERSION}")

    def __len__(self) -> int:
        with self._lock:
            row = self._connect().execute(f"SELECT COUNT(*) FROM {self._TABLE}").fetchone()
        return int(row[0])

    def close(self) -> None:
        """Close the database; the cache reopens it if used again."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
