"""Request bodies to facts: JSON with located errors, then the facts loader.

The facts loader is the only judge of records: an evaluation body goes to
:func:`enforcerules.load_facts` as sent, and a case to decide goes through
:func:`enforcerules.facts_from_json`, so a record is refused over HTTP exactly
when a facts file would refuse it, and for the same located reason (moved
from ``$.cases[0]`` to ``$.case``).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Mapping
from typing import Any

import attrs

from ..facts import FACT_KINDS, Case, Unit
from ..findings import Rejection
from ..loading import facts_from_json
from ..tables import SCHEMAS, Column
from ..validation import IDENTIFIERS, REFERENCES
from .errors import ApiError

__all__ = ["FIRST_DAY", "LAST_DAY", "JsonObject", "parse_day", "parse_json", "read_case"]

#: Evaluation days the service accepts: wide enough for any plan, narrow
#: enough that deadline arithmetic never leaves the calendar.
FIRST_DAY, LAST_DAY = _dt.date(1900, 1, 1), _dt.date(2199, 12, 31)

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class JsonObject(dict[str, Any]):
    """A JSON object that remembers the keys it held more than once."""

    repeated: tuple[str, ...] = ()

    @classmethod
    def of(cls, pairs: list[tuple[str, Any]]) -> JsonObject:
        obj = cls(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            obj.repeated = tuple(dict.fromkeys(k for k, _ in pairs if k in seen or seen.add(k)))  # type: ignore[func-returns-value]
        return obj


def _malformed(reason: str, value: Any = None) -> ApiError:
    return ApiError(400, "malformed_json", [Rejection("$", reason, value, "a JSON document in UTF-8")])


def parse_json(body: bytes) -> Any:
    """The JSON value of a request body; 400 with where it breaks if it is not JSON."""
    if not body.strip():
        raise _malformed("empty body", "")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _malformed(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        return json.loads(text, object_pairs_hook=JsonObject.of)
    except json.JSONDecodeError as exc:
        near = text[max(0, exc.pos - 20): exc.pos + 20]
        raise _malformed(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno} (char {exc.pos})", near) from None
    except (ValueError, RecursionError) as exc:  # over-long integers, nesting too deep to parse
        raise _malformed(f"unreadable JSON: {type(exc).__name__}: {str(exc)[:200]}") from None


def parse_day(text: Any, location: str) -> _dt.date:
    """A ``YYYY-MM-DD`` day within [:data:`FIRST_DAY`, :data:`LAST_DAY`]; 422 at *location* otherwise."""
    expected = f"a date YYYY-MM-DD from {FIRST_DAY} to {LAST_DAY}"
    if not isinstance(text, str) or not _DAY.fullmatch(text):
        raise ApiError(422, "invalid_request", [Rejection(location, "not in the YYYY-MM-DD form", text, expected)])
    try:
        day = _dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ApiError(422, "invalid_request", [Rejection(location, f"not a real date ({exc})", text, expected)]) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ApiError(422, "invalid_request", [Rejection(location, "out of range", text, expected)])
    return day


def repeated_keys(obj: Any, where: str) -> list[Rejection]:
    return [Rejection(f"{where}.{k}", "duplicate key", obj[k], "each field once") for k in getattr(obj, "repeated", ())]


_DECIDE_FIELDS = ("case", "unit")


def _moved(r: Rejection) -> Rejection:
    return attrs.evolve(r, location=r.location.replace("$.cases[0]", "$.case", 1).replace("$.units[0]", "$.unit", 1))


def _text(value: Any) -> bool:
    """A JSON string that is valid Unicode (no lone surrogate from a \\ud800 escape)."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _canonical_value(col: Column, value: Any, ident: bool) -> tuple[bool, Any]:
    """(ok, value for the fact class) of a cell written in the plainest accepted form; not ok means "ask the loader"."""
    if value is None:
        return col.nullable, None
    kind = col.kind
    if kind in ("str", "enum"):
        if not _text(value) or (ident and not _could_be_id(value)):
            return False, None
        if kind == "enum":
            assert col.enum_type is not None
            member = next((m for m in col.enum_type if m.value == value), None)
            return member is not None, member
        return True, value
    if kind == "bool":
        return type(value) is bool, value
    if kind == "date":
        if not isinstance(value, str) or not _DAY.fullmatch(value):
            return False, None
        try:
            return True, _dt.date.fromisoformat(value)
        except ValueError:
            return False, None
    if kind == "list":
        ok = isinstance(value, list) and all(_text(v) for v in value)
        return ok, tuple(value) if ok else None
    return False, None  # numbers and instants: the loader's parsers decide


def canonical_record(section: str, raw: Mapping[str, Any]) -> Any | None:
    """The fact object of a record written in the plainest form the loader accepts, or None.

    A fast path for one record, not a second validator: it accepts only what
    the facts loader certainly accepts (every field of its exact JSON type,
    days as ``YYYY-MM-DD``, identifiers and references non-empty and at most
    200 characters) and builds the same object (a test checks both over
    random records). Anything else returns None, and the loader decides.
    """
    columns = {c.name: c for c in SCHEMAS[section]}
    if any(k not in columns for k in raw) or any(c.required and c.name not in raw for c in columns.values()):
        return None
    kwargs = {}
    for name, value in raw.items():
        col = columns[name]
        ident = name in IDENTIFIERS[section] or (section, name) in REFERENCES
        ok, parsed = _canonical_value(col, value, ident)
        if not ok:
            return None
        if col.kind == "list" and (section, name) in REFERENCES and not all(_could_be_id(v) for v in value):
            return None
        kwargs[name] = parsed
    try:
        return FACT_KINDS[section](**kwargs)
    except (TypeError, ValueError):
        return None


def _could_be_id(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 200


def read_case(doc: Any) -> tuple[Case, Unit | None]:
    """The case (and unit) of a decide request; 422 with every located problem."""
    if not isinstance(doc, Mapping):
        raise ApiError(422, "invalid_request", [Rejection("$", "the body is not an object", type(doc).__name__, 'an object {"case": {…}, "unit": {…}}')])
    errors = [Rejection(f"$.{k}", "unknown field", doc[k], "case or unit") for k in doc if k not in _DECIDE_FIELDS]
    errors += repeated_keys(doc, "$")
    raw_case, raw_unit = doc.get("case"), doc.get("unit")
    if "case" not in doc:
        errors.append(Rejection("$.case", "missing field", None, "a case record"))
    elif not isinstance(raw_case, Mapping):
        errors.append(Rejection("$.case", "record is not an object", raw_case, "a case record (an object)"))
    if raw_unit is not None and not isinstance(raw_unit, Mapping):
        errors.append(Rejection("$.unit", "record is not an object", raw_unit, "a unit record (an object) or null"))
        raw_unit = None
    if not isinstance(raw_case, Mapping):
        raise ApiError(422, "invalid_request", errors)
    errors += repeated_keys(raw_case, "$.case") + repeated_keys(raw_unit, "$.unit")
    if not errors:
        case, unit = canonical_record("cases", raw_case), (canonical_record("units", raw_unit) if raw_unit is not None else None)
        if case is not None and (raw_unit is None or (unit is not None and unit.id == case.unit)):
            return case, unit  # the usual request: written plainly, nothing for the loader to decide
        facts = facts_from_json(_with_placeholders(raw_case, raw_unit))
        if not facts.rejections and len(facts.cases) == 1:
            return facts.cases[0], (facts.units[0] if raw_unit is not None else None)
    errors += _record_errors(raw_case, raw_unit)
    if not errors:  # every located check passed, yet the records did not load: a defect, not the caller's mistake
        raise RuntimeError("a decide request passed every check but did not load")
    raise ApiError(422, "invalid_request", errors)


def _record_errors(raw_case: Mapping[str, Any], raw_unit: Mapping[str, Any] | None) -> list[Rejection]:
    """Why the records do not load, located in the request."""
    # The records on their own: a reference to a record not sent is not the caller's mistake here.
    alone = facts_from_json({"cases": [raw_case], **({"units": [raw_unit]} if raw_unit is not None else {})})
    errors = [_moved(r) for r in alone.rejections if r.reason != "missing reference"]
    errors += [_moved(attrs.evolve(r, reason="not an identifier", expected="a non-empty string of at most 200 characters"))
               for r in alone.rejections if r.reason == "missing reference" and not _could_be_id(r.value)]
    officers = raw_case.get("handling_officers")
    if isinstance(officers, list):  # each is a reference: an id, or no officer could be meant
        errors += [Rejection(f"$.case.handling_officers[{i}]", "not an identifier", o, "a non-empty string of at most 200 characters",
                             section="cases", row=0, column="handling_officers")
                   for i, o in enumerate(officers) if isinstance(o, str) and not _could_be_id(o)]
    if raw_unit is not None and not errors and raw_unit["id"] != raw_case["unit"]:
        errors.append(Rejection("$.unit.id", "not the case's unit", raw_unit["id"], f"the case's unit {raw_case['unit']!r}"))
    return errors


def _with_placeholders(raw_case: Mapping[str, Any], raw_unit: Mapping[str, Any] | None) -> dict[str, Any]:
    """A facts document of the request's records beside placeholders for what they reference.

    The placeholders only satisfy the loader's reference check; a placeholder
    unit is never used to decide (its kind and level are not the caller's).
    """
    unit_id = raw_case.get("unit")
    unit = raw_unit if raw_unit is not None else {"id": unit_id, "name": "", "kind": "enforcement", "level": "county"}
    officers = raw_case.get("handling_officers")
    officers = dict.fromkeys(o for o in officers if isinstance(o, str)) if isinstance(officers, list) else {}
    return {
        "regions": [{"id": unit["region"], "name": "", "level": "county"}] if unit.get("region") is not None else [],
        "units": [unit],
        "officers": [{"id": o, "unit": unit_id, "hired_on": "1900-01-01"} for o in officers],
        "cases": [raw_case],
    }
