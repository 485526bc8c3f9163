"""Summaries: counts by rule, unit and region equal the findings table's counts."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import attrs
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from enforcerules import Facts, Registry, Report, Status, load_facts, summarize

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
STATUSES = [s.value for s in Status]


@functools.cache
def shanxi() -> tuple[Report, Facts]:
    facts = load_facts(EXAMPLES / "shanxi.json")
    return Registry().evaluate("shanxi", facts, dt.date(2026, 1, 31)), facts


def _direct(table: pl.DataFrame, key: str | None = None) -> dict[object, dict[str, int]]:
    got: dict[object, dict[str, int]] = {}
    for row in table.iter_rows(named=True):  # the slow obvious way, as the oracle
        got.setdefault(row[key] if key else None, dict.fromkeys(STATUSES, 0))[row["status"]] += 1
    return got


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_summary_counts_equal_the_findings_tables_counts(data: st.DataObject) -> None:
    report, facts = shanxi()
    n = report.table.height
    keep = data.draw(st.lists(st.integers(0, n - 1), unique=True, max_size=n), label="rows")
    statuses = data.draw(st.lists(st.sampled_from(STATUSES), min_size=len(keep), max_size=len(keep)), label="statuses")
    table = report.table[sorted(keep)].with_columns(pl.Series("status", statuses, dtype=pl.String)) if keep else report.table.clear()
    summary = summarize(attrs.evolve(report, table=table), facts)

    direct = _direct(table)
    assert summary.counts() == (direct[None] if direct else dict.fromkeys(STATUSES, 0))
    by_rule = _direct(table, "rule_id")
    for row in summary.by_rule.iter_rows(named=True):
        assert {s: row[s] for s in STATUSES} == by_rule.get(row["rule_id"], dict.fromkeys(STATUSES, 0))
        judged = sum(row[s] for s in ("compliant", "late", "violation"))
        assert row["judged"] == judged
        assert row["compliance_rate"] == (row["compliant"] / judged if judged else None)
    assert summary.by_rule["total"].sum() == table.height
    # every finding is in exactly one unit row (null: no unit)
    assert summary.by_unit["total"].sum() == table.height
    attributed = summary.findings
    by_unit = _direct(attributed, "unit")
    assert {row["unit"]: {s: row[s] for s in STATUSES} for row in summary.by_unit.iter_rows(named=True)} == by_unit


def test_region_counts_roll_up_the_tree() -> None:
    report, facts = shanxi()
    summary = summarize(report, facts)
    regions = {r.id: r for r in facts.regions}

    def chain(region: str | None) -> set[str]:
        out: set[str] = set()
        while region is not None and region not in out:
            out.add(region)
            region = regions[region].parent
        return out

    expected: dict[str, int] = dict.fromkeys(regions, 0)
    for region in summary.findings["region"].to_list():
        for ancestor in chain(region):
            expected[ancestor] += 1
    got = dict(summary.by_region.select("region", "total").iter_rows())
    assert got == expected
    roots = [r for r in regions.values() if r.parent is None]
    assert sum(got[r.id] for r in roots) == summary.findings["region"].is_not_null().sum()
    # the province holds more than any of its cities: the roll-up is not a plain group-by
    assert got["sx"] > got["jinzhong"] > 0


def test_subjects_get_their_unit_region_and_name_from_the_facts() -> None:
    report, facts = shanxi()
    found = summarize(report, facts).findings
    officers = {o.id: o for o in facts.officers}
    units = {u.id: u for u in facts.units}
    for row in found.filter(pl.col("subject_kind") == "officer").iter_rows(named=True):
        officer = officers[row["subject"]]
        assert row["unit"] == officer.unit and row["unit_name"] == units[officer.unit].name
        assert row["subject_name"] == (officer.name or None)
        assert row["region"] == units[officer.unit].region
    rule_wide = found.filter(pl.col("subject") == "*")
    assert rule_wide.height > 0 and rule_wide["unit"].null_count() == rule_wide.height


def test_units_are_listed_worst_first_and_training_rates_per_unit_and_year() -> None:
    report, facts = shanxi()
    summary = summarize(report, facts)
    bad = (summary.by_unit["violation"] + summary.by_unit["late"]).to_list()
    assert bad == sorted(bad, reverse=True)
    found = summary.findings.filter((pl.col("kind") == "annual_training_hours") & (pl.col("unit") == "ls_market")
                                    & (pl.col("period") == "2024"))
    row = summary.training.filter((pl.col("unit") == "ls_market") & (pl.col("year") == "2024")).row(0, named=True)
    judged = found.filter(pl.col("status").is_in(["compliant", "late", "violation"])).height
    assert row["judged"] == judged > 0
    assert row["met"] == found.filter(pl.col("status") == "compliant").height
    assert row["compliance_rate"] == row["met"] / judged


def test_empty_facts_summarise_without_error() -> None:
    facts = load_facts(write_empty())
    report = Registry().evaluate("national", facts, dt.date(2026, 1, 31))
    summary = summarize(report, facts)
    assert summary.by_unit["unit"].to_list() == [None]
    assert summary.by_region.height == 0 and summary.training.height == 0
    assert "national.training.annual_hours" in summary.render_text("en")


def write_empty() -> Path:
    import tempfile

    path = Path(tempfile.mkdtemp()) / "empty.json"
    path.write_text("{}", encoding="utf-8")
    return path
