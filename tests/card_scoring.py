"""Matching found card posts to the generated ones, field by field.

Shared by the generated-variant tests and ``benchmarks/score_card_variants.py``.
"""

from __future__ import annotations

from typing import Any

from card_variants import Expected

__all__ = ["FIELDS", "field_errors", "pair", "shown_fields"]


#: Fields compared, in report order.
FIELDS = ("post_id", "handle", "name", "date_text", "text_start", "quoted")


def shown_fields(post: Any) -> dict[str, Any]:
    """The fields of a found post (a ``tweetresolve.Post``) in the terms of ``Expected``."""
    return {
        "platform": post.platform,
        "post_id": post.post_id,
        "handle": post.handle,
        "name": post.author.name if post.author else None,
        "date_text": post.date_text,
        "text": " ".join((post.text or "").split()),
        "quoted": post.quoted.post_id if post.quoted else None,
    }


def pair(
    found: list[dict[str, Any]], expected: tuple[Expected, ...]
) -> tuple[list[tuple[Expected, dict[str, Any] | None]], list[dict[str, Any]]]:
    """Each expected post with the found post that is it (same platform and id, or the
    same handle when it has no id), and the found posts that are none of them."""
    left = list(found)
    pairs: list[tuple[Expected, dict[str, Any] | None]] = []
    for want in expected:
        hit = next(
            (
                got
                for got in left
                if got["platform"] == want["platform"]
                and (
                    got["post_id"] == want["post_id"]
                    if want["post_id"] is not None
                    else got["post_id"] is None and got["handle"] == want.get("handle")
                )
            ),
            None,
        )
        if hit is not None:
            left.remove(hit)
        pairs.append((want, hit))
    return pairs, left


def field_errors(want: Expected, got: dict[str, Any]) -> list[str]:
    """The checked fields of ``want`` that ``got`` shows otherwise."""
    errors = []
    for key in FIELDS:
        if key not in want:
            continue
        if key == "text_start":
            start = " ".join(want[key].split())
            if not got["text"].startswith(start):
                errors.append(f"text {got['text'][:50]!r} != {start!r}")
        elif (got[key] or None) != (want[key] or None):
            errors.append(f"{key} {got[key]!r} != {want[key]!r}")
    return errors
