"""What a run of the Python API returns: one TaskResult per task it reached, gathered in a RunResult."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydrake.api.errors import BuildError, TaskError

# executed: its actions ran and succeeded; skipped: up to date (not needed); failed: it raised;
# would_run: a dry run found it needed; not_run: never started, because the run stopped first.
TaskStatus = Literal["executed", "skipped", "failed", "would_run", "not_run"]


@dataclass(frozen=True)
class TaskResult:
    """One task's outcome: its status, what it wrote, how long it took, and its error if it failed."""

    name: str
    status: TaskStatus
    output: str = ""  # stdout and stderr together, in the order they arrived (a command's two streams may cross)
    seconds: float = 0.0  # time spent running its actions
    error: TaskError | None = None
    stdout: str = ""
    stderr: str = ""
    start: float | None = None  # seconds after the run began that its actions started (None: they did not)


@dataclass(frozen=True)
class RunResult:
    """Every task a run reached, in Rake's sequential order, and the run's failures."""

    tasks: tuple[TaskResult, ...]
    errors: tuple[TaskError, ...] = ()
    seconds: float = 0.0  # the run's wall time
    jobs: int = 1
    dry_run: bool = False
    trace: str = ""  # the --trace / --dry-run lines ("** Invoke x (first_time)")

    @property
    def ok(self) -> bool:
        """Did every task succeed?"""
        return not self.errors

    def _with(self, status: TaskStatus) -> list[TaskResult]:
        return [t for t in self.tasks if t.status == status]

    @property
    def executed(self) -> list[TaskResult]:
        """The tasks whose actions ran and succeeded."""
        return self._with("executed")

    @property
    def skipped(self) -> list[TaskResult]:
        """The tasks that were up to date."""
        return self._with("skipped")

    @property
    def failed(self) -> list[TaskResult]:
        """The tasks that raised an error."""
        return self._with("failed")

    @property
    def would_run(self) -> list[TaskResult]:
        """In a dry run, the tasks that a real run would execute."""
        return self._with("would_run")

    @property
    def not_run(self) -> list[TaskResult]:
        """The tasks never started because the run stopped at a failure."""
        return self._with("not_run")

    @property
    def output(self) -> str:
        """Every task's output, task after task."""
        return "".join(t.output for t in self.tasks)

    def __getitem__(self, name: str) -> TaskResult:
        for task in self.tasks:
            if task.name == name:
                return task
        raise KeyError(name)

    def __contains__(self, name: object) -> bool:
        return any(t.name == name for t in self.tasks)

    def __iter__(self) -> Iterator[TaskResult]:
        return iter(self.tasks)

    def __len__(self) -> int:
        return len(self.tasks)

    def check(self) -> RunResult:
        """This result when the run succeeded; raises BuildError otherwise."""
        if not self.ok:
            raise BuildError(self)
        return self

    def summary(self) -> str:
        """One line: how many tasks executed, were skipped, failed, and the wall time."""
        counts = [f"{len(self._with(s))} {s.replace('_', ' ')}" for s in ("executed", "would_run", "skipped", "failed", "not_run") if self._with(s)]
        return f"{', '.join(counts) or 'nothing to do'} in {self.seconds:.2f}s"
