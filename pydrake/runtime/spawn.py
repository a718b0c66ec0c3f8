"""Starting a command with ``os.posix_spawn``: the common case without ``subprocess.Popen``'s cost.

A build spends most of its own time starting commands. ``Popen`` does the same
work in several hundred lines of Python, creates a pipe to report exec errors
and wraps every pipe in a file object; ``posix_spawn`` is one call. Only the
plain case takes this path (a program found on PATH, fds 0-2 inherited,
redirected to files or parent fds, or piped back; no ``chdir``, ``umask`` or
``argv0``). Anything else, and any failure to start (missing program, a script
without ``#!``), returns None so the caller starts the command with ``Popen``
instead, which produces exactly the errors it always did.

The child sees what a ``Popen(close_fds=True, restore_signals=True)`` child
sees: only fds 0-2 (the descriptors pydrake inherited are made
close-on-exec once, before the first spawn; every descriptor Python opens
already is), SIGPIPE and SIGXFSZ back to their defaults, and its own process
group when asked.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import Any

# The values of subprocess.PIPE, STDOUT and DEVNULL (not imported: this path avoids subprocess).
PIPE, STDOUT, DEVNULL = -1, -2, -3

_AVAILABLE = hasattr(os, "posix_spawn") and hasattr(os, "POSIX_SPAWN_DUP2")
_DEFAULT_SIGNALS = tuple(getattr(signal, name) for name in ("SIGPIPE", "SIGXFSZ") if hasattr(signal, name))
_sealed = False
_seal_lock = threading.Lock()
# (program name, PATH) -> the file found there; a stale answer fails to spawn and is dropped.
_found: dict[tuple[str, str], str] = {}


class Fd:
    """A pipe end the parent reads: a file descriptor with the ``fileno``/``close`` of a file object."""

    __slots__ = ("fd",)

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def fileno(self) -> int:
        return self.fd

    def close(self) -> None:
        """Close the descriptor (once)."""
        fd, self.fd = self.fd, -1
        if fd >= 0:
            os.close(fd)


class SpawnedProcess:
    """The part of ``subprocess.Popen`` the runtime uses (pid, poll, wait, pipes) for a spawned child."""

    def __init__(self, pid: int, args: list[str], stdout: Fd | None, stderr: Fd | None) -> None:
        self.pid = pid
        self.args = args
        self.returncode: int | None = None
        self.stdin = None
        self.stdout = stdout
        self.stderr = stderr
        self._lock = threading.Lock()  # one waitpid at a time, as Popen does
        self.pydrake_own_group = False  # set by children.register

    def _reap(self, flags: int) -> None:
        try:
            pid, status = os.waitpid(self.pid, flags)
        except ChildProcessError:  # reaped elsewhere (a SIGCHLD handler): status unknown
            self.returncode = 0
            return
        if pid == self.pid:
            self.returncode = os.waitstatus_to_exitcode(status)

    def poll(self) -> int | None:
        """The exit code (negative: the signal), or None while the child runs."""
        if self.returncode is None and self._lock.acquire(False):
            try:
                if self.returncode is None:
                    self._reap(os.WNOHANG)
            finally:
                self._lock.release()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the child to end (``subprocess.TimeoutExpired`` after ``timeout`` seconds)."""
        if timeout is None:
            with self._lock:
                if self.returncode is None:
                    self._reap(0)
            assert self.returncode is not None
            return self.returncode
        deadline = time.monotonic() + timeout
        delay = 0.0005
        while self.poll() is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                import subprocess

                raise subprocess.TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, remaining, 0.05)
            time.sleep(delay)
        return self.returncode  # type: ignore[return-value]  # set by poll

    def send_signal(self, sig: int) -> None:
        """Send ``sig`` to the child unless it has been waited for."""
        if self.returncode is None:
            os.kill(self.pid, sig)


def _seal_inherited() -> None:
    """Make the descriptors pydrake inherited (3 and up) close-on-exec, so no child gets them."""
    global _sealed
    with _seal_lock:
        if _sealed:
            return
        try:
            fds = [int(name) for name in os.listdir("/proc/self/fd")]
        except OSError:
            fds = list(range(3, 256))
        for fd in fds:
            if fd > 2:
                try:
                    if os.get_inheritable(fd):
                        os.set_inheritable(fd, False)
                except OSError:
                    pass
        _sealed = True


def _find(name: str, env: Any) -> str | None:
    """The file ``execvpe`` would run for ``name`` with this environment's PATH, or None."""
    if "/" in name:
        return name
    search = env.get("PATH")
    if search is None:
        search = os.defpath
    key = (name, search)
    found = _found.get(key)
    if found is not None:
        return found
    for folder in search.split(os.pathsep):
        path = os.path.join(folder, name)
        if os.access(path, os.X_OK) and not os.path.isdir(path):
            _found[key] = path
            return path
    return None


def spawn(argv: list[str], env: dict[str, str] | None, streams: dict[str, Any], own_group: bool) -> SpawnedProcess | None:
    """Start ``argv`` with its fds 0-2 as ``streams`` says (Popen's stdin/stdout/stderr values);
    None when this path cannot start it (the caller uses Popen)."""
    if not _AVAILABLE or not argv or streams.get("stdin") == PIPE:
        return None
    for fd, name in enumerate(("stdin", "stdout", "stderr")):
        value = streams.get(name)
        # A parent fd 0-2 other than the child's own would need Popen's dup dance.
        if isinstance(value, int) and 0 <= value <= 2 and value != fd:
            return None
    spawn_env: Any = os.environ if env is None else env
    path = _find(argv[0], spawn_env)
    if path is None:
        return None
    if not _sealed:
        _seal_inherited()
    actions: list[tuple[int, ...]] = []
    parent_ends: dict[str, Fd] = {}
    to_close: list[int] = []
    try:
        for fd, name in enumerate(("stdin", "stdout", "stderr")):
            value = streams.get(name)
            if value is None:
                continue
            if value == PIPE:
                read_end, write_end = os.pipe()
                parent_ends[name] = Fd(read_end)
                to_close.append(write_end)
                actions.append((os.POSIX_SPAWN_DUP2, write_end, fd))
            elif value == STDOUT:
                actions.append((os.POSIX_SPAWN_DUP2, 1, fd))
            elif value == DEVNULL:
                null = os.open(os.devnull, os.O_RDWR | os.O_CLOEXEC)
                to_close.append(null)
                actions.append((os.POSIX_SPAWN_DUP2, null, fd))
            elif isinstance(value, int) and value >= 0:
                if value != fd or not os.get_inheritable(fd):  # an inheritable fd n is the child's fd n already
                    actions.append((os.POSIX_SPAWN_DUP2, value, fd))
            else:
                raise ValueError(value)
        kwargs: dict[str, Any] = {"file_actions": actions, "setsigdef": _DEFAULT_SIGNALS}
        if own_group:
            kwargs["setpgroup"] = 0
        pid = os.posix_spawn(path, argv, spawn_env, **kwargs)
    except (OSError, ValueError):
        _found.pop((argv[0], spawn_env.get("PATH") or os.defpath), None)
        for end in parent_ends.values():
            end.close()
        return None
    finally:
        for fd in to_close:
            os.close(fd)
    return SpawnedProcess(pid, argv, parent_ends.get("stdout"), parent_ends.get("stderr"))
