"""The JSON facts format: every bad record located, every good one kept."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from hypothesis import given, settings, strategies as st

import enforcerules as er


def doc(**sections: object) -> dict[str, object]:
    base: dict[str, object] = {
        "units": [{"id": "u1", "name": "局", "kind": "enforcement", "level": "county"}],
        "officers": [{"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}],
    }
    base.update(sections)
    return base


def locations(facts: er.Facts) -> list[str]:
    return [r.location for r in facts.rejections]


def test_valid_document_loads_every_record() -> None:
    facts = er.load_facts(doc(training=[{"id": "t1", "officer": "o1", "hours": 2.5, "category": "business", "held_at": "2024-03-01T09:00:00+08:00"}]))
    assert facts.rejections == ()
    assert facts.training[0].hours == 2.5 and facts.training[0].held_at.utcoffset() == dt.timedelta(hours=8)


@pytest.mark.parametrize(
    ("record", "location", "reason"),
    [
        ({"id": "o2", "unit": "u1", "hired_on": 20200101}, "$.officers[1].hired_on", "wrong type"),
        ({"id": "o2", "unit": "u1", "hired_on": "2024-02-30"}, "$.officers[1].hired_on", "not a real date"),
        ({"id": "o2", "unit": "u1", "hired_on": "2020-01-01", "salary": 1}, "$.officers[1].salary", "unknown field"),
        ({"id": "o2", "unit": "u1"}, "$.officers[1].hired_on", "missing field"),
        ({"id": "o2", "unit": "u9", "hired_on": "2020-01-01"}, "$.officers[1].unit", "missing reference"),
        ({"id": "o2", "unit": "u1", "hired_on": "2020-01-01", "township": "yes"}, "$.officers[1].township", "wrong type"),
        ({"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}, "$.officers[1].id", "duplicate id"),
        ({"id": "o2", "unit": "u1", "hired_on": "2020-01-01", "left_on": "2019-01-01"}, "$.officers[1]", "invalid record"),
        ("o2", "$.officers[1]", "record is not an object"),
    ],
)
def test_bad_officer_is_located_and_the_good_one_kept(record: object, location: str, reason: str) -> None:
    facts = er.load_facts(doc(officers=[{"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}, record]))
    assert [o.id for o in facts.officers] == ["o1"]
    assert location in locations(facts)
    assert any(r.reason.startswith(reason) for r in facts.rejections if r.location == location)


def test_rejection_names_value_and_expectation() -> None:
    facts = er.load_facts(doc(training=[{"id": "t1", "officer": "o1", "hours": "8", "category": "yoga", "held_at": "2024-01-01"}]))
    by_loc = {r.location: r for r in facts.rejections}
    assert by_loc["$.training[0].hours"].value == "8" and by_loc["$.training[0].hours"].expected == "a number"
    assert "'public_law'" in by_loc["$.training[0].category"].expected


def test_rejections_cascade_to_records_referencing_rejected_ones() -> None:
    facts = er.load_facts(doc(
        officers=[{"id": "o1", "unit": "u1", "hired_on": "bad"}],
        training=[{"id": "t1", "officer": "o1", "hours": 2, "category": "business", "held_at": "2024-01-01T08:00:00"}],
    ))
    assert facts.officers == () and facts.training == ()
    assert "$.training[0].officer" in locations(facts)


def test_unknown_section_and_non_list_section_are_reported() -> None:
    facts = er.load_facts({**doc(), "people": [], "cases": {"id": "c"}})
    assert "$.people" in locations(facts) and "$.cases" in locations(facts)
    assert len(facts.officers) == 1


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '"x"'])
def test_unreadable_document_raises_facts_error(text: str) -> None:
    with pytest.raises(er.FactsError):
        er.load_facts(io.StringIO(text))


def test_missing_file_raises_facts_error() -> None:
    with pytest.raises(er.FactsError, match="cannot read"):
        er.load_facts("/nonexistent/facts.json")


def test_naive_datetime_is_china_time_and_utc_is_converted() -> None:
    facts = er.load_facts(doc(training=[
        {"id": "t1", "officer": "o1", "hours": 1, "category": "business", "held_at": "2024-12-31T23:30:00"},
        {"id": "t2", "officer": "o1", "hours": 1, "category": "business", "held_at": "2024-12-31T16:30:00Z"},
    ]))
    assert [t.day for t in facts.training] == [dt.date(2024, 12, 31), dt.date(2025, 1, 1)]


@settings(deadline=None)
@given(st.lists(st.sampled_from(["good", "bad_date", "bad_ref", "unknown"]), max_size=30))
def test_every_record_is_either_loaded_or_rejected(kinds: list[str]) -> None:
    make = {
        "good": lambda i: {"id": f"o{i}", "unit": "u1", "hired_on": "2020-01-01"},
        "bad_date": lambda i: {"id": f"o{i}", "unit": "u1", "hired_on": "2020-02-31"},
        "bad_ref": lambda i: {"id": f"o{i}", "unit": "nope", "hired_on": "2020-01-01"},
        "unknown": lambda i: {"id": f"o{i}", "unit": "u1", "hired_on": "2020-01-01", "x": 1},
    }
    facts = er.load_facts(doc(officers=[make[k](i) for i, k in enumerate(kinds)]))
    rejected = {int(r.location.split("[")[1].split("]")[0]) for r in facts.rejections}
    loaded = {int(o.id[1:]) for o in facts.officers}
    assert loaded | rejected == set(range(len(kinds))) and not loaded & rejected
    assert loaded == {i for i, k in enumerate(kinds) if k == "good"}


def test_json_round_trip() -> None:
    original = er.load_facts(doc(training=[{"id": "t1", "officer": "o1", "hours": 1.25, "category": "public_law", "held_at": "2024-05-01T10:00:00+08:00"}]))
    again = er.facts_from_json(json.loads(json.dumps(er.facts_to_json(original))))
    assert again == original
