"""Execution frames, lexical module scopes (crefs) and the control-flow signals of the interpreter."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.environment import Env
from pydrake.runtime.objects import RModule


class Cref:
    """A lexical module scope: the innermost ``class``/``module`` body and the ones around it."""

    __slots__ = ("mod", "parent")

    def __init__(self, mod: RModule, parent: Cref | None) -> None:
        self.mod = mod
        self.parent = parent


class Frame:
    """The state of one running method, block, class body or file.

    ``home`` is the frame a ``return`` leaves (itself for methods, lambdas and
    files; the defining method's frame for blocks).  ``proc`` is the block being
    run (the tag its ``break`` carries), ``up`` the frame the block was written in.
    ``block`` is the block given to the enclosing method (what ``yield`` calls).
    """

    __slots__ = (
        "self_obj",
        "env",
        "cref",
        "method",
        "block",
        "file",
        "line",
        "home",
        "proc",
        "up",
        "label",
        "active",
        "match",
        "vis",
        "definee",
    )

    def __init__(
        self,
        self_obj: Any,
        env: Env,
        cref: Cref,
        method: Any,
        block: Any,
        file: str,
        line: int,
        home: Frame | None,
        proc: Any,
        up: Frame | None,
        label: str | None,
        vis: str,
        definee: RModule,
    ) -> None:
        self.self_obj = self_obj
        self.env = env
        self.cref = cref
        self.method = method
        self.block = block
        self.file = file
        self.line = line
        self.home = self if home is None else home
        self.proc = proc
        self.up = up
        self.label = label
        self.active = True
        self.match: Any = None
        self.vis = vis
        self.definee = definee

    def describe(self) -> str:
        """The backtrace label: ``foo``, ``<top (required)>``, ``block (2 levels) in foo``."""
        if self.label is not None:
            return self.label
        levels = 0
        fr: Frame | None = self
        while fr is not None and fr.label is None:
            levels += 1
            fr = fr.up
        base = fr.label if fr is not None else "<main>"
        if levels == 1:
            return f"block in {base}"
        return f"block ({levels} levels) in {base}"

    def svar_frame(self) -> Frame:
        """The frame holding ``$~``: blocks share their method's; a block written at top level keeps its own.

        (Top-level blocks such as task actions may run on several threads at once.)
        """
        fr = self
        while fr.label is None:
            up = fr.up
            if up is None or (up.label is not None and up.method is None):
                break
            fr = up
        return fr


class ControlSignal(BaseException):
    """Base of the non-error unwinding signals; never seen by Ruby ``rescue``."""


class BreakSignal(ControlSignal):
    """``break``: ``tag`` is the block it leaves (None inside a loop of a method or file)."""

    def __init__(self, tag: Any, value: Any) -> None:
        self.tag = tag
        self.value = value


class NextSignal(ControlSignal):
    """``next``: ends the current block call or loop iteration with ``value``."""

    def __init__(self, value: Any) -> None:
        self.value = value


class RedoSignal(ControlSignal):
    """``redo``: restarts the current block call or loop iteration."""


class RetrySignal(ControlSignal):
    """``retry`` inside a ``rescue`` clause: re-runs the ``begin`` body."""


class ReturnSignal(ControlSignal):
    """``return``: leaves the frame ``home`` with ``value``."""

    def __init__(self, home: Frame, value: Any) -> None:
        self.home = home
        self.value = value


class ThrowSignal(ControlSignal):
    """``throw tag, value``, caught by the ``catch`` with the same tag."""

    def __init__(self, tag: Any, value: Any) -> None:
        self.tag = tag
        self.value = value
