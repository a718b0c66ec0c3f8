"""Proc (blocks, procs, lambdas) and Method objects."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.classes import METHOD, PROC, builtin
from pydrake.runtime.errors import builtin_arity_range
from pydrake.runtime.objects import RMethodObj, RModule, RProc, RString, Symbol, truthy


class UnboundMethodObj(RMethodObj):
    """``Mod.instance_method(:x)``: a method name with the module it was taken from, and no receiver."""

    __slots__ = ("owner",)

    def __init__(self, recv: Any, name: str, owner: RModule) -> None:
        super().__init__(recv, name)
        self.owner = owner


# ------------------------------------------------------------------ Proc


@builtin(PROC, "new", singleton=True)
def proc_s_new(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> RProc:
    """Proc.new { }: the block as a Proc."""
    if block is None:
        raise rt.error("ArgumentError", "tried to create Proc object without a block")
    return block


@builtin(PROC, "call", "()", "yield", "===", "[]")
def proc_call(rt: Any, recv: RProc, *args: Any, block: RProc | None = None) -> Any:
    """call(*args) / .() / [] / yield / ===: run the proc."""
    return rt.call_proc(recv, args, None, block)


@builtin(PROC, "to_proc")
def proc_to_proc(rt: Any, recv: RProc, block: RProc | None = None) -> RProc:
    """to_proc: itself."""
    return recv


@builtin(PROC, "lambda?")
def proc_lambda_p(rt: Any, recv: RProc, block: RProc | None = None) -> bool:
    """lambda?: whether arguments are checked strictly."""
    return bool(recv.is_lambda)


def proc_arity(rt: Any, proc: RProc) -> int:
    """Proc#arity."""
    if proc.native is not None:
        return -2 if proc.is_lambda else -1
    return rt.signature(proc.params).arity(bool(proc.is_lambda))


@builtin(PROC, "arity")
def proc_arity_m(rt: Any, recv: RProc, block: RProc | None = None) -> int:
    """arity: the number of required arguments (negative when more are optional)."""
    return proc_arity(rt, recv)


@builtin(PROC, "parameters")
def proc_parameters(rt: Any, recv: RProc, block: RProc | None = None) -> list[Any]:
    """parameters: [[:req, :a], [:opt, :b], ...]."""
    if recv.native is not None:
        return [[Symbol.of("rest")]]
    return rt.signature(recv.params).parameters(bool(recv.is_lambda))


@builtin(PROC, "curry")
def proc_curry(rt: Any, recv: RProc, arity: Any = None, block: RProc | None = None) -> RProc:
    """curry(n): a proc collecting arguments until it has n of them."""
    n = arity if arity is not None else proc_arity(rt, recv)
    if n < 0:
        n = -n - 1
    return _curried(rt, recv, n, [])


def _curried(rt: Any, proc: RProc, n: int, got: list[Any]) -> RProc:
    def step(*args: Any) -> Any:
        have = got + list(args)
        if len(have) >= n:
            return rt.call_proc(proc, have)
        return _curried(rt, proc, n, have)

    return RProc(None, None, None, None, is_lambda=True, native=step)


@builtin(PROC, ">>")
def proc_compose_right(rt: Any, recv: RProc, other: Any, block: RProc | None = None) -> RProc:
    """f >> g: a proc calling f, then g with the result."""
    return RProc(
        None, None, None, None, is_lambda=True, native=lambda *a: rt.call(other, "call", rt.call_proc(recv, a))
    )


@builtin(PROC, "<<")
def proc_compose_left(rt: Any, recv: RProc, other: Any, block: RProc | None = None) -> RProc:
    """f << g: a proc calling g, then f with the result."""
    return RProc(
        None, None, None, None, is_lambda=True, native=lambda *a: rt.call_proc(recv, (rt.call(other, "call", *a),))
    )


@builtin(PROC, "source_location")
def proc_source_location(rt: Any, recv: RProc, block: RProc | None = None) -> Any:
    """source_location: [file, line]."""
    fr = recv.frame
    if fr is None:
        return None
    line = recv.body[0].line if recv.body else fr.line
    return [RString(fr.file), line]


@builtin(PROC, "inspect", "to_s")
def proc_inspect(rt: Any, recv: RProc, block: RProc | None = None) -> RString:
    """inspect: ``#<Proc:0x... file:line (lambda)>``."""
    loc = proc_source_location(rt, recv)
    where = f" {loc[0].s}:{loc[1]}" if loc else ""
    kind = " (lambda)" if recv.is_lambda else ""
    return RString(f"#<Proc:0x{id(recv):016x}{where}{kind}>")


@builtin(PROC, "==", "eql?")
def proc_eq(rt: Any, recv: RProc, other: Any, block: RProc | None = None) -> bool:
    """==: identity."""
    return recv is other


@builtin(PROC, "hash")
def proc_hash(rt: Any, recv: RProc, block: RProc | None = None) -> int:
    """hash."""
    return id(recv) >> 4


@builtin(PROC, "ruby2_keywords")
def proc_ruby2_keywords(rt: Any, recv: RProc, block: RProc | None = None) -> RProc:
    """ruby2_keywords: accepted."""
    return recv


# ------------------------------------------------------------------ Method


def _target(rt: Any, m: RMethodObj) -> Any:
    if isinstance(m, UnboundMethodObj):
        raise rt.error("NoMethodError", f"undefined method `call' for {rt.inspect(m)}")
    return m.recv


@builtin(METHOD, "call", "()", "[]", "===")
def method_call(rt: Any, recv: RMethodObj, *args: Any, block: RProc | None = None) -> Any:
    """call(*args): call the method on its receiver."""
    return rt.send(_target(rt, recv), recv.name, args, None, block, True)


@builtin(METHOD, "to_proc")
def method_to_proc(rt: Any, recv: RMethodObj, block: RProc | None = None) -> RProc:
    """to_proc: a lambda calling the method."""
    target = _target(rt, recv)
    name = recv.name
    return RProc(None, None, None, target, is_lambda=True, native=lambda *a: rt.send(target, name, a, None, None, True))


def _found(rt: Any, m: RMethodObj) -> Any:
    if isinstance(m, UnboundMethodObj):
        return rt.find_method_in(m.owner, m.name)
    return rt.find_method(m.recv, m.name)


def builtin_arity(fn: Any) -> int:
    """The Ruby arity of a built-in function ``fn(rt, recv, ...)``, read from its Python signature."""
    arity = builtin_arity_range(fn)
    if arity is None:
        return -1
    least, most = arity
    return least if most == least else -least - 1


@builtin(METHOD, "arity")
def method_arity(rt: Any, recv: RMethodObj, block: RProc | None = None) -> int:
    """arity: like a lambda's."""
    from pydrake.runtime.tables import UserMethod

    fn = _found(rt, recv)
    if type(fn) is UserMethod:
        return fn.sig.arity(True)
    return builtin_arity(fn) if fn is not None else -1


@builtin(METHOD, "parameters")
def method_parameters(rt: Any, recv: RMethodObj, block: RProc | None = None) -> list[Any]:
    """parameters."""
    from pydrake.runtime.tables import UserMethod

    fn = _found(rt, recv)
    if type(fn) is UserMethod:
        return fn.sig.parameters(True)
    return [[Symbol.of("rest")]]


@builtin(METHOD, "owner")
def method_owner(rt: Any, recv: RMethodObj, block: RProc | None = None) -> Any:
    """owner: the class or module defining the method."""
    if isinstance(recv, UnboundMethodObj):
        for mod in rt.ancestors(recv.owner):
            if rt.own_method(mod, recv.name) is not None:
                return mod
        return recv.owner
    return rt.method_owner(recv.recv, recv.name)


@builtin(METHOD, "name")
def method_name(rt: Any, recv: RMethodObj, block: RProc | None = None) -> Symbol:
    """name."""
    return Symbol.of(recv.name)


@builtin(METHOD, "receiver")
def method_receiver(rt: Any, recv: RMethodObj, block: RProc | None = None) -> Any:
    """receiver."""
    return _target(rt, recv)


@builtin(METHOD, "unbind")
def method_unbind(rt: Any, recv: RMethodObj, block: RProc | None = None) -> UnboundMethodObj:
    """unbind: the method without its receiver."""
    owner = rt.method_owner(recv.recv, recv.name)
    return UnboundMethodObj(None, recv.name, owner)


@builtin(METHOD, "bind")
def method_bind(rt: Any, recv: RMethodObj, obj: Any, block: RProc | None = None) -> RMethodObj:
    """bind(obj): the unbound method attached to obj."""
    return RMethodObj(obj, recv.name)


@builtin(METHOD, "bind_call")
def method_bind_call(rt: Any, recv: RMethodObj, obj: Any, *args: Any, block: RProc | None = None) -> Any:
    """bind_call(obj, *args)."""
    fn = _found(rt, recv)
    if fn is None:
        raise rt.no_method_error(obj, recv.name)
    return rt.call_method(fn, obj, recv.name, args, None, block, True)


@builtin(METHOD, "source_location")
def method_source_location(rt: Any, recv: RMethodObj, block: RProc | None = None) -> Any:
    """source_location: [file, line] of a Ruby-defined method."""
    from pydrake.runtime.tables import UserMethod

    fn = _found(rt, recv)
    if type(fn) is UserMethod:
        return [RString(fn.file), fn.line]
    return None


@builtin(METHOD, "inspect", "to_s")
def method_inspect(rt: Any, recv: RMethodObj, block: RProc | None = None) -> RString:
    """inspect: ``#<Method: Foo#bar>``."""
    if isinstance(recv, UnboundMethodObj):
        return RString(f"#<UnboundMethod: {rt.module_name(recv.owner)}#{recv.name}>")
    if isinstance(recv.recv, RModule):
        return RString(f"#<Method: {rt.module_name(recv.recv)}.{recv.name}>")
    return RString(f"#<Method: {rt.module_name(rt.real_class(recv.recv))}#{recv.name}>")


@builtin(METHOD, "==", "eql?")
def method_eq(rt: Any, recv: RMethodObj, other: Any, block: RProc | None = None) -> bool:
    """==: same receiver and same method."""
    return (isinstance(other, RMethodObj) and other.recv is recv.recv and other.name == recv.name) or truthy(
        recv is other
    )


@builtin(METHOD, "curry")
def method_curry(rt: Any, recv: RMethodObj, *args: Any, block: RProc | None = None) -> RProc:
    """curry(n)."""
    return proc_curry(rt, method_to_proc(rt, recv), *args)
