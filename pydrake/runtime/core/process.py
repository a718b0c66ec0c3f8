"""Child processes: Kernel#system, Kernel#`, spawn, IO.popen, the Process module and Process::Status.

Every child starts in its own process group and is recorded in
``pydrake.runtime.children`` while it runs. Its stdout and stderr follow the
interpreter's current streams (``rt.stdout``/``rt.stderr``): the child gets
the file descriptor when the stream has one, otherwise its output is pumped
into the stream, so per-task capture in parallel runs sees it.
"""

from __future__ import annotations

import codecs
import os
import threading
import time as _time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from pydrake.record import field, record

if TYPE_CHECKING:
    import subprocess

from pydrake.runtime import children
from pydrake.runtime.classes import IO, KERNEL, PROCESS, PROCESS_STATUS, builtin, register_type
from pydrake.runtime.core.file import RFile, os_error, parse_mode, to_path
from pydrake.runtime.core.io import (
    ENCODING,
    ERRORS,
    RIO,
    STDIN,
    StdStream,
    decode,
    encode,
    real_fileno,
    split_options,
    write_text,
)
from pydrake.runtime.objects import RHash, RString, Symbol, pystr, truthy
from pydrake.runtime.safe_mode import guard

# A tracer's hook (``pydrake --lint-trace`` sets it): called as ``command_wrapper(argv, cwd)``
# for every command about to start (system, backticks, spawn, IO.popen, sh), with the absolute
# folder it starts in; returns the argv to run instead (e.g. the command under strace).
# None, the default: commands run as they are.
command_wrapper: Callable[[list[str], str], list[str]] | None = None

# ---------------------------------------------------------------- Process::Status


class PStatus:
    """A Process::Status: a pid and its wait status (``to_i``: exit code << 8, or the signal number)."""

    __slots__ = ("pid", "raw")

    def __init__(self, pid: int, raw: int) -> None:
        self.pid = pid
        self.raw = raw

    @classmethod
    def from_returncode(cls, pid: int, returncode: int) -> PStatus:
        """From ``Popen.returncode`` (negative: killed by that signal)."""
        return cls(pid, -returncode if returncode < 0 else returncode << 8)

    @property
    def exited(self) -> bool:
        """Did the process exit normally?"""
        return self.raw & 0x7F == 0

    @property
    def signaled(self) -> bool:
        """Was the process killed by a signal?"""
        return self.raw & 0x7F not in (0, 0x7F)

    @property
    def exitstatus(self) -> int | None:
        """The exit code, or None when killed by a signal."""
        return self.raw >> 8 & 0xFF if self.exited else None

    @property
    def termsig(self) -> int | None:
        """The signal that killed the process, or None."""
        return self.raw & 0x7F if self.signaled else None

    @property
    def success(self) -> bool | None:
        """Ruby's ``success?``: exit code 0, nil when killed by a signal."""
        return self.exitstatus == 0 if self.exited else None

    def describe(self) -> str:
        """Ruby's ``to_s``: ``pid 123 exit 1`` / ``pid 123 SIGTERM (signal 15)``."""
        if self.signaled:
            sig = self.termsig or 0
            text = f"pid {self.pid} {_signame(sig)} (signal {sig})"
            return text + (" (core dumped)" if self.raw & 0x80 else "")
        if self.raw & 0xFF == 0x7F:
            sig = self.raw >> 8 & 0xFF
            return f"pid {self.pid} stopped {_signame(sig)} (signal {sig})"
        return f"pid {self.pid} exit {self.exitstatus}"

    def __repr__(self) -> str:
        return f"#<Process::Status: {self.describe()}>"


register_type(PStatus, PROCESS_STATUS)


def _signame(sig: int) -> str:
    import signal
    try:
        return signal.Signals(sig).name
    except ValueError:
        return f"SIG{sig}"


def _status_attr(names: str, fn: Any) -> None:
    @builtin(PROCESS_STATUS, *names.split())
    def attr(rt: Any, recv: PStatus, block: Any = None) -> Any:
        return fn(recv)

    attr.__doc__ = f"Process::Status#{names.split()[0]}."


_status_attr("exitstatus", lambda s: s.exitstatus)
_status_attr("success?", lambda s: s.success)
_status_attr("exited?", lambda s: s.exited)
_status_attr("signaled?", lambda s: s.signaled)
_status_attr("stopped?", lambda s: s.raw & 0xFF == 0x7F)
_status_attr("coredump?", lambda s: bool(s.raw & 0x80))
_status_attr("termsig", lambda s: s.termsig)
_status_attr("stopsig", lambda s: s.raw >> 8 & 0xFF if s.raw & 0xFF == 0x7F else None)
_status_attr("pid", lambda s: s.pid)
_status_attr("to_i", lambda s: s.raw)
_status_attr("to_s", lambda s: RString(s.describe()))
_status_attr("inspect", lambda s: RString(repr(s)))


@builtin(PROCESS_STATUS, "==")
def status_eq(rt: Any, recv: PStatus, other: Any, block: Any = None) -> bool:
    """Process::Status#==: compares ``to_i``."""
    if isinstance(other, PStatus):
        return other.raw == recv.raw
    return isinstance(other, int) and other == recv.raw


@builtin(PROCESS_STATUS, ">>")
def status_shift(rt: Any, recv: PStatus, n: int, block: Any = None) -> int:
    """Process::Status#>>."""
    return recv.raw >> n


@builtin(PROCESS_STATUS, "&")
def status_and(rt: Any, recv: PStatus, n: int, block: Any = None) -> int:
    """Process::Status#&."""
    return recv.raw & n


# ---------------------------------------------------------------- commands

# Ruby runs a one-string command without a shell unless it has one of these
# characters, or starts with a shell reserved word or special built-in.
_META = set("*?{}[]<>()~&|\\$;'`\"\n#")
_SH_WORDS = frozenset(
    "! . : break case continue do done elif else esac eval exec exit export fi for if in readonly "
    "return set shift then times trap unset until while".split()
)


def needs_shell(command: str) -> bool:
    """Whether Ruby would run this one-string command through /bin/sh."""
    first_len: int | None = None
    first_start: int | None = None
    for i, ch in enumerate(command):
        if ch in " \t":
            if first_start is not None and first_len is None:
                first_len = i - first_start
        elif first_start is None:
            first_start = i
        if ch in _META:
            return True
        if first_len is None:
            if ch == "=":
                return True
            if ch == "/":
                first_len = 0x100
    if first_start is None:
        return False
    if first_len is None:
        first_len = len(command) - first_start
    return command[first_start : first_start + first_len] in _SH_WORDS


@record
class Command:
    """A parsed system/spawn/sh argument list."""

    env: dict[str, str | None] | None = None
    argv: list[str] = field(default_factory=list)
    shell: str | None = None  # the one-string form, when it goes through /bin/sh
    argv0: str | None = None
    options: dict[Any, Any] = field(default_factory=dict)

    def program(self) -> list[str]:
        """What to execute."""
        if self.shell is not None:
            return ["/bin/sh", "-c", self.shell]
        return self.argv

    def text(self) -> str:
        """The command as Ruby shows it in messages (the string, or argv joined by spaces)."""
        return self.shell if self.shell is not None else " ".join(self.argv)


_SPAWN_OPTIONS = frozenset(
    "chdir exception unsetenv_others umask pgroup new_pgroup close_others in out err "
    "rlimit_core rlimit_cpu rlimit_nofile rlimit_as rlimit_data rlimit_stack".split()
)


def parse_command(rt: Any, args: tuple[Any, ...] | list[Any]) -> Command:
    """Ruby's ``[env,] command... [,options]`` as a Command."""
    items = list(args)
    cmd = Command()
    if items and isinstance(items[0], RHash):
        env = items.pop(0)
        cmd.env = {to_path(rt, k): (None if v is None else to_path(rt, v)) for k, v in env.items()}
    if items and isinstance(items[-1], RHash):
        cmd.options = dict(items.pop().items())
        for key in cmd.options:
            if isinstance(key, Symbol) and key.name not in _SPAWN_OPTIONS:
                raise rt.error("ArgumentError", f"wrong exec option symbol: {key.name}")
    if not items:
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1+)")
    first = items[0]
    if isinstance(first, list):
        if len(first) != 2:
            raise rt.error("ArgumentError", "wrong first argument")
        cmd.argv = [to_path(rt, first[0])] + [to_path(rt, a) for a in items[1:]]
        cmd.argv0 = to_path(rt, first[1])
        return cmd
    if len(items) == 1:
        text = to_path(rt, first)
        if needs_shell(text):
            cmd.shell = text
        else:
            cmd.argv = [w for w in text.replace("\t", " ").split(" ") if w] or [text]
        return cmd
    cmd.argv = [to_path(rt, a) for a in items]
    return cmd


def _opt(cmd: Command, name: str) -> Any:
    return cmd.options.get(Symbol.of(name))


# ---------------------------------------------------------------- streams for a child


class _Plan:
    """How a child's fds 0-2 are connected, and what must happen around its run."""

    def __init__(self) -> None:
        self.popen: dict[str, Any] = {"stdin": None, "stdout": None, "stderr": None}
        self.pumps: dict[str, TextIO] = {}  # "stdout"/"stderr" -> stream the pipe is copied into
        self.opened: list[int] = []  # fds to close once the child has them
        self.shared: dict[int, int] = {}  # id of a path value -> its fd, so [:out, :err] => path opens it once


_CHILD_FD = {0: "stdin", 1: "stdout", 2: "stderr"}


def _fd_key(rt: Any, key: Any) -> list[int]:
    if isinstance(key, list):
        return [fd for k in key for fd in _fd_key(rt, k)]
    if isinstance(key, Symbol):
        return [{"in": 0, "out": 1, "err": 2}[key.name]]
    if isinstance(key, int) and not isinstance(key, bool):
        return [key]
    if isinstance(key, RIO):
        fd = key.fileno()
        if fd is not None:
            return [fd]
    raise rt.error("ArgumentError", "wrong exec redirect symbol: " + rt.inspect(key))


def _route(stream: TextIO, name: str, plan: _Plan) -> Any:
    """Connect a child's stdout/stderr to a Python stream: its fd, or a pipe pumped into it."""
    import subprocess
    fd = real_fileno(stream)
    if fd is not None:
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
        return fd
    plan.pumps[name] = stream
    return subprocess.PIPE


def _parent_fd(rt: Any, fd: int, name: str, plan: _Plan) -> Any:
    """A child fd redirected to the parent's fd ``fd`` (1 and 2 follow the interpreter's streams)."""
    if fd == 1:
        return _route(rt.stdout, name, plan)
    if fd == 2:
        return _route(rt.stderr, name, plan)
    if fd == 0:
        return None
    return fd


def _redirect(rt: Any, child_fd: int, value: Any, plan: _Plan) -> Any:
    import subprocess
    name = _CHILD_FD[child_fd]
    if isinstance(value, Symbol):
        if value.name == "close":
            return subprocess.DEVNULL
        return _parent_fd(rt, {"in": 0, "out": 1, "err": 2}[value.name], name, plan)
    if isinstance(value, int) and not isinstance(value, bool):
        return _parent_fd(rt, value, name, plan)
    if isinstance(value, StdStream):
        return _route(value.target(rt), name, plan)
    if value is STDIN:
        return None
    if isinstance(value, RFile):
        value.f.flush()
        return value.f.fileno()
    if isinstance(value, list) and value and isinstance(value[0], Symbol) and value[0].name == "child":
        return ("child", _fd_key(rt, value[1])[0])
    if id(value) in plan.shared:
        return plan.shared[id(value)]
    path_value, mode, perm = value, None, 0o644
    if isinstance(value, list):
        path_value = value[0]
        mode = value[1] if len(value) > 1 else None
        perm = value[2] if len(value) > 2 else 0o644
    path = to_path(rt, path_value)
    if mode is None:
        flags = os.O_RDONLY if child_fd == 0 else os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    else:
        flags = parse_mode(rt, mode)[0]
    try:
        fd = os.open(path, flags | os.O_CLOEXEC, perm)
    except OSError as exc:
        raise os_error(rt, exc, "rb_sysopen") from None
    plan.shared[id(value)] = fd
    plan.opened.append(fd)
    return fd


def plan_streams(rt: Any, cmd: Command, capture: bool = False, stdin_pipe: bool = False) -> _Plan:
    """Decide the child's stdin/stdout/stderr from the options and the interpreter's streams."""
    import subprocess
    plan = _Plan()
    redirects: dict[int, Any] = {}
    for key, value in cmd.options.items():
        if isinstance(key, Symbol) and key.name not in ("in", "out", "err"):
            continue
        for fd in _fd_key(rt, key):
            if fd in _CHILD_FD:
                redirects[fd] = value
    plan.popen["stdin"] = subprocess.PIPE if stdin_pipe else None
    if capture:
        plan.popen["stdout"] = subprocess.PIPE
    try:
        for fd in (0, 1, 2):
            if fd in redirects and not (fd == 1 and capture):
                plan.popen[_CHILD_FD[fd]] = _redirect(rt, fd, redirects[fd], plan)
            elif fd == 1 and not capture:
                plan.popen["stdout"] = _route(rt.stdout, "stdout", plan)
            elif fd == 2:
                plan.popen["stderr"] = _route(rt.stderr, "stderr", plan)
        for name in ("stdout", "stderr"):
            target = plan.popen[name]
            if isinstance(target, tuple):
                other = _CHILD_FD.get(target[1], "stdout")
                if name == "stderr" and other == "stdout":
                    plan.popen["stderr"] = subprocess.STDOUT
                else:
                    plan.popen[name] = plan.popen[other]
        out_stream, err_stream = plan.pumps.get("stdout"), plan.pumps.get("stderr")
        if out_stream is not None and out_stream is err_stream:
            # both go to one in-memory stream: one pipe keeps their order
            plan.popen["stderr"] = subprocess.STDOUT
            del plan.pumps["stderr"]
    except BaseException:
        close_fds(plan)
        raise
    return plan


def close_fds(plan: _Plan) -> None:
    """Close the files opened for redirections (the child has its own copies)."""
    for fd in plan.opened:
        try:
            os.close(fd)
        except OSError:
            pass
    plan.opened.clear()


class _Pump(threading.Thread):
    """Copies a child's pipe into a Python stream as output arrives."""

    def __init__(self, pipe: Any, stream: TextIO) -> None:
        super().__init__(daemon=True)
        self.pipe = pipe
        self.fd = pipe.fileno()
        self.stream = stream
        self.last_read = _time.monotonic()

    def run(self) -> None:
        decoder = codecs.getincrementaldecoder(ENCODING)(ERRORS)
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            self.last_read = _time.monotonic()
            if not chunk:
                break
            text = decoder.decode(chunk)
            if text:
                write_text(self.stream, text)
        tail = decoder.decode(b"", final=True)
        if tail:
            write_text(self.stream, tail)

    def finish(self, idle: float = 1.0) -> None:
        """Wait until the pipe is drained; give up once it has been idle for ``idle`` seconds
        (a background grandchild still holds it open), leaving the copy running."""
        while self.is_alive():
            self.join(0.05)
            if _time.monotonic() - self.last_read > idle:
                return
        self.pipe.close()


def _child_env(cmd: Command) -> dict[bytes, bytes]:
    return children.child_environment(cmd.env, truthy(_opt(cmd, "unsetenv_others")))


class Child:
    """A started child process and the copying of its output (threads, or the waiting thread itself)."""

    def __init__(self, popen: subprocess.Popen, pumps: list[_Pump], pending: dict[str, TextIO] | None = None) -> None:
        self.popen = popen
        self.pumps = pumps
        # Pipes not yet copied by a thread: ``wait`` copies them itself (no thread per stream).
        self.pending = pending or {}

    def wait(self) -> PStatus:
        """Wait for the process and its output; unregister it."""
        if self.pending:
            self._copy_pending()
        rc = self.popen.wait()
        for pump in self.pumps:
            pump.finish()
        children.unregister(self.popen)
        return PStatus.from_returncode(self.popen.pid, rc)

    def _copy_pending(self, idle: float = 1.0) -> None:
        """Copy the pending pipes into their streams until they close; once the child has ended
        and they stayed idle for ``idle`` seconds (a background grandchild holds them), leave a
        thread copying each, as ``Child.wait`` does for ``start``'s threads."""
        import select

        # fd -> (pipe, stream, decoder); poll() keeps no kernel object, unlike epoll.
        open_pipes = {}
        poller = select.poll()
        for name, stream in self.pending.items():
            pipe = getattr(self.popen, name)
            open_pipes[pipe.fileno()] = (pipe, stream, codecs.getincrementaldecoder(ENCODING)(ERRORS))
            poller.register(pipe.fileno(), select.POLLIN)
        last_read = _time.monotonic()
        while open_pipes:
            events = poller.poll(50)
            if not events:
                if self.popen.poll() is not None and _time.monotonic() - last_read > idle:
                    for fd, (pipe, stream, _decoder) in open_pipes.items():
                        poller.unregister(fd)
                        _Pump(pipe, stream).start()  # left copying: the idle second was already waited here
                    open_pipes.clear()
                continue
            last_read = _time.monotonic()
            for fd, _mask in events:
                pipe, stream, decoder = open_pipes[fd]
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    chunk = b""
                text = decoder.decode(chunk, final=not chunk)
                if text:
                    write_text(stream, text)
                if not chunk:
                    poller.unregister(fd)
                    del open_pipes[fd]
                    pipe.close()
        self.pending = {}


def start(rt: Any, cmd: Command, capture: bool = False, stdin_pipe: bool = False, copy_on_wait: bool = False) -> Child:
    """Start ``cmd`` (OSError when it cannot be executed); stdout left as a pipe when ``capture``.

    ``copy_on_wait``: the caller waits at once, so the child's output is copied by ``Child.wait``
    in the waiting thread instead of one thread per stream."""
    import subprocess
    plan = plan_streams(rt, cmd, capture, stdin_pipe)
    chdir = _opt(cmd, "chdir")
    umask = _opt(cmd, "umask")
    program = cmd.program()
    executable = None
    if cmd.argv0 is not None:
        executable, program = program[0], [cmd.argv0, *program[1:]]
    kwargs: dict[str, Any] = dict(children.popen_kwargs())
    if umask is not None:
        kwargs["umask"] = umask
    cwd = None if chdir is None else to_path(rt, chdir)
    if command_wrapper is not None and executable is None:
        program = command_wrapper(program, os.path.abspath(cwd if cwd is not None else os.curdir))
    try:
        popen = subprocess.Popen(
            program,
            executable=executable,
            env=_child_env(cmd),
            cwd=cwd,
            close_fds=True,
            **plan.popen,
            **kwargs,
        )
    finally:
        close_fds(plan)
    children.register(popen)
    if copy_on_wait and not capture:
        return Child(popen, [], dict(plan.pumps))
    pumps = []
    for name, stream in plan.pumps.items():
        pump = _Pump(getattr(popen, name), stream)
        pump.start()
        pumps.append(pump)
    return Child(popen, pumps)


@record
class Result:
    """The outcome of running a command to completion."""

    status: PStatus  # exit 127 when the command could not be executed
    output: bytes | None = None  # captured stdout
    error: OSError | None = None  # why it could not be executed


def run(rt: Any, cmd: Command, capture: bool = False) -> Result:
    """Run ``cmd`` to completion with its output routed; never raises for a failed exec."""
    try:
        child = start(rt, cmd, capture, copy_on_wait=True)
    except OSError as exc:
        return Result(PStatus(0, 127 << 8), b"" if capture else None, exc)
    output = None
    if capture:
        assert child.popen.stdout is not None
        chunks = []
        fd = child.popen.stdout.fileno()
        while True:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        child.popen.stdout.close()
        output = b"".join(chunks)
    return Result(child.wait(), output)


def _exec_error(rt: Any, cmd: Command, exc: OSError) -> Any:
    name = cmd.shell if cmd.shell is not None else (cmd.argv[0] if cmd.argv else "")
    exc.filename, exc.filename2 = name, None
    if hasattr(exc, "ruby_where"):
        del exc.ruby_where
    return os_error(rt, exc, None)


def failure_message(cmd: Command, status: PStatus) -> str:
    """``system(..., exception: true)``'s RuntimeError text."""
    if status.signaled:
        sig = status.termsig or 0
        return (
            f"Command failed with {_signame(sig)} (signal {sig}): {cmd.shell if cmd.shell is not None else cmd.argv[0]}"
        )
    return f"Command failed with exit {status.exitstatus}: {cmd.text()}"


@builtin(KERNEL, "system")
def kernel_system(rt: Any, recv: Any, *args: Any, block: Any = None) -> Any:
    """Kernel#system: true/false by exit status, nil when the command cannot run; sets $?."""
    if guard(rt, "system", args):
        return None
    cmd = parse_command(rt, args)
    result = run(rt, cmd)
    rt.set_global("$?", result.status)
    raise_on_failure = truthy(_opt(cmd, "exception"))
    if result.error is not None:
        if raise_on_failure:
            raise _exec_error(rt, cmd, result.error)
        return None
    ok = result.status.success is True
    if raise_on_failure and not ok:
        raise rt.error("RuntimeError", failure_message(cmd, result.status))
    return ok


@builtin(KERNEL, "`")
def kernel_backtick(rt: Any, recv: Any, command: Any, block: Any = None) -> RString:
    """Kernel#` (and %x()): the command's stdout; stderr passes through; sets $?."""
    if guard(rt, "backticks", [command]):
        return RString("")
    cmd = parse_command(rt, [command])
    result = run(rt, cmd, capture=True)
    rt.set_global("$?", result.status)
    if result.error is not None:
        raise _exec_error(rt, cmd, result.error)
    return RString(decode(result.output or b""))


# ---------------------------------------------------------------- spawn / wait / kill

_spawned: dict[int, Child] = {}
_spawned_lock = threading.Lock()


def _spawn(rt: Any, args: tuple[Any, ...]) -> int | None:
    if guard(rt, "spawn", args):
        return None
    cmd = parse_command(rt, args)
    try:
        child = start(rt, cmd)
    except OSError as exc:
        raise _exec_error(rt, cmd, exc) from None
    with _spawned_lock:
        _spawned[child.popen.pid] = child
    return child.popen.pid


@builtin(KERNEL, "spawn")
def kernel_spawn(rt: Any, recv: Any, *args: Any, block: Any = None) -> int | None:
    """Kernel#spawn: starts the command and returns its pid."""
    return _spawn(rt, args)


@builtin(PROCESS, "spawn", singleton=True)
def process_spawn(rt: Any, cls: Any, *args: Any, block: Any = None) -> int | None:
    """Process.spawn."""
    return _spawn(rt, args)


def _wait(rt: Any, pid: Any, nohang: bool = False) -> tuple[int, PStatus] | None:
    if pid is None or pid == -1 or pid == 0:
        while True:
            with _spawned_lock:
                pending = list(_spawned.items())
            if not pending:
                raise rt.error("Errno::ECHILD", "No child processes")
            for p, child in pending:
                if child.popen.poll() is not None:
                    return p, _reap(p, child)
            if nohang:
                return None
            _time.sleep(0.005)
    with _spawned_lock:
        found = _spawned.get(pid)
    if found is None:
        raise rt.error("Errno::ECHILD", "No child processes")
    child = found
    if nohang and child.popen.poll() is None:
        return None
    return pid, _reap(pid, child)


def _reap(pid: int, child: Child) -> PStatus:
    status = child.wait()
    with _spawned_lock:
        _spawned.pop(pid, None)
    return status


@builtin(PROCESS, "wait", "waitpid", singleton=True)
def process_wait(rt: Any, cls: Any, pid: Any = None, flags: Any = 0, block: Any = None) -> Any:
    """Process.wait(pid = -1): the pid that ended; sets $?."""
    done = _wait(rt, pid, bool((flags or 0) & os.WNOHANG))
    if done is None:
        return None
    rt.set_global("$?", done[1])
    return done[0]


@builtin(PROCESS, "wait2", "waitpid2", singleton=True)
def process_wait2(rt: Any, cls: Any, pid: Any = None, flags: Any = 0, block: Any = None) -> Any:
    """Process.wait2: [pid, status]."""
    done = _wait(rt, pid, bool((flags or 0) & os.WNOHANG))
    if done is None:
        return None
    rt.set_global("$?", done[1])
    return [done[0], done[1]]


@builtin(PROCESS, "waitall", singleton=True)
def process_waitall(rt: Any, cls: Any, block: Any = None) -> list[Any]:
    """Process.waitall: [[pid, status], ...] for every spawned child."""
    out = []
    with _spawned_lock:
        pids = list(_spawned)
    for pid in pids:
        done = _wait(rt, pid)
        if done is not None:
            rt.set_global("$?", done[1])
            out.append([done[0], done[1]])
    return out


@builtin(PROCESS, "detach", singleton=True)
def process_detach(rt: Any, cls: Any, pid: int, block: Any = None) -> None:
    """Process.detach: reaps the child in the background."""
    with _spawned_lock:
        child = _spawned.pop(pid, None)
    if child is not None:
        threading.Thread(target=child.wait, daemon=True).start()
    return None


def signal_number(rt: Any, sig: Any) -> int:
    """A signal given as a number, "TERM", "SIGTERM" or :TERM."""
    import signal
    if isinstance(sig, int) and not isinstance(sig, bool):
        return sig
    name = pystr(sig)
    negative = name.startswith("-")
    name = name.lstrip("-")
    full = name if name.startswith("SIG") else "SIG" + name
    try:
        num = int(signal.Signals[full])
    except KeyError:
        raise rt.error("ArgumentError", f"unsupported signal `{full}'") from None
    return -num if negative else num


@builtin(PROCESS, "kill", singleton=True)
def process_kill(rt: Any, cls: Any, sig: Any, *pids: int, block: Any = None) -> int:
    """Process.kill(signal, *pids): the number of processes signalled."""
    if guard(rt, "Process.kill", (sig, *pids)):
        return 0
    num = signal_number(rt, sig)
    for pid in pids:
        try:
            if num < 0:
                os.killpg(pid, -num)
            else:
                os.kill(pid, num)
        except OSError as exc:
            raise os_error(rt, exc, None) from None
    return len(pids)


@builtin(PROCESS, "pid", singleton=True)
def process_pid(rt: Any, cls: Any, block: Any = None) -> int:
    """Process.pid."""
    return os.getpid()


@builtin(PROCESS, "ppid", singleton=True)
def process_ppid(rt: Any, cls: Any, block: Any = None) -> int:
    """Process.ppid."""
    return os.getppid()


@builtin(PROCESS, "uid", "euid", singleton=True)
def process_uid(rt: Any, cls: Any, block: Any = None) -> int:
    """Process.uid."""
    return os.getuid()


@builtin(PROCESS, "last_status", singleton=True)
def process_last_status(rt: Any, cls: Any, block: Any = None) -> Any:
    """Process.last_status: $?."""
    return rt.get_global("$?")


PROCESS.constants.update(
    {
        "CLOCK_REALTIME": 0,
        "CLOCK_MONOTONIC": 1,
        "CLOCK_PROCESS_CPUTIME_ID": 2,
        "CLOCK_THREAD_CPUTIME_ID": 3,
        "WNOHANG": os.WNOHANG,
        "WUNTRACED": os.WUNTRACED,
    }
)
_CLOCKS = {
    0: _time.CLOCK_REALTIME,
    1: _time.CLOCK_MONOTONIC,
    2: _time.CLOCK_PROCESS_CPUTIME_ID,
    3: _time.CLOCK_THREAD_CPUTIME_ID,
}


@builtin(PROCESS, "clock_gettime", singleton=True)
def process_clock_gettime(rt: Any, cls: Any, clock: Any, unit: Any = None, block: Any = None) -> Any:
    """Process.clock_gettime(clock, unit = :float_second)."""
    if clock not in _CLOCKS:
        raise rt.error("Errno::EINVAL", "Invalid argument - clock_gettime")
    ns = _time.clock_gettime_ns(_CLOCKS[clock])
    name = "float_second" if unit is None else pystr(unit)
    scales = {"second": 1_000_000_000, "millisecond": 1_000_000, "microsecond": 1000, "nanosecond": 1}
    if name.startswith("float_"):
        base = name[len("float_") :]
        if base not in scales:
            raise rt.error("ArgumentError", f"unexpected unit: {name}")
        return ns / scales[base]
    if name not in scales:
        raise rt.error("ArgumentError", f"unexpected unit: {name}")
    return ns // scales[name]


# ---------------------------------------------------------------- IO.popen


class PipeIO(RIO):
    """The IO of IO.popen: the child's stdout to read and/or its stdin to write."""

    def __init__(self, child: Child, readable: bool, writable: bool) -> None:
        super().__init__()
        self.child = child
        self.readable = readable
        self.writable = writable

    @property
    def popen(self) -> subprocess.Popen:
        """The child process."""
        return self.child.popen

    def write_str(self, rt: Any, text: str) -> None:
        self.check_open(rt)
        if not self.writable or self.popen.stdin is None or self.popen.stdin.closed:
            raise rt.error("IOError", "not opened for writing")
        try:
            self.popen.stdin.write(encode(text))
            self.popen.stdin.flush()
        except BrokenPipeError as exc:
            raise os_error(rt, exc, None) from None

    def read_bytes(self, rt: Any, n: int | None) -> bytes:
        self.check_open(rt)
        if not self.readable or self.popen.stdout is None:
            raise rt.error("IOError", "not opened for reading")
        return self.popen.stdout.read() if n is None else self.popen.stdout.read(n)

    def readline_bytes(self, rt: Any, sep: bytes) -> bytes:
        if sep == b"\n" and self.readable and self.popen.stdout is not None and not self.closed:
            return self.popen.stdout.readline()
        return super().readline_bytes(rt, sep)

    def at_eof(self, rt: Any) -> bool:
        self.check_open(rt)
        if not self.readable or self.popen.stdout is None:
            raise rt.error("IOError", "not opened for reading")
        return not self.popen.stdout.peek(1)  # type: ignore[attr-defined]

    def close_half(self, rt: Any) -> None:
        """close_write: end the child's stdin."""
        if self.popen.stdin is not None and not self.popen.stdin.closed:
            self.popen.stdin.close()

    def close(self, rt: Any) -> None:
        self.closed = True
        for pipe in (self.popen.stdin, self.popen.stdout):
            if pipe is not None and not pipe.closed:
                try:
                    pipe.close()
                except BrokenPipeError:
                    pass
        rt.set_global("$?", self.child.wait())

    def fileno(self) -> int | None:
        pipe = self.popen.stdout or self.popen.stdin
        return None if pipe is None or pipe.closed else pipe.fileno()

    def inspect(self) -> str:
        return f"#<IO:fd {self.fileno()}>"


register_type(PipeIO, IO)


@builtin(IO, "popen", singleton=True)
def io_popen(rt: Any, cls: Any, *args: Any, block: Any = None) -> Any:
    """IO.popen(cmd, mode = "r") { |io| }: the IO, or the block's value ($? set on close)."""
    if guard(rt, "IO.popen", args):
        return None
    pos, opts = split_options(args)
    if not pos:
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1+)")
    env = None
    if isinstance(pos[0], RHash):
        env = pos.pop(0)
    spec = pos[0]
    mode = pystr(pos[1]) if len(pos) > 1 else pystr(opts.pop("mode", RString("r")))
    cmd_args: list[Any] = ([env] if env is not None else []) + (list(spec) if isinstance(spec, list) else [spec])
    if opts:
        cmd_args.append(RHash((Symbol.of(k), v) for k, v in opts.items()))
    cmd = parse_command(rt, cmd_args)
    base = mode.split(":", 1)[0].replace("b", "").replace("t", "")
    readable = base in ("r", "r+", "w+")
    writable = base in ("w", "r+", "w+")
    try:
        child = start(rt, cmd, capture=readable, stdin_pipe=writable)
    except OSError as exc:
        rt.set_global("$?", PStatus(0, 127 << 8))
        raise _exec_error(rt, cmd, exc) from None
    pipe = PipeIO(child, readable, writable)
    if block is None:
        return pipe
    try:
        return rt.call_block(block, pipe)
    finally:
        if not pipe.closed:
            pipe.close(rt)


@builtin(IO, "pid")
def io_pid(rt: Any, recv: Any, block: Any = None) -> Any:
    """IO#pid: the child's pid for a popen IO, else nil."""
    return recv.popen.pid if isinstance(recv, PipeIO) else None
