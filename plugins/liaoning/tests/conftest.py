"""Fixtures for the Liaoning plugin's tests: the rulebook, the executors,
``run`` (one rule of the Liaoning rulebook on a facts document), ``status``,
and ``kit``, the shared checks: a task stage on both sides of its deadline, a
standing task, a yearly event count across the year boundary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import enforcerules as er
from enforcerules.kinds.base import scoped_units
from enforcerules.testing.plugin_kit import Bench, RuleRunner, parametrize_engine, status_of

S = er.Status
AS_OF = dt.date(2026, 11, 23)
ONE_DAY = dt.timedelta(days=1)

#: One unit of each kind and level the plan's 责任单位 name, plus one below the city level.
UNITS: list[dict[str, Any]] = [
    {"id": "prov_market", "name": "辽宁省市场监督管理局", "kind": "enforcement", "level": "province", "field": "market_regulation"},
    {"id": "prov_justice", "name": "辽宁省司法厅", "kind": "justice", "level": "province"},
    {"id": "prov_gov", "name": "辽宁省人民政府", "kind": "government", "level": "province"},
    {"id": "shenyang_gov", "name": "沈阳市人民政府", "kind": "government", "level": "city"},
    {"id": "shenyang_justice", "name": "沈阳市司法局", "kind": "justice", "level": "city"},
    {"id": "shenyang_eco", "name": "沈阳市生态环境局", "kind": "enforcement", "level": "city", "field": "ecology_environment"},
    {"id": "county_market", "name": "某县市场监督管理局", "kind": "enforcement", "level": "county", "field": "market_regulation"},
]

#: Facts documents without ``units`` get the units of :data:`UNITS`.
BENCH = Bench(units=UNITS)
Run = RuleRunner


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    parametrize_engine(metafunc)


@pytest.fixture(scope="session")
def liaoning() -> er.Rulebook:
    return er.load_rulebook("liaoning")


@pytest.fixture
def run(liaoning: er.Rulebook, engine: str) -> Run:
    """``run(rule_id, doc, as_of, policy=None)`` → that rule's findings, on the current engine.

    *doc* is a facts document without ``units``: the units of :data:`UNITS` are added.
    """
    return BENCH.runner(liaoning, engine)


@pytest.fixture(scope="session")
def status() -> Callable[..., er.Status]:
    """``status(findings, subject, period=None)`` → the one status for *subject* (and *period*)."""
    return status_of


def report(task: str, unit: str, on: dt.date | str, n: int = 0) -> dict[str, Any]:
    return {"id": f"r-{task}-{unit}-{n}", "task": task, "unit": unit, "completed_on": str(on)}


def event(kind: str, subject: str, on: dt.date | str, n: int = 0) -> dict[str, Any]:
    return {"id": f"e-{kind}-{subject}-{n}", "kind": kind, "subject": subject, "on": str(on)}


@attrs.frozen
class Kit:
    """Checks shared by the task tests, on the current engine."""

    run: Run

    report = staticmethod(report)
    event = staticmethod(event)

    @staticmethod
    def in_scope(rule: er.Rule) -> list[str]:
        """Ids of the units of :data:`UNITS` the rule binds."""
        return [u.id for u in scoped_units(rule.scope, BENCH.facts({}))]

    def stage_deadline(self, rule: er.Rule, unit: str, due: dt.date) -> None:
        """Done on the due day is on time, a day later is late; not done is
        pending up to the due day and a violation the day after."""
        task, run = rule.spec.task, self.run
        assert rule.spec.deadline.due() == due
        assert status_of(run(rule.id, {"task_reports": [report(task, unit, due)]}, AS_OF), unit) is S.COMPLIANT
        assert status_of(run(rule.id, {"task_reports": [report(task, unit, due + ONE_DAY)]}, AS_OF), unit) is S.LATE
        assert status_of(run(rule.id, {}, due), unit) is S.PENDING
        assert status_of(run(rule.id, {}, due + ONE_DAY), unit) is S.VIOLATION

    def standing(self, rule: er.Rule, unit: str) -> None:
        """"持续推进": compliant once activity is reported, pending (never late) until then."""
        task, run = rule.spec.task, self.run
        assert rule.spec.deadline.phrase == "持续推进"
        assert status_of(run(rule.id, {"task_reports": [report(task, unit, "2025-12-31")]}, AS_OF), unit) is S.COMPLIANT
        assert status_of(run(rule.id, {}, AS_OF), unit) is S.PENDING

    def yearly(self, rule: er.Rule, subject: str) -> None:
        """One event a calendar year: 31 December counts for that year, 1 January for the next."""
        kind, run = rule.spec.event, self.run
        last_day = run(rule.id, {"events": [event(kind, subject, "2024-12-31")]}, AS_OF)
        assert (status_of(last_day, subject, "2024"), status_of(last_day, subject, "2025")) == (S.COMPLIANT, S.VIOLATION)
        next_day = run(rule.id, {"events": [event(kind, subject, "2025-01-01")]}, AS_OF)
        assert (status_of(next_day, subject, "2024"), status_of(next_day, subject, "2025")) == (S.VIOLATION, S.COMPLIANT)
        assert status_of(run(rule.id, {}, dt.date(2025, 12, 31)), subject, "2025") is S.PENDING
        assert status_of(run(rule.id, {}, dt.date(2026, 1, 1)), subject, "2025") is S.VIOLATION
        # Before and after the plan's years: reported, not judged.
        outside = [event(kind, subject, "2023-12-20"), event(kind, subject, "2026-03-01", 1)]
        early_late = run(rule.id, {"events": outside}, AS_OF)
        assert status_of(early_late, subject, "2023") is S.OUT_OF_PERIOD
        assert status_of(early_late, subject, "2026") is S.OUT_OF_PERIOD


@pytest.fixture
def kit(run: Run) -> Kit:
    return Kit(run)
