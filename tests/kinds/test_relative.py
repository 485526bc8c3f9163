"""RelativeDeadline on 大通区实施方案 三（二）: "在评估完成后15日内将总结评估报告报市司法局".

Counting per 《民法典》 arts. 201 (start day not counted) and 203 (a last day
on a 法定休假日 moves to the next working day), on the real 2024–2025
holiday arrangements.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.calendar import civil_code_period_end
from enforcerules.citation import citer
from enforcerules.errors import DeadlinePhraseError
from enforcerules.kinds import Counting, RelativeDeadline

from _support import ENGINES, registry_with

D = dt.date
S = er.Status
QUOTE = "在评估完成后15日内将总结评估报告报市司法局"
cite = citer("datong-plan")
OFFICIAL = er.HolidayCalendar.official()


def report_rule(counting: Counting = Counting.CIVIL_CODE) -> er.Rule:
    return er.Rule(
        id="datong.evaluation.report_within_15_days", title_zh="评估报告报送", title_en="Evaluation report",
        citation=cite("三（二）", QUOTE),
        spec=RelativeDeadline(trigger="implementation_evaluation", response="evaluation_report_sent", days="15日内",
                              counting=counting, label_zh="报送总结评估报告", label_en="send the evaluation report"),
        scope=er.Scope(er.Subject.UNIT, unit_kinds=(er.UnitKind.JUSTICE,)),
        responsible=("区司法局",),
    )


UNITS = (
    er.Unit(id="dt_justice", name="大通区司法局", kind=er.UnitKind.JUSTICE, level=er.Level.COUNTY),
    er.Unit(id="dt_market", name="大通区市场监管局", kind=er.UnitKind.ENFORCEMENT, level=er.Level.COUNTY),
)


def facts(*events: tuple[str, str, dt.date], units: tuple[er.Unit, ...] = UNITS) -> er.Facts:
    return er.Facts(units=units, events=tuple(er.Event(id=f"e{i}", kind=k, subject=s, on=d) for i, (k, s, d) in enumerate(events)))


def evaluation(day: dt.date, unit: str = "dt_justice") -> tuple[str, str, dt.date]:
    return ("implementation_evaluation", unit, day)


def report(day: dt.date, unit: str = "dt_justice") -> tuple[str, str, dt.date]:
    return ("evaluation_report_sent", unit, day)


def run(f: er.Facts, as_of: dt.date, engine: str, rule: er.Rule | None = None, **kw: object) -> list[er.Finding]:
    j = er.Jurisdiction(id="datong", name_zh="大通区", name_en="Datong", level=er.Level.COUNTY, rules=(rule or report_rule(),))
    return list(er.evaluate(registry_with(j).rulebook("datong"), f, as_of, engine=engine, **kw).findings)  # type: ignore[arg-type]


def only(findings: list[er.Finding]) -> er.Finding:
    assert len(findings) == 1, findings
    return findings[0]


@pytest.mark.parametrize("engine", ENGINES)
def test_san_2_report_on_the_15th_day_after_the_midterm_evaluation_is_compliant(engine: str) -> None:
    # Mid-term evaluation done 2024-09-10 ("2024年9月中旬前"); the 15th day is Wednesday 2024-09-25.
    f = only(run(facts(evaluation(D(2024, 9, 10)), report(D(2024, 9, 25))), D(2024, 12, 1), engine))
    assert f.status is S.COMPLIANT and f.due == D(2024, 9, 25)
    assert f.citation.quote == QUOTE and f.subject == "dt_justice"
    assert "2024-09-25" in f.explanation_zh and "第二百零一条" in f.explanation_zh


@pytest.mark.parametrize("engine", ENGINES)
def test_san_2_report_on_the_16th_day_is_late(engine: str) -> None:
    f = only(run(facts(evaluation(D(2024, 9, 10)), report(D(2024, 9, 26))), D(2024, 12, 1), engine))
    assert f.status is S.LATE and "2024-09-26" in f.explanation_en


@pytest.mark.parametrize("engine", ENGINES)
def test_san_2_art_203_period_ending_on_national_day_runs_to_october_8(engine: str) -> None:
    f = only(run(facts(evaluation(D(2024, 9, 16)), report(D(2024, 10, 8))), D(2024, 12, 1), engine))
    assert f.status is S.COMPLIANT and f.due == D(2024, 10, 8)


@pytest.mark.parametrize("engine", ENGINES)
def test_san_2_plain_calendar_days_do_not_extend_over_national_day(engine: str) -> None:
    rule = report_rule(Counting.CALENDAR_DAYS)
    f = only(run(facts(evaluation(D(2024, 9, 16)), report(D(2024, 10, 8))), D(2024, 12, 1), engine, rule))
    assert f.status is S.LATE and f.due == D(2024, 10, 1)


@pytest.mark.parametrize("engine", ENGINES)
def test_san_2_weekends_false_does_not_extend_over_an_ordinary_saturday(engine: str) -> None:
    # 2024-11-01 + 15 = Saturday 2024-11-16: Monday 18th by default, the Saturday itself with weekends=False.
    f = facts(evaluation(D(2024, 11, 1)), report(D(2024, 11, 18)))
    assert only(run(f, D(2024, 12, 1), engine)).status is S.COMPLIANT
    strict = only(run(f, D(2024, 12, 1), engine, calendar=er.HolidayCalendar.official(weekends=False)))
    assert strict.status is S.LATE and strict.due == D(2024, 11, 16)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("as_of", "status"), [(D(2024, 10, 5), S.PENDING), (D(2024, 10, 8), S.PENDING), (D(2024, 10, 9), S.VIOLATION)])
def test_san_2_without_a_report_pending_through_the_last_day_then_violation(engine: str, as_of: dt.date, status: er.Status) -> None:
    f = only(run(facts(evaluation(D(2024, 9, 16))), as_of, engine))
    assert f.status is status and f.due == D(2024, 10, 8)


@pytest.mark.parametrize("engine", ENGINES)
def test_san_2_unit_without_an_evaluation_is_not_applicable_and_out_of_scope_units_are_silent(engine: str) -> None:
    f = only(run(facts(evaluation(D(2024, 9, 10), unit="dt_market")), D(2024, 12, 1), engine))
    assert f.status is S.NOT_APPLICABLE and f.subject == "dt_justice"


@pytest.mark.parametrize("engine", ENGINES)
def test_san_2_midterm_and_final_evaluations_are_judged_separately(engine: str) -> None:
    f = facts(evaluation(D(2024, 9, 10)), report(D(2024, 9, 20)), evaluation(D(2025, 9, 12)), report(D(2025, 10, 20)))
    findings = run(f, D(2025, 12, 1), engine)
    assert [x.status for x in findings] == [S.COMPLIANT, S.LATE]
    # 2025-09-12 + 15 = Saturday 09-27; the 28th is an adjusted working Sunday.
    assert [x.due for x in findings] == [D(2024, 9, 25), D(2025, 9, 28)]


@pytest.mark.parametrize("engine", ENGINES)
def test_san_2_a_report_before_the_evaluation_does_not_answer_it(engine: str) -> None:
    f = only(run(facts(report(D(2024, 9, 1)), evaluation(D(2024, 9, 10))), D(2024, 12, 1), engine))
    assert f.status is S.VIOLATION


@pytest.mark.parametrize("engine", ENGINES)
def test_san_2_report_on_the_evaluation_day_itself_counts(engine: str) -> None:
    assert only(run(facts(evaluation(D(2024, 9, 10)), report(D(2024, 9, 10))), D(2024, 12, 1), engine)).status is S.COMPLIANT


@pytest.mark.parametrize("engine", ENGINES)
def test_san_2_events_after_the_as_of_day_are_not_known_yet(engine: str) -> None:
    f = facts(evaluation(D(2024, 9, 10)), report(D(2024, 9, 20)))
    assert only(run(f, D(2024, 9, 15), engine)).status is S.PENDING
    assert only(run(f, D(2024, 9, 5), engine)).status is S.NOT_APPLICABLE


# -- holiday data missing ----------------------------------------------------------

ONLY_2024 = er.HolidayCalendar(holidays=(), workdays=(), first_year=2024, last_year=2024)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("events", "as_of", "status"), [
    ((), D(2025, 2, 1), S.INSUFFICIENT_DATA),  # due day unknown, no report
    ((report(D(2025, 1, 10)),), D(2025, 2, 1), S.INSUFFICIENT_DATA),  # after the plain 15th day: may be late
    ((report(D(2025, 1, 4)),), D(2025, 2, 1), S.COMPLIANT),  # within the plain count: on time whatever the holidays
    ((), D(2025, 1, 3), S.PENDING),  # the plain count has not run out yet
])
def test_san_2_without_holiday_data_only_sure_verdicts_are_given(engine: str, events: tuple[tuple[str, str, dt.date], ...], as_of: dt.date, status: er.Status) -> None:
    # 2024-12-20 + 15 = 2025-01-04, a year the calendar does not cover.
    f = only(run(facts(evaluation(D(2024, 12, 20)), *events), as_of, engine, calendar=ONLY_2024))
    assert f.status is status
    if status is S.INSUFFICIENT_DATA:
        assert "2025-01-04" in f.explanation_en and f.due is None


# -- declaration ---------------------------------------------------------------------


def test_days_may_be_the_plans_phrase_or_an_int() -> None:
    assert RelativeDeadline(trigger="a", response="b", days="15日内").days == 15
    assert RelativeDeadline(trigger="a", response="b", days=15) == RelativeDeadline(trigger="a", response="b", days="15日内")


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"days": -1}, ValueError, "'days'"),
    ({"days": True}, ValueError, "'days'"),
    ({"days": "15个工作日内"}, DeadlinePhraseError, "15个工作日内"),
    ({"trigger": ""}, ValueError, "'trigger'"),
    ({"response": "a"}, ValueError, "'response'"),
    ({"counting": "civil_code"}, TypeError, "'counting'"),
])
def test_bad_parameters_are_rejected_naming_the_field(kwargs: dict[str, object], error: type[Exception], match: str) -> None:
    params: dict[str, object] = {"trigger": "a", "response": "b", "days": 15, **kwargs}
    with pytest.raises(error, match=match):
        RelativeDeadline(**params)  # type: ignore[arg-type]


# -- property: the verdict is the 民法典 count -----------------------------------------

days_2024_2025 = st.dates(min_value=D(2024, 1, 1), max_value=D(2025, 12, 1))


@settings(max_examples=120, deadline=None)
@given(days_2024_2025, st.one_of(st.none(), st.integers(0, 40)), st.integers(0, 60), st.sampled_from(ENGINES))
def test_san_2_status_follows_the_civil_code_period_end(start: dt.date, reply_after: int | None, look_after: int, engine: str) -> None:
    as_of = start + dt.timedelta(days=look_after)
    events = [evaluation(start)] + ([report(start + dt.timedelta(days=reply_after))] if reply_after is not None else [])
    due = civil_code_period_end(start, 15, OFFICIAL)
    reply = start + dt.timedelta(days=reply_after) if reply_after is not None and reply_after <= look_after else None
    expected = (
        (S.COMPLIANT if reply <= due else S.LATE) if reply is not None
        else (S.PENDING if as_of <= due else S.VIOLATION)
    )
    f = only(run(facts(*events), as_of, engine))
    assert (f.status, f.due) == (expected, due)
