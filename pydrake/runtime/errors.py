"""Python exceptions escaping built-in methods, turned into Ruby exceptions at the method-call boundary."""

from __future__ import annotations

import errno
import os
from typing import Any

from pydrake.runtime.classes import CORE, ERRNO_CLASSES, SYSTEM_CALL_ERROR, class_of
from pydrake.runtime.objects import RModule, RubyError

# Set PYDRAKE_DEBUG=1 to let Python errors from built-in methods escape untranslated.
DEBUG = bool(os.environ.get("PYDRAKE_DEBUG"))

# (receiver class name, method) -> the C function Ruby names in system-call error messages.
_SYSCALL_FUNCS: dict[tuple[str, str], str] = {
    ("File", "delete"): "apply2files",
    ("File", "unlink"): "apply2files",
    ("File", "chmod"): "apply2files",
    ("File", "chown"): "apply2files",
    ("File", "utime"): "apply2files",
    ("File", "mtime"): "rb_file_s_mtime",
    ("File", "atime"): "rb_file_s_atime",
    ("File", "ctime"): "rb_file_s_ctime",
    ("File", "size"): "rb_file_s_size",
    ("File", "stat"): "rb_file_s_stat",
    ("File", "lstat"): "rb_file_s_lstat",
    ("File", "ftype"): "rb_file_s_ftype",
    ("File", "rename"): "rb_file_s_rename",
    ("File", "readlink"): "rb_readlink",
    ("File", "realpath"): "rb_check_realpath_internal",
    ("File", "symlink"): "syserr_fail2_in",
    ("File", "link"): "syserr_fail2_in",
    ("Dir", "mkdir"): "dir_s_mkdir",
    ("Dir", "rmdir"): "dir_s_rmdir",
    ("Dir", "delete"): "dir_s_rmdir",
    ("Dir", "unlink"): "dir_s_rmdir",
    ("Dir", "chdir"): "dir_s_chdir",
    ("Dir", "entries"): "dir_initialize",
    ("Dir", "children"): "dir_initialize",
    ("Dir", "each_child"): "dir_initialize",
    ("Dir", "foreach"): "dir_initialize",
    ("Dir", "new"): "dir_initialize",
    ("Dir", "open"): "dir_initialize",
}


def syscall_function(recv: Any, name: str) -> str:
    """The ``@ func`` part Ruby puts in a system-call error raised by ``recv.name``."""
    owner = recv.name if isinstance(recv, RModule) else class_of(recv).name
    return _SYSCALL_FUNCS.get((owner or "", name), "rb_sysopen")


def errno_class(code: int | None) -> Any:
    """The ``Errno::E...`` class for an errno value (SystemCallError when unknown)."""
    name = errno.errorcode.get(code) if code is not None else None
    return ERRNO_CLASSES.get(name or "", SYSTEM_CALL_ERROR)


def oserror_message(exc: OSError, func: str | None) -> str:
    """Ruby's text for a failed system call: ``No such file or directory @ rb_sysopen - path``."""
    text = exc.strerror or (os.strerror(exc.errno) if exc.errno else str(exc))
    if exc.filename is None:
        return text
    at = f" @ {func}" if func else ""
    path = os.fsdecode(exc.filename)
    if exc.filename2 is not None:
        return f"{text}{at} - ({path}, {os.fsdecode(exc.filename2)})"
    return f"{text}{at} - {path}"


def builtin_arity_range(fn: Any) -> tuple[int, int | None] | None:
    """How many Ruby arguments a built-in ``fn(rt, recv, ...)`` accepts: (least, most or None), if known."""
    import inspect
    try:
        params = list(inspect.signature(fn).parameters.values())[2:]
    except (TypeError, ValueError):
        return None
    least, most = 0, 0
    for p in params:
        if p.kind is inspect.Parameter.VAR_POSITIONAL:
            return least, None
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD):
            if p.name == "block":
                continue
            most += 1
            if p.default is inspect.Parameter.empty:
                least += 1
    return least, most


def _arity_error(rt: Any, fn: Any, given: int) -> RubyError | None:
    arity = builtin_arity_range(fn)
    if arity is None:
        return None
    least, most = arity
    if most is None:
        expected = f"{least}+"
    elif least == most:
        expected = str(least)
    else:
        expected = f"{least}..{most}"
    return rt.make_error("ArgumentError", f"wrong number of arguments (given {given}, expected {expected})")


def translate(rt: Any, exc: BaseException, recv: Any, name: str, fn: Any = None, given: int = 0) -> RubyError | None:
    """The Ruby exception for a Python one raised inside ``recv.name``; None means re-raise it unchanged.

    ``fn`` is the built-in function that was called with ``given`` arguments: a
    TypeError from calling it at all (not from inside it) is a wrong argument count.
    """
    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
        return None
    if isinstance(exc, RecursionError):
        return rt.make_error("SystemStackError", "stack level too deep")
    if DEBUG:
        return None
    tb = exc.__traceback__
    if fn is not None and isinstance(exc, TypeError) and tb is not None and tb.tb_next is None:
        err = _arity_error(rt, fn, given)
        if err is not None:
            return err
    if isinstance(exc, ZeroDivisionError):
        return rt.make_error("ZeroDivisionError", "divided by 0")
    if isinstance(exc, OSError) and exc.errno is not None:
        func = getattr(exc, "ruby_where", None) if hasattr(exc, "ruby_where") else syscall_function(recv, name)
        err = rt.make_error(errno_class(exc.errno), oserror_message(exc, func))
        err.exc.ivars["__errno"] = exc.errno
        return err
    ruby_class = getattr(exc, "ruby_class", None)
    if isinstance(ruby_class, str) and ruby_class in CORE:
        return rt.make_error(ruby_class, str(exc))
    if isinstance(exc, UnicodeError):
        return rt.make_error("ArgumentError", "invalid byte sequence in UTF-8")
    if isinstance(exc, OverflowError):
        return rt.make_error("FloatDomainError" if "float" in str(exc) else "RangeError", str(exc))
    if isinstance(exc, MemoryError):
        return rt.make_error("NoMemoryError", "failed to allocate memory")
    if isinstance(exc, NotImplementedError):
        return rt.make_error("NotImplementedError", f"{name}() function is unimplemented on this machine")
    if isinstance(exc, KeyError):
        return rt.make_error("KeyError", f"key not found: {exc}")
    if isinstance(exc, IndexError):
        return rt.make_error("IndexError", str(exc))
    if isinstance(exc, ValueError):
        return rt.make_error("ArgumentError", str(exc))
    if isinstance(exc, (TypeError, AttributeError)):
        return rt.make_error("TypeError", f"{_describe_call(recv, name)}: {exc}")
    return rt.make_error("StandardError", f"{type(exc).__name__}: {exc}")


def _describe_call(recv: Any, name: str) -> str:
    if isinstance(recv, RModule):
        return f"{recv.name}.{name}"
    return f"{class_of(recv).name}#{name}"


def receiver_description(rt: Any, recv: Any) -> str:
    """How NameError/NoMethodError messages show a receiver: ``nil:NilClass``, ``main:Object``, ``#<Foo>``."""
    if recv is None:
        return "nil:NilClass"
    if recv is True:
        return "true:TrueClass"
    if recv is False:
        return "false:FalseClass"
    try:
        text = rt.inspect(recv)
    except RubyError:
        text = ""
    if not text or len(text) > 65:
        text = rt.any_to_s(recv)
    if text.startswith("#"):
        return text
    return f"{text}:{rt.real_class(recv).name}"


def core_class(name: str) -> Any:
    """A core class by name (``"ArgumentError"``, ``"Errno::ENOENT"``)."""
    return CORE[name]
