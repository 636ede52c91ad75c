"""Plain-text scanning shared by the platforms: attribution lines and the post text they close."""

from __future__ import annotations

from tweetresolve.records import Attribution

__all__ = ["parse_attribution"]


def parse_attribution(line: str) -> Attribution | None:
    """Parse an attribution line such as ``— Name (@handle) March 30, 2022``."""
    if not isinstance(line, str):
        raise TypeError(f"parse_attribution() expects a str, got {type(line).__name__}")
    return None
