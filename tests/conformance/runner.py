"""Run one conformance case against a command in a private scratch folder and list what differs."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from .case import CASE_FILES, Run, load_case
from .compare import check_run

TIMEOUT_S = 60


def command_under_test() -> list[str]:
    """The installed ``pydrake`` script (beside this interpreter, else on PATH), or ``python -m pydrake``."""
    beside = Path(sys.executable).parent / "pydrake"
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("pydrake")
    if found:
        return [found]
    return [sys.executable, "-m", "pydrake"]


def run_case(case_dir: Path, cmd: list[str]) -> list[str]:
    """Every way the command's runs of the case differ from the case's expectations; empty when it passes."""
    meta, runs = load_case(case_dir)
    with tempfile.TemporaryDirectory(prefix="conf-") as scratch:
        scratch_path = Path(scratch)
        home = scratch_path / "home"
        home.mkdir()
        work = scratch_path / "case"
        _copy_case(case_dir, work)
        problem = _shell(meta.get("setup", []), work, "setup")
        if problem:
            return [problem]
        problems: list[str] = []
        for i, run in enumerate(runs):
            try:
                proc = _execute(cmd, run, work, home)
            except subprocess.TimeoutExpired:
                return problems + [f"run {i}: no answer in {TIMEOUT_S} s"]
            problems += [f"run {i} ({shlex.join(run.args)}): {p}" for p in check_run(run, proc, work)]
            problem = _shell(run.after, work, f"run {i} after")
            if problem:
                return problems + [problem]
        return problems


def _copy_case(case_dir: Path, work: Path) -> None:
    """Copy the case's starting tree, without its own description, into ``work``."""

    def ignore(directory: str, names: list[str]) -> list[str]:
        return [n for n in names if Path(directory) == case_dir and n in CASE_FILES]

    shutil.copytree(case_dir, work, symlinks=True, ignore=ignore)


def _shell(lines: list[str], work: Path, what: str) -> str | None:
    """Run a case's shell lines in ``work``; a problem when one fails."""
    for line in lines:
        try:
            # An environment of its own: a child started with the live one reads it while it starts,
            # which fails ("Bad address") if another thread of this process changes it meanwhile.
            subprocess.run(
                line, shell=True, cwd=work, env=dict(os.environ), check=True, timeout=TIMEOUT_S, capture_output=True, text=True
            )
        except subprocess.CalledProcessError as e:
            return f"{what}: {line!r} exited with status {e.returncode}: {e.stderr.strip()}"
        except subprocess.TimeoutExpired:
            return f"{what}: {line!r} gave no answer in {TIMEOUT_S} s"
    return None


def _base_env(extra: dict[str, str], home: Path) -> dict[str, str]:
    """The environment every run gets: no RAKE*/PYDRAKE* variables, a fixed locale, zone and width."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAKE", "PYDRAKE"))}
    env.update({"HOME": str(home), "LC_ALL": "C.UTF-8", "TZ": "UTC", "COLUMNS": "80", "NO_COLOR": "1"})
    env.update(extra)
    return env


def _execute(cmd: list[str], run: Run, work: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """Run the command once; on timeout its whole process group is killed before TimeoutExpired is raised."""
    args = cmd + run.args
    with subprocess.Popen(
        args,
        cwd=work / run.cwd,
        env=_base_env(run.env, home),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            out, err = proc.communicate(run.stdin if run.stdin is not None else "", timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            _kill_group(proc.pid)
            proc.communicate()
            raise
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def _kill_group(pgid: int) -> None:
    """Kill every process of a process group that may already be gone."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass
