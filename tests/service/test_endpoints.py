"""Every endpoint answers what the library answers for the same input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings, strategies as st

import enforcerules as er
from enforcerules.citation import citer
from enforcerules.engine import get_executor
from enforcerules.kinds import MitigationRequired, PenaltyDisposition
from enforcerules.service import create_app

from _support import registry_with

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NATIONAL = EXAMPLES / "national.json"
AS_OF = dt.date(2025, 12, 1)


def test_health_names_the_engine_and_counts_the_jurisdictions(client: TestClient, registry: er.Registry) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["version"] == er.__version__
    assert body["jurisdictions"] == len(registry.jurisdictions()) >= 5
    assert body["engine"] == get_executor("auto").name


def test_jurisdictions_list_every_installed_one_with_its_digest(client: TestClient, registry: er.Registry) -> None:
    body = client.get("/jurisdictions").json()
    assert [j["id"] for j in body] == [j.id for j in registry.jurisdictions()]
    national = next(j for j in body if j["id"] == "national")
    book = registry.rulebook("national")
    assert national["rulebook_digest"] == book.digest and national["rules"] == len(book.rules)
    assert national["parent"] is None and national["level"] == "national"
    assert any(d["number"] == "国办发〔2023〕27号" for d in national["documents"])
    assert next(j for j in body if j["id"] == "datong")["parent"] == "national"


def test_rules_are_the_resolved_rulebook_with_citations(client: TestClient, registry: er.Registry) -> None:
    body = client.get("/jurisdictions/liaoning/rules").json()
    book = registry.rulebook("liaoning")
    assert body["jurisdiction"] == "liaoning" and body["rulebook_digest"] == book.digest
    assert [r["id"] for r in body["rules"]] == [r.id for r in book.rules]
    for row, resolved in zip(body["rules"], book.rules):
        assert row["quote"] == resolved.rule.citation.quote and row["clause"] == resolved.rule.citation.clause
        assert row["overridden_by"] == list(resolved.overridden_by) and row["declared_by"] == resolved.declared_by
        assert row["effective_from"] == resolved.rule.effective.start.isoformat()


def test_evaluate_answers_the_report_of_the_file_based_check(client: TestClient, registry: er.Registry) -> None:
    expected = registry.evaluate("national", er.load_facts(NATIONAL), AS_OF).to_json()
    r = client.post("/jurisdictions/national/evaluate", params={"as_of": "2025-12-01"}, content=NATIONAL.read_bytes())
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert r.json() == expected
    assert expected["summary"]["violation"] > 0  # the example is not trivially clean


def test_as_of_in_the_body_is_the_same_as_in_the_query(client: TestClient, registry: er.Registry) -> None:
    doc = json.loads(NATIONAL.read_text(encoding="utf-8"))
    expected = registry.evaluate("national", er.load_facts(NATIONAL), AS_OF).to_json()
    assert client.post("/jurisdictions/national/evaluate", json={**doc, "as_of": "2025-12-01"}).json() == expected
    both = client.post("/jurisdictions/national/evaluate", params={"as_of": "2025-12-01"}, json={**doc, "as_of": "2025-12-01"})
    assert both.json() == expected


def test_without_as_of_the_day_is_today_in_china(client: TestClient) -> None:
    before = dt.datetime.now(er.CST).date()
    body = client.post("/jurisdictions/national/evaluate", json={"format": 1}).json()
    assert before <= dt.date.fromisoformat(body["as_of"]) <= dt.datetime.now(er.CST).date()


def test_strict_deadlines_switch_the_policy(client: TestClient, registry: er.Registry) -> None:
    facts = er.load_facts(NATIONAL)
    strict = registry.evaluate("national", facts, AS_OF, policy=er.DeadlinePolicy.strict()).to_json()
    r = client.post("/jurisdictions/national/evaluate", params={"as_of": "2025-12-01", "strict_deadlines": "true"}, content=NATIONAL.read_bytes())
    assert r.json() == strict
    assert strict["deadline_policy"] != registry.evaluate("national", facts, AS_OF).to_json()["deadline_policy"]


def test_bad_records_are_the_loaders_located_rejections(client: TestClient, registry: er.Registry) -> None:
    bad = EXAMPLES / "national-bad.json"
    facts = er.loads_facts(bad.read_bytes())  # as sent: no file name in the locations
    assert facts.rejections
    r = client.post("/jurisdictions/national/evaluate", params={"as_of": "2025-12-01"}, content=bad.read_bytes())
    assert r.status_code == 200
    assert r.json()["rejections"] == [x.to_json() for x in facts.rejections]
    assert r.json() == registry.evaluate("national", facts, AS_OF).to_json()


def test_a_repeated_section_is_rejected_not_silently_overwritten(client: TestClient) -> None:
    body = b'{"units": [], "units": [{"id": "u1", "name": "x", "kind": "enforcement", "level": "county"}]}'
    report = client.post("/jurisdictions/national/evaluate", params={"as_of": "2025-12-01"}, content=body).json()
    assert report["rejections"] == [r.to_json() for r in er.loads_facts(body).rejections]
    assert report["rejections"] and all(r["section"] == "units" for r in report["rejections"])


def test_a_record_with_a_repeated_field_is_rejected_as_in_a_file(client: TestClient) -> None:
    body = '{"units": [{"id": "u1", "id": "u2", "name": "x", "kind": "enforcement", "level": "county"}]}'
    report = client.post("/jurisdictions/national/evaluate", params={"as_of": "2025-12-01"}, content=body.encode()).json()
    assert report["rejections"] == [r.to_json() for r in er.loads_facts(body).rejections]
    assert report["rejections"][0]["location"] == "$.units[0].id" and report["rejections"][0]["reason"] == "duplicate key"


# -- decide ------------------------------------------------------------------------------

cite = citer("test-doc")
UNIT = {"id": "u1", "name": "县市场监管局", "kind": "enforcement", "level": "county", "region": "r1"}


def _rule(rule_id: str, spec: object, scope: er.Scope) -> er.Rule:
    return er.Rule(id=rule_id, title_zh="规则", title_en="Rule", citation=cite(rule_id.rsplit(".", 1)[-1], "条文"), spec=spec, scope=scope)


TEST_BOOK = er.Jurisdiction(id="root", name_zh="根", name_en="Root", level=er.Level.NATIONAL, rules=(
    _rule("root.law.art33", PenaltyDisposition(), er.Scope(er.Subject.CASE)),
    _rule("root.law.art32", MitigationRequired(), er.Scope(er.Subject.CASE)),
    _rule("root.unit.art33", PenaltyDisposition(), er.Scope(er.Subject.CASE, unit_kinds=(er.UnitKind.ENFORCEMENT,))),
))


def _test_client() -> TestClient:
    return TestClient(create_app(registry_with(TEST_BOOK), engine="python"), raise_server_exceptions=False)


def test_decide_gives_the_dispositions_with_citations(client: TestClient, registry: er.Registry) -> None:
    case = {"id": "k1", "unit": "u1", "decided_on": "2024-05-10", "no_fault_proven": True, "handling_officers": ["o1", "o2"]}
    r = client.post("/jurisdictions/national/cases/decide", json={"case": case})
    assert r.status_code == 200
    body = r.json()
    decision = er.decide_case(registry.rulebook("national"), er.facts_from_json({"units": [UNIT | {"region": None}], "cases": [case],
                              "officers": [{"id": o, "unit": "u1", "hired_on": "2020-01-01"} for o in ("o1", "o2")]}).cases[0])
    assert body["strongest"] == "shall_not_penalise" == decision.strongest.value
    assert body["outcome"] == "penalised" and body["outcome_permitted"] is False
    assert body["permits"] == {o.value: decision.permits(o) for o in er.CaseOutcome}
    assert [(d["rule_id"], d["basis"], d["citation"]["quote"]) for d in body["dispositions"]] == [
        (d.rule_id, d.basis, d.citation.quote) for d in decision.dispositions]
    assert "第三十三条" in {d["citation"]["clause"] for d in body["dispositions"]}


def test_a_unit_given_brings_in_rules_scoped_by_unit_kind() -> None:
    case = {"id": "k1", "unit": "u1", "decided_on": "2024-05-10", "no_fault_proven": True}
    with _test_client() as c:
        alone = c.post("/jurisdictions/root/cases/decide", json={"case": case}).json()
        with_unit = c.post("/jurisdictions/root/cases/decide", json={"case": case, "unit": UNIT}).json()
    assert [d["rule_id"] for d in alone["dispositions"]] == ["root.law.art33"] and not alone["unit_considered"]
    assert [d["rule_id"] for d in with_unit["dispositions"]] == ["root.law.art33", "root.unit.art33"] and with_unit["unit_considered"]


CASES = st.fixed_dictionaries(
    {"id": st.just("k1"), "unit": st.just("u1"), "decided_on": st.dates(dt.date(2022, 1, 1), dt.date(2026, 12, 31)).map(str)},
    optional={
        "field": st.sampled_from(["", "transport"]), "outcome": st.sampled_from([o.value for o in er.CaseOutcome]),
        "first_violation": st.booleans(), "harm": st.sampled_from([h.value for h in er.Harm]), "minor": st.none() | st.booleans(),
        "corrected_promptly": st.booleans(), "no_fault_proven": st.booleans(),
        "mitigating": st.lists(st.sampled_from(["confessed", "coerced", "other"]), max_size=2),
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=CASES, with_unit=st.booleans())
def test_decide_over_http_equals_decide_case(case: dict[str, object], with_unit: bool) -> None:
    registry = registry_with(TEST_BOOK)
    loaded = er.facts_from_json({"units": [UNIT | {"region": None}], "cases": [case]})
    facts = er.Facts(units=loaded.units, cases=loaded.cases) if with_unit else None
    decision = er.decide_case(registry.rulebook("root"), loaded.cases[0], facts=facts)
    with _test_client() as c:
        body = c.post("/jurisdictions/root/cases/decide", json={"case": case, **({"unit": UNIT} if with_unit else {})}).json()
    assert body["strongest"] == decision.strongest.value
    assert body["outcome_permitted"] == decision.permits(loaded.cases[0].outcome)
    assert [(d["kind"], d["rule_id"], d["basis"], d["verified"], d["unverified"]) for d in body["dispositions"]] == [
        (d.kind.value, d.rule_id, d.basis, d.verified, d.unverified) for d in decision.dispositions]


def test_apps_are_independent(app: FastAPI) -> None:
    with _test_client() as other:
        assert [j["id"] for j in other.get("/jurisdictions").json()] == ["root"]
    with TestClient(app) as mine:
        assert "national" in [j["id"] for j in mine.get("/jurisdictions").json()]
