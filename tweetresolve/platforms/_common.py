"""Small tree helpers that several platform detectors share.

* :func:`frame_urls`: the URLs an ``<iframe>`` loads or will load once a lazy-loading
  script swaps ``data-src`` in;
* :func:`without_noscript_copies`: one post for a lazily loaded embed and the
  ``<noscript>`` copy that pages put beside it;
* :func:`contains`: whether one element lies inside another;
* :func:`read_apart`: read each embed of a platform without the embeds of the same
  platform nested inside it, so that hostile nesting stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator

import attrs

from tweetresolve.html import Element, ParsedPage
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Post

__all__ = [
    "FRAME_SOURCES",
    "contains",
    "frame_urls",
    "outermost",
    "read_apart",
    "without_noscript_copies",
]

#: Where an iframe keeps its URL: ``src``, or, before a lazy-loading script (lazysizes,
#: WordPress caching plugins) runs, ``data-src`` / ``data-lazy-src``, or, until the
#: reader consents, the attribute a consent manager moved it to (``data-cmp-src``,
#: ``data-cookieblock-src``, ``data-src-cmplz``, ``data-suppressedsrc`` …).
FRAME_SOURCES = (
    "src",
    "data-src",
    "data-lazy-src",
    "data-cmp-src",
    "data-consent-src",
    "data-cookieblock-src",
    "data-src-cmplz",
    "data-suppressedsrc",
    "data-deferred-src",
    "data-original",
)


def frame_urls(page: ParsedPage, element: Element) -> Iterator[str]:
    """Yield the absolute URLs an element loads or will load (see :data:`FRAME_SOURCES`).

    A lazy iframe's ``src`` is often ``about:blank`` or a placeholder, so callers try
    each URL in turn until one is theirs.
    """
    for attribute in FRAME_SOURCES:
        url = page.absolute(element.get(attribute))
        if url:
            yield url


def outermost(
    root: Element, tag: str, *, passed: Collection[Element] = frozenset()
) -> list[Element]:
    """The ``tag`` elements below ``root`` that no other ``tag`` element below it holds.

    In document order.  One walk that never descends into a match: reading each match's
    text then costs every node once, where reading every match (``root.iter(tag)``)
    would read nested markup once per level.  Elements in ``passed`` are no matches:
    the walk goes on inside them.

    >>> import lxml.html
    >>> root = lxml.html.fromstring("<div><p>a<span><p>b</p></span></p><p>c</p></div>")
    >>> [p.text for p in outermost(root, "p")]
    ['a', 'c']
    >>> [p.text for p in outermost(root, "p", passed={root[0]})]
    ['b', 'c']
    """
    found: list[Element] = []
    stack = list(reversed(root))
    while stack:
        node = stack.pop()
        if node.tag == tag and node not in passed:
            found.append(node)
        else:
            stack.extend(reversed(node))
    return found


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
    memo: dict[Element, Element | None] = {}
    hidden = [_noscript_of(candidate.element, memo) for candidate in candidates]
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


def _noscript_of(element: Element, memo: dict[Element, Element | None]) -> Element | None:
    """The nearest ``<noscript>`` above ``element``; ``memo`` keeps every walk up linear."""
    path = []
    node = element.getparent()
    while node is not None and node not in memo and node.tag != "noscript":
        path.append(node)
        node = node.getparent()
    found = node if node is None or node.tag == "noscript" else memo[node]
    for passed in path:
        memo[passed] = found
    return found


def _fill_empty(primary: Post, secondary: Post) -> Post:
    changes = {
        field.name: getattr(secondary, field.name)
        for field in attrs.fields(Post)
        if field.name not in {"form", "span"}
        and getattr(primary, field.name) in (None, ())
        and getattr(secondary, field.name) not in (None, ())
    }
    return attrs.evolve(primary, **changes) if changes else primary


def read_apart(roots: Iterable[Element], read: Callable[[Element], Post | None]) -> list[Candidate]:
    """Read each embed element with the embeds among ``roots`` nested inside it cut out.

    An embed inside an embed of the same platform is not text, links or permalink of
    the outer one.  Cutting the inner ones out while the outer one is read keeps
    every element in the reach of one reader: reading n embeds nested n deep costs
    O(n), where walking each one's whole subtree would cost O(n²) or more (readers
    walk their subtree several times).  Embeds are read innermost first; each one
    inside another is then replaced by an empty element of its tag (the outer text
    keeps its line break), and all are put back before this returns, so the tree
    the caller sees is unchanged.  Moving a subtree costs its size, and each one is
    moved holding only its own part: linear too.

    >>> import lxml.html
    >>> tree = lxml.html.fromstring("<div><blockquote id=a>one<blockquote id=b>two"
    ...                             "</blockquote>three</blockquote></div>")
    >>> found = read_apart(tree.iter("blockquote"),
    ...                    lambda el: Post(platform="x", text=el.text_content()))
    >>> [c.post.text for c in found], len(tree.findall(".//blockquote"))
    (['onethree', 'two'], 2)
    """
    ordered = list(dict.fromkeys(roots))
    owner = _enclosing_roots(ordered)
    depth: dict[Element, int] = {}
    for root in ordered:  # an owner may come later in ``ordered``: walk its chain once
        chain = []
        node: Element | None = root
        while node is not None and node not in depth:
            chain.append(node)
            node = owner.get(node)
        level = depth[node] if node is not None else -1
        for member in reversed(chain):
            level += 1
            depth[member] = level
    found: list[tuple[Element, Post]] = []
    cut: list[tuple[Element, Element, Element]] = []
    try:
        # Deepest first: an embed is read after every embed inside it was cut out.
        for root in sorted(ordered, key=depth.__getitem__, reverse=True):
            post = read(root)
            if post is not None:
                found.append((root, post))
            parent = root.getparent()
            if root in owner and parent is not None:
                stand_in = _stand_in(parent, root)
                parent.replace(root, stand_in)  # the root keeps its own tail
                cut.append((parent, stand_in, root))
    finally:
        for parent, stand_in, root in reversed(cut):
            parent.replace(stand_in, root)
    rank = {root: index for index, root in enumerate(ordered)}
    found.sort(key=lambda pair: rank[pair[0]])
    return [Candidate(element=root, post=post) for root, post in found]


def _enclosing_roots(roots: list[Element]) -> dict[Element, Element]:
    """Each root lying inside another root, mapped to the nearest such root."""
    root_set = set(roots)
    # element -> the nearest root among it and its ancestors (None: none); each element
    # is memoised once, so the walks up stay linear in the tree together.
    nearest: dict[Element, Element | None] = {}
    owner: dict[Element, Element] = {}
    for root in roots:
        path = []
        node = root.getparent()
        while node is not None and node not in root_set and node not in nearest:
            path.append(node)
            node = node.getparent()
        found = node if node is None or node in root_set else nearest[node]
        for passed in path:
            nearest[passed] = found
        if found is not None:
            owner[root] = found
    return owner


# Characters XML 1.0 forbids, which lxml refuses to set as text although its HTML
# parser keeps them from a page: "a\x01b" -> "a b".
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _stand_in(parent: Element, element: Element) -> Element:
    try:
        stand_in = parent.makeelement(element.tag)
    except ValueError:  # a tag name the parser kept but lxml refuses to create
        stand_in = parent.makeelement("div")
    try:
        stand_in.tail = element.tail  # the outer embed's text after the inner one
    except ValueError:  # control characters the parser kept but lxml will not set
        stand_in.tail = _NOT_XML.sub(" ", element.tail or "")
    return stand_in
