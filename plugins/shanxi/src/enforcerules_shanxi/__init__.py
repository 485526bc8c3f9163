"""Shanxi province (山西省): 《山西省提升行政执法质量三年行动计划实施方案（2023—2025年）》.

The plan implements 国办发〔2023〕27号 for the province, so the jurisdiction's
parent is ``national``: national rules apply unless the plan changes them.
See :mod:`.plan` for every row, and README.md for the list.
"""

from __future__ import annotations

from enforcerules import Jurisdiction, Level, hookimpl

from . import plan

__all__ = ["JURISDICTION", "enforcerules_jurisdictions"]

JURISDICTION = Jurisdiction(
    id="shanxi",
    name_zh="山西省",
    name_en="Shanxi Province",
    level=Level.PROVINCE,
    parent="national",
    documents=(plan.PLAN,),
    rules=plan.RULES,
    overrides=plan.OVERRIDES,
    declined=plan.DECLINED,
    named_bodies=plan.NAMED_BODIES,
    note="Implements 国办发〔2023〕27号; the plan text has no issue date (see plan.PLAN.note).",
)


@hookimpl
def enforcerules_jurisdictions() -> list[Jurisdiction]:
    return [JURISDICTION]
