"""Finding the next URL of a redirect chain in one response.

Each finder says *how* it found the target, and that word becomes ``Hop.via``:

``location``      an HTTP 3xx ``Location`` header (absolute or relative)
``refresh``       a ``Refresh: 0; url=…`` response header
``meta_refresh``  ``<meta http-equiv="refresh" content="0;URL=…">``
``script``        ``location.replace("…")``, ``location.href = "…"``, ``window.location = "…"``
                  (t.co serves browsers such a page)
``interstitial``  a known "you are leaving" page: lnkd.in's external-link page,
                  bit.ly's warning page, TinyURL's preview page

Pure functions over already-read data; they never fetch anything.

>>> location_target("https://t.co/abc", "/next?x=1")
'https://t.co/next?x=1'
>>> refresh_target("https://a.example/", "0; url='https://b.example/'")
'https://b.example/'
>>> page = '<script>location.replace("https:\\\\/\\\\/example.com\\\\/a")</script>'
>>> body_target("https://t.co/x", page)
('https://example.com/a', 'script')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final
from urllib.parse import parse_qsl, urljoin, urlsplit

import lxml.etree
import lxml.html

from tweetresolve.expansion.canonical import host_matches

__all__ = [
    "REDIRECT_STATUSES",
    "body_target",
    "location_target",
    "refresh_target",
    "url_interstitial_target",
]

#: Statuses whose ``Location`` is followed.
REDIRECT_STATUSES: Final = frozenset({301, 302, 303, 307, 308})

# Longest redirect target we accept from a header or page; longer is hostile.
MAX_TARGET_LENGTH: Final = 8192

# The content of a Refresh header or <meta http-equiv=refresh>: a delay, a ";" or
# ",", optional "url=", then the URL, possibly quoted.  Source: HTML Living
# Standard, "shared declarative refresh steps" (simplified; no nested quantifiers).
_REFRESH_RE: Final = re.compile(
    r"^\s*([0-9]{0,9})(?:\.[0-9]*)?\s*[;,]?\s*(?:url\s*=\s*)?(.*)$", re.IGNORECASE | re.DOTALL
)
# Example: "0;URL=https://example.com/" -> ("0", "https://example.com/").

# A leading XML declaration (XHTML pages): "<?xml version='1.0' encoding='utf-8'?>".
_XML_DECLARATION_RE: Final = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")

#: A refresh slower than this (seconds) is a page reloading itself now and then
#: (news front pages do), not a redirect.
MAX_REFRESH_DELAY: Final = 60

# A script redirect: location.replace(…), location.assign(…), or an assignment to
# [window.|document.|top.|self.]location[.href], with a quoted string literal.
# Each literal branch excludes its quote and backslash, so matching is linear.
_SCRIPT_REDIRECT_RE: Final = re.compile(
    r"""location(?:\.(?:replace|assign)\(\s*|(?:\.href)?\s*=\s*)"""
    r"""(?:"((?:[^"\\\n]|\\.){1,4096})"|'((?:[^'\\\n]|\\.){1,4096})')"""
)
# Example: 'location.replace("https:\/\/example.com\/")' -> 'https:\/\/example.com\/'.

# JavaScript string escapes: \uXXXX, \xXX, or a backslash before any character.
_JS_ESCAPE_RE: Final = re.compile(r"\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(.))", re.DOTALL)
# Example: "https:\/\/a.example\u002Fb" -> "https://a.example/b".


def _clean_target(base_url: str, raw: str | None) -> str | None:
    if raw is None:
        return None
    text = raw.strip().strip("'\"").strip()
    if not text or len(text) > MAX_TARGET_LENGTH:
        return None
    return urljoin(base_url, text)


def location_target(base_url: str, location: str | None) -> str | None:
    """Resolve a ``Location`` header value against the URL that sent it."""
    return _clean_target(base_url, location)


def refresh_target(base_url: str, content: str | None) -> str | None:
    """Read the URL out of a ``Refresh`` header or meta refresh ``content``.

    >>> refresh_target("https://a.example/x/", "5;next.html")
    'https://a.example/x/next.html'
    >>> refresh_target("https://a.example/", "30") is None
    True
    >>> refresh_target("https://a.example/", "600; url=https://a.example/") is None
    True
    """
    if not content:
        return None
    match = _REFRESH_RE.match(content)
    if match is None or not match.group(2).strip():
        return None
    if match.group(1) and int(match.group(1)) > MAX_REFRESH_DELAY:
        return None
    return _clean_target(base_url, match.group(2))


def _unescape_js(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        return chr(int(code, 16)) if code else match.group(3)

    return _JS_ESCAPE_RE.sub(replace, text)


def _meta_refresh(base_url: str, root: Any) -> str | None:
    for meta in root.iter("meta"):
        if str(meta.get("http-equiv", "")).strip().lower() == "refresh":
            target = refresh_target(base_url, meta.get("content"))
            if target:
                return target
    return None


def _script_redirect(base_url: str, root: Any) -> str | None:
    for script in root.iter("script"):
        if script.get("src"):
            continue
        match = _SCRIPT_REDIRECT_RE.search(script.text or "")
        if match:
            return _clean_target(base_url, _unescape_js(match.group(1) or match.group(2)))
    return None


def _linkedin_interstitial(base_url: str, root: Any) -> str | None:
    # lnkd.in's "This link will take you to a page that's not on LinkedIn" page:
    # the target is the anchor tracked as "external_url_click".
    for anchor in root.iter("a"):
        if anchor.get("data-tracking-control-name") == "external_url_click":
            return _clean_target(base_url, anchor.get("href"))
    return None


def _tinyurl_interstitial(base_url: str, root: Any) -> str | None:
    # TinyURL's preview page links the target from <a id="redirecturl">.
    for anchor in root.iter("a"):
        if anchor.get("id") == "redirecturl":
            return _clean_target(base_url, anchor.get("href"))
    return None


# Hosts whose interstitial pages we know, and how to read each one.
_INTERSTITIALS: Final[tuple[tuple[tuple[str, ...], Callable[[str, Any], str | None]], ...]] = (
    (("lnkd.in", "linkedin.com"), _linkedin_interstitial),
    (("tinyurl.com",), _tinyurl_interstitial),
)

#: Hosts with a known interstitial page: their bodies are worth reading in full.
INTERSTITIAL_HOSTS: Final = frozenset(d for domains, _ in _INTERSTITIALS for d in domains)

_BITLY_HOSTS: Final = ("bit.ly", "bitly.com", "j.mp")


def url_interstitial_target(url: str) -> str | None:
    """Return the target a known warning-page URL carries in its query, if any.

    Bitly sends flagged links to ``bit.ly/a/warning?hash=…&url=<target>``; the
    page itself only repeats it.

    >>> url_interstitial_target("https://bit.ly/a/warning?hash=x1&url=https%3A%2F%2Fexample.com%2F")
    'https://example.com/'
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = parts.hostname or ""
    if host_matches(host, _BITLY_HOSTS) and parts.path.startswith("/a/warning"):
        target = dict(parse_qsl(parts.query)).get("url")
        if target and urlsplit(target).scheme.lower() in ("http", "https"):
            return target
    return None


def body_target(base_url: str, html: str) -> tuple[str, str] | None:
    """Find a redirect inside an HTML page: ``(target, via)`` or None.

    Tried in this order: a known interstitial for the page's host, meta refresh,
    then a script redirect.
    """
    # lxml refuses str input that declares an encoding, and NUL characters.
    html = _XML_DECLARATION_RE.sub("", html, count=1).replace("\x00", "")
    if not html.strip():
        return None
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    host = urlsplit(base_url).hostname or ""
    for domains, finder in _INTERSTITIALS:
        if host_matches(host, domains):
            target = finder(base_url, root)
            if target:
                return target, "interstitial"
    target = _meta_refresh(base_url, root)
    if target:
        return target, "meta_refresh"
    target = _script_redirect(base_url, root)
    if target:
        return target, "script"
    return None
