"""Rake's ``--trace`` and ``--dry-run`` lines (``** Invoke x (first_time)``), one write per line."""

from __future__ import annotations

from typing import Any, TextIO


def trace_flags(first_time: bool, not_needed: bool | None) -> str:
    """``(first_time)``, ``(first_time, not_needed)``, ``(not_needed)`` or nothing."""
    flags = []
    if first_time:
        flags.append("first_time")
    if not_needed:
        flags.append("not_needed")
    return "(" + ", ".join(flags) + ")" if flags else ""


def invoke_line(name: str, first_time: bool, not_needed: bool | None) -> str:
    """``** Invoke NAME FLAGS`` (a trailing space when there are no flags)."""
    return f"** Invoke {name} {trace_flags(first_time, not_needed)}"


def previous_failed_line(name: str, not_needed: bool | None = None) -> str:
    """``** Previous invocation of NAME failed FLAGS`` (a trailing space when there are no flags)."""
    return f"** Previous invocation of {name} failed {trace_flags(False, not_needed)}"


def execute_line(name: str, dry_run: bool) -> str:
    """``** Execute NAME`` or ``** Execute (dry run) NAME``."""
    return f"** Execute (dry run) {name}" if dry_run else f"** Execute {name}"


class TraceReport:
    """An event sink writing Rake's trace lines; without ``trace`` only dry-run executions are shown."""

    def __init__(self, stream: TextIO, trace: bool = True) -> None:
        self.stream = stream
        self.trace = trace

    @property
    def hears_invokes(self) -> bool:
        """Are invokes written (only when tracing)?"""
        return self.trace

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")

    def invoke(self, task: Any, first_time: bool, not_needed: bool | None) -> None:
        """Write the Invoke line when tracing."""
        if self.trace:
            self._line(invoke_line(task.name, first_time, not_needed))

    def previous_failed(self, task: Any, not_needed: bool | None = None) -> None:
        """Write the Previous invocation line when tracing."""
        if self.trace:
            self._line(previous_failed_line(task.name, not_needed))

    def execute(self, task: Any, dry_run: bool) -> None:
        """Write the Execute line when tracing; a dry-run execution is always shown."""
        if dry_run or self.trace:
            self._line(execute_line(task.name, dry_run))
