"""Write a large test WARC from the corpus pages, for the archive benchmarks.

Every page of ``corpus/pages`` and ``corpus/wild/pages`` (``.html.gz`` files
decompressed) is written again and again as a ``response`` record with an
invented, varied ``WARC-Target-URI``, until the records' bytes reach ``--size``
megabytes.  Like a crawler's output, each response comes with its ``request``
and ``metadata`` records, and one record in twenty is a non-HTML response (an
image), which a reader must skip.  Two files are written: ``NAME.warc`` and
``NAME.warc.gz`` (one gzip member per record, as crawlers write them), holding
the same records.

The files are benchmark inputs only: never commit them.

Run: ``python benchmarks/make_warc.py --out /tmp/bench --size 220 [--corpus DIR]``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
MB = 1_000_000

# Bytes that stand for a small image: a response the archive reader must skip.
_IMAGE = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def load_pages(corpus: Path) -> list[tuple[str, bytes]]:
    """Every corpus page as raw bytes, in name order."""
    pages = []
    for folder in (corpus / "pages", corpus / "wild" / "pages"):
        for path in sorted(folder.iterdir()):
            data = path.read_bytes()
            if path.name.endswith(".gz"):
                data = gzip.decompress(data)
            pages.append((path.name.removesuffix(".gz"), data))
    return pages


def warc_record(kind: str, uri: str, date: str, block: bytes, content_type: str) -> bytes:
    """One WARC/1.1 record: header lines, a blank line, the block, two line ends."""
    headers = [
        "WARC/1.1",
        f"WARC-Type: {kind}",
        f"WARC-Target-URI: {uri}",
        f"WARC-Date: {date}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>",
        f"Content-Type: {content_type}",
        f"Content-Length: {len(block)}",
    ]
    return ("\r\n".join(headers) + "\r\n\r\n").encode("ascii") + block + b"\r\n\r\n"


def http_response(body: bytes, content_type: str) -> bytes:
    """An HTTP/1.1 response as archived: status line, headers, body."""
    head = (
        "HTTP/1.1 200 OK\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Server: example\r\n\r\n"
    )
    return head.encode("ascii") + body


def records(pages: list[tuple[str, bytes]], limit: int) -> Iterator[bytes]:
    """Request, response and metadata records for the pages, round after round."""
    written = 0
    serial = 0
    while written < limit:
        for name, page in pages:
            serial += 1
            host = f"news{serial % 97}.example"
            uri = f"https://{host}/{serial // 97}/{name}"
            date = f"2024-03-{1 + serial % 28:02d}T{serial % 24:02d}:{serial % 60:02d}:00Z"
            request = f"GET /{serial // 97}/{name} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
            block = http_response(page, "text/html; charset=utf-8")
            if serial % 20 == 0:
                block = http_response(_IMAGE, "image/png")
            for record in (
                warc_record("request", uri, date, request, "application/http; msgtype=request"),
                warc_record("response", uri, date, block, "application/http; msgtype=response"),
                warc_record(
                    "metadata", uri, date, b"fetchTimeMs: 120\r\n", "application/warc-fields"
                ),
            ):
                written += len(record)
                yield record
            if written >= limit:
                return


def gzip_member(record: bytes) -> bytes:
    """One record as its own gzip member."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=6, mtime=0) as member:
        member.write(record)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write NAME.warc and NAME.warc.gz; print their sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/tweetresolve-bench"))
    parser.add_argument("--name", default="corpus")
    parser.add_argument("--size", type=int, default=220, help="megabytes of uncompressed records")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not (args.corpus / "pages").is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    pages = load_pages(args.corpus)
    args.out.mkdir(parents=True, exist_ok=True)
    plain_path = args.out / f"{args.name}.warc"
    gz_path = args.out / f"{args.name}.warc.gz"
    count = 0
    with plain_path.open("wb") as plain, gz_path.open("wb") as packed:
        for record in records(pages, args.size * MB):
            plain.write(record)
            packed.write(gzip_member(record))
            count += 1
    print(f"{len(pages)} pages, {count} records")
    for path in (plain_path, gz_path):
        print(f"{path}: {path.stat().st_size / MB:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
