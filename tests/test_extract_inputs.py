"""Tests for what ``extract()`` accepts: paths, str documents, and ``base_url`` on links."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import tweetresolve as tr

SNIPPET = (
    '<blockquote class="twitter-tweet"><p>Hi <a href="/ferries/timetable">the timetable</a> '
    '<a href="https://t.co/AbCdEf1234">pic.twitter.com/AbCdEf1234</a></p>&mdash; Ada (@ada) '
    '<a href="https://twitter.com/ada/status/1508951925456744449">March 30, 2022</a></blockquote>'
)


@pytest.mark.parametrize("as_type", [Path, str], ids=["Path", "os.fspath"])
def test_a_path_is_read(tmp_path: Path, as_type: type) -> None:
    """An ``os.PathLike`` names a file to read; its bytes are decoded as bytes are."""
    page = tmp_path / "page.html"
    page.write_bytes(SNIPPET.encode("utf-8"))
    if as_type is str:
        # A str is never a path: the same name as a str is a (post-less) document.
        assert tr.extract(str(page)) == []
        return
    [post] = tr.extract(page)
    assert post.post_id == "1508951925456744449"


def test_a_missing_path_raises(tmp_path: Path) -> None:
    """A path that cannot be read is the caller's error, not content: OSError."""
    with pytest.raises(FileNotFoundError):
        tr.extract(tmp_path / "missing.html")


def test_a_file_name_given_as_str_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    """``extract("page.html")`` says, in the log, that a str is the document itself."""
    with caplog.at_level(logging.WARNING, logger="tweetresolve.extract"):
        assert tr.extract("page.html") == []
    assert "pass pathlib.Path('page.html')" in caplog.text


def test_ordinary_text_is_not_taken_for_a_file_name(caplog: pytest.LogCaptureFixture) -> None:
    """Text with spaces or markup is never mistaken for a file name."""
    with caplog.at_level(logging.WARNING, logger="tweetresolve.extract"):
        tr.extract("see the notes in page.html")
        tr.extract(SNIPPET)
    assert caplog.text == ""


def test_base_url_resolves_relative_links() -> None:
    """``base_url`` makes every ``Link.url`` absolute; absolute ones are kept."""
    [post] = tr.extract(SNIPPET, base_url="https://news.example.org/2022/03/story.html")
    assert [link.url for link in post.links] == [
        "https://news.example.org/ferries/timetable",
        "https://t.co/AbCdEf1234",
    ]


def test_base_href_resolves_relative_links() -> None:
    """A page's ``<base href>`` resolves relative links as in a browser."""
    page = '<html><head><base href="https://base.example.org/dir/"></head><body>' + SNIPPET
    [post] = tr.extract(page)
    assert post.links[0].url == "https://base.example.org/ferries/timetable"


def test_relative_links_stay_as_found_without_a_base() -> None:
    """With no base, a relative href is kept as found."""
    [post] = tr.extract(SNIPPET)
    assert post.links[0].url == "/ferries/timetable"


def test_base_url_resolves_markdown_links_in_text() -> None:
    """The text path resolves relative Markdown links against ``base_url`` too."""
    text = "Read [the timetable](/ferries/timetable)\n— Ada (@ada) March 30, 2022\n"
    [post] = tr.extract(text, base_url="https://news.example.org/a.html")
    assert [link.url for link in post.links] == ["https://news.example.org/ferries/timetable"]
