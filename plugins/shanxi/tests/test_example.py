"""examples/shanxi.json exercises every rule of the Shanxi rulebook on both sides of its
boundary, and produces every status the rulebook's rules can produce."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import attrs
import pytest

import enforcerules as er
from enforcerules import DeadlinePolicy, Level, Status, Subject
from enforcerules.compile import compile_rule
from enforcerules.kinds import RecurringCount

JURISDICTION = "shanxi"
EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / f"{JURISDICTION}.json"
AS_OF, EARLY = dt.date(2026, 11, 23), dt.date(2023, 12, 1)


def producible(resolved: er.ResolvedRule) -> set[Status]:
    """The statuses a rule's branches can give (NOT_APPLICABLE of a yearly count only for officers)."""
    rule = resolved.rule
    out = set(compile_rule(rule, DeadlinePolicy()).statuses)
    if isinstance(rule.spec, RecurringCount) and rule.scope.subject is not Subject.OFFICER:
        out.discard(Status.NOT_APPLICABLE)  # units and regions are always "in service"
    return out


@attrs.frozen
class Seen:
    """Statuses per rule and as-of day, and the subjects each rule judged."""

    statuses: dict[tuple[str, dt.date], set[Status]]
    subjects: dict[str, set[str]]

    def at(self, rule_id: str, *days: dt.date) -> set[Status]:
        return set().union(*(self.statuses.get((rule_id, d), set()) for d in days))


@pytest.fixture(scope="module")
def seen(engine: str) -> Seen:
    book = er.load_rulebook(JURISDICTION)
    facts = er.load_facts(EXAMPLE)
    assert facts.rejections == (), [str(r) for r in facts.rejections]
    out = Seen(defaultdict(set), defaultdict(set))
    for day in (AS_OF, EARLY):
        for f in er.evaluate(book, facts, day, engine=engine).findings:
            out.statuses[(f.rule_id, day)].add(f.status)
            out.subjects[f.rule_id].add(f.subject)
    return out


@pytest.fixture(scope="module")
def book() -> er.Rulebook:
    return er.load_rulebook(JURISDICTION)


def _national_only(resolved: er.ResolvedRule) -> bool:
    return resolved.rule.scope.levels == (Level.NATIONAL,)


def test_every_rule_is_seen_on_both_sides_of_its_boundary(book, seen) -> None:
    for resolved in book:
        both = seen.at(resolved.id, AS_OF, EARLY)
        if _national_only(resolved):
            # Bound only on national bodies, which a provincial facts document has none of.
            assert both == {Status.INSUFFICIENT_DATA}, resolved.id
        else:
            assert len(both) >= 2, (resolved.id, both)


def test_rules_with_several_subjects_show_every_status_they_can_produce(book, seen) -> None:
    for resolved in book:
        if len(seen.subjects[resolved.id]) > 1:
            missing = producible(resolved) - seen.at(resolved.id, AS_OF, EARLY)
            assert not missing, (resolved.id, missing)


def test_pending_is_shown_as_of_an_earlier_day_wherever_a_rule_can_be_pending(book, seen) -> None:
    for resolved in book:
        if Status.PENDING in producible(resolved) and not _national_only(resolved):
            assert Status.PENDING in seen.at(resolved.id, EARLY), resolved.id


def test_every_status_the_rulebook_can_produce_appears_as_of_23_november_2026(book, seen) -> None:
    possible = set().union(*(producible(r) for r in book)) | {Status.OUT_OF_PERIOD, Status.INSUFFICIENT_DATA}
    shown = set().union(*(seen.at(r.id, AS_OF) for r in book))
    assert shown == possible == set(Status)


def test_every_rule_of_this_jurisdiction_shows_a_failing_side_as_of_23_november_2026(book, seen) -> None:
    failing = {Status.VIOLATION, Status.LATE, Status.PENDING}
    for resolved in book:
        if resolved.jurisdiction == JURISDICTION:
            assert seen.at(resolved.id, AS_OF) & failing or len(seen.subjects[resolved.id]) == 1, resolved.id
