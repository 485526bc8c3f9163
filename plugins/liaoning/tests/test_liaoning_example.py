"""examples/liaoning.json: every Liaoning rule on both sides of its boundary,
every status its rules can produce as of 2026-11-23, and pending earlier."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import enforcerules as er
from enforcerules.deadlines import DeadlineKind
from enforcerules.kinds import CaseProcedure, PenaltyDisposition, RecurringCount, TaskDeadline
from enforcerules.testing import ExampleCoverage
from enforcerules_liaoning import TASKS

S = er.Status
EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "liaoning.json"
LATE_2026 = dt.date(2026, 11, 23)
EARLY_2024 = dt.date(2024, 6, 1)
ONE_DAY = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def facts() -> er.Facts:
    return er.load_facts(EXAMPLE)


@pytest.fixture(scope="module")
def seen(engine: str) -> ExampleCoverage:
    """The example as of 2026-11-23 and 2024-06-01, on the current engine."""
    return ExampleCoverage.measure("liaoning", EXAMPLE, (LATE_2026, EARLY_2024), engine)


@pytest.fixture(scope="module")
def on_python() -> ExampleCoverage:
    """The example as of 2026-11-23 on the Python executor."""
    return ExampleCoverage.measure("liaoning", EXAMPLE, (LATE_2026,), "python")


def reachable(resolved: er.ResolvedRule) -> set[er.Status]:
    """The statuses a rule can give once its dates have passed (as of 2026-11-23)."""
    rule, spec = resolved.rule, resolved.rule.spec
    out = {b.status for b in spec.branches(rule, er.DeadlinePolicy())} - {S.PENDING}
    if isinstance(spec, TaskDeadline) and spec.deadline.kind is DeadlineKind.STANDING:
        out.add(S.PENDING)  # no date: pending for as long as nothing is reported
    if isinstance(spec, TaskDeadline) and spec.deadline.kind is DeadlineKind.ANNUAL:
        out = (out - {S.LATE}) | {S.OUT_OF_PERIOD}  # a report counts for its own year; 2026 lies beyond the plan
    if isinstance(spec, RecurringCount):
        out.add(S.OUT_OF_PERIOD)
        if rule.scope.subject is not er.Subject.OFFICER:
            out.discard(S.NOT_APPLICABLE)  # only officers can be out of post
    if isinstance(spec, (CaseProcedure, PenaltyDisposition)):
        out.add(S.OUT_OF_PERIOD)  # cases decided before the plan was issued
    return out


def ours(rulebook: er.Rulebook) -> list[er.ResolvedRule]:
    return [r for r in rulebook if r.jurisdiction == "liaoning"]


def test_example_loads_with_zero_rejections(facts) -> None:
    assert facts.rejections == ()


def test_example_shows_every_status_late_and_pending_early(seen) -> None:
    seen.assert_shows(set(S) - {S.PENDING}, LATE_2026)
    seen.assert_shows({S.PENDING}, EARLY_2024)


def test_every_liaoning_rule_gives_every_status_it_can(liaoning, seen) -> None:
    single_subject: set[er.Status] = set()
    for resolved in ours(liaoning):
        findings = seen.findings(resolved.id, LATE_2026)
        got = {f.status for f in findings}
        subjects = {f.subject for f in findings}
        assert got and got <= reachable(resolved) | {S.PENDING}, (resolved.id, got)
        if len(subjects) >= 3 or not isinstance(resolved.rule.spec, TaskDeadline) or resolved.rule.spec.deadline.kind is not DeadlineKind.FIXED:
            assert reachable(resolved) <= got, (resolved.id, reachable(resolved) - got)
        else:
            single_subject |= got
    # The mid-term and final evaluations bind only 省司法厅: one is late, one on time.
    assert {S.COMPLIANT, S.LATE} <= single_subject


def test_every_dated_liaoning_stage_is_met_on_its_due_day_and_missed_the_day_after(liaoning, on_python) -> None:
    for resolved in ours(liaoning):
        spec = resolved.rule.spec
        if not isinstance(spec, TaskDeadline) or spec.deadline.kind is not DeadlineKind.FIXED:
            continue
        due = spec.deadline.due()
        findings = on_python.findings(resolved.id, LATE_2026)
        done = {dt.date.fromisoformat(d) if d else d for d in (dict(f.evidence)["completed_on"] for f in findings)}  # evidence holds JSON values
        assert due in done or due + ONE_DAY in done, resolved.id
        if len(findings) >= 2:
            assert {due, due + ONE_DAY} <= done, resolved.id


def test_every_liaoning_rule_with_a_pending_branch_is_pending_on_1_june_2024(liaoning, seen) -> None:
    for resolved in ours(liaoning):
        if S.PENDING in {b.status for b in resolved.rule.spec.branches(resolved.rule, er.DeadlinePolicy())}:
            assert S.PENDING in seen.at(resolved.id, EARLY_2024), resolved.id


@pytest.mark.parametrize("number", range(1, 22))
def test_example_exercises_every_rule_of_task(on_python, number) -> None:
    for rule_id in TASKS[number].rule_ids:
        assert on_python.at(rule_id, LATE_2026) - {S.INSUFFICIENT_DATA}, rule_id


def test_example_first_violation_in_ecology_is_outside_liaonings_mechanism_not_the_statute(on_python) -> None:
    ours = {f.subject: f.status for f in on_python.findings("liaoning.task08.first_violation_tolerance", LATE_2026)}
    assert ours["case_first_eco_penalised"] is S.NOT_APPLICABLE
    assert ours["case_first_market_penalised"] is S.COMPLIANT
    assert ours["case_before_plan"] is S.OUT_OF_PERIOD
    statute = {f.subject: f for f in on_python.findings("national.penalty_law.art33", LATE_2026)}
    assert statute["case_first_eco_penalised"].status is S.COMPLIANT
    assert statute["case_first_eco_penalised"].overridden_by == ()


def test_example_binds_task14s_units_with_the_national_task_key(on_python) -> None:
    ours = {f.subject: f.status for f in on_python.findings("liaoning.task14.supervision_system", LATE_2026)}
    assert (ours["ln_justice"], ours["sy_justice"], ours["ln_market"]) == (S.COMPLIANT, S.LATE, S.VIOLATION)
    governments = {f.subject: f.status for f in on_python.findings("national.supervision.four_level_system", LATE_2026)}
    assert (governments["ln_gov"], governments["sy_gov"]) == (S.COMPLIANT, S.LATE)


@pytest.mark.parametrize(("reported", "expected"), [("2024-11-30", S.COMPLIANT), ("2024-12-01", S.LATE)])
def test_6_the_special_supervision_is_due_with_the_november_2024_stage_not_left_to_适时(liaoning, reported, expected) -> None:
    from enforcerules.testing.plugin_kit import run_rule, status_of

    rid = "liaoning.task06.special_supervision"
    assert "适时" not in liaoning.get(rid).rule.citation.quote
    doc = {
        "units": [{"id": "ln_justice", "name": "辽宁省司法厅", "kind": "justice", "level": "province"}],
        "task_reports": [{"id": "r", "task": "rectification_special_supervision", "unit": "ln_justice", "completed_on": reported}],
    }
    assert status_of(run_rule(liaoning, rid, doc, dt.date(2026, 1, 1)), "ln_justice") is expected
    assert er.Status.PENDING is status_of(run_rule(liaoning, rid, {"units": doc["units"]}, dt.date(2024, 11, 30)), "ln_justice")
