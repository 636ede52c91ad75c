"""Generated plain-text residue of every platform: each variant gives its post, each decoy none.

The variants come from :mod:`text_variants` (seeded, invented names, handles, ids and
texts); ``benchmarks/score_text_variants.py`` prints the same families as a table.
"""

from __future__ import annotations

import pytest
from text_variants import DECOY_FAMILIES, FAMILIES, Variant, field_errors, matches, variants

import tweetresolve as tr

#: Variants per family in the unit suite (the scorer runs more).
_PER_FAMILY = 16

#: The residue families: every one is read in full.
COVERED = tuple(FAMILIES)

_CASES = [v for family in COVERED for v in variants(family, _PER_FAMILY)]
_DECOYS = [v for kind in DECOY_FAMILIES for v in variants(f"decoy-{kind}", _PER_FAMILY)]


def _name(variant: Variant) -> str:
    return f"{variant.family}-{variant.converter}-{variant.lang}-{variant.seed}"


@pytest.mark.parametrize("variant", _CASES, ids=_name)
def test_variant_gives_its_post(variant: Variant) -> None:
    """The generated residue gives exactly its post, with the fields it shows."""
    posts = tr.extract(variant.text, kind="text")
    [expected] = variant.expected
    found = [post for post in posts if matches(expected, post)]
    assert len(found) == 1, (variant.text, posts)
    assert field_errors(expected, found[0]) == [], variant.text
    assert len(posts) == 1, (variant.text, posts)


@pytest.mark.parametrize("variant", _DECOYS, ids=_name)
def test_decoy_gives_no_post(variant: Variant) -> None:
    """Prose, bylines, follow lines, share buttons and comments are no post."""
    assert tr.extract(variant.text, kind="text") == [], variant.text


def test_variants_are_deterministic() -> None:
    """The same family and seed give the same texts on every run."""
    assert [v.text for v in variants("twitter-card", 5)] == [
        v.text for v in variants("twitter-card", 5)
    ]
    assert variants("twitter-card", 3, seed=1)[0].text != variants("twitter-card", 3)[0].text
