"""The declaration as a whole: metadata, quotes verbatim from the plan, provenance of
every override, inherited rules unchanged, and a README that lists every row (the
checks of :class:`enforcerules.testing.DeclarationChecks`)."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import enforcerules_shanxi as plugin
from enforcerules import Level
from enforcerules.testing import DeclarationChecks
from enforcerules_shanxi import plan

SOURCE = importlib.resources.files(plugin).joinpath("source.txt").read_text(encoding="utf-8")


def test_jurisdiction_is_a_province_under_national_with_an_undated_source() -> None:
    j = plugin.JURISDICTION
    assert (j.id, j.parent, j.level) == ("shanxi", "national", Level.PROVINCE)
    assert j.documents == (plan.PLAN,) and plan.PLAN.issued_on is None and "date" in plan.PLAN.note
    assert plan.PLAN.title in SOURCE.replace("\n", "")


class TestDeclaration(DeclarationChecks):
    jurisdiction = plugin.JURISDICTION
    inherited = plan.INHERITED
    source = SOURCE
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
