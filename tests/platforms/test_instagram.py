"""Tests for tweetresolve.platforms.instagram: permalinks, snippets of every generation, residue."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from moments import utc_day

import tweetresolve as tr
from tweetresolve.idtime import instagram_time
from tweetresolve.platforms.instagram import INSTAGRAM
from tweetresolve.prefilter import markers_present

# Invented shortcodes, names and captions; the markup follows the documented snippets.
CODE = "ByxilPNJK3M"
OLD_CODE = "BalQ2SWFty8"
CANONICAL = f"https://www.instagram.com/p/{CODE}/"
PERMALINK = f"https://www.instagram.com/p/{CODE}/?utm_source=ig_embed&amp;utm_campaign=loading"


def v14(
    *,
    prefix: str = "A post shared by",
    name: str = "Ada Example",
    handle: str = "ada.example",
    view: str = "View this post on Instagram",
    attrs: str = "",
) -> str:
    """A v14 snippet: permalink attribute, "view" line, byline link, no date, no caption."""
    return (
        f'<blockquote class="instagram-media" data-instgrm-permalink="{PERMALINK}" '
        f'data-instgrm-version="14" style="background:#FFF;"{attrs}><div style="padding:16px;">'
        f'<a href="{PERMALINK}" target="_blank"><div><div></div></div>'
        f'<div style="padding-top: 8px;"><div style="color:#3897f0;">{view}</div></div></a>'
        f'<p style="margin:8px 0 0 0;"><a href="{PERMALINK}" target="_blank">'
        f"{prefix} {name} (@{handle})</a></p></div></blockquote>"
        '<script async src="//www.instagram.com/embed.js"></script>'
    )


# v12: the byline link is followed by "on <time datetime>" (exact UTC in the attribute).
V12 = (
    f'<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/{CODE}/"'
    ' data-instgrm-version="12"><div style="padding:16px;">'
    f'<a href="https://www.instagram.com/p/{CODE}/"><div> View this post on Instagram</div></a>'
    f'<p><a href="https://www.instagram.com/p/{CODE}/">A post shared by Ada Example '
    '(@ada.example)</a> on <time style="font-size:14px;" datetime="2019-06-16T14:30:55+00:00">'
    "Jun 16, 2019 at 7:30am PDT</time></p></div></blockquote>"
)

# v7, German UI, captioned: no permalink attribute, the caption links the post.
V7_DE = (
    '<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-version="7">'
    '<div style="padding:8px;"><div style="background:#F8F8F8;"></div>'
    f'<p style="margin:8px 0 0 0;"><a href="https://www.instagram.com/p/{OLD_CODE}/" '
    'target="_blank">Morning climb with the crew #bouldering #weekend</a></p>'
    '<p style="color:#c9c8cd;">Ein Beitrag geteilt von Ada Example (@ada.example) am '
    '<time style="font-size:14px;" datetime="2017-10-23T07:31:37+00:00">'
    "23. Okt 2017 um 0:31 Uhr</time></p></div></blockquote>"
    '<script async defer src="//platform.instagram.com/de_DE/embeds.js"></script>'
)


def instagram_posts(document: str, **options: object) -> list[tr.Post]:
    return [p for p in tr.extract(document, **options) if p.platform == "instagram"]  # type: ignore[arg-type]


def only(document: str) -> tr.Post:
    posts = instagram_posts(document)
    assert len(posts) == 1, posts
    return posts[0]


# --- permalinks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "post_id", "canonical"),
    [
        # the permalink the v14 snippet writes, with its tracking query
        (
            f"https://www.instagram.com/p/{CODE}/?utm_source=ig_embed&utm_campaign=loading",
            CODE,
            CANONICAL,
        ),
        # no trailing slash, plain http, bare host
        (f"http://instagram.com/p/{CODE}", CODE, CANONICAL),
        # the mobile host and an upper-case host
        (f"https://m.instagram.com/p/{CODE}/", CODE, CANONICAL),
        (f"https://WWW.INSTAGRAM.COM/p/{CODE}/", CODE, CANONICAL),
        # the short host
        (f"https://instagr.am/p/{CODE}/", CODE, CANONICAL),
        # a username before the kind
        (f"https://www.instagram.com/ada.example/p/{CODE}/", CODE, CANONICAL),
        # reels (singular and plural) and IGTV keep their kind
        (
            f"https://www.instagram.com/reel/{CODE}/",
            CODE,
            f"https://www.instagram.com/reel/{CODE}/",
        ),
        (
            f"https://www.instagram.com/reels/{CODE}/",
            CODE,
            f"https://www.instagram.com/reel/{CODE}/",
        ),
        (f"https://www.instagram.com/tv/{CODE}/", CODE, f"https://www.instagram.com/tv/{CODE}/"),
        # the iframe that embed.js renders
        (f"https://www.instagram.com/p/{CODE}/embed/captioned/?cr=1&v=14#%7B%7D", CODE, CANONICAL),
        # protocol-relative, as snippets sometimes write it
        (f"//www.instagram.com/p/{CODE}/", CODE, CANONICAL),
        # an old short shortcode
        ("https://instagram.com/p/fBwFP/", "fBwFP", "https://www.instagram.com/p/fBwFP/"),
    ],
)
def test_parse_url_post_shapes(url: str, post_id: str, canonical: str) -> None:
    """Every documented permalink shape gives the shortcode and the canonical URL."""
    ref = tr.parse_post_url(url)
    assert ref is not None
    assert (ref.platform, ref.post_id, ref.url, ref.needs_expansion) == (
        "instagram",
        post_id,
        canonical,
        False,
    )


@pytest.mark.parametrize(
    "url",
    [
        # a profile (a follow link) and its embed
        "https://www.instagram.com/ada.example/",
        "https://www.instagram.com/ada.example/embed/?cr=1&v=14",
        # hashtag and explore pages
        "https://www.instagram.com/explore/tags/climbing/",
        # stories are not posts
        "https://www.instagram.com/stories/ada.example/3012345678901234567/",
        # a path with no code
        "https://www.instagram.com/p/",
        # a look-alike host
        f"https://www.instagram.com.example.net/p/{CODE}/",
        # other platforms' permalinks
        f"https://www.threads.net/@ada.example/post/{CODE}",
        "https://twitter.com/ada_example/status/1508951925456744449",
    ],
)
def test_parse_url_not_posts(url: str) -> None:
    """Profiles, tags, stories, look-alike hosts and other platforms are not Instagram posts."""
    assert INSTAGRAM.parse_url(url) is None


# --- snippets -----------------------------------------------------------------------------


def test_v14_snippet() -> None:
    """v14: id, canonical URL, name and handle from the byline, no caption, no date."""
    post = only(v14())
    assert post.post_id == CODE
    assert post.url == CANONICAL
    assert post.author == tr.Author(name="Ada Example", handle="ada.example")
    assert (post.text, post.date_text, post.published) == (None, None, None)
    assert post.form == "blockquote"
    assert post.created_at == instagram_time(CODE)


def test_v12_snippet_time_element_gives_exact_utc() -> None:
    """v12: date_text is the shown text, published the exact UTC time of ``datetime``."""
    post = only(V12)
    assert post.date_text == "Jun 16, 2019 at 7:30am PDT"
    assert post.published == dt.datetime(2019, 6, 16, 14, 30, 55, tzinfo=dt.timezone.utc)
    assert post.created_at is not None
    assert post.created_at.replace(microsecond=0) == post.published
    assert post.warnings == ()


def test_v7_german_captioned_snippet() -> None:
    """v7: the permalink comes from the caption link; the caption is the text, not the byline."""
    post = only(V7_DE)
    assert post.post_id == OLD_CODE
    assert post.text == "Morning climb with the crew #bouldering #weekend"
    assert post.author == tr.Author(name="Ada Example", handle="ada.example")
    assert post.date_text == "23. Okt 2017 um 0:31 Uhr"
    assert post.published == dt.datetime(2017, 10, 23, 7, 31, 37, tzinfo=dt.timezone.utc)
    assert [e.text for e in post.entities if e.kind == "hashtag"] in (
        [],
        ["#bouldering", "#weekend"],
    )


@pytest.mark.parametrize(
    ("prefix", "view"),
    [
        # the UI languages seen in real snippets
        ("A post shared by", "View this post on Instagram"),
        ("Ein Beitrag geteilt von", "Sieh dir diesen Beitrag auf Instagram an"),
        ("Une publication partagée par", "Voir cette publication sur Instagram"),
        ("Una publicación compartida de", "Ver esta publicación en Instagram"),
        # the older wording
        ("A photo posted by", "View this post on Instagram"),
    ],
)
def test_localized_bylines(prefix: str, view: str) -> None:
    """The byline is read in every supported UI language; the "view" line is never text."""
    post = only(v14(prefix=prefix, view=view))
    assert post.author == tr.Author(name="Ada Example", handle="ada.example")
    assert post.text is None


def test_name_with_parentheses_and_symbols() -> None:
    """A display name holding "(she/her)" or emoji ends at the last "(@handle)"."""
    post = only(v14(name="Ada Example (she/her) 🌿", handle="ada_example.99"))
    assert post.author == tr.Author(name="Ada Example (she/her) 🌿", handle="ada_example.99")


def test_entity_encoded_text() -> None:
    """Entities in the caption and the name are decoded."""
    document = V7_DE.replace("Morning climb", "Rock &amp; roll &#8211; climb").replace(
        "Ada Example (@", "Ada &quot;Rocks&quot; Example (@"
    )
    post = only(document)
    assert post.text is not None
    assert post.text.startswith("Rock & roll – climb")
    assert post.author is not None
    assert post.author.name == 'Ada "Rocks" Example'


def test_attribute_order_and_whitespace() -> None:
    """Attributes in another order and newlines inside tags change nothing."""
    document = (
        '<blockquote\n  data-instgrm-version="14"\n  style="max-width:540px"\n'
        f'  data-instgrm-permalink="{PERMALINK}"\n  class="  instagram-media  ">\n'
        f'<div>\n  <p>\n    <a href="{PERMALINK}">A post shared by\n   Ada Example\n'
        "   (@ada.example)</a>\n  </p>\n</div>\n</blockquote>"
    )
    post = only(document)
    assert (post.post_id, post.author) == (
        CODE,
        tr.Author(name="Ada Example", handle="ada.example"),
    )


def test_empty_blockquote_without_script() -> None:
    """A CMS that kept only the empty blockquote (no markup, no script) still gives the post."""
    post = only(
        f'<p>Intro</p><blockquote class="instagram-media" data-instgrm-captioned '
        f'data-instgrm-permalink="https://www.instagram.com/p/{CODE}/" data-instgrm-version="12">'
        "\n\t</blockquote>"
    )
    assert (post.post_id, post.author, post.text) == (CODE, None, None)


def test_date_as_bare_text_after_the_handle() -> None:
    """A byline whose date is plain text (no <time>) still gives date_text and published."""
    document = (
        f'<blockquote class="instagram-media" data-instgrm-permalink="{PERMALINK}">'
        f'<p><a href="{PERMALINK}">Sunrise over the ridge</a></p>'
        '<p>A post shared by <a href="https://www.instagram.com/ada.example/"> Ada Example</a>'
        " (@ada.example) on Apr 27, 2020 at 9:24am PDT</p></blockquote>"
    )
    post = only(document)
    assert post.text == "Sunrise over the ridge"
    assert post.date_text == "Apr 27, 2020 at 9:24am PDT"
    assert post.published == dt.datetime(
        2020, 4, 27, 9, 24, tzinfo=dt.timezone(dt.timedelta(hours=-7), "PDT")
    )
    assert post.author == tr.Author(
        name="Ada Example", handle="ada.example", url="https://www.instagram.com/ada.example/"
    )


def test_wordpress_figure_wrapper() -> None:
    """A WordPress embed figure around the snippet gives one post, form blockquote."""
    document = (
        '<figure class="wp-block-embed is-type-rich is-provider-instagram '
        'wp-block-embed-instagram"><div class="wp-block-embed__wrapper">'
        f"{v14()}</div></figure>"
    )
    post = only(document)
    assert (post.post_id, post.form) == (CODE, "blockquote")


def test_wordpress_placeholder_with_only_the_url() -> None:
    """A WordPress embed block saved with only its URL is a placeholder for the post."""
    document = (
        '<figure class="wp-block-embed is-provider-instagram wp-block-embed-instagram">'
        f'<div class="wp-block-embed__wrapper">\nhttps://www.instagram.com/p/{CODE}/\n</div></figure>'
    )
    post = only(document)
    assert (post.post_id, post.form) == (CODE, "placeholder")


def test_amp_instagram() -> None:
    """``amp-instagram[data-shortcode]`` (and the deprecated ``shortcode``) give the post."""
    post = only(
        f'<amp-instagram data-shortcode="{CODE}" data-captioned width="400" height="400" '
        'layout="responsive"></amp-instagram>'
    )
    assert (post.post_id, post.url, post.form) == (CODE, CANONICAL, "amp")
    legacy = only(f'<amp-instagram shortcode="{CODE}" width="1" height="1"></amp-instagram>')
    assert legacy.post_id == CODE


@pytest.mark.parametrize(
    ("iframe", "form"),
    [
        # what embed.js renders the blockquote into
        (
            '<iframe class="instagram-media instagram-media-rendered" id="instagram-embed-0" '
            f'src="https://www.instagram.com/p/{CODE}/embed/captioned/?cr=1&amp;v=14&amp;wp=540" '
            'allowtransparency="true" frameborder="0" height="700"></iframe>',
            "rendered",
        ),
        # a hand-made iframe of the embed page, lazily loaded
        (
            f'<iframe data-src="https://www.instagram.com/p/{CODE}/embed" width="400"></iframe>',
            "iframe",
        ),
    ],
)
def test_iframes(iframe: str, form: str) -> None:
    """Rendered and hand-made iframes give the shortcode from their source."""
    post = only(f"<div>{iframe}</div>")
    assert (post.post_id, post.form) == (CODE, form)


def test_rendered_iframe_inside_its_snippet_is_one_post() -> None:
    """A rendered iframe left beside the snippet markup in one wrapper merges into one post."""
    document = v14().replace(
        "</blockquote>",
        f'<iframe class="instagram-media-rendered" src="https://www.instagram.com/p/{CODE}/embed/">'
        "</iframe></blockquote>",
    )
    post = only(document)
    assert (post.form, post.author) == (
        "blockquote",
        tr.Author(name="Ada Example", handle="ada.example"),
    )


def test_feed_widget() -> None:
    """A site's "latest posts" widget gives each post, with caption and shown date."""
    document = (
        '<div id="footer-instagram" class="instagram"><ul class="instagram_images">'
        f'<li><a href="http://instagram.com/p/{CODE}/"><img src="/a.jpg"></a>'
        '<div class="instagram_time">January 03, 2015</div>'
        '<div class="instagram_caption">Fresh socks for the long run #training</div></li>'
        f'<li><a href="http://instagram.com/p/{OLD_CODE}/"><img src="/b.jpg"></a></li>'
        '</ul><a href="http://instagram.com/ada.example/">Follow us</a></div>'
    )
    posts = instagram_posts(document)
    assert [(p.post_id, p.form) for p in posts] == [(CODE, "card"), (OLD_CODE, "card")]
    assert posts[0].text == "Fresh socks for the long run #training"
    assert (posts[0].date_text, posts[0].published) == ("January 03, 2015", utc_day(2015, 1, 3))


@pytest.mark.parametrize(
    "document",
    [
        # a site's own container that merely borrows the class name
        '<div class="instagram-media post-template-content"><p>Hello</p></div>',
        # the class in a stylesheet
        "<style>iframe.instagram-media.instagram-media-rendered { display:block; }</style><p>x</p>",
        # a snippet inside a script string
        '<script>var tpl = \'<blockquote class="instagram-media" data-instgrm-permalink='
        f'"https://www.instagram.com/p/{CODE}/"></blockquote>\';</script><p>x</p>',
        # a profile embed
        '<blockquote class="instagram-media" data-instgrm-permalink='
        '"https://www.instagram.com/ada.example/" data-instgrm-version="14"></blockquote>',
        # follow links only
        '<p><a href="https://www.instagram.com/ada.example/">Follow us on Instagram</a></p>',
        # a post link in prose (only a link; returned with include_links)
        f'<p>See <a href="https://www.instagram.com/p/{CODE}/">this post</a>.</p>',
        # ... also in a page whose body class names Instagram, or in a box named after it
        f'<body class="instagram-feed-active"><main><p>See <a href="https://www.instagram.com/p/'
        f'{CODE}/">this post</a>.</p></main></body>',
        f'<div class="instagram-note"><p>See <a href="https://www.instagram.com/p/{CODE}/">'
        "this post</a>.</p></div>",
    ],
)
def test_not_posts(document: str) -> None:
    """Class names, script strings, profile embeds, follow links and bare links are not embeds."""
    assert instagram_posts(document) == []


def test_bare_link_only_with_include_links() -> None:
    """A link to a post is a ``link`` post only when links are asked for."""
    document = f'<p>See <a href="https://www.instagram.com/p/{CODE}/">this post</a>.</p>'
    posts = instagram_posts(document, include_links=True)
    assert [(p.post_id, p.form) for p in posts] == [(CODE, "link")]


def test_markers_skip_pages_with_only_follow_links() -> None:
    """A page with only profile links does not trigger the Instagram markers."""
    page = '<a href="https://www.instagram.com/ada.example/">Instagram</a>'.lower()
    assert not markers_present(page, INSTAGRAM.markers)
    assert markers_present(v14().lower(), INSTAGRAM.markers)


# --- plain-text residue -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name", "handle", "date_text"),
    [
        # English, v14 (no date) and v12 (with date)
        ("A post shared by Ada Example (@ada.example)", "Ada Example", "ada.example", None),
        (
            "A post shared by Ada Example (@ada.example) on Jun 16, 2019 at 7:30am PDT",
            "Ada Example",
            "ada.example",
            "Jun 16, 2019 at 7:30am PDT",
        ),
        # German with a Markdown-escaped day
        (
            "Ein Beitrag geteilt von Ada (@ada_ex) am 23\\. Okt 2017 um 0:31 Uhr",
            "Ada",
            "ada_ex",
            "23. Okt 2017 um 0:31 Uhr",
        ),
        # French and Spanish
        (
            "Une publication partagée par Ada Exemple (@ada.exemple) le 29 Mars 2017 à 11h25 PDT",
            "Ada Exemple",
            "ada.exemple",
            "29 Mars 2017 à 11h25 PDT",
        ),
        ("Una publicación compartida de Ada (@ada.ejemplo)", "Ada", "ada.ejemplo", None),
        # a handle that a scraper split with a space
        ("Una publicación compartida de José (@jose. ejemplo)", "José", "jose.ejemplo", None),
    ],
)
def test_residue_bylines(line: str, name: str, handle: str, date_text: str | None) -> None:
    """The byline gives name, handle and date in every supported language."""
    posts = list(INSTAGRAM.find_in_text(f"Some intro.\n\n{line}\n\nMore prose."))
    assert len(posts) == 1
    post = posts[0]
    assert post.author is not None
    assert (post.author.name, post.author.handle, post.date_text) == (name, handle, date_text)
    assert post.form == "text"


def test_residue_markdown_gives_caption_and_id() -> None:
    """html2text output: the caption links the post, so the id is known too."""
    text = (
        "Intro paragraph.\n\n"
        f"> [Sunrise over the ridge #dawn](https://www.instagram.com/p/{CODE}/?utm_source=ig_embed)\n"
        "> \n"
        "> A post shared by [ Ada Example](https://www.instagram.com/ada.example/) (@ada.example)"
        " on Jun 16, 2019 at 7:30am PDT\n\nNext paragraph."
    )
    posts = [p for p in tr.extract(text, kind="text") if p.platform == "instagram"]
    assert len(posts) == 1
    post = posts[0]
    assert (post.post_id, post.url, post.text) == (CODE, CANONICAL, "Sunrise over the ridge #dawn")
    assert post.author == tr.Author(
        name="Ada Example", handle="ada.example", url="https://www.instagram.com/ada.example/"
    )
    assert post.published == dt.datetime(
        2019, 6, 16, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=-7), "PDT")
    )
    assert post.span is not None
    start, end = post.span
    assert text[start:end].startswith("> [Sunrise")
    assert text[start:end].endswith("7:30am PDT")


def test_residue_split_over_lines() -> None:
    """BeautifulSoup-style text puts name, handle and date on separate lines."""
    text = (
        "Sunrise over the ridge #dawn\n\n\n\n\t\t\tA post shared by \n Ada Example\n"
        " (@ada.example) on \nJun 16, 2019 at 7:30am PDT\n\nAfter."
    )
    (post,) = INSTAGRAM.find_in_text(text)
    assert post.author == tr.Author(name="Ada Example", handle="ada.example")
    assert post.text == "Sunrise over the ridge #dawn"
    assert post.date_text == "Jun 16, 2019 at 7:30am PDT"


def test_residue_view_line_is_not_a_caption() -> None:
    """Right after the "view" line there is no caption."""
    text = "View this post on Instagram\n\nA post shared by Ada Example (@ada.example)"
    (post,) = INSTAGRAM.find_in_text(text)
    assert post.text is None


@pytest.mark.parametrize(
    "text",
    [
        # no handle: an ordinary sentence
        "A post shared by my neighbour about the bake sale.",
        # a handle too long for Instagram
        "A post shared by Ada (@" + "a" * 40 + ")",
    ],
)
def test_residue_not_bylines(text: str) -> None:
    """Sentences without a valid "(@handle)" are not residue."""
    assert list(INSTAGRAM.find_in_text(text)) == []


def test_hostile_residue_is_fast_enough_to_finish() -> None:
    """Many byline prefixes without a handle are scanned without blowing up."""
    text = "A post shared by (" * 5000
    assert list(INSTAGRAM.find_in_text(text)) == []


def test_deeply_nested_snippet_still_gives_the_post() -> None:
    """Markup nested thousands deep inside a snippet costs the text, not the post."""
    document = (
        f'<blockquote class="instagram-media" data-instgrm-permalink="{PERMALINK}"><p>'
        + "<div>" * 3000
        + "x"
        + "</div>" * 3000
        + "</p><p>A post shared by Ada Example (@ada.example)</p></blockquote>"
    )
    assert [p.post_id for p in instagram_posts(document)] == [CODE]


@pytest.mark.parametrize("value", ["abc", "ByxilPNJK3M?x=1", "Byxil PNJK3M", ""])
def test_amp_instagram_rejects_malformed_shortcodes(value: str) -> None:
    """An ``amp-instagram`` whose shortcode is malformed is not a post."""
    document = (
        f'<div><amp-instagram data-shortcode="{value}" width="1" height="1"></amp-instagram></div>'
    )
    assert instagram_posts(document) == []


def test_caption_naming_instagram_is_kept() -> None:
    """A short caption that mentions Instagram is still the caption."""
    post = only(
        V7_DE.replace("Morning climb with the crew #bouldering #weekend", "Back on Instagram!")
    )
    assert post.text == "Back on Instagram!"


def test_residue_view_line_right_above_the_caption() -> None:
    """A "view" line glued to the caption is dropped from it."""
    text = (
        "View this post on Instagram\nSunrise over the ridge\n\n"
        "A post shared by Ada Example (@ada.example)"
    )
    (post,) = INSTAGRAM.find_in_text(text)
    assert post.text == "Sunrise over the ridge"


@settings(max_examples=150, deadline=None)
@given(code=st.from_regex(r"[A-Za-z0-9_-]{11}", fullmatch=True))
def test_parse_url_round_trip(code: str) -> None:
    """Any shortcode survives parsing; the canonical URL parses alike."""
    ref = INSTAGRAM.parse_url(f"https://www.instagram.com/p/{code}/?utm_source=ig_embed")
    assert ref is not None
    assert ref.post_id == code
    assert ref.url is not None
    assert INSTAGRAM.parse_url(ref.url) == ref


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_residue_never_raises(text: str) -> None:
    """Any text gives Instagram posts with a handle, or none."""
    for post in INSTAGRAM.find_in_text(f"A post shared by {text}"):
        assert post.author is not None
        assert post.author.handle


def test_markdown_caption_with_brackets_inside_its_link() -> None:
    """A caption whose own text holds brackets ("[Ad] …") is unwrapped from its Markdown link."""
    text = (
        "> [ View this post on Instagram ](https://www.instagram.com/p/BgPCX03nnZW/)\n> \n"
        "> [[Ad] Nine to four ](https://www.instagram.com/p/BgPCX03nnZW/)\n> \n"
        "> A post shared by [ Ada Example](https://www.instagram.com/ada.example/) "
        "(@ada.example) on Mar 12, 2018 at 12:30pm PDT"
    )
    [post] = tr.extract(text, kind="text")
    assert (post.text, post.post_id) == ("[Ad] Nine to four", "BgPCX03nnZW")


def test_paragraphs_and_links_nested_in_their_own_kind_are_read_once() -> None:
    """Broken markup nesting caption paragraphs and links hundreds deep stays linear."""
    levels = 300
    nested = "".join(
        f'<p>w{i} <a href="https://www.instagram.com/explore/tags/t{i}/"><span>#t{i} '
        for i in range(levels)
    )
    document = (
        '<blockquote class="instagram-media" data-instgrm-permalink='
        '"https://www.instagram.com/p/CaBcDeFgHiJ/"><div>'
        f"{nested}</div></blockquote>"
    )
    posts = tr.extract(document)
    assert [post.post_id for post in posts] == ["CaBcDeFgHiJ"]
    [post] = posts
    # Each level's text would otherwise be read again for every paragraph and link above it.
    assert len(post.text or "") <= len(document)
    assert sum(len(link.text or "") for link in post.links) <= len(document)
