"""Score the text path on the labelled converter outputs in ``../shared/corpus/text_cases.jsonl``.

Skipped when the corpus is not beside the project.  The scoring itself lives in
``benchmarks/score_text_cases.py`` so that the numbers asserted here are the ones
the benchmark prints.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from shared_data import SHARED

from tweetresolve import extract

pytestmark = pytest.mark.corpus

ROOT = Path(__file__).resolve().parents[1]
CASES = SHARED / "corpus" / "text_cases.jsonl"
SCORER = ROOT / "benchmarks" / "score_text_cases.py"


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    """The benchmark module, loaded from its file."""
    if not CASES.is_file():
        pytest.skip("text_cases.jsonl not available")
    spec = importlib.util.spec_from_file_location("score_text_cases", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report(scorer: ModuleType) -> object:
    """The scores of every case."""
    return scorer.score(scorer.load_cases(CASES))


def test_twitter_with_byline_f1(report: object) -> None:
    """Twitter posts whose byline survived are found with F1 of at least 0.95."""
    counts = report.groups["has_byline"]["twitter"]  # type: ignore[attr-defined]
    assert counts.f1 >= 0.95


def test_no_false_positives_on_negatives(report: object) -> None:
    """Prose whose link the converter dropped gives no post."""
    negatives = report.groups["negatives"]  # type: ignore[attr-defined]
    assert all(counts.fp == 0 for counts in negatives.values())


def test_twitter_precision_overall(report: object) -> None:
    """Every Twitter post the text path returns is a labelled one."""
    assert report.groups["overall"]["twitter"].precision >= 0.95  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["handle", "name", "date", "text_start", "id"])
def test_fields_of_posts_with_byline(report: object, name: str) -> None:
    """Matched posts with a byline carry the labelled handle, name, date, text start and id."""
    assert report.byline_fields[name].total > 0  # type: ignore[attr-defined]
    score = report.byline_fields[name]  # type: ignore[attr-defined]
    assert score.right / score.total >= 0.95


# An invented article paragraph and introduction, put above each real post.
_ARTICLE = (
    "The council met on Tuesday to discuss the new cycle lanes, and after a long debate the "
    "members agreed to fund a trial on three streets near the station."
)


@pytest.mark.parametrize(
    "prefix",
    [
        f"{_ARTICLE}\n",  # trafilatura: paragraphs one per line
        f"{_ARTICLE}\n\n",  # BeautifulSoup and Markdown: blank lines between blocks
        f"{_ARTICLE}\nShe reacted within minutes.\n",  # a short introduction
        f"{_ARTICLE}\nShe wrote on the network:\n",  # an introduction with a colon
    ],
)
def test_article_above_is_not_swallowed(scorer: ModuleType, prefix: str) -> None:
    """With article text above each real post, the post text still starts where it did."""
    kept = total = 0
    for case in scorer.load_cases(CASES):
        if not case.get("has_byline") or case["posts"][0]["platform"] != "twitter":
            continue
        label = case["posts"][0]
        posts = [p for p in extract(prefix + case["text"], kind="text") if p.platform == "twitter"]
        assert len(posts) == 1
        text = " ".join((posts[0].text or "").split())
        assert "The council met" not in text
        total += 1
        kept += text.startswith(label["text_start"])
    assert kept / total >= 0.95
