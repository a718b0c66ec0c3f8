"""The interpreter on Ruby source: variables, closures, control flow, blocks, methods and arguments."""

from __future__ import annotations

import pytest

from tests.runtime.test_interpreter_support import out, ruby_error, value

# ------------------------------------------------------------------ values and operators


def test_literals_and_arithmetic() -> None:
    assert out("p 1 + 2 * 3, 7 / 2, -7 / 2, 7 % 3, -7 % 3, 2 ** 10, 1.5 + 1") == "7\n3\n-4\n1\n2\n1024\n2.5\n"


def test_truthiness_only_nil_and_false_are_false() -> None:
    src = """
    [nil, false, 0, "", [], true].each { |v| puts(v ? "t" : "f") }
    """
    assert out(src) == "f\nf\nt\nt\nt\nt\n"


def test_and_or_not_return_operands() -> None:
    assert out("p(nil || 2, 1 && 3, false && 1, (not nil), !1)") == "2\n3\nfalse\ntrue\nfalse\n"


def test_keyword_and_or() -> None:
    src = """
    x = nil
    y = x || "dflt"
    x = 5 and puts "five"
    z = false or puts "or ran"
    p y
    """
    assert out(src) == 'five\nor ran\n"dflt"\n'


def test_string_interpolation_calls_to_s() -> None:
    src = """
    class Foo; def to_s; "FOO"; end; end
    n = nil
    puts "a#{1}b#{:s}c#{n}d#{Foo.new}e#{[1, 2]}"
    """
    assert out(src) == "a1bscdFOOe[1, 2]\n"


def test_interpolation_of_object_without_string_to_s() -> None:
    src = """
    class Odd; def to_s; 5; end; end
    puts "#{Odd.new}"
    """
    assert out(src) == "#<Odd>\n"


def test_ranges_and_symbols() -> None:
    assert out('p (1..3), (1...3), :abc, :"a b"') == '1..3\n1...3\n:abc\n:"a b"\n'


def test_hash_literal_string_keys_are_frozen_copies() -> None:
    src = """
    k = "key"
    h = { k => 1, sym: 2, "s" => 3 }
    p h, h.keys[0].frozen?, k.frozen?
    """
    assert out(src) == '{"key"=>1, :sym=>2, "s"=>3}\ntrue\nfalse\n'


def test_array_splat_in_literal() -> None:
    assert out('a = [2, 3]; p [1, *a, *nil, *"s", *(4..5)]') == '[1, 2, 3, nil, "s", 4, 5]\n'.replace("nil, ", "")


def test_file_and_dir_literals() -> None:
    assert out("p __FILE__") == '"test.rb"\n'


# ------------------------------------------------------------------ variables and scope


def test_closures_capture_variables_by_reference() -> None:
    src = """
    count = 0
    inc = -> { count += 1 }
    3.times { inc.call }
    p count
    """
    assert out(src) == "3\n"


def test_counter_factory_keeps_separate_environments() -> None:
    src = """
    def make
      n = 0
      [-> { n += 1 }, -> { n }]
    end
    a_inc, a_get = make
    b_inc, b_get = make
    a_inc.(); a_inc.(); b_inc.()
    p a_get.call, b_get.call
    """
    assert out(src) == "2\n1\n"


def test_block_parameters_shadow_outer_variables() -> None:
    src = """
    x = 10
    [1, 2].each { |x| x * 2 }
    y = 0
    [1, 2].each { |v| y += v; z = v }
    p x, y, defined?(z)
    """
    assert out(src) == "10\n3\nnil\n"


def test_def_does_not_see_outer_locals() -> None:
    src = """
    outer = 1
    def peek
      defined?(outer) ? "yes" : "no"
    end
    p peek
    """
    assert out(src) == '"no"\n'


def test_unassigned_local_in_dead_branch_is_nil() -> None:
    assert out("a = 1 if false\np a") == "nil\n"


def test_vcall_falls_back_to_method_then_name_error() -> None:
    src = """
    def helper; "h"; end
    p helper
    """
    assert out(src) == '"h"\n'
    assert ruby_error("puts builder_name") == (
        "NameError",
        "undefined local variable or method `builder_name' for main:Object",
    )


def test_instance_variables_at_top_level_are_shared_with_blocks() -> None:
    src = """
    @count = 10
    blk = proc { @count += 1 }
    blk.call
    p @count, @unset
    """
    assert out(src) == "11\nnil\n"


def test_global_variables() -> None:
    src = """
    $flag ||= false
    def set_it; $flag = :on; end
    set_it
    p $flag, $undefined_global
    """
    assert out(src) == ":on\nnil\n"


def test_class_variables_shared_by_subclasses() -> None:
    src = """
    class A
      @@n = 0
      def self.bump; @@n += 1; end
      def n; @@n; end
    end
    class B < A; end
    A.bump; B.bump
    p A.new.n, B.new.n, A.class_variable_get(:@@n)
    """
    assert out(src) == "2\n2\n2\n"


# ------------------------------------------------------------------ conditionals and loops


def test_if_elsif_unless_ternary_and_modifiers() -> None:
    src = """
    def k(x)
      if x > 10 then "big" elsif x > 5 then "mid" else "small" end
    end
    p k(11), k(6), k(1)
    puts "unless" unless false
    puts(1 > 2 ? "y" : "n")
    p(if false then 1 end)
    """
    assert out(src) == '"big"\n"mid"\n"small"\nunless\nn\nnil\n'


def test_while_until_and_do_while() -> None:
    src = """
    i = 0
    i += 1 while i < 5
    j = 10
    j -= 3 until j < 0
    k = 0
    begin k += 1 end while false
    n = 0
    while true
      n += 1
      next if n < 3
      break
    end
    p i, j, k, n
    """
    assert out(src) == "5\n-2\n1\n3\n"


def test_while_break_value_and_loop_value() -> None:
    src = """
    r = while true do break 7 end
    p r
    p(while false do end)
    """
    assert out(src) == "7\nnil\n"


def test_for_loop_assigns_in_enclosing_scope() -> None:
    src = """
    for a in 1..3 do print a end
    puts
    for x, y in [[1, 2], [3, 4]]; print x + y, " "; end
    puts
    p a
    """
    assert out(src) == "123\n3 7 \n3\n"


def test_case_when_with_classes_ranges_splat_and_no_subject() -> None:
    src = """
    LIST = %w[a b]
    def kind(x)
      case x
      when nil then "nil"
      when Integer, Float then "number"
      when String then "string"
      when :a, :b then "ab"
      when Symbol then "sym"
      else "other"
      end
    end
    p kind(nil), kind(1), kind(2.5), kind("s"), kind(:a), kind(:z), kind([])
    case "b"
    when *LIST then puts "in list"
    end
    t = 5
    case
    when t < 3 then puts "low"
    when t < 10 then puts "mid"
    end
    """
    assert out(src) == '"nil"\n"number"\n"number"\n"string"\n"ab"\n"sym"\n"other"\nin list\nmid\n'


def test_case_uses_triple_equals_of_user_objects() -> None:
    src = """
    class Even; def self.===(x); x.even?; end; end
    p(case 4 when Even then :even else :odd end)
    """
    assert out(src) == ":even\n"


# ------------------------------------------------------------------ blocks, procs, lambdas


def test_break_from_block_becomes_value_of_the_call() -> None:
    src = """
    r = [1, 2, 3].each { |i| break i * 10 if i == 2 }
    p r
    p [1, 2, 3].each { }
    """
    assert out(src) == "20\n[1, 2, 3]\n"


def test_next_in_block_returns_from_block() -> None:
    assert out("p [1, 2, 3].map { |n| next 0 if n == 2; n }") == "[1, 0, 3]\n"


def test_return_in_block_returns_from_method() -> None:
    src = """
    def first_even(list)
      list.each { |x| return x if x.even? }
      :none
    end
    p first_even([1, 4, 6]), first_even([1])
    """
    assert out(src) == "4\n:none\n"


def test_return_from_orphan_proc_is_local_jump_error() -> None:
    src = """
    def make; proc { return 1 }; end
    make.call
    """
    assert ruby_error(src) == ("LocalJumpError", "unexpected return")


def test_lambda_return_and_break_leave_the_lambda() -> None:
    src = """
    l = -> { return 5; 6 }
    b = lambda { break 7 }
    p l.call, b.call
    """
    assert out(src) == "5\n7\n"


def test_yield_block_given_and_block_param() -> None:
    src = """
    def twice; yield 1; yield 2; end
    def maybe; block_given? ? yield : "no block"; end
    def apply(x, &blk) = blk ? blk.call(x) : x
    twice { |n| puts n }
    p maybe, maybe { "yes" }
    """
    src = src.replace("def apply(x, &blk) = blk ? blk.call(x) : x", "def apply(x, &blk); blk ? blk.call(x) : x; end")
    assert out(src) == '1\n2\n"no block"\n"yes"\n'


def test_yield_without_block_is_local_jump_error() -> None:
    assert ruby_error("def f; yield; end; f") == ("LocalJumpError", "no block given (yield)")


def test_proc_arguments_are_lenient_and_auto_splat() -> None:
    src = """
    pr = proc { |a, b| [a, b] }
    p pr.call(1, 2, 3), pr.call([4, 5]), pr.call(6)
    p proc { |a| a }.call([1, 2]), proc { |a, | a }.call([1, 2]), proc { |*a| a }.call([1, 2])
    [[1, [2, 3]]].each { |a, (b, c)| p [a, b, c] }
    {x: 1}.each_with_index { |(k, v), i| p [k, v, i] }
    """
    assert out(src) == "[1, 2]\n[4, 5]\n[6, nil]\n[1, 2]\n1\n[[1, 2]]\n[1, 2, 3]\n[:x, 1, 0]\n"


def test_lambda_arity_is_strict() -> None:
    assert ruby_error("->(a, b) { }.call(1)") == ("ArgumentError", "wrong number of arguments (given 1, expected 2)")


def test_proc_and_lambda_forms() -> None:
    src = """
    sq = ->(x) { x * x }
    add = lambda { |a, b| a + b }
    hi = proc { |n| "hi #{n}" }
    pn = Proc.new { |a| a }
    p sq.(3), sq[4], sq.call(5), add.(1, 2), hi.yield("x"), pn.call(9)
    p sq.lambda?, hi.lambda?, sq.arity, add.arity, proc { |x, y = 1| }.arity, ->(*a) {}.arity
    """
    assert out(src) == '9\n16\n25\n3\n"hi x"\n9\ntrue\nfalse\n1\n2\n1\n-1\n'


def test_block_pass_symbol_proc_and_method() -> None:
    src = """
    sq = ->(x) { x * x }
    def dbl(x) = x * 2
    p %w[a b].map(&:upcase), [1, 2].map(&sq), [1, 2].map(&method(:dbl))
    """
    src = src.replace("def dbl(x) = x * 2", "def dbl(x); x * 2; end")
    assert out(src) == '["A", "B"]\n[1, 4]\n[2, 4]\n'


def test_per_iteration_closures() -> None:
    src = """
    adders = (1..3).map { |i| ->(x) { x + i } }
    p adders.map { |f| f.call(10) }
    """
    assert out(src) == "[11, 12, 13]\n"


def test_loop_with_break_and_stop_iteration() -> None:
    src = """
    n = 0
    r = loop do
      n += 1
      break n * 2 if n == 3
    end
    p r
    p(loop { raise StopIteration })
    """
    assert out(src) == "6\nnil\n"


def test_catch_and_throw() -> None:
    src = """
    r = catch(:found) do
      [1, 2, 3].each { |v| throw :found, v * 10 if v == 2 }
      :none
    end
    p r, catch { |tag| throw tag }, catch(:x) { 1 }
    """
    assert out(src) == "20\nnil\n1\n"
    assert ruby_error("throw :nope") == ("UncaughtThrowError", "uncaught throw :nope")


# ------------------------------------------------------------------ methods and arguments


def test_recursion() -> None:
    src = """
    def fact(n) n <= 1 ? 1 : n * fact(n - 1) end
    def fib(n); n < 2 ? n : fib(n - 1) + fib(n - 2); end
    p fact(20), fib(15)
    """
    src = src.replace("def fact(n) n <= 1", "def fact(n); n <= 1").replace("fact(n - 1) end", "fact(n - 1); end")
    assert out(src) == "2432902008176640000\n610\n"


def test_optional_defaults_evaluated_at_call_time_in_method_env() -> None:
    src = """
    def compile(src, out = src.sub(".c", ".o"), flags = [])
      flags << "x"
      "#{src} #{out} #{flags.size}"
    end
    p compile("a.c"), compile("a.c", "b.o"), compile("a.c")
    """
    assert out(src) == '"a.c a.o 1"\n"a.c b.o 1"\n"a.c a.o 1"\n'


def test_splat_post_and_keyword_parameters() -> None:
    src = """
    def f(a, b = 2, *rest, last, k: 1, req:, **opts, &blk)
      [a, b, rest, last, k, req, opts, blk&.call]
    end
    p f(1, 9, req: 0)
    p f(1, 2, 3, 4, 5, k: 7, req: 8, z: 9) { :blk }
    """
    assert out(src) == "[1, 2, [], 9, 1, 0, {}, nil]\n[1, 2, [3, 4], 5, 7, 8, {:z=>9}, :blk]\n"


def test_keyword_hash_goes_positional_without_keyword_params() -> None:
    src = """
    def with_opts(path, options = {}); "#{path} #{options[:mode]} #{options.size}"; end
    p with_opts("f"), with_opts("f", mode: "w"), with_opts("f", { mode: "a", x: 1 })
    """
    assert out(src) == '"f  0"\n"f w 1"\n"f a 2"\n'


def test_double_splat_and_empty_double_splat() -> None:
    src = """
    def kw(**o) = o
    h = { a: 1 }
    e = {}
    p kw(**h, b: 2), kw(**e)
    def pos(*a); a; end
    p pos(**e), pos(**h)
    """
    src = src.replace("def kw(**o) = o", "def kw(**o); o; end")
    assert out(src) == "{:a=>1, :b=>2}\n{}\n[]\n[{:a=>1}]\n"


@pytest.mark.parametrize(
    ("defn", "call", "message"),
    [
        ("def m(a, b); end", "m(1)", "wrong number of arguments (given 1, expected 2)"),
        ("def m(a, b = 1); end", "m", "wrong number of arguments (given 0, expected 1..2)"),
        ("def m(a, b = 1); end", "m(1, 2, 3)", "wrong number of arguments (given 3, expected 1..2)"),
        ("def m(a, *b); end", "m", "wrong number of arguments (given 0, expected 1+)"),
        ("def m(a:); end", "m", "missing keyword: :a"),
        ("def m(a:, b:); end", "m", "missing keywords: :a, :b"),
        ("def m(a: 1); end", "m(b: 2)", "unknown keyword: :b"),
        ("def m(a: 1); end", "m(b: 2, c: 3)", "unknown keywords: :b, :c"),
        ("def m(a: 1); end", "m(1)", "wrong number of arguments (given 1, expected 0)"),
        ("def m(x, a:); end", "m", "wrong number of arguments (given 0, expected 1; required keyword: a)"),
        (
            "def m(x, a:, b:); end",
            "m(1, 2)",
            "wrong number of arguments (given 2, expected 1; required keywords: a, b)",
        ),
    ],
)
def test_arity_errors_use_rubys_words(defn: str, call: str, message: str) -> None:
    assert ruby_error(f"{defn}\n{call}") == ("ArgumentError", message)


def test_method_returns_multiple_values_and_early_return() -> None:
    src = """
    def bounds(l) = [l.min, l.max]
    def two; return 1, 2; end
    def early(x)
      return "neg" if x < 0
      return if x == 0
      "pos"
    end
    lo, hi = two
    p lo, hi, early(-1), early(0), early(1)
    """
    src = src.replace("def bounds(l) = [l.min, l.max]\n", "")
    assert out(src) == '1\n2\n"neg"\nnil\n"pos"\n'


def test_def_returns_symbol_and_method_name() -> None:
    src = """
    r = def foo; __method__; end
    p r, foo, __method__
    """
    assert out(src) == ":foo\n:foo\nnil\n"


def test_top_level_methods_are_private_on_object() -> None:
    src = """
    def helper; :ok; end
    class Foo; def use; helper; end; end
    p Foo.new.use
    1.helper
    """
    assert ruby_error(src) == ("NoMethodError", "private method `helper' called for 1:Integer")


def test_safe_navigation() -> None:
    assert out("x = nil\np x&.length, 'ab'&.length") == "nil\n2\n"


def test_send_and_public_send() -> None:
    src = """
    class K; def pub; :pub; end; private def priv; :priv; end; end
    k = K.new
    p k.send(:priv), k.__send__(:pub), k.public_send(:pub)
    k.public_send(:priv)
    """
    assert ruby_error(src)[0] == "NoMethodError"
    assert out(src.replace("k.public_send(:priv)", "")) == ":priv\n:pub\n:pub\n"


# ------------------------------------------------------------------ assignment


def test_multiple_assignment_forms() -> None:
    src = """
    a, b = 1, 2
    a, b = b, a
    f, *r = [1, 2, 3]
    *i, l = %w[x y z]
    h, *m, t = 1, 2, 3, 4, 5
    q, (w, e), z = 1, [2, 3], 4
    x, y = [10]
    one = 1, 2
    s1, s2 = "k=v".split("=")
    p [a, b], f, r, i, l, [h, m, t], [q, w, e, z], [x, y], one, [s1, s2]
    """
    assert out(src) == (
        '[2, 1]\n1\n[2, 3]\n["x", "y"]\n"z"\n[1, [2, 3, 4], 5]\n[1, 2, 3, 4]\n[10, nil]\n[1, 2]\n["k", "v"]\n'
    )


def test_multiple_assignment_value_is_right_hand_side() -> None:
    assert value("a, b = 1, 2") == [1, 2]


def test_op_assign_on_locals_ivars_globals_constants() -> None:
    src = """
    a = nil
    a ||= "first"
    a ||= "second"
    b = "v"
    b &&= b.upcase
    n = 10
    n += 5; n -= 3; n *= 2; n /= 4; n **= 2; n %= 7
    @i ||= 1
    @i += 1
    $g ||= []
    $g << 1
    CC ||= "cc"
    CC ||= "other"
    p a, b, n, @i, $g, CC
    """
    assert out(src) == '"first"\n"V"\n1\n2\n[1]\n"cc"\n'


def test_op_assign_on_index_and_attribute_evaluates_receiver_once() -> None:
    src = """
    calls = 0
    h = {}
    get = -> { calls += 1; h }
    get.()[:k] ||= []
    get.()[:k] << 1
    get.()[:k] ||= :ignored
    h[:n] = 1
    h[:n] += 10
    S = Struct.new(:v)
    o = S.new(1)
    o.v += 10
    o.v ||= 99
    p h, calls, o.v
    """
    assert out(src) == "{:k=>[1], :n=>11}\n3\n11\n"


def test_or_assign_does_not_evaluate_right_side_when_set() -> None:
    src = """
    x = 1
    x ||= raise("never")
    p x
    """
    assert out(src) == "1\n"


def test_chained_assignment() -> None:
    assert out("x = y = 5\nx += 1\np x, y") == "6\n5\n"


def test_constant_reassignment_warns() -> None:
    from tests.runtime.test_interpreter_support import run_ruby

    o, e = run_ruby("A = 1\nA = 2\np A\n")
    assert o == "2\n"
    assert (
        e
        == "test.rb:2: warning: already initialized constant A\ntest.rb:1: warning: previous definition of A was here\n"
    )


# ------------------------------------------------------------------ defined?


def test_defined_answers() -> None:
    src = """
    @iv = 1
    $gv = 2
    lv = 3
    def m; defined?(yield); end
    p defined?(lv), defined?(@iv), defined?(@nope), defined?($gv), defined?($nope)
    p defined?(String), defined?(Nope), defined?(puts), defined?(zork), defined?(x = 1)
    p defined?(1 + 1), defined?(nil), defined?(self), defined?(true), defined?("s".size), defined?("s".nope)
    p m, m {}, defined?(super)
    """
    assert out(src) == (
        '"local-variable"\n"instance-variable"\nnil\n"global-variable"\nnil\n'
        '"constant"\nnil\n"method"\nnil\n"assignment"\n'
        '"method"\n"nil"\n"self"\n"true"\n"method"\nnil\n'
        'nil\n"yield"\nnil\n'
    )


# ------------------------------------------------------------------ evaluation entry points


def test_eval_source_value_and_self_is_main() -> None:
    assert out("p self, self.class\nputs self") == "main\nObject\nmain\n"
    assert value("1 + 1") == 2


def test_kernel_eval_sees_caller_locals() -> None:
    assert out('x = 5\np eval("x * 2")') == "10\n"


def test_numbered_block_parameters() -> None:
    assert out("p [1, 2].map { _1 * 2 }, 3.then { _1 + 1 }") == "[2, 4]\n4\n"


def test_unary_minus_binds_looser_than_power() -> None:
    assert out("p -2 ** 2, -(3), +4") == "-4\n-3\n4\n"


def test_scoped_constant_assignment() -> None:
    assert out("module A; end\nA::B = 5\np A::B, A.constants") == "5\n[:B]\n"
