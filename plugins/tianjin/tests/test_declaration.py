"""The declaration as a whole: metadata, quotes verbatim from the plan, provenance of
every override, inherited rules unchanged, and a README that lists every row."""

from __future__ import annotations

import datetime as dt
import importlib.resources
from pathlib import Path

import pytest

import enforcerules_tianjin as plugin
from enforcerules import Intent, Level
from enforcerules.testing import assert_never_weaker
from enforcerules_tianjin import plan

SOURCE = importlib.resources.files(plugin).joinpath("source.txt").read_text(encoding="utf-8")
README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
CITATIONS = [*(r.citation for r in plan.RULES), *(o.citation for o in plan.OVERRIDES)]


def _quoted_in_order(quote: str) -> bool:
    """Every segment of *quote* (elisions written "……") occurs in the plan, in order."""
    at = 0
    for segment in quote.split("……"):
        at = SOURCE.find(segment, at)
        if at < 0:
            return False
        at += len(segment)
    return True


def test_jurisdiction_is_a_province_level_municipality_under_national_issued_4_november_2023() -> None:
    j = plugin.JURISDICTION
    assert (j.id, j.parent, j.level) == ("tianjin", "national", Level.PROVINCE)
    assert "直辖市" in j.note
    assert j.documents == (plan.PLAN,) and plan.PLAN.issued_on == dt.date(2023, 11, 4)
    assert plan.PLAN.issuer in SOURCE and "2023年11月4日" in SOURCE
    assert plan.PERIOD.start == plan.PLAN.issued_on
    for rule in plan.RULES:
        assert rule.effective == plan.PERIOD, rule.id


def test_the_plugin_is_installed_under_its_entry_point(registry) -> None:
    assert registry.plugin_of("tianjin") == "tianjin"


@pytest.mark.parametrize("citation", CITATIONS, ids=lambda c: f"{c.clause}:{c.quote[:12]}")
def test_every_quote_is_the_plan_text_verbatim(citation) -> None:
    assert citation.document == plan.PLAN.id
    assert _quoted_in_order(citation.quote), citation.quote


@pytest.mark.parametrize("override", plan.OVERRIDES, ids=lambda o: o.rule_id)
def test_every_override_is_recorded_with_its_intent(tianjin, national, override) -> None:
    resolved = tianjin.get(override.rule_id)
    assert resolved.declared_by == "national" and resolved.overridden_by == ("tianjin",)
    (record,) = resolved.overrides
    assert record.intent is override.intent and record.citation == override.citation
    assert record.previous == national.get(override.rule_id).rule
    assert resolved.rule.note == override.note != ""


@pytest.mark.parametrize("rule_id", sorted(plan.INHERITED))
def test_inherited_rules_are_the_national_rules_unchanged(tianjin, national, rule_id) -> None:
    resolved = tianjin.get(rule_id)
    assert resolved.declared_by == "national" and resolved.overrides == ()
    assert resolved.rule == national.get(rule_id).rule
    clause, why = plan.INHERITED[rule_id]
    for quoted in why.split("'")[1::2]:  # any plan text the reason quotes is verbatim
        if any("\u4e00" <= ch <= "\u9fff" for ch in quoted) and "……" not in quoted:
            assert quoted in SOURCE, quoted
        elif "……" in quoted:
            assert _quoted_in_order(quoted), quoted


def test_added_rules_are_declared_by_tianjin_under_its_namespace(tianjin) -> None:
    for rule in plan.RULES:
        assert rule.id.startswith("tianjin.") and tianjin.get(rule.id).declared_by == "tianjin"
        assert rule.note, rule.id


def test_every_rule_of_the_rulebook_is_added_overridden_or_inherited_or_national_only(tianjin) -> None:
    ours = {r.id for r in plan.RULES} | {o.rule_id for o in plan.OVERRIDES} | set(plan.INHERITED)
    untouched = [r for r in tianjin if r.id not in ours]
    # What Tianjin neither restates nor changes is the national text as is.
    assert all(r.declared_by == "national" and r.overrides == () for r in untouched)


def test_declined_rows_have_a_clause_and_a_reason() -> None:
    assert plan.DECLINED
    for row in plan.DECLINED:
        assert row.clause and row.summary and len(row.reason) > 20


def test_readme_lists_every_rule_override_inherited_rule_and_declined_row() -> None:
    for rule in plan.RULES:
        assert f"`{rule.id}`" in README, rule.id
    for override in plan.OVERRIDES:
        assert f"`{override.rule_id}`" in README and override.intent.name in README
    for rule_id in plan.INHERITED:
        assert f"`{rule_id}`" in README, rule_id
    for row in plan.DECLINED:
        assert row.summary in README, row.summary


def test_never_weaker_than_national_except_where_declared_relax(registry) -> None:
    report = assert_never_weaker("tianjin", "national", registry, max_examples=60)
    relaxed = {o.rule_id for o in plan.OVERRIDES if o.intent is Intent.RELAX}
    assert {w.rule_id for w in report.weakenings} <= relaxed
    assert all(w.declared for w in report.weakenings)
