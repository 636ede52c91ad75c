"""Detection scored on the real labelled pages of ``../shared/corpus`` (skipped when absent)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from shared_data import SHARED

import tweetresolve
from tweetresolve import Post

ROOT = Path(__file__).resolve().parents[1]
CORPUS = SHARED / "corpus"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (CORPUS / "labels.jsonl").is_file(), reason="the shared corpus is not present"
    ),
]

#: Targets on the corpus pages, for every platform it holds.
MIN_F1 = 0.98
MIN_FIELD_ACCURACY = 0.97
#: The platforms with labelled posts in the corpus; Mastodon and Reddit only as links.
EMBEDDED_PLATFORMS = ("facebook", "instagram", "twitter", "youtube")
LINKED_PLATFORMS = ("mastodon", "reddit")


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
def scorer() -> ModuleType:
    return _load_scorer()


@pytest.mark.parametrize(
    ("platform", "include_links"),
    [
        *((p, False) for p in EMBEDDED_PLATFORMS),
        *((p, True) for p in EMBEDDED_PLATFORMS + LINKED_PLATFORMS),
    ],
)
def test_platform_targets(scorer: Any, platform: str, include_links: bool) -> None:
    """F1 and every per-field accuracy reach the targets, and no decoy is taken."""
    report = scorer.score(CORPUS, include_links=include_links, platforms=[platform])
    score = report.scores[platform]
    errors = scorer.format_report(report, verbose=True)
    assert score.f1 >= MIN_F1, errors
    for name in scorer.FIELDS:
        accuracy = score.accuracy(name)
        assert accuracy is None or accuracy >= MIN_FIELD_ACCURACY, (name, errors)
    assert not [fp for fp in report.false_positives if fp.decoy], errors


def _tweets(scorer: Any, name: str, **options: Any) -> tuple[str, list[Post]]:
    data = scorer.read_page(CORPUS / "pages" / name)
    source = tweetresolve.decode.decode(data)
    posts = [p for p in tweetresolve.extract(data, **options) if p.platform == "twitter"]
    return source, posts


def test_consent_textarea_spans_point_into_the_textarea(scorer: Any) -> None:
    """Snippets kept in consent-wall textareas are found, spans on their blockquotes."""
    source, posts = _tweets(scorer, "trafilatura__tests_eval_amnesty.de-waffensysteme.html")
    assert [p.form for p in posts] == ["blockquote", "blockquote"]
    for post in posts:
        assert post.span is not None
        start, end = post.span
        assert source[start:end].startswith('<blockquote class="twitter-tweet">')
        assert source.rfind("<textarea", 0, start) > source.rfind("</textarea>", 0, start)


def test_script_json_copies_are_not_posts(scorer: Any) -> None:
    """Escaped embed copies inside <script> JSON add nothing to the two body embeds."""
    _, posts = _tweets(scorer, "goose3__tests_data_schema_test_schema_graph.html")
    assert [p.post_id for p in posts] == ["1654247902070415360", "1654476926080131080"]


def test_rendered_iframes_keep_only_ids(scorer: Any) -> None:
    """A page saved after widgets.js ran yields the ids of its rendered iframes."""
    _, posts = _tweets(scorer, "readability__test_test-pages_breitbart_source.html.gz")
    assert {p.form for p in posts} == {"rendered"}
    assert len(posts) == 3


def test_share_button_classes_are_not_posts(scorer: Any) -> None:
    """twitter-tweet-btn share buttons and follow buttons give nothing, even with links."""
    _, posts = _tweets(
        scorer, "newspaper__tests_data_html_huffingtonpost.com1.html", include_links=True
    )
    assert posts == []


def test_right_to_left_name_and_inner_dashes(scorer: Any) -> None:
    """Names in Hebrew and em dashes inside the tweet text are read correctly."""
    _, posts = _tweets(scorer, "trafilatura__tests_eval_report24.news-Drohne.html.gz")
    names = [p.author.name for p in posts if p.author]
    assert "תעמוד עם ישראל" in names
    assert posts[0].text is not None
    assert "— USS Eisenhower —" in posts[0].text


def test_feed_widget_cards(scorer: Any) -> None:
    """A sidebar feed of site-drawn tweet cards gives one card per tweet."""
    _, posts = _tweets(scorer, "newspaper__tests_data_html_self.com1.html")
    assert len(posts) == 6
    assert {p.handle for p in posts} == {"SELFmagazine"}
    assert all(p.post_id and p.form == "card" for p in posts)
