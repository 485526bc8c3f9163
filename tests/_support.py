"""Shared test helpers: small jurisdictions built in code, registered explicitly."""

from __future__ import annotations

import datetime as dt
from typing import Any

import enforcerules as er
from enforcerules.citation import citer
from enforcerules.kinds import AnnualTrainingHours, RecurringCount, TaskDeadline

cite = citer("test-doc")
PUBLIC, BUSINESS, SKILLS = er.TrainingCategory.PUBLIC_LAW, er.TrainingCategory.BUSINESS, er.TrainingCategory.ENFORCEMENT_SKILLS


def training_rule(rule_id: str = "root.training.hours", hours: float = 60) -> er.Rule:
    return er.Rule(
        id=rule_id, title_zh="培训", title_en="Training", citation=cite("1", "每人每年不少于60学时"),
        spec=AnnualTrainingHours(min_hours=hours, counted=(PUBLIC, BUSINESS, SKILLS)),
        scope=er.Scope(er.Subject.OFFICER),
    )


def task_rule(rule_id: str = "root.task.list", phrase: str = "2023年底前") -> er.Rule:
    return er.Rule(
        id=rule_id, title_zh="清单", title_en="List", citation=cite("2", "2023年底前梳理形成清单"),
        spec=TaskDeadline(task="problem_list", deadline=phrase),
        scope=er.Scope(er.Subject.UNIT, unit_kinds=(er.UnitKind.ENFORCEMENT,)),
    )


def review_rule() -> er.Rule:
    return er.Rule(
        id="root.review.yearly", title_zh="评查", title_en="Review", citation=cite("3", "每年至少开展一次案卷评查"),
        spec=RecurringCount(event="case_file_review"), scope=er.Scope(er.Subject.UNIT),
    )


class Plugin:
    """A plugin object declaring the given jurisdictions."""

    def __init__(self, *jurisdictions: er.Jurisdiction) -> None:
        self.jurisdictions = list(jurisdictions)

    @er.hookimpl
    def enforcerules_jurisdictions(self) -> list[er.Jurisdiction]:
        return self.jurisdictions


def registry_with(*jurisdictions: er.Jurisdiction, **named: er.Jurisdiction) -> er.Registry:
    reg = er.Registry(discover=False)
    for j in jurisdictions:
        reg.register(Plugin(j), name=f"plugin-{j.id}")
    return reg


def small_facts(**overrides: Any) -> er.Facts:
    doc: dict[str, Any] = {
        "units": [{"id": "u1", "name": "县市场监管局", "kind": "enforcement", "level": "county"}],
        "officers": [{"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}],
        "training": [],
        "task_reports": [],
        "events": [],
    }
    doc.update(overrides)
    facts = er.load_facts(doc)
    assert facts.rejections == ()
    return facts

AS_OF = dt.date(2026, 11, 23)

#: Executors every evaluation test runs on: durable-rules wherever it imports (Python < 3.13).
from enforcerules.testing.plugin_kit import ENGINES as ENGINES  # noqa: E402  (re-exported)
