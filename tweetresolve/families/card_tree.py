"""Where a card sits in the page tree: runs of siblings in a flat feed, bare wrappers,
a sibling holding a quoted card, permalinks counted per ancestor, click trackers.

Helpers of :mod:`~tweetresolve.families.cards`, about elements and their neighbours
rather than about what a card shows.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Container, Iterable

from tweetresolve.families.card_lines import MAX_FIELD_CHARS
from tweetresolve.families.card_links import TEXT_LENGTH_XPATH
from tweetresolve.html import Element

__all__ = [
    "Either",
    "Siblings",
    "beside_a_card",
    "counts_by_ancestor",
    "one_tracker",
    "only_wraps",
    "sibling_runs",
]

# A card of a flat feed spans at most this many siblings.
_MAX_RUN = 8


def counts_by_ancestor(seeds: Iterable[Element], levels: int) -> dict[Element, int]:
    """How many of the seeds each element up to ``levels`` above them holds."""
    counts: dict[Element, int] = {}
    for seed in seeds:
        node: Element | None = seed
        for _ in range(levels + 1):
            if node is None:
                break
            counts[node] = counts.get(node, 0) + 1
            node = node.getparent()
    return counts


#: Per parent: its element children, and the place of each among them.
Siblings = dict[Element, tuple[list[Element], dict[Element, int]]]


def sibling_runs(
    node: Element, parent: Element, stops: Container[Element], known: Siblings
) -> list[list[Element]]:
    """The siblings that make ``node``'s card in a flat feed: those before it back to the
    previous card's permalink (the permalink closes a card, as a date does), else those
    after it up to the next one.  ``stops`` are siblings no card reaches over: those
    holding another permalink or an official embed.  ``known`` keeps each parent's
    children for the page: listed once per permalink, a parent of thousands of links
    cost the square of them."""
    if parent not in known:
        children = [child for child in parent if isinstance(child.tag, str)]
        known[parent] = (children, {child: place for place, child in enumerate(children)})
    siblings, places = known[parent]
    at = places.get(node)
    if at is None:
        return []
    start = at
    while start > 0 and siblings[start - 1] not in stops and at - start < _MAX_RUN:
        start -= 1
    end = at + 1
    while end < len(siblings) and siblings[end] not in stops and end - at < _MAX_RUN:
        end += 1
    runs = []
    if start < at:
        runs.append(siblings[start : at + 1])
    if end > at + 1:
        runs.append(siblings[at:end])
    return runs


def one_tracker(anchors: list[Element]) -> bool:
    """Whether a card's links all go through one click tracker: two or more, absolute,
    on one host.  A site's own links (relative, a fragment) or a mix of hosts (an article
    link and a share button) are not a redirect-wrapped post."""
    hosts = set()
    for anchor in anchors:
        parts = urllib.parse.urlsplit((anchor.get("href") or "").strip())
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            return False
        hosts.add(parts.netloc.lower())
    return len(anchors) >= 2 and len(hosts) == 1


def only_wraps(node: Element, child: Element) -> bool:
    """Whether ``node`` holds nothing but ``child`` (white space aside)."""
    if (node.text or "").strip() or (child.tail or "").strip() or len(node) != 1:
        return False
    return node[0] is child


def beside_a_card(
    node: Element, parent: Element, keys: Container[Element], known: dict[Element, list[Element]]
) -> bool:
    """Whether a sibling of ``node`` holds another permalink and more text than a field.

    ``known`` keeps, per parent, the first two children that do (for one ``keys``): two
    are enough to answer for any of them, and a parent of thousands of links was read
    once per link.
    """
    cards = known.get(parent)
    if cards is None:
        cards = known[parent] = []
        for child in parent:
            if (
                isinstance(child.tag, str)
                and child in keys
                and TEXT_LENGTH_XPATH(child) > MAX_FIELD_CHARS
            ):
                cards.append(child)
                if len(cards) == 2:
                    break
    return any(card is not node for card in cards)


class Either:
    """Membership in any of several containers, without copying them."""

    def __init__(self, *containers: Container[Element]) -> None:
        self.containers = containers

    def __contains__(self, item: object) -> bool:
        return any(item in container for container in self.containers)
