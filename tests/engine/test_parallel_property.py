"""Random task graphs: every -j N runs the same tasks and makes the same files as the sequential run."""

from __future__ import annotations

import os
import random
import threading
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from pydrake.engine.events import NullEvents
from pydrake.engine.parallel import ParallelRunner
from pydrake.engine.sequential import RunOptions, SequentialRunner
from pydrake.rake.file_task import FileTask
from pydrake.rake.task import Task
from pydrake.rake.task_arguments import TaskArguments
from pydrake.rake.task_manager import TaskManager


@st.composite
def dags(draw):
    """(kinds, prerequisites): task i may depend on any task j < i."""
    n = draw(st.integers(2, 14))
    kinds = [draw(st.sampled_from(["task", "file"])) for _ in range(n)]
    deps = [sorted(set(draw(st.lists(st.integers(0, i - 1), max_size=3)))) if i else [] for i in range(n)]
    return kinds, deps


class Recorder:
    """Records what ran, in what order, and how many actions ran at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.started: list[str] = []
        self.clock = 0
        self.span: dict[str, tuple[int, int]] = {}  # name -> (start tick, end tick)
        self.prereqs: dict[str, list[str]] = {}
        self.active = 0
        self.max_active = 0

    def action(self, prereqs: list[str], is_file: bool):
        def run(task, args) -> None:
            with self.lock:
                self.clock += 1
                start = self.clock
                self.prereqs[task.name] = prereqs
                self.started.append(task.name)
                self.active += 1
                self.max_active = max(self.max_active, self.active)
            time.sleep(0.001)
            if is_file:
                with open(task.name, "w") as f:
                    f.write(task.name + ":" + ",".join(prereqs) + "\n")
            with self.lock:
                self.active -= 1
                self.clock += 1
                self.span[task.name] = (start, self.clock)

        return run

    @property
    def violations(self) -> list[str]:
        """Tasks whose action started before a prerequisite's action (that ran too) had ended."""
        out = []
        for name, (start, _) in self.span.items():
            for pre in self.prereqs[name]:
                if pre in self.span and self.span[pre][1] > start:
                    out.append(f"{name} started before {pre} finished")
        return out


def build(kinds, deps, folder):
    """A manager for the graph, names relative to `folder` (the cwd while it runs)."""
    manager = TaskManager()
    recorder = Recorder()
    names = [f"f{i}.out" if kind == "file" else f"t{i}" for i, kind in enumerate(kinds)]
    for i, kind in enumerate(kinds):
        prereqs = [names[j] for j in deps[i]]
        cls = FileTask if kind == "file" else Task
        manager.define_task(cls, names[i], prereqs, action=recorder.action(prereqs, kind == "file"))
    roots = [names[i] for i in range(len(names)) if not any(i in d for d in deps)]
    return manager, recorder, roots


def produced(folder) -> dict[str, str]:
    return {name: open(os.path.join(folder, name)).read() for name in sorted(os.listdir(folder))}


def run_sequential(kinds, deps, folder):
    manager, recorder, roots = build(kinds, deps, folder)
    runner = SequentialRunner(manager, NullEvents(), RunOptions())
    for root in roots:
        runner.invoke(manager.resolve(root), [])
    return recorder


def run_parallel(kinds, deps, folder, jobs, seed):
    manager, recorder, roots = build(kinds, deps, folder)
    runner = ParallelRunner(None, NullEvents(), jobs, output_sync=False, shuffle=random.Random(seed))
    runner.run([(manager.resolve(r), TaskArguments([], [])) for r in roots])
    return recorder


@settings(max_examples=60, deadline=None)
@given(dags(), st.integers(1, 8), st.integers(0, 2**32 - 1))
def test_parallel_runs_equal_the_sequential_run(tmp_path_factory, graph, jobs, seed):
    kinds, deps = graph
    seq_dir = tmp_path_factory.mktemp("seq")
    par_dir = tmp_path_factory.mktemp("par")
    cwd = os.getcwd()
    try:
        os.chdir(seq_dir)
        sequential = run_sequential(kinds, deps, seq_dir)
        sequential_again = run_sequential(kinds, deps, seq_dir)  # an incremental run over the same files
        os.chdir(par_dir)
        parallel = run_parallel(kinds, deps, par_dir, jobs, seed)
        parallel_again = run_parallel(kinds, deps, par_dir, jobs, seed + 1)
    finally:
        os.chdir(cwd)
    assert sorted(parallel.started) == sorted(sequential.started)
    assert sorted(parallel_again.started) == sorted(sequential_again.started)
    assert len(parallel.started) == len(set(parallel.started))  # each task at most once
    assert produced(par_dir) == produced(seq_dir)
    assert parallel.violations == [] and parallel_again.violations == []
    assert parallel.max_active <= jobs
