"""Dates and date-times written as text, parsed a column at a time.

Days are ``YYYY-MM-DD``. Date-times are ISO 8601 ``YYYY-MM-DDThh[:mm[:ss[.f]]]``
with an optional offset (``Z``, ``+08:00``, ``+0800``, ``+08``): naive ones are
China Standard Time, aware ones are converted to it, and a bare day is
midnight CST. A date-time given for a day becomes its CST day. Spreadsheet
text (CSV, Excel cells read as text) may separate day and time with a space,
as Excel writes its date cells.

Parsing runs in polars (Rust): one strict format for the common
``…T09:00:00+08:00`` shape, a regular expression for the rest. Each parser
returns the typed column and a code per cell: :data:`OK`, :data:`BAD_FORM`
(not written in the accepted form) or :data:`NOT_REAL` (no such day or time,
or an instant outside years 1–9999 in China Standard Time).
"""

from __future__ import annotations

import datetime as _dt

import polars as pl

from .tables import CST_ZONE

__all__ = ["BAD_FORM", "NOT_REAL", "OK", "cst_day_expr", "cst_days", "cst_instants", "parse_days", "parse_instants"]

OK, BAD_FORM, NOT_REAL = 0, 1, 2

_DAY = r"^\d{4}-\d{2}-\d{2}$"
_FAST = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$"
_FAST_FORMAT = "%Y-%m-%dT%H:%M:%S%.f%#z"
_FAST_NAIVE = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?$"
_FAST_NAIVE_FORMAT = "%Y-%m-%dT%H:%M:%S%.f"


_CST_OFFSET = _dt.timedelta(hours=8)
_CST_OFFSET_US = _CST_OFFSET // _dt.timedelta(microseconds=1)
_DAY_US = _dt.timedelta(days=1) // _dt.timedelta(microseconds=1)


def _general(sep: str) -> str:
    return (
        r"^(\d{4}-\d{2}-\d{2})(?:" + sep + r"(\d{2})(?::?(\d{2})(?::?(\d{2})([.,]\d{1,9})?)?)?"
        r"(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$"
    )


def _codes(height: int) -> pl.Series:
    return pl.Series("code", [OK], dtype=pl.UInt8).extend_constant(OK, height - 1) if height else pl.Series("code", [], dtype=pl.UInt8)


def _utc_of_text(text: pl.Series, sep: str) -> tuple[pl.Series, pl.Series]:
    """(UTC instant as a naive Datetime, code) for every cell of *text* (String, may hold nulls)."""
    frame = pl.DataFrame({"t": text})
    parts = frame.select(pl.col("t").str.extract_groups(_general(sep)).alias("g")).unnest("g")
    names = parts.columns  # day, hh, mm, ss, frac, z, sign, oh, om
    day, hh, mm, ss, frac, z, sign, oh, om = (pl.col(n) for n in names)
    local = pl.concat_str(
        [day, pl.lit("T"), hh.fill_null("00"), pl.lit(":"), mm.fill_null("00"), pl.lit(":"), ss.fill_null("00"),
         frac.str.replace(",", ".", literal=True).fill_null("")],
    ).str.to_datetime("%Y-%m-%dT%H:%M:%S%.f", time_unit="us", strict=False)
    offset_h = pl.when(z.is_not_null()).then(0).when(sign.is_null()).then(8).otherwise(oh.cast(pl.Int32))
    offset_m = om.cast(pl.Int32).fill_null(0)
    signed = pl.when(sign == "-").then(-1).otherwise(1)
    minutes = signed * (offset_h * 60 + offset_m)
    out = parts.with_columns(
        form=day.is_not_null(),
        local=local,
        offset_ok=(offset_h < 24) & (offset_m < 60),
        minutes=minutes,
    ).with_columns(
        utc=pl.col("local") - pl.duration(minutes=pl.col("minutes")),
    )
    code = (
        pl.when(pl.col("form").not_()).then(BAD_FORM)
        .when(pl.col("local").is_null() | pl.col("offset_ok").not_() | (pl.col("local").dt.year() < 1)).then(NOT_REAL)
        .otherwise(OK).cast(pl.UInt8)
    )
    out = out.select(utc=pl.when(code == OK).then(pl.col("utc")), code=code)
    return out["utc"], out["code"]


def _instants_utc(text: pl.Series, sep: str) -> tuple[pl.Series, pl.Series]:
    """Naive UTC instants of text cells and their codes."""
    text = text.cast(pl.String)
    # the two common shapes parse with one strict format each; the rest by regular expression
    aware = text.str.contains(_FAST).fill_null(False)
    naive = text.str.contains(_FAST_NAIVE).fill_null(False)
    utc = pl.select(
        pl.when(aware).then(
            text.str.to_datetime(_FAST_FORMAT, time_unit="us", time_zone="UTC", strict=False).dt.replace_time_zone(None)
        ).when(naive).then(
            text.str.to_datetime(_FAST_NAIVE_FORMAT, time_unit="us", strict=False) - _CST_OFFSET
        )
    ).to_series()
    code = _codes(text.len())
    rest = text.is_not_null() & ((aware | naive).not_() | utc.is_null())
    if rest.any():
        idx = rest.arg_true()
        rest_utc, rest_code = _utc_of_text(text.gather(idx), sep)
        utc = utc.scatter(idx, rest_utc)
        code = code.scatter(idx, rest_code)
    # China Standard Time is UTC+8 all year (no daylight saving, unlike the zone database's 1986-91 Shanghai)
    year = (utc + _CST_OFFSET).dt.year()
    out_of_range = ((year < 1) | (year > 9999)).fill_null(False)
    code = pl.select(pl.when(out_of_range & (code == OK)).then(pl.lit(NOT_REAL, pl.UInt8)).otherwise(code)).to_series()
    utc = pl.select(pl.when(code == OK).then(utc)).to_series()
    return utc, code


def parse_instants(text: pl.Series, spreadsheet: bool = False) -> tuple[pl.Series, pl.Series]:
    """``Datetime("us", "Asia/Shanghai")`` of each text cell, and its code (nulls stay null, code OK)."""
    utc, code = _instants_utc(text, "[T ]" if spreadsheet else "T")
    return utc.dt.replace_time_zone("UTC").dt.convert_time_zone(CST_ZONE).alias(text.name), code


def parse_days(text: pl.Series, spreadsheet: bool = False) -> tuple[pl.Series, pl.Series]:
    """``Date`` of each text cell (a date-time gives its China Standard Time day), and its code."""
    text = text.cast(pl.String)
    plain = text.str.contains(_DAY).fill_null(False)
    days = text.str.to_date("%Y-%m-%d", strict=False)
    days = pl.select(pl.when(plain).then(days)).to_series()
    code = pl.select(
        pl.when(plain & (days.is_null() | (days.dt.year() < 1))).then(pl.lit(NOT_REAL, pl.UInt8)).otherwise(pl.lit(OK, pl.UInt8))
    ).to_series()
    rest = text.is_not_null() & plain.not_()
    if rest.any():
        idx = rest.arg_true()
        utc, inst_code = _instants_utc(text.gather(idx), "[T ]" if spreadsheet else "T")
        days = days.scatter(idx, (utc + _CST_OFFSET).dt.date())
        code = code.scatter(idx, inst_code)
    days = pl.select(pl.when(code == OK).then(days)).to_series()
    return days.alias(text.name), code


def cst_instants(values: pl.Series) -> pl.Series:
    """A ``Date`` or ``Datetime`` column as CST instants: naive values are CST, a day is its midnight."""
    if values.dtype == pl.Date:
        values = values.cast(pl.Datetime("us"))
    assert isinstance(values.dtype, pl.Datetime)
    if values.dtype.time_zone is None:
        utc = values.cast(pl.Datetime("us")) - _CST_OFFSET
        return utc.dt.replace_time_zone("UTC").dt.convert_time_zone(CST_ZONE)
    # an aware column holds UTC instants already: naming another zone changes no value
    return values.dt.cast_time_unit("us").dt.convert_time_zone(CST_ZONE)


def cst_days(values: pl.Series) -> pl.Series:
    """A ``Date`` or ``Datetime`` column as CST days."""
    if values.dtype == pl.Date:
        return values
    return pl.select(cst_day_expr(pl.lit(cst_instants(values)))).to_series().alias(values.name)


def cst_day_expr(instant: pl.Expr) -> pl.Expr:
    """The CST day of an aware instant column (``Datetime`` with a time zone), as a ``Date``.

    China Standard Time is UTC+8 all year, so the day is integer arithmetic on
    the UTC microseconds: no zone database per row (the database's Shanghai
    kept daylight saving in 1986-91, which CST does not).
    """
    return ((instant.dt.epoch("us") + _CST_OFFSET_US) // _DAY_US).cast(pl.Int32).cast(pl.Date)
