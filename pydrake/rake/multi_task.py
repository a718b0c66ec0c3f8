"""MultiTask: a task whose immediate prerequisites Rake hands to its thread pool."""

from __future__ import annotations

from typing import Any

from pydrake.rake.task import Task


class MultiTask(Task):
    """A ``multitask``: its prerequisites always go through the thread pool."""

    ruby_class = "Rake::MultiTask"

    def invokes_concurrently(self, options: Any) -> bool:
        """Always: a multitask's prerequisites are futures on the pool (run last-first with no workers)."""
        return True
