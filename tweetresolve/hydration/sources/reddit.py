"""Reddit: ``www.reddit.com/oembed`` (no key).

The ``html`` is the official ``blockquote.reddit-embed-bq`` (title, user,
subreddit), read by the Reddit detector; ``author_name`` is the user name.
Reddit limits clients without a key tightly, so one request at a time, one a
second.
"""

from __future__ import annotations

from typing import Final

from tweetresolve.hydration.sources.base import OEmbedSource

__all__ = ["REDDIT_OEMBED"]

#: The registered source.
REDDIT_OEMBED: Final = OEmbedSource(
    name="reddit_oembed",
    platform="reddit",
    endpoint="https://www.reddit.com/oembed",
    per_host=1,
    min_interval=1.0,
    title_is_text=True,
)
