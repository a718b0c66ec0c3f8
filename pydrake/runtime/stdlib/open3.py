"""``require "open3"``: Open3.capture2/capture2e/capture3 and popen2/popen2e/popen3 over child processes."""

from __future__ import annotations

import subprocess
import threading
from typing import Any

from pydrake.runtime import children
from pydrake.runtime.classes import OBJECT, PROCESS, builtin, register_type
from pydrake.runtime.core.file import os_error, to_path
from pydrake.runtime.core.io import RIO, decode, encode
from pydrake.runtime.core.process import Child, Command, PStatus, parse_command, start
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RClass, RHash, RModule, RProc, RString, Symbol, truthy
from pydrake.runtime.safe_mode import guard

OPEN3 = RModule("Open3")
WAITER = RClass("Process::Waiter", OBJECT, PROCESS)

# Open3's own options; everything else goes to spawn.
_OWN_OPTIONS = ("stdin_data", "binmode")


class PipeEnd(RIO):
    """One end of a pipe to a child: its stdin (writable) or its stdout/stderr (readable)."""

    def __init__(self, f: Any, writable: bool) -> None:
        super().__init__()
        self.f = f
        self.writable = writable

    def write_str(self, rt: Any, text: str) -> None:
        self.check_open(rt)
        if not self.writable:
            raise rt.error("IOError", "not opened for writing")
        try:
            self.f.write(encode(text))
            self.f.flush()
        except BrokenPipeError as exc:
            raise os_error(rt, exc) from None

    def read_bytes(self, rt: Any, n: int | None) -> bytes:
        self.check_open(rt)
        if self.writable:
            raise rt.error("IOError", "not opened for reading")
        return self.f.read() if n is None else self.f.read(n)

    def readline_bytes(self, rt: Any, sep: bytes) -> bytes:
        if sep == b"\n" and not self.writable and not self.closed:
            return self.f.readline()
        return super().readline_bytes(rt, sep)

    def at_eof(self, rt: Any) -> bool:
        self.check_open(rt)
        return not self.f.peek(1)

    def flush(self, rt: Any) -> None:
        if self.writable and not self.closed:
            self.f.flush()

    def close(self, rt: Any) -> None:
        self.closed = True
        try:
            self.f.close()
        except BrokenPipeError:
            pass

    def fileno(self) -> int | None:
        return None if self.closed else self.f.fileno()

    def inspect(self) -> str:
        return f"#<IO:fd {self.fileno()}>"


class Waiter:
    """Process::Waiter: what ``wait_thr`` answers (``pid``, ``value``, ``join``)."""

    def __init__(self, child: Child) -> None:
        self.child = child
        self.status: PStatus | None = None
        self.lock = threading.Lock()

    def value(self) -> PStatus:
        """The child's status, waiting for it the first time."""
        with self.lock:
            if self.status is None:
                self.status = self.child.wait()
            return self.status


register_type(Waiter, WAITER)


@builtin(WAITER, "value")
def waiter_value(rt: Any, recv: Waiter, block: RProc | None = None) -> PStatus:
    """value: the Process::Status once the child has ended."""
    return recv.value()


@builtin(WAITER, "pid")
def waiter_pid(rt: Any, recv: Waiter, block: RProc | None = None) -> int:
    """pid."""
    return recv.child.popen.pid


@builtin(WAITER, "[]")
def waiter_aref(rt: Any, recv: Waiter, key: Any, block: RProc | None = None) -> Any:
    """[:pid]: the pid (the only thread variable set)."""
    return recv.child.popen.pid if isinstance(key, (Symbol, RString)) and str(key).endswith("pid") else None


@builtin(WAITER, "join")
def waiter_join(rt: Any, recv: Waiter, *args: Any, block: RProc | None = None) -> Waiter:
    """join: wait for the child; the waiter."""
    recv.value()
    return recv


@builtin(WAITER, "alive?")
def waiter_alive(rt: Any, recv: Waiter, block: RProc | None = None) -> bool:
    """alive?: whether the child is still running."""
    return recv.status is None and recv.child.popen.poll() is None


# ---------------------------------------------------------------- starting children


def _split(rt: Any, args: tuple[Any, ...], merge_err: bool) -> tuple[Command, dict[str, Any]]:
    """The command and Open3's own options (stdin_data:, binmode:)."""
    items = list(args)
    own: dict[str, Any] = {}
    if items and isinstance(items[-1], RHash):
        opts = RHash(items.pop())
        for name in _OWN_OPTIONS:
            key = Symbol.of(name)
            if key in opts:
                own[name] = opts.pop(key)
        if merge_err:
            opts[Symbol.of("err")] = [Symbol.of("child"), Symbol.of("out")]
        if opts:
            items.append(opts)
    elif merge_err:
        items.append(RHash({Symbol.of("err"): [Symbol.of("child"), Symbol.of("out")]}))
    return parse_command(rt, items), own


def _exec_error(rt: Any, cmd: Command, exc: OSError) -> Any:
    exc.filename = cmd.shell if cmd.shell is not None else (cmd.argv[0] if cmd.argv else "")
    exc.filename2 = None
    if hasattr(exc, "ruby_where"):
        del exc.ruby_where
    return os_error(rt, exc)


def _start_routed(rt: Any, cmd: Command) -> Child:
    """Start with stdin and stdout as pipes; stderr follows the options (or the interpreter's stderr)."""
    try:
        return start(rt, cmd, capture=True, stdin_pipe=True)
    except OSError as exc:
        raise _exec_error(rt, cmd, exc) from None


def _child_env(cmd: Command) -> dict[bytes, bytes]:
    return children.child_environment(cmd.env, truthy(cmd.options.get(Symbol.of("unsetenv_others"))))


def _start_piped(rt: Any, cmd: Command) -> Child:
    """Start with stdin, stdout and stderr all as pipes."""
    chdir = cmd.options.get(Symbol.of("chdir"))
    program = cmd.program()
    executable = None
    if cmd.argv0 is not None:
        executable, program = program[0], [cmd.argv0, *program[1:]]
    try:
        popen = subprocess.Popen(
            program,
            executable=executable,
            env=_child_env(cmd),
            cwd=None if chdir is None else to_path(rt, chdir),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            close_fds=True,
            **children.popen_kwargs(),
        )
    except OSError as exc:
        raise _exec_error(rt, cmd, exc) from None
    children.register(popen)
    return Child(popen, [])


def _feed(popen: subprocess.Popen, data: bytes) -> threading.Thread:
    """Write ``data`` to the child's stdin and close it, in the background."""

    def run() -> None:
        try:
            if data:
                popen.stdin.write(data)  # type: ignore[union-attr]
        except (BrokenPipeError, OSError):
            pass
        finally:
            try:
                popen.stdin.close()  # type: ignore[union-attr]
            except (BrokenPipeError, OSError):
                pass

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def _read_all(f: Any) -> bytes:
    chunks = []
    while chunk := f.read(65536):
        chunks.append(chunk)
    f.close()
    return b"".join(chunks)


def _stdin_data(rt: Any, own: dict[str, Any]) -> bytes:
    data = own.get("stdin_data")
    return b"" if data is None else encode(rt.to_s(data))


def _finish(rt: Any, child: Child) -> PStatus:
    status = child.wait()
    rt.set_global("$?", status)
    return status


@builtin(OPEN3, "capture2", singleton=True)
def open3_capture2(rt: Any, mod: Any, *args: Any, block: RProc | None = None) -> list[Any]:
    """Open3.capture2(cmd..., stdin_data: "") -> [stdout, status]."""
    if guard(rt, "Open3.capture2", args):
        return [RString(""), None]
    cmd, own = _split(rt, args, False)
    child = _start_routed(rt, cmd)
    feeder = _feed(child.popen, _stdin_data(rt, own))
    out = _read_all(child.popen.stdout)
    feeder.join()
    return [RString(decode(out)), _finish(rt, child)]


@builtin(OPEN3, "capture2e", singleton=True)
def open3_capture2e(rt: Any, mod: Any, *args: Any, block: RProc | None = None) -> list[Any]:
    """Open3.capture2e(cmd...) -> [stdout and stderr together, status]."""
    if guard(rt, "Open3.capture2e", args):
        return [RString(""), None]
    cmd, own = _split(rt, args, True)
    child = _start_routed(rt, cmd)
    feeder = _feed(child.popen, _stdin_data(rt, own))
    out = _read_all(child.popen.stdout)
    feeder.join()
    return [RString(decode(out)), _finish(rt, child)]


@builtin(OPEN3, "capture3", singleton=True)
def open3_capture3(rt: Any, mod: Any, *args: Any, block: RProc | None = None) -> list[Any]:
    """Open3.capture3(cmd...) -> [stdout, stderr, status]."""
    if guard(rt, "Open3.capture3", args):
        return [RString(""), RString(""), None]
    cmd, own = _split(rt, args, False)
    child = _start_piped(rt, cmd)
    out, err = child.popen.communicate(_stdin_data(rt, own))
    return [RString(decode(out)), RString(decode(err)), _finish(rt, child)]


def _run_popen(rt: Any, child: Child, ends: list[PipeEnd], block: RProc | None) -> Any:
    waiter = Waiter(child)
    items: list[Any] = [*ends, waiter]
    if block is None:
        return items
    try:
        return rt.call_block(block, *items)
    finally:
        for end in ends:
            if not end.closed:
                end.close(rt)
        waiter.value()


@builtin(OPEN3, "popen3", singleton=True)
def open3_popen3(rt: Any, mod: Any, *args: Any, block: RProc | None = None) -> Any:
    """Open3.popen3(cmd...) { |stdin, stdout, stderr, wait_thr| }."""
    if guard(rt, "Open3.popen3", args):
        return None
    cmd, _ = _split(rt, args, False)
    child = _start_piped(rt, cmd)
    p = child.popen
    ends = [PipeEnd(p.stdin, True), PipeEnd(p.stdout, False), PipeEnd(p.stderr, False)]
    return _run_popen(rt, child, ends, block)


def _popen2(rt: Any, args: tuple[Any, ...], merge_err: bool, block: RProc | None) -> Any:
    if guard(rt, "Open3.popen2e" if merge_err else "Open3.popen2", args):
        return None
    cmd, _ = _split(rt, args, merge_err)
    child = _start_routed(rt, cmd)
    ends = [PipeEnd(child.popen.stdin, True), PipeEnd(child.popen.stdout, False)]
    return _run_popen(rt, child, ends, block)


@builtin(OPEN3, "popen2", singleton=True)
def open3_popen2(rt: Any, mod: Any, *args: Any, block: RProc | None = None) -> Any:
    """Open3.popen2(cmd...) { |stdin, stdout, wait_thr| }."""
    return _popen2(rt, args, False, block)


@builtin(OPEN3, "popen2e", singleton=True)
def open3_popen2e(rt: Any, mod: Any, *args: Any, block: RProc | None = None) -> Any:
    """Open3.popen2e(cmd...) { |stdin, stdout_and_stderr, wait_thr| }."""
    return _popen2(rt, args, True, block)


for _name in ("capture2", "capture2e", "capture3", "popen3", "popen2", "popen2e"):
    builtin(OPEN3, _name)(OPEN3.smethods[_name])


@default_feature("open3")
def _feature(rt: Any) -> None:
    """``require "open3"``: the Open3 module."""
    rt.constants["Open3"] = OPEN3
