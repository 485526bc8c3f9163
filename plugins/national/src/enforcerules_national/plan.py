"""国办发〔2023〕27号, clause by clause."""

from __future__ import annotations

import datetime as dt

from enforcerules import Declined, Rule, Scope, SourceDocument, Subject, TrainingCategory, UnitKind
from enforcerules.citation import citer
from enforcerules.kinds import AnnualTrainingHours, RecurringCount, TaskDeadline

PLAN = SourceDocument(
    id="gbf-2023-27",
    number="国办发〔2023〕27号",
    title="提升行政执法质量三年行动计划（2023—2025年）",
    issuer="国务院办公厅",
    issued_on=dt.date(2023, 8, 9),
)
cite = citer(PLAN.id)

TRAINING = Rule(
    id="national.training.annual_hours",
    title_zh="执法人员每人每年培训不少于60学时",
    title_en="At least 60 training hours per officer per year",
    citation=cite(
        "二（一）2",
        "在完成政治理论教育和党性教育学时的基础上，确保行政执法人员每人每年接受不少于60学时的公共法律知识、业务知识和行政执法技能培训",
    ),
    spec=AnnualTrainingHours(
        min_hours=60,
        counted=(TrainingCategory.PUBLIC_LAW, TrainingCategory.BUSINESS, TrainingCategory.ENFORCEMENT_SKILLS),
    ),
    scope=Scope(Subject.OFFICER),
    note="Political-theory hours are required on top and do not count towards the 60.",
)

PROBLEM_LIST = Rule(
    id="national.rectification.problem_list",
    title_zh="梳理形成突出问题清单",
    title_en="Compile the list of prominent enforcement problems",
    citation=cite("二（二）1", "各地区有关部门要于2023年底前梳理形成本地区各行政执法领域的突出问题清单"),
    spec=TaskDeadline(task="problem_list", deadline="2023年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=(UnitKind.ENFORCEMENT,)),
)

ANNUAL_ASSESSMENT = Rule(
    id="national.officers.annual_assessment",
    title_zh="行政执法人员年度考核",
    title_en="Annual assessment of every officer",
    citation=cite("二（一）3", "全面落实行政执法责任制，健全完善行政执法人员年度考核制度"),
    spec=RecurringCount(event="annual_assessment", min_count=1, label_zh="年度考核", label_en="annual assessment"),
    scope=Scope(Subject.OFFICER),
)

RULES = (TRAINING, PROBLEM_LIST, ANNUAL_ASSESSMENT)

#: Rows of the national plan deliberately not modelled, with the reason.
DECLINED: tuple[Declined, ...] = ()
