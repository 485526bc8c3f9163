"""The declaration as a whole: metadata, quotes verbatim from the plan, provenance of
every override, inherited rules unchanged, and a README that lists every row (the
checks of :class:`enforcerules.testing.DeclarationChecks`)."""

from __future__ import annotations


import datetime as dt
import importlib.resources
from pathlib import Path

import enforcerules as er
import enforcerules_tianjin as plugin
from enforcerules import Level
from enforcerules.testing import DeclarationChecks
from enforcerules_tianjin import plan

SOURCE = importlib.resources.files(plugin).joinpath("source.txt").read_text(encoding="utf-8")


def test_jurisdiction_is_a_province_level_municipality_under_national_issued_4_november_2023() -> None:
    j = plugin.JURISDICTION
    assert (j.id, j.parent, j.level) == ("tianjin", "national", Level.PROVINCE)
    assert "直辖市" in j.note
    assert j.documents == (plan.PLAN,) and plan.PLAN.issued_on == dt.date(2023, 11, 4)
    assert plan.PLAN.issuer in SOURCE and "2023年11月4日" in SOURCE
    assert plan.PERIOD.start == plan.PLAN.issued_on
    yearly = {"tianjin.training.township_business_training"}
    book = er.load_rulebook("tianjin")
    for rule in plan.RULES:
        assert rule.effective == plan.PERIOD, rule.id
        start = dt.date(2024, 1, 1) if rule.id in yearly else plan.PLAN.issued_on
        assert book.get(rule.id).rule.effective == er.Period(start, plan.PERIOD.end), rule.id


def test_yearly_duties_the_plan_introduces_start_on_the_first_of_january_after_the_issue_day() -> None:
    rid = "tianjin.training.township_business_training"
    assert er.load_rulebook("tianjin").get(rid).rule.effective.start == dt.date(2024, 1, 1)
    issue_year = er.load_rulebook("tianjin", first_year=er.FirstYear.ISSUE_YEAR).get(rid).rule.effective
    assert issue_year.start == plan.PLAN.issued_on and 2023 in range(issue_year.start.year, issue_year.end.year + 1)


class TestDeclaration(DeclarationChecks):
    jurisdiction = plugin.JURISDICTION
    inherited = plan.INHERITED
    source = SOURCE
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
