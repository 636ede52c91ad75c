"""Twitter / X URL shapes: status permalinks, widget iframes, intents, profiles.

Also the small helpers that turn an id or a permalink into a post's identity
(id, canonical URL, creation time decoded from the snowflake id).
"""

from __future__ import annotations

import re

import attrs

from tweetresolve.dates import tweet_time
from tweetresolve.html import Element, ParsedPage
from tweetresolve.records import Author, Post, PostRef

__all__ = [
    "EMBED_SRC",
    "EMBED_SRC_ID",
    "INTENT_URL",
    "PROFILE_URL",
    "STATUS_URL",
    "id_only_post",
    "parse_status_url",
    "status_ref",
    "tweet_id_attribute",
    "with_ref",
]

# A status permalink on Twitter, X or a mirror host, in all its eras:
#   https://twitter.com/<user>/status/<id>        (2013+; also /statuses/ before)
#   https://twitter.com/#!/<user>/status/<id>     (hash-bang era, ≈2010–2012)
#   https://mobile.twitter.com/…, https://x.com/…, https://fxtwitter.com/… (mirrors)
#   https://twitter.com/i/web/status/<id>, /i/status/<id> (no user in the path)
# ("i" is no user: "/i/status/<id>" names no account, as "/i/web/status/<id>" does not.)
# Example: "https://twitter.com/Ada_Example/status/1508951925456744449/photo/1"
STATUS_URL = re.compile(
    r"""
    ^(?:https?:)?//
    (?:(?:www|mobile|m|d|g|t)\.)?
    (?P<host>twitter\.com|x\.com|fxtwitter\.com|fixupx\.com|twittpr\.com|xfixup\.com
       |vxtwitter\.com|fixvx\.com)
    (?::\d+)?
    /(?:\#!/)?(?:(?:dl|dir)/)?
    (?:(?!i/status/)(?P<user>[A-Za-z0-9_]{1,20})/status(?:es)?|i/web/status|i/status)
    /(?P<id>[0-9]{1,20})
    (?:[/?#.]|$)
    """,
    re.VERBOSE | re.IGNORECASE,
)


# The tweet id in the query of a widget iframe:
# "https://platform.twitter.com/embed/Tweet.html?dnt=false&id=1521523341391282176&lang=en".
EMBED_SRC_ID = re.compile(r"[?&#](?:id|tweetId|tweet_id)=([0-9]{1,20})(?:[&#]|$)", re.IGNORECASE)


# Hosts and paths of the widget iframe: platform.twitter.com/embed/Tweet.html (2019+),
# platform.twitter.com/embed/index.html (older), and the same on x.com.
# Example: "https://platform.twitter.com/embed/Tweet.html?id=20".
EMBED_SRC = re.compile(
    r"^(?:https?:)?//platform\.(?:twitter|x)\.com/embed/(?:Tweet|index)\.html", re.IGNORECASE
)


# A tweet id written as an attribute value: digits only, snowflakes have 19.
# Example: data-tweet-id="1311697819384844290".
_DIGITS = re.compile(r"^\s*([0-9]{1,20})\s*$")


# Share and follow links never make a post: twitter.com/intent/…, /share?…, /home?status=.
# Example: "https://twitter.com/intent/tweet?in_reply_to=20".
INTENT_URL = re.compile(
    r"^(?:https?:)?//(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:intent/|share\b|home\?status=)",
    re.IGNORECASE,
)


# A profile link: "https://twitter.com/ada_example", "//twitter.com/#!/ada_example".
PROFILE_URL = re.compile(
    r"^(?:https?:)?//(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:\#!/)?([A-Za-z0-9_]{1,15})/?(?:[?#]|$)",
    re.IGNORECASE,
)


def parse_status_url(url: str) -> PostRef | None:
    """Parse a Twitter/X status permalink into a reference with the canonical URL.

    >>> parse_status_url("https://twitter.com/#!/ada_example/statuses/0020").url
    'https://twitter.com/ada_example/status/20'
    >>> parse_status_url("https://twitter.com/intent/tweet?in_reply_to=20") is None
    True
    """
    match = STATUS_URL.match(url.strip())
    if match is None:
        return None
    post_id = match["id"].lstrip("0") or "0"
    user = match["user"]
    canonical = (
        f"https://twitter.com/{user}/status/{post_id}"
        if user
        else f"https://twitter.com/i/web/status/{post_id}"
    )
    return PostRef(platform="twitter", post_id=post_id, handle=user, url=canonical)


def tweet_id_attribute(element: Element) -> str | None:
    for name in ("data-tweet-id", "data-tweetid"):
        value = element.get(name)
        if value:
            match = _DIGITS.match(value)
            if match:
                return match[1].lstrip("0") or "0"
    return None


def id_only_post(element: Element, post_id: str | None, *, form: str) -> Post | None:
    if post_id is None:
        return None
    return Post(
        platform="twitter",
        post_id=post_id,
        url=f"https://twitter.com/i/web/status/{post_id}",
        created_at=tweet_time(post_id),
        form=form,
    )


def status_ref(page: ParsedPage, href: str | None) -> PostRef | None:
    url = page.absolute(href)
    return parse_status_url(url) if url else None


def with_ref(post: Post, ref: PostRef) -> Post:
    """Fill the id, canonical URL and (missing) handle of ``post`` from a permalink."""
    author = post.author
    if ref.handle and (author is None or author.handle is None):
        author = attrs.evolve(author or Author(), handle=ref.handle)
    return attrs.evolve(
        post,
        post_id=ref.post_id,
        url=ref.url,
        author=author,
        created_at=tweet_time(ref.post_id) if ref.post_id else None,
    )
