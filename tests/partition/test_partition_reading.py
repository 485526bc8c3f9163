"""Reading a directory of tables by partition gives the whole load's findings and rejections.

Training stays on disk until its partition runs (enforcerules.partition_reading);
every record is still either loaded or rejected with the same location and
reason, and the findings are those of evaluating the facts read whole.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import enforcerules as er
from enforcerules.cli import main
from enforcerules.partition import ORPHANS, partition_keys, partitioned_findings
from enforcerules.partition_reading import read_by_partition

AS_OF = dt.date(2025, 6, 30)
SORT = ["rule_id", "subject", "period", "status"]
CATEGORIES = ("political_theory", "legal_knowledge", "business")


def _rejected(rejections: Any) -> list[tuple[Any, ...]]:
    """Rejections in a canonical order (a partitioned reading lists training's after the other sections')."""
    return sorted((r.section or "", -1 if r.row is None else r.row, r.column or "", r.location, r.reason, repr(r.value), r.expected)
                  for r in rejections)


def _write(folder: Path, fmt: str, tables: dict[str, pl.DataFrame]) -> None:
    """As text cells (CSV, Parquet) or, for ``typed``, Parquet with numbers and CST instants (unreadable cells null)."""
    folder.mkdir(parents=True, exist_ok=True)
    for section, table in tables.items():
        if fmt == "typed" and section == "training":
            table.with_columns(
                pl.col("hours").cast(pl.Float64, strict=False),
                pl.col("held_at").str.to_datetime("%Y-%m-%dT%H:%M:%S%z", strict=False).dt.convert_time_zone("Asia/Shanghai"),
            ).write_parquet(folder / f"{section}.parquet")
        elif fmt in ("parquet", "typed"):
            table.write_parquet(folder / f"{section}.parquet")
        else:
            table.select(pl.all().cast(pl.String)).write_csv(folder / f"{section}.csv")


def _one_officer() -> dict[str, pl.DataFrame]:
    """One unit, its officer and one training record of hers."""
    return {
        "units": pl.DataFrame({"id": ["u0"], "name": ["甲局"], "kind": "enforcement", "level": "county"}),
        "officers": pl.DataFrame({"id": ["a"], "unit": ["u0"], "hired_on": ["2020-01-01"]}),
        "training": pl.DataFrame({"id": ["t1"], "officer": ["a"], "hours": [8.0], "category": "business",
                                  "held_at": ["2024-03-01T09:00:00+08:00"]}),
    }


@st.composite
def _directory(draw: st.DrawFn) -> dict[str, pl.DataFrame]:
    """Units, officers and training records with the faults a reading must locate, some crossing partitions."""
    n_units = draw(st.integers(1, 6))
    # a unit in region r9 (no such region) is dropped for it, its officers a round later, their training after them
    regions = draw(st.lists(st.sampled_from([None, "r0", "r1", "r9"]), min_size=n_units, max_size=n_units))
    units = pl.DataFrame({"id": [f"u{i}" for i in range(n_units)], "name": [f"执法局{i}" for i in range(n_units)],
                          "kind": "enforcement", "level": "county", "region": regions}, schema_overrides={"region": pl.String})
    region_table = pl.DataFrame({"id": ["r0", "r1"], "name": ["甲市", "乙市"], "level": "city"})
    n_officers = draw(st.integers(0, 10))
    officer_units = draw(st.lists(st.integers(0, n_units), min_size=n_officers, max_size=n_officers))  # n_units: no such unit
    hired = draw(st.lists(st.sampled_from(["2020-01-01", "2024-07-01", "not a day"]), min_size=n_officers, max_size=n_officers))
    officers = pl.DataFrame({"id": [f"o{i}" for i in range(n_officers)], "unit": [f"u{u}" for u in officer_units], "hired_on": hired},
                            schema={"id": pl.String, "unit": pl.String, "hired_on": pl.String})
    record = st.fixed_dictionaries({
        "id": st.integers(0, 30).map(lambda i: f"t{i}"),  # few ids: repeats, within and across partitions
        "officer": st.one_of(st.integers(0, max(n_officers - 1, 0)).map(lambda i: f"o{i}"), st.sampled_from(["nobody", None])),
        "hours": st.sampled_from(["2", "4.5", "8", "-1", "2000", "x"]),
        "category": st.sampled_from([*CATEGORIES, "cooking"]),
        "held_at": st.sampled_from(["2024-03-01T09:00:00+08:00", "2025-05-20T14:30:00+08:00", "2023-12-31T23:59:59+08:00", "yesterday"]),
        "organising_unit": st.one_of(st.none(), st.sampled_from(["u0", "u1", "nowhere"])),
        "remark": st.one_of(st.none(), st.just("备注")),  # a column no section has: its filled cells reject their records
    })
    rows = draw(st.lists(record, max_size=40))
    copies = draw(st.lists(st.integers(0, max(len(rows) - 1, 0)), max_size=5)) if rows else []
    rows = rows + [rows[i] for i in copies]  # identical copies: the first is kept
    columns = ["id", "officer", "hours", "category", "held_at", "organising_unit", "remark"]
    training = pl.DataFrame({c: [r[c] for r in rows] for c in columns}, schema={c: pl.String for c in columns})
    return {"regions": region_table, "units": units, "officers": officers, "training": training}


def _crosses(tables: dict[str, pl.DataFrame], folder: Path, by: str, partitions: int) -> bool:
    """Whether a training id lies in two partitions (by the loaded officers' partitions)."""
    whole = er.load_tables(folder)
    keys = partition_keys(whole.table("units"), by, partitions)
    owners = whole.table("officers").join(keys, on="unit").select(officer="id", part="part")
    routed = (tables["training"].select("id", "officer").drop_nulls("id")
              .join(owners, on="officer", how="left").with_columns(pl.col("part").fill_null(ORPHANS)))
    most = routed.group_by("id").agg(pl.col("part").n_unique()).get_column("part").max() if routed.height else 0
    return int(most or 0) > 1  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["parquet", "typed", "csv"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(tables=_directory(), by=st.sampled_from(["unit", "region"]), partitions=st.integers(1, 5))
def test_reading_by_partition_gives_the_whole_loads_findings_and_rejections(
        fmt: str, tables: dict[str, pl.DataFrame], by: str, partitions: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("facts")
    _write(folder, fmt, tables)
    book = er.load_rulebook("national")
    whole = er.load_tables(folder)
    spilled = read_by_partition(folder, by=by, partitions=partitions)
    if spilled is None:  # only when an id lies in two partitions
        assert _crosses(tables, folder, by, partitions)
        return
    with spilled:
        parts = list(partitioned_findings(book, spilled.facts, AS_OF, by=by, partitions=partitions, training=spilled))
        found = pl.concat(parts) if parts else pl.DataFrame()
        assert found.sort(SORT).equals(er.evaluate(book, whole, AS_OF).table.sort(SORT))
        assert _rejected(spilled.rejections) == _rejected(whole.rejections)
        assert spilled.read == tables["training"].height == spilled.loaded + sum(1 for r in {
            x.row for x in spilled.rejections if x.section == "training"})
        assert spilled.loaded == whole.table("training").height


def test_an_id_in_two_partitions_reads_the_facts_whole(tmp_path: Path) -> None:
    units = pl.DataFrame({"id": ["u0", "u1"], "name": ["甲局", "乙局"], "kind": "enforcement", "level": "county"})
    officers = pl.DataFrame({"id": ["a", "b"], "unit": ["u0", "u1"], "hired_on": ["2020-01-01", "2020-01-01"]})
    training = pl.DataFrame({"id": ["t1", "t1"], "officer": ["a", "b"], "hours": [8.0, 8.0], "category": "business",
                             "held_at": ["2024-03-01T09:00:00+08:00"] * 2})
    _write(tmp_path, "csv", {"units": units, "officers": officers, "training": training})
    parts = {p for (p,) in partition_keys(units, "unit", 64).select("part").iter_rows()}
    assert len(parts) == 2  # the two officers' units lie in different partitions
    assert read_by_partition(tmp_path, by="unit", partitions=64) is None
    out = tmp_path / "out"
    out.mkdir()
    whole, parted = out / "whole.parquet", out / "parted.parquet"
    assert main(["check", "national", str(tmp_path), "--as-of", "2025-06-30", "--out", str(whole)]) == 3
    assert main(["check", "national", str(tmp_path), "--as-of", "2025-06-30", "--out", str(parted),
                 "--partition-by", "unit", "--partitions", "64"]) == 3
    rejected = pl.read_parquet(out / "parted.rejections.parquet")
    assert rejected.get_column("reason").str.starts_with("duplicate id with conflicting records").all() and rejected.height == 2


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_check_by_partition_writes_the_whole_checks_findings_and_rejections(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tables = {
        "units": pl.DataFrame({"id": ["u0", "u1", "u2"], "name": ["甲局", "乙局", "丙局"], "kind": "enforcement", "level": "county"}),
        "officers": pl.DataFrame({"id": ["a", "b", "c", "d"], "unit": ["u0", "u1", "u2", "u9"],
                                  "hired_on": ["2020-01-01", "2020-01-01", "bad", "2020-01-01"]}),
        "training": pl.DataFrame({
            "id": ["t1", "t2", "t3", "t4", "t5", "t6", "t6"],
            "officer": ["a", "b", "c", "d", "zz", "a", "a"],
            "hours": ["40", "x", "8", "8", "8", "8", "9"],
            "category": ["business", "business", "business", "cooking", "business", "business", "business"],
            "held_at": ["2024-03-01T09:00:00+08:00"] * 7,
        }),
    }
    _write(tmp_path / "facts", fmt, tables)
    whole, parted = tmp_path / "whole.parquet", tmp_path / "parted.parquet"
    facts = str(tmp_path / "facts")
    code = main(["check", "national", facts, "--as-of", "2025-06-30", "--out", str(whole)])
    assert main(["check", "national", facts, "--as-of", "2025-06-30", "--out", str(parted), "--partition-by", "unit", "--partitions", "3"]) == code == 3
    assert pl.read_parquet(whole).sort(SORT).equals(pl.read_parquet(parted).sort(SORT))
    a, b = (pl.read_parquet(tmp_path / f"{n}.rejections.parquet") for n in ("whole", "parted"))
    # t2's hours "x", officer c's day and its t3, officer d's unit u9, t4's category, t5's officer zz, t6 twice conflicting
    assert a.height == 8
    assert sorted(a.rows()) == sorted(b.rows())
    out = capsys.readouterr().out.splitlines()
    assert out[0].split(": ", 1)[1] == out[1].split(": ", 1)[1]


def test_spill_files_are_removed_when_the_reading_closes(tmp_path: Path) -> None:
    tables = _one_officer()
    _write(tmp_path / "facts", "parquet", tables)
    spill = tmp_path / "spill"
    spill.mkdir()
    with read_by_partition(tmp_path / "facts", partitions=2, spill_dir=spill) as spilled:
        assert spilled is not None and any(spill.iterdir())
        (part,) = spilled.parts()
        assert spilled.training(part).get_column("id").to_list() == ["t1"]
    assert not any(spill.iterdir())


def test_rules_reading_the_whole_facts_refuse_spilled_training_and_the_cli_reads_whole(tmp_path: Path) -> None:
    # Tianjin counts unit-organised sessions across partitions (a rule over the whole facts).
    tables = _one_officer()
    _write(tmp_path / "facts", "parquet", tables)
    book = er.load_rulebook("tianjin")
    with read_by_partition(tmp_path / "facts", partitions=2) as spilled:
        assert spilled is not None
        with pytest.raises(ValueError, match="tianjin.training.township_business_training"):
            list(partitioned_findings(book, spilled.facts, AS_OF, training=spilled))
    whole, parted = tmp_path / "whole.parquet", tmp_path / "parted.parquet"
    facts = str(tmp_path / "facts")
    assert main(["check", "tianjin", facts, "--as-of", "2025-06-30", "--out", str(whole)]) == \
        main(["check", "tianjin", facts, "--as-of", "2025-06-30", "--out", str(parted), "--partition-by", "unit"])
    assert pl.read_parquet(whole).sort(SORT).equals(pl.read_parquet(parted).sort(SORT))


def test_an_unreadable_training_table_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tables = _one_officer()
    del tables["training"]
    _write(tmp_path, "csv", tables)
    (tmp_path / "training.csv").write_bytes(b"id,officer\n\xff\xfe,a\n")
    with pytest.raises(er.FactsError, match="training.csv"):
        read_by_partition(tmp_path, partitions=2)
    assert main(["check", "national", str(tmp_path), "--out", str(tmp_path / "f.parquet"), "--partition-by", "unit"]) != 0
    err = capsys.readouterr().err
    assert "training.csv" in err and "Traceback" not in err


def test_training_goes_to_its_officers_partition_and_unknown_officers_to_the_orphans() -> None:
    from enforcerules.partition_reading import _Owners

    officers = pl.DataFrame({"id": ["a", "b", "c"]})
    owners = _Owners(officers, pl.Series([3, 0, 3], dtype=pl.Int32), ORPHANS)
    assert owners.distinct
    assert owners.of(pl.Series(["c", "a", "b", "zz", None, "a"])).to_list() == [3, 3, 0, ORPHANS, ORPHANS, 3]
    assert owners.of(pl.Series([1, 2])).to_list() == [ORPHANS, ORPHANS]  # a typed column of numbers names no officer
    assert owners.officers_of(3).to_list() == ["a", "c"]
    assert _Owners(officers.clear(), pl.Series([], dtype=pl.Int32), ORPHANS).of(pl.Series(["a"])).to_list() == [ORPHANS]


def test_officers_hashing_alike_read_the_facts_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from enforcerules import partition_reading

    class Alike(partition_reading._Owners):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            self.distinct = False

    tables = _one_officer()
    _write(tmp_path, "parquet", tables)
    monkeypatch.setattr(partition_reading, "_Owners", Alike)
    assert read_by_partition(tmp_path, partitions=2) is None
