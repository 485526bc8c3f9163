"""An example jurisdiction plugin: a county that changes two national rules."""

from __future__ import annotations

import datetime as dt

from enforcerules import Intent, Jurisdiction, Level, Override, SourceDocument, hookimpl
from enforcerules.citation import citer

PLAN = SourceDocument(id="example-plan", title="示例县实施方案", issuer="示例县人民政府办公室", issued_on=dt.date(2024, 3, 1))
cite = citer(PLAN.id)

JURISDICTION = Jurisdiction(
    id="example_child",
    name_zh="示例县",
    name_en="Example county",
    level=Level.COUNTY,
    parent="national",
    documents=(PLAN,),
    overrides=(
        # Declared: a later problem list, cited and marked as a relaxation.
        Override("national.rectification.problem_list", Intent.RELAX,
                 cite("（3）", "2024年8月底前梳理形成突出问题清单"), params={"deadline": "2024年8月底前"}),
        # Not declared: fewer training hours, marked as if it tightened.
        Override("national.training.annual_hours", Intent.TIGHTEN,
                 cite("（1）", "执法人员每人每年培训不少于50学时"), params={"min_hours": 50}),
    ),
)


@hookimpl
def enforcerules_jurisdictions() -> list[Jurisdiction]:
    return [JURISDICTION]
