"""Hydration against a real HTTP server on 127.0.0.1 standing in for every endpoint."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from bodies import CASES, TWEET_ID
from hydrate_standin import endpoints, running_standin

from tweetresolve.hydration import Hydrator

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def standin() -> Iterator[tuple[int, Any]]:
    with running_standin() as server:
        yield server


def make(port: int, **options: Any) -> Hydrator:
    options.setdefault("trusted_hosts", ["127.0.0.1"])
    return Hydrator(
        endpoints=endpoints(port),
        meta_access_token="123|client-token",
        cache=None,
        backoff=0.0,
        per_host=16,
        min_interval=0.0,
        **options,
    )


def test_every_source_through_the_standin(standin: tuple[int, Any]) -> None:
    """One batch with a post of every platform: each is hydrated by its own source."""
    port, _ = standin
    urls = [case.url for case in CASES if case.source != "twitter_oembed"]
    with make(port) as hydrator:
        results = hydrator.hydrate_many(urls)
    assert [(r.ok, r.source) for r in results] == [
        (True, case.source) for case in CASES if case.source != "twitter_oembed"
    ]
    assert all(r.post.hydrated for r in results)


@pytest.mark.parametrize(
    ("ending", "ok", "source", "error"),
    [
        ("248", True, "twitter_syndication", None),  # the token checks out
        ("404", True, "twitter_oembed", None),  # no such id: oEmbed answers instead
        ("410", False, "twitter_syndication", "deleted"),
        ("403", False, "twitter_syndication", "protected"),
        ("429", True, "twitter_syndication", None),  # 429 once, then the answer
    ],
)
def test_twitter_outcomes(
    standin: tuple[int, Any], ending: str, ok: bool, source: str, error: str | None
) -> None:
    """Tokens, tombstones, fallback and Retry-After against the real server."""
    port, _ = standin
    tweet_id = TWEET_ID[:-3] + ending
    with make(port, retries=1) as hydrator:
        result = hydrator.hydrate(f"https://x.com/marta_ferrywatch/status/{tweet_id}")
    assert (result.ok, result.source, result.error) == (ok, source, error)


def test_loopback_is_refused_unless_trusted(standin: tuple[int, Any]) -> None:
    """Without ``trusted_hosts`` the address policy refuses the stand-in on 127.0.0.1."""
    port, state = standin
    before = state.requests
    with make(port, trusted_hosts=[]) as hydrator:
        result = hydrator.hydrate(CASES[2].url)
    assert result.error == "blocked_address"
    assert state.requests == before


@pytest.mark.parametrize(("path", "error"), [("huge", "body_too_large"), ("html", "bad_response")])
def test_hostile_answers(standin: tuple[int, Any], path: str, error: str) -> None:
    """A huge body and an HTML error page from a real socket are codes, not crashes."""
    port, _ = standin
    with Hydrator(
        endpoints={"youtube_oembed": f"http://127.0.0.1:{port}/{path}"},
        trusted_hosts=["127.0.0.1"],
        cache=None,
        max_body_bytes=65536,
    ) as hydrator:
        result = hydrator.hydrate("https://www.youtube.com/watch?v=AbCdEfGhIjK")
    assert result.error == error
