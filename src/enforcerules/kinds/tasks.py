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
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from ..chinatime import to_ordinal
from ..citation import Period
from ..conditions import all_of, eq, lte
from ..deadlines import Deadline, DeadlineKind, DeadlinePolicy
from ..facts import TaskReport
from ..findings import Status
from ..rules import Rule, Subject
from .base import Branch, EvalContext, Explanation, Observation, RuleKind, flag, scoped_units, years_to_check

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

    def observe_rows(self, rule: Rule, ctx: EvalContext) -> Iterator[Observation]:
        covering: dict[str, list[TaskReport]] = {}  # unit or region id -> reports done for it by another unit
        for r in ctx.facts.task_reports:
            if r.task == self.task:
                for target in r.covers:
                    covering.setdefault(target, []).append(r)
        for unit in scoped_units(rule.scope, ctx.facts):
            own = ctx.facts.reports_by_task_unit.get((self.task, unit.id), ())
            others = [*covering.get(unit.id, ()), *(covering.get(unit.region, ()) if unit.region else ())]
            reports = sorted({r.id: r.completed_on for r in (*own, *others) if r.completed_on <= ctx.as_of}.values())
            if self.deadline.kind is DeadlineKind.ANNUAL:
                for year in years_to_check(rule, ctx, {d.year for d in reports}):
                    done = [d for d in reports if d.year == year]
                    due = self.deadline.due(ctx.policy, year)
                    yield self._obs(unit.id, Period.year(year), str(year), done, due, ctx.as_of)
            else:
                due = self.deadline.due(ctx.policy)
                yield self._obs(unit.id, rule.effective, self.deadline.phrase, reports, due, ctx.as_of)

    def _obs(self, subject: str, period: Period, label: str, done: list[_dt.date], due: _dt.date | None, as_of: _dt.date) -> Observation:
        first = done[0] if done else None
        values: dict[str, int | str] = {
            "done": flag(first is not None),
            "on": to_ordinal(first) if first else 0,
            "asof": to_ordinal(as_of),
            "yr": period.start.year,
        }
        evidence = {"task": self.task, "completed_on": first, "reports": len(done), "deadline": self.deadline.phrase}
        return Observation(subject, period, label, values, evidence, due=due)

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
