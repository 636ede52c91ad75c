"""How long ``import tweetresolve`` takes, beside ``import httpx`` alone as the baseline.

Each import runs in a fresh interpreter (``python -X importtime -c "import …"``),
several times; the medians are printed, with the number of modules each import
loads and, for tweetresolve, the slowest modules of the median run.  An empty
interpreter start (``-c pass``) is printed too: it is paid before any import.

    python benchmarks/bench_import.py            # 15 runs each
    python benchmarks/bench_import.py --runs 31 --top 15
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time

# One line of -X importtime output: "import time: self [us] | cumulative | name".
# Example: "import time:       262 |      21720 |       httpx".
_IMPORT_LINE = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)")

_COUNT_MODULES = (
    "import sys; before = len(sys.modules); import {module}; print(len(sys.modules) - before)"
)

# Bytecode caches are on, as in an installed package: an environment that turns
# them off (PYTHONDONTWRITEBYTECODE) would time the compiler, not the import.
_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=True, env=_ENV
    )


def import_time(module: str) -> tuple[float, list[tuple[float, str]]]:
    """Cumulative milliseconds of ``import module`` and each module's own milliseconds."""
    completed = _run("-X", "importtime", "-c", f"import {module}")
    total = 0.0
    own: list[tuple[float, str]] = []
    for line in completed.stderr.splitlines():
        found = _IMPORT_LINE.match(line)
        if found is None:
            continue
        own.append((int(found.group(1)) / 1000, found.group(4)))
        if found.group(4) == module and not found.group(3).strip(" "):
            total = int(found.group(2)) / 1000
    return total, own


def modules_loaded(module: str) -> int:
    """How many modules ``import module`` adds to ``sys.modules``."""
    return int(_run("-c", _COUNT_MODULES.format(module=module)).stdout.strip())


def start_time(runs: int) -> float:
    """Median wall-clock milliseconds of an interpreter that imports nothing."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        _run("-c", "pass")
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per import (default 15)")
    parser.add_argument("--top", type=int, default=10, help="slowest modules to list")
    args = parser.parse_args()

    print(f"python {sys.version.split()[0]}, {args.runs} runs each, medians")
    print(f"{'interpreter start (-c pass)':32} {start_time(args.runs):8.1f} ms wall")
    modules = ("httpx", "tweetresolve")
    runs: dict[str, list[tuple[float, list[tuple[float, str]]]]] = {m: [] for m in modules}
    _run("-c", "import httpx, tweetresolve")  # writes the bytecode caches
    for _ in range(args.runs):
        for module in modules:  # interleaved, so that a busy machine slows both alike
            runs[module].append(import_time(module))
    for module, results in runs.items():
        totals = [total for total, _ in results]
        print(
            f"{'import ' + module:32} {statistics.median(totals):8.1f} ms "
            f"(min {min(totals):.1f}, max {max(totals):.1f}), "
            f"{modules_loaded(module)} modules"
        )
    results = sorted(runs["tweetresolve"], key=lambda run: run[0])
    _, own = results[len(results) // 2]
    print("slowest modules of the median tweetresolve import (own time, ms):")
    for milliseconds, name in sorted(own, reverse=True)[: args.top]:
        print(f"  {milliseconds:7.1f}  {name}")
    heavy = ("httpx", "httpcore", "anyio", "ssl", "sqlite3", "bs4")
    loaded = _run(
        "-c", f"import sys, tweetresolve; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    ).stdout.strip()
    print(f"network/parsing stacks loaded by import tweetresolve: {loaded or 'none'}")


if __name__ == "__main__":
    main()
