"""Task deadlines (完成时限) as the plans state them, on a small province.

A unit shows a task done with its own report, or with a report of the body
responsible for the task that lists the unit — or the unit's region — in
``covers``. Each report counts once for a unit however it reaches it; a
report dated after the evaluation day does not count yet. An annual task
("每年年底前") is judged year by year.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import enforcerules as er
from enforcerules.kinds import TaskDeadline
from _support import ENGINES, cite, registry_with

UNITS = [
    {"id": "city-bureau", "name": "市司法局", "kind": "justice", "level": "city", "region": "city"},
    {"id": "county-a", "name": "甲县市场监管局", "kind": "enforcement", "level": "county", "region": "county-a"},
    {"id": "county-b", "name": "乙县市场监管局", "kind": "enforcement", "level": "county", "region": "county-b"},
    {"id": "county-c", "name": "丙县市场监管局", "kind": "enforcement", "level": "county", "region": "county-c"},
]
REGIONS = [
    {"id": "city", "name": "示例市", "level": "city"},
    {"id": "county-a", "name": "甲县", "level": "county", "parent": "city"},
    {"id": "county-b", "name": "乙县", "level": "county", "parent": "city"},
    {"id": "county-c", "name": "丙县", "level": "county", "parent": "city"},
]


def _findings(phrase: str, reports: list[dict[str, Any]], as_of: dt.date, engine: str) -> dict[tuple[str, str], tuple[str, dict[str, Any]]]:
    """(unit, period) → (status, evidence) of the one task rule."""
    rule = er.Rule(
        id="root.task.review", title_zh="评查", title_en="Review", citation=cite("9", "完成案卷评查"),
        spec=TaskDeadline(task="review", deadline=phrase),
        scope=er.Scope(er.Subject.UNIT, unit_kinds=(er.UnitKind.ENFORCEMENT,)),
    )
    root = er.Jurisdiction(id="root", name_zh="示例", name_en="Example", level=er.Level.NATIONAL, rules=(rule,))
    facts = er.load_facts({"regions": REGIONS, "units": UNITS, "task_reports": reports})
    assert facts.rejections == ()
    table = er.evaluate(registry_with(root).rulebook("root"), facts, as_of, engine=engine).table
    return {(r["subject"], r["period"]): (r["status"], json.loads(r["evidence"])) for r in table.iter_rows(named=True)}


def _report(rid: str, unit: str, day: str, covers: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"id": rid, "task": "review", "unit": unit, "completed_on": day, "covers": list(covers)}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_dated_task_is_done_by_the_units_own_report_or_one_covering_it_or_its_region(engine: str) -> None:
    reports = [
        _report("a-own", "county-a", "2024-03-01"),
        _report("city-for-b", "city-bureau", "2024-11-30", covers=("county-b",)),
        _report("city-for-region-b", "city-bureau", "2024-05-01", covers=("county-b",)),  # same unit reached twice: two reports
        _report("city-for-region-c", "city-bureau", "2025-02-01", covers=("county-c", "county-c")),
        _report("other-task", "county-c", "2024-01-01") | {"task": "something_else"},
    ]
    found = _findings("2024年底前", reports, dt.date(2025, 6, 30), engine)
    assert found[("county-a", "2024年底前")] == ("compliant", {"completed_on": "2024-03-01", "deadline": "2024年底前", "reports": 1, "task": "review"})
    assert found[("county-b", "2024年底前")] == ("compliant", {"completed_on": "2024-05-01", "deadline": "2024年底前", "reports": 2, "task": "review"})
    # named twice in one report's covers: one report
    assert found[("county-c", "2024年底前")] == ("late", {"completed_on": "2025-02-01", "deadline": "2024年底前", "reports": 1, "task": "review"})
    assert ("city-bureau", "2024年底前") not in found  # a justice bureau is outside the scope


@pytest.mark.parametrize("engine", ENGINES)
def test_a_region_named_in_covers_discharges_the_task_for_its_units(engine: str) -> None:
    reports = [_report("city-for-a", "city-bureau", "2024-06-01", covers=("county-a",)),
               _report("city-for-region-b", "city-bureau", "2024-06-02", covers=("county-b",))]
    regions_only = [_report("by-region", "city-bureau", "2024-06-03", covers=("county-c",))]
    found = _findings("2024年底前", reports + regions_only, dt.date(2025, 6, 30), engine)
    assert {unit: found[(unit, "2024年底前")][0] for unit in ("county-a", "county-b", "county-c")} == dict.fromkeys(
        ("county-a", "county-b", "county-c"), "compliant")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_report_dated_after_the_evaluation_day_does_not_count_yet(engine: str) -> None:
    found = _findings("2024年底前", [_report("late-entry", "county-a", "2024-12-20")], dt.date(2024, 12, 10), engine)
    assert found[("county-a", "2024年底前")] == ("pending", {"completed_on": None, "deadline": "2024年底前", "reports": 0, "task": "review"})


@pytest.mark.parametrize("engine", ENGINES)
def test_an_annual_task_is_judged_year_by_year(engine: str) -> None:
    reports = [
        _report("a-2023", "county-a", "2023-12-31"),        # on the last day: on time
        _report("a-2024", "county-a", "2024-06-01"),
        _report("a-2024-again", "county-a", "2024-09-01"),
        _report("b-2024-for-b", "city-bureau", "2024-02-02", covers=("county-b",)),
        _report("b-2022", "county-b", "2022-05-05"),          # a year before the plan: reported as out of period
    ]
    found = _findings("每年年底前", reports, dt.date(2025, 6, 30), engine)
    assert {period: status for (unit, period), (status, _) in found.items() if unit == "county-a"} == {
        "2023": "compliant", "2024": "compliant", "2025": "pending"}
    assert found[("county-a", "2024")][1]["reports"] == 2 and found[("county-a", "2024")][1]["completed_on"] == "2024-06-01"
    assert {period: status for (unit, period), (status, _) in found.items() if unit == "county-b"} == {
        "2022": "out_of_period", "2023": "violation", "2024": "compliant", "2025": "pending"}
    assert {period for (unit, period) in found if unit == "county-c"} == {"2023", "2024", "2025"}
