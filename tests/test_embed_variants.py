"""Adversarial variants of every platform's embed forms, as pages really write them.

Each fixture is a small invented document in a shape the research documents: attribute
order, quoting and case, whitespace inside tags, wrappers, entity-encoded URLs, lazy
loading (``data-src``) with a ``<noscript>`` copy, the same post embedded twice, and
decoys that must not count (buttons, profile links, CSS and script strings, markup shown
as code).  Names, handles and ids are made up.
"""

from __future__ import annotations

import pytest

import tweetresolve as tr

# Invented ids of the right shapes.
TWEET_ID = "1508951925456744449"
IG_CODE = "ByxilPNJK3M"
TIKTOK_ID = "6718335390845095173"
YT_ID = "a-B_c1D2e3F"
BSKY_DID = "did:plc:abcdefghijklmnopqrstuvwx"
BSKY_RKEY = "3lbq7mxsiek2v"
TOOT_ID = "113079171241665414"
LINKEDIN_ID = "7004344112762015746"
TUMBLR_ID = "145429050241"


def found(document: str, platform: str, *, include_links: bool = False) -> list[tr.Post]:
    """The posts of one platform that ``extract`` finds in an HTML document."""
    posts = tr.extract(document, kind="html", include_links=include_links)
    return [post for post in posts if post.platform == platform]


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"


# --- Twitter ---------------------------------------------------------------------------

TWEET = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">An invented tweet.</p>'
    "&mdash; Ada Example (@ada_example) "
    f'<a href="https://twitter.com/ada_example/status/{TWEET_ID}?ref_src=twsrc%5Etfw">'
    "March 30, 2022</a></blockquote>"
)


@pytest.mark.parametrize(
    "markup",
    [
        # upper-case tags and attributes, single quotes, attributes before the class
        "<BLOCKQUOTE DATA-LANG='en' CLASS='twitter-tweet'><P>Hi.</P>&mdash; Ada Example "
        f"(@ada_example) <A HREF='https://twitter.com/ada_example/status/{TWEET_ID}'>"
        "March 30, 2022</A></BLOCKQUOTE>",
        # a start tag over several lines, extra classes
        '<blockquote\n  data-dnt="true"\n  class="tw-align-center twitter-tweet"\n>'
        f'<p>Hi.</p>&mdash; Ada Example (@ada_example) <a\n href="https://x.com/ada_example/'
        f'status/{TWEET_ID}?ref_src=twsrc%5Etfw&amp;s=20">March 30, 2022</a></blockquote>',
        # wrapped by a CMS
        f'<figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper">'
        f"{TWEET}</div></figure>",
    ],
)
def test_twitter_snippet_variants(markup: str) -> None:
    posts = found(page(markup), "twitter")
    assert [p.post_id for p in posts] == [TWEET_ID]
    assert posts[0].author is not None
    assert posts[0].author.handle == "ada_example"


@pytest.mark.parametrize(
    ("url", "handle"),
    [
        (f"https://x.com/i/status/{TWEET_ID}", None),
        (f"https://twitter.com/i/web/status/{TWEET_ID}", None),
        (f"https://x.com/ada_example/status/{TWEET_ID}", "ada_example"),
        # an account may be named "i_" or "ii"; only "i" itself is the no-user path
        (f"https://twitter.com/ii/status/{TWEET_ID}", "ii"),
    ],
)
def test_twitter_status_url_without_a_user_has_no_handle(url: str, handle: str | None) -> None:
    """A /i/status/ permalink names the post but no account."""
    ref = tr.parse_post_url(url)
    assert ref is not None
    assert (ref.post_id, ref.handle) == (TWEET_ID, handle)


def test_twitter_same_tweet_twice_is_two_records() -> None:
    assert len(found(page(f"{TWEET}<p>Between.</p>{TWEET}"), "twitter")) == 2


@pytest.mark.parametrize(
    "markup",
    [
        '<a href="https://twitter.com/share?ref_src=twsrc%5Etfw" class="twitter-share-button">'
        "Tweet</a>",
        '<a href="https://twitter.com/ada_example" class="twitter-follow-button">Follow</a>',
        "<style>.twitter-tweet { margin: 0 auto; }</style>",
        "<script>document.querySelectorAll('blockquote.twitter-tweet');</script>",
        "<pre><code>&lt;blockquote class=&quot;twitter-tweet&quot;&gt;&lt;a href=&quot;"
        f"https://twitter.com/ada_example/status/{TWEET_ID}&quot;&gt;x&lt;/a&gt;"
        "&lt;/blockquote&gt;</code></pre>",
    ],
)
def test_twitter_decoys(markup: str) -> None:
    assert found(page(markup), "twitter") == []


# --- Instagram -------------------------------------------------------------------------

IG_V14 = (
    '<blockquote class="instagram-media" data-instgrm-captioned '
    f'data-instgrm-permalink="https://www.instagram.com/p/{IG_CODE}/?utm_source=ig_embed&amp;'
    'utm_campaign=loading" data-instgrm-version="14"><div><a href="https://www.instagram.com/p/'
    f'{IG_CODE}/?utm_source=ig_embed">View this post on Instagram</a>'
    f'<p><a href="https://www.instagram.com/p/{IG_CODE}/">A post shared by Ada Example '
    "(@ada.example)</a></p></div></blockquote>"
)


@pytest.mark.parametrize(
    "markup",
    [
        IG_V14,
        IG_V14.replace('"', "'").replace("blockquote", "BLOCKQUOTE"),
        # protocol-relative permalink, attributes reordered, newlines in the start tag
        "<blockquote\n data-instgrm-version='14'\n"
        f"data-instgrm-permalink='//www.instagram.com/p/{IG_CODE}/'\nclass='instagram-media'>"
        "<p>A post shared by Ada Example (@ada.example)</p></blockquote>",
    ],
)
def test_instagram_snippet_variants(markup: str) -> None:
    posts = found(page(markup), "instagram")
    assert [p.post_id for p in posts] == [IG_CODE]
    assert posts[0].author is not None
    assert posts[0].author.handle == "ada.example"


def test_instagram_same_post_twice_is_two_records() -> None:
    assert len(found(page(IG_V14 + "<p>Between.</p>" + IG_V14), "instagram")) == 2


def test_instagram_lazy_iframe_with_noscript_copy_is_one_record() -> None:
    src = f"https://www.instagram.com/p/{IG_CODE}/embed/captioned/"
    markup = (
        f'<iframe class="lazyload" data-src="{src}"></iframe>'
        f'<noscript><iframe src="{src}"></iframe></noscript>'
    )
    assert [p.post_id for p in found(page(markup), "instagram")] == [IG_CODE]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.instagram.com/ada.example/",
        "https://www.instagram.com/reels/audio/1234567890123456/",
        "https://www.instagram.com/explore/tags/kettles/",
    ],
)
def test_instagram_non_post_urls(url: str) -> None:
    assert tr.parse_post_url(url) is None


def test_instagram_profile_embed_is_not_a_post() -> None:
    markup = (
        '<blockquote class="instagram-media" data-instgrm-permalink='
        '"https://www.instagram.com/ada.example/?utm_source=ig_embed" data-instgrm-version="14">'
        '<a href="https://www.instagram.com/ada.example/">Ada</a></blockquote>'
    )
    assert found(page(markup), "instagram") == []


def test_instagram_byline_name_keeps_parentheses_and_line_break() -> None:
    text = "A caption.\n\nA post shared by Ada (she/her) Example\n(@ada.example)"
    posts = [p for p in tr.extract(text, kind="text") if p.platform == "instagram"]
    assert len(posts) == 1
    assert posts[0].author is not None
    assert (posts[0].author.name, posts[0].author.handle) == (
        "Ada (she/her) Example",
        "ada.example",
    )


# --- Facebook --------------------------------------------------------------------------

FB_POST_URL = "https://www.facebook.com/ada.example/posts/10101301165605491"
FB_PFBID = "pfbid02AbCdEfGhIjKlMnOpQrStUvWxYz123456789AbCdEfGhIjKlMnl"
FB_PLUGIN = (
    "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2F"
    "ada.example%2Fposts%2F10101301165605491&amp;show_text=true&amp;width=500"
)


@pytest.mark.parametrize(
    "markup",
    [
        f"<div data-width='500' data-href='{FB_POST_URL}/' class='fb-post'></div>",
        f'<DIV CLASS="fb-post" DATA-HREF="{FB_POST_URL}"><blockquote cite="{FB_POST_URL}" '
        'class="fb-xfbml-parse-ignore"><p>Invented text.</p>Posted by <a href='
        '"https://www.facebook.com/ada.example">Ada Example</a> on&nbsp;<a href='
        f'"{FB_POST_URL}">Thursday, 13 March 2014</a></blockquote></DIV>',
        f'<iframe src="{FB_PLUGIN}" width="500" height="600"></iframe>',
        f'<iframe src="{FB_PLUGIN.replace("https:", "")}"></iframe>',
        f'<amp-facebook width="552" height="310" layout="responsive" data-href="{FB_POST_URL}">'
        "</amp-facebook>",
    ],
)
def test_facebook_variants(markup: str) -> None:
    assert [p.post_id for p in found(page(markup), "facebook")] == ["10101301165605491"]


def test_facebook_pfbid_post_id() -> None:
    ref = tr.parse_post_url(f"https://www.facebook.com/ada.example/posts/{FB_PFBID}")
    assert ref is not None
    assert ref.post_id == FB_PFBID


def test_facebook_lazy_plugin_with_noscript_copy_is_one_record() -> None:
    markup = (
        f'<iframe data-src="{FB_PLUGIN}" src="about:blank"></iframe>'
        f'<noscript><iframe src="{FB_PLUGIN}"></iframe></noscript>'
    )
    assert len(found(page(markup), "facebook")) == 1


@pytest.mark.parametrize(
    "markup",
    [
        '<iframe src="https://www.facebook.com/plugins/like.php?href=https%3A%2F%2Fwww.facebook'
        '.com%2Fada.example%2Fposts%2F10101301165605491"></iframe>',
        '<iframe src="https://www.facebook.com/plugins/page.php?href=https%3A%2F%2Fwww.facebook'
        '.com%2Fada.example"></iframe>',
        '<div class="fb-like" data-href="https://www.facebook.com/ada.example/posts/'
        '10101301165605491"></div>',
        '<div class="fb-post-list" data-href="https://www.facebook.com/ada.example"></div>',
        "<style>.fb-post, .fb-video { max-width: 100%; }</style>",
    ],
)
def test_facebook_decoys(markup: str) -> None:
    assert found(page(markup), "facebook") == []


# --- YouTube ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        f'<iframe width="560" src="https://www.youtube.com/embed/{YT_ID}?si=x&amp;start=3">'
        "</iframe>",
        f"<IFRAME SRC='//www.youtube-nocookie.com/embed/{YT_ID}' ALLOWFULLSCREEN></IFRAME>",
        f'<amp-youtube data-videoid="{YT_ID}" layout="responsive" width="480" height="270">'
        "</amp-youtube>",
        f'<iframe class="lazyload" data-src="https://www.youtube.com/embed/{YT_ID}"></iframe>'
        f'<noscript><iframe src="https://www.youtube.com/embed/{YT_ID}"></iframe></noscript>',
    ],
)
def test_youtube_variants(markup: str) -> None:
    assert [p.post_id for p in found(page(markup), "youtube")] == [YT_ID]


@pytest.mark.xfail(
    strict=True, reason="the prefilter marker 'youtube.com/embed' misses a URL with a port"
)
def test_youtube_iframe_with_explicit_port() -> None:
    markup = f'<iframe src="https://www.youtube.com:443/embed/{YT_ID}"></iframe>'
    assert [p.post_id for p in found(page(markup), "youtube")] == [YT_ID]


def test_youtube_same_video_twice_is_two_records() -> None:
    frame = f'<iframe src="https://www.youtube.com/embed/{YT_ID}"></iframe>'
    assert len(found(page(f"<div>{frame}</div><p>x</p><div>{frame}</div>"), "youtube")) == 2


@pytest.mark.parametrize(
    "markup",
    [
        '<iframe src="https://www.youtube.com/embed/videoseries?list=PL0123456789abcdef"></iframe>',
        '<iframe src="https://www.youtube.com/embed/live_stream?channel=UC0123456789"></iframe>',
        '<iframe src="https://www.youtube.com/embed/?listType=playlist&amp;list=PL01"></iframe>',
        '<iframe src="http://[::1]:8080/embed/x"></iframe><iframe src="https://www.youtube.com:'
        'x/embed/abc"></iframe><iframe src="https://www.youtube.com/embed/"></iframe>',
        '<a href="https://www.youtube.com/@ada_example">Subscribe</a>'
        "<style>.youtube.com/embed{}</style>",
    ],
)
def test_youtube_decoys(markup: str) -> None:
    assert found(page(markup), "youtube") == []


# --- TikTok ----------------------------------------------------------------------------

TIKTOK_QUOTE = (
    f'<blockquote data-video-id="{TIKTOK_ID}" class="tiktok-embed" cite="https://www.tiktok.com/'
    f'@ada.example/video/{TIKTOK_ID}" style="max-width: 605px;"><section><a target="_blank" '
    'title="@ada.example" href="https://www.tiktok.com/@ada.example?refer=embed">@ada.example</a>'
    "<p>An invented caption</p>"
    '<a href="https://www.tiktok.com/music/original-sound-1">♬ original sound - Ada</a>'
    "</section></blockquote>"
)


@pytest.mark.parametrize(
    "markup",
    [
        TIKTOK_QUOTE,
        TIKTOK_QUOTE.replace('"', "'"),
        f'<amp-tiktok width="325" height="575" data-src="https://www.tiktok.com/@ada.example/'
        f'video/{TIKTOK_ID}"></amp-tiktok>',
        f'<iframe data-src="https://www.tiktok.com/embed/v2/{TIKTOK_ID}?lang=en-US"></iframe>',
    ],
)
def test_tiktok_variants(markup: str) -> None:
    assert [p.post_id for p in found(page(markup), "tiktok")] == [TIKTOK_ID]


def test_tiktok_creator_embed_is_not_a_post() -> None:
    markup = (
        '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@ada.example" '
        'data-unique-id="ada.example" data-embed-type="creator"><section><a href='
        '"https://www.tiktok.com/@ada.example?refer=creator_embed">@ada.example</a></section>'
        "</blockquote>"
    )
    assert found(page(markup), "tiktok") == []


# --- Threads ---------------------------------------------------------------------------

THREADS_QUOTE = (
    '<blockquote class="text-post-media" data-text-post-permalink='
    '"https://www.threads.com/@ada.example/post/C-GMXpGM4KR" data-text-post-version="0" '
    'id="ig-tp-C-GMXpGM4KR"><a href="https://www.threads.com/@ada.example/post/C-GMXpGM4KR">'
    "<div>Post by @ada.example</div><div>View on Threads</div></a></blockquote>"
)


def test_threads_snippet_and_twice() -> None:
    posts = found(page(THREADS_QUOTE), "threads")
    assert [(p.post_id, p.author.handle if p.author else None) for p in posts] == [
        ("C-GMXpGM4KR", "ada.example")
    ]
    assert len(found(page(THREADS_QUOTE + "<p>x</p>" + THREADS_QUOTE), "threads")) == 2


def test_threads_follow_link_is_not_a_post() -> None:
    markup = (
        '<a href="https://www.threads.net/@ada.example">Follow on Threads</a>'
        '<script async src="https://www.threads.net/embed.js"></script>'
    )
    assert found(page(markup), "threads") == []


# --- Bluesky ---------------------------------------------------------------------------

BSKY_QUOTE = (
    f'<blockquote class="bluesky-embed" data-bluesky-uri="at://{BSKY_DID}/app.bsky.feed.post/'
    f'{BSKY_RKEY}" data-bluesky-cid="bafyreiexample"><p lang="en">An invented post.</p>'
    f'&mdash; Ada Example (<a href="https://bsky.app/profile/{BSKY_DID}?ref_src=embed">'
    f'@ada.example.com</a>) <a href="https://bsky.app/profile/{BSKY_DID}/post/{BSKY_RKEY}'
    '?ref_src=embed">November 25, 2024 at 12:58 AM</a></blockquote>'
)


def test_bluesky_snippet_variants() -> None:
    for markup in (
        BSKY_QUOTE,
        BSKY_QUOTE.replace('"', "'")
        .upper()
        .replace(BSKY_DID.upper(), BSKY_DID)
        .replace(BSKY_RKEY.upper(), BSKY_RKEY),
    ):
        posts = found(page(markup), "bluesky")
        assert [p.post_id for p in posts] == [BSKY_RKEY], markup


def test_bluesky_rendered_div_and_iframe_is_one_record() -> None:
    markup = (
        '<div class="bluesky-embed" style="max-width:600px"><iframe data-bluesky-id="7" '
        f'src="https://embed.bsky.app/embed/{BSKY_DID}/app.bsky.feed.post/{BSKY_RKEY}?id=7&amp;'
        'colorMode=system"></iframe></div>'
    )
    posts = found(page(markup), "bluesky")
    assert [p.post_id for p in posts] == [BSKY_RKEY]


def test_bluesky_did_web_actor() -> None:
    ref = tr.parse_post_url(f"at://did:web:ada.example.com/app.bsky.feed.post/{BSKY_RKEY}")
    assert ref is not None
    assert (ref.post_id, ref.handle) == (BSKY_RKEY, "did:web:ada.example.com")


# --- Mastodon / Truth Social -----------------------------------------------------------

TOOT_EMBED = f"https://social.example/@ada/{TOOT_ID}/embed"


@pytest.mark.parametrize(
    "markup",
    [
        f'<blockquote class="mastodon-embed" data-embed-url="{TOOT_EMBED}"><a href='
        f'"https://social.example/@ada/{TOOT_ID}"><div>Post by @ada@social.example</div>'
        "<div>View on Mastodon</div></a></blockquote>",
        f"<IFRAME SRC='{TOOT_EMBED}' CLASS='mastodon-embed' WIDTH='400'></IFRAME>",
        f'<iframe class="mastodon-embed lazyload" data-src="{TOOT_EMBED}"></iframe>',
    ],
)
def test_mastodon_variants(markup: str) -> None:
    assert [p.post_id for p in found(page(markup), "mastodon")] == [TOOT_ID]


def test_mastodon_lazy_iframe_with_noscript_copy_is_one_record() -> None:
    markup = (
        f'<iframe class="mastodon-embed" data-src="{TOOT_EMBED}"></iframe>'
        f'<noscript><iframe class="mastodon-embed" src="{TOOT_EMBED}"></iframe></noscript>'
    )
    assert len(found(page(markup), "mastodon")) == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/@ada_example/123456789012345",
        "https://www.tiktok.com/@ada.example/123456789012345678",
        "https://www.threads.net/@ada.example/123456789012345678",
        "https://www.instagram.com/@ada.example/123456789012345678",
    ],
)
def test_mastodon_does_not_claim_other_platforms_hosts(url: str) -> None:
    ref = tr.parse_post_url(url)
    assert ref is None or ref.platform != "mastodon"


@pytest.mark.xfail(
    strict=True, reason="the canonical Mastodon URL drops a non-default port of the instance"
)
def test_mastodon_keeps_instance_port() -> None:
    ref = tr.parse_post_url(f"https://social.example:8443/@ada/{TOOT_ID}")
    assert ref is not None
    assert ref.url == f"https://social.example:8443/@ada/{TOOT_ID}"


def test_truthsocial_iframe() -> None:
    markup = (
        '<iframe src="https://truthsocial.com/@ada_example/114491534347862682/embed" '
        'class="truthsocial-embed" style="max-width: 100%; border: 0" width="600"></iframe>'
    )
    posts = found(page(markup), "truthsocial")
    assert [p.post_id for p in posts] == ["114491534347862682"]
    assert posts[0].url == "https://truthsocial.com/@ada_example/posts/114491534347862682"


# --- Reddit ----------------------------------------------------------------------------

REDDIT_BQ = (
    '<blockquote class="reddit-embed-bq" style="height:500px" data-embed-height="740">'
    '<a href="https://www.reddit.com/r/example/comments/1abc2d/an_invented_title/">'
    'An invented title</a><br> by<a href="https://www.reddit.com/user/ada_example/">'
    'u/ada_example</a> in<a href="https://www.reddit.com/r/example/">example</a></blockquote>'
)


def test_reddit_embed_and_twice() -> None:
    posts = found(page(REDDIT_BQ), "reddit")
    assert [(p.post_id, p.text) for p in posts] == [("1abc2d", "An invented title")]
    assert len(found(page(REDDIT_BQ + "<p>x</p>" + REDDIT_BQ), "reddit")) == 2


def test_reddit_comment_embed_id() -> None:
    markup = (
        '<blockquote class="reddit-embed-bq"><a href="https://www.reddit.com/r/example/comments/'
        '1abc2d/comment/kx9y8z7/">Comment</a><br> by<a href="https://www.reddit.com/user/ada/">'
        'u/ada</a> from discussion<a href="https://www.reddit.com/r/example/comments/1abc2d/x/">'
        '</a><br> in<a href="https://www.reddit.com/r/example/">example</a></blockquote>'
    )
    assert [p.post_id for p in found(page(markup), "reddit")] == ["kx9y8z7"]


def test_reddit_lazy_iframe() -> None:
    markup = (
        '<iframe class="lazyload" data-src="https://embed.reddit.com/r/example/comments/1abc2d/'
        'an_invented_title/?embed=true&amp;theme=dark"></iframe>'
    )
    assert [p.post_id for p in found(page(markup), "reddit")] == ["1abc2d"]


# --- Telegram --------------------------------------------------------------------------

TG_SCRIPT = (
    '<script async src="https://telegram.org/js/telegram-widget.js?22" '
    'data-telegram-post="kettle_news/157" data-width="100%"></script>'
)
TG_FRAME = '<iframe id="telegram-post-kettle_news-157" src="https://t.me/kettle_news/157?embed=1">'


def test_telegram_rendered_beside_script_is_one_record() -> None:
    markup = f"<div>{TG_FRAME}</iframe>{TG_SCRIPT}</div>"
    assert len(found(page(markup), "telegram")) == 1


def test_telegram_same_post_twice_in_one_article_is_two_records() -> None:
    markup = f"<article><p>First.</p>{TG_SCRIPT}<p>Again, further down.</p>{TG_SCRIPT}</article>"
    assert len(found(page(markup), "telegram")) == 2


def test_telegram_upper_case_attribute() -> None:
    markup = TG_SCRIPT.replace("data-telegram-post", "DATA-TELEGRAM-POST").replace('"', "'")
    assert [p.post_id for p in found(page(markup), "telegram")] == ["kettle_news/157"]


# --- LinkedIn --------------------------------------------------------------------------

LI_SRC = f"https://www.linkedin.com/embed/feed/update/urn:li:share:{LINKEDIN_ID}"


@pytest.mark.parametrize(
    "markup",
    [
        f'<iframe src="{LI_SRC}" height="640" width="100%" frameborder="0" title="Embedded post">'
        "</iframe>",
        f"<IFRAME TITLE='Embedded post' SRC='{LI_SRC}?compact=1'></IFRAME>",
        f'<iframe class="lazyload" data-src="{LI_SRC}" title="Embedded post"></iframe>',
        f'<iframe data-src="{LI_SRC}"></iframe><noscript><iframe src="{LI_SRC}"></iframe>'
        "</noscript>",
    ],
)
def test_linkedin_variants(markup: str) -> None:
    assert [p.post_id for p in found(page(markup), "linkedin")] == [f"urn:li:share:{LINKEDIN_ID}"]


# --- Tumblr ----------------------------------------------------------------------------

TUMBLR_HOLDER = (
    '<div class="tumblr-post" data-href="https://embed.tumblr.com/embed/post/k33lX6gULMz1j_FK/'
    f'{TUMBLR_ID}" data-did="da39a3ee5e6b4b0d3255bfef95601890afd80709"><a href='
    f'"https://ada-example.tumblr.com/post/{TUMBLR_ID}">https://ada-example.tumblr.com/post/'
    f"{TUMBLR_ID}</a></div>"
)


def test_tumblr_placeholder_variants_and_twice() -> None:
    for markup in (TUMBLR_HOLDER, TUMBLR_HOLDER.replace('"', "'").replace("div", "DIV")):
        posts = found(page(markup), "tumblr")
        assert [(p.post_id, p.author.handle if p.author else None) for p in posts] == [
            (TUMBLR_ID, "ada-example")
        ]
    assert len(found(page(TUMBLR_HOLDER + "<p>x</p>" + TUMBLR_HOLDER), "tumblr")) == 2


def test_tumblr_lazy_rendered_iframe() -> None:
    markup = (
        '<iframe class="tumblr-embed lazyload" data-src="https://embed.tumblr.com/embed/post/'
        f'k33lX6gULMz1j_FK/{TUMBLR_ID}?width=542"></iframe>'
    )
    assert [p.post_id for p in found(page(markup), "tumblr")] == [TUMBLR_ID]


# --- robustness: odd nodes and URLs everywhere -----------------------------------------


def test_comments_processing_instructions_and_odd_urls_do_not_escape() -> None:
    odd_urls = [
        "http://[::1/embed",
        "https://[fe80::1]:99999/p/x",
        "https://ünïcode.example/@ада/113079171241665414/embed",
        "javascript:alert(1)",
        "",
        " ",
        "//",
        "https://www.facebook.com:99999/plugins/post.php?href=%ZZ",
    ]
    body = "".join(
        f'<!-- c --><?php echo 1 ?><iframe src="{u}" data-src="{u}" class="mastodon-embed '
        f'truthsocial-embed"></iframe><blockquote class="instagram-media tiktok-embed '
        f'bluesky-embed reddit-embed-bq text-post-media mastodon-embed" data-instgrm-permalink='
        f'"{u}" cite="{u}" data-bluesky-uri="{u}" data-embed-url="{u}"><!-- x --><a href="{u}">'
        f'</a></blockquote><div class="fb-post tumblr-post" data-href="{u}"><!-- y --></div>'
        f'<amp-tiktok data-src="{u}"></amp-tiktok><amp-instagram data-shortcode="{u}">'
        f'</amp-instagram><amp-facebook data-href="{u}"></amp-facebook>'
        f'<script data-telegram-post="{u}"></script>'
        for u in odd_urls
    )
    # Any detector error would be logged and swallowed by extract; call each directly.
    from tweetresolve.html import parse_page
    from tweetresolve.platforms import PLATFORMS

    parsed = parse_page(page(body))
    assert parsed is not None
    for platform in PLATFORMS:
        list(platform.find_in_html(parsed))


# --- more decoys and wrappers ----------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        # a "click to tweet" box: an intent link, no status
        '<div class="tweetbox"><a href="https://twitter.com/intent/tweet?text=A%20quote&amp;'
        'via=ada_example">A quotable sentence from the article. Click to tweet</a></div>',
        # an ordinary quotation that links a status in passing, with no byline
        '<blockquote><p>As she said on <a href="https://twitter.com/ada_example/status/'
        f'{TWEET_ID}">Twitter</a>, the kettle is the heart of the kitchen.</p>'
        "<p>More of the article follows here.</p></blockquote>",
    ],
)
def test_twitter_ordinary_page_parts_are_not_tweets(markup: str) -> None:
    assert found(page(markup), "twitter") == []


def test_facebook_placeholder_without_data_href_reads_the_cite() -> None:
    markup = (
        f'<div class="fb-post" data-width="500"><blockquote cite="{FB_POST_URL}" '
        'class="fb-xfbml-parse-ignore"><p>Invented text.</p>Posted by <a href='
        '"https://www.facebook.com/ada.example">Ada Example</a> on <a href='
        f'"{FB_POST_URL}">Thursday, 13 March 2014</a></blockquote></div>'
    )
    posts = found(page(markup), "facebook")
    assert [p.post_id for p in posts] == ["10101301165605491"]


def test_facebook_video_placeholder_and_plugin() -> None:
    video = "https://www.facebook.com/ada.example/videos/10153231379946729/"
    markup = (
        f'<div class="fb-video" data-href="{video}" data-width="500"></div><p>x</p>'
        '<iframe src="https://www.facebook.com/plugins/video.php?height=314&amp;href='
        "https%3A%2F%2Fwww.facebook.com%2Fada.example%2Fvideos%2F10153231379946729%2F&amp;"
        'show_text=false&amp;width=560&amp;t=0"></iframe>'
    )
    assert [p.post_id for p in found(page(markup), "facebook")] == ["10153231379946729"] * 2


def test_facebook_pfbid_in_plugin_iframe() -> None:
    markup = (
        '<iframe src="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2F'
        f'www.facebook.com%2Fada.example%2Fposts%2F{FB_PFBID}&amp;width=500"></iframe>'
    )
    assert [p.post_id for p in found(page(markup), "facebook")] == [FB_PFBID]


def test_youtube_figure_with_player_and_link_is_one_record() -> None:
    markup = (
        '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube">'
        '<div class="wp-block-embed__wrapper"><iframe title="An invented video" '
        f'src="https://www.youtube.com/embed/{YT_ID}?feature=oembed"></iframe></div>'
        f'<figcaption><a href="https://youtu.be/{YT_ID}">Watch</a></figcaption></figure>'
    )
    assert [p.post_id for p in found(page(markup), "youtube", include_links=True)] == [YT_ID]


def test_youtube_lite_facade() -> None:
    markup = f'<lite-youtube videoid="{YT_ID}" playlabel="Play"></lite-youtube>'
    assert [p.post_id for p in found(page(markup), "youtube")] == [YT_ID]


def test_instagram_footer_follow_link_is_not_a_post() -> None:
    markup = (
        '<footer><div class="social-instagram"><a href="https://www.instagram.com/ada.example/">'
        '<img src="/icons/ig.svg" alt=""></a></div></footer>'
        '<div class="instagram-media-note">instagram-media</div>'
    )
    assert found(page(markup), "instagram") == []


def test_reddit_legacy_card_and_amp() -> None:
    card = (
        '<blockquote class="reddit-card" data-card-created="1544486919"><a href='
        '"https://www.reddit.com/r/example/comments/99j657/an_invented_title/">An invented title'
        '</a> from <a href="http://www.reddit.com/r/example">r/example</a></blockquote>'
    )
    amp = (
        '<amp-reddit layout="responsive" width="300" height="400" data-embedtype="post" '
        'data-src="https://www.reddit.com/r/example/comments/52rmir/x/?ref=share&amp;'
        'ref_source=embed"></amp-reddit>'
    )
    assert [p.post_id for p in found(page(card + amp), "reddit")] == ["99j657", "52rmir"]


def test_telegram_blockquote_variant() -> None:
    markup = '<blockquote class="telegram-post" data-telegram-post="Kettle_News/0157"></blockquote>'
    posts = found(page(markup), "telegram")
    assert [(p.post_id, p.url) for p in posts] == [
        ("kettle_news/157", "https://t.me/kettle_news/157")
    ]


def test_mastodon_plain_iframe_of_a_status_page_is_not_an_embed() -> None:
    # Without the class or the /embed path, an iframe of a status URL is any page.
    markup = (
        f'<iframe src="https://social.example/@ada/{TOOT_ID}"></iframe>'
        '<p class="mastodon-embed-help">mastodon-embed</p>'
    )
    assert found(page(markup), "mastodon") == []


def test_tweet_noscript_fallback_anywhere_fills_the_rendered_embed() -> None:
    rendered = (
        f'<div class="twitter-tweet twitter-tweet-rendered"><iframe id="twitter-widget-0" '
        f'src="https://platform.twitter.com/embed/Tweet.html?id={TWEET_ID}" '
        f'data-tweet-id="{TWEET_ID}"></iframe></div>'
    )
    markup = f"<article>{rendered}</article><aside><noscript>{TWEET}</noscript></aside>"
    posts = found(page(markup), "twitter")
    assert [p.post_id for p in posts] == [TWEET_ID]
    assert posts[0].text == "An invented tweet."


def test_player_noscript_copy_counts_only_beside_its_lazy_twin() -> None:
    frame = f"https://www.youtube.com/embed/{YT_ID}"
    beside = f'<div><iframe data-src="{frame}"></iframe><noscript><iframe src="{frame}">'
    far = f'<div><iframe data-src="{frame}"></iframe></div><div><noscript><iframe src="{frame}">'
    assert len(found(page(beside + "</iframe></noscript></div>"), "youtube")) == 1
    assert len(found(page(far + "</iframe></noscript></div>"), "youtube")) == 2


def test_mastodon_iframe_with_upper_case_scheme_and_host() -> None:
    markup = (
        f'<iframe class="mastodon-embed" src="HTTPS://Social.Example/@ada/{TOOT_ID}/embed">'
        "</iframe>"
    )
    posts = found(page(markup), "mastodon")
    assert [(p.post_id, p.url) for p in posts] == [
        (TOOT_ID, f"https://social.example/@ada/{TOOT_ID}")
    ]


@pytest.mark.parametrize(
    ("markup", "form"),
    [
        # the widget frame on x.com's host, with no other marker on the page
        (
            f'<iframe src="https://platform.x.com/embed/Tweet.html?id={TWEET_ID}"></iframe>',
            "iframe",
        ),
        # a consent manager keeps the URL aside until the reader agrees
        (
            f'<iframe data-cmp-src="https://platform.twitter.com/embed/Tweet.html?id={TWEET_ID}"'
            ' data-cmp-vendor="s34"></iframe>',
            "iframe",
        ),
        (
            '<iframe src="about:blank" data-cookieblock-src="https://platform.twitter.com/embed/'
            f'Tweet.html?dnt=true&amp;id={TWEET_ID}"></iframe>',
            "iframe",
        ),
        # AMP's generic frame around the widget
        (
            f'<amp-iframe src="https://platform.twitter.com/embed/Tweet.html?id={TWEET_ID}" '
            'layout="responsive" width="4" height="3"></amp-iframe>',
            "amp",
        ),
    ],
)
def test_twitter_widget_frame_wherever_its_url_is_kept(markup: str, form: str) -> None:
    """A widget frame is read from its lazy or consent attributes and from amp-iframe."""
    posts = found(page(f"<p>Prose.</p>{markup}"), "twitter")
    assert [(p.post_id, p.form) for p in posts] == [(TWEET_ID, form)]


def test_consent_attribute_frame_of_another_platform() -> None:
    """Every platform's frame reader looks where consent managers keep the URL."""
    markup = (
        '<iframe data-src-cmplz="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2F'
        'www.facebook.com%2Fada.example%2Fposts%2F1234567890123456"></iframe>'
    )
    posts = found(page(markup), "facebook")
    assert [(p.post_id, p.form) for p in posts] == [("1234567890123456", "iframe")]


def test_page_whose_only_post_is_typed_page_data_is_read() -> None:
    """A page holding only {"_type": "twitter", "id": …} in its data passes the prefilter."""
    document = (
        "<title>Ferry news</title><script type='application/json'>"
        f'{{"body": [{{"_type": "twitter", "id": "{TWEET_ID}"}}]}}</script>'
    )
    assert [(p.post_id, p.form) for p in tr.extract(document)] == [(TWEET_ID, "data")]
