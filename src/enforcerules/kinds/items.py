"""Enforcement items (行政执法事项): the catalogue and the clean-up.

国办发〔2023〕27号 二（三）1 asks each enforcement department to draw up its
catalogue of enforcement items by the end of 2024 ("于2024年底前研究制定本部门
行政执法事项目录"), and asks for a clean-up of the items that have a legal basis
but have not occurred in the last five years, occur very rarely with no need
to keep them, or duplicate others ("对虽有法定依据但近五年未发生的、极少发生且没有
实施必要的、交叉重复的等行政执法事项进行清理，提出拟取消、调整或者暂停实施的意见").
Shanxi 9 and Tianjin 四（七）2 add that items with no legal basis at all are
cancelled ("凡没有法律、法规、规章依据的执法事项一律取消").

Facts: :class:`~enforcerules.EnforcementItem` rows, one per item of a unit.
Of the clean-up's three grounds only "近五年未发生" can be read from facts;
"极少发生且没有实施必要" and "交叉重复" are judgements the facts do not hold.

The library's readings (documented in docs/deadlines-and-periods.md):

- "近五年" is the five years ending on the day judged — the evaluation day,
  or the rule's last day if that came first (a final evaluation in 2026 looks
  at the five years to 2025-12-31): an item is dormant when its last
  occurrence is on or before the same day five years earlier, or when it has
  never occurred and its legal basis was already in force then.
- A clean-up opinion of any of 拟取消、调整、暂停实施, or an item reviewed and
  kept (``retain``), discharges the clean-up for a dormant item; the rule's
  ``opinions`` narrow this (e.g. without ``retain``).
- The clean-up has no date in the plans: without a ``deadline`` an item not
  yet cleaned up is ``pending``, never a violation.
- An item without legal basis not cancelled is a ``violation`` at once:
  "一律取消" leaves no time to run.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import polars as pl
from dateutil.relativedelta import relativedelta

from .._fields import as_tuple, tuple_of
from ..chinatime import to_ordinal
from ..conditions import all_of, eq, lte
from ..deadlines import UNDATED_PHRASE, Deadline, DeadlineKind, DeadlinePolicy
from ..facts import ItemBasis, ItemOpinion
from ..findings import Status
from ..rules import Rule, Scope, Subject
from .base import Branch, EvalContext, Explanation, Observation, RuleKind, finish_observations, iso_day, ordinal_expr, unit_scope_expr

if TYPE_CHECKING:
    from ..factset import Facts

__all__ = ["ItemCatalogue", "ItemCleanup", "ItemCriterion", "scoped_items_table"]

BASIS_ZH = {
    ItemBasis.LAW: "法律", ItemBasis.ADMINISTRATIVE_REGULATION: "行政法规", ItemBasis.DEPARTMENT_RULE: "部门规章",
    ItemBasis.LOCAL_REGULATION: "地方性法规", ItemBasis.LOCAL_GOVERNMENT_RULE: "地方政府规章", ItemBasis.NONE: "无法律、法规、规章依据",
}
OPINION_ZH = {ItemOpinion.CANCEL: "拟取消", ItemOpinion.ADJUST: "拟调整", ItemOpinion.SUSPEND: "拟暂停实施", ItemOpinion.RETAIN: "经清理保留"}


def scoped_items_table(scope: Scope, facts: Facts) -> pl.DataFrame:
    """The items table restricted to the items whose unit *scope* binds (facts order)."""
    units = facts.table("units").select(
        unit=pl.col("id"), unit_kind=pl.col("kind"), unit_level=pl.col("level"), unit_field=pl.col("field"), unit_name=pl.col("name")
    )
    items = facts.table("items").join(units, on="unit", how="left", maintain_order="left")
    if scope.unit_kinds or scope.levels or scope.fields:  # (never a constant predicate after a join: polars 2.1)
        items = items.filter(unit_scope_expr(scope))
    return items.drop("unit_kind", "unit_level", "unit_field", "unit_name")


def _as_deadline(value: str | Deadline) -> Deadline:
    return Deadline(value) if isinstance(value, str) else value


def _dated(_inst: object, attribute: attrs.Attribute[Any], value: Deadline) -> None:
    if value.kind is not DeadlineKind.FIXED:
        raise ValueError(f"'{attribute.name}' must be a dated deadline such as '2024年底前' (got {value.phrase!r})")


def _deadline_branches(due: _dt.date | None) -> list[Branch]:
    """Done by *due* (inclusive), not yet due, done after it, not done after it."""
    assert due is not None, "a dated deadline has a due day"
    return [
        Branch(Status.COMPLIANT, all_of(eq("done", 1), lte("on", to_ordinal(due)))),
        Branch(Status.PENDING, all_of(eq("done", 0), lte("asof", to_ordinal(due)))),
        Branch(Status.LATE, eq("done", 1)),
        Branch(Status.VIOLATION),
    ]


def _item_frame(items: pl.DataFrame, rule: Rule, label: str) -> pl.DataFrame:
    """One observation per item, over the rule's whole period."""
    return items.with_columns(
        subject=pl.col("id"), label=pl.lit(label), period_start=pl.lit(rule.effective.start), period_end=pl.lit(rule.effective.end),
        due=pl.lit(None, dtype=pl.Date),
    )


@attrs.frozen
class ItemCatalogue(RuleKind):
    """Every item of a unit in scope is in the unit's 行政执法事项目录 by ``deadline``.

    The item-level reading of "制定本部门行政执法事项目录" (the library's: a
    catalogue is made when it lists the items the unit carries out): an item
    ``catalogued_on`` the deadline or before is ``compliant``, later ``late``;
    one not catalogued is ``pending`` until the deadline and a ``violation``
    after it. Items with no legal basis are left to the clean-up rules
    (``not_applicable``): they are to be cancelled, not catalogued.
    """

    kind_name = "item_catalogue"
    subject = Subject.ITEM

    deadline: Deadline = attrs.field(converter=_as_deadline, validator=[attrs.validators.instance_of(Deadline), _dated])

    def due_date(self, policy: DeadlinePolicy) -> _dt.date | None:
        return self.deadline.due(policy)

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        listed = pl.col("catalogued_on").is_not_null() & (pl.col("catalogued_on") <= ctx.as_of)
        frame = _item_frame(scoped_items_table(rule.scope, ctx.facts), rule, self.deadline.phrase)
        frame = frame.with_columns(due=pl.lit(self.deadline.due(ctx.policy)))
        values = {
            "basis": (pl.col("basis") != ItemBasis.NONE.value).fill_null(True).cast(pl.Int64),
            "done": listed.cast(pl.Int64),
            "on": pl.when(listed).then(ordinal_expr(pl.col("catalogued_on"))).otherwise(0),
            "asof": pl.lit(to_ordinal(ctx.as_of), dtype=pl.Int64),
        }
        evidence = {"item": pl.col("name"), "unit": pl.col("unit"), "catalogued_on": pl.when(listed).then(iso_day(pl.col("catalogued_on")))}
        return finish_observations(frame, values, evidence)

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        return [Branch(Status.NOT_APPLICABLE, eq("basis", 0)), *_deadline_branches(self.deadline.due(policy))]

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        name, on = obs.evidence["item"], obs.evidence.get("catalogued_on")
        due = f"{obs.due.isoformat()}（含当日，{self.deadline.phrase}）" if obs.due else self.deadline.phrase
        if status is Status.NOT_APPLICABLE:
            return Explanation(f"执法事项“{name}”没有法律、法规、规章依据，应予取消，不列入目录", f"item '{name}' has no legal basis: it is to be cancelled, not catalogued")
        if status is Status.COMPLIANT:
            return Explanation(f"执法事项“{name}”已于{on}列入本部门行政执法事项目录，未超过时限{due}", f"item '{name}' entered the unit's catalogue on {on}, by the deadline {obs.due}")
        if status is Status.LATE:
            return Explanation(f"执法事项“{name}”于{on}列入本部门行政执法事项目录，晚于时限{due}", f"item '{name}' entered the unit's catalogue on {on}, after the deadline {obs.due}")
        if status is Status.PENDING:
            return Explanation(f"执法事项“{name}”尚未列入本部门行政执法事项目录，时限{due}未到", f"item '{name}' is not yet in the unit's catalogue; the deadline {obs.due} has not passed",
                               f"于{due}前将该事项列入目录", f"enter it in the catalogue by {obs.due}")
        return Explanation(f"时限{due}已过，执法事项“{name}”未列入本部门行政执法事项目录", f"the deadline {obs.due} has passed and item '{name}' is not in the unit's catalogue",
                           "将该事项列入目录并公布，或依法取消", "enter it in the catalogue and publish it, or cancel it lawfully")


class ItemCriterion(enum.Enum):
    """Which items a clean-up rule picks out."""

    DORMANT = "dormant"  # 虽有法定依据但近五年未发生
    NO_LEGAL_BASIS = "no_legal_basis"  # 没有法律、法规、规章依据


def _years(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 50:
        raise ValueError(f"'{attribute.name}' must be a number of years in [1, 50] (got {value!r})")


def _default_opinions(criterion: ItemCriterion) -> tuple[ItemOpinion, ...]:
    return (ItemOpinion.CANCEL,) if criterion is ItemCriterion.NO_LEGAL_BASIS else tuple(ItemOpinion)


def _as_optional_deadline(value: str | Deadline | None) -> Deadline | None:
    return None if value is None or value == UNDATED_PHRASE else _as_deadline(value)


@attrs.frozen
class ItemCleanup(RuleKind):
    """Items meeting ``criterion`` get a clean-up opinion among ``opinions``.

    ``DORMANT``: an item with a legal basis (of ``basis_levels``, if given —
    Shanxi 9 limits the clean-up to items set by 地方性法规 and 地方政府规章)
    and no occurrence in the ``years`` before the day judged. ``NO_LEGAL_BASIS``:
    an item whose basis is ``none``; only cancellation discharges it, at once.
    Other items are ``not_applicable``; an item whose history (or, where the
    rule filters on it, basis) is not recorded is ``insufficient_data``.
    """

    kind_name = "item_cleanup"
    subject = Subject.ITEM

    criterion: ItemCriterion = attrs.field(default=ItemCriterion.DORMANT, converter=ItemCriterion, validator=attrs.validators.instance_of(ItemCriterion))
    years: int = attrs.field(default=5, validator=_years)
    basis_levels: tuple[ItemBasis, ...] = attrs.field(default=(), converter=as_tuple, validator=tuple_of(ItemBasis))
    opinions: tuple[ItemOpinion, ...] = attrs.field(
        default=attrs.Factory(lambda self: _default_opinions(self.criterion), takes_self=True),
        converter=as_tuple, validator=tuple_of(ItemOpinion),
    )
    #: ``None``: the plans give the clean-up no date, so it is never late (see the module doc).
    deadline: Deadline | None = attrs.field(default=None, converter=_as_optional_deadline,
                                            validator=attrs.validators.optional([attrs.validators.instance_of(Deadline), _dated]))

    def __attrs_post_init__(self) -> None:
        if not self.opinions:
            raise ValueError("an ItemCleanup needs at least one opinion that discharges it (got none)")
        if self.criterion is ItemCriterion.NO_LEGAL_BASIS and (self.basis_levels or self.deadline is not None):
            raise ValueError("a NO_LEGAL_BASIS clean-up takes no 'basis_levels' or 'deadline': such items are cancelled at once")

    def due_date(self, policy: DeadlinePolicy) -> _dt.date | None:
        return self.deadline.due(policy) if self.deadline is not None else None

    def judged_on(self, rule: Rule, as_of: _dt.date) -> _dt.date:
        """The day the five years end: the evaluation day, or the rule's last day if earlier."""
        return min(as_of, rule.effective.end)

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        day = self.judged_on(rule, ctx.as_of)
        cutoff = day - relativedelta(years=self.years)  # 29 Feb less five years is 28 Feb
        basis, last, never, since = pl.col("basis"), pl.col("last_occurred_on"), pl.col("never_occurred"), pl.col("in_force_since")
        if self.criterion is ItemCriterion.NO_LEGAL_BASIS:
            candidate = pl.when(basis.is_null()).then(-1).when(basis == ItemBasis.NONE.value).then(1).otherwise(0)
        else:
            dormant = (
                pl.when(last.is_not_null()).then(pl.when(last <= cutoff).then(1).otherwise(0))
                .when(never & since.is_not_null()).then(pl.when(since <= cutoff).then(1).otherwise(0))
                .otherwise(-1)  # no history recorded, or never occurred but its age unknown
            )
            basis_ok: pl.Expr = (basis != ItemBasis.NONE.value).fill_null(True)
            if self.basis_levels:
                levels = [b.value for b in self.basis_levels]
                basis_ok = pl.when(basis.is_null()).then(None).otherwise(basis.is_in(levels))
            candidate = (
                pl.when(basis_ok.is_not_null() & basis_ok.not_()).then(0)
                .when(basis_ok.is_null()).then(-1)
                .otherwise(dormant)
            )
        done = pl.col("opinion").is_in([o.value for o in self.opinions]).fill_null(False) & (pl.col("opinion_on") <= ctx.as_of).fill_null(False)
        frame = _item_frame(scoped_items_table(rule.scope, ctx.facts), rule, day.isoformat())
        if self.deadline is not None:
            frame = frame.with_columns(due=pl.lit(self.deadline.due(ctx.policy)))
        values = {
            "cand": candidate.cast(pl.Int64),
            "done": done.cast(pl.Int64),
            "on": pl.when(done).then(ordinal_expr(pl.col("opinion_on"))).otherwise(0),
            "asof": pl.lit(to_ordinal(ctx.as_of), dtype=pl.Int64),
        }
        evidence = {
            "item": pl.col("name"), "unit": pl.col("unit"), "basis": basis,
            "last_occurred_on": iso_day(last), "never_occurred": never, "in_force_since": iso_day(since),
            "opinion": pl.col("opinion"), "opinion_on": iso_day(pl.col("opinion_on")),
            "judged_on": pl.lit(day.isoformat()), "window_from": pl.lit((cutoff + _dt.timedelta(days=1)).isoformat()),
        }
        return finish_observations(frame, values, evidence)

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        head = [Branch(Status.INSUFFICIENT_DATA, eq("cand", -1)), Branch(Status.NOT_APPLICABLE, eq("cand", 0))]
        if self.criterion is ItemCriterion.NO_LEGAL_BASIS:
            return [*head, Branch(Status.COMPLIANT, eq("done", 1)), Branch(Status.VIOLATION)]
        if self.deadline is None:
            return [*head, Branch(Status.COMPLIANT, eq("done", 1)), Branch(Status.PENDING)]
        return [*head, *_deadline_branches(self.deadline.due(policy))]

    def _opinions_zh(self) -> str:
        return "、".join(OPINION_ZH[o] for o in self.opinions)

    def _history_zh(self, ev: Mapping[str, Any]) -> str:
        if ev.get("last_occurred_on"):
            return f"最近一次发生于{ev['last_occurred_on']}"
        if ev.get("never_occurred"):
            since = ev.get("in_force_since")
            return f"自{since}设定以来从未发生" if since else "从未发生，但未记录设定依据的施行日期"
        return "未记录发生情况（最近一次发生日期，或从未发生）"

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        ev = obs.evidence
        name, window = ev["item"], f"{ev['window_from']}至{ev['judged_on']}"
        opinion = ev.get("opinion")
        opinion_zh = OPINION_ZH[ItemOpinion(opinion)] if opinion else ""
        if self.criterion is ItemCriterion.NO_LEGAL_BASIS:
            if status is Status.INSUFFICIENT_DATA:
                return Explanation(f"执法事项“{name}”未记录设定依据的类别，无法判断是否有法律、法规、规章依据", f"item '{name}' records no kind of legal basis",
                                   "补充该事项的设定依据", "record the item's legal basis")
            if status is Status.NOT_APPLICABLE:
                return Explanation(f"执法事项“{name}”有{BASIS_ZH[ItemBasis(ev['basis'])]}依据，不属于应一律取消的事项", f"item '{name}' has a legal basis")
            if status is Status.COMPLIANT:
                return Explanation(f"执法事项“{name}”没有法律、法规、规章依据，已于{ev['opinion_on']}提出取消意见", f"item '{name}' has no legal basis and was proposed for cancellation on {ev['opinion_on']}")
            return Explanation(f"执法事项“{name}”没有法律、法规、规章依据，未予取消", f"item '{name}' has no legal basis and has not been cancelled",
                               "依法取消该事项", "cancel the item")
        history = self._history_zh(ev)
        if status is Status.INSUFFICIENT_DATA:
            if self.basis_levels and not ev.get("basis"):
                return Explanation(f"执法事项“{name}”未记录设定依据的类别，无法判断是否属于本规则清理的事项", f"item '{name}' records no kind of legal basis",
                                   "补充该事项的设定依据", "record the item's legal basis")
            return Explanation(f"执法事项“{name}”{history}，无法判断近五年（{window}）是否发生", f"item '{name}': its occurrence history is not recorded",
                               "补充该事项最近一次发生的日期，或记录其从未发生及设定依据的施行日期", "record its last occurrence, or that it never occurred and since when it is in force")
        if status is Status.NOT_APPLICABLE:
            if ev.get("basis") and self.basis_levels and ItemBasis(ev["basis"]) not in self.basis_levels:
                levels = "、".join(BASIS_ZH[b] for b in self.basis_levels)
                return Explanation(f"执法事项“{name}”的设定依据为{BASIS_ZH[ItemBasis(ev['basis'])]}，不属于本规则清理的{levels}设定的事项", f"item '{name}' is not set by the kinds of basis this rule cleans up")
            if ev.get("basis") == ItemBasis.NONE.value:
                return Explanation(f"执法事项“{name}”没有法定依据，不属于“虽有法定依据但近五年未发生”的事项（应一律取消）", f"item '{name}' has no legal basis: another rule covers it")
            return Explanation(f"执法事项“{name}”{history}，近五年（{window}）内发生过或设定未满五年，不属于清理对象", f"item '{name}' occurred within the five years {window} or is younger, so it is not a clean-up candidate")
        dormant = f"执法事项“{name}”{history}，近五年（{window}）未发生"
        if status is Status.COMPLIANT:
            return Explanation(f"{dormant}，已于{ev['opinion_on']}提出清理意见：{opinion_zh}", f"item '{name}' lay dormant over {window}; clean-up opinion '{opinion}' given on {ev['opinion_on']}")
        due = f"{obs.due.isoformat()}（含当日）" if obs.due else ""
        if status is Status.LATE:
            return Explanation(f"{dormant}，于{ev['opinion_on']}提出清理意见（{opinion_zh}），晚于时限{due}", f"item '{name}' lay dormant; the clean-up opinion came on {ev['opinion_on']}, after {obs.due}")
        remedy = (f"对该事项进行清理，提出{self._opinions_zh()}的意见", "clean up the item: propose to " + ", ".join(o.value for o in self.opinions))
        if status is Status.PENDING:
            when = f"，时限{due}未到" if obs.due else "（计划未规定清理时限，本库不判定逾期）"
            when_en = f"; the deadline {obs.due} has not passed" if obs.due else " (the plan sets the clean-up no date: never judged late)"
            return Explanation(f"{dormant}，尚未提出清理意见{when}", f"item '{name}' lay dormant over {window}; no clean-up opinion yet{when_en}", *remedy)
        return Explanation(f"{dormant}，时限{due}已过，未提出清理意见", f"item '{name}' lay dormant; the deadline {obs.due} passed with no clean-up opinion", *remedy)
