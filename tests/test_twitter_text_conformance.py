"""The twitter-text conformance suite, loaded from ``../shared`` at test time.

One test per YAML case; the whole module is skipped when the suite is absent. Section
names map to the entity kinds of :func:`tweetresolve.extract_entities`; indices in the
suite never follow a character outside the Basic Multilingual Plane, so code-point and
UTF-16 offsets agree and no conversion is needed (checked below).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from shared_data import SHARED

from tweetresolve.entities import (
    extract_entities,
    extract_reply_handle,
    is_valid_handle,
    is_valid_hashtag,
    is_valid_list,
    is_valid_post_text,
    is_valid_url,
    measure_text,
)

SUITE = SHARED / "conformance" / "twitter-text"

yaml = pytest.importorskip("yaml")

if not SUITE.is_dir():  # pragma: no cover - depends on the checkout
    pytest.skip(f"conformance suite not found at {SUITE}", allow_module_level=True)


def _load(name: str) -> dict[str, list[dict[str, Any]]]:
    with (SUITE / name).open(encoding="utf-8") as handle:
        tests: dict[str, list[dict[str, Any]]] = yaml.safe_load(handle)["tests"]
    return tests


def _cases(name: str, sections: tuple[str, ...]) -> list[Any]:
    tests = _load(name)
    params = []
    for section in sections:
        for number, case in enumerate(tests[section]):
            params.append(pytest.param(section, case, id=f"{section}-{number}"))
    return params


def _texts(text: str, kinds: set[str]) -> list[str]:
    return [e.text for e in extract_entities(text) if e.kind in kinds]


def _with_indices(text: str, kinds: set[str]) -> list[tuple[str, int, int]]:
    return [(e.text, e.start, e.end) for e in extract_entities(text) if e.kind in kinds]


EXTRACT_SECTIONS = (
    "mentions",
    "mentions_with_indices",
    "mentions_or_lists_with_indices",
    "replies",
    "urls",
    "urls_with_indices",
    "urls_with_directional_markers",
    "tco_urls_with_params",
    "hashtags",
    "hashtags_from_astral",
    "hashtags_with_indices",
    "cashtags",
    "cashtags_with_indices",
)


@pytest.mark.parametrize(("section", "case"), _cases("extract.yml", EXTRACT_SECTIONS))
def test_extract(section: str, case: dict[str, Any]) -> None:
    """Each extract.yml case gives exactly the expected entities, in order."""
    text: str = case["text"]
    expected: Any = case["expected"]
    if section == "replies":
        assert extract_reply_handle(text) == expected
    elif section == "mentions":
        assert _texts(text, {"mention"}) == ["@" + name for name in expected]
    elif section == "mentions_with_indices":
        want = [("@" + m["screen_name"], *m["indices"]) for m in expected]
        assert _with_indices(text, {"mention"}) == want
    elif section == "mentions_or_lists_with_indices":
        want = [("@" + m["screen_name"] + m["list_slug"], *m["indices"]) for m in expected]
        assert _with_indices(text, {"mention", "list"}) == want
    elif section in ("urls", "tco_urls_with_params"):
        assert _texts(text, {"url"}) == expected
    elif section in ("urls_with_indices", "urls_with_directional_markers"):
        assert _with_indices(text, {"url"}) == [(u["url"], *u["indices"]) for u in expected]
    elif section in ("hashtags", "hashtags_from_astral"):
        assert [t[1:] for t in _texts(text, {"hashtag"})] == expected
    elif section == "hashtags_with_indices":
        want = [("#" + h["hashtag"], *h["indices"]) for h in expected]
        assert _with_indices(text, {"hashtag"}) == want
    elif section == "cashtags":
        assert [t[1:] for t in _texts(text, {"cashtag"})] == expected
    elif section == "cashtags_with_indices":
        want = [("$" + c["cashtag"], *c["indices"]) for c in expected]
        assert _with_indices(text, {"cashtag"}) == want
    else:  # pragma: no cover - guards the section list above
        pytest.fail(f"unhandled section {section}")


@pytest.mark.parametrize(("section", "case"), _cases("tlds.yml", ("country", "generic")))
def test_tld(section: str, case: dict[str, Any]) -> None:
    """Every top-level domain of tlds.yml is recognised after ``https://twitter.``."""
    assert _texts(case["text"], {"url"}) == case["expected"]


WEIGHTED_SECTIONS = (
    "WeightedTweetsCounterTest",
    "WeightedTweetsWithDiscountedEmojiCounterTest",
    "UnicodeDirectionalMarkerCounterTest",
)


@pytest.mark.parametrize(("section", "case"), _cases("validate.yml", WEIGHTED_SECTIONS))
def test_weighted_length(section: str, case: dict[str, Any]) -> None:
    """Weighted length, validity, permillage and ranges match parseTweet (config v2/v3)."""
    measured = measure_text(
        case["text"], version=2 if section == "WeightedTweetsCounterTest" else 3
    )
    expected = case["expected"]
    assert measured.weighted_length == expected["weightedLength"]
    assert measured.valid is expected["valid"]
    assert measured.permillage == expected["permillage"]
    assert measured.display_range_start == expected["displayRangeStart"]
    assert measured.display_range_end == expected["displayRangeEnd"]
    assert measured.valid_range_start == expected["validRangeStart"]
    assert measured.valid_range_end == expected["validRangeEnd"]


VALIDITY_SECTIONS = ("tweets", "usernames", "lists", "hashtags", "urls", "urls_without_protocol")


@pytest.mark.parametrize(("section", "case"), _cases("validate.yml", VALIDITY_SECTIONS))
def test_validity(section: str, case: dict[str, Any]) -> None:
    """Validity of a post text (legacy v1 limit, as the reference runs it), or of a lone
    handle, list, hashtag or URL."""
    text: str = case["text"]
    checks: dict[str, Callable[[str], bool]] = {
        "tweets": lambda t: is_valid_post_text(t, version=1),
        "usernames": is_valid_handle,
        "lists": is_valid_list,
        "hashtags": is_valid_hashtag,
        "urls": is_valid_url,
        "urls_without_protocol": lambda t: is_valid_url(t, require_protocol=False),
    }
    check = checks[section]
    assert check(text) is case["expected"]


def test_indexed_cases_stay_in_the_bmp() -> None:
    """No case that checks indices has an astral character before an entity.

    If the suite ever gains one, offsets must be converted (UTF-16 versus code points).
    """
    tests = _load("extract.yml")
    for section, cases in tests.items():
        if section.endswith("_indices") or section == "urls_with_directional_markers":
            for case in cases:
                assert all(ord(ch) <= 0xFFFF for ch in case["text"]), case["description"]
