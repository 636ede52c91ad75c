"""What a new user of the expansion side meets first: cache and policy, types, defaults."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from expand_server import running_server

import tweetresolve
import tweetresolve.expansion
from tweetresolve.expansion import DEFAULT_CACHE, ERROR_CODES, Expander
from tweetresolve.records import Expansion


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running_server() as server:
        yield f"http://127.0.0.1:{server.server_port}"


def trust(base: str) -> list[str]:
    """Trust the test server: its address and its random high port."""
    return [f"127.0.0.1:{urlsplit(base).port}"]


def expand_with(url: str, **options: Any) -> Expansion:
    options.setdefault("retries", 0)
    with Expander(**options) as expander:
        return expander.expand(url)


@pytest.mark.integration
def test_cached_result_is_not_served_to_a_stricter_policy(base: str, tmp_path: Path) -> None:
    """A chain cached under a trust is refused again by an expander without that trust."""
    cache = tmp_path / "expansions.sqlite"
    url = f"{base}/chain/1"
    trusted = expand_with(url, cache=cache, trusted_hosts=trust(base))
    assert trusted.ok
    assert not trusted.from_cache
    again = expand_with(url, cache=cache, trusted_hosts=trust(base))
    assert again.from_cache  # the same policy still gets the cached result
    untrusted = expand_with(url, cache=cache)
    assert untrusted.error == "blocked_address"
    assert not untrusted.from_cache


@pytest.mark.integration
def test_redirect_loop_keeps_the_status_of_the_last_response(base: str) -> None:
    """redirect_loop reports the 3xx that closed the loop, not None."""
    result = expand_with(f"{base}/loop/a", cache=None, trusted_hosts=trust(base))
    assert result.error == "redirect_loop"
    assert result.status == 302


@pytest.mark.integration
def test_refused_redirect_keeps_the_status_of_the_redirect(base: str) -> None:
    """A redirect to a refused address reports the 3xx that named it."""
    result = expand_with(f"{base}/to?url=http://10.0.0.1/", cache=None, trusted_hosts=trust(base))
    assert result.error == "blocked_address"
    assert result.status == 302
    assert result.final_url == "http://10.0.0.1/"


def test_error_is_typed_as_the_error_code_literal() -> None:
    """Expansion.error is ErrorCode | None, so a misspelt code is a type error."""
    hint = typing.get_type_hints(Expansion)["error"]
    (literal,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    assert typing.get_args(literal) == ERROR_CODES


@pytest.mark.parametrize(
    "function",
    [
        tweetresolve.expand,
        tweetresolve.expand_many,
        tweetresolve.Expander,
        tweetresolve.AsyncExpander,
        tweetresolve.resolve,
        tweetresolve.aresolve,
    ],
)
def test_signatures_name_no_private_type(function: Any) -> None:
    """No public signature shows a private class (the default cache is a public sentinel)."""
    assert "_Default" not in str(inspect.signature(function))
    if "cache" in inspect.signature(function).parameters:
        assert inspect.signature(function).parameters["cache"].default is DEFAULT_CACHE


def test_expand_options_name_no_private_type() -> None:
    """expand()'s **options (ExpandOptions) type ``cache`` with public names only."""
    hint = typing.get_type_hints(tweetresolve.expansion.ExpandOptions)["cache"]
    names = [getattr(arg, "__name__", repr(arg)) for arg in typing.get_args(hint)]
    assert not [name for name in names if name.startswith("_")]
    assert "Literal[DEFAULT_CACHE]" in repr(hint)


def test_default_cache_sentinel_is_public() -> None:
    """DEFAULT_CACHE is an instance of the exported DefaultCache and reads as its name."""
    assert isinstance(DEFAULT_CACHE, tweetresolve.expansion.DefaultCache)
    assert repr(DEFAULT_CACHE) == "DEFAULT_CACHE"


def test_top_level_namespace_is_only_the_api() -> None:
    """dir(tweetresolve) lists the API, dunders and submodules; no stray helper names."""
    stray = [
        name
        for name in dir(tweetresolve)
        if not name.startswith("_")
        and name not in tweetresolve.__all__
        and not inspect.ismodule(getattr(tweetresolve, name))
    ]
    assert stray == []
