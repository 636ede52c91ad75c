"""The post text an attribution closes: the lines above it that belong to the post.

The rules are described in :mod:`tweetresolve.text` (and ``docs/text.md``): the line
right above the attribution is post text, and lines further up join while they fit a
post and show a post's marks.
"""

from __future__ import annotations

import re

import attrs

from tweetresolve.records import Link
from tweetresolve.text.attribution import AttributionMatch, _last_match
from tweetresolve.text.links import _clean_line, _is_lone_link, _unique
from tweetresolve.text.markdown import _EDGE_CHARS, _QUOTE_PREFIX

# --- limits ------------------------------------------------------------------------

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

# --- patterns ----------------------------------------------------------------------

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
# "(1) item", "a) item", "✈️ item".
_BULLET = re.compile(
    r"[・•·▪►→✓✔\u2600-\u27bf\U0001f000-\U0001faff]|- |\(?\d{1,2}[).] |\(?[a-z]\) "
)
# The end of a sentence at the end of a line: "ended.", "why?“", "list:".
_SENTENCE_CLOSE = re.compile(r"[.!?…。！？:：][\"'”’»)\]]{0,2}[ \t]*$")
# A full stop (or its CJK form) ending a line: an article sentence, never a list's title.
# Example: "Passengers reacted online."
_ENDS_A_SENTENCE = re.compile(r"(?<!\.)[.。][\"'”’»)\]]{0,2}[ \t]*$")
# A list marker a converter writes before each line of a list item: "- ", "* ", "+ ".
_CONVERTER_MARKER = re.compile(r"[-*+][ \t]")
# Several spaces inside a line: where a converter joined two blocks.
_BLOCK_GAP = re.compile(r"[ \t\u00a0]{2,40}")
# A sentence end inside an over-long line, where its tail may start:
# "…the paragraph ends. The post starts".
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]{0,2}[ \t\u00a0]{1,8}")


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
    #: Levels of ``>`` quoting (0: none).
    quoted: int
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

    >>> from tweetresolve.text.attribution import iter_attributions
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
        if line.quoted != found.quote_depth:
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
        elif (
            cut
            or total + line.weight > _POST_BUDGET
            or not (
                _may_join(line, [*chosen, *pending])
                or _opens_the_paragraph(lines, index, above_gap, line, at_floor=lo == floor > 0)
            )
        ):
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
    if _heads_a_list(below) and not (
        _ENDS_A_SENTENCE.search(line.text) and _converter_items(below)
    ):
        # The title of the post's list ("Steps:", "Do this。" over "・" items); a
        # sentence over a converter's "- " items is the article's.
        return True
    if _BULLET.match(line.text) and _starts_with_item(below):
        return True  # one more item of the post's list
    if line.links or _POST_MARKS.search(line.text):
        return True
    ending = line.text.rstrip()
    if len(ending) <= 2:
        # A scrap such as "." left where an inline link split the line.
        return True
    if ending.endswith((":", "：")):
        return False
    return not (ending.endswith("。") or (ending.endswith(".") and not ending.endswith("..")))


def _opens_the_paragraph(
    lines: _Lines, index: int, above_gap: bool, line: _Line, *, at_floor: bool
) -> bool:
    """Whether a short sentence line starts the paragraph that the attribution closes.

    BeautifulSoup sets each paragraph of an embed apart with blank lines, and the
    post's own lines follow one another without one: a sentence line with a blank line
    (or nothing) above and the post right below is the post's first line, not the
    article's.
    """
    if above_gap or line.weight > _UPPER_LINE_MAX or not _SENTENCE_CLOSE.search(line.text):
        return False
    if line.text.rstrip().endswith((":", "：")):
        return False  # "She wrote:" introduces the post
    if index == 1 and at_floor:
        return False  # the "blank" above is the rest of the previous attribution's line
    return index > 0 and lines[index - 1].blank and not lines[index - 1].quoted


def _starts_with_item(below: list[_Line]) -> bool:
    """Whether the nearest non-blank line below is a list item."""
    nearest = next((other for other in reversed(below) if not other.blank), None)
    return nearest is not None and _BULLET.match(nearest.text) is not None


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


def _converter_items(below: list[_Line]) -> bool:
    """Whether the nearest lines below are items a converter marked with "- "."""
    nearest = next((other for other in reversed(below) if not other.blank), None)
    return nearest is not None and _CONVERTER_MARKER.match(nearest.text) is not None


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
    quoted = prefix.group().count(">") if prefix else 0
    if not stripped:
        return _Line(start, content_start, end, quoted, "", (), 0, True, False)
    clean, links, weight = _clean_line(stripped)
    boundary = _is_boundary(stripped) or _is_lone_link(stripped, links)
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
    body = _without_markers("".join(pieces))
    return TextBlock(
        start=kept[0].content_start,
        end=kept[-1].end,
        text=body or None,
        links=tuple(_unique(links)),
    )


def _without_markers(body: str) -> str:
    """Drop the list marker a converter put before every line of the post ("- ").

    A post inside a list item reads "- line" on each line; a marker on some lines
    only is the post's own bullet and stays.

    >>> _without_markers("- Late again #Harbour\\n- pic.twitter.com/Ab1")
    'Late again #Harbour\\npic.twitter.com/Ab1'
    >>> _without_markers("a\\n- b")
    'a\\n- b'
    """
    lines = body.split("\n")
    filled = [line for line in lines if line]
    if not filled or not all(_CONVERTER_MARKER.match(line) for line in filled):
        return body
    return "\n".join(line[2:].lstrip() if line else line for line in lines)
