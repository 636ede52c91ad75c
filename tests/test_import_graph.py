"""The package's import graph: no cycles, and every module imports on its own."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "tweetresolve"

#: Imports known to close a cycle, each to be removed by the change that moves it.
#: Empty is the goal; an entry that no longer exists fails the test, so the list
#: only shrinks.
KNOWN_CYCLE_EDGES: frozenset[tuple[str, str]] = frozenset()


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(path): path for path in sorted(PACKAGE_DIR.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    """Every module named by an import that runs (module level or inside functions)."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)  # the TYPE_CHECKING branch never runs
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            for alias in node.names:
                yield f"{base}.{alias.name}"  # kept only when it names a module
        stack.extend(ast.iter_child_nodes(node))


def import_graph() -> dict[str, set[str]]:
    """``module -> modules whose code runs when it imports``, within the package.

    Importing ``a.b.c`` runs the ``__init__`` of ``a`` and ``a.b`` first, unless the
    importer lives in them (a package is already initialising when its own modules run).
    """
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        is_package = path.name == "__init__.py"
        own = module.split(".")
        own_packages = {".".join(own[:i]) for i in range(1, len(own) + (1 if is_package else 0))}
        edges: set[str] = set()
        for target in _imports(ast.parse(path.read_text("utf-8")), module, is_package):
            if target not in MODULES:
                continue
            parts = target.split(".")
            for i in range(1, len(parts) + 1):
                name = ".".join(parts[:i])
                if name in MODULES and name not in own_packages and name != module:
                    edges.add(name)
        graph[module] = edges
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a closed path, or None (an iterative depth-first search).

    >>> find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}})
    ['a', 'b', 'c', 'a']
    >>> find_cycle({"a": {"b"}, "b": set()}) is None
    True
    """
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in sorted(graph):
        if state.get(root):
            continue
        path = [root]
        pending = [iter(sorted(graph[root]))]
        state[root] = 1
        while pending:
            nxt = next(pending[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                pending.pop()
                continue
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                pending.append(iter(sorted(graph.get(nxt, ()))))
    return None


def test_find_cycle_finds_a_self_made_cycle() -> None:
    """The checker itself reports a cycle through a package's ``__init__``."""
    graph = {"p": {"p.a"}, "p.a": {"q"}, "q": {"p.b"}, "p.b": set()}
    assert find_cycle(graph) is None
    graph["p.b"] = {"p"}
    assert find_cycle(graph) == ["p", "p.a", "q", "p.b", "p"]


def test_no_import_cycle() -> None:
    """No chain of imports, at module level or inside a function, leads back to its start."""
    graph = import_graph()
    for source, target in KNOWN_CYCLE_EDGES:
        assert target in graph[source], f"{source} -> {target} is gone: drop it from the list"
        graph[source].discard(target)
    assert find_cycle(graph) is None


def test_graph_sees_the_records_below_the_entities() -> None:
    """The graph holds the edges it must: entities import the records, not the reverse."""
    graph = import_graph()
    assert "tweetresolve.records" in graph["tweetresolve.entities.handles"]
    assert "tweetresolve.twitter_text.length" in graph["tweetresolve.records"]
    below = graph["tweetresolve.records"]
    assert not any(name.startswith("tweetresolve.entities") for name in below)


def test_function_level_imports_say_why() -> None:
    """An import inside a function carries its reason, and the reason is never a cycle."""
    for module, path in MODULES.items():
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if "noqa: PLC0415" not in line:
                continue
            reason = line.split("noqa: PLC0415", 1)[1].strip(" -()")
            where = f"{module}:{number}"
            assert reason, f"{where}: say why the import is deferred"
            if (module, "tweetresolve.extract") in KNOWN_CYCLE_EDGES and "extract" in line:
                continue
            assert "cycle" not in reason, where
            assert "imports us" not in reason, where


def test_every_module_imports_in_a_fresh_interpreter() -> None:
    """Every module imports in a fresh interpreter, ``__init__`` modules first as Python does.

    Importing any module runs the package's ``__init__`` first, so one interpreter that
    imports the package and then each module stands for one interpreter per module.
    """
    names = ", ".join(repr(name) for name in sorted(MODULES))
    script = f"import importlib\nfor name in ({names},):\n    importlib.import_module(name)\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
