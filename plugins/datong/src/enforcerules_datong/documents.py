"""The documents of Datong's chain: its own plan, and the two it implements but we cannot model.

Datong's plan is issued "根据" the national plan (国办发〔2023〕27号, modelled by
the ``national`` plugin), Anhui's plan (皖府法领办〔2023〕4号) and Huainan's plan
(淮府办〔2024〕1号). The texts of the last two are not available to this
project: they are listed as sources Datong implements, and no rule is
attributed to them.
"""

from __future__ import annotations

import datetime as dt

from enforcerules import SourceDocument
from enforcerules.citation import citer

__all__ = ["ANHUI_PLAN", "DOCUMENTS", "HUAINAN_PLAN", "PLAN", "cite"]

PLAN = SourceDocument(
    id="datong-2024-plan",
    title="大通区提升行政执法质量三年行动计划实施方案（2023—2025年）",
    issuer="大通区人民政府办公室",
    number="",
    issued_on=dt.date(2024, 3, 25),
    note="印发通知无文号；任务以（1）—（45）编号，保障措施以三（一）—三（三）编号。",
)

ANHUI_PLAN = SourceDocument(
    id="wfflb-2023-4",
    title="安徽省提升行政执法质量三年行动计划实施方案（2023—2025年）",
    issuer="安徽省推进依法行政工作领导小组办公室",
    number="皖府法领办〔2023〕4号",
    note=(
        "Implemented by Datong's plan (cited in its preamble); text not available to this project, "
        "so no rule is modelled from it. A future 'anhui' plugin would hold its rules."
    ),
)

HUAINAN_PLAN = SourceDocument(
    id="hfb-2024-1",
    title="淮南市提升行政执法质量三年行动计划实施方案（2023—2025年）",
    issuer="淮南市人民政府办公室",
    number="淮府办〔2024〕1号",
    note=(
        "Implemented by Datong's plan (cited in its preamble); text not available to this project, "
        "so no rule is modelled from it. A future 'huainan' plugin would hold its rules."
    ),
)

#: Datong's own plan first, then the implemented-but-unmodelled documents.
DOCUMENTS = (PLAN, ANHUI_PLAN, HUAINAN_PLAN)

cite = citer(PLAN.id)
