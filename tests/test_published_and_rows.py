"""Tests for ``Post.published`` (one type: aware UTC) and the flat rows (``Post.to_row``)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import attrs
import pytest
from moments import utc_day

import tweetresolve as tr
from tweetresolve import cli
from tweetresolve.records import ROW_COLUMNS, published_utc

UTC = dt.timezone.utc
PST = dt.timezone(dt.timedelta(hours=-8), "PST")


@pytest.mark.parametrize(
    ("value", "published", "precision"),
    [
        # a calendar day: midnight UTC, precision day
        (dt.date(2022, 3, 30), utc_day(2022, 3, 30), "day"),
        # a time shown in a stated zone: converted to UTC (here into the next day)
        (
            dt.datetime(2016, 12, 5, 21, 10, tzinfo=PST),
            dt.datetime(2016, 12, 6, 5, 10, tzinfo=UTC),
            "minute",
        ),
        # seconds shown
        (
            dt.datetime(2012, 10, 1, 18, 3, 30, tzinfo=UTC),
            dt.datetime(2012, 10, 1, 18, 3, 30, tzinfo=UTC),
            "second",
        ),
        # a local time without a zone: no UTC instant stands for it, its day is kept
        (dt.datetime(2024, 11, 25, 0, 58), utc_day(2024, 11, 25), "day"),
        # an instant with no UTC form (before year 1, after year 9999): the day shown
        (
            dt.datetime(1, 1, 1, 2, 0, tzinfo=dt.timezone(dt.timedelta(hours=5))),
            utc_day(1, 1, 1),
            "day",
        ),
        (dt.datetime(9999, 12, 31, 23, 0, tzinfo=PST), utc_day(9999, 12, 31), "day"),
        (None, None, None),
    ],
)
def test_published_utc(value: Any, published: dt.datetime | None, precision: str | None) -> None:
    """Every parsed date becomes an aware UTC datetime and a precision."""
    assert published_utc(value) == (published, precision)


@pytest.mark.parametrize(
    "document",
    [
        # Twitter blockquote: a day
        '<blockquote class="twitter-tweet"><p>Hi</p>&mdash; Ada (@ada) <a href='
        '"https://twitter.com/ada/status/1508951925456744449">March 30, 2022</a></blockquote>',
        # plain-text residue: a day
        "Hello there\n— Ada Example (@ada_example) March 30, 2022\n",
        # the 2012 snippet: a time in UTC
        "Hello there\n— Ada (@ada) October 1, 2012 6:03:30 PM UTC\n",
        # Bluesky: a local time without a zone
        "Kettles\n— Bo Example (@bo.example.com) November 25, 2024 at 12:58 AM\n",
        # Instagram residue with a time in PDT
        "A caption\nA post shared by Ada (@ada_example) on Jun 16, 2019 at 7:30am PDT\n",
    ],
)
def test_published_is_always_aware_utc(document: str) -> None:
    """Whatever the form and the platform, ``published`` is an aware UTC datetime."""
    [post] = tr.extract(document)
    assert isinstance(post.published, dt.datetime)
    assert post.published.utcoffset() == dt.timedelta(0)
    assert post.published_precision in {"day", "minute", "second"}


def test_a_time_in_a_stated_zone_is_converted_to_utc() -> None:
    """``7:30am PDT`` is 14:30 UTC, to the minute."""
    [post] = tr.extract(
        "A caption\nA post shared by Ada (@ada_example) on Jun 16, 2019 at 7:30am PDT\n"
    )
    assert (post.published, post.published_precision) == (
        dt.datetime(2019, 6, 16, 14, 30, tzinfo=UTC),
        "minute",
    )


@pytest.mark.parametrize(
    ("fields", "published", "precision"),
    [
        # a day given by hand: midnight UTC, precision day
        ({"published": dt.date(2022, 3, 30)}, utc_day(2022, 3, 30), "day"),
        # a naive time: a local clock, its day kept
        ({"published": dt.datetime(2024, 11, 25, 0, 58)}, utc_day(2024, 11, 25), "day"),
        # an aware time without a precision: inferred from the value
        (
            {"published": dt.datetime(2022, 3, 29, 23, 39, tzinfo=UTC)},
            dt.datetime(2022, 3, 29, 23, 39, tzinfo=UTC),
            "minute",
        ),
        # a precision given with its value is kept
        (
            {"published": utc_day(2022, 3, 30), "published_precision": "minute"},
            utc_day(2022, 3, 30),
            "minute",
        ),
        # no value, no precision
        ({"published_precision": "day"}, None, None),
    ],
)
def test_records_built_by_hand(
    fields: dict[str, Any], published: dt.datetime | None, precision: str | None
) -> None:
    """A record built by hand stores published as extract() would, with a precision."""
    post = tr.Post(platform="twitter", **fields)
    assert (post.published, post.published_precision) == (published, precision)


def test_evolving_published_keeps_the_pair_consistent() -> None:
    """attrs.evolve() to a new value or to None never leaves a precision without its value."""
    post = tr.Post(platform="twitter")
    dated = attrs.evolve(post, published=dt.datetime(2022, 3, 29, 23, 39, 5, tzinfo=UTC))
    assert dated.published_precision == "second"
    assert attrs.evolve(dated, published=None).published_precision is None


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"published": "2022-03-30"}, TypeError),  # a string is not a date
        ({"published": utc_day(2022, 3, 30), "published_precision": "hour"}, ValueError),
    ],
)
def test_published_refuses_other_types(fields: dict[str, Any], error: type[Exception]) -> None:
    """A value that is no date, or an unknown precision, is a programmer's error."""
    with pytest.raises(error):
        tr.Post(platform="twitter", **fields)


def test_published_in_another_zone_is_stored_in_utc() -> None:
    """An aware datetime in another zone is kept as the same instant in UTC."""
    post = tr.Post(
        platform="twitter",
        published=dt.datetime(2016, 12, 5, 21, 10, tzinfo=PST),
        published_precision="minute",
    )
    assert post.published == dt.datetime(2016, 12, 6, 5, 10, tzinfo=UTC)
    assert post.published is not None
    assert post.published.tzinfo == UTC


@pytest.mark.parametrize(
    ("stored", "published", "precision"),
    [
        # written before published was one type: a day
        ("2022-03-30", utc_day(2022, 3, 30), "day"),
        # a naive local time
        ("2024-11-25T00:58:00", utc_day(2024, 11, 25), "day"),
        # an aware time in another zone
        ("2016-12-05T21:10:00-08:00", dt.datetime(2016, 12, 6, 5, 10, tzinfo=UTC), "minute"),
    ],
)
def test_older_dicts_still_load(stored: str, published: dt.datetime, precision: str) -> None:
    """from_dict() upgrades a ``published`` written by an older version."""
    post = tr.Post.from_dict({"platform": "twitter", "published": stored})
    assert (post.published, post.published_precision) == (published, precision)


def test_json_round_trip_keeps_published() -> None:
    """to_dict/from_dict keep the moment and its precision."""
    [post] = tr.extract("Hello there\n— Ada (@ada) October 1, 2012 6:03:30 PM UTC\n")
    data = json.loads(json.dumps(post.to_dict()))
    assert (data["published"], data["published_precision"]) == (
        "2012-10-01T18:03:30+00:00",
        "second",
    )
    assert tr.Post.from_dict(data) == post


# --- flat rows -------------------------------------------------------------------------------

EXPANDED = tr.Expansion(url="https://t.co/a", final_url="https://example.org/story", ok=True)
FAILED = tr.Expansion(url="https://t.co/b", final_url="https://t.co/b", error="timeout")
FULL = tr.Post(
    platform="twitter",
    post_id="1650000000000000001",
    url="https://twitter.com/ada/status/1650000000000000001",
    author=tr.Author(name="Ada", handle="ada", url="https://twitter.com/ada"),
    text="Hi #tag",
    lang="en",
    date_text="March 30, 2022",
    published=utc_day(2022, 3, 30),
    published_precision="day",
    created_at=dt.datetime(2022, 3, 29, 23, 39, tzinfo=UTC),
    links=(
        tr.Link("https://t.co/a", expansion=EXPANDED),
        tr.Link("https://t.co/b", expansion=FAILED),
        tr.Link("/relative path"),
    ),
    entities=(tr.Entity("hashtag", "#tag", 3, 7),),
    form="blockquote",
    span=(10, 90),
    quoted=tr.PostRef(platform="twitter", post_id="20", url="https://twitter.com/jack/status/20"),
    warnings=("date_mismatch",),
    origin=tr.Origin(uri="https://example.org/a", file="crawl.warc.gz", offset=1234),
)


def test_row_is_flat_and_complete() -> None:
    """to_row() gives every column, in order, with plain values only."""
    row = FULL.to_row()
    assert tuple(row) == ROW_COLUMNS
    assert all(
        isinstance(v, (str, int, float, bool, dt.datetime, type(None))) for v in row.values()
    )
    assert row["author_name"] == "Ada"
    assert row["quoted_post_id"] == "20"
    assert (row["span_start"], row["span_end"]) == (10, 90)
    assert row["entities"] == "#tag"
    assert row["published"] == utc_day(2022, 3, 30)
    assert (row["origin_uri"], row["origin_file"], row["origin_offset"]) == (
        "https://example.org/a",
        "crawl.warc.gz",
        1234,
    )


def test_row_links_and_where_they_lead() -> None:
    """``links`` as found and ``links_final`` where each leads (its own URL when not expanded)."""
    row = FULL.to_row()
    assert row["links"] == "https://t.co/a https://t.co/b /relative%20path"
    assert row["links_final"] == "https://example.org/story https://t.co/b /relative%20path"


def test_row_of_an_empty_post_has_nones() -> None:
    """Absent values are None, never empty strings."""
    row = tr.Post(platform="twitter").to_row()
    assert row["platform"] == "twitter"
    assert {k for k, v in row.items() if v is not None} == {"platform", "form"}


def test_to_rows_checks_its_input() -> None:
    """to_rows() takes posts only."""
    assert tr.to_rows([FULL, FULL]) == [FULL.to_row(), FULL.to_row()]
    with pytest.raises(TypeError, match="expects Post records"):
        tr.to_rows([{"platform": "twitter"}])  # type: ignore[list-item]


def test_pandas_takes_rows_as_they_are() -> None:
    """A DataFrame of rows has a UTC datetime column and ids as text."""
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(tr.to_rows([FULL, tr.Post(platform="twitter", post_id="7")]))
    published = pd.to_datetime(frame["published"], utc=True)
    assert published.iloc[0] == pd.Timestamp("2022-03-30", tz="UTC")
    assert frame["post_id"].tolist() == ["1650000000000000001", "7"]


def test_csv_ids_read_back_as_text() -> None:
    """The CSV output quotes every text cell, so a reader keeps ids as text, not numbers."""
    out = io.StringIO()
    writer = cli._make_writer("csv", out)
    writer("a.html", FULL)
    rows = list(csv.reader(io.StringIO(out.getvalue()), quoting=csv.QUOTE_NONNUMERIC))
    header, row = rows
    cells: dict[str, Any] = dict(zip(header, row, strict=True))
    assert cells["post_id"] == "1650000000000000001"  # text: quoted
    assert cells["span_start"] == 10.0  # a number: bare
    assert cells["published"] == "2022-03-30T00:00:00+00:00"
