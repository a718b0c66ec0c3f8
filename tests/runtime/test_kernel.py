"""Kernel built-ins: output, conversions, exit/abort, randomness, loading helpers, reflection of the caller."""

from __future__ import annotations

import pytest

from pydrake.runtime.interpreter import Interpreter
from pydrake.runtime.objects import RubyError
from tests.runtime.test_interpreter_support import out, ruby_error, run_ruby

# ------------------------------------------------------------------ output


def test_puts_flattens_arrays_and_handles_nil_and_newlines() -> None:
    src = """
    puts "one", "two"
    puts ["a", ["b", ["c"]]]
    puts nil
    puts [nil, 1]
    puts []
    puts
    puts "ends with newline\\n"
    puts :sym, 1.5, 10**3
    """
    assert out(src) == "one\ntwo\na\nb\nc\n\n\n1\n\nends with newline\nsym\n1.5\n1000\n"


def test_print_p_and_pp_return_values() -> None:
    src = """
    print "no newline", " then ", "more\\n"
    print 1, :two, nil, 3.0, "\\n"
    r = p("returned")
    r2 = p 1, 2
    x = p
    y = pp "pp returns"
    p r, r2, x, y
    """
    assert out(src) == (
        'no newline then more\n1two3.0\n"returned"\n1\n2\n"pp returns"\n"returned"\n[1, 2]\nnil\n"pp returns"\n'
    )


def test_warn_and_stderr() -> None:
    o, e = run_ruby('warn "w1", "w2"\nwarn\n$stderr.puts "e"\nputs "o"')
    assert (o, e) == ("o\n", "w1\nw2\ne\n")


def test_printf_uses_format() -> None:
    assert out('printf("%d-%s\\n", 1, "x")') == "1-x\n"


# ------------------------------------------------------------------ conversions


@pytest.mark.parametrize(
    ("expr", "shown"),
    [
        ('Integer("0x1A")', "26"),
        ('Integer("0b101")', "5"),
        ('Integer("017")', "15"),
        ('Integer("0o17")', "15"),
        ('Integer(" 42 ")', "42"),
        ('Integer("1_000")', "1000"),
        ('Integer("-12")', "-12"),
        ("Integer(3.99)", "3"),
        ('Integer("ff", 16)', "255"),
        ('Integer("x", exception: false)', "nil"),
        ('Float("1e3")', "1000.0"),
        ('Float(" 2.5 ")', "2.5"),
        ('Float("1_000.5")', "1000.5"),
        ("Float(3)", "3.0"),
        ("String(12)", '"12"'),
        ("String(nil)", '""'),
        ("Array(nil)", "[]"),
        ("Array([1])", "[1]"),
        ("Array(1..3)", "[1, 2, 3]"),
        ("Array({a: 1})", "[[:a, 1]]"),
        ('Array("s")', '["s"]'),
    ],
)
def test_conversion_functions(expr: str, shown: str) -> None:
    assert out(f"p {expr}") == shown + "\n"


@pytest.mark.parametrize(
    ("expr", "error"),
    [
        ('Integer("x")', ("ArgumentError", 'invalid value for Integer(): "x"')),
        ('Integer("12abc")', ("ArgumentError", 'invalid value for Integer(): "12abc"')),
        ('Integer("09")', ("ArgumentError", 'invalid value for Integer(): "09"')),
        ('Integer("1__0")', ("ArgumentError", 'invalid value for Integer(): "1__0"')),
        ('Integer("")', ("ArgumentError", 'invalid value for Integer(): ""')),
        ("Integer(nil)", ("TypeError", "can't convert nil into Integer")),
        ("Integer([1])", ("TypeError", "can't convert Array into Integer")),
        ('Float("1.")', ("ArgumentError", 'invalid value for Float(): "1."')),
        ('Float("")', ("ArgumentError", 'invalid value for Float(): ""')),
        ("Float(nil)", ("TypeError", "can't convert nil into Float")),
    ],
)
def test_conversion_errors(expr: str, error: tuple[str, str]) -> None:
    assert ruby_error(expr) == error


# ------------------------------------------------------------------ exit, abort


def _exit_status(src: str) -> tuple[int, str, str]:
    rt = Interpreter()
    with pytest.raises(RubyError) as info:
        o, e = run_ruby(src, rt=rt)
    exc = info.value.exc
    assert rt.real_class(exc).name == "SystemExit"
    return rt.call(exc, "status"), rt.to_s(rt.call(exc, "message")), ""


def test_exit_statuses() -> None:
    assert _exit_status("exit")[0] == 0
    assert _exit_status("exit 3")[0] == 3
    assert _exit_status("exit(false)")[0] == 1
    assert _exit_status("exit(true)")[0] == 0


def test_abort_prints_message_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    rt = Interpreter()
    with pytest.raises(RubyError) as info:
        rt.eval_source('abort "fatal: config missing"')
    assert rt.call(info.value.exc, "status") == 1
    assert rt.to_s(rt.call(info.value.exc, "message")) == "fatal: config missing"
    assert capsys.readouterr().err == "fatal: config missing\n"


def test_ensure_runs_before_exit_propagates() -> None:
    rt = Interpreter()
    with pytest.raises(RubyError):
        o, _ = run_ruby("begin\n  exit 2\nensure\n  puts 'ensure before exit'\nend", rt=rt)
    assert out("begin\n  exit 2\nrescue SystemExit\nensure\n  puts 'ensure before exit'\nend") == "ensure before exit\n"


# ------------------------------------------------------------------ misc


def test_rand_and_srand_are_reproducible() -> None:
    src = """
    srand(42)
    a = [rand(100), rand, rand(1..6)]
    srand(42)
    b = [rand(100), rand, rand(1..6)]
    p a == b, (0...100).cover?(a[0]), (0.0...1.0).cover?(a[1]), (1..6).cover?(a[2])
    """
    assert out(src) == "true\ntrue\ntrue\ntrue\n"


def test_sleep_returns_whole_seconds() -> None:
    assert out("p sleep(0), sleep(0.01)") == "0\n0\n"


def test_caller_and_method_name() -> None:
    src = """
    def inner = caller.first
    def who = __method__
    p inner, who
    """
    src = src.replace("def inner = caller.first", "def inner; caller.first; end").replace(
        "def who = __method__", "def who; __method__; end"
    )
    assert out(src) == '"test.rb:4:in `<main>\'"\n:who\n'


def test_block_given_iterator_and_lambda_proc() -> None:
    src = """
    def g = block_given?
    l = lambda { |a, b| [a, b] }
    pr = proc { |a, b| [a, b] }
    p g, g {}, l.lambda?, pr.lambda?, pr.call([1, 2])
    """
    src = src.replace("def g = block_given?", "def g; block_given?; end")
    assert out(src) == "false\ntrue\ntrue\nfalse\n[1, 2]\n"


def test_frozen_predicates_and_object_ids() -> None:
    assert out('p 1.object_id, nil.object_id, true.object_id, "a".frozen?, :a.frozen?') == "3\n8\n20\nfalse\ntrue\n"


def test_gets_without_stdin_data_returns_nil_or_line() -> None:
    rt = Interpreter()
    import io
    import sys

    saved = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        o, _ = run_ruby("p gets", rt=rt)
    finally:
        sys.stdin = saved
    assert o == "nil\n"


def test_binding_captures_scope() -> None:
    src = """
    def make
      x = 5
      binding
    end
    b = make
    b.local_variable_set(:y, 3)
    p b.local_variable_get(:x), b.eval("x * y"), eval("x + 1", b), b.local_variables, b.receiver
    """
    assert out(src) == "5\n15\n6\n[:x, :y]\nmain\n"
