"""Spark local mode (1 and 2 cores) against the single-process columnar evaluation, same Parquet tables.

    .venv/bin/python bench/spark_benchmark.py --officers 50000 --jurisdiction shanxi

Writes bulk facts (enforcerules.testing.bulk: every section, region rules
included) as <section>.parquet, then times, each in its own process:
`python -m enforcerules.spark JURISDICTION DIR --master local[1|2] --out DIR`
(JVM start included) and the single-process evaluation of the same tables
written to one Parquet file; checks that all three wrote the same findings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

import enforcerules as er
from enforcerules.findings_table import FINDINGS_SCHEMA
from enforcerules.testing.bulk import bulk_tables

AS_OF = dt.date(2025, 6, 30)
SORT = ["rule_id", "subject", "period", "status"]

SINGLE = """
import sys, polars as pl, enforcerules as er
from pathlib import Path
from enforcerules.tables import SECTIONS
folder, jurisdiction, out = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
facts = er.Facts.from_tables({s: pl.read_parquet(folder / f"{s}.parquet") for s in SECTIONS})
er.evaluate(er.load_rulebook(jurisdiction), facts, __import__("datetime").date(2025, 6, 30)).table.write_parquet(out)
"""


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--officers", type=int, default=50_000)
    ap.add_argument("--jurisdiction", default="shanxi")
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--dir", type=Path)
    args = ap.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="er-spark-"))
    facts_dir = folder / "facts"
    facts_dir.mkdir(parents=True, exist_ok=True)
    tables = bulk_tables(er.load_rulebook(args.jurisdiction), officers=args.officers)
    for section, table in tables.items():
        table.write_parquet(facts_dir / f"{section}.parquet")
    records = sum(t.height for t in tables.values())
    py = sys.executable
    rows = [("single process, columnar (read + evaluate + write)",
             timed([py, "-c", SINGLE, str(facts_dir), args.jurisdiction, str(folder / "single.parquet")]))]
    for cores in (1, 2):
        out = folder / f"spark{cores}"
        rows.append((f"Spark local[{cores}] (JVM start + read + evaluate + write)", timed([
            py, "-m", "enforcerules.spark", args.jurisdiction, str(facts_dir), "--as-of", AS_OF.isoformat(), "--out", str(out),
            "--master", f"local[{cores}]", "--partitions", str(args.partitions)])))
    single = pl.read_parquet(folder / "single.parquet").sort(SORT)
    for cores in (1, 2):
        spark = pl.read_parquet(folder / f"spark{cores}" / "*.parquet").cast(FINDINGS_SCHEMA).sort(SORT)
        assert spark.equals(single), f"local[{cores}] differs"
    print(f"{args.jurisdiction}, {args.officers:,} officers, {records:,} records, {single.height:,} findings (identical in all three), "
          f"as of {AS_OF}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}")
    print("| run | wall | relative |\n|---|---:|---:|")
    for name, wall in rows:
        print(f"| {name} | {wall:.1f} s | {wall / rows[0][1]:.2f}× |")


if __name__ == "__main__":
    main()
