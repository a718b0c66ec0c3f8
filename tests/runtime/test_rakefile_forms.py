"""Ruby forms found in real Rakefiles, run end to end: what they print matches real Ruby."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out, run_ruby


def test_name_directly_followed_by_a_string_or_backticks_is_a_command_call() -> None:
    src = """
    require'set'
    puts"x"
    print'y', "\\n"
    puts`echo hi`
    p "abc".include?"b"
    """
    assert out(src) == "x\ny\nhi\ntrue\n"


def test_local_variable_directly_followed_by_a_string_calls_the_method() -> None:
    src = """
    def a(x) x * 3 end
    a = 1
    p a"x"
    p a
    """
    assert out(src) == '"xxx"\n1\n'


def test_multiple_assignment_from_a_command_call() -> None:
    src = """
    def f(*a) a end
    a, b, c = f 1, 2, 3
    p [a, b, c]
    MAJOR, *OTHER = "1.2.3".split "."
    p MAJOR, OTHER
    """
    assert out(src) == '[1, 2, 3]\n"1"\n["2", "3"]\n'


def test_character_literals_and_ternaries() -> None:
    src = r"""
    p ?\\
    p ?/
    p ?\0
    p ?a, ?\n, ?\s
    x = true
    a = 5
    p x ?1 : 2
    p x ?a : 2
    p x ?"y":"n"
    p x ? ?y : ?n
    """
    assert out(src) == '"\\\\"\n"/"\n"\\u0000"\n"a"\n"\\n"\n" "\n1\n5\n"y"\n"y"\n'


def test_command_call_conditions_followed_by_then() -> None:
    src = """
    if "abc".include? "b" then
      puts 1
    end
    unless "abc".include? "z" then puts 2 end
    if false then puts 0 elsif "abc".start_with? "a" then puts 3 end
    case 4 when 4 then puts 4 end
    if true then puts 5 else puts 0 end
    """
    assert out(src) == "1\n2\n3\n4\n5\n"


def test_local_variable_name_with_parentheses_calls_the_method() -> None:
    assert out("def f(x) x*2 end\nf = 1\np f(2)\np f\n") == "4\n1\n"


def test_one_line_defs() -> None:
    src = """
    def f(a) a * 2 end
    p f(3)
    class Base
      def needed?() false end
    end
    class Sub < Base
      def x?() true end
      def needed?() super or x? end
      def show(a) puts a end
    end
    p Sub.new.needed?
    Sub.new.show 7
    """
    assert out(src) == "6\ntrue\n7\n"


def test_hash_value_with_a_block_call_after_a_rescue_clause() -> None:
    src = """
    def foo; yield; end
    begin
    rescue
      y = 2
    end
    x = { :a => foo { 1 } }
    p x
    """
    assert out(src) == "{:a=>1}\n"


def test_command_call_as_the_only_argument_in_parentheses() -> None:
    src = """
    def twice(x) x * 2 end
    p(twice 21)
    p(Integer "12")
    p("a-b".split "-")
    """
    assert out(src) == '42\n12\n["a", "b"]\n'


def test_constant_reassignment_warns_unless_verbose_is_nil() -> None:
    src = """
    X = 1
    $VERBOSE = nil
    X = 2
    $VERBOSE = false
    X = 3
    $VERBOSE = true
    X = 4
    p X
    """
    stdout, stderr = run_ruby(src)
    assert stdout == "4\n"
    assert stderr == (
        "test.rb:6: warning: already initialized constant X\n"
        "test.rb:4: warning: previous definition of X was here\n"
        "test.rb:8: warning: already initialized constant X\n"
        "test.rb:6: warning: previous definition of X was here\n"
    )


def test_singleton_class_of_an_object_backed_by_python() -> None:
    src = """
    t = Time.at(0)
    class << t
      def hi; "hi #{year > 1900}"; end
    end
    p t.hi, t.class, t.singleton_methods
    p Time.at(0).respond_to?(:hi)
    class << 1; end rescue p $!
    """
    assert out(src) == ('"hi true"\nTime\n[:hi]\nfalse\n#<TypeError: can\'t define singleton>\n')
