"""The import paths the documentation gives for the expansion side keep working."""

from __future__ import annotations

import importlib

import pytest

# (module, name): every place README.md, docs/ and the docstrings tell users to
# import something of the expansion side from.
DOCUMENTED = [
    ("tweetresolve", "expand"),
    ("tweetresolve", "expand_many"),
    ("tweetresolve", "AsyncExpander"),
    ("tweetresolve", "Expander"),
    ("tweetresolve", "resolve"),
    ("tweetresolve", "aresolve"),
    ("tweetresolve", "canonicalize"),
    ("tweetresolve", "InvalidOptionError"),
    ("tweetresolve", "ExpanderClosedError"),
    ("tweetresolve.expansion", "AsyncExpander"),
    ("tweetresolve.expansion", "Expander"),
    ("tweetresolve.expansion", "expand"),
    ("tweetresolve.expansion", "expand_many"),
    ("tweetresolve.expansion", "ERROR_CODES"),
    ("tweetresolve.expansion", "ErrorCode"),
    ("tweetresolve.expansion", "DEFAULT_CACHE"),
    ("tweetresolve.expansion", "ExpanderSettings"),
    ("tweetresolve.expansion", "ExpanderOptions"),
    ("tweetresolve.expansion", "ExpandOptions"),
    ("tweetresolve.expansion", "ExpansionCache"),
    ("tweetresolve.expansion", "SQLiteCache"),
    ("tweetresolve.expansion", "GuardedTransport"),
    ("tweetresolve.expansion", "AddressPolicy"),
    ("tweetresolve.expansion", "canonicalize"),
    ("tweetresolve.expansion", "normalize_url"),
    ("tweetresolve.expansion.codes", "ERROR_CODES"),
    ("tweetresolve.expansion.codes", "ErrorCode"),
    ("tweetresolve.expansion.policy", "HOST_USER_AGENTS"),
    ("tweetresolve.expansion.policy", "SHORTENER_HOSTS"),
    ("tweetresolve.expansion.guard", "AddressPolicy"),
    ("tweetresolve.expansion.guard", "BlockedAddressError"),
    ("tweetresolve.expansion.transport", "GuardedTransport"),
    ("tweetresolve.expansion.transport", "NameResolutionError"),
    ("tweetresolve.expansion.cache", "SQLiteCache"),
    ("tweetresolve.expansion.cache", "ExpansionCache"),
    ("tweetresolve.expansion.canonical", "canonicalize"),
    ("tweetresolve.expansion.offline", "destination"),
    ("tweetresolve.expansion.engine", "AsyncExpander"),
]


@pytest.mark.parametrize(("module", "name"), DOCUMENTED)
def test_documented_import_path(module: str, name: str) -> None:
    """``from <module> import <name>`` works for every documented path."""
    assert hasattr(importlib.import_module(module), name)


def test_function_and_subpackage_do_not_collide() -> None:
    """``tr.expand`` is the function while ``tweetresolve.expansion`` is the subpackage."""
    import tweetresolve.expansion

    assert callable(tweetresolve.expand)
    assert tweetresolve.expand is tweetresolve.expansion.expand
    assert tweetresolve.expansion.ERROR_CODES[0] == "invalid_url"


@pytest.mark.parametrize(
    "module",
    ["api", "chain", "engine", "inputs", "responses", "settings", "slots", "sync"],
)
def test_engine_modules_stay_small(module: str) -> None:
    """Each module of the engine stays within the project's ~500-line budget."""
    loaded = importlib.import_module(f"tweetresolve.expansion.{module}")
    assert loaded.__file__ is not None
    with open(loaded.__file__, encoding="utf-8") as source:
        assert sum(1 for _ in source) <= 500
