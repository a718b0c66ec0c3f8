"""NameSpace: what ``namespace`` returns, a view of the tasks under one scope."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydrake.rake.scope import Scope

if TYPE_CHECKING:
    from pydrake.rake.task import Task
    from pydrake.rake.task_manager import TaskManager


class NameSpace:
    """The tasks of one namespace, looked up relative to its scope."""

    def __init__(self, task_manager: TaskManager, scope: Scope) -> None:
        self._task_manager = task_manager
        self._scope = scope

    def __getitem__(self, name: str) -> Task | None:
        """The task ``name`` as seen from this namespace (plain lookup, no rules), or None."""
        return self._task_manager.lookup(name, self._scope)

    @property
    def scope(self) -> Scope:
        """The namespace's scope."""
        return self._scope

    def tasks(self) -> list[Task]:
        """The tasks of this namespace and its sub-namespaces, sorted by name."""
        return self._task_manager.tasks_in_scope(self._scope)
