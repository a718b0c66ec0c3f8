"""Struct: classes with named members made by ``Struct.new(:a, :b, keyword_init: true) do ... end``."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.classes import STRUCT, builtin
from pydrake.runtime.objects import RClass, RHash, RObject, RProc, RString, Symbol, pystr, truthy

_KEY = "__struct"  # instance: the member values, in member order


def struct_info(rt: Any, cls: RClass) -> tuple[list[str], bool]:
    """The member names and keyword_init flag of a struct class (looked up along superclasses)."""
    cur: Any = cls
    while cur is not None:
        members = getattr(cur, "struct_members", None)
        if members is not None:
            return members, cur.struct_keyword_init
        cur = cur.superclass
    raise rt.error("TypeError", "uninitialized struct")


def _values(rt: Any, obj: Any) -> list[Any]:
    if type(obj) is not RObject:
        raise rt.error("TypeError", "not a struct")
    vals = obj.ivars.get(_KEY)
    if vals is None:
        members, _ = struct_info(rt, obj.cls)
        vals = obj.ivars[_KEY] = [None] * len(members)
    return vals


def _reader(index: int) -> Any:
    def read(rt: Any, recv: Any, block: RProc | None = None) -> Any:
        return _values(rt, recv)[index]

    return read


def _writer(index: int) -> Any:
    def write(rt: Any, recv: Any, value: Any, block: RProc | None = None) -> Any:
        if recv.frozen:
            raise rt.error("FrozenError", f"can't modify frozen {rt.real_class(recv).name}: {rt.inspect(recv)}")
        _values(rt, recv)[index] = value
        return value

    return write


@builtin(STRUCT, "new", singleton=True)
def struct_new(rt: Any, recv: RClass, *args: Any, block: RProc | None = None) -> Any:
    """Struct.new(:a, :b, keyword_init: true) { }: a new struct class; SomeStruct.new(...): an instance."""
    if recv is not STRUCT:
        return rt.new_object(recv, args, block)
    keyword_init = False
    if args and isinstance(args[-1], RHash):
        opts = args[-1]
        args = args[:-1]
        keyword_init = truthy(opts.get(Symbol.of("keyword_init")))
    name = None
    if args and isinstance(args[0], RString):
        name = args[0].s
        args = args[1:]
    members: list[str] = []
    for a in args:
        if not isinstance(a, (Symbol, RString)):
            raise rt.error("TypeError", f"{rt.inspect(a)} is not a symbol nor a string")
        m = pystr(a)
        if m in members:
            raise rt.error("ArgumentError", f"duplicate member: {m}")
        members.append(m)
    cls = rt.new_class(None, STRUCT)
    cls.struct_members = members
    cls.struct_keyword_init = keyword_init
    for i, m in enumerate(members):
        rt.add_method(cls, m, _reader(i))
        rt.add_method(cls, m + "=", _writer(i))
    if name is not None:
        rt.set_const(STRUCT, name, cls)
    if block is not None:
        rt.call_proc(block, (cls,), None, None, cls, None, cls)
    return cls


@builtin(STRUCT, "members", singleton=True)
def struct_s_members(rt: Any, recv: RClass, block: RProc | None = None) -> list[Symbol]:
    """SomeStruct.members."""
    return [Symbol.of(m) for m in struct_info(rt, recv)[0]]


@builtin(STRUCT, "keyword_init?", singleton=True)
def struct_s_keyword_init(rt: Any, recv: RClass, block: RProc | None = None) -> Any:
    """SomeStruct.keyword_init?."""
    return True if struct_info(rt, recv)[1] else None


@builtin(STRUCT, "initialize")
def struct_initialize(rt: Any, recv: RObject, *args: Any, block: RProc | None = None) -> None:
    """initialize(*values) or, with keyword_init, initialize(name: value, ...)."""
    members, keyword_init = struct_info(rt, recv.cls)
    vals = [None] * len(members)
    if keyword_init:
        if len(args) > 1 or (args and not isinstance(args[0], RHash)):
            raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected 0)")
        if args:
            unknown = []
            for k, v in args[0].items():
                key = pystr(k)
                if key in members:
                    vals[members.index(key)] = v
                else:
                    unknown.append(key)
            if unknown:
                raise rt.error("ArgumentError", f"unknown keywords: {', '.join(unknown)}")
    else:
        if len(args) > len(members):
            raise rt.error("ArgumentError", "struct size differs")
        vals[: len(args)] = args
    recv.ivars[_KEY] = vals


def _index(rt: Any, recv: RObject, key: Any) -> int:
    members, _ = struct_info(rt, recv.cls)
    if isinstance(key, int) and not isinstance(key, bool):
        n = len(members)
        i = key + n if key < 0 else key
        if not 0 <= i < n:
            which = "small" if key < 0 else "large"
            raise rt.error("IndexError", f"offset {key} too {which} for struct(size:{n})")
        return i
    name = pystr(key)
    if name not in members:
        raise rt.error("NameError", f"no member '{name}' in struct")
    return members.index(name)


@builtin(STRUCT, "[]")
def struct_aref(rt: Any, recv: RObject, key: Any, block: RProc | None = None) -> Any:
    """[index or name]."""
    return _values(rt, recv)[_index(rt, recv, key)]


@builtin(STRUCT, "[]=")
def struct_aset(rt: Any, recv: RObject, key: Any, value: Any, block: RProc | None = None) -> Any:
    """[index or name] = value."""
    _values(rt, recv)[_index(rt, recv, key)] = value
    return value


@builtin(STRUCT, "to_a", "values", "deconstruct")
def struct_to_a(rt: Any, recv: RObject, block: RProc | None = None) -> list[Any]:
    """to_a: the values in member order."""
    return list(_values(rt, recv))


@builtin(STRUCT, "members")
def struct_members(rt: Any, recv: RObject, block: RProc | None = None) -> list[Symbol]:
    """members: the member names."""
    return [Symbol.of(m) for m in struct_info(rt, recv.cls)[0]]


@builtin(STRUCT, "deconstruct_keys")
def struct_deconstruct_keys(rt: Any, recv: RObject, keys: Any, block: RProc | None = None) -> RHash:
    """deconstruct_keys(keys): member => value for the keys asked (all with nil), stopping at the
    first that is no member; more keys than members give {}."""
    members, _ = struct_info(rt, recv.cls)
    values = _values(rt, recv)
    if keys is None:
        return struct_to_h(rt, recv)
    if type(keys) is not list:
        raise rt.error("TypeError", f"wrong argument type {rt.real_class(keys).name} (expected Array or nil)")
    h = RHash()
    if len(keys) > len(members):
        return h
    for key in keys:
        if isinstance(key, Symbol | RString):
            name = key.name if isinstance(key, Symbol) else key.s
            if name not in members:
                return h
            h[key] = values[members.index(name)]
        elif type(key) is int and -len(members) <= key < len(members):
            h[key] = values[key]
        else:
            return h
    return h


@builtin(STRUCT, "to_h")
def struct_to_h(rt: Any, recv: RObject, block: RProc | None = None) -> RHash:
    """to_h { |name, value| }: member name => value."""
    h = RHash()
    members, _ = struct_info(rt, recv.cls)
    for m, v in zip(members, _values(rt, recv), strict=True):
        if block is not None:
            pair = rt.call_block(block, Symbol.of(m), v)
            h[pair[0]] = pair[1]
        else:
            h[Symbol.of(m)] = v
    return h


@builtin(STRUCT, "each")
def struct_each(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """each { |value| }."""
    for v in list(_values(rt, recv)):
        rt.call_block(block, v)
    return recv


@builtin(STRUCT, "each_pair")
def struct_each_pair(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    """each_pair { |name, value| }."""
    members, _ = struct_info(rt, recv.cls)
    for m, v in zip(members, list(_values(rt, recv)), strict=True):
        rt.call_block(block, Symbol.of(m), v)
    return recv


@builtin(STRUCT, "size", "length")
def struct_size(rt: Any, recv: RObject, block: RProc | None = None) -> int:
    """size: the number of members."""
    return len(struct_info(rt, recv.cls)[0])


@builtin(STRUCT, "==")
def struct_eq(rt: Any, recv: RObject, other: Any, block: RProc | None = None) -> bool:
    """==: same class and equal values."""
    if recv is other:
        return True
    if type(other) is not RObject or rt.real_class(other) is not rt.real_class(recv):
        return False
    a, b = _values(rt, recv), _values(rt, other)
    return all(rt.eq(x, y) for x, y in zip(a, b, strict=True))


@builtin(STRUCT, "eql?")
def struct_eql(rt: Any, recv: RObject, other: Any, block: RProc | None = None) -> bool:
    """eql?: same class and eql? values."""
    if type(other) is not RObject or rt.real_class(other) is not rt.real_class(recv):
        return False
    a, b = _values(rt, recv), _values(rt, other)
    return all(truthy(rt.call(x, "eql?", y)) for x, y in zip(a, b, strict=True))


@builtin(STRUCT, "hash")
def struct_hash(rt: Any, recv: RObject, block: RProc | None = None) -> int:
    """hash: from the class and the values."""
    return hash((id(rt.real_class(recv)), *(rt.call(v, "hash") for v in _values(rt, recv))))


@builtin(STRUCT, "dig")
def struct_dig(rt: Any, recv: RObject, key: Any, *rest: Any, block: RProc | None = None) -> Any:
    """dig(key, *rest)."""
    v = struct_aref(rt, recv, key)
    if rest and v is not None:
        return rt.call(v, "dig", *rest)
    return v


@builtin(STRUCT, "inspect", "to_s")
def struct_inspect(rt: Any, recv: RObject, block: RProc | None = None) -> RString:
    """inspect: ``#<struct Point x=1, y=2>``."""
    members, _ = struct_info(rt, recv.cls)
    cls = rt.real_class(recv)
    name = "" if cls.name is None else cls.name + " "
    seen = rt.thread_state().inspecting
    if id(recv) in seen:
        return RString(f"#<struct {name}:...>")
    seen.add(id(recv))
    try:
        parts = ", ".join(f"{m}={rt.inspect(v)}" for m, v in zip(members, _values(rt, recv), strict=True))
    finally:
        seen.discard(id(recv))
    return RString(f"#<struct {name}{parts}>")
