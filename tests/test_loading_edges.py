"""Odd input never crashes the loader: every record is loaded or rejected, or the
document is refused with FactsError (CLI exit 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import enforcerules as er
from enforcerules.cli import main

UNIT = {"id": "u1", "name": "局", "kind": "enforcement", "level": "county"}
OFFICER = {"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}


def rejected(doc: dict[str, object]) -> dict[str, str]:
    return {r.location: r.reason for r in er.load_facts(doc).rejections}


@pytest.mark.parametrize("hours", [10**400, -1, 1e308])
def test_out_of_range_hours_are_rejected(hours: object) -> None:
    doc = {"units": [UNIT], "officers": [OFFICER],
           "training": [{"id": "t", "officer": "o1", "hours": hours, "category": "business", "held_at": "2024-01-01T09:00:00"}]}
    assert "$.training[0]" in rejected(doc)


@pytest.mark.parametrize("held_at", ["9999-12-31T23:00:00Z", "0001-01-01T00:00:00+14:00"])
def test_instants_that_cannot_be_shown_in_china_time_are_rejected(held_at: str) -> None:
    doc = {"units": [UNIT], "officers": [OFFICER],
           "training": [{"id": "t", "officer": "o1", "hours": 1, "category": "business", "held_at": held_at}]}
    assert rejected(doc)["$.training[0].held_at"].startswith("not a real date-time")


@pytest.mark.parametrize("day", ["2024-W01-1", "20240101", "2024-1-1", "2024-01-01 "])
def test_dates_must_be_written_yyyy_mm_dd(day: str) -> None:
    assert "$.officers[0].hired_on" in rejected({"units": [UNIT], "officers": [{**OFFICER, "hired_on": day}]})


def test_a_repeated_key_is_a_located_rejection() -> None:
    facts = er.loads_facts('{"units": [{"id": "u1", "id": "u2", "name": "局", "kind": "enforcement", "level": "county"}]}')
    assert [(r.location, r.reason) for r in facts.rejections] == [("$.units[0].id", "duplicate key")]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_conflicting_metrics_for_one_region_and_year_are_both_rejected_in_any_order(order: tuple[int, int]) -> None:
    # issue 10 item 6: the first used to win, so the verdict flipped with record order
    region = {"id": "r", "name": "区", "level": "county"}
    m = {"name": "litigation_loss_rate", "region": "r", "year": 2024}
    metrics = [{"id": "a", **m, "value": 0.1}, {"id": "b", **m, "value": 0.2}]
    facts = er.load_facts({"regions": [region], "metrics": [metrics[i] for i in order]})
    assert facts.metrics == ()
    assert sorted(r.location for r in facts.rejections) == ["$.metrics[0]", "$.metrics[1]"]
    assert all(r.reason.startswith("duplicate name+region+year") for r in facts.rejections)


def test_identical_metrics_for_one_region_and_year_keep_the_first() -> None:
    region = {"id": "r", "name": "区", "level": "county"}
    m = {"name": "litigation_loss_rate", "region": "r", "year": 2024, "value": 0.1}
    facts = er.load_facts({"regions": [region], "metrics": [{"id": "a", **m}, {"id": "b", **m}]})
    assert [x.id for x in facts.metrics] == ["a"]
    assert facts.rejections[0].location == "$.metrics[1]" and facts.rejections[0].reason.startswith("duplicate name+region+year")


def test_conflicting_records_with_one_id_are_both_rejected() -> None:
    officers = [{"id": "o1", "unit": "u1", "hired_on": "2020-01-01"}, {"id": "o1", "unit": "u1", "hired_on": "2021-01-01"}]
    for records in (officers, officers[::-1]):
        facts = er.load_facts({"units": [UNIT], "officers": records})
        assert facts.officers == ()
        assert sorted(r.location for r in facts.rejections) == ["$.officers[0].id", "$.officers[1].id"]


@pytest.mark.parametrize("year", [10**30, -5, 1899, 2201])
def test_metric_years_are_bounded(year: int) -> None:
    doc = {"regions": [{"id": "r", "name": "区", "level": "county"}],
           "metrics": [{"id": "a", "name": "x", "region": "r", "year": year, "value": 1}]}
    assert "$.metrics[0]" in rejected(doc)


@pytest.mark.parametrize("text", ["[" * 100_000, '{"x": ' + "9" * 5000 + "}", "[1]"])
def test_unparseable_or_non_object_documents_raise_facts_error(text: str) -> None:
    with pytest.raises(er.FactsError):
        er.loads_facts(text)


def test_bytes_and_a_byte_order_mark_are_read(tmp_path: Path) -> None:
    data = json.dumps({"units": [UNIT]}, ensure_ascii=False).encode("utf-8-sig")
    (tmp_path / "f.json").write_bytes(data)
    assert len(er.loads_facts(data).units) == 1
    assert len(er.load_facts(tmp_path / "f.json").units) == 1


def test_cli_reports_an_unreadable_deeply_nested_document_as_exit_4(tmp_path: Path) -> None:
    (tmp_path / "f.json").write_text("[" * 100_000)
    assert main(["check", "national", str(tmp_path / "f.json"), "--as-of", "2024-01-01", "--engine", "python"]) == 4


def test_cli_turns_a_defect_into_exit_7_not_exit_1(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import enforcerules.cli as cli

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "load_facts", broken)
    (tmp_path / "f.json").write_text("{}")
    assert main(["check", "national", str(tmp_path / "f.json"), "--as-of", "2024-01-01"]) == 7
    assert "internal error" in capsys.readouterr().err
