"""Typed records returned by tweetresolve.

Every record is an immutable, slotted :mod:`attrs` class.  ``to_dict()`` turns a
record into plain JSON types (dates become ISO-8601 strings, tuples become lists)
and ``from_dict()`` rebuilds an equal record, so records survive a round trip
through :func:`json.dumps` / :func:`json.loads`:

>>> import json
>>> post = Post(platform="twitter", post_id="20", form="link")
>>> Post.from_dict(json.loads(json.dumps(post.to_dict()))) == post
True

No dependency type (an lxml element, an ``httpx.Response``) ever appears in a record.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, ClassVar, Literal, TypeAlias, TypeVar, Union

import attrs

from tweetresolve.twitter_text.length import weighted_length as measure_weighted_length

__all__ = [
    "Attribution",
    "Author",
    "Entity",
    "Expansion",
    "Hop",
    "Link",
    "Media",
    "Mention",
    "Origin",
    "Post",
    "PostRef",
]

_R = TypeVar("_R", bound="_Record")

#: The code of a failed expansion (documented in ``tweetresolve.expansion.codes``);
#: defined here, with the record that carries it, so records import nothing else.
ErrorCode: TypeAlias = Literal[
    "invalid_url",
    "blocked_address",
    "dns",
    "connect",
    "tls",
    "timeout",
    "network",
    "protocol",
    "http_status",
    "too_many_redirects",
    "redirect_loop",
    "invalid_redirect",
    "unsupported_scheme",
    "body_too_large",
]

#: A date as shown in an embed: a calendar day, or a moment when the embed gives a time.
DateLike: TypeAlias = dt.date | dt.datetime


class _Record:
    """Shared JSON conversion for every record class."""

    __slots__ = ()
    _types: ClassVar[dict[str, Any] | None] = None

    def to_dict(self) -> dict[str, Any]:
        """Return the record as a dict of JSON-compatible values."""
        return {
            field.name: _encode(getattr(self, field.name))
            for field in attrs.fields(type(self))  # type: ignore[arg-type]
        }

    @classmethod
    def from_dict(cls: type[_R], data: dict[str, Any]) -> _R:
        """Rebuild a record from the output of :meth:`to_dict`.

        Unknown keys are ignored and missing keys take their defaults, so dicts
        written by older or newer versions still load.
        """
        if not isinstance(data, dict):
            raise TypeError(f"{cls.__name__}.from_dict() expects a dict, got {type(data).__name__}")
        hints = _field_types(cls)
        kwargs = {
            name: _decode(hints[name], value) for name, value in data.items() if name in hints
        }
        return cls(**kwargs)


def _field_types(cls: type[_Record]) -> dict[str, Any]:
    # Resolved lazily: the annotations are strings (PEP 563) that name records
    # defined further down this module.
    cached = cls.__dict__.get("_types")
    if cached is None:
        cached = typing.get_type_hints(cls, globalns=globals())
        cached = {f.name: cached[f.name] for f in attrs.fields(cls)}  # type: ignore[arg-type]
        cls._types = cached
    return cached


def _encode(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if dt.datetime in options or dt.date in options:
            return _decode_date(value, datetime_allowed=dt.datetime in options)
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    if isinstance(hint, type) and issubclass(hint, _Record):
        return hint.from_dict(value)
    if hint is dt.datetime or hint is dt.date:
        return _decode_date(value, datetime_allowed=hint is dt.datetime)
    return value


def _decode_date(value: Any, *, datetime_allowed: bool) -> DateLike:
    if isinstance(value, dt.date):
        return value
    text = str(value)
    # A bare calendar day is "YYYY-MM-DD"; anything longer carries a time.
    if datetime_allowed and len(text) > 10:
        return dt.datetime.fromisoformat(text)
    return dt.date.fromisoformat(text)


@attrs.frozen
class Author(_Record):
    """Who wrote a post, as the embed shows it."""

    #: Display name as shown ("Hu Xijin 胡锡进"), or None when the embed shows none.
    name: str | None = None
    #: Account handle without the leading ``@`` ("HuXijin_GT"); for Mastodon
    #: ``user@instance``, for Bluesky the domain handle or DID.
    handle: str | None = None
    #: Profile URL when the embed links it.
    url: str | None = None


@attrs.frozen
class Hop(_Record):
    """One step of a redirect chain."""

    #: The URL requested at this step.
    url: str
    #: HTTP status of the response, None when the step was taken without a request.
    status: int | None = None
    #: How the next URL was found: ``location``, ``refresh``, ``meta_refresh``,
    #: ``script``, ``interstitial``, ``offline`` (the URL itself held it), or
    #: None for the final hop.
    via: str | None = None


@attrs.frozen
class Expansion(_Record):
    """The outcome of expanding one URL; failures are values, never exceptions."""

    #: The URL as given.
    url: str
    #: Where the chain ended (the last URL reached, even on failure), or None.
    final_url: str | None = None
    #: Every step taken, in order.
    hops: tuple[Hop, ...] = ()
    #: True when the chain ended on a page that answered successfully.
    ok: bool = False
    #: Error code from the documented set (``timeout``, ``connect``, …) when not ok.
    error: ErrorCode | None = None
    #: HTTP status of the last response, if any.
    status: int | None = None
    #: True when this result came from the cache.
    from_cache: bool = False
    #: Human-readable detail for the error, for logs; never parse it.
    detail: str | None = None


@attrs.frozen
class Link(_Record):
    """A link inside a post's text."""

    #: The href as found (``https://t.co/…``), or the URL as written in plain text.
    url: str
    #: The text shown for the link ("pic.twitter.com/…"), None when it is the URL itself.
    text: str | None = None
    #: Filled by ``resolve()``: where the link leads.
    expansion: Expansion | None = None


@attrs.frozen
class Media(_Record):
    """A photo, video or animated GIF attached to a post (filled by hydration)."""

    #: ``photo``, ``video`` or ``gif``.
    kind: str
    #: The media file (a photo) or the page that plays it (a video), as the platform gives it.
    url: str
    #: A still image of a video or GIF, or a thumbnail, when the platform gives one.
    preview_url: str | None = None


@attrs.frozen
class Entity(_Record):
    """A mention, hashtag, cashtag or URL in a post's text, with ``[start, end)`` offsets."""

    #: ``mention``, ``list`` (``@user/list``), ``hashtag``, ``cashtag`` or ``url``.
    kind: str
    #: The entity as written, including its sigil (``@jack``, ``#tag``).
    text: str
    #: Offsets into ``Post.text`` in code points (Python string indices).
    start: int
    end: int


@attrs.frozen
class PostRef(_Record):
    """A reference to a post: what a permalink tells without fetching anything."""

    #: Platform name (``twitter``, ``instagram``, …).
    platform: str
    #: The post id in the platform's own form, or None when the URL must be expanded first.
    post_id: str | None = None
    #: Author handle found in the URL, if any.
    handle: str | None = None
    #: Canonical permalink.
    url: str | None = None
    #: True for short links (``vm.tiktok.com/…``) whose target needs a request.
    needs_expansion: bool = False


@attrs.frozen
class Attribution(_Record):
    """A parsed attribution line: ``— Name (@handle) March 30, 2022``."""

    name: str | None = None
    handle: str | None = None
    #: The date exactly as written.
    date_text: str | None = None
    #: The date parsed from ``date_text``.
    published: dt.date | dt.datetime | None = None
    platform: str | None = None
    #: ``(start, end)`` offsets of the attribution within the input line or text.
    span: tuple[int, int] | None = None


@attrs.frozen
class Origin(_Record):
    """Where in a web archive a post was found: the archived record that held its page.

    Set on posts read from WARC and ARC files (``Post.origin``); None for documents
    given to ``extract()`` directly.
    """

    #: The archived page's address (``WARC-Target-URI``, or the URL of an ARC record).
    uri: str
    #: When the page was captured (``WARC-Date``, or the ARC record's date), aware UTC.
    date: dt.datetime | None = None
    #: ``WARC-Record-ID`` as written (``<urn:uuid:…>``); None for ARC records.
    record_id: str | None = None
    #: The archive file's name or path, as it was given to the reader.
    file: str | None = None
    #: Byte offset of the record in that file (of its gzip member in a compressed
    #: file), so ``file`` and ``offset`` fetch the record again.
    offset: int | None = None


@attrs.frozen
class Post(_Record):
    """One embedded or quoted social-media post."""

    #: Platform name: ``twitter``, ``instagram``, ``youtube`` …
    platform: str
    #: The post id in the platform's own form (tweet id, shortcode, …), None if unknown.
    post_id: str | None = None
    #: Canonical permalink.
    url: str | None = None
    author: Author | None = None
    #: The post's text, line breaks kept, entities decoded.
    text: str | None = None
    #: Language of the post text when the embed declares it.
    lang: str | None = None
    #: The date exactly as the embed shows it.
    date_text: str | None = None
    #: ``date_text`` parsed: a date, or a datetime when a time is shown.
    published: dt.date | dt.datetime | None = None
    #: Exact creation time (UTC) decoded from the id, where the platform encodes it.
    created_at: dt.datetime | None = None
    links: tuple[Link, ...] = ()
    entities: tuple[Entity, ...] = ()
    #: How the post was found: ``blockquote``, ``iframe``, ``amp``, ``script``,
    #: ``card``, ``rendered``, ``placeholder``, ``text`` or ``link``.
    form: str = "text"
    #: ``(start, end)`` character offsets of the post in the decoded input.
    span: tuple[int, int] | None = None
    #: A post this one quotes or links to.
    quoted: PostRef | None = None
    #: Problems noticed while reading the post (``date_mismatch``, …), and the
    #: ``hydration_*`` codes hydration adds (see docs/hydration.md).
    warnings: tuple[str, ...] = ()
    #: The archive record the post's page came from, for posts read from WARC or
    #: ARC files; None otherwise.
    origin: Origin | None = None
    #: Photos and videos of the post, when hydration read them.
    media: tuple[Media, ...] = ()
    #: The post this one replies to, when hydration read it.
    reply_to: PostRef | None = None
    #: Provenance: the fields hydration filled (``"text"``, ``"author.name"``,
    #: ``"published"``…), in field order; every other field came from the page.
    hydrated: tuple[str, ...] = ()

    @property
    def handle(self) -> str | None:
        """The author's handle, or None."""
        return self.author.handle if self.author else None

    @property
    def weighted_length(self) -> int:
        """Weighted length of ``text`` by twitter-text v3 rules (URLs 23, CJK and emoji 2).

        >>> Post(platform="twitter", text="Hi 👋 https://example.com").weighted_length
        29
        """
        return measure_weighted_length(self.text) if self.text else 0


@attrs.frozen
class Mention(_Record):
    """A place where prose mentions a post without embedding it ("wrote on X").

    Found by :func:`tweetresolve.mentions.find_mentions`.
    """

    #: The words that make the mention, as written ("wrote on X", "in einem Tweet").
    phrase: str
    #: Offset of the phrase in the searched text.
    start: int
    #: Offset just past the phrase.
    end: int
    #: The text around the phrase (a window each side, cut at whole words, white space
    #: collapsed).
    context: str
    #: The language whose words matched: ``en``, ``de``, ``es`` or ``fr``.
    lang: str
    #: The platform named or implied: ``twitter``, ``instagram``, ``facebook``,
    #: ``bluesky``, ``threads``, ``tiktok``, ``mastodon``, ``linkedin``, ``truthsocial``.
    platform: str
