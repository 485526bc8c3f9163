"""（28） 2024年底行政诉讼败诉率和行政复议纠错率双下降，达到全省平均值。

Two rules, one per rate: the district's 2024 value lower than its 2023 value
(must_fall) and at most Anhui's 2024 value (at_most_level=PROVINCE), judged
after 2024-12-31; missing figures are insufficient_data."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.testing.plugin_kit import fixture_settings
from enforcerules.kinds import MetricTarget

S = er.Status
D = dt.date
LOSS = ("datong.metrics.litigation_loss_rate", "admin_litigation_loss_rate")
CORRECTION = ("datong.metrics.reconsideration_correction_rate", "admin_reconsideration_correction_rate")
BOTH = pytest.mark.parametrize(("rule_id", "metric"), [LOSS, CORRECTION], ids=["loss_rate", "correction_rate"])
JUDGED = D(2025, 1, 1)


def figures(metric: str, prev: float | None, cur: float | None, province: float | None) -> list[tuple[str, str, int, float]]:
    rows = [(metric, "datong", 2023, prev), (metric, "datong", 2024, cur), (metric, "anhui", 2024, province)]
    return [r for r in rows if r[3] is not None]  # type: ignore[misc]


@BOTH
def test_28_declared_as_falling_and_at_most_the_provincial_average_by_end_of_2024(datong, rule_id, metric) -> None:
    rule = datong.get(rule_id).rule
    assert rule.spec == MetricTarget(
        metric=metric, year=2024, deadline="2024年底", must_fall=True, at_most_level=er.Level.PROVINCE,
        label_zh=rule.spec.label_zh, label_en=rule.spec.label_en, percent=True,
    )
    assert rule.spec.deadline.due() == D(2024, 12, 31)
    assert rule.scope == er.Scope(er.Subject.REGION, levels=(er.Level.COUNTY,))
    assert rule.responsible == ("区司法局", "全区行政执法部门")


@BOTH
@pytest.mark.parametrize(("prev", "cur", "province", "expected"), [
    (0.10, 0.08, 0.09, S.COMPLIANT),
    (0.10, 0.09, 0.09, S.COMPLIANT),  # equal to the provincial average: reached
    (0.10, 0.10, 0.12, S.VIOLATION),  # no fall
    (0.10, 0.095, 0.09, S.VIOLATION),  # fell, but above the province
    (0.08, 0.09, 0.12, S.VIOLATION),  # rose
])
def test_28_both_conditions_must_hold(run, status, make_doc, rule_id, metric, prev, cur, province, expected) -> None:
    assert status(run(rule_id, make_doc(metrics=figures(metric, prev, cur, province)), JUDGED), "datong") is expected


@BOTH
@pytest.mark.parametrize("missing", ["prev", "cur", "province"])
def test_28_a_missing_figure_is_insufficient_data(run, status, make_doc, rule_id, metric, missing) -> None:
    values = {"prev": 0.10, "cur": 0.08, "province": 0.09} | {missing: None}
    findings = run(rule_id, make_doc(metrics=figures(metric, **values)), JUDGED)
    assert status(findings, "datong") is S.INSUFFICIENT_DATA
    assert dict(findings[0].evidence)["missing"]


@BOTH
def test_28_pending_through_31_december_2024(run, status, make_doc, rule_id, metric) -> None:
    doc = make_doc(metrics=figures(metric, 0.08, 0.10, 0.09))  # failing figures, but not yet judged
    assert status(run(rule_id, doc, D(2024, 12, 31)), "datong") is S.PENDING
    assert status(run(rule_id, doc, JUDGED), "datong") is S.VIOLATION


def test_28_each_rate_is_judged_on_its_own_figures(run, status, make_doc) -> None:
    doc = make_doc(metrics=figures(LOSS[1], 0.10, 0.08, 0.09))  # only the litigation figures
    assert status(run(LOSS[0], doc, JUDGED), "datong") is S.COMPLIANT
    assert status(run(CORRECTION[0], doc, JUDGED), "datong") is S.INSUFFICIENT_DATA


def test_28_binds_the_district_not_the_city_or_province(run, make_doc) -> None:
    assert {f.subject for f in run(LOSS[0], make_doc(), JUDGED)} == {"datong"}


rates = st.integers(min_value=0, max_value=100_000)  # rate in millionths, as the engine compares them


@BOTH
@fixture_settings(40)
@given(prev=rates, cur=rates, province=rates)
def test_28_compliant_exactly_when_lower_than_2023_and_not_above_anhui(run, status, make_doc, rule_id, metric, prev, cur, province) -> None:
    doc = make_doc(metrics=figures(metric, prev / 1e6, cur / 1e6, province / 1e6))
    expected = S.COMPLIANT if cur < prev and cur <= province else S.VIOLATION
    assert status(run(rule_id, doc, JUDGED), "datong") is expected


@BOTH
def test_28_rates_are_shown_as_percentages_and_regions_by_name(run, make_doc, rule_id, metric) -> None:
    (finding,) = [f for f in run(rule_id, make_doc(metrics=figures(metric, 0.12, 0.08, 0.05)), JUDGED) if f.subject == "datong"]
    zh = finding.explanation_zh
    assert "12%" in zh and "8%" in zh and "5%" in zh and "0.08" not in zh
    assert "安徽省" in zh and "anhui" not in zh
