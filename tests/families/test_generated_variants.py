"""Generated placeholder variants: every family gives its post, decoys give nothing."""

from __future__ import annotations

import pytest
from placeholder_variants import FAMILIES, placeholder_variants
from variant_ids import Variant

import tweetresolve

#: A fixed seed: the same pages on every run (the benchmark scores more seeds).
_VARIANTS = placeholder_variants(seed=9, per_family=24, decoys=80)


def _posts(variant: Variant) -> list[tuple[str, str, str]]:
    return [(p.platform, p.post_id or "", p.form) for p in tweetresolve.extract(variant.markup)]


@pytest.mark.parametrize("variant", _VARIANTS, ids=lambda v: v.name)
def test_generated_placeholder_page(variant: Variant) -> None:
    """The page gives exactly its post (platform, id, form), none for its decoys."""
    assert _posts(variant) == list(variant.expected)


def test_every_family_is_generated() -> None:
    """Each family and the decoys are represented, with distinct pages."""
    families = {v.family for v in _VARIANTS}
    assert families == {*FAMILIES, "decoy"}
    assert len({v.markup for v in _VARIANTS}) == len(_VARIANTS)


def test_generation_is_deterministic() -> None:
    """The same seed gives the same pages; another seed gives other pages."""
    again = placeholder_variants(seed=9, per_family=24, decoys=80)
    assert [v.markup for v in again] == [v.markup for v in _VARIANTS]
    other = placeholder_variants(seed=10, per_family=24, decoys=80)
    assert [v.markup for v in other] != [v.markup for v in _VARIANTS]
