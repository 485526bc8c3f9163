"""Facts in, findings out: the evaluation pipeline.

For each rule of a rulebook: its kind observes the facts (aggregation, dates,
set membership — all before the engine); observations outside the rule's
effective period become ``out_of_period`` findings; the rest go to the
executor with the rule's compiled conditions; the first matching branch
gives the status and the kind words the finding.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from .calendar import HolidayCalendar
from .chinatime import cst_date
from .compile import OBSERVATION_TAG, CompiledRule, compile_rule
from .deadlines import DeadlinePolicy
from .engine import Executor, get_executor
from .errors import EngineError
from .factset import Facts
from .findings import Finding, Status
from .kinds.base import EvalContext, Observation
from .report import Report
from .rulebook import ResolvedRule, Rulebook

__all__ = ["compile_rulebook", "evaluate"]

_RESERVED = frozenset({"t", "n", "s", "id", "sid"})
_MAX_INT = 2**53
_MAX_STR = 1000


@lru_cache(maxsize=2)
def _official_calendar() -> HolidayCalendar:
    return HolidayCalendar.official()


def compile_rulebook(rulebook: Rulebook, policy: DeadlinePolicy | None = None) -> dict[str, CompiledRule]:
    """Every rule of *rulebook* in the engine's JSON rule language, by rule id."""
    policy = policy or DeadlinePolicy()
    return {r.id: compile_rule(r.rule, policy) for r in rulebook.rules}


def evaluate(
    rulebook: Rulebook,
    facts: Facts,
    as_of: _dt.date | _dt.datetime,
    *,
    engine: str | Executor = "auto",
    policy: DeadlinePolicy | None = None,
    calendar: HolidayCalendar | None = None,
) -> Report:
    """Evaluate *facts* against *rulebook* as of a day (China Standard Time).

    *engine* is ``"auto"`` (default: durable-rules where it imports, else
    the Python executor with a warning), ``"durable"``, ``"python"`` or an
    executor object. *calendar* defaults to the State Council's published
    holiday arrangements; :meth:`Registry.evaluate` uses a plugin-supplied
    calendar instead when one is registered. Findings are sorted by rule,
    subject and period, and identical whatever the order of the facts.
    """
    policy = policy or DeadlinePolicy()
    day = cst_date(as_of)
    executor = get_executor(engine) if isinstance(engine, str) else engine
    ctx = EvalContext(facts=facts, as_of=day, policy=policy, calendar=calendar or _official_calendar())
    findings: list[Finding] = []
    for resolved in rulebook.rules:
        findings.extend(_evaluate_rule(resolved, ctx, executor, compile_rule(resolved.rule, policy)))
    findings.sort(key=Finding.sort_key)
    return Report(
        jurisdiction=rulebook.jurisdiction.id,
        rulebook_digest=rulebook.digest,
        as_of=day,
        engine=executor.name,
        policy=policy,
        findings=tuple(findings),
        rejections=facts.rejections,
    )


def _evaluate_rule(
    resolved: ResolvedRule, ctx: EvalContext, executor: Executor, compiled: CompiledRule
) -> list[Finding]:
    rule = resolved.rule
    if ctx.as_of < rule.effective.start:
        return [_not_yet_in_effect(resolved, ctx.as_of)]
    observations = sorted(rule.spec.observe(rule, ctx), key=lambda o: (o.subject, o.label))
    if not observations:
        return [_no_subjects(resolved)]
    inside = [o for o in observations if o.period.overlaps(rule.effective)]
    findings = [_out_of_period(resolved, o) for o in observations if not o.period.overlaps(rule.effective)]
    engine_facts = [_engine_fact(rule.id, i, o) for i, o in enumerate(inside)]
    matches = executor.match(compiled, engine_facts) if engine_facts else []
    for obs, hit in zip(inside, matches, strict=True):
        if not hit:
            raise EngineError(f"rule {rule.id!r}: no branch matched {obs.subject} {obs.label}")
        findings.append(_finding(resolved, obs, compiled.statuses[min(hit)]))
    return findings


def _engine_fact(rule_id: str, index: int, obs: Observation) -> dict[str, Any]:
    """Validated flat fact: ints within ±2^53, short strings, no reserved names."""
    fact: dict[str, Any] = {"t": OBSERVATION_TAG, "n": index, "s": obs.subject}
    for key, value in obs.values.items():
        bad_value = isinstance(value, bool) or not (
            (isinstance(value, int) and -_MAX_INT < value < _MAX_INT)
            or (isinstance(value, str) and len(value) <= _MAX_STR)
        )
        if key in _RESERVED or bad_value:
            raise EngineError(f"rule {rule_id!r}: observation value {key}={value!r} is not engine-safe")
        fact[key] = value
    return fact


def _base(resolved: ResolvedRule) -> Mapping[str, Any]:
    return {
        "rule_id": resolved.id,
        "citation": resolved.rule.citation,
        "jurisdiction": resolved.jurisdiction,
        "overridden_by": resolved.overridden_by,
    }


def _finding(resolved: ResolvedRule, obs: Observation, status: Status) -> Finding:
    text = resolved.rule.spec.explain(resolved.rule, obs, status)
    return Finding(
        subject=obs.subject,
        period=obs.label,
        status=status,
        due=obs.due,
        evidence=tuple(sorted(obs.evidence.items())),
        explanation_zh=text.zh,
        explanation_en=text.en,
        remedy_zh=text.remedy_zh,
        remedy_en=text.remedy_en,
        **_base(resolved),
    )


def _out_of_period(resolved: ResolvedRule, obs: Observation) -> Finding:
    eff = resolved.rule.effective
    return Finding(
        subject=obs.subject,
        period=obs.label,
        status=Status.OUT_OF_PERIOD,
        due=None,
        evidence=tuple(sorted(obs.evidence.items())),
        explanation_zh=f"所涉期间（{obs.label}）不在本规则有效期（{eff.start}至{eff.end}）内，不据此评判",
        explanation_en=f"the period {obs.label} falls outside the rule's effective period ({eff}); the facts are not judged by it",
        **_base(resolved),
    )


def _no_subjects(resolved: ResolvedRule) -> Finding:
    subject = resolved.rule.scope.subject.value
    return Finding(
        subject="*",
        period=str(resolved.rule.effective),
        status=Status.INSUFFICIENT_DATA,
        explanation_zh=f"事实中没有本规则约束的{subject}，无法评判",
        explanation_en=f"the facts contain no {subject} this rule binds, so it cannot be judged",
        remedy_zh=f"提供本规则适用的{subject}数据",
        remedy_en=f"supply the {subject} records this rule applies to",
        **_base(resolved),
    )


def _not_yet_in_effect(resolved: ResolvedRule, as_of: _dt.date) -> Finding:
    eff = resolved.rule.effective
    return Finding(
        subject="*",
        period=str(eff),
        status=Status.OUT_OF_PERIOD,
        explanation_zh=f"评估日{as_of}早于本规则生效日{eff.start}，不据此评判",
        explanation_en=f"the as-of day {as_of} precedes the rule's effective period ({eff})",
        **_base(resolved),
    )


def observations_for(rule: ResolvedRule, ctx: EvalContext) -> Sequence[Observation]:
    """The observations a rule makes of the facts (for inspection and tests)."""
    return list(rule.rule.spec.observe(rule.rule, ctx))
