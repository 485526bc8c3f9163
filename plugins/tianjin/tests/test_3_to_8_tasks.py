"""三 to 八: problem list and rectification (三（四）1), discretion baselines (三（五）1),
township templates (三（五）2), procedure and legal-review list (三（六）1), the three-level
supervision system (五（十一）1), the mid-term and final evaluations (八（一））."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enforcerules import DeadlinePolicy, Intent, Status

RECT_PLAN = "tianjin.rectification.rectification_plan"
RECT_REPORT = "tianjin.rectification.report"
BASELINES = "tianjin.discretion.baselines_published"
TEMPLATES = "tianjin.standards.township_document_templates"
SYSTEM = "national.supervision.four_level_system"
MID, FINAL = "tianjin.evaluation.mid_term", "tianjin.evaluation.final"
DELEGATION, NATIONAL_DELEGATION = "tianjin.delegation.evaluation", "national.delegation.evaluation"


def _report(task: str, unit: str, day: str) -> dict:
    return {"task_reports": [{"id": f"{task}-{unit}", "task": task, "unit": unit, "completed_on": day}]}


#: (rule, task key, unit bound, last day on time) for every dated Tianjin task.
DATED = [
    (RECT_PLAN, "rectification_plan", "hp_market", dt.date(2023, 12, 31)),
    (RECT_REPORT, "rectification_report", "hp_market", dt.date(2024, 6, 30)),
    (BASELINES, "discretion_baselines_published", "tj_market", dt.date(2023, 12, 31)),
    (TEMPLATES, "township_document_templates", "tj_justice", dt.date(2024, 12, 31)),
    (SYSTEM, "supervision_system", "hp_gov", dt.date(2024, 12, 31)),
    (DELEGATION, "delegation_evaluation", "hp_market", dt.date(2024, 12, 31)),
    (DELEGATION, "delegation_evaluation", "tj_market", dt.date(2024, 12, 31)),
    (NATIONAL_DELEGATION, "delegation_evaluation", "hp_gov", dt.date(2024, 12, 31)),
    (MID, "mid_term_evaluation", "tj_justice", dt.date(2024, 10, 31)),
    (FINAL, "final_evaluation", "tj_justice", dt.date(2025, 10, 31)),
]


@pytest.mark.parametrize(("rule_id", "task", "unit", "due"), DATED, ids=[f"{d[0]}-{d[2]}" for d in DATED])
def test_dated_tasks_on_the_last_day_are_on_time_and_the_day_after_late(tianjin, status_of, engine, rule_id, task, unit, due) -> None:
    on_time, late = due.isoformat(), (due + dt.timedelta(days=1)).isoformat()
    assert status_of(tianjin, rule_id, _report(task, unit, on_time), unit, engine=engine) is Status.COMPLIANT
    assert status_of(tianjin, rule_id, _report(task, unit, late), unit, engine=engine) is Status.LATE
    assert status_of(tianjin, rule_id, {}, unit, as_of=due, engine=engine) is Status.PENDING
    assert status_of(tianjin, rule_id, {}, unit, as_of=due + dt.timedelta(days=1), engine=engine) is Status.VIOLATION
    assert tianjin.get(rule_id).rule.spec.due_date(DeadlinePolicy.strict()) == due


def test_3_4_1_rectification_plan_is_due_with_the_problem_list(tianjin) -> None:
    policy = DeadlinePolicy()
    assert tianjin.get(RECT_PLAN).rule.spec.due_date(policy) == tianjin.get("national.rectification.problem_list").rule.spec.due_date(policy)
    assert tianjin.get("national.rectification.problem_list").overrides == ()


def test_3_5_1_baselines_established_but_not_published_fall_short_in_tianjin_only(tianjin, national, status_of, engine) -> None:
    doc = _report("discretion_baselines", "tj_market", "2023-12-01")
    national_rule = "national.discretion.baselines"
    assert status_of(tianjin, national_rule, doc, "tj_market", engine=engine) is Status.COMPLIANT
    assert status_of(national, national_rule, doc, "tj_market", engine=engine) is Status.COMPLIANT
    assert status_of(tianjin, BASELINES, doc, "tj_market", engine=engine) is Status.VIOLATION


def test_3_5_1_publication_is_added_beside_the_inherited_national_rule(tianjin, national) -> None:
    added, inherited = tianjin.get(BASELINES), tianjin.get("national.discretion.baselines")
    assert added.declared_by == "tianjin" and added.overrides == ()
    assert inherited.overrides == () and inherited.rule == national.get("national.discretion.baselines").rule
    assert added.rule.spec.deadline == inherited.rule.spec.deadline
    assert added.rule.spec.task != inherited.rule.spec.task and "对外公布" in added.rule.citation.quote


def test_3_5_2_templates_bind_the_municipal_justice_unit_only(tianjin, run, engine) -> None:
    assert {f.subject for f in run(tianjin, TEMPLATES, {}, engine=engine)} == {"tj_justice"}


@pytest.mark.parametrize(("rule_id", "unit"), [("tianjin.procedure.township_procedure", "tj_justice"), ("tianjin.procedure.legal_review_list", "hp_market")])
def test_3_6_1_undated_tasks_are_compliant_once_reported_and_never_late(tianjin, status_of, engine, rule_id, unit) -> None:
    task = tianjin.get(rule_id).rule.spec.task
    assert status_of(tianjin, rule_id, _report(task, unit, "2026-01-05"), unit, engine=engine) is Status.COMPLIANT
    assert status_of(tianjin, rule_id, {}, unit, engine=engine) is Status.PENDING
    assert tianjin.get(rule_id).rule.spec.due_date(DeadlinePolicy()) is None


def test_4_8_1_enforcement_departments_evaluate_the_delegated_items_beside_the_governments(tianjin, national, run, engine) -> None:
    # 行政执法部门 (the sentence's subject) are bound by the Tianjin rule; the national rule,
    # binding the governments, stays inherited with the same key and date.
    assert {f.subject for f in run(tianjin, DELEGATION, {}, engine=engine)} == {"tj_market", "hp_market"}
    assert {f.subject for f in run(tianjin, NATIONAL_DELEGATION, {}, engine=engine)} == {"tj_gov", "hp_gov"}
    added, inherited = tianjin.get(DELEGATION), tianjin.get(NATIONAL_DELEGATION)
    assert added.declared_by == "tianjin" and added.overrides == ()
    assert inherited.overrides == () and inherited.rule == national.get(NATIONAL_DELEGATION).rule
    assert added.rule.spec == inherited.rule.spec
    assert added.rule.citation.clause == "四（八）1" and added.rule.citation.quote.startswith("行政执法部门2024年底前")


def test_4_8_1_a_government_report_does_not_discharge_a_department(tianjin, status_of, engine) -> None:
    doc = _report("delegation_evaluation", "hp_gov", "2024-12-01")
    assert status_of(tianjin, NATIONAL_DELEGATION, doc, "hp_gov", engine=engine) is Status.COMPLIANT
    assert status_of(tianjin, DELEGATION, doc, "hp_market", engine=engine) is Status.VIOLATION


def test_5_11_1_three_level_system_replaces_the_four_level_one(tianjin, run, engine) -> None:
    rule = tianjin.get(SYSTEM)
    (record,) = rule.overrides
    assert rule.declared_by == "national" and record.jurisdiction == "tianjin" and record.intent is Intent.REPLACE
    assert "四级" in record.previous.citation.quote and "三级" in rule.rule.citation.quote
    assert "三级" in rule.rule.title_zh and rule.rule.spec == record.previous.spec
    assert {f.subject for f in run(tianjin, SYSTEM, {}, engine=engine)} == {"tj_gov", "hp_gov"}


def test_8_1_evaluations_are_dated_by_the_end_of_october(tianjin) -> None:
    policy = DeadlinePolicy()
    assert tianjin.get(MID).rule.spec.due_date(policy) == dt.date(2024, 10, 31)
    assert tianjin.get(FINAL).rule.spec.due_date(policy) == dt.date(2025, 10, 31)
    assert tianjin.get(MID).rule.responsible == ("市司法局",)


CST = dt.timezone(dt.timedelta(hours=8))


@settings(max_examples=40, deadline=None)
@given(
    stage=st.sampled_from([(MID, "mid_term_evaluation", dt.date(2024, 10, 31)), (FINAL, "final_evaluation", dt.date(2025, 10, 31))]),
    minutes=st.integers(-600, 600),
    zone=st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=-5)), dt.timezone(dt.timedelta(hours=9)), CST]),
)
def test_8_1_evaluation_deadlines_end_at_midnight_china_time_from_any_zone(tianjin, status_of, engine, stage, minutes, zone) -> None:
    rule_id, task, due = stage
    midnight = dt.datetime.combine(due + dt.timedelta(days=1), dt.time(), CST)
    instant = midnight + dt.timedelta(minutes=minutes)
    doc = {"task_reports": [{"id": "r1", "task": task, "unit": "tj_justice", "completed_on": instant.astimezone(zone).isoformat()}]}
    expected = Status.COMPLIANT if instant < midnight else Status.LATE
    assert status_of(tianjin, rule_id, doc, "tj_justice", engine=engine) is expected


# -- 二（二）1 应知应会清单, 五（十二）2 明确监督机构: undated, never late -------------------------

MUST_KNOW, SUPERVISION_BODY = "tianjin.training.must_know_list", "tianjin.supervision.supervision_body"


@pytest.mark.parametrize(("rule", "task", "unit"), [
    (MUST_KNOW, "must_know_list", "tj_market"), (MUST_KNOW, "must_know_list", "hp_market"),
    (SUPERVISION_BODY, "supervision_body", "hp_market"),
])
def test_2_2_1_and_5_12_2_undated_duties_are_compliant_once_reported_and_never_late(tianjin, status_of, engine, rule, task, unit) -> None:
    assert status_of(tianjin, rule, _report(task, unit, "2025-11-30"), unit, engine=engine) is Status.COMPLIANT
    assert status_of(tianjin, rule, {}, unit, engine=engine) is Status.PENDING
    assert status_of(tianjin, rule, {}, unit, as_of=dt.date(2030, 1, 1), engine=engine) is Status.PENDING


def test_2_2_1_the_must_know_list_binds_municipal_and_district_enforcement_departments(tianjin, run, engine) -> None:
    assert {f.subject for f in run(tianjin, MUST_KNOW, {}, engine=engine)} == {"tj_market", "hp_market"}
    assert {f.subject for f in run(tianjin, SUPERVISION_BODY, {}, engine=engine)} == {"tj_market", "hp_market"}


def test_4_7_2_an_item_without_legal_basis_is_cancelled_at_once(tianjin, status_of, engine) -> None:
    item = {"id": "i1", "unit": "hp_market", "name": "对某类活动的备案核查", "basis": "none"}
    rule = "tianjin.catalogue.no_legal_basis"
    assert status_of(tianjin, rule, {"items": [item]}, "i1", engine=engine) is Status.VIOLATION
    cancelled = {**item, "opinion": "cancel", "opinion_on": "2024-01-10"}
    assert status_of(tianjin, rule, {"items": [cancelled]}, "i1", engine=engine) is Status.COMPLIANT
