"""Real commands under -j 4: a failure or a Ctrl-C never leaves a child process running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

RAKEFILE = """
task :default => [:bad, :slow1, :slow2, :slow3]

task :bad do
  sh "sleep 0.3; exit 4"
end

%w[slow1 slow2 slow3].each do |name|
  task name do
    sh "echo $$ > #{name}.pid; sleep 2; echo done > #{name}.done"
  end
end
"""

SLEEPERS = """
task :default => [:s1, :s2, :s3, :s4]

%w[s1 s2 s3 s4].each do |name|
  task name do
    sh "echo $$ > #{name}.pid; sleep 30"
  end
end
"""


def command() -> list[str]:
    exe = Path(sys.executable).with_name("pydrake")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "pydrake"]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone for our purposes only once reaped; check /proc for its state.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"


def pids(folder: Path) -> list[int]:
    return [int(p.read_text()) for p in folder.glob("*.pid") if p.read_text().strip()]


def test_failure_under_j4_waits_for_running_children(tmp_path):
    (tmp_path / "Rakefile").write_text(RAKEFILE)
    result = subprocess.run(command() + ["-j", "4"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Command failed with status (4): [sleep 0.3; exit 4...]" in result.stderr
    started = pids(tmp_path)
    assert len(started) == 3
    # The commands already running were allowed to finish before pydrake exited...
    assert sorted(p.name for p in tmp_path.glob("*.done")) == ["slow1.done", "slow2.done", "slow3.done"]
    # ...and none of them is still running.
    assert not any(alive(pid) for pid in started)


def test_sigint_during_j4_build_exits_130_with_every_child_reaped(tmp_path):
    (tmp_path / "Rakefile").write_text(SLEEPERS)
    proc = subprocess.Popen(
        command() + ["-j", "4"], cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 30
    while len(pids(tmp_path)) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    started = pids(tmp_path)
    assert len(started) == 4
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert not any(alive(pid) for pid in started)


def test_sigterm_exits_143(tmp_path):
    (tmp_path / "Rakefile").write_text(SLEEPERS)
    proc = subprocess.Popen(
        command() + ["-j", "2"], cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 30
    while len(pids(tmp_path)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert proc.returncode == 143
    assert not any(alive(pid) for pid in pids(tmp_path))


ENV_WRITER = """
task :default => [:writer, :s1, :s2, :s3]

task :writer do
  i = 0
  until i > 400_000 || (i % 100 == 0 && Dir["*.done"].size == 3)
    ENV["PYDRAKE_RACE_#{i}"] = "x"
    ENV.delete("PYDRAKE_RACE_#{i - 40}") if i >= 40
    i += 1
  end
end

%w[s1 s2 s3].each do |name|
  task name do
    200.times { sh "true", verbose: false }
    touch "#{name}.done", verbose: false
  end
end
"""


def test_commands_start_while_another_task_changes_env(tmp_path):
    # A command started with the live environment read it while another thread was rewriting it,
    # and its exec failed ("Bad address", exit 127); every command now starts with its own copy.
    (tmp_path / "Rakefile").write_text(ENV_WRITER)
    result = subprocess.run(command() + ["-j", "4"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("*.done")) == ["s1.done", "s2.done", "s3.done"]
