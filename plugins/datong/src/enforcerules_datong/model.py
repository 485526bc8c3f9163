"""How Datong's numbered tasks become rules: one :class:`Task` per （n）.

Each of the plan's 45 tasks names its units — 牵头单位 (lead), 责任单位
(responsible), 配合单位 (supporting) — and a 完成时限. A :class:`Task` keeps
them exactly as written and declares the task's rules, so every rule carries
its task's units and deadline phrase:

- ``Rule.responsible`` = 牵头单位 first, then 责任单位 (the plan's order);
  :attr:`Task.lead` says which of them lead.
- ``Rule.supporting`` = 配合单位.
- ``TaskDeadline.deadline`` = the 完成时限 as written; where a task has no
  完成时限 line ((5), (17), (22), (28), (30)), the date its own text states.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from enforcerules import PLAN_PERIOD, Deadline, Intent, Level, Override, Period, Rule, Scope, Subject, UnitKind
from enforcerules.kinds import TaskDeadline

from .documents import PLAN, cite

__all__ = [
    "ALL_DEPARTMENTS",
    "DATA_BUREAU",
    "DEVELOPMENT_REFORM",
    "FINANCE_BUREAU",
    "naming",
    "DEPARTMENTS",
    "DEPARTMENTS_AND_BUREAU",
    "DISTRICT",
    "JUSTICE_BUREAU",
    "BUREAU",
    "PERIOD",
    "Task",
    "task_table",
]

#: Effective period of the rules Datong adds: from the plan's issue day
#: (2024-03-25) to the end of the 2023—2025 plans. A district plan cannot bind
#: its units before it exists; its earliest due day (2024-08-31) lies after
#: the issue day, so no dated task loses a year. Datong's override of a
#: national rule keeps the national period (see docs/writing-a-plugin.md).
PERIOD = Period(PLAN.issued_on or PLAN_PERIOD.start, PLAN_PERIOD.end)

#: Unit names as the plan writes them.
ALL_DEPARTMENTS = "全区行政执法部门"
JUSTICE_BUREAU = "区司法局"

# Who reports a task. "区…" units are the district's own (county level in
# the facts); a township 司法所 or township government is not "区司法局" or a
# "全区行政执法部门" department for these duties.
DEPARTMENTS = Scope(Subject.UNIT, unit_kinds=(UnitKind.ENFORCEMENT,), levels=(Level.COUNTY,))
BUREAU = Scope(Subject.UNIT, unit_kinds=(UnitKind.JUSTICE,), levels=(Level.COUNTY,))
DEPARTMENTS_AND_BUREAU = Scope(
    Subject.UNIT, unit_kinds=(UnitKind.JUSTICE, UnitKind.ENFORCEMENT), levels=(Level.COUNTY,)
)
DISTRICT = Scope(Subject.REGION, levels=(Level.COUNTY,))

#: District bodies the plan names that are neither enforcement nor justice
#: units, as the text fragments their names contain (the plan abbreviates:
#: 区发改委 is 大通区发展和改革委员会). A task naming one binds it too.
DATA_BUREAU = ("数据资源局",)
FINANCE_BUREAU = ("财政局",)
DEVELOPMENT_REFORM = ("发改委", "发展和改革委员会")


def naming(scope: Scope, *names: str) -> Scope:
    """*scope* binding also the district bodies whose names contain *names* (``Scope.named``)."""
    return attrs.evolve(scope, named=(*scope.named, *names))

_units = attrs.validators.deep_iterable(
    attrs.validators.and_(attrs.validators.instance_of(str), attrs.validators.min_len(1)),
    attrs.validators.instance_of(tuple),
)


_ids = attrs.validators.deep_iterable(attrs.validators.instance_of(str), attrs.validators.instance_of(tuple))


def _phrase(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        Deadline(value)  # raises DeadlinePhraseError naming the phrase


@attrs.frozen
class Task:
    """One numbered task （n） of the plan, with its units and 完成时限 as written.

    ``deadline`` is the 完成时限 line (``None`` when the task has none);
    ``timing`` is the date phrase the task's own text states when it has no
    完成时限 line. ``rules`` are the ids of the rules encoding the task —
    Datong's own, an override, or inherited national rules where the task
    restates a national obligation with the same content.
    """

    number: int = attrs.field(validator=[attrs.validators.instance_of(int), attrs.validators.in_(range(1, 46))])
    lead: tuple[str, ...] = attrs.field(default=(), validator=_units)
    responsible: tuple[str, ...] = attrs.field(default=(), validator=_units)
    supporting: tuple[str, ...] = attrs.field(default=(), validator=_units)
    deadline: str | None = attrs.field(default=None, validator=_phrase)
    timing: str | None = attrs.field(default=None, validator=_phrase)
    rules: tuple[str, ...] = attrs.field(default=(), validator=_ids)

    def __attrs_post_init__(self) -> None:
        if (self.deadline is None) == (self.timing is None):
            raise ValueError(
                f"task （{self.number}） needs exactly one of 'deadline' (完成时限) or 'timing' "
                f"(got deadline={self.deadline!r}, timing={self.timing!r})"
            )
        if not self.responsible:
            raise ValueError(f"task （{self.number}） must name its 责任单位 ('responsible')")

    @property
    def clause(self) -> str:
        return f"（{self.number}）"

    @property
    def phrase(self) -> str:
        """The deadline phrase the task's rules use."""
        return self.deadline if self.deadline is not None else str(self.timing)

    @property
    def units(self) -> tuple[str, ...]:
        """``Rule.responsible`` of the task's rules: 牵头单位 first, then 责任单位."""
        return (*self.lead, *self.responsible)

    def declare(self, rule_id: str, title_zh: str, title_en: str, quote: str, spec: Any, scope: Scope, note: str = "") -> Rule:
        """A rule of this task, cited to its clause and carrying its units."""
        return Rule(
            id=rule_id,
            title_zh=title_zh,
            title_en=title_en,
            citation=cite(self.clause, quote),
            spec=spec,
            scope=scope,
            effective=PERIOD,
            responsible=self.units,
            supporting=self.supporting,
            note=note,
        )

    def rule(self, rule_id: str, task: str, title_zh: str, title_en: str, quote: str, scope: Scope, note: str = "") -> Rule:
        """The usual case: units report ``task`` done by the task's deadline phrase."""
        return self.declare(rule_id, title_zh, title_en, quote, TaskDeadline(task=task, deadline=self.phrase), scope, note)

    def override(self, rule_id: str, intent: Intent, quote: str, *, note: str) -> Override:
        """Datong's version of an inherited national task rule: its clause, units and deadline phrase."""
        return Override(
            rule_id, intent, cite(self.clause, quote),
            params={"deadline": self.phrase},
            responsible=self.units, supporting=self.supporting, note=note,
        )


def task_table(*rows: tuple[Task, Iterable[Rule | str]]) -> dict[str, Task]:
    """``{"（n）": Task}`` with each task's rule ids filled in, in task order.

    A row names the task and its rules: Datong's own :class:`Rule` objects or
    the ids of rules it inherits or overrides.
    """
    table: dict[str, Task] = {}
    for task, rules in rows:
        ids = tuple(r.id if isinstance(r, Rule) else r for r in rules)
        if not ids:
            raise ValueError(f"task {task.clause} maps to no rule")
        if task.clause in table:
            raise ValueError(f"task {task.clause} appears twice in the task table")
        table[task.clause] = attrs.evolve(task, rules=ids)
    return dict(sorted(table.items(), key=lambda kv: kv[1].number))
