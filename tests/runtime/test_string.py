"""String built-ins, checked against outputs recorded from Ruby 3.1 (and re-checked when ruby is installed)."""

from __future__ import annotations

import copy
import json
import math
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

import pydrake.runtime.core.comparable  # noqa: F401
import pydrake.runtime.core.format  # noqa: F401
import pydrake.runtime.core.numeric  # noqa: F401
import pydrake.runtime.core.singletons  # noqa: F401
import pydrake.runtime.core.string  # noqa: F401
import pydrake.runtime.core.symbol  # noqa: F401
from pydrake.runtime import rubyregex
from pydrake.runtime.core.numeric import float_to_s
from pydrake.runtime.core.string import str_inspect
from pydrake.runtime.core.symbol import symbol_inspect
from pydrake.runtime.objects import RHash, RMatch, RRange, RRegexp, RString, RubyError, Symbol, sym
from tests.runtime.fake_runtime import FakeRuntime, block

# --- a small harness shared by the core-class tests ---------------------------------------------
# A case is a Ruby expression, the same computation in Python, and Ruby's `inspect` of the result
# (or "!ErrorClass: message"). Method cases build the Ruby source from the Python values.


def S(text: str, frozen: bool = False) -> RString:  # noqa: N802
    """A Ruby String."""
    return RString(text, frozen)


def rx(source: str, flags: str = "") -> RRegexp:
    """A Ruby Regexp literal ``/source/flags``, translated as the interpreter translates literals."""
    bits = (RRegexp.IGNORECASE if "i" in flags else 0) | (RRegexp.EXTENDED if "x" in flags else 0)
    bits |= RRegexp.MULTILINE if "m" in flags else 0
    return RRegexp(source, bits, rubyregex.translate(source, bits))


def lit(v: Any) -> str:
    """Ruby source for a Python-side value."""
    if isinstance(v, RString):
        return str_inspect(v.s) + (".freeze" if v.frozen else "")
    if isinstance(v, Symbol):
        return symbol_inspect(v.name)
    if v is None:
        return "nil"
    if v is True or v is False:
        return str(v).lower()
    if type(v) is int:
        return f"({v})" if v < 0 else str(v)
    if type(v) is float:
        if math.isnan(v):
            return "Float::NAN"
        if math.isinf(v):
            return "Float::INFINITY" if v > 0 else "(-Float::INFINITY)"
        return f"({float_to_s(v)})" if math.copysign(1, v) < 0 else float_to_s(v)
    if isinstance(v, list):
        return "[" + ", ".join(lit(x) for x in v) + "]"
    if isinstance(v, RHash):
        return "{" + ", ".join(f"{lit(k)} => {lit(x)}" for k, x in v.items()) + "}"
    if isinstance(v, RRange):
        first = "" if v.first is None else lit(v.first)
        last = "" if v.last is None else lit(v.last)
        return f"({first}{'...' if v.exclusive else '..'}{last})"
    if isinstance(v, RRegexp):
        flags = "".join(f for f, bit in (("m", 4), ("i", 1), ("x", 2)) if v.options & bit)
        return f"%r{{{v.source}}}{flags}" if "/" in v.source else f"/{v.source}/{flags}"
    raise TypeError(v)


def rinspect(rt: FakeRuntime, v: Any) -> str:
    """Ruby's inspect of a result, covering the containers other modules implement."""
    if isinstance(v, list):
        return "[" + ", ".join(rinspect(rt, x) for x in v) + "]"
    if isinstance(v, RHash):
        return "{" + ", ".join(f"{rinspect(rt, k)}=>{rinspect(rt, x)}" for k, x in v.items()) + "}"
    if isinstance(v, RMatch):
        parts = [str_inspect(v.match.group(0))]
        names = {i: n for n, i in v.match.re.groupindex.items()}
        for g in range(1, v.match.re.groups + 1):
            text = v.match.group(g)
            parts.append(f"{names.get(g, g)}:{'nil' if text is None else str_inspect(text)}")
        return "#<MatchData " + " ".join(parts) + ">"
    return rt.inspect(v)


@dataclass
class Case:
    """One Ruby expression with its Python counterpart and Ruby's answer."""

    ruby: str
    run: Callable[[FakeRuntime], Any]
    expect: str
    id: str = field(default="")


def _arg_list(args: tuple[Any, ...]) -> str:
    """Ruby argument source; a trailing Hash with Symbol keys is written as keywords."""
    parts = [lit(a) for a in args]
    if args and isinstance(args[-1], RHash) and args[-1] and all(isinstance(k, Symbol) for k in args[-1]):
        parts[-1] = ", ".join(f"{k.name}: {lit(v)}" for k, v in args[-1].items())
    return ", ".join(parts)


def M(  # noqa: N802
    recv: Any, meth: str, *args: Any, out: str, blk: tuple[Callable[..., Any], str] | None = None, enum: bool = False
) -> Case:
    """A call ``recv.meth(*args) { blk }``; ``blk`` is (rt -> callable, Ruby block source); ``enum`` adds ``.to_a``."""
    src = f"{lit(recv)}.{meth}({_arg_list(args)})"
    if blk is not None:
        src += " " + blk[1]
    if enum:
        src += ".to_a"

    def run(rt: FakeRuntime) -> Any:
        b = block(blk[0](rt)) if blk is not None else None
        result = rt.call(copy.deepcopy(recv), meth, *copy.deepcopy(list(args)), block=b)
        return rt.call(result, "to_a") if enum else result

    return Case(src, run, out, src)


def X(ruby: str, run: Callable[[FakeRuntime], Any], out: str) -> Case:  # noqa: N802
    """A free-form case: Ruby statements and a Python function of the runtime."""
    return Case(ruby, run, out, ruby)


def outcome(case: Case) -> str:
    """Our result for ``case``, in the same form Ruby's is recorded."""
    rt = FakeRuntime()
    try:
        return rinspect(rt, case.run(rt))
    except RubyError as e:
        return f"!{e.exc.cls.name}: {e}"


_RUBY_RUNNER = r"""
require 'json'
cases = JSON.parse(File.read(ARGV[0]))
out = cases.map do |src|
  begin
    eval(src, TOPLEVEL_BINDING.dup).inspect
  rescue Exception => e
    "!#{e.class}: #{e.message}"
  end
end
File.write(ARGV[1], JSON.generate(out))
"""


def ruby_outcomes(cases: list[Case], tmp_path: Any) -> list[str]:
    """Evaluate every case's Ruby source with the real ruby."""
    src, res, runner = tmp_path / "cases.json", tmp_path / "out.json", tmp_path / "run.rb"
    src.write_text(json.dumps([c.ruby for c in cases]))
    runner.write_text(_RUBY_RUNNER)
    subprocess.run(["ruby", "-W0", str(runner), str(src), str(res)], check=True, timeout=120)
    return json.loads(res.read_text())


needs_ruby = pytest.mark.skipif(shutil.which("ruby") is None, reason="ruby is not installed")


def check_against_ruby(cases: list[Case], tmp_path: Any) -> None:
    """Assert that the recorded expectations are what the installed ruby prints."""
    got = ruby_outcomes(cases, tmp_path)
    wrong = [f"{c.ruby}\n   recorded: {c.expect}\n   ruby:     {g}" for c, g in zip(cases, got, strict=True) if g != c.expect]
    assert not wrong, "\n".join(wrong)


def ids(cases: list[Case]) -> list[str]:
    """Readable pytest ids."""
    return [c.id[:60] for c in cases]


# --- the String cases ---------------------------------------------------------------------------


def _last_match(rt: FakeRuntime) -> Any:
    return rt.get_global("$~")


INSPECT = [
    M(S('a"b\n\t\x1b#{x} #$ #@ #a \\'), "inspect", out=r'''"\"a\\\"b\\n\\t\\e\\\#{x} \\\#$ \\\#@ #a \\\\\""'''),
    M(S("\x01\x7f\u200b\u00e9\v\b\a\f\r\x00"), "inspect", out=r'''"\"\\u0001\\u007F​é\\v\\b\\a\\f\\r\\u0000\""'''),
    M(S("\u2028\U0010ffff\U0001f600\u00a0"), "inspect", out='"\\"\\\\u2028\\\\u{10FFFF}😀\u00a0\\""'),
    M(S("é\x01\x1b\x7f\"\\#{\t😀"), "dump", out=r'''"\"\\u00E9\\x01\\e\\x7F\\\"\\\\\\\#{\\t\\u{1F600}\""'''),
    M(S("plain"), "inspect", out='"\\"plain\\""'),
]

INDEXING = [
    M(S("abc"), "[]", 1.9, out='"b"'),
    M(S("abc"), "[]", 3, out="nil"),
    M(S("abc"), "[]", -1, out='"c"'),
    M(S("abc"), "[]", 3, 1, out='""'),
    M(S("abc"), "[]", 4, 1, out="nil"),
    M(S("abc"), "[]", -4, 1, out="nil"),
    M(S("abc"), "[]", 1, -1, out="nil"),
    M(S("abc"), "[]", 1, 10, out='"bc"'),
    M(S("abc"), "[]", RRange(3, None), out='""'),
    M(S("abc"), "[]", RRange(4, None), out="nil"),
    M(S("abc"), "[]", RRange(-2, None), out='"bc"'),
    M(S("abc"), "[]", RRange(None, 1), out='"ab"'),
    M(S("abc"), "[]", RRange(1, -1, True), out='"b"'),
    M(S("abc"), "[]", RRange(2, 1), out='""'),
    M(S("abc"), "[]", RRange(-3, None, True), out='"abc"'),
    M(S("abc"), "[]", rx("(b)(c)"), 2, out='"c"'),
    M(S("abc"), "[]", rx("(?<x>b)"), S("x"), out='"b"'),
    M(S("abc"), "[]", rx("(?<x>b)"), sym("x"), out='"b"'),
    M(S("abc"), "[]", rx("(b)"), 3, out="nil"),
    M(S("abc"), "[]", rx("(?<x>b)"), S("y"), out="!IndexError: undefined group name reference: y"),
    M(S("abc"), "[]", S("bc"), out='"bc"'),
    M(S("abc"), "[]", S("x"), out="nil"),
    M(S("abc"), "[]", None, out="!TypeError: no implicit conversion from nil to integer"),
    M(S("abc"), "[]", S("a"), 1, out="!TypeError: no implicit conversion of String into Integer"),
    M(S("Hello"), "slice", 0, 2, out='"He"'),
    M(S("hello world"), "[]", rx("o w"), out='"o w"'),
    M(S("héllo"), "[]", 1, out='"é"'),
]


def _aset(text: str, *args: Any) -> Case:
    ruby_args = ", ".join(lit(a) for a in args[:-1])
    src = f"s = {lit(S(text))}; s[{ruby_args}] = {lit(args[-1])}; s"

    def run(rt: FakeRuntime) -> Any:
        s = S(text)
        rt.call(s, "[]=", *copy.deepcopy(list(args)))
        return s

    return X(src, run, "")


def _with(case: Case, out: str) -> Case:
    case.expect = out
    return case


ASSIGN = [
    _with(_aset("abc", 1, S("XY")), '"aXYc"'),
    _with(_aset("abc", 5, S("XY")), "!IndexError: index 5 out of string"),
    _with(_aset("abc", S("z"), S("XY")), "!IndexError: string not matched"),
    _with(_aset("abc", S("b"), S("XY")), '"aXYc"'),
    _with(_aset("abc", rx("z"), S("XY")), "!IndexError: regexp not matched"),
    _with(_aset("abc", RRange(1, None), S("XY")), '"aXY"'),
    _with(_aset("abc", rx("(b)(c)"), 1, S("X")), '"aXc"'),
    _with(_aset("abc", rx("(b)(c)"), 3, S("X")), "!IndexError: index 3 out of regexp"),
    _with(_aset("abc", 3, S("X")), '"abcX"'),
    _with(_aset("abc", -4, S("X")), "!IndexError: index -4 out of string"),
    _with(_aset("abc", -1, S("X")), '"abX"'),
    _with(_aset("abc", 1, 0, S("X")), '"aXbc"'),
    _with(_aset("abc", 1, -1, S("X")), "!IndexError: negative length -1"),
    _with(_aset("abc", RRange(5, None), S("X")), "!RangeError: 5.. out of range"),
    _with(_aset("abc", 1, 5), "!TypeError: no implicit conversion of Integer into String"),
    X("s = 'hello'; [s.slice!(1..2), s]", lambda rt: _pair(rt, S("hello"), "slice!", RRange(1, 2)), '["el", "hlo"]'),
    X("s = 'hello'; [s.slice!('z'), s]", lambda rt: _pair(rt, S("hello"), "slice!", S("z")), '[nil, "hello"]'),
    X("s = 'hello'; [s.slice!(10), s]", lambda rt: _pair(rt, S("hello"), "slice!", 10), '[nil, "hello"]'),
    X("s = 'hello'; [s.slice!(/l+/), s]", lambda rt: _pair(rt, S("hello"), "slice!", rx("l+")), '["ll", "heo"]'),
    X("s = 'hello'; [s.slice!(0), s]", lambda rt: _pair(rt, S("hello"), "slice!", 0), '["h", "ello"]'),
]


def _pair(rt: FakeRuntime, recv: RString, meth: str, *args: Any, blk: Any = None) -> list[Any]:
    """[recv.meth(*args), recv] to show a bang method's result and the mutated receiver."""
    return [rt.call(recv, meth, *args, block=blk), recv]


CASE_AND_PREDICATES = [
    M(S("Hello World"), "upcase", out='"HELLO WORLD"'),
    M(S("Hello World"), "downcase", out='"hello world"'),
    M(S("Hello World"), "swapcase", out='"hELLO wORLD"'),
    M(S("hELLO wORLD"), "capitalize", out='"Hello world"'),
    M(S("ß"), "upcase", out='"SS"'),
    M(S("ÀB"), "downcase", sym("ascii"), out='"Àb"'),
    M(S("àb"), "upcase", sym("ascii"), out='"àB"'),
    M(S("naïve"), "length", out="5"),
    M(S("naïve"), "bytesize", out="6"),
    M(S(""), "empty?", out="true"),
    M(S(" "), "empty?", out="false"),
    M(S("Hello"), "start_with?", S("x"), S("He"), out="true"),
    M(S("Hello"), "start_with?", S("hell"), out="false"),
    M(S("abc"), "start_with?", rx("b"), out="false"),
    M(S("abc"), "start_with?", rx("a"), out="true"),
    M(S("abc"), "start_with?", sym("a"), out="!TypeError: no implicit conversion of Symbol into String"),
    M(S("main.c"), "end_with?", S(".c"), S(".h"), out="true"),
    M(S("abc"), "end_with?", rx("c"), out="!TypeError: no implicit conversion of Regexp into String"),
    M(S("Hello World"), "include?", S("lo W"), out="true"),
    M(S("abc"), "include?", 1, out="!TypeError: no implicit conversion of Integer into String"),
    M(S("abc"), "ascii_only?", out="true"),
    M(S("é"), "ascii_only?", out="false"),
    M(S("aB"), "casecmp", S("Ab"), out="0"),
    M(S("a"), "casecmp", S("b"), out="-1"),
    M(S("a"), "casecmp", 1, out="nil"),
    M(S("ß"), "casecmp?", S("SS"), out="true"),
    M(S("a"), "casecmp?", 1, out="nil"),
    M(S("abc"), "<=>", S("abd"), out="-1"),
    M(S("b"), "<=>", S("a"), out="1"),
    M(S("a"), "<=>", 1, out="nil"),
    M(S("a"), "==", sym("a"), out="false"),
    M(S("a"), "==", S("a"), out="true"),
    M(S("a"), "eql?", S("a"), out="true"),
    M(S("a"), "===", S("a"), out="true"),
    M(S("abc"), "<", S("abd"), out="true"),
    M(S("B"), "<", S("a"), out="true"),
    M(S("10"), "<", S("9"), out="true"),
    M(S("a"), "<", 1, out="!ArgumentError: comparison of String with 1 failed"),
    M(S("a"), "<", None, out="!ArgumentError: comparison of String with nil failed"),
    M(S("a"), ">=", 1.5, out="!ArgumentError: comparison of String with 1.5 failed"),
    M(S("a"), "between?", S("a"), S("c"), out="true"),
    M(S("b"), "clamp", S("c"), S("a"), out="!ArgumentError: min argument must be smaller than max argument"),
    M(S("b"), "clamp", RRange(S("a"), S("c"), True), out="!ArgumentError: cannot clamp with an exclusive range"),
    M(S("z"), "clamp", S("a"), S("c"), out='"c"'),
    M(S("abc"), "ord", out="97"),
    M(S(""), "ord", out="!ArgumentError: empty string"),
    M(S("abc"), "chr", out='"a"'),
    M(S("a"), "frozen?", out="false"),
    M(S("a", frozen=True), "frozen?", out="true"),
    M(S("a", frozen=True), "dup", out='"a"'),
    M(S("ab"), "count", S("a-z"), out="2"),
]

EDITING = [
    M(S("a"), "+", S("b"), out='"ab"'),
    M(S("a"), "+", 1, out="!TypeError: no implicit conversion of Integer into String"),
    M(S("a"), "+", None, out="!TypeError: no implicit conversion of nil into String"),
    M(S("a"), "+", sym("b"), out="!TypeError: no implicit conversion of Symbol into String"),
    M(S("ab"), "*", 3, out='"ababab"'),
    M(S("a"), "*", 2.5, out='"aa"'),
    M(S("a"), "*", -1, out="!ArgumentError: negative argument"),
    M(S("a"), "*", S("b"), out="!TypeError: no implicit conversion of String into Integer"),
    M(S("a"), "<<", 256, out='"aĀ"'),
    M(S("a"), "<<", -1, out="!RangeError: -1 out of char range"),
    M(S("a"), "concat", 98, S("c"), out='"abc"'),
    M(S("x"), "prepend", S(">"), out='">x"'),
    M(S("abc"), "insert", -1, S("x"), out='"abcx"'),
    M(S("abc"), "insert", -2, S("x"), out='"abxc"'),
    M(S("abc"), "insert", 1, S("x"), out='"axbc"'),
    M(S("abc"), "insert", 5, S("x"), out="!IndexError: index 5 out of string"),
    M(S("abc"), "insert", -5, S("x"), out="!IndexError: index -4 out of string"),
    M(S("abc"), "replace", S("x"), out='"x"'),
    M(S("abc"), "clear", out='""'),
    M(S("abc", frozen=True), "<<", S("d"), out='!FrozenError: can\'t modify frozen String: "abc"'),
    M(S("abc", frozen=True), "sub!", S("x"), S("y"), out='!FrozenError: can\'t modify frozen String: "abc"'),
    M(S("ABC", frozen=True), "upcase!", out='!FrozenError: can\'t modify frozen String: "ABC"'),
    M(S("x"), "center", 6, S("ab"), out='"abxaba"'),
    M(S("x"), "center", 7, S("ab"), out='"abaxaba"'),
    M(S("mid"), "center", 11, S("*"), out='"****mid****"'),
    M(S("x"), "ljust", 5, S("ab"), out='"xabab"'),
    M(S("x"), "rjust", 5, S("ab"), out='"ababx"'),
    M(S("7"), "rjust", 3, S("0"), out='"007"'),
    M(S("toolong"), "rjust", 3, out='"toolong"'),
    M(S("x"), "center", 4, S(""), out="!ArgumentError: zero width padding"),
    M(S("\x00 \t\n a \x00\v"), "strip", out='"a"'),
    M(S("\x00 a"), "lstrip", out='"a"'),
    M(S("a \x00"), "rstrip", out='"a"'),
    M(S("\u00a0a"), "strip", out='"\u00a0a"'),
    M(S("  pad  "), "lstrip", out='"pad  "'),
    M(S("  pad  "), "rstrip", out='"  pad"'),
    M(S("line\n"), "chomp", out='"line"'),
    M(S("line\r\n"), "chomp", out='"line"'),
    M(S("line\n\n"), "chomp", out='"line\\n"'),
    M(S("foo\r"), "chomp", out='"foo"'),
    M(S("foo\n\r"), "chomp", out='"foo\\n"'),
    M(S("foo\n\n\r\n"), "chomp", S(""), out='"foo"'),
    M(S("file.txt"), "chomp", S(".txt"), out='"file"'),
    M(S("abc"), "chomp", None, out='"abc"'),
    M(S("a\r\n"), "chop", out='"a"'),
    M(S(""), "chop", out='""'),
    M(S("ab"), "chop", out='"a"'),
    M(S("Hello World"), "reverse", out='"dlroW olleH"'),
    M(S("abc"), "delete_prefix", S("a"), out='"bc"'),
    M(S("abc"), "delete_suffix", S("bc"), out='"a"'),
    M(S("abc"), "delete_suffix!", S("x"), out="nil"),
    M(S("aaa"), "squeeze!", out='"a"'),
    M(S("abc"), "squeeze!", out="nil"),
    M(S("abc"), "delete!", S("x"), out="nil"),
    M(S("abc"), "tr!", S("x"), S("y"), out="nil"),
    M(S("Hello"), "upcase!", out='"HELLO"'),
    M(S("HELLO"), "upcase!", out="nil"),
    M(S("x"), "strip!", out="nil"),
    X("s = +'abc'; [s.equal?(s.freeze), s.frozen?]", lambda rt: [True, rt.call(S("abc"), "freeze").frozen], "[true, true]"),
    X("(+'a'.freeze).frozen?", lambda rt: rt.call(S("a", True), "+@").frozen, "false"),
    X("(-'a').frozen?", lambda rt: rt.call(S("a"), "-@").frozen, "true"),
    X("'a'.freeze.clone.frozen?", lambda rt: rt.call(S("a", True), "clone").frozen, "true"),
    X("'a'.freeze.clone(freeze: false).frozen?", lambda rt: rt.call(S("a", True), "clone", RHash({sym("freeze"): False})).frozen, "false"),
    X("s = 'abc'; s << 'def' << '!'; s << 33; s", lambda rt: rt.call(rt.call(rt.call(S("abc"), "<<", S("def")), "<<", S("!")), "<<", 33), '"abcdef!!"'),
]

TR_AND_SETS = [
    M(S("hello"), "tr", S("el"), S("ip"), out='"hippo"'),
    M(S("hello"), "tr", S("a-y"), S("b-z"), out='"ifmmp"'),
    M(S("a-b_c"), "tr", S("-_"), S("  "), out='"a b c"'),
    M(S("hello"), "tr", S("^l"), S("*"), out='"**ll*"'),
    M(S("hello"), "tr", S("el"), S("i"), out='"hiiio"'),
    M(S("hello"), "tr", S("lo"), S(""), out='"he"'),
    M(S("a-b"), "tr", S("a\\-b"), S("xyz"), out='"xyz"'),
    M(S("ab"), "tr", S("ab"), S("c-"), out='"c-"'),
    M(S("hello"), "tr", S("a-y"), S("b"), out='"bbbbb"'),
    M(S("hi"), "tr", S(""), S("x"), out='"hi"'),
    M(S("hello"), "tr_s", S("l"), S("r"), out='"hero"'),
    M(S("aabbcc"), "tr_s", S("ab"), S("x"), out='"xcc"'),
    M(S("hello"), "delete", S("l"), out='"heo"'),
    M(S("hello"), "delete", S("l"), S("lo"), out='"heo"'),
    M(S("hello"), "delete", out="!ArgumentError: wrong number of arguments (given 0, expected 1+)"),
    M(S("aaabbb"), "squeeze", out='"ab"'),
    M(S("path//to///x"), "squeeze", S("/"), out='"path/to/x"'),
    M(S("hello"), "squeeze", S("l-m"), out='"helo"'),
    M(S("hello"), "count", S("l"), out="2"),
    M(S("Hello World"), "count", S("lo"), out="5"),
    M(S("hello world"), "count", S("lo"), S("o"), out="2"),
    M(S("hello^"), "count", S("^"), out="1"),
    M(S("a-z"), "count", S("a-"), out="2"),
    M(S("hello"), "count", S("z-a"), out='!ArgumentError: invalid range "z-a" in string transliteration'),
]

SUCC = [M(S(s), "succ", out=o) for s, o in [
    ("abc", '"abd"'), ("az", '"ba"'), ("zz", '"aaa"'), ("Zz", '"AAa"'), ("a9", '"b0"'), ("Az", '"Ba"'),
    ("zZ9", '"aaA0"'), ("a.9", '"a.10"'), ("1.9", '"2.0"'), ("1.9.9", '"2.0.0"'), ("a-z", '"b-a"'),
    ("-9", '"-10"'), ("***", '"**+"'), ("", '""'), ("a.Z", '"b.A"'), ("<<koala>>", '"<<koalb>>"'),
    ("1999zzz", '"2000aaa"'), ("ZZZ9999", '"AAAA0000"'), ("9-z", '"9-aa"'),
]] + [
    M(S("abc"), "upto", S("ae"), enum=True, out='["abc"]'),
    M(S("9"), "upto", S("11"), enum=True, out='["9", "10", "11"]'),
    M(S("a"), "upto", S("e"), True, enum=True, out='["a", "b", "c", "d"]'),
    M(S("08"), "upto", S("11"), enum=True, out='["08", "09", "10", "11"]'),
    M(S("z"), "upto", S("a"), enum=True, out="[]"),
    M(S("az"), "upto", S("bc"), enum=True, out='["az", "ba", "bb", "bc"]'),
    M(S("aa"), "upto", S("ad"), enum=True, out='["aa", "ab", "ac", "ad"]'),
]

CONVERSIONS = [M(S(s), "to_i", *base, out=o) for s, base, o in [
    ("42", (), "42"), ("42abc", (), "42"), ("abc", (), "0"), (" 7 ", (), "7"), ("-3", (), "-3"),
    ("0x1A", (), "0"), ("1_000", (), "1000"), ("12.9", (), "12"), ("0d12", (), "12"), ("0b11", (0,), "3"),
    ("0x1f", (16,), "31"), ("0o17", (), "0"), ("017", (0,), "15"), ("1__2", (), "1"), ("_12", (), "0"),
    ("12_", (), "12"), ("  -  3", (), "0"), ("+5", (), "5"), ("z", (36,), "35"), ("10", (2,), "2"),
    ("ff", (16,), "255"), ("1", (37,), "!ArgumentError: invalid radix 37"), ("1", (1,), "!ArgumentError: invalid radix 1"),
    ("0x", (16,), "0"),
]] + [M(S(s), "to_f", out=o) for s, o in [
    ("3.75", "3.75"), ("1e3", "1000.0"), ("x", "0.0"), (".5", "0.5"), ("1_000.5", "1000.5"), ("1.", "1.0"),
    ("1.e3", "1.0"), ("1e", "1.0"), (" 2.5x", "2.5"), ("-.5", "-0.5"), ("1__0.0", "1.0"), ("1e400", "Infinity"),
    ("0x1A", "0.0"), ("Infinity", "0.0"), ("1_e5", "1.0"), ("._5", "0.0"), ("5._5", "5.0"), ("1e5_0", "1.0e+50"),
]] + [M(S(s), m, out=o) for s, m, o in [
    ("0x1f", "hex", "31"), ("-0x1f", "hex", "-31"), ("ff", "hex", "255"), ("zz", "hex", "0"), ("0x1A", "hex", "26"),
    ("0x1f", "oct", "31"), ("777", "oct", "511"), ("0b101", "oct", "5"), ("-12", "oct", "-10"), ("89", "oct", "0"),
    ("name", "to_sym", ":name"), ("dash-name", "to_sym", ':"dash-name"'), ("abc", "to_s", '"abc"'),
    ("é", "bytes", "[195, 169]"), ("abc", "codepoints", "[97, 98, 99]"), ("héllo", "chars", '["h", "é", "l", "l", "o"]'),
    ("abc", "sum", "294"), ("abc", "bytesize", "3"),
]]

SEARCH = [
    M(S("Hello World"), "index", S("o"), out="4"),
    M(S("Hello World"), "rindex", S("o"), out="7"),
    M(S("Hello World"), "index", S("z"), out="nil"),
    M(S("Hello World"), "index", S("o"), 5, out="7"),
    M(S("abc"), "rindex", S("b"), 0, out="nil"),
    M(S("abcb"), "rindex", rx("b"), out="3"),
    M(S("abcb"), "rindex", rx("b"), 2, out="1"),
    M(S("abc"), "index", S(""), 3, out="3"),
    M(S("abc"), "index", S(""), 4, out="nil"),
    M(S("abc"), "rindex", S(""), out="3"),
    M(S("abc"), "index", rx("c"), -1, out="2"),
    M(S("abc"), "index", S("b"), -5, out="nil"),
    M(S("k: v"), "partition", S(": "), out='["k", ": ", "v"]'),
    M(S("a.b.c"), "rpartition", S("."), out='["a.b", ".", "c"]'),
    M(S("none"), "partition", S("x"), out='["none", "", ""]'),
    M(S("ab"), "partition", rx("b"), out='["a", "b", ""]'),
    M(S("abab"), "rpartition", rx("a"), out='["ab", "a", "b"]'),
    M(S("abab"), "rpartition", S("x"), out='["", "", "abab"]'),
    M(S("hello"), "partition", rx("l+"), out='["he", "ll", "o"]'),
    M(S("hello"), "rpartition", rx("l+"), out='["hel", "l", "o"]'),
    M(S("abc"), "=~", rx("c"), out="2"),
    M(S("abc"), "=~", rx("z"), out="nil"),
    M(S("abc"), "=~", S("b"), out="!TypeError: type mismatch: String given"),
    M(S("abc"), "match", rx("c"), 1, out='#<MatchData "c">'),
    M(S("abc"), "match", rx("a"), 1, out="nil"),
    M(S("abc"), "match?", rx("a"), 1, out="false"),
    M(S("Hello"), "match?", rx("hel", "i"), out="true"),
    M(S("file_name.tar.gz"), "match", rx(r"^(\w+)\.(.*)$"), out='#<MatchData "file_name.tar.gz" 1:"file_name" 2:"tar.gz">'),
    M(S("key: value"), "match", rx(r"(?<k>\w+): (?<v>\w+)"), out='#<MatchData "key: value" k:"key" v:"value">'),
    M(S("a.c"), "match?", S("."), out="true"),
    M(S("a1b22c333"), "scan", rx(r"\d+"), out='["1", "22", "333"]'),
    M(S("k1=v1;k2=v2"), "scan", rx(r"(\w+)=(\w+)"), out='[["k1", "v1"], ["k2", "v2"]]'),
    M(S("none"), "scan", rx(r"\d"), out="[]"),
    M(S("abc"), "scan", rx("b*"), out='["", "b", "", ""]'),
    M(S("a.b.c"), "scan", S("."), out='[".", "."]'),
    M(S("ab"), "scan", rx("(x)?b"), out="[[nil]]"),
]

SPLIT = [M(S(s), "split", *a, out=o) for s, a, o in [
    ("a b  c", (), '["a", "b", "c"]'), (" lead and trail ", (), '["lead", "and", "trail"]'),
    ("a\tb\nc", (), '["a", "b", "c"]'), ("a,b,,c,,", (S(","),), '["a", "b", "", "c"]'),
    ("a,b,,c,,", (S(","), -1), '["a", "b", "", "c", "", ""]'), ("", (S(","),), "[]"),
    ("a1b22c", (rx(r"\d+"),), '["a", "b", "c"]'), ("k=v=w", (S("="), 2), '["k", "v=w"]'),
    ("a, b,c", (rx(r",\s*"),), '["a", "b", "c"]'), ("abc", (S(""),), '["a", "b", "c"]'),
    ("x y", (S(" "), -1), '["x", "y"]'), ("a  b", (S(" "),), '["a", "b"]'), ("a  b", (rx(" "),), '["a", "", "b"]'),
    ("abc", (rx(""),), '["a", "b", "c"]'), ("abc", (rx("b*"),), '["a", "c"]'), ("a,b", (rx("(,)"),), '["a", ",", "b"]'),
    ("a1b2c", (rx(r"(\d)"), 2), '["a", "1", "b2c"]'), ("abc", (rx("(?=b)"),), '["a", "bc"]'),
    (" a b ", (S(" "), -1), '["a", "b", ""]'), ("a  b c", (S(" "), 2), '["a", "b c"]'),
    ("a b c  ", (S(" "), 3), '["a", "b", "c  "]'), ("abc", (S(""), 2), '["a", "bc"]'), ("a,b,c", (S(","), 2), '["a", "b,c"]'),
    ("a,b", (rx(","), -1), '["a", "b"]'), (",a", (S(","),), '["", "a"]'), ("abc", (rx("x*"),), '["a", "b", "c"]'),
    ("aXbX", (S("X"),), '["a", "b"]'), ("a b", (None,), '["a", "b"]'), ("abc", (rx("(x)?b"),), '["a", "c"]'),
    ("abc", (S("b"), 1), '["abc"]'), ("", (S(","), 1), "[]"), ("a,b", (S(","), 0), '["a", "b"]'),
    ("one\ntwo\n\nthree", (S("\n"),), '["one", "two", "", "three"]'), ("a--b", (S("-"),), '["a", "", "b"]'),
    ("a b", (1,), "!TypeError: wrong argument type Integer (expected Regexp)"),
]] + [
    M(S("one\ntwo\n\nthree"), "lines", out='["one\\n", "two\\n", "\\n", "three"]'),
    M(S("ab\ncd\n"), "each_line", enum=True, out='["ab\\n", "cd\\n"]'),
    M(S("a\n\nb\n\n\nc"), "lines", S(""), out='["a\\n\\n", "b\\n\\n", "c"]'),
    M(S("aXbXc"), "lines", S("X"), out='["aX", "bX", "c"]'),
    M(S("a\nb"), "lines", RHash({sym("chomp"): True}), out='["a", "b"]'),
    M(S("a\r\nb"), "lines", RHash({sym("chomp"): True}), out='["a", "b"]'),
    M(S("abc"), "each_char", enum=True, out='["a", "b", "c"]'),
]


def _upcase_block(rt: FakeRuntime) -> Callable[..., Any]:
    return lambda m: rt.call(m, "upcase")


def _begin_block(rt: FakeRuntime) -> Callable[..., Any]:
    return lambda m: rt.call(_last_match(rt).match.start(0), "to_s")


def _swap_block(rt: FakeRuntime) -> Callable[..., Any]:
    return lambda m: S(_last_match(rt).match.group(2) + _last_match(rt).match.group(1))


SUBSTITUTION = [
    M(S("src/main.c"), "sub", S(".c"), S(".o"), out='"src/main.o"'),
    M(S("src/main.c"), "sub", rx(r"\.c\z"), S(".o"), out='"src/main.o"'),
    M(S("src/main.c"), "sub", S("nomatch"), S("x"), out='"src/main.c"'),
    M(S("a-b-c"), "sub", S("-"), S("_"), out='"a_b-c"'),
    M(S("a-b-c"), "gsub", S("-"), S("_"), out='"a_b_c"'),
    M(S("x.y.z"), "gsub", S("."), S("/"), out='"x/y/z"'),
    M(S("a.b"), "gsub", rx("."), S("*"), out='"***"'),
    M(S("a+b"), "gsub", S("+"), S(" plus "), out='"a plus b"'),
    M(S("hello world"), "gsub", rx("o"), out='"hellO wOrld"', blk=(_upcase_block, "{ |m| m.upcase }")),
    M(S("hello"), "gsub", rx("l"), out='"he23o"', blk=(_begin_block, "{ $~.begin(0).to_s }")),
    M(S("2020-01-31"), "sub", rx(r"(\d+)-(\d+)-(\d+)"), S("\\3/\\2/\\1"), out='"31/01/2020"'),
    M(S("John Smith"), "sub", rx(r"(\w+) (\w+)"), S("\\2, \\1"), out='"Smith, John"'),
    M(S("abc"), "gsub", rx("b"), S("[\\0]"), out='"a[b]c"'),
    M(S("abc"), "gsub", S("b"), S("<\\0>"), out='"a<b>c"'),
    M(S("aXbXc"), "gsub", rx("x", "i"), S("-"), out='"a-b-c"'),
    M(S("a1"), "gsub", rx(r"(\w)(\d)"), out='"1a"', blk=(_swap_block, '{ "#{$2}#{$1}" }')),
    M(S("cat hat bat"), "gsub", rx("[ch]at"), RHash({S("cat"): S("dog"), S("hat"): S("cap")}), out='"dog cap bat"'),
    M(S("abc"), "sub", rx("b"), RHash({S("b"): 1}), out='"a1c"'),
    M(S("abc"), "gsub", rx("."), RHash({S("a"): sym("x")}), out='"x"'),
    M(S("src/a.c src/b.c"), "gsub", rx(r"src/(\w+)\.c"), S("obj/\\1.o"), out='"obj/a.o obj/b.o"'),
    M(S("tabs\tand  spaces"), "gsub", rx(r"\s+"), S(" "), out='"tabs and spaces"'),
    M(S("aaa"), "sub", rx("a*?"), S("x"), out='"xaaa"'),
    M(S("path/to/file"), "gsub", S("/"), S("\\"), out='"path\\\\to\\\\file"'),
    M(S("x"), "gsub", rx("(?<ch>x)"), S("\\k<ch>\\k<ch>"), out='"xx"'),
    M(S("x"), "gsub", rx("(?<ch>x)"), S("\\k<zz>"), out="!IndexError: undefined group name reference: zz"),
    M(S("abc"), "gsub", rx("b*"), S("-"), out='"-a--c-"'),
    M(S("abc"), "gsub", rx("x*"), S("-"), out='"-a-b-c-"'),
    M(S("abc"), "gsub", rx("b"), S("\\\\\\\\"), out='"a\\\\\\\\c"'),
    M(S("abc"), "sub", rx("b"), S("\\\\"), out='"a\\\\c"'),
    M(S("abc"), "sub", rx("(b)"), S("\\2"), out='"ac"'),
    M(S("abc"), "sub", rx("b"), S("\\`|\\'"), out='"aa|cc"'),
    M(S("abc"), "sub", rx("b"), S("\\9\\x"), out='"a\\\\xc"'),
    M(S("abc"), "sub", rx("(b)"), S("\\10"), out='"ab0c"'),
    M(S("abc"), "sub", rx("(b)"), S("\\&\\&"), out='"abbc"'),
    M(S("abc"), "gsub", rx("b"), 1, out="!TypeError: no implicit conversion of Integer into String"),
    M(S("abc"), "sub", S("b"), None, out="!TypeError: no implicit conversion of nil into String"),
    M(S("Title Of Post!"), "gsub", rx("[^a-z0-9]+", "i"), S("-"), out='"Title-Of-Post-"'),
    M(S("CamelCaseName"), "gsub", rx("([a-z])([A-Z])"), S("\\1_\\2"), out='"Camel_Case_Name"'),
    X("s = 'keep'; [s.sub!('zzz', 'y'), s]", lambda rt: _pair(rt, S("keep"), "sub!", S("zzz"), S("y")), '[nil, "keep"]'),
    X("s = 'keep'; [s.gsub!('e', 'E'), s]", lambda rt: _pair(rt, S("keep"), "gsub!", S("e"), S("E")), '["kEEp", "kEEp"]'),
    X(
        "s = 'kEEp'; r = s.sub!(/K/i, 'C'); [r.equal?(s), s]",
        lambda rt: (lambda s: [rt.call(s, "sub!", rx("K", "i"), S("C")) is s, s])(S("kEEp")),
        '[true, "CEEp"]',
    ),
    X(
        "'x1y2'.sub(/(\\d)/) { \"<#{$1}>\" }; $~[0]",
        lambda rt: (rt.call(S("x1y2"), "sub", rx(r"(\d)"), block=block(lambda m: S("<" + m.s + ">"))), S(_last_match(rt).match.group(0)))[1],
        '"1"',
    ),
    X("'abc' =~ /z/; $~", lambda rt: (rt.call(S("abc"), "=~", rx("z")), _last_match(rt))[1], "nil"),
    X("'abc'.gsub(/z/, 'y'); $~", lambda rt: (rt.call(S("abc"), "gsub", rx("z"), S("y")), _last_match(rt))[1], "nil"),
    X(
        "'a1b2'.gsub(/\\d/, 'x'); $~[0]",
        lambda rt: (rt.call(S("a1b2"), "gsub", rx(r"\d"), S("x")), S(_last_match(rt).match.group(0)))[1],
        '"2"',
    ),
    X(
        "r = []; 'x=1 y=2'.scan(/(\\w)=(\\d)/) { |k, v| r << k + v }; r",
        lambda rt: _scan_pairs(rt),
        '["x1", "y2"]',
    ),
]


def _after(rt: FakeRuntime, recv: RString, meth: str, *args: Any) -> Any:
    """``$~`` after ``"xyz" =~ /y/`` and then ``recv.meth(*args)``."""
    rt.call(S("xyz"), "=~", rx("y"))
    rt.call(recv, meth, *args)
    return _last_match(rt)


LAST_MATCH = [
    X("'xyz' =~ /y/; 'abc'.start_with?(/z/); $~", lambda rt: _after(rt, S("abc"), "start_with?", rx("z")), "nil"),
    X("'xyz' =~ /y/; 'abc'.start_with?(/a/); $~", lambda rt: _after(rt, S("abc"), "start_with?", rx("a")), '#<MatchData "a">'),
    X("'xyz' =~ /y/; 'a,b'.split(/,/); $~", lambda rt: _after(rt, S("a,b"), "split", rx(",")), "nil"),
    X("'xyz' =~ /y/; 'a,b,c'.split(/,/, 2); $~", lambda rt: _after(rt, S("a,b,c"), "split", rx(","), 2), '#<MatchData ",">'),
    X("'xyz' =~ /y/; 'abc'.index('b'); $~", lambda rt: _after(rt, S("abc"), "index", S("b")), '#<MatchData "y">'),
    X("'xyz' =~ /y/; 'abc'.match?(/b/); $~", lambda rt: _after(rt, S("abc"), "match?", rx("b")), '#<MatchData "y">'),
    X("'xyz' =~ /y/; 'abc'.rindex(/z/); $~", lambda rt: _after(rt, S("abc"), "rindex", rx("z")), "nil"),
    X("'xyz' =~ /y/; 'abc'[/b/]; $~", lambda rt: _after(rt, S("abc"), "[]", rx("b")), '#<MatchData "b">'),
    X("'xyz' =~ /y/; 'hello'.partition(/l+/); $~", lambda rt: _after(rt, S("hello"), "partition", rx("l+")), '#<MatchData "ll">'),
    X("'xyz' =~ /y/; 'a1b2'.scan(/\\d/); $~", lambda rt: _after(rt, S("a1b2"), "scan", rx(r"\d")), '#<MatchData "2">'),
]


def _scan_pairs(rt: FakeRuntime) -> list[Any]:
    out: list[Any] = []
    rt.call(S("x=1 y=2"), "scan", rx(r"(\w)=(\d)"), block=block(lambda pair: out.append(S(pair[0].s + pair[1].s))))
    return out


ALL = (
    INSPECT + INDEXING + ASSIGN + CASE_AND_PREDICATES + EDITING + TR_AND_SETS + SUCC + CONVERSIONS + SEARCH + SPLIT
    + SUBSTITUTION + LAST_MATCH
)


@pytest.mark.parametrize("case", ALL, ids=ids(ALL))
def test_string_method(case: Case) -> None:
    assert outcome(case) == case.expect


LINE_START = M(S("multi\nline\n"), "gsub", rx("^"), S("> "), out='"> multi\\n> line\\n"')


def test_gsub_at_line_starts() -> None:
    assert outcome(LINE_START) == LINE_START.expect


@needs_ruby
def test_expectations_match_ruby(tmp_path: Any) -> None:
    check_against_ruby(ALL + [LINE_START], tmp_path)


def test_frozen_receiver_unchanged_by_failed_mutation() -> None:
    rt = FakeRuntime()
    s = S("abc", frozen=True)
    with pytest.raises(RubyError):
        rt.call(s, "gsub!", rx("z"), S("y"))
    assert s.s == "abc"


def test_symbol_to_proc_over_strings() -> None:
    rt = FakeRuntime()
    words = rt.call(S("title case words"), "split")
    proc = rt.call(sym("capitalize"), "to_proc")
    assert [rt.call_block(proc, w).s for w in words] == ["Title", "Case", "Words"]


def test_each_line_block_yields_lines_and_returns_receiver() -> None:
    rt = FakeRuntime()
    seen: list[str] = []
    s = S("one\ntwo")
    assert rt.call(s, "each_line", block=block(lambda line: seen.append(line.s))) is s
    assert seen == ["one\n", "two"]


def test_scan_block_sets_last_match_for_each_yield() -> None:
    rt = FakeRuntime()
    seen: list[str] = []
    rt.call(S("a1 b2"), "scan", rx(r"\d"), block=block(lambda d: seen.append(rt.get_global("$~").match.group(0))))
    assert seen == ["1", "2"]


def test_encoding_is_utf8_name() -> None:
    rt = FakeRuntime()
    assert rt.call(S("a"), "encoding").s == "UTF-8"
    assert rt.call(S("a"), "force_encoding", S("BINARY")).s == "a"


def test_hash_follows_text() -> None:
    rt = FakeRuntime()
    assert rt.call(S("abc"), "hash") == rt.call(S("abc"), "hash")
    assert rt.call(S("abc"), "hash") != rt.call(S("abd"), "hash")


def test_objects_with_to_str_are_accepted_as_strings() -> None:
    from pydrake.runtime.classes import OBJECT
    from pydrake.runtime.objects import RClass, RObject

    cls = RClass("Wrapper", OBJECT)
    cls.methods["to_str"] = lambda rt, recv, block=None: S("wrapped")
    obj = RObject(cls)
    rt = FakeRuntime()
    assert rt.call(S("a "), "+", obj).s == "a wrapped"
    assert rt.call(S("x wrapped y"), "include?", obj) is True
    assert [p.s for p in rt.call(S("1wrapped2"), "split", obj)] == ["1", "2"]
