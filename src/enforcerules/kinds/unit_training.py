"""Training a unit organises each year: at least N sessions and/or N hours.

Example: 天津市实施方案 二（二）2 "有关区级行政执法部门负责对……乡镇（街道）综合执法
人员每年开展不少于2次业务培训" — the duty is the organiser's, not the
attendees': what counts is the sessions the unit held, however many officers
sat in them.

Facts: officers' :class:`~enforcerules.TrainingRecord` rows naming the
``organising_unit`` (a unit id) and the ``session`` they attended. One
session is counted once for its organiser: records sharing a session id are
one session, with the hours of its longest record (an officer who left
early does not shorten the session). A record with no session id is a
session of its own. Hours are compared exactly, in millionths of an hour
(:mod:`enforcerules.kinds.training`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import polars as pl

from .._fields import as_tuple, tuple_of
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
    finish_observations,
    subject_years,
    unit_scope_expr,
    year_period_columns,
)
from .training import format_micro, hours_to_micro, micro_expr, micro_to_hours

__all__ = ["UnitTrainingHours"]


def _count(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10000:
        raise ValueError(f"'{attribute.name}' must be a count in [0, 10000] (got {value!r})")


def _hours(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100000:
        raise ValueError(f"'{attribute.name}' must be a number of hours in [0, 100000] (got {value!r})")


@attrs.frozen
class UnitTrainingHours(RuleKind):
    """Each unit in scope organises at least ``min_sessions`` sessions and
    ``min_hours`` hours of training in ``categories`` (all, if empty) per year."""

    kind_name = "unit_training_hours"
    subject = Subject.UNIT

    min_sessions: int = attrs.field(default=0, validator=_count)
    min_hours: float = attrs.field(default=0, validator=_hours)
    categories: tuple[TrainingCategory, ...] = attrs.field(default=(), converter=as_tuple, validator=tuple_of(TrainingCategory))
    #: Only sessions some township (乡镇、街道) officer attended count.
    township_audience: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    label_zh: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    label_en: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        if self.min_sessions == 0 and self.min_hours == 0:
            raise ValueError("a UnitTrainingHours needs 'min_sessions' or 'min_hours' above 0 (got neither)")

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        units = ctx.facts.table("units").select(
            subject=pl.col("id"), unit_kind=pl.col("kind"), unit_level=pl.col("level"), unit_field=pl.col("field"), unit_name=pl.col("name"),
        ).with_columns(_bound=unit_scope_expr(rule.scope)).filter(pl.col("_bound")).select("subject")
        records = ctx.facts.table("training").filter(pl.col("organising_unit").is_not_null())
        if self.categories:
            records = records.filter(pl.col("category").is_in([c.value for c in self.categories]))
        if self.township_audience:
            township = ctx.facts.table("officers").filter(pl.col("township")).select(officer=pl.col("id"))
            records = records.join(township, on="officer", how="semi")
        sessions = (
            records.select(
                subject=pl.col("organising_unit"),
                session=pl.coalesce(pl.col("session"), pl.lit("record:") + pl.col("id")),
                day=cst_day_expr(pl.col("held_at")),
                micro=micro_expr(pl.col("hours")),
            )
            .filter(pl.col("day") <= ctx.as_of)
            .join(units, on="subject", how="semi")
            .group_by("subject", "session")
            .agg(day=pl.col("day").min(), micro=pl.col("micro").max(), attendees=pl.len())
            .with_columns(year=pl.col("day").dt.year().cast(pl.Int32))
        )
        sums = sessions.group_by("subject", "year").agg(
            n=pl.len(), tot=pl.col("micro").sum(), attendance=pl.col("attendees").sum(),
        )
        years = subject_years(rule, ctx, units, sums)
        grid = years.join(sums, on=["subject", "year"], how="left").with_columns(*year_period_columns())
        zero = pl.lit(0, dtype=pl.Int64)
        values = {
            "cnt": pl.col("n").fill_null(zero).cast(pl.Int64),
            "tot": pl.col("tot").fill_null(zero).cast(pl.Int64),
            "closed": (pl.lit(ctx.as_of) > pl.col("period_end")).cast(pl.Int64),
        }
        evidence = {
            "sessions": pl.col("n").fill_null(zero).cast(pl.Int64),
            "hours": micro_to_hours(pl.col("tot").fill_null(zero)),
            "attendance": pl.col("attendance").fill_null(zero).cast(pl.Int64),
        }
        return finish_observations(grid, values, evidence)

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        met = all_of(gte("cnt", self.min_sessions), gte("tot", hours_to_micro(self.min_hours)))
        return [
            Branch(Status.COMPLIANT, met),
            Branch(Status.PENDING, eq("closed", 0)),
            Branch(Status.VIOLATION),
        ]

    def _need(self) -> tuple[str, str]:
        zh, en = [], []
        if self.min_sessions:
            zh.append(f"不少于{self.min_sessions}次")
            en.append(f"at least {self.min_sessions} sessions")
        if self.min_hours:
            zh.append(f"不少于{self.min_hours:g}学时")
            en.append(f"at least {self.min_hours:g} hours")
        return "、".join(zh), " and ".join(en)

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        year, n, tot = obs.label, int(obs.values["cnt"]), int(obs.values["tot"])
        what_zh, what_en = self.label_zh or "培训", self.label_en or "training"
        need_zh, need_en = self._need()
        have_zh = f"{year}年组织{what_zh}{n}次、共{format_micro(tot)}学时（每次培训只计一次，不论参训人数）"
        have_en = f"{n} sessions of {what_en}, {format_micro(tot)} hours in {year} (each session counted once)"
        if status is Status.COMPLIANT:
            return Explanation(f"{have_zh}，达到每年{need_zh}的要求", f"{have_en}, meeting {need_en} a year")
        gaps_zh, gaps_en = [], []
        if n < self.min_sessions:
            gaps_zh.append(f"再组织{self.min_sessions - n}次")
            gaps_en.append(f"{self.min_sessions - n} more sessions")
        need_micro = hours_to_micro(self.min_hours)
        if tot < need_micro:
            gaps_zh.append(f"再组织{format_micro(need_micro - tot)}学时")
            gaps_en.append(f"{format_micro(need_micro - tot)} more hours")
        fix_zh, fix_en = "、".join(gaps_zh), " and ".join(gaps_en)
        if status is Status.PENDING:
            return Explanation(f"截至评估日{have_zh}，未达到每年{need_zh}的要求（年度未结束）", f"so far {have_en}, short of {need_en} (year not over)",
                               f"年底前{fix_zh}{what_zh}", f"before year end: {fix_en}")
        return Explanation(f"{have_zh}，未达到每年{need_zh}的要求", f"{have_en}, short of {need_en} a year", f"需{fix_zh}{what_zh}", f"needed: {fix_en}")
