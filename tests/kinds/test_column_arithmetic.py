"""The column helpers kinds compute days, years and hours with, against Python's own arithmetic.

Each replaces a per-row polars call (a zone-database day, ``pl.date``, a
decimal text parse) with integer or IEEE arithmetic; these properties hold
them to the slow forms they replaced, at the edges that break such shortcuts:
the CST midnight, month and year ends, leap days, the zone database's
1986-91 Shanghai summer time, years 1 to 9999, and quotients Python rounds
differently from a multiplication by the reciprocal.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import example, given, settings, strategies as st

from enforcerules.chinatime import cst_date
from enforcerules.datetext import cst_day_expr
from enforcerules.kinds.base import exact_quotient, year_period_columns
from enforcerules.kinds.training import MICRO, micro_to_hours

UTC = dt.timezone.utc
instants = st.datetimes(min_value=dt.datetime(1900, 1, 2), max_value=dt.datetime(2200, 12, 30), timezones=st.just(UTC))


@settings(max_examples=300, deadline=None)
@given(st.lists(instants, min_size=1, max_size=40))
@example([dt.datetime(2024, 12, 31, 16, 0, tzinfo=UTC), dt.datetime(2024, 12, 31, 15, 59, 59, 999999, tzinfo=UTC)])
@example([dt.datetime(1988, 7, 1, 15, 30, tzinfo=UTC)])  # the zone database's Shanghai had summer time then; CST did not
@example([dt.datetime(2024, 2, 28, 16, 0, tzinfo=UTC), dt.datetime(1969, 12, 31, 16, 0, tzinfo=UTC)])
def test_the_cst_day_of_an_instant_column_is_the_day_at_utc_plus_8(values: list[dt.datetime]) -> None:
    column = pl.Series("held_at", values, dtype=pl.Datetime("us", "UTC")).dt.convert_time_zone("Asia/Shanghai")
    days = pl.select(cst_day_expr(pl.lit(column))).to_series().to_list()
    assert days == [cst_date(v) for v in values]


def test_a_null_instant_has_no_day() -> None:
    column = pl.Series("held_at", [None, dt.datetime(2025, 1, 1, tzinfo=UTC)], dtype=pl.Datetime("us", "Asia/Shanghai"))
    assert pl.select(cst_day_expr(pl.lit(column))).to_series().to_list() == [None, dt.date(2025, 1, 1)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=9998), min_size=1, max_size=50))
@example([1, 4, 100, 400, 1900, 1970, 2000, 2023, 2024, 2025, 9998])
def test_a_year_runs_from_1_january_to_31_december(years: list[int]) -> None:
    frame = pl.DataFrame({"year": years}, schema={"year": pl.Int32}).with_columns(*year_period_columns())
    assert frame["label"].to_list() == [str(y) for y in years]
    assert frame["period_start"].to_list() == [dt.date(y, 1, 1) for y in years]
    assert frame["period_end"].to_list() == [dt.date(y, 12, 31) for y in years]
    assert frame["due"].to_list() == [dt.date(y, 12, 31) for y in years]


safe = st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(safe, st.integers(0, 10**9)), max_size=60), st.sampled_from([100, MICRO, 7, 3]))
@example([47, 59_996_000, 1], 100)
def test_an_exact_quotient_is_pythons_true_division(numbers: list[int], denominator: int) -> None:
    series = pl.Series("n", numbers, dtype=pl.Int64)
    got = pl.DataFrame({"n": series}).select(exact_quotient(pl.col("n"), denominator)).to_series().to_list()
    assert got == [n / denominator for n in numbers]


def test_micro_hours_keep_their_nulls_and_render_as_python_would() -> None:
    frame = pl.DataFrame({"m": [None, 47_000_000, 59_996_000, 470_000]}, schema={"m": pl.Int64})
    assert frame.select(micro_to_hours(pl.col("m"))).to_series().to_list() == [None, 47.0, 59.996, 0.47]
