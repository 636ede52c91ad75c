"""Character classes of twitter-text (``regexp/*.js``), as strings for ``[...]`` classes."""

from __future__ import annotations

#: White space as twitter-text defines it (``spacesGroup``).
_SPACES = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u180e"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
)
#: JavaScript's ``\s``: used where the reference writes ``\s`` rather than its own spaces.
_JS_WHITESPACE = (
    "\t\n\x0b\x0c\r \xa0\u1680"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
#: Characters that make a post invalid.
_INVALID_CHARS = "\ufffe\ufeff\uffff"
#: Bidirectional controls; they separate words but never belong to a host name.
_DIRECTIONAL = "\u202a\u202b\u202c\u202d\u202e\u061c\u200e\u200f\u2066\u2067\u2068\u2069"
#: ASCII punctuation as twitter-text lists it (note: no ``"`` and no backquote).
_PUNCT = "!'#%&()*+,\\-./:;<=>?@[]^_{|}~$"
#: Characters that may not appear in a host label (everything else may, CJK included).
_NON_DOMAIN = frozenset(_PUNCT + _SPACES + _INVALID_CHARS + _DIRECTIONAL)
#: Accented Latin letters accepted in paths and ASCII-ish host names (``latinAccentChars``).
_LATIN_ACCENTS = (
    "\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
    "\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC = "\u0400-\u04ff"
#: The reference matches URLs case-insensitively, so a class holding these ranges also
#: accepts the characters whose upper case falls in them (``ʈ`` for ``Ʈ``, Cyrillic
#: small letter variants for ``В``…). Listed from the reference's own behaviour.
_LATIN_CASE_VARIANTS = (
    "\u0260\u0269\u0275\u0280\u0283\u0288\u028a\u028c\u0292\u0399\u03b9\u1fbe"
    "\u2c65\u2c66\u2c7e\u2c7f\ua7dc"
)
_CYRILLIC_CASE_VARIANTS = "\u1c80-\u1c87"
_URL_LETTERS = _CYRILLIC + _CYRILLIC_CASE_VARIANTS + _LATIN_ACCENTS + _LATIN_CASE_VARIANTS


def _class(chars: str) -> str:
    """Escape a set of literal characters for ``[...]``, runs written as ranges.

    Ranges keep large classes fast: the regex engine tests listed astral characters one
    by one, but a range in one step.
    """

    def escape(ch: str) -> str:
        return "\\" + ch if ch in "\\]^-[" else ch

    codes = sorted({ord(c) for c in chars})
    parts = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(escape(chr(codes[i])) + ("-" + escape(chr(codes[j])) if j > i else ""))
        i = j + 1
    return "".join(parts)


#: A host can only lie in a run of label characters and dots that holds a dot. Grammar:
#: ``(?<!chain-char) label-chars* "." chain-chars*``, where the first label is taken
