"""Array built-ins, with expectations taken from Ruby 3.1."""

from __future__ import annotations

from typing import Any

import pytest

from pydrake.runtime.classes import ARRAY, OBJECT, RClass, builtin
from pydrake.runtime.core.array import is_frozen
from pydrake.runtime.objects import RHash, RObject, RRange, RString, sym
from tests.runtime.test_enumerable import CoreRuntime, S, raises, run, show, strs


@pytest.fixture
def rt() -> CoreRuntime:
    """A runtime answering element-class methods locally."""
    return CoreRuntime()


def new(rt: Any, *args: Any, fn: Any = None) -> Any:
    """Array.new(*args)."""
    return run(rt, ARRAY, "new", *args, fn=fn)


# --------------------------------------------------------------------------- inspect, to_s, join


def test_inspect_and_to_s(rt: Any) -> None:
    assert show(rt, [1, S("a"), sym("b"), None]) == '[1, "a", :b, nil]'
    assert show(rt, []) == "[]"
    assert run(rt, [None, True, 1.0, sym("a"), S("s")], "to_s").s == '[nil, true, 1.0, :a, "s"]'
    assert show(rt, [[1, [2]], RHash({S("k"): []})]) == '[[1, [2]], {"k"=>[]}]'


def test_recursive_inspect(rt: Any) -> None:
    a: list[Any] = [1]
    a.append(a)
    assert show(rt, a) == "[1, [...]]"


def test_join(rt: Any) -> None:
    assert run(rt, [1, None, S("a"), sym("b"), [2, [3, None]], 1.5], "join", S("-")).s == "1--a-b-2-3--1.5"
    assert run(rt, [1, 2], "join").s == "12"
    assert run(rt, [1, 2], "join", None).s == "12"
    assert run(rt, [1, 2], "*", S(",")).s == "1,2"
    raises(rt, "TypeError", "no implicit conversion of Symbol into String", [1, 2], "join", sym("a"))
    a: list[Any] = [1]
    a.append(a)
    raises(rt, "ArgumentError", "recursive array join", a, "join")


# --------------------------------------------------------------------------- construction


def test_new(rt: Any) -> None:
    assert new(rt) == []
    assert new(rt, 3) == [None, None, None]
    assert show(rt, new(rt, 2, S("a"))) == '["a", "a"]'
    assert new(rt, 3, fn=lambda i: i * 2) == [0, 2, 4]
    assert new(rt, [1, 2]) == [1, 2]
    raises(rt, "ArgumentError", "negative array size", ARRAY, "new", -1)
    assert run(rt, ARRAY, "[]", 1, 2) == [1, 2]


# --------------------------------------------------------------------------- indexing


def test_index_forms(rt: Any) -> None:
    a = [1, 2, 3]
    got = [
        run(rt, a, "[]", RRange(3, None)),
        run(rt, a, "[]", RRange(4, None)),
        run(rt, a, "[]", RRange(-2, None)),
        run(rt, a, "[]", RRange(-4, None)),
        run(rt, a, "[]", RRange(1, -1)),
        run(rt, a, "[]", RRange(2, 0)),
        run(rt, a, "[]", 3, 1),
        run(rt, a, "[]", 4, 1),
        run(rt, a, "[]", 1, -1),
        run(rt, a, "[]", -1, 5),
    ]
    assert show(rt, got) == "[[], nil, [2, 3], nil, [2, 3], [], [], nil, nil, [3]]"
    assert run(rt, a, "[]", -1) == 3
    assert run(rt, a, "[]", 5) is None
    assert run(rt, a, "[]", -4) is None
    assert run(rt, [1, 2], "[]", 1.7) == 2
    assert run(rt, a, "slice", RRange(0, 2, True)) == [1, 2]
    assert run(rt, a, "at", -1) == 3
    raises(rt, "TypeError", "no implicit conversion of String into Integer", [1], "[]", S("a"))
    raises(rt, "ArgumentError", "wrong number of arguments (given 0, expected 1..2)", [1], "[]")


def test_index_assignment(rt: Any) -> None:
    a = [1]
    run(rt, a, "[]=", 3, 9)
    assert a == [1, None, None, 9]
    a = [1, 2, 3]
    run(rt, a, "[]=", RRange(5, 6), 9)
    assert a == [1, 2, 3, None, None, 9]
    a = [1, 2, 3]
    run(rt, a, "[]=", RRange(1, 0), [7, 8])
    assert a == [1, 7, 8, 2, 3]
    a = [1, 2, 3]
    run(rt, a, "[]=", 0, 2, S("x"))
    assert show(rt, a) == '["x", 3]'
    a = [1, 2, 3]
    assert run(rt, a, "[]=", RRange(1, None), []) == []
    assert a == [1]
    raises(rt, "IndexError", "index -5 too small for array; minimum: -3", [1, 2, 3], "[]=", -5, 1)
    raises(rt, "IndexError", "index -5 too small for array; minimum: -3", [1, 2, 3], "[]=", -5, 1, 1)
    raises(rt, "IndexError", "negative length (-1)", [1, 2, 3], "[]=", 1, -1, 1)
    raises(rt, "RangeError", "-5..-1 out of range", [1, 2, 3], "[]=", RRange(-5, -1), 1)


def test_fetch(rt: Any) -> None:
    raises(rt, "IndexError", "index 5 outside of array bounds: -3...3", [1, 2, 3], "fetch", 5)
    raises(rt, "IndexError", "index -5 outside of array bounds: -3...3", [1, 2, 3], "fetch", -5)
    assert run(rt, [1, 2, 3], "fetch", -1) == 3
    assert run(rt, [1], "fetch", 4, S("d")).s == "d"
    assert run(rt, [1], "fetch", 4, fn=lambda i: i * 10) == 40


def test_first_last_take_drop(rt: Any) -> None:
    assert run(rt, [], "first") is None
    assert run(rt, [1, 2, 3], "first", 2) == [1, 2]
    assert run(rt, [1, 2, 3], "last") == 3
    assert run(rt, [1, 2, 3], "last", 5) == [1, 2, 3]
    assert run(rt, [1, 2, 3], "last", 0) == []
    raises(rt, "ArgumentError", "negative array size", [1], "first", -1)
    assert run(rt, [1, 2, 3], "take", 2) == [1, 2]
    assert run(rt, [1, 2, 3], "drop", 2) == [3]
    raises(rt, "ArgumentError", "attempt to take negative size", [1], "take", -1)


def test_values_at_dig_assoc(rt: Any) -> None:
    assert run(rt, [1, 2, 3], "values_at", 0, 5, -1, RRange(1, 4)) == [1, None, 3, 2, 3, None, None]
    raises(rt, "RangeError", "-5..1 out of range", [1, 2, 3], "values_at", RRange(-5, 1))
    assert run(rt, [[1, [2]]], "dig", 0, 1, 0) == 2
    assert run(rt, [None], "dig", 0, 1) is None
    raises(rt, "TypeError", "Integer does not have #dig method", [[1, 2]], "dig", 0, 1, 0)
    assert show(rt, run(rt, [[1, sym("a")], 2, [3, sym("b")]], "assoc", 3)) == "[3, :b]"
    assert show(rt, run(rt, [[1, sym("a")], 2, [3, sym("b")]], "rassoc", sym("a"))) == "[1, :a]"


def test_searching(rt: Any) -> None:
    assert run(rt, [1, 2, 1], "index", 1) == 0
    assert run(rt, [1, 2, 1], "rindex", 1) == 2
    assert run(rt, [1, 2, 1], "find_index", fn=lambda x: x > 1) == 1
    assert run(rt, [1, 2], "index", 5) is None
    assert run(rt, [1, S("a")], "include?", S("a")) is True
    assert run(rt, [1], "include?", 1.0) is True
    assert run(rt, [1, 2, 1], "count", 1) == 2
    assert run(rt, [1, 2, 1], "count", fn=lambda x: x > 1) == 1
    assert run(rt, [1, 3, 5, 7], "bsearch", fn=lambda x: x >= 4) == 5


# --------------------------------------------------------------------------- operators and comparison


def test_set_operators_use_eql(rt: Any) -> None:
    assert show(rt, run(rt, [1, 1.0, 2, S("a"), S("a")], "-", [1, S("a")])) == "[1.0, 2]"
    assert run(rt, [1, 1, 2, 3], "&", [3, 1, 4]) == [1, 3]
    assert run(rt, [1, 1, 2], "|", [3, 1]) == [1, 2, 3]
    assert run(rt, [0, 1, 1], "union", [2, 1], [3, 1]) == [0, 1, 2, 3]
    assert run(rt, [1, 2, 3], "difference", [2], [3]) == [1]
    assert run(rt, [1, 2], "intersect?", [2, 5]) is True
    assert run(rt, [1, 2], "+", [3]) == [1, 2, 3]
    assert run(rt, [1, 2], "*", 2) == [1, 2, 1, 2]
    raises(rt, "ArgumentError", "negative argument", [1], "*", -1)
    raises(rt, "TypeError", "no implicit conversion of Integer into Array", [1], "+", 1)
    raises(rt, "TypeError", "no implicit conversion of nil into Array", [1], "+", None)


def test_equality_and_ordering(rt: Any) -> None:
    assert run(rt, [1], "==", [1.0]) is True
    assert run(rt, [1], "eql?", [1.0]) is False
    assert run(rt, [1], "hash") == run(rt, [1], "hash")
    assert run(rt, [1, 2], "<=>", [1, 3]) == -1
    assert run(rt, [], "<=>", []) == 0
    assert run(rt, [1, 2], "<=>", [1]) == 1
    assert run(rt, [1, 2], "<=>", [1, S("a")]) is None
    assert run(rt, [1], "<=>", 1) is None
    assert run(rt, [[2], [1, 5], [1]], "sort") == [[1], [1, 5], [2]]


# --------------------------------------------------------------------------- modification


def test_push_pop_shift_unshift_insert(rt: Any) -> None:
    a = [1]
    assert run(rt, a, "push", 2, 3) is a and a == [1, 2, 3]
    assert run(rt, a, "<<", 4) is a
    assert run(rt, a, "append", 5) == [1, 2, 3, 4, 5]
    assert run(rt, a, "pop") == 5
    assert run(rt, a, "pop", 2) == [3, 4]
    assert run(rt, a, "shift") == 1
    assert run(rt, a, "unshift", 7, 8) == [7, 8, 2]
    assert run(rt, a, "prepend", 0) == [0, 7, 8, 2]
    assert run(rt, [1, 2, 3], "shift", 5) == [1, 2, 3]
    assert run(rt, [], "pop") is None
    assert show(rt, run(rt, [1, 2, 3], "insert", -2, sym("x"), sym("y"))) == "[1, 2, :x, :y, 3]"
    assert show(rt, run(rt, [1, 2, 3], "insert", 5, sym("x"))) == "[1, 2, 3, nil, nil, :x]"
    assert run(rt, [1], "insert", 1) == [1]
    raises(rt, "IndexError", "index -6 too small for array; minimum: -4", [1, 2, 3], "insert", -6, 1)


def test_concat_replace_clear_fill(rt: Any) -> None:
    a = [1]
    assert run(rt, a, "concat", a, [2]) == [1, 1, 2]
    assert run(rt, a, "replace", [9]) is a and a == [9]
    assert run(rt, a, "clear") == []
    assert run(rt, [1, 2, 3], "fill", 0) == [0, 0, 0]
    assert run(rt, [1, 2, 3], "fill", 0, 1) == [1, 0, 0]
    assert run(rt, [1, 2, 3], "fill", 0, 1, 5) == [1, 0, 0, 0, 0, 0]
    assert run(rt, [1, 2, 3], "fill", fn=lambda i: i * i) == [0, 1, 4]
    assert run(rt, [1, 2, 3], "fill", 9, RRange(1, 1)) == [1, 9, 3]


def test_delete_family(rt: Any) -> None:
    a = [1, 2, 1, 3]
    assert run(rt, a, "delete", 1) == 1 and a == [2, 3]
    assert run(rt, a, "delete", 7) is None
    assert run(rt, a, "delete", 7, fn=lambda x: x * 2) == 14
    assert run(rt, [1, 2], "delete_at", 5) is None
    b = [1, 2, 3, 4]
    assert run(rt, b, "delete_at", -1) == 4 and b == [1, 2, 3]
    b = [1, 2, 3, 4]
    assert run(rt, b, "delete_if", fn=lambda x: x % 2 == 0) is b and b == [1, 3]
    assert run(rt, b, "reject!", fn=lambda x: x > 5) is None
    assert run(rt, b, "reject!", fn=lambda x: x > 2) == [1]
    b = [1, 2, 3]
    assert run(rt, b, "select!", fn=lambda x: True) is None
    assert run(rt, b, "select!", fn=lambda x: x > 1) == [2, 3]
    assert run(rt, b, "keep_if", fn=lambda x: x > 2) == [3]
    b = [1, 2, 3, 4]
    assert run(rt, b, "slice!", 1, 2) == [2, 3] and b == [1, 4]
    b = [1, 2, 3, 4]
    assert run(rt, b, "slice!", RRange(1, None)) == [2, 3, 4] and b == [1]
    assert [run(rt, [1, 2, 3, 4], "slice!", *args) for args in ((9,), (9, 1), (4, 1))] == [None, None, []]


def test_bang_methods_answer_nil_without_change(rt: Any) -> None:
    assert run(rt, [1, 2], "compact!") is None
    assert run(rt, [1, None], "compact!") == [1]
    assert run(rt, [1, 2], "uniq!") is None
    assert run(rt, [1, 1], "uniq!") == [1]
    assert run(rt, [1, 2], "flatten!") is None
    assert run(rt, [1, [2]], "flatten!") == [1, 2]
    a = [3, 1, 2]
    assert run(rt, a, "sort!") is a and a == [1, 2, 3]
    assert run(rt, a, "reverse!") == [3, 2, 1]
    assert run(rt, a, "map!", fn=lambda x: x * 2) == [6, 4, 2]
    assert run(rt, a, "sort_by!", fn=lambda x: x) == [2, 4, 6]
    assert run(rt, [1, 2, 3], "rotate!", 1) == [2, 3, 1]


def test_frozen_arrays(rt: Any) -> None:
    a = run(rt, [1, 2], "freeze")
    assert run(rt, a, "frozen?") is True and is_frozen(a)
    assert run(rt, [1], "frozen?") is False
    for name, args in (("<<", (3,)), ("push", ()), ("clear", ()), ("sort!", ()), ("uniq!", ()), ("[]=", (0, 1))):
        raises(rt, "FrozenError", "can't modify frozen Array: [1, 2]", a, name, *args)
    raises(rt, "FrozenError", "can't modify frozen Array: [1, 2]", a, "delete_if", fn=lambda x: False)
    assert run(rt, a, "delete", 5) is None
    assert run(
        rt,
        a,
        "dup",
    ) == [1, 2] and not is_frozen(run(rt, a, "dup"))
    assert is_frozen(run(rt, a, "clone"))
    assert run(rt, a, "map", fn=lambda x: x) == [1, 2]


# --------------------------------------------------------------------------- transformations


def test_flatten_compact_uniq_reverse_rotate(rt: Any) -> None:
    assert show(rt, run(rt, [1, [2, [3, [4]]]], "flatten", 1)) == "[1, 2, [3, [4]]]"
    assert run(rt, [1, [2, [3, [4]]]], "flatten") == [1, 2, 3, 4]
    assert show(rt, run(rt, [RHash({sym("a"): 1}), [2]], "flatten")) == "[{:a=>1}, 2]"
    a: list[Any] = [1]
    a.append(a)
    raises(rt, "ArgumentError", "tried to flatten recursive array", a, "flatten")
    assert run(rt, [1, None, 2], "compact") == [1, 2]
    assert show(rt, run(rt, strs("a", "aa", "b", "bb"), "uniq", fn=lambda s: len(s.s))) == '["a", "aa"]'
    assert run(rt, [1, 2, 3], "reverse") == [3, 2, 1]
    assert run(rt, [1, 2, 3], "rotate") == [2, 3, 1]
    assert run(rt, [1, 2, 3], "rotate", -4) == [3, 1, 2]


def test_sorting_and_extremes(rt: Any) -> None:
    assert show(rt, run(rt, strs("b", "C", "a"), "sort")) == '["C", "a", "b"]'
    assert run(rt, [3, 1, 2], "sort_by", fn=lambda x: -x) == [3, 2, 1]
    assert run(rt, [3, 1, 2], "min") == 1
    assert run(rt, [3, 1, 2], "max", fn=lambda a, b: b - a) == 1
    assert run(rt, [], "max") is None
    assert run(rt, [3, 1, 2], "minmax") == [1, 3]
    assert run(rt, [1, 1.0], "max") == 1 and type(run(rt, [1, 1.0], "max")) is int


def test_sum(rt: Any) -> None:
    assert run(rt, [1, 2, 3], "sum") == 6
    assert run(rt, [0.1, 0.2, 0.3], "sum") == 0.6
    assert run(rt, strs("a", "b"), "sum", S("")).s == "ab"


def test_to_a_to_h(rt: Any) -> None:
    a = [1]
    assert run(rt, a, "to_a") is a
    assert run(rt, a, "to_ary") is a
    assert run(rt, a, "entries") == a and run(rt, a, "entries") is not a
    assert show(rt, run(rt, [[1, 2], [3, 4]], "to_h")) == "{1=>2, 3=>4}"
    assert show(rt, run(rt, strs("a"), "to_h", fn=lambda s: [s, len(s.s)])) == '{"a"=>1}'


def test_combinatorics(rt: Any) -> None:
    assert run(rt, [1, 2], "product", [3, 4], [5]) == [[1, 3, 5], [1, 4, 5], [2, 3, 5], [2, 4, 5]]
    assert run(rt, [1, 2], "product") == [[1], [2]]
    assert run(rt, run(rt, [1, 2, 3], "permutation", 2), "to_a") == [[1, 2], [1, 3], [2, 1], [2, 3], [3, 1], [3, 2]]
    assert run(rt, run(rt, [1, 2, 3], "combination", 0), "to_a") == [[]]
    assert run(rt, run(rt, [1, 2, 3], "combination", 4), "to_a") == []
    assert run(rt, [[1, 2], [3, 4]], "transpose") == [[1, 3], [2, 4]]
    raises(rt, "IndexError", "element size differs (1 should be 2)", [[1, 2], [3]], "transpose")
    assert run(rt, [1, 2, 3], "zip", [4, 5]) == [[1, 4], [2, 5], [3, None]]


# --------------------------------------------------------------------------- iteration


def test_each_and_friends(rt: Any) -> None:
    a = [1, 2, 3]
    seen: list[Any] = []
    assert run(rt, a, "each", fn=seen.append) is a
    assert run(rt, a, "each_index", fn=seen.append) is a
    assert run(rt, a, "reverse_each", fn=seen.append) is a
    assert seen == [1, 2, 3, 0, 1, 2, 3, 2, 1]
    assert run(rt, a, "map", fn=lambda x: x + 1) == [2, 3, 4]
    assert run(rt, a, "collect", fn=lambda x: x + 1) == [2, 3, 4]
    assert run(rt, a, "select", fn=lambda x: x != 2) == [1, 3]
    assert run(rt, a, "filter", fn=lambda x: x != 2) == [1, 3]
    assert run(rt, a, "reject", fn=lambda x: x != 2) == [2]
    assert run(rt, a, "each_with_object", [], fn=lambda x, m: m.append(x * 2)) == [2, 4, 6]
    assert run(rt, a, "each_slice", 2, fn=lambda s: None) is a
    assert run(rt, a, "find", fn=lambda x: x > 1) == 2
    assert run(rt, a, "detect", fn=lambda x: x > 5) is None
    assert run(rt, a, "all?", fn=lambda x: x > 0) is True
    assert run(rt, a, "none?", fn=lambda x: x > 2) is False


def test_each_sees_appended_elements(rt: Any) -> None:
    a = [1, 2]
    seen: list[int] = []

    def step(x: int) -> None:
        seen.append(x)
        if x < 4:
            a.append(x + 2)

    run(rt, a, "each", fn=step)
    assert seen == [1, 2, 3, 4, 5]


def test_group_by_partition_tally_each_with_index(rt: Any) -> None:
    words = strs("apple", "bob", "axe")
    got = run(rt, words, "group_by", fn=lambda w: RString(w.s[0]))
    assert show(rt, got) == '{"a"=>["apple", "axe"], "b"=>["bob"]}'
    pairs: list[Any] = []
    run(rt, words, "each_with_index", fn=lambda w, i: pairs.append([w, i]))
    assert show(rt, pairs) == '[["apple", 0], ["bob", 1], ["axe", 2]]'


def test_cycle_sample_shuffle(rt: Any) -> None:
    seen: list[int] = []
    run(rt, [1, 2], "cycle", 2, fn=seen.append)
    assert seen == [1, 2, 1, 2]
    assert run(rt, [], "sample") is None
    assert run(rt, [1], "sample", 3) == [1]
    assert run(rt, [1, 2, 3], "sample") in (1, 2, 3)
    assert sorted(run(rt, [1, 2, 3], "shuffle")) == [1, 2, 3]
    assert sorted(run(rt, [1, 2, 3], "shuffle!")) == [1, 2, 3]


def test_length_size_empty(rt: Any) -> None:
    assert run(rt, [1, 2], "length") == 2
    assert run(rt, [1, 2], "size") == 2
    assert run(rt, [], "empty?") is True
    assert run(rt, [None], "empty?") is False


@pytest.mark.parametrize(
    ("args", "expected"),
    [((sym("+"),), 6), ((10, sym("+")), 16), ((S("+"),), 6)],
)
def test_inject_symbol_forms(rt: Any, args: tuple[Any, ...], expected: int) -> None:
    assert run(rt, [1, 2, 3], "inject", *args) == expected


def test_objects_with_to_ary_are_flattened_and_joined(rt: Any) -> None:
    listish = RClass("Listish", OBJECT)

    @builtin(listish, "to_ary")
    def _to_ary(rt: Any, recv: RObject, block: Any = None) -> list[Any]:
        return recv.ivars["@items"]

    obj = RObject(listish)
    obj.ivars["@items"] = [S("a"), S("b")]
    assert show(rt, run(rt, [obj, S("c")], "flatten")) == '["a", "b", "c"]'
    assert run(rt, [obj, S("c")], "join", S(" ")).s == "a b c"
    assert show(rt, run(rt, [S("x")], "+", obj)) == '["x", "a", "b"]'
    assert run(rt, [S("a"), S("b")], "==", obj) is False
