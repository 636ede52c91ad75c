"""Truth Social: ``truthsocial.com/api/oembed``, the Mastodon endpoint it inherits (no key).

The answer has the Mastodon shape; the ``html`` (an iframe or blockquote) is
read by the Truth Social detector.  One request a second.
"""

from __future__ import annotations

from typing import Final

from tweetresolve.hydration.sources.base import OEmbedSource, handle_after

__all__ = ["TRUTHSOCIAL_OEMBED"]

#: The registered source.
TRUTHSOCIAL_OEMBED: Final = OEmbedSource(
    name="truthsocial_oembed",
    platform="truthsocial",
    endpoint="https://truthsocial.com/api/oembed",
    per_host=1,
    min_interval=1.0,
    handle_of=handle_after("/@"),
)
