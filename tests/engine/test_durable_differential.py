"""Differential tests: the durable-rules and columnar executors must agree
with the Python executor (the oracle) on every observation, for compiled
rules of the real kinds, for generated conditions within the subset
conditions.py emits, and for whole reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.compile import CompiledRule, compile_rule
from enforcerules.engine_columnar import ColumnarExecutor
from enforcerules.engine_durable import DurableExecutor

from durable_support import CONDITIONS, POLICIES, SPECS, compiled, disagreement, fields_of, observations

DIFF = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REPORTS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: One executor each for the module: differential runs also check they carry nothing between calls.
DURABLE = DurableExecutor()
COLUMNAR = ColumnarExecutor()


def _agree(rule: CompiledRule, facts: list[dict[str, Any]]) -> None:
    assert not (problem := disagreement(rule, facts, DURABLE, COLUMNAR)), problem


# -- compiled rules of the real kinds --------------------------------------------


@DIFF
@given(data=st.data(), rule=SPECS, policy=POLICIES)
def test_real_kinds_agree_with_python(data: st.DataObject, rule: er.Rule, policy: er.DeadlinePolicy) -> None:
    comp = compile_rule(rule, policy)
    _agree(comp, data.draw(observations(fields_of(comp))))


# -- generated conditions within the compiled subset -------------------------------


@DIFF
@given(data=st.data(), conditions=st.lists(CONDITIONS, min_size=1, max_size=4), catch_all=st.booleans())
def test_generated_conditions_agree_with_python(data: st.DataObject, conditions: list[dict[str, Any]], catch_all: bool) -> None:
    rule = compiled(*conditions, catch_all=catch_all)
    _agree(rule, data.draw(observations(fields_of(rule))))


# -- whole reports ---------------------------------------------------------------

AS_OF = st.sampled_from([dt.date(2023, 12, 31), dt.date(2024, 1, 1), dt.date(2024, 6, 30), dt.date(2024, 7, 1), dt.date(2025, 12, 31), dt.date(2026, 11, 23)])
DAYS = st.sampled_from(["2023-01-01", "2023-12-31", "2024-01-01", "2024-05-31", "2024-06-30", "2024-07-01", "2024-12-31", "2025-06-15", "2025-12-31", "2026-01-01"])
TASKS = ["problem_list", "special_supervision", "discretion_baselines", "item_catalogue", "full_staff_rotation", "supervision_system", "delegation_evaluation", "national_database"]
EVENTS = ["annual_assessment", "higher_level_training", "supervision_work_plan"]
UNIT_IDS = ["market", "town", "gov"]


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    units = [
        {"id": "market", "name": "某县市场监督管理局", "kind": "enforcement", "level": "county"},
        {"id": "town", "name": "某镇综合行政执法队", "kind": "enforcement", "level": "township"},
        {"id": "gov", "name": "某县人民政府", "kind": "government", "level": "county"},
    ]
    n_officers = draw(st.integers(0, 5))
    officers = []
    for i in range(n_officers):
        officer = {"id": f"o{i}", "unit": draw(st.sampled_from(UNIT_IDS[:2])), "hired_on": draw(DAYS), "township": draw(st.booleans())}
        if draw(st.booleans()):
            officer["left_on"] = draw(DAYS)
            if officer["left_on"] < officer["hired_on"]:
                officer["hired_on"], officer["left_on"] = officer["left_on"], officer["hired_on"]
        officers.append(officer)
    ids = [o["id"] for o in officers] or ["o0"]
    training = [
        {
            "id": f"t{i}",
            "officer": draw(st.sampled_from(ids)),
            "hours": draw(st.one_of(st.integers(0, 70), st.sampled_from([59.99, 0.5, 30.25]))),
            "category": draw(st.sampled_from([c.value for c in er.TrainingCategory])),
            "held_at": draw(DAYS) + draw(st.sampled_from(["T00:00:00+08:00", "T23:59:59+08:00", "T16:30:00Z"])),
        }
        for i in range(draw(st.integers(0, 12)))
    ]
    reports = [
        {"id": f"r{i}", "task": draw(st.sampled_from(TASKS)), "unit": draw(st.sampled_from(UNIT_IDS)), "completed_on": draw(DAYS)}
        for i in range(draw(st.integers(0, 6)))
    ]
    events = [
        {"id": f"e{i}", "kind": draw(st.sampled_from(EVENTS)), "subject": draw(st.sampled_from(ids + UNIT_IDS)), "on": draw(DAYS)}
        for i in range(draw(st.integers(0, 8)))
    ]
    return {"units": units, "officers": officers, "training": training, "task_reports": reports, "events": events}


NATIONAL = er.load_rulebook("national")


@REPORTS
@given(doc=documents(), as_of=AS_OF, policy=POLICIES)
def test_whole_reports_agree_with_python(doc: dict[str, Any], as_of: dt.date, policy: er.DeadlinePolicy) -> None:
    facts = er.load_facts(doc)
    durable = er.evaluate(NATIONAL, facts, as_of, engine=DURABLE, policy=policy)
    python = er.evaluate(NATIONAL, facts, as_of, engine="python", policy=policy)
    columnar = er.evaluate(NATIONAL, facts, as_of, engine=COLUMNAR, policy=policy)
    assert durable.engine == "durable" and python.engine == "python" and columnar.engine == "columnar"
    assert durable.findings == python.findings == columnar.findings
    assert durable.table.equals(python.table) and columnar.table.equals(python.table)
    assert durable.findings  # every rule yields at least its insufficient-data finding
