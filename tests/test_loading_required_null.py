"""A required field written as null is missing, in JSON as in a table (where an empty cell is absent)."""

from __future__ import annotations

import pytest

import enforcerules as er
from enforcerules.tables import SCHEMAS, SECTIONS

VALID = {
    "regions": {"id": "r1", "name": "县", "level": "county"},
    "units": {"id": "u1", "name": "局", "kind": "enforcement", "level": "county"},
    "officers": {"id": "o1", "unit": "u1", "hired_on": "2020-01-01"},
    "training": {"id": "t1", "officer": "o1", "hours": 8, "category": "public_law", "held_at": "2024-04-02T09:00:00+08:00"},
    "certificates": {"id": "c1", "officer": "o1", "issued_on": "2020-02-01"},
    "task_reports": {"id": "p1", "task": "problem_list", "unit": "u1", "completed_on": "2023-12-20"},
    "events": {"id": "e1", "kind": "annual_assessment", "subject": "o1", "on": "2024-12-15"},
    "cases": {"id": "k1", "unit": "u1", "decided_on": "2024-05-06"},
    "items": {"id": "i1", "unit": "u1", "name": "对某行为的行政处罚"},
    "metrics": {"id": "m1", "name": "rate", "region": "r1", "year": 2024, "value": 0.5},
}
REQUIRED = [(s, c.name) for s in SECTIONS for c in SCHEMAS[s] if c.required and c.name != "id"]


def test_the_valid_document_loads_whole() -> None:
    facts = er.facts_from_json({s: [r] for s, r in VALID.items()})
    assert facts.rejections == () and all(facts.count(s) == 1 for s in SECTIONS)


@pytest.mark.parametrize("section, field", REQUIRED)
def test_a_required_field_written_as_null_is_rejected_as_missing(section: str, field: str) -> None:
    doc = {s: [r] for s, r in VALID.items()}
    doc[section] = [VALID[section] | {field: None}]
    facts = er.facts_from_json(doc)
    assert any(r.location == f"$.{section}[0].{field}" and r.reason == "missing field" for r in facts.rejections)
    assert facts.count(section) == 0
