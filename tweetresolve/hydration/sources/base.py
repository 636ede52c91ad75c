"""The contract every hydration source fulfils, and the shared oEmbed reader.

A source is one module under ``tweetresolve/hydration/sources/`` holding one
object that satisfies :class:`Source`, registered in ``sources/__init__.py``.
It declares its endpoint (overridable per hydrator), its politeness defaults,
how to build the request for a post, and how to read the answer into a
:class:`~tweetresolve.Post` of the facts it gave.

Most platforms publish an oEmbed endpoint; :class:`OEmbedSource` reads those.
Where the answer's ``html`` is the platform's embed snippet, it is read by the
platform's own HTML detector (the one :func:`~tweetresolve.extract` runs on
pages), so hydration and detection cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Final, Protocol, runtime_checkable
from urllib.parse import urlencode, urlsplit

import attrs

from tweetresolve.extract import extract
from tweetresolve.hydration.fetch import Reply
from tweetresolve.hydration.result import Answer, Lookup
from tweetresolve.hydration.settings import HydratorSettings
from tweetresolve.records import Author, Media, Post

__all__ = ["OEmbedSource", "Source", "embedded_post", "error_answer", "handle_after"]

#: What an error status means when a source says nothing more specific.
DEFAULT_STATUS_CODES: Final[Mapping[int, str]] = {
    401: "protected",
    403: "protected",
    404: "not_found",
    410: "deleted",
}


@runtime_checkable
class Source(Protocol):
    """What a hydration source provides to the hydrator."""

    @property
    def name(self) -> str:
        """Name used in results, endpoint overrides and the cache (``youtube_oembed``)."""
        ...

    @property
    def platform(self) -> str:
        """The platform whose posts it looks up."""
        ...

    @property
    def endpoint(self) -> str:
        """Default endpoint (base URL); ``{host}`` stands for the post's own host."""
        ...

    @property
    def per_host(self) -> int:
        """Polite default: requests in flight to one host."""
        ...

    @property
    def min_interval(self) -> float:
        """Polite default: least seconds between two requests to one host."""
        ...

    def cache_key(self, lookup: Lookup) -> str | None:
        """The post's key in the cache, or None when this source cannot look it up."""
        ...

    def request_url(
        self, lookup: Lookup, endpoint: str, settings: HydratorSettings
    ) -> str | Answer:
        """The URL to GET, or an :class:`Answer` when no request can be made."""
        ...

    def read(self, lookup: Lookup, reply: Reply) -> Answer:
        """Read the endpoint's reply into an answer."""
        ...


def error_answer(
    source: str, code: str, reply: Reply | None = None, detail: str | None = None
) -> Answer:
    """A failed :class:`Answer` carrying the reply's status."""
    return Answer(
        source=source,
        error=code,
        status=reply.status if reply else None,
        detail=detail or (reply.detail if reply else None),
    )


def embedded_post(html: str, platform: str, post_id: str | None) -> Post | None:
    """Run tweetresolve's own detectors on an embed snippet; return the post it shows."""
    for post in extract(html, kind="html"):
        if post.platform == platform and (post_id is None or post.post_id in (None, post_id)):
            return post
    return None


def handle_after(marker: str) -> Callable[[str | None], str | None]:
    """A reader of the handle that follows ``marker`` in an author URL's path.

    >>> handle_after("/@")("https://www.youtube.com/@ada_example")
    'ada_example'
    """

    def read(author_url: str | None) -> str | None:
        if not author_url:
            return None
        path = urlsplit(author_url).path
        head, found, tail = path.partition(marker)
        if not found or head.strip("/"):
            return None
        handle = tail.strip("/").split("/", 1)[0]
        return handle or None

    return read


def _no_handle(author_url: str | None) -> str | None:
    return None


def _text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value.strip() or None if isinstance(value, str) else None


# A bare permalink in the oEmbed ``url`` parameter must be http(s).
# Example: "https://www.youtube.com/watch?v=LtOGa5M8AuU".
_HTTP_URL_RE: Final = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)


@attrs.frozen(kw_only=True)
class OEmbedSource:
    """A platform's published oEmbed endpoint (``?url=<permalink>``)."""

    name: str
    platform: str
    endpoint: str
    per_host: int = 2
    min_interval: float = 0.5
    #: Extra query parameters, in order (``format=json``, ``omit_script=1``).
    params: tuple[tuple[str, str], ...] = ()
    #: True for Meta's endpoints: an access token is required.
    needs_token: bool = False
    #: True where ``title`` is the post's own text (a video title, a caption).
    title_is_text: bool = False
    #: ``video`` where the post is a video: the thumbnail becomes its preview.
    media_kind: str | None = None
    #: Reads the author's handle from ``author_url``.
    handle_of: Callable[[str | None], str | None] = _no_handle
    #: What an error status means, over :data:`DEFAULT_STATUS_CODES`.
    status_codes: Mapping[int, str] = attrs.field(factory=dict)

    def cache_key(self, lookup: Lookup) -> str | None:
        if lookup.platform != self.platform or not lookup.url:
            return None
        if not _HTTP_URL_RE.match(lookup.url):
            return None
        return f"{self.name}|{lookup.url}"

    def endpoint_for(self, lookup: Lookup, endpoint: str) -> str:
        """The endpoint with ``{host}`` replaced by the post's host."""
        if "{host}" in endpoint:
            host = urlsplit(lookup.url or "").netloc
            return endpoint.replace("{host}", host)
        return endpoint

    def request_url(
        self, lookup: Lookup, endpoint: str, settings: HydratorSettings
    ) -> str | Answer:
        if self.cache_key(lookup) is None:
            return Answer(source=self.name, error="unsupported", detail="no permalink to look up")
        params: list[tuple[str, str]] = [("url", lookup.url or ""), *self.params]
        if self.needs_token:
            if not settings.meta_access_token:
                return Answer(
                    source=self.name,
                    error="needs_token",
                    detail="pass meta_access_token to look up this platform",
                )
            params.append(("access_token", settings.meta_access_token))
        base = self.endpoint_for(lookup, endpoint)
        separator = "&" if "?" in base else "?"
        return f"{base}{separator}{urlencode(params)}"

    def status_code(self, reply: Reply) -> str:
        """The error code an unsuccessful status stands for."""
        status = reply.status or 0
        return self.status_codes.get(status) or DEFAULT_STATUS_CODES.get(status, "http_status")

    def read(self, lookup: Lookup, reply: Reply) -> Answer:
        if reply.error is not None:
            return error_answer(self.name, reply.error, reply)
        data = reply.data
        if reply.status != 200 or data is None:
            return error_answer(self.name, self.status_code(reply), reply)
        post = self.read_data(lookup, data)
        if post is None:
            return error_answer(self.name, "bad_response", reply, "not an oEmbed answer")
        return Answer(source=self.name, ok=True, status=reply.status, post=post)

    def read_data(self, lookup: Lookup, data: Mapping[str, Any]) -> Post | None:
        """The facts of an oEmbed answer, or None when it is not one."""
        html = _text(data, "html")
        name = _text(data, "author_name")
        title = _text(data, "title")
        if html is None and name is None and title is None:
            return None
        found = embedded_post(html, self.platform, lookup.post_id) if html else None
        post = found or Post(platform=self.platform, post_id=lookup.post_id, form="data")
        author_url = _text(data, "author_url")
        author = post.author or Author()
        author = attrs.evolve(
            author,
            name=author.name or name,
            handle=author.handle or self.handle_of(author_url),
            url=author.url or author_url,
        )
        changes: dict[str, Any] = {"author": author if author != Author() else None}
        if post.post_id is None:
            changes["post_id"] = lookup.post_id
        if post.url is None:
            changes["url"] = lookup.url
        if self.title_is_text and post.text is None and title:
            changes["text"] = title
        thumbnail = _text(data, "thumbnail_url")
        if self.media_kind and not post.media and lookup.url:
            changes["media"] = (Media(kind=self.media_kind, url=lookup.url, preview_url=thumbnail),)
        return attrs.evolve(post, **changes)
