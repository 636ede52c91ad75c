"""One-call functions: :func:`expand` and :func:`expand_many` with a short-lived expander."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from tweetresolve.expansion.inputs import as_list
from tweetresolve.expansion.sync import Expander
from tweetresolve.records import Expansion

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from tweetresolve.expansion.settings import ExpandOptions

__all__ = ["expand", "expand_many"]


def expand(url: str, **options: Unpack[ExpandOptions]) -> Expansion:
    """Expand one URL with a short-lived :class:`Expander` (options as there).

    Failures are values:

    >>> expand("ftp://example.com/file").error
    'invalid_url'
    """
    with Expander(**options) as expander:
        return expander.expand(url)


def expand_many(urls: Iterable[str], **options: Unpack[ExpandOptions]) -> list[Expansion]:
    """Expand many URLs with a short-lived :class:`Expander`; one result per input, in order."""
    items = as_list(urls)
    with Expander(**options) as expander:
        return expander.expand_many(items)
