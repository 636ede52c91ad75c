"""Input URLs: reading them lazily, and checking one before it is requested.

>>> check_url("ftp://example.com/")
('scheme', "scheme 'ftp' is not http or https")
>>> with_scheme("bit.ly/abc")
'https://bit.ly/abc'
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, Awaitable, Callable, Iterable
from typing import Final
from urllib.parse import urlsplit

__all__ = [
    "MAX_URL_LENGTH",
    "as_list",
    "carry_fragment",
    "check_url",
    "input_reader",
    "with_scheme",
]

#: Longest input URL accepted; longer inputs are ``invalid_url``.
MAX_URL_LENGTH: Final = 8192
_CONTROL_CHARS: Final = frozenset(chr(c) for c in (*range(32), 127))
# ASCII characters that never appear in a host name or address literal (letters,
# digits, "-", ".", "_" and the brackets and colons of IPv6 literals do).
_BAD_HOST_CHARS: Final = frozenset(" %!\"#$&'()*+,/;<=>?@\\^`{|}~")


def check_url(text: str) -> tuple[str, str] | None:
    """Return ``(error detail, …)`` problems with a URL we are about to request."""
    if len(text) > MAX_URL_LENGTH:
        return ("url_too_long", f"longer than {MAX_URL_LENGTH} characters")
    if any(char in _CONTROL_CHARS for char in text):
        return ("control_characters", "contains control characters")
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018  (raises ValueError for a port out of range)
    except ValueError as exc:
        return ("unparseable", str(exc))
    if parts.scheme.lower() not in ("http", "https"):
        return ("scheme", f"scheme {parts.scheme!r} is not http or https")
    if not host:
        return ("no_host", "has no host")
    if any(char in _BAD_HOST_CHARS for char in host):
        # Never a valid host name or address; a resolver may still try it
        # ("a b.example", "%31%32%37.0.0.1"), so it never gets that far.
        return ("bad_host", f"has a host with a space or a character not allowed: {host!r}")
    if parts.username is not None or parts.password is not None:
        return ("credentials", "carries credentials (user:password@)")
    return None


def with_scheme(text: str) -> str:
    """Read a scheme-less ``host/path`` (as written in text) as https."""
    if "://" not in text.split("?", 1)[0] and not text.lower().startswith(("http:", "https:")):
        head = text.split("/", 1)[0]
        if "." in head and " " not in head and ":" not in head:
            return "https://" + text
    return text


def carry_fragment(previous: str, target: str) -> str:
    """Give a redirect target the previous URL's fragment when it has none."""
    # RFC 9110 10.2.2: a Location without a fragment inherits the request's.
    fragment = urlsplit(previous).fragment
    if fragment and "#" not in target:
        return f"{target}#{fragment}"
    return target


def input_reader(urls: Iterable[str] | AsyncIterable[str]) -> Callable[[], Awaitable[str | None]]:
    """Return an async function giving the next input URL, or None at the end."""
    if isinstance(urls, str):
        raise TypeError("expected an iterable of URLs, got a single str")
    if isinstance(urls, AsyncIterable):
        iterator = urls.__aiter__()
        lock = asyncio.Lock()

        async def next_async() -> str | None:
            async with lock:
                try:
                    return await iterator.__anext__()
                except StopAsyncIteration:
                    return None

        return next_async
    sync_iterator = iter(urls)

    async def next_sync() -> str | None:
        return next(sync_iterator, None)

    return next_sync


def as_list(urls: Iterable[str]) -> list[str]:
    """Read ``urls`` into a list, refusing a lone ``str`` (an easy mistake)."""
    if isinstance(urls, str):
        raise TypeError("expected an iterable of URLs, got a single str")
    return list(urls)
