"""docs/catalogue is generated from the installed plugins and must not be stale."""

from __future__ import annotations

from pathlib import Path

import enforcerules as er
from enforcerules.catalogue import render_catalogue

CATALOGUE = Path(__file__).resolve().parent.parent / "docs" / "catalogue"


def test_catalogue_pages_match_the_plugins() -> None:
    reg = er.Registry()
    expected = {f"{j.id}.md": render_catalogue(reg, j.id) for j in reg.jurisdictions()}
    actual = {p.name: p.read_text(encoding="utf-8") for p in CATALOGUE.glob("*.md") if p.name != "README.md"}
    stale = sorted(name for name in expected if actual.get(name) != expected[name])
    extra = sorted(set(actual) - set(expected))
    assert not stale and not extra, (
        f"stale catalogue pages {stale}, pages without a jurisdiction {extra}: "
        "run `enforcerules catalogue --out docs/catalogue`"
    )


def test_every_rule_of_every_jurisdiction_appears_with_its_quote() -> None:
    reg = er.Registry()
    for j in reg.jurisdictions():
        page = render_catalogue(reg, j.id)
        for rule in reg.rulebook(j.id):
            assert f"### `{rule.id}`" in page and rule.rule.citation.quote in page
