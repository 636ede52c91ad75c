"""Twitter/X: ``publish.twitter.com/oembed``, the fallback after the syndication endpoint.

Its ``html`` is the official blockquote (text, ``lang``, name, handle, the date
as shown, the links); tweetresolve's own Twitter detector reads it.  404 means
no such tweet (or deleted); 403 a protected or suspended account, reported as
``protected``.
"""

from __future__ import annotations

from typing import Final

from tweetresolve.hydration.sources.base import OEmbedSource, handle_after

__all__ = ["TWITTER_OEMBED"]

#: The registered source.
TWITTER_OEMBED: Final = OEmbedSource(
    name="twitter_oembed",
    platform="twitter",
    endpoint="https://publish.twitter.com/oembed",
    params=(("omit_script", "1"), ("dnt", "true")),
    per_host=4,
    min_interval=0.2,
    handle_of=handle_after("/"),
)
