"""Facts into SQLite and PostgreSQL, facts and findings out: equal to the file-based result."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import enforcerules as er
from enforcerules.sql import FINDINGS_COLUMNS, ddl, generate_ddl, load_sql, write_facts, write_findings
from enforcerules.tables import SECTIONS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
AS_OF = dt.date(2025, 12, 1)
JURISDICTIONS = ["national", "shanxi", "liaoning", "tianjin", "datong"]


def sqlite_db(tmp_path: Path) -> str:
    return str(tmp_path / "facts.db")


def read_findings(database: str) -> pl.DataFrame:
    if database.startswith("postgresql://"):
        import adbc_driver_postgresql.dbapi as driver
        target = database
    else:
        import adbc_driver_sqlite.dbapi as driver
        target = database
    with driver.connect(target) as conn:
        cur = conn.cursor()
        cur.execute("SELECT * FROM findings")
        frame = pl.from_arrow(cur.fetch_arrow_table())
        cur.close()
    assert isinstance(frame, pl.DataFrame)
    return frame


def findings_rows(report: er.Report) -> list[tuple[Any, ...]]:
    return sorted(
        (f.rule_id, f.subject, f.period, f.status.value, f.due.isoformat() if f.due else None, f.explanation_zh, f.citation.clause,
         json.loads(json.dumps(f.to_json()["evidence"])))
        for f in report.iter_findings()
    )


def stored_rows(frame: pl.DataFrame, report: er.Report) -> list[tuple[Any, ...]]:
    rows = frame.filter((pl.col("jurisdiction") == report.jurisdiction) & (pl.col("as_of").cast(pl.String) == report.as_of.isoformat()))
    return sorted(
        (r["rule_id"], r["subject"], r["period"], r["status"], str(r["due"]) if r["due"] is not None else None, r["explanation_zh"],
         r["clause"], json.loads(r["evidence"]))
        for r in rows.iter_rows(named=True)
    )


def roundtrip(database: str, jurisdiction: str) -> None:
    facts = er.load_facts(EXAMPLES / f"{jurisdiction}.json")
    assert facts.rejections == ()
    written = write_facts(database, facts)
    assert written == {s: facts.count(s) for s in SECTIONS}
    back = load_sql(database)
    assert back.rejections == ()
    for section in SECTIONS:  # the same records; a database keeps no order, the loader reads by id
        assert back.table(section).equals(facts.table(section).sort("id")), section
    registry = er.Registry()
    expected = registry.evaluate(jurisdiction, facts, AS_OF)
    report = registry.evaluate(jurisdiction, back, AS_OF)
    assert report.to_json() == expected.to_json()
    assert write_findings(database, report) == len(report.findings) > 0
    assert stored_rows(read_findings(database), report) == findings_rows(expected)


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_sqlite_roundtrip_equals_the_file_based_result(tmp_path: Path, jurisdiction: str) -> None:
    roundtrip(sqlite_db(tmp_path), jurisdiction)


@pytest.mark.parametrize("jurisdiction", ["national", "liaoning"])
def test_postgresql_roundtrip_equals_the_file_based_result(postgres: str, jurisdiction: str) -> None:
    roundtrip(postgres, jurisdiction)


def test_findings_of_a_rerun_replace_the_run_and_other_days_stay(postgres: str) -> None:
    facts = er.load_facts(EXAMPLES / "national.json")
    write_facts(postgres, facts)
    registry = er.Registry()
    first = registry.evaluate("national", load_sql(postgres), AS_OF)
    write_findings(postgres, first)
    write_findings(postgres, first)
    assert read_findings(postgres).height == len(first.findings)
    other = registry.evaluate("national", load_sql(postgres), dt.date(2024, 6, 30))
    write_findings(postgres, other)
    stored = read_findings(postgres)
    assert stored.height == len(first.findings) + len(other.findings)
    assert stored_rows(stored, other) == findings_rows(other)
    assert list(stored.columns) == list(FINDINGS_COLUMNS)


def test_the_shipped_ddl_is_made_from_the_fact_classes() -> None:
    assert ddl("postgresql") == generate_ddl("postgresql")
    assert ddl("sqlite") == generate_ddl("sqlite")
    assert '"hired_on" date NOT NULL' in ddl("postgresql") and '"handling_officers" text[]' in ddl("postgresql")
