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
"""

from tweetresolve.archives import extract_archive
from tweetresolve.dates import tweet_time
from tweetresolve.entities import extract_entities, weighted_length
from tweetresolve.errors import ExpanderClosedError, InvalidOptionError, TweetResolveError
from tweetresolve.expansion import AsyncExpander, Expander, canonicalize, expand, expand_many
from tweetresolve.extract import extract
from tweetresolve.hydration import AsyncHydrator, Hydration, Hydrator, ahydrate, hydrate
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
    "tweet_time",
    "weighted_length",
]

__version__ = "0.1.0.dev0"
