"""Statutory rest days and period counting per 《民法典》 arts. 200–204.

《民法典》第二百零一条: a period counted in days starts on the next day (the
start day is not counted). 第二百零三条: when the last day of a period is a
法定休假日, the period ends on the day after the holiday ends.

Default reading of 法定休假日: public holidays *and* weekends, with the
State Council's adjusted working days (调休上班日) counted as working days —
the reading courts apply to procedural periods. ``weekends=False`` counts
only the public holidays themselves.

Holiday data come from the ``chinese_calendar`` package, which transcribes
the State Council's yearly 《关于…部分节假日安排的通知》; a day outside its
years raises :class:`~enforcerules.errors.CalendarError` rather than
guessing.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from .errors import CalendarError

__all__ = ["HolidayCalendar", "civil_code_period_end"]


@attrs.frozen
class HolidayCalendar:
    """Which days are rest days, for the years the calendar covers.

    ``holidays`` are public-holiday days off; ``workdays`` are weekend days
    made working days by an adjustment. Both may be given explicitly (tests,
    a plugin with its own data) or taken from :meth:`official`.
    """

    holidays: frozenset[_dt.date] = attrs.field(converter=frozenset)
    workdays: frozenset[_dt.date] = attrs.field(converter=frozenset)
    first_year: int
    last_year: int
    weekends: bool = True

    @classmethod
    def official(cls, weekends: bool = True) -> HolidayCalendar:
        """The State Council's published arrangements, via ``chinese_calendar``."""
        import chinese_calendar

        holidays = set(chinese_calendar.holidays)
        workdays = set(chinese_calendar.workdays)
        years = {d.year for d in holidays | workdays}
        return cls(
            holidays=frozenset(holidays),
            workdays=frozenset(d for d in workdays if d.weekday() >= 5),
            first_year=min(years),
            last_year=max(years),
            weekends=weekends,
        )

    def covers(self, day: _dt.date) -> bool:
        return self.first_year <= day.year <= self.last_year

    def is_rest_day(self, day: _dt.date) -> bool:
        if not self.covers(day):
            raise CalendarError(
                f"no statutory holiday data for {day.isoformat()} "
                f"(calendar covers {self.first_year}–{self.last_year})"
            )
        if day in self.workdays:
            return False
        if day in self.holidays:
            return True
        return self.weekends and day.weekday() >= 5


def civil_code_period_end(start: _dt.date, days: int, calendar: HolidayCalendar) -> _dt.date:
    """The last day of a period of *days* days that starts on *start*.

    The start day is not counted (art. 201); a last day that is a rest day
    moves to the next working day (art. 203).
    """
    if days < 0:
        raise ValueError(f"'days' must be non-negative (got {days!r})")
    end = start + _dt.timedelta(days=days)
    while calendar.is_rest_day(end):
        end += _dt.timedelta(days=1)
    return end
