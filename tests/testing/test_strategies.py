"""The fact strategies: valid records, boundary days, consistent fact sets, malformed JSON."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import hypothesis
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.chinatime import CST
from enforcerules.facts import FACT_KINDS
from enforcerules.testing import key_dates
from enforcerules.testing import strategies as S

NATIONAL = er.load_rulebook("national")
FAST = settings(max_examples=40, database=None, deadline=None)


def test_from_type_works_in_a_fresh_interpreter_after_install() -> None:
    code = (
        "from hypothesis import strategies as st\n"
        "import enforcerules as er\n"
        "for cls in (er.Officer, er.Unit, er.Region, er.TrainingRecord, er.Certificate, er.TaskReport,\n"
        "            er.Event, er.Case, er.Metric, er.Facts):\n"
        "    value = st.from_type(cls).example()\n"
        "    assert isinstance(value, cls), (cls, value)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_strategies_module_asserts_its_own_export_list(monkeypatch: pytest.MonkeyPatch) -> None:
    S._check_exports()  # passes as shipped
    monkeypatch.setattr(S, "__all__", [n for n in S.__all__ if n != "facts_for"])
    with pytest.raises(AssertionError, match="facts_for"):
        S._check_exports()


@pytest.mark.parametrize("cls", sorted(FACT_KINDS.values(), key=lambda c: c.__name__), ids=lambda c: c.__name__)
def test_from_type_draws_valid_records_of_every_fact_class(cls: type) -> None:
    @FAST
    @given(st.from_type(cls))
    def check(record: object) -> None:
        assert isinstance(record, cls)
        # a valid record survives the JSON format unchanged
        section = next(k for k, v in FACT_KINDS.items() if v is cls)
        doc = er.facts_to_json(er.Facts(**{section: (record,)}))
        assert er.facts_from_json(doc).records  # parses without raising
    check()


@FAST
@given(S.facts_for(NATIONAL))
def test_fact_sets_are_referentially_valid(facts: er.Facts) -> None:
    back = er.facts_from_json(er.facts_to_json(facts))
    assert back.rejections == ()
    assert back == facts


@pytest.mark.parametrize("fault", S.MalformedDocument.FAULTS)
def test_malformed_documents_are_rejected_where_and_why_they_say(fault: str) -> None:
    planted: set[str] = set()

    @settings(max_examples=15, database=None, deadline=None)
    @given(S.malformed_documents(NATIONAL, faults=[fault]))
    def check(m: S.MalformedDocument) -> None:
        facts = er.load_facts(m.document)
        assert m.reported_by(facts.rejections), (m.fault, m.location, m.reason, [str(r) for r in facts.rejections])
        planted.add(m.fault)
    check()
    assert fault in planted  # a fault with nowhere to go falls back to wrong_type, but never always


def test_key_dates_hold_deadlines_period_ends_mid_month_days_and_holidays() -> None:
    days = set(key_dates(NATIONAL))
    # national.rectification.problem_list: 2023年底前, and the days either side
    assert {dt.date(2023, 12, 30), dt.date(2023, 12, 31), dt.date(2024, 1, 1)} <= days
    # 2024年6月前 under both readings (full-staff rotation)
    assert {dt.date(2024, 5, 31), dt.date(2024, 6, 30)} <= days
    assert {dt.date(2024, 2, 29), dt.date(2025, 3, 10), dt.date(2025, 3, 11), dt.date(2025, 3, 20), dt.date(2025, 3, 21)} <= days
    assert dt.date(2024, 10, 1) in days  # 国庆节
    assert dt.date(2024, 9, 29) in days  # an adjusted working Sunday
    assert dt.date(2024, 7, 16) not in days


@FAST
@given(S.cst_midnight_datetimes())
def test_midnight_instants_straddle_the_china_day_boundary(instant: dt.datetime) -> None:
    assert instant.tzinfo is not None
    cst = instant.astimezone(CST)
    midnight = min(
        (dt.datetime.combine(cst.date() + dt.timedelta(days=k), dt.time(), CST) for k in (0, 1)),
        key=lambda m: abs(m - cst),
    )
    assert abs(cst - midnight) <= dt.timedelta(minutes=90)


def test_midnight_instants_include_ones_whose_local_day_is_not_the_china_day() -> None:
    crossing: list[dt.datetime] = []

    @settings(max_examples=50, database=None, deadline=None, derandomize=True)
    @given(S.cst_midnight_datetimes())
    def collect(t: dt.datetime) -> None:
        if t.date() != t.astimezone(CST).date():
            crossing.append(t)
    collect()
    assert crossing


@settings(max_examples=60, database=None, deadline=None)
@given(S.training_histories("o1", NATIONAL, year=2024))
def test_2_1_2_training_histories_sit_on_the_sixty_hour_boundary(records: list[er.TrainingRecord]) -> None:
    counted = {er.TrainingCategory.PUBLIC_LAW, er.TrainingCategory.BUSINESS, er.TrainingCategory.ENFORCEMENT_SKILLS}
    micro = sum(round(r.hours * 10**6) for r in records if r.category in counted and r.held_at.astimezone(CST).year == 2024)
    sixty = 60 * 10**6
    assert micro in {sixty, sixty - 1, sixty + 1, sixty - 4000, sixty + 4000, 0, sixty // 2, sixty * 2}
    facts = er.Facts(units=(er.Unit("u", "u", er.UnitKind.ENFORCEMENT, er.Level.COUNTY),),
                     officers=(er.Officer("o1", "u", dt.date(2020, 1, 1)),), training=tuple(records))
    report = er.evaluate(NATIONAL, facts, dt.date(2025, 3, 1), engine="python")
    finding = next(f for f in report.findings if f.rule_id == "national.training.annual_hours" and f.period == "2024")
    assert finding.status is (er.Status.COMPLIANT if micro >= sixty else er.Status.VIOLATION)


ART33 = {
    "all_met": lambda c: c.first_violation and c.harm is er.Harm.MINOR and c.corrected_promptly,
    "serious_harm": lambda c: c.harm is er.Harm.SERIOUS and c.first_violation and c.corrected_promptly,
    "not_corrected": lambda c: not c.corrected_promptly and c.first_violation and c.harm is er.Harm.MINOR,
    "not_first": lambda c: not c.first_violation and c.harm is er.Harm.MINOR and c.corrected_promptly,
    "no_fault": lambda c: c.no_fault_proven,
}


@pytest.mark.parametrize("condition", sorted(ART33))
def test_art33_cases_reach_each_condition_and_its_neighbours(condition: str) -> None:
    case = hypothesis.find(S.art33_cases("u0", ["o1"]), ART33[condition],
                           settings=settings(max_examples=300, database=None, phases=[Phase.generate]))
    assert case.unit == "u0" and set(case.handling_officers) <= {"o1"}
