"""examples/liaoning.json: every Liaoning rule on both sides of its boundary,
every status its rules can produce as of 2026-11-23, and pending earlier."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest

import enforcerules as er
from enforcerules.deadlines import DeadlineKind
from enforcerules.kinds import CaseProcedure, RecurringCount, TaskDeadline
from enforcerules_liaoning import TASKS

S = er.Status
EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "liaoning.json"
LATE_2026 = dt.date(2026, 11, 23)
EARLY_2024 = dt.date(2024, 6, 1)
ONE_DAY = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def facts() -> er.Facts:
    return er.load_facts(EXAMPLE)


def by_rule(report: er.Report) -> dict[str, list[er.Finding]]:
    out: dict[str, list[er.Finding]] = defaultdict(list)
    for f in report.findings:
        out[f.rule_id].append(f)
    return out


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
    if isinstance(spec, CaseProcedure):
        out.add(S.OUT_OF_PERIOD)  # cases decided before the plan was issued
    return out


def ours(rulebook: er.Rulebook) -> list[er.ResolvedRule]:
    return [r for r in rulebook if r.jurisdiction == "liaoning"]


def test_example_loads_with_zero_rejections(facts) -> None:
    assert facts.rejections == ()


def test_example_shows_every_status_late_and_pending_early(liaoning, facts, engine) -> None:
    late = {f.status for f in er.evaluate(liaoning, facts, LATE_2026, engine=engine).findings}
    early = {f.status for f in er.evaluate(liaoning, facts, EARLY_2024, engine=engine).findings}
    assert set(S) - {S.PENDING} <= late, set(S) - late
    assert S.PENDING in early


def test_every_liaoning_rule_gives_every_status_it_can(liaoning, facts, engine) -> None:
    findings = by_rule(er.evaluate(liaoning, facts, LATE_2026, engine=engine))
    single_subject: set[er.Status] = set()
    for resolved in ours(liaoning):
        got = {f.status for f in findings[resolved.id]}
        subjects = {f.subject for f in findings[resolved.id]}
        assert got and got <= reachable(resolved) | {S.PENDING}, (resolved.id, got)
        if len(subjects) >= 3 or not isinstance(resolved.rule.spec, TaskDeadline) or resolved.rule.spec.deadline.kind is not DeadlineKind.FIXED:
            assert reachable(resolved) <= got, (resolved.id, reachable(resolved) - got)
        else:
            single_subject |= got
    # The mid-term and final evaluations bind only 省司法厅: one is late, one on time.
    assert {S.COMPLIANT, S.LATE} <= single_subject


def test_every_dated_liaoning_stage_is_met_on_its_due_day_and_missed_the_day_after(liaoning, facts) -> None:
    findings = by_rule(er.evaluate(liaoning, facts, LATE_2026, engine="python"))
    for resolved in ours(liaoning):
        spec = resolved.rule.spec
        if not isinstance(spec, TaskDeadline) or spec.deadline.kind is not DeadlineKind.FIXED:
            continue
        due = spec.deadline.due()
        done = {dict(f.evidence)["completed_on"] for f in findings[resolved.id]}
        assert due in done or due + ONE_DAY in done, resolved.id
        if len(findings[resolved.id]) >= 2:
            assert {due, due + ONE_DAY} <= done, resolved.id


def test_every_liaoning_rule_with_a_pending_branch_is_pending_on_1_june_2024(liaoning, facts, engine) -> None:
    findings = by_rule(er.evaluate(liaoning, facts, EARLY_2024, engine=engine))
    for resolved in ours(liaoning):
        if S.PENDING in {b.status for b in resolved.rule.spec.branches(resolved.rule, er.DeadlinePolicy())}:
            assert S.PENDING in {f.status for f in findings[resolved.id]}, resolved.id


@pytest.mark.parametrize("number", range(1, 22))
def test_example_exercises_every_rule_of_task(liaoning, facts, number) -> None:
    findings = by_rule(er.evaluate(liaoning, facts, LATE_2026, engine="python"))
    for rule_id in TASKS[number].rule_ids:
        assert {f.status for f in findings[rule_id]} - {S.INSUFFICIENT_DATA}, rule_id


def test_example_first_violation_in_ecology_is_not_a_ground_in_liaoning(liaoning, facts) -> None:
    findings = {f.subject: f for f in by_rule(er.evaluate(liaoning, facts, LATE_2026, engine="python"))["national.penalty_law.art33"]}
    assert findings["case_first_eco_penalised"].status is S.NOT_APPLICABLE
    assert findings["case_first_market_penalised"].status is S.COMPLIANT
    assert findings["case_first_eco_penalised"].overridden_by == ("liaoning",)
