"""辽政办发〔2023〕18号 二（二） tasks 5–9: three systems, rectification,
discretion baselines, the four lists and 首违不罚, working mechanisms."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.testing.plugin_kit import assert_inherited as inherited, fixture_settings
from enforcerules.kinds import ExemptionEntry, ExemptionList, ListKind
from enforcerules_liaoning import TASKS, plan

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

ART32, ART33 = "national.penalty_law.art32", "national.penalty_law.art33"
TOLERANCE = "liaoning.task08.first_violation_tolerance"
DOMAINS = ("life_health", "public_safety", "ecology_environment")
#: Fields the three named domains cover (the library's documented reading of "涉及").
COVERED = ("food_safety", "drug_administration", "public_health", "work_safety", "fire_safety", "special_equipment",
           "natural_resources", "environmental_protection")
EXCLUDED = plan.FIRST_VIOLATION_EXCLUDED_FIELDS


def test_task08_first_violation_tolerance_is_liaonings_own_rule_and_art33_stays_inherited(liaoning) -> None:
    inherited(liaoning, ART33)
    resolved = liaoning.get(TOLERANCE)
    assert (resolved.declared_by, resolved.overrides) == ("liaoning", ())
    rule = resolved.rule
    assert (rule.citation.document, rule.citation.clause) == ("lzbf-2023-18", "8")
    assert "生命健康、公共安全、生态环保" in rule.citation.quote
    assert tuple(rule.spec.first_violation_excluded_fields) == EXCLUDED
    assert set(DOMAINS) | set(COVERED) <= set(EXCLUDED)
    assert set(plan.FIRST_VIOLATION_EXCLUDED_DOMAINS) == set(DOMAINS)
    assert (rule.effective.start, rule.effective.end) == (dt.date(2023, 12, 10), dt.date(2025, 12, 31))
    assert rule.responsible == TASKS[8].responsible
    assert "Statutory discretion is untouched" in rule.note


def first_minor(cid: str, field: str, **extra: object) -> dict:
    """A penalised first violation with minor harm, promptly corrected (art. 33 para. 1 sentence 2)."""
    return case(cid, field=field, first_violation=True, harm="minor", corrected_promptly=True, outcome="penalised") | extra


NOT_COVERED = ("labour", "urban_management", "transport", "finance", "education_training", "market_regulation")
FIELDS = (*DOMAINS, *COVERED, *NOT_COVERED)


@fixture_settings()
@given(field=st.sampled_from(FIELDS), penalised=st.booleans())
def test_task08_tolerance_mechanism_not_in_life_health_public_safety_ecology(run, status, field, penalised) -> None:
    """Liaoning's 容错免罚 reaches first minor violations outside the three domains (and the fields they
    cover: food safety, work safety, natural resources…) only; art. 33 reaches all."""
    one = first_minor("c1", field, outcome="penalised" if penalised else "not_penalised")
    doc = {"officers": OFFICERS, "certificates": CERTIFICATES, "cases": [one]}
    (ours,) = run(TOLERANCE, doc, AS_OF)
    statute = S.COMPLIANT if penalised else S.EXEMPT
    if field in EXCLUDED:
        assert ours.status is S.NOT_APPLICABLE
        assert dict(ours.evidence)["first_violation_excluded"] is True
        # The field keeps the case out, not a missing ground of art. 33.
        assert "所属执法领域" in ours.explanation_zh and "不具有第三十三条" not in ours.explanation_zh
    else:
        assert ours.status is statute
    # Statutory discretion is untouched: sparing or penalising stays lawful in every field.
    assert status(run(ART33, doc, AS_OF), "c1") is statute


@pytest.mark.parametrize(
    ("decided_on", "ours"),
    [
        ("2022-05-01", S.OUT_OF_PERIOD),
        ("2023-12-09", S.OUT_OF_PERIOD),
        ("2023-12-10", S.NOT_APPLICABLE),
        ("2025-12-31", S.NOT_APPLICABLE),
        ("2026-01-01", S.OUT_OF_PERIOD),
    ],
)
def test_task08_field_limit_binds_only_in_the_plan_period(run, status, decided_on, ours) -> None:
    """A first minor violation in ecology: judged by Liaoning's rule from 2023-12-10 to 2025-12-31, by art. 33 always."""
    doc = {"officers": OFFICERS, "certificates": CERTIFICATES, "cases": [first_minor("eco", "ecology_environment", decided_on=decided_on)]}
    assert status(run(TOLERANCE, doc, AS_OF), "eco") is ours
    assert status(run(ART33, doc, AS_OF), "eco") is S.COMPLIANT


def a_list(kind: ListKind, *, mandatory: bool = True) -> ExemptionList:
    entry = ExemptionEntry("LN-01", "首次轻微违法", first_violation_required=True, mandatory=mandatory)
    return ExemptionList(id=f"ln-{kind.value}", kind=kind, title="辽宁省清单", issuer="辽宁省司法厅", entries=(entry,))


def test_task08_a_first_violation_list_applies_only_outside_the_three_fields(liaoning, engine) -> None:
    """A 首违不罚 list entry worded "不予行政处罚", supplied to Liaoning's rule: binding outside the fields only."""
    resolved = liaoning.get(TOLERANCE)
    spec = attrs.evolve(resolved.rule.spec, lists=(a_list(ListKind.FIRST_MINOR_EXEMPT),))
    book = attrs.evolve(liaoning, rules=(attrs.evolve(resolved, rule=attrs.evolve(resolved.rule, spec=spec)),))
    cases = [first_minor("market", "market_regulation", violation_code="LN-01"), first_minor("eco", "ecology_environment", violation_code="LN-01")]
    units = [{"id": "prov_market", "name": "辽宁省市场监督管理局", "kind": "enforcement", "level": "province"}]
    doc = {"units": units, "officers": OFFICERS, "certificates": CERTIFICATES, "cases": cases}
    findings = {f.subject: f.status for f in er.evaluate(book, er.load_facts(doc), AS_OF, engine=engine).findings}
    assert findings == {"market": S.VIOLATION, "eco": S.NOT_APPLICABLE}


def test_task08_declined_lists_go_where_the_declined_row_says(liaoning) -> None:
    """不予/首违不罚 lists in art. 33's or Liaoning's rule's 'lists', 从轻/减轻 lists in art. 32's."""
    (row,) = [d for d in plan.DECLINED if d.clause == "8" and "四张清单" in d.summary and "动态调整" in d.summary]
    assert all(name in row.reason for name in (TOLERANCE, ART33, ART32, "NO_PENALTY", "FIRST_MINOR_EXEMPT", "LIGHTER", "MITIGATED"))
    for rule_id in (TOLERANCE, ART33):
        spec = liaoning.get(rule_id).rule.spec
        for kind in (ListKind.NO_PENALTY, ListKind.FIRST_MINOR_EXEMPT):
            assert attrs.evolve(spec, lists=(a_list(kind),)).lists[0].kind is kind
        for kind in (ListKind.LIGHTER, ListKind.MITIGATED):
            with pytest.raises(ValueError, match="lists"):
                attrs.evolve(spec, lists=(a_list(kind),))
    art32 = liaoning.get(ART32).rule.spec
    for kind in (ListKind.LIGHTER, ListKind.MITIGATED):
        assert attrs.evolve(art32, lists=(a_list(kind),)).lists[0].kind is kind


def test_task08_typical_cases_of_the_four_lists_by_end_of_2024(kit, liaoning) -> None:
    kit.stage_deadline(liaoning.get("liaoning.task08.typical_cases").rule, "prov_justice", dt.date(2024, 12, 31))


# -- 9. 健全完善行政执法工作机制 --------------------------------------------------


def test_task09_working_mechanisms_staged_results_by_end_of_2024(kit, liaoning) -> None:
    rule = liaoning.get("liaoning.task09.staged_results").rule
    assert rule.responsible == ("省司法厅", "省市场监管局", "省直各行政执法部门")
    kit.stage_deadline(rule, "shenyang_eco", dt.date(2024, 12, 31))
