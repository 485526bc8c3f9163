"""No state leaks through the durable-rules executor: two rulebooks evaluated
interleaved in one process (and one executor), a rulebook evaluated twice,
and facts given in any order all yield the same findings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.citation import Citation
from enforcerules.engine_durable import DurableExecutor
from enforcerules.kinds import AnnualTrainingHours, RecurringCount, TaskDeadline

AS_OF = dt.date(2025, 3, 1)
CITE = Citation("测试省实施方案", "二（一）", "测试条款")


def _rule(rid: str, spec: Any, subject: er.Subject) -> er.Rule:
    return er.Rule(id=rid, title_zh="测试规则", title_en="test rule", citation=CITE, spec=spec, scope=er.Scope(subject))


class TestlandPlugin:
    """A second, unrelated jurisdiction: thresholds differ from the national ones."""

    @er.hookimpl
    def enforcerules_jurisdictions(self) -> list[er.Jurisdiction]:
        return [
            er.Jurisdiction(
                id="testland",
                name_zh="测试省",
                name_en="Testland",
                level=er.Level.PROVINCE,
                rules=(
                    _rule("testland.training.hours", AnnualTrainingHours(min_hours=30, counted=(er.TrainingCategory.PUBLIC_LAW,)), er.Subject.OFFICER),
                    _rule("testland.officers.assessment", RecurringCount(event="annual_assessment", min_count=2), er.Subject.OFFICER),
                    _rule("testland.rectification.problem_list", TaskDeadline(task="problem_list", deadline="2024年6月前"), er.Subject.UNIT),
                ),
            )
        ]


def _testland() -> er.Rulebook:
    registry = er.Registry(discover=False)
    registry.register(TestlandPlugin(), name="testland")
    return registry.rulebook("testland")


NATIONAL = er.load_rulebook("national")
TESTLAND = _testland()

DOC: dict[str, Any] = {
    "units": [
        {"id": "market", "name": "某县市场监督管理局", "kind": "enforcement", "level": "county"},
        {"id": "town", "name": "某镇综合行政执法队", "kind": "enforcement", "level": "township"},
    ],
    "officers": [
        {"id": "o1", "unit": "market", "hired_on": "2020-01-01"},
        {"id": "o2", "unit": "town", "hired_on": "2023-05-01", "township": True},
        {"id": "o3", "unit": "market", "hired_on": "2021-01-01", "left_on": "2024-03-31"},
    ],
    "training": [
        {"id": "t1", "officer": "o1", "hours": 40, "category": "public_law", "held_at": "2024-05-10T09:00:00+08:00"},
        {"id": "t2", "officer": "o2", "hours": 61, "category": "business", "held_at": "2024-12-31T23:30:00+08:00"},
        {"id": "t3", "officer": "o3", "hours": 12, "category": "public_law", "held_at": "2023-02-01T09:00:00+08:00"},
        {"id": "t4", "officer": "o1", "hours": 25, "category": "enforcement_skills", "held_at": "2023-11-01T09:00:00+08:00"},
    ],
    "task_reports": [
        {"id": "r1", "task": "problem_list", "unit": "market", "completed_on": "2024-06-30"},
        {"id": "r2", "task": "problem_list", "unit": "town", "completed_on": "2023-12-31"},
    ],
    "events": [
        {"id": "e1", "kind": "annual_assessment", "subject": "o1", "on": "2024-01-15"},
        {"id": "e2", "kind": "annual_assessment", "subject": "o1", "on": "2024-12-15"},
        {"id": "e3", "kind": "annual_assessment", "subject": "o2", "on": "2024-06-01"},
    ],
}


def _findings(rulebook: er.Rulebook, doc: dict[str, Any], engine: str | DurableExecutor) -> tuple[er.Finding, ...]:
    return er.evaluate(rulebook, er.load_facts(doc), AS_OF, engine=engine).findings


def test_the_two_rulebooks_disagree_on_these_facts() -> None:
    # otherwise interleaving them could not reveal a leak
    def status(findings: tuple[er.Finding, ...], prefix: str, subject: str, period: str) -> er.Status:
        (hit,) = [f.status for f in findings if f.rule_id.startswith(prefix) and f.subject == subject and f.period == period]
        return hit

    national, testland = _findings(NATIONAL, DOC, "python"), _findings(TESTLAND, DOC, "python")
    assert status(national, "national.training.annual_hours", "o1", "2024") is er.Status.VIOLATION
    assert status(testland, "testland.training.hours", "o1", "2024") is er.Status.COMPLIANT
    assert status(national, "national.rectification.problem_list", "market", "2023年底前") is er.Status.LATE
    assert status(testland, "testland.rectification.problem_list", "market", "2024年6月前") is er.Status.COMPLIANT


def test_interleaved_rulebooks_in_one_executor_and_in_fresh_ones() -> None:
    want = {"national": _findings(NATIONAL, DOC, "python"), "testland": _findings(TESTLAND, DOC, "python")}
    shared = DurableExecutor()
    order = [("national", NATIONAL), ("testland", TESTLAND), ("national", NATIONAL), ("national", NATIONAL), ("testland", TESTLAND)]
    for name, rulebook in order:
        assert _findings(rulebook, DOC, shared) == want[name], name
        assert _findings(rulebook, DOC, "durable") == want[name], name
    shared.close()


def test_one_rulebook_twice_after_other_facts() -> None:
    shared = DurableExecutor()
    first = _findings(NATIONAL, DOC, shared)
    other = {**DOC, "training": [], "events": [], "task_reports": []}
    assert _findings(NATIONAL, other, shared) != first
    assert _findings(NATIONAL, DOC, shared) == first
    shared.close()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_findings_do_not_depend_on_fact_order(data: st.DataObject) -> None:
    doc = {key: data.draw(st.permutations(rows), label=key) for key, rows in DOC.items()}
    assert _findings(NATIONAL, doc, "durable") == _findings(NATIONAL, DOC, "python")
    assert _findings(TESTLAND, doc, "durable") == _findings(TESTLAND, DOC, "python")
