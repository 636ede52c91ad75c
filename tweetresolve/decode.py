"""Bytes to text: how a page's bytes become the string every detector reads.

The rules are a browser's, from the WHATWG Encoding Standard and the HTML
standard's encoding sniffing, reduced to what a saved page can tell:

1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins over everything;
2. else an encoding the caller knows (``encoding=``: an HTTP ``charset``, a
   command-line option);
3. else a ``<meta charset>``, ``<meta http-equiv="Content-Type">`` or XML
   declaration near the start;
4. else the bytes decide: UTF-8 when they are valid UTF-8; UTF-16 without a BOM
   when every other byte is NUL; a detector's best guess for other legacy bytes
   (:mod:`charset_normalizer`, when installed); windows-1252 as the last resort.

Only the Encoding Standard's labels are accepted, mapped as browsers map them
(``latin1``, ``iso-8859-1`` and ``ascii`` mean windows-1252; ``gb2312`` means
GBK; a UTF-16 label inside the page means UTF-8, since the page was readable as
ASCII).  Anything else, Python codec names such as ``unicode_escape``, ``idna``
or ``rot13`` included, is ignored as browsers ignore it: a page cannot make the
decoder turn ``\\x3c`` in its text into markup.

>>> decode("café".encode("utf-8"))
'café'
>>> decode('<meta charset="iso-8859-1"><p>caf\\xe9'.encode("latin-1"))[-4:]
'café'
>>> decode(b"\\xef\\xbb\\xbfhello")
'hello'
>>> decode(b'<meta charset="unicode_escape">\\\\x3cb\\\\x3e')
'<meta charset="unicode_escape">\\\\x3cb\\\\x3e'
>>> encoding_for_label(" Latin1 "), encoding_for_label("unicode_escape")
('windows-1252', None)
"""

from __future__ import annotations

import codecs
import importlib
import logging
import re
import warnings
from typing import Any, Final

__all__ = ["decode", "encoding_for_label", "python_codec"]

logger = logging.getLogger(__name__)

# The WHATWG Encoding Standard's encodings: name -> (Python codec, labels).  The
# labels are the standard's, matched after trimming ASCII white space and
# lower-casing.  Where Python's codec of the same name decodes less than the
# browsers' decoder, the browsers' superset is used (GBK -> gb18030, Big5 ->
# big5hkscs, Shift_JIS -> cp932, EUC-KR -> cp949).
_ENCODINGS: Final[dict[str, tuple[str, str]]] = {
    "utf-8": ("utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
    "ibm866": ("cp866", "866 cp866 csibm866 ibm866"),
    "iso-8859-2": (
        "iso8859-2",
        "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    ),
    "iso-8859-3": (
        "iso8859-3",
        "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    ),
    "iso-8859-4": (
        "iso8859-4",
        "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    ),
    "iso-8859-5": (
        "iso8859-5",
        "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 "
        "iso_8859-5:1988",
    ),
    "iso-8859-6": (
        "iso8859-6",
        "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 "
        "iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    ),
    "iso-8859-7": (
        "iso8859-7",
        "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 "
        "iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    ),
    "iso-8859-8": (
        "iso8859-8",
        "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 "
        "iso88598 iso_8859-8 iso_8859-8:1988 visual",
    ),
    "iso-8859-8-i": ("iso8859-8", "csiso88598i iso-8859-8-i logical"),
    "iso-8859-10": (
        "iso8859-10",
        "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    ),
    "iso-8859-13": ("iso8859-13", "iso-8859-13 iso8859-13 iso885913"),
    "iso-8859-14": ("iso8859-14", "iso-8859-14 iso8859-14 iso885914"),
    "iso-8859-15": (
        "iso8859-15",
        "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    ),
    "iso-8859-16": ("iso8859-16", "iso-8859-16"),
    "koi8-r": ("koi8-r", "cskoi8r koi koi8 koi8-r koi8_r"),
    "koi8-u": ("koi8-u", "koi8-ru koi8-u"),
    "macintosh": ("mac-roman", "csmacintosh mac macintosh x-mac-roman"),
    "windows-874": (
        "cp874",
        "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    ),
    "windows-1250": ("cp1250", "cp1250 windows-1250 x-cp1250"),
    "windows-1251": ("cp1251", "cp1251 windows-1251 x-cp1251"),
    "windows-1252": (
        "cp1252",
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 "
        "iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    ),
    "windows-1253": ("cp1253", "cp1253 windows-1253 x-cp1253"),
    "windows-1254": (
        "cp1254",
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
        "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254",
    ),
    "windows-1255": ("cp1255", "cp1255 windows-1255 x-cp1255"),
    "windows-1256": ("cp1256", "cp1256 windows-1256 x-cp1256"),
    "windows-1257": ("cp1257", "cp1257 windows-1257 x-cp1257"),
    "windows-1258": ("cp1258", "cp1258 windows-1258 x-cp1258"),
    "x-mac-cyrillic": ("mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    "gbk": (
        "gb18030",
        "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk",
    ),
    "gb18030": ("gb18030", "gb18030"),
    "big5": ("big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    "euc-jp": ("euc-jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    "iso-2022-jp": ("iso2022-jp-ext", "csiso2022jp iso-2022-jp"),
    "shift_jis": ("cp932", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    "euc-kr": (
        "cp949",
        "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
        "ksc_5601 windows-949",
    ),
    # ISO-2022-KR/CN and HZ can smuggle markup past a filter: browsers decode a
    # page so labelled to a single U+FFFD, and so does decode().
    "replacement": ("", "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr"),
    "utf-16be": ("utf-16-be", "unicodefffe utf-16be"),
    "utf-16le": (
        "utf-16-le",
        "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
    ),
    # Browsers give x-user-defined its own table of private-use characters;
    # as a page's label it means windows-1252, which is what is used here.
    "x-user-defined": ("cp1252", "x-user-defined"),
}

_LABELS: Final[dict[str, str]] = {
    label: name for name, (_, labels) in _ENCODINGS.items() for label in labels.split()
}

# "Get an encoding" trims ASCII white space only: TAB, LF, FF, CR and SPACE.
_ASCII_WHITESPACE: Final = "\t\n\f\r "

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
)

# How far the <meta> prescan looks.  The HTML standard says 1024 bytes; pages
# that put <meta charset> after a long head of scripts are read right by
# browsers (they reparse), so an undeclared, non-UTF-8 page is searched further.
_PRESCAN_BYTES: Final = 1024
_LATE_DECLARATION_BYTES: Final = 65536

# A charset in a <meta> tag, in either form, value quoted or not.  Bounded, so
# a hostile "<meta" followed by megabytes costs a bounded look each.
# Examples: b'<meta charset="utf-8">', b'<META HTTP-EQUIV="Content-Type"
# CONTENT="text/html; charset=iso-8859-2">', b"<meta charset=koi8-r>".
_META_CHARSET: Final = re.compile(
    rb"""<meta(?=[\s/])[^>]{0,512}?charset\s*=\s*["']?\s*([^\s"';/>]{1,64})""",
    re.IGNORECASE,
)

# An XML declaration at the very start (XHTML pages).
# Example: b'<?xml version="1.0" encoding="ISO-8859-15"?>'.
_XML_DECLARATION: Final = re.compile(
    rb"""\s{0,64}<\?xml\s[^>]{0,256}?encoding\s*=\s*["']([^"']{1,64})["']""",
    re.IGNORECASE,
)

# Share of control bytes among the odd (or even) positions of a sample above
# which undeclared bytes are taken as UTF-16 without a BOM: text in an
# alphabetic script spelled in UTF-16 has its block number in every other byte
# (0x00 Latin, 0x03 Greek, 0x04 Cyrillic, 0x05 Hebrew, 0x06 Arabic ...), bytes
# that UTF-8 and legacy text hardly ever hold.  (UTF-16 Chinese or Japanese has
# no such bytes; it is seldom valid UTF-8 and goes to the detector.)
_UTF16_SAMPLE_BYTES: Final = 4096
_UTF16_CONTROL_SHARE: Final = 0.4
_UTF16_MIN_CHARS: Final = 16
_UTF16_READABLE_SHARE: Final = 0.95
_CONTROL_BYTES: Final = frozenset({*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)})
_NOT_CONTROL_BYTES: Final = bytes(b for b in range(256) if b not in _CONTROL_BYTES)

# The detector is asked only about undeclared bytes that are not UTF-8; it
# reads a bounded sample (its own default steps over the whole input).
_DETECTOR_SAMPLE_BYTES: Final = 65536

# With fewer non-ASCII bytes than this, a guess is a coin toss: windows-1252.
_DETECTOR_MIN_EVIDENCE: Final = 8
_ASCII_BYTES: Final = bytes(range(128))

# The legacy encodings the detector chooses among (Python codec names).  Its
# guesses between the Latin ones (cp1250, cp1252, cp1257 ...) are unreliable on
# short texts and differ in a few letters only, so a Latin guess gives
# windows-1252, the browsers' default; a guess of another script is taken.
_LATIN_CANDIDATES: Final = ("cp1252", "cp1250", "cp1254", "cp1257", "iso8859_2", "iso8859_15")
_OTHER_SCRIPT_CANDIDATES: Final = (
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic",  # Cyrillic
    "cp1253", "iso8859_7",  # Greek
    "cp1255", "iso8859_8",  # Hebrew
    "cp1256", "iso8859_6",  # Arabic
    "cp874",  # Thai
    "gb18030", "big5hkscs", "euc_jp", "cp932", "cp949",  # Chinese, Japanese, Korean
    "utf_16_le", "utf_16_be",  # UTF-16 without a BOM in those scripts
)  # fmt: skip


def encoding_for_label(label: str) -> str | None:
    """The Encoding Standard's name for ``label``, or None for a label browsers do not know.

    >>> encoding_for_label("ISO-8859-1"), encoding_for_label("gb2312"), encoding_for_label("utf8")
    ('windows-1252', 'gbk', 'utf-8')
    >>> encoding_for_label("idna") is None, encoding_for_label("utf-8\\x00") is None
    (True, True)
    """
    if not isinstance(label, str):
        raise TypeError(f"label must be a str, got {type(label).__name__}")
    return _LABELS.get(label.strip(_ASCII_WHITESPACE).lower())


def python_codec(encoding: str) -> str:
    """The Python codec that decodes an Encoding Standard encoding as browsers do.

    >>> python_codec("windows-1252"), python_codec("shift_jis")
    ('cp1252', 'cp932')
    """
    return _ENCODINGS[encoding][0]


def decode(document: bytes, *, encoding: str | None = None) -> str:
    """Decode a document's bytes as a browser would; never raises on content.

    ``encoding`` is what the caller knows from outside the bytes (an HTTP
    ``charset``, a command-line option): an Encoding Standard label, used unless
    the bytes start with a byte-order mark (or it is a windows-1252 label over
    bytes that are valid non-ASCII UTF-8, which no windows-1252 text is).  An
    unknown label raises ``ValueError``.  Undecodable bytes become U+FFFD.

    >>> decode("Привет".encode("cp1251"), encoding="windows-1251")
    'Привет'
    >>> decode("UTF-16 without a byte-order mark".encode("utf-16-le"))
    'UTF-16 without a byte-order mark'
    """
    if not isinstance(document, bytes):
        raise TypeError(f"decode() expects bytes, got {type(document).__name__}")
    forced = _forced_encoding(encoding)
    for bom, codec in _BOMS:
        if document.startswith(bom):
            return _decode_as(document[len(bom) :], codec)
    if forced is not None:
        return _decode_with(document, _unless_mislabelled(forced, document))
    declared = _declared_encoding(document, _PRESCAN_BYTES)
    if declared is None and not _is_utf8(document):
        declared = _declared_encoding(document, _LATE_DECLARATION_BYTES)
    if declared is not None:
        if declared in ("utf-16be", "utf-16le"):
            # The declaration was read as ASCII bytes, so the page is not UTF-16.
            declared = "utf-8"
        return _decode_with(document, _unless_mislabelled(declared, document))
    return _decode_undeclared(document)


def _unless_mislabelled(encoding: str, data: bytes) -> str:
    # A windows-1252 label (latin1, ascii …) over bytes that are valid, non-ASCII
    # UTF-8 is wrong (CMS templates, server defaults): the bytes are right.
    if encoding == "windows-1252" and not data.isascii() and _is_utf8(data):
        return "utf-8"
    return encoding


def _forced_encoding(label: str | None) -> str | None:
    if label is None:
        return None
    if not isinstance(label, str):
        raise TypeError(f"encoding must be a str or None, got {type(label).__name__}")
    name = encoding_for_label(label)
    if name is None:
        raise ValueError(
            f"unknown encoding {label!r}: give a label of the WHATWG Encoding Standard, "
            "such as 'utf-8', 'windows-1251', 'shift_jis' or 'utf-16le'"
        )
    return name


def _declared_encoding(data: bytes, limit: int) -> str | None:
    head = data[:limit]
    found = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    while found is not None:
        label = found.group(1).decode("ascii", "replace")
        name = encoding_for_label(label)
        if name is not None:
            return name
        # An unknown label is skipped, as the prescan does, and the next one tried.
        found = _META_CHARSET.search(head, found.end())
    return None


def _decode_with(data: bytes, encoding: str) -> str:
    if encoding == "replacement":
        return "\ufffd" if data else ""
    return _decode_as(data, python_codec(encoding))


def _decode_as(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec, errors="replace")
    except (UnicodeError, LookupError):  # a codec bug on odd bytes; never the caller's problem
        logger.debug("codec %s failed; reading the bytes as windows-1252", codec, exc_info=True)
        return data.decode("cp1252", errors="replace")


def _decode_undeclared(data: bytes) -> str:
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _decode_as(data, utf16)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guessed = _detected_codec(data)
    if guessed is not None:
        return _decode_as(data, guessed)
    # windows-1252 maps almost every byte, so most legacy pages read correctly;
    # the five unmapped bytes become U+FFFD.
    return data.decode("cp1252", errors="replace")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:_UTF16_SAMPLE_BYTES]
    pairs = len(sample) // 2
    if pairs < _UTF16_MIN_CHARS:
        return None
    even = len(sample[0 : 2 * pairs : 2].translate(None, _NOT_CONTROL_BYTES))
    odd = len(sample[1 : 2 * pairs : 2].translate(None, _NOT_CONTROL_BYTES))
    if odd >= _UTF16_CONTROL_SHARE * pairs and even < odd / 4:
        codec = "utf-16-le"
    elif even >= _UTF16_CONTROL_SHARE * pairs and odd < even / 4:
        codec = "utf-16-be"
    else:
        return None
    # Read that way, the sample must be text: letters, marks, punctuation, spaces.
    text = sample[: 2 * pairs].decode(codec, errors="replace")
    readable = sum(1 for char in text if char.isprintable() or char in "\t\n\r")
    return codec if readable >= _UTF16_READABLE_SHARE * len(text) else None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detected_codec(data: bytes) -> str | None:
    """A detector's encoding for undeclared legacy bytes in a non-Latin script, or None."""
    sample = data[:_DETECTOR_SAMPLE_BYTES]
    if len(sample.translate(None, _ASCII_BYTES)) < _DETECTOR_MIN_EVIDENCE:
        return None
    detector = _charset_normalizer()
    if detector is None:
        return None
    try:
        with warnings.catch_warnings():
            # The detector's own warnings are about its guess, never the caller's concern.
            warnings.simplefilter("ignore")
            best = detector.from_bytes(
                sample, cp_isolation=[*_LATIN_CANDIDATES, *_OTHER_SCRIPT_CANDIDATES]
            ).best()
    except Exception:  # a detector bug must not cost the document
        logger.debug("encoding detection failed", exc_info=True)
        return None
    if best is None:
        return None
    try:
        codec = codecs.lookup(str(best.encoding)).name
    except LookupError:
        return None
    if codec not in _OTHER_SCRIPT_CODECS:
        return None
    return codec


_OTHER_SCRIPT_CODECS: Final = frozenset(codecs.lookup(c).name for c in _OTHER_SCRIPT_CANDIDATES)

_NOT_LOADED: Final = object()
_detector: Any = _NOT_LOADED


def _charset_normalizer() -> Any:
    # Imported on first need: most documents are UTF-8 and never ask.
    global _detector  # noqa: PLW0603 - a memo of one optional import
    if _detector is _NOT_LOADED:
        try:
            _detector = importlib.import_module("charset_normalizer")
        except ImportError:
            _detector = None
    return _detector
