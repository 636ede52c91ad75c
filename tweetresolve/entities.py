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
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from typing import Any, NamedTuple

from tweetresolve._tlds import COUNTRY_TLDS, GENERIC_TLDS
from tweetresolve.records import Entity

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

# ---------------------------------------------------------------------------
# Character classes (twitter-text, regexp/*.js)
# ---------------------------------------------------------------------------

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
#: whole (an atomic group, written as lookahead plus backreference for Python 3.10), so
#: a long run without dots costs one pass. Example: ``www.example.com``.
_NOT_CHAIN = _class("".join(_NON_DOMAIN - set("._-")))
_HOST_CHAIN_RE = re.compile(
    "(?<![^" + _NOT_CHAIN + "])(?=(?P<head>[^." + _NOT_CHAIN + "]*))(?P=head)"
    "\\.[^" + _NOT_CHAIN + "]*"
)

#: Where a URL without protocol may start: a host character after a character that may
#: precede a URL (``validUrlPrecedingChars``: not an ASCII letter or digit, ``@ $ #``).
#: Example: the ``e`` of ``(example.com``.
#: A character outside the BMP may start a host whatever precedes it: the reference works
#: on UTF-16 and lets a host begin at the low surrogate, after the high one.
_URL_START_RE = re.compile(
    r"(?<=[^A-Za-z0-9@＠$#＃" + _INVALID_CHARS + "])[^" + _class("".join(sorted(_NON_DOMAIN))) + "]"
    "|[\U00010000-\U0010ffff]"
)

#: ``validGeneralUrlPathChars``: a run of characters allowed inside a URL path.
#: Example: ``wiki/Primer_`` in ``/wiki/Primer_(film)``.
_PATH_RUN_RE = re.compile(r"[a-zA-Z0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&" + _URL_LETTERS + "]*")
#: ``validUrlPathEndingChars`` (single characters): a path may end only on one of these
#: or on a balanced parenthesis group, so ``/foo.`` does not take the period.
_PATH_ENDING = r"+\-a-zA-Z0-9=_#/" + _URL_LETTERS
#: The last path-ending character of a stretch (searched with ``endpos`` at its end).
_PATH_LAST_END_RE = re.compile("[" + _PATH_ENDING + "][^" + _PATH_ENDING + r"]*\Z")
#: ``validUrlQueryChars``: a run of characters allowed after ``?``. Example: ``a=b&c=d``.
_QUERY_RUN_RE = re.compile(r"[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*")
#: ``validUrlQueryEndingChars``: the last character of a query.
_QUERY_ENDING = r"a-zA-Z0-9\-_&=#/"
#: The last query-ending character of a stretch (searched with ``endpos`` at its end).
_QUERY_LAST_END_RE = re.compile("[" + _QUERY_ENDING + "][^" + _QUERY_ENDING + r"]*\Z")
#: A port after the host: ``:8080``.
_PORT_RE = re.compile(r":[0-9]+")
#: ``https://`` or ``http://`` in any case, immediately before a host.
_PROTOCOLS = ("https://", "http://")
#: A t.co link: at most 40 slug characters, and nothing after the slug but a query.
#: Example: ``https://t.co/AbCdEf1234``.
_TCO_RE = re.compile(r"[hH][tT][tT][pP][sS]?://[tT]\.[cC][oO]/([a-zA-Z0-9]+)")
_MAX_TCO_SLUG = 40
#: A whole URL, protocol included, is at most this many UTF-16 code units.
_MAX_URL_LENGTH = 4096
#: A DNS label, after punycode encoding, holds at most 63 characters.
_MAX_LABEL_LENGTH = 63
#: Characters that ``punycode.toASCII`` treats as label separators besides ``.``.
_IDEOGRAPHIC_DOTS_RE = re.compile("[\u3002\uff0e\uff61]")
#: ``validAsciiDomain`` labels: ASCII letters, digits, hyphens and accented Latin.
#: Example: ``twitter`` in ``日本twitter.com``.
_ASCII_LABEL_RUN_RE = re.compile("[-a-zA-Z0-9" + _LATIN_ACCENTS + _LATIN_CASE_VARIANTS + "]+")
#: Non-ASCII characters that may not precede a URL (fullwidth ``@ #``, invalid characters).
_NOT_BEFORE_URL = frozenset("＠＃" + _INVALID_CHARS)
#: A protocol-less URL is dropped when its host directly follows one of these.
_NO_PROTOCOL_BAD_BEFORE = frozenset("-_./")
#: What may follow a top-level domain: anything but an ASCII letter, digit, ``@ + -``.
_TLD_FOLLOWER_BAD = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@+-")
#: ``validPunycode``: an ``xn--`` top-level label. Example: ``xn--p1ai``.
_PUNYCODE_TLD_RE = re.compile(r"[xX][nN]--[-0-9a-zA-Z]+")

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

# ---------------------------------------------------------------------------
# Top-level domains
# ---------------------------------------------------------------------------


def _build_tld_trie() -> dict[str, object]:
    # A character trie, so checking "does a TLD start here" costs a few dict lookups
    # instead of an alternation of 1,600 literals.
    trie: dict[str, object] = {}
    for tld in (*GENERIC_TLDS, *COUNTRY_TLDS):
        node = trie
        for ch in tld:
            node = node.setdefault(ch, {})  # type: ignore[assignment]
        node[""] = True
    return trie


_TLD_TRIE = _build_tld_trie()


def _tld_length(text: str, pos: int) -> int:
    """Length of the top-level domain starting at ``text[pos]``, or 0.

    The longest known TLD followed by something other than an ASCII letter, digit,
    ``@``, ``+`` or ``-`` wins (the reference lists longer names first); failing that,
    an ``xn--`` label.
    """
    node = _TLD_TRIE
    best = 0
    i = pos
    end = len(text)
    while i < end:
        ch = text[i]
        lower = ch.lower()
        if lower.isascii() and not ch.isascii():
            break  # the Kelvin sign is no "k" to the reference's case-insensitive match
        nxt = node.get(lower)
        if nxt is None:
            break
        node = nxt  # type: ignore[assignment]
        i += 1
        if "" in node and (i >= end or text[i] not in _TLD_FOLLOWER_BAD):
            best = i - pos
    if best:
        return best
    match = _PUNYCODE_TLD_RE.match(text, pos)
    return match.end() - pos if match else 0


# ---------------------------------------------------------------------------
# URLs
# ---------------------------------------------------------------------------


class _Chain:
    """The dot-separated label runs of one host chain, with what the host grammar needs.

    The reference grammar is ``subdomain* domain-name tld``: subdomain labels may hold
    ``_`` and ``-`` inside, the domain name only ``-``; every label starts and ends with
    a host character. Precomputing, per run, whether it can serve as each kind of label
    and the furthest usable TLD lets every start position be answered in constant time,
    which keeps the scan linear where the reference regular expression backtracks.
    """

    __slots__ = ("best", "dotted", "ends", "last_ok", "last_underscore", "starts", "tld")

    def __init__(self, text: str, start: int, end: int) -> None:
        starts: list[int] = []
        ends: list[int] = []
        pos = start
        while True:
            dot = text.find(".", pos, end)
            if dot < 0:
                starts.append(pos)
                ends.append(end)
                break
            starts.append(pos)
            ends.append(dot)
            pos = dot + 1
        count = len(starts)
        self.starts = starts
        self.ends = ends
        #: The run is followed by a dot (so it can be a label).
        self.dotted = [i < count - 1 for i in range(count)]
        #: The run is non-empty and ends with a host character.
        self.last_ok = [
            e > s and text[e - 1] not in _NON_DOMAIN for s, e in zip(starts, ends, strict=True)
        ]
        self.last_underscore = [text.rfind("_", s, e) for s, e in zip(starts, ends, strict=True)]
        self.tld = [0] + [_tld_length(text, starts[i]) for i in range(1, count)]
        sub_ok = [
            self.dotted[i] and self.last_ok[i] and text[starts[i]] not in _NON_DOMAIN
            for i in range(count)
        ]
        name_ok = [sub_ok[i] and self.last_underscore[i] < 0 for i in range(count)]
        # best[i]: for a host starting in run i, the furthest run j >= i + 2 holding the
        # TLD such that runs i+1 .. j-1 are valid labels and run j-1 a valid domain name;
        # -1 when there is none. Greedy, like the reference's ``subdomain*``.
        last_good = [-1] * count
        for j in range(1, count):
            good = name_ok[j - 1] and self.tld[j] > 0
            last_good[j] = j if good else last_good[j - 1]
        streak = list(range(count))
        for i in range(count - 2, -1, -1):
            if sub_ok[i + 1]:
                streak[i] = streak[i + 1]
        self.best = [
            last_good[streak[i] + 1] if streak[i] + 1 < count else -1 for i in range(count)
        ]

    def run_of(self, pos: int) -> int:
        """Index of the run holding ``pos`` (a binary search: a chain may have many runs)."""
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def host_end(self, run: int, start: int) -> int:
        """End of the host starting at ``start`` in ``run``, or -1 when there is none."""
        if not (self.dotted[run] and self.last_ok[run]):
            return -1
        best = self.best[run]
        if best >= run + 2:
            return self.starts[best] + self.tld[best]
        # Only the first label before the TLD: it must then be a valid domain name.
        if self.tld[run + 1] and self.last_underscore[run] < start:
            return self.starts[run + 1] + self.tld[run + 1]
        return -1

    def first_start(self, run: int) -> int:
        """The smallest start in ``run`` for which :meth:`host_end` can succeed."""
        if not (self.dotted[run] and self.last_ok[run]):
            return -1
        if self.best[run] >= run + 2:
            return self.starts[run]
        if self.tld[run + 1]:
            return max(self.starts[run], self.last_underscore[run] + 1)
        return -1


def _balanced_end(text: str, pos: int) -> int:
    """End of the balanced group ``(…)`` or ``(…(…)…)`` at ``text[pos]``, or -1."""
    n = len(text)
    inner = _PATH_RUN_RE.match(text, pos + 1).end()  # type: ignore[union-attr]
    if inner < n and text[inner] == ")" and inner > pos + 1:
        return inner + 1
    if inner < n and text[inner] == "(":
        nested = _PATH_RUN_RE.match(text, inner + 1).end()  # type: ignore[union-attr]
        if nested > inner + 1 and nested < n and text[nested] == ")":
            tail = _PATH_RUN_RE.match(text, nested + 1).end()  # type: ignore[union-attr]
            if tail < n and text[tail] == ")":
                return tail + 1
    return -1


def _path_end(text: str, slash: int) -> int:
    """End of the path starting with the ``/`` at ``slash``.

    In the reference grammar a path is a sequence of units, each either a stretch of
    path characters and balanced groups ending on a path-ending character, or a lone
    balanced group. So the path runs to the last path-ending character of the stretch,
    then takes the balanced groups that directly follow it: ``/a(b)`` keeps ``(b)``,
    ``/!(b)`` stops at the slash, ``/a.`` drops the period.
    """
    n = len(text)
    pos = slash + 1
    last = pos
    # One pass over the stretch: path-character runs separated by balanced groups.
    while True:
        run_end = _PATH_RUN_RE.match(text, pos).end()  # type: ignore[union-attr]
        ending = _PATH_LAST_END_RE.search(text, pos, run_end)
        if ending:
            last = ending.start() + 1
        if run_end < n and text[run_end] == "(":
            group_end = _balanced_end(text, run_end)
            if group_end > 0:
                pos = group_end
                continue
        break
    # Lone balanced groups right after the last ending character (or the slash).
    while last < n and text[last] == "(":
        group_end = _balanced_end(text, last)
        if group_end < 0:
            break
        last = group_end
    return last


def _query_end(text: str, mark: int, limit: int) -> int:
    """End of the query starting with the ``?`` at ``mark``, or ``mark`` if there is none."""
    run_end = _QUERY_RUN_RE.match(text, mark + 1, limit).end()  # type: ignore[union-attr]
    ending = _QUERY_LAST_END_RE.search(text, mark + 1, run_end)
    return ending.start() + 1 if ending else mark


def _utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (astral characters count 2)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _punycode_length(label: str) -> int:
    """Length of ``label`` as JavaScript's ``punycode.toASCII`` would write it."""
    if label.isascii():
        return len(label)
    total = 0
    parts = _IDEOGRAPHIC_DOTS_RE.split(label)
    for part in parts:
        if part.isascii():
            total += len(part)
            continue
        try:
            total += 4 + len(part.encode("punycode"))
        except UnicodeError:
            return _MAX_LABEL_LENGTH + 1
    return total + len(parts) - 1


def _is_valid_host(url_length16: int, protocol: str, host: str) -> bool:
    """The reference's ``isValidUrl``: label lengths after punycode, total length."""
    if host[:4] == "xn--" and not _ascii_hosts(host):
        # A punycode host cannot also hold raw non-ASCII characters.
        return False
    for label in host.split("."):
        # Punycode never shortens a label, so long labels need no encoding to reject.
        if not label or len(label) > _MAX_LABEL_LENGTH:
            return False
        if _punycode_length(label) > _MAX_LABEL_LENGTH:
            return False
    return len(protocol) + url_length16 <= _MAX_URL_LENGTH


def _ascii_hosts(host: str) -> list[tuple[int, int]]:
    """Spans of the ASCII host names inside ``host`` (``validAsciiDomain``, global scan).

    ``日本twitter.comテストexample.com`` holds ``twitter.com`` and ``example.com``.
    """
    runs = [(m.start(), m.end()) for m in _ASCII_LABEL_RUN_RE.finditer(host)]
    if not runs:
        return []
    n = len(host)
    count = len(runs)
    tld_end = [-1] * count
    for r, (_, end) in enumerate(runs):
        if end < n and host[end] == ".":
            length = _tld_length(host, end + 1)
            if length:
                tld_end[r] = end + 1 + length
    # best[r]: end of the longest match starting in run r (groups of ``label.`` then a TLD).
    best = [-1] * count
    for r in range(count - 1, -1, -1):
        end = runs[r][1]
        linked = end < n and host[end] == "." and r + 1 < count and runs[r + 1][0] == end + 1
        if linked and best[r + 1] >= 0:
            best[r] = best[r + 1]
        else:
            best[r] = tld_end[r]
    spans: list[tuple[int, int]] = []
    pos = 0  # where the reference's global scan resumes
    reported_end = 0  # where its indexOf() search for the matched text resumes
    for r, (start, end) in enumerate(runs):
        if end <= pos or best[r] < 0:
            continue
        begin = max(start, pos)
        # The reference locates each match with host.indexOf(match, previous end), which
        # finds an earlier copy of the same text when there is one ("baco.uk1⃣co.uk" gives
        # "co.uk" at index 2). Kept for parity; the span still holds the same text.
        found = host.find(host[begin : best[r]], reported_end)
        reported_end = found + best[r] - begin
        spans.append((found, reported_end))
        pos = best[r]
    return spans


def _url_spans(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, length)`` of the URLs in ``text``, in order (``extractUrlsWithIndices``).

    ``[start, end)`` is the span; ``length`` the length of the URL text the reference
    reports, which differs from the span only in the case described in _ascii_hosts.

    Emulates the reference's global regular-expression scan: candidates are tried from
    left to right, a match consumes the text it covers (even when it is then rejected),
    and the next candidate's preceding character must lie after the previous match.
    """
    if "." not in text:
        return []
    spans: list[tuple[int, int, int]] = []
    consumed = 0  # like the reference regex's lastIndex
    for chain_match in _HOST_CHAIN_RE.finditer(text):
        c_start, c_end = chain_match.span()
        if c_end <= consumed or not _may_hold_host(text, c_start, c_end):
            continue
        chain: _Chain | None = None

        # 1. A protocol right before the chain: "https://example.com".
        for proto in _PROTOCOLS:
            p_start = c_start - len(proto)
            if p_start < 0 or text[p_start:c_start].lower() != proto:
                continue
            before_ok = (p_start == 0 and consumed == 0) or (
                p_start - 1 >= consumed and _precedes_url(text[p_start - 1])
            )
            if before_ok and text[c_start] not in _NON_DOMAIN:
                chain = chain or _Chain(text, c_start, c_end)
                host_end = chain.host_end(0, c_start)
                if host_end > 0:
                    consumed = _emit_url(
                        text,
                        spans,
                        start=p_start,
                        protocol=proto,
                        host_start=c_start,
                        host_end=host_end,
                        before="",
                    )
            break
        if consumed >= c_end:
            continue

        # 2. Hosts without protocol, leftmost first.
        chain = chain or _Chain(text, c_start, c_end)
        run = chain.run_of(max(c_start, consumed))
        while run < len(chain.starts):
            if chain.ends[run] <= consumed:
                run += 1
                continue
            first = chain.first_start(run)
            if first < 0:
                run += 1
                continue
            start = _next_url_start(text, max(first, consumed), chain.ends[run], consumed)
            if start < 0:
                run += 1
                continue
            host_end = chain.host_end(run, start)
            # The preceding character, or "" at the start and for a host that begins
            # inside an astral character (after its high surrogate).
            before = text[start - 1] if start > consumed and _precedes_url(text[start - 1]) else ""
            consumed = _emit_url(
                text,
                spans,
                start=start,
                protocol="",
                host_start=start,
                host_end=host_end,
                before=before,
            )
            if consumed >= c_end:
                break
            run = chain.run_of(consumed)
    return spans


def _may_hold_host(text: str, start: int, end: int) -> bool:
    """Cheap pre-check: does some dot in the chain come after a label and before a TLD?"""
    dot = text.find(".", start + 1, end)
    while dot >= 0:
        if _tld_length(text, dot + 1):
            return True
        dot = text.find(".", dot + 1, end)
    return False


def _precedes_url(ch: str) -> bool:
    """``validUrlPrecedingChars``: may ``ch`` stand right before a URL?"""
    if ch.isascii():
        return not (ch.isalnum() or ch in "@$#")
    return ch not in _NOT_BEFORE_URL


def _next_url_start(text: str, lo: int, hi: int, consumed: int) -> int:
    """First position in ``[lo, hi)`` where a protocol-less host may start, or -1.

    The character before the host is part of the reference's match, so it must lie at or
    after ``consumed``. At the very start of the text, the reference tries a host at
    index 1 (after a preceding character at index 0) before one at index 0.
    """
    if consumed == 0 and lo == 0:
        if ord(text[0]) > 0xFFFF:
            return 0  # a host inside it (after its high surrogate) is tried first
        if hi > 1 and text[1] not in _NON_DOMAIN and _precedes_url(text[0]):
            return 1
        if text[0] not in _NON_DOMAIN:
            return 0
    if lo <= consumed < hi and ord(text[consumed]) > 0xFFFF:
        return consumed  # its high surrogate is the (unconsumed) preceding character
    match = _URL_START_RE.search(text, max(lo, consumed + 1), hi)
    return match.start() if match else -1


def _emit_url(
    text: str,
    spans: list[tuple[int, int, int]],
    *,
    start: int,
    protocol: str,
    host_start: int,
    host_end: int,
    before: str,
) -> int:
    """Finish the URL whose host is ``[host_start, host_end)``; return where it ends.

    Appends the accepted span(s) to ``spans``. The return value is the end of the whole
    match (port, path and query included), which the caller treats as consumed.
    """
    n = len(text)
    pos = host_end
    port = _PORT_RE.match(text, pos) if pos < n and text[pos] == ":" else None
    if port:
        pos = port.end()
    has_path = pos < n and text[pos] == "/"
    if has_path:
        pos = _path_end(text, pos)
    if pos < n and text[pos] == "?":
        pos = _query_end(text, pos, n)
    end = pos
    host = text[host_start:host_end]
    if not _is_valid_host(_utf16_len(text[start:end]), protocol or "https://", host):
        return end
    if protocol:
        tco = _TCO_RE.match(text, start, end)
        if tco:
            if len(tco.group(1)) > _MAX_TCO_SLUG:
                return end
            # Nothing may follow a t.co slug but a query.
            tco_end = tco.end()
            if tco_end < end and text[tco_end] == "?":
                tco_end = _query_end(text, tco_end, end)
            spans.append((start, tco_end, tco_end - start))
        else:
            spans.append((start, end, end - start))
        return end
    if before in _NO_PROTOCOL_BAD_BEFORE:
        return end
    # Without a protocol only ASCII host names count; "日本example.com" gives "example.com".
    found = _ascii_hosts(host)
    if not found:
        return end
    for i, (a, b) in enumerate(found):
        last = i == len(found) - 1
        if last and has_path:
            # The reference's URL text is this host plus the rest of the match, even when
            # its indexOf() quirk placed the host earlier (see _ascii_hosts).
            spans.append((host_start + a, end, (b - a) + (end - host_end)))
        else:
            spans.append((host_start + a, host_start + b, b - a))
    return end


# ---------------------------------------------------------------------------
# Mentions, hashtags, cashtags
# ---------------------------------------------------------------------------


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


def utf16_offset(text: str, index: int) -> int:
    """Convert a code-point offset into ``text`` to a UTF-16 code-unit offset.

    >>> utf16_offset("\\U0001f600 #tag", 2)
    3
    """
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


# ---------------------------------------------------------------------------
# Validating a lone URL (twitter-text isValidUrl, RFC 3986 with Unicode hosts)
# ---------------------------------------------------------------------------

#: An RFC 3986 scheme followed by ``://`` at the start of a URL. Example: ``https://``.
_URL_SCHEME_RE = re.compile(r"[^:/?#]+://")
#: Characters that end a URL fragment (JavaScript's ``.`` stops at line terminators).
_LINE_TERMINATORS_RE = re.compile("[\n\r\u2028\u2029]")
#: ``pchar`` (unreserved, sub-delims, ``:``, ``@``, ``|``) plus ``/``, with percent
#: escapes; letters in either case, Cyrillic included. Example: ``/a/b;c=%20``.
_PCHARS = "a-zA-Z0-9\u0400-\u04ff" + _CYRILLIC_CASE_VARIANTS + "\\-._~!$&'()*+,;=:|@"
_PATH_RE = re.compile("(?:/(?:[" + _PCHARS + "]|%[0-9a-fA-F]{2})*)*")
_QUERY_RE = re.compile("(?:[" + _PCHARS + "/?]|%[0-9a-fA-F]{2})*")
#: ``userinfo@``. Example: ``user:secret@``.
_USERINFO_RE = re.compile(
    "(?:[a-zA-Z0-9\u0400-\u04ff" + _CYRILLIC_CASE_VARIANTS + "\\-._~!$&'()*+,;=:]"
    "|%[0-9a-fA-F]{2})*@"
)
#: A decimal octet of an IPv4 address, then a dot: ``0.`` to ``255.``, no leading zero.
_OCTET_DOT_RE = re.compile(r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])\.")
#: A bracketed IPv6 address (loosely, as the reference has it): ``[2001:db8::1]``.
_IPV6_RE = re.compile(r"\[[a-fA-F0-9:.]+\]")
#: A port: the reference takes at most five digits.
_URL_PORT_RE = re.compile(r":[0-9]{1,5}")
#: A run of characters that may make up a host label (any non-ASCII character counts).
_HOST_LABEL_RUN_RE = re.compile("[a-zA-Z0-9_\\-\u0080-\U0010ffff]*")


def _is_host_letter(ch: str) -> bool:
    return (ch.isascii() and ch.isalnum()) or not ch.isascii()


def _host_match_end(authority: str, pos: int) -> int:
    """End of the reference's first match of a host at ``pos``, or -1.

    Alternatives in the reference's order: IPv4 (whose last octet, tried shortest first,
    takes a single digit), bracketed IPv6, then a domain ``(label.)* label. tld`` whose
    labels start and end with a letter or digit (any non-ASCII character counts as one),
    subdomain labels may hold ``_``, the TLD starts with a letter.
    """
    n = len(authority)
    # IPv4: three octets with their dots, then one digit.
    end = pos
    for _ in range(3):
        octet = _OCTET_DOT_RE.match(authority, end)
        if octet is None:
            break
        end = octet.end()
    else:
        if end < n and authority[end].isdigit() and authority[end].isascii():
            return end + 1
    ipv6 = _IPV6_RE.match(authority, pos)
    if ipv6:
        return ipv6.end()
    # Domain: split into dot-separated runs of label characters.
    starts: list[int] = []
    ends: list[int] = []
    start = pos
    while True:
        stop = _HOST_LABEL_RUN_RE.match(authority, start).end()  # type: ignore[union-attr]
        starts.append(start)
        ends.append(stop)
        if stop < n and authority[stop] == ".":
            start = stop + 1
        else:
            break

    def label_ok(i: int, underscore: bool) -> bool:
        s, e = starts[i], ends[i]
        return (
            e > s
            and i < len(starts) - 1  # followed by a dot
            and _is_host_letter(authority[s])
            and _is_host_letter(authority[e - 1])
            and (underscore or authority.find("_", s, e) < 0)
        )

    subdomains = 0
    while subdomains < len(starts) and label_ok(subdomains, True):
        subdomains += 1
    for count in range(min(subdomains, len(starts) - 2), -1, -1):
        if not label_ok(count, False):
            continue
        s, e = starts[count + 1], ends[count + 1]
        if s < e and (
            (authority[s].isascii() and authority[s].isalpha()) or ord(authority[s]) > 0x7F
        ):
            # The TLD runs to its last letter or digit before any "_".
            tld_end = s + 1
            for k in range(s + 1, e):
                if authority[k] == "_":
                    break
                if _is_host_letter(authority[k]):
                    tld_end = k + 1
            return tld_end
    return -1


def _is_valid_authority(authority: str) -> bool:
    """The reference's first match of ``userinfo@ host :port`` must be the whole text."""
    attempts = []
    userinfo = _USERINFO_RE.match(authority)
    if userinfo:
        attempts.append(userinfo.end())
    attempts.append(0)
    for host_start in attempts:
        end = _host_match_end(authority, host_start)
        if end < 0:
            continue  # no host here: the reference backtracks over the userinfo
        port = _URL_PORT_RE.match(authority, end)
        if port:
            end = port.end()
        return end == len(authority)
    return False


def is_valid_url(url: str, *, require_protocol: bool = True) -> bool:
    """Whether ``url`` alone is a valid ``http(s)`` URL (twitter-text's ``isValidUrl``).

    Stricter than finding URLs in text: the whole string must be a URL by RFC 3986, with
    Unicode host names allowed. Without ``require_protocol`` the scheme may be missing.

    >>> is_valid_url("https://example.com/a?b=c#d"), is_valid_url("ftp://example.com/")
    (True, False)
    >>> is_valid_url("example.com/a", require_protocol=False)
    True
    """
    if not url:
        return False
    # RFC 3986's split: scheme://, authority, path, ?query, #fragment. Each part ends at
    # the first delimiter of the next, so plain searches split it without backtracking.
    scheme_match = _URL_SCHEME_RE.match(url)
    scheme = url[: scheme_match.end() - 3] if scheme_match else None
    rest = url[scheme_match.end() :] if scheme_match else url
    fragment_at = rest.find("#")
    fragment = rest[fragment_at + 1 :] if fragment_at >= 0 else ""
    rest = rest[:fragment_at] if fragment_at >= 0 else rest
    query_at = rest.find("?")
    query = rest[query_at + 1 :] if query_at >= 0 else ""
    rest = rest[:query_at] if query_at >= 0 else rest
    path_at = rest.find("/")
    authority, path = (rest[:path_at], rest[path_at:]) if path_at >= 0 else (rest, "")
    if _LINE_TERMINATORS_RE.search(fragment):
        return False
    if require_protocol and (scheme is None or scheme.lower() not in ("http", "https")):
        return False
    if _PATH_RE.fullmatch(path) is None:
        return False
    for optional in (query, fragment):
        if optional and _QUERY_RE.fullmatch(optional) is None:
            return False
    return _is_valid_authority(authority)


# ---------------------------------------------------------------------------
# Weighted length (twitter-text parseTweet)
# ---------------------------------------------------------------------------

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
    from tweetresolve._emoji import SEQUENCES, SINGLE_RANGES  # noqa: PLC0415

    singles = frozenset(chr(code) for low, high in SINGLE_RANGES for code in range(low, high + 1))
    trie: dict[str, Any] = {}
    for sequence in SEQUENCES:
        node = trie
        for ch in sequence:
            node = node.setdefault(ch, {})
        node[_EMOJI_END] = True
    firsts = sorted(set(trie) | singles)
    starts = re.compile("[" + _class("".join(firsts)) + "]")
    return trie, singles - _TEXT_ONLY_SINGLES, starts


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
            if valid and (weight + seg_weight > limit or _INVALID_RE.search(segment)):
                # The limit or an invalid character falls in this stretch: walk it.
                for ch in segment:
                    weight += _plain_weight(ch, version)
                    units += 2 if ord(ch) > 0xFFFF else 1
                    valid = valid and ch not in _INVALID_CHARS
                    if valid and weight <= limit:
                        valid_index = units - 1
            else:
                weight += seg_weight
                units += seg_units
                if valid and weight <= limit:
                    valid_index = units - 1
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


def is_valid_hashtag(text: str) -> bool:
    """Whether ``text`` is exactly one hashtag, sign included.

    >>> is_valid_hashtag("#café"), is_valid_hashtag("#2024")
    (True, False)
    """
    found = [e for e in extract_entities(text) if e.kind == "hashtag"]
    return len(found) == 1 and found[0].text == text
