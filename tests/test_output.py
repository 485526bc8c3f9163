"""check --out: every format holds exactly the report's findings, and the
tabular forms keep citations once per rule and the rejections beside them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest

import enforcerules as er
from enforcerules.cli import main
from enforcerules.findings_table import FINDINGS_SCHEMA
from enforcerules.output import write_report

EXAMPLE = Path(__file__).parents[1] / "examples" / "national.json"
AS_OF = dt.date(2025, 12, 1)


@pytest.fixture(scope="module")
def report() -> er.Report:
    return er.evaluate(er.load_rulebook("national"), er.load_facts(EXAMPLE), AS_OF)


@pytest.mark.parametrize("ext", [".json", ".jsonl", ".parquet", ".csv"])
def test_check_out_writes_every_finding_and_exits_as_check_does(tmp_path: Path, capsys: pytest.CaptureFixture[str], report: er.Report, ext: str) -> None:
    out = tmp_path / f"findings{ext}"
    code = main(["check", "national", str(EXAMPLE), "--as-of", AS_OF.isoformat(), "--out", str(out)])
    assert code == 1  # the example has violations
    assert f"{report.table.height} findings" in capsys.readouterr().out
    if ext == ".json":
        assert json.loads(out.read_text(encoding="utf-8")) == report.to_json()
    elif ext == ".jsonl":
        lines = out.read_text(encoding="utf-8").splitlines()
        key = lambda f: (f["rule_id"], f["subject"], f["period"])  # noqa: E731 - streamed in rulebook order
        assert sorted((json.loads(line) for line in lines), key=key) == report.to_json()["findings"]
    else:
        read = pl.read_parquet(out) if ext == ".parquet" else pl.read_csv(out, schema=FINDINGS_SCHEMA)
        ordered = read.sort(["rule_id", "subject", "period"], maintain_order=True)
        assert ordered.equals(report.table)
        rules = pl.read_parquet(out.with_name("findings.rules.parquet")) if ext == ".parquet" else pl.read_csv(out.with_name("findings.rules.csv"))
        assert sorted(rules["rule_id"].to_list()) == sorted(report.rules)  # each rule's quote once
        assert "quote" not in read.columns
    assert out.with_name(f"findings.rejections{ext if ext != '.json' else '.json'}").exists() or ext == ".json"


def test_tabular_outputs_list_the_rejected_records(tmp_path: Path) -> None:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["officers"].append({"id": "bad", "unit": "nowhere", "hired_on": "2020-13-01"})
    facts_path = tmp_path / "facts.json"
    facts_path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code = main(["check", "national", str(facts_path), "--as-of", AS_OF.isoformat(), "--out", str(tmp_path / "f.parquet")])
    assert code == 3
    rejected = pl.read_parquet(tmp_path / "f.rejections.parquet")
    assert rejected.height >= 1 and any("officers" in loc for loc in rejected["location"].to_list())


def test_unknown_extension_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "national", str(EXAMPLE), "--as-of", AS_OF.isoformat(), "--out", str(tmp_path / "f.txt")])
    assert code == 2 and "unknown format" in capsys.readouterr().err


def test_write_report_of_an_empty_report_is_valid(tmp_path: Path) -> None:
    report = er.evaluate(er.load_rulebook("national"), er.Facts(), dt.date(2023, 1, 1))
    for ext in (".json", ".jsonl", ".parquet", ".csv"):
        path = tmp_path / f"empty{ext}"
        write_report(report, path)
        assert path.exists()
    assert json.loads((tmp_path / "empty.json").read_text(encoding="utf-8")) == report.to_json()
    assert pl.read_parquet(tmp_path / "empty.parquet").height == report.table.height


def test_parquet_gathers_small_parts_into_row_groups_and_keeps_the_order(tmp_path: Path, report: er.Report,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow.parquet as pq

    from enforcerules import output

    monkeypatch.setattr(output, "ROW_GROUP_ROWS", 5)
    table = report.table
    assert table.height > 12
    parts = [table.slice(0, 2), table.slice(2, 2), table.slice(4, 7), table.slice(11, 1), table.slice(12)]
    writer = output.open_writer(tmp_path / "f.parquet", {"jurisdiction": "national"}, report.rules, AS_OF)
    for part in parts:
        writer.write(part)
    writer.close()
    # 2 + 2 held; 7 ≥ 5 flushes them (one group of 4) and is a group of its own; 1 held, then the rest after it
    sizes = [pq.ParquetFile(tmp_path / "f.parquet").metadata.row_group(i).num_rows
             for i in range(pq.ParquetFile(tmp_path / "f.parquet").metadata.num_row_groups)]
    assert sizes[:2] == [4, 7] and sum(sizes) == table.height
    assert pl.read_parquet(tmp_path / "f.parquet").equals(table.select(list(FINDINGS_SCHEMA)).cast(FINDINGS_SCHEMA))  # type: ignore[arg-type]
