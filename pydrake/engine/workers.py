"""The worker threads of a parallel run: N threads taking jobs from one queue.

It does what the run needs of ``concurrent.futures.ThreadPoolExecutor`` (submit, then wait for
every job at the end) without importing it, whose import (with ``logging``) costs several
milliseconds of every parallel run.  Threads start on demand, up to N; a job's exceptions are
the job's own business (the runner's jobs catch everything they raise).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any


class WorkerPool:
    """Up to ``size`` threads running submitted callables in submission order."""

    def __init__(self, size: int, name: str = "pydrake") -> None:
        self.size = max(1, size)
        self.name = name
        self._jobs: queue.SimpleQueue[tuple[Callable[..., Any], tuple[Any, ...]] | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._idle = 0
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run ``fn(*args)`` on a worker (a new one when none is idle and fewer than ``size`` exist)."""
        with self._lock:
            if self._idle <= 0 and len(self._threads) < self.size:
                thread = threading.Thread(target=self._work, name=f"{self.name}_{len(self._threads)}", daemon=True)
                self._threads.append(thread)
                thread.start()
            else:
                self._idle -= 1
        self._jobs.put((fn, args))

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            fn, args = job
            try:
                fn(*args)
            except BaseException:  # noqa: BLE001, S110 - a job reports its own failures; the worker lives on
                pass
            finally:
                with self._lock:
                    self._idle += 1

    def shutdown(self) -> None:
        """Wait for every submitted job, then stop the threads."""
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
