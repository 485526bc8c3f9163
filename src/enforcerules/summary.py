"""Summaries of a report: counts by rule, unit and region, and compliance rates.

Built on the findings table with polars group-bys (no loop over findings).
A finding's unit and region come from the facts: an officer's or a case's
unit, a certificate's officer's unit, a unit itself; a unit's region, or a
region rule's own region. Region counts are rolled up the region tree: a
province counts the findings of its cities and counties too.

The **compliance rate** of a group is ``compliant ÷ (compliant + late +
violation)``: the findings that were judged and are over. Pending, exempt,
not-applicable, insufficient-data and out-of-period findings are counted but
not in the rate (a late completion is not compliance: the plans set the
day). A group with nothing judged has no rate (null), not 100 %.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import polars as pl

from ._text import terminal_lines
from .factset import Facts
from .findings import Status
from .report import Report
from .rulebook import ResolvedRule

__all__ = ["JUDGED", "STATUS_LABELS", "Summary", "attribute", "attributed_findings", "region_ancestors", "summarize"]

#: The statuses a compliance rate is taken over.
JUDGED = (Status.COMPLIANT.value, Status.LATE.value, Status.VIOLATION.value)

#: Chinese and English labels of each status, for every report form.
STATUS_LABELS: dict[str, tuple[str, str]] = {
    Status.COMPLIANT.value: ("合规", "compliant"),
    Status.PENDING.value: ("未到期", "pending"),
    Status.LATE.value: ("逾期完成", "late"),
    Status.VIOLATION.value: ("违规", "violation"),
    Status.NOT_APPLICABLE.value: ("不适用", "not applicable"),
    Status.EXEMPT.value: ("依法免除", "exempt"),
    Status.INSUFFICIENT_DATA.value: ("数据不足", "insufficient data"),
    Status.OUT_OF_PERIOD.value: ("不在有效期", "out of period"),
}

STATUSES = tuple(s.value for s in Status)

_TRAINING_KIND = "annual_training_hours"


def _status_counts() -> list[pl.Expr]:
    judged = pl.col("status").is_in(JUDGED).sum()
    return [
        *((pl.col("status") == s).sum().cast(pl.Int64).alias(s) for s in STATUSES),
        pl.len().cast(pl.Int64).alias("total"),
        judged.cast(pl.Int64).alias("judged"),
        pl.when(judged > 0)
        .then((pl.col("status") == Status.COMPLIANT.value).sum() / judged)
        .otherwise(None)
        .cast(pl.Float64)
        .alias("compliance_rate"),
    ]


def _subject_kinds(report: Report) -> pl.DataFrame:
    rules = report.rules_table().select("rule_id", "kind", "title_zh", "document", "clause", "quote", "effective_end")
    kinds = pl.DataFrame(
        {"rule_id": list(report.rules), "subject_kind": [r.rule.scope.subject.value for r in report.rules.values()],
         "title_en": [r.rule.title_en for r in report.rules.values()]},
        schema={"rule_id": pl.String, "subject_kind": pl.String, "title_en": pl.String},
    )
    return rules.join(kinds, on="rule_id", how="left")


def attributed_findings(report: Report, facts: Facts) -> pl.DataFrame:
    """The findings table with each row's rule kind, subject name, unit and region (ids and names).

    Added columns: ``kind``, ``subject_kind``, ``subject_name``, ``unit``,
    ``unit_name``, ``region``, ``region_name``; null where the facts do not
    say (a rule-wide ``*`` finding, an unknown id).
    """
    return attribute(report.table, report.rules, facts)


def attribute(table: pl.DataFrame, rules: Mapping[str, ResolvedRule], facts: Facts) -> pl.DataFrame:
    """:func:`attributed_findings` of any findings table (a part, a filtered table) and its rules."""
    units = facts.table("units").select(pl.col("id").alias("_u"), pl.col("name").alias("unit_name"), pl.col("region").alias("_ur"))
    officers = facts.table("officers").select(pl.col("id").alias("_o"), pl.col("unit").alias("_ou"), pl.col("name").alias("_on"))
    certs = facts.table("certificates").select(pl.col("id").alias("_c"), pl.col("officer").alias("_co"))
    cases = facts.table("cases").select(pl.col("id").alias("_k"), pl.col("unit").alias("_ku"))
    items = facts.table("items").select(pl.col("id").alias("_i"), pl.col("unit").alias("_iu"), pl.col("name").alias("_in"))
    regions = facts.table("regions").select(pl.col("id").alias("_r"), pl.col("name").alias("region_name"))
    kinds = pl.DataFrame(
        {"rule_id": list(rules), "kind": [r.rule.kind for r in rules.values()],
         "subject_kind": [r.rule.scope.subject.value for r in rules.values()]},
        schema={"rule_id": pl.String, "kind": pl.String, "subject_kind": pl.String},
    )
    t = table.join(kinds, on="rule_id", how="left", maintain_order="left")
    # A rule-wide finding ("*") is about no one: it gets no unit, region or name.
    sk = pl.when(pl.col("subject") == "*").then(None).otherwise(pl.col("subject_kind"))
    t = (
        t.join(officers, left_on="subject", right_on="_o", how="left", maintain_order="left")
        .join(certs, left_on="subject", right_on="_c", how="left", maintain_order="left")
        .join(officers.select(pl.col("_o").alias("_co2"), pl.col("_ou").alias("_cou"), pl.col("_on").alias("_con")),
              left_on="_co", right_on="_co2", how="left", maintain_order="left")
        .join(cases, left_on="subject", right_on="_k", how="left", maintain_order="left")
        .join(items, left_on="subject", right_on="_i", how="left", maintain_order="left")
    )
    t = t.with_columns(
        pl.when(sk == "officer").then(pl.col("_ou"))
        .when(sk == "certificate").then(pl.col("_cou"))
        .when(sk == "case").then(pl.col("_ku"))
        .when(sk == "item").then(pl.col("_iu"))
        .when(sk == "unit").then(pl.col("subject"))
        .otherwise(None).alias("unit"),
        pl.when(sk == "officer").then(pl.col("_on")).when(sk == "certificate").then(pl.col("_con"))
        .when(sk == "item").then(pl.col("_in")).otherwise(None).alias("_pname"),
    )
    t = t.join(units, left_on="unit", right_on="_u", how="left", maintain_order="left")
    t = t.with_columns(pl.when(sk == "region").then(pl.col("subject")).otherwise(pl.col("_ur")).alias("region"))
    t = t.join(regions, left_on="region", right_on="_r", how="left", maintain_order="left")
    name = (
        pl.when(sk == "unit").then(pl.col("unit_name"))
        .when(sk == "region").then(pl.col("region_name"))
        .otherwise(pl.col("_pname"))
    )
    t = t.with_columns(pl.when(name == "").then(None).otherwise(name).alias("subject_name"))
    return t.drop([c for c in t.columns if c.startswith("_")])


def region_ancestors(facts: Facts) -> pl.DataFrame:
    """Pairs (region, ancestor) including each region itself, walking ``parent`` level by level."""
    regions = facts.table("regions").select("id", "parent")
    pairs = regions.select(pl.col("id").alias("region"), pl.col("id").alias("ancestor"))
    frontier = regions.select(pl.col("id").alias("region"), pl.col("parent").alias("ancestor")).drop_nulls()
    for _ in range(regions.height):  # a tree is at most as deep as it has regions; bounds a cyclic input too
        frontier = frontier.join(pairs, on=["region", "ancestor"], how="anti")
        if frontier.height == 0:
            break
        pairs = pl.concat([pairs, frontier])
        frontier = frontier.join(regions, left_on="ancestor", right_on="id", how="inner").select(
            "region", pl.col("parent").alias("ancestor")).drop_nulls()
    return pairs.unique()


@attrs.frozen(slots=False)
class Summary:
    """Counts and rates of one report; every table has a column per status, ``total``, ``judged``, ``compliance_rate``."""

    jurisdiction: str
    as_of: str
    #: One row per rule, in the rulebook's order, with its citation.
    by_rule: pl.DataFrame = attrs.field(repr=False)
    #: One row per unit (null: findings about no unit), worst first.
    by_unit: pl.DataFrame = attrs.field(repr=False)
    #: One row per region, counting its descendants' findings too.
    by_region: pl.DataFrame = attrs.field(repr=False)
    #: Unit × rule × period counts (the drill-down behind the charts), worst first.
    by_unit_rule: pl.DataFrame = attrs.field(repr=False)
    #: Yearly training hours: per unit and year, officers judged, met, the share meeting them.
    training: pl.DataFrame = attrs.field(repr=False)
    #: The findings with their unit and region attached (see :func:`attributed_findings`).
    findings: pl.DataFrame = attrs.field(repr=False)

    def counts(self) -> dict[str, int]:
        """Findings per status over the whole report."""
        row = self.findings.select((pl.col("status") == s).sum().alias(s) for s in STATUSES).row(0, named=True)
        return {s: int(row[s] or 0) for s in STATUSES}

    def render_text(self, lang: str = "zh", top: int = 20) -> str:
        """A few plain-text tables: by rule, the worst units, the training rates."""
        zh = lang == "zh"
        cols = ("violation", "late", "pending", "compliant")
        head = "  ".join(f"{STATUS_LABELS[c][0 if zh else 1]:>8}" for c in cols)
        lines = [f"{'按规则' if zh else 'by rule'}  ({self.jurisdiction}, {self.as_of})", f"{'':<56}{head}  {'合规率' if zh else 'rate':>6}"]
        for row in self.by_rule.iter_rows(named=True):  # one line per rule, not per finding
            lines.append(f"{row['rule_id']:<56}" + "  ".join(f"{row[c]:>8}" for c in cols) + f"  {_pct(row['compliance_rate']):>6}")
        lines += ["", f"{'按单位（问题最多者在前）' if zh else 'by unit (worst first)'}"]
        for row in self.by_unit.head(top).iter_rows(named=True):
            label = f"{row['unit_name'] or ''} ({row['unit'] or '-'})"
            lines.append(f"{label:<56}" + "  ".join(f"{row[c]:>8}" for c in cols) + f"  {_pct(row['compliance_rate']):>6}")
        if self.training.height:
            lines += ["", "年度培训学时达标率（按单位、年度）" if zh else "yearly training hours met (by unit and year)"]
            for row in self.training.iter_rows(named=True):
                label = f"{row['unit_name'] or ''} ({row['unit'] or '-'}) {row['year']}"
                lines.append(f"{label:<56}{row['met']:>5}/{row['judged']:<5} {_pct(row['compliance_rate']):>6}")
        return terminal_lines(lines)


def _pct(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.0%}"


def summarize(report: Report, facts: Facts) -> Summary:
    """Counts of *report* by status × rule, × unit, × region (rolled up), and compliance rates."""
    found = attributed_findings(report, facts)
    rules = _subject_kinds(report).with_row_index("_order")
    by_rule = (
        rules.join(found.group_by("rule_id").agg(_status_counts()), on="rule_id", how="left")
        .with_columns(pl.col(c).fill_null(0) for c in (*STATUSES, "total", "judged"))
        .sort("_order").drop("_order")
    )
    worst = [pl.col("violation") + pl.col("late"), pl.col("compliance_rate"), pl.col("unit")]
    by_unit = (
        found.group_by("unit").agg(pl.col("unit_name").first(), pl.col("region").first(), *_status_counts())
        .sort(worst, descending=[True, False, False], nulls_last=True)
    )
    by_unit_rule = (
        found.filter(pl.col("unit").is_not_null())
        .group_by("unit", "rule_id", "period").agg(pl.col("unit_name").first(), pl.col("kind").first(), *_status_counts())
        .sort(worst[:2] + [pl.col("unit"), pl.col("rule_id"), pl.col("period")], descending=[True, False, False, False, False],
              nulls_last=True)
    )
    regions = facts.table("regions").select(pl.col("id").alias("region"), pl.col("name").alias("region_name"), "level", "parent")
    by_region = (
        found.filter(pl.col("region").is_not_null())
        .join(region_ancestors(facts), on="region", how="inner")
        .group_by("ancestor").agg(_status_counts()).rename({"ancestor": "region"})
    )
    by_region = regions.join(by_region, on="region", how="left").with_columns(
        pl.col(c).fill_null(0) for c in (*STATUSES, "total", "judged")
    ).sort(worst[:2] + [pl.col("region")], descending=[True, False, False], nulls_last=True)
    training = (
        found.filter((pl.col("kind") == _TRAINING_KIND) & pl.col("period").str.contains(r"^\d{4}$"))
        .group_by("unit", "period").agg(
            pl.col("unit_name").first(),
            pl.col("status").is_in(JUDGED).sum().cast(pl.Int64).alias("judged"),
            (pl.col("status") == Status.COMPLIANT.value).sum().cast(pl.Int64).alias("met"),
        )
        .rename({"period": "year"})
        .with_columns(pl.when(pl.col("judged") > 0).then(pl.col("met") / pl.col("judged")).otherwise(None).alias("compliance_rate"))
        .sort(["unit", "year"], nulls_last=True)
        .select("unit", "unit_name", "year", "judged", "met", "compliance_rate")
    )
    return Summary(report.jurisdiction, report.as_of.isoformat(), by_rule, by_unit, by_region, by_unit_rule, training, found)
