"""Deadline phrases of the five plans, their readings, and the policy switches."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.deadlines import DeadlineKind, within_days
from enforcerules.errors import DeadlinePhraseError

D = dt.date
DEFAULT, STRICT, LENIENT = er.DeadlinePolicy(), er.DeadlinePolicy.strict(), er.DeadlinePolicy.lenient()

# Every deadline phrase the five plans use, with the text around it (copied
# from the plans) and its due day under the default and the strict policy.
SEED_PHRASES = [
    ("国办发〔2023〕27号 二（一）2", "原则上于2024年6月前完成对本地区", "2024年6月前", D(2024, 6, 30), D(2024, 5, 31)),
    ("国办发〔2023〕27号 二（二）1", "要于2023年底前梳理形成本地", "2023年底前", D(2023, 12, 31), D(2023, 12, 31)),
    ("国办发〔2023〕27号 二（三）1", "于2024年底前研究制定本部", "2024年底前", D(2024, 12, 31), D(2024, 12, 31)),
    ("国办发〔2023〕27号 二（五）2", "2025年底前汇聚形成全国", "2025年底前", D(2025, 12, 31), D(2025, 12, 31)),
    ("国办发〔2023〕27号 一（三）", "（三）主要目标。到2025年底", "到2025年底", D(2025, 12, 31), D(2025, 12, 31)),
    ("山西省实施方案", "于2024年底前对已经下放乡", "于2024年底前", D(2024, 12, 31), D(2024, 12, 31)),
    ("山西省实施方案", "原则上于2024年6月底前完成对本地", "2024年6月底前", D(2024, 6, 30), D(2024, 6, 30)),
    ("辽宁省实施方案", "完成时限：持续推进", "持续推进", None, None),
    ("辽宁省实施方案", "2024年10月底前完成中期评估", "2024年10月底前", D(2024, 10, 31), D(2024, 10, 31)),
    ("辽宁省实施方案", "2025年10月底前完成终期评估", "2025年10月底前", D(2025, 10, 31), D(2025, 10, 31)),
    ("辽宁省实施方案", "2024年11月底前取得阶段性成", "2024年11月底前", D(2024, 11, 30), D(2024, 11, 30)),
    ("大通区实施方案", "完成时限：2024年8月底", "2024年8月底", D(2024, 8, 31), D(2024, 8, 31)),
    ("大通区实施方案", "完成时限：2025年8月底", "2025年8月底", D(2025, 8, 31), D(2025, 8, 31)),
    ("大通区实施方案", "完成时限：2024年底", "2024年底", D(2024, 12, 31), D(2024, 12, 31)),
    ("大通区实施方案 三（二）", "2024年9月中旬前完成中期评估", "2024年9月中旬前", D(2024, 9, 20), D(2024, 9, 10)),
    ("大通区实施方案 三（二）", "2025年9月中旬前完成终期评估", "2025年9月中旬前", D(2025, 9, 20), D(2025, 9, 10)),
    ("大通区实施方案", "完成时限：长期坚持", "长期坚持", None, None),
    ("大通区实施方案", "完成时限：按照上级部署开展", "按照上级部署开展", None, None),
    ("大通区实施方案", "完成时限：根据上级部署开展", "根据上级部署开展", None, None),
    ("大通区实施方案 （5）", "2024年6月前完成对本部门", "2024年6月前", D(2024, 6, 30), D(2024, 5, 31)),
    ("天津市实施方案", "于2024年10月底前完成中期评估", "2024年10月底前", D(2024, 10, 31), D(2024, 10, 31)),
]


@pytest.mark.parametrize(("document", "context", "phrase", "default", "strict"), SEED_PHRASES,
                         ids=[f"{p[0]}:{p[2]}" for p in SEED_PHRASES])
def test_every_deadline_phrase_of_the_plans_parses(document: str, context: str, phrase: str, default: dt.date | None, strict: dt.date | None) -> None:
    assert phrase in context
    deadline = er.Deadline(phrase)
    assert deadline.due(DEFAULT) == default
    assert deadline.due(STRICT) == strict
    assert deadline.ambiguous == (default != strict)


def test_liaoning_san_2_every_year_end_is_an_annual_deadline() -> None:
    # 辽宁省实施方案: "每年年底前向省政府报告任务完成情况"
    d = er.Deadline("每年年底前")
    assert d.kind is DeadlineKind.ANNUAL
    assert [d.due(DEFAULT, y) for y in (2023, 2024, 2025)] == [D(2023, 12, 31), D(2024, 12, 31), D(2025, 12, 31)]
    with pytest.raises(DeadlinePhraseError, match="每年年底前"):
        d.due(DEFAULT)


@pytest.mark.parametrize(("phrase", "kind"), [("长期坚持", DeadlineKind.STANDING), ("持续推进", DeadlineKind.STANDING),
                                              ("按照上级部署开展", DeadlineKind.ON_INSTRUCTION), ("根据上级部署开展", DeadlineKind.ON_INSTRUCTION)])
def test_standing_and_on_instruction_duties_have_no_date(phrase: str, kind: DeadlineKind) -> None:
    assert er.Deadline(phrase).kind is kind
    assert er.Deadline(phrase).due(STRICT) is None and not er.Deadline(phrase).ambiguous


def test_datong_san_2_fifteen_days_is_a_period_not_a_date() -> None:
    # 大通区实施方案 三（二）: "在评估完成后15日内将总结评估报告报市司法局"
    assert within_days("15日内") == 15
    with pytest.raises(DeadlinePhraseError, match="RelativeDeadline"):
        er.Deadline("15日内")


@pytest.mark.parametrize("phrase", ["15个工作日内", "十五日内", "评估完成后15日内", "15天", ""])
def test_within_days_rejects_other_forms_naming_the_phrase(phrase: str) -> None:
    with pytest.raises(DeadlinePhraseError) as info:
        within_days(phrase)
    assert repr(phrase) in str(info.value)


# -- month ends, February, leap years -------------------------------------------

years = st.integers(min_value=1900, max_value=2200)
months = st.integers(min_value=1, max_value=12)


@settings(max_examples=300)
@given(years, months)
def test_month_end_phrase_is_the_last_day_of_that_month(year: int, month: int) -> None:
    due = er.Deadline(f"{year}年{month}月底前").due()
    assert due is not None and (due.year, due.month) == (year, month)
    assert (due + dt.timedelta(days=1)).day == 1
    assert er.Deadline(f"{year}年{month}月底").due() == due  # Datong writes 底 without 前


@settings(max_examples=200)
@given(years)
def test_february_end_is_the_29th_exactly_in_leap_years(year: int) -> None:
    assert er.Deadline(f"{year}年2月底前").due() == D(year, 2, 29 if calendar.isleap(year) else 28)
    # "3月前" read strictly ends with February, too.
    assert er.Deadline(f"{year}年3月前").due(STRICT) == D(year, 2, 29 if calendar.isleap(year) else 28)


def test_february_2024_leap_year_and_2023_common_year() -> None:
    assert er.Deadline("2024年2月底前").due() == D(2024, 2, 29)
    assert er.Deadline("2023年2月底前").due() == D(2023, 2, 28)


@settings(max_examples=200)
@given(years, months)
def test_month_before_readings_differ_by_exactly_that_month(year: int, month: int) -> None:
    phrase = f"{year}年{month}月前"
    by_end = er.Deadline(phrase).due(DEFAULT)
    before = er.Deadline(phrase).due(er.DeadlinePolicy(month_before=er.MonthBeforeReading.BEFORE_MONTH))
    assert by_end == er.Deadline(f"{year}年{month}月底前").due()
    assert before is not None and before + dt.timedelta(days=1) == D(year, month, 1)


@settings(max_examples=200)
@given(years)
def test_year_end_forms_all_mean_31_december(year: int) -> None:
    for phrase in (f"{year}年底前", f"{year}年底", f"{year}年年底前", f"到{year}年底", f"于{year}年底前"):
        assert er.Deadline(phrase).due(STRICT) == D(year, 12, 31), phrase


# -- 中旬 (days 11–20) -----------------------------------------------------------


@settings(max_examples=200)
@given(years, months)
def test_mid_month_reads_as_the_20th_by_default_and_the_10th_strictly(year: int, month: int) -> None:
    d = er.Deadline(f"{year}年{month}月中旬前")
    assert d.due(DEFAULT) == D(year, month, 20)
    assert d.due(er.DeadlinePolicy(mid_month=er.MidMonthReading.BEFORE_START)) == D(year, month, 10)


# -- named days --------------------------------------------------------------------


@settings(max_examples=200)
@given(st.dates(min_value=D(1900, 1, 2), max_value=D(2200, 12, 31)))
def test_named_day_is_exclusive_by_default_and_inclusive_on_request(day: dt.date) -> None:
    d = er.Deadline(f"{day.year}年{day.month}月{day.day}日前")
    assert d.due(DEFAULT) == day - dt.timedelta(days=1)
    assert d.due(er.DeadlinePolicy(named_day=er.NamedDayReading.INCLUSIVE)) == day


# -- policy switches ---------------------------------------------------------------


@st.composite
def phrases(draw: st.DrawFn) -> str:
    y, m, day = draw(years), draw(months), draw(st.integers(1, 28))
    return draw(st.sampled_from([
        f"{y}年底前", f"{y}年{m}月底前", f"{y}年{m}月前", f"{y}年{m}月中旬前", f"{y}年{m}月{day}日前",
        f"到{y}年底", f"{y}年{m}月底", "长期坚持", "按照上级部署开展",
    ]))


@settings(max_examples=300)
@given(phrases())
def test_strict_never_later_lenient_never_earlier_and_only_ambiguous_phrases_move(phrase: str) -> None:
    d = er.Deadline(phrase)
    strict, default, lenient = d.due(STRICT), d.due(DEFAULT), d.due(LENIENT)
    if strict is None:
        assert default is None and lenient is None
        return
    assert default is not None and lenient is not None
    assert strict <= default <= lenient
    assert d.ambiguous == (strict != lenient)


def test_policy_fields_are_validated_by_name() -> None:
    with pytest.raises(TypeError, match="month_before"):
        er.DeadlinePolicy(month_before="by_month_end")  # type: ignore[arg-type]


def test_full_width_digits_read_as_ascii() -> None:
    assert er.Deadline("２０２４年６月底前").due() == D(2024, 6, 30)


# -- bad phrases -------------------------------------------------------------------


@pytest.mark.parametrize("phrase", [
    "2024年13月底前", "2024年0月前", "2023年2月29日前", "2024年6月31日前", "0000年底前",
    "2024年6月", "6月底前", "2024年6月上旬前", "尽快", "2024年底以前", "",
])
def test_bad_phrases_raise_naming_the_phrase(phrase: str) -> None:
    with pytest.raises(DeadlinePhraseError) as info:
        er.Deadline(phrase)
    assert repr(phrase) in str(info.value)


@settings(max_examples=300)
@given(st.text(max_size=20))
def test_arbitrary_text_either_parses_or_raises_naming_it(text: str) -> None:
    try:
        d = er.Deadline(text)
    except DeadlinePhraseError as exc:
        assert repr(text) in str(exc)
        return
    assert d.kind in DeadlineKind  # a real phrase drawn at random


def test_non_string_phrase_is_rejected() -> None:
    with pytest.raises(DeadlinePhraseError, match="2024"):
        er.Deadline(2024)  # type: ignore[arg-type]
