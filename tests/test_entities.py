"""Tests for tweetresolve.entities: entity extraction and weighted length."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetresolve import Entity, Post, extract_entities
from tweetresolve.entities import (
    extract_reply_handle,
    is_valid_handle,
    is_valid_hashtag,
    is_valid_list,
    is_valid_post_text,
    is_valid_url,
    measure_text,
    utf16_offset,
    weighted_length,
)


def _spans(text: str) -> list[tuple[str, str, int, int]]:
    return [(e.kind, e.text, e.start, e.end) for e in extract_entities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every kind at once, in text order
        (
            "@ada_example: #Tokyo $ABC example.com",
            [
                ("mention", "@ada_example", 0, 12),
                ("hashtag", "#Tokyo", 14, 20),
                ("cashtag", "$ABC", 21, 25),
                ("url", "example.com", 26, 37),
            ],
        ),
        # a list mention keeps its slug
        ("see @ada_example/reading-list", [("list", "@ada_example/reading-list", 4, 29)]),
        # fullwidth sigils count
        (
            "＠ada_example ＃タグ",
            [("mention", "＠ada_example", 0, 12), ("hashtag", "＃タグ", 13, 16)],
        ),
        # an e-mail address is neither a mention nor a URL
        ("write to ada@example.com", []),
        # a fragment inside a URL is not a hashtag
        ("https://example.com/#top", [("url", "https://example.com/#top", 0, 24)]),
        # a trailing period is not part of the URL; balanced parentheses are
        (
            "read https://example.org/wiki/Ada_(name).",
            [("url", "https://example.org/wiki/Ada_(name)", 5, 40)],
        ),
        # an unknown top-level domain is no URL
        ("ada.example is not a host", []),
        # without protocol, only the ASCII host is kept next to CJK text
        ("見てexample.com/a", [("url", "example.com/a", 2, 15)]),
        # t.co links end at their slug
        ("https://t.co/AbCdEf1234x", [("url", "https://t.co/AbCdEf1234x", 0, 24)]),
        # an all-digit hashtag is none; a cashtag needs letters only
        ("#2024 $12", []),
        # offsets are code points: the emoji before the mention is one character
        ("\U0001f600 @ada_example", [("mention", "@ada_example", 2, 14)]),
    ],
)
def test_extract_entities(text: str, expected: list[tuple[str, str, int, int]]) -> None:
    """Entities come out in text order, with their sigil and code-point offsets."""
    assert _spans(text) == expected


def test_extract_entities_returns_entity_records() -> None:
    """The public function returns Entity records."""
    assert extract_entities("#tag") == [Entity(kind="hashtag", text="#tag", start=0, end=4)]


def test_extract_entities_rejects_non_str() -> None:
    """Bytes are a programming error, reported at once."""
    with pytest.raises(TypeError, match="extract_entities\\(\\) expects a str, got bytes"):
        extract_entities(b"#tag")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@ada_example hello", "ada_example"),  # leading mention
        ("\u3000@ada_example hello", "ada_example"),  # after ideographic space
        ("hello @ada_example", None),  # not at the start
        ("@http://example.com", None),  # a URL, not a handle
    ],
)
def test_extract_reply_handle(text: str, expected: str | None) -> None:
    """A reply is a mention at the very start of the text."""
    assert extract_reply_handle(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("abc", 3),  # Latin: 1 each
        ("日本語", 6),  # CJK: 2 each
        ("see https://example.com/a/long/path/to/a/page", 27),  # any URL: 23
        ("\U0001f469\u200d\U0001f4bb", 2),  # a ZWJ sequence is one emoji
        ("\U0001f44d\U0001f3fd", 2),  # skin tone modifier joins its base
        ("A\u0301", 1),  # NFC: A + combining acute is one character
    ],
)
def test_weighted_length(text: str, expected: int) -> None:
    """Weighted length follows the v3 weights."""
    assert weighted_length(text) == expected


def test_measure_text_fields() -> None:
    """Validity and permillage come with the length; ranges are UTF-16 and inclusive."""
    measured = measure_text("x" * 279 + "日")
    assert (measured.weighted_length, measured.valid, measured.permillage) == (281, False, 1003)
    assert (measured.valid_range_end, measured.display_range_end) == (278, 279)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", True),
        ("", False),  # empty
        ("x" * 280, True),
        ("x" * 281, False),  # too long
        ("hello\ufffe", False),  # invalid character
        ("\u202ahello\u202c", True),  # bidi controls are fine
    ],
)
def test_is_valid_post_text(text: str, expected: bool) -> None:
    """A valid post has 1 to 280 weighted units and no invalid characters."""
    assert is_valid_post_text(text) is expected


def test_legacy_limit() -> None:
    """Version 1 counts every code point once, with a 140 limit."""
    assert measure_text("日" * 140, version=1).weighted_length == 140
    assert is_valid_post_text("x" * 141, version=1) is False


def test_measure_text_rejects_unknown_version() -> None:
    """Only the three reference configurations exist."""
    with pytest.raises(ValueError, match="measure_text\\(\\) version must be 1, 2 or 3, got 4"):
        measure_text("x", version=4)


@pytest.mark.parametrize(
    ("check", "text", "expected"),
    [
        (is_valid_handle, "@ada_example", True),
        (is_valid_handle, "ada_example", False),  # no sign
        (is_valid_handle, "@ada_example/list", False),  # a list, not a handle
        (is_valid_list, "@ada_example/list", True),
        (is_valid_list, "@ada_example/1list", False),  # slug starts with a digit
        (is_valid_hashtag, "#タグ", True),
        (is_valid_hashtag, "#tag more", False),  # more than the hashtag
        (is_valid_url, "https://example.com/a?b=c#d", True),
        (is_valid_url, "https://exa mple.com/", False),  # a space in the host
        (is_valid_url, "example.com/a", False),  # the protocol is required by default
    ],
)
def test_validators(check: Callable[[str], bool], text: str, expected: bool) -> None:
    """Validators accept exactly one entity spanning the whole text."""
    assert check(text) is expected


def test_post_weighted_length() -> None:
    """Post exposes the weighted length of its text, 0 without text."""
    assert Post(platform="twitter", text="日本 abc").weighted_length == 8
    assert Post(platform="twitter").weighted_length == 0


def test_utf16_offset() -> None:
    """Astral characters count two UTF-16 units."""
    text = "\U0001f600\U0001f600 #tag"
    entity = extract_entities(text)[0]
    assert (utf16_offset(text, entity.start), utf16_offset(text, entity.end)) == (5, 9)


# Text made of the pieces entity rules care about, so random examples hit real paths.
_PIECES = st.sampled_from(
    [
        "http://", "https://", "www.", "example", ".com", ".co.jp", "t.co/", "/", "?", "=",
        "#", "＃", "@", "$", "&", "-", "_", "(", ")", ",", ".", " ", "\n", "abc", "ABC",
        "é", "日本", "。", "\u200d", "\ufe0f", "\U0001f600", "\U0001f3fd", "\u202a", "rt",
    ]
)  # fmt: skip
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map("".join))


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_entities_are_consistent(text: str) -> None:
    """On any text: no exception, spans in order, text[start:end] == entity.text."""
    entities = extract_entities(text)
    previous_end = 0
    for entity in entities:
        assert entity.kind in {"mention", "list", "hashtag", "cashtag", "url"}
        assert previous_end <= entity.start < entity.end <= len(text)
        assert text[entity.start : entity.end] == entity.text
        previous_end = entity.end


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_weighted_length_is_bounded(text: str) -> None:
    """On any text: at most two units per code point, and zero only for empty text."""
    length = weighted_length(text)
    assert 0 <= length <= 2 * len(text) + 23 * text.count(".")
    assert (length == 0) == (text == "")


def test_a_long_text_is_not_weighed_character_by_character(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the limit nothing changes the valid range: the rest is weighed in one go."""
    from tweetresolve.twitter_text import length

    calls = 0
    real = length._plain_weight

    def counting(segment: str, version: int) -> int:
        nonlocal calls
        calls += 1
        return real(segment, version)

    monkeypatch.setattr(length, "_plain_weight", counting)
    text = "word " * 20_000 + "see https://example.com/a " * 500 + "\ufffe end"
    measured = measure_text(text)
    url = len("https://example.com/a")
    assert measured.weighted_length == len(text) + 500 * (23 - url) + 1  # U+FFFE weighs 2
    assert not measured.valid
    assert measured.valid_range_end == 279  # the 280th character, as before
    assert calls < 2_000  # one per character up to the limit, then one per stretch


def test_emoji_scan_skips_characters_that_need_a_partner() -> None:
    """Digits, '#', '©' and a lone regional indicator start no emoji on their own."""
    from tweetresolve.twitter_text import length

    starts = length._emoji_tables()[2]
    assert starts.search("0123456789 #* \u00a9 \u00ae \u2122 \U0001f1ef x") is None
    for text in ("1\u20e3", "1\ufe0f\u20e3", "\U0001f1ef\U0001f1f5", "\u00a9\ufe0f", "\u2b50"):
        assert starts.match(text) is not None, text
    assert (
        weighted_length("1\ufe0f\u20e3 \U0001f1ef\U0001f1f5 \u00a9\ufe0f 123")
        == 2 + 1 + 2 + 1 + 2 + 4
    )
