"""One validator for every facts format: raw columns in, typed tables and located rejections out.

Each reader (JSON, CSV, Parquet, Excel, in-memory frames) hands over, per
section, a :class:`RawSection`: its columns as read (text, typed, or mixed
cells already sorted by type), where each cell was absent, and the problems
only the reader can see (a record that is not an object, a key written twice,
an unknown column). :func:`validate` then works a column at a time:

- casts with ``strict=False``, a cell non-null before and null after being bad;
- dates and date-times parsed in polars (:mod:`enforcerules.datetext`);
- enum membership (``is_in``), ranges and identifiers as the fact classes'
  validators state them, ``left_on`` not before ``hired_on`` and the
  certificate date orders;
- required fields, duplicate ids and natural keys (identical copies keep the
  first; conflicting copies are all rejected, whatever their order);
- references between sections by anti-joins, repeated until stable, so a
  record referring to a rejected record is rejected too.

Every record of a section ends up either in its table or rejected: the
:class:`Tally` of each section counts both, and :func:`validate` checks that
they add up to the records read.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import numpy as np
import polars as pl

from .datetext import BAD_FORM, NOT_REAL, cst_day_expr, cst_days, cst_instants, parse_days, parse_instants
from .facts import FACT_KINDS
from .findings import Rejection
from .tables import SCHEMAS, SECTIONS, Column, polars_schema

__all__ = ["RawColumn", "RawSection", "Problem", "Tally", "Validated", "echo", "known_ids", "validate"]

ROW = "__row"

#: (section, field) -> sections whose ids it may reference
REFERENCES: dict[tuple[str, str], tuple[str, ...]] = {
    ("regions", "parent"): ("regions",),
    ("units", "region"): ("regions",),
    ("officers", "unit"): ("units",),
    ("training", "officer"): ("officers",),
    ("training", "organising_unit"): ("units",),
    ("certificates", "officer"): ("officers",),
    ("task_reports", "unit"): ("units",),
    ("task_reports", "covers"): ("units", "regions"),
    ("events", "subject"): ("units", "officers", "regions"),
    ("cases", "unit"): ("units",),
    ("cases", "handling_officers"): ("officers",),
    ("items", "unit"): ("units",),
    ("metrics", "region"): ("regions",),
}

#: Fields besides ``id`` that identify a record: two metrics for one region
#: and year would make the verdict depend on which is read.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {"metrics": ("name", "region", "year")}

#: Inclusive bounds the fact classes put on numbers (facts.py's validators).
RANGES: dict[tuple[str, str], tuple[float, float]] = {
    ("training", "hours"): (0, 1000),
    ("metrics", "value"): (-1e12, 1e12),
    ("metrics", "year"): (1900, 2200),
}

#: (section, later field, earlier field): the later date must not precede the earlier one.
DATE_ORDERS: tuple[tuple[str, str, str], ...] = (
    ("officers", "left_on", "hired_on"),
    ("certificates", "suspended_on", "issued_on"),
    ("certificates", "revoked_on", "issued_on"),
    ("certificates", "suspension_ended_on", "suspended_on"),
)

#: (section, field, field): given together or not at all (an opinion and its day).
PAIRED: tuple[tuple[str, str, str], ...] = (("items", "opinion", "opinion_on"),)

#: (section, flag, field): the flag may not be true when the field is given.
EXCLUSIVE: tuple[tuple[str, str, str], ...] = (("items", "never_occurred", "last_occurred_on"),)


def _identifier_fields() -> dict[str, tuple[str, ...]]:
    from . import facts as _facts

    return {
        section: tuple(a.name for a in attrs.fields(cls) if a.validator is _facts._ident)
        for section, cls in FACT_KINDS.items()
    }


#: Fields that must be non-empty strings of at most 200 characters.
IDENTIFIERS = _identifier_fields()
MAX_ID = 200


def _expected(col: Column) -> str:
    if col.kind == "enum":
        assert col.enum_type is not None
        return "one of " + ", ".join(repr(m.value) for m in col.enum_type)
    return {
        "str": "a string", "bool": "true or false", "int": "an integer", "float": "a number",
        "date": "a date string YYYY-MM-DD", "datetime": "an ISO 8601 date-time string", "list": "a list of strings",
    }[col.kind]


@attrs.frozen
class RawColumn:
    """One field of a section as a reader found it.

    ``values``: the cells (String text to parse, or an already typed column);
    ``given``: where the field was written at all (JSON; ``None`` for tables,
    where an empty cell is an absent one); ``wrong``: cells whose type the
    format does not accept for this field (JSON: a number for a date);
    ``originals``: the cells as read, to echo in rejections (default: ``values``).
    """

    values: pl.Series
    given: pl.Series | None = None
    wrong: pl.Series | None = None
    originals: Sequence[Any] | None = None

    def original(self, row: int) -> Any:
        return self.originals[row] if self.originals is not None else self.values[row]


@attrs.frozen
class Problem:
    """Something a reader found wrong with a record (``row``) or with the whole section (``row`` None)."""

    row: int | None
    column: str | None
    reason: str
    value: Any = None
    expected: str = ""


@attrs.frozen
class RawSection:
    """One section's records as read from one source.

    ``prefix`` starts every location (``$.officers`` for JSON,
    ``officers.csv`` for a table); a record is ``{prefix}[{row}]`` and a cell
    ``{prefix}[{row}].{column}``. ``spreadsheet``: text cells may be parsed
    into numbers, booleans, lists and dates (CSV, Excel, string columns);
    otherwise only dates, date-times and enums are read from text (JSON).
    ``problems`` reject their rows whole (a record that is not an object).
    ``first_row`` numbers the rows of a second copy of a section after the
    first copy's (their locations still count from 0 within the copy).
    ``rows``: the file row of each record, when the section holds some of a
    file's records (one partition of a table): locations and rejections then
    name the file's rows.
    """

    section: str
    source: str
    prefix: str
    height: int
    columns: Mapping[str, RawColumn]
    spreadsheet: bool = False
    problems: Sequence[Problem] = ()
    first_row: int = 0
    rows: pl.Series | None = None


@attrs.frozen
class Tally:
    """How many records a section read, loaded and rejected (each rejected record counted once)."""

    read: int
    loaded: int
    rejected: int


@attrs.frozen
class Validated:
    """Valid tables (the columns of :data:`~enforcerules.tables.SCHEMAS`), the rejections and the tallies.

    ``withdrawn``: per section, the ids of records dropped for a missing
    reference and the round that dropped them (``id``, ``until``), for
    validating a child section later (:func:`known_ids`).
    """

    tables: dict[str, pl.DataFrame]
    rejections: tuple[Rejection, ...]
    tallies: dict[str, Tally]
    withdrawn: dict[str, pl.DataFrame] = attrs.Factory(dict)


def echo(value: Any, depth: int = 8) -> Any:
    """*value* as a rejection may show it: valid UTF-8, finite JSON numbers, bounded depth."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, (bool, int, float)) or value is None:
        return value
    if depth <= 0:
        return "…"
    if isinstance(value, Mapping):
        return {echo(str(k), 1): echo(v, depth - 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [echo(v, depth - 1) for v in value]
    if isinstance(value, pl.Series):
        return echo(value.to_list(), depth)
    return echo(str(value), 1)


# -- one column ------------------------------------------------------------------


@attrs.define
class _Errors:
    """Per-cell failures of one section: (mask, column, reason, expected, record-level, value of row)."""

    height: int
    items: list[tuple[pl.Series, str | None, str | Callable[[int], str], str, bool, Callable[[int], Any]]] = attrs.Factory(list)

    def flagged(self, column: str) -> pl.Series:
        """Rows already holding a failure of *column* (so one bad cell gives one rejection)."""
        out = _false(self.height)
        for mask, col, *_ in self.items:
            if col == column:
                out = out | mask
        return out

    def add(self, mask: pl.Series, column: str | None, reason: str | Callable[[int], str], expected: str,
            value: Callable[[int], Any], record: bool = False) -> None:
        if mask.null_count():  # (fill_null runs a query: ~1 ms; most masks hold no null)
            mask = mask.fill_null(False)
        if mask.any():
            self.items.append((mask, column, reason, expected, record, value))


def _false(height: int) -> pl.Series:
    return pl.Series("", np.zeros(height, dtype=np.bool_))  # (pl.repeat runs a query: milliseconds)


def _when(mask: pl.Series, then: pl.Series) -> pl.Series:
    """*then* where *mask* holds, null elsewhere."""
    return pl.select(pl.when(mask).then(then)).to_series().alias(then.name)


_NUMERIC = (pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32, pl.UInt64, pl.Float32, pl.Float64)
_INTEGER = (pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32, pl.UInt64)
_TRUE = ("true",)
_FALSE = ("false",)
_STRING_ARRAY = r'^\s*\[\s*(?:"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u(?:[0-9a-cA-CefEF][0-9a-fA-F]{3}|[dD][0-7][0-9a-fA-F]{2}))*"\s*(?:,\s*"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u(?:[0-9a-cA-CefEF][0-9a-fA-F]{3}|[dD][0-7][0-9a-fA-F]{2}))*"\s*)*)?\]\s*$'


def _typed(col: Column, raw: RawColumn, spreadsheet: bool, errors: _Errors, section: str) -> pl.Series:
    """The column cast to its schema type; bad cells null and recorded in *errors*."""
    v = raw.values
    n = v.len()
    name = col.name
    value = raw.original
    expected = _expected(col)
    present = v.is_not_null()
    if raw.wrong is not None:
        errors.add(raw.wrong, name, "wrong type", expected, value)
        present = present & raw.wrong.not_()
    dtype = v.dtype
    is_text = dtype == pl.String
    out: pl.Series
    if dtype == pl.Null:
        out = _nulls(name, n, col.dtype)
    elif col.kind in ("str", "enum"):
        if not is_text:
            errors.add(present, name, "wrong type", expected, value)
            out = _nulls(name, n, pl.String)
        else:
            out = v
            if col.kind == "enum":
                assert col.enum_type is not None
                allowed = [m.value for m in col.enum_type]
                errors.add(present & v.is_in(allowed).not_(), name, "not an allowed value", expected, value)
    elif col.kind in ("date", "datetime"):
        if is_text:
            out, code = (parse_days if col.kind == "date" else parse_instants)(v, spreadsheet)
            form = "YYYY-MM-DD" if col.kind == "date" else "YYYY-MM-DDThh:mm"
            real = "not a real date" if col.kind == "date" else "not a real date-time"
            errors.add(present & (code == BAD_FORM), name, f"not in the {form} form", expected, value)
            errors.add(present & (code == NOT_REAL), name, f"{real} (no such day or time in years 1-9999, China Standard Time)",
                       expected, value)
        elif dtype == pl.Date or isinstance(dtype, pl.Datetime):
            out = cst_days(v) if col.kind == "date" else cst_instants(v)
            if col.kind == "datetime" or isinstance(dtype, pl.Datetime):
                instants = out if col.kind == "datetime" else cst_instants(v)
                year = pl.select(cst_day_expr(pl.lit(instants)).dt.year()).to_series()
                errors.add(present & ((year < 1) | (year > 9999)), name, "not a real date-time (outside years 1-9999 in China Standard Time)",
                           expected, value)
        else:
            errors.add(present, name, "wrong type", expected, value)
            out = _nulls(name, n, col.dtype)
    elif col.kind in ("float", "int"):
        target = pl.Float64 if col.kind == "float" else pl.Int64
        if is_text and spreadsheet:
            out = v.str.strip_chars().cast(target, strict=False)
            if col.kind == "int":  # Excel writes whole numbers it holds as floats: "2024.0"
                as_float = v.str.strip_chars().cast(pl.Float64, strict=False)
                integral = as_float.is_finite() & (as_float == as_float.floor()) & (as_float.abs() < 2**62)
                out = pl.select(pl.when(out.is_null() & integral).then(as_float.cast(pl.Int64, strict=False)).otherwise(out)).to_series()
            errors.add(present & out.is_null(), name, "wrong type", expected, value)
        elif dtype in _INTEGER or (col.kind == "float" and dtype in _NUMERIC):
            out = v.cast(target, strict=False)
            # non-null before, null after: a number too large for the column
            errors.add(present & out.is_null(), name, f"invalid record: '{name}' is out of range", "", value, record=True)
        elif col.kind == "int" and dtype in (pl.Float32, pl.Float64):
            integral = v.is_finite() & (v == v.floor()) & (v.abs() < 2**62)
            errors.add(present & integral.not_(), name, "wrong type", expected, value)
            out = _when(integral, v).cast(pl.Int64, strict=False)
        else:
            errors.add(present, name, "wrong type", expected, value)
            out = _nulls(name, n, target)
        lo, hi = RANGES.get((section, name), (-math.inf, math.inf))
        ok = out.cast(pl.Float64).is_finite() & (out >= lo) & (out <= hi)
        if (section, name) in RANGES:
            what = "a finite number" if col.kind == "float" else "a year"
            errors.add(out.is_not_null() & ok.not_(), None,
                       f"invalid record: '{name}' must be {what} in [{_num(lo)}, {_num(hi)}]", "", value, record=True)
        out = _when(ok, out).cast(col.dtype, strict=False)
    elif col.kind == "bool":
        if dtype == pl.Boolean:
            out = v
        elif is_text and spreadsheet:
            low = v.str.strip_chars().str.to_lowercase()
            out = pl.select(pl.when(low.is_in(_TRUE)).then(True).when(low.is_in(_FALSE)).then(False)).to_series()
            errors.add(present & out.is_null(), name, "wrong type", expected, value)
        else:
            errors.add(present, name, "wrong type", expected, value)
            out = _nulls(name, n, pl.Boolean)
    elif col.kind == "list":
        if is_text and spreadsheet:
            well_formed = v.str.contains(_STRING_ARRAY).fill_null(False)
            errors.add(present & well_formed.not_(), name, "not a JSON array of strings", 'a JSON array of strings, e.g. ["a", "b"]', value)
            safe = _when(well_formed, v)
            out = safe.str.json_decode(pl.List(pl.String)) if well_formed.any() else _nulls(name, n, col.dtype)
        elif dtype == pl.List(pl.String):
            out = v
        elif isinstance(dtype, (pl.List, pl.Array)) and dtype.inner == pl.Null:
            out = v.cast(pl.List(pl.String))
        else:
            errors.add(present, name, "wrong type", expected, value)
            out = _nulls(name, n, col.dtype)
        has_null = out.list.eval(pl.element().is_null()).list.any().fill_null(False)
        errors.add(present & has_null, name, "wrong type", expected, value)
    else:  # pragma: no cover - every kind of tables.Column is handled above
        raise TypeError(f"no reader for column kind {col.kind!r}")
    return out.alias(name)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(x)


# -- one section -----------------------------------------------------------------


def _none(row: int) -> None:
    return None


def _filled(col: Column, n: int) -> pl.Series:
    """A column of *n* defaults (nulls where the field has no default)."""
    return _repeated(col.name, [] if col.kind == "list" else col.default, n, col.dtype)


def _nulls(name: str, n: int, dtype: pl.DataType | type[pl.DataType]) -> pl.Series:
    return _repeated(name, None, n, dtype)


def _repeated(name: str, value: Any, n: int, dtype: pl.DataType | type[pl.DataType]) -> pl.Series:
    """*value* *n* times, repeated in Rust (no Python list of *n*)."""
    one = pl.Series(name, [value], dtype=dtype)
    return one.new_from_index(0, n) if n else one.clear()


def _section_frame(raw: RawSection, errors: _Errors) -> pl.DataFrame:
    """The typed frame of *raw* (all schema columns, plus ROW), bad cells null; *errors* filled."""
    n = raw.height
    columns: list[pl.Series] = [pl.Series(ROW, range(n), dtype=pl.Int64)]
    for col in SCHEMAS[raw.section]:
        rc = raw.columns.get(col.name)
        if rc is None:  # the field is nowhere: its default, or missing in every record
            if col.required:
                errors.add(~_false(n), col.name, "missing field", "a value", _none)
            columns.append(_filled(col, n))
            continue
        typed = _typed(col, rc, raw.spreadsheet, errors, raw.section)
        given = rc.given if rc.given is not None else rc.values.is_not_null()
        absent = given.not_()
        if col.required:
            if rc.given is not None:  # JSON: a required field written as null is as missing as one not written
                absent = absent | (rc.values.is_null() & (rc.wrong.not_() if rc.wrong is not None else True))
            problem_rows = [p.row for p in raw.problems if p.column == col.name and p.row is not None]
            reported = errors.flagged(col.name)
            if problem_rows:  # a cell the reader already rejected (e.g. a lone surrogate) is not also "missing"
                reported = reported | pl.Series(ROW, range(n)).is_in(problem_rows)
            errors.add(absent & reported.not_(), col.name, "missing field", "a value", lambda row: None)
        elif rc.given is not None and not col.nullable:  # JSON: an explicit null where no null is allowed
            errors.add(given & rc.values.is_null() & (rc.wrong.not_() if rc.wrong is not None else True), col.name,
                       "wrong type", _expected(col), lambda row: None)
        if not col.required and col.default is not None:
            fill = pl.lit(col.default, dtype=col.dtype) if col.kind != "list" else pl.lit([], dtype=col.dtype)
            typed = pl.select(pl.when(absent).then(fill).otherwise(typed)).to_series().alias(col.name)
        columns.append(typed.cast(col.dtype))
    return pl.DataFrame(columns)


def _record_checks(section: str, frame: pl.DataFrame, raw: RawSection, errors: _Errors, clean: pl.Series) -> None:
    """The fact classes' record validators, checked on rows whose fields all parsed (*clean*)."""
    for name in IDENTIFIERS[section]:
        values = frame[name]
        bad = clean & values.is_not_null() & ((values.str.len_chars() == 0) | (values.str.len_chars() > MAX_ID))
        errors.add(bad, None, f"invalid record: '{name}' must be a non-empty string of at most {MAX_ID} characters", "",
                   functools.partial(_cell, frame, name), record=True)
    for sec, later, earlier in DATE_ORDERS:
        if sec != section:
            continue
        bad = clean & (frame[later] < frame[earlier])
        errors.add(bad, None, functools.partial(_order_reason, frame, later, earlier), "",
                   functools.partial(_cell, frame, later), record=True)
    for sec, first, second in PAIRED:
        if sec == section:
            bad = clean & (frame[first].is_null() != frame[second].is_null())
            errors.add(bad, None, f"invalid record: '{first}' and '{second}' must be given together", "",
                       functools.partial(_cell, frame, first), record=True)
    for sec, flag, field in EXCLUSIVE:
        if sec == section:
            bad = clean & frame[flag].fill_null(False) & frame[field].is_not_null()
            errors.add(bad, None, f"invalid record: '{flag}' must be false when '{field}' is given", "",
                       functools.partial(_cell, frame, field), record=True)


def _cell(frame: pl.DataFrame, name: str, row: int) -> Any:
    return frame[name][row]


def _order_reason(frame: pl.DataFrame, later: str, earlier: str, row: int) -> str:
    return f"invalid record: '{later}' must not precede '{earlier}' (got {frame[later][row]} < {frame[earlier][row]})"


def _locate(prefix: str, row: int | None, column: str | None) -> str:
    where = prefix if row is None else f"{prefix}[{row}]"
    return f"{where}.{column}" if column else where


def _first_pass(raw: RawSection) -> tuple[pl.DataFrame, list[Rejection], list[int]]:
    """(valid rows with ROW, rejections, rejected rows) of one raw section."""
    n, base, rows = raw.height, raw.first_row, raw.rows
    file_rows: list[int] | None = None

    def shown(row: int) -> int:  # the row a location names
        return file_rows[row] if file_rows is not None else row

    def number(row: int) -> int:  # the row a rejection and the ROW column carry
        return file_rows[row] if file_rows is not None else base + row

    errors = _Errors(n)
    frame = _section_frame(raw, errors)
    reader_rows = sorted({p.row for p in raw.problems if p.row is not None})
    bad = _false(n)
    if reader_rows:
        bad = bad.scatter(reader_rows, True)
    for mask, *_ in errors.items:
        bad = bad | mask
    _record_checks(raw.section, frame, raw, errors, bad.not_())
    for mask, *_ in errors.items:
        bad = bad | mask
    if rows is not None and (errors.items or raw.problems):
        file_rows = rows.to_list()
    found: list[tuple[int, int, Rejection]] = []
    order = {c.name: i for i, c in enumerate(SCHEMAS[raw.section])}
    for p in raw.problems:
        found.append((p.row if p.row is not None else -1, -1, Rejection(
            _locate(raw.prefix, None if p.row is None else shown(p.row), p.column), p.reason, echo(p.value), p.expected,
            source=raw.source, section=raw.section, row=None if p.row is None else number(p.row), column=p.column)))
    for mask, column, reason, expected, record, value in errors.items:
        for row in mask.arg_true().to_list():
            text = reason(row) if callable(reason) else reason
            found.append((row, order.get(column or "", len(order)), Rejection(
                _locate(raw.prefix, shown(row), None if record else column), text, echo(value(row)), expected,
                source=raw.source, section=raw.section, row=number(row), column=column)))
    found.sort(key=lambda item: (item[0], item[1]))
    if rows is not None:
        frame = frame.with_columns(rows.cast(pl.Int64).alias(ROW))
    elif base:
        frame = frame.with_columns(pl.col(ROW) + base)
    return frame.filter(bad.not_()), [r for _, _, r in found], [number(r) for r in bad.arg_true().to_list()]


def _distinct(frame: pl.DataFrame, key: pl.Expr) -> bool:
    """Whether no two rows share *key*, proven by their hashes (equal keys hash alike); ``False`` means "maybe not".

    Hashing a string column once and counting distinct integers is several
    times cheaper than counting distinct strings.
    """
    return frame.select(key.hash()).to_series().n_unique() == frame.height


def _duplicates(section: str, prefix: str, source: str, frame: pl.DataFrame) -> tuple[pl.DataFrame, list[Rejection]]:
    """*frame* without repeated ids or natural keys: identical copies keep the first, conflicting ones go."""
    rejections: list[Rejection] = []
    fields = [c.name for c in SCHEMAS[section]]
    keys: list[tuple[str, list[str]]] = [("id", ["id"])]
    if section in NATURAL_KEYS:
        keys.append(("+".join(NATURAL_KEYS[section]), list(NATURAL_KEYS[section])))
    for label, key in keys:
        keyed = pl.struct(key) if len(key) > 1 else pl.col(key[0])
        if _distinct(frame, keyed):
            continue
        repeated = frame.select(keyed.is_duplicated()).to_series()
        if not repeated.any():
            continue
        compared = [f for f in fields if f not in key and not (label != "id" and f == "id")]
        groups = (
            frame.filter(repeated)
            .with_columns(_content=pl.struct(compared).hash() if compared else pl.lit(0))
            .group_by(key)
            .agg(pl.col(ROW).sort().alias("rows"), pl.col("_content").n_unique().alias("versions"))
        )
        drop: list[int] = []
        for rows, versions in zip(groups["rows"].to_list(), groups["versions"].to_list()):
            first = f"{prefix}[{rows[0]}]"
            if versions == 1:
                targets, reason = rows[1:], f"duplicate {label} (first at {first})"
            else:
                where = ", ".join(f"{prefix}[{r}]" for r in rows)
                targets, reason = rows, f"duplicate {label} with conflicting records (at {where}); none is loaded"
            for row in targets:
                record = frame.filter(pl.col(ROW) == row).row(0, named=True)
                value = record["id"] if label == "id" else [echo(record[k]) for k in key]
                rejections.append(Rejection(
                    _locate(prefix, row, "id" if label == "id" else None), reason, echo(value), f"a unique {label}",
                    source=source, section=section, row=row, column="id" if label == "id" else None))
            drop.extend(targets)
        frame = frame.join(pl.DataFrame({ROW: drop}, schema={ROW: pl.Int64}), on=ROW, how="anti")
    rejections.sort(key=lambda r: r.row if r.row is not None else -1)
    return frame, rejections


def _references(frames: dict[str, pl.DataFrame], where: dict[str, tuple[str, str]],
                known: Mapping[str, pl.DataFrame]) -> tuple[list[Rejection], dict[str, set[int]], dict[str, pl.DataFrame]]:
    """Drop records whose references do not resolve, round after round until stable (rejections cascade).

    Each round resolves against the records standing at its start, so a
    record referring to one dropped in round *k* is dropped in round *k* + 1,
    for the first of its fields that fails then. A section in *known* was
    validated elsewhere (its own references are not checked here): its
    ``id`` column with ``until``, the round in which the id was dropped
    there (null: loaded), so the rounds here resolve as the whole load's did.
    Gives the rejections, the dropped rows, and per section the ids dropped
    here with their round (``id``, ``until``).
    """
    rejections: list[Rejection] = []
    dropped: dict[str, set[int]] = {s: set() for s in frames}
    withdrawn: dict[str, list[pl.DataFrame]] = {s: [] for s in frames}
    last = max((int(k.get_column("until").max() or 0) for k in known.values() if k.height), default=0)  # type: ignore[arg-type]
    changed, round_ = True, 0
    while changed or round_ <= last:  # (one round past the last known drop, which it may cascade into)
        changed, round_ = False, round_ + 1
        ids = {s: frames[s].select("id") for s in frames} | {
            s: k.filter(pl.col("until").is_null() | (pl.col("until") >= round_)).select("id") for s, k in known.items()}
        for (section, field), targets in REFERENCES.items():
            frame = frames[section]
            if frame.height == 0 or section in known:
                continue
            loaded = pl.concat([ids[t] for t in targets]).get_column("id")
            if isinstance(frame.schema[field], pl.List):
                refs = frame.select(ROW, field).explode(field).drop_nulls(field)
                missing = refs.filter(pl.col(field).is_in(loaded.implode()).not_())
            else:  # (a membership mask: no joined copy of the section)
                missing = frame.filter(pl.col(field).is_not_null() & pl.col(field).is_in(loaded.implode()).not_()).select(ROW, field)
            if missing.height == 0:
                continue
            missing = missing.sort(ROW, maintain_order=True)
            prefix, source = where[section]
            expected = f"the id of a loaded record in {' or '.join(targets)}"
            for row, ref in missing.iter_rows():
                rejections.append(Rejection(f"{prefix}[{row}].{field}", "missing reference", echo(ref), expected,
                                            source=source, section=section, row=row, column=field))
            gone = missing[ROW].unique()
            dropped[section].update(gone.to_list())
            withdrawn[section].append(frame.join(gone.to_frame(), on=ROW).select("id", until=pl.lit(round_, dtype=pl.Int64)))
            frames[section] = frame.join(gone.to_frame(), on=ROW, how="anti")
            changed = True
    return rejections, dropped, {s: pl.concat(w) if w else _withdrawn_none() for s, w in withdrawn.items()}


def _withdrawn_none() -> pl.DataFrame:
    return pl.DataFrame(schema={"id": pl.String, "until": pl.Int64})


def known_ids(loaded: pl.Series, withdrawn: pl.DataFrame | None = None) -> pl.DataFrame:
    """A section's ids as :func:`validate`'s *known* takes them: *loaded* ones and those *withdrawn* by references."""
    ids = loaded.rename("id").to_frame().with_columns(until=pl.lit(None, dtype=pl.Int64))
    return ids if withdrawn is None or not withdrawn.height else pl.concat([ids, withdrawn.select("id", "until")])


def validate(raws: Sequence[RawSection], extra: Sequence[Rejection] = (), known: Mapping[str, pl.DataFrame] | None = None) -> Validated:
    """Typed, checked tables of the raw sections, with every rejection located.

    A section given by several raw sections (a JSON section written twice)
    has its row numbers made distinct by the reader. *extra* are
    document-level rejections the reader made (an unknown section). *known*
    holds the ids of sections validated before (:func:`known_ids`: reading
    a partition of a section whose parents were read whole): references
    resolve against them as they would have in one validation; those
    sections' own tables come back empty.
    """
    known = known or {}
    by_section: dict[str, list[RawSection]] = {s: [] for s in SECTIONS}
    for raw in raws:
        by_section[raw.section].append(raw)
    frames: dict[str, pl.DataFrame] = {}
    where: dict[str, tuple[str, str]] = {}
    rejections: list[Rejection] = list(extra)
    rejected_rows: dict[str, set[int]] = {s: set() for s in SECTIONS}
    read: dict[str, int] = {s: 0 for s in SECTIONS}
    for section in SECTIONS:
        parts = by_section[section]
        if not parts:
            frames[section] = pl.DataFrame(schema={ROW: pl.Int64, **polars_schema(section)})
            where[section] = (f"$.{section}", "")
            continue
        kept = []
        for raw in parts:
            frame, found, bad_rows = _first_pass(raw)
            kept.append(frame)
            rejections.extend(found)
            rejected_rows[section].update(bad_rows)
            read[section] += raw.height
        where[section] = (parts[0].prefix, parts[0].source)
        frame = pl.concat(kept) if len(kept) > 1 else kept[0]
        frame, found = _duplicates(section, parts[0].prefix, parts[0].source, frame)
        rejections.extend(found)
        rejected_rows[section].update(r.row for r in found if r.row is not None)
        frames[section] = frame
    found, dropped, withdrawn = _references(frames, where, known)
    rejections.extend(found)
    tallies = {}
    for section in SECTIONS:
        rejected_rows[section] |= dropped[section]
        tally = Tally(read[section], frames[section].height, len(rejected_rows[section]))
        if tally.read != tally.loaded + tally.rejected:  # pragma: no cover - the invariant every loader keeps
            raise AssertionError(f"section {section!r}: {tally} does not add up")
        tallies[section] = tally
    tables = {s: frames[s].drop(ROW) for s in SECTIONS}
    return Validated(tables, tuple(rejections), tallies, withdrawn)
