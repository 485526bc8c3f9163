"""The national plan's declarations: fixed ids, clauses, scopes, documented choices."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

import enforcerules as er
from enforcerules.rulebook import is_yearly
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
    "national.catalogue.items_catalogued": "二（三）1",
    "national.catalogue.item_cleanup": "二（三）1",
    "national.organisation.consultation_mechanism": "三（一）",
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
    resolved = national.get(rule.id)
    first = dt.date(2024, 1, 1) if is_yearly(rule) else er.PLAN_PERIOD.start  # er.FirstYear.FULL_YEARS
    assert resolved.rule == attrs.evolve(rule, effective=er.Period(first, er.PLAN_PERIOD.end))
    assert resolved.declared_by == "national"
    assert rule.effective == er.PLAN_PERIOD
    assert f"`{rule.id}`" in README


@pytest.mark.parametrize("rule", [r for r in plan.RULES if r.spec.kind_name == "task_deadline" and r.spec.deadline.phrase != "未规定时限"], ids=lambda r: r.id)
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
    assert "2023-08-09" in rule.note and "FirstYear.ISSUE_YEAR" in rule.note


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


def test_2_3_1_five_years_dormant_is_a_rule_the_judgement_grounds_are_declined() -> None:
    (rule,) = [r for r in plan.RULES if "近五年未发生" in r.citation.quote]
    assert rule.id == "national.catalogue.item_cleanup" and rule.citation.clause == "二（三）1"
    rows = [d for d in plan.DECLINED if "极少发生且没有实施必要" in d.summary]
    assert len(rows) == 1 and rows[0].clause == "二（三）1" and "近五年" not in rows[0].summary


SOURCE = "".join((Path(__file__).parents[3] / "docs" / "sources" / "national-gbf-2023-27.txt").read_text(encoding="utf-8").split())

#: Sentences that name who acts (or that the provincial plugins decline) but set no
#: date or measure: each is a declined row, for parity with the provinces.
ADDRESSED_UNDATED = {
    "各级行政执法机关要把加强党的政治建设放在首位": "二（一）1",
    "国务院司法行政部门要推进全国行政执法人员培训标准化体系建设": "二（一）2",
    "国务院有关部门要研究制定本系统行政执法人员的专门业务培训计划": "二（一）2",
    "上级业务部门要加强对下级业务部门培训工作的指导": "二（一）2",
    "人民警察证件的管理使用按照人民警察法的规定执行": "二（一）3",
    "加强执法行为规范和职业道德教育": "二（一）2",
    "对在行政执法中做出突出贡献的集体和个人给予表彰奖励": "二（一）3",
    "依法依规实行全覆盖的重点监管": "二（二）3",
    "规范涉企行政检查": "二（二）3",
    "探索建立涉企行政执法案件经济影响评估制度": "二（二）3",
    "督促指导各级行政执法部门于2024年底前研究制定本部门行政执法事项目录": "二（三）1",
    "国务院有关部门制定本领域综合行政执法标准化指南": "二（三）1",
    "对基层接不住、监管跟不上的及时予以调整": "二（三）2",
    "建立健全跨部门、跨区域、跨层级的行政执法协作机制": "二（三）3",
    "研究制定科学、合理的行政执法考核评价指标体系": "二（四）1",
    "积极探索司法所协助县级人民政府司法行政部门": "二（四）2",
    "对行政执法工作情况开展经常性监督": "二（四）3",
    "县级以上人民政府部门承担行政执法监督职责的机构": "二（四）3",
    "建立行政执法监督与12345政务服务便民热线等监督渠道的信息共享工作机制": "二（四）3",
    "积极推进落实行政执法监督员制度": "二（四）3",
    "构建行政执法和行政执法监督一体化平台": "二（五）1",
    "合理配备行政执法力量": "二（六）1",
    "依法为基层一线行政执法人员办理保险": "二（六）2",
    "纳入本级预算": "二（六）3",
    "适时组织开展行政执法人民群众满意度第三方测评": "三（二）",
    "广泛宣传提升行政执法质量和效能的好举措好经验好做法": "三（三）",
    "组织开展实施情况评估": "三（三）",
}


def _in_order(summary: str, text: str) -> bool:
    at = 0
    for piece in summary.replace("……", "；").split("；"):
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


@pytest.mark.parametrize(("phrase", "clause"), ADDRESSED_UNDATED.items(), ids=lambda v: v[:16])
def test_addressed_duties_without_a_date_are_declined_under_their_clause(phrase, clause) -> None:
    (row,) = [d for d in plan.DECLINED if phrase in d.summary]
    assert row.clause == clause
    assert _in_order(row.summary, SOURCE), row.summary  # the plan's words, in the plan's order
    assert "national." in row.reason or "no date" in row.reason or "outside these plans" in row.reason


def test_an_addressed_row_misquoted_or_out_of_order_is_caught() -> None:
    assert not _in_order("国务院有关部门要研究制定本系统行政执法人员的专门业务培训计划；国务院司法行政部门要推进全国行政执法人员培训标准化体系建设", SOURCE)
    assert not _in_order("国务院司法行政部门要推进全国行政执法人员培训体系建设", SOURCE)


def test_readme_states_each_module_s_effective_period_as_the_rulebook_resolves_it(national) -> None:
    from enforcerules_national import cases, penalty_law

    for rule in (*plan.RULES, *cases.RULES):
        first = dt.date(2024, 1, 1) if is_yearly(rule) else er.PLAN_PERIOD.start
        assert national.get(rule.id).rule.effective == er.Period(first, er.PLAN_PERIOD.end)
    for rule in penalty_law.RULES:
        effective = national.get(rule.id).rule.effective
        assert effective.start == dt.date(2021, 7, 15) and effective.end == penalty_law.IN_FORCE.end
    assert "2023-08-09\n  to 2025-12-31" in README and "run from 2021-07-15" in README and "with no end" in README
