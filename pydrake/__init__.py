"""pydrake: Rake's Rakefiles, run exactly as Rake runs them, or in parallel."""

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
RAKE_VERSION = "13.0.6"

# The Python API's names, listed once here for pydrake.api too; imported on first access, so the command line starts
# without them.
_API_NAMES = (
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
)
__all__ = ["RAKE_VERSION", "__version__", *_API_NAMES]

if TYPE_CHECKING:  # `X as X`: re-exported for type checkers, which cannot read the computed __all__
    from pydrake.api import BuildError as BuildError
    from pydrake.api import Executor as Executor
    from pydrake.api import Location as Location
    from pydrake.api import Project as Project
    from pydrake.api import PydrakeError as PydrakeError
    from pydrake.api import RakefileError as RakefileError
    from pydrake.api import RunResult as RunResult
    from pydrake.api import TaskContext as TaskContext
    from pydrake.api import TaskDefinitionError as TaskDefinitionError
    from pydrake.api import TaskError as TaskError
    from pydrake.api import TaskFuture as TaskFuture
    from pydrake.api import TaskInfo as TaskInfo
    from pydrake.api import TaskKind as TaskKind
    from pydrake.api import TaskNotFoundError as TaskNotFoundError
    from pydrake.api import TaskResult as TaskResult
    from pydrake.api import TaskStatus as TaskStatus
    from pydrake.api import load as load


def __getattr__(name: str) -> Any:
    """The Python API's names (PEP 562): ``pydrake.load``, ``pydrake.Project``... imported on first access."""
    if name in _API_NAMES:
        from pydrake import api

        value = getattr(api, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pydrake' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
