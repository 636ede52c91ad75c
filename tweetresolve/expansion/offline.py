"""Destinations that a URL holds in itself, found without any request.

Redirect wrappers (Google's ``/url?q=``, Facebook's ``l.php?u=``), short forms
(``youtu.be/ID``) and AMP caches carry their target in the URL; rewriting them
offline saves a request and avoids consent or bot walls on the wrapper's host.

>>> destination("https://www.google.com/url?q=https://example.com/a&sa=D")
'https://example.com/a'
>>> destination("https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2F&h=AT0")
'https://example.org/'
>>> destination("https://youtu.be/dQw4w9WgXcQ?t=42")
'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42'
>>> destination("https://example-com.cdn.ampproject.org/c/s/example.com/story.amp")
'https://example.com/story.amp'
>>> destination("https://example.com/") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit

__all__ = ["WRAPPER_HOSTS", "destination"]

# A Google host on any country domain: google.com, www.google.co.uk, google.de.
_GOOGLE_HOST_RE: Final = re.compile(r"^(?:www\.)?google(?:\.[a-z]{2,3}){1,2}$")
# Example: "www.google.co.uk".

# A YouTube video id: 11 characters of the URL-safe base64 alphabet.
_YOUTUBE_ID_RE: Final = re.compile(r"^[A-Za-z0-9_-]{11}$")
# Example: "dQw4w9WgXcQ".

# The AMP cache path: /c/ (document), /v/ (viewer) or /i/ (image), then "s/" for
# https origins, then host and path.  Source: the AMP cache URL format docs.
_AMP_PATH_RE: Final = re.compile(r"^/[cvi]/(s/)?([^/?#]+)(/[^?#]*)?$")
# Example: "/c/s/example.com/news/story.amp".


def _http_url(candidate: str | None) -> str | None:
    """Return ``candidate`` if it is an absolute http(s) URL, else None."""
    if not candidate:
        return None
    text = candidate.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text


def _param(parts: SplitResult, *names: str) -> str | None:
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    for name in names:
        found = _http_url(params.get(name))
        if found:
            return found
    return None


def _google(parts: SplitResult) -> str | None:
    if parts.path == "/url":
        return _param(parts, "q", "url")
    if parts.path.startswith("/amp/s/"):
        return _http_url("https://" + parts.path[len("/amp/s/") :])
    return None


def _facebook(parts: SplitResult) -> str | None:
    return _param(parts, "u") if parts.path == "/l.php" else None


def _instagram(parts: SplitResult) -> str | None:
    return _param(parts, "u")


def _youtube_redirect(parts: SplitResult) -> str | None:
    return _param(parts, "q") if parts.path == "/redirect" else None


def _youtu_be(parts: SplitResult) -> str | None:
    video = parts.path.strip("/")
    if not _YOUTUBE_ID_RE.match(video):
        return None
    params = [("v", video), *parse_qsl(parts.query, keep_blank_values=True)]
    return "https://www.youtube.com/watch?" + urlencode(params)


def _amp_cache(parts: SplitResult) -> str | None:
    match = _AMP_PATH_RE.match(parts.path)
    if match is None:
        return None
    scheme = "https" if match.group(1) else "http"
    query = f"?{parts.query}" if parts.query else ""
    return _http_url(f"{scheme}://{match.group(2)}{match.group(3) or '/'}{query}")


def _vk(parts: SplitResult) -> str | None:
    return _param(parts, "to") if parts.path == "/away.php" else None


# Exact hosts and the rule that reads each one's destination.
_RULES_BY_HOST: Final[dict[str, Callable[[SplitResult], str | None]]] = {
    "l.facebook.com": _facebook,
    "lm.facebook.com": _facebook,
    "l.messenger.com": _facebook,
    "l.instagram.com": _instagram,
    "youtu.be": _youtu_be,
    "www.youtube.com": _youtube_redirect,
    "youtube.com": _youtube_redirect,
    "m.youtube.com": _youtube_redirect,
    "vk.com": _vk,
    "m.vk.com": _vk,
}


#: Hosts that only ever redirect: every link on them is a wrapper worth expanding.
#: (YouTube and VK also serve ordinary pages, so only their redirect paths count,
#: through :func:`destination`.)
WRAPPER_HOSTS: Final = frozenset(
    {"l.facebook.com", "lm.facebook.com", "l.messenger.com", "l.instagram.com", "youtu.be"}
)


def destination(url: str) -> str | None:
    """Return the URL that ``url`` wraps or stands for, or None.

    Only absolute http(s) destinations are returned, so a wrapper pointing at
    ``javascript:`` or a relative path yields None.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().rstrip(".")
    rule = _RULES_BY_HOST.get(host)
    if rule is not None:
        return rule(parts)
    if _GOOGLE_HOST_RE.match(host):
        return _google(parts)
    if host.endswith(".ampproject.org"):
        return _amp_cache(parts)
    return None
