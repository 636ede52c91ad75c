"""Generated placeholder and page-data variants: each gives its post, decoys give nothing."""

from __future__ import annotations

import pytest
from pagedata_variants import FAMILIES as DATA_FAMILIES
from pagedata_variants import pagedata_variants
from placeholder_variants import FAMILIES, placeholder_variants
from variant_ids import Variant

import tweetresolve

#: Fixed seeds: the same pages on every run (the benchmark scores more seeds).
_VARIANTS = placeholder_variants(seed=9, per_family=24, decoys=80)
_DATA_VARIANTS = pagedata_variants(seed=9, per_family=20, decoys=60)


def _posts(variant: Variant) -> list[tuple[str, str, str]]:
    return [(p.platform, p.post_id or "", p.form) for p in tweetresolve.extract(variant.markup)]


@pytest.mark.parametrize("variant", _VARIANTS, ids=lambda v: v.name)
def test_generated_placeholder_page(variant: Variant) -> None:
    """The page gives exactly its post (platform, id, form), none for its decoys."""
    assert _posts(variant) == list(variant.expected)


@pytest.mark.parametrize("variant", _DATA_VARIANTS, ids=lambda v: v.name)
def test_generated_page_data_page(variant: Variant) -> None:
    """The page's own story gives its post, with form data; other stories and settings none."""
    assert _posts(variant) == list(variant.expected)


@pytest.mark.parametrize(
    ("variants", "families"),
    [(_VARIANTS, {*FAMILIES, "two-posts"}), (_DATA_VARIANTS, set(DATA_FAMILIES))],
)
def test_every_family_is_generated(variants: list[Variant], families: set[str]) -> None:
    """Each family and the decoys are represented, with distinct pages."""
    assert {v.family for v in variants} == {*families, "decoy"}
    assert len({v.markup for v in variants}) == len(variants)


def test_generation_is_deterministic() -> None:
    """The same seed gives the same pages; another seed gives other pages."""
    again = placeholder_variants(seed=9, per_family=24, decoys=80)
    assert [v.markup for v in again] == [v.markup for v in _VARIANTS]
    other = placeholder_variants(seed=10, per_family=24, decoys=80)
    assert [v.markup for v in other] != [v.markup for v in _VARIANTS]
    data_again = pagedata_variants(seed=9, per_family=20, decoys=60)
    assert [v.markup for v in data_again] == [v.markup for v in _DATA_VARIANTS]
