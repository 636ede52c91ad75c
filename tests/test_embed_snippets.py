"""Every saved embed snippet of ``../shared/research/embed_snippets`` is detected.

Each file is named after the platform whose embed it holds (``twitter_3.html``,
``instagram_2.html``).  The snippets are read where they lie (skipped when the folder is
absent); none is copied into the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from shared_data import SHARED

import tweetresolve

SNIPPETS = SHARED / "research" / "embed_snippets"

#: Snippets that really hold a post of a second platform, as ``{file name: {platform}}``
#: (none does today).
ALSO_HOLDS: dict[str, frozenset[str]] = {}


def _snippet_files() -> list[Path]:
    if not SNIPPETS.is_dir():
        return []
    return sorted(path for path in SNIPPETS.iterdir() if path.is_file() and path.suffix == ".html")


def _platform_of(path: Path) -> str:
    """``twitter_3.html`` -> ``twitter``."""
    return path.stem.rsplit("_", 1)[0]


pytestmark = pytest.mark.skipif(
    not _snippet_files(), reason="the shared embed snippets are not present"
)


@pytest.mark.parametrize("path", _snippet_files(), ids=lambda path: path.name)
def test_snippet_gives_a_post_of_its_platform(path: Path) -> None:
    platform = _platform_of(path)
    posts = tweetresolve.extract(path.read_bytes())
    own = [post for post in posts if post.platform == platform]
    assert own, f"no {platform} post in {path.name}: {posts}"
    assert any(post.post_id for post in own), f"no post id in {path.name}: {own}"
    unexpected = {post.platform for post in posts} - {platform} - ALSO_HOLDS.get(path.name, set())
    assert not unexpected, f"{path.name} gave posts of {sorted(unexpected)}"


@pytest.mark.parametrize("path", _snippet_files(), ids=lambda path: path.name)
def test_snippet_through_the_text_path_never_claims_another_platform(path: Path) -> None:
    """The snippet's markup read as plain text gives no post of a foreign platform."""
    platform = _platform_of(path)
    text = path.read_bytes().decode("utf-8", "replace")
    posts = tweetresolve.extract(text, kind="text")
    unexpected = {post.platform for post in posts} - {platform} - ALSO_HOLDS.get(path.name, set())
    assert not unexpected, f"{path.name} as text gave posts of {sorted(unexpected)}"
