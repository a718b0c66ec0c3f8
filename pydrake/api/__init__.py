"""pydrake's Python API: load Rakefiles, list and run their tasks, and add tasks written in Python.

    import pydrake

    project = pydrake.load("path/to/project")
    for task in project.tasks:
        print(task.name, task.comment)

    @project.task("compile", i="build/app.bin", o="dist/app.sha256")
    def checksum(ctx):
        ...

    result = project.run(["checksum"], jobs=2)
    print(result.summary())
"""

from pydrake.api.context import TaskContext
from pydrake.api.errors import (
    BuildError,
    PydrakeError,
    RakefileError,
    TaskDefinitionError,
    TaskError,
    TaskNotFoundError,
)
from pydrake.api.executor import Executor, TaskFuture
from pydrake.api.info import Location, TaskInfo, TaskKind
from pydrake.api.project import Project, load
from pydrake.api.results import RunResult, TaskResult, TaskStatus

__all__ = [
    "BuildError",
    "Executor",
    "Location",
    "Project",
    "PydrakeError",
    "RakefileError",
    "RunResult",
    "TaskContext",
    "TaskDefinitionError",
    "TaskError",
    "TaskFuture",
    "TaskInfo",
    "TaskKind",
    "TaskNotFoundError",
    "TaskResult",
    "TaskStatus",
    "load",
]
