"""The decide fast path accepts only what the facts loader accepts, and builds the same record."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import event, given, settings, strategies as st

import enforcerules as er
from enforcerules.service.reading import _with_placeholders, canonical_record

TEXT = st.text(max_size=4) | st.sampled_from(["", "\ud800", "x" * 201, "u1", "o-1"])
DAYS = st.dates().map(str) | st.sampled_from(["2024-02-30", "2024-5-6", "2024-05-06T23:30:00+00:00", "2024-05-06 08:00", "20240506"])
ANY = st.none() | st.booleans() | st.integers() | st.floats() | TEXT | st.lists(TEXT, max_size=2)


IDS = st.text(min_size=1, max_size=4) | st.sampled_from(["u1", "o-1", "x" * 200])


def cases(mix: bool) -> st.SearchStrategy[dict[str, Any]]:
    def field(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return values | ANY if mix else values

    return st.fixed_dictionaries(
        {"id": field(IDS), "unit": field(IDS), "decided_on": field(DAYS)},
        optional={
            "field": field(TEXT), "handling_officers": field(st.lists(IDS, max_size=3)),
            "outcome": field(st.sampled_from([o.value for o in er.CaseOutcome])),
            "violation_code": field(st.none() | TEXT), "minor": field(st.none() | st.booleans()), "first_violation": field(st.booleans()),
            "harm": field(st.sampled_from([h.value for h in er.Harm])), "corrected_promptly": field(st.booleans()),
            "no_fault_proven": field(st.booleans()), "mitigating": field(st.lists(TEXT, max_size=2)), "major": field(st.booleans()),
            "legal_review_on": field(st.none() | DAYS), "cites_discretion_baseline": field(st.booleans()),
            **({"colour": ANY} if mix else {}),
        },
    )


def units(mix: bool) -> st.SearchStrategy[dict[str, Any]]:
    def field(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return values | ANY if mix else values

    return st.fixed_dictionaries(
        {"id": field(IDS), "name": field(TEXT), "kind": field(st.sampled_from([k.value for k in er.UnitKind])),
         "level": field(st.sampled_from([lv.value for lv in er.Level]))},
        optional={"region": field(st.none() | IDS), "field": field(st.none() | TEXT)},
    )


CASES = cases(False) | cases(True)
UNITS = units(False) | units(True)


@settings(max_examples=400, deadline=None)
@given(case=CASES)
def test_a_case_the_fast_path_takes_is_one_the_loader_loads_the_same(case: dict[str, Any]) -> None:
    fast = canonical_record("cases", case)
    event("fast" if fast is not None else "loader")
    if fast is not None:
        loaded = er.facts_from_json(_with_placeholders(case, None))
        assert loaded.rejections == () and loaded.cases == (fast,)


@settings(max_examples=300, deadline=None)
@given(unit=UNITS)
def test_a_unit_the_fast_path_takes_is_one_the_loader_loads_the_same(unit: dict[str, Any]) -> None:
    fast = canonical_record("units", unit)
    event("fast" if fast is not None else "loader")
    if fast is not None:
        case = {"id": "k1", "unit": unit["id"], "decided_on": "2024-05-06"}
        loaded = er.facts_from_json(_with_placeholders(case, unit))
        assert loaded.rejections == () and loaded.units == (fast,)


def test_plain_records_take_the_fast_path() -> None:
    case = {"id": "k1", "unit": "u1", "decided_on": "2024-05-06", "handling_officers": ["o1"], "harm": "minor", "minor": None}
    assert canonical_record("cases", case) == er.Case(id="k1", unit="u1", decided_on=dt.date(2024, 5, 6),
                                                      handling_officers=("o1",), harm=er.Harm.MINOR)
    assert canonical_record("cases", case | {"decided_on": "2024-05-06T08:00:00+08:00"}) is None  # the loader decides that one
