"""Symbol built-ins, checked against Ruby 3.1's answers."""

from __future__ import annotations

from typing import Any

import pytest

import pydrake.runtime.core.comparable  # noqa: F401
import pydrake.runtime.core.numeric  # noqa: F401
import pydrake.runtime.core.singletons  # noqa: F401
import pydrake.runtime.core.string  # noqa: F401
import pydrake.runtime.core.symbol  # noqa: F401
from pydrake.runtime.core.symbol import symbol_inspect
from pydrake.runtime.objects import RProc, RRange, RubyError, Symbol, sym
from tests.runtime.fake_runtime import FakeRuntime
from tests.runtime.test_string import Case, M, S, X, check_against_ruby, ids, needs_ruby, outcome, rx

NAMES = [
    "build", "needs-quote", "with space", "plain", "a?", "b!", "c=", "Const", "9lives", "foo?=", "A=", "@a", "@@a",
    "@", "@1", "$a", "$1", "$-w", "$-ww", "$~", "$", "", "[]", "[]=", "[]?", "!", "!=", "!~", "=~", "==", "===", "=",
    "<=>", "<<", "**", "+@", "-@", "~", "~@", "!@", "`", "é", "a1", "_", "_1", "é?", "A?", "$a?", "@a?", "a!b", "&&",
    "||", "::", "a=b", "nil", "self", "class", "9", "\n", 'q"uote', "+", "/", "%", ">=", "$0", "$12",
]

INSPECT = [X("", (lambda name: lambda rt: rt.call(Symbol.of(name), "inspect"))(n), "") for n in NAMES]


def _ruby_inspect_of(name: str) -> str:
    """What Ruby prints for ``p :name``: the inspect text, itself inspected."""
    from pydrake.runtime.core.string import str_inspect

    return str_inspect(symbol_inspect(name))


for _case, _name in zip(INSPECT, NAMES, strict=True):
    # Every literal form must read back as the same Symbol in Ruby, and print the same.
    _case.ruby = f"{symbol_inspect(_name)}.inspect"
    _case.expect = _ruby_inspect_of(_name)
    _case.id = f"inspect {_name!r}"

METHODS = [M(recv, m, *a, out=o) for recv, m, a, o in [
    (sym("abc"), "to_s", (), '"abc"'), (sym("abc"), "id2name", (), '"abc"'), (sym("abc"), "name", (), '"abc"'),
    (sym("a"), "to_sym", (), ":a"), (sym("a"), "==", (sym("a"),), "true"), (sym("a"), "==", (S("a"),), "false"),
    (sym("a"), "<=>", (S("a"),), "nil"), (sym("b"), "<=>", (sym("a"),), "1"), (sym("a"), "<", (sym("b"),), "true"),
    (sym("a"), "<", (1,), "!ArgumentError: comparison of Symbol with 1 failed"), (sym("abc"), "length", (), "3"),
    (sym("abc"), "size", (), "3"), (sym("abc"), "upcase", (), ":ABC"), (sym("a-b"), "upcase", (), ':"A-B"'),
    (sym("ABC"), "downcase", (), ":abc"), (sym("ab"), "capitalize", (), ":Ab"), (sym("Ab"), "swapcase", (), ":aB"),
    (sym("a"), "succ", (), ":b"), (sym("az"), "next", (), ":ba"), (sym("abc"), "[]", (1,), '"b"'),
    (sym("abc"), "[]", (RRange(0, 1),), '"ab"'), (sym("abc"), "start_with?", (S("a"),), "true"),
    (sym("abc"), "end_with?", (S("bc"), S("x")), "true"), (sym("a"), "empty?", (), "false"), (sym(""), "empty?", (), "true"),
    (sym("abc"), "=~", (rx("b"),), "1"), (sym("abc"), "match", (rx("b"),), '#<MatchData "b">'),
    (sym("abc"), "match?", (rx("z"),), "false"), (sym("aB"), "casecmp", (sym("Ab"),), "0"),
    (sym("a"), "casecmp", (S("a"),), "nil"), (sym("aB"), "casecmp?", (sym("ab"),), "true"),
]] + [
    X(":upcase.to_proc.call('x')", lambda rt: rt.call_block(rt.call(sym("upcase"), "to_proc"), S("x")), '"X"'),
    X(":+.to_proc.call(1, 2)", lambda rt: rt.call_block(rt.call(sym("+"), "to_proc"), 1, 2), "3"),
    X(":a.to_proc.call(1)", lambda rt: rt.call_block(rt.call(sym("a"), "to_proc"), 1), "!NoMethodError: undefined method `a' for 1:Integer"),
    X(":a.to_proc.call()", lambda rt: rt.call_block(rt.call(sym("a"), "to_proc")), "!ArgumentError: no receiver given"),
    X(":a.to_proc.lambda?", lambda rt: rt.call(sym("a"), "to_proc").is_lambda, "true"),
    X(":a.to_s.frozen?", lambda rt: rt.call(sym("a"), "to_s").frozen, "false"),
    X(":a.name.frozen?", lambda rt: rt.call(sym("a"), "name").frozen, "true"),
    X("[:b, :a, :c].sort", lambda rt: sorted([sym("b"), sym("a"), sym("c")], key=lambda s: s.name), "[:a, :b, :c]"),
]

ALL: list[Case] = INSPECT + METHODS
# The fake runtime's NoMethodError text is not Ruby's; that case is checked against ruby only.
OURS = [c for c in ALL if "NoMethodError" not in c.expect]


@pytest.mark.parametrize("case", OURS, ids=ids(OURS))
def test_symbol_method(case: Case) -> None:
    assert outcome(case) == case.expect


@needs_ruby
def test_expectations_match_ruby(tmp_path: Any) -> None:
    check_against_ruby(ALL, tmp_path)


def test_symbols_are_interned() -> None:
    rt = FakeRuntime()
    assert rt.call(S("dash-name"), "to_sym") is Symbol.of("dash-name")
    assert rt.call(sym("a"), "equal?", sym("a")) is True


def test_to_proc_is_a_native_lambda() -> None:
    proc = FakeRuntime().call(sym("length"), "to_proc")
    assert isinstance(proc, RProc) and proc.params is None and proc.body is None
    assert proc.native(S("four")) == 4


def test_to_proc_without_receiver_raises_argument_error() -> None:
    proc = FakeRuntime().call(sym("length"), "to_proc")
    with pytest.raises(RubyError) as err:
        proc.native()
    assert str(err.value) == "no receiver given"
