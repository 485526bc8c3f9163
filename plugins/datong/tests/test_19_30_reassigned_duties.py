"""（19） 区司法局……对已经下放乡镇、街道的行政执法事项至少进行一次评估（2024年底）,
（20） 加强对赋权乡镇、街道行政执法事项的法制审核（2024年底）and （30） 2024年底前基本建成
……行政执法协调监督工作体系（区司法局、全区行政执法部门）.

The national rules for （19） and （30） (二（三）2, 二（四）2) bind the governments and
stay inherited: Datong names who does the work, it does not lift the region's
duty. Datong's own rules give the same task, by the same day, to its units."""

from __future__ import annotations

import datetime as dt

import pytest

import enforcerules as er
from enforcerules.testing import never_weaker

S = er.Status
D = dt.date
END_2024 = D(2024, 12, 31)
PAIRS = [
    ("datong.delegation.evaluation", "national.delegation.evaluation", "（19）", {"justice"}),
    ("datong.supervision.coordination_system", "national.supervision.four_level_system", "（30）", {"justice", "market", "eco"}),
]


@pytest.mark.parametrize(("own", "inherited", "clause", "owners"), PAIRS, ids=["19", "30"])
def test_19_30_same_task_and_day_as_the_national_rule_on_datongs_units(datong, national, run, make_doc, own, inherited, clause, owners) -> None:
    mine, theirs = datong.get(own).rule, datong.get(inherited)
    assert theirs.rule == national.get(inherited).rule and theirs.overrides == ()
    assert mine.citation.clause == clause and mine.spec.task == theirs.rule.spec.task
    assert mine.spec.deadline.due() == theirs.rule.spec.deadline.due() == END_2024
    assert {f.subject for f in run(own, make_doc(), D(2026, 11, 23))} == owners
    assert {f.subject for f in run(inherited, make_doc(), D(2026, 11, 23))} == {"district_gov"}


@pytest.mark.parametrize(("day", "expected"), [("2024-12-31", S.COMPLIANT), ("2025-01-01", S.LATE)])
def test_19_justice_bureau_evaluates_delegated_items_by_end_of_2024(run, status, make_doc, day, expected) -> None:
    facts = make_doc([("delegation_evaluation", "justice", day)])
    assert status(run("datong.delegation.evaluation", facts, D(2026, 11, 23)), "justice") is expected


def test_19_a_government_report_does_not_discharge_the_bureau(run, status, make_doc) -> None:
    facts = make_doc([("delegation_evaluation", "district_gov", "2024-06-01")])
    assert status(run("datong.delegation.evaluation", facts, D(2026, 11, 23)), "justice") is S.VIOLATION
    assert status(run("national.delegation.evaluation", facts, D(2026, 11, 23)), "district_gov") is S.COMPLIANT


@pytest.mark.parametrize(("day", "expected"), [("2024-12-31", S.COMPLIANT), ("2025-01-01", S.LATE)])
def test_20_legal_review_of_delegation_by_end_of_2024(run, status, make_doc, day, expected) -> None:
    facts = make_doc([("delegation_legal_review", "justice", day), ("delegation_legal_review", "market", "2024-06-01")])
    findings = run("datong.delegation.legal_review", facts, D(2026, 11, 23))
    assert status(findings, "justice") is expected
    assert status(findings, "market") is S.COMPLIANT
    assert status(findings, "eco") is S.VIOLATION


@pytest.mark.parametrize(("day", "expected"), [("2024-12-31", S.COMPLIANT), ("2025-01-01", S.LATE)])
def test_30_each_unit_reports_its_part_of_the_system_by_end_of_2024(run, status, make_doc, day, expected) -> None:
    facts = make_doc([("supervision_system", "eco", day)])
    findings = run("datong.supervision.coordination_system", facts, D(2026, 11, 23))
    assert status(findings, "eco") is expected
    assert status(findings, "justice") is S.VIOLATION


def test_only_the_problem_list_overrides_a_national_rule_and_it_is_never_silently_weaker() -> None:
    report = never_weaker("datong", "national", er.Registry(), max_examples=30)
    assert [w.rule_id for w in report.compared] == ["national.rectification.problem_list"]
    assert report.ok and [w.rule_id for w in report.declared] == ["national.rectification.problem_list"]


@pytest.mark.parametrize(("rule_id", "task"), [
    ("national.delegation.evaluation", "delegation_evaluation"),
    ("national.supervision.four_level_system", "supervision_system"),
], ids=["19", "30"])
@pytest.mark.parametrize(("day", "expected"), [("2024-12-31", S.COMPLIANT), ("2025-01-01", S.LATE)])
def test_19_30_the_district_government_still_owes_the_national_duty_by_end_of_2024(run, status, make_doc, rule_id, task, day, expected) -> None:
    facts = make_doc([(task, "district_gov", day)])
    assert status(run(rule_id, facts, D(2026, 11, 23)), "district_gov") is expected


def _covering(make_doc, unit: str, covers: list[str], day: str = "2024-06-01") -> dict:
    doc = make_doc()
    doc["task_reports"] = [{"id": "r0", "task": "delegation_evaluation", "unit": unit, "completed_on": day, "covers": covers}]
    return doc


@pytest.mark.parametrize(("covers", "expected"), [
    (["datong"], S.COMPLIANT),  # 区司法局 reports the evaluation done for the district
    (["district_gov"], S.COMPLIANT),  # ... or for the district government by id
    ([], S.VIOLATION),  # reported for itself only: the district government has not discharged it
    (["huainan"], S.VIOLATION),  # done for another region
])
def test_19_the_justice_bureau_named_by_datong_discharges_the_national_duty_for_the_district(run_national, status, make_doc, covers, expected) -> None:
    # national.delegation.evaluation binds 各地区 (the district government); Datong (19) makes
    # 区司法局 responsible: its report covering the district discharges the duty there.
    findings = run_national("national.delegation.evaluation", _covering(make_doc, "justice", covers), D(2026, 11, 23))
    assert status(findings, "district_gov") is expected


def test_19_a_covering_report_counts_from_its_own_day(run_national, status, make_doc) -> None:
    findings = run_national("national.delegation.evaluation", _covering(make_doc, "justice", ["datong"], "2025-03-01"), D(2026, 11, 23))
    assert status(findings, "district_gov") is S.LATE
