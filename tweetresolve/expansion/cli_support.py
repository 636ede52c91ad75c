"""Command-line support for expansion: ``tweetresolve expand`` and ``scan --resolve``.

Kept apart from :mod:`tweetresolve.cli` so the command line only registers two
things: :func:`add_expand_command` (the ``expand`` subcommand) and
:func:`add_resolve_arguments` / :func:`resolving_finder` (``scan --resolve``).

``tweetresolve expand URL... | -`` prints one JSON line per input URL, in input
order, as results arrive (a bounded window keeps memory flat on endless input).
Results are cached in a SQLite file in the user cache directory by default, so a
run that was interrupted resumes where it stopped: finished URLs come back from
the cache without a request.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import collections
import ipaddress
import json
import os
import re
import shutil
import sqlite3
import sys
import threading
import time
from collections.abc import AsyncIterable, AsyncIterator, Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from tweetresolve.expansion import AsyncExpander, Expander
from tweetresolve.expansion.guard import DEFAULT_ALLOWED_PORTS, split_trusted_entry
from tweetresolve.records import Expansion, Post

if TYPE_CHECKING:
    from tweetresolve.extract import Kind
    from tweetresolve.resolve import ExpandWhich

__all__ = [
    "add_expand_command",
    "add_resolve_arguments",
    "cache_problem",
    "default_cache_path",
    "expander_options",
    "given_expander_options",
    "resolving_finder",
    "run_expand",
]

PROG: Final = "tweetresolve"
#: Results held back at most, waiting for an earlier URL to finish, per unit of concurrency.
_WINDOW_PER_SLOT: Final = 4
#: Show a progress bar (on a terminal) from this many URLs on.
_PROGRESS_FROM: Final = 50


def default_cache_path() -> Path:
    """The CLI's cache file: ``expansions.sqlite`` in the user cache directory.

    ``TWEETRESOLVE_CACHE`` overrides it.
    """
    override = os.environ.get("TWEETRESOLVE_CACHE")
    if override:
        return Path(override)
    try:
        import platformdirs  # noqa: PLC0415  (optional; only the CLI needs it)
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
        return Path(base) / "tweetresolve" / "expansions.sqlite"
    return Path(platformdirs.user_cache_dir("tweetresolve")) / "expansions.sqlite"


# The expansion options' defaults.  The parser's own defaults are None, so that
# ``scan`` can tell an option given without ``--resolve`` (a mistake) from one left out.
_DEFAULTS: Final[dict[str, Any]] = {
    "concurrency": 32,
    "per_host": 4,
    "timeout": 10.0,
    "deadline": 30.0,
    "max_redirects": 20,
    "retries": 2,
}

# A host name, optionally with a port: "localhost", "intranet.example", "127.0.0.1:8765".
_HOST = re.compile(r"[a-z0-9_]([a-z0-9_.-]{0,251}[a-z0-9_])?\.?(:[0-9]{1,5})?", re.IGNORECASE)
# Something that can only mean an IPv4 address or network: digits, dots and a prefix.
_IPV4_LIKE = re.compile(r"[0-9.]+(/[0-9]+)?(:[0-9]+)?")


def _count(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {value}")
        return value

    return parse


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, not {text}")
    return value


def _trusted(text: str) -> str:
    """A ``--trust`` value: an IP address or network, or a host name (with a port)."""
    value = text.strip()
    try:
        host, _ = split_trusted_entry(value)  # "HOST:PORT" names one port
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    bare = host.strip("[]")
    try:
        ipaddress.ip_network(bare, strict=False)
    except ValueError:
        if "/" in host or _IPV4_LIKE.fullmatch(host):
            raise argparse.ArgumentTypeError(f"not an IP address or network: {text!r}") from None
        if not _HOST.fullmatch(host):
            raise argparse.ArgumentTypeError(f"not a host name or network: {text!r}") from None
    return value


def _add_expander_options(parser: argparse.ArgumentParser, *, prefix: str = "") -> None:
    group = parser.add_argument_group("expansion")
    group.add_argument(
        f"--{prefix}cache",
        metavar="FILE",
        help=f"SQLite cache file (default: {default_cache_path()})",
    )
    group.add_argument(
        f"--{prefix}no-cache", action="store_true", help="neither read nor write a cache"
    )
    group.add_argument("--concurrency", type=_count(1), help="URLs at once (default 32)")
    group.add_argument("--per-host", type=_count(1), help="requests per host (default 4)")
    group.add_argument("--timeout", type=_seconds, help="seconds per connect/read (default 10)")
    group.add_argument("--deadline", type=_seconds, help="seconds per URL in all (default 30)")
    group.add_argument("--max-redirects", type=_count(0), help="redirects followed (default 20)")
    group.add_argument("--retries", type=_count(0), help="retries on 5xx/429 (default 2)")
    group.add_argument("--user-agent", help="User-Agent for hosts without a per-host rule")
    group.add_argument(
        "--head", action="store_true", help="use HEAD requests (GET where HEAD is refused)"
    )
    group.add_argument(
        "--trust",
        action="append",
        type=_trusted,
        default=[],
        metavar="HOST",
        help="exempt a host or network (HOST or HOST:PORT) from the address policy (repeatable)",
    )
    group.add_argument(
        "--allow-port",
        action="append",
        type=int,
        default=[],
        metavar="PORT",
        help="also connect to PORT on any host (default ports: 80, 443, 8080, 8443; repeatable)",
    )


def given_expander_options(args: argparse.Namespace, *, prefix: str = "") -> list[str]:
    """The expansion options given on the command line, as written (``--timeout``)."""
    key = prefix.replace("-", "_")
    given = [f"--{name.replace('_', '-')}" for name in _DEFAULTS if getattr(args, name) is not None]
    flags = {f"--{prefix}cache": f"{key}cache", f"--{prefix}no-cache": f"{key}no_cache"}
    flags |= {"--user-agent": "user_agent", "--head": "head", "--trust": "trust"}
    given += [option for option, name in flags.items() if getattr(args, name)]
    return given


def cache_problem(path: str | os.PathLike[str] | None) -> str | None:
    """Why the SQLite cache file cannot be used, in one line, or None when it can.

    Checked before any input is read, so that a bad ``--cache`` is reported as
    itself and not as a failure of every input.
    """
    if path is None:
        return None
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=5.0)
        try:
            connection.execute("PRAGMA schema_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return f"{path}: not a usable SQLite cache ({exc}); give another --cache or --no-cache"
    except OSError as exc:
        return f"{path}: cannot open the cache: {exc.strerror or exc}"
    return None


def expander_options(args: argparse.Namespace, *, prefix: str = "") -> dict[str, Any]:
    """Expander keyword options from parsed command-line arguments."""
    key = prefix.replace("-", "_")
    cache: Any
    if getattr(args, f"{key}no_cache"):
        cache = None
    else:
        cache = getattr(args, f"{key}cache") or default_cache_path()
    options: dict[str, Any] = {
        name: default if getattr(args, name) is None else getattr(args, name)
        for name, default in _DEFAULTS.items()
    }
    options |= {
        "cache": cache,
        "trusted_hosts": tuple(args.trust),
        "method": "HEAD" if args.head else "GET",
    }
    if args.user_agent:
        options["user_agent"] = args.user_agent
    if args.allow_port:
        options["allowed_ports"] = sorted(DEFAULT_ALLOWED_PORTS | set(args.allow_port))
    return options


# --- expand ---------------------------------------------------------------------------------


def add_expand_command(commands: Any) -> None:
    """Register ``tweetresolve expand`` on the CLI's sub-parsers."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "expand",
        help="follow short links to where they lead",
        description=(
            "Expand short and wrapped URLs. Prints one JSON line per input URL, in input "
            "order. '-' reads URLs from standard input, one per line (blank lines and "
            "lines starting with # are skipped). Results are cached, so an interrupted "
            "run resumes where it stopped."
        ),
        epilog="exit status: 0 done (failed expansions are data, with ok=false), 2 usage error",
    )
    parser.add_argument("urls", nargs="+", metavar="URL", help="a URL, or - for stdin")
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=f"progress bar on stderr (default: on a terminal, from {_PROGRESS_FROM} URLs)",
    )
    _add_expander_options(parser)
    parser.set_defaults(handler=run_expand)


class _LineReader:
    """Lines of a text stream, read by a daemon thread so the event loop never blocks.

    A pipe that stays open (``tail -f urls | tweetresolve expand -``) must not stall
    the expansions in flight while waiting for its next line.  At most ``backlog``
    lines wait unread.
    """

    def __init__(self, stream: IO[str], backlog: int = 1024) -> None:
        self._stream = stream
        self._slots = threading.Semaphore(backlog)
        self._queue: asyncio.Queue[str | None] = asyncio.Queue()
        self._loop = asyncio.get_running_loop()
        threading.Thread(target=self._run, name="tweetresolve-stdin", daemon=True).start()

    def _hand_over(self, line: str | None) -> bool:
        try:
            self._loop.call_soon_threadsafe(self._queue.put_nowait, line)
        except RuntimeError:  # the loop is gone: nobody reads any more
            return False
        return True

    def _run(self) -> None:
        try:
            for line in iter(self._stream.readline, ""):
                self._slots.acquire()
                if not self._hand_over(line):
                    return
        except (OSError, ValueError):
            pass
        self._hand_over(None)

    async def lines(self) -> AsyncIterator[str]:
        while True:
            line = await self._queue.get()
            if line is None:
                return
            self._slots.release()
            yield line


async def _read_inputs(arguments: list[str], stdin: IO[str]) -> AsyncIterator[str]:
    for argument in arguments:
        if argument != "-":
            yield argument
            continue
        async for line in _LineReader(stdin).lines():
            text = line.strip()
            if text and not text.startswith("#"):
                yield text


async def expand_in_order(
    expander: AsyncExpander, urls: AsyncIterable[str], window: int
) -> AsyncIterator[Expansion]:
    """Yield one expansion per URL in input order, as soon as each is due.

    At most ``window`` URLs are in flight or waiting for an earlier one, so memory
    stays flat on endless input, and a result is printed as soon as every earlier
    one is, even while the input waits for its next line.
    """
    pending: collections.deque[asyncio.Future[Expansion]] = collections.deque()
    slots = asyncio.Semaphore(window)
    arrived = asyncio.Event()
    finished = False

    async def produce() -> None:
        nonlocal finished
        try:
            async for url in urls:
                await slots.acquire()
                pending.append(asyncio.ensure_future(expander.expand(url)))
                arrived.set()
        finally:
            finished = True
            arrived.set()

    producer = asyncio.ensure_future(produce())
    try:
        while True:
            if pending:
                result = await pending[0]
                pending.popleft()
                slots.release()
                yield result
            elif finished:
                break
            else:
                arrived.clear()
                await arrived.wait()
        await producer  # re-raises a failure of the input side
    finally:
        producer.cancel()
        for future in pending:
            future.cancel()
        await asyncio.gather(producer, *pending, return_exceptions=True)


class _Progress:
    """``[####------]  40% 400/1000 URLs 12 failed 35.2/s`` on stderr, redrawn in place."""

    def __init__(self, total: int | None, *, enabled: bool, stream: IO[str]) -> None:
        self.total = total
        self.enabled = enabled
        self.stream = stream
        self.done = 0
        self.failed = 0
        self.cached = 0
        self._started = time.monotonic()
        self._last = 0.0
        self._shown = False

    def advance(self, expansion: Expansion) -> None:
        self.done += 1
        self.failed += not expansion.ok
        self.cached += expansion.from_cache
        now = time.monotonic()
        if not self.enabled or now - self._started < 0.5 or now - self._last < 0.1:
            return
        self._last = now
        self._draw(now)

    def line(self, now: float) -> str:
        rate = self.done / max(now - self._started, 1e-9)
        counts = f"{self.done} URLs" if self.total is None else f"{self.done}/{self.total} URLs"
        head = ""
        if self.total:
            fraction = min(self.done / self.total, 1.0)
            filled = int(fraction * 20)
            head = f"[{'#' * filled}{'-' * (20 - filled)}] {fraction:4.0%} "
        return f"{head}{counts} {self.failed} failed {self.cached} cached {rate:.1f}/s"

    def _draw(self, now: float) -> None:
        columns = shutil.get_terminal_size((80, 24)).columns
        self._write("\r" + self.line(now)[: max(columns - 1, 10)] + "\x1b[K")
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self._write("\r\x1b[2K")
            self._shown = False

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def run_expand(
    args: argparse.Namespace, *, stdin: IO[str] | None = None, out: IO[str] | None = None
) -> int:
    """Handler of ``tweetresolve expand``; returns the exit status."""
    stdin = stdin if stdin is not None else sys.stdin
    out = out if out is not None else sys.stdout
    options = expander_options(args)
    problem = cache_problem(options["cache"])
    if problem is not None:
        print(f"{PROG}: {problem}", file=sys.stderr)
        return 2
    reads_stdin = "-" in args.urls
    total = None if reads_stdin else len(args.urls)
    show = args.progress
    if show is None:
        show = _is_terminal(sys.stderr) and (total is None or total >= _PROGRESS_FROM)
    progress = _Progress(total, enabled=bool(show), stream=sys.stderr)
    clear_before_output = bool(show) and _is_terminal(out)

    async def main() -> None:
        async with AsyncExpander(**options) as expander:
            window = max(1, options["concurrency"]) * _WINDOW_PER_SLOT
            inputs = _read_inputs(args.urls, stdin)
            async for expansion in expand_in_order(expander, inputs, window):
                if clear_before_output:
                    progress.clear()
                out.write(json.dumps(expansion.to_dict(), ensure_ascii=False) + "\n")
                # Each line goes out as soon as it is known, also into a pipe:
                # what was printed before an interruption is what finished.
                out.flush()
                progress.advance(expansion)
            out.flush()

    try:
        asyncio.run(main())
    finally:
        progress.clear()
    return 0


# --- scan --resolve -------------------------------------------------------------------------


def add_resolve_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--resolve`` and the expansion options to ``tweetresolve scan``."""
    parser.add_argument(
        "--resolve",
        action="store_true",
        help="expand the posts' short links and fill what that reveals (needs network)",
    )
    parser.add_argument(
        "--expand-all",
        action="store_true",
        help="with --resolve: expand every link of every post, not only short links",
    )
    _add_expander_options(parser)


def resolving_finder(args: argparse.Namespace) -> Callable[[bytes], list[Post]]:
    """The per-document step of ``scan --resolve``: extract, expand, enrich.

    One expander (and its cache) serves the whole run and is closed at exit.
    """
    from tweetresolve.resolve import resolve  # noqa: PLC0415  (resolve imports the engine)

    options = expander_options(args)
    if options["cache"] is not None:
        Path(options["cache"]).parent.mkdir(parents=True, exist_ok=True)
    expander = Expander(**options)
    atexit.register(expander.close)
    kind: Kind = getattr(args, "kind", "auto")
    include_links = bool(getattr(args, "links", False))
    which: ExpandWhich = "all" if getattr(args, "expand_all", False) else "short"

    def find(data: bytes) -> list[Post]:
        return resolve(
            data, expander=expander, expand=which, kind=kind, include_links=include_links
        )

    return find
