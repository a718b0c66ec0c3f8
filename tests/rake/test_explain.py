"""explain(): the reason behind needed?, with the same verdict in every situation."""

from __future__ import annotations

import io
import random
import re
import types

import pytest

from pydrake.rake.errors import UndefinedTaskError
from pydrake.rake.explain import ExplainObserver, duration_text, explain, explain_line, is_up_to_date
from pydrake.rake.file_creation_task import FileCreationTask
from pydrake.rake.file_system import FakeFileSystem
from pydrake.rake.file_task import FileTask
from pydrake.rake.task import Task
from pydrake.rake.task_manager import TaskManager

SECOND = 1_000_000_000
FUTURE = 2**62  # after any plain task's "now"


def setup(build_all: bool = False) -> tuple[TaskManager, FakeFileSystem]:
    fs = FakeFileSystem()
    return TaskManager(fs, types.SimpleNamespace(build_all=build_all)), fs


def test_plain_task_always_runs() -> None:
    mgr, _ = setup()
    assert explain(mgr.define_task(Task, "build")) == "runs: a plain task always runs"


def test_missing_file_runs() -> None:
    mgr, _ = setup()
    assert explain(mgr.define_task(FileTask, "out.o")) == "runs: file does not exist"


def test_newer_prerequisite_is_named_with_the_difference() -> None:
    mgr, fs = setup()
    fs.touch("out.o", 10 * SECOND)
    fs.touch("src.c", 13 * SECOND + 200_000_000)
    out = mgr.define_task(FileTask, "out.o", ["src.c"])
    mgr.define_task(FileTask, "src.c")
    assert explain(out) == "runs: older than src.c by 3.2 s"


def test_a_newer_indirect_prerequisite_names_the_direct_one_it_comes_through() -> None:
    mgr, fs = setup()
    fs.touch("final.txt", 10 * SECOND)
    fs.touch("checked.txt", 9 * SECOND)
    fs.touch("config.txt", 12 * SECOND)
    final = mgr.define_task(FileTask, "final.txt", ["checked.txt"])
    mgr.define_task(FileTask, "checked.txt", ["config.txt"])
    mgr.define_task(FileTask, "config.txt")
    assert explain(final) == "runs: older than config.txt (through checked.txt) by 2.0 s"


def test_a_plain_task_prerequisite_makes_a_file_run() -> None:
    mgr, fs = setup()
    fs.touch("stamp")
    stamp = mgr.define_task(FileTask, "stamp", ["setup"])
    mgr.define_task(Task, "setup")
    assert explain(stamp) == "runs: prerequisite task setup ran (a task that is not a file is newer than any file)"


def test_a_missing_prerequisite_file_makes_a_file_run() -> None:
    mgr, fs = setup()
    fs.touch("out")
    out = mgr.define_task(FileTask, "out", ["gen.h"])
    mgr.define_task(FileTask, "gen.h")
    assert explain(out) == "runs: prerequisite gen.h does not exist"


def test_build_all_runs_an_up_to_date_file() -> None:
    mgr, fs = setup(build_all=True)
    fs.touch("src.c", 1 * SECOND)
    fs.touch("out.o", 2 * SECOND)
    out = mgr.define_task(FileTask, "out.o", ["src.c"])
    mgr.define_task(FileTask, "src.c")
    assert explain(out) == "runs: --build-all (-B) rebuilds every file task"
    assert explain(mgr.define_task(FileTask, "src.c")) == "runs: --build-all (-B) rebuilds every file task"


def test_build_all_still_reports_a_really_newer_prerequisite() -> None:
    mgr, fs = setup(build_all=True)
    fs.touch("out.o", 1 * SECOND)
    fs.touch("src.c", 2 * SECOND)
    out = mgr.define_task(FileTask, "out.o", ["src.c"])
    mgr.define_task(FileTask, "src.c")
    assert explain(out) == "runs: older than src.c by 1.0 s"


def test_directory_runs_while_missing_and_is_up_to_date_once_made() -> None:
    mgr, fs = setup()
    out = mgr.directory("out")
    assert explain(out) == "runs: directory does not exist"
    fs.mkdir("out")
    assert explain(out) == "up to date: directory exists"


def test_up_to_date_names_the_newest_prerequisite() -> None:
    mgr, fs = setup()
    fs.touch("a.c", 1 * SECOND)
    fs.touch("b.c", 4 * SECOND)
    fs.touch("out", 6 * SECOND + 500_000_000)
    out = mgr.define_task(FileTask, "out", ["a.c", "b.c"])
    mgr.define_task(FileTask, "a.c")
    mgr.define_task(FileTask, "b.c")
    assert explain(out) == "up to date: newer than its newest prerequisite b.c by 2.5 s"


def test_equal_times_are_up_to_date() -> None:
    mgr, fs = setup()
    fs.touch("in", 5 * SECOND)
    fs.touch("out", 5 * SECOND)
    out = mgr.define_task(FileTask, "out", ["in"])
    mgr.define_task(FileTask, "in")
    assert explain(out) == "up to date: as new as its newest prerequisite in"


def test_up_to_date_without_prerequisites_or_with_directories_only() -> None:
    mgr, fs = setup()
    fs.touch("alone")
    assert explain(mgr.define_task(FileTask, "alone")) == "up to date: file exists and has no prerequisites"
    fs.mkdir("dir", FUTURE)
    fs.touch("report")
    mgr.directory("dir")
    report = mgr.define_task(FileTask, "report", ["dir"])
    assert explain(report) == "up to date: file exists and no prerequisite is a file with a time"


def test_a_file_newer_than_now_is_up_to_date_against_a_plain_task() -> None:
    mgr, fs = setup()
    fs.touch("stamp", FUTURE)
    stamp = mgr.define_task(FileTask, "stamp", ["setup"])
    mgr.define_task(Task, "setup")
    assert explain(stamp).startswith("up to date: newer than its newest prerequisite setup by ")


def test_a_task_class_with_its_own_needed_is_asked() -> None:
    class Never(Task):
        def needed(self) -> bool:
            return False

    mgr, _ = setup()
    assert explain(mgr.define_task(Never, "never")) == "up to date: its needed? is false"


def test_explain_raises_what_needed_raises() -> None:
    mgr, fs = setup()
    fs.touch("book.html")
    book = mgr.define_task(FileTask, "book.html", ["chapter1.md"])
    with pytest.raises(UndefinedTaskError):
        explain(book)


@pytest.mark.parametrize(
    ("ns", "text"),
    [
        (1_500, "0.0015 ms"),
        (50_200_000, "50.2 ms"),
        (3_200_000_000, "3.2 s"),
        (300 * SECOND, "5.0 min"),
        (3 * 3600 * SECOND, "3.0 h"),
        (72 * 3600 * SECOND, "3.0 days"),
    ],
)
def test_duration_text(ns: int, text: str) -> None:
    assert duration_text(ns) == text


def test_line_format() -> None:
    mgr, _ = setup()
    task = mgr.define_task(Task, "db:migrate")
    assert explain_line("pydrake", task, explain(task)) == "pydrake: explain: db:migrate: runs: a plain task always runs"


def test_observer_writes_whole_lines_and_notes_a_verdict_that_changed() -> None:
    mgr, fs = setup()
    fs.touch("out")
    out = mgr.define_task(FileTask, "out")
    stream = io.StringIO()
    observer = ExplainObserver("pydrake", lambda: stream)
    observer(out, False)
    observer(out, True)  # the runner saw it needed; the file is there now
    assert stream.getvalue().splitlines() == [
        "pydrake: explain: out: up to date: file exists and has no prerequisites",
        "pydrake: explain: out: runs: files changed while deciding",
    ]


# ---------------------------------------------------------------- the verdict is needed?'s


def random_situation(rng: random.Random) -> list[Task]:
    """A random acyclic graph of plain, file and directory tasks with random files on a fake disk."""
    mgr, fs = setup(build_all=rng.random() < 0.15)
    count = rng.randint(1, 9)
    kinds = [rng.choice([FileTask, FileTask, FileTask, Task, FileCreationTask]) for _ in range(count)]
    names = [f"t{i}" for i in range(count)]
    tasks: list[Task] = []
    for i, (kind, name) in enumerate(zip(kinds, names, strict=True)):
        earlier = names[:i]
        prereqs = rng.sample(earlier, rng.randint(0, min(3, len(earlier))))
        order_only = [n for n in rng.sample(earlier, min(1, len(earlier))) if n not in prereqs and rng.random() < 0.2]
        if kind is FileCreationTask:
            task = mgr.directory(name)
            task.enhance(prereqs)
        else:
            task = mgr.define_task(kind, name, prereqs, order_only=order_only or None)
        tasks.append(task)
        roll = rng.random()
        if roll < 0.7:
            stamp = rng.choice([FUTURE, rng.randint(1, 6) * SECOND, rng.randint(1, 6) * SECOND + rng.randint(0, 999)])
            (fs.mkdir if kind is FileCreationTask else fs.touch)(name, stamp)
    return tasks


def test_explain_says_up_to_date_exactly_when_needed_is_false() -> None:
    rng = random.Random(20240508)
    seen = set()
    for _ in range(3000):
        for task in random_situation(rng):
            reason = explain(task)
            assert reason.startswith(("runs: ", "up to date: "))
            assert is_up_to_date(reason) == (not task.needed()), (task.name, reason)
            seen.add(re.sub(r" by .*$", " by D", re.sub(r"\bt\d+\b", "T", reason)))
    assert seen >= {  # the situations reach every kind of reason
        "runs: a plain task always runs",
        "runs: file does not exist",
        "runs: directory does not exist",
        "runs: older than T by D",
        "runs: older than T (through T) by D",
        "runs: prerequisite T does not exist",
        "runs: prerequisite task T ran (a task that is not a file is newer than any file)",
        "runs: --build-all (-B) rebuilds every file task",
        "up to date: directory exists",
        "up to date: newer than its newest prerequisite T by D",
        "up to date: as new as its newest prerequisite T",
        "up to date: file exists and has no prerequisites",
    }
