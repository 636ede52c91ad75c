"""What differs between platforms' attribution residue: handles, dates, marker lines."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import attrs

from tweetresolve.idtime import bluesky_time, instagram_time, mastodon_time, tiktok_time, tweet_time

# Twitter handle: twitter-text's mention rule, 1-20 of [A-Za-z0-9_]; Markdown may
# escape the underscore ("ada\_example").  Example: "HuXijin_GT".
_TWITTER_HANDLE = re.compile(r"(?:[A-Za-z0-9_]|\\_){1,20}")
# Bluesky handle: a domain name (labels of letters, digits, hyphens; at least one dot).
# Example: "emily.bsky.social".  Labels are checked in code, not by nesting here.
_DOMAIN_HANDLE = re.compile(r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}")

# Instagram and Threads username: up to 30 of letters, digits, "_" and ".".
# Example: "ada.example".
_INSTAGRAM_HANDLE = re.compile(r"[A-Za-z0-9._]{1,30}")
# TikTok username: up to 24 of letters, digits, "_" and ".".  Example: "ada.example_".
_TIKTOK_HANDLE = re.compile(r"[A-Za-z0-9._]{1,24}")
# Fediverse account: user and instance.  Example: "ada@social.example".
_FEDIVERSE_HANDLE = re.compile(
    r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}"
)


def _any_handle(handle: str) -> bool:
    return True


def _is_domain(handle: str) -> bool:
    """Return True for a plausible domain handle ("ada.bsky.social")."""
    labels = handle.split(".")
    if not labels[-1].isalpha() or len(handle) > 253:
        return False
    return all(label and label[0] != "-" and label[-1] != "-" for label in labels)


@attrs.frozen
class ResidueDialect:
    """How one platform's attribution residue differs from the shared grammar."""

    #: Platform name given to the posts and attributions found.
    platform: str
    #: Matched right after the at-sign; ``)`` (after optional spaces) must follow.
    handle: re.Pattern[str]
    #: Further check of a matched handle.
    handle_ok: Callable[[str], bool] = _any_handle
    #: Whether a date with a clock time but no zone belongs to this platform
    #: (Bluesky prints the creator's local time; Twitter embeds print a day).
    local_times: bool = False
    #: Lines of the block that are markers, not post text (``[image or embed]``).
    drop_lines: frozenset[str] = frozenset()
    #: Creation time from a post id, where the platform encodes it.
    time_of: Callable[[str], dt.datetime | None] | None = None


#: Twitter / X: ``— Name (@handle) March 30, 2022``.
TWITTER_RESIDUE = ResidueDialect(platform="twitter", handle=_TWITTER_HANDLE, time_of=tweet_time)

#: Bluesky: ``— Name (@name.bsky.social) November 25, 2024 at 12:58 AM``.
BLUESKY_RESIDUE = ResidueDialect(
    platform="bluesky",
    handle=_DOMAIN_HANDLE,
    handle_ok=_is_domain,
    local_times=True,
    drop_lines=frozenset({"[image or embed]"}),
    time_of=bluesky_time,
)

#: Instagram: site-made card residue (``Name / @ada.example / text / date``).
INSTAGRAM_RESIDUE = ResidueDialect(
    platform="instagram", handle=_INSTAGRAM_HANDLE, time_of=instagram_time
)

#: Threads: site-made card residue; its post codes are Instagram's.
THREADS_RESIDUE = ResidueDialect(
    platform="threads", handle=_INSTAGRAM_HANDLE, time_of=instagram_time
)

#: TikTok: site-made card residue.
TIKTOK_RESIDUE = ResidueDialect(platform="tiktok", handle=_TIKTOK_HANDLE, time_of=tiktok_time)

#: Mastodon: site-made card residue with ``@user@instance`` handles.
MASTODON_RESIDUE = ResidueDialect(
    platform="mastodon", handle=_FEDIVERSE_HANDLE, time_of=mastodon_time
)
