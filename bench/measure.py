"""Run one command once and measure its wall time and exit status, or its peak memory."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    """One timed run: wall seconds, CPU seconds (user + system), how it ended ("ok", "crash" or "timeout")."""

    wall: float
    cpu: float
    status: str
    returncode: int | None


def run_once(
    argv: list[str],
    cwd: str,
    env: dict[str, str] | None = None,
    timeout: float = 120.0,
    ok_codes: frozenset[int] = frozenset({0}),
) -> Sample:
    """Run argv in cwd with output to /dev/null; wall time by perf_counter, CPU time by wait4."""
    killed = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )

    def kill() -> None:
        killed.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill)
    timer.start()
    try:
        # the CPU time of the child and of every descendant it waited for
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # reaped here: Popen must not wait for it again
    cpu = usage.ru_utime + usage.ru_stime
    if killed.is_set():
        return Sample(wall, cpu, "timeout", None)
    return Sample(wall, cpu, "ok" if code in ok_codes else "crash", code)


def peak_rss(argv: list[str], cwd: str, env: dict[str, str] | None = None, timeout: float = 120.0) -> int | None:
    """The peak RSS in KiB of one untimed run, read by GNU time (None without /usr/bin/time).

    A child forked from this Python process inherits its resident size as a floor on its own
    maximum RSS, even across exec; GNU time forks the command from a small process instead.
    """
    gnu_time = shutil.which("time", path="/usr/bin:/bin")
    if gnu_time is None:
        return None
    fd, report = tempfile.mkstemp(prefix="maxrss-")
    os.close(fd)
    try:
        run_once([gnu_time, "-f", "%M", "-o", report, *argv], cwd, env, timeout, frozenset(range(256)))
        with open(report) as f:
            lines = f.read().split()
        return int(lines[-1]) if lines and lines[-1].isdigit() else None
    finally:
        os.unlink(report)


def run_checked(argv: list[str], cwd: str, env: dict[str, str] | None = None, timeout: float = 900.0) -> str:
    """Run argv untimed (set-up work) and return its combined output; raise if it fails."""
    done = subprocess.run(
        argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} in {cwd} exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout + done.stderr
