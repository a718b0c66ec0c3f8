"""FileUtils: Ruby's file operations (fileutils 1.6) as Python functions, their verbose echo lines, and the Ruby module.

The Python functions take ``str`` paths (or lists of them) and raise
``OSError`` the way Ruby raises ``Errno`` (each error carries ``ruby_where``
for the Ruby message), or ``FileUtilsError`` for Ruby's ArgumentError and
RuntimeError cases. The Ruby module functions echo only when given
``verbose: true``; Rake's echoing wrapper builds on ``echo_line``.
"""

from __future__ import annotations

import errno
import os
import stat as _stat
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from pydrake.runtime.classes import CORE, builtin
from pydrake.runtime.core.file import basename, dirname, expand_path, join, os_error, path_list, to_path
from pydrake.runtime.core.io import split_options, type_name, write_text
from pydrake.runtime.core.time import RTime, strftime, to_ns
from pydrake.runtime.objects import RModule, RString, pystr, truthy
from pydrake.runtime.safe_mode import enabled, guard, note_side_effect

Paths = str | Sequence[str]


class FileUtilsError(Exception):
    """A FileUtils failure that Ruby reports as ``ruby_class`` (ArgumentError, RuntimeError)."""

    def __init__(self, message: str, ruby_class: str = "ArgumentError") -> None:
        super().__init__(message)
        self.ruby_class = ruby_class


@contextmanager
def _where(tag: str, path: str | None = None) -> Iterator[None]:
    """Tag OS errors raised inside with the Ruby C function they stand for (and ``path`` when they lack one)."""
    try:
        yield
    except OSError as exc:
        if not hasattr(exc, "ruby_where"):
            exc.ruby_where = tag  # type: ignore[attr-defined]
        if exc.filename is None and path is not None:
            exc.filename = path
        raise


def _oserror(code: int, path: str) -> OSError:
    exc = OSError(code, os.strerror(code), path)
    exc.ruby_where = None  # type: ignore[attr-defined]
    return exc


def _list(paths: Paths) -> list[str]:
    if isinstance(paths, str):
        return [paths]
    out: list[str] = []
    for p in paths:
        out.extend(_list(p))
    return out


def _strip_slash(path: str) -> str:
    return path if path == "/" else path.rstrip("/") or path[:1]


def _isdir(path: str) -> bool:
    return os.path.isdir(path)


def _src_dest(src: Paths, dest: str) -> Iterator[tuple[str, str]]:
    """Ruby's fu_each_src_dest0: into ``dest`` when it is a directory or ``src`` is a list."""
    if not isinstance(src, str):
        for s in _list(src):
            yield s, join([dest, basename(s)])
    elif _isdir(dest):
        yield src, join([dest, basename(src)])
    else:
        yield src, dest


def identical(a: str, b: str) -> bool:
    """File.identical?: both exist and are the same file."""
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def _src_dest_checked(src: Paths, dest: str) -> Iterator[tuple[str, str]]:
    for s, d in _src_dest(src, dest):
        if identical(s, d):
            raise FileUtilsError(f"same file: {s} and {d}")
        yield s, d


# ---------------------------------------------------------------- directories


def pwd() -> str:
    """FileUtils.pwd."""
    return os.getcwd()


def cd(path: str) -> None:
    """FileUtils.cd (without a block): change the current directory."""
    with _where("dir_s_chdir"):
        os.chdir(path)


def _mkdir(path: str, mode: int | None) -> None:
    path = _strip_slash(path)
    with _where("dir_s_mkdir"):
        if mode is None:
            os.mkdir(path)
        else:
            os.mkdir(path, mode)
    if mode is not None:
        with _where("apply2files"):
            os.chmod(path, mode)


def mkdir(paths: Paths, mode: int | None = None) -> list[str]:
    """FileUtils.mkdir: each directory (its parent must exist)."""
    items = _list(paths)
    for p in items:
        _mkdir(p, mode)
    return items


def mkdir_p(paths: Paths, mode: int | None = None) -> list[str]:
    """FileUtils.mkdir_p: each directory and its missing parents; existing directories are fine."""
    items = _list(paths)
    for item in items:
        path = _strip_slash(item)
        stack = []
        while not _isdir(path):
            stack.append(path)
            parent = dirname(path)
            if parent == path:
                break
            path = parent
        for d in reversed(stack):
            try:
                _mkdir(d, mode)
            except OSError:
                if not _isdir(d):
                    raise
    return items


mkpath = makedirs = mkdir_p


def rmdir(paths: Paths, parents: bool = False) -> list[str]:
    """FileUtils.rmdir (``parents``: then each empty parent)."""
    items = _list(paths)
    for item in items:
        d = _strip_slash(item)
        with _where("dir_s_rmdir"):
            os.rmdir(d)
        if parents:
            try:
                while True:
                    parent = dirname(d)
                    if parent in (".", d):
                        break
                    d = parent
                    os.rmdir(d)
            except OSError as exc:
                if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOENT):
                    raise
    return items


# ---------------------------------------------------------------- links


def ln(src: Paths, dest: str, force: bool = False) -> None:
    """FileUtils.ln: hard links (into ``dest`` when it is a directory)."""
    for s, d in _src_dest(src, dest):
        if force:
            remove_file(d, True)
        with _where("rb_file_s_link"):
            os.link(s, d)


link = ln


def ln_s(src: Paths, dest: str, force: bool = False) -> None:
    """FileUtils.ln_s: symbolic links (into ``dest`` when it is a directory)."""
    for s, d in _src_dest(src, dest):
        if force:
            remove_file(d, True)
        with _where("rb_file_s_symlink"):
            os.symlink(s, d)


symlink = ln_s


def ln_sf(src: Paths, dest: str) -> None:
    """FileUtils.ln_sf: ln_s replacing an existing destination."""
    ln_s(src, dest, force=True)


# ---------------------------------------------------------------- copying


def copy_file(src: str, dest: str, preserve: bool = False, dereference: bool = True) -> None:
    """FileUtils.copy_file: contents copied, a new file gets the source's permissions."""
    with _where("rb_sysopen"):
        fin = open(src, "rb")
    with fin:
        st = os.fstat(fin.fileno())
        if _stat.S_ISDIR(st.st_mode):
            raise _oserror(errno.EISDIR, "read")
        with _where("rb_sysopen"):
            fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, st.st_mode & 0o7777)
        with os.fdopen(fd, "wb") as fout:
            import shutil

            shutil.copyfileobj(fin, fout, 1 << 20)
    if preserve:
        _copy_metadata(src, dest, os.stat(src) if dereference else os.lstat(src))


def _copy_metadata(src: str, dest: str, st: os.stat_result) -> None:
    if _stat.S_ISLNK(st.st_mode):
        return
    os.utime(dest, ns=(st.st_atime_ns, st.st_mtime_ns))
    mode = st.st_mode
    try:
        os.chown(dest, st.st_uid, st.st_gid)
    except PermissionError:
        mode &= 0o1777
    os.chmod(dest, _stat.S_IMODE(mode))


def _descendant(descendant: str, ascendant: str) -> bool:
    return expand_path(dirname(descendant)) == expand_path(ascendant)


def _copy_one(path: str, st: os.stat_result, dest: str) -> None:
    mode = st.st_mode
    if _stat.S_ISREG(mode):
        copy_file(path, dest)
    elif _stat.S_ISDIR(mode):
        if not os.path.exists(dest) and _descendant(dest, path):
            raise FileUtilsError(f"cannot copy directory {path} to itself {dest}")
        try:
            with _where("dir_s_mkdir"):
                os.mkdir(dest)
        except OSError:
            if not _isdir(dest):
                raise
    elif _stat.S_ISLNK(mode):
        with _where("rb_file_s_symlink"):
            os.symlink(os.readlink(path), dest)
    elif _stat.S_ISFIFO(mode):
        os.mkfifo(dest, _stat.S_IMODE(mode))
    elif _stat.S_ISCHR(mode) or _stat.S_ISBLK(mode):
        raise FileUtilsError("cannot handle device file", "RuntimeError")
    else:
        raise FileUtilsError(f"unknown file type: {path}", "RuntimeError")


def copy_entry(
    src: str, dest: str, preserve: bool = False, dereference_root: bool = False, remove_destination: bool = False
) -> None:
    """FileUtils.copy_entry: a file, symlink or whole directory tree."""
    if dereference_root:
        try:
            src = os.path.realpath(src, strict=True)
        except OSError as exc:
            exc.filename, exc.filename2 = src, None
            exc.ruby_where = "rb_check_realpath_internal"  # type: ignore[attr-defined]
            raise

    def walk(path: str, target: str) -> None:
        with _where("rb_file_s_lstat"):
            st = os.lstat(path)
        if remove_destination and (os.path.isfile(target) or os.path.islink(target)):
            with _where("apply2files"):
                os.unlink(target)
        _copy_one(path, st, target)
        if _stat.S_ISDIR(st.st_mode):
            for name in os.listdir(path):
                walk(join([path, name]), join([target, name]))
        if preserve:
            _copy_metadata(path, target, st)

    walk(src, dest)


def cp(src: Paths, dest: str, preserve: bool = False) -> None:
    """FileUtils.cp: files (into ``dest`` when it is a directory)."""
    for s, d in _src_dest_checked(src, dest):
        copy_file(s, d, preserve)


copy = cp


def cp_r(
    src: Paths, dest: str, preserve: bool = False, dereference_root: bool = True, remove_destination: bool = False
) -> None:
    """FileUtils.cp_r: files and directory trees (into ``dest`` when it is a directory)."""
    for s, d in _src_dest_checked(src, dest):
        copy_entry(s, d, preserve, dereference_root, remove_destination)


def mv(src: Paths, dest: str, force: bool = False) -> None:
    """FileUtils.mv: rename (onto or into ``dest``), copying across file systems."""
    for s, d in _src_dest_checked(src, dest):
        try:
            if os.path.exists(d) and _isdir(d):
                raise _oserror(errno.EEXIST, d)
            try:
                with _where("rb_file_s_rename"):
                    os.rename(s, d)
            except OSError as exc:
                if exc.errno not in (errno.EXDEV, errno.EPERM):
                    raise
                copy_entry(s, d, True)
                remove_entry(s, force)
        except OSError:
            if not force:
                raise


move = mv


def install(
    src: Paths,
    dest: str,
    mode: int | str | None = None,
    preserve: bool = False,
    owner: str | int | None = None,
    group: str | int | None = None,
) -> None:
    """FileUtils.install: copy unless identical content is already there, then set the mode."""
    uid = _uid(owner)
    gid = _gid(group)
    for s, d in _src_dest_checked(src, dest):
        with _where("rb_file_s_stat"):
            st = os.stat(s)
        if os.path.exists(d) and compare_file(s, d):
            continue
        remove_file(d, True)
        copy_file(s, d)
        if preserve:
            os.utime(d, ns=(st.st_atime_ns, st.st_mtime_ns))
        if mode is not None:
            os.chmod(d, mode_bits(mode, d))
        if uid is not None or gid is not None:
            os.chown(d, -1 if uid is None else uid, -1 if gid is None else gid)


# ---------------------------------------------------------------- removing


def remove_file(path: str, force: bool = False) -> None:
    """FileUtils.remove_file: unlink (errors ignored when ``force``)."""
    try:
        with _where("apply2files"):
            os.unlink(path)
    except OSError:
        if not force:
            raise


def remove_entry(path: str, force: bool = False) -> None:
    """FileUtils.remove_entry: a file, symlink or directory tree, children first."""
    try:
        st = os.lstat(path)
    except OSError:
        st = None
    if st is not None and _stat.S_ISDIR(st.st_mode):
        try:
            with _where("dir_initialize"):
                names = os.listdir(path)
        except OSError:
            if not force:
                raise
            names = []
        for name in names:
            remove_entry(join([path, name]), force)
        try:
            with _where("dir_s_rmdir"):
                os.rmdir(_strip_slash(path))
        except OSError:
            if not force:
                raise
    else:
        remove_file(path, force)


def remove_dir(path: str, force: bool = False) -> None:
    """FileUtils.remove_dir: remove_entry."""
    remove_entry(path, force)


remove_entry_secure = remove_entry


def rm(paths: Paths, force: bool = False) -> list[str]:
    """FileUtils.rm: files (FileNotFoundError for a missing one unless ``force``)."""
    items = _list(paths)
    for p in items:
        remove_file(p, force)
    return items


remove = rm


def rm_f(paths: Paths) -> list[str]:
    """FileUtils.rm_f."""
    return rm(paths, force=True)


safe_unlink = rm_f


def rm_r(paths: Paths, force: bool = False) -> list[str]:
    """FileUtils.rm_r: files and directory trees."""
    items = _list(paths)
    for p in items:
        remove_entry(p, force)
    return items


def rm_rf(paths: Paths) -> list[str]:
    """FileUtils.rm_rf: rm_r ignoring every error (a missing path is fine)."""
    return rm_r(paths, force=True)


rmtree = rm_rf


# ---------------------------------------------------------------- attributes


def touch(paths: Paths, nocreate: bool = False, mtime: int | None = None) -> list[str]:
    """FileUtils.touch: set times to now (or ``mtime``, in ns); create missing files unless ``nocreate``."""
    items = _list(paths)
    for path in items:
        created = nocreate
        while True:
            try:
                with _where("apply2files", path):
                    if mtime is None:
                        os.utime(path)
                    else:
                        os.utime(path, ns=(mtime, mtime))
                break
            except FileNotFoundError:
                if created:
                    raise
                with _where("rb_sysopen"):
                    open(path, "ab").close()
                created = True
                if mtime is None:
                    break
    return items


def _user_mask(target: str) -> int:
    mask = 0
    for ch in target:
        bits = {"u": 0o4700, "g": 0o2070, "o": 0o1007, "a": 0o7777}.get(ch)
        if bits is None:
            raise FileUtilsError(f"invalid `who' symbol in file mode: {ch}")
        mask |= bits
    return mask


def _apply_mask(mode: int, user_mask: int, op: str, mode_mask: int) -> int:
    if op == "=":
        return (mode & ~user_mask) | (user_mask & mode_mask)
    if op == "+":
        return mode | (user_mask & mode_mask)
    return mode & ~(user_mask & mode_mask)


def symbolic_mode(mode_sym: str, path: str) -> int:
    """A chmod(1)-style mode ("u+x", "go-w", "a=rX") applied to ``path``'s current mode."""
    import re

    with _where("rb_file_s_stat"):
        st = os.stat(path)
    current = st.st_mode & 0o7777
    for clause in mode_sym.split(","):
        parts = re.split(r"([=+-])", clause)
        target, actions = parts[0], parts[1:]
        if not actions:
            raise FileUtilsError(f"invalid file mode: {mode_sym}")
        user_mask = _user_mask(target or "a")
        for i in range(0, len(actions), 2):
            op, perm = actions[i], actions[i + 1] if i + 1 < len(actions) else ""
            need_apply = op == "="
            mask = 0
            for ch in perm:
                if ch == "r":
                    mask |= 0o444
                elif ch == "w":
                    mask |= 0o222
                elif ch == "x":
                    mask |= 0o111
                elif ch == "X":
                    if _stat.S_ISDIR(st.st_mode):
                        mask |= 0o111
                elif ch == "s":
                    mask |= 0o6000
                elif ch == "t":
                    mask |= 0o1000
                elif ch in "ugo":
                    if mask:
                        current = _apply_mask(current, user_mask, op, mask)
                    need_apply = False
                    copy_mask = _user_mask(ch)
                    mask = (current & copy_mask) // (copy_mask & 0o111) * (user_mask & 0o111)
                else:
                    raise FileUtilsError(f"invalid `perm' symbol in file mode: {ch}")
            if mask or need_apply:
                current = _apply_mask(current, user_mask, op, mask)
    return current


def mode_bits(mode: int | str, path: str) -> int:
    """A numeric mode, or a symbolic one resolved against ``path``."""
    return symbolic_mode(mode, path) if isinstance(mode, str) else mode


def _chmod_entry(mode: int | str, path: str) -> None:
    with _where("apply2files"):
        if os.path.islink(path):
            return  # Linux has no lchmod: Ruby leaves symlinks alone
        os.chmod(path, mode_bits(mode, path))


def chmod(mode: int | str, paths: Paths) -> list[str]:
    """FileUtils.chmod(mode, paths): numeric or symbolic ("u+x") modes."""
    items = _list(paths)
    for p in items:
        _chmod_entry(mode, p)
    return items


def _preorder(root: str) -> Iterator[str]:
    stack = [root]
    while stack:
        path = stack.pop()
        yield path
        try:
            is_dir = _stat.S_ISDIR(os.lstat(path).st_mode)
        except OSError:
            is_dir = False
        if is_dir:
            stack.extend(reversed([join([path, n]) for n in os.listdir(path)]))


def chmod_R(mode: int | str, paths: Paths, force: bool = False) -> list[str]:
    """FileUtils.chmod_R: every entry of each tree."""
    items = _list(paths)
    for root in items:
        for path in _preorder(root):
            try:
                _chmod_entry(mode, path)
            except OSError:
                if not force:
                    raise
    return items


def _uid(user: str | int | None) -> int | None:
    if user is None or isinstance(user, int):
        return user
    if user.isdigit():
        return int(user)
    import pwd

    return pwd.getpwnam(user).pw_uid


def _gid(group: str | int | None) -> int | None:
    if group is None or isinstance(group, int):
        return group
    if group.isdigit():
        return int(group)
    import grp

    return grp.getgrnam(group).gr_gid


def chown(user: str | int | None, group: str | int | None, paths: Paths) -> list[str]:
    """FileUtils.chown."""
    items = _list(paths)
    uid, gid = _uid(user), _gid(group)
    for p in items:
        with _where("apply2files"):
            os.chown(p, -1 if uid is None else uid, -1 if gid is None else gid)
    return items


def chown_R(user: str | int | None, group: str | int | None, paths: Paths, force: bool = False) -> list[str]:
    """FileUtils.chown_R."""
    items = _list(paths)
    uid, gid = _uid(user), _gid(group)
    for root in items:
        for path in _preorder(root):
            try:
                with _where("apply2files"):
                    os.lchown(path, -1 if uid is None else uid, -1 if gid is None else gid)
            except OSError:
                if not force:
                    raise
    return items


# ---------------------------------------------------------------- comparisons


def compare_file(a: str, b: str) -> bool:
    """FileUtils.compare_file / identical? / cmp: same size and the same bytes."""
    with _where("rb_file_s_size"):
        if os.path.getsize(a) != os.path.getsize(b):
            return False
    with _where("rb_sysopen"), open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            ca, cb = fa.read(1 << 16), fb.read(1 << 16)
            if ca != cb:
                return False
            if not ca:
                return True


def uptodate(new: str, old_list: Sequence[str]) -> bool:
    """FileUtils.uptodate?: ``new`` exists and is newer than every existing file of ``old_list``."""
    try:
        new_time = os.stat(new).st_mtime_ns
    except OSError:
        return False
    for old in old_list:
        try:
            if not new_time > os.stat(old).st_mtime_ns:
                return False
        except OSError:
            continue
    return True


# ---------------------------------------------------------------- verbose echo

# Verbs that take ``verbose:``/``noop:`` (FileUtils.commands); Rake echoes exactly these.
COMMANDS = frozenset(
    "cd chdir chmod chmod_R chown chown_R copy cp cp_lr cp_r install link ln ln_s ln_sf makedirs mkdir "
    "mkdir_p mkpath move mv remove rm rm_f rm_r rm_rf rmdir rmtree safe_unlink symlink touch".split()
)
_ALIASES = {
    "mkpath": "mkdir_p",
    "makedirs": "mkdir_p",
    "copy": "cp",
    "move": "mv",
    "remove": "rm",
    "safe_unlink": "rm_f",
    "rmtree": "rm_rf",
    "link": "ln",
    "symlink": "ln_s",
    "chdir": "cd",
}


def _words(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [w for v in value for w in _words(v)]
    return [pystr(value)]


def _mode_s(mode: Any) -> str:
    return pystr(mode) if not isinstance(mode, int) else f"{mode:o}"


def echo_line(verb: str, args: Sequence[Any], options: Mapping[Any, Any] | None = None) -> str:
    """The line FileUtils prints for ``verb(*args, **options)`` in verbose mode (without the newline).

    ``args`` are the positional arguments (paths as str/RString or lists of them,
    modes as int or str); ``options`` keys may be str or Symbol.
    """
    o = {pystr(k): v for k, v in (options or {}).items()}
    v = _ALIASES.get(verb, verb)
    flag = truthy
    if v == "ln_sf":
        v, o["force"] = "ln_s", True
    if v == "rm_f":
        v, o["force"] = "rm", True
    if v == "rm_rf":
        v, o["force"] = "rm_r", True
    if v in ("mkdir", "mkdir_p"):
        mode = o.get("mode")
        return " ".join(
            ["mkdir"] + (["-p"] if v == "mkdir_p" else []) + ([f"-m {mode:03o}"] if mode else []) + _words(args[0])
        )
    if v == "rmdir":
        return " ".join(["rmdir"] + (["-p"] if flag(o.get("parents")) else []) + _words(args[0]))
    if v == "ln":
        return " ".join(["ln"] + (["-f"] if flag(o.get("force")) else []) + _words(list(args[:2])))
    if v == "ln_s":
        return " ".join(["ln -sf" if flag(o.get("force")) else "ln -s"] + _words(list(args[:2])))
    if v == "cp_lr":
        return " ".join(
            ["cp -lr"]
            + (["--remove-destination"] if flag(o.get("remove_destination")) else [])
            + _words(list(args[:2]))
        )
    if v == "cp":
        return " ".join(["cp"] + (["-p"] if flag(o.get("preserve")) else []) + _words(list(args[:2])))
    if v == "cp_r":
        head = "cp -rp" if flag(o.get("preserve")) else "cp -r"
        return " ".join(
            [head] + (["--remove-destination"] if flag(o.get("remove_destination")) else []) + _words(list(args[:2]))
        )
    if v == "mv":
        return " ".join(["mv"] + (["-f"] if flag(o.get("force")) else []) + _words(list(args[:2])))
    if v == "rm":
        return " ".join(["rm"] + (["-f"] if flag(o.get("force")) else []) + _words(args[0]))
    if v == "rm_r":
        return " ".join(["rm -rf" if flag(o.get("force")) else "rm -r"] + _words(args[0]))
    if v == "install":
        parts = ["install -c"]
        if flag(o.get("preserve")):
            parts.append("-p")
        if o.get("mode") is not None:
            parts.append(f"-m {_mode_s(o['mode'])}")
        if o.get("owner") is not None:
            parts.append(f"-o {pystr(o['owner'])}")
        if o.get("group") is not None:
            parts.append(f"-g {pystr(o['group'])}")
        return " ".join(parts + _words(list(args[:2])))
    if v == "chmod":
        return " ".join(["chmod", _mode_s(args[0])] + _words(args[1]))
    if v == "chmod_R":
        return " ".join(["chmod -Rf" if flag(o.get("force")) else "chmod -R", _mode_s(args[0])] + _words(args[1]))
    if v in ("chown", "chown_R"):
        user, group = args[0], args[1]
        who = (
            f"{pystr(user) if user is not None else ''}:{pystr(group)}"
            if group is not None
            else (pystr(user) if user is not None else ":")
        )
        head = "chown" if v == "chown" else ("chown -Rf" if flag(o.get("force")) else "chown -R")
        return " ".join([head, who] + _words(args[2]))
    if v == "touch":
        parts = ["touch"]
        if flag(o.get("nocreate")):
            parts.append("-c")
        t = o.get("mtime")
        if t is not None:
            rtime = t if isinstance(t, RTime) else RTime(int(t * 1_000_000_000) if isinstance(t, float) else t)
            parts.append(strftime(rtime, "-t %Y%m%d%H%M.%S"))
        return " ".join(parts + _words(args[0]))
    if v == "cd":
        return f"cd {pystr(args[0])}"
    raise ValueError(f"FileUtils.{verb} does not echo")


# ---------------------------------------------------------------- the Ruby module

FILEUTILS = RModule("FileUtils")
FILEUTILS.constants["VERSION"] = RString("1.6.0", frozen=True)
CORE["FileUtils"] = FILEUTILS


def _ruby(names: str, allowed: str, writes: bool = True) -> Any:
    """Register a FileUtils module function (callable as FileUtils.x and, once included, as x).

    ``writes``: the function changes files, so ``--safe`` skips it (see ``safe_mode.guard``).
    """
    allowed_set = frozenset(allowed.split())
    verb = names.split()[0]

    def register(fn: Any) -> Any:
        def method(rt: Any, recv: Any, *args: Any, block: Any = None) -> Any:
            if writes:
                if not enabled(rt):
                    note_side_effect(rt)
                elif guard(rt, verb, split_options(args)[0]):
                    return None
            pos, opts = split_options(args)
            for key in opts:
                if key not in allowed_set:
                    raise rt.error("ArgumentError", f"unknown keyword: :{key}")
            try:
                return fn(rt, pos, opts, block)
            except OSError as exc:
                raise os_error(rt, exc) from None
            except FileUtilsError as exc:
                raise rt.error(exc.ruby_class, str(exc)) from None

        method.__doc__ = fn.__doc__
        method.__name__ = fn.__name__
        for name in names.split():
            builtin(FILEUTILS, name)(method)
            builtin(FILEUTILS, name, singleton=True)(method)
        return fn

    return register


def _arity(rt: Any, pos: list[Any], n: int) -> None:
    if len(pos) != n:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(pos)}, expected {n})")


def _announce(rt: Any, verb: str, pos: list[Any], opts: dict[str, Any]) -> bool:
    """Echo when ``verbose:`` is set; True when ``noop:`` says not to act."""
    if truthy(opts.get("verbose")):
        write_text(rt.stdout, echo_line(verb, pos, opts) + "\n")
    return truthy(opts.get("noop"))


def _src(rt: Any, value: Any) -> Paths:
    """A source argument: one path, or a list of paths when it is an Array (or FileList)."""
    if isinstance(value, list) or (
        not isinstance(value, RString) and value is not None and rt.responds_to(value, "to_ary")
    ):
        return path_list(rt, value)
    return to_path(rt, value)


def _rstrs(items: list[str]) -> list[RString]:
    return [RString(p) for p in items]


def _mode_arg(rt: Any, mode: Any) -> int | str:
    if isinstance(mode, int) and not isinstance(mode, bool):
        return mode
    if isinstance(mode, (RString, str)):
        return pystr(mode)
    raise rt.error("TypeError", f"no implicit conversion of {type_name(mode)} into Integer")


def _list_verb(verb: str, fn: Any, names: str, allowed: str, extra: Any = None) -> None:
    @_ruby(names, allowed)
    def verb_method(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> Any:
        _arity(rt, pos, 1)
        items = path_list(rt, pos[0])
        if _announce(rt, verb, [items], opts):
            return _rstrs(items) if verb == "mkdir_p" else None
        kwargs = extra(rt, opts) if extra else {}
        return _rstrs(fn(items, **kwargs))

    verb_method.__doc__ = f"FileUtils.{verb}(list, ...)."


_list_verb("mkdir", mkdir, "mkdir", "mode noop verbose", lambda rt, o: {"mode": o.get("mode")})
_list_verb("mkdir_p", mkdir_p, "mkdir_p mkpath makedirs", "mode noop verbose", lambda rt, o: {"mode": o.get("mode")})
_list_verb("rmdir", rmdir, "rmdir", "parents noop verbose", lambda rt, o: {"parents": truthy(o.get("parents"))})
_list_verb("rm", rm, "rm remove", "force noop verbose", lambda rt, o: {"force": truthy(o.get("force"))})
_list_verb("rm_f", rm_f, "rm_f safe_unlink", "noop verbose")
_list_verb("rm_r", rm_r, "rm_r", "force noop verbose secure", lambda rt, o: {"force": truthy(o.get("force"))})
_list_verb("rm_rf", rm_rf, "rm_rf rmtree", "noop verbose secure")
_list_verb(
    "touch",
    touch,
    "touch",
    "noop verbose mtime nocreate",
    lambda rt, o: {
        "nocreate": truthy(o.get("nocreate")),
        "mtime": None if o.get("mtime") is None else to_ns(rt, o["mtime"]),
    },
)


def _pair_verb(verb: str, fn: Any, names: str, allowed: str, extra: Any, result: Any) -> None:
    @_ruby(names, allowed)
    def verb_method(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> Any:
        _arity(rt, pos, 2)
        src, dest = _src(rt, pos[0]), to_path(rt, pos[1])
        if _announce(rt, verb, [src, dest], opts):
            return None
        fn(src, dest, **extra(opts))
        return result(src)

    verb_method.__doc__ = f"FileUtils.{verb}(src, dest, ...)."


def _zero_or_list(src: Paths) -> Any:
    return 0 if isinstance(src, str) else _rstrs(list(src))


_pair_verb(
    "cp", cp, "cp copy", "preserve noop verbose", lambda o: {"preserve": truthy(o.get("preserve"))}, lambda s: None
)
_pair_verb(
    "cp_r",
    cp_r,
    "cp_r",
    "preserve noop verbose dereference_root remove_destination",
    lambda o: {
        "preserve": truthy(o.get("preserve")),
        "dereference_root": truthy(o.get("dereference_root", True)),
        "remove_destination": truthy(o.get("remove_destination")),
    },
    lambda s: None,
)
_pair_verb("mv", mv, "mv move", "force noop verbose secure", lambda o: {"force": truthy(o.get("force"))}, _zero_or_list)
_pair_verb("ln", ln, "ln link", "force noop verbose", lambda o: {"force": truthy(o.get("force"))}, _zero_or_list)
_pair_verb(
    "ln_s", ln_s, "ln_s symlink", "force noop verbose", lambda o: {"force": truthy(o.get("force"))}, _zero_or_list
)
_pair_verb("ln_sf", ln_sf, "ln_sf", "noop verbose", lambda o: {}, _zero_or_list)


@_ruby("install", "mode owner group preserve noop verbose")
def _install(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> None:
    """FileUtils.install(src, dest, mode: nil, preserve: nil)."""
    _arity(rt, pos, 2)
    src, dest = _src(rt, pos[0]), to_path(rt, pos[1])
    if _announce(rt, "install", [src, dest], opts):
        return None
    owner, group, mode = opts.get("owner"), opts.get("group"), opts.get("mode")
    install(
        src,
        dest,
        None if mode is None else _mode_arg(rt, mode),
        truthy(opts.get("preserve")),
        None if owner is None else (owner if isinstance(owner, int) else pystr(owner)),
        None if group is None else (group if isinstance(group, int) else pystr(group)),
    )
    return None


@_ruby("chmod", "noop verbose")
def _chmod(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> list[RString] | None:
    """FileUtils.chmod(mode, list)."""
    _arity(rt, pos, 2)
    mode, items = _mode_arg(rt, pos[0]), path_list(rt, pos[1])
    if _announce(rt, "chmod", [mode, items], opts):
        return None
    return _rstrs(chmod(mode, items))


@_ruby("chmod_R", "noop verbose force")
def _chmod_r(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> list[RString] | None:
    """FileUtils.chmod_R(mode, list)."""
    _arity(rt, pos, 2)
    mode, items = _mode_arg(rt, pos[0]), path_list(rt, pos[1])
    if _announce(rt, "chmod_R", [mode, items], opts):
        return None
    return _rstrs(chmod_R(mode, items, truthy(opts.get("force"))))


def _owner(v: Any) -> str | int | None:
    return None if v is None else (v if isinstance(v, int) else pystr(v))


@_ruby("chown", "noop verbose")
def _chown(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> list[RString] | None:
    """FileUtils.chown(user, group, list)."""
    _arity(rt, pos, 3)
    items = path_list(rt, pos[2])
    if _announce(rt, "chown", [pos[0], pos[1], items], opts):
        return None
    return _rstrs(chown(_owner(pos[0]), _owner(pos[1]), items))


@_ruby("chown_R", "noop verbose force")
def _chown_r(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> list[RString] | None:
    """FileUtils.chown_R(user, group, list)."""
    _arity(rt, pos, 3)
    items = path_list(rt, pos[2])
    if _announce(rt, "chown_R", [pos[0], pos[1], items], opts):
        return None
    return _rstrs(chown_R(_owner(pos[0]), _owner(pos[1]), items, truthy(opts.get("force"))))


@_ruby("cd chdir", "verbose", writes=False)
def _cd(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> Any:
    """FileUtils.cd(dir) { }: with a block, the block's value, the directory restored after."""
    _arity(rt, pos, 1)
    path = to_path(rt, pos[0])
    verbose = truthy(opts.get("verbose"))
    if verbose:
        write_text(rt.stdout, echo_line("cd", [path]) + "\n")
    if block is None:
        cd(path)
        return 0
    previous = os.getcwd()
    cd(path)
    try:
        result = rt.call_block(block, RString(path))
    finally:
        cd(previous)
    if verbose:
        write_text(rt.stdout, "cd -\n")
    return result


@_ruby("pwd getwd", "", writes=False)
def _pwd(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> RString:
    """FileUtils.pwd."""
    return RString(pwd())


@_ruby("compare_file identical? cmp", "", writes=False)
def _compare(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> bool:
    """FileUtils.compare_file(a, b)."""
    _arity(rt, pos, 2)
    return compare_file(to_path(rt, pos[0]), to_path(rt, pos[1]))


@_ruby("uptodate?", "", writes=False)
def _uptodate(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> bool:
    """FileUtils.uptodate?(new, old_list)."""
    _arity(rt, pos, 2)
    return uptodate(to_path(rt, pos[0]), path_list(rt, pos[1]))


@_ruby("copy_file", "")
def _copy_file(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> None:
    """FileUtils.copy_file(src, dest, preserve = false, dereference = true)."""
    copy_file(
        to_path(rt, pos[0]),
        to_path(rt, pos[1]),
        truthy(pos[2]) if len(pos) > 2 else False,
        truthy(pos[3]) if len(pos) > 3 else True,
    )
    return None


@_ruby("copy_entry", "")
def _copy_entry(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> None:
    """FileUtils.copy_entry(src, dest, preserve = false, dereference_root = false, remove_destination = false)."""
    flags = [truthy(p) for p in pos[2:5]] + [False] * (3 - len(pos[2:5]))
    copy_entry(to_path(rt, pos[0]), to_path(rt, pos[1]), *flags)
    return None


@_ruby("remove_entry remove_entry_secure remove_dir", "")
def _remove_entry(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> None:
    """FileUtils.remove_entry(path, force = false)."""
    remove_entry(to_path(rt, pos[0]), truthy(pos[1]) if len(pos) > 1 else False)
    return None


@_ruby("remove_file", "")
def _remove_file(rt: Any, pos: list[Any], opts: dict[str, Any], block: Any) -> None:
    """FileUtils.remove_file(path, force = false)."""
    remove_file(to_path(rt, pos[0]), truthy(pos[1]) if len(pos) > 1 else False)
    return None
