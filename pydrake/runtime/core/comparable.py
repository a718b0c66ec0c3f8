"""Comparable: relational operators, between? and clamp derived from ``<=>``."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.classes import COMPARABLE, builtin
from pydrake.runtime.core.numeric import compare_error
from pydrake.runtime.objects import RProc, RRange


def cmpint(rt: Any, recv: Any, other: Any) -> int:
    """The sign of ``recv <=> other``; ArgumentError "comparison of X with Y failed" when it is nil."""
    c = rt.call(recv, "<=>", other)
    if c is None:
        raise compare_error(rt, recv, other)
    if type(c) is int:
        return (c > 0) - (c < 0)
    if type(c) is float:
        return (c > 0) - (c < 0)
    if rt.call(c, ">", 0) is True:
        return 1
    if rt.call(c, "<", 0) is True:
        return -1
    return 0


@builtin(COMPARABLE, "==")
def cmp_eq(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """True when the same object or ``<=>`` answers 0; false when it answers nil."""
    if recv is other:
        return True
    c = rt.call(recv, "<=>", other)
    if c is None:
        return False
    return c == 0


@builtin(COMPARABLE, "<")
def cmp_lt(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """``(recv <=> other) < 0``."""
    return cmpint(rt, recv, other) < 0


@builtin(COMPARABLE, "<=")
def cmp_le(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """``(recv <=> other) <= 0``."""
    return cmpint(rt, recv, other) <= 0


@builtin(COMPARABLE, ">")
def cmp_gt(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """``(recv <=> other) > 0``."""
    return cmpint(rt, recv, other) > 0


@builtin(COMPARABLE, ">=")
def cmp_ge(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """``(recv <=> other) >= 0``."""
    return cmpint(rt, recv, other) >= 0


@builtin(COMPARABLE, "between?")
def cmp_between(rt: Any, recv: Any, lo: Any, hi: Any, block: RProc | None = None) -> bool:
    """Whether ``lo <= recv <= hi``."""
    if cmpint(rt, recv, lo) < 0:
        return False
    return cmpint(rt, recv, hi) <= 0


@builtin(COMPARABLE, "clamp")
def cmp_clamp(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """``min`` if below it, ``max`` if above it, else the receiver; also ``clamp(min..max)``."""
    if len(args) == 1:
        rng = args[0]
        if not isinstance(rng, RRange):
            from pydrake.runtime.classes import class_of

            raise rt.error("TypeError", f"wrong argument type {class_of(rng).name} (expected Range)")
        lo, hi = rng.first, rng.last
        if hi is not None and rng.exclusive:
            raise rt.error("ArgumentError", "cannot clamp with an exclusive range")
    elif len(args) == 2:
        lo, hi = args
    else:
        raise rt.error("ArgumentError", f"wrong number of arguments (given {len(args)}, expected 1..2)")
    if lo is not None and hi is not None and cmpint(rt, lo, hi) > 0:
        raise rt.error("ArgumentError", "min argument must be smaller than max argument")
    if lo is not None:
        c = cmpint(rt, recv, lo)
        if c == 0:
            return recv
        if c < 0:
            return lo
    if hi is not None and cmpint(rt, recv, hi) > 0:
        return hi
    return recv
