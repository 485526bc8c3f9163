"""How many regions directly below carry a designation (e.g. 1–2 pilot counties per city).

Example: 山西省实施方案 任务12: "各市选定1-2个县（市、区）作为市级试点，各县
（市、区）选定1-2个乡镇（街道）作为县级试点" — two rules: cities (scope
``levels=(Level.CITY,)``) with ``child_level=Level.COUNTY``, and counties
with ``child_level=Level.TOWNSHIP``, each with its own designation string
(a city-level pilot is not a provincial one: 灵石县、左权县、文水县 are the
province's pilots and count only if they also carry the city's designation).

Only *direct* children (:attr:`Region.parent` is the region) at
``child_level`` are counted. A region with no such children in the facts
cannot be judged (``insufficient_data``): an empty list of counties is a gap
in the data, not zero pilots. The plan sets no date for the selection, and
an undated duty never gives an immediate violation: too few is ``pending``
until the rule's effective period has ended, then a ``violation``; too many
is a ``violation`` at once (the range is exceeded whenever it is).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from ..conditions import all_of, eq, gte, lt, lte
from ..deadlines import DeadlinePolicy
from ..facts import Level
from ..findings import Status
from ..rules import Rule, Subject
from .base import Branch, EvalContext, Explanation, Observation, RuleKind, flag, scoped_regions

__all__ = ["LEVEL_ZH", "DesignationCount"]

#: Levels of regions as a finding names them.
LEVEL_ZH = {
    Level.NATIONAL: "全国", Level.PROVINCE: "省级地区", Level.CITY: "市级地区",
    Level.COUNTY: "县（市、区）", Level.TOWNSHIP: "乡镇（街道）",
}


def _count(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10000:
        raise ValueError(f"'{attribute.name}' must be a count in [0, 10000] (got {value!r})")


def _designation(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise ValueError(f"'{attribute.name}' must be a non-empty designation (got {value!r})")


@attrs.frozen
class DesignationCount(RuleKind):
    """Each region in scope has between ``min_count`` and ``max_count`` direct
    children at ``child_level`` carrying ``designation``."""

    kind_name = "designation_count"
    subject = Subject.REGION

    designation: str = attrs.field(validator=_designation)
    child_level: Level = attrs.field(validator=attrs.validators.instance_of(Level))
    min_count: int = attrs.field(validator=_count)
    max_count: int = attrs.field(validator=_count)
    label_zh: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    label_en: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        if self.max_count < self.min_count:
            raise ValueError(f"'max_count' must not be below 'min_count' (got {self.min_count}–{self.max_count})")

    def observe_rows(self, rule: Rule, ctx: EvalContext) -> Iterator[Observation]:
        children = ctx.facts.children_of_region
        for region in scoped_regions(rule.scope, ctx.facts):
            kids = sorted((c for c in children.get(region.id, ()) if c.level is self.child_level), key=lambda c: c.id)
            chosen = [c for c in kids if self.designation in c.designations]
            values: dict[str, int | str] = {"kids": len(kids), "cnt": len(chosen), "closed": flag(ctx.as_of > rule.effective.end)}
            evidence = {
                "designation": self.designation, "children": len(kids),
                "designated": tuple(c.id for c in chosen), "designated_names": tuple(c.name or c.id for c in chosen),
            }
            yield Observation(region.id, rule.effective, self.designation, values, evidence)

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        return [
            Branch(Status.INSUFFICIENT_DATA, eq("kids", 0)),
            Branch(Status.COMPLIANT, all_of(gte("cnt", self.min_count), lte("cnt", self.max_count))),
            Branch(Status.PENDING, all_of(lt("cnt", self.min_count), eq("closed", 0))),
            Branch(Status.VIOLATION),
        ]

    def _range(self) -> str:
        return str(self.min_count) if self.min_count == self.max_count else f"{self.min_count}-{self.max_count}"

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        n, kids = int(obs.values["cnt"]), int(obs.values["kids"])
        what_zh, what_en = self.label_zh or self.designation, self.label_en or self.designation
        level = LEVEL_ZH[self.child_level]
        need_zh, need_en = f"应选定{self._range()}个{level}作为{what_zh}", f"must have {self._range()} {self.child_level.value}-level {what_en}"
        if status is Status.INSUFFICIENT_DATA:
            return Explanation(
                f"{need_zh}，但事实中没有该地区下属的{level}，无法评判",
                f"{need_en}, but the facts list no {self.child_level.value}-level regions under it",
                "提供下级地区名录及其试点认定", "supply the regions below it and their designations",
            )
        names = "、".join(obs.evidence.get("designated_names") or obs.evidence["designated"]) or "无"
        if status is Status.COMPLIANT:
            return Explanation(f"{need_zh}；{kids}个{level}中已选定{n}个（{names}）", f"{need_en}; {n} of {kids} designated ({names})")
        if n < self.min_count and status is Status.PENDING:
            return Explanation(
                f"{need_zh}；目前选定{n}个，少于{self.min_count}个（方案未规定时限，尚未到期）",
                f"{need_en}; {n} designated so far, fewer than {self.min_count} (the plan sets no date: not yet due)",
                f"再选定{self.min_count - n}个", f"designate {self.min_count - n} more",
            )
        if n < self.min_count:
            return Explanation(
                f"{need_zh}；仅选定{n}个，少于{self.min_count}个", f"{need_en}; only {n} designated, fewer than {self.min_count}",
                f"再选定{self.min_count - n}个", f"designate {self.min_count - n} more",
            )
        return Explanation(
            f"{need_zh}；选定{n}个（{names}），多于{self.max_count}个", f"{need_en}; {n} designated ({names}), more than {self.max_count}",
            f"调整至不超过{self.max_count}个", f"reduce to at most {self.max_count}",
        )
