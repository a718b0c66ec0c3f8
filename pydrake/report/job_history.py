"""``--job-stats history``: Rake's ``Job History:`` table (Rake::ThreadHistoryDisplay) for a pydrake run."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

# The data keys Rake renames: threads become letters (A is the first seen), items become 1, 2, ...
_THREAD_KEYS = ("new_thread", "deleted_thread")


@dataclass
class HistoryEvent:
    """One line of the table: seconds since the run's start, the thread, Rake's event name and its data."""

    time: float
    thread: Hashable
    event: str
    data: list[tuple[str, Any]] = field(default_factory=list)


def succ(label: str) -> str:
    """Ruby's ``String#succ`` for upper-case letters: ``A`` -> ``B``, ``Z`` -> ``AA``, ``AZ`` -> ``BA``."""
    chars = list(label)
    i = len(chars) - 1
    while i >= 0:
        if chars[i] != "Z":
            chars[i] = chr(ord(chars[i]) + 1)
            return "".join(chars)
        chars[i] = "A"
        i -= 1
    return "A" + "".join(chars)


class _Renames:
    """First-seen order names: the same original always gets the same new name."""

    def __init__(self, first: Any, step: Any) -> None:
        self.next = first
        self.step = step
        self.names: dict[Hashable, Any] = {}

    def __call__(self, original: Hashable) -> Any:
        if original not in self.names:
            self.names[original] = self.next
            self.next = self.step(self.next)
        return self.names[original]


def history_lines(events: Iterable[HistoryEvent]) -> list[str]:
    """The table as Rake prints it: ``Job History:``, then ``%8d %2s %-20s %s`` per event in time order."""
    threads = _Renames("A", succ)
    items = _Renames(1, lambda n: n + 1)
    lines = ["Job History:"]
    for ev in sorted(events, key=lambda e: e.time):
        thread = threads(ev.thread)
        data = []
        for key, value in ev.data:
            if key == "item_id":
                value = items(value)
            elif key in _THREAD_KEYS:
                value = threads(value)
            data.append(f"{key}:{value}")
        micros = int(ev.time * 1_000_000 + 0.5)  # Ruby's Float#round: half away from zero
        lines.append(f"{micros:8d} {thread:>2} {ev.event:<20} {' '.join(data)}")
    return lines


def sequential_events(main: Hashable, joining: float, joined: float) -> list[HistoryEvent]:
    """A run with no worker threads: only the final join of the (empty) pool, as Rake records it."""
    return [HistoryEvent(joining, main, "joining"), HistoryEvent(joined, main, "joined")]


def parallel_events(timings: Any) -> list[HistoryEvent]:
    """A ``-j N`` run's events from its task timings (``engine.timings.Timings``), in Rake's vocabulary.

    Each task is one item: ``queued`` by the scheduling thread, then ``dequeued``, ``will_execute``
    and ``did_execute`` on its worker; a worker's first task adds ``spawned`` on the scheduling thread.
    """
    main = timings.main
    events: list[HistoryEvent] = []
    workers: list[Hashable] = []
    for index, task in enumerate(timings.tasks):
        item = [("item_id", index)]
        events.append(HistoryEvent(task.queued, main, "queued", list(item)))
        if task.started is None:
            continue
        if task.thread != main and task.thread not in workers:  # a task decided on the main thread spawns nothing
            workers.append(task.thread)
            spawned = [("new_thread", task.thread), ("thread_count", len(workers))]
            events.append(HistoryEvent(task.started, main, "spawned", spawned))
        events.append(HistoryEvent(task.started, task.thread, "dequeued", list(item)))
        events.append(HistoryEvent(task.started, task.thread, "will_execute", list(item)))
        if task.finished is not None:
            events.append(HistoryEvent(task.finished, task.thread, "did_execute", list(item)))
    if timings.joining is not None:
        events.append(HistoryEvent(timings.joining, main, "joining"))
    if timings.joined is not None:
        events.append(HistoryEvent(timings.joined, main, "joined"))
    return events
