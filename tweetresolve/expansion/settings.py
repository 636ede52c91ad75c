"""Every tunable of an expander, validated once and shared by the sync and async twins.

>>> ExpanderSettings(retries=1).retries
1
>>> ExpanderSettings(concurrency=0)
Traceback (most recent call last):
    ...
tweetresolve.errors.InvalidOptionError: concurrency must be > 0, got 0
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Mapping
from typing import Final, Literal, TypeAlias, TypedDict

import attrs
import httpx

from tweetresolve.errors import InvalidOptionError
from tweetresolve.expansion.cache import ExpansionCache, SQLiteCache
from tweetresolve.expansion.guard import DEFAULT_ALLOWED_PORTS, AddressPolicy
from tweetresolve.expansion.option_checks import check_number, host_list
from tweetresolve.expansion.policy import DEFAULT_USER_AGENT

__all__ = [
    "DEFAULT_CACHE",
    "CacheOption",
    "DefaultCache",
    "ExpandOptions",
    "ExpanderOptions",
    "ExpanderSettings",
    "make_cache",
]


class DefaultCache(enum.Enum):
    """The type of :data:`DEFAULT_CACHE`: "the library default cache" (in memory)."""

    DEFAULT = "default"

    def __repr__(self) -> str:
        return "DEFAULT_CACHE"


#: Pass as ``cache`` to get the default: an in-memory SQLite cache per expander.
DEFAULT_CACHE: Final = DefaultCache.DEFAULT

#: What the ``cache`` option accepts: :data:`DEFAULT_CACHE`, a path to a SQLite
#: file, an :class:`~tweetresolve.expansion.cache.ExpansionCache`, or None.
CacheOption: TypeAlias = (
    ExpansionCache | str | os.PathLike[str] | Literal[DefaultCache.DEFAULT] | None
)


def _lower_keys(table: Mapping[str, str]) -> Mapping[str, str]:
    if not isinstance(table, Mapping):
        raise InvalidOptionError(
            "host_user_agents must map host names to User-Agent strings",
            option="host_user_agents",
        )
    return {str(host).lower().rstrip("."): agent for host, agent in table.items()}


def _port_list(value: Iterable[int]) -> frozenset[int]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidOptionError(
            "allowed_ports must be a list of port numbers", option="allowed_ports"
        )
    ports = tuple(value)
    for port in ports:
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            raise InvalidOptionError(
                f"allowed_ports entries must be ports 1-65535, got {port!r}",
                option="allowed_ports",
            )
    return frozenset(ports)


@attrs.frozen(kw_only=True)
class ExpanderSettings:
    """Every tunable of an expander, validated once; shared by the sync and async twins."""

    #: URLs expanded at the same time.
    concurrency: int = 64
    #: Requests in flight to one host at the same time.
    per_host: int = 8
    #: Seconds allowed for each connect, read and write.
    timeout: float = 10.0
    #: Seconds allowed for a whole chain, retries and pauses included.
    deadline: float = 30.0
    #: Redirects followed before giving up with ``too_many_redirects``.
    max_redirects: int = 20
    #: Most bytes of an HTML body read (after decompression) to look for a redirect.
    max_body_bytes: int = 256 * 1024
    #: Further attempts after a retryable failure (5xx, 429, timeout, connect).
    retries: int = 2
    #: First backoff pause in seconds; doubles per attempt, with jitter.
    backoff: float = 0.5
    #: Longest ``Retry-After`` honoured, in seconds; a longer one ends the chain.
    max_retry_after: float = 30.0
    #: User-Agent for hosts without a per-host rule.
    user_agent: str = DEFAULT_USER_AGENT
    #: Extra per-host User-Agent rules (host → User-Agent), over the built-in ones.
    host_user_agents: Mapping[str, str] = attrs.field(factory=dict, converter=_lower_keys)
    #: ``GET`` (default), or ``HEAD`` with a fallback to GET where HEAD is refused.
    method: Literal["GET", "HEAD"] = "GET"
    #: Hosts and networks exempt from the address policy.
    trusted_hosts: tuple[str, ...] = attrs.field(default=(), converter=host_list)
    #: Ports connected to (80, 443, 8080 and 8443 by default); a trusted entry can
    #: open one more port on its host (``"127.0.0.1:8765"``).
    allowed_ports: frozenset[int] = attrs.field(default=DEFAULT_ALLOWED_PORTS, converter=_port_list)

    def __attrs_post_init__(self) -> None:
        check_number("concurrency", self.concurrency, integer=True)
        check_number("per_host", self.per_host, integer=True)
        check_number("timeout", self.timeout)
        check_number("deadline", self.deadline)
        check_number("max_redirects", self.max_redirects, integer=True, zero=True)
        check_number("max_body_bytes", self.max_body_bytes, integer=True)
        check_number("retries", self.retries, integer=True, zero=True)
        check_number("backoff", self.backoff, zero=True)
        check_number("max_retry_after", self.max_retry_after, zero=True)
        if not isinstance(self.user_agent, str) or not self.user_agent.strip():
            raise InvalidOptionError("user_agent must be a non-empty string", option="user_agent")
        if self.method not in ("GET", "HEAD"):
            raise InvalidOptionError(
                f"method must be 'GET' or 'HEAD', got {self.method!r}", option="method"
            )
        try:
            AddressPolicy(self.trusted_hosts, allowed_ports=self.allowed_ports)
        except (TypeError, ValueError) as exc:
            raise InvalidOptionError(str(exc), option="trusted_hosts") from exc


class ExpanderOptions(TypedDict, total=False):
    """The keyword options of every expander, as :class:`ExpanderSettings` documents them."""

    concurrency: int
    per_host: int
    timeout: float
    deadline: float
    max_redirects: int
    max_body_bytes: int
    retries: int
    backoff: float
    max_retry_after: float
    user_agent: str
    host_user_agents: Mapping[str, str]
    method: Literal["GET", "HEAD"]
    trusted_hosts: Iterable[str]
    allowed_ports: Iterable[int]


class ExpandOptions(ExpanderOptions, total=False):
    """:class:`ExpanderOptions` plus ``cache`` and ``transport``, for the one-call functions."""

    cache: CacheOption
    transport: httpx.AsyncBaseTransport | None


def make_cache(cache: CacheOption) -> tuple[ExpansionCache | None, bool]:
    """Return the cache a ``cache`` option names, and whether the expander owns it."""
    if cache is None:
        return None, False
    if cache is DefaultCache.DEFAULT:
        return SQLiteCache(), True
    if isinstance(cache, (str, os.PathLike)):
        # Opened at once: a file that is not a cache fails here, with a
        # CacheError, rather than in every expand().
        store = SQLiteCache(cache)
        store.open()
        return store, True
    if isinstance(cache, ExpansionCache):
        return cache, False
    raise InvalidOptionError(
        f"cache must be a path, a cache object or None, got {type(cache).__name__}",
        option="cache",
    )
