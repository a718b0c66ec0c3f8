"""Built-in methods of Ruby's Hash (an RHash: an insertion-ordered dict with a default value or block).

Keys are the Ruby values themselves, so Python's dict equality decides lookups: String keys by text,
Symbols by identity. ``Hash#[]=`` stores a frozen copy of an unfrozen String key, as Ruby does. An
Array key is stored as a ``KeyArray`` (a list subclass that hashes by content, still an Array to
Ruby code), so iteration and inspect show an ordinary Array; it is a copy, so changing the original
afterwards does not disturb the Hash. A Hash used as a key raises TypeError (not supported). Where
Python equality differs from ``eql?`` (``1``, ``1.0`` and ``true`` collide as keys) Python wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydrake.runtime.classes import HASH, builtin
from pydrake.runtime.core.array import dig_into
from pydrake.runtime.core.enumerable import (
    MISSING,
    class_name,
    eql_key,
    guard,
    hash_key,
    hash_pairs,
    make_enum,
    store_key,
)
from pydrake.runtime.core.exception import key_error
from pydrake.runtime.objects import RHash, RProc, RString, Symbol, truthy


def check_frozen(rt: Any, h: RHash) -> None:
    """Raise FrozenError before modifying a frozen Hash."""
    if h.frozen:
        raise rt.error("FrozenError", f"can't modify frozen Hash: {rt.inspect(h)}")


def default_for(rt: Any, h: RHash, key: Any) -> Any:
    """What ``h[key]`` answers for a missing key: the default block's answer or the default value."""
    if h.default_proc is not None:
        return rt.call_block(h.default_proc, h, key)
    return h.default


def lookup(rt: Any, h: RHash, key: Any) -> Any:
    """Hash#[] semantics: the value, or the default for a missing key."""
    v = dict.get(h, hash_key(rt, key), MISSING)
    return default_for(rt, h, key) if v is MISSING else v


def to_hash(rt: Any, v: Any) -> RHash:
    """A Hash argument (TypeError "no implicit conversion of X into Hash" otherwise)."""
    if isinstance(v, RHash):
        return v
    if v is not None and rt.responds_to(v, "to_hash"):
        r = rt.call(v, "to_hash")
        if isinstance(r, RHash):
            return r
    raise rt.error("TypeError", f"no implicit conversion of {class_name(v)} into Hash")


def copy_hash(h: RHash, with_default: bool = True) -> RHash:
    """A shallow copy of ``h`` (with its default value and block when ``with_default``)."""
    out = RHash(h)
    if with_default:
        out.default = h.default
        out.default_proc = h.default_proc
    return out


def _yield_pair(rt: Any, block: RProc, k: Any, v: Any) -> bool:
    """Truthiness of the block's answer for a pair yielded as two values (select, reject...)."""
    return truthy(rt.call_block(block, k, v))


def _pairs_where(rt: Any, h: RHash, block: RProc, keep_when: bool) -> Iterable[tuple[Any, Any]]:
    for k, v in hash_pairs(h):
        if _yield_pair(rt, block, k, v) == keep_when:
            yield k, v


# --------------------------------------------------------------------------- construction and conversion


@builtin(HASH, "new", singleton=True)
def hash_new(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> RHash:
    """Hash.new(default = nil) / Hash.new { |hash, key| }."""
    if block is not None and args:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected 0)")
    if len(args) > 1:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected 0..1)")
    h = RHash()
    h.default = args[0] if args else None
    h.default_proc = block
    return h


@builtin(HASH, "[]", singleton=True)
def hash_of(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> RHash:
    """Hash[hash], Hash[[[k, v], ...]], Hash[k, v, ...]."""
    out = RHash()
    if len(args) == 1 and isinstance(args[0], RHash):
        out.update(args[0])
        return out
    if len(args) == 1 and isinstance(args[0], list):
        for i, pair in enumerate(args[0]):
            if not isinstance(pair, list):
                raise rt.error("ArgumentError", f"wrong element type {class_name(pair)} at {i} (expected array)")
            if len(pair) not in (1, 2):
                raise rt.error("ArgumentError", f"invalid number of elements ({len(pair)} for 1..2)")
            out[store_key(rt, pair[0])] = pair[1] if len(pair) == 2 else None
        return out
    if len(args) % 2:
        raise rt.error("ArgumentError", "odd number of arguments for Hash")
    for i in range(0, len(args), 2):
        out[store_key(rt, args[i])] = args[i + 1]
    return out


@builtin(HASH, "inspect", "to_s")
def hash_inspect(rt: Any, recv: RHash, block: RProc | None = None) -> RString:
    """Hash#inspect: ``{"a"=>1, :b=>2}``; a Hash inside itself shows as ``{...}``."""
    if not recv:
        return RString("{}")
    with guard("inspect", recv) as busy:
        if busy:
            return RString("{...}")
        body = ", ".join(f"{rt.inspect(k)}=>{rt.inspect(v)}" for k, v in list(recv.items()))
        return RString("{" + body + "}")


@builtin(HASH, "deconstruct_keys")
def hash_deconstruct_keys(rt: Any, recv: RHash, keys: Any, block: RProc | None = None) -> RHash:
    """Hash#deconstruct_keys(keys): the Hash itself (what a hash pattern matches)."""
    return recv


@builtin(HASH, "to_h")
def hash_to_h(rt: Any, recv: RHash, block: RProc | None = None) -> RHash:
    """Hash#to_h: the Hash itself, or a new Hash of the pairs the block makes from (key, value)."""
    if block is None:
        return recv if type(recv) is RHash else copy_hash(recv)
    out = RHash()
    for k, v in hash_pairs(recv):
        pair = rt.call_block(block, k, v)
        if not isinstance(pair, list):
            raise rt.error("TypeError", f"wrong element type {class_name(pair)} (expected array)")
        if len(pair) != 2:
            raise rt.error("ArgumentError", f"element has wrong array length (expected 2, was {len(pair)})")
        out[store_key(rt, pair[0])] = pair[1]
    return out


@builtin(HASH, "to_hash")
def hash_to_hash(rt: Any, recv: RHash, block: RProc | None = None) -> RHash:
    """Hash#to_hash: the Hash itself."""
    return recv


@builtin(HASH, "to_a", "entries")
def hash_to_a(rt: Any, recv: RHash, block: RProc | None = None) -> list[Any]:
    """Hash#to_a: ``[[key, value], ...]``."""
    return [[k, v] for k, v in recv.items()]


@builtin(HASH, "==")
def hash_eq(rt: Any, recv: RHash, other: Any, block: RProc | None = None) -> bool:
    """Hash#==: same keys, values ``==`` (order does not matter)."""
    if recv is other:
        return True
    if not isinstance(other, RHash) or len(recv) != len(other):
        return False
    for k, v in recv.items():
        w = dict.get(other, k, MISSING)
        if w is MISSING or not rt.eq(v, w):
            return False
    return True


@builtin(HASH, "eql?")
def hash_eql(rt: Any, recv: RHash, other: Any, block: RProc | None = None) -> bool:
    """Hash#eql?: same keys, values ``eql?``."""
    return isinstance(other, RHash) and eql_key(recv) == eql_key(other)


@builtin(HASH, "hash")
def hash_hash(rt: Any, recv: RHash, block: RProc | None = None) -> int:
    """Hash#hash: equal for ``eql?`` Hashes."""
    return hash(eql_key(recv))


@builtin(HASH, "freeze")
def hash_freeze(rt: Any, recv: RHash, block: RProc | None = None) -> RHash:
    """Hash#freeze."""
    recv.frozen = True
    return recv


@builtin(HASH, "frozen?")
def hash_frozen_p(rt: Any, recv: RHash, block: RProc | None = None) -> bool:
    """Hash#frozen?."""
    return bool(recv.frozen)


@builtin(HASH, "dup")
def hash_dup(rt: Any, recv: RHash, block: RProc | None = None) -> RHash:
    """Hash#dup: an unfrozen copy keeping the default."""
    return copy_hash(recv)


@builtin(HASH, "clone")
def hash_clone(rt: Any, recv: RHash, opts: Any = None, block: RProc | None = None) -> RHash:
    """Hash#clone(freeze: nil): a copy keeping the default, frozen when the original is."""
    out = copy_hash(recv)
    want = opts.get(Symbol.of("freeze")) if isinstance(opts, RHash) else None
    out.frozen = want is True or (want is None and recv.frozen)
    return out


# --------------------------------------------------------------------------- reading


@builtin(HASH, "[]")
def hash_aref(rt: Any, recv: RHash, key: Any, block: RProc | None = None) -> Any:
    """Hash#[]: the value, or the default."""
    return lookup(rt, recv, key)


@builtin(HASH, "fetch")
def hash_fetch(rt: Any, recv: RHash, key: Any, default: Any = MISSING, block: RProc | None = None) -> Any:
    """Hash#fetch(key, default) { |key| }: KeyError when missing and no fallback."""
    v = dict.get(recv, hash_key(rt, key), MISSING)
    if v is not MISSING:
        return v
    if block is not None:
        if default is not MISSING:
            rt.stderr.write("warning: block supersedes default value argument\n")
        return rt.call_block(block, key)
    if default is not MISSING:
        return default
    raise key_error(rt, f"key not found: {rt.inspect(key)}", recv, key)


@builtin(HASH, "dig")
def hash_dig(rt: Any, recv: RHash, key: Any, *rest: Any, block: RProc | None = None) -> Any:
    """Hash#dig(key, *more)."""
    return dig_into(rt, lookup(rt, recv, key), rest)


@builtin(HASH, "key?", "has_key?", "include?", "member?")
def hash_has_key(rt: Any, recv: RHash, key: Any, block: RProc | None = None) -> bool:
    """Hash#key?."""
    return hash_key(rt, key) in recv


@builtin(HASH, "value?", "has_value?")
def hash_has_value(rt: Any, recv: RHash, value: Any, block: RProc | None = None) -> bool:
    """Hash#value?: some value ``== value``."""
    return any(rt.eq(v, value) for v in list(recv.values()))


@builtin(HASH, "key")
def hash_key_of(rt: Any, recv: RHash, value: Any, block: RProc | None = None) -> Any:
    """Hash#key(value): the first key whose value ``== value``."""
    for k, v in list(recv.items()):
        if rt.eq(v, value):
            return k
    return None


@builtin(HASH, "keys")
def hash_keys(rt: Any, recv: RHash, block: RProc | None = None) -> list[Any]:
    """Hash#keys."""
    return list(recv.keys())


@builtin(HASH, "values")
def hash_values(rt: Any, recv: RHash, block: RProc | None = None) -> list[Any]:
    """Hash#values."""
    return list(recv.values())


@builtin(HASH, "values_at")
def hash_values_at(rt: Any, recv: RHash, *keys: Any, block: RProc | None = None) -> list[Any]:
    """Hash#values_at(*keys): values or defaults."""
    return [lookup(rt, recv, k) for k in keys]


@builtin(HASH, "fetch_values")
def hash_fetch_values(rt: Any, recv: RHash, *keys: Any, block: RProc | None = None) -> list[Any]:
    """Hash#fetch_values(*keys): KeyError for a missing key unless the block answers for it."""
    return [hash_fetch(rt, recv, k, block=block) for k in keys]


@builtin(HASH, "length", "size")
def hash_length(rt: Any, recv: RHash, block: RProc | None = None) -> int:
    """Hash#length."""
    return len(recv)


@builtin(HASH, "count")
def hash_count(rt: Any, recv: RHash, *args: Any, block: RProc | None = None) -> int:
    """Hash#count: entries, or pairs ``== arg``, or pairs the block accepts."""
    if args:
        return sum(1 for p in hash_pairs(recv) if rt.eq(p, args[0]))
    if block is not None:
        return sum(1 for p in hash_pairs(recv) if truthy(rt.call_block(block, p)))
    return len(recv)


@builtin(HASH, "empty?")
def hash_empty(rt: Any, recv: RHash, block: RProc | None = None) -> bool:
    """Hash#empty?."""
    return not recv


@builtin(HASH, "default")
def hash_default(rt: Any, recv: RHash, key: Any = MISSING, block: RProc | None = None) -> Any:
    """Hash#default(key = nil): the default value, or what the default block answers for ``key``."""
    if key is not MISSING and recv.default_proc is not None:
        return rt.call_block(recv.default_proc, recv, key)
    return recv.default


@builtin(HASH, "default=")
def hash_set_default(rt: Any, recv: RHash, value: Any, block: RProc | None = None) -> Any:
    """Hash#default=: set the default value (dropping any default block)."""
    check_frozen(rt, recv)
    recv.default = value
    recv.default_proc = None
    return value


@builtin(HASH, "default_proc")
def hash_default_proc(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#default_proc."""
    return recv.default_proc


@builtin(HASH, "assoc")
def hash_assoc(rt: Any, recv: RHash, key: Any, block: RProc | None = None) -> Any:
    """Hash#assoc(key): ``[key, value]`` or nil."""
    v = dict.get(recv, hash_key(rt, key), MISSING)
    return None if v is MISSING else [key, v]


@builtin(HASH, "rassoc")
def hash_rassoc(rt: Any, recv: RHash, value: Any, block: RProc | None = None) -> Any:
    """Hash#rassoc(value): the first ``[key, value]`` whose value ``== value``."""
    for k, v in list(recv.items()):
        if rt.eq(v, value):
            return [k, v]
    return None


# --------------------------------------------------------------------------- iterating


def _each_pair(rt: Any, recv: RHash, block: RProc | None, name: str) -> Any:
    if block is None:
        return make_enum(recv, name)
    for pair in hash_pairs(recv):
        rt.call_block(block, pair)
    return recv


@builtin(HASH, "each")
def hash_each(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#each: yields ``[key, value]`` (splat over ``|k, v|``); answers the Hash."""
    return _each_pair(rt, recv, block, "each")


@builtin(HASH, "each_pair")
def hash_each_pair(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#each_pair: as ``each``."""
    return _each_pair(rt, recv, block, "each_pair")


@builtin(HASH, "each_key")
def hash_each_key(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#each_key."""
    if block is None:
        return make_enum(recv, "each_key")
    for k in list(recv.keys()):
        rt.call_block(block, k)
    return recv


@builtin(HASH, "each_value")
def hash_each_value(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#each_value."""
    if block is None:
        return make_enum(recv, "each_value")
    for v in list(recv.values()):
        rt.call_block(block, v)
    return recv


@builtin(HASH, "select", "filter")
def hash_select(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#select { |k, v| }: a new Hash of the accepted pairs."""
    if block is None:
        return make_enum(recv, "select")
    return RHash(_pairs_where(rt, recv, block, True))


@builtin(HASH, "reject")
def hash_reject(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#reject { |k, v| }: a new Hash without the rejected pairs."""
    if block is None:
        return make_enum(recv, "reject")
    return RHash(_pairs_where(rt, recv, block, False))


def _filter_in_place(rt: Any, recv: RHash, block: RProc, keep_when: bool) -> bool:
    """Delete the pairs whose block answer's truthiness is not ``keep_when``; answer whether any went."""
    doomed = [k for k, v in hash_pairs(recv) if _yield_pair(rt, block, k, v) != keep_when]
    for k in doomed:
        dict.pop(recv, k, None)
    return bool(doomed)


@builtin(HASH, "select!", "filter!")
def hash_select_bang(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#select!: nil when nothing was removed."""
    if block is None:
        return make_enum(recv, "select!")
    check_frozen(rt, recv)
    return recv if _filter_in_place(rt, recv, block, True) else None


@builtin(HASH, "keep_if")
def hash_keep_if(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#keep_if: answers the Hash."""
    if block is None:
        return make_enum(recv, "keep_if")
    check_frozen(rt, recv)
    _filter_in_place(rt, recv, block, True)
    return recv


@builtin(HASH, "reject!")
def hash_reject_bang(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#reject!: nil when nothing was removed."""
    if block is None:
        return make_enum(recv, "reject!")
    check_frozen(rt, recv)
    return recv if _filter_in_place(rt, recv, block, False) else None


@builtin(HASH, "delete_if")
def hash_delete_if(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#delete_if: answers the Hash."""
    if block is None:
        return make_enum(recv, "delete_if")
    check_frozen(rt, recv)
    _filter_in_place(rt, recv, block, False)
    return recv


@builtin(HASH, "any?")
def hash_any(rt: Any, recv: RHash, pattern: Any = MISSING, block: RProc | None = None) -> bool:
    """Hash#any?: non-empty, or some ``[key, value]`` matching the pattern or the block."""
    if pattern is not MISSING:
        return any(truthy(rt.call(pattern, "===", p)) for p in hash_pairs(recv))
    if block is None:
        return bool(recv)
    return any(truthy(rt.call_block(block, p)) for p in hash_pairs(recv))


# --------------------------------------------------------------------------- modifying


@builtin(HASH, "[]=", "store")
def hash_aset(rt: Any, recv: RHash, key: Any, value: Any, block: RProc | None = None) -> Any:
    """Hash#[]=: an unfrozen String key is stored as a frozen copy."""
    check_frozen(rt, recv)
    k = hash_key(rt, key)
    if k in recv:
        recv[k] = value
    else:
        recv[store_key(rt, key)] = value
    return value


@builtin(HASH, "delete")
def hash_delete(rt: Any, recv: RHash, key: Any, block: RProc | None = None) -> Any:
    """Hash#delete(key) { |key| }: the removed value, else the block's answer or nil."""
    check_frozen(rt, recv)
    v = dict.pop(recv, hash_key(rt, key), MISSING)
    if v is not MISSING:
        return v
    return rt.call_block(block, key) if block is not None else None


@builtin(HASH, "shift")
def hash_shift(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#shift: remove and answer the first ``[key, value]`` (the default when empty)."""
    check_frozen(rt, recv)
    if not recv:
        return default_for(rt, recv, None)
    k = next(iter(recv))
    return [k, dict.pop(recv, k)]


@builtin(HASH, "clear")
def hash_clear(rt: Any, recv: RHash, block: RProc | None = None) -> RHash:
    """Hash#clear."""
    check_frozen(rt, recv)
    recv.clear()
    return recv


@builtin(HASH, "replace")
def hash_replace(rt: Any, recv: RHash, other: Any, block: RProc | None = None) -> RHash:
    """Hash#replace(other): its pairs and default."""
    check_frozen(rt, recv)
    src = to_hash(rt, other)
    pairs = list(src.items())
    recv.clear()
    recv.update(pairs)
    recv.default = src.default
    recv.default_proc = src.default_proc
    return recv


def _merge_into(rt: Any, target: RHash, others: tuple[Any, ...], block: RProc | None) -> RHash:
    for other in others:
        for k, v in list(to_hash(rt, other).items()):
            old = dict.get(target, k, MISSING)
            if old is MISSING:
                target[store_key(rt, k)] = v
            elif block is not None:
                target[k] = rt.call_block(block, k, old, v)
            else:
                target[k] = v
    return target


@builtin(HASH, "merge")
def hash_merge(rt: Any, recv: RHash, *others: Any, block: RProc | None = None) -> RHash:
    """Hash#merge(*others) { |key, old, new| }: a new Hash keeping the receiver's default."""
    return _merge_into(rt, copy_hash(recv), others, block)


@builtin(HASH, "merge!", "update")
def hash_update(rt: Any, recv: RHash, *others: Any, block: RProc | None = None) -> RHash:
    """Hash#merge! / update."""
    check_frozen(rt, recv)
    return _merge_into(rt, recv, others, block)


@builtin(HASH, "invert")
def hash_invert(rt: Any, recv: RHash, block: RProc | None = None) -> RHash:
    """Hash#invert: values become keys."""
    out = RHash()
    for k, v in recv.items():
        out[store_key(rt, v)] = k
    return out


@builtin(HASH, "transform_values")
def hash_transform_values(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#transform_values { |value| }."""
    if block is None:
        return make_enum(recv, "transform_values")
    return RHash((k, rt.call_block(block, v)) for k, v in hash_pairs(recv))


@builtin(HASH, "transform_values!")
def hash_transform_values_bang(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#transform_values!."""
    if block is None:
        return make_enum(recv, "transform_values!")
    check_frozen(rt, recv)
    for k, v in hash_pairs(recv):
        recv[k] = rt.call_block(block, v)
    return recv


def _new_key(rt: Any, k: Any, mapping: Any, block: RProc | None) -> Any:
    if mapping is not None:
        hk = hash_key(rt, k)
        if hk in mapping:
            return mapping[hk]
    if block is not None:
        return rt.call_block(block, k)
    return k


@builtin(HASH, "transform_keys")
def hash_transform_keys(rt: Any, recv: RHash, mapping: Any = None, block: RProc | None = None) -> Any:
    """Hash#transform_keys({old => new}) { |key| }."""
    if block is None and mapping is None:
        return make_enum(recv, "transform_keys")
    table = to_hash(rt, mapping) if mapping is not None else None
    out = RHash()
    for k, v in hash_pairs(recv):
        out[store_key(rt, _new_key(rt, k, table, block))] = v
    return out


@builtin(HASH, "transform_keys!")
def hash_transform_keys_bang(rt: Any, recv: RHash, mapping: Any = None, block: RProc | None = None) -> Any:
    """Hash#transform_keys!."""
    if block is None and mapping is None:
        return make_enum(recv, "transform_keys!")
    check_frozen(rt, recv)
    new = hash_transform_keys(rt, recv, mapping, block=block)
    recv.clear()
    recv.update(new)
    return recv


@builtin(HASH, "slice")
def hash_slice(rt: Any, recv: RHash, *keys: Any, block: RProc | None = None) -> RHash:
    """Hash#slice(*keys): a new Hash of just those keys present."""
    out = RHash()
    for key in keys:
        v = dict.get(recv, hash_key(rt, key), MISSING)
        if v is not MISSING:
            out[store_key(rt, key)] = v
    return out


@builtin(HASH, "except")
def hash_except(rt: Any, recv: RHash, *keys: Any, block: RProc | None = None) -> RHash:
    """Hash#except(*keys): a new Hash without those keys."""
    out = RHash(recv)
    for key in keys:
        dict.pop(out, hash_key(rt, key), None)
    return out


@builtin(HASH, "compact")
def hash_compact(rt: Any, recv: RHash, block: RProc | None = None) -> RHash:
    """Hash#compact: without nil values."""
    return RHash((k, v) for k, v in recv.items() if v is not None)


@builtin(HASH, "compact!")
def hash_compact_bang(rt: Any, recv: RHash, block: RProc | None = None) -> Any:
    """Hash#compact!: nil when there was no nil value."""
    check_frozen(rt, recv)
    doomed = [k for k, v in recv.items() if v is None]
    for k in doomed:
        dict.pop(recv, k)
    return recv if doomed else None
