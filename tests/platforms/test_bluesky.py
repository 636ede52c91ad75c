"""Tests for tweetresolve.platforms.bluesky: permalinks, snippets, rendered iframes, residue."""

from __future__ import annotations

import datetime as dt

import pytest
from moments import utc_day

import tweetresolve as tr
from tweetresolve.platforms.bluesky import BLUESKY

DID = "did:plc:abcdefghijklmnopqrstuvwx"
RKEY = "3lbq7mxsiek2v"
CREATED = dt.datetime(2024, 11, 24, 23, 58, 51, 890000, tzinfo=dt.timezone.utc)
CANONICAL = f"https://bsky.app/profile/{DID}/post/{RKEY}"

# The snippet as Bluesky's embed dialog writes it (invented author, text and ids).
SNIPPET = (
    f'<blockquote class="bluesky-embed" data-bluesky-uri="at://{DID}/app.bsky.feed.post/{RKEY}" '
    'data-bluesky-cid="bafyreiexamplecid" data-bluesky-embed-color-mode="system">'
    '<p lang="en">Testing the new kettle &amp; it whistles in tune 🎶'
    f'<br><br><a href="https://bsky.app/profile/{DID}/post/{RKEY}?ref_src=embed">'
    "[image or embed]</a></p>&mdash; Ada Example "
    f'(<a href="https://bsky.app/profile/{DID}?ref_src=embed">@ada.example.com</a>) '
    f'<a href="https://bsky.app/profile/{DID}/post/{RKEY}?ref_src=embed">'
    "November 25, 2024 at 12:58 AM</a></blockquote>"
    '<script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>'
)


def bluesky_posts(document: str) -> list[tr.Post]:
    return [p for p in tr.extract(document) if p.platform == "bluesky"]


@pytest.mark.parametrize(
    ("url", "handle"),
    [
        # web permalink with a handle
        (f"https://bsky.app/profile/ada.example.com/post/{RKEY}", "ada.example.com"),
        # with the DID, as the snippet's links write it, plus the embed's tracking query
        (f"https://bsky.app/profile/{DID}/post/{RKEY}?ref_src=embed", DID),
        # a page about the post
        (f"https://bsky.app/profile/ada.bsky.social/post/{RKEY}/liked-by", "ada.bsky.social"),
        # handles are case-insensitive
        (f"https://BSKY.app/profile/Ada.Example.COM/post/{RKEY}", "ada.example.com"),
        # link-preview mirrors
        (f"https://fxbsky.app/profile/ada.bsky.social/post/{RKEY}", "ada.bsky.social"),
        (f"https://d.fxbsky.app/profile/ada.bsky.social/post/{RKEY}", "ada.bsky.social"),
        # AT-URIs, with a DID or a handle as authority
        (f"at://{DID}/app.bsky.feed.post/{RKEY}", DID),
        (f"at://ada.example.com/app.bsky.feed.post/{RKEY}", "ada.example.com"),
        # the iframe that embed.js renders
        (
            f"https://embed.bsky.app/embed/{DID}/app.bsky.feed.post/{RKEY}?id=5&colorMode=system",
            DID,
        ),
        # did:web actors
        (
            f"https://bsky.app/profile/did:web:ada.example.com/post/{RKEY}",
            "did:web:ada.example.com",
        ),
    ],
)
def test_parse_url_post_shapes(url: str, handle: str) -> None:
    """Every documented post URL gives the rkey, the actor and a bsky.app URL."""
    ref = tr.parse_post_url(url)
    assert ref is not None
    assert (ref.platform, ref.post_id, ref.handle) == ("bluesky", RKEY, handle)
    assert ref.url == f"https://bsky.app/profile/{handle}/post/{RKEY}"


@pytest.mark.parametrize(
    "url",
    [
        "https://bsky.app/profile/ada.example.com",  # profile
        f"https://bsky.app/profile/{DID}?ref_src=embed",  # profile link of the snippet
        "https://bsky.app/profile/ada.example.com/post/",  # no rkey
        "https://bsky.app/profile/ada.example.com/feed/aaakeyfeed",  # a feed, not a post
        f"at://{DID}/app.bsky.feed.like/{RKEY}",  # a like record
        "https://bsky.app/search?q=kettle",
        "https://embed.bsky.app/static/embed.js",
        f"https://example.com/profile/ada/post/{RKEY}",  # another host
    ],
)
def test_parse_url_rejects_non_posts(url: str) -> None:
    """Profiles, feeds, other records and other hosts are not Bluesky posts."""
    ref = tr.parse_post_url(url)
    assert ref is None or ref.platform != "bluesky"


def test_snippet_fields() -> None:
    """The official snippet gives every field the embed shows."""
    [post] = bluesky_posts(SNIPPET)
    assert post.post_id == RKEY
    assert post.url == CANONICAL
    assert post.author == tr.Author(
        name="Ada Example", handle="ada.example.com", url=f"https://bsky.app/profile/{DID}"
    )
    assert post.text == "Testing the new kettle & it whistles in tune 🎶"
    assert post.lang == "en"
    assert post.date_text == "November 25, 2024 at 12:58 AM"
    # A local time without a zone: only its day is a fact (see docs/dates.md).
    assert (post.published, post.published_precision) == (utc_day(2024, 11, 25), "day")
    assert post.created_at == CREATED
    assert post.form == "blockquote"
    assert post.links == ()
    assert post.span is not None
    assert SNIPPET[post.span[0] :].startswith("<blockquote")


def test_snippet_formatted_over_lines_without_script() -> None:
    """A hand-formatted snippet (attributes and text on many lines, no script) reads the same."""
    document = f"""<div class="entry">
    <blockquote
      data-bluesky-cid="bafyreiexamplecid"
      class="bluesky-embed"
      data-bluesky-uri="at://{DID}/app.bsky.feed.post/{RKEY}"
    >
      <p lang="de">Guten Morgen aus dem Beispieltal
        <a href="https://example.com/weather">example.com/weather</a>
      </p>
      &mdash; Bea Sample (
      <a href="https://bsky.app/profile/{DID}?ref_src=embed">
        @bea.example.org
      </a>
      )
      <a href="https://bsky.app/profile/{DID}/post/{RKEY}?ref_src=embed">
        20 novembre 2024 à 14:43
      </a>
    </blockquote>
    </div>"""
    [post] = bluesky_posts(document)
    assert post.author is not None
    assert (post.author.name, post.author.handle) == ("Bea Sample", "bea.example.org")
    assert post.lang == "de"
    assert post.date_text == "20 novembre 2024 à 14:43"
    assert (post.published, post.published_precision) == (utc_day(2024, 11, 20), "day")
    assert post.links == (tr.Link(url="https://example.com/weather", text="example.com/weather"),)


def test_snippet_without_display_name_or_media() -> None:
    """With no display name the snippet shows the handle; no media means no placeholder."""
    document = (
        f'<blockquote class="bluesky-embed" data-bluesky-uri="at://{DID}/app.bsky.feed.post/{RKEY}">'
        "<p>short one</p>&mdash; ada.example.com "
        f'(<a href="https://bsky.app/profile/{DID}">@ada.example.com</a>) '
        f'<a href="https://bsky.app/profile/{DID}/post/{RKEY}">Nov 25, 2024 at 12:58 AM</a>'
        "</blockquote>"
    )
    [post] = bluesky_posts(document)
    assert post.text == "short one"
    assert post.author is not None
    assert post.author.name == "ada.example.com"
    assert post.date_text == "Nov 25, 2024 at 12:58 AM"


def test_wordpress_figure_wrapper() -> None:
    """The snippet inside a WordPress embed figure is found once."""
    document = (
        '<figure class="wp-block-embed is-type-rich is-provider-bluesky-social '
        'wp-block-embed-bluesky-social"><div class="wp-block-embed__wrapper">'
        + SNIPPET
        + "</div></figure>"
    )
    [post] = bluesky_posts(document)
    assert (post.post_id, post.form) == (RKEY, "blockquote")


def test_stripped_data_attributes_fall_back_to_links() -> None:
    """A CMS that drops data-* attributes still leaves the date link to the post."""
    document = SNIPPET.replace(f'data-bluesky-uri="at://{DID}/app.bsky.feed.post/{RKEY}" ', "")
    [post] = bluesky_posts(document)
    assert (post.post_id, post.author.handle if post.author else None) == (RKEY, "ada.example.com")


def test_rendered_iframe_in_wrapper() -> None:
    """What embed.js leaves: div.bluesky-embed > iframe on embed.bsky.app."""
    document = (
        '<div class="bluesky-embed" style="max-width: 600px; width: 100%;">'
        f'<iframe data-bluesky-id="0123456789" src="https://embed.bsky.app/embed/{DID}/'
        f"app.bsky.feed.post/{RKEY}?id=0123456789&amp;ref_url=https%3A%2F%2Fexample.com%2F&amp;"
        'colorMode=system" width="100%" frameborder="0"></iframe></div>'
    )
    [post] = bluesky_posts(document)
    assert (post.post_id, post.form, post.url) == (RKEY, "rendered", CANONICAL)
    assert post.author == tr.Author(handle=DID, url=f"https://bsky.app/profile/{DID}")
    assert post.created_at == CREATED
    assert post.text is None


def test_bare_iframe_and_protocol_relative_src() -> None:
    """An embed iframe pasted on its own is an iframe-form post."""
    document = (
        f'<p>x</p><iframe src="//embed.bsky.app/embed/{DID}/app.bsky.feed.post/{RKEY}"></iframe>'
    )
    [post] = bluesky_posts(document)
    assert post.form == "iframe"


def test_blockquote_and_its_rendered_iframe_are_one_post() -> None:
    """A page saved mid-render holds the iframe inside the blockquote: one post."""
    document = SNIPPET.replace(
        "</blockquote>",
        f'<iframe src="https://embed.bsky.app/embed/{DID}/app.bsky.feed.post/{RKEY}"></iframe>'
        "</blockquote>",
    )
    [post] = bluesky_posts(document)
    assert (post.form, post.date_text) == ("blockquote", "November 25, 2024 at 12:58 AM")


@pytest.mark.parametrize(
    "document",
    [
        # a follow link and the profile page
        '<p><a href="https://bsky.app/profile/ada.example.com">Follow us on Bluesky</a></p>',
        # the class name only in CSS
        "<style>.bluesky-embed { max-width: 600px }</style><p>hello</p>",
        # the snippet only inside a script string
        '<script>var tpl = \'<blockquote class="bluesky-embed" '
        f'data-bluesky-uri="at://{DID}/app.bsky.feed.post/{RKEY}"></blockquote>\';</script>',
        # only the embed script, no post
        '<script async src="https://embed.bsky.app/static/embed.js"></script>',
    ],
)
def test_not_posts(document: str) -> None:
    """Follow links, CSS and script strings are not embedded posts."""
    assert bluesky_posts(document) == []


def test_follow_link_page_is_not_parsed_for_bluesky() -> None:
    """A page with only a Bluesky profile link carries no Bluesky marker."""
    document = '<a href="https://bsky.app/profile/ada.example.com">Bluesky</a>'
    assert not any(marker in document.lower() for marker in BLUESKY.markers)


def test_links_found_with_include_links() -> None:
    """A bare post link is returned as a link-form post only when asked."""
    document = (
        f'<p>See <a href="https://bsky.app/profile/ada.example.com/post/{RKEY}">this</a>.</p>'
    )
    assert bluesky_posts(document) == []
    [post] = [p for p in tr.extract(document, include_links=True) if p.platform == "bluesky"]
    assert (post.post_id, post.form) == (RKEY, "link")


@pytest.mark.parametrize(
    ("text", "name", "handle", "body"),
    [
        # trafilatura-style: byline on one line, media placeholder line dropped
        (
            "Kettles are underrated.\n[image or embed]\n"
            "— Ada Example (@ada.example.com) November 25, 2024 at 12:58 AM",
            "Ada Example",
            "ada.example.com",
            "Kettles are underrated.",
        ),
        # get_text-style spacing inside the parentheses
        (
            "Kettles are underrated.\n"
            "— Ada Example ( @ada.bsky.social ) November 25, 2024 at 12:58 AM",
            "Ada Example",
            "ada.bsky.social",
            "Kettles are underrated.",
        ),
    ],
)
def test_text_residue(text: str, name: str, handle: str, body: str) -> None:
    """The ``— Name (@handle) date at time`` byline is a Bluesky post, not a tweet."""
    posts = tr.extract(text)
    assert [p.platform for p in posts] == ["bluesky"]
    [post] = posts
    assert post.author is not None
    assert (post.author.name, post.author.handle) == (name, handle)
    assert post.text == body
    # A local time without a zone: only its day is a fact (see docs/dates.md).
    assert (post.published, post.published_precision) == (utc_day(2024, 11, 25), "day")
    assert post.form == "text"


def test_text_residue_from_get_text_with_newlines() -> None:
    """get_text("\\n") puts the handle link on its own line; the byline is still read."""
    text = (
        "Kettles are underrated.\n[image or embed]\n— Ada Example (\n@ada.example.com\n) \n"
        "November 25, 2024 at 12:58 AM\n\nThe article goes on."
    )
    [post] = tr.extract(text)
    assert post.platform == "bluesky"
    assert (post.handle, post.text) == ("ada.example.com", "Kettles are underrated.")
    assert post.date_text == "November 25, 2024 at 12:58 AM"
    assert post.span is not None
    assert text[post.span[0] : post.span[1]].endswith("12:58 AM")


def test_text_residue_glued_placeholder() -> None:
    """get_text("") glues ``[image or embed]`` to the text; it is dropped from the text."""
    text = (
        "Kettles are underrated.[image or embed]— Ada Example (@ada.example.com) "
        "November 25, 2024 at 12:58 AM"
    )
    [post] = tr.extract(text)
    assert (post.platform, post.text) == ("bluesky", "Kettles are underrated.")


def test_text_residue_placeholder_link_gives_the_id() -> None:
    """The Markdown placeholder link names the post itself: its id, never a quoted post."""
    text = (
        "Kettles are underrated.\n\n"
        f"[[image or embed]](https://bsky.app/profile/{DID}/post/{RKEY}?ref_src=embed)\n"
        "— Ada Example (@ada.example.com) November 25, 2024 at 12:58 AM"
    )
    [post] = tr.extract(text)
    assert (post.platform, post.post_id, post.url, post.quoted) == (
        "bluesky",
        RKEY,
        CANONICAL,
        None,
    )
    assert post.text == "Kettles are underrated."
    assert post.created_at == CREATED


def test_text_residue_with_markdown_date_link() -> None:
    """A date kept as a Markdown link gives the post id, the author's DID and the time."""
    text = (
        "> Kettles are underrated.\n"
        "> — Ada Example (@ada.example.com) "
        f"[November 25, 2024 at 12:58 AM](https://bsky.app/profile/{DID}/post/{RKEY}?ref_src=embed)"
    )
    [post] = tr.extract(text)
    assert (post.platform, post.post_id, post.url) == ("bluesky", RKEY, CANONICAL)
    assert post.created_at == CREATED
    assert post.text == "Kettles are underrated."


def test_twitter_byline_is_not_bluesky() -> None:
    """A Twitter byline (plain handle, date without time) is left to Twitter."""
    text = "Kettles are underrated.\n— Ada Example (@ada_example) March 30, 2022"
    assert [p for p in tr.extract(text) if p.platform == "bluesky"] == []


def test_nested_unclosed_blockquotes() -> None:
    """Thousands of unclosed snippets nest; each is read from its own links only."""
    unit = (
        f'<blockquote class="bluesky-embed" data-bluesky-uri="at://{DID}/app.bsky.feed.post/{RKEY}">'
        '<p>x</p>&mdash; A (<a href="https://bsky.app/profile/a.example">@a.example</a>)'
    )
    posts = bluesky_posts(unit * 2000)
    assert [p.post_id for p in posts] == [RKEY]
