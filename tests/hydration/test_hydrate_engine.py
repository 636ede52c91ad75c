"""The hydrator: batches, order, cache lifetimes, de-duplication, politeness, safety, options."""

from __future__ import annotations

import asyncio
import gc
import re
import typing
from pathlib import Path
from typing import Any

import httpcore
import httpx
import pytest
from bodies import CASE_BY_SOURCE, SYNDICATION_FULL, TWEET_URL, mocked_transport
from pytest_httpx import HTTPXMock

from tweetresolve.errors import CacheError, ExpanderClosedError, InvalidOptionError
from tweetresolve.expansion import GuardedTransport
from tweetresolve.hydration import (
    DEFAULT_HYDRATION_CACHE,
    AsyncHydrator,
    Hydrator,
    MemoryHydrationCache,
    SQLiteHydrationCache,
    ahydrate,
    hydrate,
)
from tweetresolve.hydration import fetch as fetch_module
from tweetresolve.hydration.result import Answer
from tweetresolve.records import Post

ANY_URL = re.compile(r".*")
BLUESKY = CASE_BY_SOURCE["bluesky_oembed"]
YOUTUBE = CASE_BY_SOURCE["youtube_oembed"]


def hydrator(**options: Any) -> Hydrator:
    options.setdefault("cache", None)
    options.setdefault("retries", 0)
    return Hydrator(transport=mocked_transport(), **options)


def test_results_in_input_order_with_one_request_per_post(httpx_mock: HTTPXMock) -> None:
    """``hydrate_many`` keeps input order; identical lookups are sent once (the default cache)."""
    httpx_mock.add_response(url=re.compile(r"https://embed\.bsky\.app/.*"), json=BLUESKY.full)
    httpx_mock.add_response(url=re.compile(r"https://www\.youtube\.com/.*"), json=YOUTUBE.full)
    post = Post(platform="bluesky", url=BLUESKY.url, post_id="3kferryabc22x", form="card")
    with hydrator(cache=DEFAULT_HYDRATION_CACHE) as h:
        results = h.hydrate_many([BLUESKY.url, YOUTUBE.url, post, "https://t.me/ferries/12"])
    assert [r.source for r in results] == [
        "bluesky_oembed",
        "youtube_oembed",
        "bluesky_oembed",
        None,
    ]
    assert [r.error for r in results] == [None, None, None, "unsupported"]
    assert results[2].post.form == "card"
    assert len(httpx_mock.get_requests()) == 2


def test_stream_yields_every_result(httpx_mock: HTTPXMock) -> None:
    """``stream`` yields one result per input, matched by their posts."""
    httpx_mock.add_response(url=ANY_URL, json=YOUTUBE.full, is_reusable=True)
    urls = [f"https://www.youtube.com/watch?v=AbCdEfGhI{n:02d}" for n in range(20)]
    with hydrator(concurrency=4) as h:
        got = sorted(result.post.url or "" for result in h.stream(urls))
    assert got == sorted(urls)


def test_cache_keeps_hits_and_gone_answers_for_their_own_lifetimes(httpx_mock: HTTPXMock) -> None:
    """A hit lives ``ttl``, a "gone" answer ``gone_ttl``; a network failure is not kept."""
    now = [1000.0]
    cache = SQLiteHydrationCache(ttl=100.0, gone_ttl=10.0, clock=lambda: now[0])
    gone = "https://www.youtube.com/watch?v=GoneGoneGon"
    broken = "https://www.youtube.com/watch?v=BrokenBroke"
    httpx_mock.add_response(url=re.compile(rf".*{YOUTUBE.url[-11:]}.*"), json=YOUTUBE.full)
    httpx_mock.add_response(url=re.compile(r".*GoneGoneGon.*"), status_code=404, is_reusable=True)
    httpx_mock.add_response(url=re.compile(r".*BrokenBroke.*"), status_code=500, is_reusable=True)
    with hydrator(cache=cache) as h:
        first = h.hydrate_many([YOUTUBE.url, gone, broken])
        now[0] += 50.0  # the "gone" answer has expired, the hit has not
        second = h.hydrate_many([YOUTUBE.url, gone, broken])
    assert [r.from_cache for r in first] == [False, False, False]
    assert [r.from_cache for r in second] == [True, False, False]
    assert [r.error for r in second] == [None, "not_found", "http_status"]
    assert second[0].post == first[0].post
    assert len(httpx_mock.get_requests()) == 5
    assert len(cache) == 2


def test_cached_gone_answer_is_reused(httpx_mock: HTTPXMock) -> None:
    """Within its lifetime a "gone" answer comes from the cache, warning and all."""
    httpx_mock.add_response(url=ANY_URL, status_code=404)
    with hydrator(cache=SQLiteHydrationCache()) as h:
        h.hydrate(YOUTUBE.url)
        again = h.hydrate(YOUTUBE.url)
    assert (again.error, again.from_cache) == ("not_found", True)
    assert again.post.warnings == ("hydration_not_found",)


def test_cache_file_is_shared_and_keys_hold_no_token(
    httpx_mock: HTTPXMock, tmp_path: typing.Any
) -> None:
    """A cache file serves a second hydrator; its keys never contain the access token."""
    case = CASE_BY_SOURCE["instagram_oembed"]
    httpx_mock.add_response(url=ANY_URL, json=case.full)
    path = tmp_path / "cache.sqlite"
    for _ in range(2):
        with hydrator(cache=path, meta_access_token="123|secret-token") as h:
            result = h.hydrate(case.url)
        assert result.ok
    assert b"secret-token" not in path.read_bytes()
    assert len(httpx_mock.get_requests()) == 1


def test_identical_lookups_in_flight_are_sent_once(httpx_mock: HTTPXMock) -> None:
    """Without a cache, lookups of one post running at the same time share one request."""

    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0.05)
        return httpx.Response(200, json=BLUESKY.full)

    httpx_mock.add_callback(slow, url=ANY_URL)
    with hydrator() as h:
        results = h.hydrate_many([BLUESKY.url] * 5)
    assert [r.ok for r in results] == [True] * 5
    assert len(httpx_mock.get_requests()) == 1


def test_default_cache_is_in_memory_and_bounded(httpx_mock: HTTPXMock) -> None:
    """The default cache answers a repeated lookup and forgets the least recently used."""
    httpx_mock.add_response(url=ANY_URL, json=YOUTUBE.full, is_reusable=True)
    cache = MemoryHydrationCache(max_entries=1)
    other = "https://www.youtube.com/watch?v=OtherOther1"
    with hydrator(cache=cache) as h:
        outcomes = [
            h.hydrate(url).from_cache for url in (YOUTUBE.url, YOUTUBE.url, other, YOUTUBE.url)
        ]
    assert outcomes == [False, True, False, False]
    assert len(cache) == 1


def test_cache_answer_round_trip() -> None:
    """An answer with a post comes back from the cache equal, marked ``from_cache``."""
    cache = SQLiteHydrationCache()
    answer = Answer(source="x", ok=True, status=200, post=Post(platform="twitter", post_id="20"))
    cache.put("k", answer)
    hit = cache.get("k")
    assert hit is not None
    assert (hit.from_cache, hit.post) == (True, answer.post)
    cache.put("network", Answer(source="x", error="timeout"))
    assert cache.get("network") is None


def test_nothing_is_sent_without_a_lookup(httpx_mock: HTTPXMock) -> None:
    """Creating, entering and closing a hydrator sends nothing."""
    with hydrator():
        pass

    async def main() -> None:
        async with AsyncHydrator(transport=mocked_transport()):
            pass

    asyncio.run(main())
    assert httpx_mock.get_requests() == []


def test_literal_private_host_is_refused_before_sending(httpx_mock: HTTPXMock) -> None:
    """A Mastodon permalink on a private address is ``blocked_address``; nothing is sent."""
    with hydrator() as h:
        result = h.hydrate("https://10.0.0.5/@ada/113079171241665414")
    assert result.error == "blocked_address"
    assert httpx_mock.get_requests() == []


class NoConnectBackend(httpcore.AsyncNetworkBackend):
    """Records connect attempts and refuses them: no socket is ever opened."""

    def __init__(self) -> None:
        self.connects: list[tuple[str, int]] = []

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.connects.append((host, port))
        raise httpcore.ConnectError("test backend: no network")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


async def private_resolver(host: str, port: int) -> list[str]:
    return ["10.1.2.3"]


def test_instance_resolving_to_a_private_address_is_refused() -> None:
    """The address actually connected to is checked: a name for 10.1.2.3 never connects."""
    backend = NoConnectBackend()
    transport = GuardedTransport(resolver=private_resolver, network_backend=backend)
    with Hydrator(transport=transport, cache=None, retries=0) as h:
        result = h.hydrate("https://intranet.example/@ada/113079171241665414")
    assert result.error == "blocked_address"
    assert backend.connects == []


def test_host_gate_spaces_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to one host start ``interval`` apart; a 429 pause holds them all."""
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(round(seconds, 6))

    monkeypatch.setattr("tweetresolve.hydration.fetch.time.monotonic", lambda: 100.0)
    monkeypatch.setattr("tweetresolve.hydration.fetch.asyncio.sleep", fake_sleep)
    gate = fetch_module.HostGate()

    async def main() -> None:
        for _ in range(3):
            async with gate.hold("a.example", 1, 0.5):
                pass
        async with gate.hold("b.example", 1, 0.5):
            gate.pause("b.example", 7.0)
        async with gate.hold("b.example", 1, 0.5):
            pass

    asyncio.run(main())
    # a.example: at once, then 0.5 s and 1.0 s from the (frozen) start; b.example:
    # at once, then after its 7 s pause.
    assert slept == [0.5, 1.0, 7.0]


def test_per_host_limit_caps_requests_in_flight(httpx_mock: HTTPXMock) -> None:
    """No more than ``per_host`` requests are in flight to one host."""
    in_flight = [0, 0]

    async def answer(request: httpx.Request) -> httpx.Response:
        in_flight[0] += 1
        in_flight[1] = max(in_flight)
        await asyncio.sleep(0.01)
        in_flight[0] -= 1
        return httpx.Response(200, json=YOUTUBE.full)

    httpx_mock.add_callback(answer, url=ANY_URL, is_reusable=True)
    urls = [f"https://www.youtube.com/watch?v=AbCdEfGhI{n:02d}" for n in range(12)]
    with hydrator(concurrency=12, per_host=3, min_interval=0) as h:
        results = h.hydrate_many(urls)
    assert all(r.ok for r in results)
    assert in_flight[1] == 3


@pytest.mark.parametrize(
    ("options", "option"),
    [
        ({"concurrency": 0}, "concurrency"),
        ({"per_host": 0}, "per_host"),
        ({"min_interval": -1}, "min_interval"),
        ({"timeout": 0}, "timeout"),
        ({"retries": 1.5}, "retries"),
        ({"max_body_bytes": True}, "max_body_bytes"),
        ({"endpoints": {"youtube_oembed": 3}}, "endpoints"),
        ({"meta_access_token": " "}, "meta_access_token"),
        ({"trusted_hosts": "127.0.0.1"}, "trusted_hosts"),
        ({"user_agent": ""}, "user_agent"),
        ({"cache": 42}, "cache"),
        ({"transport": object()}, "transport"),
        ({"colour": "blue"}, "options"),
    ],
)
def test_bad_options_raise(options: dict[str, Any], option: str) -> None:
    """A wrong option raises ``InvalidOptionError`` naming it, before anything is sent."""
    with pytest.raises(InvalidOptionError) as raised:
        Hydrator(**options)
    assert raised.value.option == option


@pytest.mark.parametrize("items", ["https://x.com/a/status/20", Post(platform="twitter")])
def test_a_single_item_is_not_a_batch(items: Any) -> None:
    """``hydrate()`` wants an iterable; a lone post or string is refused at once."""
    with pytest.raises(TypeError, match="wrap a single one in a list"):
        hydrate(items)


def test_items_of_the_wrong_type() -> None:
    """Anything but a Post or a str is a TypeError, before any request."""
    with hydrator() as h, pytest.raises(TypeError, match="expected a Post or a permalink str"):
        h.hydrate_many([TWEET_URL, 42])  # type: ignore[list-item]


def test_closed_hydrator_refuses_work() -> None:
    """A closed hydrator raises instead of sending."""
    h = hydrator()
    h.close()
    with pytest.raises(ExpanderClosedError, match="this hydrator is closed"):
        h.hydrate(TWEET_URL)


def test_ahydrate_with_a_hydrator_and_alone(httpx_mock: HTTPXMock) -> None:
    """``ahydrate`` uses a given hydrator, or makes its own from the options."""
    httpx_mock.add_response(url=ANY_URL, json=SYNDICATION_FULL, is_reusable=True)

    async def main() -> tuple[Any, Any]:
        async with AsyncHydrator(transport=mocked_transport()) as own:
            first = await ahydrate([TWEET_URL], hydrator=own)
        second = await ahydrate([TWEET_URL], transport=mocked_transport(), cache=None)
        return first, second

    first, second = asyncio.run(main())
    assert first[0].post == second[0].post
    assert first[0].source == "twitter_syndication"


def test_ahydrate_refuses_options_beside_a_hydrator() -> None:
    """Options go to the hydrator, not next to it."""

    async def main() -> None:
        async with AsyncHydrator() as own:
            await ahydrate([TWEET_URL], hydrator=own, retries=1)

    with pytest.raises(InvalidOptionError, match="pass options to the hydrator"):
        asyncio.run(main())


def test_sync_hydrator_works_inside_a_running_loop(httpx_mock: HTTPXMock) -> None:
    """The sync twin runs its own loop, so it also works where a loop is running."""
    httpx_mock.add_response(url=ANY_URL, json=YOUTUBE.full)

    async def main() -> bool:
        with hydrator() as h:
            return h.hydrate(YOUTUBE.url).ok

    assert asyncio.run(main())


def test_corrupt_sqlite_cache_file_raises_cache_error(tmp_path: Path) -> None:
    """A hydration cache path that is not a SQLite database raises CacheError on first use."""
    path = tmp_path / "hydrations.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    cache = SQLiteHydrationCache(path)
    with pytest.raises(CacheError, match="a hydration cache") as caught:
        cache.get("twitter_syndication|20")
    assert caught.value.path == str(path)
    gc.collect()  # the failed connection was closed: no ResourceWarning here
