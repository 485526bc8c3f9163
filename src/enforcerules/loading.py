"""Load facts from JSON, CSV, Parquet, Excel or in-memory tables; report every bad record.

Entry points, each explicit about what it is given:

- :func:`load_facts` ``(path)``: a directory of tables, an ``.xlsx``
  workbook, or else a JSON file (an open file or a parsed mapping also work);
- :func:`loads_facts` ``(text_or_bytes)``: a JSON document held in memory;
- :func:`facts_from_json` ``(mapping)``: an already parsed JSON document;
- :func:`load_tables` ``(path)``: a directory of tables or a workbook;
- :func:`load_frames` ``(frames, source=...)``: polars frames, one per section.

All of them read through one column-wise validator
(:mod:`enforcerules.validation`): every record is either loaded or reported
as a :class:`~enforcerules.Rejection` naming its location, value and what was
expected (docs/facts-format.md). An input that cannot be read at all, or that
exceeds its :class:`~enforcerules.Limits`, raises
:class:`~enforcerules.FactsError`.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import attrs
import polars as pl

from .errors import FactsError
from .factset import Facts
from .findings import Rejection, _jsonable
from .jsondoc import parse_json, raw_sections
from .limits import Limits
from .tabular import raw_of_directory, raw_of_frames, raw_of_workbook
from .validation import RawSection, Validated, validate

__all__ = ["facts_from_json", "facts_to_json", "load_facts", "load_frames", "load_tables", "loads_facts"]

_DEFAULT = Limits()
WORKBOOK_SUFFIXES = (".xlsx",)


def _facts(raws: list[RawSection], rejections: list[Rejection]) -> Validated:
    return validate(raws, rejections)


def _of(validated: Validated) -> Facts:
    return Facts.from_tables(validated.tables, validated.rejections)


@contextlib.contextmanager
def _without_gc() -> Iterator[None]:
    """Pause the cycle collector while millions of acyclic containers are made
    (it would rescan them again and again: half the time of a large document)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _validated_json(document: Any, limits: Limits, source: str) -> Validated:
    raws, rejections = raw_sections(document, limits, source)
    return _facts(raws, rejections)


def _validated_text(data: str | bytes, limits: Limits, source: str) -> Validated:
    with _without_gc():
        return _validated_json(parse_json(data, limits, source or "facts"), limits, source)


def _validated_path(path: Path, limits: Limits) -> Validated:
    try:
        if path.is_dir() or path.suffix.lower() in WORKBOOK_SUFFIXES:
            return _validated_tables(path, limits)
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise FactsError(f"{path}: facts are {size} bytes, over the limit of {limits.max_bytes} (Limits.max_bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise FactsError(f"cannot read facts: {exc}") from None
    return _validated_text(data, limits, str(path))


def _validated_tables(path: Path, limits: Limits) -> Validated:
    if path.is_dir():
        raws, rejections = raw_of_directory(path, limits)
    elif path.suffix.lower() in WORKBOOK_SUFFIXES:
        if not path.is_file():
            raise FactsError(f"cannot read facts: no workbook {path}")
        raws, rejections = raw_of_workbook(path, limits)
    else:
        raise FactsError(f"cannot read facts as tables: {path} is neither a directory nor an .xlsx workbook")
    return _facts(raws, rejections)


def _validated(source: Any, limits: Limits) -> Validated:
    """What :func:`load_facts` reads *source* into, with the tallies (for tests and tools)."""
    if isinstance(source, Mapping):
        return _validated_json(source, limits, "")
    if isinstance(source, (str, os.PathLike)):
        return _validated_path(Path(source), limits)
    if hasattr(source, "read"):
        try:
            data = source.read(limits.max_bytes + 1)
        except OSError as exc:
            raise FactsError(f"cannot read facts: {exc}") from None
        return _validated_text(data, limits, "")
    raise TypeError(
        f"load_facts takes a path, an open file or a parsed mapping (got {type(source).__name__}); "
        "use loads_facts for JSON text or bytes"
    )


def load_facts(source: str | os.PathLike[str] | IO[str] | IO[bytes] | Mapping[str, Any], *, limits: Limits = _DEFAULT) -> Facts:
    """Load facts from a path, an open file or a parsed JSON mapping.

    A path is always a path, never JSON text (use :func:`loads_facts` for
    that): a directory is read as per-section tables and an ``.xlsx`` file as
    a workbook (:func:`load_tables`); anything else as a JSON document.
    """
    return _of(_validated(source, limits))


def loads_facts(document: str | bytes, *, limits: Limits = _DEFAULT) -> Facts:
    """Load facts from a JSON document held as text or UTF-8 bytes (a byte-order mark is ignored)."""
    if not isinstance(document, (str, bytes, bytearray)):
        raise TypeError(f"loads_facts takes JSON text or bytes (got {type(document).__name__})")
    return _of(_validated_text(document, limits, ""))


def facts_from_json(document: Mapping[str, Any], *, limits: Limits = _DEFAULT) -> Facts:
    """Build :class:`Facts` from a parsed JSON document, rejecting bad records."""
    if not isinstance(document, Mapping):
        raise FactsError(f"a facts document must be a JSON object (got {type(document).__name__})")
    return _of(_validated_json(document, limits, ""))


def load_tables(path: str | os.PathLike[str], *, limits: Limits = _DEFAULT) -> Facts:
    """Load facts from a directory of per-section tables or from an ``.xlsx`` workbook.

    A directory holds ``<section>.csv`` or ``<section>.parquet`` files (one
    per section, formats may be mixed); a workbook holds one sheet per
    section. See docs/facts-format.md for cells, lists, dates and booleans.
    """
    return _of(_validated_tables(Path(path), limits))


def load_frames(frames: Mapping[str, pl.DataFrame], source: str = "frames", *, limits: Limits = _DEFAULT) -> Facts:
    """Load facts from polars frames, one per section (``{"officers": df, ...}``).

    Columns are the section's fields (docs/facts-format.md); a column may be
    typed (``Date``, ``Boolean``, ``Float64``, ``List(String)``…) or text read
    as in a CSV file. *source* names where the frames came from (``"db"``) and
    starts every rejection's location: ``db:officers[3].hired_on`` is the
    fourth row's ``hired_on``. Unknown section names are rejected; a value
    that is not a ``polars.DataFrame`` raises :class:`FactsError`.
    """
    raws, rejections = raw_of_frames(frames, source, limits)
    return _of(_facts(raws, rejections))


def facts_to_json(facts: Facts) -> dict[str, Any]:
    """The JSON document that :func:`facts_from_json` reads back into equal facts."""
    out: dict[str, Any] = {}
    for section, records in facts.records():
        out[section] = [
            {a.name: _jsonable(getattr(r, a.name)) for a in attrs.fields(type(r))} for r in records
        ]
    return out
