"""What a Rakefile sees of the command line: ARGV (and ``$*``), ``$0``/``$PROGRAM_NAME``, RbConfig's platform."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pydrake.runtime.ruby_platform import ruby_arch, ruby_platform

RAKEFILE = """\
p ARGV
p $*.equal?(ARGV)
task :a
task :b
task :foo
"""


def pydrake(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k != "RAKEOPT"}
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "pydrake", *args], cwd=cwd, env=full, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    "args",
    [["-T", "foo"], ["a", "b"], ["-j", "2", "a", "X=1", "b"], ["--trace", "a", "--", "b"], ["-s", "-f", "Rakefile", "a"]],
)
def test_argv_is_the_command_line_as_given(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    result = pydrake(tmp_path, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == ["[" + ", ".join(f'"{a}"' for a in args) + "]", "true"]


def test_rakeopt_words_are_not_in_argv(tmp_path: Path) -> None:
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    result = pydrake(tmp_path, "a", env={"RAKEOPT": "-s"})
    assert result.stdout.splitlines()[0] == '["a"]'


def test_argv_is_set_before_e_runs(tmp_path: Path) -> None:
    result = pydrake(tmp_path, "-e", "p ARGV")
    assert result.stdout == '["-e", "p ARGV"]\n'


def test_program_name_is_the_invoked_path(tmp_path: Path) -> None:
    result = pydrake(tmp_path, "-e", "p $PROGRAM_NAME")
    main = Path(__file__).resolve().parents[2] / "pydrake" / "__main__.py"
    assert result.stdout == f'"{main}"\n'


def test_dollar_zero_is_the_invoked_path(tmp_path: Path) -> None:
    result = pydrake(tmp_path, "-e", "p $0 == $PROGRAM_NAME")
    assert result.stdout == "true\n"


def test_rbconfig_arch_is_this_machines_ruby_platform(tmp_path: Path) -> None:
    code = 'c = RbConfig::CONFIG; puts c["arch"], c["sitearch"], c["platform"], c["target_os"], c["target_cpu"]'
    result = pydrake(tmp_path, "-e", code)
    cpu, os_part = ruby_arch()
    assert result.stdout.splitlines() == [ruby_platform()] * 3 + [os_part, cpu]


def test_gem_platform_drops_the_gnu_suffix_as_rubygems_does(tmp_path: Path) -> None:
    code = 'puts Gem::Platform.new("x86_64-linux-gnu").to_s, Gem::Platform.new("x86_64-linux-musl").to_s'
    assert pydrake(tmp_path, "-e", code).stdout == "x86_64-linux\nx86_64-linux-musl\n"
