"""Registry of supported platforms: one module each, one line here to enable it."""

from __future__ import annotations

from tweetresolve.platforms.base import Candidate, Platform
from tweetresolve.platforms.twitter import TWITTER

__all__ = ["PLATFORMS", "Candidate", "Platform", "get_platform"]

#: Every platform, in the order their detectors run.  Twitter first: it is the
#: most common embed and other platforms' residue is checked against it.
PLATFORMS: tuple[Platform, ...] = (
    TWITTER,
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
