"""``require "timeout"``: Timeout.timeout(sec) { } interrupts a block that runs too long.

On the main thread the interruption is a SIGALRM whose handler raises, so a
blocking sleep or wait is cut short; on other threads the exception is
posted to the thread and raised at its next Python instruction.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from pydrake.runtime.classes import CORE, builtin
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RClass, RModule, RProc

TIMEOUT = RModule("Timeout")
TIMEOUT_ERROR = RClass("Timeout::Error", CORE["RuntimeError"], TIMEOUT)  # type: ignore[arg-type]
TIMEOUT.constants["Error"] = TIMEOUT_ERROR
TIMEOUT.constants["ExitException"] = TIMEOUT_ERROR


class Expired(BaseException):
    """Raised into the block when its time is up (a subclass is made per Timeout.timeout call)."""


# the main thread's pending deadlines: (deadline, exception class), innermost last
_deadlines: list[tuple[float, type[Expired]]] = []
_state_lock = threading.Lock()


def _seconds(rt: Any, sec: Any) -> float | None:
    if sec is None:
        return None
    if isinstance(sec, bool) or not isinstance(sec, (int, float)):
        sec = rt.call(sec, "to_f")
    return None if sec == 0 else float(sec)


def _arm() -> None:
    """Set the interval timer for the earliest pending deadline (or clear it)."""
    import signal

    if not _deadlines:
        signal.setitimer(signal.ITIMER_REAL, 0)
        return
    left = min(d for d, _ in _deadlines) - time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6))


def _on_alarm(signum: int, frame: Any) -> None:
    now = time.monotonic()
    for deadline, token in _deadlines:
        if deadline <= now:
            raise token()
    _arm()


def _run_on_main(rt: Any, seconds: float, token: type[Expired], body: Any) -> Any:
    import signal

    outermost = not _deadlines
    previous = signal.signal(signal.SIGALRM, _on_alarm) if outermost else None
    _deadlines.append((time.monotonic() + seconds, token))
    _arm()
    try:
        return body()
    finally:
        _deadlines.pop()
        _arm()
        if outermost:
            signal.signal(signal.SIGALRM, previous)


def _run_on_thread(rt: Any, seconds: float, token: type[Expired], body: Any) -> Any:
    import ctypes

    ident = threading.get_ident()
    done = threading.Event()
    lock = threading.Lock()

    def fire() -> None:
        with lock:
            if not done.is_set():
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(token))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        return body()
    finally:
        with lock:
            done.set()
        timer.cancel()


@builtin(TIMEOUT, "timeout", singleton=True)
def timeout_timeout(
    rt: Any, mod: Any, sec: Any, klass: Any = None, message: Any = None, block: RProc | None = None
) -> Any:
    """Timeout.timeout(sec, klass = Timeout::Error, message = "execution expired") { |sec| }."""
    if block is None:
        raise rt.error("LocalJumpError", "no block given (yield)")
    seconds = _seconds(rt, sec)
    if seconds is None:
        return rt.call_block(block, sec)
    token: type[Expired] = type("Expired", (Expired,), {})
    text = "execution expired" if message is None else rt.to_s(message)
    on_main = threading.current_thread() is threading.main_thread()
    run = _run_on_main if on_main else _run_on_thread
    try:
        return run(rt, seconds, token, lambda: rt.call_block(block, sec))
    except token:
        raise rt.error(TIMEOUT_ERROR if klass is None else klass, text) from None


builtin(TIMEOUT, "timeout")(timeout_timeout)


@default_feature("timeout")
def _feature(rt: Any) -> None:
    """``require "timeout"``: the Timeout module."""
    rt.constants["Timeout"] = TIMEOUT
