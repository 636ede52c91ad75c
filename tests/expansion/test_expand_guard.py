"""Tests of the address policy, and of the transport that enforces it at connect time.

The connect step is replaced by a recording fake in every test here, so even a
broken policy could not send a packet: the tests only look at what would have been
connected to.
"""

from __future__ import annotations

import asyncio
import ipaddress
import typing
from typing import Any

import httpcore
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetresolve.errors import InvalidOptionError
from tweetresolve.expansion import AsyncExpander, GuardedTransport
from tweetresolve.expansion.guard import AddressPolicy, BlockedAddressError, literal_address
from tweetresolve.expansion.transport import NameResolutionError
from tweetresolve.records import Expansion

# Documentation-range stand-ins would be refused by the policy itself, so the
# "public" address here is an ordinary global one; nothing is ever sent to it.
PUBLIC = "93.184.215.14"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",  # loopback
        "127.255.255.254",  # loopback range
        "10.1.2.3",  # private
        "172.16.0.1",  # private
        "192.168.0.1",  # private
        "169.254.169.254",  # link-local / cloud metadata
        "100.64.0.1",  # CGNAT, neither private nor global to ipaddress
        "100.100.100.200",  # metadata inside CGNAT
        "0.0.0.0",  # unspecified
        "224.0.0.1",  # multicast (is_global=True on some Pythons)
        "240.0.0.1",  # reserved
        "255.255.255.255",  # broadcast
        "192.0.2.1",  # documentation
        "198.18.0.1",  # benchmarking
        "::1",  # IPv6 loopback
        "::",  # unspecified
        "::ffff:127.0.0.1",  # IPv4-mapped loopback
        "::ffff:169.254.169.254",  # IPv4-mapped metadata
        "::127.0.0.1",  # deprecated IPv4-compatible
        "2002:7f00:1::",  # 6to4 of loopback (is_global=True on 3.11)
        "2002:a9fe:a9fe::",  # 6to4 of metadata
        "64:ff9b::7f00:1",  # NAT64 of loopback
        "64:ff9b:1::a00:1",  # NAT64 local-use prefix
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo whose client is 127.0.0.1
        "fd00:ec2::254",  # AWS metadata (unique-local)
        "fe80::1",  # link-local
        "ff02::1",  # multicast
        "2001:db8::1",  # documentation
    ],
)
def test_blocked_addresses(address: str) -> None:
    """Non-public addresses and IPv6 forms embedding them are refused."""
    assert AddressPolicy().is_blocked_ip(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address",
    [
        PUBLIC,  # ordinary IPv4
        "2606:4700::1111",  # ordinary IPv6
        "::ffff:93.184.215.14",  # IPv4-mapped public
        "64:ff9b::5db8:d70e",  # NAT64 of a public address
    ],
)
def test_public_addresses(address: str) -> None:
    """Public addresses pass."""
    assert not AddressPolicy().is_blocked_ip(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("2130706433", "127.0.0.1"),  # decimal
        ("0x7f000001", "127.0.0.1"),  # hex
        ("0177.0.0.1", "127.0.0.1"),  # octal
        ("127.1", "127.0.0.1"),  # shortened
        ("0x7f.1", "127.0.0.1"),  # mixed
        ("[::1]", "::1"),  # bracketed IPv6
        ("169.254.169.254.", "169.254.169.254"),  # trailing dot
        ("example.com", None),  # a name
        ("cafe.babe", None),  # hex letters only, still a name
        ("1.2.3.4.5", None),  # not an address
    ],
)
def test_literal_address_spellings(host: str, expected: str | None) -> None:
    """Every numeric spelling getaddrinfo would accept is recognised."""
    found = literal_address(host)
    assert (str(found) if found else None) == expected


def test_trusted_hosts_names_and_networks() -> None:
    """Names are trusted whatever they resolve to; networks cover their addresses."""
    policy = AddressPolicy(["intranet.example", "10.0.0.0/8", "127.0.0.1"])
    assert policy.is_trusted_name("INTRANET.example.")
    assert policy.check_addresses("intranet.example", ["192.168.1.1"]) == ["192.168.1.1"]
    assert policy.is_allowed_ip(ipaddress.ip_address("10.9.9.9"))
    assert not policy.is_allowed_ip(ipaddress.ip_address("127.0.0.2"))
    with pytest.raises(BlockedAddressError):
        policy.check_addresses("other.example", ["192.168.1.1"])


def test_mixed_resolution_is_refused_whole() -> None:
    """A name resolving to public and private addresses is refused."""
    with pytest.raises(BlockedAddressError, match=r"resolves to 10\.0\.0\.5"):
        AddressPolicy().check_addresses("mixed.example", [PUBLIC, "10.0.0.5"])


def test_trusted_hosts_must_be_a_list() -> None:
    """A bare string is a mistake, not a list of one-letter hosts."""
    with pytest.raises(TypeError, match="not a str"):
        AddressPolicy("127.0.0.1")


# -- the connect step, replaced by a recording fake ----------------------------------


class FakeStream(httpcore.AsyncNetworkStream):
    """A network stream that answers from a script and records what was written."""

    def __init__(self, answer: bytes, log: list[Any]) -> None:
        self._answer = [answer]
        self._log = log

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._answer.pop(0) if self._answer else b""

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._log.append(("write", buffer))

    async def aclose(self) -> None:
        self._log.append(("close",))

    async def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self._log.append(("tls", server_hostname))
        return self

    def get_extra_info(self, info: str) -> Any:
        return None


class RecordingBackend(httpcore.AsyncNetworkBackend):
    """Records every connect; answers with a canned response, never touches a socket."""

    def __init__(self, answers: dict[str, bytes]) -> None:
        self.answers = answers
        self.connects: list[tuple[str, int]] = []
        self.log: list[Any] = []

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.connects.append((host, port))
        if host not in self.answers:
            raise httpcore.ConnectError("fake backend: no such server")
        return FakeStream(self.answers[host], self.log)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


FAKE_DNS = {
    "public.example": [PUBLIC],
    "metadata.example": ["169.254.169.254"],
    "mixed.example": [PUBLIC, "10.0.0.5"],
    "mapped.example": ["::ffff:10.0.0.1"],
    "loopback.example": ["127.0.0.1"],
}


async def fake_resolver(host: str, port: int) -> list[str]:
    if host not in FAKE_DNS:
        raise NameResolutionError(f"{host} is not in the fake DNS", host=host)
    return FAKE_DNS[host]


def redirect_to(location: str) -> bytes:
    return f"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n".encode()


def expand_with(
    url: str, backend: RecordingBackend, *, trusted: tuple[str, ...] = (), **options: Any
) -> Expansion:
    transport = GuardedTransport(
        trusted_hosts=trusted, resolver=fake_resolver, network_backend=backend
    )

    async def main() -> Expansion:
        async with AsyncExpander(
            transport=transport, trusted_hosts=trusted, retries=0, cache=None, **options
        ) as expander:
            return await expander.expand(url)

    return asyncio.run(main())


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",  # metadata literal
        "http://10.0.0.1/",  # private literal
        "http://[::ffff:10.0.0.1]/",  # IPv4-mapped literal
        "http://2852039166/",  # decimal metadata
        "http://0xa9fea9fe/",  # hex metadata
        "http://100.100.100.200/",  # CGNAT metadata
        "http://[fd00:ec2::254]/",  # IPv6 metadata
        "http://metadata.example/",  # a name resolving to metadata
        "http://mapped.example/",  # a name resolving to an IPv4-mapped private address
        "http://mixed.example/",  # a name resolving to public and private
        "http://loopback.example/",  # a name resolving to loopback
        "https://metadata.example/",  # over TLS too
    ],
)
def test_redirect_into_private_space_connects_nowhere(target: str) -> None:
    """A public hop redirecting into private space: only the public hop is connected."""
    backend = RecordingBackend({PUBLIC: redirect_to(target)})
    result = expand_with("http://public.example/start", backend)
    assert (result.ok, result.error) == (False, "blocked_address")
    assert backend.connects == [(PUBLIC, 80)]
    assert result.hops[0].via == "location"


def test_connect_goes_to_the_checked_address_with_the_name_kept() -> None:
    """The socket goes to the resolved address; Host and SNI keep the name."""
    backend = RecordingBackend(
        {PUBLIC: b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"}
    )
    result = expand_with("https://public.example/page", backend)
    assert result.ok
    assert backend.connects == [(PUBLIC, 443)]
    assert ("tls", "public.example") in backend.log
    written = b"".join(entry[1] for entry in backend.log if entry[0] == "write")
    assert b"Host: public.example\r\n" in written


def test_unresolvable_name_is_dns_error() -> None:
    """A name the resolver does not know is a 'dns' failure, with nothing connected."""
    backend = RecordingBackend({})
    result = expand_with("http://nowhere.example/", backend)
    assert result.error == "dns"
    assert backend.connects == []


def test_trusted_name_is_connected() -> None:
    """A trusted name may resolve to a loopback address."""
    backend = RecordingBackend(
        {"127.0.0.1": b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n"}
    )
    result = expand_with("http://loopback.example/", backend, trusted=("loopback.example",))
    assert result.ok
    assert backend.connects == [("127.0.0.1", 80)]


def test_transport_refuses_literal_before_resolving() -> None:
    """Used directly with httpx, the transport refuses a blocked literal host itself."""
    import httpx

    backend = RecordingBackend({})

    async def main() -> None:
        transport = GuardedTransport(resolver=fake_resolver, network_backend=backend)
        async with httpx.AsyncClient(transport=transport) as client:
            await client.get("http://0x7f000001/")

    with pytest.raises(BlockedAddressError):
        asyncio.run(main())
    assert backend.connects == []


PRIVATE_V4 = [
    ipaddress.IPv4Network(n)
    for n in ("10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16")
]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=4), st.integers(min_value=0, max_value=2**24 - 1))
def test_every_spelling_of_a_private_address_is_blocked(network: int, offset: int) -> None:
    """A private IPv4 address stays blocked in every IPv6 wrapping and numeric spelling."""
    net = PRIVATE_V4[network]
    v4 = ipaddress.IPv4Address(int(net.network_address) + offset % net.num_addresses)
    policy = AddressPolicy()
    value = int(v4)
    wrapped: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = [
        v4,
        ipaddress.IPv6Address((0xFFFF << 32) | value),  # IPv4-mapped
        ipaddress.IPv6Address((0x2002 << 112) | (value << 80)),  # 6to4
        ipaddress.IPv6Address((0x64FF9B << 96) | value),  # NAT64
        ipaddress.IPv6Address(value),  # IPv4-compatible
    ]
    assert all(policy.is_blocked_ip(address) for address in wrapped)
    for spelling in (str(value), hex(value), "0" + oct(value)[2:]):
        found = literal_address(spelling)
        assert found is not None
        assert policy.is_blocked_ip(found)


# -- ports ------------------------------------------------------------------------------

OK_PAGE = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"


@pytest.mark.parametrize(
    ("url", "options"),
    [
        ("http://public.example:22/", {}),  # ssh on a public host
        ("http://public.example:6379/", {}),  # redis
        ("http://public.example:0/", {}),  # port 0 is not "the default"
        ("http://public.example:0/", {"allowed_ports": [80, 443]}),  # never, whatever is allowed
        ("https://public.example:25/", {}),  # smtp, over TLS too
        ("http://loopback.example:8765/", {"trusted": ("loopback.example",)}),  # trust, no port
        ("http://loopback.example:8765/", {"trusted": ("loopback.example:8766",)}),  # other port
        ("http://127.0.0.1:8765/", {"trusted": ("127.0.0.1",)}),  # address trusted, port not
    ],
)
def test_port_not_allowed_connects_nowhere(url: str, options: dict[str, Any]) -> None:
    """A port outside allowed_ports, not named by a trusted entry, is refused before connecting."""
    backend = RecordingBackend({PUBLIC: OK_PAGE, "127.0.0.1": OK_PAGE})
    result = expand_with(url, backend, **options)
    assert (result.ok, result.error) == (False, "blocked_address")
    assert backend.connects == []


@pytest.mark.parametrize(
    ("url", "options", "connect"),
    [
        ("http://public.example/", {}, (PUBLIC, 80)),
        ("http://public.example:8080/", {}, (PUBLIC, 8080)),  # a common alternate
        ("https://public.example:8443/", {}, (PUBLIC, 8443)),
        ("http://public.example:2375/", {"allowed_ports": [2375]}, (PUBLIC, 2375)),
        (
            "http://loopback.example:8765/",
            {"trusted": ("loopback.example:8765",)},
            ("127.0.0.1", 8765),
        ),
        ("http://127.0.0.1:8765/", {"trusted": ("127.0.0.1:8765",)}, ("127.0.0.1", 8765)),
        ("http://127.0.0.1:8765/", {"trusted": ("127.0.0.0/8:8765",)}, ("127.0.0.1", 8765)),
    ],
)
def test_allowed_ports_and_trusted_ports(
    url: str, options: dict[str, Any], connect: tuple[str, int]
) -> None:
    """Allowed ports, and a port a trusted entry names for its host, are connected to."""
    backend = RecordingBackend({PUBLIC: OK_PAGE, "127.0.0.1": OK_PAGE})
    result = expand_with(url, backend, **options)
    assert result.ok, result.detail
    assert backend.connects == [connect]


@pytest.mark.parametrize(
    "target",
    [
        "http://public.example:6379/",  # another port of the same public host
        "http://127.0.0.1:8765/",  # a trusted address and port, from an untrusted host
        "http://loopback.example:8765/",  # the same by a trusted name
    ],
)
def test_redirect_from_untrusted_host_gets_no_extra_port(target: str) -> None:
    """A redirect from an untrusted host never reaches a port outside allowed_ports."""
    backend = RecordingBackend({PUBLIC: redirect_to(target), "127.0.0.1": OK_PAGE})
    trusted = ("127.0.0.1:8765", "loopback.example:8765")
    result = expand_with("http://public.example/start", backend, trusted=trusted)
    assert (result.ok, result.error) == (False, "blocked_address")
    assert backend.connects == [(PUBLIC, 80)]


def test_redirect_between_trusted_ports_is_followed() -> None:
    """A trusted host may redirect to another port a trusted entry names."""
    backend = RecordingBackend({"127.0.0.1": OK_PAGE})
    trusted = ("127.0.0.1:8765", "127.0.0.1:8766")
    backend.answers["127.0.0.1"] = redirect_to("http://127.0.0.1:8766/")
    result = expand_with("http://127.0.0.1:8765/", backend, trusted=trusted, max_redirects=1)
    # The canned answer redirects again from 8766: the second redirect is one too many,
    # but both ports were connected to.
    assert result.error == "too_many_redirects"
    assert backend.connects == [("127.0.0.1", 8765), ("127.0.0.1", 8766)]


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (["127.0.0.1:0"], "names port 0"),
        (["127.0.0.1:70000"], "names port 70000"),
    ],
)
def test_trusted_entry_ports_are_checked(entries: list[str], message: str) -> None:
    """A trusted entry must name a real port."""
    with pytest.raises(ValueError, match=message):
        AddressPolicy(entries)


@pytest.mark.parametrize("ports", [[0], [65536], ["80"], [True], "80"])
def test_allowed_ports_are_checked(ports: Any) -> None:
    """allowed_ports takes port numbers 1-65535 only."""
    with pytest.raises(InvalidOptionError) as caught:
        AsyncExpander(allowed_ports=ports)
    assert caught.value.option == "allowed_ports"


# -- hostile resolvers, locations and hosts ----------------------------------------------


def test_resolver_answer_that_is_not_an_address_is_a_dns_failure() -> None:
    """A resolver answering with a non-address gives 'dns' for that URL, not an exception."""

    async def odd_resolver(host: str, port: int) -> list[str]:
        return ["not-an-address"] if host == "odd.example" else [PUBLIC]

    backend = RecordingBackend({PUBLIC: OK_PAGE})
    transport = GuardedTransport(resolver=odd_resolver, network_backend=backend)

    async def main() -> list[Expansion]:
        async with AsyncExpander(transport=transport, retries=0, cache=None) as expander:
            return [e async for e in expander.stream(["http://odd.example/", "http://ok.example/"])]

    results = {e.url: e for e in asyncio.run(main())}
    assert results["http://odd.example/"].error == "dns"
    assert results["http://ok.example/"].ok  # the stream went on
    assert backend.connects == [(PUBLIC, 80)]


@pytest.mark.parametrize(
    "location",
    [
        "",  # empty
        "   ",  # blank
        "http://public.example/" + "a" * 8200,  # longer than any URL requested
    ],
)
def test_unusable_location_is_invalid_redirect(location: str) -> None:
    """A 3xx whose Location is empty or too long is invalid_redirect, with its status."""
    answer = f"HTTP/1.1 301 Moved\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n"
    backend = RecordingBackend({PUBLIC: answer.encode()})
    result = expand_with("http://public.example/start", backend)
    assert (result.error, result.status) == ("invalid_redirect", 301)
    assert backend.connects == [(PUBLIC, 80)]


@pytest.mark.parametrize(
    "url",
    [
        "http://a b.example/",  # a space in the host
        "http://%70ublic.example/",  # percent escapes in the host
        "http://%31%32%37.0.0.1/",  # an escaped loopback address
    ],
)
def test_odd_host_never_reaches_the_resolver(url: str) -> None:
    """A host with a space or % escapes is invalid_url before any lookup."""
    asked: list[str] = []

    async def recording_resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return [PUBLIC]

    backend = RecordingBackend({PUBLIC: OK_PAGE})
    transport = GuardedTransport(resolver=recording_resolver, network_backend=backend)

    async def main() -> Expansion:
        async with AsyncExpander(transport=transport, retries=0, cache=None) as expander:
            return await expander.expand(url)

    result = asyncio.run(main())
    assert result.error == "invalid_url"
    assert asked == []
    assert backend.connects == []
