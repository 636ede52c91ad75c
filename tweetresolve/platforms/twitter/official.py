"""The publish snippet: ``blockquote.twitter-tweet`` in every era, read into a post.

``<p lang>`` holds the text, ``— Name (@handle)`` the byline, the last status link
the permalink (its text is the date).  Classless blockquotes count when they end
like the snippet: a ``(@handle)`` byline and the permalink last.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

import attrs
import lxml.etree

from tweetresolve.dates import parse_date, tweet_time
from tweetresolve.html import Element, ParsedPage, element_text, has_class, last_line_before
from tweetresolve.platforms._common import outermost
from tweetresolve.platforms.twitter.urls import status_ref, tweet_id_attribute, with_ref
from tweetresolve.records import Author, Link, Post, PostRef, published_utc

__all__ = [
    "QuoteMemo",
    "one_line",
    "quote_memo",
    "quoted_status",
    "read_blockquote",
    "read_blockquotes",
    "text_links",
]

# The "(@handle)" that ends an attribution byline, at the end of the byline text.
# Tolerates a markdown "\@", a full-width "＠" and stray inner spaces.
# Example: "— Ada Example (@ada_example)".
_BYLINE_HANDLE = re.compile(r"\(\s?\\?[@＠]([A-Za-z0-9_]{1,20})\s?\)\s*$")


# The last link of an element (a classless blockquote is a snippet only when it is the
# permalink): one query in C, where listing every link would walk the whole element.
_LAST_LINK = lxml.etree.XPath("(descendant::a[string-length(@href) > 0])[last()]")


# Dashes that open the attribution ("&mdash;" decoded, "&#8211;", "--", "―").
# The last one before "(@handle)" wins: the tweet text may contain dashes too.
_BYLINE_DASHES = ("\u2014", "\u2013", "\u2015", "--")


# A link's shown text is read from this many elements at most: a link's text is a few
# words, and links left open inside each other (each holding the rest of the page) were
# each read whole, the square of the page.
_MAX_LINK_TEXT_ELEMENTS = 64

# Runs of white space, collapsed when a value is shown on one line.
_SPACES = re.compile(r"\s+")


def read_blockquotes(
    page: ParsedPage, quotes: list[Element], in_code: set[Element]
) -> dict[Element, Post]:
    """Read the blockquotes (given in document order), innermost first.

    A blockquote holding one that was read as an embed is its wrapper (a site's
    quotation around the snippet), not a second embed, and is not read: reading every
    level of nested blockquotes would walk their contents depth² times.
    """
    posts: dict[Element, Post] = {}
    holders: set[Element] = set()
    no_byline: set[Element] = set()
    known = quote_memo(page) if quotes else None
    # Document order lists an element before everything inside it.
    for quote in reversed(quotes):
        if quote in in_code or quote in holders:
            continue
        post = read_blockquote(page, quote, no_byline, known)
        if post is None:
            continue
        posts[quote] = post
        for ancestor in quote.iterancestors():
            if ancestor in holders:
                break  # its ancestors were marked with it
            holders.add(ancestor)
    return posts


@attrs.frozen
class QuoteMemo:
    """What reading one page's blockquotes remembers from one to the next."""

    #: The last link (with an href) inside each blockquote, None when it has none.
    last: dict[Element, Element | None]
    #: The blockquotes holding a status link.
    with_status: set[Element]
    #: Markup showing only white space, for :func:`~tweetresolve.html.last_line_before`.
    blanks: dict[Element, str | None] = attrs.field(factory=dict)


def quote_memo(page: ParsedPage) -> QuoteMemo:
    """The last link and whether a status link is inside, for every blockquote, from one
    walk: asking each blockquote would read blockquotes nested in it again and again."""
    last: dict[Element, Element | None] = {}
    with_status: set[Element] = set()
    open_quotes: list[tuple[Element, int, int]] = []
    links_seen = statuses_seen = 0
    last_link: Element | None = None
    for event, element in lxml.etree.iterwalk(
        page.root, events=("start", "end"), tag=("blockquote", "a")
    ):
        if element.tag == "a":
            if event == "start" and (href := element.get("href")):
                links_seen += 1
                last_link = element
                if open_quotes and status_ref(page, href) is not None:
                    statuses_seen += 1
        elif event == "start":
            open_quotes.append((element, links_seen, statuses_seen))
        elif open_quotes:
            quote, links_before, statuses_before = open_quotes.pop()
            last[quote] = last_link if links_seen > links_before else None
            if statuses_seen > statuses_before:
                with_status.add(quote)
    return QuoteMemo(last, with_status)


def read_blockquote(
    page: ParsedPage,
    quote: Element,
    no_byline: set[Element] | None = None,
    known: QuoteMemo | None = None,
) -> Post | None:
    """Read a publish snippet: text ``<p>``, ``— Name (@handle)``, permalink ``<a>``.

    ``no_byline`` (kept by the caller over blockquotes read innermost first) collects
    the last links of classless blockquotes that had no byline before them: one around
    such a blockquote, ending with the same link, has none either and is not read
    (classless blockquotes nested hundreds deep would cost the square of their size).
    ``known`` (from :func:`quote_memo`) spares each blockquote a walk of its links.
    """
    attribute_id = tweet_id_attribute(quote)
    is_snippet = (
        has_class(quote, "twitter-tweet")
        or has_class(quote, "twitter-video")
        or attribute_id is not None
    )
    if is_snippet:
        if attribute_id is None and known is not None and quote not in known.with_status:
            return None  # no permalink: nothing to read (nested, this was quadratic)
    else:
        # A classless blockquote counts only with a status link last.
        if known is not None and quote in known.last:
            last = known.last[quote]
        else:
            found = _LAST_LINK(quote)
            last = found[0] if found else None
        if last is None or (no_byline is not None and last in no_byline):
            return None
        if status_ref(page, last.get("href")) is None:
            return None
        # ... and a "(@handle)" byline right before it.  Only the end of the text is read
        # for that: each of hundreds of nested quotations, read whole, cost their square.
        line = last_line_before(quote, last, blanks=known.blanks if known else None)
        if line is not None and _BYLINE_HANDLE.search(line) is None:
            if no_byline is not None:
                no_byline.add(last)
            return None
    anchors = [a for a in quote.iter("a") if a.get("href")]
    statuses = [(a, found) for a in anchors if (found := status_ref(page, a.get("href")))]
    if not statuses and attribute_id is None:
        return None
    permalink: Element | None = None
    ref: PostRef | None = None
    if statuses:
        # The permalink is the last link of the snippet; links before it are the
        # tweet's own (a quoted status among them).
        permalink, ref = statuses[-1]
        if attribute_id is not None:
            for anchor, candidate in statuses:
                if candidate.post_id == attribute_id:
                    permalink, ref = anchor, candidate
    shown = element_text(quote, stop=permalink) if permalink is not None else element_text(quote)
    text, name, handle = _split_byline(shown)
    if not is_snippet and (handle is None or permalink is not anchors[-1]):
        # A blockquote of the page's own (a quotation with a link) is not an embed unless
        # it ends like the publish snippet: "(@handle)" and the permalink last.
        if no_byline is not None and permalink is not None:
            no_byline.add(permalink)
        return None
    date_text = one_line(element_text(permalink)) if permalink is not None else None
    published = parse_date(date_text) if date_text else None
    if published is None and permalink is not None:
        published = _iso_datetime(permalink.get("data-datetime"))
    if published is None and handle is None:
        # No byline and no date: the link's text is a CMS note ("Tweet may have been
        # deleted"), not the date.
        date_text = None
    byline_p = _ancestor_within(permalink, quote, "p") if permalink is not None else None
    links = tuple(_snippet_links(quote, permalink, byline_p))
    published_at, precision = published_utc(published)
    post = Post(
        platform="twitter",
        author=Author(name=name, handle=handle) if name or handle else None,
        text=text or None,
        lang=_text_lang(quote),
        date_text=date_text or None,
        published=published_at,
        published_precision=precision,
        links=links,
        form="blockquote",
    )
    if ref is not None:
        post = with_ref(post, ref)
    if attribute_id is not None and post.post_id != attribute_id:
        post = attrs.evolve(
            post,
            post_id=attribute_id,
            url=post.url
            if ref is not None and ref.post_id == attribute_id
            else f"https://twitter.com/i/web/status/{attribute_id}",
            created_at=tweet_time(attribute_id),
        )
    quoted = quoted_status(page, links, post.post_id)
    return attrs.evolve(post, quoted=quoted) if quoted else post


def _split_byline(shown: str) -> tuple[str, str | None, str | None]:
    """Split the snippet's text before the permalink into text, name and handle.

    >>> _split_byline("Hi — there\\n— Ada (Lab) Example (@ada_example)")
    ('Hi — there', 'Ada (Lab) Example', 'ada_example')
    >>> _split_byline("Hi there — Ada Example (@ada_example)")
    ('Hi there', 'Ada Example', 'ada_example')
    >>> _split_byline("Just the text")
    ('Just the text', None, None)
    """
    line_start = shown.rfind("\n") + 1
    line = shown[line_start:]
    match = _BYLINE_HANDLE.search(line)
    if match is None:
        return shown.strip(), None, None
    before = line[: match.start()].rstrip()
    cut = -1
    width = 0
    for dash in _BYLINE_DASHES:
        at = before.rfind(dash)
        if at > cut:
            cut, width = at, len(dash)
    if cut >= 0:
        prefix, name = before[:cut], before[cut + width :]
    else:
        prefix, name = "", before
    text = (shown[:line_start] + prefix).strip()
    return text, one_line(name) or None, match[1]


def one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _iso_datetime(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _ancestor_within(element: Element, container: Element, tag: str) -> Element | None:
    for ancestor in element.iterancestors():
        if ancestor is container:
            return None
        if ancestor.tag == tag:
            return ancestor
    return None


def _text_lang(quote: Element) -> str | None:
    # <p lang> is the tweet's own language; the blockquote's (data-)lang is the widget's.
    for paragraph in quote.iter("p"):
        lang = paragraph.get("lang")
        if lang:
            return lang.strip() or None
    return None


def _snippet_links(
    quote: Element, permalink: Element | None, byline_p: Element | None
) -> Iterator[Link]:
    """Links of the snippet's text: in its text paragraphs when it has them.

    A link in the byline (some CMSes link the ``@handle``) is not part of the text.
    """
    # The paragraphs holding the permalink, found once: asking each paragraph would
    # walk the permalink's ancestors again and again (cubic on nested markup).
    around = set(permalink.iterancestors("p")) if permalink is not None else set()
    if byline_p is not None:
        around.add(byline_p)
    # One walk that never enters a paragraph it keeps: reading the links of every
    # paragraph (``quote.iter("p")``) would read nested paragraphs once per level.
    paragraphs = outermost(quote, "p", passed=around)
    if not paragraphs:
        yield from text_links(quote, stop=permalink, skip=byline_p)
        return
    for paragraph in paragraphs:
        yield from text_links(paragraph, stop=permalink, skip=None)


def text_links(container: Element, *, stop: Element | None, skip: Element | None) -> Iterator[Link]:
    skipped = set(skip.iter("a")) if skip is not None else set()
    for anchor in container.iter("a"):
        if anchor is stop:
            return
        if anchor in skipped:
            continue
        href = (anchor.get("href") or "").strip()
        if not href:
            continue
        shown = one_line(element_text(anchor, limit=_MAX_LINK_TEXT_ELEMENTS))
        yield Link(url=href, text=shown if shown and shown != href else None)


def quoted_status(page: ParsedPage, links: Iterable[Link], own_id: str | None) -> PostRef | None:
    """A status linked from inside the text (not the permalink) is the quoted post."""
    for link in links:
        for url in (link.url, f"https://{link.text}" if link.text else None):
            ref = status_ref(page, url) if url else None
            if ref is not None and ref.post_id != own_id:
                return ref
    return None
