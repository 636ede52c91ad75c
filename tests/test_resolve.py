"""Tests of resolve()/aresolve(): extraction, link expansion and what expansion reveals."""

from __future__ import annotations

import asyncio
import datetime as dt

import httpx
import pytest
from pytest_httpx import HTTPXMock

from tweetresolve.errors import InvalidOptionError
from tweetresolve.expansion import AsyncExpander, Expander
from tweetresolve.records import PostRef
from tweetresolve.resolve import aresolve, resolve

TWEET_ID = "1508951925456744449"
OTHER_ID = "1508951925456744000"

TEXT_SEED = (
    "Sunny day at the harbour pic.twitter.com/AbCdEf1234\n"
    "— Ada Example (@ada_example) March 30, 2022"
)

BLOCKQUOTE = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Read this '
    '<a href="https://t.co/Qq1Ww2Ee3R">https://t.co/Qq1Ww2Ee3R</a></p>'
    "&mdash; Ada Example (@ada_example) "
    f'<a href="https://twitter.com/ada_example/status/{TWEET_ID}">March 30, 2022</a></blockquote>'
)


def mocked_expander() -> Expander:
    return Expander(transport=httpx.AsyncHTTPTransport(), retries=0)


def redirect(httpx_mock: HTTPXMock, url: str, location: str, final_status: int = 200) -> None:
    httpx_mock.add_response(url=url, status_code=301, headers={"Location": location})
    httpx_mock.add_response(url=location, status_code=final_status, html="<p>x</p>")


@pytest.mark.parametrize("final_status", [200, 403])
def test_media_link_gives_the_post_its_id(httpx_mock: HTTPXMock, final_status: int) -> None:
    """The seed case: the post's own photo reveals its id, URL and creation time."""
    redirect(
        httpx_mock,
        "https://pic.twitter.com/AbCdEf1234",
        f"https://twitter.com/ada_example/status/{TWEET_ID}/photo/1",
        final_status,
    )
    with mocked_expander() as expander:
        (post,) = resolve(TEXT_SEED, expander=expander)
    assert post.post_id == TWEET_ID
    assert post.url == f"https://twitter.com/ada_example/status/{TWEET_ID}"
    assert post.created_at == dt.datetime(2022, 3, 29, 23, 39, 8, 656000, tzinfo=dt.timezone.utc)
    assert post.quoted is None
    expansion = post.links[0].expansion
    assert expansion is not None
    assert expansion.final_url == f"https://twitter.com/ada_example/status/{TWEET_ID}/photo/1"


def test_media_of_another_author_is_a_quote(httpx_mock: HTTPXMock) -> None:
    """Media reused from someone else's tweet keeps the attribution and becomes quoted."""
    redirect(
        httpx_mock,
        "https://pic.twitter.com/AbCdEf1234",
        f"https://x.com/Someone_Else/status/{OTHER_ID}/photo/1",
    )
    with mocked_expander() as expander:
        (post,) = resolve(TEXT_SEED, expander=expander)
    assert post.post_id is None
    assert post.handle == "ada_example"
    assert post.quoted == PostRef(
        platform="twitter",
        post_id=OTHER_ID,
        handle="Someone_Else",
        url=f"https://twitter.com/Someone_Else/status/{OTHER_ID}",
    )


def test_handle_comparison_ignores_case(httpx_mock: HTTPXMock) -> None:
    """@Ada_Example and @ada_example are the same account."""
    redirect(
        httpx_mock,
        "https://pic.twitter.com/AbCdEf1234",
        f"https://twitter.com/ADA_EXAMPLE/status/{TWEET_ID}/video/1",
    )
    with mocked_expander() as expander:
        (post,) = resolve(TEXT_SEED, expander=expander)
    assert post.post_id == TWEET_ID


def test_link_to_another_status_is_quoted(httpx_mock: HTTPXMock) -> None:
    """A t.co link landing on another tweet records that tweet as quoted."""
    redirect(
        httpx_mock,
        "https://t.co/Qq1Ww2Ee3R",
        f"https://twitter.com/bob_example/status/{OTHER_ID}",
    )
    with mocked_expander() as expander:
        (post,) = resolve(BLOCKQUOTE, expander=expander)
    assert post.post_id == TWEET_ID
    assert post.quoted is not None
    assert (post.quoted.post_id, post.quoted.handle) == (OTHER_ID, "bob_example")


def test_link_to_the_post_itself_changes_nothing(httpx_mock: HTTPXMock) -> None:
    """A link back to the same tweet is not a quote."""
    redirect(
        httpx_mock, "https://t.co/Qq1Ww2Ee3R", f"https://twitter.com/ada_example/status/{TWEET_ID}"
    )
    with mocked_expander() as expander:
        (post,) = resolve(BLOCKQUOTE, expander=expander)
    assert post.quoted is None


def test_failed_expansion_is_attached(httpx_mock: HTTPXMock) -> None:
    """A failure is attached as a value and the post stays as extracted."""
    httpx_mock.add_exception(httpx.ConnectError("refused"), url="https://t.co/Qq1Ww2Ee3R")
    with mocked_expander() as expander:
        (post,) = resolve(BLOCKQUOTE, expander=expander)
    expansion = post.links[0].expansion
    assert expansion is not None
    assert (expansion.ok, expansion.error) == (False, "connect")
    assert post.quoted is None


def test_links_shared_by_posts_are_expanded_once(httpx_mock: HTTPXMock) -> None:
    """The same link in two posts costs one fetch."""
    redirect(httpx_mock, "https://t.co/Qq1Ww2Ee3R", "https://example.com/article")
    with mocked_expander() as expander:
        posts = resolve(
            BLOCKQUOTE + "<hr>" + BLOCKQUOTE.replace(TWEET_ID, OTHER_ID), expander=expander
        )
    assert len(posts) == 2
    assert all(p.links[0].expansion is not None for p in posts)
    assert len(httpx_mock.get_requests()) == 2  # the t.co hop and the article, once


def test_aresolve(httpx_mock: HTTPXMock) -> None:
    """The async twin gives the same answer."""
    redirect(
        httpx_mock,
        "https://pic.twitter.com/AbCdEf1234",
        f"https://twitter.com/ada_example/status/{TWEET_ID}/photo/1",
    )

    async def main() -> str | None:
        async with AsyncExpander(transport=httpx.AsyncHTTPTransport()) as expander:
            (post,) = await aresolve(TEXT_SEED, expander=expander)
        return post.post_id

    assert asyncio.run(main()) == TWEET_ID


def test_document_without_links_needs_no_network(httpx_mock: HTTPXMock) -> None:
    """Posts without links come back as extracted."""
    posts = resolve("Plain words\n— Ada Example (@ada_example) March 30, 2022")
    assert [p.handle for p in posts] == ["ada_example"]
    assert httpx_mock.get_requests() == []


def test_wrong_expander_type() -> None:
    """Each twin takes its own kind of expander."""
    with pytest.raises(TypeError, match="use aresolve"):
        resolve(TEXT_SEED, expander=AsyncExpander())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="use resolve"):
        asyncio.run(aresolve(TEXT_SEED, expander=Expander()))  # type: ignore[arg-type]


PROFILE_AND_SHORT = (
    "Ferries run late today https://t.co/Qq1Ww2Ee3R #harbour https://example.org/story\n"
    "— Ada Example (@ada_example) March 30, 2022"
)


def test_default_expands_only_short_links(httpx_mock: HTTPXMock) -> None:
    """By default resolve() requests the short link and leaves ordinary links alone."""
    redirect(httpx_mock, "https://t.co/Qq1Ww2Ee3R", "https://example.org/landing")
    (post,) = resolve(PROFILE_AND_SHORT, transport=httpx.AsyncHTTPTransport(), retries=0)
    by_url = {link.url: link.expansion for link in post.links}
    assert by_url["https://t.co/Qq1Ww2Ee3R"] is not None
    assert by_url["https://example.org/story"] is None
    requested = {str(request.url) for request in httpx_mock.get_requests()}
    assert requested == {"https://t.co/Qq1Ww2Ee3R", "https://example.org/landing"}


def test_expand_all_expands_every_link(httpx_mock: HTTPXMock) -> None:
    """expand="all" requests every link of every post."""
    redirect(httpx_mock, "https://t.co/Qq1Ww2Ee3R", "https://example.org/landing")
    httpx_mock.add_response(url="https://example.org/story", html="<p>story</p>")
    (post,) = resolve(
        PROFILE_AND_SHORT, expand="all", transport=httpx.AsyncHTTPTransport(), retries=0
    )
    assert all(link.expansion is not None and link.expansion.ok for link in post.links)


def test_aresolve_takes_expander_options(httpx_mock: HTTPXMock) -> None:
    """aresolve() builds its expander from the same keyword options as resolve()."""
    redirect(httpx_mock, "https://t.co/Qq1Ww2Ee3R", "https://example.org/landing")
    (post,) = asyncio.run(
        aresolve(PROFILE_AND_SHORT, transport=httpx.AsyncHTTPTransport(), retries=0, cache=None)
    )
    expansion = post.links[0].expansion
    assert expansion is not None
    assert expansion.final_url == "https://example.org/landing"


def test_trusted_hosts_reach_the_expander(httpx_mock: HTTPXMock) -> None:
    """trusted_hosts is an expander option resolve() accepts, not an extract() argument."""
    httpx_mock.add_response(url="http://127.0.0.1:8765/page", html="<p>local</p>")
    text = "Look http://127.0.0.1:8765/page\n— Ada Example (@ada_example) March 30, 2022"
    (refused,) = resolve(text, expand="all", transport=httpx.AsyncHTTPTransport(), retries=0)
    assert refused.links[0].expansion is not None
    assert refused.links[0].expansion.error == "blocked_address"
    (post,) = resolve(
        text,
        expand="all",
        trusted_hosts=["127.0.0.1:8765"],
        transport=httpx.AsyncHTTPTransport(),
        retries=0,
    )
    assert post.links[0].expansion is not None
    assert post.links[0].expansion.ok


@pytest.mark.parametrize(
    ("options", "message"),
    [
        # Options for a temporary expander make no sense beside a given one.
        ({"timeout": 1.0}, r"expander options \(timeout\) cannot be combined"),
        # A misspelt choice of links.
        ({"expand": "some"}, "expand must be 'short' or 'all'"),
    ],
)
def test_resolve_refuses_bad_options(options: dict[str, object], message: str) -> None:
    """Wrong resolve() options raise InvalidOptionError before anything is fetched."""
    with Expander(cache=None) as expander, pytest.raises(InvalidOptionError, match=message):
        resolve(TEXT_SEED, expander=expander, **options)  # type: ignore[arg-type]


def test_unknown_option_is_refused() -> None:
    """An option no expander knows raises InvalidOptionError, not a TypeError from extract()."""
    with pytest.raises(InvalidOptionError):
        resolve(TEXT_SEED, trusted_host=["127.0.0.1"])  # type: ignore[call-arg]


def test_unknown_option_is_refused_without_links() -> None:
    """Options are checked even when the document has no link to expand."""
    with pytest.raises(InvalidOptionError):
        resolve("nothing to see here", retries=-1)
