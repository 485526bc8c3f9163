"""Case kinds: 行政处罚法 art. 33 (with exemption lists), art. 32, and case procedure."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.citation import citer
from enforcerules.kinds import (
    CaseProcedure,
    ExemptionEntry,
    ExemptionList,
    ListKind,
    MitigationRequired,
    PenaltyDisposition,
    ProcedureRequirement,
)
from enforcerules.kinds.cases import ART32_CIRCUMSTANCES, Leniency

from _support import registry_with

S = er.Status
ENGINES = ["python"] + (
    ["durable"] if sys.version_info < (3, 13) and importlib.util.find_spec("enforcerules.engine_durable") else []
)
AS_OF = dt.date(2025, 6, 30)
DECIDED = dt.date(2024, 5, 10)
cite = citer("test-doc")
PEN, NOT_PEN, LIGHTER, MITIGATED = er.CaseOutcome.PENALISED, er.CaseOutcome.NOT_PENALISED, er.CaseOutcome.LIGHTER, er.CaseOutcome.MITIGATED
NONE, MINOR, SERIOUS = er.Harm.NONE, er.Harm.MINOR, er.Harm.SERIOUS
UNIT = er.Unit(id="u1", name="县生态环境局", kind=er.UnitKind.ENFORCEMENT, level=er.Level.COUNTY)


def rulebook(spec: Any, effective: er.Period = er.PLAN_PERIOD) -> er.Rulebook:
    rule = er.Rule(id="root.case.rule", title_zh="案件", title_en="Cases", citation=cite("1", "不予处罚"),
                   spec=spec, scope=er.Scope(er.Subject.CASE), effective=effective)
    return registry_with(er.Jurisdiction(id="root", name_zh="根", name_en="Root", level=er.Level.NATIONAL, rules=(rule,))).rulebook("root")


def a_case(cid: str = "k1", **kw: Any) -> er.Case:
    return er.Case(id=cid, unit="u1", decided_on=kw.pop("decided_on", DECIDED), **kw)


def judge(spec: Any, *cases: er.Case, engine: str = "python", as_of: dt.date = AS_OF) -> dict[str, er.Finding]:
    report = er.evaluate(rulebook(spec), er.Facts(units=(UNIT,), cases=cases), as_of, engine=engine)
    return {f.subject: f for f in report.findings}


def status(spec: Any, case: er.Case, engine: str = "python") -> er.Status:
    return judge(spec, case, engine=engine)[case.id].status


FIRST_MINOR = dict(first_violation=True, harm=MINOR, corrected_promptly=True)
NO_HARM = dict(harm=NONE, corrected_promptly=True)


def a_list(kind: ListKind = ListKind.NO_PENALTY, effective: er.Period | None = None, **entry: Any) -> ExemptionList:
    row = ExemptionEntry(**{"code": "v-01", "violation": "未按规定设置标志", "field": "ecology_environment", **entry})
    return ExemptionList(id="test-list", kind=kind, title="测试清单", issuer="测试局", entries=(row,), effective=effective)


# -- art. 33 para. 1 sentence 2: 可以不予行政处罚 ---------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_art33_first_minor_corrected_may_go_unpenalised_and_penalising_it_is_discretion(engine: str) -> None:
    assert status(PenaltyDisposition(), a_case(**FIRST_MINOR, outcome=NOT_PEN), engine) is S.EXEMPT
    got = judge(PenaltyDisposition(), a_case(**FIRST_MINOR, outcome=PEN), engine=engine)["k1"]
    assert got.status is S.COMPLIANT and "可以不予处罚" in got.explanation_zh


@pytest.mark.parametrize(
    "missing",
    [dict(first_violation=False), dict(harm=SERIOUS), dict(corrected_promptly=False)],
    ids=["not_first", "serious_harm", "not_corrected"],
)
def test_art33_without_every_condition_of_sentence_2_there_is_no_ground(missing: dict[str, Any]) -> None:
    for outcome in (PEN, NOT_PEN):
        assert status(PenaltyDisposition(), a_case(**{**FIRST_MINOR, **missing}, outcome=outcome)) is S.NOT_APPLICABLE


def test_liaoning_8_first_violation_leniency_excluded_in_life_health_public_safety_ecology() -> None:
    spec = PenaltyDisposition(first_violation_excluded_fields=("life_health", "public_safety", "ecology_environment"))
    excluded = judge(spec, a_case(**FIRST_MINOR, field="life_health", outcome=PEN))["k1"]
    assert excluded.status is S.NOT_APPLICABLE and "首违不罚" in excluded.explanation_zh
    assert status(spec, a_case(**FIRST_MINOR, field="market_regulation", outcome=PEN)) is S.COMPLIANT
    assert status(PenaltyDisposition(first_violation_leniency=False), a_case(**FIRST_MINOR, outcome=NOT_PEN)) is S.NOT_APPLICABLE


# -- art. 33 shall-not grounds ---------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_art33_para2_no_fault_proven_shall_not_be_penalised(engine: str) -> None:
    for outcome in (PEN, LIGHTER, MITIGATED):
        got = judge(PenaltyDisposition(), a_case(no_fault_proven=True, outcome=outcome), engine=engine)["k1"]
        assert got.status is S.VIOLATION and "没有主观过错" in got.explanation_zh and got.remedy_zh
    assert status(PenaltyDisposition(), a_case(no_fault_proven=True, outcome=NOT_PEN), engine) is S.EXEMPT


@pytest.mark.parametrize("engine", ENGINES)
def test_art33_sentence_1_no_harm_corrected_is_unverified_without_a_record_that_the_violation_was_minor(engine: str) -> None:
    got = judge(PenaltyDisposition(), a_case(**NO_HARM, outcome=PEN), engine=engine)["k1"]
    assert got.status is S.INSUFFICIENT_DATA and "违法行为轻微" in got.explanation_zh
    assert status(PenaltyDisposition(), a_case(**NO_HARM, outcome=NOT_PEN), engine) is S.EXEMPT
    assert status(PenaltyDisposition(), a_case(harm=NONE, corrected_promptly=False, outcome=PEN), engine) is S.NOT_APPLICABLE


# -- exemption lists --------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_no_penalty_list_turns_first_minor_may_into_shall_not(engine: str) -> None:
    spec = PenaltyDisposition(lists=(a_list(first_violation_required=True),))
    listed = a_case(**FIRST_MINOR, violation_code="v-01", outcome=PEN)
    got = judge(spec, listed, engine=engine)["k1"]
    assert got.status is S.VIOLATION and "测试清单" in got.explanation_zh
    assert status(spec, a_case(**FIRST_MINOR, violation_code="v-02", outcome=PEN), engine) is S.COMPLIANT
    assert status(spec, a_case(**FIRST_MINOR, violation_code="v-01", outcome=NOT_PEN), engine) is S.EXEMPT


def test_no_penalty_list_establishes_minor_for_sentence_1() -> None:
    spec = PenaltyDisposition(lists=(a_list(),))
    assert status(spec, a_case(**NO_HARM, violation_code="v-01", outcome=PEN)) is S.VIOLATION
    first_only = PenaltyDisposition(lists=(a_list(ListKind.FIRST_MINOR_EXEMPT),))
    # a first-minor list says nothing of non-first violations: 轻微 stays unrecorded
    assert status(first_only, a_case(**NO_HARM, violation_code="v-01", outcome=PEN)) is S.INSUFFICIENT_DATA


def test_a_list_cannot_widen_art33_beyond_the_statute() -> None:
    loose = PenaltyDisposition(lists=(a_list(max_harm=SERIOUS, correction_required=False),))
    for kw in (dict(harm=SERIOUS, corrected_promptly=True), dict(harm=MINOR, corrected_promptly=False), dict(harm=MINOR, corrected_promptly=True)):
        assert status(loose, a_case(**kw, violation_code="v-01", outcome=PEN)) is S.NOT_APPLICABLE


def test_list_entry_conditions_validity_and_wording_decide_its_effect() -> None:
    case = a_case(**FIRST_MINOR, violation_code="v-01", outcome=PEN)
    assert status(PenaltyDisposition(lists=(a_list(max_harm=NONE),)), case) is S.COMPLIANT  # entry needs no harm
    expired = a_list(effective=er.Period(dt.date(2022, 1, 1), dt.date(2024, 5, 9)))
    assert status(PenaltyDisposition(lists=(expired,)), case) is S.COMPLIANT
    in_force = a_list(effective=er.Period(dt.date(2022, 1, 1), DECIDED))
    assert status(PenaltyDisposition(lists=(in_force,)), case) is S.VIOLATION
    assert status(PenaltyDisposition(lists=(a_list(mandatory=False),)), case) is S.COMPLIANT  # 可以不予
    unrecorded = judge(PenaltyDisposition(lists=(a_list(unrecorded_conditions="持续时间不超过20日"),)), case)["k1"]
    assert unrecorded.status is S.INSUFFICIENT_DATA and "持续时间不超过20日" in unrecorded.explanation_zh


def test_liaoning_exclusion_also_removes_list_grounds_that_rest_on_first_violation() -> None:
    spec = PenaltyDisposition(first_violation_excluded_fields=("ecology_environment",), lists=(a_list(),))
    assert status(spec, a_case(**FIRST_MINOR, field="ecology_environment", violation_code="v-01", outcome=PEN)) is S.NOT_APPLICABLE
    assert status(spec, a_case(**NO_HARM, field="ecology_environment", violation_code="v-01", outcome=PEN)) is S.VIOLATION


def test_penalty_disposition_validates_its_parameters() -> None:
    with pytest.raises(ValueError, match="'lists'.*lighter"):
        PenaltyDisposition(lists=(a_list(ListKind.LIGHTER),))
    with pytest.raises(ValueError, match="first_violation_excluded_fields"):
        PenaltyDisposition(first_violation_excluded_fields=("",))
    with pytest.raises(ValueError, match="twice"):
        ExemptionList(id="x", kind=ListKind.NO_PENALTY, title="t", issuer="i",
                      entries=(ExemptionEntry("a", "v"), ExemptionEntry("a", "w")))


CASES = st.builds(
    er.Case,
    id=st.just("k1"), unit=st.just("u1"), decided_on=st.just(DECIDED),
    field=st.sampled_from(["", "ecology_environment", "life_health"]),
    outcome=st.sampled_from(list(er.CaseOutcome)),
    violation_code=st.sampled_from([None, "v-01", "v-02"]),
    first_violation=st.booleans(), harm=st.sampled_from(list(er.Harm)),
    corrected_promptly=st.booleans(), no_fault_proven=st.booleans(),
)
SPECS = st.builds(
    PenaltyDisposition,
    first_violation_leniency=st.booleans(),
    first_violation_excluded_fields=st.sampled_from([(), ("life_health",), ("ecology_environment",)]),
    lists=st.sampled_from([(), (a_list(),), (a_list(ListKind.FIRST_MINOR_EXEMPT, first_violation_required=True),), (a_list(mandatory=False),)]),
)


@settings(max_examples=80, deadline=None)
@given(case=CASES, spec=SPECS)
def test_art33_shall_not_cases_are_never_compliant_when_penalised(case: er.Case, spec: PenaltyDisposition) -> None:
    got = status(spec, case)
    grounds = spec.grounds(case)
    penalised = case.outcome is not NOT_PEN
    if case.no_fault_proven and penalised:
        assert got is S.VIOLATION
    if not grounds:
        assert got is S.NOT_APPLICABLE
    elif not penalised:
        assert got is S.EXEMPT
    elif got is S.COMPLIANT:
        assert all(g.leniency is Leniency.MAY_NOT for g in grounds)
    if case.harm is SERIOUS and not case.no_fault_proven:
        assert got is S.NOT_APPLICABLE  # no list can reach a serious-harm case


# -- art. 32: 应当从轻或者减轻 ------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("code", sorted(ART32_CIRCUMSTANCES))
def test_art32_each_circumstance_requires_lighter_or_mitigated(engine: str, code: str) -> None:
    got = judge(MitigationRequired(), a_case(mitigating=(code,), outcome=PEN), engine=engine)["k1"]
    assert got.status is S.VIOLATION and ART32_CIRCUMSTANCES[code][0] in got.explanation_zh
    for outcome in (LIGHTER, MITIGATED, NOT_PEN):
        assert status(MitigationRequired(), a_case(mitigating=(code,), outcome=outcome), engine) is S.COMPLIANT


def test_art32_without_a_listed_circumstance_is_not_applicable_and_lists_add_circumstances() -> None:
    assert status(MitigationRequired(), a_case(mitigating=("apologised",), outcome=PEN)) is S.NOT_APPLICABLE
    assert status(MitigationRequired(circumstances=("apologised",)), a_case(mitigating=("apologised",), outcome=PEN)) is S.VIOLATION
    lighter = MitigationRequired(lists=(a_list(ListKind.LIGHTER, max_harm=SERIOUS, correction_required=False),))
    assert status(lighter, a_case(violation_code="v-01", outcome=PEN)) is S.VIOLATION
    assert status(lighter, a_case(violation_code="v-01", outcome=LIGHTER)) is S.COMPLIANT
    with pytest.raises(ValueError, match="no_penalty"):
        MitigationRequired(lists=(a_list(),))


# -- procedure ----------------------------------------------------------------------------------

REVIEW = CaseProcedure(ProcedureRequirement.LEGAL_REVIEW_BEFORE_MAJOR_DECISION)
CITES = CaseProcedure(ProcedureRequirement.CITES_DISCRETION_BASELINE)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("review", "expected"),
    [(DECIDED - dt.timedelta(days=1), S.COMPLIANT), (DECIDED, S.COMPLIANT), (DECIDED + dt.timedelta(days=1), S.VIOLATION), (None, S.VIOLATION)],  # art. 58: not late, made without review
)
def test_2_2_3_major_decision_legal_review_on_or_before_the_decision(engine: str, review: dt.date | None, expected: er.Status) -> None:
    assert status(REVIEW, a_case(major=True, legal_review_on=review), engine) is expected
    assert status(REVIEW, a_case(major=False, legal_review_on=review), engine) is S.NOT_APPLICABLE


def test_2_2_3_a_review_dated_after_the_as_of_day_has_not_happened_yet() -> None:
    case = a_case(major=True, legal_review_on=AS_OF + dt.timedelta(days=1))
    assert judge(REVIEW, case)["k1"].status is S.VIOLATION


@pytest.mark.parametrize("engine", ENGINES)
def test_liaoning_7_penalty_decisions_cite_the_discretion_baseline(engine: str) -> None:
    assert status(CITES, a_case(outcome=PEN), engine) is S.VIOLATION
    assert status(CITES, a_case(outcome=LIGHTER, cites_discretion_baseline=True), engine) is S.COMPLIANT
    assert status(CITES, a_case(outcome=NOT_PEN), engine) is S.NOT_APPLICABLE


def test_case_rules_judge_cases_by_their_decision_day() -> None:
    got = judge(REVIEW, a_case("early", major=True, decided_on=dt.date(2023, 8, 8)), a_case("late", major=True, decided_on=dt.date(2026, 1, 1)),
                as_of=dt.date(2026, 6, 1))
    assert got["early"].status is S.OUT_OF_PERIOD and got["late"].status is S.OUT_OF_PERIOD
