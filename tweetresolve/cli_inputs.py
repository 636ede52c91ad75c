"""What ``tweetresolve scan`` reads: files, folders, standard input, gzip, each file once.

:func:`expand_paths` turns the paths given on the command line into the list of
documents to read: folders walked in name order (hidden entries and asset files
skipped), standard input as ``-``, and every file once, however many times it is
named (``scan pages/ pages/a.html``).  :func:`read_source` reads one of them and
decompresses gzip, recognised by its first bytes whatever the file is called
(``gzip -c page.html | tweetresolve scan -`` works).  What is skipped, and why, is
logged at INFO (``tweetresolve scan -v``).
"""

from __future__ import annotations

import gzip
import logging
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "STDIN_SOURCE",
    "SourceError",
    "expand_paths",
    "read_source",
]

logger = logging.getLogger(__name__)

#: Where a document comes from when read on standard input.
STDIN_SOURCE: Final = "-"

# A gzip member can expand a thousandfold; a decompressed document larger than this
# is reported as an error instead of being held in memory.
MAX_DOCUMENT_BYTES: Final = 512 * 1024 * 1024

# The first two bytes of every gzip member (RFC 1952).
_GZIP_MAGIC: Final = b"\x1f\x8b"

# Inside folders, files with these suffixes are skipped: the assets a browser's
# "save page as" or a site mirror stores beside the pages can hold no post text,
# and reading them costs time.  A file named on the command line is always read.
_SKIPPED_SUFFIXES: Final = frozenset(
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".ico", ".svg", ".tif",
        ".tiff", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".css", ".js", ".mjs", ".map",
        ".mp3", ".mp4", ".m4a", ".webm", ".ogg", ".wav", ".mov", ".avi", ".pdf", ".zip",
        ".tar", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".exe", ".dll", ".so", ".pyc",
    }
)  # fmt: skip


class SourceError(ValueError):
    """A document that could not be read; the message names it and says why."""


def expand_paths(paths: Iterable[str]) -> Iterator[tuple[str, int]]:
    """Yield ``(source, size)`` for every document named, folders walked depth first.

    Entries of a folder come in name order, a subfolder's files where the
    subfolder's name sorts.  Symbolic links are followed, each folder read once,
    and each file too: a file reached twice (named and inside a named folder, or
    through a link) is read where it first comes.  A path that does not exist, or
    a folder that cannot be listed, is yielded as is with size 0, so that reading
    it reports the error in order.
    """
    seen_files: set[tuple[int, int]] = set()
    stdin_read = False
    for raw in paths:
        if raw == STDIN_SOURCE:
            if stdin_read:
                logger.info("skipped -: standard input is read once")
                continue
            stdin_read = True
            yield raw, 0
        elif os.path.isdir(raw):
            for path, size in _walk_folder(raw):
                if _first_time(path, seen_files):
                    yield path, size
        elif _first_time(raw, seen_files):
            yield raw, _size(raw)


def _first_time(path: str, seen: set[tuple[int, int]]) -> bool:
    try:
        info = os.stat(path)
    except OSError:
        return True  # reading it will report why it cannot be read
    key = (info.st_dev, info.st_ino)
    if key in seen:
        logger.info("skipped %s: already read (named twice, or linked)", path)
        return False
    seen.add(key)
    return True


def _walk_folder(top: str) -> Iterator[tuple[str, int]]:
    # An explicit stack of iterators, so deep trees cannot hit the recursion limit.
    # Folders already visited (by device and inode) are skipped: a symbolic link
    # back up the tree must not loop.
    stack: list[Iterator[os.DirEntry[str]]] = []
    seen: set[tuple[int, int]] = set()
    if not _enter(top, stack, seen):
        yield top, 0
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            logger.info("skipped %s: hidden", entry.path)
            continue
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if is_folder:
            if not _enter(entry.path, stack, seen):
                yield entry.path, 0
        elif _is_asset(entry.name):
            logger.info("skipped %s: an image, font, script or archive, not a page", entry.path)
        else:
            yield entry.path, _size(entry.path)


def _enter(
    folder: str, stack: list[Iterator[os.DirEntry[str]]], seen: set[tuple[int, int]]
) -> bool:
    """Push ``folder``'s entries unless it was seen; False when it cannot be listed."""
    try:
        info = os.stat(folder)
        key = (info.st_dev, info.st_ino)
        if key in seen:
            logger.info("skipped %s: a folder already read (a link back up the tree)", folder)
        else:
            seen.add(key)
            stack.append(iter(_sorted_entries(folder)))
    except OSError:
        return False
    return True


def _sorted_entries(folder: str) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda entry: entry.name)


def _is_asset(name: str) -> bool:
    lowered = name.lower().removesuffix(".gz")
    return os.path.splitext(lowered)[1] in _SKIPPED_SUFFIXES


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def read_source(source: str) -> bytes:
    """The bytes of a file (or of standard input for ``-``), gzip decompressed.

    Raises :class:`SourceError` with a message naming the source.
    """
    if source == STDIN_SOURCE:
        try:
            data = sys.stdin.buffer.read()
        except (OSError, AttributeError, ValueError) as exc:
            raise SourceError(f"standard input: cannot read: {exc}") from exc
        name = "standard input"
    else:
        try:
            if os.path.isdir(source):
                # Only reached for a folder that could not be listed.
                os.listdir(source)
            data = Path(source).read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise SourceError(f"{source}: cannot read: {reason}") from exc
        name = source
    if data.startswith(_GZIP_MAGIC):
        return _gunzip(name, data)
    return data


def _gunzip(source: str, data: bytes) -> bytes:
    # Decompressed in bounded steps so a small bomb cannot take all memory.
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_DOCUMENT_BYTES + 1)
    except zlib.error as exc:
        raise SourceError(f"{source}: not a valid gzip file: {exc}") from exc
    if len(out) > MAX_DOCUMENT_BYTES:
        limit = MAX_DOCUMENT_BYTES // (1024 * 1024)
        raise SourceError(f"{source}: decompresses to more than {limit} MiB")
    if not inflater.eof:
        raise SourceError(f"{source}: not a valid gzip file: truncated")
    if inflater.unused_data:
        # Several gzip members one after another (allowed by RFC 1952).
        try:
            rest = gzip.decompress(inflater.unused_data)
        except (OSError, EOFError, zlib.error) as exc:
            raise SourceError(f"{source}: not a valid gzip file: {exc}") from exc
        out += rest
    return out
