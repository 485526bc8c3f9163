"""A report: the findings of one evaluation, and how to print them."""

from __future__ import annotations

import datetime as _dt
import json
from collections import Counter
from typing import Any

import attrs

from .deadlines import DeadlinePolicy
from .findings import Finding, Rejection, Status

__all__ = ["REPORT_FORMAT_VERSION", "Report"]

#: Bumped when the JSON layout of :meth:`Report.to_json` changes incompatibly.
REPORT_FORMAT_VERSION = 1


@attrs.frozen
class Report:
    """Findings for one jurisdiction as of one day, with what could not be read."""

    jurisdiction: str
    rulebook_digest: str
    as_of: _dt.date
    engine: str
    policy: DeadlinePolicy
    findings: tuple[Finding, ...]
    rejections: tuple[Rejection, ...] = ()

    def counts(self) -> dict[Status, int]:
        c = Counter(f.status for f in self.findings)
        return {s: c[s] for s in Status}

    def by_status(self, status: Status) -> list[Finding]:
        return [f for f in self.findings if f.status is status]

    @property
    def ok(self) -> bool:
        """No violation, no late completion, nothing rejected."""
        return not self.rejections and not any(
            f.status in (Status.VIOLATION, Status.LATE) for f in self.findings
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "format": REPORT_FORMAT_VERSION,
            "jurisdiction": self.jurisdiction,
            "rulebook_digest": self.rulebook_digest,
            "as_of": self.as_of.isoformat(),
            "engine": self.engine,
            "deadline_policy": {
                "month_before": self.policy.month_before.value,
                "mid_month": self.policy.mid_month.value,
                "named_day": self.policy.named_day.value,
            },
            "summary": {s.value: n for s, n in self.counts().items()},
            "findings": [f.to_json() for f in self.findings],
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
        for f in self.findings:
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
        return "\n".join(lines)
