"""Regression tests for the loader items of issue 10: nothing silently dropped,
text always valid Unicode, explicit inputs, the format checked, limits."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import enforcerules as er
from enforcerules.cli import main

UNIT = {"id": "u1", "name": "局", "kind": "enforcement", "level": "county"}
OFFICER = {"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}


def records_rejected(facts: er.Facts, section: str) -> set[int]:
    return {r.row for r in facts.rejections if r.section == section and r.row is not None}


# -- item 1: a section written twice ----------------------------------------------


def test_a_section_written_twice_loses_no_record_silently() -> None:
    text = '{"units": [%s], "officers": [%s], "officers": []}' % (json.dumps(UNIT), json.dumps(OFFICER))
    facts = er.loads_facts(text)
    assert facts.officers == ()
    [rejection] = [r for r in facts.rejections if r.section == "officers"]
    assert rejection.location == "$.officers[0]" and "written 2 times" in rejection.reason
    assert len(facts.units) == 1


def test_both_copies_of_a_repeated_section_are_reported_record_by_record() -> None:
    second = {**OFFICER, "id": "o2"}
    text = '{"units": [%s], "officers": [%s], "officers": [%s, %s]}' % (
        json.dumps(UNIT), json.dumps(OFFICER), json.dumps(second), json.dumps({**OFFICER, "id": "o3"}))
    facts = er.loads_facts(text)
    assert facts.officers == ()
    assert records_rejected(facts, "officers") == {0, 1, 2}  # 3 records in, 3 rejected
    assert [r.location for r in facts.rejections if r.section == "officers"] == ["$.officers[0]", "$.officers[0]", "$.officers[1]"]
    assert ["copy 1" in r.reason for r in facts.rejections if r.section == "officers"] == [True, False, False]


# -- item 2: lone surrogates --------------------------------------------------------


def test_an_id_with_a_lone_surrogate_is_rejected_at_load_with_its_location() -> None:
    text = '{"units": [%s], "officers": [{"id": "o\\ud800", "unit": "u1", "hired_on": "2020-01-01"}]}' % json.dumps(UNIT)
    facts = er.loads_facts(text)
    assert facts.officers == ()
    [rejection] = facts.rejections
    assert (rejection.location, rejection.reason) == ("$.officers[0].id", "not valid Unicode text (a lone surrogate)")
    report = er.evaluate(er.load_rulebook("national"), facts, dt.date(2024, 6, 30), engine="python")
    report.dumps().encode("utf-8")  # the report stays encodable
    json.dumps(report.to_json(), allow_nan=False).encode("utf-8")


def test_lone_surrogates_anywhere_in_a_record_are_rejected_not_loaded() -> None:
    text = ('{"units": [%s], "officers": [{"id": "o1", "unit": "u1", "hired_on": "2020-01-01", "name": "\\udfff"}],'
            ' "regions": [{"id": "r", "name": "x", "level": "county", "designations": ["a\\ud801"]}], "\\ud800": []}') % json.dumps(UNIT)
    facts = er.loads_facts(text)
    assert facts.officers == () and facts.regions == ()
    locations = {r.location for r in facts.rejections}
    assert {"$.officers[0].name", "$.regions[0].designations", "$.\\ud800"} <= locations
    for r in facts.rejections:
        json.dumps(r.to_json(), ensure_ascii=False).encode("utf-8")


def test_the_cli_exits_3_not_7_for_a_lone_surrogate(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_text('{"units": [{"id": "u\\ud800", "name": "局", "kind": "enforcement", "level": "county"}]}')
    assert main(["check", "national", str(path), "--as-of", "2024-06-30", "--engine", "python", "--format", "json"]) == 3


# -- item 10: explicit inputs, the format, limits --------------------------------


def test_load_facts_takes_a_string_as_a_path_never_as_json() -> None:
    text = "\ufeff" + json.dumps({"units": [UNIT]})
    with pytest.raises(er.FactsError, match="cannot read"):
        er.load_facts(text)
    assert len(er.loads_facts(text).units) == 1
    assert len(er.loads_facts(text.encode("utf-8")).units) == 1


def test_loads_facts_does_not_open_files(tmp_path: Path) -> None:
    (tmp_path / "f.json").write_text(json.dumps({"units": [UNIT]}))
    with pytest.raises(er.FactsError, match="not valid JSON"):
        er.loads_facts(str(tmp_path / "f.json"))


def test_bytes_are_not_taken_for_a_path() -> None:
    with pytest.raises(TypeError, match="loads_facts"):
        er.load_facts(b'{"units": []}')  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", [2, "banana", "1", 1.0, True, None, [1]])
def test_an_unknown_format_is_refused(fmt: object) -> None:
    with pytest.raises(er.FactsError, match=r"\$\.format"):
        er.facts_from_json({"format": fmt, "units": [UNIT]})


@pytest.mark.parametrize("doc", [{"format": 1, "units": [UNIT]}, {"units": [UNIT]}])
def test_format_1_or_none_is_read(doc: dict[str, object]) -> None:
    assert len(er.facts_from_json(doc).units) == 1


def test_the_size_limit_names_itself(tmp_path: Path) -> None:
    text = json.dumps({"units": [UNIT] * 10})
    (tmp_path / "f.json").write_text(text)
    small = er.Limits(max_bytes=100)
    for load in (lambda: er.loads_facts(text, limits=small), lambda: er.load_facts(tmp_path / "f.json", limits=small)):
        with pytest.raises(er.FactsError, match="max_bytes"):
            load()
    assert len(er.load_facts(tmp_path / "f.json", limits=er.Limits(max_bytes=len(text.encode()))).units) == 1  # identical copies: one kept

def test_the_record_limit_names_itself() -> None:
    doc = {"units": [dict(UNIT, id=f"u{i}") for i in range(5)], "officers": [OFFICER]}
    with pytest.raises(er.FactsError, match="6 records.*max_records"):
        er.facts_from_json(doc, limits=er.Limits(max_records=5))
    assert er.facts_from_json(doc, limits=er.Limits(max_records=6)).size == 6


def test_the_depth_limit_names_the_location() -> None:
    deep: object = "x"
    for _ in range(30):
        deep = [deep]
    doc = {"units": [UNIT], "officers": [dict(OFFICER, name=deep)]}
    with pytest.raises(er.FactsError, match=r"\$\.officers\[0\]\.name.*max_depth"):
        er.facts_from_json(doc, limits=er.Limits(max_depth=10))
    facts = er.facts_from_json(doc)
    assert [r.location for r in facts.rejections] == ["$.officers[0].name"]
    json.dumps([r.to_json() for r in facts.rejections])  # the echo is bounded: no recursion error


def test_a_value_nested_500_deep_is_rejected_and_the_report_still_writes() -> None:
    text = '{"units": [{"id": "u1", "name": %s, "kind": "enforcement", "level": "county"}]}' % ("[" * 500 + "]" * 500)
    with pytest.raises(er.FactsError, match="max_depth"):
        er.loads_facts(text)
    facts = er.loads_facts(text, limits=er.Limits(max_depth=1000))
    report = er.evaluate(er.load_rulebook("national"), facts, dt.date(2024, 6, 30), engine="python")
    assert report.to_json()["rejections"][0]["location"] == "$.units[0].name"
    report.dumps()


@pytest.mark.parametrize("bad", [0, -1, True, 1.5])
def test_limits_must_be_positive_integers(bad: object) -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        er.Limits(max_bytes=bad)  # type: ignore[arg-type]


def test_non_finite_numbers_are_echoed_as_text_so_the_report_is_strict_json() -> None:
    text = '{"units": [%s], "officers": [%s], "training": [{"id": "t", "officer": "o1", "hours": NaN, "category": "business", "held_at": "2024-01-01"}]}' % (
        json.dumps(UNIT), json.dumps(OFFICER))
    facts = er.loads_facts(text)
    assert facts.training == ()
    json.dumps([r.to_json() for r in facts.rejections], allow_nan=False)


# -- a text field holding what JSON may hold but text is not ----------------------------------


@pytest.mark.parametrize("value", [10**400, -(2**64), 2.5, True, ["o"], {"id": "o"}])
def test_a_text_field_holding_a_number_list_or_object_is_a_located_wrong_type(value: object) -> None:
    text = '{"units": [%s], "officers": [%s, %s]}' % (
        json.dumps(UNIT), json.dumps(OFFICER), json.dumps({**OFFICER, "id": value}))
    facts = er.loads_facts(text)
    assert [o.id for o in facts.officers] == ["o1"]
    [rejection] = facts.rejections
    assert (rejection.location, rejection.reason) == ("$.officers[1].id", "wrong type")


def test_a_callers_mapping_with_a_str_subclass_is_read_as_before() -> None:
    class Code(str):
        pass

    facts = er.facts_from_json({"units": [UNIT], "officers": [{**OFFICER, "id": Code("o2")}]})
    assert facts.officers == ()
    [rejection] = facts.rejections
    assert (rejection.location, rejection.reason) == ("$.officers[0].id", "wrong type")
