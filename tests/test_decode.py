"""Tests for decoding document bytes (``tweetresolve.decode``) and for ``extract`` on bytes."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetresolve import extract
from tweetresolve.decode import decode, encoding_for_label

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


# --- labels: the WHATWG Encoding Standard's, mapped as browsers map them ---------------


@pytest.mark.parametrize(
    ("label", "encoding"),
    [
        ("latin1", "windows-1252"),  # browsers read Latin-1 as windows-1252
        ("ISO-8859-1", "windows-1252"),
        ("ascii", "windows-1252"),
        ("us-ascii", "windows-1252"),
        (" utf8 ", "utf-8"),  # ASCII white space around a label is trimmed
        ("gb2312", "gbk"),
        ("x-sjis", "shift_jis"),
        ("ks_c_5601-1987", "euc-kr"),
        ("iso-8859-9", "windows-1254"),  # Latin-5 is windows-1254
        ("tis-620", "windows-874"),
        ("utf-16", "utf-16le"),
        ("iso-2022-kr", "replacement"),
    ],
)
def test_label_maps_as_browsers_do(label: str, encoding: str) -> None:
    """A label of the standard gives the standard's encoding."""
    assert encoding_for_label(label) == encoding


@pytest.mark.parametrize(
    "label",
    [
        "unicode_escape",  # Python codecs that are no web encoding
        "raw_unicode_escape",
        "idna",
        "rot13",
        "punycode",
        "utf-7",
        "utf-32",
        "cp037",
        "utf-8\x00",  # a NUL is not white space: the label is unknown
        "",
    ],
)
def test_python_only_labels_are_unknown(label: str) -> None:
    """Labels browsers do not know map to nothing."""
    assert encoding_for_label(label) is None


@pytest.mark.parametrize(
    "data",
    [
        b'<meta charset="idna">hi',  # raised UnicodeError
        b'<meta charset="utf-8\x00">hi',  # raised ValueError: embedded null character
        b'<meta charset="unicode_escape">\\x3cp\\x3e',  # honoured: escapes became markup
        b'<meta charset="raw_unicode_escape">\\u003cp\\u003e',
        b'<meta charset="rot13"><p>uryyb</p>',
        b'<meta charset="punycode"><p>abc-</p>',
    ],
)
def test_hostile_labels_are_ignored(data: bytes) -> None:
    """A Python-only codec named by a page is ignored: the bytes read as UTF-8, unchanged."""
    assert decode(data) == data.decode("utf-8")


def test_forged_embed_through_an_escape_codec_gives_no_post() -> None:
    """A page cannot turn escaped text into embed markup by naming an escape codec."""
    page = (
        b'<meta charset="unicode_escape"><p>\\x3cblockquote class=\\x22twitter-tweet\\x22\\x3e'
        b"\\x3cp\\x3eForged\\x3c/p\\x3e&mdash; Ada (@ada) "
        b"\\x3ca href=\\x22https://twitter.com/ada/status/20\\x22\\x3eMarch 30, 2022\\x3c/a\\x3e"
        b"\\x3c/blockquote\\x3e</p>"
    )
    assert extract(page) == []


def test_replacement_labels_decode_to_one_replacement_character() -> None:
    """ISO-2022-KR and its kin are read as browsers read them: one U+FFFD."""
    assert decode(b'<meta charset="iso-2022-kr"><p>hello</p>') == "\ufffd"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        # Russian in windows-1251, no declaration (was read as windows-1252 mojibake)
        ("<p>Привет, это текст поста о погоде в Москве и ещё немного слов.</p>", "cp1251"),
        # Russian in KOI8-R, no declaration
        ("<p>Привет, это текст поста о погоде в Москве и ещё немного слов.</p>", "koi8_r"),
        # Greek in windows-1253
        ("<p>Γειά σου κόσμε, αυτό είναι ένα κείμενο για τον καιρό.</p>", "cp1253"),
        # Japanese in Shift_JIS
        ("<p>こんにちは、これは投稿のテキストです。天気の話。</p>", "cp932"),
        # UTF-16 without a byte-order mark, both byte orders, two scripts
        ("<p>Привет, это текст поста о погоде</p>", "utf-16-le"),
        ("<p>Hello there, this is a post about ferries.</p>", "utf-16-be"),
    ],
)
def test_undeclared_legacy_text_is_detected(text: str, codec: str) -> None:
    """Undeclared bytes that are not UTF-8 are read in the encoding they were written in."""
    pytest.importorskip("charset_normalizer")
    assert decode(text.encode(codec)) == text


def test_undeclared_utf16_without_bom_needs_no_detector() -> None:
    """UTF-16 of an alphabetic script is recognised from its bytes alone."""
    text = "<p>Hello there, this is a post about ferries.</p>"
    assert decode(text.encode("utf-16-le")) == text


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        # the caller's encoding wins over the bytes' own guess
        ("Привет".encode("cp1251"), "windows-1251", "Привет"),
        # and over a <meta> declaration
        ('<meta charset="utf-8">Привет'.encode("koi8_r"), "koi8-r", '<meta charset="utf-8">Привет'),
        # but not over a byte-order mark
        (codecs.BOM_UTF8 + "café".encode(), "windows-1252", "café"),
    ],
)
def test_caller_encoding(data: bytes, encoding: str, expected: str) -> None:
    """``encoding=`` is the transport layer's charset: after the BOM, before the page."""
    assert decode(data, encoding=encoding) == expected


@pytest.mark.parametrize("encoding", ["unicode_escape", "utf-7", "no-such-encoding"])
def test_unknown_caller_encoding_is_a_value_error(encoding: str) -> None:
    """A programmer's unknown label fails at once, naming the standard."""
    with pytest.raises(ValueError, match="WHATWG Encoding Standard"):
        decode(b"hi", encoding=encoding)


def test_extract_takes_the_encoding() -> None:
    """extract(..., encoding=) decodes bytes with it."""
    line = "Текст поста о погоде\n— Ада Пример (@ada_example) March 30, 2022\n"
    [post] = extract(line.encode("cp1251"), encoding="windows-1251")
    assert post.author is not None
    assert (post.author.name, post.text) == ("Ада Пример", "Текст поста о погоде")


def test_extract_refuses_an_encoding_for_a_str() -> None:
    """A str is already decoded: an encoding for it is a mistake, said at once."""
    with pytest.raises(ValueError, match="a str is already decoded"):
        extract("text", encoding="utf-8")
