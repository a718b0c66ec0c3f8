"""Pattern matching (Ruby 3): ``case/in``, ``value => pattern`` and ``value in pattern``.

Every expected output was checked against ruby 3.1.
"""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out, run_ruby

# Prints the class and message of what the block raises (and a NoMatchingPatternKeyError's key
# and matchee), so a test sees the exact error.
RESCUE = """
def t
  yield
rescue NoMatchingPatternKeyError => e
  puts "#{e.class}: #{e.message}"
  p [e.key, e.matchee]
rescue StandardError => e
  puts "#{e.class}: #{e.message}"
end
"""


def test_the_rightward_hash_pattern_of_a_real_rakefile_binds_locals() -> None:
    # ruby/ruby.wasm lib/ruby_wasm/packager.rb:64
    src = """
h = { a: 1, b: 2 }; h => { a:, b: }
p a, b
"""
    assert out(src) == "1\n2\n"


def test_case_in_picks_the_first_clause_whose_pattern_and_guard_hold() -> None:
    src = """
def m(v)
  case v
  in {type: :circle, r:} then 3 * r * r
  in {type: :rect, w:, h:} then w * h
  in [Integer => n, *] unless n.zero? then n
  in [] then :empty
  else :unknown
  end
end
p m({type: :circle, r: 2}), m({type: :rect, w: 2, h: 5}), m([0]), m([4, 5]), m([]), m("x")
[[1, :a], [2, :b], ["3", :c]].each do |pair|
  case pair
  in [Integer => i, Symbol => s] if i.odd?
    puts "odd #{i} #{s}"
  in [Integer => i, _]
    puts "even #{i}"
  in [String => str, *]
    puts "string #{str}"
  end
end
"""
    assert out(src) == "12\n10\n:unknown\n4\n:empty\n:unknown\nodd 1 a\neven 2\nstring 3\n"


def test_one_line_clauses_and_semicolons() -> None:
    src = """
case 1; in Integer => n then p n; end
case 1; in 1; p :semi; end
case [1]; in *; p :star; end
case [0, 9]; in 0,; p :trail; end
case {}; in **; p :dstar; end
case {a: 3}; in a:; p a; end
case {a: 4}; in "a":; p a; end
x = case 7
    in 0 then :zero
    in 1.. then :positive
    in ...0 then :negative
    end
p x
"""
    assert out(src) == "1\n:semi\n:star\n:trail\n:dstar\n3\n4\n:positive\n"


def test_value_patterns_match_with_case_equality() -> None:
    src = """
case "str"
in "a".."z" then p :range
end
case 1.5
in Float | Integer => num then p num
end
case [nil, true, false]
in [nil, true, false] then p :keywords
end
case :a
in %i[a b] then p :no
in :a then p :sym
end
case %w[a b]
in %w[a b] then p :words
end
case "a-b"
in /\\A(\\w)-(\\w)\\z/ then p $1, $2
end
case 5
in ->(n) { n > 4 } then p :lambda
end
case 4
in Comparable then p :module
end
"""
    assert out(src) == ':range\n1.5\n:keywords\n:sym\n:words\n"a"\n"b"\n:lambda\n:module\n'


def test_pins_compare_with_a_local_an_instance_variable_a_global_or_an_expression() -> None:
    src = """
x = 3
case 3
in ^x | 4 then p :local
end
@v = 1; $g = 2
case [1, 2]
in [^@v, ^$g] then p :ivar_gvar
end
case 4
in ^(x + 1) then p :expr
end
case [2, 3]
in [^(x - 1), b] then p b
end
case [0, 0]
in a, ^a then p :same
end
val = 42
case {id: 42}
in {id: ^val} then p :in_hash
end
"""
    assert out(src) == ":local\n:ivar_gvar\n:expr\n3\n:same\n:in_hash\n"


def test_array_patterns_with_rests_nesting_and_trailing_commas() -> None:
    src = """
case [1, 2, 3, 4, 5]
in [first, *mid, last] then p first, mid, last
end
case [1, 2, 3]
in [*init, 3] then p init
end
case [1, [2, [3, [4]]]]
in [_, [_, [_, [deep]]]] then p deep
end
case [0, 1]
in [0,] then p :trailing_comma_means_rest
end
case [0, 1]
in [0] then p :no
in 0, 1 then p :bare
end
case []
in [] then p :empty
end
case [1, 2]
in Array(x, y) then p x + y
end
case []
in Array[] then p :array_empty
end
"""
    assert out(src) == "1\n[2, 3, 4]\n5\n[1, 2]\n4\n:trailing_comma_means_rest\n:bare\n:empty\n3\n:array_empty\n"


def test_find_patterns_bind_around_the_match_and_warn_when_parsed() -> None:
    src = """
case [1, "a", :b, 2.0]
in [*, Symbol => s, *] then p s
end
case [1, 2, 3, 42, 5]
in [*pre, 40..50 => found, *post] then p pre, found, post
end
case [0, 1, 2]
in [*, 9, *] then p :no
else p :none
end
"""
    stdout, stderr = run_ruby(src, "Rakefile")
    assert stdout == ":b\n[1, 2, 3]\n42\n[5]\n:none\n"
    warning = "warning: Find pattern is experimental, and the behavior may change in future versions of Ruby!"
    assert stderr == f"Rakefile:3: {warning}\nRakefile:6: {warning}\nRakefile:9: {warning}\n"


def test_hash_patterns_with_rests_nesting_and_string_keys() -> None:
    src = """
case {"k" => 1, k: 2}
in {k: 2, **rest} then p rest
end
case {a: 1, b: 2}
in {a: 1, **nil} then p :no
in {a: 1, **r} then p r
end
case {a: 1}
in {a: 1, **nil} then p :exact
end
case {}
in {} then p :empty
end
case {a: 1}
in {} then p :no
in {a: {b:}} then p :no
in {a:} then p a
end
case {a: {b: {c: 42}}}
in {a: {b: {c:}}} then p c
end
case {"a": 1}
in {"a": Integer => av} then p av
end
case {status: 200, body: "ok"}
in status: 200 | 201 => code, body:
  p code, body
end
"""
    assert out(src) == '{"k"=>1}\n{:b=>2}\n:exact\n:empty\n1\n42\n1\n200\n"ok"\n'


def test_a_label_ending_the_line_binds_its_name_inside_brackets_a_newline_does_not_end_it() -> None:
    src = """
r = [{a: 42}, {b: 42}].map do |i|
  case i
  in a:
    0
    a
  else
    false
  end
end
p r
case {a: 0}
in {a: 1
}
  p 1
in {a:
      0}
  p :value_on_the_next_line
end
case {a: 5}
in {a:
}
  p a
end
{c: 0} => c:
p c
"""
    assert out(src) == "[42, false]\n:value_on_the_next_line\n5\n0\n"


def test_objects_answering_deconstruct_and_deconstruct_keys() -> None:
    src = """
class Point
  attr_reader :x, :y
  def initialize(x, y) = (@x, @y = x, y)
  def deconstruct = [x, y]
  def deconstruct_keys(keys)
    p keys
    {x: x, y: y}
  end
end
case Point.new(1, 2)
in Point(x:, y:) then p [:kw, x, y]
end
case Point.new(1, 2)
in Point[a, b] then p [:pos, a, b]
end
case Point.new(3, 4)
in {x: 3 => px, **r} then p px, r
end
case Point.new(3, 4)
in [3, _] | [_, 3] then p :alternative
end
case Point.new(3, 4)
in {} then p :no
in {**} then p :any
end
S = Struct.new(:a, :b)
case S.new(1, "s")
in [Integer, String] => whole then p whole
end
case S.new(1, "s")
in S(a: Integer => aa, b:) then p aa, b
end
p S.new(1, 2).deconstruct_keys([:a, :zz]), S.new(1, 2).deconstruct_keys([:a, :b, :c])
"""
    assert out(src) == (
        "[:x, :y]\n[:kw, 1, 2]\n[:pos, 1, 2]\nnil\n3\n{:y=>4}\n:alternative\nnil\n[]\n:any\n"
        '#<struct S a=1, b="s">\n1\n"s"\n{:a=>1}\n{}\n'
    )


def test_the_subject_is_deconstructed_once_per_case() -> None:
    src = """
class Once
  def initialize(v) = @v = v
  def deconstruct
    puts "deconstruct"
    @v.shift
  end
end
r = case Once.new([[0]])
in [1] then :no
in [0] then :yes
end
p r
"""
    assert out(src) == "deconstruct\n:yes\n"


def test_bound_names_are_locals_for_the_code_after_them() -> None:
    src = """
case [1, 2]
in [a, b]
end
p a -1
x = [10, 20]
x => [first, *]
puts first -1
y = 0
case 5
in y then p y
end
p y
[[1, 2]].each { |pair| pair => [k, w]; p k + w }
puts "#{case 5; in Integer => q then q * 2; end}"
p q
"""
    assert out(src) == "0\n9\n5\n5\n3\n10\n5\n"


def test_in_returns_true_or_false_and_binds_and_combines_with_and_or() -> None:
    src = """
if {ok: true, v: 3} in {ok: true, v:}
  p v
end
p(("x" in String) && !(1 in String))
res = [1, 2] in [_, _] and true
p res
z = 0
while [z] in [Integer => q] and q < 3
  z += 1
end
p z, q
y = 5 in Integer => n
p y, n
case 1 in Integer
when true then p :the_subject_is_the_match
end
"""
    assert out(src) == "3\ntrue\n[1, 2]\n3\n3\n5\n5\n:the_subject_is_the_match\n"


def test_hash_arguments_rescue_and_for_are_not_patterns() -> None:
    src = """
h = {1 => 2}
p h, [1 => 2]
def bar(*a) = a
p bar(1 => 2)
def ret = (return :x => 1)
p ret
begin
  raise "e"
rescue RuntimeError => err
  p err.message
end
for i in [7] do p i end
p({in: 1}[:in], :in)
"""
    assert out(src) == '{1=>2}\n[{1=>2}]\n[{1=>2}]\n{:x=>1}\n"e"\n7\n1\n:in\n'


def test_no_match_raises_no_matching_pattern_error_with_rubys_message() -> None:
    src = (
        RESCUE
        + """
t { case 5; in String; in Symbol; end }
t { case 5; in String; end }
t { 1 => String }
t { case [1, "a"]; in [Integer]; end }
t { [1] => [1, *r, 2] }
t { [1,2] => [_, String] }
t { 1 => 2 | 3 }
t { nil => Integer }
t { case 5; in Integer if false; end }
t { case 5; in Integer unless true; end }
t { [1, 2, 3] => [*, 5, *] }
t { [] => [*, 3, *] }
t { 5 => [*] }
t { 5 => {a:} }
t { {a: 1} => {} }
t { {a: 1, b: 2} => {a: 1, **nil} }
t { {a: 1} => {a: String} }
t { {a: 1} => Array(a:) }
t { 1 => ^(2 + 3) }
t { case 5; in 6; else; p :else; end }
"""
    )
    assert out(src) == (
        "NoMatchingPatternError: 5\n"
        "NoMatchingPatternError: 5: String === 5 does not return true\n"
        "NoMatchingPatternError: 1: String === 1 does not return true\n"
        'NoMatchingPatternError: [1, "a"]: [1, "a"] length mismatch (given 2, expected 1)\n'
        "NoMatchingPatternError: [1]: [1] length mismatch (given 1, expected 2+)\n"
        "NoMatchingPatternError: [1, 2]: String === 2 does not return true\n"
        "NoMatchingPatternError: 1: 3 === 1 does not return true\n"
        "NoMatchingPatternError: nil: Integer === nil does not return true\n"
        "NoMatchingPatternError: 5: guard clause does not return true\n"
        "NoMatchingPatternError: 5: guard clause does not return true\n"
        "NoMatchingPatternError: [1, 2, 3]: [1, 2, 3] does not match to find pattern\n"
        "NoMatchingPatternError: []: [] length mismatch (given 0, expected 1+)\n"
        "NoMatchingPatternError: 5: 5 does not respond to #deconstruct\n"
        "NoMatchingPatternError: 5: 5 does not respond to #deconstruct_keys\n"
        "NoMatchingPatternError: {:a=>1}: {:a=>1} is not empty\n"
        "NoMatchingPatternError: {:a=>1, :b=>2}: rest of {:b=>2} is not empty\n"
        "NoMatchingPatternError: {:a=>1}: String === 1 does not return true\n"
        "NoMatchingPatternError: {:a=>1}: Array === {:a=>1} does not return true\n"
        "NoMatchingPatternError: 1: 5 === 1 does not return true\n"
        ":else\n"
    )


def test_a_missing_key_raises_no_matching_pattern_key_error_with_key_and_matchee() -> None:
    src = (
        RESCUE
        + """
t { {a: 1} => {b:} }
t { {a: 1, b: {c: 2}} => {b: {d:}} }
t { case {a: 1}; in {b:}; end }
t { case {a: 1}; in {b:}; in {c:}; end }
t { Struct.new(:x).new(1) => {y:} }
t { raise NoMatchingPatternKeyError.new("msg", key: :k, matchee: {}) }
t { NoMatchingPatternKeyError.new("m").key }
p NoMatchingPatternKeyError.superclass, NoMatchingPatternError.superclass
"""
    )
    assert out(src) == (
        "NoMatchingPatternKeyError: {:a=>1}: key not found: :b\n[:b, {:a=>1}]\n"
        "NoMatchingPatternKeyError: {:a=>1, :b=>{:c=>2}}: key not found: :d\n[:d, {:c=>2}]\n"
        "NoMatchingPatternKeyError: {:a=>1}: key not found: :b\n[:b, {:a=>1}]\n"
        "NoMatchingPatternError: {:a=>1}\n"
        "NoMatchingPatternKeyError: #<struct x=1>: key not found: :y\n[:y, {}]\n"
        "NoMatchingPatternKeyError: msg\n[:k, {}]\n"
        "ArgumentError: no key is available\n"
        "NoMatchingPatternError\nStandardError\n"
    )


def test_deconstruct_must_return_an_array_and_deconstruct_keys_a_hash() -> None:
    src = (
        RESCUE
        + """
class Bad
  def deconstruct = nil
  def deconstruct_keys(k) = nil
end
t { case Bad.new; in []; end }
t { case Bad.new; in {}; end }
t { Bad.new => {a:} }
"""
    )
    assert out(src) == (
        "TypeError: deconstruct must return Array\n"
        "TypeError: deconstruct_keys must return Hash\n"
        "TypeError: deconstruct_keys must return Hash\n"
    )


def test_a_failed_match_keeps_the_names_it_bound() -> None:
    src = """
case [1, 2]
in [a, 3] then p :no
in _ then p a
end
x = 5
x in String
p x
"""
    assert out(src) == "1\n5\n"
