"""Posts in web archives on an Apache Spark cluster (the ``spark`` extra).

Given a text file that lists WARC or ARC paths, one a line (local, ``s3://``,
``s3a://``, ``hdfs://``, ``gs://``: whatever the cluster's Hadoop file systems
reach), the job reads the list with Spark, has Spark read each archive
(``binaryFiles``: the cluster's own file-system connectors, credentials and
retries), spreads the files over the executors and runs, in ``mapPartitions``,
the same reader and ``extract()`` as :func:`tweetresolve.extract_archive`.  The
result is a DataFrame with :data:`POST_COLUMNS`, one row per post, written to
Parquet::

    spark-submit run_tweetresolve.py --input paths.txt --output posts.parquet
    python -m tweetresolve.spark --input paths.txt --output posts.parquet   # local[*]

where ``run_tweetresolve.py`` holds ``import sys; from tweetresolve.spark import
main; sys.exit(main())``.  From Python, with a session of your own::

    from tweetresolve.spark import posts_dataframe
    posts_dataframe(spark, ["s3a://bucket/crawl-1.warc.gz"]).write.parquet("out")

See ``docs/spark.md`` for the schema, and for running on EMR or Dataproc.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import logging
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

from tweetresolve.archives import ArchiveDamage, extract_page, read_archive
from tweetresolve.extract import Kind
from tweetresolve.records import Post

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

__all__ = ["POST_COLUMNS", "main", "post_row", "post_schema", "posts_dataframe", "read_path_list"]

logger = logging.getLogger(__name__)

#: The columns of the DataFrame, in order, with their Spark SQL types.  Provenance
#: first (``Post.origin``), then the post.  Timestamps are UTC.
POST_COLUMNS: Final = (
    ("file", "string"),
    ("offset", "bigint"),
    ("uri", "string"),
    ("warc_date", "timestamp"),
    ("record_id", "string"),
    ("platform", "string"),
    ("post_id", "string"),
    ("permalink", "string"),
    ("author_handle", "string"),
    ("author_name", "string"),
    ("author_url", "string"),
    ("published", "timestamp"),
    ("date_text", "string"),
    ("created_at", "timestamp"),
    ("lang", "string"),
    ("text", "string"),
    ("form", "string"),
    ("links", "array<string>"),
    ("quoted_url", "string"),
)


def post_schema() -> StructType:
    """:data:`POST_COLUMNS` as a Spark ``StructType`` (needs pyspark)."""
    from pyspark.sql.types import StructType  # noqa: PLC0415  (optional: the spark extra)

    schema = StructType.fromDDL(", ".join(f"`{name}` {kind}" for name, kind in POST_COLUMNS))
    assert isinstance(schema, StructType)
    return schema


def post_row(post: Post) -> tuple[Any, ...]:
    """One post as a row of :data:`POST_COLUMNS` (plain Python values, no pyspark needed).

    >>> from tweetresolve.records import Author
    >>> row = post_row(Post(platform="twitter", post_id="20", author=Author(handle="jack")))
    >>> dict(zip([name for name, _ in POST_COLUMNS], row))["author_handle"]
    'jack'
    """
    origin = post.origin
    author = post.author
    return (
        origin.file if origin else None,
        origin.offset if origin else None,
        origin.uri if origin else None,
        origin.date if origin else None,
        origin.record_id if origin else None,
        post.platform,
        post.post_id,
        post.url,
        author.handle if author else None,
        author.name if author else None,
        author.url if author else None,
        _as_timestamp(post.published),
        post.date_text,
        _as_timestamp(post.created_at),
        post.lang,
        post.text,
        post.form,
        [link.url for link in post.links],
        post.quoted.url if post.quoted else None,
    )


def _as_timestamp(value: dt.date | dt.datetime | None) -> dt.datetime | None:
    # A shown day becomes midnight UTC; a naive time is read as UTC.
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _rows_of_archives(
    files: Iterable[tuple[str, bytes]], kind: Kind, include_links: bool
) -> Iterator[tuple[Any, ...]]:
    """The rows of the archives of one partition; runs on the executors."""

    def report(damage: ArchiveDamage) -> None:
        logger.warning("%s: offset %d: %s; skipped", damage.file, damage.offset, damage.reason)

    for path, data in files:
        for page in read_archive(io.BytesIO(data), name=path, on_damage=report):
            try:
                posts = extract_page(page, kind=kind, include_links=include_links)
            except Exception:
                # A detector bug must not fail the whole Spark task (and, after its
                # retries, the job): log it with the record that caused it.
                logger.exception("%s: offset %s: extraction failed", path, page.origin.offset)
                continue
            for post in posts:
                yield post_row(post)


def read_path_list(spark: SparkSession, listing: str) -> list[str]:
    """The archive paths listed in the text file ``listing``, read by Spark.

    Blank lines and lines starting with ``#`` are skipped.
    """
    lines = spark.read.text(listing).collect()
    paths = [str(row[0]).strip() for row in lines]
    return [path for path in paths if path and not path.startswith("#")]


def posts_dataframe(
    spark: SparkSession,
    paths: Sequence[str],
    *,
    partitions: int | None = None,
    kind: Kind = "auto",
    include_links: bool = False,
) -> DataFrame:
    """A DataFrame of every post in the archives ``paths``, one row per post.

    Each archive is read whole by one executor task (``binaryFiles``);
    ``partitions`` (default: one per file) sets how many tasks share the files.
    """
    if not paths:
        return spark.createDataFrame([], post_schema())
    files = spark.sparkContext.binaryFiles(",".join(paths), minPartitions=partitions or len(paths))

    def find(partition: Iterable[tuple[str, bytes]]) -> Iterator[tuple[Any, ...]]:
        return _rows_of_archives(partition, kind, include_links)

    return spark.createDataFrame(files.mapPartitions(find), post_schema())


def main(argv: Sequence[str] | None = None, *, stop: bool = True) -> int:
    """``python -m tweetresolve.spark --input paths.txt --output posts.parquet``.

    Uses the active Spark session (``spark-submit``'s), or starts one; ``stop``
    says whether to stop it at the end.
    """
    parser = argparse.ArgumentParser(
        prog="python -m tweetresolve.spark",
        description="Find the posts in WARC/ARC archives with Spark and write them to Parquet.",
    )
    parser.add_argument("--input", required=True, help="text file of archive paths, one a line")
    parser.add_argument("--output", required=True, help="Parquet folder to write")
    parser.add_argument(
        "--partitions", type=int, default=None, help="tasks (default: one per file)"
    )
    parser.add_argument("--links", action="store_true", help="also report bare links to posts")
    parser.add_argument("--mode", default="errorifexists", choices=("errorifexists", "overwrite"))
    args = parser.parse_args(argv)
    from pyspark.sql import SparkSession  # noqa: PLC0415  (optional: the spark extra)

    builder: Any = SparkSession.builder
    spark = (
        builder.appName("tweetresolve").config("spark.sql.session.timeZone", "UTC").getOrCreate()
    )
    try:
        paths = read_path_list(spark, args.input)
        frame = posts_dataframe(spark, paths, partitions=args.partitions, include_links=args.links)
        frame.write.mode(args.mode).parquet(args.output)
    finally:
        if stop:
            spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
