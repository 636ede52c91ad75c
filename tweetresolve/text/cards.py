"""What converters leave of a site-made post card: name, ``@handle``, text and date, each on a line.

A card that a site draws itself (a newsletter's or a live blog's tweet card) has no
``— Name (@handle) Date`` byline.  Flattened to text it reads::

    Ada Example
    @ada_example
    Nine to four! See you on the late boat
    05:38 PM - 07 Jun 2019
    Reply Retweet Like

with the date right under the handle in some designs, and the name and handle on
one line in others (Markdown turns each into a link).  The anchor is a line that is
only an ``@handle`` (after an optional name); a date line must follow within a few
lines, so a bare ``@handle`` in prose is never a post.  Lines of buttons and counts
("Reply", "Retweet", "Like", "12", "·") are dropped.

>>> from tweetresolve.text.dialects import TWITTER_RESIDUE
>>> [post] = find_card_posts("Ada Example\\n@ada_example\\nLate boat!\\n5:38 PM · Jun 7, 2019",
...                          TWITTER_RESIDUE)
>>> post.author.name, post.author.handle, post.text, post.date_text
('Ada Example', 'ada_example', 'Late boat!', '5:38 PM · Jun 7, 2019')
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterator

import attrs

from tweetresolve.dates import match_date
from tweetresolve.records import Attribution, Link, Post, PostRef, published_utc
from tweetresolve.text.attribution import AttributionMatch
from tweetresolve.text.blocks import _POST_MARKS, _SENTENCE_CLOSE, TextBlock, post_block
from tweetresolve.text.card_platform import handle_platform, platform_of_url, view_line_platform
from tweetresolve.text.dialects import ResidueDialect
from tweetresolve.text.links import _unique
from tweetresolve.text.posts import _post, find_posts
from tweetresolve.text.residue_lines import (
    _HANDLE_LINE,
    _Date,
    _Head,
    _is_action_line,
    _Line,
    _Reader,
)

#: A line holding an at-sign: the only lines where a card can start.  Example: "@ada".
_AT_LINE = re.compile(r"^[^\n]{0,200}[@＠][^\n]{0,200}$", re.MULTILINE)
#: Dashes that open a byline: "— Ada Example @ada June 7, 2019".
_DASHES = "—–―"
#: Marks and brackets after a display name: "Ada Example ✓ (".
_NAME_TAIL = " \t\u00a0(（✓✔☑️·•|-–—"
#: An author's byline above a handle is an article's, not a card's: "By Ada Example".
_AUTHOR_LEAD = re.compile(r"(?:by|von|par|por|di|door)[ \t\u00a0]", re.IGNORECASE)
#: A line that is only a person's name: two to four capitalised words ("Ada O'Example").
#: As a card's whole text it is an author box ("Name / @handle / Co-author / Date").
_PERSON_NAME = re.compile(r"(?:[A-ZÀ-Þ][\w'’.-]{0,30}[ \t\u00a0]){1,3}[A-ZÀ-Þ][\w'’.-]{0,30}")
#: Lines below the handle in which the date must come.
_MAX_CARD_LINES = 14
#: Lines after a card's last line in which a "View on …" line is looked for.
_VIEW_LOOKAHEAD = 3
#: Heaviest card text (a post of 280, a quoted post's link, room for a media link).
_TEXT_BUDGET = 320


def find_card_posts(
    text: str,
    dialect: ResidueDialect,
    *,
    parse_url: Callable[[str], PostRef | None] | None = None,
) -> Iterator[Post]:
    """Yield one post (``form="text"``) per card residue of ``dialect``'s platform in ``text``.

    A card belongs to the platform its links, its "View on …" line or its handle's
    shape name; one that shows none of them is a tweet.  The handle must have the
    dialect's shape.
    """
    for card in _cards(text):
        platform = card.platform or "twitter"
        handle = card.match.attribution.handle or ""
        if platform != dialect.platform or dialect.handle.fullmatch(handle) is None:
            continue
        if dialect.handle_ok(handle):
            yield _post(card.match, card.block, dialect, parse_url or _no_permalink)


@attrs.frozen
class _Card:
    match: AttributionMatch
    block: TextBlock
    #: The platform the card names, or None when it names none.
    platform: str | None


@functools.lru_cache(maxsize=2)
def _cards(text: str) -> tuple[_Card, ...]:
    """Every card residue in ``text``, read once for all the platforms that ask."""
    cards: list[_Card] = []
    floor = 0
    reader = _Reader(text)
    for found in _AT_LINE.finditer(text):
        if found.start() < floor:
            continue
        card = _card_at(reader, found.start(), floor)
        if card is not None:
            floor = card.match.line_end
            cards.append(card)
    return tuple(cards)


def find_posts_and_cards(
    text: str,
    dialect: ResidueDialect,
    *,
    parse_url: Callable[[str], PostRef | None] | None = None,
) -> Iterator[Post]:
    """The posts of :func:`~tweetresolve.text.find_posts`, then the card residues that
    none of them covers."""
    posts = list(find_posts(text, dialect, parse_url=parse_url))
    return with_card_posts(posts, text, dialect, parse_url=parse_url)


def with_card_posts(
    posts: list[Post],
    text: str,
    dialect: ResidueDialect,
    *,
    parse_url: Callable[[str], PostRef | None] | None = None,
) -> Iterator[Post]:
    """``posts`` (a platform's own residue), then the card residues that none of them covers."""
    yield from posts
    if "@" not in text and "＠" not in text:
        return
    taken = sorted(post.span for post in posts if post.span is not None)
    starts = [start for start, _ in taken]
    # The furthest end among the spans that start at or before each one: a card
    # overlaps a post if one starting before the card's end reaches past its start.
    reach = list(itertools.accumulate((end for _, end in taken), max))
    for card in find_card_posts(text, dialect, parse_url=parse_url):
        if card.span is None:
            yield card
            continue
        before = bisect.bisect_left(starts, card.span[1])
        if before == 0 or reach[before - 1] <= card.span[0]:
            yield card


def _no_permalink(url: str) -> PostRef | None:
    return None


def _leads_in(name: str) -> bool:
    """Whether the words before a handle are prose leading into it, not a name.

    A capitalised first word and a lower-case last one ("Live at", "Photo by",
    "Thanks to") read as a sentence; names end in a capitalised word, or are all in
    lower case ("bell hooks").

    >>> _leads_in("Live at"), _leads_in("Ada Example"), _leads_in("bell hooks")
    (True, False, False)
    """
    words = name.split()
    return (
        len(words) >= 2 and words[0][:1].isupper() and words[-1].isalpha() and words[-1].islower()
    )


def _card_at(reader: _Reader, start: int, floor: int) -> _Card | None:
    line = reader.line_at(start)
    if line.clean[:1] in _DASHES and "(" in line.clean:
        return None  # an attribution line, "— Ada (@ada) June 7, 2019": not a card
    head = reader.head(line)
    if head is None:
        return _one_line_card(line)
    name = head.name
    if name is not None and name[:1] in _DASHES:
        if head.date is None:
            return None
        return _dashed_byline(reader, line, head, head.date, floor)
    if name is not None and (
        _AUTHOR_LEAD.match(name) or name.rstrip().endswith(":") or _leads_in(name)
    ):
        return None  # an author's line, a label ("Quote: @ada"), or prose ("Live at @ada")
    top = line.start
    if name is None:
        above = reader.above(start)
        if (
            above is not None
            and len(above.clean) <= 50
            and not above.clean.endswith((".", ":", "!", "?", "。"))
            and "@" not in above.clean
            and reader.date(above) is None
        ):
            if _AUTHOR_LEAD.match(above.clean):
                return None
            name, top = above.clean.rstrip(_NAME_TAIL) or None, above.start
    body: list[_Line] = []
    date = head.date
    date_line: _Line | None = line if date is not None else None
    below = reader.after(line.end + 1, _MAX_CARD_LINES)
    if date is not None:
        # The date on the head line: the text follows it.
        body = _text_below(reader, below)
    else:
        read = _body_and_date(reader, below)
        if read is None:
            return None
        body, date, date_line = read
    if date is None or date_line is None:
        return None
    kept = [b for b in body if _is_text(b)]
    if not kept or sum(b.weight for b in kept) > _TEXT_BUDGET:
        return None
    if len(kept) == 1 and _PERSON_NAME.fullmatch(kept[0].clean):
        return None  # an author box: a second name, not a post's text
    shown, value, url = date
    last = max(date_line, *kept, key=lambda b: b.end)
    view, view_platform = _view_after(reader, last.end)
    if view is not None:
        last = view
        url = url or next((link.url for link in view.links), None)
    handle = head.handle
    platform = _platform_of(
        [*line.links, *date_line.links, *(view.links if view else ())], view_platform, handle
    )
    published, precision = published_utc(value)
    attribution = Attribution(
        name=name,
        handle=handle,
        date_text=shown,
        published=published,
        published_precision=precision,
        platform=platform or "twitter",
        span=(top, last.end),
    )
    links: list[Link] = [link for b in kept for link in b.links]
    block = TextBlock(
        start=kept[0].start,
        end=kept[-1].end,
        text="\n".join(b.clean for b in kept),
        links=tuple(_unique(links)),
    )
    match = AttributionMatch(
        attribution=attribution,
        text_end=kept[0].start,
        quoted=False,
        date_url=url,
        line_end=last.end,
    )
    return _Card(match, block, platform)


def _body_and_date(
    reader: _Reader, below: Iterator[_Line]
) -> tuple[list[_Line], _Date, _Line] | None:
    """The card's text lines and its date, read down from under the head.

    Lines that name a reply's context ("Replying to @bob", also split over two lines)
    are no text; a post quoted inside the card (its name, ``@handle``, maybe a date
    right under it, and its text) is skipped, and the card's own date comes after it.
    Another head before any text starts another card: None.
    """
    body: list[_Line] = []
    quoting = skip_date = False
    for index, candidate in enumerate(below):
        if not candidate.clean:
            body.append(candidate)
            continue
        found = reader.date(candidate)
        if found is not None and skip_date:
            skip_date = False
            continue  # the quoted post's date
        skip_date = False
        if found is not None:
            if not [b for b in body if _is_text(b)]:
                # The date right under the handle: the text follows it.
                rest = reader.after(candidate.end + 1, _MAX_CARD_LINES - index - 1)
                body = _text_below(reader, rest)
            return body, found, candidate
        head = reader.head(candidate)
        if head is not None:
            if head.name is not None and _is_context(head.name) and head.date is None:
                continue  # "Replying to @bob"
            filled = [b for b in body if b.clean]
            if head.name is None and filled and _is_context(filled[-1].clean):
                body.remove(filled[-1])  # "Replying to " / "@bob", split by the converter
                continue
            if quoting or not [b for b in filled if not _is_action_line(b.clean)]:
                return None  # another card starts before any date
            # A quoted post: its name line right above is not the card's text.
            if head.name is None and _is_name_line(filled[-1].clean) and len(filled) > 1:
                body.remove(filled[-1])
            quoting, skip_date = True, head.date is None
            continue
        if not quoting:
            body.append(candidate)
    return None


def _is_text(line: _Line) -> bool:
    """Whether a card line is text: words, not buttons or a split handle's ")"."""
    return bool(line.clean) and not _is_action_line(line.clean) and _has_word(line.clean)


def _is_context(words: str) -> bool:
    """A reply's context before a handle: "Replying to", "Antwort an", "En réponse à"."""
    return len(words.split()) <= 4 and _leads_in(words.strip())


def _is_name_line(clean: str) -> bool:
    """A short line that may be a display name (no at-sign, no sentence end)."""
    return len(clean) <= 50 and "@" not in clean and not clean.endswith((".", ":", "!", "?", "。"))


def _has_word(clean: str) -> bool:
    """Whether a line holds more than brackets and separators (a split "(@ada)" leaves ")")."""
    return any(char.isalnum() or ord(char) > 0x2000 for char in clean)


def _dashed_byline(
    reader: _Reader, line: _Line, head: _Head, date: _Date, floor: int
) -> _Card | None:
    """A byline without parentheses, "— Ada Example @ada June 7, 2019": the text is above.

    The text block is read by the attribution path's rules (:func:`post_block`).
    """
    shown, value, url = date
    published, precision = published_utc(value)
    dash_at = reader.text.find(head.name[:1] if head.name else "—", line.start, line.end)
    attribution = Attribution(
        name=(head.name or "").lstrip(_DASHES).strip() or None,
        handle=head.handle,
        date_text=shown,
        published=published,
        published_precision=precision,
        platform=_platform_of(list(line.links), None, head.handle) or "twitter",
        span=(dash_at, line.end),
    )
    match = AttributionMatch(
        attribution=attribution,
        text_end=dash_at,
        quoted=line.quote_depth > 0,
        quote_depth=line.quote_depth,
        date_url=url,
        line_end=line.end,
    )
    block = post_block(reader.text, match, floor=floor)
    if not block.text:
        return None
    return _Card(match, block, _platform_of(list(line.links), None, head.handle))


def _view_after(reader: _Reader, pos: int) -> tuple[_Line | None, str | None]:
    """A "View on …" line right after a card (button rows between allowed)."""
    for candidate in reader.after(pos + 1, _VIEW_LOOKAHEAD):
        if not candidate.clean or _is_action_line(candidate.clean):
            continue
        platform = view_line_platform(candidate.clean)
        return (candidate, platform) if platform else (None, None)
    return None, None


def _platform_of(links: list[Link], view_platform: str | None, handle: str) -> str | None:
    """The platform a card's links, "View on …" line or handle name (links first)."""
    for link in links:
        platform = platform_of_url(link.url)
        if platform is not None:
            return platform
    return view_platform or handle_platform(handle)


def _one_line_card(line: _Line) -> _Card | None:
    """A card on one Markdown line: name, handle, text, and the date linked to the post.

    Only a date written as a link to a post counts: a line of prose may hold a
    handle and a date too.
    """
    head = _HANDLE_LINE.match(line.clean)
    if head is None or (head.group("name") and _AUTHOR_LEAD.match(head.group("name"))):
        return None
    for link in reversed(line.links):
        shown = link.text or ""
        at = line.clean.rfind(shown) if shown else -1
        platform = platform_of_url(link.url)
        if at <= head.end() or platform is None:
            continue
        if platform == "twitter" and "/status" not in link.url:
            continue
        found = match_date(shown)
        tail = line.clean[at + len(shown) :].strip(" \t\u00a0·.")
        if found is None or found.start != 0 or found.end != len(shown):
            continue
        if tail and not _is_action_line(tail):
            continue
        body = line.clean[head.end() : at].strip(" \t\u00a0·—-")
        if not body:
            return None
        attribution = Attribution(
            name=head.group("name"),
            handle=head.group("handle"),
            date_text=shown,
            published=found.value,
            platform=platform,
            span=(line.start, line.end),
        )
        others = tuple(
            other
            for other in line.links
            if other is not link and not (other.text and other.text in head.group())
        )
        block = TextBlock(start=line.start, end=line.end, text=body, links=others)
        match = AttributionMatch(
            attribution=attribution,
            text_end=line.start,
            quoted=False,
            date_url=link.url,
            line_end=line.end,
        )
        return _Card(match, block, platform)
    return None


def _text_below(reader: _Reader, lines: Iterator[_Line]) -> list[_Line]:
    """The text under a date: lines up to the first blank line or row of buttons.

    Under a byline box ("Name / @handle / date") the article starts instead, so the
    lines of a text that no button row or "View on …" line closes must look like a
    post's (a hashtag, a mention, a link, an emoji, or no sentence end), and stop at
    the first plain sentence.
    """
    body: list[_Line] = []
    closed = False
    for line in lines:
        if not line.clean:
            if body:
                break
            continue
        if _is_action_line(line.clean) or view_line_platform(line.clean):
            closed = True
            break
        if reader.head(line):
            break
        body.append(line)
    if closed:
        return body
    # Unclosed: the post's lines are those that look like a post's, from the top; the
    # first plain sentence is the article's (none at all: a byline box).
    looks = [
        bool(b.links or _POST_MARKS.search(b.clean) or not _SENTENCE_CLOSE.search(b.clean))
        for b in body
    ]
    count = looks.index(False) if False in looks else len(body)
    return body[:count]
