"""``pydrake --completion SHELL``: the scripts, the hidden task listing, and real completion in each installed shell."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pydrake.options import HELP_SWITCH, HIDDEN_SWITCHES, PYDRAKE_SWITCHES, RAKE_SWITCHES, parse_args
from pydrake.report.completion import ZSH_NOGLOB_ADVICE, all_spellings, completion_script
from tests.lint.rakefiles import run_cli, write_project

REPO = Path(__file__).resolve().parents[2]

PROJECT = """\
desc "Build it"
task :build
task :undescribed
file "out.txt" => "in.txt"
namespace :db do
  desc "Migrate the database"
  task :migrate
  task :seed
  namespace :cache do
    task :clear
  end
end
sh "touch sh-ran-at-load"
puts "loading the project"
$stdout.puts "still loading"
"""
NAMES = ["build", "db:cache:clear", "db:migrate", "db:seed", "out.txt", "undescribed"]


def every_spelling() -> set[str]:
    """Each option as typed, straight from the switch tables the parser uses."""
    out = set()
    for sw in (*RAKE_SWITCHES, *PYDRAKE_SWITCHES, HELP_SWITCH):
        out.update(f"-{s}" for s in sw.short)
        out.update(f"--{name}" for name in sw.long)
    return out


def test_the_option_list_is_every_spelling_of_every_switch() -> None:
    assert set(all_spellings()) == every_spelling()
    assert {"--lint", "--jobs", "-j", "--rakelib", "--no-search", "-H", "--completion", "--safe"} <= every_spelling()


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_bash_and_zsh_scripts_offer_every_option(shell: str) -> None:
    script = completion_script(shell)
    offered = next(line for line in script.splitlines() if line.strip().startswith("-*)"))
    assert set(offered.replace(";", " ").split()) >= every_spelling()
    assert "--completion-tasks" not in offered  # the hidden option is called, never offered


def test_fish_script_declares_every_option() -> None:
    script = completion_script("fish")
    for sw in (*RAKE_SWITCHES, *PYDRAKE_SWITCHES, HELP_SWITCH):
        first = f" -s {sw.short[0]} " if sw.short else f" -l {sw.long[0]} "
        line = next(line for line in script.splitlines() if line.startswith("complete -c pydrake" + first))
        assert " -d '" in line
        for s in sw.short:
            assert f" -s {s} " in line
        for name in sw.long:
            assert f" -l {name} " in line


def test_zsh_script_carries_the_noglob_advice() -> None:
    script = completion_script("zsh")
    assert script.startswith("#compdef pydrake\n")
    assert f"#     {ZSH_NOGLOB_ADVICE}\n" in script
    assert ZSH_NOGLOB_ADVICE == "alias pydrake='noglob pydrake'"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_the_script_without_a_rakefile(tmp_path: Path, shell: str) -> None:
    status, out, err = run_cli(tmp_path, "--completion", shell)
    assert (status, err) == (0, "")
    assert out == completion_script(shell)


def test_the_task_listing_option_is_hidden_from_the_help() -> None:
    from pydrake.cli import help_text

    assert [sw.action for sw in HIDDEN_SWITCHES] == ["completion_tasks"]
    assert "completion-tasks" not in help_text()
    assert parse_args(["--completion-tasks"]).completion_tasks is True


def test_completion_tasks_lists_every_name_and_runs_nothing(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    status, out, err = run_cli(tmp_path, "--completion-tasks")
    assert status == 0
    assert out.splitlines() == NAMES  # what the Rakefile prints while loading goes to stderr
    assert 'pydrake: --safe: skipped sh "touch sh-ran-at-load" at Rakefile:13' in err
    assert "loading the project\nstill loading\n" in err
    assert not (tmp_path / "sh-ran-at-load").exists()


def test_completion_tasks_follows_the_rakefile_options(tmp_path: Path) -> None:
    write_project(tmp_path / "sub", "task :inner\n")
    (tmp_path / "Other.rake").write_text("task :other\n")
    assert run_cli(tmp_path, "--completion-tasks", "-C", "sub")[1] == "inner\n"
    assert run_cli(tmp_path, "--completion-tasks", "-f", "Other.rake")[1] == "other\n"


# ------------------------------------------------------------------ real shells


@pytest.fixture
def shim(tmp_path: Path) -> dict[str, str]:
    """An environment whose ``pydrake`` on PATH is ``python -m pydrake`` from this checkout."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = bin_dir / "pydrake"
    program.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m pydrake "$@"\n')
    program.chmod(0o755)
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("RAKEOPT", None)
    return env


def project(tmp_path: Path, shell: str) -> tuple[Path, Path]:
    """The sample project, and the shell's script written beside it."""
    folder = write_project(tmp_path / "project", PROJECT)
    script = tmp_path / f"completion.{shell}"
    script.write_text(completion_script(shell))
    return folder, script


BASH_DRIVER = r"""
source "$1"
COMP_WORDBREAKS=$2
complete_line() {
    COMP_LINE=$1 COMP_POINT=${#1}
    shift
    COMP_WORDS=("$@") COMP_CWORD=$(($# - 1))
    _pydrake
    printf '%s|' "${COMPREPLY[@]}"
    printf '\n'
}
complete_line "pydrake db:m" pydrake db : m
complete_line "pydrake db:" pydrake db :
complete_line "pydrake db:cache:c" pydrake db : cache : c
complete_line "pydrake d" pydrake d
complete_line "pydrake --lin" pydrake --lin
complete_line "pydrake --trace=std" pydrake --trace = std
complete_line "pydrake --completion " pydrake --completion ""
complete_line "pydrake build db:s" pydrake build db : s
"""


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize(
    ("breaks", "expected"),
    [
        (
            " \t\n\"'><=;|&(:",  # bash's default: ':' splits words, so each reply is what follows the last ':'
            ["migrate|", "cache:clear|migrate|seed|", "clear|", "db:cache:clear|db:migrate|db:seed|",
             "--lint|--lint-trace|", "stdout|stderr|", "bash|zsh|fish|", "seed|"],
        ),
        (
            " \t\n\"'><=;|&(",  # without ':' in COMP_WORDBREAKS the whole name is the reply
            ["db:migrate|", "db:cache:clear|db:migrate|db:seed|", "db:cache:clear|", "db:cache:clear|db:migrate|db:seed|",
             "--lint|--lint-trace|", "stdout|stderr|", "bash|zsh|fish|", "db:seed|"],
        ),
    ],
)  # fmt: skip
def test_bash_completes_names_with_colons(
    tmp_path: Path, shim: dict[str, str], breaks: str, expected: list[str]
) -> None:
    folder, script = project(tmp_path, "bash")
    driver = BASH_DRIVER
    if ":" not in breaks:  # the words bash would have made: no split at ':'
        driver = (
            driver.replace("pydrake db : m", "pydrake db:m")
            .replace("pydrake db : cache : c", "pydrake db:cache:c")
            .replace("pydrake db :\n", "pydrake db:\n")
            .replace("pydrake build db : s", "pydrake build db:s")
        )
    proc = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", driver, "driver", str(script), breaks],
        cwd=folder, env=shim, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == expected
    assert not (folder / "sh-ran-at-load").exists()


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_names_with_colons(tmp_path: Path, shim: dict[str, str]) -> None:
    folder, script = project(tmp_path, "fish")
    commands = f"source {script}; complete -C 'pydrake db:m'; echo ===; complete -C 'pydrake --lint-'; echo ===; complete -C 'pydrake --graph '"
    proc = subprocess.run(
        ["fish", "--no-config", "-c", commands], cwd=folder, env=shim, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    first, second, third = (part.strip().splitlines() for part in proc.stdout.split("===\n"))
    assert first == ["db:migrate"]
    assert [line.split("\t")[0] for line in second] == ["--lint-trace"]
    assert sorted(third) == sorted([*NAMES, "dot", "mermaid"])


ZSH_DRIVER = r"""
compdef() { : }
source "$1"
_call_program() { shift; eval "$@" }
compset() { : }
_files() { print -r -- "(files)" }
compadd() {
    while (( $# )) && [[ $1 != -- ]]; do shift; done
    shift
    local word
    for word in "$@"; do [[ $word == ${words[CURRENT]#*=}* ]] && print -r -- "$word"; done
}
complete_words() { words=("$@"); CURRENT=$#; _pydrake; print -- "|" }
complete_words pydrake db:m
complete_words pydrake db:cache:
complete_words pydrake --lint-
complete_words pydrake --completion ''
complete_words pydrake -f R
"""


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_function_offers_names_with_colons(tmp_path: Path, shim: dict[str, str]) -> None:
    folder, script = project(tmp_path, "zsh")
    proc = subprocess.run(
        ["zsh", "-f", "-c", ZSH_DRIVER, "driver", str(script)],
        cwd=folder,
        env=shim,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    parts = [part.split() for part in proc.stdout.split("|\n")]
    assert parts[:5] == [["db:migrate"], ["db:cache:clear"], ["--lint-trace"], ["bash", "zsh", "fish"], ["(files)"]]
