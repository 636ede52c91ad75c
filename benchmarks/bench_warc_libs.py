"""Records/s and MB/s of the WARC readers on the same files: FastWARC and warcio.

Each reader walks every record of the file, keeps the ``response`` records, parses
their HTTP headers and reads the whole HTTP body (what the archive reader needs of
every record), on the uncompressed and on the gzipped file.  MB/s is measured on
the file's own size (compressed bytes for ``.warc.gz``).  The best of ``--passes``.

Make the files first with ``benchmarks/make_warc.py``, then run:
``python benchmarks/bench_warc_libs.py /tmp/tweetresolve-bench/corpus.warc{,.gz}``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

MB = 1_000_000


def read_with_warcio(path: Path) -> tuple[int, int]:
    """(responses, body bytes) read with warcio."""
    from warcio.archiveiterator import ArchiveIterator

    responses = body = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            responses += 1
            body += len(record.content_stream().read())
    return responses, body


def read_with_fastwarc(path: Path) -> tuple[int, int]:
    """(responses, body bytes) read with FastWARC."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    responses = body = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(
            stream, record_types=WarcRecordType.response, parse_http=True
        ):
            responses += 1
            body += len(record.reader.read())
    return responses, body


READERS: dict[str, Callable[[Path], tuple[int, int]]] = {
    "fastwarc": read_with_fastwarc,
    "warcio": read_with_warcio,
}


def main(argv: list[str] | None = None) -> int:
    """Print one table row per reader and file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    print("| reader | file | MB | responses | records/s | MB/s |")
    print("|---|---|---|---|---|---|")
    for path in args.files:
        size = path.stat().st_size
        for name, read in READERS.items():
            best = float("inf")
            count = 0
            for _ in range(args.passes):
                started = time.perf_counter()
                count, _body = read(path)
                best = min(best, time.perf_counter() - started)
            print(
                f"| {name} | {path.name} | {size / MB:.1f} | {count} | "
                f"{count / best:,.0f} | {size / MB / best:.0f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
