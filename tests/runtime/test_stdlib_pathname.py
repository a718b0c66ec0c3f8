"""require "pathname": path arithmetic as pathname.rb does it, inspect, comparisons and the File/Dir/IO delegations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.runtime.test_interpreter_support import out


def test_parts_and_inspect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = r"""
    require 'pathname'

    pa = Pathname.new("src/lib/main.c")
    p pa, pa.basename, pa.basename(".c"), pa.dirname, pa.extname, pa.sub_ext(".o"), pa.parent, pa.split, pa.to_s, pa.to_path
    p Pathname("a.c").sub_ext(""), Pathname("a").sub_ext(".x"), Pathname("a.tar.gz").sub_ext(".zip"), Pathname(".bashrc").extname
    puts pa, "interp #{pa}", File.basename(pa)
    p Pathname("a").sub("a", "b"), Pathname(Pathname("a")), (Pathname.new(nil) rescue $!), (Pathname.new("a\0b") rescue $!)
    """
    assert out(src) == (
        "#<Pathname:src/lib/main.c>\n"
        "#<Pathname:main.c>\n"
        "#<Pathname:main>\n"
        "#<Pathname:src/lib>\n"
        '".c"\n'
        "#<Pathname:src/lib/main.o>\n"
        "#<Pathname:src/lib>\n"
        "[#<Pathname:src/lib>, #<Pathname:main.c>]\n"
        '"src/lib/main.c"\n'
        '"src/lib/main.c"\n'
        "#<Pathname:a>\n"
        "#<Pathname:a.x>\n"
        "#<Pathname:a.tar.zip>\n"
        '""\n'
        "src/lib/main.c\n"
        "interp src/lib/main.c\n"
        "main.c\n"
        "#<Pathname:b>\n"
        "#<Pathname:a>\n"
        "#<TypeError: no implicit conversion of nil into String>\n"
        "#<ArgumentError: pathname contains null byte>\n"
    )


def test_plus_join_and_parent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = r"""
    require 'pathname'

    p Pathname("out") + "bin" + "app", Pathname("out") / "x", Pathname("a") + "/b", Pathname("a") + "../b", Pathname("a/b") + ".."
    p Pathname("/a") + "../../b", Pathname("a") + "", Pathname(".") + "x", Pathname("a") + ".", Pathname("..") + "x"
    p Pathname("a").join, Pathname("a").join("b", "/c", "d"), Pathname("src").join("lib", "main.c")
    p Pathname("/"), Pathname("/").parent, Pathname("a").parent, Pathname(".").parent, Pathname("..").parent, Pathname("/a").parent
    """
    assert out(src) == (
        "#<Pathname:out/bin/app>\n"
        "#<Pathname:out/x>\n"
        "#<Pathname:/b>\n"
        "#<Pathname:b>\n"
        "#<Pathname:a>\n"
        "#<Pathname:/b>\n"
        "#<Pathname:a>\n"
        "#<Pathname:x>\n"
        "#<Pathname:a>\n"
        "#<Pathname:../x>\n"
        "#<Pathname:a>\n"
        "#<Pathname:/c/d>\n"
        "#<Pathname:src/lib/main.c>\n"
        "#<Pathname:/>\n"
        "#<Pathname:/>\n"
        "#<Pathname:.>\n"
        "#<Pathname:..>\n"
        "#<Pathname:../..>\n"
        "#<Pathname:/>\n"
    )


def test_cleanpath_and_relative_path_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = r"""
    require 'pathname'

    p Pathname("a/b/../c/./d").cleanpath, Pathname("./a").cleanpath, Pathname("/../a").cleanpath, Pathname("a/..").cleanpath
    p Pathname("../a/../..").cleanpath, Pathname("a/b/").cleanpath, Pathname("a//b/../c").cleanpath, Pathname("a/../b/").cleanpath(true)
    p Pathname("a/b/c").relative_path_from(Pathname("a")), Pathname("a/b").relative_path_from("a/c"), Pathname("/a/b").relative_path_from(Pathname("/"))
    p Pathname("a").relative_path_from(Pathname("a")), Pathname("../x").relative_path_from(Pathname("y")), Pathname("a").relative_path_from("a/b")
    p((Pathname("/a").relative_path_from(Pathname("b")) rescue $!))
    """
    assert out(src) == (
        "#<Pathname:a/c/d>\n"
        "#<Pathname:a>\n"
        "#<Pathname:/a>\n"
        "#<Pathname:.>\n"
        "#<Pathname:../..>\n"
        "#<Pathname:a/b>\n"
        "#<Pathname:a/c>\n"
        "#<Pathname:a/../b/>\n"
        "#<Pathname:b/c>\n"
        "#<Pathname:../b>\n"
        "#<Pathname:a/b>\n"
        "#<Pathname:.>\n"
        "#<Pathname:../../x>\n"
        "#<Pathname:..>\n"
        '#<ArgumentError: different prefix: "/" and "b">\n'
    )


def test_each_filename_ascend_descend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = r"""
    require 'pathname'

    p Pathname("a/b").each_filename.to_a, Pathname("/a/b").each_filename.to_a, Pathname("a/b/c").descend.map(&:to_s)
    p Pathname("/a/b").ascend.map(&:to_s), Pathname("a/b").ascend.to_a
    p Pathname("a").root?, Pathname("/").root?, Pathname("/x/y").absolute?, Pathname("x").relative?, Pathname("x").expand_path.absolute?
    """
    assert out(src) == (
        '["a", "b"]\n'
        '["a", "b"]\n'
        '["a", "a/b", "a/b/c"]\n'
        '["/a/b", "/a", "/"]\n'
        "[#<Pathname:a/b>, #<Pathname:a>]\n"
        "false\n"
        "true\n"
        "true\n"
        "true\n"
        "true\n"
    )


def test_comparison_and_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = r"""
    require 'pathname'

    p Pathname("a") == Pathname("a"), Pathname("a") == "a", Pathname("a") <=> Pathname("b"), Pathname("a") <=> "a"
    p Pathname("a/b") <=> Pathname("a.b"), [Pathname("b"), Pathname("a")].sort, {Pathname("a") => 1}[Pathname("a")]
    p Pathname("a").eql?(Pathname("a")), Pathname("a").hash == Pathname("a").hash, Pathname("a").freeze.frozen?
    p Pathname("a/b").fnmatch?("a/*"), Pathname.pwd == Pathname.new(Dir.pwd)
    """
    assert out(src) == ("true\nfalse\n-1\nnil\n-1\n[#<Pathname:a>, #<Pathname:b>]\n1\ntrue\ntrue\ntrue\ntrue\ntrue\n")


def test_filesystem_delegations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = r"""
    require 'pathname'

    Pathname("out/notes").mkpath
    Pathname("out/notes/a.txt").write("hello\n")
    Pathname("out/empty.txt").write("")
    pa = Pathname("out/notes/a.txt")
    p pa.read, pa.readlines, pa.exist?, pa.file?, pa.directory?, Pathname("out").directory?, Pathname("nope").exist?
    p pa.size, Pathname("out/empty.txt").zero?, Pathname("out/empty.txt").empty?, Pathname("out").empty?, pa.mtime.class
    p Pathname("out").children.map(&:to_s).sort, Pathname("out").children(false).map(&:to_s).sort, Pathname("out").entries.map(&:to_s).sort
    p Pathname.glob("out/**/*.txt").map(&:to_s).sort, Pathname("out").glob("*").map(&:to_s).sort, Pathname("out/notes").each_child.to_a
    p Pathname("out").find.map(&:to_s).sort, pa.open { |f| f.read }, pa.each_line.to_a
    Pathname("out").rmtree
    p File.exist?("out")
    """
    assert out(src) == (
        '"hello\\n"\n'
        '["hello\\n"]\n'
        "true\n"
        "true\n"
        "false\n"
        "true\n"
        "false\n"
        "6\n"
        "true\n"
        "true\n"
        "false\n"
        "Time\n"
        '["out/empty.txt", "out/notes"]\n'
        '["empty.txt", "notes"]\n'
        '[".", "..", "empty.txt", "notes"]\n'
        '["out/empty.txt", "out/notes/a.txt"]\n'
        '["out/empty.txt", "out/notes"]\n'
        "[#<Pathname:out/notes/a.txt>]\n"
        '["out", "out/empty.txt", "out/notes", "out/notes/a.txt"]\n'
        '"hello\\n"\n'
        '["hello\\n"]\n'
        "false\n"
    )
