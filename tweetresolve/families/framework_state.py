"""Framework state that is not a plain tree: flattened, normalised or streamed.

Three common shapes keep an article's data in a form the object rules cannot read as
is, and each is turned into an ordinary tree first (bounded, iterative, linear in the
data):

* **Nuxt 3** (``<script id="__NUXT_DATA__">``) writes its state flattened: one array
  whose objects hold the *indices* of their values (``[{"story": 1}, {"url": 2}, "…"]``),
  with wrappers such as ``["ShallowReactive", 1]``.  :func:`unflatten` rebuilds the
  tree, each index once.
* **Apollo** (``window.__APOLLO_STATE__``) normalises its cache: entities keyed
  ``"Type:id"`` at the top, linked by ``{"__ref": "Type:id"}``.  :func:`inline_references`
  puts each entity where it is first referenced, so an embed sits under its article
  (and another article's embed under that article).
* **Next.js** app router streams its data in ``self.__next_f.push([1, "…"])`` chunks,
  rows of ``id:JSON``.  :func:`flight_values` joins a page's chunks and decodes the rows.

>>> unflatten([["ShallowReactive", 1], {"story": 2}, {"url": 3}, "/a"])
{'story': {'url': '/a'}}
>>> inline_references({"ROOT_QUERY": {"a": {"__ref": "A:1"}}, "A:1": {"__typename": "A"}})
{'ROOT_QUERY': {'a': {'__typename': 'A'}}}
>>> [v for _, v in flight_values(['0:["$","div",null,{}]\\n1:{"tweetId":"20"}\\n'])]
[['$', 'div', None, {}], {'tweetId': '20'}]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["flight_values", "inline_references", "is_flight_script", "unflatten"]

#: Most nodes rebuilt or relinked per value.
MAX_NODES = 500_000
#: Longest joined flight payload read.
MAX_FLIGHT_CHARS = 4_000_000

# Nuxt's wrappers around a value: ["Reactive", 5], ["ShallowRef", 7] …
_WRAPPERS = frozenset(
    {"Reactive", "ShallowReactive", "Ref", "ShallowRef", "EmptyRef", "EmptyShallowRef"}
)

# The start of a flight script: "self.__next_f.push([1,".
_FLIGHT_START = re.compile(r"\s*\(?\s*self\.__next_f\s*(?:=[^;]{0,60})?\)?\s*\.push\(\s*\[\s*1\s*,")
# A flight row that holds JSON: "1f:[" or "5:{".  Example: '3:["$","$L4",null,{…}]'.
_FLIGHT_ROW = re.compile(r"([0-9a-f]{1,8}):(?=[\[{])")

_DECODER = json.JSONDecoder()
#: Failed row decodes tried per payload.
_MAX_FAILURES = 256


def unflatten(flat: list[Any], *, max_nodes: int = MAX_NODES) -> Any:
    """The tree a Nuxt 3 flattened state (``__NUXT_DATA__``) stands for.

    Each index is built once: a value referenced twice appears at its first place only
    (the later places get None), so the result is a tree even when the state has cycles.
    """
    if not flat:
        return None
    built: set[int] = set()

    def at(index: Any) -> tuple[Any, bool]:
        # (value, whether it is a container still to fill from flat[index])
        while True:
            if not isinstance(index, int) or isinstance(index, bool):
                return None, False
            if not 0 <= index < len(flat) or index in built:
                return None, False
            built.add(index)
            raw = flat[index]
            if not (isinstance(raw, list) and len(raw) == 2 and _is_wrapper(raw[0])):
                break
            index = raw[1]
        if isinstance(raw, dict):
            return {}, True
        if isinstance(raw, list):
            if raw and isinstance(raw[0], str):
                return None, False  # Date, Set, Map, NuxtError …: not post data
            return [], True
        return raw, False

    root, fill = at(0)
    # Depth first, in document order: a value referenced twice is built at its first place.
    stack: list[tuple[Any, Iterator[tuple[Any, Any]]]] = []
    if fill:
        stack.append((root, _items(flat[_unwrapped(flat, 0)])))
    nodes = 0
    while stack and nodes < max_nodes:
        target, items = stack[-1]
        entry = next(items, None)
        if entry is None:
            stack.pop()
            continue
        nodes += 1
        key, index = entry
        value, needs_fill = at(index)
        if isinstance(target, dict):
            target[key] = value
        else:
            target.append(value)
        if needs_fill:
            stack.append((value, _items(flat[_unwrapped(flat, index)])))
    return root


def _is_wrapper(name: Any) -> bool:
    return isinstance(name, str) and name in _WRAPPERS


def _items(raw: Any) -> Iterator[tuple[Any, Any]]:
    return iter(raw.items()) if isinstance(raw, dict) else iter(enumerate(raw))


def _unwrapped(flat: list[Any], index: int) -> int:
    # The index a wrapper chain ends at (at() checked the chain: it ends in range).
    seen = 0
    while seen < len(flat):
        raw = flat[index]
        if not (isinstance(raw, list) and len(raw) == 2 and _is_wrapper(raw[0])):
            break
        index = raw[1]
        seen += 1
    return index


def is_normalised_cache(value: Any) -> bool:
    """Whether ``value`` looks like an Apollo cache: ``ROOT_QUERY`` or ``Type:id`` keys."""
    if not isinstance(value, dict):
        return False
    if "ROOT_QUERY" in value:
        return True
    keys = list(value)[:8]
    return bool(keys) and all(
        isinstance(k, str) and ":" in k and isinstance(value[k], dict) and "__typename" in value[k]
        for k in keys
    )


def inline_references(cache: dict[str, Any], *, max_nodes: int = MAX_NODES) -> dict[str, Any]:
    """The cache with each ``{"__ref": key}`` replaced by the entity, at its first reference.

    Entities placed under a referrer leave the top level; later references stay as
    they are.  ``ROOT_QUERY`` is followed first, so the page's own query decides where
    an entity belongs.
    """
    placed: set[str] = set()
    order = sorted(cache, key=lambda k: k != "ROOT_QUERY")
    nodes = 0
    for top in order:
        if top in placed:
            continue
        if not isinstance(cache[top], (dict, list)):
            continue
        stack: list[Any] = [cache[top]]
        while stack and nodes < max_nodes:
            node = stack.pop()
            nodes += 1
            items = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
            for key, child in items:
                if isinstance(child, dict):
                    ref = child.get("__ref")
                    if isinstance(ref, str) and len(child) == 1:
                        entity = cache.get(ref)
                        if isinstance(entity, dict) and ref not in placed and ref != top:
                            placed.add(ref)
                            node[key] = entity
                            stack.append(entity)
                        continue
                    stack.append(child)
                elif isinstance(child, list):
                    stack.append(child)
    return {key: value for key, value in cache.items() if key not in placed}


def is_flight_script(text: str) -> bool:
    """Whether a script is a Next.js flight chunk (``self.__next_f.push([1, "…"])``)."""
    return _FLIGHT_START.match(text) is not None


def flight_chunk(text: str) -> str | None:
    """The payload string of one flight script, or None."""
    match = _FLIGHT_START.match(text)
    if match is None:
        return None
    try:
        value, _ = _DECODER.raw_decode(text, match.end() + _spaces(text, match.end()))
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, str) else None


def _spaces(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end] in " \t\r\n":
        end += 1
    return end - start


def flight_values(chunks: Iterable[str]) -> Iterator[tuple[int, Any]]:
    """``(offset, value)`` of each JSON row of a page's flight payload (chunks joined)."""
    payload = "".join(chunks)[:MAX_FLIGHT_CHARS]
    position = 0
    failures = 0
    while failures < _MAX_FAILURES:
        match = _FLIGHT_ROW.search(payload, position)
        if match is None:
            return
        start = match.end()
        try:
            value, position = _DECODER.raw_decode(payload, start)
        except (ValueError, RecursionError):
            position = start
            failures += 1  # a decode error counts the lines before it: keep them few
            continue
        if isinstance(value, (dict, list)):
            yield start, value
