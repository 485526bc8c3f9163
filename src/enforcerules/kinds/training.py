"""Annual training hours per officer, with category splits.

国办发〔2023〕27号 二（一）2: "在完成政治理论教育和党性教育学时的基础上，确保
行政执法人员每人每年接受不少于60学时的公共法律知识、业务知识和行政执法技能
培训" — political-theory hours are required separately and do not count
towards the 60.

Who is assessed for a year: every officer in post on at least one day of it
(the plans do not pro-rate for officers hired or leaving mid-year).

Hours are compared exactly, in integer millionths of an hour (the
resolution: 3.6 ms). A record's hours are cut *down* to the millionth (after
discarding binary-float noise below a billionth), never rounded up, so no
shortfall becomes compliance: 59.996 h is short of 60, and three records of
19.995 h make 59.985 h. Sums are integer sums; no float is added or compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs
import polars as pl

from .._fields import as_tuple, tuple_field, tuple_of
from ..conditions import all_of, eq, gte
from ..datetext import cst_day_expr
from ..deadlines import DeadlinePolicy
from ..facts import TrainingCategory
from ..findings import Status
from ..rules import Rule, Subject
from .base import (
    Branch,
    EvalContext,
    Explanation,
    Observation,
    RuleKind,
    exact_quotient,
    finish_observations,
    in_service_expr,
    scoped_officers_table,
    subject_years,
    year_period_columns,
)

__all__ = ["MICRO", "AnnualTrainingHours", "CategoryMinimum", "hours_to_micro", "micro_expr", "micro_to_hours", "format_micro"]

#: Millionths of an hour: the unit hours are summed and compared in.
MICRO = 1_000_000


def hours_to_micro(hours: float) -> int:
    """A threshold or a record's hours in millionths, cut down (never up) to the millionth.

    Float noise below a billionth is discarded first, so 19.995 (stored as
    19.99499999999999…) is 19 995 000, not 19 994 999.
    """
    return round(Decimal(repr(float(hours))) * 1000 * MICRO) // 1000


def micro_expr(hours: pl.Expr) -> pl.Expr:
    """:func:`hours_to_micro` of a column."""
    return (hours * (1000 * MICRO)).round(0).cast(pl.Int64) // 1000


def micro_to_hours(micro: pl.Expr) -> pl.Expr:
    """Integer millionths as hours: the float nearest the exact decimal."""
    return exact_quotient(micro, MICRO)


def format_micro(micro: int) -> str:
    """Millionths of an hour as the shortest exact decimal (59.996, 60, 0.000001)."""
    text = f"{Decimal(micro) / MICRO:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text



def _hours(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 10000:
        raise ValueError(f"'{attribute.name}' must be a number of hours in [0, 10000] (got {value!r})")


@attrs.frozen
class CategoryMinimum:
    """At least ``min_hours`` of the year's hours must fall in ``categories``."""

    categories: tuple[TrainingCategory, ...] = attrs.field(converter=as_tuple, validator=tuple_of(TrainingCategory))
    min_hours: float = attrs.field(validator=_hours)
    label_zh: str = ""
    label_en: str = ""


_fmt = format_micro


@attrs.frozen
class AnnualTrainingHours(RuleKind):
    """Each officer trains at least ``min_hours`` a year in ``counted`` categories."""

    kind_name = "annual_training_hours"
    subject = Subject.OFFICER

    min_hours: float = attrs.field(validator=_hours)
    counted: tuple[TrainingCategory, ...] = attrs.field(converter=as_tuple, validator=tuple_of(TrainingCategory))
    splits: tuple[CategoryMinimum, ...] = tuple_field(CategoryMinimum)

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        officers = scoped_officers_table(rule.scope, ctx.facts).select(
            subject=pl.col("id"), hired_on=pl.col("hired_on"), left_on=pl.col("left_on")
        )
        counted = pl.col("category").is_in([c.value for c in self.counted])
        micro = pl.col("micro")
        zero = pl.lit(0, dtype=pl.Int64)
        # One lazy pass over the records: the CST day once, each record's hours
        # put in its sums' columns, plain sums per officer-year, and only then
        # the restriction to the officers in scope (a smaller join).
        sums = (
            ctx.facts.table("training").lazy()
            .with_columns(_day=cst_day_expr(pl.col("held_at")))
            .filter(pl.col("_day") <= ctx.as_of)
            .select(
                subject=pl.col("officer"),
                year=pl.col("_day").dt.year().cast(pl.Int32),
                micro=micro_expr(pl.col("hours")),
                counted=counted,
                **{f"in_s{i}": counted & pl.col("category").is_in([c.value for c in split.categories]) for i, split in enumerate(self.splits)},
            )
            .select(
                "subject", "year",
                tot=pl.when(pl.col("counted")).then(micro).otherwise(zero),
                excluded=pl.when(pl.col("counted")).then(zero).otherwise(micro),
                **{f"s{i}": pl.when(pl.col(f"in_s{i}")).then(micro).otherwise(zero) for i in range(len(self.splits))},
            )
            .group_by("subject", "year")
            .agg(pl.col("tot").sum(), pl.col("excluded").sum(), records=pl.len(), *(pl.col(f"s{i}").sum() for i in range(len(self.splits))))
            .join(officers.lazy().select("subject"), on="subject", how="semi")
            .collect()
        )
        years = subject_years(rule, ctx, officers, sums)
        grid = (
            years.join(sums, on=["subject", "year"], how="left")
            .with_columns(*year_period_columns())
        )
        split_cols = {f"s{i}": pl.col(f"s{i}").fill_null(zero).cast(pl.Int64) for i in range(len(self.splits))}
        values = {
            "svc": in_service_expr(pl.col("period_start"), pl.col("period_end")).cast(pl.Int64),
            "closed": (pl.lit(ctx.as_of) > pl.col("period_end")).cast(pl.Int64),
            "tot": pl.col("tot").fill_null(zero).cast(pl.Int64),
            **split_cols,
        }
        evidence = {
            "counted_hours": micro_to_hours(pl.col("tot").fill_null(zero)),
            "excluded_hours": micro_to_hours(pl.col("excluded").fill_null(zero)),
            "records": pl.col("records").fill_null(zero).cast(pl.Int64),
            **{f"split_{i}_hours": micro_to_hours(split_cols[f"s{i}"]) for i in range(len(self.splits))},
        }
        return finish_observations(grid, values, evidence)

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        met = all_of(
            gte("tot", hours_to_micro(self.min_hours)),
            *(gte(f"s{i}", hours_to_micro(s.min_hours)) for i, s in enumerate(self.splits)),
        )
        return [
            Branch(Status.NOT_APPLICABLE, eq("svc", 0)),
            Branch(Status.COMPLIANT, met),
            Branch(Status.PENDING, eq("closed", 0)),
            Branch(Status.VIOLATION),
        ]

    def _shortfalls(self, obs: Observation) -> list[tuple[str, str, int, int]]:
        out = []
        need = hours_to_micro(self.min_hours)
        if int(obs.values["tot"]) < need:
            out.append(("计入的培训", "training", int(obs.values["tot"]), need))
        for i, s in enumerate(self.splits):
            have, need_s = int(obs.values[f"s{i}"]), hours_to_micro(s.min_hours)
            if have < need_s:
                out.append((s.label_zh or "分项", s.label_en or f"split {i}", have, need_s))
        return out

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        year, tot = obs.label, int(obs.values["tot"])
        if status is Status.NOT_APPLICABLE:
            return Explanation(f"{year}年该人员不在执法岗位，不作要求", f"the officer was not in post in {year}")
        if status is Status.COMPLIANT:
            floors_zh = "".join(
                f"，其中{s.label_zh or '分项'}{_fmt(int(obs.values[f's{i}']))}学时，达到不少于{s.min_hours:g}学时的要求"
                for i, s in enumerate(self.splits)
            )
            floors_en = "".join(
                f"; {s.label_en or f'split {i}'}: {_fmt(int(obs.values[f's{i}']))} hours, meeting the minimum of {s.min_hours:g}"
                for i, s in enumerate(self.splits)
            )
            return Explanation(
                f"{year}年参加计入的培训{_fmt(tot)}学时，达到不少于{self.min_hours:g}学时的要求{floors_zh}",
                f"{_fmt(tot)} counted training hours in {year}, meeting the minimum of {self.min_hours:g}{floors_en}",
            )
        gaps = self._shortfalls(obs)
        zh = "；".join(f"{year}年参加{l}{_fmt(h)}学时，少于{_fmt(n)}学时" for l, _, h, n in gaps)
        en = "; ".join(f"{e} hours in {year}: {_fmt(h)}, below {_fmt(n)}" for _, e, h, n in gaps)
        fix_zh = "，".join(f"再参加{l}{_fmt(n - h)}学时" for l, _, h, n in gaps)
        fix_en = ", ".join(f"{_fmt(n - h)} more {e} hours" for _, e, h, n in gaps)
        if status is Status.PENDING:
            return Explanation(f"截至评估日{zh}（年度未结束）", f"so far {en} (year not over)", f"年底前{fix_zh}", f"before year end: {fix_en}")
        return Explanation(zh, en, f"需{fix_zh}", f"needed: {fix_en}")
