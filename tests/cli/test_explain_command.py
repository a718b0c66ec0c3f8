"""`pydrake --explain` on a real file chain, sequential and -j 2: one whole stderr line per decision."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SECOND = 1_000_000_000

RAKEFILE = """
rule ".o" => ".c" do |t|
  sh "cat #{t.source} > #{t.name}"
end
file "gen.h" => "gen.in" do
  sh "cat gen.in > gen.h"
end
file "app" => ["main.o", "gen.h"] do
  sh "cat main.o gen.h > app"
end
task :default => "app"
"""

LINE = re.compile(r"pydrake: explain: (\S+): (runs|up to date): .+")
COMMANDS = {"cat main.c > main.o", "cat gen.in > gen.h", "cat main.o gen.h > app"}


def pydrake(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "pydrake", *argv], cwd=folder, capture_output=True, text=True, env=env, timeout=60)


def set_mtime(path: Path, seconds: float) -> None:
    ns = int(seconds * SECOND)
    os.utime(path, ns=(ns, ns))


def explained(result: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """Each task's reason; every stderr line is a whole explain line or a whole command echo."""
    assert result.returncode == 0, result.stderr
    reasons = {}
    for line in result.stderr.splitlines():
        match = LINE.fullmatch(line)
        if match is None:
            assert line in COMMANDS, line
            continue
        assert match.group(1) not in reasons, line  # one line per task
        reasons[match.group(1)] = line.split(": ", 3)[3]
    return reasons


@pytest.mark.parametrize("jobs", [[], ["-j", "2"]], ids=["sequential", "j2"])
def test_explain_a_first_build_a_no_op_and_a_touched_source(tmp_path: Path, jobs: list[str]) -> None:
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    (tmp_path / "main.c").write_text("main\n")
    (tmp_path / "gen.in").write_text("gen\n")

    first = explained(pydrake(tmp_path, "--explain", *jobs))
    assert first == {
        "main.c": "up to date: file exists and has no prerequisites",
        "main.o": "runs: file does not exist",
        "gen.in": "up to date: file exists and has no prerequisites",
        "gen.h": "runs: file does not exist",
        "app": "runs: file does not exist",
        "default": "runs: a plain task always runs",
    }

    for name, seconds in [("main.c", 1000), ("gen.in", 1000), ("main.o", 2000), ("gen.h", 2000), ("app", 3000)]:
        set_mtime(tmp_path / name, seconds)
    again = pydrake(tmp_path, "--explain", *jobs)
    assert explained(again) == {
        "main.c": "up to date: file exists and has no prerequisites",
        "main.o": "up to date: newer than its newest prerequisite main.c by 16.7 min",
        "gen.in": "up to date: file exists and has no prerequisites",
        "gen.h": "up to date: newer than its newest prerequisite gen.in by 16.7 min",
        "app": "up to date: newer than its newest prerequisite main.o by 16.7 min",
        "default": "runs: a plain task always runs",
    }
    assert not set(again.stderr.splitlines()) & COMMANDS

    set_mtime(tmp_path / "main.c", 2003.2)  # the source is touched
    touched = pydrake(tmp_path, "--explain", *jobs)
    reasons = explained(touched)
    assert reasons["main.o"] == "runs: older than main.c by 3.2 s"
    assert reasons["gen.h"] == "up to date: newer than its newest prerequisite gen.in by 16.7 min"
    assert reasons["app"].startswith("runs: older than main.o by ")
    lines = touched.stderr.splitlines()
    # Each reason comes before the task's own command.
    assert lines.index("pydrake: explain: main.o: runs: older than main.c by 3.2 s") < lines.index("cat main.c > main.o")
    assert lines.index("cat main.c > main.o") < lines.index("cat main.o gen.h > app")
    app_reason = next(line for line in lines if line.startswith("pydrake: explain: app:"))
    assert lines.index(app_reason) < lines.index("cat main.o gen.h > app")


def test_sequential_order_and_build_all(tmp_path: Path) -> None:
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    (tmp_path / "main.c").write_text("main\n")
    (tmp_path / "gen.in").write_text("gen\n")
    assert pydrake(tmp_path).returncode == 0
    result = pydrake(tmp_path, "--explain", "-B", "gen.h")
    assert result.stderr.splitlines() == [
        "pydrake: explain: gen.in: runs: --build-all (-B) rebuilds every file task",
        "pydrake: explain: gen.h: runs: --build-all (-B) rebuilds every file task",
        "cat gen.in > gen.h",
    ]


def test_without_explain_nothing_is_explained(tmp_path: Path) -> None:
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    (tmp_path / "main.c").write_text("main\n")
    (tmp_path / "gen.in").write_text("gen\n")
    result = pydrake(tmp_path)
    assert result.returncode == 0
    assert result.stderr.splitlines() == ["cat main.c > main.o", "cat gen.in > gen.h", "cat main.o gen.h > app"]
