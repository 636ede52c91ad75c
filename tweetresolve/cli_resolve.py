"""``tweetresolve scan --resolve``: the posts of many files, their links expanded together.

One :class:`~tweetresolve.AsyncExpander` serves the whole run, so its limits
(``--concurrency``, ``--per-host``) hold across files, and several files are in
flight at once: while one file's links wait on slow hosts, the next files are read,
searched and their links requested.  Output stays in input order: a file's lines
are written when it and every file before it are done.  At most ``window`` files
are in flight, so memory stays bounded however many files there are.
"""

from __future__ import annotations

import asyncio
import collections
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from tweetresolve.batch import Meter, ScanTotals
from tweetresolve.cli_inputs import STDIN_SOURCE, SourceError, read_source
from tweetresolve.decode import decode
from tweetresolve.records import Post

if TYPE_CHECKING:
    from tweetresolve.expansion import AsyncExpander
    from tweetresolve.extract import Kind
    from tweetresolve.resolve import ExpandWhich

__all__ = ["ResolveJob", "resolve_files", "resolve_scan"]

logger = logging.getLogger(__name__)

#: Files in flight per unit of expander concurrency, and at least this many.
_FILES_PER_SLOT: Final = 1
_MIN_FILES_IN_FLIGHT: Final = 8


@attrs.frozen
class ResolveJob:
    """What to do with each file: how to search it and how to write a post found."""

    render: Callable[[str, Post], str]
    kind: Kind = "auto"
    include_links: bool = False
    expand: ExpandWhich = "short"
    encoding: str | None = None
    read: Callable[[str], bytes] = read_source


async def resolve_files(
    sources: Sequence[tuple[str, int]],
    job: ResolveJob,
    expander: AsyncExpander,
    *,
    concurrency: int,
    write: Callable[[str], None],
    report: Callable[[str], None],
    progress: Meter,
) -> ScanTotals:
    """Search every source, expand the links found with ``expander``, write in input order."""
    totals = ScanTotals()
    window = max(_MIN_FILES_IN_FLIGHT, concurrency * _FILES_PER_SLOT)
    pending: collections.deque[tuple[str, int, asyncio.Future[list[Post] | str]]] = (
        collections.deque()
    )

    async def settle_first() -> None:
        source, size, future = pending.popleft()
        found = await future
        if isinstance(found, str):
            progress.clear()
            report(found)
            totals.unreadable += 1
            totals.files += 1
            progress.advance(size, 0)
            return
        text = "".join(job.render(source, post) for post in found)
        if text:
            progress.clear()
            write(text)
        totals.files += 1
        totals.records += 1
        totals.posts += len(found)
        totals.pages_with_posts += bool(found)
        totals.by_platform.update(post.platform for post in found)
        progress.advance(size, len(found))

    try:
        for source, size in sources:
            while len(pending) >= window:
                await settle_first()
            pending.append((source, size, asyncio.ensure_future(_one(source, job, expander))))
        while pending:
            await settle_first()
    finally:
        for _, _, future in pending:
            future.cancel()
        await asyncio.gather(*(future for _, _, future in pending), return_exceptions=True)
    return totals


async def _one(source: str, job: ResolveJob, expander: AsyncExpander) -> list[Post] | str:
    """The posts of one file with their links expanded, or why it could not be read."""
    from tweetresolve.resolve import aresolve  # noqa: PLC0415 - keeps httpx off `import tweetresolve`

    try:
        data = job.read(source)
    except SourceError as exc:
        return str(exc)
    document: str | bytes = data
    if job.encoding is not None:
        document = decode(data, encoding=job.encoding)
    try:
        return await aresolve(
            document,
            expander=expander,
            expand=job.expand,
            kind=job.kind,
            include_links=job.include_links,
        )
    except Exception as exc:
        # extract() contains detector bugs and expansion never raises per URL; anything
        # reaching here is a bug too, and one odd file must not cost the rest of a batch.
        logger.debug("failure on %s", source, exc_info=True)
        name = "standard input" if source == STDIN_SOURCE else source
        return f"{name}: internal error ({type(exc).__name__}: {exc})"


def resolve_scan(
    sources: Sequence[tuple[str, int]],
    job: ResolveJob,
    options: dict[str, Any],
    *,
    write: Callable[[str], None],
    report: Callable[[str], None],
    progress: Meter,
) -> ScanTotals:
    """Run :func:`resolve_files` with an expander built from ``options``, to the end."""
    from tweetresolve.expansion import AsyncExpander  # noqa: PLC0415 - keeps httpx off `import tweetresolve`

    async def main() -> ScanTotals:
        async with AsyncExpander(**options) as expander:
            return await resolve_files(
                sources,
                job,
                expander,
                concurrency=int(options.get("concurrency") or 1),
                write=write,
                report=report,
                progress=progress,
            )

    return asyncio.run(main())
