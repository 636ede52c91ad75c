"""Registry of hydration sources: one module each, one line here to enable it.

Each platform has a chain of sources tried in order until one answers for good
(with the post, or saying it is gone).

>>> [source.name for source in sources_for("twitter")]
['twitter_syndication', 'twitter_oembed']
>>> sources_for("telegram")
()
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from tweetresolve.hydration.sources.base import OEmbedSource, Source
from tweetresolve.hydration.sources.bluesky import BLUESKY_OEMBED
from tweetresolve.hydration.sources.mastodon import MASTODON_OEMBED
from tweetresolve.hydration.sources.meta import FACEBOOK_OEMBED, INSTAGRAM_OEMBED, THREADS_OEMBED
from tweetresolve.hydration.sources.reddit import REDDIT_OEMBED
from tweetresolve.hydration.sources.tiktok import TIKTOK_OEMBED
from tweetresolve.hydration.sources.truthsocial import TRUTHSOCIAL_OEMBED
from tweetresolve.hydration.sources.tumblr import TUMBLR_OEMBED
from tweetresolve.hydration.sources.twitter_oembed import TWITTER_OEMBED
from tweetresolve.hydration.sources.twitter_syndication import SYNDICATION
from tweetresolve.hydration.sources.youtube import YOUTUBE_OEMBED

__all__ = ["SOURCES", "SOURCE_CHAINS", "OEmbedSource", "Source", "get_source", "sources_for"]

#: Sources per platform, in the order they are asked.
SOURCE_CHAINS: Final[Mapping[str, tuple[Source, ...]]] = {
    # The widget's endpoint first (dates, media, quotes, replies); oEmbed after.
    "twitter": (SYNDICATION, TWITTER_OEMBED),
    "youtube": (YOUTUBE_OEMBED,),
    "tiktok": (TIKTOK_OEMBED,),
    "bluesky": (BLUESKY_OEMBED,),
    "reddit": (REDDIT_OEMBED,),
    "tumblr": (TUMBLR_OEMBED,),
    "mastodon": (MASTODON_OEMBED,),
    "truthsocial": (TRUTHSOCIAL_OEMBED,),
    "instagram": (INSTAGRAM_OEMBED,),
    "facebook": (FACEBOOK_OEMBED,),
    "threads": (THREADS_OEMBED,),
}

#: Every source, by name.
SOURCES: Final[Mapping[str, Source]] = {
    source.name: source for chain in SOURCE_CHAINS.values() for source in chain
}


def sources_for(platform: str) -> tuple[Source, ...]:
    """The sources that can hydrate ``platform``'s posts, in order (empty when none)."""
    return SOURCE_CHAINS.get(platform, ())


def get_source(name: str) -> Source:
    """Return the source called ``name``.

    >>> get_source("bluesky_oembed").platform
    'bluesky'
    """
    try:
        return SOURCES[name]
    except KeyError:
        known = ", ".join(sorted(SOURCES))
        raise ValueError(f"unknown hydration source {name!r}; known sources: {known}") from None
