"""Tests for tweetresolve.idtime: creation times decoded from post ids."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetresolve import dates, idtime
from tweetresolve.idtime import (
    bluesky_time,
    instagram_time,
    linkedin_time,
    mastodon_time,
    tiktok_time,
    truthsocial_time,
    tweet_time,
)

UTC = dt.timezone.utc


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("decode", "post_id", "expected"),
    [
        # values checked against embed dates in embeds.md §2.5, §2.8, §3.3, §4, §6, §7, §11
        (tweet_time, "1521648511401431040", "2022-05-04T00:30:50"),
        (tweet_time, 1088993415855915008, "2019-01-26T02:53:57"),
        (tweet_time, "704420904437043200", "2016-02-29T21:40:05"),
        (instagram_time, "ByxilPNJK3M", "2019-06-16T14:30:55"),
        (instagram_time, "BalQ2SWFty8", "2017-10-23T07:31:37"),
        (tiktok_time, "6718335390845095173", "2019-07-27T13:32:33"),
        (linkedin_time, "6729018118783479808", "2020-11-02T13:15:38"),
        (bluesky_time, "3lbq7mxsiek2v", "2024-11-24T23:58:51"),
        (bluesky_time, "3jzn6g7ixgq2y", "2023-07-03T18:11:27"),
        (mastodon_time, "113079171241665414", "2024-09-04T12:00:21"),
        (truthsocial_time, "114491534347862682", "2025-05-11T22:22:52"),
    ],
)
def test_known_ids(
    decode: Callable[[str | int], dt.datetime | None], post_id: str, expected: str
) -> None:
    """Known ids decode to their creation second, in UTC."""
    found = decode(post_id)
    assert found is not None
    assert found.tzinfo is not None
    assert found.utcoffset() == dt.timedelta(0)
    assert found.replace(microsecond=0) == _at(expected)


@pytest.mark.parametrize(
    "tweet_id",
    [
        20,  # the first tweet: sequential, no time
        "29700859246",  # the last id before snowflakes
        "-5",
        -5,
        "",
        "12x",
        " 1521648511401431040",
        "١٢٣٤٥٦٧٨٩٠١٢",  # digits, but not ASCII
        str(2**63),  # above the 63-bit range
        2**64,
    ],
)
def test_tweet_time_none(tweet_id: str | int) -> None:
    """Pre-snowflake and malformed ids give None."""
    assert tweet_time(tweet_id) is None


def test_tweet_time_first_snowflake() -> None:
    """The first snowflake id decodes (to November 2010)."""
    found = tweet_time(29700859247)
    assert found is not None
    assert found.year == 2010


def test_tweet_time_is_reexported_by_dates() -> None:
    """dates.tweet_time is the same function."""
    assert dates.tweet_time is idtime.tweet_time


@pytest.mark.parametrize(
    ("decode", "value", "message"),
    [
        (tweet_time, 1.5e18, "tweet_id must be a str or int, not float"),
        (tweet_time, None, "tweet_id must be a str or int, not NoneType"),
        (tweet_time, True, "tweet_id must be a str or int, not bool"),
        (tiktok_time, b"1", "video_id must be a str or int, not bytes"),
        (linkedin_time, [1], "activity_id must be a str or int, not list"),
        (mastodon_time, 1.0, "status_id must be a str or int, not float"),
        (instagram_time, 5, "shortcode must be a str, not int"),
        (bluesky_time, None, "rkey must be a str, not NoneType"),
    ],
)
def test_wrong_types_raise(decode: Callable[[object], object], value: object, message: str) -> None:
    """A wrong argument type is a programming error."""
    with pytest.raises(TypeError) as info:
        decode(value)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("decode", "value"),
    [
        (instagram_time, "fBwFP"),  # an old sequential media id: no time
        (instagram_time, "ByxilPNJK3M-too-long-for-a-media-id"),
        (instagram_time, "Byx!lPNJK3M"),
        (instagram_time, ""),
        (tiktok_time, "12345"),  # 1970
        (tiktok_time, "4294967296"),  # one second after 1970
        (linkedin_time, "123"),
        (bluesky_time, "3lbq7mxsiek2"),  # 12 characters
        (bluesky_time, "zzzzzzzzzzzzz"),  # top bit set
        (bluesky_time, "3LBQ7MXSIEK2V"),  # TIDs are lower case
        (bluesky_time, "2222222222222"),  # 1970
        (mastodon_time, "12345"),  # pre-2.0 sequential ids
    ],
)
def test_implausible_ids(decode: Callable[[str], dt.datetime | None], value: str) -> None:
    """Ids that cannot carry a plausible creation time give None."""
    assert decode(value) is None


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=25), st.integers(-(2**70), 2**70)))
def test_decoders_never_raise_on_str_or_int(value: str | int) -> None:
    """Any str or int is accepted; the answer is None or an aware UTC datetime."""
    for decode in (tweet_time, tiktok_time, linkedin_time, mastodon_time):
        found = decode(value)
        assert found is None or found.utcoffset() == dt.timedelta(0)
    if isinstance(value, str):
        for decode_code in (instagram_time, bluesky_time):
            found = decode_code(value)
            assert found is None or found.utcoffset() == dt.timedelta(0)
