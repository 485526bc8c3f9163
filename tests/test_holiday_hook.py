"""A plugin can supply the holiday calendar used to count "N日内" periods."""

from __future__ import annotations

import datetime as dt

import enforcerules as er
from enforcerules.citation import citer
from enforcerules.kinds import RelativeDeadline

RULE = er.Rule(
    id="t.report.within_days", title_zh="报告", title_en="Report",
    citation=citer("t")("1", "完成后15日内报送"),
    spec=RelativeDeadline(trigger="done", response="reported", days=15),
    scope=er.Scope(er.Subject.UNIT),
)


class Jurisdictions:
    @er.hookimpl
    def enforcerules_jurisdictions(self) -> list[er.Jurisdiction]:
        return [er.Jurisdiction(id="t", name_zh="测", name_en="T", level=er.Level.COUNTY, rules=(RULE,))]


class LocalHolidays:
    """2024-06-17 (a Monday) declared a local rest day."""

    @er.hookimpl
    def enforcerules_holiday_calendar(self) -> er.HolidayCalendar:
        official = er.HolidayCalendar.official()
        return er.HolidayCalendar(
            holidays=official.holidays | {dt.date(2024, 6, 17)}, workdays=official.workdays,
            first_year=official.first_year, last_year=official.last_year,
        )


FACTS = er.load_facts({
    "units": [{"id": "u", "name": "局", "kind": "justice", "level": "county"}],
    # done 2024-06-01 → 15th day 2024-06-16 (Sunday) → next working day 2024-06-17
    "events": [{"id": "e1", "kind": "done", "subject": "u", "on": "2024-06-01"},
               {"id": "e2", "kind": "reported", "subject": "u", "on": "2024-06-18"}],
})


def status(*plugins: object) -> er.Status:
    reg = er.Registry(discover=False)
    for i, p in enumerate(plugins):
        reg.register(p, name=f"p{i}")
    (finding,) = reg.evaluate("t", FACTS, dt.date(2024, 12, 31), engine="python").findings
    return finding.status


def test_official_calendar_by_default() -> None:
    assert status(Jurisdictions()) is er.Status.LATE  # due 2024-06-17, reported 06-18


def test_plugin_calendar_extends_the_period() -> None:
    assert status(Jurisdictions(), LocalHolidays()) is er.Status.COMPLIANT  # due 2024-06-18
