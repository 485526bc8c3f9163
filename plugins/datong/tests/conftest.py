"""Fixtures for Datong's tests: the rulebook, the executors, the plan text,
Datong's units and regions, and ``run``, which evaluates one rule of the
Datong rulebook on a facts document (see the plugin test kit,
:mod:`enforcerules.testing.plugin_kit`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import enforcerules as er
from enforcerules.testing.plugin_kit import Bench, RuleRunner, parametrize_engine, status_of

#: The plan as published (大通区人民政府办公室, 2024-03-25).
PLAN_TEXT = (Path(__file__).parent / "data" / "datong_plan_2024.txt").read_text(encoding="utf-8")

#: Datong's units, and units nearby that its rules must not bind.
UNITS: list[dict[str, Any]] = [
    {"id": "justice", "name": "大通区司法局", "kind": "justice", "level": "county", "region": "datong"},
    {"id": "market", "name": "大通区市场监督管理局", "kind": "enforcement", "level": "county", "region": "datong", "field": "market_regulation"},
    {"id": "eco", "name": "大通生态环境分局", "kind": "enforcement", "level": "county", "region": "datong", "field": "ecology_environment"},
    {"id": "district_gov", "name": "大通区人民政府", "kind": "government", "level": "county", "region": "datong"},
    {"id": "town_gov", "name": "大通区某镇人民政府", "kind": "government", "level": "township", "region": "datong"},
    {"id": "town_justice", "name": "大通区某司法所", "kind": "justice", "level": "township", "region": "datong"},
    {"id": "city_justice", "name": "淮南市司法局", "kind": "justice", "level": "city", "region": "huainan"},
    # bodies the plan names that are neither enforcement nor justice units
    {"id": "data", "name": "大通区数据资源局", "kind": "department", "level": "county", "region": "datong"},
    {"id": "finance", "name": "大通区财政局", "kind": "department", "level": "county", "region": "datong"},
    {"id": "ndrc", "name": "大通区发展和改革委员会", "kind": "department", "level": "county", "region": "datong"},
    {"id": "city_finance", "name": "淮南市财政局", "kind": "department", "level": "city", "region": "huainan"},
]
REGIONS: list[dict[str, Any]] = [
    {"id": "anhui", "name": "安徽省", "level": "province"},
    {"id": "huainan", "name": "淮南市", "level": "city", "parent": "anhui"},
    {"id": "datong", "name": "大通区", "level": "county", "parent": "huainan"},
]

Run = RuleRunner


def plan_text_flat() -> str:
    """The plan with the source layout's line breaks removed (how quotes are taken)."""
    return PLAN_TEXT.replace("\n", "")


def task_blocks() -> dict[int, str]:
    """（n） → the plan's text of task n, from its number to the next task or section."""
    body = PLAN_TEXT[PLAN_TEXT.index("（1）加强党的政治建设") : PLAN_TEXT.index("三、保障措施")]
    parts = re.split(r"(?=^（\d+）)", body, flags=re.M)
    return {int(m[1]): p for p in parts if (m := re.match(r"（(\d+)）", p))}


def doc(
    reports: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    events: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    metrics: list[tuple[str, str, int, float]] = (),  # type: ignore[assignment]
) -> dict[str, Any]:
    """Datong's units and regions, with task reports and events as (key, subject, day)
    and metrics as (name, region, year, value)."""
    return {
        "regions": REGIONS,
        "units": UNITS,
        "task_reports": [{"id": f"r{i}", "task": t, "unit": u, "completed_on": d} for i, (t, u, d) in enumerate(reports)],
        "events": [{"id": f"e{i}", "kind": k, "subject": s, "on": d} for i, (k, s, d) in enumerate(events)],
        "metrics": [{"id": f"m{i}", "name": n, "region": r, "year": y, "value": v} for i, (n, r, y, v) in enumerate(metrics)],
    }


@pytest.fixture(scope="session")
def datong() -> er.Rulebook:
    return er.load_rulebook("datong")


@pytest.fixture(scope="session")
def national() -> er.Rulebook:
    return er.load_rulebook("national")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    parametrize_engine(metafunc)


@pytest.fixture
def run(datong: er.Rulebook, engine: str) -> Run:
    """``run(rule_id, doc, as_of, policy=None)`` → that rule's findings in Datong's rulebook."""
    return Bench().runner(datong, engine)


@pytest.fixture
def run_national(national: er.Rulebook, engine: str) -> Run:
    """The same, in the national rulebook (to compare an override with what it replaced)."""
    return Bench().runner(national, engine)


@pytest.fixture(scope="session")
def status() -> Callable[..., er.Status]:
    """``status(findings, subject, period=None)`` → the one status for *subject* (and *period*)."""
    return status_of


# Helpers reach the test modules as fixtures (test modules are imported in
# importlib mode and cannot import this conftest).


@pytest.fixture(scope="session")
def make_doc() -> Callable[..., dict[str, Any]]:
    return doc


@pytest.fixture(scope="session")
def plan_flat() -> str:
    return plan_text_flat()


@pytest.fixture(scope="session")
def blocks() -> dict[int, str]:
    return task_blocks()


@pytest.fixture(scope="session")
def readme() -> str:
    return (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
