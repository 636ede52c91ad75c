"""``resolve()``: extract posts, expand their links, and keep what expansion reveals.

Detection alone cannot always tell which tweet a quoted post is: an embed pasted as
text often keeps only its ``pic.twitter.com`` / ``t.co`` media link.  Expanded, that
link lands on ``twitter.com/<user>/status/<id>/photo/1``, which is the post's own
id.  So after expanding the posts' short links (or every link, with
``expand="all"``):

* a media link of a tweet that has no id gives the tweet its id, canonical URL and
  creation time (from the id), unless the handle in the landing URL is not the
  post's author: then the media was reused from another tweet, the attribution is
  kept and the other tweet is recorded as ``quoted``;
* a link to any other post is recorded as ``quoted``.

Nothing is overwritten: only empty fields are filled.

With ``hydrate=True`` (or a ``hydrator``), the posts are then completed from the
platforms' public embed endpoints by the same rule (see docs/hydration.md); without
it nothing but link expansion is sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal
from urllib.parse import urlsplit

import attrs

from tweetresolve.dates import tweet_time
from tweetresolve.errors import InvalidOptionError
from tweetresolve.extract import Kind, extract
from tweetresolve.records import Author, Expansion, Link, Post, PostRef
from tweetresolve.urls import parse_post_url

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from tweetresolve.expansion import AsyncExpander, Expander
    from tweetresolve.expansion.settings import ExpandOptions
    from tweetresolve.hydration.engine import AsyncHydrator, Hydrator

__all__ = ["ExpandWhich", "aresolve", "resolve"]

# The media tail of a tweet permalink: ".../status/<id>/photo/1" or ".../video/1".
_MEDIA_PATH_RE: Final = re.compile(r"/status(?:es)?/[0-9]{1,25}/(?:photo|video)/[0-9]{1,2}/?$")
# Example: "/ada_example/status/20/photo/1".

# Hosts of Twitter's own link and media wrappers.
_MEDIA_LINK_HOSTS: Final = frozenset({"t.co", "pic.twitter.com", "pic.x.com"})


#: Which links ``resolve()`` expands: ``"short"`` (short links and redirect
#: wrappers, see :func:`~tweetresolve.expansion.shortlinks.is_short_link`) or ``"all"``.
ExpandWhich = Literal["short", "all"]


def resolve(
    document: str | bytes,
    *,
    expander: Expander | None = None,
    expand: ExpandWhich = "short",
    base_url: str | None = None,
    kind: Kind = "auto",
    include_links: bool = False,
    hydrate: bool = False,
    hydrator: Hydrator | None = None,
    **options: Unpack[ExpandOptions],
) -> list[Post]:
    """Extract the posts of ``document``, expand their short links, and enrich the posts.

    ``expand`` chooses the links: ``"short"`` (the default) expands short links
    (``t.co``, ``bit.ly``, ``pic.twitter.com``, … and links the platforms mark
    as needing expansion) and redirect wrappers; ``"all"`` expands every link.
    ``base_url``, ``kind`` and ``include_links`` are :func:`~tweetresolve.extract`'s.
    ``expander`` is an :class:`~tweetresolve.Expander` to use (its cache and
    options); without one, a temporary expander is built from the other keyword
    options (``trusted_hosts``, ``timeout``, ``cache``, … as for
    :func:`~tweetresolve.expand`).  Failed expansions are attached as they are
    (``Expansion(ok=False, …)``); they never raise.

    ``hydrate=True`` then completes the posts from the platforms' endpoints (see
    docs/hydration.md), with ``hydrator`` (a :class:`~tweetresolve.Hydrator`;
    giving one implies ``hydrate``) or a temporary one; a failed lookup is a
    ``hydration_<code>`` warning on the post.
    """
    from tweetresolve.expansion import Expander  # noqa: PLC0415 - keeps httpx off `import tweetresolve`
    from tweetresolve.hydration.engine import Hydrator  # noqa: PLC0415 - keeps httpx off `import tweetresolve`

    if expander is not None and not isinstance(expander, Expander):
        raise TypeError(
            f"resolve() needs an Expander (use aresolve() for an AsyncExpander), "
            f"got {type(expander).__name__}"
        )
    if hydrator is not None and not isinstance(hydrator, Hydrator):
        raise TypeError(
            f"resolve() needs a Hydrator (use aresolve() for an AsyncHydrator), "
            f"got {type(hydrator).__name__}"
        )
    _check_options(expander, expand, options)
    # Built first (it does no I/O until used), so a wrong option is refused
    # even for a document without links.
    runner = expander if expander is not None else Expander(**options)
    try:
        posts = extract(document, base_url=base_url, kind=kind, include_links=include_links)
        urls = _links_to_expand(posts, expand)
        if urls:
            expansions = runner.expand_many(urls)
            posts = _apply(posts, dict(zip(urls, expansions, strict=True)))
    finally:
        if expander is None:
            runner.close()
    if not (hydrate or hydrator) or not posts:
        return posts
    if hydrator is None:
        with Hydrator() as own:
            return [result.post for result in own.hydrate_many(posts)]
    return [result.post for result in hydrator.hydrate_many(posts)]


async def aresolve(
    document: str | bytes,
    *,
    expander: AsyncExpander | None = None,
    expand: ExpandWhich = "short",
    base_url: str | None = None,
    kind: Kind = "auto",
    include_links: bool = False,
    hydrate: bool = False,
    hydrator: AsyncHydrator | None = None,
    **options: Unpack[ExpandOptions],
) -> list[Post]:
    """The async twin of :func:`resolve`, with an :class:`~tweetresolve.AsyncExpander`
    and an :class:`~tweetresolve.AsyncHydrator`."""
    from tweetresolve.expansion import AsyncExpander  # noqa: PLC0415 - keeps httpx off `import tweetresolve`
    from tweetresolve.hydration.engine import AsyncHydrator  # noqa: PLC0415 - keeps httpx off `import tweetresolve`

    if expander is not None and not isinstance(expander, AsyncExpander):
        raise TypeError(
            f"aresolve() needs an AsyncExpander (use resolve() for an Expander), "
            f"got {type(expander).__name__}"
        )
    if hydrator is not None and not isinstance(hydrator, AsyncHydrator):
        raise TypeError(
            f"aresolve() needs an AsyncHydrator (use resolve() for a Hydrator), "
            f"got {type(hydrator).__name__}"
        )
    _check_options(expander, expand, options)
    arunner = expander if expander is not None else AsyncExpander(**options)
    try:
        posts = extract(document, base_url=base_url, kind=kind, include_links=include_links)
        urls = _links_to_expand(posts, expand)
        if urls:
            expansions = await arunner.expand_many(urls)
            posts = _apply(posts, dict(zip(urls, expansions, strict=True)))
    finally:
        if expander is None:
            await arunner.aclose()
    if not (hydrate or hydrator) or not posts:
        return posts
    if hydrator is None:
        async with AsyncHydrator() as own:
            return [result.post for result in await own.hydrate_many(posts)]
    return [result.post for result in await hydrator.hydrate_many(posts)]


def _check_options(
    expander: Expander | AsyncExpander | None, expand: str, options: Mapping[str, object]
) -> None:
    if expand not in ("short", "all"):
        raise InvalidOptionError(
            f"expand must be 'short' or 'all', got {expand!r}", option="expand"
        )
    if expander is not None and options:
        names = ", ".join(sorted(options))
        raise InvalidOptionError(
            f"expander options ({names}) cannot be combined with expander=; "
            "give them to the expander instead",
            option=min(options),
        )


def _worth_expanding(url: str) -> bool:
    from tweetresolve.expansion.shortlinks import is_short_link  # noqa: PLC0415 - keeps httpx off `import tweetresolve`

    if is_short_link(url):
        return True
    ref = parse_post_url(url)
    return ref is not None and ref.needs_expansion


def _links_to_expand(posts: Sequence[Post], expand: ExpandWhich) -> list[str]:
    urls = dict.fromkeys(link.url for post in posts for link in post.links)
    if expand == "all":
        return list(urls)
    return [url for url in urls if _worth_expanding(url)]


def _apply(posts: Sequence[Post], expansions: dict[str, Expansion]) -> list[Post]:
    return [_enrich(post, expansions) for post in posts]


def _landing_post(expansion: Expansion) -> tuple[PostRef, str] | None:
    """The first post permalink the chain passed through, and the URL it was seen at.

    The first one counts, not only the last URL: a status page may itself send
    crawlers on to a login or consent page.
    """
    seen = [hop.url for hop in expansion.hops]
    if expansion.final_url:
        seen.append(expansion.final_url)
    for url in seen:
        ref = parse_post_url(url)
        if ref is not None and ref.post_id:
            return ref, url
    return None


def _is_media_link(link: Link, landed_at: str) -> bool:
    host = (urlsplit(link.url).hostname or "").lower()
    shown = (link.text or "").lower()
    from_media_link = host in _MEDIA_LINK_HOSTS or shown.startswith(
        ("pic.twitter.com", "pic.x.com")
    )
    return from_media_link and _MEDIA_PATH_RE.search(urlsplit(landed_at).path) is not None


def _same_handle(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.casefold() == b.casefold()


def _enrich(post: Post, expansions: dict[str, Expansion]) -> Post:
    links: list[Link] = []
    changes: dict[str, Any] = {}
    for link in post.links:
        expansion = expansions.get(link.url)
        links.append(attrs.evolve(link, expansion=expansion) if expansion else link)
        if expansion is None:
            continue
        landing = _landing_post(expansion)
        if landing is None:
            continue
        ref, landed_at = landing
        post_id = changes.get("post_id", post.post_id)
        if ref.post_id == post_id:
            continue
        own_media = (
            post.platform == ref.platform == "twitter"
            and post_id is None
            and _is_media_link(link, landed_at)
            and _same_handle(post.handle, ref.handle)
        )
        if own_media:
            # The seed case: the post's own photo reveals the post's own id.
            changes["post_id"] = ref.post_id
            if post.url is None:
                changes["url"] = ref.url
            if post.created_at is None and ref.post_id:
                changes["created_at"] = tweet_time(ref.post_id)
            if ref.handle and (post.author is None or post.author.handle is None):
                author = post.author or Author()
                changes["author"] = attrs.evolve(author, handle=ref.handle)
        elif post.quoted is None and "quoted" not in changes:
            # Another post's media, or a link to another post: a quote.
            changes["quoted"] = ref
    return attrs.evolve(post, links=tuple(links), **changes)
