"""Date data of every supported language: CLDR through Babel, plus forms seen in embeds.

This module is the *data* half of :mod:`tweetresolve.dates`; the matcher there has no
language knowledge of its own.  To support another language, add a line to
:data:`LANGUAGES` (its code and the CLDR locales to read).  To support a form that embeds
print but CLDR does not list, add a CLDR-syntax pattern to :data:`EXTRA_PATTERNS`, a
month spelling to :data:`EXTRA_MONTH_NAMES`, or a date-time joiner to
:data:`EXTRA_CONNECTORS`.

The CLDR part (month, weekday and era names, date patterns, date-time joiners, AM/PM
markers) is stored in ``tweetresolve/data/cldr_dates.json``, generated from CLDR through
Babel by ``python tools/gen_cldr_dates.py``; at run time Babel is needed only for a
language that is in :data:`LANGUAGES` but not yet in that file.  Nothing is read at
import time.

>>> pattern_elements("d. MMMM y")
[('day', '25'), ('sep', '. '), ('month', 'MMMM'), ('sep', ' '), ('year', '2018')]
>>> pattern_elements("yy-MM-dd") is None   # two-digit years are never read
True
"""

from __future__ import annotations

import functools
import json
import logging
import unicodedata
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

logger = logging.getLogger(__name__)

__all__ = [
    "DATA_FILE",
    "EXTRA_CONNECTORS",
    "EXTRA_MONTH_NAMES",
    "EXTRA_PATTERNS",
    "LANGUAGES",
    "TIME_SUFFIXES",
    "UNIVERSAL_CONNECTORS",
    "YEAR_OFFSETS",
    "ZONE_OFFSETS",
    "LanguageData",
    "cldr_language",
    "fold",
    "generate_data",
    "load_languages",
    "pattern_elements",
    "read_data_file",
    "tokenize_pattern",
    "write_data_file",
]

#: The languages the Twitter widget is offered in (its ``lang`` codes, embeds.md §2.6),
#: each with the CLDR locales whose names and patterns it uses.  English also reads
#: en_GB for the day-first forms ("7 Oct 2016", "Monday, 26 October 2020") and
#: Portuguese reads pt_PT.  English comes first: at equal length it is listed first.
LANGUAGES: Mapping[str, tuple[str, ...]] = {
    "en": ("en", "en_GB"),
    "ar": ("ar",),
    "bn": ("bn",),
    "cs": ("cs",),
    "da": ("da",),
    "de": ("de",),
    "el": ("el",),
    "es": ("es",),
    "fa": ("fa",),
    "fi": ("fi",),
    "fil": ("fil",),
    "fr": ("fr",),
    "he": ("he",),
    "hi": ("hi",),
    "hu": ("hu",),
    "id": ("id",),
    "it": ("it",),
    "ja": ("ja",),
    "ko": ("ko",),
    "msa": ("ms",),
    "nl": ("nl",),
    "no": ("nb",),
    "pl": ("pl",),
    "pt": ("pt", "pt_PT"),
    "ro": ("ro",),
    "ru": ("ru",),
    "sv": ("sv",),
    "th": ("th",),
    "tr": ("tr",),
    "uk": ("uk",),
    "ur": ("ur",),
    "vi": ("vi",),
    "zh-cn": ("zh_Hans_CN",),
    "zh-tw": ("zh_Hant_TW",),
}

#: The CLDR data of every language of :data:`LANGUAGES` as Babel gave it when the file
#: was generated (a file in ``tweetresolve/data``).  Babel is needed only to regenerate
#: it (``python tools/gen_cldr_dates.py``) or for a language not yet in it.
DATA_FILE = "cldr_dates.json"

#: CLDR date-pattern widths read for every locale: "full" has the weekday (Facebook's
#: "Thursday, 13 March 2014"), "long" and "medium" are what embeds print.
PATTERN_WIDTHS = ("full", "long", "medium")

#: Forms seen in real embeds that CLDR does not give (CLDR pattern syntax).
EXTRA_PATTERNS: Mapping[str, tuple[str, ...]] = {
    # Twitter's Japanese widget in 2012 ("3月 16, 2012") and 2014 ("2014, 9月 30"),
    # embeds.md §2.6.
    "ja": ("M月 d, y", "y, M月 d"),
    # The older Instagram Spanish widget: "1 Jun, 2019" (embeds.md §3.1).
    "es": ("d MMM, y",),
}

#: Month spellings seen in embeds that CLDR lacks: lower-case name -> month number.
EXTRA_MONTH_NAMES: Mapping[str, Mapping[str, int]] = {
    "en": {"sept": 9},
    "de": {"sep": 9},
}

#: Calendars whose years differ from the Gregorian by a fixed offset, with their era
#: names.  CLDR's default Thai calendar is the Buddhist one (Buddhist year = Gregorian
#: + 543), which is what a browser prints for a Thai user (Bluesky's "long date + time"),
#: e.g. "25 กันยายน 2561"; a Thai year past the Gregorian range is read that way.
YEAR_OFFSETS: Mapping[str, tuple[int, tuple[str, ...]]] = {
    "th": (543, ("พ.ศ.", "พุทธศักราช")),
}

#: Words that join a date and its time in each language.  CLDR calls these the
#: "atTime" date-time patterns ("{1} 'at' {0}"), which Babel does not expose; they are
#: also what Bluesky ("at", "à") and Instagram ("at", "um", "a las", "le … à") print.
EXTRA_CONNECTORS: Mapping[str, tuple[str, ...]] = {
    "en": ("at",),
    "cs": ("v",),
    "da": ("kl.",),
    "de": ("um",),
    "el": ("στις",),
    "es": ("a las", "a la"),
    "fi": ("klo",),
    "fr": ("à",),
    "id": ("pukul",),
    "it": ("alle", "alle ore"),
    "nl": ("om",),
    "no": ("kl.",),
    "pl": ("o",),
    "pt": ("às", "à"),
    "ro": ("la", "ora"),
    "ru": ("в",),
    "sv": ("kl.",),
    "uk": ("о",),
}

#: Joiners any language may use between a date and a time, or a time and a date
#: ("05:38 PM - 07 Jun 2019", "10:02 PM · Mar 30, 2022").
UNIVERSAL_CONNECTORS = (",", "-", "–", "·", "|")

#: Words written right after a time: German "0:31 Uhr", Thai "14:43 น.".
TIME_SUFFIXES = ("Uhr", "น.", "h")

#: AM/PM markers any language may use besides its own CLDR ones.
UNIVERSAL_DAY_PERIODS: Mapping[str, str] = {"am": "am", "pm": "pm", "a.m.": "am", "p.m.": "pm"}

#: Zone abbreviations printed after a time (UTC offset in hours).  Only unambiguous
#: ones: IST (India, Israel, Ireland) is left out on purpose.
ZONE_OFFSETS: Mapping[str, float] = {
    "UTC": 0,
    "GMT": 0,
    "WET": 0,
    "WEST": 1,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "MEZ": 1,
    "MESZ": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "JST": 9,
    "KST": 9,
    "AEST": 10,
    "AEDT": 11,
    "HST": -10,
    "AKST": -9,
    "AKDT": -8,
    "PST": -8,
    "PDT": -7,
    "MST": -7,
    "MDT": -6,
    "CST": -6,
    "CDT": -5,
    "EST": -5,
    "EDT": -4,
}


@attrs.frozen
class LanguageData:
    """What the matcher needs to know about one language (all names lower-case)."""

    #: The language code (``en``, ``zh-cn``).
    code: str
    #: Every month spelling (format and stand-alone, wide and abbreviated, with and
    #: without a final dot) -> month number.  Genitive forms come from CLDR's format
    #: context (``мая``, ``stycznia``, ``března``).
    months: Mapping[str, int]
    #: The same month spellings in CLDR's own case (``September``, ``september``).
    month_spellings: frozenset[str]
    #: Weekday names (wide, abbreviated, short; format and stand-alone).
    weekdays: frozenset[str]
    #: Era names (``ค.ศ.``), optional in a date.
    eras: frozenset[str]
    #: CLDR date patterns (full, long, medium) plus :data:`EXTRA_PATTERNS`.
    patterns: tuple[str, ...]
    #: Words that join a date and a time.
    connectors: frozenset[str]
    #: AM/PM markers as written -> ``"am"`` or ``"pm"``.
    day_periods: Mapping[str, str]


#: Pattern fields -> element kinds (by letter, then by repeat count).
_FIELD_KINDS = {
    "d": "day",
    "y": "year",
    "E": "weekday",
    "c": "weekday",
    "e": "weekday",
    "G": "era",
}


def _field_kind(letter: str, count: int) -> str | None:
    if letter in ("M", "L"):
        return {1: "num_month", 2: "num_month", 3: "month", 4: "month"}.get(count)
    if letter == "y" and count == 2:
        return None
    if letter in ("e", "c") and count < 3:
        return None
    return _FIELD_KINDS.get(letter)


def tokenize_pattern(pattern: str) -> list[tuple[str, str | tuple[str, int]]]:
    """Split a CLDR date pattern (UTS #35) into ``field`` and ``chars`` tokens.

    ASCII letters are fields, repeated for width; text in single quotes is literal and
    ``''`` is a quote.  Same output as ``babel.dates.tokenize_pattern``, without Babel.

    >>> tokenize_pattern("d 'de' MMMM")
    [('field', ('d', 1)), ('chars', ' de '), ('field', ('M', 4))]
    """
    tokens: list[tuple[str, str | tuple[str, int]]] = []
    chars: list[str] = []
    index, size = 0, len(pattern)
    while index < size:
        char = pattern[index]
        if char == "'":
            if pattern.startswith("''", index):
                chars.append("'")
                index += 2
                continue
            index += 1
            while index < size:
                if pattern.startswith("''", index):
                    chars.append("'")
                    index += 2
                elif pattern[index] == "'":
                    break
                else:
                    chars.append(pattern[index])
                    index += 1
            index += 1
        elif char.isascii() and char.isalpha():
            if chars:
                tokens.append(("chars", "".join(chars)))
                chars = []
            end = index
            while end < size and pattern[end] == char:
                end += 1
            tokens.append(("field", (char, end - index)))
            index = end
        else:
            chars.append(char)
            index += 1
    if chars:
        tokens.append(("chars", "".join(chars)))
    return tokens


def _is_word_char(char: str) -> bool:
    """Letters and the combining marks that belong to them (Thai ``ที่``)."""
    return char.isalpha() or unicodedata.category(char).startswith("M")


def _split_chars(text: str) -> list[tuple[str, str]]:
    """Split literal pattern text into ``sep`` (spaces, punctuation) and ``word`` runs."""
    out: list[tuple[str, str]] = []
    for char in text:
        kind = "word" if _is_word_char(char) else "sep"
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + char)
        else:
            out.append((kind, char))
    return out


#: Example text of each field kind, for readable :func:`pattern_elements` output.
_EXAMPLES = {"day": "25", "year": "2018", "num_month": "9"}


def pattern_elements(pattern: str) -> list[tuple[str, str]] | None:
    """Split a CLDR date pattern into ``(kind, text)`` elements.

    Kinds: ``day``, ``num_month``, ``month`` (a name), ``year``, ``weekday``, ``era``,
    ``word`` (a literal word such as ``de`` or ``年``) and ``sep``.  Returns None when the
    pattern has a field that is not read (two-digit year, narrow month, a time field).

    >>> pattern_elements("d 'de' MMMM 'de' y")[1:4]
    [('sep', ' '), ('word', 'de'), ('sep', ' ')]
    """
    elements: list[tuple[str, str]] = []
    for _kind, value in tokenize_pattern(pattern):
        if isinstance(value, str):
            elements.extend(_split_chars(value))
            continue
        letter, count = value
        kind = _field_kind(letter, count)
        if kind is None:
            return None
        elements.append((kind, _EXAMPLES.get(kind, letter * count)))
    return elements


@functools.lru_cache(maxsize=4096)  # the same few names again and again
def fold(name: str) -> str:
    """A name without case or accents, for lookups that case-folding alone misses.

    Upper-case Greek drops its accents and Turkish has a dotted capital İ and a dotless
    small ı, so ``ΣΕΠΤΕΜΒΡΙΟΥ``, ``NİSAN`` and ``MAYIS`` only meet their CLDR names here.
    Only the accents of the combining diacritical marks block go; Thai vowel signs stay.

    >>> fold("ΣΕΠΤΕΜΒΡΊΟΥ"), fold("NİSAN"), fold("Mayıs"), fold("août")
    ('σεπτεμβριου', 'nisan', 'mayis', 'aout')
    """
    decomposed = unicodedata.normalize("NFD", name)
    bare = "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f")
    return unicodedata.normalize("NFC", bare).lower().replace("ı", "i")


def _names(values: Iterable[str]) -> set[str]:
    """Lower-case names, each also folded and without a final dot (``Okt.`` -> ``okt``)."""
    out: set[str] = set()
    for value in values:
        for name in {value.strip().lower(), fold(value.strip())}:
            if not name:
                continue
            out.add(name)
            if name.endswith(".") and len(name) > 2:
                out.add(name.rstrip("."))
    return out


def _connector(pattern: str) -> str:
    """The joiner of a CLDR date-time pattern: ``{1} 'at' {0}`` -> ``at``."""
    inner = pattern.replace("{1}", "\x00").replace("{0}", "\x00").split("\x00")
    middle = inner[1] if len(inner) == 3 else ""
    text = "".join(value for _, value in tokenize_pattern(middle) if isinstance(value, str))
    return text.strip(" \u00a0\u202f\u200e\u200f")


def cldr_language(locale_ids: Iterable[str]) -> dict[str, Any]:
    """Read one language's raw CLDR date data through Babel (JSON-ready, CLDR's case).

    This is what :data:`DATA_FILE` stores per language.
    """
    from babel import Locale  # noqa: PLC0415 - Babel is needed only to (re)generate data

    raw: dict[str, Any] = {
        "locales": list(locale_ids),
        "months": {},
        "weekdays": [],
        "eras": [],
        "patterns": [],
        "connectors": [],
        "day_periods": {},
    }
    for locale_id in locale_ids:
        locale = Locale.parse(locale_id)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    raw["months"].setdefault(str(name), int(number))
            for width in ("wide", "abbreviated", "short"):
                raw["weekdays"].extend(str(n) for n in locale.days[context][width].values())
        for width in ("wide", "abbreviated"):
            raw["eras"].extend(str(n) for n in locale.eras[width].values())
            for period in ("am", "pm"):
                marker = locale.day_periods["format"][width].get(period)
                if marker:
                    raw["day_periods"].setdefault(str(marker), period)
        for width in PATTERN_WIDTHS:
            raw["patterns"].append(str(locale.date_formats[width].pattern))
            raw["connectors"].append(_connector(str(locale.datetime_formats[width])))
    for key in ("weekdays", "eras", "patterns", "connectors"):
        raw[key] = [v for v in dict.fromkeys(raw[key]) if v]
    return raw


def _language(code: str, raw: Mapping[str, Any]) -> LanguageData:
    """Turn stored CLDR data into matcher data, adding this module's extra forms."""
    months: dict[str, int] = {}
    spellings: set[str] = set()
    for name, number in raw["months"].items():
        for spelling in _names([name]):
            months.setdefault(spelling, int(number))
        spellings.update({name.strip(), name.strip().rstrip(".")})
    for spelling, number in EXTRA_MONTH_NAMES.get(code, {}).items():
        months.setdefault(spelling, number)
    patterns = list(raw["patterns"])
    patterns.extend(p for p in EXTRA_PATTERNS.get(code, ()) if p not in patterns)
    periods = dict(UNIVERSAL_DAY_PERIODS)
    for marker, period in raw["day_periods"].items():
        periods.setdefault(marker, period)
    return LanguageData(
        code=code,
        months=months,
        month_spellings=frozenset(spellings),
        weekdays=frozenset(_names(raw["weekdays"])),
        eras=frozenset(_names([*raw["eras"], *YEAR_OFFSETS.get(code, (0, ()))[1]])),
        patterns=tuple(patterns),
        connectors=frozenset({*raw["connectors"], *EXTRA_CONNECTORS.get(code, ())}),
        day_periods=periods,
    )


def generate_data() -> dict[str, Any]:
    """The content of :data:`DATA_FILE`, read from CLDR through the installed Babel."""
    import babel  # noqa: PLC0415 - Babel is needed only to (re)generate data

    return {
        "about": "CLDR date data for tweetresolve.dates; generated from Babel by "
        "tools/gen_cldr_dates.py. Do not edit.",
        "babel": babel.__version__,
        "languages": {code: cldr_language(ids) for code, ids in LANGUAGES.items()},
    }


def write_data_file(path: Path | None = None) -> None:
    """Regenerate :data:`DATA_FILE` (or *path*) from the installed Babel."""
    target = path if path is not None else Path(__file__).parent / "data" / DATA_FILE
    text = json.dumps(generate_data(), ensure_ascii=False, indent=1, sort_keys=True)
    target.write_text(text + "\n", encoding="utf-8")


def read_data_file() -> dict[str, Any]:
    """The stored CLDR data (empty when the file is missing)."""
    try:
        text = resources.files("tweetresolve").joinpath(f"data/{DATA_FILE}").read_text("utf-8")
    except FileNotFoundError:
        logger.warning("%s is missing; date data will be read from Babel", DATA_FILE)
        return {}
    data: dict[str, Any] = json.loads(text)
    return data


def load_languages() -> dict[str, LanguageData]:
    """The data of every language in :data:`LANGUAGES`.

    Read from :data:`DATA_FILE`; a language missing there (just added to
    :data:`LANGUAGES`, or with other locales) is read from CLDR through Babel, and is
    skipped with a warning when Babel is not installed.

    >>> data = load_languages()
    >>> data["ru"].months["мая"], data["pl"].months["stycznia"]
    (5, 1)
    """
    stored = read_data_file().get("languages", {})
    out: dict[str, LanguageData] = {}
    for code, locale_ids in LANGUAGES.items():
        raw = stored.get(code)
        if raw is None or tuple(raw["locales"]) != tuple(locale_ids):
            try:
                raw = cldr_language(locale_ids)
            except ImportError:
                logger.warning("no date data for %r: add it with Babel installed", code)
                continue
        out[code] = _language(code, raw)
    return out
