"""辽政办发〔2023〕18号 二（二） tasks 5–9: three systems, rectification,
discretion baselines, the four lists and 首违不罚, working mechanisms."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.testing.plugin_kit import assert_inherited as inherited, fixture_settings
from enforcerules_liaoning import TASKS

S = er.Status
AS_OF = dt.date(2026, 11, 23)


# -- 5. 全面落实行政执法“三项制度” --------------------------------------------------


def test_task05_three_systems_staged_results_by_end_of_2024(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task05.staged_results").rule
    assert kit.in_scope(rule) == ["prov_market", "prov_justice", "shenyang_justice", "shenyang_eco"]
    kit.stage_deadline(rule, "prov_justice", dt.date(2024, 12, 31))


def test_task05_legal_review_of_major_decisions_inherited(liaoning) -> None:
    inherited(liaoning, "national.cases.legal_review")


# -- 6. 常态化开展行政执法突出问题整治 ----------------------------------------------


def test_task06_problem_list_by_end_of_2023_inherited(kit, liaoning) -> None:
    rule = inherited(liaoning, "national.rectification.problem_list").rule
    assert rule.spec.deadline.phrase == "2023年底前" and "2023年底前" in TASKS[6].deadline
    kit.stage_deadline(rule, "county_market", dt.date(2023, 12, 31))


@fixture_settings()
@given(offset=st.integers(min_value=-60, max_value=60))
def test_task06_staged_results_by_end_of_november_2024(run, status, kit, liaoning, offset) -> None:
    rule = liaoning.get("liaoning.task06.staged_results").rule
    done = dt.date(2024, 11, 30) + dt.timedelta(days=offset)
    findings = run(rule.id, {"task_reports": [kit.report(rule.spec.task, "prov_market", done)]}, AS_OF)
    assert status(findings, "prov_market") is (S.COMPLIANT if offset <= 0 else S.LATE)


def test_task06_staged_results_pending_then_violation(kit, liaoning) -> None:
    kit.stage_deadline(liaoning.get("liaoning.task06.staged_results").rule, "shenyang_eco", dt.date(2024, 11, 30))


def test_task06_provincial_departments_evaluate_quality_every_year(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task06.quality_evaluation").rule
    assert kit.in_scope(rule) == ["prov_market"]
    kit.yearly(rule, "prov_market")


# -- 7. 加快完善行政裁量权基准制度 --------------------------------------------------


def test_task07_discretion_baselines_by_end_of_2023_inherited(kit, liaoning) -> None:
    rule = inherited(liaoning, "national.discretion.baselines").rule
    assert rule.spec.deadline.phrase == "2023年底前" and TASKS[7].deadline.startswith("2023年底前")
    kit.stage_deadline(rule, "prov_market", dt.date(2023, 12, 31))


def case(cid: str, *, decided_on: str = "2024-06-01", cites: bool = False, **extra: object) -> dict:
    return {
        "id": cid,
        "unit": "prov_market",
        "decided_on": decided_on,
        "field": "market_regulation",
        "handling_officers": ["o1", "o2"],
        "cites_discretion_baseline": cites,
        **extra,
    }


OFFICERS = [{"id": f"o{i}", "unit": "prov_market", "hired_on": "2020-01-01"} for i in (1, 2)]
CERTIFICATES = [{"id": f"c{i}", "officer": f"o{i}", "issued_on": "2020-02-01"} for i in (1, 2)]


def test_task07_notices_and_decisions_cite_the_discretion_baseline(run, status, liaoning) -> None:
    rule = liaoning.get("liaoning.task07.cites_discretion_baseline").rule
    assert rule.spec.requirement is er.kinds.ProcedureRequirement.CITES_DISCRETION_BASELINE
    doc = {"officers": OFFICERS, "certificates": CERTIFICATES, "cases": [case("cited", cites=True), case("silent")]}
    findings = run(rule.id, doc, AS_OF)
    assert status(findings, "cited") is S.COMPLIANT
    assert status(findings, "silent") is S.VIOLATION


def test_task07_cases_decided_before_the_plan_was_issued_are_out_of_period(run, status) -> None:
    doc = {"officers": OFFICERS, "certificates": CERTIFICATES, "cases": [case("before", decided_on="2023-12-09"), case("on", decided_on="2023-12-10")]}
    findings = run("liaoning.task07.cites_discretion_baseline", doc, AS_OF)
    assert status(findings, "before") is S.OUT_OF_PERIOD
    assert status(findings, "on") is S.VIOLATION


# -- 8. 优化行政执法“四张清单”制度 ------------------------------------------------

ART33 = "national.penalty_law.art33"
EXCLUDED = ("life_health", "public_safety", "ecology_environment")


def test_task08_first_violation_override_provenance(liaoning) -> None:
    resolved = liaoning.get(ART33)
    (record,) = resolved.overrides
    assert resolved.declared_by == "national" and resolved.jurisdiction == "liaoning"
    assert (record.jurisdiction, record.intent) == ("liaoning", er.Intent.TIGHTEN)
    assert (record.citation.document, record.citation.clause) == ("lzbf-2023-18", "8")
    assert "生命健康、公共安全、生态环保" in record.citation.quote
    assert tuple(resolved.rule.spec.first_violation_excluded_fields) == EXCLUDED
    assert tuple(record.previous.spec.first_violation_excluded_fields) == ()
    assert resolved.rule.responsible == TASKS[8].responsible


def first_minor(cid: str, field: str) -> dict:
    """A penalised first violation with minor harm, promptly corrected (art. 33 para. 1 sentence 2)."""
    return case(cid, field=field, first_violation=True, harm="minor", corrected_promptly=True, outcome="penalised")


FIELDS = (*EXCLUDED, "food_drugs", "public_health", "natural_resources", "work_safety", "labour", "urban_management", "transport", "finance", "education_training", "market_regulation")


@fixture_settings()
@given(field=st.sampled_from(FIELDS), penalised=st.booleans())
def test_task08_first_violation_leniency_not_in_life_health_public_safety_ecology(run, status, field, penalised) -> None:
    """首违不罚 stays a ground (penalising is discretion, not penalising is exempt) except in the three fields."""
    one = first_minor("c1", field) | {"outcome": "penalised" if penalised else "not_penalised"}
    (finding,) = run(ART33, {"officers": OFFICERS, "certificates": CERTIFICATES, "cases": [one]}, AS_OF)
    if field in EXCLUDED:
        assert finding.status is S.NOT_APPLICABLE
        assert dict(finding.evidence)["first_violation_excluded"] is True
    else:
        assert finding.status is (S.COMPLIANT if penalised else S.EXEMPT)


def test_task08_the_national_baseline_keeps_first_violation_leniency_in_every_field(engine) -> None:
    national = er.load_rulebook("national")
    doc = {"units": [{"id": "prov_market", "name": "辽宁省市场监督管理局", "kind": "enforcement", "level": "province"}],
           "officers": OFFICERS, "certificates": CERTIFICATES, "cases": [first_minor(f"in_{f}", f) for f in EXCLUDED]}
    report = er.evaluate(attrs.evolve(national, rules=(national.get(ART33),)), er.load_facts(doc), AS_OF, engine=engine)
    assert {f.status for f in report.findings} == {S.COMPLIANT}


def test_task08_typical_cases_of_the_four_lists_by_end_of_2024(kit, liaoning) -> None:
    kit.stage_deadline(liaoning.get("liaoning.task08.typical_cases").rule, "prov_justice", dt.date(2024, 12, 31))


# -- 9. 健全完善行政执法工作机制 --------------------------------------------------


def test_task09_working_mechanisms_staged_results_by_end_of_2024(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task09.staged_results").rule
    assert rule.responsible == ("省司法厅", "省市场监管局", "省直各行政执法部门")
    kit.stage_deadline(rule, "shenyang_eco", dt.date(2024, 12, 31))
