"""What the ``check`` command tells a reader: compact text, filters, the plan-end notice.

Compact text groups findings by rule and quotes each rule's clause once;
the verbose form (:meth:`Report.render_text`) repeats it on every finding.
Words are rendered only for the rows printed.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence

import polars as pl

from ._text import terminal_lines
from .findings import Status
from .findings_table import FINDINGS_SCHEMA, render
from .report import Report
from .rulebook import ResolvedRule
from .summary import STATUS_LABELS

__all__ = ["UNJUDGED", "filter_findings", "nothing_judged", "plan_end_notice", "render_compact"]

#: Findings that judge nothing: a report of only these is not a clean report.
UNJUDGED = (Status.INSUFFICIENT_DATA.value, Status.OUT_OF_PERIOD.value)


def filter_findings(table: pl.DataFrame, attributed: pl.DataFrame | None, *, statuses: Sequence[str] = (),
                    units: Sequence[str] = (), rules: Sequence[str] = ()) -> pl.DataFrame:
    """Rows of *table* with one of *statuses*, about one of *units*, of one of *rules* (a rule id or an id prefix).

    *attributed* is *table* with its ``unit`` column (:func:`enforcerules.summary.attribute`),
    needed only when *units* is given. Empty filters keep everything.
    """
    keep = pl.lit(True)
    if statuses:
        keep &= pl.col("status").is_in(list(statuses))
    if rules:
        by_rule = pl.lit(False)
        for r in rules:
            by_rule |= (pl.col("rule_id") == r) | pl.col("rule_id").str.starts_with(r.rstrip(".") + ".")
        keep &= by_rule
    if units:
        assert attributed is not None
        return attributed.filter(keep & pl.col("unit").is_in(list(units))).select(list(FINDINGS_SCHEMA))
    return table.filter(keep)


def nothing_judged(table: pl.DataFrame) -> bool:
    """Whether no finding judged anything (only insufficient data or out of period, or none at all)."""
    return table.filter(~pl.col("status").is_in(UNJUDGED)).height == 0


def plan_end_notice(rules: Mapping[str, ResolvedRule], as_of: _dt.date, lang: str) -> str:
    """A sentence when *as_of* is after the plan's end (or some rules' end): the findings are final."""
    ends = sorted({r.rule.effective.end for r in rules.values()})
    ended = [d for d in ends if d < as_of]
    if not ended:
        return ""
    if len(ended) == len(ends):
        end = ends[-1].isoformat()
        return (f"注意：规划已于{end}结束，以下结论为最终结论。" if lang == "zh"
                else f"Note: the plan ended {end}; these findings are final.")
    n, last = sum(1 for r in rules.values() if r.rule.effective.end < as_of), ended[-1].isoformat()
    return (f"注意：规划已于{last}结束，其{n}条规则的结论为最终结论（另{len(rules) - n}条规则仍然有效，如法律规定的义务）。" if lang == "zh"
            else f"Note: the plan ended {last}; the findings of its {n} rules that ended are final "
                 f"({len(rules) - n} other rules, such as statutory duties, still apply).")


def render_compact(report: Report, table: pl.DataFrame, names: Mapping[str, str], lang: str = "zh") -> str:
    """Findings of *table* grouped by rule: the rule's citation and quote once, then a line or two a finding.

    *names* maps subject ids to names (shown beside the id).
    """
    zh = lang == "zh"
    counts = dict(table.group_by("status").len().iter_rows())
    lines = [
        f"jurisdiction {report.jurisdiction}  as of {report.as_of.isoformat()}  engine {report.engine}",
        f"rulebook {report.rulebook_digest[:16]}",
        ("结论：" if zh else "summary: ") + (", ".join(
            f"{STATUS_LABELS[s.value][0 if zh else 1]} {counts[s.value]}" for s in Status if counts.get(s.value)) or "-"),
    ]
    notice = plan_end_notice(report.rules, report.as_of, lang)
    if notice:
        lines.append(notice)
    current = None
    for row in table.iter_rows(named=True):  # only the rows printed are rendered
        resolved = report.rules[row["rule_id"]]
        if row["rule_id"] != current:
            current = row["rule_id"]
            c = resolved.rule.citation
            title = resolved.rule.title_zh if zh else resolved.rule.title_en
            lines += ["", f"■ {current}  {title}", f"  {c.document} {c.clause}：「{c.quote}」"]
        finding = render(resolved, row, report.as_of)
        name = names.get(row["subject"])
        who = f"{name}（{row['subject']}）" if name else row["subject"]
        due = f"  {'期限' if zh else 'due'} {row['due'].isoformat()}" if row["due"] else ""
        label = STATUS_LABELS[row["status"]][0 if zh else 1]
        lines.append(f"  [{label}] {who}  {row['period']}{due}")
        lines.append(f"      {finding.explanation_zh if zh else finding.explanation_en}")
        remedy = finding.remedy_zh if zh else finding.remedy_en
        if remedy and row["status"] in (Status.VIOLATION.value, Status.LATE.value, Status.PENDING.value, Status.INSUFFICIENT_DATA.value):
            lines.append(f"      → {remedy}")
    if report.rejections:
        lines += ["", f"rejected records: {len(report.rejections)}"]
        lines.extend(f"  {r}" for r in report.rejections)
    return terminal_lines(lines)
