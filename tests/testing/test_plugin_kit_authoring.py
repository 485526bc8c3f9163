"""The plugin kit as a newcomer uses it: run_rule on a facts file, a plugin that
declines nothing, example checks scoped to the plugin's own rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

import enforcerules as er
from enforcerules.testing import ExampleCoverage
from enforcerules.testing.plugin_kit import DeclarationChecks, run_rule

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HOURS = "national.training.annual_hours"


@pytest.mark.parametrize("as_path", [str, Path])
def test_run_rule_accepts_a_path_to_a_facts_file(as_path) -> None:
    book = er.load_rulebook("national")
    from_path = run_rule(book, HOURS, as_path(EXAMPLES / "national.json"), dt.date(2026, 11, 23))
    from_facts = run_rule(book, HOURS, er.load_facts(EXAMPLES / "national.json"), dt.date(2026, 11, 23))
    assert [(f.subject, f.period, f.status) for f in from_path] == [(f.subject, f.period, f.status) for f in from_facts]
    assert from_path


def test_run_rule_on_a_path_with_rejections_names_them() -> None:
    with pytest.raises(AssertionError, match="facts rejected"):
        run_rule(er.load_rulebook("national"), HOURS, EXAMPLES / "national-bad.json", dt.date(2026, 11, 23))


def test_a_plugin_that_declines_nothing_passes_the_declined_check() -> None:
    class NoDeclined(DeclarationChecks):
        jurisdiction = attrs.evolve(er.Registry().jurisdiction("tianjin"), declined=())

    NoDeclined().test_declined_rows_have_a_clause_and_a_reason()


def test_example_checks_scoped_to_own_rules_leave_inherited_rules_out() -> None:
    seen = ExampleCoverage.measure("tianjin", EXAMPLES / "tianjin.json", (dt.date(2026, 11, 23),))
    own = attrs.evolve(seen, own_only=True).checked()
    assert own and all(r.jurisdiction == "tianjin" for r in own)
    assert {r.id for r in seen.checked()} > {r.id for r in own}
