"""Score ``tweetresolve.extract`` against the labelled real pages of the corpus.

Usage::

    python benchmarks/score_corpus.py [--corpus DIR] [--verbose] [--platform NAME]

The corpus is the folder ``shared/corpus`` beside the project root (``pages/`` and
``labels.jsonl``); its ``wild/`` folder, when present, is a second corpus scored on
its own (``--corpus`` names one corpus instead).  Every page is run through
``extract`` twice: without links (posts labelled ``link-only`` are then not
expected) and with ``include_links=True``.

Besides the table per platform, a table per embed form: recall by the label's form,
precision by the form ``extract`` gave (``data`` counts as the labels' ``script``,
``link`` as ``link-only``), the share of matched posts whose form agrees with the
label, and the field accuracy; ``official`` sums the platforms' own embed code
(blockquote, rendered, iframe, amp).

Matching: a prediction matches a labelled post of the same page and platform by
``post_id`` when the label has one, else by handle and text start.  Each prediction
matches at most one label.  A prediction that matches no label is a false positive;
when it matches one of the page's ``not_posts`` (a decoy) the decoy's kind is listed.

Fields are scored over matched posts whose label has the field:

* ``id``: equal ids;
* ``handle``: equal without ``@`` and case;
* ``name``, ``date``: equal after collapsing white space;
* ``text``: the predicted text (white space collapsed, ``<br>`` a space) starts with
  the label's ``text_start`` (the first 40 characters of the post's text).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tweetresolve
from tweetresolve import Post

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import Counts, FieldScore, collapse, normalise_handle

#: The corpus beside the project root: <root>/../shared/corpus.
DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"

FIELDS = ("id", "handle", "name", "date", "text")

#: The forms of the labels, in table order; "official" sums the first four.
LABEL_FORMS = (
    "blockquote",
    "rendered",
    "iframe",
    "amp",
    "script",
    "card",
    "placeholder",
    "link-only",
)
OFFICIAL_FORMS = frozenset({"blockquote", "rendered", "iframe", "amp"})
#: ``Post.form`` values the labels spell differently.
_LABEL_FORM_OF = {"data": "script", "link": "link-only", "text": "link-only"}


def label_form(post: Post) -> str:
    """The label vocabulary's name for the form ``extract`` gave."""
    return _LABEL_FORM_OF.get(post.form, post.form)


@dataclass
class Match:
    """One labelled post and the prediction matched to it (None: missed)."""

    file: str
    label: dict[str, Any]
    post: Post | None


@dataclass
class FalsePositive:
    """A prediction that matches no labelled post."""

    file: str
    post: Post
    decoy: str | None = None


@dataclass
class Score(Counts):
    """Counts for one platform, with the accuracy of each field over its matches."""

    fields: dict[str, FieldScore] = field(
        default_factory=lambda: {name: FieldScore() for name in FIELDS}
    )

    def accuracy(self, name: str) -> float | None:
        return self.fields[name].accuracy


@dataclass
class FormScore(Score):
    """Counts for one embed form, with how often the form given agrees with the label."""

    agree: FieldScore = field(default_factory=FieldScore)


@dataclass
class Report:
    """The outcome of one scoring run."""

    include_links: bool
    scores: dict[str, Score]
    forms: dict[str, FormScore]
    matches: list[Match]
    false_positives: list[FalsePositive]
    mismatches: list[tuple[str, str, str, Any, Any]]  # file, field, post id, label, predicted


def text_matches(predicted: str | None, text_start: str) -> bool:
    """Whether a predicted text begins like the label's ``text_start``."""
    shown = collapse(predicted)
    if not shown:
        return False
    return shown.startswith(text_start) or shown[:40].rstrip() == text_start


def same_id(labelled: str | None, predicted: str | None) -> bool:
    """Whether two post ids name the same post.

    LinkedIn ids are written as URNs (``urn:li:activity:<digits>``) by the library and
    as the digits alone in the labels: the digits are the post.
    """
    if labelled is None or predicted is None:
        return labelled == predicted
    return labelled == predicted or predicted.rpartition(":")[2] == labelled


def field_values(name: str, label: dict[str, Any], post: Post) -> tuple[Any, Any, bool]:
    """(label value, predicted value, equal?) for one field."""
    if name == "id":
        return label["post_id"], post.post_id, same_id(label["post_id"], post.post_id)
    if name == "handle":
        predicted = post.author.handle if post.author else None
        return (
            label["author_handle"],
            predicted,
            normalise_handle(label["author_handle"]) == normalise_handle(predicted),
        )
    if name == "name":
        predicted = post.author.name if post.author else None
        return (
            label["author_name"],
            predicted,
            collapse(label["author_name"]) == collapse(predicted),
        )
    if name == "date":
        return (
            label["date_text"],
            post.date_text,
            collapse(label["date_text"]) == collapse(post.date_text),
        )
    expected = label["text_start"]
    return expected, (collapse(post.text) or "")[:60], text_matches(post.text, expected)


_LABEL_KEYS = {
    "id": "post_id",
    "handle": "author_handle",
    "name": "author_name",
    "date": "date_text",
    "text": "text_start",
}


def read_page(path: Path) -> bytes:
    """Page bytes, un-gzipped when the file is ``.gz``."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def load_labels(corpus: Path) -> list[dict[str, Any]]:
    """Every page's label object, in file order."""
    with (corpus / "labels.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _match_page(
    label_posts: Sequence[dict[str, Any]], posts: Sequence[Post]
) -> tuple[list[tuple[dict[str, Any], Post | None]], list[Post]]:
    free = list(posts)
    pairs: list[tuple[dict[str, Any], Post | None]] = []
    # Labels with an id first, so an id-less label never takes a post another label names.
    ordered = sorted(label_posts, key=lambda lab: lab["post_id"] is None)
    for label in ordered:
        found = None
        for post in free:
            if post.platform != label["platform"]:
                continue
            if label["post_id"] is not None:
                if same_id(label["post_id"], post.post_id):
                    found = post
                    break
                continue
            if label["author_handle"] and normalise_handle(
                label["author_handle"]
            ) != normalise_handle(post.author.handle if post.author else None):
                continue
            if label["text_start"] and not text_matches(post.text, label["text_start"]):
                continue
            if not label["author_handle"] and not label["text_start"]:
                continue
            found = post
            break
        if found is not None:
            free.remove(found)
        pairs.append((label, found))
    return pairs, free


def _decoy_kind(post: Post, decoys: Iterable[dict[str, Any]]) -> str | None:
    for decoy in decoys:
        if decoy.get("platform") not in (None, post.platform):
            continue
        url = decoy.get("url")
        if not url:
            continue
        ref = tweetresolve.parse_post_url(url)
        if post.url == url or (ref is not None and ref.post_id and ref.post_id == post.post_id):
            return str(decoy["kind"])
    return None


def score(
    corpus: Path = DEFAULT_CORPUS,
    *,
    include_links: bool = False,
    platforms: Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
) -> Report:
    """Run ``extract`` over every page (of the ``sources`` repos) and compare with the labels."""
    wanted = set(platforms) if platforms else None
    repos = set(sources) if sources is not None else None
    scores: dict[str, Score] = collections.defaultdict(Score)
    forms: dict[str, FormScore] = collections.defaultdict(FormScore)
    matches: list[Match] = []
    false_positives: list[FalsePositive] = []
    mismatches: list[tuple[str, str, str, Any, Any]] = []
    for page in load_labels(corpus):
        if repos is not None and page["source"]["repo"] not in repos:
            continue
        data = read_page(corpus / "pages" / page["file"])
        posts = tweetresolve.extract(
            data, base_url=page.get("page_url") or None, include_links=include_links
        )
        expected = [
            p
            for p in page["posts"]
            if (include_links or p["form"] != "link-only")
            and (wanted is None or p["platform"] in wanted)
        ]
        posts = [p for p in posts if wanted is None or p.platform in wanted]
        pairs, extra = _match_page(expected, posts)
        for label, post in pairs:
            score_ = scores[label["platform"]]
            groups = _form_groups(label["form"])
            matches.append(Match(page["file"], label, post))
            if post is None:
                score_.fn += 1
                for group in groups:
                    forms[group].fn += 1
                continue
            score_.tp += 1
            for group in groups:
                forms[group].tp += 1
                forms[group].agree.add(label_form(post) == label["form"])
            for name in FIELDS:
                if label[_LABEL_KEYS[name]] is None:
                    continue
                want, got, equal = field_values(name, label, post)
                score_.fields[name].add(equal)
                for group in groups:
                    forms[group].fields[name].add(equal)
                if not equal:
                    mismatches.append((page["file"], name, label["post_id"] or "-", want, got))
        for post in extra:
            scores[post.platform].fp += 1
            for group in _form_groups(label_form(post)):
                forms[group].fp += 1
            false_positives.append(
                FalsePositive(page["file"], post, _decoy_kind(post, page.get("not_posts", ())))
            )
    return Report(include_links, dict(scores), dict(forms), matches, false_positives, mismatches)


def _form_groups(form: str) -> tuple[str, ...]:
    return (form, "official") if form in OFFICIAL_FORMS else (form,)


def _percent(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def format_report(report: Report, *, verbose: bool = False) -> str:
    """The report as a table (and, verbose, every error with its file)."""
    title = "with links (include_links=True)" if report.include_links else "without links"
    lines = [
        f"== {title}",
        f"{'platform':<10} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>7} {'recall':>7} "
        f"{'F1':>7}   " + " ".join(f"{name:>12}" for name in FIELDS),
    ]
    for platform in sorted(report.scores):
        s = report.scores[platform]
        cells = []
        for name in FIELDS:
            correct, total = s.fields[name].right, s.fields[name].total
            cells.append(
                f"{_percent(s.accuracy(name))} {correct:>2}/{total:<2}" if total else f"{'-':>12}"
            )
        lines.append(
            f"{platform:<10} {s.tp:>4} {s.fp:>4} {s.fn:>4} {_percent(s.precision):>7} "
            f"{_percent(s.recall):>7} {_percent(s.f1):>7}   " + " ".join(f"{c:>12}" for c in cells)
        )
    lines.append(
        f"{'form':<12} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>7} {'recall':>7} {'F1':>7} "
        f"{'form ok':>8}   " + " ".join(f"{name:>12}" for name in FIELDS)
    )
    for form in (*LABEL_FORMS[:4], "official", *LABEL_FORMS[4:]):
        f = report.forms.get(form)
        if f is None:
            continue
        cells = [
            f"{_percent(f.accuracy(name))} {f.fields[name].right:>2}/{f.fields[name].total:<2}"
            if f.fields[name].total
            else f"{'-':>12}"
            for name in FIELDS
        ]
        lines.append(
            f"{form:<12} {f.tp:>4} {f.fp:>4} {f.fn:>4} {_percent(f.precision):>7} "
            f"{_percent(f.recall):>7} {_percent(f.f1):>7} {_percent(f.agree.accuracy):>8}   "
            + " ".join(f"{c:>12}" for c in cells)
        )
    overall = Score(
        tp=sum(s.tp for s in report.scores.values()),
        fp=sum(s.fp for s in report.scores.values()),
        fn=sum(s.fn for s in report.scores.values()),
    )
    lines.append(
        f"{'all':<12} {overall.tp:>4} {overall.fp:>4} {overall.fn:>4} "
        f"{_percent(overall.precision):>7} {_percent(overall.recall):>7} {_percent(overall.f1):>7}"
    )
    decoys = [fp for fp in report.false_positives if fp.decoy]
    if decoys:
        lines.append("false positives on labelled decoys:")
        lines.extend(
            f"  {fp.file}: {fp.post.platform} {fp.post.post_id} ({fp.decoy})" for fp in decoys
        )
    if verbose:
        # How each labelled form was found (label form -> Post.form), for matched posts.
        forms = collections.Counter(
            (m.label["platform"], m.label["form"], m.post.form)
            for m in report.matches
            if m.post is not None
        )
        lines.extend(
            f"  form {platform}: {label} -> {found}: {count}"
            for (platform, label, found), count in sorted(forms.items())
        )
        for match in report.matches:
            if match.post is None:
                label = match.label
                lines.append(
                    f"  FN {match.file}: {label['platform']} {label['form']} "
                    f"{label['post_id']} {label['author_handle']} "
                    f"{(label['text_start'] or '')[:30]!r}"
                )
        for fp in report.false_positives:
            post = fp.post
            lines.append(
                f"  FP {fp.file}: {post.platform} {post.form} {post.post_id} "
                f"{post.handle} {(collapse(post.text) or '')[:40]!r}"
                + (f" [decoy: {fp.decoy}]" if fp.decoy else "")
            )
        for file, name, post_id, want, got in report.mismatches:
            lines.append(f"  field {name} {file} {post_id}: want {want!r} got {got!r}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verbose", action="store_true", help="list every FP/FN and field error")
    parser.add_argument("--platform", action="append", help="score only this platform")
    args = parser.parse_args(argv)
    if not (args.corpus / "labels.jsonl").is_file():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    corpora = [args.corpus]
    if args.corpus == DEFAULT_CORPUS and (DEFAULT_CORPUS / "wild" / "labels.jsonl").is_file():
        corpora.append(DEFAULT_CORPUS / "wild")
    for corpus in corpora:
        print(f"### {corpus.resolve()}")
        for include_links in (False, True):
            report = score(corpus, include_links=include_links, platforms=args.platform)
            print(format_report(report, verbose=args.verbose))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
