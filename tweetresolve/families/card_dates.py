"""Dates as site-made cards show them: full dates, dates without a year, relative times.

A card shows its post's date the way the site's widget writes it, in the page's
language: a full date ("3. März 2021", "2019年6月5日"), a date without its year (a
widget showing this year's posts: "Jun 9", "23 agosto", "5. Juni"), an ISO date
("2019-06-05"), or a relative time ("2h", "vor 3 Std.", "il y a 2 heures",
"3時間前").  :func:`is_date_text` says whether a short text is one of them;
:func:`shown_date` gives its value when the text has one (a relative time or a date
without a year has none: the machine-readable ``<time datetime>`` is used instead).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from tweetresolve.dates import parse_date

__all__ = ["DATE_SEPARATORS", "is_date_text", "shown_date"]

#: Characters around a shown date that are not part of it: "· 2h", "— 3. März 2021".
DATE_SEPARATORS = " \t\n\u00a0-–—―·•|,:;()[]/"

# Longest text that may be a shown date.
_MAX_DATE_CHARS = 80

# A relative time shown instead of a date, in the languages of the date tables:
# "2h", "5 min", "12 hrs ago", "vor 2 Std.", "hace 3 h", "il y a 2 heures",
# "há 3 horas", "3 ore fa", "3 uur geleden", "3時間前", "5 分钟前".
_RELATIVE_TIME = re.compile(
    r"^(?:(?:about|ca\.|etwa|environ|circa)\s)?(?:"
    r"\d{1,3}\s?(?:s|m|h|d|w|min|mins|hr|hrs|std|j|t|g|u)\.?"
    r"|(?:\d{1,3}|an?)\s?(?:sec|secs|seconds?|min|mins|minutes?|h|hr|hrs|hours?|d|days?"
    r"|w|wks?|weeks?|mo|months?|y|yrs?|years?)\sago"
    r"|vor\s\d{1,3}\s?(?:Sek|Min|Std|Tg|Wo|Mon)\.?"
    r"|vor\s\d{1,3}\s(?:Sekunden|Minuten|Stunden|Tagen|Wochen|Monaten|Jahren)"
    r"|(?:hace|há|ha)\s\d{1,3}\s?\w{1,10}\.?"
    r"|il y a\s\d{1,3}\s?\w{1,10}"
    r"|\d{1,3}\s(?:secondi|minuti|ore|giorni|settimane|mesi|anni)\sfa"
    r"|\d{1,3}\s(?:seconden|minuten|uur|dagen|weken|maanden|jaar)\sgeleden"
    r"|\d{1,3}\s?(?:秒|分|分钟|時間|小时|日|天|週間|周|か月|ヶ月|年)前?"
    r")$",
    re.IGNORECASE,
)

# An ISO date, maybe with a time: "2019-06-05", "2019-06-05 17:38", "2019-06-05T17:38:00Z".
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$")

# A date without its year: a day (one or two digits) and one word (the month's name),
# either way round: "Jun 9", "23 agosto", "5. Juni", "25 de febrero", "6月5日".
_YEARLESS_SHAPE = re.compile(
    r"^(?:[^\W\d_]{3,12}\.?\s\d{1,2}|\d{1,2}\.?\s(?:de\s)?[^\W\d_]{3,12}\.?|\d{1,2}月\d{1,2}日)$"
)

# What completes a date without a year in the shapes the date tables know:
# "Jun 9" + ", 2000", "23 agosto" + " 2000", "25 de febrero" + " de 2000".
_YEAR_SUFFIXES = (", 2000", " 2000", " de 2000")


@functools.lru_cache(maxsize=4096)
def is_date_text(text: str) -> bool:
    """Whether a short text is a shown date or time ("Mar 3, 2021", "2h", "9:12 AM · Sep 5, 2023").

    >>> is_date_text("· 3. März 2021"), is_date_text("3 days ago"), is_date_text("Reply")
    (True, True, False)
    >>> is_date_text("Jun 9"), is_date_text("vor 3 Std."), is_date_text("12 Likes")
    (True, True, False)
    """
    shown = text.strip(DATE_SEPARATORS)
    if not shown or len(shown) > _MAX_DATE_CHARS or not any(c.isdigit() for c in shown):
        return False
    if parse_date(shown) is not None or _RELATIVE_TIME.match(shown) or _ISO_DATE.match(shown):
        return True
    return _yearless(shown)


def _yearless(shown: str) -> bool:
    """Whether ``shown`` is a day and a month's name without a year ("Jun 9", "6月5日")."""
    if _YEARLESS_SHAPE.match(shown) is None:
        return False
    if "月" in shown:
        return parse_date(f"2000年{shown}") is not None
    return any(parse_date(shown + suffix) is not None for suffix in _YEAR_SUFFIXES)


def shown_date(text: str, machine: str | None) -> dt.date | dt.datetime | None:
    """The date a field shows, else the machine-readable one (``<time datetime>``).

    >>> shown_date("2019-06-05", None), shown_date("2h", "2019-06-05T17:38:00Z")
    (datetime.date(2019, 6, 5), datetime.datetime(2019, 6, 5, 17, 38, tzinfo=datetime.timezone.utc))
    """
    shown = text.strip(DATE_SEPARATORS)
    value: dt.date | dt.datetime | None = parse_date(shown) if shown else None
    if value is None and _ISO_DATE.match(shown):
        value = _iso(shown)
    if value is None and machine:
        value = _iso(machine.strip())
    return value


def _iso(text: str) -> dt.date | dt.datetime | None:
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
