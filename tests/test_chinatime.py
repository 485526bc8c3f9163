"""China Standard Time (UTC+8): every instant belongs to the CST calendar day."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.chinatime import CST, cst_date, cst_datetime, from_ordinal, to_ordinal

UTC = dt.timezone.utc
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
EIGHT_HOURS = dt.timedelta(hours=8)

fixed_offsets = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
zones = st.one_of(fixed_offsets, st.timezones())
naive = st.datetimes(min_value=dt.datetime(2000, 1, 2), max_value=dt.datetime(2099, 12, 30))
aware = st.datetimes(min_value=dt.datetime(2000, 1, 2), max_value=dt.datetime(2099, 12, 30), timezones=zones)


def cst_day_by_arithmetic(value: dt.datetime) -> dt.date:
    """Oracle: whole days since the epoch in UTC+8, counted with integer division."""
    days = (value - EPOCH + EIGHT_HOURS) // dt.timedelta(days=1)
    return dt.date(1970, 1, 1) + dt.timedelta(days=days)


def test_utc_4pm_on_new_years_eve_2024_is_new_years_day_2025_in_china() -> None:
    assert cst_date(dt.datetime(2024, 12, 31, 16, 0, tzinfo=UTC)) == dt.date(2025, 1, 1)
    assert cst_date(dt.datetime(2024, 12, 31, 15, 59, 59, 999999, tzinfo=UTC)) == dt.date(2024, 12, 31)


def test_new_york_evening_of_june_30_2024_is_july_1_in_china() -> None:
    new_york = dt.timezone(dt.timedelta(hours=-4))
    assert cst_date(dt.datetime(2024, 6, 30, 12, 0, tzinfo=new_york)) == dt.date(2024, 7, 1)
    assert cst_date(dt.datetime(2024, 6, 30, 11, 59, tzinfo=new_york)) == dt.date(2024, 6, 30)


@settings(max_examples=500)
@given(aware)
def test_any_aware_datetime_maps_to_its_china_calendar_day(value: dt.datetime) -> None:
    assert cst_date(value) == cst_day_by_arithmetic(value)
    converted = cst_datetime(value)
    # Same instant (compared as timestamps: == across zones is False in DST gaps, PEP 495).
    assert converted.utcoffset() == EIGHT_HOURS and converted.timestamp() == value.timestamp()


@settings(max_examples=300)
@given(naive)
def test_naive_datetimes_are_taken_as_china_time(value: dt.datetime) -> None:
    assert cst_date(value) == value.date()
    assert cst_datetime(value) == value.replace(tzinfo=CST)


@settings(max_examples=300)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.integers(min_value=0, max_value=86_399), fixed_offsets)
def test_china_midnight_seen_from_any_zone_splits_days_exactly(day: dt.date, second: int, zone: dt.tzinfo) -> None:
    instant = dt.datetime.combine(day, dt.time(), CST) + dt.timedelta(seconds=second)
    assert cst_date(instant.astimezone(zone)) == day
    assert cst_date((instant - dt.timedelta(seconds=second + 1)).astimezone(zone)) == day - dt.timedelta(days=1)


@given(st.dates())
def test_dates_pass_through_unchanged(day: dt.date) -> None:
    assert cst_date(day) == day


@given(st.dates(), st.dates())
def test_ordinals_round_trip_and_keep_order(a: dt.date, b: dt.date) -> None:
    assert from_ordinal(to_ordinal(a)) == a
    assert (to_ordinal(a) < to_ordinal(b)) == (a < b)
    assert to_ordinal(b) - to_ordinal(a) == (b - a).days


@settings(max_examples=200)
@given(aware)
def test_facts_take_the_china_day_of_datetimes(value: dt.datetime) -> None:
    event = er.Event(id="e1", kind="report_sent", subject="u1", on=value)
    assert event.on == cst_day_by_arithmetic(value) and type(event.on) is dt.date
    record = er.TrainingRecord(id="t1", officer="o1", hours=2, category=er.TrainingCategory.BUSINESS, held_at=value)
    assert record.day == cst_day_by_arithmetic(value)
