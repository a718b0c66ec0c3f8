"""Parser tests: Ruby source in, AST out, as Rakefiles write it."""

from __future__ import annotations

import logging

import pytest
from lark import logger

from pydrake.syntax import ast
from pydrake.syntax.errors import RubySyntaxError
from pydrake.syntax.lark_frontend import build_parser
from pydrake.syntax.parser import parse


def one(src: str):
    body = parse(src, "Rakefile").body
    assert len(body) == 1, body
    return body[0]


def test_grammar_has_no_conflicts(caplog):
    logger.setLevel(logging.DEBUG)
    with caplog.at_level(logging.DEBUG, logger="lark"):
        build_parser(debug=True)
    conflicts = [r.getMessage() for r in caplog.records if "conflict" in r.getMessage().lower()]
    assert conflicts == []


def test_command_with_hash_and_do_block_binds_to_command():
    node = one("task :a => [:b, :c] do |t|\n  puts t.name\nend\n")
    assert isinstance(node, ast.Call) and node.name == "task" and node.recv is None
    (hash_arg,) = node.args
    assert isinstance(hash_arg, ast.HashLit) and not hash_arg.braces
    key, value = hash_arg.pairs[0]
    assert key == ast.SymLit(1, 6, "a")
    assert [e.name for e in value.elements] == ["b", "c"]
    assert isinstance(node.block, ast.Block) and node.block.params.required == ("t",)


def test_do_block_on_call_without_arguments_binds_to_that_call():
    node = one("list.each do |x|\n  x\nend")
    assert node.name == "each" and isinstance(node.block, ast.Block)


def test_do_inside_command_arguments_binds_to_command():
    node = one("task :x => list.map { |f| f } do\nend")
    assert node.name == "task" and isinstance(node.block, ast.Block)
    inner = node.args[0].pairs[0][1]
    assert inner.name == "map" and isinstance(inner.block, ast.Block)


def test_interpolation_with_nested_quotes():
    node = one('sh "cc #{ENV["CC"]} -c"')
    (s,) = node.args
    assert isinstance(s, ast.DStr)
    assert s.parts[0] == "cc " and s.parts[2] == " -c"
    assert isinstance(s.parts[1], ast.Call) and s.parts[1].name == "[]"


def test_local_variable_versus_method_call():
    body = parse("x = 1\nx\ny\n", "R").body
    assert isinstance(body[1], ast.LVar)
    assert isinstance(body[2], ast.Call) and body[2].vcall


def test_minus_after_local_is_subtraction_and_after_method_is_argument():
    body = parse("x = 1\nx -1\nfoo -1\n", "R").body
    assert isinstance(body[1], ast.BinOp) and body[1].op == "-"
    assert isinstance(body[2], ast.Call) and body[2].args == (ast.IntLit(3, 5, -1),)


def test_operator_precedence():
    node = one("1 + 2 * 3 ** 2 == 19 && true || false")
    assert isinstance(node, ast.Or)
    assert isinstance(node.lhs, ast.And)
    eq = node.lhs.lhs
    assert eq.op == "=="
    assert eq.lhs.op == "+" and eq.lhs.rhs.op == "*" and eq.lhs.rhs.rhs.op == "**"


def test_heredocs_squiggly_and_two_on_one_line():
    src = "a = [<<~ONE, <<-TWO]\n    x #{1}\n      y\n  ONE\n  raw\n  TWO\nputs a\n"
    body = parse(src, "R").body
    first, second = body[0].value.elements
    assert first.parts == ("x ", ast.IntLit(2, 1, 1), "\n  y\n") or first.parts[0] == "x "
    assert second == ast.StrLit(second.line, second.col, "  raw\n")
    assert isinstance(body[1], ast.Call) and body[1].name == "puts"


def test_percent_literals_and_words():
    node = one("%w[a b\\ c].size")
    arr = node.recv
    assert [e.value for e in arr.elements] == ["a", "b c"]
    node = one("%i[x y]")
    assert [e.name for e in node.elements] == ["x", "y"]


def test_regex_literal_with_flags_and_divide():
    body = parse("x = 4\ny = x / 2\nz = foo /ab+c/i\n", "R").body
    assert isinstance(body[1].value, ast.BinOp)
    rx = body[2].value.args[0]
    assert isinstance(rx, ast.RegexLit) and rx.parts == ("ab+c",) and rx.flags == "i"


def test_statement_modifiers_and_rescue_modifier_on_assignment():
    body = parse("puts 1 if a\nb = raise rescue 2\n", "R").body
    assert isinstance(body[0], ast.If) and body[0].then[0].name == "puts"
    assert isinstance(body[1], ast.Assign) and isinstance(body[1].value, ast.RescueMod)


def test_def_with_every_parameter_kind():
    node = one("def f(a, b = 1, *rest, c, k:, j: 2, **opts, &blk)\nend")
    p = node.params
    assert p.required == ("a",) and p.optional[0][0] == "b" and p.rest == "rest" and p.post == ("c",)
    assert [k for k, _ in p.kw] == ["k", "j"] and p.kw[0][1] is None
    assert p.kwrest == "opts" and p.block == "blk"


def test_multiple_assignment_with_groups_and_splat():
    node = one("a, (b, c), *d = 1, [2, 3], 4, 5")
    assert isinstance(node, ast.MultiAssign)
    assert isinstance(node.targets[1], ast.MultiTarget) and isinstance(node.targets[2], ast.Splat)


def test_begin_rescue_ensure():
    node = one("begin\n  x\nrescue Foo, Bar => e\n  y\nelse\n  z\nensure\n  w\nend")
    assert isinstance(node, ast.Begin)
    assert len(node.rescues[0].classes) == 2 and node.rescues[0].target.name == "e"
    assert node.else_ and node.ensure


def test_leading_dot_method_chain():
    node = one("x = [1, 2]\n  .map { |i| i }\n  .size")
    assert node.value.name == "size"


def test_endless_and_beginless_ranges():
    node = one("a[1..]")
    assert node.args[0].high is None
    node = one("p (..5)")
    assert node.args[0].low is None


def test_class_module_struct_and_lambda():
    body = parse("module M\n  class C < Base\n    attr_accessor :x\n  end\nend\nf = ->(x) { x * 2 }\n", "R").body
    assert isinstance(body[0], ast.ModuleDef) and isinstance(body[0].body.body[0], ast.ClassDef)
    assert isinstance(body[1].value, ast.Lambda) and body[1].value.params.required == ("x",)


@pytest.mark.parametrize(
    "src, line, col",
    [
        ("task :a do\n  puts 1\n", 2, 9),
        ("x = (1 + \n", 1, 1),
        ("puts 'unterminated\n", 1, 6),
        ("foo(1, 2\n", 1, 4),
    ],
)
def test_syntax_errors_carry_a_location(src, line, col):
    with pytest.raises(RubySyntaxError) as err:
        parse(src, "Rakefile")
    assert err.value.file == "Rakefile"
    assert err.value.line >= 1 and err.value.col >= 1
    assert err.value.report().startswith(f"Rakefile:{err.value.line}:")


def test_unsupported_facility_is_named_at_parse_time():
    with pytest.raises(RubySyntaxError) as err:
        parse("task :a do\n  ObjectSpace.each_object(Class) { }\nend\n", "Rakefile")
    assert "pydrake does not support `ObjectSpace`" in err.value.message
    assert (err.value.line, err.value.col) == (2, 3)
