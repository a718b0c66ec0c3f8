"""FileUtils: the Python operations with Ruby's semantics, the verbose echo lines, and the Ruby module."""

from __future__ import annotations

import os
import stat

import pytest

import pydrake.runtime.core.fileutils as fu
from pydrake.runtime.classes import CORE
from pydrake.runtime.core.fileutils import FILEUTILS, FileUtilsError, echo_line
from pydrake.runtime.core.time import RTime
from pydrake.runtime.objects import RHash, RString, RubyError, Symbol
from tests.runtime.fake_runtime import FakeRuntime, block

S = RString


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def rt() -> FakeRuntime:
    return FakeRuntime()


def write(path: str, text: str = "x") -> None:
    with open(path, "w") as f:
        f.write(text)


def read(path: str) -> str:
    with open(path) as f:
        return f.read()


def kw(**opts) -> RHash:
    return RHash({Symbol.of(k): v for k, v in opts.items()})


# ---------------------------------------------------------------- Python operations


def test_module_is_registered():
    assert CORE["FileUtils"] is FILEUTILS
    assert "mkdir_p" in FILEUTILS.smethods and "mkdir_p" in FILEUTILS.methods


def test_mkdir_p_and_mkdir(here):
    assert fu.mkdir_p("a/b/c") == ["a/b/c"]
    assert os.path.isdir("a/b/c")
    assert fu.mkdir_p(["a/b/c", "d/"]) == ["a/b/c", "d/"]  # existing directories are fine
    assert fu.mkdir("e") == ["e"]
    with pytest.raises(FileExistsError) as excinfo:
        fu.mkdir("e")
    assert excinfo.value.ruby_where == "dir_s_mkdir"
    write("f")
    with pytest.raises(FileExistsError):
        fu.mkdir_p("f/x")
    fu.mkdir("m", mode=0o700)
    assert stat.S_IMODE(os.stat("m").st_mode) == 0o700


def test_rm_family(here):
    write("a")
    write("b")
    assert fu.rm(["a", "b"]) == ["a", "b"]
    with pytest.raises(FileNotFoundError):
        fu.rm("a")
    assert fu.rm_f("a") == ["a"]
    fu.mkdir_p("t/u")
    write("t/u/f")
    os.symlink("/", "t/root_link")
    fu.rm_r("t")
    assert not os.path.exists("t")
    assert os.path.isdir("/")
    with pytest.raises(FileNotFoundError):
        fu.rm_r("t")
    fu.rm_rf(["t", "missing"])  # silent
    os.mkdir("d")
    with pytest.raises(IsADirectoryError):
        fu.rm("d")
    fu.rmdir("d")
    assert not os.path.exists("d")
    fu.mkdir_p("p/q/r")
    fu.rmdir("p/q/r", parents=True)
    assert not os.path.exists("p")


def test_cp_into_directory_and_same_file(here):
    write("f1", "one")
    write("f2", "two")
    os.mkdir("d1")
    fu.cp("f1", "copy")
    assert read("copy") == "one"
    fu.cp(["f1", "f2"], "d1")
    assert sorted(os.listdir("d1")) == ["f1", "f2"]
    fu.cp("f1", "d1")  # a directory destination means "into"
    with pytest.raises(FileUtilsError, match="same file: f1 and f1"):
        fu.cp("f1", "f1")
    os.chmod("f1", 0o751)
    fu.cp("f1", "exe")
    assert stat.S_IMODE(os.stat("exe").st_mode) & 0o700 == 0o700


def test_cp_preserve_keeps_times(here):
    write("src")
    os.utime("src", ns=(1_600_000_000_000_000_001, 1_600_000_000_000_000_001))
    fu.cp("src", "dst", preserve=True)
    assert os.stat("dst").st_mtime_ns == 1_600_000_000_000_000_001


def test_cp_r(here):
    fu.mkdir_p("a/b")
    write("a/b/f", "deep")
    os.symlink("f", "a/b/link")
    fu.cp_r("a", "acopy")
    assert read("acopy/b/f") == "deep"
    assert os.readlink("acopy/b/link") == "f"
    fu.cp_r("a", "acopy")  # into the existing directory
    assert read("acopy/a/b/f") == "deep"
    with pytest.raises(FileNotFoundError) as excinfo:
        fu.cp_r("nope", "x")
    assert excinfo.value.ruby_where == "rb_check_realpath_internal"


def test_mv(here):
    write("f1", "1")
    os.mkdir("d2")
    fu.mv("f1", "f2")
    assert read("f2") == "1" and not os.path.exists("f1")
    fu.mv("f2", "d2")
    assert os.listdir("d2") == ["f2"]
    write("g")
    write("h")
    fu.mv(["g", "h"], "d2")
    assert sorted(os.listdir("d2")) == ["f2", "g", "h"]
    os.mkdir("d3")
    os.makedirs("d4/d3")
    with pytest.raises(FileExistsError) as excinfo:
        fu.mv("d3", "d4")
    assert str(excinfo.value.filename) == "d4/d3"
    fu.mv("d3", "d4", force=True)  # force swallows it
    with pytest.raises(FileNotFoundError):
        fu.mv("nope", "x")


def test_touch(here):
    assert fu.touch(["t1", "t2"]) == ["t1", "t2"]
    assert os.path.exists("t1") and os.path.exists("t2")
    fu.touch("t1", mtime=1_500_000_000_000_000_007)
    assert os.stat("t1").st_mtime_ns == 1_500_000_000_000_000_007
    fu.touch("t3", mtime=1_500_000_000_000_000_000)
    assert os.stat("t3").st_mtime_ns == 1_500_000_000_000_000_000
    with pytest.raises(FileNotFoundError):
        fu.touch("f9", nocreate=True)  # fileutils 1.6 raises here
    assert not os.path.exists("f9")


def test_links(here):
    write("x", "data")
    fu.ln_s("x", "l")
    assert os.readlink("l") == "x"
    with pytest.raises(FileExistsError):
        fu.ln_s("y", "l")
    fu.ln_sf("y", "l")
    assert os.readlink("l") == "y"
    fu.ln("x", "hard")
    assert os.stat("hard").st_ino == os.stat("x").st_ino
    fu.ln("x", "hard", force=True)
    os.mkdir("d")
    fu.ln_s("x", "d")  # into the directory
    assert os.readlink("d/x") == "x"


def test_chmod_numeric_and_symbolic(here):
    write("f")
    fu.chmod(0o644, "f")
    assert stat.S_IMODE(os.stat("f").st_mode) == 0o644
    fu.chmod("u+x", "f")
    assert stat.S_IMODE(os.stat("f").st_mode) == 0o744
    fu.chmod("go-r,o+w", "f")
    assert stat.S_IMODE(os.stat("f").st_mode) == 0o702
    fu.chmod("a=rX", "f")
    assert stat.S_IMODE(os.stat("f").st_mode) == 0o444
    fu.mkdir_p("t/u")
    write("t/u/g")
    fu.chmod_R(0o755, "t")
    assert stat.S_IMODE(os.stat("t/u/g").st_mode) == 0o755
    with pytest.raises(FileUtilsError, match="invalid `perm' symbol in file mode: q"):
        fu.chmod("u+q", "f")


def test_install(here):
    write("f4", "content")
    fu.install("f4", "f6", mode=0o755)
    assert read("f6") == "content"
    assert stat.S_IMODE(os.stat("f6").st_mode) == 0o755
    before = os.stat("f6").st_ino
    fu.install("f4", "f6")  # identical content: left alone
    assert os.stat("f6").st_ino == before


def test_compare_and_uptodate(here):
    write("a", "same")
    write("b", "same")
    write("c", "diff")
    assert fu.compare_file("a", "b") is True
    assert fu.compare_file("a", "c") is False
    os.utime("a", ns=(2_000_000_000_000_000_000, 2_000_000_000_000_000_000))
    os.utime("b", ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    assert fu.uptodate("a", ["b", "missing"]) is True
    assert fu.uptodate("b", ["a"]) is False
    assert fu.uptodate("missing", []) is False


def test_cd(here):
    os.mkdir("sub")
    start = os.getcwd()
    fu.cd("sub")
    assert os.getcwd() == os.path.join(start, "sub")
    with pytest.raises(FileNotFoundError):
        fu.cd("nope")


# ---------------------------------------------------------------- echo lines (rake-behaviour.md §1.12)


@pytest.mark.parametrize(
    ("verb", "args", "options", "line"),
    [
        ("mkdir_p", ["a/b/c"], {}, "mkdir -p a/b/c"),
        ("mkdir_p", [["d1", "d2/x"]], {}, "mkdir -p d1 d2/x"),
        ("mkpath", ["a"], {}, "mkdir -p a"),
        ("mkdir", ["d"], {}, "mkdir d"),
        ("mkdir", ["m"], {"mode": 0o700}, "mkdir -m 700 m"),
        ("touch", ["f"], {}, "touch f"),
        ("touch", [["f1", "f2"]], {}, "touch f1 f2"),
        ("touch", ["f9"], {"nocreate": True}, "touch -c f9"),
        ("cp", ["a", "b"], {}, "cp a b"),
        ("cp", [["f1", "f2"], "d1"], {}, "cp f1 f2 d1"),
        ("cp", ["f1", "f3"], {"preserve": True}, "cp -p f1 f3"),
        ("cp_r", ["a", "acopy"], {}, "cp -r a acopy"),
        ("cp_r", ["m", "m2"], {"preserve": True}, "cp -rp m m2"),
        ("mv", ["a", "b"], {}, "mv a b"),
        ("mv", [["f2", "f3"], "d2"], {}, "mv f2 f3 d2"),
        ("mv", ["f1", "f4"], {"force": True}, "mv -f f1 f4"),
        ("rm", ["x"], {}, "rm x"),
        ("rm", [["a", "b"]], {}, "rm a b"),
        ("rm_f", ["x"], {}, "rm -f x"),
        ("rm_r", ["d"], {}, "rm -r d"),
        ("rm_r", ["m"], {"force": True}, "rm -rf m"),
        ("rm_rf", ["x"], {}, "rm -rf x"),
        ("rm_rf", [["d1", "d2"]], {}, "rm -rf d1 d2"),
        ("rmdir", ["a/b/c"], {}, "rmdir a/b/c"),
        ("ln", ["a", "b"], {}, "ln a b"),
        ("ln", ["a", "b"], {"force": True}, "ln -f a b"),
        ("ln_s", ["x", "l"], {}, "ln -s x l"),
        ("ln_sf", ["x", "l"], {}, "ln -sf x l"),
        ("chmod", [0o644, "f"], {}, "chmod 644 f"),
        ("chmod", ["u+x", "f"], {}, "chmod u+x f"),
        ("chmod_R", [0o755, "."], {}, "chmod -R 755 ."),
        ("install", ["a", "b"], {}, "install -c a b"),
        ("install", ["f4", "f6"], {"mode": 0o755}, "install -c -m 755 f4 f6"),
        ("cd", ["a"], {}, "cd a"),
    ],
)
def test_echo_lines(verb, args, options, line):
    assert echo_line(verb, args, options) == line


def test_echo_line_accepts_ruby_values():
    assert echo_line("rm_rf", [[S("a"), S("b")]], {Symbol.of("verbose"): True}) == "rm -rf a b"
    t = RTime(0, "utc")
    assert echo_line("touch", ["f"], {"mtime": t}) == "touch -t 197001010000.00 f"


def test_echo_line_rejects_silent_verbs():
    with pytest.raises(ValueError):
        echo_line("copy_file", ["a", "b"])
    assert "copy_file" not in fu.COMMANDS and "mkdir_p" in fu.COMMANDS


# ---------------------------------------------------------------- the Ruby module functions


def test_module_functions_do_not_echo_by_default(rt, here):
    assert rt.call(FILEUTILS, "mkdir_p", S("a/b")) == [S("a/b")]
    assert os.path.isdir("a/b")
    assert rt.stdout.getvalue() == ""


def test_verbose_and_noop(rt, here):
    rt.call(FILEUTILS, "mkdir_p", [S("x"), S("y/z")], kw(verbose=True))
    rt.call(FILEUTILS, "touch", S("f9"), kw(verbose=True, noop=True))
    rt.call(FILEUTILS, "rm_rf", S("x"), kw(verbose=True))
    assert rt.stdout.getvalue() == "mkdir -p x y/z\ntouch f9\nrm -rf x\n"
    assert not os.path.exists("f9") and not os.path.exists("x") and os.path.isdir("y/z")


def test_ruby_errors(rt, here):
    with pytest.raises(RubyError) as excinfo:
        rt.call(FILEUTILS, "rm", S("nope"))
    assert f"{excinfo.value.exc.cls.name}: {excinfo.value}" == \
        "Errno::ENOENT: No such file or directory @ apply2files - nope"
    with pytest.raises(RubyError) as excinfo:
        rt.call(FILEUTILS, "touch", S("f9"), kw(nocreate=True))
    assert str(excinfo.value) == "No such file or directory @ apply2files - f9"
    os.mkdir("d")
    with pytest.raises(RubyError) as excinfo:
        rt.call(FILEUTILS, "mkdir", S("d"))
    assert f"{excinfo.value.exc.cls.name}: {excinfo.value}" == "Errno::EEXIST: File exists @ dir_s_mkdir - d"
    write("f")
    with pytest.raises(RubyError) as excinfo:
        rt.call(FILEUTILS, "cp", S("f"), S("f"))
    assert f"{excinfo.value.exc.cls.name}: {excinfo.value}" == "ArgumentError: same file: f and f"
    with pytest.raises(RubyError) as excinfo:
        rt.call(FILEUTILS, "ln_s", S("f"), S("f"))
    assert str(excinfo.value) == "File exists @ syserr_fail2_in - f"
    with pytest.raises(RubyError) as excinfo:
        rt.call(FILEUTILS, "mv", S("nope"), S("x"))
    assert str(excinfo.value) == "No such file or directory @ rb_file_s_rename - (nope, x)"
    with pytest.raises(RubyError, match="unknown keyword: :bogus"):
        rt.call(FILEUTILS, "mkdir_p", S("a"), kw(bogus=True))


def test_ruby_return_values(rt, here):
    assert rt.call(FILEUTILS, "mkdir", S("e")) == [S("e")]
    assert rt.call(FILEUTILS, "touch", [S("f"), S("g")]) == [S("f"), S("g")]
    assert rt.call(FILEUTILS, "cp", S("f"), S("f2")) is None
    assert rt.call(FILEUTILS, "mv", S("f2"), S("f3")) == 0
    assert rt.call(FILEUTILS, "rm", S("f3")) == [S("f3")]
    assert rt.call(FILEUTILS, "rm_f", S("nope")) == [S("nope")]
    assert rt.call(FILEUTILS, "chmod", 0o644, S("f")) == [S("f")]
    assert rt.call(FILEUTILS, "install", S("f"), S("fi")) is None
    assert rt.call(FILEUTILS, "pwd").s == os.getcwd()
    assert rt.call(FILEUTILS, "identical?", S("f"), S("fi")) is True
    assert rt.call(FILEUTILS, "uptodate?", S("f"), [S("nope")]) is True


def test_cd_with_block_restores_and_echoes(rt, here):
    os.mkdir("a")
    start = os.getcwd()
    seen = []
    result = rt.call(FILEUTILS, "cd", S("a"), kw(verbose=True),
                     block=block(lambda d: (seen.append((d.s, os.getcwd())), 5)[1]))
    assert result == 5
    assert seen == [("a", os.path.join(start, "a"))]
    assert os.getcwd() == start
    assert rt.stdout.getvalue() == "cd a\ncd -\n"


def test_sources_may_be_file_lists(rt, here):
    class FileListLike:
        def __init__(self, items):
            self.items = items

    from pydrake.runtime.classes import ARRAY, OBJECT, builtin, register_type
    from pydrake.runtime.objects import RClass

    cls = RClass("FakeFileList", OBJECT)
    register_type(FileListLike, cls)
    builtin(cls, "to_ary")(lambda rt_, recv, block=None: recv.items)
    assert ARRAY is not cls
    write("a")
    write("b")
    os.mkdir("d")
    rt.call(FILEUTILS, "cp", FileListLike([S("a"), S("b")]), S("d"))
    assert sorted(os.listdir("d")) == ["a", "b"]
    rt.call(FILEUTILS, "rm", FileListLike([S("a"), S("b")]))
    assert not os.path.exists("a")
