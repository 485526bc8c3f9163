"""Task 11: the provincial evaluation of delegated items. Task 12: 1–2 pilots per city and per county."""

from __future__ import annotations

import importlib.resources

import pytest

import enforcerules_shanxi
from enforcerules import Intent, Level, Status, UnitKind
from enforcerules_shanxi.plan import CITY_PILOT, COUNTY_PILOT, PROVINCIAL_PILOT, PROVINCIAL_PILOTS

DELEGATION = "national.delegation.evaluation"
CITY_RULE = "shanxi.pilots.city_pilot_counties"
COUNTY_RULE = "shanxi.pilots.county_pilot_townships"


def _report(unit: str, day: str) -> dict:
    return {"task_reports": [{"id": "r1", "task": "delegation_evaluation", "unit": unit, "completed_on": day}]}


def test_11_provincial_justice_evaluation_by_end_of_2024(shanxi, status_of, engine) -> None:
    assert status_of(shanxi, DELEGATION, _report("sx_justice", "2024-12-31"), "sx_justice", engine=engine) is Status.COMPLIANT
    assert status_of(shanxi, DELEGATION, _report("sx_justice", "2025-01-01"), "sx_justice", engine=engine) is Status.LATE
    assert status_of(shanxi, DELEGATION, {}, "sx_justice", engine=engine) is Status.VIOLATION


def test_11_city_governments_are_bound_nationally_but_the_province_evaluates_in_shanxi(shanxi, national, run, engine) -> None:
    assert {f.subject for f in run(shanxi, DELEGATION, {}, engine=engine)} == {"sx_justice"}
    assert {"sx_gov", "jz_gov"} <= {f.subject for f in run(national, DELEGATION, {}, engine=engine)}


def test_11_delegation_override_is_a_declared_relaxation_of_who_is_bound(shanxi) -> None:
    rule = shanxi.get(DELEGATION)
    (record,) = rule.overrides
    assert rule.declared_by == "national" and record.jurisdiction == "shanxi" and record.intent is Intent.RELAX
    assert rule.rule.scope.unit_kinds == (UnitKind.JUSTICE,) and rule.rule.scope.levels == (Level.PROVINCE,)
    assert rule.rule.spec == record.previous.spec
    assert rule.rule.responsible == ("省委组织部", "省委编办", "省司法厅")


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
