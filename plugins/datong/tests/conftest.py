"""Fixtures for Datong's tests: the rulebook, the executors, the plan text,
Datong's units and regions, and ``run``, which evaluates one rule of the
Datong rulebook on a facts document."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest

import enforcerules as er

#: Every executor these tests run on; durable-rules joins once its executor module exists.
ENGINES = ("python", "durable") if importlib.util.find_spec("enforcerules.engine_durable") else ("python",)

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
]
REGIONS: list[dict[str, Any]] = [
    {"id": "anhui", "name": "安徽省", "level": "province"},
    {"id": "huainan", "name": "淮南市", "level": "city", "parent": "anhui"},
    {"id": "datong", "name": "大通区", "level": "county", "parent": "huainan"},
]

Run = Callable[..., list[er.Finding]]


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


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _facts(doc: Mapping[str, Any]) -> er.Facts:
    facts = er.load_facts(doc)
    assert facts.rejections == (), [str(r) for r in facts.rejections]
    return facts


def _runner(book: er.Rulebook, engine: str) -> Run:
    def _run(rule_id: str, doc: Mapping[str, Any], as_of: dt.date, policy: er.DeadlinePolicy | None = None) -> list[er.Finding]:
        one = attrs.evolve(book, rules=(book.get(rule_id),))
        report = er.evaluate(one, _facts(doc), as_of, engine=engine, policy=policy)
        assert all(f.rule_id == rule_id for f in report.findings)
        return list(report.findings)

    return _run


@pytest.fixture
def run(datong: er.Rulebook, engine: str) -> Run:
    """``run(rule_id, doc, as_of, policy=None)`` → that rule's findings in Datong's rulebook."""
    return _runner(datong, engine)


@pytest.fixture
def run_national(national: er.Rulebook, engine: str) -> Run:
    """The same, in the national rulebook (to compare an override with what it replaced)."""
    return _runner(national, engine)


def status_of(findings: list[er.Finding], subject: str, period: str | None = None) -> er.Status:
    """The one status for *subject* (and *period*) among *findings*."""
    hits = [f.status for f in findings if f.subject == subject and (period is None or f.period == period)]
    assert len(hits) == 1, (subject, period, [(f.subject, f.period, f.status) for f in findings])
    return hits[0]


@pytest.fixture(scope="session")
def status() -> Callable[..., er.Status]:
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
