"""Enumerable over anything with ``each``, the Enumerator class, and helpers Array, Hash and Range share."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from pydrake.runtime.classes import (
    ARRAY,
    CORE,
    ENUMERABLE,
    HASH,
    OBJECT,
    builtin,
    class_of,
    register_type,
)
from pydrake.runtime.objects import RClass, RHash, RProc, RRange, RString, Symbol, truthy

ENUMERATOR = RClass("Enumerator", OBJECT)
ENUMERATOR.includes.append(ENUMERABLE)
CORE.setdefault("Enumerator", ENUMERATOR)

MISSING: Any = object()  # "no argument given", distinct from nil


# --------------------------------------------------------------------------- blocks and yielded values


def pack(args: tuple[Any, ...]) -> Any:
    """The one value standing for ``args`` yielded together (several become an Array)."""
    if len(args) == 1:
        return args[0]
    if not args:
        return None
    return list(args)


def native_block(fn: Callable[..., Any]) -> RProc:
    """A block whose body is the Python callable ``fn``."""
    return RProc(None, None, None, None, native=fn)


def is_int(v: Any) -> bool:
    """Whether ``v`` is a Ruby Integer (Python bools are not)."""
    return type(v) is int


def to_int(rt: Any, v: Any) -> int:
    """An Integer argument, as Ruby's implicit conversion takes it (Floats truncate)."""
    if type(v) is int:
        return v
    if type(v) is float:
        if math.isnan(v) or math.isinf(v):
            raise rt.error("FloatDomainError", rt.inspect(v))
        return int(v)
    if v is None:
        raise rt.error("TypeError", "no implicit conversion from nil to integer")
    raise rt.error("TypeError", f"no implicit conversion of {class_name(v)} into Integer")


def class_name(v: Any) -> str:
    """The name Ruby error messages use for ``v``'s class (``nil``/``true``/``false`` for those)."""
    if v is None:
        return "nil"
    if v is True:
        return "true"
    if v is False:
        return "false"
    return class_of(v).name


def cmpint(rt: Any, r: Any, a: Any, b: Any) -> int:
    """A ``<=>`` result as -1/0/1 (ArgumentError when it is nil), like Ruby's rb_cmpint."""
    if r is None:
        raise rt.error("ArgumentError", f"comparison of {class_of(a).name} with {_cmp_name(rt, b)} failed")
    if type(r) is int or type(r) is float:
        return (r > 0) - (r < 0)
    if truthy(rt.call(r, ">", 0)):
        return 1
    if truthy(rt.call(r, "<", 0)):
        return -1
    return 0


def _cmp_name(rt: Any, b: Any) -> str:
    if b is None or type(b) in (bool, int, float, Symbol):
        return rt.inspect(b)
    return class_of(b).name


# --------------------------------------------------------------------------- hash keys and eql?


class KeyArray(list):
    """An Array stored as a Hash key: a list that hashes by its contents (as Ruby's Array#hash does)."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(eql_key(e) for e in self))


def hash_key(rt: Any, v: Any) -> Any:
    """``v`` as a Python dict key for looking up an RHash (Arrays become KeyArray)."""
    if isinstance(v, list) and type(v) is not KeyArray:
        return KeyArray(v)
    if isinstance(v, RHash):
        raise rt.error("TypeError", "a Hash used as a Hash key is not supported")
    return v


def store_key(rt: Any, v: Any) -> Any:
    """``v`` as stored by ``Hash#[]=``: unfrozen Strings are copied and frozen, Arrays become KeyArray."""
    if type(v) is RString and not v.frozen:
        return RString(v.s, frozen=True)
    return hash_key(rt, v)


def eql_key(v: Any) -> Any:
    """A Python key equal for two values exactly when Ruby's ``eql?`` holds (1 and 1.0 differ)."""
    t = type(v)
    if t is int or t is float or t is bool:
        return (t, v)
    if t is RString:
        return v.s
    if isinstance(v, list):
        return (list, tuple(eql_key(e) for e in v))
    if isinstance(v, RHash):
        return (RHash, frozenset((eql_key(k), eql_key(x)) for k, x in v.items()))
    if t is RRange:
        return (RRange, eql_key(v.first), eql_key(v.last), v.exclusive)
    return v


# --------------------------------------------------------------------------- recursion guard for inspect/join


_local = threading.local()


@contextmanager
def guard(kind: str, obj: Any) -> Iterator[bool]:
    """Yield True when ``obj`` is already being walked for ``kind`` (inspect, join...) on this thread."""
    active: set[tuple[str, int]] = getattr(_local, "active", None) or set()
    _local.active = active
    key = (kind, id(obj))
    if key in active:
        yield True
        return
    active.add(key)
    try:
        yield False
    finally:
        active.discard(key)


# --------------------------------------------------------------------------- iteration


# Fast iterators for core classes whose ``each`` is known (Range registers its own).
_ITERATORS: dict[RClass, Callable[[Any, Any], Iterable[Any]]] = {}


def register_iterator(cls: RClass, fn: Callable[[Any, Any], Iterable[Any]]) -> None:
    """Let ``values`` walk instances of ``cls`` directly instead of calling their ``each``."""
    _ITERATORS[cls] = fn


# Lazy value sources for enumerators of particular methods (Range#step registers one).
_ENUM_SOURCES: dict[tuple[RClass, str], Callable[[Any, Any, tuple[Any, ...]], Iterable[Any]]] = {}


def register_enum_source(cls: RClass, meth: str, fn: Callable[[Any, Any, tuple[Any, ...]], Iterable[Any]]) -> None:
    """Let an Enumerator for ``meth`` on instances of ``cls`` produce its values lazily with ``fn``."""
    _ENUM_SOURCES[(cls, meth)] = fn


def hash_pairs(h: RHash) -> Iterator[list[Any]]:
    """``[key, value]`` pairs of a Hash; entries deleted while walking are skipped, as in Ruby."""
    for k in list(h.keys()):
        if k in h:
            yield [k, h[k]]


def values(rt: Any, recv: Any) -> Iterable[Any]:
    """The values ``recv.each`` yields, one per step (values yielded together are packed into an Array)."""
    cls = class_of(recv)
    if cls is ARRAY:
        return recv
    if cls is HASH:
        return hash_pairs(recv)
    fast = _ITERATORS.get(cls)
    if fast is not None:
        return fast(rt, recv)
    if type(recv) is Enumerator:
        return recv.values(rt)
    return collect_each(rt, recv, "each")


def collect_each(rt: Any, recv: Any, meth: str, *args: Any) -> list[Any]:
    """Everything ``recv.meth(*args)`` yields to a block that returns nil."""
    out: list[Any] = []

    def take(*vals: Any) -> None:
        out.append(pack(vals))

    rt.call(recv, meth, *args, block=native_block(take))
    return out


def to_list(rt: Any, recv: Any) -> list[Any]:
    """``recv`` as a Python list: an Array itself, or the values of its ``each``."""
    if class_of(recv) is ARRAY:
        return recv
    return list(values(rt, recv))


# --------------------------------------------------------------------------- Enumerator


# Methods whose block receives exactly what the receiver's ``each`` yields.
_PASS = frozenset(
    "each map collect flat_map collect_concat select filter find_all reject filter_map map! collect! "
    "select! filter! reject! delete_if keep_if sort_by min_by max_by minmax_by group_by partition find "
    "detect find_index each_entry uniq sum count take_while drop_while each_pair all? any? none? one? "
    "chunk_while slice_when".split()
)
# Methods whose enumerator has the receiver's size.
_SIZED = frozenset(
    "each map collect flat_map collect_concat select filter find_all reject filter_map map! collect! "
    "select! filter! reject! delete_if keep_if sort_by min_by max_by minmax_by group_by partition "
    "each_entry each_with_index with_index each_with_object with_object reverse_each each_key each_value "
    "each_pair each_index times".split()
)


class Enumerator:
    """An Enumerator: the method ``meth`` of ``recv`` with ``args``, called later with a block."""

    __slots__ = ("recv", "meth", "args", "buffer", "pos")

    def __init__(self, recv: Any, meth: str, args: tuple[Any, ...] = ()) -> None:
        self.recv = recv
        self.meth = meth
        self.args = args
        self.buffer: list[Any] | None = None  # what ``next`` walks
        self.pos = 0

    def values(self, rt: Any) -> Iterable[Any]:
        """The values this enumerator yields."""
        meth, args, recv = self.meth, self.args, self.recv
        if meth in _PASS and not (meth in ("count", "sum", "find_index") and args):
            return values(rt, recv)
        if meth == "each_with_index" or (meth == "with_index" and not args):
            return ([x, i] for i, x in enumerate(values(rt, recv)))
        if meth == "with_index":
            off = 0 if args[0] is None else to_int(rt, args[0])
            return ([x, i + off] for i, x in enumerate(values(rt, recv)))
        if meth in ("each_with_object", "with_object"):
            return ([x, args[0]] for x in values(rt, recv))
        if meth == "each_slice":
            return slices(rt, values(rt, recv), args[0])
        if meth == "each_cons":
            return windows(rt, values(rt, recv), args[0])
        if meth == "reverse_each":
            return reversed(list(values(rt, recv)))
        if meth == "each_key" and type(recv) is RHash:
            return list(recv.keys())
        if meth == "each_value" and type(recv) is RHash:
            return list(recv.values())
        if meth == "each_index" and class_of(recv) is ARRAY:
            return range(len(recv))
        source = _ENUM_SOURCES.get((class_of(recv), meth))
        if source is not None:
            return source(rt, recv, args)
        return collect_each(rt, recv, meth, *args)


register_type(Enumerator, ENUMERATOR)


def make_enum(recv: Any, meth: str, *args: Any) -> Enumerator:
    """The Enumerator a block-less call ``recv.meth(*args)`` returns."""
    return Enumerator(recv, meth, args)


def size_of(rt: Any, recv: Any) -> Any:
    """What ``recv.size`` answers for sizing an Enumerator (nil when unknown)."""
    if isinstance(recv, (list, RHash)):
        return len(recv)
    if type(recv) is Enumerator:
        return enum_size(rt, recv)
    if rt.responds_to(recv, "size"):
        return rt.call(recv, "size")
    return None


def enum_size(rt: Any, e: Enumerator) -> Any:
    """Enumerator#size: the number of values it will yield, or nil when that is not known ahead."""
    if e.meth in ("step", "%") and type(e.recv) is RRange and e.recv.last is None:
        return math.inf
    if e.meth in ("step", "%", "combination", "permutation"):
        return len(list(e.values(rt)))
    if e.meth in _SIZED:
        if e.meth == "times":
            return max(e.recv, 0) if is_int(e.recv) else None
        return size_of(rt, e.recv)
    if e.meth in ("each_slice", "each_cons"):
        n = size_of(rt, e.recv)
        if not is_int(n):
            return n
        k = to_int(rt, e.args[0])
        return -(-n // k) if e.meth == "each_slice" else max(n - k + 1, 0)
    if e.meth == "cycle":
        n = size_of(rt, e.recv)
        if n == 0:
            return 0
        if not e.args or e.args[0] is None:
            return math.inf
        return max(to_int(rt, e.args[0]), 0) * n if is_int(n) else n
    return None


@builtin(ENUMERATOR, "each")
def enumerator_each(rt: Any, recv: Enumerator, *args: Any, block: RProc | None = None) -> Any:
    """Enumerator#each: run the underlying method with the block."""
    if block is None and not args:
        return recv
    if block is None:
        return Enumerator(recv.recv, recv.meth, recv.args + args)
    return rt.call(recv.recv, recv.meth, *recv.args, *args, block=block)


@builtin(ENUMERATOR, "with_index", "each_with_index")
def enumerator_with_index(rt: Any, recv: Enumerator, offset: Any = None, block: RProc | None = None) -> Any:
    """Enumerator#with_index(offset): the underlying method with each value's index passed too."""
    if block is None:
        return Enumerator(recv, "with_index", () if offset is None else (offset,))
    counter = [0 if offset is None else to_int(rt, offset)]

    def step(*vals: Any) -> Any:
        i = counter[0]
        counter[0] += 1
        return rt.call_block(block, pack(vals), i)

    return rt.call(recv.recv, recv.meth, *recv.args, block=native_block(step))


@builtin(ENUMERATOR, "with_object", "each_with_object")
def enumerator_with_object(rt: Any, recv: Enumerator, memo: Any, block: RProc | None = None) -> Any:
    """Enumerator#with_object(memo): the underlying method with ``memo`` passed too; answers ``memo``."""
    if block is None:
        return Enumerator(recv, "with_object", (memo,))

    def step(*vals: Any) -> Any:
        return rt.call_block(block, pack(vals), memo)

    rt.call(recv.recv, recv.meth, *recv.args, block=native_block(step))
    return memo


@builtin(ENUMERATOR, "size")
def enumerator_size(rt: Any, recv: Enumerator, block: RProc | None = None) -> Any:
    """Enumerator#size."""
    return enum_size(rt, recv)


@builtin(ENUMERATOR, "next")
def enumerator_next(rt: Any, recv: Enumerator, block: RProc | None = None) -> Any:
    """Enumerator#next: the following value (StopIteration at the end)."""
    value = enumerator_peek(rt, recv)
    recv.pos += 1
    return value


@builtin(ENUMERATOR, "peek")
def enumerator_peek(rt: Any, recv: Enumerator, block: RProc | None = None) -> Any:
    """Enumerator#peek: the following value without moving on."""
    if recv.buffer is None:
        recv.buffer = list(recv.values(rt))
    if recv.pos >= len(recv.buffer):
        err = rt.error("StopIteration", "iteration reached an end")
        # StopIteration#result: what the iteration returned; the each methods return their receiver.
        if recv.meth in _EACH_RETURNS_RECEIVER and not recv.args:
            err.exc.ivars["__result"] = recv.recv
        raise err
    return recv.buffer[recv.pos]


_EACH_RETURNS_RECEIVER = frozenset(("each", "each_with_index", "reverse_each", "each_key", "each_value", "each_pair", "each_char"))


@builtin(ENUMERATOR, "rewind")
def enumerator_rewind(rt: Any, recv: Enumerator, block: RProc | None = None) -> Any:
    """Enumerator#rewind: start ``next`` over."""
    recv.buffer = None
    recv.pos = 0
    return recv


@builtin(ENUMERATOR, "inspect", "to_s")
def enumerator_inspect(rt: Any, recv: Enumerator, block: RProc | None = None) -> RString:
    """Enumerator#inspect: ``#<Enumerator: [1, 2]:each_slice(2)>``."""
    if recv.meth == "step" and type(recv.recv) is RRange:
        return RString(f"(({rt.inspect(recv.recv)}).step({', '.join(rt.inspect(a) for a in recv.args)}))")
    with guard("inspect", recv) as busy:
        if busy:
            return RString("#<Enumerator: ...>")
        args = f"({', '.join(rt.inspect(a) for a in recv.args)})" if recv.args else ""
        return RString(f"#<Enumerator: {rt.inspect(recv.recv)}:{recv.meth}{args}>")


# --------------------------------------------------------------------------- algorithms shared with Array


def slices(rt: Any, vals: Iterable[Any], n: Any) -> Iterator[list[Any]]:
    """Consecutive slices of ``n`` values (the last may be shorter)."""
    size = to_int(rt, n)
    if size <= 0:
        raise rt.error("ArgumentError", "invalid slice size")
    chunk: list[Any] = []
    for x in vals:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def windows(rt: Any, vals: Iterable[Any], n: Any) -> Iterator[list[Any]]:
    """Every run of ``n`` consecutive values."""
    size = to_int(rt, n)
    if size <= 0:
        raise rt.error("ArgumentError", "invalid size")
    window: list[Any] = []
    for x in vals:
        window.append(x)
        if len(window) > size:
            window.pop(0)
        if len(window) == size:
            yield list(window)


def pattern_test(rt: Any, pattern: Any, block: RProc | None) -> Callable[[Any], bool]:
    """The predicate ``all?``/``any?``/``none?``/``one?`` apply: ``pattern === x``, the block, or truthiness."""
    if pattern is not MISSING:
        return lambda x: truthy(rt.call(pattern, "===", x))
    if block is not None:
        return lambda x: truthy(rt.call_block(block, x))
    return truthy


def merge_sort(items: list[Any], cmp: Callable[[Any, Any], int]) -> list[Any]:
    """Stable merge sort making the same comparisons, in the same order, as Ruby's sort on glibc."""
    n = len(items)
    if n <= 1:
        return list(items)
    half = n // 2
    left = merge_sort(items[:half], cmp)
    right = merge_sort(items[half:], cmp)
    out: list[Any] = []
    i = j = 0
    while i < len(left) and j < len(right):
        if cmp(left[i], right[j]) <= 0:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def sort_values(rt: Any, items: list[Any], block: RProc | None = None) -> list[Any]:
    """``items`` sorted by ``<=>`` (or by the block's answer), stably as Ruby's sort on this platform."""
    if block is None:
        native = _native_key(items)
        if native is not None:
            return sorted(items, key=native)
    return merge_sort(items, compare_fn(rt, block))


def _native_key(items: list[Any]) -> Callable[[Any], Any] | None:
    """A Python sort key agreeing with ``<=>`` when all items are numbers, or all Strings, or all Symbols."""
    types = {type(x) for x in items}
    if types <= {int, float}:
        if any(type(x) is float and math.isnan(x) for x in items):
            return None
        return lambda x: x
    if types == {RString}:
        return lambda x: x.s.encode("utf-8", "surrogateescape")
    if types == {Symbol}:
        return lambda x: x.name.encode("utf-8", "surrogateescape")
    return None


def sort_by_values(rt: Any, items: list[Any], block: RProc) -> list[Any]:
    """``items`` sorted by the block's answer for each."""
    keyed = [(rt.call_block(block, x), x) for x in items]
    native = _native_key([k for k, _ in keyed])
    if native is not None:
        keyed.sort(key=lambda kx: native(kx[0]))
    else:
        keyed = merge_sort(keyed, lambda a, b: rt.compare(a[0], b[0]))
    return [x for _, x in keyed]


def compare_fn(rt: Any, block: RProc | None) -> Callable[[Any, Any], int]:
    """``a <=> b`` as -1/0/1, through the block when given."""
    if block is None:
        return rt.compare
    return lambda a, b: cmpint(rt, rt.call_block(block, a, b), a, b)


def extreme(rt: Any, vals: Iterable[Any], sign: int, block: RProc | None = None) -> Any:
    """The first minimum (``sign`` -1) or maximum (``sign`` 1) value; nil when there are none."""
    if block is None and type(vals) is list and vals:
        native = _native_key(vals)
        if native is not None:
            return (min if sign < 0 else max)(vals, key=native)
    cmp = compare_fn(rt, block)
    best = MISSING
    for x in vals:
        if best is MISSING or cmp(x, best) * sign > 0:
            best = x
    return None if best is MISSING else best


def extreme_by(rt: Any, vals: Iterable[Any], sign: int, block: RProc) -> Any:
    """The first value whose block answer is least (``sign`` -1) or greatest (1)."""
    best = best_key = MISSING
    for x in vals:
        k = rt.call_block(block, x)
        if best is MISSING or rt.compare(k, best_key) * sign > 0:
            best, best_key = x, k
    return None if best is MISSING else best


def nmin(rt: Any, vals: Iterable[Any], n: Any, by: bool, rev: bool, block: RProc | None) -> list[Any]:
    """``min(n)``/``max(n)``/``min_by(n)``/``max_by(n)``: Ruby's buffered selection, ties as Ruby orders them."""
    count = to_int(rt, n)
    if count < 0:
        raise rt.error("ArgumentError", f"negative size ({count})")
    if count == 0:
        return []
    if by:

        def cmp(a: Any, b: Any) -> int:
            return rt.compare(a[0], b[0])
    else:
        plain = compare_fn(rt, block)

        def cmp(a: Any, b: Any) -> int:
            return plain(a[0], b[0])

    sign = -1 if rev else 1
    buf: list[tuple[Any, Any]] = []
    limit: Any = MISSING
    for x in vals:
        entry = (rt.call_block(block, x) if by and block is not None else x, x)
        if limit is not MISSING and cmp(entry, limit) * sign >= 0:
            continue
        buf.append(entry)
        if len(buf) == count * 4:
            limit = _nmin_filter(buf, count, cmp, sign)
    if len(buf) > count:
        _nmin_filter(buf, count, cmp, sign)
    out = [e[1] for e in merge_sort(buf, cmp)]
    if rev:
        out.reverse()
    return out


def _nmin_filter(buf: list[Any], n: int, cmp: Callable[[Any, Any], int], sign: int) -> Any:
    """Keep the ``n`` least entries of ``buf`` (quickselect as Ruby's nmin_filter); answer the last pivot."""
    left, right = 0, len(buf) - 1
    while True:
        pivot = left + (right - left) // 2
        pivots = 1
        buf[pivot], buf[right] = buf[right], buf[pivot]
        pivot = right
        store = left
        i = left
        while i <= right - pivots:
            c = cmp(buf[i], buf[pivot]) * sign
            if c == 0:
                buf[i], buf[right - pivots] = buf[right - pivots], buf[i]
                pivots += 1
                continue
            if c < 0:
                buf[i], buf[store] = buf[store], buf[i]
                store += 1
            i += 1
        j = store
        i = right
        while right - pivots < i:
            if j <= i:
                buf[j], buf[i] = buf[i], buf[j]
                j += 1
            i -= 1
        if store <= n <= store + pivots:
            break
        if n < store:
            right = store - 1
        else:
            left = store + pivots
    limit = buf[store]
    del buf[n:]
    return limit


def minmax_values(rt: Any, vals: Iterable[Any], block: RProc | None) -> list[Any]:
    """``[min, max]`` compared pairwise as Ruby's Enumerable#minmax does."""
    cmp = compare_fn(rt, block)
    lo = hi = last = MISSING

    def update(i: Any, j: Any) -> None:
        nonlocal lo, hi
        if lo is MISSING:
            lo, hi = i, j
            return
        if cmp(i, lo) < 0:
            lo = i
        if cmp(j, hi) > 0:
            hi = j

    for x in vals:
        if last is MISSING:
            last = x
            continue
        j, i = last, x
        last = MISSING
        c = cmp(j, i)
        if c == 0:
            i = j
        elif c < 0:
            i, j = j, i
        update(i, j)
    if last is not MISSING:
        update(last, last)
    return [None, None] if lo is MISSING else [lo, hi]


def ruby_sum(rt: Any, vals: Iterable[Any], init: Any = 0, block: RProc | None = None) -> Any:
    """Ruby's ``sum``: exact for Integers, Kahan-Babuska compensated once a Float appears, else ``+``."""
    it = iter(vals)
    v = init
    e: Any = MISSING
    if is_int(v):
        for x in it:
            x = rt.call_block(block, x) if block is not None else x
            if is_int(x):
                v += x
            else:
                e = x
                break
        else:
            return v
    else:
        for x in it:
            e = rt.call_block(block, x) if block is not None else x
            break
        else:
            return v
    if type(e) is float:
        f = _to_f(rt, v)
        c = 0.0
        x = e
        while True:
            if type(x) is float or is_int(x):
                xf = float(x)
                if math.isnan(f):
                    pass
                elif math.isnan(xf):
                    f = xf
                elif math.isinf(xf):
                    f = math.nan if math.isinf(f) and (xf < 0) != (f < 0) else xf
                elif not math.isinf(f):
                    t = f + xf
                    c += (f - t) + xf if abs(f) >= abs(xf) else (xf - t) + f
                    f = t
            else:
                v = f
                e = x
                break
            nxt = next(it, MISSING)
            if nxt is MISSING:
                return f + c
            x = rt.call_block(block, nxt) if block is not None else nxt
    v = rt.call(v, "+", e)
    for x in it:
        v = rt.call(v, "+", rt.call_block(block, x) if block is not None else x)
    return v


def _to_f(rt: Any, v: Any) -> float:
    if type(v) is float or is_int(v):
        return float(v)
    if v is None:
        raise rt.error("TypeError", "can't convert nil into Float")
    if type(v) is RString:
        raise rt.error("TypeError", "no implicit conversion to float from string")
    return float(to_float_via(rt, v))


def to_float_via(rt: Any, v: Any) -> Any:
    """``v.to_f`` for numeric-like objects (TypeError otherwise)."""
    if rt.responds_to(v, "to_f") and rt.responds_to(v, "coerce"):
        return rt.call(v, "to_f")
    raise rt.error("TypeError", f"can't convert {class_name(v)} into Float")


def inject_values(rt: Any, vals: Iterable[Any], args: tuple[Any, ...], block: RProc | None) -> Any:
    """``inject``/``reduce`` in its forms: (init, :op), (:op), (init) { }, { }."""
    op: Any = None
    memo: Any = MISSING
    if len(args) == 2:
        memo, op = args
    elif len(args) == 1 and block is None:
        op = args[0]
    elif len(args) == 1:
        memo = args[0]
    elif len(args) > 2:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected 0..2)")
    if op is not None:
        if type(op) not in (Symbol, RString):
            raise rt.error("TypeError", f"{rt.inspect(op)} is not a symbol nor a string")
        name = op.name if type(op) is Symbol else op.s
    for x in vals:
        if memo is MISSING:
            memo = x
        elif op is not None:
            memo = memo + x if name == "+" and is_int(memo) and is_int(x) else rt.call(memo, name, x)
        else:
            memo = rt.call_block(block, memo, x)
    return None if memo is MISSING else memo


def tally_values(rt: Any, vals: Iterable[Any], into: RHash | None = None) -> RHash:
    """``tally``: a Hash from each value to how often it occurs."""
    out = into if into is not None else RHash()
    for x in vals:
        k = hash_key(rt, x)
        if k in out:
            out[k] = out[k] + 1
        else:
            out[store_key(rt, x)] = 1
    return out


def group_values(rt: Any, vals: Iterable[Any], block: RProc) -> RHash:
    """``group_by``: a Hash from each block answer to the values that gave it."""
    out = RHash()
    for x in vals:
        k = rt.call_block(block, x)
        hk = hash_key(rt, k)
        if hk in out:
            out[hk].append(x)
        else:
            out[store_key(rt, k)] = [x]
    return out


def uniq_values(rt: Any, vals: Iterable[Any], block: RProc | None) -> list[Any]:
    """``uniq``: the first of each run of ``eql?`` values (or block answers)."""
    seen: set[Any] = set()
    out = []
    for x in vals:
        k = eql_key(rt.call_block(block, x) if block is not None else x)
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def pairs_to_hash(rt: Any, vals: Iterable[Any], block: RProc | None, indexed: bool) -> RHash:
    """``to_h``: a Hash from ``[key, value]`` pairs (or the pairs the block makes)."""
    out = RHash()
    for i, x in enumerate(vals):
        pair = rt.call_block(block, x) if block is not None else x
        at = f" at {i}" if indexed else ""
        if not isinstance(pair, list):
            raise rt.error("TypeError", f"wrong element type {class_name(pair)}{at} (expected array)")
        if len(pair) != 2:
            if indexed:
                raise rt.error("ArgumentError", f"wrong array length at {i} (expected 2, was {len(pair)})")
            raise rt.error("ArgumentError", f"element has wrong array length (expected 2, was {len(pair)})")
        out[store_key(rt, pair[0])] = pair[1]
    return out


def flat_map_values(rt: Any, vals: Iterable[Any], block: RProc) -> list[Any]:
    """``flat_map``: block answers, Arrays spliced in one level."""
    out: list[Any] = []
    for x in vals:
        r = rt.call_block(block, x)
        if isinstance(r, list):
            out.extend(r)
        else:
            out.append(r)
    return out


def chunk_runs(rt: Any, vals: Iterable[Any], block: RProc, split_when: bool) -> list[list[Any]]:
    """``chunk_while`` (split where the block is false) and ``slice_when`` (split where it is true)."""
    out: list[list[Any]] = []
    prev: Any = MISSING
    for x in vals:
        if prev is MISSING:
            out.append([x])
        elif truthy(rt.call_block(block, prev, x)) == split_when:
            out.append([x])
        else:
            out[-1].append(x)
        prev = x
    return out


def zip_values(rt: Any, mine: list[Any], others: tuple[Any, ...], block: RProc | None) -> Any:
    """``zip``: tuples of each value with the values at the same place in ``others`` (nil-padded)."""
    lists = []
    for o in others:
        if isinstance(o, list):
            lists.append(o)
        elif rt.responds_to(o, "each"):
            lists.append(list(values(rt, o)))
        else:
            raise rt.error("TypeError", f"wrong argument type {class_name(o)} (must respond to :each)")
    rows = [[x, *(lst[i] if i < len(lst) else None for lst in lists)] for i, x in enumerate(mine)]
    if block is None:
        return rows
    for row in rows:
        rt.call_block(block, row)
    return None


def take_count(rt: Any, n: Any) -> int:
    """The count for ``take``/``first`` on an Enumerable (ArgumentError when negative)."""
    count = to_int(rt, n)
    if count < 0:
        raise rt.error("ArgumentError", "attempt to take negative size")
    return count


# --------------------------------------------------------------------------- Enumerable methods


E = ENUMERABLE


@builtin(E, "to_a", "entries")
def enum_to_a(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> list[Any]:
    """Enumerable#to_a."""
    if args:
        return collect_each(rt, recv, "each", *args)
    return list(values(rt, recv))


@builtin(E, "each_entry")
def enum_each_entry(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#each_entry."""
    if block is None:
        return make_enum(recv, "each_entry")
    for x in values(rt, recv):
        rt.call_block(block, x)
    return recv


@builtin(E, "each_with_index")
def enum_each_with_index(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#each_with_index: yields (value, index); answers the receiver."""
    if block is None:
        return make_enum(recv, "each_with_index")
    for i, x in enumerate(values(rt, recv)):
        rt.call_block(block, x, i)
    return recv


@builtin(E, "each_with_object")
def enum_each_with_object(rt: Any, recv: Any, memo: Any, block: RProc | None = None) -> Any:
    """Enumerable#each_with_object: yields (value, memo); answers memo."""
    if block is None:
        return make_enum(recv, "each_with_object", memo)
    for x in values(rt, recv):
        rt.call_block(block, x, memo)
    return memo


@builtin(E, "map", "collect")
def enum_map(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#map."""
    if block is None:
        return make_enum(recv, "map")
    return [rt.call_block(block, x) for x in values(rt, recv)]


@builtin(E, "flat_map", "collect_concat")
def enum_flat_map(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#flat_map."""
    if block is None:
        return make_enum(recv, "flat_map")
    return flat_map_values(rt, values(rt, recv), block)


@builtin(E, "select", "filter", "find_all")
def enum_select(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#select."""
    if block is None:
        return make_enum(recv, "select")
    return [x for x in values(rt, recv) if truthy(rt.call_block(block, x))]


@builtin(E, "reject")
def enum_reject(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#reject."""
    if block is None:
        return make_enum(recv, "reject")
    return [x for x in values(rt, recv) if not truthy(rt.call_block(block, x))]


@builtin(E, "filter_map")
def enum_filter_map(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#filter_map: the truthy block answers."""
    if block is None:
        return make_enum(recv, "filter_map")
    out = []
    for x in values(rt, recv):
        r = rt.call_block(block, x)
        if truthy(r):
            out.append(r)
    return out


@builtin(E, "partition")
def enum_partition(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#partition: ``[selected, rejected]``."""
    if block is None:
        return make_enum(recv, "partition")
    yes: list[Any] = []
    no: list[Any] = []
    for x in values(rt, recv):
        (yes if truthy(rt.call_block(block, x)) else no).append(x)
    return [yes, no]


@builtin(E, "group_by")
def enum_group_by(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#group_by."""
    if block is None:
        return make_enum(recv, "group_by")
    return group_values(rt, values(rt, recv), block)


@builtin(E, "chunk_while")
def enum_chunk_while(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#chunk_while: an enumerator of runs where the block holds between neighbours."""
    if block is None:
        raise rt.error("ArgumentError", "tried to create Proc object without a block")
    return make_enum(chunk_runs(rt, values(rt, recv), block, False), "each")


@builtin(E, "slice_when")
def enum_slice_when(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#slice_when: an enumerator of runs split where the block holds between neighbours."""
    if block is None:
        raise rt.error("ArgumentError", "tried to create Proc object without a block")
    return make_enum(chunk_runs(rt, values(rt, recv), block, True), "each")


@builtin(E, "chunk")
def enum_chunk(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#chunk: an enumerator of ``[key, run]`` for runs of equal block answers (nil drops)."""
    if block is None:
        return make_enum(recv, "chunk")
    out: list[list[Any]] = []
    for x in values(rt, recv):
        k = rt.call_block(block, x)
        if k is None or (type(k) is Symbol and k.name == "_separator"):
            out.append([])
            continue
        alone = type(k) is Symbol and k.name == "_alone"
        if out and out[-1] and not alone and rt.eq(out[-1][0], k):
            out[-1][1].append(x)
        else:
            out.append([k, [x]])
    return make_enum([run for run in out if run], "each")


@builtin(E, "each_slice")
def enum_each_slice(rt: Any, recv: Any, n: Any, block: RProc | None = None) -> Any:
    """Enumerable#each_slice(n): yields each slice; answers the receiver."""
    if to_int(rt, n) <= 0:
        raise rt.error("ArgumentError", "invalid slice size")
    if block is None:
        return make_enum(recv, "each_slice", n)
    for chunk in slices(rt, values(rt, recv), n):
        rt.call_block(block, chunk)
    return recv


@builtin(E, "each_cons")
def enum_each_cons(rt: Any, recv: Any, n: Any, block: RProc | None = None) -> Any:
    """Enumerable#each_cons(n): yields each window; answers the receiver."""
    if to_int(rt, n) <= 0:
        raise rt.error("ArgumentError", "invalid size")
    if block is None:
        return make_enum(recv, "each_cons", n)
    for w in windows(rt, values(rt, recv), n):
        rt.call_block(block, w)
    return recv


@builtin(E, "find", "detect")
def enum_find(rt: Any, recv: Any, ifnone: Any = None, block: RProc | None = None) -> Any:
    """Enumerable#find: the first value the block accepts, else nil (or ``ifnone.call``)."""
    if block is None:
        return make_enum(recv, "find")
    for x in values(rt, recv):
        if truthy(rt.call_block(block, x)):
            return x
    return None if ifnone is None else rt.call(ifnone, "call")


@builtin(E, "find_index")
def enum_find_index(rt: Any, recv: Any, value: Any = MISSING, block: RProc | None = None) -> Any:
    """Enumerable#find_index(value) / find_index { }."""
    if value is MISSING and block is None:
        return make_enum(recv, "find_index")
    for i, x in enumerate(values(rt, recv)):
        if rt.eq(x, value) if value is not MISSING else truthy(rt.call_block(block, x)):
            return i
    return None


@builtin(E, "include?", "member?")
def enum_include(rt: Any, recv: Any, value: Any, block: RProc | None = None) -> bool:
    """Enumerable#include?: whether some value ``== value``."""
    return any(rt.eq(x, value) for x in values(rt, recv))


@builtin(E, "count")
def enum_count(rt: Any, recv: Any, value: Any = MISSING, block: RProc | None = None) -> int:
    """Enumerable#count: all values, those ``== value``, or those the block accepts."""
    if value is not MISSING:
        return sum(1 for x in values(rt, recv) if rt.eq(x, value))
    if block is not None:
        return sum(1 for x in values(rt, recv) if truthy(rt.call_block(block, x)))
    return sum(1 for _ in values(rt, recv))


@builtin(E, "first")
def enum_first(rt: Any, recv: Any, n: Any = MISSING, block: RProc | None = None) -> Any:
    """Enumerable#first / first(n)."""
    if n is MISSING:
        for x in values(rt, recv):
            return x
        return None
    count = take_count(rt, n)
    out: list[Any] = []
    if count == 0:
        return out
    for x in values(rt, recv):
        out.append(x)
        if len(out) >= count:
            break
    return out


@builtin(E, "take")
def enum_take(rt: Any, recv: Any, n: Any, block: RProc | None = None) -> list[Any]:
    """Enumerable#take(n)."""
    return enum_first(rt, recv, n)


@builtin(E, "drop")
def enum_drop(rt: Any, recv: Any, n: Any, block: RProc | None = None) -> list[Any]:
    """Enumerable#drop(n)."""
    count = to_int(rt, n)
    if count < 0:
        raise rt.error("ArgumentError", "attempt to drop negative size")
    return list(values(rt, recv))[count:]


@builtin(E, "take_while")
def enum_take_while(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#take_while."""
    if block is None:
        return make_enum(recv, "take_while")
    out = []
    for x in values(rt, recv):
        if not truthy(rt.call_block(block, x)):
            break
        out.append(x)
    return out


@builtin(E, "drop_while")
def enum_drop_while(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#drop_while."""
    if block is None:
        return make_enum(recv, "drop_while")
    out = []
    dropping = True
    for x in values(rt, recv):
        if dropping and truthy(rt.call_block(block, x)):
            continue
        dropping = False
        out.append(x)
    return out


@builtin(E, "all?")
def enum_all(rt: Any, recv: Any, pattern: Any = MISSING, block: RProc | None = None) -> bool:
    """Enumerable#all?."""
    test = pattern_test(rt, pattern, block)
    return all(test(x) for x in values(rt, recv))


@builtin(E, "any?")
def enum_any(rt: Any, recv: Any, pattern: Any = MISSING, block: RProc | None = None) -> bool:
    """Enumerable#any?."""
    test = pattern_test(rt, pattern, block)
    return any(test(x) for x in values(rt, recv))


@builtin(E, "none?")
def enum_none(rt: Any, recv: Any, pattern: Any = MISSING, block: RProc | None = None) -> bool:
    """Enumerable#none?."""
    test = pattern_test(rt, pattern, block)
    return not any(test(x) for x in values(rt, recv))


@builtin(E, "one?")
def enum_one(rt: Any, recv: Any, pattern: Any = MISSING, block: RProc | None = None) -> bool:
    """Enumerable#one?."""
    test = pattern_test(rt, pattern, block)
    found = 0
    for x in values(rt, recv):
        if test(x):
            found += 1
            if found > 1:
                return False
    return found == 1


@builtin(E, "grep")
def enum_grep(rt: Any, recv: Any, pattern: Any, block: RProc | None = None) -> list[Any]:
    """Enumerable#grep: values with ``pattern === value`` (mapped through the block)."""
    return _grep(rt, recv, pattern, block, True)


def _grep(rt: Any, recv: Any, pattern: Any, block: RProc | None, keep: bool) -> list[Any]:
    """grep/grep_v: the block runs right after each match, so ``$~`` in it is that element's match."""
    out = []
    for x in values(rt, recv):
        if truthy(rt.call(pattern, "===", x)) == keep:
            out.append(rt.call_block(block, x) if block is not None else x)
    return out


@builtin(E, "grep_v")
def enum_grep_v(rt: Any, recv: Any, pattern: Any, block: RProc | None = None) -> list[Any]:
    """Enumerable#grep_v: values without ``pattern === value`` (mapped through the block)."""
    return _grep(rt, recv, pattern, block, False)


@builtin(E, "min")
def enum_min(rt: Any, recv: Any, n: Any = None, block: RProc | None = None) -> Any:
    """Enumerable#min / min(n) (with an optional comparison block)."""
    if n is not None:
        return nmin(rt, values(rt, recv), n, False, False, block)
    return extreme(rt, values(rt, recv), -1, block)


@builtin(E, "max")
def enum_max(rt: Any, recv: Any, n: Any = None, block: RProc | None = None) -> Any:
    """Enumerable#max / max(n) (with an optional comparison block)."""
    if n is not None:
        return nmin(rt, values(rt, recv), n, False, True, block)
    return extreme(rt, values(rt, recv), 1, block)


@builtin(E, "minmax")
def enum_minmax(rt: Any, recv: Any, block: RProc | None = None) -> list[Any]:
    """Enumerable#minmax."""
    return minmax_values(rt, values(rt, recv), block)


@builtin(E, "min_by")
def enum_min_by(rt: Any, recv: Any, n: Any = None, block: RProc | None = None) -> Any:
    """Enumerable#min_by / min_by(n)."""
    if block is None:
        return make_enum(recv, "min_by", *(() if n is None else (n,)))
    if n is not None:
        return nmin(rt, values(rt, recv), n, True, False, block)
    return extreme_by(rt, values(rt, recv), -1, block)


@builtin(E, "max_by")
def enum_max_by(rt: Any, recv: Any, n: Any = None, block: RProc | None = None) -> Any:
    """Enumerable#max_by / max_by(n)."""
    if block is None:
        return make_enum(recv, "max_by", *(() if n is None else (n,)))
    if n is not None:
        return nmin(rt, values(rt, recv), n, True, True, block)
    return extreme_by(rt, values(rt, recv), 1, block)


@builtin(E, "minmax_by")
def enum_minmax_by(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#minmax_by."""
    if block is None:
        return make_enum(recv, "minmax_by")
    items = list(values(rt, recv))
    return [extreme_by(rt, items, -1, block), extreme_by(rt, items, 1, block)]


@builtin(E, "sort")
def enum_sort(rt: Any, recv: Any, block: RProc | None = None) -> list[Any]:
    """Enumerable#sort."""
    return sort_values(rt, list(values(rt, recv)), block)


@builtin(E, "sort_by")
def enum_sort_by(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#sort_by."""
    if block is None:
        return make_enum(recv, "sort_by")
    return sort_by_values(rt, list(values(rt, recv)), block)


@builtin(E, "sum")
def enum_sum(rt: Any, recv: Any, init: Any = 0, block: RProc | None = None) -> Any:
    """Enumerable#sum(init = 0)."""
    return ruby_sum(rt, values(rt, recv), init, block)


@builtin(E, "inject", "reduce")
def enum_inject(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """Enumerable#inject / reduce."""
    return inject_values(rt, values(rt, recv), args, block)


@builtin(E, "tally")
def enum_tally(rt: Any, recv: Any, into: Any = None, block: RProc | None = None) -> RHash:
    """Enumerable#tally."""
    return tally_values(rt, values(rt, recv), into)


@builtin(E, "uniq")
def enum_uniq(rt: Any, recv: Any, block: RProc | None = None) -> list[Any]:
    """Enumerable#uniq."""
    return uniq_values(rt, values(rt, recv), block)


@builtin(E, "to_h")
def enum_to_h(rt: Any, recv: Any, block: RProc | None = None) -> RHash:
    """Enumerable#to_h."""
    return pairs_to_hash(rt, values(rt, recv), block, indexed=False)


@builtin(E, "zip")
def enum_zip(rt: Any, recv: Any, *others: Any, block: RProc | None = None) -> Any:
    """Enumerable#zip."""
    return zip_values(rt, list(values(rt, recv)), others, block)


@builtin(E, "reverse_each")
def enum_reverse_each(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Enumerable#reverse_each."""
    if block is None:
        return make_enum(recv, "reverse_each")
    for x in reversed(list(values(rt, recv))):
        rt.call_block(block, x)
    return recv


@builtin(E, "cycle")
def enum_cycle(rt: Any, recv: Any, n: Any = None, block: RProc | None = None) -> Any:
    """Enumerable#cycle(n = forever)."""
    if block is None:
        return make_enum(recv, "cycle", *(() if n is None else (n,)))
    items = list(values(rt, recv))
    return cycle_items(rt, items, n, block)


def cycle_items(rt: Any, items: list[Any], n: Any, block: RProc) -> None:
    """Yield ``items`` in turn ``n`` times (forever when nil); a break in the block ends it."""
    if n is None:
        while items:
            for x in list(items):
                rt.call_block(block, x)
        return None
    for _ in range(to_int(rt, n)):
        for x in list(items):
            rt.call_block(block, x)
    return None
