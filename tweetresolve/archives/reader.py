"""The archived HTML pages of a WARC or ARC file, with where each came from.

:func:`iter_units` cuts the file into records; each record is parsed by FastWARC
(headers, HTTP headers, chunked and compressed bodies decoded as archived).  Only
``response`` records whose HTTP ``Content-Type`` is HTML (or absent, on a body that
looks like HTML) are kept.  ARC records are rewritten as the WARC ``response``
record they stand for, so that one parser reads both formats.

FastWARC is imported on first use, so this module loads without the ``warc`` extra.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, Final

import attrs

from tweetresolve.archives.framing import Damage, Unit, iter_units
from tweetresolve.decode import decode, encoding_for_label
from tweetresolve.html import looks_like_html
from tweetresolve.records import Origin

__all__ = ["ArchiveDamage", "ArchivePage", "page_document", "read_units"]

logger = logging.getLogger(__name__)

#: Media types read as pages; every other response (images, scripts, JSON, PDF) is skipped.
HTML_MEDIA_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})

# An ARC header line, v1 "URL IP DATE TYPE LENGTH" or v2 with more fields before LENGTH.
# Example: b"http://example.org/ 192.0.2.1 20240314162451 text/html 512".
_ARC_LINE = re.compile(rb"\A(\S+) (\S+) (\d{8,14}) (\S*)(?: \S+)* (\d+)\r?\n")
# The WHATWG Encoding Standard reads these labels as windows-1252, as browsers do.
# The record type line of a WARC header; records of other types are passed over
# before the parser is called.  Example: b"WARC-Type: response\r\n".
_RESPONSE_TYPE = re.compile(rb"^warc-type:[ \t]*response[ \t]*\r?$", re.I | re.M)


@attrs.frozen
class ArchivePage:
    """One archived HTML page: its body as archived, and where it came from."""

    #: The record it was read from (also the page's base URL: ``origin.uri``).
    origin: Origin
    #: The HTTP body, with transfer and content codings (chunked, gzip, …) removed.
    content: bytes
    #: The media type of the HTTP ``Content-Type`` (``text/html``), None when absent.
    media_type: str | None = None
    #: The charset the HTTP ``Content-Type`` declares (a Python codec name), or None.
    charset: str | None = None


@attrs.frozen
class ArchiveDamage:
    """A part of an archive that could not be read; the records after it were still read."""

    #: The archive's name or path.
    file: str | None
    #: Byte offset of the damaged member or record.
    offset: int
    #: What was wrong (``truncated gzip member``, ``corrupt gzip member (…)``, …).
    reason: str


def read_units(
    stream: BinaryIO,
    *,
    file: str | None,
    on_damage: Callable[[ArchiveDamage], None],
    start: int = 0,
    end: int | None = None,
) -> Iterator[ArchivePage]:
    """The HTML pages of an archive stream; damage is passed to ``on_damage``.

    ``start`` and ``end`` read a slice: the records that begin in ``[start, end)``.
    """
    for unit in iter_units(stream, start=start, end=end):
        if isinstance(unit, Damage):
            on_damage(ArchiveDamage(file, unit.offset, unit.reason))
            continue
        try:
            yield from _pages_of(unit, file)
        except (OSError, ValueError) as exc:
            on_damage(ArchiveDamage(file, unit.offset, f"unreadable record ({exc})"))


def page_document(page: ArchivePage) -> str | bytes:
    """What to hand ``extract()``: text decoded by the HTTP charset, else the bytes.

    A byte-order mark wins over the header, and the header over a ``<meta>``
    charset, as in a browser; without either, ``extract()`` decides from the bytes.

    >>> origin = Origin(uri="https://example.org/")
    >>> page_document(ArchivePage(origin, "café".encode("cp1252"), "text/html", "iso8859-1"))
    'café'
    >>> page_document(ArchivePage(origin, b"<p>plain", "text/html", None))
    b'<p>plain'
    """
    # Only the web's own labels are used (tweetresolve.decode): a header naming a
    # Python codec such as unicode_escape must not turn escaped text into markup.
    if page.charset is None or encoding_for_label(page.charset) is None:
        return page.content
    return decode(page.content, encoding=page.charset)


def _pages_of(unit: Unit, file: str | None) -> Iterator[ArchivePage]:
    data = unit.data
    record_id_known = True
    if data.startswith(b"WARC/"):
        header_end = data.find(b"\r\n\r\n")
        if _RESPONSE_TYPE.search(data, 0, header_end if header_end >= 0 else len(data)) is None:
            return
    else:
        converted = _arc_as_warc(data)
        if converted is None:
            return
        data, record_id_known = converted, False
    warc = _fastwarc()
    for record in warc.ArchiveIterator(
        io.BytesIO(data), record_types=warc.WarcRecordType.response, parse_http=False
    ):
        page = _page_of(record, unit.offset, file, data)
        if page is not None:
            if not record_id_known:
                page = attrs.evolve(page, origin=attrs.evolve(page.origin, record_id=None))
            yield page


def _page_of(record: Any, offset: int, file: str | None, data: bytes) -> ArchivePage | None:
    uri = record.headers.get("WARC-Target-URI")
    if not uri:
        return None
    origin = Origin(
        uri=uri, date=_utc(record.record_date), record_id=record.record_id, file=file, offset=offset
    )
    record.parse_http(auto_decode="all")
    if record.http_headers is None:
        return None
    media_type = _media_type(record.http_content_type)
    if media_type is not None and media_type not in HTML_MEDIA_TYPES:
        return None
    try:
        content = record.reader.read()
    except OSError:
        # A body whose headers announce a coding it does not have (a crawler that
        # stored it decoded but kept the header): read it as it is.
        content = _raw_body(data, offset_in_unit=record.stream_pos)
    if media_type is None and not looks_like_html(content[:2048].decode("latin-1")):
        return None
    return ArchivePage(origin, content, media_type, record.http_charset)


def _raw_body(data: bytes, *, offset_in_unit: int) -> bytes:
    warc = _fastwarc()
    stream = io.BytesIO(data)
    stream.seek(offset_in_unit)
    for record in warc.ArchiveIterator(stream, parse_http=False):
        record.parse_http(auto_decode="none")
        return bytes(record.reader.read())
    return b""


def _media_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def _arc_as_warc(data: bytes) -> bytes | None:
    """The WARC response record an ARC record stands for; None for other ARC records."""
    line = _ARC_LINE.match(data)
    if line is None:
        return None
    uri, _address, date, _type, length = line.groups()
    block = data[line.end() : line.end() + int(length)]
    if uri.startswith(b"filedesc:") or not block.startswith(b"HTTP/"):
        return None  # the file's own header, DNS records and other non-HTTP captures
    stamp = (date + b"00000000000000")[:14].decode("ascii")
    warc_date = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[8:10]}:{stamp[10:12]}:{stamp[12:]}Z"
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + b"\r\n"
        b"WARC-Date: " + warc_date.encode("ascii") + b"\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(block)).encode("ascii") + b"\r\n\r\n"
    )
    return head + block + b"\r\n\r\n"


def _fastwarc() -> Any:
    try:
        import fastwarc.warc  # noqa: PLC0415  (optional: the warc extra)
    except ImportError as exc:
        raise ImportError(
            "reading WARC and ARC files needs FastWARC: pip install 'tweetresolve[warc]'"
        ) from exc
    return fastwarc.warc
