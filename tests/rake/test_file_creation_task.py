"""FileCreationTask: needed only while missing, and EARLY so dependants never rebuild for it."""

from __future__ import annotations

from pydrake.rake.file_creation_task import FileCreationTask
from pydrake.rake.file_system import FakeFileSystem
from pydrake.rake.file_task import FileTask
from pydrake.rake.task_manager import TaskManager
from pydrake.rake.timestamps import EARLY, now_ns


def test_needed_only_when_missing_even_with_newer_prerequisites() -> None:
    fs = FakeFileSystem()
    mgr = TaskManager(fs)
    task = mgr.define_task(FileCreationTask, "dir", ["newer.txt"])
    mgr.define_task(FileTask, "newer.txt")
    assert task.needed()
    fs.mkdir("dir", 1)
    fs.touch("newer.txt", 2)
    assert not task.needed()


def test_timestamp_is_early() -> None:
    task = TaskManager(FakeFileSystem()).define_task(FileCreationTask, "dir")
    assert task.timestamp() is EARLY
    assert task.timestamp() < now_ns()
    assert task.inspect() == "<Rake::FileCreationTask dir => []>"


def test_colon_in_a_directory_name_is_not_a_namespace() -> None:
    mgr = TaskManager(FakeFileSystem())
    mgr.directory("a:b")
    assert type(mgr["a:b"]) is FileCreationTask
    assert mgr["a:b"].scope.is_empty()
