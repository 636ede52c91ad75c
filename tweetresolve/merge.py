"""One record per post: merging what the platform detectors found in one parsed page.

Several forms often describe one post: a rendered iframe inside the wrapper the
publish snippet became, a placeholder blockquote inside ``amp-twitter``, the copy of
an embed kept in a consent wall's ``<textarea>`` or in the page's JSON.  The rules:

* a candidate whose element lies inside another candidate's element of the same
  platform (and the same post id, where both have one) is that post again: its
  fields fill the outer one's empty fields;
* a post read from a nested document (``Candidate.nested``) that repeats a post
  found elsewhere on the page (same platform and id) is a copy: it fills the empty
  fields of the post shown on the page (or of the first copy) and adds no record;
* a bare link (``form="link"``) to an embedded post, inside an embed, or repeating
  an earlier link, is dropped.

>>> from tweetresolve.html import parse_page
>>> from tweetresolve.platforms.base import Candidate
>>> from tweetresolve.records import Post
>>> page = parse_page('<div class="outer"><iframe class="inner"></iframe></div>')
>>> outer, inner = page.root.find(".//div"), page.root.find(".//iframe")
>>> posts = merge_candidates(page, [
...     Candidate(element=inner, post=Post(platform="twitter", post_id="20", form="rendered",
...                                       lang="en")),
...     Candidate(element=outer, post=Post(platform="twitter", post_id="20", form="blockquote")),
... ])
>>> [(p.form, p.lang, p.span) for p in posts]
[('blockquote', 'en', (0, 56))]
"""

from __future__ import annotations

import attrs

from tweetresolve.html import Element, ParsedPage
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Post

__all__ = ["fill_empty", "merge_candidates"]

# Up to this many candidates are sorted by their paths from the root; more, by
# numbering the whole tree once (linear, however many siblings they have).
_FEW_CANDIDATES = 32


def merge_candidates(page: ParsedPage, candidates: list[Candidate]) -> list[Post]:
    """Fold the candidates of one page into one post each, sorted by where they start."""
    if len(candidates) > _FEW_CANDIDATES:
        candidates.sort(key=lambda c: page.order(c.element))
    else:
        candidates.sort(key=lambda c: page.path(c.element))
    embeds: list[tuple[Element, Post, bool]] = []
    index_of: dict[Element, int] = {}
    links: list[Candidate] = []
    # Answers of the walks up, kept per element passed: thousands of candidates nested
    # thousands deep would otherwise each walk to the root (quadratic).
    known: dict[Element, int | None] = {}
    for candidate in candidates:
        if candidate.post.form == "link":
            links.append(candidate)
            continue
        # Passed by an earlier walk up before it was one (candidates out of document
        # order): the answers kept below it would be stale once it is an embed.
        # (So is an element that is one already, given a second post: the answers
        # below it name the first.)
        passed_before = candidate.element in known or candidate.element in index_of
        host = _enclosing(candidate.element, index_of, known) if index_of else None
        if host is not None and _same_post(embeds[host][1], candidate.post):
            element, post, nested = embeds[host]
            embeds[host] = (element, fill_empty(post, candidate.post), nested)
            # Walks up from inside this copy end here, at the same host: copies of one
            # post nested hundreds deep stay linear.
            index_of.setdefault(candidate.element, host)
            continue
        if passed_before:
            known.clear()
        index_of[candidate.element] = len(embeds)
        embeds.append((candidate.element, candidate.post, candidate.nested))

    posts = _without_nested_copies(
        [(_with_span(page, element, post), nested) for element, post, nested in embeds]
    )
    embedded = {(p.platform, p.post_id) for p in posts if p.post_id}
    seen_links: set[tuple[str, str | None]] = set()
    for candidate in links:
        key = (candidate.post.platform, candidate.post.post_id or candidate.post.url)
        # A link that repeats an embedded post, sits inside an embed, or repeats an
        # earlier link is the same post again, not another one.
        if (
            key in embedded
            or key in seen_links
            or (index_of and _enclosing(candidate.element, index_of, known) is not None)
        ):
            continue
        seen_links.add(key)
        posts.append(_with_span(page, candidate.element, candidate.post))
    posts.sort(key=lambda p: p.span[0] if p.span else -1)
    return posts


def _without_nested_copies(found: list[tuple[Post, bool]]) -> list[Post]:
    """Drop the nested copies of posts the page shows, or that an earlier copy gave."""
    first_of: dict[tuple[str, str], int] = {}
    for index, (post, nested) in enumerate(found):
        if post.post_id is not None and not nested:
            first_of.setdefault((post.platform, post.post_id), index)
    kept: list[Post | None] = [post for post, _ in found]
    for index, (post, nested) in enumerate(found):
        if not nested or post.post_id is None:
            continue
        key = (post.platform, post.post_id)
        at = first_of.setdefault(key, index)
        shown = kept[at]
        if at != index and shown is not None:
            kept[at] = fill_empty(shown, post)
            kept[index] = None
    return [post for post in kept if post is not None]


def _enclosing(
    element: Element, index_of: dict[Element, int], known: dict[Element, int | None]
) -> int | None:
    """Index of the nearest embed at or above ``element``.

    Every element passed on the way up keeps the answer in ``known``, and a later walk
    stops at the first one it meets (the caller clears it when an element already
    passed becomes an embed).
    """
    passed: list[Element] = []
    node = element
    found: int | None = None
    while node is not None:
        found = index_of.get(node)
        if found is not None:
            break
        if node in known:
            found = known[node]
            break
        passed.append(node)
        node = node.getparent()
    known.update(dict.fromkeys(passed, found))
    return found


def _same_post(outer: Post, inner: Post) -> bool:
    if outer.platform != inner.platform:
        return False
    return outer.post_id is None or inner.post_id is None or outer.post_id == inner.post_id


def fill_empty(primary: Post, secondary: Post) -> Post:
    """Fill the empty fields of ``primary`` from ``secondary`` (same post, other form).

    >>> fill_empty(Post(platform="twitter", post_id="20", form="rendered"),
    ...            Post(platform="twitter", lang="en", form="blockquote")).lang
    'en'
    """
    empty: tuple[object, ...] = (None, (), "")
    changes = {}
    for field in attrs.fields(Post):
        if field.name in {"form", "span"}:
            continue
        mine, theirs = getattr(primary, field.name), getattr(secondary, field.name)
        if mine in empty and theirs not in empty:
            changes[field.name] = theirs
    return attrs.evolve(primary, **changes) if changes else primary


def _with_span(page: ParsedPage, element: Element, post: Post) -> Post:
    if post.span is not None:
        return post
    span = page.span(element)
    return attrs.evolve(post, span=span) if span else post
