"""Tasks written in Python: a Rake task whose action is a Python function, with optional input and output files.

With outputs, a Python task is a file task over several files: it runs when an output is missing,
when a prerequisite (an input, a dependency) is newer than its oldest output, or under
``build_all``. Without outputs it runs every time it is invoked, like a plain Rake task. Each output
also becomes a file task whose prerequisite is the Python task, so Rakefile tasks can depend on it.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Sequence
from typing import Any

from pydrake.api.context import TaskContext
from pydrake.api.errors import TaskDefinitionError
from pydrake.rake.file_task import FileTask
from pydrake.rake.task import Task
from pydrake.rake.task_arguments import TaskArguments
from pydrake.rake.timestamps import LATE, Timestamp, now_ns
from pydrake.runtime.objects import RubyError

# The attribute a decorated function carries: the full name of the task it became.
TASK_ATTRIBUTE = "pydrake_task"


class PythonActionError(Exception):
    """A Python task's function raised ``original`` (or left an output missing)."""

    def __init__(self, task_name: str, original: BaseException) -> None:
        super().__init__(str(original))
        self.task_name = task_name
        self.original = original


class PythonTask(Task):
    """A task defined in Python; with outputs, up to date while they are newer than its prerequisites."""

    def __init__(self, name: str, manager: Any) -> None:
        super().__init__(name, manager)
        self.inputs: list[str] = []
        self.outputs: list[str] = []

    def _output_stamps(self) -> list[int | None]:
        return [self.manager.fs.mtime_ns(path) for path in self.outputs]

    def needed(self) -> bool:
        """An output missing or older than any (transitive) prerequisite, or ``build_all``; always without outputs."""
        if not self.outputs:
            return True
        stamps = self._output_stamps()
        if None in stamps or getattr(self.manager.options, "build_all", False):
            return True
        oldest = min(s for s in stamps if s is not None)
        return any(prereq.timestamp() > oldest for prereq in self.all_prerequisite_tasks())

    def timestamp(self) -> Timestamp:
        """The newest output's mtime (LATE while one is missing); the current time without outputs."""
        if not self.outputs:
            return now_ns()
        stamps = self._output_stamps()
        if None in stamps:
            return LATE
        return max(s for s in stamps if s is not None)


class OutputFileTask(FileTask):
    """A Python task's output file: made by its one prerequisite, the Python task; needed only while missing."""

    def needed(self) -> bool:
        """Only a missing file needs its (action-less) task: the Python task decides about rebuilding."""
        return self.manager.fs.mtime_ns(self.name) is None


def define_python_task(
    rt: Any,
    function: Callable[..., Any],
    *,
    name: str,
    deps: Sequence[str],
    inputs: Sequence[str],
    outputs: Sequence[str],
    description: str | None,
    arg_names: Sequence[str],
) -> PythonTask:
    """Add ``function`` as a Python task to the interpreter's Rake application; the task."""
    manager = rt.rake_app.manager
    _check_free(manager, name, "task")
    for path in outputs:
        _check_free(manager, path, "output")
        if path in inputs:
            raise TaskDefinitionError(f"'{path}' is both an input and an output of task '{name}'")
    task = manager.define_task(
        PythonTask, name, [*deps, *inputs], arg_names=list(arg_names), action=_action(rt, function), location=_location(function)
    )
    assert isinstance(task, PythonTask)
    task.inputs = list(inputs)
    task.outputs = list(outputs)
    task.add_description(description)
    for path in outputs:
        manager.define_task(OutputFileTask, path, [task.name], location=_location(function))
    return task


def _check_free(manager: Any, name: str, what: str) -> None:
    existing = manager.lookup(name)
    if existing is None:
        return
    where = f" (at {existing.locations[0][0]}:{existing.locations[0][1]})" if existing.locations else ""
    raise TaskDefinitionError(f"{what} '{name}' is already defined as a task{where}")


def _location(function: Callable[..., Any]) -> tuple[str, int] | None:
    code = getattr(function, "__code__", None)
    if code is None:
        return None
    return (code.co_filename, code.co_firstlineno)


def _wants_context(function: Callable[..., Any]) -> bool:
    """Does the function take a parameter (the TaskContext)?"""
    try:
        params = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return True
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.VAR_POSITIONAL)
    return any(p.kind in kinds for p in params)


def _action(rt: Any, function: Callable[..., Any]) -> Callable[[Task, TaskArguments], None]:
    """The task action: call the function (with a TaskContext when it takes one), then check the outputs."""
    wants_context = _wants_context(function)

    def action(task: Task, args: TaskArguments) -> None:
        assert isinstance(task, PythonTask)
        try:
            if wants_context:
                function(TaskContext(rt, task, args))
            else:
                function()
        except RubyError:  # a failed `ctx.sh`: reported as Rake reports it
            raise
        except Exception as exc:  # noqa: BLE001 - the function's error is the task's failure
            raise PythonActionError(task.name, exc) from exc
        missing = [path for path in task.outputs if not os.path.exists(path)]
        if missing:
            names = ", ".join(f"'{path}'" for path in missing)
            raise PythonActionError(task.name, FileNotFoundError(f"task '{task.name}' did not create its output {names}"))

    action.function = function  # type: ignore[attr-defined]
    return action
