"""String.new: a fresh String from an optional one, with the encoding: and capacity: keywords (outputs from Ruby 3.1)."""

from __future__ import annotations

import pytest

from tests.runtime.test_interpreter_support import out, ruby_error


def test_string_new_copies_its_argument_into_an_unfrozen_string() -> None:
    src = """
    p String.new("x")
    p String.new
    a = "lit".freeze
    b = String.new(a)
    b << "!"
    p a, b, b.frozen?, String.new.frozen?
    p String.new("z").class
    """
    assert out(src) == '"x"\n""\n"lit"\n"lit!"\nfalse\nfalse\nString\n'


def test_string_new_accepts_encoding_and_capacity() -> None:
    src = """
    p String.new("abc", encoding: "ASCII-8BIT")
    p String.new(capacity: 100)
    p String.new("y", capacity: 10, encoding: "UTF-8")
    p String.new(encoding: nil, capacity: nil)
    buffer = String.new(capacity: 64)
    buffer << "a" << "b"
    p buffer
    """
    assert out(src) == '"abc"\n""\n"y"\n""\n"ab"\n'


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ('String.new(encoding: "bogus")', ("ArgumentError", "unknown encoding name - bogus")),
        ("String.new(encoding: :utf8)", ("TypeError", "no implicit conversion of Symbol into String")),
        ("String.new(1)", ("TypeError", "no implicit conversion of Integer into String")),
        ("String.new(nil)", ("TypeError", "no implicit conversion of nil into String")),
        ('String.new("a", "b")', ("ArgumentError", "wrong number of arguments (given 2, expected 0..1)")),
        ("String.new(foo: 1)", ("ArgumentError", "unknown keyword: :foo")),
        ("String.new(foo: 1, bar: 2)", ("ArgumentError", "unknown keywords: :foo, :bar")),
        ('String.new(capacity: "x")', ("TypeError", "no implicit conversion of String into Integer")),
    ],
)
def test_string_new_rejects_what_ruby_rejects(code: str, error: tuple[str, str]) -> None:
    assert ruby_error(code) == error
