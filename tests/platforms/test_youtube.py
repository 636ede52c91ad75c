"""Tests for tweetresolve.platforms.youtube: video URLs, player iframes, AMP, facades, decoys."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tweetresolve as tr
from tweetresolve.platforms.youtube import YOUTUBE
from tweetresolve.prefilter import markers_present

VIDEO = "aB3dE_6gH-9"  # invented id of the right shape
CANONICAL = f"https://www.youtube.com/watch?v={VIDEO}"


def youtube_posts(document: str, **options: object) -> list[tr.Post]:
    return [p for p in tr.extract(document, **options) if p.platform == "youtube"]  # type: ignore[arg-type]


def only(document: str) -> tr.Post:
    posts = youtube_posts(document)
    assert len(posts) == 1, posts
    return posts[0]


# --- permalinks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        # the watch page, with the id anywhere in the query
        f"https://www.youtube.com/watch?v={VIDEO}",
        f"https://www.youtube.com/watch?feature=share&v={VIDEO}&t=42s",
        f"http://youtube.com/watch?v={VIDEO}",
        # a video inside a playlist is still that video
        f"https://www.youtube.com/watch?v={VIDEO}&list=PLabcdefghijklmnopqrstuvwxyz012345&index=2",
        # mobile and music hosts, the old mobile fragment form
        f"https://m.youtube.com/watch?v={VIDEO}",
        f"https://music.youtube.com/watch?v={VIDEO}",
        f"https://m.youtube.com/#/watch?v={VIDEO}&feature=share",
        # the short host
        f"https://youtu.be/{VIDEO}",
        f"https://youtu.be/{VIDEO}?si=AbCdEf&t=10",
        # player URLs
        f"https://www.youtube.com/embed/{VIDEO}?feature=oembed",
        f"//www.youtube.com/embed/{VIDEO}",
        f"https://www.youtube-nocookie.com/embed/{VIDEO}?rel=0",
        f"https://www.youtube.com/v/{VIDEO}?version=3&hl=en_US",
        f"https://www.youtube.com/embed/{VIDEO}?list=PLabcdefghijklmnopqrstuvwxyz012345",
        # Shorts and live
        f"https://www.youtube.com/shorts/{VIDEO}",
        f"https://www.youtube.com/live/{VIDEO}?feature=share",
    ],
)
def test_parse_url_video_shapes(url: str) -> None:
    """Every video URL shape gives the 11-character id and the watch URL."""
    ref = tr.parse_post_url(url)
    assert ref is not None
    assert (ref.platform, ref.post_id, ref.url, ref.handle) == ("youtube", VIDEO, CANONICAL, None)


@pytest.mark.parametrize(
    "url",
    [
        # playlists and playlist players
        "https://www.youtube.com/playlist?list=PLabcdefghijklmnopqrstuvwxyz012345",
        "https://www.youtube.com/embed/videoseries?list=PLabcdefghijklmnopqrstuvwxyz012345",
        "https://www.youtube.com/embed?listType=playlist&list=PLabcdefghijklmnopqrstuvwxyz0123",
        # a channel's live player
        "https://www.youtube.com/embed/live_stream?channel=UCabcdefghijklmnopqrstuv",
        # channels and users
        "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv",
        "https://www.youtube.com/c/AdaExample/videos",
        "https://www.youtube.com/user/adaexample",
        "https://www.youtube.com/@ada_example",
        "https://www.youtube.com/adaexample",
        # search, a watch page without a valid id
        "https://www.youtube.com/results?search_query=bread",
        "https://www.youtube.com/watch?v=tooshort",
        "https://www.youtube.com/watch?v=",
        # look-alike hosts and other platforms
        f"https://www.youtube.com.example.net/watch?v={VIDEO}",
        f"https://notyoutube.com/watch?v={VIDEO}",
        "https://www.instagram.com/p/ByxilPNJK3M/",
        "https://vimeo.com/123456789",
    ],
)
def test_parse_url_not_videos(url: str) -> None:
    """Playlists, channels, search and other hosts are not posts."""
    assert YOUTUBE.parse_url(url) is None


# --- embeds -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "iframe",
    [
        # the share dialog's copy-paste code
        f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{VIDEO}" '
        'title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; '
        'clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" '
        'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>',
        # privacy-enhanced mode, attributes in another order, newlines
        f'<iframe\n allowfullscreen\n src="https://www.youtube-nocookie.com/embed/{VIDEO}?rel=0"'
        '\n height="315"></iframe>',
        # protocol-relative
        f'<iframe src="//www.youtube.com/embed/{VIDEO}" frameborder="0"></iframe>',
        # lazily loaded: the real URL waits in data-src
        f'<iframe src="about:blank" data-src="https://www.youtube.com/embed/{VIDEO}" '
        'class="lazyload"></iframe>',
        # an oEmbed iframe with an entity-encoded title and query
        f'<iframe title="Bread &amp; butter &#039;live&#039;" '
        f'src="https://www.youtube.com/embed/{VIDEO}?feature=oembed&amp;start=5"></iframe>',
    ],
)
def test_iframes(iframe: str) -> None:
    """Player iframes in their usual variants give one post, form iframe."""
    post = only(f"<p>Watch:</p>{iframe}")
    assert (post.post_id, post.url, post.form) == (VIDEO, CANONICAL, "iframe")
    assert (post.author, post.text, post.created_at) == (None, None, None)


def test_wordpress_figure_with_iframe() -> None:
    """The WordPress embed figure around the oEmbed iframe is one post."""
    document = (
        '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube '
        'wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\n'
        f'<iframe title="Bread day" width="1170" height="658" src="https://www.youtube.com/embed/'
        f'{VIDEO}?feature=oembed" frameborder="0" allowfullscreen></iframe>\n</div></figure>'
    )
    assert only(document).form == "iframe"


def test_wordpress_placeholder_with_only_the_url() -> None:
    """A WordPress embed block saved with only its URL is a placeholder."""
    document = (
        '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube">'
        f'<div class="wp-block-embed__wrapper">\nhttps://youtu.be/{VIDEO}\n</div></figure>'
    )
    post = only(document)
    assert (post.post_id, post.form) == (VIDEO, "placeholder")


@pytest.mark.parametrize(
    ("document", "form"),
    [
        # AMP, with the current and the deprecated attribute
        (
            f'<amp-youtube data-videoid="{VIDEO}" layout="responsive" width="480" height="270">'
            "</amp-youtube>",
            "amp",
        ),
        (f'<amp-youtube video-id="{VIDEO}" width="480" height="270"></amp-youtube>', "amp"),
        # the lite-youtube facade that a script swaps for the player
        (f'<lite-youtube videoid="{VIDEO}" playlabel="Play: Bread day"></lite-youtube>', "script"),
        # the old Flash player: object, param and embed name the same video
        (
            f'<object width="425" height="344"><param name="movie" value="http://www.youtube.com/'
            f'v/{VIDEO}&hl=en&fs=1"></param><embed src="http://www.youtube.com/v/{VIDEO}&hl=en&fs=1"'
            ' type="application/x-shockwave-flash" width="425" height="344"></embed></object>',
            "iframe",
        ),
    ],
)
def test_other_players(document: str, form: str) -> None:
    """AMP, the lite-youtube facade and Flash players give one post each."""
    post = only(f"<div>{document}</div>")
    assert (post.post_id, post.form) == (VIDEO, form)


@pytest.mark.parametrize(
    "document",
    [
        # a playlist player and a channel's live player
        '<iframe src="https://www.youtube.com/embed/videoseries?list=PLabcdefghijklmnopqrstuvwxyz01"'
        "></iframe>",
        '<iframe src="https://www.youtube.com/embed/live_stream?channel=UCabcdefghijklmnopqrstuv">'
        "</iframe>",
        '<amp-youtube data-live-channelid="UCabcdefghijklmnopqrstuv" width="1" height="1">'
        "</amp-youtube>",
        # the class of a player in a stylesheet
        "<style>.youtube-player iframe[src*='youtube.com/embed'] { width: 100% }</style><p>x</p>",
        # a channel link and a subscribe button
        '<a href="https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv">Our channel</a>'
        '<a href="https://www.youtube.com/c/AdaExample?sub_confirmation=1">Subscribe</a>',
    ],
)
def test_not_posts(document: str) -> None:
    """Playlists, channels, CSS and channel links are not posts."""
    assert youtube_posts(document, include_links=True) == []


def test_markers_skip_pages_with_only_channel_links() -> None:
    """Channel and subscribe links do not trigger the YouTube markers."""
    page = '<a href="https://www.youtube.com/user/adaexample">YouTube</a>'.lower()
    assert not markers_present(page, YOUTUBE.markers)
    assert markers_present(
        f'<iframe src="//www.youtube.com/embed/{VIDEO}">'.lower(), YOUTUBE.markers
    )


def test_bare_links_with_include_links() -> None:
    """A link to a video is a ``link`` post only with ``include_links``, once per video."""
    document = (
        f'<p>He <a href="https://www.youtube.com/watch?v={VIDEO}">once sang</a> and '
        f'<a href="https://youtu.be/{VIDEO}">again</a>.</p>'
    )
    assert youtube_posts(document) == []
    posts = youtube_posts(document, include_links=True)
    assert [(p.post_id, p.form) for p in posts] == [(VIDEO, "link")]


def test_link_repeating_an_embedded_video_is_dropped() -> None:
    """A link to a video embedded on the same page is not a second post."""
    document = (
        f'<iframe src="https://www.youtube.com/embed/{VIDEO}"></iframe>'
        f'<p><a href="https://www.youtube.com/watch?v={VIDEO}">Watch on YouTube</a></p>'
    )
    posts = youtube_posts(document, include_links=True)
    assert [(p.post_id, p.form) for p in posts] == [(VIDEO, "iframe")]


def test_no_text_residue() -> None:
    """Players leave no text: the text path finds nothing, bare URLs are links."""
    assert list(YOUTUBE.find_in_text(f"Watch https://youtu.be/{VIDEO} now")) == []
    posts = [
        p
        for p in tr.extract(f"Watch https://youtu.be/{VIDEO} now", kind="text", include_links=True)
        if p.platform == "youtube"
    ]
    assert [(p.post_id, p.form) for p in posts] == [(VIDEO, "link")]


@pytest.mark.parametrize(
    "document",
    [
        # a lazy-loading plugin: the player waits in data-src, a copy for no-script browsers
        f'<iframe class="lazy" data-src="https://www.youtube.com/embed/{VIDEO}"></iframe>'
        f'<noscript><iframe src="https://www.youtube.com/embed/{VIDEO}"></iframe></noscript>',
        # the same inside a WordPress figure, with about:blank as the placeholder source
        '<figure class="wp-block-embed-youtube"><div class="wp-block-embed__wrapper">'
        f'<iframe src="about:blank" data-lazy-src="https://www.youtube.com/embed/{VIDEO}?feature=oembed">'
        f'</iframe><noscript><iframe src="https://www.youtube.com/embed/{VIDEO}?feature=oembed">'
        "</iframe></noscript></div></figure>",
        # a <noscript> player alone is the embed
        f'<div><noscript><iframe src="https://www.youtube.com/embed/{VIDEO}"></iframe></noscript></div>',
    ],
)
def test_noscript_copy_of_a_lazy_player_is_one_post(document: str) -> None:
    """A lazy player and its <noscript> copy are one post; a lone <noscript> player counts."""
    assert [p.post_id for p in youtube_posts(f"<p>x</p>{document}")] == [VIDEO]


def test_lazy_facade_div() -> None:
    """A caching plugin's facade div with the player URL in data-src is the post."""
    document = (
        '<div class="rll-youtube-player" data-src="https://www.youtube.com/embed/'
        f'{VIDEO}" data-id="{VIDEO}" data-query="feature=oembed"></div>'
        f'<noscript><iframe src="https://www.youtube.com/embed/{VIDEO}?feature=oembed">'
        "</iframe></noscript>"
    )
    posts = youtube_posts(f"<p>x</p><div>{document}</div>")
    assert [(p.post_id, p.form) for p in posts] == [(VIDEO, "script")]


def test_lazy_thumbnail_link_is_not_a_player() -> None:
    """An element whose data-src is a watch link (not a player) is not an embed."""
    document = (
        f'<p>x</p><span data-src="https://www.youtube.com/watch?v={VIDEO}">thumb</span>'
        f'<iframe src="https://www.youtube.com/embed/videoseries?list=PL1"></iframe>'
    )
    assert youtube_posts(document) == []


@settings(max_examples=150, deadline=None)
@given(
    video=st.from_regex(r"[A-Za-z0-9_-]{11}", fullmatch=True),
    shape=st.sampled_from(
        [
            "https://www.youtube.com/watch?v={}",
            "https://youtu.be/{}",
            "https://www.youtube.com/embed/{}?rel=0",
            "https://www.youtube-nocookie.com/embed/{}",
            "https://www.youtube.com/shorts/{}",
        ]
    ),
)
def test_parse_url_round_trip(video: str, shape: str) -> None:
    """Any 11-character id in any shape gives itself and a watch URL that parses alike."""
    ref = YOUTUBE.parse_url(shape.format(video))
    if video.lower() in {"videoseries", "live_stream"}:
        assert ref is None
        return
    assert ref is not None
    assert ref.post_id == video
    assert ref.url is not None
    assert YOUTUBE.parse_url(ref.url) == ref


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_parse_url_never_raises(url: str) -> None:
    """Any string gives a reference or None."""
    ref = YOUTUBE.parse_url(url)
    assert ref is None or ref.platform == "youtube"
