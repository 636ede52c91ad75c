"""Unit tests of the expansion engine, with every HTTP exchange mocked by pytest-httpx."""

from __future__ import annotations

import asyncio
import gzip
import ssl
from collections.abc import AsyncIterator, Coroutine, Iterator
from typing import Any, TypeVar

import httpx
import pytest
from pytest_httpx import HTTPXMock

from tweetresolve.errors import ExpanderClosedError, InvalidOptionError
from tweetresolve.expansion import (
    ERROR_CODES,
    AsyncExpander,
    Expander,
    SQLiteCache,
    expand,
    expand_many,
)
from tweetresolve.expansion.policy import BROWSER_USER_AGENT, DEFAULT_USER_AGENT
from tweetresolve.expansion.responses import retry_after as _retry_after
from tweetresolve.records import Expansion

T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coroutine)


def mocked(**options: Any) -> AsyncExpander:
    """An engine whose requests go through httpx's transport, which pytest-httpx mocks."""
    options.setdefault("backoff", 0)
    return AsyncExpander(transport=httpx.AsyncHTTPTransport(), **options)


async def one(url: str, **options: Any) -> Expansion:
    async with mocked(**options) as expander:
        return await expander.expand(url)


def hops(expansion: Expansion) -> list[tuple[str, int | None, str | None]]:
    return [(hop.url, hop.status, hop.via) for hop in expansion.hops]


# -- redirects -----------------------------------------------------------------------


def test_location_chain_records_every_hop(httpx_mock: HTTPXMock) -> None:
    """Absolute Location headers are followed hop by hop, each recorded."""
    httpx_mock.add_response(
        url="https://t.co/AbC", status_code=301, headers={"Location": "https://bit.ly/x1"}
    )
    httpx_mock.add_response(
        url="https://bit.ly/x1", status_code=301, headers={"Location": "https://example.com/a"}
    )
    httpx_mock.add_response(url="https://example.com/a", html="<html>article</html>")
    result = run(one("https://t.co/AbC"))
    assert result.ok
    assert result.error is None
    assert result.status == 200
    assert result.final_url == "https://example.com/a"
    assert hops(result) == [
        ("https://t.co/AbC", 301, "location"),
        ("https://bit.ly/x1", 301, "location"),
        ("https://example.com/a", 200, None),
    ]


def test_relative_location(httpx_mock: HTTPXMock) -> None:
    """A relative Location is resolved against the URL that sent it."""
    httpx_mock.add_response(
        url="https://short.example/a/b", status_code=302, headers={"Location": "../c?d=1"}
    )
    httpx_mock.add_response(url="https://short.example/c?d=1", html="<p>ok</p>")
    result = run(one("https://short.example/a/b"))
    assert result.final_url == "https://short.example/c?d=1"


def test_refresh_header(httpx_mock: HTTPXMock) -> None:
    """A Refresh response header is a redirect."""
    httpx_mock.add_response(
        url="https://short.example/r", headers={"Refresh": "0; url=https://example.com/"}
    )
    httpx_mock.add_response(url="https://example.com/", html="<p>ok</p>")
    result = run(one("https://short.example/r"))
    assert hops(result)[0] == ("https://short.example/r", 200, "refresh")
    assert result.final_url == "https://example.com/"


@pytest.mark.parametrize(
    ("page", "via"),
    [
        # meta refresh, upper-case attribute and URL= prefix
        (
            '<head><META HTTP-EQUIV="Refresh" CONTENT="0;URL=https://example.com/m"></head>',
            "meta_refresh",
        ),
        # meta refresh with a quoted URL and a delay
        ("<meta http-equiv=refresh content=\"3; url='https://example.com/m'\">", "meta_refresh"),
        # t.co's page for browsers: escaped slashes inside location.replace
        (
            "<script>window.opener = null;"
            ' location.replace("https:\\/\\/example.com\\/m")</script>',
            "script",
        ),
        # location.href assignment
        ("<script>location.href = 'https://example.com/m';</script>", "script"),
        # window.location assignment with a unicode escape
        ('<script>window.location="https://example.com\\u002Fm"</script>', "script"),
    ],
)
def test_body_redirects(httpx_mock: HTTPXMock, page: str, via: str) -> None:
    """Meta refresh and script redirects in an HTML page are followed."""
    httpx_mock.add_response(url="https://short.example/p", html=page)
    httpx_mock.add_response(url="https://example.com/m", html="<p>ok</p>")
    result = run(one("https://short.example/p"))
    assert hops(result)[0] == ("https://short.example/p", 200, via)
    assert result.final_url == "https://example.com/m"
    assert result.ok


@pytest.mark.parametrize(
    "page",
    [
        # reloads itself now and then, as news front pages do
        '<meta http-equiv="refresh" content="300; url=https://news.example/">',
        # refreshes to its own URL at once
        '<meta http-equiv="refresh" content="0; url=/">',
    ],
)
def test_self_refreshing_page_is_a_destination(httpx_mock: HTTPXMock, page: str) -> None:
    """A page refreshing to itself, or only after minutes, is where the chain ends."""
    httpx_mock.add_response(url="https://news.example/", html=page)
    result = run(one("https://news.example/"))
    assert (result.ok, result.final_url) == (True, "https://news.example/")
    assert hops(result) == [("https://news.example/", 200, None)]


def test_script_inside_text_is_not_a_redirect(httpx_mock: HTTPXMock) -> None:
    """Words that look like a script redirect in the page text are ignored."""
    httpx_mock.add_response(
        url="https://example.com/doc",
        html="<p>call location.replace('https://evil.example/') to move</p>",
    )
    result = run(one("https://example.com/doc"))
    assert result.final_url == "https://example.com/doc"
    assert result.ok


def test_linkedin_interstitial(httpx_mock: HTTPXMock) -> None:
    """lnkd.in's external-link page is read for its target."""
    page = (
        "<html><body><h1>This link will take you to a page that is not here</h1>"
        '<a class="btn" href="https://example.com/post" '
        'data-tracking-control-name="external_url_click">Continue</a></body></html>'
    )
    httpx_mock.add_response(url="https://lnkd.in/eAbC", html=page)
    httpx_mock.add_response(url="https://example.com/post", html="<p>ok</p>")
    result = run(one("https://lnkd.in/eAbC"))
    assert hops(result)[0] == ("https://lnkd.in/eAbC", 200, "interstitial")
    assert result.final_url == "https://example.com/post"


def test_bitly_warning_page_is_not_fetched(httpx_mock: HTTPXMock) -> None:
    """bit.ly's warning URL names its target; the warning page itself is skipped."""
    warning = "https://bit.ly/a/warning?hash=x1&url=https%3A%2F%2Fexample.com%2Fflagged"
    httpx_mock.add_response(url="https://bit.ly/x1", status_code=302, headers={"Location": warning})
    httpx_mock.add_response(url="https://example.com/flagged", html="<p>ok</p>")
    result = run(one("https://bit.ly/x1"))
    assert hops(result) == [
        ("https://bit.ly/x1", 302, "location"),
        (warning, None, "interstitial"),
        ("https://example.com/flagged", 200, None),
    ]


def test_tinyurl_preview_page(httpx_mock: HTTPXMock) -> None:
    """TinyURL's preview page links its target from #redirecturl."""
    page = '<html><body><a id="redirecturl" href="https://example.com/t">go</a></body></html>'
    httpx_mock.add_response(url="https://tinyurl.com/preview.php?num=abc", html=page)
    httpx_mock.add_response(url="https://example.com/t", html="<p>ok</p>")
    result = run(one("https://tinyurl.com/preview.php?num=abc"))
    assert result.final_url == "https://example.com/t"


def test_unicode_redirect_host_is_reported_in_ascii(httpx_mock: HTTPXMock) -> None:
    """A Location with a Unicode host continues under its IDNA name."""
    httpx_mock.add_response(
        url="https://short.example/u",
        status_code=301,
        headers=[(b"Location", "https://bücher.example/a".encode())],
    )
    httpx_mock.add_response(url="https://xn--bcher-kva.example/a", html="<p>ok</p>")
    result = run(one("https://short.example/u"))
    assert result.final_url == "https://xn--bcher-kva.example/a"


def test_fragment_is_carried_over(httpx_mock: HTTPXMock) -> None:
    """A Location without a fragment inherits the fragment of the request."""
    httpx_mock.add_response(
        url="https://short.example/f", status_code=301, headers={"Location": "https://example.com/"}
    )
    httpx_mock.add_response(url="https://example.com/", html="<p>ok</p>")
    result = run(one("https://short.example/f#part"))
    assert result.final_url == "https://example.com/#part"


# -- user agents and methods ---------------------------------------------------------


def test_user_agent_policy_per_host(httpx_mock: HTTPXMock) -> None:
    """t.co hears the plain name, fb.me a browser's, others the configured default."""
    httpx_mock.add_response(url="https://t.co/a", html="<p>a</p>")
    httpx_mock.add_response(url="https://fb.me/b", html="<p>b</p>")
    httpx_mock.add_response(url="https://example.com/c", html="<p>c</p>")
    httpx_mock.add_response(url="https://custom.example/d", html="<p>d</p>")

    async def main() -> None:
        async with mocked(
            user_agent="Research-Bot/2.0", host_user_agents={"custom.example": "Special/1"}
        ) as expander:
            for url in (
                "https://t.co/a",
                "https://fb.me/b",
                "https://example.com/c",
                "https://custom.example/d",
            ):
                await expander.expand(url)

    run(main())
    agents = [request.headers["User-Agent"] for request in httpx_mock.get_requests()]
    assert agents == [DEFAULT_USER_AGENT, BROWSER_USER_AGENT, "Research-Bot/2.0", "Special/1"]


def test_default_request_headers(httpx_mock: HTTPXMock) -> None:
    """Requests ask for uncompressed bodies and carry no cookies by default."""
    httpx_mock.add_response(url="https://example.com/", html="<p>ok</p>")
    run(one("https://example.com/"))
    request = httpx_mock.get_requests()[0]
    assert request.method == "GET"
    assert request.headers["Accept-Encoding"] == "identity"
    assert "Cookie" not in request.headers


def test_head_option_falls_back_to_get_on_405(httpx_mock: HTTPXMock) -> None:
    """With method='HEAD', a 405 answer is asked again with GET."""
    httpx_mock.add_response(url="https://short.example/h", method="HEAD", status_code=405)
    httpx_mock.add_response(
        url="https://short.example/h",
        method="GET",
        status_code=301,
        headers={"Location": "https://example.com/"},
    )
    httpx_mock.add_response(url="https://example.com/", method="HEAD")
    result = run(one("https://short.example/h", method="HEAD"))
    assert result.ok
    assert [r.method for r in httpx_mock.get_requests()] == ["HEAD", "GET", "HEAD"]


def test_head_on_a_shortener_page_asks_again_with_get(httpx_mock: HTTPXMock) -> None:
    """A shortener answering HEAD with a 200 page is asked again with GET for the body."""
    httpx_mock.add_response(url="https://t.co/p", method="HEAD", html="")
    httpx_mock.add_response(
        url="https://t.co/p",
        method="GET",
        html='<meta http-equiv="refresh" content="0;url=https://example.com/">',
    )
    httpx_mock.add_response(url="https://example.com/", method="HEAD")
    result = run(one("https://t.co/p", method="HEAD"))
    assert result.final_url == "https://example.com/"
    assert [r.method for r in httpx_mock.get_requests()] == ["HEAD", "GET", "HEAD"]


# -- bodies --------------------------------------------------------------------------


def test_shortener_page_without_target_within_cap_is_body_too_large(httpx_mock: HTTPXMock) -> None:
    """A shortener's page that shows no target within max_body_bytes is an error."""
    httpx_mock.add_response(url="https://bit.ly/big", html="<p>" + "x" * 50_000 + "</p>")
    result = run(one("https://bit.ly/big", max_body_bytes=10_000))
    assert result.error == "body_too_large"
    assert not result.ok


def test_ordinary_long_page_is_final(httpx_mock: HTTPXMock) -> None:
    """A long ordinary page is a destination, read only as far as needed."""
    httpx_mock.add_response(
        url="https://example.com/long", html="<head></head><p>" + "x" * 50_000 + "</p>"
    )
    result = run(one("https://example.com/long", max_body_bytes=10_000))
    assert result.ok
    assert result.final_url == "https://example.com/long"


def test_gzip_bomb_is_decoded_under_the_cap(httpx_mock: HTTPXMock) -> None:
    """A small gzip body that inflates hugely is cut at max_body_bytes."""
    bomb = gzip.compress(b"<html><body>" + b"\0" * 20_000_000)
    assert len(bomb) < 100_000
    httpx_mock.add_response(
        url="https://bit.ly/bomb",
        content=bomb,
        headers={"Content-Encoding": "gzip", "Content-Type": "text/html"},
    )
    result = run(one("https://bit.ly/bomb", max_body_bytes=4096))
    assert result.error == "body_too_large"


def test_gzip_page_with_redirect_is_read(httpx_mock: HTTPXMock) -> None:
    """A gzip-encoded page is decoded to find its meta refresh."""
    page = b'<meta http-equiv="refresh" content="0;url=https://example.com/z">'
    httpx_mock.add_response(
        url="https://short.example/z",
        content=gzip.compress(page),
        headers={"Content-Encoding": "gzip", "Content-Type": "text/html"},
    )
    httpx_mock.add_response(url="https://example.com/z", html="<p>ok</p>")
    assert run(one("https://short.example/z")).final_url == "https://example.com/z"


def test_non_html_destination_is_final(httpx_mock: HTTPXMock) -> None:
    """A non-HTML 200 ends the chain without reading the body."""
    httpx_mock.add_response(
        url="https://example.com/img.png",
        content=b"\x89PNG" * 10,
        headers={"Content-Type": "image/png"},
    )
    result = run(one("https://example.com/img.png"))
    assert result.ok
    assert result.status == 200


# -- failures ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [404, 410, 500, 403])
def test_final_error_status(httpx_mock: HTTPXMock, status: int) -> None:
    """A chain ending on a non-2xx status is http_status, with the status and URL kept."""
    httpx_mock.add_response(
        url="https://t.co/s", status_code=301, headers={"Location": "https://example.com/gone"}
    )
    httpx_mock.add_response(url="https://example.com/gone", status_code=status)
    result = run(one("https://t.co/s", retries=0))
    assert (result.ok, result.error, result.status) == (False, "http_status", status)
    assert result.final_url == "https://example.com/gone"


def test_503_then_success_is_retried(httpx_mock: HTTPXMock) -> None:
    """A 5xx answer is retried with backoff."""
    httpx_mock.add_response(url="https://example.com/busy", status_code=503)
    httpx_mock.add_response(url="https://example.com/busy", html="<p>ok</p>")
    result = run(one("https://example.com/busy", retries=1))
    assert result.ok
    assert len(httpx_mock.get_requests()) == 2


def test_retries_zero_reports_the_status(httpx_mock: HTTPXMock) -> None:
    """Without retries a 503 is reported as it is."""
    httpx_mock.add_response(url="https://example.com/busy", status_code=503)
    result = run(one("https://example.com/busy", retries=0))
    assert (result.error, result.status) == ("http_status", 503)


def test_429_honours_retry_after(httpx_mock: HTTPXMock) -> None:
    """A 429 with a short Retry-After is retried."""
    httpx_mock.add_response(
        url="https://example.com/rl", status_code=429, headers={"Retry-After": "0"}
    )
    httpx_mock.add_response(url="https://example.com/rl", html="<p>ok</p>")
    assert run(one("https://example.com/rl")).ok


def test_429_with_long_retry_after_is_not_waited_for(httpx_mock: HTTPXMock) -> None:
    """A Retry-After beyond max_retry_after ends the chain at once."""
    httpx_mock.add_response(
        url="https://example.com/rl", status_code=429, headers={"Retry-After": "3600"}
    )
    result = run(one("https://example.com/rl", max_retry_after=5))
    assert (result.error, result.status) == ("http_status", 429)
    assert len(httpx_mock.get_requests()) == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7", 7.0),  # delta-seconds
        ("", None),  # absent
        ("soon", None),  # garbage
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # a date in the past
    ],
)
def test_retry_after_parsing(value: str, expected: float | None) -> None:
    """Retry-After is read as seconds or as an HTTP date."""
    assert _retry_after(httpx.Headers({"Retry-After": value})) == expected


@pytest.mark.parametrize(
    ("exception", "code"),
    [
        (httpx.ReadTimeout("slow"), "timeout"),
        (httpx.ConnectTimeout("slow"), "timeout"),
        (httpx.ConnectError("refused"), "connect"),
        (httpx.RemoteProtocolError("garbage"), "protocol"),
        (httpx.ReadError("reset"), "network"),
    ],
)
def test_transport_errors_become_codes(
    httpx_mock: HTTPXMock, exception: Exception, code: str
) -> None:
    """Transport exceptions are mapped to error codes, never raised."""
    httpx_mock.add_exception(exception, url="https://example.com/x", is_reusable=True)
    result = run(one("https://example.com/x", retries=0))
    assert (result.ok, result.error) == (False, code)
    assert result.final_url == "https://example.com/x"
    assert code in ERROR_CODES


def test_tls_failure_is_its_own_code(httpx_mock: HTTPXMock) -> None:
    """A certificate failure is 'tls', not 'connect'."""
    error = httpx.ConnectError("handshake failed")
    error.__cause__ = ssl.SSLCertVerificationError("certificate verify failed")
    httpx_mock.add_exception(error, url="https://example.com/")
    assert run(one("https://example.com/", retries=0)).error == "tls"


def test_connect_errors_are_retried(httpx_mock: HTTPXMock) -> None:
    """A failed connection is tried again."""
    httpx_mock.add_exception(httpx.ConnectError("refused"), url="https://example.com/")
    httpx_mock.add_response(url="https://example.com/", html="<p>ok</p>")
    assert run(one("https://example.com/", retries=1)).ok


def test_total_deadline(httpx_mock: HTTPXMock) -> None:
    """A chain that takes longer than the deadline ends as a timeout, hops kept."""

    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(200)

    httpx_mock.add_response(
        url="https://t.co/slow", status_code=301, headers={"Location": "https://example.com/s"}
    )
    httpx_mock.add_callback(slow, url="https://example.com/s")
    result = run(one("https://t.co/slow", deadline=0.3))
    assert result.error == "timeout"
    assert result.final_url == "https://example.com/s"
    assert hops(result) == [("https://t.co/slow", 301, "location")]
    assert "deadline" in (result.detail or "")


def test_too_many_redirects(httpx_mock: HTTPXMock) -> None:
    """More than max_redirects steps ends with too_many_redirects."""
    for n in range(5):
        httpx_mock.add_response(
            url=f"https://r.example/{n}",
            status_code=302,
            headers={"Location": f"https://r.example/{n + 1}"},
            is_optional=True,
        )
    result = run(one("https://r.example/0", max_redirects=3))
    assert result.error == "too_many_redirects"
    assert len(result.hops) == 4


def test_redirect_loop(httpx_mock: HTTPXMock) -> None:
    """A chain that comes back to a URL already visited is a loop."""
    httpx_mock.add_response(
        url="https://a.example/", status_code=302, headers={"Location": "https://b.example/"}
    )
    httpx_mock.add_response(
        url="https://b.example/", status_code=302, headers={"Location": "https://A.example:443/"}
    )
    result = run(one("https://a.example/"))
    assert result.error == "redirect_loop"
    assert len(httpx_mock.get_requests()) == 2


def test_self_redirect_after_cookie_is_not_a_loop(httpx_mock: HTTPXMock) -> None:
    """A page that sets a cookie and sends us back to itself is followed once more."""
    httpx_mock.add_response(
        url="https://gate.example/",
        status_code=302,
        headers={"Location": "https://gate.example/", "Set-Cookie": "ok=1; Path=/"},
    )
    httpx_mock.add_response(url="https://gate.example/", html="<p>in</p>")
    result = run(one("https://gate.example/"))
    assert result.ok
    assert httpx_mock.get_requests()[1].headers["Cookie"] == "ok=1"


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/file",  # not http(s)
        "javascript:alert(1)",  # not a URL we may request
        "https://user:secret@example.com/",  # credentials
        "https://example.com/\r\nX-Injected: 1",  # control characters
        "https://example.com/" + "a" * 9000,  # too long
        "",  # empty
        "https://",  # no host
    ],
)
def test_invalid_inputs(httpx_mock: HTTPXMock, url: str) -> None:
    """Inputs we must not request are invalid_url, and nothing is sent."""
    result = run(one(url))
    assert (result.ok, result.error, result.url) == (False, "invalid_url", url)


def test_scheme_less_input_is_read_as_https(httpx_mock: HTTPXMock) -> None:
    """'bit.ly/abc' as written in text is expanded as https://bit.ly/abc."""
    httpx_mock.add_response(
        url="https://bit.ly/abc", status_code=301, headers={"Location": "https://example.com/"}
    )
    httpx_mock.add_response(url="https://example.com/", html="<p>ok</p>")
    result = run(one("bit.ly/abc"))
    assert result.url == "bit.ly/abc"
    assert result.final_url == "https://example.com/"


def test_non_http_redirect_is_recorded(httpx_mock: HTTPXMock) -> None:
    """A redirect to an app deep link ends the chain, keeping the target."""
    httpx_mock.add_response(
        url="https://short.example/app",
        status_code=302,
        headers={"Location": "intent://open#Intent;scheme=app;end"},
    )
    result = run(one("https://short.example/app"))
    assert result.error == "unsupported_scheme"
    assert result.final_url == "intent://open#Intent;scheme=app;end"


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://10.0.0.7/",  # private
        "http://192.168.1.1/",  # private
        "http://100.100.100.200/",  # CGNAT (a metadata service lives here)
        "http://[::ffff:169.254.169.254]/",  # IPv4-mapped IPv6
        "http://[64:ff9b::a9fe:a9fe]/",  # NAT64 of 169.254.169.254
        "http://[2002:a9fe:a9fe::]/",  # 6to4 of 169.254.169.254
        "http://[fd00:ec2::254]/",  # unique-local metadata
        "http://2852039166/",  # decimal 169.254.169.254
        "http://0xa9fea9fe/",  # hex
        "http://0251.0376.0251.0376/",  # octal
        "http://127.1/",  # short form of loopback
        "http://[::1]/",  # IPv6 loopback
        "http://0.0.0.0/",  # unspecified
        "http://224.0.0.1/",  # multicast
    ],
)
def test_redirect_to_blocked_literal_is_refused(httpx_mock: HTTPXMock, target: str) -> None:
    """A redirect into private space is refused before any request is made."""
    httpx_mock.add_response(url="https://t.co/evil", status_code=301, headers={"Location": target})
    result = run(one("https://t.co/evil"))
    assert (result.ok, result.error) == (False, "blocked_address")
    assert result.final_url == target
    assert len(httpx_mock.get_requests()) == 1  # only the first hop was ever sent


def test_redirect_to_unparseable_target_is_refused(httpx_mock: HTTPXMock) -> None:
    """A Location httpx cannot parse (a port out of range) ends the chain, unsent."""
    httpx_mock.add_response(
        url="https://t.co/bad",
        status_code=301,
        headers={"Location": "http://example.com:99999/"},
    )
    result = run(one("https://t.co/bad"))
    assert (result.ok, result.error) == (False, "invalid_redirect")
    assert len(httpx_mock.get_requests()) == 1


def test_trusted_network_is_allowed(httpx_mock: HTTPXMock) -> None:
    """trusted_hosts exempts the listed networks."""
    httpx_mock.add_response(url="http://10.1.2.3/", html="<p>intranet</p>")
    assert run(one("http://10.1.2.3/", trusted_hosts=["10.0.0.0/8"])).ok


# -- offline -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "final"),
    [
        ("https://www.google.com/url?q=https://example.com/g&sa=D", "https://example.com/g"),
        (
            "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2Ff&h=AT1",
            "https://example.com/f",
        ),
        ("https://youtu.be/abcdefghijk?t=42", "https://www.youtube.com/watch?v=abcdefghijk&t=42"),
        (
            "https://example-com.cdn.ampproject.org/c/s/example.com/a.amp",
            "https://example.com/a.amp",
        ),
    ],
)
def test_offline_expansion_sends_nothing(httpx_mock: HTTPXMock, url: str, final: str) -> None:
    """A URL that holds its destination is expanded without any request."""
    result = run(one(url))
    assert (result.ok, result.final_url, result.status) == (True, final, None)
    assert hops(result) == [(url, None, "offline")]
    assert httpx_mock.get_requests() == []


def test_offline_then_shortener_continues(httpx_mock: HTTPXMock) -> None:
    """A wrapper around a short link goes on to expand the short link."""
    httpx_mock.add_response(
        url="https://bit.ly/w", status_code=301, headers={"Location": "https://example.com/w"}
    )
    httpx_mock.add_response(url="https://example.com/w", html="<p>ok</p>")
    result = run(one("https://www.google.com/url?q=https%3A%2F%2Fbit.ly%2Fw"))
    assert result.final_url == "https://example.com/w"
    assert [hop.via for hop in result.hops] == ["offline", "location", None]


# -- batches, streams, cache ----------------------------------------------------------


def test_expand_many_keeps_order_and_fetches_duplicates_once(httpx_mock: HTTPXMock) -> None:
    """One result per input, in order; identical inputs share one fetch."""
    httpx_mock.add_response(
        url="https://t.co/one", status_code=301, headers={"Location": "https://example.com/1"}
    )
    httpx_mock.add_response(url="https://example.com/1", html="<p>1</p>")
    httpx_mock.add_response(url="https://example.com/2", html="<p>2</p>")
    urls = ["https://t.co/one", "ftp://nope", "https://example.com/2", "HTTPS://T.CO/one"]

    async def main() -> list[Expansion]:
        async with mocked(cache=None) as expander:
            return await expander.expand_many(urls)

    results = run(main())
    assert [r.url for r in results] == urls
    assert [r.ok for r in results] == [True, False, True, True]
    assert results[3].final_url == "https://example.com/1"
    assert len(httpx_mock.get_requests()) == 3


def test_stream_yields_every_result(httpx_mock: HTTPXMock) -> None:
    """stream() yields one expansion per input, from a sync or async iterable."""
    for n in range(20):
        httpx_mock.add_response(url=f"https://example.com/{n}", html="<p>ok</p>")

    async def inputs() -> AsyncIterator[str]:
        for n in range(20):
            yield f"https://example.com/{n}"

    async def main() -> list[Expansion]:
        async with mocked(concurrency=4) as expander:
            return [e async for e in expander.stream(inputs())]

    results = run(main())
    assert sorted(r.url for r in results) == sorted(f"https://example.com/{n}" for n in range(20))
    assert all(r.ok for r in results)


def test_stream_reads_its_input_lazily(httpx_mock: HTTPXMock) -> None:
    """stream() pulls inputs only as workers free up, so memory stays bounded."""
    httpx_mock.add_response(html="<p>ok</p>", is_reusable=True)
    pulled = 0

    def inputs() -> Iterator[str]:
        nonlocal pulled
        for n in range(10_000):  # far more than will be read
            pulled += 1
            yield f"https://example.com/{n}"

    async def main() -> int:
        async with mocked(concurrency=4, cache=None) as expander:
            async for _ in expander.stream(inputs()):
                return pulled
        return -1

    assert 0 < run(main()) <= 4 + 4 + 1  # workers busy + results queued + one in hand


def test_stream_stops_early_without_leaking(httpx_mock: HTTPXMock) -> None:
    """Leaving a stream early cancels the work still in flight."""
    httpx_mock.add_response(url="https://example.com/", html="<p>ok</p>", is_reusable=True)

    async def main() -> int:
        async with mocked(concurrency=2, cache=None) as expander:
            seen = 0
            async for _ in expander.stream(["https://example.com/"] * 50):
                seen += 1
                if seen == 3:
                    break
            return seen

    assert run(main()) == 3


def test_cache_hit_sends_nothing(httpx_mock: HTTPXMock) -> None:
    """A second expansion of the same URL comes from the cache."""
    httpx_mock.add_response(url="https://example.com/c", html="<p>ok</p>")

    async def main() -> tuple[Expansion, Expansion]:
        async with mocked() as expander:
            return await expander.expand("https://example.com/c"), await expander.expand(
                "https://EXAMPLE.com/c"
            )

    first, second = run(main())
    assert (first.from_cache, second.from_cache) == (False, True)
    assert second.url == "https://EXAMPLE.com/c"
    assert second.final_url == first.final_url


def test_cache_none_disables_caching(httpx_mock: HTTPXMock) -> None:
    """cache=None fetches every time."""
    httpx_mock.add_response(url="https://example.com/c", html="<p>ok</p>", is_reusable=True)

    async def main() -> None:
        async with mocked(cache=None) as expander:
            await expander.expand("https://example.com/c")
            await expander.expand("https://example.com/c")

    run(main())
    assert len(httpx_mock.get_requests()) == 2


def test_cache_file_is_shared_between_expanders(httpx_mock: HTTPXMock, tmp_path: Any) -> None:
    """A cache path persists results for the next expander."""
    httpx_mock.add_response(url="https://example.com/p", html="<p>ok</p>")
    path = tmp_path / "cache.sqlite"

    async def main() -> Expansion:
        async with mocked(cache=path) as expander:
            await expander.expand("https://example.com/p")
        async with mocked(cache=str(path)) as expander:
            return await expander.expand("https://example.com/p")

    assert run(main()).from_cache


def test_blocked_results_are_not_cached(httpx_mock: HTTPXMock) -> None:
    """A refusal depends on the policy in force, so it is not stored."""
    cache = SQLiteCache()

    async def main() -> None:
        async with mocked(cache=cache) as expander:
            await expander.expand("http://10.0.0.1/")

    run(main())
    assert len(cache) == 0
    cache.close()  # a cache passed in is the caller's to close


def test_no_cookies_between_urls(httpx_mock: HTTPXMock) -> None:
    """A cookie set while expanding one URL is never sent while expanding another."""
    httpx_mock.add_response(
        url="https://example.com/a", html="<p>a</p>", headers={"Set-Cookie": "id=1; Path=/"}
    )
    httpx_mock.add_response(url="https://example.com/b", html="<p>b</p>")

    async def main() -> None:
        async with mocked() as expander:
            await expander.expand("https://example.com/a")
            await expander.expand("https://example.com/b")

    run(main())
    assert "Cookie" not in httpx_mock.get_requests()[1].headers


# -- API and options -----------------------------------------------------------------


def test_sync_twin_shares_settings_and_results(httpx_mock: HTTPXMock) -> None:
    """Expander runs the same engine, with the same settings object."""
    httpx_mock.add_response(url="https://example.com/s", html="<p>ok</p>")
    with Expander(transport=httpx.AsyncHTTPTransport(), per_host=3) as expander:
        assert expander.settings.per_host == 3
        assert expander.settings is expander._engine.settings
        result = expander.expand("https://example.com/s")
        assert result.ok
        assert [e.url for e in expander.stream(["https://example.com/s"])] == [
            "https://example.com/s"
        ]


def test_sync_twin_is_thread_safe(httpx_mock: HTTPXMock) -> None:
    """Several threads may share one Expander."""
    from concurrent.futures import ThreadPoolExecutor

    httpx_mock.add_response(html="<p>ok</p>", is_reusable=True)
    with Expander(transport=httpx.AsyncHTTPTransport(), cache=None) as expander:
        urls = [f"https://example.com/{n}" for n in range(16)]
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(expander.expand, urls))
    assert [r.url for r in results] == urls
    assert all(r.ok for r in results)


def test_module_functions(httpx_mock: HTTPXMock) -> None:
    """expand() and expand_many() work without managing an expander."""
    httpx_mock.add_response(url="https://example.com/m", html="<p>ok</p>", is_reusable=True)
    transport = httpx.AsyncHTTPTransport()
    assert expand("https://example.com/m", transport=transport).ok
    results = expand_many(["https://example.com/m", "nope"], transport=transport)
    assert [r.error for r in results] == [None, "invalid_url"]


def test_closed_expanders_refuse_work() -> None:
    """Using a closed expander raises ExpanderClosedError."""
    expander = Expander()
    expander.close()
    with pytest.raises(ExpanderClosedError):
        expander.expand("https://example.com/")

    async def main() -> None:
        engine = AsyncExpander()
        await engine.aclose()
        await engine.expand("https://example.com/")

    with pytest.raises(ExpanderClosedError):
        run(main())


@pytest.mark.parametrize(
    ("options", "option"),
    [
        ({"concurrency": 0}, "concurrency"),
        ({"per_host": -1}, "per_host"),
        ({"timeout": "fast"}, "timeout"),
        ({"max_redirects": 1.5}, "max_redirects"),
        ({"method": "POST"}, "method"),
        ({"user_agent": ""}, "user_agent"),
        ({"trusted_hosts": "127.0.0.1"}, "trusted_hosts"),
        ({"cache": 42}, "cache"),
        ({"transport": httpx.HTTPTransport()}, "transport"),
        ({"colour": "blue"}, "options"),
    ],
)
def test_bad_options_raise(options: dict[str, Any], option: str) -> None:
    """A wrong option raises InvalidOptionError naming the option."""
    with pytest.raises(InvalidOptionError) as caught:
        AsyncExpander(**options)
    assert caught.value.option == option


def test_wrong_input_types_raise() -> None:
    """A URL that is not a str is a programming error."""
    with pytest.raises(TypeError, match="URLs must be str"):
        expand(b"https://example.com/")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="single str"):
        expand_many("https://example.com/")
