"""Dir.glob and File.fnmatch against results recorded from Ruby 3.1.2 on the same trees."""

from __future__ import annotations

import errno
import os
import random
from pathlib import Path

import pytest

from pydrake.runtime import glob as g
from pydrake.runtime.glob import FNM_CASEFOLD, FNM_DOTMATCH, FNM_EXTGLOB, FNM_NOESCAPE, FNM_PATHNAME, fnmatch, glob

FILES = [
    "a.c", "c.c", "z.h", "B.c", "README", ".dot.c", "src/x.c", "src/sub/y.c", "src/sub/.h.c", "b.c/in.c",
    ".hid/r.c", ".hid/x/q.c", "lib/l.c", "lib/.deep/k.c",
]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tree the Ruby results were recorded on; the test runs inside it."""
    for name in FILES:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
    os.symlink("src", tmp_path / "linksrc")
    os.symlink("nowhere", tmp_path / "dangling")
    monkeypatch.chdir(tmp_path)
    return tmp_path


ALL_TOP = ["B.c", "README", "a.c", "b.c", "c.c", "dangling", "lib", "linksrc", "src", "z.h"]

RUBY_GLOB = [
    ("*", 0, ALL_TOP),
    ("*", 4, [".", ".dot.c", ".hid", *ALL_TOP]),
    (".*", 0, [".", ".dot.c", ".hid"]),
    ("**/*.c", 0, ["B.c", "a.c", "b.c", "b.c/in.c", "c.c", "lib/l.c", "src/sub/y.c", "src/x.c"]),
    ("**/*.c", 4, [".dot.c", ".hid/r.c", ".hid/x/q.c", "B.c", "a.c", "b.c", "b.c/in.c", "c.c", "lib/.deep/k.c",
                   "lib/l.c", "src/sub/.h.c", "src/sub/y.c", "src/x.c"]),
    ("**/*", 4, [".", ".dot.c", ".hid", ".hid/r.c", ".hid/x", ".hid/x/q.c", "B.c", "README", "a.c", "b.c",
                 "b.c/in.c", "c.c", "dangling", "lib", "lib/.deep", "lib/.deep/k.c", "lib/l.c", "linksrc", "src",
                 "src/sub", "src/sub/.h.c", "src/sub/y.c", "src/x.c", "z.h"]),
    ("src/*", 4, ["src/.", "src/sub", "src/x.c"]),
    ("*/*", 4, ["./.dot.c", "./.hid", "./B.c", "./README", "./a.c", "./b.c", "./c.c", "./dangling", "./lib",
                "./linksrc", "./src", "./z.h", ".hid/r.c", ".hid/x", "b.c/in.c", "lib/.deep", "lib/l.c",
                "linksrc/sub", "linksrc/x.c", "src/sub", "src/x.c"]),
    ("**/", 0, ["b.c/", "lib/", "src/", "src/sub/"]),
    ("*/", 0, ["b.c/", "lib/", "linksrc/", "src/"]),
    ("**", 0, ALL_TOP),
    ("src/", 0, ["src/"]),
    ("a.c/", 0, []),
    ("src/**", 0, ["src/sub", "src/x.c"]),
    ("src/**/", 0, ["src/", "src/sub/"]),
    ("src/**/**", 0, ["src/sub", "src/sub/y.c", "src/x.c"]),
    ("*/**/", 0, ["b.c/", "lib/", "linksrc/", "linksrc/sub/", "src/", "src/sub/"]),
    ("**/{b,a}.c", 0, ["a.c", "b.c"]),
    ("{c,a}.c", 0, ["c.c", "a.c"]),
    ("*.{h,c}", 0, ["z.h", "B.c", "a.c", "b.c", "c.c"]),
    ("{*.h,*.c}", 0, ["z.h", "B.c", "a.c", "b.c", "c.c"]),
    ("{a,a}.c", 0, ["a.c", "a.c"]),
    ("{a,b}{.c,.h}", 0, ["a.c", "b.c"]),
    ("src/{x,sub/y}.c", 0, ["src/x.c", "src/sub/y.c"]),
    ("**/{x,sub/y}.c", 0, ["src/x.c"]),
    ("*/{sub,x}/y.c", 0, ["linksrc/sub/y.c", "src/sub/y.c"]),
    ("{src,lib}/**/*.c", 0, ["src/sub/y.c", "src/x.c", "lib/l.c"]),
    ("nonexist", 0, []),
    ("a.c", 0, ["a.c"]),
    ("dangling", 0, ["dangling"]),
    ("dang*", 0, ["dangling"]),
    ("linksrc/*", 0, ["linksrc/sub", "linksrc/x.c"]),
    ("linksrc/**/*.c", 0, ["linksrc/sub/y.c", "linksrc/x.c"]),
    ("**/linksrc", 0, ["linksrc"]),
    ("./*.c", 0, ["./B.c", "./a.c", "./b.c", "./c.c"]),
    ("src//*.c", 0, ["src//x.c"]),
    ("src/../*.h", 0, ["src/../z.h"]),
    ("[ab].c", 0, ["a.c", "b.c"]),
    ("[!a-b]*.c", 0, ["B.c", "c.c"]),
    ("*.C", FNM_CASEFOLD, []),
    ("\\a.c", 0, ["a.c"]),
    ("\\*", 0, []),
    ("a{b", 0, []),
    ("*.c}", 0, []),
    ("src/.", 0, ["src/."]),
    ("src/..", 0, ["src/.."]),
    ("**/.", 0, []),
    ("*/.", 0, ["b.c/.", "lib/.", "linksrc/.", "src/."]),
    ("**/.*", 0, [".dot.c", ".hid", "lib/.deep", "src/sub/.h.c"]),
    ("lib/.*", 0, ["lib/.", "lib/.deep"]),
    ("lib/**/*.c", 4, ["lib/.deep/k.c", "lib/l.c"]),
]


@pytest.mark.parametrize(("pattern", "flags", "expected"), RUBY_GLOB)
def test_glob_matches_ruby(tree: Path, pattern: str, flags: int, expected: list[str]) -> None:
    assert glob(pattern, flags) == expected


RUBY_GLOB_BASE = [
    ("*", "src", ["sub", "x.c"]),
    ("**/*.c", "src", ["sub/y.c", "x.c"]),
    ("", "src", [""]),
    ("**/", "src", ["/", "sub/"]),
    ("*.c", "src/", ["x.c"]),
    ("../*.h", "src", ["../z.h"]),
    ("*.c", "nonexist", []),
    ("x.c", "src", ["x.c"]),
]


@pytest.mark.parametrize(("pattern", "base", "expected"), RUBY_GLOB_BASE)
def test_glob_with_base_matches_ruby(tree: Path, pattern: str, base: str, expected: list[str]) -> None:
    assert glob(pattern, base=base) == expected


def test_empty_base_means_current_directory(tree: Path) -> None:
    assert glob("*", base="") == ALL_TOP


def test_absolute_patterns_keep_their_prefix(tree: Path) -> None:
    root = str(tree)
    assert glob(f"{root}/*.h") == [f"{root}/z.h"]
    assert glob(f"{root}/src/") == [f"{root}/src/"]
    assert glob(f"{root}/**/y.c") == [f"{root}/src/sub/y.c"]
    assert glob(f"{root}/*.h", base="src") == [f"{root}/z.h"]


def test_empty_pattern_matches_nothing(tree: Path) -> None:
    assert glob("") == []


def test_directory_reads_sort_by_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ["b", "B", "_u", "-a", "~t", "é", "a b"]:
        (tmp_path / name).touch()
    monkeypatch.chdir(tmp_path)
    assert glob("*") == ["-a", "B", "_u", "a b", "b", "~t", "é"]
    assert glob("*", FNM_DOTMATCH) == ["-a", ".", "B", "_u", "a b", "b", "~t", "é"]


def test_metacharacters_in_names_are_escaped_with_backslash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ["{x}", "[x]", "x*y"]:
        (tmp_path / name).touch()
    (tmp_path / "x[1]").mkdir()
    (tmp_path / "x[1]" / "q").touch()
    monkeypatch.chdir(tmp_path)
    assert glob("{x}") == []
    assert glob("\\{x}") == ["{x}"]
    assert glob("\\[x]") == ["[x]"]
    assert glob("x\\*y") == ["x*y"]
    assert glob("x[[]1]/q") == ["x[1]/q"]
    assert glob("*\\[1]/*") == ["x[1]/q"]
    assert glob("x\\*y", FNM_NOESCAPE) == []


def test_symlink_loop_raises_like_ruby(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.symlink("loop", tmp_path / "loop")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OSError) as info:
        glob("loop/*")
    assert info.value.errno == errno.ELOOP
    assert glob("**/x") == []  # a recursive walk never opens the link


RUBY_FNMATCH = [
    ("cat", "cat", 0, True),
    ("cat", "category", 0, False),
    ("c{at,ub}s", "cats", 0, False),
    ("c{at,ub}s", "cats", FNM_EXTGLOB, True),
    ("c?t", "cat", 0, True),
    ("c??t", "cat", 0, False),
    ("c*", "cats", 0, True),
    ("c*t", "c/a/b/t", 0, True),
    ("ca[a-z]", "cat", 0, True),
    ("ca[^t]", "cat", 0, False),
    ("cat", "CAT", 0, False),
    ("cat", "CAT", FNM_CASEFOLD, True),
    ("?", "/", FNM_PATHNAME, False),
    ("*", "/", FNM_PATHNAME, False),
    ("[/]", "/", FNM_PATHNAME, False),
    ("?", "/", 0, True),
    ("*", "/", 0, True),
    ("\\?", "?", 0, True),
    ("\\a", "a", 0, True),
    ("\\a", "\\a", FNM_NOESCAPE, True),
    ("[\\?]", "?", 0, True),
    ("*", ".profile", 0, False),
    ("*", ".profile", FNM_DOTMATCH, True),
    (".*", ".profile", 0, True),
    ("*", "dave/.profile", 0, True),
    ("**/*", "dave/.profile", FNM_PATHNAME, False),
    ("**/*", "dave/.profile", FNM_PATHNAME | FNM_DOTMATCH, True),
    ("**/foo", "a/b/c/foo", FNM_PATHNAME, True),
    ("**/foo", "/a/b/c/foo", FNM_PATHNAME, True),
    ("**/foo", "c:/a/b/c/foo", FNM_PATHNAME, True),
    ("**/foo", "a/.b/c/foo", FNM_PATHNAME, False),
    ("**/foo", "a/.b/c/foo", FNM_PATHNAME | FNM_DOTMATCH, True),
    ("*/foo", "a/b/foo", FNM_PATHNAME, False),
    ("src/*", "src/sub/y.c", FNM_PATHNAME | FNM_EXTGLOB, False),
    ("src/*", "src/x.c", FNM_PATHNAME | FNM_EXTGLOB, True),
    ("{abc,xyz}.c", "xyz.c", FNM_PATHNAME | FNM_EXTGLOB, True),
    ("*.c", "zz.c", FNM_PATHNAME | FNM_EXTGLOB, True),
    ("[A]", "a", FNM_CASEFOLD, False),  # dir.c compares with the character after the member
    ("[Ab]", "B", FNM_CASEFOLD, True),
    ("a{b", "a{b", FNM_EXTGLOB, False),
    ("a{b", "a{b", 0, True),
    ("[!]", "x", 0, True),
    ("[]", "x", 0, False),
    ("a[b", "a[b", 0, False),
    ("*", "", 0, True),
    ("", "", 0, True),
    ("a\\", "a", 0, True),
    ("**/", "", FNM_PATHNAME, True),
    ("**/", "a/", FNM_PATHNAME, True),
    ("*.c", "a.C", FNM_CASEFOLD, True),
    ("*/b", "a/b", 0, True),
    ("a/*", "a/.b", FNM_PATHNAME, False),
    ("a/.*", "a/.b", FNM_PATHNAME, True),
    ("{*,.*}", "x", FNM_EXTGLOB, True),
    ("{*,.*}", ".x", FNM_EXTGLOB, True),
]


@pytest.mark.parametrize(("pattern", "path", "flags", "expected"), RUBY_FNMATCH)
def test_fnmatch_matches_ruby(pattern: str, path: str, flags: int, expected: bool) -> None:
    assert fnmatch(pattern, path, flags) is expected


def test_brace_expansion_order_and_nesting() -> None:
    assert list(g._brace_expand("{a,b}{c,d}", True)) == ["ac", "ad", "bc", "bd"]
    assert list(g._brace_expand("x{a,{b,c}}y", True)) == ["xay", "xby", "xcy"]
    assert list(g._brace_expand("a{}b", True)) == ["ab"]
    assert list(g._brace_expand("a{b", True)) == []
    assert list(g._brace_expand("a}b", True)) == ["a}b"]
    assert list(g._brace_expand("\\{a,b}", True)) == ["\\{a,b}"]
    assert list(g._brace_expand("\\{a,b}", False)) == ["\\a", "\\b"]


def _random_case(rng: random.Random) -> tuple[str, str, int]:
    tokens = ["a", "b", "A", ".", "/", "*", "?", "[ab]", "[!a]", "[^b-d]", "[a-]", "\\a", "\\*", "**/", "-",
              "[A]", "[a-C]", "[", "]", "\\", "é"]
    pattern = "".join(rng.choice(tokens) for _ in range(rng.randint(0, 5)))
    path = "".join(rng.choice("abAB./-*é") for _ in range(rng.randint(0, 6)))
    flags = rng.choice([0, FNM_NOESCAPE, FNM_PATHNAME, FNM_DOTMATCH, FNM_PATHNAME | FNM_DOTMATCH,
                        FNM_PATHNAME | FNM_NOESCAPE])
    return pattern, path, flags


def test_regex_translation_agrees_with_the_dir_c_port() -> None:
    rng = random.Random(1234)
    for _ in range(5000):
        pattern, path, flags = _random_case(rng)
        expected = g._fnmatch_port(pattern, path, flags)
        assert (g._compile(pattern, flags).fullmatch(path) is not None) is expected, (pattern, path, flags)
