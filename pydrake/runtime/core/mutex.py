"""Mutex (Thread::Mutex): a lock that task actions running on several jobs can share."""

from __future__ import annotations

import threading
from typing import Any

from pydrake.runtime.classes import CORE, OBJECT, builtin, register_type
from pydrake.runtime.objects import RClass, RProc

# Ruby names the class Thread::Mutex (``thread`` adds it to Thread); Mutex is the same class.
MUTEX = RClass("Thread::Mutex", OBJECT)
CORE["Mutex"] = MUTEX


class RMutex:
    """A Ruby Mutex: not re-entrant, owned by the thread that locked it."""

    __slots__ = ("lock", "owner")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.owner: int | None = None


register_type(RMutex, MUTEX)


@builtin(MUTEX, "new", singleton=True)
def mutex_new(rt: Any, cls: Any, block: RProc | None = None) -> RMutex:
    """Mutex.new: an unlocked mutex."""
    return RMutex()


def _lock(rt: Any, m: RMutex) -> None:
    me = threading.get_ident()
    if m.owner == me:
        raise rt.error("ThreadError", "deadlock; recursive locking")
    m.lock.acquire()
    m.owner = me


def _unlock(rt: Any, m: RMutex) -> None:
    if m.owner != threading.get_ident():
        message = (
            "Attempt to unlock a mutex which is not locked"
            if m.owner is None
            else ("Attempt to unlock a mutex which is locked by another thread/fiber")
        )
        raise rt.error("ThreadError", message)
    m.owner = None
    m.lock.release()


@builtin(MUTEX, "lock")
def mutex_lock(rt: Any, recv: RMutex, block: RProc | None = None) -> RMutex:
    """lock: wait for the mutex and hold it (ThreadError when this thread holds it already)."""
    _lock(rt, recv)
    return recv


@builtin(MUTEX, "unlock")
def mutex_unlock(rt: Any, recv: RMutex, block: RProc | None = None) -> RMutex:
    """unlock: release the mutex this thread holds (ThreadError otherwise)."""
    _unlock(rt, recv)
    return recv


@builtin(MUTEX, "try_lock")
def mutex_try_lock(rt: Any, recv: RMutex, block: RProc | None = None) -> bool:
    """try_lock: hold the mutex if it is free; whether it was."""
    if not recv.lock.acquire(blocking=False):
        return False
    recv.owner = threading.get_ident()
    return True


@builtin(MUTEX, "locked?")
def mutex_locked(rt: Any, recv: RMutex, block: RProc | None = None) -> bool:
    """locked?: some thread holds it."""
    return recv.lock.locked()


@builtin(MUTEX, "owned?")
def mutex_owned(rt: Any, recv: RMutex, block: RProc | None = None) -> bool:
    """owned?: this thread holds it."""
    return recv.owner == threading.get_ident()


@builtin(MUTEX, "synchronize")
def mutex_synchronize(rt: Any, recv: RMutex, block: RProc | None = None) -> Any:
    """synchronize { }: the block's value, run holding the mutex."""
    if block is None:
        raise rt.error("ThreadError", "must be called with a block")
    _lock(rt, recv)
    try:
        return rt.call_block(block)
    finally:
        _unlock(rt, recv)
