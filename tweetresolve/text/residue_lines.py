"""The lines of a card residue, each read once: cleaned text, links, a date, a head line.

A card's lines are cleaned as the attribution path cleans post text (quote prefixes,
list markers, Markdown links and escapes undone).  A line may be a *head* (an
optional name, the ``@handle``, and maybe a date or buttons after it), a *date* (a
whole date, one without its year, or a relative time), or a row of buttons and
counters.

>>> _head_of(_Line("Ada Example @ada · Follow", 0, 25))
_Head(name='Ada Example', handle='ada', date=None)
>>> _head_of(_Line("Ada @ada · 3h", 0, 13)).date
('3h', None, None)
>>> _is_action_line("💬 3 🔁 12"), _is_action_line("🚢 🚢")
(True, False)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs

from tweetresolve.dates import match_date
from tweetresolve.families.card_dates import is_date_text
from tweetresolve.records import Link
from tweetresolve.text.links import _clean_line
from tweetresolve.text.markdown import _EDGE_CHARS, _QUOTE_PREFIX

#: A cleaned handle line: an optional name, then the handle (maybe in parentheses) and
#: nothing else (a verified mark or a separator may follow).  The handle is any platform's: letters,
#: digits, "_", "." and "-" inside, and an instance after a second at-sign
#: ("@ada@social.example"); each platform's dialect checks its own shape.
#: Example: "Ada Example @ada_example ✔".
_HANDLE_LINE = re.compile(
    r"(?:(?P<name>[^@＠\n(（]{1,60}?)[ \t\u00a0]+)?[(（]?[@＠]"
    r"(?P<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?"
    r"(?:@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})?)[)）]?"
    r"[ \t\u00a0✓✔☑️·•|]*"
)
#: A list marker a converter puts before a card's lines: "- ", "* ", "+ ".
_LIST_MARKER = re.compile(r"[-*+][ \t]+")
#: A separator a card prints before its date: "· Jun 7, 2019", "- 05:38 PM".
_DATE_LEAD = re.compile(r"[·•|\-–—][ \t\u00a0]*")
#: Words of the buttons and counters under a card, in the languages of the dates.
_ACTION_WORDS = frozenset(
    {
        "reply",
        "replies",
        "retweet",
        "retweets",
        "repost",
        "reposts",
        "like",
        "likes",
        "share",
        "copy",
        "link",
        "quote",
        "quotes",
        "follow",
        "views",
        "view",
        "antworten",
        "retweeten",
        "teilen",
        "gefällt",
        "mir",
        "folgen",
        "répondre",
        "retweeter",
        "j'aime",
        "partager",
        "suivre",
        "responder",
        "me",
        "gusta",
        "compartir",
        "seguir",
        "rispondi",
        "mi",
        "piace",
        "condividi",
        "segui",
        "curtir",
        "compartilhar",
    }
)
#: A counter: "12", "1,204", "3.4K".
_COUNT = re.compile(r"[0-9][0-9.,]{0,9}[KkMm]?")
#: What may follow a handle on its line besides a date or buttons: marks and separators.
_HEAD_TAIL = " \t\u00a0·•|-–—✓✔☑️"
#: Longest line that may be a date written without its year or as a relative time.
_MAX_SHORT_DATE = 30


class _Line:
    __slots__ = ("clean", "end", "links", "quote_depth", "start", "weight")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start = start
        self.end = end
        raw = text[start:end]
        prefix = _QUOTE_PREFIX.match(raw)
        #: Levels of Markdown quoting (">") before the line.
        self.quote_depth = prefix.group().count(">") if prefix else 0
        raw = raw[prefix.end() :] if prefix else raw
        stripped = raw.strip(_EDGE_CHARS)
        marker = _LIST_MARKER.match(stripped)
        stripped = stripped[marker.end() :] if marker else stripped
        self.clean, self.links, self.weight = _clean_line(stripped) if stripped else ("", (), 0)
        self.clean = self.clean.strip(_EDGE_CHARS)


class _Reader:
    """The lines of one text, each read (cleaned, its date and handle matched) once.

    A card is looked for at every line with an at-sign, and each look reads up to
    :data:`_MAX_CARD_LINES` lines below it; reading each line once keeps a text of
    at-sign lines linear with a small factor.
    """

    __slots__ = ("_dates", "_heads", "_lines", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[int, _Line] = {}
        self._dates: dict[int, _Date | None] = {}
        self._heads: dict[int, _Head | None] = {}

    def line_at(self, start: int) -> _Line:
        line = self._lines.get(start)
        if line is None:
            newline = self.text.find("\n", start)
            end = len(self.text) if newline < 0 else newline
            line = self._lines[start] = _Line(self.text, start, end)
        return line

    def after(self, pos: int, count: int) -> Iterator[_Line]:
        """Up to ``count`` lines from ``pos``, read as they are asked for."""
        text_end = len(self.text)
        for _ in range(count):
            if pos >= text_end:
                return
            line = self.line_at(pos)
            yield line
            pos = line.end + 1

    def above(self, start: int) -> _Line | None:
        """The nearest non-empty line above ``start`` (a blank line between is allowed)."""
        end = start - 1
        for _ in range(2):
            if end <= 0:
                return None
            begin = self.text.rfind("\n", 0, end) + 1
            line = self.line_at(begin)
            if line.clean:
                return line
            end = begin - 1
        return None

    def date(self, line: _Line) -> _Date | None:
        if line.start not in self._dates:
            self._dates[line.start] = _date_of(line) if line.clean else None
        return self._dates[line.start]

    def head(self, line: _Line) -> _Head | None:
        if line.start not in self._heads:
            self._heads[line.start] = _head_of(line) if line.clean else None
        return self._heads[line.start]


@attrs.frozen
class _Head:
    """A card's head line: name (when on the line), handle, and a date on the same line."""

    name: str | None
    handle: str
    date: _Date | None = None


def _head_of(line: _Line) -> _Head | None:
    """Read a head line: "Ada Example @ada ✔", "@ada · Follow", "Ada @ada · Jun 7".

    >>> _head_of(_Line("Ada Example @ada · Follow", 0, 25))
    _Head(name='Ada Example', handle='ada', date=None)
    >>> _head_of(_Line("Ada @ada · 3h", 0, 13)).date
    ('3h', None, None)
    >>> _head_of(_Line("Thanks @ada for the photos", 0, 26)) is None
    True
    """
    found = _HANDLE_LINE.match(line.clean)
    if found is None:
        return None
    name, handle = found.group("name"), found.group("handle")
    rest = line.clean[found.end() :].strip(_HEAD_TAIL)
    if not rest:
        return _Head(name, handle)
    # A date before buttons: "12m" is a relative time here, not a counter.
    date = _date_in(rest, line.links)
    if date is not None:
        return _Head(name, handle, date)
    return _Head(name, handle) if _is_action_line(rest) else None


#: A date line read: ``(shown, value or None, link target or None)``.
_Date = tuple[str, dt.date | dt.datetime | None, str | None]


def _is_action_line(clean: str) -> bool:
    """Buttons and counters: "Reply Retweet Like", "12 Likes", "·", "💬 3 🔁 12".

    Icons (words without a letter or digit) count only beside a counter, so a line
    of a post's emoji is still text.
    """
    words = clean.replace("·", " ").lower().split()
    if not words:
        return bool(clean)
    counts = [bool(_COUNT.fullmatch(word)) for word in words]
    return all(
        word in _ACTION_WORDS or counted or (any(counts) and not any(c.isalnum() for c in word))
        for word, counted in zip(words, counts, strict=True)
    )


def _date_of(line: _Line) -> _Date | None:
    """A line that is a whole date: ``(shown, value, link target)``, else None.

    A date without its year ("Jun 7", "7. Juni") or a relative time ("3h", "vor 3
    Stunden") counts too, with no value.
    """
    return _date_in(line.clean, line.links)


def _date_in(clean: str, links: tuple[Link, ...]) -> _Date | None:
    """:func:`_date_of` for a line's cleaned text and links."""
    lead = _DATE_LEAD.match(clean)
    body = clean[lead.end() :] if lead else clean
    if not body[:1].isalnum() or len(body) > 80:
        return None
    url = next((link.url for link in links if link.text and link.text in body), None)
    found = match_date(body)
    if found is None or found.start != 0:
        for short in (body.rstrip(" \t\u00a0·"), body.rstrip(" \t\u00a0·.")):
            if len(short) <= _MAX_SHORT_DATE and is_date_text(short):
                return short, None, url
        return None
    rest = body[found.end :].strip(" \t\u00a0·.")
    if rest and not _is_action_line(rest):
        return None
    return body[: found.end].strip(), found.value, url
