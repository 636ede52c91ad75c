"""The address policy: which addresses the expander may connect to.

URLs found in scraped pages are attacker-controlled, and so is every redirect they
lead to.  The policy refuses any address that is not plainly public: loopback,
private (RFC 1918, unique-local), link-local (where cloud metadata services live),
shared/CGNAT space 100.64.0.0/10, multicast, reserved and documentation ranges, and
IPv6 forms that embed one of those IPv4 addresses (IPv4-mapped, IPv4-compatible,
6to4, Teredo, NAT64).

It is applied twice:

* :func:`literal_address` reads the host of every URL *before* any request, and
  understands the spellings ``getaddrinfo`` accepts but :mod:`ipaddress` rejects
  (``2130706433``, ``0x7f000001``, ``0177.0.0.1``, ``127.1``);
* :class:`AddressPolicy.check_addresses` runs on the addresses a host name actually
  resolved to, right before connecting to the checked address (see
  :mod:`tweetresolve.expansion.transport`), so redirects and DNS tricks cannot slip past.

>>> policy = AddressPolicy()
>>> policy.is_blocked_ip(ipaddress.ip_address("169.254.169.254"))
True
>>> policy.is_blocked_ip(ipaddress.ip_address("::ffff:10.0.0.1"))
True
>>> policy.is_blocked_ip(ipaddress.ip_address("93.184.215.14"))
False
>>> str(literal_address("0x7f.1"))
'127.0.0.1'
>>> AddressPolicy(trusted_hosts=["127.0.0.1"]).is_allowed_ip(ipaddress.ip_address("127.0.0.1"))
True
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from typing import Final

import httpx

__all__ = [
    "DEFAULT_ALLOWED_PORTS",
    "AddressPolicy",
    "BlockedAddressError",
    "IPAddress",
    "literal_address",
    "split_trusted_entry",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddressError(httpx.ConnectError):
    """A connection was refused by the address policy before any packet was sent."""

    def __init__(self, message: str, *, host: str, address: str | None = None) -> None:
        super().__init__(message)
        self.host = host
        self.address = address


# IPv4 ranges that are never a public web server.  Sources: IANA IPv4 Special-Purpose
# Address Registry, RFC 6890; CGNAT (RFC 6598) holds Alibaba's metadata service
# 100.100.100.200; ipaddress's own flags change between Python versions, so the list
# is explicit.
_BLOCKED_V4: Final = tuple(
    ipaddress.IPv4Network(n)
    for n in (
        "0.0.0.0/8",  # "this network"
        "10.0.0.0/8",  # private
        "100.64.0.0/10",  # shared address space (CGNAT)
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local, cloud metadata 169.254.169.254
        "172.16.0.0/12",  # private
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # TEST-NET-1
        "192.88.99.0/24",  # 6to4 relay anycast
        "192.168.0.0/16",  # private
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # TEST-NET-2
        "203.0.113.0/24",  # TEST-NET-3
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and broadcast 255.255.255.255
    )
)

# IPv6 ranges refused outright.  Source: IANA IPv6 Special-Purpose Address Registry.
# The forms that embed an IPv4 address (::ffff:0:0/96, 2002::/16, 2001::/32,
# 64:ff9b::/96) are unwrapped and judged by their IPv4 address instead.
_BLOCKED_V6: Final = tuple(
    ipaddress.IPv6Network(n)
    for n in (
        "::/96",  # unspecified, loopback ::1, deprecated IPv4-compatible
        "64:ff9b:1::/48",  # NAT64 local use
        "100::/64",  # discard-only
        "2001:db8::/32",  # documentation
        "2001:10::/28",  # ORCHID
        "2001:20::/28",  # ORCHIDv2
        "3fff::/20",  # documentation (RFC 9637)
        "5f00::/16",  # segment routing SIDs
        "fc00::/7",  # unique local, incl. AWS metadata fd00:ec2::254
        "fe80::/10",  # link-local
        "fec0::/10",  # deprecated site-local
        "ff00::/8",  # multicast
    )
)

_NAT64_WELL_KNOWN: Final = ipaddress.IPv6Network("64:ff9b::/96")

# Characters that can appear in an IPv4 literal in any of the spellings inet_aton
# accepts (dotted, decimal, octal, hex, shortened); anything else is a host name.
_IPV4_LITERAL_CHARS: Final = frozenset("0123456789abcdefxABCDEFX.")


def literal_address(host: str) -> IPAddress | None:
    """Return the IP address a URL host spells, in any form, or None for a name.

    ``inet_aton`` is the parser ``getaddrinfo`` uses for numeric IPv4 hosts, so it
    accepts exactly the odd spellings that would otherwise reach a private address
    unchecked.  It parses only; it never touches the network.

    >>> str(literal_address("2130706433"))
    '127.0.0.1'
    >>> literal_address("[::ffff:a9fe:a9fe]").ipv4_mapped  # the metadata address, mapped
    IPv4Address('169.254.169.254')
    >>> literal_address("example.com") is None
    True
    """
    text = host.strip().rstrip(".")
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if ":" in text:
        try:
            return ipaddress.IPv6Address(text.split("%", 1)[0])
        except ValueError:
            return None
    if not text or not set(text) <= _IPV4_LITERAL_CHARS:
        return None
    # A name made only of hex letters ("cafe", "bad.dead") is still a name: a
    # numeric host must start with a digit in every label.
    if not all(label[:1].isdigit() for label in text.split(".")):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(text))
    except OSError:
        return None


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """Return the IPv4 address an IPv6 transition form carries, if any.

    >>> str(embedded_ipv4(ipaddress.IPv6Address("2002:7f00:1::")))
    '127.0.0.1'
    >>> str(embedded_ipv4(ipaddress.IPv6Address("64:ff9b::a9fe:a9fe")))
    '169.254.169.254'
    """
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        # (server, client): the client address is what the packets go to.
        return address.teredo[1]
    if address in _NAT64_WELL_KNOWN:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


#: The ports the expander connects to by default: HTTP, HTTPS and their common
#: alternates.  Anything else (22, 25, 6379, 11211, 2375 …) needs ``allowed_ports``
#: or a trusted entry that names the port.
DEFAULT_ALLOWED_PORTS: Final = frozenset({80, 443, 8080, 8443})

# "host:port", "[v6]:port", "10.0.0.0/8:8080": a trusted entry naming one port.
_ENTRY_PORT_RE: Final = re.compile(r"^(?P<host>\[[^\]]*\]|[^:\[\]]+):(?P<port>[0-9]{1,5})$")
# Example: "127.0.0.1:8765".

_Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def split_trusted_entry(text: str) -> tuple[str, int | None]:
    """Split a trusted entry into its host and its port (None when it names none).

    >>> split_trusted_entry("127.0.0.1:8765")
    ('127.0.0.1', 8765)
    >>> split_trusted_entry("[::1]:8765")
    ('[::1]', 8765)
    >>> split_trusted_entry("fd00::/8")
    ('fd00::/8', None)
    """
    match = _ENTRY_PORT_RE.match(text)
    if match is None:
        return text, None
    port = int(match.group("port"))
    if not 0 < port < 65536:
        raise ValueError(f"trusted_hosts entry {text!r} names port {port}, not 1-65535")
    return match.group("host"), port


class AddressPolicy:
    """Decide which hosts, addresses and ports may be connected to.

    ``trusted_hosts`` lists host names (exempt whatever they resolve to) and IP
    addresses or networks (``"127.0.0.1"``, ``"10.0.0.0/8"``: exempt when a host
    resolves into them), each optionally with one port (``"127.0.0.1:8765"``,
    ``"localhost:8765"``, ``"[::1]:8765"``, ``"10.0.0.0/8:8080"``).  Everything else
    must be a plainly public address.

    ``allowed_ports`` (None: any port) limits the ports connected to; port 0 is
    always refused.  An entry without a port exempts its host from the address
    checks on the allowed ports only; an entry with a port also opens that port,
    on that host, for the input URL and for redirects *from a trusted host* — a
    redirect from an untrusted host may reach a trusted host on the allowed ports
    only (see :meth:`check_port`).
    """

    __slots__ = ("_allowed_ports", "_names", "_networks")

    def __init__(
        self, trusted_hosts: Iterable[str] = (), *, allowed_ports: Iterable[int] | None = None
    ) -> None:
        if isinstance(trusted_hosts, str):
            raise TypeError("trusted_hosts must be a list of host names or networks, not a str")
        names: set[tuple[str, int | None]] = set()
        networks: list[tuple[_Network, int | None]] = []
        for entry in trusted_hosts:
            if not isinstance(entry, str) or not entry.strip():
                raise ValueError(f"trusted_hosts entries must be non-empty strings, got {entry!r}")
            text, port = split_trusted_entry(entry.strip().lower())
            try:
                networks.append((ipaddress.ip_network(text.strip("[]"), strict=False), port))
            except ValueError:
                names.add((_ascii_host(text), port))
        self._names: frozenset[tuple[str, int | None]] = frozenset(names)
        self._networks = tuple(networks)
        self._allowed_ports = None if allowed_ports is None else _port_set(allowed_ports)

    def __repr__(self) -> str:
        return f"AddressPolicy(trusted_hosts={self.trusted_entries()!r})"

    @property
    def allowed_ports(self) -> frozenset[int] | None:
        """The ports that may be connected to, or None for any (but 0)."""
        return self._allowed_ports

    def trusted_entries(self) -> list[str]:
        """The trusted names and networks in a canonical order (empty by default).

        >>> AddressPolicy(["10.0.0.0/8", "LocalHost", "127.0.0.1:8765"]).trusted_entries()
        ['localhost', '10.0.0.0/8', '127.0.0.1/32:8765']
        """

        def spelled(host: str, port: int | None) -> str:
            return host if port is None else f"{host}:{port}"

        names = sorted(self._names, key=lambda e: (e[0], e[1] or 0))
        networks = sorted(self._networks, key=lambda e: (e[0].version, e[0], e[1] or 0))
        return [spelled(n, p) for n, p in names] + [spelled(str(n), p) for n, p in networks]

    def is_trusted_name(self, host: str, port: int | None = None) -> bool:
        """Tell whether ``host`` (a name) is exempt from the address checks on ``port``."""
        name = _ascii_host(host)
        return (name, None) in self._names or (port is not None and (name, port) in self._names)

    def is_trusted_host(self, host: str) -> bool:
        """Tell whether any trusted entry covers ``host`` (by name or literal address)."""
        name = _ascii_host(host)
        if any(entry == name for entry, _ in self._names):
            return True
        address = literal_address(host)
        return address is not None and any(
            address.version == net.version and address in net for net, _ in self._networks
        )

    def is_blocked_ip(self, address: IPAddress) -> bool:
        """Tell whether the policy refuses ``address``, ignoring ``trusted_hosts``."""
        if isinstance(address, ipaddress.IPv6Address):
            if address.scope_id is not None:
                return True
            inner = embedded_ipv4(address)
            if inner is not None:
                return self.is_blocked_ip(inner)
            if any(address in net for net in _BLOCKED_V6):
                return True
        elif any(address in net for net in _BLOCKED_V4):
            return True
        # Final gate: whatever this Python's registry says is not global.
        return not address.is_global or address.is_multicast

    def is_allowed_ip(self, address: IPAddress, port: int | None = None) -> bool:
        """Tell whether ``address`` may be connected to (on ``port``; trusted networks included)."""
        for net, entry_port in self._networks:
            if (
                address.version == net.version
                and address in net
                and (entry_port is None or entry_port == port)
            ):
                return True
        return not self.is_blocked_ip(address)

    def check_port(self, host: str, port: int, *, from_untrusted: bool = False) -> None:
        """Refuse a port the policy does not allow for ``host``.

        Port 0 is always refused.  A port in ``allowed_ports`` (or any port when it is
        None) passes.  Another port passes only when a trusted entry names it for
        this host (by name, or the literal address in the entry's network) and the
        request does not come ``from_untrusted`` — a redirect from a host no entry
        covers.  Raises :class:`BlockedAddressError`.

        >>> policy = AddressPolicy(["127.0.0.1:8765"], allowed_ports=[80, 443])
        >>> policy.check_port("127.0.0.1", 8765)
        >>> policy.check_port("127.0.0.1", 8765, from_untrusted=True)
        Traceback (most recent call last):
            ...
        tweetresolve.expansion.guard.BlockedAddressError: port 8765 of 127.0.0.1 is open only to the input URL and to redirects from trusted hosts
        """  # noqa: E501
        if not 0 < port < 65536:
            raise BlockedAddressError(f"port {port} is never connected to", host=host)
        if self._allowed_ports is None or port in self._allowed_ports:
            return
        if not self._names_port(host, port):
            raise BlockedAddressError(
                f"port {port} is not allowed (allowed_ports: "
                f"{', '.join(map(str, sorted(self._allowed_ports)))})",
                host=host,
            )
        if from_untrusted:
            raise BlockedAddressError(
                f"port {port} of {host} is open only to the input URL and to redirects "
                "from trusted hosts",
                host=host,
            )

    def _names_port(self, host: str, port: int) -> bool:
        if (_ascii_host(host), port) in self._names:
            return True
        address = literal_address(host)
        return address is not None and any(
            entry_port == port and address.version == net.version and address in net
            for net, entry_port in self._networks
        )

    def check_url_host(self, host: str, port: int | None = None) -> None:
        """Refuse a URL whose host is a literal address the policy blocks.

        Raises :class:`BlockedAddressError`; a host name passes (it is checked
        again, on its resolved addresses, at connect time).
        """
        if self.is_trusted_name(host, port):
            return
        address = literal_address(host)
        if address is not None and not self.is_allowed_ip(address, port):
            raise BlockedAddressError(
                f"address {address} is not allowed", host=host, address=str(address)
            )

    def check_addresses(
        self, host: str, addresses: Iterable[str], port: int | None = None
    ) -> list[str]:
        """Return ``addresses`` if every one is allowed, else raise.

        A name that resolves to a mix of public and private addresses is refused
        whole: picking the public one would still let a hostile resolver choose.
        An answer that is not an IP address at all is a resolver failure.
        """
        checked = list(addresses)
        if self.is_trusted_name(host, port):
            return checked
        for text in checked:
            try:
                address = ipaddress.ip_address(text.split("%", 1)[0])
            except ValueError:
                raise BlockedAddressError(
                    f"{host} resolved to {text!r}, which is not an IP address", host=host
                ) from None
            if "%" in text or not self.is_allowed_ip(address, port):
                raise BlockedAddressError(
                    f"{host} resolves to {text}, which is not allowed", host=host, address=text
                )
        return checked


def _port_set(ports: Iterable[int]) -> frozenset[int]:
    if isinstance(ports, (str, bytes)):
        raise TypeError("allowed_ports must be a list of port numbers, not a str")
    found: set[int] = set()
    for port in ports:
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            raise ValueError(f"allowed_ports entries must be ports 1-65535, got {port!r}")
        found.add(port)
    return frozenset(found)


def _ascii_host(host: str) -> str:
    text = host.strip().strip("[]").rstrip(".").lower()
    if text.isascii():
        return text
    try:
        return text.encode("idna").decode("ascii")
    except UnicodeError:
        return text
