"""国办发〔2023〕27号: dated tasks (二（一）2 轮训, 二（二）1, 二（二）2, 二（三）1–2,
二（四）2, 二（五）2) and the yearly supervision work plan (二（四）3)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.testing.plugin_kit import fixture_settings

S = er.Status
D = dt.date

UNITS = [
    {"id": "market", "name": "某县市场监督管理局", "kind": "enforcement", "level": "county"},
    {"id": "county_gov", "name": "某县人民政府", "kind": "government", "level": "county"},
    {"id": "town_gov", "name": "某镇人民政府", "kind": "government", "level": "township"},
    {"id": "county_justice", "name": "某县司法局", "kind": "justice", "level": "county"},
    {"id": "town_justice", "name": "某镇司法所", "kind": "justice", "level": "township"},
    {"id": "moj", "name": "司法部", "kind": "justice", "level": "national"},
]


def doc(reports: list[tuple[str, str, str]] = (), events: list[tuple[str, str, str]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    """Units above, with task reports and events as (key, unit, day)."""
    return {
        "units": UNITS,
        "task_reports": [{"id": f"r{i}", "task": t, "unit": u, "completed_on": d} for i, (t, u, d) in enumerate(reports)],
        "events": [{"id": f"e{i}", "kind": k, "subject": s, "on": d} for i, (k, s, d) in enumerate(events)],
    }


#: (clause, rule id, task key, the unit that owes it, the units that do not, due date by default)
TASKS = [
    ("2_1_2_full_staff_rotation", "national.training.full_staff_rotation", "full_staff_rotation", "market", ("county_justice", "moj"), D(2024, 6, 30)),
    ("2_2_1_problem_list", "national.rectification.problem_list", "problem_list", "market", ("county_gov", "county_justice"), D(2023, 12, 31)),
    ("2_2_1_special_supervision", "national.rectification.special_supervision", "special_supervision", "moj", ("county_justice", "market"), D(2024, 12, 31)),
    ("2_2_2_discretion_baselines", "national.discretion.baselines", "discretion_baselines", "market", ("county_gov", "moj"), D(2023, 12, 31)),
    ("2_3_1_item_catalogue", "national.catalogue.item_catalogue", "item_catalogue", "market", ("county_justice", "county_gov"), D(2024, 12, 31)),
    ("2_3_2_delegation_evaluation", "national.delegation.evaluation", "delegation_evaluation", "county_gov", ("town_gov", "market"), D(2024, 12, 31)),
    ("2_4_2_four_level_system", "national.supervision.four_level_system", "supervision_system", "county_gov", ("town_gov", "county_justice"), D(2024, 12, 31)),
    ("2_5_2_national_database", "national.data.national_database", "national_database", "moj", ("county_justice", "market"), D(2025, 12, 31)),
]
task_params = pytest.mark.parametrize(("rule_id", "task", "owner", "others", "due"), [t[1:] for t in TASKS], ids=[t[0] for t in TASKS])
ONE_DAY = dt.timedelta(days=1)


@task_params
def test_task_deadline_day_itself_on_time_one_day_late(run, status, rule_id, task, owner, others, due) -> None:
    on_time = run(rule_id, doc([(task, owner, due.isoformat())]), D(2026, 11, 23))
    late = run(rule_id, doc([(task, owner, (due + ONE_DAY).isoformat())]), D(2026, 11, 23))
    assert status(on_time, owner) is S.COMPLIANT
    assert status(late, owner) is S.LATE


@task_params
def test_task_pending_until_the_due_date_violation_after(run, status, rule_id, task, owner, others, due) -> None:
    assert status(run(rule_id, doc(), due), owner) is S.PENDING
    assert status(run(rule_id, doc(), due + ONE_DAY), owner) is S.VIOLATION


@task_params
def test_task_binds_only_the_units_the_plan_names(run, rule_id, task, owner, others, due) -> None:
    subjects = {f.subject for f in run(rule_id, doc(), D(2026, 11, 23))}
    assert owner in subjects
    assert not subjects & set(others)


@task_params
@fixture_settings()
@given(offset=st.integers(min_value=-800, max_value=800))
def test_task_completion_on_or_before_due_is_compliant_after_is_late(run, status, rule_id, task, owner, others, due, offset) -> None:
    done = due + dt.timedelta(days=offset)
    as_of = due + dt.timedelta(days=801)  # every completion day is known by then
    finding = status(run(rule_id, doc([(task, owner, done.isoformat())]), as_of), owner)
    assert finding is (S.COMPLIANT if offset <= 0 else S.LATE)


@task_params
def test_task_report_after_the_as_of_day_is_not_yet_known(run, status, rule_id, task, owner, others, due) -> None:
    facts = doc([(task, owner, due.isoformat())])
    assert status(run(rule_id, facts, due - ONE_DAY), owner) is S.PENDING


# -- 二（一）2 原则上于2024年6月前完成全员轮训 ⚠ ----------------------------------

ROTATION = "national.training.full_staff_rotation"
STRICT = er.DeadlinePolicy.strict()


@pytest.mark.parametrize(("day", "default", "strict"), [
    ("2024-05-31", S.COMPLIANT, S.COMPLIANT),
    ("2024-06-01", S.COMPLIANT, S.LATE),
    ("2024-06-30", S.COMPLIANT, S.LATE),
    ("2024-07-01", S.LATE, S.LATE),
])
def test_2_1_2_rotation_before_june_under_default_and_strict_policy(run, status, day, default, strict) -> None:
    facts = doc([("full_staff_rotation", "market", day)])
    assert status(run(ROTATION, facts, D(2026, 11, 23)), "market") is default
    assert status(run(ROTATION, facts, D(2026, 11, 23), policy=STRICT), "market") is strict


def test_2_1_2_rotation_unreported_in_june_2024_depends_on_the_reading(run, status) -> None:
    june = D(2024, 6, 15)
    assert status(run(ROTATION, doc(), june), "market") is S.PENDING
    assert status(run(ROTATION, doc(), june, policy=STRICT), "market") is S.VIOLATION


def test_2_1_2_rotation_binds_governments_for_their_region(run, status) -> None:
    findings = run(ROTATION, doc([("full_staff_rotation", "county_gov", "2024-04-30")]), D(2026, 11, 23))
    assert status(findings, "county_gov") is S.COMPLIANT
    assert status(findings, "town_gov") is S.VIOLATION


def test_2_2_1_special_supervision_without_national_justice_unit_is_insufficient_data(run) -> None:
    local_only = doc() | {"units": [u for u in UNITS if u["level"] != "national"]}
    findings = run("national.rectification.special_supervision", local_only, D(2026, 11, 23))
    assert [(f.subject, f.status) for f in findings] == [("*", S.INSUFFICIENT_DATA)]


# -- 二（四）3 县级以上人民政府司法行政部门要制定年度行政执法监督工作方案 -------------------

ANNUAL_PLAN = "national.supervision.annual_plan"


@fixture_settings()
@given(years=st.lists(st.sampled_from([2023, 2024, 2025]), max_size=5))
def test_2_4_3_annual_supervision_plan_counted_per_year(run, status, years) -> None:
    events = [("supervision_work_plan", "county_justice", f"{y}-02-{10 + i:02d}") for i, y in enumerate(years)]
    findings = run(ANNUAL_PLAN, doc(events=events), D(2026, 11, 23))
    for year in (2024, 2025):
        assert status(findings, "county_justice", str(year)) is (S.COMPLIANT if year in years else S.VIOLATION)
    if 2023 in years:  # the first year judged is 2024 (er.FirstYear.FULL_YEARS)
        assert status(findings, "county_justice", "2023") is S.OUT_OF_PERIOD


def test_2_4_3_annual_plan_binds_justice_at_county_level_and_above(run) -> None:
    subjects = {f.subject for f in run(ANNUAL_PLAN, doc(), D(2026, 11, 23))}
    assert subjects == {"county_justice", "moj"}


def test_2_4_3_annual_plan_pending_in_year_and_2026_out_of_period(run, status) -> None:
    findings = run(ANNUAL_PLAN, doc(events=[("supervision_work_plan", "county_justice", "2026-02-01")]), D(2026, 11, 23))
    assert status(findings, "county_justice", "2026") is S.OUT_OF_PERIOD
    assert status(run(ANNUAL_PLAN, doc(), D(2025, 6, 1)), "county_justice", "2025") is S.PENDING


# -- 三（一） 工作会商机制: undated ------------------------------------------------------

def test_3_1_consultation_mechanism_binds_local_governments_above_township_and_is_never_late() -> None:
    import datetime as _dt

    import enforcerules as _er

    book = _er.load_rulebook("national")
    units = [{"id": "g_county", "name": "某县人民政府", "kind": "government", "level": "county"},
             {"id": "g_town", "name": "某镇人民政府", "kind": "government", "level": "township"}]
    rid = "national.organisation.consultation_mechanism"

    def statuses(reports: list, day: _dt.date) -> dict:
        facts = _er.facts_from_json({"units": units, "task_reports": reports})
        return {f.subject: f.status for f in _er.evaluate(book, facts, day).findings if f.rule_id == rid}

    assert statuses([], _dt.date(2030, 1, 1)) == {"g_county": _er.Status.PENDING}
    done = [{"id": "r1", "task": "consultation_mechanism", "unit": "g_county", "completed_on": "2025-06-01"}]
    assert statuses(done, _dt.date(2025, 6, 1)) == {"g_county": _er.Status.COMPLIANT}
    assert statuses(done, _dt.date(2025, 5, 31)) == {"g_county": _er.Status.PENDING}
