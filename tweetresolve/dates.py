"""Placeholder until the date module lands."""

from __future__ import annotations

import datetime as dt


def tweet_time(tweet_id: str | int) -> dt.datetime | None:
    return None


def dates_disagree(published: dt.date | dt.datetime, created_at: dt.datetime) -> bool:
    return False
