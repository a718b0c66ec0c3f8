"""The exceptions of pydrake's Python API: every failure a caller sees is one of these."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydrake.api.results import RunResult


class PydrakeError(Exception):
    """The base of every error the Python API raises."""


class RakefileError(PydrakeError):
    """A Rakefile that cannot be found or loaded: a syntax error, or a Ruby error raised while it loads."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None, kind: str = "RuntimeError") -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.kind = kind  # the Ruby class of the error ("SyntaxError", "NameError", ...)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else (f"{self.file}: " if self.file else "")
        kind = "" if self.kind in ("RuntimeError", "SyntaxError") else f"{self.kind}: "
        return f"{where}{kind}{self.message}"


class TaskNotFoundError(PydrakeError, LookupError):
    """A task name that no task, rule or existing file answers to (the message suggests near names)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


class TaskDefinitionError(PydrakeError, ValueError):
    """A Python task that cannot be defined as asked (a name or output already taken, a bad argument)."""


class TaskError(PydrakeError):
    """Why one task failed: the error's class (Ruby's or Python's), its message, and where it came from."""

    def __init__(
        self,
        message: str,
        kind: str,
        task: str | None = None,
        backtrace: tuple[str, ...] = (),
        chain: str | None = None,
        report: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind  # "RuntimeError", "NoMethodError", "ValueError", ...
        self.task = task  # the failed task's name (None: the failure happened outside any task)
        self.backtrace = backtrace  # "file:line:in `...'" lines, innermost first
        self.chain = chain  # the invocation chain, "TOP => default => build"
        self.report = report  # the report the command line prints for this failure

    def __str__(self) -> str:
        text = self.message if self.kind == "RuntimeError" else f"{self.kind}: {self.message}"
        return f"task '{self.task}' failed: {text}" if self.task else text


class BuildError(PydrakeError):
    """A run that failed, raised by ``RunResult.check()``; ``result`` holds every task's outcome."""

    def __init__(self, result: RunResult) -> None:
        errors = result.errors
        first = str(errors[0]) if errors else "the run failed"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)
        self.result = result
