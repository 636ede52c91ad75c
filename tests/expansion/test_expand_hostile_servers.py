"""Hostile servers and hostile files: cookie storms, abandoned streams, corrupt caches."""

from __future__ import annotations

import gc
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from expand_server import running_server

from tweetresolve.errors import CacheError, TweetResolveError
from tweetresolve.expansion import Expander, SQLiteCache
from tweetresolve.expansion.cookies import (
    MAX_CHAIN_COOKIE_BYTES,
    MAX_CHAIN_COOKIES,
    ChainCookies,
)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running_server() as server:
        yield f"http://127.0.0.1:{server.server_port}"


def local(base: str, **options: Any) -> Expander:
    options.setdefault("cache", None)
    options.setdefault("retries", 0)
    return Expander(trusted_hosts=[f"127.0.0.1:{urlsplit(base).port}"], **options)


def response_setting(*cookies: str) -> httpx.Response:
    return httpx.Response(
        302,
        headers=[("Set-Cookie", cookie) for cookie in cookies],
        request=httpx.Request("GET", "https://example.com/"),
    )


# -- cookies -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cookies", "most"),
    [
        # Far more cookies than the count cap.
        ([f"c{n}=1" for n in range(2500)], MAX_CHAIN_COOKIES),
        # A few cookies, each near the largest size read: the byte cap binds.
        ([f"c{n}={'v' * 4000}" for n in range(10)], MAX_CHAIN_COOKIE_BYTES // 4000),
    ],
)
def test_chain_cookies_are_capped(cookies: list[str], most: int) -> None:
    """A response setting too many or too large cookies leaves the chain within its caps."""
    jar = ChainCookies()
    jar.extract(response_setting(*cookies))
    assert 0 < len(jar) <= most


def test_held_cookie_is_replaced_and_deleted_at_the_cap() -> None:
    """At the cap, a cookie the chain holds can still change value or be deleted."""
    jar = ChainCookies()
    jar.extract(response_setting(*[f"c{n}=1" for n in range(MAX_CHAIN_COOKIES)]))
    before = jar.digest()
    jar.extract(response_setting("brand_new=1"))
    assert jar.digest() == before  # a new cookie is dropped at the cap
    jar.extract(response_setting("c0=2"))
    assert jar.digest() != before  # a held one takes its new value
    jar.extract(response_setting("c1=gone; Max-Age=0"))
    assert len(jar) == MAX_CHAIN_COOKIES - 1


def test_oversized_set_cookie_header_is_skipped() -> None:
    """A Set-Cookie header longer than any real cookie is not read at all."""
    jar = ChainCookies()
    jar.extract(response_setting("big=" + "x" * 10_000, "small=1"))
    assert len(jar) == 1


@pytest.mark.integration
def test_cookie_storm_ends_as_a_loop(base: str) -> None:
    """A server redirecting to itself with 500 new cookies a hop is a loop, found at once."""
    with local(base, max_redirects=200) as expander:
        result = expander.expand(f"{base}/cookiestorm")
    assert result.error == "redirect_loop"
    assert len(result.hops) <= 3
    assert result.status == 302


# -- shutdown of the sync twin -----------------------------------------------------------


def _asyncio_errors(records: list[logging.LogRecord]) -> list[str]:
    return [r.getMessage() for r in records if r.name == "asyncio" and r.levelno >= logging.ERROR]


@pytest.mark.integration
def test_close_while_a_stream_is_open(base: str, caplog: pytest.LogCaptureFixture) -> None:
    """close() with a half-read stream cancels its work and leaves nothing pending."""
    urls = [f"{base}/final", *[f"{base}/hang?n={n}" for n in range(24)]]
    expander = local(base, concurrency=24, per_host=24)
    stream = expander.stream(urls)
    first = next(stream)
    assert first.ok
    expander.close()
    del stream
    gc.collect()  # a socket left to the collector would warn here (warnings are errors)
    assert _asyncio_errors(caplog.records) == []


@pytest.mark.integration
def test_dropping_a_half_read_stream(base: str, caplog: pytest.LogCaptureFixture) -> None:
    """A stream dropped after one result closes its work; the expander stays usable."""
    urls = [f"{base}/final", *[f"{base}/hang?m={n}" for n in range(8)]]
    with local(base, concurrency=8, per_host=8) as expander:
        stream = expander.stream(urls)
        assert next(stream).ok
        del stream
        gc.collect()
        assert expander.expand(f"{base}/final").ok
    gc.collect()
    assert _asyncio_errors(caplog.records) == []


# -- cache files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database" * 100,  # some other file
        b"SQLite format 3\x00" + b"\xff" * 4000,  # a corrupt SQLite header
    ],
)
def test_corrupt_cache_file_fails_at_construction(tmp_path: Path, content: bytes) -> None:
    """A cache path that is not a usable SQLite file raises CacheError when the expander is made."""
    path = tmp_path / "expansions.sqlite"
    path.write_bytes(content)
    with pytest.raises(CacheError) as caught:
        Expander(cache=path)
    assert isinstance(caught.value, TweetResolveError)
    assert caught.value.path == str(path)
    gc.collect()  # the failed connection was closed: no ResourceWarning here


def test_failing_pragma_closes_the_connection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When preparing the database fails, the connection is closed before the error."""
    closed: list[bool] = []
    real_connect = sqlite3.connect

    class Watched:
        def __init__(self, connection: sqlite3.Connection) -> None:
            self.connection = connection

        def execute(self, sql: str, *args: Any) -> Any:
            if sql.startswith("PRAGMA journal_mode"):
                raise sqlite3.OperationalError("disk I/O error")
            return self.connection.execute(sql, *args)

        def close(self) -> None:
            closed.append(True)
            self.connection.close()

    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: Watched(real_connect(*a, **k)))
    with pytest.raises(CacheError, match="disk I/O error"):
        SQLiteCache(tmp_path / "c.sqlite").open()
    assert closed == [True]
