"""What an API run records about each task execution: its output, its timing and its error.

The recorder is the run's event sink (it passes every event on to the trace report), the wrapper
around the sequential runner's execute strategy, and, through ``ParallelSink``, the output sink of a
parallel run's workers. Every execution is captured on the thread that runs it.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any, TextIO

from pydrake.api.capture import TaskCapture
from pydrake.engine.events import Events
from pydrake.engine.parallel import OutputSink


@dataclass
class Execution:
    """One execution of a task's actions (or, in a dry run, one that would have happened)."""

    task: Any
    start: float  # seconds after the run began
    capture: TaskCapture | None = None
    seconds: float = 0.0
    error: BaseException | None = None
    dry_run: bool = False
    stdout: str = field(default="", repr=False)
    stderr: str = field(default="", repr=False)
    output: str = field(default="", repr=False)


class Recorder:
    """Collects the executions of one run; ``echo`` gives the caller's streams to copy output to."""

    def __init__(self, rt: Any, trace: Events, echo: tuple[TextIO, TextIO] | None = None, live: bool = True) -> None:
        self.rt = rt
        self.trace = trace
        self.echo = echo
        self.live = live  # copy output as it is written (else as one block per stream when the task ends)
        self.began = time.perf_counter()
        self.executions: list[Execution] = []
        self.lock = threading.Lock()
        self.local = threading.local()

    def _open(self) -> list[Execution]:
        stack = getattr(self.local, "open", None)
        if stack is None:
            stack = self.local.open = []
        return stack

    def _now(self) -> float:
        return time.perf_counter() - self.began

    # ------------------------------------------------------------ events

    @property
    def hears_invokes(self) -> bool:
        """Invokes are only passed on: heard when the sink passed to hears them."""
        return getattr(self.trace, "hears_invokes", True)

    def invoke(self, task: Any, first_time: bool, not_needed: bool | None) -> None:
        """Pass the event on."""
        self.trace.invoke(task, first_time, not_needed)

    def previous_failed(self, task: Any, not_needed: bool | None = None) -> None:
        """Pass the event on."""
        self.trace.previous_failed(task, not_needed)

    def execute(self, task: Any, dry_run: bool) -> None:
        """A task starts its actions (on this thread, inside the capture opened for it) or would in a dry run."""
        self.trace.execute(task, dry_run)
        if dry_run:
            with self.lock:
                self.executions.append(Execution(task, self._now(), dry_run=True))
            return
        stack = self._open()
        if stack and stack[-1].task is None:
            stack[-1].task = task

    # ------------------------------------------------------------ capture

    def begin(self, task: Any = None) -> Execution:
        """Start capturing this thread's output for one execution (its task may be named later by ``execute``)."""
        live = self.echo if self.echo is not None and self.live else (None, None)
        capture = TaskCapture(*live)
        self.rt.push_output(capture.out, capture.err)
        execution = Execution(task, self._now(), capture)
        self._open().append(execution)
        return execution

    def end(self, execution: Execution, error: BaseException | None = None) -> tuple[str, str]:
        """Stop capturing; keep the execution when it ran a task; the (stdout, stderr) it wrote."""
        self.rt.pop_output()
        stack = self._open()
        if stack and stack[-1] is execution:
            stack.pop()
        execution.seconds = self._now() - execution.start
        execution.error = error
        capture = execution.capture
        assert capture is not None
        execution.stdout, execution.stderr = capture.out.getvalue(), capture.err.getvalue()
        execution.output = capture.text()
        execution.capture = None
        if self.echo is not None and not self.live:
            with self.lock:
                for stream, text in zip(self.echo, (execution.stdout, execution.stderr), strict=True):
                    if text:
                        stream.write(text)
                        stream.flush()
        if execution.task is not None:
            with self.lock:
                self.executions.append(execution)
        return execution.stdout, execution.stderr

    def fail(self, task: Any, error: BaseException) -> None:
        """Record that ``task`` failed with ``error`` (on its last execution, or on a new empty one)."""
        with self.lock:
            for execution in reversed(self.executions):
                if execution.task is task:
                    if execution.error is None:
                        execution.error = error
                    return
            self.executions.append(Execution(task, self._now(), error=error))


class CapturedExecution:
    """The sequential runner's execute strategy with each execution captured by the recorder."""

    def __init__(self, inner: Any, recorder: Recorder, dry_run: bool) -> None:
        self.inner = inner
        self.recorder = recorder
        self.dry_run = dry_run

    def __call__(self, task: Any, args: Any) -> None:
        if self.dry_run:
            self.inner(task, args)
            return
        execution = self.recorder.begin(task)
        error: BaseException | None = None
        try:
            self.inner(task, args)
        except BaseException as exc:
            error = exc
            raise
        finally:
            self.recorder.end(execution, error)


class ParallelSink(OutputSink):
    """A parallel run's output sink: each worker's task output goes to the recorder."""

    def __init__(self, rt: Any, recorder: Recorder) -> None:
        super().__init__(rt, True)
        self.recorder = recorder

    def begin(self) -> Any:
        """Open the capture of the task this worker is about to run."""
        return self.recorder.begin()

    def end(self, buffers: Any) -> tuple[str, str] | None:
        """Close it; the (stdout, stderr) it collected."""
        return self.recorder.end(buffers)
