"""Facts in, findings table out: the evaluation pipeline.

For each rule of a rulebook: its kind observes the facts tables once (one
observation table); rows outside the rule's effective period become
``out_of_period``; the executor picks the first matching compiled branch for
the rest, all rows at once; the branch gives the status. The result is a
findings table (:data:`~enforcerules.findings_table.FINDINGS_SCHEMA`) with no
text in it: explanations are rendered from it when a report is written or a
:class:`~enforcerules.Finding` is asked for.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from functools import lru_cache

import polars as pl

from .calendar import HolidayCalendar
from .chinatime import cst_date
from .compile import CompiledRule
from .deadlines import DeadlinePolicy
from .engine import Executor, get_executor
from .errors import EngineError
from .factset import Facts
from .findings import Status
from .findings_table import FINDINGS_SCHEMA, Template, empty_findings
from .kinds.base import EvalContext, Observation, observations_of, unit_scope_table
from .report import Report
from .rulebook import ResolvedRule, Rulebook
from .rules import Subject

__all__ = ["compile_rulebook", "evaluate", "evaluate_rules"]

_RESERVED = frozenset({"t", "n", "s", "id", "sid"})
_MAX_INT = 2**53
_MAX_STR = 1000


@lru_cache(maxsize=2)
def _official_calendar() -> HolidayCalendar:
    return HolidayCalendar.official()


def compile_rulebook(rulebook: Rulebook, policy: DeadlinePolicy | None = None) -> dict[str, CompiledRule]:
    """Every rule of *rulebook* in the engine's JSON rule language, by rule id (cached on the rulebook)."""
    return dict(rulebook.compiled(policy or DeadlinePolicy()))


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

    *engine* is ``"auto"`` (default: the columnar executor), ``"columnar"``,
    ``"durable"``, ``"python"`` or an executor object; all give identical
    findings. *calendar* defaults to the State Council's published holiday
    arrangements; :meth:`Registry.evaluate` uses a plugin-supplied calendar
    instead when one is registered. Findings are sorted by rule, subject and
    period, and identical whatever the order of the facts.
    """
    policy = policy or DeadlinePolicy()
    day = cst_date(as_of)
    executor = get_executor(engine) if isinstance(engine, str) else engine
    parts = list(evaluate_rules(rulebook, facts, day, executor=executor, policy=policy, calendar=calendar))
    table = pl.concat(parts, how="vertical") if parts else empty_findings()
    return Report(
        jurisdiction=rulebook.jurisdiction.id,
        rulebook_digest=rulebook.digest,
        as_of=day,
        engine=executor.name,
        policy=policy,
        table=table.sort(["rule_id", "subject", "period"], maintain_order=True),
        rules={r.id: r for r in rulebook.rules},
        rejections=facts.rejections,
    )


def evaluate_rules(
    rulebook: Rulebook,
    facts: Facts,
    as_of: _dt.date,
    *,
    executor: Executor,
    policy: DeadlinePolicy,
    calendar: HolidayCalendar | None = None,
) -> Iterator[pl.DataFrame]:
    """The findings table of each rule in turn (for writers that stream them out)."""
    ctx = EvalContext(facts=facts, as_of=as_of, policy=policy, calendar=calendar or _official_calendar())
    compiled = rulebook.compiled(policy)
    for resolved in rulebook.rules:
        yield evaluate_rule(resolved, ctx, executor, compiled[resolved.id])


def evaluate_rule(resolved: ResolvedRule, ctx: EvalContext, executor: Executor, compiled: CompiledRule) -> pl.DataFrame:
    """One rule's findings table."""
    rule = resolved.rule
    if ctx.as_of < rule.effective.start:
        return _rule_wide(resolved, Status.OUT_OF_PERIOD, Template.NOT_YET_IN_EFFECT)
    observed = rule.spec.observe(rule, ctx)
    if observed.height == 0:
        if resolved.above_jurisdiction:
            return _rule_wide(resolved, Status.NOT_APPLICABLE, Template.ABOVE_JURISDICTION)
        return _rule_wide(resolved, Status.INSUFFICIENT_DATA, Template.NO_SUBJECTS)
    _check_engine_safe(rule.id, observed)
    eff = rule.effective
    inside = (pl.col("period_start") <= eff.end) & (pl.col("period_end") >= eff.start)
    observed = observed.with_columns(inside=inside)
    judged = observed.filter(pl.col("inside"))
    branch = executor.first_branch(compiled, judged) if judged.height else pl.Series("branch", [], dtype=pl.UInt16)
    if branch.null_count():
        row = judged.row(branch.is_null().arg_max() or 0, named=True)
        raise EngineError(f"rule {rule.id!r}: no branch matched {row['subject']} {row['label']}")
    statuses = pl.Series("status", [s.value for s in compiled.statuses], dtype=pl.String)
    judged = judged.with_columns(
        branch=branch.cast(pl.UInt16),
        status=statuses.gather(branch),
        template=pl.lit(Template.KIND.value),
    )
    outside = observed.filter(~pl.col("inside")).with_columns(
        branch=pl.lit(None, dtype=pl.UInt16),
        status=pl.lit(Status.OUT_OF_PERIOD.value),
        template=pl.lit(Template.OUT_OF_PERIOD.value),
    )
    if resolved.named_bodies is not None and rule.scope.subject is Subject.UNIT:
        named = unit_scope_table(resolved.named_bodies.scope, ctx.facts).get_column("id")
        judged = judged.with_columns(
            template=pl.when(pl.col("subject").is_in(named.implode())).then(pl.col("template")).otherwise(pl.lit(Template.PARENT_TEXT.value))
        )
    both = pl.concat([judged, outside], how="vertical")
    findings: pl.DataFrame = both.select(
        rule_id=pl.lit(rule.id),
        jurisdiction=pl.lit(resolved.jurisdiction),
        subject=pl.col("subject"),
        period=pl.col("label"),
        period_start=pl.col("period_start"),
        period_end=pl.col("period_end"),
        status=pl.col("status"),
        branch=pl.col("branch"),
        due=pl.col("due"),
        template=pl.col("template"),
        evidence=pl.col("evidence"),
        params=pl.col("values").struct.json_encode(),
    ).cast(FINDINGS_SCHEMA)
    return findings.sort(["subject", "period"], maintain_order=True)


def _check_engine_safe(rule_id: str, observed: pl.DataFrame) -> None:
    """Values every executor compares alike: ints within ±2^53, short strings, no reserved names."""
    dtype = observed.schema["values"]
    assert isinstance(dtype, pl.Struct)
    bad: dict[str, pl.Expr] = {}
    for f in dtype.fields:
        if f.name in _RESERVED:
            raise EngineError(f"rule {rule_id!r}: observation value name {f.name!r} is reserved")
        col = pl.col("values").struct.field(f.name)
        if f.dtype == pl.String:
            bad[f.name] = col.str.len_chars() > _MAX_STR
        elif f.dtype.is_integer():
            bad[f.name] = col.abs() >= _MAX_INT
        else:
            raise EngineError(f"rule {rule_id!r}: observation value {f.name!r} is {f.dtype}, not an int or a string")
    if not bad:
        return
    flags = observed.select(e.fill_null(False).any().alias(k) for k, e in bad.items()).row(0, named=True)
    for name, hit in flags.items():
        if hit:
            value = observed.filter(bad[name].fill_null(False)).select(pl.col("values").struct.field(name)).item(0, 0)
            raise EngineError(f"rule {rule_id!r}: observation value {name}={value!r} is not engine-safe")


def _rule_wide(resolved: ResolvedRule, status: Status, template: Template) -> pl.DataFrame:
    eff = resolved.rule.effective
    return pl.DataFrame(
        {
            "rule_id": [resolved.id],
            "jurisdiction": [resolved.jurisdiction],
            "subject": ["*"],
            "period": [str(eff)],
            "period_start": [eff.start],
            "period_end": [eff.end],
            "status": [status.value],
            "branch": [None],
            "due": [None],
            "template": [template.value],
            "evidence": ["{}"],
            "params": ["{}"],
        },
        schema=FINDINGS_SCHEMA,
    )


def observations_for(rule: ResolvedRule, ctx: EvalContext) -> Sequence[Observation]:
    """The observations a rule makes of the facts (for inspection and tests)."""
    return observations_of(rule.rule.spec.observe(rule.rule, ctx))
