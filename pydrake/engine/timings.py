"""When each task of a parallel run was queued, started and finished, on which thread (monotonic seconds)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field


@dataclass
class TaskTiming:
    """One task of the run: its name, its prerequisites' names, and its times relative to the run's start."""

    name: str
    prerequisites: list[str]
    queued: float
    started: float | None = None
    finished: float | None = None
    thread: int | None = None  # threading.get_ident() of the worker that ran it

    @property
    def duration(self) -> float:
        """Seconds between start and finish (0 for a task that never finished)."""
        if self.started is None or self.finished is None:
            return 0.0
        return self.finished - self.started


@dataclass
class Timings:
    """The records of one run, in the order tasks were queued; ``main`` is the scheduling thread."""

    origin: float = field(default_factory=time.monotonic)
    main: int = field(default_factory=threading.get_ident)
    tasks: list[TaskTiming] = field(default_factory=list)
    joining: float | None = None  # every task is done; the workers are being shut down
    joined: float | None = None  # the workers have exited: the run's end
    _by_id: dict[int, TaskTiming] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def now(self) -> float:
        """Seconds since the run's start."""
        return time.monotonic() - self.origin

    def queued(self, key: object, name: str, prerequisites: list[str]) -> None:
        """The scheduler handed a task to the workers."""
        record = TaskTiming(name, prerequisites, self.now())
        with self._lock:
            self.tasks.append(record)
            self._by_id[id(key)] = record

    def started(self, key: object) -> None:
        """A worker starts the task (on the calling thread)."""
        record = self._by_id[id(key)]
        record.thread = threading.get_ident()
        record.started = self.now()

    def finished(self, key: object) -> None:
        """The task's worker is done with it (succeeded or failed)."""
        self._by_id[id(key)].finished = self.now()

    def mark_joining(self) -> None:
        """Every task is done."""
        self.joining = self.now()

    def mark_joined(self) -> None:
        """The workers have exited."""
        self.joined = self.now()
