"""TaskInfo: a read-only view of one task for listing and inspection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from pydrake.api.python_tasks import PythonTask
from pydrake.rake.file_task import FileTask

# file: up to date when its file(s) are newer than its prerequisites; plain: runs every time it is invoked.
TaskKind = Literal["file", "plain"]


class Location(NamedTuple):
    """Where a task was defined: file and line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class TaskInfo:
    """A task as ``-T``, ``-P`` and ``-W`` show it: name, description, prerequisites, kind and where it is defined."""

    name: str
    comment: str | None  # the first sentence of each description, as -T shows it
    description: str | None  # every description in full, as -D shows it
    prerequisites: tuple[str, ...]  # as written (a Python task's inputs come after its deps)
    kind: TaskKind
    location: Location | None  # the first definition (None when unknown)
    locations: tuple[Location, ...] = ()
    arg_names: tuple[str, ...] = ()
    python: bool = False  # defined in Python with ``Project.task``
    inputs: tuple[str, ...] = ()  # a Python task's input files
    outputs: tuple[str, ...] = ()  # a Python task's output files


def kind_of(task: Any) -> TaskKind:
    """``file`` for file tasks and for Python tasks with outputs, ``plain`` otherwise."""
    if isinstance(task, FileTask) or (isinstance(task, PythonTask) and task.outputs):
        return "file"
    return "plain"


def describe(task: Any) -> TaskInfo:
    """The TaskInfo of a rake-layer task."""
    locations = tuple(Location(str(where[0]), int(where[1])) for where in task.locations)
    python = isinstance(task, PythonTask)
    return TaskInfo(
        name=task.name,
        comment=task.comment,
        description=task.full_comment,
        prerequisites=tuple(task.prerequisites) + tuple(task.order_only_prerequisites),
        kind=kind_of(task),
        location=locations[0] if locations else None,
        locations=locations,
        arg_names=tuple(task.arg_names),
        python=python,
        inputs=tuple(task.inputs) if python else (),
        outputs=tuple(task.outputs) if python else (),
    )
