"""The public API: the names ``tweetresolve`` exports are pinned, so the front door cannot drift."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import types

import pytest

import tweetresolve

# The public API, sorted.  Adding a name here is a decision about the public
# API (and a CHANGELOG entry); removing one is a breaking change.
EXPORTED = [
    "AsyncExpander",
    "AsyncHydrator",
    "Attribution",
    "Author",
    "Entity",
    "Expander",
    "ExpanderClosedError",
    "Expansion",
    "Hop",
    "Hydration",
    "Hydrator",
    "InvalidOptionError",
    "Link",
    "Media",
    "Mention",
    "Origin",
    "Post",
    "PostRef",
    "TweetResolveError",
    "ahydrate",
    "aresolve",
    "canonicalize",
    "expand",
    "expand_many",
    "extract",
    "extract_archive",
    "extract_entities",
    "find_mentions",
    "hydrate",
    "parse_attribution",
    "parse_post_url",
    "resolve",
    "to_rows",
    "tweet_time",
    "weighted_length",
]


def test_all_is_pinned() -> None:
    """``__all__`` is exactly the pinned list."""
    assert tweetresolve.__all__ == EXPORTED


def test_all_is_sorted_and_unique() -> None:
    """``__all__`` is sorted and has no duplicates, so diffs of it stay readable."""
    assert tweetresolve.__all__ == sorted(set(tweetresolve.__all__))


@pytest.mark.parametrize("name", EXPORTED)
def test_exported_name_is_real(name: str) -> None:
    """Every exported name exists and is defined in the package, not taken from a dependency."""
    member = getattr(tweetresolve, name)
    assert member.__module__.startswith("tweetresolve."), member.__module__


def test_nothing_public_is_left_out() -> None:
    """Every public, non-module attribute of the package is in ``__all__``."""
    public = {
        name
        for name, value in vars(tweetresolve).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name != "annotations"  # from __future__ import annotations
    }
    assert public == set(tweetresolve.__all__)


def test_version_matches_the_installed_metadata() -> None:
    """``tweetresolve.__version__`` is the version the package was installed with."""
    try:
        installed = importlib.metadata.version("tweetresolve")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("tweetresolve is not installed (run from a source tree)")
    assert tweetresolve.__version__ == installed


def test_import_loads_no_network_stack() -> None:
    """``import tweetresolve`` loads no HTTP stack, SQLite or bs4 until expansion is used."""
    script = (
        "import sys, tweetresolve as tr\n"
        "heavy = ('httpx', 'httpcore', 'anyio', 'ssl', 'sqlite3', 'bs4', 'charset_normalizer')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "import tweetresolve.resolve, tweetresolve.expansion\n"
        "from tweetresolve import expand\n"
        "print(tr.resolve.__module__, tr.expand is expand, type(tr.AsyncExpander).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.splitlines() == ["[]", "tweetresolve.resolve True type"]


def test_dir_lists_the_lazy_names() -> None:
    """``dir(tweetresolve)`` shows every public name, the lazily imported ones included."""
    assert set(tweetresolve.__all__) <= set(dir(tweetresolve))
    assert "annotations" not in dir(tweetresolve)


def test_unknown_attribute_is_an_attribute_error() -> None:
    """A name the package does not have raises AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="no attribute 'expnad'"):
        tweetresolve.expnad  # noqa: B018
