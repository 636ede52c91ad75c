"""Answers of every hydration endpoint, written for the tests in the documented shapes.

Every name, handle, id and text here is invented.  Shared by the unit tests,
the loopback stand-in server and the benchmark.
"""

from __future__ import annotations

import ssl
from typing import Any

import attrs
import httpx

# One TLS context for every test transport: building one loads the CA store (tens
# of milliseconds), and pytest-httpx answers before any TLS happens anyway.
_TLS = ssl.create_default_context()


def mocked_transport() -> httpx.AsyncHTTPTransport:
    """httpx's own transport, which pytest-httpx replaces; cheap to make."""
    return httpx.AsyncHTTPTransport(verify=_TLS)


TWEET_ID = "1768312345678901248"
TWEET_URL = f"https://x.com/marta_ferrywatch/status/{TWEET_ID}"

#: A full syndication answer: text with an entity, a link, a photo, a video, a
#: quoted post and a reply.
SYNDICATION_FULL: dict[str, Any] = {
    "__typename": "Tweet",
    "id_str": TWEET_ID,
    "lang": "en",
    "created_at": "2024-03-14T09:30:05.000Z",
    "display_text_range": [0, 79],
    "text": (
        "@harbour_desk The 7:40 ferry &amp; the 8:10 run late today https://t.co/AbCdEf1234 "
        "https://t.co/MeDiA12345"
    ),
    "user": {
        "id_str": "101",
        "name": "Marta Ferrywatch",
        "screen_name": "marta_ferrywatch",
        "profile_image_url_https": "https://pbs.twimg.com/profile_images/1/marta_normal.jpg",
    },
    "entities": {
        "urls": [
            {
                "url": "https://t.co/AbCdEf1234",
                "display_url": "example.org/ferries",
                "expanded_url": "https://example.org/ferries",
                "indices": [56, 79],
            }
        ],
        "user_mentions": [{"screen_name": "harbour_desk", "indices": [0, 13]}],
    },
    "mediaDetails": [
        {
            "type": "photo",
            "media_url_https": "https://pbs.twimg.com/media/FerryPhoto1.jpg",
            "expanded_url": f"https://x.com/marta_ferrywatch/status/{TWEET_ID}/photo/1",
        },
        {
            "type": "video",
            "media_url_https": "https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/Still.jpg",
            "expanded_url": f"https://x.com/marta_ferrywatch/status/{TWEET_ID}/video/1",
            "video_info": {
                "variants": [
                    {
                        "content_type": "application/x-mpegURL",
                        "url": "https://video.twimg.com/1.m3u8",
                    },
                    {
                        "content_type": "video/mp4",
                        "bitrate": 256000,
                        "url": "https://video.twimg.com/low.mp4",
                    },
                    {
                        "content_type": "video/mp4",
                        "bitrate": 832000,
                        "url": "https://video.twimg.com/high.mp4",
                    },
                ]
            },
        },
    ],
    "quoted_tweet": {
        "id_str": "1768300000000000000",
        "text": "Timetable for spring",
        "user": {"name": "Harbour Desk", "screen_name": "harbour_desk"},
    },
    "in_reply_to_status_id_str": "1768299999999999999",
    "in_reply_to_screen_name": "harbour_desk",
    "isEdited": False,
}

#: The least a syndication answer holds.
SYNDICATION_MINIMAL: dict[str, Any] = {
    "__typename": "Tweet",
    "id_str": TWEET_ID,
    "text": "Short one",
    "user": {"screen_name": "marta_ferrywatch"},
}


def tombstone(sentence: str) -> dict[str, Any]:
    """A syndication tombstone with the widget's one-sentence reason."""
    return {
        "__typename": "TweetTombstone",
        "tombstone": {"text": {"text": sentence, "entities": [], "rtl": False}},
    }


TWITTER_BLOCKQUOTE = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The 7:40 ferry is late again '
    '<a href="https://t.co/AbCdEf1234">example.org/ferries</a></p>&mdash; Marta Ferrywatch '
    f'(@marta_ferrywatch) <a href="https://twitter.com/marta_ferrywatch/status/{TWEET_ID}'
    '?ref_src=twsrc%5Etfw">March 14, 2024</a></blockquote>\n'
)


@attrs.frozen
class SourceCase:
    """One source: a permalink it serves, its answers, and what the full answer gives."""

    source: str
    url: str
    full: dict[str, Any]
    minimal: dict[str, Any]
    #: Fields of the hydrated post the full answer fills: name -> value.
    expected: dict[str, Any]


CASES: tuple[SourceCase, ...] = (
    SourceCase(
        source="twitter_syndication",
        url=TWEET_URL,
        full=SYNDICATION_FULL,
        minimal=SYNDICATION_MINIMAL,
        expected={
            "author.name": "Marta Ferrywatch",
            "author.handle": "marta_ferrywatch",
            "text": "@harbour_desk The 7:40 ferry & the 8:10 run late today https://t.co/AbCdEf1234",
            "lang": "en",
            "created_at": "2024-03-14T09:30:05+00:00",
            "quoted.post_id": "1768300000000000000",
            "reply_to.handle": "harbour_desk",
            "media": ("photo", "video"),
        },
    ),
    SourceCase(
        source="twitter_oembed",
        url=TWEET_URL,
        full={
            "url": f"https://twitter.com/marta_ferrywatch/status/{TWEET_ID}",
            "author_name": "Marta Ferrywatch",
            "author_url": "https://twitter.com/marta_ferrywatch",
            "html": TWITTER_BLOCKQUOTE,
            "width": 550,
            "height": None,
            "type": "rich",
            "cache_age": "3153600000",
            "provider_name": "Twitter",
            "provider_url": "https://twitter.com",
            "version": "1.0",
        },
        minimal={"author_name": "Marta Ferrywatch", "version": "1.0", "type": "rich"},
        expected={
            "author.name": "Marta Ferrywatch",
            "author.handle": "marta_ferrywatch",
            "text": "The 7:40 ferry is late again example.org/ferries",
            "lang": "en",
            "date_text": "March 14, 2024",
        },
    ),
    SourceCase(
        source="youtube_oembed",
        url="https://www.youtube.com/watch?v=AbCdEfGhIjK",
        full={
            "title": "Harbour ferry timelapse",
            "author_name": "Ferry Watchers",
            "author_url": "https://www.youtube.com/@ferrywatchers",
            "type": "video",
            "height": 113,
            "width": 200,
            "version": "1.0",
            "provider_name": "YouTube",
            "provider_url": "https://www.youtube.com/",
            "thumbnail_height": 360,
            "thumbnail_width": 480,
            "thumbnail_url": "https://i.ytimg.com/vi/AbCdEfGhIjK/hqdefault.jpg",
            "html": (
                '<iframe width="200" height="113" src="https://www.youtube.com/embed/AbCdEfGhIjK'
                '?feature=oembed" frameborder="0" allowfullscreen '
                'title="Harbour ferry timelapse"></iframe>'
            ),
        },
        minimal={"title": "Harbour ferry timelapse", "type": "video", "version": "1.0"},
        expected={
            "author.name": "Ferry Watchers",
            "author.handle": "ferrywatchers",
            "text": "Harbour ferry timelapse",
            "media": ("video",),
        },
    ),
    SourceCase(
        source="tiktok_oembed",
        url="https://www.tiktok.com/@ferry.fan/video/7300000000000000001",
        full={
            "version": "1.0",
            "type": "video",
            "title": "Morning crossing #ferry",
            "author_url": "https://www.tiktok.com/@ferry.fan",
            "author_name": "Ferry Fan",
            "width": "100%",
            "height": "100%",
            "html": (
                '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@ferry.fan/video/'
                '7300000000000000001" data-video-id="7300000000000000001" style="max-width: 605px;'
                'min-width: 325px;" > <section> <a target="_blank" title="@ferry.fan" '
                'href="https://www.tiktok.com/@ferry.fan?refer=embed">@ferry.fan</a> '
                '<p>Morning crossing <a title="ferry" target="_blank" '
                'href="https://www.tiktok.com/tag/ferry?refer=embed">#ferry</a></p> '
                '<a target="_blank" title="♬ original sound - Ferry Fan" '
                'href="https://www.tiktok.com/music/original-sound-7300000000000000002">'
                "♬ original sound - Ferry Fan</a> </section> </blockquote> "
                '<script async src="https://www.tiktok.com/embed.js"></script>'
            ),
            "thumbnail_width": 576,
            "thumbnail_height": 1024,
            "thumbnail_url": "https://p16-sign.tiktokcdn.com/obj/cover.jpeg",
            "provider_url": "https://www.tiktok.com",
            "provider_name": "TikTok",
            "author_unique_id": "ferry.fan",
            "embed_product_id": "7300000000000000001",
            "embed_type": "video",
        },
        minimal={"title": "Morning crossing", "version": "1.0", "type": "video"},
        expected={
            "author.name": "Ferry Fan",
            "author.handle": "ferry.fan",
            "text": "Morning crossing #ferry",
            "media": ("video",),
        },
    ),
    SourceCase(
        source="bluesky_oembed",
        url="https://bsky.app/profile/ferry.example/post/3kferryabc22x",
        full={
            "type": "rich",
            "version": "1.0",
            "author_name": "Ferry Example",
            "author_url": "https://bsky.app/profile/ferry.example",
            "provider_name": "Bluesky Social",
            "provider_url": "https://bsky.app",
            "cache_age": 86400,
            "width": 600,
            "height": None,
            "html": (
                '<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abcdefghijklmnop'
                'qrstuvwx/app.bsky.feed.post/3kferryabc22x" data-bluesky-cid="bafyreiexample" '
                'data-bluesky-embed-color-mode="system"><p lang="en">Fog on the harbour this '
                'morning</p>&mdash; Ferry Example (<a href="https://bsky.app/profile/did:plc:'
                'abcdefghijklmnopqrstuvwx?ref_src=embed">@ferry.example</a>) <a href="https://'
                "bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3kferryabc22x?ref_src="
                'embed">March 14, 2024 at 9:30 AM</a></blockquote><script async src="https://'
                'embed.bsky.app/static/embed.js" charset="utf-8"></script>'
            ),
        },
        minimal={"author_name": "Ferry Example", "type": "rich", "version": "1.0"},
        expected={
            "author.name": "Ferry Example",
            "author.handle": "ferry.example",
            "text": "Fog on the harbour this morning",
            "lang": "en",
        },
    ),
    SourceCase(
        source="reddit_oembed",
        url="https://www.reddit.com/r/ferries/comments/1abcde/fog_crossing/",
        full={
            "provider_url": "https://www.reddit.com/",
            "version": "1.0",
            "title": "Fog crossing this morning",
            "type": "rich",
            "provider_name": "reddit",
            "height": None,
            "width": None,
            "author_name": "harbour_watcher",
            "html": (
                '<blockquote class="reddit-embed-bq" style="height:500px" data-embed-height="740">'
                '<a href="https://www.reddit.com/r/ferries/comments/1abcde/fog_crossing/">Fog '
                'crossing this morning</a><br> by<a href="https://www.reddit.com/user/'
                'harbour_watcher/">u/harbour_watcher</a> in<a href="https://www.reddit.com/r/'
                'ferries/">ferries</a></blockquote><script async="" src="https://embed.reddit.com/'
                'widgets.js" charset="UTF-8"></script>'
            ),
        },
        minimal={"title": "Fog crossing this morning", "type": "rich", "version": "1.0"},
        expected={"author.handle": "harbour_watcher", "text": "Fog crossing this morning"},
    ),
    SourceCase(
        source="tumblr_oembed",
        url="https://ferry-notes.tumblr.com/post/745000000001",
        full={
            "type": "rich",
            "version": "1.0",
            "author_name": "ferry-notes",
            "author_url": "https://ferry-notes.tumblr.com/",
            "provider_name": "Tumblr",
            "provider_url": "https://www.tumblr.com",
            "width": 540,
            "height": None,
            "html": (
                '<div class="tumblr-post" data-href="https://embed.tumblr.com/embed/post/'
                'AbCdEfGhIjKlMnOpQrStUv/745000000001" data-did="0123456789abcdef0123456789abcdef'
                '01234567"><a href="https://ferry-notes.tumblr.com/post/745000000001">https://'
                'ferry-notes.tumblr.com/post/745000000001</a></div><script async src="https://'
                'assets.tumblr.com/post.js"></script>'
            ),
        },
        minimal={"author_name": "ferry-notes", "type": "rich", "version": "1.0"},
        expected={"author.name": "ferry-notes", "author.handle": "ferry-notes"},
    ),
    SourceCase(
        source="mastodon_oembed",
        url="https://harbour.example/@marta/113079171241665414",
        full={
            "type": "rich",
            "version": "1.0",
            "title": "New status by marta",
            "author_name": "Marta",
            "author_url": "https://harbour.example/@marta",
            "provider_name": "harbour.example",
            "provider_url": "https://harbour.example/",
            "cache_age": 86400,
            "html": (
                '<blockquote class="mastodon-embed" data-embed-url="https://harbour.example/@marta/'
                '113079171241665414/embed" style="max-width: 540px;"> <a href="https://harbour.'
                'example/@marta/113079171241665414" target="_blank"> <div>Post by @marta@harbour.'
                "example</div> <div>View on Mastodon</div> </a> </blockquote> <script data-allowed"
                '-prefixes="https://harbour.example/" async src="https://harbour.example/embed.js">'
                "</script>"
            ),
            "width": 400,
            "height": None,
        },
        minimal={"author_name": "Marta", "type": "rich", "version": "1.0"},
        expected={"author.name": "Marta", "author.handle": "marta@harbour.example"},
    ),
    SourceCase(
        source="truthsocial_oembed",
        url="https://truthsocial.com/@ferrytruth/posts/114491534347862682",
        full={
            "type": "rich",
            "version": "1.0",
            "title": "New status by ferrytruth",
            "author_name": "Ferry Truth",
            "author_url": "https://truthsocial.com/@ferrytruth",
            "provider_name": "Truth Social",
            "provider_url": "https://truthsocial.com",
            "html": (
                '<iframe src="https://truthsocial.com/@ferrytruth/114491534347862682/embed" '
                'class="truthsocial-embed" style="max-width: 100%; border: 0" width="600" '
                'allowfullscreen="allowfullscreen"></iframe><script src="https://truthsocial.com/'
                'embed.js" async="async"></script>'
            ),
        },
        minimal={"author_name": "Ferry Truth", "type": "rich", "version": "1.0"},
        expected={"author.name": "Ferry Truth", "author.handle": "ferrytruth"},
    ),
    SourceCase(
        source="instagram_oembed",
        url="https://www.instagram.com/p/CfErRy12345/",
        full={
            "version": "1.0",
            "author_name": "ferry.photos",
            "provider_name": "Instagram",
            "provider_url": "https://www.instagram.com/",
            "type": "rich",
            "width": 658,
            "html": (
                '<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink='
                '"https://www.instagram.com/p/CfErRy12345/?utm_source=ig_embed" data-instgrm-'
                'version="14"><div><a href="https://www.instagram.com/p/CfErRy12345/?utm_source='
                'ig_embed" target="_blank">View this post on Instagram</a><p><a href="https://www.'
                'instagram.com/p/CfErRy12345/?utm_source=ig_embed" target="_blank">A post shared '
                "by Ferry Photos (@ferry.photos)</a></p></div></blockquote>"
            ),
            "thumbnail_url": "https://scontent.cdninstagram.com/v/ferry.jpg",
        },
        minimal={"version": "1.0", "type": "rich", "author_name": "ferry.photos"},
        expected={"author.handle": "ferry.photos"},
    ),
    SourceCase(
        source="facebook_oembed",
        url="https://www.facebook.com/ferrypage/posts/1234567890123",
        full={
            "author_name": "Ferry Page",
            "author_url": "https://www.facebook.com/ferrypage",
            "provider_url": "https://www.facebook.com",
            "provider_name": "Facebook",
            "success": True,
            "height": 500,
            "html": (
                '<div id="fb-root"></div><div class="fb-post" data-href="https://www.facebook.com/'
                'ferrypage/posts/1234567890123" data-width="552"><blockquote cite="https://www.'
                'facebook.com/ferrypage/posts/1234567890123" class="fb-xfbml-parse-ignore"><p>'
                'Extra sailings this weekend</p>Posted by <a href="https://www.facebook.com/'
                'ferrypage">Ferry Page</a> on&nbsp;<a href="https://www.facebook.com/ferrypage/'
                'posts/1234567890123">Thursday, March 14, 2024</a></blockquote></div>'
            ),
            "type": "rich",
            "version": "1.0",
            "url": "https://www.facebook.com/ferrypage/posts/1234567890123",
            "width": 552,
        },
        minimal={"author_name": "Ferry Page", "type": "rich", "version": "1.0"},
        expected={"author.name": "Ferry Page", "text": "Extra sailings this weekend"},
    ),
    SourceCase(
        source="threads_oembed",
        url="https://www.threads.net/@ferry.threads/post/CfErRy67890",
        full={
            "version": "1.0",
            "provider_name": "Threads",
            "provider_url": "https://www.threads.net/",
            "type": "rich",
            "width": 658,
            "html": (
                '<blockquote class="text-post-media" data-text-post-permalink="https://www.threads.'
                'net/@ferry.threads/post/CfErRy67890" data-text-post-version="0" id="ig-tp-'
                'CfErRy67890"> <a href="https://www.threads.net/@ferry.threads/post/CfErRy67890" '
                'target="_blank"> <div> Post by @ferry.threads</div> <div> View on Threads</div>'
                '</a></blockquote><script async src="https://www.threads.net/embed.js"></script>'
            ),
        },
        minimal={"version": "1.0", "type": "rich", "author_name": "ferry.threads"},
        expected={"author.handle": "ferry.threads"},
    ),
)

CASE_BY_SOURCE = {case.source: case for case in CASES}
