"""Who is bound from when (rulebook.resolve; docs/deadlines-and-periods.md "Effective periods").

Each clause on both sides of its boundary: a local plan's rules start on its own
issue day, the parent's rule governs the days before, one first-year policy for
yearly duties with a switch.
"""

from __future__ import annotations

import datetime as dt

import pytest

import enforcerules as er
from enforcerules.kinds import AnnualTrainingHours, CertifiedHandling, TaskDeadline

from _support import registry_with

D = dt.date
PUBLIC, BUSINESS = er.TrainingCategory.PUBLIC_LAW, er.TrainingCategory.BUSINESS
ROOT_DOC = er.SourceDocument("root-plan", "根方案", "国务院办公厅", issued_on=D(2023, 8, 9))
LOCAL_DOC = er.SourceDocument("local-plan", "地方方案", "某省人民政府办公厅", issued_on=D(2023, 11, 4))
UNDATED_DOC = er.SourceDocument("undated-plan", "未署日期方案", "某省人民政府办公厅")


def _rule(rule_id: str, spec: object, subject: er.Subject, doc: str = "root-plan") -> er.Rule:
    return er.Rule(id=rule_id, title_zh="规则", title_en="rule", citation=er.Citation(doc, "一", "条文"),
                   spec=spec, scope=er.Scope(subject))


HOURS = _rule("root.training.hours", AnnualTrainingHours(min_hours=60, counted=(PUBLIC, BUSINESS)), er.Subject.OFFICER)
CERT = _rule("root.certificates.handling", CertifiedHandling(), er.Subject.CASE)
EARLY_TASK = _rule("root.task.early", TaskDeadline(task="early", deadline="2023年10月底前"), er.Subject.UNIT)
LATE_TASK = _rule("root.task.late", TaskDeadline(task="late", deadline="2024年底前"), er.Subject.UNIT)
ROOT = er.Jurisdiction(id="root", name_zh="全国", name_en="Root", level=er.Level.NATIONAL, documents=(ROOT_DOC,),
                       rules=(HOURS, CERT, EARLY_TASK, LATE_TASK))


def _local(doc: er.SourceDocument = LOCAL_DOC) -> er.Jurisdiction:
    cite = er.Citation(doc.id, "二", "条文")
    return er.Jurisdiction(
        id="local", name_zh="某省", name_en="Local", level=er.Level.PROVINCE, parent="root", documents=(doc,),
        overrides=(
            er.Override(CERT.id, er.Intent.TIGHTEN, cite, {"all_certified": True}),
            er.Override(EARLY_TASK.id, er.Intent.RELAX, cite, {"deadline": "2024年6月底前"}),
            er.Override(LATE_TASK.id, er.Intent.TIGHTEN, cite, {"deadline": "2024年6月底前"}),
            er.Override(HOURS.id, er.Intent.TIGHTEN, cite, {"min_hours": 80}),
        ),
        rules=(_rule("local.training.more", AnnualTrainingHours(min_hours=10, counted=(PUBLIC,)), er.Subject.OFFICER, doc.id),
               _rule("local.task.own", TaskDeadline(task="own", deadline="2024年底前"), er.Subject.UNIT, doc.id)),
    )


def test_added_rules_start_on_the_local_plans_issue_day_not_before() -> None:
    book = registry_with(ROOT, _local()).rulebook("local")
    own = book.get("local.task.own").rule.effective
    assert own.start == D(2023, 11, 4) and own.start - dt.timedelta(days=1) not in own


def test_an_override_starts_on_the_local_issue_day_and_the_parents_rule_governs_the_day_before() -> None:
    book = registry_with(ROOT, _local()).rulebook("local")
    assert book.get(CERT.id).rule.effective.start == D(2023, 11, 4)
    before = book.get(f"{CERT.id}.before_local")
    assert before.rule.effective == er.Period(D(2023, 8, 9), D(2023, 11, 3))
    assert before.rule.spec == CERT.spec and before.superseded_by == CERT.id and before.jurisdiction == "root"
    assert "某省" in before.rule.title_zh


def _case_doc(day: str) -> dict:
    return {
        "units": [{"id": "u", "name": "某局", "kind": "enforcement", "level": "county"}],
        "officers": [{"id": "o1", "unit": "u", "hired_on": "2020-01-01"}, {"id": "o2", "unit": "u", "hired_on": "2020-01-01"}],
        "certificates": [{"id": "c1", "officer": "o1", "issued_on": "2020-01-01"}],
        "cases": [{"id": "k", "unit": "u", "decided_on": day, "handling_officers": ["o1", "o2"], "outcome": "penalised"}],
    }


@pytest.mark.parametrize(("day", "before", "local"), [
    ("2023-11-03", er.Status.COMPLIANT, er.Status.OUT_OF_PERIOD),
    ("2023-11-04", er.Status.OUT_OF_PERIOD, er.Status.VIOLATION),
])
def test_a_case_is_judged_by_the_text_in_force_on_its_day(day, before, local) -> None:
    book = registry_with(ROOT, _local()).rulebook("local")
    report = er.evaluate(book, er.facts_from_json(_case_doc(day)), D(2026, 1, 1))
    status = {(f.rule_id, f.subject): f.status for f in report.findings}
    assert status[(f"{CERT.id}.before_local", "k")] is before
    assert status[(CERT.id, "k")] is local


def test_a_one_off_task_due_before_the_local_plan_keeps_the_parents_rule_one_due_after_does_not() -> None:
    book = registry_with(ROOT, _local()).rulebook("local")
    assert book.get(f"{EARLY_TASK.id}.before_local").rule.spec.deadline.phrase == "2023年10月底前"
    assert f"{LATE_TASK.id}.before_local" not in book


def test_an_undated_local_plan_moves_no_period() -> None:
    book = registry_with(ROOT, _local(UNDATED_DOC)).rulebook("local")
    assert book.get(CERT.id).rule.effective == er.PLAN_PERIOD
    assert f"{CERT.id}.before_local" not in book


@pytest.mark.parametrize(("first_year", "root_start", "local_start"), [
    (er.FirstYear.FULL_YEARS, D(2024, 1, 1), D(2024, 1, 1)),
    (er.FirstYear.ISSUE_YEAR, D(2023, 8, 9), D(2023, 11, 4)),
])
def test_one_first_year_policy_for_yearly_duties_national_and_local(first_year, root_start, local_start) -> None:
    reg = registry_with(ROOT, _local())
    root, local = reg.rulebook("root", first_year=first_year), reg.rulebook("local", first_year=first_year)
    assert root.get(HOURS.id).rule.effective.start == root_start
    assert local.get("local.training.more").rule.effective.start == local_start
    assert local.get(HOURS.id).rule.effective.start == local_start
    # non-yearly rules start on the issue day under either policy
    assert local.get("local.task.own").rule.effective.start == D(2023, 11, 4)
    assert root.get(CERT.id).rule.effective.start == D(2023, 8, 9)


@pytest.mark.parametrize("first_year", list(er.FirstYear))
def test_a_yearly_duty_judges_no_year_twice(first_year) -> None:
    # FULL_YEARS: parent and local both start 2024; ISSUE_YEAR: the local text judges
    # 2023 (its issue year) in full. Either way no parent rule is kept for part of a year.
    book = registry_with(ROOT, _local()).rulebook("local", first_year=first_year)
    assert f"{HOURS.id}.before_local" not in book
    facts = er.facts_from_json({
        "units": [{"id": "u", "name": "某局", "kind": "enforcement", "level": "county"}],
        "officers": [{"id": "o1", "unit": "u", "hired_on": "2020-01-01"}],
        "training": [{"id": "t", "officer": "o1", "hours": 70, "category": "public_law", "held_at": "2023-12-01T09:00:00+08:00"}],
    })
    report = er.evaluate(book, facts, D(2026, 1, 1))
    judged = [f for f in report.findings if f.rule_id.startswith(HOURS.id) and f.period == "2023"]
    expected = er.Status.OUT_OF_PERIOD if first_year is er.FirstYear.FULL_YEARS else er.Status.VIOLATION  # 70 < 80
    assert [f.status for f in judged] == [expected]
