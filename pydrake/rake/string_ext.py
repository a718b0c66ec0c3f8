"""Rake's additions to String: ``ext`` and ``pathmap`` (rake/ext/string.rb)."""

from __future__ import annotations

from typing import Any

from pydrake.rake.pathmap import PathmapError, ext, pathmap
from pydrake.runtime.classes import STRING, builtin
from pydrake.runtime.objects import RProc, RString


@builtin(STRING, "ext")
def string_ext(rt: Any, recv: RString, newext: Any = None, block: RProc | None = None) -> RString:
    """``"a.c".ext("o")`` is ``"a.o"``; no argument removes the extension."""
    return RString(ext(recv.s, "" if newext is None else rt.to_s(newext)))


@builtin(STRING, "pathmap")
def string_pathmap(rt: Any, recv: RString, spec: Any = None, block: RProc | None = None) -> RString:
    """``"src/a.c".pathmap("obj/%n.o")``; a ``*`` replacement in ``%{pat,*}`` calls the block."""
    replace = None
    if block is not None:

        def replace(text: str) -> str:
            return rt.to_s(rt.call_block(block, RString(text)))

    try:
        return RString(pathmap(recv.s, None if spec is None else rt.to_s(spec), replace))
    except PathmapError as exc:
        raise rt.error(getattr(exc, "ruby_class", "ArgumentError"), str(exc)) from None
