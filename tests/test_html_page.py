"""Tests for ``tweetresolve.html.ParsedPage``: document order and source spans."""

from __future__ import annotations

import random

import pytest

from tweetresolve.html import ParsedPage, element_text, parse_page

# Several same-named tags on one line and across lines, nesting, void elements,
# upper-case tags and a comment: the cases where mapping an element back to its
# offset by counting tags can go wrong.
PAGE = (
    "<html><body>\n"
    '<div id="a"><blockquote id="b">x</blockquote><blockquote id="c"><p>y</p></blockquote></div>\n'
    "<!-- <blockquote> in a comment -->\n"
    '<DIV id="d"><br><img src="i.png"><blockquote id="e"><blockquote id="f">z</blockquote>'
    "</blockquote></DIV>\n"
    "</body></html>\n"
)


@pytest.fixture
def page() -> ParsedPage:
    """The page above, parsed."""
    parsed = parse_page(PAGE)
    assert parsed is not None
    return parsed


def test_path_sorts_like_order(page: ParsedPage) -> None:
    """Sorting by path from the root gives document order, as numbering the tree does."""
    elements = list(page.root.iter())
    shuffled = elements[:]
    random.Random(1).shuffle(shuffled)
    assert sorted(shuffled, key=page.path) == elements
    assert sorted(shuffled, key=page.order) == elements


def test_path_of_a_foreign_element(page: ParsedPage) -> None:
    """An element from another tree sorts first, as order() does."""
    other = parse_page("<p>x</p>")
    assert other is not None
    foreign = next(other.root.iter("p"))
    assert page.path(foreign) == (-1,)
    assert page.order(foreign) == -1


@pytest.mark.parametrize(
    ("element_id", "markup"),
    [
        ("a", '<div id="a"><blockquote id="b">'),  # an outer element, by its start
        ("b", '<blockquote id="b">x</blockquote>'),  # the first of two on a line
        ("c", '<blockquote id="c"><p>y</p></blockquote>'),  # the second on the same line
        ("d", '<DIV id="d">'),  # upper case in the source
        ("e", '<blockquote id="e"><blockquote id="f">z</blockquote></blockquote>'),  # nested
        ("f", '<blockquote id="f">z</blockquote>'),  # the inner one
    ],
)
def test_span_points_at_the_source(page: ParsedPage, element_id: str, markup: str) -> None:
    """``source[start:end]`` is the element's markup, start tag first."""
    [element] = page.root.xpath(f'//*[@id="{element_id}"]')
    span = page.span(element)
    assert span is not None
    start, end = span
    assert page.source[start:end].startswith(markup)


def test_span_of_many_embeds_on_one_line() -> None:
    """Thousands of same-named elements on one line each get their own span."""
    count = 3000
    parsed = parse_page(
        "<div>" + "".join(f'<blockquote id="q{i}">{i}</blockquote>' for i in range(count))
    )
    assert parsed is not None
    spans = [parsed.span(el) for el in parsed.root.iter("blockquote")]
    assert len(set(spans)) == count
    last = spans[-1]
    assert last is not None
    assert (
        parsed.source[last[0] : last[1]]
        == f'<blockquote id="q{count - 1}">{count - 1}</blockquote>'
    )


def test_span_of_a_start_tag_written_over_several_lines() -> None:
    """libxml2 dates an element by the line its start tag ends on; the span still finds it."""
    source = (
        '<html><body><p>intro</p><blockquote\n  class="quote"\n  id="multi">'
        '<p>text</p></blockquote>\n<blockquote id="next">z</blockquote></body></html>'
    )
    page = parse_page(source)
    assert page is not None
    for element_id, markup_start in (
        ("multi", "<blockquote\n  class"),
        ("next", '<blockquote id="n'),
    ):
        (element,) = page.root.xpath(f'//*[@id="{element_id}"]')
        span = page.span(element)
        assert span is not None
        assert source[span[0] :].startswith(markup_start)
        assert source[span[0] : span[1]].endswith("</blockquote>")


@pytest.mark.parametrize(
    ("base_url", "base_href", "expected"),
    [
        # No <base>: the caller's base URL.
        ("https://news.example/a/", None, "https://news.example/x"),
        # An absolute <base href> wins over nothing.
        (None, "https://cdn.example/root/", "https://cdn.example/x"),
        # A relative <base href> resolves against the document's own URL.
        ("https://news.example/a/b.html", "/sub/", "https://news.example/x"),
        # A relative <base href> with no document URL is unusable and ignored.
        (None, "sub/", "/x"),
    ],
)
def test_base_href_resolves_relative_links(
    base_url: str | None, base_href: str | None, expected: str
) -> None:
    """``<base href>`` sets the URL relative links resolve against, as in a browser."""
    head = f'<head><base href="{base_href}"></head>' if base_href else ""
    page = parse_page(f"<html>{head}<body><p>x</p></body></html>", base_url=base_url)
    assert page is not None
    assert page.absolute("/x") == expected


def test_text_of_markup_nested_deeper_than_the_python_stack() -> None:
    """Text nested thousands deep (as far as the parser keeps it) is read whole, no recursion."""
    source = "<section>" + "".join(f"<span>w{n} " for n in range(3000)) + "</section>"
    page = parse_page(source)
    assert page is not None
    words = element_text(page.root).split()
    assert words[:2] == ["w0", "w1"]
    assert "w1500" in words  # a recursive walk stopped near Python's limit of 1,000
