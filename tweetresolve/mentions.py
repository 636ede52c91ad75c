"""Mentions of social posts in prose: where an article talks about a post without embedding it.

>>> [(m.phrase, m.platform, m.lang) for m in find_mentions(
...     "The mayor wrote on X that the bridge would reopen, and later tweeted a photo.")]
[('wrote on X', 'twitter', 'en'), ('tweeted', 'twitter', 'en')]
>>> [m.phrase for m in find_mentions("Die Ministerin schrieb auf Instagram, sie sei zufrieden.")]
['schrieb auf Instagram']
>>> find_mentions("Share on Twitter | Follow us on X | Tweet | Teilen | Partager")
[]

Each is a :class:`~tweetresolve.records.Mention`:

>>> m = find_mentions("She said in a tweet that she was fine.")[0]
>>> (m.phrase, m.start, m.end, m.platform)
('in a tweet', 9, 19, 'twitter')

Patterns are built from the word tables of :mod:`tweetresolve._mentiondata` (English,
German, Spanish, French) at the first call.  Every mention contains a platform word
(``Twitter``, ``X``, ``tweet``, ``tuit``, ``Instagram``…), so the scan first looks for
those words and runs the phrase patterns only in a window around each: a page without
any costs one linear pass.

Memory stays proportional to the text: a long window is read in pieces cut where no
phrase can run across (a sentence end, a blank line), each piece's readings are settled
before the next, and at most :data:`MAX_MENTIONS` mentions are returned.
"""

from __future__ import annotations

import array
import functools
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from tweetresolve import _mentiondata
from tweetresolve._mentiondata import MentionGrammar
from tweetresolve.records import Mention

__all__ = ["MAX_MENTIONS", "Mention", "find_mentions"]

logger = logging.getLogger(__name__)

#: Most mentions returned for one text.  Prose holds a few dozen; a text with more is a
#: list or a flood ("tweeted tweeted …"), whose mentions, each with its context, would
#: otherwise take some 70 times the text's size.
MAX_MENTIONS = 5000

#: A long window is read in pieces of about this many characters ...
_PIECE = 4096
#: ... and at most this many, cut at a sentence end if there is one.
_PIECE_MAX = 4 * _PIECE

#: Where a piece may end: right after sentence punctuation (which neither the word
#: tables nor a word between verb and preposition hold), or after the first line break
#: of a blank line (a phrase crosses at most one line break, then needs a word).
#: Examples: "." in "…on X. Then", the first "\n" of "X\n\nThen".
_SAFE_CUT = re.compile(r"[.!?;:…]|\n(?=[^\S\n]{0,200}\n)")

#: A word between a verb and its preposition ("said *Tuesday* on X"): no spaces and no
#: sentence punctuation, so a phrase never crosses a sentence; bounded in length.
_TOKEN = r"[^\s.!?;:…]{1,40}"

#: White space between two words of a phrase: at most one line break, so a phrase never
#: joins two blocks of a page (a heading, a button and the paragraph after it).  Each
#: run is bounded, which keeps backtracking constant.
_GAP = r"(?:[^\S\n]{1,10}(?:\n[^\S\n]{0,10})?|\n[^\S\n]{0,10})"

#: A platform name followed by a company suffix names the company ("X Corp").
_NOT_COMPANY = r"(?![^\S\n]{1,3}(?-i:Corp|Inc|Holdings|Ltd|Platforms)\b)"

#: How far around a platform word a phrase may reach.  The longest possible phrase: a
#: verb (~35 with its gap), four words of up to 40 characters with their gaps (4 x 61), a
#: preposition and a holder such as "dem sozialen Netzwerk" with gaps (~110), the
#: platform and a suffix (~45): under 450 characters.
_REACH = 450

#: A run of white space, for collapsing the context window.
_SPACES = re.compile(r"\s+")

#: The word just before a match, to drop "Share this tweet" and the like: matched on the
#: reversed text before the match (at most three non-word characters, then the word,
#: reversed; a line break may come first, as ``$`` allows one after the end), so one
#: anchored match replaces a search from every position of the window.
#: Example: "siht erahS" (reversed "Share this ") gives "siht".
_PREVIOUS_WORD_REVERSED = re.compile(r"\n?\W{0,3}(\w+)")


def _words(items: Iterable[str]) -> str:
    """Alternation of words/phrases as a trie; a space matches a ``_GAP``.

    The regex engine tries the branches of an alternation one by one, so a flat list of
    a few hundred verbs costs a few hundred tries at every position of a window; a trie
    costs one try per character.  At every node the longer words come first, which
    keeps the longest-first choice of a flat list sorted by length.  The patterns are
    case-insensitive, so words are merged in lower case.

    >>> _words(["post", "posted", "poster"])
    'post(?:e(?:d|r)|)'
    """
    return _trie_pattern(_word_trie(items))


def _word_trie(items: Iterable[str]) -> dict[str, dict[str, Any]]:
    root: dict[str, dict[str, Any]] = {}
    for word in items:
        node = root
        for number, part in enumerate(word.lower().split()):
            if number:
                node = node.setdefault(" ", {})
            for char in part:
                node = node.setdefault(char, {})
        node[""] = {}
    return root


def _word_start(items: Iterable[str]) -> str:
    """``(?<!\\w)`` and an alternation of ``items``, as a pattern led by one class.

    A pattern that starts with a look-behind or an alternation is tried in full at every
    position of the text; one that starts with a class lets the regex engine skip in C
    to the next first letter.  So the first letter is matched by a class (with every
    character case-insensitive matching takes for one), and the branch for it, and the
    word boundary before it, are checked behind it.  The matches are the same.

    >>> _word_start(["post", "posted", "tweet"])
    '[PTpt](?<!\\\\w.)(?:(?<=p)ost(?:ed|)|(?<=t)weet)'
    """
    root = _word_trie(items)
    if "" in root:
        raise ValueError("an empty word would match everywhere")
    branches = [
        f"(?<={re.escape(first)}){_trie_pattern(node)}" for first, node in sorted(root.items())
    ]
    return rf"{_letters_class(''.join(root))}(?<!\w.)(?:{'|'.join(branches)})"


@functools.lru_cache(maxsize=256)
def _letters_class(letters: str) -> str:
    """A class of ``letters`` and of every character a case-insensitive match takes for one."""
    twins = set(re.findall(f"[{re.escape(letters)}]", _basic_plane(), re.IGNORECASE))
    return "[" + "".join(re.escape(char) for char in sorted(twins)) + "]"


@functools.lru_cache(maxsize=1)
def _basic_plane() -> str:
    """Every character of the Basic Multilingual Plane but the surrogates (case pairs of
    the Latin letters the grammars start with all lie there)."""
    codes = array.array("I", [*range(0xD800), *range(0xE000, 0x10000)])
    return codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")


def _trie_pattern(node: dict[str, dict[str, Any]]) -> str:
    branches = [
        (_GAP if char == " " else re.escape(char)) + _trie_pattern(node[char])
        for char in sorted(node)
        if char
    ]
    if "" in node:
        branches.append("")  # the word ending here: tried after every longer one
    if len(branches) <= 1:
        return branches[0] if branches else ""
    return "(?:" + "|".join(branches) + ")"


def _platform(group: str) -> str:
    """A platform name as a named group; ``X`` and ``Threads`` only capitalised.

    ``X`` may not be followed by a hyphen and a lower-case letter (``X-ray``), but may
    start a German compound (``X-Post``).  The company is not the platform: "wrote to
    X Corp" is no mention.
    """
    loose = [n for n in _mentiondata.PLATFORM_NAMES if n not in ("x", "threads")]
    strict = "|".join(_mentiondata.CASE_SENSITIVE_NAMES)
    return rf"(?P<{group}>(?:{_words(loose)}|(?-i:{strict}))(?!\w|(?-i:-[a-z])){_NOT_COMPANY})"


def _compile(grammar: MentionGrammar) -> tuple[re.Pattern[str], ...]:
    """The phrase patterns of one language.

    A noun phrase with a generic noun ("in a post") matches here but is dropped later
    when no platform stands beside it.
    """
    holder = rf"(?:(?:{_words(grammar.holders)}){_GAP})?"
    suffix = rf"(?:(?:{_GAP})?(?:{_words(grammar.suffixes)})(?!\w))?" if grammar.suffixes else ""
    verbs = _words(grammar.verbs)
    dets = rf"(?:(?:{_words(grammar.determiners)}){_GAP})"
    adjs = rf"(?:(?:{_words(grammar.adjectives)}){_GAP}){{0,2}}"
    nouns = _words(grammar.post_nouns + grammar.generic_nouns)
    after = rf"(?:{_GAP}(?:{_words(grammar.after_noun)}){_GAP}{holder}{_platform('p2')})?"
    noun_tail = rf"{adjs}(?:{_platform('p1')}(?:{_GAP}|-))?(?P<noun>{nouns})(?!\w){after}"
    texts: list[str] = [
        # "wrote on X", "said Tuesday on his official Instagram account"
        rf"{_word_start(grammar.verbs)}(?!\w)(?:{_GAP}{_TOKEN}){{0,4}}?{_GAP}"
        rf"(?:{_words(grammar.preps)}){_GAP}{holder}{_platform('p1')}{suffix}",
        # "tweeted", "twitterte", "a tweeté"
        rf"{_word_start(grammar.standalone)}(?!\w)",
        # "in a tweet", "in einem Instagram-Post", "dans un message publié sur X"
        rf"{_word_start(grammar.noun_preps)}{_GAP}{dets}?{noun_tail}",
        # "a tweet", "sus tuits", "an Instagram post"
        rf"{_word_start(grammar.determiners)}{_GAP}{noun_tail}",
    ]
    if grammar.idioms:
        # "took to Twitter"
        texts.append(rf"{_word_start(grammar.idioms)}{_GAP}{holder}{_platform('p1')}{suffix}")
    if grammar.platform_first:
        # German verb-second order: "auf X schrieb er", "auf Instagram gepostet"
        texts.append(
            rf"{_word_start(grammar.preps)}{_GAP}{holder}{_platform('p1')}{suffix}"
            rf"(?:{_GAP}{_TOKEN}){{0,4}}?{_GAP}(?:{verbs})(?!\w)"
        )
    return tuple(re.compile(text, re.IGNORECASE) for text in texts)


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    return {lang: _compile(g) for lang, g in _mentiondata.GRAMMARS.items()}


@functools.lru_cache(maxsize=1)
def _keywords() -> re.Pattern[str]:
    """Any word every mention contains: a platform name or a post word (``tweet``).

    The pattern starts with one class, the words' first letters, and each branch checks
    its letter behind it: the regex engine then skips in C to where a word can start,
    where an alternation would be tried in full at every position of the text (that
    search was most of the time spent on long texts).
    """
    loose = [n for n in _mentiondata.PLATFORM_NAMES if n not in ("x", "threads")]
    root = _word_trie([*loose, *_mentiondata.IMPLIED_PLATFORM])
    strict = _mentiondata.CASE_SENSITIVE_NAMES
    firsts = _letters_class("".join(root))[1:-1] + "".join(re.escape(w[0]) for w in strict)
    branches = [
        f"(?i:(?<={re.escape(first)}){_trie_pattern(node)})" for first, node in sorted(root.items())
    ]
    branches += [
        rf"(?<={re.escape(word[0])})(?<!\w{re.escape(word[0])}){re.escape(word[1:])}(?!\w)"
        for word in strict
    ]
    return re.compile(f"[{firsts}](?:{'|'.join(branches)})")


def _windows(text: str) -> Iterator[tuple[int, int]]:
    """Merged spans of text around every platform word (a few characters wider at most).

    Where platform words are dense ("X X X …"), visiting each would cost a step of
    Python per word.  Instead, from the end of the window's last known word, the scan
    jumps :data:`_REACH` characters and looks for one more word close enough to join
    the window: the words jumped over end before that plus the longest a word can be.
    Only when none joins is the last stretch read word by word, to end the window
    where its last word ends.
    """
    keywords = _keywords()
    longest = _longest_keyword()
    hit = keywords.search(text)
    while hit is not None:
        start, reach = max(0, hit.start() - _REACH), hit.end()
        while True:
            # A word starting by ``reach + 2 * _REACH`` joins the window.
            joining = keywords.search(text, reach + _REACH, reach + 2 * _REACH + longest)
            if joining is not None and joining.start() <= reach + 2 * _REACH:
                reach = max(joining.end(), reach + _REACH + longest)
                continue
            words_left = keywords.finditer(text, reach, reach + _REACH + longest)
            last_end = max((word.end() for word in words_left), default=reach)
            if last_end <= reach:
                break
            reach = last_end
        yield start, min(len(text), reach + _REACH)
        hit = keywords.search(text, reach)


@functools.lru_cache(maxsize=1)
def _longest_keyword() -> int:
    """Most characters a match of :func:`_keywords` can take (a gap at most 21)."""
    words = [*_mentiondata.PLATFORM_NAMES, *_mentiondata.IMPLIED_PLATFORM]
    words += _mentiondata.CASE_SENSITIVE_NAMES
    return max(len(word) + 20 * word.count(" ") for word in words)


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split the window ``[start, end)`` into pieces that no phrase straddles.

    Each piece ends at the first safe cut after :data:`_PIECE` characters; a stretch of
    :data:`_PIECE_MAX` characters without one (no prose has that) is cut where it ends.
    """
    while end - start > _PIECE_MAX:
        cut = _SAFE_CUT.search(text, start + _PIECE, start + _PIECE_MAX)
        stop = cut.start() + 1 if cut else start + _PIECE_MAX
        yield start, stop
        start = stop
    yield start, end


def _platform_of(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    for name in ("p1", "p2"):
        value = groups.get(name)
        if value:
            key = _SPACES.sub(" ", value).lower()
            return _mentiondata.PLATFORM_NAMES.get(key)
    phrase = match.group().lower()
    for stem, platform in _mentiondata.IMPLIED_PLATFORM.items():
        if stem in phrase:
            return platform
    return None


def _context(text: str, start: int, end: int, window: int) -> str:
    """*window* characters each side of the phrase, without cut words at either edge."""
    left = max(0, start - window)
    right = min(len(text), end + window)
    before, after = text[left:start], text[end:right]
    if before and left > 0 and not (text[left - 1].isspace() or before[0].isspace()):
        parts = before.split(None, 1)
        before = parts[1] if len(parts) == 2 else ""
    if after and right < len(text) and not (text[right].isspace() or after[-1].isspace()):
        parts = after.rsplit(None, 1)
        after = parts[0] if len(parts) == 2 else ""
    # str.split() splits at the same white space as \s, without a regex pass.
    return " ".join((before + text[start:end] + after).split())


def _is_navigation(text: str, start: int, phrase: str) -> bool:
    """True after a share/follow imperative: "Share this tweet", "Sieh dir … an"."""
    first = phrase.split(None, 1)[0].lower()
    if first in _mentiondata.NAV_WORDS:
        return True
    before = _PREVIOUS_WORD_REVERSED.match(text[max(0, start - 40) : start][::-1])
    return before is not None and before.group(1)[::-1].lower() in _mentiondata.NAV_WORDS


def find_mentions(text: str, lang: str | None = None, *, window: int = 100) -> list[Mention]:
    """Find the phrases that mention a social post, in text order.

    *lang* is ``en``, ``de``, ``es`` or ``fr``; None tries all four.  Overlapping
    readings keep the longest.  *window* is the number of context characters taken
    on each side.

    >>> [m.phrase for m in find_mentions("El presidente tuiteó que, en un tuit posterior, ...")]
    ['tuiteó', 'en un tuit']
    >>> find_mentions("x", lang="la")
    Traceback (most recent call last):
    ...
    ValueError: lang must be one of de, en, es, fr or None, not 'la'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    patterns = _patterns()
    if lang is not None and lang not in patterns:
        known = ", ".join(sorted(patterns))
        raise ValueError(f"lang must be one of {known} or None, not {lang!r}")
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise ValueError(f"window must be a non-negative int, not {window!r}")
    langs = [lang] if lang is not None else list(patterns)
    mentions: list[Mention] = []
    for window_start, window_end in _windows(text):
        for start, end in _pieces(text, window_start, window_end):
            for span, (code, platform) in _readings(text, start, end, langs, patterns):
                if len(mentions) >= MAX_MENTIONS:
                    logger.info("find_mentions: stopped at %d mentions", MAX_MENTIONS)
                    return mentions
                mentions.append(
                    Mention(
                        phrase=text[span[0] : span[1]],
                        start=span[0],
                        end=span[1],
                        context=_context(text, span[0], span[1], window),
                        lang=code,
                        platform=platform,
                    )
                )
    return mentions


def _readings(
    text: str,
    start: int,
    end: int,
    langs: list[str],
    patterns: dict[str, tuple[re.Pattern[str], ...]],
) -> list[tuple[tuple[int, int], tuple[str, str]]]:
    """The mentions of ``text[start:end]`` in order, overlapping readings settled.

    At each start the longest reading wins, and a reading inside a longer one goes.
    """
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for code in langs:
        for pattern in patterns[code]:
            for match in pattern.finditer(text, start, end):
                platform = _platform_of(match)
                if platform is None:
                    continue  # a generic noun ("in a post") without a platform
                span = match.span()
                if span not in found and not _is_navigation(text, span[0], match.group()):
                    found[span] = (code, platform)
    kept = []
    last_end = -1
    for span, reading in sorted(found.items(), key=lambda item: (item[0][0], -item[0][1])):
        if span[0] < last_end:
            continue  # inside a longer reading
        last_end = span[1]
        kept.append((span, reading))
    return kept
