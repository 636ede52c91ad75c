"""Dates as embeds print them, in every language the embed widgets are offered in.

An embed's attribution line ends with a date written in the language the embedding
site chose, not necessarily the language of the post or of the page:

>>> match_date("25. September 2018 Report").value
datetime.date(2018, 9, 25)
>>> parse_date("16 мая 2018 г.")
datetime.date(2018, 5, 16)
>>> parse_date("2018年6月3日")
datetime.date(2018, 6, 3)
>>> parse_date("Dec 5, 2016 at 9:10am PST").isoformat()
'2016-12-05T09:10:00-08:00'

How it works: the month and weekday names and the *full*, *long* and *medium* date
patterns of each language come from CLDR (stored from Babel, see
:mod:`tweetresolve._datedata`).  Each CLDR pattern is turned into a regular-expression
*shape*; languages whose patterns give the same shape share one compiled expression
whose month alternation is the union of their names.  A match is then checked against
each language's own tables, which tells which languages could have written it
(``DateMatch.langs``) and which fits best (``DateMatch.lang``).  Adding a language or a
form seen in the wild is a line of data in :mod:`tweetresolve._datedata`, never new
code.  The grammar is built at the first call (tens of milliseconds), not at import.

Times are read after the date (``at 12:58 AM``, ``um 0:31 Uhr``, ``à 14:43``) or before
it (``05:38 PM - 07 Jun 2019``); a value is a :class:`datetime.datetime` when a time is
shown, aware when a zone (``UTC``, ``PDT``, ``+01:00``) is shown.  Numbers may use any
Unicode decimal digits (``٢٥``, ``২৫``).  Two-digit years are never produced.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

import attrs

from tweetresolve import _datedata
from tweetresolve._datedata import fold
from tweetresolve.idtime import tweet_time

__all__ = [
    "DateMatch",
    "dates_disagree",
    "find_date",
    "match_date",
    "parse_date",
    "tweet_time",
]

#: Characters that may stand between the parts of a date: any Unicode space (NBSP,
#: narrow NBSP, line breaks) plus the invisible bidi and zero-width marks CLDR puts in
#: right-to-left patterns (``dd/MM/y`` with a right-to-left mark before each slash).
_WS = r"[\s\u200b\u200e\u200f\u061c]"

#: Separator between two parts of a date that has a month *name*: commas, dots and
#: spaces, in any mix (``March 30, 2022``, ``25. September``, ``1 Jun, 2019``).
_NAME_SEP = r"[\s\u200b\u200e\u200f\u061c,.،]{0,4}"

#: Separator between parts that CLDR writes without one (``2018年6月3日``, ``בפברואר``);
#: scraped text sometimes spaces them (``2016 年 9 月 23 日``).
_GLUE = _WS + "{0,2}"

#: Years are four digits; a fifth digit means this is not a year.
_YEAR = r"(?P<y>\d{4})(?!\d)"
_DAY = r"(?P<d>\d{1,2})(?!\d)"
_NUM_MONTH = r"(?P<m>\d{1,2})(?!\d)"

#: Where a scan may start: the first digit of a number, or a word (a run of letters
#: not preceded by a letter or digit) that may begin a month or weekday name.
_CANDIDATE = re.compile(r"(?<!\d)\d|(?<!\w)[^\W\d_]+")

#: The leading letters of a name, the key of ``_Grammar.start_words``: ``Okt.`` -> ``Okt``.
_LETTER_RUN = re.compile(r"[^\W\d_]+")

#: Leading white space allowed before a date in :func:`match_date`.
_LEADING_SPACE = re.compile(r"[\s\u200b\u200e\u200f\u061c]*")

#: Invisible marks that do not count as punctuation in a separator.
_INVISIBLE = "\u200b\u200e\u200f\u061c"

#: Time-zone suffix: an abbreviation from ``_datedata.ZONE_OFFSETS`` or a numeric offset
#: (``UTC+1``, ``GMT+01:00``, ``+0530``).
_OFFSET = r"(?P<tzsign>[+\-−])(?P<tzh>\d{1,2})(?::?(?P<tzm>\d{2}))?(?!\d)"

#: A run of four digits: the year every date has.  ``(?!\d)`` also skips longer runs.
_YEAR_RUN = re.compile(r"(?<!\d)\d{4}(?!\d)")

#: The most characters a date (weekday, month name, joiners, a leading time) can take
#: before its year; the longest generated full date puts its year 45 characters in.
_MAX_SPAN = 120

_MIN_YEAR = 1900
_MAX_YEAR = 2199


@attrs.frozen
class DateMatch:
    """A date found in a string.

    >>> m = match_date("— March 30, 2022", 1)
    >>> (m.value, m.start, m.end, m.lang)
    (datetime.date(2022, 3, 30), 2, 16, 'en')
    """

    #: A :class:`datetime.date`, or a :class:`datetime.datetime` when a time is shown
    #: (aware when a zone such as ``UTC`` or ``PDT`` is shown, naive otherwise).
    value: dt.date | dt.datetime
    #: Offset of the first character of the date in the searched string.
    start: int
    #: Offset just past the last character of the date.
    end: int
    #: The language that fits best (its punctuation, its letter case, its joining word),
    #: or None when several fit equally (``30 Mar 2022`` is English, Indonesian or
    #: Turkish) or the form is numeric (``05.03.2019``).
    lang: str | None
    #: Every language whose grammar matched, best fitting first (then in the order of
    #: ``_datedata.LANGUAGES``).
    langs: tuple[str, ...] = ()


@attrs.frozen
class _Shape:
    """One compiled date pattern shared by the languages that write dates alike."""

    regex: re.Pattern[str]
    #: The languages whose CLDR patterns give this shape, in ``LANGUAGES`` order.
    langs: tuple[str, ...]
    #: Per language, the punctuation of its own patterns of this shape (``("."," ")``
    #: for German ``d. MMMM y``), used to rank languages, not to reject a match.
    signatures: dict[str, frozenset[tuple[str, ...]]]
    #: Number of separator groups ``s0``, ``s1``, … in the regex.
    seps: int
    #: True when the shape has neither a month name nor a literal word ("d.M.y").
    numeric: bool
    #: Languages that write this shape only in embed widgets (:data:`_WIDGET_PATTERNS`),
    #: not by CLDR: they count only when no language of its own reads the match.
    widget_only: frozenset[str] = frozenset()
    #: ``langs`` with the widget-only languages last (sorted once, not per match).
    widget_last: tuple[str, ...] = attrs.field(
        default=attrs.Factory(
            lambda self: tuple(sorted(self.langs, key=lambda code: code in self.widget_only)),
            takes_self=True,
        )
    )


@attrs.frozen
class _Template:
    """A CLDR pattern turned into regex text, before month names are filled in."""

    text: str
    signature: tuple[str, ...]
    seps: int
    starts_with_digit: bool
    numeric: bool


@attrs.frozen
class _Grammar:
    """Everything the matcher needs, built once from CLDR data."""

    languages: dict[str, _datedata.LanguageData]
    digit_shapes: tuple[_Shape, ...]
    name_shapes: tuple[_Shape, ...]
    start_words: frozenset[str]
    time_before: re.Pattern[str]
    time_after: re.Pattern[str]
    day_periods: dict[str, str]


@attrs.frozen
class _Plain:
    """A date without its time: the value, where it ends and who could write it."""

    day: dt.date
    end: int
    #: Qualifying languages with a rank (higher = the text fits that language better).
    ranks: tuple[tuple[str, int], ...]
    numeric: bool


def _alternation(names: Iterable[str]) -> str:
    """Return a regex alternation of *names*, longest first so ``March`` beats ``Mar``."""
    unique = sorted(set(names), key=lambda n: (-len(n), n))
    return "|".join(re.escape(n) for n in unique)


@functools.lru_cache(maxsize=1024)  # separators are a few short strings, met again and again
def _punctuation(text: str) -> str:
    """The visible punctuation of a separator: ``". "`` -> ``"."``."""
    return "".join(c for c in text if not c.isspace() and c not in _INVISIBLE)


def _shape_template(pattern: str) -> _Template | None:
    """Turn a CLDR date pattern into regex text with ``{MONTHS}`` placeholders.

    Returns None when the pattern has a field this matcher does not read (two-digit
    years, narrow months, times).

    >>> t = _shape_template("d. MMMM y")
    >>> t.signature, t.starts_with_digit, t.numeric
    (('.', ''), True, False)
    """
    elements = _datedata.pattern_elements(pattern)
    if elements is None:
        return None
    # Without a month name the separators are kept strict ("d.M.y" needs its dots);
    # a shape without any word at all ("5.3.2019") says nothing about its language.
    strict = not any(kind in ("month", "weekday") for kind, _ in elements)
    numeric = strict and not any(kind == "word" for kind, _ in elements)
    fields = [i for i, (kind, _) in enumerate(elements) if kind not in ("sep", "word")]
    if not fields:
        return None
    first, last = fields[0], fields[-1]
    parts: list[str] = []
    signature: list[str] = []
    previous: str | None = None
    inner = elements[first : last + 1]
    for index, (kind, text) in enumerate(inner):
        if kind == "sep":
            punct = _punctuation(text)
            if strict:
                body = f"{_WS}{{0,2}}{re.escape(punct)}{_WS}{{0,2}}" if punct else f"{_WS}{{1,2}}"
            else:
                body = _NAME_SEP
            parts.append(f"(?P<s{len(signature)}>{body})")
            signature.append(punct)
        else:
            if previous is not None and previous != "sep":
                parts.append(_GLUE)
            field = _FIELD_REGEX[kind] if kind != "word" else re.escape(text)
            glued = index + 1 < len(inner) and inner[index + 1][0] == "word"
            if glued:
                # A name glued to a literal word (Thai "วันพฤหัสบดีที่") may be
                # followed by letters.
                field = field.replace(_NOT_LETTER, "")
            parts.append(field)
        previous = kind
    # What CLDR writes after the last field is optional: "г." after a Russian year,
    # the dot after a Hungarian day.  Spaces before a trailing word are allowed,
    # trailing punctuation is taken only when it touches the field.
    tail_parts: list[str] = []
    for kind, text in elements[last + 1 :]:
        if kind == "word":
            # A trailing word of a cased script is a whole word: the "г" of "г." is not
            # the start of "года" ("4 мая 2023 года" ends at the year).  Uncased scripts
            # glue words on ("25일에", "3日に"), so theirs may be followed by letters.
            whole = _NOT_LETTER if text[-1:].lower() != text[-1:].upper() else ""
            tail_parts.append(f"{_WS}{{0,3}}{re.escape(text)}{whole}")
        elif _punctuation(text):
            tail_parts.append(f"(?:{re.escape(_punctuation(text))})?")
    if tail_parts:
        parts.append("(?:" + "".join(tail_parts) + ")?")
    return _Template(
        text="".join(parts),
        signature=tuple(signature),
        seps=len(signature),
        starts_with_digit=elements[first][0] in ("day", "num_month", "year"),
        numeric=numeric,
    )


#: The end of a name: no letter may follow.
_NOT_LETTER = r"(?![^\W\d_])"

#: Regex of each field kind; month and weekday names are filled in per shape.  A name
#: must not run on into more letters (``Mar`` is not the start of ``Marseille``).
_FIELD_REGEX = {
    "day": _DAY,
    "num_month": _NUM_MONTH,
    "year": _YEAR,
    "month": r"(?P<mon>{MONTHS})" + _NOT_LETTER,
    "weekday": r"(?P<wd>{WEEKDAYS})" + _NOT_LETTER,
    "era": r"(?:(?P<era>{ERAS})" + _WS + "{0,2})?",
}


def _time_regex(day_periods: Iterable[str], connectors: Iterable[str]) -> tuple[str, str]:
    """Regex texts for a time after a date and for a time before one."""
    periods = _alternation(day_periods)
    zones = _alternation(_datedata.ZONE_OFFSETS)
    suffixes = _alternation(_datedata.TIME_SUFFIXES)
    time = (
        rf"(?:(?P<ap1>{periods}){_WS}{{0,2}})?"
        r"(?P<hh>\d{1,2})(?!\d)[:.h](?P<mm>\d{2})(?!\d)(?:[:.](?P<ss>\d{2})(?!\d))?"
        rf"(?:{_WS}{{0,2}}(?P<ap2>{periods})(?![^\W\d_]))?"
        rf"(?:{_WS}{{0,2}}(?:{suffixes})(?![^\W\d_]))?"
        rf"(?:{_WS}{{0,2}}(?P<zone>{zones})(?![^\W\d_]))?(?:{_OFFSET})?"
    )
    joiners = _alternation(connectors)
    after = rf"{_WS}{{0,3}}(?:(?P<join>{joiners}){_WS}{{0,3}})?{time}"
    before = rf"{time}{_WS}{{0,3}}(?:(?P<join>{joiners}){_WS}{{0,3}})?"
    return after, before


#: Date patterns of embed widgets in every language, beside CLDR's own: Instagram's
#: embed printed the US order with the reader's month names ("Mär 12, 2018 um 12:30 PDT").
_WIDGET_PATTERNS = ("MMM d, y",)


@functools.lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    """Build (once) the shapes of every language from CLDR data."""
    languages = _datedata.load_languages()
    by_text: dict[str, list[tuple[str, _Template]]] = {}
    own: set[tuple[str, str]] = set()  # (language, shape) pairs that CLDR gives
    for code, data in languages.items():
        for pattern in (*data.patterns, *_WIDGET_PATTERNS):
            template = _shape_template(pattern)
            if template is not None:
                by_text.setdefault(template.text, []).append((code, template))
                if pattern in data.patterns:
                    own.add((code, template.text))
    digit_shapes: list[_Shape] = []
    name_shapes: list[_Shape] = []
    start_words: set[str] = set()
    # Shapes with names are tried first, so at equal length a named form wins.
    for text in sorted(by_text, key=lambda t: by_text[t][0][1].numeric):
        members = by_text[text]
        template = members[0][1]
        codes = tuple(dict.fromkeys(code for code, _ in members))
        signatures: dict[str, set[tuple[str, ...]]] = {}
        for code, member in members:
            # A widget pattern lets a language's names qualify, but its punctuation is
            # no sign of the language: only CLDR's own patterns rank.
            found = signatures.setdefault(code, set())
            if (code, text) in own:
                found.add(member.signature)
        months = [n for c in codes for n in languages[c].months]
        weekdays = [n for c in codes for n in languages[c].weekdays]
        eras = [n for c in codes for n in languages[c].eras]
        regex = (
            text.replace("{MONTHS}", _alternation(months))
            .replace("{WEEKDAYS}", _alternation(weekdays))
            .replace("{ERAS}", _alternation(eras) or "(?!)")
        )
        shape = _Shape(
            regex=re.compile(regex, re.IGNORECASE),
            langs=codes,
            signatures={c: frozenset(s) for c, s in signatures.items()},
            seps=template.seps,
            numeric=template.numeric,
            widget_only=frozenset(code for code in codes if (code, text) not in own),
        )
        if template.starts_with_digit:
            digit_shapes.append(shape)
            continue
        name_shapes.append(shape)
        for name in months if text.startswith("(?P<mon>") else weekdays:
            run = _LETTER_RUN.match(name)
            if run:
                start_words.add(run.group().lower())
    day_periods: dict[str, str] = {}
    connectors: set[str] = set(_datedata.UNIVERSAL_CONNECTORS)
    for data in languages.values():
        connectors.update(data.connectors)
        for marker, period in data.day_periods.items():
            day_periods.setdefault(_period_key(marker), period)
            run = _LETTER_RUN.match(marker)
            if run:
                start_words.add(run.group().lower())
    markers = [m for data in languages.values() for m in data.day_periods]
    after, before = _time_regex(markers, connectors)
    return _Grammar(
        languages=languages,
        digit_shapes=tuple(digit_shapes),
        name_shapes=tuple(name_shapes),
        start_words=frozenset(start_words),
        time_before=re.compile(before, re.IGNORECASE),
        time_after=re.compile(after, re.IGNORECASE),
        day_periods=day_periods,
    )


def _period_key(text: str) -> str:
    """Normalise an AM/PM marker: ``a. m.`` -> ``am``."""
    return "".join(c for c in text.lower() if c.isalnum())


#: Languages ranked per shape and names: a page's dates share a few months and
#: separators, so most matches find their ranking here (emptied when it grows large).
_RANKINGS: dict[
    tuple[object, ...], tuple[_Grammar, _Shape, tuple[tuple[str, int], ...], int | None]
] = {}
_MAX_RANKINGS = 4096


def _ranked_languages(
    grammar: _Grammar,
    shape: _Shape,
    candidates: tuple[str, ...],
    names: tuple[str | None, str | None, str | None],
    *,
    month: int | None,
    signature: tuple[str, ...],
) -> tuple[tuple[tuple[str, int], ...], int | None]:
    """The languages that could write a match with these names, ranked, and its month."""
    key = (
        id(grammar),
        id(shape),
        None if candidates is shape.langs else candidates,
        names,
        month,
        signature,
    )
    cached = _RANKINGS.get(key)
    # the grammar and shape are kept with the answer: their ids are not reused meanwhile
    if cached is not None and cached[0] is grammar and cached[1] is shape:
        return cached[2], cached[3]
    month_name, weekday, era = names
    ranks: list[tuple[str, int]] = []
    if shape.widget_only:  # a language of its own reads the month name first
        candidates = (
            shape.widget_last
            if candidates is shape.langs
            else tuple(sorted(candidates, key=lambda code: code in shape.widget_only))
        )
    # Each name's spellings looked up, computed once for every candidate language.
    month_keys = (month_name.lower(), fold(month_name)) if month_name is not None else None
    weekday_keys = {weekday.lower(), fold(weekday)} if weekday is not None else None
    era_keys = {era.lower(), fold(era)} if era is not None else None
    for code in candidates:
        data = grammar.languages[code]
        if month_keys is not None:
            number = data.months.get(month_keys[0]) or data.months.get(month_keys[1])
            if number is None or (month is not None and number != month):
                continue
            month = number
        if weekday_keys is not None and not weekday_keys & data.weekdays:
            continue
        if era_keys is not None and not era_keys & data.eras:
            continue
        rank = 2 * (signature in shape.signatures[code])
        rank += month_name is not None and month_name in data.month_spellings
        ranks.append((code, rank))
    if shape.widget_only and any(code not in shape.widget_only for code, _ in ranks):
        ranks = [(code, rank) for code, rank in ranks if code not in shape.widget_only]
    if len(_RANKINGS) >= _MAX_RANKINGS:
        _RANKINGS.clear()
    _RANKINGS[key] = (grammar, shape, tuple(ranks), month)
    return tuple(ranks), month


def _date_from_shape(grammar: _Grammar, shape: _Shape, match: re.Match[str]) -> _Plain | None:
    """Validate a shape match and rank the languages that could have written it.

    A language qualifies when the names are its own; it ranks higher when the text
    also has its punctuation (``25.`` is German, not English) and its spelling case
    (``September`` is German, ``september`` Danish).
    """
    year = int(match["y"])
    candidates = shape.langs
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        # Perhaps a year of another calendar (Thai Buddhist era): only its languages.
        candidates = tuple(
            code
            for code in shape.langs
            if code in _datedata.YEAR_OFFSETS
            and _MIN_YEAR <= year - _datedata.YEAR_OFFSETS[code][0] <= _MAX_YEAR
        )
        if not candidates:
            return None
        year -= _datedata.YEAR_OFFSETS[candidates[0]][0]
    groups = match.groupdict()
    month_name = groups.get("mon")
    weekday = groups.get("wd")
    era = groups.get("era")
    month: int | None = int(groups["m"]) if groups.get("m") else None
    signature = tuple(_punctuation(groups[f"s{i}"] or "") for i in range(shape.seps))
    ranks, month = _ranked_languages(
        grammar, shape, candidates, (month_name, weekday, era), month=month, signature=signature
    )
    if not ranks or month is None:
        return None
    try:
        day = dt.date(year, month, int(match["d"]))
    except ValueError:
        return None
    return _Plain(day=day, end=match.end(), ranks=tuple(ranks), numeric=shape.numeric)


def _match_plain(grammar: _Grammar, text: str, pos: int, endpos: int) -> _Plain | None:
    """The longest date without a time at *pos*."""
    if pos >= endpos:
        return None
    shapes = grammar.digit_shapes if text[pos].isdecimal() else grammar.name_shapes
    best: _Plain | None = None
    for shape in shapes:
        match = shape.regex.match(text, pos, endpos)
        if match is None or (best is not None and match.end() < best.end):
            continue
        found = _date_from_shape(grammar, shape, match)
        if found is None:
            continue
        if best is not None and found.end == best.end:
            if found.day != best.day:
                continue
            # Two shapes read the same text alike: their languages all qualify.
            ranks = dict(best.ranks)
            for code, rank in found.ranks:
                ranks[code] = max(rank, ranks.get(code, rank))
            order = list(grammar.languages)
            merged = tuple(sorted(ranks.items(), key=lambda item: order.index(item[0])))
            found = attrs.evolve(best, ranks=merged, numeric=best.numeric and found.numeric)
        best = found
    return best


def _time_value(grammar: _Grammar, match: re.Match[str]) -> dt.time | None:
    """The time of a ``time_after`` / ``time_before`` match, or None when impossible."""
    hour, minute = int(match["hh"]), int(match["mm"])
    second = int(match["ss"]) if match["ss"] else 0
    marker = match["ap1"] or match["ap2"]
    if marker:
        period = grammar.day_periods.get(_period_key(marker))
        if not 1 <= hour <= 12:
            return None
        if period == "pm" and hour != 12:
            hour += 12
        elif period == "am" and hour == 12:
            hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    offset: dt.timedelta | None = None
    name: str | None = None
    if match["zone"] is not None:
        name = match["zone"].upper()
        offset = dt.timedelta(hours=_datedata.ZONE_OFFSETS[name])
    if match["tzsign"]:
        hours, minutes = int(match["tzh"]), int(match["tzm"] or 0)
        if hours > 14 or minutes > 59:
            return None
        extra = dt.timedelta(hours=hours, minutes=minutes)
        offset = (offset or dt.timedelta(0)) + (extra if match["tzsign"] == "+" else -extra)
        name = None
    tzinfo: dt.tzinfo | None = None
    if offset is not None:
        tzinfo = dt.timezone(offset, name) if name else dt.timezone(offset)
    return dt.time(hour, minute, second, tzinfo=tzinfo)


def _combine(day: dt.date, time: dt.time | None) -> dt.date | dt.datetime:
    if time is None:
        return day
    return dt.datetime.combine(day, time.replace(tzinfo=None), tzinfo=time.tzinfo)


def _match_at(text: str, pos: int, endpos: int) -> DateMatch | None:
    """The longest date (with its time, if shown) starting exactly at *pos*."""
    grammar = _grammar()
    result: DateMatch | None = None
    plain = _match_plain(grammar, text, pos, endpos)
    if plain is not None:
        value: dt.date | dt.datetime = plain.day
        end, joiner = plain.end, None
        timed = grammar.time_after.match(text, end, endpos)
        if timed is not None:
            time = _time_value(grammar, timed)
            if time is not None:
                value, end, joiner = _combine(plain.day, time), timed.end(), timed["join"]
        result = _make(grammar, value=value, start=pos, end=end, plain=plain, joiner=joiner)
    timed = grammar.time_before.match(text, pos, endpos)
    if timed is not None:
        time = _time_value(grammar, timed)
        after = _match_plain(grammar, text, timed.end(), endpos) if time is not None else None
        if after is not None and (result is None or after.end > result.end):
            value = _combine(after.day, time)
            result = _make(
                grammar, value=value, start=pos, end=after.end, plain=after, joiner=timed["join"]
            )
    return result


def _make(
    grammar: _Grammar,
    *,
    value: dt.date | dt.datetime,
    start: int,
    end: int,
    plain: _Plain,
    joiner: str | None,
) -> DateMatch:
    """Build the match; ``lang`` is set when one language fits better than all others."""
    ranks = plain.ranks
    if joiner:
        # A joining word ("um", "à") is a strong sign of the language.
        word = joiner.lower()
        ranks = tuple(
            (code, rank + 4 * (word in grammar.languages[code].connectors)) for code, rank in ranks
        )
    ordered = sorted(ranks, key=lambda item: -item[1])
    top = [code for code, rank in ordered if rank == ordered[0][1]]
    lang = top[0] if len(top) == 1 and not plain.numeric else None
    return DateMatch(
        value=value, start=start, end=end, lang=lang, langs=tuple(c for c, _ in ordered)
    )


def _check_text(text: object, pos: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not isinstance(pos, int) or isinstance(pos, bool):
        raise TypeError(f"pos must be an int, not {type(pos).__name__}")


def match_date(text: str, pos: int = 0) -> DateMatch | None:
    """Return the date that starts at ``text[pos]`` (after white space), or None.

    The longest reading wins and the date may be followed by anything:

    >>> match_date("December 30, 2017In the Saturday tweets").end
    17
    >>> match_date("  05:38 PM - 07 Jun 2019").value
    datetime.datetime(2019, 6, 7, 17, 38)
    >>> match_date("1 hour ago") is None
    True
    """
    _check_text(text, pos)
    pos = max(0, pos)  # as re.match does
    space = _LEADING_SPACE.match(text, pos)
    start = space.end() if space else pos
    # Every date has a four-digit year at most _MAX_SPAN characters after its start (as
    # find_date assumes): without one, no shape needs to be tried.
    if _YEAR_RUN.search(text, start, start + _MAX_SPAN + 4) is None:
        return None
    return _match_at(text, start, len(text))


def find_date(text: str, pos: int = 0, endpos: int | None = None) -> DateMatch | None:
    """Return the first date anywhere in ``text[pos:endpos]``, or None.

    >>> find_date("Posted by Ada Example on Thursday, 13 March 2014").value
    datetime.date(2014, 3, 13)
    """
    _check_text(text, pos)
    if endpos is None:
        endpos = len(text)
    elif not isinstance(endpos, int) or isinstance(endpos, bool):
        raise TypeError(f"endpos must be an int or None, not {type(endpos).__name__}")
    endpos = max(0, min(endpos, len(text)))
    pos = max(0, pos)
    grammar = _grammar()
    # Every date has a four-digit year, at most _MAX_SPAN characters after its start:
    # candidates far from any year are skipped without trying the shapes.
    year_at = -1
    for candidate in _CANDIDATE.finditer(text, pos, endpos):
        start = candidate.start()
        if year_at < start:
            year = _YEAR_RUN.search(text, start, endpos)
            if year is None:
                return None
            year_at = year.start()
        if year_at - start > _MAX_SPAN:
            continue
        word = candidate.group()
        if not (
            word.isdecimal()
            or word.lower() in grammar.start_words
            or fold(word) in grammar.start_words
        ):
            continue
        found = _match_at(text, start, endpos)
        if found is not None:
            return found
    return None


def parse_date(text: str) -> dt.date | dt.datetime | None:
    """Return the date when the whole (stripped) *text* is one, else None.

    The value is a ``date``, or a naive ``datetime`` when the text shows a time
    (``datetime`` is a subclass of ``date``, so type checkers display the return
    type as ``date | None``: test with ``isinstance(value, datetime)``).

    >>> parse_date(" 17 בפברואר 2014 ")
    datetime.date(2014, 2, 17)
    >>> parse_date("March 30, 2022 at 10:02 PM")
    datetime.datetime(2022, 3, 30, 22, 2)
    >>> parse_date("March 30, 2022 and more") is None
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    stripped = text.strip(" \t\r\n\u00a0\u202f\u200b\u200e\u200f\u061c")
    found = _match_at(stripped, 0, len(stripped)) if stripped else None
    if found is None or found.end != len(stripped):
        return None
    return found.value


def dates_disagree(
    published: dt.date | dt.datetime | None,
    created_at: dt.datetime | None,
    *,
    tolerance: dt.timedelta = dt.timedelta(days=1),
) -> bool:
    """True when a shown date is further than *tolerance* from the id's creation time.

    An aware datetime is compared as an instant; a date or a naive (local) datetime is
    compared by calendar day with the UTC day of *created_at*, since the embed may show
    the creator's local day.  Missing values never disagree.

    >>> created = dt.datetime(2022, 5, 4, 0, 30, tzinfo=dt.timezone.utc)
    >>> dates_disagree(dt.date(2022, 5, 3), created)
    False
    >>> dates_disagree(dt.date(2022, 5, 1), created)
    True
    """
    if published is None or created_at is None:
        return False
    if created_at.tzinfo is None:
        created_at = created_at.replace(tzinfo=dt.timezone.utc)
    if isinstance(published, dt.datetime) and published.tzinfo is not None:
        return abs(published - created_at) > tolerance
    shown = published.date() if isinstance(published, dt.datetime) else published
    created_day = created_at.astimezone(dt.timezone.utc).date()
    return dt.timedelta(days=abs((shown - created_day).days)) > tolerance
