"""Statutory rest days and period counting per 《民法典》 arts. 200–204.

《民法典》第二百条: periods are counted in calendar years, months, days and
hours. 第二百零一条: a period counted in days starts on the next day (the
start day is not counted). 第二百零二条: periods counted in years or months
end on the corresponding day. 第二百零三条: when the last day of a period is
a 法定休假日, the period ends on the day after the holiday ends; the last day
ends at 24:00. 第二百零四条: these rules apply unless a law provides
otherwise or the parties agree otherwise.

Default reading of 法定休假日: public holidays *and* weekends, with the
State Council's adjusted working days (调休上班日, e.g. Saturday
2024-10-12) counted as working days — the reading courts apply to
procedural periods. ``weekends=False`` counts only the public-holiday days
themselves (a period ending on an ordinary Saturday then does not move).

Holiday data come from the ``chinese_calendar`` package, which transcribes
the State Council's yearly 《国务院办公厅关于…部分节假日安排的通知》; a day
outside its years raises :class:`~enforcerules.errors.CalendarError` rather
than guessing (the arrangement for a year is only published in the autumn
before it).
"""

from __future__ import annotations

import datetime as _dt
import functools
from typing import Any

import attrs

from .errors import CalendarError

__all__ = ["HolidayCalendar", "calendar_days_period_end", "civil_code_period_end"]

_ONE_DAY = _dt.timedelta(days=1)


def _days(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    # datetime is a date subclass but would never match a date in a set look-up.
    bad = [d for d in value if not isinstance(d, _dt.date) or isinstance(d, _dt.datetime)]
    if bad:
        raise TypeError(f"'{attribute.name}' must contain only datetime.date values (got {bad[0]!r})")


def _year(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not _dt.MINYEAR <= value <= _dt.MAXYEAR:
        raise ValueError(f"'{attribute.name}' must be a year (got {value!r})")


@attrs.frozen
class HolidayCalendar:
    """Which days are rest days, for the years the calendar covers.

    ``holidays`` are public-holiday days off (including weekend days inside a
    holiday block); ``workdays`` are weekend days made working days by an
    adjustment. Both may be given explicitly (tests, a plugin with its own
    data, see the ``enforcerules_holiday_calendar`` hook) or taken from
    :meth:`official`. The data must be complete for every year from
    ``first_year`` to ``last_year``.
    """

    holidays: frozenset[_dt.date] = attrs.field(converter=frozenset, validator=_days)
    workdays: frozenset[_dt.date] = attrs.field(converter=frozenset, validator=_days)
    first_year: int = attrs.field(validator=_year)
    last_year: int = attrs.field(validator=_year)
    weekends: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if self.last_year < self.first_year:
            raise ValueError(f"'last_year' must not precede 'first_year' (got {self.first_year}–{self.last_year})")
        both = self.holidays & self.workdays
        if both:
            raise ValueError(f"'holidays' and 'workdays' overlap (e.g. {min(both).isoformat()})")
        outside = [d for d in self.holidays | self.workdays if not self.first_year <= d.year <= self.last_year]
        if outside:
            raise ValueError(
                f"day {min(outside).isoformat()} lies outside the covered years {self.first_year}–{self.last_year}"
            )

    @classmethod
    def official(cls, weekends: bool = True) -> HolidayCalendar:
        """The State Council's published arrangements, via ``chinese_calendar``.

        Cached: the package's tables are read once per ``weekends`` value.
        """
        return _official(weekends)

    def covers(self, day: _dt.date) -> bool:
        return self.first_year <= day.year <= self.last_year

    def is_rest_day(self, day: _dt.date) -> bool:
        """Whether *day* is a 法定休假日 under this calendar's reading."""
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

    def next_working_day(self, day: _dt.date) -> _dt.date:
        """*day* itself if it is not a rest day, else the first day after it that is not."""
        while self.is_rest_day(day):
            day += _ONE_DAY
        return day


@functools.lru_cache(maxsize=2)
def _official(weekends: bool) -> HolidayCalendar:
    import chinese_calendar

    holidays = set(chinese_calendar.holidays)
    # The package lists every 调休上班日; only weekend ones change anything.
    workdays = {d for d in chinese_calendar.workdays if d.weekday() >= 5}
    years = {d.year for d in holidays | workdays}
    return HolidayCalendar(
        holidays=frozenset(holidays),
        workdays=frozenset(workdays),
        first_year=min(years),
        last_year=max(years),
        weekends=weekends,
    )


def _check_days(days: int) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise ValueError(f"'days' must be a non-negative int (got {days!r})")


def calendar_days_period_end(start: _dt.date, days: int) -> _dt.date:
    """The last day of a period of *days* plain calendar days after *start*.

    The start day is not counted (art. 201), and the end never moves: for
    rules whose text or a local rule excludes the art. 203 extension
    (art. 204: "法律另有规定").
    """
    _check_days(days)
    return start + _dt.timedelta(days=days)


def civil_code_period_end(start: _dt.date, days: int, calendar: HolidayCalendar) -> _dt.date:
    """The last day of a period of *days* days that starts on *start*.

    The start day is not counted (art. 201); a last day that is a rest day
    moves to the next working day (art. 203). ``days=0`` is the start day
    itself, moved the same way. Raises :class:`CalendarError` when the
    calendar lacks data for a day the answer depends on.
    """
    return calendar.next_working_day(calendar_days_period_end(start, days))
