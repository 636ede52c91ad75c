"""Command-line support for hydration: ``tweetresolve scan --hydrate`` and its options.

The hydrator shares the expansion options that mean the same thing (``--cache`` /
``--no-cache``: the same SQLite file, another table; ``--trust``) and adds its own:

``--hydrate``               complete every post found from the platforms' endpoints
``--meta-token TOKEN``      Meta app token for Instagram, Facebook and Threads
                            (default: ``$TWEETRESOLVE_META_TOKEN``)
``--endpoint NAME=URL``     point a source at a mirror (repeatable)
"""

from __future__ import annotations

import argparse
import atexit
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tweetresolve.expansion.cli_support import default_cache_path
from tweetresolve.hydration.engine import Hydrator
from tweetresolve.hydration.sources import SOURCES
from tweetresolve.records import Post

__all__ = ["META_TOKEN_VARIABLE", "add_hydrate_arguments", "hydrating_finder", "hydrator_options"]

#: Environment variable holding the Meta access token, so it stays out of shell history.
META_TOKEN_VARIABLE = "TWEETRESOLVE_META_TOKEN"


def _endpoint(text: str) -> tuple[str, str]:
    name, found, url = text.partition("=")
    if not found or not url:
        raise argparse.ArgumentTypeError(f"expected NAME=URL, got {text!r}")
    if name not in SOURCES:
        known = ", ".join(sorted(SOURCES))
        raise argparse.ArgumentTypeError(f"unknown source {name!r}; known sources: {known}")
    return name, url


def add_hydrate_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--hydrate`` and its options to ``tweetresolve scan``."""
    group = parser.add_argument_group("hydration")
    group.add_argument(
        "--hydrate",
        action="store_true",
        help="complete every post from its platform's public embed endpoint (needs network; "
        "sends the post ids to the platforms)",
    )
    group.add_argument(
        "--meta-token",
        metavar="TOKEN",
        default=None,
        help="Meta app token for Instagram, Facebook and Threads "
        f"(default: ${META_TOKEN_VARIABLE})",
    )
    group.add_argument(
        "--endpoint",
        action="append",
        type=_endpoint,
        default=[],
        metavar="NAME=URL",
        help="send one source's requests to a mirror, e.g. youtube_oembed=https://mirror/oembed",
    )


def hydrator_options(args: argparse.Namespace) -> dict[str, Any]:
    """The :class:`Hydrator` options the command line asks for."""
    cache: Any
    if getattr(args, "no_cache", False):
        cache = None
    else:
        cache = getattr(args, "cache", None) or default_cache_path()
        Path(cache).parent.mkdir(parents=True, exist_ok=True)
    return {
        "cache": cache,
        "meta_access_token": args.meta_token or os.environ.get(META_TOKEN_VARIABLE) or None,
        "endpoints": dict(args.endpoint),
        "trusted_hosts": tuple(getattr(args, "trust", None) or ()),
    }


def hydrating_finder(
    find: Callable[[bytes], list[Post]], args: argparse.Namespace
) -> Callable[[bytes], list[Post]]:
    """Wrap a document's finder so that its posts come back hydrated.

    One hydrator (and its cache) serves the whole run and is closed at exit.
    """
    hydrator = Hydrator(**hydrator_options(args))
    atexit.register(hydrator.close)

    def find_and_hydrate(data: bytes) -> list[Post]:
        posts = find(data)
        if not posts:
            return posts
        return [result.post for result in hydrator.hydrate_many(posts)]

    return find_and_hydrate
