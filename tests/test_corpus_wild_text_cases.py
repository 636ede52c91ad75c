"""Score the text path on text cases made from the wild pages by the four converters.

The cases are made at run time by ``tools/make_wild_text_cases.py`` (they hold
third-party text, so none is kept in the repository) and scored by
``benchmarks/score_text_cases.py``.  Skipped when the wild corpus is not beside the
project or the converters of the ``corpus`` extra are not installed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytestmark = pytest.mark.corpus

ROOT = Path(__file__).resolve().parents[1]
WILD = ROOT / ".." / "shared" / "corpus" / "wild"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report() -> Any:
    """The scores of every case made from the wild pages."""
    if not (WILD / "labels.jsonl").is_file():
        pytest.skip("the wild corpus is not available")
    for converter in ("trafilatura", "html2text", "bs4"):
        pytest.importorskip(converter)
    maker = _load("make_wild_text_cases", ROOT / "tools" / "make_wild_text_cases.py")
    scorer = _load("score_text_cases", ROOT / "benchmarks" / "score_text_cases.py")
    cases = maker.make_cases(WILD)
    assert len(cases) >= 50
    return scorer.score(cases)


@pytest.mark.parametrize("platform", ["twitter", "instagram"])
def test_f1_and_precision(report: Any, platform: str) -> None:
    """Posts are found with F1 of at least 0.97 and precision of at least 0.99."""
    counts = report.groups["overall"][platform]
    assert counts.f1 >= 0.97
    assert counts.precision >= 0.99


@pytest.mark.parametrize("name", ["handle", "name", "date", "text_start", "id"])
def test_fields(report: Any, name: str) -> None:
    """Matched posts carry the labelled fields; the text starts right for 95 % or more."""
    score = report.fields[name]
    assert score.total > 0
    assert score.right / score.total >= 0.95
