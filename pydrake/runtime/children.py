"""The registry of running child processes, so an interrupt can reach every one of them."""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess
    from typing import TypedDict

    class PopenExtras(TypedDict, total=False):
        """The extra ``subprocess.Popen`` keyword arguments of ``popen_kwargs``."""

        process_group: int


_lock = threading.Lock()
_running: list[subprocess.Popen] = []
# A stop signal already sent to every child (None: none). A child registered after it was
# sent (its spawning thread was slower than the signal) gets it too, so none escapes.
_stopping: int | None = None

# Whether new children get a process group of their own (``process_group=0``):
# True always, False never, None (the default) unless standard input is a
# terminal. A child in its own group does not receive the terminal's Ctrl-C,
# so the engine decides what reaches it (``signal_all``). A child in a
# background group that reads the terminal or changes its modes (an editor,
# a pager, ``ssh``, a password prompt) is stopped by SIGTTIN/SIGTTOU, so with
# a terminal on stdin children stay in the terminal's foreground group, as
# under Rake, and Ctrl-C reaches them directly.
own_process_group: bool | None = None


def _wants_own_group() -> bool:
    if own_process_group is not None:
        return own_process_group
    try:
        return not os.isatty(0)
    except OSError:
        return True


# Held by every write to the process environment (Ruby's ENV) and by every copy of it made for a
# child. A child always gets such a copy, never the live environment: one started with
# ``env=None`` reads the process's environ array while it executes, and a write on another thread
# (a parallel task setting ENV) can move that array under it, failing the command with "Bad address".
environ_lock = threading.RLock()


def child_environment(changes: dict[str, str | None] | None = None, only: bool = False) -> dict[bytes, bytes]:
    """The environment to start a child with, encoded as ``execve`` takes it: a copy of this
    process's (nothing of it when ``only``), with ``changes`` applied (a None value removes the
    variable)."""
    with environ_lock:
        env = {} if only else _environ_bytes()
    for name, value in (changes or {}).items():
        key = os.fsencode(name)
        if value is None:
            env.pop(key, None)
        else:
            env[key] = os.fsencode(value)
    return env


def _environ_bytes() -> dict[bytes, bytes]:
    """The process environment's encoded names and values, copied in one step where the mapping
    keeps them as such (CPython's ``os.environb`` does: no decoding of each entry per child)."""
    data = getattr(os.environb, "_data", None)
    if type(data) is dict:
        return data.copy()
    return dict(os.environb)


def popen_kwargs() -> PopenExtras:
    """The ``subprocess.Popen`` keyword arguments every spawned child gets."""
    return {"process_group": 0} if _wants_own_group() else {}


def register(popen: subprocess.Popen) -> None:
    """Record a child that has just been started (call right after ``Popen`` with ``popen_kwargs()``)."""
    try:
        own = os.getpgid(popen.pid) == popen.pid
    except OSError:
        own = False
    popen.pydrake_own_group = own  # type: ignore[attr-defined]
    with _lock:
        _running.append(popen)
        late = _stopping
    if late is not None:
        _send(popen, late)


def unregister(popen: subprocess.Popen) -> None:
    """Forget a child that has been waited for (unknown children are ignored)."""
    with _lock:
        try:
            _running.remove(popen)
        except ValueError:
            pass


def running() -> list[subprocess.Popen]:
    """The children started and not yet waited for, oldest first."""
    with _lock:
        return list(_running)


def signal_all(sig: int = signal.SIGTERM, stop: bool = False) -> int:
    """Send ``sig`` to every running child's process group; returns how many were signalled.

    With ``stop``, children registered later get ``sig`` as soon as they are registered,
    until ``clear_stop()``.
    """
    global _stopping
    if stop:
        with _lock:
            _stopping = sig
    count = 0
    for popen in running():
        if popen.poll() is not None:
            continue
        if _send(popen, sig):
            count += 1
    return count


def clear_stop() -> None:
    """New children are no longer signalled on registration."""
    global _stopping
    with _lock:
        _stopping = None


def _send(popen: subprocess.Popen, sig: int) -> bool:
    try:
        if getattr(popen, "pydrake_own_group", False):
            os.killpg(popen.pid, sig)
        else:
            os.kill(popen.pid, sig)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def wait_all(timeout: float | None = None) -> bool:
    """Wait for every registered child (forgetting each that ends); False when ``timeout`` ran out first."""
    import subprocess
    deadline = None if timeout is None else time.monotonic() + timeout
    for popen in running():
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            popen.wait(remaining)
        except subprocess.TimeoutExpired:
            return False
        unregister(popen)
    return True
