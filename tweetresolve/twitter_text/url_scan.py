"""URLs in running text, found as twitter-text's ``extractUrlsWithIndices`` finds them.

The reference matches one large regular expression that backtracks on hostile text (a
URL followed by thousands of commas); here a scanner over precomputed host chains
(:class:`~tweetresolve.twitter_text.hosts._Chain`) gives the same spans in linear time.
"""

from __future__ import annotations

import re

from tweetresolve.twitter_text.chars import (
    _INVALID_CHARS,
    _NON_DOMAIN,
    _URL_LETTERS,
    _class,
)
from tweetresolve.twitter_text.hosts import (
    _ascii_hosts,
    _Chain,
    _is_valid_host,
    _tld_length,
    _utf16_len,
)

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

#: Non-ASCII characters that may not precede a URL (fullwidth ``@ #``, invalid characters).
_NOT_BEFORE_URL = frozenset("＠＃" + _INVALID_CHARS)
#: A protocol-less URL is dropped when its host directly follows one of these.
_NO_PROTOCOL_BAD_BEFORE = frozenset("-_./")


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
