"""Enforcement items (行政执法事项): 国办发〔2023〕27号 二（三）1 — the catalogue
"于2024年底前研究制定本部门行政执法事项目录" and the clean-up "对虽有法定依据但近五年
未发生的……行政执法事项进行清理，提出拟取消、调整或者暂停实施的意见"; Shanxi 9 and Tianjin
四（七）2 "凡没有法律、法规、规章依据的执法事项一律取消"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

import enforcerules as er
from enforcerules import ItemBasis, ItemOpinion, Status
from enforcerules.kinds import ItemCatalogue, ItemCleanup, ItemCriterion
from enforcerules.testing.comparisons import Direction, compare_rules

UNITS = [
    {"id": "market", "name": "某县市场监督管理局", "kind": "enforcement", "level": "county"},
    {"id": "gov", "name": "某县人民政府", "kind": "government", "level": "county"},
]
CLEANUP = "national.catalogue.item_cleanup"
CATALOGUED = "national.catalogue.items_catalogued"
ENGINES = ("python", "columnar", "durable")


def _status(jurisdiction: str, rule_id: str, item: dict[str, Any], as_of: dt.date, engine: str = "columnar") -> Status:
    doc = {"units": UNITS, "items": [{"id": "i1", "unit": "market", "name": "对甲的处罚", **item}]}
    facts = er.facts_from_json(doc)
    assert not facts.rejections, facts.rejections
    (finding,) = [f for f in er.evaluate(er.load_rulebook(jurisdiction), facts, as_of, engine=engine).findings
                  if f.rule_id == rule_id and f.subject == "i1"]
    return finding.status


@pytest.mark.parametrize("engine", ENGINES)
def test_2_3_1_catalogue_by_the_end_of_2024_on_both_sides(engine: str) -> None:
    late = dt.date(2026, 3, 1)
    assert _status("national", CATALOGUED, {"catalogued_on": "2024-12-31"}, late, engine) is Status.COMPLIANT
    assert _status("national", CATALOGUED, {"catalogued_on": "2025-01-01"}, late, engine) is Status.LATE
    assert _status("national", CATALOGUED, {}, dt.date(2024, 12, 31), engine) is Status.PENDING
    assert _status("national", CATALOGUED, {}, dt.date(2025, 1, 1), engine) is Status.VIOLATION
    # catalogued after the day judged: not yet catalogued then
    assert _status("national", CATALOGUED, {"catalogued_on": "2025-06-01"}, dt.date(2025, 1, 1), engine) is Status.VIOLATION


def test_2_3_1_an_item_without_legal_basis_is_not_catalogued_but_cancelled() -> None:
    assert _status("national", CATALOGUED, {"basis": "none"}, dt.date(2026, 3, 1)) is Status.NOT_APPLICABLE


@pytest.mark.parametrize("engine", ENGINES)
def test_2_3_1_five_years_dormant_on_both_sides_of_the_boundary(engine: str) -> None:
    # judged on 2025-12-31 (the plan's last day) for a 2026 evaluation: the five years are 2021-01-01..2025-12-31
    as_of = dt.date(2026, 6, 30)
    assert _status("national", CLEANUP, {"last_occurred_on": "2020-12-31"}, as_of, engine) is Status.PENDING
    assert _status("national", CLEANUP, {"last_occurred_on": "2021-01-01"}, as_of, engine) is Status.NOT_APPLICABLE
    # during the plan the five years end on the evaluation day
    assert _status("national", CLEANUP, {"last_occurred_on": "2019-06-30"}, dt.date(2024, 6, 30), engine) is Status.PENDING
    assert _status("national", CLEANUP, {"last_occurred_on": "2019-07-01"}, dt.date(2024, 6, 30), engine) is Status.NOT_APPLICABLE


def test_2_3_1_never_exercised_counts_only_when_the_basis_was_in_force_five_years() -> None:
    as_of = dt.date(2026, 6, 30)
    never = {"never_occurred": True}
    assert _status("national", CLEANUP, {**never, "in_force_since": "2020-12-31"}, as_of) is Status.PENDING
    assert _status("national", CLEANUP, {**never, "in_force_since": "2021-01-01"}, as_of) is Status.NOT_APPLICABLE
    assert _status("national", CLEANUP, never, as_of) is Status.INSUFFICIENT_DATA
    assert _status("national", CLEANUP, {}, as_of) is Status.INSUFFICIENT_DATA


@pytest.mark.parametrize("opinion", list(ItemOpinion))
def test_2_3_1_any_clean_up_opinion_discharges_a_dormant_item_and_is_never_late(opinion: ItemOpinion) -> None:
    item = {"last_occurred_on": "2015-01-01", "opinion": opinion.value, "opinion_on": "2026-05-01"}
    assert _status("national", CLEANUP, item, dt.date(2026, 6, 30)) is Status.COMPLIANT
    # an opinion given after the evaluation day does not count yet
    assert _status("national", CLEANUP, item, dt.date(2026, 4, 30)) is Status.PENDING


def test_2_3_1_the_undated_clean_up_is_pending_never_a_violation() -> None:
    finding_as_of = [dt.date(2024, 1, 1), dt.date(2025, 12, 31), dt.date(2030, 1, 1)]
    assert {_status("national", CLEANUP, {"last_occurred_on": "2010-01-01"}, d) for d in finding_as_of} == {Status.PENDING}


def test_2_3_1_the_clean_up_words_its_readings() -> None:
    doc = {"units": UNITS, "items": [{"id": "i1", "unit": "market", "name": "对甲的处罚", "last_occurred_on": "2019-03-01"}]}
    report = er.evaluate(er.load_rulebook("national"), er.facts_from_json(doc), dt.date(2026, 6, 30))
    (f,) = [f for f in report.findings if f.rule_id == CLEANUP]
    assert "对甲的处罚" in f.explanation_zh and "2021-01-01至2025-12-31" in f.explanation_zh
    assert "本库不判定逾期" in f.explanation_zh and "拟取消" in f.remedy_zh


@pytest.mark.parametrize("jurisdiction", ["shanxi", "tianjin"])
@pytest.mark.parametrize("engine", ENGINES)
def test_no_legal_basis_is_cancelled_at_once(jurisdiction: str, engine: str) -> None:
    rule = f"{jurisdiction}.catalogue.no_legal_basis"
    on = dt.date(2025, 3, 1)
    assert _status(jurisdiction, rule, {"basis": "none"}, on, engine) is Status.VIOLATION
    assert _status(jurisdiction, rule, {"basis": "none", "opinion": "cancel", "opinion_on": "2025-03-01"}, on, engine) is Status.COMPLIANT
    assert _status(jurisdiction, rule, {"basis": "none", "opinion": "adjust", "opinion_on": "2025-03-01"}, on, engine) is Status.VIOLATION
    assert _status(jurisdiction, rule, {"basis": "law"}, on, engine) is Status.NOT_APPLICABLE
    assert _status(jurisdiction, rule, {}, on, engine) is Status.INSUFFICIENT_DATA


def test_tianjin_4_7_2_starts_on_the_plan_issue_day() -> None:
    rule = er.load_rulebook("tianjin").get("tianjin.catalogue.no_legal_basis").rule
    assert rule.effective.start == dt.date(2023, 11, 4)


def test_shanxi_9_keeps_the_national_clean_up_for_every_item() -> None:
    # Shanxi 9 speaks of items set by local regulations and rules; the national rule still binds the rest.
    book = er.load_rulebook("shanxi")
    assert book.get(CLEANUP).declared_by == "national" and book.get(CLEANUP).rule.spec == ItemCleanup()
    assert _status("shanxi", CLEANUP, {"basis": "law", "last_occurred_on": "2015-01-01"}, dt.date(2026, 6, 30)) is Status.PENDING


@settings(max_examples=60, deadline=None)
@given(day=st.dates(dt.date(2023, 8, 9), dt.date(2025, 12, 31)), shift=st.integers(-2, 2), years=st.integers(1, 8))
def test_dormancy_boundary_is_the_same_day_years_before_including_29_february(day: dt.date, shift: int, years: int) -> None:
    book = _rulebook(_rule(ItemCleanup(years=years)))
    last = day - relativedelta(years=years) + dt.timedelta(days=shift)
    doc = {"units": UNITS, "items": [{"id": "i1", "unit": "market", "name": "x", "last_occurred_on": last.isoformat()}]}
    facts = er.facts_from_json(doc)
    statuses = {e: [f.status for f in er.evaluate(book, facts, day, engine=e).findings] for e in ENGINES}
    expected = Status.PENDING if shift <= 0 else Status.NOT_APPLICABLE
    assert statuses == {e: [expected] for e in ENGINES}  # every executor agrees


def _rule(spec: Any) -> er.Rule:
    return attrs.evolve(er.load_rulebook("national").get(CLEANUP).rule, spec=spec)


def _rulebook(rule: er.Rule) -> er.Rulebook:
    jur = er.Jurisdiction(id="items_test", name_zh="测试", name_en="test", level=er.Level.NATIONAL, rules=(rule,))
    reg = er.Registry(discover=False)

    class Plugin:
        @er.hookimpl
        def enforcerules_jurisdictions(self) -> list[er.Jurisdiction]:
            return [jur]

    reg.register(Plugin(), name="items_test")
    return reg.rulebook("items_test")


def test_item_kinds_validate_their_parameters() -> None:
    with pytest.raises(ValueError, match="'deadline' must be a dated deadline"):
        ItemCatalogue(deadline="长期坚持")
    with pytest.raises(ValueError, match="'years' must be a number of years"):
        ItemCleanup(years=0)
    with pytest.raises(ValueError, match="at least one opinion"):
        ItemCleanup(opinions=())
    with pytest.raises(ValueError, match="NO_LEGAL_BASIS"):
        ItemCleanup(criterion=ItemCriterion.NO_LEGAL_BASIS, deadline="2025年底前")
    assert ItemCleanup(criterion="no_legal_basis").opinions == (ItemOpinion.CANCEL,)


@pytest.mark.parametrize(
    ("parent", "child", "direction"),
    [
        (ItemCleanup(), ItemCleanup(years=6), Direction.WEAKER),
        (ItemCleanup(), ItemCleanup(years=4), Direction.STRONGER),
        (ItemCleanup(), ItemCleanup(basis_levels=(ItemBasis.LOCAL_REGULATION,)), Direction.WEAKER),
        (ItemCleanup(opinions=(ItemOpinion.CANCEL,)), ItemCleanup(), Direction.WEAKER),
        (ItemCleanup(), ItemCleanup(deadline="2025年底前"), Direction.STRONGER),
        (ItemCleanup(deadline="2024年底前"), ItemCleanup(deadline="2025年底前"), Direction.WEAKER),
        (ItemCatalogue(deadline="2024年底前"), ItemCatalogue(deadline="2025年6月底前"), Direction.WEAKER),
    ],
)
def test_never_weaker_comparison_of_item_rules(parent: Any, child: Any, direction: Direction) -> None:
    changes = compare_rules(_rule(parent), _rule(child)).changes
    assert changes and {c.direction for c in changes} == {direction}
