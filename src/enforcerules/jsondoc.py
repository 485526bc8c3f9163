"""The JSON facts document, read into raw columns for :func:`enforcerules.validation.validate`.

The parser keeps every object as its tuple of key/value pairs (arrays stay
lists), so a key written twice, in a record or at the top level, is seen and
reported rather than silently overwritten. A section's
records become one Python list per field in one pass of C-level ``map``
calls, then one polars column each; cells of a type JSON does not allow for
the field are marked, not parsed. Strings that are not valid Unicode (an
escaped lone surrogate such as ``"o\\ud800"``) are rejected at their location.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from itertools import chain, repeat
from typing import Any

import numpy as np
import polars as pl

from .errors import FactsError
from .findings import Rejection
from .limits import Limits
from .tables import SCHEMAS, SECTIONS, Column
from .validation import Problem, RawColumn, RawSection, echo

__all__ = ["FORMAT", "parse_json", "raw_sections"]

#: The facts document format this library reads (``"format"`` may be omitted).
FORMAT = 1


def _plain(value: Any, parsed: bool, depth: int = 8) -> Any:
    """A parsed value as a rejection shows it: objects (tuples of pairs) as dicts, bounded depth."""
    if not parsed or not isinstance(value, (tuple, list)):
        return value
    if depth <= 0:
        return "…"
    if isinstance(value, tuple):
        return {k: _plain(v, parsed, depth - 1) for k, v in value}
    return [_plain(v, parsed, depth - 1) for v in value]


class _Shown(Sequence[Any]):
    """The cells of a column as rejections show them (converted only when asked)."""

    def __init__(self, values: list[Any], parsed: bool) -> None:
        self.values, self.parsed = values, parsed

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, row: Any) -> Any:
        return _plain(self.values[row], self.parsed)


def parse_json(data: bytes | str, limits: Limits, where: str) -> Any:
    """The parsed document (objects as tuples of pairs); :class:`FactsError` if it is not JSON."""
    size = len(data)
    if size > limits.max_bytes:
        raise FactsError(f"{where}: facts are {size} bytes, over the limit of {limits.max_bytes} (Limits.max_bytes)")
    try:
        if isinstance(data, (bytes, bytearray)):
            text = bytes(data).decode("utf-8")
        else:
            text = data
        # tuple is a C-level call: no Python frame per object, and repeated keys survive
        return json.loads(text.removeprefix("\ufeff"), object_pairs_hook=tuple)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError, over-long integers, deep nesting
        raise FactsError(f"{where}: facts are not valid JSON: {echo(str(exc))}") from None


_NoneType = type(None)
_ACCEPTED: dict[str, frozenset[type]] = {
    "str": frozenset({str}), "enum": frozenset({str}), "date": frozenset({str}), "datetime": frozenset({str}),
    "bool": frozenset({bool}), "int": frozenset({int}), "float": frozenset({int, float}), "list": frozenset({list, tuple}),
}
_BUILD: dict[str, pl.DataType] = {
    "str": pl.String(), "enum": pl.String(), "date": pl.String(), "datetime": pl.String(),
    "bool": pl.Boolean(), "int": pl.Int64(), "float": pl.Float64(), "list": pl.List(pl.String()),
}
_TEXT_KINDS = ("str", "enum", "date", "datetime")
_TOO_BIG = {"int": 2**63 - 1, "float": float("inf")}


def _depth_over(value: Any, limit: int) -> bool:
    """Whether *value* nests deeper than *limit* containers (iteratively: no recursion limit)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, tuple, Mapping)):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, Mapping) else item
            stack.extend((c, depth + 1) for c in children)
    return False


def _unicode_ok(value: str) -> bool:
    try:
        value.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _string_series(name: str, values: list[Any], dtype: pl.DataType, problems: list[Problem], column: str) -> pl.Series:
    """A column from Python values; strings that are not valid Unicode become nulls and problems."""
    try:
        return pl.Series(name, values, dtype=dtype, strict=False)
    except UnicodeEncodeError:
        pass
    cleaned: list[Any] = []
    for row, v in enumerate(values):
        bad = (isinstance(v, str) and not _unicode_ok(v)) or (
            isinstance(v, (list, tuple)) and any(isinstance(x, str) and not _unicode_ok(x) for x in v))
        if bad:
            problems.append(Problem(row, column, "not valid Unicode text (a lone surrogate)", list(v) if isinstance(v, tuple) else v,
                                    "UTF-8 text"))
            cleaned.append(None)
        else:
            cleaned.append(v)
    return pl.Series(name, cleaned, dtype=dtype, strict=False)


def _column(col: Column, dicts: list[dict[str, Any]], problems: list[Problem], limits: Limits, prefix: str,
            parsed: bool) -> tuple[RawColumn | None, int]:
    """The raw column of one field, and in how many records the field is written."""
    name, n = col.name, len(dicts)
    values = list(map(dict.get, dicts, repeat(name)))
    given: pl.Series | None = None
    # The common case in one step: a strict build fails on any cell that is not text or null
    # (and on a lone surrogate), which the general path below then sorts out. Only the
    # parser's own values are known to be plain str; a caller's mapping may hold str subclasses.
    if col.kind in _TEXT_KINDS and (parsed or set(map(type, values)) <= {str, _NoneType}):
        try:
            series = pl.Series(name, values, dtype=pl.String, strict=True)
        except (TypeError, ValueError, OverflowError, UnicodeEncodeError, pl.exceptions.PolarsError):
            pass
        else:
            count = n
            if series.null_count():
                present = list(map(dict.__contains__, dicts, repeat(name)))
                count = sum(present)
                if not count:
                    return None, 0
                given = pl.Series(name, present, dtype=pl.Boolean)
            return RawColumn(series, given=given if given is not None else pl.Series(name, np.ones(n, dtype=np.bool_)),
                             originals=_Shown(values, parsed)), count
    types = set(map(type, values))
    if _NoneType in types:
        present = list(map(dict.__contains__, dicts, repeat(name)))
        count = sum(present)
        if not count:
            return None, 0
        given = pl.Series(name, present, dtype=pl.Boolean)
    accepted = _ACCEPTED[col.kind] - ({tuple} if parsed else set())  # a parsed tuple is a JSON object
    wrong: pl.Series | None = None
    if col.kind == "list" and types & accepted:
        lists: list[Any] = [v for v in values if type(v) in accepted]
        inner = set(map(type, chain.from_iterable(lists)))
        if not inner <= {str}:
            types.add(object)  # some list holds a non-string: sort the cells one by one
    if not types - accepted - {_NoneType}:
        kept = values
    else:
        fits = [type(v) in accepted and (col.kind != "list" or all(type(x) is str for x in v)) for v in values]  # type: ignore[union-attr]
        wrong = pl.Series(name, [not f and v is not None for f, v in zip(fits, values)], dtype=pl.Boolean)
        kept = [v if f else None for f, v in zip(fits, values)]
        for row in wrong.arg_true().to_list():
            if _depth_over(values[row], limits.max_depth):
                raise FactsError(f"{prefix}[{row}].{name}: nested deeper than {limits.max_depth} (Limits.max_depth)")
    series = _string_series(name, kept, _BUILD[col.kind], problems, name)
    if col.kind in _TOO_BIG:  # non-null before, null after: a number too large for its column is out of range
        if series.null_count() != kept.count(None):
            lost = series.is_null() & pl.Series([v is not None for v in kept], dtype=pl.Boolean)
            series = series.scatter(lost.arg_true(), _TOO_BIG[col.kind])
    written = n if given is None else count
    return RawColumn(series, given=given if given is not None else pl.Series(name, np.ones(n, dtype=np.bool_)), wrong=wrong, originals=_Shown(values, parsed)), written


def _records(section: str, items: list[Any], prefix: str, limits: Limits, first_row: int,
             extra: Sequence[Problem], parsed: bool) -> RawSection:
    problems: list[Problem] = list(extra)
    kinds = set(map(type, items))
    if parsed and kinds <= {tuple}:
        dicts = list(map(dict, items))
        if list(map(len, items)) != list(map(len, dicts)):
            for row, (pairs, record) in enumerate(zip(items, dicts)):
                if len(pairs) != len(record):
                    seen: set[str] = set()
                    for key in dict.fromkeys(k for k, _ in pairs if k in seen or seen.add(k)):  # type: ignore[func-returns-value]
                        problems.append(Problem(row, key, "duplicate key", _plain(record[key], parsed), "each field once"))
    elif kinds <= {dict}:
        dicts = items
    else:
        dicts = []
        for row, item in enumerate(items):
            if parsed and isinstance(item, tuple):
                dicts.append(dict(item))
            elif isinstance(item, Mapping):
                dicts.append({str(k): v for k, v in item.items()})
            else:
                if _depth_over(item, limits.max_depth):
                    raise FactsError(f"{prefix}[{row}]: nested deeper than {limits.max_depth} (Limits.max_depth)")
                problems.append(Problem(row, None, "record is not an object", _plain(item, parsed), "a JSON object"))
                dicts.append({})
    fields = [c.name for c in SCHEMAS[section]]
    known = frozenset(fields)
    columns: dict[str, RawColumn] = {}
    if not dicts:
        return RawSection(section, "", prefix, 0, columns, problems=problems, first_row=first_row)
    written = 0
    keys = set().union(*map(dict.keys, dicts))  # fields no record writes need no column pass
    for col in SCHEMAS[section]:
        if col.name not in keys:
            continue
        raw, count = _column(col, dicts, problems, limits, prefix, parsed)
        written += count
        if raw is not None:
            columns[col.name] = raw
    if sum(map(len, dicts)) != written:  # some record has a key that is no field
        for row, record in enumerate(dicts):
            if not known.issuperset(record):
                for key in record:
                    if key not in known:
                        if _depth_over(record[key], limits.max_depth):
                            raise FactsError(f"{prefix}[{row}].{echo(key)}: nested deeper than {limits.max_depth} (Limits.max_depth)")
                        problems.append(Problem(row, echo(key), "unknown field", _plain(record[key], parsed), f"one of {', '.join(fields)}"))
    return RawSection(section, "", prefix, len(dicts), columns, spreadsheet=False, problems=problems, first_row=first_row)


def _top_level(document: Any) -> list[tuple[str, Any]]:
    if isinstance(document, tuple):
        return list(document)
    if isinstance(document, Mapping):
        return [(str(k), v) for k, v in document.items()]
    raise FactsError(f"a facts document must be a JSON object (got {type(document).__name__})")


def raw_sections(document: Any, limits: Limits, source: str = "") -> tuple[list[RawSection], list[Rejection]]:
    """The raw sections of a parsed document, and the rejections of whole sections."""
    parsed = isinstance(document, tuple)
    pairs = _top_level(document)
    rejections: list[Rejection] = []
    counts: dict[str, int] = {}
    for key, _ in pairs:
        counts[key] = counts.get(key, 0) + 1
    formats = [v for k, v in pairs if k == "format"]
    if len(formats) > 1:
        raise FactsError("$.format: written more than once")
    if formats and not (type(formats[0]) is int and formats[0] == FORMAT):
        raise FactsError(f"$.format: unsupported facts format {echo(formats[0], 2)!r} (this library reads format {FORMAT}, or no \"format\")")
    total = sum(len(v) for k, v in pairs if k in SECTIONS and isinstance(v, list))
    if total > limits.max_records:
        raise FactsError(f"$: the document holds {total} records, over the limit of {limits.max_records} (Limits.max_records)")
    raws: list[RawSection] = []
    copies: dict[str, int] = {}
    rows_before: dict[str, int] = {}
    for key, value in pairs:
        if key == "format":
            continue
        where = f"$.{echo(key)}"
        if key not in SECTIONS:
            rejections.append(Rejection(where, "unknown section", "…", f"one of {', '.join(SECTIONS)}", source=source))
            continue
        copies[key] = copy = copies.get(key, 0) + 1
        if not isinstance(value, list):
            if _depth_over(value, limits.max_depth):
                raise FactsError(f"{where}: nested deeper than {limits.max_depth} (Limits.max_depth)")
            rejections.append(Rejection(where, "section is not a list", echo(_plain(value, parsed)), "a JSON array of records",
                                        source=source, section=key))
            continue
        extra: list[Problem] = []
        if counts[key] > 1:  # which copy is meant cannot be known: none is loaded, each record is reported
            reason = f"section written {counts[key]} times at the top level (this is copy {copy}); none of its copies is loaded"
            extra = [Problem(row, None, reason, "…", "each section once") for row in range(len(value))]
        first = rows_before.get(key, 0)
        rows_before[key] = first + len(value)
        raw = _records(key, value, where, limits, first, extra, parsed)
        raws.append(RawSection(raw.section, source, raw.prefix, raw.height, raw.columns, raw.spreadsheet, raw.problems, raw.first_row))
    return raws, rejections
