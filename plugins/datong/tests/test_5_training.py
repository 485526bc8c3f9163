"""（5） 确保行政执法人员每人每年接受不少于60学时的公共法律知识、业务知识和行政执法
技能培训（“线上＋线下”）；2024年6月前完成对本部门行政执法队伍的全员轮训 — and （6）
乡镇、街道综合执法人员要参加上级有关业务部门组织的培训.

Datong restates the national obligations (二（一）2) with the same content: the
rules are the national ones, inherited unchanged."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.testing.plugin_kit import fixture_settings
from enforcerules_datong import plan

S = er.Status
D = dt.date
HOURS = "national.training.annual_hours"
ROTATION = "national.training.full_staff_rotation"
TOWNSHIP = "national.training.township_higher_level"


@pytest.mark.parametrize("rule_id", [HOURS, ROTATION, TOWNSHIP])
def test_5_6_training_rules_are_the_national_ones_inherited_unchanged(datong, national, rule_id) -> None:
    resolved = datong.get(rule_id)
    assert resolved.declared_by == "national" and resolved.overrides == ()
    assert resolved.rule == national.get(rule_id).rule
    assert rule_id in plan.TASKS["（5）"].rules + plan.TASKS["（6）"].rules


def test_5_sixty_hours_and_rotation_by_june_2024_are_what_the_plan_says(datong) -> None:
    assert datong.get(HOURS).rule.spec.min_hours == 60
    assert datong.get(ROTATION).rule.spec.deadline.phrase == plan.TASKS["（5）"].timing == "2024年6月前"


def test_5_manner_of_training_is_declined_and_the_sixty_hours_ignore_the_form(plan_flat) -> None:
    # Training of either form counts (test_5_online_and_offline_hours_add_up_to_sixty).
    (row,) = [d for d in plan.DECLINED if d.clause == "（5）"]
    assert row.summary in plan_flat and "“线上＋线下”" in row.summary
    assert "either form" in row.reason


def _training(*records: tuple[float, str, str]) -> dict:
    return {
        "units": [{"id": "market", "name": "大通区市场监督管理局", "kind": "enforcement", "level": "county"}],
        "officers": [{"id": "o1", "unit": "market", "hired_on": "2020-01-01"}],
        "training": [
            {"id": f"t{i}", "officer": "o1", "hours": h, "category": c, "held_at": at, "organiser": "online" if i % 2 else "offline"}
            for i, (h, c, at) in enumerate(records)
        ],
    }


@fixture_settings()
@given(online=st.integers(min_value=0, max_value=6000), offline=st.integers(min_value=0, max_value=6000))
def test_5_online_and_offline_hours_add_up_to_sixty(run, status, online, offline) -> None:
    # hundredths of an hour, so the boundary 60.00 is hit exactly
    doc = _training((online / 100, "public_law", "2024-03-01T09:00:00+08:00"), (offline / 100, "business", "2024-10-01T09:00:00+08:00"))
    expected = S.COMPLIANT if online + offline >= 6000 else S.VIOLATION
    assert status(run(HOURS, doc, D(2026, 11, 23)), "o1", "2024") is expected


def test_5_political_theory_hours_do_not_count_towards_the_sixty(run, status) -> None:
    doc = _training((59, "enforcement_skills", "2024-05-01T09:00:00+08:00"), (10, "political_theory", "2024-06-01T09:00:00+08:00"))
    assert status(run(HOURS, doc, D(2026, 11, 23)), "o1", "2024") is S.VIOLATION


def test_5_hours_on_new_years_eve_china_time_count_for_that_year(run, status) -> None:
    # 2024-12-31T17:00Z is 2025-01-01 01:00 in China: a 2025 hour, not a 2024 one.
    doc = _training((60, "business", "2024-12-31T15:59:00Z"), (60, "business", "2024-12-31T17:00:00Z"))
    findings = run(HOURS, doc, D(2026, 11, 23))
    assert status(findings, "o1", "2024") is S.COMPLIANT
    assert status(findings, "o1", "2025") is S.COMPLIANT


@pytest.mark.parametrize(("day", "default", "strict"), [
    ("2024-05-31", S.COMPLIANT, S.COMPLIANT),
    ("2024-06-01", S.COMPLIANT, S.LATE),
    ("2024-06-30", S.COMPLIANT, S.LATE),
    ("2024-07-01", S.LATE, S.LATE),
])
def test_5_rotation_2024_june_under_default_and_strict_readings(run, status, make_doc, day, default, strict) -> None:
    facts = make_doc([("full_staff_rotation", "market", day)])
    assert status(run(ROTATION, facts, D(2026, 11, 23)), "market") is default
    assert status(run(ROTATION, facts, D(2026, 11, 23), policy=er.DeadlinePolicy.strict()), "market") is strict
