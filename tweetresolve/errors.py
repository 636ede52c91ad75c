"""Exceptions raised by tweetresolve.

Detection never raises on content, and expansion reports per-URL failures as
:class:`~tweetresolve.Expansion` values.  Exceptions are for misuse only::

    TweetResolveError            base of everything this library raises on purpose
    ├── InvalidOptionError       an option has a wrong value (also a ValueError)
    └── ExpanderClosedError      an expander was used after it was closed
"""

from __future__ import annotations

__all__ = ["ExpanderClosedError", "InvalidOptionError", "TweetResolveError"]


class TweetResolveError(Exception):
    """Base class of every exception tweetresolve raises on purpose."""


class InvalidOptionError(TweetResolveError, ValueError):
    """An option was given a value it cannot take."""

    def __init__(self, message: str, *, option: str) -> None:
        super().__init__(message)
        self.option = option


class ExpanderClosedError(TweetResolveError, RuntimeError):
    """An expander was used after it was closed."""
