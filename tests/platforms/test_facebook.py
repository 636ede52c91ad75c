"""Tests for tweetresolve.platforms.facebook: permalinks, XFBML placeholders, plugin iframes."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from moments import utc_day

import tweetresolve as tr
from tweetresolve.platforms.facebook import _RESERVED_SLUGS, FACEBOOK
from tweetresolve.prefilter import markers_present

# Invented pages, ids and texts in the documented markup.
POST_URL = "https://www.facebook.com/ada.example/posts/10101301165605491"
VIDEO_URL = "https://www.facebook.com/ada.example/videos/10153231379946729/"

SDK = (
    '<div id="fb-root"></div><script async defer crossorigin="anonymous" '
    'src="https://connect.facebook.net/en_US/sdk.js#xfbml=1&version=v17.0" nonce="x"></script>'
)

# The XFBML post snippet, en_GB locale.
FB_POST = (
    f'<div class="fb-post" data-href="{POST_URL}" data-width="500" data-show-text="true">'
    f'<blockquote cite="{POST_URL}" class="fb-xfbml-parse-ignore"><p>Our bakery opens a second '
    "shop on Saturday, come and say hello!</p>Posted by "
    '<a href="https://www.facebook.com/ada.example">Ada Example Bakery</a> on&nbsp;'
    f'<a href="{POST_URL}">Thursday, 13 March 2014</a></blockquote></div>'
)

# The video snippet: title link first, the date as bare text after the author link.
FB_VIDEO = (
    f'<div class="fb-video" data-href="{VIDEO_URL}" data-width="500" data-show-text="true">'
    f'<blockquote cite="{VIDEO_URL}" class="fb-xfbml-parse-ignore">'
    f'<a href="{VIDEO_URL}">How we knead the dough</a><p>Five minutes of kneading.</p>'
    'Posted by <a href="https://www.facebook.com/ada.example/">Ada Example Bakery</a> on\n'
    "        Friday, 5 December 2014\n    </blockquote></div>"
)


def facebook_posts(document: str, **options: object) -> list[tr.Post]:
    return [p for p in tr.extract(document, **options) if p.platform == "facebook"]  # type: ignore[arg-type]


def only(document: str) -> tr.Post:
    posts = facebook_posts(document)
    assert len(posts) == 1, posts
    return posts[0]


# --- permalinks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "post_id", "handle", "canonical"),
    [
        # a page's post, with and without a trailing slash and a query
        (POST_URL, "10101301165605491", "ada.example", POST_URL),
        (POST_URL + "/?comment_id=1&ref=embed_post", "10101301165605491", "ada.example", POST_URL),
        # other web hosts
        (POST_URL.replace("www.", "m."), "10101301165605491", "ada.example", POST_URL),
        (POST_URL.replace("www.", "web."), "10101301165605491", "ada.example", POST_URL),
        (POST_URL.replace("www.", "de-de."), "10101301165605491", "ada.example", POST_URL),
        # the opaque id of newer links
        (
            "https://www.facebook.com/ada.example/posts/pfbid02AbCdEfGhIjKlMnOpQrStUvWxYz123",
            "pfbid02AbCdEfGhIjKlMnOpQrStUvWxYz123",
            "ada.example",
            "https://www.facebook.com/ada.example/posts/pfbid02AbCdEfGhIjKlMnOpQrStUvWxYz123",
        ),
        # a slug before the id, and the activity form
        (
            "https://www.facebook.com/ada.example/posts/bakery-news/10101301165605491",
            "10101301165605491",
            "ada.example",
            POST_URL,
        ),
        (
            "https://www.facebook.com/ada.example/activity/10101301165605491",
            "10101301165605491",
            "ada.example",
            POST_URL,
        ),
        # photos: in an album, in a post's photo collection, by fbid
        (
            "https://www.facebook.com/ada.example/photos/a.123456789/3485430308204317/?type=3",
            "3485430308204317",
            "ada.example",
            "https://www.facebook.com/photo.php?fbid=3485430308204317",
        ),
        (
            "https://www.facebook.com/ada.example/photos/pcb.3485430601537621/3485430308204317",
            "3485430308204317",
            "ada.example",
            "https://www.facebook.com/photo.php?fbid=3485430308204317",
        ),
        (
            "https://www.facebook.com/photo.php?fbid=3485430308204317&set=a.1&type=3",
            "3485430308204317",
            None,
            "https://www.facebook.com/photo.php?fbid=3485430308204317",
        ),
        (
            "https://www.facebook.com/photo/?fbid=3485430308204317",
            "3485430308204317",
            None,
            "https://www.facebook.com/photo.php?fbid=3485430308204317",
        ),
        # story permalinks
        (
            "https://www.facebook.com/permalink.php?story_fbid=10101301165605491&id=100044264924472",
            "10101301165605491",
            None,
            "https://www.facebook.com/permalink.php?story_fbid=10101301165605491&id=100044264924472",
        ),
        (
            "https://m.facebook.com/story.php?story_fbid=10101301165605491&id=100044264924472",
            "10101301165605491",
            None,
            "https://www.facebook.com/permalink.php?story_fbid=10101301165605491&id=100044264924472",
        ),
        # videos
        (
            VIDEO_URL,
            "10153231379946729",
            "ada.example",
            "https://www.facebook.com/ada.example/videos/10153231379946729",
        ),
        (
            "https://www.facebook.com/watch/?v=10153231379946729",
            "10153231379946729",
            None,
            "https://www.facebook.com/watch/?v=10153231379946729",
        ),
        (
            "https://www.facebook.com/video.php?v=10153231379946729",
            "10153231379946729",
            None,
            "https://www.facebook.com/watch/?v=10153231379946729",
        ),
        (
            "https://www.facebook.com/reel/1234567890123456",
            "1234567890123456",
            None,
            "https://www.facebook.com/reel/1234567890123456",
        ),
        # group posts
        (
            "https://www.facebook.com/groups/bakers.club/posts/10101301165605491/",
            "10101301165605491",
            None,
            "https://www.facebook.com/groups/bakers.club/posts/10101301165605491",
        ),
        # the embed plugin: the post rides in its href
        (
            "https://www.facebook.com/plugins/post.php?href="
            + quote(POST_URL, safe="")
            + "&width=500",
            "10101301165605491",
            "ada.example",
            POST_URL,
        ),
        # the snippet's cite, on the Graph host with a numeric page id
        (
            "https://graph.facebook.com/100044264924472/posts/488827215936105/",
            "488827215936105",
            None,
            "https://www.facebook.com/100044264924472/posts/488827215936105",
        ),
    ],
)
def test_parse_url_post_shapes(url: str, post_id: str, handle: str | None, canonical: str) -> None:
    """Post, photo, video, reel, group and plugin URLs give the fbid, page slug and URL."""
    ref = tr.parse_post_url(url)
    assert ref is not None
    assert (ref.platform, ref.post_id, ref.handle, ref.url) == (
        "facebook",
        post_id,
        handle,
        canonical,
    )


@pytest.mark.parametrize(
    "url",
    [
        # short links made by the apps
        "https://fb.watch/aBcD3fGh1/",
        "https://fb.me/e/1AbCdEfGh",
        "https://www.facebook.com/share/p/1AbCdEfGhI/",
        "https://www.facebook.com/share/v/1AbCdEfGhI/",
    ],
)
def test_parse_url_short_links_need_expansion(url: str) -> None:
    """Short links name no post until followed: ``needs_expansion``, no id."""
    ref = tr.parse_post_url(url)
    assert ref is not None
    assert (ref.platform, ref.post_id, ref.needs_expansion, ref.url) == (
        "facebook",
        None,
        True,
        url,
    )


@pytest.mark.parametrize(
    "url",
    [
        # share intents and dialogs
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.com%2Fa",
        "http://www.facebook.com/sharer.php?u=https://example.com/a&t=Title",
        "https://www.facebook.com/dialog/share?app_id=1&href=https%3A%2F%2Fexample.com%2F",
        # like, page and share-button plugins
        "//www.facebook.com/plugins/like.php?href=https%3A%2F%2Fexample.com%2F&layout=box_count",
        "https://www.facebook.com/plugins/page.php?href=https%3A%2F%2Fwww.facebook.com%2Fada.example",
        "https://www.facebook.com/plugins/likebox.php?href=http%3A%2F%2Fwww.facebook.com%2Fada",
        # a post plugin whose href is not a post
        "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fexample.com%2F",
        # pages, profiles and site pages
        "https://www.facebook.com/ada.example",
        "https://www.facebook.com/ada.example/",
        "https://www.facebook.com/profile.php?id=100044264924472",
        "https://www.facebook.com/legal/terms",
        "https://www.facebook.com/events/1234567890123/",
        # the outbound-link wrapper
        "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2F",
        # a bare short host
        "https://fb.watch/",
        # other platforms
        "https://www.instagram.com/p/ByxilPNJK3M/",
        "https://www.facebook.com.example.net/ada.example/posts/10101301165605491",
    ],
)
def test_parse_url_not_posts(url: str) -> None:
    """Intents, plugins, pages, profiles and other hosts are not Facebook posts."""
    assert FACEBOOK.parse_url(url) is None


# --- placeholders, iframes, AMP ------------------------------------------------------------


def test_fb_post_snippet() -> None:
    """The XFBML snippet: id, handle from the URL, name, text and date from the blockquote."""
    post = only(SDK + FB_POST)
    assert (post.post_id, post.url, post.form) == ("10101301165605491", POST_URL, "script")
    assert post.author == tr.Author(
        name="Ada Example Bakery", handle="ada.example", url="https://www.facebook.com/ada.example"
    )
    assert post.text == "Our bakery opens a second shop on Saturday, come and say hello!"
    assert (post.date_text, post.published) == ("Thursday, 13 March 2014", utc_day(2014, 3, 13))
    assert post.created_at is None


def test_fb_video_snippet_with_bare_date() -> None:
    """The video snippet: title and description as text, the unlinked date still read."""
    post = only(FB_VIDEO)
    assert (post.post_id, post.form) == ("10153231379946729", "script")
    assert post.text == "How we knead the dough\nFive minutes of kneading."
    assert (post.date_text, post.published) == ("Friday, 5 December 2014", utc_day(2014, 12, 5))


@pytest.mark.parametrize(
    ("byline", "name", "date_text", "published"),
    [
        # Spanish SDK locale
        (
            'Publicado por <a href="https://www.facebook.com/ada.example">Panadería Ada</a> '
            f'en&nbsp;<a href="{POST_URL}">Jueves, 12 de noviembre de 2020</a>',
            "Panadería Ada",
            "Jueves, 12 de noviembre de 2020",
            utc_day(2020, 11, 12),
        ),
        # Turkish: name first, then "paylaştı:"
        (
            '<a href="https://www.facebook.com/ada.example">Ada Fırın</a> paylaştı:&nbsp;'
            f'<a href="{POST_URL}">9 Ocak 2017 Pazartesi</a>',
            "Ada Fırın",
            "9 Ocak 2017 Pazartesi",
            utc_day(2017, 1, 9),
        ),
        # a date the snippet cut down to a weekday
        (
            'Posted by <a href="https://www.facebook.com/ada.example">Ada</a> on Wednesday',
            "Ada",
            "Wednesday",
            None,
        ),
    ],
)
def test_localized_bylines(
    byline: str, name: str, date_text: str, published: dt.date | None
) -> None:
    """The byline is read from its links, so every SDK locale gives name and date."""
    document = (
        f'<div class="fb-post" data-href="{POST_URL}"><blockquote cite="{POST_URL}" '
        f'class="fb-xfbml-parse-ignore"><p>Hola &amp; merhaba</p>{byline}</blockquote></div>'
    )
    post = only(document)
    assert post.author is not None
    assert (post.author.name, post.date_text, post.published) == (name, date_text, published)
    assert post.text == "Hola & merhaba"


def test_attribute_order_whitespace_and_no_blockquote() -> None:
    """An empty placeholder with attributes in another order still gives the post."""
    document = (
        '<p>\n  <div\n   data-width="500"\n   data-href="https://www.facebook.com/ada.example/'
        'photos/pcb.3485430601537621/3485430308204317"\n   class="fb-post  other"></div>\n</p>'
    )
    post = only(document)
    assert (post.post_id, post.handle, post.text, post.form) == (
        "3485430308204317",
        "ada.example",
        None,
        "script",
    )


def test_consent_wrapper_and_graph_cite() -> None:
    """A consent-tool wrapper and a cite on graph.facebook.com change nothing."""
    document = (
        '<div class="privacy-embed-preview privacy-embed-facebook" data-html="PGRpdj4=">'
        + FB_POST.replace(
            f'cite="{POST_URL}"', 'cite="https://graph.facebook.com/1000442/posts/1/"'
        )
        + '<button class="embed-privacy-button">Load</button></div>'
    )
    post = only(document)
    assert (post.post_id, post.handle) == ("10101301165605491", "ada.example")


def test_rendered_placeholder_with_its_iframe_is_one_post() -> None:
    """After the SDK ran, the placeholder and its plugin iframe are one post, form rendered."""
    src = "https://www.facebook.com/v2.3/plugins/post.php?app_id=&href=" + quote(POST_URL, safe="")
    document = (
        f'<div class="fb-post fb_iframe_widget" data-href="{POST_URL}" fb-xfbml-state="rendered">'
        f'<span><iframe name="f1" title="fb:post Facebook Social Plugin" src="{src}"></iframe>'
        "</span></div>"
    )
    post = only(document)
    assert (post.post_id, post.form) == ("10101301165605491", "rendered")


@pytest.mark.parametrize(
    ("src", "post_id"),
    [
        # the post plugin
        (
            "https://www.facebook.com/plugins/post.php?href="
            + quote(POST_URL, safe="")
            + "&width=500",
            "10101301165605491",
        ),
        # the video plugin, parameters around the href, on the web. host
        (
            "https://web.facebook.com/plugins/video.php?height=314&href="
            + quote(VIDEO_URL, safe="")
            + "&show_text=false&width=560&t=0",
            "10153231379946729",
        ),
    ],
)
def test_plugin_iframes(src: str, post_id: str) -> None:
    """Plugin iframes give the post from their encoded href, form iframe."""
    post = only(f'<iframe src="{src.replace("&", "&amp;")}" width="500" height="600"></iframe>')
    assert (post.post_id, post.form) == (post_id, "iframe")


def test_amp_facebook() -> None:
    """``amp-facebook[data-href]`` gives the post, form amp."""
    post = only(f'<amp-facebook width="552" height="310" data-href="{POST_URL}"></amp-facebook>')
    assert (post.post_id, post.form, post.handle) == ("10101301165605491", "amp", "ada.example")


@pytest.mark.parametrize(
    "document",
    [
        # like, page, share, comments and like-box plugins
        '<div class="fb-like" data-href="https://example.com/a" data-layout="button_count"></div>',
        '<div class="fb-page" data-href="https://www.facebook.com/ada.example"></div>',
        '<div class="fb-share-button" data-href="https://example.com/a"></div>',
        '<div class="fb-comments" data-href="https://example.com/a" data-numposts="5"></div>',
        '<div class="fb-like-box" data-href="https://www.facebook.com/ada.example"></div>',
        '<iframe src="//www.facebook.com/plugins/like.php?href=https%3A%2F%2Fexample.com%2F">'
        "</iframe>",
        '<iframe src="https://www.facebook.com/plugins/page.php?href=https%3A%2F%2Fwww.facebook.com'
        '%2Fada.example&tabs=timeline"></iframe>',
        '<amp-facebook-page data-href="https://www.facebook.com/ada.example"></amp-facebook-page>',
        # an fb-post placeholder pointing at a page, not a post
        '<div class="fb-post" data-href="https://www.facebook.com/ada.example"></div>',
        # the class in a stylesheet and in a script string
        "<style>.fb-post { margin: 0 auto; }</style><p>x</p>",
        f'<script>var h = \'<div class="fb-post" data-href="{POST_URL}"></div>\';</script><p>x</p>',
        # a class that only starts like the placeholder's
        f'<div class="fb-post-share" data-href="{POST_URL}"></div>',
        # share links
        '<a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.com">Share</a>',
    ],
)
def test_not_posts(document: str) -> None:
    """Social plugins, page placeholders, CSS and script strings are not posts."""
    assert facebook_posts(document, include_links=True) == []


def test_markers_skip_pages_with_only_share_and_like() -> None:
    """Share links and like buttons alone do not trigger the Facebook markers."""
    page = (
        '<a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a>'
        '<div class="fb-like" data-href="https://example.com/"></div>'
        '<amp-facebook-like data-href="https://example.com/"></amp-facebook-like>'
        '<amp-facebook-page data-href="https://www.facebook.com/ada.example"></amp-facebook-page>'
        '<a href="https://www.facebook.com/ada.example">Follow</a>'
    ).lower()
    assert not markers_present(page, FACEBOOK.markers)
    assert markers_present(FB_POST.lower(), FACEBOOK.markers)


def test_bare_links_with_include_links() -> None:
    """A link to a post in prose is a ``link`` post only with ``include_links``."""
    document = f'<p>Read the <a href="{POST_URL}">responses</a>.</p>'
    assert facebook_posts(document) == []
    posts = facebook_posts(document, include_links=True)
    assert [(p.post_id, p.form) for p in posts] == [("10101301165605491", "link")]


# --- plain-text residue -------------------------------------------------------------------


def test_residue_markdown_byline() -> None:
    """A Markdown byline linking to Facebook gives id, name, date and the text above."""
    text = (
        "Article intro.\n\n"
        "> Our bakery opens a second shop on Saturday.\n>\n"
        "> Posted by [Ada Example Bakery](https://www.facebook.com/ada.example) on "
        f"[Monday, February 7, 2022]({POST_URL}/)\n\nMore prose."
    )
    posts = [p for p in tr.extract(text, kind="text") if p.platform == "facebook"]
    assert len(posts) == 1
    post = posts[0]
    assert (post.post_id, post.handle, post.form) == ("10101301165605491", "ada.example", "text")
    assert post.author is not None
    assert post.author.name == "Ada Example Bakery"
    assert (post.date_text, post.published) == ("Monday, February 7, 2022", utc_day(2022, 2, 7))
    assert post.text == "Our bakery opens a second shop on Saturday."


@pytest.mark.parametrize(
    "text",
    [
        # every blog's byline
        "Posted by admin on Monday, February 7, 2022",
        # a Markdown byline whose name links elsewhere
        "Posted by [Ada](https://example.com/ada) on [Monday, February 7, 2022](https://example.com/p)",
    ],
)
def test_residue_not_facebook(text: str) -> None:
    """Bylines that do not link to Facebook are not Facebook residue."""
    assert list(FACEBOOK.find_in_text(text)) == []


def test_deeply_nested_snippet_still_gives_the_post() -> None:
    """Markup nested thousands deep inside a placeholder costs the text, not the post."""
    document = (
        f'<div class="fb-post" data-href="{POST_URL}"><blockquote>'
        + "<div>" * 3000
        + '<a href="https://www.facebook.com/ada.example">Ada</a>'
        + "</div>" * 3000
        + "</blockquote></div>"
    )
    assert [p.post_id for p in facebook_posts(document)] == ["10101301165605491"]


@settings(max_examples=150, deadline=None)
@given(
    slug=st.from_regex(r"[a-z][a-z0-9.]{2,20}[a-z0-9]", fullmatch=True),
    post_id=st.integers(min_value=10**9, max_value=10**18),
    host=st.sampled_from(["www.", "m.", "web.", ""]),
)
def test_parse_url_round_trip(slug: str, post_id: int, host: str) -> None:
    """Any page slug and numeric id survive parsing and give a canonical URL that parses alike."""
    ref = FACEBOOK.parse_url(f"https://{host}facebook.com/{slug}/posts/{post_id}/?ref=x")
    if slug in _RESERVED_SLUGS:
        assert ref is None
        return
    assert ref is not None
    assert (ref.post_id, ref.handle) == (str(post_id), slug)
    assert ref.url is not None
    assert FACEBOOK.parse_url(ref.url) == ref


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_parse_url_never_raises(url: str) -> None:
    """Any string gives a reference or None."""
    ref = FACEBOOK.parse_url(url)
    assert ref is None or ref.platform == "facebook"


def test_handle_from_the_byline_when_the_url_names_no_page() -> None:
    """A permalink.php placeholder takes its handle from the byline's profile link."""
    url = "https://www.facebook.com/permalink.php?story_fbid=10101301165605491&amp;id=1000442649"
    document = FB_POST.replace(f'data-href="{POST_URL}"', f'data-href="{url}"')
    post = only(document)
    assert (post.post_id, post.handle) == ("10101301165605491", "ada.example")


def test_older_snippet_post_link_with_a_colon_suffix() -> None:
    """A post link ending ":0" (older SDK snippets) is the post, not the author's page."""
    page = (
        '<div class="fb-post" data-href="https://www.facebook.com/ada.example/posts/10101301165605491">'
        '<blockquote cite="https://www.facebook.com/ada.example/posts/10101301165605491:0" '
        'class="fb-xfbml-parse-ignore"><p>Hello</p>Publiée par <a href="https://www.facebook.com/'
        'ada.example/">Ada Example</a> sur <a href="https://www.facebook.com/ada.example/posts/'
        '10101301165605491:0">Jeudi 26 mars 2020</a></blockquote></div>'
    )
    (post,) = tr.extract(page)
    assert (post.post_id, post.author.name if post.author else None, post.date_text) == (
        "10101301165605491",
        "Ada Example",
        "Jeudi 26 mars 2020",
    )


@pytest.mark.parametrize(
    ("byline", "date_text"),
    [
        # French SDK: "Publiée par NAME sur DATE"
        (
            "Publiée par [Ada Exemple](https://www.facebook.com/ada.example/) sur",
            "Jeudi 26 mars 2020",
        ),
        # German
        (
            "Gepostet von [Ada Beispiel](https://www.facebook.com/ada.example) am",
            "Donnerstag, 26. März 2020",
        ),
        # Italian
        (
            "Pubblicato da [Ada Esempio](https://www.facebook.com/ada.example) su",
            "Giovedì 26 marzo 2020",
        ),
        # Portuguese
        (
            "Publicado por [Ada Exemplo](https://www.facebook.com/ada.example) em",
            "Quinta-feira, 26 de março de 2020",
        ),
    ],
)
def test_text_byline_in_the_sdk_languages(byline: str, date_text: str) -> None:
    """The Markdown residue of the SDK's byline is read in each language it is written in."""
    text = (
        "The article.\n\nNine to four!\n\n"
        f"{byline} [{date_text}](https://www.facebook.com/ada.example/posts/10101301165605491)"
    )
    [post] = tr.extract(text, kind="text")
    assert (post.platform, post.handle, post.post_id, post.date_text, post.text) == (
        "facebook",
        "ada.example",
        "10101301165605491",
        date_text,
        "Nine to four!",
    )


def test_text_byline_linking_elsewhere_is_no_post() -> None:
    """A blog's "Publiée par NAME sur DATE" whose name links off Facebook is no post."""
    text = "Publiée par [Ada](https://blog.example.com/ada) sur [Jeudi 26 mars 2020](https://blog.example.com/p/1)"
    assert tr.extract(text, kind="text") == []
