"""Child processes: system, backticks, spawn/wait/kill, IO.popen, Process::Status, and the children registry."""

from __future__ import annotations

import io
import os
import signal
import tempfile
import threading
import time

import pytest

from pydrake.runtime import children
from pydrake.runtime.classes import IO, KERNEL, PROCESS, PROCESS_STATUS, class_of
from pydrake.runtime.core.enumerable import KeyArray
from pydrake.runtime.core.process import PStatus, needs_shell, parse_command
from pydrake.runtime.objects import RHash, RString, RubyError, Symbol
from tests.runtime.fake_runtime import FakeRuntime, block

S = RString


@pytest.fixture
def rt() -> FakeRuntime:
    return FakeRuntime()


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def read(path: str) -> str:
    with open(path) as f:
        return f.read()


def kw(**opts) -> RHash:
    return RHash({Symbol.of(k): v for k, v in opts.items()})


def system(rt, *args):
    return KERNEL.methods["system"](rt, None, *args)


def backtick(rt, cmd: str):
    return KERNEL.methods["`"](rt, None, S(cmd))


def status(rt) -> PStatus:
    st = rt.get_global("$?")
    assert class_of(st) is PROCESS_STATUS
    return st


def call_s(rt, obj, name) -> str:
    return rt.call(obj, name).s


# ---------------------------------------------------------------- command parsing


@pytest.mark.parametrize(
    ("command", "shell"),
    [
        ("echo hi", False),
        ("no-such-command-xyz", False),
        ("ls -l /tmp", False),
        ("echo $HOME", True),
        ("echo 'q'", True),
        ("a | b", True),
        ("a; b", True),
        ("FOO=bar cmd", True),
        ("exit 3", True),
        ("cd /tmp", False),
        ("/bin/exit", False),
        ("echo a\nb", True),
        ("echo *.c", True),
    ],
)
def test_needs_shell(command, shell):
    assert needs_shell(command) is shell


def test_parse_command_forms(rt):
    assert parse_command(rt, [S("echo  a\tb")]).argv == ["echo", "a", "b"]
    assert parse_command(rt, [S("echo $X")]).shell == "echo $X"
    cmd = parse_command(rt, [RHash({S("A"): S("1"), S("B"): None}), S("prog"), S("x y"), kw(chdir=S("/"))])
    assert cmd.env == {"A": "1", "B": None}
    assert cmd.argv == ["prog", "x y"]
    assert cmd.options == {Symbol.of("chdir"): S("/")}
    with pytest.raises(RubyError, match="wrong exec option symbol: bad_option"):
        parse_command(rt, [S("true"), kw(bad_option=True)])


# ---------------------------------------------------------------- system


def test_system_results_and_status(rt, here):
    assert system(rt, S("true")) is True
    assert status(rt).exitstatus == 0 and status(rt).success is True
    assert system(rt, S("false")) is False
    assert rt.call(status(rt), "exitstatus") == 1 and rt.call(status(rt), "success?") is False
    assert system(rt, S("sh -c 'exit 3'")) is False
    assert rt.call(status(rt), "exitstatus") == 3 and rt.call(status(rt), "to_i") == 768
    assert system(rt, S("no-such-command-xyz")) is None
    assert rt.call(status(rt), "exitstatus") == 127
    assert system(rt, S("no-such-command-xyz"), S("a")) is None
    assert system(rt, S("test -f nope")) is False


def test_system_output_goes_to_the_interpreter_streams(rt, here):
    system(rt, S("echo to-stdout && echo to-stderr >&2"))
    system(rt, S("echo"), S("args"), S("without"), S("shell"))
    system(rt, S("echo '$HOME stays literal'"))
    assert rt.stdout.getvalue() == "to-stdout\nargs without shell\n$HOME stays literal\n"
    assert rt.stderr.getvalue() == "to-stderr\n"


def test_system_passes_real_file_descriptors(here):
    rt = FakeRuntime()
    with tempfile.TemporaryFile("w+") as out:
        rt.stdout = out
        out.write("before child\n")  # buffered in Python: must be flushed before the child writes
        system(rt, S("echo from child"))
        out.write("after child\n")
        out.flush()
        out.seek(0)
        assert out.read() == "before child\nfrom child\nafter child\n"


def test_parallel_capture_keeps_outputs_apart(here):
    results = {}

    def worker(name: str) -> None:
        rt = FakeRuntime()
        for i in range(5):
            system(rt, S(f"echo {name}-{i}; echo {name}-err >&2"))
        results[name] = (rt.stdout.getvalue(), rt.stderr.getvalue())

    threads = [threading.Thread(target=worker, args=(n,)) for n in ("a", "b", "c")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for name in ("a", "b", "c"):
        assert results[name][0] == "".join(f"{name}-{i}\n" for i in range(5))
        assert results[name][1] == f"{name}-err\n" * 5


def test_system_env_chdir_and_redirects(rt, here):
    system(rt, RHash({S("FOO"): S("bar")}), S("echo $FOO"))
    os.mkdir("sub")
    system(rt, S("pwd"), kw(chdir=S("sub")))
    assert rt.stdout.getvalue() == f"bar\n{os.path.realpath('sub')}\n"
    system(rt, S("echo hi"), kw(out=S("o.txt")))
    assert read("o.txt") == "hi\n"
    system(rt, S("echo e >&2"), kw(err=S("e.txt")))
    assert read("e.txt") == "e\n"
    system(rt, S("echo out; echo err >&2"), RHash({Symbol.of("err"): Symbol.of("out")}))
    assert rt.stdout.getvalue().endswith("out\nerr\n")
    system(rt, S("echo a"), kw(out=[S("a.txt"), S("a")]))
    system(rt, S("echo b"), kw(out=[S("a.txt"), S("a")]))
    assert read("a.txt") == "a\nb\n"
    both = RHash({KeyArray([Symbol.of("out"), Symbol.of("err")]): S("both.txt")})
    system(rt, S("echo 1; echo 2 >&2"), both)
    assert sorted(read("both.txt").split()) == ["1", "2"]
    system(rt, RHash({S("X"): S("1")}), S("echo [$X] [$HOME]"), kw(unsetenv_others=True))
    assert rt.stdout.getvalue().endswith("[1] []\n")


def test_system_exception_option(rt, here):
    with pytest.raises(RubyError) as excinfo:
        system(rt, S("false"), kw(exception=True))
    assert f"{excinfo.value.exc.cls.name}: {excinfo.value}" == "RuntimeError: Command failed with exit 1: false"
    with pytest.raises(RubyError) as excinfo:
        system(rt, S("nonexist-zz"), kw(exception=True))
    assert f"{excinfo.value.exc.cls.name}: {excinfo.value}" == "Errno::ENOENT: No such file or directory - nonexist-zz"
    with pytest.raises(RubyError) as excinfo:
        system(rt, S("sh"), S("-c"), S("kill -TERM $$"), kw(exception=True))
    assert str(excinfo.value) == "Command failed with SIGTERM (signal 15): sh"


def test_signalled_status(rt, here):
    assert system(rt, S("sh"), S("-c"), S("kill -TERM $$")) is False
    st = status(rt)
    pid = st.pid
    assert call_s(rt, st, "to_s") == f"pid {pid} SIGTERM (signal 15)"
    assert call_s(rt, st, "inspect") == f"#<Process::Status: pid {pid} SIGTERM (signal 15)>"
    assert rt.call(st, "signaled?") is True and rt.call(st, "termsig") == 15
    assert rt.call(st, "exitstatus") is None and rt.call(st, "success?") is None
    assert rt.call(st, "to_i") == 15 and rt.call(st, "exited?") is False


def test_status_formats():
    rt = FakeRuntime()
    st = PStatus.from_returncode(123, 1)
    assert call_s(rt, st, "to_s") == "pid 123 exit 1"
    assert call_s(rt, st, "inspect") == "#<Process::Status: pid 123 exit 1>"
    assert rt.call(st, "pid") == 123
    assert rt.call(PStatus.from_returncode(5, 0), "==", 0) is True
    assert rt.call(PStatus.from_returncode(5, 3), ">>", 8) == 3


# ---------------------------------------------------------------- backticks


def test_backticks(rt, here):
    out = backtick(rt, "echo hello")
    assert out == S("hello\n")
    assert status(rt).success is True
    assert backtick(rt, "printf 'a\\nb\\n'") == S("a\nb\n")
    assert backtick(rt, "sh -c 'echo partial; exit 2'") == S("partial\n")
    assert status(rt).exitstatus == 2
    assert backtick(rt, "echo err-only >&2") == S("")
    assert rt.stderr.getvalue() == "err-only\n"
    assert rt.stdout.getvalue() == ""
    assert backtick(rt, "printf 'x\\ny\\nz\\n' | wc -l").s.strip() == "3"


def test_backtick_missing_command(rt, here):
    with pytest.raises(RubyError) as excinfo:
        backtick(rt, "no-such-cmd-abc")
    assert f"{excinfo.value.exc.cls.name}: {excinfo.value}" == "Errno::ENOENT: No such file or directory - no-such-cmd-abc"
    assert status(rt).exitstatus == 127
    assert backtick(rt, "no-such-cmd-abc 2>/dev/null") == S("")
    assert status(rt).exitstatus == 127


# ---------------------------------------------------------------- children, spawn, wait, kill


def test_children_run_in_their_own_process_group_and_are_registered(rt, here, monkeypatch):
    monkeypatch.setattr(children, "own_process_group", True)
    pid = rt.call(PROCESS, "spawn", S("sleep"), S("30"))
    assert os.getpgid(pid) == pid
    assert pid in [p.pid for p in children.running()]
    assert children.signal_all(signal.SIGTERM) >= 1
    assert rt.call(PROCESS, "wait", pid) == pid
    st = status(rt)
    assert st.signaled and st.termsig == signal.SIGTERM
    assert pid not in [p.pid for p in children.running()]


def test_process_group_policy(monkeypatch):
    monkeypatch.setattr(children, "own_process_group", None)
    monkeypatch.setattr(os, "isatty", lambda fd: False)
    assert children.popen_kwargs() == {"process_group": 0}
    monkeypatch.setattr(os, "isatty", lambda fd: True)
    assert children.popen_kwargs() == {}  # a terminal on stdin: stay in its foreground group
    monkeypatch.setattr(children, "own_process_group", True)
    assert children.popen_kwargs() == {"process_group": 0}


def test_signal_all_without_own_group_signals_the_child_only(rt, here, monkeypatch):
    monkeypatch.setattr(children, "own_process_group", False)
    pid = rt.call(PROCESS, "spawn", S("sleep"), S("30"))
    assert os.getpgid(pid) == os.getpgrp()
    assert children.signal_all(signal.SIGTERM) >= 1
    rt.call(PROCESS, "wait", pid)
    assert status(rt).termsig == signal.SIGTERM


def test_wait_all(rt, here):
    pid = rt.call(PROCESS, "spawn", S("sleep"), S("0.1"))
    assert children.wait_all(timeout=10) is True
    assert pid not in [p.pid for p in children.running()]
    rt.call(PROCESS, "wait", pid)
    assert status(rt).exitstatus == 0


def test_registry_holds_running_system_children(rt, here):
    seen = []

    def watch():
        deadline = time.time() + 5
        while time.time() < deadline and not seen:
            seen.extend(children.running())
            time.sleep(0.01)

    t = threading.Thread(target=watch)
    t.start()
    system(rt, S("sleep 0.3"))
    t.join()
    assert seen and seen[0].args[0] == "sleep"
    assert seen[0] not in children.running()


def test_spawn_wait_and_kill(rt, here):
    pid = KERNEL.methods["spawn"](rt, None, S("exit 4"))
    assert rt.call(PROCESS, "wait", pid) == pid
    assert status(rt).exitstatus == 4
    pid = rt.call(PROCESS, "spawn", S("sleep"), S("0"))
    assert rt.call(PROCESS, "waitpid", pid) == pid
    pid = rt.call(PROCESS, "spawn", S("exit 2"))
    got = rt.call(PROCESS, "wait2")
    assert got[0] == pid and got[1].exitstatus == 2
    with pytest.raises(RubyError, match="No child processes"):
        rt.call(PROCESS, "wait")
    assert rt.call(PROCESS, "kill", 0, os.getpid()) == 1
    with pytest.raises(RubyError) as excinfo:
        rt.call(PROCESS, "kill", S("TERM"), 999999)
    assert f"{excinfo.value.exc.cls.name}: {excinfo.value}" == "Errno::ESRCH: No such process"
    with pytest.raises(RubyError, match="unsupported signal `SIGFOO'"):
        rt.call(PROCESS, "kill", Symbol.of("FOO"), 1)


def test_process_misc(rt):
    assert rt.call(PROCESS, "pid") == os.getpid()
    a = rt.call(PROCESS, "clock_gettime", PROCESS.constants["CLOCK_MONOTONIC"])
    b = rt.call(PROCESS, "clock_gettime", PROCESS.constants["CLOCK_MONOTONIC"])
    assert isinstance(a, float) and b >= a
    ms = rt.call(PROCESS, "clock_gettime", PROCESS.constants["CLOCK_REALTIME"], Symbol.of("millisecond"))
    assert isinstance(ms, int) and abs(ms - time.time() * 1000) < 5000
    assert PROCESS.constants["CLOCK_MONOTONIC"] == 1 and PROCESS.constants["CLOCK_REALTIME"] == 0


# ---------------------------------------------------------------- IO.popen


def test_popen(rt, here):
    pipe = rt.call(IO, "popen", S("echo a; echo b"))
    assert [line.s for line in rt.call(pipe, "readlines")] == ["a\n", "b\n"]
    rt.call(pipe, "close")
    assert status(rt).success is True
    assert rt.call(IO, "popen", [S("echo"), S("x y")], block=block(lambda p: rt.call(p, "read"))) == S("x y\n")

    def talk(p):
        rt.call(p, "puts", S("hi"))
        rt.call(p, "close_write")
        return rt.call(p, "read")

    assert rt.call(IO, "popen", S("cat"), S("r+"), block=block(talk)) == S("hi\n")
    rt.call(IO, "popen", S("exit 5"), block=block(lambda p: None))
    assert status(rt).exitstatus == 5


def test_stdin_is_inherited(here, monkeypatch):
    rt = FakeRuntime()
    r, w = os.pipe()
    os.write(w, b"typed\n")
    os.close(w)
    saved = os.dup(0)
    os.dup2(r, 0)
    try:
        assert backtick(rt, "cat") == S("typed\n")
    finally:
        os.dup2(saved, 0)
        os.close(saved)
        os.close(r)


def test_undecodable_child_output_round_trips(rt, here):
    out = backtick(rt, "printf '\\377\\376'")
    assert out.s.encode("utf-8", "surrogateescape") == b"\xff\xfe"
    rt2 = FakeRuntime()
    rt2.stdout = io.StringIO()
    system(rt2, S("printf '\\377'"))
    assert rt2.stdout.getvalue().encode("utf-8", "surrogateescape") == b"\xff"


def test_a_background_grandchild_holding_the_output_does_not_hold_up_the_command(rt, here):
    # The command ends at once; its grandchild keeps the pipe open for three more seconds.
    # The output so far is kept, and the wait ends once the pipe has been idle for a second,
    # while the grandchild still runs.
    assert system(rt, S("echo before; (sleep 3; echo late; touch grandchild-done) &")) is True
    assert rt.stdout.getvalue() == "before\n"
    assert not os.path.exists("grandchild-done")
