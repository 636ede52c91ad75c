"""Documents nested in a page: embed markup a page keeps as text, to be shown later.

Consent walls, lazy loaders and page-data scripts keep the platforms' embed code out
of the live page until something (a click, a script) puts it there.  The HTML parser
sees that markup as text, so no detector would ever read it.  The pipeline finds these
*nested documents* once, for every platform, and parses each like a page of its own
(``extract`` runs the prefilter, every active detector and the merge on it).

Containers and how a post found inside one is located in the page (its ``span``):

``<textarea>``
    Raw text to the parser.  Markup stored as is (``<blockquote …``) is parsed from
    the source between the tags, so spans are exact; markup stored escaped
    (``&lt;blockquote …``) is parsed from the decoded text and every post found in
    it spans the whole ``<textarea>``.
``<script type="…">`` of a template type
    Any type that is neither JavaScript nor JSON (``text/template``, ``text/html``,
    ``text/x-template``, a consent manager's ``text/plain`` …) whose content starts
    with ``<``: parsed from the source, exact spans.  Content escaped with HTML
    entities is unescaped first and spans the ``<script>``.
``<template>`` holding escaped markup
    The parser reads a ``<template>``'s markup as ordinary elements (the detectors
    already see it); only escaped markup left as its text is a nested document,
    spanning the ``<template>``.
``<iframe srcdoc="…">``
    The attribute value (entities decoded), spanning the ``<iframe>``.
Any other attribute whose value is markup
    A consent wrapper's copy of the snippet (``data-consent-html="&lt;blockquote …"``,
    ``data-embed-html``): the value (entities decoded), spanning its element.  Looked
    for only when the source holds an attribute value starting with markup.
JSON strings (page data)
    Strings holding embed markup inside ``<script type="application/json">``,
    ``application/ld+json`` or any ``…+json`` type, JSON escapes decoded; they span
    the ``<script>``.  Posts found there get the form ``data``: the page shows them
    only once its own code runs, if at all.  :func:`documents_in_page_data` is the
    one place that reads page data, for more shapes to be added.

``<noscript>`` is no container: the parser reads its content as elements and the
detectors fold a ``<noscript>`` copy into the embed shown beside it.

Posts found in the other containers keep the form their detector gives
(``blockquote``, ``placeholder`` …): a consent wall's copy of the publish snippet *is*
the publish snippet.

Work is bounded: nested documents are parsed at most :data:`MAX_DEPTH` levels deep,
at most :data:`MAX_DOCUMENTS` per ``extract`` call, and a JSON script over
:data:`MAX_JSON_CHARS` characters is not read.  Each level's documents are pieces of
the level above, so the work stays linear in the page.

>>> from tweetresolve.html import parse_page
>>> page = parse_page('<div><textarea hidden><blockquote class="x"></blockquote>'
...                   '</textarea></div>')
>>> [(d.container.tag, d.markup, d.offset)
...  for d in find_nested_documents(page, may_hold_embed=lambda text: True)]
[('textarea', '<blockquote class="x"></blockquote>', 22)]
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterator

import attrs
import lxml.etree

from tweetresolve.families.pagedata import embed_markup
from tweetresolve.html import Element, ParsedPage

__all__ = [
    "MAX_DEPTH",
    "MAX_DOCUMENTS",
    "MAX_JSON_CHARS",
    "NestedBudget",
    "NestedDocument",
    "documents_in_page_data",
    "find_nested_documents",
]

logger = logging.getLogger(__name__)

#: Nested documents inside nested documents are read this many levels deep.
MAX_DEPTH = 3
#: Nested documents parsed per ``extract`` call, all levels together.
MAX_DOCUMENTS = 256
#: Longest JSON script read for embed markup in its strings.
MAX_JSON_CHARS = 4_000_000

#: The form of a post found only in page data (JSON strings).
DATA_FORM = "data"

# Script types whose content is a program, not markup ("" and "module" included):
# matched by substring, so "application/x-javascript" and "text/ecmascript" are too.
_PROGRAM_TYPES = ("javascript", "ecmascript", "jscript", "livescript", "module", "babel")

# How an attribute value holding markup starts in the source: '="&lt;blockquote',
# "='<div".  Only a page holding one is searched for such attributes (one regular
# expression pass, led by the literal "=", instead of a search per spelling).
_MARKUP_VALUE_START = re.compile(r"""=["'](?:<|&lt;)""")
# Elements with an attribute whose (decoded) value starts with an element.
_MARKUP_ATTRIBUTE_XPATH = lxml.etree.XPath(
    "descendant::*[@*[starts-with(normalize-space(.), '<')"
    " and string-length(normalize-space(.)) > 20]]"
)

# Elements whose content is shown as code, never run or rendered as an embed.
_CODE_TAGS = frozenset({"pre", "code", "xmp", "plaintext", "listing"})


@attrs.frozen
class NestedDocument:
    """Markup nested in a page, to be parsed and searched like a page of its own."""

    #: The element of the outer page that holds the markup.
    container: Element
    #: The markup, ready to parse.
    markup: str
    #: Where ``markup`` starts in the outer page's source when it stands there verbatim
    #: (inner spans are shifted by it); None: every post found spans ``container``.
    offset: int | None = None
    #: The form every post found inside gets, or None to keep its detector's form.
    form: str | None = None


@attrs.define
class NestedBudget:
    """How many more nested documents one ``extract`` call may parse."""

    documents: int = MAX_DOCUMENTS

    def take(self) -> bool:
        """Spend one document; False once the budget is spent."""
        if self.documents <= 0:
            return False
        self.documents -= 1
        return True


def find_nested_documents(
    page: ParsedPage, *, may_hold_embed: Callable[[str], bool]
) -> Iterator[NestedDocument]:
    """Yield the nested documents of ``page`` whose markup ``may_hold_embed`` accepts.

    ``may_hold_embed`` is the caller's prefilter (a marker scan); markup it rejects
    is never parsed.  Containers inside code blocks (``<pre>``, ``<code>``) are shown
    as code and skipped.
    """
    for element in page.root.iter("textarea", "script", "template", "iframe"):
        tag = element.tag
        if tag == "textarea":
            found = _raw_text_document(page, element, element.text or "", escaped=False)
            documents = [found] if found is not None else []
        elif tag == "script":
            documents = list(_script_documents(page, element))
        elif tag == "template":
            documents = list(_template_documents(element))
        else:
            srcdoc = element.get("srcdoc")
            documents = [NestedDocument(container=element, markup=srcdoc)] if srcdoc else []
        for document in documents:
            markup = document.markup
            if "<" in markup and may_hold_embed(markup) and element not in page.inside(_CODE_TAGS):
                yield document
    if _MARKUP_VALUE_START.search(page.source) is not None:
        for element in _MARKUP_ATTRIBUTE_XPATH(page.root):
            if element.tag == "iframe" or element in page.inside(_CODE_TAGS):
                continue  # srcdoc is read above
            for _, value in element.items():
                markup = value.strip()
                if markup.startswith("<") and may_hold_embed(markup):
                    yield NestedDocument(container=element, markup=markup)


def documents_in_page_data(page: ParsedPage, script: Element) -> Iterator[NestedDocument]:
    """Embed markup kept in the strings of a page-data script, one document each.

    Reads JSON scripts and the JSON a program assigns (``window.__STATE__ = {…}``),
    bounded; only strings of the page's own story count, not those of other stories
    in the same state (see :mod:`tweetresolve.families.pagedata`).  Broken JSON,
    nesting beyond the decoder's stack and text past :data:`MAX_JSON_CHARS` give
    nothing.

    >>> from tweetresolve.html import parse_page
    >>> page = parse_page('<script type="application/json">{"a": [1, '
    ...                   '"\\\\u003cblockquote class=\\\\"twitter-tweet\\\\"\\\\u003e"]}</script>')
    >>> [d.markup for d in documents_in_page_data(page, page.root.find(".//script"))]
    ['<blockquote class="twitter-tweet">']
    """
    text = script.text or ""
    if len(text) > MAX_JSON_CHARS:
        logger.debug("page-data script of %d characters not read", len(text))
        return
    if "<" not in text and "\\u003c" not in text.lower():
        return  # no markup in any string: the JSON is not worth decoding
    for markup in embed_markup(page, script):
        yield NestedDocument(container=script, markup=markup, form=DATA_FORM)


def _script_type(script: Element) -> str:
    return (script.get("type") or "").split(";")[0].strip().lower()


def _script_documents(page: ParsedPage, script: Element) -> Iterator[NestedDocument]:
    kind = _script_type(script)
    if kind.endswith("json") or not kind or any(program in kind for program in _PROGRAM_TYPES):
        # Page data is decoded once per page (the page-data family reads the same
        # scripts, behind its own marker scan); each string of markup found there is
        # then put to ``may_hold_embed`` like every other nested document.
        probe = script.text or ""
        if "<" in probe or "\\u003c" in probe or "\\u003C" in probe:
            yield from documents_in_page_data(page, script)
        return
    content = script.text or ""
    if content.lstrip().startswith("<"):
        found = _raw_text_document(page, script, content, escaped=False)
    elif content.lstrip().startswith("&lt;"):
        found = _raw_text_document(page, script, content, escaped=True)
    else:
        found = None  # a program behind a consent type ("text/plain"), not markup
    if found is not None:
        yield found


def _template_documents(template: Element) -> Iterator[NestedDocument]:
    # Only the template's own text: its elements are in the page's tree already.
    pieces = [template.text or "", *(child.tail or "" for child in template)]
    text = "".join(pieces)
    if "<" in text:
        yield NestedDocument(container=template, markup=text)


def _raw_text_document(
    page: ParsedPage, element: Element, text: str, *, escaped: bool
) -> NestedDocument | None:
    """The markup of an element the parser keeps as text, with its offset when verbatim."""
    if not text.strip():
        return None
    span = page.span(element)
    if span is not None and not escaped:
        content_start = page.source.find(">", span[0]) + 1
        if page.source.startswith(text, content_start):
            return NestedDocument(container=element, markup=text, offset=content_start)
        # A <textarea>'s text has its entities decoded (&mdash; in the snippet): the
        # source between the tags is the markup as written, offsets and all.
        content_end = page.source.rfind("<", content_start, span[1])
        raw = page.source[content_start:content_end] if content_end > content_start else ""
        if element.tag == "textarea" and "<" in raw:
            return NestedDocument(container=element, markup=raw, offset=content_start)
    markup = html.unescape(text) if escaped else text
    return NestedDocument(container=element, markup=markup)
