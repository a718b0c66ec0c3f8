"""Starting commands with posix_spawn: what the child sees, and when Popen must take over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from pydrake.runtime import spawn

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _run(argv: list[str], streams: dict | None = None, own_group: bool = False) -> tuple[int, str, str]:
    streams = streams if streams is not None else {"stdout": spawn.PIPE, "stderr": spawn.PIPE}
    child = spawn.spawn(argv, None, streams, own_group)
    assert child is not None
    out = err = b""
    if child.stdout is not None:
        while chunk := os.read(child.stdout.fileno(), 65536):
            out += chunk
        child.stdout.close()
    if child.stderr is not None:
        while chunk := os.read(child.stderr.fileno(), 65536):
            err += chunk
        child.stderr.close()
    return child.wait(), out.decode(), err.decode()


def test_output_and_exit_status_come_back() -> None:
    code, out, err = _run(["sh", "-c", "echo out; echo err >&2; exit 3"])
    assert (code, out, err) == (3, "out\n", "err\n")


def test_stderr_can_follow_stdout_into_one_pipe() -> None:
    code, out, _ = _run(["sh", "-c", "echo one; echo two >&2"], {"stdout": spawn.PIPE, "stderr": spawn.STDOUT})
    assert (code, out) == (0, "one\ntwo\n")


def test_devnull_swallows_output() -> None:
    code, out, _ = _run(["sh", "-c", "echo gone"], {"stdout": spawn.DEVNULL, "stderr": spawn.PIPE})
    assert (code, out) == (0, "")


def test_a_killed_child_reports_the_negative_signal() -> None:
    code, _, _ = _run(["sh", "-c", "kill -TERM $$"])
    assert code == -signal.SIGTERM


def test_sigpipe_is_back_to_its_default_in_the_child() -> None:
    # Python ignores SIGPIPE; an ignored signal survives exec unless reset, as Popen does.
    _, out, _ = _run(["grep", "SigIgn", "/proc/self/status"])
    ignored = int(out.split()[1], 16)
    assert not ignored & (1 << (signal.SIGPIPE - 1))


def test_inherited_descriptors_do_not_reach_the_child() -> None:
    read_end, write_end = os.pipe()
    high = os.dup2(write_end, 97)
    os.set_inheritable(high, True)
    spawn._sealed = False  # seal again: this descriptor arrived after the first spawn
    try:
        _, out, _ = _run(["ls", "/proc/self/fd"])
    finally:
        for fd in (read_end, write_end, high):
            os.close(fd)
    assert "97" not in out.split()


def test_own_group_makes_the_child_a_group_leader() -> None:
    _, out, _ = _run(["sh", "-c", 'echo "$$ $(ps -o pgid= -p $$)"'], own_group=True)
    pid, pgid = out.split()
    assert pid == pgid


def test_missing_program_is_left_to_popen() -> None:
    assert spawn.spawn(["pydrake-no-such-program"], None, {}, False) is None


def test_script_without_interpreter_line_is_left_to_popen(tmp_path) -> None:
    script = tmp_path / "plain"
    script.write_text("echo hi\n")
    script.chmod(0o755)
    assert spawn.spawn([str(script)], None, {}, False) is None


def test_parent_std_fd_swapped_onto_another_is_left_to_popen() -> None:
    assert spawn.spawn(["true"], None, {"stdout": 2}, False) is None


def test_the_environment_given_is_the_childs_and_its_path_finds_the_program(tmp_path) -> None:
    tool = tmp_path / "only-here"
    tool.write_text("#!/bin/sh\necho \"found $GREETING\"\n")
    tool.chmod(0o755)
    env = {"PATH": f"{tmp_path}:/usr/bin:/bin", "GREETING": "hello"}
    child = spawn.spawn(["only-here"], env, {"stdout": spawn.PIPE}, False)
    assert child is not None and child.stdout is not None
    out = os.read(child.stdout.fileno(), 1000)
    child.stdout.close()
    assert (child.wait(), out) == (0, b"found hello\n")


def test_wait_with_a_timeout_raises_like_popen() -> None:
    child = spawn.spawn(["sleep", "5"], None, {}, False)
    assert child is not None
    with pytest.raises(subprocess.TimeoutExpired):
        child.wait(0.05)
    assert child.poll() is None
    child.send_signal(signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL
