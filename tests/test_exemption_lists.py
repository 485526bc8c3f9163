"""Exemption lists as JSON data, and the published Guangdong ecology list in use."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import enforcerules as er
from enforcerules.citation import citer
from enforcerules.disposition import DispositionKind, decide_case
from enforcerules.exemption_lists import exemption_list_from_json, exemption_list_to_json, load_exemption_list
from enforcerules.kinds import ListKind, PenaltyDisposition

from _support import registry_with

GUANGDONG = Path(__file__).resolve().parents[1] / "examples" / "exemption-lists" / "guangdong-ecology-2021.json"
UNIT = er.Unit(id="u1", name="市生态环境局", kind=er.UnitKind.ENFORCEMENT, level=er.Level.CITY, field="ecology_environment")


def minimal(**overrides: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "enforcerules-exemption-list/1", "id": "l1", "kind": "no_penalty", "title": "清单", "issuer": "局",
        "entries": [{"code": "a", "violation": "甲"}, {"code": "b", "violation": "乙", "max_harm": "none", "mandatory": False}],
    }
    doc.update(overrides)
    return doc


def test_the_guangdong_list_loads_whole_with_its_source_and_period() -> None:
    loaded = load_exemption_list(GUANGDONG)
    gd = loaded.value
    assert loaded.rejections == ()
    assert gd.kind is ListKind.NO_PENALTY and len(gd.entries) == 20 and gd.issuer == "广东省生态环境厅"
    assert gd.effective == er.Period(dt.date(2022, 1, 1), dt.date(2026, 12, 31))
    assert "粤环发〔2021〕7号" in gd.number and "Fungwingwaa/cee" in gd.source
    # rows 7 and 9 say "依法可以不予行政处罚"; every other row "不予行政处罚"
    assert [e.code for e in gd.entries if not e.mandatory] == ["gd-eco-2021-07", "gd-eco-2021-09"]
    assert all(e.first_violation_required and e.field == "ecology_environment" for e in gd.entries)
    assert exemption_list_from_json(exemption_list_to_json(gd)).value == gd


def _decide(code: str, outcome: er.CaseOutcome, decided: dt.date = dt.date(2024, 5, 10), **kw: Any) -> tuple[er.Status, DispositionKind]:
    spec = PenaltyDisposition(lists=(load_exemption_list(GUANGDONG).value,))
    rule = er.Rule(id="gd.eco.list", title_zh="不予处罚目录", title_en="No-penalty list",
                   citation=citer("yuehuanfa-2021-7")("第十三条（三）", "符合《广东省生态环境不予行政处罚的轻微违法行为目录》情形的行为不予处罚"),
                   spec=spec, scope=er.Scope(er.Subject.CASE), effective=er.Period(dt.date(2021, 7, 15), dt.date(2026, 12, 31)))
    book = registry_with(er.Jurisdiction(id="gd", name_zh="广东", name_en="Guangdong", level=er.Level.PROVINCE, rules=(rule,))).rulebook("gd")
    case = er.Case(id="k1", unit="u1", decided_on=decided, field="ecology_environment", violation_code=code, outcome=outcome, **kw)
    report = er.evaluate(book, er.Facts(units=(UNIT,), cases=(case,)), dt.date(2025, 6, 30), engine="python")
    return report.findings[0].status, decide_case(book, case).strongest


FIRST_MINOR = dict(first_violation=True, harm=er.Harm.MINOR, corrected_promptly=True)


def test_guangdong_row_12_hazardous_waste_sign_first_minor_corrected_is_not_penalised() -> None:
    assert _decide("gd-eco-2021-12", er.CaseOutcome.PENALISED, **FIRST_MINOR) == (er.Status.VIOLATION, DispositionKind.SHALL_NOT_PENALISE)
    assert _decide("gd-eco-2021-12", er.CaseOutcome.NOT_PENALISED, **FIRST_MINOR)[0] is er.Status.EXEMPT
    # not a first violation: the row does not apply and art. 33 gives nothing
    assert _decide("gd-eco-2021-12", er.CaseOutcome.PENALISED, harm=er.Harm.MINOR, corrected_promptly=True)[0] is er.Status.NOT_APPLICABLE


def test_guangdong_rows_with_unrecorded_conditions_or_may_wording_do_not_yield_violations() -> None:
    # row 15 also needs "违法行为持续时间不超过 20 日", which the facts do not record
    assert _decide("gd-eco-2021-15", er.CaseOutcome.PENALISED, **FIRST_MINOR)[0] is er.Status.INSUFFICIENT_DATA
    # row 7 is "依法可以不予行政处罚": penalising stays within discretion
    assert _decide("gd-eco-2021-07", er.CaseOutcome.PENALISED, **FIRST_MINOR) == (er.Status.COMPLIANT, DispositionKind.MAY_NOT_PENALISE)


def test_guangdong_list_is_not_used_before_it_took_effect() -> None:
    status, strongest = _decide("gd-eco-2021-12", er.CaseOutcome.PENALISED, dt.date(2021, 12, 31), **FIRST_MINOR)
    # the rule is in force but the list is not yet: only art. 33's "may" remains
    assert (status, strongest) == (er.Status.COMPLIANT, DispositionKind.MAY_NOT_PENALISE)


def test_bad_entries_are_rejected_with_their_location_and_good_ones_kept() -> None:
    doc = minimal(entries=[
        {"code": "a", "violation": "甲"},
        {"code": "b", "violation": "乙", "max_harm": "huge", "colour": "red"},
        {"violation": "丙"},
        {"code": "a", "violation": "丁"},
        "row",
        {"code": "c", "violation": "戊", "mandatory": "yes"},
    ])
    loaded = exemption_list_from_json(doc)
    assert [e.code for e in loaded.value.entries] == ["a"]
    where = {r.location: r for r in loaded.rejections}
    assert set(where) == {"$.entries[1].max_harm", "$.entries[1].colour", "$.entries[2].code", "$.entries[3].code", "$.entries[4]", "$.entries[5].mandatory"}
    assert "none" in where["$.entries[1].max_harm"].expected and where["$.entries[3].code"].reason.startswith("duplicate code")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (dict(kind="maybe"), "$.kind"),
        (dict(id=""), "$.id"),
        (dict(format="other/2"), "$.format"),
        (dict(effective={"start": "2022-02-30", "end": "2025-01-31"}), "$.effective"),
        (dict(effective={"start": "2025-01-01", "end": "2022-01-01"}), "end precedes start"),
        (dict(extra=1), "$.extra"),
    ],
)
def test_a_header_that_cannot_make_a_list_raises_naming_the_problem(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(er.DeclarationError, match=message.replace("$", r"\$")):
        exemption_list_from_json(minimal(**overrides))


def test_lists_load_from_text_files_and_mappings_and_bad_json_raises(tmp_path: Path) -> None:
    path = tmp_path / "l.json"
    path.write_text(json.dumps(minimal(), ensure_ascii=False), encoding="utf-8")
    by_path, by_text, by_map = load_exemption_list(path), load_exemption_list(path.read_text(encoding="utf-8")), load_exemption_list(minimal())
    assert by_path == by_text == by_map and by_map.value.entries[1].max_harm is er.Harm.NONE
    with pytest.raises(er.DeclarationError, match="not valid JSON"):
        load_exemption_list("{ nope")
    with pytest.raises(er.DeclarationError, match="cannot read"):
        load_exemption_list(tmp_path / "missing.json")
