"""The test-wide guard in ``conftest.py`` keeps every test on the loopback network.

Its refusals are checked with the real lookup and connect steps swapped for
recording fakes, so that even a broken guard sends nothing.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest
from conftest import REAL, is_loopback


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """Replace the real lookup and connect steps with fakes that record their calls."""
    recorded: list[tuple[str, Any]] = []
    monkeypatch.setitem(REAL, "getaddrinfo", lambda host, *a, **k: recorded.append(("dns", host)))
    monkeypatch.setitem(REAL, "connect", lambda sock, addr: recorded.append(("connect", addr)))
    return recorded


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),  # the usual test server address
        ("127.45.6.7", True),  # all of 127.0.0.0/8 is loopback
        ("::1", True),
        ("[::1]", True),  # bracketed, as in URLs
        ("localhost", True),
        (None, True),  # getaddrinfo(None, port): a local wildcard
        ("short.example", False),  # a made-up name would still cost a DNS query
        ("169.254.169.254", False),  # cloud metadata
        ("10.0.0.1", False),
        ("::ffff:127.0.0.1", False),  # mapped forms are not loopback to the guard
    ],
)
def test_is_loopback(host: object, expected: bool) -> None:
    """Only loopback names and addresses pass."""
    assert is_loopback(host) is expected


def test_public_name_lookup_is_refused(calls: list[tuple[str, Any]]) -> None:
    """A lookup of a non-loopback name fails in-process and never reaches the resolver."""
    with pytest.raises(socket.gaierror, match="refused lookup"):
        socket.getaddrinfo("short.example", 443)
    socket.getaddrinfo("localhost", 443)
    assert calls == [("dns", "localhost")]


def test_non_loopback_connection_is_refused(calls: list[tuple[str, Any]]) -> None:
    """A connection to a non-loopback address fails before the connect step runs."""
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock,
        pytest.raises(OSError, match="loopback network"),
    ):
        sock.connect(("192.0.2.1", 80))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.connect(("127.0.0.1", 9))
    assert calls == [("connect", ("127.0.0.1", 9))]
