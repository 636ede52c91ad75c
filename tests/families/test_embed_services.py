"""Posts shown through third-party embed services: embed links and service frames."""

from __future__ import annotations

from urllib.parse import quote

import pytest

import tweetresolve
from tweetresolve.families.services import find_embed_services
from tweetresolve.html import parse_page

TWEET = "1400000000000000001"
TWEET_URL = f"https://twitter.com/ada_example/status/{TWEET}"
TIKTOK = "7100000000000000001"
TIKTOK_URL = f"https://www.tiktok.com/@ada.example/video/{TIKTOK}"
INSTAGRAM_URL = "https://www.instagram.com/p/CaBcDeFgHiJ/"
BSKY_URL = "https://bsky.app/profile/ada.example.com/post/3kabcdefghij2"


def _found(markup: str) -> list[tuple[str, str | None, str]]:
    page = parse_page(f"<html><body><article><p>Prose.</p>{markup}</article></body></html>")
    assert page is not None
    return [(c.post.platform, c.post.post_id, c.post.form) for c in find_embed_services(page)]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Embed links: a class naming an embed around one permalink, for several services.
        (f'<a class="embedly-card" href="{TWEET_URL}">Ada on X</a>', ("twitter", TWEET)),
        (
            f'<blockquote class="embedly-card" data-card-controls="0"><h4><a href="{TWEET_URL}">'
            'Ada Example on X: "The late boat again"</a></h4><p>The late boat again</p>'
            "</blockquote>",
            ("twitter", TWEET),
        ),
        (
            '<div class="iframely-embed"><div class="iframely-responsive" style="padding:0">'
            f'<a href="{TIKTOK_URL}" data-iframely-url="//cdn.iframe.ly/AbC1dE"></a></div></div>',
            ("tiktok", TIKTOK),
        ),
        (
            f'<div class="article-embed social"><p><a href="{INSTAGRAM_URL}">View on Instagram'
            "</a></p></div>",
            ("instagram", "CaBcDeFgHiJ"),
        ),
        (
            f'<DIV CLASS="Embed-Block"><A HREF="{BSKY_URL}">{BSKY_URL}</A></DIV>',
            ("bluesky", "3kabcdefghij2"),
        ),
        # Service frames: the permalink as a parameter of the service's URL.
        (
            '<iframe src="https://cdn.embedly.com/widgets/media.html?type=text%2Fhtml&amp;'
            f'schema=twitter&amp;url={quote(TWEET_URL, safe="")}&amp;image=x"></iframe>',
            ("twitter", TWEET),
        ),
        (
            f'<iframe src="/media/oembed?url={quote(TWEET_URL, safe=":")}&amp;max_width=0" '
            'title="Ada Example on X"></iframe>',
            ("twitter", TWEET),
        ),
        (
            f'<iframe class="lazy" data-src="https://cdn.iframe.ly/api/iframe?url={TIKTOK_URL}'
            '&amp;key=abc"></iframe>',
            ("tiktok", TIKTOK),
        ),
        (
            f'<iframe src="https://embed.example.net/show?url={quote(INSTAGRAM_URL, safe="")}">'
            "</iframe>",
            ("instagram", "CaBcDeFgHiJ"),
        ),
    ],
)
def test_embed_services_show_a_post(markup: str, expected: tuple[str, str]) -> None:
    """An embed link or a service frame gives the one post it names."""
    found = _found(markup)
    assert [(platform, post_id) for platform, post_id, _ in found] == [expected]


@pytest.mark.parametrize(
    "markup",
    [
        # Share, like and follow widgets carry a URL parameter that is no post of theirs.
        f'<iframe src="https://www.facebook.com/plugins/like.php?href={quote(TWEET_URL)}">'
        "</iframe>",
        f'<iframe src="https://platform.twitter.com/widgets/tweet_button.html?url={TWEET_URL}">'
        "</iframe>",
        f'<div class="embed share-tools"><a href="{TWEET_URL}">Share</a></div>',
        # A list of posts, or an embed region with a whole article's text, is not one post.
        '<div class="embed-list">'
        + "".join(
            f'<a href="https://twitter.com/ada/status/14000000000000000{i}">x</a>' for i in range(4)
        )
        + "</div>",
        f'<div class="embedded-story"><a href="{TWEET_URL}">Ada</a>'
        f"<p>{'Long prose. ' * 80}</p></div>",
        # Profiles and timelines name no post.
        '<a class="embedly-card" href="https://twitter.com/ada_example">Ada on X</a>',
        '<iframe src="https://cdn.embedly.com/widgets/media.html?url=https%3A%2F%2Ftwitter.com'
        '%2Fada_example"></iframe>',
        # Shown as code.
        f'<pre><code><a class="embedly-card" href="{TWEET_URL}">Ada</a></code></pre>',
        # A frame whose parameter is an article, not a post.
        '<iframe src="https://embed.example.net/show?url=https%3A%2F%2Fnews.example%2Fa"></iframe>',
    ],
)
def test_not_embed_services(markup: str) -> None:
    """Widgets, lists, profiles, code and other URLs give no post."""
    assert _found(markup) == []


def test_embed_link_forms() -> None:
    """An embed link is a placeholder; a service frame is a card drawn by the service."""
    markup = (
        f'<a class="embedly-card" href="{TWEET_URL}">Ada</a><p>Between.</p>'
        f'<iframe src="https://cdn.embedly.com/widgets/media.html?url={quote(TIKTOK_URL)}"></iframe>'
    )
    assert _found(markup) == [("twitter", TWEET, "placeholder"), ("tiktok", TIKTOK, "card")]


def test_nested_embed_classes_give_one_post() -> None:
    """Wrappers that all say "embed" around one link are one post."""
    markup = (
        '<div class="embed"><div class="embed__inner"><div class="embed-card">'
        f'<a href="{TWEET_URL}">Ada</a></div></div></div>'
    )
    assert _found(markup) == [("twitter", TWEET, "placeholder")]


def test_extract_keeps_the_official_form() -> None:
    """An official embed inside an embed wrapper stays the official form, one record."""
    markup = (
        '<div class="embed-wrapper"><blockquote class="twitter-tweet"><p>The late boat.</p>'
        f'&mdash; Ada Example (@ada_example) <a href="{TWEET_URL}">March 30, 2022</a>'
        "</blockquote></div>"
    )
    posts = tweetresolve.extract(f"<html><body>{markup}</body></html>")
    assert [(p.post_id, p.form) for p in posts] == [(TWEET, "blockquote")]


def test_extract_finds_a_page_whose_only_post_is_an_encoded_parameter() -> None:
    """The prefilter lets through a page whose only post is a service frame's parameter."""
    frame = f'<iframe src="https://publish.example/?query={quote(TWEET_URL, safe="")}"></iframe>'
    posts = tweetresolve.extract(f"<html><body><p>Text.</p>{frame}</body></html>")
    assert [(p.post_id, p.form) for p in posts] == [(TWEET, "card")]
    assert tweetresolve.extract(frame, official_only=True) == []


def test_two_links_inside_one_embed_link_give_one_post() -> None:
    """An embed card linking its post twice (title and date) is one post, not two."""
    markup = (
        '<blockquote class="embedly-card"><h4><a href="' + TWEET_URL + '">Ada on X</a></h4>'
        '<div class="embed-footer"><a href="' + TWEET_URL + '?s=20">Mar 5</a></div></blockquote>'
    )
    assert _found(markup) == [("twitter", TWEET, "placeholder")]
