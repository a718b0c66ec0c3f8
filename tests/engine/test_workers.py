"""WorkerPool: every submitted job runs, never more than its size at once, all done at shutdown."""

from __future__ import annotations

import threading
import time

from pydrake.engine.workers import WorkerPool


def test_runs_every_job_and_waits_for_them_at_shutdown():
    done = []
    lock = threading.Lock()

    def job(i: int) -> None:
        time.sleep(0.001)
        with lock:
            done.append(i)

    with WorkerPool(3) as pool:
        for i in range(50):
            pool.submit(job, i)
    assert sorted(done) == list(range(50))


def test_never_more_threads_at_once_than_its_size():
    running = 0
    peak = 0
    lock = threading.Lock()
    release = threading.Event()

    def job() -> None:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        release.wait(0.01)
        with lock:
            running -= 1

    with WorkerPool(4) as pool:
        for _ in range(40):
            pool.submit(job)
    assert 1 <= peak <= 4
    assert len(pool._threads) <= 4


def test_an_idle_thread_is_reused_instead_of_starting_another():
    with WorkerPool(8) as pool:
        for _ in range(5):
            pool.submit(lambda: None)
            time.sleep(0.02)  # the previous job is over: its thread is idle again
    assert len(pool._threads) == 1
