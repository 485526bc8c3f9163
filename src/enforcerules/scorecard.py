"""The plan's final-evaluation scorecard (终期评估): the plan's own structure, task by task, unit by unit.

For each rule, grouped by the clause it cites in document order (二（一）2,
二（一）3…, or a plan's task numbers (1)、(2)…): how many subjects did it on
time, late, not at all, or are not yet due; for dated tasks, which unit did
what, when. Then the yearly training compliance 2023–2025 per unit, the
certificate and case-procedure rates per unit, and each unit's overall
rate. Built on :func:`enforcerules.summarize` (polars group-bys).

Written as HTML (static tables, no script) or Excel (:func:`write_scorecard`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

import attrs
import polars as pl

from .factset import Facts
from .reading import plan_end_notice
from .report import Report
from .rules import PLAN_PERIOD
from .summary import JUDGED, STATUS_LABELS, Summary, summarize

__all__ = ["OUTCOME_LABELS", "Scorecard", "clause_key", "scorecard", "write_scorecard"]

#: What a status means for a plan task, in the scorecard's words.
OUTCOME_LABELS: dict[str, tuple[str, str]] = {
    "compliant": ("按时完成", "done on time"),
    "late": ("逾期完成", "late"),
    "violation": ("未完成", "not done"),
    "pending": ("未到期", "not yet due"),
}

_NUMERALS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _chinese_number(text: str) -> int:
    """一 → 1, 十二 → 12, 三十二 → 32, 一百零五 → 105."""
    total, current = 0, 0
    for ch in text:
        if ch in _NUMERALS:
            current = _NUMERALS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def clause_key(clause: str) -> tuple[int, ...]:
    """A sort key reading a clause as the numbers in it: 二（一）3 → (2, 1, 3), 第三十二条 → (32,), （14） → (14,).

    A closing paragraph (末段) sorts after its section's numbered items. A
    plan that numbers its tasks 1, 2… or (1), (2)… inside section 二 and cites
    its closing section as 三（二） gets the task numbers first: clauses that
    begin with an Arabic number sort before those that begin with a Chinese
    one (the first element of the key says which).
    """
    tokens = re.findall(r"[零一二三四五六七八九十百]+|\d+|末", clause)
    key = [999 if t == "末" else int(t) if t.isdigit() else _chinese_number(t) for t in tokens]
    return (0 if tokens and tokens[0].isdigit() else 1, *key)


@attrs.frozen(slots=False)
class Scorecard:
    jurisdiction: str
    as_of: str
    notice_zh: str
    notice_en: str
    #: One row per rule in the plan's order: counts done on time, late, not done, not yet due, rate.
    clauses: pl.DataFrame = attrs.field(repr=False)
    #: Dated tasks: one row per rule and unit, with its outcome, due day and completion day.
    tasks: pl.DataFrame = attrs.field(repr=False)
    #: Yearly training hours per unit, one rate column a year of the plan (and a row for all units).
    training: pl.DataFrame = attrs.field(repr=False)
    #: Per unit: certificate and case-procedure rates, and the overall rate (and a row for all units).
    units: pl.DataFrame = attrs.field(repr=False)


def _rate(ok: pl.Expr, judged: pl.Expr) -> pl.Expr:
    return pl.when(judged > 0).then(ok / judged).otherwise(None)


def _family_rates(found: pl.DataFrame, name: str, keep: pl.Expr) -> pl.DataFrame:
    part = found.filter(keep & pl.col("unit").is_not_null())
    return part.group_by("unit").agg(
        pl.col("status").is_in(JUDGED).sum().cast(pl.Int64).alias(f"{name}_judged"),
        (pl.col("status") == "compliant").sum().cast(pl.Int64).alias(f"{name}_ok"),
    ).with_columns(_rate(pl.col(f"{name}_ok"), pl.col(f"{name}_judged")).alias(f"{name}_rate"))


def scorecard(report: Report, facts: Facts, summary: Summary | None = None) -> Scorecard:
    """The final-evaluation scorecard of *report* (evaluate as of a day after the plan's end)."""
    summary = summary or summarize(report, facts)
    found = summary.findings
    rules = summary.by_rule.with_row_index("_order")
    documents = rules["document"].unique(maintain_order=True).to_list()
    rules = rules.with_columns(
        pl.col("document").replace_strict({d: i for i, d in enumerate(documents)}, return_dtype=pl.Int64).alias("_doc"),
        pl.col("clause").map_elements(lambda c: list(clause_key(c)), return_dtype=pl.List(pl.Int64)).alias("_clause"),
    ).sort("_doc", "_clause", "_order")
    clauses = rules.select(
        "document", "clause", "rule_id", "title_zh", "kind",
        pl.col("compliant").alias("on_time"), "late", pl.col("violation").alias("not_done"), "pending",
        (pl.col("total") - pl.col("compliant") - pl.col("late") - pl.col("violation") - pl.col("pending")).alias("other"),
        "total", "compliance_rate",
    )
    tasks = (
        found.filter(pl.col("kind") == "task_deadline")
        .join(rules.select("rule_id", "clause", "title_zh", "_doc", "_clause", "_order"), on="rule_id", how="left")
        .with_columns(
            pl.col("evidence").str.json_path_match("$.completed_on").alias("completed_on"),
            pl.col("status").replace_strict({s: v[0] for s, v in OUTCOME_LABELS.items()},
                                            default=pl.col("status").replace_strict({s: v[0] for s, v in STATUS_LABELS.items()},
                                                                                    default=pl.col("status"))).alias("outcome"),
        )
        .sort("_doc", "_clause", "_order", "unit", "period", nulls_last=True)
        .select("clause", "rule_id", "title_zh", "unit", "unit_name", "period", "due", "completed_on", "outcome", "status")
    )
    years = [str(y) for y in range(PLAN_PERIOD.start.year, PLAN_PERIOD.end.year + 1)]
    training_rows = found.filter((pl.col("kind") == "annual_training_hours") & pl.col("period").is_in(years))
    per_year = [
        _rate((pl.col("status") == "compliant").filter(pl.col("period") == y).sum(),
              pl.col("status").is_in(JUDGED).filter(pl.col("period") == y).sum()).alias(f"rate_{y}")
        for y in years
    ]
    training = pl.concat([
        training_rows.filter(pl.col("unit").is_not_null()).group_by("unit").agg(pl.col("unit_name").first(), *per_year).sort("unit"),
        training_rows.select(pl.lit("*").alias("unit"), pl.lit("全部单位 all units").alias("unit_name"), *per_year),
    ], how="vertical_relaxed") if training_rows.height else pl.DataFrame(
        schema={"unit": pl.String, "unit_name": pl.String, **{f"rate_{y}": pl.Float64 for y in years}})
    certificate = pl.col("kind").str.starts_with("certificate") | (pl.col("kind") == "certified_handling")
    case_procedure = (pl.col("subject_kind") == "case") & ~certificate
    overall = summary.by_unit.filter(pl.col("unit").is_not_null()).select(
        "unit", "unit_name", "violation", "late", "judged", pl.col("compliance_rate").alias("overall_rate"))
    units = (
        overall.join(_family_rates(found, "certificate", certificate), on="unit", how="left")
        .join(_family_rates(found, "case", case_procedure), on="unit", how="left")
        .select("unit", "unit_name", "certificate_rate", "case_rate", "violation", "late", "judged", "overall_rate")
    )
    counts = found.select(
        _rate((pl.col("status") == "compliant").filter(certificate).sum(), pl.col("status").is_in(JUDGED).filter(certificate).sum())
        .alias("certificate_rate"),
        _rate((pl.col("status") == "compliant").filter(case_procedure).sum(), pl.col("status").is_in(JUDGED).filter(case_procedure).sum())
        .alias("case_rate"),
        (pl.col("status") == "violation").sum().cast(pl.Int64).alias("violation"),
        (pl.col("status") == "late").sum().cast(pl.Int64).alias("late"),
        pl.col("status").is_in(JUDGED).sum().cast(pl.Int64).alias("judged"),
        _rate((pl.col("status") == "compliant").sum(), pl.col("status").is_in(JUDGED).sum()).alias("overall_rate"),
    ).select(pl.lit("*").alias("unit"), pl.lit("全部单位 all units").alias("unit_name"), pl.all())
    units = pl.concat([units, counts], how="vertical_relaxed")
    return Scorecard(report.jurisdiction, report.as_of.isoformat(), plan_end_notice(report.rules, report.as_of, "zh"),
                     plan_end_notice(report.rules, report.as_of, "en"), clauses, tasks, training, units)


_CLAUSE_HEADERS = (("文件", "document", 16), ("条款", "clause", 12), ("规则", "rule", 40), ("任务", "task", 36), ("类别", "kind", 14),
                   ("按时完成/合规", "on time / compliant", 10), ("逾期完成", "late", 8), ("未完成/违规", "not done / violation", 10),
                   ("未到期", "not yet due", 8), ("其他", "other", 8), ("合计", "total", 8), ("达标率", "rate", 10))
_TASK_HEADERS = (("条款", "clause", 12), ("规则", "rule", 40), ("任务", "task", 36), ("单位", "unit", 16), ("单位名称", "unit name", 24),
                 ("期间", "period", 14), ("期限", "due", 12), ("完成日", "completed on", 12), ("结果", "outcome", 10),
                 ("状态代码", "status", 12))
_UNIT_HEADERS = (("单位", "unit", 16), ("单位名称", "unit name", 24), ("持证执法/证件达标率", "certificate rate", 14),
                 ("案件程序达标率", "case-procedure rate", 14), ("违规", "violations", 8), ("逾期", "late", 8),
                 ("已评判", "judged", 8), ("总体达标率", "overall rate", 12))


def _training_headers(card: Scorecard) -> list[tuple[str, str, int]]:
    return [("单位", "unit", 16), ("单位名称", "unit name", 24)] + [
        (f"{c[5:]}年达标率", f"{c[5:]} rate", 12) for c in card.training.columns if c.startswith("rate_")]


def _sheets(card: Scorecard) -> list[tuple[str, Sequence[tuple[str, str, int]], pl.DataFrame, str | None]]:
    return [
        ("按条款", _CLAUSE_HEADERS, card.clauses, None),
        ("限期任务", _TASK_HEADERS, card.tasks, "status"),
        ("年度培训", _training_headers(card), card.training, None),
        ("按单位", _UNIT_HEADERS, card.units, None),
    ]


def _cell(value: object, column: str) -> str:
    if value is None:
        return "–"
    if column.endswith("rate") or column.startswith("rate_"):
        return f"{float(value):.1%}"  # type: ignore[arg-type]
    return html.escape(str(value))


def _html(card: Scorecard) -> str:
    title = html.escape(f"提升行政执法质量三年行动计划终期评估记分卡 · {card.jurisdiction} · {card.as_of}")
    parts = [f"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
             f"initial-scale=1\"><title>{title}</title><style>body{{font:14px/1.5 system-ui,sans-serif;margin:16px;color:#1f2937}}"
             "table{border-collapse:collapse;margin-bottom:24px;font-size:13px}th,td{border:1px solid #ddd;padding:3px 6px;"
             "text-align:left;vertical-align:top}th{background:#1f4e78;color:#fff}td.n{text-align:right}"
             ".s-compliant{background:#C6EFCE}.s-late{background:#FFEB9C}.s-violation{background:#FFC7CE}.s-pending{background:#DDEBF7}"
             ".notice{background:#fff7e6;border:1px solid #fac858;padding:6px 10px}div.scroll{overflow-x:auto}</style></head><body>",
             f"<h1>{title}</h1>"]
    if card.notice_zh:
        parts.append(f"<p class=\"notice\">{html.escape(card.notice_zh)}<br>{html.escape(card.notice_en)}</p>")
    names = {"按条款": "一、按计划条款 By clause of the plan", "限期任务": "二、限期任务完成情况 Dated tasks by unit",
             "年度培训": "三、年度培训学时达标率 Yearly training hours met", "按单位": "四、证件、案件程序与总体达标率 Rates by unit"}
    for name, headers, frame, status_col in _sheets(card):
        parts.append(f"<h2>{html.escape(names[name])}</h2><div class=\"scroll\"><table><thead><tr>")
        parts.extend(f"<th>{html.escape(zh)}<br><small>{html.escape(en)}</small></th>" for zh, en, _ in headers)
        parts.append("</tr></thead><tbody>")
        cols = frame.columns
        for row in frame.iter_rows():  # one row per rule, task or unit: the scorecard is small by construction
            cls = f" class=\"s-{html.escape(str(row[cols.index(status_col)]))}\"" if status_col else ""
            parts.append(f"<tr{cls}>" + "".join(
                f"<td{' class=n' if isinstance(v, (int, float)) else ''}>{_cell(v, c)}</td>" for c, v in zip(cols, row)) + "</tr>")
        parts.append("</tbody></table></div>")
    parts.append("</body></html>\n")
    return "".join(parts)


def write_scorecard(card: Scorecard, path: Path) -> None:
    """Write *card* as ``.html`` or ``.xlsx`` (by *path*'s extension)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".html":
        Path(path).write_text(_html(card), encoding="utf-8", newline="\n")
    elif suffix == ".xlsx":
        from .excel import write_tables_xlsx

        title = f"提升行政执法质量三年行动计划终期评估记分卡 · {card.jurisdiction} · {card.as_of}  {card.notice_zh}"
        write_tables_xlsx(Path(path), _sheets(card), title=title)
    else:
        raise ValueError(f"--out {str(path)!r}: a scorecard is written as .html or .xlsx, not {suffix or '(no extension)'!r}")
