"""Small invented pages and the WARC and ARC files the archive tests write from them."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs


def tweet_page(post_id: str, handle: str, text: str, *, charset_meta: str | None = None) -> str:
    """An article with one tweet embed (the publish snippet)."""
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return (
        f"<!doctype html><html><head>{meta}<title>News</title></head><body>"
        f"<p>The council met on Tuesday.</p>"
        f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{text}</p>'
        f"&mdash; Invented Person (@{handle}) "
        f'<a href="https://twitter.com/{handle}/status/{post_id}">March 14, 2024</a></blockquote>'
        f"<p>More later.</p></body></html>"
    )


def youtube_page(video_id: str) -> str:
    """A page with a YouTube iframe whose address is protocol-relative."""
    return (
        "<html><body><p>Watch:</p>"
        f'<iframe src="//www.youtube.com/embed/{video_id}" width="560"></iframe>'
        "</body></html>"
    )


PAGES: dict[str, str] = {
    "https://news.example/a": tweet_page(
        "1768312345678901248", "ferry_watch", "Night ferry stays!"
    ),
    "https://news.example/b": youtube_page("AbCdEfGhIjK"),
    "https://blog.example/c": tweet_page("1768312345678901249", "tide_tables", "Low tide at six."),
    "https://blog.example/d": "<html><body><p>No posts on this page.</p></body></html>",
}


@attrs.frozen
class Response:
    """One archived HTTP response."""

    uri: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),)
    date: str = "2024-03-14T16:24:51Z"
    #: Any other WARC record type (``request``, ``metadata``) writes the body as is.
    kind: str = "response"


def default_responses() -> list[Response]:
    """The invented pages, each with a request before it, and an image among them."""
    responses: list[Response] = []
    for uri, page in PAGES.items():
        responses.append(
            Response(uri, b"GET / HTTP/1.1\r\nHost: example\r\n\r\n", (), kind="request")
        )
        responses.append(Response(uri, page.encode("utf-8")))
    responses.insert(
        3,
        Response("https://news.example/logo.png", b"\x89PNG\r\n", (("Content-Type", "image/png"),)),
    )
    return responses


def http_block(response: Response) -> bytes:
    """The HTTP message of a response as archived."""
    head = "HTTP/1.1 200 OK\r\n" + "".join(f"{k}: {v}\r\n" for k, v in response.headers)
    return head.encode("latin-1") + b"\r\n" + response.body


def warc_record(response: Response, number: int) -> bytes:
    """One WARC/1.1 record."""
    if response.kind == "response":
        block = http_block(response)
        content_type = "application/http; msgtype=response"
    else:
        block = response.body
        content_type = "application/http; msgtype=request"
    head = (
        f"WARC/1.1\r\nWARC-Type: {response.kind}\r\nWARC-Target-URI: {response.uri}\r\n"
        f"WARC-Date: {response.date}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{number:012d}>\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode("utf-8") + block + b"\r\n\r\n"


def arc_record(response: Response) -> bytes:
    """One ARC (v1) record; the date in ARC's 14-digit form."""
    block = http_block(response)
    stamp = "".join(ch for ch in response.date if ch.isdigit())
    content_type = dict(response.headers).get("Content-Type", "-").split(";")[0]
    line = f"{response.uri} 192.0.2.1 {stamp} {content_type} {len(block)}\n"
    return line.encode("utf-8") + block + b"\n"


def arc_header() -> bytes:
    """The ``filedesc://`` record every ARC file opens with."""
    body = b"1 0 Invented Archive\nURL IP-address Archive-date Content-type Archive-length\n"
    return (
        f"filedesc://test.arc 0.0.0.0 20240314162451 text/plain {len(body)}\n".encode()
        + body
        + b"\n"
    )


def members(records: Iterable[bytes], *, compress: bool) -> list[bytes]:
    """Each record as its own gzip member, or as it is."""
    return [gzip.compress(record, mtime=0) if compress else record for record in records]


def archive_members(
    responses: Sequence[Response], *, fmt: str = "warc", compress: bool = True
) -> list[bytes]:
    """The members (or records) of an archive of ``responses``, in order."""
    if fmt == "warc":
        records = [warc_record(response, n) for n, response in enumerate(responses, 1)]
    else:
        records = [arc_header()] + [arc_record(r) for r in responses if r.kind == "response"]
    return members(records, compress=compress)


def write_archive(
    path: Path,
    responses: Sequence[Response] | None = None,
    *,
    fmt: str = "warc",
    compress: bool = True,
) -> Path:
    """Write an archive of ``responses`` (default: the invented pages) to ``path``."""
    path.write_bytes(
        b"".join(archive_members(responses or default_responses(), fmt=fmt, compress=compress))
    )
    return path


def write_with_warcio(path: Path, pages: dict[str, str]) -> Path:
    """Write ``pages`` as a gzipped WARC with warcio's writer (an independent writer)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, page in pages.items():
            body = page.encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(record)
    return path
