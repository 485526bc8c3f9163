"""辽政办发〔2023〕18号, task by task.

《辽宁省提升行政执法质量三年行动实施方案（2023—2025年）》 has 21 numbered
tasks, each closing with its 责任单位 and 完成时限. Every task is here:

- its 完成时限 is a :class:`~enforcerules.kinds.TaskDeadline` per stage
  ("2023年底前形成…清单，2024年11月底前取得阶段性成果" is two stages), or,
  where the stage restates a national obligation with the same content and
  date, the inherited national rule (e.g. task 7's "2023年底前行政裁量权基准
  普遍建立" is ``national.discretion.baselines``);
- what the task adds that facts can show is a further rule (task 16's yearly
  case-file review, task 7's citing of the discretion baseline);
- what it changes in a national rule is an :class:`~enforcerules.Override`
  (:data:`OVERRIDES`); what cannot be checked is in :data:`DECLINED`.
  Where a task names which Liaoning bodies carry out a national task (task
  14), the national rule stays inherited and a Liaoning rule with the same
  task key binds those bodies; task 8's 首违不罚 field limit is Liaoning's own
  rule (``liaoning.task08.first_violation_tolerance``), not an override of
  《行政处罚法》 art. 33, whose discretion a provincial plan cannot narrow.

:data:`TASKS` maps each task number to its 责任单位, its 完成时限 as written
and the ids of the rules that carry it in the resolved rulebook.

Who a rule binds: the task's 责任单位 are provincial units, and task 1 adds
"以下均需各市政府、省沈抚示范区管委会落实，不再列出", so every task also binds
the cities, which carry it out through their own departments. Task rules
therefore bind units at province and city level of the kinds the provincial
责任单位 name: 省直…行政执法部门 and 省市场监管局 → enforcement units, 省司法厅
→ justice units, 省财政厅, 省人力资源社会保障厅 and 省营商局（省大数据局） →
government units: the library has no kind for a government's general
departments, so a government unit (辽宁省人民政府, a city government) answers
for its finance, human-resources and business-environment departments; give
those departments their own government units only if national rules binding
governments ("各地区") should bind them too. 各市政府 and 省沈抚示范区管委会 add
no kind of their own: a city answers through its units of those kinds.
County and township units are bound only where the task's own text
addresses them ("各级行政执法部门" in tasks 1 and 10; task 2's training plan;
task 16's yearly case-file review); every task rule's note says which levels
it binds and why. A unit shows a stage done with a task report of the rule's
task key; a standing ("持续推进") task is compliant once activity is reported
and pending until then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from enforcerules import Declined, Intent, Level, Override, Period, Rule, Scope, SourceDocument, Subject, UnitKind
from enforcerules.citation import citer
from enforcerules.kinds import CaseProcedure, PenaltyDisposition, ProcedureRequirement, RecurringCount, TaskDeadline

__all__ = [
    "CITY_IMPLEMENTERS",
    "DECLINED",
    "FIRST_VIOLATION_EXCLUDED_DOMAINS",
    "FIRST_VIOLATION_EXCLUDED_FIELDS",
    "OVERRIDES",
    "PLAN",
    "RULES",
    "TASKS",
    "Task",
]

ISSUED_ON = dt.date(2023, 12, 10)

PLAN = SourceDocument(
    id="lzbf-2023-18",
    number="辽政办发〔2023〕18号",
    title="辽宁省提升行政执法质量三年行动实施方案（2023—2025年）",
    issuer="辽宁省人民政府办公厅",
    issued_on=ISSUED_ON,
    note="辽宁省人民政府办公厅关于印发《辽宁省提升行政执法质量三年行动实施方案（2023—2025年）》的通知，2023年12月10日",
)
cite = citer(PLAN.id)

#: Task 1: "以下均需各市政府、省沈抚示范区管委会落实，不再列出".
CITY_IMPLEMENTERS: tuple[str, ...] = ("各市政府", "省沈抚示范区管委会")

#: Rules declared here bind from the plan's issue day to the end of 2025.
ISSUED_TO_END = Period(ISSUED_ON, dt.date(2025, 12, 31))
_FIRST_YEAR_NOTE = (
    "First year: the library's one first-year policy for yearly duties applies (enforcerules.FirstYear, "
    "docs/deadlines-and-periods.md): by default the duty is judged from 2024, the first calendar year after "
    "the issue day 2023-12-10 (2023 facts are reported as out of period); "
    "load_rulebook('liaoning', first_year=FirstYear.ISSUE_YEAR) judges 2023 as well."
)

#: The kind of unit each 责任单位 is; ``None`` for the cities, which act through their units.
_KIND_OF_UNIT: Mapping[str, UnitKind | None] = {
    "省直各行政执法部门": UnitKind.ENFORCEMENT,
    "省直有关行政执法部门": UnitKind.ENFORCEMENT,
    "省市场监管局": UnitKind.ENFORCEMENT,
    "省司法厅": UnitKind.JUSTICE,
    "省财政厅": UnitKind.GOVERNMENT,
    "省人力资源社会保障厅": UnitKind.GOVERNMENT,
    "省营商局（省大数据局）": UnitKind.GOVERNMENT,
    "各市政府": None,
    "省沈抚示范区管委会": None,
}
_PROVINCE_AND_CITIES = (Level.PROVINCE, Level.CITY)


def responsible_scope(responsible: tuple[str, ...]) -> Scope:
    """Units at province and city level of the kinds the 责任单位 name."""
    named = {_KIND_OF_UNIT[name] for name in responsible}
    kinds = sorted((k for k in named if k is not None), key=lambda k: k.value)
    return Scope(Subject.UNIT, unit_kinds=tuple(kinds), levels=_PROVINCE_AND_CITIES)


@attrs.frozen
class Task:
    """One numbered task: its 责任单位 and 完成时限 as written, and its rules."""

    number: int
    title_zh: str
    responsible: tuple[str, ...]
    deadline: str
    rule_ids: tuple[str, ...]

    @property
    def implementers(self) -> tuple[str, ...]:
        """The 责任单位 plus the cities task 1 makes implement every task."""
        return self.responsible + tuple(c for c in CITY_IMPLEMENTERS if c not in self.responsible)


_SE = "省直各行政执法部门"
_SJ = "省司法厅"
_SJ_SE = (_SJ, _SE)

#: 责任单位 of each task, split into unit names exactly as the plan writes them.
RESPONSIBLE: Mapping[int, tuple[str, ...]] = {
    1: (_SE, *CITY_IMPLEMENTERS),
    2: _SJ_SE,
    3: (_SE,),
    4: _SJ_SE,
    5: _SJ_SE,
    6: _SJ_SE,
    7: _SJ_SE,
    8: _SJ_SE,
    9: (_SJ, "省市场监管局", _SE),
    10: _SJ_SE,
    11: ("省营商局（省大数据局）", _SJ, "省直有关行政执法部门"),
    12: (_SE,),
    13: _SJ_SE,
    14: _SJ_SE,
    15: (_SJ, "省营商局（省大数据局）", _SE),
    16: (_SJ, "省人力资源社会保障厅", _SE),
    17: (_SJ, "省市场监管局", "省营商局（省大数据局）", _SE),
    18: (_SE,),
    19: _SJ_SE,
    20: ("省财政厅", "省人力资源社会保障厅", _SE),
    21: ("省财政厅",),
}

#: 完成时限 of each task, as written.
DEADLINE_AS_WRITTEN: Mapping[int, str] = {
    1: "持续推进",
    2: "2024年6月底前完成行政执法队伍的全员轮训并持续推进",
    3: "持续推进",
    4: "持续推进",
    5: "2024年底前取得阶段性成果并持续推进",
    6: "2023年底前形成行政执法突出问题清单，2024年11月底前取得阶段性成果并持续推进",
    7: "2023年底前行政裁量权基准普遍建立并推进实施",
    8: "2024年底前形成行政执法“四张清单”典型案例并持续推进",
    9: "2024年底前取得阶段性成果",
    10: "持续推进",
    11: "2024年底前完成评估工作并持续推进",
    12: "2024年底前取得阶段性成果并持续推进",
    13: "2025年底前取得阶段性成果并持续推进",
    14: "2024年底前完成",
    15: "2025年底前完成并持续推进",
    16: "持续推进",
    17: "2024年底前完成",
    18: "持续推进",
    19: "持续推进",
    20: "持续推进",
    21: "持续推进",
}


_BOUND = (
    "Bound: units at province and city level of the kinds the 责任单位 name (the provincial 责任单位, "
    "and the cities by task 1's '以下均需各市政府、省沈抚示范区管委会落实'); {why}"
)
#: Why a task rule binds no unit below the city, unless the task says otherwise.
_NOT_BELOW_CITY = "the task's text addresses no county or township body, so units below the city are not bound."


def task_rule(
    number: int,
    name: str,
    title_zh: str,
    title_en: str,
    quote: str,
    *,
    task: str,
    deadline: str,
    scope: Scope | None = None,
    note: str = "",
    below_city: str = _NOT_BELOW_CITY,
) -> Rule:
    """The rule for one stage of a task's 完成时限: its units report ``task`` by ``deadline``.

    Without *scope* the rule binds the 责任单位's kinds at province and city
    level, and its note ends with *below_city*: why no lower level is bound.
    A rule given its own *scope* explains it in *note*.
    """
    responsible = RESPONSIBLE[number]
    if scope is None:
        note = " ".join(t for t in (note, _BOUND.format(why=below_city)) if t)
    return Rule(
        id=f"liaoning.task{number:02d}.{name}",
        title_zh=title_zh,
        title_en=title_en,
        citation=cite(str(number), quote),
        spec=TaskDeadline(task=task, deadline=deadline),
        scope=scope or responsible_scope(responsible),
        effective=ISSUED_TO_END,
        responsible=responsible,
        note=note,
    )


def yearly_rule(
    number: int, name: str, title_zh: str, title_en: str, quote: str, *, event: str, label_zh: str, label_en: str, scope: Scope, note: str,
    verb_zh: str = "开展", measure_zh: str = "次",
) -> Rule:
    """A duty repeated every year: at least one ``event`` per unit per calendar year."""
    return Rule(
        id=f"liaoning.task{number:02d}.{name}",
        title_zh=title_zh,
        title_en=title_en,
        citation=cite(str(number), quote),
        spec=RecurringCount(event=event, min_count=1, label_zh=label_zh, label_en=label_en, verb_zh=verb_zh, measure_zh=measure_zh),
        scope=scope,
        effective=ISSUED_TO_END,
        responsible=RESPONSIBLE[number],
        note=f"{note} {_FIRST_YEAR_NOTE}",
    )


_STANDING_NOTE = (
    "完成时限 '持续推进' is a standing duty with no date: compliant once the unit reports activity "
    "(task report '{task}'), pending until then; it can never be late."
)


def standing(
    number: int, name: str, title_zh: str, title_en: str, quote: str, *, task: str, note: str = "", **bound: Any
) -> Rule:
    """A task whose 完成时限 is "持续推进"; *bound*: ``scope`` or ``below_city`` as for :func:`task_rule`."""
    text = _STANDING_NOTE.format(task=task) + (f" {note}" if note else "")
    return task_rule(number, name, title_zh, title_en, quote, task=task, deadline="持续推进", note=text, **bound)


_ENFORCEMENT_ALL_LEVELS = Scope(Subject.UNIT, unit_kinds=(UnitKind.ENFORCEMENT,))
_ENFORCEMENT_JUSTICE_ALL_LEVELS = Scope(Subject.UNIT, unit_kinds=(UnitKind.ENFORCEMENT, UnitKind.JUSTICE))
_PROVINCIAL_ENFORCEMENT = Scope(Subject.UNIT, unit_kinds=(UnitKind.ENFORCEMENT,), levels=(Level.PROVINCE,))
_PROVINCIAL_JUSTICE = Scope(Subject.UNIT, unit_kinds=(UnitKind.JUSTICE,), levels=(Level.PROVINCE,))

# == 二（一） 全面提升行政执法人员能力素质 =========================================

POLITICAL_CAPABILITY = standing(
    1,
    "political_capability",
    "加强政治能力建设",
    "Build political capability of the enforcement workforce",
    "1. 加强政治能力建设。各级行政执法部门要把加强党的政治建设放在首位……完成时限：持续推进",
    task="political_capability",
    scope=_ENFORCEMENT_ALL_LEVELS,
    note=(
        "'各级行政执法部门' binds enforcement units at every level, county and township units included "
        "(the 责任单位 省直各行政执法部门 and the cities' units are among them)."
    ),
)

# Task 2: 60 hours a year (national.training.annual_hours) and township officers'
# higher-level training (national.training.township_higher_level) are inherited;
# the rotation deadline is overridden (OVERRIDES).
ANNUAL_TRAINING_PLAN = yearly_rule(
    2,
    "annual_training_plan",
    "合理制定年度法律知识培训计划",
    "A yearly legal-knowledge training plan of each enforcement department",
    "各级行政执法部门要将法律知识培训考核、业务培训和执法技能竞赛作为提升行政执法人员业务能力水平的重要抓手，合理制定年度法律知识培训计划，明确学时要求",
    event="annual_training_plan",
    label_zh="年度法律知识培训计划",
    verb_zh="制定",
    measure_zh="份",
    label_en="yearly legal-knowledge training plan",
    scope=_ENFORCEMENT_ALL_LEVELS,
    note=(
        "'各级行政执法部门' binds enforcement units at every level; one event 'annual_training_plan' (subject: the "
        "unit) per calendar year shows the year's plan made. '明确学时要求' (setting the hours) is content "
        "of the plan the facts do not carry."
    ),
)

POST_DRILLS = standing(
    3,
    "post_drills",
    "开展行政执法岗位练兵",
    "Hold on-the-job enforcement drills and skill contests",
    "3. 开展行政执法岗位练兵。围绕行政执法活动全过程……完成时限：持续推进",
    task="post_drills",
)

# Task 4: "未取得行政执法证件的人员不得独立从事行政执法工作" is inherited
# (national.certificates.independent_enforcement); suspension and withdrawal of
# certificates for failing duties is declined (DECLINED).
CERTIFICATE_MANAGEMENT = standing(
    4,
    "certificate_management",
    "强化行政执法人员资格管理",
    "Strengthen qualification and certificate management of officers",
    "4. 强化行政执法人员资格管理。严格落实行政执法人员资格管理和持证上岗制度……建立健全行政执法人员证件管理制度……完成时限：持续推进",
    task="certificate_management",
    note=(
        "Covers the daily-assessment system (日常考核制度) and the certificate-management system, which "
        "have no date or frequency; the national annual assessment (national.officers.annual_assessment) "
        "stays inherited."
    ),
)

# == 二（二） 全面推进严格规范公正文明执法 =========================================

THREE_SYSTEMS = task_rule(
    5,
    "staged_results",
    "全面落实行政执法“三项制度”取得阶段性成果",
    "Three enforcement systems fully implemented: staged results",
    "5. 全面落实行政执法“三项制度”。严格执行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度……完成时限：2024年底前取得阶段性成果并持续推进",
    task="three_systems_staged_results",
    deadline="2024年底前",
    note=(
        "The dated stage of the 完成时限; a unit reports 'three_systems_staged_results'. Legal review "
        "before major decisions, case by case, is the inherited national.cases.legal_review."
    ),
    below_city=(
        "county units are where the task's inspections focus ('以市县级行政执法部门为重点，开展…督导检查'), "
        "as their object, not as 责任单位, so units below the city are not bound."
    ),
)

# Task 6: the problem list by end of 2023 is inherited
# (national.rectification.problem_list: same subject, same date).
RECTIFICATION_STAGED = task_rule(
    6,
    "staged_results",
    "行政执法突出问题整治取得阶段性成果",
    "Rectification of prominent enforcement problems: staged results",
    "6. 常态化开展行政执法突出问题整治……完成时限：2023年底前形成行政执法突出问题清单，2024年11月底前取得阶段性成果并持续推进",
    task="rectification_staged_results",
    deadline="2024年11月底前",
    note=(
        "Second stage of task 6 (the first, the problem list by 2023年底前, is the inherited "
        "national.rectification.problem_list). A unit reports 'rectification_staged_results'."
    ),
    below_city=(
        "the problem list of '各地区有关部门' is the inherited national rule, which binds every level; the "
        "staged results of the task as a whole are the 责任单位's and the cities', so units below the city "
        "are not bound by this rule."
    ),
)

RECTIFICATION_SUPERVISION = task_rule(
    6,
    "special_supervision",
    "省司法厅牵头对各地区集中整治情况开展专项监督并向省政府报告",
    "Provincial justice department supervises the rectification campaigns and reports to the provincial government",
    "省司法厅要牵头组织有关地方和部门对各地区集中整治情况开展专项监督，并将专项监督情况向省政府报告",
    task="rectification_special_supervision",
    deadline="2024年11月底前",
    scope=_PROVINCIAL_JUSTICE,
    note=(
        "'适时' qualifies the 集中整治 (the campaigns, held when appropriate), not this supervision, which "
        "the 完成时限 dates with the task's stage: 2024年11月底前取得阶段性成果. The province's justice "
        "department (牵头) reports 'rectification_special_supervision' once the supervision is done and "
        "reported to the provincial government."
    ),
)

QUALITY_EVALUATION = yearly_rule(
    6,
    "quality_evaluation",
    "省直行政执法部门每年开展行政执法质效评估",
    "Provincial enforcement departments evaluate enforcement quality every year",
    "省直行政执法部门每年开展行政执法质效评估，梳理存在的问题，及时纠正偏差",
    event="enforcement_quality_evaluation",
    label_zh="行政执法质效评估",
    label_en="enforcement quality evaluation",
    scope=_PROVINCIAL_ENFORCEMENT,
    note="Binds enforcement units at province level; one event 'enforcement_quality_evaluation' per calendar year.",
)

# Task 7: baselines by end of 2023 are inherited (national.discretion.baselines).
CITES_DISCRETION_BASELINE = Rule(
    id="liaoning.task07.cites_discretion_baseline",
    title_zh="行政执法告知书和决定书引用裁量权基准并说明理由",
    title_en="Penalty notices and decisions cite the discretion baseline and give reasons",
    citation=cite("7", "在行政执法告知书和决定书中要引用裁量权基准并适当说明理由"),
    spec=CaseProcedure(requirement=ProcedureRequirement.CITES_DISCRETION_BASELINE),
    scope=Scope(Subject.CASE),
    effective=ISSUED_TO_END,
    responsible=RESPONSIBLE[7],
    note=(
        "Checked per penalty case from the case's 'cites_discretion_baseline' flag (the notice and the "
        "decision cite the baseline). Whether the reasons given are adequate ('适当说明理由') is a "
        "judgement the facts do not carry. Cases decided before the plan's issue day are out of period."
    ),
)

FOUR_LISTS_TYPICAL_CASES = task_rule(
    8,
    "typical_cases",
    "形成行政执法“四张清单”典型案例",
    "Typical cases of the four enforcement lists compiled",
    "要总结提炼典型案例和经验做法……完成时限：2024年底前形成行政执法“四张清单”典型案例并持续推进",
    task="four_lists_typical_cases",
    deadline="2024年底前",
    note=(
        "The four lists (不予行政处罚、从轻行政处罚、减轻行政处罚、不予实施行政强制措施) themselves have "
        "no date: the dated obligation is the typical cases. A unit reports 'four_lists_typical_cases'."
    ),
)

#: Task 8: "不涉及生命健康、公共安全、生态环保等领域" — what each named domain covers, as
#: ``Case.field`` values. Which enforcement fields "涉及" a domain is the library's reading
#: (the plan names the domains, not the fields); "等领域" leaves the list open, so override
#: ``first_violation_excluded_fields`` to add a province's own. A case whose field is
#: recorded only as a broad department (``market_regulation``) is not excluded: record the
#: precise field (``food_safety``) to have it excluded.
FIRST_VIOLATION_EXCLUDED_DOMAINS: dict[str, tuple[str, ...]] = {
    # 生命健康
    "life_health": ("life_health", "food_safety", "drug_administration", "medical_devices", "cosmetics",
                    "public_health", "health", "medical_services", "infectious_disease_control"),
    # 公共安全
    "public_safety": ("public_safety", "work_safety", "emergency_management", "fire_safety", "special_equipment",
                      "hazardous_chemicals", "road_traffic_safety", "construction_safety", "mine_safety"),
    # 生态环保
    "ecology_environment": ("ecology_environment", "environmental_protection", "natural_resources",
                            "water_resources", "forestry_grassland", "wildlife_protection"),
}
#: Every case field task 8 leaves out of its 容错免罚 mechanism.
FIRST_VIOLATION_EXCLUDED_FIELDS: tuple[str, ...] = tuple(
    sorted({field for fields in FIRST_VIOLATION_EXCLUDED_DOMAINS.values() for field in fields})
)

FIRST_VIOLATION_TOLERANCE = Rule(
    id="liaoning.task08.first_violation_tolerance",
    title_zh="对不涉及生命健康、公共安全、生态环保等领域的首次轻微违法行为实施容错免罚机制",
    title_en="First-violation tolerance (首违不罚) outside life and health, public safety, ecology and environment",
    citation=cite(
        "8",
        "全面落实“首违不罚”制度，对不涉及生命健康、公共安全、生态环保等领域的首次轻微违法行为实施容错免罚机制",
    ),
    spec=PenaltyDisposition(first_violation_excluded_fields=FIRST_VIOLATION_EXCLUDED_FIELDS),
    scope=Scope(Subject.CASE),
    effective=ISSUED_TO_END,
    responsible=RESPONSIBLE[8],
    note=(
        "Liaoning's 容错免罚 mechanism, for cases decided in the plan period (2023-12-10..2025-12-31; "
        "cases decided before or after are out_of_period). It applies 《行政处罚法》 art. 33 with para. 1 "
        "sentence 2 (首违不罚) outside the three domains only — life_health, public_safety and "
        "ecology_environment and the case fields each covers (FIRST_VIOLATION_EXCLUDED_DOMAINS: food "
        "safety, drugs, public health, work safety, fire, special equipment, natural resources…): in those fields a first minor violation is not_applicable here (the mechanism does not "
        "reach it); elsewhere a penalised one is compliant (discretion) and an unpenalised one exempt. "
        "Statutory discretion is untouched: national.penalty_law.art33 stays inherited and still lets an "
        "authority spare, or penalise, a first minor violation in those fields, since a provincial plan "
        "cannot withdraw the statute's '可以不予行政处罚'; without lists this rule finds nothing unlawful "
        "that art. 33 allows. Its bite comes with Liaoning's published 首违不罚 and 不予处罚 lists, "
        "supplied in 'lists' by an override of this rule: their entries then apply only outside the "
        "excluded fields. The statute's shall-not grounds (sentence 1, para. 2) are evaluated here as in "
        "art. 33, so a case penalised against them shows under both rules. '等领域' leaves the fields "
        "open: the mapping is the default; override 'first_violation_excluded_fields' to add others."
    ),
)

ENFORCEMENT_MECHANISMS = task_rule(
    9,
    "staged_results",
    "健全完善行政执法工作机制取得阶段性成果",
    "Enforcement working mechanisms improved: staged results",
    "9. 健全完善行政执法工作机制。依法健全以信用为基础的新型执法机制……完成时限：2024年底前取得阶段性成果",
    task="enforcement_mechanisms_staged_results",
    deadline="2024年底前",
)

# == 二（三） 健全完善行政执法工作体系 =============================================

ENFORCEMENT_REFORM = standing(
    10,
    "system_reform",
    "协调推进行政执法体制改革",
    "Coordinate reform of the enforcement system; keep item catalogues adjusted",
    "10. 协调推进行政执法体制改革。各级司法行政部门要在本级党委、政府的领导下……督促指导各级行政执法部门动态调整本部门行政执法事项目录……完成时限：持续推进",
    task="enforcement_system_reform",
    scope=_ENFORCEMENT_JUSTICE_ALL_LEVELS,
    note=(
        "'各级司法行政部门' (the reform's legal coordination) and '各级行政执法部门' (adjusting their item "
        "catalogues) bind justice and enforcement units at every level. The national deadline for each "
        "department's item catalogue (national.catalogue.item_catalogue, 2024年底前) stays inherited."
    ),
)

# Task 11: the evaluation of delegated items by end of 2024 is inherited
# (national.delegation.evaluation).
DELEGATION_REPORT = task_rule(
    11,
    "evaluation_report",
    "赋权事项评估形成书面材料同步报送同级司法行政部门和营商环境建设部门",
    "Written report of the evaluation of delegated items, sent to the justice and business-environment departments",
    "对已经下放乡镇、街道的行政执法事项至少进行一次评估，评估过程、结果及改进举措应当形成书面材料同步报送同级司法行政部门和营商环境建设部门",
    task="delegation_evaluation_report",
    deadline="2024年底前",
    scope=_PROVINCIAL_ENFORCEMENT,
    note=(
        "Binds the provincial enforcement departments that evaluate ('省直有关行政执法部门'); supply only the "
        "departments with delegated items, or narrow the scope by field. '同步' (together with the "
        "evaluation) is read as by the evaluation's own deadline, 2024年底前."
    ),
)

JOINT_ENFORCEMENT = task_rule(
    12,
    "staged_results",
    "加强联合执法和协作执法取得阶段性成果",
    "Joint and cooperative enforcement strengthened: staged results",
    "12. 加强联合执法和协作执法。强化对联合执法和协作执法的统筹协调……完成时限：2024年底前取得阶段性成果并持续推进",
    task="joint_enforcement_staged_results",
    deadline="2024年底前",
    below_city=(
        "the text itself divides the work between '省级行政执法部门' (cross-city mechanisms) and '各市' "
        "(within each city), so units below the city are not bound."
    ),
)

# == 二（四） 强化行政执法协调监督 =================================================

SUPERVISION_RULES = task_rule(
    13,
    "staged_results",
    "完善行政执法监督制度取得阶段性成果",
    "Enforcement-supervision rules improved: staged results",
    "13. 完善行政执法监督制度。按照国家关于行政执法监督的相关规定……加快推进《辽宁省行政执法监督规定》的修订……完成时限：2025年底前取得阶段性成果并持续推进",
    task="supervision_rules_staged_results",
    deadline="2025年底前",
)

# Task 14: the governments' system by end of 2024 is the inherited
# national.supervision.four_level_system; the task's 责任单位 are bound by a rule
# of their own with the same task key and date.
SUPERVISION_SYSTEM = task_rule(
    14,
    "supervision_system",
    "基本建成省市县乡全覆盖的行政执法协调监督工作体系",
    "Coordination and supervision system covering province, city, county and township basically built",
    "基本建成比较完善的省市县乡全覆盖的行政执法协调监督工作体系……完成时限：2024年底前完成",
    task="supervision_system",
    deadline="2024年底前",
    note=(
        "The task's 责任单位 (省司法厅、省直各行政执法部门) build the system by '2024年底前完成'; a unit reports "
        "'supervision_system', the task key of the inherited national.supervision.four_level_system, "
        "which keeps binding the governments with the same date."
    ),
    below_city=(
        "the system covers '省市县乡', but building it is the 责任单位's and the cities' task; county "
        "governments stay bound by the inherited national rule, and units below the city are not bound by this rule."
    ),
)

SUPERVISION_METHODS = task_rule(
    15,
    "completed",
    "创新行政执法监督方式",
    "New methods of enforcement supervision in place",
    "15. 创新行政执法监督方式。县级以上司法行政部门要制定年度行政执法监督工作方案……完成时限：2025年底前完成并持续推进",
    task="supervision_methods",
    deadline="2025年底前",
    note="The yearly supervision work plan itself is the inherited national.supervision.annual_plan.",
    below_city=(
        "the sentences addressed to '县级以上' bodies are the inherited national.supervision.annual_plan "
        "(justice units at every local level above township), and the '各级行政执法部门' reporting to the "
        "justice department is declined ('定期' has no frequency); completing the task as a whole is the "
        "责任单位's and the cities', so units below the city are not bound by this rule."
    ),
)

SUPERVISION_RESULTS = standing(
    16,
    "use_of_results",
    "强化行政执法监督结果运用",
    "Use the results of enforcement supervision",
    "16. 强化行政执法监督结果运用。建立完善常态化行政执法评议考核机制……完成时限：持续推进",
    task="supervision_results",
    below_city=(
        "the yearly case-file review that '各地区、各部门' hold is liaoning.task16.case_file_review, which "
        "binds every level; the rest of the task is the 责任单位's and the cities', so units below the "
        "city are not bound by this rule."
    ),
)

CASE_FILE_REVIEW = yearly_rule(
    16,
    "case_file_review",
    "每年至少集中组织一次行政执法案卷评查活动",
    "At least one centralised case-file review a year",
    "各地区、各部门每年至少集中组织一次行政执法案卷评查活动",
    event="case_file_review",
    label_zh="集中行政执法案卷评查",
    label_en="centralised case-file review",
    scope=Scope(Subject.UNIT, unit_kinds=(UnitKind.ENFORCEMENT, UnitKind.JUSTICE)),
    note=(
        "'各部门' are the enforcement departments; '各地区' organise reviews through their justice "
        "departments, so justice units at every level are bound too. One event 'case_file_review' "
        "(subject: the unit) per calendar year; reviews beyond the first are not required."
    ),
)

# == 二（五） 加强行政执法信息化保障 ===============================================

DATA_AGGREGATION = task_rule(
    17,
    "data_aggregation",
    "按目录将行政执法数据统一汇聚至省政务信息共享交换平台",
    "Enforcement data catalogued and aggregated on the provincial sharing platform",
    "推进执法信息归集共享和关联整合，全量编制数据目录，并按目录将数据统一汇聚至省政务信息共享交换平台……完成时限：2024年底前完成",
    task="provincial_data_aggregation",
    deadline="2024年底前",
    note="The national database by 2025年底前 (national.data.national_database) binds the national justice unit and stays inherited.",
    below_city=(
        "'全省各级行政执法部门' are the users of the platform the task builds, not its builders, so units "
        "below the city are not bound."
    ),
)

OFF_SITE_SUPERVISION = standing(
    18,
    "off_site_supervision",
    "探索非现场监管模式",
    "Explore off-site supervision",
    "18. 探索非现场监管模式。探索运用互联网、大数据、人工智能等技术手段……完成时限：持续推进",
    task="off_site_supervision",
)

# == 二（六） 不断强化行政执法保障能力 =============================================

TEAM_BUILDING = standing(
    19,
    "team_building",
    "加强队伍建设",
    "Build the enforcement workforce",
    "19. 加强队伍建设。根据行政执法部门所承担的执法职责和工作任务，合理配备行政执法力量……完成时限：持续推进",
    task="team_building",
)

RIGHTS_PROTECTION = standing(
    20,
    "rights_protection",
    "强化权益保障",
    "Protect officers' rights and interests",
    "20. 强化权益保障。健全行政执法责任追究、尽职免责机制……完成时限：持续推进",
    task="rights_protection",
)

FUNDING = standing(
    21,
    "funding",
    "加大财政支持力度",
    "Fund enforcement in the budget",
    "21. 加大财政支持力度。将行政执法工作经费、装备配备费用纳入本级政府财政预算，保证执法经费足额拨付……完成时限：持续推进",
    task="enforcement_funding",
    note="'本级政府财政预算': each government funds enforcement at its own level.",
    below_city=(
        "the task names the provincial finance department and, by task 1, the cities; county "
        "governments fund their own level but are not named, so they are not bound (widen the scope's "
        "levels to bind them)."
    ),
)

# == 三 组织保障 ===================================================================


def _closing(name: str, clause: str, title_zh: str, title_en: str, quote: str, *, task: str, deadline: str, note: str) -> Rule:
    effective = ISSUED_TO_END  # yearly ones start per enforcerules.FirstYear
    return Rule(
        id=f"liaoning.closing.{name}",
        title_zh=title_zh,
        title_en=title_en,
        citation=cite(clause, quote),
        spec=TaskDeadline(task=task, deadline=deadline),
        scope=_PROVINCIAL_JUSTICE,
        effective=effective,
        responsible=(_SJ,),
        note=note,
    )


ANNUAL_REPORT = _closing(
    "annual_report",
    "三（二）",
    "每年年底前向省政府报告任务完成情况",
    "Report task completion to the provincial government before the end of every year",
    "省司法厅要建立常态化工作推进机制，组织相关部门对各地区、各部门的实施情况进行监测、评估，清单化管理、定期调度，每年年底前向省政府报告任务完成情况",
    task="annual_completion_report",
    deadline="每年年底前",
    note=(
        "Binds the provincial justice department; one task report 'annual_completion_report' dated in a "
        "year, by 31 December, is that year's report. " + _FIRST_YEAR_NOTE
    ),
)

MIDTERM_EVALUATION = _closing(
    "midterm_evaluation",
    "三（末段）",
    "完成中期评估",
    "Mid-term evaluation completed",
    "省司法厅要会同各有关方面加强对本方案实施情况的指导监督和跟踪分析……2024年10月底前完成中期评估",
    task="midterm_evaluation",
    deadline="2024年10月底前",
    note="The closing paragraph after 三（三）; binds the provincial justice department, which reports 'midterm_evaluation'.",
)

FINAL_EVALUATION = _closing(
    "final_evaluation",
    "三（末段）",
    "完成终期评估",
    "Final evaluation completed",
    "省司法厅要会同各有关方面加强对本方案实施情况的指导监督和跟踪分析……2025年10月底前完成终期评估",
    task="final_evaluation",
    deadline="2025年10月底前",
    note="The closing paragraph after 三（三）; binds the provincial justice department, which reports 'final_evaluation'.",
)

RULES: tuple[Rule, ...] = (
    POLITICAL_CAPABILITY,
    ANNUAL_TRAINING_PLAN,
    POST_DRILLS,
    CERTIFICATE_MANAGEMENT,
    THREE_SYSTEMS,
    RECTIFICATION_STAGED,
    RECTIFICATION_SUPERVISION,
    QUALITY_EVALUATION,
    CITES_DISCRETION_BASELINE,
    FOUR_LISTS_TYPICAL_CASES,
    FIRST_VIOLATION_TOLERANCE,
    ENFORCEMENT_MECHANISMS,
    ENFORCEMENT_REFORM,
    DELEGATION_REPORT,
    JOINT_ENFORCEMENT,
    SUPERVISION_RULES,
    SUPERVISION_SYSTEM,
    SUPERVISION_METHODS,
    SUPERVISION_RESULTS,
    CASE_FILE_REVIEW,
    DATA_AGGREGATION,
    OFF_SITE_SUPERVISION,
    TEAM_BUILDING,
    RIGHTS_PROTECTION,
    FUNDING,
    ANNUAL_REPORT,
    MIDTERM_EVALUATION,
    FINAL_EVALUATION,
)

# == Overrides of national rules ===================================================

ROTATION = Override(
    "national.training.full_staff_rotation",
    intent=Intent.RELAX,
    citation=cite("2", "完成时限：2024年6月底前完成行政执法队伍的全员轮训并持续推进"),
    params={"deadline": "2024年6月底前"},
    responsible=RESPONSIBLE[2],
    note=(
        "Liaoning fixes the national '原则上于2024年6月前' as '2024年6月底前' (30 June 2024). Under the "
        "default reading of the national phrase (DeadlinePolicy month_before=BY_MONTH_END, also 30 June) "
        "the two are identical; under the strict reading (BEFORE_MONTH, 31 May) Liaoning's date is a "
        "month later, hence the declared intent RELAX. The phrase '6月底前' itself is unambiguous, so "
        "the policy no longer changes this rule's date. A unit reports 'full_staff_rotation'."
    ),
)

OVERRIDES: tuple[Override, ...] = (ROTATION,)

# == Task table ====================================================================

_TASK_RULES: Mapping[int, tuple[tuple[str, ...], str]] = {
    1: (("liaoning.task01.political_capability",), "加强政治能力建设"),
    2: (
        (
            "national.training.full_staff_rotation",
            "national.training.annual_hours",
            "national.training.township_higher_level",
            "liaoning.task02.annual_training_plan",
        ),
        "着力抓好业务培训",
    ),
    3: (("liaoning.task03.post_drills",), "开展行政执法岗位练兵"),
    4: (
        ("liaoning.task04.certificate_management", "national.certificates.independent_enforcement"),
        "强化行政执法人员资格管理",
    ),
    5: (("liaoning.task05.staged_results", "national.cases.legal_review"), "全面落实行政执法“三项制度”"),
    6: (
        (
            "national.rectification.problem_list",
            "liaoning.task06.staged_results",
            "liaoning.task06.special_supervision",
            "liaoning.task06.quality_evaluation",
        ),
        "常态化开展行政执法突出问题整治",
    ),
    7: (
        ("national.discretion.baselines", "liaoning.task07.cites_discretion_baseline"),
        "加快完善行政裁量权基准制度",
    ),
    8: (("liaoning.task08.typical_cases", "liaoning.task08.first_violation_tolerance"), "优化行政执法“四张清单”制度"),
    9: (("liaoning.task09.staged_results",), "健全完善行政执法工作机制"),
    10: (
        ("liaoning.task10.system_reform", "national.catalogue.item_catalogue", "national.catalogue.items_catalogued",
         "national.catalogue.item_cleanup"),
        "协调推进行政执法体制改革",
    ),
    11: (
        ("national.delegation.evaluation", "liaoning.task11.evaluation_report"),
        "依法推进乡镇、街道行政执法体制改革",
    ),
    12: (("liaoning.task12.staged_results",), "加强联合执法和协作执法"),
    13: (("liaoning.task13.staged_results",), "完善行政执法监督制度"),
    14: (
        ("liaoning.task14.supervision_system", "national.supervision.four_level_system"),
        "建立健全行政执法协调监督体系",
    ),
    15: (("liaoning.task15.completed", "national.supervision.annual_plan"), "创新行政执法监督方式"),
    16: (
        ("liaoning.task16.use_of_results", "liaoning.task16.case_file_review"),
        "强化行政执法监督结果运用",
    ),
    17: (("liaoning.task17.data_aggregation",), "推进行政执法信息化建设"),
    18: (("liaoning.task18.off_site_supervision",), "探索非现场监管模式"),
    19: (("liaoning.task19.team_building",), "加强队伍建设"),
    20: (("liaoning.task20.rights_protection",), "强化权益保障"),
    21: (("liaoning.task21.funding",), "加大财政支持力度"),
}

#: Task number → its 责任单位, 完成时限 as written, and the rule ids that carry it
#: (the first id is the rule for the task's first dated or standing stage).
TASKS: Mapping[int, Task] = {
    n: Task(n, title, RESPONSIBLE[n], DEADLINE_AS_WRITTEN[n], ids) for n, (ids, title) in _TASK_RULES.items()
}

# == Rows not modelled =============================================================

_NO_DATE = "The plan sets no date, number or frequency, so no fact could show it done late or not at all."
_TAIL = (
    "'并持续推进' continues the work after its dated stage without a date of its own; a standing rule "
    "would be satisfied by the same report as the dated stage and check nothing more."
)

#: Rows of the plan deliberately not modelled, with the reason.
DECLINED: tuple[Declined, ...] = (
    Declined("2, 5, 6, 8, 11, 12, 13, 15", "完成时限中的“并持续推进”", _TAIL),
    Declined(
        "2",
        "建立健全领导干部学法用法制度，落实并完善领导干部年终述法制度，用好领导干部在线学法平台",
        "Concerns leading cadres' study of law, which the facts format does not record; " + _NO_DATE,
    ),
    Declined(
        "2",
        "开展分类分级分层培训，鼓励开展情景式、带教式等新型培训；对承担多个部门行政执法事项人员的培训鼓励跨部门联合开展",
        "Forms of training, encouraged rather than required; " + _NO_DATE,
    ),
    Declined(
        "4",
        "对不履行、不适当履行或违法履行法定职责的行政执法人员，根据情况依法予以暂扣或收缴行政执法证件并进行离岗培训、调离执法岗位、取消执法资格等处理",
        "Not checkable with the existing kinds: CertificateWithdrawal checks officers who left the post, "
        "and no fact records that an officer failed a duty. The measure is chosen '根据情况' (by the "
        "circumstances) among several, and the plan sets no time limit, so no fact could show a "
        "required measure missing or late.",
    ),
    Declined(
        "4",
        "推行行政执法人员日常考核制度，考核结果作为职务职级调整、交流轮岗、奖励惩戒的重要依据",
        "'日常' (day-to-day) assessment has no frequency, and the use of results is a personnel decision "
        "the facts do not carry. The national annual assessment (national.officers.annual_assessment) "
        "stays inherited; task 4's standing rule covers the rest.",
    ),
    Declined(
        "5",
        "以市县级行政执法部门为重点开展“三项制度”督导检查；纳入法治建设考核指标体系",
        "Inspection and appraisal work without date or number; covered by the staged results by "
        "2024年底前 (liaoning.task05.staged_results). Publication and full-process recording are "
        "per-case facts the facts format does not carry (as nationally).",
    ),
    Declined(
        "6",
        "对照问题清单适时组织开展集中整治行动，集中整治情况报送本级司法行政部门汇总",
        "'适时' (when appropriate) and no date of its own; the dated result is liaoning.task06.staged_results "
        "(2024年11月底前). The supervision of the campaigns, which '适时' does not qualify, is "
        "liaoning.task06.special_supervision.",
    ),
    Declined(
        "7",
        "根据法律、法规、规章的立改废释以及机构改革等情况动态调整行政裁量权基准；裁量理由是否适当",
        "Adjustment is triggered by law changes the facts do not record; adequacy of reasons is a "
        "judgement. The citing of the baseline is liaoning.task07.cites_discretion_baseline.",
    ),
    Declined(
        "8",
        "建立行政执法“四张清单”（不予行政处罚、从轻行政处罚、减轻行政处罚、不予实施行政强制措施清单）动态调整机制",
        "The lists have no date of their own (the dated obligation is the typical cases, "
        "liaoning.task08.typical_cases). Liaoning's published lists are not in the project's data; "
        "their entries can be supplied as ExemptionList data: NO_PENALTY (不予行政处罚) and "
        "FIRST_MINOR_EXEMPT (首违不罚) lists in the 'lists' parameter of "
        "liaoning.task08.first_violation_tolerance, which applies task 8's field limit to them (or of "
        "national.penalty_law.art33, which does not); LIGHTER and MITIGATED (从轻、减轻行政处罚) lists in "
        "the 'lists' parameter of national.penalty_law.art32. The "
        "不予实施行政强制措施 list (ListKind.NO_COERCIVE_MEASURE) cannot be checked against cases: "
        "the facts format records penalties, not coercive measures.",
    ),
    Declined(
        "8",
        "采取多种形式大力开展行政执法“四张清单”的宣传工作",
        "Publicity work; " + _NO_DATE,
    ),
    Declined(
        "9",
        "对特殊行业、重点领域依法依规实行全覆盖重点监管；探索涉企行政执法案件经济影响评估制度；复制推广“综合查一次”经验",
        "The facts format records no inspections; '探索' (explore) is not an obligation with a result. "
        "The dated result is liaoning.task09.staged_results.",
    ),
    Declined(
        "10",
        "省司法厅组织开展行政执法事项清理，对…极少发生且没有实施必要的、交叉重复的事项提出拟取消、调整或者暂停实施的意见",
        "'极少发生且没有实施必要' and '交叉重复' are policy judgements no fact shows; the checkable ground, "
        "'近五年未发生', is the inherited national.catalogue.item_cleanup (the province's clean-up, which "
        "省司法厅 organises, is the national one restated; 完成时限 '持续推进' sets no date, as nationally).",
    ),
    Declined(
        "11",
        "各地区结合实际制定本地赋权事项目录；对拟予清理的事项不再赋权；省营商局统筹提出调整意见；开展乡镇、街道行政执法规范化试点",
        "Item-level facts (delegated and slated items) are not in the facts format; the pilots have no "
        "number; " + _NO_DATE,
    ),
    Declined(
        "12",
        "建立健全跨市域联合执法机制；联席会议、线索通报、证据移转、案件协查等制度；行刑衔接；向纪检监察部门移送问题线索",
        "Mechanisms without date of their own; the dated result is liaoning.task12.staged_results.",
    ),
    Declined(
        "13",
        "加快推进《辽宁省行政执法监督规定》的修订；完善行政执法专项考核评价指标体系",
        "No date of its own; the dated result is liaoning.task13.staged_results (2025年底前).",
    ),
    Declined(
        "14",
        "加快制定行政执法监督工作指引；探索司法所协助县级司法行政部门开展乡镇、街道行政执法监督",
        "'加快' and '探索' without a date; the dated system is liaoning.task14.supervision_system "
        "(the 责任单位) and the inherited national.supervision.four_level_system (the governments).",
    ),
    Declined(
        "15",
        "各级行政执法部门要定期向本级司法行政部门通报行政执法投诉举报案件办理情况；完善行政执法监督员制度",
        "'定期' (regularly) has no frequency; the supervisor system is 'explored'. " + _NO_DATE,
    ),
    Declined(
        "16",
        "积极推进行政执法第三方评议；表彰奖励与示范创建；依规依纪依法追究不作为乱作为人员责任",
        "No number or date, and the facts format records no accountability measures; covered by the "
        "standing rule liaoning.task16.use_of_results.",
    ),
    Declined(
        "三（一）",
        "细化量化分解任务、建立工作台账；县级以上地方人民政府建立工作会商机制；向本级党委（党组）报告",
        "Organisational duties with no date; " + _NO_DATE + " The governments' consultation mechanism is the inherited national.organisation.consultation_mechanism (undated, as here).",
    ),
    Declined(
        "三（二）",
        "将本方案落实情况纳入法治建设考评指标体系；适时组织开展行政执法人民群众满意度第三方评价",
        "'适时' (when appropriate) and appraisal design; " + _NO_DATE,
    ),
    Declined(
        "三（三）",
        "将本方案列为各级各类行政执法培训的重要内容，作为行政执法人员的必修课；宣传动员",
        "Training records carry no topic, so the facts cannot show whether this plan was taught; " + _NO_DATE,
    ),
)
