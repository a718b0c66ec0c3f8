"""Labels: ending in ``?`` or ``!``, interpolated (``{"#{x}": 1}``), without a value (``{x:, y:}``); and the ternary operator beside them."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out


def test_question_and_bang_labels_in_hashes_arguments_and_patterns() -> None:
    src = """
h = {a?: 1, b!: 2}
p h
def f(**kw) = kw
p f(ok?: true)
case {a?: 1}
in {a?: Integer}
  p :matched
end
"""
    assert out(src) == "{:a?=>1, :b!=>2}\n{:ok?=>true}\n:matched\n"


def test_a_tight_ternary_after_a_name_is_still_a_ternary() -> None:
    src = """
x = true
p(x ? 1: 2)
def e? = false
p(e? ? 3: 4)
p([1].empty?? 5 : 6)
"""
    assert out(src) == "1\n4\n6\n"


def test_a_ternary_continues_over_a_newline_before_its_colon() -> None:
    src = """
c = true
x = c ? 1
  : 2
z = (c ? "a"
 : "b")
w = c ? [1,
 2] : 3
p x, z, w
"""
    assert out(src) == '1\n"a"\n[1, 2]\n'


def test_an_interpolated_string_label_is_a_symbol_key() -> None:
    src = """
x = "a"
h = {"#{x}": 1, "b c": 2}
def f(**kw) = kw
p h, f("#{x}_dir": 3)
"""
    assert out(src) == '{:a=>1, :"b c"=>2}\n{:a_dir=>3}\n'


def test_a_label_without_a_value_takes_the_local_or_method_of_its_name() -> None:
    src = """
x = 1; y = 2
def kw(x:, y:) = x + y
def m = :meth
z = 5
h = {
  z:,
  w: 1
}
p({x:, y:}, kw(x:, y:), {m:}, h)
def f(a:, b: 2) = [a, b]
p f(a: 1)
block = ->(x:, y: 0) { x + y }
p block.(x: 1)
"""
    assert out(src) == "{:x=>1, :y=>2}\n3\n{:m=>:meth}\n{:z=>5, :w=>1}\n[1, 2]\n1\n"
