"""Integer and Float: arithmetic, comparison, rounding, iteration and text forms."""

from __future__ import annotations

import math
from typing import Any

from pydrake.runtime.classes import CORE, FLOAT, INTEGER, NUMERIC, builtin, class_of, type_name
from pydrake.runtime.objects import RHash, RProc, RString, Symbol, truthy

FLOAT.constants.update(
    {
        "INFINITY": math.inf,
        "NAN": math.nan,
        "EPSILON": 2.220446049250313e-16,
        "MAX": 1.7976931348623157e308,
        "MIN": 2.2250738585072014e-308,
        "DIG": 15,
        "MANT_DIG": 53,
        "RADIX": 2,
    }
)


# --- value tests and conversions shared with other core modules -------------------------------


def is_int(v: Any) -> bool:
    """Whether ``v`` is a Ruby Integer (a Python int that is not a bool)."""
    return type(v) is int


def is_float(v: Any) -> bool:
    """Whether ``v`` is a Ruby Float."""
    return type(v) is float


def is_num(v: Any) -> bool:
    """Whether ``v`` is a Ruby Integer or Float."""
    t = type(v)
    return t is int or t is float


def int_to_f(n: int) -> float:
    """Integer#to_f: huge values become +/-Infinity instead of raising."""
    try:
        return float(n)
    except OverflowError:
        return math.inf if n > 0 else -math.inf


def float_to_s(f: float) -> str:
    """Float#to_s: shortest round-trip digits, exponent form outside about 1e-4 <= |f| < 1e16."""
    if f != f:
        return "NaN"
    if f == math.inf:
        return "Infinity"
    if f == -math.inf:
        return "-Infinity"
    if f == 0.0:
        return "-0.0" if math.copysign(1.0, f) < 0 else "0.0"
    sign = "-" if f < 0 else ""
    digits, decpt = _shortest_digits(abs(f))
    # Fixed notation up to 16 integer digits, but an integral value needs 15 or fewer.
    if -4 < decpt <= 15 or (decpt == 16 and len(digits) > 16):
        if decpt <= 0:
            return sign + "0." + "0" * -decpt + digits
        if len(digits) <= decpt:
            return sign + digits + "0" * (decpt - len(digits)) + ".0"
        return sign + digits[:decpt] + "." + digits[decpt:]
    return sign + _exp_form(digits, decpt)


def _exp_form(digits: str, decpt: int) -> str:
    e = decpt - 1
    return f"{digits[0]}.{digits[1:] or '0'}e{'+' if e >= 0 else '-'}{abs(e):02d}"


def _shortest_digits(f: float) -> tuple[str, int]:
    """The shortest decimal digits of positive ``f`` and the position of the decimal point."""
    r = repr(f)
    if "e" in r:
        mant, exp_s = r.split("e")
        exp = int(exp_s)
        if "." in mant:
            ip, fp = mant.split(".")
        else:
            ip, fp = mant, ""
        digits = (ip + fp).rstrip("0") or "0"
        return digits, exp + len(ip)
    ip, fp = r.split(".")
    if ip != "0":
        return (ip + fp).rstrip("0"), len(ip)
    stripped = fp.lstrip("0")
    return stripped.rstrip("0"), -(len(fp) - len(stripped))


_CORE_TYPES = frozenset({int, float, bool, type(None), RString, Symbol, list, RHash})


def is_object(v: Any) -> bool:
    """Whether ``v`` is a user object or host type (not a core value) that may define ``to_str`` or ``coerce``."""
    return type(v) not in _CORE_TYPES


def num_to_s(v: Any) -> str:
    """The ``to_s`` text of an Integer or Float."""
    return float_to_s(v) if type(v) is float else str(v)


def _special_or_class(rt: Any, v: Any) -> str:
    """How Ruby names an operand in coercion and comparison errors: inspect for immediates, else the class."""
    if v is None or v is True or v is False or type(v) in (int, float, Symbol):
        if type(v) is int and not -(2**62) <= v < 2**62:
            return "Integer"
        return rt.inspect(v)
    return class_of(v).name


def coerce_error(rt: Any, recv: Any, other: Any) -> Any:
    """TypeError "String can't be coerced into Integer"."""
    return rt.error("TypeError", f"{_special_or_class(rt, other)} can't be coerced into {class_of(recv).name}")


def compare_error(rt: Any, recv: Any, other: Any) -> Any:
    """ArgumentError "comparison of Integer with String failed"."""
    return rt.error("ArgumentError", f"comparison of {class_of(recv).name} with {_special_or_class(rt, other)} failed")




def to_int(rt: Any, v: Any) -> int:
    """Ruby's implicit Integer conversion (``to_int``) for index and count arguments."""
    t = type(v)
    if t is int:
        return v
    if t is float:
        return float_to_i(rt, v)
    if v is None:
        raise rt.error("TypeError", "no implicit conversion from nil to integer")
    if is_object(v) and rt.responds_to(v, "to_int"):
        r = rt.call(v, "to_int")
        if type(r) is int:
            return r
    raise rt.error("TypeError", f"no implicit conversion of {type_name(v)} into Integer")


def to_f(rt: Any, v: Any) -> float:
    """Ruby's implicit Float conversion for numeric arguments (Math functions, Float())."""
    t = type(v)
    if t is float:
        return v
    if t is int:
        return int_to_f(v)
    if v is None:
        raise rt.error("TypeError", "can't convert nil into Float")
    raise rt.error("TypeError", f"can't convert {type_name(v)} into Float")


def float_to_i(rt: Any, f: float) -> int:
    """Float#to_i: truncation; FloatDomainError for Infinity and NaN."""
    if f != f or f in (math.inf, -math.inf):
        raise rt.error("FloatDomainError", float_to_s(f))
    return int(f)


def _kwargs(args: tuple[Any, ...]) -> tuple[tuple[Any, ...], RHash | None]:
    if args and type(args[-1]) is RHash:
        return args[:-1], args[-1]
    return args, None


def _arity(rt: Any, args: tuple[Any, ...], lo: int, hi: int) -> None:
    n = len(args)
    if n < lo or n > hi:
        want = str(lo) if lo == hi else f"{lo}..{hi}"
        raise rt.error("ArgumentError", f"wrong number of arguments (given {n}, expected {want})")


# --- arithmetic --------------------------------------------------------------------------------


def _fdiv(a: float, b: float) -> float:
    """IEEE division: x/0.0 is +/-Infinity or NaN rather than an exception."""
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return math.nan
        neg = (a < 0) != (math.copysign(1.0, b) < 0)
        return -math.inf if neg else math.inf


def _flodivmod(rt: Any, x: float, y: float) -> tuple[float, float]:
    """Ruby's flodivmod: floored quotient and modulus with the divisor's sign."""
    if y != y:
        return y, y
    if y == 0.0:
        raise rt.error("ZeroDivisionError", "divided by 0")
    if x == 0.0 or (math.isinf(y) and not math.isinf(x)):
        mod = x
    else:
        mod = math.fmod(x, y) if math.isfinite(x) else math.nan
    if math.isinf(x) and not math.isinf(y):
        div = x
    else:
        div = _c_round((x - mod) / y)
    if y * mod < 0:
        mod += y
        div -= 1.0
    return div, mod


def _fmod(rt: Any, a: float, b: float) -> float:
    return _flodivmod(rt, a, b)[1]


def _pow(rt: Any, a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int:
        if b >= 0:
            if abs(a) > 1 and b * a.bit_length() > 2**27:
                rt.stderr.write("warning: in a**b, b may be too big\n")
                return math.inf if a > 0 or b % 2 == 0 else -math.inf
            return a**b
        if a == 0:
            raise rt.error("ZeroDivisionError", "divided by 0")
        # Ruby answers a Rational here; a Float is the nearest value this runtime has.
        try:
            return a**b
        except OverflowError:
            return 0.0
    fa, fb = _ff(a), _ff(b)
    if fa < 0 and math.isfinite(fb) and fb != math.floor(fb):
        # Ruby answers a Complex here; NaN stands in for it.
        return math.nan
    try:
        return math.pow(fa, fb)
    except OverflowError:
        odd = math.isfinite(fb) and fb % 2 == 1
        return -math.inf if fa < 0 and odd else math.inf
    except ValueError:
        odd = math.isfinite(fb) and fb % 2 == -1 % 2 and fb == math.floor(fb)
        return -math.inf if math.copysign(1.0, fa) < 0 and odd else math.inf


def _binop(rt: Any, recv: Any, other: Any, op: str) -> Any:
    """``recv op other`` for numbers; TypeError for anything else."""
    if type(other) not in (int, float):
        if is_object(other) and rt.responds_to(other, "coerce"):
            pair = rt.call(other, "coerce", recv)
            if isinstance(pair, list) and len(pair) == 2:
                return rt.call(pair[0], op, pair[1])
            raise rt.error("TypeError", "coerce must return [x, y]")
        raise coerce_error(rt, recv, other)
    both_int = type(recv) is int and type(other) is int
    if op == "+":
        return recv + other if both_int else _ff(recv) + _ff(other)
    if op == "-":
        return recv - other if both_int else _ff(recv) - _ff(other)
    if op == "*":
        return recv * other if both_int else _ff(recv) * _ff(other)
    if op == "/":
        if both_int:
            if other == 0:
                raise rt.error("ZeroDivisionError", "divided by 0")
            return recv // other
        return _fdiv(_ff(recv), _ff(other))
    if op == "%":
        if both_int:
            if other == 0:
                raise rt.error("ZeroDivisionError", "divided by 0")
            return recv % other
        return _fmod(rt, _ff(recv), _ff(other))
    if op == "**":
        return _pow(rt, recv, other)
    raise AssertionError(op)


def _ff(v: Any) -> float:
    return int_to_f(v) if type(v) is int else v


def _divmod(rt: Any, recv: Any, other: Any) -> list[Any]:
    if type(other) not in (int, float):
        raise coerce_error(rt, recv, other)
    if type(recv) is int and type(other) is int:
        if other == 0:
            raise rt.error("ZeroDivisionError", "divided by 0")
        return [recv // other, recv % other]
    div, mod = _flodivmod(rt, _ff(recv), _ff(other))
    return [float_to_i(rt, div), mod]


for _op in ("+", "-", "*", "/", "%", "**"):

    def _make(op: str) -> Any:
        def arith(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> Any:
            return _binop(rt, recv, other, op)

        return arith

    builtin(INTEGER, _op)(_make(_op))
    builtin(FLOAT, _op)(_make(_op))


@builtin(INTEGER, "modulo")
@builtin(FLOAT, "modulo")
def num_modulo(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> Any:
    """Same as ``%``."""
    return _binop(rt, recv, other, "%")


@builtin(INTEGER, "pow")
def int_pow(rt: Any, recv: int, other: Any, mod: Any = None, block: RProc | None = None) -> Any:
    """Integer#pow with an optional modulus."""
    if mod is None:
        return _binop(rt, recv, other, "**")
    if type(other) is not int or type(mod) is not int:
        raise rt.error("TypeError", "Integer#pow() 2nd argument not allowed unless all arguments are integers")
    if other < 0:
        raise rt.error("RangeError", "Integer#pow() 1st argument cannot be negative when 2nd argument specified")
    if mod == 0:
        raise rt.error("ZeroDivisionError", "divided by 0")
    return pow(recv, other, mod)


@builtin(INTEGER, "div")
@builtin(FLOAT, "div")
def num_div(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> int:
    """Floored integer quotient."""
    if type(other) not in (int, float):
        raise coerce_error(rt, recv, other)
    if other == 0:
        raise rt.error("ZeroDivisionError", "divided by 0")
    if type(recv) is int and type(other) is int:
        return recv // other
    return float_to_i(rt, math.floor(_fdiv(_ff(recv), _ff(other))))


@builtin(INTEGER, "divmod")
@builtin(FLOAT, "divmod")
def num_divmod(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> list[Any]:
    """[floored quotient, modulus]."""
    return _divmod(rt, recv, other)


@builtin(INTEGER, "remainder")
@builtin(FLOAT, "remainder")
def num_remainder(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> Any:
    """Remainder with the sign of the receiver."""
    if type(other) not in (int, float):
        raise coerce_error(rt, recv, other)
    if type(recv) is int and type(other) is int:
        if other == 0:
            raise rt.error("ZeroDivisionError", "divided by 0")
        r = abs(recv) % abs(other)
        return -r if recv < 0 else r
    a, b = _ff(recv), _ff(other)
    if b == 0:
        raise rt.error("ZeroDivisionError", "divided by 0")
    if b in (math.inf, -math.inf) and math.isfinite(a):
        return a
    return math.fmod(a, b)


@builtin(INTEGER, "fdiv")
@builtin(FLOAT, "fdiv")
def num_fdiv(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> float:
    """Float division."""
    if type(other) not in (int, float):
        raise coerce_error(rt, recv, other)
    if type(recv) is int and type(other) is int and other != 0:
        return _int_fdiv(recv, other)
    return _fdiv(_ff(recv), _ff(other))


@builtin(INTEGER, "quo")
@builtin(FLOAT, "quo")
def num_quo(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> Any:
    """Exact quotient (Ruby gives a Rational for two Integers; this gives a Float)."""
    return num_fdiv(rt, recv, other)


@builtin(INTEGER, "-@")
@builtin(FLOAT, "-@")
def num_neg(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Negation."""
    return -recv


@builtin(INTEGER, "+@")
@builtin(FLOAT, "+@")
def num_pos(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """The receiver itself."""
    return recv


@builtin(INTEGER, "abs", "magnitude")
@builtin(FLOAT, "abs", "magnitude")
def num_abs(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """Absolute value."""
    return abs(recv)


# --- bit operations ----------------------------------------------------------------------------


def _bit_arg(rt: Any, recv: int, other: Any) -> int:
    if type(other) is int:
        return other
    raise coerce_error(rt, recv, other)


@builtin(INTEGER, "&")
def int_and(rt: Any, recv: int, other: Any, block: RProc | None = None) -> int:
    """Bitwise and."""
    return recv & _bit_arg(rt, recv, other)


@builtin(INTEGER, "|")
def int_or(rt: Any, recv: int, other: Any, block: RProc | None = None) -> int:
    """Bitwise or."""
    return recv | _bit_arg(rt, recv, other)


@builtin(INTEGER, "^")
def int_xor(rt: Any, recv: int, other: Any, block: RProc | None = None) -> int:
    """Bitwise exclusive or."""
    return recv ^ _bit_arg(rt, recv, other)


@builtin(INTEGER, "~")
def int_invert(rt: Any, recv: int, block: RProc | None = None) -> int:
    """Bitwise complement."""
    return ~recv


@builtin(INTEGER, "<<")
def int_lshift(rt: Any, recv: int, n: Any, block: RProc | None = None) -> int:
    """Shift left (right for a negative count)."""
    n = to_int(rt, n)
    return recv << n if n >= 0 else recv >> -n


@builtin(INTEGER, ">>")
def int_rshift(rt: Any, recv: int, n: Any, block: RProc | None = None) -> int:
    """Shift right (left for a negative count)."""
    n = to_int(rt, n)
    return recv >> n if n >= 0 else recv << -n


@builtin(INTEGER, "[]")
def int_bit(rt: Any, recv: int, i: Any, block: RProc | None = None) -> int:
    """The bit at position ``i``."""
    i = to_int(rt, i)
    return 0 if i < 0 else (recv >> i) & 1


@builtin(INTEGER, "bit_length")
def int_bit_length(rt: Any, recv: int, block: RProc | None = None) -> int:
    """Number of bits, not counting the sign."""
    return (recv if recv >= 0 else ~recv).bit_length()


# --- comparison --------------------------------------------------------------------------------


@builtin(INTEGER, "==", "===")
@builtin(FLOAT, "==", "===")
def num_eq(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """Numeric equality across Integer and Float (``1 == 1.0``)."""
    if type(other) in (int, float):
        return recv == other
    if is_object(other):
        return truthy(rt.call(other, "==", recv))
    return False


@builtin(INTEGER, "!=")
@builtin(FLOAT, "!=")
def num_ne(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """Negated ``==``."""
    return not num_eq(rt, recv, other)


@builtin(INTEGER, "eql?")
@builtin(FLOAT, "eql?")
def num_eql(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """Equal value and the same class (``1.eql?(1.0)`` is false)."""
    return type(other) is type(recv) and recv == other


@builtin(INTEGER, "equal?")
@builtin(FLOAT, "equal?")
def num_equal(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
    """Identity: small Integers and Floats are immediate values, so the same value is the same object."""
    if type(other) is not type(recv):
        return False
    if type(recv) is int and not -(2**62) <= recv < 2**62:
        return recv is other  # a Bignum is a heap object
    return recv == other or (recv != recv and other != other)


@builtin(INTEGER, "hash")
@builtin(FLOAT, "hash")
def num_hash(rt: Any, recv: Any, block: RProc | None = None) -> int:
    """A hash code consistent with ``eql?``."""
    return hash((type(recv), recv))


def num_cmp(a: Any, b: Any) -> int | None:
    """``a <=> b`` for two numbers: -1, 0, 1, or None when NaN is involved."""
    if a < b:
        return -1
    if a > b:
        return 1
    if a == b:
        return 0
    return None


@builtin(INTEGER, "<=>")
@builtin(FLOAT, "<=>")
def num_spaceship(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> int | None:
    """-1, 0 or 1; nil for a non-number or NaN."""
    if type(other) in (int, float):
        return num_cmp(recv, other)
    return None


def _relop(op: str) -> Any:
    def compare(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> bool:
        if type(other) not in (int, float):
            raise compare_error(rt, recv, other)
        if op == "<":
            return recv < other
        if op == "<=":
            return recv <= other
        if op == ">":
            return recv > other
        return recv >= other

    return compare


for _op in ("<", "<=", ">", ">="):
    builtin(INTEGER, _op)(_relop(_op))
    builtin(FLOAT, _op)(_relop(_op))


@builtin(INTEGER, "coerce")
@builtin(FLOAT, "coerce")
def num_coerce(rt: Any, recv: Any, other: Any, block: RProc | None = None) -> list[Any]:
    """[other, self] in a common type."""
    if type(recv) is int and type(other) is int:
        return [other, recv]
    if type(other) in (int, float):
        return [_ff(other), _ff(recv)]
    if isinstance(other, RString):
        from pydrake.runtime.core.string import str_to_f_strict

        return [str_to_f_strict(rt, other.s), _ff(recv)]
    raise rt.error("TypeError", f"can't convert {type_name(other)} into Float")


# --- predicates --------------------------------------------------------------------------------


@builtin(INTEGER, "zero?")
@builtin(FLOAT, "zero?")
def num_zero(rt: Any, recv: Any, block: RProc | None = None) -> bool:
    """Whether the value is zero."""
    return recv == 0


@builtin(INTEGER, "nonzero?")
@builtin(FLOAT, "nonzero?")
def num_nonzero(rt: Any, recv: Any, block: RProc | None = None) -> Any:
    """The receiver, or nil when it is zero."""
    return None if recv == 0 else recv


@builtin(INTEGER, "positive?")
@builtin(FLOAT, "positive?")
def num_positive(rt: Any, recv: Any, block: RProc | None = None) -> bool:
    """Whether the value is greater than zero."""
    return recv > 0


@builtin(INTEGER, "negative?")
@builtin(FLOAT, "negative?")
def num_negative(rt: Any, recv: Any, block: RProc | None = None) -> bool:
    """Whether the value is less than zero."""
    return recv < 0


@builtin(INTEGER, "even?")
def int_even(rt: Any, recv: int, block: RProc | None = None) -> bool:
    """Whether the Integer is even."""
    return recv % 2 == 0


@builtin(INTEGER, "odd?")
def int_odd(rt: Any, recv: int, block: RProc | None = None) -> bool:
    """Whether the Integer is odd."""
    return recv % 2 == 1


@builtin(INTEGER, "integer?")
def int_integer_p(rt: Any, recv: int, block: RProc | None = None) -> bool:
    """Always true for an Integer."""
    return True


@builtin(FLOAT, "integer?")
def float_integer_p(rt: Any, recv: float, block: RProc | None = None) -> bool:
    """Always false for a Float."""
    return False


@builtin(INTEGER, "finite?")
def int_finite(rt: Any, recv: int, block: RProc | None = None) -> bool:
    """Always true for an Integer."""
    return True


@builtin(INTEGER, "infinite?")
def int_infinite(rt: Any, recv: int, block: RProc | None = None) -> None:
    """Always nil for an Integer."""
    return None


@builtin(FLOAT, "finite?")
def float_finite(rt: Any, recv: float, block: RProc | None = None) -> bool:
    """Whether the Float is neither infinite nor NaN."""
    return math.isfinite(recv)


@builtin(FLOAT, "infinite?")
def float_infinite(rt: Any, recv: float, block: RProc | None = None) -> int | None:
    """1 or -1 for +/-Infinity, else nil."""
    if recv == math.inf:
        return 1
    if recv == -math.inf:
        return -1
    return None


@builtin(FLOAT, "nan?")
def float_nan(rt: Any, recv: float, block: RProc | None = None) -> bool:
    """Whether the Float is NaN."""
    return recv != recv


# --- conversions and text ----------------------------------------------------------------------

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def int_to_s(n: int, base: int = 10) -> str:
    """Integer#to_s(base) for 2 <= base <= 36."""
    if base == 10:
        return str(n)
    if n == 0:
        return "0"
    neg = n < 0
    n = -n if neg else n
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(_DIGITS[r])
    return ("-" if neg else "") + "".join(reversed(out))


@builtin(INTEGER, "to_s", "inspect")
def int_to_s_m(rt: Any, recv: int, base: Any = 10, block: RProc | None = None) -> RString:
    """Decimal (or ``base``) digits."""
    base = to_int(rt, base)
    if not 2 <= base <= 36:
        raise rt.error("ArgumentError", f"invalid radix {base}")
    return RString(int_to_s(recv, base))


@builtin(FLOAT, "to_s", "inspect")
def float_to_s_m(rt: Any, recv: float, block: RProc | None = None) -> RString:
    """Ruby's Float text: ``1.0``, ``1.0e+20``, ``Infinity``."""
    return RString(float_to_s(recv))


@builtin(INTEGER, "to_i", "to_int", "ord")
def int_to_i(rt: Any, recv: int, block: RProc | None = None) -> int:
    """The Integer itself."""
    return recv


@builtin(FLOAT, "to_i", "to_int")
def float_to_i_m(rt: Any, recv: float, block: RProc | None = None) -> int:
    """Truncated toward zero."""
    return float_to_i(rt, recv)


@builtin(INTEGER, "to_f")
def int_to_f_m(rt: Any, recv: int, block: RProc | None = None) -> float:
    """The nearest Float."""
    return int_to_f(recv)


@builtin(FLOAT, "to_f")
def float_to_f(rt: Any, recv: float, block: RProc | None = None) -> float:
    """The Float itself."""
    return recv


@builtin(INTEGER, "chr")
def int_chr(rt: Any, recv: int, *args: Any, block: RProc | None = None) -> RString:
    """The character with this code (bytes above 255 need an encoding argument)."""
    if recv < 0 or (not args and recv > 255):
        raise rt.error("RangeError", f"{recv} out of char range")
    if recv > 0x10FFFF or 0xD800 <= recv <= 0xDFFF:
        raise rt.error("RangeError", f"invalid codepoint 0x{recv:X} in UTF-8")
    return RString(chr(recv))


@builtin(INTEGER, "size")
def int_size(rt: Any, recv: int, block: RProc | None = None) -> int:
    """Bytes in the machine representation."""
    return 8 if -(2**63) <= recv < 2**63 else (recv.bit_length() + 7) // 8


@builtin(INTEGER, "digits")
def int_digits(rt: Any, recv: int, base: Any = 10, block: RProc | None = None) -> list[int]:
    """Digits from least significant, in ``base``."""
    base = to_int(rt, base)
    if recv < 0:
        cls = CORE.get("Math::DomainError") or "ArgumentError"
        raise rt.error(cls, "out of domain")
    if base < 2:
        raise rt.error("ArgumentError", f"invalid radix {base}" if base >= 0 else "negative radix")
    if recv == 0:
        return [0]
    out = []
    while recv:
        recv, r = divmod(recv, base)
        out.append(r)
    return out


@builtin(INTEGER, "gcd")
def int_gcd(rt: Any, recv: int, other: Any, block: RProc | None = None) -> int:
    """Greatest common divisor."""
    if type(other) is not int:
        raise rt.error("TypeError", "not an integer")
    return math.gcd(recv, other)


@builtin(INTEGER, "lcm")
def int_lcm(rt: Any, recv: int, other: Any, block: RProc | None = None) -> int:
    """Least common multiple."""
    if type(other) is not int:
        raise rt.error("TypeError", "not an integer")
    return abs(recv * other) // math.gcd(recv, other) if recv and other else 0


@builtin(INTEGER, "succ", "next")
def int_succ(rt: Any, recv: int, block: RProc | None = None) -> int:
    """The next Integer."""
    return recv + 1


@builtin(INTEGER, "pred")
def int_pred(rt: Any, recv: int, block: RProc | None = None) -> int:
    """The previous Integer."""
    return recv - 1


@builtin(FLOAT, "next_float")
def float_next(rt: Any, recv: float, block: RProc | None = None) -> float:
    """The next representable Float."""
    return math.nextafter(recv, math.inf)


@builtin(FLOAT, "prev_float")
def float_prev(rt: Any, recv: float, block: RProc | None = None) -> float:
    """The previous representable Float."""
    return math.nextafter(recv, -math.inf)


# --- rounding ----------------------------------------------------------------------------------


def _half_mode(rt: Any, opts: RHash | None) -> str:
    if not opts:
        return "up"
    mode = opts.get(Symbol.of("half"))
    if mode is None:
        return "up"
    name = mode.name if isinstance(mode, Symbol) else mode.s if isinstance(mode, RString) else None
    if name is not None and name.lower() in ("up", "even", "down"):
        return name.lower()
    shown = name if name is not None else rt.inspect(mode)
    raise rt.error("ArgumentError", f"invalid rounding mode: {shown}")


def _fixable(n: int) -> bool:
    return -(2**62) <= n < 2**62


# Ruby estimates from the byte size and answers 0 for floor and ceil too (``5.ceil(-20)`` is 0).
def _round_to_zero(n: int, ndigits: int) -> bool:
    """Ruby's shortcut: rounding to ``-ndigits`` places gives 0 when 10**-ndigits / 2 surely exceeds ``n``."""
    nbytes = 8 if _fixable(n) else (abs(n).bit_length() + 7) // 8
    return -0.415241 * ndigits - 0.125 > nbytes


def _int_round(n: int, ndigits: int, mode: str) -> int:
    """Integer#round to ``-ndigits`` decimal places (``ndigits < 0``)."""
    if ndigits >= 0:
        return n
    if _round_to_zero(n, ndigits):
        return 0
    x, y = abs(n), 10**-ndigits
    if mode == "even":
        z = (x + y // 2) // y
        if (z * y - x) * 2 == y:
            z &= ~1
        x = z * y
    elif mode == "down":
        x = (x + y // 2 - 1) // y * y
    else:
        x = (x + y // 2) // y * y
    return -x if n < 0 else x


# Integer floor/ceil/truncate at negative digits.  For Bignums Ruby computes
# num + (f - num % f) even when num is already a multiple of f, so (10**20).ceil(-1)
# is 10**20 + 10; that behaviour is kept.


def _int_floor(n: int, ndigits: int) -> int:
    if ndigits >= 0:
        return n
    if _round_to_zero(n, ndigits):
        return 0
    f = 10**-ndigits
    return n - n % f


def _int_ceil(n: int, ndigits: int) -> int:
    if ndigits >= 0:
        return n
    if _round_to_zero(n, ndigits):
        return 0
    f = 10**-ndigits
    if _fixable(n) and _fixable(f):
        return n if n % f == 0 else n + (f - n % f)
    return n + (f - n % f)


def _int_truncate(n: int, ndigits: int) -> int:
    if ndigits >= 0:
        return n
    if _round_to_zero(n, ndigits):
        return 0
    f = 10**-ndigits
    if _fixable(n) and _fixable(f):
        q = abs(n) // f * f
        return -q if n < 0 else q
    m = n % f
    return n + (f - m) if n < 0 else n - m


def _round_overflow(ndigits: int, binexp: int) -> bool:
    return ndigits >= 17 - (binexp // 4 if binexp > 0 else _cdiv(binexp, 3) - 1)


def _round_underflow(ndigits: int, binexp: int) -> bool:
    return ndigits < -(binexp // 3 + 1 if binexp > 0 else _cdiv(binexp, 4))


def _cdiv(a: int, b: int) -> int:
    """C integer division (truncates toward zero)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


# C's floor/ceil/round on doubles, keeping the sign of a zero result (-0.0).


def _cfloor(x: float) -> float:
    if not math.isfinite(x):
        return x
    r = float(math.floor(x))
    return math.copysign(r, x) if r == 0.0 else r


def _cceil(x: float) -> float:
    if not math.isfinite(x):
        return x
    r = float(math.ceil(x))
    return math.copysign(r, x) if r == 0.0 else r


def _c_round(x: float) -> float:
    """C ``round``: half away from zero."""
    if not math.isfinite(x):
        return x
    t = math.trunc(x)
    if abs(x - t) >= 0.5:
        t += 1 if x > 0 else -1
    return math.copysign(float(t), x) if t == 0 else float(t)


def _round_half_up(x: float, s: float) -> float:
    f = _c_round(x * s)
    if s == 1.0:
        return f
    if x > 0:
        if (f + 0.5) / s <= x:
            f += 1
    else:
        if (f - 0.5) / s >= x:
            f -= 1
    return f


def _round_half_down(x: float, s: float) -> float:
    f = _c_round(x * s)
    if x > 0:
        if (f - 0.5) / s >= x:
            f -= 1
    else:
        if (f + 0.5) / s <= x:
            f += 1
    return f


def _round_half_even(x: float, s: float) -> float:
    xs = x * s
    if x > 0.0:
        f = _cfloor(xs)
        d = xs - f
        if d > 0.5:
            d = 1.0
        elif d == 0.5 or (f + 0.5) / s <= x:
            d = math.fmod(f, 2.0)
        else:
            d = 0.0
        return f + d
    if x < 0.0:
        f = _cceil(xs)
        d = f - xs
        if d > 0.5:
            d = 1.0
        elif d == 0.5 or (f - 0.5) / s >= x:
            d = math.fmod(-f, 2.0)
        else:
            d = 0.0
        return f - d
    return x


_ROUNDERS = {"up": _round_half_up, "down": _round_half_down, "even": _round_half_even}


def _rational_round(x: float, ndigits: int, mode: str) -> float:
    """Round through an exact Rational, then back to Float the way Ruby's Rational#to_f divides."""
    num, den = x.as_integer_ratio()
    scale = 10**ndigits
    q, r = divmod(abs(num) * scale, den)
    twice = 2 * r
    if twice > den or (twice == den and (mode == "up" or (mode == "even" and q % 2 == 1))):
        q += 1
    if num < 0:
        q = -q
    g = math.gcd(q, scale)
    return _int_fdiv(q // g, scale // g)


def _int_fdiv(x: int, y: int) -> float:
    """Ruby's Integer#fdiv: reduce, then divide the two values converted to Float (exactly for huge ones)."""
    g = math.gcd(x, y)
    if g > 1:
        x, y = x // g, y // g
    if _fixable(y) and not (_fixable(x) and abs(y) >= 2**53):
        fx = int_to_f(x)
        if math.isfinite(fx):
            return _fdiv(fx, float(y))
    try:
        return x / y
    except OverflowError:
        return math.inf if (x > 0) == (y > 0) else -math.inf


def float_round(rt: Any, x: float, ndigits: int = 0, mode: str = "up") -> Any:
    """Float#round(ndigits, half: mode) as Ruby computes it."""
    if x == 0.0:
        return x if ndigits > 0 else 0
    if ndigits < 0:
        return _int_round(float_to_i(rt, x), ndigits, mode)
    if ndigits == 0:
        if not math.isfinite(x):
            raise rt.error("FloatDomainError", float_to_s(x))
        return int(_ROUNDERS[mode](x, 1.0))
    if not math.isfinite(x):
        return x
    binexp = math.frexp(x)[1]
    if _round_overflow(ndigits, binexp):
        return x
    if _round_underflow(ndigits, binexp):
        return 0.0
    if ndigits > 14:
        return _rational_round(x, ndigits, mode)
    s = 10.0**ndigits
    return _ROUNDERS[mode](x, s) / s


def float_floor(rt: Any, x: float, ndigits: int = 0) -> Any:
    """Float#floor(ndigits)."""
    if x == 0.0:
        return x if ndigits > 0 else 0
    if ndigits > 0:
        if not math.isfinite(x):
            return x
        binexp = math.frexp(x)[1]
        if _round_overflow(ndigits, binexp):
            return x
        if x > 0.0 and _round_underflow(ndigits, binexp):
            return 0.0
        f = 10.0**ndigits
        mul = _cfloor(x * f)
        res = (mul + 1) / f
        if res > x:
            res = mul / f
        return res
    n = float_to_i(rt, _cfloor(x))
    return _int_floor(n, ndigits)


def float_ceil(rt: Any, x: float, ndigits: int = 0) -> Any:
    """Float#ceil(ndigits)."""
    if x == 0.0:
        return x if ndigits > 0 else 0
    if ndigits > 0:
        if not math.isfinite(x):
            return x
        binexp = math.frexp(x)[1]
        if _round_overflow(ndigits, binexp):
            return x
        if x < 0.0 and _round_underflow(ndigits, binexp):
            return 0.0
        f = 10.0**ndigits
        return _cceil(x * f) / f
    n = float_to_i(rt, _cceil(x))
    return _int_ceil(n, ndigits)


def _ndigits(rt: Any, args: tuple[Any, ...]) -> int:
    _arity(rt, args, 0, 1)
    return to_int(rt, args[0]) if args else 0


@builtin(FLOAT, "round")
def float_round_m(rt: Any, recv: float, *args: Any, block: RProc | None = None) -> Any:
    """Round half away from zero (or ``half: :even`` / ``:down``) to ``ndigits`` places."""
    pos, opts = _kwargs(args)
    return float_round(rt, recv, _ndigits(rt, pos), _half_mode(rt, opts))


@builtin(INTEGER, "round")
def int_round_m(rt: Any, recv: int, *args: Any, block: RProc | None = None) -> int:
    """Round to ``ndigits`` (negative) decimal places."""
    pos, opts = _kwargs(args)
    return _int_round(recv, _ndigits(rt, pos), _half_mode(rt, opts))


@builtin(FLOAT, "floor")
def float_floor_m(rt: Any, recv: float, *args: Any, block: RProc | None = None) -> Any:
    """Largest value not above the receiver at ``ndigits`` places."""
    return float_floor(rt, recv, _ndigits(rt, args))


@builtin(FLOAT, "ceil")
def float_ceil_m(rt: Any, recv: float, *args: Any, block: RProc | None = None) -> Any:
    """Smallest value not below the receiver at ``ndigits`` places."""
    return float_ceil(rt, recv, _ndigits(rt, args))


@builtin(FLOAT, "truncate")
def float_truncate_m(rt: Any, recv: float, *args: Any, block: RProc | None = None) -> Any:
    """Toward zero at ``ndigits`` places."""
    nd = _ndigits(rt, args)
    return float_ceil(rt, recv, nd) if math.copysign(1.0, recv) < 0 else float_floor(rt, recv, nd)


@builtin(INTEGER, "floor")
def int_floor_m(rt: Any, recv: int, *args: Any, block: RProc | None = None) -> int:
    """Round down to ``ndigits`` (negative) places."""
    return _int_floor(recv, _ndigits(rt, args))


@builtin(INTEGER, "ceil")
def int_ceil_m(rt: Any, recv: int, *args: Any, block: RProc | None = None) -> int:
    """Round up to ``ndigits`` (negative) places."""
    return _int_ceil(recv, _ndigits(rt, args))


@builtin(INTEGER, "truncate")
def int_truncate_m(rt: Any, recv: int, *args: Any, block: RProc | None = None) -> int:
    """Round toward zero to ``ndigits`` (negative) places."""
    return _int_truncate(recv, _ndigits(rt, args))


# --- iteration ---------------------------------------------------------------------------------
# Without a block each of these returns an Enumerator over the same values.


def _enum(recv: Any, meth: str, *args: Any) -> Any:
    from pydrake.runtime.core.enumerable import make_enum

    return make_enum(recv, meth, *args)


@builtin(INTEGER, "times")
def int_times(rt: Any, recv: int, block: RProc | None = None) -> Any:
    """Yield 0...n; return the receiver."""
    if block is None:
        return _enum(recv, "times")
    i = 0
    while i < recv:
        rt.call_block(block, i)
        i += 1
    return recv


@builtin(INTEGER, "upto")
def int_upto(rt: Any, recv: int, limit: Any, block: RProc | None = None) -> Any:
    """Yield recv, recv+1, ... up to ``limit``."""
    if type(limit) not in (int, float):
        raise compare_error(rt, recv, limit)
    if block is None:
        return _enum(recv, "upto", limit)
    i = recv
    while i <= limit:
        rt.call_block(block, i)
        i += 1
    return recv


@builtin(INTEGER, "downto")
def int_downto(rt: Any, recv: int, limit: Any, block: RProc | None = None) -> Any:
    """Yield recv, recv-1, ... down to ``limit``."""
    if type(limit) not in (int, float):
        raise compare_error(rt, recv, limit)
    if block is None:
        return _enum(recv, "downto", limit)
    i = recv
    while i >= limit:
        rt.call_block(block, i)
        i -= 1
    return recv


def float_step_size(beg: float, end: float, unit: float, excl: bool) -> float:
    """How many values a Float step from ``beg`` to ``end`` by ``unit`` yields (Ruby's rounding)."""
    eps = 2.220446049250313e-16
    if unit == 0:
        return math.inf
    if unit in (math.inf, -math.inf):
        return 1.0 if (beg <= end if unit > 0 else beg >= end) else 0.0
    n = (end - beg) / unit
    err = (abs(beg) + abs(end) + abs(end - beg)) / abs(unit) * eps
    if err > 0.5:
        err = 0.5
    if excl:
        if n <= 0:
            return 0
        n = 0 if n < 1 else math.floor(n - err)
        d = (n + 1) * unit + beg
        if (beg < end and d < end) or (beg > end and d > end):
            n += 1
    else:
        if n < 0:
            return 0
        n = math.floor(n + err)
        d = (n + 1) * unit + beg
        if (beg < end and d <= end) or (beg > end and d >= end):
            n += 1
    return n + 1


def float_step_values(beg: float, end: float, unit: float, excl: bool) -> Any:
    """The Floats a step yields, computed as ``i*unit+beg`` (no accumulated error)."""
    n = float_step_size(beg, end, unit, excl)
    if unit in (math.inf, -math.inf):
        if n:
            yield beg
        return
    if unit == 0:
        while True:
            yield beg
    i = 0
    while i < n:
        d = i * unit + beg
        if (end < d) if unit >= 0 else (d < end):
            d = end
        yield d
        i += 1


def _check_step(rt: Any, step: Any) -> None:
    if type(step) not in (int, float):
        raise coerce_error(rt, 0, step)
    if step == 0:
        raise rt.error("ArgumentError", "step can't be 0")


def _step_values(rt: Any, recv: Any, limit: Any, step: Any) -> Any:
    if type(recv) is float or type(limit) is float or type(step) is float:
        end = (math.inf if step > 0 else -math.inf) if limit is None else _ff(limit)
        yield from float_step_values(_ff(recv), end, _ff(step), False)
        return
    i = recv
    if limit is None:
        while True:
            yield i
            i += step
    if type(limit) is not int:
        raise compare_error(rt, recv, limit)
    if step > 0:
        while i <= limit:
            yield i
            i += step
    else:
        while i >= limit:
            yield i
            i += step


@builtin(NUMERIC, "step")
@builtin(INTEGER, "step")
@builtin(FLOAT, "step")
def num_step(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> Any:
    """Yield recv, recv+step, ... while not past ``limit`` (also ``by:``/``to:`` keywords)."""
    pos, opts = _kwargs(args)
    _arity(rt, pos, 0, 2)
    limit = pos[0] if pos else None
    step = pos[1] if len(pos) > 1 else 1
    if opts:
        if Symbol.of("to") in opts:
            limit = opts[Symbol.of("to")]
        if Symbol.of("by") in opts:
            step = opts[Symbol.of("by")]
    _check_step(rt, step)
    if block is None:
        return _enum(recv, "step", *args)
    for v in _step_values(rt, recv, limit, step):
        rt.call_block(block, v)
    return recv
