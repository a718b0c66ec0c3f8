"""``require "find"``: Find.find walks directory trees depth-first; Find.prune skips a directory."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from typing import Any

from pydrake.runtime.classes import builtin
from pydrake.runtime.core.enumerable import collect_each
from pydrake.runtime.core.file import os_error, to_path
from pydrake.runtime.core.io import split_options
from pydrake.runtime.frames import ThrowSignal
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RModule, RProc, RString, Symbol, truthy

FIND = RModule("Find")
_PRUNE = Symbol.of("prune")


def find_paths(rt: Any, roots: list[str], each: Callable[[str], Any], ignore_error: bool = True) -> None:
    """Call ``each`` with every path below ``roots``, parents before children, names sorted;
    ``throw :prune`` (Find.prune) inside ``each`` skips the directory just yielded."""
    for root in roots:
        if not os.path.exists(root):
            raise os_error(rt, FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), root))
    catches = rt.thread_state().catches
    for root in roots:
        pending = [root]
        while pending:
            path = pending.pop(0)
            catches.append(_PRUNE)
            try:
                each(path)
                names = _children(rt, path, ignore_error)
            except ThrowSignal as t:
                if t.tag is not _PRUNE:
                    raise
                names = []
            finally:
                catches.pop()
            pending[0:0] = [os.path.join(path, n) if not path.endswith("/") else path + n for n in names]


def _children(rt: Any, path: str, ignore_error: bool) -> list[str]:
    try:
        st = os.lstat(path)
        if not stat.S_ISDIR(st.st_mode):
            return []
        return sorted(os.listdir(path), key=lambda n: n.encode("utf-8", "surrogateescape"))
    except OSError as exc:
        if ignore_error:
            return []
        raise os_error(rt, exc) from None


@builtin(FIND, "find", singleton=True)
def find_find(rt: Any, mod: Any, *args: Any, block: RProc | None = None) -> Any:
    """Find.find(*paths, ignore_error: true) { |path| }: nil; an Enumerator without a block."""
    paths, opts = split_options(args)
    if block is None:
        return rt.call(collect_each(rt, mod, "find", *args), "each")
    roots = [to_path(rt, p) for p in paths]
    ignore = truthy(opts.get("ignore_error", True))
    find_paths(rt, roots, lambda p: rt.call_block(block, RString(p)), ignore)
    return None


@builtin(FIND, "prune", singleton=True)
def find_prune(rt: Any, mod: Any, block: RProc | None = None) -> Any:
    """Find.prune: skip the directory being visited (``throw :prune``)."""
    return rt.call(mod, "throw", _PRUNE)


# ``include Find`` makes find and prune callable unqualified
builtin(FIND, "find")(find_find)
builtin(FIND, "prune")(find_prune)


@default_feature("find")
def _feature(rt: Any) -> None:
    """``require "find"``: the Find module."""
    rt.constants["Find"] = FIND
