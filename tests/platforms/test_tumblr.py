"""Tests for tweetresolve.platforms.tumblr: permalinks, the placeholder and its rendered iframe."""

from __future__ import annotations

import pytest

import tweetresolve as tr

POST_ID = "745429050241"

# The embed code (invented blog, token and ids).
PLACEHOLDER = (
    '<div class="tumblr-post" data-href="https://embed.tumblr.com/embed/post/AbCdEfGhIjK_lMnOpQ/'
    f'{POST_ID}" data-did="0123456789abcdef0123456789abcdef01234567">'
    f'<a href="https://kettle-example.tumblr.com/post/{POST_ID}/my-kettle">'
    f"https://kettle-example.tumblr.com/post/{POST_ID}/my-kettle</a></div>"
    '<script async="" src="https://assets.tumblr.com/post.js"></script>'
)
CANONICAL = f"https://kettle-example.tumblr.com/post/{POST_ID}"


def tumblr_posts(document: str, *, include_links: bool = False) -> list[tr.Post]:
    return [p for p in tr.extract(document, include_links=include_links) if p.platform == "tumblr"]


@pytest.mark.parametrize(
    ("url", "handle", "canonical"),
    [
        (f"https://kettle-example.tumblr.com/post/{POST_ID}", "kettle-example", CANONICAL),
        # slug, query, upper case, http
        (
            f"http://Kettle-Example.tumblr.com/post/{POST_ID}/my-kettle?s=1",
            "kettle-example",
            CANONICAL,
        ),
        # the older /image/ page
        (f"https://kettle-example.tumblr.com/image/{POST_ID}", "kettle-example", CANONICAL),
        # the blog view on www.tumblr.com
        (f"https://www.tumblr.com/kettle-example/{POST_ID}/my-kettle", "kettle-example", CANONICAL),
        (f"https://www.tumblr.com/blog/view/kettle-example/{POST_ID}", "kettle-example", CANONICAL),
        # the embed page: no blog name
        (
            f"https://embed.tumblr.com/embed/post/AbCdEfGhIjK_lMnOpQ/{POST_ID}?width=542",
            None,
            f"https://embed.tumblr.com/embed/post/AbCdEfGhIjK_lMnOpQ/{POST_ID}?width=542",
        ),
    ],
)
def test_parse_url_shapes(url: str, handle: str | None, canonical: str) -> None:
    """Post URLs give the numeric id (unique across blogs) and the blog as handle."""
    ref = tr.parse_post_url(url)
    assert ref is not None
    assert (ref.platform, ref.post_id, ref.handle) == ("tumblr", POST_ID, handle)
    if handle:
        assert ref.url == canonical
    else:
        assert ref.url is not None
        assert ref.url.startswith("https://embed.tumblr.com/embed/post/")


@pytest.mark.parametrize(
    "url",
    [
        "https://kettle-example.tumblr.com/",  # blog
        "https://kettle-example.tumblr.com/tagged/kettles",
        "https://www.tumblr.com/kettle-example",  # blog on www
        "https://www.tumblr.com/dashboard/123456789",
        "https://www.tumblr.com/tagged/123456789",
        "https://www.tumblr.com/share/link?url=https%3A%2F%2Fexample.com",  # share intent
        "https://assets.tumblr.com/post.js",
        "https://blog.example.com/post/745429050241",  # a custom domain alone is not claimed
        "https://www.tumblr.com/kettle-example/123",  # too short to be a post id
    ],
)
def test_parse_url_rejects(url: str) -> None:
    """Blogs, tags, the dashboard, share intents and bare custom domains are not claimed."""
    ref = tr.parse_post_url(url)
    assert ref is None or ref.platform != "tumblr"


def test_placeholder() -> None:
    """The placeholder gives id, blog, permalink; form is script (a post.js placeholder)."""
    [post] = tumblr_posts(PLACEHOLDER)
    assert (post.post_id, post.url, post.form) == (POST_ID, CANONICAL, "script")
    assert post.author == tr.Author(
        handle="kettle-example", url="https://kettle-example.tumblr.com/"
    )
    assert post.span is not None
    assert PLACEHOLDER[post.span[0] :].startswith('<div class="tumblr-post"')


@pytest.mark.parametrize(
    ("document", "url"),
    [
        # attribute order, no script
        (
            f'<div data-did="x" data-href="https://embed.tumblr.com/embed/post/AbC/{POST_ID}" '
            f'class="tumblr-post"><a href="{CANONICAL}">{CANONICAL}</a></div>',
            CANONICAL,
        ),
        # a blog on its own domain
        (
            f'<div class="tumblr-post" data-href="https://embed.tumblr.com/embed/post/AbC/{POST_ID}">'
            f'<a href="https://blog.example.com/post/{POST_ID}/my-kettle">link</a></div>',
            f"https://blog.example.com/post/{POST_ID}",
        ),
        # the link lost: data-href alone
        (
            f'<div class="tumblr-post" data-href="https://embed.tumblr.com/embed/post/AbC/{POST_ID}">'
            "</div>",
            f"https://embed.tumblr.com/embed/post/AbC/{POST_ID}",
        ),
        # inside a WordPress embed figure
        (
            '<figure class="wp-block-embed is-provider-tumblr wp-block-embed-tumblr">'
            f'<div class="wp-block-embed__wrapper">{PLACEHOLDER}</div></figure>',
            CANONICAL,
        ),
    ],
)
def test_placeholder_variants(document: str, url: str) -> None:
    """Attribute order, custom domains, a missing link and wrappers."""
    [post] = tumblr_posts(document)
    assert (post.post_id, post.url) == (POST_ID, url)


def test_rendered_iframe() -> None:
    """What post.js leaves: an iframe on embed.tumblr.com with the tumblr-embed class."""
    document = (
        '<iframe class="tumblr-embed tumblr-embed-loaded" '
        f'src="https://embed.tumblr.com/embed/post/AbCdEfGhIjK_lMnOpQ/{POST_ID}?width=542&amp;'
        'language=en_US&amp;did=0123" width="542" height="600" frameborder="0"></iframe>'
    )
    [post] = tumblr_posts(document)
    assert (post.post_id, post.form, post.author) == (POST_ID, "rendered", None)


def test_amp_iframe() -> None:
    """AMP pages load the embed page in an amp-iframe."""
    document = (
        '<amp-iframe width="540" height="400" layout="responsive" sandbox="allow-scripts" '
        f'src="https://embed.tumblr.com/embed/post/AbCdEfGhIjK_lMnOpQ/{POST_ID}"></amp-iframe>'
    )
    assert [(p.post_id, p.form) for p in tumblr_posts(document)] == [(POST_ID, "amp")]


def test_placeholder_link_is_not_a_second_post() -> None:
    """The permalink inside the placeholder is the same post, even with include_links."""
    posts = tr.extract(PLACEHOLDER, include_links=True)
    assert [(p.platform, p.post_id, p.form) for p in posts] == [("tumblr", POST_ID, "script")]


@pytest.mark.parametrize(
    "document",
    [
        # share and follow links
        '<a class="icon-tumblr" href="https://www.tumblr.com/share/link?url=x">Tumblr</a>'
        '<a href="https://kettle-example.tumblr.com/">Follow</a>',
        # CSS and scripts
        "<style>.tumblr-post{margin:0}</style><script>var c='tumblr-post';</script><p>x</p>",
        # a placeholder with nothing that names a post
        '<div class="tumblr-post"><a href="https://kettle-example.tumblr.com/">blog</a></div>',
    ],
)
def test_not_posts(document: str) -> None:
    """Share and follow links, CSS, scripts and empty placeholders are not posts."""
    assert tumblr_posts(document) == []


def test_text_residue_is_the_bare_link() -> None:
    """The only residue is the URL, found with include_links."""
    text = f"Look: {CANONICAL}/my-kettle"
    assert tr.extract(text) == []
    [post] = tr.extract(text, include_links=True)
    assert (post.platform, post.post_id, post.form) == ("tumblr", POST_ID, "link")
