"""What the corpus scorers share: detection counts, field tallies, label normalisation.

Both ``score_corpus.py`` (real pages) and ``score_text_cases.py`` (converter output)
count true and false positives per platform and tally per-field accuracy over the
matched posts; they compare shown values the same way.

>>> counts = Counts(tp=9, fp=1, fn=0)
>>> round(counts.precision, 2), counts.recall, round(counts.f1, 3)
(0.9, 1.0, 0.947)
>>> collapse("  March\\n 30,  2022 "), normalise_handle("@Ada_Example")
('March 30, 2022', 'ada_example')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Counts", "FieldScore", "collapse", "normalise_handle"]

# Runs of white space, collapsed before comparing shown values.
_SPACES = re.compile(r"\s+")


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the usual ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class FieldScore:
    """How often a field of a matched post equals the label."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += ok

    @property
    def accuracy(self) -> float | None:
        return self.right / self.total if self.total else None

    def __str__(self) -> str:
        if not self.total:
            return "   n/a"
        return f"{self.right / self.total:6.3f} ({self.right}/{self.total})"


def collapse(text: str | None) -> str | None:
    """Collapse white space the way the labels do."""
    return None if text is None else _SPACES.sub(" ", text).strip()


def normalise_handle(value: str | None) -> str | None:
    """A handle compared without its ``@`` (ASCII or full-width) and case."""
    return value.strip().lstrip("@＠").lower() if value else None
