"""The records hydration works with: what is looked up, what a source answered, the result.

>>> lookup = Lookup.from_url("https://x.com/ada_example/status/20")
>>> lookup.platform, lookup.post_id, lookup.handle
('twitter', '20', 'ada_example')
"""

from __future__ import annotations

import attrs

from tweetresolve.records import Author, Post, _Record
from tweetresolve.urls import parse_post_url

__all__ = ["Answer", "Hydration", "Lookup"]


@attrs.frozen
class Lookup:
    """What a source needs to find a post: its platform, id, permalink and handle."""

    platform: str
    post_id: str | None = None
    url: str | None = None
    handle: str | None = None

    @classmethod
    def from_url(cls, url: str) -> Lookup | None:
        """The lookup a permalink describes, or None when it is not a post's."""
        ref = parse_post_url(url)
        if ref is None:
            return None
        return cls(
            platform=ref.platform, post_id=ref.post_id, url=ref.url or url, handle=ref.handle
        )

    @classmethod
    def from_post(cls, post: Post) -> Lookup:
        """The lookup for a detected post; its permalink fills what the record lacks."""
        ref = parse_post_url(post.url) if post.url else None
        return cls(
            platform=post.platform,
            post_id=post.post_id or (ref.post_id if ref else None),
            url=post.url,
            handle=post.handle or (ref.handle if ref else None),
        )

    def as_post(self) -> Post:
        """A bare record for a permalink given as a string."""
        author = Author(handle=self.handle) if self.handle else None
        return Post(
            platform=self.platform, post_id=self.post_id, url=self.url, author=author, form="link"
        )


@attrs.frozen
class Answer(_Record):
    """What one source answered about one post; this is what the cache keeps."""

    #: The source's name (``twitter_syndication``, ``youtube_oembed``, …).
    source: str
    ok: bool = False
    #: A code from :data:`~tweetresolve.hydration.codes.HYDRATION_ERROR_CODES` when not ok.
    error: str | None = None
    status: int | None = None
    #: The facts the source gave, as a record (only the fields it knows are set).
    post: Post | None = None
    detail: str | None = None
    from_cache: bool = False


@attrs.frozen
class Hydration(_Record):
    """The outcome of hydrating one post; failures are values, never exceptions."""

    #: The post with every missing field the platform gave filled in (see
    #: ``Post.hydrated``), and warnings where the page and the platform disagree.
    #: On failure: the input post (a bare record for a URL) with a ``hydration_<code>``
    #: warning.
    post: Post
    #: True when a source answered with the post.
    ok: bool = False
    #: A code from :data:`~tweetresolve.hydration.codes.HYDRATION_ERROR_CODES` when not ok.
    error: str | None = None
    #: The source that answered (or the last one asked): ``twitter_syndication``, ….
    source: str | None = None
    #: HTTP status of the answer, None when nothing was sent.
    status: int | None = None
    #: True when the answer came from the cache.
    from_cache: bool = False
    #: Human-readable detail for the error, for logs; never parse it.
    detail: str | None = None
