"""tweetresolve: find the social-media posts embedded in web pages and scraped text.

>>> import tweetresolve as tr
>>> [p.author.handle for p in tr.extract("Hello there https://t.co/AbCdEf1234\\n"
...                                      "— Ada Example (@ada_example) March 30, 2022")]
['ada_example']

Detection (``extract``, ``parse_post_url``, ``parse_attribution``, the date,
entity and mention helpers) never touches the network.  Only the expanders
(``expand``, ``expand_many``, ``Expander``, ``AsyncExpander``), the hydrators
(``hydrate``, ``ahydrate``, ``Hydrator``, ``AsyncHydrator``) and ``resolve`` send
requests, and only when called.

The network side (the expanders, the hydrators and ``canonicalize``) is imported on
first use, and ``resolve`` loads it when called, so ``import tweetresolve`` does not
load an HTTP stack for a program that only detects; ``from tweetresolve import
expand`` works as usual.
"""

import importlib as _importlib
import typing as _typing

from tweetresolve.archives import extract_archive
from tweetresolve.dates import tweet_time
from tweetresolve.entities import extract_entities, weighted_length
from tweetresolve.errors import ExpanderClosedError, InvalidOptionError, TweetResolveError
from tweetresolve.extract import extract
from tweetresolve.mentions import find_mentions
from tweetresolve.records import (
    Attribution,
    Author,
    Entity,
    Expansion,
    Hop,
    Link,
    Media,
    Mention,
    Origin,
    Post,
    PostRef,
    to_rows,
)
from tweetresolve.resolve import aresolve, resolve
from tweetresolve.text import parse_attribution
from tweetresolve.urls import parse_post_url

__all__ = [
    "AsyncExpander",
    "AsyncHydrator",
    "Attribution",
    "Author",
    "Entity",
    "Expander",
    "ExpanderClosedError",
    "Expansion",
    "Hop",
    "Hydration",
    "Hydrator",
    "InvalidOptionError",
    "Link",
    "Media",
    "Mention",
    "Origin",
    "Post",
    "PostRef",
    "TweetResolveError",
    "ahydrate",
    "aresolve",
    "canonicalize",
    "expand",
    "expand_many",
    "extract",
    "extract_archive",
    "extract_entities",
    "find_mentions",
    "hydrate",
    "parse_attribution",
    "parse_post_url",
    "resolve",
    "to_rows",
    "tweet_time",
    "weighted_length",
]

__version__ = "0.1.0.dev0"

if _typing.TYPE_CHECKING:
    from tweetresolve.expansion import AsyncExpander, Expander, canonicalize, expand, expand_many
    from tweetresolve.hydration import AsyncHydrator, Hydration, Hydrator, ahydrate, hydrate

# Public names imported on first use, and the module that defines each.  The
# expansion side pulls in httpx, anyio, ssl and sqlite3: a few hundred modules.
_LAZY: dict[str, str] = {
    "AsyncExpander": "tweetresolve.expansion",
    "Expander": "tweetresolve.expansion",
    "canonicalize": "tweetresolve.expansion",
    "expand": "tweetresolve.expansion",
    "expand_many": "tweetresolve.expansion",
    "AsyncHydrator": "tweetresolve.hydration",
    "Hydration": "tweetresolve.hydration",
    "Hydrator": "tweetresolve.hydration",
    "ahydrate": "tweetresolve.hydration",
    "hydrate": "tweetresolve.hydration",
}


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    # The public names (lazy ones included) and the module's own dunders; not
    # the helpers this module uses itself.
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})
