"""System-wide rakefiles (``-g``/``--system``, ``-G``/``--no-system``, ``$RAKE_SYSTEM``), as Rake 13.0.6 loads them.

Every expected output below is what rake 13.0.6 printed for the same folders and command line
(its program name replaced).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

NO_RAKEFILE = (
    "pydrake aborted!\n"
    "No Rakefile found (looking for: rakefile, Rakefile, rakefile.rb, Rakefile.rb)\n"
    "\n"
    "(See full trace by running task with --trace)\n"
)
UNKNOWN_LIB = (
    "pydrake aborted!\n"
    "Don't know how to build task 'lib' (See the list of available tasks with `pydrake --tasks`)\n"
    "\n"
    "(See full trace by running task with --trace)\n"
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``sys/`` (the system folder), ``proj/`` with a Rakefile, rakelib and ``sub/``, and ``empty/``."""
    sys_dir = tmp_path / "sys"
    sys_dir.mkdir()
    (sys_dir / "one.rake").write_text('desc "the sys one"\ntask :sysone do puts "sysone in #{Dir.pwd}" end\ntask :default => :sysone\n')
    (sys_dir / "two.rake").write_text('task :systwo do puts "systwo" end\n')
    (sys_dir / ".hidden.rake").write_text("task :hidden do end\n")
    (sys_dir / "notrake.rb").write_text("task :notrake do end\n")
    proj = tmp_path / "proj"
    (proj / "sub").mkdir(parents=True)
    (proj / "rakelib").mkdir()
    (proj / "Rakefile").write_text('desc "project"\ntask :default do puts "project default #{Dir.pwd}" end\ntask :sysone do puts "project sysone" end\n')
    (proj / "rakelib" / "l.rake").write_text('task :lib do puts "lib" end\n')
    (proj / "rakelib" / ".hid.rake").write_text("task :hid do end\n")
    (tmp_path / "empty").mkdir()
    return tmp_path.resolve()


def pydrake(cwd: Path, *args: str, system: str | None) -> tuple[str, str, int]:
    env = {k: v for k, v in os.environ.items() if k not in ("RAKEOPT", "RAKE_SYSTEM")}
    env["HOME"] = str(cwd)  # ~/.rake is never the developer's own
    if system is not None:
        env["RAKE_SYSTEM"] = system
    result = subprocess.run(
        [sys.executable, "-m", "pydrake", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )
    return result.stdout, result.stderr, result.returncode


def run(tree: Path, folder: str, *args: str) -> tuple[str, str, int]:
    return pydrake(tree / folder, *args, system=str(tree / "sys"))


@pytest.mark.parametrize("args", [(), ("-G",), ("-g", "-G"), ("--no-system",), ("--nosystem",), ("-N",)])
def test_a_project_rakefile_wins_unless_g(tree: Path, args: tuple[str, ...]) -> None:
    assert run(tree, "proj", *args) == (f"project default {tree}/proj\n", "", 0)


@pytest.mark.parametrize("flag", ["-g", "--system"])
def test_g_loads_the_system_rakefiles_instead_of_the_project(tree: Path, flag: str) -> None:
    assert run(tree, "proj", flag) == (f"sysone in {tree}/proj\n", "", 0)
    # Neither the Rakefile nor rakelib is loaded.
    assert run(tree, "proj", flag, "lib") == ("", UNKNOWN_LIB, 1)


def test_g_below_the_project_stays_in_the_current_folder_and_announces_it(tree: Path) -> None:
    assert run(tree, "proj/sub", "-g") == (f"sysone in {tree}/proj/sub\n", f"(in {tree}/proj/sub)\n", 0)
    assert run(tree, "proj/sub", "-g", "-s") == (f"sysone in {tree}/proj/sub\n", "", 0)
    assert run(tree, "proj/sub") == (f"project default {tree}/proj\n", f"(in {tree}/proj)\n", 0)


def test_listing_with_g_shows_the_system_tasks_only(tree: Path) -> None:
    out, err, status = run(tree, "proj", "-g", "-W")
    assert (err, status) == ("", 0)
    assert out == (
        f"pydrake default                        {tree}/sys/one.rake:3:in `<top (required)>'\n"
        f"pydrake sysone                         {tree}/sys/one.rake:2:in `<top (required)>'\n"
        f"pydrake systwo                         {tree}/sys/two.rake:1:in `<top (required)>'\n"
    )
    assert run(tree, "proj", "-g", "-T") == ("pydrake sysone  # the sys one\n", "", 0)
    assert run(tree, "proj", "-T") == ("pydrake default  # project\n", "", 0)


def test_without_a_rakefile_the_system_folder_is_the_fallback(tree: Path) -> None:
    assert run(tree, "empty") == (f"sysone in {tree}/empty\n", f"(in {tree}/empty)\n", 0)
    assert run(tree, "proj/sub", "-N") == (f"sysone in {tree}/proj/sub\n", f"(in {tree}/proj/sub)\n", 0)
    out, err, status = run(tree, "empty", "-P")
    assert (out, err, status) == ("pydrake default\n    sysone\npydrake sysone\npydrake systwo\n", f"(in {tree}/empty)\n", 0)


@pytest.mark.parametrize(("folder", "args"), [("empty", ("-G",)), ("empty", ("-g", "-G")), ("proj/sub", ("-N", "-G"))])
def test_G_without_a_rakefile_fails(tree: Path, folder: str, args: tuple[str, ...]) -> None:
    assert run(tree, folder, *args) == ("", NO_RAKEFILE, 1)


def test_an_empty_rake_system_names_no_folder(tree: Path) -> None:
    (tree / "empty" / ".rake").mkdir()
    (tree / "empty" / ".rake" / "home.rake").write_text("task :default do puts 'home' end\n")
    assert pydrake(tree / "empty", system="") == ("", NO_RAKEFILE, 1)
    # Unset, it is ~/.rake (HOME is the folder itself here).
    assert pydrake(tree / "empty", system=None) == ("home\n", f"(in {tree}/empty)\n", 0)


def test_a_missing_system_folder_falls_back_to_the_project(tree: Path) -> None:
    assert pydrake(tree / "proj", "-g", system=str(tree / "nowhere")) == (f"project default {tree}/proj\n", "", 0)


def test_a_relative_rake_system_is_read_from_the_current_folder(tree: Path) -> None:
    out, err, status = pydrake(tree, "-W", system="sys")
    assert (err, status) == (f"(in {tree})\n", 0)
    assert out.splitlines()[0] == f"pydrake default                        {tree}/sys/one.rake:3:in `<top (required)>'"


def test_g_after_C_uses_the_new_folder(tree: Path) -> None:
    out = pydrake(tree.parent, "-C", str(tree / "proj" / "sub"), "-g", "systwo", system=str(tree / "sys"))
    assert out == ("systwo\n", f"(in {tree}/proj/sub)\n", 0)
