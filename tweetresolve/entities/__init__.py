"""Mentions, lists, hashtags, cashtags and URLs in a post's text, and its weighted length.

The rules are those of Twitter's reference library, twitter-text (version 3), checked
against its conformance suite: what may precede a ``@`` or ``#``, which letters a hashtag
may hold, which host names count as URLs (a known top-level domain is required), where a
URL ends (``/foo.`` does not take the period, balanced parentheses are kept), and how a
post's length is weighted.

>>> [(e.kind, e.text, e.start, e.end) for e in extract_entities("Hi @ada_example, see #café")]
[('mention', '@ada_example', 3, 15), ('hashtag', '#café', 21, 26)]
>>> [e.text for e in extract_entities("$ABC @ada_example/reading-list example.com/a.")]
['$ABC', '@ada_example/reading-list', 'example.com/a']
>>> weighted_length("Hi https://example.com/a/very/long/path")
26

Offsets
    ``Entity.start`` and ``Entity.end`` are Python string indices (code points), the
    half-open span ``[start, end)`` such that ``text[start:end] == entity.text``. The
    JavaScript and Java ports of the reference count UTF-16 code units instead; the two
    agree until a character outside the Basic Multilingual Plane (an emoji, say) precedes
    the entity. :func:`utf16_offset` converts when needed.

Linearity
    Every pattern here is linear in the length of the input: the URL grammar is matched
    by a scanner over precomputed label runs rather than by one backtracking regular
    expression, so hostile input (a URL followed by thousands of commas, megabytes of
    ``@`` or ``#``, very long host labels) costs time proportional to its size.
Modules
    :mod:`~tweetresolve.entities.handles` (mentions, lists, replies),
    :mod:`~tweetresolve.entities.hashtags` (hashtags, cashtags), and below the records
    :mod:`tweetresolve.twitter_text` (URL scanning and validation, weighted length).
    Every name of ``__all__`` is importable from here.
"""

from __future__ import annotations

from tweetresolve.entities.handles import (
    _mention_entities,
    extract_reply_handle,
    is_valid_handle,
    is_valid_list,
)
from tweetresolve.entities.hashtags import _cashtag_entities, _hashtag_entities
from tweetresolve.records import Entity
from tweetresolve.twitter_text.length import (
    TextLength,
    is_valid_post_text,
    measure_text,
    weighted_length,
)
from tweetresolve.twitter_text.url_scan import _url_spans
from tweetresolve.twitter_text.url_validation import is_valid_url

__all__ = [
    "TextLength",
    "extract_entities",
    "extract_reply_handle",
    "is_valid_handle",
    "is_valid_hashtag",
    "is_valid_list",
    "is_valid_post_text",
    "is_valid_url",
    "measure_text",
    "utf16_offset",
    "weighted_length",
]


def _url_entities(text: str) -> list[Entity]:
    return [Entity(kind="url", text=text[a:b], start=a, end=b) for a, b, _ in _url_spans(text)]


def extract_entities(text: str) -> list[Entity]:
    """Return the mentions, lists, hashtags, cashtags and URLs of ``text``, in order.

    Kinds are ``mention`` (``@ada_example``), ``list`` (``@ada_example/reading-list``),
    ``hashtag`` (``#tag``, ``＃タグ``), ``cashtag`` (``$ABC``) and ``url`` (as written,
    with or without protocol). ``text`` of each entity includes its sigil, and
    ``text[entity.start:entity.end] == entity.text`` (code-point offsets). Where two
    candidates overlap, the one starting first wins, so a ``#fragment`` inside a URL is
    not a hashtag.

    >>> [e.text for e in extract_entities("RT @ada_example: #Tokyo2020 http://example.com/#top")]
    ['@ada_example', '#Tokyo2020', 'http://example.com/#top']
    >>> extract_entities("mail ada@example.com, #123 is no tag")
    []

    Never raises on content; non-``str`` input raises ``TypeError``.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_entities() expects a str, got {type(text).__name__}")
    entities = _url_entities(text)
    entities += _mention_entities(text)
    entities += _hashtag_entities(text)
    entities += _cashtag_entities(text)
    if len(entities) < 2:
        return entities
    entities.sort(key=lambda e: e.start)  # stable: URLs win ties, as in the reference
    kept = [entities[0]]
    for entity in entities[1:]:
        if entity.start >= kept[-1].end:
            kept.append(entity)
    return kept


def utf16_offset(text: str, index: int) -> int:
    """Convert a code-point offset into ``text`` to a UTF-16 code-unit offset.

    >>> utf16_offset("\\U0001f600 #tag", 2)
    3
    """
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


# ---------------------------------------------------------------------------
# Validating a lone URL (twitter-text isValidUrl, RFC 3986 with Unicode hosts)


def is_valid_hashtag(text: str) -> bool:
    """Whether ``text`` is exactly one hashtag, sign included.

    >>> is_valid_hashtag("#café"), is_valid_hashtag("#2024")
    (True, False)
    """
    found = [e for e in extract_entities(text) if e.kind == "hashtag"]
    return len(found) == 1 and found[0].text == text
