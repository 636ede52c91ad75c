"""Exceptions raised by tweetresolve.

Detection never raises on content, and expansion reports per-URL failures as
:class:`~tweetresolve.Expansion` values.  Exceptions are for misuse only::

    TweetResolveError            base of everything this library raises on purpose
    ├── InvalidOptionError       an option has a wrong value (also a ValueError)
    ├── ExpanderClosedError      an expander was used after it was closed
    └── CacheError               a cache file cannot be used (not a SQLite database, unreadable)
"""

from __future__ import annotations

__all__ = ["CacheError", "ExpanderClosedError", "InvalidOptionError", "TweetResolveError"]


class TweetResolveError(Exception):
    """Base class of every exception tweetresolve raises on purpose."""


class InvalidOptionError(TweetResolveError, ValueError):
    """An option was given a value it cannot take."""

    def __init__(self, message: str, *, option: str) -> None:
        super().__init__(message)
        self.option = option


class ExpanderClosedError(TweetResolveError, RuntimeError):
    """An expander was used after it was closed."""


class CacheError(TweetResolveError, OSError):
    """A cache file cannot be opened as an expansion cache (corrupt, not SQLite, unreadable)."""

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path
