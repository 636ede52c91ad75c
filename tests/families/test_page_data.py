"""Posts held only in page data: JSON state, ld+json, escaped embed code."""

from __future__ import annotations

import json
from typing import Any

import pytest

import tweetresolve
from tweetresolve.families.pagedata import find_page_data
from tweetresolve.html import parse_page
from tweetresolve.records import Post

TWEET_A = "1400000000000000001"
TWEET_B = "1400000000000000002"
TIKTOK = "7100000000000000001"

HEAD = (
    "<head><title>Ferries run late again | Harbour News</title>"
    '<link rel="canonical" href="https://news.example/local/ferries-run-late"></head>'
)


def _page(script: str, body: str = "<p>Story.</p>") -> str:
    return f"<html>{HEAD}<body>{body}{script}</body></html>"


def _found(html: str) -> list[Post]:
    page = parse_page(html)
    assert page is not None
    return [c.post for c in find_page_data(page)]


def _json_script(value: object, kind: str = "application/json", extra: str = "") -> str:
    return f'<script type="{kind}"{extra}>{json.dumps(value)}</script>'


ARTICLE = {"headline": "Ferries run late again", "url": "/local/ferries-run-late"}


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # __NEXT_DATA__ with a typed block holding the permalink.
        (
            _page(
                _json_script(
                    {
                        "props": {
                            "pageProps": {
                                "story": {
                                    **ARTICLE,
                                    "blocks": [
                                        {
                                            "type": "twitter",
                                            "url": f"https://twitter.com/ada/status/{TWEET_A}",
                                        }
                                    ],
                                }
                            }
                        }
                    },
                    extra=' id="__NEXT_DATA__"',
                )
            ),
            [("twitter", TWEET_A, "ada")],
        ),
        # A window.__…STATE__ assignment holding a Twitter API object.
        (
            _page(
                "<script>window.__INITIAL_STATE__ = "
                + json.dumps(
                    {
                        "article": {
                            **ARTICLE,
                            "embeds": [
                                {
                                    "id_str": TWEET_A,
                                    "full_text": "Boats late",
                                    "user": {"screen_name": "ada", "name": "Ada"},
                                }
                            ],
                        }
                    }
                )
                + ";</script>"
            ),
            [("twitter", TWEET_A, "ada")],
        ),
        # The old search API's from_user, in a JSON.parse string.
        (
            _page(
                "<script>var s = JSON.parse("
                + json.dumps(
                    json.dumps({"results": [{"id_str": TWEET_B, "text": "hi", "from_user": "bo"}]})
                )
                + ");</script>"
            ),
            [("twitter", TWEET_B, "bo")],
        ),
        # ld+json: a SocialMediaPosting and an article's sharedContent (other languages).
        (
            _page(
                _json_script(
                    {
                        "@context": "https://schema.org",
                        "@type": "NewsArticle",
                        "headline": "Fähren",
                        "sharedContent": {
                            "@type": "WebPage",
                            "url": "https://www.instagram.com/p/CaBcDeFgHiJ/",
                        },
                    },
                    kind="application/ld+json",
                )
            ),
            [("instagram", "CaBcDeFgHiJ", None)],
        ),
        (
            _page(
                _json_script(
                    {
                        "@type": "SocialMediaPosting",
                        "url": f"https://www.tiktok.com/@ada/video/{TIKTOK}",
                    },
                    kind="application/ld+json",
                )
            ),
            [("tiktok", TIKTOK, "ada")],
        ),
        # A key naming the platform, in a Vue-style store.
        (
            _page(
                '<script>window.__NUXT_STATE__={"page":{"embed":{"tweetId":"'
                + TWEET_A
                + '"}}}</script>'
            ),
            [("twitter", TWEET_A, None)],
        ),
    ],
)
def test_page_data_variants(html: str, expected: list[tuple[str, str, str | None]]) -> None:
    """Each way of keeping a post in page data gives it, with form data."""
    posts = _found(html)
    assert [(p.platform, p.post_id, p.handle) for p in posts] == expected
    assert {p.form for p in posts} == {"data"}


@pytest.mark.parametrize(
    "wrap",
    [
        _json_script,
        lambda state: f"<script>window.__APP_STATE__ = {json.dumps(state)};</script>",
    ],
)
def test_escaped_embed_code_in_json_strings(wrap: Any) -> None:
    """Embed markup inside a JSON string is read by the HTML detectors, form data."""
    code = (
        f'<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@ada/video/{TIKTOK}"'
        f' data-video-id="{TIKTOK}"><section></section></blockquote>'
    )
    other = code.replace(TIKTOK, "7100000000000000009")
    state = {
        "story": {**ARTICLE, "body": [{"kind": "html", "embedCode": code}]},
        "recommended": [{"headline": "Trams", "url": "/trams", "body": [{"html": other}]}],
    }
    posts = tweetresolve.extract(_page(wrap(state)))
    assert [(p.platform, p.post_id, p.form) for p in posts] == [("tiktok", TIKTOK, "data")]


def test_json_copy_of_an_embed_on_the_page_adds_nothing() -> None:
    """A post in page data that the page also shows keeps the page's form."""
    body = (
        f'<blockquote class="twitter-tweet"><p>Boats</p>&mdash; Ada (@ada) <a href='
        f'"https://twitter.com/ada/status/{TWEET_A}">May 1, 2021</a></blockquote>'
    )
    state = {"story": {**ARTICLE, "blocks": [{"type": "tweet", "id": TWEET_A}]}}
    posts = tweetresolve.extract(_page(_json_script(state), body=body))
    assert [(p.post_id, p.form) for p in posts] == [(TWEET_A, "blockquote")]


def test_other_articles_in_the_state_are_not_this_pages_posts() -> None:
    """Posts of other stories (a related module, another article object) are decoys."""
    state = {
        "story": {**ARTICLE, "body": [{"type": "tweet", "id": TWEET_A}]},
        "relatedStories": [
            {"headline": "Bridge", "url": "/bridge", "body": [{"type": "tweet", "id": TWEET_B}]}
        ],
        "stories": {
            "next": {
                "title": "A whole other story about trams",
                "url": "/trams",
                "body": [
                    {"provider": "instagram", "url": "https://www.instagram.com/p/CzYxWvUtSrQ/"}
                ],
            }
        },
    }
    posts = _found(_page(_json_script(state)))
    assert [p.post_id for p in posts] == [TWEET_A]


@pytest.mark.parametrize(
    "script",
    [
        # Links in an article's data are links, not embeds.
        _json_script(
            {"links": [{"type": "link", "url": f"https://twitter.com/ada/status/{TWEET_A}"}]}
        ),
        # Share configuration and profile URLs.
        _json_script(
            {"share": {"twitter": "https://twitter.com/intent/tweet?url=x", "via": "ada"}}
        ),
        _json_script({"social": {"type": "twitter", "url": "https://twitter.com/ada"}}),
        # A template is markup, not data.
        f'<script type="text/template">{{"type": "tweet", "id": "{TWEET_A}"}}</script>',
        # Broken JSON and JS literals that are not JSON.
        '<script>window.__STATE__ = {type: "tweet", id: "' + TWEET_A + '"</script>',
        '<script type="application/json">{"type": "tweet", "id": </script>',
        # A short number in a typed object is not a tweet id.
        _json_script({"type": "tweet", "id": 3}),
        # An author's account number, an embed of another host, a profile in an embed.
        _json_script({"author": {"name": "Ada", "twitterId": "1234567890", "tiktok_id": TIKTOK}}),
        _json_script({"type": "embed", "provider": "vimeo", "url": "https://vimeo.com/123456"}),
        _json_script({"type": "social_embed", "url": "https://www.instagram.com/ada/"}),
    ],
)
def test_page_data_decoys(script: str) -> None:
    """Links, share settings, profiles, templates and broken JSON give nothing."""
    assert _found(_page(script)) == []
