"""The ``tweetresolve`` command line.

::

    tweetresolve scan PATH... | -      posts found in files, folders (recursively) or stdin
    tweetresolve scan --resolve ...    the same, with the posts' short links expanded
    tweetresolve scan --hydrate ...    the same, each post completed from its platform
    tweetresolve expand URL... | -     where links lead, one JSON line per URL in input order

Output goes to stdout, one post per line (JSON Lines, or CSV with ``--format csv``),
each with the file it came from.  Problems go to stderr.  A file that cannot be
read is reported and skipped; the batch goes on and the exit status says so at
the end:

====  ==========================================================
code  meaning
====  ==========================================================
0     every file was read
1     at least one file could not be read (each one reported on stderr)
2     usage error (unknown option, missing argument)
130   interrupted (Ctrl-C)
141   stdout was closed early (``tweetresolve scan … | head``); stops quietly
====  ==========================================================

Each subcommand is one ``_add_<name>_command`` function that registers its
arguments and its handler on the shared sub-parser, so another command is one
function and one line in :func:`build_parser`.  What ``scan`` does with each
document is the function :func:`make_finder` builds from the options; an option
that changes it (say, expanding the links found) changes that function only.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import functools
import io
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any, Final, NoReturn

import attrs

from tweetresolve import __version__
from tweetresolve.batch import ScanTotals, run_batch
from tweetresolve.cli_inputs import STDIN_SOURCE, SourceError, expand_paths, read_source
from tweetresolve.cli_resolve import ResolveJob, resolve_scan
from tweetresolve.decode import encoding_for_label
from tweetresolve.expansion.cli_support import (
    add_expand_command,
    add_resolve_arguments,
    cache_problem,
    expander_options,
    given_expander_options,
    resolving_finder,
)
from tweetresolve.extract import Kind, extract
from tweetresolve.hydration.cli_support import add_hydrate_arguments, hydrating_finder
from tweetresolve.parallel import Job, default_jobs, is_archive, plan_tasks
from tweetresolve.records import ROW_COLUMNS, Post
from tweetresolve.scanstate import ScanState

__all__ = ["CSV_COLUMNS", "build_parser", "main", "post_to_row"]

logger = logging.getLogger(__name__)

PROG: Final = "tweetresolve"

EXIT_OK: Final = 0
EXIT_FILE_ERRORS: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130
# What a shell reports for a process ended by SIGPIPE (128 + 13); we exit with it
# ourselves so `set -o pipefail` scripts see the same status as for `cat | head`.
EXIT_BROKEN_PIPE: Final = 141

# Characters handed to stdout at a time.
_WRITE_PIECE: Final = 64 * 1024

#: CSV columns, in order: the file a post came from, then :data:`ROW_COLUMNS` (the
#: flat row of :meth:`Post.to_row`: ``author_*``, ``quoted_*`` and ``span_*`` from the
#: nested values; ``links``, ``links_final``, ``entities`` and ``warnings`` joined by
#: single spaces).
CSV_COLUMNS: Final = ("source", *ROW_COLUMNS)


# --- entry point ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    _configure_logging(args.verbose)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, ``tweetresolve scan: error: …``."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


_VERBOSE_HELP: Final = (
    "log on stderr: -v what is read and skipped, -vv debug detail, -vvv also HTTP wire logs"
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = _Parser(
        prog=PROG,
        description="Find the social-media posts embedded in web pages and scraped text.",
        epilog="exit status: 0 ok, 1 some files could not be read, 2 usage error",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help=_VERBOSE_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_scan_command(commands)
    add_expand_command(commands)
    for command in commands.choices.values():
        # -v after the command name too; SUPPRESS keeps a -v given before it.
        command.add_argument(
            "-v", "--verbose", action="count", default=argparse.SUPPRESS, help=_VERBOSE_HELP
        )
    return parser


#: Loggers of the libraries under the expanders: their DEBUG output is every byte
#: on the wire, shown only from -vvv.
_WIRE_LOGGERS: Final = ("httpx", "httpcore", "hpack", "anyio", "asyncio")


def _configure_logging(verbosity: int) -> None:
    # Detector failures are logged by the library at ERROR; without a handler
    # Python would print them bare.  Say who is speaking; -v shows our INFO, -vv
    # our DEBUG, -vvv everything, the HTTP libraries' wire logs included.
    logging.basicConfig(
        level=logging.WARNING,
        format=f"{PROG}: %(levelname)s: %(name)s: %(message)s",
        stream=sys.stderr,
    )
    ours = logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.getLogger("tweetresolve").setLevel(ours)
    wire = logging.DEBUG if verbosity >= 3 else logging.WARNING
    for name in _WIRE_LOGGERS:
        logging.getLogger(name).setLevel(wire)


def _silence_stdout() -> None:
    # The reader went away (`| head`).  Point stdout at /dev/null so the
    # interpreter's final flush does not raise a second BrokenPipeError.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        # No real file descriptor (stdout replaced in-process): nothing to flush.
        pass


# --- scan ----------------------------------------------------------------------------------


def _add_scan_command(commands: Any) -> None:
    scan: argparse.ArgumentParser = commands.add_parser(
        "scan",
        help="find the posts in files, folders or stdin",
        description=(
            "Find the social-media posts in HTML pages or plain-text files and print one "
            "per line. Folders are read recursively (hidden entries and image, font, "
            "script and archive files skipped); files ending in .gz are decompressed; "
            "'-' reads standard input."
        ),
        epilog="exit status: 0 ok, 1 some files could not be read, 2 usage error",
    )
    scan.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    scan.add_argument(
        "--kind",
        choices=("auto", "html", "text"),
        default="auto",
        help="treat every document as HTML or as text (default: decide per document)",
    )
    scan.add_argument(
        "--links",
        action="store_true",
        help="also report bare links to posts (form 'link'), not only embeds and quotes",
    )
    scan.add_argument(
        "--encoding",
        type=_encoding_label,
        default=None,
        metavar="LABEL",
        help="the encoding of files and stdin that declare none, e.g. windows-1251 "
        "(default: detect; a byte-order mark still wins)",
    )
    scan.add_argument(
        "--format",
        choices=("jsonl", "csv"),
        default="jsonl",
        help="output format (default: jsonl, one JSON object per line)",
    )
    scan.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal)",
    )
    scan.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: one per core); archives are shared out in slices",
    )
    scan.add_argument(
        "--unordered",
        action="store_true",
        help="write results as workers finish them, not in input order",
    )
    scan.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default=None,
        help="write to FILE instead of stdout; an interrupted run resumes where it stopped",
    )
    scan.add_argument(
        "--summary",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="print a summary line on stderr at the end "
        "(default: with --output, or when stderr is a terminal)",
    )
    add_resolve_arguments(scan)
    add_hydrate_arguments(scan)
    scan.set_defaults(handler=run_scan)


#: Turns one document's bytes into posts; :func:`run_scan` builds it from the options.
Finder = Callable[[bytes], list[Post]]


def make_finder(args: argparse.Namespace) -> Finder:
    """The per-document step of ``scan``, built from its options."""
    if getattr(args, "resolve", False):
        find = resolving_finder(args)
    else:
        kind: Kind = args.kind
        include_links: bool = args.links

        def find(data: bytes) -> list[Post]:
            return extract(data, kind=kind, include_links=include_links)

    if getattr(args, "hydrate", False):
        return hydrating_finder(find, args)
    return find


def _encoding_label(text: str) -> str:
    if encoding_for_label(text) is None:
        raise argparse.ArgumentTypeError(
            f"unknown encoding {text!r} (a WHATWG label such as utf-8, windows-1251, shift_jis)"
        )
    return text


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def run_scan(args: argparse.Namespace) -> int:
    """Handler of ``tweetresolve scan``."""
    if not args.resolve:
        given = given_expander_options(args)
        if args.expand_all:
            given.append("--expand-all")
        if getattr(args, "hydrate", False):
            # The hydrator shares the cache and the trusted hosts.
            given = [option for option in given if option not in _HYDRATION_SHARES]
        if given:
            _usage_error("scan", f"{', '.join(given)} only apply with --resolve")
            return EXIT_USAGE
    sources = list(expand_paths(args.paths))
    paths = [source for source, _ in sources]
    networked = [f"--{name}" for name in ("resolve", "hydrate") if getattr(args, name, False)]
    if networked:
        if any(is_archive(source) for source in paths if source != STDIN_SOURCE):
            _usage_error("scan", f"{networked[0]} does not read web archives")
            return EXIT_USAGE
        if getattr(args, "hydrate", False):
            return _run_scan_one_by_one(args, sources)
        return _run_scan_resolving(args, sources)
    tasks = plan_tasks(paths)
    job = Job(
        read=read_source,
        render=_renderer(args),
        kind=args.kind,
        include_links=args.links,
        find=functools.partial(_find, encoding=args.encoding),
    )
    # Standard input can be read by this process only.
    jobs = 1 if STDIN_SOURCE in paths else (args.jobs or default_jobs())
    show = args.progress if args.progress is not None else _is_terminal(sys.stderr)
    progress = Progress(len(set(paths)), sum(task.size for task in tasks), enabled=show)
    state: ScanState | None = None
    if args.output is not None:
        settings = {"format": args.format, "kind": args.kind, "links": args.links}
        try:
            state = ScanState.open(Path(args.output), settings)
            output: IO[bytes] = state.output()
        except OSError as exc:
            print(f"{PROG}: {args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
        if state.resumed:
            print(f"{PROG}: {args.output}: resuming an interrupted run", file=sys.stderr)

        def write_file(text: str) -> None:
            output.write(text.encode("utf-8", "backslashreplace"))

        write: Callable[[str], None] = write_file
    else:
        output = None  # type: ignore[assignment]
        write = _stdout_writer()

    if args.format == "csv" and (state is None or not state.resumed):
        write(_csv_line(CSV_COLUMNS))
        if state is not None:
            state.mark(output)
    try:
        totals = run_batch(
            tasks,
            job,
            jobs=jobs,
            ordered=not args.unordered,
            write=write,
            report=lambda message: print(f"{PROG}: {message}", file=sys.stderr),
            progress=progress,
            state=state,
            output=output,
        )
        if state is None:
            sys.stdout.flush()
    finally:
        progress.close()
        if state is not None:
            output.close()
            state.close()
    if state is not None:
        state.finish()
    return _end_of_scan(args, totals, show=show)


def _end_of_scan(args: argparse.Namespace, totals: ScanTotals, *, show: bool) -> int:
    """Print the summary line and the error counts; return the exit status."""
    summary = args.summary if args.summary is not None else (args.output is not None or show)
    if summary:
        print(f"{PROG}: {totals.summary()}", file=sys.stderr)
    if totals.unreadable:
        noun = "file" if totals.unreadable == 1 else "files"
        print(f"{PROG}: {totals.unreadable} {noun} could not be read", file=sys.stderr)
    if totals.damaged:
        noun = "record" if totals.damaged == 1 else "records"
        print(f"{PROG}: {totals.damaged} damaged archive {noun} skipped", file=sys.stderr)
    return EXIT_FILE_ERRORS if totals.errors else EXIT_OK


#: Options of the expanders that ``--hydrate`` uses too.
_HYDRATION_SHARES: Final = frozenset({"--cache", "--no-cache", "--trust"})


def _usage_error(command: str, message: str) -> None:
    print(f"{PROG} {command}: error: {message}", file=sys.stderr)


def _stdout_writer() -> Callable[[str], None]:
    out = _text_stdout()

    def write(text: str) -> None:
        # In pieces: one huge write to a pipe can "succeed" after its reader
        # left (`| head`), and the run would go on instead of stopping.
        for start in range(0, len(text), _WRITE_PIECE):
            out.write(text[start : start + _WRITE_PIECE])

    return write


def _find(
    data: bytes, *, kind: Kind, include_links: bool, encoding: str | None = None
) -> list[Post]:
    # Looked up at call time, so that the tests can stand in for extract().
    if encoding is None:
        return extract(data, kind=kind, include_links=include_links)
    return extract(data, kind=kind, include_links=include_links, encoding=encoding)


def _render_jsonl(source: str, post: Post, *, scanned_at: str = "") -> str:
    record = {"source": source, **post.to_dict(), "scan": _provenance(scanned_at)}
    return json.dumps(record, ensure_ascii=False) + "\n"


def _provenance(scanned_at: str) -> dict[str, str]:
    """Which tool wrote a line, and when the run started: the ``scan`` field of a JSON line."""
    return {"tool": PROG, "version": __version__, "scanned_at": scanned_at or _scan_time()}


def _scan_time() -> str:
    """When this run started, ISO 8601 in UTC (``SOURCE_DATE_EPOCH`` fixes it)."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = dt.datetime.now(dt.timezone.utc)
    if fixed.isdigit():
        moment = dt.datetime.fromtimestamp(int(fixed), dt.timezone.utc)
    return moment.replace(microsecond=0).isoformat()


def _renderer(args: argparse.Namespace) -> Callable[[str, Post], str]:
    # A partial of a module-level function: it travels to the worker processes.
    if args.format == "csv":
        return _render_csv
    return functools.partial(_render_jsonl, scanned_at=_scan_time())


def _render_csv(source: str, post: Post) -> str:
    row = post_to_row(source, post)
    return _csv_line([row[column] for column in CSV_COLUMNS])


def _csv_line(cells: Iterable[Any]) -> str:
    # Text quoted, numbers bare: a reader told so (QUOTE_NONNUMERIC) keeps ids as text.
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC).writerow(cells)
    return buffer.getvalue()


def _run_scan_resolving(args: argparse.Namespace, sources: list[tuple[str, int]]) -> int:
    """``scan --resolve``: files searched and their links expanded together (cli_resolve)."""
    options = expander_options(args)
    problem = cache_problem(options["cache"])
    if problem is not None:
        _usage_error("scan", problem)
        return EXIT_USAGE
    output: IO[bytes] | None = None
    if args.output is not None:
        try:
            output = open(args.output, "wb")  # noqa: SIM115 - closed below, after the run
        except OSError as exc:
            _usage_error("scan", f"{args.output}: cannot write: {exc.strerror or exc}")
            return EXIT_USAGE
        stream = output

        def write_file(text: str) -> None:
            stream.write(text.encode("utf-8", "backslashreplace"))

        write: Callable[[str], None] = write_file
    else:
        write = _stdout_writer()
    show = args.progress if args.progress is not None else _is_terminal(sys.stderr)
    progress = Progress(len(sources), sum(size for _, size in sources), enabled=show)
    job = ResolveJob(
        render=_renderer(args),
        kind=args.kind,
        include_links=args.links,
        expand="all" if args.expand_all else "short",
        encoding=args.encoding,
    )
    if args.format == "csv":
        write(_csv_line(CSV_COLUMNS))
    try:
        totals = resolve_scan(
            sources,
            job,
            options,
            write=write,
            report=lambda message: print(f"{PROG}: {message}", file=sys.stderr),
            progress=progress,
        )
        if output is None:
            sys.stdout.flush()
    finally:
        progress.close()
        if output is not None:
            output.close()
    return _end_of_scan(args, totals, show=show)


def _run_scan_one_by_one(args: argparse.Namespace, sources: list[tuple[str, int]]) -> int:
    """``scan --hydrate`` (with or without ``--resolve``): one document at a time."""
    find = make_finder(args)
    out = _text_stdout()
    writer = _make_writer(args.format, out)
    total_bytes = sum(size for _, size in sources)
    show = args.progress if args.progress is not None else _is_terminal(sys.stderr)
    progress = Progress(len(sources), total_bytes, enabled=show)
    # When stdout and stderr share a terminal, the bar must leave the line before
    # a record is printed, or they would be drawn over each other.
    clear_before_output = show and _is_terminal(out)
    failures = 0
    try:
        for source, size in sources:
            try:
                data = read_source(source)
                posts = find(data)
            except SourceError as exc:
                failures += 1
                _report(progress, str(exc))
                progress.advance(size, 0)
                continue
            except Exception as exc:
                # extract() contains detector bugs itself; anything reaching here is
                # a bug too, and one odd file must not cost the rest of a long batch.
                logger.debug("failure on %s", source, exc_info=True)
                failures += 1
                _report(progress, f"{source}: internal error ({type(exc).__name__}: {exc})")
                progress.advance(size, 0)
                continue
            if posts and clear_before_output:
                progress.clear()
            for post in posts:
                writer(source, post)
            progress.advance(len(data) if source == STDIN_SOURCE else size, len(posts))
        out.flush()
    finally:
        progress.close()
    if failures:
        noun = "file" if failures == 1 else "files"
        print(f"{PROG}: {failures} {noun} could not be read", file=sys.stderr)
        return EXIT_FILE_ERRORS
    return EXIT_OK


def _report(progress: Progress, message: str) -> None:
    progress.clear()
    print(f"{PROG}: {message}", file=sys.stderr)


# --- writing -------------------------------------------------------------------------------

Writer = Callable[[str, Post], None]


def _text_stdout() -> IO[str]:
    out = sys.stdout
    # Records are written as UTF-8 whatever the locale says; an unencodable
    # character (a file name with undecodable bytes) is escaped, never fatal.
    reconfigure = getattr(out, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(encoding="utf-8", errors="backslashreplace")
    return out


def _make_writer(output_format: str, out: IO[str]) -> Writer:
    if output_format == "csv":
        # Text quoted, numbers bare: a reader told so (QUOTE_NONNUMERIC) keeps ids as text.
        table = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
        table.writerow(CSV_COLUMNS)

        def write_row(source: str, post: Post) -> None:
            row = post_to_row(source, post)
            table.writerow([row[column] for column in CSV_COLUMNS])

        return write_row

    def write_json(source: str, post: Post) -> None:
        out.write(json.dumps({"source": source, **post.to_dict()}, ensure_ascii=False))
        out.write("\n")

    return write_json


def post_to_row(source: str, post: Post) -> dict[str, str | int]:
    """The CSV cells of a post (:data:`CSV_COLUMNS`): text, whole numbers, ``""`` when absent.

    Written with every text cell quoted and numbers bare, so an id such as
    ``1508951925456744449`` reads back as text (``csv.QUOTE_NONNUMERIC``).

    >>> from tweetresolve.records import Author
    >>> row = post_to_row("a.html", Post(platform="twitter", post_id="20",
    ...                                  author=Author(handle="ada"), span=(3, 9)))
    >>> row["author_handle"], row["span_start"], row["quoted_url"]
    ('ada', 3, '')
    """
    cells: dict[str, str | int] = {"source": source}
    for column, value in post.to_row().items():
        if value is None:
            cells[column] = ""
        elif isinstance(value, dt.datetime):
            cells[column] = value.isoformat()
        elif isinstance(value, int) and not isinstance(value, bool):
            cells[column] = value
        else:
            cells[column] = str(value)
    return cells


# --- progress bar --------------------------------------------------------------------------


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@attrs.define
class Progress:
    """A one-line progress bar on stderr, redrawn in place at most ten times a second.

    Nothing is drawn during the first half second, so short runs stay silent.
    Disabled, every method does nothing.
    """

    total_files: int
    total_bytes: int
    enabled: bool = True
    stream: IO[str] | None = None
    #: Seconds between redraws, and before the first one.
    interval: float = 0.1
    delay: float = 0.5
    _files: int = attrs.field(init=False, default=0)
    _bytes: int = attrs.field(init=False, default=0)
    _posts: int = attrs.field(init=False, default=0)
    _records: int = attrs.field(init=False, default=0)
    _started: float = attrs.field(init=False, factory=time.monotonic)
    _last_draw: float = attrs.field(init=False, default=0.0)
    _shown: bool = attrs.field(init=False, default=False)

    def advance(self, size: int, posts: int, *, records: int = 1, files: int = 1) -> None:
        """Count ``size`` more bytes read, holding ``posts`` posts in ``records`` pages.

        A loose file is one record; an archive's slices count their records, and
        the file once its last slice is done.
        """
        self._files += files
        self._records += records
        self._bytes += size
        self._posts += posts
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._started < self.delay or now - self._last_draw < self.interval:
            return
        self._last_draw = now
        self._draw(now)

    def clear(self) -> None:
        """Erase the bar so that another line can be printed; it comes back on the next draw."""
        if self._shown:
            self._write("\r\x1b[2K")
            self._shown = False

    def close(self) -> None:
        """Erase the bar for good."""
        self.clear()
        self.enabled = False

    def line(self, now: float) -> str:
        """The bar, e.g. ``[#####-----]  50% 5/10 files 1.2 MB 80 records 3 posts 4.0 MB/s``."""
        elapsed = max(now - self._started, 1e-9)
        fraction = self._bytes / self.total_bytes if self.total_bytes else 0.0
        if self.total_files and self._files >= self.total_files:
            fraction = 1.0
        fraction = min(fraction, 1.0)
        width = 20
        filled = int(fraction * width)
        bar = "#" * filled + "-" * (width - filled)
        return (
            f"[{bar}] {fraction:4.0%} {self._files}/{self.total_files} files "
            f"{_megabytes(self._bytes)} {self._records} records {self._posts} posts "
            f"{_megabytes(int(self._bytes / elapsed))}/s"
        )

    def _draw(self, now: float) -> None:
        columns = shutil.get_terminal_size((80, 24)).columns
        text = self.line(now)[: max(columns - 1, 10)]
        self._write("\r" + text + "\x1b[K")
        self._shown = True

    def _write(self, text: str) -> None:
        stream = self.stream if self.stream is not None else sys.stderr
        try:
            stream.write(text)
            stream.flush()
        except (OSError, ValueError):
            self.enabled = False


def _megabytes(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB"
