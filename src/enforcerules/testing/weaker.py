"""Never weaker than the parent: where a child jurisdiction binds less, and proof.

:func:`never_weaker` compares every rule the child and the parent both have
(same id) whose resolved form differs, and every parent rule the child
repealed or lacks. For each it

1. decides from the parameters where it can (:mod:`.comparisons`: a lower
   minimum, a later due date under the same reading, a requirement dropped,
   a narrower scope…), or says it cannot;
2. searches with hypothesis for facts on which the child's rule is less
   severe than the parent's for the same subject and period — compliant
   where the parent finds a violation, pending where the parent finds a
   violation, compliant where the parent finds a late completion — and
   shrinks them to a minimal counterexample.

A weakening is *declared* when an override the child's chain applied below
the parent has intent :attr:`~enforcerules.Intent.RELAX` (it carries the
child's own citation), or when the child repealed the rule with a
:class:`~enforcerules.Repeal` (which also cites its reason). Undeclared
weakenings make the report fail.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable
from typing import Any

import attrs
import hypothesis
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from ..citation import Citation, Period
from ..deadlines import DeadlineKind, DeadlinePolicy
from ..facts import Level
from ..evaluate import evaluate
from ..factset import Facts
from ..findings import Finding, Status
from ..jurisdiction import Intent
from ..loading import facts_to_json
from ..registry import Registry
from ..rulebook import ResolvedRule, Rulebook
from ..rules import Rule
from .comparisons import ParameterVerdict, Verdict, compare_rules
from ..rules import PLAN_PERIOD
from .dates import DAY_MAX, key_dates
from .strategies import facts_for

__all__ = [
    "Counterexample",
    "NeverWeakerReport",
    "Weakening",
    "WeakeningError",
    "assert_never_weaker",
    "never_weaker",
    "severity",
]

#: How much a status demands of the subject; a child lower than its parent on
#: the same facts binds less. Statuses that demand nothing rank 0.
_SEVERITY = {Status.PENDING: 1, Status.LATE: 2, Status.VIOLATION: 3}


def severity(status: Status | None) -> int:
    return _SEVERITY.get(status, 0) if status is not None else 0


@attrs.frozen
class Counterexample:
    """Minimal facts on which the child's rule binds less than the parent's."""

    facts: Facts
    as_of: _dt.date
    subject: str
    period: str
    parent_status: Status
    child_status: Status | None  # None: the child's rule says nothing about the subject
    policy: DeadlinePolicy = attrs.field(factory=DeadlinePolicy)

    def facts_json(self) -> dict[str, Any]:
        return {k: v for k, v in facts_to_json(self.facts).items() if v}

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "policy": _policy_name(self.policy),
            "subject": self.subject,
            "period": self.period,
            "parent_status": self.parent_status.value,
            "child_status": self.child_status.value if self.child_status else None,
            "facts": self.facts_json(),
        }

    def render(self) -> str:
        child = self.child_status.value if self.child_status else "no finding"
        facts = json.dumps(_trimmed(self.facts), ensure_ascii=False, sort_keys=True)
        return (f"as of {self.as_of} ({_policy_name(self.policy)} of deadline phrases): {self.subject} [{self.period}] is {self.parent_status.value} under the parent "
                f"but {child} under the child\n      facts: {facts}")


def _policy_name(policy: DeadlinePolicy) -> str:
    return "default reading" if policy == DeadlinePolicy() else "strict reading" if policy == DeadlinePolicy.strict() else repr(policy)


def _trimmed(facts: Facts) -> dict[str, Any]:
    """The facts as JSON without fields left at their defaults (for reading)."""
    out: dict[str, Any] = {}
    for section, records in facts.records():
        rows = []
        for r in records:
            full = facts_to_json(Facts(**{section: (r,)}))[section][0]
            defaults = {a.name for a in attrs.fields(type(r)) if a.default is not attrs.NOTHING and getattr(r, a.name) == a.default}
            rows.append({k: v for k, v in full.items() if k not in defaults})
        if rows:
            out[section] = rows
    return out


@attrs.frozen
class Weakening:
    """One rule on which the child may bind less than the parent."""

    rule_id: str
    change: str  # "overridden", "repealed", "missing", "differs"
    declared: bool
    intents: tuple[Intent, ...]
    parent_citation: Citation
    child_citation: Citation | None
    parameters: ParameterVerdict
    counterexample: Counterexample | None
    examples_tried: int

    @property
    def weaker(self) -> bool:
        """Weaker by the parameters or shown weaker by a counterexample."""
        return self.parameters.verdict is Verdict.WEAKER or self.counterexample is not None

    @property
    def undecided(self) -> bool:
        return not self.weaker and self.parameters.verdict is Verdict.UNDECIDABLE

    @property
    def fails(self) -> bool:
        return self.weaker and not self.declared

    def render(self) -> str:
        tag = ("UNDECLARED WEAKENING" if self.fails else "declared relaxation" if self.weaker
               else "undecided" if self.undecided else "not weaker")
        lines = [f"[{tag}] {self.rule_id} ({self.change}; intents: {', '.join(i.value for i in self.intents) or 'none'})",
                 f"    parent: {_cite(self.parent_citation)}"]
        lines.append(f"    child:  {_cite(self.child_citation)}" if self.child_citation else "    child:  (no rule)")
        same = "" if self.parameters.changes else " (no parameter differs: text, citation or responsibility only)"
        lines.append(f"    parameters: {self.parameters.verdict.value}{same}")
        lines.extend(f"      - {c}" for c in self.parameters.changes)
        if self.counterexample is not None:
            lines.append(f"    counterexample (shrunk): {self.counterexample.render()}")
        else:
            verdict = "confirms" if not self.weaker else "did not confirm"
            lines.append(f"    search: no counterexample in {self.examples_tried} examples ({verdict} the parameter verdict)")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        def cite(c: Citation | None) -> dict[str, str] | None:
            return None if c is None else {"document": c.document, "clause": c.clause, "quote": c.quote}

        return {
            "rule_id": self.rule_id,
            "change": self.change,
            "declared": self.declared,
            "intents": [i.value for i in self.intents],
            "parent_citation": cite(self.parent_citation),
            "child_citation": cite(self.child_citation),
            "parameter_verdict": self.parameters.verdict.value,
            "parameter_changes": [str(c) for c in self.parameters.changes],
            "counterexample": self.counterexample.to_json() if self.counterexample else None,
            "fails": self.fails,
        }


def _cite(c: Citation) -> str:
    return f"{c.document} {c.clause}「{c.quote}」"


@attrs.frozen
class NeverWeakerReport:
    child: str
    parent: str
    compared: tuple[Weakening, ...]

    @property
    def weakenings(self) -> tuple[Weakening, ...]:
        return tuple(w for w in self.compared if w.weaker)

    @property
    def undeclared(self) -> tuple[Weakening, ...]:
        return tuple(w for w in self.compared if w.fails)

    @property
    def declared(self) -> tuple[Weakening, ...]:
        return tuple(w for w in self.compared if w.weaker and w.declared)

    @property
    def ok(self) -> bool:
        return not self.undeclared

    def get(self, rule_id: str) -> Weakening:
        for w in self.compared:
            if w.rule_id == rule_id:
                return w
        raise KeyError(f"{rule_id!r} is not among the rules {self.child!r} changes from {self.parent!r}")

    def render(self) -> str:
        head = (f"never weaker than parent: {self.child} vs {self.parent}: {len(self.compared)} changed rule(s), "
                f"{len(self.declared)} declared relaxation(s), {len(self.undeclared)} undeclared weakening(s)")
        return "\n".join([head, *(w.render() for w in self.compared)])

    def to_json(self) -> dict[str, Any]:
        return {"child": self.child, "parent": self.parent, "ok": self.ok, "rules": [w.to_json() for w in self.compared]}


class WeakeningError(AssertionError):
    """A child jurisdiction is weaker than its parent without saying so."""

    def __init__(self, report: NeverWeakerReport) -> None:
        super().__init__(report.render())
        self.report = report


# -- evaluation of one rule ------------------------------------------------------


def _single(rulebook: Rulebook, resolved: ResolvedRule) -> Rulebook:
    return attrs.evolve(rulebook, rules=(resolved,), repealed=())


def _findings(book: Rulebook | None, facts: Facts, as_of: _dt.date, policy: DeadlinePolicy) -> dict[str, dict[str, Finding]]:
    """Findings by subject and period; a rule and the parent's rule it supersedes
    count as one (the judged finding wins over an out-of-period one)."""
    out: dict[str, dict[str, Finding]] = {}
    if book is None:
        return out
    for f in evaluate(book, facts, as_of, engine="python", policy=policy).findings:
        if f.subject != "*":
            seen = out.setdefault(f.subject, {}).get(f.period)
            if seen is None or seen.status is Status.OUT_OF_PERIOD:
                out[f.subject][f.period] = f
    return out


def _witness(parent: Rulebook, child: Rulebook | None, facts: Facts, as_of: _dt.date, policy: DeadlinePolicy) -> Counterexample | None:
    """The first subject-period on which the child is less severe than the parent."""
    p_all, c_all = _findings(parent, facts, as_of, policy), _findings(child, facts, as_of, policy)
    for subject in sorted(p_all):
        pf, cf = p_all[subject], c_all.get(subject, {})
        pairs: list[tuple[Finding, Finding | None]]
        if len(pf) == 1 and len(cf) == 1:  # one period each, perhaps labelled by different deadline phrases
            pairs = [(next(iter(pf.values())), next(iter(cf.values())))]
        else:
            pairs = [(f, cf.get(label)) for label, f in sorted(pf.items())]
        for p_f, c_f in pairs:
            c_status = c_f.status if c_f is not None else None
            if severity(c_status) < severity(p_f.status):
                return Counterexample(facts, as_of, subject, p_f.period, p_f.status, c_status, policy)
    return None


_PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink)


def _search(
    parent: Rulebook, child: Rulebook | None, rules: list[Rule], max_examples: int, within: Level | None,
    since: _dt.date = PLAN_PERIOD.start,
) -> Counterexample | None:
    # Latest boundary days first: counterexamples then shrink towards closed
    # periods, where the parent finds a violation rather than a pending duty.
    since = max(since, PLAN_PERIOD.start)
    days = [d for d in reversed(key_dates(rules)) if d >= since] or [since]
    as_of = st.one_of(st.sampled_from(days), st.dates(since, max(since, DAY_MAX)))
    policies = st.sampled_from([DeadlinePolicy(), DeadlinePolicy.strict()])
    scenarios = st.tuples(facts_for(rules, max_units=2, max_officers=2, within=within), as_of, policies)
    try:
        facts, day, policy = hypothesis.find(
            scenarios,
            lambda s: _witness(parent, child, *s) is not None,
            settings=settings(max_examples=max_examples, database=None, deadline=None, derandomize=True, phases=_PHASES,
                              suppress_health_check=list(HealthCheck)),
        )
    except hypothesis.errors.NoSuchExample:
        return None
    return _witness(parent, child, _minimise(facts, lambda f: _witness(parent, child, f, day, policy) is not None), day, policy)


def _minimise(facts: Facts, holds: Callable[[Facts], bool]) -> Facts:
    """Drop records one at a time while the counterexample still holds.

    Hypothesis shrinks the choices that built the facts; a record another
    draw merely pointed at (an idle second unit) can survive that, so finish
    with a greedy pass. Records other records refer to are kept.
    """
    changed = True
    while changed:
        changed = False
        for section, records in reversed(list(facts.records())):
            for record in records:
                if _referenced(facts, record.id):
                    continue
                smaller = facts.replace(**{section: tuple(r for r in records if r is not record)})
                if holds(smaller):
                    facts, changed = smaller, True
                    break
            if changed:
                break
    return facts


def _referenced(facts: Facts, record_id: str) -> bool:
    refs = ("parent", "region", "unit", "officer", "subject", "handling_officers")
    for _, records in facts.records():
        for r in records:
            for name in refs:
                value = getattr(r, name, None)
                if value == record_id or (isinstance(value, tuple) and record_id in value):
                    return True
    return False


# -- the check -------------------------------------------------------------------


def _rulebook(ref: str | Rulebook, registry: Registry) -> Rulebook:
    return ref if isinstance(ref, Rulebook) else registry.rulebook(ref)


def _compare(parent: Rulebook, child: Rulebook, p_rule: ResolvedRule, max_examples: int) -> Weakening | None:
    rule_id = p_rule.id
    repeal = next((r for r in child.repealed if r.rule_id == rule_id), None)
    c_rule = child.get(rule_id) if rule_id in child else None
    if c_rule is not None and c_rule.rule == p_rule.rule:
        return None
    below = [o for o in (c_rule.overrides if c_rule else ()) if o.jurisdiction not in parent.chain]
    intents = tuple(o.intent for o in below)
    if c_rule is None:
        change, declared = ("repealed", True) if repeal is not None else ("missing", False)
        child_citation = repeal.citation if repeal is not None else None
    else:
        change = "overridden" if below else "differs"
        declared = Intent.RELAX in intents
        child_citation = c_rule.rule.citation
    parent_citation = below[0].previous.citation if below else p_rule.rule.citation
    within = child.jurisdiction.level
    kept = [r for r in child if c_rule is not None and r.superseded_by == c_rule.id]
    c_cover = _covering(p_rule.rule, c_rule.rule, kept) if c_rule else None
    verdict = compare_rules(p_rule.rule, c_cover, within)
    rules = [p_rule.rule] + ([c_rule.rule] + [k.rule for k in kept] if c_rule else [])
    c_book = attrs.evolve(child, rules=(c_rule, *kept), repealed=()) if c_rule else None
    since = c_cover.effective.start if c_cover is not None and not kept else PLAN_PERIOD.start
    # Before the child's own plan was issued it did not exist: the parent governed those days.
    issued = [d.issued_on for d in child.jurisdiction.documents if d.issued_on is not None]
    if below and issued:
        since = max(since, min(issued))
    example = _search(_single(parent, p_rule), c_book, rules, max_examples, within, since)
    return Weakening(rule_id, change, declared, intents, parent_citation, child_citation, verdict, example, max_examples)


def _covering(parent: Rule, child: Rule, kept: list[ResolvedRule]) -> Rule:
    """*child* with the effective period it and the parent's rules kept before it cover together.

    A local plan's rule starts on its own issue day (rulebook.resolve); before
    it the parent's rule, kept as ``<id>.before_<j>``, still binds, so the
    later start is no weakening. A one-off task not yet due on that day has no
    kept rule: it is judged once, on its due date, by the local text, so the
    later start is no weakening either.
    """
    start = min([child.effective.start, *(k.rule.effective.start for k in kept)])
    deadline = getattr(parent.spec, "deadline", None)
    if not kept and parent.kind == "task_deadline" and deadline is not None and deadline.kind is not DeadlineKind.ANNUAL:
        due = deadline.due(DeadlinePolicy.lenient())
        if due is None or due >= child.effective.start:
            start = min(start, parent.effective.start)
    return attrs.evolve(child, effective=Period(start, child.effective.end))


def never_weaker(
    child: str | Rulebook,
    parent: str | Rulebook,
    registry: Registry | None = None,
    *,
    max_examples: int = 150,
    rule_ids: tuple[str, ...] | None = None,
) -> NeverWeakerReport:
    """Compare *child* with *parent* rule by rule; see the module docs.

    *child* and *parent* are jurisdiction ids (resolved in *registry*, or a
    fresh registry discovering installed plugins) or rulebooks.
    *max_examples* bounds the search per changed rule; *rule_ids* limits
    the comparison to some rules.
    """
    registry = registry if registry is not None else Registry()
    c_book, p_book = _rulebook(child, registry), _rulebook(parent, registry)
    compared = []
    for p_rule in p_book.rules:
        if rule_ids is not None and p_rule.id not in rule_ids:
            continue
        result = _compare(p_book, c_book, p_rule, max_examples)
        if result is not None:
            compared.append(result)
    return NeverWeakerReport(c_book.jurisdiction.id, p_book.jurisdiction.id, tuple(compared))


def assert_never_weaker(child: str | Rulebook, parent: str | Rulebook, registry: Registry | None = None, **kw: Any) -> NeverWeakerReport:
    """:func:`never_weaker`, raising :class:`WeakeningError` on an undeclared weakening."""
    report = never_weaker(child, parent, registry, **kw)
    if not report.ok:
        raise WeakeningError(report)
    return report
