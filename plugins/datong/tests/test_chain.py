"""Datong's plan implements 国办发〔2023〕27号, 皖府法领办〔2023〕4号 and
淮府办〔2024〕1号. Only the first is modelled, so Datong's parent is national;
when anhui and huainan plugins exist, changing PARENT slots them in and no
Datong rule changes."""

from __future__ import annotations

import attrs

import enforcerules as er
import enforcerules_datong
import enforcerules_national
from enforcerules_datong import JURISDICTION, PARENT


class _Plugin:
    def __init__(self, *jurisdictions: er.Jurisdiction) -> None:
        self.jurisdictions = list(jurisdictions)

    @er.hookimpl
    def enforcerules_jurisdictions(self) -> list[er.Jurisdiction]:
        return self.jurisdictions


ANHUI = er.Jurisdiction(id="anhui", name_zh="安徽省", name_en="Anhui", level=er.Level.PROVINCE, parent="national")
HUAINAN = er.Jurisdiction(id="huainan", name_zh="淮南市", name_en="Huainan", level=er.Level.CITY, parent="anhui")


def _rules(book: er.Rulebook) -> dict[str, er.Rule]:
    return {r.id: r.rule for r in book}


def test_parent_is_one_constant_and_today_it_is_national(datong) -> None:
    assert PARENT == "national" and JURISDICTION.parent == PARENT
    assert datong.chain == ("national", "datong")


def test_installed_plugin_is_found_through_its_entry_point() -> None:
    registry = er.Registry()
    assert registry.plugin_of("datong") == "datong"
    assert registry.jurisdiction("datong") == JURISDICTION


def test_anhui_and_huainan_slot_in_by_changing_only_datongs_parent(datong) -> None:
    registry = er.Registry(discover=False)
    registry.register(enforcerules_national, name="national")
    registry.register(_Plugin(ANHUI, HUAINAN), name="fixtures")
    registry.register(_Plugin(attrs.evolve(JURISDICTION, parent="huainan")), name="datong")
    book = registry.rulebook("datong")
    assert book.chain == ("national", "anhui", "huainan", "datong")
    assert _rules(book) == _rules(datong)  # same ids, same specs, same citations
    for resolved in book:
        assert resolved.overridden_by == datong.get(resolved.id).overridden_by


def test_the_module_declares_exactly_the_jurisdiction_its_hook_returns() -> None:
    assert enforcerules_datong.enforcerules_jurisdictions() == [JURISDICTION]
