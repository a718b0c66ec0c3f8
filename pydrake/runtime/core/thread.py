"""Thread and Thread::Queue: Ruby threads on Python threads, and the queue they pass work through.

A Thread runs its block at once on a daemon thread (Ruby, too, ends the other threads when the
main one exits), writing where its creator's output goes and belonging to its creator's task
(inside a ``-j`` task: into that task's block of output, and ``invoke`` is refused there too).  ``join`` and ``value`` re-raise in the caller the exception that
ended the thread, after it was reported on stderr as Ruby reports it (``report_on_exception``).
A thread cannot be killed or woken, and ``status`` says "run" for as long as it is alive (Ruby
says "sleep" while it waits).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Any

from pydrake.runtime.classes import CORE, OBJECT, STOP_ITERATION, builtin, register_type
from pydrake.runtime.core.exception import full_message
from pydrake.runtime.core.mutex import MUTEX
from pydrake.runtime.objects import RClass, RHash, RProc, RString, RubyError, Symbol, truthy

THREAD = RClass("Thread", OBJECT)
CORE["Thread"] = THREAD
QUEUE = RClass("Thread::Queue", OBJECT, THREAD)
THREAD.constants["Queue"] = QUEUE
THREAD.constants["Mutex"] = MUTEX
CORE["Queue"] = QUEUE
CLOSED_QUEUE_ERROR = RClass("ClosedQueueError", STOP_ITERATION)
CORE["ClosedQueueError"] = CLOSED_QUEUE_ERROR


class RThread:
    """A Ruby Thread: its Python thread (None for one pydrake started itself), result and locals."""

    __slots__ = ("thread", "done", "value", "error", "locals", "variables", "name", "report", "where")

    def __init__(self, where: str) -> None:
        self.thread: threading.Thread | None = None
        self.done = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None
        self.locals: dict[Any, Any] = {}  # Thread#[] (fiber-locals; one fiber per thread here)
        self.variables: dict[Any, Any] = {}  # Thread#thread_variable_get
        self.name: Any = None
        self.report = True
        self.where = where  # "file:line" of Thread.new, as Ruby's inspect shows it

    def alive(self) -> bool:
        """Still running (a thread pydrake started itself, the main one or a job's, always is)."""
        return self.thread is None or not self.done.is_set()


register_type(RThread, THREAD)

# The Ruby Thread object of each Python thread that asked for ``Thread.current`` or was made by Thread.new.
_current = threading.local()


_MAIN = RThread("")  # the main thread's (``Thread.main``)


def _this_thread() -> RThread:
    me: RThread | None = getattr(_current, "thread", None)
    if me is None:
        me = _current.thread = _MAIN if threading.current_thread() is threading.main_thread() else RThread("")
    return me


def _inspect(t: RThread) -> str:
    state = "run" if t.alive() else "dead"
    where = f" {t.where}" if t.where else ""
    name = f"@{t.name.s if isinstance(t.name, RString) else t.name}" if t.name is not None else ""
    return f"#<Thread:0x{id(t):016x}{name}{where} {state}>"


@builtin(THREAD, "new", "start", "fork", singleton=True)
def thread_new(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> RThread:
    """Thread.new(args) { |args| ... }: start the block on a thread of its own."""
    if block is None:
        raise rt.error("ThreadError", "must be called with a block")
    frame = rt.frame()
    t = RThread(f"{frame.file}:{frame.line}" if frame is not None else "")
    inherit = rt.inherit_thread()

    def run() -> None:
        _current.thread = t
        inherit()
        try:
            t.value = rt.call_block(block, *args)
        except BaseException as exc:  # noqa: BLE001 - kept for join/value, which re-raise it
            t.error = exc
            if t.report and isinstance(exc, RubyError):
                report = f"{_inspect(t)} terminated with exception (report_on_exception is true):\n"
                try:
                    rt.stderr.write(report + full_message(rt, exc.exc))
                    rt.stderr.flush()
                except (OSError, ValueError):
                    pass
        finally:
            rt.pop_output()
            t.done.set()

    t.thread = threading.Thread(target=run, name=f"ruby-thread {t.where}", daemon=True)
    t.thread.start()
    return t


@builtin(THREAD, "current", singleton=True)
def thread_current(rt: Any, cls: Any, block: RProc | None = None) -> RThread:
    """Thread.current: the Thread object of the running thread."""
    return _this_thread()


@builtin(THREAD, "main", singleton=True)
def thread_main(rt: Any, cls: Any, block: RProc | None = None) -> RThread:
    """Thread.main: the main thread's Thread object."""
    return _MAIN


@builtin(THREAD, "pass", singleton=True)
def thread_pass(rt: Any, cls: Any, block: RProc | None = None) -> None:
    """Thread.pass: let other threads run."""
    time.sleep(0)


def _wait(rt: Any, t: RThread, limit: Any) -> bool:
    """Wait for ``t`` (at most ``limit`` seconds, nil for ever); whether it finished."""
    if t.thread is None:
        if t is _this_thread():
            raise rt.error("ThreadError", "Target thread must not be current thread")
        return False
    if t.thread is threading.current_thread():
        raise rt.error("ThreadError", "Target thread must not be current thread")
    return t.done.wait(None if limit is None else max(0.0, float(limit)))


@builtin(THREAD, "join")
def thread_join(rt: Any, recv: RThread, limit: Any = None, block: RProc | None = None) -> RThread | None:
    """join(limit = nil): wait for the thread; nil on time-out; re-raises what ended it."""
    if not _wait(rt, recv, limit):
        return None
    if recv.error is not None:
        raise recv.error
    return recv


@builtin(THREAD, "value")
def thread_value(rt: Any, recv: RThread, block: RProc | None = None) -> Any:
    """value: the block's value once the thread ends (re-raises what ended it)."""
    _wait(rt, recv, None)
    if recv.error is not None:
        raise recv.error
    return recv.value


@builtin(THREAD, "alive?")
def thread_alive(rt: Any, recv: RThread, block: RProc | None = None) -> bool:
    """alive?: still running."""
    return recv.alive()


@builtin(THREAD, "status")
def thread_status(rt: Any, recv: RThread, block: RProc | None = None) -> Any:
    """status: "run" while running, false once finished, nil when an exception ended it."""
    if recv.alive():
        return RString("run")
    return None if recv.error is not None else False


def _table_methods(table: str, get: str, put: str, has: str) -> None:
    """Methods reading, writing and testing one of a Thread's tables of values by Symbol."""

    def get_value(rt: Any, recv: RThread, key: Any, block: RProc | None = None) -> Any:
        return getattr(recv, table).get(_local_key(key))

    def put_value(rt: Any, recv: RThread, key: Any, value: Any, block: RProc | None = None) -> Any:
        getattr(recv, table)[_local_key(key)] = value
        return value

    def has_value(rt: Any, recv: RThread, key: Any, block: RProc | None = None) -> bool:
        return _local_key(key) in getattr(recv, table)

    builtin(THREAD, get)(get_value)
    builtin(THREAD, put)(put_value)
    builtin(THREAD, has)(has_value)


# thread[key] (fiber-locals), and thread_variable_get (thread-locals): the same here, one fiber a thread
_table_methods("locals", "[]", "[]=", "key?")
_table_methods("variables", "thread_variable_get", "thread_variable_set", "thread_variable?")


@builtin(THREAD, "keys")
def thread_keys(rt: Any, recv: RThread, block: RProc | None = None) -> list[Any]:
    """keys: the thread-local names."""
    return list(recv.locals)


@builtin(THREAD, "name")
def thread_name(rt: Any, recv: RThread, block: RProc | None = None) -> Any:
    """name: the name given, or nil."""
    return recv.name


@builtin(THREAD, "name=")
def thread_set_name(rt: Any, recv: RThread, value: Any, block: RProc | None = None) -> Any:
    """name = value."""
    recv.name = value
    return value


@builtin(THREAD, "report_on_exception")
def thread_report(rt: Any, recv: RThread, block: RProc | None = None) -> bool:
    """report_on_exception: is an exception that ends the thread printed on stderr?"""
    return recv.report


@builtin(THREAD, "report_on_exception=")
def thread_set_report(rt: Any, recv: RThread, value: Any, block: RProc | None = None) -> Any:
    """report_on_exception = flag."""
    recv.report = truthy(value)
    return value


@builtin(THREAD, "inspect", "to_s")
def thread_inspect(rt: Any, recv: RThread, block: RProc | None = None) -> RString:
    """inspect: ``#<Thread:0x... Rakefile:3 run>``."""
    return RString(_inspect(recv))


def _local_key(key: Any) -> Any:
    """Thread-locals are keyed by Symbol; a String names the same one."""
    return Symbol.of(key.s) if isinstance(key, RString) else key


# ------------------------------------------------------------ Thread::Queue


class RQueue:
    """A Ruby Queue: first in, first out, ``pop`` waiting while it is empty and open."""

    __slots__ = ("items", "cond", "closed", "waiting")

    def __init__(self) -> None:
        self.items: deque[Any] = deque()
        self.cond = threading.Condition()
        self.closed = False
        self.waiting = 0


register_type(RQueue, QUEUE)


@builtin(QUEUE, "new", singleton=True)
def queue_new(rt: Any, cls: Any, items: Any = None, block: RProc | None = None) -> RQueue:
    """Queue.new(items = nil): a queue, holding ``items`` when given."""
    q = RQueue()
    if items is not None:
        q.items.extend(rt.call(items, "to_a"))
    return q


@builtin(QUEUE, "push", "<<", "enq")
def queue_push(rt: Any, recv: RQueue, item: Any, block: RProc | None = None) -> RQueue:
    """push(item): add at the end, waking one waiting ``pop`` (ClosedQueueError once closed)."""
    with recv.cond:
        if recv.closed:
            raise rt.error(CLOSED_QUEUE_ERROR, "queue closed")
        recv.items.append(item)
        recv.cond.notify()
    return recv


@builtin(QUEUE, "pop", "shift", "deq")
def queue_pop(rt: Any, recv: RQueue, non_block: Any = False, *rest: Any, block: RProc | None = None) -> Any:
    """pop(non_block = false, timeout: nil): the first item, waiting for one; nil once closed and empty."""
    timeout = None
    if isinstance(non_block, RHash):  # only the keyword hash was given
        rest, non_block = (non_block,), False
    if rest and isinstance(rest[-1], RHash):
        limit = rest[-1].get(Symbol.of("timeout"))
        timeout = None if limit is None else float(limit)
    with recv.cond:
        if truthy(non_block) and not recv.items:
            raise rt.error("ThreadError", "queue empty")
        deadline = None if timeout is None else time.monotonic() + timeout
        while not recv.items and not recv.closed:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                return None
            recv.waiting += 1
            try:
                recv.cond.wait(remaining)
            finally:
                recv.waiting -= 1
        return recv.items.popleft() if recv.items else None


@builtin(QUEUE, "close")
def queue_close(rt: Any, recv: RQueue, block: RProc | None = None) -> RQueue:
    """close: no more pushes; waiting pops return nil once it is empty."""
    with recv.cond:
        recv.closed = True
        recv.cond.notify_all()
    return recv


@builtin(QUEUE, "closed?")
def queue_closed(rt: Any, recv: RQueue, block: RProc | None = None) -> bool:
    """closed?."""
    return recv.closed


@builtin(QUEUE, "empty?")
def queue_empty(rt: Any, recv: RQueue, block: RProc | None = None) -> bool:
    """empty?."""
    return not recv.items


@builtin(QUEUE, "size", "length")
def queue_size(rt: Any, recv: RQueue, block: RProc | None = None) -> int:
    """size: how many items wait in it."""
    return len(recv.items)


@builtin(QUEUE, "clear")
def queue_clear(rt: Any, recv: RQueue, block: RProc | None = None) -> RQueue:
    """clear: drop every item."""
    with recv.cond:
        recv.items.clear()
    return recv


@builtin(QUEUE, "num_waiting")
def queue_num_waiting(rt: Any, recv: RQueue, block: RProc | None = None) -> int:
    """num_waiting: how many threads wait in ``pop``."""
    return recv.waiting

