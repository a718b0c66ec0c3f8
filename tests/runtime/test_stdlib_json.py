"""``require "json"``: generation, pretty printing, parsing and errors exactly as Ruby 3.1 (json 2.6.1) prints them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.runtime.test_interpreter_support import out, ruby_error, run_ruby

DATA = '{ "name" => "app", "version" => 3, "tags" => ["a", "b"], "meta" => { "ok" => true, "none" => nil }, "ratio" => 0.5, "empty" => [], "eh" => {} }'


def test_generate_and_to_json_are_compact() -> None:
    src = f"""
        require "json"
        data = {DATA}
        puts JSON.generate(data), data.to_json
        puts [1, "two", nil, :sym, 1.5, 2**70, -0.0, 1e20].to_json
        puts({{ sym: :val, 1 => 2, nil => 3 }}.to_json, "str".to_json, :sym.to_json, nil.to_json)
    """
    compact = (
        '{"name":"app","version":3,"tags":["a","b"],"meta":{"ok":true,"none":null},"ratio":0.5,"empty":[],"eh":{}}'
    )
    assert out(src) == (
        f"{compact}\n{compact}\n"
        '[1,"two",null,"sym",1.5,1180591620717411303424,-0.0,1.0e+20]\n'
        '{"sym":"val","1":2,"":3}\n"str"\n"sym"\nnull\n'
    )


def test_string_escapes() -> None:
    src = r"""
        require "json"
        puts JSON.generate("q\"uote\\ \n\t\u0001 é / \u2028")
    """
    assert out(src) == '"q\\"uote\\\\ \\n\\t\\u0001 é / \u2028"\n'


def test_pretty_generate_layout() -> None:
    src = f"""
        require "json"
        puts JSON.pretty_generate({DATA})
        puts JSON.pretty_generate([[], {{}}, [[]], [{{}}]]), JSON.pretty_generate([]), JSON.pretty_generate({{}})
        puts JSON.pretty_generate({{"a" => 1}}, indent: "\\t", space_before: " ")
    """
    assert out(src) == (
        "{\n"
        '  "name": "app",\n'
        '  "version": 3,\n'
        '  "tags": [\n    "a",\n    "b"\n  ],\n'
        '  "meta": {\n    "ok": true,\n    "none": null\n  },\n'
        '  "ratio": 0.5,\n'
        '  "empty": [\n\n  ],\n'
        '  "eh": {\n  }\n'
        "}\n"
        "[\n  [\n\n  ],\n  {\n  },\n  [\n    [\n\n    ]\n  ],\n  [\n    {\n    }\n  ]\n]\n"
        "[\n\n]\n{\n}\n"
        '{\n\t"a" : 1\n}\n'
    )


def test_objects_with_their_own_to_json_nest_in_pretty_output() -> None:
    src = """
        require "json"
        class Point
          def initialize(x, y); @x = x; @y = y; end
          def to_json(*a)
            { "x" => @x, "y" => @y }.to_json(*a)
          end
        end
        puts JSON.pretty_generate([Point.new(1, 2)])
        puts JSON.generate({ "p" => Point.new(3, 4) })
    """
    assert out(src) == '[\n  {\n    "x": 1,\n    "y": 2\n  }\n]\n{"p":{"x":3,"y":4}}\n'


def test_parse_values_and_options() -> None:
    src = r"""
        require "json"
        p JSON.parse('{"a": [1, 2.5, "x", null, true, false, -0, 1e3, 1E-2], "b": {"c": "d\u00e9\n"}}')
        p JSON.parse('{"k": {"n": [1]}}', symbolize_names: true)
        p JSON.parse('[NaN, Infinity, -Infinity]', allow_nan: true)
        p JSON.parse(" /* c */ [1] // end\n"), JSON.parse('"\ud83d\ude00"'), JSON.parse("2")
        p JSON.parse('{"a":"b"}').keys.first.frozen?, JSON.parse('[1]', freeze: true).frozen?
    """
    assert out(src) == (
        '{"a"=>[1, 2.5, "x", nil, true, false, 0, 1000.0, 0.01], "b"=>{"c"=>"dé\\n"}}\n'
        "{:k=>{:n=>[1]}}\n"
        "[NaN, Infinity, -Infinity]\n"
        '[1]\n"😀"\n2\n'
        "true\ntrue\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x", "859: unexpected token at 'x'"),
        ("", "859: unexpected token at ''"),
        ("[1,]", "451: unexpected token at ']'"),
        ('{"a":}', "859: unexpected token at '{\"a\":}'"),
        ("[1 2]", "451: unexpected token at '2]'"),
        ("[NaN]", "225: unexpected token at 'NaN]'"),
        ("01", "859: unexpected token at '01'"),
        ("[1.]", "451: unexpected token at '.]'"),
        ('{"a":1,}', "859: unexpected token at '{\"a\":1,}'"),
        ("[Infinity]", "232: unexpected token at '[Infinity]'"),
        ("[-Infinity]", "249: unexpected token at '-Infinity]'"),
        ("[1] /* open", "859: unexpected token at ''"),
        ('"\\ud800x"', "521: incomplete surrogate pair at '\\ud800x\"'"),
    ],
)
def test_parser_error_messages(text: str, message: str) -> None:
    src = f'require "json"\nJSON.parse({text!r})'
    assert ruby_error(src) == ("JSON::ParserError", message)


def test_nesting_and_generator_errors() -> None:
    assert ruby_error('require "json"\nJSON.parse("[[[1]]]", max_nesting: 2)') == (
        "JSON::NestingError",
        "nesting of 3 is too deep",
    )
    assert ruby_error('require "json"\nJSON.generate(0.0/0)') == (
        "JSON::GeneratorError",
        "1003: NaN not allowed in JSON",
    )
    assert ruby_error('require "json"\nJSON.generate([-1.0/0])') == (
        "JSON::GeneratorError",
        "1000: -Infinity not allowed in JSON",
    )
    assert ruby_error('require "json"\nJSON.generate([[[1]]], max_nesting: 2)') == (
        "JSON::NestingError",
        "nesting of 2 is too deep",
    )
    assert ruby_error('require "json"\nJSON.parse(nil)') == ("TypeError", "no implicit conversion of nil into String")


def test_dump_load_and_brackets() -> None:
    src = """
        require "json"
        puts JSON.dump([0.0/0, 1])
        p JSON.load(""), JSON.load(nil), JSON.load("[1]"), JSON["[2]"], JSON[[3]]
        p JSON::ParserError.ancestors.take(4), JSON::VERSION
    """
    assert out(src) == (
        '[NaN,1]\nnil\nnil\n[1]\n[2]\n"[3]"\n[JSON::ParserError, JSON::JSONError, StandardError, Exception]\n"2.6.1"\n'
    )


def test_round_trip_through_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = f"""
        require "json"
        data = {DATA}
        File.write("d.json", JSON.pretty_generate(data) + "\\n")
        p JSON.parse(File.read("d.json")) == data, JSON.load_file("d.json")["tags"]
        File.open("e.json", "w") {{ |f| JSON.dump({{"k" => 1}}, f) }}
        p File.read("e.json")
    """
    assert out(src) == 'true\n["a", "b"]\n"{\\"k\\":1}"\n'


def test_nothing_is_defined_before_the_require() -> None:
    assert ruby_error("JSON") == ("NameError", "uninitialized constant JSON")
    assert ruby_error("1.to_json")[0] == "NoMethodError"
    assert run_ruby('require "json"\np require("json")')[0] == "false\n"
