"""China Standard Time: the only clock the plans know.

Every date in the plans and in the facts is a calendar day in China Standard
Time (UTC+8, no daylight saving). Aware datetimes from other zones are
converted before their day is taken, so ``2024-12-31T20:00:00Z`` is
1 January 2025 here.
"""

from __future__ import annotations

import datetime as _dt

__all__ = ["CST", "cst_date", "cst_datetime", "from_ordinal", "to_ordinal"]

CST = _dt.timezone(_dt.timedelta(hours=8), "CST")


def cst_datetime(value: _dt.datetime) -> _dt.datetime:
    """Return *value* in China Standard Time; a naive value is taken as CST."""
    if value.tzinfo is None:
        return value.replace(tzinfo=CST)
    return value.astimezone(CST)


def cst_date(value: _dt.date | _dt.datetime) -> _dt.date:
    """The calendar day of *value* in China Standard Time."""
    if isinstance(value, _dt.datetime):
        return cst_datetime(value).date()
    return value


def to_ordinal(day: _dt.date) -> int:
    """Dates reach the engine as proleptic ordinals: ints compare safely there."""
    return day.toordinal()


def from_ordinal(ordinal: int) -> _dt.date:
    return _dt.date.fromordinal(ordinal)
