"""Creation times encoded in post ids.

Several platforms build ids from a timestamp, so an id alone says when a post was
made (embeds.md §2.8 and the platform sections).  Every decoder returns an aware UTC
:class:`datetime.datetime`, or None when the id is malformed or decodes to a time
outside the platform's plausible range (an older sequential id, a typo).  A wrong
argument *type* (a float, None) raises :class:`TypeError`.

>>> tweet_time("1521648511401431040").isoformat()
'2022-05-04T00:30:50.637000+00:00'
>>> instagram_time("BalQ2SWFty8").isoformat(timespec="seconds")
'2017-10-23T07:31:37+00:00'
>>> tiktok_time("6718335390845095173").isoformat()
'2019-07-27T13:32:33+00:00'
>>> linkedin_time("6729018118783479808").isoformat(timespec="seconds")
'2020-11-02T13:15:38+00:00'
>>> bluesky_time("3lbq7mxsiek2v").isoformat(timespec="seconds")
'2024-11-24T23:58:51+00:00'
>>> mastodon_time("113079171241665414").isoformat(timespec="seconds")
'2024-09-04T12:00:21+00:00'
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "bluesky_time",
    "instagram_time",
    "linkedin_time",
    "mastodon_time",
    "tiktok_time",
    "truthsocial_time",
    "tweet_time",
]

#: Twitter's snowflake epoch, 2010-11-04T01:42:54.657Z (twitter-archive/snowflake IdWorker).
TWITTER_EPOCH_MS = 1288834974657
#: Tweet ids below this are sequential, not snowflakes (embeds.md §2.8).
FIRST_SNOWFLAKE_ID = 29700859247
#: Instagram's id epoch, 2011-08-24T21:07:01.721Z ("Sharding & IDs at Instagram").
INSTAGRAM_EPOCH_MS = 1314220021721
#: URL-safe base64, most significant digit first: Instagram (and Threads) shortcodes.
INSTAGRAM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
#: Base32-sortable alphabet of AT Protocol TIDs (atproto.com/specs/record-key).
TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"

_MAX_ID = 2**63 - 1
#: A day after Instagram's id epoch: earlier times come from old sequential ids.
_INSTAGRAM_EARLIEST = dt.datetime(2011, 8, 25, 21, 7, 1, tzinfo=dt.timezone.utc)
#: No platform here dates posts after this; a later time means a malformed id.
_LATEST = dt.datetime(2100, 1, 1, tzinfo=dt.timezone.utc)

#: A decimal id: ASCII digits only (str.isdigit also accepts "²" and "٣").
DECIMAL_ID = re.compile(r"[0-9]{1,20}")
#: An Instagram shortcode of the media-id kind: up to 11 base64url characters
#: (longer codes of private posts do not decode to a media id).
SHORTCODE = re.compile(r"[A-Za-z0-9_-]{1,11}")
#: A TID: 13 base32-sortable characters, the first below "k" (the top bit is zero).
TID = re.compile(r"[2-7a-j][2-7a-z]{12}")


def _as_int(value: object, name: str) -> int | None:
    """An id given as str or int -> int, None when malformed; TypeError otherwise."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"{name} must be a str or int, not {type(value).__name__}")
    if isinstance(value, str):
        if DECIMAL_ID.fullmatch(value) is None:
            return None
        value = int(value)
    if value < 0 or value > _MAX_ID:
        return None
    return value


def _as_code(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value


def _utc_ms(ms: int, earliest: dt.datetime) -> dt.datetime | None:
    """Milliseconds since the Unix epoch -> aware UTC datetime inside [earliest, 2100)."""
    moment = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(milliseconds=ms)
    return moment if earliest <= moment < _LATEST else None


def _utc(year: int, month: int = 1, day: int = 1) -> dt.datetime:
    return dt.datetime(year, month, day, tzinfo=dt.timezone.utc)


def tweet_time(tweet_id: str | int) -> dt.datetime | None:
    """Creation time of a tweet from its snowflake id (UTC, aware).

    None for ids before snowflakes (< 29700859247) and for malformed ids.

    >>> tweet_time(20) is None
    True
    >>> tweet_time("12x") is None
    True
    """
    value = _as_int(tweet_id, "tweet_id")
    if value is None or value < FIRST_SNOWFLAKE_ID:
        return None
    return _utc_ms((value >> 22) + TWITTER_EPOCH_MS, _utc(2010, 11, 4))


def instagram_time(shortcode: str) -> dt.datetime | None:
    """Creation time of an Instagram post (or Threads post) from its shortcode.

    Codes that decode to within a day of Instagram's id epoch are the old sequential
    ids (``fBwFP``), which carry no time: None.

    >>> instagram_time("fBwFP") is None
    True
    """
    code = _as_code(shortcode, "shortcode")
    if SHORTCODE.fullmatch(code) is None:
        return None
    media_id = 0
    for char in code:
        media_id = media_id * 64 + INSTAGRAM_ALPHABET.index(char)
    if media_id > _MAX_ID:
        return None
    return _utc_ms((media_id >> 23) + INSTAGRAM_EPOCH_MS, _INSTAGRAM_EARLIEST)


def tiktok_time(video_id: str | int) -> dt.datetime | None:
    """Creation time of a TikTok video: the upper 32 bits are Unix seconds.

    >>> tiktok_time(12345) is None
    True
    """
    value = _as_int(video_id, "video_id")
    if value is None:
        return None
    return _utc_ms((value >> 32) * 1000, _utc(2016, 9, 1))


def linkedin_time(activity_id: str | int) -> dt.datetime | None:
    """Creation time of a LinkedIn activity, share or ugcPost id (``id >> 22`` ms)."""
    value = _as_int(activity_id, "activity_id")
    if value is None:
        return None
    return _utc_ms(value >> 22, _utc(2014))


def bluesky_time(rkey: str) -> dt.datetime | None:
    """Creation time of a Bluesky post from its TID record key (``>> 10`` µs).

    >>> bluesky_time("not-a-tid") is None
    True
    """
    code = _as_code(rkey, "rkey")
    if TID.fullmatch(code) is None:
        return None
    value = 0
    for char in code:
        value = value * 32 + TID_ALPHABET.index(char)
    micros = value >> 10
    return _utc_ms(micros // 1000, _utc(2022))


def mastodon_time(status_id: str | int) -> dt.datetime | None:
    """Creation time of a Mastodon (or Truth Social) status: ``id >> 16`` ms.

    Ids of the old sequential kind (before Mastodon 2.0) decode to 1970: None.

    >>> mastodon_time("12345") is None
    True
    """
    value = _as_int(status_id, "status_id")
    if value is None:
        return None
    return _utc_ms(value >> 16, _utc(2016))


#: Truth Social runs Mastodon and uses its ids (embeds.md §13; timing unconfirmed).
truthsocial_time = mastodon_time
