"""Plan tasks with a completion deadline (完成时限), reported by units.

A unit shows a task done with a :class:`~enforcerules.TaskReport` naming the
rule's ``task`` key — its own, or one of the body responsible for the task
that lists the unit, or the unit's region, in ``covers`` (a duty is discharged
for a region or unit when the responsible body reports it done for them). The deadline is the plan's phrase (see
:mod:`enforcerules.deadlines`): fixed ("2023年底前"), annual ("每年年底前",
one finding per year) or standing ("长期坚持", "持续推进", "按照上级部署开展"),
which has no date and so can never be late: it is ``compliant`` once activity
is reported and ``pending`` until then.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

import attrs
import polars as pl

from ..chinatime import to_ordinal
from ..conditions import all_of, eq, lte
from ..deadlines import Deadline, DeadlineKind, DeadlinePolicy
from ..findings import Status
from ..rules import Rule, Subject
from .base import (
    Branch,
    EvalContext,
    Explanation,
    Observation,
    RuleKind,
    finish_observations,
    ordinal_expr,
    subject_years,
    unit_scope_table,
    year_period_columns,
)

__all__ = ["TaskDeadline"]


def _as_deadline(value: str | Deadline) -> Deadline:
    return Deadline(value) if isinstance(value, str) else value


def _task_key(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value or len(value) > 120:
        raise ValueError(f"'{attribute.name}' must be a non-empty task key (got {value!r})")


@attrs.frozen
class TaskDeadline(RuleKind):
    """Each unit in scope reports ``task`` done by ``deadline``."""

    kind_name = "task_deadline"
    subject = Subject.UNIT

    task: str = attrs.field(validator=_task_key)
    deadline: Deadline = attrs.field(converter=_as_deadline, validator=attrs.validators.instance_of(Deadline))

    def due_date(self, policy: DeadlinePolicy) -> _dt.date | None:
        return self.deadline.due(policy) if self.deadline.kind is DeadlineKind.FIXED else None

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        units = unit_scope_table(rule.scope, ctx.facts).select(subject=pl.col("id"), region=pl.col("region"))
        links = self._reports_for(units, ctx)  # subject, day: each report once per unit it counts for
        if self.deadline.kind is DeadlineKind.ANNUAL:
            links = links.with_columns(year=pl.col("day").dt.year().cast(pl.Int32))
            years = subject_years(rule, ctx, units.select("subject"), links)
            dues = {y: self.deadline.due(ctx.policy, y) for y in years.get_column("year").unique().to_list()}
            done = links.group_by("subject", "year").agg(first=pl.col("day").min(), n=pl.len())
            grid = (
                years.join(done, on=["subject", "year"], how="left", maintain_order="left")
                .with_columns(*year_period_columns())
                .with_columns(due=pl.col("year").replace_strict(list(dues), list(dues.values()), return_dtype=pl.Date, default=None))
            )
        else:
            done = links.group_by("subject").agg(first=pl.col("day").min(), n=pl.len())
            eff = rule.effective
            grid = units.select("subject").join(done, on="subject", how="left", maintain_order="left").with_columns(
                label=pl.lit(self.deadline.phrase), period_start=pl.lit(eff.start), period_end=pl.lit(eff.end),
                due=pl.lit(self.deadline.due(ctx.policy), dtype=pl.Date),
            )
        reported = pl.col("first").is_not_null()
        values = {
            "done": reported.cast(pl.Int64),
            "on": ordinal_expr(pl.col("first")),
            "asof": pl.lit(to_ordinal(ctx.as_of), dtype=pl.Int64),
            "yr": pl.col("period_start").dt.year().cast(pl.Int64),
        }
        evidence = {
            "task": pl.lit(self.task), "completed_on": pl.col("first"), "reports": pl.col("n").fill_null(0).cast(pl.Int64),
            "deadline": pl.lit(self.deadline.phrase),
        }
        return finish_observations(grid, values, evidence)

    def _reports_for(self, units: pl.DataFrame, ctx: EvalContext) -> pl.DataFrame:
        """(``subject``, ``day``) of each report of the task done by the as-of day, for each unit in *units*
        it counts for: the unit's own, and those whose ``covers`` name the unit or its region."""
        reports = ctx.facts.table("task_reports").filter((pl.col("task") == self.task) & (pl.col("completed_on") <= ctx.as_of))
        own = reports.select(subject=pl.col("unit"), report=pl.col("id"), day=pl.col("completed_on"))
        covered = reports.select(target=pl.col("covers"), report=pl.col("id"), day=pl.col("completed_on")).explode("target").drop_nulls("target")
        for_unit = covered.join(units.select("subject"), left_on="target", right_on="subject", how="inner").select(
            subject=pl.col("target"), report=pl.col("report"), day=pl.col("day"))
        for_region = units.drop_nulls("region").join(covered, left_on="region", right_on="target", how="inner").select("subject", "report", "day")
        return (
            pl.concat([own, for_unit, for_region])
            .join(units.select("subject"), on="subject", how="semi")
            .unique(["subject", "report"])
            .select("subject", "day")
        )

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        kind = self.deadline.kind
        if kind in (DeadlineKind.STANDING, DeadlineKind.ON_INSTRUCTION, DeadlineKind.UNDATED):
            return [Branch(Status.COMPLIANT, eq("done", 1)), Branch(Status.PENDING)]
        dues: list[tuple[int | None, _dt.date | None]]
        if kind is DeadlineKind.FIXED:
            dues = [(None, self.deadline.due(policy))]
        else:
            years = range(rule.effective.start.year, rule.effective.end.year + 1)
            dues = [(y, self.deadline.due(policy, y)) for y in years]
        out: list[Branch] = []
        for year, due in dues:
            assert due is not None
            yr: dict[str, Any] = eq("yr", year) if year is not None else {}
            out.append(Branch(Status.COMPLIANT, all_of(yr, eq("done", 1), lte("on", to_ordinal(due)))))
            out.append(Branch(Status.PENDING, all_of(yr, eq("done", 0), lte("asof", to_ordinal(due)))))
        out.append(Branch(Status.LATE, eq("done", 1)))
        out.append(Branch(Status.VIOLATION))
        return out

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        done_on = obs.evidence.get("completed_on")
        due = obs.due.isoformat() if obs.due else self.deadline.phrase
        phrase = self.deadline.phrase
        if status is Status.COMPLIANT and obs.due is None:
            return Explanation(f"该项为{phrase}事项，已报送工作情况（{done_on}）", f"standing duty ({phrase}); activity reported on {done_on}")
        if status is Status.PENDING and obs.due is None:
            return Explanation(f"该项为{phrase}事项，无完成时限，尚未报送工作情况", f"standing duty ({phrase}) with no deadline; no activity reported yet", "报送该项工作情况", "report activity on this task")
        if status is Status.COMPLIANT:
            return Explanation(f"已于{done_on}完成，未超过时限{due}（含当日，{phrase}）", f"completed on {done_on}, within the deadline {due} ({phrase})")
        if status is Status.LATE:
            return Explanation(f"于{done_on}完成，晚于时限{due}（含当日，{phrase}）", f"completed on {done_on}, after the deadline {due} ({phrase})")
        if status is Status.PENDING:
            return Explanation(f"尚未完成，时限{due}（含当日，{phrase}）未到", f"not yet completed; deadline {due} ({phrase}) not yet passed", f"于{due}（含当日）前完成并报送", f"complete and report by {due}")
        return Explanation(f"时限{due}（含当日，{phrase}）已过，未报送完成", f"deadline {due} ({phrase}) has passed with no completion reported", "尽快完成并报送", "complete and report it now")
