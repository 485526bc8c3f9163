"""Peak memory of `check --out` whole and partitioned, at two sizes (issue 7, item 5).

    .venv/bin/python bench/partition_benchmark.py --sizes 100000 1000000 --dir /tmp/er-part

Writes the Parquet tables of bench/columnar_benchmark.py (units, officers, ten
training records an officer) for each size, then runs `enforcerules check
national DIR --as-of 2025-06-30 --out findings.parquet`, without and with
`--partition-by`, each in a fresh interpreter, and prints wall time and peak RSS.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).parent))
from columnar_benchmark import AS_OF, write_tables  # noqa: E402

import enforcerules as er  # noqa: E402
from enforcerules.engine import get_executor  # noqa: E402
from enforcerules.evaluate import evaluate_rules  # noqa: E402
from enforcerules.output import open_writer  # noqa: E402
from enforcerules.partition import partitioned_findings  # noqa: E402
from enforcerules.report import report_header  # noqa: E402
from enforcerules.tables import SCHEMAS, SECTIONS  # noqa: E402


def _read(folder: Path, section: str) -> pl.DataFrame:
    """A section's table, optional columns the benchmark leaves out filled with their defaults."""
    table = pl.read_parquet(folder / f"{section}.parquet")
    return table.with_columns([pl.lit(c.default, dtype=c.dtype).alias(c.name) for c in SCHEMAS[section] if c.name not in table.columns])


def run_check(folder: Path, jurisdiction: str, by: str | None, partitions: int) -> int:
    """What `check DIR --out findings.parquet [--partition-by BY]` does: read the tables, stream the findings out."""
    facts = er.Facts.from_tables({s: _read(folder, s) for s in SECTIONS if (folder / f"{s}.parquet").exists()})
    book, executor, policy = er.load_rulebook(jurisdiction), get_executor("auto"), er.DeadlinePolicy()
    out = folder / f"findings-{by or 'whole'}.parquet"
    writer = open_writer(out, report_header(book.jurisdiction.id, book.digest, AS_OF, executor.name, policy), {r.id: r for r in book.rules}, AS_OF)
    parts = (partitioned_findings(book, facts, AS_OF, by=by, partitions=partitions, executor=executor, policy=policy) if by
             else evaluate_rules(book, facts, AS_OF, executor=executor, policy=policy))
    for part in parts:
        writer.write(part)
    writer.close(facts.rejections)
    return sum(writer.counts.values())


def measure(folder: Path, jurisdiction: str, by: str | None, partitions: int) -> tuple[float, float, int, int]:
    """(wall s, CPU s, findings, peak RSS KiB) of run_check in a fresh interpreter (no fork after polars' threads start)."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--one", str(folder), jurisdiction, by or "", str(partitions)], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    found = int(proc.stdout.read().decode().strip().splitlines()[-1])
    _, status, usage = os.wait4(proc.pid, 0)
    assert status == 0, status
    return time.perf_counter() - t, usage.ru_utime + usage.ru_stime, found, usage.ru_maxrss


def main() -> None:
    if len(sys.argv) == 6 and sys.argv[1] == "--one":
        print(run_check(Path(sys.argv[2]), sys.argv[3], sys.argv[4] or None, int(sys.argv[5])))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--per-officer", type=int, default=10)
    ap.add_argument("--jurisdiction", default="national")
    ap.add_argument("--partition-by", choices=("unit", "region"), default="unit")
    ap.add_argument("--partitions", type=int, default=16)
    ap.add_argument("--dir", type=Path, help="keep the generated tables here (default: a temporary folder)")
    ap.add_argument("--partitioned-only", action="store_true", help="skip the whole (unpartitioned) runs")
    args = ap.parse_args()
    root = args.dir or Path(tempfile.mkdtemp(prefix="er-part-"))
    rows = []
    for n in args.sizes:
        folder = root / str(n)
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "training.parquet").exists():
            write_tables(folder, n, args.per_officer)
        modes = [("whole", None)] * (not args.partitioned_only) + [(f"--partition-by {args.partition_by} --partitions {args.partitions}", args.partition_by)]
        for label, by in modes:
            wall, cpu, found, rss = measure(folder, args.jurisdiction, by, args.partitions)
            rows.append((n, label, wall, cpu, found, rss))
            print(f"{n:,} officers, {label}: {wall:.1f} s, peak {rss / 1024:.0f} MiB", flush=True)
    print(f"\n{args.jurisdiction}, {args.per_officer} training records an officer, as of {AS_OF}, polars {pl.__version__}, {os.cpu_count()} cores, "
          f"{time.strftime('%Y-%m-%d')}")
    print("| officers | mode | wall | CPU | findings | peak RSS |\n|---:|---|---:|---:|---:|---:|")
    for n, label, wall, cpu, found, rss in rows:
        print(f"| {n:,} | {label} | {wall:.1f} s | {cpu:.1f} s | {found:,} | {rss / 1024:.0f} MiB |")


if __name__ == "__main__":
    main()
