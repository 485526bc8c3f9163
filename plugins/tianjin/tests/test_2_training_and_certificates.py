"""二、全面提升行政执法人员能力素质: rotation (二（二）1), two trainings a year for township
officers (二（二）2), the public-law exam and 60 hours (二（二）3), no enforcement without a
certificate (二（三）1)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import enforcerules as er
from enforcerules import DeadlinePolicy, Intent, Level, Status, UnitKind
from enforcerules.testing import assert_inherited

ROTATION = "national.training.full_staff_rotation"
TWICE = "tianjin.training.township_business_training"
EXAM = "tianjin.certificates.public_law_exam"
CERTIFIED = "national.certificates.independent_enforcement"


# -- 二（二）1 全员轮训 "2024年6月底前" --------------------------------------------------

def _rotation(day: str | None) -> dict:
    return {"task_reports": [{"id": "r1", "task": "full_staff_rotation", "unit": "hp_market", "completed_on": day}] if day else []}


def test_2_2_1_rotation_by_30_june_2024_under_every_policy(tianjin, status_of, engine) -> None:
    for policy in (DeadlinePolicy(), DeadlinePolicy.strict()):
        assert status_of(tianjin, ROTATION, _rotation("2024-06-30"), "hp_market", engine=engine, policy=policy) is Status.COMPLIANT
        assert status_of(tianjin, ROTATION, _rotation("2024-07-01"), "hp_market", engine=engine, policy=policy) is Status.LATE


def test_2_2_1_rotation_not_reported_is_pending_then_a_violation(tianjin, status_of, engine) -> None:
    assert status_of(tianjin, ROTATION, {}, "hp_market", as_of=dt.date(2024, 6, 30), engine=engine) is Status.PENDING
    assert status_of(tianjin, ROTATION, {}, "hp_market", as_of=dt.date(2024, 7, 1), engine=engine) is Status.VIOLATION


def test_2_2_1_rotation_override_is_declared_relax_same_date_by_default_later_than_strict(tianjin) -> None:
    rule = tianjin.get(ROTATION)
    (record,) = rule.overrides
    assert rule.declared_by == "national" and record.jurisdiction == "tianjin" and record.intent is Intent.RELAX
    default, strict = DeadlinePolicy(), DeadlinePolicy.strict()
    assert rule.rule.spec.due_date(default) == record.previous.spec.due_date(default) == dt.date(2024, 6, 30)
    assert record.previous.spec.due_date(strict) == dt.date(2024, 5, 31) < rule.rule.spec.due_date(strict)
    assert rule.rule.citation.clause == "二（二）1"


# -- 二（二）2 每年不少于2次业务培训 ------------------------------------------------------

#: Two street officers of 劝业场街道 and one district officer.
OFFICERS = [
    {"id": "twn-a", "unit": "hp_market", "hired_on": "2015-01-01", "township": True},
    {"id": "twn-b", "unit": "hp_market", "hired_on": "2015-01-01", "township": True},
    {"id": "dist-a", "unit": "hp_market", "hired_on": "2015-01-01"},
]


def _trainings(unit: str, *days: str, attendees: tuple[str, ...] = ("twn-a", "twn-b"), category: str = "business") -> dict:
    """One session per day organised by *unit*, each attended by *attendees* (one record each)."""
    records = [
        {"id": f"t{i}-{o}", "officer": o, "hours": 3, "category": category, "held_at": f"{d}T14:00:00+08:00",
         "organising_unit": unit, "session": f"s{i}"}
        for i, d in enumerate(days) for o in attendees
    ]
    return {"officers": OFFICERS, "training": records}


def test_2_2_2_two_trainings_in_a_year_is_compliant_one_is_a_violation(tianjin, status_of, engine) -> None:
    assert status_of(tianjin, TWICE, _trainings("hp_market", "2024-03-01", "2024-11-30"), "hp_market", "2024", engine=engine) is Status.COMPLIANT
    assert status_of(tianjin, TWICE, _trainings("hp_market", "2024-03-01"), "hp_market", "2024", engine=engine) is Status.VIOLATION


def test_2_2_2_a_session_counts_once_however_many_street_officers_attend(tianjin, status_of, engine) -> None:
    # one session, two attendees: two records, one training held
    assert status_of(tianjin, TWICE, _trainings("hp_market", "2024-03-01"), "hp_market", "2024", engine=engine) is Status.VIOLATION
    assert status_of(tianjin, TWICE, _trainings("hp_market", "2024-03-01", attendees=("twn-a",)), "hp_market", "2024", engine=engine) is Status.VIOLATION


def test_2_2_2_only_business_training_of_street_officers_counts(tianjin, status_of, engine) -> None:
    days = ("2024-03-01", "2024-11-30")
    assert status_of(tianjin, TWICE, _trainings("hp_market", *days, attendees=("dist-a",)), "hp_market", "2024", engine=engine) is Status.VIOLATION
    assert status_of(tianjin, TWICE, _trainings("hp_market", *days, category="public_law"), "hp_market", "2024", engine=engine) is Status.VIOLATION
    assert status_of(tianjin, TWICE, _trainings("hp_market", *days, attendees=("dist-a", "twn-b")), "hp_market", "2024", engine=engine) is Status.COMPLIANT


def test_2_2_2_a_training_counts_for_the_year_it_is_held_in(tianjin, status_of, engine) -> None:
    doc = _trainings("hp_market", "2024-12-31", "2025-01-01")
    assert status_of(tianjin, TWICE, doc, "hp_market", "2024", engine=engine) is Status.VIOLATION
    assert status_of(tianjin, TWICE, doc, "hp_market", "2025", engine=engine) is Status.VIOLATION


def test_2_2_2_fewer_than_two_is_pending_until_the_year_ends(tianjin, status_of, engine) -> None:
    doc = _trainings("hp_market", "2024-03-01")
    assert status_of(tianjin, TWICE, doc, "hp_market", "2024", as_of=dt.date(2024, 12, 31), engine=engine) is Status.PENDING


@settings(max_examples=30, deadline=None)
@given(count=st.integers(0, 4))
def test_2_2_2_compliant_exactly_from_two_trainings(tianjin, status_of, engine, count) -> None:
    doc = _trainings("hp_market", *[f"2025-0{m + 1}-15" for m in range(count)])
    expected = Status.COMPLIANT if count >= 2 else Status.VIOLATION
    assert status_of(tianjin, TWICE, doc, "hp_market", "2025", engine=engine) is expected


def test_2_2_2_binds_district_enforcement_departments_only(tianjin, run, engine) -> None:
    subjects = {f.subject for f in run(tianjin, TWICE, {}, engine=engine)}
    assert subjects == {"hp_market"}
    rule = tianjin.get(TWICE)
    assert rule.declared_by == "tianjin"
    assert rule.rule.scope.unit_kinds == (UnitKind.ENFORCEMENT,) and rule.rule.scope.levels == (Level.COUNTY,)
    assert rule.rule.spec.min_sessions == 2 and rule.rule.spec.township_audience


def test_2_2_2_years_before_the_plan_are_out_of_period(tianjin, status_of, engine) -> None:
    doc = _trainings("hp_market", "2022-05-01")
    assert status_of(tianjin, TWICE, doc, "hp_market", "2022", engine=engine) is Status.OUT_OF_PERIOD


def test_2_2_2_the_issue_year_2023_is_out_of_period_and_2024_is_the_first_year_assessed(tianjin, run, status_of, engine) -> None:
    # Issued 2023-11-04: too late for two trainings in 2023, so the duty starts with 2024.
    none_in_2023 = _trainings("hp_market", "2024-03-01", "2024-11-30")
    assert {f.period for f in run(tianjin, TWICE, none_in_2023, engine=engine)} == {"2024", "2025"}
    assert status_of(tianjin, TWICE, none_in_2023, "hp_market", "2024", engine=engine) is Status.COMPLIANT
    one_in_2024 = _trainings("hp_market", "2023-12-31", "2024-01-01")
    assert status_of(tianjin, TWICE, one_in_2024, "hp_market", "2023", engine=engine) is Status.OUT_OF_PERIOD
    assert status_of(tianjin, TWICE, one_in_2024, "hp_market", "2024", engine=engine) is Status.VIOLATION
    assert tianjin.get(TWICE).rule.effective.start == dt.date(2024, 1, 1)


# -- 二（二）3 公共法律知识考试; 60学时 ------------------------------------------------------

def _certificate(exam: str | None, issued: str = "2024-03-01") -> dict:
    return {
        "officers": [{"id": "o1", "unit": "hp_market", "hired_on": "2024-01-02"}],
        "certificates": [{"id": "c1", "officer": "o1", "issued_on": issued, "exam_passed_on": exam}],
    }


def test_2_2_3_no_passed_exam_no_qualification(tianjin, status_of, engine) -> None:
    assert status_of(tianjin, EXAM, _certificate(None), "c1", engine=engine) is Status.VIOLATION
    assert status_of(tianjin, EXAM, _certificate("2024-03-02"), "c1", engine=engine) is Status.VIOLATION


def test_2_2_3_exam_passed_by_the_issue_day_is_compliant_without_any_training(tianjin, status_of, engine) -> None:
    assert status_of(tianjin, EXAM, _certificate("2024-03-01"), "c1", engine=engine) is Status.COMPLIANT
    spec = tianjin.get(EXAM).rule.spec
    assert spec.require_exam is True and spec.require_training is False


def test_2_2_3_sixty_hours_are_the_inherited_national_rule(tianjin, national) -> None:
    rule = assert_inherited(tianjin, "national.training.annual_hours")
    assert rule.rule == national.get("national.training.annual_hours").rule


# -- 二（三）1 未取得行政执法证件的人员不得从事行政执法工作 -----------------------------------

def _case(*officers: tuple[str, bool]) -> dict:
    return {
        "officers": [{"id": o, "unit": "hp_market", "hired_on": "2020-01-01"} for o, _ in officers],
        "certificates": [
            {"id": f"cert-{o}", "officer": o, "issued_on": "2020-06-01", "exam_passed_on": "2020-05-01"} for o, ok in officers if ok
        ],
        "cases": [{"id": "case1", "unit": "hp_market", "decided_on": "2024-09-10", "handling_officers": [o for o, _ in officers]}],
    }


def test_2_3_1_one_certified_and_one_uncertified_officer_is_a_violation_in_tianjin_only(tianjin, national, status_of, engine) -> None:
    doc = _case(("o1", True), ("o2", False))
    assert status_of(tianjin, CERTIFIED, doc, "case1", engine=engine) is Status.VIOLATION
    assert status_of(national, CERTIFIED, doc, "case1", engine=engine) is Status.COMPLIANT


def test_2_3_1_every_handling_officer_certified_is_compliant(tianjin, status_of, engine) -> None:
    assert status_of(tianjin, CERTIFIED, _case(("o1", True), ("o2", True)), "case1", engine=engine) is Status.COMPLIANT


def test_2_3_1_the_tianjin_reading_applies_from_the_issue_day_and_the_national_one_before(tianjin, national, status_of, engine) -> None:
    # rulebook.resolve: Tianjin's override takes effect on 2023-11-04; before it the national
    # rule governs (kept as <id>.before_tianjin): one officer of two uncertified is fine then.
    doc = _case(("o1", True), ("o2", False))
    before = f"{CERTIFIED}.before_tianjin"
    for day in ("2023-08-09", "2023-11-03"):
        doc["cases"][0]["decided_on"] = day
        assert status_of(tianjin, CERTIFIED, doc, "case1", engine=engine) is Status.OUT_OF_PERIOD
        assert status_of(tianjin, before, doc, "case1", engine=engine) is Status.COMPLIANT
        assert status_of(national, CERTIFIED, doc, "case1", engine=engine) is Status.COMPLIANT
    for day in ("2023-11-04", "2023-11-05"):
        doc["cases"][0]["decided_on"] = day
        assert status_of(tianjin, CERTIFIED, doc, "case1", engine=engine) is Status.VIOLATION
        assert status_of(tianjin, before, doc, "case1", engine=engine) is Status.OUT_OF_PERIOD
        assert status_of(national, CERTIFIED, doc, "case1", engine=engine) is Status.COMPLIANT
    assert tianjin.get(CERTIFIED).rule.effective.start == dt.date(2023, 11, 4)
    assert tianjin.get(before).rule.effective == er.Period(dt.date(2023, 8, 9), dt.date(2023, 11, 3))
    assert tianjin.get(before).rule.spec == national.get(CERTIFIED).rule.spec


def test_2_3_1_certificate_override_is_a_declared_tightening(tianjin) -> None:
    rule = tianjin.get(CERTIFIED)
    (record,) = rule.overrides
    assert rule.declared_by == "national" and record.jurisdiction == "tianjin" and record.intent is Intent.TIGHTEN
    assert record.previous.spec.all_certified is False and rule.rule.spec.all_certified is True
    assert "不得从事行政执法工作" in rule.rule.citation.quote and "独立" not in rule.rule.citation.quote
