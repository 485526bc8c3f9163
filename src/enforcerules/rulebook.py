"""Resolving a jurisdiction's parent chain into one immutable rulebook.

Resolution walks from the root (``national``) down to the requested
jurisdiction. At each level additions are added, overrides replace the
parent's rule of the same id (recording who overrode it, with which intent
and citation) and repeals remove one. Every resolved rule records the
jurisdiction that declared it and the chain of overrides applied to it.

Who is bound from when (docs/deadlines-and-periods.md, "Effective periods"):

- a rule takes effect no earlier than the issue day of the document it
  cites (``SourceDocument.issued_on``; an undated document moves nothing):
  a local plan's added rules and overrides start on the local plan's day;
- before that day the parent's rule governs: an override keeps the rule it
  replaced as ``<id>.before_<jurisdiction>``, effective up to the day before
  (a one-off task only when its parent due date fell before that day: a duty
  not yet due when the local plan restated it is judged once, by the local
  text);
- a yearly duty (training hours, counts a year, "每年" tasks)
  follows one first-year policy, national and local alike
  (:class:`FirstYear`): by default it is judged from the first calendar year
  that starts on or after the issue day, so a plan issued in August or
  November does not judge the year already under way; ``FirstYear.ISSUE_YEAR``
  judges the year of issue in full.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from .citation import Citation, Period, SourceDocument
from .facts import LEVEL_ORDER, Level
from .errors import CyclicJurisdiction, DuplicateRule, UnknownJurisdiction, UnknownRuleReference
from .jurisdiction import Bodies, Intent, Jurisdiction, NamedBodies
from .rules import Rule

if TYPE_CHECKING:
    from .compile import CompiledRule
    from .deadlines import DeadlinePolicy

__all__ = ["FirstYear", "OverrideRecord", "RepealRecord", "ResolvedRule", "Rulebook", "resolve"]


class FirstYear(enum.Enum):
    """Which calendar year a yearly duty is first judged for."""

    #: The first calendar year starting on or after the plan's issue day (default):
    #: a plan issued on 2023-08-09 judges 2024 and 2025, not 2023.
    FULL_YEARS = "full_years"
    #: The year of issue in full, without pro-rating: a plan issued on
    #: 2023-08-09 judges 2023, 2024 and 2025.
    ISSUE_YEAR = "issue_year"


@attrs.frozen
class OverrideRecord:
    """One override applied on the way down: by whom, how, and what it replaced."""

    jurisdiction: str
    intent: Intent
    citation: Citation
    previous: Rule
    note: str = ""


@attrs.frozen
class RepealRecord:
    rule_id: str
    jurisdiction: str
    citation: Citation
    reason: str
    previous: Rule


@attrs.frozen
class ResolvedRule:
    """A rule as it stands in a rulebook, with its provenance."""

    rule: Rule
    declared_by: str
    overrides: tuple[OverrideRecord, ...] = ()
    #: For a parent's rule kept for the days before a local plan took effect:
    #: the id of the rule that replaces it from then on.
    superseded_by: str | None = None
    #: The rule binds only bodies above the rulebook's jurisdiction (the State
    #: Council's justice department, in a province's rulebook): facts holding
    #: none of them make it ``not_applicable`` there, not ``insufficient_data``.
    above_jurisdiction: bool = False
    #: The local plan's own naming of who carries this (inherited) rule, if it has one.
    named_bodies: NamedBodies | None = None

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def jurisdiction(self) -> str:
        """The jurisdiction whose text the rule now carries."""
        return self.overrides[-1].jurisdiction if self.overrides else self.declared_by

    @property
    def overridden_by(self) -> tuple[str, ...]:
        return tuple(o.jurisdiction for o in self.overrides)


@attrs.frozen(repr=False)
class Rulebook:
    """The resolved rules of one jurisdiction; hashable and safe to share.

    Its repr is one short line (``<Rulebook national→shanxi: 41 rules, digest
    abcd1234>``); the rules themselves are in :attr:`rules`.
    """

    jurisdiction: Jurisdiction
    chain: tuple[str, ...]
    rules: tuple[ResolvedRule, ...]
    repealed: tuple[RepealRecord, ...] = ()
    documents: tuple[SourceDocument, ...] = ()
    first_year: FirstYear = FirstYear.FULL_YEARS
    bodies: Bodies = Bodies.PARENT_BREADTH

    def __iter__(self) -> Iterator[ResolvedRule]:
        return iter(self.rules)

    def __repr__(self) -> str:
        repealed = f", {len(self.repealed)} repealed" if self.repealed else ""
        return f"<Rulebook {'→'.join(self.chain)}: {len(self.rules)} rules{repealed}, digest {self.digest[:8]}>"

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, rule_id: object) -> bool:
        return any(r.id == rule_id for r in self.rules)

    def get(self, rule_id: str) -> ResolvedRule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(f"rulebook {self.jurisdiction.id!r} has no rule {rule_id!r}")

    def compiled(self, policy: DeadlinePolicy) -> Mapping[str, CompiledRule]:
        """Every rule compiled under *policy*, by rule id; compiled once per policy and kept on the rulebook."""
        cache = self._compiled_cache
        if policy not in cache:
            from .compile import compile_rule

            cache[policy] = {r.id: compile_rule(r.rule, policy) for r in self.rules}
        return cache[policy]

    def rules_of_kind(self, kinds: tuple[type, ...]) -> tuple[Rule, ...]:
        """The rules whose kind spec is one of *kinds* (kept per rulebook for the online path)."""
        cache = self._kind_cache
        if kinds not in cache:
            cache[kinds] = tuple(r.rule for r in self.rules if isinstance(r.rule.spec, kinds))
        return cache[kinds]

    @functools.cached_property
    def _kind_cache(self) -> dict[tuple[type, ...], tuple[Rule, ...]]:
        return {}

    @functools.cached_property
    def _compiled_cache(self) -> dict[DeadlinePolicy, Mapping[str, CompiledRule]]:
        return {}

    @functools.cached_property
    def digest(self) -> str:
        """A stable hash of every rule's declaration and provenance."""
        payload = [
            {
                "id": r.id,
                "declared_by": r.declared_by,
                "overridden_by": list(r.overridden_by),
                "rule": repr(r.rule),
            }
            for r in self.rules
        ]
        text = json.dumps({"chain": self.chain, "first_year": self.first_year.value, "bodies": self.bodies.value, "rules": payload}, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()


def _chain(target: str, declared: Mapping[str, Jurisdiction]) -> list[Jurisdiction]:
    if target not in declared:
        raise UnknownJurisdiction(f"no jurisdiction {target!r} is registered (known: {', '.join(sorted(declared)) or 'none'})")
    chain: list[Jurisdiction] = []
    seen: list[str] = []
    current: str | None = target
    while current is not None:
        if current in seen:
            raise CyclicJurisdiction(f"jurisdictions form a cycle: {' -> '.join([*seen, current])}")
        if current not in declared:
            raise UnknownJurisdiction(
                f"jurisdiction {seen[-1]!r} declares parent {current!r}, which is not registered"
            )
        seen.append(current)
        chain.append(declared[current])
        current = declared[current].parent
    return list(reversed(chain))


def resolve(
    target: str,
    declared: Mapping[str, Jurisdiction],
    origin: Mapping[str, str] | None = None,
    *,
    first_year: FirstYear = FirstYear.FULL_YEARS,
    bodies: Bodies = Bodies.PARENT_BREADTH,
) -> Rulebook:
    """Resolve *target*'s chain among *declared* jurisdictions into a rulebook.

    *origin* maps jurisdiction ids to the plugin names that declared them, so
    errors can name the plugins involved. *first_year* decides when yearly
    duties start (module docstring).
    """
    origin = origin or {}
    first_year = FirstYear(first_year)

    def who(jid: str) -> str:
        return f"{jid!r} (plugin {origin[jid]!r})" if jid in origin else repr(jid)

    rules: dict[str, ResolvedRule] = {}
    repealed: list[RepealRecord] = []
    chain = _chain(target, declared)
    issued = {d.id: d.issued_on for j in chain for d in j.documents}
    for j in chain:
        for rule in j.rules:
            if rule.id in rules:
                raise DuplicateRule(
                    f"rule {rule.id!r} is added by {who(j.id)} but was already declared by "
                    f"{who(rules[rule.id].declared_by)}; use an Override to change it"
                )
            rules[rule.id] = ResolvedRule(_from_issue(rule, issued, first_year), j.id)
        for ov in j.overrides:
            if ov.rule_id not in rules:
                raise UnknownRuleReference(
                    f"{who(j.id)} overrides rule {ov.rule_id!r}, which no ancestor of it declares"
                )
            base = rules[ov.rule_id]
            try:
                new_rule = ov.apply(base.rule)
            except TypeError as exc:
                raise UnknownRuleReference(
                    f"{who(j.id)} overrides rule {ov.rule_id!r} with parameters its kind "
                    f"{base.rule.kind!r} does not have: {exc}"
                ) from None
            new_rule = _from_issue(new_rule, issued, first_year)
            before = _parent_before(base, new_rule, j)
            if before is not None:
                if before.id in rules:
                    raise DuplicateRule(f"rule {before.id!r} is declared by {who(rules[before.id].declared_by)}, "
                                        f"but is the id {who(j.id)}'s override keeps the parent's rule under")
                rules[before.id] = before
            record = OverrideRecord(j.id, ov.intent, ov.citation, base.rule, ov.note)
            rules[ov.rule_id] = attrs.evolve(base, rule=new_rule, overrides=(*base.overrides, record))
        for rp in j.repeals:
            if rp.rule_id not in rules:
                raise UnknownRuleReference(f"{who(j.id)} repeals rule {rp.rule_id!r}, which no ancestor of it declares")
            repealed.append(RepealRecord(rp.rule_id, j.id, rp.citation, rp.reason, rules.pop(rp.rule_id).rule))
    documents: dict[str, SourceDocument] = {}
    for j in chain:
        for d in j.documents:
            documents.setdefault(d.id, d)
    for j in chain:
        for nb in j.named_bodies:
            if nb.rule_id not in rules:
                raise UnknownRuleReference(f"{who(j.id)} names the bodies of rule {nb.rule_id!r}, which no ancestor of it declares")
            base = rules[nb.rule_id]
            rule = attrs.evolve(base.rule, scope=nb.scope) if Bodies(bodies) is Bodies.OWN_PLAN else base.rule
            rules[nb.rule_id] = attrs.evolve(base, rule=rule, named_bodies=nb)
    level = chain[-1].level
    rules = {k: attrs.evolve(r, above_jurisdiction=True) if _above(r.rule, level) else r for k, r in rules.items()}
    return Rulebook(
        jurisdiction=chain[-1],
        chain=tuple(j.id for j in chain),
        rules=tuple(sorted(rules.values(), key=lambda r: r.id)),
        repealed=tuple(repealed),
        documents=tuple(documents.values()),
        first_year=first_year,
        bodies=Bodies(bodies),
    )


def is_yearly(rule: Rule) -> bool:
    """Whether *rule* is a yearly duty (judged once per calendar year)."""
    from .deadlines import DeadlineKind

    deadline = getattr(rule.spec, "deadline", None)
    if rule.kind == "task_deadline" and deadline is not None:
        return bool(deadline.kind is DeadlineKind.ANNUAL)
    return rule.kind in _YEARLY_KINDS


#: Kinds that judge one calendar year at a time.
_YEARLY_KINDS = frozenset({"annual_training_hours", "recurring_count", "unit_training_hours"})


def first_day(rule: Rule, issued_on: _dt.date, first_year: FirstYear) -> _dt.date:
    """The first day *rule*, from a document issued on *issued_on*, binds under *first_year*."""
    if not is_yearly(rule) or first_year is FirstYear.ISSUE_YEAR or (issued_on.month, issued_on.day) == (1, 1):
        return issued_on
    return _dt.date(issued_on.year + 1, 1, 1)


def _from_issue(rule: Rule, issued: Mapping[str, _dt.date | None], first_year: FirstYear) -> Rule:
    """*rule* with its effective period starting no earlier than its document allows."""
    day = issued.get(rule.citation.document)
    if day is None:
        return rule
    start = first_day(rule, day, first_year)
    if start <= rule.effective.start:
        return rule
    if start > rule.effective.end:  # nothing left to judge: keep the last day only (reported as not yet in effect before it)
        start = rule.effective.end
    return attrs.evolve(rule, effective=Period(start, rule.effective.end))


def _above(rule: Rule, level: Level) -> bool:
    """Whether every level *rule*'s scope names lies above *level*."""
    levels = rule.scope.levels
    return bool(levels) and all(LEVEL_ORDER.index(lv) < LEVEL_ORDER.index(level) for lv in levels)


def _parent_before(base: ResolvedRule, new_rule: Rule, j: Jurisdiction) -> ResolvedRule | None:
    """The parent's rule for the days before *j*'s override takes effect, when it judges anything there."""
    from .deadlines import DeadlineKind, DeadlinePolicy

    old = base.rule
    if new_rule.effective.start <= old.effective.start:
        return None
    end = new_rule.effective.start - _dt.timedelta(days=1)
    if is_yearly(old):  # whole years only: the year the local rule starts in is judged by it alone
        end = _dt.date(new_rule.effective.start.year - 1, 12, 31)
        if end < old.effective.start:
            return None
    deadline = getattr(old.spec, "deadline", None)
    if old.kind == "task_deadline" and deadline is not None and deadline.kind is not DeadlineKind.ANNUAL:
        due = deadline.due(DeadlinePolicy.lenient())
        if due is None or due > end:  # not yet due when the local plan restated it
            return None
    title_zh = f"{old.title_zh}（{j.name_zh}方案施行前）"
    title_en = f"{old.title_en} (before the {j.name_en} plan)"
    rule = attrs.evolve(
        old, id=f"{old.id}.before_{j.id}", effective=Period(old.effective.start, end), title_zh=title_zh, title_en=title_en,
        note=(f"{j.name_zh}方案施行前（{new_rule.effective.start}前）适用上级规则。 " + old.note).strip(),
    )
    return attrs.evolve(base, rule=rule, superseded_by=old.id)
