"""LATE and EARLY compare after and before every time, and print as Rake prints them."""

from __future__ import annotations

from pydrake.rake.timestamps import EARLY, LATE, format_timestamp, now_ns, sort_key


def test_late_is_after_everything() -> None:
    assert LATE > 0
    assert LATE > now_ns()
    assert not (now_ns() > LATE)
    assert now_ns() < LATE
    assert LATE > EARLY


def test_early_is_before_everything() -> None:
    assert not (EARLY > 0)
    assert EARLY < 0
    assert 0 > EARLY
    assert not (EARLY > LATE)


def test_sentinels_print_like_rake() -> None:
    assert str(LATE) == "<LATE TIME>"
    assert str(EARLY) == "<EARLY TIME>"
    assert format_timestamp(LATE) == "<LATE TIME>"
    assert format_timestamp(None) == ""


def test_format_timestamp_is_ruby_time_to_s() -> None:
    text = format_timestamp(1_600_000_000 * 10**9)
    assert len(text) == len("2020-09-13 12:26:40 +0000")
    assert text[4] == "-" and text[10] == " " and text[19:21] in (" +", " -")


def test_sort_key_orders_sentinels_around_times() -> None:
    assert sorted([LATE, 5, EARLY, 3], key=sort_key) == [EARLY, 3, 5, LATE]
