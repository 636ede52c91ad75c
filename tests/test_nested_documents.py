"""Tests for tweetresolve.nested: embed markup kept inside other markup, for every platform."""

from __future__ import annotations

import html
import json

import pytest

import tweetresolve as tr
from tweetresolve.html import parse_page
from tweetresolve.nested import MAX_DEPTH, MAX_DOCUMENTS, find_nested_documents

# Invented embeds of four platforms: (platform, post id, markup).
TWEET_ID = "1600000000000000001"
TWEET = (
    '<blockquote class="twitter-tweet"><p lang="en">Hello there</p>&mdash; Ada Example '
    f'(@ada_example) <a href="https://twitter.com/ada_example/status/{TWEET_ID}">'
    "March 30, 2022</a></blockquote>"
)
INSTAGRAM_CODE = "CxAbCdEfGhI"
INSTAGRAM = (
    '<blockquote class="instagram-media" data-instgrm-permalink='
    f'"https://www.instagram.com/p/{INSTAGRAM_CODE}/" data-instgrm-version="14">'
    f'<a href="https://www.instagram.com/p/{INSTAGRAM_CODE}/">A post shared by Ada Example '
    "(@ada.example)</a></blockquote>"
)
TIKTOK_ID = "6718335390845095173"
TIKTOK = (
    '<blockquote class="tiktok-embed" '
    f'cite="https://www.tiktok.com/@ada.example/video/{TIKTOK_ID}" data-video-id="{TIKTOK_ID}">'
    '<section><a href="https://www.tiktok.com/@ada.example">@ada.example</a>'
    "<p>Folding dumplings</p></section></blockquote>"
)
BLUESKY_DID = "did:plc:abcdefghijklmnopqrstuvwx"
BLUESKY_KEY = "3lbq7mxsiek2v"
BLUESKY = (
    '<blockquote class="bluesky-embed" '
    f'data-bluesky-uri="at://{BLUESKY_DID}/app.bsky.feed.post/{BLUESKY_KEY}">'
    '<p lang="en">A whistling kettle</p>&mdash; Ada Example '
    f'(<a href="https://bsky.app/profile/{BLUESKY_DID}">@ada.example.com</a>) '
    f'<a href="https://bsky.app/profile/{BLUESKY_DID}/post/{BLUESKY_KEY}">'
    "November 25, 2024 at 12:58 AM</a></blockquote>"
)
EMBEDS = [
    pytest.param("twitter", TWEET_ID, TWEET, id="twitter"),
    pytest.param("instagram", INSTAGRAM_CODE, INSTAGRAM, id="instagram"),
    pytest.param("tiktok", TIKTOK_ID, TIKTOK, id="tiktok"),
    pytest.param("bluesky", BLUESKY_KEY, BLUESKY, id="bluesky"),
]


def _json_string(markup: str) -> str:
    # As page-data serialisers write it: "<" escaped, "/" escaped.
    return json.dumps(markup).replace("<", "\\u003c").replace("/", "\\/")


# Containers: (opening, closing, how the markup is stored, whether spans are exact).
CONTAINERS = [
    pytest.param(("<textarea hidden>", "</textarea>", str, True), id="textarea-verbatim"),
    pytest.param(("<textarea>", "</textarea>", html.escape, False), id="textarea-escaped"),
    pytest.param(
        ('<script type="text/template">', "</script>", str, True), id="script-text-template"
    ),
    pytest.param(('<script type="text/html">', "</script>", str, True), id="script-text-html"),
    pytest.param(
        ('<script type="text/x-template" id="t1">', "</script>", str, True), id="script-x-template"
    ),
    pytest.param(
        ('<script type="text/plain" data-consent="social">', "</script>", str, True), id="consent"
    ),
    pytest.param(
        ('<script type="text/template">', "</script>", html.escape, False), id="script-escaped"
    ),
    pytest.param(("<template>", "</template>", html.escape, False), id="template-escaped"),
    pytest.param(
        (
            '<script type="application/json">{"body": [{"type": "embed", "html": ',
            "}]}</script>",
            _json_string,
            False,
        ),
        id="json",
    ),
    pytest.param(
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "embed": ',
            "}</script>",
            _json_string,
            False,
        ),
        id="ld-json",
    ),
]


@pytest.mark.parametrize("container", CONTAINERS)
@pytest.mark.parametrize(("platform", "post_id", "markup"), EMBEDS)
def test_embed_in_every_container(
    platform: str, post_id: str, markup: str, container: tuple[str, str, object, bool]
) -> None:
    """Each platform's embed kept in each container is found once, its span on the page."""
    opening, closing, store, exact = container
    stored = store(markup)  # type: ignore[operator]
    page = f"<html><body><p>Intro</p><div class=consent>{opening}{stored}{closing}</div></body>"
    posts = tr.extract(page)
    assert [(p.platform, p.post_id) for p in posts] == [(platform, post_id)]
    post = posts[0]
    assert post.span is not None
    start, end = post.span
    if exact:
        # Stored verbatim: the span is the embed's own markup inside the container.
        assert page[start:end] == markup
    else:
        # Stored escaped: the span is the whole container element.
        assert page[start:].startswith(opening.split(">", maxsplit=1)[0])
        assert page[:end].endswith(closing)
    assert post.form == ("data" if "json" in opening else "blockquote")


@pytest.mark.parametrize(("platform", "post_id", "markup"), EMBEDS)
def test_iframe_srcdoc(platform: str, post_id: str, markup: str) -> None:
    """An embed in a replacement frame's ``srcdoc`` is found; its span is the iframe."""
    page = f'<div><iframe title="blocked" srcdoc="{html.escape(markup)}"></iframe></div>'
    posts = tr.extract(page)
    assert [(p.platform, p.post_id) for p in posts] == [(platform, post_id)]
    assert posts[0].span == (5, len(page) - len("</div>"))


def test_template_elements_are_read_once() -> None:
    """Markup inside ``<template>`` is parsed as elements already: one post, not two."""
    posts = tr.extract(f"<div><template>{TWEET}</template></div>")
    assert [(p.post_id, p.form) for p in posts] == [(TWEET_ID, "blockquote")]


def test_noscript_is_not_a_nested_document() -> None:
    """A ``<noscript>`` copy beside the shown embed stays one post."""
    page = f"<div>{INSTAGRAM}<noscript>{INSTAGRAM}</noscript></div>"
    assert [p.post_id for p in tr.extract(page)] == [INSTAGRAM_CODE]


def test_copy_in_page_data_fills_the_shown_embed() -> None:
    """A JSON copy of an embed the page shows adds no post; it fills the shown one's fields."""
    page = (
        f'<div><iframe class="twitter-tweet twitter-tweet-rendered" data-tweet-id="{TWEET_ID}">'
        f'</iframe></div><script type="application/json">{{"html": {_json_string(TWEET)}}}'
        "</script>"
    )
    posts = tr.extract(page)
    assert [(p.post_id, p.form, p.text, p.handle) for p in posts] == [
        (TWEET_ID, "rendered", "Hello there", "ada_example")
    ]
    assert posts[0].span == (5, page.index("</iframe>") + len("</iframe>"))


def test_two_copies_give_one_post() -> None:
    """The same embed kept in two consent containers is one post, at the first."""
    page = f"<textarea>{TWEET}</textarea><textarea>{html.escape(TWEET)}</textarea>"
    posts = tr.extract(page)
    assert [p.post_id for p in posts] == [TWEET_ID]
    assert posts[0].span is not None
    assert posts[0].span[0] == len("<textarea>")


def test_spans_map_through_two_levels() -> None:
    """A textarea inside a template script, both verbatim: the span is the embed's own."""
    page = f'<script type="text/template"><div><textarea>{TIKTOK}</textarea></div></script>'
    (post,) = tr.extract(page)
    assert post.span is not None
    assert page[post.span[0] : post.span[1]] == TIKTOK


def _nest(markup: str, levels: int) -> str:
    for _ in range(levels):
        markup = f"<div><textarea>{html.escape(markup)}</textarea></div>"
    return markup


@pytest.mark.parametrize("levels", range(1, MAX_DEPTH + 3))
def test_depth_limit(levels: int) -> None:
    """Nested documents are read down to MAX_DEPTH levels, and no deeper."""
    posts = tr.extract(_nest(BLUESKY, levels))
    expected = [BLUESKY_KEY] if levels <= MAX_DEPTH else []
    assert [p.post_id for p in posts] == expected


def test_hostile_deep_nesting() -> None:
    """Hundreds of levels of containers give no post and no error."""
    deep = '<script type="text/template">' * 300 + _nest(TWEET, 40) + "</script>" * 300
    assert tr.extract(deep) == []
    srcdocs = TWEET
    for _ in range(30):
        srcdocs = f'<iframe srcdoc="{html.escape(srcdocs)}"></iframe>'
    assert tr.extract(srcdocs) == []


def test_documents_per_call_are_capped() -> None:
    """A page of thousands of consent textareas reads at most MAX_DOCUMENTS of them."""
    page = "".join(
        f"<textarea>{TWEET.replace(TWEET_ID, str(1600000000000000000 + n))}</textarea>"
        for n in range(MAX_DOCUMENTS + 50)
    )
    assert len(tr.extract(page)) == MAX_DOCUMENTS


@pytest.mark.parametrize(
    "page",
    [
        # shown as code: a tutorial's copy-paste box
        f"<pre><code><textarea>{TWEET}</textarea></code></pre>",
        # a program, not a template
        f"<script>var tpl = '{TWEET}';</script><p>x</p>",
        f'<script type="module">const t = `{TWEET}`;</script><p>x</p>',
        # a consent type holding a program
        '<script type="text/plain">window.load("twitter-tweet")</script><p>x</p>',
        # broken JSON, JSON nested past the stack, a JSON key
        f'<script type="application/json">{{"html": {_json_string(TWEET)}</script>',
        '<script type="application/json">' + "[" * 100_000 + "]" * 100_000 + "</script>",
        f'<script type="application/json">{{{_json_string(TWEET)}: 1}}</script>',
        # a textarea holding plain text that names an embed
        "<textarea>Paste your twitter-tweet code here</textarea>",
    ],
)
def test_not_nested_documents(page: str) -> None:
    """Code, programs, broken JSON and plain text in containers give no post."""
    assert tr.extract(page) == []


def test_find_nested_documents_reports_offsets() -> None:
    """Verbatim markup has its offset in the page; escaped markup and srcdoc have none."""
    source = (
        f"<textarea>{TWEET}</textarea><textarea>{html.escape(TWEET)}</textarea>"
        f'<iframe srcdoc="{html.escape(TWEET)}"></iframe>'
    )
    page = parse_page(source)
    assert page is not None
    found = [
        (d.container.tag, d.offset, d.markup == TWEET)
        for d in find_nested_documents(page, may_hold_embed=lambda markup: True)
    ]
    assert found == [
        ("textarea", len("<textarea>"), True),
        ("textarea", None, True),
        ("iframe", None, True),
    ]
