"""Fixtures for the Shanxi plugin's tests: the rulebooks, the executors, a small
Shanxi of regions and units, and ``run``, which evaluates one rule."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import pytest

import enforcerules as er

#: Every executor the tests run on; durable-rules joins once its executor module exists.
ENGINES = (
    ("python", "durable")
    if importlib.util.find_spec("enforcerules.engine_durable") and sys.version_info < (3, 13)
    else ("python",)
)

AS_OF = dt.date(2026, 11, 23)

#: A province, one city, two counties (one a provincial pilot), and townships.
REGIONS: list[dict[str, Any]] = [
    {"id": "sx", "name": "山西省", "level": "province"},
    {"id": "jinzhong", "name": "晋中市", "level": "city", "parent": "sx"},
    {"id": "lingshi", "name": "灵石县", "level": "county", "parent": "jinzhong"},
    {"id": "zuoquan", "name": "左权县", "level": "county", "parent": "jinzhong"},
]

#: One unit of each kind and level the plan names.
UNITS: list[dict[str, Any]] = [
    {"id": "sx_justice", "name": "山西省司法厅", "kind": "justice", "level": "province", "region": "sx"},
    {"id": "sx_gov", "name": "山西省人民政府", "kind": "government", "level": "province", "region": "sx"},
    {"id": "sx_market", "name": "山西省市场监督管理局", "kind": "enforcement", "level": "province", "region": "sx", "field": "market_regulation"},
    {"id": "jz_eco", "name": "晋中市生态环境局", "kind": "enforcement", "level": "city", "region": "jinzhong", "field": "ecology_environment"},
    {"id": "jz_gov", "name": "晋中市人民政府", "kind": "government", "level": "city", "region": "jinzhong"},
    {"id": "ls_market", "name": "灵石县市场监督管理局", "kind": "enforcement", "level": "county", "region": "lingshi", "field": "market_regulation"},
]

Run = Callable[..., list[er.Finding]]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # A parameter, not a fixture, so hypothesis tests can take it too.
    if "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", ENGINES, scope="module")


@pytest.fixture(scope="session")
def registry() -> er.Registry:
    return er.Registry()


@pytest.fixture(scope="session")
def shanxi(registry: er.Registry) -> er.Rulebook:
    return registry.rulebook("shanxi")


@pytest.fixture(scope="session")
def national(registry: er.Registry) -> er.Rulebook:
    return registry.rulebook("national")


def facts_of(doc: Mapping[str, Any]) -> er.Facts:
    """*doc* with :data:`REGIONS` and :data:`UNITS` added where it has none of its own."""
    full = {"regions": REGIONS, "units": UNITS, **doc}
    facts = er.load_facts(full)
    assert facts.rejections == (), [str(r) for r in facts.rejections]
    return facts


def run_rule(
    book: er.Rulebook, rule_id: str, doc: Mapping[str, Any], as_of: dt.date = AS_OF,
    engine: str = "python", policy: er.DeadlinePolicy | None = None,
) -> list[er.Finding]:
    one = attrs.evolve(book, rules=(book.get(rule_id),))
    report = er.evaluate(one, facts_of(doc), as_of, engine=engine, policy=policy)
    return list(report.findings)


@pytest.fixture(scope="session")
def run() -> Callable[..., list[er.Finding]]:
    """``run(rulebook, rule_id, doc, as_of=AS_OF, engine=…, policy=None)`` → that rule's findings."""
    return run_rule


@pytest.fixture(scope="session")
def status_of() -> Callable[..., er.Status]:
    """``status_of(rulebook, rule_id, doc, subject, …)`` → the one status for *subject*."""

    def _status(book: er.Rulebook, rule_id: str, doc: Mapping[str, Any], subject: str, period: str | None = None, **kw: Any) -> er.Status:
        found = [f for f in run_rule(book, rule_id, doc, **kw) if f.subject == subject and (period is None or f.period == period)]
        assert len(found) == 1, [(f.subject, f.period, f.status) for f in found]
        return found[0].status

    return _status


def training(officer: str, year: int, **hours: float) -> list[dict[str, Any]]:
    """Training records of one officer in *year*, one per category: ``public_law=30, business=15``."""
    return [
        {"id": f"{officer}-{year}-{cat}", "officer": officer, "hours": h, "category": cat, "held_at": f"{year}-05-10T09:00:00"}
        for cat, h in hours.items()
    ]


@pytest.fixture(scope="session")
def train() -> Callable[..., list[dict[str, Any]]]:
    return training
