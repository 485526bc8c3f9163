"""Findings as a table, and the words rendered from it at the edge.

A findings table has one row per rule, subject and period, with the status,
the branch that decided it, the due day, the evidence (JSON) and the
parameters the explanation is rendered from (``params``: the observation's
values, JSON) — but no text. The text is a template applied to a row when a
report is written or a :class:`~enforcerules.Finding` is asked for:

- ``kind``: the rule kind's :meth:`~enforcerules.kinds.base.RuleKind.explain`
  for the row's status, given the row's values, evidence and period;
- ``out_of_period``, ``no_subjects``, ``not_yet_in_effect``: the library's
  own sentences for facts outside a rule's period, a rule with nothing to
  judge, and a rule evaluated before it begins.

A rule's citation and quote are not repeated on its rows: they are looked up
once per rule (:func:`rules_table`).
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
import polars as pl

from .citation import Period
from .findings import Finding, Status
from .kinds.base import Explanation, Observation
from .rulebook import ResolvedRule

__all__ = ["FINDINGS_SCHEMA", "RULES_SCHEMA", "Template", "empty_findings", "render", "render_rows", "rules_table"]


_LEVEL_ZH = {"national": "国家", "province": "省级", "city": "市级", "county": "县级", "township": "乡镇（街道）"}


class Template(enum.Enum):
    """Which words a findings row is rendered with."""

    KIND = "kind"
    OUT_OF_PERIOD = "out_of_period"
    NO_SUBJECTS = "no_subjects"
    ABOVE_JURISDICTION = "above_jurisdiction"
    PARENT_TEXT = "parent_text"  # the kind's words, and that the finding rests on the parent plan's text only
    NOT_YET_IN_EFFECT = "not_yet_in_effect"


FINDINGS_SCHEMA: dict[str, pl.DataType] = {
    "rule_id": pl.String(),
    "jurisdiction": pl.String(),
    "subject": pl.String(),
    "period": pl.String(),
    "period_start": pl.Date(),
    "period_end": pl.Date(),
    "status": pl.String(),
    "branch": pl.UInt16(),
    "due": pl.Date(),
    "template": pl.String(),
    "evidence": pl.String(),
    "params": pl.String(),
}

RULES_SCHEMA: dict[str, pl.DataType] = {
    "rule_id": pl.String(),
    "jurisdiction": pl.String(),
    "kind": pl.String(),
    "title_zh": pl.String(),
    "document": pl.String(),
    "clause": pl.String(),
    "quote": pl.String(),
    "effective_start": pl.Date(),
    "effective_end": pl.Date(),
    "overridden_by": pl.List(pl.String()),
}


def empty_findings() -> pl.DataFrame:
    return pl.DataFrame(schema=FINDINGS_SCHEMA)


def rules_table(rules: Iterable[ResolvedRule]) -> pl.DataFrame:
    """One row per rule: its citation and quote, stored once."""
    rows = list(rules)
    return pl.DataFrame(
        {
            "rule_id": [r.id for r in rows],
            "jurisdiction": [r.jurisdiction for r in rows],
            "kind": [r.rule.kind for r in rows],
            "title_zh": [r.rule.title_zh for r in rows],
            "document": [r.rule.citation.document for r in rows],
            "clause": [r.rule.citation.clause for r in rows],
            "quote": [r.rule.citation.quote for r in rows],
            "effective_start": [r.rule.effective.start for r in rows],
            "effective_end": [r.rule.effective.end for r in rows],
            "overridden_by": [list(r.overridden_by) for r in rows],
        },
        schema=RULES_SCHEMA,
    )


def _words(resolved: ResolvedRule, row: Mapping[str, Any], as_of: _dt.date) -> Explanation:
    template = Template(row["template"])
    status = Status(row["status"])
    eff = resolved.rule.effective
    if template is Template.PARENT_TEXT:
        kind_words = _words(resolved, {**row, "template": Template.KIND.value}, as_of)
        nb = resolved.named_bodies
        assert nb is not None
        note_zh = (f"（本项仅依据上级计划原文：本地区方案{nb.citation.clause}明确的承担主体为{nb.bodies_zh}，"
                   "本单位不在其列，上级计划对本单位的要求仍然有效）")
        note_en = (f" (this rests on the parent plan's text only: the local plan's clause {nb.citation.clause} names "
                   "other bodies; the parent plan still binds this unit)")
        return attrs.evolve(kind_words, zh=kind_words.zh + note_zh, en=kind_words.en + note_en)
    if template is Template.KIND:
        values = {k: v for k, v in json.loads(row["params"]).items() if v is not None and k != "_"}
        obs = Observation(
            subject=row["subject"],
            period=Period(row["period_start"], row["period_end"]),
            label=row["period"],
            values=values,
            evidence=json.loads(row["evidence"]),
            due=row["due"],
        )
        words: Explanation = resolved.rule.spec.explain(resolved.rule, obs, status)
        return words
    if template is Template.OUT_OF_PERIOD:
        label = row["period"]
        return Explanation(
            f"所涉期间（{label}）不在本规则有效期（{eff.start}至{eff.end}）内，不据此评判",
            f"the period {label} falls outside the rule's effective period ({eff}); the facts are not judged by it",
        )
    if template is Template.ABOVE_JURISDICTION:
        levels = "、".join(_LEVEL_ZH[lv.value] for lv in resolved.rule.scope.levels)
        return Explanation(
            f"本规则只约束{levels}层面的单位，事实中没有这样的单位；不是本地区单位的义务，不在本报告中评判",
            f"the rule binds only bodies at the {', '.join(lv.value for lv in resolved.rule.scope.levels)} level, and the facts hold none: "
            "not a duty of this jurisdiction's bodies",
        )
    if template is Template.NO_SUBJECTS:
        subject = resolved.rule.scope.subject.value
        subject_zh = {"officer": "执法人员", "unit": "执法单位", "region": "地区", "case": "案件", "certificate": "执法证件", "item": "执法事项"}.get(subject, "对象")
        return Explanation(
            f"事实中没有本规则约束的{subject_zh}，无法评判",
            f"the facts contain no {subject} this rule binds, so it cannot be judged",
            f"提供本规则适用的{subject_zh}数据",
            f"supply the {subject} records this rule applies to",
        )
    return Explanation(
        f"评估日{as_of}早于本规则生效日{eff.start}，不据此评判",
        f"the as-of day {as_of} precedes the rule's effective period ({eff})",
    )


def _frozen(value: Any) -> Any:
    """JSON arrays as tuples, so a finding stays immutable and hashable."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def render(resolved: ResolvedRule, row: Mapping[str, Any], as_of: _dt.date) -> Finding:
    """The :class:`Finding` of one findings-table row, its words rendered."""
    text = _words(resolved, row, as_of)
    return Finding(
        rule_id=row["rule_id"],
        subject=row["subject"],
        period=row["period"],
        status=Status(row["status"]),
        explanation_zh=text.zh,
        explanation_en=text.en,
        remedy_zh=text.remedy_zh,
        remedy_en=text.remedy_en,
        citation=resolved.rule.citation,
        jurisdiction=row["jurisdiction"],
        due=row["due"],
        evidence=tuple(sorted((k, _frozen(v)) for k, v in json.loads(row["evidence"]).items())),
        overridden_by=resolved.overridden_by,
    )


def render_rows(table: pl.DataFrame, rules: Mapping[str, ResolvedRule], as_of: _dt.date) -> Iterator[Finding]:
    """Findings of a table's rows, in its order, rendered one at a time."""
    for row in table.iter_rows(named=True):
        yield render(rules[row["rule_id"]], row, as_of)
