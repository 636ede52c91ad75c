"""Twitter / X embeds in HTML: every documented form, and the look-alikes that are not posts.

Fixtures are small invented documents in the shapes the research notes document
(names, handles, texts and ids are made up).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from moments import utc_day

import tweetresolve
from tweetresolve import Link, Post
from tweetresolve.html import parse_page
from tweetresolve.platforms.twitter import TWITTER

ID = "1600000000000000001"
OTHER_ID = "1600000000000000777"


def tweets(html: str, **options: object) -> list[Post]:
    """The Twitter posts ``extract`` finds in ``html``."""
    return [p for p in tweetresolve.extract(html, **options) if p.platform == "twitter"]  # type: ignore[arg-type]


def only(html: str, **options: object) -> Post:
    """The one Twitter post in ``html``."""
    found = tweets(html, **options)
    assert len(found) == 1, found
    return found[0]


# --- the publish snippet -----------------------------------------------------------------

MODERN = (
    "<p>Intro.</p>\n"
    '<blockquote class="twitter-tweet" data-lang="de" data-dnt="true">'
    '<p lang="en" dir="ltr">Fresh\nbread &amp; &quot;jam&quot; at the '
    '<a href="https://twitter.com/hashtag/Market?src=hash&amp;ref_src=twsrc%5Etfw">#Market</a>'
    '<br><br>See you there <a href="https://t.co/AbCdEf1234">pic.twitter.com/AbCdEf1234</a>'
    "</p>&mdash; Ada Example (@ada_example) "
    f'<a href="https://twitter.com/ada_example/status/{ID}?ref_src=twsrc%5Etfw">March 30, 2022</a>'
    "</blockquote>\n"
    '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
)


def test_modern_snippet_fields() -> None:
    """A 2017+ publish snippet gives every field."""
    post = only(MODERN)
    assert post.post_id == ID
    assert post.url == f"https://twitter.com/ada_example/status/{ID}"
    assert post.author is not None
    assert (post.author.name, post.author.handle) == ("Ada Example", "ada_example")
    assert (
        post.text
        == 'Fresh bread & "jam" at the #Market\n\nSee you there pic.twitter.com/AbCdEf1234'
    )
    assert post.lang == "en"  # the <p lang>, not the widget's data-lang
    assert post.date_text == "March 30, 2022"
    assert post.published == utc_day(2022, 3, 30)
    assert post.created_at == tweetresolve.tweet_time(ID)
    assert post.form == "blockquote"
    assert post.links == (
        Link(url="https://twitter.com/hashtag/Market?src=hash&ref_src=twsrc%5Etfw", text="#Market"),
        Link(url="https://t.co/AbCdEf1234", text="pic.twitter.com/AbCdEf1234"),
    )
    assert post.quoted is None


def test_span_covers_the_blockquote() -> None:
    """The span starts at the blockquote and ends after its close tag."""
    post = only(MODERN)
    assert post.span is not None
    start, end = post.span
    assert MODERN[start:].startswith('<blockquote class="twitter-tweet"')
    assert MODERN[:end].endswith("</blockquote>")


def snippet(
    text: str = "<p>Hello there</p>",
    byline: str = "&mdash; Ada Example (@ada_example)",
    href: str = f"https://twitter.com/ada_example/status/{ID}",
    date: str = "March 30, 2022",
    attrs: str = 'class="twitter-tweet"',
) -> str:
    return f'<div><blockquote {attrs}>{text}{byline} <a href="{href}">{date}</a></blockquote></div>'


@pytest.mark.parametrize(
    ("html", "post_id", "handle", "name", "text"),
    [
        # 2013: /statuses/ path, literal dash, no <p lang>, <br /> line breaks
        (
            snippet(
                text="<p>Line one\n   <br />Line two</p>",
                byline="— Ada Example (@ada_example)\n",
                href=f"https://twitter.com/ada_example/statuses/{ID}",
                date="August 22, 2013",
            ),
            ID,
            "ada_example",
            "Ada Example",
            "Line one\nLine two",
        ),
        # hash-bang permalink of 2010-2012
        (
            snippet(href=f"https://twitter.com/#!/ada_example/status/{ID}"),
            ID,
            "ada_example",
            "Ada Example",
            "Hello there",
        ),
        # x.com permalink of current codes
        (
            snippet(href=f"https://x.com/ada_example/status/{ID}?ref_src=twsrc%5Etfw"),
            ID,
            "ada_example",
            "Ada Example",
            "Hello there",
        ),
        # mobile. host
        (
            snippet(href=f"https://mobile.twitter.com/ada_example/status/{ID}"),
            ID,
            "ada_example",
            "Ada Example",
            "Hello there",
        ),
        # /i/web/status/ has no user: the handle comes from the byline
        (
            snippet(href=f"https://twitter.com/i/web/status/{ID}"),
            ID,
            "ada_example",
            "Ada Example",
            "Hello there",
        ),
        # protocol-relative permalink
        (
            snippet(href=f"//twitter.com/ada_example/status/{ID}"),
            ID,
            "ada_example",
            "Ada Example",
            "Hello there",
        ),
        # the video variant of the snippet
        (
            snippet(attrs='class="twitter-video" data-status="hidden"'),
            ID,
            "ada_example",
            "Ada Example",
            "Hello there",
        ),
        # lazy-load tools add classes; the snippet class is still a token
        (
            snippet(attrs='class="twitter-tweet cmplazyload" data-cmp-vendor="s1"'),
            ID,
            "ada_example",
            "Ada Example",
            "Hello there",
        ),
        # classless blockquote carrying data-tweetid
        (
            snippet(attrs=f'data-tweetid="{ID}"'),
            ID,
            "ada_example",
            "Ada Example",
            "Hello there",
        ),
        # classless blockquote ending like the snippet: byline then status link
        (snippet(attrs='class="quote"'), ID, "ada_example", "Ada Example", "Hello there"),
        # wpautop moved the byline into its own <p>
        (
            snippet(byline="<p>— Ada Example (@ada_example)", date="March 30, 2022</a></p><a>"),
            ID,
            "ada_example",
            "Ada Example",
            "Hello there",
        ),
        # dashes inside the text: the LAST dash before "(@" opens the byline
        (
            snippet(
                text="<p>One &#8212; two &#8212; three</p>",
                byline="&#x2014; Bo (Lab) Tester 🐢 (@Bo_Tester)",
            ),
            ID,
            "Bo_Tester",
            "Bo (Lab) Tester 🐢",
            "One — two — three",
        ),
        # right-to-left display name
        (snippet(byline="&mdash; אדה דוגמה (@ada_example)"), ID, "ada_example", "אדה דוגמה", None),
        # hand-typed "--" dash
        (snippet(byline="-- Ada Example (@ada_example)"), ID, "ada_example", "Ada Example", None),
        # no dash at all (converter output)
        (snippet(byline="Ada Example (@ada_example)"), ID, "ada_example", "Ada Example", None),
        # byline handle differs in case from the URL's: the shown one is kept
        (
            snippet(byline="&mdash; Ada Example (@Ada_Example)"),
            ID,
            "Ada_Example",
            "Ada Example",
            None,
        ),
        # no <p>: text and byline share one line
        (
            snippet(text="Plain words ", byline="&mdash; Ada Example (@ada_example)"),
            ID,
            "ada_example",
            "Ada Example",
            "Plain words",
        ),
        # an editor turned the blockquote into a div
        (
            snippet(attrs='class="twitter-tweet"').replace("blockquote", "div"),
            ID,
            "ada_example",
            "Ada Example",
            "Hello there",
        ),
        # leading zeros in the URL id are not part of the id
        (
            snippet(href="https://twitter.com/ada_example/status/0020"),
            "20",
            "ada_example",
            "Ada Example",
            "Hello there",
        ),
    ],
)
def test_snippet_eras(html: str, post_id: str, handle: str, name: str, text: str | None) -> None:
    """Every era and wrapper of the publish snippet yields its id, byline and text."""
    post = only(html)
    assert post.post_id == post_id
    assert post.author is not None
    assert post.author.handle == handle
    assert post.author.name == name
    if text is not None:
        assert post.text == text
    assert post.form == "blockquote"


@pytest.mark.parametrize(
    ("date", "published"),
    [
        ("25. September 2018", utc_day(2018, 9, 25)),  # German widget
        ("16 мая 2018 г.", utc_day(2018, 5, 16)),  # Russian widget
        ("2018年6月3日", utc_day(2018, 6, 3)),  # Japanese widget
        ("not a date", None),  # unknown wording: shown, not parsed
    ],
)
def test_date_text_and_published(date: str, published: dt.date | None) -> None:
    """The date link's text is kept as shown and parsed in any widget language."""
    post = only(snippet(date=date))
    assert post.date_text == date
    assert post.published == published


def test_data_datetime_when_the_text_is_not_a_date() -> None:
    """2012 anchors carry an ISO time in data-datetime."""
    html = (
        '<blockquote class="twitter-tweet" lang="xx"><p>Hi</p>&mdash; Ada (@ada) '
        f'<a href="https://twitter.com/ada/status/{ID}" data-datetime="2012-05-09T18:04:29+00:00">'
        "someday</a></blockquote>"
    )
    post = only(html)
    assert post.published == dt.datetime(2012, 5, 9, 18, 4, 29, tzinfo=dt.timezone.utc)


def test_empty_placeholder_blockquote() -> None:
    """A CMS blockquote holding only the permalink gives the id and the URL's handle."""
    html = f'<blockquote class="twitter-tweet" lang="de"><a href="https://twitter.com/Ada_Example/status/{ID}"></a></blockquote>'
    post = only(html)
    assert (post.post_id, post.handle, post.text, post.date_text) == (
        ID,
        "Ada_Example",
        None,
        None,
    )


def test_deleted_tweet_note_is_not_a_date() -> None:
    """A CMS placeholder whose only link reads "Tweet may have been deleted" has no date."""
    html = (
        '<blockquote class="twitter-tweet"><a href="https://twitter.com/ada_example/status/'
        f'{ID}">Tweet may have been deleted</a></blockquote>'
    )
    post = only(html)
    assert (post.post_id, post.date_text, post.published) == (ID, None, None)


def test_quoted_status_inside_the_text() -> None:
    """A status linked from inside the text (not the permalink) is the quoted post."""
    html = snippet(
        text=f'<p>Look <a href="https://t.co/QqQqQqQqQq">twitter.com/bo/status/{OTHER_ID}</a></p>'
    )
    post = only(html)
    assert post.post_id == ID
    assert post.quoted is not None
    assert (post.quoted.post_id, post.quoted.handle) == (OTHER_ID, "bo")


def test_linked_byline_handle_is_not_a_text_link() -> None:
    """A CMS that links the byline's @handle adds no link to the text's links."""
    html = snippet(
        text='<p>Hi <a href="https://t.co/AbCdEf1234">example.org</a></p>',
        byline='&mdash; Ada Example (<a href="https://twitter.com/ada_example">@ada_example</a>)',
    )
    post = only(html)
    assert post.handle == "ada_example"
    assert post.links == (Link(url="https://t.co/AbCdEf1234", text="example.org"),)


def test_twice_embedded_is_two_records() -> None:
    """The same post embedded twice on a page is two records, in page order."""
    html = snippet() + "<p>Later again:</p>" + snippet()
    found = tweets(html)
    assert [p.post_id for p in found] == [ID, ID]
    assert found[0].span is not None
    assert found[1].span is not None
    assert found[0].span[1] <= found[1].span[0]


def test_noscript_fallback_is_the_same_post() -> None:
    """A <noscript> copy of a rendered embed is one post, its text filling the rendered one."""
    html = (
        f'<iframe id="twitter-widget-0" class="twitter-tweet twitter-tweet-rendered" '
        f'data-tweet-id="{ID}"></iframe><noscript>{snippet()}</noscript>'
    )
    post = only(html)
    assert (post.form, post.post_id, post.text) == ("rendered", ID, "Hello there")


# --- rendered widgets, iframes, AMP, wrappers --------------------------------------------


@pytest.mark.parametrize(
    ("html", "form"),
    [
        # 2019+: div wrapper with the rendered classes around the widget iframe
        (
            '<div class="twitter-tweet twitter-tweet-rendered" style="display: flex;">'
            '<iframe id="twitter-widget-0" title="X Post" src="https://platform.twitter.com/embed/'
            f'Tweet.html?dnt=true&amp;id={ID}&amp;lang=en" data-tweet-id="{ID}"></iframe></div>',
            "rendered",
        ),
        # a saved page rewrote the iframe src: only data-tweet-id is left
        (
            '<div class="twitter-tweet twitter-tweet-rendered"><iframe id="twitter-widget-1" '
            f'src="./page_files/Tweet.html" data-tweet-id="{ID}"></iframe></div>',
            "rendered",
        ),
        # 2016: the iframe itself carries the classes
        (
            '<iframe id="twitter-widget-0" class="twitter-tweet twitter-tweet-rendered" '
            f'data-tweet-id="{ID}" title="Twitter Tweet"></iframe>',
            "rendered",
        ),
        # 2015-2018 Shadow-DOM element
        (
            '<twitterwidget class="twitter-tweet twitter-tweet-rendered" id="twitter-widget-2" '
            f'data-tweet-id="{ID}"></twitterwidget>',
            "rendered",
        ),
        # a twitter-widget-N iframe with the id only in its src
        (
            '<iframe id="twitter-widget-3" src="https://platform.twitter.com/embed/Tweet.html?'
            f'embedId=twitter-widget-3&amp;id={ID}&amp;theme=light"></iframe>',
            "rendered",
        ),
        # a plain embed iframe written by hand
        (
            f'<iframe src="https://platform.twitter.com/embed/Tweet.html?id={ID}" width="550">'
            "</iframe>",
            "iframe",
        ),
        # AMP, runtime-processed
        (
            f'<amp-twitter layout="responsive" width="500" height="100" data-tweetid="{ID}" '
            'class="i-amphtml-layout-responsive"><i-amphtml-sizer></i-amphtml-sizer></amp-twitter>',
            "amp",
        ),
        # a forum container keyed on the id, with the i/web/status link
        (
            f'<div class="bbCode-tweet" data-xf-init="tweet" data-tweet-id="{ID}">'
            f'<a href="https://twitter.com/i/web/status/{ID}">View</a></div>',
            "placeholder",
        ),
        # WordPress embed block stored before oEmbed ran: the URL as text
        (
            '<figure class="wp-block-embed is-type-rich is-provider-twitter '
            'wp-block-embed-twitter"><div class="wp-block-embed__wrapper">\n'
            f"https://twitter.com/ada_example/status/{ID}\n</div></figure>",
            "placeholder",
        ),
    ],
)
def test_id_only_forms(html: str, form: str) -> None:
    """Rendered widgets, iframes, AMP and placeholders give the id and the form."""
    post = only(html)
    assert post.post_id == ID
    assert post.form == form
    assert post.created_at == tweetresolve.tweet_time(ID)
    assert post.url is not None
    assert post.url.endswith(f"/status/{ID}")


def test_amp_placeholder_blockquote_fills_the_amp_post() -> None:
    """amp-twitter wrapping a placeholder blockquote is one post, filled from both."""
    inner = snippet(attrs="class=twitter-tweet placeholder")
    html = f'<amp-twitter width="1" height="1" data-tweetid="{ID}">{inner}</amp-twitter>'
    post = only(html)
    assert (post.form, post.post_id, post.handle, post.text) == (
        "amp",
        ID,
        "ada_example",
        "Hello there",
    )


def test_wordpress_figure_around_the_snippet() -> None:
    """A WordPress embed figure holding the snippet is the snippet, once."""
    html = (
        '<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter">'
        f'<div class="wp-block-embed__wrapper">{snippet()}</div></figure>'
    )
    post = only(html)
    assert (post.form, post.post_id) == ("blockquote", ID)


@pytest.mark.parametrize(
    "stored",
    [
        # stored verbatim between the tags
        snippet(),
        # stored escaped
        snippet().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
    ],
)
def test_consent_wall_textarea(stored: str) -> None:
    """A snippet kept in a consent wall's <textarea> is detected, its span in the textarea."""
    html = (
        '<div class="consent-placeholder"><textarea class="original-content" hidden>\n'
        f"{stored}\n</textarea><p>Allow external content?</p></div>"
    )
    post = only(html)
    assert (post.form, post.post_id, post.handle, post.text) == (
        "blockquote",
        ID,
        "ada_example",
        "Hello there",
    )
    assert post.span is not None
    start, end = post.span
    area_start = html.index("<textarea")
    area_end = html.index("</textarea>") + len("</textarea>")
    assert area_start <= start < end <= area_end
    if stored.startswith("<div>"):
        assert html[start:end].startswith("<blockquote")


# --- site-made cards ---------------------------------------------------------------------

FEED = "".join(
    f"""
<div class="tw-user"><span class="tw-user-name">Cafe Example</span>
<span class="tw-screen-name"><a href="https://twitter.com/cafe_example">@cafe_example</a></span></div>
<p class="tweet_content">{text} <a href="https://t.co/Zz{n}Zz{n}Zz{n}">pic.twitter.com/Zz{n}Zz{n}Zz{n}</a></p>
<div class="tweet_meta"><a href="https://twitter.com/cafe_example/status/160000000000000000{n}">{when}</a>
<a class="intent" href="https://twitter.com/intent/tweet?in_reply_to=160000000000000000{n}">reply</a></div>"""
    for n, text, when in [
        (1, "Soup of the day", "5 mins ago"),
        (2, "Open late today", "1 hour ago"),
    ]
)


def test_flat_feed_widget_cards() -> None:
    """A sidebar feed drawn as flat siblings gives one card per tweet, each with its own link."""
    found = tweets(f'<div class="widget"><div class="feed">{FEED}</div></div>')
    assert [(p.post_id, p.form, p.handle, p.date_text) for p in found] == [
        ("1600000000000000001", "card", "cafe_example", "5 mins ago"),
        ("1600000000000000002", "card", "cafe_example", "1 hour ago"),
    ]
    assert [p.author.name for p in found if p.author] == ["Cafe Example", "Cafe Example"]
    assert [p.text for p in found] == [
        "Soup of the day pic.twitter.com/Zz1Zz1Zz1",
        "Open late today pic.twitter.com/Zz2Zz2Zz2",
    ]


def test_latest_tweet_box_without_status_link() -> None:
    """An author box showing the latest tweet: handle, text and relative time, no id."""
    html = """<div class="author-tab"><div class="avatar"><img alt="Bo Tester" src="a.png"></div>
<div class="author-text"><h4><a href="//twitter.com/bo_tester">@bo_tester</a></h4>
<div class="author-content"><div class="box-twitter-tweet">New recipe is up - <a href="http://t.co/AbCdEf12">http://t.co/AbCdEf12</a>
<span class="box-twitter-time"> - 2 hours ago</span></div></div></div></div>"""
    post = only(html)
    assert post.post_id is None
    assert (post.handle, post.author.name if post.author else None) == ("bo_tester", "Bo Tester")
    assert post.text == "New recipe is up - http://t.co/AbCdEf12"
    assert post.date_text == "2 hours ago"
    assert post.form == "card"


def test_site_iframe_with_text_fallback() -> None:
    """A site's own tweet iframe: name and text from its fallback content."""
    html = (
        '<p><iframe src="http://static.example.org/TwitterEmbed/v1/web123.html" '
        'id="tweetframe123"><noframe>Twitter: Ada Example - Off to the <a '
        'href="https://twitter.com/search?q=%23fair">#fair</a> now</noframe></iframe></p>'
    )
    post = only(html)
    assert post.form == "iframe"
    assert post.author is not None
    assert post.author.name == "Ada Example"
    assert post.text == "Off to the #fair now"
    assert post.post_id is None


# --- not posts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        # share intent link
        '<a href="https://twitter.com/intent/tweet?text=Read+this&url=https://example.org/">Tweet</a>',
        # a.twitter-tweet used as a share button
        '<a class="twitter-tweet" href="https://twitter.com/share?url=https://example.org/">Tweet</a>',
        # share button markup with twitter-tweet-* classes
        '<li class="tweet"><a class="twitter-tweet-btn" '
        'href="https://twitter.com/intent/tweet?text=x"><span class="twitter-tweet-btn label">'
        'Tweet</span><span class="twitter-tweet-count">3</span></a></li>',
        # follow button and its rendered iframe
        '<a class="twitter-follow-button" href="https://twitter.com/ada_example">Follow</a>'
        '<iframe id="twitter-widget-0" class="twitter-follow-button" '
        'src="https://platform.twitter.com/widgets/follow_button.html?screen_name=ada"></iframe>',
        # share button iframe
        '<iframe id="twitter-widget-1" class="twitter-share-button" '
        'src="https://platform.twitter.com/widgets/tweet_button.html?url=x"></iframe>',
        # timeline widget
        '<a class="twitter-timeline" href="https://twitter.com/ada_example">Tweets by Ada</a>',
        # profile link
        '<p>Follow <a href="https://twitter.com/ada_example">@ada_example</a></p>',
        # class names only in CSS
        "<style>.twitter-tweet.twitter-tweet-rendered { margin: auto; }</style><p>Text</p>",
        # embed markup only inside a <script> string
        '<script>var html = "<blockquote class=\\"twitter-tweet\\"><a href=\\"https://twitter.com/'
        f'a/status/{ID}\\">x</a></blockquote>";</script><p>Text</p>',
        # markup shown as code, escaped
        "<pre><code>&lt;blockquote class=&quot;twitter-tweet&quot;&gt;&lt;a href=&quot;https://"
        f"twitter.com/a/status/{ID}&quot;&gt;x&lt;/a&gt;&lt;/blockquote&gt;</code></pre>",
        # markup shown as code, left unescaped inside <code>
        f"<code>{snippet()}</code>",
        # a "click to tweet" box: a quote and a share link
        '<div class="click-to-tweet"><div class="ctt-text"><a href="https://twitter.com/share?text='
        'Big+idea">Big idea worth sharing</a></div><a href="https://twitter.com/share?text=Big">'
        "Click To Tweet</a></div>",
        # a page's own quotation linking a status, without the snippet's byline
        f'<blockquote><p>As she wrote, "hello".</p><a href="https://twitter.com/a/status/{ID}">'
        "source</a></blockquote>",
        # a share-service button whose class ends in "tweet", near a shown handle
        '<div class="share"><span class="addthis_button_tweet">Tweet this</span>'
        "<span>@example_site</span></div>",
        # a tweet-like text block with a handle but no permalink nor profile link
        '<div class="quote"><span class="author">@ada_example</span>'
        '<div class="tweet-text">Words that look like a tweet</div></div>',
        # an iframe named like a tweet button, with a label as its fallback
        '<iframe id="tweet-button" src="https://example.org/share.html">Tweet this page</iframe>',
        # an id attribute on a card's like button is not an embed
        f'<button class="like" data-tweet-id="{ID}">Like</button>',
        # a rendered wrapper without any id
        '<div class="twitter-tweet twitter-tweet-rendered">'
        '<iframe src="about:blank"></iframe></div>',
    ],
)
def test_not_posts(html: str) -> None:
    """Buttons, timelines, profile links, CSS, scripts and code are not posts."""
    page = f"<html><body>{html}</body></html>"
    assert tweets(page) == []
    # With links asked for, a status link among them is a bare link, never an embed.
    assert [p for p in tweets(page, include_links=True) if p.form != "link"] == []


def test_bare_link_only_with_include_links() -> None:
    """A status linked in prose is a post only with include_links=True, as form link."""
    html = f'<p>She <a href="https://twitter.com/Ada_Example/status/{ID}?s=20">said so</a>.</p>'
    assert tweets(html) == []
    post = only(html, include_links=True)
    assert (post.form, post.post_id, post.handle) == ("link", ID, "Ada_Example")
    assert post.url == f"https://twitter.com/Ada_Example/status/{ID}"


def test_link_repeating_an_embed_is_dropped() -> None:
    """A photo-credit link to a post embedded on the same page is not a second post."""
    html = f'<a href="https://twitter.com/ada_example/status/{ID}/photo/1">Ada</a>' + snippet()
    found = tweets(html, include_links=True)
    assert [(p.form, p.post_id) for p in found] == [("blockquote", ID)]


def test_page_without_markers_is_not_parsed() -> None:
    """A page with share links only never reaches the detector (prefilter)."""
    html = '<a href="https://twitter.com/share?url=x">Share on Twitter</a>'
    assert tweets(html) == []


@pytest.mark.parametrize(
    "html",
    [
        # unclosed snippet
        '<blockquote class="twitter-tweet"><p>Half',
        # permalink with an absurd id length
        snippet(href="https://twitter.com/a/status/123456789012345678901234567890"),
        # data-tweet-id that is not a number
        '<div data-tweet-id="abc"></div>',
        # amp-twitter without id
        '<amp-twitter width="1" height="1"></amp-twitter>',
    ],
)
def test_odd_markup_never_raises(html: str) -> None:
    """Broken or partial markup gives no post (or a partial one), never an exception."""
    page = parse_page(html)
    assert page is not None
    list(TWITTER.find_in_html(page))
    for post in tweets(html):
        assert post.platform == "twitter"


_PIECES = [
    '<blockquote class="twitter-tweet">',
    "</blockquote>",
    "<p lang='en'>",
    "</p>",
    "&mdash; Ada (@ada) ",
    "— (@",
    f'<a href="https://twitter.com/ada/status/{ID}">',
    '<a href="https://twitter.com/intent/tweet?text=x">',
    "</a>",
    "<br>",
    f'<div class="twitter-tweet twitter-tweet-rendered" data-tweet-id="{ID}">',
    "</div>",
    f'<iframe id="twitter-widget-0" data-tweet-id="{ID}">',
    "</iframe>",
    f'<amp-twitter data-tweetid="{ID}">',
    "<textarea>",
    "</textarea>",
    '<p class="tweet_content">',
    '<span class="handle">@bo_tester</span>',
    "<noscript>",
    "<code>",
    "March 30, 2022",
    "text ",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_random_markup_never_raises(pieces: list[str]) -> None:
    """Any mix of embed fragments gives Twitter posts with spans inside the document."""
    html = "<html><body>" + "".join(pieces) + "</body></html>"
    page = parse_page(html)
    assert page is not None
    # Called directly: extract() would log and swallow a detector's exception.
    list(TWITTER.find_in_html(page))
    for post in tweets(html, include_links=True):
        if post.span is not None:
            assert 0 <= post.span[0] < post.span[1] <= len(html)


# --- nesting (blockquotes are read innermost first; code blocks found in one pass) ------------


def test_nested_snippets_give_the_innermost_embed() -> None:
    unit = (
        '<blockquote class="twitter-tweet"><p>text {i}</p>&mdash; A{i} (@a{i}) '
        '<a href="https://twitter.com/a{i}/status/{i}00">May 4, 2023</a>'
    )
    doc = "".join(unit.format(i=i) for i in range(1, 6)) + "</blockquote>" * 5
    posts = tweetresolve.extract(doc, kind="html")
    assert [(p.post_id, p.author.handle if p.author else None, p.text) for p in posts] == [
        ("500", "a5", "text 5")
    ]


def test_a_quotation_wrapping_a_snippet_does_not_lend_it_its_text() -> None:
    doc = (
        "<blockquote><p>Our reporter wrote:</p>"
        '<blockquote class="twitter-tweet"><p lang="en">The ferry is late</p>&mdash; Ada '
        '(@ada) <a href="https://twitter.com/ada/status/700">May 4, 2023</a></blockquote>'
        "</blockquote>"
    )
    [post] = tweetresolve.extract(doc, kind="html")
    assert (post.post_id, post.text) == ("700", "The ferry is late")
    assert post.span is not None
    assert doc[post.span[0] :].startswith('<blockquote class="twitter-tweet"')


def test_snippet_inside_nested_code_blocks_is_not_read() -> None:
    shown = (
        '<blockquote class="twitter-tweet"><p>shown</p>&mdash; A (@a) '
        '<a href="https://twitter.com/a/status/1">May 4, 2023</a></blockquote>'
    )
    real = (
        '<blockquote class="twitter-tweet"><p>real</p>&mdash; B (@b) '
        '<a href="https://twitter.com/b/status/2">May 4, 2023</a></blockquote>'
    )
    doc = "<pre><div><code>" + shown + "</code></div></pre>" + real
    assert [p.post_id for p in tweetresolve.extract(doc, kind="html")] == ["2"]
