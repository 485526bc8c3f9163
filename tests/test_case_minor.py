"""行政处罚法 art. 33 sentence 1 needs 违法行为轻微: recorded in Case.minor."""

from __future__ import annotations

import datetime as dt

import pytest

import enforcerules as er

from _support import ENGINES


def _facts(minor: object) -> er.Facts:
    case = {"id": "k1", "unit": "u1", "decided_on": "2024-05-06", "field": "market_regulation",
            "handling_officers": [], "outcome": "penalised", "harm": "none", "corrected_promptly": True}
    if minor is not None:
        case["minor"] = minor
    facts = er.load_facts({"units": [{"id": "u1", "name": "局", "kind": "enforcement", "level": "county"}], "cases": [case]})
    assert facts.rejections == ()
    return facts


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("minor", "status"), [(True, er.Status.VIOLATION), (None, er.Status.INSUFFICIENT_DATA)])
def test_art33_penalising_a_minor_corrected_harmless_violation(engine: str, minor: object, status: er.Status) -> None:
    report = er.evaluate(er.load_rulebook("national"), _facts(minor), dt.date(2024, 6, 1), engine=engine)
    finding = next(f for f in report.findings if f.rule_id == "national.penalty_law.art33")
    assert finding.status is status


def test_minor_must_be_a_boolean() -> None:
    facts = er.load_facts({"units": [{"id": "u1", "name": "局", "kind": "enforcement", "level": "county"}],
                           "cases": [{"id": "k1", "unit": "u1", "decided_on": "2024-05-06", "minor": "yes"}]})
    assert [r.location for r in facts.rejections] == ["$.cases[0].minor"]


@pytest.mark.parametrize("engine", ENGINES)
def test_art33_sentence1_does_not_apply_to_a_violation_recorded_as_not_minor(engine: str) -> None:
    report = er.evaluate(er.load_rulebook("national"), _facts(False), dt.date(2024, 6, 1), engine=engine)
    finding = next(f for f in report.findings if f.rule_id == "national.penalty_law.art33")
    assert finding.status is er.Status.NOT_APPLICABLE
