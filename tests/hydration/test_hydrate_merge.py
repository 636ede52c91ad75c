"""The provenance rule: fill what the page lacks, keep what it shows, warn where they differ."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from tweetresolve.hydration.merge import merge, with_failure
from tweetresolve.records import Author, Entity, Media, Post, PostRef

FOUND = Post(
    platform="twitter",
    post_id="20",
    url="https://twitter.com/ada_example/status/20",
    author=Author(name="Ada Example", handle="ada_example", url="https://twitter.com/ada_example"),
    text="Ferry at 7:40 https://t.co/AbC",
    lang="en",
    published=dt.datetime(2024, 3, 14, 23, 30, tzinfo=dt.timezone.utc),
    published_precision="second",
    created_at=dt.datetime(2024, 3, 14, 23, 30, tzinfo=dt.timezone.utc),
    quoted=PostRef(platform="twitter", post_id="10"),
    media=(Media(kind="photo", url="https://pbs.twimg.com/media/a.jpg"),),
    reply_to=PostRef(platform="twitter", post_id="5"),
    form="data",
)


def test_empty_post_takes_everything_and_names_it() -> None:
    """A bare record gets every field the platform gave, each named in ``hydrated``."""
    merged = merge(Post(platform="twitter", post_id="20", form="placeholder"), FOUND)
    assert merged.form == "placeholder"
    assert merged.author == FOUND.author
    assert (merged.text, merged.lang, merged.quoted, merged.media) == (
        FOUND.text,
        "en",
        FOUND.quoted,
        FOUND.media,
    )
    assert merged.entities == (Entity(kind="url", text="https://t.co/AbC", start=14, end=30),)
    assert merged.hydrated == (
        "url",
        "author.name",
        "author.handle",
        "author.url",
        "text",
        "lang",
        "published",
        "created_at",
        "entities",
        "quoted",
        "media",
        "reply_to",
    )
    assert merged.warnings == ()
    assert merged.published_precision == "second"


def test_precision_travels_with_the_date() -> None:
    """A day shown by an embed is filled as a day, not as an exact moment."""
    day = dt.datetime(2024, 3, 14, tzinfo=dt.timezone.utc)
    found = Post(platform="twitter", published=day, published_precision="day")
    merged = merge(Post(platform="twitter"), found)
    assert (merged.published, merged.published_precision) == (day, "day")


# (page fields, warnings expected); every case keeps the page's values.
DISAGREEMENTS: list[tuple[dict[str, Any], tuple[str, ...]]] = [
    # Same text, other links and spacing: no warning.
    ({"text": "Ferry  at 7:40 pic.twitter.com/XyZ"}, ()),
    # A cut-short text that starts the platform's: no warning.
    ({"text": "Ferry at…"}, ()),
    # An edit.
    ({"text": "Ferry at 8:10"}, ("hydration_text_differs",)),
    # A handle differing only in case is the same account.
    ({"author": Author(handle="Ada_Example")}, ()),
    ({"author": Author(handle="someone_else")}, ("hydration_author_differs",)),
    ({"author": Author(name="Ada E.")}, ("hydration_author_differs",)),
    # A shown day next to the UTC day: time zones, no warning.
    ({"published": dt.datetime(2024, 3, 15, tzinfo=dt.timezone.utc)}, ()),
    ({"published": dt.datetime(2024, 3, 17, tzinfo=dt.timezone.utc)}, ("hydration_date_differs",)),
    ({"lang": "de"}, ("hydration_lang_differs",)),
    ({"lang": "und"}, ()),
    (
        {"text": "Other", "lang": "fr"},
        ("hydration_text_differs", "hydration_lang_differs"),
    ),
]


@pytest.mark.parametrize(("fields", "warnings"), DISAGREEMENTS)
def test_page_values_win(fields: dict[str, Any], warnings: tuple[str, ...]) -> None:
    """Where the page has a value it stays; a real disagreement adds its warning."""
    page = Post(platform="twitter", post_id="20", form="blockquote", **fields)
    merged = merge(page, FOUND)
    for name, value in fields.items():
        if name == "author":
            for part in ("name", "handle"):
                if getattr(value, part) is not None:
                    assert getattr(merged.author, part) == getattr(value, part)
        else:
            assert getattr(merged, name) == value
    assert merged.warnings == warnings
    assert not set(fields) & set(merged.hydrated)


def test_existing_warnings_and_provenance_are_kept() -> None:
    """Merging twice never repeats a warning or a provenance entry."""
    page = Post(platform="twitter", post_id="20", text="Other", warnings=("date_mismatch",))
    once = merge(page, FOUND)
    twice = merge(once, FOUND)
    assert twice.warnings == ("date_mismatch", "hydration_text_differs")
    assert twice.hydrated == once.hydrated


def test_failure_warning() -> None:
    """A failed lookup leaves a ``hydration_<code>`` warning, except ``unsupported``."""
    post = Post(platform="twitter", post_id="20")
    assert with_failure(post, "deleted").warnings == ("hydration_deleted",)
    assert with_failure(with_failure(post, "timeout"), "timeout").warnings == ("hydration_timeout",)
    assert with_failure(post, "unsupported") == post


def test_hydrated_post_round_trips_through_json() -> None:
    """A hydrated record, media and provenance included, survives JSON."""
    merged = merge(Post(platform="twitter", post_id="20"), FOUND)
    assert Post.from_dict(json.loads(json.dumps(merged.to_dict()))) == merged
    assert hash(merged) == hash(Post.from_dict(merged.to_dict()))
