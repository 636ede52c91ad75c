"""Generated site-made cards (tests/card_variants.py) and decoys (tests/card_decoys.py).

Every variant is an invented page: the card family must report exactly its posts, with
the id, handle, name, date, text start and quoted post it shows; a decoy page must give
no post at all.  ``benchmarks/score_card_variants.py`` prints the same as numbers.
"""

from __future__ import annotations

import pytest
from card_decoys import DECOY_FAMILIES, decoy
from card_scoring import field_errors, pair, shown_fields
from card_variants import CARD_FAMILIES, variant

import tweetresolve as tr
from tweetresolve.families.cards import find_cards
from tweetresolve.html import parse_page

# Variants per family: enough to cover every drawn part, a few seconds in all.
_SEEDS = range(24)

# Families whose every generated variant is read in full.
_READ_FAMILIES = [
    "card-twitter", "card-instagram", "card-tiktok", "card-bluesky", "card-threads",
    "card-mastodon", "card-facebook", "card-reddit", "liveblog", "feed", "screenshot",
    "preview", "redirect", "quoted", "more-shapes",
]  # fmt: skip


def _found(markup: str) -> list[dict[str, object]]:
    page = parse_page(markup)
    assert page is not None
    return [shown_fields(candidate.post) for candidate in find_cards(page)]


@pytest.mark.parametrize("family", [*CARD_FAMILIES, *DECOY_FAMILIES])
def test_generator_is_deterministic(family: str) -> None:
    """A seed gives the same page on every run, and other seeds give other pages."""
    make = decoy if family in DECOY_FAMILIES else (lambda f, s: variant(f, s).markup)
    assert make(family, 3) == make(family, 3)
    assert len({make(family, seed) for seed in range(6)}) == 6


@pytest.mark.parametrize("family", _READ_FAMILIES)
@pytest.mark.parametrize("seed", _SEEDS)
def test_generated_card_is_read(family: str, seed: int) -> None:
    """Each generated card gives its post with the fields it shows, and no other post."""
    v = variant(family, seed)
    pairs, extra = pair(_found(v.markup), v.expected)
    assert [want for want, got in pairs if got is None] == []
    assert [
        (want, field_errors(want, got)) for want, got in pairs if got and field_errors(want, got)
    ] == []
    assert extra == []


@pytest.mark.parametrize("family", list(DECOY_FAMILIES))
@pytest.mark.parametrize("seed", _SEEDS)
def test_generated_decoy_gives_no_post(family: str, seed: int) -> None:
    """Author boxes, follow and share rows, related lists, comments, quote boxes: no post."""
    assert _found(decoy(family, seed)) == []


@pytest.mark.parametrize("family", list(DECOY_FAMILIES))
def test_generated_decoy_gives_no_card_through_extract(family: str) -> None:
    """Through the whole pipeline (the platforms' own card readers too), no card either."""
    for seed in range(4):
        assert [p for p in tr.extract(decoy(family, seed)) if p.form == "card"] == []


# Cards whose every link is redirect-wrapped carry no permalink, so the prefilter (which
# looks for permalinks) lets their page through only when it holds another marker.
_EXTRACT_FAMILIES = [f for f in _READ_FAMILIES if f != "redirect"]


@pytest.mark.parametrize("family", _EXTRACT_FAMILIES)
def test_generated_card_is_found_through_extract(family: str) -> None:
    """Through the whole pipeline (prefilter, merge), each generated card's post is found."""
    for seed in range(3):
        v = variant(family, seed)
        found = {(p.platform, p.post_id) for p in tr.extract(v.markup)}
        assert {(want["platform"], want["post_id"]) for want in v.expected} <= found
