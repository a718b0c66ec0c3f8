"""Syntax error messages worded as Ruby 3.1 words them (each expected line was checked with ``ruby -c``)."""

from __future__ import annotations

import pytest

from pydrake.syntax.errors import RubySyntaxError
from pydrake.syntax.parser import parse


def error_of(src: str) -> tuple[int, str]:
    with pytest.raises(RubySyntaxError) as err:
        parse(src, "Rakefile")
    return err.value.line, err.value.message


@pytest.mark.parametrize(
    ("src", "line", "message"),
    [
        # an unclosed bracket is reported where the parser finds out, naming the closer it wanted
        ("task :a do\n  puts(1\nend\n", 3, "syntax error, unexpected `end', expecting ')'"),
        ("task :a => [:b, :c\ntask :b\n", 2, "syntax error, unexpected local variable or method, expecting ']'"),
        ("puts(1\n", 1, "syntax error, unexpected end-of-input, expecting ')'"),
        ("x = [1, 2\n", 1, "syntax error, unexpected end-of-input, expecting ']'"),
        ("h = {a: 1\n", 1, "syntax error, unexpected end-of-input, expecting '}'"),
        ("x = [1;2]\n", 1, "syntax error, unexpected ';', expecting ']'"),
        # an unmatched closer
        ("puts(1, 2))\n", 1, "syntax error, unexpected ')', expecting end-of-input"),
        ("x = [1)\n", 1, "syntax error, unexpected ')', expecting ']'"),
        # tokens named by kind, and the context they interrupt
        ("task :a do\n  sh \"x\" 1\nend\n", 2, "syntax error, unexpected integer literal, expecting `end'"),
        ("x = 3 3\n", 1, "syntax error, unexpected integer literal, expecting end-of-input"),
        ("foo.bar(1 2)\n", 1, "syntax error, unexpected integer literal, expecting ')'"),
        ("puts :a, @x $y\n", 1, "syntax error, unexpected global variable, expecting end-of-input"),
        ("x = 1 {}\n", 1, "syntax error, unexpected '{', expecting end-of-input"),
        ("x = 1 -> {}\n", 1, "syntax error, unexpected ->, expecting end-of-input"),
        ("x = => 1\n", 1, "syntax error, unexpected =>"),
        ("foo(1 (2))\n", 1, "syntax error, unexpected '(', expecting ')'"),
        ("x = 1 Foo\n", 1, "syntax error, unexpected constant, expecting end-of-input"),
        ("x = 1 1.5\n", 1, "syntax error, unexpected float literal, expecting end-of-input"),
        ("x = 1 \"s\"\n", 1, "syntax error, unexpected string literal, expecting end-of-input"),
        ("x = 1 @@c\n", 1, "syntax error, unexpected class variable, expecting end-of-input"),
        ("a = 1\nb = 2\nx = a ? b\nc\n", 4, "syntax error, unexpected local variable or method, expecting ':'"),
        ("x = 1\x01\n", 1, "Invalid char `\\x01' in expression"),
        ('x = "a"\ncase {a: 1}\nin {"#{x}": 1} then p 1\nend\n', 3, "symbol literal with interpolation is not allowed"),
        ("x = \x7f\n", 1, "Invalid char `\\x7F' in expression"),
        # keywords in `quotes'
        ("task :a do\n  puts 1\nend\nend\n", 4, "syntax error, unexpected `end', expecting end-of-input"),
        ("task :a do\n  puts 1,\nend\n", 3, "syntax error, unexpected `end'"),
        ("x = 1 if 2 then\n", 1, "syntax error, unexpected `then', expecting end-of-input"),
        ("desc \"x\"\ntask :a, [:n] => do\nend\n", 2, "syntax error, unexpected `do' for block"),
        # the end of the input
        ("task :a do\n  puts 1\n", 2, "syntax error, unexpected end-of-input, expecting `end'"),
        ("task :a do\n  if x\n    puts 1\nend\n", 4, "syntax error, unexpected end-of-input, expecting `end'"),
        ("x = 1 +\n", 1, "syntax error, unexpected end-of-input"),
        ("x = 1 +", 1, "syntax error, unexpected end-of-input"),
        ("puts 1 if\n", 1, "syntax error, unexpected end-of-input"),
    ],
)
def test_message_and_line_are_rubys(src: str, line: int, message: str) -> None:
    assert error_of(src) == (line, message)


def test_an_unmatched_closer_stops_the_lexer_before_later_text_can_fail_first() -> None:
    # The unterminated string after the stray ')' is never reached: the ')' is the error.
    assert error_of('puts(1))\nputs "never closed\n') == (1, "syntax error, unexpected ')', expecting end-of-input")


@pytest.mark.parametrize(
    ("src", "printed"),
    [
        ("h = {a: 1}\ncase h\nin {a:}\n  p a\nend\n", "1\n"),
        ("h = {a: 1}\nh => {a:}\np a\n", "1\n"),
        ("x = 1\nif x in Integer\n  p :int\nend\n", ":int\n"),
    ],
)
def test_pattern_matching_parses_and_runs(src: str, printed: str) -> None:
    from tests.runtime.test_interpreter_support import out

    assert out(src) == printed


@pytest.mark.parametrize(
    ("src", "line", "message"),
    [
        # each checked with ruby 3.1
        ("case 0\nin a | 0\nend\n", 2, "illegal variable in alternative pattern (a)"),
        ("case 0\nin {a:} | {b: 1}\nend\n", 2, "illegal variable in alternative pattern (a)"),
        ("case 0\nin [*r, 1] | [2]\nend\n", 2, "illegal variable in alternative pattern (r)"),
        ("case 0\nin ^a\nend\n", 2, "a: no such local variable"),
        ("case 0\nin a, a\nend\n", 2, "duplicated variable name"),
        ("case 0\nin a, {a:}\nend\n", 2, "duplicated variable name"),
        ("0 => [a, b => a]\n", 1, "duplicated variable name"),
        ("case 0\nin {a: 1, a: 2}\nend\n", 2, "duplicated key name"),
        ("case 0\nin {\"a\": 1, a: 2}\nend\n", 2, "duplicated key name"),
        ("case 0\nin [*a, *b, c]\nend\n", 2, "syntax error, unexpected *"),
        ("case 0\nin [*, 1, *, 2]\nend\n", 2, "syntax error, unexpected ',', expecting ']'"),
        ("case 0\nin [*a,]\nend\n", 2, "syntax error, unexpected ']'"),
        ("case 0\nin {**r, a:}\nend\n", 2, "syntax error, unexpected ',', expecting '}'"),
        ("case 0\nin a: 1, **r, b:\nend\n", 2, "syntax error, unexpected ',', expecting `then' or ';' or '\\n'"),
        ("case 0\nin ^1\nend\n", 2, "syntax error, unexpected integer literal"),
        ("case 0\nin [a:]\nend\n", 2, "syntax error, unexpected label, expecting ']'"),
        ("x = 1\np(x in Integer)\n", 2, "syntax error, unexpected `in', expecting ')'"),
    ],
)
def test_a_bad_pattern_is_the_syntax_error_ruby_reports(src: str, line: int, message: str) -> None:
    assert error_of(src) == (line, message)


@pytest.mark.parametrize("src", ["x = => 1\n", "foo :a, => 1\n"])
def test_an_arrow_where_no_expression_ended_is_a_plain_syntax_error(src: str) -> None:
    assert error_of(src) == (1, "syntax error, unexpected =>")
