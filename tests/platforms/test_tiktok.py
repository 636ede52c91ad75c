"""Tests for tweetresolve.platforms.tiktok: permalinks, short links, snippets, AMP, residue."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tweetresolve as tr
from tweetresolve.platforms.tiktok import TIKTOK
from tweetresolve.prefilter import markers_present

# An invented id whose top 32 bits are 2019-07-27T13:32:33Z (the documented example time).
VIDEO = "6718335390845095173"
CREATED = dt.datetime(2019, 7, 27, 13, 32, 33, tzinfo=dt.timezone.utc)
USER = "ada.example"
CANONICAL = f"https://www.tiktok.com/@{USER}/video/{VIDEO}"

# The oEmbed snippet: caption in a <p>, tag links, the sound link.
SNIPPET = (
    f'<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@{USER}/video/{VIDEO}" '
    f'data-video-id="{VIDEO}" style="max-width: 605px;min-width: 325px;" > <section> '
    f'<a target="_blank" title="@{USER}" href="https://www.tiktok.com/@{USER}?refer=embed">'
    f"@{USER}</a> <p>Folding dumplings at speed &amp; style "
    '<a title="cooking" target="_blank" href="https://www.tiktok.com/tag/cooking?refer=embed">'
    "#cooking</a></p> "
    '<a target="_blank" title="♬ original sound - Ada Example" '
    'href="https://www.tiktok.com/music/original-sound-6689804660171082501?refer=embed">'
    "♬ original sound - Ada Example</a> </section> </blockquote> "
    '<script async src="https://www.tiktok.com/embed.js"></script>'
)


def tiktok_posts(document: str, **options: object) -> list[tr.Post]:
    return [p for p in tr.extract(document, **options) if p.platform == "tiktok"]  # type: ignore[arg-type]


def only(document: str) -> tr.Post:
    posts = tiktok_posts(document)
    assert len(posts) == 1, posts
    return posts[0]


# --- permalinks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "handle", "canonical"),
    [
        # the permalink, with tracking and language queries
        (CANONICAL, USER, CANONICAL),
        (CANONICAL + "?is_from_webapp=1&sender_device=pc&lang=de", USER, CANONICAL),
        # mobile and regional hosts
        (CANONICAL.replace("www.", "m."), USER, CANONICAL),
        (CANONICAL.replace("www.", "us."), USER, CANONICAL),
        # photo-mode posts
        (f"https://www.tiktok.com/@{USER}/photo/{VIDEO}", USER, CANONICAL),
        # user-less forms
        (f"https://www.tiktok.com/share/video/{VIDEO}", None, f"https://www.tiktok.com/share/video/{VIDEO}"),
        (f"https://m.tiktok.com/v/{VIDEO}.html", None, f"https://www.tiktok.com/share/video/{VIDEO}"),
        # the player iframes
        (f"https://www.tiktok.com/embed/v2/{VIDEO}?lang=en-US", None, f"https://www.tiktok.com/share/video/{VIDEO}"),
        (f"https://www.tiktok.com/embed/{VIDEO}", None, f"https://www.tiktok.com/share/video/{VIDEO}"),
        (f"https://www.tiktok.com/player/v1/{VIDEO}", None, f"https://www.tiktok.com/share/video/{VIDEO}"),
    ],
)  # fmt: skip
def test_parse_url_video_shapes(url: str, handle: str | None, canonical: str) -> None:
    """Every video URL shape gives the id, the user when shown, and a canonical URL."""
    ref = tr.parse_post_url(url)
    assert ref is not None
    assert (ref.platform, ref.post_id, ref.handle, ref.url) == ("tiktok", VIDEO, handle, canonical)


@pytest.mark.parametrize(
    "url",
    [
        "https://vm.tiktok.com/ZMeAbCdEf/",
        "https://vt.tiktok.com/ZSAbCdEfG/",
        "https://www.tiktok.com/t/ZTRvAbCdE/",
    ],
)
def test_parse_url_short_links_need_expansion(url: str) -> None:
    """Short links name no video until followed."""
    ref = tr.parse_post_url(url)
    assert ref is not None
    assert (ref.platform, ref.post_id, ref.needs_expansion, ref.url) == ("tiktok", None, True, url)


@pytest.mark.parametrize(
    "url",
    [
        # profiles, tags, sounds
        f"https://www.tiktok.com/@{USER}",
        f"https://www.tiktok.com/@{USER}?refer=creator_embed",
        "https://www.tiktok.com/tag/cooking",
        "https://www.tiktok.com/music/original-sound-6689804660171082501",
        # site pages
        "https://www.tiktok.com/business/?attr_medium=tt",
        # look-alike hosts and other platforms
        f"https://www.tiktok.com.example.net/@{USER}/video/{VIDEO}",
        f"https://www.instagram.com/reel/{'ByxilPNJK3M'}/",
        f"https://www.threads.net/@{USER}/post/C-GMXpGM4KR",
    ],
)
def test_parse_url_not_posts(url: str) -> None:
    """Profiles, tags, sounds and other hosts are not TikTok posts."""
    assert TIKTOK.parse_url(url) is None


# --- embeds -------------------------------------------------------------------------------


def test_snippet() -> None:
    """The snippet: id, user, caption without the @user and sound lines, links, time."""
    post = only(SNIPPET)
    assert (post.post_id, post.url, post.form) == (VIDEO, CANONICAL, "blockquote")
    assert post.author == tr.Author(handle=USER, url=f"https://www.tiktok.com/@{USER}?refer=embed")
    assert post.text == "Folding dumplings at speed & style #cooking"
    assert [link.text for link in post.links] == ["#cooking"]
    assert post.created_at == CREATED


def test_snippet_with_bare_caption_and_no_script() -> None:
    """Newer snippets write the caption as bare text; the script may be missing."""
    document = (
        f'<blockquote class="tiktok-embed" data-video-id="{VIDEO}"\n'
        f'   cite="https://www.tiktok.com/@{USER}/video/{VIDEO}"><section>'
        f'<a title="@{USER}" href="https://www.tiktok.com/@{USER}?refer=embed">@{USER}</a>\n'
        ' Folding dumplings <a href="https://www.tiktok.com/tag/cooking?refer=embed">#cooking</a>'
        ' at speed <a href="https://www.tiktok.com/music/x-1?refer=embed">♬ sound - Ada</a>'
        "</section></blockquote>"
    )
    post = only(document)
    assert post.text == "Folding dumplings #cooking at speed"
    assert post.handle == USER


def test_wordpress_figure_and_wrapper_div() -> None:
    """A WordPress figure or a plain wrapper around the snippet gives one post."""
    document = (
        '<figure class="wp-block-embed is-type-video is-provider-tiktok wp-block-embed-tiktok">'
        f'<div class="wp-block-embed__wrapper">{SNIPPET}</div></figure>'
    )
    post = only(document)
    assert (post.post_id, post.form) == (VIDEO, "blockquote")


def test_wordpress_placeholder_with_only_the_url() -> None:
    """A WordPress embed block saved with only its URL is a placeholder."""
    document = (
        '<figure class="wp-block-embed is-provider-tiktok wp-block-embed-tiktok">'
        f'<div class="wp-block-embed__wrapper">\n{CANONICAL}\n</div></figure>'
    )
    assert (only(document).post_id, only(document).form) == (VIDEO, "placeholder")


@pytest.mark.parametrize(
    ("document", "handle"),
    [
        # AMP with the id, and with the URL
        (f'<amp-tiktok width="325" height="575" data-src="{VIDEO}"></amp-tiktok>', None),
        (
            f'<amp-tiktok\n  width="325 "\n  height="575"\n  data-src="{CANONICAL}"\n>'
            "</amp-tiktok>",
            USER,
        ),
        # AMP wrapping the snippet as its placeholder: one post, the AMP form kept
        (
            f'<amp-tiktok width="325" height="575" data-src="{CANONICAL}">'
            + SNIPPET.replace("<blockquote ", "<blockquote placeholder ")
            + "</amp-tiktok>",
            USER,
        ),
    ],
)  # fmt: skip
def test_amp(document: str, handle: str | None) -> None:
    """``amp-tiktok[data-src]`` gives the post, form amp."""
    post = only(f"<div>{document}</div>")
    assert (post.post_id, post.form, post.handle) == (VIDEO, "amp", handle)


def test_player_iframe() -> None:
    """The player iframe gives the id, form iframe."""
    post = only(f'<iframe src="https://www.tiktok.com/embed/v2/{VIDEO}?lang=en-US"></iframe>')
    assert (post.post_id, post.form, post.created_at) == (VIDEO, "iframe", CREATED)


@pytest.mark.parametrize(
    "document",
    [
        # a creator (profile) embed
        f'<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@{USER}" '
        f'data-unique-id="{USER}" data-embed-type="creator"><section>'
        f'<a href="https://www.tiktok.com/@{USER}?refer=creator_embed">@{USER}</a></section>'
        "</blockquote>",
        # the class in a stylesheet and a script string
        "<style>blockquote.tiktok-embed { margin: 0 }</style><p>x</p>",
        f'<script>var t = \'<blockquote class="tiktok-embed" data-video-id="{VIDEO}">\';</script>'
        "<p>x</p>",
        # follow links
        f'<a href="https://www.tiktok.com/@{USER}">Follow us on TikTok</a>',
    ],
)
def test_not_posts(document: str) -> None:
    """Creator embeds, CSS, script strings and follow links are not posts."""
    assert tiktok_posts(document, include_links=True) == []


def test_markers_skip_pages_with_only_follow_links() -> None:
    """Follow links do not trigger the TikTok markers."""
    page = f'<a href="https://www.tiktok.com/@{USER}?lang=de">TikTok</a>'.lower()
    assert not markers_present(page, TIKTOK.markers)
    assert markers_present(SNIPPET.lower(), TIKTOK.markers)


# --- plain-text residue -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a tag stripper's output
        f"@{USER} \n Folding dumplings #cooking \n ♬ original sound - Ada Example",
        # html2text Markdown with links and blank lines
        f"[@{USER}](https://www.tiktok.com/@{USER}?refer=embed)\n\nFolding dumplings "
        "[#cooking](https://www.tiktok.com/tag/cooking)\n\n"
        "[♬ original sound - Ada Example](https://www.tiktok.com/music/x-1)",
    ],
)
def test_residue(text: str) -> None:
    """The ``@user`` / caption / ``♬`` block gives the handle and the caption."""
    posts = [
        p for p in tr.extract(f"Intro.\n\n{text}\n\nAfter.", kind="text") if p.platform == "tiktok"
    ]
    assert len(posts) == 1
    post = posts[0]
    assert post.handle == USER
    assert post.text is not None
    assert post.text.startswith("Folding dumplings")
    assert post.form == "text"


def test_residue_needs_the_sound_line() -> None:
    """An ``@user`` line without the ``♬`` line is not residue."""
    assert list(TIKTOK.find_in_text(f"@{USER}\nFolding dumplings\n\nThe end.")) == []


@settings(max_examples=150, deadline=None)
@given(
    user=st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_.]{0,22}[A-Za-z0-9_]", fullmatch=True),
    video=st.integers(min_value=10**17, max_value=2**63 - 1),
)
def test_parse_url_round_trip(user: str, video: int) -> None:
    """Any user and id survive parsing; the canonical URL parses alike."""
    ref = TIKTOK.parse_url(f"https://www.tiktok.com/@{user}/video/{video}?lang=en")
    assert ref is not None
    assert (ref.post_id, ref.handle) == (str(video), user)
    assert ref.url is not None
    assert TIKTOK.parse_url(ref.url) == ref


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_parse_url_never_raises(url: str) -> None:
    """Any string gives a reference or None."""
    ref = TIKTOK.parse_url(url)
    assert ref is None or ref.platform == "tiktok"


def test_links_nested_in_links_are_read_once() -> None:
    """Broken markup nesting links hundreds deep costs each node's text once, not per level."""
    levels = 300
    nested = "".join(
        f'<a href="https://www.tiktok.com/tag/t{i}"><span>#t{i} ' for i in range(levels)
    )
    document = (
        '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@ada/video/'
        '7012345678901234567" data-video-id="7012345678901234567"><section>'
        f'<a href="https://www.tiktok.com/@ada">@ada</a><p>{nested}</p></section></blockquote>'
    )
    [post] = tr.extract(document)
    assert post.post_id == "7012345678901234567"
    assert post.text is not None
    assert "#t299" in post.text
    # Each level's text would otherwise be repeated in the link text of every level above.
    assert sum(len(link.text or "") for link in post.links) <= len(document)
