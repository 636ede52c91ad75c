"""The bounded JSON reader: values in scripts, the walk, its budget."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetresolve.families.jsonwalk import WalkBudget, json_values, walk

# JSON-like values: scalars, lists and string-keyed dicts, nested.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=60,
)


def _nodes(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + sum(_nodes(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(_nodes(v) for v in value)
    return 1


@given(JSON_VALUES)
def test_walk_visits_each_container_once(value: Any) -> None:
    """The walk yields every dict once and visits no more nodes than containers exist."""
    budget = WalkBudget(10**6)
    frames = list(walk(value, budget=budget))
    expected = json.dumps(value).count("{")  # strings in keys/values may hold "{" too
    assert len(frames) <= expected
    assert budget.visited <= _nodes(value)


@given(JSON_VALUES, st.integers(min_value=0, max_value=50))
def test_walk_stops_at_its_budget(value: Any, limit: int) -> None:
    """However large the value, the walk visits at most its budget of nodes."""
    budget = WalkBudget(limit)
    list(walk(value, budget=budget))
    assert budget.visited <= limit


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_json_values_never_raises(script: str) -> None:
    """Arbitrary script text gives values or nothing, never an exception."""
    for offset, value in json_values(script):
        assert 0 <= offset < len(script)
        assert isinstance(value, (dict, list))


@given(
    JSON_VALUES, st.sampled_from(["window.__STATE__ = {};", "init({});", "x = JSON.parse({!r});"])
)
def test_json_values_reads_assignments_calls_and_parse_strings(value: Any, shape: str) -> None:
    """A value assigned, passed to a call or given to JSON.parse as a string is read back."""
    if not isinstance(value, (dict, list)):
        value = {"v": value}
    encoded = json.dumps(value)
    script = shape.format(encoded) if "{!r}" in shape else shape.replace("{}", encoded)
    assert value in [found for _, found in json_values(script)]


@pytest.mark.parametrize(
    "script",
    [
        "x = " + "[" * 200_000,  # deeper than the decoder's stack
        "x = " + '{"a": ' * 50_000 + "1" + "}" * 49_999,  # unbalanced, deep
        "f(" * 100_000,  # many starts, none a value
        'x = {"a": 1' * 20_000,  # many failing decodes of growing length
    ],
)
def test_hostile_scripts_cost_bounded_work(script: str) -> None:
    """Deep, broken and repetitive scripts give nothing and do not blow up."""
    assert list(json_values(script)) == []
