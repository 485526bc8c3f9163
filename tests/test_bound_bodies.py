"""Who a rule binds, seen from the rulebook it sits in: a duty only national
bodies carry (国办发〔2023〕27号 二（五）2 全国行政执法数据库, 二（二）1 专项监督) is
not a local body's duty, so a local report without such a body calls it
``not_applicable`` — not ``insufficient_data``, which would ask for data the
local bureau does not hold."""

from __future__ import annotations

import datetime as dt

import pytest

import enforcerules as er

AS_OF = dt.date(2026, 11, 23)
NATIONAL_ONLY = ("national.data.national_database", "national.rectification.special_supervision")
PROVINCE = [{"id": "sx_justice", "name": "山西省司法厅", "kind": "justice", "level": "province"}]
MINISTRY = [{"id": "moj", "name": "司法部", "kind": "justice", "level": "national"}]


def _statuses(jurisdiction: str, units: list[dict[str, str]]) -> dict[str, set[er.Status]]:
    report = er.evaluate(er.load_rulebook(jurisdiction), er.facts_from_json({"units": units}), AS_OF)
    return {rid: {f.status for f in report.findings if f.rule_id == rid} for rid in NATIONAL_ONLY}


@pytest.mark.parametrize("jurisdiction", ["shanxi", "liaoning", "tianjin", "datong"])
def test_2_5_2_national_only_duties_are_not_applicable_in_local_reports(jurisdiction: str) -> None:
    assert _statuses(jurisdiction, PROVINCE) == {rid: {er.Status.NOT_APPLICABLE} for rid in NATIONAL_ONLY}
    book = er.load_rulebook(jurisdiction)
    assert all(book.get(rid).above_jurisdiction for rid in NATIONAL_ONLY)
    report = er.evaluate(book, er.facts_from_json({"units": PROVINCE}), AS_OF)
    (f,) = [f for f in report.findings if f.rule_id == NATIONAL_ONLY[0]]
    assert "只约束国家层面的单位" in f.explanation_zh


def test_2_5_2_in_the_national_report_missing_bodies_are_still_insufficient_data() -> None:
    assert _statuses("national", PROVINCE) == {rid: {er.Status.INSUFFICIENT_DATA} for rid in NATIONAL_ONLY}
    assert not any(r.above_jurisdiction for r in er.load_rulebook("national").rules)


def test_2_5_2_a_national_body_in_local_facts_is_still_judged() -> None:
    statuses = _statuses("shanxi", PROVINCE + MINISTRY)
    assert all(er.Status.NOT_APPLICABLE not in s and s for s in statuses.values()), statuses


def test_only_rules_binding_levels_above_are_marked() -> None:
    book = er.load_rulebook("shanxi")
    marked = {r.id for r in book.rules if r.above_jurisdiction}
    assert set(NATIONAL_ONLY) <= marked
    # the annual supervision plan binds the national justice unit and the local ones: a Shanxi duty too
    assert "national.supervision.annual_plan" not in marked


# -- who a local plan names: 天津市实施方案 三（五）1, 山西省实施方案 5 ------------------------

TJ_UNITS = [
    {"id": "tj_market", "name": "天津市市场监督管理委员会", "kind": "enforcement", "level": "province"},
    {"id": "hp_market", "name": "和平区市场监督管理局", "kind": "enforcement", "level": "county"},
]
BASELINES = "national.discretion.baselines"


def _baselines(bodies: er.Bodies) -> dict[str, er.Finding]:
    facts = er.facts_from_json({"units": TJ_UNITS})
    report = er.evaluate(er.load_rulebook("tianjin", bodies=bodies), facts, AS_OF)
    return {f.subject: f for f in report.findings if f.rule_id == BASELINES}


def test_tianjin_3_5_1_keeps_the_national_breadth_and_says_where_it_rests_on_national_text_only() -> None:
    found = _baselines(er.Bodies.PARENT_BREADTH)
    assert set(found) == {"tj_market", "hp_market"}
    assert {f.status for f in found.values()} == {er.Status.VIOLATION}
    assert "仅依据上级计划原文" in found["hp_market"].explanation_zh and "三（五）1" in found["hp_market"].explanation_zh
    assert "仅依据上级计划原文" not in found["tj_market"].explanation_zh


def test_tianjin_3_5_1_own_plan_switch_binds_only_the_bodies_the_plan_names() -> None:
    found = _baselines(er.Bodies.OWN_PLAN)
    assert set(found) == {"tj_market"}
    book = er.load_rulebook("tianjin", bodies=er.Bodies.OWN_PLAN)
    assert book.get(BASELINES).rule.scope.levels == (er.Level.PROVINCE,)
    assert book.digest != er.load_rulebook("tianjin").digest


def test_shanxi_5_names_the_provincial_departments_for_the_problem_list() -> None:
    nb = er.load_rulebook("shanxi").get("national.rectification.problem_list").named_bodies
    assert nb is not None and nb.citation.clause == "5" and nb.bodies_zh == "省级行政执法机关"


def test_named_bodies_quote_the_local_plan_verbatim() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "plugins"
    for j in ("shanxi", "tianjin"):
        source = "".join((root / j / "src" / f"enforcerules_{j}" / "source.txt").read_text(encoding="utf-8").split())
        for nb in er.load_rulebook(j).jurisdiction.named_bodies:
            for part in nb.citation.quote.split("……"):
                assert "".join(part.split()) in source, (j, part)


def test_a_named_body_for_an_unknown_rule_is_a_resolution_error() -> None:
    bad = er.Jurisdiction(
        id="nb_bad", name_zh="测试", name_en="test", level=er.Level.PROVINCE, parent="national",
        named_bodies=(er.NamedBodies("national.no_such_rule", er.Citation("x", "1", "某"), er.Scope(er.Subject.UNIT), "某"),),
    )
    reg = er.Registry()

    class Plugin:
        @er.hookimpl
        def enforcerules_jurisdictions(self) -> list[er.Jurisdiction]:
            return [bad]

    reg.register(Plugin(), name="nb_bad")
    with pytest.raises(er.ResolutionError, match="national.no_such_rule"):
        reg.rulebook("nb_bad")


def test_cli_switches_reach_the_rulebook(tmp_path, capsys) -> None:
    from enforcerules.cli import main

    doc = tmp_path / "facts.json"
    doc.write_text(__import__("json").dumps({"units": TJ_UNITS}, ensure_ascii=False), encoding="utf-8")
    main(["check", "tianjin", str(doc), "--as-of", "2026-11-23", "--rule", BASELINES, "--format", "json", "--own-bodies"])
    subjects = {f["subject"] for f in __import__("json").loads(capsys.readouterr().out)["findings"]}
    assert subjects == {"tj_market"}
