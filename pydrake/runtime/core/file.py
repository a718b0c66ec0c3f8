"""File: path functions, file tests, whole-file reads and writes, and File objects.

Also the conversions every OS-facing built-in shares: Ruby path arguments to
Python ``str`` (``to_path``/``path_list``) and Python ``OSError`` to the Ruby
``Errno::X`` exception Ruby raises, message included (``os_error``).
"""

from __future__ import annotations

import errno
import os
import posixpath
import pwd
import stat as _stat
from typing import Any, BinaryIO

from pydrake.runtime.classes import (
    CORE,
    ERRNO,
    ERRNO_CLASSES,
    FILE,
    IO,
    KERNEL,
    OBJECT,
    SYSTEM_CALL_ERROR,
    RClass,
    builtin,
    register_type,
)
from pydrake.runtime.core.io import (
    RIO,
    decode,
    encode,
    enumerator,
    print_text,
    read_line,
    read_lines,
    split_options,
    track_buffered,
    type_name,
)
from pydrake.runtime.core.time import RTime, from_ns, now, to_ns
from pydrake.runtime.objects import RString, RubyError, pystr, truthy
from pydrake.runtime.safe_mode import guard

# ---------------------------------------------------------------- Errno


def _errno_class(name: str) -> RClass:
    cls = ERRNO_CLASSES.get(name)
    if cls is None:
        cls = RClass(f"Errno::{name}", SYSTEM_CALL_ERROR, ERRNO)
        ERRNO.constants[name] = cls
        CORE[cls.name] = cls
        ERRNO_CLASSES[name] = cls
    return cls


for _name in (
    "ESRCH",
    "ELOOP",
    "ENAMETOOLONG",
    "ENOSPC",
    "EROFS",
    "EBUSY",
    "ETXTBSY",
    "EAGAIN",
    "ENOEXEC",
    "EMFILE",
    "EIO",
    "ENXIO",
    "EFBIG",
    "EMLINK",
    "ESPIPE",
    "ENODEV",
    "EOPNOTSUPP",
    "E2BIG",
    "EINTR",
):
    _errno_class(_name)
for _name, _cls in list(ERRNO_CLASSES.items()):
    _cls.constants.setdefault("Errno", getattr(errno, _name, 0))


def os_error(rt: Any, exc: OSError, where: str | None = None) -> RubyError:
    """The Ruby ``Errno`` exception for ``exc``: ``No such file or directory @ rb_sysopen - x``.

    ``where`` is the name of the C function Ruby reports; an ``exc.ruby_where``
    attribute set where the error arose takes precedence.
    """
    where = getattr(exc, "ruby_where", where)
    name = errno.errorcode.get(exc.errno or 0)
    cls = _errno_class(name) if name else SYSTEM_CALL_ERROR
    text = exc.strerror or (os.strerror(exc.errno) if exc.errno else str(exc))
    f1, f2 = exc.filename, exc.filename2
    detail: str | None = None if f1 is None else os.fsdecode(f1)
    if f2 is not None:
        if exc.errno == errno.EEXIST:
            where, detail = "syserr_fail2_in", os.fsdecode(f2)
        else:
            detail = f"({os.fsdecode(f1)}, {os.fsdecode(f2)})"
    msg = text
    if where:
        msg += f" @ {where}"
    if detail is not None:
        msg += f" - {detail}"
    return rt.error(cls, msg)


def annotate(exc: OSError, where: str) -> OSError:
    """Record which Ruby C function an OS error stands for (kept if already set)."""
    if not hasattr(exc, "ruby_where"):
        try:
            exc.ruby_where = where  # type: ignore[attr-defined]
        except AttributeError:
            pass
    return exc


# ---------------------------------------------------------------- path arguments


def to_path(rt: Any, value: Any) -> str:
    """A path argument (String, Pathname, anything with to_path/to_str) as Python text."""
    if isinstance(value, RString):
        return value.s
    if isinstance(value, str):
        return value
    if value is not None and not isinstance(value, (bool, int, float)):
        for conv in ("to_path", "to_str"):
            if rt.responds_to(value, conv):
                return to_path(rt, rt.call(value, conv))
    raise rt.error("TypeError", f"no implicit conversion of {type_name(value)} into String")


def path_list(rt: Any, value: Any) -> list[str]:
    """A path or a (nested) list of paths, FileLists included, as a flat Python list."""
    out: list[str] = []

    def walk(v: Any) -> None:
        if isinstance(v, list):
            for item in v:
                walk(item)
        elif not isinstance(v, (RString, str)) and v is not None and rt.responds_to(v, "to_ary"):
            walk(rt.call(v, "to_ary"))
        else:
            out.append(to_path(rt, v))

    walk(value)
    return out


# ---------------------------------------------------------------- pure path functions


def basename(path: str, suffix: str | None = None) -> str:
    """File.basename with Ruby's rules ("/" for "/", trailing slashes ignored, ".*" suffix)."""
    if not path:
        return ""
    stripped = path.rstrip("/")
    if not stripped:
        return "/"
    base = stripped[stripped.rfind("/") + 1 :]
    if not suffix:
        return base
    if len(suffix) == 2 and suffix[1] == "*":
        if suffix[0] == ".":
            ext = extname(base)
            return base[: len(base) - len(ext)] if ext else base
        i = base.rfind(suffix[0])
        return base[:i] if i > 0 else base
    if len(base) > len(suffix) and base.endswith(suffix):
        return base[: -len(suffix)]
    return base


def dirname(path: str, level: int = 1) -> str:
    """File.dirname: "." when there is no directory part, "/" for the root."""
    for _ in range(level):
        stripped = path.rstrip("/")
        if not stripped:
            return "/" if path else "."
        i = stripped.rfind("/")
        if i < 0:
            return "."
        path = stripped[:i].rstrip("/") or "/"
    return path


def extname(path: str) -> str:
    """File.extname: "" for dotfiles and names without a dot, "." for a trailing dot."""
    stripped = path.rstrip("/")
    base = stripped[stripped.rfind("/") + 1 :].lstrip(".")
    i = base.rfind(".")
    return base[i:] if i >= 0 else ""


def join(parts: list[str]) -> str:
    """File.join of already-flattened parts: one separator between parts, existing ones kept."""
    if not parts:
        return ""
    result = parts[0]
    for part in parts[1:]:
        if part.startswith("/"):
            result = result.rstrip("/") + part
        elif result.endswith("/"):
            result += part
        else:
            result += "/" + part
    return result


def _home(user: str = "") -> str:
    if not user:
        home = os.environ.get("HOME")
        if home is None:
            try:
                return pwd.getpwuid(os.getuid()).pw_dir
            except KeyError:
                raise ValueError("couldn't find login name -- expanding `~'") from None
        return home
    try:
        return pwd.getpwnam(user).pw_dir
    except KeyError:
        raise ValueError(f"user {user} doesn't exist") from None


def expand_path(path: str, base: str | None = None, tilde: bool = True) -> str:
    """File.expand_path (``tilde=False``: File.absolute_path); ValueError for an unknown ``~user``."""
    if tilde and path.startswith("~"):
        user, _, rest = path[1:].partition("/")
        home = _home(user)
        path = home + ("/" + rest if rest or path.endswith("/") else "")
        if not home.startswith("/"):
            raise ValueError("non-absolute home")
    if not path.startswith("/"):
        root = os.getcwd() if base is None else expand_path(base, None, tilde)
        path = (root if root.endswith("/") else root + "/") + path
    return posixpath.normpath(path)


# ---------------------------------------------------------------- File objects

_MODES = {
    "r": (os.O_RDONLY, True, False),
    "w": (os.O_WRONLY | os.O_CREAT | os.O_TRUNC, False, True),
    "a": (os.O_WRONLY | os.O_CREAT | os.O_APPEND, False, True),
    "r+": (os.O_RDWR, True, True),
    "w+": (os.O_RDWR | os.O_CREAT | os.O_TRUNC, True, True),
    "a+": (os.O_RDWR | os.O_CREAT | os.O_APPEND, True, True),
}


def parse_mode(rt: Any, mode: Any) -> tuple[int, bool, bool]:
    """A Ruby open mode ("r", "wb", "a+:UTF-8", File::WRONLY|File::CREAT) as (os flags, readable, writable)."""
    if mode is None:
        return _MODES["r"]
    if isinstance(mode, int) and not isinstance(mode, bool):
        access = mode & os.O_ACCMODE
        return mode, access in (os.O_RDONLY, os.O_RDWR), access in (os.O_WRONLY, os.O_RDWR)
    text = pystr(mode)
    letters = text.split(":", 1)[0]
    core = letters.replace("b", "").replace("t", "")
    excl = "x" in core
    core = core.replace("x", "")
    if core not in _MODES or (excl and not core.startswith("w")) or letters.count("b") + letters.count("t") > 1:
        raise rt.error("ArgumentError", f"invalid access mode {text}")
    flags, readable, writable = _MODES[core]
    return (flags | os.O_EXCL if excl else flags), readable, writable


class RFile(RIO):
    """An open Ruby File: a binary Python file plus the path it was opened with."""

    def __init__(self, path: str, f: BinaryIO, readable: bool, writable: bool) -> None:
        super().__init__()
        self.path = path
        self.f = f
        self.readable = readable
        self.writable = writable
        if writable:
            track_buffered(self)

    def write_str(self, rt: Any, text: str) -> None:
        self.check_open(rt)
        if not self.writable:
            raise rt.error("IOError", "not opened for writing")
        self.f.write(encode(text))
        if self.sync:
            self.f.flush()

    def _check_read(self, rt: Any) -> None:
        self.check_open(rt)
        if not self.readable:
            raise rt.error("IOError", "not opened for reading")

    def read_bytes(self, rt: Any, n: int | None) -> bytes:
        self._check_read(rt)
        try:
            return self.f.read() if n is None else self.f.read(n)
        except OSError as exc:
            raise os_error(rt, annotate(exc, "io_fread")) from None

    def readline_bytes(self, rt: Any, sep: bytes) -> bytes:
        self._check_read(rt)
        if sep == b"\n":
            return self.f.readline()
        return super().readline_bytes(rt, sep)

    def at_eof(self, rt: Any) -> bool:
        self._check_read(rt)
        peek = getattr(self.f, "peek", None)
        if peek is not None:
            return not peek(1)
        pos = self.f.tell()
        more = self.f.read(1)
        self.f.seek(pos)
        return not more

    def flush(self, rt: Any) -> None:
        self.check_open(rt)
        self.f.flush()

    def close(self, rt: Any) -> None:
        self.closed = True
        self.f.close()

    def fileno(self) -> int | None:
        return None if self.closed else self.f.fileno()

    def isatty(self, rt: Any) -> bool:
        self.check_open(rt)
        return self.f.isatty()

    def inspect(self) -> str:
        return f"#<File:{self.path}{' (closed)' if self.closed else ''}>"


register_type(RFile, FILE)


def open_file(rt: Any, path: str, mode: Any = None, perm: Any = None) -> RFile:
    """Open ``path`` like File.open (Errno on failure)."""
    flags, readable, writable = parse_mode(rt, mode)
    try:
        fd = os.open(path, flags | os.O_CLOEXEC, 0o666 if perm is None else perm)
    except OSError as exc:
        raise os_error(rt, exc, "rb_sysopen") from None
    pymode = "r+b" if readable and writable else ("rb" if readable else "wb")
    if flags & os.O_APPEND:
        pymode = "a+b" if readable else "ab"
    try:
        f: BinaryIO = os.fdopen(fd, pymode)  # type: ignore[assignment]
    except OSError as exc:
        os.close(fd)
        raise os_error(rt, annotate(exc, "io_fread" if not writable else "rb_sysopen")) from None
    return RFile(path, f, readable, writable)


def file_open(rt: Any, args: tuple[Any, ...] | list[Any], block: Any = None) -> Any:
    """File.open / Kernel#open on a path: the File, or with a block the block's value (the file is closed)."""
    pos, opts = split_options(args)
    if not pos:
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1..3)")
    path = to_path(rt, pos[0])
    mode = pos[1] if len(pos) > 1 else opts.get("mode")
    perm = pos[2] if len(pos) > 2 else opts.get("perm")
    flags, _, writable = parse_mode(rt, mode)
    if (writable or flags & os.O_CREAT) and guard(rt, "File.open", pos[:2]):
        return None
    f = open_file(rt, path, mode, perm)
    if block is None:
        return f
    try:
        return rt.call_block(block, f)
    finally:
        if not f.closed:
            f.close(rt)


def _file(rt: Any, recv: Any) -> RFile:
    if not isinstance(recv, RFile):
        raise rt.error("TypeError", f"{type_name(recv)} is not a File")
    return recv


# ---------------------------------------------------------------- File::Stat

STAT = RClass("File::Stat", OBJECT, FILE)
FILE.constants["Stat"] = STAT
CORE[STAT.name] = STAT


class RStat:
    """A File::Stat: an ``os.stat_result`` for a path."""

    __slots__ = ("st", "path")

    def __init__(self, st: os.stat_result, path: str) -> None:
        self.st = st
        self.path = path


register_type(RStat, STAT)


def _ftype(mode: int) -> str:
    for test, name in (
        (_stat.S_ISREG, "file"),
        (_stat.S_ISDIR, "directory"),
        (_stat.S_ISLNK, "link"),
        (_stat.S_ISCHR, "characterSpecial"),
        (_stat.S_ISBLK, "blockSpecial"),
        (_stat.S_ISFIFO, "fifo"),
        (_stat.S_ISSOCK, "socket"),
    ):
        if test(mode):
            return name
    return "unknown"


def _st_access(st: os.stat_result, bits: tuple[int, int, int]) -> bool:
    uid = os.geteuid()
    if uid == 0:
        return bits[0] != _stat.S_IXUSR or bool(st.st_mode & 0o111) or _stat.S_ISDIR(st.st_mode)
    if st.st_uid == uid:
        return bool(st.st_mode & bits[0])
    if st.st_gid == os.getegid() or st.st_gid in os.getgroups():
        return bool(st.st_mode & bits[1])
    return bool(st.st_mode & bits[2])


_STAT_FIELDS: dict[str, Any] = {
    "size": lambda st: st.st_size,
    "size?": lambda st: st.st_size or None,
    "zero?": lambda st: st.st_size == 0,
    "mode": lambda st: st.st_mode,
    "uid": lambda st: st.st_uid,
    "gid": lambda st: st.st_gid,
    "ino": lambda st: st.st_ino,
    "dev": lambda st: st.st_dev,
    "nlink": lambda st: st.st_nlink,
    "blksize": lambda st: getattr(st, "st_blksize", None),
    "blocks": lambda st: getattr(st, "st_blocks", None),
    "mtime": lambda st: from_ns(st.st_mtime_ns),
    "atime": lambda st: from_ns(st.st_atime_ns),
    "ctime": lambda st: from_ns(st.st_ctime_ns),
    "file?": lambda st: _stat.S_ISREG(st.st_mode),
    "directory?": lambda st: _stat.S_ISDIR(st.st_mode),
    "symlink?": lambda st: _stat.S_ISLNK(st.st_mode),
    "pipe?": lambda st: _stat.S_ISFIFO(st.st_mode),
    "socket?": lambda st: _stat.S_ISSOCK(st.st_mode),
    "chardev?": lambda st: _stat.S_ISCHR(st.st_mode),
    "blockdev?": lambda st: _stat.S_ISBLK(st.st_mode),
    "ftype": lambda st: RString(_ftype(st.st_mode)),
    "readable?": lambda st: _st_access(st, (_stat.S_IRUSR, _stat.S_IRGRP, _stat.S_IROTH)),
    "writable?": lambda st: _st_access(st, (_stat.S_IWUSR, _stat.S_IWGRP, _stat.S_IWOTH)),
    "executable?": lambda st: _st_access(st, (_stat.S_IXUSR, _stat.S_IXGRP, _stat.S_IXOTH)),
    "owned?": lambda st: st.st_uid == os.geteuid(),
    "setuid?": lambda st: bool(st.st_mode & _stat.S_ISUID),
    "sticky?": lambda st: bool(st.st_mode & _stat.S_ISVTX),
}


def _stat_method(name: str, fn: Any) -> None:
    @builtin(STAT, name)
    def method(rt: Any, recv: RStat, block: Any = None) -> Any:
        return fn(recv.st)

    method.__doc__ = f"File::Stat#{name}."


for _n, _f in _STAT_FIELDS.items():
    _stat_method(_n, _f)


@builtin(STAT, "<=>")
def stat_cmp(rt: Any, recv: RStat, other: Any, block: Any = None) -> Any:
    """File::Stat#<=>: by modification time."""
    if not isinstance(other, RStat):
        return None
    a, b = recv.st.st_mtime_ns, other.st.st_mtime_ns
    return (a > b) - (a < b)


@builtin(STAT, "inspect")
def stat_inspect(rt: Any, recv: RStat, block: Any = None) -> RString:
    """File::Stat#inspect (abridged)."""
    st = recv.st
    return RString(
        f"#<File::Stat dev=0x{st.st_dev:x}, ino={st.st_ino}, mode=0{st.st_mode:o}, "
        f"nlink={st.st_nlink}, uid={st.st_uid}, gid={st.st_gid}, size={st.st_size}>"
    )


def stat_path(rt: Any, path: str, where: str, follow: bool = True) -> os.stat_result:
    """``os.stat`` (or ``lstat``) with Ruby's Errno on failure."""
    try:
        return os.stat(path) if follow else os.lstat(path)
    except OSError as exc:
        raise os_error(rt, exc, where) from None


def _try_stat(path: str, follow: bool = True) -> os.stat_result | None:
    try:
        return os.stat(path) if follow else os.lstat(path)
    except (OSError, ValueError):
        return None


# ---------------------------------------------------------------- constants

FILE.constants.update(
    {
        "SEPARATOR": RString("/", frozen=True),
        "Separator": RString("/", frozen=True),
        "ALT_SEPARATOR": None,
        "PATH_SEPARATOR": RString(":", frozen=True),
        "NULL": RString("/dev/null", frozen=True),
        "FNM_NOESCAPE": 1,
        "FNM_PATHNAME": 2,
        "FNM_DOTMATCH": 4,
        "FNM_CASEFOLD": 8,
        "FNM_EXTGLOB": 16,
        "FNM_SYSCASE": 0,
        "FNM_SHORTNAME": 0,
        "RDONLY": os.O_RDONLY,
        "WRONLY": os.O_WRONLY,
        "RDWR": os.O_RDWR,
        "APPEND": os.O_APPEND,
        "CREAT": os.O_CREAT,
        "EXCL": os.O_EXCL,
        "TRUNC": os.O_TRUNC,
        "NONBLOCK": os.O_NONBLOCK,
        "NOCTTY": os.O_NOCTTY,
        "BINARY": 0,
        "SYNC": os.O_SYNC,
        "LOCK_SH": 1,
        "LOCK_EX": 2,
        "LOCK_NB": 4,
        "LOCK_UN": 8,
    }
)
IO.constants.update({"SEEK_SET": 0, "SEEK_CUR": 1, "SEEK_END": 2})

# ---------------------------------------------------------------- File singleton: tests


def _test(names: str, follow: bool, fn: Any) -> None:
    @builtin(FILE, *names.split(), singleton=True)
    def test(rt: Any, cls: Any, path: Any, block: Any = None) -> Any:
        if isinstance(path, RFile):
            path = path.path
        p = to_path(rt, path)
        st = _try_stat(p, follow)
        return fn(st, p)

    test.__doc__ = f"File.{names.split()[0]}."


_test("exist? exists?", True, lambda st, p: st is not None)
_test("file?", True, lambda st, p: st is not None and _stat.S_ISREG(st.st_mode))
_test("directory?", True, lambda st, p: st is not None and _stat.S_ISDIR(st.st_mode))
_test("symlink?", False, lambda st, p: st is not None and _stat.S_ISLNK(st.st_mode))
_test("pipe?", True, lambda st, p: st is not None and _stat.S_ISFIFO(st.st_mode))
_test("socket?", True, lambda st, p: st is not None and _stat.S_ISSOCK(st.st_mode))
_test("readable?", True, lambda st, p: st is not None and os.access(p, os.R_OK, effective_ids=True))
_test("writable?", True, lambda st, p: st is not None and os.access(p, os.W_OK, effective_ids=True))
_test(
    "executable?",
    True,
    lambda st, p: (
        st is not None
        and os.access(p, os.X_OK, effective_ids=True)
        and (os.geteuid() != 0 or bool(st.st_mode & 0o111) or _stat.S_ISDIR(st.st_mode))
    ),
)
_test("executable_real?", True, lambda st, p: st is not None and os.access(p, os.X_OK))
_test("owned?", True, lambda st, p: st is not None and st.st_uid == os.geteuid())
_test("size?", True, lambda st, p: (st.st_size or None) if st is not None else None)
_test("zero? empty?", True, lambda st, p: st is not None and st.st_size == 0)
_test("world_readable?", True, lambda st, p: (st.st_mode & 0o777) if st is not None and st.st_mode & 0o004 else None)
_test("world_writable?", True, lambda st, p: (st.st_mode & 0o777) if st is not None and st.st_mode & 0o002 else None)


def _stat_value(names: str, where: str, fn: Any, follow: bool = True) -> None:
    @builtin(FILE, *names.split(), singleton=True)
    def value(rt: Any, cls: Any, path: Any, block: Any = None) -> Any:
        if isinstance(path, RFile):
            path = path.path
        p = to_path(rt, path)
        return fn(stat_path(rt, p, where, follow), p)

    value.__doc__ = f"File.{names.split()[0]}."


_stat_value("size", "rb_file_s_size", lambda st, p: st.st_size)
_stat_value("mtime", "rb_file_s_mtime", lambda st, p: from_ns(st.st_mtime_ns))
_stat_value("atime", "rb_file_s_atime", lambda st, p: from_ns(st.st_atime_ns))
_stat_value("ctime", "rb_file_s_ctime", lambda st, p: from_ns(st.st_ctime_ns))
_stat_value("stat", "rb_file_s_stat", lambda st, p: RStat(st, p))
_stat_value("lstat", "rb_file_s_lstat", lambda st, p: RStat(st, p), follow=False)
_stat_value("ftype", "rb_file_s_ftype", lambda st, p: RString(_ftype(st.st_mode)), follow=False)


@builtin(FILE, "identical?", singleton=True)
def file_identical(rt: Any, cls: Any, a: Any, b: Any, block: Any = None) -> bool:
    """File.identical?: both exist and are the same file."""
    sa, sb = _try_stat(to_path(rt, a)), _try_stat(to_path(rt, b))
    return sa is not None and sb is not None and (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


# ---------------------------------------------------------------- File singleton: names


@builtin(FILE, "basename", singleton=True)
def file_basename(rt: Any, cls: Any, path: Any, suffix: Any = None, block: Any = None) -> RString:
    """File.basename(path [, suffix])."""
    return RString(basename(to_path(rt, path), None if suffix is None else to_path(rt, suffix)))


@builtin(FILE, "dirname", singleton=True)
def file_dirname(rt: Any, cls: Any, path: Any, level: Any = 1, block: Any = None) -> RString:
    """File.dirname(path [, level])."""
    if level < 0:
        raise rt.error("ArgumentError", f"negative level: {level}")
    return RString(dirname(to_path(rt, path), level))


@builtin(FILE, "extname", singleton=True)
def file_extname(rt: Any, cls: Any, path: Any, block: Any = None) -> RString:
    """File.extname."""
    return RString(extname(to_path(rt, path)))


@builtin(FILE, "split", singleton=True)
def file_split(rt: Any, cls: Any, path: Any, block: Any = None) -> list[RString]:
    """File.split: [dirname, basename]."""
    p = to_path(rt, path)
    return [RString(dirname(p)), RString(basename(p))]


@builtin(FILE, "join", singleton=True)
def file_join(rt: Any, cls: Any, *parts: Any, block: Any = None) -> RString:
    """File.join: nested arrays joined recursively, one separator between parts."""

    def flat(items: Any, seen: frozenset[int]) -> list[str]:
        out: list[str] = []
        for item in items:
            if isinstance(item, list):
                if id(item) in seen:
                    raise rt.error("ArgumentError", "recursive array")
                out.append(join(flat(item, seen | {id(item)})))
            else:
                out.append(to_path(rt, item))
        return out

    return RString(join(flat(parts, frozenset())))


@builtin(FILE, "path", singleton=True)
def file_path_s(rt: Any, cls: Any, path: Any, block: Any = None) -> RString:
    """File.path: the path of a String, Pathname or File."""
    if isinstance(path, RFile):
        return RString(path.path)
    return RString(to_path(rt, path))


def _expand(rt: Any, path: Any, base: Any, tilde: bool) -> RString:
    try:
        return RString(expand_path(to_path(rt, path), None if base is None else to_path(rt, base), tilde))
    except ValueError as exc:
        raise rt.error("ArgumentError", str(exc)) from None


@builtin(FILE, "expand_path", singleton=True)
def file_expand_path(rt: Any, cls: Any, path: Any, base: Any = None, block: Any = None) -> RString:
    """File.expand_path(path [, dir]): absolute, normalised, ``~`` expanded."""
    return _expand(rt, path, base, True)


@builtin(FILE, "absolute_path", singleton=True)
def file_absolute_path(rt: Any, cls: Any, path: Any, base: Any = None, block: Any = None) -> RString:
    """File.absolute_path: like expand_path without ``~`` expansion."""
    return _expand(rt, path, base, False)


@builtin(FILE, "absolute_path?", singleton=True)
def file_is_absolute(rt: Any, cls: Any, path: Any, block: Any = None) -> bool:
    """File.absolute_path?."""
    return to_path(rt, path).startswith("/")


@builtin(FILE, "realpath", singleton=True)
def file_realpath(rt: Any, cls: Any, path: Any, base: Any = None, block: Any = None) -> RString:
    """File.realpath: symlinks resolved; every component must exist."""
    p = to_path(rt, path)
    full = expand_path(p, None if base is None else to_path(rt, base), False)
    try:
        return RString(os.path.realpath(full, strict=True))
    except OSError as exc:
        exc.filename, exc.filename2 = p, None
        raise os_error(rt, exc, "rb_check_realpath_internal") from None


@builtin(FILE, "realdirpath", singleton=True)
def file_realdirpath(rt: Any, cls: Any, path: Any, base: Any = None, block: Any = None) -> RString:
    """File.realdirpath: like realpath, but the last component may be missing."""
    p = to_path(rt, path)
    full = expand_path(p, None if base is None else to_path(rt, base), False)
    head, tail = os.path.split(full)
    try:
        real_head = os.path.realpath(head, strict=True)
    except OSError as exc:
        exc.filename, exc.filename2 = p, None
        raise os_error(rt, exc, "rb_check_realpath_internal") from None
    return RString(os.path.realpath(os.path.join(real_head, tail)) if tail else real_head)


@builtin(FILE, "readlink", singleton=True)
def file_readlink(rt: Any, cls: Any, path: Any, block: Any = None) -> RString:
    """File.readlink."""
    try:
        return RString(os.readlink(to_path(rt, path)))
    except OSError as exc:
        raise os_error(rt, exc, "rb_readlink") from None


@builtin(FILE, "fnmatch", "fnmatch?", singleton=True)
def file_fnmatch(rt: Any, cls: Any, pattern: Any, path: Any, flags: Any = 0, block: Any = None) -> bool:
    """File.fnmatch(pattern, path, flags=0)."""
    from pydrake.runtime import glob as rglob

    return bool(rglob.fnmatch(to_path(rt, pattern), to_path(rt, path), flags or 0))


# ---------------------------------------------------------------- File singleton: changes


def _each_path(rt: Any, paths: tuple[Any, ...], where: str, op: Any) -> int:
    for path in paths:
        p = to_path(rt, path)
        try:
            op(p)
        except OSError as exc:
            if exc.filename is None:
                exc.filename = p
            raise os_error(rt, exc, where) from None
    return len(paths)


@builtin(FILE, "delete", "unlink", singleton=True)
def file_delete(rt: Any, cls: Any, *paths: Any, block: Any = None) -> int:
    """File.delete(*paths): the number of files removed."""
    if guard(rt, "File.delete", paths):
        return 0
    return _each_path(rt, paths, "apply2files", os.unlink)


@builtin(FILE, "chmod", "lchmod", singleton=True)
def file_chmod(rt: Any, cls: Any, mode: int, *paths: Any, block: Any = None) -> int:
    """File.chmod(mode, *paths)."""
    if guard(rt, "File.chmod", (mode, *paths)):
        return 0
    return _each_path(rt, paths, "apply2files", lambda p: os.chmod(p, mode))


@builtin(FILE, "utime", singleton=True)
def file_utime(rt: Any, cls: Any, atime: Any, mtime: Any, *paths: Any, block: Any = None) -> int:
    """File.utime(atime, mtime, *paths); nil means now."""
    if guard(rt, "File.utime", paths):
        return 0
    if atime is None and mtime is None:
        times = None
    else:
        current = now().ns
        times = (current if atime is None else to_ns(rt, atime), current if mtime is None else to_ns(rt, mtime))
    return _each_path(rt, paths, "apply2files", lambda p: os.utime(p, ns=times) if times else os.utime(p))


def _two_paths(rt: Any, a: Any, b: Any, where: str, op: Any) -> int:
    try:
        op(to_path(rt, a), to_path(rt, b))
    except OSError as exc:
        raise os_error(rt, exc, where) from None
    return 0


@builtin(FILE, "rename", singleton=True)
def file_rename(rt: Any, cls: Any, old: Any, new: Any, block: Any = None) -> int:
    """File.rename(old, new)."""
    if guard(rt, "File.rename", (old, new)):
        return 0
    return _two_paths(rt, old, new, "rb_file_s_rename", os.rename)


@builtin(FILE, "symlink", singleton=True)
def file_symlink(rt: Any, cls: Any, old: Any, new: Any, block: Any = None) -> int:
    """File.symlink(target, link)."""
    if guard(rt, "File.symlink", (old, new)):
        return 0
    return _two_paths(rt, old, new, "rb_file_s_symlink", os.symlink)


@builtin(FILE, "link", singleton=True)
def file_link(rt: Any, cls: Any, old: Any, new: Any, block: Any = None) -> int:
    """File.link(existing, new)."""
    if guard(rt, "File.link", (old, new)):
        return 0
    return _two_paths(rt, old, new, "rb_file_s_link", os.link)


@builtin(FILE, "truncate", singleton=True)
def file_truncate(rt: Any, cls: Any, path: Any, length: int, block: Any = None) -> int:
    """File.truncate(path, length)."""
    if guard(rt, "File.truncate", (path, length)):
        return 0
    return _each_path(rt, (path,), "rb_file_s_truncate", lambda p: os.truncate(p, length))


@builtin(FILE, "mkfifo", singleton=True)
def file_mkfifo(rt: Any, cls: Any, path: Any, mode: int = 0o666, block: Any = None) -> int:
    """File.mkfifo."""
    if guard(rt, "File.mkfifo", (path,)):
        return 0
    _each_path(rt, (path,), "rb_file_s_mkfifo", lambda p: os.mkfifo(p, mode))
    return 0


# ---------------------------------------------------------------- File.open / new


@builtin(FILE, "open", singleton=True)
def file_open_s(rt: Any, cls: Any, *args: Any, block: Any = None) -> Any:
    """File.open(path, mode="r", perm=0666): with a block, the block's value after closing."""
    return file_open(rt, args, block)


@builtin(KERNEL, "open")
def kernel_open(rt: Any, recv: Any, *args: Any, block: Any = None) -> Any:
    """Kernel#open(path, mode = "r", perm = 0666) { |file| }; ``"|cmd"`` runs a command as IO.popen does."""
    if args and isinstance(args[0], RString) and args[0].s.startswith("|"):
        return rt.call(IO, "popen", RString(args[0].s[1:]), *args[1:], block=block)
    if args and not isinstance(args[0], RString) and args[0] is not None and rt.responds_to(args[0], "to_open"):
        opened = rt.call(args[0], "to_open", *args[1:])
        return rt.call_block(block, opened) if block is not None else opened
    return file_open(rt, args, block)


@builtin(FILE, "new", singleton=True)
def file_new(rt: Any, cls: Any, *args: Any, block: Any = None) -> RFile:
    """File.new(path, mode="r", perm=0666)."""
    return file_open(rt, args, None)


# ---------------------------------------------------------------- whole-file reads and writes (IO.x and File.x)


def read_file(rt: Any, path: str, length: int | None = None, offset: int | None = None) -> str:
    """The contents of ``path`` (optionally ``length`` bytes from ``offset``), Errno on failure."""
    try:
        with open(path, "rb") as f:
            if offset:
                f.seek(offset)
            data = f.read() if length is None else f.read(length)
    except IsADirectoryError as exc:
        raise os_error(rt, exc, "io_fread") from None
    except OSError as exc:
        raise os_error(rt, exc, "rb_sysopen") from None
    return decode(data)


def write_file(rt: Any, path: str, text: str, mode: Any = None, offset: int | None = None) -> int:
    """Write ``text`` to ``path`` (truncating unless ``mode``/``offset`` say otherwise); the byte count."""
    data = encode(text)
    if mode is None:
        flags = os.O_WRONLY | os.O_CREAT | (0 if offset is not None else os.O_TRUNC)
    else:
        flags = parse_mode(rt, mode)[0]
    try:
        fd = os.open(path, flags | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        raise os_error(rt, exc, "rb_sysopen") from None
    try:
        if offset is not None:
            os.lseek(fd, offset, os.SEEK_SET)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise os_error(rt, annotate(exc, "io_write")) from None
    finally:
        os.close(fd)
    return len(data)


@builtin(IO, "read", singleton=True)
def io_s_read(rt: Any, cls: Any, *args: Any, block: Any = None) -> RString:
    """File.read / IO.read(path [, length [, offset]])."""
    pos, opts = split_options(args)
    if not pos:
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1..3)")
    length = pos[1] if len(pos) > 1 else None
    offset = pos[2] if len(pos) > 2 else None
    if length is not None and length < 0:
        raise rt.error("ArgumentError", f"negative length {length} given")
    return RString(read_file(rt, to_path(rt, pos[0]), length, offset))


@builtin(IO, "binread", singleton=True)
def io_s_binread(rt: Any, cls: Any, path: Any, length: Any = None, offset: Any = None, block: Any = None) -> RString:
    """File.binread."""
    return RString(read_file(rt, to_path(rt, path), length, offset))


@builtin(IO, "write", "binwrite", singleton=True)
def io_s_write(rt: Any, cls: Any, *args: Any, block: Any = None) -> int:
    """File.write(path, data [, offset], mode: "w"): the number of bytes written."""
    pos, opts = split_options(args)
    if len(pos) < 2:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(pos)}, expected 2..3)")
    offset = pos[2] if len(pos) > 2 else None
    if guard(rt, "File.write", pos[:1]):
        return 0
    return write_file(rt, to_path(rt, pos[0]), print_text(rt, [pos[1]]), opts.get("mode"), offset)


def _lines_args(rt: Any, args: tuple[Any, ...]) -> tuple[str, bytes | None, bool]:
    pos, opts = split_options(args)
    if not pos:
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1..4)")
    sep: bytes | None = b"\n"
    if len(pos) > 1:
        sep = None if pos[1] is None else (encode(pystr(pos[1])) or b"\n\n")
    return to_path(rt, pos[0]), sep, truthy(opts.get("chomp"))


def _file_lines(rt: Any, path: str, sep: bytes | None, chomp: bool) -> list[RString]:
    f = open_file(rt, path, None)
    try:
        return read_lines(rt, f, sep, chomp)
    finally:
        f.close(rt)


@builtin(IO, "readlines", singleton=True)
def io_s_readlines(rt: Any, cls: Any, *args: Any, block: Any = None) -> list[RString]:
    """File.readlines(path, chomp: false)."""
    path, sep, chomp = _lines_args(rt, args)
    return _file_lines(rt, path, sep, chomp)


@builtin(IO, "foreach", singleton=True)
def io_s_foreach(rt: Any, cls: Any, *args: Any, block: Any = None) -> Any:
    """File.foreach(path) { |line| }: nil; an enumerator without a block."""
    path, sep, chomp = _lines_args(rt, args)
    if block is None:
        return enumerator(rt, _file_lines(rt, path, sep, chomp))
    f = open_file(rt, path, None)
    try:
        while True:
            line = read_line(rt, f, sep, chomp)
            if line is None:
                return None
            rt.call_block(block, line)
    finally:
        f.close(rt)


@builtin(IO, "copy_stream", singleton=True)
def io_s_copy_stream(rt: Any, cls: Any, src: Any, dst: Any, *args: Any, block: Any = None) -> int:
    """IO.copy_stream(src, dst): paths or IO objects; the byte count."""
    if not isinstance(dst, RIO) and guard(rt, "IO.copy_stream", (src, dst)):
        return 0
    data = src.read_bytes(rt, None) if isinstance(src, RIO) else encode(read_file(rt, to_path(rt, src)))
    if isinstance(dst, RIO):
        dst.write_str(rt, decode(data))
    else:
        write_file(rt, to_path(rt, dst), decode(data))
    return len(data)


# ---------------------------------------------------------------- File instance methods


@builtin(FILE, "path", "to_path")
def file_path(rt: Any, recv: Any, block: Any = None) -> RString:
    """File#path: the path the file was opened with."""
    return RString(_file(rt, recv).path)


def _fstat(rt: Any, recv: Any) -> os.stat_result:
    f = _file(rt, recv)
    f.check_open(rt)
    return os.fstat(f.f.fileno())


@builtin(FILE, "mtime")
def file_mtime(rt: Any, recv: Any, block: Any = None) -> RTime:
    """File#mtime."""
    return from_ns(_fstat(rt, recv).st_mtime_ns)


@builtin(FILE, "atime")
def file_atime(rt: Any, recv: Any, block: Any = None) -> RTime:
    """File#atime."""
    return from_ns(_fstat(rt, recv).st_atime_ns)


@builtin(FILE, "size")
def file_size(rt: Any, recv: Any, block: Any = None) -> int:
    """File#size (buffered output included)."""
    f = _file(rt, recv)
    f.check_open(rt)
    f.f.flush()
    return os.fstat(f.f.fileno()).st_size


@builtin(FILE, "stat", "lstat")
def file_stat(rt: Any, recv: Any, block: Any = None) -> RStat:
    """File#stat."""
    return RStat(_fstat(rt, recv), _file(rt, recv).path)


@builtin(FILE, "chmod")
def file_chmod_i(rt: Any, recv: Any, mode: int, block: Any = None) -> int:
    """File#chmod."""
    if guard(rt, "File#chmod", (recv, mode)):
        return 0
    f = _file(rt, recv)
    f.check_open(rt)
    os.fchmod(f.f.fileno(), mode)
    return 0


@builtin(FILE, "flock")
def file_flock(rt: Any, recv: Any, op: int, block: Any = None) -> Any:
    """File#flock(File::LOCK_EX...): 0, or false when LOCK_NB would block."""
    import fcntl

    f = _file(rt, recv)
    f.check_open(rt)
    try:
        fcntl.flock(f.f.fileno(), op)
    except BlockingIOError:
        return False
    return 0


@builtin(FILE, "truncate")
def file_truncate_i(rt: Any, recv: Any, length: int, block: Any = None) -> int:
    """File#truncate."""
    if guard(rt, "File#truncate", (recv, length)):
        return 0
    f = _file(rt, recv)
    f.check_open(rt)
    f.f.flush()
    f.f.truncate(length)
    return 0


@builtin(IO, "rewind")
def io_rewind(rt: Any, recv: Any, block: Any = None) -> int:
    """IO#rewind."""
    f = _file(rt, recv)
    f.check_open(rt)
    f.f.seek(0)
    f.lineno = 0
    return 0


@builtin(IO, "seek", "pos=")
def io_seek(rt: Any, recv: Any, offset: int, whence: Any = 0, block: Any = None) -> int:
    """IO#seek(offset, whence=IO::SEEK_SET)."""
    f = _file(rt, recv)
    f.check_open(rt)
    names = {"SET": 0, "CUR": 1, "END": 2}
    f.f.seek(offset, names.get(pystr(whence), 0) if not isinstance(whence, int) else whence)
    return 0


@builtin(IO, "pos", "tell")
def io_pos(rt: Any, recv: Any, block: Any = None) -> int:
    """IO#pos."""
    f = _file(rt, recv)
    f.check_open(rt)
    return f.f.tell()
