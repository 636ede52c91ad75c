"""Undoing what converters write over text: Markdown escapes, HTML references, quote marks.

>>> _unescape("29\\\\. April &amp; more")
'29. April & more'
"""

from __future__ import annotations

import html
import re

# A Markdown quote prefix: "> " (html2text writes one per line inside <blockquote>), one
# ">" per level of nesting: ">> " is a blockquote inside a blockquote.
_QUOTE_PREFIX = re.compile(r"(?:[ \t]{0,3}>[ \t]?){1,8}")
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
