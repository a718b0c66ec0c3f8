"""TaskContext: what a Python task's function receives while it runs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TextIO, TypeVar

from pydrake.api.executor import Executor
from pydrake.rake.dsl import dsl_sh
from pydrake.runtime.objects import RString

R = TypeVar("R")


class TaskContext:
    """The running task: its name, input and output files, arguments, output streams, ``sh`` and an executor."""

    def __init__(self, rt: Any, task: Any, args: Any) -> None:
        self._rt = rt
        self._task = task
        self.name: str = task.name
        self.inputs: tuple[str, ...] = tuple(task.inputs)
        self.outputs: tuple[str, ...] = tuple(task.outputs)
        values = args.to_hash() if args is not None else {}
        self.args: Mapping[str, str] = {k: _text(v) for k, v in values.items()}

    @property
    def out(self) -> TextIO:
        """The task's stdout (collected into its result; ``print`` inside the task writes here too)."""
        return self._rt.stdout  # type: ignore[no-any-return]

    @property
    def err(self) -> TextIO:
        """The task's stderr."""
        return self._rt.stderr  # type: ignore[no-any-return]

    def sh(self, *command: str | os.PathLike[str]) -> None:
        """Rake's ``sh``: echo the command, run it (one string through the shell, several words without),
        its output collected with the task's; a failing command fails the task."""
        if not command:
            raise TypeError("sh needs a command")
        dsl_sh(self._rt, self._rt.main, *[RString(os.fspath(word)) for word in command])

    def executor(self) -> Executor:
        """Run functions in parallel with this task on the run's ``-j`` budget (use with ``with``)."""
        return Executor(self._rt, self._rt.rake_app.thread_pool)

    def map(self, fn: Callable[[Any], R], items: Iterable[Any]) -> list[R]:
        """``fn`` of every item on the run's job budget, results in order (``multitask_each`` in Python)."""
        return self.executor().map(fn, items)


def _text(value: Any) -> str:
    """A task argument as text (Ruby strings unwrapped)."""
    inner = getattr(value, "s", None)
    return inner if isinstance(inner, str) else str(value)
