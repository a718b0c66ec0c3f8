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


def test_a_command_whose_last_argument_assigns_is_not_a_multiple_assignment():
    # Ruby: `a b, c = 1` calls a(b, (c = 1)); `x , y = 1, 2` (a blank before the comma) assigns both.
    node = one("a b, c = 1")
    assert isinstance(node, ast.Call) and node.name == "a"
    assert isinstance(node.args[0], ast.Call) and node.args[0].name == "b"
    assert isinstance(node.args[1], ast.Assign)
    assert isinstance(one("x , y = 1, 2"), ast.MultiAssign)


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
    assert "`ObjectSpace` is Ruby that pydrake does not provide (see 'The Ruby pydrake reads' in pydrake's README)" in err.value.message
    assert (err.value.line, err.value.col) == (2, 3)


# ------------------------------------------------------------------ forms found in real Rakefiles


@pytest.mark.parametrize(
    ("src", "name", "arg"),
    [
        ("require'fileutils'", "require", ast.StrLit(1, 8, "fileutils")),
        ('puts"x"', "puts", ast.StrLit(1, 5, "x")),
        ("puts`ls`", "puts", ast.XStr(1, 5, ("ls",))),
        ('a = 1; a"x"', "a", ast.StrLit(1, 9, "x")),
    ],
)
def test_name_directly_followed_by_a_string_is_a_command_call(src, name, arg):
    node = parse(src, "R").body[-1]
    assert isinstance(node, ast.Call) and node.recv is None and node.name == name
    assert node.args == (arg,)


def test_method_name_after_a_dot_directly_followed_by_a_string_takes_it_as_argument():
    node = one('"abc".include?"b"')
    assert node.name == "include?" and node.args == (ast.StrLit(1, 15, "b"),)


def test_adjacent_strings_still_concatenate():
    node = one('p "a""b"')
    assert node.args == (ast.StrLit(1, 3, "ab"),)


@pytest.mark.parametrize(
    ("src", "call"),
    [("a, b, c = f 1", "f"), ('MAJOR, *OTHER = "1.2.3".split "."', "split")],
)
def test_multiple_assignment_from_a_command_call(src, call):
    node = one(src)
    assert isinstance(node, ast.MultiAssign)
    assert isinstance(node.value, ast.Call) and node.value.name == call and len(node.value.args) == 1


@pytest.mark.parametrize(
    ("src", "value"),
    [("p ?\\\\", "\\"), ("p ?/", "/"), ("p ?\\0", "\0"), ("p ?a", "a"), ("p ?\\n", "\n"), ("p ?\\s", " ")],
)
def test_character_literals(src, value):
    node = one(src)
    assert node.name == "p" and node.args == (ast.StrLit(1, 3, value),)


def test_octal_escape_starting_with_zero():
    assert one('p "\\012"').args == (ast.StrLit(1, 3, "\n"),)


@pytest.mark.parametrize(
    ("src", "then"),
    [
        ("x = true\nx ?1 : 2", ast.IntLit(2, 4, 1)),
        ("x = true\na = 5\nx ?a : 2", ast.LVar(3, 4, "a")),
        ('x = true\nx ?"a":"b"', ast.StrLit(2, 4, "a")),
        ("true ? ?a : ?b", ast.StrLit(1, 8, "a")),
    ],
)
def test_question_mark_after_an_operand_is_the_ternary_operator(src, then):
    node = parse(src, "R").body[-1]
    assert isinstance(node, ast.If) and node.then == (then,)


@pytest.mark.parametrize(
    "src",
    [
        'if "abc".include? "b" then\n  puts 1\nend',
        'unless "abc".include? "z" then\n  puts 1\nend',
        'if false then 2 elsif "abc".include? "b" then\n  puts 1\nend',
    ],
)
def test_command_call_condition_followed_by_then(src):
    node = one(src)
    branch = node if isinstance(node.cond, ast.Call) else node.else_[0]
    assert branch.cond.name == "include?" and len(branch.cond.args) == 1
    body = branch.then or branch.else_
    assert body[0].name == "puts" and body[0].args == (ast.IntLit(body[0].line, 8, 1),)


def test_command_in_when_clause_body_after_then():
    node = one("case 1 when 1 then puts 5 end")
    (when,) = node.whens
    assert when.body[0].name == "puts" and when.body[0].args == (ast.IntLit(1, 25, 5),)


def test_local_variable_name_with_parentheses_is_a_method_call():
    body = parse("f = 1\np f(2)\n", "R").body
    (arg,) = body[1].args
    assert isinstance(arg, ast.Call) and arg.name == "f" and arg.args == (ast.IntLit(2, 5, 2),)


def test_one_line_defs():
    node = one("def f(a) a * 2 end")
    assert node.params.required == ("a",)
    (expr,) = node.body.body if isinstance(node.body, ast.Begin) else node.body
    assert isinstance(expr, ast.BinOp) and expr.lhs == ast.LVar(1, 10, "a")
    node = one("def needed?() super or x? end")
    (expr,) = node.body.body if isinstance(node.body, ast.Begin) else node.body
    assert isinstance(expr, ast.Or) and isinstance(expr.lhs, ast.Super) and expr.rhs.name == "x?"
    node = one("def f(a) puts a end")
    (expr,) = node.body.body if isinstance(node.body, ast.Begin) else node.body
    assert expr.name == "puts" and expr.args == (ast.LVar(1, 15, "a"),)


def test_rescue_clause_ended_by_a_newline_declares_no_later_locals():
    # `rescue` then a newline: a later `=> name` is a hash value, not the rescue's variable.
    body = parse("begin\nrescue\n  y = 2\nend\nx = { :a => foo { 1 } }\n", "R").body
    ((_, value),) = body[1].value.pairs
    assert isinstance(value, ast.Call) and value.name == "foo" and isinstance(value.block, ast.Block)


@pytest.mark.parametrize(("src", "outer", "inner"), [('p(String.new "x")', "p", "new"), ("JSON.parse(File.read 'a')", "parse", "read")])
def test_command_call_as_the_only_argument_in_parentheses(src, outer, inner):
    node = one(src)
    assert node.name == outer
    (arg,) = node.args
    assert arg.name == inner and len(arg.args) == 1 and isinstance(arg.args[0], ast.StrLit)


@pytest.mark.parametrize("src", ["p 080\n", "p 0_9\n", "x = 0779\n"])
def test_an_octal_literal_with_8_or_9_is_rubys_syntax_error(src):
    with pytest.raises(RubySyntaxError) as err:
        parse(src, "Rakefile")
    assert "Invalid octal digit" in err.value.message
