"""Bounded reading of JSON held in pages: script bodies, assignments, attribute props.

Pages keep their data as JSON in ``<script type="application/json">``, in
``window.__STATE__ = {…};`` assignments, in ``JSON.parse("…")`` calls and in
attributes such as ``data-react-props``.  This module finds those values and walks
them, with a fixed budget so a hostile or huge page costs bounded work:

* at most :data:`MAX_SCRIPT_CHARS` of a script are read, at most
  :data:`MAX_VALUES` values per script are decoded;
* the walk visits at most ``budget`` nodes, iteratively (no recursion), and records
  each dictionary's parent by reference, so depth costs nothing;
* broken JSON, JS object literals that are not JSON (read by
  :mod:`~tweetresolve.families.jsliteral` instead), and nesting deep enough to trip
  the decoder give nothing, never an exception.

>>> text = 'window.__APP_STATE__ = {"story": {"tweetId": "20"}}; init();'
>>> [value for _, value in json_values(text)]
[{'story': {'tweetId': '20'}}]
>>> [(frame.key, frame.value) for frame in walk({"a": [{"b": 1}]}, budget=100)]
[(None, {'a': [{'b': 1}]}), ('a', {'b': 1})]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import attrs

__all__ = [
    "MAX_SCRIPT_CHARS",
    "MAX_VALUES",
    "Frame",
    "WalkBudget",
    "json_values",
    "parse_json",
    "walk",
]

#: Longest script body read; the rest of a bigger one is ignored.
MAX_SCRIPT_CHARS = 4_000_000
#: Most JSON values decoded from one script.
MAX_VALUES = 64

_DECODER = json.JSONDecoder()

# Where a JSON value starts in a script that is not pure JSON: after an assignment
# ("window.__INITIAL_STATE__ = {", "self.__data = ["), as the argument of a call
# ("hydrate({…})"), or as the string given to JSON.parse.  The value must open the way
# JSON does (a quoted key, a value in a list): a JS object literal ("f({a: 1})", in
# every script) fails to decode, and each failed decode costs the decoder a count of
# the lines before it.
# Example: 'window.__PRELOADED_STATE__ = {"a": 1}'.
_VALUE_START = re.compile(
    r"JSON\.parse\(\s{0,20}(?P<quote>[\"'])"
    r"|[=(]\s{0,20}(?=\{\s{0,20}[\"}]|\[\s{0,20}[\[{\"\d\-tfn\]])"
)

# A JS string literal given to JSON.parse: "…" or '…' with backslash escapes.
# Example: JSON.parse("{\"a\":1}").
_JS_STRING = {
    '"': re.compile(r'"((?:[^"\\\n]|\\.){0,4000000})"', re.DOTALL),
    "'": re.compile(r"'((?:[^'\\\n]|\\.){0,4000000})'", re.DOTALL),
}

# The pieces of a JS string body that differ in a JSON string: escapes JSON lacks
# (\' and \x41) and, in a single-quoted string, a bare double quote.
# Example: 'It\'s \x41 "quoted"'.
_JS_STRING_PIECE = re.compile(r'\\x([0-9A-Fa-f]{2})|\\(.)|"', re.DOTALL)

#: Characters the failed decodes of one script may scan, as a multiple of its length.
_SCAN_FACTOR = 4
#: Failed decodes tried per script: each failure also counts the lines before it
#: (the decoder's error message), so their number must stay bounded.
_MAX_FAILURES = 256


def parse_json(text: str) -> Any:
    """``json.loads`` that returns None instead of raising on bad or too deep input."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def json_values(script: str) -> Iterator[tuple[int, Any]]:
    """Yield ``(offset, value)`` for each JSON object or array a script holds.

    A script that is JSON as a whole gives one value; otherwise the values assigned
    or passed to a call, and the strings given to ``JSON.parse``.  The offset is where
    the value starts in ``script`` (the opening quote for a ``JSON.parse`` string).
    """
    text = script[:MAX_SCRIPT_CHARS]
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        start = len(text) - len(stripped)
        decoded = _decode_at(text, start)
        if decoded is not None:
            yield start, decoded[0]
            return
    found = 0
    position = 0
    allowance = _SCAN_FACTOR * len(text) + 4096  # chars failed decodes may still scan
    failures = 0
    while found < MAX_VALUES and allowance > 0 and failures < _MAX_FAILURES:
        match = _VALUE_START.search(text, position)
        if match is None:
            return
        position = match.end()
        quote = match.group("quote")
        if quote:
            start = match.end() - 1
            decoded = _decode_string(text, start, quote)
            if decoded is None:
                failures += 1
                continue
            inner, position = decoded
            allowance -= len(inner)
            value = parse_json(inner) if inner.lstrip()[:1] in ("{", "[") else None
        else:
            start = match.end()
            try:
                value, position = _DECODER.raw_decode(text, start)
            except json.JSONDecodeError as error:
                allowance -= error.pos - start + 1
                failures += 1
                continue
            except (ValueError, RecursionError):
                return  # nesting too deep for the decoder: the rest is no better
        if isinstance(value, (dict, list)):
            found += 1
            yield start, value


def _decode_at(text: str, start: int) -> tuple[Any, int] | None:
    try:
        return _DECODER.raw_decode(text, start)
    except (ValueError, RecursionError):
        return None


def _decode_string(text: str, start: int, quote: str) -> tuple[str, int] | None:
    match = _JS_STRING[quote].match(text, start)
    if match is None:
        return None
    body = _JS_STRING_PIECE.sub(_as_json_piece, match.group(1))
    try:
        return json.loads(f'"{body}"'), match.end()
    except (ValueError, RecursionError):
        return None


def _as_json_piece(match: re.Match[str]) -> str:
    hex_code, escaped = match.group(1), match.group(2)
    if hex_code is not None:
        return f"\\u00{hex_code}"
    if escaped is None:
        return '\\"'  # a bare double quote inside a single-quoted string
    if escaped == "'":
        return "'"
    if escaped == "\n":
        return ""  # a line continuation
    return "\\" + escaped


@attrs.define
class WalkBudget:
    """How many nodes a walk may still visit; shared by the walks of one page."""

    remaining: int
    visited: int = 0


@attrs.frozen
class Frame:
    """A dictionary met in a walk: its key in the parent, the parent's frame."""

    value: dict[str, Any]
    key: str | None
    parent: Frame | None

    def ancestors(self) -> Iterator[Frame]:
        """This frame's parents, innermost first."""
        frame = self.parent
        while frame is not None:
            yield frame
            frame = frame.parent


def walk(value: Any, *, budget: int | WalkBudget) -> Iterator[Frame]:
    """Yield every dictionary inside ``value`` (itself first), depth first, in order.

    Lists are looked through (a dict in a list keeps the list's key).  Stops after
    ``budget`` nodes of any type.
    """
    counter = budget if isinstance(budget, WalkBudget) else WalkBudget(budget)
    # Entries: (node, key it was met under, the nearest enclosing dict's frame).
    stack: list[tuple[Any, str | None, Frame | None]] = [(value, None, None)]
    children: list[tuple[Any, str | None, Frame | None]]
    while stack and counter.remaining > 0:
        node, key, parent = stack.pop()
        counter.remaining -= 1
        counter.visited += 1
        if isinstance(node, dict):
            frame = Frame(node, key, parent)
            yield frame
            children = [
                (child, str(k), frame)
                for k, child in node.items()
                if isinstance(child, (dict, list))
            ]
        elif isinstance(node, list):
            children = [(child, key, parent) for child in node if isinstance(child, (dict, list))]
        else:
            continue
        stack.extend(reversed(children))


def strings(frame: Frame) -> Iterator[tuple[str, str]]:
    """The (key, string) pairs of one dictionary, strings in its lists included.

    >>> frame = next(walk({"body": ["<p>a</p>", ["<p>b</p>"], {"c": "d"}], "e": "f"}, budget=9))
    >>> list(strings(frame))
    [('body', '<p>a</p>'), ('body', '<p>b</p>'), ('e', 'f')]
    """
    for key, child in frame.value.items():
        if isinstance(child, str):
            yield str(key), child
        elif isinstance(child, list):
            # Lists of lists hold no dict of their own to be walked from: read them here.
            stack = [child]
            while stack:
                for item in stack.pop():
                    if isinstance(item, str):
                        yield str(key), item
                    elif isinstance(item, list):
                        stack.append(item)
