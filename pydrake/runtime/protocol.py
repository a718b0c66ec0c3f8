"""What built-in methods may ask of the running interpreter (``rt``).

Built-in methods (``runtime/core/*.py``, ``rake/*.py``) receive the
interpreter as their first argument and use only this protocol, so they can
be tested with ``tests/runtime/fake_runtime.py`` before a full interpreter runs.
"""

from __future__ import annotations

from typing import Any, Protocol, TextIO

from pydrake.runtime.objects import RClass, RProc, RubyError


class Runtime(Protocol):
    """The interpreter as seen by built-in methods."""

    @property
    def stdout(self) -> TextIO:
        """Where ``puts`` writes (per-thread when tasks run in parallel)."""
        ...

    @property
    def stderr(self) -> TextIO:
        """Where ``warn`` and ``$stderr`` write."""
        ...

    def call(self, recv: Any, name: str, *args: Any, block: RProc | None = None) -> Any:
        """Call a Ruby method on ``recv`` (NoMethodError when it has none)."""
        ...

    def call_block(self, block: RProc, *args: Any) -> Any:
        """Yield ``args`` to a block; a single Array argument auto-splats over several parameters."""
        ...

    def responds_to(self, recv: Any, name: str) -> bool:
        """Whether ``recv`` has a method ``name``."""
        ...

    def inspect(self, value: Any) -> str:
        """``value.inspect`` as Python text."""
        ...

    def to_s(self, value: Any) -> str:
        """``value.to_s`` as Python text (what interpolation and ``puts`` show)."""
        ...

    def eq(self, a: Any, b: Any) -> bool:
        """Ruby ``a == b``."""
        ...

    def compare(self, a: Any, b: Any) -> int:
        """Ruby ``a <=> b`` as -1/0/1 (ArgumentError "comparison of X with Y failed" when nil)."""
        ...

    def is_a(self, value: Any, cls: RClass) -> bool:
        """Ruby ``value.is_a?(cls)``."""
        ...

    def get_global(self, name: str) -> Any:
        """A global variable (``"$?"``, ``"$stdout"``); nil when unset."""
        ...

    def set_global(self, name: str, value: Any) -> None:
        """Set a global variable (``$?`` after a command, ``$~`` after a match)."""
        ...

    def error(self, cls: RClass | str, message: str) -> RubyError:
        """A Ruby exception ready to ``raise``; ``cls`` may be a core class name ("ArgumentError")."""
        ...
