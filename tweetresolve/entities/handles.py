"""@mentions, @lists and the handle a post replies to (twitter-text ``validMentionOrList``).

These are entities of a post's own text. Prose that mentions a post without embedding
it ("she wrote on X") is another matter, found by :mod:`tweetresolve.mentions`.
"""

from __future__ import annotations

import re

from tweetresolve.records import Entity
from tweetresolve.twitter_text.chars import _LATIN_ACCENTS, _SPACES, _class

#: ``validMentionOrList``: what may precede ``@`` (not a letter, digit or ``_!#$%&*@``,
#: except ``RT``/``RT:`` in any case), a 1-20 character screen name, an optional
#: ``/list-slug`` starting with a letter. Example: ``RT:@ada_example/reading-list``.
_MENTION_RE = re.compile(
    r"(?:^|[^a-zA-Z0-9_!#$%&*@＠]|(?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?)"
    r"([@＠])([a-zA-Z0-9_]{1,20})(/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?"
)
#: A whole ``@handle/list-slug`` and nothing else. Example: ``@ada_example/reading-list``.
_LIST_RE = re.compile(r"[@＠][a-zA-Z0-9_]{1,20}/[a-zA-Z][a-zA-Z0-9_\-]{0,24}")
#: ``endMentionMatch``: a mention followed by another ``@``, an accented Latin letter or
#: ``://`` is not one (``@user@host``, ``@aliceìn``, ``@http://``).
_MENTION_END_RE = re.compile("[@＠" + _LATIN_ACCENTS + "]|://")
#: ``validReply``: a leading ``@name``, optionally after white space. Example: `` @ada``.
_REPLY_RE = re.compile("[" + _class(_SPACES) + "]*[@＠]([a-zA-Z0-9_]{1,20})")


def _mention_entities(text: str) -> list[Entity]:
    if "@" not in text and "＠" not in text:
        return []
    found = []
    for match in _MENTION_RE.finditer(text):
        if _MENTION_END_RE.match(text, match.end()):
            continue
        start = match.start(1)
        kind = "list" if match.group(3) else "mention"
        found.append(
            Entity(kind=kind, text=text[start : match.end()], start=start, end=match.end())
        )
    return found


def extract_reply_handle(text: str) -> str | None:
    """Return the handle a post replies to: a leading ``@name``, or None.

    >>> extract_reply_handle(" @ada_example thanks!")
    'ada_example'
    >>> extract_reply_handle(".@ada_example thanks!") is None
    True
    """
    match = _REPLY_RE.match(text)
    if match is None or _MENTION_END_RE.match(text, match.end()):
        return None
    return match.group(1)


def is_valid_handle(text: str) -> bool:
    """Whether ``text`` is exactly one ``@handle`` (1-20 letters, digits or ``_``).

    >>> is_valid_handle("@ada_example"), is_valid_handle("@ada-example")
    (True, False)
    """
    found = _mention_entities(text)
    return len(found) == 1 and found[0].kind == "mention" and found[0].text == text


def is_valid_list(text: str) -> bool:
    """Whether ``text`` is exactly one ``@handle/list-slug``.

    >>> is_valid_list("@ada_example/reading-list"), is_valid_list("@ada_example/")
    (True, False)
    """
    return _LIST_RE.fullmatch(text) is not None
