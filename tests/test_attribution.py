"""Tests for ``parse_attribution``: the attribution line of a flattened embed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from moments import utc_day

from tweetresolve import Attribution, parse_attribution

D = utc_day


@pytest.mark.parametrize(
    ("line", "name", "handle", "date_text", "published"),
    [
        # The publish snippet's shape after tag stripping.
        (
            "— Ada Example (@ada_example) March 30, 2022",
            "Ada Example",
            "ada_example",
            "March 30, 2022",
            D(2022, 3, 30),
        ),
        # The separator left as an HTML entity.
        (
            "&mdash; Ada Example (@ada_example) March 30, 2022",
            "Ada Example",
            "ada_example",
            "March 30, 2022",
            D(2022, 3, 30),
        ),
        # Numeric references for the dash.
        ("&#8212; Ada (@ada) March 30, 2022", "Ada", "ada", "March 30, 2022", D(2022, 3, 30)),
        ("&#x2014; Ada (@ada) March 30, 2022", "Ada", "ada", "March 30, 2022", D(2022, 3, 30)),
        # An en dash.
        ("– Ada (@ada) March 30, 2022", "Ada", "ada", "March 30, 2022", D(2022, 3, 30)),
        # A doubled hyphen typed by hand.
        ("-- Ada (@ada) March 30, 2022", "Ada", "ada", "March 30, 2022", D(2022, 3, 30)),
        # A lone hyphen between spaces.
        (
            "Good morning - Ada (@ada) March 30, 2022",
            "Ada",
            "ada",
            "March 30, 2022",
            D(2022, 3, 30),
        ),
        # No dash at all: the line starts with the name.
        (
            "Ada Example (@ada_example) 17 juli 2016",
            "Ada Example",
            "ada_example",
            "17 juli 2016",
            D(2016, 7, 17),
        ),
        # Dashes inside the post text on the same line: the last one starts the byline.
        (
            "we — the crew — are back — Ada (@ada) March 30, 2022",
            "Ada",
            "ada",
            "March 30, 2022",
            D(2022, 3, 30),
        ),
        # A hyphen inside the name is not a dash.
        (
            "— Anna-Maria Example (@am_example) May 4, 2023",
            "Anna-Maria Example",
            "am_example",
            "May 4, 2023",
            D(2023, 5, 4),
        ),
        # Parentheses, emoji and commas in the name.
        (
            "— Ada (Official) 🐬, Team (@ada) May 4, 2023",
            "Ada (Official) 🐬, Team",
            "ada",
            "May 4, 2023",
            D(2023, 5, 4),
        ),
        # A right-to-left name.
        ("— אדה דוגמה (@ada_he) May 4, 2023", "אדה דוגמה", "ada_he", "May 4, 2023", D(2023, 5, 4)),
        # Numeric character references in the name.
        (
            "&#8212; &#x30A2;&#x30C0; (@ada_jp) 2018年6月3日",
            "アダ",
            "ada_jp",
            "2018年6月3日",
            D(2018, 6, 3),
        ),
        # An empty name.
        ("— (@ada) May 4, 2023", None, "ada", "May 4, 2023", D(2023, 5, 4)),
        # No space before the parenthesis.
        ("— Ada(@ada) May 4, 2023", "Ada", "ada", "May 4, 2023", D(2023, 5, 4)),
        # Spaces inside the parentheses.
        ("— Ada ( @ada ) May 4, 2023", "Ada", "ada", "May 4, 2023", D(2023, 5, 4)),
        # Markdown escapes the at-sign and the underscore.
        (
            "— Ada (\\@ada\\_example) May 4, 2023",
            "Ada",
            "ada_example",
            "May 4, 2023",
            D(2023, 5, 4),
        ),
        # A full-width at-sign.
        ("— Ada (＠ada) May 4, 2023", "Ada", "ada", "May 4, 2023", D(2023, 5, 4)),
        # Extra spaces before the handle collapse out of the name.
        ("— Ada  Example   (@ada) May 4, 2023", "Ada Example", "ada", "May 4, 2023", D(2023, 5, 4)),
        # The date runs straight into the next sentence.
        (
            "— Ada (@ada) December 30, 2017In the Saturday posts",
            "Ada",
            "ada",
            "December 30, 2017",
            D(2017, 12, 30),
        ),
        # A site wrapper follows the date.
        (
            "— Ada (@ada) January 11, 2020 Report End of post by @ada",
            "Ada",
            "ada",
            "January 11, 2020",
            D(2020, 1, 11),
        ),
        # The date on the next line, as BeautifulSoup's get_text("\n") leaves it.
        ("— Ada (@ada) \nMay 4, 2023", "Ada", "ada", "May 4, 2023", D(2023, 5, 4)),
        # The date on the next line after blank and indented lines.
        (
            "— Ada (@ada)\n\n              August 22, 2013",
            "Ada",
            "ada",
            "August 22, 2013",
            D(2013, 8, 22),
        ),
        # The date on the next quoted line.
        ("> — Ada (@ada)\n> May 4, 2023", "Ada", "ada", "May 4, 2023", D(2023, 5, 4)),
        # Windows line ends.
        ("— Ada (@ada)\r\nMay 4, 2023\r\n", "Ada", "ada", "May 4, 2023", D(2023, 5, 4)),
        # Markdown: quote prefix, date link, escaped day-first date.
        (
            "> — Ada (@ada) [29\\. April 2018](https://twitter.com/ada/status/20)",
            "Ada",
            "ada",
            "29. April 2018",
            D(2018, 4, 29),
        ),
        # Escaped date outside a link.
        ("> — Ada (@ada) 25\\. September 2018", "Ada", "ada", "25. September 2018", D(2018, 9, 25)),
        # Localised dates.
        ("— Ada (@ada) 16 мая 2018 г.", "Ada", "ada", "16 мая 2018 г.", D(2018, 5, 16)),
        ("— Ada (@ada) 30 de abril de 2019", "Ada", "ada", "30 de abril de 2019", D(2019, 4, 30)),
        ("— Adaさん (@ada) 3月 16, 2012", "Adaさん", "ada", "3月 16, 2012", D(2012, 3, 16)),
        # The date left inside embed markup.
        (
            '— Ada (@ada) <a href="https://twitter.com/ada/status/20?ref_src=twsrc%5Etfw">May 4, '
            "2023</a>",
            "Ada",
            "ada",
            "May 4, 2023",
            D(2023, 5, 4),
        ),
        # No date, handle ends the line (the converter dropped the date).
        ("— Ada (@ada)", "Ada", "ada", None, None),
    ],
)
def test_parse_attribution(
    line: str, name: str | None, handle: str, date_text: str | None, published: dt.datetime | None
) -> None:
    """Each residue shape gives the name, the handle, and the date as written and parsed."""
    found = parse_attribution(line)
    assert found is not None
    assert (found.name, found.handle, found.date_text, found.published) == (
        name,
        handle,
        date_text,
        published,
    )
    assert found.published_precision == ("day" if published else None)
    assert found.platform == "twitter"


def test_span_within_the_line() -> None:
    """The span runs from the dash to the end of the date, within the given line."""
    line = "Text before — Ada (@ada) March 30, 2022 and after"
    found = parse_attribution(line)
    assert found is not None
    assert found.span is not None
    assert line[found.span[0] : found.span[1]] == "— Ada (@ada) March 30, 2022"


def test_utc_time_of_the_2012_snippet() -> None:
    """The 2012 oEmbed date carries a UTC time: an aware datetime."""
    found = parse_attribution("— Ada (@ada) October 1, 2012 6:03:30 PM UTC")
    assert found is not None
    assert found.published == dt.datetime(2012, 10, 1, 18, 3, 30, tzinfo=dt.timezone.utc)
    assert found.published_precision == "second"


@pytest.mark.parametrize(
    ("line", "handle", "published"),
    [
        # Bluesky's residue: a domain handle and the creator's local time (its day is kept).
        (
            "— Bo Example (@bo.example.com) November 25, 2024 at 12:58 AM",
            "bo.example.com",
            utc_day(2024, 11, 25),
        ),
        # Spaces inside the parentheses, as the Bluesky snippet writes them.
        (
            "— Bo Example ( @bo.example.com ) 14 February 2025 at 08:22",
            "bo.example.com",
            utc_day(2025, 2, 14),
        ),
    ],
)
def test_bluesky_attribution(line: str, handle: str, published: dt.datetime) -> None:
    """A Bluesky line is parsed as Bluesky, never as Twitter."""
    found = parse_attribution(line)
    assert found is not None
    assert (found.platform, found.handle, found.published) == ("bluesky", handle, published)


@pytest.mark.parametrize(
    "line",
    [
        # No attribution at all.
        "no attribution here",
        "",
        # Prose goes on after the handle: a mention, not a byline.
        "thanks — Ada (@ada) for the pointer",
        # Neither dash nor date.
        "Ada (@ada)",
        # A local clock time is Bluesky's form, but the handle has no dot.
        "— Ada (@ada) November 25, 2024 at 12:58 AM",
        # A handle longer than 20 characters.
        "— Ada (@abcdefghijklmnopqrstuvwxyz) May 4, 2023",
        # Text (no date) after the handle on a dash line.
        "— Ada (@ada) says hello",
        # A long sentence before a handle without a dash is not a name.
        "This rather long sentence of prose mentions somebody at the very end (@ada) May 4, 2023",
        # An at-sign without the parenthesis.
        "— Ada @ada May 4, 2023",
        # The handle's parenthesis never closes.
        "— Ada (@ada May 4, 2023",
    ],
)
def test_not_an_attribution(line: str) -> None:
    """Lines that are not attributions give None."""
    assert parse_attribution(line) is None


def test_returns_an_attribution_record() -> None:
    """The result is the public record type."""
    assert isinstance(parse_attribution("— Ada (@ada) May 4, 2023"), Attribution)


@pytest.mark.parametrize("value", [None, b"- Ada (@ada) May 4, 2023", 3])
def test_wrong_type(value: object) -> None:
    """A non-str argument is a programming error."""
    with pytest.raises(TypeError, match=r"^parse_attribution\(\) expects a str, got "):
        parse_attribution(value)  # type: ignore[arg-type]


_PIECES = st.sampled_from(
    [
        "—",
        "–",
        "-",
        "--",
        "&mdash;",
        "(",
        ")",
        "@",
        "＠",
        "\\",
        "[",
        "](",
        "<a href='",
        "</a>",
        " ",
        "\n",
        "> ",
        "Ada",
        "ada_example",
        ".",
        "May 4, 2023",
        "29\\. April 2018",
        "at 12:58 AM",
        "https://twitter.com/a/status/1",
        "&#",
        ";",
        "年",
        "2018",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(max_size=200), st.lists(_PIECES | st.text(max_size=5), max_size=40).map("".join)
    )
)
def test_never_raises(line: str) -> None:
    """Any string gives an Attribution or None, and a span inside the string."""
    found = parse_attribution(line)
    if found is not None and found.span is not None:
        assert 0 <= found.span[0] <= found.span[1] <= len(line)
