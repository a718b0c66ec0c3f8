"""``require "date"``: Date (a civil day, proleptic Gregorian) with parsing, strftime and day arithmetic.

DateTime is not modelled: ``DateTime.now``/``new``/``parse`` answer Time objects.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from fractions import Fraction
from typing import Any

from pydrake.runtime.classes import ARGUMENT_ERROR, COMPARABLE, OBJECT, TIME, builtin, register_type
from pydrake.runtime.core.enumerable import make_enum
from pydrake.runtime.core.time import NS, RTime, make_in_zone, make_local, now, strftime
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RClass, RProc, RString, pystr
from pydrake.runtime.stdlib.rational import RRational, rational

DATE = RClass("Date", OBJECT)
DATE.includes.append(COMPARABLE)
DATE_ERROR = RClass("Date::Error", ARGUMENT_ERROR, DATE)
DATE.constants["Error"] = DATE_ERROR
DATE_TIME = RClass("DateTime", DATE)

_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
_JD_OFFSET = 1721425  # Julian Day Number of 0001-01-01 minus its proleptic ordinal (1)
DATE.constants.update(
    {
        "MONTHNAMES": [None, *(RString(m, frozen=True) for m in _MONTHS)],
        "ABBR_MONTHNAMES": [None, *(RString(m[:3], frozen=True) for m in _MONTHS)],
        "DAYNAMES": [RString(d, frozen=True) for d in _DAYS],
        "ABBR_DAYNAMES": [RString(d[:3], frozen=True) for d in _DAYS],
        "ITALY": 2299161,
        "ENGLAND": 2361222,
        "GREGORIAN": -float("inf"),
        "JULIAN": float("inf"),
    }
)


class RDate:
    """A Ruby Date: a Python date."""

    __slots__ = ("d", "frozen")

    def __init__(self, d: _dt.date) -> None:
        self.d = d
        self.frozen = False

    @property
    def jd(self) -> int:
        """The Julian Day Number."""
        return self.d.toordinal() + _JD_OFFSET

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RDate) and other.d == self.d

    def __hash__(self) -> int:
        return hash((RDate, self.d))

    def __repr__(self) -> str:
        return f"RDate({self.d.isoformat()})"


register_type(RDate, DATE)


def _invalid(rt: Any) -> Any:
    return rt.error(DATE_ERROR, "invalid date")


def _int(rt: Any, v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise rt.error(
            "TypeError", f"invalid {rt.real_class(v).name.lower() if v is not None else 'nil'} (not numeric)"
        )
    return int(v)


def civil(rt: Any, year: int, month: int, day: int) -> RDate:
    """Date.new(year, month, day); negative month and day count from the end (Date::Error when invalid)."""
    if month < 0:
        month += 13
    if not 1 <= month <= 12:
        raise _invalid(rt)
    last = _last_day(year, month)
    if day < 0:
        day += last + 1
    if not 1 <= day <= last or not 1 <= year <= 9999:
        raise _invalid(rt)
    return RDate(_dt.date(year, month, day))


def _last_day(year: int, month: int) -> int:
    import calendar

    return calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31


def _shift_months(d: _dt.date, n: int) -> _dt.date:
    total = d.year * 12 + (d.month - 1) + n
    year, month = divmod(total, 12)
    month += 1
    return _dt.date(year, month, min(d.day, _last_day(year, month)))


def _plus_days(rt: Any, recv: RDate, n: Any) -> RDate:
    if isinstance(n, bool) or not isinstance(n, (int, float)):
        raise rt.error("TypeError", "expected numeric")
    try:
        return RDate(recv.d + _dt.timedelta(days=int(n)))
    except OverflowError:
        raise _invalid(rt) from None


# ---------------------------------------------------------------- parsing

_MONTH_RE = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_MONTH_NO = {m[:3].lower(): i + 1 for i, m in enumerate(_MONTHS)}


@functools.cache
def _parsers() -> list[tuple[re.Pattern[str], str]]:
    """The date forms Date.parse looks for, most specific first (compiled on first use)."""
    return [
        (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), "ymd"),
        (re.compile(r"(\d{4})-w(\d{2})-(\d)", re.I), "cw"),
        (re.compile(r"(\d{4})-(\d{3})(?!\d)"), "yd"),
        (re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})"), "ymd"),
        (re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})"), "dmy"),
        (re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r"\.?,?(?:\s+(\d{4}))?", re.I), "dMy"),
        (re.compile(_MONTH_RE + r"\.?[-\s]+(\d{1,2})(?:st|nd|rd|th)?(?:,?[-\s]+(\d{4}))?", re.I), "Mdy"),
        (re.compile(_MONTH_RE + r"\.?,?\s+(\d{4})", re.I), "My"),
        (re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"), "ymd"),
    ]


def parse_date(rt: Any, text: str) -> RDate:
    """Date.parse for ISO, slash and dotted dates, month names and ``yyyymmdd``."""
    today = _dt.date.today()
    for pattern, kind in _parsers():
        m = pattern.search(text)
        if m is None:
            continue
        g = m.groups()
        if kind == "ymd":
            return civil(rt, int(g[0]), int(g[1]), int(g[2]))
        if kind == "dmy":
            return civil(rt, int(g[2]), int(g[1]), int(g[0]))
        if kind == "dMy":
            return civil(rt, _year(g[2], text, today), _MONTH_NO[g[1][:3].lower()], int(g[0]))
        if kind == "Mdy":
            return civil(rt, _year(g[2], text, today), _MONTH_NO[g[0][:3].lower()], int(g[1]))
        if kind == "My":
            return civil(rt, int(g[1]), _MONTH_NO[g[0][:3].lower()], 1)
        if kind == "yd":
            return _ordinal(rt, int(g[0]), int(g[1]))
        try:
            return RDate(_dt.date.fromisocalendar(int(g[0]), int(g[1]), int(g[2])))
        except ValueError:
            raise _invalid(rt) from None
    raise _invalid(rt)


_LONE_YEAR = r"(?<![\d:])(\d{4})(?![\d:])"


def _year(found: str | None, text: str, today: _dt.date) -> int:
    """The year next to the month name, else a lone 4-digit year elsewhere (``date`` output), else this year."""
    if found:
        return int(found)
    m = re.search(_LONE_YEAR, text)
    return int(m.group(1)) if m else today.year


def _ordinal(rt: Any, year: int, yday: int) -> RDate:
    try:
        start = _dt.date(year, 1, 1)
    except ValueError:
        raise _invalid(rt) from None
    days = 366 if _leap(year) else 365
    if yday < 0:
        yday += days + 1
    if not 1 <= yday <= days:
        raise _invalid(rt)
    return RDate(start + _dt.timedelta(days=yday - 1))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def strptime(rt: Any, text: str, fmt: str) -> RDate:
    """Date.strptime with the common directives (%Y %m %d %y %b %B %j %F %e)."""
    fmt = fmt.replace("%F", "%Y-%m-%d").replace("%D", "%m/%d/%y").replace("%-m", "%m").replace("%-d", "%d")
    fmt = fmt.replace("%e", "%d")
    try:
        parsed = _dt.datetime.strptime(text, fmt)
    except ValueError:
        raise _invalid(rt) from None
    return RDate(parsed.date())


# ---------------------------------------------------------------- formatting


def _as_time(d: RDate) -> RTime:
    midnight = (d.d.toordinal() - _dt.date(1970, 1, 1).toordinal()) * 86400
    return RTime(midnight * NS, "fixed", 0)


_ZONE = r"%(%|Z|:?z)"


def date_strftime(d: RDate, fmt: str) -> str:
    """Date#strftime: Time's directives at midnight UTC (``%Z`` shows ``+00:00``)."""
    fmt = re.sub(_ZONE, lambda m: {"%": "%%", "Z": "+00:00", "z": "+0000", ":z": "+00:00"}[m.group(1)], fmt)
    return strftime(_as_time(d), fmt)


def inspect_date(d: RDate) -> str:
    """Date#inspect: ``#<Date: 2024-02-28 ((2460369j,0s,0n),+0s,2299161j)>``."""
    return f"#<Date: {d.d.isoformat()} (({d.jd}j,0s,0n),+0s,2299161j)>"


# ---------------------------------------------------------------- class methods


def _date_arg(rt: Any, v: Any) -> RDate:
    if not isinstance(v, RDate):
        raise rt.error("TypeError", "expected date")
    return v


@builtin(DATE, "new", "civil", singleton=True)
def date_new(rt: Any, cls: Any, year: Any = -4712, month: Any = 1, day: Any = 1, *rest: Any, block: Any = None) -> Any:
    """Date.new(year = -4712, month = 1, day = 1)."""
    if cls is DATE_TIME:
        return _datetime_new(rt, year, month, day, *rest)
    return civil(rt, _int(rt, year), _int(rt, month), _int(rt, day))


@builtin(DATE, "today", singleton=True)
def date_today(rt: Any, cls: Any, *args: Any, block: Any = None) -> RDate:
    """Date.today (local)."""
    return RDate(_dt.date.today())


@builtin(DATE, "parse", singleton=True)
def date_parse(rt: Any, cls: Any, text: Any, *args: Any, block: Any = None) -> Any:
    """Date.parse(string)."""
    if cls is DATE_TIME:
        return rt.call(TIME, "parse", text)
    return parse_date(rt, pystr(text))


@builtin(DATE, "iso8601", "xmlschema", "rfc3339", singleton=True)
def date_iso8601(rt: Any, cls: Any, text: Any, *args: Any, block: Any = None) -> RDate:
    """Date.iso8601(string)."""
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", pystr(text))
    if m is None:
        raise _invalid(rt)
    return civil(rt, int(m.group(1)), int(m.group(2)), int(m.group(3)))


@builtin(DATE, "strptime", singleton=True)
def date_strptime(rt: Any, cls: Any, text: Any = None, fmt: Any = None, *args: Any, block: Any = None) -> RDate:
    """Date.strptime(string = "-4712-01-01", format = "%F")."""
    return strptime(rt, pystr(text) if text is not None else "-4712-01-01", pystr(fmt) if fmt is not None else "%F")


@builtin(DATE, "jd", singleton=True)
def date_jd(rt: Any, cls: Any, jd: Any = 0, *args: Any, block: Any = None) -> RDate:
    """Date.jd(n)."""
    try:
        return RDate(_dt.date.fromordinal(_int(rt, jd) - _JD_OFFSET))
    except (ValueError, OverflowError):
        raise _invalid(rt) from None


@builtin(DATE, "ordinal", singleton=True)
def date_s_ordinal(rt: Any, cls: Any, year: Any = -4712, yday: Any = 1, *args: Any, block: Any = None) -> RDate:
    """Date.ordinal(year, yday)."""
    return _ordinal(rt, _int(rt, year), _int(rt, yday))


@builtin(DATE, "valid_date?", "valid_civil?", singleton=True)
def date_valid(rt: Any, cls: Any, year: Any, month: Any, day: Any, *args: Any, block: Any = None) -> bool:
    """Date.valid_date?(year, month, day)."""
    try:
        civil(rt, _int(rt, year), _int(rt, month), _int(rt, day))
    except Exception:  # noqa: BLE001 - any invalid date answers false
        return False
    return True


@builtin(DATE, "leap?", "gregorian_leap?", singleton=True)
def date_s_leap(rt: Any, cls: Any, year: Any, block: Any = None) -> bool:
    """Date.leap?(year)."""
    return _leap(_int(rt, year))


@builtin(DATE, "now", singleton=True)
def date_now(rt: Any, cls: Any, *args: Any, block: Any = None) -> Any:
    """DateTime.now (a Time)."""
    if cls is not DATE_TIME:
        raise rt.no_method_error(cls, "now")
    return now()


def _datetime_new(rt: Any, year: Any, month: Any, day: Any, *rest: Any) -> RTime:
    """DateTime.new(year, month, day, hour, minute, second, offset = "+00:00") as a Time."""
    fields = [year, month, day, *rest[:3]]
    zone = rest[3] if len(rest) > 3 and isinstance(rest[3], RString) else RString("+00:00")
    return make_in_zone(rt, fields, zone)


# ---------------------------------------------------------------- instance methods


def _field(names: str, fn: Any) -> None:
    @builtin(DATE, *names.split())
    def field(rt: Any, recv: RDate, block: Any = None) -> Any:
        return fn(recv)

    field.__doc__ = f"Date#{names.split()[0]}."


_field("year", lambda r: r.d.year)
_field("month mon", lambda r: r.d.month)
_field("day mday", lambda r: r.d.day)
_field("wday", lambda r: r.d.isoweekday() % 7)
_field("yday", lambda r: r.d.timetuple().tm_yday)
_field("cwday", lambda r: r.d.isoweekday())
_field("cweek", lambda r: r.d.isocalendar()[1])
_field("cwyear", lambda r: r.d.isocalendar()[0])
_field("jd", lambda r: r.jd)
_field("mjd", lambda r: r.jd - 2400001)
_field("leap?", lambda r: _leap(r.d.year))
_field("to_s iso8601 xmlschema", lambda r: RString(r.d.isoformat()))
_field("inspect", lambda r: RString(inspect_date(r)))
_field("rfc3339", lambda r: RString(r.d.isoformat() + "T00:00:00+00:00"))
_field("httpdate", lambda r: RString(date_strftime(r, "%a, %d %b %Y 00:00:00 GMT")))
_field("rfc2822 rfc822", lambda r: RString(date_strftime(r, "%a, %-d %b %Y 00:00:00 +0000")))
_field("to_date", lambda r: r)
_field("hash", lambda r: hash(r))
for _i, _day in enumerate(_DAYS):
    _field(f"{_day.lower()}?", lambda r, i=_i: r.d.isoweekday() % 7 == i)


@builtin(DATE, "ajd")
def date_ajd(rt: Any, recv: RDate, block: Any = None) -> RRational:
    """ajd: the astronomical Julian Day (a Rational ending in 1/2)."""
    return rational(Fraction(recv.jd * 2 - 1, 2))


@builtin(DATE, "to_time")
def date_to_time(rt: Any, recv: RDate, block: Any = None) -> RTime:
    """to_time: local midnight of the day."""
    return make_local(rt, [recv.d.year, recv.d.month, recv.d.day])


@builtin(DATE, "strftime")
def date_strftime_m(rt: Any, recv: RDate, fmt: Any = None, block: Any = None) -> RString:
    """strftime(format = "%F")."""
    return RString(date_strftime(recv, "%F" if fmt is None else pystr(fmt)))


@builtin(DATE, "+")
def date_plus(rt: Any, recv: RDate, n: Any, block: Any = None) -> RDate:
    """+ n: n days later."""
    return _plus_days(rt, recv, n)


@builtin(DATE, "-")
def date_minus(rt: Any, recv: RDate, other: Any, block: Any = None) -> Any:
    """- n: n days earlier; - date: the days between, as a Rational."""
    if isinstance(other, RDate):
        return rational(recv.jd - other.jd)
    if isinstance(other, bool) or not isinstance(other, (int, float)):
        raise rt.error("TypeError", "expected numeric")
    return _plus_days(rt, recv, -other)


@builtin(DATE, ">>")
def date_months_later(rt: Any, recv: RDate, n: Any, block: Any = None) -> RDate:
    """>> n: n months later (the day clamped to the month's end)."""
    return RDate(_shift_months(recv.d, _int(rt, n)))


@builtin(DATE, "<<")
def date_months_earlier(rt: Any, recv: RDate, n: Any, block: Any = None) -> RDate:
    """<< n: n months earlier."""
    return RDate(_shift_months(recv.d, -_int(rt, n)))


def _step(name: str, fn: Any) -> None:
    @builtin(DATE, name)
    def step(rt: Any, recv: RDate, n: Any = 1, block: Any = None) -> RDate:
        return fn(rt, recv, _int(rt, n))

    step.__doc__ = f"Date#{name}(n = 1)."


_step("next_day", lambda rt, r, n: _plus_days(rt, r, n))
_step("prev_day", lambda rt, r, n: _plus_days(rt, r, -n))
_step("next_month", lambda rt, r, n: RDate(_shift_months(r.d, n)))
_step("prev_month", lambda rt, r, n: RDate(_shift_months(r.d, -n)))
_step("next_year", lambda rt, r, n: RDate(_shift_months(r.d, 12 * n)))
_step("prev_year", lambda rt, r, n: RDate(_shift_months(r.d, -12 * n)))


@builtin(DATE, "next", "succ")
def date_succ(rt: Any, recv: RDate, block: Any = None) -> RDate:
    """next / succ: the next day."""
    return _plus_days(rt, recv, 1)


@builtin(DATE, "<=>")
def date_cmp(rt: Any, recv: RDate, other: Any, block: Any = None) -> Any:
    """<=>: against another Date, or a day number."""
    if isinstance(other, RDate):
        return (recv.d > other.d) - (recv.d < other.d)
    if isinstance(other, (int, float)) and not isinstance(other, bool):
        return (recv.jd > other) - (recv.jd < other)
    return None


@builtin(DATE, "==", "===", "eql?")
def date_eq(rt: Any, recv: RDate, other: Any, block: Any = None) -> bool:
    """==: the same day."""
    return isinstance(other, RDate) and other.d == recv.d


def _walk(rt: Any, recv: RDate, limit: RDate, by: int, name: str, args: tuple[Any, ...], block: Any) -> Any:
    if block is None:
        return make_enum(recv, name, *args)
    if by == 0:
        raise rt.error("ArgumentError", "step can't be 0")
    cur = recv.d
    while (cur <= limit.d) if by > 0 else (cur >= limit.d):
        rt.call_block(block, RDate(cur))
        cur = cur + _dt.timedelta(days=by)
    return recv


@builtin(DATE, "step")
def date_step_m(rt: Any, recv: RDate, limit: Any, by: Any = 1, block: Any = None) -> Any:
    """step(limit, by = 1) { |date| }."""
    return _walk(rt, recv, _date_arg(rt, limit), _int(rt, by), "step", (limit, by), block)


@builtin(DATE, "upto")
def date_upto(rt: Any, recv: RDate, limit: Any, block: Any = None) -> Any:
    """upto(max) { |date| }."""
    return _walk(rt, recv, _date_arg(rt, limit), 1, "upto", (limit,), block)


@builtin(DATE, "downto")
def date_downto(rt: Any, recv: RDate, limit: Any, block: Any = None) -> Any:
    """downto(min) { |date| }."""
    return _walk(rt, recv, _date_arg(rt, limit), -1, "downto", (limit,), block)


def time_to_date(rt: Any, recv: RTime, block: RProc | None = None) -> RDate:
    """Time#to_date: the day of the time in its own zone."""
    return RDate(recv.fields().date())


@default_feature("date")
def _feature(rt: Any) -> None:
    """``require "date"``: Date, DateTime and Time#to_date."""
    rt.constants["Date"] = DATE
    rt.constants["DateTime"] = DATE_TIME
    rt.add_method(TIME, "to_date", time_to_date)
