"""``--job-stats [history]`` on real builds: Rake's lines on stdout, and after a parallel run the summary on stderr."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

# `c1` finishes only after `x` has (it waits for x's file, then long enough for x's own finish to
# be recorded), so the critical path is gen, c1, link, default whatever the machine's speed.
RAKEFILE = """\
task :gen
task :x do
  touch "x.done", verbose: false
end
task :c1 => :gen do
  3000.times { break if File.exist?("x.done"); sleep 0.01 }
  sleep 0.2
end
task :link => [:c1, :x]
task :default => :link
task :fail do
  raise "no"
end
"""
HISTORY_LINE = re.compile(r"^ *\d{1,8} {1,2}[A-Z]{1,2} (\S+) *( \S.*)?$")


def pydrake(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RAKEOPT"}
    return subprocess.run([sys.executable, "-m", "pydrake", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    return tmp_path


def rake_lines(pool: int, in_play: int) -> str:
    return f"Maximum active threads: {pool} + main\nTotal threads in play:  {in_play} + main\n"


def test_sequential_job_stats_are_rakes_two_lines(folder: Path) -> None:
    result = pydrake(folder, "--job-stats")
    assert (result.returncode, result.stdout, result.stderr) == (0, rake_lines((os.cpu_count() or 4) + 4, 0), "")


def test_sequential_history_is_rakes_join_lines(folder: Path) -> None:
    result = pydrake(folder, "--job-stats", "history", "-j", "1")
    assert result.stderr == ""
    head, history = result.stdout.split("Job History:\n")
    assert head == rake_lines(0, 0)
    lines = history.splitlines()
    assert [line[8:] for line in lines] == ["  A joining              ", "  A joined               "]
    assert all(line[:8].strip().isdigit() for line in lines)


def test_parallel_run_prints_the_summary_on_stderr(folder: Path) -> None:
    result = pydrake(folder, "-j", "3", "--job-stats")
    assert result.returncode == 0, result.stderr
    assert result.stdout == rake_lines(2, 2)
    lines = result.stderr.splitlines()
    assert lines[0] == "Job summary: 5 tasks, -j 3"
    assert [line.split(":")[0] for line in lines[1:4]] == ["  wall time", "  total task time", "  parallelism"]
    assert lines[4].startswith("Critical path: 4 tasks, ")
    assert [line.split()[1] for line in lines[5:9]] == ["gen", "c1", "link", "default"]
    assert lines[9] == "Slowest tasks:"
    assert sorted(line.split()[1] for line in lines[10:]) == ["c1", "default", "gen", "link", "x"]
    assert all(re.fullmatch(r"  +\d+\.\d{3}s  \S+", line) for line in lines[5:9] + lines[10:])


def test_parallel_history_has_every_task_as_an_item(folder: Path) -> None:
    result = pydrake(folder, "-j", "3", "--job-stats=history")
    assert result.returncode == 0, result.stderr
    head, history = result.stdout.split("Job History:\n")
    assert head == rake_lines(2, 2)
    lines = history.splitlines()
    assert all(HISTORY_LINE.match(line) for line in lines), lines
    events = [line.split()[2] for line in lines]
    for event in ("queued", "dequeued", "will_execute", "did_execute"):
        assert events.count(event) == 5, event
    assert events[-2:] == ["joining", "joined"]
    assert sorted({line.split("item_id:")[1] for line in lines if "item_id:" in line}) == ["1", "2", "3", "4", "5"]
    assert result.stderr.startswith("Job summary: 5 tasks, -j 3\n")


def test_no_statistics_after_a_failure(folder: Path) -> None:
    result = pydrake(folder, "-j", "2", "fail", "--job-stats")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Job summary" not in result.stderr and result.stderr.startswith("pydrake aborted!\n")


@pytest.mark.parametrize("listing", ["-T", "-P"])
def test_listings_are_followed_by_the_statistics(folder: Path, listing: str) -> None:
    # rake's run_with_threads wraps the listings as it wraps a build
    result = pydrake(folder, listing, "-A", "--job-stats", "-j", "3")
    assert result.returncode == 0, result.stderr
    listed, stats = result.stdout.split("Maximum active threads")
    assert listed.startswith("pydrake ") and "Job History" not in stats
    assert "Maximum active threads" + stats == rake_lines(2, 0)
