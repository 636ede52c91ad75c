"""Platform words and post-id shapes shared by the cross-platform embed families.

A placeholder or a page-data object rarely says "this is a tweet" in a way one
platform module would recognise: it says ``data-embed-type="twitter"``, or its class
is ``tweet-embed``, or its props hold ``tweetId``.  This module turns such words into
platform names and a bare id into a post when the id has the platform's shape.

>>> platforms_named("js-tweet-embed")
{'twitter'}
>>> post_from_id("twitter", "1400000000000000001", form="placeholder").url
'https://twitter.com/i/web/status/1400000000000000001'
>>> post_from_id("youtube", "too-short", form="placeholder") is None
True
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

import attrs

from tweetresolve.idtime import instagram_time, tiktok_time, tweet_time
from tweetresolve.platforms.instagram import canonical_url as instagram_url
from tweetresolve.platforms.tiktok import canonical_url as tiktok_url
from tweetresolve.platforms.youtube import canonical_url as youtube_url
from tweetresolve.records import Author, Post, PostRef

__all__ = [
    "PLATFORM_WORD",
    "is_post_id",
    "platform_of_word",
    "platforms_named",
    "post_from_id",
    "post_from_ref",
]

# A word naming a platform inside a class, an attribute name or a typed value:
# "tweet-embed", "data-instagram-url", "embed--tiktok", "bsky-post".  "x" alone is
# read only as a whole typed value (see platform_of_word): as a substring it is noise.
# Example: "js-twitter-embed" -> "twitter".
PLATFORM_WORD = re.compile(
    r"twitter|tweet|instagram|instgrm|tiktok|youtube|facebook|bluesky|bsky|mastodon"
    r"|threads|reddit|telegram|linkedin|tumblr|truth[-_]?social",
    re.IGNORECASE,
)

_WORD_PLATFORM = {
    "twitter": "twitter",
    "tweet": "twitter",
    "instagram": "instagram",
    "instgrm": "instagram",
    "tiktok": "tiktok",
    "youtube": "youtube",
    "facebook": "facebook",
    "bluesky": "bluesky",
    "bsky": "bluesky",
    "mastodon": "mastodon",
    "threads": "threads",
    "reddit": "reddit",
    "telegram": "telegram",
    "linkedin": "linkedin",
    "tumblr": "tumblr",
    "truthsocial": "truthsocial",
    "truth-social": "truthsocial",
    "truth_social": "truthsocial",
}

# Short names sites give a platform, read only as a whole token ("yt-embed", "ytEmbed",
# "data-ig-shortcode", a typed value "fb"): inside a word they are noise ("byte", "big").
# Example: "js-insta-lazy" -> "insta".
# (Case-blind for the name, case-sensitive after it: "ytEmbed" is a token, "ytid" is not.)
_ABBREVIATION = re.compile(r"(?<![A-Za-z0-9])(?i:yt|insta|ig|fb)(?![a-z0-9])")
_ABBREVIATED = {"yt": "youtube", "insta": "instagram", "ig": "instagram", "fb": "facebook"}

# Whole typed values that name Twitter without the word: data-embed-type="x",
# {"provider": "X"}, {"type": "x-post"}.
_X_VALUES = frozenset({"x", "x.com", "x-post", "xpost", "x_post", "x-embed"})


def platforms_named(text: str) -> set[str]:
    """The platforms a class list, an attribute name or a value names.

    >>> sorted(platforms_named("yt-lazy js-insta-embed byte"))
    ['instagram', 'youtube']
    """
    named = {_WORD_PLATFORM[m.group().lower()] for m in PLATFORM_WORD.finditer(text)}
    for match in _ABBREVIATION.finditer(text):
        named.add(_ABBREVIATED[match.group().lower()])
    return named


def platform_of_word(value: str) -> str | None:
    """The one platform a short typed value names (``"Twitter"``, ``"x"``), else None.

    >>> platform_of_word("Instagram"), platform_of_word("x"), platform_of_word("tiktok+youtube")
    ('instagram', 'twitter', None)
    """
    if len(value) > 40 and len(value.strip()) > 40:
        return None
    return _platform_of_short_word(value)


# Memoised: a page's state repeats the same few type values ("image", "article") in
# thousands of objects, and every one is asked about.
@functools.lru_cache(maxsize=4096)
def _platform_of_short_word(value: str) -> str | None:
    value = value.strip().lower()
    if len(value) > 40:
        return None
    if value in _X_VALUES:
        return "twitter"
    named = platforms_named(value)
    if len(named) != 1 or len(value) > 24:
        return None
    return named.pop()


@attrs.frozen
class _IdShape:
    pattern: re.Pattern[str]
    url: Callable[[str], str]
    created: Callable[[str], dt.datetime | None]


# Id shapes of the platforms whose bare id names a post on its own.  Others (Facebook,
# Mastodon, Bluesky, …) need the whole permalink: their ids are not unique without it.
# Tweet ids are 1–20 digits (sequential before 2010, snowflakes since); TikTok video ids
# 15–21 digits; YouTube ids 11 characters; Instagram shortcodes 8–40 characters with a
# letter (a number alone is an account or widget id).
_ID_SHAPES: dict[str, _IdShape] = {
    "twitter": _IdShape(
        re.compile(r"[0-9]{1,20}"), lambda i: f"https://twitter.com/i/web/status/{i}", tweet_time
    ),
    "tiktok": _IdShape(re.compile(r"[0-9]{15,21}"), lambda i: tiktok_url(i, None), tiktok_time),
    "youtube": _IdShape(re.compile(r"[A-Za-z0-9_-]{11}"), youtube_url, lambda _: None),
    "instagram": _IdShape(
        re.compile(r"(?=[A-Za-z0-9_-]{0,39}[A-Za-z])[A-Za-z0-9_-]{8,40}"),
        lambda i: instagram_url("p", i),
        instagram_time,
    ),
}


def is_post_id(platform: str, value: str) -> bool:
    """Whether ``value`` has the shape of a post id of ``platform``."""
    shape = _ID_SHAPES.get(platform)
    return shape is not None and shape.pattern.fullmatch(value) is not None


def post_from_id(platform: str, value: str, *, form: str) -> Post | None:
    """A post known only by its id, or None when the id does not have the platform's shape."""
    value = value.strip()
    shape = _ID_SHAPES.get(platform)
    if shape is None or shape.pattern.fullmatch(value) is None:
        return None
    if platform == "twitter":
        value = value.lstrip("0") or "0"
    return Post(
        platform=platform,
        post_id=value,
        url=shape.url(value),
        created_at=shape.created(value),
        form=form,
    )


def post_from_ref(ref: PostRef, *, form: str) -> Post:
    """A post known by its permalink: id, canonical URL, handle and the id's time."""
    shape = _ID_SHAPES.get(ref.platform)
    created = shape.created(ref.post_id) if shape is not None and ref.post_id else None
    return Post(
        platform=ref.platform,
        post_id=ref.post_id,
        url=ref.url,
        author=Author(handle=ref.handle) if ref.handle else None,
        created_at=created,
        form=form,
    )
