"""FileTask: a task named after a file, needed when the file is missing or older than a prerequisite."""

from __future__ import annotations

from pydrake.rake.scope import Scope
from pydrake.rake.task import Task
from pydrake.rake.timestamps import LATE, Timestamp


class FileTask(Task):
    """A file task: its timestamp is the file's mtime; names are never namespaced."""

    ruby_class = "Rake::FileTask"

    @classmethod
    def scope_name(cls, scope: Scope, task_name: str) -> str:
        """File task names ignore the namespace they are defined in."""
        return task_name

    def needed(self) -> bool:
        """Missing, out of date against any transitive prerequisite (strict ``>``), or ``--build-all``."""
        stamp = self.manager.fs.mtime_ns(self.name)
        if stamp is None:
            return True
        if (self.prerequisites or self.order_only_prerequisites) and self.stale_prerequisite(stamp) is not None:
            return True
        return self.builds_all()

    def timestamp(self) -> Timestamp:
        """The file's mtime in nanoseconds, or LATE when it does not exist."""
        stamp = self.manager.fs.mtime_ns(self.name)
        return LATE if stamp is None else stamp

    def builds_all(self) -> bool:
        """Is ``--build-all`` (``-B``) on, making every existing file task needed?"""
        return bool(getattr(self.manager.options, "build_all", False))

    def stale_prerequisite(self, stamp: int) -> Task | None:
        """Rake's ``out_of_date?``: the first transitive prerequisite newer than ``stamp`` (under
        ``--build-all``, the first file task), or None when the file is up to date against them."""
        # Every transitive prerequisite is resolved first (which may raise), then compared in order.
        manager = self.manager
        top_level = self.scope.is_empty()
        build_all = self.builds_all()
        for prereq in self.all_prerequisite_tasks():
            # From the top level a task's own name finds the task itself: the lookup is only needed
            # inside a namespace, where the name may find a task of that namespace first.
            task = prereq if top_level and manager.finds_itself(prereq) else manager.resolve(prereq.name, self.scope)
            if type(task) is FileTask:
                if build_all or task.timestamp() > stamp:
                    return task
            elif task.timestamp() > stamp:
                return task
        return None
