"""The contract every rule kind fulfils, and what kinds hand the executors.

A kind is a frozen attrs class holding a rule's parameters. Evaluation of a
rule runs in three steps, and only the middle one is the executor's:

1. :meth:`RuleKind.observe` turns the facts tables into one **observation
   table** (:data:`OBSERVATION_COLUMNS`): a row per subject-period, with the
   flat values the compiled conditions read (ints and short strings in the
   struct column ``values``: sums per officer-year, dates as ordinals, set
   membership as 0/1 flags) and the evidence a finding reports (JSON text);
2. the compiled :meth:`RuleKind.branches` — conditions in durable-rules' JSON
   rule language, tried in order — pick a :class:`~enforcerules.Status` for
   every row, on whichever executor;
3. :meth:`RuleKind.explain` words a verdict in Chinese and English, only when
   a finding is rendered (the findings table carries no text).

High-volume kinds (training hours, recurring counts, certificates, cases)
build the table with polars group-bys and joins. Low-volume kinds may keep
computing :class:`Observation` rows in :meth:`RuleKind.observe_rows`; the
default :meth:`RuleKind.observe` turns them into the same table. A kind has
one of the two, never both: its meaning is written once.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import json

import attrs
import polars as pl

from ..citation import Period
from ..deadlines import DeadlinePolicy
from ..findings import Status

if TYPE_CHECKING:
    from ..calendar import HolidayCalendar
    from ..factset import Facts
    from ..facts import Case, Officer, Region, Unit
    from ..rules import Rule, Scope, Subject

__all__ = [
    "OBSERVATION_COLUMNS",
    "Branch",
    "EvalContext",
    "Explanation",
    "Observation",
    "RuleKind",
    "scoped_cases",
    "scoped_officers",
    "scoped_regions",
    "scoped_officers_table",
    "scoped_subjects",
    "scoped_units",
    "unit_scope_expr",
    "years_to_check",
]

EngineValue = int | str


@attrs.frozen
class EvalContext:
    """What a kind may read while observing: facts, the as-of day, readings."""

    facts: Facts
    as_of: _dt.date
    policy: DeadlinePolicy = attrs.field(factory=DeadlinePolicy)
    calendar: HolidayCalendar | None = None


@attrs.frozen
class Observation:
    """One subject-period, reduced to flat values the engine can compare.

    ``values`` go to the engine (ints and short strings only, never None);
    ``evidence`` is what the finding reports; ``period`` decides whether the
    rule's effective period covers the observation at all.
    """

    subject: str
    period: Period
    label: str
    values: Mapping[str, EngineValue]
    evidence: Mapping[str, Any] = attrs.field(factory=dict)
    due: _dt.date | None = None


@attrs.frozen
class Branch:
    """If ``when`` (a durable-rules condition over observation values) holds, ``status``.

    Branches are tried in order; the first that matches decides. An empty
    ``when`` matches every observation.
    """

    status: Status
    when: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class Explanation:
    zh: str
    en: str
    remedy_zh: str = ""
    remedy_en: str = ""


class RuleKind:
    """Base class of kind specs. Subclasses are ``@attrs.frozen``."""

    kind_name: ClassVar[str]
    subject: ClassVar[Subject]

    def observe(self, rule: Rule, ctx: EvalContext) -> pl.DataFrame:
        """The rule's observation table (see :data:`OBSERVATION_COLUMNS`)."""
        return observation_table(self.observe_rows(rule, ctx))

    def observe_rows(self, rule: Rule, ctx: EvalContext) -> Iterable[Observation]:
        """Observations one by one, for low-volume kinds (the default :meth:`observe` reads these)."""
        raise NotImplementedError(f"{type(self).__name__} implements neither observe nor observe_rows")

    def branches(self, rule: Rule, policy: DeadlinePolicy) -> Sequence[Branch]:
        raise NotImplementedError

    def explain(self, rule: Rule, obs: Observation, status: Status) -> Explanation:
        raise NotImplementedError

    def parameters(self) -> dict[str, Any]:
        """The spec's parameters as plain data, for catalogues and digests."""
        from ..findings import _jsonable

        return {a.name: _jsonable(getattr(self, a.name)) for a in attrs.fields(type(self))}  # type: ignore[arg-type]

    def due_date(self, policy: DeadlinePolicy) -> _dt.date | None:
        """The fixed due date, for kinds that have one (catalogues, diffs)."""
        return None


# -- helpers kinds share -----------------------------------------------------


def unit_scope_expr(scope: Scope) -> pl.Expr:
    """Whether a row's unit (columns ``unit_kind``, ``unit_level``, ``unit_field``, ``unit_name``) is in *scope*.

    A row with no unit (nulls) is in scope only when the scope names no unit
    kind, level or field. The one meaning of "a unit a scope binds"; units a
    plan names (``Scope.named``) are bound as well, at the scope's levels.
    """
    if not (scope.unit_kinds or scope.levels or scope.fields):
        return pl.lit(True)
    cond = pl.col("unit_kind").is_not_null()
    at_level = pl.col("unit_kind").is_not_null()
    if scope.unit_kinds:
        cond &= pl.col("unit_kind").is_in([k.value for k in scope.unit_kinds])
    if scope.levels:
        level = pl.col("unit_level").is_in([lv.value for lv in scope.levels])
        cond &= level
        at_level &= level
    if scope.fields:
        cond &= pl.col("unit_field").fill_null("").is_in(list(scope.fields))
    if scope.named:
        name = pl.col("unit_name").fill_null("")
        cond |= at_level & pl.any_horizontal(*[name.str.contains(n, literal=True) for n in scope.named])
    return cond.fill_null(False)


def scoped_officers_table(scope: Scope, facts: Facts) -> pl.DataFrame:
    """The officers table restricted to the officers *scope* binds (facts order kept)."""
    units = facts.table("units").select(
        unit=pl.col("id"), unit_kind=pl.col("kind"), unit_level=pl.col("level"), unit_field=pl.col("field"), unit_name=pl.col("name")
    )
    officers = facts.table("officers").join(units, on="unit", how="left", maintain_order="left")
    cond = unit_scope_expr(scope)
    if scope.township is not None:
        cond &= pl.col("township") == scope.township
    if scope.unit_kinds or scope.levels or scope.fields or scope.township is not None:
        officers = officers.filter(cond)  # (never a constant predicate after a join: it trips polars 2.1)
    return officers.drop("unit_kind", "unit_level", "unit_field", "unit_name")


def unit_scope_table(scope: Scope, facts: Facts) -> pl.DataFrame:
    """The units table restricted to the units *scope* binds (facts order)."""
    units = facts.table("units")
    renamed = units.rename({"kind": "unit_kind", "level": "unit_level", "field": "unit_field", "name": "unit_name"})
    bound = renamed.with_columns(unit_scope_expr(scope).alias("_bound")).get_column("_bound")  # broadcast a constant scope
    return units.filter(bound)


def scoped_units(scope: Scope, facts: Facts) -> Iterator[Unit]:
    by_id = facts.unit_by_id
    return (by_id[i] for i in unit_scope_table(scope, facts).get_column("id").to_list())


def scoped_officers(scope: Scope, facts: Facts) -> Iterator[Officer]:
    by_id = facts.officer_by_id
    return (by_id[i] for i in scoped_officers_table(scope, facts).get_column("id").to_list())


def case_in_scope(scope: Scope, case: Case, unit: Unit | None) -> bool:
    """Whether *scope* binds *case*, decided by its *unit* (``None``: not known).

    The row form of :func:`case_scope_expr`, for the online path
    (:func:`~enforcerules.decide_case`); a test holds the two equal.
    """
    if scope.fields and case.field not in scope.fields:
        return False
    return (not scope.unit_kinds or (unit is not None and unit.kind in scope.unit_kinds)) and (
        not scope.levels or (unit is not None and unit.level in scope.levels)
    )


def case_scope_expr(scope: Scope) -> pl.Expr:
    """Whether *scope* binds a case row (columns ``field``, ``unit_kind``, ``unit_level``; nulls: unit not known)."""
    cond = pl.lit(True)
    if scope.fields:
        cond &= pl.col("field").is_in(list(scope.fields))
    if scope.unit_kinds:
        cond &= pl.col("unit_kind").is_in([k.value for k in scope.unit_kinds])
    if scope.levels:
        cond &= pl.col("unit_level").is_in([lv.value for lv in scope.levels])
    return cond.fill_null(False)


def scoped_cases(scope: Scope, facts: Facts) -> Iterator[Case]:
    cases = facts.cases
    positions = scoped_cases_table(scope, facts, position="_pos").get_column("_pos").to_list()
    return (cases[i] for i in positions)


def scoped_regions(scope: Scope, facts: Facts) -> Iterator[Region]:
    by_id = facts.region_by_id
    return (by_id[i] for i in region_scope_table(scope, facts).get_column("id").to_list())


def region_scope_table(scope: Scope, facts: Facts) -> pl.DataFrame:
    """The regions table restricted to the regions *scope* binds (``levels``; facts order)."""
    regions = facts.table("regions")
    return regions.filter(pl.col("level").is_in([lv.value for lv in scope.levels])) if scope.levels else regions


def scoped_subjects(scope: Scope, facts: Facts) -> Iterator[tuple[str, Officer | None]]:
    """(id, officer-or-None) of the officers, regions or units (default) a scope binds.

    The officer is returned so yearly kinds can check service dates.
    """
    from ..rules import Subject

    if scope.subject is Subject.OFFICER:
        return ((o.id, o) for o in scoped_officers(scope, facts))
    if scope.subject is Subject.REGION:
        return ((r.id, None) for r in scoped_regions(scope, facts))
    return ((u.id, None) for u in scoped_units(scope, facts))


def base_years(rule: Rule, ctx: EvalContext) -> list[int]:
    """Every year of the effective period that has begun by the as-of day."""
    return list(range(rule.effective.start.year, min(rule.effective.end.year, ctx.as_of.year) + 1))


def years_to_check(rule: Rule, ctx: EvalContext, fact_years: Iterable[int] = ()) -> list[int]:
    """Calendar years a yearly rule reports on.

    Every year of the effective period that has begun by the as-of day, plus
    any year the facts mention (so facts outside the period are reported as
    out of period rather than ignored).
    """
    years = set(base_years(rule, ctx)) | {y for y in fact_years if y <= ctx.as_of.year}
    return sorted(years)


def subject_years(rule: Rule, ctx: EvalContext, subjects: pl.DataFrame, fact_years: pl.DataFrame) -> pl.DataFrame:
    """:func:`years_to_check` for many subjects at once.

    *subjects* has a ``subject`` column; *fact_years* has ``subject`` and
    ``year`` (the years each subject's facts mention). Returns the
    (``subject``, ``year``) pairs to report on, each with the subject's other
    columns: every subject with every base year (in subjects order), then the
    other years the facts mention.
    """
    base = base_years(rule, ctx)
    grid = subjects.join(pl.DataFrame({"year": base}, schema={"year": pl.Int32}), how="cross")
    # Only years outside the base grid need de-duplicating (few, usually none).
    extra = (
        fact_years.select("subject", pl.col("year").cast(pl.Int32))
        .filter((pl.col("year") <= ctx.as_of.year) & ~pl.col("year").is_in(base))
        .join(subjects.select("subject"), on="subject", how="semi")
        .unique(maintain_order=True)
    )
    if extra.height == 0:
        return grid
    return pl.concat([grid, extra.join(subjects, on="subject", how="inner", maintain_order="left").select(grid.columns)])


#: ``date.toordinal()`` of 1970-01-01: polars days count from there.
_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()


def _days_before_year(year: pl.Expr) -> pl.Expr:
    """Days from 1970-01-01 to 1 January of *year* (proleptic Gregorian): integer arithmetic, no date per row."""
    y = year.cast(pl.Int64) - 1
    return 365 * y + y // 4 - y // 100 + y // 400 - (_EPOCH_ORDINAL - 1)  # ordinals count 0001-01-01 as 1




def year_period_columns() -> list[pl.Expr]:
    """``label``, ``period_start``, ``period_end`` and ``due`` of a calendar-year observation (from ``year``)."""
    start = _days_before_year(pl.col("year")).cast(pl.Int32).cast(pl.Date)
    end = (_days_before_year(pl.col("year") + 1) - 1).cast(pl.Int32).cast(pl.Date)
    return [
        pl.col("year").cast(pl.String).alias("label"),
        start.alias("period_start"),
        end.alias("period_end"),
        end.alias("due"),
    ]


def in_service_expr(start: pl.Expr, end: pl.Expr) -> pl.Expr:
    """Whether the officer (columns ``hired_on``, ``left_on``) held the post on any day of [start, end]."""
    return (pl.col("hired_on") <= end) & (pl.col("left_on").is_null() | (pl.col("left_on") >= start))


def ordinal_expr(day: pl.Expr) -> pl.Expr:
    """A day as its proleptic ordinal (:func:`~enforcerules.chinatime.to_ordinal`), 0 when null."""
    return (day.cast(pl.Int32).cast(pl.Int64) + _EPOCH_ORDINAL).fill_null(0)


def evidence_json(**fields: pl.Expr) -> pl.Expr:
    """The ``evidence`` column: JSON of the named expressions, keys sorted (as row kinds write it)."""
    return pl.struct([fields[k].alias(k) for k in sorted(fields)]).struct.json_encode().alias("evidence")


def finish_observations(frame: pl.DataFrame, values: dict[str, pl.Expr], evidence: dict[str, pl.Expr]) -> pl.DataFrame:
    """Select an observation table's columns, in order, from *frame*."""
    return frame.select(
        pl.col("subject"), pl.col("label"), pl.col("period_start"), pl.col("period_end"), pl.col("due").cast(pl.Date),
        evidence_json(**evidence),
        pl.struct([v.alias(k) for k, v in values.items()]).alias("values"),
    )


def flag(value: bool) -> int:
    """Booleans travel to the engine as 0/1."""
    return 1 if value else 0


def exact_quotient(numerator: pl.Expr, denominator: int) -> pl.Expr:
    """An integer column divided by *denominator* as Python's ``n / d`` gives it (correctly rounded).

    Polars divides floats by multiplying with the reciprocal, which is off in
    the last bit for most values (47 / 100 → 0.47000000000000003); numpy's
    division is IEEE's. Exact for integers within ±2^53, the engine-safe range.
    """
    def divide(s: pl.Series) -> pl.Series:
        return pl.Series(s.name, s.cast(pl.Float64).to_numpy() / float(denominator), dtype=pl.Float64, nan_to_null=True)

    return numerator.map_batches(divide, return_dtype=pl.Float64)


# -- the observation table -----------------------------------------------------

#: Fixed columns of every observation table. ``values`` is a struct whose
#: fields are the names the compiled conditions test; ``evidence`` is JSON.
OBSERVATION_COLUMNS: dict[str, pl.DataType] = {
    "subject": pl.String(),
    "label": pl.String(),
    "period_start": pl.Date(),
    "period_end": pl.Date(),
    "due": pl.Date(),
    "evidence": pl.String(),
}


def _value_type(key: str, values: Iterable[Any]) -> pl.DataType:
    present = [v for v in values if v is not None]
    kinds = {type(v) for v in present}
    if kinds <= {int} and all(-(2**63) <= v < 2**63 for v in present):
        return pl.Int64()
    if kinds <= {str}:
        return pl.String()
    from ..errors import EngineError

    sample = next(v for v in present if type(v) not in (int, str) or kinds == {int, str} or isinstance(v, int))
    raise EngineError(f"observation value {key}={sample!r} is not engine-safe: values are ints or strings of one type")


def observation_table(observations: Iterable[Observation]) -> pl.DataFrame:
    """The observation table of :class:`Observation` rows (low-volume kinds)."""
    rows = list(observations)
    keys = list(dict.fromkeys(k for o in rows for k in o.values))
    fields = {k: _value_type(k, (o.values.get(k) for o in rows)) for k in keys}
    data: dict[str, Any] = {
        "subject": [o.subject for o in rows],
        "label": [o.label for o in rows],
        "period_start": [o.period.start for o in rows],
        "period_end": [o.period.end for o in rows],
        "due": [o.due for o in rows],
        "evidence": [json.dumps(_evidence_jsonable(o.evidence), ensure_ascii=False, sort_keys=True) for o in rows],
    }
    frame = pl.DataFrame(data, schema=OBSERVATION_COLUMNS)
    values = pl.DataFrame({k: [o.values.get(k) for o in rows] for k in keys}, schema=fields) if keys else None
    if values is None:  # a struct needs a field: a placeholder no condition names
        return frame.with_columns(values=pl.struct(pl.lit(0, dtype=pl.Int64()).alias("_")))
    return frame.with_columns(values=values.to_struct())


def _evidence_jsonable(evidence: Mapping[str, Any]) -> Any:
    from ..findings import _jsonable

    return _jsonable(dict(evidence))


def empty_observations(values: Mapping[str, pl.DataType]) -> pl.DataFrame:
    """An observation table with no rows and the given value fields."""
    frame = pl.DataFrame(schema=OBSERVATION_COLUMNS)
    return frame.with_columns(values=pl.struct([pl.lit(None, dtype=t).alias(k) for k, t in values.items()]).head(0))


def observations_of(table: pl.DataFrame) -> list[Observation]:
    """The rows of an observation table as :class:`Observation` values (for rendering and inspection)."""
    out = []
    for row in table.iter_rows(named=True):
        values = {k: v for k, v in (row["values"] or {}).items() if v is not None and k != "_"}
        out.append(Observation(
            subject=row["subject"],
            period=Period(row["period_start"], row["period_end"]),
            label=row["label"],
            values=values,
            evidence=json.loads(row["evidence"]) if row["evidence"] else {},
            due=row["due"],
        ))
    return out


# -- table helpers of the high-volume kinds ------------------------------------------


def scoped_subjects_table(scope: Scope, facts: Facts) -> pl.DataFrame:
    """:func:`scoped_subjects` as a table: ``subject``, ``hired_on``, ``left_on`` (facts order).

    Officers carry their service dates; regions and units have nulls there
    (see :func:`service_expr`).
    """
    from ..rules import Subject

    dates = {"hired_on": pl.Date(), "left_on": pl.Date()}
    if scope.subject is Subject.OFFICER:
        return scoped_officers_table(scope, facts).select(subject=pl.col("id"), hired_on=pl.col("hired_on"), left_on=pl.col("left_on"))
    if scope.subject is Subject.REGION:
        chosen = region_scope_table(scope, facts).select(subject=pl.col("id"))
    else:
        chosen = unit_scope_table(scope, facts).select(subject=pl.col("id"))
    return chosen.with_columns(*(pl.lit(None, dtype=t).alias(k) for k, t in dates.items()))


def service_expr(start: pl.Expr, end: pl.Expr) -> pl.Expr:
    """:func:`in_service_expr`, true for subjects with no service dates (units, regions)."""
    return pl.when(pl.col("hired_on").is_null()).then(pl.lit(True)).otherwise(in_service_expr(start, end))


def scoped_cases_table(scope: Scope, facts: Facts, position: str | None = None) -> pl.DataFrame:
    """:func:`scoped_cases` as a table: the cases table restricted to the cases *scope* binds (facts order).

    As there, ``fields`` filters the case's own field and ``unit_kinds`` /
    ``levels`` its unit (a case whose unit is not in the facts matches only
    when neither is set). *position* names an added column holding each
    case's index in ``facts.cases``.
    """
    units = facts.table("units").select(unit=pl.col("id"), unit_kind=pl.col("kind"), unit_level=pl.col("level"))
    cases = facts.table("cases")
    if position is not None:
        cases = cases.with_row_index(position)
    cases = cases.join(units, on="unit", how="left", maintain_order="left")
    if scope.fields or scope.unit_kinds or scope.levels:  # (a constant predicate after this join trips polars 2.1)
        cases = cases.filter(case_scope_expr(scope))
    return cases.drop("unit_kind", "unit_level")


def iso_day(day: pl.Expr) -> pl.Expr:
    """A day as ISO text (``2024-05-10``), as :meth:`datetime.date.isoformat` writes it."""
    return day.dt.to_string("%Y-%m-%d")
