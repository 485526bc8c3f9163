"""examples/datong.json exercises every rule of Datong's rulebook on both sides
of its boundary: as of 2026-11-23 it produces every status the rulebook's
rules can produce, and as of 2023-12-01 every dated task is still pending."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import attrs
import pytest

import enforcerules as er
from enforcerules import Level, Status, Subject
from enforcerules.compile import compile_rule
from enforcerules.deadlines import DeadlineKind
from enforcerules.kinds import MetricTarget, RecurringCount, TaskDeadline

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "datong.json"
AS_OF, EARLY = dt.date(2026, 11, 23), dt.date(2023, 12, 1)


@attrs.frozen
class Seen:
    statuses: dict[tuple[str, dt.date], set[Status]]
    subjects: dict[str, set[str]]
    reports: dict[dt.date, er.Report]

    def at(self, rule_id: str, *days: dt.date) -> set[Status]:
        return set().union(*(self.statuses.get((rule_id, d), set()) for d in days))


@pytest.fixture(scope="module")
def seen(engine: str) -> Seen:
    book = er.load_rulebook("datong")
    facts = er.load_facts(EXAMPLE)
    assert facts.rejections == (), [str(r) for r in facts.rejections]
    out = Seen(defaultdict(set), defaultdict(set), {})
    for day in (AS_OF, EARLY):
        out.reports[day] = er.evaluate(book, facts, day, engine=engine)
        for f in out.reports[day].findings:
            out.statuses[(f.rule_id, day)].add(f.status)
            out.subjects[f.rule_id].add(f.subject)
    return out


def producible(resolved: er.ResolvedRule) -> set[Status]:
    """The statuses a rule's branches can give (a yearly count's NOT_APPLICABLE only for officers)."""
    rule = resolved.rule
    out = set(compile_rule(rule, er.DeadlinePolicy()).statuses)
    if isinstance(rule.spec, RecurringCount) and rule.scope.subject is not Subject.OFFICER:
        out.discard(Status.NOT_APPLICABLE)
    return out


def _national_body_only(resolved: er.ResolvedRule) -> bool:
    return resolved.rule.scope.levels == (Level.NATIONAL,)


def test_example_produces_every_status_the_rulebook_can_as_of_2026_11_23(datong, seen) -> None:
    can = set().union(*(producible(r) for r in datong)) | {Status.OUT_OF_PERIOD, Status.INSUFFICIENT_DATA}
    assert can == set(Status)
    assert {f.status for f in seen.reports[AS_OF].findings} == can


def test_every_rule_is_seen_on_both_sides_of_its_boundary(datong, seen) -> None:
    for resolved in datong:
        both = seen.at(resolved.id, AS_OF, EARLY)
        if _national_body_only(resolved):  # a district's facts hold no national body
            assert both == {Status.INSUFFICIENT_DATA}, resolved.id
        else:
            assert len(both) >= 2, (resolved.id, both)


def test_rules_with_several_subjects_show_every_status_they_can_produce(datong, seen) -> None:
    for resolved in datong:
        if len(seen.subjects[resolved.id]) > 1:
            missing = producible(resolved) - seen.at(resolved.id, AS_OF, EARLY)
            assert not missing, (resolved.id, missing)


def test_every_dated_task_and_target_is_pending_on_1_december_2023(datong, seen) -> None:
    dated = [
        r for r in datong
        if isinstance(r.rule.spec, TaskDeadline | MetricTarget)
        and r.rule.spec.deadline.kind is DeadlineKind.FIXED
        and not _national_body_only(r)
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
