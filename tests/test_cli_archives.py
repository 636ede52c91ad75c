"""``tweetresolve scan`` on web archives, with worker processes, output files and resuming."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastwarc", reason="the warc extra (FastWARC) is not installed")

from warc_fixtures import Response, default_responses, tweet_page, write_archive

import tweetresolve as tr
from tweetresolve import batch, cli, parallel
from tweetresolve.scanstate import ScanState, state_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in-process; return (status, stdout, stderr)."""
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def crawl(folder: Path, files: int = 2, pages: int = 12) -> list[Path]:
    """``files`` gzipped WARCs of ``pages`` invented tweet pages each, all ids distinct."""
    paths = []
    for f in range(files):
        responses = [
            Response(
                f"https://site{f}.example/{n}",
                tweet_page(
                    str(1768312345678901248 + 100 * f + n), f"user_{n}", f"Post {f}/{n}"
                ).encode(),
            )
            for n in range(pages)
        ]
        paths.append(write_archive(folder / f"crawl-{f}.warc.gz", responses))
    return paths


@pytest.fixture(autouse=True)
def fixed_scan_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run stamps the same ``scanned_at``, so that runs compare line for line."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut archives into slices of 1,500 bytes and use workers whatever the input size."""
    monkeypatch.setattr(parallel, "SLICE_BYTES", 1500)
    monkeypatch.setattr(batch, "PARALLEL_MIN_BYTES", 0)


def test_scan_reads_archives_like_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each post of an archive is a line with the archive as source and the record as origin."""
    path = write_archive(tmp_path / "crawl.warc.gz", default_responses())
    status, out, err = run(capsys, "scan", "--jobs", "1", str(path))
    assert (status, err) == (0, "")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row.pop("source") for row in rows] == [str(path)] * 3
    assert [tr.Post.from_dict(row) for row in rows] == list(tr.extract_archive(path))
    assert rows[0]["origin"]["uri"] == "https://news.example/a"


@pytest.mark.parametrize("extra", [[], ["--unordered"]])
def test_two_workers_write_what_one_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_slices: None, extra: list[str]
) -> None:
    """--jobs 2 gives the output of --jobs 1: line for line, or the same lines unordered."""
    paths = [str(p) for p in crawl(tmp_path)]
    _, one, _ = run(capsys, "scan", "--jobs", "1", *paths)
    status, two, err = run(capsys, "scan", "--jobs", "2", *extra, *paths)
    assert (status, err) == (0, "")
    assert len(one.splitlines()) == 24
    if extra:
        assert sorted(two.splitlines()) == sorted(one.splitlines())
    else:
        assert two == one


def interrupting_commit(after: int) -> Any:
    """A stand-in for ``ScanState.commit``: records ``after`` tasks, then a Ctrl-C."""
    real = ScanState.commit
    left = [after]

    def commit(state: ScanState, stream: Any, key: str) -> None:
        if key and left[0] == 0:
            raise KeyboardInterrupt
        real(state, stream, key)
        left[0] -= bool(key)

    return commit


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_interrupted_run_resumes_without_redoing_or_losing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    small_slices: None,
    fmt: str,
) -> None:
    """After a Ctrl-C, the same command finishes the run: the output equals an uninterrupted one."""
    paths = [str(p) for p in crawl(tmp_path)]
    whole = tmp_path / f"whole.{fmt}"
    assert run(capsys, "scan", "--format", fmt, "-o", str(whole), *paths)[0] == 0
    out = tmp_path / f"out.{fmt}"
    argv = ["scan", "--format", fmt, "--jobs", "2", "-o", str(out), *paths]
    with monkeypatch.context() as patch:
        patch.setattr(ScanState, "commit", interrupting_commit(3))
        status, _, err = run(capsys, *argv)
    assert status == cli.EXIT_INTERRUPTED
    assert state_path(out).exists()
    done = out.read_bytes()
    assert 0 < len(done) < len(whole.read_bytes())
    # A task written but not recorded, and half a line, as a kill would leave them.
    out.write_bytes(done + b'{"source": "half a li')
    resumed = []
    real_run_task = parallel.run_task

    def counting(task: parallel.Task, job: parallel.Job) -> parallel.TaskResult:
        resumed.append(task.key)
        return real_run_task(task, job)

    monkeypatch.setattr(parallel, "run_task", counting)
    status, _, err = run(capsys, "scan", "--format", fmt, "--jobs", "1", "-o", str(out), *paths)
    assert status == 0
    assert "resuming an interrupted run" in err
    assert out.read_bytes() == whole.read_bytes()
    assert not state_path(out).exists()
    tasks = parallel.plan_tasks(paths)
    assert 0 < len(resumed) <= len(tasks) - 3


def test_summary_line_and_damage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The summary counts files, records, pages with posts, posts by platform and errors."""
    path = write_archive(tmp_path / "crawl.warc.gz")
    with path.open("ab") as stream:
        stream.write(b"\x1f\x8b\x08\x00 cut short")
    page = tmp_path / "page.html"
    page.write_text(tweet_page("1768312345678901299", "loose_file", "Hello"), encoding="utf-8")
    status, _, err = run(capsys, "scan", "-o", str(tmp_path / "o.jsonl"), str(path), str(page))
    assert status == cli.EXIT_FILE_ERRORS
    lines = err.splitlines()
    assert f"tweetresolve: {path}: offset" in lines[0]
    assert lines[1].startswith(
        "tweetresolve: 2 files, 5 records, 4 pages with posts, "
        "4 posts (twitter 3, youtube 1), 1 error, "
    )
    assert lines[2] == "tweetresolve: 1 damaged archive record skipped"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--jobs", "0"], "must be 1 or more"),  # no workers
        (["--jobs", "many"], "not a whole number"),  # not a number
    ],
)
def test_bad_jobs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A bad --jobs is a usage error, exit 2, one line naming it."""
    status, _, err = run(capsys, "scan", *argv, str(tmp_path))
    assert status == cli.EXIT_USAGE
    assert message in err


def test_resolve_refuses_archives(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """scan --resolve does not read archives: a usage error, not a wrong answer."""
    path = write_archive(tmp_path / "crawl.warc.gz")
    status, out, err = run(capsys, "scan", "--resolve", str(path))
    assert (status, out) == (cli.EXIT_USAGE, "")
    assert "does not read web archives" in err
