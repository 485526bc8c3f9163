"""国办发〔2023〕27号 二（一）3 and 二（二）3 case rules; 《行政处罚法》 arts. 32, 33, 42."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.testing.plugin_kit import fixture_settings
from enforcerules.kinds import CaseProcedure, CertifiedHandling, MitigationRequired, PenaltyDisposition, ProcedureRequirement
from enforcerules_national import cases, penalty_law

S = er.Status
AS_OF = dt.date(2026, 11, 23)
INDEPENDENT = "national.certificates.independent_enforcement"
REVIEW = "national.cases.legal_review"
ART32, ART33, ART42 = "national.penalty_law.art32", "national.penalty_law.art33", "national.penalty_law.art42"
SHARED = Path("/work/shared")

OFFICERS = [{"id": f"o{i}", "unit": "eco", "hired_on": "2020-01-01"} for i in range(1, 4)]


def doc(*case_list: dict[str, Any], certified: tuple[str, ...] = ("o1", "o2"), issued: str = "2021-01-01") -> dict[str, Any]:
    return {
        "units": [{"id": "eco", "name": "某市生态环境局", "kind": "enforcement", "level": "city"}],
        "officers": OFFICERS,
        "certificates": [{"id": f"c{o}", "officer": o, "issued_on": issued, "exam_passed_on": "2020-12-01"} for o in certified],
        "cases": list(case_list),
    }


def case(cid: str = "k1", decided: str = "2024-05-10", handlers: tuple[str, ...] = ("o1", "o2"), **kw: Any) -> dict[str, Any]:
    return {"id": cid, "unit": "eco", "decided_on": decided, "handling_officers": list(handlers), **kw}


# -- declarations ---------------------------------------------------------------------------


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_rules_are_declared_with_the_agreed_ids_kinds_and_parameters(national: er.Rulebook) -> None:
    spec = {rid: national.get(rid).rule.spec for rid in (INDEPENDENT, REVIEW, ART32, ART33, ART42)}
    assert spec[INDEPENDENT] == CertifiedHandling(min_certified=1)
    assert spec[ART42] == CertifiedHandling(min_certified=2)
    assert spec[REVIEW] == CaseProcedure(ProcedureRequirement.LEGAL_REVIEW_BEFORE_MAJOR_DECISION)
    assert spec[ART33] == PenaltyDisposition() and spec[ART32] == MitigationRequired()
    # the national plan does not require citing the discretion baseline in each decision
    assert not any(
        isinstance(r.rule.spec, CaseProcedure) and r.rule.spec.requirement is ProcedureRequirement.CITES_DISCRETION_BASELINE
        for r in national.rules
    )


def test_plan_rules_quote_the_plan_exactly() -> None:
    plan_text = _plain((SHARED / "seeds" / "000_0d9179c39a748761.txt").read_text(encoding="utf-8"))
    for rule in cases.RULES:
        assert rule.citation.document == "gbf-2023-27"
        assert _plain(rule.citation.quote) in plan_text, rule.id
    assert cases.INDEPENDENT_ENFORCEMENT.citation.clause == "二（一）3" and cases.LEGAL_REVIEW.citation.clause == "二（二）3"
    (declined,) = cases.DECLINED
    assert declined.clause == "二（一）3" and _plain(declined.summary) in plan_text


def test_penalty_law_rules_quote_the_articles_exactly_and_stay_in_force_after_the_plans() -> None:
    law = (SHARED / "law" / "xingzheng-chufa-fa-2021.md").read_text(encoding="utf-8")
    for rule in penalty_law.RULES:
        number = rule.citation.clause
        start = law.index(f"\n{number} ")
        article = law[start: law.index("\n第", start + 1)]
        assert rule.citation.document == "xzcff-2021"
        assert _plain(rule.citation.quote) in _plain(article.replace(number, "", 1)), rule.id
        assert rule.effective.start == dt.date(2021, 7, 15) and rule.effective.end > dt.date(2100, 1, 1)
    assert "本法自2021年7月15日起施行" in law


# -- 二（一）3 未取得行政执法证件的人员不得独立从事行政执法工作 ---------------------------------


def test_2_1_3_a_certified_officer_with_an_uncertified_one_is_not_independent_enforcement(run: Any, status: Any) -> None:
    got = run(INDEPENDENT, doc(case(handlers=("o1", "o3"))), AS_OF)
    assert status(got, "k1") is S.COMPLIANT


def test_2_1_3_an_uncertified_officer_alone_is_independent_enforcement(run: Any, status: Any) -> None:
    got = run(INDEPENDENT, doc(case(handlers=("o3",))), AS_OF)
    assert status(got, "k1") is S.VIOLATION and got[0].citation.clause == "二（一）3"


def test_2_1_3_the_plan_judges_cases_decided_from_its_issue_day(run: Any, status: Any) -> None:
    got = run(INDEPENDENT, doc(case("before", "2023-08-08", ("o3",)), case("on", "2023-08-09", ("o3",))), AS_OF)
    assert status(got, "before") is S.OUT_OF_PERIOD and status(got, "on") is S.VIOLATION


# -- 二（二）3 重大执法决定法制审核制度 ---------------------------------------------------------


@pytest.mark.parametrize(
    ("review", "expected"), [("2024-05-09", S.COMPLIANT), ("2024-05-10", S.COMPLIANT), ("2024-05-11", S.VIOLATION), (None, S.VIOLATION)]
)
def test_2_2_3_major_decisions_are_legally_reviewed_before_they_are_made(run: Any, status: Any, review: str | None, expected: er.Status) -> None:
    got = run(REVIEW, doc(case(major=True, legal_review_on=review), case("minor_case")), AS_OF)
    assert status(got, "k1") is expected and status(got, "minor_case") is S.NOT_APPLICABLE


# -- 二（二）3 执法全过程记录制度 ---------------------------------------------------------------

RECORD = "national.cases.full_process_record"


@pytest.mark.parametrize(("recorded", "expected"), [(True, S.COMPLIANT), (False, S.VIOLATION), (None, S.INSUFFICIENT_DATA)])
def test_2_2_3_every_case_records_its_whole_process(run: Any, status: Any, recorded: bool | None, expected: er.Status) -> None:
    extra = {} if recorded is None else {"fully_recorded": recorded}
    got = run(RECORD, doc(case(**extra)), AS_OF)
    assert status(got, "k1") is expected


def test_2_2_3_publication_stays_declined_with_its_reason() -> None:
    from enforcerules_national import plan

    (row,) = [d for d in plan.DECLINED if d.summary == "行政执法公示制度"]
    assert "第四十八条" in row.reason and "national.cases.full_process_record" in row.reason


# -- 行政处罚法 第三十二条 ------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["eliminated_harm", "coerced_or_induced", "confessed", "meritorious_service", "other_statutory"])
def test_art32_each_item_requires_a_lighter_or_mitigated_penalty(run: Any, status: Any, code: str) -> None:
    got = run(ART32, doc(case("plain", mitigating=[code]), case("lighter", mitigating=[code], outcome="lighter"),
                         case("mitigated", mitigating=[code], outcome="mitigated"), case("none")), AS_OF)
    assert [status(got, k) for k in ("plain", "lighter", "mitigated", "none")] == [S.VIOLATION, S.COMPLIANT, S.COMPLIANT, S.NOT_APPLICABLE]


# -- 行政处罚法 第三十三条 ------------------------------------------------------------------------


def test_art33_no_subjective_fault_shall_not_be_penalised(run: Any, status: Any) -> None:
    got = run(ART33, doc(case("pen", no_fault_proven=True), case("spared", no_fault_proven=True, outcome="not_penalised")), AS_OF)
    assert (status(got, "pen"), status(got, "spared")) == (S.VIOLATION, S.EXEMPT)


def test_art33_first_violation_minor_harm_corrected_may_be_spared(run: Any, status: Any) -> None:
    first = dict(first_violation=True, harm="minor", corrected_promptly=True)
    got = run(ART33, doc(case("pen", **first), case("spared", outcome="not_penalised", **first),
                         case("second", **{**first, "first_violation": False})), AS_OF)
    assert [status(got, k) for k in ("pen", "spared", "second")] == [S.COMPLIANT, S.EXEMPT, S.NOT_APPLICABLE]


def test_art33_applies_from_2021_07_15_and_after_the_plans_end(run: Any, status: Any) -> None:
    spared = dict(no_fault_proven=True)
    got = run(ART33, doc(case("old", "2021-07-14", **spared), case("new", "2021-07-15", **spared), case("later", "2026-06-01", **spared)), AS_OF)
    assert [status(got, k) for k in ("old", "new", "later")] == [S.OUT_OF_PERIOD, S.VIOLATION, S.VIOLATION]


# -- 行政处罚法 第四十二条 ------------------------------------------------------------------------


def test_art42_at_least_two_certified_officers(run: Any, status: Any) -> None:
    got = run(ART42, doc(case("two", handlers=("o1", "o2")), case("one", handlers=("o1", "o3")), case("alone", handlers=("o1",))), AS_OF)
    assert [status(got, k) for k in ("two", "one", "alone")] == [S.COMPLIANT, S.VIOLATION, S.VIOLATION]


def test_art42_certificates_count_from_their_issue_day(run: Any, status: Any) -> None:
    on_day = run(ART42, doc(case(decided="2024-05-10"), issued="2024-05-10"), AS_OF)
    day_before = run(ART42, doc(case(decided="2024-05-09"), issued="2024-05-10"), AS_OF)
    assert (status(on_day, "k1"), status(day_before, "k1")) == (S.COMPLIANT, S.VIOLATION)


@fixture_settings()
@given(handlers=st.lists(st.sampled_from(["o1", "o2", "o3"]), min_size=1, max_size=3, unique=True),
       certified=st.lists(st.sampled_from(["o1", "o2", "o3"]), max_size=3, unique=True))
def test_art42_compliance_implies_2_1_3_compliance(run: Any, status: Any, handlers: list[str], certified: list[str]) -> None:
    facts = doc(case(handlers=tuple(handlers)), certified=tuple(certified) or ("o1",), issued="2021-01-01" if certified else "2030-01-01")
    art42, independent = status(run(ART42, facts, AS_OF), "k1"), status(run(INDEPENDENT, facts, AS_OF), "k1")
    assert art42 is (S.COMPLIANT if len(set(handlers) & set(certified)) >= 2 else S.VIOLATION)
    if art42 is S.COMPLIANT:
        assert independent is S.COMPLIANT


# -- 行政处罚法 第五十八条 and 第四十二条: what the finding says ------------------------------


def test_art58_a_review_after_the_decision_is_named_as_a_decision_made_without_review(run: Any) -> None:
    got = run(REVIEW, doc(case(major=True, legal_review_on="2024-05-11")), AS_OF)
    (finding,) = [f for f in got if f.subject == "k1"]
    assert finding.status is S.VIOLATION and "第五十八条" in finding.explanation_zh and "2024-05-11" in finding.explanation_zh


def test_art58_a_review_on_the_decision_day_is_compliant_and_cites_no_breach(run: Any) -> None:
    got = run(REVIEW, doc(case(major=True, legal_review_on="2024-05-10")), AS_OF)
    (finding,) = [f for f in got if f.subject == "k1"]
    assert finding.status is S.COMPLIANT and "第五十八条" not in finding.explanation_zh


def test_art42_a_case_handled_by_one_officer_says_fewer_than_two_handled_it(run: Any) -> None:
    got = run(ART42, doc(case("alone", handlers=("o1",)), case("one", handlers=("o1", "o3"))), AS_OF)
    alone, one = ({f.subject: f for f in got})["alone"], ({f.subject: f for f in got})["one"]
    assert "仅有1名承办执法人员，少于2人" in alone.explanation_zh
    assert "少于2人" not in one.explanation_zh and "未持证" in one.explanation_zh  # two handled it; one lacked a certificate
