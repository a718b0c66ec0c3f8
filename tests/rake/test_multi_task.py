"""MultiTask: its prerequisites always go through Rake's pool."""

from __future__ import annotations

import types

from pydrake.rake.file_system import FakeFileSystem
from pydrake.rake.multi_task import MultiTask
from pydrake.rake.task import Task
from pydrake.rake.task_manager import TaskManager


def test_multitask_prerequisites_are_pooled_and_plain_ones_only_with_m() -> None:
    mgr = TaskManager(FakeFileSystem())
    multi = mgr.define_task(MultiTask, "m", ["a", "b"])
    plain = mgr.define_task(Task, "p", ["a", "b"])
    assert multi.invokes_concurrently(types.SimpleNamespace())
    assert not plain.invokes_concurrently(types.SimpleNamespace())
    assert plain.invokes_concurrently(types.SimpleNamespace(always_multitask=True))
    assert multi.inspect() == "<Rake::MultiTask m => [a, b]>"
    assert multi.needed()
