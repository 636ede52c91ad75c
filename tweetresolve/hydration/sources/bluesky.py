"""Bluesky: ``embed.bsky.app/oembed`` (no key).

The ``html`` is the official ``blockquote.bluesky-embed``: text, name, handle
and the date as shown, read by the Bluesky detector; ``author_url`` is the
profile (``/profile/<handle>``).
"""

from __future__ import annotations

from typing import Final

from tweetresolve.hydration.sources.base import OEmbedSource, handle_after

__all__ = ["BLUESKY_OEMBED"]

#: The registered source.
BLUESKY_OEMBED: Final = OEmbedSource(
    name="bluesky_oembed",
    platform="bluesky",
    endpoint="https://embed.bsky.app/oembed",
    per_host=4,
    min_interval=0.1,
    handle_of=handle_after("/profile/"),
)
