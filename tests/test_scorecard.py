"""The final-evaluation scorecard: every bundled example, both formats, in the plan's order."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from enforcerules import Registry, load_facts, scorecard
from enforcerules.cli import main
from enforcerules.scorecard import clause_key

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
JURISDICTIONS = ["national", "shanxi", "liaoning", "tianjin", "datong"]


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_scorecard_of_every_example_in_both_formats(tmp_path: Path, jurisdiction: str, capsys: pytest.CaptureFixture[str]) -> None:
    facts_path = EXAMPLES / f"{jurisdiction}.json"
    facts = load_facts(facts_path)
    report = Registry().evaluate(jurisdiction, facts, dt.date(2026, 1, 31))
    card = scorecard(report, facts)
    tasks = report.table.join(report.rules_table().select("rule_id", "kind"), on="rule_id").filter(pl.col("kind") == "task_deadline")
    for ext in ("html", "xlsx"):
        out = tmp_path / f"scorecard.{ext}"
        code = main(["scorecard", jurisdiction, str(facts_path), "--as-of", "2026-01-31", "--out", str(out)])
        assert code in (0, 1) and out.stat().st_size > 0
        if ext == "xlsx":
            wb = openpyxl.load_workbook(out)
            assert wb.sheetnames == ["按条款", "限期任务", "年度培训", "按单位"]
            clauses = list(wb["按条款"].iter_rows(min_row=4, values_only=True))
            task_rows = list(wb["限期任务"].iter_rows(min_row=2, values_only=True))
            assert wb["按条款"].freeze_panes == "B4" and wb["限期任务"].auto_filter.ref
        else:
            parser = _Rows()
            parser.feed(out.read_text(encoding="utf-8"))
            clauses = [tuple(r) for r in parser.tables[0][1:]]
            task_rows = [tuple(r) for r in parser.tables[1][1:]]
        # one row per rule, in the plan's order, counts adding up to the findings
        assert [r[2] for r in clauses] == card.clauses["rule_id"].to_list()
        assert sorted(r[2] for r in clauses) == sorted(report.rules)
        assert len(task_rows) == tasks.height
        if ext == "xlsx":
            assert sum(r[10] for r in clauses) == report.table.height
            assert {r[9] for r in task_rows} == set(tasks["status"].unique())
    assert "2025-12-31" in card.notice_zh
    # per unit rows plus the all-units row, whose overall rate is the report's
    overall = card.units.filter(pl.col("unit") == "*").row(0, named=True)
    judged = report.table.filter(pl.col("status").is_in(["compliant", "late", "violation"]))
    assert overall["judged"] == judged.height
    assert overall["overall_rate"] == pytest.approx(judged.filter(pl.col("status") == "compliant").height / judged.height)
    assert [c for c in card.training.columns if c.startswith("rate_")] == ["rate_2023", "rate_2024", "rate_2025"]


def test_clauses_follow_the_plans_order() -> None:
    facts = load_facts(EXAMPLES / "national.json")
    card = scorecard(Registry().evaluate("national", facts, dt.date(2026, 1, 31)), facts)
    plan = card.clauses.filter(pl.col("document") == "gbf-2023-27")["clause"].to_list()
    assert plan == sorted(plan, key=clause_key)
    assert plan[0] == "二（一）2" and plan[-1] == "三（一）"
    assert clause_key("二（一）3") < clause_key("二（二）1") < clause_key("二（十）1") < clause_key("三（末段）")
    assert clause_key("（9）") < clause_key("（10）") < clause_key("三（二）")


@given(st.integers(1, 199), st.integers(1, 199))
def test_chinese_numerals_order_like_their_numbers(a: int, b: int) -> None:
    digits = "零一二三四五六七八九"

    def zh(n: int) -> str:
        hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
        out = (digits[hundreds] + "百") if hundreds else ""
        if tens:
            out += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
        elif hundreds and ones:
            out += "零"
        return out + (digits[ones] if ones else "")

    assert (clause_key(f"第{zh(a)}条") < clause_key(f"第{zh(b)}条")) == (a < b)
    assert re.fullmatch(r"[零一二三四五六七八九十百]+", zh(a))


def test_scorecard_wants_html_or_xlsx(tmp_path: Path) -> None:
    assert main(["scorecard", "national", str(EXAMPLES / "national.json"), "--out", str(tmp_path / "x.pdf")]) == 2
