"""The national plan's declarations: fixed ids, clauses, scopes, documented choices."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import enforcerules as er
from enforcerules_national import plan

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")

#: The fixed ids local plans override, with the clause each cites.
FIXED = {
    "national.training.annual_hours": "二（一）2",
    "national.training.full_staff_rotation": "二（一）2",
    "national.training.township_higher_level": "二（一）2",
    "national.officers.annual_assessment": "二（一）3",
    "national.rectification.problem_list": "二（二）1",
    "national.rectification.special_supervision": "二（二）1",
    "national.discretion.baselines": "二（二）2",
    "national.catalogue.item_catalogue": "二（三）1",
    "national.delegation.evaluation": "二（三）2",
    "national.supervision.four_level_system": "二（四）2",
    "national.supervision.annual_plan": "二（四）3",
    "national.data.national_database": "二（五）2",
}


def test_plan_declares_every_fixed_id_with_its_clause() -> None:
    assert {r.id: r.citation.clause for r in plan.RULES} == FIXED


@pytest.mark.parametrize("rule", plan.RULES, ids=lambda r: r.id)
def test_every_plan_rule_cites_the_plan_and_is_in_the_rulebook(national, rule) -> None:
    assert rule.citation.document == plan.PLAN.id == "gbf-2023-27"
    assert national.get(rule.id).rule == rule
    assert national.get(rule.id).declared_by == "national"
    assert rule.effective == er.PLAN_PERIOD
    assert f"`{rule.id}`" in README


@pytest.mark.parametrize("rule", [r for r in plan.RULES if r.spec.kind_name == "task_deadline"], ids=lambda r: r.id)
def test_every_dated_task_quotes_its_deadline_phrase(rule) -> None:
    phrase = rule.spec.deadline.phrase
    assert phrase.replace("年底前", "年底") in rule.citation.quote
    assert rule.spec.due_date(er.DeadlinePolicy()) is not None


def test_2_1_2_rotation_keeps_the_ambiguous_phrase_and_documents_both_readings() -> None:
    rule = plan.FULL_STAFF_ROTATION
    assert rule.spec.deadline.phrase == "2024年6月前" and rule.spec.deadline.ambiguous
    assert rule.spec.due_date(er.DeadlinePolicy()) == dt.date(2024, 6, 30)
    assert rule.spec.due_date(er.DeadlinePolicy.strict()) == dt.date(2024, 5, 31)
    assert "原则上" in rule.citation.quote and "2024-05-31" in rule.note and "2024-06-30" in rule.note


@pytest.mark.parametrize("rule", [r for r in plan.RULES if r.spec.kind_name in ("annual_training_hours", "recurring_count")], ids=lambda r: r.id)
def test_yearly_rules_say_what_happens_to_2023(rule) -> None:
    assert "2023-08-09" in rule.note and "years_to_check" in rule.note


def test_2_1_2_political_theory_is_not_a_counted_category() -> None:
    assert er.TrainingCategory.POLITICAL_THEORY not in plan.TRAINING.spec.counted
    assert plan.TRAINING.spec.min_hours == 60


def test_scopes_follow_who_the_plan_binds() -> None:
    e, g, j = er.UnitKind.ENFORCEMENT, er.UnitKind.GOVERNMENT, er.UnitKind.JUSTICE
    assert plan.PROBLEM_LIST.scope.unit_kinds == (e,)  # 各地区有关部门
    assert plan.SPECIAL_SUPERVISION.scope == er.Scope(er.Subject.UNIT, unit_kinds=(j,), levels=(er.Level.NATIONAL,))
    assert plan.SPECIAL_SUPERVISION.responsible == ("国务院司法行政部门",)
    assert plan.DELEGATION_EVALUATION.scope.unit_kinds == (g,)  # 各地区
    assert er.Level.TOWNSHIP not in plan.SUPERVISION_ANNUAL_PLAN.scope.levels  # 县级以上
    assert plan.SUPERVISION_ANNUAL_PLAN.responsible == ("县级以上人民政府司法行政部门",)
    assert plan.TOWNSHIP_HIGHER_LEVEL.scope.township is True


@pytest.mark.parametrize("declined", plan.DECLINED, ids=lambda d: d.summary[:20])
def test_every_declined_row_is_documented_with_a_reason(national, declined) -> None:
    assert declined.reason.strip()
    assert declined.summary in README and declined.clause in README
    assert declined in national.jurisdiction.declined


def test_item_clean_up_judgement_is_declined_not_ruled() -> None:
    rows = [d for d in plan.DECLINED if "近五年未发生" in d.summary]
    assert len(rows) == 1 and rows[0].clause == "二（三）1"
    assert not any("近五年" in r.citation.quote for r in plan.RULES)
