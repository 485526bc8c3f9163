"""Comparing two rulebooks: what a jurisdiction adds, tightens, relaxes, replaces or repeals.

Used by ``enforcerules diff PARENT CHILD`` and the rule catalogue. For a
child and one of its ancestors the relation comes from the overrides the
child's chain applied after the ancestor; for unrelated jurisdictions
(siblings) a changed rule is reported as ``differs``. A rule only the first
rulebook has is ``repealed`` only when the second's chain repealed it, and
``absent`` otherwise (the first's own addition, e.g. in a reversed diff
``diff datong national``); a rule only the second has is ``added`` when a
jurisdiction outside the first's chain declared it, and ``unrepealed`` when
the first's chain declared it and then repealed it.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from .citation import Citation
from .deadlines import DeadlinePolicy
from .findings import _jsonable
from .jurisdiction import Intent
from .rulebook import ResolvedRule, Rulebook

__all__ = ["Relation", "RuleDiff", "diff_rulebooks"]


class Relation(enum.Enum):
    INHERITED = "inherited"
    ADDED = "added"
    TIGHTENED = "tightened"
    RELAXED = "relaxed"
    REPLACED = "replaced"
    REPEALED = "repealed"
    DIFFERS = "differs"  # changed, but not through the child's chain
    ABSENT = "absent"  # only in the first rulebook, and no repeal in the second's chain removed it
    UNREPEALED = "unrepealed"  # only in the second: the first's chain repealed it, the second's did not

    @classmethod
    def of(cls, intent: Intent) -> Relation:
        return {Intent.TIGHTEN: cls.TIGHTENED, Intent.RELAX: cls.RELAXED, Intent.REPLACE: cls.REPLACED}[intent]


@attrs.frozen
class RuleDiff:
    """How one rule id stands in the child compared with the parent."""

    rule_id: str
    relation: Relation
    parent_citation: Citation | None
    child_citation: Citation | None
    changed: tuple[tuple[str, Any, Any], ...] = ()  # (parameter, parent value, child value)
    by: tuple[str, ...] = ()  # jurisdictions whose declarations made the difference
    note: str = ""
    reading: str = ""  # set when a deadline change shows only under another DeadlinePolicy

    def to_json(self) -> dict[str, Any]:
        def cite(c: Citation | None) -> dict[str, str] | None:
            return None if c is None else {"document": c.document, "clause": c.clause, "quote": c.quote}

        return {
            "rule_id": self.rule_id,
            "relation": self.relation.value,
            "parent_citation": cite(self.parent_citation),
            "child_citation": cite(self.child_citation),
            "changed": [{"parameter": k, "parent": p, "child": c} for k, p, c in self.changed],
            "by": list(self.by),
            "note": self.note,
            "reading": self.reading,
        }


def _parameters(rule: ResolvedRule, policy: DeadlinePolicy) -> dict[str, Any]:
    params = dict(rule.rule.spec.parameters())
    due = rule.rule.spec.due_date(policy)
    if due is not None:
        params["due"] = due.isoformat()
    params["scope"] = _jsonable(rule.rule.scope)
    params["effective"] = str(rule.rule.effective)
    return params


def _changes(parent: ResolvedRule, child: ResolvedRule, policy: DeadlinePolicy) -> tuple[tuple[str, Any, Any], ...]:
    p, c = _parameters(parent, policy), _parameters(child, policy)
    return tuple((k, p.get(k), c.get(k)) for k in sorted(set(p) | set(c)) if p.get(k) != c.get(k))


def _reading_note(parent: ResolvedRule, child: ResolvedRule, policy: DeadlinePolicy) -> str:
    """Say so when a changed deadline phrase moves the date only under some readings."""
    def due(r: ResolvedRule, p: DeadlinePolicy) -> Any:
        return r.rule.spec.due_date(p)

    strict = DeadlinePolicy.strict()
    if due(parent, policy) == due(child, policy) and due(parent, strict) != due(child, strict):
        return (f"same due date under this reading ({due(child, policy)}); under DeadlinePolicy.strict() "
                f"{due(parent, strict)} → {due(child, strict)}")
    return ""


def _compare(parent: ResolvedRule, child: ResolvedRule, parent_chain: tuple[str, ...], policy: DeadlinePolicy) -> RuleDiff:
    if parent.rule == child.rule:
        return RuleDiff(child.id, Relation.INHERITED, parent.rule.citation, child.rule.citation)
    own = [o for o in child.overrides if o.jurisdiction not in parent_chain]
    descends = all(o in child.overrides for o in parent.overrides) and child.declared_by == parent.declared_by
    if own and descends:
        last = own[-1]
        return RuleDiff(
            child.id, Relation.of(last.intent), parent.rule.citation, child.rule.citation,
            _changes(parent, child, policy), tuple(o.jurisdiction for o in own), last.note,
            _reading_note(parent, child, policy),
        )
    return RuleDiff(child.id, Relation.DIFFERS, parent.rule.citation, child.rule.citation,
                    _changes(parent, child, policy), child.overridden_by)


def diff_rulebooks(parent: Rulebook, child: Rulebook, policy: DeadlinePolicy | None = None) -> list[RuleDiff]:
    """Every rule id of either rulebook, with its relation (sorted by id)."""
    policy = policy or DeadlinePolicy()
    p_rules = {r.id: r for r in parent.rules}
    c_rules = {r.id: r for r in child.rules}
    out: list[RuleDiff] = []
    for rid in sorted(set(p_rules) | set(c_rules)):
        if rid in p_rules and rid in c_rules:
            out.append(_compare(p_rules[rid], c_rules[rid], parent.chain, policy))
        elif rid in c_rules:
            out.append(_only_in_child(c_rules[rid], parent))
        else:
            out.append(_only_in_parent(p_rules[rid], child))
    return out


def _only_in_child(rule: ResolvedRule, parent: Rulebook) -> RuleDiff:
    gone = next((r for r in parent.repealed if r.rule_id == rule.id), None)
    if rule.declared_by in parent.chain and gone is not None:
        return RuleDiff(rule.id, Relation.UNREPEALED, gone.citation, rule.rule.citation, by=(gone.jurisdiction,), note=gone.reason)
    return RuleDiff(rule.id, Relation.ADDED, None, rule.rule.citation, by=(rule.declared_by,))


def _only_in_parent(rule: ResolvedRule, child: Rulebook) -> RuleDiff:
    rec = next((r for r in child.repealed if r.rule_id == rule.id), None)
    if rec is not None:
        return RuleDiff(rule.id, Relation.REPEALED, rule.rule.citation, rec.citation, by=(rec.jurisdiction,), note=rec.reason)
    return RuleDiff(rule.id, Relation.ABSENT, rule.rule.citation, None, by=(rule.declared_by,))
