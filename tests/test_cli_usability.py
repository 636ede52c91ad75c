"""Tests for the command line's first contact: option errors, cache errors, logging levels,
gzip and repeated inputs, encodings, provenance, and ``scan --resolve`` across files."""

from __future__ import annotations

import csv
import gzip
import http.server
import io
import json
import logging
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tweetresolve import __version__, cli

TWEET = "Hello ferries\n— Ada Example (@ada_example) March 30, 2022\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``main`` in-process; return (status, stdout, stderr)."""
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(autouse=True)
def quiet_logging() -> Iterator[None]:
    """Leave the package's logger as the test found it (the CLI sets its level)."""
    logger = logging.getLogger("tweetresolve")
    level = logger.level
    yield
    logger.setLevel(level)
    for name in cli._WIRE_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET)


# --- option values are checked when parsed ---------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["expand", "--concurrency", "0", "https://t.co/a"], "--concurrency"),
        (["expand", "--timeout", "-1", "https://t.co/a"], "--timeout"),
        (["expand", "--max-redirects", "-3", "https://t.co/a"], "--max-redirects"),
        (["expand", "--trust", "127.0.0.1/33", "https://t.co/a"], "--trust"),
        (["expand", "--trust", "300.1.2.3", "https://t.co/a"], "--trust"),
        (["expand", "--per-host", "many", "https://t.co/a"], "--per-host"),
        (["scan", "--resolve", "--deadline", "0", "a.html"], "--deadline"),
        (["scan", "--encoding", "unicode_escape", "a.html"], "--encoding"),
        (["scan", "--jobs", "0", "a.html"], "--jobs"),
    ],
)
def test_bad_option_values_are_one_line_and_exit_2(
    argv: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad value is refused while parsing: one line naming the option, status 2."""
    status, out, err = run(capsys, *argv)
    assert (status, out) == (cli.EXIT_USAGE, "")
    assert err.count("\n") == 1, err
    assert named in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "value", ["127.0.0.1", "10.0.0.0/8", "::1", "[::1]", "localhost", "intranet.example:8765"]
)
def test_good_trust_values_parse(value: str) -> None:
    """Addresses, networks and host names (with a port) are accepted by --trust."""
    args = cli.build_parser().parse_args(["expand", "--trust", value, "https://t.co/a"])
    assert args.trust == [value]


def test_expansion_options_without_resolve_are_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``scan --timeout 5`` without ``--resolve`` would be ignored: it is an error instead."""
    page = tmp_path / "a.txt"
    page.write_text(TWEET)
    status, out, err = run(capsys, "scan", "--timeout", "5", "--trust", "10.0.0.0/8", str(page))
    assert (status, out) == (cli.EXIT_USAGE, "")
    assert err == "tweetresolve scan: error: --timeout, --trust only apply with --resolve\n"


# --- a cache that is not a SQLite database -------------------------------------------------


@pytest.fixture
def not_a_database(tmp_path: Path) -> Path:
    """A file where the cache should be, holding something else."""
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"these are notes, not a database\n" * 64)
    return path


def test_expand_with_a_bad_cache(not_a_database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``expand --cache NOTADB``: one line naming the cache, status 2, nothing expanded."""
    status, out, err = run(capsys, "expand", "--cache", str(not_a_database), "https://t.co/a")
    assert (status, out) == (cli.EXIT_USAGE, "")
    assert err.startswith(f"tweetresolve: {not_a_database}: not a usable SQLite cache")
    assert err.count("\n") == 1


def test_scan_resolve_with_a_bad_cache_blames_the_cache(
    not_a_database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``scan --resolve --cache NOTADB``: the cache is named, the inputs are not blamed."""
    page = tmp_path / "a.txt"
    page.write_text(TWEET)
    status, out, err = run(capsys, "scan", "--resolve", "--cache", str(not_a_database), str(page))
    assert (status, out) == (cli.EXIT_USAGE, "")
    assert str(not_a_database) in err
    assert str(page) not in err
    assert err.count("\n") == 1


# --- logging levels --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "ours", "wire"),
    [
        (["scan"], logging.WARNING, logging.WARNING),
        (["scan", "-v"], logging.INFO, logging.WARNING),  # after the command
        (["-v", "scan"], logging.INFO, logging.WARNING),  # before it
        (["scan", "-vv"], logging.DEBUG, logging.WARNING),
        (["expand", "-vvv"], logging.DEBUG, logging.DEBUG),  # HTTP wire logs only here
    ],
)
def test_verbosity_levels(argv: list[str], ours: int, wire: int) -> None:
    """-v is our INFO, -vv our DEBUG, -vvv also httpcore's wire logs; before or after the name."""
    args = cli.build_parser().parse_args([*argv, "x"])
    cli._configure_logging(args.verbose)
    assert logging.getLogger("tweetresolve").level == ours
    assert logging.getLogger("httpcore").level == wire


def test_scan_v_says_what_it_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """``scan -v`` logs each skipped entry and why: hidden, an asset, already read."""
    (tmp_path / "a.txt").write_text(TWEET)
    (tmp_path / ".hidden.html").write_text(TWEET)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    with caplog.at_level(logging.INFO, logger="tweetresolve"):
        status, out, _ = run(capsys, "scan", "-v", str(tmp_path), str(tmp_path / "a.txt"))
    assert status == 0
    assert len(out.splitlines()) == 1
    assert f"skipped {tmp_path / '.hidden.html'}: hidden" in caplog.text
    assert f"skipped {tmp_path / 'logo.png'}: an image" in caplog.text
    assert f"skipped {tmp_path / 'a.txt'}: already read" in caplog.text


# --- inputs: gzip by its bytes, each file once, encodings --------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_gzip_on_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``gzip -c page | tweetresolve scan -`` finds the posts."""
    monkeypatch.setattr(sys, "stdin", _Stdin(gzip.compress(TWEET.encode())))
    status, out, _ = run(capsys, "scan", "-")
    assert status == 0
    assert [json.loads(line)["author"]["handle"] for line in out.splitlines()] == ["ada_example"]


def test_gzip_file_whatever_its_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A gzipped file is decompressed even when its name does not end in .gz."""
    page = tmp_path / "saved-page"
    page.write_bytes(gzip.compress(TWEET.encode()))
    status, out, _ = run(capsys, "scan", str(page))
    assert (status, len(out.splitlines())) == (0, 1)


def test_a_file_named_twice_is_read_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder and a file in it give that file's posts once."""
    (tmp_path / "a.txt").write_text(TWEET)
    status, out, _ = run(capsys, "scan", str(tmp_path), str(tmp_path / "a.txt"), str(tmp_path))
    assert (status, len(out.splitlines())) == (0, 1)


def test_encoding_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--encoding windows-1251`` reads an undeclared Cyrillic file right."""
    page = tmp_path / "ru.txt"
    page.write_bytes("Текст\n— Ада Пример (@ada_example) March 30, 2022\n".encode("cp1251"))
    status, out, _ = run(capsys, "scan", "--encoding", "windows-1251", str(page))
    assert status == 0
    [line] = out.splitlines()
    assert json.loads(line)["author"]["name"] == "Ада Пример"


# --- output: provenance, summary -------------------------------------------------------------


def test_json_lines_carry_provenance(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each JSON line says which tool and version wrote it and when the run started."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    page = tmp_path / "a.txt"
    page.write_text(TWEET)
    _, out, _ = run(capsys, "scan", str(page))
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["scan"] == {
        "tool": "tweetresolve",
        "version": __version__,
        "scanned_at": "2023-11-14T22:13:20+00:00",
    }


def test_summary_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--summary`` ends the run with files, posts by platform, errors and time on stderr."""
    (tmp_path / "a.txt").write_text(TWEET)
    status, _, err = run(capsys, "scan", "--summary", str(tmp_path / "a.txt"), str(tmp_path / "b"))
    assert status == 1
    summary = [line for line in err.splitlines() if "posts" in line or "post " in line]
    assert summary
    assert summary[0].startswith("tweetresolve: 2 files, ")
    assert "1 post (twitter 1), 1 error, " in summary[0]


# --- scan --resolve: across files, final URLs in CSV ------------------------------------------


class _SlowServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    in_flight = 0
    most = 0
    lock = threading.Lock()


class _SlowHandler(http.server.BaseHTTPRequestHandler):
    server: _SlowServer

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet."""

    def do_GET(self) -> None:
        """Hold each request a moment, counting how many are in flight together."""
        server = self.server
        with server.lock:
            server.in_flight += 1
            server.most = max(server.most, server.in_flight)
        time.sleep(0.2)
        with server.lock:
            server.in_flight -= 1
        body = b"<html>landed</html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def slow_server() -> Iterator[_SlowServer]:
    """An HTTP server on 127.0.0.1 that answers every request after 0.2 s."""
    server = _SlowServer(("127.0.0.1", 0), _SlowHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.integration
def test_scan_resolve_expands_across_files_at_once(
    slow_server: _SlowServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Links of different files are expanded together, under the expander's limits."""
    base = f"http://127.0.0.1:{slow_server.server_port}"
    trust = f"127.0.0.1:{slow_server.server_port}"  # the address and its random port
    for n in range(4):
        (tmp_path / f"{n}.txt").write_text(
            f"Look {base}/page/{n}\n— Ada Example (@ada_example) March 30, 2022\n"
        )
    argv = ["scan", "--resolve", "--expand-all", "--trust", trust, "--no-cache"]
    status, out, err = run(capsys, *argv, "--format", "csv", "--concurrency", "8", str(tmp_path))
    assert (status, err) == (0, "")
    assert slow_server.most >= 2  # one file at a time would never overlap
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["source"] for row in rows] == [str(tmp_path / f"{n}.txt") for n in range(4)]
    assert [row["links_final"] for row in rows] == [f"{base}/page/{n}" for n in range(4)]


@pytest.mark.integration
def test_scan_resolve_keeps_the_expander_limit(
    slow_server: _SlowServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--concurrency 1`` holds across files: never two requests at once."""
    base = f"http://127.0.0.1:{slow_server.server_port}"
    trust = f"127.0.0.1:{slow_server.server_port}"  # the address and its random port
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(
            f"Look {base}/page/{n}\n— Ada Example (@ada_example) March 30, 2022\n"
        )
    argv = ["scan", "--resolve", "--expand-all", "--trust", trust, "--no-cache"]
    status, out, _ = run(capsys, *argv, "--concurrency", "1", str(tmp_path))
    assert status == 0
    assert len(out.splitlines()) == 3
    assert slow_server.most == 1
