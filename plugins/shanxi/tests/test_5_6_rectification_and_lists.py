"""Task 5: provincial field problem lists by the end of 2023 (the national duty stays). Task 6: the three leniency lists."""

from __future__ import annotations

import datetime as dt

import pytest

from enforcerules import DeadlinePolicy, Level, Status
from enforcerules.testing import assert_inherited

PROBLEM_LIST = "national.rectification.problem_list"
FIELD_LIST = "shanxi.rectification.provincial_field_list"
LISTS = ("shanxi.discretion.lighter_penalty_list", "shanxi.discretion.mitigated_penalty_list", "shanxi.discretion.first_minor_exemption_list")


def _report(task: str, unit: str, day: str) -> dict:
    return {"task_reports": [{"id": f"{task}-{unit}", "task": task, "unit": unit, "completed_on": day}]}


def test_5_provincial_department_list_on_31_december_2023_is_on_time(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, FIELD_LIST, _report("problem_list", "sx_market", "2023-12-31"), "sx_market", engine=engine) is Status.COMPLIANT


def test_5_provincial_department_list_on_1_january_2024_is_late(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, FIELD_LIST, _report("problem_list", "sx_market", "2024-01-01"), "sx_market", engine=engine) is Status.LATE


def test_5_no_list_is_pending_in_2023_and_a_violation_after(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, FIELD_LIST, {}, "sx_market", as_of=dt.date(2023, 12, 31), engine=engine) is Status.PENDING
    assert status_of(shanxi, FIELD_LIST, {}, "sx_market", engine=engine) is Status.VIOLATION


def test_5_the_field_list_binds_provincial_enforcement_departments_only(shanxi, run, engine) -> None:
    assert {f.subject for f in run(shanxi, FIELD_LIST, {}, engine=engine)} == {"sx_market"}


def test_5_city_and_county_departments_stay_bound_by_the_national_rule_in_shanxi(shanxi, run, engine) -> None:
    findings = {f.subject: f.status for f in run(shanxi, PROBLEM_LIST, _report("problem_list", "jz_eco", "2023-12-31"), engine=engine)}
    assert findings["jz_eco"] is Status.COMPLIANT
    assert findings["ls_market"] is findings["sx_market"] is Status.VIOLATION


def test_5_one_provincial_report_answers_both_rules(shanxi, status_of, engine) -> None:
    doc = _report("problem_list", "sx_market", "2023-12-31")
    assert status_of(shanxi, FIELD_LIST, doc, "sx_market", engine=engine) is Status.COMPLIANT
    assert status_of(shanxi, PROBLEM_LIST, doc, "sx_market", engine=engine) is Status.COMPLIANT


def test_5_national_problem_list_is_inherited_and_the_field_list_added_with_its_key_and_date(shanxi, national) -> None:
    assert_inherited(shanxi, PROBLEM_LIST)
    added, parent = shanxi.get(FIELD_LIST), national.get(PROBLEM_LIST).rule
    assert added.declared_by == "shanxi" and added.overrides == ()
    assert added.rule.spec == parent.spec  # same task key and date
    assert added.rule.scope.levels == (Level.PROVINCE,) and added.rule.scope.unit_kinds == parent.scope.unit_kinds
    assert added.rule.citation.clause == "5" and "2023年底前" in added.rule.citation.quote


@pytest.mark.parametrize("rule_id", LISTS)
def test_6_each_list_is_compliant_once_reported_and_otherwise_pending_never_late(shanxi, status_of, engine, rule_id) -> None:
    task = shanxi.get(rule_id).rule.spec.task
    assert status_of(shanxi, rule_id, _report(task, "jz_eco", "2025-06-01"), "jz_eco", engine=engine) is Status.COMPLIANT
    assert status_of(shanxi, rule_id, {}, "jz_eco", engine=engine) is Status.PENDING
    # A report of another list does not count for this one.
    other = next(shanxi.get(r).rule.spec.task for r in LISTS if r != rule_id)
    assert status_of(shanxi, rule_id, _report(other, "jz_eco", "2025-06-01"), "jz_eco", engine=engine) is Status.PENDING


def test_6_three_lists_three_task_keys_one_quote(shanxi) -> None:
    rules = [shanxi.get(r) for r in LISTS]
    assert len({r.rule.spec.task for r in rules}) == 3
    assert all(r.declared_by == "shanxi" and r.rule.citation.clause == "6" for r in rules)
    assert all(r.rule.spec.due_date(DeadlinePolicy()) is None for r in rules)
