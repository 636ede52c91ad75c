"""The worker pool and the resume state of scans (``tweetresolve.parallel``, ``scanstate``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastwarc", reason="the warc extra (FastWARC) is not installed")

from warc_fixtures import PAGES, Response, tweet_page, write_archive

import tweetresolve as tr
from tweetresolve.parallel import Job, Task, plan_tasks, read_file, render_jsonl, run_tasks
from tweetresolve.scanstate import ScanState, state_path

JOB = Job(read=read_file, render=render_jsonl)


def big_archive(path: Path, pages: int) -> Path:
    """An archive of ``pages`` invented tweet pages, each with its own id."""
    responses = [
        Response(
            f"https://news.example/{n}",
            tweet_page(str(1768312345678901248 + n), f"user_{n}", f"Post number {n}").encode(),
        )
        for n in range(pages)
    ]
    return write_archive(path, responses)


def post_ids(results: list[str]) -> list[str]:
    """The post ids in rendered JSON Lines output, in order."""
    return [json.loads(line)["post_id"] for text in results for line in text.splitlines()]


def test_archives_are_cut_into_slices_that_read_each_record_once(tmp_path: Path) -> None:
    """Small slices of one archive, run in order, give every post of the file once, in order."""
    path = big_archive(tmp_path / "big.warc.gz", 40)
    tasks = plan_tasks([str(path)], slice_bytes=2000)
    assert len(tasks) > 5
    assert all(task.archive for task in tasks)
    assert [t.start for t in tasks] == list(range(0, path.stat().st_size, 2000))
    whole = [p.post_id for p in tr.extract_archive(path)]
    sliced = post_ids([result.text for result in run_tasks(tasks, JOB, jobs=1)])
    assert sliced == whole
    assert len(whole) == 40


@pytest.mark.parametrize("ordered", [True, False])
def test_two_workers_find_the_same_posts(tmp_path: Path, ordered: bool) -> None:
    """Two worker processes find what one finds: in the same order, or the same set unordered."""
    archive = big_archive(tmp_path / "big.warc.gz", 30)
    page = tmp_path / "page.html"
    page.write_text(PAGES["https://news.example/a"], encoding="utf-8")
    paths = [str(archive), str(page), str(tmp_path / "missing.html")]
    tasks = plan_tasks(paths, slice_bytes=3000)
    one = list(run_tasks(tasks, JOB, jobs=1))
    two = list(run_tasks(tasks, JOB, jobs=2, ordered=ordered))
    if ordered:
        assert [r.task.index for r in two] == [t.index for t in tasks]
        assert post_ids([r.text for r in two]) == post_ids([r.text for r in one])
    else:
        assert sorted(r.task.index for r in two) == [t.index for t in tasks]
        assert sorted(post_ids([r.text for r in two])) == sorted(post_ids([r.text for r in one]))
    errors = [e for r in two for e in r.errors]
    assert len(errors) == 1
    assert "missing.html" in errors[0]
    assert sum(r.posts for r in two) == 31
    assert sum(r.records for r in two) == 31


def test_a_file_named_like_anything_is_an_archive_by_its_content(tmp_path: Path) -> None:
    """A WARC without a WARC name is still read as one; a page is not."""
    archive = write_archive(tmp_path / "download.bin")
    page = tmp_path / "page.gz"
    page.write_bytes(b"\x1f\x8b not an archive")
    tasks = plan_tasks([str(archive), str(page)])
    assert [t.archive for t in tasks] == [True, False]


def test_counts_for_the_summary(tmp_path: Path) -> None:
    """Results count records, pages with posts, posts by platform and damage."""
    path = write_archive(tmp_path / "crawl.warc.gz")
    with path.open("ab") as stream:
        stream.write(b"\x1f\x8b\x08\x00 cut")
    [result] = run_tasks([Task(0, str(path), archive=True)], JOB, jobs=1)
    assert (result.records, result.pages_with_posts, result.posts) == (4, 3, 3)
    assert result.by_platform == {"twitter": 2, "youtube": 1}
    assert len(result.errors) == 1
    assert "crawl.warc.gz: offset" in result.errors[0]


def test_state_resumes_only_with_the_same_settings(tmp_path: Path) -> None:
    """A state from a run with other settings is not resumed: the run starts afresh."""
    out = tmp_path / "posts.jsonl"
    state = ScanState.open(out, {"format": "jsonl"})
    stream = state.output()
    stream.write(b"line\n")
    state.commit(stream, "task-1")
    stream.close()
    state.close()
    other = ScanState.open(out, {"format": "csv"})
    assert not other.resumed
    other.output().close()
    assert out.read_bytes() == b""
    other.finish()
    assert not state_path(out).exists()
