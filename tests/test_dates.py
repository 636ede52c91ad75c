"""Tests for tweetresolve.dates: attribution dates in every widget language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetresolve import _datedata, dates
from tweetresolve.dates import DateMatch, dates_disagree, find_date, match_date, parse_date

UTC = dt.timezone.utc


def _tz(hours: int, name: str) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours), name)


# Date strings in the forms embeds print (embeds.md §2.4-2.6, §3, §5, §6).
REAL_FORMS = [
    # English widget, long and medium
    ("March 30, 2022", dt.date(2022, 3, 30)),
    ("Mar 30, 2022", dt.date(2022, 3, 30)),
    ("30 Mar 2022", dt.date(2022, 3, 30)),
    ("7 Oct 2016", dt.date(2016, 10, 7)),
    # the old widget: time first, zero-padded day
    ("05:38 PM - 07 Jun 2019", dt.datetime(2019, 6, 7, 17, 38)),
    # the 2012 oEmbed form with seconds and UTC
    ("October 1, 2012 6:03:30 PM UTC", dt.datetime(2012, 10, 1, 18, 3, 30, tzinfo=_tz(0, "UTC"))),
    # the post page form, time then middle dot
    ("10:02 PM · Mar 30, 2022", dt.datetime(2022, 3, 30, 22, 2)),
    # German, Danish: dotted day
    ("25. September 2018", dt.date(2018, 9, 25)),
    ("6. März 2018", dt.date(2018, 3, 6)),
    ("23. marts 2016", dt.date(2016, 3, 23)),
    # French, Italian, Dutch, Swedish, Turkish, Indonesian: day month year
    ("4 août 2022", dt.date(2022, 8, 4)),
    ("15 décembre 2016", dt.date(2016, 12, 15)),
    ("26 novembre 2016", dt.date(2016, 11, 26)),
    ("23 september 2014", dt.date(2014, 9, 23)),
    ("18 februari 2019", dt.date(2019, 2, 18)),
    ("15 Şubat 2016", dt.date(2016, 2, 15)),
    ("22 Maret 2019", dt.date(2019, 3, 22)),
    # Spanish, Portuguese: 'de'
    ("17 de marzo de 2018", dt.date(2018, 3, 17)),
    ("12 de março de 2016", dt.date(2016, 3, 12)),
    # genitive months: Polish, Czech, Russian (with and without the year word)
    ("3 stycznia 2016", dt.date(2016, 1, 3)),
    ("20. května 2018", dt.date(2018, 5, 20)),
    ("16 мая 2018 г.", dt.date(2018, 5, 16)),
    ("16 мая 2018", dt.date(2018, 5, 16)),
    ("7 июля 2016\nг.", dt.date(2016, 7, 7)),
    # Hebrew prefix on the month
    ("17 בפברואר 2014", dt.date(2014, 2, 17)),
    # Vietnamese numeric month word
    ("1 tháng 4, 2019", dt.date(2019, 4, 1)),
    # CJK, including spaced and the older Japanese widget forms
    ("2018年6月3日", dt.date(2018, 6, 3)),
    ("2016 年 9 月 23 日", dt.date(2016, 9, 23)),
    ("3月 16, 2012", dt.date(2012, 3, 16)),
    ("2014, 9月 30", dt.date(2014, 9, 30)),
    ("2018년 12월 24일", dt.date(2018, 12, 24)),
    # Instagram: Pacific time with zone, German "um … Uhr", Spanish, French
    ("Dec 5, 2016 at 9:10am PST", dt.datetime(2016, 12, 5, 9, 10, tzinfo=_tz(-8, "PST"))),
    ("Jun 16, 2019 at 7:30am PDT", dt.datetime(2019, 6, 16, 7, 30, tzinfo=_tz(-7, "PDT"))),
    ("23. Okt 2017 um 0:31 Uhr", dt.datetime(2017, 10, 23, 0, 31)),
    ("Apr 21, 2019 um 4:47 PDT", dt.datetime(2019, 4, 21, 4, 47, tzinfo=_tz(-7, "PDT"))),
    ("1 Jun, 2019 a las 7:36 PDT", dt.datetime(2019, 6, 1, 7, 36, tzinfo=_tz(-7, "PDT"))),
    ("29 Mars 2017 à 11h25 PDT", dt.datetime(2017, 3, 29, 11, 25, tzinfo=_tz(-7, "PDT"))),
    # Facebook: weekday first (US and UK order), Spanish, Turkish weekday last
    ("Thursday, 13 March 2014", dt.date(2014, 3, 13)),
    ("Monday, September 12, 2016", dt.date(2016, 9, 12)),
    ("Jueves, 12 de noviembre de 2020", dt.date(2020, 11, 12)),
    ("9 Ocak 2017 Pazartesi", dt.date(2017, 1, 9)),
    # Bluesky: long date and local time
    ("November 25, 2024 at 12:58 AM", dt.datetime(2024, 11, 25, 0, 58)),
    ("20 novembre 2024 à 14:43", dt.datetime(2024, 11, 20, 14, 43)),
    ("14 February 2025 at 08:22", dt.datetime(2025, 2, 14, 8, 22)),
    ("Nov 25, 2024 at 12:58 AM", dt.datetime(2024, 11, 25, 0, 58)),
    # native digits
    ("٢٥ سبتمبر ٢٠١٨", dt.date(2018, 9, 25)),
    ("২৫ সেপ্টেম্বর, ২০১৮", dt.date(2018, 9, 25)),
    ("۲۵ سپتامبر ۲۰۱۸", dt.date(2018, 9, 25)),
    # full-width digits in CJK text
    ("２０１８年６月３日", dt.date(2018, 6, 3)),
    # Thai in the Buddhist era (a Thai browser's long date), with or without its era
    ("25 กันยายน 2561", dt.date(2018, 9, 25)),
    ("25 ก.ย. 2561", dt.date(2018, 9, 25)),
    ("25 กันยายน พ.ศ. 2561", dt.date(2018, 9, 25)),
    ("25 กันยายน ค.ศ. 2018", dt.date(2018, 9, 25)),
]


@pytest.mark.parametrize(("text", "expected"), REAL_FORMS)
def test_parse_date_reads_real_forms(text: str, expected: dt.date) -> None:
    """Every form seen in real embeds parses to the date it shows."""
    assert parse_date(text) == expected
    assert type(parse_date(text)) is type(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # upper case: Turkish dotted and dotless i, Greek without its accents
        ("1 MAYIS 2018", dt.date(2018, 5, 1)),
        ("1 NİSAN 2018", dt.date(2018, 4, 1)),
        ("25 ΣΕΠΤΕΜΒΡΙΟΥ 2018", dt.date(2018, 9, 25)),
        ("ΠΈΜΠΤΗ, 13 ΜΑΡΤΊΟΥ 2014", dt.date(2014, 3, 13)),
        ("MARCH 30, 2022", dt.date(2022, 3, 30)),
        ("5 WRZEŚNIA 2018", dt.date(2018, 9, 5)),
        # accents lost in plain ASCII text
        ("4 aout 2022", dt.date(2022, 8, 4)),
        ("24. brezna 2016", dt.date(2016, 3, 24)),
        ("1 thang 4, 2019", dt.date(2019, 4, 1)),
        # invisible bidi marks around right-to-left dates
        ("\u200f17 בפברואר 2014\u200f", dt.date(2014, 2, 17)),
    ],
)
def test_parse_date_ignores_case_and_accents(text: str, expected: dt.date) -> None:
    """Letter case, accents and Turkish i forms do not hide a month name."""
    assert parse_date(text) == expected


def test_find_date_folds_the_first_word() -> None:
    """A month-first date in capitals is found inside text."""
    found = find_date("posted MARCH 30, 2022 by the editors")
    assert found is not None
    assert found.value == dt.date(2022, 3, 30)


@pytest.mark.parametrize(
    ("text", "lang", "langs_include"),
    [
        # English alone writes wide month names this way
        ("March 30, 2022", "en", ("en",)),
        # punctuation and case single out German among the day-month-year languages
        ("25. September 2018", "de", ("de", "da", "en")),
        # the joining word tells French from Italian
        ("20 novembre 2024 à 14:43", "fr", ("fr", "it")),
        ("23. Okt 2017 um 0:31 Uhr", "de", ("de",)),
        # genuinely ambiguous: several languages abbreviate March as "Mar"
        ("30 Mar 2022", None, ("en", "id", "tr")),
        # Japanese and both Chinese widgets write the same thing
        ("2018年6月3日", None, ("ja", "zh-cn", "zh-tw")),
        # numeric forms say nothing about the language
        ("05.03.2019", None, ("de",)),
    ],
)
def test_language_of_a_match(text: str, lang: str | None, langs_include: tuple[str, ...]) -> None:
    """``lang`` is set only when one language fits best; ``langs`` lists all that fit."""
    found = match_date(text)
    assert found is not None
    assert found.lang == lang
    assert set(langs_include) <= set(found.langs)


def test_match_date_spans_and_trailing_text() -> None:
    """The date may run straight into the next sentence."""
    text = "— Ada Example (@ada_example) December 30, 2017In the Saturday posts"
    start = text.index("December")
    assert match_date(text, start) == DateMatch(
        value=dt.date(2017, 12, 30), start=start, end=start + 17, lang="en", langs=("en",)
    )


def test_match_date_skips_leading_spaces() -> None:
    """White space (NBSP included) before the date is skipped, not part of the span."""
    found = match_date("on\u00a0 25. September 2018 Report", 2)
    assert found is not None
    assert (found.start, found.end) == (4, 22)


@pytest.mark.parametrize(
    "text",
    [
        "1 hour ago",  # relative dates have no absolute value
        "Yesterday",
        "March 30, 22",  # two-digit years are never read
        "7 Oct 16",
        "February 30, 2022",  # impossible day
        "31 April 2020",
        "Maxwell 2020",  # a month prefix inside a word
        "25 September 2561",  # only Thai has a Buddhist-era year
        "12345",
        "",
        "   ",
        "Tweet",
    ],
)
def test_not_a_date(text: str) -> None:
    """Things that are not absolute dates give None."""
    assert match_date(text) is None
    assert parse_date(text) is None


def test_parse_date_needs_the_whole_string() -> None:
    """parse_date refuses a date with something after it."""
    assert parse_date("March 30, 2022 and more") is None
    assert parse_date("  March 30, 2022\n") == dt.date(2022, 3, 30)


def test_a_longer_reading_wins() -> None:
    """The time after the date is part of the match when it is a valid time."""
    found = match_date("November 25, 2024 at 12:58 AM, said")
    assert found is not None
    assert found.value == dt.datetime(2024, 11, 25, 0, 58)
    assert found.end == len("November 25, 2024 at 12:58 AM")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # noon and midnight with AM/PM
        ("March 30, 2022 at 12:00 PM", dt.datetime(2022, 3, 30, 12, 0)),
        ("March 30, 2022 at 12:05 AM", dt.datetime(2022, 3, 30, 0, 5)),
        # numeric offsets, alone or after a zone
        ("March 30, 2022 10:00+02:00", dt.datetime(2022, 3, 30, 10, tzinfo=_tz(2, "x"))),
        ("March 30, 2022 10:00 UTC+1", dt.datetime(2022, 3, 30, 10, tzinfo=_tz(1, "x"))),
        # an impossible time is left out, the date stays
        ("March 30, 2022 at 25:61", dt.date(2022, 3, 30)),
        ("March 30, 2022 at 13:05 PM", dt.date(2022, 3, 30)),
        # Korean puts the day period before the time
        ("2018년 2월 5일 오후 3:04", dt.datetime(2018, 2, 5, 15, 4)),
    ],
)
def test_times(text: str, expected: dt.date) -> None:
    """Times are read with their day period and zone; nonsense times are dropped."""
    found = match_date(text)
    assert found is not None
    assert found.value == expected
    if isinstance(expected, dt.datetime) and expected.tzinfo is not None:
        assert isinstance(found.value, dt.datetime)
        assert found.value.utcoffset() == expected.utcoffset()


def test_find_date_posted_by() -> None:
    """find_date finds the date after the words that introduce it."""
    text = "Posted by Ada Example on Thursday, 13 March 2014"
    found = find_date(text)
    assert found is not None
    assert found.value == dt.date(2014, 3, 13)
    assert text[found.start : found.end] == "Thursday, 13 March 2014"


def test_find_date_window() -> None:
    """pos and endpos bound the search; a date cut by endpos is not found."""
    text = "May we meet? 1 May 2020 and 2 June 2021"
    assert find_date(text).value == dt.date(2020, 5, 1)  # type: ignore[union-attr]
    assert find_date(text, 20).value == dt.date(2021, 6, 2)  # type: ignore[union-attr]
    assert find_date(text, 0, 20) is None


def test_find_date_in_cjk_text() -> None:
    """A date glued to the words before it is still found."""
    found = find_date("公開日2018年6月3日です")
    assert found is not None
    assert (found.value, found.start) == (dt.date(2018, 6, 3), 3)


def test_find_date_none() -> None:
    """Prose without a date gives None."""
    assert find_date("Share on Twitter. Follow us on X. May the best win, 1 2 3.") is None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: match_date(None), "text must be a str, not NoneType"),  # type: ignore[arg-type]
        (lambda: match_date("x", 1.5), "pos must be an int, not float"),  # type: ignore[arg-type]
        (lambda: find_date(b"x"), "text must be a str, not bytes"),  # type: ignore[arg-type]
        (lambda: find_date("x", 0, "9"), "endpos must be an int or None, not str"),  # type: ignore[arg-type]
        (lambda: parse_date(3), "text must be a str, not int"),  # type: ignore[arg-type]
    ],
)
def test_wrong_argument_types(call: object, message: str) -> None:
    """Programming errors raise TypeError with a clear message."""
    with pytest.raises(TypeError) as info:
        call()  # type: ignore[operator]
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("published", "created", "expected"),
    [
        # a UTC calendar day equal to the id's day
        (dt.date(2022, 5, 4), dt.datetime(2022, 5, 4, 0, 30, tzinfo=UTC), False),
        # a Pacific or local day one off is tolerated
        (dt.date(2022, 5, 3), dt.datetime(2022, 5, 4, 0, 30, tzinfo=UTC), False),
        (dt.date(2022, 5, 5), dt.datetime(2022, 5, 4, 23, 30, tzinfo=UTC), False),
        # two days off is not
        (dt.date(2022, 5, 2), dt.datetime(2022, 5, 4, 0, 30, tzinfo=UTC), True),
        # a year off (a wrong id, a wrong date)
        (dt.date(2021, 5, 4), dt.datetime(2022, 5, 4, tzinfo=UTC), True),
        # an aware datetime is compared as an instant
        (
            dt.datetime(2016, 12, 5, 9, 10, tzinfo=_tz(-8, "PST")),
            dt.datetime(2016, 12, 5, 17, 10, 10, tzinfo=UTC),
            False,
        ),
        (
            dt.datetime(2016, 12, 3, 9, 10, tzinfo=_tz(-8, "PST")),
            dt.datetime(2016, 12, 5, 17, 10, 10, tzinfo=UTC),
            True,
        ),
        # a naive (local) datetime by calendar day
        (dt.datetime(2024, 11, 25, 0, 58), dt.datetime(2024, 11, 24, 23, 58, tzinfo=UTC), False),
        # a naive created_at is taken as UTC
        (dt.date(2022, 5, 4), dt.datetime(2022, 5, 4, 12), False),
        # nothing to compare
        (None, dt.datetime(2022, 5, 4, tzinfo=UTC), False),
        (dt.date(2022, 5, 4), None, False),
    ],
)
def test_dates_disagree(
    published: dt.date | None, created: dt.datetime | None, expected: bool
) -> None:
    """A shown date more than a day from the id's time is flagged."""
    assert dates_disagree(published, created) is expected


def test_dates_disagree_tolerance() -> None:
    """The tolerance is a keyword argument."""
    created = dt.datetime(2022, 5, 4, tzinfo=UTC)
    assert dates_disagree(dt.date(2022, 5, 3), created, tolerance=dt.timedelta(0))


def test_snowflake_day_matches_embed_day() -> None:
    """The embed date of a tweet is the UTC day of its id (embeds.md §2.5)."""
    created = dates.tweet_time("1521648511401431040")
    assert created is not None
    assert not dates_disagree(parse_date("May 4, 2022"), created, tolerance=dt.timedelta(0))


# ---------------------------------------------------------------- generated set

#: Zero digit of the numbering systems the supported locales use natively.
_NATIVE_ZERO = {"arab": "٠", "arabext": "۰", "beng": "০", "deva": "०", "thai": "๐"}


def _native(text: str, locale_id: str) -> str | None:
    locale = pytest.importorskip("babel").Locale.parse(locale_id)
    system = locale.other_numbering_systems.get("native", locale.default_numbering_system)
    zero = _NATIVE_ZERO.get(system)
    if zero is None:
        return None
    return "".join(chr(ord(zero) + int(c)) if "0" <= c <= "9" else c for c in text)


def _generated(lang: str) -> Iterator[tuple[str, dt.date]]:
    # Babel is a test dependency: these dates are CLDR's own, formatted by Babel.
    format_date = pytest.importorskip("babel.dates").format_date
    for locale_id in _datedata.LANGUAGES[lang]:
        for month in range(1, 13):
            for day, year in ((1, 2012), (13, 2019), (28, 2025)):
                value = dt.date(year, month, day)
                for width in ("full", "long", "medium"):
                    text = format_date(value, width, locale=locale_id)
                    yield text, value
                    native = _native(text, locale_id)
                    if native is not None:
                        yield native, value


@pytest.mark.parametrize("lang", list(_datedata.LANGUAGES))
def test_generated_cldr_dates_parse_back(lang: str) -> None:
    """Babel's full, long and medium dates of every language parse to the same date."""
    failures = []
    for text, value in _generated(lang):
        found = match_date(text)
        if found is None or found.end != len(text) or found.value != value:
            failures.append(text)
        elif lang not in found.langs:
            failures.append(f"{text} (langs {found.langs})")
    assert failures == []


def test_adding_a_language_is_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """One line in LANGUAGES teaches the matcher a new language (Catalan here)."""
    pytest.importorskip("babel")  # a language not yet in the data file is read from Babel
    assert parse_date("25 de setembre del 2018") is None
    monkeypatch.setitem(_datedata.LANGUAGES, "ca", ("ca",))
    dates._grammar.cache_clear()
    try:
        found = match_date("25 de setembre del 2018")
        assert found is not None
        assert (found.value, found.lang) == (dt.date(2018, 9, 25), "ca")
    finally:
        monkeypatch.undo()
        dates._grammar.cache_clear()


# ---------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "text",
    [
        "1" * 200_000,
        "1 " * 100_000 + "2018",
        "12 March " * 20_000,
        "(@" * 100_000,
        "1.1." * 50_000,
        "12:30 " * 30_000,
        "2018年" * 30_000,
        "\u00a0" * 200_000 + "x",
    ],
)
def test_hostile_input_completes(text: str) -> None:
    """Long repetitive input is handled in linear time and gives a sane answer."""
    found = find_date(text)
    if found is not None:
        assert 0 <= found.start < found.end <= len(text)
    match_date(text)
    parse_date(text)


_DATE_ALPHABET = st.sampled_from(
    [*"0123456789 ,.-:/年月日년월일г", "March", "Mar", "de", "PM", "UTC", "at", "\u00a0", "٢"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_DATE_ALPHABET, max_size=30).map("".join), st.integers(-5, 40))
def test_never_raises_on_date_like_text(text: str, pos: int) -> None:
    """Random date-like text never raises and spans stay inside the text."""
    for found in (match_date(text, pos), find_date(text, pos)):
        if found is not None:
            assert 0 <= found.start < found.end <= len(text)
    parse_date(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60), st.integers(0, 60))
def test_never_raises_on_any_text(text: str, pos: int) -> None:
    """Arbitrary Unicode never raises."""
    match_date(text, pos)
    find_date(text, pos)
    parse_date(text)


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)),
    st.sampled_from(sorted({loc for ids in _datedata.LANGUAGES.values() for loc in ids})),
    st.sampled_from(["full", "long", "medium"]),
)
def test_round_trip_any_date(value: dt.date, locale_id: str, width: str) -> None:
    """Any date formatted by Babel in any supported locale parses back."""
    format_date = pytest.importorskip("babel.dates").format_date
    text = format_date(value, width, locale=locale_id)
    assert parse_date(text) == value


# ---------------------------------------------------------------- stored CLDR data


def test_tokenizer_agrees_with_babel() -> None:
    """The built-in pattern tokenizer reads every stored pattern as Babel does.

    Babel splits literal text at quotes ("\u202f" + "г."); adjacent literals are joined
    before comparing.
    """
    babel_tokenize = pytest.importorskip("babel.dates").tokenize_pattern

    def joined(tokens: Iterable[tuple[str, object]]) -> list[tuple[str, object]]:
        out: list[tuple[str, object]] = []
        for kind, value in tokens:
            if kind == "chars" and out and out[-1][0] == "chars":
                out[-1] = ("chars", f"{out[-1][1]}{value}")
            else:
                out.append((kind, value))
        return out

    patterns = {p for data in _datedata.load_languages().values() for p in data.patterns}
    patterns |= {"h 'o''clock' a", "''d''", "EEEE, d. MMMM y 'um' HH:mm"}
    for pattern in patterns:
        expected = joined(babel_tokenize(pattern))
        assert joined(_datedata.tokenize_pattern(pattern)) == expected, pattern


def test_data_file_is_in_sync_with_babel() -> None:
    """The shipped CLDR data equals what the installed Babel gives (same Babel version)."""
    babel = pytest.importorskip("babel")
    stored = _datedata.read_data_file()
    if stored.get("babel") != babel.__version__:
        pytest.skip(f"data generated with Babel {stored.get('babel')}, not {babel.__version__}")
    assert stored == _datedata.generate_data()


def test_matching_does_not_need_babel() -> None:
    """With the data file present, building the grammar never reads CLDR through Babel."""
    assert set(_datedata.read_data_file()["languages"]) == set(_datedata.LANGUAGES)


def test_language_without_data_is_skipped_without_babel(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A language missing from the data file, with Babel absent, is skipped with a warning."""

    def no_babel(locale_ids: object) -> dict[str, object]:
        raise ImportError("No module named 'babel'")

    monkeypatch.setitem(_datedata.LANGUAGES, "ca", ("ca",))
    monkeypatch.setattr(_datedata, "cldr_language", no_babel)
    languages = _datedata.load_languages()
    assert "ca" not in languages
    assert "en" in languages
    assert "no date data for 'ca': add it with Babel installed" in caplog.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Instagram's widget: US order, German month names and connector
        ("Mär 12, 2018 um 12:30 PDT", dt.datetime(2018, 3, 12, 12, 30)),
        ("Okt 23, 2017", dt.date(2017, 10, 23)),
        # French month names in the same order
        ("juin 3, 2020", dt.date(2020, 6, 3)),
    ],
)
def test_widget_order_with_local_month_names(text: str, value: dt.date) -> None:
    """Embed widgets wrote "MMM d, y" with the reader's month names; those dates read too."""
    found = match_date(text)
    assert found is not None
    assert found.end == len(text)
    got = found.value.replace(tzinfo=None) if isinstance(found.value, dt.datetime) else found.value
    assert got == value


def test_widget_order_keeps_the_languages_of_their_own() -> None:
    """Where a language writes "MMM d, y" itself, only such languages are reported."""
    found = match_date("December 30, 2017")
    assert found is not None
    assert (found.lang, found.langs) == ("en", ("en",))
