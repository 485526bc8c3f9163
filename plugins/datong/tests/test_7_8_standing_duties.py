"""（7） 严格落实行政执法人员资格管理和持证上岗制度，未取得行政执法证件的人员，不得独立从事
行政执法工作 and （8） 全面落实行政执法责任制，健全完善行政执法人员年度考核制度 — both 长期坚持.

As for （6）（11）（13）, each task is the departments' own standing duty (a task
report of work on the system), and the national rule that checks its core
case by case or officer by officer stays inherited beside it."""

from __future__ import annotations

import datetime as dt

import pytest

import enforcerules as er
from enforcerules.deadlines import DeadlineKind
from enforcerules_datong import plan

S = er.Status
D = dt.date
AFTER = D(2026, 11, 23)

ROWS = [
    ("（7）", "datong.officers.qualification_management", "qualification_and_certified_duty", "national.certificates.independent_enforcement"),
    ("（8）", "datong.officers.responsibility_system", "enforcement_responsibility_system", "national.officers.annual_assessment"),
]
IDS = ["7_certified_duty", "8_responsibility_system"]


@pytest.mark.parametrize(("clause", "rule_id", "task", "core"), ROWS, ids=IDS)
def test_7_8_standing_duty_beside_the_inherited_national_core(datong, national, clause, rule_id, task, core) -> None:
    assert plan.TASKS[clause].rules == (rule_id, core)
    rule = datong.get(rule_id).rule
    assert rule.spec.task == task and rule.spec.deadline.kind is DeadlineKind.STANDING
    assert rule.responsible == plan.TASKS[clause].units and rule.citation.clause == clause
    inherited = datong.get(core)
    assert inherited.declared_by == "national" and not inherited.overrides
    assert inherited.rule == national.get(core).rule


@pytest.mark.parametrize(("clause", "rule_id", "task", "core"), ROWS, ids=IDS)
def test_7_8_departments_owe_the_duty_not_the_lead_bureau_or_governments(run, make_doc, clause, rule_id, task, core) -> None:
    assert {f.subject for f in run(rule_id, make_doc(), AFTER)} == {"market", "eco"}


@pytest.mark.parametrize(("clause", "rule_id", "task", "core"), ROWS, ids=IDS)
def test_7_8_pending_until_a_department_reports_work_then_compliant_never_late(run, status, make_doc, clause, rule_id, task, core) -> None:
    findings = run(rule_id, make_doc([(task, "market", "2025-12-31")]), AFTER)
    assert status(findings, "market") is S.COMPLIANT
    assert status(findings, "eco") is S.PENDING
    assert status(run(rule_id, make_doc([(task, "market", "2025-12-31")]), D(2025, 12, 30)), "market") is S.PENDING

