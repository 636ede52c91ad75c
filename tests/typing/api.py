"""Type-checked only (mypy, never run): the public API as a user would call it.

Each function holds calls whose types must check under ``mypy --strict``; the
``reveal``-style assignments pin the return types.  Nothing here executes: pytest
imports this module while collecting doctests, which only defines functions.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

import tweetresolve as tr


def extract_from_html_and_text(page: bytes, text: str) -> list[str | None]:
    """extract() takes str or bytes, keyword options, and returns posts."""
    posts: list[tr.Post] = tr.extract(page)
    posts += tr.extract(text, kind="text", include_links=True)
    posts += tr.extract(page, base_url="https://example.org/a", kind="html")
    return [post.post_id for post in posts]


def read_a_post(post: tr.Post) -> tuple[str, str | None, str | None, int | None]:
    """Every field has a precise type."""
    author: tr.Author | None = post.author
    handle: str | None = post.handle
    published: dt.datetime | None = post.published
    precision: Literal["day", "minute", "second"] | None = post.published_precision
    row: dict[str, str | int | float | bool | dt.datetime | None] = post.to_row()
    rows: list[dict[str, Any]] = tr.to_rows([post])
    created: dt.datetime | None = post.created_at
    start = post.span[0] if post.span is not None else None
    urls: list[str] = [link.url for link in post.links]
    expanded: list[str | None] = [
        link.expansion.final_url for link in post.links if link.expansion is not None
    ]
    kinds: list[str] = [entity.kind for entity in post.entities]
    quoted: tr.PostRef | None = post.quoted
    del author, published, precision, row, rows, created, urls, expanded, kinds, quoted
    return post.platform, post.url, handle, start


def round_trip(post: tr.Post) -> tr.Post:
    """to_dict() gives JSON-ready data and from_dict() returns the same class."""
    data: dict[str, Any] = post.to_dict()
    return tr.Post.from_dict(json.loads(json.dumps(data)))


def helpers(url: str, line: str, text: str) -> None:
    """The pure helpers."""
    ref: tr.PostRef | None = tr.parse_post_url(url)
    attribution: tr.Attribution | None = tr.parse_attribution(line)
    when: dt.datetime | None = tr.tweet_time("1508951925456744449")
    when = tr.tweet_time(1508951925456744449)
    entities: list[tr.Entity] = tr.extract_entities(text)
    del ref, attribution, when, entities


def errors() -> None:
    """The exception hierarchy."""
    try:
        pass
    except tr.InvalidOptionError as exc:
        option: str = exc.option
        base: tr.TweetResolveError = exc
        also: ValueError = exc
        del option, base, also
    except tr.ExpanderClosedError as closed:
        runtime: RuntimeError = closed
        del runtime


def text_helpers(text: str) -> None:
    """Weighted length and prose mentions."""
    length: int = tr.weighted_length(text)
    mentions: list[tr.Mention] = tr.find_mentions(text, "en")
    spans: list[tuple[int, int]] = [(m.start, m.end) for m in mentions]
    del length, spans


def expand_sync(urls: list[str]) -> list[bool]:
    """The sync expanders: one result per input, failures as values."""
    one: tr.Expansion = tr.expand("https://t.co/AbCdEf1234", timeout=5.0)
    many: list[tr.Expansion] = tr.expand_many(urls, concurrency=8, cache=None)
    with tr.Expander(trusted_hosts=["127.0.0.1"]) as expander:
        streamed: list[tr.Expansion] = list(expander.stream(urls))
        again: tr.Expansion = expander.expand(urls[0])
    codes: list[str | None] = [e.error for e in many if not e.ok]
    clean: str = tr.canonicalize("https://example.org/?utm_source=x")
    del one, streamed, again, codes, clean
    return [e.ok for e in many]


async def expand_async(urls: list[str], page: bytes) -> list[str | None]:
    """The engine and the async resolver."""
    async with tr.AsyncExpander(concurrency=16, per_host=4) as expander:
        first: tr.Expansion = await expander.expand(urls[0])
        batch: list[tr.Expansion] = await expander.expand_many(urls)
        finals = [e.final_url async for e in expander.stream(urls)]
        posts: list[tr.Post] = await tr.aresolve(page, expander=expander)
    del first, batch, posts
    return finals


def resolve_sync(page: bytes) -> list[tr.Post]:
    """resolve() takes extract's options and an optional expander."""
    return tr.resolve(page, kind="html", include_links=True)


def hydrate_sync(posts: list[tr.Post], urls: list[str]) -> list[tr.Post]:
    """The sync hydrators: one Hydration per input, failures as values."""
    results: list[tr.Hydration] = tr.hydrate([*posts, *urls], concurrency=8, cache=None)
    with tr.Hydrator(meta_access_token="1|token", endpoints={"youtube_oembed": "x"}) as hydrator:
        one: tr.Hydration = hydrator.hydrate(urls[0])
        streamed: list[tr.Hydration] = list(hydrator.stream(posts))
        resolved: list[tr.Post] = tr.resolve(b"<p>page</p>", hydrator=hydrator)
    media: list[tr.Media] = [m for r in results for m in r.post.media]
    provenance: list[str] = [name for r in results for name in r.post.hydrated]
    del one, streamed, resolved, media, provenance
    return [r.post for r in results if r.ok]


async def hydrate_async(posts: list[tr.Post]) -> list[str | None]:
    """The async hydrator, alone and inside aresolve."""
    async with tr.AsyncHydrator(per_host=2, min_interval=0.5) as hydrator:
        batch: list[tr.Hydration] = await hydrator.hydrate_many(posts)
        codes = [r.error async for r in hydrator.stream(posts)]
        again: list[tr.Hydration] = await tr.ahydrate(posts, hydrator=hydrator)
        page: list[tr.Post] = await tr.aresolve(b"<p>page</p>", hydrate=True, hydrator=hydrator)
    del batch, again, page
    return codes
