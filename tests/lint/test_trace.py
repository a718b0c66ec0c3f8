"""--lint-trace records each task's file accesses during a sequential run and reports the flows no prerequisite orders.

The first tests run Python actions in-process (their file operations reach the audit hook,
no strace involved); the last ones run the installed command on Rakefiles whose ``sh``
commands go through strace, and are skipped where strace is missing or cannot trace.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pydrake.engine.events import NullEvents
from pydrake.engine.sequential import SequentialRunner
from pydrake.lint import trace
from pydrake.lint.trace import Recorder, TraceUnavailable, analyse, recording, strace_command
from pydrake.rake.file_task import FileTask
from pydrake.rake.task import Task
from pydrake.rake.task_manager import TaskManager


def _strace_works() -> str | None:
    """None when strace can trace here, else why not."""
    try:
        strace_command()
    except TraceUnavailable as exc:
        return str(exc)
    return None


STRACE_PROBLEM = _strace_works()
needs_strace = pytest.mark.skipif(STRACE_PROBLEM is not None, reason=f"{STRACE_PROBLEM} (CI must install strace)")


class Build:
    """A Rakefile written in Python whose actions do real file operations in the project folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.mgr = TaskManager()
        self.mgr.record_task_metadata = True
        self.line = 0

    def task(self, name: str, prereqs: Any = None, action: Callable[[], Any] | None = None, cls: type[Task] = Task) -> Task:
        self.line += 1
        act = (lambda t, a: action()) if action is not None else None
        return self.mgr.define_task(cls, name, prereqs, None, None, act, (str(self.root / "Rakefile"), self.line, "x"))

    def file(self, name: str, prereqs: Any = None, action: Callable[[], Any] | None = None) -> Task:
        return self.task(name, prereqs, action, FileTask)

    def run(self, *names: str) -> tuple[list[str], int]:
        """Run the named tasks under the recorder; the report's finding lines and the number of flows."""
        runner = SequentialRunner(self.mgr, NullEvents())
        recorder = Recorder(str(self.root), ["strace"], str(self.root / ".." / "trace-work"))
        with recording(recorder, runner):
            for name in names or ("default",):
                runner.invoke_task(name)
        analysis = analyse(self.mgr, recorder, str(self.root))
        return [line for f in analysis.run() for line in f.lines()], len(analysis.flows)


def write(path: str, text: str = "x") -> Callable[[], None]:
    def action() -> None:
        with open(path, "w") as f:
            f.write(text)

    return action


def read(path: str) -> Callable[[], None]:
    def action() -> None:
        with open(path) as f:
            f.read()

    return action


@pytest.fixture
def build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Build:
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    return Build(project)


def test_a_read_of_a_file_an_unordered_task_wrote_is_a_missing_dependency(build: Build) -> None:
    build.task("default", ["gen", "use"])
    build.task("gen", None, write("gen.txt"))
    build.task("use", None, read("gen.txt"))
    lines, flows = build.run()
    assert lines == [
        "Rakefile:3: missing-dependency: task 'use' reads 'gen.txt', produced by task 'gen' (Rakefile:2), "
        "with no prerequisite path between them",
        "  fix: task :use => :gen   (or task :default => seq[:gen, :use])",
    ]
    assert flows == 1


def test_a_flow_along_a_prerequisite_chain_is_fine(build: Build) -> None:
    build.task("default", ["use"])
    build.task("gen", None, write("gen.txt"))
    build.task("mid", ["gen"])
    build.task("use", ["mid"], read("gen.txt"))
    assert build.run() == ([], 1)


def test_two_unordered_writers_of_one_file_conflict(build: Build) -> None:
    build.task("default", ["stamp_a", "stamp_b"])
    build.task("stamp_a", None, write("version.txt", "a"))
    build.task("stamp_b", None, write("version.txt", "b"))
    lines, _ = build.run()
    assert lines == [
        "Rakefile:3: write-conflict: tasks 'stamp_a' (Rakefile:2) and 'stamp_b' both write 'version.txt', "
        "with no prerequisite path between them",
        "  fix: task :stamp_b => :stamp_a   (or let one task write 'version.txt')",
    ]


def test_appends_to_a_log_commute_but_a_rewrite_of_it_does_not(build: Build) -> None:
    def append(line: str) -> Callable[[], None]:
        def action() -> None:
            with open("build.log", "a") as f:
                f.write(line)

        return action

    build.task("default", ["a", "b", "reset"])
    build.task("a", None, append("a\n"))
    build.task("b", None, append("b\n"))
    build.task("reset", None, write("build.log", ""))
    lines, _ = build.run()
    assert [line for line in lines if "write-conflict" in line] == [
        "Rakefile:4: write-conflict: tasks 'a' (Rakefile:2) and 'reset' both write 'build.log', "
        "with no prerequisite path between them",
        "Rakefile:4: write-conflict: tasks 'b' (Rakefile:3) and 'reset' both write 'build.log', "
        "with no prerequisite path between them",
    ]


def test_a_folder_made_by_another_task_is_fine_behind_its_directory_task(build: Build) -> None:
    def make(path: str) -> Callable[[], None]:
        return lambda: None if os.path.exists(path) else os.mkdir(path)

    build.task("default", ["first", "late"])
    build.task("first", None, lambda: (make("dist")(), write("dist/a")()))
    build.file("dist", None, make("dist"))
    build.task("late", ["dist"], write("dist/b"))
    assert build.run()[0] == []


def test_removing_a_file_another_task_wrote_conflicts(build: Build) -> None:
    build.task("default", ["make", "clean"])
    build.task("make", None, write("out.txt"))
    build.task("clean", None, lambda: os.remove("out.txt"))
    lines, _ = build.run()
    assert lines[0].startswith("Rakefile:3: write-conflict: tasks 'make' (Rakefile:2) and 'clean' both write 'out.txt'")


def test_writing_into_a_folder_an_unordered_task_made_is_a_missing_dependency(build: Build) -> None:
    build.task("default", ["setup", "compile"])
    build.task("setup", None, lambda: os.mkdir("obj"))
    build.task("compile", None, write("obj/a.o"))
    lines, _ = build.run()
    assert lines == [
        "Rakefile:3: missing-dependency: task 'compile' writes 'obj/a.o' into folder 'obj', created by task 'setup' "
        "(Rakefile:2), with no prerequisite path between them",
        "  fix: task :compile => :setup   (or task :default => seq[:setup, :compile])",
    ]


def test_every_way_one_pair_of_tasks_was_seen_is_one_finding(build: Build) -> None:
    build.task("default", ["stamp", "package"])
    build.task("stamp", None, lambda: (os.mkdir("build"), write("build/version.txt")()))
    build.task("package", None, lambda: (read("build/version.txt")(), write("build/VERSION")()))
    lines, _ = build.run()
    assert lines == [
        "Rakefile:3: missing-dependency: task 'package' reads 'build/version.txt', produced by task 'stamp' "
        "(Rakefile:2), with no prerequisite path between them",
        "  fix: task :package => :stamp   (or task :default => seq[:stamp, :package])",
        "  also writes into folder 'build', created by task 'stamp'",
    ]


def test_a_task_that_makes_the_folder_itself_does_not_race(build: Build) -> None:
    build.task("default", ["a", "b"])
    build.task("a", None, lambda: (os.makedirs("out", exist_ok=True), write("out/a")()))
    build.task("b", None, lambda: (os.makedirs("out", exist_ok=True), write("out/b")()))
    assert build.run() == ([], 0)


def test_a_task_that_checks_the_folder_before_writing_does_not_race(build: Build) -> None:
    def make_and_write(name: str) -> Callable[[], None]:
        def action() -> None:
            if not os.path.isdir("out"):  # FileUtils.mkdir_p and Dir.exist? look like this
                os.mkdir("out")
            write(f"out/{name}")()

        return action

    build.task("default", ["a", "b", "c"])
    build.task("a", None, make_and_write("a"))
    build.task("b", None, make_and_write("b"))
    build.task("c", None, write("out/c"))
    lines, _ = build.run()
    assert [line.split(": ")[1] for line in lines if not line.startswith(" ")] == ["missing-dependency"]
    assert "task 'c' writes 'out/c' into folder 'out', created by task 'a'" in lines[0]


def test_reading_a_file_before_an_unordered_task_rewrites_it(build: Build) -> None:
    Path("config.txt").write_text("old")
    build.task("default", ["reader", "rewriter"])
    build.task("reader", None, read("config.txt"))
    build.task("rewriter", None, write("config.txt", "new"))
    lines, _ = build.run()
    assert lines == [
        "Rakefile:3: missing-dependency: task 'rewriter' rewrites 'config.txt', which task 'reader' (Rakefile:2) "
        "reads before it, with no prerequisite path between them",
        "  fix: task :rewriter => :reader   (or task :default => seq[:reader, :rewriter])",
    ]


def test_rewriting_what_an_unordered_task_read_after_an_ordered_write(build: Build) -> None:
    build.task("default", ["package", "sign"])
    build.task("build", None, write("app.bin", "unsigned"))
    build.task("package", ["build"], read("app.bin"))
    build.task("sign", ["build"], write("app.bin", "signed"))
    lines, flows = build.run()
    assert lines[0] == (
        "Rakefile:4: missing-dependency: task 'sign' rewrites 'app.bin', which task 'package' (Rakefile:3) "
        "reads before it, with no prerequisite path between them"
    )
    assert flows == 1


def test_file_tasks_get_a_file_fix_and_every_file_of_a_pair_is_listed(build: Build) -> None:
    build.task("default", ["gen", "app"])
    build.task("gen", None, lambda: (write("a.h")(), write("b.h")()))
    build.file("app", None, lambda: (read("a.h")(), read("b.h")(), write("app")()))
    lines, flows = build.run()
    assert lines == [
        "Rakefile:3: missing-dependency: task 'app' reads 'a.h', produced by task 'gen' (Rakefile:2), "
        "with no prerequisite path between them",
        "  fix: file 'app' => :gen   (or task :default => seq[:gen, 'app'])",
        "  files: 'a.h', 'b.h'",
    ]
    assert flows == 2


def test_a_task_invoked_inside_another_is_ordered_with_it(build: Build) -> None:
    holder: dict[str, SequentialRunner] = {}
    build.task("default", ["inner", "outer"])
    build.task("inner", None, write("inner.txt"))

    def outer() -> None:
        holder["runner"].execute(build.mgr.lookup("inner"))
        read("inner.txt")()

    build.task("outer", None, outer)
    runner = SequentialRunner(build.mgr, NullEvents())
    holder["runner"] = runner
    recorder = Recorder(str(build.root), ["strace"], "/nonexistent")
    with recording(recorder, runner):
        runner.invoke_task("outer")
    assert analyse(build.mgr, recorder, str(build.root)).run() == []


def test_files_outside_the_project_and_tool_caches_are_ignored(build: Build, tmp_path: Path) -> None:
    outside = str(tmp_path / "shared.txt")
    build.task("default", ["a", "b"])
    build.task("a", None, lambda: (write(outside)(), os.makedirs("__pycache__", exist_ok=True), write("__pycache__/m.pyc")()))
    build.task("b", None, lambda: (read(outside)(), read("__pycache__/m.pyc")()))
    assert build.run() == ([], 0)


def test_a_file_outside_the_project_named_by_a_task_is_kept(build: Build, tmp_path: Path) -> None:
    outside = str(tmp_path / "shared.txt")
    build.task("default", ["a", "b"])
    build.file(outside, None, write(outside))
    build.task("a", [outside])
    build.task("b", None, read(outside))
    lines, _ = build.run()
    assert lines[0].startswith(f"Rakefile:4: missing-dependency: task 'b' reads '{outside}', produced by task '{outside}'")


def test_operations_outside_any_task_are_not_recorded(build: Build) -> None:
    build.task("default", None, read("late.txt"))
    Path("late.txt").write_text("x")
    runner = SequentialRunner(build.mgr, NullEvents())
    recorder = Recorder(str(build.root), ["strace"], "/nonexistent")
    with recording(recorder, runner):
        Path("other.txt").write_text("not in a task")
        runner.invoke_task("default")
    assert [(e.task.name, os.path.basename(e.access.path)) for e in recorder.events] == [("default", "late.txt")]


def test_commands_are_wrapped_only_inside_a_task(build: Build) -> None:
    recorder = Recorder(str(build.root), ["strace", "-f"], "/work")
    assert recorder.wrap(["echo", "hi"], str(build.root)) == ["echo", "hi"]
    recorder.begin(build.task("t"))
    assert recorder.wrap(["echo", "hi"], str(build.root)) == ["strace", "-f", "-o", "/work/1.trace", "--", "echo", "hi"]
    assert recorder.wrap(["no-such-program-xyz"], str(build.root)) == ["no-such-program-xyz"]


def test_a_missing_strace_names_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trace.shutil, "which", lambda name: None)
    with pytest.raises(TraceUnavailable, match="install the Debian package 'strace'"):
        strace_command()


# ------------------------------------------------------------------ the command, end to end


def pydrake(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pydrake", *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


def project(tmp_path: Path, rakefile: str) -> Path:
    (tmp_path / "Rakefile").write_text(rakefile)
    return tmp_path


UNSAFE = """\
task :default => [:gen, :use]

task :gen do
  sh "echo hi > gen.txt"
end

task :use do
  sh "cat gen.txt > use.txt"
end
"""


@needs_strace
def test_command_reports_a_flow_seen_through_strace(tmp_path: Path) -> None:
    done = pydrake(project(tmp_path, UNSAFE), "--lint-trace")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "Rakefile:7: missing-dependency: task 'use' reads 'gen.txt', produced by task 'gen' (Rakefile:3), "
        "with no prerequisite path between them",
        "  fix: task :use => :gen   (or task :default => seq[:gen, :use])",
    ]
    assert (tmp_path / "use.txt").read_text() == "hi\n"


@needs_strace
def test_command_certifies_a_j_safe_build(tmp_path: Path) -> None:
    done = pydrake(project(tmp_path, UNSAFE.replace("task :use do", "task :use => :gen do")), "--lint-trace")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "j-safe: 3 tasks, 1 file flows, all ordered by declared prerequisites\n"
    assert done.stderr == "echo hi > gen.txt\ncat gen.txt > use.txt\n"


@needs_strace
def test_a_failing_build_still_reports_what_it_saw(tmp_path: Path) -> None:
    rakefile = UNSAFE + 'task :use do\n  sh "exit 3"\nend\n'
    done = pydrake(project(tmp_path, rakefile), "--lint-trace")
    assert done.returncode == 1
    assert done.stdout.startswith("Rakefile:7: missing-dependency: task 'use' reads 'gen.txt'")
    assert "pydrake aborted!\nCommand failed with status (3): [exit 3...]\n" in done.stderr


@needs_strace
def test_a_missing_program_fails_as_without_tracing(tmp_path: Path) -> None:
    done = pydrake(project(tmp_path, 'task :default do\n  sh "no-such-program-xyz"\nend\n'), "--lint-trace")
    plain = pydrake(tmp_path)
    assert done.returncode == plain.returncode == 1
    assert done.stderr == plain.stderr


def test_command_without_strace_exits_2(tmp_path: Path) -> None:
    env = dict(os.environ, PATH=str(tmp_path / "empty"))
    done = pydrake(project(tmp_path, UNSAFE), "--lint-trace", env=env)
    assert done.returncode == 2
    assert "install the Debian package 'strace'" in done.stderr
    assert not (tmp_path / "gen.txt").exists()


@needs_strace
@pytest.mark.skipif(shutil.which("cc") is None, reason="needs a C compiler")
def test_the_c_sample_is_j_safe_and_a_generated_header_without_prerequisite_is_not(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    shutil.copytree(
        Path(__file__).resolve().parents[2] / "sample_rakefiles" / "c_project",
        folder,
        ignore=shutil.ignore_patterns("obj", "bin"),  # outputs of a build someone ran in the checkout
    )
    done = pydrake(folder, "--lint-trace")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == [  # the directory tasks' mkdir messages go to stdout, as in Rake
        "mkdir -p obj",
        "mkdir -p bin",
        "j-safe: 8 tasks, 3 file flows, all ordered by declared prerequisites",
    ]
    (folder / "src" / "main.c").write_text('#include "version.h"\n' + (folder / "src" / "main.c").read_text())
    rakefile = (folder / "Rakefile").read_text().replace("task :default => :build", "task :default => [:version, :build]")
    (folder / "Rakefile").write_text(rakefile + '\ntask :version do\n  sh "echo \'#define V 1\' > src/version.h"\nend\n')
    done = pydrake(folder, "--lint-trace")
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith(
        "Rakefile:22: missing-dependency: task 'obj/main.o' reads 'src/version.h', produced by task 'version'"
    )
