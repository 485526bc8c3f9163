"""Deadlines relative to an event: "评估完成后15日内报送".

Example: 大通区实施方案 三（二）: "在评估完成后15日内将总结评估报告报市司法局".
For each *trigger* :class:`~enforcerules.Event` of a subject in scope (an
evaluation completed), the first *response* event of the same subject on or
after the trigger day (the report sent) must fall on or before the last day
of the period.

Counting follows 《民法典》第一编第十章 "期间计算" (arts. 200–204) by
default, via :func:`enforcerules.calendar.civil_code_period_end`:

- 第二百条: periods are counted in calendar days ("日", not working days);
- 第二百零一条: the start day (the trigger day) is not counted;
- 第二百零三条: if the last day is a 法定休假日 the period ends on the day after
  the holiday ends, and the last day runs to 24:00 (a response on it is in
  time);
- 第二百零四条: a law may provide otherwise, hence ``Counting.CALENDAR_DAYS``
  (no holiday extension) as an explicit alternative.

What reaches the engine. The due day differs per trigger and needs the
holiday calendar, which only ``observe`` has, so the due day cannot be a
constant of the compiled conditions. ``observe`` therefore hands over
*differences* from it — ``slack`` = due − response day, ``left`` = due −
as-of day — and the branches compare them with the constant 0. The decision
(on time, late, still open) stays in the compiled conditions, as it does
for fixed deadlines, rather than in Python-computed verdict flags.

When the calendar has no data for the days the due day depends on, the due
day is unknown, but it cannot be earlier than the plain count (the holiday
extension only moves it later). The differences are then taken from that
lower bound, so a response or an as-of day within it still decides
(``compliant`` / ``pending``); anything else is ``insufficient_data``.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from ..calendar import HolidayCalendar, calendar_days_period_end, civil_code_period_end
from ..chinatime import to_ordinal
from .._fields import tuple_field
from ..citation import Period
from ..conditions import all_of, eq, gte
from ..deadlines import DeadlinePolicy, within_days
from ..errors import CalendarError
from ..findings import Status
from ..rules import Rule, Subject
from .base import Branch, EvalContext, Explanation, Observation, RuleKind, flag, scoped_subjects

__all__ = ["Counting", "RelativeDeadline"]


class Counting(enum.Enum):
    """How a period of days after an event is counted."""

    CIVIL_CODE = "civil_code"  # 《民法典》 arts. 201, 203: start day excluded, rest-day end moves
    CALENDAR_DAYS = "calendar_days"  # start day excluded, end never moves (art. 204 exception)


def _event_kind(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise ValueError(f"'{attribute.name}' must be a non-empty event kind (got {value!r})")


def _to_days(value: Any) -> Any:
    """``15`` or the plan's phrase ``"15日内"``."""
    return within_days(value) if isinstance(value, str) else value


def _days(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3660:
        raise ValueError(f"'{attribute.name}' must be a number of days in [0, 3660] (got {value!r})")


@attrs.frozen(order=True)
class _Trigger:
    """A day that starts the period, and the record (event or task report) it comes from."""

    on: _dt.date
    id: str


def _one_per_day(triggers: list[_Trigger]) -> list[_Trigger]:
    """Sorted triggers, one per day: an evaluation recorded both as a task report
    and as an event starts one period, not two."""
    seen: dict[_dt.date, _Trigger] = {}
    for t in sorted(triggers):
        seen.setdefault(t.on, t)
    return list(seen.values())


@attrs.frozen
class RelativeDeadline(RuleKind):
    """After each ``trigger`` event of a subject, a ``response`` event within ``days`` days.

    ``days`` may be given as the plan's phrase ("15日内"). Subjects are the
    units (default), officers or regions of the rule's scope; a subject with
    no trigger gets one ``not_applicable`` finding, so none is silent.
    """

    kind_name = "relative_deadline"
    subject = Subject.UNIT  # also officers and regions, per the rule's scope

    #: The event kind that starts the period; ``None`` when only ``trigger_tasks`` do
    #: (one fact, one reading: a plan task's completion is read from its task report,
    #: as the task's own deadline rule reads it).
    trigger: str | None = attrs.field(validator=attrs.validators.optional(_event_kind))
    response: str = attrs.field(validator=_event_kind)
    days: int = attrs.field(converter=_to_days, validator=_days)
    counting: Counting = attrs.field(default=Counting.CIVIL_CODE, validator=attrs.validators.instance_of(Counting))
    label_zh: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    label_en: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    #: Plan tasks whose reported completion (a TaskReport of the subject) also
    #: starts the period — so "评估完成后15日内" follows the evaluation tasks
    #: themselves, not only a separately recorded trigger event.
    trigger_tasks: tuple[str, ...] = tuple_field(str)
    #: What starts the period, in words for findings ("中期评估或终期评估完成");
    #: default: the trigger keys.
    trigger_label_zh: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    trigger_label_en: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        if self.trigger == self.response:
            raise ValueError(f"'response' must differ from 'trigger' (both {self.trigger!r})")
        if self.trigger is None and not self.trigger_tasks:
            raise ValueError("a RelativeDeadline needs a 'trigger' event kind or 'trigger_tasks' (got neither)")

    def observe_rows(self, rule: Rule, ctx: EvalContext) -> Iterator[Observation]:
        calendar = ctx.calendar
        if calendar is None and self.counting is Counting.CIVIL_CODE:
            calendar = HolidayCalendar.official()
        for sid, _ in scoped_subjects(rule.scope, ctx.facts):
            events = ctx.facts.events_by_kind_subject
            triggers = _one_per_day(
                [_Trigger(e.on, e.id) for e in (events.get((self.trigger, sid), ()) if self.trigger else ()) if e.on <= ctx.as_of]
                + [_Trigger(r.completed_on, r.id) for task in self.trigger_tasks
                   for r in ctx.facts.reports_by_task_unit.get((task, sid), ()) if r.completed_on <= ctx.as_of]
            )
            responses = sorted((e for e in events.get((self.response, sid), ()) if e.on <= ctx.as_of), key=lambda e: (e.on, e.id))
            if not triggers:
                yield self._no_trigger(sid, rule.effective)
            for t in triggers:
                reply = next((r for r in responses if r.on >= t.on), None)
                yield self._observation(sid, t, reply, ctx.as_of, calendar)

    def _no_trigger(self, sid: str, period: Period) -> Observation:
        values = {"trg": 0, "cal": 1, "done": 0, "slack": 0, "left": 0}
        return Observation(sid, period, f"{self._starts()}: none", values, {"trigger": self.trigger or self._starts()})

    def _due(self, start: _dt.date, calendar: HolidayCalendar | None) -> tuple[_dt.date | None, _dt.date, str]:
        """(due day or None if unknown, its lower bound, why unknown)."""
        plain = calendar_days_period_end(start, self.days)
        if self.counting is Counting.CALENDAR_DAYS or calendar is None:
            return plain, plain, ""
        try:
            return civil_code_period_end(start, self.days, calendar), plain, ""
        except CalendarError as exc:
            return None, plain, str(exc)

    def _observation(self, sid: str, trigger: _Trigger, reply: Any, as_of: _dt.date, calendar: HolidayCalendar | None) -> Observation:
        due, bound, missing = self._due(trigger.on, calendar)
        limit = to_ordinal(due if due is not None else bound)
        values: dict[str, int | str] = {
            "trg": 1,
            "cal": flag(due is not None),
            "done": flag(reply is not None),
            "slack": limit - to_ordinal(reply.on) if reply is not None else 0,
            "left": limit - to_ordinal(as_of),
        }
        evidence: dict[str, Any] = {
            "trigger": self.trigger or self._starts(),
            "trigger_event": trigger.id,
            "trigger_on": trigger.on,
            "response": self.response,
            "response_event": reply.id if reply else None,
            "response_on": reply.on if reply else None,
            "days": self.days,
            "counting": self.counting.value,
            "due": due,
        }
        if missing:
            evidence["calendar_gap"] = missing
        period = Period(trigger.on, trigger.on)
        label = f"{self._starts()} {trigger.on.isoformat()} {trigger.id}"  # id: two triggers may share a day
        return Observation(sid, period, label, values, evidence, due=due)

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        # Order matters: with cal=0 the differences are taken from a lower
        # bound of the due day, so only "in time" and "still open" are sure.
        return [
            Branch(Status.NOT_APPLICABLE, eq("trg", 0)),
            Branch(Status.COMPLIANT, all_of(eq("done", 1), gte("slack", 0))),
            Branch(Status.PENDING, all_of(eq("done", 0), gte("left", 0))),
            Branch(Status.INSUFFICIENT_DATA, eq("cal", 0)),
            Branch(Status.LATE, eq("done", 1)),
            Branch(Status.VIOLATION),
        ]

    def _starts(self) -> str:
        """What starts the period: the trigger event kind, and any trigger tasks (keys)."""
        return " / ".join(k for k in (self.trigger, *self.trigger_tasks) if k)

    def _starts_zh(self) -> str:
        return self.trigger_label_zh or self._starts()

    def _starts_en(self) -> str:
        return self.trigger_label_en or self._starts()

    def _what(self) -> tuple[str, str]:
        return self.label_zh or self.response, self.label_en or self.response

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        ev = obs.evidence
        what_zh, what_en = self._what()
        if status is Status.NOT_APPLICABLE:
            return Explanation(f"尚无{self._starts_zh()}，不产生{self.days}日内{what_zh}的义务", f"no {self._starts_en()}, so no duty to {what_en} within {self.days} days")
        start, on = ev["trigger_on"], ev["response_on"]
        how_zh = "（起算日不计入，末日为法定休假日的顺延，《民法典》第二百零一条、第二百零三条）" if self.counting is Counting.CIVIL_CODE else "（按自然日计算，不顺延）"
        how_en = " (start day not counted, a rest-day end moves on: Civil Code arts. 201, 203)" if self.counting is Counting.CIVIL_CODE else " (plain calendar days, no extension)"
        due = ev["due"]
        head_zh, head_en = f"{self._starts_zh()}于{start}，应在{self.days}日内{what_zh}", f"{self._starts_en()} on {start}; {what_en} due within {self.days} days"
        if status is Status.INSUFFICIENT_DATA:
            gap = ev.get("calendar_gap", "")
            return Explanation(
                f"{head_zh}，但缺少节假日数据，无法确定期间届满日（{gap}）",
                f"{head_en}, but the holiday calendar lacks the data to fix the last day ({gap})",
                "提供覆盖该期间的法定节假日安排（HolidayCalendar）", "supply holiday data covering the period (HolidayCalendar)",
            )
        if status is Status.COMPLIANT:
            by = f"，期间届满日为{due}" if due else ""
            by_en = f", last day {due}" if due else ""
            return Explanation(f"{head_zh}{how_zh}；已于{on}完成{by}", f"{head_en}{how_en}; done on {on}{by_en}")
        if status is Status.LATE:
            return Explanation(f"{head_zh}{how_zh}，期间届满日为{due}；{on}才完成，逾期", f"{head_en}{how_en}, last day {due}; done only on {on}, late")
        if status is Status.PENDING:
            left, least_zh, least_en = int(obs.values["left"]), ("" if due else "至少"), ("" if due else "at least ")
            return Explanation(
                f"{head_zh}{how_zh}；期间尚未届满（{least_zh}还有{left}日），尚未完成",
                f"{head_en}{how_en}; the period is still running ({least_en}{left} days left), not done yet",
                f"于{due or '期间届满'}前{what_zh}", f"{what_en} by {due or 'the end of the period'}",
            )
        return Explanation(f"{head_zh}{how_zh}，期间届满日为{due}，至今未完成", f"{head_en}{how_en}, last day {due}; not done", f"立即{what_zh}", f"{what_en} now")
