"""《天津市贯彻落实〈提升行政执法质量三年行动计划（2023—2025年）〉实施方案》, clause by clause.

Issued by 天津市人民政府办公厅 on 2023-11-04. Citations use the plan's own
numbering: chapter, section and item, e.g. ``二（二）2`` is 二、全面提升行政执法
人员能力素质 → （二）着力提高业务能力 → 2．加强行政执法培训工作指导. Each row is
an added rule (:data:`RULES`), an override of a national rule
(:data:`OVERRIDES`), a declined row (:data:`DECLINED`) or, where the plan
restates a national obligation with the same content, nothing: the national
rule is inherited (:data:`INHERITED`).

Levels. Tianjin is a 直辖市 (municipality directly under the central
government), a province-level region: the municipality and its departments
(市级, 市司法局) are :attr:`Level.PROVINCE`, its districts (区) and their
departments are county-level (:attr:`Level.COUNTY`), and townships and
streets are :attr:`Level.TOWNSHIP`. No Tianjin region is at
:attr:`Level.CITY`.

Added rules and overrides take effect on the plan's issue day (2023-11-04)
and end with the national plan period (:data:`PERIOD`); before that day the
national rule governs (the rulebook keeps it as ``<id>.before_tianjin``).
The yearly duty the plan introduces follows the library's first-year policy
(:class:`enforcerules.FirstYear`: from 2024 by default).
"""

from __future__ import annotations

import datetime as dt

from enforcerules import (
    Declined,
    Intent,
    Level,
    NamedBodies,
    Override,
    Period,
    PLAN_PERIOD,
    Rule,
    Scope,
    SourceDocument,
    Subject,
    TrainingCategory,
    UnitKind,
)
from enforcerules.citation import citer
from enforcerules.deadlines import UNDATED_PHRASE
from enforcerules.kinds import CertificateIssuance, ItemCleanup, ItemCriterion, TaskDeadline, UnitTrainingHours

__all__ = ["DECLINED", "INHERITED", "NAMED_BODIES", "OVERRIDES", "PERIOD", "PLAN", "RULES"]

PLAN = SourceDocument(
    id="tianjin-2023-plan",
    title="天津市贯彻落实《提升行政执法质量三年行动计划（2023—2025年）》实施方案",
    issuer="天津市人民政府办公厅",
    number="",
    issued_on=dt.date(2023, 11, 4),
    note="Issued with the notice 天津市人民政府办公厅关于印发……实施方案的通知 (此件主动公开), which prints no document number.",
)
cite = citer(PLAN.id)

#: Effective period of the rules Tianjin adds: from the plan's issue day to the national plan's end.
PERIOD = Period(PLAN.issued_on or PLAN_PERIOD.start, PLAN_PERIOD.end)

_ENFORCEMENT = (UnitKind.ENFORCEMENT,)
_CITY_JUSTICE = Scope(Subject.UNIT, unit_kinds=(UnitKind.JUSTICE,), levels=(Level.PROVINCE,))
_USUAL = ("市司法局", "各市级行政执法部门", "各区人民政府")

_UNDATED = (
    "The plan sets no date for this: it is checked as an undated duty (deadline phrase "
    "'未规定时限', the library's marker for a duty the plan gives no date) — compliant once reported done, pending until then, "
    "never late."
)

# -- 二、全面提升行政执法人员能力素质 -------------------------------------------------

ROTATION = Override(
    "national.training.full_staff_rotation",
    Intent.RELAX,
    cite("二（二）1", "2024年6月底前完成对本区、本部门、本系统行政执法队伍的全员轮训"),
    {"deadline": "2024年6月底前"},
    responsible=("各市级行政执法部门", "各区人民政府"),
    note=(
        "Tianjin writes '2024年6月底前' (by 30 June 2024, unambiguous) where the national plan writes "
        "'原则上于2024年6月前'. Under the default DeadlinePolicy (month_before=BY_MONTH_END) the national "
        "phrase already means 2024-06-30, so the due date is identical; under DeadlinePolicy.strict() "
        "(BEFORE_MONTH) the national phrase means 2024-05-31 and Tianjin's is one month later. Declared "
        "RELAX because that is what it is under the strict reading, and it is never a tightening. "
        "('本区、本部门、本系统' is the national '本地区、本部门': the same units.)"
    ),
)

TOWNSHIP_BUSINESS_TRAINING = Rule(
    id="tianjin.training.township_business_training",
    title_zh="区级行政执法部门每年对乡镇（街道）综合执法人员开展不少于2次业务培训",
    title_en="District enforcement departments train township officers in business at least twice a year",
    citation=cite(
        "二（二）2",
        "有关区级行政执法部门负责对承担本部门行政执法事项的乡镇（街道）综合执法人员每年开展不少于2次业务培训",
    ),
    spec=UnitTrainingHours(
        min_sessions=2,
        categories=(TrainingCategory.BUSINESS,),
        township_audience=True,
        label_zh="面向乡镇（街道）综合执法人员的业务培训",
        label_en="business training for township officers",
    ),
    scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT, levels=(Level.COUNTY,)),
    effective=PERIOD,
    responsible=("市司法局", "各市级行政执法部门", "各区人民政府"),
    note=(
        "The sentence binds the district-level (区级) enforcement departments, which hold the trainings; "
        "the 责任单位 line names 各区人民政府 among others as responsible. Read from the training records "
        "of township officers (Officer.township) in business knowledge whose organising_unit is the "
        "district department: each session counts once however many officers attended it (records "
        "sharing a session id), at least two sessions per calendar year. '有关' (those whose items townships carry out) cannot be told from the facts, so "
        "every district-level enforcement unit is bound; restrict it with a child jurisdiction "
        "overriding the scope (e.g. by field). First year: the library's one first-year policy for "
        "yearly duties applies (enforcerules.FirstYear, docs/deadlines-and-periods.md): by default the duty "
        "is judged from 2024, the first calendar year after the issue day 2023-11-04; "
        "load_rulebook('tianjin', first_year=FirstYear.ISSUE_YEAR) judges 2023 as well."
    ),
)

PUBLIC_LAW_EXAM = Rule(
    id="tianjin.certificates.public_law_exam",
    title_zh="未通过公共法律知识考试的不能取得行政执法资格",
    title_en="No enforcement qualification without passing the public-law exam",
    citation=cite("二（二）3", "未通过公共法律知识考试的不能取得行政执法资格"),
    spec=CertificateIssuance(require_exam=True, require_training=False),
    scope=Scope(Subject.CERTIFICATE),
    effective=PERIOD,
    responsible=("市司法局", "市公安局", "各市级行政执法部门", "各区人民政府"),
    note=(
        "Certificate.exam_passed_on records the qualification exam, of which public legal knowledge is "
        "the part this clause names: a certificate issued with no exam passed on or before its issue day "
        "is a violation. The plan does not make prior training a condition here, so require_training "
        "is off."
    ),
)

ALL_CERTIFIED = Override(
    "national.certificates.independent_enforcement",
    Intent.TIGHTEN,
    cite(
        "二（三）1",
        "全面实行行政执法人员资格管理和持证上岗制度，未取得行政执法证件的人员不得从事行政执法工作",
    ),
    {"all_certified": True},
    title_zh="未取得行政执法证件的人员不得从事行政执法工作",
    title_en="No enforcement at all by an officer without a certificate",
    responsible=("市司法局", "市公安局", "各市级行政执法部门", "各区人民政府"),
    note=(
        "The national plan bars uncertified officers from *independent* enforcement ('不得独立从事'): a "
        "case is fine if one handling officer is certified. Tianjin drops '独立': every handling officer "
        "of a case must hold a valid certificate on the decision day. Period: Tianjin's reading applies from its plan's "
        "issue day (2023-11-04); cases decided before it are judged by the national reading, kept in the "
        "rulebook as national.certificates.independent_enforcement.before_tianjin."
    ),
)

# -- 三、全面推进严格规范公正文明执法 -------------------------------------------------

RECTIFICATION_PLAN = Rule(
    id="tianjin.rectification.rectification_plan",
    title_zh="对照突出问题清单制定整改工作方案",
    title_en="Rectification plan drawn up against the prominent-problem list",
    citation=cite(
        "三（四）1",
        "2023年底前，行政执法部门要梳理形成本领域行政执法突出问题清单，并对照清单结合实际制定整改工作方案",
    ),
    spec=TaskDeadline(task="rectification_plan", deadline="2023年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT),
    effective=PERIOD,
    responsible=_USUAL,
    note=(
        "'2023年底前' governs both halves of the sentence, so the rectification plan is due with the "
        "problem list (the list itself is the inherited national.rectification.problem_list). A unit "
        "shows it with a task report 'rectification_plan'."
    ),
)

RECTIFICATION_REPORT = Rule(
    id="tianjin.rectification.report",
    title_zh="专项整治情况报送同级司法行政部门",
    title_en="Report on the special rectification to the same-level justice department",
    citation=cite("三（四）1", "专项整治情况于2024年6月底前报送同级司法行政部门"),
    spec=TaskDeadline(task="rectification_report", deadline="2024年6月底前"),
    scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT),
    effective=PERIOD,
    responsible=_USUAL,
    note=(
        "The national plan asks for this report with no date (declined there); Tianjin dates it. A unit "
        "shows it with a task report 'rectification_report'. Which justice department receives it "
        "(same level, or the municipal one for dual-led departments) is not checked."
    ),
)

BASELINES_PUBLISHED = Rule(
    id="tianjin.discretion.baselines_published",
    title_zh="行政裁量权基准对外公布",
    title_en="Discretion baselines published",
    citation=cite("三（五）1", "2023年底前，各行政执法领域普遍建立行政裁量权基准，对外公布并加强动态管理和备案审查"),
    spec=TaskDeadline(task="discretion_baselines_published", deadline="2023年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT),
    effective=PERIOD,
    responsible=("市司法局", "市政务服务办", "各市级行政执法部门"),
    note=(
        "Tianjin restates the national '2023年底前普遍建立' (inherited: national.discretion.baselines, task "
        "'discretion_baselines') and adds that the baselines are published (对外公布) by the same date: a "
        "unit shows publication with a task report 'discretion_baselines_published'. Added beside the "
        "national rule rather than overriding it, so that establishing stays checked on its own and "
        "nothing the national rule asks is dropped. Dynamic management and filing review have no date "
        "and are not checked."
    ),
)

TOWNSHIP_DOCUMENT_TEMPLATES = Rule(
    id="tianjin.standards.township_document_templates",
    title_zh="修订本市乡镇（街道）行政执法文书参考样式",
    title_en="Township enforcement document templates revised",
    citation=cite("三（五）2", "2024年底前，组织修订本市乡镇（街道）行政执法文书参考样式"),
    spec=TaskDeadline(task="township_document_templates", deadline="2024年底前"),
    scope=_CITY_JUSTICE,
    effective=PERIOD,
    responsible=_USUAL,
    note=(
        "'本市' templates are one city-wide set; the 责任单位 line names 市司法局 first, so the municipal "
        "justice unit (province level) reports 'township_document_templates'."
    ),
)

TOWNSHIP_PROCEDURE = Rule(
    id="tianjin.procedure.township_procedure",
    title_zh="制定印发统一的乡镇（街道）行政执法程序",
    title_en="A uniform township enforcement procedure issued",
    citation=cite("三（六）1", "制定印发统一的乡镇（街道）行政执法程序"),
    spec=TaskDeadline(task="township_procedure", deadline=UNDATED_PHRASE),
    scope=_CITY_JUSTICE,
    effective=PERIOD,
    responsible=_USUAL,
    note="One uniform procedure for the city: the municipal justice unit reports 'township_procedure'. " + _UNDATED,
)

LEGAL_REVIEW_LIST = Rule(
    id="tianjin.procedure.legal_review_list",
    title_zh="制定重大执法决定法制审核事项清单",
    title_en="List of major decisions subject to legal review",
    citation=cite("三（六）1", "制定重大执法决定法制审核事项清单"),
    spec=TaskDeadline(task="legal_review_list", deadline=UNDATED_PHRASE),
    scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT),
    effective=PERIOD,
    responsible=_USUAL,
    note=(
        "Each enforcement unit has its own list and reports 'legal_review_list'. " + _UNDATED + " The "
        "legal review of each major decision is the inherited national.cases.legal_review."
    ),
)

MUST_KNOW_LIST = Rule(
    id="tianjin.training.must_know_list",
    title_zh="制定法律法规应知应会清单并纳入专业法律知识培训考试",
    title_en="A must-know list of laws, included in the professional legal-knowledge exams",
    citation=cite("二（二）1", "制定法律法规应知应会清单，将与本领域行政执法工作密切相关的法律法规纳入专业法律知识培训考试内容"),
    spec=TaskDeadline(task="must_know_list", deadline=UNDATED_PHRASE),
    scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT, levels=(Level.PROVINCE, Level.COUNTY)),
    effective=PERIOD,
    responsible=("各市级行政执法部门", "各区人民政府"),
    note=(
        "The list is of each field ('本领域'), so each municipal and district enforcement department "
        "reports 'must_know_list' (the 责任单位 line names 各市级行政执法部门 and 各区人民政府; the "
        "district governments' part is their departments'). " + _UNDATED
    ),
)

SUPERVISION_BODY = Rule(
    id="tianjin.supervision.supervision_body",
    title_zh="行政执法部门明确承担行政执法监督职责的机构",
    title_en="Each enforcement department names the body that supervises its enforcement",
    citation=cite("五（十二）2", "行政执法部门应当明确承担行政执法监督职责的机构"),
    spec=TaskDeadline(task="supervision_body", deadline=UNDATED_PHRASE),
    scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT),
    effective=PERIOD,
    responsible=("各市级行政执法部门", "各区人民政府"),
    note="Each enforcement department reports 'supervision_body' once it has named the body. " + _UNDATED,
)

# -- 四、健全完善行政执法工作体系 -------------------------------------------------

NO_LEGAL_BASIS = Rule(
    id="tianjin.catalogue.no_legal_basis",
    title_zh="没有法律法规规章依据的行政执法事项一律取消",
    title_en="Enforcement items with no legal basis are cancelled",
    citation=cite("四（七）2", "凡没有法律法规规章依据的行政执法事项一律取消"),
    spec=ItemCleanup(criterion=ItemCriterion.NO_LEGAL_BASIS),
    scope=Scope(Subject.ITEM),
    effective=PERIOD,
    responsible=("市司法局", "各市级行政执法部门", "各区人民政府"),
    note=(
        "Read from the facts' enforcement items: an item whose basis is 'none' must carry the "
        "clean-up opinion 'cancel'; '一律' leaves no time to run, so until then it is a violation. An "
        "item whose kind of basis is not recorded is insufficient_data."
    ),
)

DELEGATION_EVALUATION = Rule(
    id="tianjin.delegation.evaluation",
    title_zh="行政执法部门对已经下放乡镇（街道）的行政执法事项进行一次全面评估",
    title_en="Enforcement departments evaluate in full the items delegated to townships and streets",
    citation=cite("四（八）1", "行政执法部门2024年底前要对已经下放乡镇（街道）的行政执法事项进行一次全面评估"),
    spec=TaskDeadline(task="delegation_evaluation", deadline="2024年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT, levels=(Level.PROVINCE, Level.COUNTY)),
    effective=PERIOD,
    responsible=("市司法局", "各区人民政府"),
    note=(
        "The sentence's subject is 行政执法部门: every municipal (province-level) and district "
        "(county-level) enforcement unit reports 'delegation_evaluation', the national task key, by "
        "2024年底前. Township units receive the delegated items and are not bound. Which departments "
        "have items delegated cannot be told from the facts, so every one above township level is "
        "bound. '全面' (covering every delegated item) is not a fact the library holds: one report per "
        "unit counts as the evaluation. The national rule national.delegation.evaluation (the "
        "governments' duty, same key and date; the 责任单位 line names 各区人民政府) stays inherited."
    ),
)

# -- 五、加快构建行政执法协调监督工作体系 ---------------------------------------------

THREE_LEVEL_SYSTEM = Override(
    "national.supervision.four_level_system",
    Intent.REPLACE,
    cite(
        "五（十一）1",
        "2024年底前基本建成制度完善、机制健全、职责明确、监督有力、运转高效的市、区、乡镇（街道）三级行政执法协调监督工作体系",
    ),
    title_zh="基本建成市、区、乡镇（街道）三级行政执法协调监督工作体系",
    title_en="Three-level (city, district, township) coordination and supervision system basically built",
    responsible=_USUAL,
    note=(
        "A municipality has no separate city and county tiers, so Tianjin's system has three levels — "
        "市, 区, 乡镇（街道） — in place of the national 省市县乡 four. Same date (2024年底前) and task key "
        "'supervision_system'; the governments bound are the municipal (province-level) and district "
        "(county-level) ones, as in the national scope. REPLACE: different content, neither stricter "
        "nor weaker."
    ),
)

# -- 八、保障措施 -------------------------------------------------------------------


def _evaluation(stage: str, zh: str, en: str, phrase: str, quote: str) -> Rule:
    """The mid-term and final evaluations of 八（一）, which differ only in stage and date."""
    return Rule(
        id=f"tianjin.evaluation.{stage}",
        title_zh=f"完成实施情况{zh}",
        title_en=f"{en} of the plan's implementation completed",
        citation=cite("八（一）", quote),
        spec=TaskDeadline(task=f"{stage}_evaluation", deadline=phrase),
        scope=_CITY_JUSTICE,
        effective=PERIOD,
        responsible=("市司法局",),
        note=(
            f"市司法局 (the municipal justice unit, province level) organises the evaluation and reports "
            f"'{stage}_evaluation'; '{phrase}' is the last day of that month."
        ),
    )


_EVALUATION_QUOTE = "分阶段、分步骤组织开展实施情况评估，于2024年10月底前完成中期评估，2025年10月底前完成终期评估"
MID_TERM_EVALUATION = _evaluation("mid_term", "中期评估", "Mid-term evaluation", "2024年10月底前", _EVALUATION_QUOTE)
FINAL_EVALUATION = _evaluation("final", "终期评估", "Final evaluation", "2025年10月底前", _EVALUATION_QUOTE)

RULES: tuple[Rule, ...] = (
    TOWNSHIP_BUSINESS_TRAINING,
    PUBLIC_LAW_EXAM,
    RECTIFICATION_PLAN,
    RECTIFICATION_REPORT,
    BASELINES_PUBLISHED,
    TOWNSHIP_DOCUMENT_TEMPLATES,
    TOWNSHIP_PROCEDURE,
    LEGAL_REVIEW_LIST,
    MUST_KNOW_LIST,
    SUPERVISION_BODY,
    NO_LEGAL_BASIS,
    DELEGATION_EVALUATION,
    MID_TERM_EVALUATION,
    FINAL_EVALUATION,
)

OVERRIDES: tuple[Override, ...] = (ROTATION, ALL_CERTIFIED, THREE_LEVEL_SYSTEM)

#: Inherited national rules Tianjin restates for bodies of its own naming (see
#: enforcerules.NamedBodies): the national breadth stays; findings against the
#: other bodies say they rest on the national text only.
NAMED_BODIES: tuple[NamedBodies, ...] = (
    NamedBodies(
        "national.discretion.baselines",
        cite("三（五）1", "2023年底前，各行政执法领域普遍建立行政裁量权基准，对外公布并加强动态管理和备案审查。（责任单位：市司法局、市政务服务办、各市级行政执法部门）"),
        Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT, levels=(Level.PROVINCE,)),
        "市级行政执法部门（责任单位：市司法局、市政务服务办、各市级行政执法部门）",
    ),
)

#: National rules Tianjin restates with the same content: inherited, nothing declared.
#: rule id -> the Tianjin clause restating it and why it is the same obligation.
INHERITED: dict[str, tuple[str, str]] = {
    "national.training.annual_hours": (
        "二（二）3",
        "'行政执法人员每人每年接受不少于60学时的公共法律知识、业务知识和行政执法技能培训' — the same "
        "hours in the same three categories (political theory is not among them).",
    ),
    "national.training.township_higher_level": (
        "二（二）2",
        "Township officers attend the trainings the district departments hold; the officers' own "
        "attendance is the national rule.",
    ),
    "national.officers.annual_assessment": ("二（三）1", "'完善行政执法人员年度考核制度' — the same yearly assessment."),
    "national.rectification.problem_list": (
        "三（四）1",
        "'2023年底前，行政执法部门要梳理形成本领域行政执法突出问题清单' — same subjects and date.",
    ),
    "national.discretion.baselines": (
        "三（五）1",
        "'2023年底前，各行政执法领域普遍建立行政裁量权基准' — same date and subjects; the publication Tianjin "
        "adds is tianjin.discretion.baselines_published.",
    ),
    "national.cases.legal_review": ("三（六）1", "'重大执法决定法制审核制度' — the same review before major decisions."),
    "national.catalogue.item_catalogue": (
        "四（七）1",
        "'于2024年底前编制行政执法事项目录' — same subjects and date.",
    ),
    "national.catalogue.items_catalogued": (
        "四（七）1",
        "'梳理本区、本部门、本领域依据法律法规规章设定的行政执法事项，于2024年底前编制行政执法事项目录' — the same "
        "catalogue, item by item.",
    ),
    "national.catalogue.item_cleanup": (
        "四（七）2",
        "'行政执法部门要对虽有法定依据但近五年未发生的、极少发生且没有实施必要的、交叉重复的等行政执法事项进行清理' — "
        "the national clean-up, given to the enforcement departments; no date, as nationally.",
    ),
    "national.delegation.evaluation": (
        "四（八）1",
        "'2024年底前要对已经下放乡镇（街道）的行政执法事项进行一次全面评估' — same date and task; the national "
        "rule binds the governments (各地区 in the national plan), here the municipal and district "
        "governments, and the 责任单位 line names 各区人民政府 (市司法局, also named, is a justice unit and not within the national scope). "
        "The subject of the sentence itself, 行政执法部门, is bound by the added tianjin.delegation.evaluation.",
    ),
    "national.supervision.annual_plan": (
        "五（十二）1",
        "'司法行政部门要制定年度行政执法监督工作方案' — the municipal and district justice units, within "
        "the national scope.",
    ),
}

_NO_MEASURE = "The plan sets no date, number or other measure, so no fact could show it unmet."

#: Rows of the plan deliberately not modelled, with the reason.
DECLINED: tuple[Declined, ...] = (
    Declined("一", "总体要求：到2025年底行政执法突出问题得到有效整治、工作体系进一步完善、队伍素质明显提升……", "Outcome goals of the whole plan with no measure of their own; the clauses below carry the checkable duties."),
    Declined("二（一）", "着力提高政治能力；加强行政执法廉政风险防控，严格落实工作纪律", "Political and integrity work; " + _NO_MEASURE),
    Declined(
        "二（二）1",
        "建立完善标准化制度化培训机制；加强执法行为规范和职业道德教育",
        "Training methods and content with no date; " + _NO_MEASURE + " The dated rotation is the "
        "二（二）1 override of national.training.full_staff_rotation; the must-know list is "
        "tianjin.training.must_know_list.",
    ),
    Declined(
        "二（二）2",
        "上级部门指导下级培训、督促制定培训计划、检查培训效果；鼓励跨部门联合培训；司法行政部门督促指导",
        "Guidance duties; " + _NO_MEASURE + " The numbered duty of the clause (two trainings a year) is "
        "tianjin.training.township_business_training.",
    ),
    Declined(
        "二（二）3",
        "组织全市行政执法人员开展公共法律知识培训，将习近平法治思想、宪法以及行政许可法、行政处罚法、行政强制法、行政复议法等法律列入必修课",
        "A training record has a category and hours but no course content, so no fact can show which "
        "laws were taught; the hours are the inherited national.training.annual_hours.",
    ),
    Declined("二（三）1", "落实全国统一行政执法证件标准样式实施工作有关要求", "The certificate's format is not a fact the library holds; whether an officer holds a valid certificate at all is national.certificates.independent_enforcement (overridden here)."),
    Declined("二（二）3；二（三）1", "人民警察执法资格管理、证件管理使用按照公安机关有关规定、人民警察法执行", "Refers police qualifications to police rules and the People's Police Law, outside these plans."),
    Declined(
        "二（三）1",
        "完善行政执法人员退出机制，对不符合执法要求的行政执法人员依法暂扣、收回或者注销其行政执法证件",
        "Restates the national 退出机制 (二（一）3) word for word; whether an officer 'does not meet "
        "enforcement requirements' is a judgement no fact records, so it is checked only where the "
        "national rulebook checks it.",
    ),
    Declined("二（三）2", "表彰奖励；研究制定考核评价指标体系；开展示范创建活动", "Awards and drafting with no date; " + _NO_MEASURE),
    Declined(
        "三（四）1",
        "列明问题表现、整改措施、工作标准、完成时限，狠抓问题整改；双重领导部门的清单、方案和整治情况报送市级司法行政部门",
        "The content of the rectification plan and the route of the reports are not facts the library "
        "holds; the dated list, plan and report are national.rectification.problem_list, "
        "tianjin.rectification.rectification_plan and tianjin.rectification.report.",
    ),
    Declined("三（四）2", "定期自查、及时纠正；司法行政部门适时组织开展专项监督行动", "'定期' and '适时' set no date; " + _NO_MEASURE),
    Declined(
        "三（五）2",
        "落实统一的行政执法文书基本格式标准，逐步规范执法文书；按照装备配备标准配备必要的执法装备",
        "'逐步' (step by step) and equipment facts are not measurable here; " + _NO_MEASURE + " The dated "
        "templates are tianjin.standards.township_document_templates.",
    ),
    Declined(
        "三（六）1",
        "落实公示制度、执法全过程记录制度；修订完善执法程序，统一执法案卷标准；提升审核意见说理性；依法及时公开执法结果信息并动态调整",
        "Publication and recording are per-case facts the facts format does not carry (as declined "
        "nationally); the rest has no date. Legal review before major decisions is the inherited "
        "national.cases.legal_review.",
    ),
    Declined("三（六）2", "信用分级分类监管；“双随机、一公开”；压减涉企现场检查；投诉举报和“吹哨人”制度", "Mechanisms; " + _NO_MEASURE),
    Declined("三（六）3", "特殊行业、重点领域全覆盖重点监管；日常监管和执法巡查；惩罚性赔偿、巨额罚款、终身禁入", "Would need inspection facts per regulated entity, which the facts format does not carry; " + _NO_MEASURE),
    Declined("三（六）4", "非强制性执法手段，防止以罚代管；探索涉企案件经济影响评估", "Methods and exploration; " + _NO_MEASURE),
    Declined("四（七）1", "行政执法事项目录逐条逐项进行合法性、合理性和必要性审查，按程序动态调整", "Whether an item is lawful, reasonable and necessary is a judgement no fact shows; the dated catalogue is the inherited national.catalogue.item_catalogue and national.catalogue.items_catalogued."),
    Declined(
        "四（七）2",
        "清理极少发生且没有实施必要的、交叉重复的事项；涉及需要修改本市法规规章的，要按程序先修改法规规章再调整行政执法事项",
        "'极少发生且没有实施必要' and '交叉重复' are judgements no fact shows, and the legislative order of "
        "steps is not in the facts. No legal basis: tianjin.catalogue.no_legal_basis; '近五年未发生': the "
        "inherited national.catalogue.item_cleanup.",
    ),
    Declined(
        "四（八）1",
        "完善赋权事项评估和动态调整制度；对基层接不住、监管跟不上的及时予以调整；组织开展乡镇（街道）行政执法规范化试点",
        "'及时' sets no date, which items the townships cannot handle is a judgement no fact records, and "
        "no number of pilots is set; " + _NO_MEASURE + " The dated evaluation is "
        "tianjin.delegation.evaluation and the inherited national.delegation.evaluation.",
    ),
    Declined("四（八）2", "加强对赋权事项的法制审核，分区域、分类别提出可以赋权的事项清单；拟予清理的事项不再赋权乡镇（街道）", "Needs item-level facts (which items are delegated or slated for clean-up); " + _NO_MEASURE),
    Declined("四（九）1—5", "事前事中事后监管；跨部门、跨区域、跨层级及京津冀协作；争议协调；行刑衔接；与纪检监察机关协作", "Mechanisms; " + _NO_MEASURE),
    Declined("五（十）1", "开展行政执法监督法律法规学习培训，实现对行政执法监督人员的全覆盖", "Supervision staff and their training are not in the facts format, and no date is set."),
    Declined("五（十）2", "修订完善监督相关政府规章，做好投诉、听证程序立法后评估，落实配套制度", "Rule-making with no date; " + _NO_MEASURE),
    Declined("五（十一）1", "上级行政执法部门对下级开展全方位、全流程、常态化、长效化监督", "Ongoing supervision; " + _NO_MEASURE + " The dated system is the 五（十一）1 override of national.supervision.four_level_system."),
    Declined("五（十一）2", "加强司法所建设，充实法律专业人员；探索司法所协助区级司法行政部门开展乡镇（街道）执法监督", "Capacity building and exploration; " + _NO_MEASURE),
    Declined("五（十二）1", "综合运用工作报告、统计分析、评议考核开展经常性监督；发挥监督平台作用", "Ongoing supervision; " + _NO_MEASURE + " The annual work plan is the inherited national.supervision.annual_plan."),
    Declined("五（十二）2", "监督机构统筹协调、日常监督和业务指导；重大案件专项监督调查处理机制；监督员制度", "Organisation and mechanisms; " + _NO_MEASURE + " Naming the supervising body is tianjin.supervision.supervision_body."),
    Declined("五（十二）3", "建立与12345热线等监督渠道的信息共享机制；探索公众、法律顾问和公职律师参与监督", "Mechanisms and exploration; " + _NO_MEASURE),
    Declined("六（十三）—（十五）", "执法信息化系统建设、移动执法设备、监督平台建设和数据推送、数据归集共享和平台互联互通", "Information systems with no date; " + _NO_MEASURE),
    Declined("七（十六）—（十八）", "队伍建设、公职律师和法律顾问、法制审核协作；权益保障、工资待遇、保险、心理咨询；执法经费纳入预算", "Staffing, employment conditions and budgets; " + _NO_MEASURE),
    Declined("八（一）", "建立由市司法局牵头的工作会商机制；市司法局组建工作专班", "Organisational duties with no date; " + _NO_MEASURE + " The dated evaluations are tianjin.evaluation.mid_term and tianjin.evaluation.final. The governments' consultation mechanism is the inherited national.organisation.consultation_mechanism (undated, as here)."),
    Declined(
        "八（二）",
        "各区、各有关部门提出具体举措，对标市级层面开展实施情况评估；纳入法治政府建设督察；适时组织第三方满意度测评",
        "'对标市级层面' does not say whether the districts' evaluations share the municipal dates or only "
        "its method, so no deadline can be stated without inventing one; '适时' sets no date.",
    ),
    Declined("八（三）", "宣传好举措好经验，发现、培养和宣传先进人物、先进事迹", "Publicity; " + _NO_MEASURE),
)
