"""Values of ``published`` for tests: moments in UTC, as the records hold them."""

from __future__ import annotations

import datetime as dt


def utc_day(year: int, month: int, day: int) -> dt.datetime:
    """Midnight UTC of a calendar day: ``published`` for a post that shows only its day."""
    return dt.datetime(year, month, day, tzinfo=dt.timezone.utc)
