"""Markup nested deeper than the HTML parser goes: the rest of the page is still read."""

from __future__ import annotations

import logging

import pytest

import tweetresolve as tr
from tweetresolve import deep_markup
from tweetresolve.html import parse_page


def _tweet(post_id: str) -> str:
    return (
        '<blockquote class="twitter-tweet"><p lang="en">Ferry news</p>&mdash; Ada Example '
        f'(@ada_example) <a href="https://twitter.com/ada_example/status/{post_id}">'
        "March 30, 2022</a></blockquote>"
    )


FIRST, SECOND = "1508951925456744449", "1508951925456744450"


@pytest.mark.parametrize(
    ("opening", "depth", "newline"),
    [
        ("<div>", 3_000, ""),  # one part after the first
        ("<div>", 3_000, "\n"),  # lines before the rest: spans shift with them
        ("<span class='x'>", 9_000, ""),  # several parts
        ("<p><a href='/x'>a</a><a>", 5_000, "\n"),  # the nesting the fuzzer found
    ],
)
def test_posts_after_deep_markup_are_found(opening: str, depth: int, newline: str) -> None:
    """Posts after (and between) runs of markup nested past the parser's limit keep their spans."""
    document = (
        (opening + newline) * depth
        + _tweet(FIRST)
        + newline
        + (opening + newline) * depth
        + "tail text "
        + _tweet(SECOND)
    )
    posts = tr.extract(document)
    assert [post.post_id for post in posts] == [FIRST, SECOND]
    for post in posts:
        assert post.span is not None
        assert document[post.span[0] : post.span[1]] == _tweet(str(post.post_id))


def test_a_shallow_page_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page within the parser's depth is not read again."""
    calls = 0

    def counted(*args: object) -> None:
        nonlocal calls
        calls += 1

    monkeypatch.setattr("tweetresolve.html.with_the_rest", counted)
    page = parse_page("<div>" * 1_000 + _tweet(FIRST))
    assert page is not None
    assert calls == 0


def test_text_after_the_stop_is_kept() -> None:
    """Text right after the cut follows the markup before it."""
    page = parse_page("<b>" * 2_100 + "still here")
    assert page is not None
    assert "still here" in "".join(page.root.itertext())


def test_past_the_last_part_a_warning_names_the_loss(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """When the parts run out, what was read is kept and a warning says the rest was not."""
    monkeypatch.setattr(deep_markup, "MAX_CONTINUATIONS", 1)
    document = "<i>" * 2_100 + _tweet(FIRST) + "<i>" * 2_100 + _tweet(SECOND)
    with caplog.at_level(logging.WARNING, logger="tweetresolve.deep_markup"):
        posts = tr.extract(document)
    assert [post.post_id for post in posts] == [FIRST]
    assert "the rest not read" in caplog.text
