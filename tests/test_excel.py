"""The Excel workbook, read back with openpyxl: counts, headers, frozen panes, filters, colours."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from enforcerules import Registry, attributed_findings, load_facts
from enforcerules.cli import main
from enforcerules.excel import KIND_LABELS, STATUS_COLOURS
from enforcerules.output import write_report

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("jurisdiction", ["national", "shanxi"])
def test_workbook_counts_equal_the_findings_table(tmp_path: Path, jurisdiction: str) -> None:
    facts = load_facts(EXAMPLES / f"{jurisdiction}.json")
    report = Registry().evaluate(jurisdiction, facts, dt.date(2026, 1, 31))
    path = tmp_path / "report.xlsx"
    write_report(report, path, facts=facts)
    wb = openpyxl.load_workbook(path)
    kinds = report.table.join(report.rules_table().select("rule_id", "kind"), on="rule_id")
    per_kind = dict(kinds.group_by("kind").len().iter_rows())
    statuses: Counter[str] = Counter()
    for kind, n in per_kind.items():
        ws = wb[KIND_LABELS[kind]]
        header = [c.value for c in ws[1]]
        assert header[0].startswith("规则") and header[10].startswith("结论") and header[11].startswith("状态代码")
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        assert len(rows) == n
        statuses.update(r[11] for r in rows)
        assert ws.freeze_panes == "B2"
        assert ws.auto_filter.ref == f"A1:O{n + 1}"
        # the status cells carry the status's colour
        for r in range(2, min(n, 20) + 2):
            code = ws.cell(r, 12).value
            assert ws.cell(r, 11).fill.fgColor.rgb == "FF" + STATUS_COLOURS[code].lstrip("#")
    assert statuses == Counter(dict(report.table.group_by("status").len().iter_rows()))

    summary = wb["汇总"]
    assert summary.freeze_panes == "B6" and summary.auto_filter.ref is not None
    head = [c.value for c in summary[5]]
    assert head[0].startswith("规则") and any(h and h.startswith("违规") for h in head)
    by_rule = {row[0]: row for row in summary.iter_rows(min_row=6, values_only=True) if row[0]}
    assert set(by_rule) == set(report.rules)
    total_col = head.index(next(h for h in head if h and h.startswith("合计")))
    assert sum(r[total_col] for r in by_rule.values()) == report.table.height
    assert "规划已于2025-12-31结束" in summary["A3"].value
    rules = wb["规则与原文"]
    quotes = {row[0]: row[5] for row in rules.iter_rows(min_row=2, values_only=True)}
    assert quotes == {r.id: r.rule.citation.quote for r in report.rules.values()}


def test_facts_strings_stay_text_in_the_workbook(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "national.json").read_text(encoding="utf-8"))
    data["officers"][0]["name"] = '=HYPERLINK("http://example.invalid","x")'
    facts_path = tmp_path / "facts.json"
    facts_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "r.xlsx"
    assert main(["check", "national", str(facts_path), "--as-of", "2026-01-31", "--out", str(out)]) == 1
    wb = openpyxl.load_workbook(out)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)
    facts = load_facts(facts_path)
    report = Registry().evaluate("national", facts, dt.date(2026, 1, 31))
    named = attributed_findings(report, facts).filter(pl.col("subject_name").str.contains("HYPERLINK", literal=True)).height
    assert len(cells) == named


def test_check_filters_narrow_the_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.xlsx"
    code = main(["check", "shanxi", str(EXAMPLES / "shanxi.json"), "--as-of", "2026-01-31", "--out", str(out),
                 "--status", "violation", "--unit", "ls_market"])
    assert code == 1 and "findings" in capsys.readouterr().out
    wb = openpyxl.load_workbook(out)
    rows = [r for ws in wb.worksheets[4:] if ws.title in KIND_LABELS.values() for r in ws.iter_rows(min_row=2, values_only=True)]
    assert rows and {r[11] for r in rows} == {"violation"} and {r[5] for r in rows} == {"ls_market"}
