"""Placeholders: elements a site's code turns into an embed, for every platform."""

from __future__ import annotations

import pytest

import tweetresolve
from tweetresolve.families.placeholders import find_placeholders
from tweetresolve.html import parse_page

TWEET = "1400000000000000001"
TIKTOK = "7100000000000000001"


def _found(markup: str) -> list[tuple[str, str | None]]:
    page = parse_page(f"<html><body><article>{markup}</article></body></html>")
    assert page is not None
    return [(c.post.platform, c.post.post_id) for c in find_placeholders(page)]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # An id in an attribute named after the platform, in several spellings.
        (f'<div class="embed" data-tweet-id="{TWEET}"></div>', ("twitter", TWEET)),
        (f'<div data-tweetid="{TWEET}" class="social"></div>', ("twitter", TWEET)),
        (f'<section data-twitter-status-id="{TWEET}"></section>', ("twitter", TWEET)),
        (f'<div data-tiktok-video-id="{TIKTOK}"></div>', ("tiktok", TIKTOK)),
        ('<div data-instagram-code="CaBcDeFgHiJ"></div>', ("instagram", "CaBcDeFgHiJ")),
        # A generic id whose platform the element names elsewhere (attribute order varies).
        (f'<div data-embed-type="twitter" data-embed-id="{TWEET}"></div>', ("twitter", TWEET)),
        (f'<div data-embed-id="{TWEET}" data-embed-type="Tweet"></div>', ("twitter", TWEET)),
        (f'<div data-id="{TWEET}" class="js-twitter-einbettung"></div>', ("twitter", TWEET)),
        (f'<figure class="contenido-tweet" data-post-id="{TWEET}"></figure>', ("twitter", TWEET)),
        (f'<div data-provider="x" data-id="{TWEET}"></div>', ("twitter", TWEET)),
        (
            '<div class="yt-lazy youtube-player" data-id="AbCdEfGhIj0"></div>',
            ("youtube", "AbCdEfGhIj0"),
        ),
        (f'<div class="embed-tiktok" data-video-id="{TIKTOK}"></div>', ("tiktok", TIKTOK)),
        # Props as JSON, in a React and a Vue spelling.
        (
            f'<div data-react-class="TweetEmbed"'
            f' data-react-props=\'{{"tweetId": "{TWEET}"}}\'></div>',
            ("twitter", TWEET),
        ),
        (
            f'<div data-component="SocialEmbed" data-props=\'{{"embed":'
            f' {{"provider": "twitter", "id": {TWEET}}}}}\'></div>',
            ("twitter", TWEET),
        ),
        # oEmbed skeletons and URL attributes: the permalink parsers decide the platform.
        (
            f'<div class="oembed" data-oembed-url="https://twitter.com/ada/status/{TWEET}"></div>',
            ("twitter", TWEET),
        ),
        (
            '<div data-embed-url="https://www.instagram.com/reel/CaBcDeFgHiJ/"></div>',
            ("instagram", "CaBcDeFgHiJ"),
        ),
        (
            f'<div class="social-embed" data-url="https://x.com/ada/status/{TWEET}?s=20"></div>',
            ("twitter", TWEET),
        ),
        (
            '<div class="embed" data-href="https://mastodon.example/@ada/113079171241665414"></div>',
            ("mastodon", "113079171241665414"),
        ),
        (
            '<div data-embed-src="https://bsky.app/profile/ada.example.com/post/3lbq7mxsiek2v"></div>',
            ("bluesky", "3lbq7mxsiek2v"),
        ),
        # Media-embed spans: an id after a platform word in a URL fragment.
        (
            f'<span class="media-embed" data-embed-source="https://cms.example/embed#tweet-{TWEET}"></span>',
            ("twitter", TWEET),
        ),
        # Custom elements named after the platform.
        (f'<blog-tweet tweet-id="{TWEET}"></blog-tweet>', ("twitter", TWEET)),
        ('<lite-youtube videoid="AbCdEfGhIj0"></lite-youtube>', ("youtube", "AbCdEfGhIj0")),
        # CKEditor's oembed element and URL-only CMS embed blocks.
        (
            f'<figure class="media"><oembed url="https://twitter.com/ada/status/{TWEET}"></oembed></figure>',
            ("twitter", TWEET),
        ),
        (
            '<figure class="wp-block-embed is-provider-tiktok">'
            '<div class="wp-block-embed__wrapper">'
            f"https://www.tiktok.com/@ada/video/{TIKTOK}</div></figure>",
            ("tiktok", TIKTOK),
        ),
        (
            f'<div class="embed-block" lang="de"><p>https://twitter.com/ada/status/{TWEET}</p></div>',
            ("twitter", TWEET),
        ),
    ],
)
def test_placeholder_variants(markup: str, expected: tuple[str, str]) -> None:
    """Each spelling of a placeholder gives its one post."""
    assert _found(markup) == [expected]


@pytest.mark.parametrize(
    "markup",
    [
        # Share, follow and like buttons, profile links and timelines.
        '<a class="twitter-share-button" data-url="https://news.example/a">Tweet</a>',
        '<div class="fb-like" data-href="https://news.example/a" data-layout="button"></div>',
        '<a class="twitter-follow-button" href="https://twitter.com/ada">Follow</a>',
        '<a class="twitter-timeline" data-tweet-limit="3" href="https://twitter.com/ada">Tweets</a>',
        f'<div class="tweet-share" data-tweet-id="{TWEET}"></div>',
        f'<button class="retweet" data-tweet-id="{TWEET}">RT</button>',
        '<div class="profile-card" data-url="https://twitter.com/ada"></div>',
        # A widget stamp is a page-load time, not an id.
        '<div class="tweet" data-twitter-extracted-i1694012345678901234="true"></div>',
        # A permalink only as a URL parameter of another URL.
        f'<div class="share" data-url="https://twitter.com/intent/tweet?url=https%3A%2F%2Ftwitter.com%2Fa%2Fstatus%2F{TWEET}"></div>',
        f'<div class="embed" data-url="https://news.example/r?u=https://twitter.com/a/status/{TWEET}"></div>',
        # TikTok sound pages and YouTube playlists are not posts.
        '<div class="embed" data-url="https://www.tiktok.com/music/original-sound-7100000000000000002"></div>',
        '<div class="embed" data-src="https://www.youtube.com/embed/videoseries?list=PLabcdef"></div>',
        # A small number is an index, an all-digit Instagram "code" an account id.
        '<div class="twitter" data-id="3"></div>',
        '<div class="instagram-feed" data-id="12345678"></div>',
        # Two platforms named: a bare id says nothing.
        f'<div class="social twitter instagram" data-id="{TWEET}"></div>',
        # Markup shown as code.
        f'<pre><code><div data-tweet-id="{TWEET}"></div></code></pre>',
        # A plain text URL in a paragraph, and a related-posts list of links.
        f"<p>https://twitter.com/ada/status/{TWEET}</p>",
        f'<div class="related-embeds"><a href="/x">Other story</a> https://twitter.com/ada/status/{TWEET}</div>',
    ],
)
def test_decoys_are_not_placeholders(markup: str) -> None:
    """Buttons, stamps, parameters, playlists and plain URLs give nothing."""
    assert _found(markup) == []


def test_placeholder_post_fields() -> None:
    """A placeholder post carries its canonical URL, handle, creation time and form."""
    page = parse_page(
        f'<div class="embed" data-oembed-url="https://twitter.com/ada/status/{TWEET}"></div>'
    )
    assert page is not None
    (candidate,) = find_placeholders(page)
    post = candidate.post
    assert (post.url, post.handle, post.form) == (
        f"https://twitter.com/ada/status/{TWEET}",
        "ada",
        "placeholder",
    )
    assert post.created_at is not None


@pytest.mark.parametrize(
    ("markup", "form"),
    [
        # A lazy loader's stripped snippet: the platform in an attribute, one empty link.
        (
            f'<blockquote class="lazy" data-widget="twitter-tweet"><div data-kind="x"></div>'
            f'<a href="https://twitter.com/ada/status/{TWEET}"></a></blockquote>',
            "blockquote",
        ),
        (
            f'<div class="js-loader" data-tweet-embed="1"><a href="https://x.com/ada/status/{TWEET}">'
            "Zum Tweet</a></div>",
            "placeholder",
        ),
    ],
)
def test_platform_named_around_a_lone_permalink(markup: str, form: str) -> None:
    """An element naming a platform around one permalink of it is that post."""
    page = parse_page(markup)
    assert page is not None
    assert [(c.post.post_id, c.post.form) for c in find_placeholders(page)] == [(TWEET, form)]


def test_platform_named_around_several_permalinks_is_not_a_post() -> None:
    """A box naming a platform around links to several posts is a list, not one embed."""
    links = "".join(f'<a href="https://twitter.com/ada/status/{TWEET}{n}">t</a>' for n in range(2))
    page = parse_page(f'<div data-twitter-box="latest">{links}</div>')
    assert page is not None
    assert find_placeholders(page) == []


@pytest.mark.parametrize(
    "page",
    [
        # The only post of the page is a placeholder or lives in page data: no platform
        # marker of the official embed code occurs, the family markers let it through.
        f'<html><body><div data-tweetid="{TWEET}"></div></body></html>',
        f'<html><body><div data-embed-type="x" data-embed-id="{TWEET}"></div></body></html>',
        '<html><body><div data-oembed-url="https://www.instagram.com/p/CaBcDeFgHiJ/"></div>',
        f'<html><body><script>window.__S__ = {{"id_str": "{TWEET}", "text": "hi", '
        '"user": {"screen_name": "ada"}};</script></body></html>',
    ],
)
def test_prefilter_lets_family_pages_through(page: str) -> None:
    """A page whose only post is a placeholder or page data is parsed, not skipped."""
    assert len(tweetresolve.extract(page)) == 1


def test_official_only_drops_site_made_forms() -> None:
    """official_only keeps the platforms' own embed code and drops placeholders and data."""
    page = (
        '<html><body><blockquote class="twitter-tweet"><p>Boats</p>&mdash; Ada (@ada) '
        f'<a href="https://twitter.com/ada/status/{TWEET}">May 1, 2021</a></blockquote>'
        f'<div class="embed" data-tweet-id="{TWEET[:-1]}2"></div></body></html>'
    )
    assert [p.form for p in tweetresolve.extract(page)] == ["blockquote", "placeholder"]
    assert [p.form for p in tweetresolve.extract(page, official_only=True)] == ["blockquote"]


def test_placeholder_around_the_official_embed_keeps_the_official_form() -> None:
    """A placeholder wrapped around its own publish snippet is that snippet."""
    page = (
        f'<div class="tweet-embed" data-tweet-id="{TWEET}"><blockquote class="twitter-tweet">'
        f'<p>Boats</p>&mdash; Ada (@ada) <a href="https://twitter.com/ada/status/{TWEET}">'
        "May 1, 2021</a></blockquote></div>"
    )
    posts = tweetresolve.extract(page)
    assert [(p.post_id, p.form, p.text) for p in posts] == [(TWEET, "blockquote", "Boats")]
