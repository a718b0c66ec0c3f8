"""The one-line progress status of a parallel run on a terminal, ninja-style (``PYDRAKE_STATUS``).

Placeholders: ``%f`` finished, ``%t`` total, ``%r`` running, ``%u`` not yet
started, ``%p`` percentage done, ``%e`` elapsed seconds, ``%%`` a percent
sign.  The line is redrawn in place and cleared before any task output is
written, so it never mixes with a task's block.
"""

from __future__ import annotations

import os
import threading
import time
from typing import TextIO

DEFAULT_FORMAT = "[%f/%t] "


def color_enabled(stream: TextIO, environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Colour unless ``NO_COLOR``; forced by ``CLICOLOR_FORCE``/``FORCE_COLOR``; else only on a terminal."""
    for name in ("FORCE_COLOR", "CLICOLOR_FORCE"):
        value = environ.get(name)
        if value is not None and value not in ("", "0"):
            return True
    if environ.get("NO_COLOR"):
        return False
    return _isatty(stream)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def expand(fmt: str, finished: int, total: int, running: int, elapsed: float) -> str:
    """The status text for a format."""
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "%" and i + 1 < len(fmt):
            k = fmt[i + 1]
            i += 2
            if k == "f":
                out.append(str(finished))
            elif k == "t":
                out.append(str(total))
            elif k == "r":
                out.append(str(running))
            elif k == "u":
                out.append(str(max(0, total - finished - running)))
            elif k == "p":
                out.append(f"{(100 * finished // total) if total else 100:3d}%")
            elif k == "e":
                out.append(f"{elapsed:.3f}")
            elif k == "%":
                out.append("%")
            else:
                out.append("%" + k)
            continue
        out.append(c)
        i += 1
    return "".join(out)


class StatusLine:
    """Redraws ``[finished/total] running...`` on a terminal; does nothing elsewhere."""

    def __init__(self, stream: TextIO, fmt: str | None = None, colour: bool = False) -> None:
        self.stream = stream
        self.fmt = fmt if fmt is not None else DEFAULT_FORMAT
        self.colour = colour
        self.start = time.monotonic()
        self.lock = threading.RLock()
        self.shown = False
        self.text = ""

    def update(self, finished: int, total: int, running: list[str]) -> None:
        """Show the current progress."""
        import shutil
        head = expand(self.fmt, finished, total, len(running), time.monotonic() - self.start)
        width = shutil.get_terminal_size((80, 24)).columns
        line = (head + " ".join(running))[: max(10, width - 1)]
        with self.lock:
            self.text = line
            self._draw()

    def _draw(self) -> None:
        shown = f"\x1b[1m{self.text}\x1b[0m" if self.colour else self.text
        self.stream.write("\r" + shown + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Erase the line (before task output is written)."""
        with self.lock:
            if self.shown:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
                self.shown = False

    def redraw(self) -> None:
        """Show the line again after task output."""
        with self.lock:
            if self.text:
                self._draw()

    def finish(self) -> None:
        """Leave the terminal clean at the end of the run."""
        self.clear()
        self.text = ""
