"""Literal calls: which statements of a file fold, and that they run exactly as the calls they were."""

from __future__ import annotations

import io
import marshal
import textwrap

import pytest

from pydrake.runtime.interpreter import Interpreter
from pydrake.syntax import ast, ast_cache
from pydrake.syntax.literal_calls import fold, fold_program
from pydrake.syntax.parser import parse, parse_file


def folded(source: str) -> tuple[object, ...]:
    """Each top-level statement of ``source`` once folded."""
    return fold(parse(textwrap.dedent(source), "Rakefile").body)


@pytest.mark.parametrize(
    "statement",
    [
        'file "out/a.txt" => ["in/a.txt"] do\n  sh "cp in/a.txt out/a.txt"\nend',
        'desc "Build it"',
        "task :default => [:build, :test]",
        "task default: :build",
        'task :t, [:a, :b] => ["x"] do |t, args| end',
        "multitask :all => %w[a b c]",
        'rule ".o" => ".c" do |t| end',
        "foo 1, -2, 2.5, nil, true, false",
        'foo({"a" => 1, :b => [2, {c: "d"}]})',
        "foo()",
        "foo do end",
    ],
)
def test_calls_of_literal_arguments_fold(statement):
    (node,) = folded(statement)
    assert type(node) is ast.LiteralCall


@pytest.mark.parametrize(
    "statement",
    [
        'file "out/#{name}" => ["in/a"]',  # interpolation
        "task :a => deps",  # a variable
        "task :a => [*deps]",  # a splat
        "foo(**opts)",
        "foo(&blk)",
        "CLEAN.include('x')",  # a receiver
        "self.foo 1",
        "foo",  # a bare name: maybe a local variable
        "foo({a: 1} => 2)",  # a hash as a hash key
        "x = 1",
        "foo(bar(1))",
        "foo :a, 1..2",
    ],
)
def test_anything_else_stays_as_parsed(statement):
    (node,) = folded(statement)
    assert type(node) is not ast.LiteralCall


def test_only_top_level_statements_fold():
    (namespace,) = folded('namespace :n do\n  task :a => ["b"]\nend\n')
    assert type(namespace) is ast.LiteralCall
    assert [type(st) for st in namespace.block.body] == [ast.Call]


def test_a_program_without_literal_calls_is_returned_as_it_is():
    program = parse("x = 1\nputs x\n", "Rakefile")
    assert fold_program(program) is program


def test_folded_statements_keep_their_lines():
    nodes = folded('desc "a"\n\ntask :a\n')
    assert [n.line for n in nodes] == [1, 3]


PROBE = """
$seen = []
def probe(*args, **kw, &block)
  $seen << [args, kw, block ? block.call : :no_block]
  args.each { |a| a << "!" if a.is_a?(String) }  # literal strings are new objects each time
end
"""

CALLS = """
probe "a", :b, 1, -2, 2.5, nil, true, false, ["x", [:y, "z"]], {"k" => "v", s: 1, 2 => nil}
probe "key" => ["v"], [:k] => 1, sym: :val do 42 end
probe
probe do 7 end
probe({"braced" => "hash"})
probe "k" => "one", "k" => "two"
"""

REPORT = """
p $seen
p $seen.map { |args, kw, _| kw.keys.map(&:frozen?) + args.grep(String).map(&:frozen?) }
"""


def run_file(tmp_path, source: str, fold_calls: bool) -> str:
    """What a file of ``source`` prints when loaded, its statements folded or not."""
    path = tmp_path / "Rakefile"
    path.write_text(source)
    rt = Interpreter()
    out = io.StringIO()
    rt.push_output(out, io.StringIO())
    try:
        program = parse_file(source, str(path)) if fold_calls else parse(source, str(path))
        assert any(type(st) is ast.LiteralCall for st in program.body) == fold_calls
        rt.run_program(program, str(path), "<top (required)>")
        rt.run_program(program, str(path), "<top (required)>")  # a second run makes new strings
        rt.eval_source(REPORT, "report.rb")
    finally:
        rt.pop_output()
    return out.getvalue()


def test_a_literal_call_passes_the_values_the_call_passed(tmp_path, monkeypatch):
    monkeypatch.setenv("PYDRAKE_NO_CACHE", "1")
    monkeypatch.setattr(ast_cache, "_folder", False)
    source = PROBE + CALLS
    expected = run_file(tmp_path, source, fold_calls=False)
    assert run_file(tmp_path, source, fold_calls=True) == expected
    assert '"a!"' in expected and '{"key"=>["v"], [:k]=>1, :sym=>:val}' in expected and '{"k"=>"two"}' in expected


def test_break_in_the_block_of_a_literal_call_ends_the_call(tmp_path, monkeypatch):
    monkeypatch.setenv("PYDRAKE_NO_CACHE", "1")
    monkeypatch.setattr(ast_cache, "_folder", False)
    source = 'def twice\n  yield\n  yield\nend\ntwice do\n  puts "once"\n  break\nend\nputs "after"\n'
    rt = Interpreter()
    out = io.StringIO()
    rt.push_output(out, io.StringIO())
    try:
        program = parse_file(source, str(tmp_path / "Rakefile"))
        assert type(program.body[1]) is ast.LiteralCall
        rt.run_program(program, str(tmp_path / "Rakefile"))
    finally:
        rt.pop_output()
    assert out.getvalue() == "once\nafter\n"


def test_literal_data_survives_the_cache_as_it_is():
    program = fold_program(parse(PROBE + CALLS, "Rakefile"))
    assert sum(type(st) is ast.LiteralCall for st in program.body) == 5  # a bare ``probe`` may be a variable
    loaded = ast_cache.decode(marshal.loads(marshal.dumps(ast_cache.encode(program))))
    assert loaded == program
    assert hash(loaded) == hash(program)  # nodes are values, also when their data holds lists
