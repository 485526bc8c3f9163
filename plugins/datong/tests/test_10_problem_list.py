"""（10） 梳理形成本地区各行政执法领域的突出问题清单……专项整治情况报送区司法局汇总。
完成时限：2024年8月底 — later than the national "2023年底前" (二（二）1): a declared
relaxation (Intent.RELAX) of national.rectification.problem_list."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.testing.plugin_kit import fixture_settings
from enforcerules_datong import documents

S = er.Status
D = dt.date
PROBLEM_LIST = "national.rectification.problem_list"
REPORT = "datong.rectification.special_rectification_report"
END_OF_AUGUST = D(2024, 8, 31)


def test_10_problem_list_is_relaxed_to_end_of_august_2024_with_both_citations(datong) -> None:
    resolved = datong.get(PROBLEM_LIST)
    assert resolved.declared_by == "national" and resolved.jurisdiction == "datong"
    (record,) = resolved.overrides
    assert record.intent is er.Intent.RELAX and record.jurisdiction == "datong"
    assert resolved.rule.spec.deadline.phrase == "2024年8月底"
    assert resolved.rule.spec.deadline.due() == END_OF_AUGUST
    assert resolved.rule.citation.document == documents.PLAN.id and resolved.rule.citation.clause == "（10）"
    assert resolved.overrides[-1].previous.citation.document == "gbf-2023-27"
    assert resolved.overrides[-1].previous.citation.clause == "二（二）1"
    assert resolved.overrides[-1].previous.spec.deadline.due() == D(2023, 12, 31)
    assert resolved.rule.responsible == ("全区行政执法部门",) and resolved.rule.supporting == ("区司法局",)


def test_10_override_takes_effect_on_datongs_issue_day_and_the_national_rule_governs_before(datong, national) -> None:
    # rulebook.resolve: a local plan's override starts on its issue day, 2024-03-25; the
    # national rule (due 2023-12-31, before that day) is kept for the days before it.
    assert national.get(PROBLEM_LIST).rule.effective == er.PLAN_PERIOD
    assert datong.get(PROBLEM_LIST).rule.effective == er.Period(D(2024, 3, 25), er.PLAN_PERIOD.end)
    before = datong.get(f"{PROBLEM_LIST}.before_datong")
    assert before.superseded_by == PROBLEM_LIST and before.jurisdiction == "national"
    assert before.rule.effective == er.Period(er.PLAN_PERIOD.start, D(2024, 3, 24))
    assert before.rule.spec == national.get(PROBLEM_LIST).rule.spec
    assert datong.get("datong.rectification.special_rectification_report").rule.effective.start == D(2024, 3, 25)


def test_10_relax_is_really_later_than_the_national_date(datong) -> None:
    resolved = datong.get(PROBLEM_LIST)
    assert resolved.rule.spec.deadline.due() > resolved.overrides[-1].previous.spec.deadline.due()


def test_10_a_list_of_may_2024_is_on_time_in_datong_and_late_nationally(run, run_national, status, make_doc) -> None:
    facts = make_doc([("problem_list", "market", "2024-05-01")])
    datong_finding = [f for f in run(PROBLEM_LIST, facts, D(2026, 11, 23)) if f.subject == "market"][0]
    national_finding = [f for f in run_national(PROBLEM_LIST, facts, D(2026, 11, 23)) if f.subject == "market"][0]
    assert (datong_finding.status, national_finding.status) == (S.COMPLIANT, S.LATE)
    assert datong_finding.citation.document == documents.PLAN.id
    assert datong_finding.jurisdiction == "datong" and datong_finding.overridden_by == ("datong",)
    assert national_finding.citation.document == "gbf-2023-27"


def test_10_pending_through_31_august_2024_violation_from_1_september(run, status, make_doc) -> None:
    assert status(run(PROBLEM_LIST, make_doc(), END_OF_AUGUST), "market") is S.PENDING
    assert status(run(PROBLEM_LIST, make_doc(), END_OF_AUGUST + dt.timedelta(days=1)), "market") is S.VIOLATION


@fixture_settings(40)
@given(done=st.dates(min_value=D(2023, 9, 1), max_value=D(2025, 6, 30)))
def test_10_list_and_rectification_report_share_the_august_boundary(run, status, make_doc, done) -> None:
    facts = make_doc([("problem_list", "eco", done.isoformat()), ("special_rectification_report", "eco", done.isoformat())])
    expected = S.COMPLIANT if done <= END_OF_AUGUST else S.LATE
    assert status(run(PROBLEM_LIST, facts, D(2026, 11, 23)), "eco") is expected
    assert status(run(REPORT, facts, D(2026, 11, 23)), "eco") is expected
