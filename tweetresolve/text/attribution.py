"""Attribution lines: ``— Name (@handle) Date`` found from each ``(@`` anchor outwards.

The grammar is described in :mod:`tweetresolve.text`; every step reads a bounded
window, so the scan is linear in the text however hostile it is.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from collections.abc import Iterator

import attrs

from tweetresolve.dates import match_date
from tweetresolve.records import Attribution, published_utc
from tweetresolve.text.dialects import (
    BLUESKY_RESIDUE,
    TWITTER_RESIDUE,
    ResidueDialect,
)
from tweetresolve.text.markdown import (
    _EDGE_CHARS,
    _QUOTE_PREFIX,
    _SPACE_RUN,
    _unescape,
    _unescape_mapped,
)

# --- limits (each keeps one step of the scan bounded) -------------------------------

#: How far left of ``(@`` the dash and the name may start.  Display names are at most
#: 50 characters; entities (``&#x30CB;``) and spacing make the raw text longer.
_NAME_WINDOW = 160
#: Longest name accepted when the line has no dash and starts with the name: display
#: names hold at most 50 characters, plus the "さん" the 2012 Japanese widget added.
_MAX_BARE_NAME = 52
#: How much text after the handle is handed to the date reader.
_DATE_WINDOW = 160
#: How far past the attribution its line end is looked for.
_LINE_END_WINDOW = 4000

# --- patterns ---------------------------------------------------------------------

# The anchor: "(" + up to three spaces (or zero-width spaces) + an at-sign, optionally
# Markdown-escaped.
# Examples: "(@ada)", "( @ada.example.com )", "(\@ada)", "(＠ada)".
_ANCHOR = re.compile(r"\([ \t\u00a0\u3000\u200b\u2060\ufeff]{0,3}\\?[@＠]")
# Closing parenthesis after the handle, with the spaces Bluesky's snippet puts inside
# (zero-width ones too, which a CMS may leave).  Example: " )".
_CLOSE = re.compile(r"[ \t\u00a0\u3000\u200b\u2060\ufeff]{0,3}\)")
# Attribution dashes, strongest first: em/en dash, horizontal bar, their entities,
# and a doubled hyphen.  Example: "&mdash; Ada (@ada)".
_DASH = re.compile(
    r"—|–|―|&(?:mdash|ndash|horbar);|&#(?:8212|8211|8213|[xX]201[345]);|--",
)
# A lone hyphen is a dash only between spaces or at a line start, possibly escaped by
# Markdown: "text - Ada (@ada)", "\- Ada (@ada)"; never "Anna-Maria (@am)".
_HYPHEN = re.compile(r"(?:(?<=\s)|^)\\?-(?=[ \t\u00a0])", re.MULTILINE)
# The lead-in of another platform's byline ("A post shared by NAME (@handle)" of Instagram
# in the languages its snippet is copied in, "Posted by NAME" of Facebook and blogs): a
# line starting with one does not start with a name, so the dashless form refuses it.
# Example: "A post shared by Ada Example (@ada_example)".
_FOREIGN_LEAD = re.compile(
    r"""
    (?:A[ ](?:post|photo|video)[ ](?:shared|posted)[ ]by
      | Posted[ ]by | Post[ ]by
      | Ein[ ]Beitrag[ ]geteilt[ ]von
      | Une[ ]publication[ ]partag[ée]e[ ]par
      | Una[ ]publicaci[óo]n[ ]compartida[ ](?:de|por)
      | Un[ ]post[ ]condiviso[ ]da
      | Uma[ ]publica[çc][ãa]o[ ](?:compartilhada|partilhada)[ ]por
      | Een[ ]bericht[ ]gedeeld[ ]door
    )(?!\w)
    """,
    re.VERBOSE | re.IGNORECASE,
)
# An article's author byline: "By Ada Example (@ada)" with the article's date below is no
# post, so the dashless form refuses a line that starts with "by" in the languages of the
# dates ("Von der Leyen" is a name, not a byline).  Example: "Par Ada Example (@ada)".
_AUTHOR_LEAD = re.compile(
    r"(?:[Bb]y|[Vv]on(?![ \t]d[ei][rmn][ \t])|[Pp]ar|[Pp]or|[Dd]oor)[ \t\u00a0]"
)
# Spaces on one line, zero-width ones included (a CMS may put one after the handle).
_SPACES = re.compile(r"[ \t\u00a0\u3000\r\u200b\u2060\ufeff]{0,200}")
# From the end of a line to the start of the next non-empty one (at most three blank
# lines between), across a quote prefix.  Example: " \n\n> May 4, 2023".
# Each space run is followed by a character it cannot hold (">" or a line break), so
# nothing backtracks.
_NEXT_LINE = re.compile(
    r"[ \t\u00a0\r]{0,200}\n(?:[ \t\u00a0\r]{0,200}(?:>[ \t\u00a0\r]{0,200})?\n){0,3}"
    r"[ \t\u00a0]{0,200}(?:>[ \t\u00a0]{0,200})?"
)
# A blank line (spaces or a quote mark allowed on it): "\n\n", "\n> \n".
_BLANK_LINE = re.compile(r"\n[ \t\u00a0\r>]{0,200}\n")
# Four digits in a row (any script's decimal digits): the year every date holds.
# Example: "2018" in "25. September 2018", "２０１８" in "２０１８年６月３日".
_YEAR_DIGITS = re.compile(r"\d{4}")
# A date written as a Markdown link: "[March 30, 2022](https://twitter.com/a/status/1)",
# optionally with a title: '[…](url "title")'.
_MD_DATE_LINK = re.compile(
    r"\[(?P<label>[^\[\]\n]{1,120})\]"
    r"\((?P<url>[^\s()<>]{1,2048})(?:[ \t]{1,4}\"[^\"\n]{0,300}\")?\)"
)
# A date left as an HTML anchor: '<a href="https://twitter.com/a/status/1?ref_src=…">March
# 30, 2022</a>' (a converter that kept the embed markup as text).  The tag is matched
# whole first and its href read by _HREF, so no two runs compete for the same text.
_HTML_DATE_LINK = re.compile(
    r"(?P<tag><a\s[^<>]{0,2000}>)(?P<label>[^<>\n]{1,120})</a>",
    re.IGNORECASE,
)
# The href of an anchor tag: 'href="https://t.co/AbCdEf1234"'.
_HREF = re.compile(r"\shref=[\"'](?P<url>[^\"'<>\s]{1,2048})[\"']", re.IGNORECASE)


@attrs.frozen
class AttributionMatch:
    """An attribution found in a text, with where its post text must end."""

    #: The parsed fields; ``span`` covers the dash (or the name) to the date's end.
    attribution: Attribution
    #: Where the post text in front of the attribution ends: the dash, or the name.
    text_end: int
    #: True when the attribution's line carries a Markdown quote prefix (``> —``).
    quoted: bool
    #: Target of a date written as a link, else None.
    date_url: str | None
    #: End of the line on which the attribution ends (after a date on the next line,
    #: that line); the next post's text starts after it.
    line_end: int
    #: How many ``>`` levels the attribution's line is quoted at (0 when not quoted):
    #: the post's lines are those of the same level.
    quote_depth: int = 0


def parse_attribution(line: str) -> Attribution | None:
    """Parse an attribution line such as ``— Name (@handle) March 30, 2022``.

    Returns the name, the handle without ``@``, the date as written and parsed, the
    platform, and the ``span`` of the attribution within ``line``; None when the line
    holds no attribution.  Twitter's grammar is tried first, then Bluesky's (domain
    handles, local times).  A date on the line after the handle is read too.

    >>> a = parse_attribution("— Ada Example (@ada_example) March 30, 2022")
    >>> (a.name, a.handle, a.date_text, a.platform, a.span)
    ('Ada Example', 'ada_example', 'March 30, 2022', 'twitter', (0, 43))
    >>> a.published.isoformat(), a.published_precision
    ('2022-03-30T00:00:00+00:00', 'day')
    >>> parse_attribution("> &mdash; Ada (\\\\@ada) [29\\\\. April 2018](https://x.com/ada/status/1)").date_text
    '29. April 2018'
    >>> parse_attribution("— Bo (@bo.example.com) November 25, 2024 at 12:58 AM").platform
    'bluesky'
    >>> parse_attribution("no attribution here") is None
    True
    """
    if not isinstance(line, str):
        raise TypeError(f"parse_attribution() expects a str, got {type(line).__name__}")
    for dialect in (TWITTER_RESIDUE, BLUESKY_RESIDUE):
        for found in iter_attributions(line, dialect):
            return found.attribution
    return None


def iter_attributions(
    text: str, dialect: ResidueDialect = TWITTER_RESIDUE
) -> Iterator[AttributionMatch]:
    """Yield the attribution lines of ``dialect`` in ``text``, in order, never overlapping.

    >>> [m.attribution.handle for m in iter_attributions("a\\n— A (@a) May 4, 2023\\nb (@b) x")]
    ['a']
    """
    floor = 0
    for candidate in _candidates(dialect.handle).finditer(text):
        if candidate.start() < floor:
            continue
        anchor = _ANCHOR.match(text, candidate.start())
        if anchor is None:  # pragma: no cover - the candidate starts with the anchor
            continue
        found = _attribution_at(text, anchor.start(), anchor.end(), dialect)
        if found is not None:
            floor = found.attribution.span[1] if found.attribution.span else anchor.end()
            yield found


@functools.lru_cache(maxsize=16)
def _candidates(handle: re.Pattern[str]) -> re.Pattern[str]:
    """The whole ``(@handle)`` as one pattern: the scan's prefilter.

    Only an anchor whose handle and closing parenthesis follow, and after them
    something that can start a date (a word character, a Markdown or HTML link) or
    the end of the line, can start an attribution (see :func:`_attribution_at`), so
    the scan visits those alone: megabytes of ``(@``, ``(@a)(@a)`` or ``— (@a) —``
    cost one pass of the pattern instead of one Python step per anchor.  A handle
    holds no ``(``, so no two candidates overlap and the pass stays linear.

    >>> scan = _candidates(TWITTER_RESIDUE.handle)
    >>> [m.group() for m in scan.finditer("(@(@ada) x( @bo )(@c)\\n")]
    ['(@ada)', '(@c)']
    """
    return re.compile(
        f"{_ANCHOR.pattern}(?:{handle.pattern}){_CLOSE.pattern}"
        r"(?=[ \t\u00a0\u3000\r\u200b\u2060\ufeff]{0,200}(?:[\w\n\[<]|\Z))",
        handle.flags,
    )


@attrs.frozen
class _Date:
    text: str
    value: dt.date | dt.datetime
    end: int
    url: str | None


def _attribution_at(
    text: str, paren: int, handle_start: int, dialect: ResidueDialect
) -> AttributionMatch | None:
    handle_match = dialect.handle.match(text, handle_start, min(len(text), handle_start + 260))
    if handle_match is None:
        return None
    close = _CLOSE.match(text, handle_match.end())
    if close is None:
        return None
    handle = handle_match.group().replace("\\", "")
    if not dialect.handle_ok(handle):
        return None
    # What follows the handle must be able to start a date (a digit, a month name, a
    # Markdown or HTML link) or end the line; anything else ("(@a)(@a)", "(@a) — ")
    # is refused before the dash and the name are looked for.
    after = _skip_spaces(text, close.end())
    if after < len(text) and not (text[after].isalnum() or text[after] in "\r\n[<"):
        return None
    # The date next: it decides most candidates, before the dash and the name are
    # looked for.
    date, rejected = _date_after(text, close.end(), dialect)
    if rejected:
        return None
    if date is None and after < len(text) and text[after] != "\n":
        # Without a date, only a line whose handle ends it counts: prose such as
        # "thanks — Ada (@ada) for this" goes on after the handle.
        return None

    # The line holding the anchor, as far as the name window reaches.
    window_start = max(0, paren - _NAME_WINDOW)
    newline = text.rfind("\n", window_start, paren)
    line_start = newline + 1 if newline >= 0 else (0 if window_start == 0 else -1)
    search_from = max(window_start, line_start)
    quoted = False
    quote_depth = 0
    content_start = -1
    if line_start >= 0:
        prefix = _QUOTE_PREFIX.match(text, line_start, paren)
        quoted = prefix is not None
        quote_depth = prefix.group().count(">") if prefix else 0
        content_start = _skip_spaces(text, prefix.end() if prefix else line_start)

    dash = _last_match(_DASH, text, search_from, paren) or _last_match(
        _HYPHEN, text, search_from, paren
    )
    if dash is not None:
        start, name_from = dash.start(), dash.end()
    elif (
        line_start >= 0
        and paren - content_start <= _MAX_BARE_NAME
        and _FOREIGN_LEAD.match(text, content_start, paren) is None
        and _AUTHOR_LEAD.match(text, content_start, paren) is None
    ):
        start = name_from = min(content_start, paren)
    else:
        return None
    if date is None and (dash is None or _is_list_marker(text, dash, content_start)):
        # Without a date, the byline needs its dash; "- " at a line's start is a
        # converter's list item ("- Ada (@ada)" heading a card), not a dash.
        return None
    if date is not None and dash is None and text.find("\n", close.end(), date.end) >= 0:
        # "Name (@handle)" alone on its line with a date below is a card's head (its
        # text follows), not a byline closing the text above.
        return None
    name = _clean_name(text[name_from:paren])
    end = date.end if date else close.end()
    line_end_at = text.find("\n", end, end + _LINE_END_WINDOW)
    line_end = line_end_at if line_end_at >= 0 else min(len(text), end + _LINE_END_WINDOW)
    if line_end_at < 0 and end + _LINE_END_WINDOW < len(text):
        line_end = end
    published, precision = published_utc(date.value if date else None)
    attribution = Attribution(
        name=name,
        handle=handle,
        date_text=date.text if date else None,
        published=published,
        published_precision=precision,
        platform=dialect.platform,
        span=(start, end),
    )
    return AttributionMatch(
        attribution=attribution,
        text_end=start,
        quoted=quoted,
        quote_depth=quote_depth,
        date_url=date.url if date else None,
        line_end=line_end,
    )


def _is_list_marker(text: str, dash: re.Match[str], content_start: int) -> bool:
    """Whether the dash found is an unescaped "-" that starts the line's content."""
    return dash.start() == content_start and text[dash.start() : dash.end()] == "-"


def _skip_spaces(text: str, pos: int) -> int:
    """Return the offset after the spaces (not line breaks) starting at ``pos``."""
    found = _SPACES.match(text, pos)
    return found.end() if found else pos


def _last_match(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> re.Match[str] | None:
    last = None
    for last in pattern.finditer(text, pos, endpos):  # noqa: B007 - keep the last one
        pass
    return last


def _clean_name(raw: str) -> str | None:
    name = _SPACE_RUN.sub(" ", _unescape(raw)).strip(_EDGE_CHARS)
    return name or None


def _date_after(text: str, pos: int, dialect: ResidueDialect) -> tuple[_Date | None, bool]:
    """Read the date after the handle: ``(date, rejected)``.

    ``rejected`` is True when a date is there but belongs to another platform's
    residue (a local clock time for a platform whose embeds print days).
    """
    at = _skip_spaces(text, pos)
    if at >= len(text):
        return None, False
    if text[at] in "\r\n":
        following = _NEXT_LINE.match(text, at)
        if following is None:
            return None, False
        at = following.end()
    date = _date_at(text, at)
    if date is None:
        return None, False
    value = date.value
    if not dialect.local_times and isinstance(value, dt.datetime) and value.tzinfo is None:
        return None, True
    return date, False


def _date_at(text: str, at: int) -> _Date | None:
    if at >= len(text):
        return None
    first = text[at]
    if first == "[":
        link = _MD_DATE_LINK.match(text, at)
        if link is None:
            return None
        return _linked_date(link.group("label"), link.group("url"), link.end())
    if first == "<":
        anchor = _HTML_DATE_LINK.match(text, at)
        href = _HREF.search(anchor.group("tag")) if anchor else None
        if anchor is None or href is None:
            return None
        return _linked_date(anchor.group("label"), html.unescape(href.group("url")), anchor.end())
    if not first.isalnum():
        # Every date form starts with a digit or a month name; this spares the date
        # reader a call for each of a hostile text's "(@a)".
        return None
    window = text[at : at + _DATE_WINDOW]
    blank = _BLANK_LINE.search(window)
    if blank is not None:
        # A date never runs across a blank line: "August 5, 2024\n\n20:19" is a day,
        # and the time starts the next block of the page.
        window = window[: blank.start()]
    if "&" not in window and _YEAR_DIGITS.search(window) is None:
        # Every date has a four-digit year (an entity could spell one, so only a
        # window without "&" is skipped unread).
        return None
    clean, ends = _unescape_mapped(window)
    found = match_date(clean)
    if found is None or found.start != 0:
        return None
    raw_end = at + ends[found.end]
    # One line, as the embed showed it: a hard-wrapped "7 июля 2016\nг." reads as
    # "7 июля 2016 г.".
    shown = _SPACE_RUN.sub(" ", clean[: found.end]).strip()
    return _Date(text=shown, value=found.value, end=raw_end, url=None)


def _linked_date(label: str, url: str, end: int) -> _Date | None:
    clean = _SPACE_RUN.sub(" ", _unescape(label)).strip()
    found = match_date(clean)
    if found is None or found.start != 0:
        return None
    return _Date(text=clean[: found.end].strip(), value=found.value, end=end, url=url)
