"""require "date": Date construction, parsing, arithmetic, strftime and inspect, as Ruby 3.1 answers."""

from __future__ import annotations

from tests.runtime.test_interpreter_support import out


def test_construction_and_fields() -> None:
    src = r"""
    require 'date'

    d = Date.new(2024, 2, 28)
    p d, d.year, d.month, d.mon, d.day, d.mday, d.wday, d.yday, d.leap?, d.cwday, d.cweek, d.cwyear, d.jd, d.mjd, d.ajd
    p Date.new(2020), Date.new(2020, -1, -1), Date.jd(2451545), Date.ordinal(2020, 60), (Date.new(2023, 2, 30) rescue $!)
    p Date.valid_date?(2023, 2, 29), Date.valid_civil?(2024, 2, 29), Date.leap?(2024), Date::Error.ancestors[1], d.saturday?, d.wednesday?
    p Date::ABBR_DAYNAMES, Date::MONTHNAMES[1], Date.today.class
    """
    assert out(src) == (
        "#<Date: 2024-02-28 ((2460369j,0s,0n),+0s,2299161j)>\n"
        "2024\n"
        "2\n"
        "2\n"
        "28\n"
        "28\n"
        "3\n"
        "59\n"
        "true\n"
        "3\n"
        "9\n"
        "2024\n"
        "2460369\n"
        "60368\n"
        "(4920737/2)\n"
        "#<Date: 2020-01-01 ((2458850j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2020-12-31 ((2459215j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2000-01-01 ((2451545j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2020-02-29 ((2458909j,0s,0n),+0s,2299161j)>\n"
        "#<Date::Error: invalid date>\n"
        "false\n"
        "true\n"
        "true\n"
        "ArgumentError\n"
        "false\n"
        "true\n"
        '["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]\n'
        '"January"\n'
        "Date\n"
    )


def test_formatting() -> None:
    src = r"""
    require 'date'

    d = Date.new(2024, 2, 8)
    puts d, d.strftime("%Y/%m/%d %a %b %j %Z %H:%M:%S %z %-d %e"), d.strftime, d.iso8601, d.inspect, d.httpdate, d.rfc3339, d.rfc2822
    """
    assert out(src) == (
        "2024-02-08\n"
        "2024/02/08 Thu Feb 039 +00:00 00:00:00 +0000 8  8\n"
        "2024-02-08\n"
        "2024-02-08\n"
        "#<Date: 2024-02-08 ((2460349j,0s,0n),+0s,2299161j)>\n"
        "Thu, 08 Feb 2024 00:00:00 GMT\n"
        "2024-02-08T00:00:00+00:00\n"
        "Thu, 8 Feb 2024 00:00:00 +0000\n"
    )


def test_arithmetic() -> None:
    src = r"""
    require 'date'

    d = Date.new(2024, 1, 31)
    p d + 1, d - 1, d >> 1, d << 1, d.next_day, d.prev_day(2), d.next_month, d.prev_month, d.next_year, d.succ
    p Date.new(2024, 3, 1) - d, (Date.new(2024, 3, 1) - d).to_i, 1 + (Date.new(2024, 2, 2) - d), (Date.new(2024, 2, 2) - d) == 2
    p d < Date.new(2025, 1, 1), d == Date.new(2024, 1, 31), d <=> Date.new(2020, 1, 1), [Date.new(2024, 3, 1), d].sort, {d => 1}[Date.new(2024, 1, 31)]
    p d.step(d + 4, 2).map(&:day), d.upto(d + 1).to_a.size, d.downto(d - 1).map(&:day), (d..d + 2).map(&:day)
    """
    assert out(src) == (
        "#<Date: 2024-02-01 ((2460342j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2024-01-30 ((2460340j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2024-02-29 ((2460370j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2023-12-31 ((2460310j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2024-02-01 ((2460342j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2024-01-29 ((2460339j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2024-02-29 ((2460370j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2023-12-31 ((2460310j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2025-01-31 ((2460707j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2024-02-01 ((2460342j,0s,0n),+0s,2299161j)>\n"
        "(30/1)\n"
        "30\n"
        "(3/1)\n"
        "true\n"
        "true\n"
        "true\n"
        "1\n"
        "[#<Date: 2024-01-31 ((2460341j,0s,0n),+0s,2299161j)>, #<Date: 2024-03-01 ((2460371j,0s,0n),+0s,2299161j)>]\n"
        "1\n"
        "[31, 2, 4]\n"
        "2\n"
        "[31, 30]\n"
        "[31, 1, 2]\n"
    )


def test_parsing() -> None:
    src = r"""
    require 'date'

    ["2020-01-05", "Jan 5 2021", "5 March 2019", "March 5, 2019", "Tue, 05 Mar 2019", "2020/3/4", "20200304", "03/04/2020",
     "04.03.2020", "Mar-05-2021", "2021-W01-1", "2021-060", "Sat Aug 28 02:55:50 +09:00 1999", "2020-03-04 12:00", "x 2020-01-01 y"].each do |s|
      puts "#{s} => #{Date.parse(s)}"
    end
    p((Date.parse("nope") rescue $!), Date.iso8601("2001-02-03"), Date.strptime("03/04/2020", "%m/%d/%Y"), Date.strptime("2020-01-02"))
    p Time.at(0).utc.to_date, Date.new(2024, 1, 2).to_date
    """
    assert out(src) == (
        "2020-01-05 => 2020-01-05\n"
        "Jan 5 2021 => 2021-01-05\n"
        "5 March 2019 => 2019-03-05\n"
        "March 5, 2019 => 2019-03-05\n"
        "Tue, 05 Mar 2019 => 2019-03-05\n"
        "2020/3/4 => 2020-03-04\n"
        "20200304 => 2020-03-04\n"
        "03/04/2020 => 2020-04-03\n"
        "04.03.2020 => 2020-03-04\n"
        "Mar-05-2021 => 2021-03-05\n"
        "2021-W01-1 => 2021-01-04\n"
        "2021-060 => 2021-03-01\n"
        "Sat Aug 28 02:55:50 +09:00 1999 => 1999-08-28\n"
        "2020-03-04 12:00 => 2020-03-04\n"
        "x 2020-01-01 y => 2020-01-01\n"
        "#<Date::Error: invalid date>\n"
        "#<Date: 2001-02-03 ((2451944j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2020-03-04 ((2458913j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2020-01-02 ((2458851j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 1970-01-01 ((2440588j,0s,0n),+0s,2299161j)>\n"
        "#<Date: 2024-01-02 ((2460312j,0s,0n),+0s,2299161j)>\n"
    )
