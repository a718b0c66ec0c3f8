"""Output capture for API runs: a task's streams, and sys.stdout/sys.stderr routed to the running task's."""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO


class CaptureStream(io.TextIOBase):
    """One stream of a task's output: kept on its own, in the task's combined text, and copied live if asked."""

    encoding = "utf-8"

    def __init__(self, combined: list[str], lock: threading.Lock, live: TextIO | None = None) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.combined = combined
        self.lock = lock
        self.live = live

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        """Keep ``text`` (and pass it on live)."""
        with self.lock:
            self.parts.append(text)
            self.combined.append(text)
        if self.live is not None:
            self.live.write(text)
        return len(text)

    def flush(self) -> None:
        if self.live is not None:
            self.live.flush()

    def getvalue(self) -> str:
        """Everything written so far."""
        with self.lock:
            return "".join(self.parts)


class TaskCapture:
    """A task's stdout and stderr, separately and together in the order they were written."""

    def __init__(self, live_out: TextIO | None = None, live_err: TextIO | None = None) -> None:
        self.lock = threading.Lock()
        self.combined: list[str] = []
        self.out = CaptureStream(self.combined, self.lock, live_out)
        self.err = CaptureStream(self.combined, self.lock, live_err)

    def text(self) -> str:
        """stdout and stderr interleaved as written."""
        with self.lock:
            return "".join(self.combined)


class StdRouter(io.TextIOBase):
    """Stands in for sys.stdout or sys.stderr during a run: a thread whose output the interpreter
    redirects (a running task, or a future it started) writes there, every other thread to the real stream."""

    def __init__(self, rt: Any, real: TextIO, which: str) -> None:
        super().__init__()
        self.rt = rt
        self.real = real
        self.which = which  # "out" or "errout": the interpreter's per-thread redirection to follow

    def _target(self) -> TextIO:
        target = getattr(self.rt.thread_state(), self.which)
        return self.real if target is None or target is self else target

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        """Write to this thread's task output, or to the real stream."""
        return self._target().write(text)

    def flush(self) -> None:
        self._target().flush()

    def fileno(self) -> int:
        """The real stream's descriptor, for threads that are not capturing; capturing ones have none."""
        target = self._target()
        if target is self.real:
            return self.real.fileno()
        raise io.UnsupportedOperation("fileno")

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.real, "encoding", None) or "utf-8"


@contextmanager
def routed_std_streams(rt: Any) -> Iterator[tuple[TextIO, TextIO]]:
    """Route sys.stdout/sys.stderr to the running tasks' captures; yields the real streams."""
    real_out, real_err = sys.stdout, sys.stderr
    out, err = StdRouter(rt, real_out, "out"), StdRouter(rt, real_err, "errout")
    sys.stdout, sys.stderr = out, err
    try:
        yield real_out, real_err
    finally:
        if sys.stdout is out:
            sys.stdout = real_out
        if sys.stderr is err:
            sys.stderr = real_err
