"""Tests for tweetresolve.platforms.mastodon: permalinks on any instance, embeds, residue."""

from __future__ import annotations

import datetime as dt

import pytest

import tweetresolve as tr
from tweetresolve.platforms.mastodon import MASTODON

STATUS = "113079171241665414"
CREATED = dt.datetime(2024, 9, 4, 12, 0, 21, 338000, tzinfo=dt.timezone.utc)

# Mastodon >= 4.3 oEmbed markup (invented instance, user and id; styles shortened).
BLOCKQUOTE = (
    '<blockquote class="mastodon-embed" '
    f'data-embed-url="https://toot.example.net/@ada_example/{STATUS}/embed" '
    'style="background: #FCF8FF; border-radius: 8px; max-width: 540px;">'
    f'<a href="https://toot.example.net/@ada_example/{STATUS}" target="_blank" '
    'style="display: flex;"><svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" '
    'viewBox="0 0 79 75"><path d="M63 45.3v-20" fill="currentColor"/></svg>'
    '<div style="margin-top: 16px;">Post by @ada_example@toot.example.net</div>'
    '<div style="font-weight: 500;">View on Mastodon</div></a></blockquote>'
    '<script data-allowed-prefixes="https://toot.example.net/" async '
    'src="https://toot.example.net/embed.js"></script>'
)

# Mastodon < 4.3 iframe embed.
IFRAME = (
    f'<iframe src="https://toot.example.net/@ada_example/{STATUS}/embed" class="mastodon-embed" '
    'style="max-width: 100%; border: 0" width="540" allowfullscreen="allowfullscreen"></iframe>'
    '<script src="https://toot.example.net/embed.js" async="async"></script>'
)


def mastodon_posts(document: str, *, include_links: bool = False) -> list[tr.Post]:
    return [
        p for p in tr.extract(document, include_links=include_links) if p.platform == "mastodon"
    ]


@pytest.mark.parametrize(
    ("url", "handle", "canonical"),
    [
        # the web permalink on an arbitrary instance
        (
            f"https://toot.example.net/@ada_example/{STATUS}",
            "ada_example@toot.example.net",
            f"https://toot.example.net/@ada_example/{STATUS}",
        ),
        # its embed page, with a query
        (
            f"https://toot.example.net/@ada_example/{STATUS}/embed?x=1",
            "ada_example@toot.example.net",
            f"https://toot.example.net/@ada_example/{STATUS}",
        ),
        # a remote account's status seen from another instance: the id is that instance's
        (
            f"https://toot.example.net/@bo@elsewhere.example.org/{STATUS}",
            "bo@elsewhere.example.org",
            f"https://toot.example.net/@bo@elsewhere.example.org/{STATUS}",
        ),
        # the ActivityPub id of the status
        (
            f"https://toot.example.net/users/ada_example/statuses/{STATUS}",
            "ada_example@toot.example.net",
            f"https://toot.example.net/@ada_example/{STATUS}",
        ),
        # the web app's own routes
        (
            f"https://toot.example.net/web/@ada_example/{STATUS}",
            "ada_example@toot.example.net",
            f"https://toot.example.net/@ada_example/{STATUS}",
        ),
        (
            f"https://toot.example.net/deck/@ada_example/{STATUS}",
            "ada_example@toot.example.net",
            f"https://toot.example.net/@ada_example/{STATUS}",
        ),
        # upper-case host, http, trailing slash
        (
            f"http://Toot.Example.NET/@Ada_Example/{STATUS}/",
            "Ada_Example@toot.example.net",
            f"https://toot.example.net/@Ada_Example/{STATUS}",
        ),
        # a 17-digit id of late 2017
        (
            "https://toot.example.net/@ada/99123456789012345",
            "ada@toot.example.net",
            "https://toot.example.net/@ada/99123456789012345",
        ),
    ],
)
def test_parse_url_status_shapes(url: str, handle: str, canonical: str) -> None:
    """Status URLs on any instance give the id, ``user@instance`` and a canonical URL."""
    ref = tr.parse_post_url(url)
    assert ref is not None
    assert ref.platform == "mastodon"
    assert (ref.post_id, ref.handle, ref.url) == (canonical.rsplit("/", 1)[1], handle, canonical)


@pytest.mark.parametrize(
    "url",
    [
        "https://toot.example.net/@ada_example",  # profile
        "https://toot.example.net/@ada_example/media",  # profile tab
        "https://toot.example.net/@ada_example/12",  # short number: not claimed on a random host
        "https://blog.example.com/@ada/2024/05/01/kettles",  # a blog's date path
        "https://toot.example.net/tags/kettles",
        "https://toot.example.net/share?text=hello",  # share intent
        f"https://toot.example.net/users/ada_example/followers/{STATUS}",
        # another platform with @user paths
        "https://www.tiktok.com/@ada_example/video/7234567890123456789",
        "https://www.threads.net/@ada_example/post/C-AbCdEfGhI",
    ],
)
def test_parse_url_rejects_non_statuses(url: str) -> None:
    """Profiles, tags, share intents and other platforms are not Mastodon statuses."""
    ref = tr.parse_post_url(url)
    assert ref is None or ref.platform != "mastodon"


def test_truth_social_urls_are_not_mastodon() -> None:
    """Truth Social runs Mastodon but has its own platform entry."""
    assert MASTODON.parse_url(f"https://truthsocial.com/@ada/{STATUS}/embed") is None
    ref = tr.parse_post_url(f"https://truthsocial.com/@ada/{STATUS}/embed")
    assert ref is not None
    assert ref.platform == "truthsocial"


def test_blockquote_embed() -> None:
    """The >= 4.3 blockquote gives id, handle, URL and the id's time; it shows no text."""
    [post] = mastodon_posts(BLOCKQUOTE)
    assert post.post_id == STATUS
    assert post.url == f"https://toot.example.net/@ada_example/{STATUS}"
    assert post.author == tr.Author(
        handle="ada_example@toot.example.net", url="https://toot.example.net/@ada_example"
    )
    assert post.created_at == CREATED
    assert (post.form, post.text, post.date_text) == ("blockquote", None, None)
    assert post.span is not None
    assert BLOCKQUOTE[post.span[0] :].startswith("<blockquote")


def test_blockquote_without_data_attribute_or_script() -> None:
    """Without data-embed-url or the script, the inner link still names the status."""
    document = BLOCKQUOTE.replace(
        f'data-embed-url="https://toot.example.net/@ada_example/{STATUS}/embed" ', ""
    ).split("<script")[0]
    [post] = mastodon_posts(document)
    assert (post.post_id, post.form) == (STATUS, "blockquote")


def test_blockquote_in_wordpress_figure() -> None:
    """Inside a WordPress embed figure the blockquote is one post."""
    document = (
        '<figure class="wp-block-embed is-type-rich is-provider-mastodon wp-block-embed-mastodon">'
        f'<div class="wp-block-embed__wrapper">\n{BLOCKQUOTE}\n</div></figure>'
    )
    assert [p.post_id for p in mastodon_posts(document)] == [STATUS]


def test_iframe_embed() -> None:
    """The < 4.3 iframe form."""
    [post] = mastodon_posts(IFRAME)
    assert (post.post_id, post.form, post.created_at) == (STATUS, "iframe", CREATED)
    assert post.author is not None
    assert post.author.handle == "ada_example@toot.example.net"


@pytest.mark.parametrize(
    "document",
    [
        # attributes reordered, single quotes, extra whitespace
        f"<iframe  allowfullscreen class='mastodon-embed'\n width=540\n"
        f"  src='https://toot.example.net/@ada_example/{STATUS}/embed' ></iframe>",
        # class stripped by a CMS but another marker on the page
        f'<p class="mastodon-embed-note">from the fediverse</p>'
        f'<iframe src="https://toot.example.net/@ada_example/{STATUS}/embed"></iframe>',
        # a remote account's status, embedded from the viewing instance
        f'<iframe class="mastodon-embed" src="https://toot.example.net/@ada_example/{STATUS}/embed">'
        "</iframe>",
    ],
)
def test_iframe_variants(document: str) -> None:
    """Attribute order, quoting, whitespace and a missing class do not matter."""
    assert [p.post_id for p in mastodon_posts(document)] == [STATUS]


def test_rendered_iframe_inside_blockquote_is_one_post() -> None:
    """A page saved after embed.js ran may hold the iframe inside the blockquote."""
    frame = IFRAME.split("<script", maxsplit=1)[0]
    document = BLOCKQUOTE.replace("</blockquote>", frame + "</blockquote>")
    [post] = mastodon_posts(document)
    assert post.form == "blockquote"


def test_entity_encoded_embed_url() -> None:
    """Entities in attribute values are decoded by the parser."""
    document = IFRAME.replace(
        "https://toot.example.net/", "https:&#x2F;&#x2F;toot.example.net&#x2F;"
    )
    assert [p.post_id for p in mastodon_posts(document)] == [STATUS]


@pytest.mark.parametrize(
    "document",
    [
        # a follow link: profile, no status
        '<a class="mastodon-embed-follow" href="https://toot.example.net/@ada_example">Follow</a>',
        # an iframe of some other page on a host, not an /embed status page
        f'<iframe src="https://video.example.net/@ada/{STATUS}"></iframe>'
        '<div class="mastodon-embed"></div>',
        # the class only in CSS and in a script string
        "<style>iframe.mastodon-embed { border: 0 }</style>"
        "<script>document.querySelectorAll('iframe.mastodon-embed')</script>",
    ],
)
def test_not_posts(document: str) -> None:
    """Follow links, other iframes, CSS and scripts are not posts."""
    assert mastodon_posts(document) == []


def test_status_link_only_with_include_links() -> None:
    """A status linked in an article is a link-form post when asked for."""
    document = f'<p>Read <a href="https://toot.example.net/@ada_example/{STATUS}">this</a>.</p>'
    assert mastodon_posts(document) == []
    [post] = mastodon_posts(document, include_links=True)
    assert (post.post_id, post.form) == (STATUS, "link")


@pytest.mark.parametrize(
    ("text", "post_id"),
    [
        # BeautifulSoup get_text / trafilatura: two lines
        ("Some article.\nPost by @ada_example@toot.example.net\nView on Mastodon\nMore.", None),
        # get_text("") glues the two lines
        ("Post by @ada_example@toot.example.netView on Mastodon", None),
        # one line with spaces
        ("Post by @ada_example@toot.example.net View on Mastodon", None),
        # html2text: the link wraps both lines and gives the status
        (
            f"[ Post by @ada_example@toot.example.net View on Mastodon ]"
            f"(https://toot.example.net/@ada_example/{STATUS})",
            STATUS,
        ),
        # alone on its line, the "View on" line lost
        ("Intro.\n\nPost by @ada_example@toot.example.net\n\nOutro.", None),
    ],
)
def test_text_residue(text: str, post_id: str | None) -> None:
    """``Post by @user@instance`` / ``View on Mastodon`` is a Mastodon post."""
    posts = tr.extract(text)
    assert [p.platform for p in posts] == ["mastodon"]
    [post] = posts
    assert post.post_id == post_id
    assert post.author is not None
    assert post.author.handle == "ada_example@toot.example.net"
    assert post.form == "text"
    assert post.span is not None
    assert text[post.span[0] :].lstrip("[ ").startswith("Post by")


@pytest.mark.parametrize(
    "text",
    [
        "I liked the post by @ada_example@toot.example.net about kettles.",
        "Post by @ada_example\nView on Threads",  # Threads residue: one @, no instance
        "Contact: ada_example@toot.example.net",
    ],
)
def test_text_non_residue(text: str) -> None:
    """Prose mentioning a fediverse address is not an embed."""
    assert [p for p in tr.extract(text) if p.platform == "mastodon"] == []


def test_nested_unclosed_blockquotes() -> None:
    """Thousands of unclosed embed blockquotes nest; they are read as one post."""
    unit = (
        '<blockquote class="mastodon-embed">'
        f'<a href="https://toot.example.net/@ada_example/{STATUS}">x</a>'
    )
    assert [p.post_id for p in mastodon_posts(unit * 2000)] == [STATUS]


def test_long_line_of_near_residue() -> None:
    """A long line of ``Post by @a@b.c`` fragments is not an embed."""
    text = ("Post by @a@b.cd" + " " * 11) * 5000
    assert [p for p in tr.extract(text, kind="text") if p.platform == "mastodon"] == []
