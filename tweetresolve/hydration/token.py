"""The token Twitter's embed widget sends with a syndication request.

The widget computes it in JavaScript from the tweet id::

    ((Number(id) / 1e15) * Math.PI).toString(6 ** 2).replace(/(0+|\\.)/g, '')

Python's float arithmetic is the same IEEE-754 double arithmetic, so the number
is easy; the work is in ``Number.prototype.toString(36)``, whose digits are not
specified by ECMAScript beyond "an implementation-approximated value".  The
widget runs in browsers, and the endpoint accepts the V8 spelling, so
:func:`js_radix_string` follows V8's algorithm: write fraction digits only while
they are still significant at the input's precision (half the gap to the next
double), rounding the last digit half-to-even with a carry into the digits
already written; then write the integer part, padding with zeros where a double
cannot hold the low digits.

>>> syndication_token("20")
'6dq1a2xwd93'
>>> js_radix_string(0.5, 2), js_radix_string(255.0, 16), js_radix_string(-3.75, 36)
('0.1', 'ff', '-3.r')
"""

from __future__ import annotations

import math
import re
from typing import Final

__all__ = ["js_radix_string", "syndication_token"]

_DIGITS: Final = "0123456789abcdefghijklmnopqrstuvwxyz"
# The widget's own clean-up: every run of zeros and the radix point go.
# Example: "0.5bd80tjv" -> "5bd8tjv".
_TOKEN_DROP_RE: Final = re.compile(r"0+|\.")
# The smallest positive double (a subnormal): the least precision any digit has.
_MIN_DELTA: Final = math.nextafter(0.0, 1.0)
# V8 pads integer digits with zeros once a double can no longer hold the low
# digits exactly, that is from 2**53 on.
_EXACT_INTEGER_LIMIT: Final = 2.0**53


def js_radix_string(value: float, radix: int) -> str:
    """Return ``value.toString(radix)`` exactly as V8 (Chrome, Node.js) writes it.

    ``radix`` is 2 to 36; radix 10 is JavaScript's ordinary shortest form, which
    this function does not implement.
    """
    if not 2 <= radix <= 36 or radix == 10:
        raise ValueError(f"radix must be 2..36 and not 10, got {radix!r}")
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"  # also -0, as in JavaScript
    negative = value < 0
    value = abs(value)
    integer = math.floor(value)
    fraction = value - integer
    # Digits beyond half the distance to the next double are noise.
    delta = max(0.5 * (math.nextafter(value, math.inf) - value), _MIN_DELTA)
    fraction_digits: list[int] = []
    if fraction >= delta:
        while True:
            fraction *= radix
            delta *= radix
            digit = int(fraction)
            fraction_digits.append(digit)
            fraction -= digit
            rounds_up = fraction > 0.5 or (fraction == 0.5 and digit & 1)
            if rounds_up and fraction + delta > 1:
                integer += _round_up(fraction_digits, radix)
                break
            if fraction < delta:
                break
    integer_digits = _integer_digits(float(integer), radix)
    text = integer_digits
    if fraction_digits:
        text += "." + "".join(_DIGITS[d] for d in fraction_digits)
    return "-" + text if negative else text


def _round_up(digits: list[int], radix: int) -> int:
    """Add one unit in the last place to ``digits``; return the carry into the integer."""
    while digits:
        last = digits.pop()
        if last + 1 < radix:
            digits.append(last + 1)
            return 0
    return 1


def _integer_digits(integer: float, radix: int) -> str:
    zeros = 0
    while integer / radix >= _EXACT_INTEGER_LIMIT:
        integer /= radix
        zeros += 1
    digits: list[str] = []
    while True:
        remainder = math.fmod(integer, radix)
        digits.append(_DIGITS[int(remainder)])
        integer = (integer - remainder) / radix
        if integer <= 0:
            break
    return "".join(reversed(digits)) + "0" * zeros


def syndication_token(tweet_id: str | int) -> str:
    """Return the ``token`` query parameter the embed widget sends for ``tweet_id``.

    >>> syndication_token(1768312345678901248)
    '4abbexfaplg'
    """
    number = float(int(tweet_id))  # Number(id): correctly rounded, as in JavaScript
    return _TOKEN_DROP_RE.sub("", js_radix_string((number / 1e15) * math.pi, 36))
