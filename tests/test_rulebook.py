"""Resolving jurisdiction chains: additions, overrides, repeals, conflicts."""

from __future__ import annotations

import attrs
import pytest

import enforcerules as er
from enforcerules.errors import CyclicJurisdiction, DuplicateRule, UnknownJurisdiction, UnknownRuleReference

from _support import cite, registry_with, review_rule, task_rule, training_rule

ROOT = er.Jurisdiction(id="root", name_zh="根", name_en="Root", level=er.Level.NATIONAL,
                       rules=(training_rule(), task_rule(), review_rule()))
MID = er.Jurisdiction(
    id="mid", name_zh="省", name_en="Province", level=er.Level.PROVINCE, parent="root",
    overrides=(er.Override("root.training.hours", er.Intent.TIGHTEN, cite("省3", "不少于80学时"), {"min_hours": 80}),),
    rules=(training_rule("mid.training.extra", 10),),
)
LEAF = er.Jurisdiction(
    id="leaf", name_zh="区", name_en="District", level=er.Level.COUNTY, parent="mid",
    overrides=(er.Override("root.task.list", er.Intent.RELAX, cite("区10", "2024年8月底前"), {"deadline": er.Deadline("2024年8月底前")}),),
    repeals=(er.Repeal("root.review.yearly", cite("区1", "不再单列"), "merged into another duty"),),
)


def test_three_level_chain_applies_override_and_repeal_with_provenance() -> None:
    book = registry_with(ROOT, MID, LEAF).rulebook("leaf")
    assert book.chain == ("root", "mid", "leaf")
    assert [r.id for r in book] == ["mid.training.extra", "root.task.list", "root.training.hours"]
    hours = book.get("root.training.hours")
    assert hours.rule.spec.min_hours == 80
    assert hours.declared_by == "root" and hours.overridden_by == ("mid",)
    assert hours.overrides[0].intent is er.Intent.TIGHTEN
    assert hours.overrides[0].previous.spec.min_hours == 60
    assert hours.rule.citation.clause == "省3"
    task = book.get("root.task.list")
    assert task.rule.spec.deadline.phrase == "2024年8月底前" and task.jurisdiction == "leaf"
    assert [(r.rule_id, r.jurisdiction) for r in book.repealed] == [("root.review.yearly", "leaf")]
    assert book.get("mid.training.extra").declared_by == "mid"


def test_parent_rulebook_is_unchanged_by_child() -> None:
    reg = registry_with(ROOT, MID, LEAF)
    assert reg.rulebook("root").get("root.training.hours").rule.spec.min_hours == 60
    assert "root.review.yearly" in reg.rulebook("mid")


def test_digest_differs_between_levels_and_is_stable() -> None:
    reg = registry_with(ROOT, MID, LEAF)
    assert reg.rulebook("leaf").digest != reg.rulebook("mid").digest
    assert registry_with(ROOT, MID, LEAF).rulebook("leaf").digest == reg.rulebook("leaf").digest


def test_duplicate_addition_names_both_plugins() -> None:
    dup = attrs.evolve(MID, rules=(training_rule("root.training.hours"),), overrides=())
    with pytest.raises(DuplicateRule, match=r"plugin-mid.*plugin-root"):
        registry_with(ROOT, dup).rulebook("mid")


def test_override_of_unknown_rule_names_the_plugin() -> None:
    bad = attrs.evolve(LEAF, overrides=(er.Override("root.nope.x", er.Intent.TIGHTEN, cite("x", "y")),), repeals=())
    with pytest.raises(UnknownRuleReference, match=r"plugin-leaf.*root\.nope\.x"):
        registry_with(ROOT, MID, bad).rulebook("leaf")


def test_override_with_parameter_the_kind_lacks() -> None:
    bad = attrs.evolve(MID, overrides=(er.Override("root.training.hours", er.Intent.TIGHTEN, cite("x", "y"), {"hours": 1}),))
    with pytest.raises(UnknownRuleReference, match="annual_training_hours"):
        registry_with(ROOT, bad).rulebook("mid")


def test_repeal_of_unknown_rule() -> None:
    bad = attrs.evolve(LEAF, overrides=(), repeals=(er.Repeal("root.none.x", cite("x", "y")),))
    with pytest.raises(UnknownRuleReference):
        registry_with(ROOT, MID, bad).rulebook("leaf")


def test_cycle_is_reported_with_its_path() -> None:
    a = er.Jurisdiction(id="a", name_zh="甲", name_en="A", level=er.Level.CITY, parent="b")
    b = er.Jurisdiction(id="b", name_zh="乙", name_en="B", level=er.Level.CITY, parent="a")
    with pytest.raises(CyclicJurisdiction, match="a -> b -> a"):
        registry_with(a, b).rulebook("a")


def test_missing_parent_is_named() -> None:
    orphan = attrs.evolve(LEAF, parent="ghost")
    with pytest.raises(UnknownJurisdiction, match="'leaf' declares parent 'ghost'"):
        registry_with(ROOT, orphan).rulebook("leaf")


def test_same_jurisdiction_in_two_plugins_is_an_error() -> None:
    from _support import Plugin

    reg = er.Registry(discover=False)
    reg.register(Plugin(ROOT), name="first")
    reg.register(Plugin(ROOT), name="second")
    reg.register(Plugin(attrs.evolve(ROOT, id="other")), name="third")
    # Neither declaration is used (which one would depend on installation order); others keep working.
    assert [j.id for j in reg.jurisdictions()] == ["other"]
    with pytest.raises(er.PluginError, match="'first'.*'second'"):
        reg.rulebook("root")
    assert [p.plugin for p in reg.problems] == ["second"]


def test_bad_rule_id_is_rejected_with_the_value() -> None:
    with pytest.raises(ValueError, match="'id' must be a dotted lower-case id.*'Bad Id'"):
        attrs.evolve(training_rule(), id="Bad Id")


def test_entry_point_discovery_finds_national() -> None:
    reg = er.Registry()
    assert "national" in [j.id for j in reg.jurisdictions()]
    assert reg.plugin_of("national") == "national"
