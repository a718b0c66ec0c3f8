"""Endless method definitions (Ruby 3): ``def name(params) = expression``."""

from __future__ import annotations

import pytest

from pydrake.syntax.errors import RubySyntaxError
from pydrake.syntax.parser import parse
from tests.runtime.test_interpreter_support import out


def test_forms_of_an_endless_def_run_as_ruby_runs_them() -> None:
    src = """
def f = 42
def g(x) = x * 2
def self.h = "h"
def k(a, b = 1) = a + b
def m = puts("m")
def n = puts "n"
def e() = :empty
p f, g(3), h, k(1), e
m
n
"""
    assert out(src) == '42\n6\n"h"\n2\n:empty\nm\nn\n'


def test_the_body_is_the_whole_expression_and_ends_with_its_statement() -> None:
    src = """
def sum(a, b) = a + b * 2
def list = [1,
  2]
def doubled = list.map do |y|
  y * 2
end
p sum(1, 2), list, doubled
"""
    assert out(src) == "5\n[1, 2]\n[2, 4]\n"


def test_parameters_are_the_bodys_locals_and_do_not_leak() -> None:
    src = """
x = "outer"
def twice(x) = x * 2
p twice(3), x
def y = defined?(x).inspect
p y
"""
    assert out(src) == '6\n"outer"\n"nil"\n'


def test_an_endless_def_is_a_value_private_can_take() -> None:
    src = """
class Box
  private def secret = 7
  def show = secret + 1
end
p Box.new.show
begin
  Box.new.secret
rescue NoMethodError => e
  puts e.message.split(" for ").first
end
"""
    assert out(src) == "8\nprivate method `secret' called\n"


def test_a_setter_cannot_be_endless() -> None:
    with pytest.raises(RubySyntaxError) as err:
        parse("def f=(x) = 1\n", "Rakefile")
    assert (err.value.line, err.value.message) == (1, "setter method cannot be defined in an endless method definition")


def test_comparison_operators_can_be_endless() -> None:
    src = """
class V
  attr_reader :n
  def initialize(n) = @n = n
  def ==(other) = n == other.n
end
p V.new(1) == V.new(1), V.new(1) == V.new(2)
"""
    assert out(src) == "true\nfalse\n"


def test_a_rescue_modifier_belongs_to_the_body() -> None:
    src = """
def q = raise("x") rescue 2
p q
def s(a) = a.fetch(9) rescue :missing
p s([1])
def r = puts "r" rescue 3
r
"""
    assert out(src) == "2\n:missing\nr\n"
