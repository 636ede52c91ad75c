"""Reading posts out of WARC and ARC files (``tweetresolve.archives``)."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import zlib
from pathlib import Path

import pytest

pytest.importorskip("fastwarc", reason="the warc extra (FastWARC) is not installed")

from warc_fixtures import (
    PAGES,
    Response,
    archive_members,
    default_responses,
    tweet_page,
    write_archive,
    write_with_warcio,
)

import tweetresolve as tr
from tweetresolve.archives import (
    ArchiveDamage,
    extract_archive,
    is_archive_name,
    read_archive,
)


def expected_posts(uri: str) -> list[tr.Post]:
    """What ``extract()`` finds in the invented page at ``uri``, read in memory."""
    return tr.extract(PAGES[uri].encode("utf-8"), base_url=uri)


def without_origin(post: tr.Post) -> tr.Post:
    """The post with its origin removed, to compare with ``extract()``."""
    return tr.Post.from_dict({**post.to_dict(), "origin": None})


@pytest.mark.parametrize(
    ("fmt", "compress"),
    [
        ("warc", True),  # record-at-a-time gzip members, as crawlers write
        ("warc", False),  # an uncompressed WARC
        ("arc", True),  # the legacy ARC format, gzipped
        ("arc", False),  # and plain
    ],
)
def test_posts_match_extract_on_the_same_pages(tmp_path: Path, fmt: str, compress: bool) -> None:
    """Every format gives exactly the posts extract() finds in the pages, with their origin."""
    name = f"crawl.{fmt}" + (".gz" if compress else "")
    path = write_archive(tmp_path / name, fmt=fmt, compress=compress)
    posts = list(extract_archive(path))
    expected = [p for uri in PAGES for p in expected_posts(uri)]
    assert [without_origin(p) for p in posts] == expected
    assert len(posts) == 3
    uris = [p.origin.uri for p in posts if p.origin]
    assert uris == ["https://news.example/a", "https://news.example/b", "https://blog.example/c"]
    first = posts[0].origin
    assert first is not None
    assert first.file == str(path)
    assert first.date == dt.datetime(2024, 3, 14, 16, 24, 51, tzinfo=dt.timezone.utc)
    if fmt == "warc":
        assert first.record_id == "<urn:uuid:00000000-0000-4000-8000-000000000002>"
    else:
        assert first.record_id is None


def test_arc_v2_header_lines(tmp_path: Path) -> None:
    """ARC v2 header lines (result code, checksum, location, offset, file name) read too."""
    uri = "https://news.example/a"
    body = PAGES[uri].encode()
    block = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    line = f"{uri} 192.0.2.1 20240314162451 text/html 200 ABCDEF - 0 old.arc {len(block)}\n"
    path = tmp_path / "old.arc.gz"
    path.write_bytes(gzip.compress(line.encode() + block + b"\n"))
    [post] = extract_archive(path)
    assert without_origin(post) == expected_posts(uri)[0]
    assert post.origin is not None
    assert (post.origin.uri, post.origin.record_id) == (uri, None)


def test_offsets_point_at_the_records(tmp_path: Path) -> None:
    """An origin's offset is where its gzip member starts: reading from there gives its page."""
    path = write_archive(tmp_path / "crawl.warc.gz")
    data = path.read_bytes()
    for post in extract_archive(path):
        assert post.origin is not None
        assert post.origin.offset is not None
        member = zlib.decompressobj(31).decompress(data[post.origin.offset :])
        assert post.origin.uri.encode() in member.split(b"\r\n\r\n", 1)[0]


def test_a_warc_written_by_warcio_reads_the_same(tmp_path: Path) -> None:
    """A file from another writer (warcio, with digests and its own headers) reads the same."""
    path = write_with_warcio(tmp_path / "other.warc.gz", PAGES)
    posts = list(extract_archive(path))
    assert [without_origin(p) for p in posts] == [p for uri in PAGES for p in expected_posts(uri)]
    assert all(
        p.origin and p.origin.record_id and p.origin.record_id.startswith("<urn:uuid:")
        for p in posts
    )


def test_relative_links_resolve_against_the_target_uri(tmp_path: Path) -> None:
    """WARC-Target-URI is the base URL: a protocol-relative embed takes the page's scheme."""
    uri = "https://news.example/b"
    [post] = [
        p for p in extract_archive(write_archive(tmp_path / "c.warc")) if p.platform == "youtube"
    ]
    assert post.post_id == "AbCdEfGhIjK"
    assert [without_origin(post)] == tr.extract(PAGES[uri], base_url=uri)


PAGE = tweet_page("1768312345678901250", "north_wind", "Ветер с севера")


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        # The HTTP charset decides when the page declares none.
        ((("Content-Type", "text/html; charset=windows-1251"),), PAGE.encode("cp1251")),
        # and wins over a <meta> charset, as in a browser.
        (
            (("Content-Type", "text/html; charset=koi8-r"),),
            tweet_page(
                "1768312345678901250", "north_wind", "Ветер с севера", charset_meta="utf-8"
            ).encode("koi8_r"),
        ),
        # A body archived with its content coding is decompressed.
        (
            (("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")),
            gzip.compress(PAGE.encode()),
        ),
        # A chunked body is de-chunked.
        (
            (("Content-Type", "text/html; charset=utf-8"), ("Transfer-Encoding", "chunked")),
            b"%x\r\n%s\r\n0\r\n\r\n" % (len(PAGE.encode()), PAGE.encode()),
        ),
        # A header announcing a coding the stored body no longer has: the body as stored.
        ((("Content-Type", "text/html"), ("Content-Encoding", "gzip")), PAGE.encode()),
        # No Content-Type at all: the body is sniffed, and this one is HTML.
        ((), PAGE.encode()),
        # A byte-order mark outranks the header's charset.
        ((("Content-Type", "text/html; charset=iso-8859-1"),), b"\xef\xbb\xbf" + PAGE.encode()),
    ],
)
def test_bodies_are_decoded_as_a_browser_would(
    tmp_path: Path, headers: tuple[tuple[str, str], ...], body: bytes
) -> None:
    """Charset, content and transfer codings of the archived response are honoured."""
    response = Response("https://ru.example/news", body, headers)
    [post] = extract_archive(write_archive(tmp_path / "r.warc.gz", [response]))
    assert post.text == "Ветер с севера"
    assert post.post_id == "1768312345678901250"


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        ((("Content-Type", "image/png"),), b"\x89PNG\r\n" + PAGE.encode()),  # not HTML
        ((("Content-Type", "application/json"),), json.dumps({"html": PAGE}).encode()),  # not HTML
        ((), b"\x89PNG\r\n\x1a\n"),  # no type, and not HTML when sniffed
    ],
)
def test_non_html_responses_are_skipped(
    tmp_path: Path, headers: tuple[tuple[str, str], ...], body: bytes
) -> None:
    """Only HTML responses are read as pages."""
    path = write_archive(tmp_path / "x.warc.gz", [Response("https://img.example/x", body, headers)])
    assert list(read_archive(path)) == []


def test_request_and_metadata_records_are_skipped(tmp_path: Path) -> None:
    """Records other than responses never give pages, even when their block is HTML."""
    responses = [
        Response("https://news.example/a", PAGE.encode(), kind=kind)
        for kind in ("request", "metadata", "resource")
    ]
    assert list(read_archive(write_archive(tmp_path / "y.warc.gz", responses))) == []


def _damaged(members: list[bytes], how: str) -> bytes:
    """The members joined, the second one (the first page's response) damaged ``how``."""
    third = members[1]
    damaged = {
        "truncated": third[: len(third) // 2],  # cut short, the next member follows
        "corrupt": third[:12] + bytes(b ^ 0x5A for b in third[12:40]) + third[40:],  # bit rot
        "garbage": b"\x1f\x8b\x08\x00 not a member at all " + third,  # junk before a good member
    }[how]
    return members[0] + damaged + b"".join(members[2:])


@pytest.mark.parametrize("how", ["truncated", "corrupt", "garbage"])
def test_a_damaged_member_is_reported_and_the_rest_is_read(tmp_path: Path, how: str) -> None:
    """A member that does not inflate is skipped with a report; every later record is still read."""
    members = archive_members(default_responses())
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(_damaged(members, how))
    damage: list[ArchiveDamage] = []
    uris = [p.origin.uri for p in read_archive(path, on_damage=damage.append)]
    assert len(damage) == 1
    assert damage[0].offset == len(members[0])
    assert damage[0].file == str(path)
    # The damaged member is the first page: it is lost unless the junk was before it.
    expected = [uri for uri in PAGES if how == "garbage" or uri != "https://news.example/a"]
    assert uris == expected


def test_a_truncated_last_member_is_reported(tmp_path: Path) -> None:
    """A file cut short in its last member reports it and keeps every record before it."""
    members = archive_members(default_responses())
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(b"".join(members)[:-30])
    damage: list[ArchiveDamage] = []
    uris = [p.origin.uri for p in read_archive(path, on_damage=damage.append)]
    assert uris == list(PAGES)[:-1]
    assert [d.reason for d in damage] == ["truncated gzip member"]


@pytest.mark.parametrize("cut", [200, -30])  # in the headers; in the body
def test_an_uncompressed_record_cut_short_is_skipped(tmp_path: Path, cut: int) -> None:
    """In a plain WARC, a record shorter than its Content-Length is reported; the next ones read."""
    records = archive_members(default_responses(), compress=False)
    records[1] = records[1][:cut]
    path = tmp_path / "cut.warc"
    path.write_bytes(b"".join(records))
    damage: list[ArchiveDamage] = []
    uris = [p.origin.uri for p in read_archive(path, on_damage=damage.append)]
    assert uris == list(PAGES)[1:]
    assert len(damage) == 1
    assert damage[0].offset == len(records[0])


def test_a_damage_report_is_logged_by_default(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Without ``on_damage`` the damage is a warning on the library's logger."""
    members = archive_members(default_responses())
    path = tmp_path / "d.warc.gz"
    path.write_bytes(_damaged(members, "truncated"))
    assert len(list(read_archive(path))) == 3
    assert "corrupt gzip member" in caplog.text or "truncated" in caplog.text


def test_streams_and_names(tmp_path: Path) -> None:
    """A binary stream reads like a path; ``name`` sets ``Origin.file``."""
    data = write_archive(tmp_path / "s.warc.gz").read_bytes()
    posts = list(extract_archive(io.BytesIO(data), name="s3://bucket/s.warc.gz"))
    assert {p.origin.file for p in posts if p.origin} == {"s3://bucket/s.warc.gz"}
    with pytest.raises(TypeError, match="path or a binary stream"):
        list(read_archive(42))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CC-MAIN-1.warc.gz", True),  # Common Crawl's names
        ("crawl.WARC", True),  # any case
        ("old.arc.gz", True),  # ARC
        ("page.html.gz", False),  # a gzipped page
        ("warc.txt", False),  # the word alone
    ],
)
def test_archive_names(name: str, expected: bool) -> None:
    """Archive files are recognised by their endings."""
    assert is_archive_name(name) is expected


def test_origin_round_trips_through_json() -> None:
    """A post's origin survives to_dict / JSON / from_dict."""
    origin = tr.Origin(
        uri="https://news.example/a",
        date=dt.datetime(2024, 3, 14, 16, 24, 51, tzinfo=dt.timezone.utc),
        record_id="<urn:uuid:00000000-0000-4000-8000-000000000001>",
        file="crawl.warc.gz",
        offset=1234,
    )
    post = tr.Post(platform="twitter", post_id="20", origin=origin)
    assert tr.Post.from_dict(json.loads(json.dumps(post.to_dict()))) == post
    assert tr.extract(PAGES["https://news.example/a"])[0].origin is None
