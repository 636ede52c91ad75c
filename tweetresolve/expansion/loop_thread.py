"""A private event loop in a daemon thread, for the synchronous twins.

The sync expander and hydrator run their async engines here, so that sync callers
work inside a running event loop too.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

__all__ = ["LoopThread"]

_T = TypeVar("_T")


async def _finish_loop() -> None:
    """Cancel what is left on this loop, close its async generators and executor.

    Run last, on the loop itself, so that nothing is destroyed pending ("Task was
    destroyed but it is pending", "Event loop is closed") and every socket is
    closed by its owner rather than left to the garbage collector.
    """
    loop = asyncio.get_running_loop()
    current = asyncio.current_task()
    tasks = [task for task in asyncio.all_tasks(loop) if task is not current]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await loop.shutdown_asyncgens()
    await loop.shutdown_default_executor()
    # Let callbacks already scheduled (transports finishing their close) run.
    await asyncio.sleep(0)


class LoopThread:
    """Runs coroutines on its own loop in a daemon thread called ``name``."""

    def __init__(self, name: str) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name=name, daemon=True)
        self._thread.start()

    def call(self, coroutine: Coroutine[Any, Any, _T]) -> _T:
        """Run ``coroutine`` on the loop and wait for its result."""
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result()
        except BaseException:
            future.cancel()
            raise

    def stop(self) -> None:
        """Finish every task and generator on the loop, then stop and close it."""
        self.call(_finish_loop())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
