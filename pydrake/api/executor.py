"""Inner parallelism for Python tasks on the run's ``-j`` budget (Rake's ``thread_pool.future``).

A function submitted here starts on a thread of its own only when the job budget has a free
slot; otherwise it waits, and whoever asks for its result (or leaves the ``with`` block) runs it
on the calling thread. A task waiting for its own work therefore never deadlocks the run, and
tasks plus their futures never use more than ``jobs`` threads at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any, Generic, TypeVar

from pydrake.rake.thread_pool import Future, ThreadPool

T = TypeVar("T")
R = TypeVar("R")


class TaskFuture(Generic[T]):
    """The pending result of a function submitted to an Executor."""

    def __init__(self, future: Future) -> None:
        self._future = future

    def result(self) -> T:
        """The function's value, running it here if no thread has started it; re-raises its error."""
        return self._future.value()  # type: ignore[no-any-return]

    def done(self) -> bool:
        """Has the function finished?"""
        return self._future.state == Future.DONE


class Executor:
    """Runs functions beside the task that created it, sharing the run's job budget; use it with ``with``."""

    def __init__(self, rt: Any, pool: ThreadPool) -> None:
        self._rt = rt
        self._pool = pool
        self._futures: list[TaskFuture[Any]] = []

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> TaskFuture[T]:
        """Queue ``fn(*args, **kwargs)``; its output goes where the submitting task's goes."""
        rt = self._rt
        out, err = rt.stdout, rt.stderr

        def work() -> T:
            rt.push_output(out, err)
            try:
                return fn(*args, **kwargs)
            finally:
                rt.pop_output()

        future: TaskFuture[T] = TaskFuture(self._pool.future(work))
        self._futures.append(future)
        return future

    def map(self, fn: Callable[[Any], R], items: Iterable[Any]) -> list[R]:
        """``fn`` of every item, in the items' order; every call finishes before the first error is raised."""
        return _results([self.submit(fn, item) for item in items])

    def wait(self) -> None:
        """Wait for everything submitted so far; raises the first error (by submission order)."""
        futures, self._futures = self._futures, []
        _results(futures)

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if exc is None:
            self.wait()
            return
        try:  # the block failed: let the started work finish, and report the block's own error
            self.wait()
        except BaseException:  # noqa: BLE001, S110 - the block's exception is the one that propagates
            pass


def _results(futures: list[TaskFuture[Any]]) -> list[Any]:
    """Every future's value; the last ones are run here first, as Rake's callers take them."""
    values: list[Any] = [None] * len(futures)
    errors: list[tuple[int, BaseException]] = []
    for i in reversed(range(len(futures))):
        try:
            values[i] = futures[i].result()
        except BaseException as exc:  # noqa: BLE001 - every future finishes before the first error is raised
            errors.append((i, exc))
    if errors:
        raise min(errors, key=lambda pair: pair[0])[1]
    return values
