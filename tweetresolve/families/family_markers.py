"""Prefilter markers of the placeholder family: what a page holding one may contain.

A page holding none of the platforms' own embed markers is parsed only when it holds
one of these (lower-case, matched case-blind): attribute names that carry a post's id
or name its platform, permalinks of every platform (also JSON-escaped), and embed code
kept escaped in an attribute.  Each is rare on pages without posts, so the prefilter
still skips those cheaply.

>>> "data-tweet" in PLACEHOLDER_MARKERS and "/status/" in PERMALINK_MARKERS
True
"""

from __future__ import annotations

__all__ = ["PERMALINK_MARKERS", "PLACEHOLDER_MARKERS"]

#: Lower-case substrings of post permalinks of every platform: a URL-only placeholder
#: or page-data object holds one (written with "/" or, in JSON, "\\/").
PERMALINK_MARKERS: tuple[str, ...] = (
    "/status/",
    "/statuses/",
    "instagram.com/p/",
    "instagram.com/reel",
    "instagr.am/p/",
    "tiktok.com/@",
    "bsky.app/profile/",
    "at://did:",
    "threads.net/@",
    "threads.com/@",
    "linkedin.com/posts/",
    "linkedin.com/feed/update",
    "/posts/",
    "permalink.php",
    "story_fbid",
    "/@",
    "youtube.com/watch",
    "youtu.be/",
    "youtube.com/shorts",
    "reddit.com/r/",
    "redd.it/",
    "t.me/",
    "tumblr.com/post",
    "\\/status\\/",
    "\\/@",
    "\\/posts\\/",
    "instagram.com\\/p\\/",
    "instagram.com\\/reel",
    "youtube.com\\/watch",
    "youtu.be\\/",
    "youtube.com\\/shorts",
    "tiktok.com\\/@",
    "bsky.app\\/profile",
    "threads.net\\/@",
    "threads.com\\/@",
    "linkedin.com\\/posts",
    "linkedin.com\\/feed\\/update",
    "reddit.com\\/r\\/",
    "t.me\\/",
    "tumblr.com\\/post",
    "\\u002fstatus\\u002f",
    "\\u002fposts\\u002f",
    "\\u002f@",
    "instagram.com\\u002fp\\u002f",
    "instagram.com\\u002freel",
    "youtube.com\\u002fwatch",
    "youtu.be\\u002f",
    "bsky.app\\u002fprofile",
    "reddit.com\\u002fr\\u002f",
)

#: Lower-case substrings of the raw source that may announce a placeholder; the
#: prefilter lets a page holding one of them through to the parse.
PLACEHOLDER_MARKERS: tuple[str, ...] = (
    "tweetid",
    "tweet-id",
    "tweet_id",
    "data-embed",
    "data-oembed",
    "<oembed",
    "wp-block-embed",
    "-props",
    "data-tweet",
    "data-instagram",
    "data-tiktok",
    "data-youtube",
    "data-post-url",
    "data-provider",
    "data-platform",
    "data-twitter",
    "data-yt",
    "data-insta",
    "data-ig-",
    "videoid",
    "video-id",
    "video_id",
    "shortcode",
    "data-service",
    "data-network",
    "data-social",
    "data-vendor",
    "data-id",
    "data-media-id",
    "data-post-id",
    "data-item-id",
    "data-content-id",
    "data-entry-id",
    "data-asset-id",
    "data-external-id",
    "data-status-id",
    "data-vid",
    "data-code",
    # Permalinks a URL-only placeholder may hold (those of site-made cards too) and
    # embed code kept escaped in an attribute.
    *PERMALINK_MARKERS,
    "&lt;blockquote",
    "&lt;iframe",
)
