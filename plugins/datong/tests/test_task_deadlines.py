"""Every dated, standing and on-instruction task of Datong's plan, on both sides
of its boundary: the units it binds, the due day itself on time, the day after
late, pending until then and a violation after; standing duties (长期坚持) and
duties on instruction (按照/根据上级部署开展) never late."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.testing.plugin_kit import fixture_settings
from enforcerules.deadlines import DeadlineKind
from enforcerules.kinds import TaskDeadline
from enforcerules_datong import model, plan

S = er.Status
D = dt.date
ONE_DAY = dt.timedelta(days=1)
LATE_AS_OF = D(2026, 11, 23)

#: Who each scope binds among Datong's units (see conftest.UNITS): never the
#: district or township government, a township 司法所 or the city bureau.
OWNERS = {
    model.DEPARTMENTS: {"market", "eco"},
    model.BUREAU: {"justice"},
    model.DEPARTMENTS_AND_BUREAU: {"justice", "market", "eco"},
    # the bodies a task names beside them (Scope.named): district ones only, never 淮南市财政局
    model.naming(model.BUREAU, *model.DATA_BUREAU): {"justice", "data"},
    model.naming(model.DEPARTMENTS_AND_BUREAU, *model.DEVELOPMENT_REFORM, *model.DATA_BUREAU): {"justice", "market", "eco", "ndrc", "data"},
    model.naming(model.DEPARTMENTS, *model.FINANCE_BUREAU): {"market", "eco", "finance"},
}


def _task_rules() -> list[tuple[str, str, er.Rule]]:
    book = er.load_rulebook("datong")
    rows = []
    for clause, task in plan.TASKS.items():
        for rule_id in (r for r in task.rules if r in book):  # presence: test_plan_declarations
            resolved = book.get(rule_id)
            if resolved.jurisdiction == "datong" and isinstance(resolved.rule.spec, TaskDeadline):
                rows.append((clause, rule_id, resolved.rule))
    rows += [("三（二）", r.id, r) for r in (plan.MIDTERM_EVALUATION, plan.FINAL_EVALUATION)]
    return rows


ROWS = _task_rules()
IDS = [f"{c.strip('（）')}-{rid}" for c, rid, _ in ROWS]
DATED = [(rid, r) for _, rid, r in ROWS if r.spec.deadline.kind is DeadlineKind.FIXED]
UNDATED = [(rid, r) for _, rid, r in ROWS if r.spec.deadline.kind is not DeadlineKind.FIXED]
dated = pytest.mark.parametrize(("rule_id", "rule"), DATED, ids=[rid for rid, _ in DATED])
undated = pytest.mark.parametrize(("rule_id", "rule"), UNDATED, ids=[rid for rid, _ in UNDATED])


def _owners(rule: er.Rule) -> set[str]:
    # The problem list keeps the national scope: every enforcement unit.
    return OWNERS.get(rule.scope, {"market", "eco"})


def test_every_task_rule_of_datong_is_checked_here() -> None:
    assert len(DATED) + len(UNDATED) == len(ROWS) >= 40
    assert {rid for rid, _ in DATED} >= {"national.rectification.problem_list", "datong.evaluation.midterm"}


@pytest.mark.parametrize(("clause", "rule_id", "rule"), ROWS, ids=IDS)
def test_task_binds_exactly_the_units_the_plan_names(run, make_doc, clause, rule_id, rule) -> None:
    subjects = {f.subject for f in run(rule_id, make_doc(), LATE_AS_OF)}
    assert subjects == _owners(rule)


@dated
def test_dated_task_due_day_on_time_next_day_late(run, status, make_doc, rule_id, rule) -> None:
    due = rule.spec.deadline.due()
    for unit in _owners(rule):
        on_time = run(rule_id, make_doc([(rule.spec.task, unit, due.isoformat())]), LATE_AS_OF)
        late = run(rule_id, make_doc([(rule.spec.task, unit, (due + ONE_DAY).isoformat())]), LATE_AS_OF)
        assert status(on_time, unit) is S.COMPLIANT
        assert status(late, unit) is S.LATE


@dated
def test_dated_task_pending_through_the_due_day_violation_after(run, status, make_doc, rule_id, rule) -> None:
    due = rule.spec.deadline.due()
    unit = sorted(_owners(rule))[0]
    assert status(run(rule_id, make_doc(), due), unit) is S.PENDING
    assert status(run(rule_id, make_doc(), due + ONE_DAY), unit) is S.VIOLATION


@dated
@fixture_settings(25)
@given(offset=st.integers(min_value=-700, max_value=700))
def test_dated_task_completed_on_or_before_due_is_compliant_after_is_late(run, status, make_doc, rule_id, rule, offset) -> None:
    due = rule.spec.deadline.due()
    unit = sorted(_owners(rule))[0]
    done = due + dt.timedelta(days=offset)
    as_of = due + dt.timedelta(days=701)  # every completion day is known by then
    finding = status(run(rule_id, make_doc([(rule.spec.task, unit, done.isoformat())]), as_of), unit)
    assert finding is (S.COMPLIANT if offset <= 0 else S.LATE)


@dated
def test_dated_task_report_after_the_as_of_day_is_not_yet_known(run, status, make_doc, rule_id, rule) -> None:
    due = rule.spec.deadline.due()
    unit = sorted(_owners(rule))[0]
    facts = make_doc([(rule.spec.task, unit, due.isoformat())])
    assert status(run(rule_id, facts, due - ONE_DAY), unit) is S.PENDING


@undated
def test_standing_task_pending_until_work_is_reported(run, status, make_doc, rule_id, rule) -> None:
    for unit in _owners(rule):
        assert status(run(rule_id, make_doc(), LATE_AS_OF), unit) is S.PENDING


@undated
@fixture_settings(25)
@given(done=st.dates(min_value=D(2023, 8, 9), max_value=D(2026, 11, 23)), wait=st.integers(min_value=0, max_value=900))
def test_standing_task_is_never_late_once_reported(run, status, make_doc, rule_id, rule, done, wait) -> None:
    unit = sorted(_owners(rule))[0]
    as_of = max(done + dt.timedelta(days=wait), model.PERIOD.start)  # work reported before the plan counts
    assert status(run(rule_id, make_doc([(rule.spec.task, unit, done.isoformat())]), as_of), unit) is S.COMPLIANT


OWN = [(c, rid, r) for c, rid, r in ROWS if rid.startswith("datong.")]


@pytest.mark.parametrize(("clause", "rule_id", "rule"), OWN, ids=[rid for _, rid, _ in OWN])
def test_task_applies_from_the_plans_issue_day_not_before(run, status, make_doc, clause, rule_id, rule) -> None:
    # Issued 2024-03-25: the day before, the rule is not yet in effect; from that day it binds.
    assert rule.effective == er.Period(D(2024, 3, 25), D(2025, 12, 31))
    before = run(rule_id, make_doc(), D(2024, 3, 24))
    assert [(f.subject, f.status) for f in before] == [("*", S.OUT_OF_PERIOD)]
    unit = sorted(_owners(rule))[0]
    assert status(run(rule_id, make_doc(), D(2024, 3, 25)), unit) is S.PENDING


def test_a_report_of_another_unit_does_not_count(run, status, make_doc) -> None:
    rule_id = "datong.cooperation.cooperation_mechanism"  # （23）
    findings = run(rule_id, make_doc([("enforcement_cooperation_mechanism", "market", "2025-03-01")]), LATE_AS_OF)
    assert status(findings, "market") is S.COMPLIANT
    assert status(findings, "eco") is S.VIOLATION
