"""Built-in methods of Ruby's Array (a Python list); iteration methods it shares come from Enumerable."""

from __future__ import annotations

import itertools
from typing import Any

from pydrake.runtime.classes import ARRAY, builtin, class_of
from pydrake.runtime.core.enumerable import (
    MISSING,
    class_name,
    cycle_items,
    eql_key,
    extreme,
    guard,
    inject_values,
    make_enum,
    nmin,
    pairs_to_hash,
    ruby_sum,
    sort_by_values,
    sort_values,
    take_count,
    to_int,
    uniq_values,
    zip_values,
)
from pydrake.runtime.objects import RHash, RProc, RRange, RString, Symbol, truthy

# Frozen Arrays by id. Python lists take no attributes, so freezing records the list here and keeps
# it alive, which keeps its id from being reused (frozen Arrays are few: constants, mostly).
_FROZEN: dict[int, list[Any]] = {}


def is_frozen(lst: list[Any]) -> bool:
    """Whether the Array ``lst`` has been frozen."""
    return _FROZEN.get(id(lst)) is lst


def freeze(lst: list[Any]) -> list[Any]:
    """Freeze the Array ``lst``."""
    _FROZEN[id(lst)] = lst
    return lst


def check_frozen(rt: Any, lst: list[Any]) -> None:
    """Raise FrozenError before modifying a frozen Array."""
    if _FROZEN and is_frozen(lst):
        raise rt.error("FrozenError", f"can't modify frozen Array: {rt.inspect(lst)}")


_PLAIN = (type(None), bool, int, float, RString, Symbol, RHash, RRange)


def array_like(rt: Any, v: Any) -> list[Any] | None:
    """``v`` as an Array when it is one or converts with ``to_ary`` (a FileList does); else None."""
    if isinstance(v, list):
        return v
    if type(v) in _PLAIN or not rt.responds_to(v, "to_ary"):
        return None
    r = rt.call(v, "to_ary")
    return r if isinstance(r, list) else None


def to_ary(rt: Any, v: Any) -> list[Any]:
    """An Array argument (TypeError "no implicit conversion of X into Array" otherwise)."""
    r = array_like(rt, v)
    if r is not None:
        return r
    raise rt.error("TypeError", f"no implicit conversion of {class_name(v)} into Array")


# --------------------------------------------------------------------------- indexing


def range_span(rt: Any, r: RRange, length: int, strict: bool) -> tuple[int, int] | None:
    """Start and count a Range selects in ``length`` items (Ruby's rb_range_beg_len); None when outside.

    ``strict`` (assignment, values_at) raises RangeError for a start before the beginning and does
    not clip the end.
    """
    beg = 0 if r.first is None else to_int(rt, r.first)
    end = -1 if r.last is None else to_int(rt, r.last)
    excl = r.exclusive and r.last is not None
    orig_beg, orig_end = beg, end
    if beg < 0:
        beg += length
        if beg < 0:
            if strict:
                raise rt.error("RangeError", f"{orig_beg}..{'.' if excl else ''}{orig_end} out of range")
            return None
    if end < 0:
        end += length
    if not excl:
        end += 1
    if not strict:
        if beg > length:
            return None
        end = min(end, length)
    return beg, max(end - beg, 0)


def subseq(lst: list[Any], beg: int, count: int) -> list[Any] | None:
    """``lst[beg, count]`` as Ruby answers it (nil past the end or for a negative count)."""
    n = len(lst)
    if beg > n or beg < 0 or count < 0:
        return None
    return lst[beg : beg + count]


def element(lst: list[Any], i: int) -> Any:
    """``lst[i]`` with negative indexes from the end; nil outside."""
    n = len(lst)
    if i < 0:
        i += n
    return lst[i] if 0 <= i < n else None


def aref(rt: Any, lst: list[Any], args: tuple[Any, ...]) -> Any:
    """Array#[] / slice: by index, by start and length, or by Range."""
    if len(args) == 2:
        beg, count = to_int(rt, args[0]), to_int(rt, args[1])
        if beg < 0:
            beg += len(lst)
        return subseq(lst, beg, count)
    if len(args) != 1:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected 1..2)")
    idx = args[0]
    if type(idx) is int:
        return element(lst, idx)
    if type(idx) is RRange:
        span = range_span(rt, idx, len(lst), strict=False)
        return None if span is None else subseq(lst, *span)
    return element(lst, to_int(rt, idx))


def splice(rt: Any, lst: list[Any], beg: int, count: int, items: list[Any]) -> None:
    """Replace ``count`` items from ``beg`` with ``items``, padding with nil past the end."""
    if count < 0:
        raise rt.error("IndexError", f"negative length ({count})")
    n = len(lst)
    if beg < 0:
        beg += n
        if beg < 0:
            raise rt.error("IndexError", f"index {beg - n} too small for array; minimum: -{n}")
    if beg >= n:
        lst.extend([None] * (beg - n))
        lst.extend(items)
        return
    lst[beg : beg + count] = items


def store(rt: Any, lst: list[Any], i: int, value: Any) -> None:
    """``lst[i] = value``, padding with nil past the end."""
    n = len(lst)
    if i < 0:
        i += n
        if i < 0:
            raise rt.error("IndexError", f"index {i - n} too small for array; minimum: -{n}")
    if i >= n:
        lst.extend([None] * (i - n + 1))
    lst[i] = value


# --------------------------------------------------------------------------- construction and conversion


@builtin(ARRAY, "new", singleton=True)
def array_new(rt: Any, cls: Any, size: Any = MISSING, default: Any = None, block: RProc | None = None) -> list[Any]:
    """Array.new(size = 0, default = nil) { |i| }, or Array.new(array) (a copy)."""
    if size is MISSING:
        return []
    if isinstance(size, list) and default is None:
        return list(size)
    n = to_int(rt, size)
    if n < 0:
        raise rt.error("ArgumentError", "negative array size")
    if block is not None:
        out: list[Any] = []
        for i in range(n):
            out.append(rt.call_block(block, i))
        return out
    return [default] * n


@builtin(ARRAY, "[]", singleton=True)
def array_of(rt: Any, cls: Any, *items: Any, block: RProc | None = None) -> list[Any]:
    """Array[a, b, ...]."""
    return list(items)


@builtin(ARRAY, "inspect", "to_s")
def array_inspect(rt: Any, recv: list[Any], block: RProc | None = None) -> RString:
    """Array#inspect: ``[1, "a", :b, nil]``; an Array inside itself shows as ``[...]``."""
    with guard("inspect", recv) as busy:
        if busy:
            return RString("[...]")
        return RString("[" + ", ".join(rt.inspect(x) for x in recv) + "]")


def join_text(rt: Any, lst: list[Any], sep: str, active: set[int]) -> str:
    """The text of Array#join: nested Arrays joined in place, nil as empty, others through ``to_s``."""
    active.add(id(lst))
    parts: list[str] = []
    for x in lst:
        if type(x) is RString:
            parts.append(x.s)
        elif x is None:
            parts.append("")
        elif (inner := array_like(rt, x)) is not None:
            if id(inner) in active:
                raise rt.error("ArgumentError", "recursive array join")
            parts.append(join_text(rt, inner, sep, active))
        else:
            parts.append(rt.to_s(x))
    active.discard(id(lst))
    return sep.join(parts)


@builtin(ARRAY, "join")
def array_join(rt: Any, recv: list[Any], sep: Any = None, block: RProc | None = None) -> RString:
    """Array#join(separator = "")."""
    if sep is None:
        text = ""
    elif type(sep) is RString:
        text = sep.s
    else:
        raise rt.error("TypeError", f"no implicit conversion of {class_name(sep)} into String")
    return RString(join_text(rt, recv, text, set()))


@builtin(ARRAY, "to_a", "to_ary")
def array_to_a(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#to_a: the Array itself."""
    return recv if class_of(recv) is ARRAY and type(recv) is list else list(recv)


@builtin(ARRAY, "deconstruct")
def array_deconstruct(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#deconstruct: the Array itself (what an array pattern matches)."""
    return recv


@builtin(ARRAY, "to_h")
def array_to_h(rt: Any, recv: list[Any], block: RProc | None = None) -> RHash:
    """Array#to_h: a Hash from ``[key, value]`` pairs (or the pairs the block makes)."""
    return pairs_to_hash(rt, recv, block, indexed=True)


@builtin(ARRAY, "hash")
def array_hash(rt: Any, recv: list[Any], block: RProc | None = None) -> int:
    """Array#hash: equal for ``eql?`` Arrays."""
    return hash(eql_key(recv))


@builtin(ARRAY, "==")
def array_eq(rt: Any, recv: list[Any], other: Any, block: RProc | None = None) -> bool:
    """Array#==: same length and pairwise ``==``."""
    if recv is other:
        return True
    if not isinstance(other, list):
        return type(other) not in _PLAIN and rt.responds_to(other, "to_ary") and rt.eq(other, recv)
    if len(recv) != len(other):
        return False
    return all(rt.eq(a, b) for a, b in zip(recv, other, strict=False))


@builtin(ARRAY, "eql?")
def array_eql(rt: Any, recv: list[Any], other: Any, block: RProc | None = None) -> bool:
    """Array#eql?: pairwise ``eql?`` (1 and 1.0 differ)."""
    return isinstance(other, list) and eql_key(recv) == eql_key(other)


@builtin(ARRAY, "<=>")
def array_cmp(rt: Any, recv: list[Any], other: Any, block: RProc | None = None) -> Any:
    """Array#<=>: first unequal pair decides, then length; nil when not comparable."""
    if not isinstance(other, list):
        return None
    for a, b in zip(recv, other, strict=False):
        r = rt.call(a, "<=>", b)
        if r is None:
            return None
        if r != 0:
            return r
    return (len(recv) > len(other)) - (len(recv) < len(other))


@builtin(ARRAY, "frozen?")
def array_frozen_p(rt: Any, recv: list[Any], block: RProc | None = None) -> bool:
    """Array#frozen?."""
    return is_frozen(recv)


@builtin(ARRAY, "freeze")
def array_freeze(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#freeze: later changes raise FrozenError."""
    return freeze(recv)


@builtin(ARRAY, "dup")
def array_dup(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#dup: an unfrozen shallow copy."""
    return list(recv)


@builtin(ARRAY, "clone")
def array_clone(rt: Any, recv: list[Any], opts: Any = None, block: RProc | None = None) -> list[Any]:
    """Array#clone(freeze: nil): a shallow copy, frozen when the original is."""
    copy = list(recv)
    want = opts.get(Symbol.of("freeze")) if isinstance(opts, RHash) else None
    if want is True or (want is None and is_frozen(recv)):
        freeze(copy)
    return copy


# --------------------------------------------------------------------------- reading


@builtin(ARRAY, "length", "size")
def array_length(rt: Any, recv: list[Any], block: RProc | None = None) -> int:
    """Array#length."""
    return len(recv)


@builtin(ARRAY, "empty?")
def array_empty(rt: Any, recv: list[Any], block: RProc | None = None) -> bool:
    """Array#empty?."""
    return not recv


@builtin(ARRAY, "[]", "slice")
def array_aref(rt: Any, recv: list[Any], *args: Any, block: RProc | None = None) -> Any:
    """Array#[]: ``a[i]``, ``a[start, length]``, ``a[range]``."""
    return aref(rt, recv, args)


@builtin(ARRAY, "at")
def array_at(rt: Any, recv: list[Any], i: Any, block: RProc | None = None) -> Any:
    """Array#at(index)."""
    return element(recv, to_int(rt, i))


@builtin(ARRAY, "dig")
def array_dig(rt: Any, recv: list[Any], i: Any, *rest: Any, block: RProc | None = None) -> Any:
    """Array#dig(index, *more)."""
    return dig_into(rt, element(recv, to_int(rt, i)), rest)


def dig_into(rt: Any, value: Any, keys: tuple[Any, ...]) -> Any:
    """Continue a ``dig`` into ``value`` with the remaining ``keys``."""
    if not keys or value is None:
        return value
    if isinstance(value, (list, RHash)) or rt.responds_to(value, "dig"):
        return rt.call(value, "dig", *keys)
    raise rt.error("TypeError", f"{class_of(value).name} does not have #dig method")


@builtin(ARRAY, "fetch")
def array_fetch(rt: Any, recv: list[Any], i: Any, default: Any = MISSING, block: RProc | None = None) -> Any:
    """Array#fetch(index, default) { |index| }: IndexError when outside and no fallback."""
    idx = to_int(rt, i)
    n = len(recv)
    j = idx + n if idx < 0 else idx
    if 0 <= j < n:
        return recv[j]
    if block is not None:
        return rt.call_block(block, i)
    if default is not MISSING:
        return default
    raise rt.error("IndexError", f"index {idx} outside of array bounds: {-n}...{n}")


@builtin(ARRAY, "first")
def array_first(rt: Any, recv: list[Any], n: Any = MISSING, block: RProc | None = None) -> Any:
    """Array#first / first(n)."""
    if n is MISSING:
        return recv[0] if recv else None
    count = to_int(rt, n)
    if count < 0:
        raise rt.error("ArgumentError", "negative array size")
    return recv[:count]


@builtin(ARRAY, "last")
def array_last(rt: Any, recv: list[Any], n: Any = MISSING, block: RProc | None = None) -> Any:
    """Array#last / last(n)."""
    if n is MISSING:
        return recv[-1] if recv else None
    count = to_int(rt, n)
    if count < 0:
        raise rt.error("ArgumentError", "negative array size")
    return recv[max(len(recv) - count, 0) :]


@builtin(ARRAY, "take")
def array_take(rt: Any, recv: list[Any], n: Any, block: RProc | None = None) -> list[Any]:
    """Array#take(n)."""
    return recv[: take_count(rt, n)]


@builtin(ARRAY, "drop")
def array_drop(rt: Any, recv: list[Any], n: Any, block: RProc | None = None) -> list[Any]:
    """Array#drop(n)."""
    count = to_int(rt, n)
    if count < 0:
        raise rt.error("ArgumentError", "attempt to drop negative size")
    return recv[count:]


@builtin(ARRAY, "values_at")
def array_values_at(rt: Any, recv: list[Any], *specs: Any, block: RProc | None = None) -> list[Any]:
    """Array#values_at(*indexes_or_ranges)."""
    out: list[Any] = []
    n = len(recv)
    for spec in specs:
        if type(spec) is RRange:
            beg, count = range_span(rt, spec, n, strict=True) or (0, 0)
            out.extend(recv[beg + k] if beg + k < n else None for k in range(count))
        else:
            out.append(element(recv, to_int(rt, spec)))
    return out


@builtin(ARRAY, "include?", "member?")
def array_include(rt: Any, recv: list[Any], value: Any, block: RProc | None = None) -> bool:
    """Array#include?: some element ``== value``."""
    return any(rt.eq(x, value) for x in recv)


@builtin(ARRAY, "index", "find_index")
def array_index(rt: Any, recv: list[Any], value: Any = MISSING, block: RProc | None = None) -> Any:
    """Array#index(value) / index { }: the first matching position, or nil."""
    if value is MISSING and block is None:
        return make_enum(recv, "index")
    for i, x in enumerate(recv):
        if rt.eq(x, value) if value is not MISSING else truthy(rt.call_block(block, x)):
            return i
    return None


@builtin(ARRAY, "rindex")
def array_rindex(rt: Any, recv: list[Any], value: Any = MISSING, block: RProc | None = None) -> Any:
    """Array#rindex(value) / rindex { }: the last matching position, or nil."""
    if value is MISSING and block is None:
        return make_enum(recv, "rindex")
    for i in range(len(recv) - 1, -1, -1):
        if i >= len(recv):
            continue
        x = recv[i]
        if rt.eq(x, value) if value is not MISSING else truthy(rt.call_block(block, x)):
            return i
    return None


@builtin(ARRAY, "assoc")
def array_assoc(rt: Any, recv: list[Any], key: Any, block: RProc | None = None) -> Any:
    """Array#assoc(key): the first element Array whose first item ``== key``."""
    for x in recv:
        if isinstance(x, list) and x and rt.eq(x[0], key):
            return x
    return None


@builtin(ARRAY, "rassoc")
def array_rassoc(rt: Any, recv: list[Any], value: Any, block: RProc | None = None) -> Any:
    """Array#rassoc(value): the first element Array whose second item ``== value``."""
    for x in recv:
        if isinstance(x, list) and len(x) > 1 and rt.eq(x[1], value):
            return x
    return None


@builtin(ARRAY, "count")
def array_count(rt: Any, recv: list[Any], value: Any = MISSING, block: RProc | None = None) -> int:
    """Array#count / count(value) / count { }."""
    if value is not MISSING:
        return sum(1 for x in recv if rt.eq(x, value))
    if block is not None:
        return sum(1 for x in recv if truthy(rt.call_block(block, x)))
    return len(recv)


@builtin(ARRAY, "sample")
def array_sample(rt: Any, recv: list[Any], *args: Any, block: RProc | None = None) -> Any:
    """Array#sample / sample(n): random element(s)."""
    import random
    args = tuple(a for a in args if not isinstance(a, RHash))
    if not args:
        return random.choice(recv) if recv else None
    n = to_int(rt, args[0])
    if n < 0:
        raise rt.error("ArgumentError", "negative sample number")
    return random.sample(recv, min(n, len(recv)))


@builtin(ARRAY, "shuffle")
def array_shuffle(rt: Any, recv: list[Any], *args: Any, block: RProc | None = None) -> list[Any]:
    """Array#shuffle: a copy in random order."""
    import random
    out = list(recv)
    random.shuffle(out)
    return out


@builtin(ARRAY, "bsearch")
def array_bsearch(rt: Any, recv: list[Any], block: RProc | None = None) -> Any:
    """Array#bsearch { |x| }: find-minimum (true/false) or find-any (number) binary search."""
    if block is None:
        return make_enum(recv, "bsearch")
    lo, hi = 0, len(recv)
    found = None
    while lo < hi:
        mid = (lo + hi) // 2
        r = rt.call_block(block, recv[mid])
        if r is True:
            found = recv[mid]
            hi = mid
        elif r is None or r is False:
            lo = mid + 1
        elif type(r) in (int, float):
            if r == 0:
                return recv[mid]
            if r < 0:
                hi = mid
            else:
                lo = mid + 1
        else:
            raise rt.error("TypeError", f"wrong argument type {class_name(r)} (must be numeric, true, false or nil)")
    return found


# --------------------------------------------------------------------------- combining


@builtin(ARRAY, "+")
def array_plus(rt: Any, recv: list[Any], other: Any, block: RProc | None = None) -> list[Any]:
    """Array#+."""
    return recv + to_ary(rt, other)


@builtin(ARRAY, "-", "difference")
def array_minus(rt: Any, recv: list[Any], *others: Any, block: RProc | None = None) -> list[Any]:
    """Array#- / difference: elements not ``eql?`` to any in the others."""
    drop = {eql_key(x) for o in others for x in to_ary(rt, o)}
    return [x for x in recv if eql_key(x) not in drop]


@builtin(ARRAY, "&", "intersection")
def array_and(rt: Any, recv: list[Any], *others: Any, block: RProc | None = None) -> list[Any]:
    """Array#& / intersection: unique elements present in all."""
    keep = [{eql_key(x) for x in to_ary(rt, o)} for o in others]
    return [x for x in uniq_values(rt, recv, None) if all(eql_key(x) in k for k in keep)]


@builtin(ARRAY, "intersect?")
def array_intersect_p(rt: Any, recv: list[Any], other: Any, block: RProc | None = None) -> bool:
    """Array#intersect?(other)."""
    keys = {eql_key(x) for x in to_ary(rt, other)}
    return any(eql_key(x) in keys for x in recv)


@builtin(ARRAY, "|", "union")
def array_or(rt: Any, recv: list[Any], *others: Any, block: RProc | None = None) -> list[Any]:
    """Array#| / union: unique elements of all, in order of first appearance."""
    return uniq_values(rt, itertools.chain(recv, *(to_ary(rt, o) for o in others)), None)


@builtin(ARRAY, "*")
def array_times(rt: Any, recv: list[Any], arg: Any, block: RProc | None = None) -> Any:
    """Array#*: repeat (Integer) or join (String)."""
    if type(arg) is RString:
        return array_join(rt, recv, arg)
    n = to_int(rt, arg)
    if n < 0:
        raise rt.error("ArgumentError", "negative argument")
    return recv * n


@builtin(ARRAY, "zip")
def array_zip(rt: Any, recv: list[Any], *others: Any, block: RProc | None = None) -> Any:
    """Array#zip."""
    return zip_values(rt, recv, others, block)


@builtin(ARRAY, "product")
def array_product(rt: Any, recv: list[Any], *others: Any, block: RProc | None = None) -> Any:
    """Array#product(*others)."""
    combos = [list(c) for c in itertools.product(recv, *(to_ary(rt, o) for o in others))]
    if block is None:
        return combos
    for c in combos:
        rt.call_block(block, c)
    return recv


@builtin(ARRAY, "combination")
def array_combination(rt: Any, recv: list[Any], n: Any, block: RProc | None = None) -> Any:
    """Array#combination(n)."""
    if block is None:
        return make_enum(recv, "combination", n)
    k = to_int(rt, n)
    if 0 <= k <= len(recv):
        for c in itertools.combinations(list(recv), k):
            rt.call_block(block, list(c))
    return recv


@builtin(ARRAY, "permutation")
def array_permutation(rt: Any, recv: list[Any], n: Any = None, block: RProc | None = None) -> Any:
    """Array#permutation(n = size)."""
    if block is None:
        return make_enum(recv, "permutation", *(() if n is None else (n,)))
    k = len(recv) if n is None else to_int(rt, n)
    if 0 <= k <= len(recv):
        for c in itertools.permutations(list(recv), k):
            rt.call_block(block, list(c))
    return recv


@builtin(ARRAY, "transpose")
def array_transpose(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#transpose: rows become columns (IndexError for ragged rows)."""
    rows = [to_ary(rt, r) for r in recv]
    if not rows:
        return []
    width = len(rows[0])
    for r in rows:
        if len(r) != width:
            raise rt.error("IndexError", f"element size differs ({len(r)} should be {width})")
    return [[r[j] for r in rows] for j in range(width)]


@builtin(ARRAY, "flatten")
def array_flatten(rt: Any, recv: list[Any], depth: Any = None, block: RProc | None = None) -> list[Any]:
    """Array#flatten(depth = all)."""
    level = -1 if depth is None else to_int(rt, depth)
    out: list[Any] = []
    _flatten(rt, recv, level, out, {id(recv)})
    return out


def _flatten(rt: Any, lst: list[Any], level: int, out: list[Any], active: set[int]) -> None:
    for x in lst:
        inner = array_like(rt, x) if level != 0 else None
        if inner is not None:
            if id(inner) in active:
                raise rt.error("ArgumentError", "tried to flatten recursive array")
            active.add(id(inner))
            _flatten(rt, inner, level - 1, out, active)
            active.discard(id(inner))
        else:
            out.append(x)


@builtin(ARRAY, "compact")
def array_compact(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#compact: without nils."""
    return [x for x in recv if x is not None]


@builtin(ARRAY, "uniq")
def array_uniq(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#uniq (by ``eql?``, or by the block's answers)."""
    return uniq_values(rt, recv, block)


@builtin(ARRAY, "reverse")
def array_reverse(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#reverse."""
    return recv[::-1]


@builtin(ARRAY, "rotate")
def array_rotate(rt: Any, recv: list[Any], n: Any = 1, block: RProc | None = None) -> list[Any]:
    """Array#rotate(n = 1)."""
    if not recv:
        return []
    k = to_int(rt, n) % len(recv)
    return recv[k:] + recv[:k]


@builtin(ARRAY, "sort")
def array_sort(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#sort (by ``<=>`` or the block)."""
    return sort_values(rt, list(recv), block)


@builtin(ARRAY, "min")
def array_min(rt: Any, recv: list[Any], n: Any = None, block: RProc | None = None) -> Any:
    """Array#min / min(n)."""
    if n is not None:
        return nmin(rt, recv, n, False, False, block)
    return extreme(rt, recv, -1, block)


@builtin(ARRAY, "max")
def array_max(rt: Any, recv: list[Any], n: Any = None, block: RProc | None = None) -> Any:
    """Array#max / max(n)."""
    if n is not None:
        return nmin(rt, recv, n, False, True, block)
    return extreme(rt, recv, 1, block)


@builtin(ARRAY, "minmax")
def array_minmax(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#minmax: ``[min, max]``."""
    return [extreme(rt, recv, -1, block), extreme(rt, recv, 1, block)]


@builtin(ARRAY, "sum")
def array_sum(rt: Any, recv: list[Any], init: Any = 0, block: RProc | None = None) -> Any:
    """Array#sum(init = 0): exact for Integers, compensated for Floats, else ``+``."""
    return ruby_sum(rt, recv, init, block)


@builtin(ARRAY, "inject", "reduce")
def array_inject(rt: Any, recv: list[Any], *args: Any, block: RProc | None = None) -> Any:
    """Array#inject / reduce."""
    return inject_values(rt, recv, args, block)


# --------------------------------------------------------------------------- iterating


@builtin(ARRAY, "each")
def array_each(rt: Any, recv: list[Any], block: RProc | None = None) -> Any:
    """Array#each: yields each element; answers the Array."""
    if block is None:
        return make_enum(recv, "each")
    for x in recv:
        rt.call_block(block, x)
    return recv


@builtin(ARRAY, "each_index")
def array_each_index(rt: Any, recv: list[Any], block: RProc | None = None) -> Any:
    """Array#each_index."""
    if block is None:
        return make_enum(recv, "each_index")
    i = 0
    while i < len(recv):
        rt.call_block(block, i)
        i += 1
    return recv


@builtin(ARRAY, "reverse_each")
def array_reverse_each(rt: Any, recv: list[Any], block: RProc | None = None) -> Any:
    """Array#reverse_each."""
    if block is None:
        return make_enum(recv, "reverse_each")
    i = len(recv)
    while i > 0:
        i -= 1
        rt.call_block(block, recv[i])
        i = min(i, len(recv))
    return recv


@builtin(ARRAY, "cycle")
def array_cycle(rt: Any, recv: list[Any], n: Any = None, block: RProc | None = None) -> Any:
    """Array#cycle(n = forever)."""
    if block is None:
        return make_enum(recv, "cycle", *(() if n is None else (n,)))
    return cycle_items(rt, recv, n, block)


# --------------------------------------------------------------------------- modifying


@builtin(ARRAY, "[]=")
def array_aset(rt: Any, recv: list[Any], *args: Any, block: RProc | None = None) -> Any:
    """Array#[]=: ``a[i] = v``, ``a[start, length] = v``, ``a[range] = v``."""
    check_frozen(rt, recv)
    if len(args) == 3:
        beg, count, value = to_int(rt, args[0]), to_int(rt, args[1]), args[2]
        splice(rt, recv, beg, count, list(value) if isinstance(value, list) else [value])
        return value
    if len(args) != 2:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected 2..3)")
    idx, value = args
    if type(idx) is RRange:
        beg, count = range_span(rt, idx, len(recv), strict=True) or (0, 0)
        splice(rt, recv, beg, count, list(value) if isinstance(value, list) else [value])
        return value
    store(rt, recv, to_int(rt, idx), value)
    return value


@builtin(ARRAY, "push", "append")
def array_push(rt: Any, recv: list[Any], *items: Any, block: RProc | None = None) -> list[Any]:
    """Array#push(*items)."""
    check_frozen(rt, recv)
    recv.extend(items)
    return recv


@builtin(ARRAY, "<<")
def array_shovel(rt: Any, recv: list[Any], item: Any, block: RProc | None = None) -> list[Any]:
    """Array#<<."""
    check_frozen(rt, recv)
    recv.append(item)
    return recv


@builtin(ARRAY, "pop")
def array_pop(rt: Any, recv: list[Any], n: Any = MISSING, block: RProc | None = None) -> Any:
    """Array#pop / pop(n)."""
    check_frozen(rt, recv)
    if n is MISSING:
        return recv.pop() if recv else None
    count = to_int(rt, n)
    if count < 0:
        raise rt.error("ArgumentError", "negative array size")
    out = recv[max(len(recv) - count, 0) :]
    del recv[len(recv) - len(out) :]
    return out


@builtin(ARRAY, "shift")
def array_shift(rt: Any, recv: list[Any], n: Any = MISSING, block: RProc | None = None) -> Any:
    """Array#shift / shift(n)."""
    check_frozen(rt, recv)
    if n is MISSING:
        return recv.pop(0) if recv else None
    count = to_int(rt, n)
    if count < 0:
        raise rt.error("ArgumentError", "negative array size")
    out = recv[:count]
    del recv[:count]
    return out


@builtin(ARRAY, "unshift", "prepend")
def array_unshift(rt: Any, recv: list[Any], *items: Any, block: RProc | None = None) -> list[Any]:
    """Array#unshift(*items)."""
    check_frozen(rt, recv)
    recv[0:0] = items
    return recv


@builtin(ARRAY, "insert")
def array_insert(rt: Any, recv: list[Any], index: Any, *items: Any, block: RProc | None = None) -> list[Any]:
    """Array#insert(index, *items): negative indexes count from after the last element."""
    check_frozen(rt, recv)
    pos = to_int(rt, index)
    if not items:
        return recv
    if pos == -1:
        pos = len(recv)
    elif pos < 0:
        minpos = -len(recv) - 1
        if pos < minpos:
            raise rt.error("IndexError", f"index {pos} too small for array; minimum: {minpos}")
        pos += 1
    splice(rt, recv, pos, 0, list(items))
    return recv


@builtin(ARRAY, "concat")
def array_concat(rt: Any, recv: list[Any], *others: Any, block: RProc | None = None) -> list[Any]:
    """Array#concat(*arrays)."""
    check_frozen(rt, recv)
    parts = [list(to_ary(rt, o)) for o in others]
    for p in parts:
        recv.extend(p)
    return recv


@builtin(ARRAY, "delete")
def array_delete(rt: Any, recv: list[Any], value: Any, block: RProc | None = None) -> Any:
    """Array#delete(value) { |value| }: removes every ``== value``; answers the last removed."""
    found = MISSING
    keep = []
    for x in recv:
        if rt.eq(x, value):
            found = x
        else:
            keep.append(x)
    if found is MISSING:
        return rt.call_block(block, value) if block is not None else None
    check_frozen(rt, recv)
    recv[:] = keep
    return found


@builtin(ARRAY, "delete_at")
def array_delete_at(rt: Any, recv: list[Any], index: Any, block: RProc | None = None) -> Any:
    """Array#delete_at(index)."""
    check_frozen(rt, recv)
    i = to_int(rt, index)
    if i < 0:
        i += len(recv)
    if 0 <= i < len(recv):
        return recv.pop(i)
    return None


@builtin(ARRAY, "slice!")
def array_slice_bang(rt: Any, recv: list[Any], *args: Any, block: RProc | None = None) -> Any:
    """Array#slice!: remove and answer what ``slice`` would."""
    check_frozen(rt, recv)
    if len(args) == 1 and type(args[0]) is not RRange:
        return array_delete_at(rt, recv, args[0])
    if len(args) == 2:
        beg, count = to_int(rt, args[0]), to_int(rt, args[1])
        if beg < 0:
            beg += len(recv)
    elif len(args) == 1:
        span = range_span(rt, args[0], len(recv), strict=False)
        if span is None:
            return None
        beg, count = span
    else:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected 1..2)")
    out = subseq(recv, beg, count)
    if out is not None:
        del recv[beg : beg + len(out)]
    return out


def _filter_in_place(rt: Any, recv: list[Any], block: RProc, keep_when: bool) -> bool:
    """Keep the elements whose block answer's truthiness is ``keep_when``; answer whether any went."""
    keep = [x for x in list(recv) if truthy(rt.call_block(block, x)) == keep_when]
    changed = len(keep) != len(recv)
    if changed:
        recv[:] = keep
    return changed


@builtin(ARRAY, "delete_if")
def array_delete_if(rt: Any, recv: list[Any], block: RProc | None = None) -> Any:
    """Array#delete_if: answers the Array."""
    if block is None:
        return make_enum(recv, "delete_if")
    check_frozen(rt, recv)
    _filter_in_place(rt, recv, block, False)
    return recv


@builtin(ARRAY, "reject!")
def array_reject_bang(rt: Any, recv: list[Any], block: RProc | None = None) -> Any:
    """Array#reject!: answers nil when nothing was removed."""
    if block is None:
        return make_enum(recv, "reject!")
    check_frozen(rt, recv)
    return recv if _filter_in_place(rt, recv, block, False) else None


@builtin(ARRAY, "select!", "filter!")
def array_select_bang(rt: Any, recv: list[Any], block: RProc | None = None) -> Any:
    """Array#select!: answers nil when nothing was removed."""
    if block is None:
        return make_enum(recv, "select!")
    check_frozen(rt, recv)
    return recv if _filter_in_place(rt, recv, block, True) else None


@builtin(ARRAY, "keep_if")
def array_keep_if(rt: Any, recv: list[Any], block: RProc | None = None) -> Any:
    """Array#keep_if: answers the Array."""
    if block is None:
        return make_enum(recv, "keep_if")
    check_frozen(rt, recv)
    _filter_in_place(rt, recv, block, True)
    return recv


@builtin(ARRAY, "map!", "collect!")
def array_map_bang(rt: Any, recv: list[Any], block: RProc | None = None) -> Any:
    """Array#map!."""
    if block is None:
        return make_enum(recv, "map!")
    check_frozen(rt, recv)
    i = 0
    while i < len(recv):
        recv[i] = rt.call_block(block, recv[i])
        i += 1
    return recv


def _replace_if_changed(recv: list[Any], new: list[Any]) -> Any:
    """Make ``recv`` hold ``new``; answer it, or nil when nothing was dropped."""
    if len(new) == len(recv):
        return None
    recv[:] = new
    return recv


@builtin(ARRAY, "compact!")
def array_compact_bang(rt: Any, recv: list[Any], block: RProc | None = None) -> Any:
    """Array#compact!: nil when there was no nil."""
    check_frozen(rt, recv)
    return _replace_if_changed(recv, [x for x in recv if x is not None])


@builtin(ARRAY, "uniq!")
def array_uniq_bang(rt: Any, recv: list[Any], block: RProc | None = None) -> Any:
    """Array#uniq!: nil when there were no duplicates."""
    check_frozen(rt, recv)
    return _replace_if_changed(recv, uniq_values(rt, recv, block))


@builtin(ARRAY, "flatten!")
def array_flatten_bang(rt: Any, recv: list[Any], depth: Any = None, block: RProc | None = None) -> Any:
    """Array#flatten!: nil when there was nothing to flatten."""
    check_frozen(rt, recv)
    if depth is not None and to_int(rt, depth) == 0:
        return None
    if not any(array_like(rt, x) is not None for x in recv):
        return None
    recv[:] = array_flatten(rt, recv, depth)
    return recv


@builtin(ARRAY, "reverse!")
def array_reverse_bang(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#reverse!."""
    check_frozen(rt, recv)
    recv.reverse()
    return recv


@builtin(ARRAY, "rotate!")
def array_rotate_bang(rt: Any, recv: list[Any], n: Any = 1, block: RProc | None = None) -> list[Any]:
    """Array#rotate!(n = 1)."""
    check_frozen(rt, recv)
    recv[:] = array_rotate(rt, recv, n)
    return recv


@builtin(ARRAY, "sort!")
def array_sort_bang(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#sort!."""
    check_frozen(rt, recv)
    recv[:] = sort_values(rt, list(recv), block)
    return recv


@builtin(ARRAY, "sort_by!")
def array_sort_by_bang(rt: Any, recv: list[Any], block: RProc | None = None) -> Any:
    """Array#sort_by!."""
    if block is None:
        return make_enum(recv, "sort_by!")
    check_frozen(rt, recv)
    recv[:] = sort_by_values(rt, list(recv), block)
    return recv


@builtin(ARRAY, "shuffle!")
def array_shuffle_bang(rt: Any, recv: list[Any], *args: Any, block: RProc | None = None) -> list[Any]:
    """Array#shuffle!."""
    import random
    check_frozen(rt, recv)
    random.shuffle(recv)
    return recv


@builtin(ARRAY, "clear")
def array_clear(rt: Any, recv: list[Any], block: RProc | None = None) -> list[Any]:
    """Array#clear."""
    check_frozen(rt, recv)
    recv.clear()
    return recv


@builtin(ARRAY, "replace")
def array_replace(rt: Any, recv: list[Any], other: Any, block: RProc | None = None) -> list[Any]:
    """Array#replace(other)."""
    check_frozen(rt, recv)
    recv[:] = list(to_ary(rt, other))
    return recv


@builtin(ARRAY, "fill")
def array_fill(rt: Any, recv: list[Any], *args: Any, block: RProc | None = None) -> list[Any]:
    """Array#fill(value [, start [, length]]) / fill(value, range) / fill([start, length]) { |i| }."""
    check_frozen(rt, recv)
    if block is None:
        if not args:
            raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1..3)")
        value, args = args[0], args[1:]
    n = len(recv)
    if not args:
        beg, count = 0, n
    elif len(args) == 1 and type(args[0]) is RRange:
        beg, count = range_span(rt, args[0], n, strict=True) or (0, 0)
    else:
        beg = 0 if args[0] is None else to_int(rt, args[0])
        if beg < 0:
            beg = max(beg + n, 0)
        count = n - beg if len(args) < 2 or args[1] is None else to_int(rt, args[1])
    if count < 0:
        return recv
    end = beg + count
    if end > n:
        recv.extend([None] * (end - n))
    for i in range(beg, end):
        recv[i] = rt.call_block(block, i) if block is not None else value
    return recv
