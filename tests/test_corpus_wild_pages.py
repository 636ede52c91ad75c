"""Detection scored on the second real-page corpus, ``../shared/corpus/wild`` (skipped when absent).

These pages come from other projects than the first corpus and show posts the sites'
own way: cards, placeholders, page data.  The targets are per platform, per form and
per field, and no labelled decoy may be returned.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from shared_data import SHARED

ROOT = Path(__file__).resolve().parents[1]
WILD = SHARED / "corpus" / "wild"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (WILD / "labels.jsonl").is_file(), reason="the wild corpus is not present"
    ),
]

#: Every platform with an embedded (not only linked) post in the wild corpus.
EMBEDDED_PLATFORMS = (
    "facebook",
    "instagram",
    "linkedin",
    "tiktok",
    "truthsocial",
    "twitter",
    "youtube",
)
MIN_PLATFORM_F1 = 0.95
MIN_PRECISION = 0.99
#: The whole corpus, with bare links counted (every labelled post expected).
MIN_OVERALL_F1 = 0.98
#: Field accuracy of the posts found, per platform, without links.
MIN_FIELD_ACCURACY = 0.95
#: The forms the placeholder and page-data families read, and the official forms.
FAMILY_FORMS = ("placeholder", "script", "official")


def _load_scorer() -> ModuleType:
    path = ROOT / "benchmarks" / "score_corpus.py"
    spec = importlib.util.spec_from_file_location("score_corpus", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("score_corpus", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reports() -> dict[bool, Any]:
    scorer = _load_scorer()
    return {links: (scorer, scorer.score(WILD, include_links=links)) for links in (False, True)}


@pytest.mark.parametrize("platform", EMBEDDED_PLATFORMS)
def test_platform_targets(reports: dict[bool, Any], platform: str) -> None:
    """Every platform with a real embed reaches the F1, precision and field targets."""
    scorer, report = reports[False]
    score = report.scores[platform]
    errors = scorer.format_report(report, verbose=True)
    assert score.f1 >= MIN_PLATFORM_F1, errors
    assert score.precision >= MIN_PRECISION, errors
    for name in scorer.FIELDS:
        accuracy = score.accuracy(name)
        assert accuracy is None or accuracy >= MIN_FIELD_ACCURACY, (name, errors)


@pytest.mark.parametrize("form", FAMILY_FORMS)
def test_family_forms_are_found_with_their_form(reports: dict[bool, Any], form: str) -> None:
    """Placeholders, page-data posts and official embeds: all found, none invented."""
    scorer, report = reports[False]
    score = report.forms[form]
    errors = scorer.format_report(report, verbose=True)
    assert (score.fn, score.fp) == (0, 0), errors
    assert score.agree.accuracy == 1.0, errors


def test_overall_with_links_and_no_decoy(reports: dict[bool, Any]) -> None:
    """With bare links counted the corpus reaches the overall target; no decoy is taken."""
    scorer, report = reports[True]
    scores = report.scores.values()
    tp = sum(s.tp for s in scores)
    fp = sum(s.fp for s in scores)
    fn = sum(s.fn for s in scores)
    errors = scorer.format_report(report, verbose=True)
    assert 2 * tp / (2 * tp + fp + fn) >= MIN_OVERALL_F1, errors
    for links in (False, True):
        assert not [fp for fp in reports[links][1].false_positives if fp.decoy], errors
