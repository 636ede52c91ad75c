"""Framework state turned into trees: Nuxt 3's flattened state, Apollo's cache, Next.js flight."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tweetresolve.families.framework_state import (
    flight_chunk,
    flight_values,
    inline_references,
    is_normalised_cache,
    unflatten,
)


def test_unflatten_rebuilds_the_tree_each_index_once() -> None:
    """Indices become values; a value referenced twice stays at its first place."""
    flat = [["Reactive", 1], {"a": 2, "b": 2, "c": 3}, {"url": 4}, [4, 5], "/x", ["Date", "2020"]]
    assert unflatten(flat) == {"a": {"url": "/x"}, "b": None, "c": [None, None]}


def test_unflatten_survives_cycles_and_bad_indices() -> None:
    """Cycles, out-of-range indices and wrapper loops give None, not a hang or an error."""
    assert unflatten([{"self": 0, "far": 99, "neg": -1}]) == {
        "self": None,
        "far": None,
        "neg": None,
    }
    assert unflatten([["Ref", 1], ["Ref", 0]]) is None
    assert unflatten([]) is None


def test_apollo_entities_move_under_their_first_referrer() -> None:
    """An embed referenced by an article sits under that article, not at the top."""
    cache = {
        "Embed:2": {"__typename": "Embed", "url": "u2"},
        "ROOT_QUERY": {"article": {"__ref": "Article:1"}},
        "Article:1": {
            "__typename": "Article",
            "body": [{"__ref": "Embed:2"}],
            "me": {"__ref": "Article:1"},
        },
    }
    assert is_normalised_cache(cache)
    tree = inline_references(cache)
    assert list(tree) == ["ROOT_QUERY"]
    article = tree["ROOT_QUERY"]["article"]
    assert article["body"] == [{"__typename": "Embed", "url": "u2"}]
    assert article["me"] == {"__ref": "Article:1"}  # a cycle stays a reference


def test_plain_state_is_no_cache() -> None:
    """An ordinary state object is not taken for a normalised cache."""
    assert not is_normalised_cache({"story": {"title": "t"}, "a:b": 1})


def test_flight_rows_across_chunks() -> None:
    """A row split over two pushes is read from the joined payload."""
    payload = '0:["$","main",null,{}]\n1a:["$","$L2",null,{"tweetId":"20"}]\n2:I[5,[],"x"]\n'
    scripts = [
        f"self.__next_f.push([1,{json.dumps(payload[:30])}])",
        f"self.__next_f.push([1,{json.dumps(payload[30:])}])",
    ]
    chunks = [chunk for s in scripts if (chunk := flight_chunk(s)) is not None]
    assert "".join(chunks) == payload
    values = [value for _, value in flight_values(chunks)]
    assert ["$", "$L2", None, {"tweetId": "20"}] in values
    assert flight_chunk("self.__next_f.push([0])") is None


# Arbitrary JSON values: what a hostile page may put in a state script.
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 30) | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=6), inner, max_size=6)
    ),
    max_leaves=40,
)


@settings(max_examples=100)
@given(st.lists(_JSON, max_size=30))
def test_unflatten_never_raises_and_builds_each_index_once(flat: list[Any]) -> None:
    """Any flat list gives a tree (or None) without an error, no index built twice."""
    tree = unflatten(flat)
    seen: list[int] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (dict, list)):
            seen.append(id(node))
            stack.extend(node.values() if isinstance(node, dict) else node)
    assert len(seen) == len(set(seen))  # a tree: no container reached twice


@settings(max_examples=100)
@given(st.dictionaries(st.sampled_from(["ROOT_QUERY", "A:1", "B:2", "C:3"]), _JSON, max_size=4))
def test_inline_references_never_raises(cache: dict[str, Any]) -> None:
    """Any cache-like dict is relinked without an error, each entity placed at most once."""
    for value in list(cache.values()):
        if isinstance(value, dict):
            value["link"] = {"__ref": "A:1"}
    tree = inline_references(cache)
    assert set(tree) <= set(cache)
