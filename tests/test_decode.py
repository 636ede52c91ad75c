"""Tests for decoding document bytes (``tweetresolve.html.decode``) and for ``extract`` on bytes."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetresolve.html import decode

CAFE = "café “quoted” Привет"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # UTF-8 byte-order mark: stripped, the rest read as UTF-8
        (codecs.BOM_UTF8 + "<p>café</p>".encode(), "<p>café</p>"),
        # UTF-16 little-endian with its BOM
        (codecs.BOM_UTF16_LE + "<p>café</p>".encode("utf-16-le"), "<p>café</p>"),
        # UTF-16 big-endian with its BOM
        (codecs.BOM_UTF16_BE + "<p>café</p>".encode("utf-16-be"), "<p>café</p>"),
        # a BOM beats a contradicting <meta>
        (
            codecs.BOM_UTF8 + '<meta charset="iso-8859-2"><p>café'.encode(),
            '<meta charset="iso-8859-2"><p>café',
        ),
        # only a BOM
        (codecs.BOM_UTF8, ""),
        # nothing at all
        (b"", ""),
    ],
)
def test_byte_order_mark(data: bytes, expected: str) -> None:
    """A byte-order mark decides the encoding and is removed."""
    assert decode(data) == expected


@pytest.mark.parametrize(
    ("markup", "encoding"),
    [
        # HTML5 <meta charset>
        ('<meta charset="windows-1251"><p>Привет, мир</p>', "cp1251"),
        # unquoted value, upper case
        ("<META CHARSET=KOI8-R><p>Привет, мир</p>", "koi8_r"),
        # HTML4 http-equiv Content-Type
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>Łódź</p>',
            "iso-8859-2",
        ),
        # XML declaration of an XHTML page
        ('<?xml version="1.0" encoding="ISO-8859-15"?><p>10 €</p>', "iso-8859-15"),
        # a Japanese page declaring Shift_JIS
        ('<meta charset="shift_jis"><p>こんにちは</p>', "shift_jis"),
    ],
)
def test_declared_charset(markup: str, encoding: str) -> None:
    """A declared charset is honoured when the bytes are in that charset."""
    assert decode(markup.encode(encoding)) == markup


def test_late_meta_charset_after_a_long_head() -> None:
    """A <meta charset> placed after kilobytes of head is still found for non-UTF-8 bytes."""
    markup = (
        "<head>"
        + "<script>var a = 1;</script>\n" * 300
        + ('<meta charset="windows-1251"></head><p>Привет</p>')
    )
    assert decode(markup.encode("cp1251")) == markup


def test_undeclared_utf8_is_not_garbled() -> None:
    """UTF-8 without any declaration reads as UTF-8 (not as windows-1252 mojibake)."""
    markup = f"<p>{CAFE} 日本語 🐦</p>"
    assert decode(markup.encode("utf-8")) == markup


def test_undeclared_legacy_bytes_read_as_windows_1252() -> None:
    """Bytes that are not UTF-8 and carry no declaration read as windows-1252."""
    assert decode(b"<p>\x93caf\xe9\x94</p>") == "<p>“café”</p>"


@pytest.mark.parametrize(
    "label",
    ["iso-8859-1", "ISO-8859-1", "latin-1", "us-ascii", "windows-1252"],
)
def test_mislabelled_latin1_that_is_really_utf8(label: str) -> None:
    """A legacy single-byte label over valid non-ASCII UTF-8: the bytes win over the label."""
    markup = f'<meta charset="{label}"><p>{CAFE}</p>'
    assert decode(markup.encode("utf-8")) == markup


def test_latin1_label_means_windows_1252() -> None:
    """As in browsers, iso-8859-1 is read as windows-1252 (curly quotes in 0x80–0x9F)."""
    data = b'<meta charset="iso-8859-1"><p>\x93hi\x94 caf\xe9</p>'
    assert decode(data) == '<meta charset="iso-8859-1"><p>“hi” café</p>'


@pytest.mark.parametrize(
    "label",
    [
        "utf-16",  # the bytes were readable as ASCII, so they are not UTF-16
        "UTF-16LE",
        "utf-32",
    ],
)
def test_declared_utf16_over_ascii_bytes_reads_as_utf8(label: str) -> None:
    """A page declaring UTF-16 whose declaration is readable at all is UTF-8 (WHATWG)."""
    markup = f'<meta charset="{label}"><p>{CAFE}</p>'
    assert decode(markup.encode("utf-8")) == markup


@pytest.mark.parametrize(
    "label",
    [
        "utf-7",  # never honoured: a known script-injection trick
        "cp037",  # EBCDIC: not ASCII-compatible
        "x-no-such-charset",  # unknown label
        "",  # empty label
    ],
)
def test_unusable_labels_are_ignored(label: str) -> None:
    """Labels that cannot be right, or are unknown, fall back to the undeclared rules."""
    markup = f'<meta charset="{label}"><p>a+b- {CAFE}</p>'
    assert decode(markup.encode("utf-8")) == markup


def test_declared_utf8_with_bad_bytes_keeps_the_rest() -> None:
    """Invalid bytes in a declared UTF-8 page become U+FFFD; the rest is kept."""
    assert decode(b'<meta charset="utf-8"><p>caf\xe9 ok</p>') == (
        '<meta charset="utf-8"><p>caf\ufffd ok</p>'
    )


def test_wrong_declared_multibyte_charset_never_raises() -> None:
    """A wrong declaration gives odd characters, never an exception."""
    data = '<meta charset="euc-jp"><p>\xff\xfe\x80 mixed</p>'.encode("latin-1") + b"\xc3\x28"
    assert isinstance(decode(data), str)


@pytest.mark.parametrize(
    "data",
    [
        b"\x00" * 64,  # NUL bytes only
        b"\xff\xfe",  # a UTF-16 BOM with nothing after it
        b"\xff\xfe\x00",  # a UTF-16 BOM with an odd byte count
        b"\xfe\xff\xd8\x00",  # a lone surrogate in UTF-16-BE
        b"\x00\x00\xfe\xff\x00\x00\xd8\x00",  # UTF-32-BE BOM and a surrogate
        b"\x80\x81\x8d\x8f\x90\x9d",  # bytes unmapped in windows-1252
        b"\xed\xa0\x80",  # a UTF-8-encoded surrogate (invalid UTF-8)
        b'<meta charset="utf-8"\x00>\xff',  # NUL inside the declaration
    ],
)
def test_junk_never_raises(data: bytes) -> None:
    """Any bytes decode to a string."""
    assert isinstance(decode(data), str)


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.sampled_from(
        [
            b"",
            codecs.BOM_UTF8,
            codecs.BOM_UTF16_LE,
            codecs.BOM_UTF16_BE,
            b'<meta charset="utf-8">',
            b'<meta charset="iso-8859-1">',
            b'<meta charset="shift_jis">',
            b'<meta charset="utf-16">',
            b'<?xml version="1.0" encoding="koi8-r"?>',
        ]
    ),
    body=st.binary(max_size=512),
)
def test_any_bytes_decode(prefix: bytes, body: bytes) -> None:
    """decode() never raises, whatever the declaration and the bytes."""
    assert isinstance(decode(prefix + body), str)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_utf8_text_round_trips(text: str) -> None:
    """Any UTF-8 text without a BOM or declaration decodes back to itself."""
    encoded = text.encode("utf-8", "surrogatepass")
    if encoded.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if "charset" in text.lower() or "encoding" in text.lower():
        return
    try:
        encoded.decode("utf-8")
    except UnicodeDecodeError:  # lone surrogates are not UTF-8
        return
    assert decode(encoded) == text
