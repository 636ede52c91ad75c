"""Every tunable of a hydrator, validated once and shared by the sync and async twins.

>>> HydratorSettings(concurrency=8).concurrency
8
>>> HydratorSettings(retries=-1)
Traceback (most recent call last):
...
tweetresolve.errors.InvalidOptionError: retries must be >= 0, got -1
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final, TypedDict

import attrs

from tweetresolve.errors import InvalidOptionError
from tweetresolve.expansion.guard import AddressPolicy
from tweetresolve.expansion.option_checks import check_number, host_list
from tweetresolve.expansion.policy import DEFAULT_USER_AGENT

__all__ = ["HydratorOptions", "HydratorSettings"]

#: Most bytes of an answer read; oEmbed and syndication answers are a few KiB.
DEFAULT_MAX_BODY_BYTES: Final = 1024 * 1024


def _endpoint_table(table: Mapping[str, str]) -> Mapping[str, str]:
    if not isinstance(table, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in table.items()
    ):
        raise InvalidOptionError("endpoints must map source names to base URLs", option="endpoints")
    return dict(table)


@attrs.frozen(kw_only=True)
class HydratorSettings:
    """Options of :class:`~tweetresolve.hydration.AsyncHydrator` and its twins."""

    #: Posts looked up at the same time.
    concurrency: int = 32
    #: Requests in flight to one host; None keeps each source's polite default.
    per_host: int | None = None
    #: Least seconds between two requests to one host; None keeps each source's default.
    min_interval: float | None = None
    #: Seconds allowed for each connect, read and write.
    timeout: float = 10.0
    #: Seconds allowed for one source's lookup, retries and pauses included.
    deadline: float = 60.0
    #: Most bytes of an answer read (after decompression); more is ``body_too_large``.
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    #: Further attempts after 5xx, 429, timeouts and failed connections.
    retries: int = 2
    #: First backoff pause in seconds; doubles per attempt, with jitter.
    backoff: float = 0.5
    #: Longest ``Retry-After`` honoured; a longer one gives ``rate_limited`` at once.
    max_retry_after: float = 60.0
    #: User-Agent sent to every endpoint.
    user_agent: str = DEFAULT_USER_AGENT
    #: Hosts and networks exempt from the address policy (``["127.0.0.1"]`` for a mirror).
    trusted_hosts: tuple[str, ...] = attrs.field(default=(), converter=host_list)
    #: Base URL overrides by source name (``{"twitter_syndication": "http://…"}``); a
    #: ``{host}`` in a Mastodon endpoint is the post's instance.
    endpoints: Mapping[str, str] = attrs.field(factory=dict, converter=_endpoint_table)
    #: A Meta access token (``APP_ID|CLIENT_TOKEN``) for Instagram, Facebook and Threads.
    meta_access_token: str | None = attrs.field(default=None, repr=False)
    #: Language asked of the Twitter syndication endpoint.
    lang: str = "en"

    def __attrs_post_init__(self) -> None:
        check_number("concurrency", self.concurrency, integer=True)
        if self.per_host is not None:
            check_number("per_host", self.per_host, integer=True)
        if self.min_interval is not None:
            check_number("min_interval", self.min_interval, zero=True)
        check_number("timeout", self.timeout)
        check_number("deadline", self.deadline)
        check_number("max_body_bytes", self.max_body_bytes, integer=True)
        check_number("retries", self.retries, integer=True, zero=True)
        check_number("backoff", self.backoff, zero=True)
        check_number("max_retry_after", self.max_retry_after, zero=True)
        if not isinstance(self.user_agent, str) or not self.user_agent.strip():
            raise InvalidOptionError("user_agent must be a non-empty string", option="user_agent")
        if self.meta_access_token is not None and (
            not isinstance(self.meta_access_token, str) or not self.meta_access_token.strip()
        ):
            raise InvalidOptionError(
                "meta_access_token must be a non-empty string or None", option="meta_access_token"
            )
        try:
            AddressPolicy(self.trusted_hosts)
        except (TypeError, ValueError) as exc:
            raise InvalidOptionError(str(exc), option="trusted_hosts") from exc


class HydratorOptions(TypedDict, total=False):
    """The keyword options of every hydrator, as :class:`HydratorSettings` documents them."""

    concurrency: int
    per_host: int | None
    min_interval: float | None
    timeout: float
    deadline: float
    max_body_bytes: int
    retries: int
    backoff: float
    max_retry_after: float
    user_agent: str
    trusted_hosts: Iterable[str]
    endpoints: Mapping[str, str]
    meta_access_token: str | None
    lang: str
