"""The JSON interchange format: load facts, report every bad record.

A facts document is a JSON object with optional sections ``regions``,
``units``, ``officers``, ``training``, ``certificates``, ``task_reports``,
``events``, ``cases`` and ``metrics``, each a list of records whose fields
are those of the fact classes in :mod:`enforcerules.facts` (see
``docs/facts-format.md``). Dates are ``YYYY-MM-DD``; datetimes are ISO 8601,
naive ones taken as China Standard Time.

Every record is either loaded or reported as a
:class:`~enforcerules.Rejection` naming its location
(``$.officers[3].hired_on``), the value and what was expected: wrong types,
unknown or missing fields, impossible dates, duplicate ids and references
to records that do not exist (or were themselves rejected).
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import re
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, IO

import attrs
from dateutil import parser as _dtparser

from .chinatime import cst_date, cst_datetime
from .errors import FactsError
from .factset import Facts
from .facts import FACT_KINDS
from .findings import Rejection, _jsonable

__all__ = ["facts_from_json", "facts_to_json", "load_facts"]


class _Bad(Exception):
    def __init__(self, reason: str, value: Any, expected: str) -> None:
        super().__init__(reason)
        self.reason, self.value, self.expected = reason, value, expected


_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DAY_TIME = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T")


def _parse_date(value: Any) -> _dt.date:
    """``YYYY-MM-DD``, or a full ISO date-time (its China Standard Time day)."""
    expected = "a date string YYYY-MM-DD"
    if not isinstance(value, str):
        raise _Bad("wrong type", value, expected)
    if not (_DAY.match(value) or _DAY_TIME.match(value)):
        raise _Bad("not in the YYYY-MM-DD form", value, expected)
    try:
        if _DAY.match(value):
            return _dt.date.fromisoformat(value)
        return cst_date(_dtparser.isoparse(value))
    except (ValueError, OverflowError) as exc:
        raise _Bad(f"not a real date ({exc})", value, expected) from None


def _parse_datetime(value: Any) -> _dt.datetime:
    """An ISO date-time ``YYYY-MM-DDThh:mm…``, or a bare day (midnight CST)."""
    expected = "an ISO 8601 date-time string"
    if not isinstance(value, str):
        raise _Bad("wrong type", value, expected)
    if not (_DAY.match(value) or _DAY_TIME.match(value)):
        raise _Bad("not in the YYYY-MM-DDThh:mm form", value, expected)
    try:
        parsed = _dtparser.isoparse(value)
        if not isinstance(parsed, _dt.datetime):
            parsed = _dt.datetime.combine(parsed, _dt.time())
        cst_datetime(parsed)  # a day that cannot be shown in CST (year 9999 + offset) is not a real instant here
    except (ValueError, OverflowError) as exc:
        raise _Bad(f"not a real date-time ({exc})", value, expected) from None
    return parsed


def _exact(kind: type, expected: str) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if type(value) is not kind:
            raise _Bad("wrong type", value, expected)
        return value

    return parse


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Bad("wrong type", value, "a number")
    return value


def _enum(kind: type[enum.Enum]) -> Callable[[Any], Any]:
    choices = ", ".join(repr(m.value) for m in kind)

    def parse(value: Any) -> Any:
        try:
            return kind(value)
        except (ValueError, TypeError):
            raise _Bad("not an allowed value", value, f"one of {choices}") from None

    return parse


def _str_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad("wrong type", value, "a list of strings")
    return tuple(value)


def _parser(tp: Any) -> tuple[Callable[[Any], Any], bool]:
    """(parser, nullable) for a field type."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _parser(inner[0])[0], True
    if tp is str:
        return _exact(str, "a string"), False
    if tp is bool:
        return _exact(bool, "true or false"), False
    if tp is int:
        return _exact(int, "an integer"), False
    if tp is float:
        return _number, False
    if tp is _dt.datetime:
        return _parse_datetime, False
    if tp is _dt.date:
        return _parse_date, False
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum(tp), False
    if typing.get_origin(tp) is tuple:
        return _str_list, False
    raise TypeError(f"no JSON parser for field type {tp!r}")


def _field_parsers(cls: type) -> dict[str, tuple[Callable[[Any], Any], bool, bool]]:
    hints = typing.get_type_hints(cls)
    return {
        a.name: (*_parser(hints[a.name]), a.default is attrs.NOTHING)
        for a in attrs.fields(cls)
    }


_PARSERS = {name: _field_parsers(cls) for name, cls in FACT_KINDS.items()}

# (section, field) -> sections whose ids it may reference
_REFERENCES: dict[tuple[str, str], tuple[str, ...]] = {
    ("regions", "parent"): ("regions",),
    ("units", "region"): ("regions",),
    ("officers", "unit"): ("units",),
    ("training", "officer"): ("officers",),
    ("certificates", "officer"): ("officers",),
    ("task_reports", "unit"): ("units",),
    ("events", "subject"): ("units", "officers", "regions"),
    ("cases", "unit"): ("units",),
    ("cases", "handling_officers"): ("officers",),
    ("metrics", "region"): ("regions",),
}


#: field -> (parser, nullable, required)
_Parsers = Mapping[str, tuple[Callable[[Any], Any], bool, bool]]


def _parse_fields(where: str, raw: Mapping[str, Any], parsers: _Parsers, ignore: tuple[str, ...] = ()) -> tuple[dict[str, Any], list[Rejection]]:
    """The parsed fields of the JSON object *raw* at *where*, and a rejection
    for each unknown, missing or bad field (fields in *ignore* are left to the caller)."""
    errors = [
        Rejection(f"{where}.{k}", "unknown field", raw[k], f"one of {', '.join(parsers)}")
        for k in raw
        if k not in parsers and k not in ignore
    ]
    errors += [
        Rejection(f"{where}.{k}", "duplicate key", raw[k], "each field once")
        for k in dict.fromkeys(getattr(raw, "duplicate_keys", ()))
    ]
    kwargs: dict[str, Any] = {}
    for name, (parse, nullable, required) in parsers.items():
        if name not in raw:
            if required:
                errors.append(Rejection(f"{where}.{name}", "missing field", None, "a value"))
            continue
        value = raw[name]
        if value is None and nullable:
            kwargs[name] = None
            continue
        try:
            kwargs[name] = parse(value)
        except _Bad as bad:
            errors.append(Rejection(f"{where}.{name}", bad.reason, bad.value, bad.expected))
    return kwargs, errors


def _structure(section: str, index: int, raw: Any, rejections: list[Rejection]) -> Any | None:
    where = f"$.{section}[{index}]"
    if not isinstance(raw, Mapping):
        rejections.append(Rejection(where, "record is not an object", raw, "a JSON object"))
        return None
    kwargs, errors = _parse_fields(where, raw, _PARSERS[section])
    if not errors:
        try:
            return FACT_KINDS[section](**kwargs)
        except (ValueError, TypeError, OverflowError) as exc:
            errors.append(Rejection(where, f"invalid record: {exc}", {k: _jsonable(v) for k, v in kwargs.items()}, ""))
    rejections.extend(errors)
    return None


def _check_references(section: str, index: int, record: Any, known: Mapping[str, set[str]]) -> list[Rejection]:
    out = []
    for (sec, field), targets in _REFERENCES.items():
        if sec != section:
            continue
        value = getattr(record, field)
        for ref in value if isinstance(value, tuple) else (value,):
            if ref is not None and not any(ref in known[t] for t in targets):
                out.append(Rejection(
                    f"$.{section}[{index}].{field}", "missing reference", ref,
                    f"the id of a loaded record in {' or '.join(targets)}",
                ))
    return out


#: Fields besides ``id`` that identify a record: two metrics for one region
#: and year would make the verdict depend on which comes last.
_NATURAL_KEYS: dict[str, tuple[str, ...]] = {"metrics": ("name", "region", "year")}


def _duplicate(section: str, index: int, record: Any, seen: dict[Any, int]) -> Rejection | None:
    """A rejection if *record* repeats an earlier one's id or natural key; else remember it."""
    keys = [("id", record.id)]
    if section in _NATURAL_KEYS:
        fields = _NATURAL_KEYS[section]
        keys.append(("+".join(fields), tuple(getattr(record, f) for f in fields)))
    for label, key in keys:
        if (label, key) in seen:
            first = f"$.{section}[{seen[(label, key)]}]"
            return Rejection(f"$.{section}[{index}]" + (".id" if label == "id" else ""),
                             f"duplicate {label} (first at {first})", _jsonable(key), f"a unique {label}")
    for label, key in keys:
        seen[(label, key)] = index
    return None


def facts_from_json(document: Any) -> Facts:
    """Build :class:`Facts` from a parsed JSON document, rejecting bad records."""
    if not isinstance(document, Mapping):
        raise FactsError(f"a facts document must be a JSON object (got {type(document).__name__})")
    rejections: list[Rejection] = []
    for key in document:
        if key not in FACT_KINDS and key != "format":
            rejections.append(Rejection(f"$.{key}", "unknown section", "…", f"one of {', '.join(FACT_KINDS)}"))
    candidates: dict[str, list[tuple[int, Any]]] = {}
    for section in FACT_KINDS:
        raw = document.get(section, [])
        if not isinstance(raw, list):
            rejections.append(Rejection(f"$.{section}", "section is not a list", raw, "a JSON array of records"))
            raw = []
        candidates[section] = []
        seen: dict[Any, int] = {}
        for i, item in enumerate(raw):
            record = _structure(section, i, item, rejections)
            if record is None:
                continue
            duplicate = _duplicate(section, i, record, seen)
            if duplicate is not None:
                rejections.append(duplicate)
                continue
            candidates[section].append((i, record))
    loaded: dict[str, Any] = _accept_referenced(candidates, rejections)
    return Facts(**loaded, rejections=tuple(rejections))


def _accept_referenced(candidates: dict[str, list[tuple[int, Any]]], rejections: list[Rejection]) -> dict[str, list[Any]]:
    """Keep records whose references resolve, repeating until stable (rejections cascade)."""
    current = {s: list(items) for s, items in candidates.items()}
    while True:
        known = {s: {r.id for _, r in items} for s, items in current.items()}
        dropped = False
        for section, items in current.items():
            kept = []
            for i, record in items:
                problems = _check_references(section, i, record, known)
                if problems:
                    rejections.extend(problems)
                    dropped = True
                else:
                    kept.append((i, record))
            current[section] = kept
        if not dropped:
            return {s: [r for _, r in items] for s, items in current.items()}


class _JsonObject(dict[str, Any]):
    """A JSON object that remembers keys it held more than once (the last value wins)."""

    duplicate_keys: tuple[str, ...] = ()

    @classmethod
    def of(cls, pairs: list[tuple[str, Any]]) -> _JsonObject:
        obj = cls(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            obj.duplicate_keys = tuple(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        return obj


def _read_json(source: str | bytes | Path | IO[str] | Mapping[str, Any], error: type[Exception], unreadable: str, invalid: str) -> Any:
    """The parsed JSON of a path, an open file or JSON text (a mapping as it is);
    *error* with the message *unreadable* or *invalid* and the cause if it cannot be had."""
    if isinstance(source, Mapping):
        return source
    try:
        if isinstance(source, bytes):
            text = source.decode("utf-8-sig")
        elif isinstance(source, Path) or (isinstance(source, str) and not source.lstrip().startswith(("{", "["))):
            text = Path(source).read_text(encoding="utf-8-sig")
        elif isinstance(source, str):
            text = source
        else:
            text = source.read()
            text = text.decode("utf-8-sig") if isinstance(text, bytes) else text
        return json.loads(text.lstrip("\ufeff"), object_pairs_hook=_JsonObject.of)
    except OSError as exc:
        raise error(f"{unreadable}: {exc}") from None
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError, over-long integers, deep nesting
        raise error(f"{invalid}: {exc}") from None


def load_facts(source: str | bytes | Path | IO[str] | Mapping[str, Any]) -> Facts:
    """Load a facts document from a path, an open file, JSON text or bytes, or a parsed mapping."""
    return facts_from_json(_read_json(source, FactsError, "cannot read facts", "facts are not valid JSON"))


def facts_to_json(facts: Facts) -> dict[str, Any]:
    """The JSON document that :func:`facts_from_json` reads back into equal facts."""
    out: dict[str, Any] = {}
    for section, records in facts.records():
        out[section] = [
            {a.name: _jsonable(getattr(r, a.name)) for a in attrs.fields(type(r))} for r in records
        ]
    return out
