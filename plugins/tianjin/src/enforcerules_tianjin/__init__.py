"""Tianjin municipality (天津市): 《天津市贯彻落实〈提升行政执法质量三年行动计划（2023—2025年）〉实施方案》.

Tianjin is a 直辖市, a municipality directly under the central government
and a province-level region, so the jurisdiction has :attr:`Level.PROVINCE`
(its districts are county level). The plan implements 国办发〔2023〕27号,
so the parent is ``national``. See :mod:`.plan` for every row, and
README.md for the list.
"""

from __future__ import annotations

from enforcerules import Jurisdiction, Level, hookimpl

from . import plan

__all__ = ["JURISDICTION", "enforcerules_jurisdictions"]

JURISDICTION = Jurisdiction(
    id="tianjin",
    name_zh="天津市",
    name_en="Tianjin Municipality",
    level=Level.PROVINCE,  # 直辖市: province level
    parent="national",
    documents=(plan.PLAN,),
    rules=plan.RULES,
    overrides=plan.OVERRIDES,
    declined=plan.DECLINED,
    named_bodies=plan.NAMED_BODIES,
    note="直辖市 (municipality directly under the central government): province level; districts are county level.",
)


@hookimpl
def enforcerules_jurisdictions() -> list[Jurisdiction]:
    return [JURISDICTION]
