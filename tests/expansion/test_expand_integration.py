"""Integration tests against a real HTTP server on 127.0.0.1 (and nowhere else)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from expand_server import running_server

from tweetresolve.expansion import AsyncExpander, Expander, GuardedTransport
from tweetresolve.expansion.policy import BROWSER_USER_AGENT
from tweetresolve.expansion.transport import NameResolutionError
from tweetresolve.records import Expansion

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def server() -> Iterator[Any]:
    with running_server() as running:
        yield running


@pytest.fixture
def base(server: Any) -> str:
    return f"http://127.0.0.1:{server.server_port}"


def expand_local(url: str, **options: Any) -> Expansion:
    # The server listens on a random high port: trust that port on 127.0.0.1.
    options.setdefault("trusted_hosts", [f"127.0.0.1:{urlsplit(url).port}"])
    options.setdefault("timeout", 2)
    options.setdefault("deadline", 10)
    options.setdefault("backoff", 0.01)
    options.setdefault("cache", None)
    with Expander(**options) as expander:
        return expander.expand(url)


def vias(result: Expansion) -> list[str | None]:
    return [hop.via for hop in result.hops]


def test_chain(base: str) -> None:
    """A chain of redirects is followed to the end."""
    result = expand_local(f"{base}/chain/5")
    assert result.ok
    assert result.final_url == f"{base}/final"
    assert vias(result) == ["location"] * 6 + [None]


def test_relative_location(base: str) -> None:
    """'../final' is resolved against the redirecting URL."""
    result = expand_local(f"{base}/relative")
    assert result.final_url == f"{base}/final"


def test_tco_style_page_by_user_agent(base: str) -> None:
    """The same URL answers a browser with a page and anyone else with a 301."""
    plain = expand_local(f"{base}/tco")
    browser = expand_local(f"{base}/tco", host_user_agents={"127.0.0.1": BROWSER_USER_AGENT})
    assert plain.final_url == browser.final_url == f"{base}/final"
    assert (plain.hops[0].status, plain.hops[0].via) == (301, "location")
    assert (browser.hops[0].status, browser.hops[0].via) == (200, "meta_refresh")


def test_head_405_falls_back_to_get(base: str) -> None:
    """A server refusing HEAD is asked again with GET."""
    result = expand_local(f"{base}/head405", method="HEAD")
    assert result.ok
    assert result.final_url == f"{base}/final"


def test_meta_refresh_and_refresh_header(base: str) -> None:
    """Both declarative refresh forms are followed."""
    assert vias(expand_local(f"{base}/meta"))[0] == "meta_refresh"
    assert vias(expand_local(f"{base}/refresh"))[0] == "refresh"


def test_interstitial_under_its_own_name(base: str, server: Any) -> None:
    """lnkd.in's leaving page, served locally under that name via a fake resolver."""

    async def local_only(host: str, port: int) -> list[str]:
        if host != "lnkd.in":
            raise NameResolutionError(f"{host} is not served here", host=host)
        return ["127.0.0.1"]

    port = server.server_port
    transport = GuardedTransport(trusted_hosts=["lnkd.in"], resolver=local_only)
    result = expand_local(
        f"http://lnkd.in:{port}/external", transport=transport, trusted_hosts=[f"lnkd.in:{port}"]
    )
    assert result.ok
    assert vias(result) == ["interstitial", None]
    assert result.final_url == f"http://lnkd.in:{port}/final"


def test_loop(base: str) -> None:
    """Two URLs redirecting to each other are a loop."""
    assert expand_local(f"{base}/loop/a").error == "redirect_loop"


def test_forty_hops(base: str) -> None:
    """40 hops exceed the default limit, and pass with a higher one."""
    assert expand_local(f"{base}/chain/40").error == "too_many_redirects"
    assert expand_local(f"{base}/chain/40", max_redirects=50).ok


@pytest.mark.parametrize("status", [404, 410])
def test_gone(base: str, status: int) -> None:
    """A final 404/410 is http_status with the status."""
    result = expand_local(f"{base}/status/{status}", retries=0)
    assert (result.ok, result.error, result.status) == (False, "http_status", status)


def test_503_then_success(base: str, server: Any) -> None:
    """A 503 is retried and the second answer wins."""
    result = expand_local(f"{base}/flaky/one")
    assert result.ok
    assert server.hits.count("/flaky/one") == 2


def test_429_with_retry_after(base: str, server: Any) -> None:
    """A 429 with Retry-After: 1 is waited for and retried."""
    result = expand_local(f"{base}/ratelimit/one")
    assert result.ok
    assert server.hits.count("/ratelimit/one") == 2


def test_server_that_never_answers(base: str) -> None:
    """A silent server ends as a timeout."""
    result = expand_local(f"{base}/hang", timeout=0.3, retries=0)
    assert (result.ok, result.error) == (False, "timeout")


def test_endless_body_is_read_bounded(base: str) -> None:
    """An endless HTML body is read only as far as needed."""
    result = expand_local(f"{base}/endless", max_body_bytes=64 * 1024)
    assert result.ok
    assert result.final_url == f"{base}/endless"


def test_hostname_resolving_to_loopback_is_refused_unless_trusted(server: Any) -> None:
    """'localhost' is loopback: refused by default, allowed when trusted by name."""
    url = f"http://localhost:{server.server_port}/final"
    port = server.server_port
    refused = expand_local(url, trusted_hosts=[], allowed_ports=[port])
    assert (refused.ok, refused.error) == (False, "blocked_address")
    assert expand_local(url, trusted_hosts=[f"localhost:{port}"]).ok


def test_fake_name_resolving_to_loopback(server: Any) -> None:
    """A name mapped to 127.0.0.1 by the resolver is refused unless trusted."""

    async def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    url = f"http://short.test:{server.server_port}/final"
    refused = expand_local(
        url,
        trusted_hosts=[],
        allowed_ports=[server.server_port],
        transport=GuardedTransport(resolver=resolver),
    )
    assert refused.error == "blocked_address"
    assert refused.detail is not None
    assert "127.0.0.1" in refused.detail
    allowed = expand_local(
        url,
        trusted_hosts=[f"short.test:{server.server_port}"],
        transport=GuardedTransport(trusted_hosts=["short.test"], resolver=resolver),
    )
    assert allowed.ok


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.2:{port}/final",  # another loopback address, not trusted
        "http://[::1]:{port}/final",  # IPv6 loopback
        "http://2130706434:{port}/final",  # 127.0.0.2 in decimal
    ],
)
def test_trusted_server_redirecting_to_untrusted_loopback(
    base: str, server: Any, target: str
) -> None:
    """Trusting 127.0.0.1 does not extend to where it redirects."""
    location = target.format(port=server.server_port)
    # The port is allowed for every host, so only the address policy can refuse.
    result = expand_local(
        f"{base}/to?url={location}",
        trusted_hosts=["127.0.0.1"],
        allowed_ports=[server.server_port],
    )
    assert (result.ok, result.error) == (False, "blocked_address")
    assert result.final_url == location


def test_cookies_stay_inside_one_chain(base: str) -> None:
    """A cookie set during a chain is sent on within it, and never to another URL."""
    trusted = [f"127.0.0.1:{urlsplit(base).port}"]
    with Expander(trusted_hosts=trusted, cache=None, retries=0) as expander:
        assert expander.expand(f"{base}/cookie/set").ok
        assert expander.expand(f"{base}/cookie/check").status == 400


def test_many_urls_concurrently(base: str) -> None:
    """A batch over a real server returns one result per input, in order."""
    urls = [f"{base}/chain/{n % 4}" for n in range(60)] + [f"{base}/status/404"]

    async def main() -> list[Expansion]:
        async with AsyncExpander(
            trusted_hosts=[f"127.0.0.1:{urlsplit(base).port}"],
            concurrency=16,
            per_host=16,
            retries=0,
        ) as expander:
            return await expander.expand_many(urls)

    results = asyncio.run(main())
    assert [r.url for r in results] == urls
    assert all(r.ok for r in results[:-1])
    assert results[-1].status == 404
