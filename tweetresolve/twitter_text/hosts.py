"""Host names as twitter-text reads them: top-level domains, label runs and their limits.

Every step is linear: a host chain is split into its dot-separated runs once, and a
character trie answers "does a known top-level domain start here" in a few lookups.
"""

from __future__ import annotations

import re

from tweetresolve._tlds import COUNTRY_TLDS, GENERIC_TLDS
from tweetresolve.twitter_text.chars import (
    _LATIN_ACCENTS,
    _LATIN_CASE_VARIANTS,
    _NON_DOMAIN,
)

#: A DNS label, after punycode encoding, holds at most 63 characters.
_MAX_LABEL_LENGTH = 63
#: A whole URL, protocol included, is at most this many UTF-16 code units.
_MAX_URL_LENGTH = 4096
#: Characters that ``punycode.toASCII`` treats as label separators besides ``.``.
_IDEOGRAPHIC_DOTS_RE = re.compile("[\u3002\uff0e\uff61]")
#: ``validAsciiDomain`` labels: ASCII letters, digits, hyphens and accented Latin.
#: Example: ``twitter`` in ``日本twitter.com``.
_ASCII_LABEL_RUN_RE = re.compile("[-a-zA-Z0-9" + _LATIN_ACCENTS + _LATIN_CASE_VARIANTS + "]+")
#: What may follow a top-level domain: anything but an ASCII letter, digit, ``@ + -``.
_TLD_FOLLOWER_BAD = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@+-")
#: ``validPunycode``: an ``xn--`` top-level label. Example: ``xn--p1ai``.
_PUNYCODE_TLD_RE = re.compile(r"[xX][nN]--[-0-9a-zA-Z]+")


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


def _utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (astral characters count 2)."""
    if text.isascii():
        return len(text)
    # Encoding counts in C; a lone surrogate is one unit, as in JavaScript.
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


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
