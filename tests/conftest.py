"""Test-wide safety net: no test may send a packet beyond the loopback network.

Unit tests mock HTTP with pytest-httpx and integration tests talk to servers on
127.0.0.1, so nothing should ever look up a public name or connect elsewhere.
This guard makes that a fact rather than a hope: name lookups other than
loopback ones and connections to non-loopback addresses fail at once, in this
process, before any packet leaves (a DNS query for a made-up name would).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest

_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})

#: The functions the guard passes allowed calls on to; looked up at call time,
#: so a test of the guard can swap them for recording fakes.
REAL: dict[str, Any] = {
    "getaddrinfo": socket.getaddrinfo,
    "connect": socket.socket.connect,
    "connect_ex": socket.socket.connect_ex,
}


def is_loopback(host: object) -> bool:
    """Whether ``host`` (a name, an address or None) stays on this machine."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip("[]").lower().rstrip(".")
    if name in _LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        return False
    # An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is refused as a form no test
    # needs; Python 3.13 started to call it loopback, earlier versions did not.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return False
    return address.is_loopback


def _guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if not is_loopback(host):
        raise socket.gaierror(socket.EAI_NONAME, f"refused lookup of {host!r} in tests")
    return REAL["getaddrinfo"](host, *args, **kwargs)


def _check(sock: socket.socket, address: Any) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6) and not is_loopback(address[0]):
        raise OSError(f"tests may only reach the loopback network; refused {address[0]!r}")


def _guarded_connect(self: socket.socket, address: Any) -> None:
    _check(self, address)
    REAL["connect"](self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    _check(self, address)
    result: int = REAL["connect_ex"](self, address)
    return result


@pytest.fixture(autouse=True, scope="session")
def _loopback_only() -> Iterator[None]:
    """Refuse non-loopback lookups and connections for the whole test session."""
    socket.getaddrinfo = _guarded_getaddrinfo
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        socket.getaddrinfo = REAL["getaddrinfo"]
        socket.socket.connect = REAL["connect"]  # type: ignore[method-assign]
        socket.socket.connect_ex = REAL["connect_ex"]  # type: ignore[method-assign]
