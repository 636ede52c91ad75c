"""Tests for tweetresolve.platforms.threads: permalinks, the snippet, rendered iframes, residue."""

from __future__ import annotations

import pytest

import tweetresolve as tr
from tweetresolve.idtime import instagram_time
from tweetresolve.platforms.threads import THREADS
from tweetresolve.prefilter import markers_present

CODE = "C-GMXpGM4KR"  # an invented code of the documented shape
USER = "ada.example"
CANONICAL = f"https://www.threads.com/@{USER}/post/{CODE}"


def snippet(host: str = "www.threads.net", attrs: str = "") -> str:
    """The snippet as the Threads embed dialog writes it (styles shortened)."""
    url = f"https://{host}/@{USER}/post/{CODE}"
    return (
        f'<blockquote class="text-post-media" data-text-post-permalink="{url}" '
        f'data-text-post-version="0" id="ig-tp-{CODE}" style="background:#FFF;"{attrs}> '
        f'<a href="{url}" style="text-decoration:none;" target="_blank">'
        ' <div style="padding: 40px;">'
        '<div><svg aria-label="Threads" height="32px" role="img" viewBox="0 0 192 192"></svg></div>'
        f' <div style="font-size: 15px;"> Post by @{USER}</div> '
        '<div style="font-weight: 600;"> View on Threads</div></div></a></blockquote>'
        '<script async src="https://www.threads.net/embed.js"></script>'
    )


def threads_posts(document: str, **options: object) -> list[tr.Post]:
    return [p for p in tr.extract(document, **options) if p.platform == "threads"]  # type: ignore[arg-type]


def only(document: str) -> tr.Post:
    posts = threads_posts(document)
    assert len(posts) == 1, posts
    return posts[0]


@pytest.mark.parametrize(
    ("url", "handle", "canonical"),
    [
        # both domains, with a query, the embed page
        (f"https://www.threads.net/@{USER}/post/{CODE}", USER, CANONICAL),
        (f"https://www.threads.com/@{USER}/post/{CODE}?xmt=AQGz", USER, CANONICAL),
        (f"https://threads.net/@{USER}/post/{CODE}/embed", USER, CANONICAL),
        (f"https://www.threads.net/@{USER}/post/{CODE}/media", USER, CANONICAL),
        # the short form, without the author
        (f"https://www.threads.net/t/{CODE}", None, f"https://www.threads.com/t/{CODE}"),
    ],
)
def test_parse_url_post_shapes(url: str, handle: str | None, canonical: str) -> None:
    """Post URLs give the code, the author when shown and the threads.com URL."""
    ref = tr.parse_post_url(url)
    assert ref is not None
    assert (ref.platform, ref.post_id, ref.handle, ref.url) == ("threads", CODE, handle, canonical)


@pytest.mark.parametrize(
    "url",
    [
        # profiles
        f"https://www.threads.net/@{USER}",
        f"https://www.threads.com/@{USER}/replies",
        # look-alike hosts and other platforms sharing the code alphabet
        f"https://www.threads.net.example.com/@{USER}/post/{CODE}",
        f"https://www.instagram.com/p/{CODE}/",
        f"https://mastodon.example/@{USER}/113079171241665414",
    ],
)
def test_parse_url_not_posts(url: str) -> None:
    """Profiles, look-alike hosts, Instagram and Mastodon URLs are not Threads posts."""
    assert THREADS.parse_url(url) is None


@pytest.mark.parametrize(
    "document",
    [
        # threads.net and threads.com snippets
        snippet(),
        snippet(host="www.threads.com"),
        # without the script, attributes moved, inside a wrapper
        '<div class="embed">'
        + snippet(attrs=' data-extra="1"')
        .split("<script")[0]
        .replace('class="text-post-media" ', "")
        .replace("<blockquote ", '<blockquote class="text-post-media" ')
        + "</div>",
    ],
)
def test_snippet(document: str) -> None:
    """The snippet gives code, handle and the creation time from the shared decoder."""
    post = only(document)
    assert (post.post_id, post.url, post.form) == (CODE, CANONICAL, "blockquote")
    assert post.author == tr.Author(handle=USER)
    assert (post.text, post.date_text) == (None, None)
    assert post.created_at == instagram_time(CODE)
    assert post.created_at is not None


def test_snippet_with_only_its_id() -> None:
    """A snippet stripped to its ``id="ig-tp-CODE"`` gives the code and the byline's handle."""
    post = only(
        f'<blockquote class="text-post-media" id="ig-tp-{CODE}"><div> Post by @{USER}</div>'
        "</blockquote>"
    )
    assert (post.post_id, post.handle) == (CODE, USER)


def test_rendered_iframe() -> None:
    """The iframe that embed.js renders gives the post (the script is its marker)."""
    document = (
        f'<iframe src="https://www.threads.net/@{USER}/post/{CODE}/embed" width="540"></iframe>'
        '<script async src="https://www.threads.net/embed.js"></script>'
    )
    post = only(document)
    assert (post.post_id, post.form, post.handle) == (CODE, "rendered", USER)


@pytest.mark.parametrize(
    "document",
    [
        "<style>.text-post-media { max-width: 540px }</style><p>x</p>",
        f'<script>var s = \'<blockquote class="text-post-media" id="ig-tp-{CODE}">\';</script>'
        "<p>x</p>",
        f'<a href="https://www.threads.net/@{USER}">Follow us on Threads</a>',
        # the class on a blockquote that names no post
        '<blockquote class="text-post-media"><p>Quote</p></blockquote>',
    ],
)
def test_not_posts(document: str) -> None:
    """CSS, script strings, follow links and empty look-alikes are not posts."""
    assert threads_posts(document, include_links=True) == []


def test_markers_skip_pages_with_only_follow_links() -> None:
    """A follow link does not trigger the Threads markers."""
    page = f'<a href="https://www.threads.net/@{USER}">Threads</a>'.lower()
    assert not markers_present(page, THREADS.markers)
    assert markers_present(snippet().lower(), THREADS.markers)


@pytest.mark.parametrize(
    "text",
    [
        f"Post by @{USER}\nView on Threads",
        f"> Post by @{USER}\n>\n> View on Threads",
        f"Post by @{USER} View on Threads",
    ],
)
def test_residue(text: str) -> None:
    """``Post by @handle`` then ``View on Threads`` is a Threads post's residue."""
    posts = [
        p for p in tr.extract(f"Intro.\n\n{text}\n\nAfter.", kind="text") if p.platform == "threads"
    ]
    assert [(p.handle, p.form, p.post_id) for p in posts] == [(USER, "text", None)]


@pytest.mark.parametrize(
    "text",
    [
        # the Mastodon byline
        f"Post by @{USER}@mastodon.example\nView on Mastodon",
        # a byline without the Threads line
        f"Post by @{USER}\nRead more",
    ],
)
def test_residue_not_threads(text: str) -> None:
    """Mastodon's byline and lone "Post by" lines are not Threads residue."""
    assert list(THREADS.find_in_text(text)) == []
