"""Small tree helpers that several platform detectors share.

* :func:`frame_urls`: the URLs an ``<iframe>`` loads or will load once a lazy-loading
  script swaps ``data-src`` in;
* :func:`without_noscript_copies`: one post for a lazily loaded embed and the
  ``<noscript>`` copy that pages put beside it;
* :func:`contains`: whether one element lies inside another.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from tweetresolve.html import Element, ParsedPage
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Post

__all__ = ["FRAME_SOURCES", "contains", "frame_urls", "without_noscript_copies"]

#: Where an iframe keeps its URL: ``src``, or, before a lazy-loading script (lazysizes,
#: WordPress caching plugins) runs, ``data-src`` / ``data-lazy-src``.
FRAME_SOURCES = ("src", "data-src", "data-lazy-src")


def frame_urls(page: ParsedPage, element: Element) -> Iterator[str]:
    """Yield the absolute URLs of an element's ``src``, ``data-src`` and ``data-lazy-src``.

    A lazy iframe's ``src`` is often ``about:blank`` or a placeholder, so callers try
    each URL in turn until one is theirs.
    """
    for attribute in FRAME_SOURCES:
        url = page.absolute(element.get(attribute))
        if url:
            yield url


def contains(outer: Element, inner: Element) -> bool:
    """Whether ``inner`` is a descendant of ``outer`` (not ``outer`` itself)."""
    return any(node is outer for node in inner.iterancestors())


def without_noscript_copies(
    candidates: list[Candidate], *, anywhere: bool = False
) -> list[Candidate]:
    """Drop an embed inside ``<noscript>`` that repeats an embed shown beside it.

    Lazy-loading plugins write ``<iframe data-src=…></iframe><noscript><iframe src=…>
    </iframe></noscript>``: one post, shown once.  "Beside" means under the
    ``<noscript>``'s parent (with ``anywhere``, the whole page); a copy's fields fill the
    shown embed's empty ones.  A ``<noscript>`` embed with no shown twin counts on its own.
    """
    hidden = [_noscript_of(candidate.element) for candidate in candidates]
    if all(noscript is None for noscript in hidden):
        return candidates
    # (ancestor, post id) -> the first shown embed of that post under that ancestor:
    # one walk up from each shown embed, so a page of many embeds stays linear.
    # The key (None, post id) stands for the whole page.
    shown_under: dict[tuple[Element | None, str], int] = {}
    for index, candidate in enumerate(candidates):
        post_id = candidate.post.post_id
        if hidden[index] is None and post_id is not None:
            shown_under.setdefault((None, post_id), index)
            if not anywhere:
                for ancestor in candidate.element.iterancestors():
                    shown_under.setdefault((ancestor, post_id), index)
    kept: list[Candidate | None] = list(candidates)
    for index, noscript in enumerate(hidden):
        copy = candidates[index]
        scope = noscript.getparent() if noscript is not None else None
        if scope is None or copy.post.post_id is None:
            continue
        at = shown_under.get((None if anywhere else scope, copy.post.post_id))
        shown = kept[at] if at is not None else None
        if at is not None and shown is not None:
            kept[at] = attrs.evolve(shown, post=_fill_empty(shown.post, copy.post))
            kept[index] = None
    return [candidate for candidate in kept if candidate is not None]


def _noscript_of(element: Element) -> Element | None:
    return next((node for node in element.iterancestors() if node.tag == "noscript"), None)


def _fill_empty(primary: Post, secondary: Post) -> Post:
    changes = {
        field.name: getattr(secondary, field.name)
        for field in attrs.fields(Post)
        if field.name not in {"form", "span"}
        and getattr(primary, field.name) in (None, ())
        and getattr(secondary, field.name) not in (None, ())
    }
    return attrs.evolve(primary, **changes) if changes else primary
