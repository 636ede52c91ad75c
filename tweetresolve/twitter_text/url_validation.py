"""Whether one whole string is a valid URL (twitter-text ``isValidUrl``, RFC 3986)."""

from __future__ import annotations

import re

from tweetresolve.twitter_text.chars import _CYRILLIC_CASE_VARIANTS

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
