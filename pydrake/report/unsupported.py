"""The line a failure report adds when a Rakefile used Ruby that pydrake does not provide.

A NoMethodError for a method Ruby's class has, a NameError for a constant Ruby defines, a
LoadError for a library Ruby ships and a RegexpError for a regular-expression feature Python's
engine lacks are gaps in pydrake, not mistakes in the Rakefile: the report then names the construct, the file and line it was used at, and the README section that
lists the Ruby pydrake reads. Any other error, including the same exceptions for names Ruby
does not know either, gets no such line, so Rake's own report is unchanged.
"""

from __future__ import annotations

import os
import re
from typing import Any

from pydrake.syntax.errors import README_POINTER  # one wording for every such message

_LOAD_ERROR = re.compile(r"cannot load such file -- (\S+)")
_REGEX_FEATURE = "unsupported Ruby regex feature: "  # pydrake.runtime.rubyregex.UnsupportedRegex
_CONSTANT = re.compile(r"uninitialized constant (?:Object::)?([A-Z]\w*)")
_BACKTRACE_LINE = re.compile(r"(.+?):(\d+)(?::in |$)")


def unsupported_hint(rt: Any, exc: Any) -> str | None:
    """``FILE:LINE: CONSTRUCT is Ruby that pydrake does not provide (see ...)`` for ``exc``, or None."""
    construct = unsupported_construct(rt, exc)
    if construct is None:
        return None
    where = _location(rt, exc)
    return f"{where + ': ' if where else ''}{construct} is Ruby that pydrake does not provide ({README_POINTER})"


def unsupported_construct(rt: Any, exc: Any) -> str | None:
    """What Ruby has and pydrake lacks that raised the Ruby exception ``exc`` (None: an ordinary error)."""
    class_name = rt.module_name(rt.real_class(exc))
    if class_name not in ("NoMethodError", "NameError", "LoadError", "RegexpError"):
        return None
    from pydrake.report import ruby_names

    message = exc.ivars.get("@message")
    text = message.s if hasattr(message, "s") else str(message or "")
    if class_name == "RegexpError":
        return (
            f"the regular expression feature {text[len(_REGEX_FEATURE) :]}" if text.startswith(_REGEX_FEATURE) else None
        )
    if class_name == "LoadError":
        m = _LOAD_ERROR.fullmatch(text)
        if m and m.group(1).removesuffix(".rb") in ruby_names.LIBRARIES.split():
            return f"the standard library '{m.group(1)}'"
        return None
    m = _CONSTANT.fullmatch(text)
    if m:
        return f"the constant {m.group(1)}" if m.group(1) in ruby_names.CONSTANTS.split() else None
    if not text.startswith(("undefined method `", "undefined local variable or method `")):
        return None
    name, recv = exc.ivars.get("__name"), exc.ivars.get("__receiver", _MISSING)
    if name is None or recv is _MISSING:
        return None  # raised by Ruby code, not by a failed method call
    return _method(rt, recv, getattr(name, "name", str(name)), ruby_names)


_MISSING = object()


def _method(rt: Any, recv: Any, name: str, ruby_names: Any) -> str | None:
    """``Class#name`` or ``Module.name`` when Ruby's class of ``recv`` has the method ``name``."""
    from pydrake.runtime.objects import RClass, RModule

    if isinstance(recv, RModule):
        owner = rt.module_name(recv)
        own = ruby_names.SINGLETON_METHODS.get(owner, "").split()
        shared = ruby_names.SINGLETON_METHODS["Class" if isinstance(recv, RClass) else "Module"].split()
        return f"{owner}.{name}" if name in own or name in shared else None
    for ancestor in rt.real_class(recv).ancestors():
        label = rt.module_name(ancestor)
        if name in ruby_names.INSTANCE_METHODS.get(label, "").split():
            return f"{label}#{name}"
    return None


def _location(rt: Any, exc: Any) -> str | None:
    """``FILE:LINE`` of the innermost backtrace line (the file relative to the current folder when below it)."""
    lines = rt.backtrace(exc) or []
    m = _BACKTRACE_LINE.match(lines[0]) if lines else None
    if m is None:
        return None
    path = m.group(1)
    here = os.getcwd().rstrip(os.sep) + os.sep
    if os.path.isabs(path) and path.startswith(here):
        path = path[len(here) :]
    return f"{path}:{m.group(2)}"
