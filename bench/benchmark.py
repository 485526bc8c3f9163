"""Throughput and peak memory of the national training checks at scale.

Evaluates N officers (default 100,000) with 10 training records each
(1,000,000 records) under the national rulebook's training rule, on both
executors, and a hand-written pandas version of the same check. Prints
throughput and peak memory per step and whether the three agree.

    .venv/bin/python bench/benchmark.py                # full size
    .venv/bin/python bench/benchmark.py --officers 5000  # quick

Not a test: results are recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any, TypeVar

import enforcerules as er
from enforcerules.chinatime import CST

T = TypeVar("T")
AS_OF = dt.date(2025, 6, 30)
RULE = "national.training.annual_hours"
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


def measured(label: str, fn: Callable[[], T], items: int) -> T:
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<34} {elapsed:8.2f} s  {items / elapsed:12,.0f} officers/s  peak +{peak / 2**20:8.1f} MiB")
    return result


def engine_statuses(rulebook: er.Rulebook, facts: er.Facts, engine: str) -> dict[tuple[str, str], str]:
    report = er.evaluate(rulebook, facts, AS_OF, engine=engine)
    return {(f.subject, f.period): f.status.value for f in report.findings if f.rule_id == RULE}


def pandas_statuses(facts: er.Facts) -> dict[tuple[str, str], str]:
    """The same check written by hand in pandas: counted hours per officer-year vs 60."""
    import pandas as pd

    counted = {er.TrainingCategory.PUBLIC_LAW, er.TrainingCategory.BUSINESS, er.TrainingCategory.ENFORCEMENT_SKILLS}
    df = pd.DataFrame({
        "officer": [t.officer for t in facts.training],
        "year": [t.held_at.year for t in facts.training],
        "day": [t.held_at.date() for t in facts.training],
        "centi": [round(t.hours * 100) if t.category in counted else 0 for t in facts.training],
    })
    df = df[df["day"] <= AS_OF]
    sums = df.groupby(["officer", "year"])["centi"].sum()
    years = [str(y) for y in range(2023, AS_OF.year + 1)]
    out = {}
    for o in facts.officers:
        for y in years:
            total = int(sums.get((o.id, int(y)), 0))
            if total >= 6000:
                status = "compliant"
            elif dt.date(int(y), 12, 31) >= AS_OF:
                status = "pending"
            else:
                status = "violation"
            out[(o.id, y)] = status
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--officers", type=int, default=100_000)
    p.add_argument("--records-per-officer", type=int, default=10)
    p.add_argument("--engines", default="python,durable")
    args = p.parse_args(argv)
    print(f"python {sys.version.split()[0]}; {args.officers:,} officers, {args.officers * args.records_per_officer:,} training records; as of {AS_OF}")
    full = er.load_rulebook("national")
    only_training = er.Rulebook(full.jurisdiction, full.chain, (full.get(RULE),), documents=full.documents)
    facts = measured("build facts", lambda: make_facts(args.officers, args.records_per_officer), args.officers)
    results: dict[str, Any] = {}
    for engine in args.engines.split(","):
        results[engine] = measured(f"evaluate ({engine})", lambda: engine_statuses(only_training, facts, engine), args.officers)
    results["pandas"] = measured("pandas, incl. DataFrame build", lambda: pandas_statuses(facts), args.officers)
    names = list(results)
    agree = all(results[n] == results[names[0]] for n in names)
    print(f"findings identical across {', '.join(names)}: {agree} ({len(results[names[0]]):,} officer-years)")
    print(f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
    return 0 if agree else 1


if __name__ == "__main__":
    raise SystemExit(main())
