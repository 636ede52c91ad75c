"""Sniffing, prefiltering and parsing helpers shared by the platform detectors.

The HTML path is built so that a page without embed markers costs one cheap
scan: :class:`~tweetresolve.prefilter.MarkerScan` runs before any parse.  Pages that
pass are parsed once with lxml (a C parser; a whole-page BeautifulSoup tree costs
several times more) and every detector reads that one tree.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urljoin

import lxml.etree
import lxml.html

from tweetresolve.deep_markup import stopped_too_deep, with_the_rest
from tweetresolve.parser_input import RAW_TEXT_ELEMENTS, cap_attributes, in_attribute_value

__all__ = [
    "ParsedPage",
    "element_text",
    "has_class",
    "last_line_before",
    "looks_like_html",
    "parse_page",
]

logger = logging.getLogger(__name__)

#: Element type of the parsed tree (lxml ships no type stubs).
Element = Any

# How much of a document to look at when deciding HTML vs plain text.
_SNIFF_CHARS = 65536

# An opening or closing tag of an element that real pages and embed snippets use.
# Plain text that merely contains "<3" or "a < b" never matches.  Example: "<blockquote class=".
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|span|a|br|blockquote|iframe|script|"
    r"article|section|figure|img|ul|li|table|amp-[a-z]+|twitterwidget|template|textarea|header|"
    r"footer|nav|main|h[1-6])(?=[\s>/])",
    re.IGNORECASE,
)

# Start of a tag name in the raw source, used to map an element back to its offset.
# Example: "<blockquote" in '<blockquote class="twitter-tweet">'.
_START_TAG_TEMPLATE = r"<{}(?=[\s/>])"


def looks_like_html(text: str) -> bool:
    """Tell whether a document is HTML (a markup tag of a known element) or plain text.

    >>> looks_like_html('<blockquote class="twitter-tweet"><p>hi</p></blockquote>')
    True
    >>> looks_like_html("I <3 this — Ada (@ada) March 1, 2020")
    False
    """
    return _HTML_TAG.search(text, 0, _SNIFF_CHARS) is not None


class ParsedPage:
    """One parsed HTML document, shared by every platform detector.

    Holds the lxml tree, the decoded source (for offsets) and the options of
    the current ``extract`` call.
    """

    __slots__ = (
        "_end_queries",
        "_ends",
        "_inside",
        "_line_starts",
        "_order",
        "_starts",
        "base_url",
        "include_links",
        "memo",
        "root",
        "source",
    )

    def __init__(
        self, root: Element, source: str, *, base_url: str | None, include_links: bool
    ) -> None:
        self.root = root
        self.source = source
        self.base_url = base_url
        self.include_links = include_links
        #: What the detectors and families derive from this page once and share
        #: (decoded page data, say), keyed by the module that owns the entry.
        self.memo: dict[str, Any] = {}
        self._line_starts: list[int] | None = None
        self._order: dict[Element, int] | None = None
        self._starts: dict[str, dict[Element, int | None]] = {}
        self._ends: dict[str, dict[int, int]] = {}
        self._end_queries: dict[str, int] = {}
        self._inside: dict[frozenset[str], set[Element]] = {}

    def absolute(self, url: str | None) -> str | None:
        """Resolve a possibly relative or protocol-relative URL against the page."""
        if not url:
            return None
        url = url.strip()
        if url.startswith("//"):
            return "https:" + url
        if self.base_url:
            try:
                return urljoin(self.base_url, url)
            except ValueError:
                return url
        return url

    def xpath(self, expression: str, node: Element | None = None) -> list[Element]:
        """Run an XPath expression over the page (or under ``node``), returning elements."""
        target = self.root if node is None else node
        result = target.xpath(expression)
        return [el for el in result if isinstance(el, lxml.etree._Element)]

    def inside(self, tags: frozenset[str]) -> set[Element]:
        """Every element below an element whose tag is one of ``tags`` (computed once).

        Asking each element's ancestors instead costs the element's depth per element:
        quadratic on markup nested thousands deep.  Here each outermost match's
        descendants are read once.
        """
        found = self._inside.get(tags)
        if found is None:
            found = self._inside[tags] = set()
            for element in self.root.iter(*tags):
                if element not in found:
                    found.update(element.iterdescendants())
        return found

    def order(self, element: Element) -> int:
        """Position of ``element`` in document order (for sorting and merging)."""
        if self._order is None:
            self._order = {el: i for i, el in enumerate(self.root.iter())}
        return self._order.get(element, -1)

    def path(self, element: Element) -> tuple[int, ...]:
        """Child indexes from the root down to ``element``: sorts in document order.

        Cheaper than :meth:`order` for a few elements (no walk of the whole
        tree), costlier for thousands of siblings.  ``(-1,)`` for an element
        outside this page's tree.
        """
        steps: list[int] = []
        node = element
        parent = node.getparent()
        while parent is not None:
            steps.append(parent.index(node))
            node = parent
            parent = node.getparent()
        if node is not self.root:
            return (-1,)
        steps.reverse()
        return tuple(steps)

    def span(self, element: Element) -> tuple[int, int] | None:
        """Best-effort ``(start, end)`` offsets of ``element`` in the decoded source.

        lxml reports only the line of a start tag, so the start is found by
        counting same-named start tags on that line; the end is the matching
        close tag (nesting counted), or the end of the start tag for void or
        unclosed elements.  Returns None when the source cannot be matched.
        """
        line = getattr(element, "sourceline", None)
        tag = element.tag if isinstance(element.tag, str) else None
        if not line or not tag:
            return None
        tag_starts = self._tag_starts(tag)
        if element in tag_starts:
            found = tag_starts[element]
        else:
            # Not an element of this page's tree (a detector parsed a fragment of
            # its own): count by hand, as for any element.
            if line - 1 >= len(self._lines()):
                return None
            found = self._nth_start_on_line(element, tag, line)
        if found is None:
            return None
        # A few ends are searched for from their starts; past that, every element of the
        # tag is matched in one pass (hundreds of unclosed embeds would cost a pass each).
        asked = self._end_queries.get(tag, 0) + 1
        self._end_queries[tag] = asked
        end = None
        if asked > _FEW_END_SEARCHES and tag.lower() not in _VOID_ELEMENTS:
            end = self._tag_ends(tag).get(found)
        return found, end if end is not None else _element_end(self.source, tag, found)

    def _tag_ends(self, tag: str) -> dict[int, int]:
        # Where each element of ``tag`` ends, by its start offset: every start and close
        # tag matched in one pass with a stack.  Searching forward from each start
        # instead costs a pass per element: quadratic on hundreds of unclosed embeds.
        cached = self._ends.get(tag)
        if cached is not None:
            return cached
        source = self.source
        ends: dict[int, int] = {}
        opened: list[tuple[int, int]] = []  # (start, end of its start tag)
        tokens = re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])", re.IGNORECASE)
        for match in tokens.finditer(source):
            # Bounded, so that a page of "<p" with no ">" stays linear.
            close = source.find(">", match.end(), match.end() + _MAX_START_TAG_CHARS)
            if match.group(1):
                if opened:
                    ends[opened.pop()[0]] = len(source) if close == -1 else close + 1
            elif close == -1:
                ends[match.start()] = len(source)
            elif source[close - 1] == "/":
                ends[match.start()] = close + 1  # self-closed: nothing to match
            else:
                opened.append((match.start(), close + 1))
        for start, tag_end in opened:  # never closed: the element ends with its start tag
            ends[start] = tag_end
        self._ends[tag] = ends
        return ends

    def _tag_starts(self, tag: str) -> dict[Element, int | None]:
        # Every element of ``tag`` mapped to its start offset in one pass over the
        # source and one over the tree, so that finding the spans of n embeds is
        # O(n), not O(n²) as counting tags per element would be.
        cached = self._starts.get(tag)
        if cached is not None:
            return cached
        by_line: dict[int, list[int]] = {}
        for start, line in self._start_tags(tag, 0, len(self.source), first_line=1):
            by_line.setdefault(line, []).append(start)
        seen_on_line: dict[int, int] = {}
        cached = {}
        for other in _elements_named(self.root, tag):
            line = other.sourceline
            if not line:
                continue
            nth = seen_on_line.get(line, 0)
            seen_on_line[line] = nth + 1
            found = by_line.get(line, ())
            cached[other] = found[nth] if nth < len(found) else None
        self._starts[tag] = cached
        return cached

    def _start_tags(
        self, tag: str, pos: int, endpos: int, *, first_line: int
    ) -> Iterator[tuple[int, int]]:
        """Yield ``(offset, line)`` of each ``<tag`` start tag in ``source[pos:endpos]``.

        ``line`` is the line where the start tag *ends*: libxml2 gives an element
        the line of its closing ``>``, so a start tag written over several lines
        belongs to its last one.  ``first_line`` is the line of ``pos``.
        """
        pattern = re.compile(_START_TAG_TEMPLATE.format(re.escape(tag)), re.IGNORECASE)
        # Line numbers counted between successive matches (str.count runs in C),
        # so no table of every line start is needed.
        count, find = self.source.count, self.source.find
        line, last = first_line, pos
        for match in pattern.finditer(self.source, pos, endpos):
            start = match.start()
            line += count("\n", last, start)
            last = start
            # Bounded, so that a page of "<p" with no ">" stays linear.
            close = find(">", start, start + _MAX_START_TAG_CHARS)
            yield start, line + (count("\n", start, close) if close != -1 else 0)

    def _nth_start_on_line(self, element: Element, tag: str, line: int) -> int | None:
        starts = self._lines()
        nth = _same_name_before_on_line(self.root, element, tag, line)
        # A start tag ending on ``line`` may begin a few lines earlier.
        first = max(1, line - _MAX_START_TAG_LINES)
        line_end = starts[line] if line < len(starts) else len(self.source)
        on_line: list[int] = []
        for start, end_line in self._start_tags(tag, starts[first - 1], line_end, first_line=first):
            if end_line == line:
                on_line.append(start)
                if len(on_line) > nth:
                    break  # the one asked for: no need to read the rest of the line
        return on_line[nth] if nth < len(on_line) else None

    def _lines(self) -> list[int]:
        if self._line_starts is None:
            # Offsets where each line starts, summed in C: line lengths plus one.
            lengths = map((1).__add__, map(len, self.source.split("\n")))
            starts = list(itertools.accumulate(lengths, initial=0))
            starts.pop()
            # libxml2 counts "\r" alone as a line break too; CRLF pages are the common case
            # and are covered by the "\n" scan.
            self._line_starts = starts
        return self._line_starts


# An absolute http(s) URL, the only kind of <base href> worth resolving against.
# Example: "https://www.example.org/news/".
_ABSOLUTE_URL = re.compile(r"https?://[^\s/]", re.IGNORECASE)

# How far a start tag may run: its attributes rarely fill more than a few lines.
_MAX_START_TAG_CHARS = 65536
_MAX_START_TAG_LINES = 64

_VOID_ELEMENTS = frozenset({"br", "img", "meta", "link", "input", "hr", "source", "embed"})
# Ends of one tag searched for one by one before all of them are matched in one pass.
_FEW_END_SEARCHES = 16
# Upper bound on the close-tag search, so a page of unclosed tags stays linear.
_MAX_ELEMENT_CHARS = 2_000_000


# How many elements named $name come before this one in document order.
_SAME_NAME_BEFORE = lxml.etree.XPath(
    "count(preceding::*[name() = $name]) + count(ancestor::*[name() = $name])"
)


def _same_name_before_on_line(root: Element, element: Element, tag: str, line: int) -> int:
    """How many elements named ``tag`` start before ``element`` on its ``line``."""
    try:
        first = next(root.iter(tag), None)
    except ValueError:  # a name lxml cannot look up: compared one by one below
        first = None
    # Lines only grow in document order: when the first of them is on that line, all
    # before it are, and they are counted in C (thousands deep, a loop costs more).
    if first is not None and first.sourceline == line:
        return int(_SAME_NAME_BEFORE(element, name=tag))
    nth = 0
    for other in _elements_named(root, tag):
        if other is element:
            break
        if other.sourceline == line:
            nth += 1
    return nth


def _elements_named(root: Element, tag: str) -> Iterable[Element]:
    """The elements called ``tag`` under ``root``, in document order.

    The HTML parser keeps tag names that lxml refuses to look up (``"k\\uffff"``):
    those are found by comparing names, in one walk.
    """
    try:
        return list(root.iter(tag))
    except ValueError:
        return [element for element in root.iter() if element.tag == tag]


def _element_end(source: str, tag: str, start: int) -> int:
    tag_end = source.find(">", start)
    if tag_end == -1:
        return len(source)
    tag_end += 1
    if tag.lower() in _VOID_ELEMENTS or source[tag_end - 2] == "/":
        return tag_end
    tokens = re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])", re.IGNORECASE)
    depth = 1
    limit = min(len(source), start + _MAX_ELEMENT_CHARS)
    for match in tokens.finditer(source, tag_end, limit):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            close = source.find(">", match.end())
            return len(source) if close == -1 else close + 1
    return tag_end


def parse_page(
    source: str,
    *,
    base_url: str | None = None,
    include_links: bool = False,
    encoded: bytes | None = None,
) -> ParsedPage | None:
    """Parse decoded HTML with lxml; None when there is no document to parse.

    ``encoded``, if given, is ``source`` already encoded as UTF-8 (with
    ``surrogatepass``), saving the encoding a second time.
    """
    # NUL is not allowed in lxml input; U+FFFD keeps every offset where it was.
    if "\x00" in source:
        source = source.replace("\x00", "\ufffd")
        encoded = None
    parsed = _parse_tree(source, encoded)
    if parsed is None:
        return None
    root, stopped, text = parsed
    if stopped:
        # the rest is read from the text handed to the parser (already capped)
        try:
            with_the_rest(root, text, _parse_part, _start_of)
        except Exception:  # what was read stays; the rest is lost, and said so
            logger.exception("markup nested too deep: the rest of the document was not read")
    return ParsedPage(
        root, source, base_url=_document_base(root, base_url), include_links=include_links
    )


def _parse_tree(source: str, encoded: bytes | None = None) -> tuple[Element, bool, str] | None:
    """The tree of ``source``, whether the parser stopped at its depth limit, and the
    text it was given."""
    # A start tag with thousands of attributes costs libxml2 quadratic time: cut first.
    # The spans are read from ``source`` itself, which keeps every offset.
    parsed = cap_attributes(source)
    if parsed is not source:
        encoded = None
    if encoded is None:
        encoded = parsed.encode("utf-8", "surrogatepass")
    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=False)
    try:
        root = lxml.html.document_fromstring(encoded, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        logger.debug("document not parsed: %s", exc)
        return None
    return root, stopped_too_deep(parser), parsed


def _start_of(root: Element, element: Element, source: str) -> int | None:
    """Where ``element`` of the tree ``root`` (parsed from ``source``) starts in it.

    Start tags written in comments and raw text (a script's "<div>") are no elements:
    counted, they would put the start inside a comment, whose text the next part
    would then read as markup.
    """
    tag, line = element.tag, element.sourceline
    if not isinstance(tag, str) or not line:
        return None
    page = ParsedPage(root, _RAW_STRETCH.sub(_masked, source), base_url=None, include_links=False)
    return page._nth_start_on_line(element, tag, line)


# A comment, or a raw-text element's content, to its end (or the end of the text).
# Example: "<script>var s = '<div>';</script".
_RAW_STRETCH = re.compile(
    rf"<!--.*?(?:-->|\Z)|<({'|'.join((*RAW_TEXT_ELEMENTS, 'plaintext'))})"
    r"(?=[\s/>]).*?(?:</\1|\Z)",
    re.DOTALL | re.IGNORECASE,
)


def _masked(stretch: re.Match[str]) -> str:
    """The stretch with every "<" after its opening blanked (same length, same lines);
    as it is when its opening is written inside an attribute value (it opens nothing)."""
    text = stretch.group()
    if in_attribute_value(stretch.string, 0, stretch.start()):
        return text
    return text[0] + text[1:].replace("<", " ")


def _parse_part(text: str) -> tuple[Element, bool] | None:
    # A plain lxml parser: the part is only walked and then moved into the page's tree,
    # and the HTML element classes cost a lookup per element touched (a part is
    # thousands deep).  Moved, its elements take the page's classes.
    parser = lxml.etree.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=False)
    try:
        root = lxml.etree.fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        logger.debug("part not parsed: %s", exc)
        return None
    return (root, stopped_too_deep(parser)) if root is not None else None


def _document_base(root: Element, base_url: str | None) -> str | None:
    """The URL relative links resolve against: the page's ``<base href>`` if any.

    As in a browser, a relative ``<base href>`` is itself resolved against the
    document's own URL, and an unusable one is ignored.
    """
    for base in root.iter("base"):
        href = (base.get("href") or "").strip()
        if not href:
            continue
        if href.startswith("//"):
            href = "https:" + href
        try:
            resolved = urljoin(base_url, href) if base_url else href
        except ValueError:
            return base_url
        return resolved if _ABSOLUTE_URL.match(resolved) else base_url
    return base_url


def has_class(element: Element, name: str) -> bool:
    """Whether ``element``'s class attribute contains the class ``name``."""
    classes = element.get("class")
    return bool(classes) and name in classes.split()


# Elements after which the text of a post continues on a new line.
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "li",
        "blockquote",
        "section",
        "article",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "figcaption",
        "figure",
        "header",
        "footer",
    }
)
# Runs of spaces and tabs (not line breaks) collapse to one space, as a browser shows them.
_SPACE_RUN = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r" ?\n ?")


def element_text(element: Element, *, stop: Element | None = None, limit: int | None = None) -> str:
    """Visible text of an element: ``<br>`` and block ends become line breaks.

    Text of ``<script>``, ``<style>`` and ``<template>`` is skipped; runs of spaces
    collapse; a line break in the source is white space, as a browser shows it (except
    inside ``<pre>``); ``stop``, if given, ends the walk before that descendant, and
    ``limit``, if given, after that many elements (a short text asked of each of many
    nested elements would otherwise read all of them each time).

    >>> el = lxml.html.fragment_fromstring("<p>one<br>two  <b>three</b>\\nfour</p>")
    >>> element_text(el)
    'one\\ntwo three four'
    """
    parts: list[str] = []
    _collect_text(element, parts, stop, top=True, limit=limit)
    text = _SPACE_RUN.sub(" ", "".join(parts))
    text = _BLANK_LINES.sub("\n", text)
    return text.strip()


class _Stop(Exception):
    """Raised inside the text walk when the ``stop`` element is reached."""


def _collect_text(
    element: Element,
    parts: list[str],
    stop: Element | None,
    *,
    top: bool,
    limit: int | None = None,
) -> None:
    with contextlib.suppress(_Stop):
        _walk(element, parts, stop, top=top, limit=limit)


def _walk(
    root: Element, parts: list[str], stop: Element | None, *, top: bool, limit: int | None = None
) -> None:
    # Iterative, with an explicit stack: hostile markup nests deeper than Python's
    # stack (libxml2 allows thousands of levels), and a RecursionError raised while
    # lxml runs Python code would leave lxml in an unknown state.
    stack: list[tuple[Element, bool]] = [(root, True)]
    left = limit
    while stack:
        element, entering = stack.pop()
        outermost = top and element is root
        tag = element.tag if isinstance(element.tag, str) else ""
        if not entering:
            if tag in _BLOCK_TAGS and not outermost:
                parts.append("\n")
            if not outermost and element.tail:
                parts.append(_source_spaces(element.tail))
            continue
        if element is stop:
            raise _Stop
        if left is not None:
            if left <= 0:
                raise _Stop
            left -= 1
        if tag in _UNREAD_TAGS:
            if not outermost and element.tail:
                parts.append(_source_spaces(element.tail))
            continue
        # What _opening_text says, written out: this walk runs over every element read.
        if tag == "br":
            parts.append("\n")
        elif tag and element.text:
            parts.append(element.text if tag == "pre" else _source_spaces(element.text))
        stack.append((element, False))
        stack.extend((child, True) for child in reversed(element))


_UNREAD_TAGS = frozenset({"script", "style", "template"})


def last_line_before(
    element: Element,
    stop: Element,
    *,
    enough: int = 64,
    blanks: dict[Element, str | None] | None = None,
) -> str | None:
    """The end of ``element_text(element, stop=stop)``, read backwards from ``stop``: its
    last line, or that line's last ``enough`` or more visible characters.

    A check that needs only the end of the text (does it end with a byline?) then costs
    what it reads, not the whole element: on blockquotes nested in each other, reading
    each one's text from its start cost the square of their size.  Markup that shows
    nothing but white space is read once per page and shortened (``blanks`` remembers
    it: pass one dict for every call on a page), so white space may be shorter here
    than in the text; a run of it stays a run.  None when ``stop`` lies where the text
    walk does not go (inside a script, say): read the text then.

    >>> el = lxml.html.fragment_fromstring("<p>one<br>two <b>three</b> <a>x</a></p>")
    >>> last_line_before(el, el.find("a"))
    'two three'
    """
    node = stop
    while node is not element:
        node = node.getparent()
        if node is None or not isinstance(node.tag, str) or node.tag in _UNREAD_TAGS:
            return None
    pieces: list[str] = []  # in reverse order
    visible = 0
    for piece in _pieces_before(element, stop, {} if blanks is None else blanks):
        pieces.append(piece)
        if "\n" in piece and (visible or piece.rsplit("\n", 1)[1].strip()):
            break  # a line break with text after it: the last line is all here
        visible += sum(map(len, piece.split()))
        if visible >= enough:
            break
    text = _SPACE_RUN.sub(" ", "".join(reversed(pieces)))
    text = _BLANK_LINES.sub("\n", text).strip()
    return text[text.rfind("\n") + 1 :]


def _pieces_before(
    element: Element, stop: Element, blanks: dict[Element, str | None]
) -> Iterator[str]:
    """What :func:`_walk` appends before reaching ``stop``, last piece first."""
    node = stop
    while node is not element:
        sibling = node.getprevious()
        while sibling is not None:
            yield from _pieces_reversed(sibling, blanks)
            sibling = sibling.getprevious()
        node = node.getparent()
        yield _opening_text(node)


def _pieces_reversed(element: Element, blanks: dict[Element, str | None]) -> Iterator[str]:
    """What :func:`_walk` appends for ``element`` and its tail, last piece first; the
    content of an element that shows only white space comes as one short piece."""
    # (node, True): the whole node, its tail first; (node, False): its opening text only.
    stack: list[tuple[Element, bool]] = [(element, True)]
    while stack:
        node, whole = stack.pop()
        if not whole:
            yield _opening_text(node)
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if node.tail:
            yield _source_spaces(node.tail)
        if not tag or tag in _UNREAD_TAGS:
            continue  # a comment, a script: only its tail is text
        if tag in _BLOCK_TAGS:
            yield "\n"
        blank = _blank_content(node, blanks)
        if blank is not None:
            yield blank
            continue
        stack.append((node, False))
        stack.extend((child, True) for child in node)


def _opening_text(node: Element) -> str:
    """What the text walks append on entering an element they read (not a comment)."""
    if node.tag == "br":
        return "\n"
    if not node.text:
        return ""
    return node.text if node.tag == "pre" else _source_spaces(node.text)


def _blank_content(node: Element, blanks: dict[Element, str | None]) -> str | None:
    """What the content of a read element (not its tail) adds to the text, shortened,
    when that is white space only; None when it shows anything.  Remembered in
    ``blanks`` for every element looked at, so each is looked at once per page."""
    stack: list[tuple[Element, bool]] = [(node, False)]
    while stack:
        current, children_known = stack.pop()
        if current in blanks:
            continue
        if not children_known:
            stack.append((current, True))
            stack.extend(
                (child, False)
                for child in current
                if isinstance(child.tag, str)
                and child.tag not in _UNREAD_TAGS
                and child not in blanks
            )
            continue
        parts = [_opening_text(current)]
        shows = bool(parts[0].strip())
        for child in current:
            if shows:
                break
            if isinstance(child.tag, str) and child.tag not in _UNREAD_TAGS:
                inner = blanks[child]
                if inner is None:
                    shows = True
                    break
                parts.append(inner + ("\n" if child.tag in _BLOCK_TAGS else ""))
            if child.tail:
                parts.append(_source_spaces(child.tail))
                shows = bool(child.tail.strip())
        blanks[current] = None if shows else _shortened_space("".join(parts))
    return blanks[node]


#: Stands for a run of white space that stays three or more characters once spaces
#: collapse: two characters the collapsing leaves alone, so it stays a run.
_LONG_SPACE = "\u2003\u2003"


def _shortened_space(space: str) -> str:
    """White space as short as it can be without changing the end of the text: what
    comes before its last line break ends an earlier line, and a run that stays longer
    than two characters once spaces collapse is a run whatever its length (a byline
    allows one space at most between its parts)."""
    space = _SPACE_RUN.sub(" ", space)
    if "\n" in space:
        return "\n" + _shortened_space(space[space.rfind("\n") + 1 :])
    return space if len(space) <= 2 else _LONG_SPACE


def _source_spaces(text: str) -> str:
    # Source line breaks are white space in HTML; only <br> and blocks break lines.
    return text.replace("\r", " ").replace("\n", " ") if "\n" in text or "\r" in text else text
