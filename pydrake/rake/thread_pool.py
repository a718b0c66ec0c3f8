"""Rake's ThreadPool (``Rake.application.thread_pool.future { ... }.value``) on pydrake's job budget.

Tasks and futures share one budget of N slots (``-j N``): a future starts on a
thread of its own only when a slot is free; otherwise it waits, and ``value``
runs it on the calling thread, as Rake does.  A task waiting for its own
futures therefore never deadlocks the pool: whatever nobody has started, it
runs itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class JobBudget:
    """N slots shared by running tasks and pool threads."""

    def __init__(self, slots: int) -> None:
        self.slots = max(1, slots)
        self.free = self.slots
        self.lock = threading.Lock()

    def try_acquire(self) -> bool:
        """Take a slot if one is free."""
        with self.lock:
            if self.free > 0:
                self.free -= 1
                return True
            return False

    def release(self) -> None:
        """Give a slot back."""
        with self.lock:
            self.free = min(self.slots, self.free + 1)


class Future:
    """A unit of work: run once, by a pool thread or by whoever asks for its value first."""

    PENDING, RUNNING, DONE = range(3)

    def __init__(self, work: Callable[[], Any]) -> None:
        self.work = work
        self.state = Future.PENDING
        self.result: Any = None
        self.error: BaseException | None = None
        self.cond = threading.Condition()

    def claim(self) -> bool:
        """Mark as running if nobody has started it; True when the caller must run it."""
        with self.cond:
            if self.state != Future.PENDING:
                return False
            self.state = Future.RUNNING
            return True

    def run(self) -> None:
        """Do the work (after ``claim``) and wake whoever waits."""
        try:
            self.result = self.work()
        except BaseException as exc:  # noqa: BLE001 - re-raised by value()
            self.error = exc
        with self.cond:
            self.state = Future.DONE
            self.cond.notify_all()

    def value(self) -> Any:
        """The result: runs the work here if nobody started it, else waits for it; re-raises its error."""
        if self.claim():
            self.run()
        with self.cond:
            while self.state != Future.DONE:
                self.cond.wait()
        if self.error is not None:
            raise self.error
        return self.result


class ThreadPool:
    """Runs futures on extra threads while the job budget has free slots."""

    def __init__(self, budget: JobBudget) -> None:
        self.budget = budget
        self.queue: list[Future] = []
        self.lock = threading.Lock()
        self.active_threads = 0
        self.max_active_threads = 0

    def future(self, work: Callable[[], Any]) -> Future:
        """Queue work; start a thread for it if a slot is free."""
        fut = Future(work)
        with self.lock:
            self.queue.append(fut)
        if self.budget.try_acquire():
            threading.Thread(target=self._worker, name="pydrake-pool", daemon=True).start()
        return fut

    def _worker(self) -> None:
        with self.lock:
            self.active_threads += 1
            self.max_active_threads = max(self.max_active_threads, self.active_threads)
        try:
            while True:
                with self.lock:
                    if not self.queue:
                        return
                    fut = self.queue.pop(0)
                if fut.claim():
                    fut.run()
        finally:
            with self.lock:
                self.active_threads -= 1
            self.budget.release()
