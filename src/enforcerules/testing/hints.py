"""What a set of rules tells fact generation: thresholds, task keys, event kinds.

Each rule kind contributes through one small function in :data:`HINTERS`;
a kind without one contributes only its scope. Kinds read parameters with
``getattr`` so a kind whose fields are still changing never breaks test
generation.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

import attrs

from ..facts import LEVEL_ORDER, Level, TrainingCategory, UnitKind
from ..kinds.training import hours_to_micro
from ..rules import Rule, Subject
from .dates import _rules_of, key_dates

__all__ = ["HINTERS", "LEVEL_ORDER", "Hints", "at_or_below", "hints_for"]



def at_or_below(level: Level, top: Level | None) -> bool:
    """Whether *level* lies at or below *top* (``None``: no limit)."""
    return top is None or LEVEL_ORDER.index(level) >= LEVEL_ORDER.index(top)

#: Enforcement fields used when no rule names one (see kinds/cases.py).
FIELDS = ("market_regulation", "life_health", "public_safety", "ecology_environment", "urban_management")


@attrs.define(eq=False)  # hashed by identity: strategies built from it are cached
class Hints:
    """Values fact generation should hit exactly, collected from rules."""

    hour_thresholds: set[int] = attrs.field(factory=set)  # millionths of an hour
    training_years: set[int] = attrs.field(factory=set)  # years a training rule judges
    categories: set[TrainingCategory] = attrs.field(factory=set)
    tasks: set[str] = attrs.field(factory=set)
    events: dict[str, set[Subject]] = attrs.field(factory=dict)  # event kind -> subjects
    counts: set[int] = attrs.field(factory=set)
    unit_kinds: set[UnitKind] = attrs.field(factory=set)
    levels: set[Level] = attrs.field(factory=set)
    fields: set[str] = attrs.field(factory=set)
    designations: set[str] = attrs.field(factory=set)
    metrics: dict[str, set[int]] = attrs.field(factory=dict)  # metric name -> years
    violation_codes: set[str] = attrs.field(factory=set)
    circumstances: set[str] = attrs.field(factory=set)
    days: tuple[_dt.date, ...] = ()
    relative_days: set[int] = attrs.field(factory=set)
    item_years: set[int] = attrs.field(factory=set)
    unit_names: set[str] = attrs.field(factory=set)  # texts named scopes look for in unit names  # how long an item lies dormant before a clean-up
    needs: set[str] = attrs.field(factory=set)  # fact sections the rules read
    within: Level | None = None  # generate only units and regions at or below this level

    def unit_levels(self) -> list[Level]:
        """Levels for generated units, the likeliest first (shrinking goes there)."""
        preferred = [Level.COUNTY, Level.CITY, Level.PROVINCE, Level.TOWNSHIP, Level.NATIONAL]
        return [lv for lv in preferred if at_or_below(lv, self.within)]

    def event(self, kind: Any, subject: Subject) -> None:
        if isinstance(kind, str) and kind:
            self.events.setdefault(kind, set()).add(subject)


def _training(spec: Any, rule: Rule, h: Hints) -> None:
    h.needs.add("training")
    h.training_years.update(range(rule.effective.start.year, rule.effective.end.year + 1))
    h.hour_thresholds.add(hours_to_micro(spec.min_hours))
    h.categories.update(spec.counted)
    for split in getattr(spec, "splits", ()):
        h.hour_thresholds.add(hours_to_micro(split.min_hours))
        h.categories.update(split.categories)


def _unit_training(spec: Any, rule: Rule, h: Hints) -> None:
    h.needs.update({"training", "officers", "unit_sessions"})
    if spec.min_hours:
        h.hour_thresholds.add(hours_to_micro(spec.min_hours))
    if spec.min_sessions:
        h.counts.add(int(spec.min_sessions))
    h.categories.update(spec.categories or TrainingCategory)


def _task(spec: Any, rule: Rule, h: Hints) -> None:
    h.tasks.add(spec.task)


def _recurring(spec: Any, rule: Rule, h: Hints) -> None:
    h.event(spec.event, rule.scope.subject)
    h.counts.add(int(spec.min_count))


def _relative(spec: Any, rule: Rule, h: Hints) -> None:
    h.event(getattr(spec, "trigger", None), rule.scope.subject)
    h.event(getattr(spec, "response", None), rule.scope.subject)
    days = getattr(spec, "days", None)
    if isinstance(days, int):
        h.relative_days.add(days)


def _metric(spec: Any, rule: Rule, h: Hints) -> None:
    h.needs.add("regions")
    name, year = getattr(spec, "metric", None), getattr(spec, "year", None)
    if isinstance(name, str) and isinstance(year, int):
        h.metrics.setdefault(name, set()).update({year - 1, year})


def _designation(spec: Any, rule: Rule, h: Hints) -> None:
    h.needs.add("regions")
    if isinstance(getattr(spec, "designation", None), str):
        h.designations.add(spec.designation)
    for n in (getattr(spec, "min_count", None), getattr(spec, "max_count", None)):
        if isinstance(n, int):
            h.counts.add(n)


def _disposition(spec: Any, rule: Rule, h: Hints) -> None:
    h.fields.update(f for f in getattr(spec, "first_violation_excluded_fields", ()) if isinstance(f, str))
    for lst in getattr(spec, "lists", ()):
        for entry in getattr(lst, "entries", ()):
            h.violation_codes.add(entry.code)
            h.fields.add(entry.field)


def _mitigation(spec: Any, rule: Rule, h: Hints) -> None:
    h.circumstances.update(c for c in getattr(spec, "circumstances", ()) if isinstance(c, str))


def _items(spec: Any, rule: Rule, h: Hints) -> None:
    h.needs.add("items")
    years = getattr(spec, "years", None)
    if isinstance(years, int):
        h.item_years.add(years)


def _certificates(spec: Any, rule: Rule, h: Hints) -> None:
    h.needs.update({"officers", "certificates", "training"})


HINTERS: dict[str, Callable[[Any, Rule, Hints], None]] = {
    "annual_training_hours": _training,
    "unit_training_hours": _unit_training,
    "task_deadline": _task,
    "recurring_count": _recurring,
    "relative_deadline": _relative,
    "metric_target": _metric,
    "designation_count": _designation,
    "penalty_disposition": _disposition,
    "certified_handling": _certificates,
    "certificate_issuance": _certificates,
    "certificate_withdrawal": _certificates,
    "mitigation_required": _mitigation,
    "item_catalogue": _items,
    "item_cleanup": _items,
}


_ALL_SECTIONS = ("regions", "officers", "training", "certificates", "cases", "items")
_SUBJECT_SECTIONS = {
    Subject.OFFICER: ("officers",),
    Subject.UNIT: (),
    Subject.REGION: ("regions",),
    Subject.CASE: ("cases", "officers", "certificates"),
    Subject.CERTIFICATE: ("officers", "certificates"),
    Subject.ITEM: ("items",),
}


def hints_for(source: Any, within: Level | None = None) -> Hints:
    """Collect :class:`Hints` from a rulebook, rules, or ``None`` (generic defaults)."""
    h = Hints(within=within)
    rules = _rules_of(source)
    if source is None:
        h.needs.update(_ALL_SECTIONS)
    for rule in rules:
        h.needs.update(_SUBJECT_SECTIONS[rule.scope.subject])
        h.unit_kinds.update(rule.scope.unit_kinds)
        h.levels.update(rule.scope.levels)
        h.fields.update(rule.scope.fields)
        h.unit_names.update(rule.scope.named)
        hinter = HINTERS.get(rule.kind)
        if hinter is not None:
            hinter(rule.spec, rule, h)
    if not h.hour_thresholds:
        h.hour_thresholds.add(6000)
    if not h.categories:
        h.categories.update(TrainingCategory)
    h.counts.add(1)
    h.fields.update(FIELDS[:2])
    h.days = key_dates(rules, holidays=True)
    return h
