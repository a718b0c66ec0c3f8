"""Rake::FileList against Rake 13.0.6: Ruby source run through the interpreter, outputs recorded with real Rake."""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from pydrake.rake.file_list import FILE_LIST, FileList, clean_list, delegated_names
from pydrake.runtime.classes import CORE
from pydrake.runtime.interpreter import Interpreter
from pydrake.runtime.objects import RString, RubyError


@dataclass(frozen=True)
class Case:
    """Files to create (a trailing ``/`` makes a directory; ``name=text`` gives content), a program, its stdout."""

    files: tuple[str, ...]
    source: str
    stdout: str
    stderr: str = ""


def make_files(root: Path, files: tuple[str, ...]) -> None:
    """Create the files and directories of a case under ``root``."""
    for spec in files:
        name, _, text = spec.partition("=")
        path = root / name
        if name.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text.replace("\\n", "\n"))


def new_runtime() -> Interpreter:
    """An interpreter that sees FileList and Rake as a Rakefile does."""
    rt = Interpreter()
    rt.constants["Rake"] = CORE["Rake"]
    rt.constants["FileList"] = FILE_LIST
    return rt


def run(source: str) -> tuple[str, str]:
    """Run Ruby source in the current directory; its stdout and stderr."""
    rt = new_runtime()
    out, err = io.StringIO(), io.StringIO()
    rt.push_output(out, err)
    try:
        rt.eval_source(source, "Rakefile")
    finally:
        rt.pop_output()
    return out.getvalue(), err.getvalue()


CASES: dict[str, Case] = {
    # conformance case glob_results_sorted_and_to_s
    "glob_sorted_and_to_s": Case(
        ("zeta.c=z", "alpha.c=a", "Mid.c=m", "beta.c=b", "util.h", "api.hpp", "app.h", "notes.txt"),
        """
        SOURCES = FileList["*.c"]
        puts "count: #{SOURCES.size}"
        SOURCES.each { |f| puts "item #{f}" }
        puts "to_s: " + SOURCES.to_s
        puts "interpolated: [#{SOURCES}]"
        puts "first/last: #{SOURCES.first} #{SOURCES.last}"
        puts "headers: #{FileList['*.h', '*.hpp']}"
        puts "none: [#{FileList['*.xyz']}]"
        """,
        "count: 4\nitem Mid.c\nitem alpha.c\nitem beta.c\nitem zeta.c\nto_s: Mid.c alpha.c beta.c zeta.c\n"
        "interpolated: [Mid.c alpha.c beta.c zeta.c]\nfirst/last: Mid.c zeta.c\nheaders: app.h util.h api.hpp\n"
        "none: []\n",
    ),
    # conformance case default_excludes_and_clear_exclude
    "default_excludes": Case(
        (
            "src/CVS/",
            "lib/core/",
            ".svn/",
            "src/main.c",
            "src/main.c~",
            "src/main.c.bak",
            "src/core",
            "src/CVS/Entries",
            "lib/core/mem.c",
            ".svn/entries",
            ".profile",
            "README",
        ),
        """
        puts "default: #{FileList['**/*']}"
        everything = FileList["**/*"]
        everything.clear_exclude
        puts "clear_exclude: #{everything}"
        puts "literals: [#{FileList['notes.txt~', 'old.bak', 'core', 'CVS/Root', 'kept.txt']}]"
        """,
        "default: README lib lib/core lib/core/mem.c src src/main.c\n"
        "clear_exclude: README lib lib/core lib/core/mem.c src src/CVS src/CVS/Entries src/core src/main.c "
        "src/main.c.bak src/main.c~\nliterals: [kept.txt]\n",
    ),
    # conformance case include_and_exclude
    "include_and_exclude": Case(
        (
            "src/main.c=small\\n",
            "src/io_win.c=s\\n",
            "src/io_mac.c=s\\n",
            "src/io_posix.c=s\\n",
            "src/test_io.c=s\\n",
            "extra/big.c=a much longer file\\n",
            "extra/tiny.c=x\\n",
        ),
        """
        files = FileList["src/*.c"]
        files.include("extra/*.c", "generated.c")
        puts "all: #{files}"
        puts "glob exclude: #{FileList['src/*.c'].exclude('src/test_*.c')}"
        puts "regexp exclude: #{FileList['src/*.c'].exclude(/_(win|mac)\\.c$/)}"
        puts "exact exclude: #{FileList['src/*.c'].exclude('src/main.c')}"
        big = FileList["src/*.c", "extra/*.c"].exclude { |f| File.size(f) > 10 }
        puts "block exclude: #{big}"
        several = FileList["src/*.c"].exclude("src/test_*.c", /_win/)
        puts "two excludes: #{several}"
        """,
        "all: src/io_mac.c src/io_posix.c src/io_win.c src/main.c src/test_io.c extra/big.c extra/tiny.c generated.c\n"
        "glob exclude: src/io_mac.c src/io_posix.c src/io_win.c src/main.c\n"
        "regexp exclude: src/io_posix.c src/main.c src/test_io.c\n"
        "exact exclude: src/io_mac.c src/io_posix.c src/io_win.c src/test_io.c\n"
        "block exclude: src/io_mac.c src/io_posix.c src/io_win.c src/main.c src/test_io.c extra/tiny.c\n"
        "two excludes: src/io_mac.c src/io_posix.c src/main.c\n",
    ),
    # conformance case literal_entries_and_existing
    "literal_entries_and_existing": Case(
        ("conf.d/", "defaults.cfg", "site.cfg", "conf.d/b.cfg", "conf.d/a.cfg"),
        """
        CONFIGS = FileList["defaults.cfg", "local.cfg", "site.cfg", "conf.d/*.cfg"]
        puts "listed:   #{CONFIGS}"
        puts "existing: #{CONFIGS.existing}"
        puts "still:    #{CONFIGS}"
        p CONFIGS.existing.class
        p CONFIGS.existing!.equal?(CONFIGS)
        puts "after existing!: #{CONFIGS}"
        p FileList["site.cfg", "site.cfg", "nope"].existing
        """,
        "listed:   defaults.cfg local.cfg site.cfg conf.d/a.cfg conf.d/b.cfg\n"
        "existing: defaults.cfg site.cfg conf.d/a.cfg conf.d/b.cfg\n"
        "still:    defaults.cfg local.cfg site.cfg conf.d/a.cfg conf.d/b.cfg\n"
        "Rake::FileList\ntrue\n"
        "after existing!: defaults.cfg site.cfg conf.d/a.cfg conf.d/b.cfg\n"
        '["site.cfg"]\n',
    ),
    # conformance case ext_pathmap_sub_gsub
    "ext_pathmap_sub_gsub": Case(
        ("src/net/", "src/main.c", "src/util.c", "src/net/http.c"),
        """
        SRC = FileList["src/**/*.c"]
        puts "sources:  #{SRC}"
        puts "ext:      #{SRC.ext('o')}"
        puts "ext dot:  #{SRC.ext('.obj')}"
        puts "pathmap:  #{SRC.pathmap('build/%n.o')}"
        puts "pathmap2: #{SRC.pathmap('%{^src,obj}X.o')}"
        puts "sub:      #{SRC.sub(/^src/, 'out')}"
        puts "gsub:     #{SRC.gsub('/', '_')}"
        puts "class:    #{SRC.ext('o').class}"
        puts "original: #{SRC}"
        """,
        "sources:  src/main.c src/net/http.c src/util.c\n"
        "ext:      src/main.o src/net/http.o src/util.o\n"
        "ext dot:  src/main.obj src/net/http.obj src/util.obj\n"
        "pathmap:  build/main.o build/http.o build/util.o\n"
        "pathmap2: obj/main.o obj/net/http.o obj/util.o\n"
        "sub:      out/main.c out/net/http.c out/util.c\n"
        "gsub:     src_main.c src_net_http.c src_util.c\n"
        "class:    Rake::FileList\n"
        "original: src/main.c src/net/http.c src/util.c\n",
    ),
    # conformance case single_and_double_star_globs
    "star_globs": Case(
        (
            "lib/core/ext/",
            "lib/util/",
            "a.rb",
            "b.rb",
            "ab.rb",
            "c.rb",
            "lib/x.rb",
            "lib/core/y.rb",
            "lib/core/ext/z.rb",
            "lib/util/w.rb",
            "lib/util/readme.txt",
        ),
        """
        puts "*.rb:          #{FileList['*.rb']}"
        puts "*/*.rb:        #{FileList['*/*.rb']}"
        puts "**/*.rb:       #{FileList['**/*.rb']}"
        puts "lib/**/*.rb:   #{FileList['lib/**/*.rb']}"
        puts "lib/*/*.rb:    #{FileList['lib/*/*.rb']}"
        puts "?.rb:          #{FileList['?.rb']}"
        puts "[ab]*.rb:      #{FileList['[ab]*.rb']}"
        puts "{a,lib/x}.rb:  #{FileList['{a,lib/x}.rb']}"
        puts "lib/**/:       #{FileList['lib/**/']}"
        """,
        "*.rb:          a.rb ab.rb b.rb c.rb\n"
        "*/*.rb:        lib/x.rb\n"
        "**/*.rb:       a.rb ab.rb b.rb c.rb lib/core/ext/z.rb lib/core/y.rb lib/util/w.rb lib/x.rb\n"
        "lib/**/*.rb:   lib/core/ext/z.rb lib/core/y.rb lib/util/w.rb lib/x.rb\n"
        "lib/*/*.rb:    lib/core/y.rb lib/util/w.rb\n"
        "?.rb:          a.rb b.rb c.rb\n"
        "[ab]*.rb:      a.rb ab.rb b.rb\n"
        "{a,lib/x}.rb:  a.rb lib/x.rb\n"
        "lib/**/:       lib/ lib/core/ lib/core/ext/ lib/util/\n",
    ),
    # conformance case lazy_resolution, without the task machinery
    "lazy_resolution": Case(
        ("logs/", "logs/old.log"),
        """
        LOGS = FileList["logs/*.log"]
        File.write("logs/b.log", "")
        File.write("logs/a.log", "")
        puts "first look: #{LOGS}"
        File.write("logs/c.log", "")
        puts "second look: #{LOGS}"
        puts "fresh list: #{FileList['logs/*.log']}"
        LOGS.include("logs/c*")
        puts "included again: #{LOGS}"
        """,
        "first look: logs/a.log logs/b.log logs/old.log\n"
        "second look: logs/a.log logs/b.log logs/old.log\n"
        "fresh list: logs/a.log logs/b.log logs/c.log logs/old.log\n"
        "included again: logs/a.log logs/b.log logs/old.log logs/c.log\n",
    ),
    "new_with_block_and_nesting": Case(
        ("a.c", "b.c", "x.h", "sub/", "sub/y.c"),
        """
        p FileList.new("*.c", "x") { |fl| fl.exclude "b.c" }
        p FileList.new
        p FileList[FileList["*.c"]] == FileList["*.c"]
        p FileList[["a", ["b"]], FileList["*.h"]]
        fl = FileList.new
        p fl.include("*.c").equal?(fl), fl.add("*.h").equal?(fl)
        p fl
        p FileList.glob("**/*.c")
        p FileList.glob("*.c").class
        p FileList[:sym, "x"]
        """,
        '["a.c", "x"]\n[]\ntrue\n["a", "b", "x.h"]\ntrue\ntrue\n["a.c", "b.c", "x.h"]\n'
        '["a.c", "b.c", "sub/y.c"]\nArray\n[:sym, "x"]\n',
    ),
    "exclude_forms": Case(
        ("abc.c", "abc.h", "abc.x", "xyz.c", "existing", "src/sub/", "src/x.c", "src/sub/y.c"),
        """
        p FileList["*"].exclude(/.*\\.[hcx]$/)
        p FileList["*"].exclude("abc.c")
        p FileList["*"].exclude("{abc,xyz}.c")
        p FileList["*"].exclude(["existing", "*.c"])
        p FileList["*"].exclude(FileList["*.c", "*.h"])
        p FileList["*.c", "zz.c"].exclude("*.c")
        p FileList["src/**/*.c"].exclude("src/*")
        fl = FileList["*.c"]
        p fl.exclude(/abc/).equal?(fl)
        fl = FileList["*.c"].exclude { |f| f.start_with?("x") }
        p fl, fl.excluded_from_list?("xyz.c"), fl.excluded_from_list?("abc.c")
        p FileList["*.c", "a~", "b.bak"].exclude(/~\\d+$/)
        """,
        '["existing", "src"]\n'
        '["abc.h", "abc.x", "existing", "src", "xyz.c"]\n'
        '["abc.h", "abc.x", "existing", "src"]\n'
        '["abc.h", "abc.x", "src"]\n'
        '["abc.x", "existing", "src"]\n'
        "[]\n"
        '["src/sub/y.c"]\n'
        "true\n"
        '["abc.c"]\ntrue\nfalse\n'
        '["abc.c", "xyz.c"]\n',
    ),
    "exclude_on_resolved_list_filters_now_and_later": Case(
        ("a.c", "b.c", "c.c", "a.h"),
        """
        fl = FileList["*.c"]
        fl.resolve
        fl.exclude("b.c")
        p fl
        fl.include("*.h", "b.c")
        p fl
        fl << "b.c"
        p fl
        q = FileList.new
        q << "x.bak"
        p q
        """,
        '["a.c", "c.c"]\n["a.c", "c.c", "a.h"]\n["a.c", "c.c", "a.h", "b.c"]\n["x.bak"]\n',
    ),
    "array_delegation": Case(
        ("a.c", "b.c", "c.h"),
        """
        fl = FileList["*.c"]
        %w[map sort select reject grep find_all compact flatten uniq].each do |m|
          r = m == "grep" ? fl.grep("a.c") : (m == "map" || m == "select" || m == "reject" || m == "find_all") ? fl.send(m) { |x| x =~ /a/ ? x : nil } : fl.send(m)
          puts "#{m}: #{r.class} #{r.inspect}"
        end
        puts "sort_by: #{fl.sort_by { |x| x.size }.class}"
        puts "values_at: #{fl.values_at(1, 0).class} #{fl.values_at(1, 0).inspect}"
        puts "+: #{(fl + ["z"]).class} #{(fl + ["z"]).inspect}"
        puts "-: #{(fl - ["a.c"]).class}"
        puts "&: #{(fl & ["a.c"]).class}"
        puts "|: #{(fl | ["z"]).class}"
        puts "*2: #{(fl * 2).class} #{(fl * 2).inspect}"
        puts "*s: #{(FileList["a.c", "b.c"] * ",").inspect}"
        a, b = fl.partition { |x| x =~ /a/ }
        puts "partition: #{a.class} #{a.inspect} #{b.class} #{b.inspect}"
        puts "zip: #{fl.zip([1, 2]).class} #{fl.zip([1, 2]).inspect}"
        puts "filter: #{fl.filter { true }.class}"
        puts "first: #{fl.first} #{fl[0]} #{fl.last} #{fl[-1]} #{fl.first(1).class}"
        puts "size: #{fl.size} #{fl.length} #{fl.empty?} #{FileList['*.z'].empty?} #{fl.include?('a.c')}"
        puts "each: #{fl.each { }.equal?(fl)} #{fl.sort!.equal?(fl)} #{fl.push('d').equal?(fl)}"
        puts "each_with_index: #{fl.each_with_index.class}"
        puts "join: #{fl.join(',')}"
        puts "to_a: #{fl.to_a.class} #{fl.to_ary.class} #{fl.to_a.equal?(fl.to_a)}"
        puts "concat: #{fl.concat(['e']).class} #{fl.inspect}"
        puts "splat: #{[*FileList['*.c']].inspect} #{(['q'] + FileList['*.c']).class}"
        puts "flatten: #{[FileList['*.c'], ['z']].flatten.inspect}"
        puts "inject: #{FileList['*.c'].inject(0) { |s, x| s + x.size }}"
        puts "map!: #{FileList['*.c'].map! { |x| x.upcase }.class}"
        """,
        'map: Rake::FileList ["a.c", nil]\n'
        'sort: Rake::FileList ["a.c", "b.c"]\n'
        'select: Rake::FileList ["a.c"]\n'
        'reject: Rake::FileList ["b.c"]\n'
        'grep: Rake::FileList ["a.c"]\n'
        'find_all: Rake::FileList ["a.c"]\n'
        'compact: Rake::FileList ["a.c", "b.c"]\n'
        'flatten: Rake::FileList ["a.c", "b.c"]\n'
        'uniq: Rake::FileList ["a.c", "b.c"]\n'
        "sort_by: Rake::FileList\n"
        'values_at: Rake::FileList ["b.c", "a.c"]\n'
        '+: Rake::FileList ["a.c", "b.c", "z"]\n'
        "-: Rake::FileList\n&: Rake::FileList\n|: Rake::FileList\n"
        '*2: Rake::FileList ["a.c", "b.c", "a.c", "b.c"]\n'
        '*s: "a.c,b.c"\n'
        'partition: Rake::FileList ["a.c"] Rake::FileList ["b.c"]\n'
        'zip: Array [["a.c", 1], ["b.c", 2]]\n'
        "filter: Array\n"
        "first: a.c a.c b.c b.c Array\n"
        "size: 2 2 false true true\n"
        "each: true true true\n"
        "each_with_index: Enumerator\n"
        "join: a.c,b.c,d\n"
        "to_a: Array Array true\n"
        'concat: Rake::FileList ["a.c", "b.c", "d", "e"]\n'
        'splat: ["a.c", "b.c"] Array\n'
        'flatten: ["a.c", "b.c", "z"]\n'
        "inject: 6\n"
        "map!: Rake::FileList\n",
    ),
    "identity_and_equality": Case(
        ("a.c", "b.c"),
        """
        fl = FileList["*.c"]
        p fl.is_a?(Array), fl.kind_of?(Array), fl.is_a?(Rake::FileList), fl.is_a?(Object), fl.is_a?(String)
        p fl.instance_of?(Array), fl.instance_of?(Rake::FileList), fl.instance_of?(FileList)
        p fl.class, Array === fl, fl.respond_to?(:to_ary)
        p fl == ["a.c", "b.c"], ["a.c", "b.c"] == fl, fl == FileList["a.c", "b.c"], fl == ["a.c"]
        p fl.equal?(["a.c", "b.c"]), fl.eql?(FileList["*.c"])
        p fl <=> ["a.c", "b.c"], fl <=> ["a.c"], fl <=> FileList["b.c"]
        p fl.inspect, fl.to_s
        p [fl]
        """,
        "true\ntrue\ntrue\ntrue\nfalse\n"
        "false\ntrue\ntrue\n"
        "Rake::FileList\nfalse\ntrue\n"
        "true\ntrue\ntrue\nfalse\n"
        "false\nfalse\n"
        "0\n1\n-1\n"
        '"[\\"a.c\\", \\"b.c\\"]"\n"a.c b.c"\n'
        '[["a.c", "b.c"]]\n',
    ),
    "sub_and_gsub_bang": Case(
        (),
        """
        orig = ["src/a.java", "src/b.java"]
        fl = FileList[*orig]
        p fl.sub(/^src\\/(\\w+)/, 'x/\\\\1'), fl.gsub(/a/, 'A'), orig
        p fl.sub!(/\\.java$/, '.class').equal?(fl), fl
        p fl.gsub!(/s/, 'S'), orig
        """,
        '["x/a.java", "x/b.java"]\n["src/A.jAvA", "src/b.jAvA"]\n["src/a.java", "src/b.java"]\n'
        'true\n["src/a.class", "src/b.class"]\n["Src/a.claSS", "Src/b.claSS"]\n["src/a.java", "src/b.java"]\n',
    ),
    "ext_and_pathmap": Case(
        (),
        """
        p FileList["one.net", ".one"].ext("c")
        p FileList["a.c", "b/c.d"].ext
        p FileList["a.c", "b.c"].pathmap("%n")
        p FileList["a.c", "b.c"].pathmap("%{.*,*}n") { |n| n.upcase }
        p FileList["a.c"].pathmap
        begin
          FileList["a.c"].pathmap("%z")
        rescue ArgumentError => e
          p e.message
        end
        begin
          FileList["a.c"].ext(:o)
        rescue TypeError => e
          p e.message
        end
        """,
        '["one.c", ".one.c"]\n["a", "b/c"]\n["a", "b"]\n["A", "B"]\n["a.c"]\n'
        "\"Unknown pathmap specifier %z in '%z'\"\n"
        '"no implicit conversion of Symbol into String"\n',
    ),
    "dup_clone_freeze": Case(
        (),
        """
        a = FileList["a", "b", "c"]
        a.freeze
        d = a.dup
        d << "more"
        p d, d.frozen?
        c = a.clone
        p c.frozen?
        begin
          c << "more"
        rescue FrozenError => e
          p e.message
        end
        r = FileList["a", "b"]
        r.resolve
        r.freeze
        r << "x"
        p r
        begin
          r.include "y"
        rescue FrozenError => e
          p e.message
        end
        r.exclude "a"
        p r
        x = FileList["q"]
        y = x.dup
        y << "z"
        y.exclude("q")
        p x, y
        """,
        '["a", "b", "c", "more"]\nfalse\ntrue\n'
        '"can\'t modify frozen Rake::FileList:  ..."\n'
        '["a", "b", "x"]\n'
        '"can\'t modify frozen Rake::FileList: [\\"a\\", \\"b\\", \\"x\\"]"\n'
        '["b", "x"]\n["q"]\n["z"]\n',
    ),
    "egrep": Case(
        ("xyzzy.txt=the quick\\nXYZZY\\nbrown XYZZY fox", "other.txt=nothing\\n"),
        """
        p FileList["*.txt"].egrep(/nomatch/)
        p FileList["*.txt"].egrep(/XYZZY/)
        found = []
        p FileList["xyzzy.txt"].egrep(/XYZZY/) { |*args| found << args }
        p found
        p FileList["xyzzy.txt"].egrep(/XYZZY/) { |fn, n, line| raise "_EGREP_FAILURE_" }
        p FileList["missing.txt", "other.txt"].egrep(/noth/)
        """,
        "0\nxyzzy.txt:2:XYZZY\nxyzzy.txt:3:brown XYZZY fox\n2\n"
        '2\n[["xyzzy.txt", 2, "XYZZY\\n"], ["xyzzy.txt", 3, "brown XYZZY fox"]]\n'
        "1\nother.txt:1:nothing\n1\n",
        "Error while processing 'xyzzy.txt': _EGREP_FAILURE_\n"
        "Error while processing 'missing.txt': No such file or directory @ rb_sysopen - missing.txt\n",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ruby_behaviour(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = CASES[name]
    make_files(tmp_path, case.files)
    monkeypatch.chdir(tmp_path)
    source = "\n".join(line.strip() for line in case.source.strip().splitlines())
    out, err = run(source)
    assert out == case.stdout
    assert err == case.stderr


# ---------------------------------------------------------------- Python-level behaviour


@pytest.fixture
def rt() -> Interpreter:
    return new_runtime()


def names(rt: Interpreter, fl: FileList) -> list[str]:
    return [x.s for x in fl.to_list(rt)]


def test_patterns_are_globbed_on_first_access_only(rt: Interpreter, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    fl = FileList.of("*.c", "literal.c")
    (tmp_path / "b.c").touch()
    (tmp_path / "a.c").touch()
    assert fl.pending
    assert names(rt, fl) == ["a.c", "b.c", "literal.c"]
    (tmp_path / "c.c").touch()
    assert names(rt, fl) == ["a.c", "b.c", "literal.c"]
    assert not fl.pending


def test_default_and_cleared_excludes(rt: Interpreter, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("x.c", "x.bak", "x~", "core"):
        (tmp_path / name).touch()
    (tmp_path / "CVS").mkdir()
    assert names(rt, FileList.of("*")) == ["x.c"]
    fl = FileList.of("*")
    fl.clear_exclude(rt)
    assert names(rt, fl) == ["CVS", "core", "x.bak", "x.c", "x~"]
    assert FileList().excluded(rt, RString("a/.svn/b"))
    assert FileList().excluded(rt, RString("core"))  # not an existing directory


def test_exclude_with_python_rules(rt: Interpreter, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src" / "sub").mkdir(parents=True)
    (tmp_path / "src" / "x.c").touch()
    (tmp_path / "src" / "sub" / "y.c").touch()
    fl = FileList.of("src/**/*.c", "zz.c")
    fl.exclude(rt, RString("src/*"))
    assert names(rt, fl) == ["src/sub/y.c", "zz.c"]
    fl.exclude(rt, [RString("*.c")])  # FNM_PATHNAME: "*" does not cross "/"
    assert names(rt, fl) == ["src/sub/y.c"]


def test_clean_list_keeps_core_files_but_not_core_directories(rt: Interpreter, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lib" / "core").mkdir(parents=True)
    (tmp_path / "CVS").mkdir()
    for name in ("a.c~", "b.bak", "core", "lib/x.bak", "CVS/y~", "keep.c"):
        (tmp_path / name).touch()
    assert names(rt, clean_list()) == ["CVS/y~", "a.c~", "b.bak", "lib/x.bak", "core"]


def test_concurrent_first_access_resolves_once(rt: Interpreter, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for i in range(50):
        (tmp_path / f"f{i:02}.txt").touch()
    fl = FileList.of("*.txt", "*.txt")
    results: list[int] = []

    def worker() -> None:
        results.append(len(fl.to_list(rt)))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [100] * 8


def test_pending_list_cannot_be_resolved_once_frozen(rt: Interpreter) -> None:
    fl = FileList.of("a")
    fl.frozen = True
    with pytest.raises(RubyError) as info:
        fl.resolve(rt)
    assert str(info.value) == "can't modify frozen Rake::FileList:  ..."


def test_delegated_methods_follow_rake() -> None:
    delegated = set(delegated_names())
    assert {"each", "map", "select", "join", "size", "first", "inspect", "<=>", "[]"} <= delegated
    assert not delegated & {"to_a", "to_ary", "partition", "*", "<<", "to_s", "==", "hash", "dup"}
    assert FILE_LIST.methods["to_s"] is not FILE_LIST.methods["join"]
