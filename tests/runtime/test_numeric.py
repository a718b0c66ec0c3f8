"""Integer, Float, nil/true/false and Comparable built-ins, checked against Ruby 3.1's answers."""

from __future__ import annotations

import math
from typing import Any

import pytest

import pydrake.runtime.core.comparable  # noqa: F401
import pydrake.runtime.core.numeric  # noqa: F401
import pydrake.runtime.core.singletons  # noqa: F401
import pydrake.runtime.core.string  # noqa: F401
import pydrake.runtime.core.symbol  # noqa: F401
from pydrake.runtime.classes import FLOAT
from pydrake.runtime.core.numeric import float_step_values, float_to_s
from pydrake.runtime.objects import RHash, RRange, RubyError, sym
from tests.runtime.fake_runtime import FakeRuntime, block
from tests.runtime.test_string import Case, M, S, X, check_against_ruby, ids, needs_ruby, outcome

INF = math.inf
NAN = math.nan

FLOAT_TEXT = [M(f, "to_s", out=o) for f, o in [
    (1.0, '"1.0"'), (1.5, '"1.5"'), (1e20, '"1.0e+20"'), (1e-05, '"1.0e-05"'), (INF, '"Infinity"'),
    (-INF, '"-Infinity"'), (NAN, '"NaN"'), (-0.0, '"-0.0"'), (0.0, '"0.0"'), (1e14, '"100000000000000.0"'),
    (1e15, '"1.0e+15"'), (1.5e15, '"1.5e+15"'), (1234567890123456.0, '"1.234567890123456e+15"'),
    (999999999999999.0, '"999999999999999.0"'), (9999999999999998.0, '"9.999999999999998e+15"'),
    (1e16, '"1.0e+16"'), (100000000000000.5, '"100000000000000.5"'), (0.001, '"0.001"'), (0.0001, '"0.0001"'),
    (0.0001234, '"0.0001234"'), (0.00001234, '"1.234e-05"'), (1.5e-7, '"1.5e-07"'), (1e100, '"1.0e+100"'),
    (5e-324, '"5.0e-324"'), (0.1 + 0.2, '"0.30000000000000004"'), (1.0 / 3, '"0.3333333333333333"'),
    (123456789012345.6, '"123456789012345.6"'), (-2.5e-5, '"-2.5e-05"'), (100.0, '"100.0"'),
    (1192077373788770.8, '"1192077373788770.8"'), (-4027669731745588.5, '"-4027669731745588.5"'),
    (1000000000000000.1, '"1000000000000000.1"'), (9007199254740992.0, '"9.007199254740992e+15"'),
    (1.0000000000000002e16, '"1.0000000000000002e+16"'), (999999999999999.9, '"999999999999999.9"'),
]]

ARITHMETIC = [M(a, op, b, out=o) for a, op, b, o in [
    (7, "/", 2, "3"), (-7, "/", 2, "-4"), (7, "%", 3, "1"), (-7, "%", 3, "2"), (7, "%", -3, "-2"),
    (7, "remainder", -3, "1"), (-5, "remainder", 3, "-2"), (7.0, "/", 2, "3.5"), (2, "**", 10, "1024"),
    (2, "**", 0.5, "1.4142135623730951"), (10, "**", 20, "100000000000000000000"), (4, "**", 0.5, "2.0"),
    (-2, "**", 2, "4"), (2.0, "**", 1024, "Infinity"), (10.0, "**", 400, "Infinity"), (0.0, "**", -1, "Infinity"),
    (10, "divmod", 3, "[3, 1]"), (-7, "divmod", 2, "[-4, 1]"), (7, "divmod", 2.0, "[3, 1.0]"),
    (7.5, "divmod", 2, "[3, 1.5]"), (7, "divmod", -2.5, "[-3, -0.5]"), (7, "fdiv", 2, "3.5"),
    (10, "fdiv", 3, "3.3333333333333335"), (6, "/", 2.0, "3.0"), (1.0, "/", 3, "0.3333333333333333"),
    (0.1, "+", 0.2, "0.30000000000000004"), (1.0, "/", 0, "Infinity"), (-1, "/", 0.0, "-Infinity"),
    (0, "/", 0.0, "NaN"), (0.0, "/", 0, "NaN"), (1, "/", 0, "!ZeroDivisionError: divided by 0"),
    (1, "%", 0, "!ZeroDivisionError: divided by 0"), (1, "div", 0.0, "!ZeroDivisionError: divided by 0"),
    (1.0, "divmod", 0, "!ZeroDivisionError: divided by 0"), (1, "%", 0.0, "!ZeroDivisionError: divided by 0"),
    (1.0, "%", 0, "!ZeroDivisionError: divided by 0"), (0, "**", -1, "!ZeroDivisionError: divided by 0"),
    (7, "div", 2, "3"), (7.0, "div", 2, "3"), (7, "modulo", 3, "1"), (3.7, "%", 1, "0.7000000000000002"),
    (-3.7, "%", 1, "0.2999999999999998"), (-1, "%", INF, "Infinity"), (5, "%", -INF, "-Infinity"),
    (2.0, "*", 3, "6.0"), (1, "+", 2, "3"), (3, "-", 5, "-2"), (2**64, "*", 2, "36893488147419103232"),
    (1, "+", None, "!TypeError: nil can't be coerced into Integer"),
    (1, "+", sym("a"), "!TypeError: :a can't be coerced into Integer"),
    (1, "+", S("a"), "!TypeError: String can't be coerced into Integer"),
    (1.5, "+", S("a"), "!TypeError: String can't be coerced into Float"),
    (1, "+", True, "!TypeError: true can't be coerced into Integer"),
    (1, "*", [1], "!TypeError: Array can't be coerced into Integer"),
    (1, "&", 1.5, "!TypeError: 1.5 can't be coerced into Integer"),
    (6, "&", 3, "2"), (6, "|", 3, "7"), (6, "^", 3, "5"), (1, "<<", 10, "1024"), (1024, ">>", 3, "128"),
    (1, "<<", -1, "0"), (-8, ">>", 1, "-4"), (5, "[]", 0, "1"), (5, "[]", 1, "0"),
    (12, "gcd", 18, "6"), (4, "lcm", 6, "12"), (3, "pow", 4, "81"),
]] + [
    M(3, "pow", 4, 5, out="1"),
    M(5, "~", out="-6"),
    M(5, "-@", out="-5"),
    M(-5, "abs", out="5"),
    M(-3.5, "abs", out="3.5"),
    M(255, "bit_length", out="8"),
    M(-256, "bit_length", out="8"),
    M(1234, "digits", out="[4, 3, 2, 1]"),
    M(255, "digits", 16, out="[15, 15]"),
    M(1, "coerce", 2.5, out="[2.5, 1.0]"),
    M(1, "coerce", 2, out="[2, 1]"),
    M(1.5, "coerce", 2, out="[2.0, 1.5]"),
    M(1, "coerce", S("3"), out="[3.0, 1.0]"),
]

COMPARISON = [M(a, op, b, out=o) for a, op, b, o in [
    (1, "==", 1.0, "true"), (1, "eql?", 1.0, "false"), (1, "eql?", 1, "true"), (1, "==", S("1"), "false"),
    (1, "!=", 2, "true"), (1, "<=>", 2, "-1"), (2, "<=>", 2.0, "0"), (1, "<=>", S("x"), "nil"),
    (NAN, "<=>", 1, "nil"), (NAN, "==", NAN, "false"), (1, "<", 2, "true"), (2, "<=", 2, "true"),
    (3, ">", 4, "false"), (3, ">=", 3.0, "true"), (1, "<", S("a"), "!ArgumentError: comparison of Integer with String failed"),
    (1, "<", None, "!ArgumentError: comparison of Integer with nil failed"),
    (1.0, "<", None, "!ArgumentError: comparison of Float with nil failed"),
    (1, ">", sym("a"), "!ArgumentError: comparison of Integer with :a failed"),
    (1000, "equal?", 1000, "true"), (2**70, "equal?", 2**70, "false"), (1.5, "equal?", 1.5, "true"),
]] + [M(a, m, *args, out=o) for a, m, args, o in [
    (5, "between?", (1, 10), "true"), (5, "clamp", (1, 3), "3"), (15, "clamp", (RRange(1, 10),), "10"),
    (1.5, "clamp", (2, 3), "2"), (5, "clamp", (RRange(None, 3),), "3"), (5, "clamp", (RRange(7, None),), "7"),
    (2, "clamp", (1, 3), "2"), (5, "clamp", (3, 1), "!ArgumentError: min argument must be smaller than max argument"),
    (5, "clamp", (RRange(1, 3, True),), "!ArgumentError: cannot clamp with an exclusive range"),
]]

PREDICATES = [M(v, m, out=o) for v, m, o in [
    (4, "even?", "true"), (3, "odd?", "true"), (-3, "odd?", "true"), (0, "zero?", "true"), (0.0, "zero?", "true"),
    (-1, "positive?", "false"), (-0.5, "negative?", "true"), (0, "nonzero?", "nil"), (3, "nonzero?", "3"),
    (3, "integer?", "true"), (3.0, "integer?", "false"), (INF, "infinite?", "1"), (-INF, "infinite?", "-1"),
    (1.0, "infinite?", "nil"), (1, "infinite?", "nil"), (NAN, "nan?", "true"), (INF, "finite?", "false"),
    (1, "finite?", "true"), (1.0, "next_float", "1.0000000000000002"), (1.0, "prev_float", "0.9999999999999999"),
]]

ROUNDING = [M(v, m, *a, out=o) for v, m, a, o in [
    (2.5, "round", (), "3"), (3.5, "round", (), "4"), (-2.5, "round", (), "-3"), (0.5, "round", (), "1"),
    (-0.5, "round", (), "-1"), (-0.4, "round", (), "0"), (-0.0, "round", (), "0"), (3.14159, "round", (2,), "3.14"),
    (2.675, "round", (2,), "2.68"), (1.005, "round", (2,), "1.01"), (1.15, "round", (1,), "1.2"),
    (1.25, "round", (1,), "1.3"), (1.35, "round", (1,), "1.4"), (0.1, "round", (3,), "0.1"),
    (5.015, "round", (2,), "5.02"), (1.0, "round", (2,), "1.0"), (12.34, "round", (-1,), "10"),
    (5.0, "round", (-1,), "10"), (15.0, "round", (-1,), "20"), (1.5, "round", (-1,), "0"),
    (1.0, "round", (400,), "1.0"), (1e300, "round", (-400,), "0"), (123.456, "round", (15,), "123.456"),
    (123.456, "round", (16,), "123.456"), (0.1, "round", (16,), "0.1"), (1.0e-20, "round", (25,), "1.0e-20"),
    (2.5, "round", (RHash({sym("half"): sym("even")}),), "2"), (3.5, "round", (RHash({sym("half"): sym("even")}),), "4"),
    (-2.5, "round", (RHash({sym("half"): sym("even")}),), "-2"), (2.5, "round", (RHash({sym("half"): sym("down")}),), "2"),
    (2.5, "round", (RHash({sym("half"): None}),), "3"), (2.5, "round", (RHash({sym("half"): sym("foo")}),), "!ArgumentError: invalid rounding mode: foo"),
    (0.15, "round", (1, RHash({sym("half"): sym("even")})), "0.2"), (0.25, "round", (1, RHash({sym("half"): sym("even")})), "0.2"),
    (0.35, "round", (1, RHash({sym("half"): sym("even")})), "0.4"), (2.675, "round", (2, RHash({sym("half"): sym("even")})), "2.68"),
    (INF, "round", (), "!FloatDomainError: Infinity"), (NAN, "to_i", (), "!FloatDomainError: NaN"),
    (-INF, "floor", (), "!FloatDomainError: -Infinity"), (INF, "round", (2,), "Infinity"),
    (1234, "round", (-2,), "1200"), (1250, "round", (-2,), "1300"), (-1250, "round", (-2,), "-1300"),
    (1250, "round", (-2, RHash({sym("half"): sym("even")})), "1200"), (25, "round", (-1, RHash({sym("half"): sym("even")})), "20"),
    (35, "round", (-1, RHash({sym("half"): sym("even")})), "40"), (25, "round", (-1, RHash({sym("half"): sym("down")})), "20"),
    (5, "round", (2,), "5"), (1234, "round", (-10,), "0"),
    (3.7, "floor", (), "3"), (3.2, "ceil", (), "4"), (-3.7, "floor", (), "-4"), (-3.2, "ceil", (), "-3"),
    (1.23456, "floor", (2,), "1.23"), (1.23456, "ceil", (2,), "1.24"), (12.5, "floor", (-1,), "10"),
    (291.4, "floor", (1,), "291.4"), (291.4, "ceil", (1,), "291.4"), (0.1, "floor", (20,), "0.1"),
    (1.005, "floor", (2,), "1.0"), (12.34, "floor", (1,), "12.3"), (1.1, "floor", (20,), "1.1"),
    (12.345, "ceil", (-1,), "20"), (1234.567, "floor", (-2,), "1200"), (34567.89, "ceil", (-5,), "100000"),
    (12345, "floor", (-2,), "12300"), (12345, "ceil", (-2,), "12400"), (-12345, "floor", (-2,), "-12400"),
    (-12345, "ceil", (-2,), "-12300"), (-12345, "truncate", (-2,), "-12300"), (1.0, "floor", (), "1"),
    (3.7, "to_i", (), "3"), (-3.7, "to_i", (), "-3"), (3.99, "truncate", (), "3"), (-3.99, "truncate", (), "-3"),
    (3.14159, "truncate", (2,), "3.14"), (-3.14159, "truncate", (2,), "-3.14"), (1e20, "to_i", (), "100000000000000000000"),
    (42, "to_f", (), "42.0"), (2**1024, "to_f", (), "Infinity"),
    (-24.85, "round", (1, RHash({sym("half"): sym("even")})), "-24.8"), (24.85, "round", (1, RHash({sym("half"): sym("even")})), "24.8"),
    (0.285, "round", (2, RHash({sym("half"): sym("even")})), "0.28"), (0.125, "round", (2, RHash({sym("half"): sym("even")})), "0.12"),
    (-7.659101648431896e-07, "round", (5,), "-0.0"), (-3.815673858573719e-19, "round", (15,), "0.0"),
    (-9.715407205562567, "round", (15,), "-9.715407205562569"), (-48.52894675446805, "round", (15,), "-48.528946754468045"),
    (-6.98944143627734e-05, "ceil", (3,), "-0.0"), (-0.008992004133342434, "round", (1,), "-0.0"),
    (10**20, "ceil", (-1,), "100000000000000000010"), (10**20, "truncate", (-1,), "100000000000000000000"),
    (-(10**20), "truncate", (-1,), "-99999999999999999990"), (-(10**20) - 5, "truncate", (-1,), "-100000000000000000000"),
    (5, "ceil", (-20,), "0"), (5, "ceil", (-2,), "100"), (-5, "floor", (-20,), "0"), (-5, "floor", (-2,), "-100"),
    (12, "ceil", (-19,), "10000000000000000000"), (12, "ceil", (-18,), "1000000000000000000"),
    (2**70, "ceil", (-30,), "0"), (2**70, "ceil", (-2,), "1180591620717411303500"), (2**70, "round", (-25,), "0"),
    (4.745286283141869e61, "ceil", (-2,), "47452862831418689179518763982808501536059122571549950240358500"),
    (36119506853096557226000, "fdiv", (7,), "5.159929550442366e+21"), (-6191637272002783566, "fdiv", (7,), "-8.84519610286112e+17"),
    (7, "fdiv", (0,), "Infinity"), (-7, "fdiv", (0,), "-Infinity"), (0, "fdiv", (0,), "NaN"),
]]

TEXT = [M(v, m, *a, out=o) for v, m, a, o in [
    (17, "to_s", (2,), '"10001"'), (255, "to_s", (16,), '"ff"'), (-255, "to_s", (16,), '"-ff"'), (35, "to_s", (36,), '"z"'),
    (3, "to_s", (37,), "!ArgumentError: invalid radix 37"), (3, "inspect", (), '"3"'), (3.14, "to_s", (), '"3.14"'),
    (65, "chr", (), '"A"'), (98, "chr", (), '"b"'), (256, "chr", (), "!RangeError: 256 out of char range"),
    (-1, "chr", (), "!RangeError: -1 out of char range"), (97, "ord", (), "97"), (3, "succ", (), "4"), (3, "pred", (), "2"),
    (3, "size", (), "8"),
]]


def _collect(rt: FakeRuntime, recv: Any, meth: str, *args: Any) -> list[Any]:
    seen: list[Any] = []
    result = rt.call(recv, meth, *args, block=block(lambda *xs: seen.append(xs[0] if len(xs) == 1 else list(xs))))
    return [seen, result]


ITERATION = [
    X("r = []; x = 3.times { |i| r << i }; [r, x]", lambda rt: _collect(rt, 3, "times"), "[[0, 1, 2], 3]"),
    X("r = []; x = 1.upto(3) { |i| r << i }; [r, x]", lambda rt: _collect(rt, 1, "upto", 3), "[[1, 2, 3], 1]"),
    X("r = []; x = 3.downto(1) { |i| r << i }; [r, x]", lambda rt: _collect(rt, 3, "downto", 1), "[[3, 2, 1], 3]"),
    X("r = []; x = 1.upto(3.5) { |i| r << i }; [r, x]", lambda rt: _collect(rt, 1, "upto", 3.5), "[[1, 2, 3], 1]"),
    X("r = []; x = 0.step(10, 5) { |i| r << i }; [r, x]", lambda rt: _collect(rt, 0, "step", 10, 5), "[[0, 5, 10], 0]"),
    X("r = []; 1.step(2, 0.5) { |f| r << f }; r", lambda rt: _collect(rt, 1, "step", 2, 0.5)[0], "[1.0, 1.5, 2.0]"),
    X("r = []; 10.step(1, -3) { |i| r << i }; r", lambda rt: _collect(rt, 10, "step", 1, -3)[0], "[10, 7, 4, 1]"),
    X("r = []; 1.0.step(2.0, 0.1) { |f| r << f }; r", lambda rt: _collect(rt, 1.0, "step", 2.0, 0.1)[0],
      "[1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7000000000000002, 1.8, 1.9, 2.0]"),
    X("r = []; 1.step(by: 2, to: 7) { |i| r << i }; r", lambda rt: _collect(rt, 1, "step", RHash({sym("by"): 2, sym("to"): 7}))[0], "[1, 3, 5, 7]"),
    X("1.step(10, 3).to_a", lambda rt: rt.call(rt.call(1, "step", 10, 3), "to_a"), "[1, 4, 7, 10]"),
    X("3.times.to_a", lambda rt: rt.call(rt.call(3, "times"), "to_a"), "[0, 1, 2]"),
    X("0.times.to_a", lambda rt: rt.call(rt.call(0, "times"), "to_a"), "[]"),
    X("3.downto(1).to_a", lambda rt: rt.call(rt.call(3, "downto", 1), "to_a"), "[3, 2, 1]"),
    X("1.step(2, 0) { }", lambda rt: rt.call(1, "step", 2, 0, block=block(lambda i: None)), "!ArgumentError: step can't be 0"),
    X("4.times.map { |i| i * 2 }", lambda rt: rt.call(rt.call(4, "times"), "map", block=block(lambda i: i * 2)), "[0, 2, 4, 6]"),
    X("1.upto(3).select(&:odd?)", lambda rt: rt.call(rt.call(1, "upto", 3), "select", block=rt.call(sym("odd?"), "to_proc")), "[1, 3]"),
    X("3.times.size", lambda rt: rt.call(rt.call(3, "times"), "size"), "3"),
]

SINGLETONS = [M(v, m, *a, out=o) for v, m, a, o in [
    (None, "to_s", (), '""'), (None, "to_a", (), "[]"), (None, "to_i", (), "0"), (None, "to_f", (), "0.0"),
    (None, "inspect", (), '"nil"'), (None, "nil?", (), "true"), (None, "&", (True,), "false"), (None, "|", (1,), "true"),
    (None, "|", (None,), "false"), (None, "==", (None,), "true"), (None, "==", (False,), "false"), (True, "to_s", (), '"true"'),
    (False, "inspect", (), '"false"'), (True, "&", (None,), "false"), (True, "&", (3,), "true"), (True, "|", (None,), "true"),
    (True, "^", (True,), "false"), (True, "^", (None,), "true"), (False, "&", (True,), "false"), (False, "|", (3,), "true"),
    (False, "^", (True,), "true"), (True, "!", (), "false"), (False, "!", (), "true"), (None, "to_h", (), "{}"),
    (None, "=~", (S("x"),), "nil"),
]] + [
    X("nil.to_s.frozen?", lambda rt: rt.call(None, "to_s").frozen, "true"),
    X("true.to_s.frozen?", lambda rt: rt.call(True, "to_s").frozen, "true"),
]

ALL: list[Case] = FLOAT_TEXT + ARITHMETIC + COMPARISON + PREDICATES + ROUNDING + TEXT + ITERATION + SINGLETONS


@pytest.mark.parametrize("case", ALL, ids=ids(ALL))
def test_numeric_method(case: Case) -> None:
    assert outcome(case) == case.expect


@needs_ruby
def test_expectations_match_ruby(tmp_path: Any) -> None:
    check_against_ruby(ALL, tmp_path)


def test_integer_power_with_negative_exponent_is_a_float() -> None:
    # Ruby answers the Rational (1/2); this runtime has no Rational and answers the nearest Float.
    rt = FakeRuntime()
    assert rt.call(2, "**", -1) == 0.5
    assert rt.call(10, "**", -2) == 0.01


def test_negative_base_fractional_power_is_nan() -> None:
    # Ruby answers a Complex; NaN stands in for it.
    assert math.isnan(FakeRuntime().call(-8, "**", 1.0 / 3))


def test_float_constants() -> None:
    assert FLOAT.constants["INFINITY"] == math.inf
    assert math.isnan(FLOAT.constants["NAN"])
    assert FLOAT.constants["EPSILON"] == 2.220446049250313e-16
    assert FLOAT.constants["MAX"] == 1.7976931348623157e308


def test_times_block_receives_each_index() -> None:
    rt = FakeRuntime()
    seen: list[int] = []
    assert rt.call(4, "times", block=block(seen.append)) == 4
    assert seen == [0, 1, 2, 3]


def test_float_step_has_no_accumulated_error() -> None:
    values = list(float_step_values(0.0, 1.0, 0.1, False))
    assert len(values) == 11 and values[-1] == 1.0
    assert float_to_s(values[3]) == "0.30000000000000004"


def test_comparable_uses_spaceship_of_any_object() -> None:
    rt = FakeRuntime()
    assert rt.call(S("b"), "between?", S("a"), S("c")) is True
    with pytest.raises(RubyError) as err:
        rt.call(S("a"), ">", 1)
    assert str(err.value) == "comparison of String with 1 failed"


def test_bool_is_not_an_integer_operand() -> None:
    rt = FakeRuntime()
    with pytest.raises(RubyError) as err:
        rt.call(1, "+", True)
    assert str(err.value) == "true can't be coerced into Integer"


def test_coerce_lets_user_objects_join_arithmetic() -> None:
    from pydrake.runtime.classes import OBJECT
    from pydrake.runtime.objects import RClass, RObject

    cls = RClass("Meters", OBJECT)
    cls.methods["coerce"] = lambda rt, recv, other, block=None: [other, 10]
    rt = FakeRuntime()
    assert rt.call(5, "+", RObject(cls)) == 15
    assert rt.call(2.5, "*", RObject(cls)) == 25.0
