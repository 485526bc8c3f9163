"""大通区 三（二）: the 15-day report period also starts from the evaluation task's reported completion."""

from __future__ import annotations

import datetime as dt

import pytest

import enforcerules as er
from enforcerules.citation import citer
from enforcerules.kinds import RelativeDeadline

from _support import ENGINES, registry_with

RULE = er.Rule(
    id="t.evaluation.report", title_zh="评估报告", title_en="Evaluation report",
    citation=citer("datong-2024-plan")("三（二）", "在评估完成后15日内将总结评估报告报市司法局"),
    spec=RelativeDeadline(trigger="evaluation_completed", response="evaluation_report_to_city", days=15,
                          trigger_tasks=("midterm_evaluation",)),
    scope=er.Scope(er.Subject.UNIT, unit_kinds=(er.UnitKind.JUSTICE,)),
)
BOOK = registry_with(er.Jurisdiction(id="t", name_zh="测", name_en="T", level=er.Level.COUNTY, rules=(RULE,))).rulebook("t")
UNIT = {"id": "dt_justice", "name": "区司法局", "kind": "justice", "level": "county"}


def statuses(reports: list[dict[str, object]], events: list[dict[str, object]], engine: str) -> list[er.Status]:
    facts = er.load_facts({"units": [UNIT], "task_reports": reports, "events": events})
    assert facts.rejections == ()
    return [f.status for f in er.evaluate(BOOK, facts, dt.date(2026, 11, 23), engine=engine).findings]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_reported_evaluation_without_a_trigger_event_still_starts_the_period(engine: str) -> None:
    done = [{"id": "r1", "task": "midterm_evaluation", "unit": "dt_justice", "completed_on": "2024-09-20"}]
    assert statuses(done, [], engine) == [er.Status.VIOLATION]
    # completed 2024-09-20 → the 15th day falls in the National Day holiday → due 2024-10-08
    on_time = [{"id": "e1", "kind": "evaluation_report_to_city", "subject": "dt_justice", "on": "2024-10-08"}]
    late = [{"id": "e1", "kind": "evaluation_report_to_city", "subject": "dt_justice", "on": "2024-10-09"}]
    assert statuses(done, on_time, engine) == [er.Status.COMPLIANT]
    assert statuses(done, late, engine) == [er.Status.LATE]


@pytest.mark.parametrize("engine", ENGINES)
def test_without_any_trigger_the_duty_does_not_arise(engine: str) -> None:
    assert statuses([], [], engine) == [er.Status.NOT_APPLICABLE]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_evaluation_recorded_twice_starts_one_period(engine: str) -> None:
    done = [{"id": "r1", "task": "midterm_evaluation", "unit": "dt_justice", "completed_on": "2024-09-20"}]
    event = [{"id": "e0", "kind": "evaluation_completed", "subject": "dt_justice", "on": "2024-09-20"},
             {"id": "e1", "kind": "evaluation_report_to_city", "subject": "dt_justice", "on": "2024-10-08"}]
    assert statuses(done, event, engine) == [er.Status.COMPLIANT]
