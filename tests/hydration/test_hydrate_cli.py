"""``tweetresolve scan --hydrate`` against the loopback stand-in for the endpoints."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bodies import TWEET_ID
from hydrate_standin import running_standin

from tweetresolve.cli import main
from tweetresolve.hydration import cli_support

pytestmark = pytest.mark.integration

PLACEHOLDER = (
    f'<div class="twitter-tweet twitter-tweet-rendered"><iframe title="X Post" '
    f'src="https://platform.twitter.com/embed/Tweet.html?id={TWEET_ID}" '
    f'data-tweet-id="{TWEET_ID}"></iframe></div>'
)


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    with running_standin() as (port, _):
        yield port


def test_scan_hydrate_completes_posts(
    port: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each post of the scan comes back with what its platform told, and says so."""
    page = tmp_path / "page.html"
    page.write_text(PLACEHOLDER)
    mirror = f"twitter_syndication=http://127.0.0.1:{port}/twitter_syndication"
    status = main(
        ["scan", "--hydrate", "--trust", "127.0.0.1", "--endpoint", mirror, "--no-cache", str(page)]
    )
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 0
    assert record["author"]["handle"] == "marta_ferrywatch"
    assert [m["kind"] for m in record["media"]] == ["photo", "video"]
    assert "text" in record["hydrated"]


def test_scan_hydrate_uses_the_cache_file(port: int, tmp_path: Path) -> None:
    """With a cache file, a second run asks the endpoint nothing."""
    page = tmp_path / "page.html"
    page.write_text(PLACEHOLDER)
    cache = tmp_path / "cache.sqlite"
    argv = [
        "scan",
        "--hydrate",
        "--trust",
        "127.0.0.1",
        "--endpoint",
        f"twitter_syndication=http://127.0.0.1:{port}/twitter_syndication",
        "--cache",
        str(cache),
        str(page),
    ]
    assert main(argv) == 0
    with running_standin() as (other_port, state):
        argv[5] = f"twitter_syndication=http://127.0.0.1:{other_port}/twitter_syndication"
        assert main(argv) == 0
        assert state.requests == 0


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("no_equals_sign", "expected NAME=URL"),
        ("nosuch_source=http://x", "unknown source 'nosuch_source'"),
    ],
)
def test_bad_endpoint_is_a_usage_error(
    value: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed ``--endpoint`` stops with status 2 and says why."""
    assert main(["scan", "--hydrate", "--endpoint", value, "-"]) == 2
    assert message in capsys.readouterr().err


def test_meta_token_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The token comes from ``--meta-token``, else from the environment variable."""
    parser = argparse.ArgumentParser()
    cli_support.add_hydrate_arguments(parser)
    parser.add_argument("--no-cache", action="store_true")
    monkeypatch.setenv("TWEETRESOLVE_META_TOKEN", "1|from-env")
    options: dict[str, Any] = cli_support.hydrator_options(parser.parse_args(["--no-cache"]))
    assert options["meta_access_token"] == "1|from-env"
    given = parser.parse_args(["--no-cache", "--meta-token", "2|given"])
    assert cli_support.hydrator_options(given)["meta_access_token"] == "2|given"
