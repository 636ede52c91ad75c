"""Reading a response only as far as the engine needs: headers, a drained or capped body.

>>> retry_after(httpx.Headers({"Retry-After": "120"}))
120.0
>>> is_html(httpx.Headers({"Content-Type": "text/html; charset=utf-8"}))
True
"""

from __future__ import annotations

import codecs
import email.utils
import time
import zlib
from typing import Any, Final

import attrs
import httpx

__all__ = ["Fetched", "drain", "is_html", "read_html", "retry_after"]

# A redirect or error body up to this size is read to the end so that the
# connection can be reused; a longer one is cut off.
_DRAIN_BYTES: Final = 16 * 1024
# On an ordinary page a meta refresh sits in <head> and a script redirect right
# after it; this much past "</head>" is read before giving up.
_AFTER_HEAD_BYTES: Final = 4096
_HTML_TYPES: Final = ("text/html", "application/xhtml+xml")


@attrs.define
class Fetched:
    """What one request told us, after the body was read as far as needed."""

    status: int
    headers: httpx.Headers
    body: str | None = None
    truncated: bool = False


def retry_after(headers: httpx.Headers) -> float | None:
    """Read ``Retry-After`` as seconds (delta or HTTP date), or None."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def is_html(headers: httpx.Headers) -> bool:
    content_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return content_type in _HTML_TYPES or content_type == ""


def _charset(headers: httpx.Headers) -> str:
    for part in headers.get("content-type", "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            candidate = value.strip().strip("'\"")
            try:
                return codecs.lookup(candidate).name
            except LookupError:
                break
    return "utf-8"


async def drain(response: httpx.Response) -> None:
    """Read a short body to its end so the connection can be reused."""
    seen = 0
    async for chunk in response.aiter_raw():
        seen += len(chunk)
        if seen > _DRAIN_BYTES:
            return


async def read_html(
    response: httpx.Response, limit: int, *, read_all: bool
) -> tuple[str | None, bool]:
    """Read at most ``limit`` decoded bytes of an HTML body.

    Returns the text and whether the body was cut short.  gzip and deflate are
    decoded here with an output cap, so a small compressed body cannot expand
    into a huge one; other encodings are not read at all.
    """
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    decoder: Any = None
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    elif encoding not in ("identity", ""):
        return None, False
    parts: list[bytes] = []
    size = 0
    head_end = -1
    truncated = False
    try:
        async for raw in response.aiter_raw():
            chunk = decoder.decompress(raw, limit - size + 1) if decoder else raw
            parts.append(chunk)
            size += len(chunk)
            if size > limit:
                truncated = True
                break
            if not read_all:
                if head_end < 0:
                    joined = b"".join(parts)
                    parts = [joined]
                    position = joined.lower().find(b"</head>")
                    head_end = position if position >= 0 else -1
                if head_end >= 0 and size - head_end > _AFTER_HEAD_BYTES:
                    break
    except zlib.error:
        return None, False
    body = b"".join(parts)[:limit]
    return body.decode(_charset(response.headers), errors="replace"), truncated
