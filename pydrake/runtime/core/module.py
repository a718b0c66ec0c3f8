"""Module and Class: naming, ancestry, constants, attribute accessors, visibility, define_method, class_eval, new."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.classes import CLASS, MODULE, OBJECT, builtin
from pydrake.runtime.core.proc import UnboundMethodObj
from pydrake.runtime.environment import MISSING
from pydrake.runtime.objects import RClass, RMethodObj, RModule, RObject, RProc, RString, Symbol, pystr, truthy
from pydrake.runtime.tables import UNDEF, MetaClass, SingletonClass, UserMethod, is_owned

# ------------------------------------------------------------------ naming and comparison


@builtin(MODULE, "name")
def mod_name(rt: Any, recv: RModule, block: RProc | None = None) -> Any:
    """name: the full name, or nil for an anonymous module."""
    if recv.name is None or type(recv) in (MetaClass, SingletonClass):
        return None
    return RString(recv.name)


@builtin(MODULE, "to_s", "inspect")
def mod_to_s(rt: Any, recv: RModule, block: RProc | None = None) -> RString:
    """to_s/inspect: the name, or ``#<Class:...>``."""
    return RString(rt.module_name(recv))


@builtin(MODULE, "===")
def mod_case_eq(rt: Any, recv: RModule, obj: Any, block: RProc | None = None) -> bool:
    """===: whether obj is an instance of this class or module (what ``when`` and ``rescue`` use)."""
    return rt.is_a(obj, recv)


@builtin(MODULE, "==", "equal?", "eql?")
def mod_eq(rt: Any, recv: RModule, other: Any, block: RProc | None = None) -> bool:
    """==: identity."""
    return recv is other


@builtin(MODULE, "hash")
def mod_hash(rt: Any, recv: RModule, block: RProc | None = None) -> int:
    """hash."""
    return id(recv) >> 4


def _relation(rt: Any, a: RModule, b: Any) -> Any:
    if not isinstance(b, RModule):
        raise rt.error("TypeError", "compared with non class/module")
    if a is b:
        return 0
    if b in rt.ancestors(a):
        return -1
    if a in rt.ancestors(b):
        return 1
    return None


@builtin(MODULE, "<")
def mod_lt(rt: Any, recv: RModule, other: Any, block: RProc | None = None) -> Any:
    """<: a proper descendant of other (nil when unrelated)."""
    r = _relation(rt, recv, other)
    return None if r is None else r < 0


@builtin(MODULE, "<=")
def mod_le(rt: Any, recv: RModule, other: Any, block: RProc | None = None) -> Any:
    """<=: the same or a descendant (nil when unrelated)."""
    r = _relation(rt, recv, other)
    return None if r is None else r <= 0


@builtin(MODULE, ">")
def mod_gt(rt: Any, recv: RModule, other: Any, block: RProc | None = None) -> Any:
    """>: a proper ancestor of other (nil when unrelated)."""
    r = _relation(rt, recv, other)
    return None if r is None else r > 0


@builtin(MODULE, ">=")
def mod_ge(rt: Any, recv: RModule, other: Any, block: RProc | None = None) -> Any:
    """>=: the same or an ancestor (nil when unrelated)."""
    r = _relation(rt, recv, other)
    return None if r is None else r >= 0


@builtin(MODULE, "<=>")
def mod_cmp(rt: Any, recv: RModule, other: Any, block: RProc | None = None) -> Any:
    """<=>: -1, 0, 1 by ancestry, nil when unrelated."""
    if not isinstance(other, RModule):
        return None
    return _relation(rt, recv, other)


@builtin(MODULE, "ancestors")
def mod_ancestors(rt: Any, recv: RModule, block: RProc | None = None) -> list[RModule]:
    """ancestors: the method resolution order."""
    return list(rt.ancestors(recv))


@builtin(MODULE, "include?")
def mod_include_p(rt: Any, recv: RModule, mod: Any, block: RProc | None = None) -> bool:
    """include?(mod): whether mod is among the included modules."""
    return isinstance(mod, RModule) and not isinstance(mod, RClass) and mod is not recv and mod in rt.ancestors(recv)


@builtin(MODULE, "included_modules")
def mod_included_modules(rt: Any, recv: RModule, block: RProc | None = None) -> list[RModule]:
    """included_modules."""
    return [m for m in rt.ancestors(recv) if not isinstance(m, RClass)]


@builtin(MODULE, "freeze")
def mod_freeze(rt: Any, recv: RModule, block: RProc | None = None) -> RModule:
    """freeze: accepted."""
    return recv


# ------------------------------------------------------------------ include / extend / prepend


def _check_module(rt: Any, m: Any) -> RModule:
    if not isinstance(m, RModule) or isinstance(m, RClass):
        raise rt.error("TypeError", f"wrong argument type {rt.module_name(rt.real_class(m))} (expected Module)")
    return m


def _run_hook(rt: Any, mod: RModule, hook: str, arg: Any) -> None:
    fn = rt.resolve_singleton(mod, hook)
    if type(fn) is UserMethod:
        rt.invoke(fn, mod, (arg,), None, None)


@builtin(MODULE, "include")
def mod_include(rt: Any, recv: RModule, *mods: Any, block: RProc | None = None) -> RModule:
    """include(*modules): mix the modules' instance methods in (calls ``included``)."""
    for m in reversed(mods):
        rt.include_module(recv, _check_module(rt, m))
        _run_hook(rt, m, "included", recv)
    return recv


@builtin(MODULE, "prepend")
def mod_prepend(rt: Any, recv: RModule, *mods: Any, block: RProc | None = None) -> RModule:
    """prepend(*modules): put the modules before this one in the lookup order."""
    for m in reversed(mods):
        rt.prepend_module(recv, _check_module(rt, m))
        _run_hook(rt, m, "prepended", recv)
    return recv


@builtin(MODULE, "included", "extended", "prepended", "method_added", "extend_object", "append_features")
def mod_hook(rt: Any, recv: RModule, *args: Any, block: RProc | None = None) -> None:
    """The default hooks: nothing."""
    return None


@builtin(CLASS, "inherited")
def class_inherited(rt: Any, recv: RModule, sub: Any, block: RProc | None = None) -> None:
    """inherited: the default hook does nothing."""
    return None


# ------------------------------------------------------------------ methods


def method_names(rt: Any, mod: RModule, visibility: str) -> list[str]:
    """Names of ``mod``'s own instance methods with this visibility."""
    out: list[str] = []
    for name in rt.own_method_names(mod):
        m = rt.own_method(mod, name)
        vis = m.visibility if type(m) is UserMethod else "public"
        if vis == visibility or (visibility == "public" and vis == "protected"):
            out.append(name)
    return out


def _instance_methods(rt: Any, recv: RModule, args: tuple[Any, ...], visibility: str) -> list[Symbol]:
    inherit = truthy(args[0]) if args else True
    mods = rt.ancestors(recv) if inherit else [recv]
    names: list[str] = []
    for mod in mods:
        for n in method_names(rt, mod, visibility):
            if n not in names and rt.resolve(recv, n) is not None:
                names.append(n)
    return [Symbol.of(n) for n in names]


@builtin(MODULE, "instance_methods", "public_instance_methods")
def mod_instance_methods(rt: Any, recv: RModule, *args: Any, block: RProc | None = None) -> list[Symbol]:
    """instance_methods(inherit = true): names of the public instance methods."""
    return _instance_methods(rt, recv, args, "public")


@builtin(MODULE, "private_instance_methods")
def mod_private_instance_methods(rt: Any, recv: RModule, *args: Any, block: RProc | None = None) -> list[Symbol]:
    """private_instance_methods(inherit = true)."""
    return _instance_methods(rt, recv, args, "private")


def _visibility_of(rt: Any, recv: RModule, name: Any) -> str | None:
    m = rt.resolve(recv, pystr(name))
    if m is None:
        return None
    return m.visibility if type(m) is UserMethod else "public"


@builtin(MODULE, "method_defined?", "public_method_defined?")
def mod_method_defined(rt: Any, recv: RModule, name: Any, *args: Any, block: RProc | None = None) -> bool:
    """method_defined?(name): a public or protected instance method exists."""
    return _visibility_of(rt, recv, name) in ("public", "protected")


@builtin(MODULE, "private_method_defined?")
def mod_private_method_defined(rt: Any, recv: RModule, name: Any, *args: Any, block: RProc | None = None) -> bool:
    """private_method_defined?(name)."""
    return _visibility_of(rt, recv, name) == "private"


@builtin(MODULE, "protected_method_defined?")
def mod_protected_method_defined(rt: Any, recv: RModule, name: Any, *args: Any, block: RProc | None = None) -> bool:
    """protected_method_defined?(name)."""
    return _visibility_of(rt, recv, name) == "protected"


@builtin(MODULE, "instance_method", "public_instance_method")
def mod_instance_method(rt: Any, recv: RModule, name: Any, block: RProc | None = None) -> RMethodObj:
    """instance_method(name): the method, unbound (a Method whose receiver is nil)."""
    mname = pystr(name)
    if rt.resolve(recv, mname) is None:
        kind = "class" if isinstance(recv, RClass) else "module"
        err = rt.error("NameError", f"undefined method `{mname}' for {kind} `{rt.module_name(recv)}'")
        err.exc.ivars["__name"] = Symbol.of(mname)
        raise err
    return UnboundMethodObj(None, mname, recv)


def define_method_in(rt: Any, mod: RModule, name: str, body: Any, block: RProc | None) -> None:
    """Define ``name`` in ``mod`` from a block, a Proc or a Method."""
    fr = rt.frame()
    vis = "public"
    if fr is not None and fr.self_obj is mod and fr.vis == "private":
        vis = "private"
    src = body if body is not None else block
    if src is None:
        raise rt.error("ArgumentError", "tried to create Proc object without a block")
    if isinstance(src, RMethodObj):
        if isinstance(src, UnboundMethodObj):
            found = rt.find_method_in(src.owner, src.name)
        else:
            found = rt.find_method(src.recv, src.name)
        rt.add_method(mod, name, found)
        return
    if not isinstance(src, RProc):
        raise rt.error(
            "TypeError", f"wrong argument type {rt.real_class(src).name} (expected Proc/Method/UnboundMethod)"
        )
    owner, singleton = mod, False
    if type(mod) is MetaClass:
        owner, singleton = mod.attached, True
    if src.native is not None:
        rt.add_method(mod, name, lambda rt_, recv, *a, block=None: src.native(*a))
        return
    rt.add_method(mod, name, rt.make_method(name, src, owner, vis, singleton))


@builtin(MODULE, "define_method")
def mod_define_method(rt: Any, recv: RModule, name: Any, body: Any = None, block: RProc | None = None) -> Symbol:
    """define_method(name) { |args| } or define_method(name, proc_or_method)."""
    mname = pystr(name)
    define_method_in(rt, recv, mname, body, block)
    return Symbol.of(mname)


@builtin(MODULE, "alias_method")
def mod_alias_method(rt: Any, recv: RModule, new: Any, old: Any, block: RProc | None = None) -> Symbol:
    """alias_method(new, old)."""
    rt.alias_method(recv, pystr(new), pystr(old))
    return Symbol.of(pystr(new))


@builtin(MODULE, "remove_method")
def mod_remove_method(rt: Any, recv: RModule, *names: Any, block: RProc | None = None) -> RModule:
    """remove_method(*names): delete the module's own definitions."""
    for n in names:
        name = pystr(n)
        table = rt.tables(recv).methods
        if name not in table:
            raise rt.error("NameError", f"method `{name}' not defined in {rt.module_name(recv)}")
        del table[name]
        rt.invalidate()
    return recv


@builtin(MODULE, "undef_method")
def mod_undef_method(rt: Any, recv: RModule, *names: Any, block: RProc | None = None) -> RModule:
    """undef_method(*names): hide the methods, inherited ones included."""
    for n in names:
        rt.add_method(recv, pystr(n), UNDEF)
    return recv


# ------------------------------------------------------------------ attribute accessors


def _attr_names(rt: Any, names: tuple[Any, ...]) -> list[str]:
    out = []
    for n in names:
        if not isinstance(n, (Symbol, RString)):
            raise rt.error("TypeError", f"{rt.inspect(n)} is not a symbol nor a string")
        out.append(pystr(n))
    return out


def make_reader(key: str) -> Any:
    """A built-in returning the instance variable ``key``."""

    def reader(rt: Any, recv: Any, block: RProc | None = None) -> Any:
        if type(recv) is RObject:
            return recv.ivars.get(key)
        return rt.ivars_of(recv).get(key)

    reader.__name__ = f"attr_reader_{key[1:]}"
    return reader


def make_writer(key: str) -> Any:
    """A built-in setting the instance variable ``key``."""

    def writer(rt: Any, recv: Any, value: Any, block: RProc | None = None) -> Any:
        rt.set_ivar(recv, key, value)
        return value

    writer.__name__ = f"attr_writer_{key[1:]}"
    return writer


@builtin(MODULE, "attr_reader", "attr")
def mod_attr_reader(rt: Any, recv: RModule, *names: Any, block: RProc | None = None) -> list[Symbol]:
    """attr_reader(*names)."""
    out = []
    for name in _attr_names(rt, names):
        rt.add_method(recv, name, make_reader("@" + name))
        out.append(Symbol.of(name))
    return out


@builtin(MODULE, "attr_writer")
def mod_attr_writer(rt: Any, recv: RModule, *names: Any, block: RProc | None = None) -> list[Symbol]:
    """attr_writer(*names)."""
    out = []
    for name in _attr_names(rt, names):
        rt.add_method(recv, name + "=", make_writer("@" + name))
        out.append(Symbol.of(name + "="))
    return out


@builtin(MODULE, "attr_accessor")
def mod_attr_accessor(rt: Any, recv: RModule, *names: Any, block: RProc | None = None) -> list[Symbol]:
    """attr_accessor(*names)."""
    out = []
    for name in _attr_names(rt, names):
        rt.add_method(recv, name, make_reader("@" + name))
        rt.add_method(recv, name + "=", make_writer("@" + name))
        out += [Symbol.of(name), Symbol.of(name + "=")]
    return out


# ------------------------------------------------------------------ visibility


def _flat_names(names: tuple[Any, ...]) -> list[Any]:
    out: list[Any] = []
    for n in names:
        if isinstance(n, list):
            out.extend(n)
        else:
            out.append(n)
    return out


def set_visibility(rt: Any, mod: RModule, vis: str, names: tuple[Any, ...]) -> Any:
    """private/public/protected/module_function: with no names, for the definitions that follow."""
    if not names:
        fr = rt.frame()
        if fr is not None:
            fr.vis = vis
        return None
    for n in _flat_names(names):
        name = pystr(n)
        m = rt.find_method_in(mod, name)
        if m is None:
            kind = "class" if isinstance(mod, RClass) else "module"
            raise rt.error("NameError", f"undefined method `{name}' for {kind} `{rt.module_name(mod)}'")
        if vis == "module_function":
            if type(m) is UserMethod:
                sm = m.with_visibility("public")
                sm.singleton = True
                rt.add_smethod(mod, name, sm)
                rt.add_method(mod, name, m.with_visibility("private"))
            else:
                rt.add_smethod(mod, name, m)
        elif type(m) is UserMethod and m.visibility != vis:
            rt.add_method(mod, name, m.with_visibility(vis))
    return names[0] if len(names) == 1 else list(names)


def _visibility(vis: str) -> Any:
    def apply(rt: Any, recv: RModule, *names: Any, block: RProc | None = None) -> Any:
        return set_visibility(rt, recv, vis, names)

    apply.__name__ = vis
    return apply


builtin(MODULE, "private")(_visibility("private"))
builtin(MODULE, "public")(_visibility("public"))
builtin(MODULE, "protected")(_visibility("protected"))
builtin(MODULE, "module_function")(_visibility("module_function"))


@builtin(MODULE, "private_constant", "public_constant", "deprecate_constant")
def mod_private_constant(rt: Any, recv: RModule, *names: Any, block: RProc | None = None) -> None:
    """private_constant: accepted (constants stay reachable)."""
    return None


@builtin(MODULE, "private_class_method", "public_class_method")
def mod_private_class_method(rt: Any, recv: RModule, *names: Any, block: RProc | None = None) -> None:
    """private_class_method: accepted (class methods stay public)."""
    return None


@builtin(MODULE, "ruby2_keywords")
def mod_ruby2_keywords(rt: Any, recv: RModule, *names: Any, block: RProc | None = None) -> None:
    """ruby2_keywords: accepted."""
    return None


# ------------------------------------------------------------------ constants


def _const_name(rt: Any, name: Any) -> str:
    text = pystr(name)
    if not text or not text[0].isupper():
        raise rt.error("NameError", f"wrong constant name {text}")
    return text


@builtin(MODULE, "const_get")
def mod_const_get(rt: Any, recv: RModule, name: Any, inherit: Any = True, block: RProc | None = None) -> Any:
    """const_get(name, inherit = true); "A::B" paths too."""
    mod = recv
    parts = pystr(name).split("::")
    if parts and parts[0] == "":
        mod = OBJECT
        parts = parts[1:]
    value: Any = mod
    for part in parts:
        part = _const_name(rt, part)
        if not isinstance(value, RModule):
            raise rt.error("TypeError", f"{rt.inspect(value)} is not a class/module")
        if truthy(inherit):
            value = rt.scoped_const(value, part, False)
        else:
            value = rt.own_const(value, part, MISSING)
            if value is MISSING:
                raise rt.error("NameError", f"uninitialized constant {rt.module_name(recv)}::{part}")
    return value


@builtin(MODULE, "const_set")
def mod_const_set(rt: Any, recv: RModule, name: Any, value: Any, block: RProc | None = None) -> Any:
    """const_set(name, value)."""
    rt.set_const(recv, _const_name(rt, name), value)
    return value


@builtin(MODULE, "const_defined?")
def mod_const_defined(rt: Any, recv: RModule, name: Any, inherit: Any = True, block: RProc | None = None) -> bool:
    """const_defined?(name, inherit = true)."""
    try:
        mod_const_get(rt, recv, name, inherit)
    except Exception:  # noqa: BLE001 - any failure means "not defined"
        return False
    return True


@builtin(MODULE, "constants")
def mod_constants(rt: Any, recv: RModule, *args: Any, block: RProc | None = None) -> list[Symbol]:
    """constants: names defined in this module."""
    return [Symbol.of(n) for n in rt.const_names(recv)]


@builtin(MODULE, "remove_const")
def mod_remove_const(rt: Any, recv: RModule, name: Any, block: RProc | None = None) -> Any:
    """remove_const(name): its old value."""
    key = pystr(name)
    table = rt.tables(recv).constants
    if key not in table:
        raise rt.error("NameError", f"constant {rt.module_name(recv)}::{key} not defined")
    return table.pop(key)


@builtin(MODULE, "const_missing")
def mod_const_missing(rt: Any, recv: RModule, name: Any, block: RProc | None = None) -> Any:
    """const_missing(name): NameError."""
    prefix = "" if recv is OBJECT else f"{rt.module_name(recv)}::"
    raise rt.error("NameError", f"uninitialized constant {prefix}{pystr(name)}")


# ------------------------------------------------------------------ class variables


@builtin(MODULE, "class_variable_get")
def mod_cvar_get(rt: Any, recv: RModule, name: Any, block: RProc | None = None) -> Any:
    """class_variable_get(:@@x)."""
    key = pystr(name)
    holder = rt.cvar_holder(recv, key)
    if holder is None:
        raise rt.error("NameError", f"uninitialized class variable {key} in {rt.module_name(recv)}")
    return holder.cvars[key]


@builtin(MODULE, "class_variable_set")
def mod_cvar_set(rt: Any, recv: RModule, name: Any, value: Any, block: RProc | None = None) -> Any:
    """class_variable_set(:@@x, value)."""
    key = pystr(name)
    holder = rt.cvar_holder(recv, key) or rt.tables(recv)
    holder.cvars[key] = value
    return value


@builtin(MODULE, "class_variable_defined?")
def mod_cvar_defined(rt: Any, recv: RModule, name: Any, block: RProc | None = None) -> bool:
    """class_variable_defined?(:@@x)."""
    return rt.cvar_holder(recv, pystr(name)) is not None


@builtin(MODULE, "class_variables")
def mod_cvars(rt: Any, recv: RModule, *args: Any, block: RProc | None = None) -> list[Symbol]:
    """class_variables."""
    names: list[str] = []
    for a in rt.ancestors(recv):
        t = a if is_owned(a) else rt.overlay(a)
        for n in getattr(t, "cvars", {}):
            if n not in names:
                names.append(n)
    return [Symbol.of(n) for n in names]


# ------------------------------------------------------------------ evaluation in a module


@builtin(MODULE, "class_eval", "module_eval", "class_exec", "module_exec")
def mod_class_eval(rt: Any, recv: RModule, *args: Any, block: RProc | None = None) -> Any:
    """class_eval { } / class_exec(*args) { }: run the block with self = the module, defining into it."""
    if block is None:
        if args and isinstance(args[0], RString):
            return rt.eval_in(recv, args[0].s, recv, cref_module=recv)
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1..3)")
    if block.native is not None:
        return block.native(*(args or (recv,)))
    return rt.call_proc(block, args if args else (recv,), None, None, recv, None, recv)


# ------------------------------------------------------------------ Class


@builtin(CLASS, "new")
def class_new_instance(rt: Any, recv: RClass, *args: Any, block: RProc | None = None) -> Any:
    """new(*args): allocate an instance and call initialize."""
    return rt.new_object(recv, args, block)


@builtin(CLASS, "allocate")
def class_allocate(rt: Any, recv: RClass, block: RProc | None = None) -> RObject:
    """allocate: an instance without initialize."""
    return RObject(recv)


@builtin(CLASS, "superclass")
def class_superclass(rt: Any, recv: RClass, block: RProc | None = None) -> Any:
    """superclass: the parent class (nil for BasicObject)."""
    sup = recv.superclass
    while sup is not None and type(sup) is SingletonClass:
        sup = sup.superclass
    return sup


@builtin(CLASS, "new", singleton=True)
def class_s_new(rt: Any, recv: RClass, superclass: Any = None, block: RProc | None = None) -> RClass:
    """Class.new(superclass = Object) { }: an anonymous class."""
    if superclass is None:
        superclass = OBJECT
    if not isinstance(superclass, RClass):
        raise rt.error(
            "TypeError",
            f"superclass must be an instance of Class (given an instance of {rt.real_class(superclass).name})",
        )
    cls = rt.new_class(None, superclass)
    _run_hook(rt, superclass, "inherited", cls)
    if block is not None:
        rt.call_proc(block, (cls,), None, None, cls, None, cls)
    return cls


@builtin(MODULE, "new", singleton=True)
def module_s_new(rt: Any, recv: RModule, block: RProc | None = None) -> RModule:
    """Module.new { }: an anonymous module."""
    mod = rt.new_module(None)
    if block is not None:
        rt.call_proc(block, (mod,), None, None, mod, None, mod)
    return mod
