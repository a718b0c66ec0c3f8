"""Classes, modules, singletons, method_missing, Struct, reflection and copying."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out, ruby_error


def test_class_with_initialize_accessors_and_to_s() -> None:
    src = """
    class Target
      attr_accessor :name, :deps
      attr_reader :built
      def initialize(name, deps = [])
        @name = name
        @deps = deps
        @built = false
      end
      def to_s = "#{name} <- #{deps.join(',')}"
    end
    t = Target.new("app", %w[a b])
    t.name = "app2"
    puts t
    p t.built, t.name
    """
    src = src.replace("def to_s = \"#{name} <- #{deps.join(',')}\"", "def to_s; \"#{name} <- #{deps.join(',')}\"; end")
    assert out(src) == 'app2 <- a,b\nfalse\n"app2"\n'


def test_inheritance_and_super_with_explicit_and_implicit_arguments() -> None:
    src = """
    class Base
      def initialize(name, tag = "b"); @name = name; @tag = tag; end
      def show(x, y = 2) = "#{@name}:#{@tag}:#{x}:#{y}"
      def kw(a:, b: 1); [a, b]; end
    end
    class Kid < Base
      def initialize(name); super(name, "k"); end
      def show(x, y = 5); "kid " + super; end
      def kw(a:, b: 2); super; end
    end
    k = Kid.new("n")
    p k.show(1), k.show(1, 3), k.kw(a: 0)
    """
    src = src.replace(
        'def show(x, y = 2) = "#{@name}:#{@tag}:#{x}:#{y}"', 'def show(x, y = 2); "#{@name}:#{@tag}:#{x}:#{y}"; end'
    )
    assert out(src) == '"kid n:k:1:5"\n"kid n:k:1:3"\n[0, 2]\n'


def test_zsuper_passes_current_values_and_block() -> None:
    src = """
    class A; def f(x); yield(x); end; end
    class B < A
      def f(x)
        x = x * 10
        super
      end
    end
    p B.new.f(1) { |v| v + 1 }
    """
    assert out(src) == "11\n"


def test_super_with_anonymous_rest_passes_keywords_positionally() -> None:
    src = """
    class Animal
      def speak(times = 1, *rest, loud: false) = [times, rest, loud]
    end
    class Dog < Animal
      def speak(*); super; end
    end
    p Dog.new.speak(2, loud: true)
    """
    src = src.replace(
        "def speak(times = 1, *rest, loud: false) = [times, rest, loud]",
        "def speak(times = 1, *rest, loud: false); [times, rest, loud]; end",
    )
    assert out(src) == "[2, [{:loud=>true}], false]\n"


def test_no_superclass_method() -> None:
    src = """
    class Foo; def bar; super; end; end
    Foo.new.bar
    """
    assert ruby_error(src) == ("NoMethodError", "super: no superclass method `bar' for #<Foo>")


def test_reopening_classes_and_superclass_mismatch() -> None:
    src = """
    class A; def a; 1; end; end
    class A; def b; 2; end; end
    p A.new.a + A.new.b
    class String; def shout; upcase + "!"; end; end
    p "hi".shout
    """
    assert out(src) == '3\n"HI!"\n'
    assert ruby_error("class A; end\nclass B; end\nclass A < B; end") == (
        "TypeError",
        "superclass mismatch for class A",
    )
    assert ruby_error("X = 1\nclass X; end") == (
        "TypeError",
        "X is not a class\ntest.rb:1: previous definition of X was here",
    )


def test_reopened_core_class_is_private_to_the_interpreter() -> None:
    assert out('class String; def zz; 1; end; end\np "a".zz') == "1\n"
    assert ruby_error('"a".zz') == ("NoMethodError", 'undefined method `zz\' for "a":String')


def test_modules_include_extend_and_module_function() -> None:
    src = """
    module Helpers
      def banner(s) = "*** #{s} ***"
    end
    module Util
      module_function
      def slug(s) = s.downcase
    end
    module Tools
      VERSION = "3.1"
      def self.version = "tools #{VERSION}"
    end
    class Job
      include Helpers
      include Comparable
      attr_reader :pri
      def initialize(pri) = @pri = pri
      def <=>(o) = pri <=> o.pri
    end
    include Helpers
    p Job.new(1).banner("x"), banner("top"), Util.slug("AB"), Tools.version, Tools::VERSION
    p Job.new(1) < Job.new(2), Job.include?(Helpers), Job.ancestors.take(3), Job.new(5) == Job.new(5)
    o = Object.new
    o.extend(Helpers)
    p o.banner("e"), o.singleton_class.include?(Helpers)
    """
    src = (
        src.replace('def banner(s) = "*** #{s} ***"', 'def banner(s); "*** #{s} ***"; end')
        .replace("def slug(s) = s.downcase", "def slug(s); s.downcase; end")
        .replace('def self.version = "tools #{VERSION}"', 'def self.version; "tools #{VERSION}"; end')
        .replace("def initialize(pri) = @pri = pri", "def initialize(pri); @pri = pri; end")
        .replace("def <=>(o) = pri <=> o.pri", "def <=>(o); pri <=> o.pri; end")
    )
    assert out(src) == (
        '"*** x ***"\n"*** top ***"\n"ab"\n"tools 3.1"\n"3.1"\n'
        "true\ntrue\n[Job, Comparable, Helpers]\ntrue\n"
        '"*** e ***"\ntrue\n'
    )


def test_included_hook_and_class_methods_module() -> None:
    src = """
    module Greet
      def self.included(base); base.extend(ClassMethods); end
      module ClassMethods
        def create(*a); new(*a); end
      end
      def greet; "hi from #{self.class}"; end
    end
    class Cat; include Greet; end
    p Cat.create.greet
    """
    assert out(src) == '"hi from Cat"\n'


def test_class_methods_self_and_class_ltlt_self() -> None:
    src = """
    class Reg
      @items = []
      class << self
        attr_reader :items
        def add(x); @items << x; self; end
      end
      def self.count; items.size; end
    end
    Reg.add(1).add(2)
    p Reg.items, Reg.count, Reg.singleton_methods.sort
    """
    assert out(src) == "[1, 2]\n2\n[:add, :count, :items]\n"


def test_class_method_inheritance_and_super() -> None:
    src = """
    class A; def self.make(x); "A#{x}"; end; end
    class B < A; def self.make(x); "B" + super; end; end
    p B.make(1)
    """
    assert out(src) == '"BA1"\n'


def test_singleton_methods_on_objects() -> None:
    src = """
    o = Object.new
    def o.hi; "hi"; end
    o.define_singleton_method(:bye) { "bye" }
    p o.hi, o.bye, o.singleton_methods.sort, o.class
    """
    assert out(src) == '"hi"\n"bye"\n[:bye, :hi]\nObject\n'


def test_nested_modules_and_constant_lookup() -> None:
    src = """
    VERSION = "1.0"
    module Build
      OUT = "out"
      module Paths
        BIN = "#{OUT}/bin"
        def self.ver = VERSION
      end
      def self.out = OUT
    end
    p Build::Paths::BIN, Build::Paths.ver, Build.out, ::VERSION, Build::Paths.name
    """
    src = src.replace("def self.ver = VERSION", "def self.ver; VERSION; end").replace(
        "def self.out = OUT", "def self.out; OUT; end"
    )
    assert out(src) == '"out/bin"\n"1.0"\n"out"\n"1.0"\n"Build::Paths"\n'


def test_uninitialized_constant_messages() -> None:
    assert ruby_error("Nope") == ("NameError", "uninitialized constant Nope")
    assert ruby_error("class Foo; def q; Xyz; end; end\nFoo.new.q") == ("NameError", "uninitialized constant Foo::Xyz")
    assert ruby_error("module M; end\nM::Zed") == ("NameError", "uninitialized constant M::Zed")
    assert ruby_error("class C; end\nC::String") == ("NameError", "uninitialized constant C::String")


def test_inherited_constants_through_self_class() -> None:
    src = """
    class T; KIND = "generic"; def kind = self.class::KIND; end
    class C < T; KIND = "c"; end
    p C.new.kind, T.new.kind
    """
    src = src.replace("def kind = self.class::KIND", "def kind; self.class::KIND; end")
    assert out(src) == '"c"\n"generic"\n'


def test_method_missing_and_respond_to_missing() -> None:
    src = """
    class Ghost
      def method_missing(name, *args, &blk)
        name.to_s.start_with?("get_") ? "got #{name} #{args}" : super
      end
      def respond_to_missing?(name, priv = false) = name.to_s.start_with?("get_") || super
    end
    g = Ghost.new
    p g.get_x(1), g.respond_to?(:get_y), g.respond_to?(:other)
    g.other
    """
    src = src.replace(
        'def respond_to_missing?(name, priv = false) = name.to_s.start_with?("get_") || super',
        'def respond_to_missing?(name, priv = false); name.to_s.start_with?("get_") || super; end',
    )
    assert ruby_error(src) == ("NoMethodError", "undefined method `other' for #<Ghost>")
    assert out(src.replace("g.other\n", "")) == '"got get_x [1]"\ntrue\nfalse\n'


def test_no_method_error_messages() -> None:
    assert ruby_error("nil.upcase") == ("NoMethodError", "undefined method `upcase' for nil:NilClass")
    assert ruby_error("1.zork") == ("NoMethodError", "undefined method `zork' for 1:Integer")
    assert ruby_error("bar()") == ("NoMethodError", "undefined method `bar' for main:Object")
    assert ruby_error("class Foo; end\nFoo.bar") == ("NoMethodError", "undefined method `bar' for Foo:Class")
    assert ruby_error("class Foo; end\nFoo.new.bar") == ("NoMethodError", "undefined method `bar' for #<Foo>")


def test_private_protected_and_public() -> None:
    src = """
    class K
      def pub = hidden
      def cmp(o) = o.prot
      protected def prot = :prot
      private
      def hidden = :hidden
      public
      def again = :again
    end
    k = K.new
    p k.pub, k.cmp(K.new), k.again, k.respond_to?(:hidden), k.respond_to?(:hidden, true)
    k.hidden
    """
    src = (
        src.replace("def pub = hidden", "def pub; hidden; end")
        .replace("def cmp(o) = o.prot", "def cmp(o); o.prot; end")
        .replace("protected def prot = :prot", "protected def prot; :prot; end")
        .replace("def hidden = :hidden", "def hidden; :hidden; end")
        .replace("def again = :again", "def again; :again; end")
    )
    assert ruby_error(src) == ("NoMethodError", "private method `hidden' called for #<K>")
    assert out(src.replace("k.hidden\n", "")) == ":hidden\n:prot\n:again\nfalse\ntrue\n"


def test_define_method_alias_and_instance_variable_access() -> None:
    src = """
    class Dyn
      %w[a b].each { |n| define_method("get_#{n}") { |x = 1| "#{n}#{x}" } }
      def orig; :orig; end
      alias copy orig
      alias_method :copy2, :orig
    end
    d = Dyn.new
    d.instance_variable_set(:@v, 5)
    p d.get_a, d.get_b(2), d.copy, d.copy2, d.instance_variable_get(:@v), d.instance_variables
    p Dyn.instance_methods(false).sort, Dyn.method_defined?(:copy)
    """
    assert out(src) == '"a1"\n"b2"\n:orig\n:orig\n5\n[:@v]\n[:copy, :copy2, :get_a, :get_b, :orig]\ntrue\n'


def test_class_new_and_module_new() -> None:
    src = """
    Point = Class.new do
      attr_reader :x
      def initialize(x); @x = x; end
    end
    Sub = Class.new(Point) { def twice = x * 2 }
    M = Module.new { def hi = "hi" }
    Sub.include(M)
    p Point.name, Sub.new(4).twice, Sub.superclass, Sub.new(1).hi, Class.new.name
    """
    src = src.replace("def twice = x * 2", "def twice; x * 2; end").replace('def hi = "hi"', 'def hi; "hi"; end')
    assert out(src) == '"Point"\n8\nPoint\n"hi"\nnil\n'


def test_instance_eval_class_eval_and_instance_exec() -> None:
    src = """
    class Box; def initialize; @v = 3; end; end
    b = Box.new
    p b.instance_eval { @v }, b.instance_exec(2) { |m| @v * m }
    Box.class_eval { def peek; @v; end }
    p b.peek
    """
    assert out(src) == "3\n6\n3\n"


def test_reflection_predicates() -> None:
    src = """
    class A; end
    class B < A; end
    b = B.new
    p b.is_a?(A), b.kind_of?(B), b.instance_of?(A), B < A, A < B, B <= B, A.superclass
    p b.class, B.ancestors.first(3), 1.is_a?(Comparable), Integer === 3, b.respond_to?(:nope)
    """
    assert out(src) == "true\ntrue\nfalse\ntrue\nfalse\ntrue\nObject\nB\n[B, A, Object]\ntrue\ntrue\nfalse\n"


def test_inspect_of_plain_objects() -> None:
    src = """
    class Foo; end
    class Bar; def initialize; @a = 1; @b = "x"; end; end
    p Foo.new
    puts Foo.new.inspect, Bar.new.inspect.sub(/0x\\h+/, "0xADDR")
    """
    assert out(src.replace('.sub(/0x\\\\h+/, "0xADDR")', "")).startswith("#<Foo>\n#<Foo>\n#<Bar:0x")
    assert out("class Bar; def initialize; @a = 1; @b = 'x'; end; end\nputs Bar.new.inspect").endswith(
        ' @a=1, @b="x">\n'
    )


def test_equality_identity_hash_and_dup() -> None:
    src = """
    class V
      attr_reader :a
      def initialize(a) = @a = a
      def ==(o) = o.is_a?(V) && o.a == a
    end
    x = V.new(1)
    y = x.dup
    p x == V.new(1), x != V.new(2), x.equal?(x), x.equal?(y), x.eql?(V.new(1)), y.a
    p 1.equal?(1), x.object_id == x.object_id, x.hash == x.hash, x.itself.equal?(x)
    """
    src = src.replace("def initialize(a) = @a = a", "def initialize(a); @a = a; end").replace(
        "def ==(o) = o.is_a?(V) && o.a == a", "def ==(o); o.is_a?(V) && o.a == a; end"
    )
    assert out(src) == "true\ntrue\ntrue\nfalse\nfalse\n1\ntrue\ntrue\ntrue\ntrue\n"


def test_freeze_and_frozen_error() -> None:
    src = """
    class C; attr_accessor :v; end
    c = C.new.freeze
    p c.frozen?, 1.frozen?, :s.frozen?, nil.frozen?, C.new.frozen?
    c.v = 1
    """
    assert ruby_error(src) == ("FrozenError", "can't modify frozen C: #<C>")
    assert out(src.replace("c.v = 1\n", "")) == "true\ntrue\ntrue\ntrue\nfalse\n"


def test_tap_then_itself() -> None:
    assert out("p 5.tap { |x| x + 100 }, 1.then { |x| x + 1 }, 3.itself") == "5\n2\n3\n"


def test_method_objects() -> None:
    src = """
    def two(a, b); a + b; end
    def opt(a, b = 1); end
    m = method(:two)
    p m.call(1, 2), m.arity, method(:opt).arity, m.name, m.owner, 5.method(:+).call(3), [1, 2].map(&5.method(:+))
    """
    assert out(src) == "3\n2\n-2\n:two\nObject\n8\n[6, 7]\n"


def test_struct() -> None:
    src = """
    Point = Struct.new(:x, :y) do
      def dist2 = x * x + y * y
    end
    Pkg = Struct.new(:name, :version, keyword_init: true)
    pt = Point.new(3, 4)
    p pt, pt.x, pt[1], pt[:x], pt["y"], pt.dist2, pt.to_a, pt.to_h, pt == Point.new(3, 4), Point.members
    pt.y = 10
    pt[:x] = 1
    puts pt
    p Pkg.new(name: "rake", version: "13"), Pkg.new(name: "a").version, Point.new(1)
    a, b = *Point.new(5, 6)
    p [a, b], Point.new(1, 2).eql?(Point.new(1, 2))
    class P3 < Struct.new(:a, :b); def sum = a + b; end
    p P3.new(1, 2).sum, P3.new(1, 2)
    """
    src = src.replace("def dist2 = x * x + y * y", "def dist2; x * x + y * y; end").replace(
        "def sum = a + b", "def sum; a + b; end"
    )
    assert out(src) == (
        "#<struct Point x=3, y=4>\n3\n4\n3\n4\n25\n[3, 4]\n{:x=>3, :y=>4}\ntrue\n[:x, :y]\n"
        "#<struct Point x=1, y=10>\n"
        '#<struct Pkg name="rake", version="13">\nnil\n#<struct Point x=1, y=nil>\n'
        "[5, 6]\ntrue\n3\n#<struct P3 a=1, b=2>\n"
    )


def test_struct_errors() -> None:
    assert ruby_error("S = Struct.new(:a)\nS.new(1, 2)") == ("ArgumentError", "struct size differs")


def test_main_object_include_and_private_definitions() -> None:
    src = """
    module Greeting; def hello = "hello"; end
    include Greeting
    p hello, self.to_s, self.inspect
    """
    src = src.replace('def hello = "hello"', 'def hello; "hello"; end')
    assert out(src) == '"hello"\n"main"\n"main"\n'
