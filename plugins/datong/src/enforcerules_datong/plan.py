"""《大通区提升行政执法质量三年行动计划实施方案（2023—2025年）》, task by task.

Grouped as the plan groups them: 二（一）—（六） hold the 45 numbered tasks
（1）—（45）, each declared with its units and 完成时限 as written (see
:mod:`enforcerules_datong.model`); 三（二） holds the evaluations and the
report to the city justice bureau. :data:`TASKS` maps every task to the
rules that encode it — Datong's own, the override of the national problem
list, or national rules Datong restates with the same content and inherits.

Quotes are the plan's text with the source layout's line breaks removed.
"""

from __future__ import annotations

from typing import Any

from enforcerules import Declined, Intent, Level, Override, Rule
from enforcerules.kinds import MetricTarget, RelativeDeadline, TaskDeadline

from .documents import cite
from .model import (
    ALL_DEPARTMENTS,
    BUREAU,
    DATA_BUREAU,
    DEVELOPMENT_REFORM,
    FINANCE_BUREAU,
    DEPARTMENTS,
    DEPARTMENTS_AND_BUREAU,
    DISTRICT,
    JUSTICE_BUREAU,
    PERIOD,
    Task,
    naming,
    task_table,
)

__all__ = ["DECLINED", "OVERRIDES", "RULES", "TASKS"]

ALL = (ALL_DEPARTMENTS,)
LEAD = (JUSTICE_BUREAU,)
STANDING = "长期坚持"

# =============================================================================
# 二（一）全面提升行政执法人员能力素质
# =============================================================================

# -- 1．着力提高政治能力 -------------------------------------------------------

T1 = Task(1, responsible=ALL, deadline=STANDING)
POLITICAL_CAPACITY = T1.rule(
    "datong.political.political_capacity", "political_capacity",
    "加强党的政治建设，提高政治能力", "Strengthen Party political building and political capacity",
    "加强党的政治建设，切实践行习近平法治思想，坚定拥护“两个确立”、坚决做到“两个维护”，正确把握政治方向，严格遵守政治纪律，加强政治历练，积累政治经验，不断提高政治判断力、政治领悟力、政治执行力。",
    DEPARTMENTS,
)

T2 = Task(2, responsible=ALL, deadline=STANDING)
PARTY_ORGANISATION = T2.rule(
    "datong.political.party_organisation", "party_organisation_building",
    "加强基层党组织建设，党建与业务融合", "Build grass-roots Party organisations; merge Party and business work",
    "加强基层党组织建设，充分发挥党组织的战斗堡垒作用，以党建为引领，将党建工作和业务工作有机融合，实现双促进双提升。",
    DEPARTMENTS,
)

T3 = Task(3, responsible=ALL, deadline=STANDING)
TEAM_BUILDING = T3.rule(
    "datong.political.team_building", "enforcement_team_building",
    "加强行政执法队伍建设", "Build the enforcement workforce",
    "加强行政执法队伍建设，推进执法队伍的革命化、正规化、专业化、职业化建设，持续提升做好行政执法工作的能力素养和本领，实现行政执法工作政治效果、法律效果和社会效果的有机统一。",
    DEPARTMENTS,
)

# -- 2．大力提升业务能力 -------------------------------------------------------

T4 = Task(4, lead=LEAD, responsible=ALL, deadline=STANDING)
TRAINING_STANDARDS = T4.rule(
    "datong.training.standardised_training", "training_standardisation",
    "落实行政执法人员培训标准化体系建设部署", "Implement the standardised training system for officers",
    "切实提升培训工作的针对性和实效性，落实国家及省、市级关于行政执法人员培训标准化体系建设的部署要求。",
    DEPARTMENTS,
)

# （5）restates 国办发〔2023〕27号 二（一）2: the same 60 hours in the same three
# categories, and the full-staff rotation by the same "2024年6月前" — both
# inherited. Its manner of training ("分类分级分层", "线上＋线下") is declined
# (see DECLINED): the 60 hours count training of either form.
T5 = Task(5, responsible=ALL, timing="2024年6月前")

T6 = Task(6, responsible=ALL, deadline=STANDING)
SPECIAL_TRAINING = T6.rule(
    "datong.training.special_business_training", "special_business_training_plan",
    "落实专门业务培训计划，加强执法行为规范和职业道德教育", "Carry out the sector's special training plan; conduct and ethics education",
    "落实本系统行政执法人员的专门业务培训计划。乡镇、街道综合执法人员要参加上级有关业务部门组织的培训。加强执法行为规范和职业道德教育，着力提高基层基础管理水平。",
    DEPARTMENTS,
    note="The sentence on township officers attending higher-level training restates the national rule "
    "national.training.township_higher_level, which is inherited.",
)

# -- 3．切实加强全方位管理 -----------------------------------------------------

# （7）and （8）restate 二（一）3, whose checkable cores stay inherited: no officer
# without a certificate handles a case alone (national.certificates.
# independent_enforcement) and every officer is assessed each year
# (national.officers.annual_assessment). As for （6）（11）（13）, the system each
# task tells the departments to carry out 长期坚持 is their own standing duty.
T7 = Task(7, lead=LEAD, responsible=ALL, deadline=STANDING)
QUALIFICATION = T7.rule(
    "datong.officers.qualification_management", "qualification_and_certified_duty",
    "严格落实资格管理和持证上岗制度", "Enforce qualification management and certified duty",
    "严格落实行政执法人员资格管理和持证上岗制度，未取得行政执法证件的人员，不得独立从事行政执法工作。",
    DEPARTMENTS,
    note="The departments (责任单位) report their work on the system; 区司法局 leads. Each penalty case "
    "is checked by the inherited national.certificates.independent_enforcement.",
)

T8 = Task(8, responsible=ALL, deadline=STANDING)
RESPONSIBILITY_SYSTEM = T8.rule(
    "datong.officers.responsibility_system", "enforcement_responsibility_system",
    "全面落实行政执法责任制，健全年度考核制度", "Enforcement responsibility system and yearly assessment system",
    "全面落实行政执法责任制，健全完善行政执法人员年度考核制度。",
    DEPARTMENTS,
    note="The departments report their work on the responsibility system and the assessment system. "
    "Each officer's yearly assessment is checked by the inherited national.officers.annual_assessment.",
)

T9 = Task(9, responsible=LEAD, supporting=ALL, deadline=STANDING)
EXIT_MECHANISM = T9.rule(
    "datong.officers.exit_mechanism", "officer_exit_mechanism",
    "建立健全行政执法人员退出机制", "Establish the exit mechanism for enforcement officers",
    "建立健全行政执法人员退出机制，对不符合执法要求的行政执法人员要依法暂扣、收回或者注销其行政执法证件。",
    BUREAU,
    note="Datong gives the mechanism to 区司法局 (the certificate authority), with the departments "
    "supporting; the facts do not say which officers are 'unfit', so the duty is checked as the bureau "
    "reporting its work on the mechanism.",
)

# =============================================================================
# 二（二）全面推进严格规范公正文明执法
# =============================================================================

# -- 4．强力整治行政执法突出问题 -----------------------------------------------

T10 = Task(10, responsible=ALL, supporting=LEAD, deadline="2024年8月底")
_T10_QUOTE = "梳理形成本地区各行政执法领域的突出问题清单，并对照清单适时组织开展专项整治行动，专项整治情况报送区司法局汇总。"

#: Datong gives its departments until the end of August 2024 for the problem
#: list the national plan wanted by the end of 2023: a declared relaxation.
PROBLEM_LIST = T10.override(
    "national.rectification.problem_list",
    Intent.RELAX,
    _T10_QUOTE,
    note="Datong's 完成时限 '2024年8月底' (2024-08-31) is later than the national '2023年底前' "
    "(2023-12-31). A department that finished between those dates is compliant under Datong's "
    "rulebook and late under the national one. The national scope (every enforcement unit) is kept.",
)

SPECIAL_RECTIFICATION = T10.rule(
    "datong.rectification.special_rectification_report", "special_rectification_report",
    "专项整治情况报送区司法局汇总", "Report the special rectification to the district justice bureau",
    _T10_QUOTE,
    DEPARTMENTS,
    note="The task's 完成时限 covers the whole task, so the report to 区司法局 is read as due by the "
    "same '2024年8月底'; the rectification itself is 'timely' (适时) and has no date of its own.",
)

# -- 5．建立健全行政执法标准规范 -----------------------------------------------

T11 = Task(11, responsible=ALL, deadline=STANDING)
DISCRETION = T11.rule(
    "datong.standards.discretion_baselines", "discretion_baseline_management",
    "落实行政裁量权基准制度，动态管理和备案审查", "Apply discretion baselines; keep them updated and filed for review",
    "全面落实行政裁量权基准制度，加强行政裁量权基准的动态管理和备案审查。",
    DEPARTMENTS,
    note="A standing duty in Datong; the national '2023年底前普遍建立' date for establishing the "
    "baselines still applies through the inherited rule national.discretion.baselines.",
)

T12 = Task(12, responsible=(JUSTICE_BUREAU, ALL_DEPARTMENTS), deadline="根据上级部署开展")
DOCUMENT_FORMATS = T12.rule(
    "datong.standards.documents_and_equipment", "uniform_documents_and_equipment",
    "统一执法文书基本格式和执法装备配备规范", "Unify document formats and equipment standards",
    "根据上级工作部署，分类推进全区行政执法文书基本格式和行政执法装备配备等统一规范。",
    DEPARTMENTS_AND_BUREAU,
)

# -- 6．完善行政执法工作机制 ---------------------------------------------------

T13 = Task(13, responsible=(JUSTICE_BUREAU, ALL_DEPARTMENTS), deadline=STANDING)
THREE_SYSTEMS = T13.rule(
    "datong.procedure.three_systems", "three_systems",
    "全面落实行政执法“三项制度”", "Apply the three systems: publication, full-process recording, legal review",
    "严格行政执法程序，全面落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。",
    DEPARTMENTS_AND_BUREAU,
    note="Case-by-case legal review before major decisions is checked by the inherited "
    "national.cases.legal_review; this rule tracks the units' standing work on all three systems, "
    "of which publication and recording leave no trace in the case facts.",
)

T14 = Task(
    14,
    responsible=("区市场监管局", "区卫健委", "大通生态环境分局", "区应急管理局", "市交通运输综合行政执法一大队", JUSTICE_BUREAU),
    deadline=STANDING,
)
CREDIT_SUPERVISION = T14.rule(
    "datong.mechanisms.credit_based_supervision", "credit_based_supervision",
    "健全以信用为基础的新型执法机制", "Credit-based enforcement; regulate inspections of enterprises",
    "依法健全以信用为基础的新型执法机制，规范涉企行政检查，完善联合检查、“双随机、一公开”监管、非现场执法等工作机制，推动监管信息共享互认，避免多头执法、重复检查；对直接涉及公共安全和人民群众生命健康等特殊行业、重点领域，依法依规实行全覆盖的重点监管。",
    DEPARTMENTS_AND_BUREAU,
    note="The plan names six units '等单位按职责分工负责' (and others, by their duties): every district "
    "enforcement department and the justice bureau is in scope.",
)

T15 = Task(15, lead=LEAD, responsible=ALL, deadline=STANDING)
NO_PENALTY_LIST = T15.rule(
    "datong.mechanisms.no_penalty_list", "minor_violation_no_penalty_list",
    "制定并实施轻微违法行为依法不予处罚清单", "Adopt and apply the list of minor violations not penalised",
    "全面推行包容审慎监管，制定并实施轻微违法行为依法不予处罚清单制度，明确不予处罚范围，细化相关标准。",
    DEPARTMENTS,
    note="Datong's plan publishes no list, so no case is matched against one here; penalised cases that "
    "《行政处罚法》 art. 33 excuses are checked by the inherited national penalty-law rules.",
)
NO_PENALTY_LIST_ADJUSTMENT = T15.rule(
    "datong.mechanisms.no_penalty_list_adjustment", "no_penalty_list_dynamic_adjustment",
    "建立健全不予处罚清单动态调整机制", "Keep the no-penalty list under dynamic adjustment",
    "建立健全清单动态调整机制。",
    DEPARTMENTS,
)

T16 = Task(16, responsible=ALL, deadline=STANDING)
ENTERPRISE_COMPLIANCE = T16.rule(
    "datong.mechanisms.enterprise_compliance", "enterprise_compliance_guidance",
    "督促引导受处罚企业合规整改，保护民营企业权益", "Guide penalised enterprises to comply; protect private enterprises",
    "综合运用多种方式督促引导受处罚企业加强合规管理、及时整改违法问题，防止以罚代管。探索建立涉企行政执法案件经济影响评估制度，依法降低行政执法对企业的负面影响。完善涉民营企业行政执法违法行为投诉举报处理机制，依法保护民营企业和企业家权益。",
    DEPARTMENTS,
    note="The exploratory economic-impact assessment and the complaint mechanism of the same task are "
    "parts of this standing duty; they have no separate date.",
)

# =============================================================================
# 二（三）健全完善行政执法工作体系
# =============================================================================

# -- 7．协调推进行政执法体制改革 -----------------------------------------------

# （17）restates 二（三）1: item catalogues by "2024年底前" (inherited).
T17 = Task(17, lead=LEAD, responsible=ALL, timing="2024年底前")

T18 = Task(18, lead=LEAD, responsible=ALL, deadline="按照上级部署开展")
ITEM_CLEANUP = T18.rule(
    "datong.system.item_cleanup", "enforcement_item_cleanup",
    "组织开展行政执法事项清理", "Clean up enforcement items",
    "组织开展行政执法事项的清理工作，对虽有法定依据但近五年未发生的、极少发生且没有实施必要的、交叉重复的等行政执法事项进行清理，提出拟取消、调整或者暂停实施的意见，按规定程序处理。",
    DEPARTMENTS,
)

# -- 8．做好乡镇、街道赋权有关工作 ---------------------------------------------

T19 = Task(19, responsible=LEAD, supporting=ALL, deadline="2024年底")
#: The national duty of "各地区" (二（三）2, bound on the governments) is
#: inherited unchanged; Datong gives the same evaluation, by the same day, to
#: its justice bureau as well.
DELEGATION_EVALUATION = T19.rule(
    "datong.delegation.evaluation", "delegation_evaluation",
    "区司法局对已下放乡镇、街道的执法事项至少评估一次", "Justice bureau evaluates the items delegated to townships at least once",
    "积极配合机构编制部门，对已经下放乡镇、街道的行政执法事项至少进行一次评估，对基层接不住、监管跟不上的及时予以调整。",
    BUREAU,
    note="Same task key and day as national.delegation.evaluation (Datong writes '2024年底', the "
    "national plan '2024年底前', both 2024-12-31), which stays inherited and binds the district "
    "government: Datong names who does the work, it does not lift the region's duty. 区司法局 works "
    "with the staffing office (机构编制部门); the departments support.",
)

T20 = Task(20, responsible=(JUSTICE_BUREAU, ALL_DEPARTMENTS), deadline="2024年底")
DELEGATION_REVIEW = T20.rule(
    "datong.delegation.legal_review", "delegation_legal_review",
    "加强赋权事项法制审核，提出可赋权事项清单", "Legal review of delegation; list the items that may be delegated",
    "加强对赋权乡镇、街道行政执法事项的法制审核，指导、监督有关行政部门分区域、分类别依法研究提出可以赋权的行政执法事项清单。",
    DEPARTMENTS_AND_BUREAU,
)

T21 = Task(21, responsible=LEAD, deadline="按照上级部署开展")
TOWNSHIP_PILOT = T21.rule(
    "datong.delegation.township_pilot", "township_standardisation_pilot",
    "组织开展乡镇、街道行政执法规范化试点", "Township enforcement standardisation pilot",
    "组织开展乡镇、街道行政执法规范化试点。",
    BUREAU,
)

# -- 9．大力推进行政执法协作 ---------------------------------------------------

T22 = Task(22, lead=("区市场监管局",), responsible=ALL, timing="到2025年底")
JOINT_INSPECTION = T22.rule(
    "datong.cooperation.joint_inspection", "comprehensive_inspection_once",
    "推行“综合查一次”，跨部门联合抽查检查常态化", "'Inspect once' and routine joint inspections",
    "推行“综合查一次”制度，形成各司其职、各负其责、相互配合、齐抓共管的协同监管格局；到2025年底，条块结合、区域联动的协同监管机制进一步完善，跨部门联合抽查检查常态化开展。",
    DEPARTMENTS,
    note="No 完成时限 line: the date is the text's '到2025年底' (2025-12-31), by which joint "
    "inspections are to be routine.",
)

T23 = Task(23, responsible=ALL, deadline="2025年8月底")
COOPERATION = T23.rule(
    "datong.cooperation.cooperation_mechanism", "enforcement_cooperation_mechanism",
    "建立健全跨部门、跨区域、跨层级执法协作机制", "Cross-department, cross-region, cross-level cooperation mechanism",
    "建立健全跨部门、跨区域、跨层级的行政执法协作机制，实现违法线索互联、执法标准互通、处理结果互认。完善行政执法管辖、法律适用等争议协调机制。",
    DEPARTMENTS,
)

T24 = Task(24, responsible=("大通公安分局", JUSTICE_BUREAU, ALL_DEPARTMENTS, "区检察院"), deadline=STANDING)
CRIMINAL_LINKAGE = T24.rule(
    "datong.cooperation.criminal_justice_linkage", "admin_criminal_linkage",
    "健全行政执法与刑事司法衔接机制", "Link administrative enforcement with criminal justice",
    "进一步加强与检察机关的协作配合，健全行政执法与刑事司法衔接机制。",
    DEPARTMENTS_AND_BUREAU,
    note="区检察院 (the procuratorate) is named but is not an administrative unit this library "
    "checks; 大通公安分局 is an enforcement department.",
)

T25 = Task(25, responsible=("各全区行政执法部门",), deadline=STANDING)
DISCIPLINE_REFERRAL = T25.rule(
    "datong.cooperation.discipline_referral", "discipline_inspection_referral",
    "加强与纪检监察机关协作，及时移送问题线索", "Cooperate with discipline inspection; refer leads promptly",
    "行政执法机关要加强与纪检监察机关协作配合，及时依规依纪依法移送行政执法过程中发现的有关问题线索。",
    DEPARTMENTS,
)

# =============================================================================
# 二（四）加快构建行政执法协调监督工作体系
# =============================================================================

# -- 10．完善行政执法监督制度 --------------------------------------------------

T26 = Task(26, responsible=ALL, deadline=STANDING)
SUPERVISION_REGULATION = T26.rule(
    "datong.supervision.regulation", "supervision_regulation_implementation",
    "严格执行《安徽省行政执法监督条例》", "Apply the Anhui Regulation on Enforcement Supervision",
    "严格执行《安徽省行政执法监督条例》，建立和完善行政执法监督机制，保障公民、法人和其他组织合法权益，全面推进依法行政。",
    DEPARTMENTS,
)

T27 = Task(27, responsible=(JUSTICE_BUREAU, ALL_DEPARTMENTS), deadline=STANDING)
SUPPORTING_SYSTEMS = T27.rule(
    "datong.supervision.supporting_systems", "supervision_supporting_systems",
    "健全监督配套制度，推进案卷评查、案例指导", "Supervision support systems: case-file review, guiding cases",
    "健全完善行政执法监督配套工作制度，推进行政执法案卷评查、行政执法案例指导等工作。",
    DEPARTMENTS_AND_BUREAU,
)

T28 = Task(28, lead=LEAD, responsible=ALL, timing="2024年底")
_T28_QUOTE = "2024年底行政诉讼败诉率和行政复议纠错率双下降，达到全省平均值。"
_T28_NOTE = (
    "'双下降' is read as lower in 2024 than in 2023; '达到全省平均值' for a rate where lower is "
    "better as at most Anhui's 2024 average. Missing figures give insufficient_data. The deadline is "
    "the text's '2024年底' (2024-12-31)."
)
LITIGATION_LOSS_RATE = T28.declare(
    "datong.metrics.litigation_loss_rate",
    "2024年底行政诉讼败诉率下降并达到全省平均值", "2024 litigation loss rate falls and reaches the provincial average",
    _T28_QUOTE,
    MetricTarget(
        metric="admin_litigation_loss_rate", year=2024, deadline=T28.phrase, must_fall=True, at_most_level=Level.PROVINCE,
        label_zh="行政诉讼败诉率", label_en="administrative litigation loss rate", percent=True,
    ),
    DISTRICT,
    note=_T28_NOTE,
)
RECONSIDERATION_RATE = T28.declare(
    "datong.metrics.reconsideration_correction_rate",
    "2024年底行政复议纠错率下降并达到全省平均值", "2024 reconsideration correction rate falls and reaches the provincial average",
    _T28_QUOTE,
    MetricTarget(
        metric="admin_reconsideration_correction_rate", year=2024, deadline=T28.phrase, must_fall=True, at_most_level=Level.PROVINCE,
        label_zh="行政复议纠错率", label_en="administrative reconsideration correction rate", percent=True,
    ),
    DISTRICT,
    note=_T28_NOTE,
)

T29 = Task(29, lead=LEAD, responsible=ALL, deadline="2024年8月底")
EVALUATION_INDEX = T29.rule(
    "datong.supervision.evaluation_index_system", "evaluation_index_system",
    "研究制定行政执法考核评价指标体系", "Design the enforcement evaluation index system",
    "研究制定科学、合理的行政执法考核评价指标体系，提高相关指标的针对性、约束力。",
    BUREAU,
    note="One index system for the district: the lead unit 区司法局 reports it; the departments "
    "(责任单位) contribute.",
)

# -- 11．健全行政执法监督机制 --------------------------------------------------

T30 = Task(30, responsible=(JUSTICE_BUREAU, ALL_DEPARTMENTS), timing="2024年底前")

#: Same system and day as 二（四）2 (inherited, bound on the governments),
#: without "省市县乡四级全覆盖", and given to the justice bureau and the
#: departments as well.
SUPERVISION_SYSTEM = T30.rule(
    "datong.supervision.coordination_system", "supervision_system",
    "2024年底前基本建成行政执法协调监督工作体系", "Enforcement coordination and supervision system basically built by end of 2024",
    "强化上级行政机关对下级行政机关行政执法工作的全方位、全流程监督，严格履行常态化、长效化监督，2024年底前基本建成制度完善、机制健全、职责明确、监督有力、运转高效的行政执法协调监督工作体系。",
    DEPARTMENTS_AND_BUREAU,
    note="Each 责任单位 (区司法局 and every district enforcement department) reports "
    "'supervision_system' for its part. The national rule national.supervision.four_level_system "
    "(the governments' duty, same key and day) stays inherited. No 完成时限 line: the date is the "
    "text's '2024年底前'.",
)

T31 = Task(31, responsible=LEAD, deadline="2025年8月底")
JUSTICE_OFFICES = T31.rule(
    "datong.supervision.justice_office_assistance", "justice_office_assisted_supervision",
    "探索司法所协助开展乡镇、街道执法监督", "Justice offices assisting township enforcement supervision",
    "积极探索司法所协助县级人民政府司法行政部门开展乡镇、街道行政执法监督工作的方式方法。",
    BUREAU,
)

# -- 12．创新行政执法监督方式 --------------------------------------------------

T32 = Task(32, responsible=LEAD, deadline=STANDING)
ROUTINE_SUPERVISION = T32.rule(
    "datong.supervision.routine_supervision", "routine_supervision",
    "开展经常性监督，推进法治监督员制度", "Routine supervision and the rule-of-law supervisor system",
    "综合运用行政执法工作报告、统计分析、评议考核等方式，对行政执法工作情况开展经常性监督,督促行政执法机关全面履行行政执法职能。积极推进落实法治监督员制度。",
    BUREAU,
    note="The yearly supervision work plan of the same task is the inherited national.supervision.annual_plan.",
)

T33 = Task(33, responsible=ALL, deadline=STANDING)
DEPARTMENTAL_SUPERVISION = T33.rule(
    "datong.supervision.departmental_supervision", "departmental_supervision",
    "加强本部门本系统执法工作的统筹协调、日常监督和业务指导", "Departments' own coordination, supervision and guidance",
    "承担行政执法监督职责的机构，要加强对本部门本系统行政执法工作和重大行政执法案事件的统筹协调、日常监督和业务指导。",
    DEPARTMENTS,
)

T34 = Task(34, responsible=ALL, deadline="2025年8月底")
MAJOR_CASES = T34.rule(
    "datong.supervision.major_case_mechanism", "major_case_special_supervision",
    "完善重大行政执法案件专项监督调查处理机制", "Special supervision mechanism for major enforcement cases",
    "完善重大行政执法案件专项监督调查处理机制。",
    DEPARTMENTS,
)

T35 = Task(35, responsible=(JUSTICE_BUREAU, "区数据资源局"), deadline="2025年8月底")
HOTLINE = T35.rule(
    "datong.supervision.hotline_sharing", "hotline_information_sharing",
    "建立执法监督与12345热线信息共享机制", "Share information between supervision and the 12345 hotline",
    "拓宽监督渠道，建立行政执法监督与12345政务服务便民热线等监督渠道的信息共享工作机制。",
    naming(BUREAU, *DATA_BUREAU),
    note="区数据资源局 is co-responsible and bound beside the bureau: a district unit whose name contains "
    "'数据资源局' (Scope.named), whatever its kind.",
)

# =============================================================================
# 二（五）健全行政执法和行政执法监督科技保障体系
# =============================================================================

# -- 13．推进行政执法和行政执法监督信息系统建设 ----------------------------------

T36 = Task(36, responsible=(JUSTICE_BUREAU, ALL_DEPARTMENTS), deadline=STANDING)
PLATFORM = T36.rule(
    "datong.technology.integrated_platform", "integrated_platform_use",
    "推进一体化平台建设使用和掌上执法", "Use the integrated platform and mobile enforcement",
    "按照国家统筹、省级组织、省市两级集中部署、省市县乡四级一体化应用方式，推进行政执法和行政执法监督一体化平台集约化建设和使用，推行行政执法移动应用程序（APP）掌上执法。",
    DEPARTMENTS_AND_BUREAU,
    note="The plan heads this task's deadline '完成时间' rather than '完成时限'.",
)

# -- 14．推进行政执法数据互联互通 ----------------------------------------------

T37 = Task(37, lead=(JUSTICE_BUREAU, "区市场监管局", "区发改委", "区数据资源局"), responsible=ALL, deadline="按照上级部署开展")
DATA_INTERCONNECTION = T37.rule(
    "datong.technology.data_interconnection", "data_interconnection",
    "推进执法数据标准兼容和互联互通", "Data standards and interconnection of enforcement systems",
    "按照国家和省级部署要求，推进行政执法和行政执法监督一体化平台与国家“互联网+监管”系统、省公共信用信息共享服务平台、“双随机、一公开”系统等数据标准的相互兼容，加快推进有关部门业务系统占全国行政执法综合管理监督信息系统执法数据的互联互通。",
    naming(DEPARTMENTS_AND_BUREAU, *DEVELOPMENT_REFORM, *DATA_BUREAU),
    note="The leads 区司法局, 区发改委 and 区数据资源局 are bound beside the departments (区市场监管局 is one): "
    "district units whose names contain '发改委'/'发展和改革委员会' or '数据资源局' (Scope.named).",
)

# =============================================================================
# 二（六）不断强化行政执法保障能力
# =============================================================================

# -- 15．加强行政执法建设 ------------------------------------------------------

T38 = Task(38, responsible=ALL, deadline=STANDING)
STAFFING = T38.rule(
    "datong.support.staffing", "enforcement_staffing",
    "合理配备行政执法力量", "Staff enforcement bodies adequately",
    "根据行政执法机构所承担的执法职责和工作任务，积极争取党委组织部门和机构编制部门的支持，合理配备行政执法力量，并注重行政执法机构队伍梯队建设。",
    DEPARTMENTS,
)

T39 = Task(39, responsible=ALL, deadline=STANDING)
PUBLIC_LAWYERS = T39.rule(
    "datong.support.public_lawyers", "public_lawyers_and_counsel",
    "加强公职律师和法律顾问队伍建设", "Government lawyers and legal counsel",
    "加强行政执法机构公职律师和法律顾问队伍建设，落实公职律师在重大决策中发挥积极作用的制度机制，保障公职律师有效参与决策论证，提出法律意见。",
    DEPARTMENTS,
)

T40 = Task(40, responsible=ALL, deadline="2024年底")
REVIEW_COOPERATION = T40.rule(
    "datong.support.legal_review_cooperation", "legal_review_cooperation_mechanism",
    "建立重大执法决定法制审核协作机制", "Cooperation mechanism for legal review of major decisions",
    "整合有关行政执法机关的法制审核力量，建立重大执法决定法制审核协作机制。",
    DEPARTMENTS,
)

# -- 16．强化权益保障 ----------------------------------------------------------

T41 = Task(41, responsible=(JUSTICE_BUREAU, ALL_DEPARTMENTS), deadline="2025年8月底")
ACCOUNTABILITY = T41.rule(
    "datong.support.accountability", "accountability_and_exemption_mechanism",
    "建立健全责任追究、尽职免予问责机制", "Accountability and due-diligence exemption mechanism",
    "建立健全行政执法责任追究、尽职免予问责机制，细化追责、免予问责情形和容错纠错程序。",
    DEPARTMENTS_AND_BUREAU,
)

_FINANCE_NOTE = (
    "区财政局 is co-responsible and bound beside the departments: a district unit whose name contains "
    "'财政局' (Scope.named), whatever its kind."
)
_FINANCE = ("区财政局", ALL_DEPARTMENTS)

T42 = Task(42, responsible=_FINANCE, deadline=STANDING)
PAY_AND_INSURANCE = T42.rule(
    "datong.support.pay_and_insurance", "pay_and_insurance",
    "落实工资待遇，依法为一线执法人员办理保险", "Pay, occupational protection and insurance for front-line officers",
    "落实和完善行政执法人员工资待遇政策，强化行政执法人员职业保障,依法为基层一线行政执法人员办理保险。",
    naming(DEPARTMENTS, *FINANCE_BUREAU),
    note=_FINANCE_NOTE,
)

T43 = Task(43, responsible=ALL, deadline=STANDING)
PSYCHOLOGICAL = T43.rule(
    "datong.support.psychological_services", "psychological_services",
    "心理咨询服务和危机干预机制", "Counselling and crisis intervention for officers",
    "完善并长期坚持行政执法人员心理咨询服务和危机干预机制。",
    DEPARTMENTS,
)

# -- 17．加大财政支持力度 ------------------------------------------------------

T44 = Task(44, responsible=_FINANCE, deadline=STANDING)
BUDGET = T44.rule(
    "datong.support.budget", "enforcement_budget",
    "执法工作经费和装备费用纳入区级预算", "Enforcement funds and equipment in the district budget",
    "要按照中央与地方财政事权和支出责任划分原则，将行政执法工作经费、行政执法装备配备费用纳入区级预算。",
    naming(DEPARTMENTS, *FINANCE_BUREAU),
    note=_FINANCE_NOTE,
)

T45 = Task(45, responsible=_FINANCE, deadline=STANDING)
FUNDING = T45.rule(
    "datong.support.funding", "enforcement_funding",
    "合理保障行政执法经费投入", "Adequate funding of enforcement",
    "结合财政实际，合理保障行政执法经费投入力度，切实满足行政执法工作需要。",
    naming(DEPARTMENTS, *FINANCE_BUREAU),
    note=_FINANCE_NOTE,
)

# =============================================================================
# 三（二）强化督促落实 — evaluation of the plan, report to the city
# =============================================================================

_EVALUATION = "三（二）"


def _evaluation(rule_id: str, title_zh: str, title_en: str, quote: str, spec: Any, note: str = "") -> Rule:
    return Rule(
        id=rule_id, title_zh=title_zh, title_en=title_en, citation=cite(_EVALUATION, quote),
        spec=spec, scope=BUREAU, effective=PERIOD, responsible=(JUSTICE_BUREAU,), note=note,
    )


#: Task keys of the two evaluations; their reported completion starts the 15-day report period.
MIDTERM_TASK, FINAL_TASK = "midterm_evaluation", "final_evaluation"

_MID_MONTH_NOTE = (
    "'中旬前' is ambiguous: by default (DeadlinePolicy.mid_month=BY_END) the evaluation is due by the "
    "20th, the last day of 中旬; DeadlinePolicy.strict() reads it as before the 11th (due the 10th)."
)
MIDTERM_EVALUATION = _evaluation(
    "datong.evaluation.midterm", "2024年9月中旬前完成中期评估", "Mid-term evaluation by mid-September 2024",
    "区司法局牵头开展实施情况评估，2024年9月中旬前完成中期评估",
    TaskDeadline(task=MIDTERM_TASK, deadline="2024年9月中旬前"),
    _MID_MONTH_NOTE,
)
FINAL_EVALUATION = _evaluation(
    "datong.evaluation.final", "2025年9月中旬前完成终期评估", "Final evaluation by mid-September 2025",
    "2025年9月中旬前完成终期评估",
    TaskDeadline(task=FINAL_TASK, deadline="2025年9月中旬前"),
    _MID_MONTH_NOTE,
)
EVALUATION_REPORT = _evaluation(
    "datong.evaluation.report_to_city", "评估完成后15日内将总结评估报告报市司法局",
    "Evaluation report to the city justice bureau within 15 days",
    "在评估完成后15日内将总结评估报告报市司法局",
    RelativeDeadline(
        trigger=None, response="evaluation_report_to_city", days="15日内",
        label_zh="将总结评估报告报市司法局", label_en="send the evaluation report to the city justice bureau",
        trigger_tasks=(MIDTERM_TASK, FINAL_TASK),
        trigger_label_zh="中期评估或终期评估完成", trigger_label_en="mid-term or final evaluation completed",
    ),
    "The bureau's reported completion of the mid-term or final evaluation (task reports "
    "'midterm_evaluation', 'final_evaluation', the keys of datong.evaluation.midterm and .final) starts "
    "15 days. One fact, one reading: the evaluation is read from its task report here as it is by "
    "datong.evaluation.midterm and .final, so an 'evaluation_completed' event counts for neither "
    "(a report of the same evaluation twice on one day starts one period). Days are "
    "counted per 《民法典》 arts. 201 and 203: the completion day is not counted, and a last day on a "
    "statutory rest day moves to the next working day (e.g. completed 2024-09-20 → due 2024-10-08, after "
    "the National Day holiday).",
)

# =============================================================================
# The task table
# =============================================================================

#: （1）—（45） → the rules that encode each task.
TASKS = task_table(
    (T1, [POLITICAL_CAPACITY]),
    (T2, [PARTY_ORGANISATION]),
    (T3, [TEAM_BUILDING]),
    (T4, [TRAINING_STANDARDS]),
    (T5, ["national.training.annual_hours", "national.training.full_staff_rotation"]),
    (T6, [SPECIAL_TRAINING, "national.training.township_higher_level"]),
    (T7, [QUALIFICATION, "national.certificates.independent_enforcement"]),
    (T8, [RESPONSIBILITY_SYSTEM, "national.officers.annual_assessment"]),
    (T9, [EXIT_MECHANISM]),
    (T10, [PROBLEM_LIST.rule_id, SPECIAL_RECTIFICATION]),
    (T11, [DISCRETION]),
    (T12, [DOCUMENT_FORMATS]),
    (T13, [THREE_SYSTEMS, "national.cases.legal_review"]),
    (T14, [CREDIT_SUPERVISION]),
    (T15, [NO_PENALTY_LIST, NO_PENALTY_LIST_ADJUSTMENT]),
    (T16, [ENTERPRISE_COMPLIANCE]),
    (T17, ["national.catalogue.item_catalogue", "national.catalogue.items_catalogued"]),
    (T18, [ITEM_CLEANUP, "national.catalogue.item_cleanup"]),
    (T19, [DELEGATION_EVALUATION]),
    (T20, [DELEGATION_REVIEW]),
    (T21, [TOWNSHIP_PILOT]),
    (T22, [JOINT_INSPECTION]),
    (T23, [COOPERATION]),
    (T24, [CRIMINAL_LINKAGE]),
    (T25, [DISCIPLINE_REFERRAL]),
    (T26, [SUPERVISION_REGULATION]),
    (T27, [SUPPORTING_SYSTEMS]),
    (T28, [LITIGATION_LOSS_RATE, RECONSIDERATION_RATE]),
    (T29, [EVALUATION_INDEX]),
    (T30, [SUPERVISION_SYSTEM]),
    (T31, [JUSTICE_OFFICES]),
    (T32, [ROUTINE_SUPERVISION, "national.supervision.annual_plan"]),
    (T33, [DEPARTMENTAL_SUPERVISION]),
    (T34, [MAJOR_CASES]),
    (T35, [HOTLINE]),
    (T36, [PLATFORM]),
    (T37, [DATA_INTERCONNECTION]),
    (T38, [STAFFING]),
    (T39, [PUBLIC_LAWYERS]),
    (T40, [REVIEW_COOPERATION]),
    (T41, [ACCOUNTABILITY]),
    (T42, [PAY_AND_INSURANCE]),
    (T43, [PSYCHOLOGICAL]),
    (T44, [BUDGET]),
    (T45, [FUNDING]),
)

#: Datong's own rules, in plan order.
RULES: tuple[Rule, ...] = (
    POLITICAL_CAPACITY, PARTY_ORGANISATION, TEAM_BUILDING,
    TRAINING_STANDARDS, SPECIAL_TRAINING,
    QUALIFICATION, RESPONSIBILITY_SYSTEM, EXIT_MECHANISM,
    SPECIAL_RECTIFICATION,
    DISCRETION, DOCUMENT_FORMATS,
    THREE_SYSTEMS, CREDIT_SUPERVISION, NO_PENALTY_LIST, NO_PENALTY_LIST_ADJUSTMENT, ENTERPRISE_COMPLIANCE,
    ITEM_CLEANUP,
    DELEGATION_EVALUATION, DELEGATION_REVIEW, TOWNSHIP_PILOT,
    JOINT_INSPECTION, COOPERATION, CRIMINAL_LINKAGE, DISCIPLINE_REFERRAL,
    SUPERVISION_REGULATION, SUPPORTING_SYSTEMS, LITIGATION_LOSS_RATE, RECONSIDERATION_RATE, EVALUATION_INDEX,
    SUPERVISION_SYSTEM, JUSTICE_OFFICES,
    ROUTINE_SUPERVISION, DEPARTMENTAL_SUPERVISION, MAJOR_CASES, HOTLINE,
    PLATFORM, DATA_INTERCONNECTION,
    STAFFING, PUBLIC_LAWYERS, REVIEW_COOPERATION,
    ACCOUNTABILITY, PAY_AND_INSURANCE, PSYCHOLOGICAL,
    BUDGET, FUNDING,
    MIDTERM_EVALUATION, FINAL_EVALUATION, EVALUATION_REPORT,
)

OVERRIDES: tuple[Override, ...] = (PROBLEM_LIST,)

#: Rows of the plan deliberately not modelled, and why.
DECLINED: tuple[Declined, ...] = (
    Declined(
        "一",
        "总体要求：到2025年底行政执法突出问题得到有效整治……行政执法质量和效能显著提高",
        "General aims; each is carried by a numbered task, and the aims themselves name no subject or measure.",
    ),
    Declined(
        "（4）",
        "对承担多个部门行政执法事项人员的培训，鼓励跨部门联合开展",
        "Encouragement (鼓励), not a duty.",
    ),
    Declined(
        "（5）",
        "开展分类分级分层培训，采取“线上＋线下”的方式",
        "Says how training is organised and delivered, with no measure, share or subject of its own; the "
        "duty it serves (60 hours a year, inherited) counts training of either form, and training records "
        "carry no delivery form (the organiser is free text).",
    ),
    Declined(
        "（7）",
        "鼓励在行政执法岗位的人员参加国家法律职业资格考试，取得国家法律职业资格证",
        "Encouragement (鼓励), not a duty.",
    ),
    Declined(
        "（8）",
        "按照国家有关规定对在行政执法中做出突出贡献的集体和个人给予表彰奖励，推进示范创建活动",
        "Awards follow separate national rules and are discretionary; nothing in the facts says who "
        "deserved one.",
    ),
    Declined(
        "（28）",
        "开展违法行政行为集中整治，查找违法行为成因，以查促纠，惩教结合",
        "Names no deliverable or date of its own; the outcome it serves is measured by the two 2024 "
        "rate targets of the same task, which are modelled.",
    ),
    Declined(
        "三（一）",
        "组织实施情况要及时向本级党委（党组）报告",
        "'及时' (promptly) without a trigger or number of days; reports to Party committees are not "
        "facts a supervising department holds.",
    ),
    Declined(
        "三（一）、附件",
        "建立工作会商机制（定期会商、专题会商）",
        "The plan's own 附件 establishes the mechanism; 定期会商 names no frequency and 专题会商 is "
        "on request, so there is nothing dated to check. The governments' consultation mechanism is the inherited national.organisation.consultation_mechanism (undated, as here).",
    ),
    Declined(
        "三（二）",
        "贯彻落实情况纳入法治政府建设考评指标体系和依法行政考核内容，列入法治政府建设督察内容",
        "Says how other assessments use the plan's results; it binds those assessments, not the units.",
    ),
    Declined(
        "三（二）",
        "总结评估报告包括贯彻落实工作总体情况……有关制度机制建设材料作为附件，一并报送",
        "The report's contents are not in the facts; only its timing (15 days) is checked.",
    ),
    Declined(
        "三（三）",
        "深入挖掘、总结提炼好经验好做法，全方位、多层次开展宣传；将本方案作为各类行政执法培训的重要内容和必修课",
        "Publicity has no measure; training records carry categories, not whether the plan was taught, "
        "so the 'required course' cannot be told apart from other business training.",
    ),
)
