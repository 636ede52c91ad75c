"""Fuzz every public pure function: no exception on content, linear time, bounded memory.

Usage::

    python benchmarks/fuzz.py [--seconds 60] [--seed 1] [--only extract,parse_post_url]
                              [--min-calls N] [--jobs 2] [--shards 1] [--out DIR]
                              [--corpus DIR]

Each target runs in a process of its own (so its peak RSS is its own), or in
``--shards`` processes each drawing inputs of its own (so a long run of one target can
use every core; their reports are summed), and is fed:

* documents built by hypothesis from embed fragments of every platform, odd tags,
  bylines and deep nesting (hypothesis shrinks a failure to a small reproducer);
* mutations of seed documents: the invented seeds below, plus the real pages and text
  cases of the shared corpus when it is there.  Mutations: byte flips, truncation,
  splices of two documents, inserted embed markers, odd charset labels and BOMs, deep
  nesting, huge and numerous attributes, repeated slices.

A finding is an exception (any: the functions promise never to raise on content) or a
call slower than 1 s per MB of input (with a 0.25 s floor, under which timing is noise);
a call still running after two minutes is saved as a hang (with where it waits).
Mutation findings are shrunk by deleting chunks while the same finding persists.  Every
finding is saved under ``--out`` (input bytes plus a JSON description).  The exit status
is 1 when anything was found (``--fail-on exceptions``: only an exception), so a short
run can gate a build.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import random
import re
import resource
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import tweetresolve as tr
from tweetresolve.dates import parse_date

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = ROOT / "benchmarks" / "fuzz-findings"

#: A call is slow when it takes longer than this per MB of input ...
SECONDS_PER_MB = 1.0
#: ... and longer than this in absolute terms (below it, timing is scheduler noise).
SLOW_FLOOR_SECONDS = 0.25
#: How often a worker prints how far it has got.
PROGRESS_SECONDS = 300.0
#: Largest input a mutation may produce, in bytes.
MAX_INPUT = 4 * 1024 * 1024

# --- the targets -------------------------------------------------------------------------


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _line(data: bytes) -> str:
    # Attribution and date parsers take one line or a short run of text.
    return _text(data[:4096])


#: name -> (call on raw bytes, whether it takes whole documents).
TARGETS: dict[str, tuple[Callable[[bytes], object], bool]] = {
    "extract": (tr.extract, True),
    "extract_str": (lambda data: tr.extract(_text(data)), True),
    "extract_links": (lambda data: tr.extract(data, include_links=True), True),
    "extract_entities": (lambda data: tr.extract_entities(_text(data)), True),
    "weighted_length": (lambda data: tr.weighted_length(_text(data)), True),
    "find_mentions": (lambda data: tr.find_mentions(_text(data)), True),
    "parse_post_url": (lambda data: tr.parse_post_url(_line(data)), False),
    "canonicalize": (lambda data: tr.canonicalize(_line(data)), False),
    "parse_attribution": (lambda data: tr.parse_attribution(_line(data)), False),
    "parse_date": (lambda data: parse_date(_line(data)), False),
    "tweet_time": (lambda data: tr.tweet_time(_line(data)[:64]), False),
}

# --- seeds and fragments (all invented) ----------------------------------------------------

_TWEET = (
    '<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">Ferry '
    'timetable changes from Monday <a href="https://t.co/AbCdEf1234">pic.twitter.com/x</a></p>'
    "&mdash; Marta Ferry (@marta_ferrywatch) "
    '<a href="https://twitter.com/marta_ferrywatch/status/1768312345678901248">March 14, 2024'
    "</a></blockquote>"
)
FRAGMENTS: tuple[str, ...] = (
    _TWEET,
    '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/'
    'CxAbCdEfGhI/"><a href="https://www.instagram.com/p/CxAbCdEfGhI/">A post shared by Ada '
    "(@ada.example)</a></blockquote>",
    '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@ada/video/7012345678901234567"'
    ' data-video-id="7012345678901234567"><a href="https://www.tiktok.com/@ada">@ada</a>',
    '<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abcdefghijklmnopqrstuvwx/'
    'app.bsky.feed.post/3lbq7mxsiek2v"><p>hi</p>&mdash; Ada (<a href="https://bsky.app/profile/'
    'did:plc:abcdefghijklmnopqrstuvwx">@ada.bsky.social</a>)</blockquote>',
    '<blockquote class="reddit-card"><a href="https://www.reddit.com/r/example/comments/abc123/'
    'a_title/">A title</a></blockquote>',
    '<iframe src="https://www.youtube.com/embed/a-B_c1D2e3F"></iframe>',
    '<iframe src="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com'
    '%2Fada%2Fposts%2F10150000000000001"></iframe>',
    '<iframe src="https://mastodon.example/@ada/113079171241665414/embed"></iframe>',
    '<div class="tweet-embed" data-tweet-id="1768312345678901248"></div>',
    '<amp-twitter data-tweetid="https://twitter.com/ada/status/1768312345678901248"></amp-twitter>',
    '<script type="text/template">&lt;blockquote class="twitter-tweet"&gt;&lt;a href="https://'
    'twitter.com/ada/status/1768312345678901248"&gt;x&lt;/a&gt;&lt;/blockquote&gt;</script>',
    '<textarea><blockquote class="twitter-tweet"><a href="https://twitter.com/ada/status/1">x</a>'
    "</blockquote></textarea>",
    '<iframe srcdoc="&lt;blockquote class=&quot;tiktok-embed&quot;&gt;"></iframe>',
    '<script type="application/json">{"embedCode": "<blockquote class=\\"twitter-tweet\\">'
    '<a href=\\"https://twitter.com/ada/status/1768312345678901248\\">x</a></blockquote>", '
    '"id_str": "1768312345678901248", "full_text": "hi", "user": {"screen_name": "ada"}}</script>',
    '<script>window.__APP_STATE__ = {"post": {"type": "tweet", "url": '
    '"https://x.com/ada/status/1768312345678901248"}};</script>',
    '<a href="https://twitter.com/ada/status/1768312345678901248">link</a>',
    "— Ada Example (@ada_example) March 30, 2022\n",
    "Ada Example\n@ada_example\nhello there\n05:38 PM - 07 Jun 2019\n",
    "<p>\u200f\u200e\u202e\u0000\ufeff\ud7ff\uffff</p>",
    "<!-- <blockquote class='twitter-tweet'> --><![CDATA[x]]><?php x ?>",
)
#: Charset labels a page may declare: web labels, Python-only codecs, junk.
CHARSETS = (
    "utf-8", "windows-1251", "shift_jis", "utf-16", "utf-7", "idna", "unicode_escape",
    "raw_unicode_escape", "rot13", "utf-8\x00", "x-user-defined", "bogus-charset", "",
)  # fmt: skip
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_SEED_TEXTS = (
    "Hello there https://t.co/AbCdEf1234\n— Ada Example (@ada_example) March 30, 2022",
    "https://x.com/ada_example/status/1508951925456744449?s=20",
    "https://www.instagram.com/p/CxAbCdEfGhI/?utm_source=ig_embed",
    "https://bsky.app/profile/ada.bsky.social/post/3lbq7mxsiek2v",
    "https://t.co/AbCdEf1234",
    "30. März 2022",
    "1508951925456744449",
    "@ada #tag $CASH https://example.com/path?q=1 ftp://x",
    "Ada wrote in a tweet that the ferry was late.",
)
_HREF = re.compile(rb"""href=["']([^"'\s<>]{8,512})["']""")


def load_seeds(corpus: Path | None, rng: random.Random) -> tuple[list[bytes], list[bytes]]:
    """(documents, short strings): invented seeds plus the corpus when present."""
    documents = [f.encode() for f in FRAGMENTS] + [
        (
            "<html><body><p>Story.</p>" + "".join(rng.sample(FRAGMENTS, 4)) + "</body></html>"
        ).encode()
        for _ in range(8)
    ]
    lines = [t.encode() for t in _SEED_TEXTS]
    if corpus is not None:
        for folder in (corpus / "pages", corpus / "wild" / "pages", corpus / "wild"):
            for path in sorted(folder.glob("*.htm*")) if folder.is_dir() else ():
                data = path.read_bytes()
                if path.suffix == ".gz":
                    data = gzip.decompress(data)
                documents.append(data)
                lines.extend(m.group(1) for m in _HREF.finditer(data[:200_000]))
        cases = corpus / "text_cases.jsonl"
        if cases.is_file():
            for raw in cases.read_text(encoding="utf-8").splitlines():
                if raw.strip():
                    text = json.loads(raw).get("text", "")
                    documents.append(text.encode())
                    lines.extend(line.encode() for line in text.splitlines() if line.strip())
    return documents, lines


# --- mutations -----------------------------------------------------------------------------


def _flip(data: bytes, rng: random.Random, _: list[bytes]) -> bytes:
    if not data:
        return data
    buf = bytearray(data)
    for _i in range(rng.randint(1, 16)):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def _truncate(data: bytes, rng: random.Random, _: list[bytes]) -> bytes:
    return data[: rng.randint(0, len(data))]


def _splice(data: bytes, rng: random.Random, pool: list[bytes]) -> bytes:
    other = rng.choice(pool)
    return data[: rng.randint(0, len(data))] + other[rng.randint(0, len(other)) :]


def _insert_marker(data: bytes, rng: random.Random, _: list[bytes]) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + rng.choice(FRAGMENTS).encode() + data[at:]


def _odd_charset(data: bytes, rng: random.Random, _: list[bytes]) -> bytes:
    if rng.random() < 0.4:
        return rng.choice(BOMS) + data
    label = rng.choice(CHARSETS).encode("utf-8", "surrogateescape")
    return b'<meta charset="' + label + b'">' + data


def _deep_nesting(data: bytes, rng: random.Random, _: list[bytes]) -> bytes:
    unit = rng.choice((b"<div>", b"<blockquote>", b"<p><a>", rng.choice(FRAGMENTS).encode()))
    at = rng.randint(0, len(data))
    return data[:at] + unit * rng.randint(10, 3000) + data[at:]


def _huge_attributes(data: bytes, rng: random.Random, _: list[bytes]) -> bytes:
    if rng.random() < 0.5:
        attrs = b" ".join(b"a%d=x" % i for i in range(rng.randint(100, 20_000)))
    else:
        attrs = b'data-x="' + b"y" * rng.randint(10_000, 1_000_000) + b'"'
    tag = b'<blockquote class="twitter-tweet" ' + attrs + b">"
    at = rng.randint(0, len(data))
    return data[:at] + tag + data[at:]


def _repeat_slice(data: bytes, rng: random.Random, _: list[bytes]) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    piece = data[start : start + rng.randint(1, 256)]
    at = rng.randint(0, len(data))
    return data[:at] + piece * rng.randint(2, 2000) + data[at:]


MUTATIONS = (
    _flip,
    _truncate,
    _splice,
    _insert_marker,
    _odd_charset,
    _deep_nesting,
    _huge_attributes,
    _repeat_slice,
)


def mutate(data: bytes, rng: random.Random, pool: list[bytes]) -> bytes:
    """One to three stacked mutations, capped at ``MAX_INPUT`` bytes."""
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(MUTATIONS)(data, rng, pool)[:MAX_INPUT]
    return data


# --- one target's run ----------------------------------------------------------------------


@dataclass
class Finding:
    """An exception or a slow call, with the (shrunk) input that shows it."""

    target: str
    kind: str  # "exception", "slow" or "hang"
    detail: str
    size: int
    seconds: float
    saved: str = ""


@dataclass
class TargetReport:
    """What one target's process did."""

    target: str
    calls: int = 0
    megabytes: float = 0.0
    worst_s_per_mb: float = 0.0
    worst_s_per_mb_bytes: int = 0
    worst_seconds: float = 0.0
    worst_seconds_bytes: int = 0
    exceptions: int = 0
    peak_rss_mb: float = 0.0
    findings: list[Finding] = field(default_factory=list)


def _is_slow(seconds: float, size: int) -> bool:
    return seconds > max(SLOW_FLOOR_SECONDS, SECONDS_PER_MB * size / 1e6)


#: A call running this long is saved as a hang (its input and where it waits); the run
#: itself cannot end it (a call stuck in C holds the worker), so it may need stopping.
HANG_SECONDS = 120.0


class _Watchdog:
    """Saves the input of a call that has run past :data:`HANG_SECONDS` (a thread: a call
    stuck in C with the GIL released, such as a lock that is never released, lets it run)."""

    def __init__(self, target: str, out: Path) -> None:
        self.target, self.out = target, out
        self.current: tuple[bytes, float] | None = None
        self.saved = 0
        self._main = threading.main_thread().ident
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        reported: bytes | None = None
        while True:
            time.sleep(5)
            current = self.current
            if current is None or current[0] is reported:
                continue
            data, started = current
            if time.monotonic() - started < HANG_SECONDS:
                continue
            reported = data
            frame = sys._current_frames().get(self._main or 0)
            where = "".join(traceback.format_stack(frame)) if frame is not None else ""
            seconds = round(time.monotonic() - started, 1)
            finding = Finding(
                self.target, "hang", f"running {seconds} s at\n{where}", len(data), seconds
            )
            _save(self.out, finding, data, self.saved)
            self.saved += 1
            print(f"  hang: {self.target} running {seconds} s -> {finding.saved}", flush=True)


_WATCHDOG: _Watchdog | None = None


def _probe(call: Callable[[bytes], object], data: bytes) -> tuple[str | None, float]:
    """(exception type and message or None, seconds) for one call."""
    if _WATCHDOG is not None:
        _WATCHDOG.current = (data, time.monotonic())
    started = time.perf_counter()
    try:
        call(data)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"[:300], time.perf_counter() - started
    return None, time.perf_counter() - started


def shrink(call: Callable[[bytes], object], data: bytes, kind: str, budget: float = 10.0) -> bytes:
    """Delete chunks while the same kind of finding persists (a small delta debugger)."""
    deadline = time.monotonic() + budget

    def still_fails(candidate: bytes) -> bool:
        error, seconds = _probe(call, candidate)
        if kind == "exception":
            return error is not None
        return _is_slow(seconds, len(candidate))

    chunk = max(len(data) // 2, 1)
    while chunk >= 1 and time.monotonic() < deadline:
        start, progressed = 0, False
        while start < len(data) and time.monotonic() < deadline:
            candidate = data[:start] + data[start + chunk :]
            if candidate != data and still_fails(candidate):
                data, progressed = candidate, True
            else:
                start += chunk
        if not progressed:
            chunk //= 2
    return data


def _save(out: Path, finding: Finding, data: bytes, number: int) -> Finding:
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"{finding.target}-{finding.kind}-{number}"
    stem.with_suffix(".bin").write_bytes(data)
    finding.saved = str(stem.with_suffix(".bin"))
    stem.with_suffix(".json").write_text(json.dumps(asdict(finding), indent=1), encoding="utf-8")
    return finding


def _record(
    report: TargetReport, data: bytes, error: str | None, seconds: float, out: Path
) -> None:
    size = max(len(data), 1)
    report.calls += 1
    report.megabytes += size / 1e6
    report.exceptions += error is not None
    if seconds > report.worst_seconds:
        report.worst_seconds, report.worst_seconds_bytes = seconds, size
    # per-MB figures mean something only for sizeable inputs
    if size >= 64 * 1024 and seconds / (size / 1e6) > report.worst_s_per_mb:
        report.worst_s_per_mb, report.worst_s_per_mb_bytes = seconds / (size / 1e6), size
    kind = "exception" if error else ("slow" if _is_slow(seconds, size) else None)
    if kind is None or len(report.findings) >= 20:
        return
    call = TARGETS[report.target][0]
    small = shrink(call, data, kind)
    detail = error or f"{seconds:.2f} s for {size} bytes"
    finding = Finding(report.target, kind, detail, len(data), round(seconds, 3))
    report.findings.append(_save(out, finding, small, len(report.findings)))


def structured_phase(report: TargetReport, examples: int, seed: int, out: Path) -> None:
    """Documents hypothesis builds from fragments, tags and bylines; it shrinks a failure."""
    # Imported here: hypothesis is a test dependency that only this phase needs.
    from hypothesis import HealthCheck, Verbosity, given, settings
    from hypothesis import seed as fixed_seed
    from hypothesis import strategies as st

    piece = st.one_of(
        st.sampled_from(FRAGMENTS),
        st.sampled_from(("<div>", "</div>", "<p>", "<blockquote>", "</blockquote>", "<a href=")),
        st.text(max_size=40),
        st.builds(lambda f, n: f * n, st.sampled_from(FRAGMENTS[:6]), st.integers(1, 60)),
    )
    call = TARGETS[report.target][0]
    last_failure: list[tuple[bytes, str, float]] = []

    @fixed_seed(seed)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        verbosity=Verbosity.quiet,
    )
    @given(st.lists(piece, max_size=30).map("".join))
    def check(document: str) -> None:
        data = document.encode("utf-8", "surrogatepass")
        error, spent = _probe(call, data)
        if error:
            # hypothesis shrinks exceptions itself; slow calls go to the bounded shrinker
            last_failure.append((data, error, spent))
            raise AssertionError(error)
        _record(report, data, None, spent, out)

    try:
        check()
    except Exception:  # hypothesis re-raises (or groups) what the target raised
        if not last_failure:
            raise
        # hypothesis re-ran the shrunk example last: that is the reproducer to keep
        data, error, spent = last_failure[-1]
        report.calls += 1
        report.exceptions += 1
        finding = Finding(report.target, "exception", error, len(data), round(spent, 3))
        report.findings.append(_save(out, finding, data, len(report.findings)))


@dataclass(frozen=True)
class Job:
    """One target's share of the run."""

    target: str
    seconds: float
    min_calls: int
    structured_examples: int
    seed: int
    corpus: str | None
    out: str
    shard: int = 0


def run_target(job: Job) -> dict[str, Any]:
    """Fuzz one target (one shard of it) until both its time and its call budget are spent."""
    target, seconds, min_calls, seed = job.target, job.seconds, job.min_calls, job.seed
    structured_examples, corpus, out = job.structured_examples, job.corpus, job.out
    # Shard 0 draws what an unsharded run draws; the others, inputs of their own.
    rng = random.Random(f"{seed}:{target}" + (f":{job.shard}" if job.shard else ""))
    documents, lines = load_seeds(Path(corpus) if corpus else None, rng)
    takes_documents = TARGETS[target][1]
    pool = documents if takes_documents else lines
    call = TARGETS[target][0]
    report = TargetReport(target)
    out_dir = Path(out) / f"shard-{job.shard}" if job.shard else Path(out)
    started = time.monotonic()
    global _WATCHDOG  # noqa: PLW0603  (one per worker process, read by _probe)
    _WATCHDOG = _Watchdog(target, out_dir)
    for warm_up in pool[:20]:  # first calls build grammars and tables: not the input's cost
        _probe(call, warm_up)
    deadline = time.monotonic() + seconds
    if structured_examples:
        structured_phase(report, structured_examples, seed, out_dir)
    next_progress = time.monotonic() + PROGRESS_SECONDS
    while time.monotonic() < deadline or report.calls < min_calls:
        if time.monotonic() >= next_progress:  # a long run says how far it has got
            next_progress += PROGRESS_SECONDS
            print(
                f"  [{target}{f' shard {job.shard}' if job.shard else ''}] {report.calls} calls,"
                f" {report.megabytes:.0f} MB, {report.exceptions} exceptions,"
                f" {len(report.findings)} findings, {time.monotonic() - started:.0f} s",
                flush=True,
            )
        data = mutate(rng.choice(pool), rng, pool)
        if not takes_documents and rng.random() < 0.9:
            data = data[:4096]
        error, spent = _probe(call, data)
        _record(report, data, error, spent, out_dir)
    report.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {**asdict(report), "elapsed": time.monotonic() - started}


def _merged(shards: list[dict[str, Any]]) -> dict[str, Any]:
    """One report of a target from its shards' (run side by side: elapsed is the longest)."""
    merged = dict(shards[0])
    for other in shards[1:]:
        for key in ("calls", "megabytes", "exceptions"):
            merged[key] += other[key]
        for worst, at in (
            ("worst_s_per_mb", "worst_s_per_mb_bytes"),
            ("worst_seconds", "worst_seconds_bytes"),
        ):
            if other[worst] > merged[worst]:
                merged[worst], merged[at] = other[worst], other[at]
        merged["peak_rss_mb"] = max(merged["peak_rss_mb"], other["peak_rss_mb"])
        merged["elapsed"] = max(merged["elapsed"], other["elapsed"])
        merged["findings"] = merged["findings"] + other["findings"]
    return merged


def _format(report: dict[str, Any]) -> str:
    return (
        f"{report['target']:<18} {report['calls']:>9} {report['megabytes']:>9.1f} "
        f"{report['exceptions']:>6} "
        f"{report['worst_s_per_mb']:>9.3f} {report['worst_s_per_mb_bytes']:>9} "
        f"{report['worst_seconds']:>8.3f} {report['worst_seconds_bytes']:>9} "
        f"{report['peak_rss_mb']:>8.0f} {len(report['findings']):>8} "
        f"{report['elapsed']:>8.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="total time budget")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="", help="comma-separated targets (default: all)")
    parser.add_argument("--min-calls", type=int, default=0, help="per target, however long")
    parser.add_argument("--jobs", type=int, default=2, help="processes run at once")
    parser.add_argument(
        "--shards",
        type=int,
        default=1,
        help="processes per target, each with inputs of its own (calls and time per shard)",
    )
    parser.add_argument(
        "--structured", type=int, default=300, help="hypothesis-built documents per target"
    )
    parser.add_argument(
        "--fail-on",
        choices=("any", "exceptions"),
        default="any",
        help="what makes the exit status 1 (timing on a shared machine is noisy)",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    targets = [t for t in args.only.split(",") if t] or list(TARGETS)
    unknown = sorted(set(targets) - set(TARGETS))
    if unknown:
        parser.error(f"unknown targets {unknown}; known: {', '.join(TARGETS)}")
    corpus = str(args.corpus) if (args.corpus / "labels.jsonl").is_file() else None
    # Whole-document targets get twice the time of one-line ones.
    weights = {t: 2.0 if TARGETS[t][1] else 1.0 for t in targets}
    # Every process (a target's shard) gets its share of the time the jobs give.
    per_unit = args.seconds * args.jobs / (sum(weights.values()) * args.shards)
    jobs = [
        Job(
            t,
            per_unit * weights[t],
            -(-args.min_calls // args.shards),
            args.structured if shard == 0 else 0,
            args.seed,
            corpus,
            str(args.out),
            shard,
        )
        for t in targets
        for shard in range(args.shards)
    ]
    print(f"fuzzing {len(targets)} targets, seed {args.seed}, corpus: {corpus or 'none'}")
    print(f"{'target':<18} {'calls':>9} {'MB':>9} {'errors':>6} {'s/MB max':>9} {'at bytes':>9} "
          f"{'max s':>8} {'at bytes':>9} {'RSS MB':>8} {'findings':>8} {'seconds':>8}")  # fmt: skip
    found = exceptions = 0
    context = multiprocessing.get_context("spawn")
    with context.Pool(args.jobs, maxtasksperchild=1) as pool:
        shards: list[dict[str, Any]] = []
        for shard_report in pool.imap(run_target, jobs):
            shards.append(shard_report)
            if len(shards) < args.shards:
                continue
            report, shards = _merged(shards), []
            print(_format(report), flush=True)
            for finding in report["findings"]:
                found += 1
                exceptions += finding["kind"] == "exception"
                print(f"  {finding['kind']}: {finding['detail']} -> {finding['saved']}")
    print(f"{found} findings" + (f" saved under {args.out}" if found else ""))
    return 1 if (exceptions if args.fail_on == "exceptions" else found) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        traceback.print_exc()
        sys.exit(130)
