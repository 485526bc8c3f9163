"""Facts as tables: a directory of per-section files, an Excel workbook, in-memory frames.

- A directory holds one file per section named after it: ``officers.csv``
  or ``officers.parquet`` (formats may be mixed, one file per section).
- A workbook (``.xlsx``) holds one sheet per section, named after it.
- In-memory polars frames, one per section, come from other loaders (SQL).

CSV files and Excel sheets are read as text (Excel's date, number and
boolean cells as the text calamine gives them: ``2024-03-01 00:00:00``,
``2.5``, ``true``); Parquet and frames keep their column types. Each becomes a
:class:`~enforcerules.validation.RawSection` for the common validator; a cell
in a column that is no field of the section rejects its record (an empty
cell there is nothing and is ignored).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import polars as pl

from .errors import FactsError
from .findings import Rejection
from .limits import Limits
from .tables import SCHEMAS, SECTIONS
from .validation import Problem, RawColumn, RawSection

__all__ = ["TABLE_SUFFIXES", "raw_of_directory", "raw_of_frames", "raw_of_table", "raw_of_workbook", "read_table", "scan_table", "table_files"]

TABLE_SUFFIXES = (".csv", ".parquet")


def raw_of_table(section: str, frame: pl.DataFrame, source: str, prefix: str) -> RawSection:
    """A frame's raw section: known columns as they are, cells of unknown columns as problems."""
    fields = [c.name for c in SCHEMAS[section]]
    problems: list[Problem] = []
    columns: dict[str, RawColumn] = {}
    for name in frame.columns:
        series = frame[name]
        if isinstance(series.dtype, (pl.Categorical, pl.Enum)):
            series = series.cast(pl.String)
        if name in fields:
            columns[name] = RawColumn(series)
            continue
        filled = series.is_not_null()
        if series.dtype == pl.String:
            filled = filled & (series.str.strip_chars() != "")
        for row in filled.arg_true().to_list():
            problems.append(Problem(row, name, "unknown field", series[row], f"one of {', '.join(fields)}"))
    return RawSection(section, source, prefix, frame.height, columns, spreadsheet=True, problems=problems)


def _check_size(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise FactsError(f"{path}: {size} bytes, over the limit of {limits.max_bytes} (Limits.max_bytes)")


def _check_records(sections: list[RawSection], where: str, limits: Limits) -> None:
    total = sum(r.height for r in sections)
    if total > limits.max_records:
        raise FactsError(f"{where}: {total} records, over the limit of {limits.max_records} (Limits.max_records)")


def read_table(path: Path) -> pl.DataFrame:
    """A table file as read: CSV every cell as text (no type guessing; an empty cell is null), Parquet typed."""
    try:
        return scan_table(path).collect()
    except (OSError, pl.exceptions.PolarsError, ValueError) as exc:
        raise FactsError(f"{path}: cannot read the table: {exc}") from None


def scan_table(path: Path) -> pl.LazyFrame:
    """A table file as a query (read when collected), as :func:`read_table` reads it."""
    if path.suffix.lower() == ".csv":
        return pl.scan_csv(path, infer_schema=False, encoding="utf8", raise_if_empty=False)
    return pl.scan_parquet(path)


def table_files(directory: Path, limits: Limits) -> tuple[dict[str, Path], list[Rejection]]:
    """The table file of each section in *directory* (size-checked), and a rejection per file naming no section."""
    rejections: list[Rejection] = []
    files: dict[str, Path] = {}
    try:
        entries = sorted(p for p in directory.iterdir() if p.suffix.lower() in TABLE_SUFFIXES)
    except OSError as exc:
        raise FactsError(f"cannot read facts directory: {exc}") from None
    if not entries:  # an empty or wrong folder is a mistake, not a province with no facts
        raise FactsError(f"{directory}: no facts tables here (expected files such as officers.csv or training.parquet, "
                         f"one per section: {', '.join(SECTIONS)})")
    for path in entries:
        if path.stem not in SECTIONS:
            rejections.append(Rejection(path.name, "unknown section", "…", f"one of {', '.join(SECTIONS)} (.csv or .parquet)",
                                        source=str(path)))
            continue
        if path.stem in files:
            raise FactsError(f"{directory}: section {path.stem!r} is given twice ({files[path.stem].name} and {path.name})")
        _check_size(path, limits)
        files[path.stem] = path
    return files, rejections


def raw_of_directory(directory: Path, limits: Limits) -> tuple[list[RawSection], list[Rejection]]:
    """The raw sections of a directory of ``<section>.csv`` / ``<section>.parquet`` files."""
    files, rejections = table_files(directory, limits)
    raws = []
    for section, path in files.items():
        raws.append(raw_of_table(section, read_table(path), str(path), path.name))
        _check_records(raws, str(directory), limits)
    return raws, rejections


def raw_of_workbook(path: Path, limits: Limits) -> tuple[list[RawSection], list[Rejection]]:
    """The raw sections of an ``.xlsx`` workbook with one sheet per section."""
    import fastexcel

    _check_size(path, limits)
    rejections: list[Rejection] = []
    raws = []
    try:
        book = fastexcel.read_excel(path)
        for name in book.sheet_names:
            if name not in SECTIONS:
                rejections.append(Rejection(f"{path.name}:{name}", "unknown section", "…", f"a sheet named one of {', '.join(SECTIONS)}",
                                            source=str(path)))
                continue
            # every cell as text: one column may mix numbers, dates and words
            frame = book.load_sheet(name, dtypes="string").to_polars()
            raws.append(raw_of_table(name, _strings(frame), f"{path}:{name}", f"{path.name}:{name}"))
            _check_records(raws, str(path), limits)
    except FactsError:
        raise
    except Exception as exc:  # fastexcel's errors share no base class beyond Exception
        raise FactsError(f"{path}: cannot read the workbook: {exc}") from None
    return raws, rejections


def _strings(frame: pl.DataFrame) -> pl.DataFrame:
    """A sheet with every column as String (an all-empty column comes back as Null)."""
    return frame.with_columns(pl.all().cast(pl.String))


def raw_of_frames(frames: Mapping[str, Any], source: str, limits: Limits) -> tuple[list[RawSection], list[Rejection]]:
    """The raw sections of in-memory polars frames keyed by section name."""
    rejections: list[Rejection] = []
    raws = []
    for section, frame in frames.items():
        if section not in SECTIONS:
            rejections.append(Rejection(f"{source}:{section}", "unknown section", "…", f"one of {', '.join(SECTIONS)}", source=source))
            continue
        if not isinstance(frame, pl.DataFrame):
            raise FactsError(f"{source}:{section}: expected a polars DataFrame (got {type(frame).__name__})")
        raws.append(raw_of_table(section, frame, source, f"{source}:{section}"))
    _check_records(raws, source, limits)
    return raws, rejections
