"""The marker prefilter: which embed markers occur in a document, in one cheap scan.

A page without any embed marker is never parsed; :class:`MarkerScan` tells which
markers a page holds before any parse, and :func:`markers_present` does the same for
short lists on already lower-cased text.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

__all__ = ["MarkerScan", "markers_present"]


def _optional_module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


# Optional: one-pass search for every embed marker (see MarkerScan).
_ahocorasick: Any = _optional_module("ahocorasick_rs")


def markers_present(lowered: str, markers: Iterable[str]) -> bool:
    """Return True if any marker occurs in ``lowered`` (the lower-cased document).

    Substring search runs at memory speed, so this is the cheap test that lets a
    page with no embed skip parsing altogether.
    """
    return any(marker in lowered for marker in markers)


# Length of the gates of the pure-Python scan: long enough to be rare on a page,
# short enough that a platform's markers share a few ("itter", "outub").
_GATE_CHARS = 5
# How many places of a gate the pure-Python scan checks one by one before it
# searches the gate's markers through the whole page instead.
_GATE_CHECKS = 32
# The automaton reads long documents in windows of this many bytes, so a page
# repeating a marker a million times cannot build a million-entry match list.
_SCAN_WINDOW = 1 << 20


class MarkerScan:
    """Find which of many lower-case markers occur in a document, in one pass or a few.

    Looking for each marker on its own costs one pass over the page per marker,
    and the platforms declare dozens.  With ``ahocorasick_rs`` installed, one
    Aho-Corasick automaton finds them all in a single pass.  Without it, each
    group of markers (one platform's) is covered by a few *gates*, substrings its
    markers share (``"itter"`` for ``twitter-tweet`` and ``amp-twitter``): the
    page is searched once per gate, and the markers behind a gate only when the
    gate occurs.  Both read the UTF-8 bytes lower-cased in ASCII, where search is
    fastest, and give the same answer; markers that are not ASCII are looked for
    in the lower-cased text.

    >>> scan = MarkerScan([["twitter-tweet", "amp-twitter"], ["instagram-media"]])
    >>> sorted(scan.find('<blockquote class="Twitter-Tweet">'))
    ['twitter-tweet']
    >>> sorted(MarkerScan([["twitter-tweet"]], engine="gates").find("twitter-tweet"))
    ['twitter-tweet']
    """

    __slots__ = ("_automaton", "_gates", "_longest", "_markers", "_other", "engine")

    def __init__(self, groups: Iterable[Iterable[str]], *, engine: str = "auto") -> None:
        if engine not in ("auto", "automaton", "gates"):
            raise ValueError(f"engine must be 'auto', 'automaton' or 'gates'; got {engine!r}")
        if engine == "automaton" and _ahocorasick is None:
            raise ValueError("engine 'automaton' needs the ahocorasick_rs package")
        sets = [{marker.lower() for marker in group if marker} for group in groups]
        ascii_markers = sorted({m for group in sets for m in group if m.isascii()})
        self._other = tuple(sorted({m for group in sets for m in group if not m.isascii()}))
        self._markers = tuple(ascii_markers)
        self._longest = max(map(len, ascii_markers), default=0)
        self._automaton: Any = None
        self._gates: tuple[tuple[bytes, tuple[tuple[bytes, int], ...]], ...] = ()
        if engine != "gates" and _ahocorasick is not None and ascii_markers:
            self.engine = "automaton"
            self._automaton = _ahocorasick.BytesAhoCorasick(
                [marker.encode("ascii") for marker in ascii_markers]
            )
        else:
            self.engine = "gates"
            self._gates = _gates_for(sets)

    def find(self, source: str, *, encoded: bytes | None = None) -> set[str]:
        """The markers that occur in ``source``, ASCII letter case ignored.

        ``encoded``, if given, is ``source`` already encoded as UTF-8.
        """
        if encoded is None:
            encoded = source.encode("utf-8", "surrogatepass")
        data = encoded.lower()
        found: set[str] = set()
        if self._automaton is not None:
            self._find_with_automaton(data, found)
        else:
            self._find_with_gates(data, found)
        if self._other:
            lowered = source.lower()
            found.update(marker for marker in self._other if marker in lowered)
        return found

    def _find_with_gates(self, data: bytes, found: set[str]) -> None:
        # Each place a gate occurs is checked for the markers behind it (a marker
        # holds its gate at a known offset).  A gate seen more often than
        # _GATE_CHECKS times is cheaper to settle by searching its markers outright.
        for gate, members in self._gates:
            at = data.find(gate)
            pending = list(members)
            checks = _GATE_CHECKS
            while at != -1 and pending and checks:
                checks -= 1
                left = []
                for marker, offset in pending:
                    start = at - offset
                    if start >= 0 and data.startswith(marker, start):
                        found.add(marker.decode("ascii"))
                    else:
                        left.append((marker, offset))
                pending = left
                at = data.find(gate, at + 1)
            if at != -1 and pending:
                found.update(marker.decode("ascii") for marker, _ in pending if marker in data)

    def _find_with_automaton(self, data: bytes, found: set[str]) -> None:
        # Overlapping matches: a marker inside another one ("tweet" in
        # "twitter-tweet") must be reported too.  Windows overlap by the longest
        # marker, so a marker across a window boundary is still seen whole.
        view = memoryview(data)
        markers = self._markers
        indexes: set[int] = set()
        step = _SCAN_WINDOW
        for start in range(0, max(len(data), 1), step):
            window = view[start : start + step + self._longest - 1]
            matches = self._automaton.find_matches_as_indexes(window, overlapping=True)
            indexes.update(index for index, _, _ in matches)
            if len(indexes) == len(markers):
                break
        found.update(markers[index] for index in indexes)


def _gates_for(
    groups: Iterable[set[str]],
) -> tuple[tuple[bytes, tuple[tuple[bytes, int], ...]], ...]:
    # Greedy cover of each group's markers by 5-character substrings.  Gates are
    # chosen within a group: a substring of one platform's markers is rarer on a
    # page than one shared across platforms ("embed", ".com/").
    by_gate: dict[str, set[str]] = {}
    for group in groups:
        uncovered = {marker for marker in group if marker.isascii()}
        while uncovered:
            counts: dict[str, int] = {}
            for marker in uncovered:
                for gram in _grams(marker):
                    counts[gram] = counts.get(gram, 0) + 1
            gate = min(counts, key=lambda gram: (-counts[gram], gram))
            covered = {marker for marker in uncovered if gate in marker}
            uncovered -= covered
            by_gate.setdefault(gate, set()).update(covered)
    # A gate standing for one marker is that marker: one search instead of two.
    gates = {
        (next(iter(members)) if len(members) == 1 else gate): members
        for gate, members in by_gate.items()
    }
    return tuple(
        (
            gate.encode("ascii"),
            tuple((marker.encode("ascii"), marker.index(gate)) for marker in sorted(members)),
        )
        for gate, members in sorted(gates.items())
    )


def _grams(marker: str) -> set[str]:
    if len(marker) <= _GATE_CHARS:
        return {marker}
    return {marker[i : i + _GATE_CHARS] for i in range(len(marker) - _GATE_CHARS + 1)}
