"""Markup nested deeper than the parser goes: the rest of the page parsed apart.

libxml2 stops reading a document at the first element nested more than 2,048 deep (a
fatal "Excessive depth" error, even with ``huge_tree``): every post after it would be
lost without a word, where a browser keeps reading.  So when a parse stopped there, the
source is parsed again as a document of its own from an element 64 levels above the
last one read (what the parse left half read there, an embed whose start tag came just
before the limit, is read whole), as many times as it takes (up to
:data:`MAX_CONTINUATIONS`), and what each part holds is moved to the end of the first
tree's body.  Each part's elements are given the source lines they have in the whole page,
so the spans of the posts found in them stay right.

Known limit: past line 65,535 (lxml's bound on line numbers) the cut cannot be found and
the rest is not read (a warning says so).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

import lxml.etree

__all__ = ["MAX_CONTINUATIONS", "stopped_too_deep", "with_the_rest"]

logger = logging.getLogger(__name__)

Element = Any

#: Parts read after the first stop.  Each holds at least 2,048 elements and costs what
#: it holds, so this is megabytes of nesting read in linear time; the rest of a page
#: needing more is left unread (and logged).
MAX_CONTINUATIONS = 1024

# How much of the rest a part is first parsed from (then twice as much, and so on).
_FIRST_WINDOW = 16 * 1024

# The last element in document order: the deepest of the last ones, where the parse
# stopped.  Example: the innermost <div> of "<div><div>…".
_LAST_ELEMENT = lxml.etree.XPath("(descendant::*)[last()]")

# How far above the last element read the next part starts, and how many elements
# (from there down) are tried when a start tag cannot be found in the source.
_BACK_LEVELS = 64
_TRIES = 8

# lxml's bound on an element's line number.
_MAX_LINE = 65536

# libxml2's message when it stops at its depth limit.
_DEPTH_MESSAGE = "Excessive depth"

#: Parses a part: ``(root, stopped too deep)``, or None when it does not parse.
ParsePart = Callable[[str], "tuple[Element, bool] | None"]
#: Where ``element`` (of the tree ``root``) starts in ``text``, if that can be found.
StartOf = Callable[[Element, Element, str], "int | None"]


def stopped_too_deep(parser: Any) -> bool:
    """Whether ``parser`` gave up at its depth limit, leaving the rest unread."""
    # The parse ends at that error, so it is the last one logged.
    last = parser.error_log.last_error
    return last is not None and _DEPTH_MESSAGE in last.message


def with_the_rest(root: Element, source: str, parse_part: ParsePart, start_of: StartOf) -> None:
    """Parse what the parse of ``root`` left unread in ``source``; move it into ``root``."""
    body = root.find("body")
    target = body if body is not None else root
    cut = _cut_back(root, source, start_of)
    lines_before, counted_to = 0, 0
    for round_ in range(MAX_CONTINUATIONS):
        if cut is None:
            logger.warning("markup nested too deep: the rest of the document was not read")
            return
        offset, read_again = cut
        text, parsed = _read_part(source, offset, parse_part)
        if parsed is None:
            return  # what was read stays as it was
        part, stopped = parsed
        last_round = round_ + 1 == MAX_CONTINUATIONS
        following = _cut_back(part, text, start_of) if stopped and not last_round else None
        # The part holds it again, whole: only now is the first reading let go.
        read_again.getparent().remove(read_again)
        lines_before += source.count("\n", counted_to, offset)
        counted_to = offset
        if lines_before:
            for node in part.iter():
                if node.sourceline:
                    shifted = node.sourceline + lines_before
                    # lxml keeps lines below 65,536; past that, the line is unknown
                    node.sourceline = shifted if shifted < _MAX_LINE else 0
        _move_into(target, part)
        if not stopped:
            return
        cut = (offset + following[0], following[1]) if following is not None else None
    logger.warning(
        "markup nested too deep: read in %d parts, the rest not read", MAX_CONTINUATIONS + 1
    )


def _cut_back(root: Element, text: str, start_of: StartOf) -> tuple[int, Element] | None:
    """Where the next part starts in ``text``, and the element of ``root`` it reads again.

    Not right after the last element read, but at an element :data:`_BACK_LEVELS` above
    it: what the parse left half read there (an embed whose start tag came just before
    the limit, the text of the last element) is read whole by the next part.
    """
    found = _LAST_ELEMENT(root)
    if not found:
        return None
    above = list(itertools.islice(found[0].iterancestors(), _BACK_LEVELS))
    # the highest first; a few lower ones if its start tag cannot be found
    for element in [*reversed(above), found[0]][:_TRIES]:
        if element.getparent() is None or element.tag in ("html", "head", "body"):
            continue
        start = start_of(root, element, text)
        if start is not None and start > 0:
            return start, element
    return None


def _move_into(target: Element, part: Element) -> None:
    """Append what ``part`` holds (its head's and body's children) to ``target``."""
    for section in list(part):
        if section.tag not in ("head", "body"):
            target.append(section)
            continue
        if section.text:  # text before the part's first element follows what came before
            if len(target):
                target[-1].tail = (target[-1].tail or "") + section.text
            else:
                target.text = (target.text or "") + section.text
        for child in list(section):
            target.append(child)


def _read_part(
    source: str, cut: int, parse_part: ParsePart
) -> tuple[str, tuple[Element, bool] | None]:
    """The text a part was read from (``source`` from ``cut``) and what it gave.

    Windows of the rest first, doubling: a part that stops again stops inside one, and
    it is read from a window at most twice as long as what it held (each window costs
    its length to read, so a part costs what it holds, however long the rest).
    """
    window = _FIRST_WINDOW
    while cut + window < len(source):
        text = source[cut : cut + window]
        parsed = parse_part(text)
        if parsed is not None and parsed[1]:
            return text, parsed
        window *= 2
    text = source[cut:]
    return text, parse_part(text)
