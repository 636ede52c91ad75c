"""The run loop of ``tweetresolve scan``: tasks through the worker pool to the output.

It plans the tasks (:func:`tweetresolve.parallel.plan_tasks`), skips the ones an
interrupted run already wrote (:class:`tweetresolve.scanstate.ScanState`), runs the
rest in worker processes, writes each task's lines as its result comes, counts what
was found for the progress bar and the summary line, and reports every file that
could not be read and every damaged archive record.  The command line builds the
:class:`~tweetresolve.parallel.Job` and the output; this module knows nothing of
options.
"""

from __future__ import annotations

import collections
import time
from collections.abc import Callable, Iterable
from typing import IO, Final, Protocol

import attrs

from tweetresolve.parallel import Job, Task, TaskResult, run_tasks
from tweetresolve.scanstate import ScanState

__all__ = ["Meter", "ScanTotals", "run_batch"]

#: Below this many bytes of input in all, tasks run in this process: starting
#: worker processes would cost more than it saves.
PARALLEL_MIN_BYTES: Final = 8 * 1024 * 1024


class Meter(Protocol):
    """What the loop tells the progress bar (``tweetresolve.cli.Progress``)."""

    def advance(self, size: int, posts: int, *, records: int = 1, files: int = 1) -> None: ...

    def clear(self) -> None: ...


@attrs.define
class ScanTotals:
    """Counts of a run, for the summary line."""

    files: int = 0
    records: int = 0
    pages_with_posts: int = 0
    posts: int = 0
    by_platform: collections.Counter[str] = attrs.field(factory=collections.Counter)
    #: Files that could not be read (or failed inside), and damaged archive records.
    unreadable: int = 0
    damaged: int = 0
    started: float = attrs.field(factory=time.monotonic)

    def add(self, result: TaskResult, *, last_of_file: bool) -> None:
        """Count one task's result; ``last_of_file`` counts its file as done."""
        self.files += int(last_of_file)
        self.records += result.records
        self.pages_with_posts += result.pages_with_posts
        self.posts += result.posts
        self.by_platform.update(result.by_platform)
        if result.task.archive:
            self.damaged += len(result.errors)
        else:
            self.unreadable += len(result.errors)

    @property
    def errors(self) -> int:
        """Files not read plus damaged archive records."""
        return self.unreadable + self.damaged

    def summary(self) -> str:
        """One line, e.g. ``2 files, 40 records, 12 pages with posts, 15 posts (twitter 12, …)``.

        >>> totals = ScanTotals(files=2, records=40, pages_with_posts=12, posts=15)
        >>> totals.by_platform.update({"twitter": 12, "youtube": 3})
        >>> totals.summary().rsplit(",", 1)[0]
        '2 files, 40 records, 12 pages with posts, 15 posts (twitter 12, youtube 3), 0 errors'
        """
        platforms = ", ".join(f"{name} {count}" for name, count in self.by_platform.most_common())
        seconds = time.monotonic() - self.started
        return (
            f"{_plural(self.files, 'file')}, {_plural(self.records, 'record')}, "
            f"{self.pages_with_posts} pages with posts, {_plural(self.posts, 'post')}"
            f"{f' ({platforms})' if platforms else ''}, {_plural(self.errors, 'error')}, "
            f"{seconds:.1f} s"
        )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def run_batch(
    tasks: list[Task],
    job: Job,
    *,
    jobs: int,
    ordered: bool,
    write: Callable[[str], None],
    report: Callable[[str], None],
    progress: Meter,
    state: ScanState | None = None,
    output: IO[bytes] | None = None,
) -> ScanTotals:
    """Run ``tasks`` and write their lines; return the counts.

    With ``state`` (and the binary ``output`` it guards), tasks already recorded
    are skipped and each task is recorded once its lines are flushed.
    """
    totals = ScanTotals()
    last_slice = _last_task_of_each_file(tasks)
    todo = tasks
    if state is not None:
        todo = [task for task in tasks if task.key not in state.done]
        for task in tasks:
            if task.key in state.done and task.index in last_slice:
                totals.files += 1
    if sum(task.size for task in todo) < PARALLEL_MIN_BYTES or len(todo) < 2:
        jobs = 1
    for result in run_tasks(todo, job, jobs=jobs, ordered=ordered):
        for message in result.errors:
            progress.clear()
            report(message)
        if result.text:
            progress.clear()
            write(result.text)
        if state is not None and output is not None:
            state.commit(output, result.task.key)
        last = result.task.index in last_slice
        totals.add(result, last_of_file=last)
        progress.advance(result.task.size, result.posts, records=result.records, files=int(last))
    return totals


def _last_task_of_each_file(tasks: Iterable[Task]) -> set[int]:
    last: dict[str, int] = {}
    for task in tasks:
        last[task.source] = task.index
    return set(last.values())
