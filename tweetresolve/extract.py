"""``extract()``: decode, sniff, run the HTML or the text path, merge, finish.

>>> posts = extract('''<blockquote class="twitter-tweet"><p lang="en">Hello
... world</p>&mdash; Ada Example (@ada_example)
... <a href="https://twitter.com/ada_example/status/1509138367902646272">March 30, 2022</a>
... </blockquote>''')
>>> [(p.post_id, p.author.handle, p.form) for p in posts]
[('1509138367902646272', 'ada_example', 'blockquote')]
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal, TypeVar
from urllib.parse import urljoin

import attrs

from tweetresolve.dates import dates_disagree, tweet_time
from tweetresolve.decode import decode
from tweetresolve.entities import extract_entities
from tweetresolve.families import pagedata, placeholders, services
from tweetresolve.families.cards import CARD_MARKERS, find_cards
from tweetresolve.html import ParsedPage, looks_like_html, parse_page
from tweetresolve.merge import merge_candidates
from tweetresolve.nested import MAX_DEPTH, MAX_DOCUMENTS, NestedBudget, find_nested_documents
from tweetresolve.platforms import PLATFORMS, Candidate, Platform
from tweetresolve.prefilter import MarkerScan, markers_present
from tweetresolve.records import Author, Post, PostRef
from tweetresolve.urls import parse_post_url

__all__ = ["MAX_ENTITIES", "MAX_LINKS", "MAX_TEXT_CHARS", "Kind", "extract"]

logger = logging.getLogger(__name__)

#: What a document is: decided from its content, or forced by the caller.
Kind = Literal["auto", "html", "text"]
_KINDS = ("auto", "html", "text")

_T = TypeVar("_T")

# How far above an official embed a placeholder of the same post counts as its wrapper.
_WRAPPER_LEVELS = 64

#: The forms that are a platform's own embed code or its residue; ``official_only``
#: keeps these (and bare links) and drops what sites build themselves: ``card``,
#: ``placeholder`` and ``data``.
OFFICIAL_FORMS = frozenset({"blockquote", "rendered", "iframe", "amp", "script", "text", "link"})

#: Markers of the placeholder, page-data and embed-service families: a page holding one
#: of them is parsed even when no platform's own embed marker occurs (an id-only
#: placeholder, a tweet object in the page's JSON, an Embedly card).
FAMILY_MARKERS: tuple[str, ...] = (*placeholders.MARKERS, *pagedata.MARKERS, *services.MARKERS)

#: Longest text a post keeps (longer is cut, with the warning ``text_truncated``): above
#: every platform's own limit (Facebook's, 63,206 characters, is the highest).
MAX_TEXT_CHARS = 65_536
#: Most links a post keeps (``links_truncated`` past it).
MAX_LINKS = 1_000
#: Most entities a post keeps (``entities_truncated`` past it).
MAX_ENTITIES = 5_000

# A URL written out in plain text; the permalink parsers decide whether it is a post.
# Bounded length keeps the scan linear.  Example: "https://twitter.com/ada/status/20".
_TEXT_URL = re.compile(r"https?://[^\s<>\"'\])}]{3,2048}", re.IGNORECASE)
# A URL with a scheme (``https:``, ``mailto:``) or protocol-relative (``//host``):
# nothing to resolve.  Example: "https://t.co/a"; "/status/1" does not match.
_ABSOLUTE_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]*:|//")
# A short str without white space that ends like a saved page or text file: most
# likely a file name given where the document was expected.  Example: "page.html".
_FILE_NAME = re.compile(r"[^\s<>]{1,250}\.(?:html?|xhtml|txt|md|jsonl?|gz)", re.IGNORECASE)
# Punctuation that ends a sentence rather than a URL: "see https://x.com/a/status/1."
_URL_TRAILING_PUNCT = ".,;:!?…"


def extract(
    document: str | bytes | os.PathLike[str] | os.PathLike[bytes],
    *,
    base_url: str | None = None,
    kind: Kind = "auto",
    include_links: bool = False,
    official_only: bool = False,
    encoding: str | None = None,
) -> list[Post]:
    """Find the social-media posts in an HTML page or in plain text.

    ``document`` is the page or text itself, as ``str`` or raw ``bytes``, or a
    path (:class:`pathlib.Path`, any ``os.PathLike``) of a file to read.  A ``str``
    is always the document, never a file name: ``extract("page.html")`` looks for
    posts in the nine characters ``page.html``; write ``extract(Path("page.html"))``.

    Bytes are decoded as a browser would (:mod:`tweetresolve.decode`): byte-order
    mark, then ``encoding`` if given (a WHATWG label such as ``"windows-1251"``:
    what an HTTP header or the user knows), then a declared charset, then the
    bytes themselves.  ``kind`` forces the HTML or the text path; ``"auto"``
    decides from the content.  ``base_url`` is the document's address: relative
    links (``Link.url``, ``Author.url``, permalinks) are resolved against it, or
    against the page's ``<base href>``.  Bare links to a post (not embedded) are
    returned only with ``include_links=True``, as posts with ``form="link"``.
    ``official_only=True`` keeps only the platforms' own embed forms (see
    :data:`OFFICIAL_FORMS`): no site-made cards, placeholders or posts found only
    in page data.

    Never raises on content: odd input gives fewer or partial records.  Raises
    ``TypeError`` for a document of another type, ``ValueError`` for an unknown
    ``kind`` or ``encoding`` (or an ``encoding`` given with a ``str``), and
    ``OSError`` when a path cannot be read.
    """
    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, _KINDS))}; got {kind!r}")
    if base_url is not None and not isinstance(base_url, str):
        raise TypeError(f"base_url must be a str or None, got {type(base_url).__name__}")
    if isinstance(document, os.PathLike):
        with open(document, "rb") as file:
            document = file.read()
    if isinstance(document, (bytes, bytearray, memoryview)):
        text = decode(bytes(document), encoding=encoding)
    elif isinstance(document, str):
        if encoding is not None:
            raise ValueError("encoding applies to bytes and files; a str is already decoded")
        _warn_if_file_name(document)
        text = document
    else:
        raise TypeError(f"extract() expects str, bytes or a path, got {type(document).__name__}")
    if kind == "auto":
        kind = "html" if looks_like_html(text) else "text"
    if kind == "html":
        posts = _extract_html(
            text, base_url=base_url, include_links=include_links, families=not official_only
        )
    else:
        posts = _extract_text(text, include_links=include_links)
        if base_url:
            absolute = functools.partial(_join, base_url)
            posts = [_with_absolute_urls(post, absolute) for post in posts]
    if official_only:
        posts = [post for post in posts if post.form in OFFICIAL_FORMS]
    return [_finish(post) for post in posts]


def _warn_if_file_name(document: str) -> None:
    # The most common first-contact mistake: a file name given as the document.
    # Told through logging (never the warnings module) and without touching the disk.
    if _FILE_NAME.fullmatch(document):
        logger.warning(
            "extract() was given the str %r, which reads as a file name: a str is the "
            "document itself; pass pathlib.Path(%r) to read the file",
            document,
            document,
        )


def _join(base: str, url: str) -> str:
    try:
        return urljoin(base, url)
    except ValueError:
        return url


def _with_absolute_urls(post: Post, absolute: Callable[[str], str]) -> Post:
    """Resolve the relative URLs a detector kept as found (links, the author's profile)."""
    changes: dict[str, Any] = {}
    links = tuple(
        attrs.evolve(link, url=absolute(link.url)) if _is_relative(link.url) else link
        for link in post.links
    )
    if links != post.links:
        changes["links"] = links
    if post.author is not None and post.author.url and _is_relative(post.author.url):
        changes["author"] = attrs.evolve(post.author, url=absolute(post.author.url))
    if post.url and _is_relative(post.url):
        changes["url"] = absolute(post.url)
    return attrs.evolve(post, **changes) if changes else post


def _is_relative(url: str) -> bool:
    return _ABSOLUTE_URL.match(url) is None


def _run(platform: Platform, find: Callable[[], Iterable[_T]]) -> list[_T]:
    # The one place where a detector bug is contained: a platform that trips on
    # some markup must not cost the caller the posts every other platform found.
    # Logged with its traceback so the bug is seen and fixed, not silenced.
    try:
        return list(find())
    except Exception:
        logger.exception("the %s detector failed on this document", platform.name)
        return []


# --- HTML path -------------------------------------------------------------------------


def _extract_html(
    source: str, *, base_url: str | None, include_links: bool, families: bool = True
) -> list[Post]:
    encoded = source.encode("utf-8", "surrogatepass")  # once, for the prefilter and lxml
    active, cards, family_markers = _prefilter(source, encoded)
    families = families and (bool(active) or family_markers)
    if not active and not cards and not families and not include_links:
        return []
    page = parse_page(source, base_url=base_url, include_links=include_links, encoded=encoded)
    if page is None:
        return []
    posts = _posts_in_page(
        page, active, cards=cards, families=families, depth=0, budget=NestedBudget()
    )
    if page.base_url:
        absolute = _absolute_in(page)
        posts = [_with_absolute_urls(post, absolute) for post in posts]
    return posts


def _absolute_in(page: ParsedPage) -> Callable[[str], str]:
    def absolute(url: str) -> str:
        return page.absolute(url) or url

    return absolute


def _posts_in_page(
    page: ParsedPage,
    active: list[Platform],
    *,
    cards: bool,
    families: bool,
    depth: int,
    budget: NestedBudget,
) -> list[Post]:
    """Every detector's candidates, the nested documents' posts and links, merged."""
    candidates: list[Candidate] = []
    for platform in active:
        candidates.extend(_run(platform, lambda p=platform: p.find_in_html(page)))  # type: ignore[misc]
    if cards:
        candidates = _with_cards(page, candidates)
    if families:
        candidates.extend(_family_candidates(page, candidates))
    if depth < MAX_DEPTH:
        candidates.extend(_nested_candidates(page, depth=depth, budget=budget))
    if page.include_links:
        candidates.extend(_link_candidates(page))
    return merge_candidates(page, candidates)


def _nested_candidates(
    page: ParsedPage, *, depth: int, budget: NestedBudget
) -> Iterator[Candidate]:
    """The posts of the documents nested in ``page``, spans mapped onto ``page``.

    Bare links inside a nested document are not collected: the page does not show them.
    """
    for document in find_nested_documents(page, may_hold_embed=_may_hold_embed):
        active, cards, family_markers = _prefilter(document.markup)
        families = bool(active) or family_markers
        if not active and not cards and not families:
            continue
        if not budget.take():
            logger.debug("nested documents past the first %d not read", MAX_DOCUMENTS)
            return
        inner = parse_page(document.markup, base_url=page.base_url)
        if inner is None:
            continue
        container_span: tuple[int, int] | None = None
        for post in _posts_in_page(
            inner, active, cards=cards, families=families, depth=depth + 1, budget=budget
        ):
            span: tuple[int, int] | None
            if document.offset is not None and post.span is not None:
                span = (post.span[0] + document.offset, post.span[1] + document.offset)
            else:
                container_span = container_span or page.span(document.container)
                span = container_span
            changes: dict[str, Any] = {"span": span}
            if document.form is not None:
                changes["form"] = document.form
            yield Candidate(
                element=document.container, post=attrs.evolve(post, **changes), nested=True
            )


def _may_hold_embed(markup: str) -> bool:
    active, _, family_markers = _prefilter(markup)
    return bool(active) or family_markers


def _family_candidates(page: ParsedPage, official: list[Candidate]) -> list[Candidate]:
    """Placeholders and page-data posts, as copies that yield to the official forms.

    Marked ``nested``: a post the page also shows in its platform's own form is that
    form's (the merge fills its empty fields from the copy).  A placeholder wrapped
    around the official embed of the same post (``div[data-tweet-id]`` holding the
    blockquote) is dropped here, or the merge would keep the outer, poorer form.
    """
    found: list[Candidate] = []
    for family, find in (
        ("placeholder", placeholders.find_placeholders),
        ("page-data", pagedata.find_page_data),
        ("embed-service", services.find_embed_services),
    ):
        try:
            found.extend(find(page))
        except Exception:
            logger.exception("the %s family failed on this document", family)
    if not found:
        return []
    # Up to the nearest official embed above (a wrapper further up holds that one too,
    # and the merge folds its copy), or to where an earlier walk for the same post
    # passed, and never past _WRAPPER_LEVELS: thousands of embeds nested thousands deep
    # stay linear.  (A "wrapper" further up is no wrapper a site writes: the merge folds
    # the two as one post, in the outer form, with the empty fields filled.)
    official_elements = {candidate.element for candidate in official}
    # (element, platform, id) -> levels a walk still had left there: a later walk stops
    # where an earlier one passed with at least as many left (it went as far up).
    around: dict[tuple[Any, str, str | None], int] = {}
    for candidate in official:
        key = (candidate.post.platform, candidate.post.post_id)
        element = candidate.element
        for left in range(_WRAPPER_LEVELS, 0, -1):
            if element is None or around.get((element, key[0], key[1]), 0) >= left:
                break
            around[element, key[0], key[1]] = left
            element = element.getparent()
            if element in official_elements:
                break
    return [
        attrs.evolve(candidate, nested=True)
        for candidate in found
        if (candidate.element, candidate.post.platform, candidate.post.post_id) not in around
    ]


def _with_cards(page: ParsedPage, candidates: list[Candidate]) -> list[Candidate]:
    """The platforms' candidates with the site-made cards of the page.

    The structural card family reads cards first; the platforms' own card readers
    (keyed on their class names) keep the cards it did not find.
    """
    official = [c for c in candidates if c.post.form != "card"]
    site_made = [c for c in candidates if c.post.form == "card"]
    try:
        cards = find_cards(page, official, fallback=site_made)
    except Exception:
        logger.exception("the card family failed on this document")
        cards = site_made
    return [*official, *cards]


def _active_platforms(source: str, encoded: bytes | None = None) -> list[Platform]:
    """The platforms whose HTML markers occur in ``source``."""
    return _prefilter(source, encoded)[0]


def _prefilter(source: str, encoded: bytes | None = None) -> tuple[list[Platform], bool, bool]:
    """The platforms whose HTML markers occur in ``source``, whether a post's permalink
    does (a site-made card has no embed marker, only its permalink), and whether a
    placeholder or page-data marker does."""
    groups = (*(p.markers for p in PLATFORMS), CARD_MARKERS, FAMILY_MARKERS)
    found = _marker_scan(groups).find(source, encoded=encoded)
    active = [p for p in PLATFORMS if not found.isdisjoint(p.markers)]
    return active, not found.isdisjoint(CARD_MARKERS), not found.isdisjoint(FAMILY_MARKERS)


@functools.lru_cache(maxsize=4)
def _marker_scan(markers: tuple[tuple[str, ...], ...]) -> MarkerScan:
    # Keyed on the markers themselves, so a changed registry gets a new scan.
    return MarkerScan(markers)


def _link_candidates(page: ParsedPage) -> Iterator[Candidate]:
    for anchor in page.root.iter("a"):
        href = page.absolute(anchor.get("href"))
        if not href:
            continue
        ref = parse_post_url(href)
        if ref is None or (ref.post_id is None and not ref.needs_expansion):
            continue
        yield Candidate(element=anchor, post=_link_post(ref, href))


def _link_post(ref: PostRef, url: str, span: tuple[int, int] | None = None) -> Post:
    """The post a bare permalink names: the link says nothing more than its URL."""
    return Post(
        platform=ref.platform,
        post_id=ref.post_id,
        url=ref.url or url,
        author=Author(handle=ref.handle) if ref.handle else None,
        created_at=_created_at(ref.platform, ref.post_id),
        form="link",
        span=span,
    )


def _created_at(platform: str, post_id: str | None) -> dt.datetime | None:
    # Only tweet ids are decoded here; other platforms' detectors fill their own.
    if platform != "twitter" or post_id is None:
        return None
    return tweet_time(post_id)


# --- text path -------------------------------------------------------------------------


def _extract_text(text: str, *, include_links: bool) -> list[Post]:
    lowered = text.lower()
    posts: list[Post] = []
    for platform in PLATFORMS:
        if markers_present(lowered, platform.text_markers):
            posts.extend(_run(platform, lambda p=platform: p.find_in_text(text)))  # type: ignore[misc]
    posts.sort(key=lambda p: p.span[0] if p.span else -1)
    if include_links:
        posts = _add_text_links(text, posts)
    return posts


def _add_text_links(text: str, posts: list[Post]) -> list[Post]:
    known: set[tuple[str, str | None]] = {(p.platform, p.post_id) for p in posts if p.post_id}
    covered = [p.span for p in posts if p.span]
    found: list[Post] = []
    for match in _TEXT_URL.finditer(text):
        url = match.group().rstrip(_URL_TRAILING_PUNCT)
        ref = parse_post_url(url)
        if ref is None or (ref.post_id is None and not ref.needs_expansion):
            continue
        start, end = match.start(), match.start() + len(url)
        key = (ref.platform, ref.post_id)
        if key in known or any(s <= start < e for s, e in covered):
            continue
        known.add(key)
        found.append(_link_post(ref, url, (start, end)))
    return sorted([*posts, *found], key=lambda p: p.span[0] if p.span else -1)


# --- finishing -------------------------------------------------------------------------


def _finish(post: Post) -> Post:
    """Derive what every post gets whatever found it: entities, date cross-check, caps.

    Output per post is bounded whatever the page holds: text past
    :data:`MAX_TEXT_CHARS`, links past :data:`MAX_LINKS` and entities past
    :data:`MAX_ENTITIES` are dropped, each with a warning on the post.
    """
    changes: dict[str, Any] = {}
    warnings = list(post.warnings)
    text = post.text
    if text is not None and len(text) > MAX_TEXT_CHARS:
        text = changes["text"] = text[:MAX_TEXT_CHARS]
        warnings.append("text_truncated")
    if len(post.links) > MAX_LINKS:
        changes["links"] = post.links[:MAX_LINKS]
        warnings.append("links_truncated")
    entities = post.entities
    if text and not entities:
        entities = changes["entities"] = tuple(extract_entities(text))
    if len(entities) > MAX_ENTITIES:
        changes["entities"] = entities[:MAX_ENTITIES]
        warnings.append("entities_truncated")
    # A day-precision value stands for the calendar day shown, not for its midnight.
    shown: dt.date | dt.datetime | None = post.published
    if post.published is not None and post.published_precision == "day":
        shown = post.published.date()
    if (
        shown is not None
        and post.created_at is not None
        and dates_disagree(shown, post.created_at)
        and "date_mismatch" not in warnings
    ):
        warnings.append("date_mismatch")
    if len(warnings) != len(post.warnings):
        changes["warnings"] = tuple(warnings)
    return attrs.evolve(post, **changes) if changes else post
