"""Mastodon: each instance's own ``/api/oembed`` (no key).

The endpoint is on the post's instance, so it may be any host: the address
policy applies to it like to every request.  The ``html`` is the instance's
``blockquote.mastodon-embed`` (4.3 and later; an iframe before), read by the
Mastodon detector; ``author_name`` and ``author_url`` (``https://<host>/@user``)
give the author.  Instances are often small volunteer-run servers: two requests
at a time per instance, two a second.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

from tweetresolve.hydration.sources.base import OEmbedSource, handle_after

__all__ = ["MASTODON_OEMBED", "fediverse_handle"]

_local_handle = handle_after("/@")


def fediverse_handle(author_url: str | None) -> str | None:
    """``user@host`` from a profile URL ``https://host/@user``.

    >>> fediverse_handle("https://social.example/@ada")
    'ada@social.example'
    """
    user = _local_handle(author_url)
    host = (urlsplit(author_url or "").hostname or "").lower()
    if not user or not host:
        return None
    return user if "@" in user else f"{user}@{host}"


#: The registered source.
MASTODON_OEMBED: Final = OEmbedSource(
    name="mastodon_oembed",
    platform="mastodon",
    endpoint="https://{host}/api/oembed",
    per_host=2,
    min_interval=0.5,
    handle_of=fediverse_handle,
)
