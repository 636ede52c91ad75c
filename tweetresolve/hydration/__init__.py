"""Hydration: complete posts from the platforms' public embed endpoints.

Only called on demand: nothing here sends a request before a hydrator is asked
to hydrate.  See docs/hydration.md.

>>> from tweetresolve.hydration import HYDRATION_ERROR_CODES, syndication_token
>>> syndication_token("20")
'6dq1a2xwd93'
"""

from __future__ import annotations

from tweetresolve.hydration.cache import (
    HydrationCache,
    MemoryHydrationCache,
    SQLiteHydrationCache,
)
from tweetresolve.hydration.codes import (
    HYDRATION_ERROR_CODES,
    HYDRATION_WARNINGS,
    HydrationErrorCode,
)
from tweetresolve.hydration.engine import (
    DEFAULT_HYDRATION_CACHE,
    AsyncHydrator,
    HydrateOptions,
    Hydrator,
    ahydrate,
    hydrate,
)
from tweetresolve.hydration.result import Hydration
from tweetresolve.hydration.settings import HydratorOptions, HydratorSettings
from tweetresolve.hydration.sources import SOURCE_CHAINS, SOURCES
from tweetresolve.hydration.token import js_radix_string, syndication_token

__all__ = [
    "DEFAULT_HYDRATION_CACHE",
    "HYDRATION_ERROR_CODES",
    "HYDRATION_WARNINGS",
    "SOURCES",
    "SOURCE_CHAINS",
    "AsyncHydrator",
    "HydrateOptions",
    "Hydration",
    "HydrationCache",
    "HydrationErrorCode",
    "Hydrator",
    "HydratorOptions",
    "HydratorSettings",
    "MemoryHydrationCache",
    "SQLiteHydrationCache",
    "ahydrate",
    "hydrate",
    "js_radix_string",
    "syndication_token",
]
