"""Tests for tweetresolve.platforms.linkedin: post URLs and the embed iframe."""

from __future__ import annotations

import datetime as dt

import pytest

import tweetresolve as tr
from tweetresolve.platforms.linkedin import LINKEDIN

ACTIVITY = "6729018118783479808"
CREATED = dt.datetime(2020, 11, 2, 13, 15, 38, 629000, tzinfo=dt.timezone.utc)

# The embed code LinkedIn offers (invented id).
IFRAME = (
    f'<iframe src="https://www.linkedin.com/embed/feed/update/urn:li:share:{ACTIVITY}" '
    'height="640" width="100%" frameborder="0" allowfullscreen="" title="Embedded post"></iframe>'
)


def linkedin_posts(document: str, *, include_links: bool = False) -> list[tr.Post]:
    return [
        p for p in tr.extract(document, include_links=include_links) if p.platform == "linkedin"
    ]


@pytest.mark.parametrize(
    ("url", "urn", "handle"),
    [
        # the /posts/ permalink: vanity name, words of the text, activity id, suffix
        (
            f"https://www.linkedin.com/posts/ada-example_kettles-tea-activity-{ACTIVITY}-B2Ma",
            f"urn:li:activity:{ACTIVITY}",
            "ada-example",
        ),
        # a slug that itself contains "-activity-", with a tracking query
        (
            f"https://www.linkedin.com/posts/ada-example_my-activity-log-activity-{ACTIVITY}-xY_z"
            "?utm_source=share&utm_medium=member_desktop",
            f"urn:li:activity:{ACTIVITY}",
            "ada-example",
        ),
        # share and ugcPost kinds in /posts/ URLs
        (
            f"https://www.linkedin.com/posts/kettle-co_launch-share-{ACTIVITY}-AbCd/",
            f"urn:li:share:{ACTIVITY}",
            "kettle-co",
        ),
        (
            f"https://de.linkedin.com/posts/kettle-co_launch-ugcPost-{ACTIVITY}-AbCd",
            f"urn:li:ugcPost:{ACTIVITY}",
            "kettle-co",
        ),
        # the feed-update page
        (
            f"https://www.linkedin.com/feed/update/urn:li:activity:{ACTIVITY}/",
            f"urn:li:activity:{ACTIVITY}",
            None,
        ),
        # percent-encoded colons
        (
            f"https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A{ACTIVITY}",
            f"urn:li:activity:{ACTIVITY}",
            None,
        ),
        # the embed iframe's URL, with the compact option
        (
            f"https://www.linkedin.com/embed/feed/update/urn:li:ugcPost:{ACTIVITY}?compact=1",
            f"urn:li:ugcPost:{ACTIVITY}",
            None,
        ),
        # lower-case kind
        (
            f"https://linkedin.com/feed/update/urn:li:ugcpost:{ACTIVITY}",
            f"urn:li:ugcPost:{ACTIVITY}",
            None,
        ),
    ],
)
def test_parse_url_shapes(url: str, urn: str, handle: str | None) -> None:
    """Post URLs give the URN as post_id and the feed-update page as canonical URL."""
    ref = tr.parse_post_url(url)
    assert ref == tr.PostRef(
        platform="linkedin",
        post_id=urn,
        handle=handle,
        url=f"https://www.linkedin.com/feed/update/{urn}/",
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/ada-example/",  # profile
        "https://www.linkedin.com/company/kettle-co/",  # company page
        "https://www.linkedin.com/shareArticle?mini=true&url=https%3A%2F%2Fexample.com",  # share
        "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fexample.com",
        "https://www.linkedin.com/pulse/kettles-and-tea-ada-example",  # article
        "https://www.linkedin.com/posts/ada-example_kettles",  # no id
        "https://lnkd.in/AbCdEf",  # a general short link, not necessarily a post
        f"https://www.linkedin.com/feed/update/urn:li:comment:{ACTIVITY}",  # not a post URN
    ],
)
def test_parse_url_rejects(url: str) -> None:
    """Profiles, company pages, share intents, articles and short links are not posts."""
    ref = tr.parse_post_url(url)
    assert ref is None or ref.platform != "linkedin"


def test_embed_iframe() -> None:
    """The iframe gives the URN, the feed-update URL and the id's time."""
    [post] = linkedin_posts(IFRAME)
    assert post.post_id == f"urn:li:share:{ACTIVITY}"
    assert post.url == f"https://www.linkedin.com/feed/update/urn:li:share:{ACTIVITY}/"
    assert (post.form, post.created_at, post.author) == ("iframe", CREATED, None)


@pytest.mark.parametrize(
    "document",
    [
        # a trailing space inside src, as pasted
        IFRAME.replace(f'{ACTIVITY}"', f'{ACTIVITY} "'),
        # attribute order, single quotes, compact option
        f"<iframe title='Embedded post' height=399 src='https://www.linkedin.com/embed/feed/update/"
        f"urn:li:share:{ACTIVITY}?compact=1' width=504></iframe>",
        # inside a WordPress figure and a paragraph
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper"><p>'
        + IFRAME
        + "</p></div></figure>",
        # protocol-relative
        IFRAME.replace("https://www.linkedin.com", "//www.linkedin.com"),
    ],
)
def test_iframe_variants(document: str) -> None:
    """Attribute order, whitespace, wrappers and protocol-relative URLs."""
    assert [p.post_id for p in linkedin_posts(document)] == [f"urn:li:share:{ACTIVITY}"]


def test_amp_iframe() -> None:
    """AMP pages load the same URL in an amp-iframe."""
    document = (
        '<amp-iframe width="504" height="640" layout="responsive" sandbox="allow-scripts" '
        f'src="https://www.linkedin.com/embed/feed/update/urn:li:share:{ACTIVITY}"></amp-iframe>'
    )
    assert [(p.post_id, p.form) for p in linkedin_posts(document)] == [
        (f"urn:li:share:{ACTIVITY}", "amp")
    ]


@pytest.mark.parametrize(
    "document",
    [
        # share button, profile and company links, the Insight tag script
        '<a href="https://www.linkedin.com/shareArticle?mini=true&amp;url=x">LinkedIn</a>'
        '<a href="https://www.linkedin.com/in/ada-example/">Ada</a>'
        '<script src="//platform.linkedin.com/in.js"></script>',
        # the iframe URL only inside a script string
        f"<script>var u = 'https://www.linkedin.com/embed/feed/update/urn:li:share:{ACTIVITY}';"
        "</script>",
    ],
)
def test_not_posts(document: str) -> None:
    """Share buttons, profile links and script strings are not posts."""
    assert linkedin_posts(document) == []


def test_share_buttons_do_not_trigger_parsing() -> None:
    """A page with only LinkedIn share and profile links has no LinkedIn marker."""
    document = '<a href="https://www.linkedin.com/shareArticle?mini=true&url=x">in</a>'
    assert not any(marker in document.lower() for marker in LINKEDIN.markers)


def test_post_link_with_include_links() -> None:
    """A /posts/ link in an article is a link-form post when asked for."""
    document = (
        '<p>As <a href="https://www.linkedin.com/posts/ada-example_kettles-activity-'
        f'{ACTIVITY}-B2Ma">she wrote</a>.</p>'
    )
    assert linkedin_posts(document) == []
    [post] = linkedin_posts(document, include_links=True)
    assert (post.post_id, post.form) == (f"urn:li:activity:{ACTIVITY}", "link")
