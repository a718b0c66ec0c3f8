"""TaskOutput: a task's collected stream, handing writers that outlive the task the real stream."""

from __future__ import annotations

import io

from pydrake.engine.parallel import TaskOutput


def test_writes_are_collected_until_drained_then_go_straight_through() -> None:
    buffer = TaskOutput()
    buffer.write("collected\n")
    stream = io.StringIO()
    assert buffer.drain(stream) == "collected\n"
    assert buffer.write("late\n") == 5
    buffer.flush()
    assert stream.getvalue() == "late\n"
    assert buffer.getvalue() == "collected\n"
