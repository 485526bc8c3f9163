"""DesignationCount on 山西省实施方案 任务12: "各市选定1-2个县（市、区）作为市级试点，各县（市、区）选定1-2个乡镇（街道）作为县级试点"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.citation import citer
from enforcerules.kinds import DesignationCount

from _support import ENGINES, registry_with

S = er.Status
AS_OF = dt.date(2025, 6, 1)
QUOTE = "各市选定1-2个县（市、区）作为市级试点，各县（市、区）选定1-2个乡镇（街道）作为县级试点"
cite = citer("shanxi-plan")
CITY_PILOT, COUNTY_PILOT, PROVINCE_PILOT = "city_township_enforcement_pilot", "county_township_enforcement_pilot", "province_township_enforcement_pilot"


def pilot_rule(level: er.Level = er.Level.CITY, child: er.Level = er.Level.COUNTY, designation: str = CITY_PILOT) -> er.Rule:
    return er.Rule(
        id=f"shanxi.township.{level.value}_pilots", title_zh="乡镇执法规范化试点", title_en="Township pilots",
        citation=cite("12", QUOTE),
        spec=DesignationCount(designation=designation, child_level=child, min_count=1, max_count=2, label_zh="市级试点"),
        scope=er.Scope(er.Subject.REGION, levels=(level,)),
    )


def region(rid: str, level: er.Level, parent: str | None, *designations: str) -> er.Region:
    return er.Region(id=rid, name=rid, level=level, parent=parent, designations=designations)


def jinzhong(*pilots: str, extra: tuple[er.Region, ...] = ()) -> er.Facts:
    """晋中市 with five counties; *pilots* carry the city-level designation."""
    counties = ("lingshi", "zuoquan", "yuci", "taigu", "qixian")
    regions = [region("shanxi", er.Level.PROVINCE, None), region("jinzhong", er.Level.CITY, "shanxi")]
    regions += [region(c, er.Level.COUNTY, "jinzhong", *([CITY_PILOT] if c in pilots else [])) for c in counties]
    return er.Facts(regions=(*regions, *extra))


def run(f: er.Facts, engine: str, rule: er.Rule | None = None, as_of: dt.date = AS_OF) -> list[er.Finding]:
    j = er.Jurisdiction(id="shanxi", name_zh="山西省", name_en="Shanxi", level=er.Level.PROVINCE, rules=(rule or pilot_rule(),))
    return list(er.evaluate(registry_with(j).rulebook("shanxi"), f, as_of, engine=engine).findings)


def only(findings: list[er.Finding]) -> er.Finding:
    assert len(findings) == 1, findings
    return findings[0]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("pilots", [("yuci",), ("yuci", "taigu")])
def test_12_each_city_with_one_or_two_pilot_counties_is_compliant(engine: str, pilots: tuple[str, ...]) -> None:
    f = only(run(jinzhong(*pilots), engine))
    assert f.status is S.COMPLIANT and f.subject == "jinzhong" and f.citation.quote == QUOTE
    assert dict(f.evidence)["designated"] == tuple(sorted(pilots))


@pytest.mark.parametrize("engine", ENGINES)
def test_12_a_city_with_no_pilot_county_has_too_few_pending_while_the_undated_duty_runs(engine: str) -> None:
    # The plan sets no date: too few is pending through the last day of the period, a violation after.
    f = only(run(jinzhong(), engine))
    assert f.status is S.PENDING and "fewer than 1" in f.explanation_en and "少于1个" in f.explanation_zh
    assert "未规定时限" in f.explanation_zh
    assert only(run(jinzhong(), engine, as_of=dt.date(2025, 12, 31))).status is S.PENDING
    late = only(run(jinzhong(), engine, as_of=dt.date(2026, 1, 1)))
    assert late.status is S.VIOLATION and "少于1个" in late.explanation_zh


@pytest.mark.parametrize("engine", ENGINES)
def test_12_a_city_with_three_pilot_counties_has_too_many(engine: str) -> None:
    f = only(run(jinzhong("yuci", "taigu", "qixian"), engine))
    assert f.status is S.VIOLATION and "more than 2" in f.explanation_en and "多于2个" in f.explanation_zh


@pytest.mark.parametrize("engine", ENGINES)
def test_12_provincial_pilots_do_not_count_as_city_pilots(engine: str) -> None:
    # 灵石县、左权县 are the province's pilots (省级试点), not the city's.
    f = jinzhong()
    f = er.Facts(regions=tuple(
        region(r.id, r.level, r.parent, PROVINCE_PILOT) if r.id in ("lingshi", "zuoquan") else r for r in f.regions
    ))
    assert only(run(f, engine)).status is S.PENDING


@pytest.mark.parametrize("engine", ENGINES)
def test_12_only_direct_children_at_the_child_level_count(engine: str) -> None:
    # A pilot-designated township under a county is not a county of the city.
    township = region("yuci_town", er.Level.TOWNSHIP, "yuci", CITY_PILOT)
    other_city = (region("taiyuan", er.Level.CITY, "shanxi"), region("xiaodian", er.Level.COUNTY, "taiyuan", CITY_PILOT))
    findings = run(jinzhong("taigu", extra=(township, *other_city)), engine)
    assert {x.subject: (x.status, dict(x.evidence)["designated"]) for x in findings} == {
        "jinzhong": (S.COMPLIANT, ("taigu",)), "taiyuan": (S.COMPLIANT, ("xiaodian",)),
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_12_a_city_without_counties_in_the_facts_cannot_be_judged(engine: str) -> None:
    f = er.Facts(regions=(region("shanxi", er.Level.PROVINCE, None), region("jinzhong", er.Level.CITY, "shanxi")))
    assert only(run(f, engine)).status is S.INSUFFICIENT_DATA


@pytest.mark.parametrize("engine", ENGINES)
def test_12_each_county_selects_one_or_two_pilot_townships(engine: str) -> None:
    rule = pilot_rule(er.Level.COUNTY, er.Level.TOWNSHIP, COUNTY_PILOT)
    towns = (region("t1", er.Level.TOWNSHIP, "yuci", COUNTY_PILOT), region("t2", er.Level.TOWNSHIP, "yuci"),
             region("t3", er.Level.TOWNSHIP, "taigu"))
    findings = {x.subject: x.status for x in run(jinzhong(extra=towns), engine, rule)}
    assert findings == {"yuci": S.COMPLIANT, "taigu": S.PENDING, "lingshi": S.INSUFFICIENT_DATA,
                        "zuoquan": S.INSUFFICIENT_DATA, "qixian": S.INSUFFICIENT_DATA}


@settings(max_examples=60, deadline=None)
@given(st.sets(st.sampled_from(("lingshi", "zuoquan", "yuci", "taigu", "qixian"))), st.sampled_from(ENGINES))
def test_12_verdict_is_the_count_within_one_to_two(pilots: set[str], engine: str) -> None:
    expected = S.COMPLIANT if 1 <= len(pilots) <= 2 else S.PENDING if not pilots else S.VIOLATION
    assert only(run(jinzhong(*pilots), engine)).status is expected


@pytest.mark.parametrize(("params", "match"), [
    ({"min_count": 3, "max_count": 2}, "'max_count'"),
    ({"min_count": -1}, "'min_count'"),
    ({"max_count": True}, "'max_count'"),
    ({"designation": ""}, "'designation'"),
    ({"child_level": "county"}, "'child_level'"),
])
def test_bad_parameters_are_rejected_naming_the_field(params: dict[str, Any], match: str) -> None:
    spec: dict[str, Any] = {"designation": CITY_PILOT, "child_level": er.Level.COUNTY, "min_count": 1, "max_count": 2, **params}
    with pytest.raises((ValueError, TypeError), match=match):
        DesignationCount(**spec)
