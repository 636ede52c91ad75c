"""What is handed to the HTML parser: absurd attribute lists cut to a cap first.

libxml2 compares each attribute of a start tag with every earlier one (duplicates
are dropped), so a tag's cost grows with the square of its attribute count: one tag
with 40,000 attributes takes seconds, a million takes minutes.  No page needs more
than a few dozen, so before parsing, every start tag past :data:`MAX_ATTRIBUTES`
attributes keeps its first ``MAX_ATTRIBUTES`` and loses the rest (a warning is
logged).  The cut keeps the line breaks of what it drops, so every element keeps
its line and the spans of posts, read from the original source, are unchanged.

Reading every tag in Python would cost about as much as the parse itself, so only
the start tags that could hold that many attributes are read: those followed by a
run of at least ``2 * MAX_ATTRIBUTES`` characters before the next ``<`` (one scan, in
C), and those with a quoted value holding a ``<`` (which splits a tag into short
runs): those are first matched against more than ``MAX_ATTRIBUTES`` attributes in C.
The second scan skips scripts (most of a page, full of quoted "<" and no tags); it
costs about half a parse.  A ``<script`` written inside a tag (an attribute value) opens
no script; a known gap remains for one written after a ``>`` in the same value.

>>> tag = "<p " + " ".join(f"a{i}=1" for i in range(MAX_ATTRIBUTES + 5)) + ">x</p>"
>>> capped = cap_attributes(tag)
>>> capped.count("="), capped.endswith("a999=1>x</p>")
(1000, True)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

__all__ = ["MAX_ATTRIBUTES", "RAW_TEXT_ELEMENTS", "cap_attributes", "in_attribute_value"]

logger = logging.getLogger(__name__)

#: Attributes of one start tag handed to the parser; the rest are dropped.
MAX_ATTRIBUTES = 1000

# Shortest text MAX_ATTRIBUTES attributes can take: a space and a one-letter name each.
_MIN_CAPPED_TAG_CHARS = 2 * MAX_ATTRIBUTES

# The start of a start tag and its name, or of a comment.  Example: "<blockquote".
_TAG_START = re.compile(r"<!--|<[A-Za-z][^ \t\n\f\r/<>]*")

# One attribute (name, optional value) or a stray "/", quote or "=", with the space
# before it; never empty after a tag name, so each match moves forward.
# Example: ' class="x"'.
# White space is HTML's five characters, not Python's (a no-break space is part of a
# name or value to the parser).
_ATTRIBUTE = re.compile(
    r"""[ \t\n\f\r]*(?:[^ \t\n\f\r"'<>=/][^ \t\n\f\r"'<>=/]*"""
    r"""(?:[ \t\n\f\r]*=[ \t\n\f\r]*(?:"[^"]*"|'[^']*'|[^ \t\n\f\r"'>]*))?|/|["'=])"""
)

# The end of a start tag, right after its attributes.  Example: " />".
_TAG_CLOSE = re.compile(r"[ \t\n\f\r]*/?>")

# A "<" followed by that many characters before the next "<": only such a run can hold
# a start tag that needs cutting.  Runs never overlap, so the scan is linear.
# Example: "<p a0=1 a1=1 …" over 2,000 characters.
_LONG_RUN = re.compile(rf"<[^<]{{{_MIN_CAPPED_TAG_CHARS},}}")

# A start tag with a quoted value holding a "<", up to that "<": a quote, then the next
# "<" before any ">".  Greedy runs of one character class, no lazy step per character:
# each attempt stops at the first "<" or ">", so the scan is linear.
# Example: '<p title="a<b'.
_QUOTED_LT = re.compile(r"""<[A-Za-z][^<>"']*["'][^<>]*<""")

# A start tag with more than MAX_ATTRIBUTES attributes, read as _ATTRIBUTE reads them;
# each attribute is taken whole (a lookahead and a back-reference make it atomic), so
# a tag that falls short fails without backtracking.
# Matched up to MAX_ATTRIBUTES attributes, and the group "more" holds one more if the
# tag has it: the match's end is how far the tag's attributes reach (a "<" before it
# stands inside a quoted value of this tag, so it starts no tag of its own).
_TOO_MANY_ATTRIBUTES = re.compile(
    rf"<[A-Za-z][^ \t\n\f\r/<>]*(?:(?=({_ATTRIBUTE.pattern}))\1){{0,{MAX_ATTRIBUTES}}}"
    rf"(?:(?=({_ATTRIBUTE.pattern}))(?P<more>\2))?"
)

# What may follow "<script" in its start tag.
_AFTER_SCRIPT_NAME = frozenset({" ", "\t", "\n", "\r", "\f", ">", "/"})

# Where raw text (never tags) opens and closes, lower-cased: comments and the elements
# whose content the parser does not read as markup.
#: Elements whose content the HTML parser reads as text, never as tags.
RAW_TEXT_ELEMENTS = ("script", "style", "textarea", "title", "xmp", "noembed", "noframes")
_RAW_TEXT = (("<!--", "-->"), *((f"<{name}", f"</{name}") for name in RAW_TEXT_ELEMENTS))


def cap_attributes(source: str) -> str:
    """``source`` with every start tag cut to :data:`MAX_ATTRIBUTES` attributes.

    Returns ``source`` itself (the same object) when no tag needs cutting.  Linear in
    ``source``: one scan in C, then a few tags read in Python.
    """
    cuts: list[tuple[int, int]] = []
    raw_text: _RawText | None = None
    # Where the attributes of the last tag matched in C end (when they end the tag), and
    # where that tag starts; whether it stands in raw text is asked only when it matters.
    read_until, read_from, reader_text = 0, 0, None
    # How far the attributes of any tag read so far reached, in raw text or not.
    read_reach = 0
    for start, checked in _candidates(source):
        if cuts and start < cuts[-1][1]:
            continue  # inside a tag already cut
        if start < read_reach:
            # Read over already: in a comment or a script (an unclosed "<!--" makes the
            # rest of the page one), it is no tag and is never cut, and reading each of
            # its "<" again would cost the square of the page.
            raw_text = raw_text if raw_text is not None else _RawText(source)
            if raw_text.holds(start):
                continue
        # A "<" inside a value of a tag read already is no tag: skipping it keeps the
        # scan linear when quoted values make a tag run over many others.  Not when
        # that tag is no tag either (in a comment or a script).
        if start < read_until:
            reader_text = reader_text if reader_text is not None else _RawText(source)
            if not reader_text.holds(read_from):
                continue
        if not checked:
            found = _TOO_MANY_ATTRIBUTES.match(source, start)
            if found is not None:
                read_reach = max(read_reach, found.end())
            if found is not None and _TAG_CLOSE.match(source, found.end()):
                read_until, read_from = found.end(), start
            if found is None or found.group("more") is None:
                continue
        attributes = _attribute_span(source, start)
        if attributes is None:
            continue
        cut_at, end = attributes
        read_reach = max(read_reach, end)
        if end > read_until and _TAG_CLOSE.match(source, end):
            read_until, read_from = end, start
        if end == cut_at:
            continue  # no more attributes than the cap
        raw_text = raw_text if raw_text is not None else _RawText(source)
        if not raw_text.holds(start):
            cuts.append((cut_at, end))
    if not cuts:
        return source
    logger.warning(
        "%d start tag(s) with more than %d attributes: the rest were not parsed",
        len(cuts),
        MAX_ATTRIBUTES,
    )
    pieces = []
    kept_until = 0
    for cut_start, cut_end in cuts:
        pieces.append(source[kept_until:cut_start])
        pieces.append("\n" * source.count("\n", cut_start, cut_end))  # lines stay put
        kept_until = cut_end
    pieces.append(source[kept_until:])
    return "".join(pieces)


def _candidates(source: str) -> list[tuple[int, bool]]:
    """Where a start tag may hold too many attributes, in order; ``True``: a long run,
    read in Python at once, ``False``: a tag with a ``<`` in a value, matched in C first.

    Tags with a ``<`` in a value are looked for outside scripts only: a script's code is
    most of a page and full of quoted "<", and no tag stands in it.
    """
    runs = [(run.start(), True) for run in _LONG_RUN.finditer(source)]
    quoted = [
        (found.start(), False)
        for start, end in _outside_scripts(source)
        for found in _QUOTED_LT.finditer(source, start, end)
    ]
    return sorted(runs + quoted) if quoted else runs


def _outside_scripts(source: str) -> Iterator[tuple[int, int]]:
    """The stretches of ``source`` between its scripts (``<script …>`` to ``</script``).

    Only a ``<script`` in lower case opens one (any other spelling leaves the stretch to
    be read, which costs time, never a missed tag); a script ends at its first
    ``</script`` in any letter case, as in the parser.
    """
    position = 0
    while True:
        opening = source.find("<script", position)
        while opening != -1 and (
            source[opening + 7 : opening + 8] not in _AFTER_SCRIPT_NAME
            or in_attribute_value(source, position, opening)
        ):
            opening = source.find("<script", opening + 7)
        if opening == -1:
            yield position, len(source)
            return
        yield position, opening
        content = source.find(">", opening)
        if content == -1:
            return
        close = source.find("</", content)
        while close != -1 and source[close + 2 : close + 8].lower() != "script":
            close = source.find("</", close + 2)
        if close == -1:
            return
        position = close


def in_attribute_value(source: str, start: int, pos: int) -> bool:
    """Whether ``pos`` stands in a quoted value of a tag (looking back to ``start``): a
    ``<script`` or ``<!--`` there is text of that value, and opens nothing.

    That is: after a ``<`` with no ``>`` since, and past an odd number of quotes of one
    kind.  A bare "<" in text before a real script has no open quote after it, so the
    script still counts.  Each look back stops at the nearest "<", and the "<" of the
    opening before bounds it, so the scan stays linear.
    """
    last_open = source.rfind("<", start, pos)
    if last_open == -1 or source.find(">", last_open, pos) != -1:
        return False
    return source.count('"', last_open, pos) % 2 == 1 or source.count("'", last_open, pos) % 2 == 1


class _RawText:
    """Whether a place lies in a comment or a raw-text element (a script's "<" is no tag).

    Read forwards as the parser reads: an opening (``<!--``, ``<script`` …) starts raw
    text that only its own closing ends (a ``<!--`` in a script's string opens nothing).
    Asked about places in increasing order; each occurrence of a marker is searched for
    once, so the whole page costs one pass per marker.
    """

    def __init__(self, source: str) -> None:
        self._source = source
        self._lowered = source.lower()
        self._scanned = 0  # everything before this has been read
        self._closing: str | None = None  # what ends the raw text the scan is in
        self._close_at: int | None = None  # where that closing is (-1: nowhere)
        self._next: dict[str, int] = {}  # each opening's next place (-1: none left)

    def holds(self, pos: int) -> bool:
        while True:
            if self._closing is not None:
                if self._close_at is None:
                    self._close_at = self._lowered.find(self._closing, self._scanned)
                if self._close_at == -1 or self._close_at >= pos:
                    return True
                self._scanned = self._close_at + len(self._closing)
                self._closing = self._close_at = None
                continue
            found = [(at, pair) for pair in _RAW_TEXT if (at := self._next_opening(pair[0])) != -1]
            if not found:
                return False
            at, (opening, closing) = min(found)
            if at >= pos:
                return False
            self._scanned = at + len(opening)
            self._closing = closing

    def _next_opening(self, opening: str) -> int:
        at = self._next.get(opening)
        if at is not None and (at == -1 or at >= self._scanned):
            return at
        start = self._scanned
        while True:
            at = self._lowered.find(opening, start)
            if at == -1 or self._opens(opening, at):
                break
            start = at + len(opening)
        self._next[opening] = at
        return at

    def _opens(self, opening: str, at: int) -> bool:
        # "<scripts" is no script; an opening inside an attribute value opens nothing
        after = self._source[at + len(opening) : at + len(opening) + 1]
        if opening != "<!--" and after not in _AFTER_SCRIPT_NAME:
            return False
        return not in_attribute_value(self._source, 0, at)


def _tag_end(source: str, pos: int, limit: int | None = None) -> int:
    """Where the attributes starting at ``pos`` end (at most ``limit`` of them read)."""
    count = 0
    while limit is None or count < limit:
        attribute = _ATTRIBUTE.match(source, pos)
        if attribute is None or attribute.end() == pos:
            break
        count += 1
        pos = attribute.end()
    return pos


def _attribute_span(source: str, start: int) -> tuple[int, int] | None:
    """Where the cap falls in the attributes of the tag at ``start``, and where they
    end (the same place when the tag has no more than the cap); None for no tag."""
    name = _TAG_START.match(source, start)
    if name is None or name.group() == "<!--":
        return None
    cut_at = _tag_end(source, name.end(), MAX_ATTRIBUTES)
    return cut_at, _tag_end(source, cut_at)
