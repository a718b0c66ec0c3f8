"""Project.run: the command line's run options, each task's outcome, output and error in a RunResult."""

from __future__ import annotations

import os

import pytest

import pydrake

RAKEFILE = """\
task :default => [:hello, "out.txt"]

task :hello do
  puts "hello"
  sh "echo to-stdout; echo to-stderr >&2"
end

file "out.txt" => "in.txt" do |t|
  File.write(t.name, File.read("in.txt").upcase)
  puts "wrote #{t.name}"
end

task :greet, [:who] do |t, args|
  puts "hi #{args[:who]}"
end

task :boom do
  raise ArgumentError, "kaboom"
end

task :after_boom => :boom do
  puts "never"
end

task :fine do
  puts "fine"
end

task :loop_a => :loop_b
task :loop_b => :loop_a
"""


@pytest.fixture
def folder(make_project):
    return make_project({"Rakefile": RAKEFILE, "in.txt": "text\n"})


@pytest.fixture
def project(folder):
    return pydrake.load(folder)


def test_a_run_reports_each_task_in_rake_order(project, folder):
    result = project.run()
    assert result.ok
    assert [(t.name, t.status) for t in result] == [
        ("hello", "executed"),
        ("in.txt", "skipped"),
        ("out.txt", "executed"),
        ("default", "executed"),
    ]
    assert (folder / "out.txt").read_text() == "TEXT\n"
    assert [t.name for t in result.executed] == ["hello", "out.txt", "default"]
    assert [t.name for t in result.skipped] == ["in.txt"]
    assert result.failed == [] and result.errors == ()
    assert all(t.seconds >= 0 for t in result) and result["hello"].start is not None


def test_each_task_keeps_its_own_output_and_the_caller_sees_none(project, capfd):
    before = os.getcwd()
    result = project.run("default")
    hello = result["hello"]
    assert hello.stdout == "hello\nto-stdout\n"
    assert hello.stderr == "echo to-stdout; echo to-stderr >&2\nto-stderr\n"
    # A command's stdout and stderr come through two pipes: their lines keep each stream's order, not each other's.
    assert hello.output in (
        "hello\necho to-stdout; echo to-stderr >&2\nto-stdout\nto-stderr\n",
        "hello\necho to-stdout; echo to-stderr >&2\nto-stderr\nto-stdout\n",
    )
    assert result["out.txt"].output == "wrote out.txt\n"
    assert result.output == hello.output + "wrote out.txt\n"
    assert capfd.readouterr() == ("", "")
    assert os.getcwd() == before


def test_echo_also_writes_the_output_to_the_callers_streams(project, capfd):
    project.run("hello", echo=True)
    out, err = capfd.readouterr()
    assert out == "hello\nto-stdout\n"
    assert err == "echo to-stdout; echo to-stderr >&2\nto-stderr\n"


def test_a_second_run_starts_afresh_and_skips_what_is_up_to_date(project):
    assert project.run().ok
    again = project.run()
    assert [(t.name, t.status) for t in again] == [
        ("hello", "executed"),
        ("in.txt", "skipped"),
        ("out.txt", "skipped"),
        ("default", "executed"),
    ]


def test_build_all_reruns_up_to_date_file_tasks(project):
    project.run()
    assert project.run("out.txt", build_all=True)["out.txt"].status == "executed"


def test_task_arguments_as_on_the_command_line(project):
    assert project.run("greet[Bob]")["greet"].output == "hi Bob\n"


def test_a_failing_task_gives_a_failed_result_with_its_error(project):
    result = project.run(["after_boom"])
    assert not result.ok
    assert [(t.name, t.status) for t in result] == [("boom", "failed"), ("after_boom", "not_run")]
    error = result["boom"].error
    assert error is not None and result.errors == (error,)
    assert (error.task, error.kind, error.message, error.chain) == ("boom", "ArgumentError", "kaboom", "TOP => after_boom => boom")
    assert error.backtrace[0].endswith("Rakefile:18:in `block in <top (required)>'")
    assert error.report.startswith("pydrake aborted!\nArgumentError: kaboom\n")
    assert "Tasks: TOP => after_boom => boom\n" in error.report
    with pytest.raises(pydrake.BuildError) as info:
        result.check()
    assert info.value.result is result
    assert str(info.value) == "task 'boom' failed: ArgumentError: kaboom"


def test_a_sequential_run_stops_at_the_first_failure(project):
    result = project.run(["boom", "fine"])
    assert [(t.name, t.status) for t in result] == [("boom", "failed"), ("fine", "not_run")]


def test_keep_going_runs_what_does_not_depend_on_the_failure(project):
    result = project.run(["after_boom", "fine"], jobs=2, keep_going=True)
    statuses = {t.name: t.status for t in result}
    assert statuses == {"boom": "failed", "after_boom": "not_run", "fine": "executed"}
    assert result["fine"].output == "fine\n"


def test_a_parallel_run_keeps_each_tasks_output_apart(make_project, capfd):
    rakefile = "task :default => [:a, :b]\n" + "".join(
        f'task :{n} do\n  sh "echo {n}1; sleep 0.2; echo {n}2", verbose: false\nend\n' for n in "ab"
    )
    project = pydrake.load(make_project({"Rakefile": rakefile}))
    result = project.run(jobs=2, echo=True)
    assert (result["a"].output, result["b"].output) == ("a1\na2\n", "b1\nb2\n")
    assert capfd.readouterr().out in ("a1\na2\nb1\nb2\n", "b1\nb2\na1\na2\n")


def test_dry_run_runs_nothing_and_says_what_would_run(project, folder):
    result = project.run(dry_run=True)
    assert [(t.name, t.status) for t in result] == [
        ("hello", "would_run"),
        ("in.txt", "skipped"),
        ("out.txt", "would_run"),
        ("default", "would_run"),
    ]
    assert not (folder / "out.txt").exists()
    assert result.dry_run and result.output == ""
    assert "** Execute (dry run) out.txt\n" in result.trace


def test_trace_records_rakes_trace_lines(project):
    result = project.run("hello", trace=True)
    assert result.trace == "** Invoke hello (first_time)\n** Execute hello\n"
    assert project.run("hello").trace == ""


def test_a_circular_dependency_fails_the_run(project):
    result = project.run("loop_a")
    assert not result.ok
    assert result.errors[0].message == "Circular dependency detected: TOP => loop_a => loop_b => loop_a"


def test_an_unknown_task_name_raises(project):
    with pytest.raises(pydrake.TaskNotFoundError, match="Don't know how to build task 'helo'\nDid you mean\\?  hello"):
        project.run("helo")


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True])
def test_jobs_must_be_a_positive_integer(project, jobs):
    with pytest.raises(ValueError, match="jobs must be a positive integer"):
        project.run("hello", jobs=jobs)


def test_a_closed_project_cannot_run(make_project):
    folder = make_project({"Rakefile": 'at_exit { File.write("closed.txt", "bye") }\ntask :a\n'})
    with pydrake.load(folder) as project:
        assert project.run("a").ok
    assert (folder / "closed.txt").read_text() == "bye"
    with pytest.raises(pydrake.PydrakeError, match="closed"):
        project.run("a")


def test_files_made_between_runs_are_seen(project, folder):
    assert project.run("default").ok
    with pytest.raises(pydrake.TaskNotFoundError):
        project.run("later.txt")
    (folder / "later.txt").write_text("made by hand\n")
    assert project.run("later.txt")["later.txt"].status == "skipped"
