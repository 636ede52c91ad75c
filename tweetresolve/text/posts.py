"""Posts from plain text: one per attribution, with its text block, id and quoted post."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tweetresolve.records import Author, Post, PostRef
from tweetresolve.text.attribution import AttributionMatch, iter_attributions
from tweetresolve.text.blocks import TextBlock, post_block
from tweetresolve.text.dialects import TWITTER_RESIDUE, ResidueDialect

#: Reads a permalink: the platform's own ``parse_url`` (or the registry's
#: :func:`tweetresolve.parse_post_url`).
PermalinkParser = Callable[[str], PostRef | None]


def find_posts(
    text: str,
    dialect: ResidueDialect = TWITTER_RESIDUE,
    *,
    parse_url: PermalinkParser | None = None,
) -> Iterator[Post]:
    """Yield one :class:`~tweetresolve.Post` (``form="text"``) per attribution in ``text``.

    The post id comes from a date written as a link, else from a link in the block
    to the author's own post (``…/status/ID/photo/1``), else from the author's post
    URL alone on the line above the block; another post linked from the block
    becomes ``quoted``.  Links are read by ``parse_url``, which the platform passes
    in (this module sits below the platform registry); without one, posts carry no
    id.
    """
    line_end = previous_end = 0
    for found in iter_attributions(text, dialect):
        # The text starts after the previous attribution's line, or right after the
        # attribution itself when both share one line.
        floor = line_end if line_end <= found.text_end else previous_end
        block = post_block(text, found, floor=floor, drop_lines=dialect.drop_lines)
        line_end = found.line_end
        previous_end = found.attribution.span[1] if found.attribution.span else found.text_end
        yield _post(found, block, dialect, parse_url or _no_permalink)


def _no_permalink(url: str) -> PostRef | None:
    return None


def _post(
    found: AttributionMatch,
    block: TextBlock,
    dialect: ResidueDialect,
    parse_post_url: PermalinkParser,
) -> Post:
    attribution = found.attribution
    own: PostRef | None = None
    quoted: PostRef | None = None
    if found.date_url:
        ref = parse_post_url(found.date_url)
        if ref is not None and ref.platform == dialect.platform and ref.post_id:
            own = ref
    handle = (attribution.handle or "").lower()
    for link in block.links:
        ref = parse_post_url(link.url)
        if ref is None or ref.platform != dialect.platform or not ref.post_id:
            continue
        if own is None and ref.handle and ref.handle.lower() == handle:
            own = ref
        elif quoted is None and (own is None or ref.post_id != own.post_id):
            quoted = ref
    if own is None and block.link_above:
        ref = parse_post_url(block.link_above)
        if (
            ref is not None
            and ref.platform == dialect.platform
            and ref.post_id
            and ref.handle
            and ref.handle.lower() == handle
        ):
            own = ref
    post_id = own.post_id if own else None
    created_at = dialect.time_of(post_id) if post_id and dialect.time_of else None
    span_start = min(block.start, attribution.span[0]) if attribution.span else block.start
    span_end = attribution.span[1] if attribution.span else block.end
    return Post(
        platform=dialect.platform,
        post_id=post_id,
        url=own.url if own else None,
        author=Author(name=attribution.name, handle=attribution.handle),
        text=block.text,
        lang=None,
        date_text=attribution.date_text,
        published=attribution.published,
        published_precision=attribution.published_precision,
        created_at=created_at,
        links=block.links,
        form="text",
        span=(span_start, span_end),
        quoted=quoted,
    )
