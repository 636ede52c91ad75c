"""Tests for tweetresolve.platforms.telegram: t.me links, the widget script, rendered iframes."""

from __future__ import annotations

import pytest

import tweetresolve as tr
from tweetresolve.platforms.telegram import TELEGRAM

# The widget snippet (invented channel and message number).
SCRIPT = (
    '<script async src="https://telegram.org/js/telegram-widget.js?21" '
    'data-telegram-post="kettle_news/157" data-width="100%"></script>'
)
# What the widget inserts beside the script.
RENDERED = (
    '<iframe id="telegram-post-kettle_news-157" src="https://t.me/kettle_news/157?embed=1&amp;'
    'userpic=false" width="100%" height="" frameborder="0" scrolling="no" '
    'style="overflow: hidden; border: none; min-width: 320px;"></iframe>'
)


def telegram_posts(document: str, *, include_links: bool = False) -> list[tr.Post]:
    return [
        p for p in tr.extract(document, include_links=include_links) if p.platform == "telegram"
    ]


@pytest.mark.parametrize(
    ("url", "post_id", "handle"),
    [
        ("https://t.me/kettle_news/157", "kettle_news/157", "kettle_news"),
        # the embed page, with widget options
        (
            "https://t.me/kettle_news/157?embed=1&userpic=false&dark=1",
            "kettle_news/157",
            "kettle_news",
        ),
        # the channel's web preview
        ("https://t.me/s/kettle_news/157", "kettle_news/157", "kettle_news"),
        # older hosts, upper case, single-media and comment queries
        ("http://telegram.me/Kettle_News/157?single", "kettle_news/157", "Kettle_News"),
        ("https://telegram.dog/kettle_news/157?comment=12", "kettle_news/157", "kettle_news"),
        ("//t.me/kettle_news/0157/", "kettle_news/157", "kettle_news"),
    ],
)
def test_parse_url_shapes(url: str, post_id: str, handle: str) -> None:
    """Public channel links give ``channel/number`` and a canonical t.me URL."""
    ref = tr.parse_post_url(url)
    assert ref == tr.PostRef(
        platform="telegram", post_id=post_id, handle=handle, url=f"https://t.me/{post_id}"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://t.me/kettle_news",  # channel link
        "https://t.me/s/kettle_news",  # channel preview
        "https://t.me/share/url?url=https%3A%2F%2Fexample.com&text=hi",  # share intent
        "https://t.me/joinchat/AbCdEfGhIjK",  # invite
        "https://t.me/+AbCdEfGhIjK",
        "https://t.me/c/1234567890/25",  # private channel: cannot be embedded
        "https://t.me/addstickers/KettlePack",
        "https://telegram.org/js/telegram-widget.js?21",
        "https://t.me/abc/12",  # too short to be a public username
    ],
)
def test_parse_url_rejects(url: str) -> None:
    """Channel, share, invite, private and sticker links are not posts."""
    ref = tr.parse_post_url(url)
    assert ref is None or ref.platform != "telegram"


def test_widget_script() -> None:
    """The script placeholder names the post; there is nothing else to read."""
    [post] = telegram_posts("<p>Intro</p>" + SCRIPT + "<p>Outro</p>")
    assert post == tr.Post(
        platform="telegram",
        post_id="kettle_news/157",
        url="https://t.me/kettle_news/157",
        author=tr.Author(handle="kettle_news", url="https://t.me/kettle_news"),
        form="script",
        span=post.span,
    )
    assert post.span is not None


@pytest.mark.parametrize(
    "document",
    [
        # attribute order and options
        '<script data-telegram-post="kettle_news/157" data-userpic="true" data-dark="1" '
        'async src="https://telegram.org/js/telegram-widget.js?22"></script>',
        # widget script without src (loaded elsewhere) in a WordPress figure
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">'
        '<script async data-telegram-post="Kettle_News/157"></script></div></figure>',
        # the blockquote variant of third-party providers
        '<blockquote class="telegram-post" data-telegram-post="kettle_news/157"></blockquote>',
        # whitespace inside the attribute
        '<script async data-telegram-post=" kettle_news/157 "></script>',
    ],
)
def test_widget_variants(document: str) -> None:
    """Attribute order, options, wrappers and the blockquote variant."""
    assert [p.post_id for p in telegram_posts(document)] == ["kettle_news/157"]


def test_rendered_iframe_beside_script_is_one_post() -> None:
    """The widget's iframe next to its script is the same post, reported once as rendered."""
    [post] = telegram_posts(f"<div>{RENDERED}{SCRIPT}</div>")
    assert (post.post_id, post.form) == ("kettle_news/157", "rendered")


def test_rendered_iframe_alone_and_fallback_link() -> None:
    """A saved page with only the iframe, and a fallback link to the same post."""
    document = RENDERED + '<p><a href="https://t.me/kettle_news/157">Open in Telegram</a></p>'
    posts = tr.extract(document, include_links=True)
    assert [(p.platform, p.post_id, p.form) for p in posts] == [
        ("telegram", "kettle_news/157", "rendered")
    ]


def test_plain_embed_iframe() -> None:
    """An embed iframe without the widget's id is an iframe-form post."""
    document = '<iframe src="https://t.me/kettle_news/157?embed=1"></iframe>'
    assert [(p.post_id, p.form) for p in telegram_posts(document)] == [
        ("kettle_news/157", "iframe")
    ]


def test_two_posts_of_one_channel() -> None:
    """Two widgets are two posts."""
    document = SCRIPT + SCRIPT.replace("/157", "/158")
    assert [p.post_id for p in telegram_posts(document)] == ["kettle_news/157", "kettle_news/158"]


@pytest.mark.parametrize(
    "document",
    [
        # channel and share buttons
        '<a class="share-telegram" href="https://t.me/share/url?url=https%3A%2F%2Fexample.com">'
        'Telegram</a><a href="https://t.me/s/kettle_news">Our channel</a>',
        # the login and discussion widgets use the same script
        '<script async src="https://telegram.org/js/telegram-widget.js?22" '
        'data-telegram-login="kettle_bot" data-size="large"></script>'
        '<script async src="https://telegram.org/js/telegram-widget.js?22" '
        'data-telegram-discussion="kettle_news/157"></script>',
        # CSS and script strings
        "<style>.telegram-post{margin:0}</style>"
        "<script>var s='data-telegram-post=\"kettle_news/157\"';</script>",
        # a malformed attribute
        '<script async data-telegram-post="kettle_news"></script>',
    ],
)
def test_not_posts(document: str) -> None:
    """Share buttons, channel links, other widgets and strings are not posts."""
    assert telegram_posts(document) == []


def test_share_buttons_do_not_trigger_parsing() -> None:
    """A page with only Telegram share and channel links has no Telegram marker."""
    document = '<a href="https://t.me/share/url?url=x">Telegram</a><a href="https://t.me/s/kettle_news">c</a>'
    assert not any(marker in document.lower() for marker in TELEGRAM.markers)


def test_text_has_no_residue() -> None:
    """The widget leaves no text; a bare link is found only with include_links."""
    text = "Read it here: https://t.me/kettle_news/157."
    assert tr.extract(text) == []
    [post] = tr.extract(text, include_links=True)
    assert (post.platform, post.post_id, post.form) == ("telegram", "kettle_news/157", "link")
