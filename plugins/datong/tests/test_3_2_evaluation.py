"""三（二） 区司法局牵头开展实施情况评估，2024年9月中旬前完成中期评估，2025年9月中旬前
完成终期评估，在评估完成后15日内将总结评估报告报市司法局。

"中旬前" is ambiguous (DeadlinePolicy.mid_month: by the 20th by default, before
the 11th under strict()); the 15 days are counted per 《民法典》 arts. 201 and
203 with the official holiday calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.testing.plugin_kit import fixture_settings

S = er.Status
D = dt.date
STRICT = er.DeadlinePolicy.strict()
REPORT = "datong.evaluation.report_to_city"
CALENDAR = er.HolidayCalendar.official()


@pytest.mark.parametrize(("rule_id", "task", "by_end", "before_start"), [
    ("datong.evaluation.midterm", "midterm_evaluation", D(2024, 9, 20), D(2024, 9, 10)),
    ("datong.evaluation.final", "final_evaluation", D(2025, 9, 20), D(2025, 9, 10)),
], ids=["midterm_2024", "final_2025"])
def test_3_2_mid_september_read_by_the_20th_by_default_and_the_10th_strictly(datong, run, status, make_doc, rule_id, task, by_end, before_start) -> None:
    spec = datong.get(rule_id).rule.spec
    assert spec.deadline.phrase.endswith("年9月中旬前") and spec.deadline.ambiguous
    assert (spec.deadline.due(), spec.deadline.due(STRICT)) == (by_end, before_start)
    after = D(2026, 11, 23)
    on_11th = make_doc([(task, "justice", (before_start + dt.timedelta(days=1)).isoformat())])
    assert status(run(rule_id, on_11th, after), "justice") is S.COMPLIANT
    assert status(run(rule_id, on_11th, after, policy=STRICT), "justice") is S.LATE
    on_21st = make_doc([(task, "justice", (by_end + dt.timedelta(days=1)).isoformat())])
    assert status(run(rule_id, on_21st, after), "justice") is S.LATE


def test_3_2_report_counted_per_civil_code_with_statutory_holidays(datong) -> None:
    spec = datong.get(REPORT).rule.spec
    assert (spec.trigger, spec.response, spec.days) == (None, "evaluation_report_to_city", 15)
    assert spec.counting.value == "civil_code"


def test_3_2_the_evaluations_the_report_follows_are_the_midterm_and_final_tasks(datong) -> None:
    evaluations = {datong.get(r).rule.spec.task for r in ("datong.evaluation.midterm", "datong.evaluation.final")}
    assert set(datong.get(REPORT).rule.spec.trigger_tasks) == evaluations == {"midterm_evaluation", "final_evaluation"}


@pytest.mark.parametrize("task", ["midterm_evaluation", "final_evaluation"])
@pytest.mark.parametrize(("reported", "expected"), [
    ("2024-10-08", S.COMPLIANT),  # the last day after the National Day extension
    ("2024-10-09", S.LATE),
])
def test_3_2_evaluation_reported_done_without_an_event_starts_the_15_days(run, status, make_doc, task, reported, expected) -> None:
    # Evaluation reported done 2024-09-20, no 'evaluation_completed' event: the report is due 2024-10-08.
    facts = make_doc([(task, "justice", "2024-09-20")], events=[("evaluation_report_to_city", "justice", reported)])
    findings = run(REPORT, facts, D(2026, 11, 23))
    assert status(findings, "justice") is expected
    assert findings[0].due == D(2024, 10, 8)


def test_3_2_evaluation_reported_done_and_no_report_pending_through_8_october_then_violation(run, status, make_doc) -> None:
    facts = make_doc([("midterm_evaluation", "justice", "2024-09-20")])
    assert status(run(REPORT, facts, D(2024, 10, 8)), "justice") is S.PENDING
    assert status(run(REPORT, facts, D(2024, 10, 9)), "justice") is S.VIOLATION


def test_3_2_an_evaluation_reported_and_recorded_as_an_event_the_same_day_starts_one_period(run, make_doc) -> None:
    facts = make_doc(
        [("midterm_evaluation", "justice", "2024-09-20")],
        events=[("evaluation_completed", "justice", "2024-09-20"), ("evaluation_report_to_city", "justice", "2024-10-08")],
    )
    findings = run(REPORT, facts, D(2026, 11, 23))
    assert [(f.status, f.due) for f in findings] == [(S.COMPLIANT, D(2024, 10, 8))]


def test_3_2_midterm_and_final_reported_done_each_start_a_period(run, make_doc) -> None:
    facts = make_doc(
        [("midterm_evaluation", "justice", "2024-09-20"), ("final_evaluation", "justice", "2025-09-12")],
        events=[("evaluation_report_to_city", "justice", "2024-10-08")],
    )
    findings = sorted(run(REPORT, facts, D(2026, 11, 23)), key=lambda f: f.due)
    assert [(f.due, f.status) for f in findings] == [(D(2024, 10, 8), S.COMPLIANT), (D(2025, 9, 28), S.VIOLATION)]


def test_3_2_another_task_reported_done_starts_no_period(run, status, make_doc) -> None:
    facts = make_doc([("evaluation_index_system", "justice", "2024-09-20")])
    assert status(run(REPORT, facts, D(2026, 11, 23)), "justice") is S.NOT_APPLICABLE


def test_3_2_fifteen_days_from_20_september_2024_run_past_national_day(datong) -> None:
    # 9-20 + 15 days = 10-05, inside the National Day holiday (10-01..10-07):
    # the period ends on the next working day.
    due = er.civil_code_period_end(D(2024, 9, 20), 15, CALENDAR)
    assert CALENDAR.is_rest_day(D(2024, 10, 5)) and not CALENDAR.is_rest_day(due)
    assert due == D(2024, 10, 8)


@pytest.mark.parametrize(("reported", "expected"), [
    ("2024-10-05", S.COMPLIANT),  # the plain 15th day, a holiday
    ("2024-10-08", S.COMPLIANT),  # the last day after the extension
    ("2024-10-09", S.LATE),
])
def test_3_2_midterm_report_on_either_side_of_8_october_2024(run, status, make_doc, reported, expected) -> None:
    events = [("evaluation_report_to_city", "justice", reported)]
    findings = run(REPORT, make_doc([("midterm_evaluation", "justice", "2024-09-20")], events=events), D(2026, 11, 23))
    assert status(findings, "justice") is expected
    assert findings[0].due == D(2024, 10, 8)


def test_3_2_unreported_midterm_pending_through_8_october_then_violation(run, status, make_doc) -> None:
    done = [("midterm_evaluation", "justice", "2024-09-20")]
    assert status(run(REPORT, make_doc(done), D(2024, 10, 8)), "justice") is S.PENDING
    assert status(run(REPORT, make_doc(done), D(2024, 10, 9)), "justice") is S.VIOLATION


def test_3_2_final_evaluation_report_ends_on_an_adjusted_working_sunday(run, status, make_doc) -> None:
    # 2025-09-12 + 15 = 09-27, a Saturday; 09-28 is a Sunday worked for National Day 2025.
    due = er.civil_code_period_end(D(2025, 9, 12), 15, CALENDAR)
    assert due == D(2025, 9, 28) and due.weekday() == 6
    events = [("evaluation_report_to_city", "justice", "2025-09-29")]
    assert status(run(REPORT, make_doc([("final_evaluation", "justice", "2025-09-12")], events=events), D(2026, 11, 23)), "justice") is S.LATE


def test_3_2_no_evaluation_yet_means_no_report_due(run, status, make_doc) -> None:
    assert status(run(REPORT, make_doc(), D(2024, 9, 1)), "justice") is S.NOT_APPLICABLE


@pytest.mark.parametrize(("completed", "expected"), [
    ("2024-03-24", S.OUT_OF_PERIOD),  # the day before the plan was issued
    ("2024-03-25", S.COMPLIANT),  # the issue day: Datong's rules apply
])
def test_3_2_an_evaluation_before_the_plan_was_issued_is_not_judged(run, status, make_doc, completed, expected) -> None:
    facts = make_doc([("midterm_evaluation", "justice", completed)], events=[("evaluation_report_to_city", "justice", "2024-04-01")])
    assert status(run(REPORT, facts, D(2026, 11, 23)), "justice") is expected


def test_3_2_binds_the_district_bureau_not_the_city_bureau_it_reports_to(run, make_doc) -> None:
    done = [("midterm_evaluation", "city_justice", "2024-09-20")]
    assert {f.subject for f in run(REPORT, make_doc(done), D(2026, 11, 23))} == {"justice"}


@fixture_settings(40)
@given(done=st.dates(min_value=D(2024, 9, 1), max_value=D(2025, 9, 30)), wait=st.integers(min_value=0, max_value=40))
def test_3_2_report_on_time_exactly_up_to_the_civil_code_last_day(run, status, make_doc, done, wait) -> None:
    reported = done + dt.timedelta(days=wait)
    events = [("evaluation_report_to_city", "justice", reported.isoformat())]
    expected = S.COMPLIANT if reported <= er.civil_code_period_end(done, 15, CALENDAR) else S.LATE
    facts = make_doc([("midterm_evaluation", "justice", done.isoformat())], events=events)
    assert status(run(REPORT, facts, D(2026, 11, 23)), "justice") is expected


@pytest.mark.parametrize(("recorded_as", "evaluated", "report_due"), [
    ("event", False, False),  # an 'evaluation_completed' event alone counts for neither rule
    ("task_report", True, True),  # the task report counts for both
])
def test_3_2_one_fact_one_reading_for_the_evaluation_and_its_15_day_report(run, status, make_doc, recorded_as, evaluated, report_due) -> None:
    if recorded_as == "event":
        facts = make_doc(events=[("evaluation_completed", "justice", "2024-09-20")])
    else:
        facts = make_doc([("midterm_evaluation", "justice", "2024-09-20")])
    as_of = D(2026, 11, 23)
    assert (status(run("datong.evaluation.midterm", facts, as_of), "justice") is S.COMPLIANT) is evaluated
    assert (status(run(REPORT, facts, as_of), "justice") is S.VIOLATION) is report_due
    if not report_due:
        assert status(run(REPORT, facts, as_of), "justice") is S.NOT_APPLICABLE
