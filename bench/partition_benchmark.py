"""Peak memory of `check --out` whole and partitioned, at two sizes (issue 7, item 5).

    .venv/bin/python bench/partition_benchmark.py --sizes 100000 1000000 --dir /tmp/er-part

Writes the Parquet tables of bench/columnar_benchmark.py (units, officers, ten
training records an officer) for each size, then runs `enforcerules check
national DIR --as-of 2025-06-30 --out findings.parquet`, without and with
`--partition-by unit --partitions N`, each in a fresh interpreter, and prints
wall time, CPU time, findings and peak RSS (the process's VmHWM). N grows with the
size (`--officers-per-partition`, default 6,250: 16 partitions at 100,000
officers, 160 at 1,000,000), so a partition holds as many records at every
size: what stays flat is the partition, and what grows is what the check
holds whole (the officers, the units, their keys). The two runs' findings
are compared row for row.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).parent))
from columnar_benchmark import AS_OF, write_tables  # noqa: E402

# The `enforcerules` command's main, then the process's own peak RSS. VmHWM, not getrusage's ru_maxrss: a
# child started by vfork and exec inherits in ru_maxrss the peak of the parent it was started from (this
# script, which reads findings tables between runs); VmHWM belongs to the process's memory since exec.
RUNNER = ("import sys, re; from enforcerules.cli import main\n"
          "try:\n    code = main(sys.argv[1:])\n"
          "finally:\n    hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
          "    print('peak-kib', hwm, file=sys.stderr)\n"
          "sys.exit(code)")


def measure(folder: Path, jurisdiction: str, extra: list[str]) -> tuple[float, float, int, int, Path]:
    """(wall s, CPU s, findings, peak RSS KiB, findings file) of one `check --out` in a fresh process."""
    out = folder / f"findings-{'partitioned' if extra else 'whole'}.parquet"
    t, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen([sys.executable, "-c", RUNNER, "check", jurisdiction, str(folder), "--as-of", AS_OF.isoformat(),
                             "--out", str(out), *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = proc.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert proc.returncode in (0, 1, 3, 4), (proc.returncode, stderr.decode()[-2000:])  # findings or rejections, not an error
    line = stdout.decode().strip().splitlines()[-1]
    found = int(line.split(": ", 1)[1].split(" findings", 1)[0])
    peak = int(stderr.decode().strip().splitlines()[-1].split()[-1])
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.perf_counter() - t, cpu, found, peak, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--per-officer", type=int, default=10)
    ap.add_argument("--jurisdiction", default="national")
    ap.add_argument("--partition-by", choices=("unit", "region"), default="unit")
    ap.add_argument("--officers-per-partition", type=int, default=6_250)
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
        parts = max(1, n // args.officers_per_partition)
        modes = [("whole", [])] * (not args.partitioned_only) + [
            (f"`--partition-by {args.partition_by} --partitions {parts}`", ["--partition-by", args.partition_by, "--partitions", str(parts)])]
        files = []
        for label, extra in modes:
            wall, cpu, found, rss, out = measure(folder, args.jurisdiction, extra)
            files.append(out)
            rows.append((n, label, wall, cpu, found, rss))
            print(f"{n:,} officers, {label}: {wall:.1f} s, peak {rss / 1024:.0f} MiB", flush=True)
        if len(files) == 2:
            keys = ["rule_id", "subject", "period", "status"]
            same = pl.read_parquet(files[0]).sort(keys).equals(pl.read_parquet(files[1]).sort(keys))
            print(f"{n:,} officers: the partitioned findings {'equal' if same else 'DIFFER FROM'} the whole check's", flush=True)
            assert same
    print(f"\n{args.jurisdiction}, {args.per_officer} training records an officer, as of {AS_OF}, polars {pl.__version__}, {os.cpu_count()} cores, "
          f"{time.strftime('%Y-%m-%d')}")
    print("| officers | mode | wall | CPU | findings | peak RSS |\n|---:|---|---:|---:|---:|---:|")
    for n, label, wall, cpu, found, rss in rows:
        print(f"| {n:,} | {label} | {wall:.1f} s | {cpu:.1f} s | {found:,} | {rss / 1024:.0f} MiB |")
    partitioned = [(n, rss) for n, label, *_, rss in rows if label != "whole"]
    if len(partitioned) >= 2:
        (small, low), (large, high) = partitioned[0], partitioned[-1]
        print(f"\npartitioned peak at {large:,} / at {small:,}: {high / low:.2f}×")


if __name__ == "__main__":
    main()
