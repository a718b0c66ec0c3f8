"""require "time": Time.parse of free-form text, strptime, and the HTTP and RFC 2822 forms (in a UTC zone)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.runtime.test_interpreter_support import out


@pytest.fixture(autouse=True)
def utc_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC while a test runs."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_parse_forms() -> None:
    src = r"""
    require "time"
    ["2020-01-02", "2020-01-02 03:04:05", "2020/01/02 03:04", "Jan 2 2020", "2 Jan 2020 10:11:12",
     "Thu, 02 Jan 2020 03:04:05 GMT", "Thu Jan  2 03:04:05 UTC 2020", "2020-01-02T03:04:05+09:00",
     "2020-01-02T03:04:05.123Z", "20200102T030405", "Thu, 02 Jan 2020 03:04:05 -0500",
     "January 5, 2021 4pm", "2021-3-4 5:06 PM"].each { |s| puts "#{s} => #{Time.parse(s).inspect}" }
    p((Time.parse("") rescue $!))
    """
    assert out(src) == (
        "2020-01-02 => 2020-01-02 00:00:00 +0000\n"
        "2020-01-02 03:04:05 => 2020-01-02 03:04:05 +0000\n"
        "2020/01/02 03:04 => 2020-01-02 03:04:00 +0000\n"
        "Jan 2 2020 => 2020-01-02 00:00:00 +0000\n"
        "2 Jan 2020 10:11:12 => 2020-01-02 10:11:12 +0000\n"
        "Thu, 02 Jan 2020 03:04:05 GMT => 2020-01-02 03:04:05 +0000\n"
        "Thu Jan  2 03:04:05 UTC 2020 => 2020-01-02 03:04:05 UTC\n"
        "2020-01-02T03:04:05+09:00 => 2020-01-02 03:04:05 +0900\n"
        "2020-01-02T03:04:05.123Z => 2020-01-02 03:04:05.123 UTC\n"
        "20200102T030405 => 2020-01-02 03:04:05 +0000\n"
        "Thu, 02 Jan 2020 03:04:05 -0500 => 2020-01-02 03:04:05 -0500\n"
        "January 5, 2021 4pm => 2021-01-05 16:00:00 +0000\n"
        "2021-3-4 5:06 PM => 2021-03-04 17:06:00 +0000\n"
        '#<ArgumentError: no time information in "">\n'
    )


def test_strptime_and_rfc_forms() -> None:
    src = r"""
    require "time"
    p Time.strptime("2020-01-02", "%Y-%m-%d"), Time.strptime("02/01/2020 10:11", "%d/%m/%Y %H:%M")
    p Time.local(2020, 1, 2).rfc2822, Time.parse("2020-01-02 03:04:05 +0100").utc_offset
    t = Time.utc(2020, 1, 2, 3, 4, 5)
    p t.httpdate, t.rfc2822, t.xmlschema(3), Time.httpdate("Thu, 02 Jan 2020 03:04:05 GMT")
    p Time.rfc2822("Thu, 02 Jan 2020 03:04:05 +0000"), Time.iso8601("2001-02-03T04:05:06Z").to_i
    """
    assert out(src) == (
        "2020-01-02 00:00:00 +0000\n"
        "2020-01-02 10:11:00 +0000\n"
        '"Thu, 02 Jan 2020 00:00:00 +0000"\n'
        "3600\n"
        '"Thu, 02 Jan 2020 03:04:05 GMT"\n'
        '"Thu, 02 Jan 2020 03:04:05 -0000"\n'
        '"2020-01-02T03:04:05.000Z"\n'
        "2020-01-02 03:04:05 UTC\n"
        "2020-01-02 03:04:05 +0000\n"
        "981173106\n"
    )


def test_time_loads_date() -> None:
    src = r"""
    p defined?(Date), require("time"), defined?(Date), require("date"), Time.at(0).utc.to_date
    """
    assert out(src) == 'nil\ntrue\n"constant"\nfalse\n#<Date: 1970-01-01 ((2440588j,0s,0n),+0s,2299161j)>\n'
