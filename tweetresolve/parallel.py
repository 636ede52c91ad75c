"""Scanning many documents and archives on every core: tasks, worker processes, order.

A run is a list of :class:`Task`: one per loose file, and one per 2 MiB slice of
each web archive (:func:`plan_tasks`), so that one large WARC keeps every core busy
and a resumed run redoes at most one slice.  :func:`run_tasks` runs them in ``jobs``
worker processes, at most two tasks per worker in flight (memory stays bounded by
what one task holds), and yields each :class:`TaskResult` in task order, or as soon
as it is done with ``ordered=False``.  Workers read their files themselves and
render their output lines, so the parent only writes.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Hello https://t.co/AbCdEf1234\\n"
...                                   "— Ada Example (@ada_example) March 30, 2022")
>>> job = Job(read=read_file, render=render_jsonl)
>>> [result] = run_tasks(plan_tasks([str(folder / "a.txt")]), job, jobs=1)
>>> result.posts, result.by_platform, result.errors
(1, {'twitter': 1}, ())
"""

from __future__ import annotations

import collections
import concurrent.futures
import json
import multiprocessing
import os
import signal
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Final

import attrs

from tweetresolve.archives import ArchiveDamage, extract_page, is_archive_name
from tweetresolve.archives.reader import read_units
from tweetresolve.extract import Kind, extract
from tweetresolve.records import Post

__all__ = [
    "SLICE_BYTES",
    "Job",
    "Task",
    "TaskResult",
    "default_jobs",
    "is_archive",
    "plan_tasks",
    "read_file",
    "render_jsonl",
    "run_tasks",
]

#: Archives are cut into slices of this many bytes (of the file as stored), one task each.
SLICE_BYTES: Final = 2 * 1024 * 1024

# Tasks in flight per worker: one running, one waiting, so no worker idles while
# the parent writes, and no more than two tasks' results are ever held.
_IN_FLIGHT_PER_WORKER: Final = 2

# The first bytes of a gzip member, of a WARC record and of an ARC file.
_GZIP_MAGIC: Final = b"\x1f\x8b"
_ARCHIVE_STARTS: Final = (b"WARC/", b"filedesc://")


@attrs.frozen
class Task:
    """One unit of work: a loose file, or the records that begin in a slice of an archive."""

    #: Position in the run; results are written in this order.
    index: int
    #: The path as given (``-`` is never a task: standard input is read by the caller).
    source: str
    #: Whether ``source`` is a WARC or ARC file.
    archive: bool = False
    #: Byte range of an archive slice; ``end`` None means to the end of the file.
    start: int = 0
    end: int | None = None
    #: Bytes of the file this task covers (for progress and MB/s).
    size: int = 0
    #: Identity of the task for resuming: path, file size, modification time, range.
    key: str = ""


@attrs.frozen
class TaskResult:
    """What one task found: the rendered output and the counts for progress and the summary."""

    task: Task
    #: The output lines of every post found, rendered, each ending in a newline.
    text: str = ""
    #: Archive records that were HTML pages (1 for a loose file that could be read).
    records: int = 0
    #: Pages (or files) in which at least one post was found.
    pages_with_posts: int = 0
    posts: int = 0
    by_platform: dict[str, int] = attrs.field(factory=dict)
    #: One message per file that could not be read or per damaged archive member.
    errors: tuple[str, ...] = ()
    #: Peak resident memory of the process that ran the task, in bytes, when known.
    peak_rss: int = 0
    #: CPU seconds the task took in its process, and that process's id.
    cpu_seconds: float = 0.0
    pid: int = 0


#: Reads a loose file; raises ``OSError`` or ``ValueError`` with a message naming it.
Reader = Callable[[str], bytes]
#: Renders one post found in ``source`` as an output line (ending in a newline).
Renderer = Callable[[str, Post], str]
#: Finds the posts of a loose file's bytes: ``extract`` or a stand-in with its keywords.
Finder = Callable[..., list[Post]]


@attrs.frozen
class Job:
    """What every task does: how to read a loose file, what to find, how to render a post.

    ``read`` and ``render`` must be module-level functions: they travel to the
    worker processes by name.
    """

    read: Reader
    render: Renderer
    kind: Kind = "auto"
    include_links: bool = False
    #: What searches a loose file (default: :func:`tweetresolve.extract`).
    find: Finder | None = None


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def read_file(path: str) -> bytes:
    """The bytes of a loose file, for :class:`Job` (no decompression)."""
    return Path(path).read_bytes()


def render_jsonl(source: str, post: Post) -> str:
    """One JSON Lines record: ``{"source": source, **post.to_dict()}``."""
    return json.dumps({"source": source, **post.to_dict()}, ensure_ascii=False) + "\n"


# --- planning --------------------------------------------------------------------------------


def is_archive(path: str) -> bool:
    """True for a WARC or ARC file, by its name or, whatever its name, by its first bytes."""
    if is_archive_name(path):
        return True
    try:
        with open(path, "rb") as stream:
            head = stream.read(512)
    except OSError:
        return False
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(_ARCHIVE_STARTS)


def plan_tasks(paths: Iterable[str], *, slice_bytes: int | None = None) -> list[Task]:
    """One task per loose file and one per slice of each archive, in the order given.

    Slices are ``slice_bytes`` long (default :data:`SLICE_BYTES`).
    """
    slice_bytes = slice_bytes or SLICE_BYTES
    tasks: list[Task] = []
    for path in paths:
        try:
            info = os.stat(path)
            size, stamp = info.st_size, info.st_mtime_ns
        except OSError:
            size, stamp = 0, 0
        identity = f"{path}\t{size}\t{stamp}"
        if not is_archive(path):
            tasks.append(Task(len(tasks), path, size=size, key=identity))
            continue
        starts = range(0, max(size, 1), slice_bytes)
        for start in starts:
            end = start + slice_bytes if start + slice_bytes < size else None
            covered = (end if end is not None else size) - start
            key = f"{identity}\t{start}"
            tasks.append(Task(len(tasks), path, True, start, end, covered, key))
    return tasks


# --- running ---------------------------------------------------------------------------------


def run_tasks(
    tasks: Iterable[Task], job: Job, *, jobs: int, ordered: bool = True
) -> Iterator[TaskResult]:
    """Run ``tasks`` in ``jobs`` worker processes (in this one when ``jobs`` is 1)."""
    if jobs <= 1:
        for task in tasks:
            yield run_task(task, job)
        return
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(), initializer=_ignore_interrupts
    )
    pending: collections.deque[concurrent.futures.Future[TaskResult]] = collections.deque()
    queue = iter(tasks)
    limit = jobs * _IN_FLIGHT_PER_WORKER
    try:
        while True:
            for task in queue:
                pending.append(pool.submit(run_task, task, job))
                if len(pending) >= limit:
                    break
            if not pending:
                break
            if ordered:
                yield pending.popleft().result()
                continue
            done, _ = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED
            )
            for future in list(pending):
                if future in done:
                    pending.remove(future)
                    yield future.result()
    finally:
        # An interrupt or a closed output: drop what was not started; a worker
        # finishes at most the task it is on.
        pool.shutdown(wait=True, cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    # A fork server forks workers from a clean process: no parent threads copied,
    # no re-import per worker as with spawn.  Windows and macOS: spawn.
    if sys.platform == "linux":
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["tweetresolve.parallel"])
        return context
    return multiprocessing.get_context("spawn")


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the terminal's group: only the parent acts on it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_task(task: Task, job: Job) -> TaskResult:
    """Read and search one task's documents; never raises on content or unreadable files."""
    started = time.process_time()
    result = _run(task, job)
    return attrs.evolve(result, cpu_seconds=time.process_time() - started, pid=os.getpid())


def _run(task: Task, job: Job) -> TaskResult:
    if task.archive:
        return _run_archive_task(task, job)
    try:
        data = job.read(task.source)
    except (OSError, ValueError) as exc:
        return TaskResult(task, errors=(str(exc) or f"{task.source}: cannot read",))
    find = job.find or extract
    posts = _safely(task.source, lambda: find(data, kind=job.kind, include_links=job.include_links))
    if isinstance(posts, str):
        return TaskResult(task, records=1, errors=(posts,))
    return _result(task, [(task.source, posts)], records=1, errors=(), job=job)


def _run_archive_task(task: Task, job: Job) -> TaskResult:
    errors: list[str] = []
    found: list[tuple[str, list[Post]]] = []
    records = 0

    def report(damage: ArchiveDamage) -> None:
        errors.append(f"{task.source}: offset {damage.offset}: {damage.reason}")

    try:
        with open(task.source, "rb") as stream:
            pages = read_units(
                stream, file=task.source, on_damage=report, start=task.start, end=task.end
            )
            for page in pages:
                records += 1
                posts = _safely(
                    f"{task.source}: offset {page.origin.offset}",
                    lambda page=page: extract_page(  # type: ignore[misc]
                        page, kind=job.kind, include_links=job.include_links
                    ),
                )
                if isinstance(posts, str):
                    errors.append(posts)
                elif posts:
                    found.append((task.source, posts))
    except OSError as exc:
        errors.append(f"{task.source}: cannot read: {exc.strerror or exc}")
    except ImportError as exc:
        errors.append(f"{task.source}: {exc}")
    return _result(task, found, records=records, errors=tuple(errors), job=job)


def _safely(where: str, find: Callable[[], list[Post]]) -> list[Post] | str:
    # extract() contains detector bugs itself; anything reaching here is a bug too,
    # and one odd page must not cost the rest of a long run.
    try:
        return find()
    except Exception as exc:
        return f"{where}: internal error ({type(exc).__name__}: {exc})"


def _result(
    task: Task,
    found: list[tuple[str, list[Post]]],
    *,
    records: int,
    errors: tuple[str, ...],
    job: Job,
) -> TaskResult:
    lines: list[str] = []
    by_platform: collections.Counter[str] = collections.Counter()
    for source, posts in found:
        for post in posts:
            by_platform[post.platform] += 1
            lines.append(job.render(source, post))
    return TaskResult(
        task,
        text="".join(lines),
        records=records,
        pages_with_posts=sum(1 for _, posts in found if posts),
        posts=sum(by_platform.values()),
        by_platform=dict(by_platform),
        errors=errors,
        peak_rss=_peak_rss(),
    )


def _peak_rss() -> int:
    try:
        import resource  # noqa: PLC0415  (POSIX only: absent on Windows)
    except ImportError:
        return 0
    # Linux reports kilobytes, macOS bytes.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)
