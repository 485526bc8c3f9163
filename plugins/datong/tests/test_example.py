"""examples/datong.json exercises every rule of Datong's rulebook on both sides
of its boundary: as of 2026-11-23 it produces every status the rulebook's
rules can produce, and as of 2023-12-01 every dated task is still pending."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from enforcerules import Status
from enforcerules.deadlines import DeadlineKind
from enforcerules.kinds import MetricTarget, TaskDeadline
from enforcerules.testing import ExampleCoverage
from enforcerules.testing.plugin_kit import bound_only_on_national_bodies

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "datong.json"
AS_OF, EARLY = dt.date(2026, 11, 23), dt.date(2023, 12, 1)


@pytest.fixture(scope="module")
def seen(engine: str) -> ExampleCoverage:
    return ExampleCoverage.measure("datong", EXAMPLE, (AS_OF, EARLY), engine)


def test_example_produces_every_status_the_rulebook_can_as_of_2026_11_23(seen) -> None:
    seen.assert_every_status_appears(AS_OF)


def test_every_rule_is_seen_on_both_sides_of_its_boundary(seen) -> None:
    seen.assert_every_rule_seen_on_both_sides()  # a district's facts hold no national body


def test_rules_with_several_subjects_show_every_status_they_can_produce(seen) -> None:
    seen.assert_rules_with_several_subjects_show_every_status()


def test_every_dated_task_and_target_is_pending_on_1_december_2023(datong, seen) -> None:
    dated = [
        r for r in datong
        if isinstance(r.rule.spec, TaskDeadline | MetricTarget)
        and r.rule.spec.deadline.kind is DeadlineKind.FIXED
        and not bound_only_on_national_bodies(r)
    ]
    assert len(dated) >= 20
    for resolved in dated:
        assert Status.PENDING in seen.at(resolved.id, EARLY), resolved.id
        assert Status.PENDING not in seen.at(resolved.id, AS_OF), resolved.id


def test_datong_findings_carry_datongs_citation(seen) -> None:
    findings = [f for f in seen.reports[AS_OF].findings if f.jurisdiction == "datong"]
    assert {f.citation.document for f in findings} == {"datong-2024-plan"}
    relaxed = [f for f in findings if f.rule_id == "national.rectification.problem_list"]
    assert relaxed and all(f.overridden_by == ("datong",) for f in relaxed)


def test_midterm_report_in_the_example_is_on_time_across_national_day(seen) -> None:
    report = [f for f in seen.reports[AS_OF].findings if f.rule_id == "datong.evaluation.report_to_city"]
    assert {(f.due, f.status) for f in report} == {(dt.date(2024, 10, 8), Status.COMPLIANT), (dt.date(2025, 10, 9), Status.LATE)}
