"""Trace lines: Rake's exact ``** Invoke``/``** Execute`` text, trailing spaces included."""

from __future__ import annotations

import io
from types import SimpleNamespace

from pydrake.report.trace import TraceReport, execute_line, invoke_line, previous_failed_line, trace_flags


class OneWriteStream(io.StringIO):
    writes: list[str]

    def __init__(self) -> None:
        super().__init__()
        self.writes = []

    def write(self, text: str) -> int:
        self.writes.append(text)
        return super().write(text)


def test_flags() -> None:
    assert trace_flags(True, False) == "(first_time)"
    assert trace_flags(True, True) == "(first_time, not_needed)"
    assert trace_flags(False, True) == "(not_needed)"
    assert trace_flags(False, False) == ""
    assert trace_flags(True, None) == "(first_time)"


def test_lines() -> None:
    assert invoke_line("x", True, False) == "** Invoke x (first_time)"
    assert invoke_line("x", False, False) == "** Invoke x "
    assert invoke_line("out.txt", True, True) == "** Invoke out.txt (first_time, not_needed)"
    assert invoke_line("data.txt", False, True) == "** Invoke data.txt (not_needed)"
    assert execute_line("x", False) == "** Execute x"
    assert execute_line("x", True) == "** Execute (dry run) x"
    assert previous_failed_line("x") == "** Previous invocation of x failed "
    assert previous_failed_line("x", True) == "** Previous invocation of x failed (not_needed)"


def test_report_writes_one_line_per_write() -> None:
    stream = OneWriteStream()
    report = TraceReport(stream)
    task = SimpleNamespace(name="a")
    report.invoke(task, True, None)
    report.execute(task, False)
    report.invoke(task, False, False)
    report.previous_failed(task)
    report.execute(task, True)
    assert stream.writes == [
        "** Invoke a (first_time)\n",
        "** Execute a\n",
        "** Invoke a \n",
        "** Previous invocation of a failed \n",
        "** Execute (dry run) a\n",
    ]


def test_without_trace_only_dry_run_executions_show() -> None:
    stream = io.StringIO()
    report = TraceReport(stream, trace=False)
    task = SimpleNamespace(name="a")
    report.invoke(task, True, None)
    report.previous_failed(task)
    report.execute(task, False)
    report.execute(task, True)
    assert stream.getvalue() == "** Execute (dry run) a\n"
