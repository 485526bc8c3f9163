"""Days that matter to a rulebook: deadlines, period boundaries, holidays.

Boundaries are where rules change their verdict, so strategies draw from
these days far more often than from the rest of the calendar:

- every fixed due date of the rulebook's rules under the default and the
  strict :class:`~enforcerules.DeadlinePolicy`, and the days either side;
- month ends and month starts, year ends and year starts;
- the 中旬 boundaries (days 10, 11, 20 and 21 of a month);
- statutory holidays and adjusted working days from
  :meth:`~enforcerules.HolidayCalendar.official`;
- the instant of China-time midnight, seen from other time zones.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..calendar import HolidayCalendar
from ..chinatime import CST
from ..deadlines import DeadlinePolicy
from ..rules import Rule

__all__ = ["DAY_MAX", "DAY_MIN", "ZONES", "due_dates", "key_dates"]

#: Strategies draw days from this range (holiday data covers it).
DAY_MIN = _dt.date(2022, 1, 1)
DAY_MAX = _dt.date(2026, 11, 30)

#: Zones in which datetimes near China-time midnight are expressed.
ZONES: tuple[_dt.tzinfo, ...] = (
    _dt.timezone.utc,
    _dt.timezone(_dt.timedelta(hours=-5)),
    _dt.timezone(_dt.timedelta(hours=9)),
    _dt.timezone(_dt.timedelta(hours=5, minutes=30)),
    _dt.timezone(_dt.timedelta(hours=-10)),
    CST,
)

_POLICIES = (DeadlinePolicy(), DeadlinePolicy.strict())


def _rules_of(source: Any) -> list[Rule]:
    """Rules from a rulebook, a resolved rule, a rule, or an iterable of them."""
    if source is None:
        return []
    if isinstance(source, Rule):
        return [source]
    rule = getattr(source, "rule", None)
    if isinstance(rule, Rule):
        return [rule]
    if isinstance(source, Iterable):
        return [r for item in source for r in _rules_of(item)]
    raise TypeError(f"expected a Rulebook, ResolvedRule, Rule or an iterable of them (got {source!r})")


def due_dates(source: Any, policies: Iterable[DeadlinePolicy] = _POLICIES) -> tuple[_dt.date, ...]:
    """Every fixed due date of the rules in *source* under each policy."""
    out: set[_dt.date] = set()
    for rule in _rules_of(source):
        for policy in policies:
            try:
                due = rule.spec.due_date(policy)
            except Exception:  # a kind still being written must not break test generation
                due = None
            if due is not None:
                out.add(due)
        for deadline in _deadlines_in(rule.spec):
            for policy in policies:
                try:
                    due = deadline.due(policy)
                except Exception:
                    due = None
                if due is not None:
                    out.add(due)
    return tuple(sorted(out))


def _deadlines_in(spec: Any) -> list[Any]:
    from ..deadlines import Deadline, DeadlineKind

    return [
        v for v in (getattr(spec, name, None) for name in ("deadline",))
        if isinstance(v, Deadline) and v.kind is DeadlineKind.FIXED
    ]


@lru_cache(maxsize=1)
def _calendar_days() -> tuple[_dt.date, ...]:
    cal = HolidayCalendar.official()
    return tuple(sorted(d for d in cal.holidays | cal.workdays if DAY_MIN <= d <= DAY_MAX))


@lru_cache(maxsize=1)
def _period_boundaries() -> tuple[_dt.date, ...]:
    out: set[_dt.date] = set()
    for year in range(DAY_MIN.year, DAY_MAX.year + 1):
        for month in range(1, 13):
            last = _calendar.monthrange(year, month)[1]
            out.update(_dt.date(year, month, d) for d in (1, 10, 11, 20, 21, last))
    return tuple(sorted(d for d in out if DAY_MIN <= d <= DAY_MAX))


def key_dates(source: Any = None, *, holidays: bool = True) -> tuple[_dt.date, ...]:
    """The boundary days of *source* (a rulebook, rules, or ``None``), sorted.

    Due dates and the days either side come first in importance but the
    result is sorted by date; month/year ends, 中旬 days and (with
    *holidays*) statutory holidays and adjusted working days are included.
    """
    days: set[_dt.date] = set(_period_boundaries())
    if holidays:
        days.update(_calendar_days())
    one = _dt.timedelta(days=1)
    for due in due_dates(source):
        days.update((due - one, due, due + one))
    return tuple(sorted(d for d in days if DAY_MIN <= d <= DAY_MAX))
