"""Where each record of a WARC or ARC file begins and ends, and recovery from damage.

A crawler writes one gzip member per record, so a compressed archive is a chain of
members; an uncompressed one is a chain of records whose header gives the length of
what follows.  This module cuts a file into those units and nothing more (the record
parser reads what is inside), because the parser libraries stop at the first damaged
member and lose the rest of the file.  Here a member that does not inflate, or a
record whose declared length does not end at the next record, is reported as a
:class:`Damage` and the reader finds the next good record by scanning forward:

>>> import gzip, io
>>> good = gzip.compress(b"WARC/1.1\\r\\nContent-Length: 0\\r\\n\\r\\n\\r\\n\\r\\n")
>>> units = list(iter_units(io.BytesIO(good + good[:20] + good)))
>>> [(type(unit).__name__, unit.offset) for unit in units]
[('Unit', 0), ('Damage', 50), ('Unit', 70)]

Everything is read in bounded pieces: memory holds one record, never the file.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO, Final

import attrs

__all__ = ["MAX_RECORD_BYTES", "Damage", "Unit", "iter_units"]

#: A record that inflates to more than this is skipped (reported as damage): no
#: page worth reading is that large, and memory stays bounded.
MAX_RECORD_BYTES: Final = 64 * 1024 * 1024

# The first bytes of a gzip member (RFC 1952: magic 1f 8b, method 8 = deflate).
_GZIP_MAGIC: Final = b"\x1f\x8b\x08"
# The start of a WARC record's version line ("WARC/1.0", "WARC/1.1", "WARC/0.18").
_WARC_MAGIC: Final = b"WARC/"
# An ARC record's header line: URL, IP address, 14-digit date, type, length (v1), or
# the v2 line with more fields; the length is always last.
# Example: b"http://example.org/ 192.0.2.1 20240314162451 text/html 512\n".
_ARC_HEADER = re.compile(rb"\A[a-z][a-z0-9+.-]*:\S* \S+ \d{8,14} \S* (?:\S+ ){0,5}\d+\r?\n", re.I)
# A record's header block ends at the first blank line.
_HEADER_END: Final = b"\r\n\r\n"
# Content-Length in a WARC header block: "Content-Length: 1234".
_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)[ \t]*\r?$", re.I | re.M)
# Longest header block or ARC header line accepted.
_MAX_HEADER: Final = 256 * 1024
# Compressed bytes fed to the inflater at a time, and bytes read from the file at a time.
_PIECE: Final = 64 * 1024
_CHUNK: Final = 1024 * 1024


@attrs.frozen
class Unit:
    """One member of a compressed archive, or one record of an uncompressed one."""

    #: Byte offset of the member or record in the file.
    offset: int
    #: Its bytes, decompressed: one record (rarely several, when a writer put them in one member).
    data: bytes


@attrs.frozen
class Damage:
    """A stretch of the file that could not be read, and why; reading went on after it."""

    #: Byte offset where the damage starts.
    offset: int
    #: What was wrong: ``truncated gzip member``, ``corrupt gzip member (…)``, …
    reason: str


def iter_units(
    stream: BinaryIO, *, start: int = 0, end: int | None = None
) -> Iterator[Unit | Damage]:
    """Cut an archive (gzipped or not, WARC or ARC) into records, reporting damage.

    The stream is read from its current position to the end; recovering from
    damage needs ``seek``, without it reading stops at the first damage.

    With ``start`` and ``end`` (byte offsets; the stream must seek), only the
    records that *begin* in ``[start, end)`` are read: the first one is found by
    scanning from ``start`` as after damage, and the last one is read to its end
    even past ``end``.  Slices that tile a file read each record exactly once,
    so that several processes can share one large archive.

    >>> import gzip, io
    >>> record = gzip.compress(b"WARC/1.1\\r\\nContent-Length: 0\\r\\n\\r\\n\\r\\n\\r\\n")
    >>> data = record * 4  # four members of 50 bytes
    >>> [[unit.offset for unit in iter_units(io.BytesIO(data), start=a, end=b)]
    ...  for a, b in [(0, 60), (60, 120), (120, None)]]
    [[0, 50], [100], [150]]
    """
    reader = _Reader(stream)
    head = reader.peek(len(_GZIP_MAGIC))
    compressed = head.startswith(_GZIP_MAGIC)
    units = _gzip_units if compressed else _plain_units
    if not head:
        return
    if start > reader.offset and not _resync(
        reader, start, _next_gzip_member if compressed else _next_plain_record
    ):
        return
    for unit in units(reader):
        if end is not None and unit.offset >= end:
            return
        yield unit


class _Reader:
    """A file read in large chunks, handed out as slices without copying."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._chunk = memoryview(b"")
        self._index = 0
        #: File offset of ``self._chunk[0]``.
        self._base = _tell(stream)

    @property
    def offset(self) -> int:
        return self._base + self._index

    def read(self, size: int) -> memoryview:
        """Up to ``size`` bytes, fewer at a chunk's end; empty at the end of the file."""
        if self._index >= len(self._chunk) and not self._fill():
            return memoryview(b"")
        piece = self._chunk[self._index : self._index + size]
        self._index += len(piece)
        return piece

    def unread(self, size: int) -> None:
        """Step back over the last ``size`` bytes read (never more than the last read)."""
        self._index -= size

    def peek(self, size: int) -> bytes:
        """The next ``size`` bytes (fewer at the end), without consuming them."""
        if len(self._chunk) - self._index < size:
            # Carry the unread rest into a new chunk: works on streams that cannot seek.
            rest = bytes(self._chunk[self._index :])
            more = [rest]
            have = len(rest)
            while have < size:
                data = self._stream.read(max(_CHUNK, size - have))
                if not data:
                    break
                more.append(data)
                have += len(data)
            self._base += self._index
            self._chunk = memoryview(b"".join(more))
            self._index = 0
        return bytes(self._chunk[self._index : self._index + size])

    def read_exact(self, size: int) -> bytes:
        """``size`` bytes, fewer only at the end of the file."""
        parts = []
        wanted = size
        while wanted > 0:
            piece = self.read(wanted)
            if not piece:
                break
            parts.append(bytes(piece))
            wanted -= len(piece)
        return b"".join(parts)

    def seek(self, offset: int) -> bool:
        """Move to ``offset``; False when the stream cannot seek."""
        if self._base <= offset <= self._base + len(self._chunk):
            self._index = offset - self._base
            return True
        try:
            self._stream.seek(offset)
        except (OSError, AttributeError, ValueError):
            return False
        self._chunk = memoryview(b"")
        self._index = 0
        self._base = offset
        return True

    def _fill(self) -> bool:
        self._base += len(self._chunk)
        self._chunk = memoryview(self._stream.read(_CHUNK))
        self._index = 0
        return len(self._chunk) > 0


def _tell(stream: BinaryIO) -> int:
    try:
        return stream.tell()
    except (OSError, AttributeError, ValueError):
        return 0


# --- gzip members ----------------------------------------------------------------------------


def _gzip_units(reader: _Reader) -> Iterator[Unit | Damage]:
    while True:
        start = reader.offset
        head = reader.peek(len(_GZIP_MAGIC))
        if not head:
            return
        if head != _GZIP_MAGIC:
            yield Damage(start, "not a gzip member")
        else:
            result = _inflate_member(reader)
            if isinstance(result, bytes):
                yield Unit(start, result)
                continue
            yield Damage(start, result)
        if not _resync(reader, start + 1, _next_gzip_member):
            return


def _inflate_member(reader: _Reader) -> bytes | str:
    """The member at the reader's position, inflated; or why it could not be."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    parts: list[bytes] = []
    size = 0
    try:
        while not inflater.eof:
            piece = reader.read(_PIECE)
            if not piece:
                return "truncated gzip member"
            out = inflater.decompress(piece)
            size += len(out)
            if size <= MAX_RECORD_BYTES:
                parts.append(out)
            if inflater.eof:
                reader.unread(len(inflater.unused_data))
    except zlib.error as exc:
        return f"corrupt gzip member ({exc})"
    if size > MAX_RECORD_BYTES:
        return f"record larger than {MAX_RECORD_BYTES // (1024 * 1024)} MiB"
    return b"".join(parts)


def _next_gzip_member(window: bytes, at: int) -> int:
    return window.find(_GZIP_MAGIC, at)


def _starts_record(data: bytes) -> bool:
    return data.startswith(_WARC_MAGIC) or _ARC_HEADER.match(data) is not None


def _is_good_member_start(reader: _Reader, offset: int) -> bool:
    # A candidate magic is taken only if its first bytes inflate to a record's
    # first line: three bytes alone occur by chance inside compressed data.
    reader.seek(offset)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(reader.read_exact(4096), 512)
    except zlib.error:
        return False
    return _starts_record(out)


# --- uncompressed records --------------------------------------------------------------------


def _plain_units(reader: _Reader) -> Iterator[Unit | Damage]:
    while True:
        _skip_blank_lines(reader)
        start = reader.offset
        if not reader.peek(1):
            return
        result = _read_plain_record(reader)
        if isinstance(result, bytes):
            yield Unit(start, result)
            continue
        yield Damage(start, result)
        if not _resync(reader, start + 1, _next_plain_record):
            return


def _skip_blank_lines(reader: _Reader) -> None:
    while True:
        byte = reader.read(1)
        if not byte:
            return
        if bytes(byte) not in (b"\r", b"\n"):
            reader.unread(1)
            return


def _read_plain_record(reader: _Reader) -> bytes | str:
    head = reader.peek(_MAX_HEADER)
    if head.startswith(_WARC_MAGIC):
        end = head.find(_HEADER_END)
        if end < 0:
            return "WARC header without an end"
        header_length = end + len(_HEADER_END)
        match = _CONTENT_LENGTH.search(head, 0, end + 2)
        if match is None:
            return "WARC header without Content-Length"
        length = header_length + int(match[1])
        trailer = _HEADER_END
    else:
        line = _ARC_HEADER.match(head)
        if line is None:
            return "not a WARC or ARC record"
        header_length = line.end()
        length = header_length + int(line[0].split()[-1])
        trailer = b"\n"
    if length > MAX_RECORD_BYTES:
        return f"record larger than {MAX_RECORD_BYTES // (1024 * 1024)} MiB"
    record = reader.read_exact(length)
    if len(record) < length:
        return "truncated record"
    # What follows must be the record's trailer and then the next record (or the
    # end): otherwise the declared length is wrong and the record is cut or padded.
    after = reader.peek(len(trailer) + len(_WARC_MAGIC))
    if not (after.startswith(trailer) or not after.strip(b"\r\n")):
        return "record length does not match its content"
    reader.read_exact(min(len(trailer), len(after)))
    return record


def _next_plain_record(window: bytes, at: int) -> int:
    found = window.find(b"\n" + _WARC_MAGIC, max(at - 1, 0))
    return found + 1 if found >= 0 else -1


# --- recovery --------------------------------------------------------------------------------


def _resync(reader: _Reader, offset: int, find: Callable[[bytes, int], int]) -> bool:
    """Move the reader to the first good record start at or after ``offset``."""
    while True:
        if not reader.seek(offset):
            return False
        window = reader.read_exact(_CHUNK)
        if not window:
            return True  # the end of the file: nothing more to read
        at = 0
        while (found := find(window, at)) >= 0:
            candidate = offset + found
            if _is_good_start(reader, candidate):
                return reader.seek(candidate)
            at = found + 1
        # Keep a few bytes of overlap: a marker may straddle two windows.
        if len(window) < _CHUNK:
            reader.seek(offset + len(window))
            return True
        offset += len(window) - len(_WARC_MAGIC)


def _is_good_start(reader: _Reader, offset: int) -> bool:
    reader.seek(offset)
    head = reader.peek(len(_GZIP_MAGIC))
    if head == _GZIP_MAGIC:
        return _is_good_member_start(reader, offset)
    reader.seek(offset)
    return _starts_record(reader.peek(1024))
