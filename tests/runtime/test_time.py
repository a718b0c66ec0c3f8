"""Time: construction, zones, arithmetic, comparison and strftime, checked against Ruby 3.1 output."""

from __future__ import annotations

import time

import pytest

import pydrake.runtime.core.time as tm
from pydrake.runtime.classes import TIME, class_of
from pydrake.runtime.core.time import RTime
from pydrake.runtime.objects import RHash, RString, RubyError, Symbol
from tests.runtime.fake_runtime import FakeRuntime

S = RString


@pytest.fixture
def rt() -> FakeRuntime:
    return FakeRuntime()


@pytest.fixture
def paris(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def utc_tz(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def s(rt: FakeRuntime, t: RTime, name: str, *args) -> str:
    return rt.call(t, name, *args).s


def test_time_values_are_time_instances(rt):
    t = rt.call(TIME, "now")
    assert class_of(t) is TIME
    assert isinstance(rt.call(t, "to_f"), float)


def test_to_s_and_inspect_keep_nanoseconds(rt, utc_tz):
    t = rt.call(TIME, "at", 1795328459, 123456789, Symbol.of("nsec"))
    assert s(rt, t, "inspect") == "2026-11-22 06:20:59.123456789 +0000"
    assert s(rt, t, "to_s") == "2026-11-22 06:20:59 +0000"
    assert rt.call(t, "usec") == 123456
    assert rt.call(t, "nsec") == 123456789
    assert rt.call(t, "wday") == 0 and rt.call(t, "yday") == 326
    rt.call(t, "utc")  # in place, as in Ruby
    assert s(rt, t, "inspect") == "2026-11-22 06:20:59.123456789 UTC"
    assert s(rt, t, "to_s") == "2026-11-22 06:20:59 UTC"


def test_strftime_directives_match_ruby(rt):
    t = RTime(1795328459123456789, "utc")
    fmt = ("%Y-%m-%d %H:%M:%S.%L %N %z %Z %a %A %b %B %j %e %I %p %s %% %-d %-m %3N %6N %^a %10A %-H %k "
           "%l %y %C %u %w %D %F %T %R %r %c %x %X %h %n %t|%:z %::z %U %W %G %V")
    assert s(rt, t, "strftime", S(fmt)) == (
        "2026-11-22 06:20:59.123 123456789 +0000 UTC Sun Sunday Nov November 326 22 06 AM 1795328459 % 22 11 "
        "123 123456 SUN     Sunday 6  6  6 26 20 7 0 11/22/26 2026-11-22 06:20:59 06:20 06:20:59 AM "
        "Sun Nov 22 06:20:59 2026 11/22/26 06:20:59 Nov \n \t|+00:00 +00:00:00 47 46 2026 47"
    )


def test_strftime_flags_and_widths(rt):
    t = RTime(0, "utc")
    assert s(rt, t, "strftime", S("%10N|%_5d|%05e|%-I|%#B|%^B|%6z|%-y|%+")) == (
        "0000000000|    1|00001|12|JANUARY|JANUARY|+00000|70|%+"
    )


def test_local_time_follows_the_zone(rt, paris):
    t = rt.call(TIME, "local", 2020, 7, 1, 12, 30, 45)
    assert s(rt, t, "inspect") == "2020-07-01 12:30:45 +0200"
    assert s(rt, t, "zone") == "CEST"
    assert rt.call(t, "utc_offset") == 7200 and rt.call(t, "dst?") is True
    assert rt.call(t, "to_i") == 1593599445
    t2 = rt.call(TIME, "local", 2020, 1, 15, 8, 5, 3.25)
    assert s(rt, t2, "inspect") == "2020-01-15 08:05:03.25 +0100"
    assert rt.call(t2, "usec") == 250000
    assert s(rt, t2, "strftime", S("%-m/%-d %l:%M %P %Z %z")) == "1/15  8:05 am CET +0100"
    assert rt.call(rt.call(TIME, "utc", 2020, 1, 15, 8, 5, 3), "-", rt.call(TIME, "local", 2020, 1, 15, 8, 5, 3)) == 3600.0


def test_at_utc_and_fixed_offsets(rt, paris):
    assert s(rt, rt.call(TIME, "at", 1600000000), "inspect") == "2020-09-13 14:26:40 +0200"
    assert s(rt, rt.call(rt.call(TIME, "at", 1600000000), "utc"), "inspect") == "2020-09-13 12:26:40 UTC"
    at9 = rt.call(TIME, "at", 1600000000, RHash({Symbol.of("in"): S("+09:00")}))
    assert s(rt, at9, "inspect") == "2020-09-13 21:26:40 +0900"
    assert rt.call(rt.call(TIME, "at", 1600000000, 5, Symbol.of("millisecond")), "usec") == 5000
    fixed = rt.call(TIME, "new", 2021, 2, 3, 4, 5, 6, S("-03:30"))
    assert rt.call(fixed, "utc_offset") == -12600
    assert s(rt, fixed, "strftime", S("%z %:z %Z|")) == "-0330 -03:30 |"
    assert rt.call(fixed, "zone") is None
    assert s(rt, rt.call(TIME, "utc", 2020, 1, 2, 3, 4, 5), "inspect") == "2020-01-02 03:04:05 UTC"
    assert s(rt, rt.call(TIME, "gm", 2020), "inspect") == "2020-01-01 00:00:00 UTC"
    assert s(rt, rt.call(TIME, "mktime", 2020, 1, 1, 0, 0, 0.5), "inspect") == "2020-01-01 00:00:00.5 +0100"
    assert s(rt, rt.call(TIME, "utc", 2020, S("jan"), 1), "inspect") == "2020-01-01 00:00:00 UTC"


def test_iso8601(rt, paris):
    assert s(rt, RTime(0, "utc"), "iso8601") == "1970-01-01T00:00:00Z"
    assert s(rt, RTime(1_500_000_000, "utc"), "iso8601", 3) == "1970-01-01T00:00:01.500Z"
    assert s(rt, RTime(0, "fixed", -3 * 3600), "xmlschema") == "1969-12-31T21:00:00-03:00"
    assert s(rt, RTime(0), "iso8601") == "1970-01-01T01:00:00+01:00"


def test_arithmetic_and_comparison(rt):
    a, b = rt.call(TIME, "at", 10), rt.call(TIME, "at", 4.5)
    assert rt.call(a, "-", b) == 5.5
    assert rt.call(rt.call(a, "+", 1.5), "to_f") == 11.5
    assert class_of(rt.call(a, "-", 3)) is TIME
    assert rt.call(a, "<=>", rt.call(TIME, "at", 11)) == -1
    assert rt.call(a, "<=>", 5) is None
    assert rt.call(a, ">", b) is True and rt.call(b, "<", a) is True
    assert rt.call(a, "==", rt.call(TIME, "at", 10.0)) is True
    assert rt.call(a, "eql?", rt.call(TIME, "at", 10)) is True
    assert {a: 1}[rt.call(TIME, "at", 10)] == 1
    with pytest.raises(RubyError, match="comparison of Time with nil failed"):
        rt.call(a, "<", None)


def test_nanosecond_comparison_is_exact(rt):
    a, b = tm.from_ns(1_700_000_000_000_000_001), tm.from_ns(1_700_000_000_000_000_000)
    assert rt.call(a, ">", b) is True
    assert rt.call(a, "==", b) is False


def test_round_and_floats(rt):
    assert rt.call(rt.call(rt.call(TIME, "at", 1.5), "round"), "to_i") == 2
    assert rt.call(rt.call(rt.call(TIME, "at", 1.4), "round"), "to_i") == 1
    assert rt.call(rt.call(rt.call(TIME, "at", 1.25), "round", 1), "nsec") == 300000000
    assert rt.call(rt.call(TIME, "at", 0.1), "nsec") == 100000000


def test_to_a(rt):
    t = rt.call(TIME, "utc", 2020, 1, 2, 3, 4, 5)
    assert rt.call(t, "to_a") == [5, 4, 3, 2, 1, 2020, 4, 2, False, S("UTC")]


def test_parse(rt, paris):
    t = rt.call(TIME, "parse", S("2020-01-02T03:04:05Z"))
    assert s(rt, t, "inspect") == "2020-01-02 03:04:05 UTC"
    t = rt.call(TIME, "parse", S("2020-01-02 03:04:05 +0900"))
    assert s(rt, t, "inspect") == "2020-01-02 03:04:05 +0900"
    assert s(rt, rt.call(TIME, "parse", S("2020-07-02")), "inspect") == "2020-07-02 00:00:00 +0200"
    with pytest.raises(RubyError, match="no time information"):
        rt.call(TIME, "parse", S("nothing"))


def test_now_is_close_to_the_clock(rt):
    before = time.time_ns()
    t = rt.call(TIME, "now")
    assert before <= t.ns <= time.time_ns()
