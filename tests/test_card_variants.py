"""Generated site-made cards (tests/card_variants.py) and decoys (tests/card_decoys.py)."""

from __future__ import annotations

import pytest
from card_decoys import DECOY_FAMILIES, decoy
from card_variants import CARD_FAMILIES, variant


@pytest.mark.parametrize("family", [*CARD_FAMILIES, *DECOY_FAMILIES])
def test_generator_is_deterministic(family: str) -> None:
    """A seed gives the same page on every run, and other seeds give other pages."""
    make = decoy if family in DECOY_FAMILIES else (lambda f, s: variant(f, s).markup)
    assert make(family, 3) == make(family, 3)
    assert len({make(family, seed) for seed in range(6)}) == 6
