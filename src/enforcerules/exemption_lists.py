"""Published exemption lists (不予处罚清单, 首违不罚清单, 从轻/减轻清单) as JSON data.

A list document is a JSON object::

    {
      "format": "enforcerules-exemption-list/1",
      "id": "gd-eco-no-penalty-2021",            # short key, unique among lists
      "kind": "no_penalty",                      # no_penalty | first_minor_exempt |
                                                 # lighter | mitigated | no_coercive_measure
      "title": "广东省生态环境不予行政处罚的轻微违法行为目录",
      "issuer": "广东省生态环境厅",
      "number": "粤环发〔2021〕7号 附件2",          # optional: document number
      "effective": {"start": "2022-01-01", "end": "2026-12-31"},   # optional
      "source": "where the text was taken from", # optional
      "notes": ["备注 as published", ...],        # optional
      "entries": [
        {
          "code": "gd-eco-2021-01",              # what Case.violation_code carries
          "violation": "违法行为, as published",
          "field": "ecology_environment",         # optional, Case.field vocabulary
          "basis": "违反条款, as published",        # optional
          "conditions": "情节, as published",       # optional
          "first_violation_required": true,       # optional, default false
          "max_harm": "minor",                    # optional: none | minor | serious (default minor)
          "correction_required": true,            # optional, default true
          "mandatory": true,                      # optional: 不予 (true, default) or 可以不予 (false)
          "unrecorded_conditions": ""             # optional: conditions facts do not record
        }
      ]
    }

The structured fields restate, for the machine, what the published
``conditions`` say; :mod:`enforcerules.kinds.cases` explains how they combine
with 《行政处罚法》第三十三条. Loading keeps every good entry and reports each
bad one as a :class:`~enforcerules.Rejection` naming its location
(``$.entries[3].max_harm``), as fact loading does; a header that cannot make
a list at all raises :class:`~enforcerules.DeclarationError` listing every
problem.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import attrs

from .citation import Period
from .errors import DeclarationError
from .facts import Harm
from .findings import Rejection
from .kinds.cases import ExemptionEntry, ExemptionList, ListKind
from .jsonrecords import Bad as _Bad, Parsers as _Parsers, enum_parser as _enum, exact as _exact, parse_fields as _parse_fields, read_json as _read_json, str_list as _str_list

__all__ = [
    "FORMAT",
    "LoadedExemptionList",
    "exemption_list_from_json",
    "exemption_list_to_json",
    "load_exemption_list",
]

FORMAT = "enforcerules-exemption-list/1"

_string = _exact(str, "a string")
_boolean = _exact(bool, "true or false")


def _text(value: Any) -> str:
    text: str = _string(value)
    if not text.strip():
        raise _Bad("empty", value, "a non-empty string")
    return text


def _date(value: Any) -> _dt.date:
    try:
        return _dt.date.fromisoformat(_string(value))
    except ValueError as exc:
        raise _Bad(f"not a real date ({exc})", value, "a date string YYYY-MM-DD") from None


def _period(value: Any) -> Period | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or set(value) != {"start", "end"}:
        raise _Bad("wrong shape", value, 'an object {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}')
    start, end = _date(value["start"]), _date(value["end"])
    if end < start:
        raise _Bad("end precedes start", value, "end on or after start")
    return Period(start, end)


# field -> (parser, nullable, required); None goes to the parser, which may refuse it
_ENTRY: _Parsers = {
    "code": (_text, False, True),
    "violation": (_text, False, True),
    "field": (_string, False, False),
    "basis": (_string, False, False),
    "conditions": (_string, False, False),
    "first_violation_required": (_boolean, False, False),
    "max_harm": (_enum(Harm), False, False),
    "correction_required": (_boolean, False, False),
    "mandatory": (_boolean, False, False),
    "unrecorded_conditions": (_string, False, False),
}
_HEADER: _Parsers = {
    "id": (_text, False, True),
    "kind": (_enum(ListKind), False, True),
    "title": (_text, False, True),
    "issuer": (_text, False, True),
    "number": (_string, False, False),
    "effective": (_period, False, False),
    "source": (_string, False, False),
    "notes": (_str_list, False, False),
}


@attrs.frozen
class LoadedExemptionList:
    """A list as loaded, and the entries that were not."""

    value: ExemptionList
    rejections: tuple[Rejection, ...] = ()


def _entries(raw: Any, rejections: list[Rejection]) -> list[ExemptionEntry]:
    if not isinstance(raw, list):
        rejections.append(Rejection("$.entries", "not a list", raw, "a JSON array of entries"))
        return []
    out: list[ExemptionEntry] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw):
        where = f"$.entries[{i}]"
        if not isinstance(item, Mapping):
            rejections.append(Rejection(where, "entry is not an object", item, "a JSON object"))
            continue
        kwargs, errors = _parse_fields(where, item, _ENTRY)
        if not errors and kwargs["code"] in seen:
            errors.append(Rejection(f"{where}.code", f"duplicate code (first at $.entries[{seen[kwargs['code']]}])", kwargs["code"], "a unique code"))
        if errors:
            rejections.extend(errors)
            continue
        seen[kwargs["code"]] = i
        out.append(ExemptionEntry(**kwargs))
    return out


def exemption_list_from_json(document: Any) -> LoadedExemptionList:
    """Build an :class:`ExemptionList` from a parsed JSON document, rejecting bad entries."""
    if not isinstance(document, Mapping):
        raise DeclarationError(f"an exemption list must be a JSON object (got {type(document).__name__})")
    header, problems = _parse_fields("$", document, _HEADER, ignore=("format", "entries"))
    fmt = document.get("format", FORMAT)
    if fmt != FORMAT:
        problems.append(Rejection("$.format", "unknown format", fmt, repr(FORMAT)))
    if problems:
        raise DeclarationError("exemption list header is invalid: " + "; ".join(str(p) for p in problems))
    rejections: list[Rejection] = []
    entries = _entries(document.get("entries", []), rejections)
    return LoadedExemptionList(ExemptionList(entries=entries, **header), tuple(rejections))


def load_exemption_list(source: str | Path | IO[str] | Mapping[str, Any]) -> LoadedExemptionList:
    """Load a list from a path, an open file, JSON text or a parsed mapping."""
    document = _read_json(source, DeclarationError, "cannot read exemption list", "exemption list is not valid JSON")
    return exemption_list_from_json(document)


def exemption_list_to_json(lst: ExemptionList) -> dict[str, Any]:
    """The JSON document :func:`exemption_list_from_json` reads back into an equal list."""
    out: dict[str, Any] = {"format": FORMAT}
    for a in attrs.fields(ExemptionList):
        value = getattr(lst, a.name)
        if a.name == "entries":
            out["entries"] = [_entry_json(e) for e in value]
        elif a.name == "kind":
            out["kind"] = value.value
        elif a.name == "effective":
            out["effective"] = None if value is None else {"start": value.start.isoformat(), "end": value.end.isoformat()}
        elif a.name == "notes":
            out["notes"] = list(value)
        else:
            out[a.name] = value
    return out


def _entry_json(entry: ExemptionEntry) -> dict[str, Any]:
    return {
        a.name: (getattr(entry, a.name).value if a.name == "max_harm" else getattr(entry, a.name))
        for a in attrs.fields(ExemptionEntry)
    }
