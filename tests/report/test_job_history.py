"""``--job-stats history``: Rake's ``Job History:`` table, from recorded events."""

from __future__ import annotations

import pytest

from pydrake.engine.timings import TaskTiming, Timings
from pydrake.report.job_history import HistoryEvent, history_lines, parallel_events, sequential_events, succ


@pytest.mark.parametrize(("label", "after"), [("A", "B"), ("Y", "Z"), ("Z", "AA"), ("AZ", "BA"), ("ZZ", "AAA")])
def test_succ_is_rubys_for_capital_letters(label: str, after: str) -> None:
    assert succ(label) == after


def test_a_sequential_run_is_rakes_two_join_lines() -> None:
    # rake 13.0.6, `rake --job-stats history` on a Rakefile without multitask (trailing blanks included):
    assert history_lines(sequential_events("main", 0.000102, 0.000107)) == [
        "Job History:",
        "     102  A joining              ",
        "     107  A joined               ",
    ]


def test_threads_become_letters_and_items_numbers_in_order_of_appearance() -> None:
    events = [
        HistoryEvent(0.000272, 7001, "dequeued", [("item_id", "p2")]),
        HistoryEvent(0.000081, 5000, "queued", [("item_id", "p1")]),
        HistoryEvent(0.000183, 5000, "spawned", [("new_thread", 7001), ("thread_count", 1)]),
        HistoryEvent(0.000192, 5000, "queued", [("item_id", "p2")]),
        HistoryEvent(0.0004115, 7001, "ended", [("thread_count", 0)]),
        HistoryEvent(12.5, 5000, "joined"),
    ]
    assert history_lines(events) == [
        "Job History:",
        "      81  A queued               item_id:1",
        "     183  A spawned              new_thread:B thread_count:1",
        "     192  A queued               item_id:2",
        "     272  B dequeued             item_id:2",
        "     412  B ended                thread_count:0",
        "12500000  A joined               ",
    ]


def test_a_parallel_run_as_rakes_events() -> None:
    timings = Timings(origin=0.0, main=1)
    timings.tasks = [
        TaskTiming("gen", [], 0.0001, 0.0002, 0.2, thread=10),
        TaskTiming("c3", [], 0.0003, 0.0004, 0.3, thread=11),
        TaskTiming("c1", ["gen"], 0.2001, 0.2002, 0.7, thread=10),
    ]
    timings.joining, timings.joined = 0.7002, 0.7003
    assert history_lines(parallel_events(timings))[1:] == [
        "     100  A queued               item_id:1",
        "     200  A spawned              new_thread:B thread_count:1",
        "     200  B dequeued             item_id:1",
        "     200  B will_execute         item_id:1",
        "     300  A queued               item_id:2",
        "     400  A spawned              new_thread:C thread_count:2",
        "     400  C dequeued             item_id:2",
        "     400  C will_execute         item_id:2",
        "  200000  B did_execute          item_id:1",
        "  200100  A queued               item_id:3",
        "  200200  B dequeued             item_id:3",
        "  200200  B will_execute         item_id:3",
        "  300000  C did_execute          item_id:2",
        "  700000  B did_execute          item_id:3",
        "  700200  A joining              ",
        "  700300  A joined               ",
    ]


def test_a_task_that_never_started_is_only_queued() -> None:
    timings = Timings(origin=0.0, main=1)
    timings.tasks = [TaskTiming("x", [], 0.001)]
    assert [line.split()[2] for line in history_lines(parallel_events(timings))[1:]] == ["queued"]
