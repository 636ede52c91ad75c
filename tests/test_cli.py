"""Tests for the ``tweetresolve`` command line (``tweetresolve.cli``)."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tweetresolve import __version__, cli
from tweetresolve.records import Author, Entity, Link, Post, PostRef

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "docs" / "examples"


class FakeExtract:
    """Stands in for ``extract``: one post per line of the document that starts with ``post``."""

    def __init__(self) -> None:
        self.calls: list[tuple[bytes, dict[str, Any]]] = []

    def __call__(self, document: bytes, **options: Any) -> list[Post]:
        assert isinstance(document, bytes), "the CLI passes bytes; extract decodes"
        self.calls.append((document, options))
        posts = []
        for number, line in enumerate(document.decode("utf-8").splitlines()):
            if line.startswith("post"):
                posts.append(
                    sample_post(
                        post_id=line.removeprefix("post").strip() or "1", span=(number, number + 1)
                    )
                )
        return posts


def sample_post(post_id: str = "1508951925456744449", span: tuple[int, int] = (0, 9)) -> Post:
    """A post with every field filled, nested records included."""
    return Post(
        platform="twitter",
        post_id=post_id,
        url=f"https://twitter.com/ada_example/status/{post_id}",
        author=Author(
            name='Ada Example, "Jr"', handle="ada_example", url="https://twitter.com/ada_example"
        ),
        text="Line one, with a comma\nline two #tag https://t.co/AbCdEf1234",
        lang="en",
        date_text="March 30, 2022",
        published=dt.datetime(2022, 3, 30, tzinfo=dt.timezone.utc),
        published_precision="day",
        links=(
            Link(url="https://t.co/AbCdEf1234", text="pic.twitter.com/AbCdEf1234"),
            Link(url="https://example.org/a"),
        ),
        entities=(Entity(kind="hashtag", text="#tag", start=32, end=36),),
        form="blockquote",
        span=span,
        quoted=PostRef(
            platform="twitter",
            post_id="20",
            handle="jack",
            url="https://twitter.com/jack/status/20",
        ),
        warnings=("date_mismatch",),
    )


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeExtract:
    """Replace detection by :class:`FakeExtract` inside the CLI."""
    stub = FakeExtract()
    monkeypatch.setattr(cli, "extract", stub)
    return stub


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``main`` in-process; return (status, stdout, stderr)."""
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def jsonl(out: str) -> list[dict[str, Any]]:
    """Parse JSON Lines output."""
    return [json.loads(line) for line in out.splitlines()]


# --- output formats ------------------------------------------------------------------------


def test_jsonl_one_post_per_line_with_source(
    tmp_path: Path, fake: FakeExtract, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each line is the post's dict plus its source, and loads back to an equal post."""
    first = tmp_path / "a.html"
    first.write_text("post 11\nnothing\npost 12\n")
    second = tmp_path / "b.txt"
    second.write_text("post 13\n")
    status, out, err = run(capsys, "scan", str(first), str(second))
    assert (status, err) == (0, "")
    rows = jsonl(out)
    assert [(row["source"], row["post_id"]) for row in rows] == [
        (str(first), "11"),
        (str(first), "12"),
        (str(second), "13"),
    ]
    for row in rows:
        source = row.pop("source")
        assert source in {str(first), str(second)}
        assert Post.from_dict(row) == sample_post(row["post_id"], tuple(row["span"]))


def test_csv_flat_columns_parse_back(
    tmp_path: Path, fake: FakeExtract, capsys: pytest.CaptureFixture[str]
) -> None:
    """CSV has a header of CSV_COLUMNS and one row per post; commas, quotes and newlines survive."""
    page = tmp_path / "page.html"
    page.write_text("post 7\n")
    status, out, _ = run(capsys, "scan", "--format", "csv", str(page))
    assert status == 0
    reader = csv.DictReader(io.StringIO(out))
    assert tuple(reader.fieldnames or ()) == cli.CSV_COLUMNS
    [row] = list(reader)
    post = sample_post("7", (0, 1))
    assert row == {
        "source": str(page),
        "platform": "twitter",
        "post_id": "7",
        "url": post.url,
        "author_name": 'Ada Example, "Jr"',
        "author_handle": "ada_example",
        "author_url": "https://twitter.com/ada_example",
        "date_text": "March 30, 2022",
        "published": "2022-03-30T00:00:00+00:00",
        "published_precision": "day",
        "created_at": "",
        "form": "blockquote",
        "span_start": "0",
        "span_end": "1",
        "lang": "en",
        "text": post.text,
        "links": "https://t.co/AbCdEf1234 https://example.org/a",
        "links_final": "https://t.co/AbCdEf1234 https://example.org/a",
        "entities": "#tag",
        "quoted_platform": "twitter",
        "quoted_post_id": "20",
        "quoted_url": "https://twitter.com/jack/status/20",
        "warnings": "date_mismatch",
        "origin_uri": "",
        "origin_date": "",
        "origin_record_id": "",
        "origin_file": "",
        "origin_offset": "",
    }


def test_csv_header_only_when_nothing_found(
    tmp_path: Path, fake: FakeExtract, capsys: pytest.CaptureFixture[str]
) -> None:
    """With no posts the CSV output is just its header, so it still loads as a table."""
    page = tmp_path / "empty.html"
    page.write_text("nothing here\n")
    status, out, _ = run(capsys, "scan", "--format", "csv", str(page))
    assert status == 0
    assert out == ",".join(f'"{column}"' for column in cli.CSV_COLUMNS) + "\n"


# --- inputs --------------------------------------------------------------------------------


def test_folders_are_walked_recursively_in_order(
    tmp_path: Path, fake: FakeExtract, capsys: pytest.CaptureFixture[str]
) -> None:
    """Folders are read recursively and sorted; hidden entries and asset files are skipped."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner.txt").write_text("post 2\n")
    (tmp_path / "a.html").write_text("post 1\n")
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(b"post 3\n"))
    (tmp_path / ".hidden.html").write_text("post 98\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.html").write_text("post 99\n")
    (tmp_path / "logo.png").write_bytes(b"post 97\n")
    (tmp_path / "app.js.gz").write_bytes(gzip.compress(b"post 96\n"))
    (tmp_path / "b" / "loop").symlink_to(tmp_path)  # a link up the tree: each folder read once
    status, out, err = run(capsys, "scan", str(tmp_path))
    assert (status, err) == (0, "")
    assert [
        (Path(row["source"]).relative_to(tmp_path).as_posix(), row["post_id"]) for row in jsonl(out)
    ] == [("a.html", "1"), ("b/inner.txt", "2"), ("c.html.gz", "3")]


def test_named_file_is_read_whatever_its_suffix(
    tmp_path: Path, fake: FakeExtract, capsys: pytest.CaptureFixture[str]
) -> None:
    """The asset filter applies inside folders only: a file named on the command line is read."""
    named = tmp_path / "saved.js"
    named.write_text("post 5\n")
    status, out, _ = run(capsys, "scan", str(named))
    assert status == 0
    assert [row["post_id"] for row in jsonl(out)] == ["5"]


def test_stdin_dash(
    monkeypatch: pytest.MonkeyPatch, fake: FakeExtract, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-`` reads standard input as bytes; its source is ``-``."""

    class Stdin:
        buffer = io.BytesIO(b"post 4\n")

    monkeypatch.setattr(sys, "stdin", Stdin())
    status, out, _ = run(capsys, "scan", "-")
    assert status == 0
    assert [(row["source"], row["post_id"]) for row in jsonl(out)] == [("-", "4")]
    assert fake.calls[0][0] == b"post 4\n"


def test_options_reach_extract(
    tmp_path: Path, fake: FakeExtract, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--kind`` and ``--links`` become extract's ``kind`` and ``include_links``."""
    page = tmp_path / "p.txt"
    page.write_text("x")
    assert run(capsys, "scan", str(page))[0] == 0
    assert run(capsys, "scan", "--kind", "text", "--links", str(page))[0] == 0
    assert [options for _, options in fake.calls] == [
        {"kind": "auto", "include_links": False},
        {"kind": "text", "include_links": True},
    ]


# --- errors and exit status ----------------------------------------------------------------


def test_bad_files_are_reported_and_the_batch_goes_on(
    tmp_path: Path, fake: FakeExtract, capsys: pytest.CaptureFixture[str]
) -> None:
    """Missing files, dangling links and broken gzip are reported; the rest is read; status 1."""
    good = tmp_path / "good.html"
    good.write_text("post 1\n")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "broken.html.gz").write_bytes(b"\x1f\x8b not really gzip")
    (folder / "dangling.html").symlink_to(tmp_path / "gone.html")
    (folder / "z_after.txt").write_text("post 2\n")
    missing = tmp_path / "missing.html"
    status, out, err = run(capsys, "scan", str(missing), str(folder), str(good))
    assert status == cli.EXIT_FILE_ERRORS
    assert [row["post_id"] for row in jsonl(out)] == ["2", "1"]
    assert err.splitlines() == [
        f"tweetresolve: {missing}: cannot read: No such file or directory",
        f"tweetresolve: {folder / 'broken.html.gz'}: not a valid gzip file: "
        "Error -3 while decompressing data: unknown compression method",
        f"tweetresolve: {folder / 'dangling.html'}: cannot read: No such file or directory",
        "tweetresolve: 3 files could not be read",
    ]


def test_truncated_gzip_is_reported(
    tmp_path: Path, fake: FakeExtract, capsys: pytest.CaptureFixture[str]
) -> None:
    """A gzip file cut short is an error, not a silently shortened document."""
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(gzip.compress(b"post 1\n" * 1000)[:-12])
    status, _, err = run(capsys, "scan", str(cut))
    assert status == 1
    assert f"tweetresolve: {cut}: not a valid gzip file: truncated" in err.splitlines()


def test_internal_error_costs_one_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unexpected exception is reported against its file and the batch goes on."""

    def flaky(document: bytes, **options: Any) -> list[Post]:
        if document.startswith(b"boom"):
            raise RuntimeError("detector bug")
        return [sample_post()]

    monkeypatch.setattr(cli, "extract", flaky)
    bad = tmp_path / "a.html"
    bad.write_text("boom")
    good = tmp_path / "b.html"
    good.write_text("fine")
    status, out, err = run(capsys, "scan", str(bad), str(good))
    assert status == 1
    assert len(jsonl(out)) == 1
    assert f"tweetresolve: {bad}: internal error (RuntimeError: detector bug)" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["scan"],  # no path
        ["scan", "--format", "xml", "a.html"],  # unknown format
        ["scan", "--kind", "pdf", "a.html"],  # unknown kind
        [],  # no command
        ["frobnicate"],  # unknown command
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Usage errors exit with status 2 and one line on stderr that points to --help."""
    status, out, err = run(capsys, *argv)
    assert status == cli.EXIT_USAGE
    assert out == ""
    assert err.startswith("tweetresolve")
    assert err.count("\n") == 1
    assert ": error: " in err
    assert "--help)" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints the package version."""
    status, out, _ = run(capsys, "--version")
    assert (status, out) == (0, f"tweetresolve {__version__}\n")


# --- progress bar --------------------------------------------------------------------------


def test_progress_bar_draws_in_place_and_clears() -> None:
    """The bar redraws one line with a carriage return and erases itself when closed."""
    stream = io.StringIO()
    bar = cli.Progress(total_files=2, total_bytes=2_000_000, stream=stream, delay=0, interval=0)
    bar.advance(1_000_000, 3)
    assert stream.getvalue().startswith(
        "\r[##########----------]  50% 1/2 files 1.0 MB 1 records 3 posts "
    )
    assert "\n" not in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[2K")
    bar.advance(1_000_000, 0)
    assert stream.getvalue().endswith("\r\x1b[2K"), "a closed bar draws nothing"


def test_progress_bar_silent_for_short_runs() -> None:
    """Nothing is drawn before the delay, nor when the bar is disabled."""
    stream = io.StringIO()
    cli.Progress(1, 10, stream=stream, delay=3600).advance(10, 1)
    cli.Progress(1, 10, stream=stream, enabled=False, delay=0, interval=0).advance(10, 1)
    assert stream.getvalue() == ""


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    tmp_path: Path, fake: FakeExtract, capsys: pytest.CaptureFixture[str]
) -> None:
    """Piped stderr (not a terminal) gets no bar by default."""
    page = tmp_path / "p.txt"
    page.write_text("post 1\n")
    status, _, err = run(capsys, "scan", str(page))
    assert (status, err) == (0, "")


# --- as a program --------------------------------------------------------------------------


def _python_m(*argv: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "tweetresolve", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
        timeout=120,
        **kwargs,
    )


def test_python_m_tweetresolve(tmp_path: Path) -> None:
    """``python -m tweetresolve scan`` runs the real pipeline and prints JSON Lines."""
    notes = tmp_path / "notes.txt"
    notes.write_text("See https://twitter.com/ada_example/status/1508951925456744449 today.\n")
    done = _python_m("scan", "--links", "--kind", "text", str(notes))
    assert done.returncode == 0, done.stderr
    [row] = jsonl(done.stdout.decode("utf-8"))
    assert (row["source"], row["post_id"], row["form"]) == (
        str(notes),
        "1508951925456744449",
        "link",
    )


def test_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    """When the reader goes away (``| head``) the program stops without a traceback."""
    many = tmp_path / "many.txt"
    many.write_text("".join(f"https://twitter.com/ada/status/{n}\n" for n in range(1, 20_000)))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-m", "tweetresolve", "scan", "--links", "--kind", "text", str(many)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        assert proc.stdout.readline().startswith(b'{"source": ')
        proc.stdout.close()
        err = proc.stderr.read()
        status = proc.wait(timeout=120)
    assert err == b""
    assert status == cli.EXIT_BROKEN_PIPE


def test_shipped_examples() -> None:
    """The README's first command finds the tweet in the example article and page."""
    done = _python_m("scan", str(EXAMPLES))
    assert done.returncode == 0, done.stderr
    found = {
        (Path(row["source"]).name, row["post_id"], row["author"]["handle"])
        for row in jsonl(done.stdout.decode("utf-8"))
    }
    assert ("page.html", "1768312345678901248", "marta_ferrywatch") in found
    assert any(name == "article.txt" and handle == "marta_ferrywatch" for name, _, handle in found)
