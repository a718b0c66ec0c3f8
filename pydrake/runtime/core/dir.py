"""Dir: globbing, the current directory, directory listings, home and temporary directories."""

from __future__ import annotations

import os
import stat as _stat
import time as _time
from typing import Any

from pydrake.runtime.classes import DIR, builtin, register_type
from pydrake.runtime.core.file import os_error, path_list, to_path
from pydrake.runtime.core.io import enumerator, split_options
from pydrake.runtime.objects import RString
from pydrake.runtime.safe_mode import guard


def glob_paths(patterns: list[str], flags: int = 0, base: str | None = None) -> list[str]:
    """Dir.glob over several patterns: each pattern's matches in turn (duplicates kept, as in Ruby)."""
    from pydrake.runtime import glob as rglob

    out: list[str] = []
    for pattern in patterns:
        out.extend(rglob.glob(pattern, flags, base))
    return out


def _glob(rt: Any, patterns: Any, flags: Any, opts: dict[str, Any], block: Any) -> Any:
    base = opts.get("base")
    flags = opts.get("flags", flags) or 0
    names = [
        RString(p) for p in glob_paths(path_list(rt, patterns), flags, None if base is None else to_path(rt, base))
    ]
    if block is None:
        return names
    for name in names:
        rt.call_block(block, name)
    return None


@builtin(DIR, "glob", singleton=True)
def dir_glob(rt: Any, cls: Any, *args: Any, block: Any = None) -> Any:
    """Dir.glob(pattern or patterns, flags=0, base: nil): the matches; nil with a block."""
    pos, opts = split_options(args)
    if not pos:
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1..2)")
    return _glob(rt, pos[0], pos[1] if len(pos) > 1 else 0, opts, block)


@builtin(DIR, "[]", singleton=True)
def dir_aref(rt: Any, cls: Any, *args: Any, block: Any = None) -> Any:
    """Dir[*patterns, base: nil]."""
    pos, opts = split_options(args)
    return _glob(rt, pos, 0, opts, None)


@builtin(DIR, "pwd", "getwd", singleton=True)
def dir_pwd(rt: Any, cls: Any, block: Any = None) -> RString:
    """Dir.pwd: the current directory, absolute."""
    return RString(os.getcwd())


def home(rt: Any, user: str | None = None) -> str:
    """Dir.home: $HOME, or a user's home directory from the password database."""
    import pwd

    if not user:
        env = os.environ.get("HOME")
        if env is not None:
            return env
        try:
            return pwd.getpwuid(os.getuid()).pw_dir
        except KeyError:
            raise rt.error("ArgumentError", "couldn't find login name -- expanding `~'") from None
    try:
        return pwd.getpwnam(user).pw_dir
    except KeyError:
        raise rt.error("ArgumentError", f"user {user} doesn't exist") from None


@builtin(DIR, "home", singleton=True)
def dir_home(rt: Any, cls: Any, user: Any = None, block: Any = None) -> RString:
    """Dir.home([user])."""
    return RString(home(rt, None if user is None else to_path(rt, user)))


def chdir(rt: Any, path: str) -> None:
    """Change the process's current directory (Errno on failure)."""
    try:
        os.chdir(path)
    except OSError as exc:
        raise os_error(rt, exc, "dir_s_chdir") from None


@builtin(DIR, "chdir", singleton=True)
def dir_chdir(rt: Any, cls: Any, path: Any = None, block: Any = None) -> Any:
    """Dir.chdir(path = home): 0; with a block, the block's value, the old directory restored after."""
    target = home(rt) if path is None else to_path(rt, path)
    if block is None:
        chdir(rt, target)
        return 0
    previous = os.getcwd()
    chdir(rt, target)
    try:
        return rt.call_block(block, RString(target))
    finally:
        chdir(rt, previous)


@builtin(DIR, "exist?", "exists?", singleton=True)
def dir_exist(rt: Any, cls: Any, path: Any, block: Any = None) -> bool:
    """Dir.exist?: an existing directory (symlinks followed)."""
    return os.path.isdir(to_path(rt, path))


@builtin(DIR, "empty?", singleton=True)
def dir_empty(rt: Any, cls: Any, path: Any, block: Any = None) -> bool:
    """Dir.empty?: a directory with no entries (false for anything else)."""
    p = to_path(rt, path)
    try:
        with os.scandir(p) as it:
            return next(it, None) is None
    except OSError:
        return False


@builtin(DIR, "mkdir", singleton=True)
def dir_mkdir(rt: Any, cls: Any, path: Any, mode: Any = 0o777, block: Any = None) -> int:
    """Dir.mkdir(path, mode=0777)."""
    if guard(rt, "Dir.mkdir", (path,)):
        return 0
    try:
        os.mkdir(to_path(rt, path), mode)
    except OSError as exc:
        raise os_error(rt, exc, "dir_s_mkdir") from None
    return 0


@builtin(DIR, "rmdir", "delete", "unlink", singleton=True)
def dir_rmdir(rt: Any, cls: Any, path: Any, block: Any = None) -> int:
    """Dir.rmdir(path)."""
    if guard(rt, "Dir.rmdir", (path,)):
        return 0
    try:
        os.rmdir(to_path(rt, path))
    except OSError as exc:
        raise os_error(rt, exc, "dir_s_rmdir") from None
    return 0


def children(rt: Any, path: str) -> list[str]:
    """The names in a directory, without "." and "..", in the order the OS lists them."""
    try:
        return os.listdir(path)
    except OSError as exc:
        raise os_error(rt, exc, "dir_initialize") from None


@builtin(DIR, "children", singleton=True)
def dir_children(rt: Any, cls: Any, path: Any, *args: Any, block: Any = None) -> list[RString]:
    """Dir.children(path)."""
    return [RString(n) for n in children(rt, to_path(rt, path))]


@builtin(DIR, "entries", singleton=True)
def dir_entries(rt: Any, cls: Any, path: Any, *args: Any, block: Any = None) -> list[RString]:
    """Dir.entries(path): the children plus "." and ".."."""
    return [RString(n) for n in [".", "..", *children(rt, to_path(rt, path))]]


def _each(rt: Any, names: list[str], block: Any) -> Any:
    items = [RString(n) for n in names]
    if block is None:
        return enumerator(rt, items)
    for item in items:
        rt.call_block(block, item)
    return None


@builtin(DIR, "each_child", singleton=True)
def dir_each_child(rt: Any, cls: Any, path: Any, *args: Any, block: Any = None) -> Any:
    """Dir.each_child(path) { |name| }."""
    return _each(rt, children(rt, to_path(rt, path)), block)


@builtin(DIR, "foreach", singleton=True)
def dir_foreach(rt: Any, cls: Any, path: Any, *args: Any, block: Any = None) -> Any:
    """Dir.foreach(path) { |name| }: "." and ".." included."""
    return _each(rt, [".", "..", *children(rt, to_path(rt, path))], block)


def tmpdir() -> str:
    """Dir.tmpdir: $TMPDIR, $TMP or $TEMP when usable, else /tmp."""
    for candidate in (os.environ.get("TMPDIR"), os.environ.get("TMP"), os.environ.get("TEMP"), "/tmp"):
        if not candidate:
            continue
        try:
            st = os.stat(candidate)
        except OSError:
            continue
        if not _stat.S_ISDIR(st.st_mode) or not os.access(candidate, os.W_OK | os.X_OK):
            continue
        if st.st_mode & 0o002 and not st.st_mode & _stat.S_ISVTX:
            continue
        return candidate.rstrip("/") or "/"
    return os.getcwd()


@builtin(DIR, "tmpdir", singleton=True)
def dir_tmpdir(rt: Any, cls: Any, block: Any = None) -> RString:
    """Dir.tmpdir (from ``require "tmpdir"``)."""
    return RString(tmpdir())


@builtin(DIR, "mktmpdir", singleton=True)
def dir_mktmpdir(rt: Any, cls: Any, *args: Any, block: Any = None) -> Any:
    """Dir.mktmpdir(prefix = "d", tmpdir = Dir.tmpdir): the new directory; with a block, removed afterwards."""
    if guard(rt, "Dir.mktmpdir", args):
        return None
    import shutil
    import tempfile
    pos, opts = split_options(args)
    spec = pos[0] if pos else None
    prefix, suffix = "d", ""
    if isinstance(spec, list):
        prefix = to_path(rt, spec[0]) if spec and spec[0] is not None else "d"
        suffix = to_path(rt, spec[1]) if len(spec) > 1 and spec[1] is not None else ""
    elif spec is not None:
        prefix = to_path(rt, spec)
    parent = to_path(rt, pos[1]) if len(pos) > 1 and pos[1] is not None else tmpdir()
    stamp = _time.strftime("%Y%m%d")
    try:
        path = tempfile.mkdtemp(suffix=suffix, prefix=f"{prefix}{stamp}-{os.getpid()}-", dir=parent)
    except OSError as exc:
        raise os_error(rt, exc, "dir_s_mkdir") from None
    if block is None:
        return RString(path)
    try:
        return rt.call_block(block, RString(path))
    finally:
        if os.path.lexists(path):
            shutil.rmtree(path, ignore_errors=True)


# ---------------------------------------------------------------- Dir objects


class RDir:
    """An open Dir: a path and its listing, read once."""

    def __init__(self, path: str, names: list[str]) -> None:
        self.path = path
        self.names = names
        self.closed = False


register_type(RDir, DIR)


def _open_dir(rt: Any, args: tuple[Any, ...]) -> RDir:
    pos, _ = split_options(args)
    if not pos:
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1)")
    path = to_path(rt, pos[0])
    return RDir(path, children(rt, path))


@builtin(DIR, "new", singleton=True)
def dir_new(rt: Any, cls: Any, *args: Any, block: Any = None) -> RDir:
    """Dir.new(path)."""
    return _open_dir(rt, args)


@builtin(DIR, "open", singleton=True)
def dir_open(rt: Any, cls: Any, *args: Any, block: Any = None) -> Any:
    """Dir.open(path) { |dir| }."""
    d = _open_dir(rt, args)
    if block is None:
        return d
    try:
        return rt.call_block(block, d)
    finally:
        d.closed = True


@builtin(DIR, "path", "to_path")
def dir_path(rt: Any, recv: RDir, block: Any = None) -> RString:
    """Dir#path."""
    return RString(recv.path)


@builtin(DIR, "children")
def dir_i_children(rt: Any, recv: RDir, block: Any = None) -> list[RString]:
    """Dir#children."""
    return [RString(n) for n in recv.names]


@builtin(DIR, "entries")
def dir_i_entries(rt: Any, recv: RDir, block: Any = None) -> list[RString]:
    """Dir#entries."""
    return [RString(n) for n in [".", "..", *recv.names]]


@builtin(DIR, "each_child")
def dir_i_each_child(rt: Any, recv: RDir, block: Any = None) -> Any:
    """Dir#each_child."""
    result = _each(rt, recv.names, block)
    return recv if block is not None else result


@builtin(DIR, "each")
def dir_i_each(rt: Any, recv: RDir, block: Any = None) -> Any:
    """Dir#each: "." and ".." included."""
    result = _each(rt, [".", "..", *recv.names], block)
    return recv if block is not None else result


@builtin(DIR, "close")
def dir_i_close(rt: Any, recv: RDir, block: Any = None) -> None:
    """Dir#close."""
    recv.closed = True
    return None


@builtin(DIR, "inspect")
def dir_i_inspect(rt: Any, recv: RDir, block: Any = None) -> RString:
    """Dir#inspect."""
    return RString(f"#<Dir:{recv.path}>")
