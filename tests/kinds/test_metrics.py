"""MetricTarget on 大通区实施方案 （28）: "2024年底行政诉讼败诉率和行政复议纠错率双下降，达到全省平均值"."""

from __future__ import annotations

import datetime as dt
import importlib.util
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.citation import citer
from enforcerules.evaluate import observations_for
from enforcerules.kinds import EvalContext, MetricTarget
from enforcerules.kinds.metrics import METRIC_SCALE, metric_to_int

from _support import ENGINES as _ALL_ENGINES, registry_with

ENGINES = tuple(e for e in _ALL_ENGINES if e == "python" or importlib.util.find_spec("enforcerules.engine_durable"))
D = dt.date
S = er.Status
QUOTE = "2024年底行政诉讼败诉率和行政复议纠错率双下降，达到全省平均值"
cite = citer("datong-plan")
LOSS, CORRECTION = "admin_litigation_loss_rate", "admin_reconsideration_correction_rate"
JUDGED = D(2025, 3, 1)

REGIONS = (
    er.Region(id="anhui", name="安徽省", level=er.Level.PROVINCE),
    er.Region(id="huainan", name="淮南市", level=er.Level.CITY, parent="anhui"),
    er.Region(id="datong", name="大通区", level=er.Level.COUNTY, parent="huainan"),
)


def metric_rule(metric: str = LOSS, **params: Any) -> er.Rule:
    spec: dict[str, Any] = {"metric": metric, "year": 2024, "deadline": "2024年底", "must_fall": True,
                            "at_most_level": er.Level.PROVINCE, "label_zh": "行政诉讼败诉率", "label_en": "litigation loss rate"}
    spec.update(params)
    return er.Rule(
        id=f"datong.metrics.{metric}", title_zh="败诉率双下降", title_en="Falling loss rate",
        citation=cite("（28）", QUOTE), spec=MetricTarget(**spec),
        scope=er.Scope(er.Subject.REGION, levels=(er.Level.COUNTY,)),
    )


def facts(values: dict[tuple[str, int], float], metric: str = LOSS, regions: tuple[er.Region, ...] = REGIONS) -> er.Facts:
    metrics = tuple(er.Metric(id=f"m{i}", name=metric, region=r, year=y, value=v) for i, ((r, y), v) in enumerate(values.items()))
    return er.Facts(regions=regions, metrics=metrics)


def run(f: er.Facts, as_of: dt.date, engine: str, *rules: er.Rule) -> list[er.Finding]:
    j = er.Jurisdiction(id="datong", name_zh="大通区", name_en="Datong", level=er.Level.COUNTY, rules=rules or (metric_rule(),))
    return list(er.evaluate(registry_with(j).rulebook("datong"), f, as_of, engine=engine).findings)


def only(findings: list[er.Finding]) -> er.Finding:
    assert len(findings) == 1, findings
    return findings[0]


GOOD = {("datong", 2023): 0.12, ("datong", 2024): 0.08, ("anhui", 2024): 0.10}


@pytest.mark.parametrize("engine", ENGINES)
def test_28_rate_fell_and_is_below_the_provincial_value_is_compliant(engine: str) -> None:
    f = only(run(facts(GOOD), JUDGED, engine))
    assert f.status is S.COMPLIANT and f.subject == "datong" and f.period == "2024"
    assert f.citation.quote == QUOTE and f.due == D(2024, 12, 31)


@pytest.mark.parametrize("engine", ENGINES)
def test_28_equal_to_the_provincial_value_reaches_it(engine: str) -> None:
    assert only(run(facts({**GOOD, ("anhui", 2024): 0.08}), JUDGED, engine)).status is S.COMPLIANT


@pytest.mark.parametrize("engine", ENGINES)
def test_28_unchanged_from_the_year_before_has_not_fallen(engine: str) -> None:
    f = only(run(facts({**GOOD, ("datong", 2023): 0.08}), JUDGED, engine))
    assert f.status is S.VIOLATION and "未较上年下降" in f.explanation_zh and "did not fall" in f.explanation_en
    assert "高于安徽省数值" not in f.explanation_zh


@pytest.mark.parametrize("engine", ENGINES)
def test_28_above_the_provincial_value_is_a_violation_though_it_fell(engine: str) -> None:
    f = only(run(facts({**GOOD, ("anhui", 2024): 0.05}), JUDGED, engine))
    assert f.status is S.VIOLATION and "高于安徽省数值" in f.explanation_zh and "did not fall" not in f.explanation_en


@pytest.mark.parametrize("engine", ENGINES)
def test_28_rising_and_above_the_province_names_both_failures(engine: str) -> None:
    f = only(run(facts({("datong", 2023): 0.05, ("datong", 2024): 0.09, ("anhui", 2024): 0.07}), JUDGED, engine))
    assert f.status is S.VIOLATION and "未较上年下降" in f.explanation_zh and "高于安徽省数值" in f.explanation_zh


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("missing", "named"), [
    (("datong", 2024), "datong for 2024"), (("datong", 2023), "datong for 2023"), (("anhui", 2024), "anhui for 2024"),
])
def test_28_missing_values_are_insufficient_data_naming_what_is_missing(engine: str, missing: tuple[str, int], named: str) -> None:
    values = {k: v for k, v in GOOD.items() if k != missing}
    f = only(run(facts(values), JUDGED, engine))
    assert f.status is S.INSUFFICIENT_DATA and named in f.explanation_en and dict(f.evidence)["missing"]


@pytest.mark.parametrize("engine", ENGINES)
def test_28_a_region_with_no_province_above_it_has_no_benchmark(engine: str) -> None:
    orphan = (er.Region(id="datong", name="大通区", level=er.Level.COUNTY),)
    f = only(run(facts(GOOD, regions=orphan), JUDGED, engine))
    assert f.status is S.INSUFFICIENT_DATA and "no region at level province above datong" in f.explanation_en


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("as_of", "status"), [(D(2024, 6, 30), S.PENDING), (D(2024, 12, 31), S.PENDING), (D(2025, 1, 1), S.COMPLIANT)])
def test_28_2024_target_is_pending_until_the_year_is_over(engine: str, as_of: dt.date, status: er.Status) -> None:
    assert only(run(facts(GOOD), as_of, engine)).status is status


@pytest.mark.parametrize("engine", ENGINES)
def test_a_deadline_after_the_year_keeps_the_target_pending_until_it(engine: str) -> None:
    rule = metric_rule(deadline="2025年6月底前")
    assert only(run(facts({**GOOD, ("datong", 2024): 0.5}), D(2025, 6, 30), engine, rule)).status is S.PENDING
    assert only(run(facts({**GOOD, ("datong", 2024): 0.5}), D(2025, 7, 1), engine, rule)).status is S.VIOLATION


@pytest.mark.parametrize("engine", ENGINES)
def test_fall_only_ignores_the_province_and_benchmark_only_ignores_last_year(engine: str) -> None:
    no_province = {k: v for k, v in GOOD.items() if k[0] != "anhui"}
    assert only(run(facts(no_province), JUDGED, engine, metric_rule(at_most_level=None))).status is S.COMPLIANT
    no_2023 = {k: v for k, v in GOOD.items() if k[1] != 2023}
    assert only(run(facts(no_2023), JUDGED, engine, metric_rule(must_fall=False))).status is S.COMPLIANT


@pytest.mark.parametrize("engine", ENGINES)
def test_28_both_rates_are_judged_by_their_own_rules(engine: str) -> None:
    f = er.Facts(regions=REGIONS, metrics=(
        *facts(GOOD).metrics,
        *(er.Metric(id=f"c{i}", name=CORRECTION, region=r, year=y, value=v)
          for i, ((r, y), v) in enumerate({("datong", 2023): 0.02, ("datong", 2024): 0.03, ("anhui", 2024): 0.04}.items())),
    ))
    findings = run(f, JUDGED, engine, metric_rule(), metric_rule(CORRECTION, label_zh="行政复议纠错率"))
    assert {x.rule_id: x.status for x in findings} == {f"datong.metrics.{LOSS}": S.COMPLIANT, f"datong.metrics.{CORRECTION}": S.VIOLATION}


# -- no floats reach the engine ------------------------------------------------------


def test_metric_values_reach_the_engine_as_integer_millionths() -> None:
    rule = metric_rule()
    ctx = EvalContext(facts=facts(GOOD), as_of=JUDGED)
    (obs,) = observations_for(registry_with(er.Jurisdiction(id="d", name_zh="d", name_en="d", level=er.Level.COUNTY, rules=(rule,))).rulebook("d").get(rule.id), ctx)
    assert all(type(v) is int for v in obs.values.values())
    assert obs.values["fall"] == 40_000 and obs.values["gap"] == 20_000  # 0.12−0.08, 0.10−0.08 in millionths


def test_metric_scale_is_millionths_and_huge_values_are_not_compared() -> None:
    assert METRIC_SCALE == 1_000_000 and metric_to_int(0.0523) == 52_300 and metric_to_int(5.23) == 5_230_000
    assert metric_to_int(4e9) == 4 * 10**15 and metric_to_int(4.1e9) is None


@pytest.mark.parametrize("engine", ENGINES)
def test_values_beyond_the_comparable_range_are_insufficient_data(engine: str) -> None:
    f = only(run(facts({**GOOD, ("datong", 2023): 5e9}), JUDGED, engine))
    assert f.status is S.INSUFFICIENT_DATA and "comparable range" in f.explanation_en


micro = st.integers(min_value=0, max_value=1_000_000)


@settings(max_examples=100, deadline=None)
@given(micro, micro, micro, st.sampled_from(ENGINES))
def test_28_verdict_is_strict_fall_and_at_most_the_province(prev: int, cur: int, province: int, engine: str) -> None:
    values = {("datong", 2023): prev / METRIC_SCALE, ("datong", 2024): cur / METRIC_SCALE, ("anhui", 2024): province / METRIC_SCALE}
    expected = S.COMPLIANT if cur < prev and cur <= province else S.VIOLATION
    assert only(run(facts(values), JUDGED, engine)).status is expected


# -- declaration ---------------------------------------------------------------------


@pytest.mark.parametrize(("params", "match"), [
    ({"must_fall": False, "at_most_level": None}, "must_fall"),
    ({"deadline": "长期坚持"}, "'deadline'"),
    ({"year": 24}, "'year'"),
    ({"metric": ""}, "'metric'"),
    ({"at_most_level": "province"}, "'at_most_level'"),
])
def test_bad_parameters_are_rejected_naming_the_field(params: dict[str, Any], match: str) -> None:
    spec: dict[str, Any] = {"metric": LOSS, "year": 2024, "deadline": "2024年底", **params}
    with pytest.raises((ValueError, TypeError), match=match):
        MetricTarget(**spec)
