"""A report: the findings table of one evaluation, and its renderings.

The report keeps the findings as a table (:attr:`Report.table`, schema in
:mod:`enforcerules.findings_table`) and the resolved rules they refer to;
:attr:`Report.findings` renders them as :class:`Finding` objects on first
use, which suits small reports. Writers of large reports render row by row
(:mod:`enforcerules.output`).
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import polars as pl

from ._text import terminal_lines
from .deadlines import DeadlinePolicy
from .findings import Finding, Rejection, Status
from .findings_table import render_rows, rules_table
from .rulebook import ResolvedRule

__all__ = ["REPORT_FORMAT_VERSION", "Report", "report_header"]

#: Bumped when the JSON layout of :meth:`Report.to_json` changes incompatibly.
REPORT_FORMAT_VERSION = 1


def report_header(jurisdiction: str, digest: str, as_of: _dt.date, engine: str, policy: DeadlinePolicy) -> dict[str, Any]:
    """The report's header fields of ``docs/report-format.md``, before the summary."""
    return {
        "format": REPORT_FORMAT_VERSION,
        "jurisdiction": jurisdiction,
        "rulebook_digest": digest,
        "as_of": as_of.isoformat(),
        "engine": engine,
        "deadline_policy": {
            "month_before": policy.month_before.value,
            "mid_month": policy.mid_month.value,
            "named_day": policy.named_day.value,
        },
    }


@attrs.frozen(slots=False)
class Report:
    """Findings for one jurisdiction as of one day, with what could not be read."""

    jurisdiction: str
    rulebook_digest: str
    as_of: _dt.date
    engine: str
    policy: DeadlinePolicy
    table: pl.DataFrame = attrs.field(eq=False, repr=lambda t: f"<{t.height} findings>")
    rules: Mapping[str, ResolvedRule] = attrs.field(eq=False, repr=False)
    rejections: tuple[Rejection, ...] = ()

    @functools.cached_property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding, words rendered (built on first use; prefer :attr:`table` for large reports)."""
        return tuple(self.iter_findings())

    def iter_findings(self, table: pl.DataFrame | None = None) -> Iterator[Finding]:
        """Findings of *table* (default: all), rendered one at a time."""
        return render_rows(self.table if table is None else table, self.rules, self.as_of)

    def rules_table(self) -> pl.DataFrame:
        """One row per rule with its citation and quote (stored once, not per finding)."""
        return rules_table(self.rules.values())

    def counts(self) -> dict[Status, int]:
        got = dict(self.table.group_by("status").len().iter_rows())
        return {s: int(got.get(s.value, 0)) for s in Status}

    def by_status(self, status: Status) -> list[Finding]:
        return list(self.iter_findings(self.table.filter(pl.col("status") == status.value)))

    @property
    def ok(self) -> bool:
        """No violation, no late completion, nothing rejected."""
        bad = self.table.filter(pl.col("status").is_in([Status.VIOLATION.value, Status.LATE.value])).height
        return not self.rejections and not bad

    def header_json(self) -> dict[str, Any]:
        """Everything of :meth:`to_json` but the findings and rejections."""
        head = report_header(self.jurisdiction, self.rulebook_digest, self.as_of, self.engine, self.policy)
        return {**head, "summary": {s.value: n for s, n in self.counts().items()}}

    def to_json(self) -> dict[str, Any]:
        return {
            **self.header_json(),
            "findings": [f.to_json() for f in self.iter_findings()],
            "rejections": [r.to_json() for r in self.rejections],
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2, sort_keys=False)

    def render_text(self, lang: str = "zh") -> str:
        lines = [
            f"jurisdiction {self.jurisdiction}  as of {self.as_of.isoformat()}  engine {self.engine}",
            f"rulebook {self.rulebook_digest[:16]}",
            "summary: " + ", ".join(f"{s.value} {n}" for s, n in self.counts().items() if n),
            "",
        ]
        for f in self.iter_findings():
            text = f.explanation_zh if lang == "zh" else f.explanation_en
            due = f"  due {f.due.isoformat()}" if f.due else ""
            lines.append(f"[{f.status.value}] {f.rule_id}  {f.subject}  {f.period}{due}")
            lines.append(f"    {text}")
            remedy = f.remedy_zh if lang == "zh" else f.remedy_en
            if remedy:
                lines.append(f"    → {remedy}")
            lines.append(f"    {f.citation.document} {f.citation.clause}: 「{f.citation.quote}」")
        if self.rejections:
            lines.append("")
            lines.append(f"rejected records: {len(self.rejections)}")
            lines.extend(f"  {r}" for r in self.rejections)
        return terminal_lines(lines)
