"""Bad requests get 4xx with located reasons; a defect gets 500 with no traceback."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.service import create_app
from enforcerules.service.jsonout import strict_json

CASE = {"id": "k1", "unit": "u1", "decided_on": "2024-05-10"}
DECIDE = "/jurisdictions/national/cases/decide"
EVALUATE = "/jurisdictions/national/evaluate"


def error_of(r: Any, status: int) -> dict[str, Any]:
    """The error body, checked for the shape every error has."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/json"
    body: dict[str, Any] = r.json()
    assert set(body) == {"status", "error", "message", "errors"} and body["status"] == status
    assert "Traceback" not in r.text and 'File "' not in r.text
    return body


def locations(body: dict[str, Any]) -> list[str]:
    return [e["location"] for e in body["errors"]]


# -- malformed JSON ----------------------------------------------------------------------

@pytest.mark.parametrize("path", [DECIDE, EVALUATE])
@pytest.mark.parametrize("raw, says", [
    (b'{"case": {"id": "k1",', "line 1 column 22"),
    (b'{"case": 1}\n{"x": 2}', "Extra data at line 2 column 1"),
    (b"", "empty body"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, "unreadable JSON"),
])
def test_malformed_json_is_400_with_where_it_breaks(client: TestClient, path: str, raw: bytes, says: str) -> None:
    body = error_of(client.post(path, params={"as_of": "2025-01-01"}, content=raw), 400)
    assert body["error"] == "malformed_json" and locations(body) == ["$"] and says in body["message"]


def test_a_document_the_loader_refuses_whole_is_422_located(client: TestClient) -> None:
    body = error_of(client.post(EVALUATE, params={"as_of": "2025-01-01"}, json={"format": 2}), 422)
    assert body["error"] == "invalid_facts" and locations(body) == ["$.format"] and "unsupported facts format" in body["message"]


def test_a_required_field_written_as_null_is_missing(client: TestClient) -> None:
    body = error_of(client.post(DECIDE, json={"case": CASE | {"unit": None}, "unit": {"id": "u1", "name": "x", "kind": None, "level": "county"}}), 422)
    assert {"$.case.unit", "$.unit.kind"} <= set(locations(body))


def test_a_body_that_is_not_an_object_is_422(client: TestClient) -> None:
    assert locations(error_of(client.post(EVALUATE, json=[1, 2]), 422)) == ["$"]
    assert locations(error_of(client.post(DECIDE, json="case"), 422)) == ["$"]


# -- unknown jurisdiction and paths ------------------------------------------------------------

@pytest.mark.parametrize("method, path", [
    ("get", "/jurisdictions/atlantis/rules"),
    ("post", "/jurisdictions/atlantis/evaluate"),
    ("post", "/jurisdictions/atlantis/cases/decide"),
])
def test_an_unknown_jurisdiction_is_404_naming_the_known_ones(client: TestClient, method: str, path: str) -> None:
    body = error_of(client.request(method, path, json={"case": CASE}), 404)
    assert body["error"] == "unknown_jurisdiction" and locations(body) == ["path.jurisdiction"]
    assert body["errors"][0]["value"] == "atlantis" and "national" in body["errors"][0]["expected"]


def test_unknown_paths_and_methods_answer_json_too(client: TestClient) -> None:
    missing = error_of(client.get("/nowhere"), 404)
    assert missing["error"] == "not_found" and missing["errors"][0] | {"location": "path", "reason": "no such endpoint",
                                                                       "value": "/nowhere", "expected": "an endpoint of /openapi.json"} == missing["errors"][0]
    wrong = error_of(client.get(DECIDE), 405)
    assert wrong["error"] == "method_not_allowed" and locations(wrong) == ["method"] and wrong["errors"][0]["expected"] == "POST"


# -- bad dates ------------------------------------------------------------------------

@pytest.mark.parametrize("value, reason", [
    ("2025-02-30", "not a real date"),
    ("2025/01/01", "not in the YYYY-MM-DD form"),
    ("20250101", "not in the YYYY-MM-DD form"),
    ("2025-01-01T00:00", "not in the YYYY-MM-DD form"),
    ("1899-12-31", "out of range"),
    ("9999-12-31", "out of range"),
])
def test_a_bad_as_of_is_422_in_the_query_or_the_body(client: TestClient, value: str, reason: str) -> None:
    query = error_of(client.post(EVALUATE, params={"as_of": value}, json={}), 422)
    assert locations(query) == ["query.as_of"] and query["errors"][0]["reason"].startswith(reason) and query["errors"][0]["value"] == value
    body = error_of(client.post(EVALUATE, json={"as_of": value}), 422)
    assert locations(body) == ["$.as_of"] and body["errors"][0]["reason"].startswith(reason)


def test_as_of_not_a_string_and_disagreeing_days_are_422(client: TestClient) -> None:
    assert locations(error_of(client.post(EVALUATE, json={"as_of": 20250101}), 422)) == ["$.as_of"]
    clash = error_of(client.post(EVALUATE, params={"as_of": "2025-01-01"}, json={"as_of": "2025-01-02"}), 422)
    assert locations(clash) == ["$.as_of"] and "differs" in clash["message"]


def test_a_bad_query_flag_is_located(client: TestClient) -> None:
    body = error_of(client.post(EVALUATE, params={"as_of": "2025-01-01", "strict_deadlines": "maybe"}, json={}), 422)
    assert locations(body) == ["query.strict_deadlines"]


# -- a case with wrong fields ----------------------------------------------------------------

@pytest.mark.parametrize("change, location, reason", [
    ({"decided_on": "2024/05/10"}, "$.case.decided_on", "not in the YYYY-MM-DD form"),
    ({"decided_on": "2024-02-30"}, "$.case.decided_on", "not a real date"),
    ({"decided_on": 20240510}, "$.case.decided_on", "wrong type"),
    ({"first_violation": "yes"}, "$.case.first_violation", "wrong type"),
    ({"harm": "a little"}, "$.case.harm", "not an allowed value"),
    ({"handling_officers": "o1"}, "$.case.handling_officers", "wrong type"),
    ({"mitigating": [1]}, "$.case.mitigating", "wrong type"),
    ({"id": ""}, "$.case", "invalid record"),
    ({"colour": "red"}, "$.case.colour", "unknown field"),
    ({"handling_officers": ["o1", ""]}, "$.case.handling_officers[1]", "not an identifier"),
])
def test_a_case_with_a_wrong_field_is_422_at_that_field(client: TestClient, change: dict[str, Any], location: str, reason: str) -> None:
    body = error_of(client.post(DECIDE, json={"case": CASE | change}), 422)
    assert locations(body) == [location] and body["errors"][0]["reason"].startswith(reason)
    assert location in body["message"]


def test_every_problem_of_a_decide_body_is_reported_at_once(client: TestClient) -> None:
    body = error_of(client.post(DECIDE, json={"case": {"id": "k1"}, "unit": {"id": "u1", "kind": "army"}, "extra": 1}), 422)
    assert set(locations(body)) == {"$.extra", "$.case.unit", "$.case.decided_on", "$.unit.name", "$.unit.kind", "$.unit.level"}


@pytest.mark.parametrize("doc, location", [
    ({}, "$.case"),
    ({"case": None}, "$.case"),
    ({"case": [CASE]}, "$.case"),
    ({"case": CASE, "unit": "u1"}, "$.unit"),
    ({"case": CASE, "unit": {"id": "u2", "name": "x", "kind": "enforcement", "level": "county"}}, "$.unit.id"),
    ({"case": CASE, "unit": {"id": "u1", "name": "x", "kind": "enforcement", "level": "county", "region": ""}}, "$.unit.region"),
])
def test_a_missing_or_misshapen_case_or_unit_is_located(client: TestClient, doc: dict[str, Any], location: str) -> None:
    assert locations(error_of(client.post(DECIDE, json=doc), 422)) == [location]


def test_a_repeated_field_of_a_case_is_located(client: TestClient) -> None:
    raw = b'{"case": {"id": "k1", "unit": "u1", "decided_on": "2024-05-10", "harm": "none", "harm": "serious"}}'
    body = error_of(client.post(DECIDE, content=raw), 422)
    assert locations(body) == ["$.case.harm"] and body["errors"][0]["reason"] == "duplicate key"


_APP = create_app(engine="python")


@settings(max_examples=80, deadline=None)
@given(field=st.sampled_from(sorted(set(CASE) | {"harm", "outcome", "minor", "major", "legal_review_on", "mitigating"})),
       value=st.one_of(st.integers(), st.floats(), st.text(max_size=5), st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=2), st.integers(), max_size=1)))
def test_any_wrong_value_is_refused_where_the_loader_refuses_it(field: str, value: Any) -> None:
    # The service refuses a case exactly when the loader refuses it as a record, at the same field;
    # a reference to a record not sent is no mistake in a decide request (the unit and officers are elsewhere).
    doc = {"case": CASE | {field: value}}
    rejections = er.facts_from_json({"cases": [doc["case"]]}).rejections
    expected = [r.location.replace("$.cases[0]", "$.case") for r in rejections
                if r.reason != "missing reference" or not (isinstance(r.value, str) and 0 < len(r.value) <= 200)]
    with TestClient(_APP, raise_server_exceptions=False) as c:
        r = c.post(DECIDE, content=json.dumps(doc).encode())  # NaN and Infinity as Python writes them
    if expected:
        assert locations(error_of(r, 422)) == expected
    else:
        assert r.status_code == 200 and r.json()["case_id"] == doc["case"]["id"]


# -- size limit ------------------------------------------------------------------------

@pytest.fixture()
def small() -> Iterator[TestClient]:
    with TestClient(create_app(max_body_bytes=2000), raise_server_exceptions=False) as c:
        yield c


def test_an_oversize_body_is_413_whether_declared_or_streamed(small: TestClient) -> None:
    big = b'{"units": [' + b",".join(b'{"id": "u%d", "name": "x", "kind": "enforcement", "level": "county"}' % i for i in range(40)) + b"]}"
    assert len(big) > 2000
    declared = error_of(small.post(EVALUATE, params={"as_of": "2025-01-01"}, content=big), 413)
    assert declared["error"] == "too_large" and "2000 bytes" in declared["message"]
    (too_large,) = declared["errors"]
    assert (too_large["location"], too_large["reason"], too_large["value"], too_large["expected"]) == ("$", "body too large", len(big), "at most 2000 bytes")

    def chunks() -> Iterator[bytes]:
        for i in range(0, len(big), 500):
            yield big[i:i + 500]

    streamed = error_of(small.post(EVALUATE, params={"as_of": "2025-01-01"}, content=chunks()), 413)
    assert streamed["error"] == "too_large"
    assert small.post(EVALUATE, params={"as_of": "2025-01-01"}, content=big[:1000].rsplit(b",{", 1)[0] + b"]}").status_code == 200


def test_a_bad_content_length_is_400(small: TestClient) -> None:
    body = error_of(small.post(EVALUATE, content=b"{}", headers={"content-length": "lots"}), 400)
    assert "Content-Length" in body["message"] and locations(body) == ["header.content-length"]


def test_the_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_body_bytes"):
        create_app(max_body_bytes=0)


# -- defects -------------------------------------------------------------------------

def test_a_defect_is_500_with_an_incident_number_and_the_traceback_only_in_the_log(caplog: pytest.LogCaptureFixture) -> None:
    app: FastAPI = create_app(engine="python")

    @app.get("/defect")
    def defect() -> None:
        raise ZeroDivisionError("secret detail")

    with caplog.at_level(logging.ERROR, logger="enforcerules.service"), TestClient(app, raise_server_exceptions=False) as c:
        body = error_of(c.get("/defect"), 500)
    assert body["error"] == "internal_error" and "secret" not in body["message"]
    incident = body["message"].split("incident ")[1].split(")")[0]
    record = next(r for r in caplog.records if incident in r.getMessage())
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError


def strict(text: str) -> Any:
    def refuse(name: str) -> None:
        raise AssertionError(f"non-standard JSON constant {name} in an answer")

    return json.loads(text, parse_constant=refuse)


def test_answers_are_strict_json_even_when_a_rejected_value_is_not_finite(client: TestClient) -> None:
    facts = b'{"metrics": [{"id": "m1", "name": "rate", "region": "r1", "year": 2024, "value": NaN}], "regions": [{"id": "r1", "name": "x", "level": "county"}]}'
    report = strict(client.post(EVALUATE, params={"as_of": "2025-01-01"}, content=facts).text)
    assert report["rejections"] == [r.to_json() for r in er.loads_facts(facts).rejections]
    assert report["rejections"][0]["location"] == "$.metrics[0]"
    error = strict(client.post(DECIDE, content=b'{"case": {"id": "k1", "unit": "u1", "decided_on": -Infinity}}').text)
    assert error["errors"][0]["location"] == "$.case.decided_on" and isinstance(error["errors"][0]["value"], str)


def test_non_finite_numbers_are_written_as_strings() -> None:
    data = {"a": [float("nan"), float("inf"), -float("inf"), 1.5], "b": {"c": float("nan")}}
    assert strict(strict_json(data)) == {"a": ["NaN", "Infinity", "-Infinity", 1.5], "b": {"c": "NaN"}}
