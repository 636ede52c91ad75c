"""Plain-text residue of embedded posts: attribution lines and the post text they close.

When an HTML-to-text converter (trafilatura, html2text, BeautifulSoup's
``get_text``, a CMS export) flattens an embedded post, what survives is the post's
text followed by its *attribution line*::

    Hello there, this is the post https://t.co/AbCdEf1234
    — Ada Example (@ada_example) March 30, 2022

>>> posts = list(find_posts("Hello there https://t.co/AbCdEf1234\\n"
...                         "— Ada Example (@ada_example) March 30, 2022"))
>>> p = posts[0]
>>> (p.author.name, p.author.handle, p.published, p.text, [link.url for link in p.links])
('Ada Example', 'ada_example', datetime.date(2022, 3, 30), 'Hello there https://t.co/AbCdEf1234', ['https://t.co/AbCdEf1234'])

**Attribution grammar.**  The scan never runs a pattern over the whole text: it
finds each ``(@`` anchor (also ``( @``, Markdown's ``(\\@`` and the full-width
``(＠``), matches the handle right after it, and only then looks a bounded
distance left for the dash and right for the date.  Every step is bounded, so
megabytes of ``(@``, ``— `` or ``@@@@`` cost linear time.

* the dash is the **last** one before ``(@`` on that line (a post's own text may
  hold dashes): ``—``, ``–``, ``―``, their HTML entities, ``--``, or a lone ``-``
  between spaces; with no dash at all the line must start with the name and the
  date is required;
* the name runs from the dash to ``(``; it may be empty, hold parentheses, emoji,
  commas or right-to-left text; entities and Markdown escapes are decoded;
* the date follows the handle on the same line or starts the next non-empty line;
  it may be a Markdown link ``[March 30, 2022](https://twitter.com/…/status/…)`` or
  an ``<a href>`` left as markup, whose target gives the post id; it may run
  straight into the next sentence (``December 30, 2017In the…``) and site wrappers
  may follow it (``Report End of Twitter post by @…``).  Dates are read by
  :func:`tweetresolve.dates.match_date` in every language it knows, after Markdown
  escapes (``29\\. April 2018``) and entities are undone.  A dash line whose handle
  ends the line may have no date at all.

**Platforms.**  The grammar is shared; a :class:`ResidueDialect` says what a
handle looks like and which dates the platform prints.  :data:`TWITTER_RESIDUE`
takes ``[A-Za-z0-9_]{1,20}`` handles and refuses dates that carry a clock time
without a zone, so it never claims a Bluesky line such as
``— Name (@name.bsky.social) November 25, 2024 at 12:58 AM`` (the dotted handle
alone already fails the Twitter handle rule).  :data:`BLUESKY_RESIDUE` takes domain
handles and local times and drops the ``[image or embed]`` marker line.  Another
platform module builds its posts with :func:`find_posts` and its own dialect, or
with :func:`iter_attributions` and :func:`post_block` when it needs more control.

**Post text.**  The block that the attribution closes: the text before the dash on
the same line, and the lines above it.  A Markdown-quoted attribution
(``> — Name (@h) …``) takes exactly the contiguous ``>`` lines above it.  Otherwise
the line right above the attribution (or the text before the dash on its line) is
post text, and further lines are added upward while

* the block stays within the size of a post (weighted as the platform counts
  characters: URLs 23, CJK and emoji 2, media links 0);
* each added line shows it belongs to the post (:func:`_may_join`): its sentence
  goes on below (the raw line ends in a space where a link was split off), or it
  is short (at most 180) and has a post's marks (hashtag, mention, link, emoji,
  pipe, list bullet) or an end that is no sentence end (``?``, ``!``, a closing
  quote, none).  A line ending in ``.`` is an article sentence; one ending in
  ``:`` an article's "she wrote:", unless it heads a list of the post;
* when a line above a blank line refuses to join in mid-sentence, the lines of its
  paragraph joined so far go too (an article paragraph cut into fragments);
* no heading, rule, line that is only a non-``t.co`` URL, change of quoting or end
  of the previous attribution comes first.

So the article paragraph above a post is left out, while a post with several short
lines or paragraphs stays whole.  The price: a post whose upper lines are plain
sentences ending in ``.`` loses them (its last line is still found).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from collections.abc import Callable, Iterator

import attrs

from tweetresolve.dates import match_date
from tweetresolve.idtime import bluesky_time, tweet_time
from tweetresolve.records import Attribution, Author, Link, Post, PostRef

__all__ = [
    "BLUESKY_RESIDUE",
    "TWITTER_RESIDUE",
    "AttributionMatch",
    "ResidueDialect",
    "TextBlock",
    "find_posts",
    "iter_attributions",
    "parse_attribution",
    "post_block",
]

# --- limits (each keeps one step of the scan bounded) -------------------------------

#: How far left of ``(@`` the dash and the name may start.  Display names are at most
#: 50 characters; entities (``&#x30CB;``) and spacing make the raw text longer.
_NAME_WINDOW = 160
#: Longest name accepted when the line has no dash and starts with the name: display
#: names hold at most 50 characters, plus the "さん" the 2012 Japanese widget added.
_MAX_BARE_NAME = 52
#: How much text after the handle is handed to the date reader.
_DATE_WINDOW = 160
#: How far above the attribution the post text is looked for (raw characters).
_BLOCK_WINDOW = 6000
#: Weighted size of a post: 280 plus room for a truncated long post's "…" and link.
_POST_BUDGET = 320
#: A quoted block is marked by its ``>`` prefixes, so only a generous cap applies.
_QUOTED_CAP = 1500
#: A single line longer than this (weighted) is cut to its tail: it is an article
#: paragraph that the converter glued to the post.
_LINE_CAP = 600
#: Heaviest line that may join above a line of post text.  A post's lines above its
#: last are short (at most 177 in the labelled corpus); an article paragraph right
#: above a post is usually longer.
_UPPER_LINE_MAX = 180
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
# Twitter handle: twitter-text's mention rule, 1-20 of [A-Za-z0-9_]; Markdown may
# escape the underscore ("ada\_example").  Example: "HuXijin_GT".
_TWITTER_HANDLE = re.compile(r"(?:[A-Za-z0-9_]|\\_){1,20}")
# Bluesky handle: a domain name (labels of letters, digits, hyphens; at least one dot).
# Example: "emily.bsky.social".  Labels are checked in code, not by nesting here.
_DOMAIN_HANDLE = re.compile(r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}")
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
# A Markdown quote prefix: "> " (html2text writes one per line inside <blockquote>).
_QUOTE_PREFIX = re.compile(r"[ \t]{0,3}>[ \t]?")
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
# Markdown backslash escapes of ASCII punctuation ("29\. April", "\#tag", "\_"), and
# HTML character references that end in ";" ("&amp;", "&#8212;", "&#x30CB;").  Bare
# "&para" is left alone: tweets hold URLs with "&para=1".
_ESCAPE = re.compile(
    r"\\(?P<punct>[!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])"
    r"|(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)"
)
#: What is stripped from the edges of a line or a name: white space and the invisible
#: format characters a CMS or a right-to-left name leaves there (zero-width space, joiners,
#: direction marks and embeddings, word joiner, byte-order mark).  ``str.strip`` with
#: these characters stays linear, where a regex anchored at the end would not.
_EDGE_CHARS = "".join(chr(code) for code in range(0x3001) if chr(code).isspace()) + (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"
)
# Spaces a browser shows as one: no-break and thin spaces inside a name.
_SPACE_RUN = re.compile(r"[\s\u00a0\u2009\u200a\u202f\u3000]+")
# Links inside a post's text, tried in this order at each position:
#   [shown text](url "title")        Markdown (html2text)
#   <https://t.co/AbCdEf1234>         Markdown autolink
#   https://t.co/AbCdEf1234           a t.co link: its code is letters and digits, so
#                                     "https://t.co/AbCdEf1234#tag" ends before "#"
#   https://example.com/page          any other URL
#   pic.twitter.com/AbCdEf1234        the media link as embeds show it, even glued
#                                     to a hashtag ("#tagpic.twitter.com/…")
#   <a href="https://t.co/…">shown</a>  embed markup a converter left as text
#   <p lang="en">, </blockquote>      other tags of that markup, dropped; only the tag
#                                     names of embed snippets, so a post's own
#                                     '"<noun>.js"' stays
_LINKISH = re.compile(
    r"""
    \[(?P<md_text>[^\[\]\n]{0,500})\]\((?P<md_url>[^\s()<>]{1,2048})(?:[ \t]{1,4}"[^"\n]{0,500}")?\)
    | (?P<a_tag><a\s[^<>]{0,2000}>)(?P<a_text>[^<>\n]{0,500})</a>
    | (?P<tag></?(?:a|p|br|blockquote|span|div|b|i|em|strong|noscript|noframe|figure|figcaption)
        (?:\s[^<>\n]{0,1000})?/?>)
    | <(?P<auto>https?://[^\s<>]{1,2048})>
    | (?P<tco>https?://t\.co/[A-Za-z0-9]{1,32})
    | (?P<url>https?://[^\s<>"'\[\]]{1,2048})
    | (?P<pic>(?:pic\.twitter\.com|pic\.x\.com)/[A-Za-z0-9]{1,32})
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Punctuation that ends a sentence rather than a bare URL: "see https://a.example/x."
_URL_TRAILING = ".,;:!?…\"'»”’"
# A Markdown heading, which ends a block: "## Reactions".  (Rules such as "* * *" and
# setext underlines "====" are recognised in code.)
_HEADING = re.compile(r"#{1,6}[ \t]")
_RULE_CHARS = frozenset("*_=-")
# Marks of a post's text that article prose rarely has: a hashtag or cashtag, a
# mention, a pipe ("#Tag | Title"), an emoji or pictograph, or a list bullet at the
# start ("・", "•", "- ", "(1)", "2.").  Example: "Wie lustig #Palmer wäre."
_POST_MARKS = re.compile(
    r"(?:^|[^\w&])[#＃$][^\W\d_]|(?:^|[^\w])[@＠]\w|\|"
    r"|[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
    r"|^(?:[・•·▪►→✓✔📌]|- |\(?\d{1,2}[).] )"
)
# A list item of a post: a bullet or an emoji at the start: "・item", "• item",
# "(1) item", "✈️ item".
_BULLET = re.compile(r"[・•·▪►→✓✔\u2600-\u27bf\U0001f000-\U0001faff]|- |\(?\d{1,2}[).] ")
# The end of a sentence at the end of a line: "ended.", "why?“", "list:".
_SENTENCE_CLOSE = re.compile(r"[.!?…。！？:：][\"'”’»)\]]{0,2}[ \t]*$")
# Several spaces inside a line: where a converter joined two blocks.
_BLOCK_GAP = re.compile(r"[ \t\u00a0]{2,40}")
# A sentence end inside an over-long line, where its tail may start:
# "…the paragraph ends. The post starts".
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]{0,2}[ \t\u00a0]{1,8}")


# --- dialects -------------------------------------------------------------------------


def _any_handle(handle: str) -> bool:
    return True


def _is_domain(handle: str) -> bool:
    """Return True for a plausible domain handle ("ada.bsky.social")."""
    labels = handle.split(".")
    if not labels[-1].isalpha() or len(handle) > 253:
        return False
    return all(label and label[0] != "-" and label[-1] != "-" for label in labels)


@attrs.frozen
class ResidueDialect:
    """How one platform's attribution residue differs from the shared grammar."""

    #: Platform name given to the posts and attributions found.
    platform: str
    #: Matched right after the at-sign; ``)`` (after optional spaces) must follow.
    handle: re.Pattern[str]
    #: Further check of a matched handle.
    handle_ok: Callable[[str], bool] = _any_handle
    #: Whether a date with a clock time but no zone belongs to this platform
    #: (Bluesky prints the creator's local time; Twitter embeds print a day).
    local_times: bool = False
    #: Lines of the block that are markers, not post text (``[image or embed]``).
    drop_lines: frozenset[str] = frozenset()
    #: Creation time from a post id, where the platform encodes it.
    time_of: Callable[[str], dt.datetime | None] | None = None


#: Twitter / X: ``— Name (@handle) March 30, 2022``.
TWITTER_RESIDUE = ResidueDialect(platform="twitter", handle=_TWITTER_HANDLE, time_of=tweet_time)

#: Bluesky: ``— Name (@name.bsky.social) November 25, 2024 at 12:58 AM``.
BLUESKY_RESIDUE = ResidueDialect(
    platform="bluesky",
    handle=_DOMAIN_HANDLE,
    handle_ok=_is_domain,
    local_times=True,
    drop_lines=frozenset({"[image or embed]"}),
    time_of=bluesky_time,
)


# --- attribution lines -----------------------------------------------------------------


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


def parse_attribution(line: str) -> Attribution | None:
    """Parse an attribution line such as ``— Name (@handle) March 30, 2022``.

    Returns the name, the handle without ``@``, the date as written and parsed, the
    platform, and the ``span`` of the attribution within ``line``; None when the line
    holds no attribution.  Twitter's grammar is tried first, then Bluesky's (domain
    handles, local times).  A date on the line after the handle is read too.

    >>> a = parse_attribution("— Ada Example (@ada_example) March 30, 2022")
    >>> (a.name, a.handle, a.date_text, a.published, a.platform, a.span)
    ('Ada Example', 'ada_example', 'March 30, 2022', datetime.date(2022, 3, 30), 'twitter', (0, 43))
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

    >>> [m.group() for m in _candidates(_TWITTER_HANDLE).finditer("(@(@ada) x( @bo )(@c)\\n")]
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
    content_start = -1
    if line_start >= 0:
        prefix = _QUOTE_PREFIX.match(text, line_start, paren)
        quoted = prefix is not None
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
    ):
        start = name_from = min(content_start, paren)
    else:
        return None
    if date is None and dash is None:
        return None  # without a date, the byline needs its dash
    name = _clean_name(text[name_from:paren])
    end = date.end if date else close.end()
    line_end_at = text.find("\n", end, end + _LINE_END_WINDOW)
    line_end = line_end_at if line_end_at >= 0 else min(len(text), end + _LINE_END_WINDOW)
    if line_end_at < 0 and end + _LINE_END_WINDOW < len(text):
        line_end = end
    attribution = Attribution(
        name=name,
        handle=handle,
        date_text=date.text if date else None,
        published=date.value if date else None,
        platform=dialect.platform,
        span=(start, end),
    )
    return AttributionMatch(
        attribution=attribution,
        text_end=start,
        quoted=quoted,
        date_url=date.url if date else None,
        line_end=line_end,
    )


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


def _unescape(text: str) -> str:
    """Undo Markdown backslash escapes and HTML character references.

    >>> _unescape("29\\\\. April &amp; more")
    '29. April & more'
    """
    return _ESCAPE.sub(_replace_escape, text) if ("\\" in text or "&" in text) else text


def _replace_escape(match: re.Match[str]) -> str:
    punct = match.group("punct")
    if punct is not None:
        return punct
    entity = match.group()
    decoded = html.unescape(entity)
    return entity if decoded == entity else decoded


def _unescape_mapped(text: str) -> tuple[str, list[int]]:
    """Unescape ``text``; also return ``ends``, where ``ends[i]`` is the offset in
    ``text`` just past the source of the result's first ``i`` characters.

    >>> _unescape_mapped(r"29\\. May")
    ('29. May', [0, 1, 2, 4, 5, 6, 7, 8])
    """
    parts: list[str] = []
    ends = [0]
    last = 0
    for match in _ESCAPE.finditer(text):
        parts.append(text[last : match.start()])
        ends.extend(range(last + 1, match.start() + 1))
        replacement = _replace_escape(match)
        parts.append(replacement)
        ends.extend([match.end()] * len(replacement))
        last = match.end()
    parts.append(text[last:])
    ends.extend(range(last + 1, len(text) + 1))
    return "".join(parts).replace("\u00a0", " "), ends


# --- post text -------------------------------------------------------------------------


@attrs.frozen
class TextBlock:
    """The post text an attribution closes, cleaned, with its links and raw offsets."""

    #: Offset of the block's first character in the text (== ``end`` when empty).
    start: int
    #: Offset just past the block's last character.
    end: int
    #: The cleaned text (quote prefixes, Markdown link syntax and escapes removed;
    #: lines kept), or None when no text precedes the attribution.
    text: str | None
    links: tuple[Link, ...] = ()
    #: A URL standing alone on the line that ended the block upward (blank lines
    #: between allowed): often the post's own permalink, left by the CMS.
    link_above: str | None = None


@attrs.frozen
class _Line:
    start: int
    content_start: int
    end: int
    quoted: bool
    text: str
    links: tuple[Link, ...]
    weight: int
    blank: bool
    boundary: bool
    #: The raw line ends in a space: an inline element (a link) was split off onto
    #: the next line, as BeautifulSoup's ``get_text("\\n")`` does, so the sentence
    #: goes on below.
    continues: bool = False


def post_block(
    text: str,
    found: AttributionMatch,
    *,
    floor: int = 0,
    drop_lines: frozenset[str] = frozenset(),
) -> TextBlock:
    """Return the text block that the attribution ``found`` closes.

    ``floor`` is where the search must stop (the end of the previous attribution's
    line); lines equal to one of ``drop_lines`` are left out of the text.

    >>> article = "An article paragraph, long enough to be no post. " * 8
    >>> doc = article + "\\n\\nHi there\\n\\nSecond paragraph\\n— Ada (@ada) May 4, 2023"
    >>> block = post_block(doc, next(iter_attributions(doc)))
    >>> block.text
    'Hi there\\n\\nSecond paragraph'
    >>> doc[block.start:block.end] == block.text
    True
    """
    hi = found.text_end
    lo = max(0, floor, hi - _BLOCK_WINDOW)
    lines = _Lines(text, lo, hi)
    # The window may start inside a line; that line is known only in part.
    truncated_first = lo > 0 and lo != floor and text[lo - 1] != "\n"
    chosen: list[_Line] = []
    # Lines of a paragraph above a blank line, kept only if the paragraph joins whole
    # or the line that refused to join ends a sentence (see _refusal_keeps).
    pending: list[_Line] = []
    above_gap = False
    total = 0
    index = len(lines) - 1
    while index >= 0:
        line = lines[index]
        cut = index == 0 and truncated_first
        if line.quoted != found.quoted:
            break
        if line.blank:
            chosen.extend(pending)
            pending = []
            if chosen:
                above_gap = True
                chosen.append(line)
            index -= 1
            continue
        if line.boundary:
            break
        if found.quoted:
            # The quote prefixes mark the block; only a generous cap applies.
            if cut or (chosen and total + line.weight > _QUOTED_CAP):
                break
        elif not chosen:
            # The line right above the attribution is post text, cut if over-long.
            if cut or line.weight > _LINE_CAP:
                chosen.append(_tail(text, line))
                break
        elif cut or total + line.weight > _POST_BUDGET or not _may_join(line, [*chosen, *pending]):
            if not _refusal_keeps(line):
                pending = []
            break
        (pending if above_gap else chosen).append(line)
        total += line.weight + 1
        index -= 1
    chosen.extend(pending)
    block = _assemble(chosen[::-1], hi, drop_lines)
    # A CMS often leaves the embedded post's URL on its own line above the embed.
    while index >= 0 and lines[index].blank:
        index -= 1
    if index >= 0 and _is_lone_link(lines[index].text, lines[index].links):
        block = attrs.evolve(block, link_above=lines[index].links[0].url)
    return block


def _may_join(line: _Line, below: list[_Line]) -> bool:
    """Whether a line above a line of post text is more of the post, not the article.

    Both look alike, so the line must show it: its sentence goes on below (the raw
    line ends in a space where a link was split off), or it is short (an article
    paragraph seldom is) and has marks that posts have and articles rarely do (a
    hashtag, a mention, a link, an emoji, a pipe, a list bullet) or an end that is
    no sentence end.  A line ending in a colon is an article's "she wrote:", unless
    two or more list items of the post follow it right away: then it heads the
    post's list.

    >>> def read(*texts): return [_make_line(t, 0, len(t)) for t in texts]
    >>> _may_join(*read("He celebrated the decision online."), read("Yes!"))
    False
    >>> _may_join(*read("Wie lustig #Palmer wäre."), read("Yes!"))
    True
    >>> _may_join(*read("Steps to follow:"), read("(1) one", "(2) two"))
    True
    >>> _may_join(*read("He wrote on Twitter:"), read("Yes!", "Yes again!"))
    False
    """
    if line.continues:
        return True
    if line.weight > _UPPER_LINE_MAX:
        return False
    if _heads_a_list(below):
        return True
    if line.links or _POST_MARKS.search(line.text):
        return True
    ending = line.text.rstrip()
    if len(ending) <= 2:
        # A scrap such as "." left where an inline link split the line.
        return True
    if ending.endswith((":", "：")):
        return False
    return not (ending.endswith("。") or (ending.endswith(".") and not ending.endswith("..")))


def _heads_a_list(below: list[_Line]) -> bool:
    """Whether the lines right below (nearest last) start with two list items."""
    items = 0
    for other in reversed(below):
        if other.blank:
            continue
        if not _BULLET.match(other.text):
            break
        items += 1
    return items >= 2


def _refusal_keeps(line: _Line) -> bool:
    """Whether lines joined below ``line`` stay when ``line`` itself may not join.

    They do when ``line`` ends a sentence: it is the article's, and the lines below
    start after it.  Otherwise the refusal split a sentence, which happens inside an
    article paragraph cut into fragments (BeautifulSoup puts each link on a line of
    its own), so the fragments below go too.

    >>> [_refusal_keeps(_make_line(t, 0, len(t))) for t in ("It ended.", "and then")]
    [True, False]
    """
    return bool(_SENTENCE_CLOSE.search(line.text))


class _Lines:
    """The lines of ``text[lo:hi]``, each read (cleaned, weighed) only when first used.

    The walk up from an attribution usually stops after a few lines of its window.
    """

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self._text = text
        self._bounds: list[tuple[int, int]] = []
        self._read: dict[int, _Line] = {}
        start = lo
        while start <= hi:
            newline = text.find("\n", start, hi)
            end = hi if newline < 0 else newline
            self._bounds.append((start, end))
            if newline < 0:
                break
            start = newline + 1

    def __len__(self) -> int:
        return len(self._bounds)

    def __getitem__(self, index: int) -> _Line:
        line = self._read.get(index)
        if line is None:
            line = self._read[index] = _make_line(self._text, *self._bounds[index])
        return line


def _make_line(text: str, start: int, end: int) -> _Line:
    prefix = _QUOTE_PREFIX.match(text, start, end)
    content = prefix.end() if prefix else start
    raw = text[content:end]
    stripped = raw.strip(_EDGE_CHARS)
    content_start = content + (len(raw) - len(raw.lstrip(_EDGE_CHARS)))
    if not stripped:
        return _Line(start, content_start, end, prefix is not None, "", (), 0, True, False)
    clean, links, weight = _clean_line(stripped)
    boundary = _is_boundary(stripped) or _is_lone_link(stripped, links)
    quoted = prefix is not None
    continues = raw.rstrip("\r")[-1:] in {" ", "\t", "\u00a0"}
    return _Line(
        start, content_start, end, quoted, clean, links, weight, False, boundary, continues
    )


def _is_boundary(stripped: str) -> bool:
    """A heading or a rule: "## Reactions", "* * *", "----", "====".

    >>> [_is_boundary(s) for s in ("## Reactions", "* * *", "====", "#tag", "-- x")]
    [True, True, True, False, False]
    """
    if _HEADING.match(stripped):
        return True
    marks = stripped.replace(" ", "")
    return len(marks) >= 3 and set(marks) <= _RULE_CHARS


def _is_lone_link(stripped: str, links: tuple[Link, ...]) -> bool:
    """A line that is only a full URL off ``t.co``: the article's link, not post text."""
    if len(links) != 1 or " " in stripped:
        return False
    url = links[0].url
    return links[0].text is None and not url.lower().split("//", 1)[-1].startswith("t.co/")


def _tail(text: str, line: _Line) -> _Line:
    """Cut an over-long line to the tail that fits a post.

    The tail starts after the last run of several spaces (converters join blocks
    with them: "…the paragraph ends.    Post text — Name (@h)"), else at the first
    sentence start that leaves at most a post's length, else at a word start.
    """
    limit = line.end - _POST_BUDGET
    cut = line.content_start
    if limit > line.content_start:
        content_end = line.content_start + len(text[line.content_start : line.end].rstrip())
        gap = _last_match(_BLOCK_GAP, text, limit, content_end)
        if gap is not None:
            cut = gap.end()
        else:
            cut = limit
            for sentence in _SENTENCE_END.finditer(text, limit - 8, content_end):
                if sentence.end() >= limit:
                    cut = sentence.end()
                    break
            else:
                space = text.find(" ", limit, content_end)
                cut = space + 1 if space >= 0 else limit
    raw = text[cut : line.end]
    stripped = raw.strip(_EDGE_CHARS)
    if not stripped:
        return attrs.evolve(line, text="", links=(), weight=0, blank=True)
    clean, links, weight = _clean_line(stripped)
    content_start = cut + len(raw) - len(raw.lstrip(_EDGE_CHARS))
    return attrs.evolve(line, content_start=content_start, text=clean, links=links, weight=weight)


def _clean_line(raw: str) -> tuple[str, tuple[Link, ...], int]:
    """Turn one line of residue into post text, its links and its weighted length.

    >>> text, links, weight = _clean_line(
    ...     "Hi [@ada](https://twitter.com/ada) [pic.twitter.com/Ab1](https://t.co/Ab1)"
    ... )
    >>> text, [(link.url, link.text) for link in links], weight
    ('Hi @ada pic.twitter.com/Ab1', [('https://t.co/Ab1', 'pic.twitter.com/Ab1')], 8)
    """
    parts: list[str] = []
    links: list[Link] = []
    weight = 0
    last = 0
    for match in _LINKISH.finditer(raw):
        plain = _unescape(raw[last : match.start()])
        shown, link, link_weight = _link_of(match)
        # A bare URL gives its trailing punctuation back to the sentence.
        tail = raw[match.start() + len(shown) : match.end()] if match.group("url") else ""
        parts += [plain, shown, tail]
        weight += _weigh(plain) + link_weight + len(tail)
        if link is not None:
            links.append(link)
        last = match.end()
    plain = _unescape(raw[last:])
    parts.append(plain)
    weight += _weigh(plain)
    return "".join(parts), tuple(links), weight


def _link_of(match: re.Match[str]) -> tuple[str, Link | None, int]:
    """Return (text shown, the Link or None, weighted length) for one link token."""
    if match.group("md_url") is not None:
        shown = _SPACE_RUN.sub(" ", _unescape(match.group("md_text"))).strip()
        url = match.group("md_url")
        if shown[:1] in {"@", "#", "$", "＠", "＃"} and _is_platform_page(url):
            # A linked mention or hashtag: an entity of the text, not a link in it.
            return shown, None, _weigh(shown)
        if _is_media_text(shown):
            return shown, Link(url=url, text=shown), 0
        return shown, Link(url=url, text=shown or None), 23
    if match.group("a_tag") is not None:
        shown = _SPACE_RUN.sub(" ", _unescape(match.group("a_text"))).strip()
        href = _HREF.search(match.group("a_tag"))
        if href is None:
            return shown, None, _weigh(shown)
        url = html.unescape(href.group("url"))
        if shown[:1] in {"@", "#", "$", "＠", "＃"} and _is_platform_page(url):
            return shown, None, _weigh(shown)
        if _is_media_text(shown):
            return shown, Link(url=url, text=shown), 0
        return shown, Link(url=url, text=None if shown == url else shown or None), 23
    if match.group("tag") is not None:
        return "", None, 0
    if match.group("auto") is not None:
        url = match.group("auto")
        return url, Link(url=url), 23
    if match.group("tco") is not None:
        url = match.group("tco")
        return url, Link(url=url), 23
    if match.group("url") is not None:
        url = _trim_url(match.group("url"))
        return url, Link(url=url), 23
    shown = match.group("pic")
    return shown, Link(url="https://" + shown, text=shown), 0


def _trim_url(url: str) -> str:
    trimmed = url.rstrip(_URL_TRAILING)
    if trimmed.endswith(")") and trimmed.count(")") > trimmed.count("("):
        trimmed = trimmed[:-1].rstrip(_URL_TRAILING)
    return trimmed or url


def _is_platform_page(url: str) -> bool:
    host = url.lower().split("//", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.").removeprefix("mobile.") in {
        "twitter.com",
        "x.com",
        "bsky.app",
        "instagram.com",
        "facebook.com",
        "threads.net",
    }


def _is_media_text(shown: str) -> bool:
    lowered = shown.lower()
    return lowered.startswith(("pic.twitter.com/", "pic.x.com/"))


def _weigh(text: str) -> int:
    """Weighted length as twitter-text counts it: most scripts 1, CJK and emoji 2."""
    weight = 0
    for char in text:
        code = ord(char)
        if code <= 4351 or 8192 <= code <= 8205 or 8208 <= code <= 8223 or 8242 <= code <= 8247:
            weight += 1
        else:
            weight += 2
    return weight


def _assemble(lines: list[_Line], hi: int, drop_lines: frozenset[str]) -> TextBlock:
    kept = [line for line in lines if not line.blank]
    if not kept:
        return TextBlock(start=hi, end=hi, text=None)
    pieces: list[str] = []
    links: list[Link] = []
    blank_before = False
    for line in lines:
        if line.blank:
            blank_before = bool(pieces)
            continue
        text = line.text.strip(_EDGE_CHARS)
        if text in drop_lines:
            continue
        if pieces:
            pieces.append("\n\n" if blank_before else "\n")
        pieces.append(text)
        links.extend(line.links)
        blank_before = False
    body = "".join(pieces)
    return TextBlock(
        start=kept[0].content_start,
        end=kept[-1].end,
        text=body or None,
        links=tuple(_unique(links)),
    )


def _unique(links: list[Link]) -> list[Link]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for link in links:
        key = (link.url, link.text)
        if key not in seen:
            seen.add(key)
            out.append(link)
    return out


# --- posts -------------------------------------------------------------------------------


def find_posts(text: str, dialect: ResidueDialect = TWITTER_RESIDUE) -> Iterator[Post]:
    """Yield one :class:`~tweetresolve.Post` (``form="text"``) per attribution in ``text``.

    The post id comes from a date written as a link, else from a link in the block
    to the author's own post (``…/status/ID/photo/1``), else from the author's post
    URL alone on the line above the block; another post linked from the block
    becomes ``quoted``.
    """
    line_end = previous_end = 0
    for found in iter_attributions(text, dialect):
        # The text starts after the previous attribution's line, or right after the
        # attribution itself when both share one line.
        floor = line_end if line_end <= found.text_end else previous_end
        block = post_block(text, found, floor=floor, drop_lines=dialect.drop_lines)
        line_end = found.line_end
        previous_end = found.attribution.span[1] if found.attribution.span else found.text_end
        yield _post(found, block, dialect)


def _post(found: AttributionMatch, block: TextBlock, dialect: ResidueDialect) -> Post:
    from tweetresolve.urls import parse_post_url  # noqa: PLC0415 - the registry imports us

    attribution = found.attribution
    own: PostRef | None = None
    quoted: PostRef | None = None
    if found.date_url:
        ref = parse_post_url(found.date_url)
        if ref is not None and ref.platform == dialect.platform and ref.post_id:
            own = ref
    handle = (attribution.handle or "").lower()
    for link in block.links:
        ref = parse_post_url(link.url)
        if ref is None or ref.platform != dialect.platform or not ref.post_id:
            continue
        if own is None and ref.handle and ref.handle.lower() == handle:
            own = ref
        elif quoted is None and (own is None or ref.post_id != own.post_id):
            quoted = ref
    if own is None and block.link_above:
        ref = parse_post_url(block.link_above)
        if (
            ref is not None
            and ref.platform == dialect.platform
            and ref.post_id
            and ref.handle
            and ref.handle.lower() == handle
        ):
            own = ref
    post_id = own.post_id if own else None
    created_at = dialect.time_of(post_id) if post_id and dialect.time_of else None
    span_start = min(block.start, attribution.span[0]) if attribution.span else block.start
    span_end = attribution.span[1] if attribution.span else block.end
    return Post(
        platform=dialect.platform,
        post_id=post_id,
        url=own.url if own else None,
        author=Author(name=attribution.name, handle=attribution.handle),
        text=block.text,
        lang=None,
        date_text=attribution.date_text,
        published=attribution.published,
        created_at=created_at,
        links=block.links,
        form="text",
        span=(span_start, span_end),
        quoted=quoted,
    )
