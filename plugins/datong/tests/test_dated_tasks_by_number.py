"""The dated tasks, one by one as the plan numbers them: who owes each, its
完成时限, and the two sides of the day. （15） the no-penalty list, a standing
duty, is here too."""

from __future__ import annotations

import datetime as dt

import pytest

import enforcerules as er

S = er.Status
D = dt.date
AFTER = D(2026, 11, 23)

#: (task, rule id, task key, a unit that owes it, the last day on time, the phrase as written)
DATED = [
    ("17_item_catalogue", "national.catalogue.item_catalogue", "item_catalogue", "market", D(2024, 12, 31), "2024年底前"),
    ("22_inspect_once", "datong.cooperation.joint_inspection", "comprehensive_inspection_once", "eco", D(2025, 12, 31), "到2025年底"),
    ("23_cooperation_mechanism", "datong.cooperation.cooperation_mechanism", "enforcement_cooperation_mechanism", "market", D(2025, 8, 31), "2025年8月底"),
    ("29_evaluation_index_system", "datong.supervision.evaluation_index_system", "evaluation_index_system", "justice", D(2024, 8, 31), "2024年8月底"),
    ("31_justice_offices", "datong.supervision.justice_office_assistance", "justice_office_assisted_supervision", "justice", D(2025, 8, 31), "2025年8月底"),
    ("34_major_cases", "datong.supervision.major_case_mechanism", "major_case_special_supervision", "eco", D(2025, 8, 31), "2025年8月底"),
    ("35_hotline", "datong.supervision.hotline_sharing", "hotline_information_sharing", "justice", D(2025, 8, 31), "2025年8月底"),
    ("40_review_cooperation", "datong.support.legal_review_cooperation", "legal_review_cooperation_mechanism", "market", D(2024, 12, 31), "2024年底"),
    ("41_accountability", "datong.support.accountability", "accountability_and_exemption_mechanism", "justice", D(2025, 8, 31), "2025年8月底"),
]


@pytest.mark.parametrize(("rule_id", "task", "unit", "due", "phrase"), [d[1:] for d in DATED], ids=[d[0] for d in DATED])
def test_dated_task_on_its_day_and_the_day_after(datong, run, status, make_doc, rule_id, task, unit, due, phrase) -> None:
    spec = datong.get(rule_id).rule.spec
    assert (spec.task, spec.deadline.phrase, spec.deadline.due()) == (task, phrase, due)
    after = due + dt.timedelta(days=1)
    assert status(run(rule_id, make_doc([(task, unit, due.isoformat())]), AFTER), unit) is S.COMPLIANT
    assert status(run(rule_id, make_doc([(task, unit, after.isoformat())]), AFTER), unit) is S.LATE
    assert status(run(rule_id, make_doc(), due), unit) is S.PENDING
    assert status(run(rule_id, make_doc(), after), unit) is S.VIOLATION


def test_17_item_catalogue_is_the_national_rule_inherited(datong, national) -> None:
    assert datong.get("national.catalogue.item_catalogue").rule == national.get("national.catalogue.item_catalogue").rule


@pytest.mark.parametrize(("rule_id", "task"), [
    ("datong.mechanisms.no_penalty_list", "minor_violation_no_penalty_list"),
    ("datong.mechanisms.no_penalty_list_adjustment", "no_penalty_list_dynamic_adjustment"),
])
def test_15_no_penalty_list_and_its_dynamic_adjustment_are_standing_duties(datong, run, status, make_doc, rule_id, task) -> None:
    rule = datong.get(rule_id).rule
    assert rule.spec.deadline.phrase == "长期坚持" and rule.responsible == ("区司法局", "全区行政执法部门")
    facts = make_doc([(task, "market", "2026-11-01")])  # reported long after the plan period: still not late
    findings = run(rule_id, facts, AFTER)
    assert status(findings, "market") is S.COMPLIANT
    assert status(findings, "eco") is S.PENDING


def test_12_18_21_37_on_instruction_tasks_wait_for_instruction(datong) -> None:
    phrases = {n: datong.get(r).rule.spec.deadline.phrase for n, r in [
        (12, "datong.standards.documents_and_equipment"), (18, "datong.system.item_cleanup"),
        (21, "datong.delegation.township_pilot"), (37, "datong.technology.data_interconnection"),
    ]}
    assert phrases == {12: "根据上级部署开展", 18: "按照上级部署开展", 21: "按照上级部署开展", 37: "按照上级部署开展"}
    assert all(datong.get(r).rule.spec.due_date(er.DeadlinePolicy()) is None for r in ["datong.system.item_cleanup"])
