"""（19） 区司法局……对已经下放乡镇、街道的行政执法事项至少进行一次评估（2024年底）and
（30） 2024年底前基本建成……行政执法协调监督工作体系（区司法局、全区行政执法部门）.

Same duty and day as the national rules (二（三）2, 二（四）2), which bind the
governments; Datong gives them to its justice bureau and departments: a
REPLACE override each. （20） the legal review of delegation is Datong's own."""

from __future__ import annotations

import datetime as dt

import pytest

import enforcerules as er

S = er.Status
D = dt.date
END_2024 = D(2024, 12, 31)


@pytest.mark.parametrize(("rule_id", "clause", "owners"), [
    ("national.delegation.evaluation", "（19）", {"justice"}),
    ("national.supervision.four_level_system", "（30）", {"justice", "market", "eco"}),
])
def test_19_30_replace_keeps_the_day_and_moves_the_duty_to_datongs_units(datong, run, make_doc, rule_id, clause, owners) -> None:
    resolved = datong.get(rule_id)
    (record,) = resolved.overrides
    assert record.intent is er.Intent.REPLACE and resolved.rule.citation.clause == clause
    assert resolved.rule.spec.deadline.due() == record.previous.spec.deadline.due() == END_2024
    assert {f.subject for f in run(rule_id, make_doc(), D(2026, 11, 23))} == owners  # not district_gov


def test_19_the_national_rule_binds_the_district_government_instead(run_national, make_doc) -> None:
    subjects = {f.subject for f in run_national("national.delegation.evaluation", make_doc(), D(2026, 11, 23))}
    assert "district_gov" in subjects and "justice" not in subjects


@pytest.mark.parametrize(("day", "expected"), [("2024-12-31", S.COMPLIANT), ("2025-01-01", S.LATE)])
def test_19_evaluation_of_delegated_items_by_end_of_2024(run, status, make_doc, day, expected) -> None:
    facts = make_doc([("delegation_evaluation", "justice", day)])
    assert status(run("national.delegation.evaluation", facts, D(2026, 11, 23)), "justice") is expected


@pytest.mark.parametrize(("day", "expected"), [("2024-12-31", S.COMPLIANT), ("2025-01-01", S.LATE)])
def test_20_legal_review_of_delegation_by_end_of_2024(run, status, make_doc, day, expected) -> None:
    facts = make_doc([("delegation_legal_review", "justice", day), ("delegation_legal_review", "market", "2024-06-01")])
    findings = run("datong.delegation.legal_review", facts, D(2026, 11, 23))
    assert status(findings, "justice") is expected
    assert status(findings, "market") is S.COMPLIANT
    assert status(findings, "eco") is S.VIOLATION
