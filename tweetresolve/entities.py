"""Placeholder until the entity module lands."""

from __future__ import annotations

from tweetresolve.records import Entity


def extract_entities(text: str) -> list[Entity]:
    return []
