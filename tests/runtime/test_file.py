"""File (path functions, tests, whole-file I/O, File objects) and the IO stream objects."""

from __future__ import annotations

import io
import os
import time

import pytest

import pydrake.runtime.core.file  # noqa: F401  (registers File)
from pydrake.runtime.classes import CORE, FILE, IO, OBJECT, class_of
from pydrake.runtime.core.file import RFile, basename, dirname, expand_path, extname
from pydrake.runtime.core.io import STDERR, STDIN, STDOUT, puts_text, write_puts
from pydrake.runtime.core.time import RTime
from pydrake.runtime.objects import RHash, RString, RubyError, Symbol
from tests.runtime.fake_runtime import FakeRuntime, block

S = RString


@pytest.fixture
def rt() -> FakeRuntime:
    return FakeRuntime()


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def kw(**opts) -> RHash:
    return RHash({Symbol.of(k): v for k, v in opts.items()})


def strs(values) -> list[str]:
    return [v.s for v in values]


def ruby_error(excinfo) -> str:
    return f"{excinfo.value.exc.cls.name}: {excinfo.value}"


# ---------------------------------------------------------------- path functions (Ruby 3.1 outputs)


def test_join(rt):
    def j(*parts):
        return rt.call(FILE, "join", *parts).s

    assert j(S("a"), S("b"), S("c.txt")) == "a/b/c.txt"
    assert j(S("a/"), S("/b")) == "a/b"
    assert j(S("dir"), [S("x"), S("y")]) == "dir/x/y"
    assert j(S(""), S("root")) == "/root"
    assert j(S("only")) == "only"
    assert j(S("a//"), S("b")) == "a//b"
    assert j(S("a"), S("//b")) == "a//b"
    assert j() == ""
    assert j(S("a"), S("")) == "a/"
    assert j(S("a"), [S("b"), [S("c")]], S("d")) == "a/b/c/d"
    with pytest.raises(RubyError, match="no implicit conversion of Symbol into String"):
        rt.call(FILE, "join", S("a"), Symbol.of("b"))


@pytest.mark.parametrize(
    ("path", "suffix", "expected"),
    [
        ("src/lib/main.c", None, "main.c"),
        ("src/lib/main.c", ".c", "main"),
        ("src/lib/main.c", ".*", "main"),
        ("dir/", None, "dir"),
        ("a.tar.gz", ".gz", "a.tar"),
        ("/", None, "/"),
        ("noext", ".*", "noext"),
        ("a_b", "_*", "a"),
        ("..x", ".*", "..x"),
        ("a.c", "a.c", "a.c"),
        ("//", None, "/"),
        ("a/b//", None, "b"),
        (".bashrc", ".*", ".bashrc"),
        ("x.", ".*", "x"),
    ],
)
def test_basename(path, suffix, expected):
    assert basename(path, suffix) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [("src/lib/main.c", "src/lib"), ("main.c", "."), ("/abs/x", "/abs"), ("a/b/", "a"), ("/", "/"),
     ("//a", "/"), ("a//b", "a"), ("///", "/"), ("", ".")],
)
def test_dirname(path, expected):
    assert dirname(path) == expected


def test_dirname_levels(rt):
    assert rt.call(FILE, "dirname", S("a/b/c"), 2).s == "a"


@pytest.mark.parametrize(
    ("path", "expected"),
    [("main.c", ".c"), ("a.tar.gz", ".gz"), ("Rakefile", ""), (".bashrc", ""), ("dir.d/file", ""), ("x.", "."),
     ("foo.rb/", ".rb"), ("a..b", ".b"), ("..ab", "")],
)
def test_extname(path, expected):
    assert extname(path) == expected


def test_split(rt):
    assert strs(rt.call(FILE, "split", S("a/b/c"))) == ["a/b", "c"]
    assert strs(rt.call(FILE, "split", S("c"))) == [".", "c"]
    assert strs(rt.call(FILE, "split", S("/"))) == ["/", "/"]


def test_expand_and_absolute_path(rt, here, monkeypatch):
    monkeypatch.setenv("HOME", "/home/someone")
    cwd = os.getcwd()
    assert expand_path("sub/../x.txt") == f"{cwd}/x.txt"
    assert expand_path(".") == cwd
    assert expand_path("x", "base") == f"{cwd}/base/x"
    assert expand_path("/tmp/../etc/./hosts") == "/etc/hosts"
    assert expand_path("../up", "/a/b") == "/a/up"
    assert expand_path("//a") == "//a"
    assert expand_path("a/../../..", "/") == "/"
    assert expand_path("/a/b/") == "/a/b"
    assert rt.call(FILE, "expand_path", S("~")).s == "/home/someone"
    assert rt.call(FILE, "expand_path", S("x"), S("~")).s == "/home/someone/x"
    assert rt.call(FILE, "absolute_path", S("~")).s == f"{cwd}/~"
    with pytest.raises(RubyError, match="user no_such_user_xyz doesn't exist"):
        rt.call(FILE, "expand_path", S("~no_such_user_xyz/a"))


def test_constants():
    assert FILE.constants["SEPARATOR"] == S("/")
    assert FILE.constants["ALT_SEPARATOR"] is None
    assert FILE.constants["PATH_SEPARATOR"] == S(":")
    assert [FILE.constants[f"FNM_{n}"] for n in ("NOESCAPE", "PATHNAME", "DOTMATCH", "CASEFOLD", "EXTGLOB", "SYSCASE")] \
        == [1, 2, 4, 8, 16, 0]
    assert "File::Stat" in CORE


def test_fnmatch(rt):
    assert rt.call(FILE, "fnmatch", S("*.c"), S("main.c")) is True
    assert rt.call(FILE, "fnmatch?", S("*.c"), S("src/main.c"), FILE.constants["FNM_PATHNAME"]) is False
    assert rt.call(FILE, "fnmatch", S("*"), S(".hidden")) is False
    assert rt.call(FILE, "fnmatch", S("*"), S(".hidden"), FILE.constants["FNM_DOTMATCH"]) is True


# ---------------------------------------------------------------- tests and whole-file I/O


def test_write_read_and_predicates(rt, here):
    assert rt.call(FILE, "write", S("out.txt"), S("alpha\nbeta\n")) == 11
    assert rt.call(FILE, "read", S("out.txt")).s == "alpha\nbeta\n"
    assert rt.call(FILE, "exist?", S("out.txt")) is True
    assert rt.call(FILE, "exists?", S("nope")) is False
    assert rt.call(FILE, "file?", S("out.txt")) is True and rt.call(FILE, "file?", S(".")) is False
    assert rt.call(FILE, "directory?", S(".")) is True and rt.call(FILE, "directory?", S("out.txt")) is False
    assert rt.call(FILE, "size", S("out.txt")) == 11
    assert rt.call(FILE, "size?", S("nope")) is None and rt.call(FILE, "size?", S("out.txt")) == 11
    assert rt.call(FILE, "zero?", S("out.txt")) is False
    assert rt.call(FILE, "write", S("empty.txt"), S("")) == 0
    assert rt.call(FILE, "zero?", S("empty.txt")) is True and rt.call(FILE, "empty?", S("empty.txt")) is True
    assert rt.call(FILE, "readable?", S("out.txt")) is True and rt.call(FILE, "readable?", S("nope")) is False
    assert rt.call(FILE, "writable?", S("out.txt")) is True
    assert rt.call(FILE, "executable?", S("out.txt")) is False
    os.chmod("out.txt", 0o755)
    assert rt.call(FILE, "executable?", S("out.txt")) is True


def test_write_options(here):
    rt = NoisyRuntime()
    assert rt.call(FILE, "write", S("g"), 5) == 1
    assert rt.call(FILE, "read", S("g")).s == "5"
    assert rt.call(FILE, "write", S("g"), S("xy"), kw(mode=S("a"))) == 2
    assert rt.call(FILE, "read", S("g")).s == "5xy"
    assert rt.call(FILE, "write", S("g"), S("Z"), 1) == 1
    assert rt.call(FILE, "read", S("g")).s == "5Zy"
    rt.call(FILE, "write", S("f"), S("abc\n"))
    assert rt.call(FILE, "read", S("f"), 2).s == "ab"
    assert rt.call(FILE, "read", S("f"), 2, 1).s == "bc"
    assert rt.call(IO, "read", S("f")).s == "abc\n"


def test_binary_bytes_round_trip(rt, here):
    data = bytes(range(256))
    with open("bin", "wb") as f:
        f.write(data)
    text = rt.call(FILE, "binread", S("bin"))
    rt.call(FILE, "binwrite", S("copy"), text)
    with open("copy", "rb") as f:
        assert f.read() == data


def test_readlines_and_foreach(rt, here):
    rt.call(FILE, "write", S("f"), S("a\nb\nc"))
    assert strs(rt.call(FILE, "readlines", S("f"))) == ["a\n", "b\n", "c"]
    assert strs(rt.call(FILE, "readlines", S("f"), kw(chomp=True))) == ["a", "b", "c"]
    seen: list[str] = []
    assert rt.call(FILE, "foreach", S("f"), block=block(lambda line: seen.append(line.s))) is None
    assert seen == ["a\n", "b\n", "c"]


def test_errno_messages(rt, here):
    os.mkdir("d")
    rt.call(FILE, "write", S("f"), S("x"))
    cases = [
        (lambda: rt.call(FILE, "read", S("nope")), "Errno::ENOENT: No such file or directory @ rb_sysopen - nope"),
        (lambda: rt.call(FILE, "open", S("nope")), "Errno::ENOENT: No such file or directory @ rb_sysopen - nope"),
        (lambda: rt.call(FILE, "write", S("nodir/x"), S("a")),
         "Errno::ENOENT: No such file or directory @ rb_sysopen - nodir/x"),
        (lambda: rt.call(FILE, "size", S("nope")), "Errno::ENOENT: No such file or directory @ rb_file_s_size - nope"),
        (lambda: rt.call(FILE, "mtime", S("nope")), "Errno::ENOENT: No such file or directory @ rb_file_s_mtime - nope"),
        (lambda: rt.call(FILE, "delete", S("nope")), "Errno::ENOENT: No such file or directory @ apply2files - nope"),
        (lambda: rt.call(FILE, "rename", S("nope"), S("x")),
         "Errno::ENOENT: No such file or directory @ rb_file_s_rename - (nope, x)"),
        (lambda: rt.call(FILE, "stat", S("nope")), "Errno::ENOENT: No such file or directory @ rb_file_s_stat - nope"),
        (lambda: rt.call(FILE, "lstat", S("nope")), "Errno::ENOENT: No such file or directory @ rb_file_s_lstat - nope"),
        (lambda: rt.call(FILE, "readlines", S("nope")), "Errno::ENOENT: No such file or directory @ rb_sysopen - nope"),
        (lambda: rt.call(FILE, "realpath", S("nope")),
         "Errno::ENOENT: No such file or directory @ rb_check_realpath_internal - nope"),
        (lambda: rt.call(FILE, "readlink", S("nope")), "Errno::ENOENT: No such file or directory @ rb_readlink - nope"),
        (lambda: rt.call(FILE, "read", S("d")), "Errno::EISDIR: Is a directory @ io_fread - d"),
        (lambda: rt.call(FILE, "utime", None, None, S("nope")),
         "Errno::ENOENT: No such file or directory @ apply2files - nope"),
        (lambda: rt.call(FILE, "chmod", 0o644, S("nope")), "Errno::ENOENT: No such file or directory @ apply2files - nope"),
        (lambda: rt.call(FILE, "symlink", S("a"), S("f")), "Errno::EEXIST: File exists @ syserr_fail2_in - f"),
        (lambda: rt.call(FILE, "link", S("nope"), S("zz")),
         "Errno::ENOENT: No such file or directory @ rb_file_s_link - (nope, zz)"),
        (lambda: rt.call(FILE, "open", S("f"), S("q")), "ArgumentError: invalid access mode q"),
        (lambda: rt.call(FILE, "exist?", None), "TypeError: no implicit conversion of nil into String"),
        (lambda: rt.call(FILE, "basename", None), "TypeError: no implicit conversion of nil into String"),
    ]
    for fn, message in cases:
        with pytest.raises(RubyError) as excinfo:
            fn()
        assert ruby_error(excinfo) == message


def test_mtime_has_nanosecond_precision(rt, here):
    rt.call(FILE, "write", S("f"), S("x"))
    os.utime("f", ns=(1_700_000_000_123_456_789, 1_700_000_000_123_456_789))
    t = rt.call(FILE, "mtime", S("f"))
    assert isinstance(t, RTime) and t.ns == 1_700_000_000_123_456_789
    assert rt.call(t, "nsec") == 123456789
    assert rt.call(rt.call(FILE, "stat", S("f")), "mtime") == t
    rt.call(FILE, "utime", t, rt.call(t, "+", 1), S("f"))
    assert os.stat("f").st_mtime_ns == 1_700_000_001_123_456_789


def test_stat_objects(rt, here):
    rt.call(FILE, "write", S("f"), S("abc\n"))
    os.chmod("f", 0o644)
    st = rt.call(FILE, "stat", S("f"))
    assert class_of(st) is CORE["File::Stat"]
    assert rt.call(st, "size") == 4 and rt.call(st, "file?") is True and rt.call(st, "directory?") is False
    assert rt.call(st, "mode") & 0o777 == 0o644
    assert rt.call(st, "ftype").s == "file"
    assert rt.call(FILE, "ftype", S(".")).s == "directory"
    os.symlink("f", "l")
    assert rt.call(rt.call(FILE, "lstat", S("l")), "symlink?") is True
    assert rt.call(rt.call(FILE, "stat", S("l")), "symlink?") is False


def test_changes(rt, here):
    rt.call(FILE, "write", S("f"), S("x"))
    rt.call(FILE, "write", S("g"), S("y"))
    assert rt.call(FILE, "utime", None, None, S("f"), S("g")) == 2
    assert rt.call(FILE, "chmod", 0o600, S("f"), S("g")) == 2
    assert os.stat("g").st_mode & 0o777 == 0o600
    assert rt.call(FILE, "delete", S("g")) == 1
    assert rt.call(FILE, "symlink", S("f"), S("l")) == 0
    assert rt.call(FILE, "readlink", S("l")).s == "f"
    assert rt.call(FILE, "symlink?", S("l")) is True
    assert rt.call(FILE, "rename", S("l"), S("l2")) == 0
    assert rt.call(FILE, "identical?", S("f"), S("l2")) is True
    assert rt.call(FILE, "identical?", S("f"), S("nope")) is False
    assert rt.call(FILE, "realpath", S("l2")).s == os.path.realpath("f")
    assert rt.call(FILE, "realdirpath", S("nope2")).s == os.path.join(os.path.realpath("."), "nope2")
    assert rt.call(FILE, "unlink", S("l2")) == 1


# ---------------------------------------------------------------- File objects


def test_open_block_modes_and_methods(rt, here):
    rt.call(FILE, "write", S("out.txt"), S("alpha\nbeta\n"))

    def append(f):
        rt.call(f, "puts", S("gamma"))
        rt.call(f, "print", S("delta"), S("\n"))
        assert rt.call(f, "write", S("eps\n")) == 4
        rt.call(rt.call(f, "<<", S("zeta")), "<<", S("\n"))

    rt.call(FILE, "open", S("out.txt"), S("a"), block=block(append))
    assert strs(rt.call(FILE, "readlines", S("out.txt"))) == ["alpha\n", "beta\n", "gamma\n", "delta\n", "eps\n", "zeta\n"]

    def read(f):
        assert rt.call(f, "gets").s == "alpha\n"
        assert rt.call(f, "readline").s == "beta\n"
        assert rt.call(f, "read", 3).s == "gam"
        rest: list[str] = []
        rt.call(f, "each_line", block=block(lambda line: rest.append(line.s)))
        assert rest == ["ma\n", "delta\n", "eps\n", "zeta\n"]
        assert rt.call(f, "gets") is None
        assert rt.call(f, "eof?") is True
        assert rt.call(f, "read", 3) is None
        assert rt.call(f, "read").s == ""
        return Symbol.of("block_value")

    assert rt.call(FILE, "open", S("out.txt"), block=block(read)) is Symbol.of("block_value")


def test_open_without_block_and_close(rt, here):
    f = rt.call(FILE, "open", S("copy.txt"), S("w"))
    assert isinstance(f, RFile) and class_of(f) is FILE
    assert rt.call(f, "inspect").s == "#<File:copy.txt>"
    assert rt.call(f, "path").s == "copy.txt"
    rt.call(f, "puts", [S("A"), S("B")])
    assert rt.call(f, "closed?") is False
    rt.call(f, "close")
    assert rt.call(f, "closed?") is True
    assert rt.call(f, "inspect").s == "#<File:copy.txt (closed)>"
    assert rt.call(FILE, "read", S("copy.txt")).s == "A\nB\n"
    with pytest.raises(RubyError, match="closed stream"):
        rt.call(f, "puts", S("x"))
    f2 = rt.call(FILE, "new", S("copy.txt"))
    assert rt.call(f2, "read").s == "A\nB\n"
    rt.call(f2, "close")


def test_block_closes_file_even_on_error(rt, here):
    opened = []

    def boom(f):
        opened.append(f)
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        rt.call(FILE, "open", S("x"), S("w"), block=block(boom))
    assert opened[0].closed


def test_access_mode_errors(rt, here):
    rt.call(FILE, "write", S("f"), S("x"))
    f = rt.call(FILE, "open", S("f"), S("w"))
    with pytest.raises(RubyError, match="not opened for reading"):
        rt.call(f, "read")
    rt.call(f, "close")
    with pytest.raises(RubyError, match="not opened for writing"):
        rt.call(FILE, "open", S("f"), S("r"), block=block(lambda io_: rt.call(io_, "write", S("zz"))))


def test_read_write_modes(rt, here):
    rt.call(FILE, "write", S("f"), S("hello"))

    def rw(f):
        assert rt.call(f, "read", 2).s == "he"
        rt.call(f, "write", S("XY"))

    rt.call(FILE, "open", S("f"), S("r+"), block=block(rw))
    assert rt.call(FILE, "read", S("f")).s == "heXYo"
    rt.call(FILE, "open", S("f"), S("w+"), block=block(lambda f: rt.call(f, "write", S("new"))))
    assert rt.call(FILE, "read", S("f")).s == "new"
    rt.call(FILE, "open", S("f"), S("ab"), block=block(lambda f: rt.call(f, "write", S("!"))))
    assert rt.call(FILE, "read", S("f")).s == "new!"
    rt.call(FILE, "open", S("g"), S("wb:UTF-8"), block=block(lambda f: rt.call(f, "write", S("b"))))
    assert rt.call(FILE, "read", S("g")).s == "b"
    rt.call(FILE, "open", S("h"), FILE.constants["WRONLY"] | FILE.constants["CREAT"], 0o600,
            block=block(lambda f: rt.call(f, "write", S("p"))))
    assert os.stat("h").st_mode & 0o777 == 0o600


def test_readlines_chomp_on_file_object(rt, here):
    rt.call(FILE, "write", S("f"), S("a\r\nb\n"))
    f = rt.call(FILE, "open", S("f"))
    assert strs(rt.call(f, "readlines", kw(chomp=True))) == ["a", "b"]
    rt.call(f, "close")


def test_file_mtime_method(rt, here):
    rt.call(FILE, "write", S("f"), S("x"))
    f = rt.call(FILE, "open", S("f"))
    assert rt.call(f, "mtime").ns == os.stat("f").st_mtime_ns
    assert rt.call(f, "size") == 1
    rt.call(f, "close")


# ---------------------------------------------------------------- $stdout / $stderr / $stdin


class NoisyRuntime(FakeRuntime):
    """FakeRuntime that can print numbers (Integer#to_s lives in another module)."""

    def to_s(self, value):
        if isinstance(value, (int, float)) or value is None:
            return "" if value is None else str(value)
        if isinstance(value, Symbol):
            return value.name
        return super().to_s(value)


def test_puts_semantics():
    rt = NoisyRuntime()
    assert puts_text(rt, []) == "\n"
    assert puts_text(rt, [S("one"), S("two")]) == "one\ntwo\n"
    assert puts_text(rt, [[S("a"), [S("b"), [S("c")]]]]) == "a\nb\nc\n"
    assert puts_text(rt, [None]) == "\n"
    assert puts_text(rt, [[None, 1]]) == "\n1\n"
    assert puts_text(rt, [[]]) == ""
    assert puts_text(rt, [S("ends with newline\n")]) == "ends with newline\n"
    assert puts_text(rt, [S(""), S("after empty")]) == "\nafter empty\n"
    assert puts_text(rt, [Symbol.of("sym"), 1.5]) == "sym\n1.5\n"
    loop: list = [S("x")]
    loop.append(loop)
    assert puts_text(rt, [loop]) == "x\n[...]\n"


def test_stdout_objects_write_to_the_current_stream():
    rt = NoisyRuntime()
    rt.call(STDOUT, "puts", S("stdout constant"))
    rt.call(STDOUT, "print", S("dollar stdout\n"))
    assert rt.call(STDOUT, "write", S("written\n")) == 8
    rt.call(rt.call(STDOUT, "<<", S("appended")), "<<", S("\n"))
    rt.call(STDERR, "puts", S("err"))
    rt.call(STDOUT, "flush")
    assert rt.stdout.getvalue() == "stdout constant\ndollar stdout\nwritten\nappended\n"
    assert rt.stderr.getvalue() == "err\n"
    # the stream is looked up at call time: a per-task capture sees later writes
    rt.stdout = io.StringIO()
    rt.call(STDOUT, "puts", S("captured"))
    assert rt.stdout.getvalue() == "captured\n"


def test_stream_object_properties():
    rt = FakeRuntime()
    assert rt.call(STDOUT, "inspect").s == "#<IO:<STDOUT>>"
    assert rt.call(STDERR, "inspect").s == "#<IO:<STDERR>>"
    assert rt.call(STDIN, "inspect").s == "#<IO:<STDIN>>"
    assert rt.call(STDOUT, "fileno") == 1 and rt.call(STDERR, "fileno") == 2
    assert rt.call(STDOUT, "sync") is False and rt.call(STDERR, "sync") is True
    assert rt.call(STDOUT, "tty?") is False
    assert rt.call(STDOUT, "sync=", True) is True
    assert rt.call(STDOUT, "sync") is True
    rt.call(STDOUT, "sync=", False)
    assert class_of(STDOUT) is IO
    assert OBJECT.constants["STDOUT"] is STDOUT and OBJECT.constants["STDERR"] is STDERR


def test_stdin_gets_and_read(monkeypatch):
    rt = FakeRuntime()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"first\nsecond\nrest")))
    assert rt.call(STDIN, "gets").s == "first\n"
    assert rt.call(STDIN, "read").s == "second\nrest"
    assert rt.call(STDIN, "gets") is None


def test_write_puts_helper_and_undecodable_bytes():
    rt = FakeRuntime()
    out = io.StringIO()
    write_puts(rt, out, [S("a"), [S("b")]])
    assert out.getvalue() == "a\nb\n"
    raw = io.BytesIO()
    wrapper = io.TextIOWrapper(raw, encoding="utf-8")
    write_puts(rt, wrapper, [S(b"\xff\xfe".decode("utf-8", "surrogateescape"))])
    wrapper.flush()
    assert raw.getvalue() == b"\xff\xfe\n"


def test_printf_uses_string_format():
    rt = FakeRuntime()
    seen = []

    def fake_format(rt_, recv, args, block=None):
        seen.append((recv.s, args))
        return S("1-x\n")

    from pydrake.runtime.classes import STRING

    old = STRING.methods.get("%")
    STRING.methods["%"] = fake_format
    try:
        rt.call(STDOUT, "printf", S("%d-%s\n"), 1, S("x"))
    finally:
        if old is None:
            del STRING.methods["%"]
        else:
            STRING.methods["%"] = old
    assert rt.stdout.getvalue() == "1-x\n"
    assert seen == [("%d-%s\n", [1, S("x")])]


def test_time_of_now_written_by_touching(rt, here):
    before = time.time_ns()
    rt.call(FILE, "write", S("f"), S("x"))
    assert rt.call(FILE, "mtime", S("f")).ns >= before - 10_000_000


def test_kernel_open(rt, here):
    import pydrake.runtime.core.process  # noqa: F401  (registers IO.popen)
    from pydrake.runtime.classes import KERNEL

    kernel_open = KERNEL.methods["open"]
    kernel_open(rt, None, S("k.txt"), S("w"), block=block(lambda f: rt.call(f, "puts", S("via Kernel#open"))))
    assert rt.call(FILE, "read", S("k.txt")).s == "via Kernel#open\n"
    f = kernel_open(rt, None, S("k.txt"))
    assert rt.call(f, "gets").s == "via Kernel#open\n"
    rt.call(f, "close")
    assert kernel_open(rt, None, S("|echo piped"), block=block(lambda p: rt.call(p, "read"))) == S("piped\n")
