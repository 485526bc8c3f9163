"""A report as one self-contained HTML file: charts, drill-down tables, each rule's quote once.

The file works offline: the chart library (Apache ECharts, vendored in
``enforcerules/assets`` with its licence) and the data are inlined. The
data travel as one JSON document in a ``<script type="application/json">``
element with ``<``, ``>`` and ``&`` written as ``\\u003c``…, so no string from
the facts can close the element; the page's script puts every string into
the page with ``textContent`` and draws charts with ECharts' rich-text (canvas)
tooltips, so no string is ever read as HTML. Tables are paged (50 rows a
page), sorted and filtered in memory, which keeps a 100,000-finding report
responsive. When the charts have rendered the script sets
``data-charts="rendered"`` on ``<html>`` (tests read it back).
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from .factset import Facts
from .findings_table import render_rows
from .reading import plan_end_notice
from .report import Report
from .summary import STATUS_LABELS, STATUSES, Summary, summarize

__all__ = ["html_document", "write_html"]

_COLOURS = {
    "compliant": "#3BA272", "pending": "#5470C6", "late": "#FAC858", "violation": "#EE6666",
    "not_applicable": "#BBBBBB", "exempt": "#91CC75", "insufficient_data": "#FC8452", "out_of_period": "#888888",
}


def _safe_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment, whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _columns(frame: pl.DataFrame) -> dict[str, list[Any]]:
    return {c: frame[c].to_list() for c in frame.columns}


def _timeline(summary: Summary) -> dict[str, list[Any]]:
    """Dated tasks: per rule, due day, completion day and status, counted (not one point per finding)."""
    tasks = summary.findings.filter((pl.col("kind") == "task_deadline") & pl.col("due").is_not_null())
    tasks = tasks.with_columns(pl.col("evidence").str.json_path_match("$.completed_on").alias("completed"))
    grouped = (tasks.group_by("rule_id", "due", "completed", "status").len()
               .with_columns(pl.col("due").cast(pl.String)).sort("rule_id", "due", "completed", nulls_last=True))
    return _columns(grouped.rename({"len": "n"}))


def _data(report: Report, facts: Facts, summary: Summary, lang: str) -> dict[str, Any]:
    rules = summary.by_rule.select(
        "rule_id", "title_zh", "title_en", "kind", "document", "clause", "quote", *STATUSES, "total", "judged", "compliance_rate")
    found = summary.findings
    zh: list[str] = []
    en: list[str] = []
    remedy_zh: list[str] = []
    remedy_en: list[str] = []
    for f in render_rows(report.table, report.rules, report.as_of):  # the words, once per row written
        zh.append(f.explanation_zh)
        en.append(f.explanation_en)
        remedy_zh.append(f.remedy_zh)
        remedy_en.append(f.remedy_en)
    findings = _columns(found.select("rule_id", "subject", "subject_name", "unit", "unit_name", "region_name", "period",
                                     pl.col("due").cast(pl.String), "status"))
    findings |= {"zh": zh, "en": en, "remedy_zh": remedy_zh, "remedy_en": remedy_en}
    return {
        "meta": {
            "jurisdiction": report.jurisdiction, "as_of": report.as_of.isoformat(), "digest": report.rulebook_digest,
            "engine": report.engine, "notice_zh": plan_end_notice(report.rules, report.as_of, "zh"),
            "notice_en": plan_end_notice(report.rules, report.as_of, "en"), "rejections": len(report.rejections), "lang": lang,
        },
        "statuses": [{"code": s, "zh": STATUS_LABELS[s][0], "en": STATUS_LABELS[s][1], "colour": _COLOURS[s]} for s in STATUSES],
        "counts": summary.counts(),
        "rules": _columns(rules),
        "units": _columns(summary.by_unit.filter(pl.col("unit").is_not_null()).select(
            "unit", "unit_name", "region", *STATUSES, "total", "judged", "compliance_rate")),
        "regions": _columns(summary.by_region.select("region", "region_name", "level", "parent", *STATUSES, "total", "judged",
                                                     "compliance_rate")),
        "training": _columns(summary.training),
        "timeline": _timeline(summary),
        "findings": findings,
        "rejections": [r.to_json() for r in report.rejections],
    }


def html_document(report: Report, facts: Facts, title: str = "", lang: str = "zh") -> str:
    """The report as one HTML document (a string), opening in *lang* (``zh`` or ``en``; the reader can switch)."""
    summary = summarize(report, facts)
    assets = resources.files("enforcerules") / "assets"
    echarts = (assets / "echarts.min.js").read_text(encoding="utf-8")
    page = (assets / "report.html").read_text(encoding="utf-8")
    app = (assets / "report.js").read_text(encoding="utf-8")
    heading = title or f"提升行政执法质量评估报告 · {report.jurisdiction}"
    parts = {"TITLE": html.escape(heading), "DATA": _safe_json(_data(report, facts, summary, lang)),
             "ECHARTS": echarts.replace("</script", "<\\/script"), "APP": app}
    # one pass: a substituted part is never scanned for placeholders again
    return re.sub(r"\{\{(TITLE|DATA|ECHARTS|APP)\}\}", lambda m: parts[m.group(1)], page)


def write_html(report: Report, facts: Facts, path: Path, title: str = "", lang: str = "zh") -> None:
    """Write *report* as a self-contained HTML file at *path*."""
    Path(path).write_text(html_document(report, facts, title, lang), encoding="utf-8", newline="\n")
