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


def explain_out(times: dict[str, int | None], prerequisites: dict[str, type[Task]], build_all: bool = False) -> str:
    """explain() for the file task ``out`` with these prerequisites (name: class), files touched at ``times``."""
    mgr, fs = setup(build_all)
    for name, mtime_ns in times.items():
        fs.touch(name, mtime_ns)
    out = mgr.define_task(FileTask, "out", list(prerequisites))
    for name, kind in prerequisites.items():
        mgr.define_task(kind, name)
    return explain(out)


@pytest.mark.parametrize(
    ("times", "prerequisites", "build_all", "reason"),
    [
        pytest.param(
            {"out": 10 * SECOND, "src.c": 13 * SECOND + 200_000_000},
            {"src.c": FileTask},
            False,
            "runs: older than src.c by 3.2 s",
            id="a newer prerequisite is named with the difference",
        ),
        pytest.param(
            {"out": None},
            {"setup": Task},
            False,
            "runs: prerequisite task setup ran (a task that is not a file is newer than any file)",
            id="a plain task prerequisite makes a file run",
        ),
        pytest.param(
            {"out": None},
            {"gen.h": FileTask},
            False,
            "runs: prerequisite gen.h does not exist",
            id="a missing prerequisite file makes a file run",
        ),
        pytest.param(
            {"src.c": 1 * SECOND, "out": 2 * SECOND},
            {"src.c": FileTask},
            True,
            "runs: --build-all (-B) rebuilds every file task",
            id="build-all runs an up-to-date file",
        ),
        pytest.param(
            {"out": 1 * SECOND, "src.c": 2 * SECOND},
            {"src.c": FileTask},
            True,
            "runs: older than src.c by 1.0 s",
            id="build-all still reports a really newer prerequisite",
        ),
        pytest.param(
            {"a.c": 1 * SECOND, "b.c": 4 * SECOND, "out": 6 * SECOND + 500_000_000},
            {"a.c": FileTask, "b.c": FileTask},
            False,
            "up to date: newer than its newest prerequisite b.c by 2.5 s",
            id="up to date names the newest prerequisite",
        ),
        pytest.param(
            {"in": 5 * SECOND, "out": 5 * SECOND},
            {"in": FileTask},
            False,
            "up to date: as new as its newest prerequisite in",
            id="equal times are up to date",
        ),
    ],
)
def test_a_file_with_prerequisites(
    times: dict[str, int | None], prerequisites: dict[str, type[Task]], build_all: bool, reason: str
) -> None:
    assert explain_out(times, prerequisites, build_all) == reason


def test_build_all_runs_an_existing_file_without_prerequisites() -> None:
    mgr, fs = setup(build_all=True)
    fs.touch("src.c", 1 * SECOND)
    assert explain(mgr.define_task(FileTask, "src.c")) == "runs: --build-all (-B) rebuilds every file task"


def test_a_newer_indirect_prerequisite_names_the_direct_one_it_comes_through() -> None:
    mgr, fs = setup()
    fs.touch("final.txt", 10 * SECOND)
    fs.touch("checked.txt", 9 * SECOND)
    fs.touch("config.txt", 12 * SECOND)
    final = mgr.define_task(FileTask, "final.txt", ["checked.txt"])
    mgr.define_task(FileTask, "checked.txt", ["config.txt"])
    mgr.define_task(FileTask, "config.txt")
    assert explain(final) == "runs: older than config.txt (through checked.txt) by 2.0 s"


def test_directory_runs_while_missing_and_is_up_to_date_once_made() -> None:
    mgr, fs = setup()
    out = mgr.directory("out")
    assert explain(out) == "runs: directory does not exist"
    fs.mkdir("out")
    assert explain(out) == "up to date: directory exists"


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
    reason = explain_out({"out": FUTURE}, {"setup": Task})
    assert reason.startswith("up to date: newer than its newest prerequisite setup by ")


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
