"""A small Rational: exact fractions as Date arithmetic answers them (``Date - Date``, ``Date#ajd``)."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from pydrake.runtime.classes import COMPARABLE, NUMERIC, builtin, register_type
from pydrake.runtime.objects import RClass, RProc, RString

RATIONAL = RClass("Rational", NUMERIC)
RATIONAL.includes.append(COMPARABLE)


class RRational(Fraction):
    """A Ruby Rational (a Python Fraction)."""

    __slots__ = ()


register_type(RRational, RATIONAL)


def rational(value: Fraction | int) -> RRational:
    """``value`` as a Ruby Rational."""
    f = Fraction(value)
    return RRational(f.numerator, f.denominator)


def _other(rt: Any, value: Any, op: str) -> Fraction | float:
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)):
        raise rt.error(
            "TypeError", f"{rt.real_class(value).name if value is not None else 'nil'} can't be coerced into Rational"
        )
    return value


def _result(value: Fraction | float) -> Any:
    return value if isinstance(value, float) else rational(value)


def _binary(name: str, fn: Any) -> None:
    @builtin(RATIONAL, name)
    def op(rt: Any, recv: RRational, other: Any, block: RProc | None = None) -> Any:
        o = _other(rt, other, name)
        if name in ("/", "quo") and o == 0 and not isinstance(o, float):
            raise rt.error("ZeroDivisionError", "divided by 0")
        return _result(fn(Fraction(recv) if not isinstance(o, float) else float(recv), o))

    op.__doc__ = f"Rational#{name}."


_binary("+", lambda a, b: a + b)
_binary("-", lambda a, b: a - b)
_binary("*", lambda a, b: a * b)
_binary("/", lambda a, b: a / b)
_binary("quo", lambda a, b: a / b)


@builtin(RATIONAL, "**")
def rational_pow(rt: Any, recv: RRational, other: Any, block: RProc | None = None) -> Any:
    """Rational#** (an Integer power stays exact)."""
    if isinstance(other, int) and not isinstance(other, bool):
        return rational(Fraction(recv) ** other)
    return float(recv) ** float(_other(rt, other, "**"))


@builtin(RATIONAL, "-@")
def rational_neg(rt: Any, recv: RRational, block: RProc | None = None) -> RRational:
    """-r."""
    return rational(-Fraction(recv))


@builtin(RATIONAL, "abs")
def rational_abs(rt: Any, recv: RRational, block: RProc | None = None) -> RRational:
    """abs."""
    return rational(abs(Fraction(recv)))


@builtin(RATIONAL, "<=>")
def rational_cmp(rt: Any, recv: RRational, other: Any, block: RProc | None = None) -> Any:
    """<=>: nil against a non-number."""
    if isinstance(other, bool) or not isinstance(other, (int, float, Fraction)):
        return None
    return (recv > other) - (recv < other)


@builtin(RATIONAL, "==")
def rational_eq(rt: Any, recv: RRational, other: Any, block: RProc | None = None) -> bool:
    """==: numerically equal."""
    return not isinstance(other, bool) and isinstance(other, (int, float, Fraction)) and recv == other


@builtin(RATIONAL, "eql?")
def rational_eql(rt: Any, recv: RRational, other: Any, block: RProc | None = None) -> bool:
    """eql?: another Rational with the same value."""
    return isinstance(other, RRational) and Fraction(recv) == Fraction(other)


@builtin(RATIONAL, "hash")
def rational_hash(rt: Any, recv: RRational, block: RProc | None = None) -> int:
    """hash."""
    return hash((RRational, recv.numerator, recv.denominator))


@builtin(RATIONAL, "coerce")
def rational_coerce(rt: Any, recv: RRational, other: Any, block: RProc | None = None) -> list[Any]:
    """coerce(n): [n as Rational (Float stays Float), self]."""
    if isinstance(other, float):
        return [other, float(recv)]
    return [rational(_other(rt, other, "coerce")), recv]  # type: ignore[arg-type]


@builtin(RATIONAL, "numerator")
def rational_numerator(rt: Any, recv: RRational, block: RProc | None = None) -> int:
    """numerator."""
    return recv.numerator


@builtin(RATIONAL, "denominator")
def rational_denominator(rt: Any, recv: RRational, block: RProc | None = None) -> int:
    """denominator."""
    return recv.denominator


@builtin(RATIONAL, "to_i", "truncate")
def rational_to_i(rt: Any, recv: RRational, block: RProc | None = None) -> int:
    """to_i / truncate: toward zero."""
    return math.trunc(recv)


@builtin(RATIONAL, "floor")
def rational_floor(rt: Any, recv: RRational, block: RProc | None = None) -> int:
    """floor."""
    return math.floor(recv)


@builtin(RATIONAL, "ceil")
def rational_ceil(rt: Any, recv: RRational, block: RProc | None = None) -> int:
    """ceil."""
    return math.ceil(recv)


@builtin(RATIONAL, "round")
def rational_round(rt: Any, recv: RRational, block: RProc | None = None) -> int:
    """round: halves away from zero."""
    f = Fraction(recv)
    return math.floor(f + Fraction(1, 2)) if f >= 0 else -math.floor(-f + Fraction(1, 2))


@builtin(RATIONAL, "to_f")
def rational_to_f(rt: Any, recv: RRational, block: RProc | None = None) -> float:
    """to_f."""
    return float(recv)


@builtin(RATIONAL, "to_r")
def rational_to_r(rt: Any, recv: RRational, block: RProc | None = None) -> RRational:
    """to_r."""
    return recv


@builtin(RATIONAL, "zero?")
def rational_zero(rt: Any, recv: RRational, block: RProc | None = None) -> bool:
    """zero?."""
    return recv == 0


@builtin(RATIONAL, "positive?")
def rational_positive(rt: Any, recv: RRational, block: RProc | None = None) -> bool:
    """positive?."""
    return recv > 0


@builtin(RATIONAL, "negative?")
def rational_negative(rt: Any, recv: RRational, block: RProc | None = None) -> bool:
    """negative?."""
    return recv < 0


@builtin(RATIONAL, "to_s")
def rational_to_s(rt: Any, recv: RRational, block: RProc | None = None) -> RString:
    """to_s: ``2/1``."""
    return RString(f"{recv.numerator}/{recv.denominator}")


@builtin(RATIONAL, "inspect")
def rational_inspect(rt: Any, recv: RRational, block: RProc | None = None) -> RString:
    """inspect: ``(2/1)``."""
    return RString(f"({recv.numerator}/{recv.denominator})")
