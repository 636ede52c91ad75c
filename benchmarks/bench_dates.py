"""Date-parse rate and speed per language over a generated set.

For every language of ``tweetresolve._datedata.LANGUAGES`` and every CLDR locale it reads,
Babel formats many dates (every month, several days and years) in the ``full``, ``long``
and ``medium`` widths, once with Latin digits and once with the locale's native digits
where it has them; each string must parse back to the same date.  Prints the rate per
language, the cost of building the grammar and the time per call.

Run: ``python benchmarks/bench_dates.py``
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from babel import Locale
from babel.dates import format_date

from tweetresolve import _datedata, dates

#: Zero digit of each CLDR numbering system a supported locale may use natively.
NATIVE_ZERO = {"arab": "٠", "arabext": "۰", "beng": "০", "deva": "०", "thai": "๐"}

DAYS = (1, 2, 9, 10, 13, 22, 28)
YEARS = (2009, 2014, 2018, 2023, 2026)
WIDTHS = ("full", "long", "medium")


def native_digits(locale_id: str) -> str | None:
    """The zero digit of the locale's native numbering system, when it is not Latin."""
    locale = Locale.parse(locale_id)
    system = locale.other_numbering_systems.get("native", locale.default_numbering_system)
    return NATIVE_ZERO.get(system)


def to_digits(text: str, zero: str) -> str:
    return "".join(chr(ord(zero) + int(c)) if "0" <= c <= "9" else c for c in text)


def generated(lang: str) -> Iterator[tuple[str, dt.date, str]]:
    """(text, expected date, variant) for one language."""
    for locale_id in _datedata.LANGUAGES[lang]:
        zero = native_digits(locale_id)
        for year in YEARS:
            for month in range(1, 13):
                for day in DAYS:
                    value = dt.date(year, month, day)
                    for width in WIDTHS:
                        text = format_date(value, width, locale=locale_id)
                        yield text, value, width
                        if zero:
                            yield to_digits(text, zero), value, f"{width}-native"


def main() -> None:
    start = time.perf_counter()
    dates._grammar()
    build_ms = (time.perf_counter() - start) * 1000
    print(f"grammar build (all {len(_datedata.LANGUAGES)} languages): {build_ms:.0f} ms")
    total = ok_total = 0
    elapsed = 0.0
    failures: list[str] = []
    # in-langs: the true language is among DateMatch.langs; lang=: DateMatch.lang is it;
    # None: lang is None (ambiguous or numeric); wrong: lang names another language.
    header = ("lang", "strings", "parsed", "rate", "in-langs", "lang=", "None", "wrong")
    print("{:6} {:>7} {:>7} {:>7} {:>8} {:>7} {:>7} {:>7}".format(*header))
    for lang in _datedata.LANGUAGES:
        n = ok = identified = exact = unknown = wrong = 0
        for text, expected, variant in generated(lang):
            t0 = time.perf_counter()
            found = dates.match_date(text)
            elapsed += time.perf_counter() - t0
            n += 1
            value = found.value if found is not None else None
            if found is not None and found.end == len(text) and value == expected:
                ok += 1
                identified += lang in found.langs
                exact += found.lang == lang
                unknown += found.lang is None
                wrong += found.lang not in (None, lang)
            elif len(failures) < 40:
                failures.append(f"{lang} {variant}: {text!r} -> {value!r}")
        total += n
        ok_total += ok
        print(
            f"{lang:6} {n:7} {ok:7} {ok / n:7.1%} {identified / n:8.1%} "
            f"{exact / n:7.1%} {unknown / n:7.1%} {wrong / n:7.1%}"
        )
    print(f"all    {total:7} {ok_total:7} {ok_total / total:7.1%}")
    print(f"match_date: {elapsed / total * 1e6:.1f} µs per call")
    text = "word " * 2000 + "on March 30, 2022."
    t0 = time.perf_counter()
    for _ in range(20):
        dates.find_date(text)
    print(f"find_date over 10 kB of prose: {(time.perf_counter() - t0) / 20 * 1000:.2f} ms")
    for failure in failures:
        print("FAIL", failure)


if __name__ == "__main__":
    main()
