"""``require "yaml"``: YAML.dump/to_yaml and YAML.load as Ruby 3.1 (Psych 4.0.3, libyaml 0.2.5) write and read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.runtime.test_interpreter_support import out, ruby_error, run_ruby

# Outputs below were recorded from ``ruby`` 3.1.2 running the same scripts.

DUMP_STYLES = r"""require 'yaml'
%w[yes No y n Y ~ null 1.5 1e3 0x1F 012 019 1_000 12:30 2020-01-01 .inf - :a a:b #c @x =].each { |s| print YAML.dump(s) }
["", "a: b", "a #c", " lead", "trail ", "a\tb", "é", "\u0001", "<<", "multi\nline\n", "multi\nline", "trail\n\n", "x\n", "  indented\ntext\n", "😀"].each { |s| print YAML.dump(s) }
print YAML.dump(("word " * 30).strip)
print YAML.dump({"k" => "a" * 130})
print YAML.dump({"a" * 130 => 1})
a = [1]; print YAML.dump({"x" => a, "y" => a})
print YAML.dump([nil, {"a" => nil, nil => 1}, [], {}, [[1, 2], {"b" => [3]}]])
print YAML.dump(1..3), YAML.dump(-0.0), YAML.dump(1e20), YAML.dump(0.0/0), YAML.dump(2**70)
print YAML.dump(%w[a b], indentation: 4), YAML.dump({"x" => [[1]]}, indentation: 4)
print YAML.dump("word " * 5, line_width: 10)
"""

DUMP_STYLES_OUT = r"""--- 'yes'
--- 'No'
--- "y"
--- "n"
--- Y
--- "~"
--- 'null'
--- '1.5'
--- 1e3
--- '0x1F'
--- '012'
--- '019'
--- '1_000'
--- '12:30'
--- '2020-01-01'
--- ".inf"
--- "-"
--- ":a"
--- a:b
--- "#c"
--- "@x"
--- "="
--- ''
--- 'a: b'
--- 'a #c'
--- " lead"
--- 'trail '
--- "a\tb"
--- é
--- "\x01"
--- !!str '<<'
--- |
  multi
  line
--- |-
  multi
  line
--- "trail\n\n"
--- 'x

  '
--- |2
    indented
  text
--- "\U0001F600"
--- word word word word word word word word word word word word word word word word
  word word word word word word word word word word word word word word
---
k: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
---
? aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
: 1
---
x: &1
- 1
"y": *1
---
-
- a:
  ! '': 1
- []
- {}
- - - 1
    - 2
  - b:
    - 3
--- !ruby/range
begin: 1
end: 3
excl: false
--- -0.0
--- 1.0e+20
--- .nan
--- 1180591620717411303424
---
- a
- b
---
x:
-   - 1
--- "word word
  word word
  word "
"""

LOAD_DOCUMENTS = r"""require 'yaml'
DOCS = [
  "name: app\nversion: 1.2.3\ndeps:\n  - rake >= 13\n  - json\nenv:\n  CC: gcc   # compiler\n  CFLAGS: -O2 -Wall\n",
  "# leading comment\n---\nlist:\n- a\n-   b\n-\n  - nested\n  - more\n- key: v\n  other: w\n- [x, y]\n",
  "text: |\n  line 1\n    indented\n  line 3\n\nafter: done\n",
  "keep: |+\n  a\n\n\nstrip: |-\n  b\n\nclip: |\n  c\n\n\n",
  "fold: >\n  one\n  two\n\n  three\n    more indented\n  four\nlast: x\n",
  "ind: |2\n    two extra\n  base\n",
  "plain: this is\n  a multi line\n  plain scalar\n\n  with para\nq: 'single\n  quoted'\nd: \"double\\n\n  folded \\\n  joined\"\n",
  "base: &base\n  a: 1\n  b: 2\nderived:\n  <<: *base\n  b: 3\nlist: &l [1, 2]\nref: *l\n",
  "multi: [\n  a, b,\n  c\n]\nmap: {a: 1,\n  b: 2}\nempty_seq: []\nempty_map: {}\n",
  "? complex key\n: value\n? [a, b]\n: seq key\nnull_val:\n~: tilde key\n",
  "crlf: a\r\nnext: b\r\nlist:\r\n  - 1\r\n  - 2\r\n",
  "spaced key: v\n\"quoted key\": 1\n'single key': 2\n123: int key\n1.5: float key\ntrue: bool key\n",
  "str: !!str 123\nint: !!int '42'\nfloat: !!float 3\nsym: !ruby/symbol name\nbin: !!binary aGVsbG8=\n",
  "--- 1\n...\n--- 2\n",
  "%YAML 1.1\n---\na: b\n",
  "a:\n  b:\n    c:\n      d: deep\n  e: f\ng: h\n",
  "- - - triple\n    - nest\n  - x\n- y\n",
  "k: v # comment\n# full comment\n  # indented comment\nk2: v2\n",
  "url: http://example.com:8080/path?x=1#frag\ntime: 12:30:45\nver: 1.10\noct: 0755\nhex: 0xFF\nneg: -12\nexp: 1.5e+3\n",
  "yes: no\non: off\nY: N\nNULL: Null\n",
  "s1: 'it''s'\ns2: \"tab\\there \\u263A \\x41\"\ns3: \"a\\\n  b\"\n",
  "- &a !!str foo\n- *a\n",
  "emptydoc:\n",
  "x: - not a seq\n",
  "key with: colon: inside\n",
  "a: b:c\nd: e :f\ng: 'h: i'\n",
  "list:\n- a\n- b\nnext: c\n",
  "  indented: doc\n  more: here\n",
  "[a, [b, c], {d: e}]",
  "{a: [1, 2], b: {c: d}, e}",
  "- !!null\n- !!bool true\n- ! plain\n",
  "date: 2020-13-45\nnot_time: 2020-01-01 99:99:99\n",
  "sexa: 190:20:30\nsexf: 1:30.5\n",
  "- .5\n- +.5\n- 1.\n- -1.5e-3\n- 1_000.5\n- ._\n- .\n",
  "- 0b1010\n- -0x1A\n- +017\n- 0o17\n- 1_2_3\n- 12,345,678\n",
  "folded_key: >-\n  no trailing\n  newline\nlit_keep: |+\n  keep\n",
  "anchor_map: &m {x: 1}\nalias_seq:\n- *m\n- *m\n",
  "a: 1\n---\nb: 2\n",
  "\uFEFFbom: true\n",
  "long: " + "word " * 30 + "\n",
  "tabs:\tvalue\n",
]
DOCS.each do |d|
  begin
    p YAML.load(d, aliases: true)
  rescue Psych::SyntaxError, Psych::Exception => e
    puts "ERR #{e.class}: #{e.message}"
  end
end
p YAML.load_stream("--- 1\n--- [2]\n...\n--- {a: b}\n")
p YAML.load(DOCS[0], symbolize_names: true)
"""

LOAD_DOCUMENTS_OUT = r"""{"name"=>"app", "version"=>"1.2.3", "deps"=>["rake >= 13", "json"], "env"=>{"CC"=>"gcc", "CFLAGS"=>"-O2 -Wall"}}
{"list"=>["a", "b", ["nested", "more"], {"key"=>"v", "other"=>"w"}, ["x", "y"]]}
{"text"=>"line 1\n  indented\nline 3\n", "after"=>"done"}
{"keep"=>"a\n\n\n", "strip"=>"b", "clip"=>"c\n"}
{"fold"=>"one two\nthree\n  more indented\nfour\n", "last"=>"x"}
{"ind"=>"  two extra\nbase\n"}
{"plain"=>"this is a multi line plain scalar\nwith para", "q"=>"single quoted", "d"=>"double\n folded joined"}
{"base"=>{"a"=>1, "b"=>2}, "derived"=>{"a"=>1, "b"=>3}, "list"=>[1, 2], "ref"=>[1, 2]}
{"multi"=>["a", "b", "c"], "map"=>{"a"=>1, "b"=>2}, "empty_seq"=>[], "empty_map"=>{}}
{"complex key"=>"value", ["a", "b"]=>"seq key", "null_val"=>nil, nil=>"tilde key"}
{"crlf"=>"a", "next"=>"b", "list"=>[1, 2]}
{"spaced key"=>"v", "quoted key"=>1, "single key"=>2, 123=>"int key", 1.5=>"float key", true=>"bool key"}
{"str"=>"123", "int"=>42, "float"=>3.0, "sym"=>:name, "bin"=>"hello"}
1
{"a"=>"b"}
{"a"=>{"b"=>{"c"=>{"d"=>"deep"}}, "e"=>"f"}, "g"=>"h"}
[[["triple", "nest"], "x"], "y"]
{"k"=>"v", "k2"=>"v2"}
{"url"=>"http://example.com:8080/path?x=1#frag", "time"=>45045, "ver"=>1.1, "oct"=>493, "hex"=>255, "neg"=>-12, "exp"=>1500.0}
{true=>false, "Y"=>"N", nil=>nil}
{"s1"=>"it's", "s2"=>"tab\there ☺ A", "s3"=>"ab"}
["foo", "foo"]
{"emptydoc"=>nil}
ERR Psych::SyntaxError: (<unknown>): block sequence entries are not allowed in this context at line 1 column 4
ERR Psych::SyntaxError: (<unknown>): mapping values are not allowed in this context at line 1 column 16
{"a"=>"b:c", "d"=>"e :f", "g"=>"h: i"}
{"list"=>["a", "b"], "next"=>"c"}
{"indented"=>"doc", "more"=>"here"}
["a", ["b", "c"], {"d"=>"e"}]
{"a"=>[1, 2], "b"=>{"c"=>"d"}, "e"=>nil}
[nil, true, "plain"]
ERR Psych::DisallowedClass: Tried to load unspecified class: Time
{"sexa"=>685230, "sexf"=>5430.0}
[0.5, 0.5, 1.0, -0.0015, 1000.5, "._", "."]
[10, -26, 15, "0o17", 123, 12345678]
{"folded_key"=>"no trailing newline", "lit_keep"=>"keep\n"}
{"anchor_map"=>{"x"=>1}, "alias_seq"=>[{"x"=>1}, {"x"=>1}]}
{"a"=>1}
{"bom"=>true}
{"long"=>"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word"}
{"tabs"=>"value"}
[1, [2], {"a"=>"b"}]
{:name=>"app", :version=>"1.2.3", :deps=>["rake >= 13", "json"], :env=>{:CC=>"gcc", :CFLAGS=>"-O2 -Wall"}}
"""

SYNTAX_ERRORS = r"""require 'yaml'
["a: b: c", "- a\nb: 1", "[1, 2", "{a: 1", "a: 'x", "a:\n  - 1\n - 2", "key: [a, b]]", "\tx: 1", "a: [", "a:\n\tb: 1", "- a\n  - b", "a: |\n  x\n b: 2", "a: \"\\q\"", "&", "*", "!<x", "a: 1\n  b: 2", "? a\n? b\nc", "a: {b: c]", "- [a\n- b", "%FOO bar\n--- x", "%YAML 2.0\n--- x", "--- a\n--- b: c: d", "x: @foo", "x: `cmd`", "a:\n  - b\n  c: d", "\"unterminated", "a: b\n- c", "{a: 1}}", "a: !foo!bar x", "key: 'quoted' trailing"].each do |s|
  begin
    p YAML.load(s)
  rescue Psych::SyntaxError => e
    puts "#{e.message} | #{e.line} #{e.column} #{e.offset} #{e.problem.inspect} #{e.context.inspect}"
  end
end
"""

SYNTAX_ERRORS_OUT = r"""(<unknown>): mapping values are not allowed in this context at line 1 column 5 | 1 5 0 "mapping values are not allowed in this context" nil
(<unknown>): did not find expected '-' indicator while parsing a block collection at line 1 column 1 | 1 1 0 "did not find expected '-' indicator" "while parsing a block collection"
(<unknown>): did not find expected ',' or ']' while parsing a flow sequence at line 1 column 1 | 1 1 0 "did not find expected ',' or ']'" "while parsing a flow sequence"
(<unknown>): did not find expected ',' or '}' while parsing a flow mapping at line 1 column 1 | 1 1 0 "did not find expected ',' or '}'" "while parsing a flow mapping"
(<unknown>): found unexpected end of stream while scanning a quoted scalar at line 1 column 4 | 1 4 0 "found unexpected end of stream" "while scanning a quoted scalar"
(<unknown>): did not find expected key while parsing a block mapping at line 1 column 1 | 1 1 0 "did not find expected key" "while parsing a block mapping"
(<unknown>): did not find expected key while parsing a block mapping at line 1 column 1 | 1 1 0 "did not find expected key" "while parsing a block mapping"
(<unknown>): found character that cannot start any token while scanning for the next token at line 1 column 1 | 1 1 0 "found character that cannot start any token" "while scanning for the next token"
(<unknown>): did not find expected node content while parsing a flow node at line 2 column 1 | 2 1 0 "did not find expected node content" "while parsing a flow node"
(<unknown>): found character that cannot start any token while scanning for the next token at line 2 column 1 | 2 1 0 "found character that cannot start any token" "while scanning for the next token"
["a - b"]
(<unknown>): did not find expected key while parsing a block mapping at line 1 column 1 | 1 1 0 "did not find expected key" "while parsing a block mapping"
(<unknown>): found unknown escape character while parsing a quoted scalar at line 1 column 4 | 1 4 0 "found unknown escape character" "while parsing a quoted scalar"
(<unknown>): did not find expected alphabetic or numeric character while scanning an anchor at line 1 column 1 | 1 1 0 "did not find expected alphabetic or numeric character" "while scanning an anchor"
(<unknown>): did not find expected alphabetic or numeric character while scanning an alias at line 1 column 1 | 1 1 0 "did not find expected alphabetic or numeric character" "while scanning an alias"
(<unknown>): did not find the expected '>' while scanning a tag at line 1 column 1 | 1 1 0 "did not find the expected '>'" "while scanning a tag"
(<unknown>): mapping values are not allowed in this context at line 2 column 4 | 2 4 0 "mapping values are not allowed in this context" nil
(<unknown>): could not find expected ':' while scanning a simple key at line 3 column 1 | 3 1 0 "could not find expected ':'" "while scanning a simple key"
(<unknown>): did not find expected ',' or '}' while parsing a flow mapping at line 1 column 4 | 1 4 0 "did not find expected ',' or '}'" "while parsing a flow mapping"
(<unknown>): did not find expected ',' or ']' while parsing a flow sequence at line 1 column 3 | 1 3 0 "did not find expected ',' or ']'" "while parsing a flow sequence"
(<unknown>): found unknown directive name while scanning a directive at line 1 column 1 | 1 1 0 "found unknown directive name" "while scanning a directive"
(<unknown>): found incompatible YAML document at line 1 column 1 | 1 1 0 "found incompatible YAML document" nil
"a"
(<unknown>): found character that cannot start any token while scanning for the next token at line 1 column 4 | 1 4 0 "found character that cannot start any token" "while scanning for the next token"
(<unknown>): found character that cannot start any token while scanning for the next token at line 1 column 4 | 1 4 0 "found character that cannot start any token" "while scanning for the next token"
(<unknown>): did not find expected '-' indicator while parsing a block collection at line 2 column 3 | 2 3 0 "did not find expected '-' indicator" "while parsing a block collection"
(<unknown>): found unexpected end of stream while scanning a quoted scalar at line 1 column 1 | 1 1 0 "found unexpected end of stream" "while scanning a quoted scalar"
(<unknown>): did not find expected key while parsing a block mapping at line 1 column 1 | 1 1 0 "did not find expected key" "while parsing a block mapping"
{"a"=>1}
(<unknown>): found undefined tag handle while parsing a node at line 1 column 4 | 1 4 0 "found undefined tag handle" "while parsing a node"
(<unknown>): did not find expected key while parsing a block mapping at line 1 column 1 | 1 1 0 "did not find expected key" "while parsing a block mapping"
"""


def test_dump_quoting_block_scalars_anchors_and_folding() -> None:
    assert out(DUMP_STYLES) == DUMP_STYLES_OUT


def test_dump_of_plain_data_as_psych_formats_it() -> None:
    src = """
        require "yaml"
        data = { "name" => "app", "version" => 3, "tags" => ["a", "b"], "meta" => { "ok" => true, "none" => nil }, "ratio" => 0.5, "empty" => [] }
        puts data.to_yaml
        puts YAML.dump({ "list" => [1, "2", "yes", "x y", "", "a: b", "#c"], "sym" => :s, "nested" => { "k" => [] }, "multi" => "a\nb\n", "f" => 1.0, "t" => true })
        puts [{ "name" => "x", "deps" => %w[a b] }].to_yaml, nil.to_yaml, :a.to_yaml, [].to_yaml
    """
    assert out(src) == (
        "---\nname: app\nversion: 3\ntags:\n- a\n- b\nmeta:\n  ok: true\n  none:\nratio: 0.5\nempty: []\n"
        "---\nlist:\n- 1\n- '2'\n- 'yes'\n- x y\n- ''\n- 'a: b'\n- \"#c\"\nsym: :s\nnested:\n  k: []\n"
        "multi: |\n  a\n  b\nf: 1.0\nt: true\n"
        "---\n- name: x\n  deps:\n  - a\n  - b\n"
        "---\n--- :a\n--- []\n"
    )


def test_load_documents_types_styles_and_merges() -> None:
    assert out(LOAD_DOCUMENTS) == LOAD_DOCUMENTS_OUT


def test_syntax_errors_name_problem_context_and_position() -> None:
    assert out(SYNTAX_ERRORS) == SYNTAX_ERRORS_OUT


def test_yaml_1_1_scalars() -> None:
    src = """
        require "yaml"
        words = %w[yes no on off y n Yes ~ null 1_000 0x1f 0o17 017 019 0b101 1:30 .5 1. 1e3 1.0e+3 -.inf +1 12,345 :sym]
        p YAML.load(words.map { |w| "- #{w}\\n" }.join + "- ':q'\\n")
        p YAML.load("[a, :sym]") rescue puts $!.message
    """
    assert out(src) == (
        '[true, false, true, false, "y", "n", true, nil, nil, 1000, 31, "0o17", 15, "019", 5, 5400, 0.5, 1.0,'
        ' "1e3", 1000.0, -Infinity, 1, 12345, :sym, ":q"]\n'
        "(<unknown>): did not find expected node content while parsing a flow node at line 1 column 5\n"
    )


def test_safe_load_restrictions_and_aliases() -> None:
    src = """
        require "yaml"
        def t(s, **kw)
          p YAML.safe_load(s, **kw)
        rescue Psych::Exception => e
          puts "#{e.class}: #{e.message}"
        end
        t(":sym")
        t(":sym", permitted_classes: [Symbol])
        t("a: &x [1]\nb: *x\n")
        t("a: &x [1]\nb: *x\n", aliases: true)
        t("2020-01-01")
        t("2001-02-03T04:05:06Z")
        t("--- !ruby/object:Foo\na: 1\n")
        t("a: 1", symbolize_names: true)
        p YAML.load(""), YAML.unsafe_load(""), YAML.load("--- ~"), YAML.load("a: 1", freeze: true).frozen?
        p YAML.load_stream("--- 1\n--- [2]\n...\n--- {a: b}\n")
    """
    assert out(src) == (
        "Psych::DisallowedClass: Tried to load unspecified class: Symbol\n"
        ":sym\n"
        "Psych::BadAlias: Unknown alias: x\n"
        '{"a"=>[1], "b"=>[1]}\n'
        "Psych::DisallowedClass: Tried to load unspecified class: Date\n"
        "Psych::DisallowedClass: Tried to load unspecified class: Time\n"
        "Psych::DisallowedClass: Tried to load unspecified class: Foo\n"
        "{:a=>1}\n"
        "nil\nfalse\nnil\ntrue\n"
        '[1, [2], {"a"=>"b"}]\n'
    )


def test_positional_options_are_refused_as_psych_4_does() -> None:
    assert ruby_error('require "yaml"\nYAML.safe_load("a: 1", [Symbol])') == (
        "ArgumentError",
        "wrong number of arguments (given 2, expected 1)",
    )


def test_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = """
        require "yaml"
        File.write("conf.yml", "build:\n  cc: gcc\n  flags:\n    - -O2\n    - -Wall\n")
        conf = YAML.load_file("conf.yml")
        p conf, conf["build"]["flags"].join(" "), YAML.safe_load_file("conf.yml", symbolize_names: true)
        File.open("out.yml", "w") { |f| YAML.dump({ "k" => [1] }, f) }
        p File.read("out.yml")
        File.write("empty.yml", "")
        p YAML.load_file("empty.yml")
        File.write("bad.yml", "a: [")
        begin
          YAML.load_file("bad.yml")
        rescue Psych::SyntaxError => e
          p e.message, e.file, e.line, e.column, e.problem, e.context
        end
    """
    assert out(src) == (
        '{"build"=>{"cc"=>"gcc", "flags"=>["-O2", "-Wall"]}}\n'
        '"-O2 -Wall"\n'
        '{:build=>{:cc=>"gcc", :flags=>["-O2", "-Wall"]}}\n'
        '"---\\nk:\\n- 1\\n"\n'
        "nil\n"
        '"(bad.yml): did not find expected node content while parsing a flow node at line 2 column 1"\n'
        '"bad.yml"\n2\n1\n"did not find expected node content"\n"while parsing a flow node"\n'
    )


def test_psych_is_the_same_library() -> None:
    assert out('require "psych"\np Psych::VERSION, defined?(YAML), 1.to_yaml') == '"4.0.3"\nnil\n"--- 1\\n"\n'
    assert ruby_error("YAML")[0] == "NameError"
    assert run_ruby('require "yaml"\np require("psych")')[0] == "false\n"
