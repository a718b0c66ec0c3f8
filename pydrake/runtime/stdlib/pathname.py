"""``require "pathname"``: Pathname, a path string with path arithmetic and delegations to File, Dir and IO.

The path arithmetic (``+``, ``cleanpath``, ``relative_path_from``, ``ascend``...)
follows Ruby's pathname.rb step by step, so odd inputs give Ruby's answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydrake.runtime.classes import CORE, DIR, FILE, IO, KERNEL, OBJECT, builtin, register_type
from pydrake.runtime.core import file as _file
from pydrake.runtime.core.enumerable import make_enum
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RClass, RHash, RProc, RString, Symbol

PATHNAME = RClass("Pathname", OBJECT)


class RPathname:
    """A Ruby Pathname: the path text."""

    __slots__ = ("path", "frozen")

    def __init__(self, path: str) -> None:
        self.path = path
        self.frozen = False

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RPathname) and other.path == self.path

    def __hash__(self) -> int:
        return hash((RPathname, self.path))

    def __repr__(self) -> str:
        return f"RPathname({self.path!r})"


register_type(RPathname, PATHNAME)


def to_pathname(rt: Any, value: Any) -> RPathname:
    """``value`` as a Pathname (a Pathname itself; a String or anything with ``to_path``)."""
    if isinstance(value, RPathname):
        return value
    return RPathname(_path_text(rt, value))


def _path_text(rt: Any, value: Any) -> str:
    text = _file.to_path(rt, value)
    if "\0" in text:
        raise rt.error("ArgumentError", "pathname contains null byte")
    return text


# ---------------------------------------------------------------- pure path arithmetic (pathname.rb)


def chop_basename(path: str) -> tuple[str, str] | None:
    """``(prefix, basename)`` of ``path``, or None when it is empty or only separators."""
    base = _file.basename(path)
    if base in ("", "/"):
        return None
    return path[: path.rindex(base)], base


def split_names(path: str) -> tuple[str, list[str]]:
    """The root prefix of ``path`` and its names."""
    names: list[str] = []
    while (r := chop_basename(path)) is not None:
        path, base = r
        names.insert(0, base)
    return path, names


def _prepend_prefix(prefix: str, relpath: str) -> str:
    if not relpath:
        return _file.dirname(prefix)
    if "/" in prefix:
        prefix = _file.dirname(prefix)
        if _file.basename(prefix + "a") != "a":
            prefix = _file.join([prefix, ""])
        return prefix + relpath
    return prefix + relpath


def cleanpath(path: str, consider_symlink: bool = False) -> str:
    """Pathname#cleanpath: ``.`` and ``..`` resolved lexically (conservatively with ``consider_symlink``)."""
    return _clean_conservative(path) if consider_symlink else _clean_aggressive(path)


def _clean_aggressive(path: str) -> str:
    names: list[str] = []
    pre = path
    while (r := chop_basename(pre)) is not None:
        pre, base = r
        if base == ".":
            continue
        if base == "..":
            names.insert(0, base)
        elif names and names[0] == "..":
            names.pop(0)
        else:
            names.insert(0, base)
    if "/" in _file.basename(pre):
        while names and names[0] == "..":
            names.pop(0)
    return _prepend_prefix(pre, _file.join(names))


def _has_trailing_separator(path: str) -> bool:
    r = chop_basename(path)
    return r is not None and len(r[0]) + len(r[1]) < len(path)


def _add_trailing_separator(path: str) -> str:
    return path if _file.basename(path + "a") == "a" else _file.join([path, ""])


def _del_trailing_separator(path: str) -> str:
    r = chop_basename(path)
    if r is not None:
        return r[0] + r[1]
    stripped = path.rstrip("/")
    if stripped != path:
        tail = _file.dirname(path)
        return stripped + tail[len(tail.rstrip("/")) :]
    return path


def _clean_conservative(path: str) -> str:
    names: list[str] = []
    pre = path
    while (r := chop_basename(pre)) is not None:
        pre, base = r
        if base != ".":
            names.insert(0, base)
    if "/" in _file.basename(pre):
        while names and names[0] == "..":
            names.pop(0)
    if not names:
        return _file.dirname(pre)
    if names[-1] != ".." and _file.basename(path) == ".":
        names.append(".")
    result = _prepend_prefix(pre, _file.join(names))
    if names[-1] not in (".", "..") and _has_trailing_separator(path):
        return _add_trailing_separator(result)
    return result


def plus(path1: str, path2: str) -> str:
    """``Pathname(path1) + path2`` as text."""
    prefix2 = path2
    index_list2: list[int] = []
    basename_list2: list[str] = []
    while (r2 := chop_basename(prefix2)) is not None:
        prefix2, basename2 = r2
        index_list2.insert(0, len(prefix2))
        basename_list2.insert(0, basename2)
    if prefix2 != "":
        return path2
    prefix1 = path1
    while True:
        while basename_list2 and basename_list2[0] == ".":
            index_list2.pop(0)
            basename_list2.pop(0)
        r1 = chop_basename(prefix1)
        if r1 is None:
            break
        prefix1, basename1 = r1
        if basename1 == ".":
            continue
        if basename1 == ".." or not basename_list2 or basename_list2[0] != "..":
            prefix1 = prefix1 + basename1
            break
        index_list2.pop(0)
        basename_list2.pop(0)
    has_base = chop_basename(prefix1) is not None
    if not has_base and "/" in _file.basename(prefix1):
        has_base = True
        while basename_list2 and basename_list2[0] == "..":
            index_list2.pop(0)
            basename_list2.pop(0)
    if basename_list2:
        suffix2 = path2[index_list2[0] :]
        return _file.join([prefix1, suffix2]) if has_base else prefix1 + suffix2
    return prefix1 if has_base else _file.dirname(prefix1)


def relative_path_from(rt: Any, dest: str, base: str) -> str:
    """Pathname#relative_path_from as text (ArgumentError for different prefixes or ``..`` in the base)."""
    dest_dir = cleanpath(dest)
    base_dir = cleanpath(base)
    dest_prefix, dest_names = _names_without_dots(dest_dir)
    base_prefix, base_names = _names_without_dots(base_dir)
    if dest_prefix != base_prefix:
        raise rt.error(
            "ArgumentError",
            f"different prefix: {rt.inspect(RString(dest_prefix))} and {rt.inspect(RString(base_dir))}",
        )
    while dest_names and base_names and dest_names[0] == base_names[0]:
        dest_names.pop(0)
        base_names.pop(0)
    if ".." in base_names:
        raise rt.error("ArgumentError", f"base_directory has ..: {rt.inspect(RString(base_dir))}")
    names = [".."] * len(base_names) + dest_names
    return _file.join(names) if names else "."


def _names_without_dots(path: str) -> tuple[str, list[str]]:
    prefix, names = split_names(path)
    return prefix, [n for n in names if n != "."]


def ascend(path: str) -> list[str]:
    """The paths Pathname#ascend yields: the path, then each parent up to the first name."""
    out = [path]
    while (r := chop_basename(path)) is not None:
        path = r[0]
        if not path:
            break
        out.append(_del_trailing_separator(path))
    return out


def sub_ext(path: str, repl: str) -> str:
    """Pathname#sub_ext: the extension replaced (appended when there is none)."""
    ext = _file.extname(path)
    stripped_len = len(path.rstrip("/")) if path.rstrip("/") else len(path)
    if not ext:
        return path + repl
    start = stripped_len - len(ext)
    if len(ext) <= 1:
        start += len(ext)
    return path[:start] + repl


def compare(a: str, b: str) -> int:
    """Pathname#<=>: byte order with "/" sorting before every other character."""
    ka = a.encode("utf-8", "surrogateescape").replace(b"/", b"\0")
    kb = b.encode("utf-8", "surrogateescape").replace(b"/", b"\0")
    return (ka > kb) - (ka < kb)


# ---------------------------------------------------------------- construction and conversion


def _new(rt: Any, value: Any) -> RPathname:
    return RPathname(_path_text(rt, value))


def _p(path: str) -> RPathname:
    return RPathname(path)


def _s(path: str) -> RString:
    return RString(path)


@builtin(PATHNAME, "new", singleton=True)
def pathname_new(rt: Any, cls: Any, value: Any, block: RProc | None = None) -> RPathname:
    """Pathname.new(path)."""
    return _new(rt, value)


def kernel_pathname(rt: Any, recv: Any, value: Any, block: RProc | None = None) -> RPathname:
    """Kernel#Pathname(path): the argument itself when it is a Pathname."""
    return to_pathname(rt, value)


@builtin(PATHNAME, "getwd", "pwd", singleton=True)
def pathname_pwd(rt: Any, cls: Any, block: RProc | None = None) -> RPathname:
    """Pathname.pwd / getwd."""
    return _p(rt.to_s(rt.call(DIR, "pwd")))


@builtin(PATHNAME, "glob", singleton=True)
def pathname_s_glob(rt: Any, cls: Any, *args: Any, block: RProc | None = None) -> Any:
    """Pathname.glob(pattern, ...): the matches as Pathnames; nil with a block."""
    found = [_p(rt.to_s(x)) for x in rt.call(DIR, "glob", *args)]
    if block is None:
        return found
    for p in found:
        rt.call_block(block, p)
    return None


@builtin(PATHNAME, "to_s", "to_path")
def pathname_to_s(rt: Any, recv: RPathname, block: RProc | None = None) -> RString:
    """to_s / to_path: the path as a new String."""
    return _s(recv.path)


@builtin(PATHNAME, "inspect")
def pathname_inspect(rt: Any, recv: RPathname, block: RProc | None = None) -> RString:
    """inspect: ``#<Pathname:src/main.c>``."""
    return _s(f"#<Pathname:{recv.path}>")


@builtin(PATHNAME, "==", "===", "eql?")
def pathname_eq(rt: Any, recv: RPathname, other: Any, block: RProc | None = None) -> bool:
    """==: another Pathname with the same text."""
    return isinstance(other, RPathname) and other.path == recv.path


@builtin(PATHNAME, "<=>")
def pathname_cmp(rt: Any, recv: RPathname, other: Any, block: RProc | None = None) -> Any:
    """<=>: nil unless the other is a Pathname."""
    if not isinstance(other, RPathname):
        return None
    return compare(recv.path, other.path)


@builtin(PATHNAME, "hash")
def pathname_hash(rt: Any, recv: RPathname, block: RProc | None = None) -> int:
    """hash."""
    return hash(recv)


@builtin(PATHNAME, "dup", "clone")
def pathname_dup(rt: Any, recv: RPathname, *args: Any, block: RProc | None = None) -> RPathname:
    """dup / clone."""
    return _p(recv.path)


@builtin(PATHNAME, "sub")
def pathname_sub(rt: Any, recv: RPathname, *args: Any, block: RProc | None = None) -> RPathname:
    """sub(pattern, replacement): String#sub on the path."""
    return _p(rt.to_s(rt.call(_s(recv.path), "sub", *args, block=block)))


@builtin(PATHNAME, "sub_ext")
def pathname_sub_ext(rt: Any, recv: RPathname, repl: Any, block: RProc | None = None) -> RPathname:
    """sub_ext(".o"): the extension replaced."""
    return _p(sub_ext(recv.path, _file.to_path(rt, repl)))


# ---------------------------------------------------------------- path arithmetic


@builtin(PATHNAME, "+", "/")
def pathname_plus(rt: Any, recv: RPathname, other: Any, block: RProc | None = None) -> RPathname:
    """+ / "/": the other path relative to this one (an absolute one replaces it)."""
    return _p(plus(recv.path, to_pathname(rt, other).path))


@builtin(PATHNAME, "join")
def pathname_join(rt: Any, recv: RPathname, *args: Any, block: RProc | None = None) -> RPathname:
    """join(*parts): the parts added in turn; stops at the last absolute part."""
    if not args:
        return recv
    parts = [to_pathname(rt, a) for a in args]
    result = parts.pop()
    if result.path.startswith("/"):
        return result
    for part in reversed(parts):
        result = _p(plus(part.path, result.path))
        if result.path.startswith("/"):
            return result
    return _p(plus(recv.path, result.path))


@builtin(PATHNAME, "parent")
def pathname_parent(rt: Any, recv: RPathname, block: RProc | None = None) -> RPathname:
    """parent: ``self + ".."``."""
    return _p(plus(recv.path, ".."))


@builtin(PATHNAME, "cleanpath")
def pathname_cleanpath(rt: Any, recv: RPathname, consider_symlink: Any = False, block: RProc | None = None) -> Any:
    """cleanpath(consider_symlink = false)."""
    return _p(cleanpath(recv.path, consider_symlink not in (None, False)))


@builtin(PATHNAME, "relative_path_from")
def pathname_relative_path_from(rt: Any, recv: RPathname, base: Any, block: RProc | None = None) -> RPathname:
    """relative_path_from(base)."""
    return _p(relative_path_from(rt, recv.path, to_pathname(rt, base).path))


@builtin(PATHNAME, "root?")
def pathname_root(rt: Any, recv: RPathname, block: RProc | None = None) -> bool:
    """root?: only separators."""
    return chop_basename(recv.path) is None and "/" in recv.path


@builtin(PATHNAME, "absolute?")
def pathname_absolute(rt: Any, recv: RPathname, block: RProc | None = None) -> bool:
    """absolute?."""
    return recv.path.startswith("/")


@builtin(PATHNAME, "relative?")
def pathname_relative(rt: Any, recv: RPathname, block: RProc | None = None) -> bool:
    """relative?."""
    return not recv.path.startswith("/")


@builtin(PATHNAME, "mountpoint?")
def pathname_mountpoint(rt: Any, recv: RPathname, block: RProc | None = None) -> bool:
    """mountpoint?."""
    import os

    try:
        a = os.lstat(recv.path)
        b = os.lstat(plus(recv.path, ".."))
    except OSError:
        return False
    return a.st_dev != b.st_dev or a.st_ino == b.st_ino


def _yield_all(rt: Any, recv: RPathname, name: str, items: list[Any], block: RProc | None, result: Any) -> Any:
    if block is None:
        return make_enum(recv, name)
    for item in items:
        rt.call_block(block, item)
    return result


@builtin(PATHNAME, "each_filename")
def pathname_each_filename(rt: Any, recv: RPathname, block: RProc | None = None) -> Any:
    """each_filename { |name| }: nil."""
    names = [_s(n) for n in split_names(recv.path)[1]]
    return _yield_all(rt, recv, "each_filename", names, block, None)


@builtin(PATHNAME, "ascend")
def pathname_ascend(rt: Any, recv: RPathname, block: RProc | None = None) -> Any:
    """ascend { |path| }: the path, then its parents."""
    paths = [recv] + [_p(p) for p in ascend(recv.path)[1:]]
    return _yield_all(rt, recv, "ascend", paths, block, None)


@builtin(PATHNAME, "descend")
def pathname_descend(rt: Any, recv: RPathname, block: RProc | None = None) -> Any:
    """descend { |path| }: the first name, then longer paths down to the path itself."""
    paths = [recv] + [_p(p) for p in ascend(recv.path)[1:]]
    return _yield_all(rt, recv, "descend", paths[::-1], block, None)


# ---------------------------------------------------------------- directories


def _children(rt: Any, recv: RPathname, with_directory: Any) -> list[RPathname]:
    from pydrake.runtime.core.dir import children

    with_dir = with_directory not in (None, False) and recv.path != "."
    return [_p(_file.join([recv.path, e]) if with_dir else e) for e in children(rt, recv.path)]


@builtin(PATHNAME, "children")
def pathname_children(rt: Any, recv: RPathname, with_directory: Any = True, block: RProc | None = None) -> Any:
    """children(with_directory = true): the entries but "." and "..", in directory order."""
    return _children(rt, recv, with_directory)


@builtin(PATHNAME, "each_child")
def pathname_each_child(rt: Any, recv: RPathname, with_directory: Any = True, block: RProc | None = None) -> Any:
    """each_child(with_directory = true) { |path| }: ``children.each``."""
    return rt.call(_children(rt, recv, with_directory), "each", block=block)


@builtin(PATHNAME, "entries")
def pathname_entries(rt: Any, recv: RPathname, block: RProc | None = None) -> list[RPathname]:
    """entries: Dir.entries as Pathnames."""
    return [_p(rt.to_s(e)) for e in rt.call(DIR, "entries", _s(recv.path))]


@builtin(PATHNAME, "each_entry")
def pathname_each_entry(rt: Any, recv: RPathname, block: RProc | None = None) -> Any:
    """each_entry { |name| }: Dir.foreach as Pathnames."""
    if block is None:
        raise rt.error("LocalJumpError", "no block given")
    for e in rt.call(DIR, "entries", _s(recv.path)):
        rt.call_block(block, _p(rt.to_s(e)))
    return None


@builtin(PATHNAME, "glob")
def pathname_glob(rt: Any, recv: RPathname, *args: Any, block: RProc | None = None) -> Any:
    """glob(pattern, flags = 0): matches below this directory, joined to it."""
    pattern = args[0] if args else None
    flags = args[1] if len(args) > 1 else 0
    opts = RHash({Symbol.of("base"): _s(recv.path)})
    found = [_p(plus(recv.path, rt.to_s(x))) for x in rt.call(DIR, "glob", pattern, flags, opts)]
    if block is None:
        return found
    for p in found:
        rt.call_block(block, p)
    return None


@builtin(PATHNAME, "find")
def pathname_find(rt: Any, recv: RPathname, *args: Any, block: RProc | None = None) -> Any:
    """find { |path| }: Find.find below this path, as Pathnames."""
    from pydrake.runtime.stdlib.find import find_paths

    dot = recv.path == "."
    found: list[RPathname] = []

    def each(path: str) -> None:
        if dot and path.startswith("./"):
            path = path[2:]
        if block is None:
            found.append(_p(path))
        else:
            rt.call_block(block, _p(path))

    find_paths(rt, [recv.path], each)
    return rt.call(found, "each") if block is None else None


@builtin(PATHNAME, "fnmatch", "fnmatch?")
def pathname_fnmatch(rt: Any, recv: RPathname, pattern: Any, *flags: Any, block: RProc | None = None) -> Any:
    """fnmatch(pattern, flags = 0): File.fnmatch on the path."""
    return rt.call(FILE, "fnmatch", pattern, _s(recv.path), *flags)


@builtin(PATHNAME, "mkpath")
def pathname_mkpath(rt: Any, recv: RPathname, *args: Any, block: RProc | None = None) -> None:
    """mkpath: FileUtils.mkpath; nil."""
    rt.call(CORE["FileUtils"], "mkpath", _s(recv.path))
    return None


@builtin(PATHNAME, "rmtree")
def pathname_rmtree(rt: Any, recv: RPathname, *args: Any, block: RProc | None = None) -> None:
    """rmtree: FileUtils.rm_r; nil."""
    rt.call(CORE["FileUtils"], "rm_r", _s(recv.path))
    return None


@builtin(PATHNAME, "unlink", "delete")
def pathname_unlink(rt: Any, recv: RPathname, block: RProc | None = None) -> Any:
    """unlink / delete: Dir.unlink for a directory, else File.unlink."""
    import os

    if os.path.isdir(recv.path) and not os.path.islink(recv.path):
        return rt.call(DIR, "unlink", _s(recv.path))
    return rt.call(FILE, "unlink", _s(recv.path))


@builtin(PATHNAME, "empty?")
def pathname_empty(rt: Any, recv: RPathname, block: RProc | None = None) -> Any:
    """empty?: an empty directory or an empty file."""
    import os

    if os.path.isdir(recv.path):
        return rt.call(DIR, "empty?", _s(recv.path))
    return rt.call(FILE, "empty?", _s(recv.path))


# ---------------------------------------------------------------- delegations to File, Dir and IO

_Wrap = Callable[[Any, Any], Any]


def _as_path(rt: Any, value: Any) -> Any:
    return _p(rt.to_s(value))


def _as_paths(rt: Any, value: Any) -> Any:
    return [_p(rt.to_s(v)) for v in value]


def _same(rt: Any, value: Any) -> Any:
    return value


def _delegate(owner: RClass, target: str, names: str, wrap: _Wrap = _same, path_last: bool = False) -> None:
    def method(rt: Any, recv: RPathname, *args: Any, block: RProc | None = None) -> Any:
        call_args = (*args, _s(recv.path)) if path_last else (_s(recv.path), *args)
        return wrap(rt, rt.call(owner, target, *call_args, block=block))

    method.__doc__ = f"{owner.name}.{target} on the path."
    builtin(PATHNAME, *names.split())(method)


for _name in (
    "atime ctime mtime birthtime extname ftype rename stat lstat truncate "
    "blockdev? chardev? executable? executable_real? exist? grpowned? directory? file? pipe? socket? owned? "
    "readable? world_readable? readable_real? setuid? setgid? size size? sticky? symlink? writable? "
    "world_writable? writable_real? zero? open"
).split():
    _delegate(FILE, _name, _name)
_delegate(FILE, "link", "make_link", path_last=True)
_delegate(FILE, "symlink", "make_symlink", path_last=True)
_delegate(FILE, "utime", "utime", path_last=True)
for _name in ("chmod", "lchmod", "chown", "lchown"):
    _delegate(FILE, _name, _name, path_last=True)
for _name in ("basename", "dirname", "expand_path", "realpath", "realdirpath", "readlink"):
    _delegate(FILE, _name, _name, _as_path)
_delegate(FILE, "split", "split", _as_paths)
for _name in ("read", "binread", "readlines", "write", "binwrite", "sysopen"):
    _delegate(IO, _name, _name)
_delegate(IO, "foreach", "each_line")
_delegate(DIR, "mkdir", "mkdir")
_delegate(DIR, "rmdir", "rmdir")
_delegate(DIR, "open", "opendir")


@default_feature("pathname")
def _feature(rt: Any) -> None:
    """``require "pathname"``: the Pathname class and Kernel#Pathname."""
    rt.constants["Pathname"] = PATHNAME
    rt.add_method(KERNEL, "Pathname", kernel_pathname)
