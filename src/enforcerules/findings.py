"""What evaluation produces: one finding per rule, subject and period."""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any

import attrs

from .citation import Citation

__all__ = ["Finding", "Rejection", "Status"]


class Status(enum.Enum):
    """The verdict of one rule on one subject for one period."""

    COMPLIANT = "compliant"
    PENDING = "pending"  # not yet due and not yet met
    LATE = "late"  # met, but after the deadline
    VIOLATION = "violation"
    NOT_APPLICABLE = "not_applicable"
    EXEMPT = "exempt"  # the law excuses the subject (e.g. 不予处罚)
    INSUFFICIENT_DATA = "insufficient_data"
    OUT_OF_PERIOD = "out_of_period"  # the facts fall outside the rule's effective period


@attrs.frozen
class Finding:
    """One rule's verdict on one subject for one period, with its reasons."""

    rule_id: str
    subject: str
    period: str
    status: Status
    explanation_zh: str
    explanation_en: str
    citation: Citation
    jurisdiction: str
    due: _dt.date | None = None
    evidence: tuple[tuple[str, Any], ...] = ()
    remedy_zh: str = ""
    remedy_en: str = ""
    overridden_by: tuple[str, ...] = ()

    def sort_key(self) -> tuple[str, str, str]:
        return (self.rule_id, self.subject, self.period)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "subject": self.subject,
            "period": self.period,
            "status": self.status.value,
            "due": self.due.isoformat() if self.due else None,
            "evidence": {k: _jsonable(v) for k, v in self.evidence},
            "explanation": {"zh": self.explanation_zh, "en": self.explanation_en},
            "remedy": {"zh": self.remedy_zh, "en": self.remedy_en},
            "citation": {
                "document": self.citation.document,
                "clause": self.citation.clause,
                "quote": self.citation.quote,
            },
            "jurisdiction": self.jurisdiction,
            "overridden_by": list(self.overridden_by),
        }


@attrs.frozen
class Rejection:
    """An input record that was not evaluated, where it is and why.

    ``location`` is a JSONPath-like pointer (``$.officers[3].hired_on``), or
    for a table its file or name (``officers.csv[3].hired_on``). ``source``
    is the file, sheet or table the record came from, ``section`` its
    section, ``row`` its index there (from 0; ``None`` for a whole section or
    document) and ``column`` the field at fault, when there is one.
    """

    location: str
    reason: str
    value: Any = None
    expected: str = ""
    source: str = ""
    section: str = ""
    row: int | None = None
    column: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "location": self.location,
            "reason": self.reason,
            "value": _jsonable(self.value),
            "expected": self.expected,
            "source": self.source,
            "section": self.section,
            "row": self.row,
            "column": self.column,
        }

    def __str__(self) -> str:
        exp = f" (expected {self.expected})" if self.expected else ""
        return f"{self.location}: {self.reason}: {self.value!r}{exp}"


def _jsonable(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    phrase = getattr(value, "phrase", None)
    if isinstance(phrase, str):  # a Deadline reads as the plan wrote it
        return phrase
    if attrs.has(type(value)):
        return {a.name: _jsonable(getattr(value, a.name)) for a in attrs.fields(type(value))}
    return repr(value)
