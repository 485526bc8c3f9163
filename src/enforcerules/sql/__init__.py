"""Facts from a SQL database, findings back into it (needs ``enforcerules[sql]``).

One table or view per section, its columns the section's fields
(docs/facts-format.md, docs/databases.md). Two databases:

- **SQLite**, the embedded default: a file path (``"facts.db"``);
- **PostgreSQL**: a URI (``"postgresql://user@host:5432/db"``).

Both are read through ADBC (Arrow Database Connectivity): result sets
arrive as Arrow columns, which polars takes without copying, so no Python
object is made per row between the database and the validator. The frames
go to the one facts validator every format uses
(:func:`enforcerules.load_frames`): every row is loaded or rejected with a
location naming the database, the table, the row's key and the column —
``sqlite:facts.db:officers[id="o-3"].hired_on``.

PostgreSQL columns are read typed (``date``, ``timestamptz``, ``text[]``,
``boolean``…). SQLite has no column types to speak of, so every cell is
read as text, as from a CSV file (booleans stored as 0/1 are read as
false/true), and the validator parses and checks it.
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import polars as pl

from ..errors import FactsError
from ..factset import Facts
from ..findings import Rejection
from ..limits import Limits
from ..loading import load_frames
from ..report import Report
from ..tables import SCHEMAS, SECTIONS

__all__ = ["FINDINGS_COLUMNS", "ddl", "generate_ddl", "load_sql", "write_facts", "write_findings"]

_PG = re.compile(r"^postgres(ql)?://", re.IGNORECASE)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")


_DIALECTS = {"postgresql": "postgres.sql", "sqlite": "sqlite.sql"}


def ddl(dialect: str = "postgresql") -> str:
    """The shipped schema file: ``CREATE TABLE`` for every section and the findings table."""
    if dialect not in _DIALECTS:
        raise ValueError(f"no DDL for {dialect!r}; choose one of {', '.join(_DIALECTS)}")
    return resources.files(__package__).joinpath(_DIALECTS[dialect]).read_text(encoding="utf-8")


_SQL_TYPES = {
    "postgresql": {"str": "text", "enum": "text", "date": "date", "datetime": "timestamptz", "float": "double precision",
                   "int": "integer", "bool": "boolean", "list": "text[]"},
    "sqlite": {"str": "TEXT", "enum": "TEXT", "date": "TEXT", "datetime": "TEXT", "float": "REAL",
               "int": "INTEGER", "bool": "INTEGER", "list": "TEXT"},
}


def _literal(value: Any, kind: str, dialect: str) -> str:
    if kind == "bool":
        return ("true" if value else "false") if dialect == "postgresql" else ("1" if value else "0")
    if kind == "list":
        return "'{}'" if dialect == "postgresql" else "'[]'"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return str(value)


def generate_ddl(dialect: str) -> str:
    """The schema for *dialect* made from the fact classes (:data:`enforcerules.tables.SCHEMAS`).

    The shipped files (:func:`ddl`) are this text; a test keeps them equal.
    """
    types = _SQL_TYPES[dialect]
    lists = "text[]" if dialect == "postgresql" else "TEXT holding a JSON array of strings"
    out = [
        f"-- enforcerules facts and findings tables ({dialect}), made by enforcerules.sql.generate_ddl",
        "-- from the fact classes (docs/databases.md explains the columns). Dates are days in China",
        f"-- Standard Time, lists are {lists}. Beyond ids and required columns,",
        "-- checks are left to the loader, which reports every bad row with its table, key and column.",
        "",
    ]
    for section in SECTIONS:
        cols = []
        for c in SCHEMAS[section]:
            line = f'    "{c.name}" {types[c.kind]}'
            if c.name == "id":
                line += " PRIMARY KEY"
            elif c.required:
                line += " NOT NULL"
            elif c.default is not None or c.kind == "list":
                line += f" DEFAULT {_literal(c.default, c.kind, dialect)}"
            cols.append(line)
        out += [f"CREATE TABLE IF NOT EXISTS {section} (", ",\n".join(cols), ");", ""]
    sql_types = {pl.String(): types["str"], pl.Date(): types["date"]}
    out += ["-- written by enforcerules.sql.write_findings: one row per finding of one run",
            "CREATE TABLE IF NOT EXISTS findings (",
            ",\n".join(f'    "{name}" {sql_types[dtype]}' for name, dtype in FINDINGS_COLUMNS.items()),
            ");", ""]
    return "\n".join(out)


@attrs.frozen
class _Database:
    kind: str  # "postgresql" or "sqlite"
    target: str  # what the driver connects to
    source: str  # how rejections name it: no password


def _database(database: str | os.PathLike[str]) -> _Database:
    text = os.fspath(database)
    if _PG.match(text):
        parts = urllib.parse.urlsplit(text)
        shown = parts._replace(netloc=parts.netloc.rsplit("@", 1)[-1], query="").geturl()  # no user or password in locations
        return _Database("postgresql", text, shown)
    return _Database("sqlite", text, f"sqlite:{text}")


@contextmanager
def _connect(db: _Database, *, read_only: bool) -> Iterator[Any]:
    try:
        if db.kind == "postgresql":
            import adbc_driver_postgresql.dbapi as driver
        else:
            import adbc_driver_sqlite.dbapi as driver
    except ImportError as exc:  # pragma: no cover - the extra is installed by scripts/setup.sh
        raise FactsError(f"reading {db.kind} needs the sql extra: pip install 'enforcerules[sql]' ({exc})") from None
    if db.kind == "sqlite":
        path = Path(db.target)
        if read_only and not path.is_file():
            raise FactsError(f"cannot read facts: no SQLite database {db.target}")
        uri = f"file:{urllib.parse.quote(str(path.resolve()))}" + ("?mode=ro" if read_only else "")
        conn = driver.connect(uri)
    else:
        try:
            conn = driver.connect(db.target)
        except Exception as exc:  # the driver's own error classes differ between versions
            raise FactsError(f"cannot connect to {db.source}: {exc}") from None
    try:
        yield conn
    finally:
        conn.close()


def _quoted(name: str) -> str:
    if not _NAME.match(name):
        raise FactsError(f"not a table name: {name!r} (letters, digits and _; optionally schema.table)")
    return ".".join(f'"{part}"' for part in name.split("."))


def _query_arrow(conn: Any, sql: str) -> Any:
    cur = conn.cursor()
    try:
        cur.execute(sql)
        return cur.fetch_arrow_table()
    finally:
        cur.close()


def _tables(conn: Any, db: _Database) -> set[str]:
    """The tables and views the connection sees, as ``name`` and ``schema.name``."""
    if db.kind == "sqlite":
        rows = _query_arrow(conn, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").column(0).to_pylist()
        return set(rows)
    found = _query_arrow(conn, "SELECT table_schema, table_name FROM information_schema.tables")
    schemas, names = found.column(0).to_pylist(), found.column(1).to_pylist()
    visible = set(_query_arrow(conn, "SELECT unnest(current_schemas(false))::text").column(0).to_pylist())
    return {f"{s}.{n}" for s, n in zip(schemas, names)} | {n for s, n in zip(schemas, names) if s in visible}


def _select(conn: Any, db: _Database, section: str, table: str) -> pl.DataFrame:
    name = _quoted(table)
    columns = _query_arrow(conn, f"SELECT * FROM {name} LIMIT 0").schema.names
    order = ' ORDER BY "id"' if "id" in columns else ""  # row numbers in rejections follow the key
    if db.kind == "postgresql":
        frame = pl.from_arrow(_query_arrow(conn, f"SELECT * FROM {name}{order}"))
    else:
        kinds = {c.name: c.kind for c in SCHEMAS[section]}
        cells = ", ".join(_sqlite_text(c, kinds.get(c)) for c in columns)
        frame = pl.from_arrow(_query_arrow(conn, f"SELECT {cells} FROM {name}{order}"))
    assert isinstance(frame, pl.DataFrame)
    return frame


def _sqlite_text(column: str, kind: str | None) -> str:
    """A SQLite column read as text; a 0/1 in a boolean column as false/true (SQLite's booleans)."""
    quoted = '"' + column.replace('"', '""') + '"'
    if kind == "bool":
        return (f"CASE WHEN typeof({quoted}) = 'integer' AND {quoted} IN (0, 1) "
                f"THEN CASE {quoted} WHEN 1 THEN 'true' ELSE 'false' END ELSE CAST({quoted} AS TEXT) END AS {quoted}")
    return f"CAST({quoted} AS TEXT) AS {quoted}"


def _keyed(rejections: tuple[Rejection, ...], frames: Mapping[str, pl.DataFrame], names: Mapping[str, str], source: str) -> list[Rejection]:
    """Rejections located by table and key (``officers[id="o-3"]``) rather than by row number."""
    out = []
    for r in rejections:
        frame = frames.get(r.section)
        if frame is not None and r.row is not None and "id" in frame.columns and r.row < frame.height:
            key = frame["id"][r.row]
            row = f"[id={json.dumps(key, ensure_ascii=False)}]" if key is not None else f"[{r.row}]"
            before = f"{source}:{r.section}[{r.row}]"
            if r.location.startswith(before):
                r = attrs.evolve(r, location=f"{source}:{names[r.section]}{row}{r.location[len(before):]}")
        elif r.section in names and r.location.startswith(f"{source}:{r.section}"):
            r = attrs.evolve(r, location=f"{source}:{names[r.section]}{r.location[len(source) + 1 + len(r.section):]}")
        out.append(r)
    return out


def load_sql(
    database: str | os.PathLike[str],
    *,
    tables: Mapping[str, str] | None = None,
    limits: Limits = Limits(),
) -> Facts:
    """Facts from one table or view per section of a SQLite file or a PostgreSQL database.

    *tables* maps a section to the table or view to read it from
    (``{"officers": "hr.enforcement_officers_v"}``); a section not mapped is
    read from the table of its own name when there is one, and is empty
    otherwise. A mapped table that does not exist, or a database that cannot
    be reached, raises :class:`~enforcerules.FactsError`; bad rows become
    located rejections.
    """
    db = _database(database)
    tables = dict(tables or {})
    unknown = sorted(set(tables) - set(SECTIONS))
    if unknown:
        raise FactsError(f"unknown sections {unknown}; expected some of {', '.join(SECTIONS)}")
    for name in tables.values():
        _quoted(name)  # a table name, not SQL
    with _connect(db, read_only=True) as conn:
        present = _tables(conn, db)
        missing = [t for t in tables.values() if t not in present]
        if missing:
            raise FactsError(f"{db.source}: no table or view {', '.join(missing)}")
        names = {s: tables.get(s, s) for s in SECTIONS if s in tables or s in present}
        try:
            frames = {s: _select(conn, db, s, t) for s, t in names.items()}
        except FactsError:
            raise
        except Exception as exc:  # a view that fails to run, a type the driver cannot read
            raise FactsError(f"{db.source}: cannot read the facts tables: {exc}") from None
    facts = load_frames(frames, db.source, limits=limits)
    return Facts.from_tables({s: facts.table(s) for s in SECTIONS}, _keyed(facts.rejections, frames, names, db.source))


#: The findings table's columns, in order (docs/databases.md).
FINDINGS_COLUMNS: dict[str, pl.DataType] = {
    "jurisdiction": pl.String(),
    "as_of": pl.Date(),
    "rulebook_digest": pl.String(),
    "engine": pl.String(),
    "rule_id": pl.String(),
    "subject": pl.String(),
    "period": pl.String(),
    "status": pl.String(),
    "due": pl.Date(),
    "document": pl.String(),
    "clause": pl.String(),
    "explanation_zh": pl.String(),
    "explanation_en": pl.String(),
    "remedy_zh": pl.String(),
    "remedy_en": pl.String(),
    "evidence": pl.String(),
    "overridden_by": pl.String(),
}


def _findings_frame(report: Report) -> pl.DataFrame:
    rows: dict[str, list[Any]] = {name: [] for name in FINDINGS_COLUMNS}
    for f in report.iter_findings():
        data = f.to_json()
        rows["rule_id"].append(f.rule_id)
        rows["subject"].append(f.subject)
        rows["period"].append(f.period)
        rows["status"].append(f.status.value)
        rows["due"].append(f.due)
        rows["document"].append(f.citation.document)
        rows["clause"].append(f.citation.clause)
        rows["explanation_zh"].append(f.explanation_zh)
        rows["explanation_en"].append(f.explanation_en)
        rows["remedy_zh"].append(f.remedy_zh)
        rows["remedy_en"].append(f.remedy_en)
        rows["evidence"].append(json.dumps(data["evidence"], ensure_ascii=False, sort_keys=True))
        rows["overridden_by"].append(json.dumps(data["overridden_by"], ensure_ascii=False))
    n = len(rows["rule_id"])
    rows["jurisdiction"] = [report.jurisdiction] * n
    rows["as_of"] = [report.as_of] * n
    rows["rulebook_digest"] = [report.rulebook_digest] * n
    rows["engine"] = [report.engine] * n
    return pl.DataFrame(rows, schema=FINDINGS_COLUMNS)


def _sqlite_cells(frame: pl.DataFrame) -> pl.DataFrame:
    """A section table as SQLite stores it: days and instants as ISO text, lists as JSON text, flags as 0/1."""
    out = []
    for name, dtype in frame.schema.items():
        col = pl.col(name)
        if isinstance(dtype, pl.List):  # JSON text, column-wise: encode {"x": [...]} and keep the array
            prefix = len(f'{{"{name}":')
            out.append(pl.struct(col).struct.json_encode().str.slice(prefix).str.head(-1).alias(name))
        elif isinstance(dtype, pl.Datetime):
            out.append(col.dt.strftime("%Y-%m-%dT%H:%M:%S%.6f%:z").alias(name))
        elif dtype == pl.Date:
            out.append(col.dt.strftime("%Y-%m-%d").alias(name))
        elif dtype == pl.Boolean:
            out.append(col.cast(pl.Int8).alias(name))
        else:
            out.append(col)
    return frame.select(out)


def _statements(script: str) -> list[str]:
    """The statements of a DDL script (comment lines dropped; no ';' inside a statement)."""
    text = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("--"))
    return [part.strip() for part in text.split(";") if part.strip()]


def write_facts(database: str | os.PathLike[str], facts: Facts) -> dict[str, int]:
    """Append *facts* to the section tables (created from the shipped DDL if absent); rows per table.

    The way to put a facts file into a database (``load_facts`` then
    ``write_facts``), and what the tests use to fill one.
    """
    db = _database(database)
    written = {}
    with _connect(db, read_only=False) as conn:
        cur = conn.cursor()
        try:
            for statement in _statements(ddl(db.kind)):
                cur.execute(statement)
            for section in SECTIONS:
                frame = facts.table(section)
                if frame.height:
                    data = _sqlite_cells(frame) if db.kind == "sqlite" else frame
                    cur.adbc_ingest(section, data.to_arrow(), mode="append")
                written[section] = frame.height
            conn.commit()
        finally:
            cur.close()
    return written


def write_findings(database: str | os.PathLike[str], report: Report, *, table: str = "findings", replace_run: bool = True) -> int:
    """Write *report*'s findings to *table* (created if absent); returns how many rows.

    One row per finding, with the run's jurisdiction, day, rulebook digest
    and engine, the words in Chinese and English, the clause, and the
    evidence as JSON text. With *replace_run* (default) rows of an earlier
    run of the same jurisdiction and day are deleted first, in the same
    transaction, so a rerun does not double the findings.
    """
    db = _database(database)
    frame = _findings_frame(report)
    name = _quoted(table)
    with _connect(db, read_only=False) as conn:
        cur = conn.cursor()
        try:
            exists = table in _tables(conn, db)
            if exists and replace_run:
                day = report.as_of.isoformat()
                marks = ("?", "?") if db.kind == "sqlite" else ("$1", "$2::date")
                cur.execute(f"DELETE FROM {name} WHERE jurisdiction = {marks[0]} AND as_of = {marks[1]}", (report.jurisdiction, day))
            cur.adbc_ingest(table.split(".")[-1], frame.to_arrow(), mode="append" if exists else "create",
                            **({"db_schema_name": table.split(".")[0]} if "." in table else {}))
            conn.commit()
        finally:
            cur.close()
    return frame.height

