"""The weighted length of a post text, as twitter-text's ``parseTweet`` measures it.

>>> weighted_length("Hi https://example.com/a/very/long/path")
26
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Collection
from typing import Any, NamedTuple

from tweetresolve.twitter_text.chars import _INVALID_CHARS, _class
from tweetresolve.twitter_text.hosts import _utf16_len
from tweetresolve.twitter_text.url_scan import _url_spans

__all__ = ["TextLength", "is_valid_post_text", "measure_text", "weighted_length"]

#: Code-point ranges that weigh 100 (one unit); everything else weighs 200.
#: twitter-text config v2/v3: Latin to Georgian, general punctuation spaces, dashes and
#: quotes, primes.
_LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
_SCALE = 100
_DEFAULT_WEIGHT = 200
_MAX_WEIGHTED_LENGTH = 280
_LEGACY_MAX_LENGTH = 140
_TRANSFORMED_URL_LENGTH = 23

#: Single code points that count as an emoji only with U+FE0F (twemoji's exceptions).
_TEXT_ONLY_SINGLES = frozenset("\u00a9\u00ae\u2122")
_EMOJI_END = ""  # trie key marking the end of a sequence


@functools.cache
def _emoji_tables() -> tuple[dict[str, Any], frozenset[str], re.Pattern[str]]:
    """The emoji trie, the single-code-point emoji and a pattern for their first characters.

    Built on first use: 140 KB of data that callers who never measure text never load.
    """
    from tweetresolve._emoji import SEQUENCES, SINGLE_RANGES  # noqa: PLC0415 - lazy: import time

    singles = frozenset(chr(code) for low, high in SINGLE_RANGES for code in range(low, high + 1))
    trie: dict[str, Any] = {}
    for sequence in SEQUENCES:
        node = trie
        for ch in sequence:
            node = node.setdefault(ch, {})
        node[_EMOJI_END] = True
    alone = (singles - _TEXT_ONLY_SINGLES) | {ch for ch, node in trie.items() if _EMOJI_END in node}
    paired = set(trie) - alone
    nexts = {ch for first in paired for ch in trie[first]} - {_EMOJI_END}
    # A character that starts an emoji only with what follows it (a digit before a keycap,
    # '©' before U+FE0F, a regional indicator before another) is matched only when one of
    # those follows: digits are common, and a trie walk from each cost more than the scan.
    # The leading class is a coarse cover of every first character (a few ranges, so the
    # regex engine skips other text fast); the look-behinds then check the exact sets.
    starts = re.compile(
        _covering_class(alone | paired)
        + f"(?:(?<=[{_class(''.join(sorted(alone)))}])"
        + f"|(?<=[{_class(''.join(sorted(paired)))}])(?=[{_class(''.join(sorted(nexts)))}]))"
    )
    return trie, singles - _TEXT_ONLY_SINGLES, starts


def _covering_class(chars: Collection[str], gap: int = 64) -> str:
    """A character class of few ranges holding ``chars`` (and what lies in gaps under ``gap``).

    A class of hundreds of ranges costs the regex engine a test per range at every
    character; measured on pages, 64 balanced that against the stray matches a coarser
    cover lets through.
    """
    codes = sorted(map(ord, chars))
    ranges = [[codes[0], codes[0]]]
    for code in codes[1:]:
        if code - ranges[-1][1] <= gap:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return (
        "["
        + "".join(
            _class(chr(low)) + (f"-{_class(chr(high))}" if high > low else "")
            for low, high in ranges
        )
        + "]"
    )


def _emoji_spans(text: str) -> dict[int, int]:
    """``start -> end`` of each emoji, leftmost and longest first, as twemoji groups them.

    A known sequence (ZWJ family, flag, keycap, skin tone, tag flag) is one emoji; so is
    a single emoji code point, with a following U+FE0F when it lies in the BMP, but not
    when U+FE0E asks for text presentation. ``©``, ``®`` and ``™`` need U+FE0F.
    """
    trie, singles, starts = _emoji_tables()
    spans: dict[int, int] = {}
    n = len(text)
    pos = 0
    for match in starts.finditer(text):
        i = match.start()
        if i < pos:
            continue
        best = 0
        node: dict[str, Any] | None = trie
        j = i
        while j < n and node is not None:
            node = node.get(text[j])
            j += 1
            if node is not None and _EMOJI_END in node:
                best = j
        ch = text[i]
        if ch in singles:
            after = text[i + 1] if i + 1 < n else ""
            if after == "\ufe0f" and ord(ch) <= 0xFFFF:
                best = max(best, i + 2)
            elif after != "\ufe0e":
                best = max(best, i + 1)
        if best:
            spans[i] = best
            pos = best
    return spans


class TextLength(NamedTuple):
    """A post text measured as twitter-text's ``parseTweet`` does.

    Ranges are inclusive offsets in UTF-16 code units into the original text, as the
    reference reports them.
    """

    #: Weighted length: most scripts count 1 per character, CJK and emoji 2, URLs 23.
    weighted_length: int
    #: 0 < weighted_length <= 280 and no U+FFFE, U+FEFF or U+FFFF.
    valid: bool
    #: weighted_length / 280, in thousandths, rounded down.
    permillage: int
    valid_range_start: int
    valid_range_end: int
    display_range_start: int
    display_range_end: int


#: Characters outside the light ranges: each weighs 200 instead of 100.
_HEAVY_RE = re.compile("[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")
#: Characters that make a post invalid.
_INVALID_RE = re.compile("[" + _INVALID_CHARS + "]")


def _plain_weight(segment: str, version: int) -> int:
    """Weight of characters that are neither URL nor emoji, in scaled units."""
    if version == 1:
        return _SCALE * len(segment)
    heavy = 0 if segment.isascii() else len(_HEAVY_RE.findall(segment))
    return _SCALE * len(segment) + (_DEFAULT_WEIGHT - _SCALE) * heavy


def _walk_to_limit(
    segment: str, weight: int, units: int, limit: int, version: int
) -> tuple[int, bool]:
    """Walk ``segment`` from ``weight`` and ``units`` up to the limit or an invalid character.

    Returns the UTF-16 index of the last character within the limit (-1 if none) and
    whether no invalid character came first. Past either point nothing can change the
    valid range any more (every weight is a multiple of the scale, so past the limit is
    over the maximum), which is why the rest is not walked: walking it made long texts
    cost a function call per character.
    """
    last = -1
    for ch in segment:
        if ch in _INVALID_CHARS:
            return last, False
        weight += _plain_weight(ch, version)
        if weight > limit:
            break
        units += 2 if ord(ch) > 0xFFFF else 1
        last = units - 1
    return last, True


def measure_text(text: str, *, version: int = 3) -> TextLength:
    """Measure ``text`` like twitter-text's ``parseTweet``.

    ``version`` picks the reference configuration: 3 (the default, current rules: URLs
    23, emoji 2, CJK and most symbols 2, Latin and other light scripts 1, limit 280), 2
    (the same without emoji grouping: each code point of an emoji sequence counts) or 1
    (legacy: every code point 1, URLs 23, limit 140). The text is NFC-normalised first.

    >>> measure_text("Hello 👩‍💻 https://example.com").weighted_length
    32
    >>> measure_text("Hello 👩‍💻 https://example.com", version=2).weighted_length
    35
    >>> measure_text("Hello 👩‍💻 https://example.com", version=1)[:3]
    (33, True, 235)
    """
    if version not in (1, 2, 3):
        raise ValueError(f"measure_text() version must be 1, 2 or 3, got {version!r}")
    maximum = _MAX_WEIGHTED_LENGTH if version > 1 else _LEGACY_MAX_LENGTH
    limit = maximum * _SCALE
    normalized = unicodedata.normalize("NFC", text)
    # Entities by start: URLs first (they win), then emoji (v3 only), as in the reference.
    pieces: dict[int, tuple[int, int]] = {}
    if version == 3:
        for start, end in _emoji_spans(normalized).items():
            pieces[start] = (end, _DEFAULT_WEIGHT)
    for start, _, length in _url_spans(normalized):
        # The reference skips the length of its URL text, which its indexOf() quirk can
        # make shorter than the span; the rest then counts character by character.
        pieces[start] = (start + length, _TRANSFORMED_URL_LENGTH * _SCALE)
    weight = 0
    valid = True
    valid_index = 0  # UTF-16 index of the last character within the limit
    units = 0  # UTF-16 offset of the current position
    pos = 0
    n = len(normalized)
    for start in [*sorted(pieces), n]:
        if start < pos:
            continue  # an emoji inside a URL, or the other way round
        if start > pos:
            segment = normalized[pos:start]
            seg_weight = _plain_weight(segment, version)
            seg_units = _utf16_len(segment)
            if (
                valid
                and weight <= limit
                and (weight + seg_weight > limit or _INVALID_RE.search(segment))
            ):
                # The limit or an invalid character falls in this stretch: walk it to there.
                last, valid = _walk_to_limit(segment, weight, units, limit, version)
                valid_index = max(valid_index, last)
            elif valid and weight + seg_weight <= limit:
                valid_index = units + seg_units - 1
            weight += seg_weight
            units += seg_units
        if start >= n:
            break
        end, piece_weight = pieces[start]
        weight += piece_weight
        units += _utf16_len(normalized[start:end])
        if valid and weight <= limit:
            valid_index = units - 1
        pos = end
    length = weight // _SCALE
    valid = valid and 0 < length <= maximum
    permillage = math.floor(length / maximum * 1000)
    text_units = _utf16_len(text)
    valid_index += text_units - units
    return TextLength(
        weighted_length=length,
        valid=valid,
        permillage=permillage,
        valid_range_start=0,
        valid_range_end=valid_index,
        display_range_start=0,
        display_range_end=max(text_units - 1, 0),
    )


def weighted_length(text: str) -> int:
    """Return the weighted length of a post text (twitter-text v3 rules).

    >>> weighted_length("Hello")
    5
    >>> weighted_length("こんにちは")
    10
    >>> weighted_length("🇯🇵 https://example.com/a/long/path")
    26
    """
    return measure_text(text).weighted_length


def is_valid_post_text(text: str, *, version: int = 3) -> bool:
    """Whether ``text`` fits a post: 1 to 280 weighted units, no invalid characters.

    ``version`` as for :func:`measure_text` (1 is the legacy 140-character rule).

    >>> is_valid_post_text("Hello"), is_valid_post_text(""), is_valid_post_text("x" * 281)
    (True, False, False)
    """
    return measure_text(text, version=version).valid
