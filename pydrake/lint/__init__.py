"""j-safety lint: find what would make a Rakefile's result depend on the order its tasks run in, without running it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from pydrake.lint.analysis import Analysis
from pydrake.lint.findings import Finding
from pydrake.lint.graph import build_graph
from pydrake.rake.task_manager import TaskManager


@dataclass(frozen=True)
class LintResult:
    """The findings (notes included) and what was looked at."""

    findings: list[Finding]
    tasks: int
    flows: int

    @property
    def failed(self) -> bool:
        """Is there a finding that is more than a note?"""
        return any(not f.is_note for f in self.findings)


def lint(rt: Any, manager: TaskManager, names: list[str] | None, root: str | None = None) -> LintResult:
    """Lint the named tasks and what they need (every task when ``names`` is None); nothing runs."""
    root = root if root is not None else os.getcwd()
    graph = build_graph(rt, manager, names, root)
    analysis = Analysis(graph, root)
    tasks = sum(1 for n in graph.nodes if n.task is not None)
    return LintResult(analysis.findings(), tasks, analysis.flow_count())
