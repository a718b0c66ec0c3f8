"""``require "erb"``: templates compiled and run as ERB 2.2.3 in Ruby 3.1 does, with bindings of the caller."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out, ruby_error, run_ruby

# Outputs below were recorded from ``ruby`` 3.1.2 running the same scripts.

TRIM_MODES = r"""require 'erb'
items = %w[x y z]
cfg = { "name" => "demo", "flags" => ["-O2", "-g"] }
t1 = <<'T'
% items.each do |i|
item <%= i %>
% end
%% literal percent
<%= items.map { |i| i.upcase }.join(", ") %>
<%# a
multi-line comment %>
name=<%= cfg["name"] %> flags=<%= cfg["flags"].join(" ") %>
<%- if items.size > 2 -%>
  many
<%- else -%>
  few
<%- end -%>
end
T
puts ERB.new(t1, trim_mode: "%-").result(binding)
puts ERB.new("<% 3.times do |n| %><%= n %>,<% end %>\n").result(binding)
puts ERB.new("a <%= 'q\"uote' %> b <%= \"d'q\" %>").result
puts ERB.new("x\n  <% if true %>\n  yes\n  <% end %>\n", trim_mode: "<>").result
puts ERB.new("x\n<% if true %>  \nyes\n<% end %>\n", trim_mode: "<>").result
puts ERB.new("line <%= 1 %>\n<%= 2 %>\n", trim_mode: ">").result
puts ERB.new("tail -%>\nnext\n", trim_mode: "-").result
puts ERB.new("<%= 1 -%>\nA<%= 2 -%>", trim_mode: "-").result
puts ERB.new("  <%- x = 5 -%>\nv=<%= x %>\n", trim_mode: "-").result
puts ERB.new("a<%% b %%> c").result
puts ERB.new("%\n% x = 1\n<%= x %>\n", trim_mode: "%").src
e = ERB.new("hi <%= who %>\n")
puts e.result_with_hash("who" => "str key")
class Page
  def initialize(t); @t = t; end
  def title; "Title!"; end
  def render(tpl); ERB.new(tpl).result(binding); end
end
puts Page.new(1).render("<%= title %> <%= @t %>")
erb = ERB.new("<%= a %>+<%= b %>")
erb.def_method(Page, "sum(a, b)")
puts Page.new(0).sum(1, 2)
puts ERB::Util.html_escape("<&>")
puts ERB.version
"""

TRIM_MODES_OUT = (
    "item x\n"
    "item y\n"
    "item z\n"
    "% literal percent\n"
    "X, Y, Z\n"
    "\n"
    "name=demo flags=-O2 -g\n"
    "  many\n"
    "end\n"
    "0,1,2,\n"
    "a q\"uote b d'q\n"
    "x\n"
    "  \n"
    "  yes\n"
    "  \n"
    "x\n"
    "  \n"
    "yes\n"
    "line 12\n"
    "tail -%>\n"
    "next\n"
    "1A2\n"
    "v=5\n"
    "a<% b %%> c\n"
    "#coding:UTF-8\n"
    "_erbout = +''; \n"
    " x = 1\n"
    '_erbout.<<(( x ).to_s); _erbout.<< "\\n".freeze\n'
    "; _erbout\n"
    "hi str key\n"
    "Title! 1\n"
    "1+2\n"
    "&lt;&amp;&gt;\n"
    "2.2.3\n"
)

BINDINGS = r"""require "erb"
ERB.new("x", nil, "-")
ERB.new("x", trim_mode: "z")
e = ERB.new("a\n% x = 1\n%% lit\n<%= x %>\n<% if true %>\nyes\n<% end %>\n", trim_mode: "%<>")
puts e.src
print e.result
begin
  ERB.new("line1\n<%= undefined_thing %>").result
rescue NameError => err
  puts err.message
end
b = binding
name = "n"
p b.local_variable_get(:name), b.local_variable_defined?(:zz), b.receiver
b.local_variable_set(:name, "changed")
p name
def helper(x)
  x * 2
end
class Foo
  def initialize; @v = 42; end
  def render; ERB.new("v=<%= @v %> <%= self.class %>").result(binding); end
end
puts Foo.new.render, ERB.new("<%= helper(21) %>").result
"""

BINDINGS_OUT = (
    "#coding:UTF-8\n"
    "_erbout = +''; _erbout.<< \"a\\n\".freeze\n"
    ";  x = 1\n"
    '_erbout.<< "% lit\\n".freeze\n'
    "; _erbout.<<(( x ).to_s)\n"
    " if true \n"
    '_erbout.<< "yes\\n".freeze\n'
    ";  end \n"
    "_erbout\n"
    "a\n"
    "% lit\n"
    "1yes\n"
    "undefined local variable or method `undefined_thing' for main:Object\n"
    '"n"\n'
    "false\n"
    "main\n"
    '"changed"\n'
    "v=42 Foo\n"
    "42\n"
)

BINDINGS_WARNINGS = r"""e4.rb:2: warning: Passing safe_level with the 2nd argument of ERB.new is deprecated. Do not use it, and specify other arguments as keyword arguments.
e4.rb:2: warning: Passing trim_mode with the 3rd argument of ERB.new is deprecated. Use keyword argument like ERB.new(str, trim_mode: ...) instead.
e4.rb:3: warning: Invalid ERB trim mode: "z" (trim_mode: nil, 0, 1, 2, or String composed of '%' and/or '-', '>', '<>')
"""


def test_result_with_binding_hash_and_toplevel() -> None:
    src = """
        require "erb"
        tpl = ERB.new("Hello <%= name %>!\\n<% items.each do |i| %>- <%= i %>\\n<% end %>")
        name = "erb"
        items = %w[a b]
        print tpl.result(binding)
        trimmed = ERB.new(<<~T, trim_mode: "-")
          <%- items.each do |i| -%>
          * <%= i.upcase %>
          <%- end -%>
          total: <%= items.size %>
        T
        print trimmed.result(binding)
        puts ERB.new("<%= x %> and <%= y %>").result_with_hash(x: 1, y: "two")
        puts ERB.new("100%% <%# comment %>done").result
    """
    assert out(src) == "Hello erb!\n- a\n- b\n* A\n* B\ntotal: 2\n1 and two\n100%% done\n"


def test_trim_modes_percent_lines_escapes_and_def_method() -> None:
    assert out(TRIM_MODES) == TRIM_MODES_OUT


def test_src_warnings_bindings_and_self() -> None:
    stdout, stderr = run_ruby(BINDINGS, file="e4.rb")
    assert stdout == BINDINGS_OUT
    assert stderr == BINDINGS_WARNINGS


def test_src_matches_ruby() -> None:
    src = """
        require "erb"
        puts ERB.new("Hello <%= name %>!\\n<% items.each do |i| %>- <%= i %>\\n<% end %>").src
        puts ERB.new("é <%= 1 %>").src
    """
    assert out(src) == (
        "#coding:UTF-8\n"
        '_erbout = +\'\'; _erbout.<< "Hello ".freeze; _erbout.<<(( name ).to_s); _erbout.<< "!\\n".freeze\n'
        ';  items.each do |i| ; _erbout.<< "- ".freeze; _erbout.<<(( i ).to_s); _erbout.<< "\\n".freeze\n'
        ";  end ; _erbout\n"
        "#coding:UTF-8\n"
        "_erbout = +''; _erbout.<< \"\\xC3\\xA9 \".freeze; _erbout.<<(( 1 ).to_s); _erbout\n"
    )


def test_html_and_url_escaping() -> None:
    src = """
        require "erb"
        include ERB::Util
        puts h("<a href='x'>&\\"</a>"), u("a b/é~"), ERB::Util.html_escape(1)
    """
    assert out(src) == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;\na%20b%2F%C3%A9~\n1\n"


def test_binding_needs_the_library_and_errors_propagate() -> None:
    assert ruby_error("ERB")[0] == "NameError"
    assert ruby_error('require "erb"\nERB.new("<%= 1 + %>").result')[0] == "SyntaxError"
    assert ruby_error('require "erb"\nERB.new("<%= raise ArgumentError, %q(boom) %>").result') == (
        "ArgumentError",
        "boom",
    )


def test_eval_with_a_binding_runs_in_its_scope() -> None:
    src = """
        require "erb"
        def scope
          secret = 42
          binding
        end
        b = scope
        x = 5
        p eval("secret + 1", b), b.eval("secret * 2"), eval("x + 1"), b.local_variables
    """
    assert out(src) == "43\n84\n6\n[:secret]\n"
