"""Liaoning province: 《辽宁省提升行政执法质量三年行动实施方案（2023—2025年）》
辽政办发〔2023〕18号, on top of the national baseline."""

from __future__ import annotations

from enforcerules import Jurisdiction, Level, hookimpl

from . import plan
from .plan import TASKS

__all__ = ["JURISDICTION", "TASKS", "enforcerules_jurisdictions"]

JURISDICTION = Jurisdiction(
    id="liaoning",
    name_zh="辽宁省",
    name_en="Liaoning Province",
    level=Level.PROVINCE,
    parent="national",
    documents=(plan.PLAN,),
    rules=plan.RULES,
    overrides=plan.OVERRIDES,
    declined=plan.DECLINED,
    note=(
        "Each of the plan's 21 numbered tasks maps to rules in plan.TASKS. Tasks that restate a "
        "national obligation with the same content inherit the national rule; Liaoning's 责任单位 for "
        "them are in plan.TASKS rather than in an override, so the rule keeps citing the national text."
    ),
)


@hookimpl
def enforcerules_jurisdictions() -> list[Jurisdiction]:
    return [JURISDICTION]
