"""BasicObject and the Kernel instance methods every object has: identity, reflection, send, copying."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.classes import BASIC_OBJECT, KERNEL, builtin
from pydrake.runtime.objects import (
    RClass,
    RHash,
    RMethodObj,
    RModule,
    RObject,
    RProc,
    RRange,
    RString,
    Symbol,
    pystr,
    truthy,
)

# ------------------------------------------------------------------ BasicObject


@builtin(BASIC_OBJECT, "initialize")
def bo_initialize(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> None:
    """BasicObject#initialize: accepts anything, does nothing."""
    return None


@builtin(BASIC_OBJECT, "==", "equal?")
def bo_equal(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """==/equal?: identity (Integers, Floats and Symbols by value)."""
    if recv is other:
        return True
    t = type(recv)
    if t in (int, float) and type(other) is t:
        return recv == other
    return False


@builtin(BASIC_OBJECT, "!=")
def bo_not_equal(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """!=: the negation of ==."""
    return not truthy(rt.call(recv, "==", other))


@builtin(BASIC_OBJECT, "!")
def bo_not(rt: Any, recv: Any, block: RProc | None = None) -> bool:
    """!: true for nil and false."""
    return recv is None or recv is False


@builtin(BASIC_OBJECT, "__id__")
def bo_id(rt: Any, recv: Any, block: RProc | None = None) -> int:
    """__id__: the object id."""
    return object_id(recv)


@builtin(BASIC_OBJECT, "__send__")
def bo_send(rt: Any, recv: Any, name: Any, *args: Any, block: RProc | None = None) -> Any:
    """__send__: call a method by name (private ones too)."""
    return rt.send(recv, _method_name(rt, name), args, None, block, True)


@builtin(BASIC_OBJECT, "instance_eval", "instance_exec")
def bo_instance_eval(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """instance_eval { } / instance_exec(*args) { }: run the block with self = recv."""
    if block is None:
        if args and isinstance(args[0], RString):
            return rt.eval_in(recv, args[0].s, _definee_for(rt, recv))
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1..3)")
    if block.native is not None:
        return block.native(*(args or (recv,)))
    call_args = args if args else (recv,)
    return rt.call_proc(block, call_args, None, None, recv, None, _definee_for(rt, recv))


def _definee_for(rt: Any, recv: Any) -> Any:
    if type(recv) is RObject or isinstance(recv, RModule):
        try:
            return rt.singleton_class(recv)
        except TypeError:
            return None
    return None


@builtin(BASIC_OBJECT, "method_missing")
def bo_method_missing(rt: Any, recv: Any, name: Any, *args: Any, block: RProc | None = None) -> Any:
    """method_missing: raise NoMethodError."""
    raise rt.no_method_error(recv, pystr(name))


@builtin(BASIC_OBJECT, "singleton_method_added")
def bo_singleton_method_added(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> None:
    """singleton_method_added: a hook that does nothing."""
    return None


# ------------------------------------------------------------------ identity and class


def object_id(value: Any) -> int:
    """Ruby-like object ids: 2n+1 for Integers, 8 for nil, 20 for true, 0 for false."""
    if value is None:
        return 8
    if value is True:
        return 20
    if value is False:
        return 0
    if type(value) is int:
        return 2 * value + 1
    return (id(value) >> 3) << 3


@builtin(KERNEL, "object_id")
def k_object_id(rt: Any, recv: Any, block: RProc | None = None) -> int:
    """object_id."""
    return object_id(recv)


@builtin(KERNEL, "class")
def k_class(rt: Any, recv: Any, block: RProc | None = None) -> RClass:
    """class: the object's class (never a singleton class)."""
    return rt.real_class(recv)


@builtin(KERNEL, "singleton_class")
def k_singleton_class(rt: Any, recv: Any, block: RProc | None = None) -> RClass:
    """singleton_class."""
    try:
        return rt.singleton_class(recv)
    except TypeError:
        raise rt.error("TypeError", "can't define singleton") from None


@builtin(KERNEL, "inspect")
def k_inspect(rt: Any, recv: Any, block: RProc | None = None) -> RString:
    """inspect: ``#<Foo>``, or ``#<Foo:0x... @a=1, @b="x">`` when it has instance variables."""
    return RString(default_inspect(rt, recv))


def default_inspect(rt: Any, recv: Any) -> str:
    """Object#inspect text."""
    if isinstance(recv, RModule):
        return rt.module_name(recv)
    ivars = {k: v for k, v in rt.ivars_of(recv).items() if k.startswith("@")} if type(recv) is RObject else {}
    name = rt.module_name(rt.real_class(recv))
    if not ivars:
        return f"#<{name}>"
    addr = f"0x{id(recv):016x}"
    seen = rt.thread_state().inspecting
    if id(recv) in seen:
        return f"#<{name}:{addr} ...>"
    seen.add(id(recv))
    try:
        parts = ", ".join(f"{k}={rt.inspect(v)}" for k, v in ivars.items())
    finally:
        seen.discard(id(recv))
    return f"#<{name}:{addr} {parts}>"


@builtin(KERNEL, "to_s")
def k_to_s(rt: Any, recv: Any, block: RProc | None = None) -> RString:
    """to_s: ``#<Foo>``."""
    return RString(rt.any_to_s(recv))


@builtin(KERNEL, "nil?")
def k_nil_p(rt: Any, recv: Any, block: RProc | None = None) -> bool:
    """nil?."""
    return recv is None


@builtin(KERNEL, "eql?")
def k_eql(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """eql?: identity (values of the same class for Integers, Floats, Strings, Symbols)."""
    if recv is other:
        return True
    if type(recv) is type(other) and type(recv) in (int, float, RString, Symbol, RRange):
        return recv == other
    return False


@builtin(KERNEL, "hash")
def k_hash(rt: Any, recv: Any, block: RProc | None = None) -> int:
    """hash: identity-based for plain objects."""
    try:
        return hash(recv)
    except TypeError:
        return id(recv)


@builtin(KERNEL, "===")
def k_case_eq(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """===: identity or ==."""
    return recv is other or rt.eq(recv, other)


@builtin(KERNEL, "<=>")
def k_compare(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> int | None:
    """<=> (Object#<=>): 0 for the same object or an == one, else nil."""
    return 0 if recv is other or rt.eq(recv, other) else None


@builtin(KERNEL, "=~")
def k_match(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> None:
    """=~: nil for objects that do not match."""
    return None


@builtin(KERNEL, "!~")
def k_not_match(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """!~: the negation of =~."""
    return not truthy(rt.call(recv, "=~", other))


@builtin(KERNEL, "is_a?", "kind_of?")
def k_is_a(rt: Any, recv: Any, cls: Any, block: RProc | None = None) -> bool:
    """is_a?/kind_of?: the class, a superclass or an included module."""
    if not isinstance(cls, RModule):
        raise rt.error("TypeError", "class or module required")
    return rt.is_a(recv, cls)


@builtin(KERNEL, "instance_of?")
def k_instance_of(rt: Any, recv: Any, cls: Any, block: RProc | None = None) -> bool:
    """instance_of?: exactly this class."""
    if not isinstance(cls, RModule):
        raise rt.error("TypeError", "class or module required")
    return rt.real_class(recv) is cls


# ------------------------------------------------------------------ sending and reflection


def _method_name(rt: Any, name: Any) -> str:
    if isinstance(name, (Symbol, RString)):
        return pystr(name)
    raise rt.error("TypeError", f"{rt.inspect(name)} is not a symbol nor a string")


@builtin(KERNEL, "send")
def k_send(rt: Any, recv: Any, name: Any, *args: Any, block: RProc | None = None) -> Any:
    """send: call a method by name (private ones too)."""
    return rt.send(recv, _method_name(rt, name), args, None, block, True)


@builtin(KERNEL, "public_send")
def k_public_send(rt: Any, recv: Any, name: Any, *args: Any, block: RProc | None = None) -> Any:
    """public_send: call a public method by name."""
    return rt.send(recv, _method_name(rt, name), args, None, block, False)


@builtin(KERNEL, "respond_to?")
def k_respond_to(rt: Any, recv: Any, name: Any, include_all: Any = False, block: RProc | None = None) -> bool:
    """respond_to?(name, include_all = false)."""
    return rt.respond_to(recv, _method_name(rt, name), truthy(include_all))


@builtin(KERNEL, "respond_to_missing?")
def k_respond_to_missing(rt: Any, recv: Any, name: Any, include_all: Any = False, block: RProc | None = None) -> bool:
    """respond_to_missing?: false."""
    return False


@builtin(KERNEL, "method", "public_method")
def k_method(rt: Any, recv: Any, name: Any, block: RProc | None = None) -> RMethodObj:
    """method(:name): a Method object."""
    mname = _method_name(rt, name)
    if rt.find_method(recv, mname) is None and not rt.respond_to(recv, mname, True):
        err = rt.error("NameError", f"undefined method `{mname}' for {rt.describe_class_of(recv)}")
        err.exc.ivars["__name"] = Symbol.of(mname)
        raise err
    return RMethodObj(recv, mname)


@builtin(KERNEL, "methods", "public_methods")
def k_methods(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> list[Symbol]:
    """methods: names of the public methods."""
    from pydrake.runtime.core.module import method_names

    names: list[str] = []
    if isinstance(recv, RModule):
        names += rt.singleton_method_names(recv)
    for mod in rt.ancestors(rt.class_for_lookup(recv)):
        for n in method_names(rt, mod, "public"):
            if n not in names:
                names.append(n)
    return [Symbol.of(n) for n in names]


@builtin(KERNEL, "singleton_methods")
def k_singleton_methods(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> list[Symbol]:
    """singleton_methods: methods defined on this object alone."""
    if isinstance(recv, RModule):
        return [Symbol.of(n) for n in rt.singleton_method_names(recv)]
    from pydrake.runtime.tables import SingletonClass

    cls = rt.class_for_lookup(recv)
    if type(cls) is SingletonClass:
        return [Symbol.of(n) for n in rt.own_method_names(cls) if n not in ("to_s", "inspect") or recv is not rt.main]
    return []


@builtin(KERNEL, "define_singleton_method")
def k_define_singleton_method(rt: Any, recv: Any, name: Any, body: Any = None, block: RProc | None = None) -> Symbol:
    """define_singleton_method(name) { }."""
    from pydrake.runtime.core.module import define_method_in

    mname = _method_name(rt, name)
    if isinstance(recv, RModule):
        define_method_in(rt, rt.meta_of(recv), mname, body, block)
    else:
        define_method_in(rt, rt.singleton_class(recv), mname, body, block)
    return Symbol.of(mname)


@builtin(KERNEL, "extend")
def k_extend(rt: Any, recv: Any, *mods: Any, block: RProc | None = None) -> Any:
    """extend(*modules): add the modules' methods to this object alone."""
    from pydrake.runtime.tables import UserMethod

    for m in reversed(mods):
        if not isinstance(m, RModule) or isinstance(m, RClass):
            raise rt.error("TypeError", f"wrong argument type {rt.real_class(m).name} (expected Module)")
        if isinstance(recv, RModule):
            rt.extend_module(recv, m)
        else:
            try:
                sc = rt.singleton_class(recv)
            except TypeError:
                raise rt.error("TypeError", "can't define singleton") from None
            rt.include_module(sc, m)
        hook = rt.resolve_singleton(m, "extended")
        if type(hook) is UserMethod:
            rt.invoke(hook, m, (recv,), None, None)
    return recv


# ------------------------------------------------------------------ instance variables


def _ivar_name(rt: Any, name: Any) -> str:
    text = pystr(name)
    if not text.startswith("@") or text.startswith("@@") or len(text) < 2:
        raise rt.error("NameError", f"'{text}' is not allowed as an instance variable name")
    return text


@builtin(KERNEL, "instance_variable_get")
def k_ivar_get(rt: Any, recv: Any, name: Any, block: RProc | None = None) -> Any:
    """instance_variable_get(:@x)."""
    return rt.ivars_of(recv).get(_ivar_name(rt, name))


@builtin(KERNEL, "instance_variable_set")
def k_ivar_set(rt: Any, recv: Any, name: Any, value: Any, block: RProc | None = None) -> Any:
    """instance_variable_set(:@x, value)."""
    rt.set_ivar(recv, _ivar_name(rt, name), value)
    return value


@builtin(KERNEL, "instance_variable_defined?")
def k_ivar_defined(rt: Any, recv: Any, name: Any, block: RProc | None = None) -> bool:
    """instance_variable_defined?(:@x)."""
    return _ivar_name(rt, name) in rt.ivars_of(recv)


@builtin(KERNEL, "instance_variables")
def k_ivars(rt: Any, recv: Any, block: RProc | None = None) -> list[Symbol]:
    """instance_variables."""
    return [Symbol.of(k) for k in rt.ivars_of(recv) if k.startswith("@") and k != "@message"]


@builtin(KERNEL, "remove_instance_variable")
def k_remove_ivar(rt: Any, recv: Any, name: Any, block: RProc | None = None) -> Any:
    """remove_instance_variable(:@x): its old value."""
    key = _ivar_name(rt, name)
    ivars = rt.ivars_of(recv)
    if key not in ivars:
        raise rt.error("NameError", f"instance variable {key} not defined")
    return ivars.pop(key)


# ------------------------------------------------------------------ freezing and copying


@builtin(KERNEL, "freeze")
def k_freeze(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """freeze."""
    if hasattr(recv, "frozen") and not isinstance(recv, type):
        try:
            recv.frozen = True
        except AttributeError:
            pass
    return recv


@builtin(KERNEL, "frozen?")
def k_frozen(rt: Any, recv: Any, block: RProc | None = None) -> bool:
    """frozen?: always true for nil, true, false, numbers and Symbols."""
    if recv is None or type(recv) in (bool, int, float, Symbol):
        return True
    return bool(getattr(recv, "frozen", False))


def copy_value(rt: Any, recv: Any, keep_frozen: bool) -> Any:
    """A shallow copy (dup/clone)."""
    t = type(recv)
    if recv is None or t in (bool, int, float, Symbol):
        return recv
    if t is RObject:
        obj = RObject(rt.real_class(recv) if not keep_frozen else recv.cls)
        obj.ivars = dict(recv.ivars)
        obj.frozen = recv.frozen and keep_frozen
        init = rt.find_method(obj, "initialize_copy")
        from pydrake.runtime.tables import UserMethod

        if type(init) is UserMethod:
            rt.invoke(init, obj, (recv,), None, None)
        return obj
    if t is RString:
        return RString(recv.s, recv.frozen and keep_frozen)
    if t is list:
        return list(recv)
    if t is RHash:
        h = RHash(recv)
        h.default = recv.default
        h.default_proc = recv.default_proc
        h.frozen = recv.frozen and keep_frozen
        return h
    if isinstance(recv, RModule):
        return rt.copy_module(recv)
    if t is RProc:
        return recv
    return recv


@builtin(KERNEL, "dup")
def k_dup(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """dup: a shallow copy, not frozen."""
    return copy_value(rt, recv, False)


@builtin(KERNEL, "clone")
def k_clone(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """clone(freeze: true): a shallow copy keeping frozen state and singleton methods."""
    keep = True
    if args and isinstance(args[-1], RHash) and Symbol.of("freeze") in args[-1]:
        keep = truthy(args[-1][Symbol.of("freeze")])
    return copy_value(rt, recv, keep)


# ------------------------------------------------------------------ small conveniences


@builtin(KERNEL, "tap")
def k_tap(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """tap { |x| }: yields self, returns self."""
    if block is None:
        raise rt.error("LocalJumpError", "no block given (yield)")
    rt.call_block(block, recv)
    return recv


@builtin(KERNEL, "then", "yield_self")
def k_then(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """then { |x| }: the block's value."""
    if block is None:
        from pydrake.runtime.core.enumerable import make_enum

        return make_enum(recv, "then")
    return rt.call_block(block, recv)


@builtin(KERNEL, "itself")
def k_itself(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """itself."""
    return recv


@builtin(KERNEL, "display")
def k_display(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> None:
    """display: print to_s."""
    rt.stdout.write(rt.to_s(recv))


@builtin(KERNEL, "to_enum", "enum_for")
def k_to_enum(rt: Any, recv: Any, meth: Any = None, *args: Any, block: RProc | None = None) -> Any:
    """to_enum(:meth, *args): an Enumerator over ``recv.meth(*args)``."""
    from pydrake.runtime.core.enumerable import make_enum

    return make_enum(recv, "each" if meth is None else pystr(meth), *args)
