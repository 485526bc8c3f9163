"""The bundled national example: it loads cleanly, shows every status, and
its malformed twin shows where each bad record is while the rest is judged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import enforcerules as er
from enforcerules.testing import ExampleCoverage, parametrize_engine, status_of

S = er.Status
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LATE_2026 = dt.date(2026, 11, 23)
EARLY_2024 = dt.date(2024, 3, 1)


@pytest.fixture(scope="module")
def national() -> er.Rulebook:
    return er.load_rulebook("national")


@pytest.fixture(scope="module")
def facts() -> er.Facts:
    return er.load_facts(EXAMPLES / "national.json")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    parametrize_engine(metafunc)


@pytest.fixture(scope="module")
def seen(engine: str) -> ExampleCoverage:
    """The example as of 2026-11-23 and 2024-03-01, on the current engine."""
    return ExampleCoverage.measure("national", EXAMPLES / "national.json", (LATE_2026, EARLY_2024), engine)


def status(report: er.Report, rule_id: str, subject: str, period: str | None = None) -> er.Status:
    return status_of(report.findings, subject, period, rule_id=rule_id)


def test_example_loads_with_zero_rejections(facts) -> None:
    assert facts.rejections == ()
    assert len(facts.officers) >= 8 and facts.cases and facts.metrics


def test_example_shows_every_status(national, seen) -> None:
    seen.assert_shows(set(S) - {S.PENDING}, LATE_2026)  # the plans have run out: nothing is pending
    seen.assert_shows({S.PENDING}, EARLY_2024)


def test_the_readme_example_run_shows_all_eight_statuses_at_once(national, facts, engine) -> None:
    """scripts/example.sh checks the example as of 2025-12-01, before the plans ran out."""
    assert "--as-of 2025-12-01" in (EXAMPLES.parent / "scripts" / "example.sh").read_text()
    report = er.evaluate(national, facts, dt.date(2025, 12, 1), engine=engine)
    assert {f.status for f in report.findings} == set(S)


def test_every_finding_carries_citation_quote_and_explanations(national, seen) -> None:
    documents = {d.id for d in national.documents}
    for report in seen.reports.values():
        for f in report.findings:
            assert f.citation.document in documents and f.citation.clause and f.citation.quote, f
            assert f.citation.quote == national.get(f.rule_id).rule.citation.quote
            assert f.explanation_zh.strip() and f.explanation_en.strip(), f


def test_example_stories_read_as_the_plan_says(national, seen) -> None:
    report = seen.reports[LATE_2026]
    hours = "national.training.annual_hours"
    assert status(report, hours, "o_lina", "2025") is S.VIOLATION  # 59.99 hours
    assert status(report, hours, "o_lina", "2024") is S.VIOLATION  # 45 hours; 20 political-theory hours do not count
    assert status(report, hours, "o_zhangwei", "2025") is S.COMPLIANT  # 30 h at 2025-12-31T23:30+08:00 count for 2025
    assert status(report, hours, "o_chenjing", "2024") is S.VIOLATION  # 20 h at 2024-12-31T16:30Z are 2025 in China
    assert status(report, hours, "o_chenjing", "2025") is S.COMPLIANT
    assert status(report, hours, "o_zhoumin", "2024") is S.NOT_APPLICABLE  # hired 2025
    assert status(report, hours, "o_zhoumin", "2026") is S.OUT_OF_PERIOD
    assert status(report, "national.rectification.problem_list", "county_ecology") is S.LATE
    assert status(report, "national.rectification.problem_list", "county_transport") is S.VIOLATION
    assert status(report, "national.rectification.special_supervision", "*") is S.INSUFFICIENT_DATA  # no national unit
    if "national.penalty_law.art33" in national:
        # minor, corrected promptly, no harm, not penalised: 行政处罚法 art. 33
        assert status(report, "national.penalty_law.art33", "case_2024_market_017") is S.EXEMPT


def test_example_rotation_in_june_depends_on_the_deadline_policy(national, facts, engine) -> None:
    rotation = "national.training.full_staff_rotation"
    default = er.evaluate(national, facts, LATE_2026, engine=engine)
    strict = er.evaluate(national, facts, LATE_2026, engine=engine, policy=er.DeadlinePolicy.strict())
    assert status(default, rotation, "county_ecology") is S.COMPLIANT  # 2024-06-18
    assert status(strict, rotation, "county_ecology") is S.LATE


# -- the malformed twin --------------------------------------------------------

BAD_LOCATIONS = {
    "$.units[1].established": "unknown field",
    "$.officers[1].hired_on": "not a real date",
    "$.officers[2].unit": "missing reference",
    "$.officers[3].township": "wrong type",
    "$.training[1].hours": "wrong type",
    "$.training[2].officer": "missing reference",
    "$.training[3].category": "not an allowed value",
    "$.task_reports[1].completed_on": "not a real date",
    "$.events[1].subject": "missing reference",
}


def test_bad_example_yields_located_rejections() -> None:
    facts = er.load_facts(EXAMPLES / "national-bad.json")
    found = {r.location: r.reason for r in facts.rejections}
    assert set(found) == set(BAD_LOCATIONS)
    for location, reason in BAD_LOCATIONS.items():
        assert found[location].startswith(reason), (location, found[location])
    assert next(r for r in facts.rejections if r.location == "$.officers[1].hired_on").value == "2024-02-30"


def test_bad_example_valid_records_still_produce_findings(national, engine) -> None:
    facts = er.load_facts(EXAMPLES / "national-bad.json")
    report = er.evaluate(national, facts, LATE_2026, engine=engine)
    assert report.rejections == facts.rejections and not report.ok
    assert status(report, "national.training.annual_hours", "o_zhangwei", "2024") is S.COMPLIANT
    assert status(report, "national.rectification.problem_list", "county_market") is S.COMPLIANT
    assert {f.subject for f in report.findings} >= {"o_zhangwei", "county_market"}
    assert not {"o_lina", "o_wangqiang", "o_chenjing", "county_justice"} & {f.subject for f in report.findings}
