"""Rules → durable-rules' JSON rule language, in this one place.

Each rule becomes one ruleset: one engine rule per branch, every pattern
testing the observation discriminator ``t`` so that no rule matches on a
lone ``$nex`` or a stray fact. Branch names ``b0``, ``b1``… keep their order:
when several match, the lowest wins. Both executors run exactly this form.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import attrs

from .deadlines import DeadlinePolicy
from .errors import DeclarationError
from .findings import Status
from .rules import Rule

__all__ = ["CompiledRule", "OBSERVATION_TAG", "compile_rule"]

#: Value of the discriminator field ``t`` on every observation fact.
OBSERVATION_TAG = "obs"


@attrs.frozen
class CompiledRule:
    """One rule's ruleset in the engine's JSON language, and what each branch means."""

    rule_id: str
    ruleset: dict[str, Any] = attrs.field(eq=False)
    statuses: tuple[Status, ...]
    digest: str

    @property
    def branch_names(self) -> tuple[str, ...]:
        return tuple(f"b{i}" for i in range(len(self.statuses)))

    def to_json(self) -> str:
        return json.dumps(self.ruleset, ensure_ascii=False, sort_keys=True)


def compile_rule(rule: Rule, policy: DeadlinePolicy) -> CompiledRule:
    branches = list(rule.spec.branches(rule, policy))
    if not branches or branches[-1].when:
        raise DeclarationError(
            f"rule {rule.id!r}: kind {rule.kind!r} must end its branches with a catch-all (empty condition)"
        )
    ruleset: dict[str, Any] = {}
    for i, branch in enumerate(branches):
        tag = {"t": OBSERVATION_TAG}
        cond = {"$and": [tag, dict(branch.when)]} if branch.when else tag
        ruleset[f"b{i}"] = {"all": [{"m": cond}], "run": f"b{i}"}
    text = json.dumps(ruleset, sort_keys=True, ensure_ascii=False)
    return CompiledRule(
        rule_id=rule.id,
        ruleset=ruleset,
        statuses=tuple(b.status for b in branches),
        digest=hashlib.sha256(text.encode()).hexdigest()[:16],
    )
