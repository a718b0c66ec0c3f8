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

# `X as X`: re-exported for type checkers, which cannot read the computed __all__.
from pydrake import _API_NAMES
from pydrake.api.context import TaskContext as TaskContext
from pydrake.api.errors import BuildError as BuildError
from pydrake.api.errors import PydrakeError as PydrakeError
from pydrake.api.errors import RakefileError as RakefileError
from pydrake.api.errors import TaskDefinitionError as TaskDefinitionError
from pydrake.api.errors import TaskError as TaskError
from pydrake.api.errors import TaskNotFoundError as TaskNotFoundError
from pydrake.api.executor import Executor as Executor
from pydrake.api.executor import TaskFuture as TaskFuture
from pydrake.api.info import Location as Location
from pydrake.api.info import TaskInfo as TaskInfo
from pydrake.api.info import TaskKind as TaskKind
from pydrake.api.project import Project as Project
from pydrake.api.project import load as load
from pydrake.api.results import RunResult as RunResult
from pydrake.api.results import TaskResult as TaskResult
from pydrake.api.results import TaskStatus as TaskStatus

__all__ = list(_API_NAMES)  # the package root's list
