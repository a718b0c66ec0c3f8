"""Time: an instant with nanosecond precision, shown in local time, UTC or a fixed offset."""

from __future__ import annotations

import math
import re
import sys
import time as _time
from typing import Any

from pydrake.lazy_pattern import LazyPattern
from pydrake.runtime.classes import TIME, builtin, register_type
from pydrake.runtime.core.io import split_options, type_name
from pydrake.runtime.objects import RString, Symbol, pystr

NS = 1_000_000_000

_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_ABBR = {m[:3].lower(): i + 1 for i, m in enumerate(_MONTHS)}


def _local_zone(sec: int) -> tuple[int, str, bool]:
    """The system time zone's (offset seconds, abbreviation, dst?) at ``sec``."""
    try:
        tm = _time.localtime(sec)
    except (OverflowError, OSError, ValueError):
        return 0, "UTC", False
    return tm.tm_gmtoff or 0, tm.tm_zone or "", tm.tm_isdst > 0



def _fraction(value: float) -> Any:
    """The exact rational value of a float (fractions is imported only when a float meets a Time)."""
    from fractions import Fraction

    return Fraction(value)


def _is_fraction(value: object) -> bool:
    fractions = sys.modules.get("fractions")
    return fractions is not None and isinstance(value, fractions.Fraction)

class RTime:
    """A Ruby Time: ``ns`` since the epoch, displayed per ``mode`` ("local", "utc" or "fixed")."""

    __slots__ = ("ns", "mode", "offset", "zone", "dst")

    def __init__(self, ns: int, mode: str = "local", offset: int = 0) -> None:
        self.ns = ns
        self.zone: str | None = None  # nil for a fixed offset
        self.set_mode(mode, offset)

    def set_mode(self, mode: str, offset: int = 0) -> None:
        """Change how the instant is displayed (Time#utc and Time#localtime mutate)."""
        self.mode = mode
        self.dst = False
        if mode == "local":
            self.offset, self.zone, self.dst = _local_zone(self.ns // NS)
        elif mode == "utc":
            self.offset, self.zone = 0, "UTC"
        else:
            self.offset, self.zone = offset, None

    def copy(self, ns: int | None = None) -> RTime:
        """The same display mode at ``ns`` (default: the same instant)."""
        return RTime(self.ns if ns is None else ns, self.mode, self.offset)

    @property
    def sec(self) -> int:
        """Whole seconds since the epoch (floor)."""
        return self.ns // NS

    @property
    def frac_ns(self) -> int:
        """Nanoseconds within the second."""
        return self.ns % NS

    def fields(self) -> Any:
        """The broken-down wall-clock time in this time's zone."""
        import datetime as _dt

        return _dt.datetime(1970, 1, 1) + _dt.timedelta(seconds=self.sec + self.offset)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RTime) and other.ns == self.ns

    def __hash__(self) -> int:
        return hash((RTime, self.ns))

    def __lt__(self, other: RTime) -> bool:
        return self.ns < other.ns

    def __repr__(self) -> str:
        return f"RTime({time_inspect(self)!r})"


register_type(RTime, TIME)


def now() -> RTime:
    """The current local time."""
    return RTime(_time.time_ns())


def from_ns(ns: int) -> RTime:
    """A local Time from nanoseconds since the epoch (File.mtime uses ``st_mtime_ns``)."""
    return RTime(ns)


def to_ns(rt: Any, value: Any, what: str = "time") -> int:
    """Seconds as an Integer, Float or Time, in nanoseconds."""
    if isinstance(value, RTime):
        return value.ns
    if isinstance(value, bool) or value is None:
        raise rt.error("TypeError", f"can't convert {type_name(value)} into an exact number")
    if isinstance(value, int):
        return value * NS
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise rt.error("FloatDomainError", repr(value))
        return math.floor(_fraction(value) * NS)
    if _is_fraction(value):
        return math.floor(value * NS)
    raise rt.error("TypeError", f"can't convert {type_name(value)} into an exact number")




def _offset_str(offset: int, colons: int = 0) -> str:
    sign = "-" if offset < 0 else "+"
    a = abs(offset)
    hh, mm, ss = a // 3600, a % 3600 // 60, a % 60
    if colons == 1:
        return f"{sign}{hh:02d}:{mm:02d}"
    if colons >= 2:
        return f"{sign}{hh:02d}:{mm:02d}:{ss:02d}"
    return f"{sign}{hh:02d}{mm:02d}"


def time_to_s(t: RTime) -> str:
    """Time#to_s: ``2026-11-21 06:20:59 +0000`` (``UTC`` for UTC times)."""
    zone = "UTC" if t.mode == "utc" else _offset_str(t.offset)
    return f"{t.fields():%Y-%m-%d %H:%M:%S} {zone}"


def time_inspect(t: RTime) -> str:
    """Time#inspect: like to_s with the fraction of the second when there is one."""
    base = f"{t.fields():%Y-%m-%d %H:%M:%S}"
    if t.frac_ns:
        base += "." + f"{t.frac_ns:09d}".rstrip("0")
    zone = "UTC" if t.mode == "utc" else _offset_str(t.offset)
    return f"{base} {zone}"


def parse_zone(rt: Any, zone: Any) -> tuple[str, int]:
    """A zone argument ("+09:00", "UTC", "Z", seconds) as (mode, offset)."""
    if isinstance(zone, int) and not isinstance(zone, bool):
        if abs(zone) >= 86400:
            raise rt.error("ArgumentError", "utc_offset out of range")
        return "fixed", zone
    text = pystr(zone)
    if text in ("UTC", "Z", "-00:00"):
        return "utc", 0
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?", text)
    if not m:
        raise rt.error(
            "ArgumentError", '"+HH:MM", "-HH:MM", "UTC" or "A".."I","K".."Z" expected for utc_offset: ' + text
        )
    off = int(m.group(2)) * 3600 + int(m.group(3)) * 60 + int(m.group(4) or 0)
    return "fixed", -off if m.group(1) == "-" else off


# ---------------------------------------------------------------- strftime

_DIRECTIVE = LazyPattern(r"%([-_0^#]*)(\d*)(:{0,2})([a-zA-Z%+])")
_COMPOSITE = {
    "c": "%a %b %e %H:%M:%S %Y",
    "x": "%m/%d/%y",
    "D": "%m/%d/%y",
    "X": "%H:%M:%S",
    "T": "%H:%M:%S",
    "F": "%Y-%m-%d",
    "R": "%H:%M",
    "r": "%I:%M:%S %p",
    "v": "%e-%^b-%4Y",
}


def _numeric(t: RTime, d: Any, ch: str) -> tuple[int, int, str] | None:
    """(value, default width, default pad) of a numeric directive."""
    wday = (d.weekday() + 1) % 7
    yday = d.timetuple().tm_yday
    iso = d.isocalendar()
    table: dict[str, tuple[int, int, str]] = {
        "Y": (d.year, 4, "0"),
        "C": (d.year // 100, 2, "0"),
        "y": (d.year % 100, 2, "0"),
        "m": (d.month, 2, "0"),
        "d": (d.day, 2, "0"),
        "e": (d.day, 2, " "),
        "j": (yday, 3, "0"),
        "H": (d.hour, 2, "0"),
        "k": (d.hour, 2, " "),
        "I": ((d.hour % 12) or 12, 2, "0"),
        "l": ((d.hour % 12) or 12, 2, " "),
        "M": (d.minute, 2, "0"),
        "S": (d.second, 2, "0"),
        "s": (t.sec, 1, "0"),
        "u": (wday or 7, 1, "0"),
        "w": (wday, 1, "0"),
        "U": ((yday - 1 + 7 - wday) // 7, 2, "0"),
        "W": ((yday - 1 + 7 - (wday + 6) % 7) // 7, 2, "0"),
        "G": (iso[0], 4, "0"),
        "g": (iso[0] % 100, 2, "0"),
        "V": (iso[1], 2, "0"),
    }
    return table.get(ch)


def _textual(t: RTime, d: Any, ch: str) -> str | None:
    wday = (d.weekday() + 1) % 7
    if ch == "A":
        return _DAYS[wday]
    if ch == "a":
        return _DAYS[wday][:3]
    if ch == "B":
        return _MONTHS[d.month - 1]
    if ch in "bh":
        return _MONTHS[d.month - 1][:3]
    if ch == "p":
        return "AM" if d.hour < 12 else "PM"
    if ch == "P":
        return "am" if d.hour < 12 else "pm"
    if ch == "Z":
        return t.zone or ""
    if ch == "n":
        return "\n"
    if ch == "t":
        return "\t"
    if ch == "%":
        return "%"
    return None


def strftime(t: RTime, fmt: str) -> str:
    """Time#strftime with Ruby's directives, flags (``-_0^#``), widths and ``%:z``."""
    d = t.fields()

    def one(m: re.Match[str]) -> str:
        flags, width_s, colons, ch = m.group(1), m.group(2), m.group(3), m.group(4)
        width = int(width_s) if width_s else None
        if colons and ch != "z":
            return m.group(0)
        if ch in "LN":
            ndigits = width or (3 if ch == "L" else 9)
            frac = f"{t.frac_ns:09d}"
            return frac[:ndigits] if ndigits <= 9 else frac + "0" * (ndigits - 9)
        if ch == "z":
            text = _offset_str(t.offset, len(colons))
            if width and len(text) < width:
                pad = " " if "_" in flags else "0"
                text = text[0] + text[1:].rjust(width - 1, pad) if pad == "0" else text.rjust(width)
            return text
        num = _numeric(t, d, ch)
        if num is not None:
            value, default_width, pad = num
            if "-" in flags:
                return str(value)
            if "_" in flags:
                pad = " "
            elif "0" in flags:
                pad = "0"
            w = width if width is not None else default_width
            digits = str(abs(value))
            sign = "-" if value < 0 else ""
            if pad == "0":
                return sign + digits.rjust(w - len(sign), "0")
            return (sign + digits).rjust(w, " ")
        if ch in _COMPOSITE:
            text = strftime(t, _COMPOSITE[ch])
        else:
            found = _textual(t, d, ch)
            if found is None:
                return m.group(0)
            text = found
        if "^" in flags:
            text = text.upper()
        elif "#" in flags:
            text = text.lower() if ch in "pZ" else text.upper()
        if width and "-" not in flags:
            text = text.rjust(width, "0" if "0" in flags else " ")
        return text

    return _DIRECTIVE.sub(one, fmt)


def iso8601(t: RTime, digits: int = 0) -> str:
    """Time#iso8601 / xmlschema: ``2026-11-21T06:20:59Z`` or with ``+01:00``."""
    out = f"{t.fields():%Y-%m-%dT%H:%M:%S}"
    if digits > 0:
        out += "." + f"{t.frac_ns:09d}"[:digits].ljust(digits, "0")
    return out + ("Z" if t.mode == "utc" else _offset_str(t.offset, 1))


# ---------------------------------------------------------------- construction


def _int_arg(rt: Any, v: Any, default: int) -> int:
    if v is None:
        return default
    if isinstance(v, int) and not isinstance(v, bool):
        return v
    if isinstance(v, float):
        return int(v)
    if isinstance(v, RString):
        try:
            return int(v.s)
        except ValueError:
            raise rt.error("ArgumentError", f"invalid value for Integer(): {v.s!r}") from None
    raise rt.error("TypeError", f"can't convert {type_name(v)} into an exact number")


def _month_arg(rt: Any, v: Any) -> int:
    if isinstance(v, RString) and v.s[:3].lower() in _MONTH_ABBR and not v.s.isdigit():
        return _MONTH_ABBR[v.s[:3].lower()]
    return _int_arg(rt, v, 1)


def _sec_arg(rt: Any, v: Any) -> tuple[int, int]:
    """A seconds argument as (whole seconds, extra nanoseconds)."""
    if v is None:
        return 0, 0
    if isinstance(v, float):
        ns = math.floor(_fraction(v) * NS)
        return ns // NS, ns % NS
    if isinstance(v, RString) and "." in v.s:
        return _sec_arg(rt, float(v.s))
    return _int_arg(rt, v, 0), 0


def _civil(rt: Any, args: list[Any]) -> tuple[tuple[int, int, int, int, int, int], int]:
    """Time.local/utc arguments as ((year, month, day, hour, min, sec), extra ns)."""
    args = list(args) + [None] * (7 - len(args))
    year = _int_arg(rt, args[0], 1970)
    month = _month_arg(rt, args[1]) if args[1] is not None else 1
    day = _int_arg(rt, args[2], 1)
    hour = _int_arg(rt, args[3], 0)
    minute = _int_arg(rt, args[4], 0)
    sec, extra = _sec_arg(rt, args[5])
    if args[6] is not None:
        extra += math.floor(_fraction(args[6]) * 1000) if isinstance(args[6], float) else _int_arg(rt, args[6], 0) * 1000
    if not (1 <= month <= 12 and 1 <= day <= 31 and 0 <= hour <= 24 and 0 <= minute <= 59 and 0 <= sec <= 60):
        raise rt.error("ArgumentError", "argument out of range")
    return (year, month, day, hour, minute, sec), extra


def make_utc(rt: Any, args: list[Any]) -> RTime:
    """Time.utc / Time.gm."""
    import calendar
    fields, extra = _civil(rt, args)
    return RTime(calendar.timegm((*fields, 0, 0, 0)) * NS + extra, "utc")


def make_local(rt: Any, args: list[Any]) -> RTime:
    """Time.local / Time.mktime."""
    fields, extra = _civil(rt, args)
    sec = int(_time.mktime((*fields, 0, 0, -1)))
    return RTime(sec * NS + extra, "local")


def make_in_zone(rt: Any, args: list[Any], zone: Any) -> RTime:
    """Time.new(..., zone): wall-clock fields in a given zone."""
    import calendar
    mode, offset = parse_zone(rt, zone)
    fields, extra = _civil(rt, args)
    return RTime((calendar.timegm((*fields, 0, 0, 0)) - offset) * NS + extra, mode, offset)


def _with_zone(rt: Any, t: RTime, opts: dict[str, Any]) -> RTime:
    if opts.get("in") is not None:
        mode, offset = parse_zone(rt, opts["in"])
        t.set_mode(mode, offset)
    return t


_PARSE = LazyPattern(
    r"\s*(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?\s*"
)


def parse(rt: Any, text: str) -> RTime:
    """Time.parse / Time.iso8601 for the date-time forms Rakefiles write (ISO 8601 and ``date`` output)."""
    m = _PARSE.fullmatch(text)
    if not m:
        raise rt.error("ArgumentError", f"no time information in {text!r}".replace("'", '"'))
    y, mo, d, hh, mi, ss, frac, zone = m.groups()
    extra = int((frac or "0")[:9].ljust(9, "0"))
    fields = [int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0)]
    if zone is None:
        t = make_local(rt, fields)
        t.ns += extra
        return t
    if zone in ("UTC", "GMT"):
        zone = "Z"
    t = make_in_zone(rt, fields, RString(zone))
    t.ns += extra
    return t


# ---------------------------------------------------------------- Time singleton methods


def _split(args: tuple[Any, ...]) -> tuple[list[Any], dict[str, Any]]:
    return split_options(args)


@builtin(TIME, "now", singleton=True)
def time_now(rt: Any, cls: Any, *args: Any, block: Any = None) -> RTime:
    """Time.now (``in:`` zone accepted)."""
    _, opts = _split(args)
    return _with_zone(rt, now(), opts)


@builtin(TIME, "new", singleton=True)
def time_new(rt: Any, cls: Any, *args: Any, block: Any = None) -> RTime:
    """Time.new: now, or local wall-clock fields, or fields in a zone (7th argument or ``in:``)."""
    pos, opts = _split(args)
    if not pos:
        return _with_zone(rt, now(), opts)
    zone = pos[6] if len(pos) > 6 else opts.get("in")
    if zone is not None:
        return make_in_zone(rt, pos[:6], zone)
    return make_local(rt, pos[:6])


@builtin(TIME, "at", singleton=True)
def time_at(rt: Any, cls: Any, *args: Any, block: Any = None) -> RTime:
    """Time.at(seconds [, subsec, unit]) as a local time (``in:`` zone accepted)."""
    pos, opts = _split(args)
    if not pos:
        raise rt.error("ArgumentError", "wrong number of arguments (given 0, expected 1..3)")
    base = pos[0]
    ns = to_ns(rt, base)
    if len(pos) > 1:
        unit = pos[2].name if len(pos) > 2 and isinstance(pos[2], Symbol) else "microsecond"
        scale = {"millisecond": 1_000_000, "usec": 1000, "microsecond": 1000, "nsec": 1, "nanosecond": 1}.get(unit)
        if scale is None:
            raise rt.error("ArgumentError", f"unexpected unit: {unit}")
        sub = pos[1]
        ns += math.floor(_fraction(sub) * scale) if isinstance(sub, float) else _int_arg(rt, sub, 0) * scale
    t = base.copy(ns) if isinstance(base, RTime) and len(pos) == 1 else RTime(ns)
    return _with_zone(rt, t, opts)


@builtin(TIME, "local", "mktime", singleton=True)
def time_local(rt: Any, cls: Any, *args: Any, block: Any = None) -> RTime:
    """Time.local(year, month=1, day=1, hour=0, min=0, sec=0, usec=0)."""
    return make_local(rt, list(args))


@builtin(TIME, "utc", "gm", singleton=True)
def time_utc(rt: Any, cls: Any, *args: Any, block: Any = None) -> RTime:
    """Time.utc / Time.gm."""
    return make_utc(rt, list(args))


@builtin(TIME, "parse", "iso8601", "xmlschema", singleton=True)
def time_parse(rt: Any, cls: Any, text: Any, *args: Any, block: Any = None) -> RTime:
    """Time.parse (from ``require "time"``) for ISO 8601 style text."""
    return parse(rt, pystr(text))


# ---------------------------------------------------------------- Time instance methods


def _t(rt: Any, v: Any) -> RTime:
    if not isinstance(v, RTime):
        raise rt.error("TypeError", f"no implicit conversion of {type_name(v)} into Time")
    return v


def _field(name: str, fn: Any) -> None:
    @builtin(TIME, *name.split())
    def get(rt: Any, recv: RTime, block: Any = None) -> Any:
        return fn(recv)

    get.__doc__ = f"Time#{name.split()[0]}."


_field("year", lambda t: t.fields().year)
_field("month mon", lambda t: t.fields().month)
_field("day mday", lambda t: t.fields().day)
_field("hour", lambda t: t.fields().hour)
_field("min", lambda t: t.fields().minute)
_field("sec", lambda t: t.fields().second)
_field("usec tv_usec", lambda t: t.frac_ns // 1000)
_field("nsec tv_nsec", lambda t: t.frac_ns)
_field("wday", lambda t: (t.fields().weekday() + 1) % 7)
_field("yday", lambda t: t.fields().timetuple().tm_yday)
_field("to_i tv_sec", lambda t: t.sec)
_field("to_f", lambda t: t.ns / NS)
_field("subsec", lambda t: t.frac_ns / NS if t.frac_ns else 0)
_field("utc_offset gmt_offset gmtoff", lambda t: t.offset)
_field("utc? gmt?", lambda t: t.mode == "utc")
_field("dst? isdst", lambda t: t.dst)
_field("zone", lambda t: RString(t.zone) if t.zone is not None else None)
_field("to_s", lambda t: RString(time_to_s(t)))
_field("inspect", lambda t: RString(time_inspect(t)))
_field("hash", lambda t: hash((RTime, t.ns)))
_field("getutc getgm", lambda t: RTime(t.ns, "utc"))
_field("to_time", lambda t: t)
for _i, _day in enumerate(_DAYS):
    _field(_day.lower() + "?", lambda t, i=_i: (t.fields().weekday() + 1) % 7 == i)


@builtin(TIME, "to_a")
def time_to_a(rt: Any, recv: RTime, block: Any = None) -> list[Any]:
    """Time#to_a: [sec, min, hour, day, month, year, wday, yday, isdst, zone]."""
    d = recv.fields()
    zone = RString(recv.zone) if recv.zone is not None else None
    return [
        d.second,
        d.minute,
        d.hour,
        d.day,
        d.month,
        d.year,
        (d.weekday() + 1) % 7,
        d.timetuple().tm_yday,
        recv.dst,
        zone,
    ]


@builtin(TIME, "utc", "gmtime")
def time_to_utc(rt: Any, recv: RTime, block: Any = None) -> RTime:
    """Time#utc: switches this time to UTC (in place) and returns it."""
    recv.set_mode("utc")
    return recv


@builtin(TIME, "localtime")
def time_localtime(rt: Any, recv: RTime, zone: Any = None, block: Any = None) -> RTime:
    """Time#localtime([offset]): switches this time to local time or an offset, in place."""
    if zone is None:
        recv.set_mode("local")
    else:
        recv.set_mode(*parse_zone(rt, zone))
    return recv


@builtin(TIME, "getlocal")
def time_getlocal(rt: Any, recv: RTime, zone: Any = None, block: Any = None) -> RTime:
    """Time#getlocal: a copy in local time or an offset."""
    return time_localtime(rt, RTime(recv.ns, recv.mode, recv.offset), zone)


@builtin(TIME, "strftime")
def time_strftime(rt: Any, recv: RTime, fmt: Any, block: Any = None) -> RString:
    """Time#strftime."""
    return RString(strftime(recv, pystr(fmt)))


@builtin(TIME, "iso8601", "xmlschema")
def time_iso8601(rt: Any, recv: RTime, digits: Any = 0, block: Any = None) -> RString:
    """Time#iso8601([fraction digits])."""
    return RString(iso8601(recv, digits or 0))


@builtin(TIME, "+")
def time_plus(rt: Any, recv: RTime, other: Any, block: Any = None) -> RTime:
    """Time + seconds."""
    if isinstance(other, RTime):
        raise rt.error("TypeError", "time + time?")
    return recv.copy(recv.ns + to_ns(rt, other))


@builtin(TIME, "-")
def time_minus(rt: Any, recv: RTime, other: Any, block: Any = None) -> Any:
    """Time - Time (a Float of seconds) or Time - seconds (a Time)."""
    if isinstance(other, RTime):
        return (recv.ns - other.ns) / NS
    return recv.copy(recv.ns - to_ns(rt, other))


@builtin(TIME, "round")
def time_round(rt: Any, recv: RTime, digits: Any = 0, block: Any = None) -> RTime:
    """Time#round(digits): rounds the fraction of the second (half up)."""
    unit = 10 ** (9 - max(0, min(9, digits or 0)))
    frac = recv.frac_ns
    down = frac - frac % unit
    up = down + unit if frac % unit * 2 >= unit else down
    return recv.copy(recv.sec * NS + up)


@builtin(TIME, "floor")
def time_floor(rt: Any, recv: RTime, digits: Any = 0, block: Any = None) -> RTime:
    """Time#floor(digits)."""
    unit = 10 ** (9 - max(0, min(9, digits or 0)))
    return recv.copy(recv.ns - recv.ns % unit)


@builtin(TIME, "<=>")
def time_cmp(rt: Any, recv: RTime, other: Any, block: Any = None) -> Any:
    """Time#<=>: nil for a non-Time."""
    if not isinstance(other, RTime):
        return None
    return (recv.ns > other.ns) - (recv.ns < other.ns)


@builtin(TIME, "==", "eql?")
def time_eq(rt: Any, recv: RTime, other: Any, block: Any = None) -> bool:
    """Time#==."""
    return isinstance(other, RTime) and other.ns == recv.ns


def _cmp_name(rt: Any, other: Any) -> str:
    """How Ruby's comparison error names the other operand: inspect for immediates, else the class."""
    if other is None or isinstance(other, bool):
        return type_name(other)
    if isinstance(other, (int, float, Symbol)):
        return rt.inspect(other)
    return type_name(other)


def _cmp_op(name: str, op: Any) -> None:
    @builtin(TIME, name)
    def cmp(rt: Any, recv: RTime, other: Any, block: Any = None) -> bool:
        if not isinstance(other, RTime):
            raise rt.error("ArgumentError", f"comparison of Time with {_cmp_name(rt, other)} failed")
        return op(recv.ns, other.ns)

    cmp.__doc__ = f"Time#{name}."


_cmp_op("<", lambda a, b: a < b)
_cmp_op(">", lambda a, b: a > b)
_cmp_op("<=", lambda a, b: a <= b)
_cmp_op(">=", lambda a, b: a >= b)
