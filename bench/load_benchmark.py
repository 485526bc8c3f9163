"""Loading facts against the bare parsers of the same files, side by side.

Writes N officers (default 100,000) with 10 training records each as one
JSON document, as a directory of CSV tables and as a directory of Parquet
tables, then times in one run:

- ``json.loads`` of the JSON file vs ``load_facts`` of it;
- ``pl.read_csv`` of every CSV file vs ``load_facts`` of the directory;
- ``pl.read_parquet`` of every Parquet file vs ``load_facts`` of the directory.

Each step runs in a forked child (its own wall time, CPU time and peak
resident memory). Not a test: results are in docs/performance.md.

    .venv/bin/python bench/load_benchmark.py --officers 100000
    .venv/bin/python bench/load_benchmark.py --officers 1000000 --dir /tmp/load-1m
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

import enforcerules as er


def frames(officers: int, per_officer: int) -> dict[str, pl.DataFrame]:
    """Units, officers and training as polars frames, built column-wise (seeded by row number)."""
    units = max(1, officers // 50)
    u = pl.DataFrame({"i": pl.arange(0, units, eager=True)}).select(
        id=pl.format("u{}", "i"), name=pl.format("执法单位{}", "i"), kind=pl.lit("enforcement"), level=pl.lit("county"))
    o = pl.DataFrame({"i": pl.arange(0, officers, eager=True)}).select(
        id=pl.format("o{}", "i"), unit=pl.format("u{}", pl.col("i") % units), hired_on=pl.lit("2015-01-01"))
    n = officers * per_officer
    t = pl.DataFrame({"i": pl.arange(0, n, eager=True)}).select(
        id=pl.format("o{}-{}", pl.col("i") // per_officer, pl.col("i") % per_officer),
        officer=pl.format("o{}", pl.col("i") // per_officer),
        hours=pl.lit([2.0, 4.0, 6.0, 7.5, 8.0]).list.get((pl.col("i") * 7919) % 5),
        category=pl.lit(["public_law", "business", "enforcement_skills", "political_theory"]).list.get((pl.col("i") * 104729) % 4),
        held_at=pl.format("{}-{}-{}T09:00:00+08:00", 2023 + pl.col("i") % 3,
                          (1 + (pl.col("i") * 31) % 12).cast(pl.String).str.zfill(2),
                          (1 + (pl.col("i") * 17) % 28).cast(pl.String).str.zfill(2)),
    )
    return {"units": u, "officers": o, "training": t}


def write_json(tables: dict[str, pl.DataFrame], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format": 1')
        for section, frame in tables.items():
            out.write(f',\n"{section}": [\n')
            lines = frame.select(pl.struct(pl.all()).struct.json_encode().alias("j"))["j"]
            out.write(",\n".join(lines.to_list()))
            out.write("\n]")
        out.write("}\n")


def write_tables(tables: dict[str, pl.DataFrame], directory: Path, suffix: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for section, frame in tables.items():
        if suffix == ".csv":
            frame.write_csv(directory / f"{section}.csv")
        else:
            typed = frame
            if section == "officers":
                typed = frame.with_columns(pl.col("hired_on").str.to_date())
            if section == "training":
                typed = frame.with_columns(pl.col("held_at").str.to_datetime("%Y-%m-%dT%H:%M:%S%#z").dt.convert_time_zone("Asia/Shanghai"))
            typed.write_parquet(directory / f"{section}.parquet")


def _count(facts: er.Facts) -> str:
    return f"{facts.size:,} loaded, {len(facts.rejections)} rejected"


STEPS: dict[str, Callable[[Path], str]] = {
    "json.loads": lambda path: f"{len(json.loads(path.read_bytes()))} keys",
    "pl.read_csv of every file": lambda path: f"{sum(pl.read_csv(f, infer_schema=False).height for f in sorted(path.iterdir())):,} rows",
    "pl.read_parquet of every file": lambda path: f"{sum(pl.read_parquet(f).height for f in sorted(path.iterdir())):,} rows",
    "load_facts": lambda path: _count(er.load_facts(path)),
}


def _child(step: str, path: Path, conn: Any) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    result = STEPS[step](path)
    conn.send((result, time.perf_counter() - wall, time.process_time() - cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    conn.close()


def measured(step: str, path: Path) -> float:
    """Run one step in a fresh interpreter (spawned: polars' threads do not survive fork)."""
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(step, path, child))
    proc.start()
    result, wall, cpu, peak = parent.recv()
    proc.join()
    label = f"{step}({path.name})" if step == "load_facts" else step
    print(f"  {label:<40} wall {wall:7.2f} s  cpu {cpu:7.2f} s  peak RSS {peak / 1024:8,.0f} MiB  ({result})", flush=True)
    return float(wall)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--officers", type=int, default=100_000)
    p.add_argument("--records-per-officer", type=int, default=10)
    p.add_argument("--dir", type=Path, default=None, help="where to write the inputs (default: a temporary directory)")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        base = args.dir or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        tables = frames(args.officers, args.records_per_officer)
        records = sum(f.height for f in tables.values())
        doc, csv_dir, pq_dir = base / "facts.json", base / "csv", base / "parquet"
        write_json(tables, doc)
        write_tables(tables, csv_dir, ".csv")
        write_tables(tables, pq_dir, ".parquet")
        del tables
        print(f"python {sys.version.split()[0]}, polars {pl.__version__}; {args.officers:,} officers, "
              f"{args.officers * args.records_per_officer:,} training records ({records:,} records); "
              f"JSON {doc.stat().st_size / 2**20:,.0f} MiB", flush=True)

        rows = []
        for name, bare, path in (("JSON", "json.loads", doc), ("CSV directory", "pl.read_csv of every file", csv_dir),
                                 ("Parquet directory", "pl.read_parquet of every file", pq_dir)):
            rows.append((name, measured(bare, path), measured("load_facts", path)))
        print("\n| input | bare parser (s) | load_facts (s) | ratio |\n|---|---:|---:|---:|")
        for name, bare, ours in rows:
            print(f"| {name} | {bare:.2f} | {ours:.2f} | {ours / bare:.1f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
