"""The evaluation pipeline: determinism, isolation, periods, missing subjects."""

from __future__ import annotations

import datetime as dt
import random

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.compile import compile_rule
from enforcerules.kinds import Branch

from _support import AS_OF, ENGINES, Plugin, registry_with, review_rule, small_facts, task_rule, training_rule

ROOT = er.Jurisdiction(id="root", name_zh="根", name_en="Root", level=er.Level.NATIONAL,
                       rules=(training_rule(), task_rule(), review_rule()))
OTHER = er.Jurisdiction(id="other", name_zh="他", name_en="Other", level=er.Level.NATIONAL,
                        rules=(training_rule("other.training.hours", 20),))


def training(n: int, hours: float, when: str = "2024-06-01T09:00:00") -> list[dict[str, object]]:
    return [{"id": f"t{i}", "officer": "o1", "hours": hours, "category": "business", "held_at": when} for i in range(n)]


@pytest.mark.parametrize("engine", ENGINES)
def test_findings_carry_citation_quote_and_explanations(engine: str) -> None:
    report = er.evaluate(registry_with(ROOT).rulebook("root"), small_facts(training=training(3, 20)), AS_OF, engine=engine)
    assert report.engine == engine
    f = next(f for f in report.findings if f.rule_id == "root.training.hours" and f.period == "2024")
    assert f.status is er.Status.COMPLIANT
    assert f.citation.quote == "每人每年不少于60学时" and "60" in f.explanation_zh and f.explanation_en


@pytest.mark.parametrize("engine", ENGINES)
def test_facts_after_the_effective_period_are_out_of_period(engine: str) -> None:
    report = er.evaluate(registry_with(ROOT).rulebook("root"), small_facts(training=training(1, 70, "2026-03-01T09:00:00")), AS_OF, engine=engine)
    f = next(f for f in report.findings if f.rule_id == "root.training.hours" and f.period == "2026")
    assert f.status is er.Status.OUT_OF_PERIOD and "2026" in f.explanation_zh


@pytest.mark.parametrize("engine", ENGINES)
def test_a_rule_with_no_subjects_reports_insufficient_data(engine: str) -> None:
    facts = er.load_facts({"units": [{"id": "j", "name": "司法局", "kind": "justice", "level": "county"}]})
    report = er.evaluate(registry_with(ROOT).rulebook("root"), facts, AS_OF, engine=engine)
    f = next(f for f in report.findings if f.rule_id == "root.training.hours")
    assert f.status is er.Status.INSUFFICIENT_DATA and f.subject == "*"


def test_the_as_of_day_is_taken_in_china_time() -> None:
    late_utc = dt.datetime(2023, 12, 31, 17, 0, tzinfo=dt.timezone.utc)  # 2024-01-01 01:00 CST
    report = er.evaluate(registry_with(ROOT).rulebook("root"), small_facts(), late_utc, engine="python")
    assert report.as_of == dt.date(2024, 1, 1)
    f = next(f for f in report.findings if f.rule_id == "root.task.list")
    assert f.status is er.Status.VIOLATION


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_fact_order(rnd: random.Random) -> None:
    facts = small_facts(
        officers=[{"id": f"o{i}", "unit": "u1", "hired_on": "2020-01-01"} for i in range(6)],
        training=[{"id": f"t{i}", "officer": f"o{i % 6}", "hours": 7.5, "category": "business", "held_at": f"202{3 + i % 3}-0{1 + i % 9}-15T10:00:00"} for i in range(40)],
        events=[{"id": f"e{i}", "kind": "case_file_review", "subject": "u1", "on": f"202{3 + i}-05-01"} for i in range(3)],
    )
    shuffled = facts.replace(**{name: tuple(rnd.sample(list(recs), len(recs))) for name, recs in facts.records()})
    book = registry_with(ROOT).rulebook("root")
    assert er.evaluate(book, shuffled, AS_OF, engine="python").findings == er.evaluate(book, facts, AS_OF, engine="python").findings


@pytest.mark.parametrize("engine", ENGINES)
def test_two_rulebooks_in_one_process_do_not_interfere(engine: str) -> None:
    reg = er.Registry(discover=False)
    reg.register(Plugin(ROOT, OTHER))
    facts = small_facts(training=training(1, 30))
    first = er.evaluate(reg.rulebook("root"), facts, AS_OF, engine=engine)
    other = er.evaluate(reg.rulebook("other"), facts, AS_OF, engine=engine)
    again = er.evaluate(reg.rulebook("root"), facts, AS_OF, engine=engine)
    assert first.findings == again.findings
    assert {f.rule_id for f in other.findings} == {"other.training.hours"}
    assert next(f for f in other.findings if f.period == "2024").status is er.Status.COMPLIANT
    assert next(f for f in first.findings if f.period == "2024" and f.rule_id == "root.training.hours").status is er.Status.VIOLATION


def test_compiled_rules_must_end_with_a_catch_all() -> None:
    class NoCatchAll(type(training_rule().spec)):  # type: ignore[misc]
        def branches(self, rule, policy):  # type: ignore[no-untyped-def]
            return [Branch(er.Status.COMPLIANT, {"tot": 1})]

    rule = attrs.evolve(training_rule(), spec=NoCatchAll(min_hours=1, counted=()))
    with pytest.raises(er.DeclarationError, match="catch-all"):
        compile_rule(rule, er.DeadlinePolicy())


def test_compiled_form_is_inspectable_json() -> None:
    compiled = er.compile_rulebook(registry_with(ROOT).rulebook("root"))
    ruleset = compiled["root.training.hours"].ruleset
    assert ruleset["b1"] == {"all": [{"m": {"$and": [{"t": "obs"}, {"$gte": {"tot": 60_000_000}}]}}], "run": "b1"}
    assert ruleset["b3"] == {"all": [{"m": {"t": "obs"}}], "run": "b3"}


def test_report_json_has_digest_as_of_and_summary() -> None:
    report = er.evaluate(registry_with(ROOT).rulebook("root"), small_facts(), AS_OF, engine="python")
    data = report.to_json()
    assert data["rulebook_digest"] == registry_with(ROOT).rulebook("root").digest
    assert data["as_of"] == "2026-11-23" and sum(data["summary"].values()) == len(data["findings"])


def test_before_the_effective_period_a_rule_reports_itself_not_yet_in_effect() -> None:
    report = er.evaluate(registry_with(ROOT).rulebook("root"), small_facts(), dt.date(2023, 1, 5), engine="python")
    f = next(f for f in report.findings if f.rule_id == "root.training.hours")
    assert f.status is er.Status.OUT_OF_PERIOD and f.subject == "*" and "2023-08-09" in f.explanation_zh


def test_auto_engine_is_the_columnar_executor_and_never_imports_durable_rules() -> None:
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent("""
        import datetime as dt, sys
        import enforcerules as er
        from enforcerules.engine import get_executor
        assert get_executor("auto").name == "columnar"
        facts = er.load_facts({"units": [{"id": "u", "name": "某局", "kind": "enforcement", "level": "county"}],
                               "officers": [{"id": "o", "unit": "u", "hired_on": "2020-01-01"}]})
        report = er.evaluate(er.load_rulebook("national"), facts, dt.date(2025, 6, 30))
        print(report.engine, len(report.findings), sorted(m for m in sys.modules if m.startswith("durable")))
    """)
    proc = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    engine, count, modules = proc.stdout.split(maxsplit=2)
    assert engine == "columnar" and int(count) > 5 and modules.strip() == "[]"

