"""Spark gives the findings of one single-process evaluation, row for row."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.partition import plan_rules
from enforcerules.spark import collect_findings, evaluate_spark, findings_spark_schema, main
from enforcerules.findings_table import FINDINGS_SCHEMA
from enforcerules.tables import SECTIONS
from enforcerules.testing.bulk import bulk_tables
from enforcerules.testing.strategies import facts_for

SORT = ["rule_id", "subject", "period", "status", "branch"]
AS_OF = _dt.date(2025, 6, 30)


def _frames(spark: Any, facts: er.Facts) -> dict[str, Any]:
    return {s: spark.createDataFrame(facts.table(s).to_arrow()) for s in SECTIONS if facts.count(s)}


def _assert_same(ours: pl.DataFrame, whole: pl.DataFrame) -> None:
    assert ours.columns == whole.columns
    assert ours.height == whole.height
    assert ours.sort(SORT).equals(whole.sort(SORT))


@pytest.mark.parametrize("jurisdiction, by", [("shanxi", "unit"), ("datong", "region")])
def test_fifty_thousand_officers_from_parquet(spark: Any, tmp_path: Path, jurisdiction: str, by: str) -> None:
    book = er.load_rulebook(jurisdiction)
    tables = bulk_tables(book, officers=50_000, seed=3)
    for section, table in tables.items():
        table.write_parquet(tmp_path / f"{section}.parquet")
    whole = er.evaluate(book, er.Facts.from_tables(tables), AS_OF).table
    plan = plan_rules(book.rules)
    assert plan.partition and plan.shared  # both stages run
    shared_ids = {r.id for r in plan.shared}
    assert whole.filter(pl.col("rule_id").is_in(sorted(shared_ids)) & (pl.col("subject") != "*")).height  # region rules have subjects
    assert set(whole.get_column("status").unique()) >= {"compliant", "violation", "pending", "not_applicable", "out_of_period"}
    found = evaluate_spark(spark, book, tmp_path, AS_OF, by=by, partitions=4)
    assert found.schema == findings_spark_schema()
    _assert_same(collect_findings(found), whole)


@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_generated_fact_sets_as_dataframes(spark: Any, data: st.DataObject) -> None:
    jurisdiction = data.draw(st.sampled_from(["national", "datong", "tianjin"]))
    book = er.load_rulebook(jurisdiction)
    facts = data.draw(facts_for(book, max_units=4, max_officers=3))
    as_of = data.draw(st.dates(_dt.date(2023, 1, 1), _dt.date(2026, 6, 30)))
    whole = er.evaluate(book, facts, as_of).table
    found = evaluate_spark(spark, book, _frames(spark, facts), as_of, by=data.draw(st.sampled_from(["unit", "region"])), partitions=3)
    _assert_same(collect_findings(found), whole)


def test_driver_writes_parquet(spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = er.load_rulebook("national")
    tables = bulk_tables(book, officers=300, seed=5)
    facts_dir = tmp_path / "facts"
    facts_dir.mkdir()
    for section, table in tables.items():
        table.write_parquet(facts_dir / f"{section}.parquet")
    out = tmp_path / "findings"
    assert main(["national", str(facts_dir), "--as-of", AS_OF.isoformat(), "--out", str(out), "--partition-by", "region"]) == 0
    written = pl.read_parquet(out / "*.parquet").cast(FINDINGS_SCHEMA)
    _assert_same(written, er.evaluate(book, er.Facts.from_tables(tables), AS_OF).table)
    assert f"{out}: {written.height} findings" in capsys.readouterr().out


def test_bad_input_is_a_located_error(spark: Any, tmp_path: Path) -> None:
    book = er.load_rulebook("national")
    officers = spark.createDataFrame([("o1", "u1")], "id string, unit string")
    with pytest.raises(ValueError, match="section 'officers': table lacks columns hired_on"):
        evaluate_spark(spark, book, {"officers": officers}, AS_OF)
    with pytest.raises(ValueError, match="unknown sections \\['staff'\\]"):
        evaluate_spark(spark, book, {"staff": officers}, AS_OF)
    assert main(["national", str(tmp_path / "nowhere"), "--as-of", "2025-06-30", "--out", str(tmp_path / "o")]) == 2
