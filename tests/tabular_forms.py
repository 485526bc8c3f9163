"""Write facts (or raw cells) as the tabular forms the loaders read: CSV and
Parquet directories and an .xlsx workbook (test helper)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl
import xlsxwriter

import enforcerules as er
from enforcerules.tables import SECTIONS

FORMATS = ("csv", "parquet", "xlsx")


def text_cell(value: Any) -> str | None:
    """A cell as CSV/Excel text: lists as JSON arrays, dates ISO, booleans true/false."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def text_frames(facts: er.Facts) -> dict[str, pl.DataFrame]:
    """Every non-empty section as a table of text cells."""
    out = {}
    for section in SECTIONS:
        table = facts.table(section)
        if table.height == 0:
            continue
        out[section] = pl.DataFrame(
            {name: [text_cell(v) for v in table[name].to_list()] for name in table.columns}, schema={n: pl.String for n in table.columns}
        )
    return out


def write_rows(path: Path, fmt: str, sections: Mapping[str, tuple[Sequence[str], Sequence[Sequence[Any]]]]) -> Path:
    """Write raw rows (header, rows) per section as *fmt*: a directory, or a workbook file."""
    if fmt == "xlsx":
        book_path = path / "facts.xlsx" if path.suffix != ".xlsx" else path
        book_path.parent.mkdir(parents=True, exist_ok=True)
        book = xlsxwriter.Workbook(str(book_path))
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        for section, (header, rows) in sections.items():
            sheet = book.add_worksheet(section)
            sheet.write_row(0, 0, list(header))
            for r, row in enumerate(rows, start=1):
                for c, value in enumerate(row):
                    if value is None:
                        continue
                    if isinstance(value, dt.datetime):
                        sheet.write_datetime(r, c, value.replace(tzinfo=None), moment)
                    elif isinstance(value, dt.date):
                        sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), day)
                    else:
                        sheet.write(r, c, value)
        book.close()
        return book_path
    path.mkdir(parents=True, exist_ok=True)
    for section, (header, rows) in sections.items():
        frame = pl.DataFrame([list(r) for r in rows], schema=list(header), orient="row") if rows else pl.DataFrame(schema={h: pl.String for h in header})
        if fmt == "csv":
            frame = frame.select(pl.all().map_elements(text_cell, return_dtype=pl.String)) if rows else frame
            frame.write_csv(path / f"{section}.csv")
        else:
            frame.write_parquet(path / f"{section}.parquet")
    return path


def write_facts(facts: er.Facts, path: Path, fmt: str) -> Path:
    """The facts in one tabular form (Parquet keeps the typed tables; CSV and Excel take text)."""
    if fmt == "parquet":
        path.mkdir(parents=True, exist_ok=True)
        for section in SECTIONS:
            table = facts.table(section)
            if table.height:
                table.write_parquet(path / f"{section}.parquet")
        return path
    frames = text_frames(facts)
    if fmt == "csv":
        path.mkdir(parents=True, exist_ok=True)
        for section, frame in frames.items():
            frame.write_csv(path / f"{section}.csv")
        return path
    return write_rows(path, "xlsx", {s: (f.columns, f.rows()) for s, f in frames.items()})
