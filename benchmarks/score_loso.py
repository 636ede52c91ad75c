"""Leave-one-source-out scores of ``extract`` on both real-page corpora.

Usage::

    python benchmarks/score_loso.py [--corpus DIR]

Each labelled page names the project whose test fixtures it came from (``source.repo``).
For every source, the pages of that source alone are scored (posts without links, and
all posts with ``include_links=True``), overall and per form.

What this measures, honestly: the detectors are hand-written rules, not trained models,
so "leaving a source out" cannot mean retraining without it.  It means two things here:

1. The score of each source on its own, so that a source the rules fit badly shows.
2. **Ablations**: every rule of the placeholder and page-data families that was added
   *after* looking at a corpus page (a spelling first seen there) is listed in
   :data:`RULES_FROM_PAGES` with the source that showed it.  For that source the rule is
   switched off, and the source is scored again: the score the source would have had if
   the rule had been written from the other sources only.  Rules written from the
   project's own invented fixtures before any corpus page was read are not ablated.

The platform detectors and the card family have their own history and are not ablated.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_corpus

from tweetresolve.families import pagedata, placeholders


@contextlib.contextmanager
def _patched(module: Any, name: str, value: Any) -> Iterator[None]:
    saved = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, saved)


#: Title shapes switched off by the ablations in force (see RULES_FROM_PAGES).
_DISABLED_TITLE_VARIANTS: set[str] = set()
_ORIGINAL_TITLE_VALUE = pagedata._title_value


def _ablated_title_value(value: object) -> str | None:
    if isinstance(value, dict) and _DISABLED_TITLE_VARIANTS.intersection(value):
        return None
    return _ORIGINAL_TITLE_VALUE(value)


@contextlib.contextmanager
def _title_without(variant: str) -> Iterator[None]:
    _DISABLED_TITLE_VARIANTS.add(variant)
    try:
        with _patched(pagedata, "_title_value", _ablated_title_value):
            yield
    finally:
        _DISABLED_TITLE_VARIANTS.discard(variant)


@contextlib.contextmanager
def _chain(*managers: contextlib.AbstractContextManager[None]) -> Iterator[None]:
    with contextlib.ExitStack() as stack:
        for manager in managers:
            stack.enter_context(manager)
        yield


#: (rule, the source whose page showed the spelling, how to switch it off).
RULES_FROM_PAGES: tuple[
    tuple[str, str, Callable[[], contextlib.AbstractContextManager[None]]], ...
] = (
    (
        "story titles as {'rendered': …} (WordPress REST)",
        "flairNLP/fundus",
        lambda: _title_without("rendered"),
    ),
    (
        "story titles as {'rendered': …} (WordPress REST)",
        "goose3/goose3",
        lambda: _title_without("rendered"),
    ),
    (
        "story titles as {'basic': …} and website_url (Arc ANS)",
        "adbar/htmldate",
        lambda: _title_without("basic"),
    ),
    (
        "a platform named around a lone permalink (stripped lazy snippet)",
        "flairNLP/fundus",
        lambda: _patched(placeholders, "_read_inner_link", lambda page, element, platform: None),
    ),
    (
        "'feed' classes are not placeholders; the DOM id attribute is never read",
        "adbar/htmldate",
        lambda: _chain(
            _patched(
                placeholders,
                "_NOT_A_POST_CLASS",
                re.compile(placeholders._NOT_A_POST_CLASS.pattern.replace("|feed", ""), re.I),
            ),
            _patched(placeholders, "_NEVER_READ", placeholders._NEVER_READ - {"id"}),
        ),
    ),
)


def _sources(corpora: Sequence[Path]) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = collections.defaultdict(list)
    for corpus in corpora:
        for page in score_corpus.load_labels(corpus):
            if corpus not in found[page["source"]["repo"]]:
                found[page["source"]["repo"]].append(corpus)
    return found


def _row(label: str, reports: Sequence[Any]) -> str:
    cells = []
    for report in reports:
        counts = score_corpus.Score(
            tp=sum(s.tp for s in report.scores.values()),
            fp=sum(s.fp for s in report.scores.values()),
            fn=sum(s.fn for s in report.scores.values()),
        )
        cells.append(
            f"{counts.tp:>4} {counts.fp:>3} {counts.fn:>3} {counts.precision:6.3f} "
            f"{counts.recall:6.3f} {counts.f1:6.3f}"
        )
    return f"{label:<44} " + "   ".join(cells)


def _family_forms(reports: Sequence[Any]) -> str:
    parts = []
    for form in ("placeholder", "script", "card"):
        score = reports[0].forms.get(form)
        if score is not None:
            parts.append(f"{form} {score.tp}/{score.tp + score.fn} fp {score.fp}")
    return "; ".join(parts)


def _score(corpora: Sequence[Path], source: str) -> list[Any]:
    return [
        score_corpus.score(corpus, include_links=links, sources=[source])
        for links in (False, True)
        for corpus in corpora
    ]


def _merged(reports: list[Any]) -> list[Any]:
    # One report per links setting, summing the corpora the source has pages in.
    half = len(reports) // 2
    merged = []
    for group in (reports[:half], reports[half:]):
        scores: dict[str, Any] = collections.defaultdict(score_corpus.Score)
        forms: dict[str, Any] = collections.defaultdict(score_corpus.FormScore)
        for report in group:
            for name, s in report.scores.items():
                scores[name].tp += s.tp
                scores[name].fp += s.fp
                scores[name].fn += s.fn
            for name, f in report.forms.items():
                forms[name].tp += f.tp
                forms[name].fp += f.fp
                forms[name].fn += f.fn
        merged.append(argparse.Namespace(scores=scores, forms=forms))
    return merged


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=score_corpus.DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    corpora = [c for c in (args.corpus, args.corpus / "wild") if (c / "labels.jsonl").is_file()]
    if not corpora:
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    header = "  TP  FP  FN   prec recall     F1"
    print(f"{'held-out source':<44} {header} (no links)   {header} (links)")
    for source, where in sorted(_sources(corpora).items()):
        reports = _merged(_score(where, source))
        print(_row(source, reports) + f"   [{_family_forms(reports)}]")
        for rule, shown_by, switch_off in RULES_FROM_PAGES:
            if shown_by != source:
                continue
            with switch_off():
                ablated = _merged(_score(where, source))
            print(_row(f"  without: {rule[:34]}", ablated) + f"   [{_family_forms(ablated)}]")
    # Every source at once, as written from the invented fixtures alone and as it is.
    everything = [
        score_corpus.score(corpus, include_links=links)
        for links in (False, True)
        for corpus in corpora
    ]
    print(_row("ALL sources", _merged(everything)) + f"   [{_family_forms(_merged(everything))}]")
    with _chain(*(switch_off() for _, _, switch_off in RULES_FROM_PAGES)):
        ablated = _merged(
            [
                score_corpus.score(corpus, include_links=links)
                for links in (False, True)
                for corpus in corpora
            ]
        )
    print(_row("ALL, rules from fixtures only", ablated) + f"   [{_family_forms(ablated)}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
