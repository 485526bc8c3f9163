"""Splitting facts into partitions whose rules aggregate only inside them.

A rulebook is evaluated in two stages:

1. **Partition-local rules** (officer-, certificate-, case- and unit-subject
   rules of the bundled kinds) run once per partition. A partition is a set
   of units (``by="unit"``: units hashed into *n* buckets; ``by="region"``:
   units hashed by their region, so a region's units stay together) with
   everything those rules read of them: the units' officers, their training
   and certificates, the units' task reports and cases, and the events whose
   subject is one of the units or officers. A case's handling officers may
   belong to another unit: they (and their certificates) travel with the
   case as *guests*, seen only by case rules, so officer rules never report
   a guest twice. Regions are shared by every partition.
2. **Shared rules** (region-subject rules: pilot counties per city, metrics
   against a provincial average, a region's recurring duties) read other
   units' or regions' records, so they run once over the low-volume sections
   (regions, units, task reports, events, metrics). Rules of kinds this
   module does not know (a plugin's own kinds) run once over the whole facts.

Why the findings are those of one :func:`~enforcerules.evaluate`: every kind
of stage 1 builds a subject's observation only from records owned by that
subject's partition, so the union of the partitions' findings is the whole
evaluation's, except for the rule-wide rows (subject ``"*"``).
:func:`merge_rule_wide` restores those: a rule's "no subjects" row is kept
once only if no partition had a subject for it, and identical "not yet in
effect" rows once. Records whose owner is unknown (a hand-built Facts with
dangling references) go to one extra partition of their own, so nothing is
dropped.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import attrs
import polars as pl

from .calendar import HolidayCalendar
from .deadlines import DeadlinePolicy
from .engine import Executor, get_executor
from .factset import Facts
from .findings_table import empty_findings
from .kinds.base import EvalContext
from .rulebook import ResolvedRule, Rulebook
from .rules import Rule, Subject
from .tables import SECTIONS

if TYPE_CHECKING:
    from .partition_reading import SpilledTraining

__all__ = [
    "PARTITION_BY",
    "ORPHANS",
    "Placement",
    "RulePlan",
    "evaluate_partitioned",
    "merge_rule_wide",
    "partition_keys",
    "partition_tables",
    "partitioned_findings",
    "placement",
    "placements",
    "plan_rules",
    "shared_tables",
    "whole_rules",
]

PartitionBy = Literal["unit", "region"]
PARTITION_BY: tuple[str, ...] = ("unit", "region")
#: The partition of records whose owning unit or officer is not in the facts.
ORPHANS = -1
#: Sections every partition holds whole (small, read for scoping).
SHARED_SECTIONS = ("regions",)
#: Sections the shared stage reads (low volume: no officers, training, certificates or cases).
LOW_VOLUME_SECTIONS = ("regions", "units", "task_reports", "events", "items", "metrics")

Placement = Literal["partition", "shared", "whole"]

#: Kinds whose observation of a subject reads only records the subject's partition holds.
#: Not ``task_deadline``: a responsible body's report may discharge the task for
#: units elsewhere (``TaskReport.covers``), so task rules run in the shared stage.
_LOCAL_KINDS = frozenset({
    "annual_training_hours", "certificate_issuance", "certificate_withdrawal", "certified_handling",
    "penalty_disposition", "mitigation_required", "case_procedure", "recurring_count", "relative_deadline",
})
#: Kinds whose subjects are cases: they see the partition's guest officers (a case's handling officers from elsewhere).
_CASE_KINDS = frozenset({"certified_handling", "penalty_disposition", "mitigation_required", "case_procedure"})
#: Kinds that read only the low-volume sections (regions, units, task reports, events, enforcement items, metrics).
_LOW_VOLUME_KINDS = frozenset({
    "designation_count", "metric_target", "recurring_count", "relative_deadline", "task_deadline", "item_catalogue", "item_cleanup",
})


def placement(rule: Rule) -> Placement:
    """Where a rule is evaluated: per ``partition``, once over the ``shared`` low-volume sections, or over the ``whole`` facts."""
    kind = rule.spec.kind_name
    if rule.scope.subject is not Subject.REGION and kind in _LOCAL_KINDS:
        return "partition"
    if kind in _LOW_VOLUME_KINDS:
        return "shared"
    return "whole"


@attrs.frozen
class RulePlan:
    """A rulebook's rules by stage (each in rulebook order)."""

    partition: tuple[ResolvedRule, ...]
    shared: tuple[ResolvedRule, ...]
    whole: tuple[ResolvedRule, ...]


def plan_rules(rules: Iterable[ResolvedRule]) -> RulePlan:
    by: dict[str, list[ResolvedRule]] = {"partition": [], "shared": [], "whole": []}
    for r in rules:
        by[placement(r.rule)].append(r)
    return RulePlan(tuple(by["partition"]), tuple(by["shared"]), tuple(by["whole"]))


def partition_keys(units: pl.DataFrame, by: str = "unit", partitions: int = 8) -> pl.DataFrame:
    """``unit`` → ``part`` (0 … *partitions* − 1) for every unit of the units table.

    By unit, each unit is hashed on its id; by region, on its region (a unit
    without one on its own id), so a region's units share a partition.
    Deterministic for a given polars version (the keys are computed once, on
    one machine, and shipped to wherever the partitions run).
    """
    if by not in PARTITION_BY:
        raise ValueError(f"partition by {by!r}: expected one of {', '.join(PARTITION_BY)}")
    if isinstance(partitions, bool) or not isinstance(partitions, int) or partitions < 1:
        raise ValueError(f"partitions must be a positive integer (got {partitions!r})")
    key = pl.col("id") if by == "unit" else pl.coalesce(pl.col("region"), pl.col("id"))
    return units.select(
        unit=pl.col("id"),
        part=(key.hash(seed=0) % partitions).cast(pl.Int32),
    )


def _owner_of_subject(keys: pl.DataFrame, officer_part: pl.DataFrame) -> pl.DataFrame:
    """``subject`` → ``part`` for units and officers (an id naming both maps to both partitions)."""
    return pl.concat([keys.select(subject="unit", part="part"), officer_part.select(subject="officer", part="part")]).unique()


def _with_part(table: pl.DataFrame, owners: pl.DataFrame, on: str, owner_key: str | None = None) -> pl.DataFrame:
    """*table* with the ``part`` of its owner (``ORPHANS`` when the owner is unknown)."""
    owner_key = owner_key or owners.columns[0]
    joined = table.join(owners.rename({owner_key: on}), on=on, how="left", maintain_order="left")
    return joined.with_columns(pl.col("part").fill_null(ORPHANS).cast(pl.Int32))


def _placed(table: pl.DataFrame, owners: pl.DataFrame, on: str, owner_key: str | None = None, *, unique: bool = True) -> pl.DataFrame:
    """``row`` → ``part`` for every row of *table*.

    *unique*: each owner has one part (units, loaded officers), so a lookup
    gives a column of parts, no joined table. Otherwise a row whose owner
    lies in two partitions goes to both.
    """
    owner_key = owner_key or owners.columns[0]
    if not table.height:
        return pl.DataFrame(schema={"row": pl.UInt32, "part": pl.Int32})
    if unique:
        part = table.get_column(on).replace_strict(owners.get_column(owner_key), owners.get_column("part"),
                                                   default=ORPHANS, return_dtype=pl.Int32)
        return part.alias("part").to_frame().with_row_index("row")
    return _with_part(table.select(on).with_row_index("row"), owners, on, owner_key).select("row", "part")


def placements(facts: Facts, keys: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Where each record of the partitioned sections goes: ``row`` (in its section's table) → ``part``.

    Row numbers rather than copies: a partition's records are gathered when
    the partition comes, so the facts are never held twice.
    """
    officers = facts.table("officers")
    placed_officers = _placed(officers, keys, "unit")
    officer_part = pl.DataFrame({"officer": officers.get_column("id"), "part": placed_officers.get_column("part")})
    out = {
        "units": _placed(facts.table("units"), keys, "id", "unit"),
        "officers": placed_officers,
        "training": _placed(facts.table("training"), officer_part, "officer"),
        "certificates": _placed(facts.table("certificates"), officer_part, "officer"),
        "cases": _placed(facts.table("cases"), keys, "unit"),
    }
    reports, events = facts.table("task_reports"), facts.table("events")
    if reports.height or events.height:  # (units and officers as owners together, only when something is owned so)
        subject_part = _owner_of_subject(keys, officer_part)
        out["task_reports"] = _placed(reports, subject_part, "unit", "subject", unique=False)
        out["events"] = _placed(events, subject_part, "subject", unique=False)
    return out


def _guests(facts: Facts, placed: Mapping[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Officers (and their certificates) handling a case of another partition, copied into the case's partition.

    A case's certification also reads whether the facts hold a certificate
    register at all, so every partition with cases also gets the officer of
    the facts' first certificate as a guest: "no register" is never mistaken
    for "none of these officers is certified".
    """
    cases = facts.table("cases")
    if not cases.height:
        return {}
    cases = cases.select("handling_officers").with_columns(placed["cases"]["part"])
    officers = facts.table("officers").with_columns(placed["officers"]["part"])
    certificates = facts.table("certificates").gather(placed["certificates"]["row"]).with_columns(placed["certificates"]["part"])
    home = certificates.select("officer", home="part").unique()
    wanted = cases.select("part", officer=pl.col("handling_officers")).explode("officer").drop_nulls("officer")
    if certificates.height:
        wanted = pl.concat([wanted, cases.select("part").unique().join(certificates.head(1).select("officer"), how="cross")])
    home = pl.concat([officers.select(officer="id", home="part"), home]).unique("officer", keep="first")
    wanted = (
        wanted.join(home, on="officer", how="inner").filter(pl.col("part") != pl.col("home"))
        .select("officer", "part").unique().sort("part", "officer")
    )
    guest_officers = (
        wanted.join(officers.drop("part").rename({"id": "officer"}), on="officer", how="inner")
        .rename({"officer": "id"}).select(*facts.table("officers").columns, "part").with_columns(guest=pl.lit(True))
    )
    guest_certs = certificates.drop("part").join(wanted, on="officer", how="inner").with_columns(guest=pl.lit(True))
    return {"officers": guest_officers, "certificates": guest_certs}


def partition_tables(facts: Facts, keys: pl.DataFrame, training: SpilledTraining | None = None) -> Iterator[tuple[int, dict[str, pl.DataFrame]]]:
    """``(part, tables)`` of every non-empty partition, in part order.

    The tables include guest officers and certificates (column ``guest``);
    :func:`partition_facts` turns them into the two Facts a partition is
    evaluated with. Each partition's records are gathered as it comes. With
    *training* (read by :func:`~enforcerules.partition_reading.read_by_partition`),
    each partition's training is read from its spill file then too.
    """
    placed = placements(facts, keys)
    guests = {
        section: {int(part): piece for (part,), piece in table.partition_by("part", as_dict=True, include_key=False).items()}
        for section, table in _guests(facts, placed).items()
    }
    rows: dict[int, dict[str, pl.Series]] = {}
    for section in list(placed):
        for (part,), piece in placed.pop(section).partition_by("part", as_dict=True, maintain_order=True).items():
            rows.setdefault(int(part), {})[section] = piece.get_column("row")
    parts = set(rows) | (set(training.parts()) if training is not None else set())
    for part in sorted(parts):
        tables = {section: facts.table(section).gather(at) for section, at in rows.pop(part, {}).items()}
        for section in ("officers", "certificates"):
            own = tables.get(section)
            visiting = guests.get(section, {}).get(part)
            if own is not None:
                own = own.with_columns(guest=pl.lit(False))
            if visiting is not None:
                own = visiting if own is None else pl.concat([own, visiting], how="vertical")
            if own is not None:
                tables[section] = own
        if training is not None:
            tables["training"] = training.training(part)
        yield part, tables


def partition_facts(tables: Mapping[str, pl.DataFrame], shared: Mapping[str, pl.DataFrame]) -> tuple[Facts, Facts]:
    """(own, with guests): the facts officer/unit rules read, and those case rules read."""
    own: dict[str, pl.DataFrame] = dict(shared)
    with_guests: dict[str, pl.DataFrame] = dict(shared)
    for section, table in tables.items():
        if "guest" in table.columns:
            own[section] = table.filter(~pl.col("guest")).drop("guest")
            with_guests[section] = table.drop("guest")
        else:
            own[section] = with_guests[section] = table
    return Facts.from_tables(own), Facts.from_tables(with_guests)


def shared_tables(facts: Facts, sections: Sequence[str] = SHARED_SECTIONS) -> dict[str, pl.DataFrame]:
    return {s: facts.table(s) for s in sections}


def merge_rule_wide(parts: Iterable[pl.DataFrame]) -> Iterator[pl.DataFrame]:
    """The findings of *parts* with the rule-wide rows merged (a generator for streaming writers).

    Subject rows pass straight through. Rule-wide rows (subject ``"*"``) are
    held back and yielded at the end, one of each distinct row, for the rules
    that produced no subject row at all.
    """
    seen_subjects: set[str] = set()
    held: pl.DataFrame | None = None  # the distinct rule-wide rows so far (one each, however many partitions gave it)
    for part in parts:
        star = pl.col("subject") == "*"
        wide = part.filter(star)
        if wide.height:
            held = wide.unique(maintain_order=True) if held is None else pl.concat([held, wide]).unique(maintain_order=True)
        rows = part.filter(~star)
        if rows.height:
            seen_subjects.update(rows.get_column("rule_id").unique().to_list())
            yield rows
    if held is not None:
        held = held.filter(~pl.col("rule_id").is_in(sorted(seen_subjects)))
        if held.height:
            yield held


def _evaluate(rules: Sequence[ResolvedRule], facts: Facts, ctx: EvalContext, executor: Executor, rulebook: Rulebook) -> Iterator[pl.DataFrame]:
    from .evaluate import evaluate_rule

    compiled = rulebook.compiled(ctx.policy)
    local = attrs.evolve(ctx, facts=facts)
    for r in rules:
        yield evaluate_rule(r, local, executor, compiled[r.id])


def partitioned_findings(
    rulebook: Rulebook,
    facts: Facts,
    as_of: _dt.date,
    *,
    by: str = "unit",
    partitions: int = 8,
    executor: Executor | None = None,
    policy: DeadlinePolicy | None = None,
    calendar: HolidayCalendar | None = None,
    training: SpilledTraining | None = None,
) -> Iterator[pl.DataFrame]:
    """Findings tables partition by partition, then the shared stage, then the merged rule-wide rows.

    Together they are exactly the findings table of :func:`~enforcerules.evaluate`
    (in another order); peak memory beyond the facts follows the largest partition.
    With *training* split on disk (:func:`~enforcerules.partition_reading.read_by_partition`;
    *facts* then hold no training and *by*/*partitions* are the split's), a
    partition's training is read when it is evaluated. A rulebook with rules
    that read the whole facts (:func:`whole_rules`) cannot run so: ``ValueError``.
    """
    executor = executor or get_executor("auto")
    ctx = EvalContext(facts=facts, as_of=as_of, policy=policy or DeadlinePolicy(), calendar=calendar or HolidayCalendar.official())
    plan = plan_rules(rulebook.rules)
    if training is not None and plan.whole:
        raise ValueError("rules " + ", ".join(r.id for r in plan.whole) + " read the whole facts: read the training table whole")
    keys = training.keys if training is not None else partition_keys(facts.table("units"), by, partitions)
    return merge_rule_wide(_stages(rulebook, plan, facts, ctx, executor, keys, training))


def whole_rules(rulebook: Rulebook) -> tuple[ResolvedRule, ...]:
    """The rules a partitioned check runs over the whole facts (kinds this module does not place)."""
    return plan_rules(rulebook.rules).whole


def _stages(rulebook: Rulebook, plan: RulePlan, facts: Facts, ctx: EvalContext, executor: Executor, keys: pl.DataFrame,
            training: SpilledTraining | None) -> Iterator[pl.DataFrame]:
    case_rules = tuple(r for r in plan.partition if r.rule.spec.kind_name in _CASE_KINDS)
    other_rules = tuple(r for r in plan.partition if r.rule.spec.kind_name not in _CASE_KINDS)
    shared = shared_tables(facts)
    any_part = False
    for _, tables in partition_tables(facts, keys, training):
        any_part = True
        own, with_guests = partition_facts(tables, shared)
        yield from _evaluate(other_rules, own, ctx, executor, rulebook)
        yield from _evaluate(case_rules, with_guests, ctx, executor, rulebook)
    if not any_part:  # no records at all: the rule-wide rows still come from somewhere
        yield from _evaluate(plan.partition, Facts.from_tables({}), ctx, executor, rulebook)
    yield from _evaluate(plan.shared, Facts.from_tables(shared_tables(facts, LOW_VOLUME_SECTIONS)), ctx, executor, rulebook)
    yield from _evaluate(plan.whole, facts, ctx, executor, rulebook)


def evaluate_partitioned(
    rulebook: Rulebook,
    facts: Facts,
    as_of: _dt.date,
    *,
    by: str = "unit",
    partitions: int = 8,
    engine: str | Executor = "auto",
    policy: DeadlinePolicy | None = None,
    calendar: HolidayCalendar | None = None,
) -> pl.DataFrame:
    """The findings table of :func:`~enforcerules.evaluate`, computed partition by partition (sorted the same way)."""
    executor = get_executor(engine) if isinstance(engine, str) else engine
    parts = list(partitioned_findings(rulebook, facts, as_of, by=by, partitions=partitions, executor=executor,
                                      policy=policy, calendar=calendar))
    table = pl.concat(parts, how="vertical") if parts else empty_findings()
    return table.sort(["rule_id", "subject", "period"], maintain_order=True)


assert set(SHARED_SECTIONS) <= set(SECTIONS) and set(LOW_VOLUME_SECTIONS) <= set(SECTIONS)
