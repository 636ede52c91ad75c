"""Site-made cards: invented cards of every platform are found, decoys are not."""

from __future__ import annotations

from typing import Any

import pytest
from card_pages import CARD_PAGES, DECOY_PAGES

from tweetresolve.families.cards import find_cards
from tweetresolve.html import parse_page
from tweetresolve.records import Post


def _cards(markup: str) -> list[Post]:
    page = parse_page(markup)
    assert page is not None
    return [candidate.post for candidate in find_cards(page)]


def check_posts(posts: list[Post], expected: list[dict[str, Any]]) -> None:
    """Assert ``posts`` are the ``expected`` ones, field by field where given."""
    assert len(posts) == len(expected), [(p.post_id, p.text) for p in posts]
    for post, want in zip(posts, expected, strict=True):
        assert post.form == "card"
        got = {
            "platform": post.platform,
            "post_id": post.post_id,
            "handle": post.handle,
            "name": post.author.name if post.author else None,
            "date_text": post.date_text,
            "quoted": post.quoted.post_id if post.quoted else None,
        }
        for key, value in want.items():
            if key == "text_start":
                assert (post.text or "").replace("\n", " ").startswith(value), post.text
            else:
                assert got[key] == value, (key, got)


@pytest.mark.parametrize(("markup", "expected"), [(m, e) for _, m, e in CARD_PAGES],
                         ids=[name for name, _, _ in CARD_PAGES])  # fmt: skip
def test_card_is_found_with_its_fields(markup: str, expected: list[dict[str, Any]]) -> None:
    """Each invented card gives one post with the name, handle, date and text it shows."""
    check_posts(_cards(markup), expected)


@pytest.mark.parametrize("markup", [m for _, m in DECOY_PAGES],
                         ids=[name for name, _ in DECOY_PAGES])  # fmt: skip
def test_decoy_is_not_a_card(markup: str) -> None:
    """Buttons, profiles, bios, comments, quote boxes and prose links are not cards."""
    assert _cards(markup) == []
