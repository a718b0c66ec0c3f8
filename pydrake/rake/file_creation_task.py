"""FileCreationTask: a ``directory`` task, needed only while its path is missing."""

from __future__ import annotations

from pydrake.rake.file_task import FileTask
from pydrake.rake.timestamps import EARLY, Timestamp


class FileCreationTask(FileTask):
    """Needed only when missing; its EARLY timestamp never makes a dependant out of date."""

    ruby_class = "Rake::FileCreationTask"

    def needed(self) -> bool:
        """Is the path missing? Prerequisites never make it out of date."""
        return not self.manager.fs.exists(self.name)

    def timestamp(self) -> Timestamp:
        """EARLY: older than everything."""
        return EARLY
