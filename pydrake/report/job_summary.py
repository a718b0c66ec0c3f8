"""The ``--job-stats`` summary of a parallel run: wall time, task time, parallelism, critical path, slowest tasks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydrake.engine.timings import TaskTiming

SLOWEST = 5


@dataclass
class JobSummary:
    """The figures of one run; ``critical_path`` runs from the first task of the chain to the last to finish."""

    jobs: int
    wall: float
    task_time: float
    tasks: int
    critical_path: list[TaskTiming]
    slowest: list[TaskTiming]

    @property
    def parallelism(self) -> float:
        """Task time per second of wall time: how many tasks ran at once on average."""
        return self.task_time / self.wall if self.wall > 0 else 0.0


def finished_tasks(tasks: Sequence[TaskTiming]) -> list[TaskTiming]:
    """The tasks that started and finished, in the order they were queued."""
    return [t for t in tasks if t.started is not None and t.finished is not None]


def critical_path(tasks: Sequence[TaskTiming]) -> list[TaskTiming]:
    """The chain that bounded the build: from the last task to finish, back through the prerequisite
    that finished last, until a task none of whose prerequisites ran; returned first task first."""
    done = finished_tasks(tasks)
    if not done:
        return []
    by_name = {t.name: t for t in done}
    # Of tasks finishing together, the last queued: a dependent is always queued after its prerequisites.
    current: TaskTiming | None = max(reversed(done), key=lambda t: t.finished or 0.0)
    chain: list[TaskTiming] = []
    seen: set[str] = set()
    while current is not None and current.name not in seen:
        seen.add(current.name)
        chain.append(current)
        ran = [by_name[name] for name in current.prerequisites if name in by_name]
        current = max(ran, key=lambda t: t.finished or 0.0) if ran else None
    chain.reverse()
    return chain


def summarize(tasks: Sequence[TaskTiming], wall: float, jobs: int) -> JobSummary:
    """The summary of a run whose tasks took ``tasks`` times and which lasted ``wall`` seconds."""
    done = finished_tasks(tasks)
    slowest = sorted(done, key=lambda t: -t.duration)[:SLOWEST]  # stable: equal times keep queue order
    return JobSummary(jobs, wall, sum(t.duration for t in done), len(done), critical_path(done), slowest)


def _seconds(value: float) -> str:
    return f"{value:.3f}s"


def _count(tasks: int) -> str:
    return f"{tasks} task" if tasks == 1 else f"{tasks} tasks"


def _rows(tasks: Sequence[TaskTiming]) -> list[str]:
    """One line per task: its time right-aligned, then its name."""
    times = [_seconds(t.duration) for t in tasks]
    width = max((len(s) for s in times), default=0)
    return [f"  {s:>{width}}  {t.name}" for s, t in zip(times, tasks, strict=True)]


def summary_lines(summary: JobSummary) -> list[str]:
    """The summary as printed after the run (on stderr, so that stdout stays the build's)."""
    path_time = sum(t.duration for t in summary.critical_path)
    return [
        f"Job summary: {_count(summary.tasks)}, -j {summary.jobs}",
        f"  wall time:        {_seconds(summary.wall)}",
        f"  total task time:  {_seconds(summary.task_time)}",
        f"  parallelism:      {summary.parallelism:.2f} (total task time / wall time)",
        f"Critical path: {_count(len(summary.critical_path))}, {_seconds(path_time)}",
        *_rows(summary.critical_path),
        "Slowest tasks:",
        *_rows(summary.slowest),
    ]
