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


@pytest.mark.parametrize("depth", [2_044, 2_045, 2_046, 2_047, 2_048, 2_049])
def test_a_post_starting_at_the_limit_is_read_whole(depth: int) -> None:
    """An embed whose start tag comes just before the parser stops is read whole after it."""
    document = "<div>" * depth + _tweet(FIRST) + "<div>" * 3_000
    posts = tr.extract(document)
    assert [(post.post_id, post.text) for post in posts] == [(FIRST, "Ferry news")]
    assert posts[0].span is not None
    assert document[posts[0].span[0] : posts[0].span[1]] == _tweet(FIRST)


def test_text_at_the_cut_is_read_once() -> None:
    """Text the parser read just before it stopped is not read a second time."""
    page = parse_page("".join(f"<div>t{i} " for i in range(2_100)))
    assert page is not None
    words = "".join(page.root.itertext()).split()
    assert words == [f"t{i}" for i in range(2_100)]


@pytest.mark.parametrize("opening", ["<div\n>", '<div\n  class="a">'])
def test_start_tags_over_several_lines(opening: str) -> None:
    """Start tags written over several lines are found where the rest is cut."""
    document = opening * 2_046 + _tweet(FIRST) + "\n" + opening + _tweet(SECOND)
    assert [post.post_id for post in tr.extract(document)] == [FIRST, SECOND]


def test_markup_in_an_attribute_value_at_the_cut_stays_a_value() -> None:
    """A ">" inside a quoted value of the last element read does not end its start tag."""
    fake = (
        "<blockquote class='twitter-tweet'><a href='https://twitter.com/a/status/20'>y</a>"
        "</blockquote>"
    )
    document = "<div>" * 2_045 + f'<div title="x>{fake}"><b>deep</b>' + "<i>" * 3_000
    assert tr.extract(document) == []


def test_a_long_page_with_deep_markup_does_not_raise(caplog: pytest.LogCaptureFixture) -> None:
    """Past line 65,535 (lxml's bound) a page nested too deep is read as far as it can be."""
    document = "<p>\n" * 70_000 + "<div>" * 2_100 + _tweet(FIRST)
    with caplog.at_level(logging.WARNING, logger="tweetresolve"):
        posts = tr.extract(document)
    assert all(post.post_id == FIRST for post in posts)
    shallow = "<p>\n" * 65_000 + "<div>" * 2_100 + _tweet(FIRST)
    assert [post.post_id for post in tr.extract(shallow)] == [FIRST]


@pytest.mark.parametrize("raw", ["<!--{tags}-->", "<script>var s = '{tags}';</script>"])
def test_tags_written_in_comments_and_scripts_do_not_move_the_cut(raw: str) -> None:
    """Start tags written in a comment or a script on the cut's line are no elements: the
    rest is read from the right place, nothing is read twice and no post is made up."""
    fake = "<div>" * 8 + _tweet("20")
    level = "<div>" + raw.format(tags=fake)
    document = level * 1_500 + _tweet(FIRST) + level * 1_500 + _tweet(SECOND)
    page = parse_page(document)
    assert page is not None
    assert sum(1 for _ in page.root.iter("div")) == 3_000
    assert [post.post_id for post in tr.extract(document)] == [FIRST, SECOND]
