"""Task 3: 60 hours a year with 30 + 30 inside them; full-staff rotation by the end of June 2024."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from enforcerules import DeadlinePolicy, Intent, Status, TrainingCategory

HOURS = "national.training.annual_hours"
ROTATION = "national.training.full_staff_rotation"
OFFICER = [{"id": "o1", "unit": "ls_market", "hired_on": "2020-01-01"}]


def _doc(train, **hours: float) -> dict:
    return {"officers": OFFICER, "training": train("o1", 2024, **hours)}


def test_3_sixty_hours_with_29_5_public_law_is_a_violation_in_shanxi_not_nationally(shanxi, national, status_of, train, engine) -> None:
    doc = _doc(train, public_law=29.5, business=20, enforcement_skills=10.5)
    assert status_of(shanxi, HOURS, doc, "o1", "2024", engine=engine) is Status.VIOLATION
    assert status_of(national, HOURS, doc, "o1", "2024", engine=engine) is Status.COMPLIANT


def test_3_thirty_public_law_and_thirty_business_and_skills_is_compliant(shanxi, status_of, train, engine) -> None:
    doc = _doc(train, public_law=30, business=15, enforcement_skills=15)
    assert status_of(shanxi, HOURS, doc, "o1", "2024", engine=engine) is Status.COMPLIANT


def test_3_business_and_skills_count_together_and_29_5_of_them_falls_short(shanxi, status_of, train, engine) -> None:
    doc = _doc(train, public_law=30.5, business=15, enforcement_skills=14.5)
    assert status_of(shanxi, HOURS, doc, "o1", "2024", engine=engine) is Status.VIOLATION


def test_3_political_theory_hours_do_not_fill_either_floor(shanxi, status_of, train, engine) -> None:
    doc = _doc(train, public_law=30, business=29, political_theory=40)
    assert status_of(shanxi, HOURS, doc, "o1", "2024", engine=engine) is Status.VIOLATION


def test_3_a_shortfall_is_pending_until_the_year_ends(shanxi, status_of, train, engine) -> None:
    doc = _doc(train, public_law=10, business=30)
    assert status_of(shanxi, HOURS, doc, "o1", "2024", as_of=dt.date(2024, 12, 31), engine=engine) is Status.PENDING
    assert status_of(shanxi, HOURS, doc, "o1", "2024", as_of=dt.date(2025, 1, 1), engine=engine) is Status.VIOLATION


def test_3_explanation_names_the_split_that_falls_short(shanxi, run, train) -> None:
    doc = _doc(train, public_law=29.5, business=30.5)
    (finding,) = [f for f in run(shanxi, HOURS, doc) if f.period == "2024"]
    assert "公共法律知识" in finding.explanation_zh and "29.5" in finding.explanation_zh
    assert "业务知识和行政执法技能" not in finding.explanation_zh


def test_3_compliant_explanation_mentions_every_floor_checked(shanxi, run, train) -> None:
    doc = _doc(train, public_law=30, business=15, enforcement_skills=15)
    (finding,) = [f for f in run(shanxi, HOURS, doc) if f.period == "2024"]
    assert finding.status is Status.COMPLIANT
    zh = finding.explanation_zh
    assert "不少于60学时" in zh and "公共法律知识30学时，达到不少于30学时" in zh and "业务知识和行政执法技能30学时，达到不少于30学时" in zh


def test_3_a_shortfall_of_a_millionth_in_a_split_is_a_shortfall(shanxi, status_of, train, engine) -> None:
    short = _doc(train, public_law=29.999999, business=30.000001)
    assert status_of(shanxi, HOURS, short, "o1", "2024", engine=engine) is Status.VIOLATION
    met = _doc(train, public_law=30, business=30)
    assert status_of(shanxi, HOURS, met, "o1", "2024", engine=engine) is Status.COMPLIANT


@settings(max_examples=60, deadline=None)
@given(public=st.integers(2900, 3100), business=st.integers(0, 3100), skills=st.integers(0, 3100))
def test_3_compliant_exactly_when_both_floors_and_the_total_are_met(shanxi, status_of, train, engine, public, business, skills) -> None:
    doc = _doc(train, public_law=public / 100, business=business / 100, enforcement_skills=skills / 100)
    met = public >= 3000 and business + skills >= 3000 and public + business + skills >= 6000
    expected = Status.COMPLIANT if met else Status.VIOLATION
    assert status_of(shanxi, HOURS, doc, "o1", "2024", engine=engine) is expected


def test_3_hours_override_is_a_declared_tightening_with_the_shanxi_quote(shanxi) -> None:
    rule = shanxi.get(HOURS)
    assert rule.declared_by == "national" and rule.overridden_by == ("shanxi",)
    record = rule.overrides[0]
    assert record.intent is Intent.TIGHTEN and record.previous.spec.splits == ()
    assert rule.rule.spec.min_hours == record.previous.spec.min_hours == 60
    assert [(s.categories, s.min_hours) for s in rule.rule.spec.splits] == [
        ((TrainingCategory.PUBLIC_LAW,), 30),
        ((TrainingCategory.BUSINESS, TrainingCategory.ENFORCEMENT_SKILLS), 30),
    ]
    assert rule.rule.citation.document == "shanxi-2023-plan" and rule.rule.citation.clause == "3"
    assert "其中公共法律知识培训不少于30学时" in rule.rule.citation.quote


# -- 全员轮训: "原则上于2024年6月底前" -------------------------------------------------

def _rotation(day: str | None) -> dict:
    return {"task_reports": [{"id": "r1", "task": "full_staff_rotation", "unit": "ls_market", "completed_on": day}] if day else []}


def test_3_rotation_done_on_30_june_2024_is_on_time_under_every_policy(shanxi, status_of, engine) -> None:
    for policy in (DeadlinePolicy(), DeadlinePolicy.strict()):
        assert status_of(shanxi, ROTATION, _rotation("2024-06-30"), "ls_market", engine=engine, policy=policy) is Status.COMPLIANT


def test_3_rotation_on_1_july_2024_is_late(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, ROTATION, _rotation("2024-07-01"), "ls_market", engine=engine) is Status.LATE


def test_3_rotation_on_30_june_is_late_nationally_only_under_the_strict_reading(shanxi, national, status_of, engine) -> None:
    doc = _rotation("2024-06-30")
    assert status_of(national, ROTATION, doc, "ls_market", engine=engine) is Status.COMPLIANT
    assert status_of(national, ROTATION, doc, "ls_market", engine=engine, policy=DeadlinePolicy.strict()) is Status.LATE
    assert status_of(shanxi, ROTATION, doc, "ls_market", engine=engine, policy=DeadlinePolicy.strict()) is Status.COMPLIANT


def test_3_rotation_not_reported_is_pending_to_the_deadline_then_a_violation(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, ROTATION, _rotation(None), "ls_market", as_of=dt.date(2024, 6, 30), engine=engine) is Status.PENDING
    assert status_of(shanxi, ROTATION, _rotation(None), "ls_market", as_of=dt.date(2024, 7, 1), engine=engine) is Status.VIOLATION


def test_3_rotation_override_is_declared_relax_same_date_by_default_later_than_strict(shanxi) -> None:
    rule = shanxi.get(ROTATION)
    (record,) = rule.overrides
    assert record.jurisdiction == "shanxi" and record.intent is Intent.RELAX
    assert record.previous.spec.deadline.phrase == "2024年6月前"
    assert rule.rule.spec.deadline.phrase == "2024年6月底前"
    default, strict = DeadlinePolicy(), DeadlinePolicy.strict()
    assert rule.rule.spec.due_date(default) == record.previous.spec.due_date(default) == dt.date(2024, 6, 30)
    assert record.previous.spec.due_date(strict) == dt.date(2024, 5, 31) < rule.rule.spec.due_date(strict)
    assert "RELAX" in record.note and "strict" in record.note


CST_MIDNIGHT_1_JULY = dt.datetime(2024, 7, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@settings(max_examples=40, deadline=None)
@given(
    minutes=st.integers(-600, 600),
    zone=st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=-5)), dt.timezone(dt.timedelta(hours=9)), dt.timezone(dt.timedelta(hours=8))]),
)
def test_3_rotation_deadline_is_the_end_of_30_june_china_time_from_any_zone(shanxi, status_of, engine, minutes, zone) -> None:
    instant = CST_MIDNIGHT_1_JULY + dt.timedelta(minutes=minutes)
    doc = {"task_reports": [{"id": "r1", "task": "full_staff_rotation", "unit": "ls_market", "completed_on": instant.astimezone(zone).isoformat()}]}
    expected = Status.COMPLIANT if instant < CST_MIDNIGHT_1_JULY else Status.LATE
    assert status_of(shanxi, ROTATION, doc, "ls_market", engine=engine) is expected
    # The as-of instant is read in China time too: pending up to the end of 30 June, then a violation.
    as_of = instant.astimezone(zone)
    expected_open = Status.PENDING if instant < CST_MIDNIGHT_1_JULY else Status.VIOLATION
    assert status_of(shanxi, ROTATION, {}, "ls_market", as_of=as_of, engine=engine) is expected_open
