"""The ``--job-stats`` summary of a parallel run, from synthetic task timings."""

from __future__ import annotations

import pytest

from pydrake.engine.timings import TaskTiming
from pydrake.report.job_summary import critical_path, summarize, summary_lines


def timing(name: str, start: float, end: float, *prereqs: str) -> TaskTiming:
    return TaskTiming(name, list(prereqs), queued=start, started=start, finished=end, thread=1)


# gen -> c1 (long) and c2 (short); c3 alone; link needs c1, c2, c3; default needs link.
BUILD = [
    timing("gen", 0.0, 0.2),
    timing("c3", 0.0, 0.3),
    timing("c1", 0.2, 0.7, "gen"),
    timing("c2", 0.2, 0.25, "gen"),
    timing("link", 0.7, 0.8, "c1", "c2", "c3"),
    timing("default", 0.8, 0.8, "link"),
]


def test_critical_path_follows_the_prerequisite_that_finished_last() -> None:
    assert [t.name for t in critical_path(BUILD)] == ["gen", "c1", "link", "default"]


def test_critical_path_ignores_prerequisites_that_did_not_run() -> None:
    tasks = [timing("b", 0.0, 1.0, "a", "never"), timing("c", 1.0, 2.0, "b")]
    assert [t.name for t in critical_path(tasks)] == ["b", "c"]


def test_critical_path_of_nothing() -> None:
    assert critical_path([]) == []
    assert critical_path([TaskTiming("q", [], 0.0)]) == []


def test_figures() -> None:
    summary = summarize(BUILD, wall=0.8, jobs=3)
    assert summary.tasks == 6
    assert summary.task_time == pytest.approx(1.15)
    assert summary.parallelism == pytest.approx(1.4375)
    assert [t.name for t in summary.slowest] == ["c1", "c3", "gen", "link", "c2"]


def test_at_most_five_slowest_and_no_division_by_zero() -> None:
    tasks = [timing(f"t{i}", 0.0, 0.0) for i in range(8)]
    summary = summarize(tasks, wall=0.0, jobs=2)
    assert [t.name for t in summary.slowest] == ["t0", "t1", "t2", "t3", "t4"]  # ties keep queue order
    assert summary.parallelism == 0.0


def test_lines() -> None:
    assert summary_lines(summarize(BUILD, wall=0.8, jobs=3)) == [
        "Job summary: 6 tasks, -j 3",
        "  wall time:        0.800s",
        "  total task time:  1.150s",
        "  parallelism:      1.44 (total task time / wall time)",
        "Critical path: 4 tasks, 0.800s",
        "  0.200s  gen",
        "  0.500s  c1",
        "  0.100s  link",
        "  0.000s  default",
        "Slowest tasks:",
        "  0.500s  c1",
        "  0.300s  c3",
        "  0.200s  gen",
        "  0.100s  link",
        "  0.050s  c2",
    ]
