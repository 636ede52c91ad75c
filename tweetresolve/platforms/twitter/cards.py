"""Tweet cards a site draws itself: a text block, a ``@handle``, a status link, a time.

A card is found from its text block (a class such as ``tweet-text``); the parts
around it (at most three levels up, or the run of siblings between two cards of a
flat feed) give the name, handle, permalink and date.  Posts have ``form="card"``.

This reader keys on a tweet class name; the structural card family
(:mod:`tweetresolve.families.cards`) runs first for every platform, and the cards it
does not find are kept from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
import lxml.etree

from tweetresolve.dates import parse_date
from tweetresolve.html import Element, ParsedPage, element_text
from tweetresolve.platforms.base import Candidate
from tweetresolve.platforms.twitter.official import one_line, quoted_status, text_links
from tweetresolve.platforms.twitter.urls import INTENT_URL, PROFILE_URL, status_ref, with_ref
from tweetresolve.records import Author, Post, PostRef, published_utc

__all__ = ["find_cards", "is_card_seed"]

# A handle shown on its own in a site-made card: "@SELFmagazine".
_SHOWN_HANDLE = re.compile(r"^[@＠]([A-Za-z0-9_]{1,15})$")


# Class tokens that mark the text block of a site-made tweet card:
# "tweet", "tweet-text", "tweet_content", "ts-fab-twitter-tweet", "TweetTextSize".
# Not "twitter-tweet-btn" or "tweet-count" (share buttons).
_CARD_TEXT_CLASS = re.compile(
    r"^(?:[A-Za-z0-9]{1,30}[-_]){0,6}tweet(?:[-_]?(?:text|content|body)(?:[-_]?size)?)?$",
    re.IGNORECASE,
)


# Class tokens of card parts that are not the text: the time line, reply/retweet links.
# Example: "ts-fab-twitter-time", "tweet_meta", "tweet-intents".
_CARD_META_CLASS = re.compile(r"time|date|meta|intent|action|footer|stamp", re.IGNORECASE)


# Class tokens naming the author's display name in a card: "twitter_user_name", "fullname".
_CARD_NAME_CLASS = re.compile(r"name", re.IGNORECASE)


# Shortest text a site-made card must show; shorter blocks are button labels.
_MIN_CARD_TEXT = 10


# Separators left around a card's date: " - 1 hour ago", "· 2h".
_DATE_SEPARATORS = " \t\n-–—·|•"


# Longest text a site-made card may hold; bigger blocks are article parts, not cards.
_MAX_CARD_CHARS = 1200


# Tags never read as a site-made card's text block.
_NOT_CARD_TAGS = frozenset(
    {
        "a",
        "button",
        "input",
        "form",
        "iframe",
        "blockquote",
        "img",
        "svg",
        "script",
        "style",
        "link",
        "meta",
        "body",
        "html",
        "head",
        "ul",
        "ol",
        "nav",
        "textarea",
        "select",
        "option",
    }
)


# Status links under an element (cards); the permalink parser decides.
_STATUS_LINKS_XPATH = lxml.etree.XPath(".//a[contains(@href, '/status')]")


# Elements that show a handle on their own ("@ada_example") under an element.
_HANDLE_XPATH = lxml.etree.XPath(".//*[starts-with(normalize-space(.), '@')]")


# Length of an element's visible text, computed in C.
_TEXT_LENGTH_XPATH = lxml.etree.XPath("string-length(normalize-space(.))")


def find_cards(
    page: ParsedPage, seeds: list[Element], embeds: set[Element], in_code: set[Element]
) -> Iterator[Candidate]:
    holders: dict[Element, int] = {}
    for index, seed in enumerate(seeds):
        holders[seed] = index
        for level, ancestor in enumerate(seed.iterancestors()):
            if level >= 6:
                break
            holders.setdefault(ancestor, index)
            if ancestor in holders and holders[ancestor] != index:
                holders[ancestor] = -1  # holds several seeds
    for index, seed in enumerate(seeds):
        if _TEXT_LENGTH_XPATH(seed) > _MAX_CARD_CHARS or seed in in_code or _touches(seed, embeds):
            continue  # an article part, code, or a wrapper of an embed
        post = _read_card(page, seed, index, holders)
        if post is not None:
            yield Candidate(element=seed, post=post)


def is_card_seed(element: Element) -> bool:
    if not isinstance(element.tag, str) or element.tag in _NOT_CARD_TAGS:
        return False
    tokens = (element.get("class") or "").split()
    if "twitter-tweet-rendered" in tokens or (element.tag == "div" and "twitter-tweet" in tokens):
        return False
    return any(_CARD_TEXT_CLASS.match(token) for token in tokens)


def _touches(element: Element, embeds: set[Element]) -> bool:
    if not embeds:
        return False
    if any(ancestor in embeds for ancestor in element.iterancestors()):
        return True
    return any(inner in embeds for inner in element.iterdescendants())


def _read_card(
    page: ParsedPage, seed: Element, index: int, holders: dict[Element, int]
) -> Post | None:
    """Read a card a site drew itself: a text block, a handle, a status link, a time."""
    anchors = list(seed.iter("a"))
    if any(INTENT_URL.match((a.get("href") or "").strip()) for a in anchors):
        return None  # a "click to tweet" box or a share button
    if any(ancestor.tag in {"a", "button"} for ancestor in seed.iterancestors()):
        return None  # a label inside a button
    before, after = _card_region(seed, index, holders)
    date_element = _card_date_element(seed)
    text = element_text(seed, stop=date_element)
    status = _first_status(page, after, before, inside=seed)
    handle_element = _first_handle(before, after, seed)
    if status is not None and status[0] is not None and _is_inside(status[0], seed):
        text = element_text(seed, stop=status[0])
    if handle_element is not None and _is_inside(handle_element, seed):
        text = text.replace(one_line(element_text(handle_element)), "", 1)
    text = text.strip(_DATE_SEPARATORS)
    if len(text) < _MIN_CARD_TEXT or any(one_line(element_text(a)) == text for a in anchors):
        return None  # a button label ("Tweet this"), or one link and nothing else
    if status is None and not _links_profile(handle_element):
        # Without a permalink, only a handle linked to its profile ties the text to an
        # account.
        return None
    handle = None
    if handle_element is not None:
        match = _SHOWN_HANDLE.match(one_line(element_text(handle_element)))
        handle = match[1] if match else None
    name = _card_name(before, after, seed, handle_element)
    date_text = None
    if status is not None:
        shown = one_line(element_text(status[0]))
        if shown and len(shown) <= 40 and "/" not in shown:
            date_text = shown
    if date_text is None and date_element is not None:
        date_text = one_line(element_text(date_element)).strip(_DATE_SEPARATORS) or None
    links = tuple(text_links(seed, stop=date_element, skip=None))
    published, precision = published_utc(parse_date(date_text) if date_text else None)
    post = Post(
        platform="twitter",
        author=Author(name=name, handle=handle) if name or handle else None,
        text=text,
        lang=seed.get("lang") or None,
        date_text=date_text,
        published=published,
        published_precision=precision,
        links=links,
        form="card",
    )
    if status is not None:
        post = with_ref(post, status[1])
    quoted = quoted_status(page, links, post.post_id)
    return attrs.evolve(post, quoted=quoted) if quoted else post


def _links_profile(element: Element | None) -> bool:
    if element is None:
        return False
    shown = _SHOWN_HANDLE.match(one_line(element_text(element)))
    for anchor in [element, *element.iterancestors("a"), *element.iter("a")]:
        match = PROFILE_URL.match((anchor.get("href") or "").strip())
        if match and shown and match[1].lower() == shown[1].lower():
            return True
    return False


def _card_region(
    seed: Element, index: int, holders: dict[Element, int]
) -> tuple[list[Element], list[Element]]:
    """The elements around ``seed`` that belong to its card (before it, after it).

    Climbs at most three levels.  When a level holds another card's text block (a
    feed of cards drawn as flat siblings), the card is the run of siblings between
    its neighbours' blocks.
    """
    node = seed
    for _ in range(3):
        parent = node.getparent()
        if parent is None or parent.tag in {"body", "html", "main", "article"}:
            break
        if holders.get(parent, index) != index:
            # Elements only: a comment or processing instruction is no part of a card.
            siblings = [child for child in parent if isinstance(child.tag, str)]
            at = siblings.index(node)
            before: list[Element] = []
            for sibling in reversed(siblings[:at]):
                if sibling in holders:
                    break
                before.insert(0, sibling)
            after: list[Element] = []
            for sibling in siblings[at + 1 :]:
                if sibling in holders:
                    break
                after.append(sibling)
            return [*before, node], after
        node = parent
    return [node], []


def _card_date_element(seed: Element) -> Element | None:
    for element in seed.iterdescendants():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "time" or _CARD_META_CLASS.search(element.get("class") or ""):
            return element
    return None


def _is_inside(element: Element, container: Element) -> bool:
    return element is container or any(a is container for a in element.iterancestors())


def _first_status(
    page: ParsedPage, after: list[Element], before: list[Element], *, inside: Element
) -> tuple[Element, PostRef] | None:
    # The permalink (usually the time) follows the text in every card seen; a link
    # before the text belongs to the previous card of a flat feed unless none follows.
    for group in (after, before):
        ordered = group if group is after else list(reversed(group))
        for element in ordered:
            links = _STATUS_LINKS_XPATH(element)
            if element.tag == "a" and "/status" in (element.get("href") or ""):
                links = [element, *links]
            if group is before:
                links = list(reversed(links))
            for anchor in links:
                ref = status_ref(page, anchor.get("href"))
                if ref is not None:
                    return anchor, ref
    return None


def _first_handle(before: list[Element], after: list[Element], seed: Element) -> Element | None:
    for group in (before, after):
        for element in group:
            for candidate in [element, *_HANDLE_XPATH(element)]:
                if len(candidate) and candidate.tag != "a":
                    continue  # the innermost element showing the handle
                if _SHOWN_HANDLE.match(one_line(element_text(candidate))):
                    if _is_inside(candidate, seed) and candidate is not seed:
                        continue  # a mention inside the text
                    return candidate
    return None


def _card_name(
    before: list[Element], after: list[Element], seed: Element, handle_element: Element | None
) -> str | None:
    for group in (before, after):
        for element in group:
            for candidate in element.iter():
                if candidate is seed or not isinstance(candidate.tag, str):
                    continue
                tokens = (candidate.get("class") or "").split()
                if any(_CARD_NAME_CLASS.search(t) and "screen" not in t.lower() for t in tokens):
                    shown = one_line(element_text(candidate))
                    if shown and len(shown) <= 60 and not _SHOWN_HANDLE.match(shown):
                        return shown
    if handle_element is not None:
        title = (handle_element.get("title") or "").strip()
        if title and not title.lower().startswith("follow"):
            return title
    for group in (before, after):
        for element in group:
            for image in element.iter("img"):
                alt = one_line(image.get("alt") or "")
                if alt and len(alt) <= 60:
                    return alt
    return None
