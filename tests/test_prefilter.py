"""Tests for the marker prefilter (``tweetresolve.prefilter``) and its use in ``extract``."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetresolve.platforms import PLATFORMS
from tweetresolve.prefilter import MarkerScan

prefilter_module: Any = sys.modules["tweetresolve.prefilter"]
extract_module: Any = sys.modules["tweetresolve.extract"]

HAS_AUTOMATON = prefilter_module._ahocorasick is not None
ENGINES = [
    "gates",
    pytest.param(
        "automaton",
        marks=pytest.mark.skipif(not HAS_AUTOMATON, reason="ahocorasick_rs is not installed"),
    ),
]

GROUPS = [platform.markers for platform in PLATFORMS]
ALL_MARKERS = sorted({marker for group in GROUPS for marker in group})


def naive(source: str, markers: list[str]) -> set[str]:
    """The reference: each marker searched on its own in the ASCII-lower-cased text."""
    lowered = source.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    return {marker for marker in markers if marker in lowered}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('<blockquote class="twitter-tweet">', {"twitter-tweet"}),  # plain
        ('<BLOCKQUOTE CLASS="TWITTER-TWEET">', {"twitter-tweet"}),  # upper case
        ("<amp-twitter data-tweetid=1>", {"amp-twitter", "data-tweet"}),  # overlapping markers
        ("https://twitter.com/intent/tweet?text=a", set()),  # a share link is no marker
        ("", set()),  # empty
        ("\ud800 twitter-tweet \x00", {"twitter-tweet"}),  # a lone surrogate and a NUL
    ],
)
def test_known_documents(engine: str, source: str, expected: set[str]) -> None:
    """Markers are found whatever their case; share links are not markers."""
    scan = MarkerScan(
        [["twitter-tweet", "amp-twitter", "data-tweet"], ["instagram-media"]], engine=engine
    )
    assert scan.find(source) == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_marker_across_a_window_boundary(engine: str) -> None:
    """A marker straddling the automaton's read window is found."""
    window = prefilter_module._SCAN_WINDOW
    source = "x" * (window - 5) + "twitter-tweet" + "y" * 10
    assert MarkerScan([["twitter-tweet"], ["tiktok-embed"]], engine=engine).find(source) == {
        "twitter-tweet"
    }


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("repeats", [0, 1, 31, 32, 33, 500])
def test_marker_after_many_near_misses(engine: str, repeats: int) -> None:
    """A marker after many places that share its gate is found, however many there are."""
    scan = MarkerScan([["amp-twitter", "twitter-tweet"], ["tiktok-embed"]], engine=engine)
    source = "twitter.com/intent " * repeats + "<amp-twitter>" + " twitter" * repeats
    assert scan.find(source) == {"amp-twitter"}
    assert scan.find("twitter " * repeats) == set()


@pytest.mark.parametrize("engine", ENGINES)
def test_non_ascii_marker(engine: str) -> None:
    """A marker that is not ASCII is matched on the lower-cased text."""
    scan = MarkerScan([["ＡＢＣ-embed".lower(), "plain"]], engine=engine)
    assert scan.find("… ＡＢＣ-EMBED …") == {"ａｂｃ-embed"}


def test_unknown_engine() -> None:
    """A misspelt engine is refused with the list of engines."""
    with pytest.raises(ValueError, match="engine must be 'auto', 'automaton' or 'gates'; got 'x'"):
        MarkerScan([["a"]], engine="x")


documents = st.lists(
    st.one_of(
        st.sampled_from(ALL_MARKERS),
        st.sampled_from(ALL_MARKERS).map(str.upper),
        st.sampled_from(ALL_MARKERS).map(lambda m: m[: len(m) // 2]),  # a cut-off marker
        st.text(max_size=8),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(documents)
def test_engines_agree_with_the_naive_search(source: str) -> None:
    """Both engines find exactly the markers a search for each one finds."""
    expected = naive(source, ALL_MARKERS)
    assert MarkerScan(GROUPS, engine="gates").find(source) == expected
    if HAS_AUTOMATON:
        assert MarkerScan(GROUPS, engine="automaton").find(source) == expected


def test_every_platform_marker_activates_its_platform() -> None:
    """Each declared marker alone makes extract's prefilter pick its platform."""
    for platform in PLATFORMS:
        for marker in platform.markers:
            active = extract_module._active_platforms(f"<p>{marker.upper()}</p>")
            assert platform in active, (platform.name, marker)


def test_page_without_markers_activates_nothing() -> None:
    """Share links and follow buttons alone are not embed markers."""
    page = (
        '<a href="https://twitter.com/intent/tweet?url=x">Tweet</a>'
        '<a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a>'
        '<a href="https://twitter.com/ada_example">Follow</a>'
    )
    assert extract_module._active_platforms(page) == []
