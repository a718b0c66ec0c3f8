"""Enumerable and Enumerator built-ins, with expectations taken from Ruby 3.1.

This module also provides ``CoreRuntime``: a FakeRuntime whose inspect, to_s, ==, <=> and a few
operators on Integer, Float, String, Symbol and nil are answered locally, so the Array, Hash, Range
and Enumerable tests do not depend on the String and Numeric built-ins.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

import pydrake.runtime.core.array  # noqa: F401
import pydrake.runtime.core.enumerable as en
import pydrake.runtime.core.hash  # noqa: F401
import pydrake.runtime.core.range  # noqa: F401
from pydrake.runtime.classes import OBJECT, RClass, builtin, class_of
from pydrake.runtime.core.range import local_succ
from pydrake.runtime.objects import RHash, RObject, RProc, RRange, RString, RubyError, Symbol, sym, truthy
from tests.runtime.fake_runtime import FakeRuntime, block


def _num_inspect(v: int | float) -> str:
    if type(v) is float:
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        if math.isnan(v):
            return "NaN"
        text = repr(v)
        return text if ("." in text or "e" in text) else text + ".0"
    return str(v)


def _str_inspect(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return '"' + out.replace("#{", "\\#{") + '"'


_PRIMS = (type(None), bool, int, float, RString, Symbol)


class CoreRuntime(FakeRuntime):
    """FakeRuntime with local answers for the element classes other modules implement."""

    def inspect(self, value: Any) -> str:
        if value is None:
            return "nil"
        if value is True or value is False:
            return str(value).lower()
        if type(value) in (int, float):
            return _num_inspect(value)
        if type(value) is RString:
            return _str_inspect(value.s)
        if type(value) is Symbol:
            return ":" + value.name
        if type(value) is RObject:
            return f"#<{value.cls.name}>"
        if isinstance(value, RClass):
            return value.name
        return super().inspect(value)

    def to_s(self, value: Any) -> str:
        if value is None:
            return ""
        if type(value) is Symbol:
            return value.name
        if type(value) in _PRIMS:
            return value.s if type(value) is RString else self.inspect(value)
        return super().to_s(value)

    def eq(self, a: Any, b: Any) -> bool:
        if type(a) in _PRIMS:
            if type(a) in (int, float) and type(b) in (int, float):
                return a == b
            return type(a) is type(b) and a == b
        if type(a) is RObject:
            return a is b
        return super().eq(a, b)

    def compare(self, a: Any, b: Any) -> int:
        r = self.call(a, "<=>", b)
        if r is None:
            name = self.inspect(b) if type(b) in _PRIMS and type(b) is not RString else class_of(b).name
            raise self.error("ArgumentError", f"comparison of {class_of(a).name} with {name} failed")
        return r

    def responds_to(self, recv: Any, name: str) -> bool:
        if type(recv) is RString and name == "succ":
            return True
        return super().responds_to(recv, name)

    def call(self, recv: Any, name: str, *args: Any, block: RProc | None = None) -> Any:
        if isinstance(recv, RClass) and name == "===":
            return self.is_a(args[0], recv)
        if type(recv) in _PRIMS:
            return self._prim(recv, name, args, block)
        return super().call(recv, name, *args, block=block)

    def _prim(self, recv: Any, name: str, args: tuple[Any, ...], block: RProc | None) -> Any:
        other = args[0] if args else None
        num = type(recv) in (int, float)
        if name == "<=>":
            if num and type(other) in (int, float):
                return (recv > other) - (recv < other)
            if type(recv) is RString and type(other) is RString:
                return (recv.s > other.s) - (recv.s < other.s)
            if type(recv) is Symbol and type(other) is Symbol:
                return (recv.name > other.name) - (recv.name < other.name)
            return 0 if self.eq(recv, other) else None
        if name in ("==", "==="):
            return self.eq(recv, other)
        if name == "inspect":
            return RString(self.inspect(recv))
        if name == "to_s":
            return RString(self.to_s(recv))
        if num and name in ("+", "-", "*", ">", "<", "%"):
            if type(other) not in (int, float):
                raise self.error("TypeError", f"{class_of(other).name} can't be coerced into {class_of(recv).name}")
            ops = {
                "+": lambda a, b: a + b,
                "-": lambda a, b: a - b,
                "*": lambda a, b: a * b,
                ">": lambda a, b: a > b,
                "<": lambda a, b: a < b,
                "%": lambda a, b: a % b,
            }
            return ops[name](recv, other)
        if type(recv) is RString and name == "+":
            return RString(recv.s + other.s)
        if type(recv) is RString and name == "succ":
            return RString(local_succ(recv.s))
        if type(recv) is RString and name == "upcase":
            return RString(recv.s.upper())
        if type(recv) is RString and name == "size":
            return len(recv.s)
        if type(recv) is int and name == "succ":
            return recv + 1
        if type(recv) is int and name in ("odd?", "even?"):
            return (recv % 2 == 1) == (name == "odd?")
        raise self.error("NoMethodError", f"undefined method `{name}' for {self.inspect(recv)}")


@pytest.fixture
def rt() -> CoreRuntime:
    """A runtime answering element-class methods locally."""
    return CoreRuntime()


def S(text: str) -> RString:  # noqa: N802
    """A Ruby String."""
    return RString(text)


def strs(*texts: str) -> list[RString]:
    """An Array of Ruby Strings (like ``%w[...]``)."""
    return [RString(t) for t in texts]


def show(rt: Any, v: Any) -> str:
    """Ruby's ``inspect`` of ``v``."""
    return rt.inspect(v)


def run(rt: Any, recv: Any, name: str, *args: Any, fn: Any = None) -> Any:
    """Call ``recv.name(*args)`` with ``fn`` as the block."""
    return rt.call(recv, name, *args, block=None if fn is None else block(fn))


def raises(rt: Any, cls: str, message: str, recv: Any, name: str, *args: Any, fn: Any = None) -> None:
    """Assert that the call raises the Ruby exception ``cls`` with ``message``."""
    with pytest.raises(RubyError) as info:
        run(rt, recv, name, *args, fn=fn)
    assert (info.value.exc.cls.name, str(info.value)) == (cls, message)


# A user class that includes Enumerable and defines each, as Rakefiles sometimes do.
BAG = RClass("Bag", OBJECT)
BAG.includes.append(en.ENUMERABLE)


@builtin(BAG, "each")
def _bag_each(rt: Any, recv: RObject, block: RProc | None = None) -> Any:
    for x in recv.ivars["@items"]:
        rt.call_block(block, x)
    return recv


def bag(*items: Any) -> RObject:
    """An instance of the Enumerable class Bag holding ``items``."""
    obj = RObject(BAG)
    obj.ivars["@items"] = list(items)
    return obj


# --------------------------------------------------------------------------- generic Enumerable


def test_generic_each_drives_map_select_and_friends(rt: CoreRuntime) -> None:
    b = bag(3, 1, 2)
    assert run(rt, b, "map", fn=lambda x: x * 10) == [30, 10, 20]
    assert run(rt, b, "select", fn=lambda x: x > 1) == [3, 2]
    assert run(rt, b, "reject", fn=lambda x: x > 1) == [1]
    assert run(rt, b, "to_a") == [3, 1, 2]
    assert run(rt, b, "entries") == [3, 1, 2]
    assert run(rt, b, "sort") == [1, 2, 3]
    assert run(rt, b, "min") == 1
    assert run(rt, b, "max") == 3
    assert run(rt, b, "sum") == 6
    assert run(rt, b, "include?", 2) is True
    assert run(rt, b, "first") == 3
    assert run(rt, b, "first", 2) == [3, 1]
    assert run(rt, b, "count") == 3
    assert run(rt, b, "find", fn=lambda x: x < 3) == 1
    assert run(rt, b, "inject", sym("+")) == 6
    assert run(rt, b, "each_slice", 2, fn=lambda s: None) is b


def test_each_with_index_and_object(rt: CoreRuntime) -> None:
    seen: list[Any] = []
    b = bag(S("a"), S("b"))
    assert run(rt, b, "each_with_index", fn=lambda x, i: seen.append((x.s, i))) is b
    assert seen == [("a", 0), ("b", 1)]
    memo: list[Any] = []
    assert run(rt, b, "each_with_object", memo, fn=lambda x, m: m.append(x.s)) is memo
    assert memo == ["a", "b"]


def test_predicates_with_patterns(rt: CoreRuntime) -> None:
    from pydrake.runtime.classes import FLOAT, INTEGER

    assert run(rt, [None, True, 99], "one?") is False
    assert run(rt, [None, True, False], "one?") is True
    assert run(rt, [1, 3.14], "one?", FLOAT) is True
    assert run(rt, [None, False], "none?") is True
    assert run(rt, [1, 2], "all?", INTEGER) is True
    assert run(rt, [], "all?") is True
    assert run(rt, [], "any?") is False
    assert run(rt, [1, 2], "any?", fn=lambda x: x > 1) is True
    assert run(rt, [1, None], "all?") is False


def test_grep_and_grep_v(rt: CoreRuntime) -> None:
    from pydrake.runtime.classes import STRING

    items = [S("a"), 1, sym("b"), S("c")]
    assert show(rt, run(rt, items, "grep", STRING)) == '["a", "c"]'
    assert show(rt, run(rt, items, "grep_v", STRING)) == "[1, :b]"
    assert show(rt, run(rt, items, "grep", STRING, fn=lambda s: S(s.s * 2))) == '["aa", "cc"]'
    assert run(rt, [1, 5, 9], "grep", RRange(2, 9)) == [5, 9]


def test_inject_forms(rt: CoreRuntime) -> None:
    assert run(rt, [1, 2, 3], "inject", sym("+")) == 6
    assert run(rt, [1, 2, 3], "inject", 10, sym("+")) == 16
    assert run(rt, [1, 2, 3], "inject", S("+")) == 6
    assert run(rt, [1, 2, 3], "reduce", sym("*")) == 6
    assert run(rt, [], "inject", sym("+")) is None
    assert run(rt, [1, 2, 3], "inject", fn=lambda m, x: m * 10 + x) == 123
    assert run(rt, [1, 2, 3], "inject", 5, fn=lambda m, x: m + x) == 11


def test_sum_is_exact_then_compensated(rt: CoreRuntime) -> None:
    assert run(rt, [0.1, 0.2, 0.3], "sum") == 0.6
    assert run(rt, [0.1, 0.2, 0.3], "sum", 0.0) == 0.6
    assert run(rt, [1, 0.1, 0.2, 0.3], "sum") == 1.6
    assert run(rt, [3e100, 1.0, -3e100], "sum") == 1.0
    assert run(rt, [0.1, 0.2, 0.3], "inject", sym("+")) == 0.6000000000000001
    assert run(rt, [1, 2], "sum", 0.0) == 3.0 and type(run(rt, [1, 2], "sum", 0.0)) is float
    assert show(rt, run(rt, strs("a", "b"), "sum", S(""))) == '"ab"'
    assert run(rt, [[1], [2]], "sum", []) == [1, 2]
    assert run(rt, [1, 2, 3], "sum", fn=lambda x: x * 2) == 12
    assert run(rt, [], "sum") == 0
    raises(rt, "TypeError", "String can't be coerced into Integer", [1, S("a")], "sum")


def test_min_max_n_and_by(rt: CoreRuntime) -> None:
    assert run(rt, [5, 1, 3, 4, 2], "max", 3) == [5, 4, 3]
    assert run(rt, [5, 1, 3, 4, 2], "min", 2) == [1, 2]
    words = strs("albatross", "dog", "horse")
    assert show(rt, run(rt, words, "min_by", fn=lambda w: len(w.s))) == '"dog"'
    assert show(rt, run(rt, words, "max_by", fn=lambda w: len(w.s))) == '"albatross"'
    assert show(rt, run(rt, words, "min_by", 2, fn=lambda w: len(w.s))) == '["dog", "horse"]'
    assert show(rt, run(rt, words, "max_by", 2, fn=lambda w: len(w.s))) == '["albatross", "horse"]'
    assert run(rt, [], "min_by", fn=lambda x: x) is None
    assert run(rt, [3, 1, 2], "minmax") == [1, 3]
    raises(rt, "ArgumentError", "comparison of String with 3 failed", [3, S("a")], "max")


def test_nmin_orders_ties_as_ruby(rt: CoreRuntime) -> None:
    # Ruby 3.1's buffered selection keeps ties in its own order, not first-come.
    items = [58, 40, 34, 102, 184, 198, 95, 4, 29, 168, 125, 80, 64, 115, 26, 103, 146, 20, 27, 130]
    assert run(rt, items, "min_by", 3, fn=lambda x: x % 2) == [198, 58, 40]
    assert run(rt, items, "max_by", 2, fn=lambda x: x % 7) == [20, 125]
    assert run(rt, items, "max_by", fn=lambda x: x % 7) == 34
    assert run(rt, items, "min", 3, fn=lambda a, b: (a % 5 > b % 5) - (a % 5 < b % 5)) == [40, 125, 95]
    assert run(rt, items, "max", 4, fn=lambda a, b: (a % 3 > b % 3) - (a % 3 < b % 3)) == [29, 95, 26, 125]


def test_sort_by_is_stable(rt: CoreRuntime) -> None:
    items = list(range(30))
    assert run(rt, items, "sort_by", fn=lambda x: x % 3) == [x for k in range(3) for x in items if x % 3 == k]
    assert run(rt, [3, 1, 2], "sort", fn=lambda a, b: b - a) == [3, 2, 1]
    raises(rt, "ArgumentError", "comparison of Integer with String failed", [3, S("a")], "sort")


def test_group_partition_tally_chunking(rt: CoreRuntime) -> None:
    assert show(rt, run(rt, [1, 2, 3], "group_by", fn=lambda x: x % 2 == 1)) == "{true=>[1, 3], false=>[2]}"
    assert run(rt, [1, 2, 3], "partition", fn=lambda x: x > 1) == [[2, 3], [1]]
    assert show(rt, run(rt, strs("a", "b", "a"), "tally")) == '{"a"=>2, "b"=>1}'
    runs = run(rt, [1, 2, 4, 5, 7], "chunk_while", fn=lambda a, b: b == a + 1)
    assert run(rt, runs, "to_a") == [[1, 2], [4, 5], [7]]
    runs = run(rt, [1, 2, 4, 5, 7], "slice_when", fn=lambda a, b: b != a + 1)
    assert run(rt, runs, "to_a") == [[1, 2], [4, 5], [7]]
    chunks = run(rt, [1, 3, 2, 4, 5], "chunk", fn=lambda x: x % 2 == 1)
    assert run(rt, chunks, "to_a") == [[True, [1, 3]], [False, [2, 4]], [True, [5]]]


def test_slices_windows_and_errors(rt: CoreRuntime) -> None:
    assert run(rt, run(rt, [1, 2, 3, 4, 5], "each_slice", 2), "to_a") == [[1, 2], [3, 4], [5]]
    assert run(rt, run(rt, [1, 2, 3, 4], "each_cons", 2), "to_a") == [[1, 2], [2, 3], [3, 4]]
    items = [1, 2, 3]
    assert run(rt, items, "each_slice", 2, fn=lambda s: None) is items
    raises(rt, "ArgumentError", "invalid slice size", [1], "each_slice", 0)
    raises(rt, "ArgumentError", "invalid size", [1], "each_cons", 0)


def test_take_drop_first(rt: CoreRuntime) -> None:
    assert run(rt, [1, 2, 3, 1], "take_while", fn=lambda x: x < 3) == [1, 2]
    assert run(rt, [1, 2, 3, 1], "drop_while", fn=lambda x: x < 3) == [3, 1]
    raises(rt, "ArgumentError", "attempt to take negative size", [1], "take", -1)
    raises(rt, "ArgumentError", "attempt to drop negative size", [1], "drop", -1)
    assert run(rt, bag(1, 2, 3), "take", 2) == [1, 2]
    assert run(rt, bag(1, 2, 3), "drop", 2) == [3]


def test_flat_map_filter_map_zip_uniq(rt: CoreRuntime) -> None:
    assert run(rt, [1, 2], "flat_map", fn=lambda x: [x, x]) == [1, 1, 2, 2]
    assert run(rt, [1, 2], "flat_map", fn=lambda x: x) == [1, 2]
    assert run(rt, [1, 2, 3], "filter_map", fn=lambda x: x * 2 if x != 2 else None) == [2, 6]
    assert run(rt, [1, 2, 3], "zip", [4, 5], RRange(6, 9)) == [[1, 4, 6], [2, 5, 7], [3, None, 8]]
    assert show(rt, run(rt, [1, 1.0, 1, S("a"), S("a"), [1], [1]], "uniq")) == '[1, 1.0, "a", [1]]'
    assert run(rt, bag(1, 2, 3, 4), "uniq", fn=lambda x: x % 2) == [1, 2]


def test_to_h(rt: CoreRuntime) -> None:
    assert show(rt, run(rt, [[1, 2]], "to_h")) == "{1=>2}"
    assert show(rt, run(rt, [1, 2], "to_h", fn=lambda x: [x, x * 2])) == "{1=>2, 2=>4}"
    raises(rt, "TypeError", "wrong element type Integer at 0 (expected array)", [1], "to_h")
    raises(rt, "ArgumentError", "wrong array length at 0 (expected 2, was 1)", [[1]], "to_h")
    raises(rt, "TypeError", "wrong element type Integer (expected array)", RRange(1, 2), "to_h")


def test_cycle_with_count(rt: CoreRuntime) -> None:
    seen: list[int] = []
    assert run(rt, [1, 2], "cycle", 2, fn=seen.append) is None
    assert seen == [1, 2, 1, 2]
    assert show(rt, run(rt, [1, 2], "cycle")) == "#<Enumerator: [1, 2]:cycle>"


# --------------------------------------------------------------------------- Enumerator


def test_enumerator_inspect_formats(rt: CoreRuntime) -> None:
    assert show(rt, run(rt, [1, 2, 3], "each_slice", 2)) == "#<Enumerator: [1, 2, 3]:each_slice(2)>"
    assert show(rt, run(rt, [1, 2, 3], "map")) == "#<Enumerator: [1, 2, 3]:map>"
    with_index = run(rt, run(rt, [1, 2, 3], "map"), "with_index", 1)
    assert show(rt, with_index) == "#<Enumerator: #<Enumerator: [1, 2, 3]:map>:with_index(1)>"
    assert show(rt, run(rt, RHash({sym("a"): 1, sym("b"): 2}), "each")) == "#<Enumerator: {:a=>1, :b=>2}:each>"
    assert show(rt, run(rt, RRange(1, 3), "each")) == "#<Enumerator: 1..3:each>"
    assert show(rt, run(rt, [1], "each_with_object", [])) == "#<Enumerator: [1]:each_with_object([])>"


def test_map_with_index_and_each_with_index_map(rt: CoreRuntime) -> None:
    enum = run(rt, [5, 6], "map")
    assert run(rt, enum, "with_index", 1, fn=lambda x, i: x * i) == [5, 12]
    assert run(rt, enum, "with_index", fn=lambda x, i: [x, i]) == [[5, 0], [6, 1]]
    assert run(rt, enum, "each_with_index", fn=lambda x, i: x * i) == [0, 6]
    pairs = run(rt, [5, 6], "each_with_index")
    assert run(rt, pairs, "map", fn=lambda p: p[0] + p[1]) == [5, 7]
    assert run(rt, pairs, "to_a") == [[5, 0], [6, 1]]
    sel = run(rt, run(rt, [4, 5, 6], "select"), "with_index", fn=lambda x, i: i != 1)
    assert sel == [4, 6]


def test_hash_map_with_index_yields_pairs(rt: CoreRuntime) -> None:
    h = RHash({sym("a"): 1, sym("b"): 2})
    got = run(rt, run(rt, h, "map"), "with_index", fn=lambda kv, i: [kv[0], kv[1], i])
    assert show(rt, got) == "[[:a, 1, 0], [:b, 2, 1]]"


def test_each_with_object_and_with_object(rt: CoreRuntime) -> None:
    enum = run(rt, [1, 2], "each")
    memo: list[Any] = []
    assert run(rt, enum, "with_object", memo, fn=lambda x, m: m.append(x * 2)) is memo
    assert memo == [2, 4]


def test_enumerator_size(rt: CoreRuntime) -> None:
    assert run(rt, run(rt, [1, 2, 3], "each_slice", 2), "size") == 2
    assert run(rt, run(rt, [1, 2, 3], "each_cons", 2), "size") == 2
    assert run(rt, run(rt, RHash({1: 2, 3: 4}), "select"), "size") == 2
    assert run(rt, run(rt, RRange(1, 4), "each"), "size") == 4
    assert run(rt, run(rt, RRange(1, None), "each"), "size") == math.inf
    assert run(rt, run(rt, [1, 2], "find"), "size") is None


def test_enumerator_next_peek_rewind(rt: CoreRuntime) -> None:
    e = run(rt, [1, 2], "each")
    assert run(rt, e, "next") == 1
    assert run(rt, e, "peek") == 2
    assert run(rt, e, "next") == 2
    raises(rt, "StopIteration", "iteration reached an end", e, "next")
    run(rt, e, "rewind")
    assert run(rt, e, "next") == 1


def test_enumerator_over_generic_method(rt: CoreRuntime) -> None:
    combos = run(rt, [1, 2, 3], "combination", 2)
    assert show(rt, combos) == "#<Enumerator: [1, 2, 3]:combination(2)>"
    assert run(rt, combos, "to_a") == [[1, 2], [1, 3], [2, 3]]
    assert run(rt, combos, "size") == 3
    assert run(rt, combos, "map", fn=sum) == [3, 4, 5]


def test_enumerable_methods_on_enumerator_class(rt: CoreRuntime) -> None:
    assert class_of(run(rt, [1], "each")).name == "Enumerator"
    assert en.ENUMERATOR in class_of(run(rt, [1], "each")).ancestors()
    assert truthy(rt.is_a(run(rt, [1], "each"), en.ENUMERABLE))


def test_hash_keys_helpers(rt: CoreRuntime) -> None:
    k = en.store_key(rt, S("a"))
    assert k.frozen and k.s == "a"
    arr_key = en.hash_key(rt, [1, 2])
    assert isinstance(arr_key, list) and hash(arr_key) == hash(en.hash_key(rt, [1, 2]))
    with pytest.raises(RubyError):
        en.hash_key(rt, RHash())
