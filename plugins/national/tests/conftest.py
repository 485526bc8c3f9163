"""Fixtures for the national plugin's tests: the rulebook, the executors, and
``run``, which evaluates one rule of the national rulebook on a facts document."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import pytest

import enforcerules as er

#: Every executor these tests run on: durable-rules wherever it imports (Python < 3.13).
ENGINES = ("python", "durable") if sys.version_info < (3, 13) else ("python",)

Run = Callable[..., list[er.Finding]]


@pytest.fixture(scope="session")
def national() -> er.Rulebook:
    return er.load_rulebook("national")


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _facts(doc: Mapping[str, Any]) -> er.Facts:
    facts = er.load_facts(doc)
    assert facts.rejections == (), [str(r) for r in facts.rejections]
    return facts


@pytest.fixture
def run(national: er.Rulebook, engine: str) -> Run:
    """``run(rule_id, doc, as_of, policy=None)`` → that rule's findings, on the current engine."""

    def _run(rule_id: str, doc: Mapping[str, Any], as_of: dt.date, policy: er.DeadlinePolicy | None = None) -> list[er.Finding]:
        one = attrs.evolve(national, rules=(national.get(rule_id),))
        report = er.evaluate(one, _facts(doc), as_of, engine=engine, policy=policy)
        assert all(f.rule_id == rule_id for f in report.findings)
        return list(report.findings)

    return _run


def status_of(findings: list[er.Finding], subject: str, period: str | None = None) -> er.Status:
    """The one status for *subject* (and *period*) among *findings*."""
    hits = [f.status for f in findings if f.subject == subject and (period is None or f.period == period)]
    assert len(hits) == 1, (subject, period, [(f.subject, f.period, f.status) for f in findings])
    return hits[0]


@pytest.fixture(scope="session")
def status() -> Callable[..., er.Status]:
    return status_of
