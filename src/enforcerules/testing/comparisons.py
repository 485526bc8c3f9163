"""Parameter-level comparison of a child's rule with its parent's.

Each kind gets one small function in :data:`COMPARISONS` that looks at the
two specs and returns :class:`Change` values, one per parameter that
differs, each saying whether the child is weaker there (binds less:
a lower minimum, a later date, a requirement dropped), stronger, or whether
the parameters alone cannot tell (a different task key, a different kind
of deadline). Scope and effective period are compared for every kind.

"Weaker" always means: some facts exist on which the child's rule reports
compliance (or reports nothing, or something less severe) where the
parent's reports a violation, a late completion or a pending duty. The
search in :mod:`enforcerules.testing.weaker` looks for such facts.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from ..deadlines import Deadline, DeadlineKind, DeadlinePolicy
from ..facts import Level
from ..rules import Rule, Scope
from .hints import at_or_below

__all__ = [
    "COMPARISONS",
    "Change",
    "Direction",
    "ParameterVerdict",
    "Verdict",
    "compare_deadlines",
    "compare_rules",
    "compare_scopes",
]

POLICIES = (("default reading", DeadlinePolicy()), ("strict reading", DeadlinePolicy.strict()))


class Direction(enum.Enum):
    WEAKER = "weaker"
    STRONGER = "stronger"
    NEUTRAL = "neutral"  # changes some verdicts, never towards less severe ones
    UNDECIDABLE = "undecidable"


@attrs.frozen
class Change:
    """One parameter that differs, and which way."""

    parameter: str
    parent: Any
    child: Any
    direction: Direction
    reason: str

    def __str__(self) -> str:
        return f"{self.parameter}: {self.parent!r} → {self.child!r} ({self.direction.value}: {self.reason})"


class Verdict(enum.Enum):
    WEAKER = "weaker"
    NOT_WEAKER = "not_weaker"
    UNDECIDABLE = "undecidable"


@attrs.frozen
class ParameterVerdict:
    """What the parameters alone say about the child against the parent."""

    verdict: Verdict
    changes: tuple[Change, ...] = ()

    @classmethod
    def of(cls, changes: Iterable[Change]) -> ParameterVerdict:
        changes = tuple(changes)
        directions = {c.direction for c in changes}
        if Direction.WEAKER in directions:
            verdict = Verdict.WEAKER
        elif Direction.UNDECIDABLE in directions:
            verdict = Verdict.UNDECIDABLE
        else:
            verdict = Verdict.NOT_WEAKER
        return cls(verdict, changes)


Comparison = Callable[[Any, Any], list[Change]]


def _lower(name: str, parent: Any, child: Any, what: str = "a lower minimum") -> list[Change]:
    """A minimum: lower in the child is weaker."""
    if child == parent:
        return []
    if child < parent:
        return [Change(name, parent, child, Direction.WEAKER, what)]
    return [Change(name, parent, child, Direction.STRONGER, "a higher minimum")]


def _higher(name: str, parent: Any, child: Any, what: str) -> list[Change]:
    """A maximum or allowance: higher in the child is weaker."""
    if child == parent:
        return []
    if child > parent:
        return [Change(name, parent, child, Direction.WEAKER, what)]
    return [Change(name, parent, child, Direction.STRONGER, "a smaller allowance")]


def _dropped(name: str, parent: bool, child: bool, what: str) -> list[Change]:
    """A requirement flag: True → False is weaker."""
    if parent == child:
        return []
    if parent and not child:
        return [Change(name, parent, child, Direction.WEAKER, what)]
    return [Change(name, parent, child, Direction.STRONGER, "a requirement added")]


def _same(name: str, parent: Any, child: Any, what: str) -> list[Change]:
    """An identity parameter (task key, event kind): a different value is a different duty."""
    if parent == child:
        return []
    return [Change(name, parent, child, Direction.UNDECIDABLE, what)]


def _subset(name: str, parent: Iterable[Any], child: Iterable[Any], weaker_if_added: bool, what: str) -> list[Change]:
    p, c = set(parent), set(child)
    if p == c:
        return []
    added, removed = c - p, p - c
    weaker = bool(added) if weaker_if_added else bool(removed)
    stronger = bool(removed) if weaker_if_added else bool(added)
    direction = Direction.WEAKER if weaker else Direction.STRONGER if stronger else Direction.UNDECIDABLE
    return [Change(name, _show(p), _show(c), direction, what if weaker else "the opposite of " + what)]


def _show(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(sorted(getattr(v, "value", v) for v in values))


def compare_deadlines(name: str, parent: Deadline, child: Deadline) -> list[Change]:
    """A later due date under the same reading is weaker; losing the date is weaker."""
    if parent == child:
        return []
    pk, ck = parent.kind, child.kind
    undated = (DeadlineKind.STANDING, DeadlineKind.ON_INSTRUCTION)
    if pk is DeadlineKind.FIXED and ck is DeadlineKind.FIXED:
        out = []
        for label, policy in POLICIES:
            p_due, c_due = parent.due(policy), child.due(policy)
            if p_due != c_due and c_due is not None and p_due is not None:
                direction = Direction.WEAKER if c_due > p_due else Direction.STRONGER
                out.append(Change(
                    f"{name} ({label})", f"{parent.phrase} = {p_due}", f"{child.phrase} = {c_due}", direction,
                    "a later deadline" if direction is Direction.WEAKER else "an earlier deadline",
                ))
        return out
    if pk is DeadlineKind.FIXED and ck in undated:
        return [Change(name, parent.phrase, child.phrase, Direction.WEAKER, "an undated duty can never be late")]
    if pk in undated and ck is DeadlineKind.FIXED:
        return [Change(name, parent.phrase, child.phrase, Direction.STRONGER, "a date added")]
    if pk is ck:
        return []
    return [Change(name, parent.phrase, child.phrase, Direction.UNDECIDABLE, f"a {ck.value} deadline replaces a {pk.value} one")]


def _training(p: Any, c: Any) -> list[Change]:
    out = _lower("min_hours", p.min_hours, c.min_hours)
    out += _subset("counted", p.counted, c.counted, True, "more categories count towards the minimum")
    for i, split in enumerate(p.splits):
        kept = [s for s in c.splits if set(s.categories) <= set(split.categories) and s.min_hours >= split.min_hours]
        if not kept:
            lower = [s for s in c.splits if set(s.categories) == set(split.categories)]
            shown = lower[0].min_hours if lower else None
            out.append(Change(f"splits[{i}] {_show(split.categories)}", split.min_hours, shown, Direction.WEAKER,
                              "a lower split minimum" if lower else "a split dropped"))
    if len(c.splits) > len(p.splits) and not any(x.direction is Direction.WEAKER for x in out):
        out.append(Change("splits", len(p.splits), len(c.splits), Direction.STRONGER, "more splits"))
    return out


def _unit_training(p: Any, c: Any) -> list[Change]:
    out = _lower("min_sessions", p.min_sessions, c.min_sessions) + _lower("min_hours", p.min_hours, c.min_hours)
    if p.categories and not c.categories:
        out.append(Change("categories", _show(p.categories), "all", Direction.WEAKER, "sessions of every category count"))
    elif c.categories and not p.categories:
        out.append(Change("categories", "all", _show(c.categories), Direction.STRONGER, "only some categories count"))
    else:
        out += _subset("categories", p.categories, c.categories, True, "sessions of more categories count")
    out += _dropped("township_audience", p.township_audience, c.township_audience, "sessions for any audience count")
    return out


def _task(p: Any, c: Any) -> list[Change]:
    return _same("task", p.task, c.task, "a different task") + compare_deadlines("deadline", p.deadline, c.deadline)


def _recurring(p: Any, c: Any) -> list[Change]:
    return _same("event", p.event, c.event, "a different event kind") + _lower("min_count", p.min_count, c.min_count)


def _certified(p: Any, c: Any) -> list[Change]:
    return _lower("min_certified", p.min_certified, c.min_certified) + _dropped(
        "all_certified", p.all_certified, c.all_certified, "uncertified co-handlers allowed")


def _issuance(p: Any, c: Any) -> list[Change]:
    return _dropped("require_exam", p.require_exam, c.require_exam, "no exam required") + _dropped(
        "require_training", p.require_training, c.require_training, "no training required")


def _withdrawal(p: Any, c: Any) -> list[Change]:
    return _higher("grace_days", p.grace_days, c.grace_days, "more days to withdraw a certificate")


def _relative(p: Any, c: Any) -> list[Change]:
    out = _same("trigger", p.trigger, c.trigger, "a different trigger") + _same("response", p.response, c.response, "a different response")
    out += _higher("days", p.days, c.days, "more days to respond")
    out += _subset("trigger_tasks", p.trigger_tasks, c.trigger_tasks, False, "fewer task completions start the period")
    if p.counting != c.counting:
        civil = getattr(p.counting, "value", "") == "civil_code"
        out.append(Change("counting", p.counting.value, c.counting.value,
                          Direction.STRONGER if civil else Direction.WEAKER,
                          "rest days no longer extend the period" if civil else "rest days now extend the period"))
    return out


def _metric(p: Any, c: Any) -> list[Change]:
    out = _same("metric", p.metric, c.metric, "a different metric") + _same("year", p.year, c.year, "a different year")
    out += compare_deadlines("deadline", p.deadline, c.deadline)
    out += _dropped("must_fall", p.must_fall, c.must_fall, "the metric need no longer fall")
    if p.at_most_level != c.at_most_level:
        direction = Direction.WEAKER if c.at_most_level is None else Direction.STRONGER if p.at_most_level is None else Direction.UNDECIDABLE
        out.append(Change("at_most_level", p.at_most_level, c.at_most_level, direction, "the comparison with a higher level changed"))
    return out


def _designation(p: Any, c: Any) -> list[Change]:
    out = _same("designation", p.designation, c.designation, "a different designation")
    out += _same("child_level", p.child_level, c.child_level, "a different level")
    out += _lower("min_count", p.min_count, c.min_count)
    out += _higher("max_count", p.max_count, c.max_count, "a higher maximum")
    return out


def _disposition(p: Any, c: Any) -> list[Change]:
    # The rule flags penalised cases the law says *shall not* be penalised.
    # Sentence 2 of art. 33 is a "may" ground: switching it off (wholly or per
    # field) turns compliant verdicts into not_applicable ones, which binds no
    # less — unless the child applies lists whose entries lean on sentence 2,
    # whose "shall not" grounds then disappear in those fields.
    leans = bool(c.lists)
    direction = Direction.WEAKER if leans else Direction.NEUTRAL
    why = "list grounds anchored on art. 33 sentence 2 become unavailable" if leans else "only a 'may' ground changes"
    out: list[Change] = []
    if p.first_violation_leniency and not c.first_violation_leniency:
        out.append(Change("first_violation_leniency", True, False, direction, why))
    elif c.first_violation_leniency and not p.first_violation_leniency:
        out.append(Change("first_violation_leniency", False, True, Direction.STRONGER, "list grounds become available"))
    added = set(c.first_violation_excluded_fields) - set(p.first_violation_excluded_fields)
    removed = set(p.first_violation_excluded_fields) - set(c.first_violation_excluded_fields)
    if added:
        out.append(Change("first_violation_excluded_fields", _show(p.first_violation_excluded_fields),
                          _show(c.first_violation_excluded_fields), direction, why + f" in {', '.join(sorted(added))}"))
    elif removed:
        out.append(Change("first_violation_excluded_fields", _show(p.first_violation_excluded_fields),
                          _show(c.first_violation_excluded_fields), Direction.STRONGER, "fewer fields excluded"))
    p_codes = {(lst.id, e.code) for lst in p.lists for e in lst.entries}
    c_codes = {(lst.id, e.code) for lst in c.lists for e in lst.entries}
    out += _subset("lists", p_codes, c_codes, False, "list entries removed")
    return out


def _mitigation(p: Any, c: Any) -> list[Change]:
    return _subset("circumstances", p.circumstances, c.circumstances, False, "fewer circumstances require mitigation")


def _procedure(p: Any, c: Any) -> list[Change]:
    return _same("requirement", p.requirement, c.requirement, "a different procedural requirement")


def _item_catalogue(p: Any, c: Any) -> list[Change]:
    return compare_deadlines("deadline", p.deadline, c.deadline)


def _item_cleanup(p: Any, c: Any) -> list[Change]:
    out = _same("criterion", p.criterion, c.criterion, "a different clean-up criterion")
    out += _higher("years", p.years, c.years, "items must lie dormant longer to be cleaned up")
    if p.basis_levels and not c.basis_levels:
        out.append(Change("basis_levels", _show(p.basis_levels), "all", Direction.STRONGER, "items of every basis are cleaned up"))
    elif c.basis_levels and not p.basis_levels:
        out.append(Change("basis_levels", "all", _show(c.basis_levels), Direction.WEAKER, "only items of some bases are cleaned up"))
    else:
        out += _subset("basis_levels", p.basis_levels, c.basis_levels, False, "items of fewer bases are cleaned up")
    out += _subset("opinions", p.opinions, c.opinions, True, "more opinions discharge the clean-up")
    if p.deadline is None and c.deadline is not None:
        out.append(Change("deadline", None, c.deadline.phrase, Direction.STRONGER, "a date added"))
    elif p.deadline is not None and c.deadline is None:
        out.append(Change("deadline", p.deadline.phrase, None, Direction.WEAKER, "an undated clean-up can never be late"))
    elif p.deadline is not None and c.deadline is not None:
        out += compare_deadlines("deadline", p.deadline, c.deadline)
    return out


#: kind name → comparison of two specs of that kind.
COMPARISONS: dict[str, Comparison] = {
    "annual_training_hours": _training,
    "unit_training_hours": _unit_training,
    "task_deadline": _task,
    "recurring_count": _recurring,
    "certified_handling": _certified,
    "certificate_issuance": _issuance,
    "certificate_withdrawal": _withdrawal,
    "relative_deadline": _relative,
    "metric_target": _metric,
    "designation_count": _designation,
    "penalty_disposition": _disposition,
    "mitigation_required": _mitigation,
    "case_procedure": _procedure,
    "item_catalogue": _item_catalogue,
    "item_cleanup": _item_cleanup,
}


def _filter(name: str, parent: tuple[Any, ...], child: tuple[Any, ...], universe: frozenset[Any] | None = None) -> list[Change]:
    """An empty filter matches everything; the child binding fewer subjects is weaker.

    With a *universe* both filters are first cut down to it (the levels a
    child jurisdiction can bind at all).
    """
    p, c = set(parent), set(child)
    if universe is not None:
        p, c = (p or set(universe)) & universe, (c or set(universe)) & universe
    if p == c:
        return []
    narrower = bool(c) and (not p or bool(p - c))
    direction = Direction.WEAKER if narrower else Direction.STRONGER
    reason = "binds fewer subjects" if narrower else "binds more subjects"
    return [Change(f"scope.{name}", _show(p) or "all", _show(c) or "all", direction, reason)]


def compare_scopes(p: Scope, c: Scope, within: Level | None = None) -> list[Change]:
    """Scope changes; *within* is the child jurisdiction's level, below which alone it can bind."""
    if p.subject != c.subject:
        return [Change("scope.subject", p.subject.value, c.subject.value, Direction.UNDECIDABLE, "binds a different kind of subject")]
    levels = None if within is None else frozenset(lv for lv in Level if at_or_below(lv, within))
    out = _filter("unit_kinds", p.unit_kinds, c.unit_kinds) + _filter("levels", p.levels, c.levels, levels)
    out += _filter("fields", p.fields, c.fields)
    out += _subset("scope.named", p.named, c.named, False, "fewer named bodies are bound")
    if p.township != c.township:
        narrower = c.township is not None
        out.append(Change("scope.township", p.township, c.township,
                          Direction.WEAKER if narrower else Direction.STRONGER,
                          "binds fewer officers" if narrower else "binds more officers"))
    return out


def compare_rules(parent: Rule, child: Rule | None, within: Level | None = None) -> ParameterVerdict:
    """The parameter-level verdict on *child* against *parent* (``None``: repealed).

    *within*: the child jurisdiction's level; scope levels above it are not
    the child's to bind, so dropping them is no weakening.
    """
    if child is None:
        return ParameterVerdict.of([Change("rule", parent.id, None, Direction.WEAKER, "the obligation no longer applies")])
    if type(parent.spec) is not type(child.spec):
        return ParameterVerdict.of([Change("kind", parent.kind, child.kind, Direction.UNDECIDABLE, "a different kind of rule")])
    changes = compare_scopes(parent.scope, child.scope, within)
    pe, ce = parent.effective, child.effective
    if ce.start > pe.start or ce.end < pe.end:
        changes.append(Change("effective", str(pe), str(ce), Direction.WEAKER, "a shorter effective period"))
    elif ce != pe:
        changes.append(Change("effective", str(pe), str(ce), Direction.STRONGER, "a longer effective period"))
    comparison = COMPARISONS.get(child.kind)
    if comparison is not None:
        changes += comparison(parent.spec, child.spec)
    elif parent.spec != child.spec:
        changes.append(Change("spec", parent.spec.parameters(), child.spec.parameters(), Direction.UNDECIDABLE,
                              f"no comparison is defined for kind {child.kind!r}"))
    return ParameterVerdict.of(changes)
