"""pydrake: Rake's Rakefiles, run exactly as Rake runs them, or in parallel."""

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
RAKE_VERSION = "13.0.6"

# The Python API's names (pydrake.api) are imported on first access, so the command line starts without them.
__all__ = [
    "RAKE_VERSION",
    "__version__",
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

if TYPE_CHECKING:
    from pydrake.api import (
        BuildError,
        Executor,
        Location,
        Project,
        PydrakeError,
        RakefileError,
        RunResult,
        TaskContext,
        TaskDefinitionError,
        TaskError,
        TaskFuture,
        TaskInfo,
        TaskKind,
        TaskNotFoundError,
        TaskResult,
        TaskStatus,
        load,
    )


def __getattr__(name: str) -> Any:
    """The Python API's names (PEP 562): ``pydrake.load``, ``pydrake.Project``... imported on first access."""
    if name in __all__:
        from pydrake import api

        value = getattr(api, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pydrake' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
