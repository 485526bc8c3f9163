"""辽政办发〔2023〕18号 as a whole: 21 numbered tasks, each with its 责任单位 and
完成时限, each carried by rules of the resolved rulebook; every quote exact."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import pytest

import enforcerules as er
from enforcerules.deadlines import DeadlineKind
from enforcerules.kinds import TaskDeadline
from enforcerules_liaoning import JURISDICTION, TASKS, plan

SOURCE = re.sub(r"\s+", "", resources.files("enforcerules_liaoning").joinpath("source.txt").read_text(encoding="utf-8"))
#: "（责任单位：…；完成时限：…）" closes every numbered task.
DUTY_LINE = re.compile(r"（责任单位：(.+?)；(?:以下均需.+?；)?完成时限：(.+?)）")
DATED = re.compile(r"\d{4}年(?:\d{1,2}月)?底前")


def _plan_tasks() -> list[tuple[tuple[str, ...], str]]:
    section = SOURCE[SOURCE.index("二、重点任务") : SOURCE.index("三、组织保障")]
    return [(tuple(re.split(r"[、，]", m[1])), m[2]) for m in DUTY_LINE.finditer(section)]


def _in_order(quote: str, text: str = SOURCE) -> bool:
    """Each "……"-separated fragment of *quote* occurs in *text*, in order."""
    pos = 0
    for fragment in (re.sub(r"\s+", "", f) for f in quote.split("……")):
        found = text.find(fragment, pos)
        if found < 0:
            return False
        pos = found + len(fragment)
    return True


def test_the_plan_has_21_numbered_tasks_and_the_table_all_of_them() -> None:
    assert len(_plan_tasks()) == 21
    assert sorted(TASKS) == list(range(1, 22))
    headings = "……".join(f"{n}.{TASKS[n].title_zh}。" for n in range(1, 22))
    assert _in_order(headings, SOURCE[SOURCE.index("二、重点任务") :])


@pytest.mark.parametrize("number", range(1, 22))
def test_task_responsible_units_and_deadline_as_written(number: int) -> None:
    responsible, deadline = _plan_tasks()[number - 1]
    task = TASKS[number]
    assert task.responsible == responsible
    assert task.deadline == deadline
    assert set(plan.CITY_IMPLEMENTERS) <= set(task.implementers)


@pytest.mark.parametrize("number", range(1, 22))
def test_task_maps_to_rules_of_the_resolved_rulebook(liaoning: er.Rulebook, number: int) -> None:
    task = TASKS[number]
    assert task.rule_ids
    for rule_id in task.rule_ids:
        resolved = liaoning.get(rule_id)
        # Rules Liaoning declares or overrides carry the task's 责任单位; inherited
        # national rules keep the national text and take them from the table.
        if resolved.jurisdiction == "liaoning":
            assert resolved.rule.responsible == task.responsible, rule_id
        assert resolved.rule.responsible or task.responsible


@pytest.mark.parametrize("number", range(1, 22))
def test_task_deadline_stages_are_task_deadline_rules(liaoning: er.Rulebook, number: int) -> None:
    """Each dated stage of the 完成时限, or its "持续推进", is a TaskDeadline with that phrase."""
    task = TASKS[number]
    phrases = {
        liaoning.get(rule_id).rule.spec.deadline.phrase
        for rule_id in task.rule_ids
        if isinstance(liaoning.get(rule_id).rule.spec, TaskDeadline)
    }
    stages = set(DATED.findall(task.deadline)) or {"持续推进"}
    assert stages <= phrases, (stages, phrases)
    first = liaoning.get(task.rule_ids[0]).rule.spec
    assert isinstance(first, TaskDeadline) and first.deadline.phrase in task.deadline


def test_every_liaoning_rule_belongs_to_a_task_or_the_closing_section(liaoning: er.Rulebook) -> None:
    mapped = {rule_id for task in TASKS.values() for rule_id in task.rule_ids}
    ours = {r.id for r in liaoning if r.declared_by == "liaoning"}
    assert ours == {r.id for r in plan.RULES}
    assert {i for i in ours - mapped if not i.startswith("liaoning.closing.")} == set()
    assert {r.id for r in liaoning if r.jurisdiction == "liaoning"} - ours == {o.rule_id for o in plan.OVERRIDES}


def test_every_quote_is_the_plans_text() -> None:
    citations = [r.citation for r in plan.RULES] + [o.citation for o in plan.OVERRIDES]
    assert all(c.document == plan.PLAN.id for c in citations)
    assert [c.quote for c in citations if not _in_order(c.quote)] == []


def test_source_document_as_printed() -> None:
    doc = plan.PLAN
    assert doc.number in SOURCE and doc.issuer in SOURCE and doc.title in SOURCE
    assert doc.issued_on == dt.date(2023, 12, 10) and "2023年12月10日" in SOURCE
    assert (JURISDICTION.parent, JURISDICTION.level) == ("national", er.Level.PROVINCE)


def test_liaoning_rules_bind_from_the_issue_day(liaoning: er.Rulebook) -> None:
    for rule in plan.RULES:
        assert rule.effective.start >= dt.date(2023, 12, 10), rule.id
        assert rule.effective.end == dt.date(2025, 12, 31), rule.id


def test_every_declined_row_names_its_clause_and_reason() -> None:
    assert JURISDICTION.declined
    for row in JURISDICTION.declined:
        assert row.clause and row.summary and len(row.reason) > 20
    clauses = " ".join(row.clause for row in JURISDICTION.declined)
    assert "4" in clauses and "三（二）" in clauses


def test_readme_lists_every_rule_and_declined_row() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for rule_id in [r.id for r in plan.RULES] + [o.rule_id for o in plan.OVERRIDES]:
        assert rule_id in readme, rule_id
    for row in JURISDICTION.declined:
        assert row.summary in readme, row.summary


def test_standing_tasks_are_never_late(liaoning: er.Rulebook) -> None:
    standing = [r for r in liaoning if isinstance(r.rule.spec, TaskDeadline) and r.rule.spec.deadline.kind is DeadlineKind.STANDING]
    assert {int(r.id[len("liaoning.task") :][:2]) for r in standing} == {1, 3, 4, 10, 16, 18, 19, 20, 21}
    for r in standing:
        statuses = {b.status for b in r.rule.spec.branches(r.rule, er.DeadlinePolicy())}
        assert statuses == {er.Status.COMPLIANT, er.Status.PENDING}


def test_every_task_rule_says_which_levels_it_binds_and_why(liaoning: er.Rulebook) -> None:
    """Province and city only where the task addresses no lower body; every level where it says 各级."""
    for rule in plan.RULES:
        if rule.scope.subject is not er.Subject.UNIT:
            continue
        if rule.scope.levels == (er.Level.PROVINCE, er.Level.CITY):
            assert "Bound: units at province and city level" in rule.note and "not bound" in rule.note, rule.id
        elif not rule.scope.levels:
            assert "every level" in rule.note, rule.id
        else:
            assert rule.scope.levels == (er.Level.PROVINCE,) and ("province" in rule.note or "provincial" in rule.note), rule.id
