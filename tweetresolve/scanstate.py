"""Resuming an interrupted scan: which tasks are in the output file, up to which byte.

Beside ``OUTPUT`` a run keeps ``OUTPUT.state``, JSON Lines: first the settings of the
run, then, each time the output of a task has been written and flushed, that task's
key and the output's length.  Output is written task by task, so after an interrupt
the output up to the last recorded length holds exactly the tasks recorded; anything
after it (a task half written, or written but not yet recorded) is cut off, and the
run goes on with the tasks not recorded.  A finished run removes the state file.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "posts.jsonl"
>>> state = ScanState.open(out, {"format": "jsonl"})
>>> stream = state.output()
>>> _ = stream.write(b'{"post": 1}\\n'); state.commit(stream, "a.warc.gz 0")
>>> _ = stream.write(b'{"post": 2, "half wri'); stream.close()   # interrupted here
>>> state.close()
>>> again = ScanState.open(out, {"format": "jsonl"})
>>> again.output().close(); again.finish()
>>> again.done, out.read_bytes()
({'a.warc.gz 0'}, b'{"post": 1}\\n')
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path
from typing import IO, Any

__all__ = ["ScanState", "state_path"]

logger = logging.getLogger(__name__)

_SUFFIX = ".state"


def state_path(output: Path) -> Path:
    """Where the state of a run writing ``output`` is kept."""
    return output.with_name(output.name + _SUFFIX)


class ScanState:
    """The state file of one run; see the module docstring."""

    def __init__(self, output: Path, settings: dict[str, Any], done: set[str], offset: int) -> None:
        self.path = state_path(output)
        self.output_path = output
        self.settings = settings
        #: Keys of the tasks whose output is already in the output file.
        self.done = done
        #: Length of the output file that holds exactly those tasks.
        self.offset = offset
        self._log: IO[str] | None = None

    @classmethod
    def open(cls, output: Path, settings: dict[str, Any]) -> ScanState:
        """Resume the run that wrote ``output`` with the same settings, or start afresh."""
        path = state_path(output)
        done: set[str] = set()
        offset = 0
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            lines = []
        if lines:
            try:
                header = json.loads(lines[0])
                entries = [json.loads(line) for line in lines[1:] if line.endswith("}")]
            except ValueError:
                header, entries = None, []
            if header != settings:
                logger.warning("%s: from a run with other settings; starting afresh", path)
            elif not output.exists():
                logger.warning("%s: %s is gone; starting afresh", path, output)
            else:
                for entry in entries:
                    done.add(entry["task"])
                    offset = entry["offset"]
        state = cls(output, settings, done, offset)
        state._start(resumed=bool(done) or (bool(lines) and header == settings))
        return state

    @property
    def resumed(self) -> bool:
        """True when this run goes on from an earlier one."""
        return bool(self.done)

    def _start(self, *, resumed: bool) -> None:
        if resumed:
            self._log = self.path.open("a", encoding="utf-8")
            return
        self.done, self.offset = set(), 0
        self._log = self.path.open("w", encoding="utf-8")
        self._log.write(json.dumps(self.settings) + "\n")
        self._log.flush()

    def output(self) -> IO[bytes]:
        """The output file, cut to the recorded length, positioned at its end."""
        mode = "r+b" if self.done or self.offset else "w+b"
        if mode == "r+b" and not self.output_path.exists():
            mode = "w+b"
        stream = self.output_path.open(mode)
        stream.truncate(self.offset)
        stream.seek(self.offset)
        return stream

    def commit(self, stream: IO[bytes], key: str) -> None:
        """Record that task ``key``'s output is in ``stream`` (flushed first)."""
        stream.flush()
        self.offset = stream.tell()
        self.done.add(key)
        assert self._log is not None
        self._log.write(json.dumps({"task": key, "offset": self.offset}) + "\n")
        self._log.flush()

    def mark(self, stream: IO[bytes]) -> None:
        """Record the output's length without a task (after a header line)."""
        self.commit(stream, "")

    def finish(self) -> None:
        """The run is complete: remove the state file."""
        self.close()
        with contextlib.suppress(FileNotFoundError):
            os.remove(self.path)

    def close(self) -> None:
        """Close the state file, keeping it for a later resume."""
        if self._log is not None:
            self._log.close()
            self._log = None
