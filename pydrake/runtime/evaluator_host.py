"""What the evaluator mixin needs from the interpreter it is mixed into; imported by type checkers only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from pydrake.runtime.arguments import Signature
from pydrake.runtime.objects import RClass, RHash, RModule, RProc, RubyError
from pydrake.runtime.protocol import Runtime
from pydrake.runtime.tables import ModuleTables, UserMethod

if TYPE_CHECKING:
    from pydrake.runtime.interpreter import _ThreadState


class InterpreterServices(Runtime, Protocol):
    """The ``Interpreter`` members (interpreter.py) the node handlers call, beyond what built-ins may."""

    constants: dict[str, Any]
    _ts: _ThreadState
    _const_sites: dict[tuple[int, str], tuple[str, int]]

    def make_error(self, cls: RClass | str, message: str) -> RubyError:
        """A Ruby exception ready to ``raise``."""
        ...

    def is_a(self, value: Any, cls: RModule) -> bool:
        """Ruby ``value.is_a?(mod)``."""
        ...

    def real_class(self, value: Any) -> RClass:
        """The class of ``value``, singleton classes skipped."""
        ...

    def module_name(self, mod: RModule) -> str:
        """The name Ruby shows for a class or module."""
        ...

    def ivars_of(self, obj: Any) -> dict[str, Any]:
        """The instance variables of ``obj``."""
        ...

    def respond_to(self, recv: Any, name: str, include_all: bool = False) -> bool:
        """Ruby ``recv.respond_to?(name, include_all)``."""
        ...

    def signature(self, params: Any) -> Signature:
        """The bound-argument signature of a parameter list; cached."""
        ...

    def send(
        self,
        recv: Any,
        name: str,
        args: Any = (),
        kw: RHash | None = None,
        block: RProc | None = None,
        fcall: bool = True,
    ) -> Any:
        """Dispatch a method call as Ruby does."""
        ...

    def call_method(
        self, m: Any, recv: Any, name: str, args: Any, kw: RHash | None, block: RProc | None, fcall: bool = True
    ) -> Any:
        """Call the already-found method ``m`` on ``recv``."""
        ...

    def invoke(self, m: UserMethod, recv: Any, args: Any, kw: RHash | None, block: RProc | None) -> Any:
        """Run a method defined in Ruby."""
        ...

    def call_proc(
        self,
        proc: RProc,
        args: Any = (),
        kw: RHash | None = None,
        block: RProc | None = None,
        self_obj: Any = ...,
        method: UserMethod | None = None,
        definee: RModule | None = None,
    ) -> Any:
        """Run a block or proc."""
        ...

    def method_missing(
        self, recv: Any, name: str, args: Any, kw: RHash | None, block: RProc | None, fcall: bool, vcall: bool
    ) -> Any:
        """Ruby's ``method_missing`` path for a call that found no method."""
        ...

    def has_global(self, name: str) -> bool:
        """Whether a global variable is defined."""
        ...

    def alias_global(self, new: str, old: str) -> None:
        """Ruby ``alias $new $old``."""
        ...


class EvaluatorHost(InterpreterServices, ModuleTables):
    """The evaluator's view of its host: the module tables and the interpreter services."""
