"""Tests of the pure URL helpers: canonical forms, offline destinations, redirect finders."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tweetresolve.expansion import canonicalize, normalize_url
from tweetresolve.expansion.codes import ERROR_CODES, is_error_code
from tweetresolve.expansion.offline import destination
from tweetresolve.expansion.policy import (
    BROWSER_USER_AGENT,
    DEFAULT_USER_AGENT,
    is_shortener,
    user_agent_for,
)
from tweetresolve.expansion.redirects import (
    body_target,
    location_target,
    refresh_target,
    url_interstitial_target,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # global trackers go everywhere, order of the rest kept
        ("https://example.com/a?b=2&utm_source=x&a=1&gclid=9", "https://example.com/a?b=2&a=1"),
        # campaign prefixes are case-insensitive
        ("https://example.com/?UTM_Campaign=x", "https://example.com/"),
        # Twitter/X share parameters
        (
            "https://twitter.com/ada_example/status/20?s=20&t=Ab1&ref_src=twsrc",
            "https://twitter.com/ada_example/status/20",
        ),
        (
            "https://mobile.twitter.com/ada_example/status/20?s=46",
            "https://mobile.twitter.com/ada_example/status/20",
        ),
        # s and t are ordinary parameters elsewhere
        ("https://shop.example/find?s=hat&t=2", "https://shop.example/find?s=hat&t=2"),
        # YouTube: si and feature go, the t timestamp stays
        (
            "https://youtube.com/watch?v=AbC&feature=share&t=90&si=x",
            "https://youtube.com/watch?v=AbC&t=90",
        ),
        ("https://youtu.be/AbC?si=x&t=5", "https://youtu.be/AbC?t=5"),
        # Instagram share ids
        (
            "https://www.instagram.com/reel/AbC/?igsh=ZZ==&utm_medium=copy",
            "https://www.instagram.com/reel/AbC/",
        ),
        # ref is not a global tracker
        ("https://example.com/?ref=home", "https://example.com/?ref=home"),
        # words merely containing a tracker name are kept
        (
            "https://example.com/?game=chess&source=rss",
            "https://example.com/?game=chess&source=rss",
        ),
        # Marketo token stays on unsubscribe pages only
        (
            "https://example.com/unsubscribe?mkt_tok=abc",
            "https://example.com/unsubscribe?mkt_tok=abc",
        ),
        ("https://example.com/news?mkt_tok=abc", "https://example.com/news"),
        # fragment and case of the path kept, host lowered, default port dropped
        ("HTTPS://Example.COM:443/Path?fbclid=1#Frag", "https://example.com/Path#Frag"),
        # non-default port kept, IDNA host in ASCII
        ("http://bücher.example:8080/x", "http://xn--bcher-kva.example:8080/x"),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    """Trackers are dropped conservatively and per site."""
    assert canonicalize(url) == expected


def test_canonicalize_rejects_non_str() -> None:
    """A non-str argument is a programming error."""
    with pytest.raises(TypeError, match="expects a str"):
        canonicalize(None)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
@example("A://0? &")  # a blank query pair must not survive one pass and vanish in the next
@example("http://a/?x= &utm_source=feed")  # trailing white space left by a dropped tracker
def test_canonicalize_never_raises_and_is_idempotent(text: str) -> None:
    """Any string goes in; applying canonicalize twice changes nothing more."""
    once = canonicalize(text)
    assert canonicalize(once) == once


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTP://Bit.LY/AbC",
            "http://bit.ly/AbC",
        ),  # path case kept: short codes are case-sensitive
        ("https://t.co", "https://t.co/"),  # empty path
        ("https://t.co:443/x", "https://t.co/x"),  # default port
        ("https://t.co/x?b=1&a=2", "https://t.co/x?b=1&a=2"),  # query untouched
    ],
)
def test_normalize_url(url: str, expected: str) -> None:
    """The cache key only changes what cannot change the answer."""
    assert normalize_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.google.com/url?q=https://example.com/x&sa=D", "https://example.com/x"),
        ("https://google.co.uk/url?url=https%3A%2F%2Fexample.com%2F", "https://example.com/"),
        ("https://www.google.com/amp/s/example.com/amp/story", "https://example.com/amp/story"),
        (
            "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2Fp&h=x",
            "https://example.com/p",
        ),
        ("https://lm.facebook.com/l.php?u=http%3A%2F%2Fexample.com%2F", "http://example.com/"),
        ("https://l.instagram.com/?u=https%3A%2F%2Fexample.com%2Fi&e=x", "https://example.com/i"),
        (
            "https://www.youtube.com/redirect?q=https%3A%2F%2Fexample.com%2Fy&v=1",
            "https://example.com/y",
        ),
        ("https://youtu.be/abcdefghijk", "https://www.youtube.com/watch?v=abcdefghijk"),
        (
            "https://youtu.be/abcdefghijk?si=Q&t=7",
            "https://www.youtube.com/watch?v=abcdefghijk&si=Q&t=7",
        ),
        (
            "https://news-example-com.cdn.ampproject.org/c/s/news.example.com/a?x=1",
            "https://news.example.com/a?x=1",
        ),
        (
            "https://news-example-com.cdn.ampproject.org/c/news.example.com/",
            "http://news.example.com/",
        ),
        ("https://vk.com/away.php?to=https%3A%2F%2Fexample.com%2F", "https://example.com/"),
        # wrappers pointing at something that is not an http(s) URL stay unexpanded
        ("https://www.google.com/url?q=javascript:alert(1)", None),
        ("https://l.facebook.com/l.php?u=/relative", None),
        ("https://youtu.be/short", None),
        ("https://www.google.com/search?q=https://example.com/", None),
        ("https://example.com/url?q=https://example.org/", None),
        ("https://googlexcom.example/url?q=https://example.org/", None),
    ],
)
def test_offline_destination(url: str, expected: str | None) -> None:
    """Wrappers and short forms yield their destination without a request."""
    assert destination(url) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("0;URL=https://example.com/a", "https://example.com/a"),
        ("0; url='https://example.com/a'", "https://example.com/a"),
        ('5 ; URL="next"', "https://base.example/dir/next"),
        ("0,https://example.com/a", "https://example.com/a"),
        ("1.5; url=/b", "https://base.example/b"),
        ("30", None),
        ("", None),
    ],
)
def test_refresh_target(content: str, expected: str | None) -> None:
    """Refresh header and meta refresh contents are read as browsers read them."""
    assert refresh_target("https://base.example/dir/page", content) == expected


def test_location_target_relative_and_absolute() -> None:
    """Location values are joined to the URL that sent them."""
    assert location_target("https://a.example/x/y", "z") == "https://a.example/x/z"
    assert location_target("https://a.example/", "//b.example/") == "https://b.example/"
    assert location_target("https://a.example/", "   ") is None


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('<meta http-equiv="refresh" content="0;url=/m">', ("https://s.example/m", "meta_refresh")),
        (
            "<script>location.assign('https://e.example/')</script>",
            ("https://e.example/", "script"),
        ),
        (
            '<script>top.location.href="https://e.example/\\x41"</script>',
            ("https://e.example/A", "script"),
        ),
        ("<script src=\"location.replace('x')\"></script>", None),
        ("<script>if (location == 'x') {}</script>", None),
        ("<p>no redirect here</p>", None),
        ("", None),
    ],
)
def test_body_target(page: str, expected: tuple[str, str] | None) -> None:
    """Redirects are found in HTML structure, not in the page text."""
    assert body_target("https://s.example/p", page) == expected


def test_body_target_reads_xhtml_with_declaration() -> None:
    """An XML declaration or NUL characters do not stop the parser."""
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html><head>\x00'
        '<meta http-equiv="refresh" content="0;url=/x"/></head></html>'
    )
    assert body_target("https://s.example/", page) == ("https://s.example/x", "meta_refresh")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' ;:ametscriplonhf.x0-\\(")), max_size=300))
def test_body_target_never_raises(page: str) -> None:
    """Any markup soup gives a target or None, never an exception."""
    found = body_target("https://s.example/", page)
    assert found is None or found[1] in ("meta_refresh", "script")


def test_body_target_is_linear_on_hostile_scripts() -> None:
    """A huge unterminated script literal does not blow up the search."""
    page = "<script>" + "location.replace('" + "a\\" * 200_000 + "</script>"
    assert body_target("https://s.example/", page) is None


def test_url_interstitial_target() -> None:
    """Only bit.ly's warning path is read, only for http(s) targets."""
    assert url_interstitial_target("https://bit.ly/a/warning?url=javascript:x") is None
    assert url_interstitial_target("https://example.com/a/warning?url=https://e.example/") is None


def test_user_agent_policy() -> None:
    """t.co gets the plain name, fb.me (and subdomains) a browser's."""
    assert user_agent_for("t.co", default=BROWSER_USER_AGENT) == DEFAULT_USER_AGENT
    assert user_agent_for("on.fb.me", default="x") == BROWSER_USER_AGENT
    assert user_agent_for("fb.me.example", default="x") == "x"
    assert user_agent_for("t.co", default="x", overrides={"t.co": "y"}) == "y"
    assert is_shortener("www.bit.ly")
    assert not is_shortener("microsoft.co")


def test_error_codes_are_fixed() -> None:
    """The documented set of codes is exactly this."""
    assert ERROR_CODES == (
        "invalid_url",
        "blocked_address",
        "dns",
        "connect",
        "tls",
        "timeout",
        "network",
        "protocol",
        "http_status",
        "too_many_redirects",
        "redirect_loop",
        "invalid_redirect",
        "unsupported_scheme",
        "body_too_large",
    )
    assert is_error_code("tls")
    assert not is_error_code("TLS")
