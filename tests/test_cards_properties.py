"""The card family keys on structure: renaming every class, id and data attribute of a
card, or reordering its attributes, finds the same post with the same fields.

Distinct old names get distinct new names: items drawn from one template keep sharing
their class, whatever it is called."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import lxml.html
import pytest
from card_pages import CARD_PAGES, DECOY_PAGES
from hypothesis import given, settings
from hypothesis import strategies as st

import tweetresolve as tr
from tweetresolve.families.cards import find_cards
from tweetresolve.html import parse_page

# Attributes a site names freely; href, src, alt, width, height and datetime carry content.
_RENAMED = ("class", "id")
# The no-id card names its platform only through a class; it is not renamed here.
_STRUCTURAL = [(name, markup) for name, markup, _ in CARD_PAGES if "redirect-wrapped" not in name]

_TOKEN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12)


def _rename(markup: str, draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    """``markup`` with every class and id value renamed (one new name per old value, as a
    site renaming its style sheet would), random data attributes added, attributes shuffled."""
    root = lxml.html.document_fromstring(markup)
    names: dict[str, str] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        items = list(element.attrib.items())
        for key, _ in items:
            del element.attrib[key]
        kept = [
            (key, value)
            for key, value in items
            if key not in _RENAMED and not key.startswith("data-")
        ]
        renamed = []
        for key, value in items:
            if key in _RENAMED:
                if value not in names:
                    names[value] = draw(_TOKEN.filter(lambda t: t not in names.values()))
                renamed.append((key, names[value]))
        extra = [(f"data-{draw(_TOKEN)}", draw(_TOKEN)) for _ in range(draw(st.integers(0, 2)))]
        for key, value in draw(st.permutations([*kept, *renamed, *extra])):
            element.set(key, value)
    return str(lxml.html.tostring(root, encoding="unicode"))


def _fields(markup: str) -> list[tuple[object, ...]]:
    page = parse_page(markup)
    assert page is not None
    return [
        (c.post.platform, c.post.post_id, c.post.handle, c.post.date_text, c.post.text)
        for c in find_cards(page)
    ]


@pytest.mark.parametrize("markup", [m for _, m in _STRUCTURAL], ids=[n for n, _ in _STRUCTURAL])
@settings(max_examples=8, deadline=None)
@given(data=st.data())
def test_renaming_attributes_keeps_the_card(markup: str, data: st.DataObject) -> None:
    """Random class and id names, extra data attributes and attribute order change nothing."""
    renamed = _rename(markup, data.draw)
    assert _fields(renamed) == _fields(markup)


@pytest.mark.parametrize(
    ("name", "markup"),
    [(n, m) for n, m, _ in CARD_PAGES[:3]],
    ids=[n for n, _, _ in CARD_PAGES[:3]],
)
def test_extract_finds_a_page_whose_only_post_is_a_card(name: str, markup: str) -> None:
    """A page with no embed marker but a card is not skipped by the prefilter."""
    posts = tr.extract(markup)
    assert [p.form for p in posts] == ["card"], name


@pytest.mark.parametrize("markup", [m for _, m in DECOY_PAGES], ids=[n for n, _ in DECOY_PAGES])
def test_extract_finds_no_post_in_a_decoy(markup: str) -> None:
    """Through the whole pipeline, the decoys give no card."""
    assert [p for p in tr.extract(markup) if p.form == "card"] == []


# Pieces of permalink paths and their near misses, joined at random into hrefs.
_PIECES = (
    "/", "status", "Status", "STATUS", "p", "reel", "tv", "post", "posts", "video", "videos",
    "@", "feed", "update", "activity", "photo", "comments", "t", "urn:li", "perma", "link",
    "fbid", "=", "x", "1", "?", "#", ":",
)  # fmt: skip
_HREF_PARTS = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(href=_HREF_PARTS)
def test_hinted_links_are_the_links_the_hint_matches(href: str) -> None:
    """The XPath that picks links with a permalink hint picks exactly those the hint matches."""
    from tweetresolve.families.card_links import PERMALINK_HINT, hinted_anchors

    page = parse_page(f'<p><a href="{href}">x</a></p>')
    assert page is not None
    assert bool(hinted_anchors(page)) == bool(PERMALINK_HINT.search(href))


def test_every_hint_piece_is_a_hint() -> None:
    """Each substring the XPath looks for is matched by the hint on its own."""
    from tweetresolve.families.card_links import HINT_PIECES, PERMALINK_HINT

    assert all(PERMALINK_HINT.search(piece) for piece in HINT_PIECES)
