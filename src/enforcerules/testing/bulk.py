"""Large, valid fact sets made column by column, shaped to a rulebook.

:func:`~enforcerules.testing.strategies.facts_for` draws small fact sets
record by record, for variety and shrinking; :func:`bulk_facts` makes the
volume (tens of thousands of officers and more) with numpy, for scale tests
and benchmarks. Every section is filled, with the rulebook's own event kinds,
task keys, metrics, designations, fields and mitigating circumstances, so
every kind of rule — including region rules (pilot counties, metrics against
an ancestor) and cases handled by officers of other units — has subjects.
Every reference resolves and every record passes the fact classes' checks.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from ..facts import CaseOutcome, Harm, Level, TrainingCategory, UnitKind
from ..factset import Facts
from .hints import FIELDS, hints_for

__all__ = ["bulk_facts", "bulk_tables"]

_DAY0 = np.datetime64("2022-06-01")
_SPAN = 365 * 4  # 2022-06 … 2026-05


def _days(rng: np.random.Generator, n: int, start: np.datetime64 = _DAY0, span: int = _SPAN) -> pl.Series:
    return pl.Series(start + rng.integers(0, span, n).astype("timedelta64[D]")).cast(pl.Date)


def _pick(rng: np.random.Generator, values: list[Any], n: int) -> pl.Series:
    return pl.Series(values).gather(rng.integers(0, len(values), n))


def _maybe(rng: np.random.Generator, series: pl.Series, share: float) -> pl.Series:
    """*series* with about *share* of its values null."""
    return pl.select(pl.when(pl.Series(rng.random(len(series)) < share)).then(None).otherwise(series)).to_series().alias(series.name)


def bulk_tables(source: Any = None, *, officers: int = 50_000, seed: int = 11) -> dict[str, pl.DataFrame]:
    """One table per section (columns of :data:`~enforcerules.tables.SCHEMAS`) for about *officers* officers."""
    rng = np.random.default_rng(seed)
    h = hints_for(source)
    designations = sorted(h.designations)
    cities, counties = 4, 6
    region_rows: list[dict[str, Any]] = [{"id": "p0", "name": "省", "level": "province", "parent": None, "designations": []}]
    for c in range(cities):
        region_rows.append({"id": f"p0c{c}", "name": f"市{c}", "level": "city", "parent": "p0", "designations": []})
        for k in range(counties):
            marks = [designations[(c + k) % len(designations)]] if designations and (c * counties + k) % 3 else []
            region_rows.append({"id": f"p0c{c}k{k}", "name": f"县{c}-{k}", "level": "county", "parent": f"p0c{c}", "designations": marks})
            region_rows.append({"id": f"p0c{c}k{k}t0", "name": f"镇{c}-{k}", "level": "township", "parent": f"p0c{c}k{k}", "designations": []})
    regions = pl.DataFrame(region_rows, schema={"id": pl.String, "name": pl.String, "level": pl.String, "parent": pl.String, "designations": pl.List(pl.String)})
    region_ids = regions.get_column("id").to_list()

    n_units = max(4, officers // 50)
    fields = sorted(h.fields) or list(FIELDS)
    levels = [Level.COUNTY.value, Level.CITY.value, Level.PROVINCE.value, Level.TOWNSHIP.value]
    unit_ids = pl.Series([f"u{i}" for i in range(n_units)])
    units = pl.DataFrame({
        "id": unit_ids,
        "name": pl.Series([f"执法单位{i}" for i in range(n_units)]),
        "kind": _pick(rng, [k.value for k in UnitKind] + [UnitKind.ENFORCEMENT.value] * 3, n_units),
        "level": _pick(rng, levels, n_units),
        "region": _maybe(rng, _pick(rng, region_ids[1:], n_units), 0.05),
        "field": _maybe(rng, _pick(rng, fields, n_units), 0.1),
    })

    officer_ids = pl.Series([f"o{i}" for i in range(officers)])
    home = rng.integers(0, n_units, officers)
    hired = _days(rng, officers, np.datetime64("2015-01-01"), 365 * 11)
    left = hired + pl.Series(rng.integers(30, 3000, officers)).cast(pl.Duration("ms")) * 86_400_000
    officer_t = pl.DataFrame({
        "id": officer_ids, "unit": unit_ids.gather(home), "hired_on": hired,
        "name": pl.Series([f"执法员{i}" for i in range(officers)]), "post": "执法岗",
        "township": pl.Series(rng.random(officers) < 0.15),
        "left_on": _maybe(rng, left.cast(pl.Date), 0.9),
    }).with_columns(leave_reason=pl.when(pl.col("left_on").is_not_null()).then(pl.lit("调离")))

    per = rng.poisson(4, officers)
    n_train = int(per.sum())
    thresholds = sorted({t / 100 for t in h.hour_thresholds}) or [40.0]
    hours = np.concatenate([rng.choice([1.0, 2.0, 4.0, 6.0, 7.5, 8.0], n_train)])
    bump = rng.random(n_train) < 0.05
    hours[bump] = rng.choice(thresholds, int(bump.sum()))
    minutes = rng.integers(0, 24 * 60, n_train)
    training = pl.DataFrame({
        "id": pl.Series([f"t{i}" for i in range(n_train)]),
        "officer": officer_ids.gather(np.repeat(np.arange(officers), per)),
        "hours": hours,
        "category": _pick(rng, [c.value for c in TrainingCategory], n_train),
        "held_at": (_days(rng, n_train).cast(pl.Datetime("us")) + pl.Series(minutes).cast(pl.Duration("us")) * 60_000_000),
        "organiser": "",
    }).with_columns(pl.col("held_at").dt.replace_time_zone("Asia/Shanghai"))

    holders = np.flatnonzero(rng.random(officers) < 0.8)
    nc = len(holders)
    issued = pl.Series(hired.gather(holders)) + pl.Series(rng.integers(0, 400, nc)).cast(pl.Duration("ms")) * 86_400_000
    issued = issued.cast(pl.Date)
    exam = issued - pl.Series(rng.integers(-10, 60, nc)).cast(pl.Duration("ms")) * 86_400_000
    suspended = issued + pl.Series(rng.integers(10, 900, nc)).cast(pl.Duration("ms")) * 86_400_000
    suspended_on = _maybe(rng, suspended.cast(pl.Date), 0.9)
    ended = suspended_on + pl.Series(rng.integers(1, 200, nc)).cast(pl.Duration("ms")) * 86_400_000
    officer_left = officer_t.get_column("left_on").gather(holders)
    revoked = officer_left + pl.Series(rng.integers(0, 60, nc)).cast(pl.Duration("ms")) * 86_400_000
    certificates = pl.DataFrame({
        "id": pl.Series([f"c{i}" for i in range(nc)]),
        "officer": officer_ids.gather(holders),
        "issued_on": issued,
        "exam_passed_on": _maybe(rng, exam.cast(pl.Date), 0.05),
        "suspended_on": suspended_on,
        "suspension_ended_on": _maybe(rng, ended.cast(pl.Date), 0.4),
        "revoked_on": _maybe(rng, revoked.cast(pl.Date), 0.3),
    }).with_columns(
        revoked_on=pl.when(pl.col("revoked_on") >= pl.col("issued_on")).then(pl.col("revoked_on")),
    )

    tasks = sorted(h.tasks)
    pairs = [(t, u) for t in tasks for u in range(n_units)]
    keep = [p for p, r in zip(pairs, rng.random(len(pairs))) if r < 0.5]
    task_reports = pl.DataFrame({
        "id": pl.Series([f"r{i}" for i in range(len(keep))], dtype=pl.String),
        "task": pl.Series([t for t, _ in keep], dtype=pl.String),
        "unit": pl.Series([f"u{u}" for _, u in keep], dtype=pl.String),
        "completed_on": _days(rng, len(keep)),
    })

    subjects_of = {"unit": unit_ids, "officer": officer_ids.head(max(1, officers // 10)), "region": pl.Series(region_ids)}
    event_parts = []
    for kind, subjects in sorted(h.events.items()):
        for subject in sorted({s.value for s in subjects}):
            pool = subjects_of.get(subject, unit_ids)
            n = len(pool) * 2
            event_parts.append(pl.DataFrame({"kind": pl.Series([kind] * n, dtype=pl.String), "subject": pool.gather(rng.integers(0, len(pool), n)), "on": _days(rng, n)}))
    events = (pl.concat(event_parts) if event_parts else pl.DataFrame(schema={"kind": pl.String, "subject": pl.String, "on": pl.Date}))
    events = events.with_row_index("i").select(id=pl.format("e{}", pl.col("i")), kind="kind", subject="subject", on="on")

    n_cases = max(10, officers // 2)
    first = rng.integers(0, officers, n_cases)
    second = np.where(rng.random(n_cases) < 0.15, rng.integers(0, officers, n_cases), first)
    solo = rng.random(n_cases) < 0.1
    circumstances = sorted(h.circumstances) or ["first_minor"]
    codes = sorted(h.violation_codes)
    handling = pl.select(pl.concat_list(officer_ids.gather(first), officer_ids.gather(second))).to_series()
    handling = pl.select(pl.when(pl.Series(solo)).then(pl.concat_list(officer_ids.gather(first))).otherwise(handling)).to_series()
    handling = pl.select(pl.when(pl.Series(rng.random(n_cases) < 0.02)).then(pl.lit([], dtype=pl.List(pl.String))).otherwise(handling)).to_series()
    mitigating = pl.select(pl.when(pl.Series(rng.random(n_cases) < 0.3))
                           .then(pl.concat_list(_pick(rng, circumstances, n_cases)))
                           .otherwise(pl.lit([], dtype=pl.List(pl.String)))).to_series()
    decided = _days(rng, n_cases)
    cases = pl.DataFrame({
        "id": pl.Series([f"k{i}" for i in range(n_cases)]),
        "unit": unit_ids.gather(home[first]),
        "decided_on": decided,
        "field": _pick(rng, fields, n_cases),
        "handling_officers": handling,
        "outcome": _pick(rng, [o.value for o in CaseOutcome], n_cases),
        "violation_code": _maybe(rng, _pick(rng, codes, n_cases), 0.5) if codes else pl.Series([None] * n_cases, dtype=pl.String),
        "minor": _maybe(rng, pl.Series(rng.random(n_cases) < 0.5), 0.3),
        "first_violation": pl.Series(rng.random(n_cases) < 0.5),
        "harm": _pick(rng, [x.value for x in Harm], n_cases),
        "corrected_promptly": pl.Series(rng.random(n_cases) < 0.5),
        "no_fault_proven": pl.Series(rng.random(n_cases) < 0.1),
        "mitigating": mitigating,
        "major": pl.Series(rng.random(n_cases) < 0.2),
        "legal_review_on": _maybe(rng, decided - pl.Series(rng.integers(-5, 20, n_cases)).cast(pl.Duration("ms")) * 86_400_000, 0.5).cast(pl.Date),
        "cites_discretion_baseline": pl.Series(rng.random(n_cases) < 0.7),
    })

    metric_rows = [(name, rid, year) for name, years in sorted(h.metrics.items()) for year in sorted(years | {y - 1 for y in years})
                   for rid in region_ids]
    keep_m = [m for m, r in zip(metric_rows, rng.random(len(metric_rows))) if r < 0.9]
    metrics = pl.DataFrame({
        "id": pl.Series([f"m{i}" for i in range(len(keep_m))], dtype=pl.String),
        "name": pl.Series([m[0] for m in keep_m], dtype=pl.String),
        "region": pl.Series([m[1] for m in keep_m], dtype=pl.String),
        "year": pl.Series([m[2] for m in keep_m], dtype=pl.Int32),
        "value": pl.Series(rng.choice([0.0, 0.5, 1.0, 2.5, 5.0, 12.0], len(keep_m)), dtype=pl.Float64),
    })
    return {
        "regions": regions, "units": units, "officers": officer_t, "training": training, "certificates": certificates,
        "task_reports": task_reports, "events": events, "cases": cases, "metrics": metrics,
    }


def bulk_facts(source: Any = None, *, officers: int = 50_000, seed: int = 11) -> Facts:
    """:func:`bulk_tables` as :class:`~enforcerules.Facts`."""
    return Facts.from_tables(bulk_tables(source, officers=officers, seed=seed))

