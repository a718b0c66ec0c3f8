"""The generated node constructors and AST cache codecs (``ast_code.py``): current, used, and
compiled at start-up instead when the node classes have changed since it was written."""

from __future__ import annotations

import marshal

from pydrake.syntax import ast, ast_cache, ast_code, ast_codegen
from pydrake.syntax.parser import parse

SOURCE = 'desc "Build it"\ntask :a, [:x] => ["b", :c] do |t, args|\n  sh "echo #{args.x}" unless t.name.empty?\nend\n'


def test_the_module_is_current_with_the_node_classes():
    assert ast_codegen.code_path().read_text() == ast_codegen.render(), "run python -m pydrake.syntax.ast_codegen"
    assert ast_codegen.main(["--check"]) == 0


def test_the_module_describes_the_classes_it_was_made_for():
    assert ast_code.SHAPE == ast.node_shape()
    assert ast_code.APART == ast_cache.apart_names() == (("Block", "body"),)
    assert ast_code.PLAIN == ast_cache.plain_names()
    assert {("Call", "name"), ("Call", "vcall"), ("StrLit", "value")} <= set(ast_code.PLAIN)
    assert ("Call", "args") not in ast_code.PLAIN
    assert [name for name, _fields, _defaults in ast_code.SHAPE][:2] == ["Node", "Nil"]


def test_the_current_module_is_the_one_loaded(monkeypatch):
    monkeypatch.setattr(ast_codegen, "_loaded", None)
    assert ast_codegen.load() is ast_code


def test_node_constructors_fill_every_field_and_its_default():
    call = ast.Call(3, 7, None, "task", (), None)
    assert (call.line, call.col, call.recv, call.name, call.args, call.block, call.safe, call.vcall) == (
        3, 7, None, "task", (), None, False, False,
    )
    assert ast.Program(1, 1, (), "Rakefile").warnings == ()


def test_a_module_made_for_other_node_classes_is_replaced_by_the_same_code_compiled_now(monkeypatch):
    monkeypatch.setattr(ast_code, "SHAPE", ast_code.SHAPE[:-1])
    monkeypatch.setattr(ast_codegen, "_loaded", None)
    compiled = ast_codegen.load()
    assert compiled is not ast_code
    assert compiled.SHAPE == ast.node_shape()
    # The compiled codecs read and write the same forms as the generated module's.
    program = parse(SOURCE, "Rakefile")
    classes = ast_cache._classes()
    encoders, encode_tuple = compiled.encoders(classes, ast_cache._SIMPLE, ast_cache._dumps, ast_cache._not_plain)
    decoders, _decode_tuple = compiled.decoders(classes, object.__new__, ast.Deferred, ast_cache._unpack, ast_cache._damaged)
    form = encoders[ast.Program](program)
    assert marshal.dumps(form, 2) == marshal.dumps(ast_cache.encode(program), 2)
    assert decoders[form[0]](form) == program
    assert encode_tuple(program.body) == ast_cache.encode(program.body)
    init = compiled.node_inits()[[name for name, _f, _d in ast_code.SHAPE].index("Call")]
    node = object.__new__(ast.Call)
    init(node, 1, 2, None, "sh", (), None)
    assert node == ast.Call(1, 2, None, "sh", (), None)
