"""Expanding short and wrapped URLs safely: the network side of tweetresolve.

>>> from tweetresolve.expansion import canonicalize
>>> canonicalize("https://example.com/a?utm_medium=social&id=3")
'https://example.com/a?id=3'
"""

from __future__ import annotations

from tweetresolve.errors import CacheError
from tweetresolve.expansion.api import expand, expand_many
from tweetresolve.expansion.cache import ExpansionCache, SQLiteCache
from tweetresolve.expansion.canonical import canonicalize, normalize_url
from tweetresolve.expansion.codes import ERROR_CODES, ErrorCode
from tweetresolve.expansion.engine import AsyncExpander
from tweetresolve.expansion.guard import AddressPolicy
from tweetresolve.expansion.settings import (
    DEFAULT_CACHE,
    CacheOption,
    DefaultCache,
    ExpanderOptions,
    ExpanderSettings,
    ExpandOptions,
)
from tweetresolve.expansion.sync import Expander
from tweetresolve.expansion.transport import GuardedTransport

__all__ = [
    "DEFAULT_CACHE",
    "ERROR_CODES",
    "AddressPolicy",
    "AsyncExpander",
    "CacheError",
    "CacheOption",
    "DefaultCache",
    "ErrorCode",
    "ExpandOptions",
    "Expander",
    "ExpanderOptions",
    "ExpanderSettings",
    "ExpansionCache",
    "GuardedTransport",
    "SQLiteCache",
    "canonicalize",
    "expand",
    "expand_many",
    "normalize_url",
]
