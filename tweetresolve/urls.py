"""Permalink parsing across platforms.

>>> ref = parse_post_url("https://x.com/Ada_Example/status/1508951925456744449?s=20")
>>> (ref.platform, ref.post_id, ref.handle, ref.url)
('twitter', '1508951925456744449', 'Ada_Example', 'https://twitter.com/Ada_Example/status/1508951925456744449')
>>> parse_post_url("https://twitter.com/intent/tweet?text=hi") is None
True
"""

from __future__ import annotations

from tweetresolve.platforms import PLATFORMS
from tweetresolve.records import PostRef

__all__ = ["parse_post_url"]

# URLs longer than this are not permalinks; refusing them keeps every pattern cheap.
_MAX_URL_CHARS = 4096


def parse_post_url(url: str) -> PostRef | None:
    """Return what a post permalink says (platform, id, handle, canonical URL), or None.

    Raises TypeError when ``url`` is not a string.
    """
    if not isinstance(url, str):
        raise TypeError(f"parse_post_url() expects a str, got {type(url).__name__}")
    url = url.strip()
    if not url or len(url) > _MAX_URL_CHARS:
        return None
    for platform in PLATFORMS:
        ref = platform.parse_url(url)
        if ref is not None:
            return ref
    return None
