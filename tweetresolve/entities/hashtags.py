"""#hashtags and $cashtags (twitter-text ``validHashtag`` and ``validCashtag``)."""

from __future__ import annotations

import re
import unicodedata

from tweetresolve.records import Entity
from tweetresolve.twitter_text.chars import _JS_WHITESPACE, _PUNCT, _SPACES, _class

#: ``validCashtag``: ``$`` after white space (or at the start) plus 1-6 ASCII letters and
#: an optional ``.xx``/``_xx`` suffix, followed by the end, white space or punctuation.
#: Example: ``$ABC.X``.
_CASHTAG_RE = re.compile(
    "(?:^|[" + _class(_SPACES) + r"])\$([a-zA-Z]{1,6}(?:[._][a-zA-Z]{1,2})?)"
    r"(?=\Z|[" + _class(_JS_WHITESPACE) + "]|[" + _class(_PUNCT) + "])"
)
#: ``hashSigns``: ASCII and fullwidth number signs.
_HASH_SIGN_RE = re.compile("[#＃]")
#: Characters allowed in a hashtag besides letters, marks and decimal digits
#: (``hashtagSpecialChars``): underscore, ZWNJ/ZWJ, Hebrew and Japanese punctuation, …
_HASHTAG_SPECIALS = frozenset(
    "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\xb7"
)


_HASHTAG_CLASS: dict[str, int] = {}  # 0: other, 1: allowed, 2: allowed and a letter/mark


def _hashtag_class(ch: str) -> int:
    cls = _HASHTAG_CLASS.get(ch)
    if cls is None:
        category = unicodedata.category(ch)
        if category[0] in "LM":
            cls = 2
        elif category == "Nd" or ch in _HASHTAG_SPECIALS:
            cls = 1
        else:
            cls = 0
        if len(_HASHTAG_CLASS) < 65536:  # bounded: hostile text must not grow it forever
            _HASHTAG_CLASS[ch] = cls
    return cls


def _hashtag_entities(text: str) -> list[Entity]:
    if "#" not in text and "＃" not in text:
        return []
    n = len(text)
    found = []
    consumed = 0  # end of the reference regex's previous match: its characters are used up
    for match in _HASH_SIGN_RE.finditer(text):
        sign = match.start()
        if sign > 0:
            if sign - 1 < consumed:
                continue
            prev = text[sign - 1]
            # hashtagBoundary: start, a variation selector, or a character that is not
            # part of a hashtag and not "&" (so "&#39;" is no hashtag).
            if prev not in "\ufe0e\ufe0f" and (
                prev == "&" or _hashtag_class(prev) or "\ud800" <= prev <= "\udfff"
            ):
                continue
        pos = sign + 1
        if pos < n and text[pos] in "\ufe0f\u20e3":  # keycap "#️⃣" is an emoji
            continue
        has_letter = False
        while pos < n:
            cls = _hashtag_class(text[pos])
            if not cls:
                break
            has_letter = has_letter or cls == 2
            pos += 1
        if not has_letter:
            continue
        consumed = pos
        # endHashtagMatch: "#tag#more" and "#http://…" are no hashtags.
        if pos < n and (text[pos] in "#＃" or text.startswith("://", pos)):
            continue
        found.append(Entity(kind="hashtag", text=text[sign:pos], start=sign, end=pos))
    return found


def _cashtag_entities(text: str) -> list[Entity]:
    if "$" not in text:
        return []
    found = []
    for match in _CASHTAG_RE.finditer(text):
        start, end = match.start(1) - 1, match.end(1)  # the "$" sits right before group 1
        found.append(Entity(kind="cashtag", text=text[start:end], start=start, end=end))
    return found
