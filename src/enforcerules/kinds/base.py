"""The contract every rule kind fulfils, and what kinds hand the engine.

A kind is a frozen attrs class holding a rule's parameters. Evaluation of a
rule runs in three steps, and only the middle one is the engine's:

1. :meth:`RuleKind.observe` turns facts into flat :class:`Observation` values
   (sums per officer-year, dates as ordinals, set membership as 0/1 flags);
2. the compiled :meth:`RuleKind.branches` — conditions in durable-rules' JSON
   rule language, tried in order — pick a :class:`~enforcerules.Status`;
3. :meth:`RuleKind.explain` words the verdict in Chinese and English.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from ..citation import Period
from ..deadlines import DeadlinePolicy
from ..findings import Status

if TYPE_CHECKING:
    from ..calendar import HolidayCalendar
    from ..factset import Facts
    from ..facts import Case, Officer, Region, Unit
    from ..rules import Rule, Scope, Subject

__all__ = [
    "Branch",
    "EvalContext",
    "Explanation",
    "Observation",
    "RuleKind",
    "scoped_cases",
    "scoped_officers",
    "scoped_regions",
    "scoped_subjects",
    "scoped_units",
    "years_to_check",
]

EngineValue = int | str


@attrs.frozen
class EvalContext:
    """What a kind may read while observing: facts, the as-of day, readings."""

    facts: Facts
    as_of: _dt.date
    policy: DeadlinePolicy = attrs.field(factory=DeadlinePolicy)
    calendar: HolidayCalendar | None = None


@attrs.frozen
class Observation:
    """One subject-period, reduced to flat values the engine can compare.

    ``values`` go to the engine (ints and short strings only, never None);
    ``evidence`` is what the finding reports; ``period`` decides whether the
    rule's effective period covers the observation at all.
    """

    subject: str
    period: Period
    label: str
    values: Mapping[str, EngineValue]
    evidence: Mapping[str, Any] = attrs.field(factory=dict)
    due: _dt.date | None = None


@attrs.frozen
class Branch:
    """If ``when`` (a durable-rules condition over observation values) holds, ``status``.

    Branches are tried in order; the first that matches decides. An empty
    ``when`` matches every observation.
    """

    status: Status
    when: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class Explanation:
    zh: str
    en: str
    remedy_zh: str = ""
    remedy_en: str = ""


class RuleKind:
    """Base class of kind specs. Subclasses are ``@attrs.frozen``."""

    kind_name: ClassVar[str]
    subject: ClassVar[Subject]

    def observe(self, rule: Rule, ctx: EvalContext) -> Iterable[Observation]:
        raise NotImplementedError

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        raise NotImplementedError

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        raise NotImplementedError

    def parameters(self) -> dict[str, Any]:
        """The spec's parameters as plain data, for catalogues and digests."""
        from ..findings import _jsonable

        return {a.name: _jsonable(getattr(self, a.name)) for a in attrs.fields(type(self))}  # type: ignore[arg-type]

    def due_date(self, policy: DeadlinePolicy) -> _dt.date | None:
        """The fixed due date, for kinds that have one (catalogues, diffs)."""
        return None


# -- helpers kinds share -----------------------------------------------------


def _unit_matches(scope: Scope, unit: Unit | None) -> bool:
    if unit is None:
        return not (scope.unit_kinds or scope.levels or scope.fields)
    return (
        (not scope.unit_kinds or unit.kind in scope.unit_kinds)
        and (not scope.levels or unit.level in scope.levels)
        and (not scope.fields or (unit.field or "") in scope.fields)
    )


def scoped_units(scope: Scope, facts: Facts) -> Iterator[Unit]:
    return (u for u in facts.units if _unit_matches(scope, u))


def scoped_officers(scope: Scope, facts: Facts) -> Iterator[Officer]:
    for o in facts.officers:
        if scope.township is not None and o.township != scope.township:
            continue
        if _unit_matches(scope, facts.unit_by_id.get(o.unit)):
            yield o


def scoped_cases(scope: Scope, facts: Facts) -> Iterator[Case]:
    for c in facts.cases:
        unit = facts.unit_by_id.get(c.unit)
        if scope.fields and c.field not in scope.fields:
            continue
        if (not scope.unit_kinds or (unit and unit.kind in scope.unit_kinds)) and (
            not scope.levels or (unit and unit.level in scope.levels)
        ):
            yield c


def scoped_regions(scope: Scope, facts: Facts) -> Iterator[Region]:
    return (r for r in facts.regions if not scope.levels or r.level in scope.levels)


def scoped_subjects(scope: Scope, facts: Facts) -> Iterator[tuple[str, Officer | None]]:
    """(id, officer-or-None) of the officers, regions or units (default) a scope binds.

    The officer is returned so yearly kinds can check service dates.
    """
    from ..rules import Subject

    if scope.subject is Subject.OFFICER:
        return ((o.id, o) for o in scoped_officers(scope, facts))
    if scope.subject is Subject.REGION:
        return ((r.id, None) for r in scoped_regions(scope, facts))
    return ((u.id, None) for u in scoped_units(scope, facts))


def years_to_check(rule: Rule, ctx: EvalContext, fact_years: Iterable[int] = ()) -> list[int]:
    """Calendar years a yearly rule reports on.

    Every year of the effective period that has begun by the as-of day, plus
    any year the facts mention (so facts outside the period are reported as
    out of period rather than ignored).
    """
    first = rule.effective.start.year
    last = min(rule.effective.end.year, ctx.as_of.year)
    years = set(range(first, last + 1)) | {y for y in fact_years if y <= ctx.as_of.year}
    return sorted(years)


def flag(value: bool) -> int:
    """Booleans travel to the engine as 0/1."""
    return 1 if value else 0


def hours_to_centi(hours: float) -> int:
    """Hours travel as integer hundredths: no floats reach the engine."""
    return int(round(hours * 100))
