"""The runners' needed? observer (``--explain``): told every decision, once per task, before it runs."""

from __future__ import annotations

from pydrake.engine.events import RecordingEvents
from pydrake.engine.parallel import ParallelRunner
from pydrake.engine.sequential import RunOptions, SequentialRunner
from pydrake.rake.file_system import FakeFileSystem
from pydrake.rake.file_task import FileTask
from pydrake.rake.task import Task
from pydrake.rake.task_arguments import TaskArguments
from pydrake.rake.task_manager import TaskManager


def chain() -> tuple[TaskManager, FakeFileSystem, list[str]]:
    """default => app => [main.o => main.c, setup]; main.o is up to date, app is missing."""
    fs = FakeFileSystem()
    fs.touch("main.c")
    fs.touch("main.o")
    manager = TaskManager(fs)
    log: list[str] = []

    def action(task: Task, args: TaskArguments) -> None:
        log.append(f"run {task.name}")

    manager.define_task(FileTask, "main.c")
    manager.define_task(FileTask, "main.o", ["main.c"], action=action)
    manager.define_task(Task, "setup", action=action)
    manager.define_task(FileTask, "app", ["main.o", "setup"], action=action)
    manager.define_task(Task, "default", ["app"], action=action)
    return manager, fs, log


def observer(log: list[str]):  # noqa: ANN201 - a callable recording into log
    def observe(task: Task, needed: bool) -> None:
        assert needed == task.needed()
        log.append(f"{task.name} {'needed' if needed else 'skipped'}")

    return observe


EXPECTED = [
    "main.c skipped",
    "main.o skipped",
    "setup needed",
    "run setup",
    "app needed",
    "run app",
    "default needed",
    "run default",
]


def test_the_sequential_runner_has_no_observer_unless_one_is_set() -> None:
    manager, _, _ = chain()
    assert SequentialRunner(manager, RecordingEvents(), RunOptions()).needed_observer is None


def test_the_sequential_runner_reports_each_decision_before_the_task_runs() -> None:
    manager, _, log = chain()
    runner = SequentialRunner(manager, RecordingEvents(), RunOptions())
    runner.needed_observer = observer(log)
    runner.invoke(manager.resolve("default"))
    runner.invoke(manager.resolve("default"))  # already invoked: no second decision
    assert log == EXPECTED


def test_the_parallel_runner_reports_each_decision_on_the_worker_before_the_task_runs() -> None:
    manager, _, log = chain()
    runner = ParallelRunner(None, RecordingEvents(), 1, output_sync=False)
    assert runner.needed_observer is None
    runner.needed_observer = observer(log)
    runner.run([(manager.resolve("default"), TaskArguments([], []))])
    assert log == EXPECTED
