"""The service's request and response shapes, for its OpenAPI description.

Request bodies are *described* by these models but *read* by the facts
loader (:func:`enforcerules.load_facts`, :func:`enforcerules.facts_from_json`),
so the service accepts and rejects exactly what a facts file does, with the
same located reasons. The fact models are made from the fact classes
(:data:`enforcerules.facts.FACT_KINDS`), so a new field shows up here without
a second declaration.
"""

from __future__ import annotations

import datetime as _dt
import types
import typing
from typing import Any, Literal

import attrs
from pydantic import BaseModel, ConfigDict, Field, create_model

from ..disposition import DispositionKind
from .. import facts as _facts
from ..facts import FACT_KINDS
from ..findings import Status

__all__ = [
    "CaseDecisionOut",
    "DecideRequest",
    "ErrorOut",
    "FactsDocument",
    "HealthOut",
    "JurisdictionOut",
    "ReportOut",
    "RulesOut",
]


#: The evaluation days the service accepts: 1900-01-01 to 2199-12-31 (reading.FIRST_DAY, LAST_DAY).
AS_OF_SCHEMA: dict[str, Any] = {"format": "date", "pattern": "^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$"}
AS_OF_TEXT = "evaluation day YYYY-MM-DD, 1900-01-01 to 2199-12-31 (China Standard Time)"


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _json_type(tp: Any) -> Any:
    """The JSON-side type of a fact field type (tuples are JSON arrays)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _json_type(inner[0]) | None
    if typing.get_origin(tp) is tuple:
        return list[typing.get_args(tp)[0]]  # type: ignore[misc]
    return tp


def _default(a: attrs.Attribute[Any]) -> Any:
    default: Any = a.default
    if default is attrs.NOTHING:
        return ...
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        default = default.factory()
    return list(default) if isinstance(default, tuple) else default


#: The fact classes' identifier check (non-empty, at most 200 characters), when it can be told apart.
_IDENT = getattr(_facts, "_ident", None)
_ID_SCHEMA: dict[str, Any] = {"minLength": 1, "maxLength": 200}


def _field(a: attrs.Attribute[Any], tp: Any) -> tuple[Any, Any]:
    default = _default(a)
    if _IDENT is not None and a.validator is _IDENT:
        return tp, Field(default, json_schema_extra=_ID_SCHEMA)
    return tp, default


def _record_model(cls: type) -> type[BaseModel]:
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {a.name: _field(a, _json_type(hints[a.name])) for a in attrs.fields(cls)}
    doc = (cls.__doc__ or cls.__name__).strip().splitlines()[0]
    name = cls.__name__ if cls.__name__.endswith("Record") else f"{cls.__name__}Record"
    return create_model(name, __base__=_Closed, __doc__=doc, **fields)


#: section name -> the model of one of its records
RECORD_MODELS: dict[str, type[BaseModel]] = {section: _record_model(cls) for section, cls in FACT_KINDS.items()}

def _document_fields() -> dict[str, Any]:
    fields: dict[str, Any] = {
        "format": (Literal[1], Field(1, description="the facts format; 1, the only one, when omitted")),
        "as_of": (str | None, Field(None, description=AS_OF_TEXT, json_schema_extra=AS_OF_SCHEMA)),
    }
    fields.update({section: (list[model] | None, None) for section, model in RECORD_MODELS.items()})  # type: ignore[valid-type]
    return fields


FactsDocument = create_model(
    "FactsDocument",
    __base__=_Closed,
    __doc__="A facts document (docs/facts-format.md); `as_of` may be given here instead of as a query parameter.",
    **_document_fields(),
)

_DECIDE_FIELDS: dict[str, Any] = {"case": (RECORD_MODELS["cases"], ...), "unit": (RECORD_MODELS["units"] | None, None)}

DecideRequest = create_model(
    "DecideRequest",
    __base__=_Closed,
    __doc__="One penalty case, and optionally its unit (rules scoped by unit kind or level count only with it).",
    **_DECIDE_FIELDS,
)


# -- responses ------------------------------------------------------------------


class Texts(BaseModel):
    zh: str
    en: str


class CitationOut(BaseModel):
    document: str
    clause: str
    quote: str


class RejectionOut(BaseModel):
    """A record that was not used, where it is (``$.officers[3].hired_on``) and why."""

    location: str
    reason: str
    value: Any = None
    expected: str = ""
    source: str = Field("", description="the file, sheet or table the record came from")
    section: str = ""
    row: int | None = Field(None, description="the record's index in its section, from 0")
    column: str | None = Field(None, description="the field at fault, when there is one")


class FindingOut(BaseModel):
    rule_id: str
    subject: str
    period: str
    status: Status
    due: _dt.date | None
    evidence: dict[str, Any]
    explanation: Texts
    remedy: Texts
    citation: CitationOut
    jurisdiction: str
    overridden_by: list[str]


class DeadlinePolicyOut(BaseModel):
    month_before: str
    mid_month: str
    named_day: str


class ReportOut(BaseModel):
    """``Report.to_json()``: docs/report-format.md."""

    format: int
    jurisdiction: str
    rulebook_digest: str
    as_of: _dt.date
    engine: str
    deadline_policy: DeadlinePolicyOut
    summary: dict[str, int]
    findings: list[FindingOut]
    rejections: list[RejectionOut]


class DispositionOut(BaseModel):
    kind: DispositionKind
    rule_id: str
    citation: CitationOut
    basis: str
    reason: Texts
    verified: bool
    unverified: str = Field(description="the unrecorded condition the disposition rests on; empty when verified")


class CaseDecisionOut(BaseModel):
    jurisdiction: str
    rulebook_digest: str
    case_id: str
    strongest: DispositionKind = Field(description="the most constraining verified disposition")
    outcome: str = Field(description="the case's recorded outcome")
    outcome_permitted: bool = Field(description="whether the recorded outcome is consistent with every verified disposition")
    permits: dict[str, bool] = Field(description="for each outcome, whether it is consistent with every verified disposition")
    unit_considered: bool = Field(description="whether rules scoped by unit kind or level were checked (the unit was given)")
    dispositions: list[DispositionOut]


class DocumentOut(BaseModel):
    id: str
    title: str
    number: str


class JurisdictionOut(BaseModel):
    id: str
    name_zh: str
    name_en: str
    level: str
    parent: str | None
    plugin: str
    rulebook_digest: str
    rules: int
    documents: list[DocumentOut]


class RuleOut(BaseModel):
    id: str
    kind: str
    document: str
    clause: str
    quote: str
    title_zh: str
    title_en: str
    effective_from: _dt.date
    effective_to: _dt.date
    declared_by: str
    overridden_by: list[str]


class RulesOut(BaseModel):
    jurisdiction: str
    rulebook_digest: str
    rules: list[RuleOut]


class HealthOut(BaseModel):
    status: str
    version: str
    engine: str
    jurisdictions: int


class ErrorOut(BaseModel):
    """Every 4xx and 5xx answer. ``errors`` locate what was wrong: ``$.case.decided_on``
    in the body, ``query.as_of``, ``path.jurisdiction``."""

    status: int
    error: str = Field(description="a stable code: malformed_json, invalid_request, unknown_jurisdiction, too_large, not_found, internal_error…")
    message: str
    errors: list[RejectionOut] = []
