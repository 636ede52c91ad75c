"""Markup nested deeper than the parser goes: the rest of the page parsed apart.

libxml2 stops reading a document at the first element nested more than 2,048 deep (a
fatal "Excessive depth" error, even with ``huge_tree``): every post after it would be
lost without a word, where a browser keeps reading.  So when a parse stopped there, the
source after the last element read is parsed again as a document of its own, as many
times as it takes (up to :data:`MAX_CONTINUATIONS`), and what each part holds is moved
to the end of the first tree's body.  Each part's elements are given the source lines
they have in the whole page, so the spans of the posts found in them stay right.

The parts no longer sit inside the deep markup they followed; nothing read from them
depends on that (no post's container is 2,048 levels tall).
"""

from __future__ import annotations

import itertools
import logging
import re
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

# How many elements named $name come before this one in document order.
_SAME_NAME_BEFORE = lxml.etree.XPath(
    "count(preceding::*[name() = $name]) + count(ancestor::*[name() = $name])"
)

# libxml2's message when it stops at its depth limit.
_DEPTH_MESSAGE = "Excessive depth"

#: Parses a part: ``(root, stopped too deep)``, or None when it does not parse.
ParsePart = Callable[[str], "tuple[Element, bool] | None"]


def stopped_too_deep(parser: Any) -> bool:
    """Whether ``parser`` gave up at its depth limit, leaving the rest unread."""
    # The parse ends at that error, so it is the last one logged.
    last = parser.error_log.last_error
    return last is not None and _DEPTH_MESSAGE in last.message


def with_the_rest(root: Element, source: str, parse_part: ParsePart) -> None:
    """Parse what the parse of ``root`` left unread in ``source``; move it into ``root``."""
    body = root.find("body")
    target = body if body is not None else root
    cut = _after_last_start_tag(root, source)
    lines_before, counted_to = 0, 0
    for _ in range(MAX_CONTINUATIONS):
        if cut is None:
            logger.warning("markup nested too deep: the rest of the document was not read")
            return
        text, parsed = _read_part(source, cut, parse_part)
        if parsed is None:
            return
        part, stopped = parsed
        following = _after_last_start_tag(part, text) if stopped else None
        lines_before += source.count("\n", counted_to, cut)
        counted_to = cut
        if lines_before:
            for node in part.iter():
                if node.sourceline:
                    node.sourceline += lines_before
        _move_into(target, part)
        if not stopped:
            return
        cut = cut + following if following is not None else None
    logger.warning(
        "markup nested too deep: read in %d parts, the rest not read", MAX_CONTINUATIONS + 1
    )


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


def _after_last_start_tag(root: Element, text: str) -> int | None:
    """Where the start tag of the last element read ends in ``text``: the parse stopped
    right after it."""
    found = _LAST_ELEMENT(root)
    if not found or not isinstance(found[0].tag, str) or not found[0].sourceline:
        return None
    last = found[0]
    tag, line = last.tag, last.sourceline
    try:
        first = next(root.iter(tag))
    except ValueError:  # a tag name lxml cannot look up
        return None
    # How many elements of its name start before it on its line.  Lines only grow in
    # document order: when the first of them is on that line, all are, and they are
    # counted in C (a Python loop over a part's thousands of elements costs more).
    if first.sourceline == line:
        nth = int(_SAME_NAME_BEFORE(last, name=tag))
    else:
        nth = sum(
            1
            for other in itertools.takewhile(lambda e: e is not last, root.iter(tag))
            if other.sourceline == line
        )
    line_start = 0
    for _ in range(line - 1):
        line_start = text.find("\n", line_start) + 1
        if line_start == 0:
            return None
    # The nth such start tag from the line's start: the scan stops there, not at the end
    # of the text (a start tag written over several lines is not counted: a rare miss).
    pattern = re.compile(rf"<{re.escape(tag)}(?=[\s/>])", re.IGNORECASE)
    start = next(itertools.islice(pattern.finditer(text, line_start), nth, None), None)
    if start is None:
        return None
    end = text.find(">", start.start())
    return end + 1 if end != -1 else None
