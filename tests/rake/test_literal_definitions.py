"""Definitions written with literals define the same tasks as the calls they were (the DSL's literal forms)."""

from __future__ import annotations

import io

import pytest

from pydrake.application import Application
from pydrake.options import parse_args
from pydrake.runtime.evaluator import NOT_A_FORM
from pydrake.syntax import ast, ast_cache
from pydrake.syntax.parser import parse, parse_file

RAKEFILE = """\
desc "Build everything"
task :default => [:build, "test"]
task "build" => ["out/a.o", :gen]
file "out/a.o" => ["src/a.c", "src/a.h", "src/a.c"] do |t|
  puts t.name
end
file "single" => "dep"
file_create "created"
multitask :all => %w[a b]
multitask({"braced" => ["x"]})
task :args, [:x, :y] => [:build]
task "dup" => "one", "dup" => "two"
task "nested" => [["deep"]]
task :plain
task "build" => ["again"]
desc "Described"
file "f" => []
directory "out"
task "out/a.o" => :late
"""


@pytest.fixture(autouse=True)
def no_cache(monkeypatch):
    monkeypatch.setenv("PYDRAKE_NO_CACHE", "1")
    monkeypatch.setattr(ast_cache, "_folder", False)


def load(tmp_path, source: str, folded: bool) -> Application:
    """An application (recording locations, as -T does) that has run ``source`` as its Rakefile."""
    path = tmp_path / "Rakefile"
    path.write_text(source)
    app = Application(parse_args(["-T"], {}))
    assert app.app.manager.record_task_metadata
    program = parse_file(source, str(path)) if folded else parse(source, str(path))
    assert any(type(st) is ast.LiteralCall for st in program.body) == folded
    out = io.StringIO()
    app.rt.push_output(out, io.StringIO())
    try:
        app.rt.run_program(program, str(path), "<top (required)>")
    finally:
        app.rt.pop_output()
    return app


def snapshot(app: Application) -> list[tuple[object, ...]]:
    return [
        (
            t.name,
            type(t).__name__,
            list(t.prerequisites),
            list(t.order_only_prerequisites),
            list(t.comments),
            [loc[:2] for loc in t.locations],
            t.arg_names,
            len(t.actions),
        )
        for t in app.app.manager.tasks()
    ]


def test_literal_definitions_define_what_the_calls_define(tmp_path):
    expected = snapshot(load(tmp_path, RAKEFILE, folded=False))
    app = load(tmp_path, RAKEFILE, folded=True)
    assert snapshot(app) == expected
    by_name = {entry[0]: entry for entry in expected}
    assert by_name["out/a.o"][2] == ["src/a.c", "src/a.h", "late"]
    assert by_name["dup"][2] == ["two"]
    assert by_name["default"][4] == ["Build everything"]


def test_the_literal_forms_define_the_plain_definitions(tmp_path):
    app = Application(parse_args(["-T"], {}))
    used: list[str] = []
    for fn, form in list(app.rt.literal_forms.items()):

        def counting(rt, recv, args, kw, block=None, form=form):
            result = form(rt, recv, args, kw, block=block)
            used.append("form" if result is not NOT_A_FORM else "values")
            return result

        app.rt.literal_forms[fn] = counting
    path = tmp_path / "Rakefile"
    source = 'desc "A"\nfile "a" => ["b"]\ntask :args, [:x] => [:a]\ndesc :k\ntask "k" => "1", "k" => "2"\n'
    path.write_text(source)
    app.rt.run_program(parse_file(source, str(path)), str(path), "<top (required)>")
    assert used == ["form", "form", "values", "values", "values"]
    assert [(t.name, t.comments) for t in app.app.manager.tasks()] == [("a", ["A"]), ("args", []), ("k", ["k"])]


def test_a_redefined_method_gets_the_literal_values(tmp_path):
    source = 'def task(*args)\n  puts args.inspect\nend\ntask "x" => ["y"]\ntask :z\n'
    path = tmp_path / "Rakefile"
    path.write_text(source)
    app = Application(parse_args([], {}))
    out = io.StringIO()
    app.rt.push_output(out, io.StringIO())
    try:
        app.rt.run_program(parse_file(source, str(path)), str(path), "<top (required)>")
    finally:
        app.rt.pop_output()
    assert out.getvalue() == '[{"x"=>["y"]}]\n[:z]\n'
    assert app.app.manager.tasks() == []
