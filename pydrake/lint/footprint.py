"""A task's footprint: the files it reads and writes, worked out from its definition and its action code.

Certain entries come from the task itself (a file task writes its name, a
directory task creates its folder) and from Ruby file calls whose arguments
are known (``File.write(t.name, ...)``, ``cp src, dest``); entries read off a
command line (``sh``, ``system``, backticks) are marked ``guessed``.  The
action code is read, never run (see ``actions`` and ``evaluate``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydrake.lint.actions import ActionReader
from pydrake.lint.records import DELETE, MKDIR, READ, WRITE, Access, Footprint, Invoke, is_glob, normalize
from pydrake.rake.file_creation_task import FileCreationTask
from pydrake.rake.file_task import FileTask
from pydrake.rake.task import Task
from pydrake.runtime.objects import RProc

__all__ = [
    "READ",
    "WRITE",
    "DELETE",
    "MKDIR",
    "Access",
    "Invoke",
    "Footprint",
    "task_footprint",
    "normalize",
    "is_glob",
]

IsDir = Callable[[str], bool]


def task_footprint(rt: Any, task: Task, is_dir: IsDir, root: str) -> Footprint:
    """The footprint of a task: its declared output and what its actions' code touches."""
    fp = Footprint()
    if isinstance(task, FileCreationTask):
        path = normalize(task.name, root)
        if path is not None:
            fp.add(Access(path, MKDIR, False, None, "the folder of a directory task"))
    elif isinstance(task, FileTask) and task.actions:
        path = normalize(task.name, root)
        if path is not None:
            fp.add(Access(path, WRITE, False, None, "the target of a file task"))
    for action in task.actions:
        block = getattr(action, "block", None)
        if isinstance(block, RProc) and block.body is not None and block.native is None:
            ActionReader(rt, task, block, is_dir, root, fp).read()
    return fp
