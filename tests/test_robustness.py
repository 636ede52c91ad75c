"""Robustness of ``extract`` and the records: any input returns, records survive JSON.

Detection must never raise on content, and no detector may fail inside
``extract`` either (``extract`` contains such failures and logs them at ERROR,
which these tests treat as a failure).  Timings of the hostile inputs are in
``benchmarks/bench_extract.py``; nothing here asserts a time.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

import attrs
import pytest
from hostile import HOSTILE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tweetresolve import (
    Attribution,
    Author,
    Entity,
    Expansion,
    Hop,
    Link,
    Origin,
    Post,
    PostRef,
    extract,
)
from tweetresolve.extract import Kind
from tweetresolve.records import Media, Mention

KINDS: tuple[Kind, ...] = ("auto", "html", "text")


@pytest.fixture
def no_detector_errors(caplog: pytest.LogCaptureFixture) -> Any:
    """Fail the test if any tweetresolve logger reported an error (a contained detector crash)."""
    caplog.set_level(logging.ERROR, logger="tweetresolve")
    yield
    # The call phase's records: in teardown, ``caplog.records`` holds only the teardown's.
    errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    assert not errors, "\n".join(r.getMessage() for r in errors)


def check_posts(result: object) -> None:
    """``extract`` returned a list of posts."""
    assert isinstance(result, list)
    assert all(isinstance(post, Post) for post in result)


# --- any input -----------------------------------------------------------------------------

# Pieces of embed markup and text residue, so that random documents reach the
# detectors and not only the prefilter.
FRAGMENTS = [
    '<blockquote class="twitter-tweet">',
    '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/Ab1/">',
    "</blockquote>",
    '<p lang="en" dir="ltr">',
    "</p>",
    '<a href="https://twitter.com/ada_example/status/1508951925456744449">',
    '<a href="https://t.co/AbCdEf1234">',
    "</a>",
    "<br>",
    "&mdash; Ada Example (@ada_example) ",
    "March 30, 2022",
    "30. März 2022",
    "— ",
    "(@",
    "@ada #tag $TSLA ",
    "https://x.com/a/status/20 ",
    '<amp-twitter data-tweetid="20" width="1" height="1">',
    '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ">',
    '<div class="fb-post" data-href="https://www.facebook.com/ada/posts/123">',
    "<textarea>",
    "<script>",
    "\n",
    "\x00",
    "\ud800",
]

documents = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map("".join),
)
byte_documents = st.one_of(
    st.binary(max_size=300),
    documents.map(lambda text: text.encode("utf-8", "surrogatepass")),
    documents.map(lambda text: text.encode("utf-16", "surrogatepass")),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=documents, kind=st.sampled_from(KINDS), links=st.booleans())
def test_extract_never_raises_on_str(
    no_detector_errors: None, document: str, kind: Kind, links: bool
) -> None:
    """Any string, as HTML, as text or sniffed, gives a list of posts."""
    check_posts(extract(document, kind=kind, include_links=links))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=byte_documents, kind=st.sampled_from(KINDS), links=st.booleans())
def test_extract_never_raises_on_bytes(
    no_detector_errors: None, document: bytes, kind: Kind, links: bool
) -> None:
    """Any bytes, as HTML, as text or sniffed, give a list of posts."""
    check_posts(extract(document, kind=kind, include_links=links))


# --- hostile inputs ------------------------------------------------------------------------

# (name in tests/hostile.py, size): sizes chosen to finish in about a second here.
HOSTILE_CASES = [
    ("open_paren_at", 2_000_000),  # megabytes of "(@"
    ("attribution_flood", 1_000_000),  # "— A (@a " on one endless line
    ("nested_tags", 500_000),  # 100 000 nested <div>s inside a tweet
    ("nested_blockquotes", 3_400_000),  # 100 000 nested tweet blockquotes
    ("no_markers_page", 20_000_000),  # a 20 MB page with share links and no embed
    ("url_commas", 1_000_000),  # a URL then a million commas, in a tweet
    ("mention_flood", 1_000_000),  # "@a#b$c" over and over, in a tweet
    ("text_url_commas", 1_000_000),  # plain text: status URL then commas
    ("nul_bytes", 1_000_000),  # NUL bytes around an embed
    ("invalid_utf8", 1_000_000),  # invalid UTF-8 around an embed
    ("wrong_charset", 500_000),  # UTF-8 bytes declared as Shift_JIS
    ("utf16_bom", 500_000),  # UTF-16 with a byte-order mark
    ("binary_junk", 1_000_000),  # random bytes with a marker
]


@pytest.mark.parametrize(("name", "size"), HOSTILE_CASES)
def test_hostile_input_returns(no_detector_errors: None, name: str, size: int) -> None:
    """Each hostile document completes and returns a list (its timing is benchmarked)."""
    check_posts(extract(HOSTILE[name](size)))


@pytest.mark.parametrize("kind", ["html", "text"])
def test_hostile_input_forced_kind(no_detector_errors: None, kind: Kind) -> None:
    """Forcing the other path over hostile documents also returns."""
    for name in ("open_paren_at", "nested_tags", "mention_flood", "binary_junk"):
        check_posts(extract(HOSTILE[name](200_000), kind=kind))


@pytest.mark.parametrize(
    "document",
    [
        "",  # empty
        b"",  # empty bytes
        "\x00",  # a NUL alone
        "<",  # a lone angle bracket
        "<blockquote class='twitter-tweet'",  # cut inside a tag
        "<!--",  # an unclosed comment
        "<![CDATA[",  # CDATA in HTML
        "<?xml version='1.0'?>",  # an XML declaration and nothing else
        "\ufeff",  # a BOM as a character
        "\ud800(@a) March 1, 2020",  # a lone surrogate before an attribution
        "— (@) ,",  # an attribution with nothing in it
        "<blockquote class=twitter-tweet><a href=https://twitter.com/a/status/99999999999999999999999>",
    ],
)
def test_degenerate_documents(no_detector_errors: None, document: str | bytes) -> None:
    """Tiny degenerate documents return a list."""
    for kind in KINDS:
        check_posts(extract(document, kind=kind, include_links=True))


# --- records survive JSON ------------------------------------------------------------------

texts = st.text(max_size=20)
maybe_texts = st.none() | texts
offsets = st.integers(min_value=0, max_value=10**6)
spans = st.none() | st.tuples(offsets, offsets)
timezones = st.sampled_from([None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=5, minutes=30))])
datetimes = st.builds(lambda moment, tz: moment.replace(tzinfo=tz), st.datetimes(), timezones)
aware_datetimes = st.builds(
    lambda moment, tz: moment.replace(tzinfo=tz), st.datetimes(), timezones.filter(bool)
)
# published and published_precision come together: drawn as one pair, split by _records().
published_pairs = st.tuples(st.none(), st.none()) | st.tuples(
    aware_datetimes, st.sampled_from(["day", "minute", "second"])
)

# Every field of every record, by class: the strategies are built from these, and a
# test checks that no field is left to its default.
FIELDS: dict[type[Any], dict[str, st.SearchStrategy[Any]]] = {}
FIELDS[Author] = {"name": maybe_texts, "handle": maybe_texts, "url": maybe_texts}
FIELDS[Hop] = {"url": texts, "status": st.none() | st.integers(100, 599), "via": maybe_texts}
FIELDS[Expansion] = {
    "url": texts,
    "final_url": maybe_texts,
    "hops": st.lists(st.builds(Hop, **FIELDS[Hop]), max_size=3).map(tuple),
    "ok": st.booleans(),
    "error": maybe_texts,
    "status": st.none() | st.integers(100, 599),
    "from_cache": st.booleans(),
    "detail": maybe_texts,
}
FIELDS[Link] = {
    "url": texts,
    "text": maybe_texts,
    "expansion": st.none() | st.builds(Expansion, **FIELDS[Expansion]),
}
FIELDS[Entity] = {
    "kind": st.sampled_from(["mention", "list", "hashtag", "cashtag", "url"]),
    "text": texts,
    "start": offsets,
    "end": offsets,
}
FIELDS[PostRef] = {
    "platform": texts,
    "post_id": maybe_texts,
    "handle": maybe_texts,
    "url": maybe_texts,
    "needs_expansion": st.booleans(),
}
FIELDS[Attribution] = {
    "name": maybe_texts,
    "handle": maybe_texts,
    "date_text": maybe_texts,
    "published": published_pairs,
    "published_precision": st.none(),
    "platform": maybe_texts,
    "span": spans,
}
FIELDS[Origin] = {
    "uri": texts,
    "date": st.none() | datetimes,
    "record_id": maybe_texts,
    "file": maybe_texts,
    "offset": st.none() | offsets,
}
FIELDS[Media] = {
    "kind": st.sampled_from(["photo", "video", "gif"]),
    "url": texts,
    "preview_url": maybe_texts,
}
FIELDS[Post] = {
    "platform": texts,
    "post_id": maybe_texts,
    "url": maybe_texts,
    "author": st.none() | st.builds(Author, **FIELDS[Author]),
    "text": maybe_texts,
    "lang": maybe_texts,
    "date_text": maybe_texts,
    "published": published_pairs,
    "published_precision": st.none(),
    "created_at": st.none() | datetimes,
    "links": st.lists(st.builds(Link, **FIELDS[Link]), max_size=3).map(tuple),
    "entities": st.lists(st.builds(Entity, **FIELDS[Entity]), max_size=3).map(tuple),
    "form": texts,
    "span": spans,
    "quoted": st.none() | st.builds(PostRef, **FIELDS[PostRef]),
    "warnings": st.lists(texts, max_size=2).map(tuple),
    "origin": st.none() | st.builds(Origin, **FIELDS[Origin]),
    "media": st.lists(st.builds(Media, **FIELDS[Media]), max_size=2).map(tuple),
    "reply_to": st.none() | st.builds(PostRef, **FIELDS[PostRef]),
    "hydrated": st.lists(texts, max_size=3).map(tuple),
}
FIELDS[Mention] = {
    "phrase": texts,
    "start": offsets,
    "end": offsets,
    "context": texts,
    "lang": texts,
    "platform": texts,
}


def _records(cls: type[Any], fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    if "published" not in fields:
        return st.builds(cls, **fields)
    rest = {k: v for k, v in fields.items() if k not in {"published", "published_precision"}}

    def build(pair: tuple[Any, Any], **values: Any) -> Any:
        return cls(published=pair[0], published_precision=pair[1], **values)

    return st.builds(build, fields["published"], **rest)


RECORDS = {cls: _records(cls, fields) for cls, fields in FIELDS.items()}
RECORD_CLASSES = sorted(FIELDS, key=lambda cls: cls.__name__)
RECORD_NAMES = [cls.__name__ for cls in RECORD_CLASSES]


@pytest.mark.parametrize("record_class", RECORD_CLASSES, ids=RECORD_NAMES)
def test_every_record_field_is_generated(record_class: type[Any]) -> None:
    """The strategies set every field of every record class (a new field must be added here)."""
    assert set(FIELDS[record_class]) == {field.name for field in attrs.fields(record_class)}


def test_every_record_class_is_covered() -> None:
    """Every public record class has a strategy."""
    import tweetresolve.records

    public = tweetresolve.records.__all__
    classes = {name for name in public if attrs.has(getattr(tweetresolve.records, name))}
    assert {cls.__name__ for cls in FIELDS} == classes


@pytest.mark.parametrize("record_class", RECORD_CLASSES, ids=RECORD_NAMES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_to_dict_from_dict_round_trip(record_class: type[Any], data: st.DataObject) -> None:
    """to_dict() is plain JSON and from_dict() rebuilds an equal record, for every class."""
    record = data.draw(RECORDS[record_class])
    encoded = json.dumps(record.to_dict())
    rebuilt = record_class.from_dict(json.loads(encoded))
    assert rebuilt == record  # a date never comes back as a datetime: they compare unequal
