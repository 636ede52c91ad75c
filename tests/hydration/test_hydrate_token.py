"""The syndication token and JavaScript's Number-to-radix formatting, checked against V8."""

from __future__ import annotations

import json
import math
import random
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from tweetresolve.hydration.token import js_radix_string, syndication_token

DATA = Path(__file__).parent / "data" / "syndication_tokens.tsv"

# The widget's expression, run by Node.js on a JSON list of ids read from stdin.
_NODE_TOKENS = (
    "const t=id=>((Number(id) / 1e15) * Math.PI).toString(6 ** 2).replace(/(0+|\\.)/g, '');"
    "let d='';process.stdin.on('data',c=>d+=c).on('end',()=>"
    "console.log(JSON.stringify(JSON.parse(d).map(t))))"
)
# Number.prototype.toString(radix) on [value, radix] pairs.
_NODE_RADIX = (
    "let d='';process.stdin.on('data',c=>d+=c).on('end',()=>"
    "console.log(JSON.stringify(JSON.parse(d).map(([v,r])=>v.toString(r)))))"
)


def _table() -> list[tuple[str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            tweet_id, token = line.split("\t")
            rows.append((tweet_id, token))
    return rows


def _node(script: str, payload: object) -> list[str]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    done = subprocess.run(
        [node, "-e", script], input=json.dumps(payload), capture_output=True, text=True, check=True
    )
    result: list[str] = json.loads(done.stdout)
    return result


def test_table_of_node_computed_tokens() -> None:
    """Every id of the committed table (computed by Node.js) gives Node's token."""
    table = _table()
    assert len(table) > 2000
    wrong = [(i, t, syndication_token(i)) for i, t in table if syndication_token(i) != t]
    assert wrong == []


def test_tokens_match_node_on_random_ids() -> None:
    """Five thousand fresh random ids, all lengths, give the token Node.js computes."""
    rng = random.Random()
    ids = [str(rng.randrange(1, 10 ** rng.randint(1, 19))) for _ in range(2000)]
    ids += [str(rng.randrange(10**17, 2**64)) for _ in range(3000)]
    expected = _node(_NODE_TOKENS, ids)
    wrong = [(i, t) for i, t in zip(ids, expected, strict=True) if syndication_token(i) != t]
    assert wrong == []


def test_radix_strings_match_node_on_random_doubles() -> None:
    """Random doubles of every magnitude, in every radix, format as V8 formats them."""
    rng = random.Random()
    radixes = [r for r in range(2, 37) if r != 10]
    pairs: list[tuple[float, int]] = []
    while len(pairs) < 3000:
        value = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
        if math.isfinite(value):
            pairs.append((value, rng.choice(radixes)))
    pairs += [(rng.uniform(-1e4, 1e4), rng.choice(radixes)) for _ in range(2000)]
    expected = _node(_NODE_RADIX, pairs)
    wrong = [
        (v, r, e) for (v, r), e in zip(pairs, expected, strict=True) if js_radix_string(v, r) != e
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("value", "radix", "expected"),
    [
        (0.5, 2, "0.1"),  # exact binary fraction
        (0.1, 3, "0.0022002200220022002200220022002201"),  # long expansion
        (255.0, 16, "ff"),  # integer
        (-3.75, 36, "-3.r"),  # sign and fraction
        (2.0**60, 36, "8rc4kbdvss00"),  # above 2**53: low digits padded with zeros
        (0.0, 36, "0"),
        (-0.0, 36, "0"),  # JavaScript prints negative zero as "0"
        (math.inf, 36, "Infinity"),
        (-math.inf, 2, "-Infinity"),
        (math.nan, 16, "NaN"),
        (5e-324, 2, "0." + "0" * 1073 + "1"),  # the smallest subnormal
        (35.99999999999999, 36, "z.zzzzzzzzz"),  # fraction digits stop at the precision
    ],
)
def test_radix_string_cases(value: float, radix: int, expected: str) -> None:
    """Hand-picked values, with the strings Node.js prints for them."""
    assert js_radix_string(value, radix) == expected


@pytest.mark.parametrize("radix", [1, 10, 37])
def test_unsupported_radix(radix: int) -> None:
    """A radix outside 2..36 (or 10, JavaScript's other algorithm) is refused."""
    with pytest.raises(ValueError, match=r"radix must be 2\.\.36 and not 10"):
        js_radix_string(1.5, radix)
