"""Registry of supported platforms: one module each, one line here to enable it."""

from __future__ import annotations

from tweetresolve.platforms.base import Candidate, Platform
from tweetresolve.platforms.bluesky import BLUESKY
from tweetresolve.platforms.facebook import FACEBOOK
from tweetresolve.platforms.instagram import INSTAGRAM
from tweetresolve.platforms.linkedin import LINKEDIN
from tweetresolve.platforms.mastodon import MASTODON
from tweetresolve.platforms.reddit import REDDIT
from tweetresolve.platforms.telegram import TELEGRAM
from tweetresolve.platforms.threads import THREADS
from tweetresolve.platforms.tiktok import TIKTOK
from tweetresolve.platforms.truthsocial import TRUTHSOCIAL
from tweetresolve.platforms.tumblr import TUMBLR
from tweetresolve.platforms.twitter import TWITTER
from tweetresolve.platforms.youtube import YOUTUBE

__all__ = ["PLATFORMS", "Candidate", "Platform", "get_platform"]

#: Every platform, in the order their detectors run.  Twitter first: it is the
#: most common embed and other platforms' residue is checked against it.
PLATFORMS: tuple[Platform, ...] = (
    TWITTER,
    # Host-specific permalink parsers before the generic Mastodon-style one.
    INSTAGRAM,
    FACEBOOK,
    YOUTUBE,
    TIKTOK,
    THREADS,
    BLUESKY,
    # Before Mastodon: Truth Social is a Mastodon fork whose URLs share its shape.
    TRUTHSOCIAL,
    MASTODON,
    REDDIT,
    TELEGRAM,
    LINKEDIN,
    TUMBLR,
)

_BY_NAME = {platform.name: platform for platform in PLATFORMS}


def get_platform(name: str) -> Platform:
    """Return the registered platform called ``name``.

    >>> get_platform("twitter").name
    'twitter'
    """
    try:
        return _BY_NAME[name]
    except KeyError:
        known = ", ".join(sorted(_BY_NAME))
        raise ValueError(f"unknown platform {name!r}; known platforms: {known}") from None
