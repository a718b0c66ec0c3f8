"""String#ext and String#pathmap against Rake 13.0.6 (results recorded with real Rake)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from pydrake.rake.pathmap import PathmapError, basename, dirname, ext, extname, pathmap
from pydrake.runtime.rubyregex import RegexpError

JAVA = "src/org/onestepback/proj/A.java"


@dataclass(frozen=True)
class Err:
    """An expected Ruby exception: class name and message."""

    ruby_class: str
    message: str


# rake-behaviour.md section 1.20, every verified example.
EXT = [
    ("one.two", ".net", "one.net"),
    ("one", ".net", "one.net"),
    ("one.two.c", ".net", "one.two.net"),
    ("one.x/two", ".net", "one.x/two.net"),
    (".onerc", ".net", ".onerc.net"),
    (".onerc.dot", ".net", ".onerc.net"),
    ("dir/.profile", "o", "dir/.profile.o"),
    (".one.two", "", ".one"),
    (".one", "", ".one"),
    ("one.net", "c", "one.c"),
    (".one", "c", ".one.c"),
    (".", "x", "."),
    ("..", "", ".."),
    ("foo.c", ".o", "foo.o"),
    ("foo.c", "", "foo"),
    ("a/.", "o", "a/..o"),
    ("foo\n", "o", "foo.o"),  # no extension: chomp("") drops the newline
    ("a.c\r\n", "o", "a.o"),
    ("foo", "x\n.y", "foox\n.y"),  # /^\./ matches on the second line, so no dot is added
    ("foo.", "o", "foo.o"),
]


@pytest.mark.parametrize(("path", "newext", "expected"), EXT)
def test_ext(path: str, newext: str, expected: str) -> None:
    assert ext(path, newext) == expected


def test_ext_defaults_to_removing_the_extension() -> None:
    assert ext("dir/file.tar.gz") == "dir/file.tar"


# rake-behaviour.md section 1.19, the specifier table.
SPECIFIERS = [
    ("%p", JAVA),
    ("%f", "A.java"),
    ("%n", "A"),
    ("%d", "src/org/onestepback/proj"),
    ("%x", ".java"),
    ("%X", "src/org/onestepback/proj/A"),
    ("%s", "/"),
    ("%%", "%"),
    ("%-", ""),
    ("%1d", "src"),
    ("%2d", "src/org"),
    ("%-1d", "proj"),
    ("%-2d", "onestepback/proj"),
    ("%0d", "."),
    ("%100d", "src/org/onestepback/proj"),
    ("%-100d", "src/org/onestepback/proj"),
    ("%{src,bin}d/%n.class", "bin/org/onestepback/proj/A.class"),
    ("%{^src,class}X.class", "class/org/onestepback/proj/A.class"),
    ("%{\\bsrc\\b,bin}X.class", "bin/org/onestepback/proj/A.class"),
    ("obj/%n.o", "obj/A.o"),
    ("%X%-%x", JAVA),
]


@pytest.mark.parametrize(("spec", "expected"), SPECIFIERS)
def test_specifiers(spec: str, expected: str) -> None:
    assert pathmap(JAVA, spec) == expected


RAKE = [
    ("abc.rb", "%d", "."),
    ("/abc", "%d", "/"),
    ("abc/", "%f", "abc"),
    ("abc/", "%d", "."),
    ("", "%d", "."),
    (".depends", "%x", ""),
    (".depends", "%X", ".depends"),
    ("dir/.depends", "%X", "dir/.depends"),
    ("/.depends", "%x", ""),
    ("a.b/c", "%x", ""),
    ("a.tar.gz", "%x", ".gz"),
    ("a.tar.gz", "%n", "a.tar"),
    ("a/b/c/d/file.txt", "%-1d%s%3d%s%f", "d/a/b/c/file.txt"),
    ("this/is/a/dir/abc.rb", "%{a,b;dir,\\0ectory}p", "this/is/b/directory/abc.rb"),
    ("abc.rb", "%{a}f", "bc.rb"),
    ("this", "%{t(hi)s,\\1}p", "hi"),
    ("/really/long/path/to/some/file.rb", "%{/really/,/}5d", "/long/path/to"),
    ("a/b", "a%%b", "a%b"),
    ("1/2/file", "%1d|%2d|%3d|%0d|%-1d|%-2d|%-3d", "1|1/2|1/2|.|2|1/2|1/2"),
    ("/a/b/c.rb", "%1d|%2d|%-1d|%-3d|%-4d|%9d|%0d", "/|/a|b|/a/b|/a/b|/a/b|."),
]


@pytest.mark.parametrize(("path", "spec", "expected"), RAKE)
def test_rake_examples(path: str, spec: str, expected: str) -> None:
    assert pathmap(path, spec) == expected


def test_nil_spec_returns_the_path() -> None:
    assert pathmap("a/b.c", None) == "a/b.c"


def test_star_replacement_calls_the_block() -> None:
    assert pathmap("/path/to/file.TXT", "%X%{.*,*}x", str.lower) == "/path/to/file.txt"
    assert pathmap("file.txt", "%{.*,*}n", str.upper) == "FILE"
    assert pathmap(JAVA, "%{/org,*}d", str.upper) == "src/ORG/onestepback/proj"
    assert pathmap("abc", "%{b,*}p") == "a*c"  # without a block, * is literal


# Edge cases recorded from Ruby 3.1.2 with rake 13.0.6.
RECORDED = [
    ("a.b", "%{,x}p", "xa.b"),
    ("abc", "%{}p", "abc"),
    ("abc", "%{b,x;}p", "axc"),
    ("abc", "%{b,x,y}p", "axc"),
    ("abc", "%{b,}p", "ac"),
    ("abc", "%{a,b}5p", Err("ArgumentError", "Unknown pathmap specifier %5 in '%5p'")),
    ("abc", "%{a,b}-1d", Err("ArgumentError", "Unknown pathmap specifier %{a,b}-1d in '%{a,b}-1d'")),
    ("x/abc", "%{a,b}s", Err("ArgumentError", "Unknown pathmap specifier %{a,b}s in '%{a,b}s'")),
    ("x/abc", "%{a,b}%", Err("ArgumentError", "Unknown pathmap specifier %{a,b}% in '%{a,b}%'")),
    ("x/abc", "%{a,b}z", Err("ArgumentError", "Unknown pathmap specifier %{ in '%{a,b}z'")),
    ("x/abc", "%z", Err("ArgumentError", "Unknown pathmap specifier %z in '%z'")),
    ("x/abc", "%", ""),
    ("x/abc", "a%", "a"),
    ("x/abc", "%{a,b", Err("ArgumentError", "Unknown pathmap specifier %{ in '%{a,b'")),
    ("a/b/c.rb", "%{%1d,z}d", "a"),
    ("a/b/c.rb", "%-0d", "."),
    ("a/b/c.rb", "%-d", "d"),
    ("a/b/c.rb", "%{a,b}0d", "."),
    ("a/b/c.rb", "%{b,\\\\}p", "a/\\/c.rb"),
    ("a/b/c.rb", "%{b}p", "a//c.rb"),
    ("a/b/c.rb", "%{b,\\0\\0}p", "a/bb/c.rb"),
    ("a/b/c.rb", "%{(?<q>b),<\\k<q>>}p", "a/<b>/c.rb"),
    ("a/b/c.rb", "%{\\A,x}p", "xa/b/c.rb"),
    ("a/b/c.rb", "%{\\z,x}p", "a/b/c.rbx"),
    ("a/b/c.rb", "%{$,x}p", "a/b/c.rbx"),
    ("", "%d|%f|%n|%x|%X|%p|%1d|%-1d", ".||||||.|."),
    ("/", "%d|%f|%n|%x|%X|%p|%1d|%-1d", "/|/|/||/|/|/|/"),
    ("//a", "%d|%f|%n|%x|%X|%p|%1d|%-1d", "/|a|a||//a|//a|/|/"),
    ("a//b//", "%d|%f|%n|%x|%X|%p|%1d|%-1d", "a|b|b||a//b//|a//b//|a|a"),
    ("foo.", "%d|%f|%n|%x|%X|%p", ".|foo.|foo|.|foo|foo."),
    ("foo..", "%n|%x|%X", "foo.|.|foo."),
    ("..", "%d|%f|%n|%x|%X", ".|..|..||.."),
    (".", "%d|%f|%n|%x|%X", ".|.|.||."),
    ("a/.", "%d|%f|%n|%x|%X", "a|.|.||a/."),
    ("a.rb/", "%d|%f|%n|%x|%X", ".|a.rb|a|.rb|a.rb/"),
    ("a/b.c/", "%d|%f|%n|%x|%X|%-1d", "a|b.c|b|.c|a/b.c/|a"),
    ("a..b", "%x", ".b"),
    (".a.b", "%x|%n|%X", ".b|.a|.a"),
    ("...", "%x|%n|%X", "|...|..."),
    ("a/...b", "%x|%n|%X", "|...b|a/...b"),
    ("foo\n", "%X.o", "foo.o"),
    ("a\n.c", "%x|%X", ".c|a\n"),
    ("x/y", "%%%s%-%p", "%/x/y"),
    ("x", "%dd", ".d"),
    ("a/b/c", "%01d|%-01d|%+1d", Err("ArgumentError", "Unknown pathmap specifier %+ in '%01d|%-01d|%+1d'")),
    ("x", "x%\ny", "x\ny"),
    ("a/b/c", "%{a\n%{b,c}d", "a/b"),
    ("dir/abc.rb", "%d/%n%x", "dir/abc.rb"),
    ("abc.rb", "%d/%n%x", "./abc.rb"),
    (".depends", "%X.bak", ".depends.bak"),
    ("a/b", "%{(a)|(b),<\\+>}p", "<a>/b"),
    ("abc.rb", "%{.,\\`|\\'}f", "|bc.rbbc.rb"),
    ("abc", "%{;b,x}p", Err("TypeError", "no implicit conversion of nil into String")),
]


@pytest.mark.parametrize(("path", "spec", "expected"), RECORDED)
def test_recorded_ruby_results(path: str, spec: str, expected: str | Err) -> None:
    if isinstance(expected, Err):
        with pytest.raises(PathmapError) as info:
            pathmap(path, spec)
        assert (info.value.ruby_class, str(info.value)) == (expected.ruby_class, expected.message)
    else:
        assert pathmap(path, spec) == expected


def test_invalid_pattern_raises_regexp_error() -> None:
    with pytest.raises(RegexpError, match="unmatched parenthesis"):
        pathmap("abc", "%{(,x}p")


FILE_HELPERS = [
    # path, File.basename, File.dirname, File.extname
    ("", "", ".", ""),
    ("/", "/", "/", ""),
    ("//", "/", "/", ""),
    ("///a", "a", "/", ""),
    ("//a/b", "b", "/a", ""),
    ("a//b//", "b", "a", ""),
    ("a/b/", "b", "a", ""),
    ("a.rb/", "a.rb", ".", ".rb"),
    ("foo.", "foo.", ".", "."),
    ("..", "..", ".", ""),
    ("a/..", "..", "a", ""),
    (".profile", ".profile", ".", ""),
    ("x/.a.b", ".a.b", "x", ".b"),
    ("a.b/c", "c", "a.b", ""),
]


@pytest.mark.parametrize(("path", "base", "dir", "extension"), FILE_HELPERS)
def test_file_helpers(path: str, base: str, dir: str, extension: str) -> None:
    assert (basename(path), dirname(path), extname(path)) == (base, dir, extension)
