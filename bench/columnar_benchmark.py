"""`check` on Parquet tables against a hand-written pandas script, side by side.

Writes N officers (default 1,000,000) with 10 training records each as
Parquet tables (``units``, ``officers``, ``training``), then runs, each in a
fresh interpreter so its CPU time and peak RSS are its own:

- ``enforcerules``: read the tables with the library's loader, evaluate the
  whole rulebook with the default (columnar) executor and write the findings
  table to Parquet — what ``enforcerules check JURISDICTION DIR --out
  findings.parquet`` does;
- ``pandas``: read the same files and compute the statuses of the training
  rule (60 hours a year in the counted categories and the rulebook's splits,
  officers in post on any day of the year, pending before the year ends) —
  the arithmetic with no citation, evidence or other rules;
- optionally (``--executors``) the three executors on the same tables, their
  findings tables compared row for row (durable-rules and the Python
  executor go row by row: give it the 100,000-officer tables).

Prints a table and whether the library's training statuses equal pandas'.

    .venv/bin/python bench/columnar_benchmark.py --officers 100000
    .venv/bin/python bench/columnar_benchmark.py --officers 1000000 --jurisdiction shanxi
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import polars as pl

import enforcerules as er
from enforcerules.engine import get_executor
from enforcerules.evaluate import evaluate_rules
from enforcerules.output import open_writer
from enforcerules.report import report_header

AS_OF = dt.date(2025, 6, 30)
CATEGORIES = [c.value for c in er.TrainingCategory]


def write_tables(folder: Path, officers: int, per_officer: int, seed: int = 7) -> None:
    rng = np.random.default_rng(seed)
    n_units = max(1, officers // 50)
    pl.DataFrame({
        "id": [f"u{i}" for i in range(n_units)], "name": [f"执法局{i}" for i in range(n_units)],
        "kind": "enforcement", "level": "county", "region": None, "field": None,
    }).write_parquet(folder / "units.parquet")
    ids = pl.Series([f"o{i}" for i in range(officers)])
    hired = pl.Series(np.datetime64("2015-01-01") + rng.integers(0, 365 * 10, officers).astype("timedelta64[D]")).cast(pl.Date)
    pl.DataFrame({
        "id": ids, "unit": pl.Series([f"u{i % n_units}" for i in range(officers)]), "hired_on": hired,
    }).write_parquet(folder / "officers.parquet")
    n = officers * per_officer
    days = np.datetime64("2023-01-01") + rng.integers(0, 365 * 3, n).astype("timedelta64[D]")
    pl.DataFrame({
        "id": pl.Series([f"t{i}" for i in range(n)]),
        "officer": ids.gather(np.repeat(np.arange(officers), per_officer)),
        "hours": rng.choice([2.0, 4.0, 6.0, 7.5, 8.0], n),
        "category": pl.Series(CATEGORIES).gather(rng.integers(0, len(CATEGORIES), n)),
        "held_at": pl.Series(days).cast(pl.Datetime("us")) + dt.timedelta(hours=9),
    }).with_columns(pl.col("held_at").dt.replace_time_zone("Asia/Shanghai")).write_parquet(folder / "training.parquet")


def run_library(folder: Path, jurisdiction: str, out: Path) -> int:
    facts = er.load_facts(folder)
    book = er.load_rulebook(jurisdiction)
    executor = get_executor("auto")
    policy = er.DeadlinePolicy()
    writer = open_writer(out, report_header(book.jurisdiction.id, book.digest, AS_OF, executor.name, policy),
                         {r.id: r for r in book.rules}, AS_OF)
    for part in evaluate_rules(book, facts, AS_OF, executor=executor, policy=policy):
        writer.write(part)
    writer.close(facts.rejections)
    return sum(writer.counts.values())


def training_rule(jurisdiction: str) -> Any:
    book = er.load_rulebook(jurisdiction)
    return next(r for r in book.rules if r.rule.kind == "annual_training_hours" and r.rule.scope.township is None)


def run_pandas(folder: Path, jurisdiction: str, out: Path) -> int:
    """Hand-written statuses of the rulebook's yearly training rule."""
    rule = training_rule(jurisdiction).rule
    spec = rule.spec
    officers = pd.read_parquet(folder / "officers.parquet")
    training = pd.read_parquet(folder / "training.parquet")
    training["year"] = training["held_at"].dt.year
    training["day"] = training["held_at"].dt.date
    training = training[training["day"] <= AS_OF]
    training["centi"] = (training["hours"] * 100).round().astype("int64")
    counted = training[training["category"].isin([c.value for c in spec.counted])]
    sums = counted.groupby(["officer", "year"])["centi"].sum().rename("tot").to_frame()
    for i, split in enumerate(spec.splits):
        part = counted[counted["category"].isin([c.value for c in split.categories])]
        sums[f"s{i}"] = part.groupby(["officer", "year"])["centi"].sum()
    sums = sums.fillna(0)
    # The years the rule judges (its effective period, which starts with the first full plan year by default).
    years = pd.DataFrame({"year": list(range(rule.effective.start.year, min(rule.effective.end.year, AS_OF.year) + 1))})
    grid = officers[["id", "hired_on", "left_on"] if "left_on" in officers else ["id", "hired_on"]].merge(years, how="cross")
    grid = grid.merge(sums, left_on=["id", "year"], right_index=True, how="left").fillna({"tot": 0, **{f"s{i}": 0 for i in range(len(spec.splits))}})
    start = pd.to_datetime(grid["year"].astype(str) + "-01-01").dt.date
    end = pd.to_datetime(grid["year"].astype(str) + "-12-31").dt.date
    in_post = grid["hired_on"] <= end
    met = grid["tot"] >= round(spec.min_hours * 100)
    for i, split in enumerate(spec.splits):
        met &= grid[f"s{i}"] >= round(split.min_hours * 100)
    closed = pd.Series([AS_OF > e for e in end], index=grid.index)
    grid["status"] = np.select([~in_post, met, ~closed], ["not_applicable", "compliant", "pending"], "violation")
    del start
    grid[["id", "year", "status"]].to_parquet(out)
    return len(grid)


STEPS: dict[str, Callable[[Path, str, Path], int]] = {"library": run_library, "pandas": run_pandas}


def measure(step: str, folder: Path, jurisdiction: str, out: Path) -> tuple[float, float, int, int]:
    """Run one step in a fresh interpreter (polars' thread pool does not survive a fork):
    wall and CPU seconds (children included), its result and peak RSS (KiB)."""
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import columnar_benchmark as b; "
            f"from pathlib import Path; n = b.STEPS[{step!r}](Path({str(folder)!r}), {jurisdiction!r}, Path({str(out)!r})); "
            # VmHWM, not ru_maxrss: a vfork-started child's ru_maxrss carries the peak of this (parent) process
            "import re; print(n, re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    n, rss = proc.stdout.split()[-2:]
    return wall, usage.ru_utime + usage.ru_stime, int(n), int(rss)


def compare_training(folder: Path, lib: Path, pandas_out: Path, jurisdiction: str) -> tuple[int, int]:
    rule_id = training_rule(jurisdiction).id
    ours = pl.read_parquet(lib).filter((pl.col("rule_id") == rule_id) & (pl.col("subject") != "*") & (pl.col("status") != "out_of_period"))
    ours = ours.select(id=pl.col("subject"), year=pl.col("period").cast(pl.Int32), status=pl.col("status"))
    theirs = pl.read_parquet(pandas_out).select(pl.col("id"), pl.col("year").cast(pl.Int32), pl.col("status"))
    joined = ours.join(theirs, on=["id", "year"], how="full", suffix="_pd")
    same = joined.filter(pl.col("status") == pl.col("status_pd")).height
    return same, joined.height


def compare_executors(folder: Path, jurisdiction: str) -> tuple[bool, int, dict[str, float]]:
    """Whether the columnar, Python and durable-rules executors give identical findings
    tables on the benchmark's facts, how many findings each gave, and the seconds each took."""
    facts = er.load_facts(folder)
    book = er.load_rulebook(jurisdiction)
    tables: dict[str, pl.DataFrame] = {}
    seconds: dict[str, float] = {}
    for engine in ("columnar", "python", "durable"):
        t = time.perf_counter()
        tables[engine] = er.evaluate(book, facts, AS_OF, engine=engine).table
        seconds[engine] = time.perf_counter() - t
    first = tables["columnar"]
    return all(t.equals(first) for t in tables.values()), first.height, seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--officers", type=int, default=1_000_000)
    ap.add_argument("--per-officer", type=int, default=10)
    ap.add_argument("--jurisdiction", default="national")
    ap.add_argument("--dir", type=Path, help="keep the generated tables here (default: a temporary folder)")
    ap.add_argument("--executors", action="store_true", help="also compare the three executors' findings on these tables")
    args = ap.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="er-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "training.parquet").exists():
        t = time.perf_counter()
        write_tables(folder, args.officers, args.per_officer)
        print(f"wrote {args.officers:,} officers, {args.officers * args.per_officer:,} training records in {time.perf_counter() - t:.1f} s to {folder}")
    lib_out, pd_out = folder / "findings.parquet", folder / "pandas.parquet"
    rows = []
    cpu_before = 0.0
    for name, step, out in (("enforcerules check (load + evaluate + write)", "library", lib_out),
                            ("pandas, training statuses only", "pandas", pd_out)):
        wall, cpu, n, rss = measure(step, folder, args.jurisdiction, out)
        rows.append((name, wall, cpu - cpu_before, n, rss))
        cpu_before = cpu
    base = rows[1][1]
    print(f"\n{args.jurisdiction}, {args.officers:,} officers, as of {AS_OF}, python {sys.version.split()[0]}, polars {pl.__version__}, {os.cpu_count()} cores")
    print("| step | wall | CPU | rows out | peak RSS | ratio to pandas (wall) |\n|---|---:|---:|---:|---:|---:|")
    for name, wall, cpu, n, rss in rows:
        print(f"| {name} | {wall:.1f} s | {cpu:.1f} s | {n:,} | {rss / 1024:.0f} MiB | {wall / base:.2f}× |")
    same, total = compare_training(folder, lib_out, pd_out, args.jurisdiction)
    print(f"\ntraining statuses equal to pandas: {same:,} of {total:,}")
    if args.executors:
        identical, compared, seconds = compare_executors(folder, args.jurisdiction)
        took = ", ".join(f"{e} {t:.1f} s" for e, t in seconds.items())
        print(f"columnar, python and durable executors identical: {identical} ({compared:,} findings compared; {took})")


if __name__ == "__main__":
    main()
