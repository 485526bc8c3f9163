"""National baseline: 《提升行政执法质量三年行动计划（2023—2025年）》国办发〔2023〕27号."""

from __future__ import annotations

from enforcerules import Jurisdiction, hookimpl

from .plan import JURISDICTION

__all__ = ["JURISDICTION", "enforcerules_jurisdictions"]


@hookimpl
def enforcerules_jurisdictions() -> list[Jurisdiction]:
    return [JURISDICTION]
