"""tweetresolve: find the social-media posts embedded in web pages and scraped text.

>>> import tweetresolve as tr
>>> [p.author.handle for p in tr.extract("Hello there https://t.co/AbCdEf1234\\n"
...                                      "— Ada Example (@ada_example) March 30, 2022")]
['ada_example']
"""

from __future__ import annotations

from tweetresolve.dates import tweet_time
from tweetresolve.entities import extract_entities
from tweetresolve.errors import ExpanderClosedError, InvalidOptionError, TweetResolveError
from tweetresolve.extract import extract
from tweetresolve.records import Attribution, Author, Entity, Expansion, Hop, Link, Post, PostRef
from tweetresolve.text import parse_attribution
from tweetresolve.urls import parse_post_url

__all__ = [
    "Attribution",
    "Author",
    "Entity",
    "ExpanderClosedError",
    "Expansion",
    "Hop",
    "InvalidOptionError",
    "Link",
    "Post",
    "PostRef",
    "TweetResolveError",
    "extract",
    "extract_entities",
    "parse_attribution",
    "parse_post_url",
    "tweet_time",
]

__version__ = "0.1.0.dev0"
