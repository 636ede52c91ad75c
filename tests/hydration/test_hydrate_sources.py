"""Every hydration source against answers in its documented shapes, mocked with pytest-httpx."""

from __future__ import annotations

import gzip
import json
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from bodies import (
    CASE_BY_SOURCE,
    CASES,
    SYNDICATION_FULL,
    TWEET_URL,
    SourceCase,
    mocked_transport,
    tombstone,
)
from pytest_httpx import HTTPXMock

from tweetresolve.hydration import Hydration, hydrate
from tweetresolve.hydration.token import syndication_token

ANY_URL = re.compile(r".*")
SYNDICATION_URL = re.compile(r"^https://cdn\.syndication\.twimg\.com/tweet-result\?")
TWITTER_OEMBED_URL = re.compile(r"^https://publish\.twitter\.com/oembed\?")

#: One permalink per platform with a source.
PLATFORM_URLS = {
    "twitter": TWEET_URL,
    **{case.url.split("/")[2]: case.url for case in CASES if not case.source.startswith("twitter")},
}


def run(items: list[str], **options: Any) -> list[Hydration]:
    """Hydrate through httpx's own transport (which pytest-httpx replaces), no cache, no pauses."""
    options.setdefault("meta_access_token", "123|client-token")
    options.setdefault("retries", 0)
    options.setdefault("backoff", 0.0)
    return hydrate(items, transport=mocked_transport(), cache=None, **options)


def field(post: Any, dotted: str) -> Any:
    """Read ``author.name``-style paths; media as the tuple of kinds."""
    value = post
    for part in dotted.split("."):
        value = getattr(value, part)
    if dotted == "media":
        return tuple(item.kind for item in value)
    if dotted == "created_at":
        return value.isoformat()
    return value


def register_only(httpx_mock: HTTPXMock, case: SourceCase, body: dict[str, Any]) -> None:
    """Answer ``body`` from the case's source; Twitter's syndication says 404 before oEmbed."""
    if case.source == "twitter_oembed":
        httpx_mock.add_response(url=SYNDICATION_URL, status_code=404)
    httpx_mock.add_response(url=ANY_URL, json=body)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.source)
def test_full_answer_fills_the_documented_fields(httpx_mock: HTTPXMock, case: SourceCase) -> None:
    """A full answer fills every field the source gives, and names them in ``hydrated``."""
    register_only(httpx_mock, case, case.full)
    [result] = run([case.url])
    assert (result.ok, result.error, result.source) == (True, None, case.source)
    for name, expected in case.expected.items():
        assert field(result.post, name) == expected, name
    top_level = {name.split(".")[0] for name in result.post.hydrated}
    assert {name.split(".")[0] for name in case.expected} - {"author"} <= top_level
    assert result.post.warnings == ()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.source)
def test_minimal_answer_is_enough(httpx_mock: HTTPXMock, case: SourceCase) -> None:
    """The least each endpoint documents is read without error."""
    register_only(httpx_mock, case, case.minimal)
    [result] = run([case.url])
    assert (result.ok, result.source) == (True, case.source)
    assert result.post.hydrated


HUGE = json.dumps({"html": "<p>" + "x" * 5000 + "</p>", "type": "rich"}).encode()

# (response keyword arguments, the code every platform reports)
FAILURES: dict[str, tuple[dict[str, Any], str]] = {
    "404": ({"status_code": 404, "text": "Not Found"}, "not_found"),
    "410": ({"status_code": 410}, "deleted"),
    "429": ({"status_code": 429, "headers": {"Retry-After": "0"}}, "rate_limited"),
    "500": ({"status_code": 500}, "http_status"),
    "html_error_page": (
        {"html": "<html><body><h1>Something went wrong</h1></body></html>"},
        "bad_response",
    ),
    "truncated_json": (
        {
            "content": b'{"type": "rich", "html": "<blockquote',
            "headers": {"Content-Type": "application/json"},
        },
        "bad_response",
    ),
    "wrong_content_type": (
        {
            "content": json.dumps(SYNDICATION_FULL).encode(),
            "headers": {"Content-Type": "text/plain"},
        },
        "bad_response",
    ),
    "json_not_an_answer": ({"json": {"message": "ok"}}, "bad_response"),
    "json_array": ({"json": [1, 2, 3]}, "bad_response"),
    "huge_body": (
        {"content": HUGE, "headers": {"Content-Type": "application/json"}},
        "body_too_large",
    ),
}


@pytest.mark.parametrize("platform", sorted(PLATFORM_URLS))
@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_failures_are_codes(httpx_mock: HTTPXMock, platform: str, failure: str) -> None:
    """Each kind of bad answer, from every endpoint, is a fixed code and a warning on the post."""
    response, code = FAILURES[failure]
    httpx_mock.add_response(url=ANY_URL, is_reusable=True, **response)
    [result] = run([PLATFORM_URLS[platform]], max_body_bytes=4096)
    assert (result.ok, result.error) == (False, code)
    assert result.post.warnings == (f"hydration_{code}",)
    assert result.post.hydrated == ()


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("This Post was deleted by the Post author. Learn more", "deleted"),
        ("This Post is from a suspended account. Learn more", "suspended"),
        (
            "You’re unable to view this Post because this account owner limits who can view "
            "their Posts. Learn more",
            "protected",
        ),
        ("This Post is from an account that no longer exists. Learn more", "not_found"),
        ("This Post violated the rules. Learn more", "deleted"),
    ],
)
def test_tombstones(httpx_mock: HTTPXMock, sentence: str, code: str) -> None:
    """A tombstone's sentence gives its code; a final one asks no other source."""
    httpx_mock.add_response(url=SYNDICATION_URL, json=tombstone(sentence))
    if code == "not_found":
        httpx_mock.add_response(url=TWITTER_OEMBED_URL, status_code=404)
    [result] = run([TWEET_URL])
    assert (result.ok, result.error) == (False, code)
    assert result.post.warnings == (f"hydration_{code}",)


def test_empty_syndication_answer_is_not_found(httpx_mock: HTTPXMock) -> None:
    """An empty object from the syndication endpoint means no such tweet; oEmbed agrees."""
    httpx_mock.add_response(url=SYNDICATION_URL, json={})
    httpx_mock.add_response(url=TWITTER_OEMBED_URL, status_code=404)
    [result] = run([TWEET_URL])
    assert result.error == "not_found"


def test_syndication_request_carries_id_token_and_language(httpx_mock: HTTPXMock) -> None:
    """The request names the id, the widget's token for it, and the asked language."""
    httpx_mock.add_response(url=SYNDICATION_URL, json=SYNDICATION_FULL)
    run(["https://twitter.com/marta_ferrywatch/status/01768312345678901248"], lang="de")
    [request] = httpx_mock.get_requests()
    query = parse_qs(urlsplit(str(request.url)).query)
    tweet_id = "1768312345678901248"
    assert query == {"id": [tweet_id], "token": [syndication_token(tweet_id)], "lang": ["de"]}


@pytest.mark.parametrize(
    ("url", "endpoint", "params"),
    [
        (
            CASE_BY_SOURCE["youtube_oembed"].url,
            "https://www.youtube.com/oembed",
            {"format": ["json"]},
        ),
        (CASE_BY_SOURCE["tiktok_oembed"].url, "https://www.tiktok.com/oembed", {}),
        (CASE_BY_SOURCE["bluesky_oembed"].url, "https://embed.bsky.app/oembed", {}),
        (CASE_BY_SOURCE["reddit_oembed"].url, "https://www.reddit.com/oembed", {}),
        (CASE_BY_SOURCE["tumblr_oembed"].url, "https://www.tumblr.com/oembed/1.0", {}),
        (CASE_BY_SOURCE["mastodon_oembed"].url, "https://harbour.example/api/oembed", {}),
        (CASE_BY_SOURCE["truthsocial_oembed"].url, "https://truthsocial.com/api/oembed", {}),
        (
            CASE_BY_SOURCE["instagram_oembed"].url,
            "https://graph.facebook.com/v21.0/instagram_oembed",
            {"omitscript": ["true"], "access_token": ["123|client-token"]},
        ),
        (
            CASE_BY_SOURCE["facebook_oembed"].url,
            "https://graph.facebook.com/v21.0/oembed_post",
            {"omitscript": ["true"], "access_token": ["123|client-token"]},
        ),
        (
            "https://www.facebook.com/ferrypage/videos/1234567890123/",
            "https://graph.facebook.com/v21.0/oembed_video",
            {"omitscript": ["true"], "access_token": ["123|client-token"]},
        ),
        (
            CASE_BY_SOURCE["threads_oembed"].url,
            "https://graph.threads.net/v1.0/oembed",
            {"access_token": ["123|client-token"]},
        ),
    ],
)
def test_oembed_requests(
    httpx_mock: HTTPXMock, url: str, endpoint: str, params: dict[str, list[str]]
) -> None:
    """Each oEmbed request goes to the provider's published endpoint with the permalink."""
    httpx_mock.add_response(url=ANY_URL, json={"author_name": "Someone", "type": "rich"})
    [result] = run([url])
    assert result.ok
    [request] = httpx_mock.get_requests()
    parts = urlsplit(str(request.url))
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == endpoint
    query = parse_qs(parts.query)
    assert query.pop("url") == [result.post.url]
    assert query == params


def test_twitter_falls_back_to_oembed(httpx_mock: HTTPXMock) -> None:
    """When the syndication endpoint fails, oEmbed's blockquote is read by the Twitter detector."""
    httpx_mock.add_response(url=SYNDICATION_URL, status_code=503)
    httpx_mock.add_response(url=TWITTER_OEMBED_URL, json=CASE_BY_SOURCE["twitter_oembed"].full)
    [result] = run([TWEET_URL])
    assert (result.ok, result.source) == (True, "twitter_oembed")
    assert result.post.date_text == "March 14, 2024"
    oembed = httpx_mock.get_requests()[1]
    assert parse_qs(urlsplit(str(oembed.url)).query)["omit_script"] == ["1"]


@pytest.mark.parametrize("source", ["instagram_oembed", "facebook_oembed", "threads_oembed"])
def test_meta_sources_need_a_token(httpx_mock: HTTPXMock, source: str) -> None:
    """Without a Meta access token nothing is sent and the code says why."""
    [result] = run([CASE_BY_SOURCE[source].url], meta_access_token=None)
    assert (result.error, result.source) == ("needs_token", source)
    assert result.post.warnings == ("hydration_needs_token",)
    assert httpx_mock.get_requests() == []


def test_refused_meta_token(httpx_mock: HTTPXMock) -> None:
    """Meta's OAuth error for a bad token is ``needs_token``, not a missing post."""
    error = {
        "error": {"message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190}
    }
    httpx_mock.add_response(url=ANY_URL, status_code=400, json=error)
    [result] = run([CASE_BY_SOURCE["instagram_oembed"].url])
    assert result.error == "needs_token"


@pytest.mark.parametrize("status", [401, 403])
def test_private_video_is_protected(httpx_mock: HTTPXMock, status: int) -> None:
    """YouTube answers 401/403 for private videos and those not embeddable."""
    httpx_mock.add_response(url=ANY_URL, status_code=status, text="Unauthorized")
    [result] = run([CASE_BY_SOURCE["youtube_oembed"].url])
    assert (result.error, result.status) == ("protected", status)


def test_endpoint_override(httpx_mock: HTTPXMock) -> None:
    """A per-source endpoint sends the request to a mirror instead."""
    httpx_mock.add_response(url=ANY_URL, json=CASE_BY_SOURCE["youtube_oembed"].full)
    run(
        [CASE_BY_SOURCE["youtube_oembed"].url],
        endpoints={"youtube_oembed": "https://mirror.example/yt/oembed?key=1"},
    )
    [request] = httpx_mock.get_requests()
    assert str(request.url).startswith("https://mirror.example/yt/oembed?key=1&url=")


def test_retry_after_429_then_success(httpx_mock: HTTPXMock) -> None:
    """A 429 with ``Retry-After`` is waited out and the request repeated."""
    case = CASE_BY_SOURCE["bluesky_oembed"]
    httpx_mock.add_response(url=ANY_URL, status_code=429, headers={"Retry-After": "0"})
    httpx_mock.add_response(url=ANY_URL, json=case.full)
    [result] = run([case.url], retries=1)
    assert result.ok
    assert len(httpx_mock.get_requests()) == 2


def test_retry_after_longer_than_allowed_gives_up_at_once(httpx_mock: HTTPXMock) -> None:
    """A ``Retry-After`` past ``max_retry_after`` is ``rate_limited`` without another request."""
    httpx_mock.add_response(url=ANY_URL, status_code=429, headers={"Retry-After": "3600"})
    [result] = run([CASE_BY_SOURCE["bluesky_oembed"].url], retries=3, max_retry_after=5)
    assert result.error == "rate_limited"
    assert len(httpx_mock.get_requests()) == 1


def test_gzip_body_is_read(httpx_mock: HTTPXMock) -> None:
    """A compressed answer is decoded."""
    case = CASE_BY_SOURCE["bluesky_oembed"]
    body = gzip.compress(json.dumps(case.full).encode())
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    httpx_mock.add_response(url=ANY_URL, content=body, headers=headers)
    [result] = run([case.url])
    assert result.ok


def test_gzip_bomb_is_capped(httpx_mock: HTTPXMock) -> None:
    """A small compressed body that inflates past the cap is ``body_too_large``."""
    body = gzip.compress(b'{"html": "' + b" " * 2_000_000 + b'"}')
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    httpx_mock.add_response(url=ANY_URL, content=body, headers=headers)
    [result] = run([CASE_BY_SOURCE["bluesky_oembed"].url], max_body_bytes=65536)
    assert result.error == "body_too_large"
    assert len(body) < 65536
