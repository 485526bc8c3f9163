"""Structured fuzzing of the JSON loader: mutated documents never raise anything
but FactsError, every record is loaded or rejected, every rejection is strict JSON."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings, strategies as st

import enforcerules as er
from enforcerules.limits import Limits
from enforcerules.loading import _validated
from enforcerules.tables import SECTIONS

BASE: list[tuple[str, Any]] = [
    ("format", 1),
    ("regions", [{"id": "r1", "name": "县", "level": "county", "designations": ["pilot"]}]),
    ("units", [{"id": "u1", "name": "局", "kind": "enforcement", "level": "county", "region": "r1"}]),
    ("officers", [{"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}, {"id": "o2", "unit": "u1", "hired_on": "2021-03-04", "left_on": "2024-01-01"}]),
    ("training", [{"id": "t1", "officer": "o1", "hours": 8, "category": "business", "held_at": "2024-03-01T09:00:00+08:00"},
                  {"id": "t2", "officer": "o2", "hours": 2.5, "category": "public_law", "held_at": "2024-03-01"}]),
    ("certificates", [{"id": "c1", "officer": "o1", "issued_on": "2020-02-01", "suspended_on": "2021-01-01", "suspension_ended_on": "2021-02-01"}]),
    ("cases", [{"id": "k1", "unit": "u1", "decided_on": "2024-05-06", "handling_officers": ["o1", "o2"], "minor": True, "harm": "none"}]),
    ("metrics", [{"id": "m1", "name": "rate", "region": "r1", "year": 2024, "value": 0.1}]),
    ("events", [{"id": "e1", "kind": "annual_assessment", "subject": "o1", "on": "2024-12-15"}]),
    ("task_reports", [{"id": "p1", "task": "problem_list", "unit": "u1", "completed_on": "2023-12-20"}]),
]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.just(10**400), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12), st.sampled_from(["2024-02-30", "2024-01-01T25:00", "o1", "u1", "r1", "", "\ud800", "x" * 201,
                                            "9999-12-31T23:00:00Z", "business", "county", "true"]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, dict[str, int]]:
    pairs = [(k, [dict(r) for r in v] if isinstance(v, list) else v) for k, v in BASE]
    dup_keys: set[tuple[int, int]] = set()
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(1, len(pairs) - 1))
        key, records = pairs[i]
        action = draw(st.sampled_from(["set", "drop", "add", "record", "copy", "dupkey", "section", "twice", "unknown", "format"]))
        if action == "format":
            pairs[0] = ("format", draw(st.sampled_from([1, 2, "1", None])))
        elif action == "unknown":
            pairs.append((draw(st.text(max_size=6)), draw(values)))
        elif action == "twice":
            pairs.append((key, [dict(r) if isinstance(r, dict) else r for r in records] if isinstance(records, list) else records))
        elif action == "section":
            pairs[i] = (key, draw(values))
        elif isinstance(records, list) and records:
            j = draw(st.integers(0, len(records) - 1))
            record = records[j]
            if action == "record":
                records[j] = draw(values)
            elif action == "copy":
                records.append(dict(record) if isinstance(record, dict) else record)
            elif action == "dupkey" and isinstance(record, dict) and record:
                dup_keys.add((i, j))
            elif isinstance(record, dict) and record:
                field = draw(st.sampled_from(sorted(record)))
                if action == "set":
                    record[field] = draw(values)
                elif action == "drop":
                    del record[field]
                else:
                    record[draw(st.text(max_size=6))] = draw(values)
    texts = []
    for i, (key, value) in enumerate(pairs):
        if isinstance(value, list):
            items = []
            for j, item in enumerate(value):
                text = json.dumps(item)
                if (i, j) in dup_keys and text.startswith("{") and text != "{}":
                    text = '{"id": "again", ' + text[1:]
                items.append(text)
            body = "[" + ", ".join(items) + "]"
        else:
            body = json.dumps(value)
        texts.append(json.dumps(key) + ": " + body)
    read: dict[str, int] = {}
    for key, value in pairs:
        if key in SECTIONS and isinstance(value, list):
            read[key] = read.get(key, 0) + len(value)
    return "{" + ", ".join(texts) + "}", read


@settings(max_examples=100, deadline=None)
@given(documents())
def test_mutated_documents_lose_nothing_and_raise_only_facts_error(case: tuple[str, dict[str, int]]) -> None:
    text, read = case
    try:
        validated = _validated_text(text)
    except er.FactsError:
        return
    facts = er.Facts.from_tables(validated.tables, validated.rejections)
    for section in SECTIONS:
        tally = validated.tallies[section]
        rows = {r.row for r in facts.rejections if r.section == section and r.row is not None}
        assert tally.read == read.get(section, 0)
        assert tally.loaded == facts.count(section)
        assert tally.rejected == len(rows)
        assert tally.read == tally.loaded + tally.rejected
    for r in facts.rejections:
        json.dumps(r.to_json(), allow_nan=False, ensure_ascii=False).encode("utf-8")
    assert er.loads_facts(text) == facts


def _validated_text(text: str) -> Any:
    import io

    return _validated(io.BytesIO(text.encode("utf-8", "surrogatepass")), Limits())
