"""国办发〔2023〕27号 二（一）2 and 二（一）3: training hours, full-staff rotation,
township officers' higher-level training, the annual assessment."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.testing.plugin_kit import Bench, fixture_settings

S = er.Status
AS_OF = dt.date(2026, 11, 23)
HOURS = "national.training.annual_hours"
ASSESSMENT = "national.officers.annual_assessment"
TOWNSHIP = "national.training.township_higher_level"

UNITS = [
    {"id": "market", "name": "某县市场监督管理局", "kind": "enforcement", "level": "county"},
    {"id": "town_team", "name": "某镇综合行政执法队", "kind": "enforcement", "level": "township"},
]


def doc(officers: list[dict[str, Any]] | None = None, training: list[dict[str, Any]] = (), events: list[dict[str, Any]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    return {
        "units": UNITS,
        "officers": officers or [{"id": "o1", "unit": "market", "hired_on": "2020-01-01"}],
        "training": list(training),
        "events": list(events),
    }


def training(hours: float, at: str = "2024-05-10T09:00:00+08:00", category: str = "public_law", n: int = 0, officer: str = "o1") -> dict[str, Any]:
    return {"id": f"t{officer}{n}", "officer": officer, "hours": hours, "category": category, "held_at": at}


# -- 二（一）2 每人每年接受不少于60学时 ---------------------------------------------


def test_2_1_2_sixty_hours_boundary(run, status) -> None:
    short = run(HOURS, doc(training=[training(59.99)]), AS_OF)
    enough = run(HOURS, doc(training=[training(60)]), AS_OF)
    assert status(short, "o1", "2024") is S.VIOLATION
    assert status(enough, "o1", "2024") is S.COMPLIANT


@pytest.mark.parametrize(("hours", "expected"), [
    ([59.996], S.VIOLATION), ([59.999999], S.VIOLATION), ([60], S.COMPLIANT), ([60.000001], S.COMPLIANT),
    ([19.995, 19.995, 19.995], S.VIOLATION), ([20, 20, 19.999999], S.VIOLATION), ([20, 20, 20], S.COMPLIANT),
    ([19.995, 19.995, 20.01], S.COMPLIANT), ([0.1] * 600, S.COMPLIANT), ([0.1] * 599, S.VIOLATION),
])
def test_2_1_2_sixty_hours_compared_exactly_without_rounding_a_shortfall_away(run, status, hours, expected) -> None:
    findings = run(HOURS, doc(training=[training(h, n=i) for i, h in enumerate(hours)]), AS_OF)
    assert status(findings, "o1", "2024") is expected
    finding = next(f for f in findings if f.period == "2024")
    counted = dict(finding.evidence)["counted_hours"]
    assert abs(counted - sum(hours)) < 1e-6
    if expected is S.VIOLATION:  # the shortfall is reported, never as zero
        assert "少于60学时" in finding.explanation_zh and "再参加计入的培训0学时" not in finding.remedy_zh and "再参加" in finding.remedy_zh


@fixture_settings(40)
@given(micro=st.lists(st.integers(min_value=0, max_value=40 * 10**6), min_size=1, max_size=4))
def test_2_1_2_sixty_hours_at_the_millionth(run, status, micro) -> None:
    records = [training(m / 10**6, n=i) for i, m in enumerate(micro)]
    expected = S.COMPLIANT if sum(micro) >= 60 * 10**6 else S.VIOLATION
    assert status(run(HOURS, doc(training=records), AS_OF), "o1", "2024") is expected


@fixture_settings(40)
@given(centi=st.lists(st.integers(min_value=0, max_value=4000), min_size=1, max_size=5),
       categories=st.lists(st.sampled_from(["public_law", "business", "enforcement_skills"]), min_size=5, max_size=5))
def test_2_1_2_sixty_hours_counts_public_law_business_and_skills_together(run, status, centi, categories) -> None:
    records = [training(c / 100, category=categories[i], n=i) for i, c in enumerate(centi)]
    expected = S.COMPLIANT if sum(centi) >= 6000 else S.VIOLATION
    assert status(run(HOURS, doc(training=records), AS_OF), "o1", "2024") is expected


@fixture_settings(40)
@given(counted=st.integers(min_value=0, max_value=5999), political=st.integers(min_value=0, max_value=100000))
def test_2_1_2_political_theory_hours_not_counted(run, status, counted, political) -> None:
    records = [training(counted / 100), training(political / 100, category="political_theory", n=1)]
    findings = run(HOURS, doc(training=records), AS_OF)
    assert status(findings, "o1", "2024") is S.VIOLATION
    evidence = dict(next(f for f in findings if f.period == "2024").evidence)
    assert evidence["excluded_hours"] == political / 100


def test_2_1_2_pending_before_year_end_violation_after(run, status) -> None:
    facts = doc(training=[training(20, at="2025-03-01T09:00:00+08:00")])
    assert status(run(HOURS, facts, dt.date(2025, 12, 31)), "o1", "2025") is S.PENDING
    assert status(run(HOURS, facts, dt.date(2026, 1, 1)), "o1", "2025") is S.VIOLATION


def test_2_1_2_training_year_is_the_china_time_year(run, status) -> None:
    in_2024 = run(HOURS, doc(training=[training(60, at="2024-12-31T23:30:00+08:00")]), AS_OF)
    in_2025 = run(HOURS, doc(training=[training(60, at="2024-12-31T16:30:00Z")]), AS_OF)
    assert (status(in_2024, "o1", "2024"), status(in_2024, "o1", "2025")) == (S.COMPLIANT, S.VIOLATION)
    assert (status(in_2025, "o1", "2024"), status(in_2025, "o1", "2025")) == (S.VIOLATION, S.COMPLIANT)


@fixture_settings(40)
@given(minutes=st.integers(min_value=0, max_value=48 * 60 - 1), offset=st.integers(min_value=-12 * 4, max_value=14 * 4))
def test_2_1_2_year_end_boundary_in_any_time_zone(run, status, minutes, offset) -> None:
    instant = dt.datetime(2024, 12, 31, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=minutes)
    local = instant.astimezone(dt.timezone(dt.timedelta(minutes=15 * offset)))
    china_year = (instant + dt.timedelta(hours=8)).year
    findings = run(HOURS, doc(training=[training(60, at=local.isoformat())]), AS_OF)
    for year in (2024, 2025):
        assert status(findings, "o1", str(year)) is (S.COMPLIANT if year == china_year else S.VIOLATION)


def test_2_1_2_first_year_is_2024_by_default(run, status) -> None:
    # The plan was issued on 2023-08-09: by default (FirstYear.FULL_YEARS) the yearly duty
    # starts with 2024, the first calendar year after the issue day; 2023 is out of period.
    findings = run(HOURS, doc(training=[training(60, at="2023-03-01T09:00:00+08:00")]), AS_OF)
    assert status(findings, "o1", "2023") is S.OUT_OF_PERIOD
    assert status(findings, "o1", "2024") is S.VIOLATION


def test_2_1_2_first_year_switch_judges_2023_in_full(engine, status) -> None:
    book = er.load_rulebook("national", first_year=er.FirstYear.ISSUE_YEAR)
    run = Bench().runner(book, engine)
    findings = run(HOURS, doc(training=[training(60, at="2023-03-01T09:00:00+08:00")]), AS_OF)
    assert status(findings, "o1", "2023") is S.COMPLIANT
    assert status(run(HOURS, doc(), AS_OF), "o1", "2023") is S.VIOLATION


def test_2_1_2_officers_not_in_post_are_not_applicable(run, status) -> None:
    officers = [
        {"id": "o1", "unit": "market", "hired_on": "2025-03-01"},
        {"id": "o2", "unit": "market", "hired_on": "2015-03-01", "left_on": "2024-01-01", "leave_reason": "退休"},
    ]
    findings = run(HOURS, doc(officers=officers), AS_OF)
    assert status(findings, "o1", "2024") is S.NOT_APPLICABLE
    assert status(findings, "o1", "2025") is S.VIOLATION
    # in post for one day of 2024: assessed for 2024, not for 2025
    assert status(findings, "o2", "2024") is S.VIOLATION
    assert status(findings, "o2", "2025") is S.NOT_APPLICABLE


def test_2_1_2_training_of_2026_is_out_of_period(run, status) -> None:
    findings = run(HOURS, doc(training=[training(80, at="2026-04-01T09:00:00+08:00")]), AS_OF)
    assert status(findings, "o1", "2026") is S.OUT_OF_PERIOD
    assert status(findings, "o1", "2025") is S.VIOLATION


# -- 二（一）2 乡镇、街道综合执法人员要参加上级有关业务部门组织的培训 -------------------

TOWN_OFFICERS = [
    {"id": "o1", "unit": "market", "hired_on": "2020-01-01"},
    {"id": "t1", "unit": "town_team", "hired_on": "2020-01-01", "township": True},
]


def higher_level(subject: str, on: str, n: int = 0) -> dict[str, Any]:
    return {"id": f"h{subject}{n}", "kind": "higher_level_training", "subject": subject, "on": on}


def test_2_1_2_township_officers_attend_higher_level_training_each_year(run, status) -> None:
    findings = run(TOWNSHIP, doc(officers=TOWN_OFFICERS, events=[higher_level("t1", "2024-06-01")]), AS_OF)
    assert {f.subject for f in findings} == {"t1"}  # county officers are not bound
    assert status(findings, "t1", "2024") is S.COMPLIANT
    assert status(findings, "t1", "2025") is S.VIOLATION


def test_2_1_2_township_training_pending_until_year_end(run, status) -> None:
    facts = doc(officers=TOWN_OFFICERS)
    assert status(run(TOWNSHIP, facts, dt.date(2024, 12, 31)), "t1", "2024") is S.PENDING
    assert status(run(TOWNSHIP, facts, dt.date(2025, 1, 1)), "t1", "2024") is S.VIOLATION


def test_2_1_2_township_training_without_township_officers_is_insufficient_data(run) -> None:
    findings = run(TOWNSHIP, doc(), AS_OF)
    assert [(f.subject, f.status) for f in findings] == [("*", S.INSUFFICIENT_DATA)]


# -- 二（一）3 健全完善行政执法人员年度考核制度 --------------------------------------


def assessment(officer: str, on: str, n: int = 0) -> dict[str, Any]:
    return {"id": f"a{officer}{n}", "kind": "annual_assessment", "subject": officer, "on": on}


@fixture_settings(40)
@given(years=st.lists(st.sampled_from([2023, 2024, 2025]), max_size=6))
def test_2_1_3_annual_assessment_counted_per_year(run, status, years) -> None:
    events = [assessment("o1", f"{y}-12-20", i) for i, y in enumerate(years)]
    findings = run(ASSESSMENT, doc(events=events), AS_OF)
    for year in (2024, 2025):
        assert status(findings, "o1", str(year)) is (S.COMPLIANT if year in years else S.VIOLATION)
    if 2023 in years:  # the first year judged is 2024 (er.FirstYear.FULL_YEARS)
        assert status(findings, "o1", "2023") is S.OUT_OF_PERIOD


def test_2_1_3_annual_assessment_of_the_last_day_counts_pending_before(run, status) -> None:
    facts = doc(events=[assessment("o1", "2025-12-31")])
    assert status(run(ASSESSMENT, facts, dt.date(2025, 12, 30)), "o1", "2025") is S.PENDING
    assert status(run(ASSESSMENT, facts, dt.date(2025, 12, 31)), "o1", "2025") is S.COMPLIANT


def test_2_1_3_annual_assessment_of_2026_out_of_period_and_not_in_post(run, status) -> None:
    officers = [{"id": "o1", "unit": "market", "hired_on": "2025-09-01"}]
    findings = run(ASSESSMENT, doc(officers=officers, events=[assessment("o1", "2026-01-15")]), AS_OF)
    assert status(findings, "o1", "2024") is S.NOT_APPLICABLE
    assert status(findings, "o1", "2025") is S.VIOLATION
    assert status(findings, "o1", "2026") is S.OUT_OF_PERIOD
