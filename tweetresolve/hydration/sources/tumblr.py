"""Tumblr: ``www.tumblr.com/oembed/1.0`` (no key).

The ``html`` is the official ``div.tumblr-post`` placeholder, read by the
Tumblr detector; ``author_name`` is the blog name, ``author_url`` its address
(``https://<blog>.tumblr.com/``).
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

from tweetresolve.hydration.sources.base import OEmbedSource

__all__ = ["TUMBLR_OEMBED"]


def _blog_of(author_url: str | None) -> str | None:
    """The blog name of ``https://<blog>.tumblr.com/``.

    >>> _blog_of("https://ada-example.tumblr.com/")
    'ada-example'
    """
    host = (urlsplit(author_url or "").hostname or "").lower()
    blog, _, domain = host.partition(".")
    return blog if domain == "tumblr.com" and blog not in ("", "www") else None


#: The registered source.
TUMBLR_OEMBED: Final = OEmbedSource(
    name="tumblr_oembed",
    platform="tumblr",
    endpoint="https://www.tumblr.com/oembed/1.0",
    per_host=2,
    min_interval=0.5,
    handle_of=_blog_of,
)
