"""Site-made post cards (``form="card"``), recognised by structure for every platform.

Sites often draw a post themselves instead of pasting the platform's embed code:
newsletter and CMS cards, live-blog items, feed widgets, a screenshot linked to the
post, the link preview of one post.  None of them carries a platform class that could be
listed, so a card is recognised by what it holds: **one container with one post's
permalink and the parts of a post on lines of their own** — a display name, an
``@handle``, a date, and the text.

How a card is found:

1. Every link to a single post (any platform but YouTube, whose video links are not
   posts drawn by the site) is a *seed*.
2. From each seed, climb to the smallest ancestor that reads as a card
   (:func:`~tweetresolve.families.card_parts.read_container`), never past an
   ancestor that holds a second post (a feed, an article), an official embed, or
   more text than a card.  A post quoted inside a card is found first; the card
   around it is then read without it, and records it as its ``quoted`` post.
3. A seed no card holds but that wraps a large image is a screenshot or a feed
   thumbnail: a card of that post, its text from the image's description.
4. A card whose links are all redirect-wrapped shows no id: it is found from its
   shown handle, when it shows a name, a linked date and the text too, and names
   its platform in its markup.

>>> from tweetresolve.html import parse_page
>>> page = parse_page('''<div><b>Ada Example</b> <span>@ada_example</span>
... <p>The 07:40 crossing is cancelled again today.</p>
... <a href="https://twitter.com/ada_example/status/1768312345678901248">Mar 14, 2024</a>
... </div>''')
>>> [(c.post.post_id, c.post.author.name, c.post.date_text, c.post.form)
...  for c in find_cards(page)]
[('1768312345678901248', 'Ada Example', 'Mar 14, 2024', 'card')]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

import attrs
import lxml.etree

from tweetresolve.families.card_lines import (
    MAX_FIELD_CHARS,
    MIN_TEXT_CHARS,
    BlockLines,
    collapse,
)
from tweetresolve.families.card_links import (
    GENERIC_ALT,
    ID_TIMES,
    TEXT_LENGTH_XPATH,
    PageKinds,
    hinted_anchors,
    is_picture,
    platform_cue,
)
from tweetresolve.families.card_parts import CardReading, read_container, seed_may_be_field
from tweetresolve.families.card_tree import (
    Either,
    Siblings,
    beside_a_card,
    counts_by_ancestor,
    one_tracker,
    only_wraps,
    sibling_runs,
)
from tweetresolve.html import Element, ParsedPage, element_text
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Author, Link, Post, PostRef, published_utc

__all__ = ["CARD_MARKERS", "find_cards"]

#: Lower-case substrings of post permalinks: a page holding none of them holds no card
#: with an id, so the card pass is skipped (the prefilter's second-level signal).
CARD_MARKERS: tuple[str, ...] = (
    "/status/",
    "/statuses/",
    "instagram.com/p/",
    "instagram.com/reel",
    "instagr.am/p/",
    "tiktok.com/@",
    "bsky.app/profile/",
    "threads.net/@",
    "threads.com/@",
    "linkedin.com/posts/",
    "linkedin.com/feed/update",
    "/posts/",
    "permalink.php",
    "story_fbid",
    # Mastodon runs on any host: its permalinks are "/@user/<digits>".
    "/@",
    "reddit.com/r/",
)


# Elements a card never reaches past.
_STOP_TAGS = frozenset({"html", "body", "main", "head"})

# Elements whose content is shown as code.
_CODE_TAGS = frozenset({"pre", "code", "xmp", "plaintext", "listing", "textarea"})

# How far above a seed a card's container may be.
_MAX_LEVELS = 6

# A card links its own post a few times (date, picture, "view on X"); an element holding
# more permalinks than this, even to one post, is a list of links and no card (and
# reading it once for each of them would cost the square of their number).
_MAX_CARD_PERMALINKS = 8

# A card shows at most this much text (a long LinkedIn post and its fields).
_MAX_CARD_CHARS = 3500

# A no-id card is found at most this far above its shown handle.
_MAX_HANDLE_LEVELS = 4

# A link around a screenshot holds the image and a few elements more; one holding more
# than this is no screenshot card (and reading all it holds, once per such link, was the
# square of the size on links nested in each other).
_MAX_PICTURE_LINK_ELEMENTS = 64

# An element whose text is a handle alone, in the page source: ">@ada_example<",
# "> @louise@mastodon.example <".  One scan of the source decides whether no-id cards are
# looked for (a handle inside a sentence or a byline never makes one).
_SHOWN_HANDLE_SOURCE = re.compile(r">\s{0,40}[@＠][A-Za-z0-9_][A-Za-z0-9_.@\-]{0,300}\s{0,40}<")

# Text nodes holding an "@": where a shown handle may be.
_HANDLE_TEXT_XPATH = lxml.etree.XPath(
    "descendant::text()[contains(., '@') or contains(., '\uff20')]"
)


def find_cards(
    page: ParsedPage, embeds: Sequence[Candidate] = (), *, fallback: Sequence[Candidate] = ()
) -> list[Candidate]:
    """The posts a site drew itself in ``page``, as ``form="card"`` candidates.

    ``embeds`` are the official embeds already found: a card never holds one, and a
    post embedded officially is not reported again as a card.  ``fallback`` are cards
    found otherwise (a platform's reader of its known widgets); each is kept unless a
    card found here shows the same post or overlaps it.
    """
    found = _CardFinder(page, embeds).run()
    keys = {(c.post.platform, c.post.post_id) for c in found if c.post.post_id}
    # The cards' elements and their ancestors, for overlap tests that cost one walk up
    # per fallback card instead of one per pair of cards.
    cards: set[Element] = set()
    holding: set[Element] = set()

    def add(element: Element) -> None:
        cards.add(element)
        for ancestor in element.iterancestors():
            if ancestor in holding:
                break  # its ancestors are in already
            holding.add(ancestor)

    for card in found:
        add(card.element)
    for other in fallback:
        if other.post.post_id and (other.post.platform, other.post.post_id) in keys:
            continue
        element = other.element
        if element in cards or element in holding:
            continue  # a card itself, or holding one
        if any(ancestor in cards for ancestor in element.iterancestors()):
            continue  # inside a card
        found.append(other)
        add(element)
    return found


@attrs.define
class _Found:
    container: Element
    post: Post
    key: tuple[str, str] | None
    lead: bool = False


class _CardFinder:
    def __init__(self, page: ParsedPage, embeds: Sequence[Candidate]) -> None:
        self.page = page
        self.memo = PageKinds(page)
        self.kinds = self.memo.element_kinds()
        self.embedded = {(c.post.platform, c.post.post_id) for c in embeds if c.post.post_id}
        self._field_seeds: dict[Element, bool] = {}
        self._block_lines = BlockLines(self.kinds)
        self._permalink_counts: dict[Element, int] = {}
        # Seeds whose first climb was put off to the second round, and how many elements
        # each climb looked at (the seed, then its ancestors).
        self._deferred: set[Element] = set()
        self._climbed: dict[Element, int] = {}
        # Each parent's children, and its children beside which a card stands (for the
        # round's keys): asked once per parent, not once per permalink under it.
        self._siblings: Siblings = {}
        self._beside: dict[Element, list[Element]] = {}
        self.inside_embed: set[Element] = set()
        self.holds_embed: set[Element] = set()
        for candidate in embeds:
            # Embeds nested in embeds: an element already inside has its whole subtree
            # in the set, one already holding has all its ancestors; each stops there.
            if candidate.element not in self.inside_embed:
                self.inside_embed.update(candidate.element.iter())
            for ancestor in candidate.element.iterancestors():
                if ancestor in self.holds_embed:
                    break
                self.holds_embed.add(ancestor)

    def run(self) -> list[Candidate]:
        seeds = [a for a in hinted_anchors(self.page) if self._is_seed(a)]
        self._permalink_counts = counts_by_ancestor(seeds, _MAX_LEVELS)
        found: list[_Found] = []
        # Everything inside a found card (its container too), kept with ``found``: asking
        # each seed whether it lies in each card walked up to the root every time.  A card
        # quoted in a later one lies in that one's container, so nothing is taken out.
        covered: set[Element] = set()
        pending = seeds
        for masked_round in (False, True):
            if not pending:
                break
            inner = self._cards_under(found) if masked_round else {}
            live = [s for s in seeds if s not in covered] if masked_round else seeds
            keys = self._keys_by_ancestor(live)
            self._beside = {}
            failed = []
            for seed in pending:
                if seed in covered:
                    continue
                if masked_round and not self._may_climb_further(seed, inner):
                    failed.append(seed)
                    continue
                hit = self._climb(seed, keys, inner, first_round=not masked_round)
                if hit is None:
                    failed.append(seed)
                    continue
                container, post, quoted, lead = hit
                if quoted:
                    found = [f for f in found if f not in quoted]
                found.append(_Found(container, post, self.memo.key(seed), lead=lead))
                covered.update(container.iter())
            pending = failed
        read_before = len(found)
        pending = self._template_leads(pending, found)
        for card in found[read_before:]:
            covered.update(card.container.iter())  # the feed items just read
        for seed in pending:
            if seed not in covered:
                picture = self._image_card(seed)
                if picture is not None:
                    found.append(_Found(seed, picture, self.memo.key(seed)))
                    covered.update(seed.iter())
        found.extend(self._cards_without_id(found))
        return self._unique(found)

    def _is_seed(self, anchor: Element) -> bool:
        if anchor in self.inside_embed or self.memo.anchor(anchor)[0] != "permalink":
            return False
        return anchor not in self.page.inside(_CODE_TAGS)

    def _keys_by_ancestor(self, seeds: Iterable[Element]) -> dict[Element, set[tuple[str, str]]]:
        keys: dict[Element, set[tuple[str, str]]] = {}
        for seed in seeds:
            key = self.memo.key(seed)
            if key is None:
                continue
            node = seed
            for _ in range(_MAX_LEVELS + 1):
                keys.setdefault(node, set()).add(key)
                node = node.getparent()
                if node is None:
                    break
        return keys

    def _cards_under(self, found: list[_Found]) -> dict[Element, list[_Found]]:
        under: dict[Element, list[_Found]] = {}
        for card in found:
            for level, ancestor in enumerate(card.container.iterancestors()):
                if level > _MAX_LEVELS:
                    break
                under.setdefault(ancestor, []).append(card)
        return under

    def _climb(
        self,
        seed: Element,
        keys: dict[Element, set[tuple[str, str]]],
        inner: dict[Element, list[_Found]],
        *,
        first_round: bool = False,
    ) -> tuple[Element, Post, list[_Found], bool] | None:
        ref = self.memo.ref(seed)
        if ref is None or not self._may_be_field(seed):
            return None
        node = seed
        below: Element | None = None
        for level in range(_MAX_LEVELS):
            self._climbed[seed] = level + 1
            if node is None or not isinstance(node.tag, str) or node.tag in _STOP_TAGS:
                return None
            if node in self.holds_embed or len(keys.get(node, ())) > 1:
                return None
            if self._permalink_counts.get(node, 0) > _MAX_CARD_PERMALINKS:
                return None
            quoted = inner.get(node, [])
            if len(quoted) > 1 or TEXT_LENGTH_XPATH(node) > _MAX_CARD_CHARS:
                return None
            skip = frozenset(card.container for card in quoted)
            # A bare wrapper of the element just read shows the same lines: not read again.
            reading = (
                None
                if below is not None and only_wraps(node, below)
                else read_container(node, seed, ref, self.kinds, skip=skip)
            )
            if reading is not None:
                node, reading = self._widen(
                    node, reading=reading, seed=seed, ref=ref, keys=keys, skip=skip
                )
                quoted_ref = _ref_of(quoted[0].post) if quoted else None
                return node, self._post(ref, reading, quoted_ref), quoted, reading.lead
            parent = node.getparent()
            self._climbed[seed] = level + 2
            if parent is not None and len(keys.get(parent, ())) > 1 and not quoted:
                if first_round and beside_a_card(node, parent, keys, self._beside):
                    # A sibling holds a whole card: a post quoted in this one, read
                    # once the quote is found (the second round), not a feed.
                    self._deferred.add(seed)
                    return None
                # A feed whose cards are runs of siblings, not wrapped one by one.
                stops = Either(keys, self.holds_embed, self.inside_embed)
                for run in sibling_runs(node, parent, stops, self._siblings):
                    reading = read_container(run, seed, ref, self.kinds)
                    if reading is not None:
                        return node, self._post(ref, reading, None), [], reading.lead
                return None
            node, below = parent, node
        return None

    def _may_climb_further(self, seed: Element, inner: dict[Element, list[_Found]]) -> bool:
        """Whether a second climb may end otherwise than the first: when it was put off,
        or a found card lies under an element the first climb read (its quotes and the
        seeds it masks are all the second round changes)."""
        if seed in self._deferred:
            return True
        nodes = itertools.chain([seed], seed.iterancestors())
        return any(node in inner for node in itertools.islice(nodes, self._climbed.get(seed, 0)))

    def _template_leads(self, pending: list[Element], found: list[_Found]) -> list[Element]:
        """Read the remaining seeds of a feed whose items introduce the post with a link.

        A live blog writes "Ada <a>tweets:</a> Hello" in one item and "Bo <a>tweets</a>
        Hi" in the next: without the colon the link reads like prose, so it is taken as a
        card only in an item of the same template (tag and class) as a sibling item
        already read as such a card.
        """
        leads = [card for card in found if card.lead]
        if not leads or not pending:
            return pending
        holders: set[Element] = set()
        for card in leads:
            holders.update(itertools.islice(card.container.iterancestors(), _MAX_LEVELS))
        items: set[tuple[Element, str, str]] = set()
        for card in leads:
            for item in [card.container, *itertools.islice(card.container.iterancestors(), 3)]:
                parent = item.getparent()
                if parent is not None:
                    items.add((parent, item.tag, item.get("class") or ""))
        left = []
        for seed in pending:
            hit = None
            for item in itertools.islice(seed.iterancestors(), 4):
                if item in holders:
                    break  # an ancestor of the cards themselves, not a sibling item
                parent = item.getparent()
                if (parent, item.tag, item.get("class") or "") in items:
                    hit = self._read_bare_lead(seed, item)
                    break
            if hit is None:
                left.append(seed)
            else:
                found.append(hit)
        return left

    def _read_bare_lead(self, seed: Element, item: Element) -> _Found | None:
        ref = self.memo.ref(seed)
        if ref is None:
            return None
        node = seed.getparent()
        while node is not None:
            if node in self.holds_embed:
                return None
            reading = read_container(node, seed, ref, self.kinds, bare_lead=True)
            if reading is not None and reading.lead:
                # The item's heading may name the author: read up to the item itself.
                wider_node = node
                while reading.name is None and wider_node is not item:
                    wider_node = wider_node.getparent()
                    if wider_node is None or wider_node in self.holds_embed:
                        break
                    wider = read_container(wider_node, seed, ref, self.kinds, bare_lead=True)
                    if wider is not None and wider.lead and wider.name is not None:
                        node, reading = wider_node, wider
                return _Found(node, self._post(ref, reading, None), self.memo.key(seed), lead=True)
            if node is item:
                return None
            node = node.getparent()
        return None

    def _may_be_field(self, seed: Element) -> bool:
        """Whether a permalink can belong to a card at all: a link inside a sentence is
        prose at every level, so its ancestors need not be read (the common case)."""
        if seed in self._field_seeds:
            return self._field_seeds[seed]
        block = next((a for a in seed.iterancestors() if a.tag not in _INLINE_TAGS), None)
        verdict = block is None or seed_may_be_field(block, seed, self.kinds, self._block_lines)
        self._field_seeds[seed] = verdict
        return verdict

    def _widen(
        self,
        node: Element,
        *,
        reading: CardReading,
        seed: Element,
        ref: PostRef,
        keys: dict[Element, set[tuple[str, str]]],
        skip: frozenset[Element],
    ) -> tuple[Element, CardReading]:
        """A card missing its name or handle may show it one or two levels up (a live-blog
        item's contributor line above the paragraph holding the post)."""
        if reading.name is not None and reading.handle is not None:
            return node, reading
        parent = node
        for _ in range(2):
            parent = parent.getparent()
            if parent is None or parent.tag in _STOP_TAGS or parent in self.holds_embed:
                break
            if len(keys.get(parent, ())) > 1 or TEXT_LENGTH_XPATH(parent) > _MAX_CARD_CHARS:
                break
            wider = read_container(parent, seed, ref, self.kinds, skip=skip)
            if wider is None or (wider.text or "")[:20] != (reading.text or "")[:20]:
                continue
            if _shown_fields(wider) > _shown_fields(reading):
                return parent, wider
        return node, reading

    def _post(self, ref: PostRef | None, reading: CardReading, quoted: PostRef | None) -> Post:
        platform = ref.platform if ref is not None else "twitter"
        post_id = ref.post_id if ref is not None else None
        created = ID_TIMES.get(platform)
        links = tuple(
            Link(url=self.page.absolute(href) or href, text=shown if shown != href else None)
            for href, shown in reading.links
            if href
        )
        name, handle = reading.name, reading.handle
        published, precision = published_utc(reading.published)
        return Post(
            platform=platform,
            post_id=post_id,
            url=ref.url if ref is not None else None,
            author=Author(name=name, handle=handle, url=self.page.absolute(reading.profile_url))
            if name or handle
            else None,
            text=reading.text,
            date_text=reading.date_text,
            published=published,
            published_precision=precision,
            created_at=created(post_id) if created and post_id else None,
            links=links,
            form="card",
            quoted=quoted,
        )

    def _image_card(self, seed: Element) -> Post | None:
        """A screenshot or feed thumbnail linked to its post."""
        ref = self.memo.ref(seed)
        if ref is None:
            return None
        inside = list(itertools.islice(seed.iter(), _MAX_PICTURE_LINK_ELEMENTS + 1))
        if len(inside) > _MAX_PICTURE_LINK_ELEMENTS:
            return None  # a link around a page's worth of markup is no screenshot's
        image = next((e for e in inside if is_picture(e)), None)
        if image is None:
            return None
        shown = collapse(element_text(seed))
        block = next((a for a in seed.iterancestors() if a.tag not in _INLINE_TAGS), None)
        if block is not None and TEXT_LENGTH_XPATH(block) > len(shown) + MAX_FIELD_CHARS:
            around = TEXT_LENGTH_XPATH(block) - sum(
                TEXT_LENGTH_XPATH(a)
                for a in block.iter("a")
                if self.memo.anchor(a)[0] == "permalink"
            )
            if around > MAX_FIELD_CHARS:
                return None  # an image inside a paragraph of prose
        alt = collapse(image.get("alt") or image.get("title") or "")
        text = None
        for caption in (shown, alt):
            if len(caption) >= 2 * MIN_TEXT_CHARS and not GENERIC_ALT.match(caption):
                text = caption
                break
        created = ID_TIMES.get(ref.platform)
        return Post(
            platform=ref.platform,
            post_id=ref.post_id,
            url=ref.url,
            author=Author(handle=ref.handle) if ref.handle else None,
            text=text,
            created_at=created(ref.post_id) if created and ref.post_id else None,
            form="card",
        )

    def _cards_without_id(self, found: list[_Found]) -> list[_Found]:
        """Cards whose every link is redirect-wrapped, found from their shown handle."""
        if _SHOWN_HANDLE_SOURCE.search(self.page.source) is None:
            return []  # no element shows a handle on its own: no such card
        taken = {f.container for f in found}
        out: list[_Found] = []
        for shown_text in _HANDLE_TEXT_XPATH(self.page.root):
            element = shown_text.getparent()
            if shown_text.is_tail or element is None or element in self.inside_embed:
                continue
            if not shown_text.lstrip().startswith(("@", "＠")):
                continue
            shown = self.memo.short_text(element)
            if not shown or not shown.startswith(("@", "＠")) or " " in shown:
                continue
            if any(a in taken or a.tag in _CODE_TAGS for a in element.iterancestors()):
                continue
            card = self._climb_without_id(element)
            if card is not None and card.container not in taken:
                taken.add(card.container)
                out.append(card)
        return out

    def _climb_without_id(self, handle: Element) -> _Found | None:
        node = handle.getparent()
        for _ in range(_MAX_HANDLE_LEVELS):
            if node is None or node.tag in _STOP_TAGS or node in self.holds_embed:
                return None
            if TEXT_LENGTH_XPATH(node) > _MAX_CARD_CHARS:
                return None
            anchors = list(node.iter("a"))
            if any(self.memo.anchor(a)[0] in {"permalink", "profile"} for a in anchors):
                return None  # a card with a permalink or an account link is found otherwise
            reading = read_container(node, None, None, self.kinds)
            if reading is not None:
                platform = platform_cue(node, levels=_MAX_HANDLE_LEVELS)
                dated_link = any(
                    reading.date_text and collapse(element_text(a)) == reading.date_text
                    for a in anchors
                )
                if platform is None or not dated_link or not one_tracker(anchors):
                    return None
                post = attrs.evolve(self._post(None, reading, None), platform=platform)
                return _Found(node, post, None)
            node = node.getparent()
        return None

    def _unique(self, found: list[_Found]) -> list[Candidate]:
        seen: set[tuple[str, str]] = set()
        out = []
        for card in found:
            if card.key is not None:
                if card.key in self.embedded or card.key in seen:
                    continue
                seen.add(card.key)
            out.append(Candidate(element=card.container, post=card.post))
        return out


# Inline tags: an image inside them still sits in the paragraph around them.
_INLINE_TAGS = frozenset({"a", "span", "b", "i", "em", "strong", "small", "picture", "font"})


def _shown_fields(reading: CardReading) -> int:
    return sum(v is not None for v in (reading.name, reading.handle, reading.date_text))


def _ref_of(post: Post) -> PostRef:
    return PostRef(platform=post.platform, post_id=post.post_id, handle=post.handle, url=post.url)
