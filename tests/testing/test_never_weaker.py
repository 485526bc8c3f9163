"""Never weaker than the parent: declared relaxations pass, silent weakenings fail with a minimal counterexample."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import enforcerules as er
from enforcerules.citation import Citation
from enforcerules.deadlines import Deadline
from enforcerules.kinds import (
    AnnualTrainingHours,
    CategoryMinimum,
    CertificateIssuance,
    CertificateWithdrawal,
    CertifiedHandling,
    DesignationCount,
    RecurringCount,
    TaskDeadline,
)
from enforcerules.testing import Direction, Verdict, WeakeningError, assert_never_weaker, compare_rules, never_weaker

PROBLEM_LIST = "national.rectification.problem_list"
HOURS = "national.training.annual_hours"
DATONG_QUOTE = "梳理形成本地区各行政执法领域的突出问题清单，并对照清单适时组织开展专项整治行动，专项整治情况报送区司法局汇总。"
RELAXING = ["fixture_relaxed"] + (["datong"] if "datong" in {j.id for j in er.Registry().jurisdictions()} else [])


@pytest.mark.parametrize("child", RELAXING)
def test_problem_list_deadline_is_a_declared_relaxation_with_both_citations(child: str, fixture_registry: er.Registry) -> None:
    report = never_weaker(child, "national", fixture_registry, max_examples=60, rule_ids=(PROBLEM_LIST,))
    w = report.get(PROBLEM_LIST)
    assert w.weaker and w.declared and not w.fails
    assert w.intents == (er.Intent.RELAX,)
    assert (w.parent_citation.document, w.parent_citation.clause) == ("gbf-2023-27", "二（二）1")
    assert "2023年底前" in w.parent_citation.quote
    assert w.child_citation is not None and w.child_citation.clause == "（10）" and w.child_citation.quote == DATONG_QUOTE
    assert w.parameters.verdict is Verdict.WEAKER
    assert any("2024-08-31" in str(c.child) for c in w.parameters.changes)
    # The national "2023年底前" fell due before the district's plan (2024-03-25), so the
    # national rule still governs the days before it (kept as <id>.before_<child>): on
    # the same facts the district's rulebook is never more lenient than the nation's.
    assert fixture_registry.rulebook(child).get(f"{PROBLEM_LIST}.before_{child}").rule.spec.deadline.phrase == "2023年底前"
    assert w.counterexample is None
    assert PROBLEM_LIST in report.render() and "declared relaxation" in report.render()


def _statuses(book: er.Rulebook, facts: er.Facts, as_of: dt.date, rule_id: str, subject: str) -> set[er.Status]:
    return {f.status for f in er.evaluate(book, facts, as_of, engine="python").findings
            if f.rule_id == rule_id and f.subject == subject}


@pytest.mark.parametrize("child", ["fixture_silent", "fixture_silent_replace"])
def test_2_1_2_silently_lowering_sixty_hours_fails_with_a_minimal_counterexample(child: str, fixture_registry: er.Registry) -> None:
    with pytest.raises(WeakeningError) as caught:
        assert_never_weaker(child, "national", fixture_registry, max_examples=80)
    message = str(caught.value)
    assert "UNDECLARED WEAKENING" in message and HOURS in message
    assert "min_hours: 60 → 50" in message and "counterexample (shrunk)" in message
    w = caught.value.report.get(HOURS)
    assert w.fails and not w.declared and w.parameters.verdict is Verdict.WEAKER
    ex = w.counterexample
    assert ex is not None
    # minimal: one unit, one officer, one counted training record between 50 and 60 hours
    assert (len(ex.facts.units), len(ex.facts.officers), len(ex.facts.training)) == (1, 1, 1)
    assert 50 <= ex.facts.training[0].hours < 60
    assert ex.facts.size == 3
    # and it is real: the full rulebooks disagree on it exactly as reported
    parent = _statuses(fixture_registry.rulebook("national"), ex.facts, ex.as_of, HOURS, ex.subject)
    childs = _statuses(fixture_registry.rulebook(child), ex.facts, ex.as_of, HOURS, ex.subject)
    assert ex.parent_status in parent and ex.child_status in childs
    assert er.Status.COMPLIANT in childs and (parent & {er.Status.VIOLATION, er.Status.PENDING})


def test_a_relaxing_child_passes_overall(fixture_registry: er.Registry) -> None:
    report = assert_never_weaker("fixture_relaxed", "national", fixture_registry, max_examples=40)
    assert report.ok and [w.rule_id for w in report.declared] == [PROBLEM_LIST]
    assert report.to_json()["ok"] is True


# -- a repeal, a county narrowing to its own level, and a tightening ------------------------------

_CITE = Citation("fixture-local", "1", "本地条款")


class _Child:
    def __init__(self, jurisdiction: er.Jurisdiction) -> None:
        self.jurisdiction = jurisdiction

    @er.hookimpl
    def enforcerules_jurisdictions(self) -> list[er.Jurisdiction]:
        return [self.jurisdiction]


def _registry_with(**kw: object) -> er.Registry:
    registry = er.Registry()
    registry.register(_Child(er.Jurisdiction(id="child", name_zh="子", name_en="Child", parent="national", **kw)), name="child")  # type: ignore[arg-type]
    return registry


def test_a_repeal_is_a_declared_weakening_with_its_citation() -> None:
    registry = _registry_with(level=er.Level.CITY, repeals=(er.Repeal(HOURS, _CITE, "not adopted locally"),))
    w = never_weaker("child", "national", registry, max_examples=30, rule_ids=(HOURS,)).get(HOURS)
    assert (w.change, w.declared, w.child_citation) == ("repealed", True, _CITE)
    assert w.counterexample is not None and w.counterexample.child_status is None


def test_a_county_plan_binding_only_its_own_level_is_not_weaker() -> None:
    scope = er.Scope(er.Subject.UNIT, unit_kinds=(er.UnitKind.ENFORCEMENT,), levels=(er.Level.COUNTY, er.Level.TOWNSHIP))
    registry = _registry_with(level=er.Level.COUNTY, overrides=(er.Override(PROBLEM_LIST, er.Intent.REPLACE, _CITE, scope=scope),))
    report = never_weaker("child", "national", registry, max_examples=60)
    w = report.get(PROBLEM_LIST)
    assert w.parameters.verdict is Verdict.NOT_WEAKER and w.counterexample is None and report.ok


def test_a_province_dropping_lower_levels_is_weaker() -> None:
    scope = er.Scope(er.Subject.UNIT, unit_kinds=(er.UnitKind.ENFORCEMENT,), levels=(er.Level.PROVINCE,))
    registry = _registry_with(level=er.Level.PROVINCE, overrides=(er.Override(PROBLEM_LIST, er.Intent.TIGHTEN, _CITE, scope=scope),))
    w = never_weaker("child", "national", registry, max_examples=60).get(PROBLEM_LIST)
    assert w.fails and w.counterexample is not None and w.counterexample.child_status is None


def test_a_tightening_is_not_weaker_by_parameters_or_search() -> None:
    registry = _registry_with(level=er.Level.PROVINCE, overrides=(er.Override(HOURS, er.Intent.TIGHTEN, _CITE, params={"min_hours": 72}),))
    report = never_weaker("child", "national", registry, max_examples=60)
    assert report.ok and report.get(HOURS).parameters.verdict is Verdict.NOT_WEAKER
    assert report.get(HOURS).counterexample is None


# -- parameter comparisons, one kind at a time ---------------------------------------------------

def _rule(spec: object, scope: er.Scope | None = None, **kw: object) -> er.Rule:
    return er.Rule(id="x.y", title_zh="规则", title_en="Rule", citation=_CITE, spec=spec,
                   scope=scope or er.Scope(spec.subject), **kw)  # type: ignore[attr-defined]


def _direction(parent: object, child: object, **kw: object) -> set[Direction]:
    return {c.direction for c in compare_rules(_rule(parent), _rule(child), **kw).changes}  # type: ignore[arg-type]


CATS = (er.TrainingCategory.PUBLIC_LAW, er.TrainingCategory.BUSINESS)


@pytest.mark.parametrize(("parent", "child", "expected"), [
    (AnnualTrainingHours(60, CATS), AnnualTrainingHours(59.99, CATS), Direction.WEAKER),
    (AnnualTrainingHours(60, CATS), AnnualTrainingHours(60, (*CATS, er.TrainingCategory.POLITICAL_THEORY)), Direction.WEAKER),
    (AnnualTrainingHours(60, CATS, (CategoryMinimum(CATS[:1], 30),)), AnnualTrainingHours(60, CATS, (CategoryMinimum(CATS[:1], 20),)), Direction.WEAKER),
    (AnnualTrainingHours(60, CATS, (CategoryMinimum(CATS[:1], 30),)), AnnualTrainingHours(60, CATS), Direction.WEAKER),
    (AnnualTrainingHours(60, CATS), AnnualTrainingHours(60, CATS, (CategoryMinimum(CATS[:1], 30),)), Direction.STRONGER),
    (TaskDeadline("t", "2023年底前"), TaskDeadline("t", "2024年8月底前"), Direction.WEAKER),
    (TaskDeadline("t", "2024年6月底前"), TaskDeadline("t", "2024年6月前"), Direction.STRONGER),
    (TaskDeadline("t", "2023年底前"), TaskDeadline("t", "长期坚持"), Direction.WEAKER),
    (TaskDeadline("t", "2023年底前"), TaskDeadline("u", "2023年底前"), Direction.UNDECIDABLE),
    (RecurringCount("e", 2), RecurringCount("e", 1), Direction.WEAKER),
    (CertifiedHandling(min_certified=2), CertifiedHandling(min_certified=1), Direction.WEAKER),
    (CertifiedHandling(all_certified=True), CertifiedHandling(all_certified=False), Direction.WEAKER),
    (CertificateIssuance(require_training=True), CertificateIssuance(require_training=False), Direction.WEAKER),
    (CertificateWithdrawal(grace_days=30), CertificateWithdrawal(grace_days=60), Direction.WEAKER),
    (DesignationCount("pilot", er.Level.COUNTY, 1, 2), DesignationCount("pilot", er.Level.COUNTY, 0, 2), Direction.WEAKER),
    (DesignationCount("pilot", er.Level.COUNTY, 1, 2), DesignationCount("pilot", er.Level.COUNTY, 1, 3), Direction.WEAKER),
], ids=lambda v: type(v).__name__ if not isinstance(v, Direction) else v.value)
def test_each_kind_compares_its_parameters(parent: object, child: object, expected: Direction) -> None:
    assert _direction(parent, child) == {expected}


def test_2_1_2_deadline_readings_are_compared_under_the_same_policy() -> None:
    changes = compare_rules(_rule(TaskDeadline("t", "2024年6月前")), _rule(TaskDeadline("t", "2024年6月底前"))).changes
    assert [(c.parameter, c.direction) for c in changes] == [("deadline (strict reading)", Direction.WEAKER)]
    assert Deadline("2024年6月前").due(er.DeadlinePolicy()) == Deadline("2024年6月底前").due(er.DeadlinePolicy())


def test_scope_and_effective_period_narrowing_are_weaker() -> None:
    spec = RecurringCount("e", 1)
    wide, narrow = er.Scope(er.Subject.OFFICER), er.Scope(er.Subject.OFFICER, township=True)
    assert {c.direction for c in compare_rules(_rule(spec, wide), _rule(spec, narrow)).changes} == {Direction.WEAKER}
    shorter = er.Period(dt.date(2024, 1, 1), er.PLAN_PERIOD.end)
    verdict = compare_rules(_rule(spec), attrs.evolve(_rule(spec), effective=shorter))
    assert verdict.verdict is Verdict.WEAKER and verdict.changes[0].parameter == "effective"
