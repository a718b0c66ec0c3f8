"""The events a runner announces while invoking tasks, and sinks that ignore or record them."""

from __future__ import annotations

from typing import Any, Protocol

from pydrake.record import record


class Events(Protocol):
    """Receives what the engine does; only the report layer knows how to print it.

    A sink may say it ignores ``invoke`` with a false ``hears_invokes`` attribute; the runners then
    skip the announcement (a sink without the attribute hears every invoke)."""

    def invoke(self, task: Any, first_time: bool, not_needed: bool | None) -> None:
        """A task is being invoked. ``not_needed`` is ``not task.needed()`` before its prerequisites ran;
        it is evaluated only when tracing (as Rake does) and None otherwise."""
        ...

    def previous_failed(self, task: Any, not_needed: bool | None = None) -> None:
        """An already-invoked task whose first invocation failed is invoked again; its error is re-raised."""
        ...

    def execute(self, task: Any, dry_run: bool) -> None:
        """A needed task is about to run its actions (or, in a dry run, would have)."""
        ...


class NullEvents:
    """A sink that ignores every event."""

    hears_invokes = False

    def invoke(self, task: Any, first_time: bool, not_needed: bool | None) -> None:
        """Ignore."""

    def previous_failed(self, task: Any, not_needed: bool | None = None) -> None:
        """Ignore."""

    def execute(self, task: Any, dry_run: bool) -> None:
        """Ignore."""


@record(frozen=True)
class Event:
    """One recorded event: its kind, the task's name and its flags."""

    kind: str
    name: str
    first_time: bool | None = None
    not_needed: bool | None = None
    dry_run: bool | None = None


class RecordingEvents:
    """A sink that keeps every event in order, for tests."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def invoke(self, task: Any, first_time: bool, not_needed: bool | None) -> None:
        """Record an invoke."""
        self.events.append(Event("invoke", task.name, first_time=first_time, not_needed=not_needed))

    def previous_failed(self, task: Any, not_needed: bool | None = None) -> None:
        """Record a re-raised failure."""
        self.events.append(Event("previous_failed", task.name, not_needed=not_needed))

    def execute(self, task: Any, dry_run: bool) -> None:
        """Record an execute."""
        self.events.append(Event("execute", task.name, dry_run=dry_run))

    def executed(self) -> list[str]:
        """The names of the tasks executed (dry runs included), in order."""
        return [e.name for e in self.events if e.kind == "execute"]

    def invoked(self) -> list[str]:
        """The names of every invoke event, in order."""
        return [e.name for e in self.events if e.kind == "invoke"]
