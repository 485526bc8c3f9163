"""Datong district (大通区), Huainan city, Anhui province:
《大通区提升行政执法质量三年行动计划实施方案（2023—2025年）》 (2024-03-25).

Not 大同市 in Shanxi. The plan implements, in order, the national plan
(国办发〔2023〕27号), Anhui's plan (皖府法领办〔2023〕4号) and Huainan's plan
(淮府办〔2024〕1号). Only the national plan is modelled, so Datong's parent is
``national`` for now; when ``anhui`` and ``huainan`` plugins exist, changing
:data:`PARENT` to ``"huainan"`` is the whole change — no Datong rule moves.
"""

from __future__ import annotations

from enforcerules import Jurisdiction, Level, hookimpl

from . import documents, plan

__all__ = ["JURISDICTION", "PARENT", "enforcerules_jurisdictions"]

#: The jurisdiction whose rulebook Datong's refines. "national" until the
#: Anhui (皖府法领办〔2023〕4号) and Huainan (淮府办〔2024〕1号) plans are modelled;
#: then "huainan".
PARENT = "national"

JURISDICTION = Jurisdiction(
    id="datong",
    name_zh="淮南市大通区",
    name_en="Datong district, Huainan, Anhui",
    level=Level.COUNTY,
    parent=PARENT,
    documents=documents.DOCUMENTS,
    rules=plan.RULES,
    overrides=plan.OVERRIDES,
    declined=plan.DECLINED,
    note=(
        "Implements 国办发〔2023〕27号, 皖府法领办〔2023〕4号 and 淮府办〔2024〕1号. The Anhui and "
        "Huainan texts are not available: they are listed among the documents as implemented but "
        "unmodelled, and the rulebook resolves national → datong until plugins for them exist."
    ),
)


@hookimpl
def enforcerules_jurisdictions() -> list[Jurisdiction]:
    return [JURISDICTION]
