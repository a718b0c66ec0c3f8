"""Kernel#format / sprintf and String#%, checked against Ruby 3.1's answers."""

from __future__ import annotations

import math
from typing import Any

import pytest

import pydrake.runtime.core.comparable  # noqa: F401
import pydrake.runtime.core.format  # noqa: F401
import pydrake.runtime.core.numeric  # noqa: F401
import pydrake.runtime.core.singletons  # noqa: F401
import pydrake.runtime.core.string  # noqa: F401
import pydrake.runtime.core.symbol  # noqa: F401
from pydrake.runtime.core.format import sprintf
from pydrake.runtime.core.string import str_inspect
from pydrake.runtime.objects import RHash, RString, RubyError, sym
from tests.runtime.fake_runtime import FakeRuntime
from tests.runtime.test_string import Case, S, X, _arg_list, check_against_ruby, ids, lit, needs_ruby, outcome

INF, NAN = math.inf, math.nan


def F(fmt: str, *args: Any, out: str) -> Case:  # noqa: N802
    """``format(fmt, *args)``; ``out`` is the expected text, or "!Error: message"."""
    src = f"format({', '.join([str_inspect(fmt)] + ([_arg_list(args)] if args else []))})"
    expect = out if out.startswith("!") else str_inspect(out)
    return X(src, lambda rt: RString(sprintf(rt, fmt, list(args))), expect)


def P(fmt: str, arg: Any, out: str) -> Case:  # noqa: N802
    """``fmt % arg`` through String#%."""
    expect = out if out.startswith("!") else str_inspect(out)
    return X(f"{str_inspect(fmt)} % {lit(arg)}", lambda rt: rt.call(S(fmt), "%", arg), expect)


CASES = [
    F("%s has %d items", S("box"), 3, out="box has 3 items"),
    F("%-6s|%6s|%.2s|", S("ab"), S("cd"), S("xyz"), out="ab    |    cd|xy|"),
    F("%05d %x %o %b %X %#x", 42, 255, 8, 5, 255, 255, out="00042 ff 10 101 FF 0xff"),
    F("%.2f %8.3f| %-8.1f| %e %g %g", 3.14159, 2.5, 2.25, 12345.678, 0.0001, 1e10,
      out="3.14    2.500| 2.2     | 1.234568e+04 0.0001 1e+10"),
    F("%3d%% %+d %+d % d", 50, 5, -5, 7, out=" 50% +5 -5  7"),
    F("%s-%s-%p", S("a"), sym("b"), None, out="a-b-nil"),
    F("%<name>s is %<age>d", RHash({sym("name"): S("Ann"), sym("age"): 30}), out="Ann is 30"),
    F("%{x}-%{y}", RHash({sym("x"): 1, sym("y"): sym("two")}), out="1-two"),
    F("%s", None, out=""),
    F("%d", S("42"), out="42"),
    F("%.3s", sym("symbol"), out="sym"),
    F("%2$s %1$s", S("world"), S("hello"), out="hello world"),
    F("%05.2f|%-7.3e|%+g|%G", 3.14159, 1234.5, 0.00001234, 1e-10, out="03.14|1.234e+03|+1.234e-05|1E-10"),
    F("%x %o %b %X", -255, -8, -5, -255, out="..f01 ..70 ..1011 ..F01"),
    F("%x %o %b", -256, -64, -8, out="..f00 ..700 ..1000"),
    F("%x %x %x %x", -1, -15, -16, -17, out="..f ..f1 ..f0 ..fef"),
    F("%+x % x %#o %#b %#X", -255, 255, 8, 5, 255, out="-ff  ff 010 0b101 0XFF"),
    F("%8x|%08x|%-8x|%.5x|%8.5x|", -1, -1, -1, -1, -1, out="     ..f|..ffffff|..f     |..fff|   ..fff|"),
    F("%8x|%08x|%-8x|%.5x|%#8x|%#08x|", -255, -255, -255, -255, -255, -255,
      out="   ..f01|..ffff01|..f01   |..f01| 0x..f01|0x..ff01|"),
    F("%#x|%#o|%#b|%#X|%#x", 0, 0, 0, 0, 1, out="0|0|0|0|0x1"),
    F("%#.3o|%#5o|", 8, 8, out="010|  010|"),
    F("%d", 3.99, out="3"),
    F("%d", -3.99, out="-3"),
    F("%d", 1e20, out="100000000000000000000"),
    F("%d", INF, out="!FloatDomainError: Infinity"),
    F("%d", S("0x1A"), out="26"),
    F("%d", S(" 12 "), out="12"),
    F("%d", S("abc"), out='!ArgumentError: invalid value for Integer(): "abc"'),
    F("%d", None, out="!TypeError: can't convert nil into Integer"),
    F("%d", True, out="!TypeError: can't convert true into Integer"),
    F("%d", [1], out="!TypeError: can't convert Array into Integer"),
    F("%f", S("1.5"), out="1.500000"),
    F("%f", S("x"), out='!ArgumentError: invalid value for Float(): "x"'),
    F("%f", None, out="!TypeError: can't convert nil into Float"),
    F("%.2f", 10**30, out="1000000000000000000000000000000.00"),
    F("%f", 10, out="10.000000"),
    F("%.0f|%#.0f|%.1f", 10, 10, -10, out="10|10|-10.0"),
    F("%10.2f|%-10.2f|%+.2f|%010.2f", 10**20, 3, 3, -3, out="100000000000000000000.00|3.00      |+3.00|-000003.00"),
    F("%f %e %g", INF, -INF, NAN, out="Inf -Inf NaN"),
    F("%5.1f|%-6f|%+f|%06f|% f", INF, NAN, INF, -INF, NAN, out="  Inf|NaN   |+Inf|  -Inf| NaN"),
    F("%s %s", S("a"), out="!ArgumentError: too few arguments"),
    F("%", out="!ArgumentError: incomplete format specifier; use %% (double %) instead"),
    F("abc%", out="!ArgumentError: incomplete format specifier; use %% (double %) instead"),
    F("%y", 1, out="!ArgumentError: malformed format string - %y"),
    F("%ld", 5, out="!ArgumentError: malformed format string - %l"),
    F("%<a>s %s", RHash({sym("a"): 1}), out="!ArgumentError: unnumbered(1) mixed with named"),
    F("%<a>s", RHash({sym("b"): 1}), out="!KeyError: key<a> not found"),
    F("%{a}", RHash({sym("b"): 1}), out="!KeyError: key{a} not found"),
    F("%-5{a}|", RHash({sym("a"): 1}), out="1    |"),
    F("%5.1{a}|", RHash({sym("a"): S("xyz")}), out="    x|"),
    F("%<a>5.1f|", RHash({sym("a"): 2.25}), out="  2.2|"),
    F("%*d|%-*d|", 5, 1, -5, 2, out="    1|2    |"),
    F("%#.3g|%g|%g|%g", 1.0, 100000.0, 1000000.0, 1.5e-5, out="1.00|100000|1e+06|1.5e-05"),
    F("%10.4s|", S("abcdefg"), out="      abcd|"),
    F("%c%c", 65, S("B"), out="AB"),
    F("%c", S("BC"), out="!ArgumentError: %c requires a character"),
    F("%c", 3.7, out="\x03"),
    F("%c", 0x1F600, out="😀"),
    F("%5c|%-5c|", 65, 66, out="    A|B    |"),
    F("%a %a %a %A", 1.5, 1.0, -0.1, 255.0, out="0x1.8p+0 0x1p+0 -0x1.999999999999ap-4 0X1.FEP+7"),
    F("%e", 0, out="0.000000e+00"),
    F("%s", sym("sym"), out="sym"),
    F("%05s|%+5s|", S("ab"), S("ab"), out="   ab|   ab|"),
    F("%.0f %.0f %.0f", 0.5, 1.5, 2.5, out="0 2 2"),
    F("%.1f", 0.25, out="0.2"),
    F("%.2e", 12345, out="1.23e+04"),
    F("%g", 123456789, out="1.23457e+08"),
    F("%d%%", 5, out="5%"),
    F("%-+5d|%+05d|% 05d|%.3d|%5.3d|%08.3d|", 3, 3, 3, 5, -5, 5, out="+3   |+0003| 0003|005| -005|     005|"),
    F("%x", 3.5, out="3"),
    F("%1$s %1$s", S("a"), out="a a"),
    F("%1$s %s", S("a"), out="!ArgumentError: unnumbered(1) mixed with numbered"),
    F("%s %1$s", S("a"), out="!ArgumentError: numbered(1) after unnumbered(1)"),
    F("%<a>s %1$s", RHash({sym("a"): 1}), out="!ArgumentError: numbered(1) after named"),
    F("%s", S("a"), S("b"), out="a"),
    F("%0$s", S("a"), out="!ArgumentError: malformed format string - %$"),
    F("%3$s", S("a"), out="!ArgumentError: too few arguments"),
    F("%<a>s", 1, out="!ArgumentError: one hash required"),
    F("%-%", out="!ArgumentError: invalid format character - %"),
    F("%5%", out="!ArgumentError: invalid format character - %"),
    F("%\n", out="%\n"),
    F("%5.2s|%p|%-6p|", None, None, sym("a"), out="     |nil|:a    |"),
    F("%s", 1.0, out="1.0"),
    F("%d", 2**70, out="1180591620717411303424"),
    F("%x", -(2**70), out="..fc00000000000000000"),
    F("%+.3e|%G|%#g|%B|%#B", -1234.5678, 1e-10, 1e-10, 5, 5, out="-1.235e+03|1E-10|1.00000e-10|101|0B101"),
    F("%i %u", -3, -3, out="-3 -3"),
    F("%.10g", 1.0 / 3, out="0.3333333333"),
    F("%s", [1, S("a")], out='[1, "a"]'),
    F("%-8s|%8s|", S("héllo"), S("héllo"), out="héllo   |   héllo|"),
    F("%05.1s|%.3x|%+x|%#10.4x|%-#10x|%010x|% x|", S("abc"), 255, 255, 255, 255, 255, -255,
      out="    a|0ff|+ff|    0x00ff|0xff      |00000000ff|-ff|"),
    F("%1$*2$d|", 5, 4, out="   5|"),
    F("%-5s|", True, out="true |"),
    F("%s and %s", S("a"), out="!ArgumentError: too few arguments"),
    P("%s => %s", [S("key"), S("value")], out="key => value"),
    P("%.1f", 2.25, out="2.2"),
    P("%d", 3.99, out="3"),
    P("%05.1f", 3.14159, out="003.1"),
    P("%s", [[1, 2]], out="[1, 2]"),
    P("%s and %s", [S("x"), S("y")], out="x and y"),
    P("%-10s|", S("left"), out="left      |"),
    P("%{a}", RHash({sym("a"): 1}), out="1"),
    P("%c", 10, out="\n"),
    P("%s %s", [1], out="!ArgumentError: too few arguments"),
    # Ruby's dtoa rounds near-ties half-even on its fast path: 0.665 (stored a hair above) gives 0.66.
    F("%.2f|%.2f|%.2f|%.2f|%.2f|%.1f", 0.665, -0.665, 3.695, 1.185, 2.675, -0.95, out="0.66|-0.66|3.70|1.18|2.68|-1.0"),
    F("%.20f|%.17f", 0.665, 1.65, out="0.66500000000000003553|1.64999999999999991"),
    F("%.3g|%.2e|%.0f|%.0f|%.0f", -3.695, 0.665, 0.5, 1.5, -0.5, out="-3.7|6.65e-01|0|2|-0"),
    F("%.3f|%.11f|%.3f", 123456789012.3065, 4567.907029313755, 123456789012.5315,
      out="123456789012.307|4567.90702931375|123456789012.531"),
    F("%f|%e|%g|%.0e|%#.0e|%#x", -0.0, -0.0, -0.0, 5.0, 5.0, 0, out="-0.000000|-0.000000e+00|-0|5e+00|5.e+00|0"),
    F("%g|%g|%g|%#g|%.1g|%.20g", 0.0001, 0.00001, 123456.0, 1.0, 15.0, 0.1,
      out="0.0001|1e-05|123456|1.00000|2e+01|0.10000000000000000555"),
]


# Array#to_s belongs to the Array built-ins, which the fake runtime does not load; those cases
# are checked against ruby only.
OURS = [c for c in CASES if not c.expect.startswith('"[')]


@pytest.mark.parametrize("case", OURS, ids=ids(OURS))
def test_format(case: Case) -> None:
    assert outcome(case) == case.expect


@needs_ruby
def test_expectations_match_ruby(tmp_path: Any) -> None:
    check_against_ruby(CASES, tmp_path)


def test_kernel_format_and_sprintf_are_registered() -> None:
    rt = FakeRuntime()
    from pydrake.runtime.classes import KERNEL

    assert KERNEL.methods["format"](rt, None, S("%03d"), 7).s == "007"
    assert KERNEL.methods["sprintf"](rt, None, S("%s!"), S("hi")).s == "hi!"


def test_format_without_arguments_is_an_argument_error() -> None:
    from pydrake.runtime.classes import KERNEL

    with pytest.raises(RubyError) as err:
        KERNEL.methods["format"](FakeRuntime(), None)
    assert str(err.value) == "too few arguments"


def test_sprintf_is_a_plain_function() -> None:
    assert sprintf(FakeRuntime(), "%-4s|%4.1f", [S("ab"), 2.25]) == "ab  | 2.2"
