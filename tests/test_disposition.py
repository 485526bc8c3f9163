"""decide_case: which dispositions a rulebook requires or allows for one case."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.citation import citer
from enforcerules.disposition import CaseDecision, DispositionKind, decide_case
from enforcerules.kinds import ExemptionEntry, ExemptionList, ListKind, MitigationRequired, PenaltyDisposition

from _support import registry_with

cite = citer("test-doc")
K = DispositionKind
DECIDED = dt.date(2024, 5, 10)
UNIT = er.Unit(id="u1", name="县市场监管局", kind=er.UnitKind.ENFORCEMENT, level=er.Level.COUNTY)
LIST = ExemptionList(id="l1", kind=ListKind.NO_PENALTY, title="不予处罚清单", issuer="局",
                     entries=(ExemptionEntry("v-01", "未公示", first_violation_required=True),))


def rule(rule_id: str, spec: object, **kw: object) -> er.Rule:
    return er.Rule(id=rule_id, title_zh="规则", title_en="Rule", citation=cite(rule_id.rsplit(".", 1)[-1], "条文"),
                   spec=spec, scope=kw.pop("scope", er.Scope(er.Subject.CASE)), **kw)  # type: ignore[arg-type]


def rulebook(*rules: er.Rule) -> er.Rulebook:
    j = er.Jurisdiction(id="root", name_zh="根", name_en="Root", level=er.Level.NATIONAL, rules=rules)
    return registry_with(j).rulebook("root")


BOOK = rulebook(
    rule("root.law.art33", PenaltyDisposition(first_violation_excluded_fields=("life_health",), lists=(LIST,))),
    rule("root.law.art32", MitigationRequired()),
)


def a_case(**kw: object) -> er.Case:
    return er.Case(id="k1", unit="u1", decided_on=kw.pop("decided_on", DECIDED), **kw)  # type: ignore[arg-type]


def test_no_fault_proven_means_shall_not_penalise_citing_the_rule() -> None:
    decision = decide_case(BOOK, a_case(no_fault_proven=True))
    assert decision.strongest is K.SHALL_NOT_PENALISE
    (d,) = decision.of_kind(K.SHALL_NOT_PENALISE)
    assert d.rule_id == "root.law.art33" and d.citation.clause == "art33" and d.basis == "art33.2" and "主观过错" in d.reason_zh
    assert decision.permits(er.CaseOutcome.NOT_PENALISED) and not decision.permits(er.CaseOutcome.LIGHTER)


def test_first_minor_corrected_may_not_penalise_and_a_listed_one_shall_not() -> None:
    may = decide_case(BOOK, a_case(first_violation=True, harm=er.Harm.MINOR, corrected_promptly=True))
    assert may.strongest is K.MAY_NOT_PENALISE and all(may.permits(o) for o in er.CaseOutcome)
    listed = decide_case(BOOK, a_case(first_violation=True, harm=er.Harm.MINOR, corrected_promptly=True, violation_code="v-01"))
    assert listed.strongest is K.SHALL_NOT_PENALISE
    assert {d.basis for d in listed.dispositions} == {"art33.1.2", "list:l1:v-01"}


def test_excluded_field_and_no_ground_give_no_disposition() -> None:
    excluded = decide_case(BOOK, a_case(first_violation=True, harm=er.Harm.MINOR, corrected_promptly=True, field="life_health"))
    assert excluded == CaseDecision("k1") and excluded.strongest is K.NONE
    assert decide_case(BOOK, a_case()).dispositions == ()


def test_art32_circumstance_means_shall_lighten_or_mitigate() -> None:
    decision = decide_case(BOOK, a_case(mitigating=("confessed", "apologised")))
    (d,) = decision.dispositions
    assert d.kind is K.SHALL_LIGHTEN_OR_MITIGATE and d.basis == "confessed" and "主动供述" in d.reason_zh
    assert decision.permits(er.CaseOutcome.MITIGATED) and not decision.permits(er.CaseOutcome.PENALISED)


def test_unverified_shall_not_is_reported_but_does_not_constrain() -> None:
    decision = decide_case(BOOK, a_case(harm=er.Harm.NONE, corrected_promptly=True))
    (d,) = decision.dispositions
    assert d.kind is K.SHALL_NOT_PENALISE and not d.verified and "违法行为轻微" in d.unverified
    assert decision.strongest is K.NONE and decision.permits(er.CaseOutcome.PENALISED)


def test_rules_outside_their_period_or_scope_do_not_count() -> None:
    later = er.Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    book = rulebook(
        rule("root.a.period", PenaltyDisposition(), effective=later),
        rule("root.a.field", PenaltyDisposition(), scope=er.Scope(er.Subject.CASE, fields=("transport",))),
        rule("root.a.unit", PenaltyDisposition(), scope=er.Scope(er.Subject.CASE, unit_kinds=(er.UnitKind.ENFORCEMENT,))),
    )
    case = a_case(no_fault_proven=True)
    assert decide_case(book, case).dispositions == ()
    with_unit = decide_case(book, case, facts=er.Facts(units=(UNIT,), cases=(case,)))
    assert [d.rule_id for d in with_unit.dispositions] == ["root.a.unit"]
    in_field = decide_case(book, a_case(no_fault_proven=True, field="transport"))
    assert [d.rule_id for d in in_field.dispositions] == ["root.a.field"]


CASES = st.builds(
    er.Case, id=st.just("k1"), unit=st.just("u1"), decided_on=st.just(DECIDED),
    field=st.sampled_from(["", "life_health"]), outcome=st.sampled_from(list(er.CaseOutcome)),
    violation_code=st.sampled_from([None, "v-01"]), first_violation=st.booleans(),
    harm=st.sampled_from(list(er.Harm)), corrected_promptly=st.booleans(), no_fault_proven=st.booleans(),
    mitigating=st.sampled_from([(), ("confessed",), ("other",)]),
)


@settings(max_examples=80, deadline=None)
@given(case=CASES)
def test_decide_case_agrees_with_evaluation(case: er.Case) -> None:
    decision = decide_case(BOOK, case)
    report = er.evaluate(BOOK, er.Facts(units=(UNIT,), cases=(case,)), dt.date(2025, 6, 30), engine="python")
    status = {f.rule_id: f.status for f in report.findings}
    violated = {r for r, s in status.items() if s is er.Status.VIOLATION}
    assert (not decision.permits(case.outcome)) == bool(violated)
    if decision.strongest is K.SHALL_NOT_PENALISE:
        assert status["root.law.art33"] in (er.Status.VIOLATION, er.Status.EXEMPT)
    assert bool(decision.of_kind(K.SHALL_LIGHTEN_OR_MITIGATE)) == (status["root.law.art32"] is not er.Status.NOT_APPLICABLE)


@pytest.mark.parametrize("outcome", list(er.CaseOutcome))
def test_a_decision_without_dispositions_permits_every_outcome(outcome: er.CaseOutcome) -> None:
    assert CaseDecision("k1").permits(outcome)
