"""NameSpace objects returned by ``namespace``: lookup, task listing and scope."""

from __future__ import annotations

from pydrake.rake.file_system import FakeFileSystem
from pydrake.rake.scope import Scope
from pydrake.rake.task import Task
from pydrake.rake.task_manager import TaskManager


def test_namespace_lookup_task_listing_and_scope() -> None:
    mgr = TaskManager(FakeFileSystem())
    with mgr.in_namespace("n") as ns:
        mgr.define_task(Task, "t")
        mgr.define_task(Task, "x")
        mgr.define_task(Task, "y")
        with mgr.in_namespace("nn"):
            mgr.define_task(Task, "z")
    with mgr.in_namespace("m"):
        mgr.define_task(Task, "x")
    assert ns["t"] is mgr["n:t"]
    assert ns["nothing"] is None
    assert [t.name for t in ns.tasks()] == ["n:nn:z", "n:t", "n:x", "n:y"]
    assert ns.scope == Scope.make("n")
