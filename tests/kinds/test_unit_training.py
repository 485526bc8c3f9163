"""UnitTrainingHours on 天津市实施方案 二（二）2 "有关区级行政执法部门负责对……乡镇（街道）综合执法
人员每年开展不少于2次业务培训": sessions a unit organises, each counted once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.citation import citer
from enforcerules.kinds import UnitTrainingHours

from _support import ENGINES

S = er.Status
AS_OF = dt.date(2026, 1, 10)
cite = citer("tianjin-plan")
BUSINESS = er.TrainingCategory.BUSINESS


def rule(**params: Any) -> er.Rule:
    spec = UnitTrainingHours(**{"min_sessions": 2, "categories": (BUSINESS,), "label_zh": "业务培训", **params})
    return er.Rule(
        id="tianjin.training.unit_sessions", title_zh="每年开展不少于2次业务培训", title_en="Two business trainings a year",
        citation=cite("二（二）2", "每年开展不少于2次业务培训"), spec=spec,
        scope=er.Scope(er.Subject.UNIT, unit_kinds=(er.UnitKind.ENFORCEMENT,), levels=(er.Level.COUNTY,)),
        effective=er.Period(dt.date(2024, 1, 1), dt.date(2025, 12, 31)),
    )


def facts(sessions: list[tuple[str, int, float, str]], officers: int = 3, township: bool = True) -> er.Facts:
    """*sessions*: (session id, attendees, hours, day) held by unit 'd'."""
    doc: dict[str, Any] = {
        "units": [{"id": "d", "name": "某区市场监管局", "kind": "enforcement", "level": "county"},
                  {"id": "t", "name": "某镇综合执法队", "kind": "enforcement", "level": "township"}],
        "officers": [{"id": f"o{i}", "unit": "t", "hired_on": "2020-01-01", "township": township} for i in range(officers)],
        "training": [
            {"id": f"{sid}-{k}", "officer": f"o{k}", "hours": hours, "category": "business", "held_at": f"{day}T09:00:00+08:00",
             "organising_unit": "d", "session": sid}
            for sid, attendees, hours, day in sessions for k in range(attendees)
        ],
    }
    return er.facts_from_json(doc)


def status(f: er.Facts, engine: str, r: er.Rule | None = None, as_of: dt.date = AS_OF, year: str = "2025") -> er.Status:
    jur = er.Jurisdiction(id="tianjin_test", name_zh="测试", name_en="test", level=er.Level.PROVINCE, rules=(r or rule(),))
    reg = er.Registry(discover=False)

    class Plugin:
        @er.hookimpl
        def enforcerules_jurisdictions(self) -> list[er.Jurisdiction]:
            return [jur]

    reg.register(Plugin(), name="p")
    report = er.evaluate(reg.rulebook("tianjin_test"), f, as_of, engine=engine)
    (hit,) = [x for x in report.findings if x.subject == "d" and x.period == year]
    return hit.status


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("held", "expected"), [(1, S.VIOLATION), (2, S.COMPLIANT)])
def test_tianjin_2_2_2_two_sessions_a_year_on_both_sides(engine: str, held: int, expected: er.Status) -> None:
    sessions = [(f"s{i}", 3, 4, f"2025-0{i + 3}-01") for i in range(held)]
    assert status(facts(sessions), engine) is expected


@pytest.mark.parametrize("engine", ENGINES)
def test_tianjin_2_2_2_a_session_of_forty_officers_counts_once(engine: str) -> None:
    assert status(facts([("s1", 40, 4, "2025-03-01")], officers=40), engine) is S.VIOLATION
    assert status(facts([("s1", 40, 4, "2025-03-01"), ("s2", 1, 4, "2025-06-01")], officers=40), engine) is S.COMPLIANT


@pytest.mark.parametrize("engine", ENGINES)
def test_tianjin_2_2_2_pending_until_the_year_ends(engine: str) -> None:
    one = facts([("s1", 2, 4, "2025-03-01")])
    assert status(one, engine, as_of=dt.date(2025, 12, 31)) is S.PENDING
    assert status(one, engine, as_of=dt.date(2026, 1, 1)) is S.VIOLATION


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("hours", "expected"), [(7.999999, S.VIOLATION), (8, S.COMPLIANT)])
def test_unit_hours_compared_exactly(engine: str, hours: float, expected: er.Status) -> None:
    r = rule(min_sessions=0, min_hours=16)
    assert status(facts([("s1", 5, 8, "2025-03-01"), ("s2", 5, hours, "2025-04-01")]), engine, r) is expected


@pytest.mark.parametrize("engine", ENGINES)
def test_a_session_counts_the_hours_of_its_longest_record_not_their_sum(engine: str) -> None:
    r = rule(min_sessions=0, min_hours=9)
    # three officers at one 8-hour session: 8 hours organised, not 24
    assert status(facts([("s1", 3, 8, "2025-03-01")]), engine, r) is S.VIOLATION
    assert status(facts([("s1", 3, 9, "2025-03-01")]), engine, r) is S.COMPLIANT


@pytest.mark.parametrize("engine", ENGINES)
def test_tianjin_2_2_2_township_audience_only_counts_sessions_township_officers_attended(engine: str) -> None:
    r = rule(township_audience=True)
    two = [("s1", 2, 4, "2025-03-01"), ("s2", 2, 4, "2025-06-01")]
    assert status(facts(two, township=True), engine, r) is S.COMPLIANT
    assert status(facts(two, township=False), engine, r) is S.VIOLATION


def test_explanation_is_plain_chinese_and_says_each_session_counts_once() -> None:
    jur = er.Jurisdiction(id="tianjin_test", name_zh="测试", name_en="test", level=er.Level.PROVINCE, rules=(rule(),))
    reg = er.Registry(discover=False)

    class Plugin:
        @er.hookimpl
        def enforcerules_jurisdictions(self) -> list[er.Jurisdiction]:
            return [jur]

    reg.register(Plugin(), name="p")
    report = er.evaluate(reg.rulebook("tianjin_test"), facts([("s1", 40, 4, "2025-03-01")], officers=40), AS_OF)
    (f,) = [x for x in report.findings if x.subject == "d" and x.period == "2025"]
    assert "组织业务培训1次" in f.explanation_zh and "只计一次" in f.explanation_zh and "再组织1次业务培训" in f.remedy_zh


@pytest.mark.parametrize(("params", "match"), [
    ({"min_sessions": 0, "min_hours": 0}, "min_sessions"),
    ({"min_sessions": -1}, "'min_sessions'"),
    ({"min_hours": -1}, "'min_hours'"),
    ({"categories": ("nope",)}, "categories"),
])
def test_bad_parameters_name_the_field(params: dict[str, Any], match: str) -> None:
    with pytest.raises((ValueError, TypeError), match=match):
        UnitTrainingHours(**params)


@settings(max_examples=40, deadline=None)
@given(counts=st.lists(st.integers(1, 6), max_size=4), engine=st.sampled_from(ENGINES))
def test_tianjin_2_2_2_sessions_not_attendance_decide(counts: list[int], engine: str) -> None:
    sessions = [(f"s{i}", n, 2, f"2025-0{i + 2}-01") for i, n in enumerate(counts)]
    expected = S.COMPLIANT if len(counts) >= 2 else S.VIOLATION
    assert status(facts(sessions, officers=6), engine) is expected


def test_never_weaker_comparison_of_unit_training() -> None:
    from enforcerules.testing import Direction, Verdict, compare_rules

    base = rule()
    fewer = attrs_evolve(base, min_sessions=1)
    assert compare_rules(base, fewer).verdict is Verdict.WEAKER
    assert compare_rules(fewer, base).verdict is Verdict.NOT_WEAKER
    any_audience = compare_rules(attrs_evolve(base, township_audience=True), base)
    assert any_audience.verdict is Verdict.WEAKER and any(c.direction is Direction.WEAKER and c.parameter == "township_audience" for c in any_audience.changes)
    every_category = compare_rules(base, attrs_evolve(base, categories=()))
    assert every_category.verdict is Verdict.WEAKER


def attrs_evolve(r: er.Rule, **spec: Any) -> er.Rule:
    import attrs

    return attrs.evolve(r, spec=attrs.evolve(r.spec, **spec))


def test_generated_facts_hold_sessions_on_both_sides_of_the_count() -> None:
    from enforcerules.testing.strategies import facts_for

    counts: set[int] = set()
    attendance: set[int] = set()

    @settings(max_examples=40, database=None, deadline=None, derandomize=True)
    @given(facts_for([rule(categories=())], max_units=2, max_officers=2))
    def collect(f: er.Facts) -> None:
        sessions: dict[str, dict[str, int]] = {}
        for t in f.training:
            if t.organising_unit and t.session:
                per = sessions.setdefault(t.organising_unit, {})
                per[t.session] = per.get(t.session, 0) + 1
        counts.update(len(s) for s in sessions.values())
        attendance.update(n for s in sessions.values() for n in s.values())

    collect()
    assert {1, 2, 3} <= counts  # the rule's 2 sessions, one fewer, one more
    assert max(attendance) > 1  # a session several officers attended
