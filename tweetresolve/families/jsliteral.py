"""JavaScript object literals that are not JSON, read in one bounded pass.

State written by hand or by older frameworks is a JS literal, not JSON: bare and
single-quoted keys, single-quoted strings, ``!0`` / ``!1``, ``void 0``, ``undefined``,
trailing commas, comments, and (Nuxt 2) a function whose parameters stand for repeated
values: ``window.__NUXT__=(function(a,b){return {layout:a}}("default",null))``.
:func:`state_literals` finds the literals assigned to state-like names (``__…``) and
reads them with :func:`read_literal`, a small parser that

* reads each character once, with an explicit stack (no recursion), so its work is
  linear in the text and depth costs nothing;
* stops after :data:`MAX_NODES` values and gives None on anything it does not know
  (operators, calls, template substitutions), never an exception.

A bare name stands for a parameter's argument when the Nuxt form gives one, else None.

>>> read_literal("{a: 1, 'b': undefined, c: !0, d: ['x', void 0,],}", 0)[0]
{'a': 1, 'b': None, 'c': True, 'd': ['x', None]}
>>> [value for _, value in state_literals(
...     'window.__NUXT__=(function(a,b){return {layout:a,n:b}}("blog",2));')]
[{'layout': 'blog', 'n': 2}]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["MAX_NODES", "read_literal", "state_literals"]

#: Most values (objects, arrays, scalars) one literal may hold.
MAX_NODES = 200_000
#: Most literals read from one script, and most failed reads (each may scan the rest
#: of the script once, to an unterminated comment's end).
_MAX_LITERALS = 16
_MAX_FAILURES = 16

# An assignment to a state-like name, and what follows: an object, an array, or the
# Nuxt function.  Examples: "window.__INITIAL_STATE__ = {", "__NUXT__=(function(a,b){".
# (The literal "__" first lets the search skip ahead fast; a name must not continue
# one before it, which the caller checks.)
_STATE_ASSIGNMENT = re.compile(
    r"""__[A-Za-z0-9_$]{1,60}(?:["']\])?\s{0,20}=\s{0,20}"""
    r"(?P<nuxt>\(\s{0,20}function\s{0,20}\((?P<params>[\w$,\s]{0,2000})\)\s{0,20}\{\s{0,20}"
    r"return\s{1,20})?(?=[\[{])"
)

# One token: white space and comments are skipped; strings, numbers and names read whole.
# Example: "'it\\'s'", "-1.5e3", "void 0", "!0".
_TOKEN = re.compile(
    r"""
    (?P<space>(?:\s+|//[^\n]*|/\*.*?\*/)+)
    |(?P<punct>[{}\[\]:,)])
    |(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\$]|\\.|\$(?!\{))*`)
    |(?P<number>-?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?))
    |(?P<bang>!\s*[01])
    |(?P<void>void\s+0)
    |(?P<name>[A-Za-z_$][\w$]*)
    """,
    re.VERBOSE | re.DOTALL,
)

# JS strings may hold raw control characters, which strict JSON refuses.
_LENIENT = json.JSONDecoder(strict=False)

_NAMED = {"true": True, "false": False, "null": None, "undefined": None, "NaN": None}
# JS escapes JSON lacks: \' \x41 \v \0 and line continuations.
_JS_ESCAPE = re.compile(r"\\x([0-9A-Fa-f]{2})|\\(.)|\"", re.DOTALL)


class _Name:
    """A bare name met as a value: a Nuxt parameter, resolved after the arguments."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


def read_literal(text: str, start: int, *, max_nodes: int = MAX_NODES) -> tuple[Any, int] | None:
    """The object or array literal at ``text[start]`` and the offset after it, or None.

    Bare names are left as placeholders (see :func:`state_literals`); use the result
    only through :func:`state_literals` when names matter.
    """
    return _read(text, start, max_nodes)


def _read(
    text: str, start: int, max_nodes: int, *, arguments: bool = False
) -> tuple[Any, int] | None:
    """The literal at ``start``; with ``arguments``, the items of a call's argument list
    up to its ")" (``start`` just after the "(")."""
    # The stack holds the open containers: [container, key awaiting a value or None].
    stack: list[list[Any]] = [[[], None]] if arguments else []
    root: Any = stack[0][0] if arguments else None
    position = start
    nodes = 0
    expect_key = False
    pending_key: str | None = None
    while True:
        match = _TOKEN.match(text, position)
        if match is None:
            return None
        position = match.end()
        kind = match.lastgroup
        if kind == "space":
            continue
        token = match.group()
        nodes += 1
        if nodes > max_nodes:
            return None
        if kind == "punct":
            if token == ")":
                if arguments and len(stack) == 1:
                    return root, position
                return None
            if token in "{[":
                container: Any = {} if token == "{" else []
                if not _place(stack, container, expect_key, pending_key):
                    if stack:
                        return None
                    root = container
                stack.append([container, None])
                expect_key = token == "{"
                pending_key = None
                continue
            if token in "}]":
                if not stack or isinstance(stack[-1][0], dict) != (token == "}"):
                    return None
                stack.pop()
                if not stack:
                    return root, position
                expect_key = False
                continue
            if token == ",":
                expect_key = bool(stack) and isinstance(stack[-1][0], dict)
                pending_key = None
                continue
            # ":" after a key
            if pending_key is None:
                return None
            continue
        value: Any
        if kind == "string":
            value = _string(token)
            if value is None:
                return None
        elif kind == "number":
            value = _number(token)
        elif kind == "bang":
            value = token[-1] == "0"
        elif kind == "void":
            value = None
        else:
            value = _NAMED.get(token, _Name(token)) if not expect_key else token
        if not stack:
            return None
        if expect_key:
            if not isinstance(value, str):
                value = token  # a number as a key: {1: "a"}
            pending_key = value
            stack[-1][1] = value
            expect_key = False
            continue
        if not _place(stack, value, expect_key, pending_key):
            return None


def _place(stack: list[list[Any]], value: Any, expect_key: bool, pending_key: str | None) -> bool:
    if not stack or expect_key:
        return False
    container, key = stack[-1]
    if isinstance(container, dict):
        if key is None:
            return False
        container[key] = value
        stack[-1][1] = None
    else:
        container.append(value)
    return True


def _string(token: str) -> str | None:
    body = token[1:-1]
    if "\\" not in body and '"' not in body:
        return body
    text = _JS_ESCAPE.sub(_as_json_escape, body)
    try:
        value = _LENIENT.decode(f'"{text}"')
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def _as_json_escape(match: re.Match[str]) -> str:
    hex_code, escaped = match.group(1), match.group(2)
    if hex_code is not None:
        return f"\\u00{hex_code}"
    if escaped is None:
        return '\\"'
    if escaped in "'`":
        return escaped
    if escaped == "\n":
        return ""
    if escaped == "v":
        return "\\u000b"
    if escaped == "0":
        return "\\u0000"
    if escaped in '"\\/bfnrtu':
        return "\\" + escaped
    return escaped  # "\q" is "q" in JS


def _number(token: str) -> int | float:
    try:
        if token.lstrip("-")[:2] in ("0x", "0X"):
            return int(token, 16)
        return int(token) if token.lstrip("-").isdigit() else float(token)
    except ValueError:
        return 0


def state_literals(
    script: str, *, skip: set[int] | frozenset[int] = frozenset(), max_nodes: int = MAX_NODES
) -> Iterator[tuple[int, Any]]:
    """Yield ``(offset, value)`` for each literal assigned to a ``__…`` name.

    Nuxt's function form is read too: its parameters take the call's arguments.
    Literals starting at an offset in ``skip`` (read as JSON already) are passed over.
    ``max_nodes`` bounds every literal together.
    """
    found = 0
    failures = 0
    position = 0
    while found < _MAX_LITERALS and failures < _MAX_FAILURES and max_nodes > 0:
        match = _STATE_ASSIGNMENT.search(script, position)
        if match is None:
            return
        position = match.end()
        before = script[match.start() - 1 : match.start()]
        if match.end() in skip or (before and (before.isalnum() or before in "_$")):
            continue
        read = _read(script, match.end(), max_nodes)
        if read is None:
            failures += 1  # each costs at most one pass over the rest of the script
            continue
        value, end = read
        max_nodes -= _size_hint(script, match.end(), end)
        position = end
        if match.group("nuxt") is not None:
            params = [p.strip() for p in match.group("params").split(",") if p.strip()]
            arguments = _arguments(script, end, max_nodes)
            value = _resolve(value, dict(zip(params, arguments, strict=False)), max_nodes)
        else:
            value = _resolve(value, {}, max_nodes)
        found += 1
        yield match.end(), value


def _size_hint(script: str, start: int, end: int) -> int:
    # Characters stand in for nodes: every node is at least one character.
    return max(1, (end - start) // 4)


# The end of the Nuxt function's body and the start of its call: "}}(" or "}(".
_CALL_START = re.compile(r"\s{0,20}\}\s{0,20}\(")


def _arguments(script: str, end: int, max_nodes: int) -> list[Any]:
    """The Nuxt call's arguments: ``}("default",null,!0)`` after the returned object."""
    call = _CALL_START.match(script, end)
    if call is None:
        return []
    read = _read(script, call.end(), max_nodes, arguments=True)
    if read is None or not isinstance(read[0], list):
        return []
    return [None if isinstance(item, _Name) else item for item in read[0]]


def _resolve(value: Any, names: dict[str, Any], max_nodes: int) -> Any:
    """Replace bare names by their arguments (or None), iteratively."""
    if isinstance(value, _Name):
        return names.get(value.name)
    stack = [value]
    while stack and max_nodes > 0:
        node = stack.pop()
        max_nodes -= 1
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, item in list(items):
            if isinstance(item, _Name):
                node[key] = names.get(item.name)
            elif isinstance(item, (dict, list)):
                stack.append(item)
    return value
