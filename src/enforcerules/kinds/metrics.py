"""Targets on named metrics of a region, where lower is better.

Example: 大通区实施方案 （28）: "推动行政诉讼败诉率和行政复议纠错率双下降。…
2024年底行政诉讼败诉率和行政复议纠错率双下降，达到全省平均值。" — one rule
per metric, each checking the region's value for 2024 against

- its own value for 2023 (``must_fall``: strictly lower; "下降"), and
- the same metric of the region above it at ``at_most_level`` (the province
  for "全省平均值"): at most that value ("达到" a benchmark for a rate one wants
  low means not exceeding it; equal counts as reached).

Values come from :class:`~enforcerules.Metric` facts keyed by (name, region,
year). Metric values are floats; they reach the engine as integers in
millionths of the metric's own unit (:data:`METRIC_SCALE`), so a rate given
as 0.0523 or as 5.23 (%) keeps six decimal places and differences smaller
than 0.000001 of the unit compare as equal. No float reaches the engine, and
the comparisons travel as differences (``fall`` = previous − current,
``gap`` = benchmark − current) tested against the constant 0 in the
compiled conditions.

Until the later of the deadline and the end of the metric's year the target
is ``pending`` (a yearly rate is not final before the year ends). After it,
a missing value — the region's, the previous year's, the benchmark's — is
``insufficient_data``, naming what is missing.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from ..chinatime import to_ordinal
from ..citation import Period
from ..conditions import all_of, any_of, eq, gt, gte, lte
from ..deadlines import Deadline, DeadlinePolicy
from ..factset import Facts
from ..facts import Level, Region
from ..findings import Status
from ..rules import Rule, Subject
from .base import Branch, EvalContext, Explanation, Observation, RuleKind, flag, scoped_regions

__all__ = ["METRIC_SCALE", "MetricTarget", "metric_to_int"]

_LEVEL_ZH = {Level.NATIONAL: "全国", Level.PROVINCE: "省", Level.CITY: "市", Level.COUNTY: "县", Level.TOWNSHIP: "乡镇"}

#: Metric values travel to the engine as integer millionths of their unit.
METRIC_SCALE = 1_000_000
# |value| at most this, so scaled values and their differences stay below 2^53.
_MAX_ABS = 4e9


def metric_to_int(value: float) -> int | None:
    """*value* in millionths, rounded; ``None`` if too large to compare exactly."""
    if abs(value) > _MAX_ABS:
        return None
    return int(round(value * METRIC_SCALE))


def _name(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise ValueError(f"'{attribute.name}' must be a non-empty metric name (got {value!r})")


def _year(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1950 <= value <= 2200:
        raise ValueError(f"'{attribute.name}' must be a calendar year (got {value!r})")


def _deadline(value: Any) -> Any:
    return Deadline(value) if isinstance(value, str) else value


@attrs.frozen
class MetricTarget(RuleKind):
    """A region's ``metric`` for ``year``: lower than the year before (``must_fall``)
    and/or at most the same metric of its ancestor region at ``at_most_level``
    (e.g. "达到全省平均水平"), judged once ``deadline`` and the year are over.
    """

    kind_name = "metric_target"
    subject = Subject.REGION

    metric: str = attrs.field(validator=_name)
    year: int = attrs.field(validator=_year)
    deadline: Deadline = attrs.field(converter=_deadline, validator=attrs.validators.instance_of(Deadline))
    must_fall: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    at_most_level: Level | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Level))
    )
    label_zh: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    label_en: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    #: The metric is a rate (0.1 = 10%): findings show it as a percentage.
    percent: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if not self.must_fall and self.at_most_level is None:
            raise ValueError("a MetricTarget needs 'must_fall' or 'at_most_level' (got neither)")
        if self.deadline.due(DeadlinePolicy()) is None:
            raise ValueError(f"'deadline' must be a dated phrase (got {self.deadline.phrase!r})")

    def due_date(self, policy: DeadlinePolicy) -> _dt.date | None:
        return self.deadline.due(policy)

    def _judged_after(self, policy: DeadlinePolicy) -> _dt.date:
        due = self.deadline.due(policy)
        assert due is not None  # checked at declaration
        return max(due, _dt.date(self.year, 12, 31))

    def observe_rows(self, rule: Rule, ctx: EvalContext) -> Iterator[Observation]:
        for region in scoped_regions(rule.scope, ctx.facts):
            yield self._observation(region, ctx)

    def _benchmark(self, region: Region, facts: Facts) -> Region | None:
        # Start above the region: it is never its own benchmark.
        if self.at_most_level is None or region.parent is None:
            return None
        return facts.region_ancestor(region.parent, self.at_most_level)

    def _observation(self, region: Region, ctx: EvalContext) -> Observation:
        facts = ctx.facts
        needed: list[tuple[str, str, str, int]] = [("cur", "v", region.id, self.year)]
        if self.must_fall:
            needed.append(("prev", "pv", region.id, self.year - 1))
        bench = self._benchmark(region, facts)
        missing: list[str] = []
        missing_zh: list[str] = []
        names = facts.region_by_id
        raw: dict[str, float] = {}
        scaled: dict[str, int] = {}
        in_range = True
        if self.at_most_level is not None:
            if bench is None:
                missing.append(f"no region at level {self.at_most_level.value} above {region.id}")
                missing_zh.append(f"事实中没有{region.name}所在的{_LEVEL_ZH[self.at_most_level]}级地区")
            else:
                needed.append(("anc", "av", bench.id, self.year))
        values: dict[str, int | str] = {"asof": to_ordinal(ctx.as_of)}
        if self.at_most_level is not None:
            values["anc"] = 0
        for present, key, rid, year in needed:
            m = facts.metric_by_key.get((self.metric, rid, year))
            if m is None:
                missing.append(f"{self.metric} of {rid} for {year}")
                where = names[rid].name if rid in names else rid
                missing_zh.append(f"{where}{year}年的{self.label_zh or '指标'}")
            else:
                raw[key] = m.value
                as_int = metric_to_int(m.value)
                in_range = in_range and as_int is not None
                scaled[key] = as_int or 0
            values[present] = flag(m is not None)
        values["rng"] = flag(in_range)
        values["fall"] = scaled.get("pv", 0) - scaled.get("v", 0)
        values["gap"] = scaled.get("av", 0) - scaled.get("v", 0)
        evidence: dict[str, Any] = {
            "metric": self.metric,
            "year": self.year,
            "value": raw.get("v"),
            "previous": raw.get("pv"),
            "benchmark": raw.get("av"),
            "benchmark_region": bench.id if bench else None,
            "benchmark_region_name": bench.name if bench else None,
            "missing": tuple(missing),
            "missing_zh": tuple(missing_zh),
            "deadline": self.deadline.phrase,
        }
        due = self.deadline.due(ctx.policy)
        return Observation(region.id, Period.year(self.year), str(self.year), values, evidence, due=due)

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        data = [eq("cur", 0), eq("rng", 0)]
        met = []
        if self.must_fall:
            data.append(eq("prev", 0))
            met.append(gt("fall", 0))
        if self.at_most_level is not None:
            data.append(eq("anc", 0))
            met.append(gte("gap", 0))
        return [
            Branch(Status.PENDING, lte("asof", to_ordinal(self._judged_after(policy)))),
            Branch(Status.INSUFFICIENT_DATA, any_of(*data)),
            Branch(Status.COMPLIANT, all_of(*met)),
            Branch(Status.VIOLATION),
        ]

    def _show(self, value: float | None) -> str:
        """A value as findings print it: a rate as a percentage (0.1 → 10%)."""
        if value is None:
            return "无数据"
        return f"{round(value * 100, 6):g}%" if self.percent else f"{value:g}"

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        ev = obs.evidence
        name_zh, name_en = self.label_zh or "该指标", self.label_en or self.metric
        year, bench = self.year, self._show(ev["benchmark"])
        cur, prev = self._show(ev["value"]), self._show(ev["previous"])
        bench_name = ev.get("benchmark_region_name") or "未知"
        aims_zh = "、".join(
            ([f"低于{year - 1}年"] if self.must_fall else [])
            + ([f"不高于所在{_LEVEL_ZH[self.at_most_level]}（{bench_name}）同期数值" if self.at_most_level is not Level.NATIONAL else "不高于全国同期数值"] if self.at_most_level else [])
        )
        aims_en = " and ".join(
            ([f"lower than in {year - 1}"] if self.must_fall else [])
            + ([f"at most the {self.at_most_level.value}-level value ({ev['benchmark_region'] or 'unknown'})"] if self.at_most_level else [])
        )
        head_zh = f"{year}年{name_zh}应{aims_zh}（{self.deadline.phrase}）"
        head_en = f"{name_en} for {year} must be {aims_en} ({self.deadline.phrase})"
        if status is Status.PENDING:
            return Explanation(f"{head_zh}；年度或时限尚未结束，暂不评判（当前值{cur}）", f"{head_en}; the year or deadline is not over yet (current value {cur})")
        if status is Status.INSUFFICIENT_DATA:
            gaps = "；".join(ev.get("missing_zh") or ()) or "数值超出可比较范围"
            gaps_en = "; ".join(ev["missing"]) or "a value beyond the comparable range"
            return Explanation(f"{head_zh}；缺少数据：{gaps}", f"{head_en}; missing: {gaps_en}", "补充上述指标数据", "supply the missing metric values")
        facts_zh = f"{year}年为{cur}" + (f"，{year - 1}年为{prev}" if self.must_fall else "") + (f"，{bench_name}为{bench}" if self.at_most_level else "")
        facts_en = f"{cur} in {year}" + (f", {prev} in {year - 1}" if self.must_fall else "") + (f", benchmark {bench}" if self.at_most_level else "")
        if status is Status.COMPLIANT:
            return Explanation(f"{head_zh}；{facts_zh}，已达到", f"{head_en}; {facts_en}: met")
        fails_zh, fails_en = [], []
        if self.must_fall and int(obs.values["fall"]) <= 0:
            fails_zh.append("未较上年下降")
            fails_en.append("did not fall from the year before")
        if self.at_most_level is not None and int(obs.values["gap"]) < 0:
            fails_zh.append(f"高于{bench_name}数值")
            fails_en.append("is above the benchmark")
        return Explanation(
            f"{head_zh}；{facts_zh}，{'且'.join(fails_zh)}", f"{head_en}; {facts_en}: {' and '.join(fails_en)}",
            f"分析{name_zh}偏高的原因并整改", f"analyse and correct the causes of the high {name_en}",
        )
