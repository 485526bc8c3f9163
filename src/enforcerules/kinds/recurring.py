"""Duties repeated every year: at least N events per subject per calendar year.

Examples: 年度考核 of every officer (国办发〔2023〕27号 二（一）3), a yearly
supervision work plan (二（四）3), Liaoning's yearly case-file review (task
16), Tianjin's two business trainings a year for township officers.
An :class:`~enforcerules.Event` of the rule's ``event`` kind whose
``subject`` is the unit, officer or region counts towards its year.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from ..citation import Period
from ..conditions import eq, gte
from ..deadlines import DeadlinePolicy
from ..findings import Status
from ..rules import Rule, Subject
from .base import Branch, EvalContext, Explanation, Observation, RuleKind, flag, scoped_subjects, years_to_check

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

    def observe_rows(self, rule: Rule, ctx: EvalContext) -> Iterator[Observation]:
        for sid, officer in scoped_subjects(rule.scope, ctx.facts):
            days = [e.on for e in ctx.facts.events_by_kind_subject.get((self.event, sid), ()) if e.on <= ctx.as_of]
            for year in years_to_check(rule, ctx, {d.year for d in days}):
                period = Period.year(year)
                n = sum(1 for d in days if d.year == year)
                in_service = officer is None or officer.in_service(period.start, period.end)
                values = {"svc": flag(in_service), "closed": flag(ctx.as_of > period.end), "cnt": n}
                yield Observation(sid, period, str(year), values, {"event": self.event, "count": n}, due=period.end)

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
        if status is Status.NOT_APPLICABLE:
            return Explanation(f"{year}年该人员不在岗", f"not in post in {year}")
        if status is Status.COMPLIANT:
            return Explanation(f"{year}年{what_zh}{n}次，不少于{need}次", f"{n} × {what_en} in {year}, at least {need}")
        gap_zh, gap_en = f"再开展{need - n}次{what_zh}", f"{need - n} more {what_en}"
        if status is Status.PENDING:
            return Explanation(f"{year}年截至评估日{what_zh}{n}次，少于{need}次（年度未结束）", f"{n} × {what_en} so far in {year}, fewer than {need} (year not over)", f"年底前{gap_zh}", f"before year end: {gap_en}")
        return Explanation(f"{year}年{what_zh}{n}次，少于{need}次", f"{n} × {what_en} in {year}, fewer than {need}", f"需{gap_zh}", f"needed: {gap_en}")
