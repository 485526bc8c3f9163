"""Duties repeated every year: at least N events per subject per calendar year.

Examples: 年度考核 of every officer (国办发〔2023〕27号 二（一）3), a yearly
supervision work plan (二（四）3), Liaoning's yearly case-file review (task
16), Tianjin's two business trainings a year for township officers.
An :class:`~enforcerules.Event` of the rule's ``event`` kind whose
``subject`` is the unit, officer or region counts towards its year.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import polars as pl

from ..conditions import eq, gte
from ..deadlines import DeadlinePolicy
from ..findings import Status
from ..rules import Rule, Subject
from .base import (
    Branch,
    EvalContext,
    Explanation,
    Observation,
    RuleKind,
    finish_observations,
    scoped_subjects_table,
    service_expr,
    subject_years,
    year_period_columns,
)

__all__ = ["RecurringCount"]


def _positive(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"'{attribute.name}' must be a positive int (got {value!r})")


@attrs.frozen
class RecurringCount(RuleKind):
    """At least ``min_count`` events of kind ``event`` per subject per year."""

    kind_name = "recurring_count"
    subject = Subject.UNIT  # also officers and regions, per the rule's scope

    event: str = attrs.field(validator=attrs.validators.min_len(1))
    min_count: int = attrs.field(default=1, validator=_positive)
    label_zh: str = ""
    label_en: str = ""
    #: How the Chinese finding words the count: 开展年度考核1次, 制定工作方案1份, 参加培训1次.
    verb_zh: str = "开展"
    measure_zh: str = "次"
    #: Said with every verdict when the count is a reading the plan does not state
    #: (e.g. "计划未规定次数，每年至少1次为本库的解读").
    reading_zh: str = ""

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        subjects = scoped_subjects_table(rule.scope, ctx.facts)
        counts = (
            ctx.facts.table("events")
            .filter((pl.col("kind") == self.event) & (pl.col("on") <= ctx.as_of))
            .join(subjects.select("subject"), on="subject", how="semi")
            .group_by("subject", year=pl.col("on").dt.year().cast(pl.Int32))
            .agg(cnt=pl.len().cast(pl.Int64))
        )
        grid = (
            subject_years(rule, ctx, subjects, counts)
            .join(counts, on=["subject", "year"], how="left")
            .with_columns(*year_period_columns())
            .with_columns(pl.col("cnt").fill_null(0))
        )
        values = {
            "svc": service_expr(pl.col("period_start"), pl.col("period_end")).cast(pl.Int64),
            "closed": (pl.lit(ctx.as_of) > pl.col("period_end")).cast(pl.Int64),
            "cnt": pl.col("cnt"),
        }
        return finish_observations(grid, values, {"event": pl.lit(self.event), "count": pl.col("cnt")})

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        return [
            Branch(Status.NOT_APPLICABLE, eq("svc", 0)),
            Branch(Status.COMPLIANT, gte("cnt", self.min_count)),
            Branch(Status.PENDING, eq("closed", 0)),
            Branch(Status.VIOLATION),
        ]

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        year, n, need = obs.label, int(obs.values["cnt"]), self.min_count
        what_zh, what_en = self.label_zh or self.event, self.label_en or self.event
        verb, unit = self.verb_zh, self.measure_zh
        if status is Status.NOT_APPLICABLE:
            return Explanation(f"{year}年该人员不在岗", f"not in post in {year}")
        note = f"（{self.reading_zh}）" if self.reading_zh else ""
        if status is Status.COMPLIANT:
            return Explanation(f"{year}年{verb}{what_zh}{n}{unit}，不少于{need}{unit}{note}", f"{n} × {what_en} in {year}, at least {need}")
        gap_zh, gap_en = f"再{verb}{need - n}{unit}{what_zh}", f"{need - n} more {what_en}"
        if status is Status.PENDING:
            return Explanation(f"{year}年截至评估日{verb}{what_zh}{n}{unit}，少于{need}{unit}（年度未结束）{note}", f"{n} × {what_en} so far in {year}, fewer than {need} (year not over)", f"年底前{gap_zh}", f"before year end: {gap_en}")
        return Explanation(f"{year}年{verb}{what_zh}{n}{unit}，少于{need}{unit}{note}", f"{n} × {what_en} in {year}, fewer than {need}", f"需{gap_zh}", f"needed: {gap_en}")
