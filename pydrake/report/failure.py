"""Rake's failure report: ``pydrake aborted!``, the message, the backtrace, the cause, ``Tasks:``, the hint."""

from __future__ import annotations

from pydrake.record import field, record


@record
class ErrorDetails:
    """One exception as the report shows it: class name, message and backtrace lines (None: no backtrace)."""

    class_name: str
    message: str
    backtrace: list[str] | None = None
    cause: ErrorDetails | None = None
    # The invocation chain ("TOP => a => b") when the error happened while invoking tasks.
    chain: str | None = None
    # Lines shown after the backtrace: pydrake's own notes (a Ruby facility pydrake lacks), never Rake's.
    extra: list[str] = field(default_factory=list)


def message_line(err: ErrorDetails) -> str:
    """``message`` for a plain RuntimeError, else ``Class: message`` (Rake's ``display_exception_message_details``)."""
    if err.class_name == "RuntimeError":
        return err.message
    return f"{err.class_name}: {err.message}"


def failure_report(app_name: str, err: ErrorDetails, full_backtrace: bool) -> str:
    """The whole report, newline-terminated; ``full_backtrace`` (``--trace``/``--backtrace``) drops the hint."""
    lines = [f"{app_name} aborted!"]
    seen: set[int] = set()
    cur: ErrorDetails | None = err
    first = True
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if not first:
            lines.append("\nCaused by:")
        lines.append(message_line(cur))
        if cur.backtrace is not None:
            lines.append("\n".join(cur.backtrace))
        lines.extend(cur.extra)
        cur, first = cur.cause, False
    if err.chain:
        lines.append(f"Tasks: {err.chain}")
    if not full_backtrace:
        lines.append("(See full trace by running task with --trace)")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
