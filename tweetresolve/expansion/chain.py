"""Following one URL's chain of redirects, hop by hop, within its deadline.

:class:`ChainFollower` does the work for one input URL: offline rewrites, the
address policy's check of literal hosts, one request per step (with retries and
backoff), and finding the next URL in a ``Location``, a ``Refresh`` header or
the body.  It records a :class:`~tweetresolve.records.Hop` per step and returns
one :class:`~tweetresolve.records.Expansion`; failures are values.  Scheduling,
de-duplication and caching are the engine's business
(:mod:`tweetresolve.expansion.engine`).
"""

from __future__ import annotations

import asyncio
import logging
import random
import sys
import time
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import anyio
import attrs
import httpx

from tweetresolve.expansion import offline, redirects
from tweetresolve.expansion.canonical import host_matches, normalize_url
from tweetresolve.expansion.codes import RETRYABLE_CODES, ErrorCode, code_for_exception
from tweetresolve.expansion.cookies import ChainCookies
from tweetresolve.expansion.guard import AddressPolicy, BlockedAddressError
from tweetresolve.expansion.inputs import carry_fragment, check_url, with_scheme
from tweetresolve.expansion.policy import is_shortener, user_agent_for
from tweetresolve.expansion.responses import Fetched, drain, is_html, read_html, retry_after
from tweetresolve.expansion.settings import ExpanderSettings
from tweetresolve.expansion.slots import HostSlots
from tweetresolve.records import Expansion, Hop

__all__ = ["ChainFollower"]

logger = logging.getLogger(__name__)

_DEFAULT_PORTS = {"http": 80, "https": 443}
# Statuses worth another attempt after a pause.
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@attrs.define
class Chain:
    """The state of one chain, kept outside the deadline so a timeout can report it."""

    url: str
    current: str
    hops: list[Hop] = attrs.field(factory=list)
    started: float = attrs.field(factory=time.monotonic)

    def result(
        self,
        *,
        ok: bool,
        error: ErrorCode | None = None,
        status: int | None = None,
        final_url: str | None = None,
        detail: str | None = None,
    ) -> Expansion:
        if status is None and not ok:
            # The chain stopped before (or without) a response for its current
            # URL: a loop, a refused or invalid redirect, a failed request.  The
            # last response received is still the one the chain ended on.
            status = next((hop.status for hop in reversed(self.hops) if hop.status), None)
        return Expansion(
            url=self.url,
            final_url=final_url if final_url is not None else self.current,
            hops=tuple(self.hops),
            ok=ok,
            error=error,
            status=status,
            detail=detail,
        )


class ChainFollower:
    """Follow chains with one client, one address policy and shared per-host slots."""

    def __init__(
        self,
        settings: ExpanderSettings,
        *,
        policy: AddressPolicy,
        hosts: HostSlots,
        client: httpx.AsyncClient,
        sender: Callable[[httpx.Request], Awaitable[httpx.Response]],
    ) -> None:
        self.settings = settings
        self._policy = policy
        self._hosts = hosts
        self._client = client
        self._sender = sender

    async def run(self, url: str) -> Expansion:
        chain = Chain(url=url, current=with_scheme(url.strip()))
        deadline = self.settings.deadline
        try:
            if sys.version_info >= (3, 11):
                # asyncio.timeout, not wait_for: before Python 3.12, wait_for
                # drops a cancellation that arrives as the chain completes, and
                # a worker that missed its cancellation outlives its pool.
                async with asyncio.timeout(deadline):
                    return await self._follow(chain)
            # Python 3.10 has no asyncio.timeout; anyio's cancel scope (httpx's own
            # dependency) keeps every cancellation, where wait_for may drop one and
            # leave a worker running after its pool (or asyncio.run) has cancelled it.
            with anyio.fail_after(deadline):
                return await self._follow(chain)
        except (asyncio.TimeoutError, TimeoutError):
            return chain.result(ok=False, error="timeout", detail=f"deadline of {deadline}s passed")

    async def _follow(self, chain: Chain) -> Expansion:
        settings = self.settings
        cookies = ChainCookies()
        # One small entry per hop: the URL and a digest of the chain's cookies.
        seen: set[tuple[str, str]] = set()
        followed = 0
        # Whether the last request went to a host a trusted entry covers (the input
        # URL counts as trusted): a port opened by a trusted entry is refused to a
        # redirect from anywhere else.
        from_trusted = True
        while True:
            url = chain.current
            state = (normalize_url(url), cookies.digest())
            if state in seen:
                return chain.result(ok=False, error="redirect_loop", detail=f"{url} seen twice")
            seen.add(state)

            # Steps that need no request: a wrapper holding its target, or a known
            # warning page whose URL already names the target.
            step: tuple[str, str] | None = None
            target = offline.destination(url)
            if target is not None:
                step = (target, "offline")
            else:
                target = redirects.url_interstitial_target(url)
                if target is not None:
                    step = (target, "interstitial")
            if step is not None:
                if followed >= settings.max_redirects:
                    return chain.result(ok=False, error="too_many_redirects")
                followed += 1
                chain.hops.append(Hop(url=url, status=None, via=step[1]))
                chain.current = step[0]
                host = urlsplit(step[0]).hostname or ""
                if (
                    step[1] == "offline"
                    and not is_shortener(host)
                    and offline.destination(step[0]) is None
                ):
                    # The URL held the destination: no request at all.
                    return chain.result(ok=True)
                continue

            problem = check_url(url)
            if problem is not None:
                code: ErrorCode = "invalid_url" if not chain.hops else "invalid_redirect"
                return chain.result(ok=False, error=code, detail=f"the URL {problem[1]}")
            parts = urlsplit(url)
            host = parts.hostname or ""
            try:
                port = (
                    parts.port if parts.port is not None else _DEFAULT_PORTS[parts.scheme.lower()]
                )
                self._policy.check_port(host, port, from_untrusted=not from_trusted)
                self._policy.check_url_host(host, port)
                from_trusted = self._policy.is_trusted_host(host)
                fetched = await self._fetch(url, cookies, chain)
            except httpx.HTTPError as exc:
                code = code_for_exception(exc)
                return chain.result(ok=False, error=code, detail=f"{type(exc).__name__}: {exc}")
            except httpx.InvalidURL as exc:
                # What urlsplit accepts but httpx does not (an octal IPv4 host, a
                # port out of range): nothing was sent.
                code = "invalid_url" if not chain.hops else "invalid_redirect"
                return chain.result(ok=False, error=code, detail=f"the URL is invalid: {exc}")

            status = fetched.status
            location = fetched.headers.get("location")
            if (
                status in redirects.REDIRECT_STATUSES
                and location is not None
                and redirects.location_target(url, location) is None
            ):
                # A redirect that names no usable target: empty, or longer than
                # any URL we would request.
                chain.hops.append(Hop(url=url, status=status, via="location"))
                return chain.result(
                    ok=False,
                    error="invalid_redirect",
                    status=status,
                    final_url=url,
                    detail=f"Location is empty or longer than {redirects.MAX_TARGET_LENGTH}",
                )
            found = self._next_step(url, fetched)
            if found is not None:
                target, via = found
                logger.debug("%s -> %s (%s %s)", url, target, status, via)
                chain.hops.append(Hop(url=url, status=status, via=via))
                if followed >= settings.max_redirects:
                    return chain.result(
                        ok=False, error="too_many_redirects", status=status, final_url=url
                    )
                followed += 1
                scheme = urlsplit(target).scheme.lower()
                if scheme not in ("http", "https"):
                    return chain.result(
                        ok=False,
                        error="unsupported_scheme",
                        status=status,
                        final_url=target,
                        detail=f"redirect to a {scheme or 'relative'}: URL",
                    )
                if not (urlsplit(target).hostname or "").isascii():
                    # Hosts are reported in their ASCII (IDNA) form: a look-alike
                    # Unicode name must not pass for the real one.
                    target = normalize_url(target)
                chain.current = carry_fragment(url, target)
                continue

            chain.hops.append(Hop(url=url, status=status, via=None))
            host = urlsplit(url).hostname or ""
            if not 200 <= status < 300:
                return chain.result(ok=False, error="http_status", status=status)
            if fetched.truncated and is_shortener(host):
                return chain.result(
                    ok=False,
                    error="body_too_large",
                    status=status,
                    detail=f"no redirect within the first {settings.max_body_bytes} bytes",
                )
            return chain.result(ok=True, status=status)

    def _next_step(self, url: str, fetched: Fetched) -> tuple[str, str] | None:
        headers = fetched.headers
        if fetched.status in redirects.REDIRECT_STATUSES and "location" in headers:
            target = redirects.location_target(url, headers["location"])
            return (target, "location") if target else None
        found: tuple[str, str] | None = None
        target = redirects.refresh_target(url, headers.get("refresh"))
        if target:
            found = (target, "refresh")
        elif fetched.body:
            found = redirects.body_target(url, fetched.body)
        if found is not None and normalize_url(found[0]) == normalize_url(url.partition("#")[0]):
            # A page that refreshes or reloads itself is a destination, not a loop.
            return None
        return found

    async def _fetch(self, url: str, cookies: ChainCookies, chain: Chain) -> Fetched:
        """One step, with retries for 5xx/429 and transient network failures."""
        settings = self.settings
        host = urlsplit(url).hostname or ""
        method = settings.method
        attempt = 0
        while True:
            try:
                async with self._hosts.hold(host):
                    fetched = await self._request(method, url, host, cookies)
            except BlockedAddressError:
                raise
            except httpx.HTTPError as exc:
                if code_for_exception(exc) not in RETRYABLE_CODES or attempt >= settings.retries:
                    raise
                await self._pause(chain, self._backoff(attempt), reraise=exc)
                attempt += 1
                continue
            if method == "HEAD" and (
                fetched.status in (405, 501)
                or (
                    200 <= fetched.status < 300
                    and is_shortener(host)
                    and is_html(fetched.headers)
                    and "refresh" not in fetched.headers
                )
            ):
                # HEAD refused, or a shortener answering HEAD with a page whose
                # redirect is in the body: ask again the ordinary way.
                method = "GET"
                continue
            if fetched.status in _RETRY_STATUSES and attempt < settings.retries:
                wait = retry_after(fetched.headers)
                if wait is None:
                    wait = self._backoff(attempt)
                elif wait > settings.max_retry_after:
                    return fetched
                if not await self._pause(chain, wait):
                    return fetched
                attempt += 1
                continue
            return fetched

    def _backoff(self, attempt: int) -> float:
        return float(self.settings.backoff * (2**attempt) * random.uniform(0.5, 1.0))

    async def _pause(
        self, chain: Chain, seconds: float, *, reraise: Exception | None = None
    ) -> bool:
        """Sleep before a retry if the deadline allows it; else give up."""
        remaining = self.settings.deadline - (time.monotonic() - chain.started)
        if seconds >= remaining:
            if reraise is not None:
                raise reraise
            return False
        logger.debug("retrying %s in %.2fs", chain.current, seconds)
        await asyncio.sleep(seconds)
        return True

    async def _request(self, method: str, url: str, host: str, cookies: ChainCookies) -> Fetched:
        client = self._client
        settings = self.settings
        agent = user_agent_for(
            host, default=settings.user_agent, overrides=settings.host_user_agents
        )
        # The fragment never goes on the wire; it stays in the chain's URLs.
        request = client.build_request(method, url.partition("#")[0], headers={"User-Agent": agent})
        cookies.set_header(request)
        # Sent through the transport, not client.send(): the client would also
        # build a follow-up request for every 3xx and run auth and event-hook
        # machinery this engine does not use, ~17% of the CPU per request
        # (measured with benchmarks/bench_expand.py).
        response = await self._sender(request)
        response.request = request
        try:
            cookies.extract(response)
            headers = response.headers
            status = response.status_code
            fetched = Fetched(status=status, headers=headers)
            if method == "HEAD":
                return fetched
            is_redirect = status in redirects.REDIRECT_STATUSES and "location" in headers
            if is_redirect or "refresh" in headers or not is_html(headers):
                await drain(response)
                return fetched
            full = is_shortener(host) or host_matches(host, redirects.INTERSTITIAL_HOSTS)
            fetched.body, fetched.truncated = await read_html(
                response, settings.max_body_bytes, read_all=full
            )
            return fetched
        finally:
            await response.aclose()


async def _drain(response: httpx.Response) -> None:
    """Read a short body to its end so the connection can be reused."""
