"""TaskContext.executor: inner parallelism of Python tasks on the run's -j budget, shared with the tasks."""

from __future__ import annotations

import threading

import pytest

import pydrake


class Tracker:
    """Counts the work items running at once, and the threads that ran them."""

    def __init__(self, linger: float = 0.0) -> None:
        self.cond = threading.Condition()
        self.active = 0
        self.most = 0
        self.threads: set[int] = set()
        self.linger = linger  # how long an item waits for company, so that overlaps show

    def item(self, value: int) -> int:
        with self.cond:
            self.active += 1
            self.most = max(self.most, self.active)
            self.threads.add(threading.get_ident())
            self.cond.notify_all()
            self.cond.wait_for(lambda: self.active > 2, timeout=self.linger)
            self.active -= 1
        print(f"item {value}")
        return value * value


@pytest.fixture
def project(make_project):
    return pydrake.load(make_project({"Rakefile": "task :rake_side\n"}))


def test_two_tasks_and_their_futures_never_exceed_two_jobs(project):
    tracker = Tracker(linger=0.2)

    @project.task
    def left(ctx: pydrake.TaskContext) -> None:
        with ctx.executor() as pool:
            futures = [pool.submit(tracker.item, i) for i in range(4)]
        assert [f.result() for f in futures] == [0, 1, 4, 9]

    @project.task
    def right(ctx: pydrake.TaskContext) -> None:
        assert ctx.map(tracker.item, range(4)) == [0, 1, 4, 9]

    result = project.run(["left", "right"], jobs=2)
    assert result.ok, result.errors
    assert 1 <= tracker.most <= 2


def test_a_free_slot_runs_work_beside_the_task(project):
    first_started = threading.Event()
    threads: dict[int, int] = {}
    task_thread = []

    def item(i: int) -> int:
        threads[i] = threading.get_ident()
        if i == 0:
            first_started.set()
        else:  # the task's own thread takes the last items first: it waits here until another thread took item 0
            first_started.wait(timeout=10)
        return i

    @project.task
    def spread(ctx: pydrake.TaskContext) -> None:
        task_thread.append(threading.get_ident())
        assert ctx.map(item, range(4)) == [0, 1, 2, 3]

    assert project.run("spread", jobs=2).ok
    assert threads[0] != task_thread[0]


def test_with_one_job_everything_runs_on_the_tasks_thread(project):
    tracker = Tracker()
    task_thread = []

    @project.task
    def alone(ctx: pydrake.TaskContext) -> None:
        task_thread.append(threading.get_ident())
        ctx.map(tracker.item, range(6))

    assert project.run("alone", jobs=1).ok
    assert tracker.threads == set(task_thread)


def test_futures_write_into_the_tasks_output(project):
    @project.task
    def noisy(ctx: pydrake.TaskContext) -> None:
        ctx.map(Tracker().item, range(3))

    output = project.run("noisy", jobs=3)["noisy"].output
    assert sorted(output.splitlines()) == ["item 0", "item 1", "item 2"]


def test_every_future_finishes_before_the_first_error_fails_the_task(project):
    finished = []

    def work(i: int) -> int:
        if i in (1, 3):
            raise KeyError(i)
        finished.append(i)
        return i

    @project.task
    def partly(ctx: pydrake.TaskContext) -> None:
        with ctx.executor() as pool:
            for i in range(5):
                pool.submit(work, i)

    error = project.run("partly", jobs=2)["partly"].error
    assert error is not None and (error.kind, error.message) == ("KeyError", "1")
    assert sorted(finished) == [0, 2, 4]
