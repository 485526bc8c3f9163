"""The declarations read like the plan: every task （1）—（45） is mapped, with its
units and 完成时限 exactly as written, and every quote is the plan's text."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import enforcerules as er
from enforcerules.deadlines import DeadlineKind
from enforcerules.kinds import MetricTarget, TaskDeadline
from enforcerules_datong import JURISDICTION, PARENT, documents, plan

D = dt.date
NUMBERS = range(1, 46)
DATONG_DOC = documents.PLAN.id


def _own_citations() -> list[tuple[str, er.Citation]]:
    return [(r.id, r.citation) for r in plan.RULES] + [(o.rule_id, o.citation) for o in plan.OVERRIDES]


def test_jurisdiction_is_datong_district_of_huainan_a_county_level_child_of_national() -> None:
    assert JURISDICTION.id == "datong" and JURISDICTION.level is er.Level.COUNTY
    assert "淮南市大通区" == JURISDICTION.name_zh  # 大通区 of Huainan, not 大同市 of Shanxi
    assert JURISDICTION.parent == PARENT == "national"


def test_preamble_documents_anhui_and_huainan_are_listed_but_no_rule_cites_them(plan_flat: str) -> None:
    ids = [d.id for d in JURISDICTION.documents]
    assert ids[0] == DATONG_DOC
    unmodelled = {d.number: d for d in JURISDICTION.documents if d.id != DATONG_DOC}
    assert set(unmodelled) == {"皖府法领办〔2023〕4号", "淮府办〔2024〕1号"}
    preamble = plan_flat.replace(" ", "")[: plan_flat.index("一、总体要求")]
    for number, d in unmodelled.items():
        assert number in preamble and "not available" in d.note
    assert {c.document for _, c in _own_citations()} == {DATONG_DOC}


def test_plan_document_is_dated_2024_03_25() -> None:
    assert documents.PLAN.issued_on == D(2024, 3, 25)


@pytest.mark.parametrize(("rule_id", "citation"), _own_citations(), ids=[i for i, _ in _own_citations()])
def test_every_quote_is_the_plans_text_under_its_clause(rule_id: str, citation: er.Citation, plan_flat: str, blocks: dict[int, str]) -> None:
    assert citation.quote in plan_flat
    if m := re.fullmatch(r"（(\d+)）", citation.clause):
        assert citation.quote in blocks[int(m[1])].replace("\n", "")
    else:
        assert citation.clause == "三（二）"
        section = plan_flat[plan_flat.index("（二）强化督促落实") : plan_flat.index("（三）强化宣传培训")]
        assert citation.quote in section


def test_all_45_tasks_are_mapped_in_order() -> None:
    assert list(plan.TASKS) == [f"（{n}）" for n in NUMBERS]
    assert all(t.clause == key and t.rules for key, t in plan.TASKS.items())


@pytest.mark.parametrize("n", NUMBERS, ids=[f"task_{n}" for n in NUMBERS])
def test_task_rules_are_in_the_datong_rulebook(n: int, datong: er.Rulebook) -> None:
    for rule_id in plan.TASKS[f"（{n}）"].rules:
        assert rule_id in datong


def _written(block: str, label: str) -> str | None:
    found = re.findall(rf"^{label}：(.*)$", block, flags=re.M)
    assert len(found) <= 1, (label, found)
    return found[0] if found else None


@pytest.mark.parametrize("n", NUMBERS, ids=[f"task_{n}" for n in NUMBERS])
def test_task_units_and_deadline_are_as_written(n: int, blocks: dict[int, str]) -> None:
    task, block = plan.TASKS[f"（{n}）"], blocks[n]
    assert "、".join(task.lead) == (_written(block, "牵头单位") or "")
    assert "、".join(task.supporting) == (_written(block, "配合单位") or "")
    responsible = _written(block, "责任单位")
    assert responsible is not None
    written = "、".join(task.responsible)
    # （14） ends its list "等单位按职责分工负责" (and others, by their duties).
    assert responsible == written or (n == 14 and responsible == written + "等单位按职责分工负责")
    deadline = _written(block, "完成时限") or _written(block, "完成时间")
    assert task.deadline == deadline
    if deadline is None:  # （5）（17）（22）（28）（30）: the date is in the task's own text
        assert task.timing is not None and task.timing in block.replace("\n", "")


STANDING = {1, 2, 3, 4, 6, 7, 8, 9, 11, 13, 14, 15, 16, 24, 25, 26, 27, 32, 33, 36, 38, 39, 42, 43, 44, 45}
ON_INSTRUCTION = {12, 18, 21, 37}
DUE = {
    5: D(2024, 6, 30), 10: D(2024, 8, 31), 17: D(2024, 12, 31), 19: D(2024, 12, 31), 20: D(2024, 12, 31),
    22: D(2025, 12, 31), 23: D(2025, 8, 31), 28: D(2024, 12, 31), 29: D(2024, 8, 31), 30: D(2024, 12, 31),
    31: D(2025, 8, 31), 34: D(2025, 8, 31), 35: D(2025, 8, 31), 40: D(2024, 12, 31), 41: D(2025, 8, 31),
}


def test_the_three_kinds_of_deadline_partition_the_45_tasks() -> None:
    assert STANDING | ON_INSTRUCTION | set(DUE) == set(NUMBERS)
    assert not (STANDING & ON_INSTRUCTION or STANDING & set(DUE) or ON_INSTRUCTION & set(DUE))


@pytest.mark.parametrize("n", NUMBERS, ids=[f"task_{n}" for n in NUMBERS])
def test_every_deadline_phrase_parses_to_what_it_says(n: int) -> None:
    deadline = er.Deadline(plan.TASKS[f"（{n}）"].phrase)
    if n in STANDING:
        assert deadline.kind is DeadlineKind.STANDING and deadline.due() is None
    elif n in ON_INSTRUCTION:
        assert deadline.kind is DeadlineKind.ON_INSTRUCTION and deadline.due() is None
    else:
        assert deadline.kind is DeadlineKind.FIXED and deadline.due() == DUE[n]


def _deadline_of(rule: er.Rule) -> str | None:
    return rule.spec.deadline.phrase if isinstance(rule.spec, TaskDeadline | MetricTarget) else None


@pytest.mark.parametrize("n", NUMBERS, ids=[f"task_{n}" for n in NUMBERS])
def test_each_task_rule_carries_the_tasks_units_and_deadline(n: int, datong: er.Rulebook, national: er.Rulebook) -> None:
    task = plan.TASKS[f"（{n}）"]
    for rule_id in task.rules:
        resolved = datong.get(rule_id)
        if resolved.jurisdiction == "datong":
            rule = resolved.rule
            assert rule.citation.clause == task.clause
            assert rule.responsible == (*task.lead, *task.responsible)  # 牵头单位 first
            assert rule.supporting == task.supporting
            assert _deadline_of(rule) in (task.phrase, None)
        else:  # inherited: the national rule, unchanged, for a task restating it
            assert resolved.declared_by == "national" and not resolved.overrides
            assert resolved.rule == national.get(rule_id).rule
            phrase = _deadline_of(resolved.rule)
            assert phrase is None or er.Deadline(phrase).due() == er.Deadline(task.phrase).due()


def test_every_datong_rule_belongs_to_a_task_or_to_the_evaluation_clause() -> None:
    mapped = {i for t in plan.TASKS.values() for i in t.rules}
    for rule in plan.RULES:
        assert rule.id.startswith("datong.")
        assert rule.id in mapped or rule.citation.clause == "三（二）"
    assert {o.rule_id for o in plan.OVERRIDES} <= mapped


@pytest.mark.parametrize("rule_id", [r.id for r in plan.RULES] + [o.rule_id for o in plan.OVERRIDES])
def test_readme_lists_every_rule(rule_id: str, readme: str) -> None:
    assert f"`{rule_id}`" in readme


@pytest.mark.parametrize("row", plan.DECLINED, ids=[f"{d.clause} {d.summary[:12]}" for d in plan.DECLINED])
def test_readme_lists_every_declined_row_with_its_reason(row: er.Declined, readme: str) -> None:
    assert row.summary in readme and row.reason in readme
