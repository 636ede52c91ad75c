"""Twitter/X: the syndication endpoint the official embed widget reads tweets from.

``GET https://cdn.syndication.twimg.com/tweet-result?id=<id>&token=<token>&lang=en``
answers with a JSON object (the shape the widget renders): ``__typename``
``"Tweet"`` with ``id_str``, ``text``, ``display_text_range``, ``lang``,
``created_at`` (ISO-8601, UTC), ``user`` (``name``, ``screen_name``),
``entities.urls``, ``mediaDetails``, ``quoted_tweet`` and the reply fields
``in_reply_to_status_id_str`` / ``in_reply_to_screen_name``; or ``__typename``
``"TweetTombstone"`` with ``tombstone.text.text`` saying why the post cannot be
shown; or 404 for an id that never existed (or a wrong token).  The token is
computed from the id (:mod:`tweetresolve.hydration.token`).

>>> SYNDICATION.cache_key(Lookup(platform="twitter", post_id="20"))
'twitter_syndication|20'
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import urlencode

import attrs

from tweetresolve.hydration.fetch import Reply
from tweetresolve.hydration.result import Answer, Lookup
from tweetresolve.hydration.settings import HydratorSettings
from tweetresolve.hydration.sources.base import error_answer
from tweetresolve.hydration.token import syndication_token
from tweetresolve.records import Author, Link, Media, Post, PostRef

__all__ = ["SYNDICATION", "SyndicationSource", "read_tweet"]

# A tweet id: the decimal snowflake (or a pre-2010 sequential id).  Example: "20".
_TWEET_ID_RE: Final = re.compile(r"^[0-9]{1,20}$")

# Tombstone wording, most specific first: the widget shows one sentence saying
# why the post is missing ("This Post is from a suspended account.", "…this
# account owner limits who can view their Posts.", "This Post was deleted by
# the Post author.").  Anything else that is a tombstone is a removed post.
_TOMBSTONE_CODES: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"suspend", re.IGNORECASE), "suspended"),
    (re.compile(r"limits who can view|protected|private", re.IGNORECASE), "protected"),
    (re.compile(r"no longer exists|doesn.t exist|does not exist", re.IGNORECASE), "not_found"),
)

# Media types of the answer -> Media.kind.
_MEDIA_KINDS: Final[Mapping[str, str]] = {"photo": "photo", "video": "video", "animated_gif": "gif"}


def _str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) and value else None


def _dict(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    return value if isinstance(value, Mapping) else {}


def _list(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key)
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _permalink(handle: str | None, tweet_id: str) -> str:
    if handle:
        return f"https://twitter.com/{handle}/status/{tweet_id}"
    return f"https://twitter.com/i/web/status/{tweet_id}"


def _created(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def _shown_text(tweet: Mapping[str, Any]) -> str | None:
    """The text as the widget shows it: entities decoded, the trailing media link cut."""
    raw = _str(tweet, "text")
    if raw is None:
        return None
    text = html.unescape(raw)
    bounds = tweet.get("display_text_range")
    if (
        isinstance(bounds, list)
        and len(bounds) == 2
        and all(isinstance(b, int) and not isinstance(b, bool) for b in bounds)
        and 0 <= bounds[1] <= len(text)
    ):
        # Only the end is applied: embeds show the leading @replies, but not the
        # t.co link of the attached media.
        text = text[: bounds[1]]
    return text.strip() or None


def _media(tweet: Mapping[str, Any]) -> tuple[Media, ...]:
    found: list[Media] = []
    for item in _list(tweet, "mediaDetails"):
        kind = _MEDIA_KINDS.get(str(item.get("type")))
        still = _str(item, "media_url_https")
        if kind is None or still is None:
            continue
        if kind == "photo":
            found.append(Media(kind=kind, url=still))
            continue
        variants = [
            v
            for v in _list(_dict(item, "video_info"), "variants")
            if v.get("content_type") == "video/mp4" and _str(v, "url")
        ]
        best = max(variants, key=lambda v: int(v.get("bitrate") or 0), default=None)
        url = _str(best, "url") if best else _str(item, "expanded_url")
        found.append(Media(kind=kind, url=url or still, preview_url=still))
    return tuple(found)


def read_tweet(tweet: Mapping[str, Any]) -> Post | None:
    """Read one syndication tweet object; None when it lacks an id or author."""
    tweet_id = _str(tweet, "id_str")
    user = _dict(tweet, "user")
    handle = _str(user, "screen_name")
    if tweet_id is None or not _TWEET_ID_RE.match(tweet_id) or handle is None:
        return None
    quoted = None
    quoted_tweet = _dict(tweet, "quoted_tweet")
    quoted_id = _str(quoted_tweet, "id_str")
    if quoted_id:
        quoted_handle = _str(_dict(quoted_tweet, "user"), "screen_name")
        quoted = PostRef(
            platform="twitter",
            post_id=quoted_id,
            handle=quoted_handle,
            url=_permalink(quoted_handle, quoted_id),
        )
    reply_to = None
    parent_id = _str(tweet, "in_reply_to_status_id_str")
    if parent_id:
        parent_handle = _str(tweet, "in_reply_to_screen_name")
        reply_to = PostRef(
            platform="twitter",
            post_id=parent_id,
            handle=parent_handle,
            url=_permalink(parent_handle, parent_id),
        )
    links = tuple(
        Link(url=url, text=_str(item, "display_url"))
        for item in _list(_dict(tweet, "entities"), "urls")
        if (url := _str(item, "url"))
    )
    created = _created(_str(tweet, "created_at"))
    return Post(
        platform="twitter",
        post_id=tweet_id,
        url=_permalink(handle, tweet_id),
        author=Author(name=_str(user, "name"), handle=handle, url=f"https://twitter.com/{handle}"),
        text=_shown_text(tweet),
        lang=_str(tweet, "lang"),
        published=created,
        published_precision="second" if created is not None else None,
        created_at=created,
        links=links,
        form="data",
        quoted=quoted,
        media=_media(tweet),
        reply_to=reply_to,
    )


def _tombstone_code(data: Mapping[str, Any]) -> str:
    words = _str(_dict(_dict(data, "tombstone"), "text"), "text") or ""
    for pattern, code in _TOMBSTONE_CODES:
        if pattern.search(words):
            return code
    return "deleted"


@attrs.frozen(kw_only=True)
class SyndicationSource:
    """The widget's own endpoint: the richest answer, no key needed."""

    name: str = "twitter_syndication"
    platform: str = "twitter"
    endpoint: str = "https://cdn.syndication.twimg.com/tweet-result"
    # A CDN built for every page view of every embed: a handful at a time is polite.
    per_host: int = 8
    min_interval: float = 0.0

    def cache_key(self, lookup: Lookup) -> str | None:
        if lookup.platform != "twitter" or not lookup.post_id:
            return None
        if not _TWEET_ID_RE.match(lookup.post_id):
            return None
        return f"{self.name}|{lookup.post_id}"

    def request_url(
        self, lookup: Lookup, endpoint: str, settings: HydratorSettings
    ) -> str | Answer:
        if self.cache_key(lookup) is None:
            return Answer(source=self.name, error="unsupported", detail="no numeric tweet id")
        tweet_id = str(int(lookup.post_id or "0"))
        query = urlencode(
            {"id": tweet_id, "token": syndication_token(tweet_id), "lang": settings.lang}
        )
        separator = "&" if "?" in endpoint else "?"
        return f"{endpoint}{separator}{query}"

    def read(self, lookup: Lookup, reply: Reply) -> Answer:
        if reply.error is not None:
            return error_answer(self.name, reply.error, reply)
        data = reply.data
        if reply.status == 404:
            return error_answer(self.name, "not_found", reply)
        if reply.status != 200 or data is None:
            return error_answer(self.name, "http_status", reply)
        if data.get("__typename") == "TweetTombstone" or "tombstone" in data:
            code = _tombstone_code(data)
            return error_answer(self.name, code, reply, "the widget shows a tombstone")
        if not data:
            return error_answer(self.name, "not_found", reply, "an empty answer")
        post = read_tweet(data)
        if post is None:
            return error_answer(self.name, "bad_response", reply, "no tweet in the answer")
        return Answer(source=self.name, ok=True, status=reply.status, post=post)


#: The registered source.
SYNDICATION: Final = SyndicationSource()
