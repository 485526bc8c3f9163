"""Resolving a jurisdiction's parent chain into one immutable rulebook.

Resolution walks from the root (``national``) down to the requested
jurisdiction. At each level additions are added, overrides replace the
parent's rule of the same id (recording who overrode it, with which intent
and citation) and repeals remove one. Every resolved rule records the
jurisdiction that declared it and the chain of overrides applied to it.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from .citation import Citation, SourceDocument
from .errors import CyclicJurisdiction, DuplicateRule, UnknownJurisdiction, UnknownRuleReference
from .jurisdiction import Intent, Jurisdiction
from .rules import Rule

if TYPE_CHECKING:
    from .compile import CompiledRule
    from .deadlines import DeadlinePolicy

__all__ = ["OverrideRecord", "RepealRecord", "ResolvedRule", "Rulebook", "resolve"]


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
        text = json.dumps({"chain": self.chain, "rules": payload}, ensure_ascii=False, sort_keys=True)
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


def resolve(target: str, declared: Mapping[str, Jurisdiction], origin: Mapping[str, str] | None = None) -> Rulebook:
    """Resolve *target*'s chain among *declared* jurisdictions into a rulebook.

    *origin* maps jurisdiction ids to the plugin names that declared them, so
    errors can name the plugins involved.
    """
    origin = origin or {}

    def who(jid: str) -> str:
        return f"{jid!r} (plugin {origin[jid]!r})" if jid in origin else repr(jid)

    rules: dict[str, ResolvedRule] = {}
    repealed: list[RepealRecord] = []
    chain = _chain(target, declared)
    for j in chain:
        for rule in j.rules:
            if rule.id in rules:
                raise DuplicateRule(
                    f"rule {rule.id!r} is added by {who(j.id)} but was already declared by "
                    f"{who(rules[rule.id].declared_by)}; use an Override to change it"
                )
            rules[rule.id] = ResolvedRule(rule, j.id)
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
    return Rulebook(
        jurisdiction=chain[-1],
        chain=tuple(j.id for j in chain),
        rules=tuple(sorted(rules.values(), key=lambda r: r.id)),
        repealed=tuple(repealed),
        documents=tuple(documents.values()),
    )
