"""Range built-ins, with expectations taken from Ruby 3.1."""

from __future__ import annotations

import math
from typing import Any

import pytest

from pydrake.runtime.classes import RANGE
from pydrake.runtime.core.range import local_succ
from pydrake.runtime.objects import RRange, RString, sym
from tests.runtime.test_enumerable import CoreRuntime, S, raises, run, show


@pytest.fixture
def rt() -> CoreRuntime:
    """A runtime answering element-class methods locally."""
    return CoreRuntime()


def R(first: Any, last: Any, exclusive: bool = False) -> RRange:  # noqa: N802
    """A Range literal."""
    return RRange(first, last, exclusive)


def texts(items: list[RString]) -> list[str]:
    """The Python text of a list of Strings."""
    return [s.s for s in items]


# --------------------------------------------------------------------------- display


def test_inspect_and_to_s(rt: Any) -> None:
    ranges = [R(1, 2), R(1, 2, True), R(S("a"), S("b")), R(1, None), R(None, 3), R(None, None), R(1.0, 2.5)]
    assert show(rt, ranges) == '[1..2, 1...2, "a".."b", 1.., ..3, nil..nil, 1.0..2.5]'
    got = [run(rt, r, "to_s").s for r in (R(1, 2), R(S("a"), S("b")), R(1, None), R(None, 3))]
    assert got == ["1..2", "a..b", "1..", "..3"]
    assert show(rt, R(1.5, 2)) == "1.5..2"


def test_accessors_and_equality(rt: Any) -> None:
    r = R(1, 5, True)
    assert (run(rt, r, "begin"), run(rt, r, "end"), run(rt, r, "exclude_end?")) == (1, 5, True)
    assert run(rt, R(1, 2), "==", R(1, 2)) is True
    assert run(rt, R(1, 2), "==", R(1, 2, True)) is False
    assert run(rt, R(1, 2), "==", R(1.0, 2)) is True
    assert run(rt, R(1, 2), "eql?", R(1.0, 2)) is False
    assert run(rt, R(1, 2), "hash") == run(rt, R(1, 2), "hash")
    assert run(rt, R(1, 2), "frozen?") is True
    assert show(rt, run(rt, RANGE, "new", 1, 3, True)) == "1...3"
    raises(rt, "ArgumentError", "bad value for range", RANGE, "new", 1, S("a"))


# --------------------------------------------------------------------------- iteration


def test_integer_iteration(rt: Any) -> None:
    r = R(1, 3)
    seen: list[int] = []
    assert run(rt, r, "each", fn=seen.append) is r
    assert seen == [1, 2, 3]
    assert run(rt, R(1, 5, True), "to_a") == [1, 2, 3, 4]
    assert run(rt, R(5, 1), "to_a") == []
    assert run(rt, R(1, 3.5), "to_a") == [1, 2, 3]
    assert run(rt, R(1, 3.0, True), "to_a") == [1, 2]
    assert run(rt, R(1, 3), "entries") == [1, 2, 3]
    back: list[int] = []
    run(rt, R(1, 4, True), "reverse_each", fn=back.append)
    assert back == [3, 2, 1]


def test_iteration_errors(rt: Any) -> None:
    raises(rt, "TypeError", "can't iterate from Float", R(1.0, 2.0), "each", fn=lambda x: None)
    raises(rt, "TypeError", "can't iterate from NilClass", R(None, 3), "each", fn=lambda x: None)
    raises(rt, "TypeError", "can't iterate from NilClass", R(None, 3), "to_a")
    raises(rt, "RangeError", "cannot convert endless range to an array", R(1, None), "to_a")


def test_endless_ranges_iterate_lazily(rt: Any) -> None:
    assert run(rt, R(1, None), "first", 3) == [1, 2, 3]
    assert run(rt, R(1, None), "find", fn=lambda x: x * x > 50) == 8
    assert run(rt, R(1, None), "take_while", fn=lambda x: x < 4) == [1, 2, 3]


def test_string_ranges(rt: Any) -> None:
    assert texts(run(rt, R(S("a"), S("e")), "to_a")) == ["a", "b", "c", "d", "e"]
    assert texts(run(rt, R(S("a"), S("e"), True), "to_a")) == ["a", "b", "c", "d"]
    assert texts(run(rt, R(S("y"), S("ab")), "to_a")) == []
    assert texts(run(rt, R(S("08"), S("11")), "to_a")) == ["08", "09", "10", "11"]
    assert texts(run(rt, R(S("9"), S("11")), "to_a")) == ["9", "10", "11"]
    assert texts(run(rt, R(S("a"), S("a")), "to_a")) == ["a"]
    assert texts(run(rt, R(S("az"), S("bc")), "to_a")) == ["az", "ba", "bb", "bc"]
    assert texts(run(rt, R(S("a8"), S("b1")), "to_a")) == ["a8", "a9", "b0", "b1"]
    assert len(run(rt, R(S("A"), S("AC")), "to_a")) == 29
    assert texts(run(rt, R(S("b"), S("a")), "to_a")) == []
    assert show(rt, run(rt, R(sym("a"), sym("c")), "to_a")) == "[:a, :b, :c]"


def test_local_succ() -> None:
    cases = {"a": "b", "az": "ba", "zz": "aaa", "a9": "b0", "Zz": "AAa", "1.9": "2.0", "": "", "-9": "-10"}
    assert {k: local_succ(k) for k in cases} == cases


def test_step(rt: Any) -> None:
    assert run(rt, run(rt, R(1, 10), "step", 3), "to_a") == [1, 4, 7, 10]
    assert run(rt, run(rt, R(1, 10), "%", 3), "to_a") == [1, 4, 7, 10]
    assert show(rt, run(rt, R(1, 10), "step", 3)) == "((1..10).step(3))"
    assert run(rt, run(rt, R(1.0, 2.0), "step", 0.5), "to_a") == [1.0, 1.5, 2.0]
    assert run(rt, run(rt, R(1.0, 2.0, True), "step", 0.5), "to_a") == [1.0, 1.5]
    assert run(rt, run(rt, R(1, 2), "step", 0.5), "to_a") == [1.0, 1.5, 2.0]
    tenths = run(rt, run(rt, R(0.0, 1.0), "step", 0.1), "to_a")
    assert show(rt, tenths) == (
        "[0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9, 1.0]"
    )
    assert texts(run(rt, run(rt, R(S("a"), S("e")), "step", 2), "to_a")) == ["a", "c", "e"]
    assert run(rt, run(rt, R(1, None), "step", 2), "first", 3) == [1, 3, 5]
    r = R(1, 3)
    assert run(rt, r, "step", 1, fn=lambda x: None) is r
    raises(rt, "ArgumentError", "step can't be negative", R(1, 10), "step", -1, fn=lambda x: None)
    raises(rt, "ArgumentError", "step can't be 0", R(1, 10), "step", 0, fn=lambda x: None)
    raises(rt, "ArgumentError", "step can't be 0", R(1, 10), "step", 0)


def test_enumerable_methods_over_ranges(rt: Any) -> None:
    assert run(rt, R(1, 5), "map", fn=lambda x: x * x) == [1, 4, 9, 16, 25]
    assert run(rt, R(1, 10), "select", fn=lambda x: x % 3 == 0) == [3, 6, 9]
    assert run(rt, R(1, 5), "reject", fn=lambda x: x % 2 == 0) == [1, 3, 5]
    assert run(rt, run(rt, R(1, 5), "each_slice", 2), "to_a") == [[1, 2], [3, 4], [5]]
    assert run(rt, run(rt, R(1, 3), "map"), "with_index", 1, fn=lambda x, i: x * i) == [1, 4, 9]
    pairs: list[Any] = []
    run(rt, R(1, 3), "each_with_index", fn=lambda x, i: pairs.append([x, i]))
    assert pairs == [[1, 0], [2, 1], [3, 2]]
    assert run(rt, R(1, 4), "inject", sym("+")) == 10
    assert run(rt, run(rt, R(1, 10), "each_slice", 3), "size") == 4


# --------------------------------------------------------------------------- queries


def test_first_last(rt: Any) -> None:
    r = R(1, 10)
    assert run(rt, r, "first") == 1 and run(rt, r, "last") == 10
    assert run(rt, r, "first", 3) == [1, 2, 3]
    assert run(rt, r, "last", 3) == [8, 9, 10]
    assert run(rt, R(1, 10, True), "last", 3) == [7, 8, 9]
    assert run(rt, R(1, 10, True), "last") == 10
    assert run(rt, R(1, 2), "last", 5) == [1, 2]
    assert texts(run(rt, R(S("a"), S("e")), "last", 2)) == ["d", "e"]
    assert run(rt, R(1, 2.5), "last", 2) == [1, 2]
    raises(rt, "RangeError", "cannot get the first element of beginless range", R(None, 5), "first")
    raises(rt, "RangeError", "cannot get the last element of endless range", R(1, None), "last")
    raises(rt, "ArgumentError", "negative array size (or size too big)", R(1, 5), "first", -1)
    raises(rt, "ArgumentError", "negative array size", R(1, 5), "last", -1)


def test_min_max(rt: Any) -> None:
    assert [run(rt, R(1, 5, True), "max"), run(rt, R(5, 1), "max"), run(rt, R(1, 2.5), "max")] == [4, None, 2.5]
    assert [run(rt, R(1, 1, True), "max"), run(rt, R(1, 5), "min"), run(rt, R(5, 1), "min")] == [None, 1, None]
    assert run(rt, R(S("a"), S("c")), "max").s == "c"
    assert run(rt, R(S("a"), S("c"), True), "max").s == "b"
    assert run(rt, R(S("a"), S("c"), True), "min").s == "a"
    assert run(rt, R(1, 5), "minmax") == [1, 5]
    assert run(rt, R(1, 5), "max", fn=lambda a, b: b - a) == 1
    assert run(rt, R(1, 5), "max", 2) == [5, 4]
    raises(rt, "TypeError", "cannot exclude non Integer end value", R(1, 5.5, True), "max")
    raises(rt, "TypeError", "cannot exclude end value with non Integer begin value", R(1.0, 3, True), "max")


def test_size_and_count(rt: Any) -> None:
    sizes = [R(1, 10), R(1, 10, True), R(1.5, 4), R(S("a"), S("z")), R(5, 1), R(1, 4.5), R(1, None)]
    assert [run(rt, r, "size") for r in sizes] == [10, 9, 3, None, 0, 4, math.inf]
    assert [run(rt, r, "size") for r in (R(1.0, 3.0), R(1.0, 3.0, True), R(1, 3.5), R(0.5, 2))] == [3, 2, 3, 2]
    assert run(rt, R(None, 5), "size") == math.inf
    assert [run(rt, R(1, 10), "count"), run(rt, R(1, None), "count")] == [10, math.inf]
    assert run(rt, R(1, 10), "count", fn=lambda x: x % 2 == 0) == 5
    assert run(rt, R(S("a"), S("c")), "count") == 3


def test_sum(rt: Any) -> None:
    assert run(rt, R(1, 10), "sum") == 55
    assert run(rt, R(1, 10, True), "sum") == 45
    assert run(rt, R(1, 10), "sum", 0.5) == 55.5
    assert run(rt, R(1, 4), "sum", fn=lambda x: x * 2) == 20
    assert run(rt, R(5, 1), "sum") == 0
    raises(rt, "TypeError", "can't iterate from Float", R(1.0, 3.0), "sum")


def test_include_cover_eqq(rt: Any) -> None:
    letters = R(S("a"), S("z"))
    assert run(rt, letters, "include?", S("bb")) is False
    assert run(rt, letters, "cover?", S("bb")) is True
    assert run(rt, letters, "===", S("bb")) is True
    assert run(rt, letters, "member?", S("q")) is True
    assert run(rt, R(1, 5), "include?", 2.5) is True
    assert run(rt, R(1, 5, True), "include?", 5) is False
    assert run(rt, R(1, 5), "===", S("a")) is False
    assert run(rt, R(1, 5), "include?", None) is False
    assert run(rt, R(None, S("c")), "include?", S("b")) is True
    assert run(rt, R(S("ab"), S("ad")), "include?", S("ac")) is True
    assert run(rt, R(1, None), "===", 10**9) is True
    covers = [R(2, 3), R(2, 6), R(2, 5)]
    assert [run(rt, R(1, 5), "cover?", r) for r in covers] == [True, False, True]
    assert run(rt, R(1, 5, True), "cover?", R(2, 5)) is False
    assert run(rt, R(1, 5), "cover?", R(2, 6, True)) is True


def test_a_value_that_does_not_compare_is_outside_a_range() -> None:
    from tests.runtime.test_interpreter_support import out

    src = """
p((1..5) === nil, (..5) === nil, (1..) === nil, (1..5) === "a", ("a".."z") === 3)
case nil
in ..5 then p :small
in nil then p :nil
end
p(Object.new <=> 1)
o = Object.new
p(o <=> o, nil <=> nil)
"""
    assert out(src) == "false\nfalse\nfalse\nfalse\nfalse\n:nil\nnil\n0\n0\n"
