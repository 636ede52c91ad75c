"""The cookies of one chain, capped, and a digest of them for loop detection.

A chain keeps the cookies its servers set (some shorteners send you back to
themselves once a cookie is set), but a hostile server can set thousands per hop.
So a chain keeps at most :data:`MAX_CHAIN_COOKIES` cookies and
:data:`MAX_CHAIN_COOKIE_BYTES` bytes of names and values; reads at most
:data:`MAX_SET_COOKIE_HEADERS` ``Set-Cookie`` headers of a response and skips any
longer than :data:`MAX_COOKIE_BYTES`.  Cookies beyond the caps are dropped (a
cookie the chain already holds may still be replaced or deleted).  Loop detection
remembers a fixed-size digest of the cookies per hop, never the cookies themselves.

>>> jar = ChainCookies()
>>> response = httpx.Response(302, headers=[("Set-Cookie", f"c{n}=1") for n in range(500)],
...                           request=httpx.Request("GET", "https://example.com/"))
>>> jar.extract(response)
>>> len(jar)
50
>>> len(jar.digest())
32
"""

from __future__ import annotations

import hashlib
from typing import Final

import httpx

__all__ = [
    "MAX_CHAIN_COOKIES",
    "MAX_CHAIN_COOKIE_BYTES",
    "MAX_COOKIE_BYTES",
    "MAX_SET_COOKIE_HEADERS",
    "ChainCookies",
]

#: Most cookies one chain keeps (RFC 6265 section 6.1 asks user agents for at least
#: 50 per domain; a redirect chain needs a handful).
MAX_CHAIN_COOKIES: Final = 50
#: Most bytes of cookie names and values one chain keeps.
MAX_CHAIN_COOKIE_BYTES: Final = 16 * 1024
#: Longest ``Set-Cookie`` header read (RFC 6265's minimum per-cookie size, 4096
#: bytes, plus room for attributes).
MAX_COOKIE_BYTES: Final = 4096 + 256
#: Most ``Set-Cookie`` headers read from one response.
MAX_SET_COOKIE_HEADERS: Final = 64


def _weight(cookie: object) -> int:
    return len(getattr(cookie, "name", "") or "") + len(getattr(cookie, "value", "") or "")


class ChainCookies:
    """An ``httpx.Cookies`` jar for one chain, within the caps above."""

    __slots__ = ("_cookies",)

    def __init__(self) -> None:
        self._cookies = httpx.Cookies()

    def __len__(self) -> int:
        return len(self._cookies.jar)

    def set_header(self, request: httpx.Request) -> None:
        """Add the ``Cookie`` header the chain's cookies call for to ``request``."""
        self._cookies.set_cookie_header(request)

    def extract(self, response: httpx.Response) -> None:
        """Keep the cookies ``response`` sets, within the caps."""
        values = response.headers.get_list("set-cookie")
        if not values:
            return
        kept = [v for v in values if len(v) <= MAX_COOKIE_BYTES][:MAX_SET_COOKIE_HEADERS]
        if not kept:
            return
        jar = self._cookies.jar
        before = {(c.domain, c.path, c.name) for c in jar}
        limited = httpx.Response(
            response.status_code,
            headers=[("set-cookie", value) for value in kept],
            request=response.request,
        )
        self._cookies.extract_cookies(limited)
        cookies = list(jar)
        total = sum(_weight(c) for c in cookies)
        if len(cookies) <= MAX_CHAIN_COOKIES and total <= MAX_CHAIN_COOKIE_BYTES:
            return
        # Over a cap: drop the cookies this response added, newest first, then
        # the heaviest ones, until the chain is within both caps again.
        added = [c for c in cookies if (c.domain, c.path, c.name) not in before]
        rest = sorted(
            (c for c in cookies if (c.domain, c.path, c.name) in before), key=_weight, reverse=True
        )
        count = len(cookies)
        for cookie in [*reversed(added), *rest]:
            if count <= MAX_CHAIN_COOKIES and total <= MAX_CHAIN_COOKIE_BYTES:
                break
            jar.clear(cookie.domain, cookie.path, cookie.name)
            count -= 1
            total -= _weight(cookie)

    def digest(self) -> str:
        """A 32-character digest of the cookies' names and values (order-independent)."""
        hasher = hashlib.blake2b(digest_size=16)
        for name, value in sorted((c.name, c.value or "") for c in self._cookies.jar):
            hasher.update(f"{len(name)}:{name}={len(value)}:{value};".encode())
        return hasher.hexdigest()
