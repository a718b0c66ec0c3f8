"""``require "set"``: Ruby's Set, a collection of unique values kept in insertion order."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydrake.runtime.classes import ENUMERABLE, OBJECT, builtin, register_type
from pydrake.runtime.core.enumerable import (
    eql_key,
    guard,
    make_enum,
    register_iterator,
    store_key,
    values,
)
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RClass, RHash, RProc, RString, truthy

SET = RClass("Set", OBJECT)
SET.includes.append(ENUMERABLE)


class RSet:
    """A Ruby Set: ``h`` maps each member's ``eql?`` key to the member, in insertion order."""

    __slots__ = ("h", "frozen")

    def __init__(self) -> None:
        self.h: dict[Any, Any] = {}
        self.frozen = False

    def members(self) -> list[Any]:
        """The members in insertion order."""
        return list(self.h.values())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RSet) and len(other.h) == len(self.h) and all(k in other.h for k in self.h)

    def __hash__(self) -> int:
        return hash((RSet, frozenset(self.h)))

    def __repr__(self) -> str:
        return f"RSet({self.members()!r})"


register_type(RSet, SET)
register_iterator(SET, lambda rt, s: s.members())


def new_set(rt: Any, items: Iterable[Any] = ()) -> RSet:
    """A Set of ``items``."""
    s = RSet()
    for item in items:
        _put(rt, s, item)
    return s


def _put(rt: Any, s: RSet, value: Any) -> None:
    key = eql_key(value)
    if key not in s.h:
        s.h[key] = value if isinstance(value, RHash) else store_key(rt, value)


def enum_values(rt: Any, value: Any) -> list[Any]:
    """The members of an enumerable argument (ArgumentError "value must be enumerable" otherwise)."""
    if isinstance(value, RSet):
        return value.members()
    if isinstance(value, (list, RHash)) or (
        value is not None and not isinstance(value, (bool, int, float, RString)) and rt.responds_to(value, "each")
    ):
        return list(values(rt, value))
    raise rt.error("ArgumentError", "value must be enumerable")


def _set_arg(rt: Any, value: Any) -> RSet:
    if not isinstance(value, RSet):
        raise rt.error("ArgumentError", "value must be a set")
    return value


def _check_frozen(rt: Any, s: RSet) -> None:
    if s.frozen:
        shown = ", ".join(f"{rt.inspect(x)}=>true" for x in s.members())
        raise rt.error("FrozenError", f"can't modify frozen Hash: {{{shown}}}")


def _has(rt: Any, s: RSet, value: Any) -> bool:
    try:
        return eql_key(value) in s.h
    except TypeError:
        return False


def _add(rt: Any, s: RSet, value: Any) -> None:
    _check_frozen(rt, s)
    _put(rt, s, value)


# ---------------------------------------------------------------- construction


@builtin(SET, "new", singleton=True)
def set_new(rt: Any, cls: Any, enum: Any = None, block: RProc | None = None) -> RSet:
    """Set.new(enum = nil) { |x| }: the members of ``enum`` (mapped through the block)."""
    if enum is None:
        return RSet()
    items = enum_values(rt, enum)
    if block is not None:
        items = [rt.call_block(block, x) for x in items]
    return new_set(rt, items)


@builtin(SET, "[]", singleton=True)
def set_brackets(rt: Any, cls: Any, *items: Any, block: RProc | None = None) -> RSet:
    """Set[a, b, c]."""
    return new_set(rt, items)


def enum_to_set(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> RSet:
    """Enumerable#to_set (the receiver itself for a Set)."""
    if isinstance(recv, RSet):
        return recv
    return set_new(rt, SET, recv, block=block)


# ---------------------------------------------------------------- members


@builtin(SET, "add", "<<")
def set_add(rt: Any, recv: RSet, value: Any, block: RProc | None = None) -> RSet:
    """add(o) / << o: the Set."""
    _add(rt, recv, value)
    return recv


@builtin(SET, "add?")
def set_add_p(rt: Any, recv: RSet, value: Any, block: RProc | None = None) -> Any:
    """add?(o): the Set when ``o`` was added, nil when it was already there."""
    if _has(rt, recv, value):
        return None
    _add(rt, recv, value)
    return recv


@builtin(SET, "delete")
def set_delete(rt: Any, recv: RSet, value: Any, block: RProc | None = None) -> RSet:
    """delete(o): the Set."""
    _check_frozen(rt, recv)
    if _has(rt, recv, value):
        del recv.h[eql_key(value)]
    return recv


@builtin(SET, "delete?")
def set_delete_p(rt: Any, recv: RSet, value: Any, block: RProc | None = None) -> Any:
    """delete?(o): the Set when ``o`` was removed, nil when it was not there."""
    if not _has(rt, recv, value):
        return None
    return set_delete(rt, recv, value)


@builtin(SET, "include?", "member?", "===", "contain?")
def set_include(rt: Any, recv: RSet, value: Any, block: RProc | None = None) -> bool:
    """include?(o) / member? / ===."""
    return _has(rt, recv, value)


@builtin(SET, "size", "length")
def set_size(rt: Any, recv: RSet, block: RProc | None = None) -> int:
    """size / length."""
    return len(recv.h)


@builtin(SET, "empty?")
def set_empty(rt: Any, recv: RSet, block: RProc | None = None) -> bool:
    """empty?."""
    return not recv.h


@builtin(SET, "each")
def set_each(rt: Any, recv: RSet, block: RProc | None = None) -> Any:
    """each { |o| }: the Set; an Enumerator without a block."""
    if block is None:
        return make_enum(recv, "each")
    for item in recv.members():
        rt.call_block(block, item)
    return recv


@builtin(SET, "to_a")
def set_to_a(rt: Any, recv: RSet, block: RProc | None = None) -> list[Any]:
    """to_a: the members in insertion order."""
    return recv.members()


@builtin(SET, "to_set")
def set_to_set(rt: Any, recv: RSet, *args: Any, block: RProc | None = None) -> RSet:
    """to_set: the Set itself."""
    return recv


@builtin(SET, "dup", "clone")
def set_dup(rt: Any, recv: RSet, *args: Any, block: RProc | None = None) -> RSet:
    """dup / clone: a new Set with the same members."""
    return new_set(rt, recv.members())


@builtin(SET, "join")
def set_join(rt: Any, recv: RSet, *args: Any, block: RProc | None = None) -> Any:
    """join(sep = nil): ``to_a.join``."""
    return rt.call(recv.members(), "join", *args)


@builtin(SET, "inspect", "to_s")
def set_inspect(rt: Any, recv: RSet, block: RProc | None = None) -> RString:
    """inspect / to_s: ``#<Set: {1, 2}>``."""
    with guard("inspect", recv) as busy:
        if busy:
            return RString("#<Set: {...}>")
        return RString("#<Set: {" + ", ".join(rt.inspect(x) for x in recv.members()) + "}>")


@builtin(SET, "hash")
def set_hash(rt: Any, recv: RSet, block: RProc | None = None) -> int:
    """hash: equal for Sets with the same members."""
    return hash(recv)


@builtin(SET, "==")
def set_eq(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> bool:
    """==: another Set with the same members."""
    return other is recv or (isinstance(other, RSet) and recv == other)


@builtin(SET, "eql?")
def set_eql(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> bool:
    """eql?: as ==."""
    return isinstance(other, RSet) and recv == other


# ---------------------------------------------------------------- set algebra


@builtin(SET, "|", "union", "+")
def set_union(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> RSet:
    """| / union / +: members of either."""
    return new_set(rt, [*recv.members(), *enum_values(rt, other)])


@builtin(SET, "&", "intersection")
def set_intersection(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> RSet:
    """& / intersection: members of both, in the argument's order."""
    return new_set(rt, [x for x in enum_values(rt, other) if _has(rt, recv, x)])


@builtin(SET, "-", "difference")
def set_difference(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> RSet:
    """- / difference: members not in the argument."""
    drop = new_set(rt, enum_values(rt, other))
    return new_set(rt, [x for k, x in recv.h.items() if k not in drop.h])


@builtin(SET, "^")
def set_xor(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> RSet:
    """^: members of exactly one (the argument's first, as Ruby builds it)."""
    out = new_set(rt, enum_values(rt, other))
    for k, x in recv.h.items():
        if k in out.h:
            del out.h[k]
        else:
            out.h[k] = x
    return out


def _subset(a: RSet, b: RSet) -> bool:
    return len(a.h) <= len(b.h) and all(x in b.h for x in a.h)


@builtin(SET, "subset?", "<=")
def set_subset(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> bool:
    """subset?(set) / <=."""
    return _subset(recv, _set_arg(rt, other))


@builtin(SET, "superset?", ">=")
def set_superset(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> bool:
    """superset?(set) / >=."""
    return _subset(_set_arg(rt, other), recv)


@builtin(SET, "proper_subset?", "<")
def set_proper_subset(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> bool:
    """proper_subset?(set) / <."""
    other = _set_arg(rt, other)
    return len(recv.h) < len(other.h) and _subset(recv, other)


@builtin(SET, "proper_superset?", ">")
def set_proper_superset(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> bool:
    """proper_superset?(set) / >."""
    other = _set_arg(rt, other)
    return len(other.h) < len(recv.h) and _subset(other, recv)


@builtin(SET, "<=>")
def set_cmp(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> Any:
    """<=>: 0, -1 (proper subset), 1 (proper superset), or nil."""
    if not isinstance(other, RSet):
        return None
    if recv == other:
        return 0
    if _subset(recv, other):
        return -1
    if _subset(other, recv):
        return 1
    return None


@builtin(SET, "intersect?")
def set_intersect(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> bool:
    """intersect?(enum): whether any member is shared."""
    return any(_has(rt, recv, x) for x in enum_values(rt, other))


@builtin(SET, "disjoint?")
def set_disjoint(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> bool:
    """disjoint?(enum): no member shared."""
    return not set_intersect(rt, recv, other)


# ---------------------------------------------------------------- in-place changes


@builtin(SET, "merge")
def set_merge(rt: Any, recv: RSet, *others: Any, block: RProc | None = None) -> RSet:
    """merge(*enums): add every member; the Set."""
    for other in others:
        for x in enum_values(rt, other):
            _add(rt, recv, x)
    return recv


@builtin(SET, "subtract")
def set_subtract(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> RSet:
    """subtract(enum): remove every member of ``enum``; the Set."""
    for x in enum_values(rt, other):
        set_delete(rt, recv, x)
    return recv


@builtin(SET, "replace")
def set_replace(rt: Any, recv: RSet, other: Any, block: RProc | None = None) -> RSet:
    """replace(enum): the members of ``enum`` instead."""
    items = enum_values(rt, other)
    _check_frozen(rt, recv)
    recv.h.clear()
    for x in items:
        _add(rt, recv, x)
    return recv


@builtin(SET, "clear")
def set_clear(rt: Any, recv: RSet, block: RProc | None = None) -> RSet:
    """clear: no members; the Set."""
    _check_frozen(rt, recv)
    recv.h.clear()
    return recv


def _filter(name: str, keep_when: bool, nil_if_same: bool) -> None:
    def fn(rt: Any, recv: RSet, block: RProc | None = None) -> Any:
        if block is None:
            return make_enum(recv, name)
        _check_frozen(rt, recv)
        before = len(recv.h)
        for k, x in list(recv.h.items()):
            if truthy(rt.call_block(block, x)) != keep_when:
                recv.h.pop(k, None)
        if nil_if_same and len(recv.h) == before:
            return None
        return recv

    fn.__doc__ = f"{name} {{ |o| }}: filter in place."
    builtin(SET, name)(fn)


_filter("select!", True, True)
_filter("filter!", True, True)
_filter("keep_if", True, False)
_filter("reject!", False, True)
_filter("delete_if", False, False)


@builtin(SET, "map!", "collect!")
def set_map_bang(rt: Any, recv: RSet, block: RProc | None = None) -> Any:
    """map! { |o| }: replace the members with the block's values."""
    if block is None:
        return make_enum(recv, "map!")
    mapped = [rt.call_block(block, x) for x in recv.members()]
    return set_replace(rt, recv, mapped)


@builtin(SET, "classify")
def set_classify(rt: Any, recv: RSet, block: RProc | None = None) -> Any:
    """classify { |o| }: a Hash of the block's values to Sets of the members giving them."""
    if block is None:
        return make_enum(recv, "classify")
    out = RHash()
    for x in recv.members():
        key = store_key(rt, rt.call_block(block, x))
        if key not in out:
            out[key] = RSet()
        _put(rt, out[key], x)
    return out


@builtin(SET, "flatten")
def set_flatten(rt: Any, recv: RSet, block: RProc | None = None) -> RSet:
    """flatten: members of nested Sets lifted into one Set."""
    out = RSet()

    def walk(s: RSet) -> None:
        for x in s.members():
            if isinstance(x, RSet):
                walk(x)
            else:
                _put(rt, out, x)

    walk(recv)
    return out


@default_feature("set")
def _feature(rt: Any) -> None:
    """``require "set"``: the Set constant and Enumerable#to_set."""
    rt.constants["Set"] = SET
    rt.add_method(ENUMERABLE, "to_set", enum_to_set)
