"""TLS against a real HTTPS server on 127.0.0.1 with a throwaway certificate."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from expand_server import running_server

from tweetresolve.expansion import Expander, GuardedTransport
from tweetresolve.expansion._asyncio_backend import AsyncioBackend
from tweetresolve.expansion.transport import NameResolutionError
from tweetresolve.records import Expansion

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=tls.test",
            "-addext", "subjectAltName=DNS:tls.test,IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    return cert, key


@pytest.fixture(scope="module")
def server(certificate: tuple[Path, Path]) -> Iterator[Any]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    with running_server(tls=context) as running:
        yield running


def client_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(certificate[0]))


async def only_tls_test(host: str, port: int) -> list[str]:
    if host != "tls.test":
        raise NameResolutionError(f"{host} is not served here", host=host)
    return ["127.0.0.1"]


def expand_tls(url: str, transport: GuardedTransport, trusted: list[str]) -> Expansion:
    # The server's random high port is opened by naming it in the trusted entries.
    port = urlsplit(url).port
    trusted = [f"{host}:{port}" for host in trusted]
    with Expander(transport=transport, trusted_hosts=trusted, cache=None, retries=0) as expander:
        return expander.expand(url)


def test_https_chain(server: Any, certificate: tuple[Path, Path]) -> None:
    """A chain over HTTPS with a certificate the client trusts."""
    transport = GuardedTransport(
        trusted_hosts=["127.0.0.1"], ssl_context=client_context(certificate)
    )
    result = expand_tls(f"https://127.0.0.1:{server.server_port}/chain/2", transport, ["127.0.0.1"])
    assert result.ok
    assert result.final_url == f"https://127.0.0.1:{server.server_port}/final"


def test_server_name_is_verified(server: Any, certificate: tuple[Path, Path]) -> None:
    """The certificate is checked against the host name while the socket goes to the IP."""
    transport = GuardedTransport(
        trusted_hosts=["tls.test"], resolver=only_tls_test, ssl_context=client_context(certificate)
    )
    result = expand_tls(f"https://tls.test:{server.server_port}/final", transport, ["tls.test"])
    assert result.ok


def test_untrusted_certificate_is_tls_error(server: Any) -> None:
    """A certificate no authority vouches for is a 'tls' failure."""
    transport = GuardedTransport(trusted_hosts=["127.0.0.1"])
    result = expand_tls(f"https://127.0.0.1:{server.server_port}/final", transport, ["127.0.0.1"])
    assert (result.ok, result.error) == (False, "tls")


def test_tls_close_releases_the_socket(server: Any, certificate: tuple[Path, Path]) -> None:
    """aclose() returns only once the socket is released, also after a TLS close.

    A TLS close waits for the peer's answer; returning before it left a socket for
    the garbage collector when the loop stopped right after (an unclosed-socket
    ResourceWarning in a later test).
    """

    async def main() -> int:
        stream = await AsyncioBackend().connect_tcp("127.0.0.1", server.server_port, timeout=5)
        raw = stream.get_extra_info("socket")
        tls = await stream.start_tls(client_context(certificate), server_hostname="tls.test")
        await tls.write(b"GET /final HTTP/1.1\r\nHost: tls.test\r\n\r\n", timeout=5)
        assert (await tls.read(12, timeout=5)).startswith(b"HTTP/1.1")
        await tls.aclose()
        return int(raw.fileno())

    assert asyncio.run(main()) == -1
