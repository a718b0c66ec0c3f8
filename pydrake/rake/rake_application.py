"""Rake::Application as Ruby code sees it: the task manager, options, imports, and how tasks get invoked."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, Protocol

from pydrake.rake.task import Task
from pydrake.rake.task_arguments import TaskArguments
from pydrake.rake.task_manager import TaskManager


class Invoker(Protocol):
    """How ``Task#invoke`` and ``Task#execute`` called from Ruby reach the engine (injected by the application)."""

    def invoke(self, task: Task, args: Any) -> None: ...

    def execute(self, task: Task, args: TaskArguments | None) -> None: ...


DEFAULT = object()  # FileUtilsExt's verbose flag before anything sets it: echo, as `true` does


class RakeApplication:
    """The one Rake::Application of a run."""

    def __init__(self, rt: Any, options: Any, name: str = "pydrake") -> None:
        self.rt = rt
        self.name = name
        self.options = options
        self.manager = TaskManager(options=options, app_name=name, rule_trace=self.trace_rule if getattr(options, "trace_rules", False) else None)
        self.manager.inspect_value = rt.to_s
        self.top_level_tasks: list[str] = []
        self.rakefile: str | None = None
        self.original_dir = os.getcwd()
        self.pending_imports: list[str] = []
        self.seen_imports: set[str] = set()
        self.invoker: Invoker | None = None
        self.loaders: dict[str, Callable[[str], None]] = {}
        verbose = getattr(options, "verbose", None)
        # -v/-t/-n set True, -q/-s set False; otherwise the flag keeps Rake's DEFAULT (which echoes).
        self.verbose_flag: Any = verbose if isinstance(verbose, bool) else DEFAULT
        self.nowrite_flag = bool(getattr(options, "nowrite", False) or getattr(options, "dryrun", False))
        self.rakelib_dirs: list[str] = list(getattr(options, "rakelib", None) or ["rakelib"])
        self.thread_pool: Any = None  # the run's ThreadPool, set by the application

    def trace_rule(self, line: str) -> None:
        """One ``--rules`` line, on the trace stream."""
        self.trace_stream().write(line + "\n")

    def trace_stream(self) -> Any:
        """Where traces and error reports go (``--trace=stdout`` moves them)."""
        return sys.stdout if getattr(self.options, "trace_output", "stderr") == "stdout" else self.rt.stderr

    def verbose(self) -> bool:
        """Whether FileUtils verbs and ``sh`` echo their commands."""
        return self.verbose_flag is DEFAULT or bool(self.verbose_flag)

    def add_import(self, name: str) -> None:
        """Queue a file to load after the current one (each name once)."""
        if name not in self.seen_imports:
            self.seen_imports.add(name)
            self.pending_imports.append(name)

    def invoke(self, task: Task, args: Any) -> None:
        """``Task#invoke`` from Ruby."""
        if self.invoker is None:
            raise RuntimeError("no invoker")
        self.invoker.invoke(task, args)

    def execute(self, task: Task, args: TaskArguments | None) -> None:
        """``Task#execute`` from Ruby."""
        if self.invoker is None:
            task.execute(args)
        else:
            self.invoker.execute(task, args)
