"""The tabular forms (CSV and Parquet directories, .xlsx workbooks, in-memory
frames): the same facts as the JSON form, bad cells located, nothing lost."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import enforcerules as er
from enforcerules.cli import main
from enforcerules.limits import Limits
from enforcerules.loading import _validated
from tabular_forms import FORMATS, write_facts, write_rows

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "national.json"
AS_OF = dt.date(2025, 6, 30)

UNITS = (["id", "name", "kind", "level"], [["u1", "局", "enforcement", "county"]])
OFFICER_HEADER = ["id", "unit", "hired_on", "township", "left_on"]


def rejected_records(facts: er.Facts) -> set[tuple[str, str, int]]:
    return {(r.source, r.section, r.row) for r in facts.rejections if r.row is not None}


@pytest.fixture(scope="module")
def national() -> er.Rulebook:
    return er.load_rulebook("national")


@pytest.fixture(scope="module")
def example() -> er.Facts:
    return er.load_facts(EXAMPLE)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_form_of_the_example_gives_equal_facts_and_the_same_findings(
    fmt: str, tmp_path: Path, national: er.Rulebook, example: er.Facts
) -> None:
    path = write_facts(example, tmp_path / fmt, fmt)
    loaded = er.load_facts(path)
    assert loaded.rejections == ()
    for section in er.tables.SECTIONS:
        assert loaded.table(section).equals(example.table(section)), section
    assert loaded == example
    want = [f.to_json() for f in er.evaluate(national, example, AS_OF, engine="python").findings]
    got = [f.to_json() for f in er.evaluate(national, loaded, AS_OF, engine="python").findings]
    assert got == want and len(want) > 50


@pytest.mark.parametrize("fmt", FORMATS)
def test_load_tables_reads_the_same_as_load_facts(fmt: str, tmp_path: Path, example: er.Facts) -> None:
    path = write_facts(example, tmp_path / fmt, fmt)
    assert er.load_tables(path) == er.load_facts(path) == example


def _prefix(fmt: str, section: str) -> str:
    return f"facts.xlsx:{section}" if fmt == "xlsx" else f"{section}.{fmt}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_cells_are_located_and_the_rest_loads(fmt: str, tmp_path: Path) -> None:
    officers = [
        ["o1", "u1", "2020-01-01", "true", None],  # good
        ["o2", "u1", "2020-02-30", "false", None],  # no such day
        ["o3", "u1", "2020-01-01", "yes", None],  # not a boolean
        ["o4", "u9", "2020-01-01", None, None],  # no such unit
        ["o5", "u1", None, None, None],  # hired_on missing
        ["o6", "u1", "2020-01-01", None, "2019-01-01"],  # left before hired
    ]
    training = (["id", "officer", "hours", "category", "held_at"], [
        ["t1", "o1", "2.5", "business", "2024-03-01T09:00:00+08:00"],
        ["t2", "o1", "lots", "business", "2024-03-01T09:00:00"],
        ["t3", "o1", "2", "yoga", "2024-03-01 09:00:00"],
        ["t4", "o2", "2", "business", "2024-03-01"],  # its officer is rejected: cascades
        ["t5", "o1", "2000", "business", "2024-03-01"],  # over 1000 hours
    ])
    cases = (["id", "unit", "decided_on", "handling_officers"], [
        ["k1", "u1", "2024-05-06", '["o1"]'],
        ["k2", "u1", "2024-05-06", "o1;o2"],  # not a JSON array
        ["k3", "u1", "2024-05-06", '["o1", "o7"]'],  # o7 does not exist
    ])
    path = write_rows(tmp_path / fmt, fmt, {"units": UNITS, "officers": (OFFICER_HEADER, officers), "training": training, "cases": cases})
    facts = er.load_facts(path)
    assert [o.id for o in facts.officers] == ["o1"]
    assert [t.id for t in facts.training] == ["t1"]
    assert [c.id for c in facts.cases] == ["k1"]
    o, t, c = _prefix(fmt, "officers"), _prefix(fmt, "training"), _prefix(fmt, "cases")
    found = {(r.location, r.reason.split(" (")[0]) for r in facts.rejections}
    assert {
        (f"{o}[1].hired_on", "not a real date"),
        (f"{o}[2].township", "wrong type"),
        (f"{o}[3].unit", "missing reference"),
        (f"{o}[4].hired_on", "missing field"),
        (f"{o}[5]", "invalid record: 'left_on' must not precede 'hired_on'"),
        (f"{t}[1].hours", "wrong type"),
        (f"{t}[2].category", "not an allowed value"),
        (f"{t}[3].officer", "missing reference"),
        (f"{t}[4]", "invalid record: 'hours' must be a finite number in [0, 1000]"),
        (f"{c}[1].handling_officers", "not a JSON array of strings"),
        (f"{c}[2].handling_officers", "missing reference"),
    } <= found
    by_loc = {r.location: r for r in facts.rejections}
    assert by_loc[f"{o}[1].hired_on"].value == "2020-02-30" and by_loc[f"{o}[1].hired_on"].column == "hired_on"
    assert by_loc[f"{o}[1].hired_on"].row == 1 and by_loc[f"{o}[1].hired_on"].section == "officers"
    assert by_loc[f"{c}[2].handling_officers"].value == "o7"
    assert len(rejected_records(facts)) == 5 + 4 + 2


@pytest.mark.parametrize("fmt", ["parquet"])
def test_typed_parquet_columns_are_read_as_their_types(fmt: str, tmp_path: Path) -> None:
    tmp_path.joinpath("d").mkdir()
    pl.DataFrame(UNITS[1], schema=UNITS[0], orient="row").write_parquet(tmp_path / "d" / "units.parquet")
    pl.DataFrame({
        "id": ["o1", "o2"], "unit": ["u1", "u1"], "hired_on": [dt.date(2020, 1, 1), dt.date(2021, 1, 1)],
        "township": [True, None],
    }).write_parquet(tmp_path / "d" / "officers.parquet")
    pl.DataFrame({
        "id": ["t1", "t2"], "officer": ["o1", "o2"], "hours": [8, 10**6], "category": ["business", "business"],
        "held_at": [dt.datetime(2024, 12, 31, 16, 30), dt.datetime(2024, 1, 1)],
    }).with_columns(pl.col("held_at").dt.replace_time_zone("UTC")).write_parquet(tmp_path / "d" / "training.parquet")
    facts = er.load_facts(tmp_path / "d")
    assert [o.township for o in facts.officers] == [True, False]  # an empty cell takes the default
    assert [t.day for t in facts.training] == [dt.date(2025, 1, 1)]  # UTC converted to China time
    assert [r.location for r in facts.rejections] == ["training.parquet[1]"]


def test_excel_date_and_boolean_cells_are_read(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "b.xlsx", "xlsx", {
        "units": UNITS,
        "officers": (OFFICER_HEADER, [["o1", "u1", dt.date(2020, 1, 1), True, dt.date(2024, 6, 30)], ["o2", "u1", "2021-05-01", False, None]]),
        "training": (["id", "officer", "hours", "category", "held_at"], [["t1", "o1", 7.5, "business", dt.datetime(2024, 3, 1, 9, 30)]]),
        "metrics": (["id", "name", "region", "year", "value"], []),
    })
    facts = er.load_facts(path)
    assert facts.rejections == ()
    assert [(o.hired_on, o.township, o.left_on) for o in facts.officers] == [
        (dt.date(2020, 1, 1), True, dt.date(2024, 6, 30)), (dt.date(2021, 5, 1), False, None)]
    assert facts.training[0].held_at == dt.datetime(2024, 3, 1, 9, 30, tzinfo=er.CST) and facts.training[0].hours == 7.5


def test_unknown_tables_and_cells_of_unknown_columns_are_reported(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "d", "csv", {
        "units": (UNITS[0] + ["remarks"], [UNITS[1][0] + [""], ["u2", "局", "enforcement", "county", "closed"]]),
        "people": (["id"], [["p1"]]),
    })
    facts = er.load_facts(path)
    assert [u.id for u in facts.units] == ["u1"]  # an empty cell in an unknown column is nothing
    assert {(r.location, r.reason) for r in facts.rejections} == {("units.csv[1].remarks", "unknown field"), ("people.csv", "unknown section")}


def test_a_section_given_twice_is_refused(tmp_path: Path) -> None:
    write_rows(tmp_path / "d", "csv", {"units": UNITS})
    write_rows(tmp_path / "d", "parquet", {"units": UNITS})
    with pytest.raises(er.FactsError, match="given twice"):
        er.load_facts(tmp_path / "d")


def test_mixed_csv_and_parquet_directory(tmp_path: Path) -> None:
    write_rows(tmp_path / "d", "csv", {"units": UNITS})
    write_rows(tmp_path / "d", "parquet", {"officers": (OFFICER_HEADER, [["o1", "u1", "2020-01-01", "false", None]])})
    facts = er.load_facts(tmp_path / "d")
    assert facts.rejections == () and [o.id for o in facts.officers] == ["o1"]


@pytest.mark.parametrize("text", ["not,a\n\"csv", "a,b\n1,2,3\n"])
def test_an_unreadable_csv_file_raises_facts_error(text: str, tmp_path: Path) -> None:
    tmp_path.joinpath("officers.csv").write_text(text)
    with pytest.raises(er.FactsError, match="officers.csv"):
        er.load_facts(tmp_path)


def test_a_file_that_is_not_a_workbook_raises_facts_error(tmp_path: Path) -> None:
    tmp_path.joinpath("f.xlsx").write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(er.FactsError, match="workbook"):
        er.load_facts(tmp_path / "f.xlsx")


def test_load_frames_reads_typed_and_text_columns_with_the_source_in_locations() -> None:
    frames = {
        "units": pl.DataFrame(UNITS[1], schema=UNITS[0], orient="row"),
        "officers": pl.DataFrame({"id": ["o1", "o2"], "unit": ["u1", "u1"], "hired_on": [dt.date(2020, 1, 1), None]}),
        "training": pl.DataFrame({"id": ["t1"], "officer": ["o1"], "hours": ["2.5"], "category": ["business"], "held_at": ["2024-03-01"]}),
    }
    facts = er.load_frames(frames, source="db")
    assert [o.id for o in facts.officers] == ["o1"] and facts.training[0].hours == 2.5
    assert [(r.location, r.reason, r.source) for r in facts.rejections] == [("db:officers[1].hired_on", "missing field", "db")]


def test_load_frames_rejects_an_unknown_section_and_refuses_a_non_frame() -> None:
    facts = er.load_frames({"people": pl.DataFrame({"id": ["p"]})}, source="db")
    assert [r.location for r in facts.rejections] == ["db:people"]
    with pytest.raises(er.FactsError, match="polars DataFrame"):
        er.load_frames({"units": [{"id": "u1"}]})  # type: ignore[dict-item]


_CELLS = {
    "id": st.sampled_from(["o1", "o2", "", None, "x" * 201, "o1 "]),
    "unit": st.sampled_from(["u1", "u9", None, ""]),
    "hired_on": st.sampled_from(["2020-01-01", "2020-02-30", "2020-1-1", None, "2020-01-01T23:30:00Z", "x"]),
    "township": st.sampled_from(["true", "false", "TRUE", "1", None, "maybe"]),
    "left_on": st.sampled_from([None, "2019-01-01", "2025-01-01", "bad"]),
}


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.fixed_dictionaries(_CELLS), max_size=12), data=st.data())
def test_records_in_equal_loaded_plus_rejected(fmt: str, tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, object]],
                                               data: st.DataObject) -> None:
    training = [[f"t{i}", data.draw(st.sampled_from(["o1", "o2", "o3"])), data.draw(st.sampled_from(["2", "-1", "x", None])),
                 "business", "2024-03-01"] for i in range(data.draw(st.integers(0, 6)))]
    path = write_rows(tmp_path_factory.mktemp(fmt) / fmt, fmt, {
        "units": UNITS,
        "officers": (OFFICER_HEADER, [[r[h] for h in OFFICER_HEADER] for r in rows]),
        "training": (["id", "officer", "hours", "category", "held_at"], training),
    })
    validated = _validated(path, Limits())
    facts = er.Facts.from_tables(validated.tables, validated.rejections)
    read = {"units": 1, "officers": len(rows), "training": len(training)}
    rejected = rejected_records(facts)
    for section, n in read.items():
        tally = validated.tallies[section]
        assert tally.read == n
        assert tally.loaded == facts.count(section)
        assert tally.rejected == len({r for r in rejected if r[1] == section})
        assert n == tally.loaded + tally.rejected


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_checks_a_tabular_form_like_its_json_form(fmt: str, tmp_path: Path, example: er.Facts,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--as-of", "2025-06-30", "--engine", "python", "--format", "json"]
    want_code = main(["check", "national", str(EXAMPLE), *args])
    want = json.loads(capsys.readouterr().out)
    path = write_facts(example, tmp_path / fmt, fmt)
    assert main(["check", "national", str(path), *args]) == want_code
    got = json.loads(capsys.readouterr().out)
    assert len(got["findings"]) == len(want["findings"]) > 50
    assert got["findings"] == want["findings"]
