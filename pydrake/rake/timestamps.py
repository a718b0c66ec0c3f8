"""Task timestamps: nanosecond integers plus Rake's LATE and EARLY sentinels."""

from __future__ import annotations

import time


class _Sentinel:
    """A time that compares after (LATE) or before (EARLY) every other time."""

    __slots__ = ("_sign", "_text")

    def __init__(self, sign: int, text: str) -> None:
        self._sign = sign
        self._text = text

    def _cmp(self, other: object) -> int:
        # Rake's LateTime#<=> is always 1 and EarlyTime#<=> always -1, even against themselves.
        return self._sign

    def __gt__(self, other: object) -> bool:
        return self._cmp(other) > 0

    def __ge__(self, other: object) -> bool:
        return self._cmp(other) >= 0

    def __lt__(self, other: object) -> bool:
        return self._cmp(other) < 0

    def __le__(self, other: object) -> bool:
        return self._cmp(other) <= 0

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return self._text


LATE = _Sentinel(1, "<LATE TIME>")
EARLY = _Sentinel(-1, "<EARLY TIME>")

Timestamp = int | _Sentinel


def now_ns() -> int:
    """The current time in nanoseconds since the epoch (a plain task's timestamp)."""
    return time.time_ns()


def sort_key(stamp: Timestamp) -> tuple[int, int]:
    """A key that orders EARLY, then integer times, then LATE."""
    if stamp is EARLY:
        return (-1, 0)
    if stamp is LATE:
        return (1, 0)
    return (0, int(stamp))  # type: ignore[arg-type]


def format_timestamp(stamp: Timestamp | None) -> str:
    """The text Ruby's ``Time#to_s`` gives (``2024-01-02 03:04:05 +0100``); sentinels print their names."""
    if stamp is None:
        return ""
    if isinstance(stamp, _Sentinel):
        return str(stamp)
    from datetime import datetime

    moment = datetime.fromtimestamp(stamp // 1_000_000_000).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M:%S %z")
