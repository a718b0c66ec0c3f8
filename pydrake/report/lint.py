"""The ``--lint`` report: each finding as ``FILE:LINE: KIND: message`` with its fix, a summary, the exit status."""

from __future__ import annotations

from typing import Any, TextIO

from pydrake.lint import LintResult, lint
from pydrake.rake.task_arguments import parse_task_string
from pydrake.rake.task_manager import TaskManager


def lint_lines(result: LintResult) -> list[str]:
    """The report's lines: every finding in order, then one summary line."""
    lines: list[str] = []
    for finding in result.findings:
        lines.extend(finding.lines())
    notes = sum(1 for f in result.findings if f.is_note)
    problems = len(result.findings) - notes
    checked = f"{_count(result.tasks, 'task')}, {_count(result.flows, 'file flow')} between tasks"
    if problems == 0:
        noted = f", {_count(notes, 'note')}" if notes else ""
        lines.append(f"lint: no finding{noted} ({checked}; every flow seen is ordered by declared prerequisites)")
    else:
        noted = f" and {_count(notes, 'note')}" if notes else ""
        lines.append(f"lint: {_count(problems, 'finding')}{noted} ({checked})")
    return lines


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def run_lint(rt: Any, manager: TaskManager, task_strings: list[str], out: TextIO) -> int:
    """Lint the named tasks (every task when none is named), print the report; the exit status (0 or 1)."""
    names = [parse_task_string(s)[0] for s in task_strings] or None
    result = lint(rt, manager, names)
    out.write("".join(line + "\n" for line in lint_lines(result)))
    out.flush()
    return 1 if result.failed else 0
