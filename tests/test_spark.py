"""The Spark job (``tweetresolve.spark``) on a real local Spark, ``local[2]``."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark", reason="the spark extra (pyspark) is not installed")
pytest.importorskip("fastwarc", reason="the warc extra (FastWARC) is not installed")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs a Java runtime, and none is installed", allow_module_level=True)

from warc_fixtures import PAGES, Response, tweet_page, write_archive

import tweetresolve as tr
from tweetresolve.spark import POST_COLUMNS, main, post_row, posts_dataframe, read_path_list

pytestmark = pytest.mark.integration


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark with two cores for the whole test session."""
    from pyspark.sql import SparkSession

    # Spark binds to loopback only, and its Python workers run this interpreter.
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    builder: Any = SparkSession.builder
    session = (
        builder.master("local[2]")
        .appName("tweetresolve-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def naive_utc(value: Any) -> Any:
    """An aware datetime as the naive UTC one Spark returns; anything else as is."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


@pytest.fixture
def archives(tmp_path: Path) -> list[Path]:
    """Two archives: the invented pages gzipped, and other pages uncompressed, cut short."""
    first = write_archive(tmp_path / "one.warc.gz")
    more = [
        Response(
            f"https://blog.example/{n}",
            tweet_page(str(20 + n), f"writer_{n}", f"Note {n}").encode(),
        )
        for n in range(3)
    ]
    second = write_archive(tmp_path / "two.warc", more, compress=False)
    data = second.read_bytes()
    second.write_bytes(data + b"WARC/1.1\r\nContent-Length: 999\r\n\r\ncut short")
    return [first, second]


def test_the_dataframe_holds_what_extract_finds(
    spark: Any, archives: list[Path], tmp_path: Path
) -> None:
    """Every post of every archive, one row each, equal to the reader's posts, with the schema."""
    listing = tmp_path / "paths.txt"
    listing.write_text("# two archives\n" + "".join(f"{p}\n" for p in archives) + "\n")
    paths = read_path_list(spark, str(listing))
    assert paths == [str(p) for p in archives]
    frame = posts_dataframe(spark, paths)
    assert [(f.name, f.dataType.simpleString()) for f in frame.schema.fields] == list(POST_COLUMNS)
    rows = sorted(tuple(row) for row in frame.collect())
    expected: list[tuple[Any, ...]] = []
    for path in archives:
        # binaryFiles names local files with a file: URL.
        posts = list(tr.extract_archive(path, name=f"file:{path}"))
        expected.extend(tuple(map(naive_utc, post_row(post))) for post in posts)
    assert len(expected) == 6
    assert rows == sorted(expected)
    by_uri = {row["uri"]: row for row in frame.collect()}
    first = by_uri["https://news.example/a"]
    assert first["warc_date"] == dt.datetime(2024, 3, 14, 16, 24, 51)  # UTC, as Spark returns it
    assert first["permalink"] == "https://twitter.com/ferry_watch/status/1768312345678901248"
    assert first["text"] == "Night ferry stays!"
    assert set(by_uri) >= set(PAGES) - {"https://blog.example/d"}


def test_the_entry_point_writes_parquet(spark: Any, archives: list[Path], tmp_path: Path) -> None:
    """``python -m tweetresolve.spark --input … --output …`` writes the rows to Parquet."""
    listing = tmp_path / "paths.txt"
    listing.write_text(f"{archives[0]}\n")
    out = tmp_path / "posts.parquet"
    assert main(["--input", str(listing), "--output", str(out)], stop=False) == 0
    back = spark.read.parquet(str(out))
    assert back.count() == 3
    assert sorted(r["post_id"] for r in back.collect()) == [
        "1768312345678901248",
        "1768312345678901249",
        "AbCdEfGhIjK",
    ]
