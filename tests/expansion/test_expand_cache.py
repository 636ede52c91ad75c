"""Tests of the SQLite expansion cache: lifetimes, sharing between processes, crashes."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tweetresolve.errors import InvalidOptionError
from tweetresolve.expansion import ExpansionCache, SQLiteCache
from tweetresolve.records import Expansion, Hop

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def done(url: str = "https://t.co/a") -> Expansion:
    return Expansion(
        url=url,
        final_url="https://example.com/",
        hops=(
            Hop(url=url, status=301, via="location"),
            Hop(url="https://example.com/", status=200),
        ),
        ok=True,
        status=200,
    )


def test_round_trip_marks_from_cache() -> None:
    """A stored expansion comes back equal, marked from_cache."""
    cache = SQLiteCache()
    cache.put("k", done())
    hit = cache.get("k")
    assert hit is not None
    assert hit.from_cache
    assert hit.hops == done().hops
    assert cache.get("missing") is None
    assert isinstance(cache, ExpansionCache)
    cache.close()


def test_success_and_failure_lifetimes() -> None:
    """Failures expire sooner than successes."""
    clock = Clock()
    cache = SQLiteCache(ttl=100, error_ttl=10, clock=clock)
    cache.put("ok", done())
    cache.put("bad", Expansion(url="https://t.co/b", error="timeout"))
    clock.now += 50
    assert cache.get("ok") is not None
    assert cache.get("bad") is None
    clock.now += 100
    assert cache.get("ok") is None
    assert cache.purge() == 2
    assert len(cache) == 0
    cache.close()


def test_negative_lifetime_is_refused() -> None:
    """Lifetimes must not be negative."""
    with pytest.raises(InvalidOptionError):
        SQLiteCache(ttl=-1)


def test_file_is_wal_and_reopens(tmp_path: Path) -> None:
    """A file cache is in WAL mode, and a closed cache reopens on use."""
    path = tmp_path / "sub" / "cache.sqlite"
    cache = SQLiteCache(path)
    cache.put("k", done())
    cache.close()
    assert cache.get("k") is not None
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    cache.close()


def test_damaged_row_is_a_miss(tmp_path: Path) -> None:
    """A row that does not decode is treated as absent, not as an error."""
    path = tmp_path / "cache.sqlite"
    cache = SQLiteCache(path)
    cache.put("k", done())
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE expansions SET data = 'not json'")
    assert cache.get("k") is None
    cache.close()


WRITER = textwrap.dedent(
    """
    import sys
    from tweetresolve.expansion import SQLiteCache
    from tweetresolve.records import Expansion
    path, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    cache = SQLiteCache(path)
    for n in range(count):
        result = Expansion(url=f"https://t.co/{n}", final_url="https://e.example/", ok=True)
        cache.put(f"{prefix}{n}", result)
        if n % 50 == 0:
            print(n, flush=True)
    print("done", flush=True)
    """
)


def _writer(path: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), prefix, str(count)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_several_processes_share_one_file(tmp_path: Path) -> None:
    """Processes writing the same file at once lose nothing."""
    path = tmp_path / "shared.sqlite"
    writers = [_writer(path, prefix, 300) for prefix in ("a", "b", "c")]
    for writer in writers:
        out, _ = writer.communicate(timeout=60)
        assert writer.returncode == 0
        assert out.strip().endswith("done")
    cache = SQLiteCache(path)
    assert len(cache) == 900
    assert cache.get("b299") is not None
    cache.close()


def test_kill_9_mid_run_keeps_completed_results(tmp_path: Path) -> None:
    """After SIGKILL, every reported result is there and the file is intact."""
    path = tmp_path / "killed.sqlite"
    writer = _writer(path, "k", 1_000_000)
    assert writer.stdout is not None
    reported = -1
    for line in writer.stdout:  # bounded: the writer stops on its own after 1e6 rows
        reported = int(line)
        if reported >= 500:
            break
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    writer.stdout.close()
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    cache = SQLiteCache(path)
    assert all(cache.get(f"k{n}") is not None for n in range(reported + 1))
    cache.close()
