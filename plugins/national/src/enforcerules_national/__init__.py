"""National baseline: 《提升行政执法质量三年行动计划（2023—2025年）》国办发〔2023〕27号,
and the articles of 《行政处罚法》 the plans rely on."""

from __future__ import annotations

from enforcerules import Jurisdiction, Level, hookimpl

from . import cases, penalty_law, plan

__all__ = ["JURISDICTION", "enforcerules_jurisdictions"]

JURISDICTION = Jurisdiction(
    id="national",
    name_zh="全国",
    name_en="National",
    level=Level.NATIONAL,
    documents=(plan.PLAN, penalty_law.LAW),
    rules=(*plan.RULES, *cases.RULES, *penalty_law.RULES),
    declined=(*plan.DECLINED, *cases.DECLINED),
)


@hookimpl
def enforcerules_jurisdictions() -> list[Jurisdiction]:
    return [JURISDICTION]
