"""Throughput and peak memory of the national training checks at scale.

Evaluates N officers (default 100,000) with 10 training records each
(1,000,000 records) under the national rulebook's training rule, on both
executors, and a hand-written pandas version of the same check. Prints
throughput and peak memory per step and whether the three agree.

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


def engine_statuses(rulebook: er.Rulebook, facts: er.Facts, engine: str) -> dict[tuple[str, str], str]:
    report = er.evaluate(rulebook, facts, AS_OF, engine=engine)
    return {(f.subject, f.period): f.status.value for f in report.findings if f.rule_id == RULE}


def pandas_statuses(facts: er.Facts) -> dict[tuple[str, str], str]:
    """The same check written by hand in pandas: counted hours per officer-year vs 60."""
    counted = {er.TrainingCategory.PUBLIC_LAW, er.TrainingCategory.BUSINESS, er.TrainingCategory.ENFORCEMENT_SKILLS}
    df = pd.DataFrame({
        "officer": [t.officer for t in facts.training],
        "year": [t.held_at.year for t in facts.training],
        "day": [t.held_at.date() for t in facts.training],
        "centi": [round(t.hours * 100) if t.category in counted else 0 for t in facts.training],
    })
    df = df[df["day"] <= AS_OF]
    sums = df.groupby(["officer", "year"])["centi"].sum()
    years = range(2023, AS_OF.year + 1)
    grid = pd.MultiIndex.from_product([[o.id for o in facts.officers], years], names=["officer", "year"])
    total = sums.reindex(grid, fill_value=0)
    closed = pd.Series([dt.date(y, 12, 31) < AS_OF for _, y in grid], index=grid)
    status = pd.Series("violation", index=grid)
    status[~closed] = "pending"
    status[total >= 6000] = "compliant"
    return {(o, str(y)): s for (o, y), s in status.items()}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--officers", type=int, default=100_000)
    p.add_argument("--records-per-officer", type=int, default=10)
    p.add_argument("--engines", default="python,durable")
    args = p.parse_args(argv)
    print(f"python {sys.version.split()[0]}; {args.officers:,} officers, {args.officers * args.records_per_officer:,} training records; as of {AS_OF}")
    full = er.load_rulebook("national")
    only_training = er.Rulebook(full.jurisdiction, full.chain, (full.get(RULE),), documents=full.documents)
    start = time.perf_counter()
    facts = make_facts(args.officers, args.records_per_officer)
    print(f"{'build facts (in process)':<34} {time.perf_counter() - start:8.2f} s  process RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
    results: dict[str, Any] = {}
    for engine in args.engines.split(","):
        results[engine] = measured(f"evaluate ({engine})", lambda: engine_statuses(only_training, facts, engine), args.officers)
    results["pandas"] = measured("pandas, incl. DataFrame build", lambda: pandas_statuses(facts), args.officers)
    names = list(results)
    agree = all(results[n] == results[names[0]] for n in names)
    print(f"findings identical across {', '.join(names)}: {agree} ({len(results[names[0]]):,} officer-years)")
    return 0 if agree else 1


if __name__ == "__main__":
    raise SystemExit(main())
