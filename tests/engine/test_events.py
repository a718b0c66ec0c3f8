"""Event sinks: the null sink ignores, the recording sink keeps events in order."""

from __future__ import annotations

from types import SimpleNamespace

from pydrake.engine.events import Event, Events, NullEvents, RecordingEvents


def test_recording_sink_keeps_events_in_order() -> None:
    sink = RecordingEvents()
    a, b = SimpleNamespace(name="a"), SimpleNamespace(name="b")
    sink.invoke(a, True, False)
    sink.invoke(b, False, None)
    sink.previous_failed(b)
    sink.execute(a, dry_run=True)
    assert sink.events == [
        Event("invoke", "a", first_time=True, not_needed=False),
        Event("invoke", "b", first_time=False, not_needed=None),
        Event("previous_failed", "b"),
        Event("execute", "a", dry_run=True),
    ]
    assert sink.invoked() == ["a", "b"]
    assert sink.executed() == ["a"]


def test_null_sink_accepts_everything() -> None:
    sink: Events = NullEvents()
    task = SimpleNamespace(name="t")
    sink.invoke(task, True, None)
    sink.previous_failed(task, True)
    sink.execute(task, False)
