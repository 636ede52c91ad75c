"""Every example of README.md and docs/*.md runs: doctests run, the rest is checked.

Examples written as doctests (``>>>``) run as the docs show them, from the project
root (they read ``docs/examples/``).  The few that need the network, a web archive
or a Spark cluster are plain code blocks: they are compiled, and every name they
take from tweetresolve (``tr.expand``, ``from tweetresolve.spark import …``) must
exist, so that a renamed function cannot leave a stale example behind.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import tweetresolve

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])

# A fenced Python block: ```python … ```.
_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.fixture
def in_project_root() -> Iterator[None]:
    """Run from the project root, where the examples' relative paths point."""
    before = Path.cwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(before)


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_doctests_of_the_page_pass(page: Path, in_project_root: None) -> None:
    """The ``>>>`` examples of a page give the output the page shows."""
    result = doctest.testfile(
        str(page), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False
    )
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed"


def _plain_blocks() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for number, block in enumerate(_PYTHON_BLOCK.findall(page.read_text("utf-8"))):
            if ">>>" not in block:
                found.append((f"{page.name}#{number}", block))
    return found


PLAIN = _plain_blocks()


@pytest.mark.parametrize(("where", "block"), PLAIN, ids=[where for where, _ in PLAIN])
def test_plain_examples_compile_and_name_real_things(where: str, block: str) -> None:
    """A network, archive or cluster example is valid Python and uses names that exist."""
    tree = ast.parse(block, where, feature_version=(3, 10))  # top-level await parses too
    compile(block, where, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "tr":
                assert hasattr(tweetresolve, node.attr), f"{where}: tr.{node.attr}"
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tweetresolve"):
            try:
                module = importlib.import_module(node.module or "")
            except ImportError as exc:  # an optional extra (pyspark) that is not installed
                pytest.skip(f"{where}: {exc}")
            for alias in node.names:
                assert hasattr(module, alias.name), f"{where}: {node.module}.{alias.name}"


def test_every_page_is_seen() -> None:
    """The README and the docs pages are all found (a moved folder must not empty the test)."""
    names = {page.name for page in PAGES}
    assert {"README.md", "quickstart.md", "records.md", "cli.md"} <= names
