"""``require "time"``: Time.parse for free-form dates, Time.strptime, and the HTTP and RFC 2822 forms."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from pydrake.runtime.classes import TIME
from pydrake.runtime.core import time as _time
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RProc, RString, pystr

# Zone names Time.parse knows, as UTC offsets in hours.
_ZONES = {
    "UT": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "JST": 9, "BST": 1, "IST": 5.5,
}  # fmt: skip
_UTC_NAMES = ("UTC", "Z", "-00:00", "-0000")
_CLOCK = re.compile(
    r"(?<![\d.])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([ap])\.?m\.?\b)?|(?<![\d:])(\d{1,2})\s*([ap])\.?m\.?\b",
    re.I,
)
_ZONE = re.compile(r"(?:(?<=\d)|\s)(Z|UTC|[A-Z]{2,4}|[+-]\d{2}:?\d{2})(?![\w:])")
_COMPACT = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(?!\d)")


def _no_time(rt: Any, text: str) -> Any:
    return rt.error("ArgumentError", f"no time information in {rt.inspect(RString(text))}")


def _zone_of(text: str) -> tuple[str, int] | None:
    """("utc", 0) or ("fixed", offset seconds) for a zone written in ``text``."""
    for m in _ZONE.finditer(text):
        name = m.group(1)
        if name.upper() in _UTC_NAMES:
            return "utc", 0
        if name[0] in "+-":
            digits = name[1:].replace(":", "")
            offset = int(digits[:2]) * 3600 + int(digits[2:]) * 60
            return "fixed", -offset if name[0] == "-" else offset
        hours = _ZONES.get(name.upper())
        if hours is not None:
            return "fixed", int(hours * 3600)
    return None


def parse_time(rt: Any, text: str) -> _time.RTime:
    """Time.parse: a date (today when only a clock time is given), a clock time and a zone found in ``text``."""
    from pydrake.runtime.stdlib.date import parse_date

    compact = _COMPACT.search(text)
    if compact:
        g = compact.groups()
        day: _dt.date | None = _dt.date(int(g[0]), int(g[1]), int(g[2]))
        clock: tuple[int, int, int, int] | None = (int(g[3]), int(g[4]), int(g[5] or 0), 0)
        rest = text[compact.end() :]
    else:
        try:
            day = parse_date(rt, text).d
        except Exception:  # noqa: BLE001 - no date in the text
            day = None
        clock, rest = _clock(text)
        if day is None and clock is None:
            raise _no_time(rt, text)
    if day is None:
        day = _dt.date.today()
    hour, minute, sec, frac_ns = clock or (0, 0, 0, 0)
    fields = [day.year, day.month, day.day, hour, minute, sec]
    zone = _zone_of(rest if compact else text)
    if zone is None:
        t = _time.make_local(rt, fields)
    elif zone[0] == "utc":
        t = _time.make_utc(rt, fields)
    else:
        t = _time.make_in_zone(rt, fields, zone[1])
    t.ns += frac_ns
    return t


def _clock(text: str) -> tuple[tuple[int, int, int, int] | None, str]:
    m = _CLOCK.search(text)
    if m is None:
        return None, text
    if m.group(6) is not None:
        hour, minute, sec, frac, ampm = int(m.group(6)), 0, 0, "", m.group(7)
    else:
        hour, minute, sec = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        frac, ampm = m.group(4) or "", m.group(5)
    if ampm:
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    return (hour, minute, sec, int(frac[:9].ljust(9, "0")) if frac else 0), text


def strptime(rt: Any, text: str, fmt: str) -> _time.RTime:
    """Time.strptime for the common directives; local time unless the format reads a zone."""
    py_fmt = fmt.replace("%-", "%").replace("%T", "%H:%M:%S").replace("%F", "%Y-%m-%d").replace("%e", "%d")
    try:
        parsed = _dt.datetime.strptime(text, py_fmt)
    except ValueError:
        raise rt.error("ArgumentError", f"invalid date or strptime format - `{text}' `{fmt}'") from None
    fields = [parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute, parsed.second]
    if parsed.tzinfo is not None:
        offset = int(parsed.utcoffset().total_seconds())  # type: ignore[union-attr]
        t = _time.make_in_zone(rt, fields, offset)
    else:
        t = _time.make_local(rt, fields)
    t.ns += parsed.microsecond * 1000
    return t


def time_s_parse(rt: Any, cls: Any, text: Any, *args: Any, block: RProc | None = None) -> _time.RTime:
    """Time.parse(string)."""
    s = pystr(text)
    try:
        return _time.parse(rt, s)
    except Exception:  # noqa: BLE001 - not ISO 8601: the free-form reader decides
        return parse_time(rt, s)


def time_s_strptime(rt: Any, cls: Any, text: Any, fmt: Any, *args: Any, block: RProc | None = None) -> _time.RTime:
    """Time.strptime(string, format)."""
    return strptime(rt, pystr(text), pystr(fmt))


def time_s_rfc2822(rt: Any, cls: Any, text: Any, *args: Any, block: RProc | None = None) -> _time.RTime:
    """Time.rfc2822 / Time.httpdate: ``Thu, 02 Jan 2020 03:04:05 GMT``."""
    s = pystr(text)
    if not re.search(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{2}:\d{2}", s):
        raise rt.error("ArgumentError", f"not RFC 2822 compliant date: {rt.inspect(RString(s))}")
    t = parse_time(rt, s)
    if re.search(r"\b(GMT|UTC|UT|Z)\b", s):
        t.set_mode("utc")
    return t


def time_httpdate(rt: Any, recv: _time.RTime, block: RProc | None = None) -> RString:
    """Time#httpdate: ``Thu, 02 Jan 2020 03:04:05 GMT``."""
    return RString(_time.strftime(_time.RTime(recv.ns, "utc"), "%a, %d %b %Y %T GMT"))


def time_rfc2822(rt: Any, recv: _time.RTime, block: RProc | None = None) -> RString:
    """Time#rfc2822: ``Thu, 02 Jan 2020 03:04:05 -0000`` for UTC, else the offset."""
    zone = "-0000" if recv.mode == "utc" else _time.strftime(recv, "%z")
    return RString(_time.strftime(recv, "%a, %d %b %Y %T ") + zone)


@default_feature("time")
def _feature(rt: Any) -> None:
    """``require "time"``: Time.parse, strptime, rfc2822, httpdate and the matching formatters (and ``date``)."""
    rt.require("date")
    rt.add_smethod(TIME, "parse", time_s_parse)
    rt.add_smethod(TIME, "strptime", time_s_strptime)
    rt.add_smethod(TIME, "rfc2822", time_s_rfc2822)
    rt.add_smethod(TIME, "rfc822", time_s_rfc2822)
    rt.add_smethod(TIME, "httpdate", time_s_rfc2822)
    rt.add_method(TIME, "httpdate", time_httpdate)
    rt.add_method(TIME, "rfc2822", time_rfc2822)
    rt.add_method(TIME, "rfc822", time_rfc2822)
