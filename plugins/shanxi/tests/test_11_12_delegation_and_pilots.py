"""Task 11: the provincial evaluation of delegated items (the regions' duty stays). Task 12: 1–2 pilots per city and per county."""

from __future__ import annotations

import datetime as dt
import importlib.resources

import pytest

import enforcerules_shanxi
from enforcerules import Level, Status, UnitKind
from enforcerules.testing import assert_inherited
from enforcerules_shanxi.plan import CITY_PILOT, COUNTY_PILOT, PROVINCIAL_PILOT, PROVINCIAL_PILOTS

DELEGATION = "national.delegation.evaluation"
PROVINCIAL = "shanxi.delegation.provincial_evaluation"
CITY_RULE = "shanxi.pilots.city_pilot_counties"
COUNTY_RULE = "shanxi.pilots.county_pilot_townships"


def _report(unit: str, day: str) -> dict:
    return {"task_reports": [{"id": f"r-{unit}", "task": "delegation_evaluation", "unit": unit, "completed_on": day}]}


def test_11_provincial_justice_evaluation_by_end_of_2024(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, PROVINCIAL, _report("sx_justice", "2024-12-31"), "sx_justice", engine=engine) is Status.COMPLIANT
    assert status_of(shanxi, PROVINCIAL, _report("sx_justice", "2025-01-01"), "sx_justice", engine=engine) is Status.LATE
    assert status_of(shanxi, PROVINCIAL, {}, "sx_justice", as_of=dt.date(2024, 12, 31), engine=engine) is Status.PENDING
    assert status_of(shanxi, PROVINCIAL, {}, "sx_justice", engine=engine) is Status.VIOLATION


def test_11_the_provincial_evaluation_binds_the_provincial_justice_unit_only(shanxi, run, engine) -> None:
    assert {f.subject for f in run(shanxi, PROVINCIAL, {}, engine=engine)} == {"sx_justice"}


def test_11_city_governments_stay_bound_by_the_national_evaluation_in_shanxi(shanxi, run, engine) -> None:
    findings = {f.subject: f.status for f in run(shanxi, DELEGATION, _report("jz_gov", "2024-12-31"), engine=engine)}
    assert set(findings) == {"sx_gov", "jz_gov"}
    assert findings["jz_gov"] is Status.COMPLIANT and findings["sx_gov"] is Status.VIOLATION


def test_11_national_evaluation_is_inherited_and_the_provincial_one_added_with_its_key_and_date(shanxi, national) -> None:
    assert_inherited(shanxi, DELEGATION)
    added, parent = shanxi.get(PROVINCIAL), national.get(DELEGATION).rule
    assert added.declared_by == "shanxi" and added.overrides == ()
    assert added.rule.spec == parent.spec  # same task key and date
    assert added.rule.scope.unit_kinds == (UnitKind.JUSTICE,) and added.rule.scope.levels == (Level.PROVINCE,)
    assert added.rule.responsible == ("省委组织部", "省委编办", "省司法厅")
    assert added.rule.citation.clause == "11" and "2024年底前" in added.rule.citation.quote


def _regions(city_pilots: int, county_pilots: int) -> dict:
    """晋中市 with four counties and 灵石县 with four townships; the first N of each designated."""
    regions = [
        {"id": "sx", "name": "山西省", "level": "province"},
        {"id": "jinzhong", "name": "晋中市", "level": "city", "parent": "sx"},
    ]
    counties = (("lingshi", "灵石县"), ("zuoquan", "左权县"), ("yushe", "榆社县"), ("heshun", "和顺县"))
    for i, (cid, name) in enumerate(counties):
        marks = [CITY_PILOT] if i < city_pilots else []
        if name in PROVINCIAL_PILOTS:
            marks.append(PROVINCIAL_PILOT)
        regions.append({"id": cid, "name": name, "level": "county", "parent": "jinzhong", "designations": marks})
    for i in range(4):
        marks = [COUNTY_PILOT] if i < county_pilots else []
        regions.append({"id": f"t{i}", "name": f"乡镇{i}", "level": "township", "parent": "lingshi", "designations": marks})
    return {"regions": regions}


@pytest.mark.parametrize(("count", "expected"), [(0, Status.VIOLATION), (1, Status.COMPLIANT), (2, Status.COMPLIANT), (3, Status.VIOLATION)])
def test_12_each_city_picks_one_or_two_pilot_counties(shanxi, status_of, engine, count, expected) -> None:
    assert status_of(shanxi, CITY_RULE, _regions(count, 1), "jinzhong", engine=engine) is expected


@pytest.mark.parametrize(("count", "expected"), [(0, Status.VIOLATION), (1, Status.COMPLIANT), (2, Status.COMPLIANT), (3, Status.VIOLATION)])
def test_12_each_county_picks_one_or_two_pilot_townships(shanxi, status_of, engine, count, expected) -> None:
    assert status_of(shanxi, COUNTY_RULE, _regions(1, count), "lingshi", engine=engine) is expected


@pytest.mark.parametrize(("as_of", "expected"), [
    (dt.date(2025, 12, 31), Status.PENDING),  # the plan sets no date: never an immediate violation
    (dt.date(2026, 1, 1), Status.VIOLATION),  # the plan period is over
])
def test_12_an_undated_pilot_choice_is_pending_until_the_plan_period_ends(shanxi, status_of, engine, as_of, expected) -> None:
    assert status_of(shanxi, CITY_RULE, _regions(0, 1), "jinzhong", as_of=as_of, engine=engine) is expected
    # too many is a violation whenever it is
    assert status_of(shanxi, CITY_RULE, _regions(3, 1), "jinzhong", as_of=dt.date(2024, 6, 1), engine=engine) is Status.VIOLATION


def test_12_a_provincial_pilot_is_not_counted_as_a_city_pilot(shanxi, status_of, engine) -> None:
    # 灵石县 and 左权县 carry the provincial designation only: the city has chosen none.
    assert status_of(shanxi, CITY_RULE, _regions(0, 1), "jinzhong", engine=engine) is Status.VIOLATION


def test_12_a_county_with_no_townships_in_the_facts_cannot_be_judged(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, COUNTY_RULE, _regions(1, 1), "zuoquan", engine=engine) is Status.INSUFFICIENT_DATA


def test_12_the_three_provincial_pilots_are_those_the_plan_names() -> None:
    text = importlib.resources.files(enforcerules_shanxi).joinpath("source.txt").read_text(encoding="utf-8")
    assert PROVINCIAL_PILOTS == ("灵石县", "左权县", "文水县")
    assert "省级乡镇（街道）行政执法规范化试点选定为灵石县、左权县和文水县" in text


def test_12_pilot_rules_count_1_to_2_children_one_level_down(shanxi) -> None:
    city, county = shanxi.get(CITY_RULE).rule, shanxi.get(COUNTY_RULE).rule
    assert (city.scope.levels, city.spec.child_level, city.spec.designation) == ((Level.CITY,), Level.COUNTY, CITY_PILOT)
    assert (county.scope.levels, county.spec.child_level, county.spec.designation) == ((Level.COUNTY,), Level.TOWNSHIP, COUNTY_PILOT)
    assert (city.spec.min_count, city.spec.max_count) == (county.spec.min_count, county.spec.max_count) == (1, 2)


def test_12_explanations_name_the_pilots_not_the_designation_key(shanxi, run) -> None:
    (city,) = [f for f in run(shanxi, CITY_RULE, _regions(0, 1)) if f.subject == "jinzhong"]
    (county,) = [f for f in run(shanxi, COUNTY_RULE, _regions(1, 3)) if f.subject == "lingshi"]
    assert "市级试点县（市、区）" in city.explanation_zh and "city pilots" in city.explanation_en
    assert "县级试点乡镇（街道）" in county.explanation_zh and "county pilots" in county.explanation_en
    for finding in (city, county):
        assert "township_standardisation" not in finding.explanation_zh + finding.explanation_en


def test_12_each_pilot_rule_has_its_own_note(shanxi) -> None:
    city, county = shanxi.get(CITY_RULE).rule, shanxi.get(COUNTY_RULE).rule
    assert PROVINCIAL_PILOT in city.note and "灵石县" in city.note
    assert PROVINCIAL_PILOT not in county.note and "各县（市、区）" in county.note
