"""resolve(..., hydrate=True): extraction, expansion, then hydration by the provenance rule."""

from __future__ import annotations

import asyncio
import re

import pytest
from bodies import SYNDICATION_FULL, TWEET_ID, mocked_transport
from pytest_httpx import HTTPXMock

import tweetresolve as tr

# A rendered widget keeps only the id: nothing else to read from the page.
PLACEHOLDER = (
    f'<div class="twitter-tweet twitter-tweet-rendered"><iframe id="twitter-widget-0" '
    f'title="X Post" src="https://platform.twitter.com/embed/Tweet.html?id={TWEET_ID}" '
    f'data-tweet-id="{TWEET_ID}"></iframe></div>'
)
# A blockquote whose text was edited since: the page's text stays, with a warning.
BLOCKQUOTE = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The 7:40 ferry is on time</p>'
    "&mdash; Marta Ferrywatch (@marta_ferrywatch) "
    f'<a href="https://twitter.com/marta_ferrywatch/status/{TWEET_ID}">March 14, 2024</a>'
    "</blockquote>"
)
SYNDICATION = re.compile(r"^https://cdn\.syndication\.twimg\.com/.*")


def hydrator() -> tr.Hydrator:
    return tr.Hydrator(transport=mocked_transport(), cache=None, retries=0)


def test_placeholder_is_completed(httpx_mock: HTTPXMock) -> None:
    """An id-only widget comes back with author, text, date, media and quoted post."""
    httpx_mock.add_response(url=SYNDICATION, json=SYNDICATION_FULL)
    with hydrator() as h:
        (post,) = tr.resolve(PLACEHOLDER, hydrator=h)
    assert post.form == "rendered"
    assert post.author is not None
    assert post.author.handle == "marta_ferrywatch"
    assert post.text is not None
    assert post.text.startswith("@harbour_desk The 7:40 ferry")
    assert [m.kind for m in post.media] == ["photo", "video"]
    assert post.quoted is not None
    assert "text" in post.hydrated


def test_page_text_wins_over_the_platform(httpx_mock: HTTPXMock) -> None:
    """The page's text is kept and the disagreement is a warning."""
    httpx_mock.add_response(url=SYNDICATION, json=SYNDICATION_FULL)
    with hydrator() as h:
        (post,) = tr.resolve(BLOCKQUOTE, hydrator=h)
    assert post.text == "The 7:40 ferry is on time"
    assert "hydration_text_differs" in post.warnings
    assert "text" not in post.hydrated
    assert "media" in post.hydrated


def test_without_hydrate_nothing_is_asked(httpx_mock: HTTPXMock) -> None:
    """``resolve()`` without ``hydrate`` sends no lookup (pytest-httpx fails on any request)."""
    (post,) = tr.resolve(PLACEHOLDER)
    assert post.hydrated == ()
    assert httpx_mock.get_requests() == []


def test_aresolve_hydrates(httpx_mock: HTTPXMock) -> None:
    """The async twin hydrates with an ``AsyncHydrator``."""
    httpx_mock.add_response(url=SYNDICATION, json=SYNDICATION_FULL)

    async def main() -> list[tr.Post]:
        async with tr.AsyncHydrator(transport=mocked_transport(), cache=None) as h:
            return await tr.aresolve(PLACEHOLDER, hydrator=h)

    (post,) = asyncio.run(main())
    assert post.lang == "en"


def test_wrong_hydrator_twin() -> None:
    """The sync resolver refuses the async hydrator and the reverse."""

    async def main() -> None:
        async with tr.AsyncHydrator() as own:
            with pytest.raises(TypeError, match="resolve\\(\\) needs a Hydrator"):
                tr.resolve(PLACEHOLDER, hydrator=own)  # type: ignore[arg-type]
        with tr.Hydrator() as sync, pytest.raises(TypeError, match="needs an AsyncHydrator"):
            await tr.aresolve(PLACEHOLDER, hydrator=sync)  # type: ignore[arg-type]

    asyncio.run(main())
