"""Loading facts from PostgreSQL: the loader against the access library alone.

Starts a throwaway PostgreSQL server (scripts/postgres.sh), creates the
shipped schema, fills it inside the server with generate_series (N officers
in N/50 units, 10 training records each), then times:

1. **ADBC alone**: ``SELECT *`` of the units, officers and training tables
   into polars frames (Arrow, no copy) — the floor for any loader using
   this driver;
2. the same with ``ORDER BY id``, which the loader uses so that rejected
   rows have stable row numbers;
3. :func:`enforcerules.sql.load_sql`: the reads of (2), then the facts
   validator (types, enums, ranges, identifiers, duplicate ids, references)
   — every row loaded or rejected.

Each read runs once to warm the server's cache, then is timed. Not a test:
results are in docs/performance.md.

    .venv/bin/python bench/sql_load.py                      # 1 M officers, 10 M training records
    .venv/bin/python bench/sql_load.py --officers 20000     # quick
"""

from __future__ import annotations

import argparse
import gc
import resource
import socket
import subprocess
import time
from pathlib import Path

import adbc_driver_postgresql.dbapi as pg
import polars as pl

from enforcerules.sql import ddl, load_sql

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ("units", "officers", "training")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fill(uri: str, officers: int, per_officer: int) -> None:
    units = max(1, officers // 50)
    statements = [s for s in ddl("postgresql").split(";") if s.strip() and "CREATE" in s] + [
        f"INSERT INTO units SELECT 'u' || i, 'unit ' || i, 'enforcement', 'county', NULL, NULL FROM generate_series(0, {units - 1}) i",
        f"INSERT INTO officers (id, unit, hired_on) SELECT 'o' || i, 'u' || (i % {units}), date '2015-01-01' "
        f"FROM generate_series(0, {officers - 1}) i",
        "INSERT INTO training SELECT 'o' || i || '-' || k, 'o' || i, (ARRAY[2, 4, 6, 7.5, 8])[1 + (i + k) % 5], "
        "(ARRAY['public_law', 'business', 'enforcement_skills', 'political_theory'])[1 + (i * 7 + k) % 4], "
        "timestamptz '2023-01-01 09:00+08' + ((i * 31 + k * 97) % 1000) * interval '1 day', '' "
        f"FROM generate_series(0, {officers - 1}) i, generate_series(0, {per_officer - 1}) k",
        "ANALYZE",
    ]
    with pg.connect(uri, autocommit=True) as conn:
        cur = conn.cursor()
        for statement in statements:
            cur.execute(statement)
        cur.close()


def read_alone(uri: str, order: bool) -> dict[str, pl.DataFrame]:
    frames = {}
    with pg.connect(uri) as conn:
        cur = conn.cursor()
        for table in SECTIONS:
            cur.execute(f'SELECT * FROM "{table}"' + (' ORDER BY "id"' if order else ""))
            frame = pl.from_arrow(cur.fetch_arrow_table())
            assert isinstance(frame, pl.DataFrame)
            frames[table] = frame
        cur.close()
    return frames


def timed(label: str, fn: object) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    result = fn()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label}: {seconds:.2f} s", flush=True)
    return seconds, result


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--officers", type=int, default=1_000_000)
    p.add_argument("--per-officer", type=int, default=10)
    args = p.parse_args()
    started = subprocess.run([str(ROOT / "scripts" / "postgres.sh"), "start", str(free_port())], capture_output=True, text=True, check=True)
    directory, uri = started.stdout.split()
    try:
        fill_s, _ = timed(f"fill {args.officers:,} officers, {args.officers * args.per_officer:,} training records", lambda: fill(uri, args.officers, args.per_officer))
        read_alone(uri, order=True)  # warm the server's cache
        plain_s, frames = timed("ADBC alone, SELECT *", lambda: read_alone(uri, order=False))
        rows = sum(f.height for f in frames.values())  # type: ignore[attr-defined]
        del frames
        ordered_s, frames = timed("ADBC alone, SELECT * ORDER BY id", lambda: read_alone(uri, order=True))
        del frames
        load_s, facts = timed("load_sql (the reads above + validation)", lambda: load_sql(uri))
        assert facts.rejections == () and facts.count("training") == args.officers * args.per_officer  # type: ignore[attr-defined]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"rows read: {rows:,}; load_sql / ADBC alone: {load_s / plain_s:.2f}× (plain), {load_s / ordered_s:.2f}× (ordered); "
              f"peak RSS {peak:,.0f} MiB")
        print(f"| {args.officers:,} officers, {args.officers * args.per_officer:,} training | {plain_s:.1f} s | {ordered_s:.1f} s | "
              f"{load_s:.1f} s | {load_s / plain_s:.2f}× | {load_s / ordered_s:.2f}× | {peak:,.0f} MiB |")
    finally:
        subprocess.run([str(ROOT / "scripts" / "postgres.sh"), "stop", directory], check=True)


if __name__ == "__main__":
    main()
