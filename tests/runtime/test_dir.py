"""Dir: glob and Dir[], chdir (with and without a block), listings, mkdir/rmdir, home and temporary directories."""

from __future__ import annotations

import os

import pytest

import pydrake.runtime.core.dir  # noqa: F401  (registers Dir)
from pydrake.runtime.classes import DIR, FILE
from pydrake.runtime.objects import RHash, RString, RubyError, Symbol
from tests.runtime.fake_runtime import FakeRuntime, block

S = RString


@pytest.fixture
def rt() -> FakeRuntime:
    return FakeRuntime()


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """The layout of the dir_glob_and_chdir conformance case."""
    monkeypatch.chdir(tmp_path)
    for d in ("src/util", "docs"):
        os.makedirs(d)
    for f in ("src/a.c", "src/b.c", "src/a.h", "src/util/u.c", "docs/guide.md", "docs/.hidden", "README.md"):
        with open(f, "w") as fh:
            fh.write(f + "\n")
    return tmp_path


def strs(values) -> list[str]:
    return [v.s for v in values]


def test_glob_patterns(rt, tree):
    assert strs(rt.call(DIR, "glob", S("src/*.c"))) == ["src/a.c", "src/b.c"]
    assert strs(rt.call(DIR, "[]", S("src/**/*.c"))) == ["src/a.c", "src/b.c", "src/util/u.c"]
    assert strs(rt.call(DIR, "[]", S("src/**/"))) == ["src/", "src/util/"]
    assert sorted(strs(rt.call(DIR, "glob", S("src/*.{c,h}")))) == ["src/a.c", "src/a.h", "src/b.c"]
    assert strs(rt.call(DIR, "glob", [S("docs/*.md"), S("src/*.h")])) == ["docs/guide.md", "src/a.h"]
    assert strs(rt.call(DIR, "glob", S("docs/*"))) == ["docs/guide.md"]
    dotmatch = strs(rt.call(DIR, "glob", S("docs/*"), FILE.constants["FNM_DOTMATCH"]))
    assert "docs/.hidden" in dotmatch
    assert rt.call(DIR, "glob", S("nomatch/*")) == []
    assert strs(rt.call(DIR, "[]", S("*.md"), S("docs/*.md"))) == ["README.md", "docs/guide.md"]


def test_glob_base_and_block(rt, tree):
    opts = RHash({Symbol.of("base"): S("src")})
    assert strs(rt.call(DIR, "glob", S("*.c"), opts)) == ["a.c", "b.c"]
    seen: list[str] = []
    assert rt.call(DIR, "glob", S("src/*.c"), block=block(lambda f: seen.append(f.s))) is None
    assert seen == ["src/a.c", "src/b.c"]


def test_chdir_with_block_restores_and_returns_the_block_value(rt, tree):
    start = rt.call(DIR, "pwd").s
    assert start == os.getcwd()

    def inner(path):
        assert path.s == "src"
        assert rt.call(DIR, "pwd").s == os.path.join(start, "src")
        nested = rt.call(DIR, "chdir", S("util"), block=block(lambda p: strs(rt.call(DIR, "[]", S("*")))))
        assert nested == ["u.c"]
        return 7

    assert rt.call(DIR, "chdir", S("src"), block=block(inner)) == 7
    assert rt.call(DIR, "getwd").s == start


def test_chdir_restores_after_an_exception(rt, tree):
    start = os.getcwd()

    def boom(_path):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        rt.call(DIR, "chdir", S("src"), block=block(boom))
    assert os.getcwd() == start


def test_chdir_without_block(rt, tree, monkeypatch):
    start = os.getcwd()
    assert rt.call(DIR, "chdir", S("docs")) == 0
    assert os.getcwd() == os.path.join(start, "docs")
    monkeypatch.setenv("HOME", str(tree / "src"))
    rt.call(DIR, "chdir")
    assert os.getcwd() == str(tree / "src")
    with pytest.raises(RubyError) as excinfo:
        rt.call(DIR, "chdir", S("nope"))
    assert str(excinfo.value) == "No such file or directory @ dir_s_chdir - nope"


def test_listings(rt, tree):
    assert sorted(strs(rt.call(DIR, "children", S("docs")))) == [".hidden", "guide.md"]
    assert sorted(strs(rt.call(DIR, "entries", S("docs")))) == [".", "..", ".hidden", "guide.md"]
    seen: list[str] = []
    rt.call(DIR, "each_child", S("docs"), block=block(lambda n: seen.append(n.s)))
    assert sorted(seen) == [".hidden", "guide.md"]
    with pytest.raises(RubyError) as excinfo:
        rt.call(DIR, "entries", S("nope"))
    assert str(excinfo.value) == "No such file or directory @ dir_initialize - nope"


def test_exist_empty_mkdir_rmdir(rt, tree):
    assert rt.call(DIR, "exist?", S("src")) is True
    assert rt.call(DIR, "exist?", S("nope")) is False
    assert rt.call(DIR, "exist?", S("README.md")) is False
    assert rt.call(DIR, "mkdir", S("made")) == 0
    assert rt.call(DIR, "empty?", S("made")) is True
    assert rt.call(DIR, "empty?", S("src")) is False
    assert rt.call(DIR, "empty?", S("README.md")) is False
    with pytest.raises(RubyError) as excinfo:
        rt.call(DIR, "mkdir", S("made"))
    assert f"{excinfo.value.exc.cls.name}: {excinfo.value}" == "Errno::EEXIST: File exists @ dir_s_mkdir - made"
    with pytest.raises(RubyError) as excinfo:
        rt.call(DIR, "mkdir", S("q/r/s"))
    assert str(excinfo.value) == "No such file or directory @ dir_s_mkdir - q/r/s"
    with pytest.raises(RubyError) as excinfo:
        rt.call(DIR, "rmdir", S("src"))
    assert f"{excinfo.value.exc.cls.name}: {excinfo.value}" == "Errno::ENOTEMPTY: Directory not empty @ dir_s_rmdir - src"
    assert rt.call(DIR, "rmdir", S("made")) == 0
    assert not os.path.exists("made")


def test_home(rt, monkeypatch):
    monkeypatch.setenv("HOME", "/home/somebody")
    assert rt.call(DIR, "home").s == "/home/somebody"
    assert rt.call(DIR, "home", S("root")).s.startswith("/")
    with pytest.raises(RubyError, match="user no_such_user_xyz doesn't exist"):
        rt.call(DIR, "home", S("no_such_user_xyz"))


def test_tmpdir_and_mktmpdir(rt, tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert rt.call(DIR, "tmpdir").s == str(tmp_path)
    made = rt.call(DIR, "mktmpdir").s
    assert os.path.isdir(made) and os.path.dirname(made) == str(tmp_path)
    assert os.path.basename(made).startswith("d")
    seen: list[str] = []

    def use(path):
        seen.append(path.s)
        with open(os.path.join(path.s, "inside"), "w") as f:
            f.write("x")
        return S("value")

    assert rt.call(DIR, "mktmpdir", S("build-"), block=block(use)) == S("value")
    assert os.path.basename(seen[0]).startswith("build-")
    assert not os.path.exists(seen[0])  # the block form removes it


def test_dir_objects(rt, tree):
    d = rt.call(DIR, "new", S("docs"))
    assert rt.call(d, "path").s == "docs"
    assert sorted(strs(rt.call(d, "children"))) == [".hidden", "guide.md"]
    names: list[str] = []
    rt.call(DIR, "open", S("docs"), block=block(lambda dd: rt.call(dd, "each", block=block(lambda n: names.append(n.s)))))
    assert sorted(names) == [".", "..", ".hidden", "guide.md"]
