"""Partitioned evaluation gives exactly the findings table of one evaluate, row for row."""

from __future__ import annotations

import datetime as _dt

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.facts import Case, Certificate, Officer, Unit, UnitKind, Level
from enforcerules.partition import evaluate_partitioned, merge_rule_wide, partition_keys, placement, plan_rules
from enforcerules.testing.dates import key_dates
from enforcerules.testing.strategies import facts_for

JURISDICTIONS = ("national", "shanxi", "liaoning", "tianjin", "datong")
SORT = ["rule_id", "subject", "period", "status"]


def _same(book: er.Rulebook, facts: er.Facts, as_of: _dt.date, by: str, n: int) -> None:
    whole = er.evaluate(book, facts, as_of).table
    parted = evaluate_partitioned(book, facts, as_of, by=by, partitions=n)
    assert parted.sort(SORT).equals(whole.sort(SORT)), (by, n)


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_partitioned_equals_whole(jurisdiction: str, data: st.DataObject) -> None:
    book = er.load_rulebook(jurisdiction)
    facts = data.draw(facts_for(book, max_units=4, max_officers=3))
    as_of = data.draw(st.sampled_from(key_dates(book)) | st.dates(_dt.date(2023, 1, 1), _dt.date(2026, 12, 31)))
    by = data.draw(st.sampled_from(["unit", "region"]))
    n = data.draw(st.integers(1, 4))
    _same(book, facts, as_of, by, n)


def test_every_rule_is_placed_and_region_rules_are_shared() -> None:
    for jurisdiction in JURISDICTIONS:
        book = er.load_rulebook(jurisdiction)
        plan = plan_rules(book.rules)
        assert len(plan.partition) + len(plan.shared) + len(plan.whole) == len(book.rules)
        for r in plan.partition:
            assert r.rule.scope.subject is not er.Subject.REGION
        for r in book.rules:
            if r.rule.scope.subject is er.Subject.REGION:
                assert placement(r.rule) != "partition"


def test_case_handled_by_officers_of_other_units_and_empty_partitions() -> None:
    # u0's case is handled by u1's certified officer and u2's uncertified one; u3 has nothing at all.
    units = [Unit(f"u{i}", f"局{i}", UnitKind.ENFORCEMENT, Level.COUNTY) for i in range(4)]
    officers = [Officer("a", "u1", _dt.date(2020, 1, 1)), Officer("b", "u2", _dt.date(2020, 1, 1))]
    certs = [Certificate("ca", "a", _dt.date(2020, 2, 1), exam_passed_on=_dt.date(2020, 1, 20))]
    cases = [Case("c0", "u0", _dt.date(2024, 5, 6), handling_officers=("a", "b")),
             Case("c1", "u3", _dt.date(2024, 5, 7), handling_officers=("zz",))]
    facts = er.Facts(units=units, officers=officers, certificates=certs, cases=cases)
    book = er.load_rulebook("national")
    for n in (1, 2, 4, 7):
        for by in ("unit", "region"):
            _same(book, facts, _dt.date(2025, 6, 30), by, n)


def test_no_facts_at_all_gives_the_rule_wide_rows_once() -> None:
    book = er.load_rulebook("national")
    for as_of in (_dt.date(2023, 1, 1), _dt.date(2025, 6, 30)):
        parted = evaluate_partitioned(book, er.Facts(), as_of, partitions=3)
        assert parted.height == len(book.rules)
        _same(book, er.Facts(), as_of, "unit", 3)


def test_rule_wide_rows_merge() -> None:
    def row(rule: str, subject: str, template: str) -> pl.DataFrame:
        return pl.DataFrame({"rule_id": [rule], "subject": [subject], "template": [template]})

    parts = [row("a", "*", "no_subjects"), row("b", "*", "not_yet"), row("a", "o1", "kind"),
             row("c", "*", "no_subjects"), row("b", "*", "not_yet"), row("c", "*", "no_subjects")]
    merged = pl.concat(list(merge_rule_wide(parts)))
    assert sorted(merged.rows()) == [("a", "o1", "kind"), ("b", "*", "not_yet"), ("c", "*", "no_subjects")]


def test_keys_are_stable_and_region_keeps_units_together() -> None:
    units = pl.DataFrame({"id": [f"u{i}" for i in range(50)], "region": [f"r{i % 5}" for i in range(50)]})
    a, b = partition_keys(units, "region", 4), partition_keys(units, "region", 4)
    assert a.equals(b)
    joined = a.join(units.rename({"id": "unit"}), on="unit")
    assert joined.group_by("region").agg(pl.col("part").n_unique()).get_column("part").max() == 1
    assert set(partition_keys(units, "unit", 3).get_column("part").to_list()) <= {0, 1, 2}
    with pytest.raises(ValueError, match="partition by 'city'"):
        partition_keys(units, "city", 2)
    with pytest.raises(ValueError, match="positive integer"):
        partition_keys(units, "unit", 0)
