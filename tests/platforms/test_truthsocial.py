"""Tests for tweetresolve.platforms.truthsocial: the Mastodon fork on one host."""

from __future__ import annotations

import datetime as dt

import pytest

import tweetresolve as tr

STATUS = "114491534347862682"
CREATED = dt.datetime(2025, 5, 11, 22, 22, 52, 56000, tzinfo=dt.timezone.utc)
CANONICAL = f"https://truthsocial.com/@ada_example/posts/{STATUS}"

# The embed as documented (Mastodon's iframe form with its own class); invented user and id.
IFRAME = (
    f'<iframe src="https://truthsocial.com/@ada_example/{STATUS}/embed" class="truthsocial-embed" '
    'style="max-width: 100%; border: 0" width="600" allowfullscreen="allowfullscreen"></iframe>'
    '<script src="https://truthsocial.com/embed.js" async="async"></script>'
)


def truth_posts(document: str, *, include_links: bool = False) -> list[tr.Post]:
    return [
        p for p in tr.extract(document, include_links=include_links) if p.platform == "truthsocial"
    ]


@pytest.mark.parametrize(
    "url",
    [
        CANONICAL,  # web permalink
        f"https://www.truthsocial.com/@ada_example/posts/{STATUS}?utm_source=x",  # www, query
        f"https://truthsocial.com/@ada_example/{STATUS}/embed",  # embed page
        f"https://truthsocial.com/@ada_example/{STATUS}",  # Mastodon-style path
        f"https://truthsocial.com/users/ada_example/statuses/{STATUS}",  # ActivityPub id
    ],
)
def test_parse_url_shapes(url: str) -> None:
    """Every Truth Social status URL gives the id, the bare user name and the /posts/ URL."""
    ref = tr.parse_post_url(url)
    assert ref == tr.PostRef(
        platform="truthsocial", post_id=STATUS, handle="ada_example", url=CANONICAL
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://truthsocial.com/@ada_example",  # profile
        "https://truthsocial.com/@ada_example/posts",  # profile tab
        "https://truthsocial.com/share?text=hello",
        f"https://nottruthsocial.com/@ada_example/posts/{STATUS}",  # another host
    ],
)
def test_parse_url_rejects(url: str) -> None:
    """Profiles, share links and look-alike hosts are not Truth Social posts."""
    ref = tr.parse_post_url(url)
    assert ref is None or ref.platform != "truthsocial"


def test_iframe_embed() -> None:
    """The iframe gives the status id, the user and the id's time."""
    [post] = truth_posts(IFRAME)
    assert (post.post_id, post.url, post.form) == (STATUS, CANONICAL, "iframe")
    assert post.author == tr.Author(
        handle="ada_example", url="https://truthsocial.com/@ada_example"
    )
    assert post.created_at == CREATED
    assert [p.platform for p in tr.extract(IFRAME)] == ["truthsocial"]


@pytest.mark.parametrize(
    "document",
    [
        # attributes reordered, no script
        f"<iframe class='truthsocial-embed' width=600\n src='https://truthsocial.com/@ada_example/{STATUS}/embed'>"
        "</iframe>",
        # inside a WordPress embed figure
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">'
        + IFRAME
        + "</div></figure>",
        # class stripped; the page still has the marker elsewhere
        '<div class="truthsocial-embed-wrapper">'
        f'<iframe src="https://truthsocial.com/@ada_example/{STATUS}/embed"></iframe></div>',
    ],
)
def test_iframe_variants(document: str) -> None:
    """Attribute order, wrappers and a missing class do not matter."""
    assert [p.post_id for p in truth_posts(document)] == [STATUS]


@pytest.mark.parametrize(
    "document",
    [
        '<a href="https://truthsocial.com/@ada_example">Follow us on Truth Social</a>',
        "<style>.truthsocial-embed{border:0}</style><p>text</p>",
        f'<a href="{CANONICAL}">a post</a>',  # a link, without include_links
    ],
)
def test_not_embeds(document: str) -> None:
    """Follow links, CSS and plain links are not embeds."""
    assert truth_posts(document) == []


def test_link_with_include_links() -> None:
    """A permalink in the article is a link-form post when asked for."""
    [post] = truth_posts(f'<p><a href="{CANONICAL}">a post</a></p>', include_links=True)
    assert (post.post_id, post.form) == (STATUS, "link")
