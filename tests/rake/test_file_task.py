"""FileTask: missing or out of date against any transitive prerequisite, nanosecond mtimes, strict ``>``."""

from __future__ import annotations

import os
import types
from pathlib import Path

import pytest

from pydrake.rake.errors import UndefinedTaskError
from pydrake.rake.file_system import FakeFileSystem, RealFileSystem
from pydrake.rake.file_task import FileTask
from pydrake.rake.task import Task
from pydrake.rake.task_manager import TaskManager
from pydrake.rake.timestamps import LATE


def setup() -> tuple[TaskManager, FakeFileSystem]:
    fs = FakeFileSystem()
    return TaskManager(fs), fs


def test_missing_file_is_needed_and_late() -> None:
    mgr, fs = setup()
    task = mgr.define_task(FileTask, "dummy")
    assert task.needed()
    assert task.timestamp() is LATE
    fs.touch("dummy", 42)
    assert not task.needed()
    assert task.timestamp() == 42


def test_old_file_depending_on_new_file_is_needed_and_not_the_reverse() -> None:
    mgr, fs = setup()
    fs.touch("old.txt")
    fs.touch("new.txt")
    old = mgr.define_task(FileTask, "old.txt", ["new.txt"])
    new = mgr.define_task(FileTask, "new.txt", ["old.txt"])
    assert old.needed()
    assert not new.needed()
    assert old.timestamp() < new.timestamp()  # type: ignore[operator]


def test_existing_file_depending_on_missing_file_is_needed() -> None:
    mgr, fs = setup()
    fs.touch("old.txt")
    old = mgr.define_task(FileTask, "old.txt", ["missing.txt"])
    mgr.define_task(FileTask, "missing.txt")
    assert old.needed()


def test_file_depending_on_plain_task_is_always_needed() -> None:
    mgr, fs = setup()
    fs.touch("data.txt")
    fs.touch("stamp.txt")
    stamp = mgr.define_task(FileTask, "stamp.txt", ["data.txt", "prepare"])
    mgr.define_task(Task, "prepare")
    assert stamp.needed()


def test_out_of_date_is_transitive() -> None:
    # files/file_rebuilt_when_transitive_prerequisite_newer: checked.txt is older than config.txt
    mgr, fs = setup()
    fs.touch("checked.txt")
    fs.touch("final.txt")
    fs.touch("config.txt")
    final = mgr.define_task(FileTask, "final.txt", ["checked.txt"])
    mgr.define_task(FileTask, "checked.txt", ["config.txt"])
    assert final.needed()


def test_order_only_prerequisites_count() -> None:
    mgr, fs = setup()
    fs.touch("out.txt")
    out = mgr.define_task(FileTask, "out.txt", order_only=["setup"])
    mgr.define_task(Task, "setup")
    assert out.needed()


def test_directory_prerequisite_never_makes_a_file_out_of_date() -> None:
    mgr, fs = setup()
    fs.touch("data.txt")
    fs.touch("build/report.txt")
    mgr.directory("build")
    fs.mkdir("build", 2**62)
    report = mgr.define_task(FileTask, "build/report.txt", ["build", "data.txt"])
    assert not report.needed()


def test_build_all_makes_every_file_task_needed() -> None:
    mgr, fs = setup()
    fs.touch("up.txt")
    task = mgr.define_task(FileTask, "up.txt")
    assert not task.needed()
    mgr.options = types.SimpleNamespace(build_all=True)
    assert task.needed()


def test_missing_prerequisite_without_task_raises_when_deciding() -> None:
    mgr, fs = setup()
    fs.touch("book.html")
    book = mgr.define_task(FileTask, "book.html", ["chapter1.md"])
    with pytest.raises(UndefinedTaskError, match="'chapter1.md'"):
        book.needed()


def test_needed_stats_each_path_once() -> None:
    mgr, fs = setup()
    for name in ["a.c", "b.c", "out"]:
        fs.touch(name)
    out = mgr.define_task(FileTask, "out", ["a.c", "b.c"])
    mgr.define_task(FileTask, "a.c")
    mgr.define_task(FileTask, "b.c")
    fs.stats.clear()
    assert not out.needed()
    assert fs.stats == {"out": 1, "a.c": 1, "b.c": 1}


def test_file_task_names_ignore_the_namespace() -> None:
    mgr, _ = setup()
    with mgr.in_namespace("x"):
        task = mgr.define_task(FileTask, "fn")
    assert task.name == "fn"
    assert task.inspect() == "<Rake::FileTask fn => []>"


def test_source_is_the_first_prerequisite() -> None:
    mgr, _ = setup()
    task = mgr.define_task(FileTask, "abc.o", ["abc.c", "abc.h"])
    assert task.source == "abc.c" and task.sources == ["abc.c", "abc.h"]


def test_equal_nanosecond_mtimes_are_not_out_of_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    mgr = TaskManager(RealFileSystem())
    for name in ["in.txt", "out.txt"]:
        Path(name).write_text(name)
    stamp = 1_600_000_000_123_456_789
    os.utime("in.txt", ns=(stamp, stamp))
    os.utime("out.txt", ns=(stamp, stamp))
    out = mgr.define_task(FileTask, "out.txt", ["in.txt"])
    assert not out.needed()
    os.utime("in.txt", ns=(stamp + 1, stamp + 1))
    assert out.needed()
    os.utime("out.txt", ns=(stamp + 2, stamp + 2))
    assert not out.needed()
