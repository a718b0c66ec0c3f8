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
        return self._out_of_date(stamp) or self._build_all()

    def timestamp(self) -> Timestamp:
        """The file's mtime in nanoseconds, or LATE when it does not exist."""
        stamp = self.manager.fs.mtime_ns(self.name)
        return LATE if stamp is None else stamp

    def _build_all(self) -> bool:
        return bool(getattr(self.manager.options, "build_all", False))

    def _out_of_date(self, stamp: int) -> bool:
        # Every transitive prerequisite is resolved first (which may raise), then compared in order.
        for prereq in self.all_prerequisite_tasks():
            task = self.manager.resolve(prereq.name, self.scope)
            if type(task) is FileTask:
                if task.timestamp() > stamp or self._build_all():
                    return True
            elif task.timestamp() > stamp:
                return True
        return False
