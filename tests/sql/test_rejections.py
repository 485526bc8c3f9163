"""Bad rows in a database: every one loaded or rejected, located by table, key and column."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

import enforcerules as er
from enforcerules.sql import ddl, load_sql


def run_sql(database: str, script: str) -> None:
    if database.startswith("postgresql://"):
        import adbc_driver_postgresql.dbapi as pg

        with pg.connect(database, autocommit=True) as conn:
            cur = conn.cursor()
            for statement in [s for s in script.split(";") if s.strip()]:
                cur.execute(statement)
            cur.close()
    else:
        with sqlite3.connect(database) as conn:
            conn.executescript(script)


@pytest.fixture()
def sqlite_facts(tmp_path: Path) -> str:
    db = str(tmp_path / "facts.db")
    with sqlite3.connect(db) as conn:
        conn.executescript(ddl("sqlite"))
        conn.executescript("""
            DROP TABLE training;
            CREATE TABLE training (id, officer, hours, category, held_at, organiser);  -- no types, no constraints
            INSERT INTO units VALUES ('u1', '县市场监管局', 'enforcement', 'county', NULL, NULL);
            INSERT INTO units VALUES ('u2', '县交通局', 'army', 'county', NULL, NULL);
            INSERT INTO officers (id, unit, hired_on, township) VALUES ('o1', 'u1', '2019-03-01', 1);
            INSERT INTO officers (id, unit, hired_on, township) VALUES ('o2', 'u1', '2019/03/01', 0);
            INSERT INTO officers (id, unit, hired_on, township) VALUES ('o3', 'u1', '2019-02-30', 0);
            INSERT INTO officers (id, unit, hired_on, township) VALUES ('o4', 'u9', '2019-03-01', 0);
            INSERT INTO officers (id, unit, hired_on, township) VALUES ('o5', 'u1', '2019-03-01', 2);
            INSERT INTO officers (id, unit, hired_on) VALUES ('o6', 'u2', '2019-03-01');
            INSERT INTO training VALUES ('t1', 'o1', 8, 'public_law', '2024-04-02T09:00:00+08:00', '');
            INSERT INTO training VALUES ('t2', 'o1', 'eight', 'public_law', '2024-04-02T09:00:00+08:00', '');
            INSERT INTO training VALUES ('t3', NULL, 8, 'public_law', '2024-04-02T09:00:00+08:00', '');
            INSERT INTO cases (id, unit, decided_on, handling_officers) VALUES ('k1', 'u1', '2024-05-06', '["o1"]');
            INSERT INTO cases (id, unit, decided_on, handling_officers) VALUES ('k2', 'u1', '2024-05-06', 'o1,o2');
        """)
    return db


def test_each_bad_row_is_located_by_table_key_and_column(sqlite_facts: str) -> None:
    facts = load_sql(sqlite_facts)
    src = f"sqlite:{sqlite_facts}"
    where = {r.location: r for r in facts.rejections}
    assert where[f'{src}:units[id="u2"].kind'].reason == "not an allowed value"
    assert where[f'{src}:officers[id="o2"].hired_on'].reason == "not in the YYYY-MM-DD form"
    assert where[f'{src}:officers[id="o3"].hired_on'].reason.startswith("not a real date")
    assert where[f'{src}:officers[id="o4"].unit'].reason == "missing reference"
    assert where[f'{src}:officers[id="o5"].township'].value == "2"
    assert where[f'{src}:officers[id="o6"].unit'].reason == "missing reference"  # its unit u2 was rejected
    assert where[f'{src}:training[id="t2"].hours'].value == "eight"
    assert where[f'{src}:training[id="t3"].officer'].reason == "missing field"
    assert where[f'{src}:cases[id="k2"].handling_officers'].reason == "not a JSON array of strings"
    for r in facts.rejections:
        assert r.source == src and r.section in ("units", "officers", "training", "cases") and r.row is not None
    # nothing lost: every row is loaded or rejected
    rejected = {(r.section, r.row) for r in facts.rejections}
    assert facts.count("officers") + len({row for s, row in rejected if s == "officers"}) == 6
    assert [o.id for o in facts.officers] == ["o1"] and facts.officers[0].township is True
    assert [c.id for c in facts.cases] == ["k1"] and facts.cases[0].handling_officers == ("o1",)


def test_postgresql_rows_are_located_too(postgres: str) -> None:
    run_sql(postgres, ddl("postgresql") + """;
        INSERT INTO units VALUES ('u1', '县市场监管局', 'enforcement', 'county', NULL, NULL);
        INSERT INTO officers (id, unit, hired_on) VALUES ('o1', 'u1', '2019-03-01'), ('o2', 'u7', '2019-03-01');
        INSERT INTO training VALUES ('t1', 'o1', 1001, 'public_law', '2024-04-02 09:00+08', ''), ('t2', 'o1', 8, 'gym', '2024-04-02 09:00+08', '')
    """)
    facts = load_sql(postgres)
    src = postgres.replace("postgres@", "")
    where = {r.location: r for r in facts.rejections}
    assert set(where) == {f'{src}:officers[id="o2"].unit', f'{src}:training[id="t1"]', f'{src}:training[id="t2"].category'}
    assert "must be a finite number in [0, 1000]" in where[f'{src}:training[id="t1"]'].reason
    assert [o.id for o in facts.officers] == ["o1"]


def test_an_existing_schema_is_read_through_views(postgres: str) -> None:
    run_sql(postgres, """
        CREATE SCHEMA hr;
        CREATE TABLE hr.departments (dept_code text PRIMARY KEY, dept_name text, is_enforcement boolean);
        CREATE TABLE hr.staff (staff_no integer PRIMARY KEY, dept_code text, joined date, cert_holder boolean);
        CREATE TABLE hr.courses (course_id bigint PRIMARY KEY, staff_no integer, hours numeric(5,1), topic text, started timestamp);
        INSERT INTO hr.departments VALUES ('MKT', '县市场监管局', true), ('GOV', '县人民政府', false);
        INSERT INTO hr.staff VALUES (17, 'MKT', '2018-07-16', true), (18, 'MKT', '2020-01-02', false);
        INSERT INTO hr.courses VALUES (1, 17, 24.5, '法律', '2024-03-01 09:00'), (2, 18, 8, '业务', '2024-03-02 14:00');
        CREATE VIEW units AS
            SELECT dept_code AS id, dept_name AS name,
                   CASE WHEN is_enforcement THEN 'enforcement' ELSE 'government' END AS kind, 'county' AS level
            FROM hr.departments;
        CREATE VIEW officers_v AS
            SELECT 's' || staff_no AS id, dept_code AS unit, joined AS hired_on FROM hr.staff;
        CREATE VIEW training_v AS
            SELECT 'c' || course_id AS id, 's' || staff_no AS officer, hours::double precision AS hours,
                   CASE topic WHEN '法律' THEN 'public_law' ELSE 'business' END AS category,
                   started AT TIME ZONE 'Asia/Shanghai' AS held_at
            FROM hr.courses
    """)
    facts = load_sql(postgres, tables={"officers": "officers_v", "training": "training_v"})
    assert facts.rejections == ()
    assert sorted(u.id for u in facts.units) == ["GOV", "MKT"]
    assert [(o.id, o.unit, o.hired_on.isoformat()) for o in facts.officers] == [("s17", "MKT", "2018-07-16"), ("s18", "MKT", "2020-01-02")]
    (t1,) = [t for t in facts.training if t.id == "c1"]
    assert t1.hours == 24.5 and t1.category is er.TrainingCategory.PUBLIC_LAW and t1.held_at.isoformat() == "2024-03-01T09:00:00+08:00"
    report = er.Registry().evaluate("national", facts, dt.date(2025, 1, 15))
    assert {f.subject for f in report.findings if f.rule_id == "national.training.annual_hours"} >= {"s17", "s18"}


def test_a_mapped_table_that_does_not_exist_or_an_unknown_section_is_an_error(postgres: str, tmp_path: Path) -> None:
    with pytest.raises(er.FactsError, match="no table or view officers_v"):
        load_sql(postgres, tables={"officers": "officers_v"})
    with pytest.raises(er.FactsError, match="unknown sections"):
        load_sql(postgres, tables={"staff": "staff"})
    with pytest.raises(er.FactsError, match="not a table name"):
        load_sql(postgres, tables={"officers": "officers; DROP TABLE x"})


def test_an_unreachable_server_or_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(er.FactsError, match="cannot connect"):
        load_sql("postgresql://postgres@127.0.0.1:9/nowhere")
    with pytest.raises(er.FactsError, match="no SQLite database"):
        load_sql(str(tmp_path / "absent.db"))


def test_an_empty_database_gives_empty_facts(postgres: str) -> None:
    facts = load_sql(postgres)
    assert facts.size == 0 and facts.rejections == ()
