"""nil, true and false: conversions, inspect, and the logical operators."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.classes import FALSE, NIL, TRUE, builtin
from pydrake.runtime.objects import RHash, RProc, RString, truthy


@builtin(NIL, "to_s")
def nil_to_s(rt: Any, recv: None, block: RProc | None = None) -> RString:
    """The empty String (frozen)."""
    return RString("", frozen=True)


@builtin(NIL, "to_a")
def nil_to_a(rt: Any, recv: None, block: RProc | None = None) -> list[Any]:
    """An empty Array."""
    return []


@builtin(NIL, "to_h")
def nil_to_h(rt: Any, recv: None, block: RProc | None = None) -> RHash:
    """An empty Hash."""
    return RHash()


@builtin(NIL, "to_i")
def nil_to_i(rt: Any, recv: None, block: RProc | None = None) -> int:
    """Zero."""
    return 0


@builtin(NIL, "to_f")
def nil_to_f(rt: Any, recv: None, block: RProc | None = None) -> float:
    """Zero as a Float."""
    return 0.0


@builtin(NIL, "inspect")
def nil_inspect(rt: Any, recv: None, block: RProc | None = None) -> RString:
    """``"nil"``."""
    return RString("nil")


@builtin(NIL, "nil?")
def nil_nil_p(rt: Any, recv: None, block: RProc | None = None) -> bool:
    """Always true."""
    return True


@builtin(NIL, "&")
@builtin(FALSE, "&")
def falsy_and(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """Always false."""
    return False


@builtin(NIL, "|", "^")
@builtin(FALSE, "|", "^")
def falsy_or(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """The truthiness of ``other``."""
    return truthy(other)


@builtin(NIL, "==", "===", "eql?", "equal?")
@builtin(TRUE, "==", "===", "eql?", "equal?")
@builtin(FALSE, "==", "===", "eql?", "equal?")
def singleton_eq(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """Identity: there is one nil, one true and one false."""
    return recv is other


@builtin(NIL, "hash")
@builtin(TRUE, "hash")
@builtin(FALSE, "hash")
def singleton_hash(rt: Any, recv: Any, block: RProc | None = None) -> int:
    """A fixed hash code per value."""
    return {None: 8, True: 20, False: 0}[recv]


@builtin(TRUE, "to_s", "inspect")
def true_to_s(rt: Any, recv: bool, block: RProc | None = None) -> RString:
    """``"true"`` (frozen)."""
    return RString("true", frozen=True)


@builtin(FALSE, "to_s", "inspect")
def false_to_s(rt: Any, recv: bool, block: RProc | None = None) -> RString:
    """``"false"`` (frozen)."""
    return RString("false", frozen=True)


@builtin(TRUE, "&")
def true_and(rt: Any, recv: bool, other: Any, block: RProc | None = None) -> bool:
    """The truthiness of ``other``."""
    return truthy(other)


@builtin(TRUE, "|")
def true_or(rt: Any, recv: bool, other: Any, block: RProc | None = None) -> bool:
    """Always true."""
    return True


@builtin(TRUE, "^")
def true_xor(rt: Any, recv: bool, other: Any, block: RProc | None = None) -> bool:
    """The opposite of ``other``'s truthiness."""
    return not truthy(other)


@builtin(TRUE, "!")
@builtin(FALSE, "!")
@builtin(NIL, "!")
def singleton_not(rt: Any, recv: Any, block: RProc | None = None) -> bool:
    """Logical negation."""
    return not truthy(recv)


@builtin(NIL, "=~")
def nil_match(rt: Any, recv: None, other: Any, block: RProc | None = None) -> None:
    """nil never matches (``ENV["UNSET"] =~ /x/`` is nil)."""
    return None
