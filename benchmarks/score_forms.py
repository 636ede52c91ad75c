"""Score ``extract`` per embed form and per source of a labelled corpus.

Usage::

    python benchmarks/score_forms.py [--corpus DIR] [--form card] [--by-source] [--verbose]

Uses the matching of ``score_corpus.py`` (run without links).  For each labelled form
(``blockquote``, ``card``, ``placeholder`` …) it prints recall and field accuracy over
the posts of that form; precision is counted over the predictions whose ``Post.form``
is that form (a predicted card that matches no label is a false card).  With
``--by-source`` the same table is printed for each source repository of the pages (the
labels name them): a family's rules should score on every source alike, not only on the
one they were written from.
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Sequence
from pathlib import Path

from score_corpus import (
    _LABEL_KEYS as LABEL_KEYS,
)
from score_corpus import (
    DEFAULT_CORPUS,
    FIELDS,
    Report,
    Score,
    field_values,
    load_labels,
    score,
)
from scoring import collapse

# Which predicted Post.form counts toward a labelled form's precision.
_PREDICTED_FORM = {"card": "card", "placeholder": "placeholder", "script": "data"}


def _table(title: str, scores: dict[str, Score]) -> list[str]:
    lines = [
        f"== {title}",
        f"{'form':<12} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>7} {'recall':>7} {'F1':>7}   "
        + " ".join(f"{name:>12}" for name in FIELDS),
    ]
    for form in sorted(scores):
        s = scores[form]
        cells = []
        for name in FIELDS:
            correct, total = s.fields[name].right, s.fields[name].total
            cells.append(f"{100 * correct / total:5.1f}% {correct:>2}/{total:<2}" if total else "-")
        lines.append(
            f"{form:<12} {s.tp:>4} {s.fp:>4} {s.fn:>4} {100 * s.precision:6.1f}% "
            f"{100 * s.recall:6.1f}% {100 * s.f1:6.1f}%   " + " ".join(f"{c:>12}" for c in cells)
        )
    return lines


def by_form(report: Report, files: set[str] | None = None) -> dict[str, Score]:
    """Scores per labelled form over the pages in ``files`` (all when None)."""
    scores: dict[str, Score] = collections.defaultdict(Score)
    for match in report.matches:
        if files is not None and match.file not in files:
            continue
        s = scores[match.label["form"]]
        if match.post is None:
            s.fn += 1
            continue
        s.tp += 1
        for name in FIELDS:
            if match.label[LABEL_KEYS[name]] is not None:
                s.fields[name].add(field_values(name, match.label, match.post)[2])
    reverse = {v: k for k, v in _PREDICTED_FORM.items()}
    for fp in report.false_positives:
        if files is not None and fp.file not in files:
            continue
        scores[reverse.get(fp.post.form, fp.post.form)].fp += 1
    return dict(scores)


def _details(report: Report, form: str) -> list[str]:
    lines = []
    for match in report.matches:
        label = match.label
        if label["form"] != form:
            continue
        if match.post is None:
            lines.append(f"  FN {match.file}: {label['platform']} {label['post_id']}")
            continue
        for name in FIELDS:
            if label[LABEL_KEYS[name]] is None:
                continue
            want, got, equal = field_values(name, label, match.post)
            if not equal:
                lines.append(f"  field {name} {match.file}: want {want!r} got {got!r}")
    for fp in report.false_positives:
        if fp.post.form == _PREDICTED_FORM.get(form, form):
            post = fp.post
            lines.append(
                f"  FP {fp.file}: {post.platform} {post.post_id} {post.handle} "
                f"{(collapse(post.text) or '')[:50]!r}"
            )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--by-source", action="store_true", help="one table per source repo")
    parser.add_argument("--verbose", metavar="FORM", help="list misses and field errors of FORM")
    args = parser.parse_args(argv)
    if not (args.corpus / "labels.jsonl").is_file():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    report = score(args.corpus)
    print("\n".join(_table(f"{args.corpus.name}: all pages", by_form(report))))
    if args.verbose:
        print("\n".join(_details(report, args.verbose)))
    if args.by_source:
        sources: dict[str, set[str]] = collections.defaultdict(set)
        for page in load_labels(args.corpus):
            sources[page["source"]["repo"]].add(page["file"])
        for repo, files in sorted(sources.items()):
            print()
            print("\n".join(_table(f"source {repo} ({len(files)} pages)", by_form(report, files))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
