"""``--suppress-backtrace PATTERN``: the report's backtrace without the lines PATTERN matches, as in Rake 13.0.6."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pydrake.options import CommandLineError, parse_args
from pydrake.rake.tasklibs import LIB_DIR, collapse_backtrace

RAKEFILE = """\
def helper
  raise "boom"
end
task :default do
  helper
end
"""


def pydrake(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RAKEOPT"}
    return subprocess.run([sys.executable, "-m", "pydrake", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


def report(folder: Path, *lines: str, hint: bool = True) -> str:
    text = "pydrake aborted!\nboom\n" + "".join(line + "\n" for line in lines) + "Tasks: TOP => default\n"
    return text + ("(See full trace by running task with --trace)\n" if hint else "")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    return tmp_path.resolve()


def frames(folder: Path) -> tuple[str, str]:
    return f"{folder}/Rakefile:2:in `helper'", f"{folder}/Rakefile:5:in `block in <top (required)>'"


@pytest.mark.parametrize(
    ("pattern", "kept"),
    [("helper", [1]), ("HELPER", [0, 1]), ("(?i)HELPER", [1]), ("Rakefile:[25]", []), (".", []), ("nothing", [0, 1])],
)
def test_matching_lines_leave_the_report(folder: Path, pattern: str, kept: list[int]) -> None:
    result = pydrake(folder, "--suppress-backtrace", pattern)
    assert result.returncode == 1
    lines = [frames(folder)[i] for i in kept] or [""]  # Rake prints an empty backtrace as one empty line
    assert result.stderr == report(folder, *lines)


@pytest.mark.parametrize("flag", ["--backtrace", "--trace"])
def test_ignored_with_a_full_backtrace(folder: Path, flag: str) -> None:
    result = pydrake(folder, flag, "--suppress-backtrace", "helper")
    assert result.stderr.endswith(report(folder, *frames(folder), hint=False))


def test_an_invalid_pattern_is_rakes_regexp_error() -> None:
    with pytest.raises(CommandLineError) as caught:
        parse_args(["--suppress-backtrace", "("], {})
    assert caught.value.report() == (
        "pydrake aborted!\n"
        "RegexpError: end pattern with unmatched parenthesis: /(/\n"
        "\n"
        "(See full trace by running task with --trace)\n"
    )


def test_the_pattern_replaces_the_rule_that_hides_the_task_libraries() -> None:
    lib_line = f"{LIB_DIR}{os.sep}rake/testtask.rb:10:in `block'"
    lines = ["/p/Rakefile:3:in `x'", lib_line]
    assert collapse_backtrace(lines) == ["/p/Rakefile:3:in `x'"]
    assert collapse_backtrace(lines, re.compile("Rakefile")) == [lib_line]
