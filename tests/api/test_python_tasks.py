"""Project.task: Python functions as tasks beside the Rakefile's, file tasks over their inputs and outputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import pydrake

RAKEFILE = """\
file "src.txt" do |t|
  File.write(t.name, "source\\n")
  puts "made src"
end

task :prepare do
  puts "prepared"
end

file "package.txt" => "upper.txt" do |t|
  File.write(t.name, File.read("upper.txt") + "packed\\n")
end
"""


@pytest.fixture
def folder(make_project):
    return make_project({"Rakefile": RAKEFILE})


@pytest.fixture
def project(folder):
    project = pydrake.load(folder)

    @project.task(i="src.txt", o="upper.txt")
    def upper(ctx: pydrake.TaskContext) -> None:
        """Uppercase the source."""
        text = Path(ctx.inputs[0]).read_text()
        Path(ctx.outputs[0]).write_text(text.upper())
        print("uppered")

    return project


def statuses(result: pydrake.RunResult) -> dict[str, str]:
    return {t.name: t.status for t in result}


def age(path: Path, seconds: int) -> None:
    """Move a file's mtime ``seconds`` into the past."""
    stamp = path.stat().st_mtime_ns - seconds * 1_000_000_000
    os.utime(path, ns=(stamp, stamp))


def test_first_run_builds_then_the_second_skips(project, folder):
    first = project.run("upper")
    assert statuses(first) == {"src.txt": "executed", "upper": "executed"}
    assert (folder / "upper.txt").read_text() == "SOURCE\n"
    assert first["upper"].output == "uppered\n"
    assert statuses(project.run("upper")) == {"src.txt": "skipped", "upper": "skipped"}


def test_touching_an_input_reruns(project, folder):
    project.run("upper")
    age(folder / "upper.txt", 10)  # an output from an earlier build...
    os.utime(folder / "src.txt")  # ...and an input touched since
    assert statuses(project.run("upper")) == {"src.txt": "skipped", "upper": "executed"}
    assert statuses(project.run("upper")) == {"src.txt": "skipped", "upper": "skipped"}


def test_a_missing_output_or_build_all_reruns(project, folder):
    project.run("upper")
    (folder / "upper.txt").unlink()
    assert project.run("upper")["upper"].status == "executed"
    assert project.run("upper", build_all=True)["upper"].status == "executed"


def test_a_rakefile_file_task_depends_on_a_python_output(project, folder):
    result = project.run("package.txt")
    assert list(statuses(result).items()) == [
        ("src.txt", "executed"),
        ("upper", "executed"),
        ("upper.txt", "skipped"),
        ("package.txt", "executed"),
    ]
    assert (folder / "package.txt").read_text() == "SOURCE\npacked\n"
    assert set(statuses(project.run("package.txt")).values()) == {"skipped"}


def test_dependencies_by_name_or_function_run_first(project):
    order = []

    @project.task("prepare", "upper")
    def first() -> None:
        order.append("first")

    @project.task(first, name="second")
    def second_function() -> None:
        order.append("second")

    result = project.run("second")
    assert [t.name for t in result.executed] == ["prepare", "src.txt", "upper", "first", "second"]
    assert order == ["first", "second"]
    assert project.info("second").prerequisites == ("first",)
    assert second_function.pydrake_task == "second"  # type: ignore[attr-defined]


def test_a_task_without_outputs_runs_every_time(project):
    @project.task
    def always() -> None:
        print("again")

    assert project.run("always")["always"].output == "again\n"
    assert project.run("always")["always"].status == "executed"


def test_sh_and_arguments_from_the_context(project):
    @project.task(args=["name"])
    def shout(ctx: pydrake.TaskContext) -> None:
        ctx.sh(f"echo hello {ctx.args['name']}")
        ctx.err.write("done\n")

    result = project.run("shout[world]")["shout"]
    assert result.stdout == "hello world\n"
    assert result.stderr == "echo hello world\ndone\n"


def test_a_failing_command_fails_the_task_as_in_rake(project):
    @project.task
    def broken(ctx: pydrake.TaskContext) -> None:
        ctx.sh("exit 3")

    error = project.run("broken")["broken"].error
    assert error is not None
    assert (error.kind, error.message) == ("RuntimeError", "Command failed with status (3): [exit 3...]")


def test_a_python_exception_fails_the_task(project):
    @project.task("prepare")
    def bad() -> None:
        raise ValueError("no good")

    result = project.run("bad")
    assert statuses(result) == {"prepare": "executed", "bad": "failed"}
    error = result["bad"].error
    assert error is not None
    assert (error.task, error.kind, error.message, error.chain) == ("bad", "ValueError", "no good", "TOP => bad")
    assert isinstance(error.__cause__, ValueError)
    assert error.backtrace[0].startswith(f"{__file__}:")
    assert error.report.startswith("pydrake aborted!\nValueError: no good\n")


def test_an_output_the_function_did_not_create_fails_the_task(project):
    @project.task(o="never.txt")
    def lazy() -> None:
        pass

    error = project.run("lazy")["lazy"].error
    assert error is not None
    assert (error.kind, error.message) == ("FileNotFoundError", "task 'lazy' did not create its output 'never.txt'")


def test_names_and_outputs_already_taken_are_refused(project):
    with pytest.raises(pydrake.TaskDefinitionError, match="task 'prepare' is already defined"):
        project.task(name="prepare")(lambda: None)
    with pytest.raises(pydrake.TaskDefinitionError, match="output 'package.txt' is already defined"):
        project.task(name="other", o="package.txt")(lambda: None)
    with pytest.raises(pydrake.TaskDefinitionError, match="both an input and an output"):
        project.task(name="same", i="a.txt", o="a.txt")(lambda: None)
    with pytest.raises(pydrake.TaskDefinitionError, match="needs a name"):
        project.task()(lambda: None)
    with pytest.raises(pydrake.TaskDefinitionError, match="is not a task"):
        project.task(len, "prepare")


def test_python_and_rakefile_tasks_run_in_parallel(project):
    @project.task("prepare", "upper")
    def final(ctx: pydrake.TaskContext) -> None:
        print("final")

    result = project.run("final", jobs=2)
    assert result.ok
    assert statuses(result) == {"prepare": "executed", "src.txt": "executed", "upper": "executed", "final": "executed"}
    assert (result["prepare"].output, result["final"].output) == ("prepared\n", "final\n")
