"""check --out --partition-by writes the findings of check --out, row for row, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from enforcerules.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SORT = ["rule_id", "subject", "period", "status"]


@pytest.mark.parametrize("jurisdiction", ["national", "shanxi", "datong"])
@pytest.mark.parametrize("by", ["unit", "region"])
def test_partitioned_check_writes_the_same_findings(tmp_path: Path, jurisdiction: str, by: str, capsys: pytest.CaptureFixture[str]) -> None:
    facts = EXAMPLES / f"{jurisdiction}.json"
    whole, parted = tmp_path / "whole.parquet", tmp_path / "parted.parquet"
    code = main(["check", jurisdiction, str(facts), "--as-of", "2025-06-30", "--out", str(whole)])
    assert main(["check", jurisdiction, str(facts), "--as-of", "2025-06-30", "--out", str(parted),
                 "--partition-by", by, "--partitions", "3"]) == code
    a, b = pl.read_parquet(whole), pl.read_parquet(parted)
    assert a.height > 0 and a.sort(SORT).equals(b.sort(SORT))
    out = capsys.readouterr().out.splitlines()
    assert out[0].split(": ", 1)[1] == out[1].split(": ", 1)[1]  # same counts in the summary


def test_partitioned_json_report_equals_the_whole_one(tmp_path: Path) -> None:
    facts = EXAMPLES / "national.json"
    whole, parted = tmp_path / "whole.json", tmp_path / "parted.json"
    main(["check", "national", str(facts), "--as-of", "2025-06-30", "--out", str(whole)])
    main(["check", "national", str(facts), "--as-of", "2025-06-30", "--out", str(parted), "--partition-by", "unit"])
    assert json.loads(whole.read_text("utf-8"))["findings"] == json.loads(parted.read_text("utf-8"))["findings"]


@pytest.mark.parametrize("args, message", [
    (["--partition-by", "unit"], "--partition-by and --spark write findings with --out FILE"),
    (["--spark", "local[1]"], "--partition-by and --spark write findings with --out FILE"),
    (["--out", "x.parquet", "--partition-by", "unit", "--partitions", "0"], "--partitions must be at least 1 (got 0)"),
])
def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check", "national", str(EXAMPLES / "national.json"), *args]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.parquet").exists()
