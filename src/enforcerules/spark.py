"""The same evaluation on Apache Spark (``pip install enforcerules[spark]``).

:func:`evaluate_spark` takes the facts as Spark DataFrames (one per section,
columns of :data:`~enforcerules.tables.SCHEMAS`) or table paths (Parquet),
and returns a Spark DataFrame of findings with the columns of the findings
table (``branch`` as a 32-bit integer: Spark has no unsigned types). The
findings are exactly those of :func:`enforcerules.evaluate` on the same facts.

How (see docs/scale-out.md): the partition keys (unit → partition) are
computed on the driver from the units table (:func:`~enforcerules.partition.partition_keys`)
and joined onto every high-volume section; each partition's rows travel to
one Python worker as Arrow (``groupBy("part").applyInArrow``), which builds
:class:`~enforcerules.Facts` of them and runs the columnar evaluator on the
partition-local rules. The shared rules (region subjects) run on the driver
over the low-volume sections. Rule-wide rows are merged with Spark
expressions as :func:`~enforcerules.partition.merge_rule_wide` does.

Run it with ``python -m enforcerules.spark`` (also under ``spark-submit``)
or ``enforcerules check … --spark MASTER``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa

from .calendar import HolidayCalendar
from .deadlines import DeadlinePolicy
from .engine import get_executor
from .factset import Facts
from .findings_table import FINDINGS_SCHEMA
from .partition import (
    _CASE_KINDS,
    LOW_VOLUME_SECTIONS,
    ORPHANS,
    SHARED_SECTIONS,
    partition_facts,
    partition_keys,
    plan_rules,
)
from .rulebook import Rulebook
from .tables import SCHEMAS, SECTIONS

__all__ = ["evaluate_spark", "findings_spark_schema", "read_sections", "spark_session", "write_findings"]

try:  # the optional extra
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("enforcerules.spark needs PySpark: pip install 'enforcerules[spark]'") from exc

#: Sections split across partitions (each row belongs to one unit's partition).
PARTITIONED = ("units", "officers", "training", "certificates", "task_reports", "events", "cases")

_SPARK_TYPES: dict[str, T.DataType] = {
    "str": T.StringType(), "enum": T.StringType(), "bool": T.BooleanType(), "int": T.IntegerType(),
    "float": T.DoubleType(), "date": T.DateType(), "datetime": T.TimestampType(), "list": T.ArrayType(T.StringType()),
}


def _spark_type(dtype: pl.DataType) -> T.DataType:
    if dtype == pl.Date:
        return T.DateType()
    if dtype == pl.UInt16:
        return T.IntegerType()
    return T.StringType()


def findings_spark_schema() -> T.StructType:
    """The findings table's columns as a Spark schema (``branch`` an integer)."""
    return T.StructType([T.StructField(name, _spark_type(dtype), True) for name, dtype in FINDINGS_SCHEMA.items()])


_FINDINGS_ARROW = pa.schema([(f.name, pa.int32() if f.name == "branch" else pa.date32() if isinstance(f.dataType, T.DateType) else pa.string())
                             for f in findings_spark_schema().fields])


def spark_session(master: str = "local[2]", app: str = "enforcerules", **conf: str) -> SparkSession:
    """A Spark session for evaluation: Arrow on, session time zone China Standard Time (days are CST days)."""
    builder = SparkSession.builder.master(master).appName(app)
    settings = {"spark.sql.session.timeZone": "Asia/Shanghai", "spark.sql.execution.arrow.pyspark.enabled": "true",
                "spark.ui.enabled": "false", **conf}
    if master.startswith("local"):  # workers run this interpreter (its packages), not whatever python3 is on PATH
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


# -- reading -----------------------------------------------------------------


def _conform(section: str, df: DataFrame) -> DataFrame:
    """As :func:`enforcerules.tables.conform`: the section's columns in order; an optional
    column the table lacks takes its default, a required one missing is an error."""
    missing = [c.name for c in SCHEMAS[section] if c.name not in df.columns and c.required]
    if missing:
        raise ValueError(f"section {section!r}: table lacks columns {', '.join(missing)}")

    def default(c: Any) -> Any:
        value = F.array() if c.kind == "list" else F.lit(c.default)
        return value.cast(_SPARK_TYPES[c.kind]).alias(c.name)

    return df.select([F.col(c.name).cast(_SPARK_TYPES[c.kind]).alias(c.name) if c.name in df.columns else default(c)
                      for c in SCHEMAS[section]])


def _empty(spark: SparkSession, section: str) -> DataFrame:
    schema = T.StructType([T.StructField(c.name, _SPARK_TYPES[c.kind], True) for c in SCHEMAS[section]])
    return spark.createDataFrame([], schema)


def read_sections(spark: SparkSession, facts: Mapping[str, DataFrame | str | Path] | str | Path) -> dict[str, DataFrame]:
    """Every section as a Spark DataFrame with the facts columns.

    *facts* is a mapping of section → DataFrame or Parquet path, or a folder
    holding ``<section>.parquet`` (file or directory) per section; a missing
    section is empty, an unknown one an error.
    """
    if isinstance(facts, (str, Path)):
        folder = Path(facts)
        if not folder.is_dir():
            raise ValueError(f"facts {str(folder)!r}: not a folder of <section>.parquet tables")
        given: dict[str, DataFrame | str | Path] = {s: folder / f"{s}.parquet" for s in SECTIONS if (folder / f"{s}.parquet").exists()}
    else:
        given = dict(facts)
    unknown = sorted(set(given) - set(SECTIONS))
    if unknown:
        raise ValueError(f"unknown sections {unknown}; expected some of {', '.join(SECTIONS)}")
    out = {}
    for section in SECTIONS:
        source = given.get(section)
        if source is None:
            out[section] = _empty(spark, section)
        elif isinstance(source, (str, Path)):
            out[section] = _conform(section, spark.read.parquet(str(source)))
        else:
            out[section] = _conform(section, source)
    return out


def _to_polars(df: DataFrame, section: str) -> pl.DataFrame:
    table = df.toArrow()
    if table.num_rows == 0:
        return pl.DataFrame(schema={c.name: c.dtype for c in SCHEMAS[section]})
    return pl.from_arrow(table)  # type: ignore[return-value]


# -- partitioning, as partition.placements does it ----------------------------


def _with_part(df: DataFrame, owners: DataFrame, on: str) -> DataFrame:
    joined = df.join(F.broadcast(owners.withColumnRenamed(owners.columns[0], "_owner")), F.col(on) == F.col("_owner"), "left")
    return joined.drop("_owner").withColumn("part", F.coalesce(F.col("part"), F.lit(ORPHANS)).cast("int"))


def _assign(sections: Mapping[str, DataFrame], keys: DataFrame) -> dict[str, DataFrame]:
    officers = _with_part(sections["officers"], keys, "unit")
    officer_part = officers.select(F.col("id").alias("officer"), "part")
    subject_part = keys.select(F.col("unit").alias("subject"), "part").unionByName(
        officer_part.select(F.col("officer").alias("subject"), "part")).distinct()
    out = {
        "units": _with_part(sections["units"], keys, "id"),
        "training": _with_part(sections["training"], officer_part, "officer"),
        "task_reports": _with_part(sections["task_reports"], subject_part, "unit"),
        "events": _with_part(sections["events"], subject_part, "subject"),
        "cases": _with_part(sections["cases"], keys, "unit"),
    }
    certificates = _with_part(sections["certificates"], officer_part, "officer")
    # Guests: a case's handling officers at home elsewhere, plus the first certificate's officer (see partition._guests).
    home = officer_part.withColumnRenamed("part", "home").unionByName(
        certificates.select("officer", F.col("part").alias("home"))).dropDuplicates(["officer"])
    wanted = out["cases"].select("part", F.explode("handling_officers").alias("officer"))
    first_cert = certificates.orderBy(F.monotonically_increasing_id()).limit(1).select("officer")
    wanted = wanted.unionByName(out["cases"].select("part").distinct().crossJoin(first_cert))
    wanted = wanted.join(home, "officer").filter(F.col("part") != F.col("home")).select("officer", "part").distinct()
    guest_officers = wanted.join(officers.drop("part").withColumnRenamed("id", "officer"), "officer") \
        .withColumnRenamed("officer", "id")
    guest_certs = wanted.join(certificates.drop("part"), "officer")
    out["officers"] = officers.withColumn("guest", F.lit(False)).unionByName(guest_officers.withColumn("guest", F.lit(True)))
    out["certificates"] = certificates.withColumn("guest", F.lit(False)).unionByName(guest_certs.withColumn("guest", F.lit(True)))
    return out


def _one_frame(assigned: Mapping[str, DataFrame]) -> DataFrame:
    """All partitioned sections in one frame: ``part``, ``guest`` and one struct column per section."""
    frames = []
    for section, df in assigned.items():
        cols = [c.name for c in SCHEMAS[section]]
        guest = F.col("guest") if "guest" in df.columns else F.lit(None).cast("boolean")
        frames.append(df.select("part", guest.alias("guest"), F.struct(*cols).alias(section)))
    out = frames[0]
    for f in frames[1:]:
        out = out.unionByName(f, allowMissingColumns=True)
    return out


def _partition_evaluator(rulebook: Rulebook, as_of: _dt.date, policy: DeadlinePolicy, calendar: HolidayCalendar,
                         engine: str, shared: Mapping[str, pl.DataFrame]) -> Any:
    from .kinds.base import EvalContext
    from .partition import _evaluate

    plan = plan_rules(rulebook.rules)
    case_rules = tuple(r for r in plan.partition if r.rule.spec.kind_name in _CASE_KINDS)
    other_rules = tuple(r for r in plan.partition if r.rule.spec.kind_name not in _CASE_KINDS)

    def run(table: pa.Table) -> pa.Table:
        frame: pl.DataFrame = pl.from_arrow(table)  # type: ignore[assignment]
        tables = {}
        for section in PARTITIONED:
            rows = frame.filter(pl.col(section).is_not_null())
            if rows.height:
                piece = rows.select(pl.col(section).struct.unnest())
                tables[section] = piece.with_columns(rows.get_column("guest")) if section in ("officers", "certificates") else piece
        own, with_guests = partition_facts(tables, shared)
        executor = get_executor(engine)
        ctx = EvalContext(facts=own, as_of=as_of, policy=policy, calendar=calendar)
        parts = [*_evaluate(other_rules, own, ctx, executor, rulebook), *_evaluate(case_rules, with_guests, ctx, executor, rulebook)]
        found = pl.concat(parts) if parts else pl.DataFrame(schema=FINDINGS_SCHEMA)
        return found.with_columns(pl.col("branch").cast(pl.Int32)).to_arrow().cast(_FINDINGS_ARROW)

    return run


def evaluate_spark(
    spark: SparkSession,
    rulebook: Rulebook,
    facts: Mapping[str, DataFrame | str | Path] | str | Path,
    as_of: _dt.date,
    *,
    by: str = "unit",
    partitions: int | None = None,
    engine: str = "auto",
    policy: DeadlinePolicy | None = None,
    calendar: HolidayCalendar | None = None,
) -> DataFrame:
    """The findings of *rulebook* over *facts* as of a day, as a Spark DataFrame.

    *partitions* (default: twice Spark's default parallelism) is how many
    buckets the units are hashed into (by unit, or by their region).
    """
    from .kinds.base import EvalContext
    from .partition import _evaluate

    policy = policy or DeadlinePolicy()
    calendar = calendar or HolidayCalendar.official()
    n = partitions or 2 * spark.sparkContext.defaultParallelism
    sections = read_sections(spark, facts)
    small = {s: _to_polars(sections[s], s) for s in LOW_VOLUME_SECTIONS}
    keys_pl = partition_keys(small["units"], by, n)
    keys = spark.createDataFrame(keys_pl.to_arrow().cast(pa.schema([("unit", pa.string()), ("part", pa.int32())])))
    shared = {s: small[s] for s in SHARED_SECTIONS}
    run = _partition_evaluator(rulebook, as_of, policy, calendar, engine, shared)
    stage1 = _one_frame(_assign(sections, keys)).groupBy("part").applyInArrow(run, findings_spark_schema())

    # Stage 2 on the driver: the shared rules over the low-volume sections, the
    # rule-wide rows of the partition rules (an empty partition), and rules of
    # kinds the partitioning does not know, over the whole facts.
    plan = plan_rules(rulebook.rules)
    executor = get_executor(engine)
    empty = Facts.from_tables({})
    ctx = EvalContext(facts=empty, as_of=as_of, policy=policy, calendar=calendar)
    found = [*_evaluate(plan.partition, empty, ctx, executor, rulebook),
             *_evaluate(plan.shared, Facts.from_tables(small), ctx, executor, rulebook)]
    if plan.whole:
        whole = Facts.from_tables({s: small[s] if s in small else _to_polars(sections[s], s) for s in SECTIONS})
        found += _evaluate(plan.whole, whole, ctx, executor, rulebook)
    driver = pl.concat(found) if found else pl.DataFrame(schema=FINDINGS_SCHEMA)
    stage2 = spark.createDataFrame(driver.with_columns(pl.col("branch").cast(pl.Int32)).to_arrow().cast(_FINDINGS_ARROW),
                                   schema=findings_spark_schema())
    return merge_rule_wide_spark(stage1.unionByName(stage2))


def merge_rule_wide_spark(findings: DataFrame) -> DataFrame:
    """:func:`~enforcerules.partition.merge_rule_wide` as Spark expressions."""
    star = F.col("subject") == "*"
    rows = findings.filter(~star)
    wide = findings.filter(star).dropDuplicates()
    wide = wide.join(rows.select("rule_id").distinct(), "rule_id", "left_anti").select(*findings.columns)
    return rows.unionByName(wide)


def write_findings(findings: DataFrame, target: str, *, mode: str = "overwrite") -> None:
    """Write findings to a Parquet folder (a path) or a catalogue table (``table:db.name``)."""
    if target.startswith("table:"):
        findings.write.mode(mode).saveAsTable(target.removeprefix("table:"))
    else:
        findings.write.mode(mode).parquet(target)


def collect_findings(findings: DataFrame) -> pl.DataFrame:
    """The findings as a polars findings table (sorted as :func:`~enforcerules.evaluate` sorts them)."""
    table = findings.toArrow()
    frame = pl.from_arrow(table) if table.num_rows else pl.DataFrame(schema={k: (pl.Int32 if k == "branch" else v) for k, v in FINDINGS_SCHEMA.items()})
    assert isinstance(frame, pl.DataFrame)
    return frame.cast(pl.Schema(FINDINGS_SCHEMA)).sort(["rule_id", "subject", "period"], maintain_order=True)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m enforcerules.spark JURISDICTION FACTS --as-of DAY --out TARGET`` (also under spark-submit)."""
    from .registry import Registry

    ap = argparse.ArgumentParser(prog="enforcerules.spark", description="Evaluate a rulebook on Spark; findings to Parquet or a table.")
    ap.add_argument("jurisdiction")
    ap.add_argument("facts", help="folder of <section>.parquet tables (local, HDFS, S3 …)")
    ap.add_argument("--as-of", required=True, type=_dt.date.fromisoformat)
    ap.add_argument("--out", required=True, help="Parquet folder, or table:<db.name> for a catalogue table")
    ap.add_argument("--partition-by", choices=("unit", "region"), default="unit")
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--master", default=None, help="Spark master (default: from spark-submit, else local[*])")
    ap.add_argument("--strict-deadlines", action="store_true")
    args = ap.parse_args(argv)
    registry = Registry()
    try:
        book = registry.rulebook(args.jurisdiction)
    except Exception as exc:
        print(f"enforcerules.spark: {exc}", file=sys.stderr)
        return 2
    # Under spark-submit the master comes from the submission; --master is for running it directly.
    spark = spark_session(args.master) if args.master else SparkSession.builder.appName("enforcerules").config(
        "spark.sql.session.timeZone", "Asia/Shanghai").getOrCreate()
    policy = DeadlinePolicy.strict() if args.strict_deadlines else DeadlinePolicy()
    try:
        findings = evaluate_spark(spark, book, args.facts, args.as_of, by=args.partition_by, partitions=args.partitions,
                                  policy=policy, calendar=registry.holiday_calendar())
    except ValueError as exc:
        print(f"enforcerules.spark: {exc}", file=sys.stderr)
        return 2
    write_findings(findings, args.out)
    counts = {r["status"]: r["count"] for r in spark.read.parquet(args.out).groupBy("status").count().collect()} \
        if not args.out.startswith("table:") else {}
    print(f"{args.out}: {sum(counts.values())} findings ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})")
    return 0



if __name__ == "__main__":
    sys.exit(main())
