"""Validation helpers shared by the expander's and the hydrator's settings.

>>> check_number("retries", 0, integer=True, zero=True)
>>> host_list(["127.0.0.1"])
('127.0.0.1',)
"""

from __future__ import annotations

from collections.abc import Iterable

from tweetresolve.errors import InvalidOptionError

__all__ = ["check_number", "host_list"]


def check_number(option: str, value: object, *, integer: bool = False, zero: bool = False) -> None:
    """Raise InvalidOptionError unless ``value`` is a number > 0 (>= 0 with ``zero``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidOptionError(f"{option} must be a number, got {value!r}", option=option)
    if integer and not isinstance(value, int):
        raise InvalidOptionError(f"{option} must be an integer, got {value!r}", option=option)
    if value < 0 or (value == 0 and not zero):
        bound = ">= 0" if zero else "> 0"
        raise InvalidOptionError(f"{option} must be {bound}, got {value!r}", option=option)


def host_list(value: Iterable[str]) -> tuple[str, ...]:
    """The ``trusted_hosts`` option as a tuple; a bare string is refused."""
    if isinstance(value, str):
        raise InvalidOptionError(
            "trusted_hosts must be a list of host names or networks, not a str",
            option="trusted_hosts",
        )
    try:
        return tuple(value)
    except TypeError as exc:
        raise InvalidOptionError(
            "trusted_hosts must be a list of host names or networks", option="trusted_hosts"
        ) from exc
