"""Throughput and peak memory of the national training checks at scale.

Evaluates N officers (default 100,000) with 10 training records each
(1,000,000 records) under the whole national rulebook, on both executors,
and a hand-written pandas version of the officer checks (training hours,
annual assessment). Also times loading a tenth of the data from JSON.
Prints throughput and peak memory per step, and whether the executors agree
on every finding and with pandas on the officer checks.

    .venv/bin/python bench/benchmark.py                # full size
    .venv/bin/python bench/benchmark.py --officers 5000  # quick

Each step runs in a forked child so its time and peak resident memory are
its own (the figure in brackets is the growth over the parent, which
already holds the facts). Not a test: results are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import multiprocessing
import random
import resource
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd

import enforcerules as er
from enforcerules.chinatime import CST

T = TypeVar("T")
AS_OF = dt.date(2025, 6, 30)
TRAINING_RULE = "national.training.annual_hours"
ASSESSMENT_RULE = "national.officers.annual_assessment"
CATEGORIES = list(er.TrainingCategory)


def make_facts(officers: int, per_officer: int, seed: int = 7) -> er.Facts:
    rnd = random.Random(seed)
    units = [er.Unit(id=f"u{i}", name=f"unit {i}", kind=er.UnitKind.ENFORCEMENT, level=er.Level.COUNTY) for i in range(max(1, officers // 50))]
    offs = [er.Officer(id=f"o{i}", unit=units[i % len(units)].id, hired_on=dt.date(2015, 1, 1)) for i in range(officers)]
    training = []
    for o in offs:
        for k in range(per_officer):
            day = dt.date(2023 + rnd.randrange(3), 1 + rnd.randrange(12), 1 + rnd.randrange(28))
            training.append(er.TrainingRecord(
                id=f"{o.id}-{k}", officer=o.id, hours=rnd.choice((2, 4, 6, 7.5, 8)),
                category=rnd.choice(CATEGORIES), held_at=dt.datetime.combine(day, dt.time(9), CST),
            ))
    return er.Facts(units=units, officers=offs, training=training)


def _child(fn: Callable[[], T], conn: Any) -> None:
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    conn.send((result, elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    conn.close()


def measured(label: str, fn: Callable[[], T], items: int) -> T:
    """Run *fn* in a forked child: its own time and its own peak resident memory."""
    gc.collect()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(fn, child))
    proc.start()
    result, elapsed, peak_kib = parent.recv()
    proc.join()
    print(f"{label:<34} {elapsed:8.2f} s  {items / elapsed:12,.0f} officers/s  peak RSS {peak_kib / 1024:8,.0f} MiB (+{max(0, peak_kib - base) / 1024:,.0f})")
    return result  # type: ignore[no-any-return]


Row = tuple[str, str, str, str]
PANDAS_RULES = (TRAINING_RULE, ASSESSMENT_RULE)


def engine_findings(rulebook: er.Rulebook, facts: er.Facts, engine: str) -> list[tuple[str, ...]]:
    report = er.evaluate(rulebook, facts, AS_OF, engine=engine)
    return [(f.rule_id, f.subject, f.period, f.status.value, f.explanation_zh) for f in report.findings]


def pandas_findings(facts: er.Facts) -> set[Row]:
    """The same officer checks by hand in pandas: counted hours per officer-year
    against 60 (二（一）2) and an annual assessment per officer-year (二（一）3)."""
    counted = {er.TrainingCategory.PUBLIC_LAW, er.TrainingCategory.BUSINESS, er.TrainingCategory.ENFORCEMENT_SKILLS}
    df = pd.DataFrame({
        "officer": [t.officer for t in facts.training],
        "year": [t.held_at.year for t in facts.training],
        "day": [t.held_at.date() for t in facts.training],
        "centi": [round(t.hours * 100) if t.category in counted else 0 for t in facts.training],
    })
    df = df[df["day"] <= AS_OF]
    sums = df.groupby(["officer", "year"])["centi"].sum()
    # The years the rules judge: from their effective start (the first full plan year by default).
    first = er.load_rulebook("national").get(TRAINING_RULE).rule.effective.start.year
    years = range(first, AS_OF.year + 1)
    grid = pd.MultiIndex.from_product([[o.id for o in facts.officers], years], names=["officer", "year"])
    total = sums.reindex(grid, fill_value=0)
    open_year = pd.Series([dt.date(y, 12, 31) >= AS_OF for _, y in grid], index=grid)
    unmet = pd.Series("violation", index=grid)
    unmet[open_year] = "pending"
    training = unmet.copy()
    training[total >= 6000] = "compliant"
    rows = {(TRAINING_RULE, o, str(y), s) for (o, y), s in training.items()}
    rows |= {(ASSESSMENT_RULE, o, str(y), s) for (o, y), s in unmet.items()}  # the facts hold no assessments
    return rows


def load_json(document: dict[str, Any]) -> int:
    return len(er.load_facts(document).officers)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--officers", type=int, default=100_000)
    p.add_argument("--records-per-officer", type=int, default=10)
    p.add_argument("--engines", default="columnar,python,durable")
    args = p.parse_args(argv)
    print(f"python {sys.version.split()[0]}; {args.officers:,} officers, {args.officers * args.records_per_officer:,} training records; "
          f"national rulebook; as of {AS_OF}")
    rulebook = er.load_rulebook("national")
    start = time.perf_counter()
    facts = make_facts(args.officers, args.records_per_officer)
    print(f"{'build facts (in process)':<34} {time.perf_counter() - start:8.2f} s  process RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
    sample = er.facts_to_json(make_facts(max(1, args.officers // 10), args.records_per_officer, seed=8))
    measured(f"load_facts JSON ({args.officers // 10:,} officers)", lambda: load_json(sample), max(1, args.officers // 10))
    by_engine = {e: measured(f"evaluate ({e})", lambda: engine_findings(rulebook, facts, e), args.officers) for e in args.engines.split(",")}
    pandas_rows = measured("pandas, incl. DataFrame build", lambda: pandas_findings(facts), args.officers)
    first = next(iter(by_engine.values()))
    engines_agree = all(f == first for f in by_engine.values())
    engine_rows = {r[:4] for r in first if r[0] in PANDAS_RULES and r[3] != "out_of_period"}  # facts outside the judged years
    print(f"findings identical across {', '.join(by_engine)}: {engines_agree} ({len(first):,} findings)")
    print(f"officer checks identical to pandas: {engine_rows == pandas_rows} ({len(pandas_rows):,} officer-years x rules)")
    return 0 if engines_agree and engine_rows == pandas_rows else 1


if __name__ == "__main__":
    raise SystemExit(main())
