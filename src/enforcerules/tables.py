"""Facts as tables: one Arrow-backed polars frame per section.

The columns of each section are the fields of its fact class in
:mod:`enforcerules.facts`, typed once here from the classes' annotations so
the JSON, CSV, Parquet and Excel loaders, the kinds and the fact objects all
read one schema:

- identifiers and text → ``String``; enums → ``String`` holding the enum's value;
- days → ``Date``; instants (``TrainingRecord.held_at``) → ``Datetime("us", "Asia/Shanghai")``;
- hours and metric values → ``Float64``; years → ``Int32``; flags → ``Boolean``;
- tuples of strings (``handling_officers``, ``designations``…) → ``List(String)``.

A table holds only valid records: loaders reject the rest with a location.
The attrs fact classes stay the API for building facts by hand; the
conversions here turn either form into the other.
"""

from __future__ import annotations

import datetime as _dt
import enum
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
import polars as pl

from .facts import FACT_KINDS

__all__ = [
    "CST_ZONE",
    "Column",
    "SCHEMAS",
    "SECTIONS",
    "empty_table",
    "records_from_table",
    "table_from_records",
]

CST_ZONE = "Asia/Shanghai"


@attrs.frozen
class Column:
    """One field of a section: its name, polars type and how it reads."""

    name: str
    dtype: pl.DataType
    kind: str  # str, bool, int, float, date, datetime, enum, list
    nullable: bool
    required: bool
    enum_type: type[enum.Enum] | None = None
    default: Any = None


def _column(name: str, tp: Any, default: Any) -> Column:
    required = default is attrs.NOTHING
    value = None if required or isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)][0]
        col = _column(name, inner, default)
        return attrs.evolve(col, nullable=True)
    if tp is str:
        return Column(name, pl.String(), "str", False, required, default=value)
    if tp is bool:
        return Column(name, pl.Boolean(), "bool", False, required, default=value)
    if tp is int:
        return Column(name, pl.Int32(), "int", False, required, default=value)
    if tp is float:
        return Column(name, pl.Float64(), "float", False, required, default=value)
    if tp is _dt.datetime:
        return Column(name, pl.Datetime("us", CST_ZONE), "datetime", False, required, default=value)
    if tp is _dt.date:
        return Column(name, pl.Date(), "date", False, required, default=value)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        dv = value.value if isinstance(value, enum.Enum) else value
        return Column(name, pl.String(), "enum", False, required, enum_type=tp, default=dv)
    if typing.get_origin(tp) is tuple:
        return Column(name, pl.List(pl.String()), "list", False, required, default=[])
    raise TypeError(f"no column type for field {name!r} of type {tp!r}")


def _schema(cls: type) -> tuple[Column, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(_column(a.name, hints[a.name], a.default) for a in attrs.fields(cls))


#: section -> its columns, in the fact class's field order.
SCHEMAS: dict[str, tuple[Column, ...]] = {name: _schema(cls) for name, cls in FACT_KINDS.items()}
#: Section names in load order (referenced sections first).
SECTIONS: tuple[str, ...] = tuple(FACT_KINDS)


def polars_schema(section: str) -> dict[str, pl.DataType]:
    return {c.name: c.dtype for c in SCHEMAS[section]}


def empty_table(section: str) -> pl.DataFrame:
    return pl.DataFrame(schema=polars_schema(section))


def _cell(col: Column, value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


def table_from_records(section: str, records: Sequence[Any]) -> pl.DataFrame:
    """The table of fact objects of one section (built column by column)."""
    cols = SCHEMAS[section]
    if not records:
        return empty_table(section)
    data = {c.name: [_cell(c, getattr(r, c.name)) for r in records] for c in cols}
    return pl.DataFrame(data, schema=polars_schema(section))


def _reader(col: Column) -> Any:
    if col.kind == "enum":
        enum_type = col.enum_type
        assert enum_type is not None
        members = {m.value: m for m in enum_type}
        return members.__getitem__
    if col.kind == "list":
        return tuple
    if col.kind == "datetime":
        return lambda v: v
    return None


def records_from_table(section: str, table: pl.DataFrame) -> tuple[Any, ...]:
    """Fact objects of one section's table (for the Python API and low-volume kinds)."""
    cls = FACT_KINDS[section]
    cols = SCHEMAS[section]
    readers = [(c.name, _reader(c)) for c in cols]
    out = []
    for row in table.select([c.name for c in cols]).iter_rows(named=True):
        kwargs = {}
        for name, read in readers:
            value = row[name]
            kwargs[name] = read(value) if read is not None and value is not None else value
        out.append(cls(**kwargs))
    return tuple(out)


def conform(section: str, table: pl.DataFrame) -> pl.DataFrame:
    """*table* with exactly the section's columns, in order, cast to their types.

    An optional column the table lacks is filled with its default (null, false,
    an empty list…), so tables written before a field was added still read;
    a required one missing is an error naming it.
    """
    columns = SCHEMAS[section]
    missing = [c.name for c in columns if c.name not in table.columns and c.required]
    if missing:
        raise ValueError(f"section {section!r}: table lacks columns {', '.join(missing)}")
    return table.select([
        pl.col(c.name).cast(c.dtype) if c.name in table.columns else pl.lit(c.default, dtype=c.dtype).alias(c.name)
        for c in columns
    ])


def tables_of(records: Mapping[str, Iterable[Any]]) -> dict[str, pl.DataFrame]:
    return {s: table_from_records(s, list(records.get(s, ()))) for s in SECTIONS}
