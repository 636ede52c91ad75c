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
from collections.abc import Iterable
from typing import Any, ClassVar, Literal, TypeAlias, TypeVar, Union

import attrs

from tweetresolve.twitter_text.length import weighted_length as measure_weighted_length

__all__ = [
    "ROW_COLUMNS",
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
    "Precision",
    "RowValue",
    "published_utc",
    "to_rows",
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

#: How much of ``published`` the source showed: the calendar day, the minute, or the second.
Precision: TypeAlias = Literal["day", "minute", "second"]
_PRECISIONS: tuple[Precision, ...] = ("day", "minute", "second")

#: A value of a flat row (:meth:`Post.to_row`): what ``pandas.DataFrame`` takes as is.
RowValue: TypeAlias = str | int | float | bool | dt.datetime | None


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


def published_utc(value: DateLike | None) -> tuple[dt.datetime | None, Precision | None]:
    """Turn a parsed date into ``(published, published_precision)`` for a record.

    A calendar day becomes midnight UTC with precision ``"day"``.  A time shown with a
    zone is converted to UTC, precision ``"minute"`` (``"second"`` when it has seconds).
    A time shown without a zone is the reader's local clock, which no UTC instant can
    stand for: only its day is kept.

    >>> published_utc(dt.date(2022, 3, 30))
    (datetime.datetime(2022, 3, 30, 0, 0, tzinfo=datetime.timezone.utc), 'day')
    >>> pst = dt.timezone(dt.timedelta(hours=-8))
    >>> published_utc(dt.datetime(2016, 12, 5, 21, 10, tzinfo=pst))
    (datetime.datetime(2016, 12, 6, 5, 10, tzinfo=datetime.timezone.utc), 'minute')
    >>> published_utc(dt.datetime(2019, 6, 7, 17, 38))  # no zone shown
    (datetime.datetime(2019, 6, 7, 0, 0, tzinfo=datetime.timezone.utc), 'day')
    >>> published_utc(None)
    (None, None)
    """
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return _midnight_utc(value.date()), "day"
        try:
            moment = value.astimezone(dt.timezone.utc)
        except OverflowError:
            # An instant at the edge of the calendar (year 1 east of UTC, year 9999
            # west of it) has no UTC form: the day shown is kept.
            return _midnight_utc(value.date()), "day"
        return moment, "second" if moment.second or moment.microsecond else "minute"
    if isinstance(value, dt.date):
        return _midnight_utc(value), "day"
    raise TypeError(f"expected a date or a datetime, got {type(value).__name__}")


def _midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _utc_published(value: DateLike | None) -> dt.datetime | None:
    # attrs converter: whatever a record is given (a day, a naive or an aware time)
    # is stored as published_utc() reads it; an aware time keeps its instant.
    if value is None or isinstance(value, (dt.date, dt.datetime)):
        return published_utc(value)[0]
    return value  # left for the validator to refuse


def _check_published(record: Any, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, dt.datetime):
        raise TypeError(
            f"{type(record).__name__}.published must be a datetime, a date or None, "
            f"got {type(value).__name__}"
        )


def _precision_or_inferred(precision: Any, record: Any) -> Any:
    # attrs converter: a record given a published value but no precision (built by
    # hand, or evolved from one without) gets what the value can tell; a parsed date
    # always comes with its own (published_utc()).
    value = record.published
    if not isinstance(value, dt.datetime):
        return None  # no value, no precision (also when evolved to None)
    if precision is not None:
        return precision
    if value.second or value.microsecond:
        return "second"
    return "minute" if value.hour or value.minute else "day"


def _check_precision(record: Any, attribute: Any, value: Any) -> None:
    if value is not None and value not in _PRECISIONS:
        raise ValueError(f"published_precision must be one of {_PRECISIONS} or None; got {value!r}")


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
    #: ``date_text`` parsed, as an aware UTC datetime (see ``Post.published``).
    published: dt.datetime | None = attrs.field(
        default=None, converter=_utc_published, validator=_check_published
    )
    #: How much of ``published`` was shown: ``day``, ``minute`` or ``second``.
    published_precision: Precision | None = attrs.field(
        default=None,
        converter=attrs.Converter(_precision_or_inferred, takes_self=True),  # type: ignore[misc]
        validator=_check_precision,
    )
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
    #: ``date_text`` parsed, always an aware UTC datetime: midnight UTC of the day shown
    #: when only a day is shown (or a time without a zone); a time shown in a stated
    #: zone, converted to UTC.
    published: dt.datetime | None = attrs.field(
        default=None, converter=_utc_published, validator=_check_published
    )
    #: How much of ``published`` the embed showed: ``day``, ``minute`` or ``second``;
    #: None exactly when ``published`` is None (inferred from the value when not given).
    published_precision: Precision | None = attrs.field(
        default=None,
        converter=attrs.Converter(_precision_or_inferred, takes_self=True),  # type: ignore[misc]
        validator=_check_precision,
    )
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

    def to_row(self) -> dict[str, RowValue]:
        """Return the post as one flat row: the columns of :data:`ROW_COLUMNS`, in order.

        Values are ``str``, ``int``, aware ``datetime`` or ``None``, so a list of rows
        goes into ``pandas.DataFrame`` as is.  Nested records are flattened into
        prefixed columns (``author_name``, ``quoted_post_id``); sequences are joined
        by single spaces (``links``, ``entities``, ``warnings``); ``origin_*`` are the
        archive record's, for posts read from web archives.

        >>> post = Post(platform="twitter", post_id="20", author=Author(handle="jack"),
        ...             links=(Link("https://t.co/a"), Link("https://t.co/b")), span=(3, 9))
        >>> row = post.to_row()
        >>> row["post_id"], row["author_handle"], row["links"], row["span_start"], row["text"]
        ('20', 'jack', 'https://t.co/a https://t.co/b', 3, None)
        """
        author = self.author or Author()
        quoted = self.quoted or PostRef(platform="")
        start, end = self.span if self.span is not None else (None, None)
        origin = self.origin or Origin(uri="")
        return {
            "platform": self.platform,
            "post_id": self.post_id,
            "url": self.url,
            "author_name": author.name,
            "author_handle": author.handle,
            "author_url": author.url,
            "date_text": self.date_text,
            "published": self.published,
            "published_precision": self.published_precision,
            "created_at": self.created_at,
            "form": self.form,
            "span_start": start,
            "span_end": end,
            "lang": self.lang,
            "text": self.text,
            "links": _joined(_spaceless(link.url) for link in self.links),
            "links_final": _joined(_spaceless(_final_url(link)) for link in self.links),
            "entities": _joined(entity.text for entity in self.entities),
            "quoted_platform": quoted.platform or None,
            "quoted_post_id": quoted.post_id,
            "quoted_url": quoted.url,
            "warnings": _joined(self.warnings),
            "origin_uri": origin.uri or None,
            "origin_date": origin.date,
            "origin_record_id": origin.record_id,
            "origin_file": origin.file,
            "origin_offset": origin.offset,
        }


#: The columns of :meth:`Post.to_row`, in order.
ROW_COLUMNS: tuple[str, ...] = (
    "platform",
    "post_id",
    "url",
    "author_name",
    "author_handle",
    "author_url",
    "date_text",
    "published",
    "published_precision",
    "created_at",
    "form",
    "span_start",
    "span_end",
    "lang",
    "text",
    "links",
    "links_final",
    "entities",
    "quoted_platform",
    "quoted_post_id",
    "quoted_url",
    "warnings",
    "origin_uri",
    "origin_date",
    "origin_record_id",
    "origin_file",
    "origin_offset",
)


def to_rows(posts: Iterable[Post]) -> list[dict[str, RowValue]]:
    """Return one flat row per post (:meth:`Post.to_row`), e.g. for ``pandas.DataFrame``.

    >>> [row["post_id"] for row in to_rows([Post(platform="twitter", post_id="20")])]
    ['20']
    """
    rows = []
    for post in posts:
        if not isinstance(post, Post):
            raise TypeError(f"to_rows() expects Post records, got {type(post).__name__}")
        rows.append(post.to_row())
    return rows


def _final_url(link: Link) -> str:
    # Where the link leads when resolve() followed it to the end, else the link itself.
    expansion = link.expansion
    if expansion is not None and expansion.ok and expansion.final_url:
        return expansion.final_url
    return link.url


def _spaceless(url: str) -> str:
    # Joined lists are split on spaces; a raw space inside an href is written as a URL does.
    return url.replace(" ", "%20")


def _joined(items: Iterable[str]) -> str | None:
    text = " ".join(items)
    return text or None


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
