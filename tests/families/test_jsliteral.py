"""The JS object literal reader: what it reads, and that it never raises and stays linear."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetresolve.families import jsliteral
from tweetresolve.families.jsliteral import read_literal, state_literals

# JSON-like values, as in the JSON walker's properties.
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            st.from_regex(r"[a-z_$][a-z0-9_$]{0,7}", fullmatch=True), inner, max_size=5
        )
    ),
    max_leaves=60,
)


def _as_js(value: Any, style: int) -> str:
    """``value`` as a JS literal: bare keys, single quotes, !0/!1, trailing commas."""
    if isinstance(value, bool):
        return ("!0" if value else "!1") if style % 2 else json.dumps(value)
    if value is None:
        return "void 0" if style % 3 == 0 else "undefined"
    if isinstance(value, str):
        if style % 2:
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ",".join(_as_js(v, style) for v in value) + ("," if value else "") + "]"
    if isinstance(value, dict):
        parts = [f"{k}:{_as_js(v, style)}" for k, v in value.items()]
        return "{ /* c */ " + ",".join(parts) + "}"
    return json.dumps(value)


@settings(max_examples=150)
@given(VALUES, st.integers(min_value=0, max_value=5))
def test_literal_reads_back_what_was_written(value: Any, style: int) -> None:
    """A value written as a JS literal in several styles reads back as the same value."""
    if not isinstance(value, (dict, list)):
        value = {"v": value}
    text = _as_js(value, style)
    read = read_literal(text, 0)
    assert read is not None
    assert read == (value, len(text))


class _CountingToken:
    """The token pattern with a count of its match attempts."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.calls = 0

    def match(self, text: str, position: int) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.match(text, position)


@settings(max_examples=200)
@given(st.text(alphabet="{}[]:,'\"`!0 ab_=$/*\\\n()-.x", max_size=400))
def test_reader_never_raises_and_reads_each_character_once(script: str) -> None:
    """Arbitrary text gives a literal or None, never an exception, in one pass per read."""
    counter = _CountingToken(jsliteral._TOKEN)
    saved = jsliteral._TOKEN
    jsliteral._TOKEN = counter  # type: ignore[assignment]
    try:
        read_literal(script, 0)
        reads = 1
        for offset, value in state_literals("window.__S__ = " + script):
            assert offset >= 0
            assert isinstance(value, (dict, list))
        reads += jsliteral._MAX_LITERALS + jsliteral._MAX_FAILURES + 1
    finally:
        jsliteral._TOKEN = saved
    # Each token consumes at least one character: a read costs at most len + 1 matches.
    assert counter.calls <= reads * (len(script) + 20)


@pytest.mark.parametrize(
    "script",
    [
        "window.__S__ = " + "[" * 200_000,  # deep: no recursion to exhaust
        "window.__S__ = {a: /* " + "x" * 100_000,  # an unterminated comment
        "__a = {" * 20_000,  # many assignments, none complete
        "window.__S__ = {a: `" + "${x}" * 10_000 + "`}",  # template substitutions
        "window.__S__ = {a: f(1)}",  # a call is not data
    ],
)
def test_hostile_literals_give_nothing(script: str) -> None:
    """Deep, unterminated and non-data literals give nothing and do not blow up."""
    assert list(state_literals(script)) == []


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            "window.__INITIAL_STATE__ = {a: 1, 'b': 'x', c: [!0, !1, void 0,],};",
            {"a": 1, "b": "x", "c": [True, False, None]},
        ),
        ('window["__APP__"]={url:"https:\\u002F\\u002Fx.com\\u002Fa"}', {"url": "https://x.com/a"}),
        (
            "var __data = {n: -1.5e2, h: 0x1F, t: `plain`} // done",
            {"n": -150.0, "h": 31, "t": "plain"},
        ),
        (
            "window.__NUXT__=(function(a,b,c){return {layout:a,data:[{x:b,y:c,z:d}]}}"
            '("blog",!0,null));',
            {"layout": "blog", "data": [{"x": True, "y": None, "z": None}]},
        ),
    ],
)
def test_state_literal_shapes(script: str, expected: Any) -> None:
    """Assignments to state names, Nuxt's function form and JS escapes are read."""
    assert [value for _, value in state_literals(script)] == [expected]


def test_json_already_read_is_skipped() -> None:
    """A literal at an offset read as JSON already is not read twice."""
    script = 'window.__S__ = {"a": 1};'
    offset = script.index("{")
    assert [o for o, _ in state_literals(script)] == [offset]
    assert list(state_literals(script, skip={offset})) == []
