"""《山西省提升行政执法质量三年行动计划实施方案（2023—2025年）》, task by task.

The plan numbers its tasks 1–20 under 二、重点任务 and closes with 三、组织实施;
citations use those numbers ("3", "12", "三（二）"). Each row is one of:

- an added rule (:data:`RULES`), grouped below as the plan groups its tasks;
- an override of a national rule (:data:`OVERRIDES`), with its intent;
- a declined row (:data:`DECLINED`), with the reason;
- or nothing, where the plan restates a national obligation with the same
  content and the national rule is inherited unchanged (listed in
  :data:`INHERITED` for the documentation and the tests).

The plan's text carries no issue date, so added rules keep the national
plan period (:data:`enforcerules.PLAN_PERIOD`).
"""

from __future__ import annotations

from enforcerules import (
    Declined,
    Intent,
    Level,
    NamedBodies,
    Override,
    Rule,
    Scope,
    SourceDocument,
    Subject,
    TrainingCategory,
    UnitKind,
)
from enforcerules.citation import citer
from enforcerules.deadlines import UNDATED_PHRASE
from enforcerules.kinds import (
    CategoryMinimum,
    CertificateIssuance,
    CertificateWithdrawal,
    DesignationCount,
    ItemCleanup,
    ItemCriterion,
    TaskDeadline,
)

__all__ = [
    "CITY_PILOT",
    "COUNTY_PILOT",
    "DECLINED",
    "INHERITED",
    "NAMED_BODIES",
    "OVERRIDES",
    "PLAN",
    "PROVINCIAL_PILOT",
    "PROVINCIAL_PILOTS",
    "RULES",
]

PLAN = SourceDocument(
    id="shanxi-2023-plan",
    title="山西省提升行政执法质量三年行动计划实施方案（2023—2025年）",
    issuer="山西省（文本未载明印发机关）",
    number="",
    issued_on=None,
    note=(
        "The text is 附件1 of a notice that is not part of it: it carries no document number, issuer "
        "or date. issued_on is left unset rather than guessed; added rules use the national plan period."
    ),
)
cite = citer(PLAN.id)

_ENFORCEMENT = (UnitKind.ENFORCEMENT,)

#: Region designations the pilot rules of task 12 read (``Region.designations``).
PROVINCIAL_PILOT = "township_standardisation_provincial_pilot"  # 省级试点
CITY_PILOT = "township_standardisation_city_pilot"  # 市级试点 (a county chosen by its city)
COUNTY_PILOT = "township_standardisation_county_pilot"  # 县级试点 (a township chosen by its county)

#: The three provincial pilot counties task 12 names (省级乡镇（街道）行政执法规范化试点).
PROVINCIAL_PILOTS: tuple[str, ...] = ("灵石县", "左权县", "文水县")

_UNDATED = (
    "The plan sets no date for this: it is checked as an undated duty (deadline phrase "
    "'未规定时限', the library's marker for a duty the plan gives no date) — compliant once the unit reports the task done, "
    "pending until then, never late."
)

# -- （一） 全面提升行政执法人员能力素质 (tasks 1–3) ---------------------------------

TRAINING_SPLIT = Override(
    "national.training.annual_hours",
    Intent.TIGHTEN,
    cite(
        "3",
        "各级行政执法机关在完成政治理论教育和党性教育学时的基础上，确保行政执法人员每人每年接受不少于60学时的培训，"
        "其中公共法律知识培训不少于30学时，业务知识和行政执法技能培训不少于30学时",
    ),
    {
        "splits": (
            CategoryMinimum((TrainingCategory.PUBLIC_LAW,), 30, "公共法律知识", "public legal knowledge"),
            CategoryMinimum(
                (TrainingCategory.BUSINESS, TrainingCategory.ENFORCEMENT_SKILLS),
                30,
                "业务知识和行政执法技能",
                "business knowledge and enforcement skills",
            ),
        )
    },
    title_zh="执法人员每人每年培训不少于60学时，其中公共法律知识、业务知识和执法技能各不少于30学时",
    title_en="At least 60 training hours per officer per year: at least 30 public-law and 30 business/skills hours",
    responsible=("各级行政执法机关",),
    note=(
        "Keeps the national 60 hours and adds two floors inside them: at least 30 hours of public "
        "legal knowledge and at least 30 of business knowledge and enforcement skills together. An "
        "officer with 60 hours but 29.5 of public law falls short. Political-theory hours still do "
        "not count."
    ),
)

ROTATION = Override(
    "national.training.full_staff_rotation",
    Intent.RELAX,
    cite("3", "原则上于2024年6月底前完成对本地、本部门行政执法队伍的全员轮训"),
    {"deadline": "2024年6月底前"},
    note=(
        "Shanxi writes '2024年6月底前' (by 30 June 2024, unambiguous) where the national plan writes "
        "'2024年6月前'. Under the default DeadlinePolicy (month_before=BY_MONTH_END) the national phrase "
        "already means 2024-06-30, so the due date is identical; under DeadlinePolicy.strict() "
        "(BEFORE_MONTH) the national phrase means 2024-05-31 and Shanxi's is one month later. Declared "
        "RELAX because that is what it is under the strict reading, and it is never a tightening. "
        "'原则上' is not modelled as a grace period."
    ),
)

# -- （二） 全面推进严格规范公正文明执法 (tasks 4–8) ----------------------------------

CERTIFICATE_ISSUANCE = Rule(
    id="shanxi.certificates.issuance",
    title_zh="参加执法培训并通过资格考试后方可取得行政执法证件",
    title_en="A certificate only after enforcement training and a passed qualification exam",
    citation=cite("4", "行政执法人员应当参加执法培训且通过行政执法资格考试，考试合格并取得行政执法证件后方可上岗执法"),
    spec=CertificateIssuance(require_exam=True, require_training=True),
    scope=Scope(Subject.CERTIFICATE),
    responsible=("各级行政执法机关",),
    note=(
        "Both conditions are checked for each certificate: a passed exam (Certificate.exam_passed_on) "
        "and some enforcement training attended (a training record), both on or before the issue day. The national rule on "
        "uncertified officers ('严禁未取得证件的人员独立从事行政执法工作', restated here) is inherited."
    ),
)

CERTIFICATE_WITHDRAWAL = Rule(
    id="shanxi.certificates.withdrawal_on_leaving",
    title_zh="离开执法岗位的，及时收回并注销行政执法证件",
    title_en="Certificate withdrawn and cancelled promptly when an officer leaves the post",
    citation=cite("4", "行政执法人员因调动、辞职、辞退、退休或其他原因离开执法岗位的，要依法及时收回并注销行政执法证件"),
    spec=CertificateWithdrawal(),
    scope=Scope(Subject.OFFICER),
    responsible=("各级行政执法机关",),
    note=(
        "'及时' (promptly) has no number: the kind's default grace of "
        f"{CertificateWithdrawal().grace_days} days after Officer.left_on applies; choose another with an "
        "Override of this rule's `grace_days`. Every leave reason counts ('或其他原因')."
    ),
)

PROVINCIAL_FIELD_LIST = Rule(
    id="shanxi.rectification.provincial_field_list",
    title_zh="省级行政执法机关于2023年底前梳理形成本领域行政执法突出问题清单",
    title_en="Provincial enforcement departments compile the prominent-problem list of their field by end of 2023",
    citation=cite(
        "5",
        "省级行政执法机关要聚焦关系人民群众切身利益的重点执法领域，……于2023年底前梳理形成本领域行政执法突出问题清单",
    ),
    spec=TaskDeadline(task="problem_list", deadline="2023年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT, levels=(Level.PROVINCE,)),
    responsible=("省级行政执法机关",),
    note=(
        "Shanxi gives the list of each field ('本领域') to the provincial department of that field. "
        "Same task key 'problem_list' and date (2023年底前) as national.rectification.problem_list, which "
        "stays inherited and still binds every enforcement unit, city and county included: the plan "
        "names who compiles the province-wide field list, it does not lift the national duty of the "
        "other units. One report 'problem_list' of a provincial department answers both rules."
    ),
)


NO_LEGAL_BASIS = Rule(
    id="shanxi.catalogue.no_legal_basis",
    title_zh="没有法律、法规、规章依据的执法事项一律取消",
    title_en="Enforcement items with no legal basis are cancelled",
    citation=cite("9", "凡没有法律、法规、规章依据的执法事项一律取消"),
    spec=ItemCleanup(criterion=ItemCriterion.NO_LEGAL_BASIS),
    scope=Scope(Subject.ITEM),
    responsible=("各级行政执法机关",),
    note=(
        "Read from the facts' enforcement items: an item whose basis is 'none' must carry the "
        "clean-up opinion 'cancel'; '一律' leaves no time to run, so until then it is a violation. An "
        "item whose kind of basis is not recorded is insufficient_data."
    ),
)


_LIST_QUOTE = "推广包容免罚模式，依法编制从轻处罚事项清单、减轻处罚事项清单和首次轻微违法免予处罚事项清单"


def _penalty_list(key: str, zh: str, en: str) -> Rule:
    """One of the three lists of task 6, as an undated task each enforcement unit reports."""
    return Rule(
        id=f"shanxi.discretion.{key}",
        title_zh=f"依法编制{zh}",
        title_en=f"Compile the {en}",
        citation=cite("6", _LIST_QUOTE),
        spec=TaskDeadline(task=key, deadline=UNDATED_PHRASE),
        scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT),
        responsible=("各级行政执法机关",),
        note=(
            f"A unit shows the {en} compiled with a task report '{key}'. " + _UNDATED + " The lists' "
            "content is each unit's own and is not in the plan, so cases are not checked against them."
        ),
    )


LIGHTER_PENALTY_LIST = _penalty_list("lighter_penalty_list", "从轻处罚事项清单", "list of items for lighter penalties")
MITIGATED_PENALTY_LIST = _penalty_list(
    "mitigated_penalty_list", "减轻处罚事项清单", "list of items for mitigated penalties"
)
FIRST_MINOR_EXEMPTION_LIST = _penalty_list(
    "first_minor_exemption_list",
    "首次轻微违法免予处罚事项清单",
    "list of first minor violations exempt from penalty",
)

# -- （三） 健全完善行政执法工作体系 (tasks 9–13) -------------------------------------

PROVINCIAL_EVALUATION = Rule(
    id="shanxi.delegation.provincial_evaluation",
    title_zh="省级于2024年底前对已经下放乡镇（街道）的行政执法事项组织评估",
    title_en="The province evaluates the enforcement items delegated to townships by end of 2024",
    citation=cite(
        "11",
        "省委组织部、省委编办、省司法厅要会同省有关部门，于2024年底前对已经下放乡镇（街道）的行政执法事项组织评估，"
        "根据评估结果提出下放行政执法事项动态调整的意见，报省政府决定",
    ),
    spec=TaskDeadline(task="delegation_evaluation", deadline="2024年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=(UnitKind.JUSTICE,), levels=(Level.PROVINCE,)),
    responsible=("省委组织部", "省委编办", "省司法厅"),
    supporting=("省有关部门",),
    note=(
        "Of the three responsible bodies only 省司法厅 is a unit kind the facts carry, so the provincial "
        "justice unit reports 'delegation_evaluation' for the provincial evaluation. Same task key and "
        "date (2024年底前) as national.delegation.evaluation, which stays inherited and binds the "
        "governments at province, city and county level: the plan says who organises the provincial "
        "evaluation, it does not lift the regions' duty. The adjustment proposal to the provincial "
        "government ('报省政府决定') is part of the same report."
    ),
)

_NO_PILOT_DATE = "The plan sets no date for the choice, so the count is judged as it stands on the evaluation day."

CITY_PILOT_COUNTIES = Rule(
    id="shanxi.pilots.city_pilot_counties",
    title_zh="各市选定1-2个县（市、区）作为乡镇（街道）行政执法规范化市级试点",
    title_en="Each city picks 1–2 counties as city-level township standardisation pilots",
    citation=cite("12", "各市选定1-2个县（市、区）作为市级试点"),
    spec=DesignationCount(
        designation=CITY_PILOT,
        child_level=Level.COUNTY,
        min_count=1,
        max_count=2,
        label_zh="市级试点县（市、区）",
        label_en="city pilots",
    ),
    scope=Scope(Subject.REGION, levels=(Level.CITY,)),
    responsible=("各市",),
    note=(
        f"Counts the city's county-level child regions designated '{CITY_PILOT}'. " + _NO_PILOT_DATE + " "
        "Only that designation counts: a provincial pilot county (灵石县, 左权县, 文水县; designation "
        f"'{PROVINCIAL_PILOT}') is not also a city pilot unless the facts mark it so: the plan names "
        "the provincial pilots and the cities' choices separately."
    ),
)

COUNTY_PILOT_TOWNSHIPS = Rule(
    id="shanxi.pilots.county_pilot_townships",
    title_zh="各县（市、区）选定1-2个乡镇（街道）作为县级试点",
    title_en="Each county picks 1–2 townships or streets as county-level pilots",
    citation=cite("12", "各县（市、区）选定1-2个乡镇（街道）作为县级试点"),
    spec=DesignationCount(
        designation=COUNTY_PILOT,
        child_level=Level.TOWNSHIP,
        min_count=1,
        max_count=2,
        label_zh="县级试点乡镇（街道）",
        label_en="county pilots",
    ),
    scope=Scope(Subject.REGION, levels=(Level.COUNTY,)),
    responsible=("各县（市、区）",),
    note=(
        f"Counts the county's township-level child regions (乡镇 and 街道 alike) designated "
        f"'{COUNTY_PILOT}'. " + _NO_PILOT_DATE + " Every county is bound, the provincial and city pilot "
        "counties included: the sentence names all counties ('各县（市、区）')."
    ),
)

RULES: tuple[Rule, ...] = (
    CERTIFICATE_ISSUANCE,
    CERTIFICATE_WITHDRAWAL,
    PROVINCIAL_FIELD_LIST,
    NO_LEGAL_BASIS,
    LIGHTER_PENALTY_LIST,
    MITIGATED_PENALTY_LIST,
    FIRST_MINOR_EXEMPTION_LIST,
    PROVINCIAL_EVALUATION,
    CITY_PILOT_COUNTIES,
    COUNTY_PILOT_TOWNSHIPS,
)

OVERRIDES: tuple[Override, ...] = (TRAINING_SPLIT, ROTATION)

#: Inherited national rules Shanxi restates for bodies of its own naming: the
#: national breadth stays (a local plan cannot release bodies the national plan
#: binds), and findings against the other bodies say they rest on the national
#: text only; ``load_rulebook("shanxi", bodies=Bodies.OWN_PLAN)`` binds only these.
NAMED_BODIES: tuple[NamedBodies, ...] = (
    NamedBodies(
        "national.rectification.problem_list",
        cite("5", "省级行政执法机关要聚焦关系人民群众切身利益的重点执法领域，……于2023年底前梳理形成本领域行政执法突出问题清单"),
        Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT, levels=(Level.PROVINCE,)),
        "省级行政执法机关",
    ),
)

#: National rules Shanxi restates with the same content: inherited, nothing declared.
#: rule id -> the Shanxi clause restating it and why it is the same obligation.
INHERITED: dict[str, tuple[str, str]] = {
    "national.training.township_higher_level": (
        "3",
        "'县级有关行政执法机关要加强乡镇（街道）行政执法业务培训' restates, from the organiser's side and "
        "without a number, that township officers attend higher-level training.",
    ),
    "national.certificates.independent_enforcement": (
        "4",
        "'严禁未取得证件的人员独立从事行政执法工作' keeps the national word '独立'. The preceding "
        "'取得行政执法证件后方可上岗执法' could be read as barring uncertified officers from any "
        "enforcement; the plan's own next sentence limits it to independent enforcement, which is the "
        "default. For the stricter reading declare a child jurisdiction overriding this rule with "
        "all_certified=True.",
    ),
    "national.officers.annual_assessment": ("4", "'建立健全行政执法人员年度考核制度' — the same yearly assessment."),
    "national.rectification.problem_list": (
        "5",
        "'省级行政执法机关……于2023年底前梳理形成本领域行政执法突出问题清单' names who compiles the list of "
        "each field for the province; it does not lift the national duty of every enforcement unit "
        "(same date), which stays. The provincial departments' part is the added rule "
        "shanxi.rectification.provincial_field_list.",
    ),
    "national.discretion.baselines": (
        "6",
        "'全面落实行政执法裁量基准制度' sets no new date; the national '2023年底前' stands.",
    ),
    "national.catalogue.item_catalogue": (
        "10",
        "'2024年底前制定本部门行政执法事项目录' — same subjects and date.",
    ),
    "national.catalogue.items_catalogued": (
        "10",
        "'梳理本部门……行政执法事项，2024年底前制定本部门行政执法事项目录' — the same catalogue, item by item.",
    ),
    "national.catalogue.item_cleanup": (
        "9",
        "'属于地方性法规和地方政府规章规定的行政执法事项，对虽有法定依据但近五年未发生的……由实施部门或牵头实施部门"
        "及时提出拟取消、调整或者暂停实施的意见' names who proposes (the implementing department) for the "
        "items set by local regulations and rules; a local plan cannot release the other items the "
        "national clean-up covers, so the national rule stays for every item. '及时' sets no date, as "
        "nationally.",
    ),
    "national.delegation.evaluation": (
        "11",
        "'省委组织部、省委编办、省司法厅要会同省有关部门，于2024年底前对已经下放乡镇（街道）的行政执法事项组织评估' "
        "names who organises the provincial evaluation; it does not lift the national duty of the "
        "governments (same date), which stays. The provincial part is the added rule "
        "shanxi.delegation.provincial_evaluation.",
    ),
    "national.supervision.four_level_system": (
        "14",
        "'2024年底前基本建成……省市县乡四级全覆盖的行政执法协调监督工作体系' — the national sentence verbatim.",
    ),
    "national.supervision.annual_plan": (
        "16",
        "'各级司法行政部门要制定年度行政执法监督工作方案' — justice departments exist at county level and "
        "above (the township 司法所 is an agency of the county bureau), the national scope.",
    ),
}

_NO_MEASURE = "The plan sets no date, number or other measure, so no fact could show it unmet."

#: Rows of the plan deliberately not modelled, with the reason.
DECLINED: tuple[Declined, ...] = (
    Declined("一", "总体要求：到2025年底行政执法人员能力素质不断提高、行政执法行为基本规范……人民群众满意度大幅提升", "Outcome goals of the whole plan with no measure of their own; the tasks below carry the checkable duties."),
    Declined("1", "着力提高政治能力：政治轮训、专题党课、辅导讲座、研讨交流", "Political education by several methods; " + _NO_MEASURE + " Its hours are required separately and excluded from the 60 hours of task 3."),
    Declined(
        "2",
        "各级司法行政部门牵头组织本级行政执法人员公共法律知识培训，运用“线上+线下”方式，重点围绕宪法、行政处罚法等开展培训",
        "Who organises the training and its methods and topics are not facts the library holds; the "
        "outcome (at least 30 public-law hours per officer) is checked by the task 3 override of "
        "national.training.annual_hours.",
    ),
    Declined(
        "2",
        "将国办发〔2023〕27号文件列为行政执法人员培训的必修内容",
        "A training record has a category and hours but no course content (TrainingRecord has no topic "
        "field), so no fact can show whether the document was taught.",
    ),
    Declined(
        "2",
        "乡镇（街道）行政执法人员公共法律知识培训由县级司法行政部门统一组织",
        "TrainingRecord.organiser is free text, not a unit reference, and no rule kind checks who "
        "organised a training; the township officers' hours themselves are checked by task 3.",
    ),
    Declined(
        "3",
        "按照分类分级分层培训要求开展专业法律知识和行政执法技能培训；上级指导下级培训；县级机关加强乡镇（街道）业务培训；鼓励跨部门联合培训",
        "Training methods and guidance duties; " + _NO_MEASURE + " Township officers' attendance stays "
        "checked by the inherited national.training.township_higher_level.",
    ),
    Declined("3", "各级司法行政部门加强对行政执法培训的统筹指导和监督考核", "A supervising duty; " + _NO_MEASURE),
    Declined("4", "按照“谁管理、谁审查、谁负责”的原则，严格落实我省行政执法人员资格管理有关规定", "A principle and a reference to provincial rules whose text is not among the sources."),
    Declined("4", "人民警察证件的管理使用按照人民警察法的规定执行", "Refers police certificates to the People's Police Law, outside these plans."),
    Declined("4", "强化考核结果运用，将日常管理和年度考核结果作为培养、晋升、奖惩的重要依据", "How assessment results are used is a personnel decision; " + _NO_MEASURE + " The assessment itself is the inherited national.officers.annual_assessment."),
    Declined(
        "5",
        "对照清单适时组织开展专项整治行动，专项整治情况及时报送省司法厅汇总",
        "'适时' and '及时' set no date, so the rectification and its report cannot be late; the dated "
        "problem list is shanxi.rectification.provincial_field_list (with the inherited "
        "national.rectification.problem_list).",
    ),
    Declined(
        "6",
        "按照《山西省规范行政执法裁量权办法》细化量化裁量范围、种类、幅度，及时动态调整并对外公布；规范行使行政执法裁量权",
        "No date for refining, adjusting or publishing the baselines; the dated establishment of "
        "baselines is the inherited national.discretion.baselines.",
    ),
    Declined(
        "7",
        "对食品药品、公共卫生、自然资源、生态环境、安全生产、劳动保障、城市管理、交通运输、金融服务、教育培训等领域全覆盖重点监管",
        "'Full coverage' of supervision would need inspection facts per regulated entity, which the "
        "facts format does not carry; " + _NO_MEASURE,
    ),
    Declined("8", "规范涉企行政检查、新型执法机制、涉企合规指导、经济影响评估、投诉举报渠道", "Mechanisms to build and things to explore ('探索'); " + _NO_MEASURE),
    Declined(
        "9",
        "全面梳理、规范和精简执法事项；对极少发生且没有实施必要的、交叉重复的事项提出意见，按照修改、废止地方性法规和地方政府规章相关程序办理",
        "'极少发生且没有实施必要' and '交叉重复' are judgements no fact shows, and the legislative procedure "
        "that follows is not in the facts. No legal basis: shanxi.catalogue.no_legal_basis; "
        "'近五年未发生': the inherited national.catalogue.item_cleanup.",
    ),
    Declined(
        "10",
        "事项目录涵盖处罚、许可、征收征用、确认、给付、强制、检查，及时公布并动态调整；司法行政部门督促指导",
        "What the catalogue contains and when it is published are not facts the library holds; the "
        "dated catalogue (2024年底前) is the inherited national.catalogue.item_catalogue.",
    ),
    Declined(
        "11",
        "省司法厅加强对赋权事项的法制审核，指导提出可以下放的事项清单，成熟一批、下放一批；拟予清理的事项不再赋权乡镇（街道）",
        "Needs item-level facts (which items are delegated or slated for clean-up); " + _NO_MEASURE,
    ),
    Declined(
        "12",
        "省级乡镇（街道）行政执法规范化试点选定为灵石县、左权县和文水县",
        "A choice the plan itself makes, not a duty anyone can fail. Kept as data: "
        "enforcerules_shanxi.plan.PROVINCIAL_PILOTS, and the region designation "
        f"'{PROVINCIAL_PILOT}' for facts to mark them.",
    ),
    Declined(
        "12",
        "试点地区加强示范引领，形成可借鉴可推广的典型经验；各市、县对标省级试点加强指导、协调和监督",
        "Quality of the pilots' work; " + _NO_MEASURE + " The number of pilots is checked by "
        "shanxi.pilots.city_pilot_counties and shanxi.pilots.county_pilot_townships.",
    ),
    Declined("13", "事前事中事后监管衔接；跨部门、跨区域、跨层级协作；争议协调；与纪检监察、公安、检察、审判机关衔接", "Mechanisms; " + _NO_MEASURE),
    Declined("14", "明确执法监督职责，加强监督机构队伍建设；探索司法所协助县级司法行政部门开展乡镇（街道）执法监督", "Capacity building and exploration; " + _NO_MEASURE + " The dated system (2024年底前) is the inherited national.supervision.four_level_system."),
    Declined("15", "健全资格管理、案卷评查、案例指导等监督配套制度；评议考核、统计分析制度；考核评价指标体系", "Rules to draft with no date; " + _NO_MEASURE),
    Declined("16", "重大案件专项监督调查处理机制、监督员制度、信息共享机制；各机关监督机构统筹协调、日常监督和业务指导", "Mechanisms and ongoing supervision; " + _NO_MEASURE + " The annual work plan is the inherited national.supervision.annual_plan."),
    Declined("17", "推进行政执法和行政执法监督一体化平台建设，省市县乡四级综合管理平台，掌上执法", "Information-system construction with no date; " + _NO_MEASURE),
    Declined("18", "合理配备执法力量，队伍梯队建设，公职律师和法律顾问，法制审核协作机制", "Staffing decisions; " + _NO_MEASURE),
    Declined("19", "责任追究、尽职免予问责、工资待遇、基层一线人员保险、心理咨询和危机干预", "Employment conditions; " + _NO_MEASURE),
    Declined("20", "执法工作经费、装备费用纳入本级预算，保障办公用品、场所、服装、装备、车辆（船）", "Budget facts are not in the facts format; " + _NO_MEASURE),
    Declined("三（一）", "实施情况向本级党委（党组）报告；县级以上政府建立工作会商机制；省司法厅组建工作专班", "Organisational duties with no date; " + _NO_MEASURE + " The governments' consultation mechanism is the inherited national.organisation.consultation_mechanism (undated, as here)."),
    Declined("三（二）", "制定具体工作措施、建立工作台账；纳入考评和督察；适时组织第三方满意度测评", "No date ('适时') and no measure; " + _NO_MEASURE),
    Declined("三（三）", "宣传好举措好经验，报道阶段性成效，推广基层经验", "Publicity; " + _NO_MEASURE),
)
