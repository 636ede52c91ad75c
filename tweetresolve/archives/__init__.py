"""Posts in web archives: WARC and ARC files, gzipped or not (the ``warc`` extra).

>>> import io, gzip
>>> page = (b'<blockquote class="twitter-tweet"><p>Hello</p>&mdash; Ada (@ada_example) '
...         b'<a href="https://twitter.com/ada_example/status/20">March 21, 2006</a></blockquote>')
>>> http = b"HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\n\\r\\n" + page
>>> record = (b"WARC/1.1\\r\\nWARC-Type: response\\r\\n"
...           b"WARC-Target-URI: https://news.example/a\\r\\nWARC-Date: 2024-03-14T16:24:51Z\\r\\n"
...           b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\\r\\n"
...           b"Content-Type: application/http; msgtype=response\\r\\n"
...           b"Content-Length: %d\\r\\n\\r\\n%s\\r\\n\\r\\n" % (len(http), http))
>>> [post] = extract_archive(io.BytesIO(gzip.compress(record)), name="crawl.warc.gz")
>>> post.post_id, post.origin.uri, post.origin.date.isoformat(), post.origin.offset
('20', 'https://news.example/a', '2024-03-14T16:24:51+00:00', 0)

Each post carries an :class:`~tweetresolve.records.Origin`: the page's address
(also used as the base URL of its relative links), capture date, record id, the
archive's name and the record's byte offset.  A damaged member or record is
reported (logged, or passed to ``on_damage``) and skipped; the rest is read.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from typing import BinaryIO

import attrs

from tweetresolve.archives.reader import ArchiveDamage, ArchivePage, page_document, read_units
from tweetresolve.extract import Kind, extract
from tweetresolve.records import Post

__all__ = [
    "ArchiveDamage",
    "ArchivePage",
    "extract_archive",
    "extract_page",
    "is_archive_name",
    "read_archive",
]

logger = logging.getLogger(__name__)

#: File name endings read as archives.
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")

Source = str | os.PathLike[str] | BinaryIO


def is_archive_name(name: str) -> bool:
    """True for names that end like WARC or ARC files.

    >>> is_archive_name("CC-MAIN-00001.warc.gz"), is_archive_name("page.html.gz")
    (True, False)
    """
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _log_damage(damage: ArchiveDamage) -> None:
    logger.warning("%s: offset %d: %s; skipped", damage.file, damage.offset, damage.reason)


def read_archive(
    source: Source,
    *,
    name: str | None = None,
    on_damage: Callable[[ArchiveDamage], None] | None = None,
) -> Iterator[ArchivePage]:
    """Yield every archived HTML page of a WARC or ARC file, in file order.

    ``source`` is a path or a binary stream; ``name`` is what ``Origin.file``
    says (default: the path, or the stream's ``name``).  Damage goes to
    ``on_damage`` (default: a warning on this module's logger).
    """
    report = on_damage or _log_damage
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        with open(path, "rb") as stream:
            yield from read_units(stream, file=name or path, on_damage=report)
        return
    if not hasattr(source, "read"):
        raise TypeError(f"read_archive() expects a path or a binary stream, got {source!r}")
    label = name if name is not None else getattr(source, "name", None)
    yield from read_units(source, file=label if isinstance(label, str) else None, on_damage=report)


def extract_page(
    page: ArchivePage, *, kind: Kind = "auto", include_links: bool = False
) -> list[Post]:
    """``extract()`` on one archived page, each post stamped with the page's origin."""
    posts = extract(
        page_document(page), base_url=page.origin.uri, kind=kind, include_links=include_links
    )
    return [attrs.evolve(post, origin=page.origin) for post in posts]


def extract_archive(
    source: Source,
    *,
    name: str | None = None,
    kind: Kind = "auto",
    include_links: bool = False,
    on_damage: Callable[[ArchiveDamage], None] | None = None,
) -> Iterator[Post]:
    """Yield the posts of every archived HTML page, page by page in file order."""
    for page in read_archive(source, name=name, on_damage=on_damage):
        yield from extract_page(page, kind=kind, include_links=include_links)
