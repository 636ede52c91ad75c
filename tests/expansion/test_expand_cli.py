"""Tests of the command-line support: ``tweetresolve expand`` and ``scan --resolve``."""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from expand_server import running_server

from tweetresolve.expansion import cli_support
from tweetresolve.records import Expansion


@pytest.fixture(scope="module")
def server() -> Iterator[Any]:
    with running_server() as running:
        yield running


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    cli_support.add_expand_command(commands)
    return parser.parse_args(["expand", *argv])


def run(*argv: str, stdin: str = "") -> list[dict[str, Any]]:
    out = io.StringIO()
    status = cli_support.run_expand(parse(*argv), stdin=io.StringIO(stdin), out=out)
    assert status == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.integration
def test_one_line_per_input_in_order(server: Any, tmp_path: Path) -> None:
    """Every input gets a line, in input order, duplicates included."""
    base = f"http://127.0.0.1:{server.server_port}"
    urls = [f"{base}/chain/2", "ftp://nope", f"{base}/status/404", f"{base}/chain/2"]
    lines = run(
        *urls, "--trust", f"127.0.0.1:{server.server_port}", "--cache", str(tmp_path / "c.sqlite")
    )
    assert [line["url"] for line in lines] == urls
    assert [line["ok"] for line in lines] == [True, False, False, True]
    assert lines[0]["final_url"] == f"{base}/final"
    assert lines[1]["error"] == "invalid_url"
    assert lines[2]["status"] == 404


@pytest.mark.integration
def test_stdin_skips_blank_and_comment_lines(server: Any) -> None:
    """'-' reads one URL per line."""
    base = f"http://127.0.0.1:{server.server_port}"
    lines = run(
        "-",
        "--trust",
        f"127.0.0.1:{server.server_port}",
        "--no-cache",
        stdin=f"# list\n{base}/final\n\n{base}/meta\n",
    )
    assert [line["url"] for line in lines] == [f"{base}/final", f"{base}/meta"]


@pytest.mark.integration
def test_second_run_resumes_from_the_cache(server: Any, tmp_path: Path) -> None:
    """A rerun answers finished URLs from the cache file without a request."""
    base = f"http://127.0.0.1:{server.server_port}"
    cache = str(tmp_path / "resume.sqlite")
    first = run(f"{base}/chain/3", "--trust", f"127.0.0.1:{server.server_port}", "--cache", cache)
    hits = len(server.hits)
    second = run(f"{base}/chain/3", "--trust", f"127.0.0.1:{server.server_port}", "--cache", cache)
    assert first[0]["from_cache"] is False
    assert second[0]["from_cache"] is True
    assert second[0]["final_url"] == first[0]["final_url"]
    assert len(server.hits) == hits


@pytest.mark.integration
def test_scan_resolve_finder_expands_links(server: Any, tmp_path: Path) -> None:
    """The scan --resolve step attaches an expansion to each link."""
    base = f"http://127.0.0.1:{server.server_port}"
    parser = argparse.ArgumentParser()
    cli_support.add_resolve_arguments(parser)
    args = parser.parse_args(
        ["--resolve", "--expand-all", "--trust", f"127.0.0.1:{server.server_port}", "--no-cache"]
    )
    find = cli_support.resolving_finder(args)
    document = f"Look {base}/chain/1\n— Ada Example (@ada_example) March 30, 2022".encode()
    (post,) = find(document)
    expansion = post.links[0].expansion
    assert expansion is not None
    assert expansion.final_url == f"{base}/final"


def test_default_cache_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The cache lives in the user cache directory unless TWEETRESOLVE_CACHE says otherwise."""
    monkeypatch.delenv("TWEETRESOLVE_CACHE", raising=False)
    assert cli_support.default_cache_path().name == "expansions.sqlite"
    assert "tweetresolve" in str(cli_support.default_cache_path())
    monkeypatch.setenv("TWEETRESOLVE_CACHE", str(tmp_path / "x.sqlite"))
    assert cli_support.default_cache_path() == tmp_path / "x.sqlite"


def test_options_map_to_the_expander() -> None:
    """Command-line flags become expander options."""
    options = cli_support.expander_options(
        parse("x", "--no-cache", "--head", "--trust", "10.0.0.0/8", "--user-agent", "Bot/1")
    )
    assert options["cache"] is None
    assert options["method"] == "HEAD"
    assert options["trusted_hosts"] == ("10.0.0.0/8",)
    assert options["user_agent"] == "Bot/1"


def test_progress_line() -> None:
    """The progress bar counts URLs, failures and cache hits."""
    progress = cli_support._Progress(4, enabled=False, stream=io.StringIO())
    progress.advance(Expansion(url="a", ok=True, from_cache=True))
    progress.advance(Expansion(url="b", error="timeout"))
    line = progress.line(progress._started + 1)
    assert line.startswith("[##########----------]  50% 2/4 URLs 1 failed 1 cached")


# --- through the real command line ----------------------------------------------------------


@pytest.mark.integration
def test_main_expand(server: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """`tweetresolve expand` prints one JSON line per URL."""
    from tweetresolve.cli import main

    base = f"http://127.0.0.1:{server.server_port}"
    status = main(
        [
            "expand",
            f"{base}/chain/1",
            "nope",
            "--trust",
            f"127.0.0.1:{server.server_port}",
            "--no-cache",
        ]
    )
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 0
    assert [(line["ok"], line["error"]) for line in lines] == [(True, None), (False, "invalid_url")]


@pytest.mark.integration
def test_main_scan_resolve(server: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`tweetresolve scan --resolve` attaches expansions to the links of each post."""
    from tweetresolve.cli import main

    base = f"http://127.0.0.1:{server.server_port}"
    page = tmp_path / "post.txt"
    page.write_text(f"Look {base}/chain/2\n— Ada Example (@ada_example) March 30, 2022\n")
    status = main(
        [
            "scan",
            "--resolve",
            "--expand-all",
            "--trust",
            f"127.0.0.1:{server.server_port}",
            "--no-cache",
            str(page),
        ]
    )
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 0
    assert record["links"][0]["expansion"]["final_url"] == f"{base}/final"


@pytest.mark.integration
def test_interrupted_run_resumes(server: Any, tmp_path: Path) -> None:
    """Ctrl-C mid-run keeps what finished; the rerun answers it from the cache."""
    import os
    import signal
    import subprocess
    import sys
    import threading

    base = f"http://127.0.0.1:{server.server_port}"
    done = [f"{base}/chain/1?run=resume&n={n}" for n in range(10)]
    cache = tmp_path / "resume.sqlite"
    command = [
        sys.executable,
        "-m",
        "tweetresolve",
        "expand",
        "-",
        "--trust",
        f"127.0.0.1:{server.server_port}",
    ]
    command += ["--cache", str(cache), "--concurrency", "4", "--retries", "0"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    assert process.stdin is not None
    assert process.stdout is not None
    watchdog = threading.Timer(60, process.kill)  # never hang the suite
    watchdog.start()
    # The slow URL holds back every line after it; stdin stays open meanwhile.
    process.stdin.write("\n".join([*done, f"{base}/hang", f"{base}/final"]) + "\n")
    process.stdin.flush()
    printed = [process.stdout.readline() for _ in done]  # bounded: ten lines
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 130
    watchdog.cancel()
    process.stdin.close()
    process.stdout.close()
    assert all(json.loads(line)["ok"] for line in printed)

    hits = len(server.hits)
    again = run(*done, "--trust", f"127.0.0.1:{server.server_port}", "--cache", str(cache))
    assert all(line["from_cache"] for line in again)
    assert len(server.hits) == hits
