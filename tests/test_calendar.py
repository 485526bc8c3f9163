"""《民法典》 period counting (arts. 200–204) on the State Council's real holiday arrangements."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest
from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.calendar import calendar_days_period_end, civil_code_period_end
from enforcerules.errors import CalendarError

D = dt.date
OFFICIAL = er.HolidayCalendar.official()
HOLIDAYS_ONLY = er.HolidayCalendar.official(weekends=False)
# Leave room for the longest holiday block (8 days) plus a weekend after it.
LAST_START = D(OFFICIAL.last_year, 12, 31) - dt.timedelta(days=12)
starts = st.dates(min_value=D(OFFICIAL.first_year, 1, 1), max_value=LAST_START - dt.timedelta(days=60))
day_counts = st.integers(min_value=0, max_value=60)


# -- art. 203: a last day on a 法定休假日 moves to the day after the holiday --------


def test_art_203_period_ending_on_national_day_2024_moves_to_october_8() -> None:
    # 2024-09-16 + 15 days = 2024-10-01; 国庆 runs to 2024-10-07.
    assert calendar_days_period_end(D(2024, 9, 16), 15) == D(2024, 10, 1)
    assert civil_code_period_end(D(2024, 9, 16), 15, OFFICIAL) == D(2024, 10, 8)


def test_art_203_adjusted_working_saturday_2024_10_12_does_not_move() -> None:
    assert D(2024, 10, 12).weekday() == 5
    assert civil_code_period_end(D(2024, 9, 27), 15, OFFICIAL) == D(2024, 10, 12)
    assert civil_code_period_end(D(2024, 9, 27), 15, HOLIDAYS_ONLY) == D(2024, 10, 12)


def test_art_203_adjusted_working_saturday_2024_09_14_before_mid_autumn_does_not_move() -> None:
    assert civil_code_period_end(D(2024, 8, 30), 15, OFFICIAL) == D(2024, 9, 14)
    # One day later ends on 中秋 (2024-09-15..17) and moves to Wednesday the 18th.
    assert civil_code_period_end(D(2024, 8, 31), 15, OFFICIAL) == D(2024, 9, 18)


def test_art_203_spring_festival_2025_moves_to_february_5() -> None:
    # 春节 2025-01-28..02-04; 2025-01-29 is 正月初一.
    assert civil_code_period_end(D(2025, 1, 14), 15, OFFICIAL) == D(2025, 2, 5)
    assert civil_code_period_end(D(2025, 1, 14), 15, HOLIDAYS_ONLY) == D(2025, 2, 5)


def test_art_203_spring_festival_2025_adjusted_working_sundays_do_not_move() -> None:
    assert civil_code_period_end(D(2025, 1, 11), 15, OFFICIAL) == D(2025, 1, 26)  # Sunday, worked
    assert civil_code_period_end(D(2025, 1, 24), 15, OFFICIAL) == D(2025, 2, 8)  # Saturday, worked


def test_art_203_year_end_new_year_2025_moves_to_january_2() -> None:
    assert civil_code_period_end(D(2024, 12, 17), 15, OFFICIAL) == D(2025, 1, 2)


def test_art_203_ordinary_weekend_moves_only_when_weekends_are_rest_days() -> None:
    # 2024-12-28 is an ordinary Saturday.
    assert civil_code_period_end(D(2024, 12, 13), 15, OFFICIAL) == D(2024, 12, 30)
    assert civil_code_period_end(D(2024, 12, 13), 15, HOLIDAYS_ONLY) == D(2024, 12, 28)


def test_art_201_start_day_is_not_counted() -> None:
    # A Monday start with a one-day period ends on Tuesday, not Monday.
    assert civil_code_period_end(D(2024, 3, 4), 1, OFFICIAL) == D(2024, 3, 5)


def test_days_zero_is_the_start_day_moved_like_any_last_day() -> None:
    assert civil_code_period_end(D(2024, 3, 4), 0, OFFICIAL) == D(2024, 3, 4)
    assert civil_code_period_end(D(2024, 10, 1), 0, OFFICIAL) == D(2024, 10, 8)


@pytest.mark.parametrize("days", [-1, True, 1.5, "15"])
def test_days_must_be_a_non_negative_int(days: object) -> None:
    with pytest.raises(ValueError, match="'days'"):
        civil_code_period_end(D(2024, 3, 4), days, OFFICIAL)  # type: ignore[arg-type]


# -- coverage of the data -------------------------------------------------------


def test_official_calendar_covers_the_plan_period_and_its_aftermath() -> None:
    assert OFFICIAL.first_year <= 2023 and OFFICIAL.last_year >= 2026


def test_day_outside_the_data_raises_calendar_error_naming_it() -> None:
    late = D(OFFICIAL.last_year + 1, 3, 2)
    with pytest.raises(CalendarError, match=late.isoformat()):
        OFFICIAL.is_rest_day(late)


def test_period_running_past_the_data_raises_rather_than_guessing() -> None:
    # A calendar that only knows 2024: a period ending on 2025-01-01 cannot be
    # checked for a holiday, so it is refused.
    cal = er.HolidayCalendar(holidays=(), workdays=(), first_year=2024, last_year=2024)
    assert civil_code_period_end(D(2024, 12, 1), 30, cal) == D(2024, 12, 31)  # Tuesday
    with pytest.raises(CalendarError, match="2025-01-01"):
        civil_code_period_end(D(2024, 12, 2), 30, cal)


@settings(max_examples=300)
@given(st.dates(min_value=D(OFFICIAL.first_year, 1, 1), max_value=D(OFFICIAL.last_year, 12, 31)))
def test_official_rest_days_agree_with_the_state_council_arrangements(day: dt.date) -> None:
    assert OFFICIAL.is_rest_day(day) == (not chinese_calendar.is_workday(day))
    assert HOLIDAYS_ONLY.is_rest_day(day) == (day in chinese_calendar.holidays)


# -- explicit calendars (tests, plugins) -----------------------------------------


def test_explicit_calendar_rejects_overlapping_holidays_and_workdays() -> None:
    with pytest.raises(ValueError, match="overlap"):
        er.HolidayCalendar(holidays={D(2024, 1, 1)}, workdays={D(2024, 1, 1)}, first_year=2024, last_year=2024)


def test_explicit_calendar_rejects_days_outside_its_years() -> None:
    with pytest.raises(ValueError, match="2023-12-31"):
        er.HolidayCalendar(holidays={D(2023, 12, 31)}, workdays=(), first_year=2024, last_year=2024)


def test_explicit_calendar_rejects_datetimes_which_would_never_match() -> None:
    with pytest.raises(TypeError, match="'holidays'"):
        er.HolidayCalendar(holidays={dt.datetime(2024, 1, 1)}, workdays=(), first_year=2024, last_year=2024)


def test_explicit_calendar_rejects_inverted_years() -> None:
    with pytest.raises(ValueError, match="'last_year'"):
        er.HolidayCalendar(holidays=(), workdays=(), first_year=2025, last_year=2024)


# -- properties --------------------------------------------------------------------


@settings(max_examples=300)
@given(starts, day_counts, st.sampled_from([OFFICIAL, HOLIDAYS_ONLY]))
def test_period_end_is_the_first_working_day_on_or_after_start_plus_days(start: dt.date, days: int, cal: er.HolidayCalendar) -> None:
    end = civil_code_period_end(start, days, cal)
    plain = start + dt.timedelta(days=days)
    assert end >= plain
    assert not cal.is_rest_day(end)
    gap = (end - plain).days
    assert all(cal.is_rest_day(plain + dt.timedelta(days=i)) for i in range(gap))
    assert gap <= 10  # the longest run of rest days in the data since 2004


@settings(max_examples=200)
@given(starts, starts, day_counts)
def test_period_end_is_monotone_in_the_start_day(a: dt.date, b: dt.date, days: int) -> None:
    a, b = min(a, b), max(a, b)
    assert civil_code_period_end(a, days, OFFICIAL) <= civil_code_period_end(b, days, OFFICIAL)


@settings(max_examples=200)
@given(starts, day_counts, day_counts)
def test_period_end_is_monotone_in_the_number_of_days(start: dt.date, m: int, n: int) -> None:
    m, n = min(m, n), max(m, n)
    assert civil_code_period_end(start, m, OFFICIAL) <= civil_code_period_end(start, n, OFFICIAL)


@settings(max_examples=200)
@given(starts)
def test_days_zero_is_the_next_working_day_of_the_start(start: dt.date) -> None:
    end = civil_code_period_end(start, 0, OFFICIAL)
    assert end == start if not OFFICIAL.is_rest_day(start) else end > start
    assert end == OFFICIAL.next_working_day(start)


@settings(max_examples=200)
@given(starts, day_counts)
def test_counting_weekends_as_rest_days_never_ends_earlier(start: dt.date, days: int) -> None:
    assert civil_code_period_end(start, days, HOLIDAYS_ONLY) <= civil_code_period_end(start, days, OFFICIAL)


@settings(max_examples=200)
@given(starts, day_counts)
def test_plain_calendar_days_never_move(start: dt.date, days: int) -> None:
    assert calendar_days_period_end(start, days) == start + dt.timedelta(days=days)


@st.composite
def small_calendars(draw: st.DrawFn) -> er.HolidayCalendar:
    year_days = st.dates(min_value=D(2030, 1, 1), max_value=D(2030, 12, 31))
    holidays = draw(st.frozensets(year_days, max_size=40))
    workdays = draw(st.frozensets(year_days.filter(lambda d: d.weekday() >= 5), max_size=8)) - holidays
    return er.HolidayCalendar(holidays=holidays, workdays=workdays, first_year=2030, last_year=2030,
                              weekends=draw(st.booleans()))


@settings(max_examples=200)
@given(small_calendars(), st.dates(min_value=D(2030, 1, 1), max_value=D(2030, 6, 30)), day_counts)
def test_any_explicit_calendar_ends_on_a_working_day_after_rest_days_only(cal: er.HolidayCalendar, start: dt.date, days: int) -> None:
    end = civil_code_period_end(start, days, cal)
    plain = start + dt.timedelta(days=days)
    assert end >= plain and not cal.is_rest_day(end)
    assert all(cal.is_rest_day(plain + dt.timedelta(days=i)) for i in range((end - plain).days))
    for d in cal.workdays:
        assert not cal.is_rest_day(d)  # an adjusted working day always works
    for d in cal.holidays - cal.workdays:
        assert cal.is_rest_day(d)
