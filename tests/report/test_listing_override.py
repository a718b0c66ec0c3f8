"""A Rakefile that redefines ``Rake.application.display_tasks_and_comments`` lists through it, as rake does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.rakefiles import run_cli, write_project

OVERRIDE = """\
class << Rake.application
  def display_tasks_and_comments
    puts "custom listing of #{tasks.size} task(s)"
  end
end
desc "Build it"
task :build
"""


@pytest.mark.parametrize("flag", ["-T", "-D", "-W"])
def test_listing_flags_call_the_rakefiles_display_method(tmp_path: Path, flag: str) -> None:
    write_project(tmp_path, OVERRIDE)
    assert run_cli(tmp_path, flag) == (0, "custom listing of 1 task(s)\n", "")


def test_the_override_leaves_prerequisites_listing_and_task_runs_alone(tmp_path: Path) -> None:
    write_project(tmp_path, OVERRIDE + 'task(:run) { puts "ran" }\n')
    assert run_cli(tmp_path, "-P") == (0, "pydrake build\npydrake run\n", "")
    assert run_cli(tmp_path, "run") == (0, "ran\n", "")


def test_without_an_override_the_built_in_listing_runs(tmp_path: Path) -> None:
    write_project(tmp_path, 'desc "Build it"\ntask :build\n')
    assert run_cli(tmp_path, "-T") == (0, "pydrake build  # Build it\n", "")
