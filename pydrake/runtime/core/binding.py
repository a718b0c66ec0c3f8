"""Binding: a captured scope (self, local variables, constants) that code can be evaluated in later."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.classes import CORE, KERNEL, OBJECT, builtin, register_type
from pydrake.runtime.environment import MISSING
from pydrake.runtime.objects import RClass, RProc, RString, Symbol, pystr

_DEFINED = CORE.get("Binding")
BINDING = _DEFINED if isinstance(_DEFINED, RClass) else RClass("Binding", OBJECT)
CORE.setdefault("Binding", BINDING)


class RBinding:
    """The scope of one running frame: its self, local variables and lexical modules."""

    __slots__ = ("frame", "env")

    def __init__(self, frame: Any) -> None:
        self.frame = frame
        self.env = frame.env


register_type(RBinding, BINDING)


@builtin(KERNEL, "binding")
def k_binding(rt: Any, recv: Any, block: RProc | None = None) -> RBinding:
    """binding: the caller's scope."""
    fr = rt.frame()
    if fr is None:
        raise rt.error("RuntimeError", "no Ruby frame to bind")
    return RBinding(fr)


@builtin(BINDING, "eval")
def binding_eval(rt: Any, recv: RBinding, code: Any, *rest: Any, block: RProc | None = None) -> Any:
    """eval(source [, file [, line]]): run code in this scope."""
    filename = rt.to_s(rest[0]) if rest else "(eval)"
    return rt.eval_in_binding(recv, rt.to_s(code), filename)


@builtin(BINDING, "local_variable_get")
def binding_lvar_get(rt: Any, recv: RBinding, name: Any, block: RProc | None = None) -> Any:
    """local_variable_get(:x)."""
    v = recv.env.lookup(pystr(name))
    if v is MISSING:
        raise rt.error("NameError", f"local variable `{pystr(name)}' is not defined for {rt.inspect(recv)}")
    return v


@builtin(BINDING, "local_variable_set")
def binding_lvar_set(rt: Any, recv: RBinding, name: Any, value: Any, block: RProc | None = None) -> Any:
    """local_variable_set(:x, value)."""
    recv.env.assign(pystr(name), value)
    return value


@builtin(BINDING, "local_variable_defined?")
def binding_lvar_defined(rt: Any, recv: RBinding, name: Any, block: RProc | None = None) -> bool:
    """local_variable_defined?(:x)."""
    return recv.env.has(pystr(name))


@builtin(BINDING, "local_variables")
def binding_lvars(rt: Any, recv: RBinding, block: RProc | None = None) -> list[Symbol]:
    """local_variables."""
    return [Symbol.of(n) for n in recv.env.names() if n[:1].isalpha() or n[:1] == "_"]


@builtin(BINDING, "receiver")
def binding_receiver(rt: Any, recv: RBinding, block: RProc | None = None) -> Any:
    """receiver: the self of the scope."""
    return recv.frame.self_obj


@builtin(BINDING, "source_location")
def binding_source_location(rt: Any, recv: RBinding, block: RProc | None = None) -> list[Any]:
    """source_location: [file, line]."""
    return [RString(recv.frame.file), recv.frame.line]
