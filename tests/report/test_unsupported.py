"""Messages a newcomer can act on: Ruby that pydrake lacks is named with file and line and the README's list,
and a mistyped task name gets Rake's suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from pydrake.report.ruby_names import CONSTANTS, INSTANCE_METHODS, LIBRARIES, SINGLETON_METHODS
from pydrake.report.unsupported import README_POINTER
from tests.lint.rakefiles import run_cli, write_project

POINTER = "(see 'The Ruby pydrake reads' in pydrake's README)"


@pytest.mark.parametrize(
    ("code", "hint"),
    [
        ('require "socket"', "the standard library 'socket'"),
        ('require "net/http"', "the standard library 'net/http'"),
        ('"abc".crypt("ab")', "String#crypt"),
        ("fork { }", "Kernel#fork"),
        ('File.lutime(nil, nil, "x")', "File.lutime"),
        ("Marshal.dump(1)", "the constant Marshal"),
        ("Fiber.new { }", "the constant Fiber"),
        ('"ab" =~ /\\Gb/', "the regular expression feature \\G"),
    ],
)
def test_ruby_that_pydrake_lacks_is_named_with_file_line_and_the_readme(tmp_path: Path, code: str, hint: str) -> None:
    write_project(tmp_path, f"task :a\n{code}\n")
    status, out, err = run_cli(tmp_path, "-T")
    assert status == 1
    lines = err.splitlines()
    assert lines[0] == "pydrake aborted!"
    assert lines[2] == f"{tmp_path}/Rakefile:2:in `<top (required)>'"
    assert lines[3] == f"Rakefile:2: {hint} is Ruby that pydrake does not provide {POINTER}"
    assert lines[4] == "(See full trace by running task with --trace)"


def test_the_hint_follows_an_error_raised_inside_a_task(tmp_path: Path) -> None:
    write_project(tmp_path, "task :watch do\n  trace_var(:$x) { }\nend\n")
    status, _, err = run_cli(tmp_path, "watch")
    assert status == 1
    assert f"Rakefile:2: Kernel#trace_var is Ruby that pydrake does not provide {POINTER}\n" in err
    assert err.endswith("Tasks: TOP => watch\n(See full trace by running task with --trace)\n")


@pytest.mark.parametrize(
    "code",
    [
        'require "no_such_gem_anywhere"',
        '"a".upcse',
        "x = NoSuchConstant",
        "undefined_name_here",
        'raise NoMethodError, "undefined method `crypt\' for \\"a\\":String"',
        "Object.new.no_such_method",
        'Regexp.new("(")',
    ],
)
def test_an_ordinary_mistake_keeps_rakes_report(tmp_path: Path, code: str) -> None:
    write_project(tmp_path, f"task :a\n{code}\n")
    status, _, err = run_cli(tmp_path, "-T")
    assert status == 1
    assert "pydrake does not provide" not in err and README_POINTER not in err
    assert err.splitlines()[-1] == "(See full trace by running task with --trace)"


def test_a_rescued_load_error_prints_nothing(tmp_path: Path) -> None:
    write_project(tmp_path, 'begin\n  require "socket"\nrescue LoadError\n  puts "no socket"\nend\ntask :a\n')
    status, out, err = run_cli(tmp_path, "-AT")
    assert (status, err) == (0, "")
    assert out == "no socket\npydrake a  # \n"


def test_the_names_are_rubys() -> None:
    assert {"socket", "net/http", "optparse", "tempfile"} <= set(LIBRARIES.split())
    assert "crypt" in INSTANCE_METHODS["String"].split() and "fork" in INSTANCE_METHODS["Kernel"].split()
    assert "upcse" not in INSTANCE_METHODS["String"].split()
    assert "lutime" in SINGLETON_METHODS["File"].split()
    assert {"Marshal", "Fiber", "ObjectSpace"} <= set(CONSTANTS.split())


def test_a_mistyped_task_name_gets_the_nearest_names(tmp_path: Path) -> None:
    write_project(tmp_path, "task :test\ntask :tests\ntask :build\n")
    status, _, err = run_cli(tmp_path, "tset")
    assert status == 1
    assert err == (
        "pydrake aborted!\n"
        "Don't know how to build task 'tset' (See the list of available tasks with `pydrake --tasks`)\n"
        "Did you mean?  test\n"
        "\n"
        "(See full trace by running task with --trace)\n"
    )


def test_the_readme_has_the_section_the_hint_points_to() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert "\n## The Ruby pydrake reads\n" in readme
    assert README_POINTER == "see 'The Ruby pydrake reads' in pydrake's README"
