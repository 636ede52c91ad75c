"""TikTok: ``www.tiktok.com/oembed`` (no key).

``title`` is the caption, ``author_name`` / ``author_url`` (``/@handle``) the
author, ``thumbnail_url`` the cover; the ``html`` is the official
``blockquote.tiktok-embed``, read by the TikTok detector.
"""

from __future__ import annotations

from typing import Final

from tweetresolve.hydration.sources.base import OEmbedSource, handle_after

__all__ = ["TIKTOK_OEMBED"]

#: The registered source.
TIKTOK_OEMBED: Final = OEmbedSource(
    name="tiktok_oembed",
    platform="tiktok",
    endpoint="https://www.tiktok.com/oembed",
    per_host=2,
    min_interval=0.5,
    title_is_text=True,
    media_kind="video",
    handle_of=handle_after("/@"),
)
