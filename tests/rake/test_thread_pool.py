"""Rake's thread pool on the shared job budget: futures never deadlock and never exceed the slots."""

from __future__ import annotations

import threading
import time

from pydrake.rake.thread_pool import JobBudget, ThreadPool


def test_value_runs_an_unstarted_future_on_the_caller():
    budget = JobBudget(1)
    assert budget.try_acquire()  # the caller holds the only slot
    pool = ThreadPool(budget)
    ran_on = []
    futures = [pool.future(lambda i=i: ran_on.append(threading.current_thread()) or i) for i in range(3)]
    assert [f.value() for f in futures] == [0, 1, 2]
    assert set(ran_on) == {threading.current_thread()}


def test_futures_use_only_free_slots():
    budget = JobBudget(3)
    assert budget.try_acquire()  # a running task holds one slot
    pool = ThreadPool(budget)
    lock = threading.Lock()
    active = [0, 0]

    def work():
        with lock:
            active[0] += 1
            active[1] = max(active[1], active[0])
        time.sleep(0.05)
        with lock:
            active[0] -= 1
        return True

    futures = [pool.future(work) for _ in range(8)]
    assert all(f.value() for f in reversed(futures))
    assert active[1] <= 3
    assert pool.max_active_threads <= 2


def test_an_error_is_raised_by_value():
    budget = JobBudget(1)
    budget.try_acquire()
    fut = ThreadPool(budget).future(lambda: 1 / 0)
    try:
        fut.value()
    except ZeroDivisionError:
        pass
    else:
        raise AssertionError("expected the error")
