"""Lines and fields of a candidate card: how a block of markup shows as text.

A site draws a post as a small block of *fields*: the display name, the ``@handle``,
the date, the text, a few buttons.  :func:`lines_of` walks a block and splits its
visible text into lines as a browser shows them (block ends and ``<br>`` break lines;
elements with nothing but white space between them are boxes on lines of their own),
each piece of text tagged with the field element it belongs to, if any.  Which
elements are fields is asked of an :class:`ElementKinds` (memoised per page).

Nothing here keys on a class name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import attrs
import lxml.etree

from tweetresolve.families.card_dates import is_date_text, shown_date
from tweetresolve.html import Element

__all__ = [
    "FOLLOW_LABEL",
    "HANDLE_TEXT",
    "MAX_FIELD_CHARS",
    "MAX_FIELD_LINE_CHARS",
    "MAX_FIELD_LINE_WORDS",
    "MAX_LABEL_CHARS",
    "MIN_TEXT_CHARS",
    "PLATFORM_LABEL",
    "SEPARATORS",
    "BlockLines",
    "DeepMarkup",
    "ElementKinds",
    "Kind",
    "Segment",
    "collapse",
    "field_kind",
    "holds_texts",
    "is_date_text",
    "is_field_line",
    "line_text",
    "lines_of",
    "other_text",
    "part_text",
    "parts_of",
    "shown_date",
]

# A handle shown on its own: "@ada_example", "@ada.bsky.social", "@louise@mastodon.example".
HANDLE_TEXT = re.compile(
    r"^[@＠](?P<handle>[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}(?:@[A-Za-z0-9][A-Za-z0-9.\-]{1,252})?)$"
)

# The label of a follow button, in the languages of the date tables and a few more:
# "Follow", "+ Folgen", "Suivre @ada", "フォロー".  A button, never a name or text.
FOLLOW_LABEL = re.compile(
    r"^\+?\s?(?:follow(?:ing)?|folgen|abonnieren|suivre|s'abonner|seguir|segui|volgen|obserwuj"
    r"|följ|følg|seuraa|sledovat|követés|takip et|フォロー(?:する)?|关注|팔로우|подписаться"
    r"|متابعة)(?:\s+[@＠]\S{1,80})?$",
    re.IGNORECASE,
)

# A short label naming a platform: "View on Twitter", "Auf X ansehen", "Xで見る".  On a
# link of its own it is a button, not a post's text.
PLATFORM_LABEL = re.compile(
    r"(?<![A-Za-z0-9_.])(?:tweet|twitter|instagram|tiktok|bluesky|threads|mastodon|linkedin"
    r"|facebook)(?![A-Za-z0-9_.])|(?:\b(?:on|auf|sur|en|em|no|su|op|na)\s|^)(?P<x>X)(?:\s|で|$)",
    re.IGNORECASE,
)

#: Longest label read for a platform's name.
MAX_LABEL_CHARS = 40

# Characters that separate fields on one line: "Ada · @ada · 2h", "— Ada (@ada)".
SEPARATORS = " \t\n\u00a0-–—―·•|,:;()[]/"

# Runs of white space, collapsed when a value is shown on one line.
_SPACES = re.compile(r"\s+")

# Longest text of an element that may be a field (name, handle, date).
MAX_FIELD_CHARS = 80

# A line of fields holds at most this much other text ("Posted by", "on", a name).
MAX_FIELD_LINE_CHARS = 60

MAX_FIELD_LINE_WORDS = 8

# A post's text is at least this long; shorter blocks are labels or buttons.
MIN_TEXT_CHARS = 10

# Tags after which text goes on a new line, as a browser lays them out.
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "section", "article",
        "aside", "header", "footer", "main", "nav", "figure", "figcaption", "address",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "tbody", "thead",
        "hr", "pre",
    }
)  # fmt: skip

# Tags whose content is never shown as text.
_HIDDEN_TAGS = frozenset({"script", "style", "template", "noscript", "svg", "head", "select"})

#: What an element is, as far as a card goes (see :class:`ElementKinds`).
Kind = str


def collapse(text: str) -> str:
    """White space collapsed to single spaces, ends stripped."""
    return _SPACES.sub(" ", text).strip()


@attrs.define
class ElementKinds:
    """Classifies elements for one page, memoised: fields are looked at once each.

    ``anchor_kind`` names an anchor: ``"permalink"`` (any post), ``"profile"`` (an
    account page), ``"ui"`` (share, reply, follow), or None; ``permalink_key`` gives the
    post a permalink names; ``text_of`` returns an element's short text (None when it
    is longer than a field); ``field_kind`` says whether that text is a handle or a date.
    """

    anchor_kind: Callable[[Element], Kind | None]
    permalink_key: Callable[[Element], tuple[str, str] | None]
    profile_user: Callable[[Element], str | None]
    text_of: Callable[[Element], str | None]
    field_kind: Callable[[Element], Kind | None]
    #: Whether markup below an element nests deeper than a card's (see :class:`DeepMarkup`).
    too_deep: Callable[[Element], bool] = attrs.field(default=lambda element: False)


# Deepest nesting read below a container.  No card nests this deep (on the shared
# corpora no container that has lines nests more than 6 levels), and the walk must
# end well before Python's recursion limit: a RecursionError raised inside an lxml
# XPath call (the walk measures texts with one) leaves that XPath's lock held, and the
# next call to it waits forever.  Each climb step may read this deep, so the bound
# also sets what a page of nested markup costs (the square of it per permalink).
_MAX_DEPTH = 40


class _TooDeep(Exception):
    """Raised inside the walk past :data:`_MAX_DEPTH` levels."""


# Whether the walk below would go past _MAX_DEPTH levels (it visits every child, elements
# and comments, of an element it enters, and does not enter hidden ones), asked in C.
_NOT_HIDDEN = "*[not(" + " or ".join(f"self::{tag}" for tag in sorted(_HIDDEN_TAGS)) + ")]"
_DEEPER_THAN_WALKED = lxml.etree.XPath(
    f"boolean(self::{_NOT_HIDDEN}/{'/'.join([_NOT_HIDDEN] * _MAX_DEPTH)}/node()[not(self::text())])"
)


class DeepMarkup:
    """Which elements hold markup nested deeper than the walk goes, for one page.

    The walk of a container that is too deep stops only :data:`_MAX_DEPTH` levels down;
    on markup nested hundreds of levels deep, every permalink's climb read that many
    levels at each of its steps.  Asked in C first, and remembered: every element
    around one that is too deep is too deep as well, up to a hidden one.
    """

    def __init__(self) -> None:
        self._deep: set[Element] = set()

    def __call__(self, element: Element) -> bool:
        if element in self._deep:
            return True
        if not _DEEPER_THAN_WALKED(element):
            return False
        # The walk from an element above goes down to this one, and deeper, unless it
        # meets a hidden element on the way: it does not read inside those.
        node = element
        while node is not None and node not in self._deep and node.tag not in _HIDDEN_TAGS:
            self._deep.add(node)
            node = node.getparent()
        return True


@attrs.define
class Segment:
    text: str
    part: Element | None
    kind: Kind | None
    anchor: Element | None


def _walk(  # noqa: PLR0917  (the walk's state, passed down the recursion)
    element: Element,
    kinds: ElementKinds,
    key: tuple[str, str],
    skip: frozenset[Element],
    lines: list[list[Segment]],
    part: Element | None,
    kind: Kind | None,
    anchor: Element | None,
    wrap: Element | None,
    depth: int = 0,
) -> None:
    if depth > _MAX_DEPTH:
        raise _TooDeep
    tag = element.tag if isinstance(element.tag, str) else ""
    if element in skip:
        lines.append([])
        return
    if tag in _HIDDEN_TAGS or not tag:
        return
    if part is None:
        kind = _kind(element, tag, kinds, key, wrap)
        if kind is not None:
            part = element
    if tag == "a" and anchor is None:
        anchor = element
    if tag == "br" or tag in _BLOCK_TAGS:
        lines.append([])
    if tag == "img" and kind in {"seed", "permalink"}:
        lines[-1].append(Segment("", part, kind, anchor))
    if element.text:
        lines[-1].append(Segment(element.text, part, kind, anchor))
    # Fields laid out as boxes: elements with nothing but white space between them
    # ("<span>Name</span> <span>@handle</span>") are shown on lines of their own by
    # the site's style sheet; text between elements means running text.
    boxes = len(element) >= 2 and _only_elements(element)
    for child in element:
        if boxes:
            lines.append([])
        _walk(child, kinds, key, skip, lines, part, kind, anchor, wrap, depth + 1)
        if child.tail:
            lines[-1].append(Segment(child.tail, part, kind, anchor))
    if tag in _BLOCK_TAGS:
        lines.append([])


def _only_elements(element: Element) -> bool:
    if (element.text or "").strip():
        return False
    count = 0
    for child in element:
        if (child.tail or "").strip():
            return False
        if isinstance(child.tag, str) and child.tag != "br":
            count += 1
    return count >= 2


def _kind(
    element: Element, tag: str, kinds: ElementKinds, key: tuple[str, str], wrap: Element | None
) -> Kind | None:
    if tag == "a":
        anchor = kinds.anchor_kind(element)
        if anchor == "permalink":
            if element is wrap or holds_texts(element):
                return None  # the link holds fields (the card, its header): read them
            return "seed" if kinds.permalink_key(element) == key else "permalink"
        shown = kinds.text_of(element)
        if shown and HANDLE_TEXT.match(shown):
            return "handle"  # whatever the link does, it shows the account
        if anchor is not None:
            return anchor
    if tag == "button":
        return "ui"
    if tag == "time":
        return "date"
    return kinds.field_kind(element)


def field_kind(element: Element, shown: str | None) -> Kind | None:
    """``"handle"`` or ``"date"`` when an element's short text ``shown`` is one."""
    if not shown or next(element.iterdescendants("a"), None) is not None:
        return None  # the link inside is the field, if any
    if HANDLE_TEXT.match(shown):
        return "handle"
    if FOLLOW_LABEL.match(shown):
        return "ui"
    if is_date_text(shown):
        return "date"
    return None


def lines_of(
    container: Element | list[Element],
    kinds: ElementKinds,
    key: tuple[str, str],
    skip: frozenset[Element],
    wrap: Element | None,
) -> list[list[Segment]]:
    lines: list[list[Segment]] = [[]]
    roots = container if isinstance(container, list) else [container]
    if not skip and any(kinds.too_deep(root) for root in roots):
        return []  # as the walk would end, found without walking
    try:
        for root in roots:
            _walk(root, kinds, key, skip, lines, None, None, None, wrap)
            lines.append([])
    except _TooDeep:
        return []  # nesting deeper than any card: not one
    return [line for line in lines if any(s.text.strip() or s.kind == "seed" for s in line)]


# A key no permalink has: read with it, every permalink is a plain "permalink" part.
_NO_KEY = ("", "")


class BlockLines:
    """The lines of each block, read once for every permalink in it.

    A block holding many permalinks would otherwise be read once per permalink (the
    square of its size).  A permalink's line is read as :func:`lines_of` reads it with
    the permalink's own key: the parts naming the same post are marked ``"seed"``.
    """

    def __init__(self, kinds: ElementKinds) -> None:
        self._kinds = kinds
        self._blocks: dict[Element, _ReadBlock] = {}

    def _read(self, block: Element) -> _ReadBlock:
        known = self._blocks.get(block)
        if known is None:
            known = _ReadBlock(lines_of(block, self._kinds, _NO_KEY, frozenset(), None))
            self._blocks[block] = known
        return known

    def permalinks_on_line(self, block: Element, seed: Element) -> int:
        """How many permalinks show on ``seed``'s line in ``block`` (0: not shown)."""
        read = self._read(block)
        number = read.line_numbers.get(seed)
        return 0 if number is None else read.permalink_counts[number]

    def line_of(self, block: Element, seed: Element, key: tuple[str, str]) -> list[Segment] | None:
        """``seed``'s line in ``block`` (None when it shows nothing there)."""
        read = self._read(block)
        number = read.line_numbers.get(seed)
        if number is None:
            return None
        return [
            Segment(s.text, s.part, "seed", s.anchor)
            if s.kind == "permalink"
            and s.part is not None
            and self._kinds.permalink_key(s.part) == key
            else s
            for s in read.lines[number]
        ]


class _ReadBlock:
    """One block's lines, the line each permalink shows on first (as :func:`parts_of`
    picks it) and how many permalinks each line shows."""

    def __init__(self, lines: list[list[Segment]]) -> None:
        self.lines = lines
        self.line_numbers: dict[Element, int] = {}
        self.permalink_counts: list[int] = []
        for number, line in enumerate(lines):
            parts = {s.part for s in line if s.kind == "permalink" and s.part is not None}
            self.permalink_counts.append(len(parts))
            for segment in line:
                part = segment.part
                if segment.kind != "permalink" or part is None or part in self.line_numbers:
                    continue
                if segment.text.strip() or not segment.text:
                    self.line_numbers[part] = number


def line_text(line: list[Segment]) -> str:
    return collapse("".join(s.text for s in line))


def part_text(part: Element, line: list[Segment]) -> str:
    return collapse("".join(s.text for s in line if s.part is part))


def parts_of(lines: list[list[Segment]], kind: Kind) -> Iterator[tuple[int, Element]]:
    seen: set[Element] = set()
    for number, line in enumerate(lines):
        for segment in line:
            if segment.kind != kind or segment.part is None or segment.part in seen:
                continue
            # The line where the part shows something (an image's marker is empty).
            if segment.text.strip() or not segment.text:
                seen.add(segment.part)
                yield number, segment.part


def other_text(line: list[Segment], chosen: set[Element]) -> str:
    return "".join(s.text for s in line if s.part not in chosen).strip(SEPARATORS)


def is_field_line(line: list[Segment], chosen: set[Element]) -> bool:
    if not any(s.part in chosen for s in line):
        return False
    other = collapse(other_text(line, chosen))
    return len(other) <= MAX_FIELD_LINE_CHARS and len(other.split()) <= MAX_FIELD_LINE_WORDS


def holds_texts(anchor: Element) -> bool:
    """Whether a link holds two or more separately laid out texts (not one label)."""
    texts = 0
    for element in anchor.iterdescendants():
        if isinstance(element.tag, str) and (element.text or "").strip():
            texts += 1
            if texts >= 2:
                return True
    return False
