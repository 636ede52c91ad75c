"""The fixed set of error codes an :class:`~tweetresolve.Expansion` can carry.

A failed expansion is a value, ``Expansion(ok=False, error=<code>)``; the code is
one of :data:`ERROR_CODES` and never a free-form message (the free text, for logs,
is in ``Expansion.detail``).

>>> "timeout" in ERROR_CODES
True
>>> is_error_code("teapot")
False
"""

from __future__ import annotations

import socket
import ssl
from typing import Final, get_args

import httpx

from tweetresolve.expansion.guard import BlockedAddressError
from tweetresolve.expansion.transport import NameResolutionError
from tweetresolve.records import ErrorCode

__all__ = ["ERROR_CODES", "RETRYABLE_CODES", "ErrorCode", "code_for_exception", "is_error_code"]


#: Every error code, in documentation order.  What each means:
#:
#: ``invalid_url``         the input is not an absolute http(s) URL we may request
#:                         (other scheme, credentials in it, control characters, too long)
#: ``blocked_address``     the address policy refused a host (loopback, private, metadata …)
#: ``dns``                 the host name does not resolve
#: ``connect``             the TCP connection failed (refused, unreachable)
#: ``tls``                 the TLS handshake or certificate check failed
#: ``timeout``             a connect/read timeout, or the total deadline for the URL passed
#: ``network``             the connection broke while sending or receiving
#: ``protocol``            the server's answer was not valid HTTP
#: ``http_status``         the chain ended on a status that is not 2xx (see ``status``)
#: ``too_many_redirects``  more than ``max_redirects`` steps
#: ``redirect_loop``       a step led back to a URL already visited in the same state
#: ``invalid_redirect``    a redirect named a target that is not a valid URL
#: ``unsupported_scheme``  a redirect led to a non-http(s) URL (kept in ``final_url``)
#: ``body_too_large``      a shortener's page did not reveal its target within ``max_body_bytes``
ERROR_CODES: Final[tuple[ErrorCode, ...]] = get_args(ErrorCode)

#: Codes worth another attempt (with backoff) on the same URL.
RETRYABLE_CODES: Final[frozenset[ErrorCode]] = frozenset({"connect", "timeout", "network"})


def is_error_code(value: object) -> bool:
    """Tell whether ``value`` is one of the documented error codes."""
    return value in ERROR_CODES


# The one translation of dependency exceptions into codes, most specific first.
# ConnectError is refined below by its cause: certificate and handshake failures
# are "tls", resolver failures are "dns".
_EXCEPTION_CODES: Final[tuple[tuple[type[Exception], ErrorCode], ...]] = (
    (BlockedAddressError, "blocked_address"),
    (NameResolutionError, "dns"),
    (httpx.TimeoutException, "timeout"),
    (httpx.ConnectError, "connect"),
    (httpx.UnsupportedProtocol, "unsupported_scheme"),
    (httpx.InvalidURL, "invalid_url"),
    (httpx.ProtocolError, "protocol"),
    (httpx.DecodingError, "protocol"),
    (httpx.TransportError, "network"),
    (ssl.SSLError, "tls"),
    (TimeoutError, "timeout"),
)


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 16:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def code_for_exception(exc: Exception) -> ErrorCode:
    """Translate an exception from httpx (or the transport) into an error code.

    Raises ``TypeError`` for an exception it does not know: that is a bug to
    surface, not a failure to report.

    >>> code_for_exception(httpx.ReadTimeout("slow"))
    'timeout'
    >>> code_for_exception(httpx.ConnectError("x"))
    'connect'
    """
    code = next((code for kind, code in _EXCEPTION_CODES if isinstance(exc, kind)), None)
    if code is None:
        raise TypeError(f"no error code for {type(exc).__name__}") from exc
    if code == "protocol" and isinstance(exc.__context__, httpx.InvalidURL):
        # httpx reads every Location while receiving, even when not following it,
        # and refuses one it cannot parse (octal IPv4, bad ports) in this way.
        return "invalid_redirect"
    if code == "connect":
        causes = _causes(exc)
        if any(isinstance(cause, ssl.SSLError) for cause in causes):
            return "tls"
        if any(isinstance(cause, socket.gaierror) for cause in causes):
            return "dns"
    return code
