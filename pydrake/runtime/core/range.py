"""Built-in methods of Ruby's Range (an RRange): iteration over Integer, String and ``succ`` ranges."""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Iterator
from typing import Any

from pydrake.runtime.classes import NUMERIC, RANGE, builtin, class_of
from pydrake.runtime.core.enumerable import (
    MISSING,
    enum_count,
    enum_max,
    enum_min,
    eql_key,
    guard,
    is_int,
    make_enum,
    minmax_values,
    register_enum_source,
    register_iterator,
    ruby_sum,
    to_int,
    values,
)
from pydrake.runtime.objects import RProc, RRange, RString, Symbol, truthy

INF = math.inf


def _is_num(v: Any) -> bool:
    return type(v) in (int, float) or (v is not None and type(v) is not bool and NUMERIC in class_of(v).ancestors())


def less(rt: Any, a: Any, b: Any) -> int:
    """``a <=> b`` as -1/0/1, or a large number when they do not compare (Ruby's r_less)."""
    if type(a) in (int, float) and type(b) in (int, float):
        return (a > b) - (a < b)
    if type(a) is RString and type(b) is RString:
        x, y = a.s.encode("utf-8", "surrogateescape"), b.s.encode("utf-8", "surrogateescape")
        return (x > y) - (x < y)
    r = rt.call(a, "<=>", b)
    if r is None:
        return sys.maxsize
    if type(r) in (int, float):
        return (r > 0) - (r < 0)
    return 1 if truthy(rt.call(r, ">", 0)) else -1 if truthy(rt.call(r, "<", 0)) else 0


def cover(rt: Any, r: RRange, v: Any) -> bool:
    """Whether ``v`` lies between the ends by ``<=>`` (Range#cover? for a value)."""
    if r.first is not None and less(rt, r.first, v) > 0:
        return False
    return r.last is None or less(rt, v, r.last) <= (-1 if r.exclusive else 0)


# --------------------------------------------------------------------------- String succession


def succ(rt: Any, s: RString) -> RString:
    """``s.succ`` through the runtime, or a local version for plain alphanumeric text."""
    if rt.responds_to(s, "succ"):
        return rt.call(s, "succ")
    return RString(local_succ(s.s))


def local_succ(s: str) -> str:
    """String#succ: increment the rightmost alphanumeric, carrying leftwards ("az" -> "ba", "zz" -> "aaa")."""
    if not s:
        return ""
    chars = list(s)
    alnum = [i for i, c in enumerate(chars) if c.isascii() and c.isalnum()]
    if not alnum:
        chars[-1] = chr(ord(chars[-1]) + 1)
        return "".join(chars)
    carry = ""
    for i in reversed(alnum):
        c = chars[i]
        if c == "z":
            chars[i], carry = "a", "a"
        elif c == "Z":
            chars[i], carry = "A", "A"
        elif c == "9":
            chars[i], carry = "0", "1"
        else:
            chars[i] = chr(ord(c) + 1)
            return "".join(chars)
    chars.insert(alnum[0], carry)
    return "".join(chars)


def string_upto(rt: Any, beg: RString, end: RString | None, excl: bool) -> Iterator[RString]:
    """The Strings ``beg..end`` walks through (Ruby's String#upto, endless when ``end`` is nil)."""
    b = beg.s
    if end is None:
        if b.isascii() and b.isdigit():
            width = len(b)
            for n in itertools.count(int(b)):
                yield RString(f"{n:0{width}d}")
            return
        current = RString(b)
        while True:
            yield current
            current = succ(rt, current)
    e = end.s
    if len(b) == 1 and len(e) == 1 and b.isascii() and e.isascii():
        c, last = ord(b), ord(e)
        if c > last or (excl and c == last):
            return
        while True:
            yield RString(chr(c))
            if not excl and c == last:
                return
            c += 1
            if excl and c == last:
                return
    if b[:1].isdigit() and e[:1].isdigit() and b.isascii() and e.isascii() and b.isdigit() and e.isdigit():
        width = len(b)
        for n in range(int(b), int(e) + (0 if excl else 1)):
            yield RString(f"{n:0{width}d}")
        return
    n = less(rt, beg, end)
    if n > 0 or (excl and n == 0):
        return
    after_end = succ(rt, end)
    current = RString(b)
    while current.s != after_end.s:
        nxt = succ(rt, current) if excl or current.s != e else None
        yield current
        if nxt is None:
            return
        current = nxt
        if excl and current.s == e:
            return
        if len(current.s) > len(e) or not current.s:
            return


# --------------------------------------------------------------------------- iteration


def range_values(rt: Any, r: RRange) -> Iterator[Any]:
    """The values ``r.each`` yields."""
    b, e = r.first, r.last
    if is_int(b):
        if e is None:
            return itertools.count(b)
        if is_int(e):
            return iter(range(b, e if r.exclusive else e + 1))
        if type(e) is float:
            if math.isinf(e):
                return itertools.count(b) if e > 0 else iter(())
            top = math.ceil(e) if r.exclusive else math.floor(e) + 1
            return iter(range(b, top))
    if type(b) is RString and (e is None or type(e) is RString):
        return string_upto(rt, b, e, r.exclusive)
    if type(b) is Symbol and (e is None or type(e) is Symbol):
        names = string_upto(rt, RString(b.name), None if e is None else RString(e.name), r.exclusive)
        return (Symbol.of(s.s) for s in names)
    if b is None or type(b) is float or not rt.responds_to(b, "succ"):
        raise rt.error("TypeError", f"can't iterate from {class_of(b).name}")
    return _succ_values(rt, b, e, r.exclusive)


def _succ_values(rt: Any, v: Any, e: Any, excl: bool) -> Iterator[Any]:
    if e is None:
        while True:
            yield v
            v = rt.call(v, "succ")
    while True:
        c = less(rt, v, e)
        if c > 0 or (excl and c == 0):
            return
        yield v
        if c == 0:
            return
        v = rt.call(v, "succ")


register_iterator(RANGE, range_values)


def _check_bounded(rt: Any, r: RRange) -> None:
    if r.last is None:
        raise rt.error("RangeError", "cannot convert endless range to an array")


# --------------------------------------------------------------------------- construction and display


@builtin(RANGE, "new", singleton=True)
def range_new(rt: Any, cls: Any, b: Any, e: Any, excl: Any = False, block: RProc | None = None) -> RRange:
    """Range.new(begin, end, exclude_end = false)."""
    if not (is_int(b) and is_int(e)) and b is not None and e is not None and rt.call(b, "<=>", e) is None:
        raise rt.error("ArgumentError", "bad value for range")
    return RRange(b, e, truthy(excl))


@builtin(RANGE, "inspect")
def range_inspect(rt: Any, recv: RRange, block: RProc | None = None) -> RString:
    """Range#inspect: ``1..5``, ``1...5``, ``"a".."c"``, ``1..``, ``..5``."""
    with guard("inspect", recv) as busy:
        if busy:
            return RString("(... .. ...)")
        dots = "..." if recv.exclusive else ".."
        left = rt.inspect(recv.first) if recv.first is not None or recv.last is None else ""
        right = rt.inspect(recv.last) if recv.first is None or recv.last is not None else ""
        return RString(left + dots + right)


@builtin(RANGE, "to_s")
def range_to_s(rt: Any, recv: RRange, block: RProc | None = None) -> RString:
    """Range#to_s: the ends' ``to_s`` around ``..``."""
    left = "" if recv.first is None else rt.to_s(recv.first)
    right = "" if recv.last is None else rt.to_s(recv.last)
    return RString(left + ("..." if recv.exclusive else "..") + right)


@builtin(RANGE, "==")
def range_eq(rt: Any, recv: RRange, other: Any, block: RProc | None = None) -> bool:
    """Range#==: same exclusivity and ends ``==``."""
    if recv is other:
        return True
    return (
        type(other) is RRange
        and recv.exclusive == other.exclusive
        and rt.eq(recv.first, other.first)
        and rt.eq(recv.last, other.last)
    )


@builtin(RANGE, "eql?")
def range_eql(rt: Any, recv: RRange, other: Any, block: RProc | None = None) -> bool:
    """Range#eql?: ends ``eql?``."""
    return type(other) is RRange and eql_key(recv) == eql_key(other)


@builtin(RANGE, "hash")
def range_hash(rt: Any, recv: RRange, block: RProc | None = None) -> int:
    """Range#hash."""
    return hash(eql_key(recv))


@builtin(RANGE, "frozen?")
def range_frozen_p(rt: Any, recv: RRange, block: RProc | None = None) -> bool:
    """Range#frozen?: Ranges are always frozen."""
    return True


@builtin(RANGE, "freeze")
def range_freeze(rt: Any, recv: RRange, block: RProc | None = None) -> RRange:
    """Range#freeze."""
    return recv


@builtin(RANGE, "dup", "clone")
def range_dup(rt: Any, recv: RRange, *args: Any, block: RProc | None = None) -> RRange:
    """Range#dup."""
    return RRange(recv.first, recv.last, recv.exclusive)


@builtin(RANGE, "begin")
def range_begin(rt: Any, recv: RRange, block: RProc | None = None) -> Any:
    """Range#begin."""
    return recv.first


@builtin(RANGE, "end")
def range_end(rt: Any, recv: RRange, block: RProc | None = None) -> Any:
    """Range#end."""
    return recv.last


@builtin(RANGE, "exclude_end?")
def range_exclude_end(rt: Any, recv: RRange, block: RProc | None = None) -> bool:
    """Range#exclude_end?."""
    return recv.exclusive


# --------------------------------------------------------------------------- iterating


@builtin(RANGE, "each")
def range_each(rt: Any, recv: RRange, block: RProc | None = None) -> Any:
    """Range#each."""
    if block is None:
        return make_enum(recv, "each")
    for x in range_values(rt, recv):
        rt.call_block(block, x)
    return recv


@builtin(RANGE, "reverse_each")
def range_reverse_each(rt: Any, recv: RRange, block: RProc | None = None) -> Any:
    """Range#reverse_each."""
    if block is None:
        return make_enum(recv, "reverse_each")
    _check_bounded(rt, recv)
    if is_int(recv.first) and is_int(recv.last):
        top = recv.last - 1 if recv.exclusive else recv.last
        items: Any = range(top, recv.first - 1, -1)
    else:
        items = reversed(list(range_values(rt, recv)))
    for x in items:
        rt.call_block(block, x)
    return recv


@builtin(RANGE, "to_a", "entries", "to_ary")
def range_to_a(rt: Any, recv: RRange, block: RProc | None = None) -> list[Any]:
    """Range#to_a (RangeError for an endless Range)."""
    _check_bounded(rt, recv)
    return list(range_values(rt, recv))


def float_step_size(beg: float, end: float, unit: float, excl: bool) -> float:
    """How many values a Float step from ``beg`` to ``end`` yields (Ruby's ruby_float_step_size)."""
    if math.isinf(unit):
        return 1 if (unit > 0 and beg <= end) or (unit < 0 and beg >= end) else 0
    if unit == 0:
        return INF
    n = (end - beg) / unit
    err = min((abs(beg) + abs(end) + abs(end - beg)) / abs(unit) * sys.float_info.epsilon, 0.5)
    if excl:
        if n <= 0:
            return 0
        n = 0 if n < 1 else math.floor(n - err)
        d = (n + 1) * unit + beg
        if (beg < end and d < end) or (beg > end and d > end):
            n += 1
        return n + 1
    if n < 0:
        return 0
    return math.floor(n + err) + 1


def float_steps(beg: float, end: float, unit: float, excl: bool) -> Iterator[float]:
    """The Floats a step from ``beg`` to ``end`` yields: ``beg + i * unit``, the last clamped to ``end``."""
    n = float_step_size(beg, end, unit, excl)
    if math.isinf(unit):
        if n:
            yield beg
        return
    i = 0
    while i < n:
        d = i * unit + beg
        if (end < d) if unit >= 0 else (d < end):
            d = end
        yield d
        i += 1


def step_values(rt: Any, r: RRange, step: Any) -> Iterator[Any]:
    """The values ``r.step(step)`` yields."""
    b, e = r.first, r.last
    if is_int(b) and (e is None or is_int(e)) and is_int(step):
        if e is None:
            return itertools.count(b, step)
        return iter(range(b, e if r.exclusive else e + 1, step))
    if _is_num(b) and type(step) in (int, float) and (type(b) is float or type(e) is float or type(step) is float):
        end = INF if e is None else float(e)
        return float_steps(float(b), end, float(step), r.exclusive)
    if _is_num(b):
        return _add_values(rt, b, e, step, r.exclusive)
    n = to_int(rt, step)
    return itertools.islice(range_values(rt, r), 0, None, n)


def _add_values(rt: Any, v: Any, e: Any, step: Any, excl: bool) -> Iterator[Any]:
    while e is None or less(rt, v, e) < (0 if excl else 1):
        yield v
        v = rt.call(v, "+", step)


def _step_source(rt: Any, r: RRange, args: tuple[Any, ...]) -> Iterator[Any]:
    step = args[0] if args else 1
    if type(step) in (int, float) and step < 0:
        return iter(())
    return step_values(rt, r, step)


register_enum_source(RANGE, "step", _step_source)
register_enum_source(RANGE, "%", _step_source)


@builtin(RANGE, "step", "%")
def range_step(rt: Any, recv: RRange, step: Any = 1, block: RProc | None = None) -> Any:
    """Range#step(n): every n-th value (Floats stepped as Ruby does)."""
    if block is None:
        if step == 0 and type(step) in (int, float):
            raise rt.error("ArgumentError", "step can't be 0")
        return make_enum(recv, "step", step)
    if type(step) not in (int, float):
        step = to_int(rt, step)
    if step < 0:
        raise rt.error("ArgumentError", "step can't be negative")
    if step == 0:
        raise rt.error("ArgumentError", "step can't be 0")
    for x in step_values(rt, recv, step):
        rt.call_block(block, x)
    return recv


# --------------------------------------------------------------------------- querying


@builtin(RANGE, "first")
def range_first(rt: Any, recv: RRange, n: Any = MISSING, block: RProc | None = None) -> Any:
    """Range#first / first(n)."""
    if recv.first is None:
        raise rt.error("RangeError", "cannot get the first element of beginless range")
    if n is MISSING:
        return recv.first
    count = to_int(rt, n)
    if count < 0:
        raise rt.error("ArgumentError", "negative array size (or size too big)")
    return list(itertools.islice(range_values(rt, recv), count))


@builtin(RANGE, "last")
def range_last(rt: Any, recv: RRange, n: Any = MISSING, block: RProc | None = None) -> Any:
    """Range#last / last(n)."""
    if recv.last is None:
        raise rt.error("RangeError", "cannot get the last element of endless range")
    if n is MISSING:
        return recv.last
    count = to_int(rt, n)
    if count < 0:
        raise rt.error("ArgumentError", "negative array size")
    if is_int(recv.first) and is_int(recv.last):
        top = recv.last - 1 if recv.exclusive else recv.last
        return list(range(max(recv.first, top - count + 1), top + 1))
    items = list(range_values(rt, recv))
    return items[max(len(items) - count, 0) :]


@builtin(RANGE, "min")
def range_min(rt: Any, recv: RRange, *args: Any, block: RProc | None = None) -> Any:
    """Range#min: the beginning (nil for an empty Range)."""
    if recv.first is None:
        raise rt.error("RangeError", "cannot get the minimum of beginless range")
    if block is not None or args or (recv.exclusive and not _is_num(recv.last)):
        if recv.last is None:
            raise rt.error("RangeError", "cannot get the minimum of endless range with custom comparison method")
        return enum_min(rt, recv, *args, block=block)
    if recv.last is None:
        return recv.first
    c = less(rt, recv.first, recv.last)
    if c > 0 or (c == 0 and recv.exclusive):
        return None
    return recv.first


@builtin(RANGE, "max")
def range_max(rt: Any, recv: RRange, *args: Any, block: RProc | None = None) -> Any:
    """Range#max: the end (its predecessor for ``...`` Integer Ranges; nil for an empty Range)."""
    b, e = recv.first, recv.last
    if e is None:
        raise rt.error("RangeError", "cannot get the maximum of endless range")
    numeric_end = _is_num(e)
    if block is not None or args or (recv.exclusive and not numeric_end):
        if b is None:
            raise rt.error("RangeError", "cannot get the maximum of beginless range with custom comparison method")
        return enum_max(rt, recv, *args, block=block)
    if b is None:
        if recv.exclusive:
            raise rt.error("RangeError", "cannot get the maximum of beginless range with custom comparison method")
        return e
    c = less(rt, b, e)
    if recv.exclusive:
        if not is_int(e):
            raise rt.error("TypeError", "cannot exclude non Integer end value")
        if not is_int(b):
            raise rt.error("TypeError", "cannot exclude end value with non Integer begin value")
        if c >= 0:
            return None
        return e - 1
    return None if c > 0 else e


@builtin(RANGE, "minmax")
def range_minmax(rt: Any, recv: RRange, block: RProc | None = None) -> list[Any]:
    """Range#minmax."""
    if block is not None:
        return minmax_values(rt, range_values(rt, recv), block)
    return [range_min(rt, recv), range_max(rt, recv)]


@builtin(RANGE, "size")
def range_size(rt: Any, recv: RRange, block: RProc | None = None) -> Any:
    """Range#size: the number of values for numeric Ranges, else nil."""
    b, e = recv.first, recv.last
    if _is_num(b):
        if e is None:
            return INF
        if is_int(b) and is_int(e):
            return max(e - b + (0 if recv.exclusive else 1), 0)
        if _is_num(e):
            n = float_step_size(float(b), float(e), 1.0, recv.exclusive)
            return n if math.isinf(n) else int(n)
        return None
    if b is None and _is_num(e):
        return INF
    return None


@builtin(RANGE, "count")
def range_count(rt: Any, recv: RRange, *args: Any, block: RProc | None = None) -> Any:
    """Range#count: the size for Integer Ranges, Infinity for endless ones, else by walking."""
    if not args and block is None:
        if recv.first is None or recv.last is None:
            return INF
        if is_int(recv.first):
            size = range_size(rt, recv)
            if size is not None:
                return size
        return sum(1 for _ in range_values(rt, recv))
    return enum_count(rt, recv, *args, block=block)


@builtin(RANGE, "sum")
def range_sum(rt: Any, recv: RRange, init: Any = 0, block: RProc | None = None) -> Any:
    """Range#sum(init = 0): arithmetic series for Integer Ranges."""
    b, e = recv.first, recv.last
    if block is None and type(init) is not float and is_int(b) and is_int(e):
        top = e - 1 if recv.exclusive else e
        if top < b:
            return init
        total = (top - b + 1) * (top + b) // 2
        return init + total if is_int(init) else rt.call(init, "+", total)
    return ruby_sum(rt, values(rt, recv), init, block)


@builtin(RANGE, "cover?")
def range_cover(rt: Any, recv: RRange, v: Any, block: RProc | None = None) -> bool:
    """Range#cover?(value_or_range)."""
    if type(v) is RRange:
        return _cover_range(rt, recv, v)
    return cover(rt, recv, v)


def _cover_range(rt: Any, r: RRange, v: RRange) -> bool:
    if r.last is not None and v.last is None:
        return False
    if r.first is not None and v.first is None:
        return False
    if v.first is not None and v.last is not None and less(rt, v.first, v.last) > (-1 if v.exclusive else 0):
        return False
    if v.first is not None and not cover(rt, r, v.first):
        return False
    if r.last is None:
        return True
    cmp_end = less(rt, r.last, v.last)
    if r.exclusive == v.exclusive:
        return cmp_end >= 0
    if r.exclusive:
        return cmp_end > 0
    if cmp_end >= 0:
        return True
    if not (is_int(v.first) and is_int(v.last)):
        return False
    return less(rt, r.last, v.last - 1) >= 0


@builtin(RANGE, "===")
def range_eqq(rt: Any, recv: RRange, v: Any, block: RProc | None = None) -> bool:
    """Range#===: ``cover?`` (what ``case``/``when`` uses)."""
    return cover(rt, recv, v)


@builtin(RANGE, "include?", "member?")
def range_include(rt: Any, recv: RRange, v: Any, block: RProc | None = None) -> bool:
    """Range#include?: ``cover?`` for numeric Ranges; for String Ranges, whether walking reaches ``v``."""
    b, e = recv.first, recv.last
    if _is_num(b) or _is_num(e):
        return cover(rt, recv, v)
    if type(b) is RString and type(e) is RString:
        if type(v) is not RString:
            return False
        if len(b.s) == 1 and len(e.s) == 1 and b.s.isascii() and e.s.isascii():
            if len(v.s) != 1 or not v.s.isascii():
                return False
            return b.s <= v.s < e.s or (not recv.exclusive and v.s == e.s)
        return any(x.s == v.s for x in string_upto(rt, b, e, recv.exclusive))
    if (b is None and type(e) is RString) or (e is None and type(b) is RString):
        return cover(rt, recv, v)
    return any(rt.eq(x, v) for x in range_values(rt, recv))
