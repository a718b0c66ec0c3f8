"""Project: a loaded Rakefile (or several) whose tasks can be listed, extended with Python tasks, and run."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import chdir
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar, overload

from pydrake.api.capture import TaskCapture
from pydrake.api.errors import PydrakeError, TaskDefinitionError
from pydrake.api.info import TaskInfo, describe
from pydrake.api.loading import PROCESS_LOCK, close_application, find_rakefiles, load_application
from pydrake.api.python_tasks import TASK_ATTRIBUTE, define_python_task
from pydrake.api.results import RunResult
from pydrake.api.runs import RunSettings, not_found, run
from pydrake.options import cpu_count

F = TypeVar("F", bound=Callable[..., Any])

# What names a task in the API: its name, a function decorated with Project.task, or its TaskInfo.
TaskRef = str | os.PathLike[str] | Callable[..., Any] | TaskInfo
Files = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


class Project:
    """The tasks of a project folder, loaded from its Rakefile(s); create one with ``pydrake.load()``."""

    def __init__(self, path: str | os.PathLike[str] = ".", rakefiles: Sequence[str | os.PathLike[str]] | None = None, *, echo: bool = False) -> None:
        directory, files = find_rakefiles(path, rakefiles)
        self.directory: Path = directory
        self.rakefiles: tuple[Path, ...] = tuple(files)
        live = (sys.stdout, sys.stderr) if echo else (None, None)
        capture = TaskCapture(*live)
        with PROCESS_LOCK:
            self._application = load_application(directory, files, capture)
        self.load_output: str = capture.text()  # what the Rakefiles printed while loading
        self._running = False
        self._closed = False

    def __repr__(self) -> str:
        return f"<pydrake.Project {os.fspath(self.rakefiles[0])}>"

    # ------------------------------------------------------------ inspecting

    @property
    def tasks(self) -> list[TaskInfo]:
        """Every task, sorted by name (described or not; ``-T`` shows only the described ones)."""
        return [describe(task) for task in self._application.app.manager.tasks()]

    def info(self, task: TaskRef) -> TaskInfo:
        """One task by name (from the top level, as ``pydrake NAME`` finds it); TaskNotFoundError when there is none."""
        name = task_name(task)
        manager = self._application.app.manager
        found = manager.lookup(name)
        if found is None:
            raise not_found(name, manager.task_names())
        return describe(found)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._application.app.manager.lookup(name) is not None

    # ------------------------------------------------------------ Python tasks

    @overload
    def task(self, function: F, /) -> F: ...

    @overload
    def task(
        self,
        *deps: TaskRef,
        name: str | None = None,
        i: Files = (),
        o: Files = (),
        desc: str | None = None,
        args: Sequence[str] = (),
    ) -> Callable[[F], F]: ...

    def task(
        self,
        *deps: Any,
        name: str | None = None,
        i: Files = (),
        o: Files = (),
        desc: str | None = None,
        args: Sequence[str] = (),
    ) -> Any:
        """Decorate a function to make it a task of this project, beside the Rakefile's tasks.

        ``deps``: prerequisites by name (Rakefile or Python tasks, or decorated functions);
        ``i``/``o``: input and output files (with outputs the task is a file task: it runs when an
        output is missing or older than an input); ``name``: the task name (default: the function's);
        ``desc``: its description (default: the docstring's first line); ``args``: argument names.
        The function takes no parameter, or one: the TaskContext. Returns the function unchanged.
        """
        if len(deps) == 1 and callable(deps[0]) and not hasattr(deps[0], TASK_ATTRIBUTE) and not isinstance(deps[0], TaskInfo):
            return self.task(name=name, i=i, o=o, desc=desc, args=args)(deps[0])
        dep_names = [task_name(dep) for dep in deps]
        inputs, outputs = _files(i), _files(o)

        def decorate(function: F) -> F:
            if not callable(function):
                raise TaskDefinitionError("Project.task decorates a function")
            task_name_ = name if name is not None else getattr(function, "__name__", None)
            if not task_name_ or task_name_ == "<lambda>":
                raise TaskDefinitionError("a Python task needs a name: give name=...")
            description = desc if desc is not None else _first_line(function.__doc__)
            task = define_python_task(
                self._application.rt,
                function,
                name=task_name_,
                deps=dep_names,
                inputs=inputs,
                outputs=outputs,
                description=description,
                arg_names=list(args),
            )
            try:
                setattr(function, TASK_ATTRIBUTE, task.name)
            except (AttributeError, TypeError):
                pass
            return function

        return decorate

    # ------------------------------------------------------------ running

    def run(
        self,
        tasks: TaskRef | Sequence[TaskRef] = "default",
        *,
        jobs: int | None = 1,
        dry_run: bool = False,
        keep_going: bool = False,
        output_sync: bool = True,
        build_all: bool = False,
        trace: bool = False,
        echo: bool = False,
    ) -> RunResult:
        """Run tasks (``"name"`` or ``"name[arg1,arg2]"``) and their prerequisites, as the command line runs them.

        ``jobs``: tasks at once (``-j``; None: one per CPU); ``dry_run``: ``-n``, nothing runs;
        ``keep_going``: ``-k``, after a failure keep starting what does not depend on it (jobs > 1);
        ``output_sync``: with ``echo`` and jobs > 1, copy each task's output as one block when it ends;
        ``build_all``: ``-B``, every file task is out of date; ``trace``: record ``--trace`` lines in
        ``RunResult.trace``; ``echo``: also write output to this process's stdout and stderr (by default
        output is only collected). A failing task gives a failed RunResult (``ok`` False), never an
        exception; an unknown task name raises TaskNotFoundError.
        """
        if self._closed:
            raise PydrakeError("this project is closed")
        if jobs is None:
            jobs = cpu_count()
        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
            raise ValueError(f"jobs must be a positive integer or None, not {jobs!r}")
        names = [task_name(t) for t in ([tasks] if isinstance(tasks, str | os.PathLike | TaskInfo) or callable(tasks) else tasks)]
        if not names:
            names = ["default"]
        settings = RunSettings(jobs, dry_run, keep_going, output_sync, build_all, trace, echo)
        with PROCESS_LOCK:
            if self._running:
                raise PydrakeError("a run of this project is already in progress")
            self._running = True
            try:
                with chdir(self.directory):  # tasks name files relative to the project
                    return run(self._application, names, settings)
            finally:
                self._running = False

    # ------------------------------------------------------------ closing

    def close(self) -> None:
        """Run the Rakefiles' ``at_exit`` blocks; the project cannot run afterwards."""
        if self._closed:
            return
        self._closed = True
        with PROCESS_LOCK, chdir(self.directory):
            close_application(self._application)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def load(path: str | os.PathLike[str] = ".", rakefiles: Sequence[str | os.PathLike[str]] | None = None, *, echo: bool = False) -> Project:
    """Load a project: ``path`` is a Rakefile, or a folder holding one of Rake's names (rakefile, Rakefile,
    rakefile.rb, Rakefile.rb). ``rakefiles`` names files in that folder to load instead, in order: the
    first as the Rakefile, the others right after it, as Rake loads ``import``-ed files. A folder's
    ``rakelib/*.rake`` are loaded too. ``echo`` copies what loading prints to this process's streams.
    Raises RakefileError (with file and line) when a Rakefile cannot be loaded."""
    return Project(path, rakefiles, echo=echo)


def task_name(task: TaskRef) -> str:
    """The task name a reference stands for."""
    if isinstance(task, TaskInfo):
        return task.name
    if isinstance(task, str):
        return task
    if isinstance(task, os.PathLike):
        return os.fspath(task)
    named = getattr(task, TASK_ATTRIBUTE, None)
    if isinstance(named, str):
        return named
    raise TaskDefinitionError(f"{task!r} is not a task: give a task name or a function decorated with Project.task")


def _files(files: Files) -> list[str]:
    if isinstance(files, str | os.PathLike):
        return [os.fspath(files)]
    return [os.fspath(f) for f in files]


def _first_line(doc: str | None) -> str | None:
    if not doc:
        return None
    lines = [line.strip() for line in doc.strip().splitlines()]
    return lines[0] if lines and lines[0] else None
