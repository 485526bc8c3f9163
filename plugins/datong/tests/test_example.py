"""examples/datong.json exercises every rule of Datong's rulebook on both sides
of its boundary: as of 2026-11-23 it produces every status the rulebook's
rules can produce; as of 2023-12-01 every dated national task is still pending
and Datong's own rules are not yet in effect; as of 2024-03-25, the plan's
issue day, Datong's dated tasks are pending."""

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
AS_OF, EARLY, ISSUED = dt.date(2026, 11, 23), dt.date(2023, 12, 1), dt.date(2024, 3, 25)


@pytest.fixture(scope="module")
def seen(engine: str) -> ExampleCoverage:
    return ExampleCoverage.measure("datong", EXAMPLE, (AS_OF, ISSUED, EARLY), engine)


def test_example_produces_every_status_the_rulebook_can_as_of_2026_11_23(seen) -> None:
    seen.assert_every_status_appears(AS_OF)


def test_every_rule_is_seen_on_both_sides_of_its_boundary(seen) -> None:
    seen.assert_every_rule_seen_on_both_sides()  # a district's facts hold no national body


def test_rules_with_several_subjects_show_every_status_they_can_produce(seen) -> None:
    # Over all three days; "*" (a rule not yet in effect on 2023-12-01) is no
    # subject. The national discretion baselines, due 2023-12-31, can only be
    # pending on the early day.
    seen.assert_rules_with_several_subjects_show_every_status()


def _dated(datong) -> list:
    return [
        r for r in datong
        if isinstance(r.rule.spec, TaskDeadline | MetricTarget)
        and r.rule.spec.deadline.kind is DeadlineKind.FIXED
        and not bound_only_on_national_bodies(r)
    ]


def test_every_dated_national_task_is_pending_on_1_december_2023(datong, seen) -> None:
    # The (10) override starts on Datong's issue day; before it the national rule, kept as
    # national.rectification.problem_list.before_datong, is the one pending on 1 December 2023.
    national = [r for r in _dated(datong) if r.jurisdiction == "national"]
    assert len(national) >= 4 and "national.rectification.problem_list.before_datong" in {r.id for r in national}
    assert seen.at("national.rectification.problem_list", EARLY) == {Status.OUT_OF_PERIOD}
    for resolved in national:
        assert Status.PENDING in seen.at(resolved.id, EARLY), resolved.id
        assert Status.PENDING not in seen.at(resolved.id, AS_OF), resolved.id


def test_datongs_own_rules_apply_from_the_issue_day_25_march_2024(datong, seen) -> None:
    own = [r for r in datong if r.declared_by == "datong"]
    assert len(own) >= 45
    for resolved in own:
        assert resolved.rule.effective.start == ISSUED, resolved.id
        assert seen.at(resolved.id, EARLY) == {Status.OUT_OF_PERIOD}, resolved.id
        assert Status.OUT_OF_PERIOD not in seen.at(resolved.id, ISSUED), resolved.id
    dated = [r for r in _dated(datong) if r.declared_by == "datong"]
    assert len(dated) >= 15
    for resolved in dated:
        assert Status.PENDING in seen.at(resolved.id, ISSUED), resolved.id
        assert Status.PENDING not in seen.at(resolved.id, AS_OF), resolved.id


def test_datong_findings_carry_datongs_citation(seen) -> None:
    findings = [f for f in seen.reports[AS_OF].findings if f.jurisdiction == "datong"]
    assert {f.citation.document for f in findings} == {"datong-2024-plan"}
    relaxed = [f for f in findings if f.rule_id == "national.rectification.problem_list"]
    assert relaxed and all(f.overridden_by == ("datong",) for f in relaxed)


def test_midterm_report_in_the_example_is_on_time_across_national_day(seen) -> None:
    # Both evaluations are read from their task reports (rep_071 the mid-term one);
    # the final one is also recorded as an 'evaluation_completed' event, which no rule reads.
    report = [f for f in seen.reports[AS_OF].findings if f.rule_id == "datong.evaluation.report_to_city"]
    assert {(f.due, f.status) for f in report} == {(dt.date(2024, 10, 8), Status.COMPLIANT), (dt.date(2025, 10, 9), Status.LATE)}
    midterm = min(report, key=lambda f: f.due)
    assert dict(midterm.evidence)["trigger_event"] == "rep_071"
