"""A report as an Excel workbook: a summary sheet, one sheet per rule family, the rules, the rejections.

Written with xlsxwriter in constant-memory mode (rows go straight to disk,
so a 100,000-finding report does not sit in memory as cells). Headers are
Chinese with the English beneath in the header comment line, the header
row is frozen, every table has an autofilter, and each status has its
colour. Words (explanation, remedy) are rendered for the rows written only.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import polars as pl
import xlsxwriter

from .factset import Facts
from .findings_table import render
from .reading import plan_end_notice
from .report import Report
from .summary import STATUS_LABELS, STATUSES, Summary, summarize

__all__ = ["KIND_LABELS", "STATUS_COLOURS", "write_xlsx", "write_tables_xlsx"]

#: Fill colours of the statuses (red for violations, amber for late, green for compliant…).
STATUS_COLOURS: dict[str, str] = {
    "compliant": "#C6EFCE",
    "pending": "#DDEBF7",
    "late": "#FFEB9C",
    "violation": "#FFC7CE",
    "not_applicable": "#EDEDED",
    "exempt": "#E2EFDA",
    "insufficient_data": "#FCE4D6",
    "out_of_period": "#D9D9D9",
}

#: Chinese names of the rule families (kinds), for sheet names and headings.
KIND_LABELS: dict[str, str] = {
    "annual_training_hours": "年度培训学时",
    "task_deadline": "限期任务",
    "recurring_count": "定期工作",
    "case_procedure": "案件程序",
    "certified_handling": "持证执法",
    "certificate_issuance": "证件核发",
    "certificate_withdrawal": "证件注销",
    "penalty_disposition": "处罚裁量",
    "mitigation_required": "从轻减轻",
    "relative_deadline": "相对期限",
    "metric_target": "指标目标",
    "designation_count": "试点数量",
    "unit_training_hours": "单位组织培训",
    "item_catalogue": "执法事项目录",
    "item_cleanup": "执法事项清理",
}

_EXCEL_ROWS = 1_048_575  # a sheet's rows below its header

#: Findings sheet columns: Chinese header, English header, width.
_FINDING_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("规则", "rule", 40), ("规则名称", "rule title", 30), ("条款", "clause", 12), ("对象", "subject", 22),
    ("对象名称", "subject name", 16), ("单位", "unit", 18), ("单位名称", "unit name", 24), ("地区", "region", 14),
    ("期间", "period", 14), ("期限", "due", 12), ("结论", "status", 10), ("状态代码", "status code", 14),
    ("说明", "explanation", 60), ("整改建议", "remedy", 40), ("explanation (en)", "explanation", 60),
)


class _Book:
    def __init__(self, path: Path) -> None:
        self.wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                                  "strings_to_urls": False})
        self.head = self.wb.add_format({"bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF", "text_wrap": True,
                                        "valign": "top", "border": 1})
        self.title = self.wb.add_format({"bold": True, "font_size": 14})
        self.date = self.wb.add_format({"num_format": "yyyy-mm-dd"})
        self.pct = self.wb.add_format({"num_format": "0.0%"})
        self.status = {s: self.wb.add_format({"bg_color": c}) for s, c in STATUS_COLOURS.items()}
        self.names: set[str] = set()

    def sheet(self, name: str) -> Any:
        base = "".join(ch for ch in name if ch not in "[]:*?/\\")[:28] or "sheet"
        unique, n = base, 2
        while unique.lower() in self.names:
            unique, n = f"{base[:25]} ({n})", n + 1
        self.names.add(unique.lower())
        return self.wb.add_worksheet(unique)

    def header(self, ws: Any, row: int, headers: Sequence[tuple[str, str, int]]) -> None:
        for col, (zh, en, width) in enumerate(headers):
            ws.set_column(col, col, width)
            ws.write_string(row, col, f"{zh}\n{en}" if en and en != zh else zh, self.head)
        ws.set_row(row, 32)

    def cell(self, ws: Any, row: int, col: int, value: Any, fmt: Any = None) -> None:
        if value is None:
            ws.write_blank(row, col, None, fmt)
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value, fmt)
        elif isinstance(value, (int, float)):
            ws.write_number(row, col, value, fmt)
        elif isinstance(value, _dt.date):
            ws.write_datetime(row, col, _dt.datetime.combine(value, _dt.time()), fmt or self.date)
        else:
            ws.write_string(row, col, str(value), fmt)  # text stays text: never a formula or a link

    def table(self, ws: Any, top: int, headers: Sequence[tuple[str, str, int]], frame: pl.DataFrame,
              status_col: str | None = None, pct_cols: Sequence[str] = ()) -> int:
        """A header row and *frame* from row *top*; an autofilter over them. Returns the next free row."""
        self.header(ws, top, headers)
        cols = frame.columns
        for i, row in enumerate(frame.iter_rows(), start=top + 1):
            fmt = self.status.get(row[cols.index(status_col)]) if status_col else None
            for j, value in enumerate(row):
                self.cell(ws, i, j, value, self.pct if cols[j] in pct_cols else (fmt if cols[j] == status_col else None))
        ws.autofilter(top, 0, top + max(frame.height, 1), len(headers) - 1)
        return top + frame.height + 2


def _counts_headers() -> list[tuple[str, str, int]]:
    return [(STATUS_LABELS[s][0], STATUS_LABELS[s][1], 9) for s in STATUSES] + [
        ("合计", "total", 8), ("已评判", "judged", 8), ("合规率", "compliance rate", 10)]


def _summary_sheet(book: _Book, report: Report, summary: Summary) -> None:
    ws = book.sheet("汇总")
    ws.write_string(0, 0, f"提升行政执法质量评估报告 · {report.jurisdiction} · 评估日 {report.as_of.isoformat()}", book.title)
    ws.write_string(1, 0, f"规则库摘要 rulebook {report.rulebook_digest[:16]}  引擎 engine {report.engine}")
    notice = plan_end_notice(report.rules, report.as_of, "zh")
    ws.write_string(2, 0, notice)
    # The table starts on row 4 and its header is frozen; sheets below are each one table.
    headers = [("规则", "rule", 40), ("规则名称", "title", 30), ("类别", "kind", 14), ("文件", "document", 18),
               ("条款", "clause", 12), *_counts_headers()]
    frame = summary.by_rule.select("rule_id", "title_zh", pl.col("kind").replace_strict(KIND_LABELS, default=pl.col("kind")),
                                   "document", "clause", *STATUSES, "total", "judged", "compliance_rate")
    ws.freeze_panes(5, 1)
    book.table(ws, 4, headers, frame, pct_cols=("compliance_rate",))


def _unit_sheet(book: _Book, summary: Summary) -> None:
    ws = book.sheet("按单位")
    headers = [("单位", "unit", 18), ("单位名称", "unit name", 26), ("地区", "region", 14), *_counts_headers()]
    ws.freeze_panes(1, 2)
    book.table(ws, 0, headers, summary.by_unit.select("unit", "unit_name", "region", *STATUSES, "total", "judged", "compliance_rate"),
               pct_cols=("compliance_rate",))


def _region_sheet(book: _Book, summary: Summary) -> None:
    ws = book.sheet("按地区（含下级）")
    headers = [("地区", "region", 14), ("地区名称", "region name", 16), ("层级", "level", 10), ("上级", "parent", 14),
               *_counts_headers()]
    ws.freeze_panes(1, 2)
    book.table(ws, 0, headers, summary.by_region.select("region", "region_name", "level", "parent", *STATUSES, "total", "judged",
                                                        "compliance_rate"), pct_cols=("compliance_rate",))


def _training_sheet(book: _Book, summary: Summary) -> None:
    ws = book.sheet("培训达标率")
    headers = [("单位", "unit", 18), ("单位名称", "unit name", 26), ("年度", "year", 8), ("已评判人数", "officers judged", 12),
               ("达标人数", "officers meeting", 12), ("达标率", "rate", 10)]
    ws.freeze_panes(1, 2)
    book.table(ws, 0, headers, summary.training, pct_cols=("compliance_rate",))


def _finding_sheets(book: _Book, report: Report, summary: Summary) -> None:
    found = summary.findings.join(summary.by_rule.select("rule_id", "title_zh", "clause"), on="rule_id", how="left",
                                  maintain_order="left")
    for kind in summary.by_rule["kind"].unique(maintain_order=True).to_list():
        part = found.filter(pl.col("kind") == kind)
        for chunk_no, start in enumerate(range(0, max(part.height, 1), _EXCEL_ROWS)):
            ws = book.sheet(KIND_LABELS.get(kind, kind) + (f" ({chunk_no + 1})" if chunk_no else ""))
            ws.freeze_panes(1, 1)
            book.header(ws, 0, _FINDING_COLUMNS)
            chunk = part.slice(start, _EXCEL_ROWS)
            for i, row in enumerate(chunk.iter_rows(named=True), start=1):  # words rendered for the rows written
                f = render(report.rules[row["rule_id"]], row, report.as_of)
                values = (row["rule_id"], row["title_zh"], row["clause"], row["subject"], row["subject_name"], row["unit"],
                          row["unit_name"], row["region"], row["period"], row["due"], STATUS_LABELS[row["status"]][0], row["status"],
                          f.explanation_zh, f.remedy_zh, f.explanation_en)
                for j, value in enumerate(values):
                    book.cell(ws, i, j, value, book.status[row["status"]] if j in (10, 11) else None)
            ws.autofilter(0, 0, max(chunk.height, 1), len(_FINDING_COLUMNS) - 1)


def _rules_sheet(book: _Book, report: Report) -> None:
    ws = book.sheet("规则与原文")
    headers = [("规则", "rule", 40), ("规则名称", "title", 30), ("类别", "kind", 14), ("文件", "document", 18), ("条款", "clause", 12),
               ("原文", "quote", 80), ("生效", "effective from", 12), ("截止", "effective to", 12)]
    ws.freeze_panes(1, 1)
    rules = report.rules_table().select("rule_id", "title_zh", "kind", "document", "clause", "quote", "effective_start", "effective_end")
    book.table(ws, 0, headers, rules)


def _rejections_sheet(book: _Book, report: Report) -> None:
    ws = book.sheet("被拒记录")
    headers = [("位置", "location", 30), ("原因", "reason", 40), ("值", "value", 30), ("应为", "expected", 30)]
    ws.freeze_panes(1, 0)
    frame = pl.DataFrame({"location": [r.location for r in report.rejections], "reason": [r.reason for r in report.rejections],
                          "value": [repr(r.value) for r in report.rejections], "expected": [r.expected for r in report.rejections]},
                         schema={"location": pl.String, "reason": pl.String, "value": pl.String, "expected": pl.String})
    book.table(ws, 0, headers, frame)


def write_xlsx(report: Report, facts: Facts, path: Path) -> None:
    """Write *report* as an Excel workbook at *path* (the facts name subjects and place them in units and regions)."""
    summary = summarize(report, facts)
    book = _Book(path)
    _summary_sheet(book, report, summary)
    _unit_sheet(book, summary)
    _region_sheet(book, summary)
    _training_sheet(book, summary)
    _finding_sheets(book, report, summary)
    _rules_sheet(book, report)
    _rejections_sheet(book, report)
    book.wb.close()


def write_tables_xlsx(path: Path, sheets: Sequence[tuple[str, Sequence[tuple[str, str, int]], pl.DataFrame, str | None]],
                      title: str = "") -> None:
    """Sheets of plain tables (name, headers, frame, status column or None); used by the scorecard."""
    book = _Book(path)
    for i, (name, headers, frame, status_col) in enumerate(sheets):
        ws = book.sheet(name)
        top = 0
        if i == 0 and title:
            ws.write_string(0, 0, title, book.title)
            top = 2
        ws.freeze_panes(top + 1, 1)
        book.table(ws, top, headers, frame, status_col=status_col,
                   pct_cols=[c for c in frame.columns if c.endswith("rate")])
    book.wb.close()
