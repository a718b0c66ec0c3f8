"""Why a task runs or is skipped: the reason behind its ``needed?`` answer, worded for ``--explain``.

A file task's reason comes from the same pieces its ``needed?`` uses (the file's
mtime, ``FileTask.stale_prerequisite`` and ``FileTask.builds_all``), taken in the
same order, so the verdict of ``explain`` is ``needed?``'s: it starts with
``up to date`` exactly when ``needed?`` is false, and with ``runs`` otherwise.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TextIO

from pydrake.rake.file_creation_task import FileCreationTask
from pydrake.rake.file_task import FileTask
from pydrake.rake.task import Task
from pydrake.rake.timestamps import LATE

RUNS = "runs"
UP_TO_DATE = "up to date"


def explain(task: Task) -> str:
    """``runs: REASON`` when ``task.needed()`` is true, ``up to date: REASON`` when it is false."""
    rule = type(task).needed
    if rule is FileTask.needed:
        return _file_reason(task)  # type: ignore[arg-type]
    if rule is FileCreationTask.needed:
        return f"{RUNS}: directory does not exist" if task.needed() else f"{UP_TO_DATE}: directory exists"
    if rule is Task.needed:
        return f"{RUNS}: a plain task always runs"
    return f"{RUNS}: its needed? is true" if task.needed() else f"{UP_TO_DATE}: its needed? is false"


def is_up_to_date(reason: str) -> bool:
    """Does this reason (from ``explain``) say the task is skipped?"""
    return reason.startswith(UP_TO_DATE + ":")


def explain_line(app_name: str, task: Task, reason: str) -> str:
    """``pydrake: explain: TASK: REASON`` (no newline)."""
    return f"{app_name}: explain: {task.name}: {reason}"


def duration_text(ns: int) -> str:
    """A positive time difference for people: ``350 ms``, ``3.2 s``, ``4.5 min``, ``2.0 h``, ``3.0 days``."""
    seconds = ns / 1e9
    if seconds < 1:
        return f"{ns / 1e6:.3g} ms"
    if seconds < 120:
        return f"{seconds:.1f} s"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.1f} min"
    if seconds < 48 * 3600:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def _file_reason(task: FileTask) -> str:
    # The order of FileTask.needed: missing, then out_of_date?, then --build-all.
    stamp = task.manager.fs.mtime_ns(task.name)
    if stamp is None:
        return f"{RUNS}: file does not exist"
    stale = task.stale_prerequisite(stamp)
    if stale is not None:
        return f"{RUNS}: {_stale_reason(task, stale, stamp)}"
    if task.builds_all():
        return f"{RUNS}: --build-all (-B) rebuilds every file task"
    return f"{UP_TO_DATE}: {_fresh_reason(task, stamp)}"


def _stale_reason(task: FileTask, stale: Task, stamp: int) -> str:
    theirs = stale.timestamp()
    via = _via(task, stale)
    if theirs is LATE:
        return f"prerequisite {stale.name}{via} does not exist"
    if not theirs > stamp:  # only --build-all makes a file task that is not newer count
        return "--build-all (-B) rebuilds every file task"
    if type(stale).timestamp is Task.timestamp:
        return f"prerequisite task {stale.name}{via} ran (a task that is not a file is newer than any file)"
    if isinstance(theirs, int):
        return f"older than {stale.name}{via} by {duration_text(theirs - stamp)}"
    return f"prerequisite {stale.name}{via} is newer"


def _via(task: Task, stale: Task) -> str:
    """`` (through DIRECT)`` when ``stale`` is not a direct prerequisite, else empty."""
    direct = task.prerequisite_tasks()
    if any(p.name == stale.name for p in direct):
        return ""
    for pre in direct:
        if any(p.name == stale.name for p in pre.all_prerequisite_tasks()):
            return f" (through {pre.name})"
    return ""


def _fresh_reason(task: FileTask, stamp: int) -> str:
    prereqs = [task.manager.resolve(p.name, task.scope) for p in task.all_prerequisite_tasks()]
    if not prereqs:
        return "file exists and has no prerequisites"
    newest: Task | None = None
    newest_stamp = 0
    for pre in prereqs:
        theirs = pre.timestamp()
        if isinstance(theirs, int) and (newest is None or theirs > newest_stamp):
            newest, newest_stamp = pre, theirs
    if newest is None:
        return "file exists and no prerequisite is a file with a time"
    if newest_stamp == stamp:
        return f"as new as its newest prerequisite {newest.name}"
    return f"newer than its newest prerequisite {newest.name} by {duration_text(stamp - newest_stamp)}"


class ExplainObserver:
    """A runner's needed? observer writing one ``--explain`` line per task, whole, to ``stream()``."""

    def __init__(self, app_name: str, stream: Callable[[], TextIO]) -> None:
        self.app_name = app_name
        self.stream = stream
        self.lock = threading.Lock()

    def __call__(self, task: Task, needed: bool) -> None:
        """Explain the decision the runner just took for ``task``."""
        reason = explain(task)
        if is_up_to_date(reason) == needed:  # a file changed between the runner's check and this one
            reason = f"{RUNS if needed else UP_TO_DATE}: files changed while deciding"
        line = explain_line(self.app_name, task, reason) + "\n"
        with self.lock:
            out = self.stream()
            out.write(line)
            out.flush()
