"""Kernel#format / sprintf and String#%: Ruby's printf-style formatting engine."""

from __future__ import annotations

import math
from typing import Any

from pydrake.runtime.classes import KERNEL, STRING, builtin, type_name
from pydrake.runtime.core.numeric import float_to_i, int_to_f, int_to_s, is_object, to_int
from pydrake.runtime.core.string import hash_fetch, str_arg, str_inspect, str_to_f_strict, str_to_inum
from pydrake.runtime.objects import RHash, RProc, RString, Symbol

_FLAGS = " #+-0"
_CONVERSIONS = "cspdiuoxXbBfeEgGaA"
_BASES = {"o": 8, "x": 16, "X": 16, "b": 2, "B": 2}
_SHARP_PREFIX = {"x": "0x", "X": "0X", "b": "0b", "B": "0B"}


class _Args:
    """The argument list with Ruby's rules for unnumbered, numbered (``1$``) and named references."""

    def __init__(self, rt: Any, args: list[Any]) -> None:
        self.rt = rt
        self.args = args
        self.nextarg = 1
        self.posarg = 0  # >0: unnumbered used; -1: named used; -2: numbered used
        self.hash: RHash | None = None

    def next(self) -> Any:
        rt = self.rt
        if self.posarg == -1:
            raise rt.error("ArgumentError", f"unnumbered({self.nextarg}) mixed with named")
        if self.posarg == -2:
            raise rt.error("ArgumentError", f"unnumbered({self.nextarg}) mixed with numbered")
        self.posarg = self.nextarg
        self.nextarg += 1
        if self.posarg > len(self.args):
            raise rt.error("ArgumentError", "too few arguments")
        return self.args[self.posarg - 1]

    def numbered(self, n: int) -> Any:
        rt = self.rt
        if self.posarg > 0:
            raise rt.error("ArgumentError", f"numbered({n}) after unnumbered({self.posarg})")
        if self.posarg == -1:
            raise rt.error("ArgumentError", f"numbered({n}) after named")
        if n < 1:
            raise rt.error("ArgumentError", f"invalid index - {n}$")
        self.posarg = -2
        if n > len(self.args):
            raise rt.error("ArgumentError", "too few arguments")
        return self.args[n - 1]

    def named(self, name: str, shown: str) -> Any:
        rt = self.rt
        if self.posarg > 0:
            raise rt.error("ArgumentError", f"named{shown} after unnumbered({self.posarg})")
        if self.posarg == -2:
            raise rt.error("ArgumentError", f"named{shown} after numbered")
        self.posarg = -1
        if self.hash is None:
            if len(self.args) != 1 or not isinstance(self.args[0], RHash):
                raise rt.error("ArgumentError", "one hash required")
            self.hash = self.args[0]
        key = Symbol.of(name)
        value = hash_fetch(rt, self.hash, key)
        if value is None and key not in self.hash:
            raise rt.error("KeyError", f"key{shown} not found")
        return value


class _Spec:
    """One directive's flags, width and precision."""

    __slots__ = ("flags", "width", "prec")

    def __init__(self) -> None:
        self.flags = ""
        self.width: int | None = None
        self.prec: int | None = None

    def pad(self, body: str) -> str:
        """Space-pad ``body`` to the width (left-justified with ``-``)."""
        if self.width is None or len(body) >= self.width:
            return body
        if "-" in self.flags:
            return body.ljust(self.width)
        return body.rjust(self.width)


def _read_number(fmt: str, i: int) -> tuple[int, int]:
    j = i
    while j < len(fmt) and fmt[j].isdigit():
        j += 1
    return int(fmt[i:j]), j


def sprintf(rt: Any, fmt: str, args: list[Any]) -> str:
    """Format ``args`` by the Ruby format string ``fmt``."""
    out: list[str] = []
    state = _Args(rt, args)
    i, n = 0, len(fmt)
    while i < n:
        pct = fmt.find("%", i)
        if pct < 0:
            out.append(fmt[i:])
            break
        out.append(fmt[i:pct])
        i = _directive(rt, fmt, pct + 1, state, out)
    return "".join(out)


def _directive(rt: Any, fmt: str, i: int, state: _Args, out: list[str]) -> int:
    """Format the directive after the ``%`` at ``i - 1``; returns where the text resumes."""
    spec = _Spec()
    value: Any = _NONE
    n = len(fmt)
    while True:
        if i >= n:
            raise rt.error("ArgumentError", "incomplete format specifier; use %% (double %) instead")
        c = fmt[i]
        if c in _FLAGS:
            if spec.width is not None:
                raise rt.error("ArgumentError", "flag after width")
            if spec.prec is not None:
                raise rt.error("ArgumentError", "flag after precision")
            spec.flags += c
            i += 1
        elif "1" <= c <= "9":
            num, j = _read_number(fmt, i)
            if j < n and fmt[j] == "$":
                if value is not _NONE:
                    raise rt.error("ArgumentError", f"value given twice - {num}$")
                value = state.numbered(num)
                i = j + 1
            else:
                _check_width(rt, spec)
                spec.width = num
                i = j
        elif c in "<{":
            close = fmt.find(">" if c == "<" else "}", i)
            if close < 0:
                raise rt.error("ArgumentError", "malformed name - unmatched parenthesis")
            shown = fmt[i : close + 1]
            if value is not _NONE:
                raise rt.error("ArgumentError", f"named{shown} after <{rt.inspect(value)}>")
            value = state.named(fmt[i + 1 : close], shown)
            i = close + 1
            if c == "{":
                out.append(_format_s(rt, spec, rt.to_s(value)))
                return i
        elif c == "*":
            _check_width(rt, spec)
            w, i = _star(rt, fmt, i + 1, state)
            if w < 0:
                spec.flags += "-"
                w = -w
            spec.width = w
        elif c == ".":
            if spec.prec is not None:
                raise rt.error("ArgumentError", "precision given twice")
            i += 1
            if i < n and fmt[i] == "*":
                p, i = _star(rt, fmt, i + 1, state)
                spec.prec = p if p >= 0 else None
            elif i < n and fmt[i].isdigit():
                spec.prec, i = _read_number(fmt, i)
            else:
                spec.prec = 0
        elif c in "\n\0":
            out.append("%")
            return i
        elif c == "%":
            if spec.flags or spec.width is not None or spec.prec is not None:
                raise rt.error("ArgumentError", "invalid format character - %")
            out.append("%")
            return i + 1
        elif c in _CONVERSIONS:
            if value is _NONE:
                value = state.next()
            out.append(_convert(rt, c, spec, value))
            return i + 1
        else:
            raise rt.error("ArgumentError", f"malformed format string - %{c}")


_NONE = object()


def _check_width(rt: Any, spec: _Spec) -> None:
    if spec.width is not None:
        raise rt.error("ArgumentError", "width given twice")
    if spec.prec is not None:
        raise rt.error("ArgumentError", "width after precision")


def _star(rt: Any, fmt: str, i: int, state: _Args) -> tuple[int, int]:
    """A ``*`` or ``*N$`` width/precision argument."""
    if i < len(fmt) and fmt[i].isdigit():
        num, j = _read_number(fmt, i)
        if j < len(fmt) and fmt[j] == "$":
            return _int_arg(rt, state.numbered(num)), j + 1
    return _int_arg(rt, state.next()), i


def _int_arg(rt: Any, v: Any) -> int:
    return to_int(rt, v)


# --- conversions -------------------------------------------------------------------------------


def _convert(rt: Any, c: str, spec: _Spec, value: Any) -> str:
    if c == "s":
        return _format_s(rt, spec, rt.to_s(value))
    if c == "p":
        return _format_s(rt, spec, rt.inspect(value))
    if c == "c":
        return spec.pad(_char(rt, value))
    if c in "diu":
        return _format_int(spec, _to_integer(rt, value), 10, c)
    if c in _BASES:
        return _format_int(spec, _to_integer(rt, value), _BASES[c], c)
    if c == "f" and type(value) is int:
        return _format_exact(spec, value)
    return _format_float(spec, _to_float(rt, value), c)


def _format_s(rt: Any, spec: _Spec, text: str) -> str:
    if spec.prec is not None:
        text = text[: spec.prec]
    return spec.pad(text)


def _char(rt: Any, v: Any) -> str:
    if isinstance(v, RString):
        if len(v.s) != 1:
            raise rt.error("ArgumentError", "%c requires a character")
        return v.s
    code = _int_arg(rt, v)
    if code < 0 or code > 0x10FFFF:
        raise rt.error("RangeError", f"{code} out of char range")
    return chr(code)




def _to_integer(rt: Any, v: Any) -> int:
    """How sprintf turns an argument into an Integer (Floats truncate, Strings parse strictly)."""
    t = type(v)
    if t is int:
        return v
    if t is float:
        return float_to_i(rt, v)
    if isinstance(v, RString):
        r = str_to_inum(v.s, 0, True)
        if r is None:
            raise rt.error("ArgumentError", f"invalid value for Integer(): {str_inspect(v.s)}")
        return r
    if is_object(v):
        for name in ("to_int", "to_i"):
            if rt.responds_to(v, name):
                r = rt.call(v, name)
                if type(r) is int:
                    return r
    raise rt.error("TypeError", f"can't convert {type_name(v)} into Integer")


def _to_float(rt: Any, v: Any) -> float:
    t = type(v)
    if t is float:
        return v
    if t is int:
        return int_to_f(v)
    if isinstance(v, RString):
        return str_to_f_strict(rt, v.s)
    if is_object(v) and rt.responds_to(v, "to_f"):
        r = rt.call(v, "to_f")
        if type(r) is float:
            return r
    raise rt.error("TypeError", f"can't convert {type_name(v)} into Float")


def _twos_complement(v: int, base: int) -> str:
    """Digits of negative ``v`` as Ruby shows them after ``..``: one leading all-ones digit."""
    top = int_to_s(base - 1, base)
    k = len(int_to_s(-v, base)) + 1
    digits = int_to_s(v % base**k, base).rjust(k, "0").lstrip(top)
    return top + digits


def _format_int(spec: _Spec, v: int, base: int, conv: str) -> str:
    flags = spec.flags
    sign = ""
    dots = ""
    fill = "0"
    if v < 0 and (base == 10 or "+" in flags or " " in flags):
        sign = "-"
        digits = int_to_s(-v, base)
    elif v < 0:
        dots = ".."
        digits = _twos_complement(v, base)
        fill = digits[0]
    else:
        sign = "+" if "+" in flags else " " if " " in flags else ""
        digits = int_to_s(v, base)
    if conv in "XB":
        digits = digits.upper()
        fill = fill.upper()
    prefix = ""
    if "#" in flags and v != 0:
        prefix = _SHARP_PREFIX.get(conv, "")
    if spec.prec is not None:
        digits = digits.rjust(spec.prec - len(dots), fill)
    elif "0" in flags and "-" not in flags and spec.width is not None:
        digits = digits.rjust(spec.width - len(sign) - len(prefix) - len(dots), fill)
    if "#" in flags and conv == "o" and not digits.startswith("0"):
        digits = "0" + digits
    return spec.pad(sign + prefix + dots + digits)


def _sign_of(spec: _Spec, negative: bool) -> str:
    if negative:
        return "-"
    return "+" if "+" in spec.flags else " " if " " in spec.flags else ""


def _format_exact(spec: _Spec, v: int) -> str:
    """``%f`` of an Integer, exact at any size."""
    prec = 6 if spec.prec is None else spec.prec
    sign = _sign_of(spec, v < 0)
    body = str(abs(v)) + ("." + "0" * prec if prec > 0 else "")
    if "0" in spec.flags and "-" not in spec.flags and spec.width is not None:
        body = body.rjust(spec.width - len(sign), "0")
    return spec.pad(sign + body)


def _format_float(spec: _Spec, f: float, conv: str) -> str:
    if not math.isfinite(f):
        return spec.pad(_sign_of(spec, f < 0) + ("NaN" if f != f else "Inf"))
    if conv in "aA":
        return _format_hex_float(spec, f, conv)
    prec = 6 if spec.prec is None else spec.prec
    alt = "#" in spec.flags
    x = abs(f)
    lower = conv.lower()
    if lower == "f":
        body = _fixed(*ruby_dtoa(x, 3, prec), prec, alt)
    elif lower == "e":
        body = _exponential(*ruby_dtoa(x, 2, prec + 1), prec, alt, conv)
    else:
        p = prec or 1
        digits, decpt = ruby_dtoa(x, 2, p)
        if decpt <= -4 or (decpt > p and decpt > 1):
            if alt:
                digits = digits.ljust(p, "0")
            body = _exponential(digits, decpt, len(digits) - 1, alt, "e" if conv == "g" else "E")
        else:
            if alt:
                digits = digits.ljust(p, "0")
            body = _place_point(digits, decpt, alt)
    sign = _sign_of(spec, math.copysign(1.0, f) < 0)
    if "0" in spec.flags and "-" not in spec.flags and spec.width is not None:
        body = body.rjust(spec.width - len(sign), "0")
    return spec.pad(sign + body)


def _fixed(digits: str, decpt: int, prec: int, alt: bool) -> str:
    """``%f`` text from dtoa digits: ``prec`` places after the point."""
    if digits == "0":
        decpt = 1
    if decpt > 0:
        whole = digits[:decpt].ljust(decpt, "0")
        frac = digits[decpt:]
    else:
        whole = "0"
        frac = "0" * -decpt + digits
    frac = frac[:prec].ljust(prec, "0")
    return whole + ("." + frac if prec or alt else "")


def _exponential(digits: str, decpt: int, prec: int, alt: bool, conv: str) -> str:
    """``%e`` text from dtoa digits: one digit, ``prec`` places, exponent of at least two digits."""
    exp = 0 if digits == "0" else decpt - 1
    rest = digits[1:].ljust(prec, "0")
    mant = digits[0] + ("." + rest if rest or alt else "")
    return f"{mant}{conv}{'+' if exp >= 0 else '-'}{abs(exp):02d}"


def _place_point(digits: str, decpt: int, alt: bool) -> str:
    """Fixed-notation ``%g`` text: the digits with the point at ``decpt``."""
    if digits == "0":
        decpt = 1
    if decpt <= 0:
        return "0." + "0" * -decpt + digits
    if decpt >= len(digits):
        return digits + "0" * (decpt - len(digits)) + ("." if alt else "")
    return digits[:decpt] + "." + digits[decpt:]


# --- Ruby's dtoa (modes 2 and 3) ---------------------------------------------------------------
# Ruby formats %e/%f/%g with David Gay's dtoa as modified in Ruby's missing/dtoa.c: when the
# fast floating-point digit generation lands within its error bound of a tie, the digits are
# rounded half-even *as computed*, so "%.2f" % 0.665 is "0.66" although 0.665 is stored as
# 0.66500000000000003552...  The port below follows that code step by step.

_TENS = [10.0**i for i in range(23)]
_BIGTENS = [1e16, 1e32, 1e64, 1e128, 1e256]
_QUICK_MAX = 14
_INT_MAX = 14


# Mode 2 gives ``ndigits`` significant digits, mode 3 ``ndigits`` digits after the point;
# trailing zeros are dropped and a value that rounds to zero gives ("0", 1).
def ruby_dtoa(d: float, mode: int, ndigits: int) -> tuple[str, int]:
    """Digits and decimal-point position of positive finite ``d``, rounded as Ruby's dtoa does."""
    if d == 0:
        return "0", 1
    m, e = math.frexp(d)
    d2, i = m * 2.0, e - 1
    ds = (d2 - 1.5) * 0.289529654602168 + 0.1760912590558 + i * 0.301029995663981
    k = int(ds)
    if ds < 0.0 and ds != k:
        k -= 1
    k_check = True
    if 0 <= k <= 22:
        if d < _TENS[k]:
            k -= 1
        k_check = False
    if mode == 2:
        ndigits = max(ndigits, 1)
        ilim = ilim1 = ndigits
    else:
        ilim = ndigits + k + 1
        ilim1 = ilim - 1
    half = False
    if 0 <= ilim <= _QUICK_MAX:
        quick = _dtoa_quick(d, k, k_check, ilim, ilim1)
        if isinstance(quick, tuple):
            return quick
        half = quick
    if d.is_integer() and k <= _INT_MAX:
        return _dtoa_small_int(d, k, ndigits, ilim)
    return _dtoa_exact(d, mode, ndigits, k, k_check, ilim, ilim1, half)


def _bump_up(digits: list[str], k: int) -> tuple[str, int]:
    while digits and digits[-1] == "9":
        digits.pop()
    if not digits:
        return "1", k + 2
    digits[-1] = chr(ord(digits[-1]) + 1)
    return "".join(digits), k + 1


def _dtoa_quick(d: float, k: int, k_check: bool, ilim: int, ilim1: int) -> tuple[str, int] | bool:
    """The fast path: digits, or whether it stopped at a near-tie (then the exact path runs)."""
    i = 0
    ieps = 2
    if k > 0:
        ds = _TENS[k & 0xF]
        j = k >> 4
        if j & 0x10:
            j &= 0xF
            d /= _BIGTENS[4]
            ieps += 1
        while j:
            if j & 1:
                ieps += 1
                ds *= _BIGTENS[i]
            j >>= 1
            i += 1
        d /= ds
    elif k < 0:
        j1 = -k
        d *= _TENS[j1 & 0xF]
        j = j1 >> 4
        while j:
            if j & 1:
                ieps += 1
                d *= _BIGTENS[i]
            j >>= 1
            i += 1
    if k_check and d < 1.0 and ilim > 0:
        if ilim1 <= 0:
            return False
        ilim = ilim1
        k -= 1
        d *= 10.0
        ieps += 1
    eps = math.ldexp(ieps * d + 7.0, -52)
    if ilim == 0:
        d -= 5.0
        if d > eps:
            return "1", k + 2
        if d < -eps:
            return "0", 1  # rounds to zero
        return False
    eps *= _TENS[ilim - 1]
    digits: list[str] = []
    n = 1
    while True:
        L = int(d)
        d -= L
        if d == 0.0:
            ilim = n
        digits.append(chr(48 + L))
        if n == ilim:
            if d > 0.5 + eps:
                return _bump_up(digits, k)
            if d < 0.5 - eps:
                text = "".join(digits).rstrip("0")
                return (text or "0"), k + 1
            if L & 1:
                return _bump_up(digits, k)
            return True
        n += 1
        d *= 10.0


def _dtoa_small_int(d: float, k: int, ndigits: int, ilim: int) -> tuple[str, int]:
    """An integral value below 1e15, digit by digit in floating point (exact)."""
    ds = _TENS[k]
    if ndigits < 0 and ilim <= 0:
        if ilim < 0 or d <= 5 * ds:
            return "0", 1
        return "1", k + 2
    digits: list[str] = []
    n = 1
    while True:
        L = int(d / ds)
        d -= L * ds
        digits.append(chr(48 + L))
        if d == 0.0:
            break
        if n == ilim:
            d += d
            if d > ds or (d == ds and L & 1):
                return _bump_up(digits, k)
            break
        n += 1
        d *= 10.0
    return "".join(digits), k + 1


def _dtoa_exact(
    d: float, mode: int, ndigits: int, k: int, k_check: bool, ilim: int, ilim1: int, half: bool
) -> tuple[str, int]:
    """The exact (big-integer) path."""
    num, den = d.as_integer_ratio()
    # b / S = d / 10**k
    if k >= 0:
        b, S = num, den * 10**k
    else:
        b, S = num * 10**-k, den
    if k_check and b < S:
        k -= 1
        b *= 10
        ilim = ilim1
    if ilim <= 0 and mode == 3:
        if ilim < 0 or b <= 5 * S:
            return "0", 1
        return "1", k + 2
    digits: list[str] = []
    n = 1
    while True:
        q, b = divmod(b, S)
        digits.append(chr(48 + q))
        if b == 0:
            return "".join(digits), k + 1
        if n >= ilim:
            break
        b *= 10
        n += 1
    last = ord(digits[-1]) - 48
    b *= 2
    if b > S or (b == S and last & 1):
        while digits and digits[-1] == "9":
            digits.pop()
        if not digits:
            return "1", k + 2
        if not half or (ord(digits[-1]) - 48) & 1:
            digits[-1] = chr(ord(digits[-1]) + 1)
        return "".join(digits), k + 1
    return "".join(digits).rstrip("0") or "0", k + 1


def _format_hex_float(spec: _Spec, f: float, conv: str) -> str:
    h = float.hex(abs(f))
    mant, exp = h.split("p")
    if "." in mant:
        ip, fp = mant.split(".")
        fp = fp.rstrip("0")
        mant = ip + ("." + fp if fp else "")
    exp_i = int(exp)
    body = f"{mant}p{'+' if exp_i >= 0 else '-'}{abs(exp_i)}"
    if conv == "A":
        body = body.upper()
    sign = _sign_of(spec, math.copysign(1.0, f) < 0)
    if "0" in spec.flags and "-" not in spec.flags and spec.width is not None:
        head, tail = body[:2], body[2:]
        body = head + tail.rjust(spec.width - len(sign) - 2, "0")
    return spec.pad(sign + body)


# --- method registrations ----------------------------------------------------------------------


def _format_args(rt: Any, args: tuple[Any, ...]) -> tuple[str, list[Any]]:
    if not args:
        raise rt.error("ArgumentError", "too few arguments")
    return str_arg(rt, args[0]), list(args[1:])


@builtin(KERNEL, "format", "sprintf")
def kernel_format(rt: Any, recv: Any, *args: Any, block: RProc | None = None) -> RString:
    """The format string with each directive replaced by its formatted argument."""
    fmt, rest = _format_args(rt, args)
    return RString(sprintf(rt, fmt, rest))


@builtin(STRING, "%")
def str_format(rt: Any, recv: RString, arg: Any, block: RProc | None = None) -> RString:
    """``format(self, *arg)`` (an Array argument supplies all the values)."""
    args = list(arg) if isinstance(arg, list) else [arg]
    return RString(sprintf(rt, recv.s, args))
